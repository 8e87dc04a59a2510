"""Score the analyser on gold folders with ../shared/eval/score.py: `python -m wirecoder.train.evaluate DIR...`."""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from wirecoder.contract import to_contract
from wirecoder.records import Analysis
from wirecoder.train.gold import SHARED, gold_articles


def predict(folder: Path, out: Path, settings=None) -> int:
    """Analyse every gold article of `folder` and write the JSON Lines predictions to `out`."""
    from wirecoder.ingest.text import article_from_text
    from wirecoder.pipeline import analyze_many
    from wirecoder.settings import DEFAULT

    settings = settings or DEFAULT
    golds = gold_articles(folder)
    arts = (article_from_text(g["text"], published=g.get("published"), settings=settings, id=g["id"],
                              outlet=g.get("outlet"), url=g.get("url"), title=g.get("title")) for g in golds)
    n = 0
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as fh:
        for res in analyze_many(arts, settings=settings):
            if isinstance(res, Analysis):
                fh.write(json.dumps(to_contract(res), ensure_ascii=False) + "\n")
                n += 1
    return n


def score(folder: Path, pred: Path, details: bool = False) -> str:
    """score.py's report of `pred` against the gold `folder`."""
    cmd = [sys.executable, str(SHARED / "eval" / "score.py"), "--gold", str(folder), "--pred", str(pred)]
    return subprocess.run(cmd + (["--details"] if details else []), capture_output=True, text=True,
                          check=True).stdout


def summary(report: str) -> dict[str, str]:
    """The key=value pairs of score.py's SUMMARY line."""
    line = next((ln for ln in report.splitlines() if ln.startswith("SUMMARY")), "")
    return dict(kv.split("=", 1) for kv in line.split()[1:] if "=" in kv)


def confusion(folder: Path, pred: Path) -> Counter:
    """(gold type, predicted type) of events matched by sentence; "-" for a miss or a false alarm."""
    from wirecoder.train.gold import scorer

    sc = scorer()
    preds = {json.loads(ln)["id"]: json.loads(ln) for ln in pred.read_text(encoding="utf-8").splitlines() if ln}
    out: Counter = Counter()
    for g in gold_articles(folder):
        gold, got = g.get("events") or [], (preds.get(g["id"]) or {}).get("events") or []
        pairs = sc.match(gold, got, lambda a, b: sc.event_score(a, {**b, "type": a.get("type")}))
        for gi, pi in pairs:
            out[(gold[gi]["type"], got[pi]["type"])] += 1
        out.update((gold[i]["type"], "-") for i in set(range(len(gold))) - {gi for gi, _ in pairs})
        out.update(("-", got[i]["type"]) for i in set(range(len(got))) - {pi for _, pi in pairs})
    return out


def print_confusion(conf: Counter) -> None:
    """The confusion pairs, errors first, most frequent first."""
    errors = sorted(((n, g, p) for (g, p), n in conf.items() if g != p), reverse=True)
    right = sum(n for (g, p), n in conf.items() if g == p)
    print(f"  types right {right}; errors (gold -> predicted, '-' = none): " +
          ", ".join(f"{g}->{p} {n}" for n, g, p in errors[:25]))


def evaluate(folders: Iterable[Path], details: bool = False, keep: Path | None = None,
             confusions: bool = False) -> dict[str, dict]:
    """Predict and score each folder; returns the SUMMARY of each."""
    out = {}
    for folder in folders:
        with tempfile.TemporaryDirectory() as tmp:
            pred = (keep / f"{folder.name}.jsonl") if keep else Path(tmp) / "pred.jsonl"
            predict(folder, pred)
            report = score(folder, pred, details)
            if confusions:
                print(folder)
                print_confusion(confusion(folder, pred))
        if details:
            print(report)
        out[str(folder)] = summary(report)
    return out


def main(argv: list[str] | None = None) -> int:
    """Command line: print one SUMMARY line per gold folder."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("folders", nargs="+", type=Path)
    ap.add_argument("--details", action="store_true")
    ap.add_argument("--keep", type=Path, help="folder to keep the predictions in")
    ap.add_argument("--confusion", action="store_true", help="print event type confusions per folder")
    args = ap.parse_args(argv)
    for folder, s in evaluate(args.folders, args.details, args.keep, args.confusion).items():
        keys = ("event_f1", "event_who_f1", "event_actor_acc", "event_target_acc", "quote_f1", "place_f1")
        print(f"{folder:45s} " + " ".join(f"{k}={s.get(k, 'n/a')}" for k in keys), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
