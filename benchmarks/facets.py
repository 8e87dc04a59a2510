"""Milliseconds per article of each stage of `analyze`, without a profiler's overhead:

    python benchmarks/facets.py [--repeat 3]

The benchmark articles of throughput.py go through wirecoder's pipeline (the parse, timed per
component) and then each extraction stage of wirecoder.pipeline.STAGES, timed around the call;
the best of the passes is reported per row."""
from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from throughput import load_texts  # noqa: E402


def one_pass(nlp, docs, articles, settings) -> dict[str, float]:
    """Seconds per stage (and per pipeline component) for one pass over the articles."""
    from wirecoder.pipeline import STAGES

    spent: dict[str, float] = defaultdict(float)
    for d, art in zip(docs, articles):
        doc = nlp.make_doc(d["text"])
        for name, proc in nlp.pipeline:
            t = time.process_time()
            doc = proc(doc)
            spent[f"parse: {name}"] += time.process_time() - t
        doc._.wc_article, doc._.wc_published = art, art.published
        for name, stage in STAGES:
            t = time.process_time()
            stage(doc, settings)
            spent[name] += time.process_time() - t
    return spent


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    from wirecoder import Article
    from wirecoder.ingest.text import parse_published
    from wirecoder.pipeline import nlp_for
    from wirecoder.settings import DEFAULT

    docs = load_texts([])
    articles = [Article(id=d["id"], text=d["text"], published=parse_published(d["published"])) for d in docs]
    nlp = nlp_for(DEFAULT)
    one_pass(nlp, docs[:1], articles[:1], DEFAULT)  # warm the lazily loaded lexicons
    best: dict[str, float] = {}
    for _ in range(args.repeat):
        for k, v in one_pass(nlp, docs, articles, DEFAULT).items():
            best[k] = min(best.get(k, v), v)
    n = len(docs)
    for k, v in best.items():
        print(f"{k:<32}{1000 * v / n:>8.1f} ms/article")
    parse = sum(v for k, v in best.items() if k.startswith("parse"))
    print(f"{'parse (all components)':<32}{1000 * parse / n:>8.1f} ms/article")
    print(f"{'extraction (all stages)':<32}{1000 * (sum(best.values()) - parse) / n:>8.1f} ms/article")


if __name__ == "__main__":
    main()
