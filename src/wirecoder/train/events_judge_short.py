"""Train the short-item judge: `python -m wirecoder.train.events_judge_short` (run by `make train`).

A one-paragraph item of a sentence or two (a wire alert, a feed summary, a sentence coded on its
own, as in PLV) mostly reports one event and has none of the article context the article judge reads. At
run time the short-item judge rates every candidate the rules propose for such an item and keeps
the most likely one, and any other it finds more likely an event than not, retyped
(`wirecoder.extract.events.extractor`). It learns from the same
candidates as the article judge, with PLV train's one-sentence items weighted up, and its settings
(C, PLV weight, threshold) are chosen by the out-of-fold F1 of that policy on PLV train,
folds grouped by item. `tests/fixtures/heldout6` and `tests/fixtures/dedup` are never read here."""
from __future__ import annotations

import argparse
import time
from collections import Counter
from pathlib import Path

from wirecoder.train import events_judge as ej
from wirecoder.train.gold import REPO

MODEL = REPO / "src" / "wirecoder" / "models" / "event_judge_short.json"
GRID = [(w, c) for w in (1.0, 3.0) for c in (0.3, 1.0)]  # PLV weight x C
CUTS = [x / 100 for x in range(0, 52, 4)]
ALSO = 0.5  # Settings.event_short_also: a second event of an item is kept when more likely than not


def short_items(examples: list, probs: list[dict], idx: list[int], t: float,
                also: float = ALSO) -> list[tuple[int, str]]:
    """The kept candidates (index, type) as `Judge.short_item` keeps them: each item's likeliest at cut `t`,
    and any other above `also`."""
    by_item: dict[str, list[int]] = {}
    for i in idx:
        by_item.setdefault(examples[i].group, []).append(i)
    out = []
    for members in by_item.values():
        score = {i: 1.0 - probs[i].get("NONE", 0.0) for i in members}
        top = max(members, key=lambda i: (score[i], -i))
        for i in members:
            if (i == top and score[i] >= t) or (i != top and score[i] > also):
                p = probs[i]
                out.append((i, max((c for c in p if c != "NONE"), key=lambda c: (p[c], c == examples[i].event["type"]))))
    return out


def prf(examples: list, kept: list[tuple[int, str]], n_gold: dict[str, int], groups: set[str]) -> tuple:
    """Event P/R/F1 of the kept events over the items `groups` (items without a candidate count as misses)."""
    tp = sum(1 for i, k in kept if k == examples[i].label)
    fp = len(kept) - tp
    gold = sum(n_gold[g] for g in groups)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def select(examples: list, n_gold: dict[str, int]) -> tuple:
    """The (PLV weight, C, cut) with the best out-of-fold F1 of that policy on PLV train, and its P/R/F1."""
    plv = [i for i, e in enumerate(examples) if e.source == "plv"]
    groups = ej.MEMBERS["plv"]
    best, best_f = None, -1.0
    for w, c in GRID:
        ej.WEIGHTS["plv"] = w
        probs = ej.cross_validate(examples, c)
        scores = {t: prf(examples, short_items(examples, probs, plv, t), n_gold, groups) for t in CUTS}
        t = max(CUTS, key=lambda x: (scores[x][2], -x))
        print(f"  PLV weight {w}, C={c}: cut {t:.2f}, P/R/F1 on PLV "
              f"{'/'.join(f'{v:.3f}' for v in scores[t])}", flush=True)
        if scores[t][2] > best_f + 1e-9:
            best, best_f = (w, c, t, scores[t]), scores[t][2]
    return best


def main(argv: list[str] | None = None) -> int:
    """Gather (or load) the candidates, choose the settings by grouped CV, fit and write the model."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--out", type=Path, default=MODEL)
    ap.add_argument("--examples", type=Path, help="cache of the collected candidates (read if present)")
    args = ap.parse_args(argv)
    t0 = time.time()
    examples, n_gold = ej.load_or_gather(args.examples)
    if not ej.MEMBERS.get("plv"):
        print("short-item judge: ../shared/devsets/plv-train is absent; nothing to train on")
        return 1
    w, c, t, (p, r, f) = select(examples, n_gold)
    print(f"short-item judge: grouped 5-fold cross-validation on PLV train, likeliest event per item (+ any other above 0.5): "
          f"P/R/F1 {p:.3f}/{r:.3f}/{f:.3f} (PLV weight {w}, C={c}, cut {t:.2f})")
    ej.WEIGHTS["plv"] = w
    card = {"model": "logistic regression over the rules' candidate features, the likeliest event of a short item and any other above 0.5 "
                     "(wirecoder.extract.events.judge.Judge.short_item)",
            "trained_by": "python -m wirecoder.train.events_judge_short", "seed": ej.SEED, "C": c, "threshold": t,
            "sample_weights": dict(ej.WEIGHTS), "examples": dict(Counter(e.source for e in examples)),
            "cross_validated": {"plv_prf": [round(p, 3), round(r, 3), round(f, 3)]}}
    ej.fit_and_write(examples, card, args.out, "short-item judge", t0)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
