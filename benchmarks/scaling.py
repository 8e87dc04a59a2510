"""Scaling: a bare parse, analyze --jobs 1 and --jobs 2, and the Dask engine on 1 and 2 local workers,
in one run on the same articles.

    .venv/bin/python benchmarks/scaling.py [--repeat 2] [--limit N] [--dask 1,2] [--copies K]

Articles: the bundled sample, tests/fixtures (every folder) and ../shared/fixtures when present,
each `--copies` times (copies get their own id, so nothing is skipped as unchanged). Times are the
best of `--repeat` passes; the ratio and the speedups are measured in this one run, so the machine's
speed (and its other users) cancel out as far as they can."""
from __future__ import annotations

import argparse
import os
import platform
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from throughput import load_texts  # noqa: E402


def best_of(fn, repeat: int) -> float:
    """The shortest wall time of `repeat` calls of fn."""
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def articles(limit: int | None, copies: int) -> list:
    """The benchmark articles as wirecoder Articles."""
    from wirecoder.ingest.text import parse_published
    from wirecoder.records import Article

    docs = load_texts([])[:limit] if limit else load_texts([])
    return [Article(id=f"{d['id']}-{c}", text=d["text"], published=parse_published(d["published"]), source=d["id"])
            for c in range(copies) for d in docs]


def local_runs(arts: list, repeat: int) -> dict[str, float]:
    """Seconds for a bare nlp.pipe, analyze --jobs 1 and analyze --jobs 2."""
    import spacy

    from wirecoder.nlp.loader import resolve_model_name
    from wirecoder.runner import analyze_many

    bare = spacy.load(resolve_model_name())
    list(analyze_many(arts[:1], jobs=1))  # warm the lazily loaded gazetteers and lexicons
    texts = [a.text for a in arts]
    return {
        "bare parse (nlp.pipe)": best_of(lambda: list(bare.pipe(texts)), repeat),
        "analyze --jobs 1": best_of(lambda: list(analyze_many(arts, jobs=1)), repeat),
        "analyze --jobs 2": best_of(lambda: list(analyze_many(arts, jobs=2)), repeat),
    }


def dask_runs(arts: list, workers: list[int], repeat: int) -> dict[str, float]:
    """Seconds for ingest --engine dask on a warm LocalCluster of each size (cluster start not counted)."""
    from distributed import LocalCluster

    from wirecoder.corpus import Corpus

    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        for a in arts:
            (folder / f"{a.id}.txt").write_text(a.text, encoding="utf-8")
        for n in workers:
            with LocalCluster(n_workers=n, threads_per_worker=1, host="127.0.0.1", dashboard_address=None,
                              silence_logs=50) as cluster:
                def run(k=[0]):
                    k[0] += 1
                    with Corpus(Path(tmp) / f"c{n}-{k[0]}.sqlite") as c:
                        from wirecoder.corpus.dask_ingest import ingest_dask
                        ingest_dask(c.conn, [str(folder)], shards=Path(tmp) / f"s{n}-{k[0]}",
                                    scheduler=cluster.scheduler_address, partition_size=4)
                run()  # warm: workers load the pipeline
                out[f"ingest --engine dask, {n} worker{'s' * (n > 1)}"] = best_of(run, repeat)
    return out


def report(arts: list, times: dict[str, float]) -> str:
    """The results as a Markdown table with ratios, speedups and peak RSS."""
    words = sum(len(a.text.split()) for a in arts)
    rows = ["| run | seconds | articles/s | words/s |", "|---|---:|---:|---:|"]
    rows += [f"| {k} | {t:.2f} | {len(arts) / t:.2f} | {words / t:,.0f} |" for k, t in times.items()]
    base = times["bare parse (nlp.pipe)"]
    one, two = times["analyze --jobs 1"], times["analyze --jobs 2"]
    lines = [f"articles: {len(arts)} · words: {words:,}", *rows, "",
             f"analyze --jobs 1 / bare parse: {one / base:.2f}×",
             f"--jobs 2 speedup over --jobs 1: {one / two:.2f}× (efficiency {one / two / 2:.0%})"]
    d1 = next((t for k, t in times.items() if k.endswith(", 1 worker")), None)
    d2 = next((t for k, t in times.items() if k.endswith(", 2 workers")), None)
    if d1 and d2:
        lines.append(f"Dask 2 workers over 1: {d1 / d2:.2f}× (scaling efficiency {d1 / d2 / 2:.0%})")
    self_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    child_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    lines.append(f"peak RSS: this process {self_mb:.0f} MB, largest worker process {child_mb:.0f} MB")
    return "\n".join(lines)


def machine() -> str:
    """One line naming the machine and the software."""
    import spacy

    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return (f"{platform.machine()} · {cores} cores usable · python {platform.python_version()} · "
            f"spaCy {spacy.__version__} · {platform.platform()}")


def main() -> None:
    """Run every side and print the report."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=2, help="passes per run (the best is reported)")
    ap.add_argument("--limit", type=int, default=None, help="only the first N articles (before copies)")
    ap.add_argument("--copies", type=int, default=1, help="each article this many times")
    ap.add_argument("--dask", default="1,2", help="Dask local worker counts to run, comma-separated ('' = none)")
    args = ap.parse_args()
    arts = articles(args.limit, args.copies)
    times = local_runs(arts, args.repeat)
    if args.dask:
        times.update(dask_runs(arts, [int(n) for n in args.dask.split(",")], args.repeat))
    print(machine())
    print(report(arts, times))


if __name__ == "__main__":
    main()
