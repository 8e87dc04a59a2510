"""Write `wirecoder analyze --format jsonl` output for every fixture folder, to compare before and after
an optimisation byte for byte:

    python benchmarks/outputs.py /tmp/ref          # before the change
    python benchmarks/outputs.py /tmp/new          # after it
    python benchmarks/outputs.py --compare /tmp/ref /tmp/new

Each folder's gold articles go through the CLI's own path (article_from_text, analyze_many with one
job, to_contract, wirecoder.jsonl.dumps), one output file per folder, in one process so the pipeline
is loaded once. A speed change is only acceptable when --compare reports no difference."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FOLDERS = [ROOT / "tests" / "fixtures", *sorted(p for p in (ROOT / "tests" / "fixtures").iterdir() if p.is_dir()),
           ROOT.parent / "shared" / "fixtures"]


def out_name(folder: Path) -> str:
    """A unique file name per folder (tests/fixtures and ../shared/fixtures share a last part)."""
    rel = folder.resolve().relative_to(ROOT.parent)
    return "_".join(rel.parts) + ".jsonl"


def write(folder: Path, dest: Path) -> int:
    """The JSON Lines analysis of every gold article in `folder`, written to `dest`."""
    from wirecoder.contract import to_contract
    from wirecoder.ingest.text import article_from_text
    from wirecoder.jsonl import dumps
    from wirecoder.pipeline import analyze_many
    from wirecoder.records import Analysis
    from wirecoder.train.gold import gold_articles

    golds = gold_articles(folder)
    arts = (article_from_text(g["text"], published=g.get("published"), id=g["id"], outlet=g.get("outlet"),
                              url=g.get("url"), title=g.get("title")) for g in golds)
    lines = [dumps(to_contract(r)) if isinstance(r, Analysis) else f"ERROR {r}" for r in analyze_many(arts, jobs=1)]
    dest.write_text("".join(ln + "\n" for ln in lines), encoding="utf-8")
    return len(lines)


def compare(ref: Path, new: Path) -> int:
    """Number of folders whose output differs (each difference is printed with its first article id)."""
    bad = 0
    for f in sorted(ref.glob("*.jsonl")):
        a, b = f.read_bytes(), (new / f.name).read_bytes() if (new / f.name).exists() else b""
        if a != b:
            bad += 1
            pairs = zip(a.decode().splitlines(), b.decode().splitlines())
            first = next((json.loads(x).get("id") for x, y in pairs if x != y), "(line count)")
            print(f"DIFF {f.name}: first differing article {first}")
        else:
            print(f"same {f.name} ({len(a.splitlines())} articles)")
    return bad


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dirs", nargs="+", type=Path, help="output folder (or, with --compare, REF NEW)")
    ap.add_argument("--compare", action="store_true", help="compare two output folders byte for byte")
    args = ap.parse_args()
    if args.compare:
        return 1 if compare(*args.dirs) else 0
    args.dirs[0].mkdir(parents=True, exist_ok=True)
    for folder in FOLDERS:
        if folder.is_dir():
            n = write(folder, args.dirs[0] / out_name(folder))
            print(f"{folder}: {n} articles", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
