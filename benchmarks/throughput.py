"""Throughput: wirecoder's full analysis against a bare spaCy parse of the same articles, in one run.

    python benchmarks/throughput.py [--repeat 3] [--gold DIR ...]

Articles: the bundled sample, tests/fixtures and, when present, ../shared/fixtures. The ratio
analyze/parse is what the extractors cost on top of the parse (the floor); it is measured in the
same process on the same texts, so the machine's speed cancels out."""
from __future__ import annotations

import argparse
import json
import platform
import time
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def load_texts(extra: list[Path]) -> list[dict]:
    """The benchmark articles as dicts with id, text and published."""
    docs = [{"id": "sample", "text": (ROOT / "src/wirecoder/sample/sample-article.txt").read_text(encoding="utf-8"),
             "published": "2024-01-12"}]
    for folder in [ROOT / "tests" / "fixtures", ROOT.parent / "shared" / "fixtures", *extra]:
        for f in sorted(folder.rglob("*.json")) if folder.is_dir() else []:
            d = json.loads(f.read_text(encoding="utf-8"))
            docs.append({"id": d["id"], "text": d["text"], "published": d.get("published")})
    return docs


def main() -> None:
    """Run both sides and print a small report."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=3, help="passes over the articles (best one is reported)")
    ap.add_argument("--gold", type=Path, nargs="*", default=[], help="more folders of gold-format articles")
    args = ap.parse_args()

    import spacy

    from wirecoder import Article, analyze_many
    from wirecoder.ingest.text import parse_published
    from wirecoder.nlp.loader import resolve_model_name
    from wirecoder.pipeline import nlp_for

    docs = load_texts(args.gold)
    words = sum(len(d["text"].split()) for d in docs)
    t0 = time.perf_counter()
    bare = spacy.load(resolve_model_name())
    load_bare = time.perf_counter() - t0
    t0 = time.perf_counter()
    nlp_for()
    load_ours = time.perf_counter() - t0
    articles = [Article(id=d["id"], text=d["text"], published=parse_published(d["published"])) for d in docs]
    list(analyze_many(articles[:1]))  # warm the lazily loaded gazetteers and lexicons

    def timed(fn) -> tuple[float, float]:
        """Best wall and best CPU seconds of `fn` over the passes (on a shared machine another
        job's load shows in the wall time, much less in this process's CPU time)."""
        best, best_cpu = float("inf"), float("inf")
        for _ in range(args.repeat):
            t, c = time.perf_counter(), time.process_time()
            fn()
            best, best_cpu = min(best, time.perf_counter() - t), min(best_cpu, time.process_time() - c)
        return best, best_cpu

    (t_parse, c_parse) = timed(lambda: list(bare.pipe(d["text"] for d in docs)))
    (t_ours, c_ours) = timed(lambda: list(analyze_many(articles)))
    print(f"python {platform.python_version()} · spaCy {spacy.__version__} · model {resolve_model_name()} "
          f"{version(resolve_model_name().replace('_', '-'))} · wirecoder {version('wirecoder')}")
    print(f"articles: {len(docs)} · words: {words:,} · best of {args.repeat}")
    print(f"{'':<22}{'seconds':>9}{'articles/s':>12}{'words/s':>10}")
    for name, t in (("bare nlp.pipe", t_parse), ("wirecoder analyze", t_ours)):
        print(f"{name:<22}{t:>9.2f}{len(docs) / t:>12.2f}{words / t:>10,.0f}")
    print(f"ratio analyze / parse: {t_ours / t_parse:.2f}  (load: bare {load_bare:.2f}s, wirecoder {load_ours:.2f}s)")
    print(f"CPU seconds: bare {c_parse:.2f}, analyze {c_ours:.2f}; CPU ratio {c_ours / c_parse:.2f}")


if __name__ == "__main__":
    main()
