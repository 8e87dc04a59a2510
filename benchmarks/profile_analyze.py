"""Profile `analyze --jobs 1` on the benchmark articles: where the time goes, parse against extractors.

    .venv/bin/python benchmarks/profile_analyze.py [--top 25] [--limit N]

cProfile (standard library) by cumulative time of wirecoder's and spaCy's functions; with the
`profile` extra installed, `--pyinstrument` prints pyinstrument's call tree instead."""
from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scaling import articles  # noqa: E402


def main() -> None:
    """Run the analysis once warm under the profiler and print the top costs."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--top", type=int, default=25, help="rows to print")
    ap.add_argument("--limit", type=int, default=None, help="only the first N articles")
    ap.add_argument("--pyinstrument", action="store_true", help="use pyinstrument (the profile extra)")
    args = ap.parse_args()
    from wirecoder.runner import analyze_many

    arts = articles(args.limit, 1)
    list(analyze_many(arts[:1], jobs=1))  # warm
    if args.pyinstrument:
        from pyinstrument import Profiler

        with Profiler(interval=0.002) as prof:
            list(analyze_many(arts, jobs=1))
        print(prof.output_text(unicode=False, color=False, show_all=False))
        return
    prof = cProfile.Profile()
    prof.enable()
    list(analyze_many(arts, jobs=1))
    prof.disable()
    out = io.StringIO()
    pstats.Stats(prof, stream=out).sort_stats("cumulative").print_stats(args.top)
    print(out.getvalue())


if __name__ == "__main__":
    main()
