"""Ingest benchmark: generated articles into a fresh corpus; articles/s, database size and memory at checkpoints.

    .venv/bin/python benchmarks/ingest_bench.py --articles 1000 --checkpoints 5

Articles are generated from templates that vary actors, places, dates and figures, so the corpus
grows the way a real one does (new names, new places) rather than repeating one text.
"""
from __future__ import annotations

import argparse
import json
import random
import resource
import tempfile
import time
import tracemalloc
from datetime import date, timedelta
from pathlib import Path

GROUPS = ["Kataeb Hezbollah", "Harakat al-Nujaba", "Asaib Ahl al-Haq", "the Badr Organization",
          "Kataib Sayyid al-Shuhada", "the Islamic Resistance in Iraq"]
OFFICIALS = ["Colonel {n} {s}", "Major General {n} {s}", "Interior Ministry spokesman {n} {s}", "MP {n} {s}"]
GIVEN = ["Ali", "Hassan", "Ahmed", "Mustafa", "Karim", "Saad", "Yahya", "Omar", "Haider", "Faleh", "Qais", "Tahsin"]
FAMILY = ["al-Maliki", "Jabouri", "al-Amiri", "Khazali", "Rasool", "al-Fayyadh", "Nouri", "al-Khafaji", "Salman"]
PLACES = ["Baghdad", "Erbil", "Kirkuk", "Mosul", "Basra", "Ramadi", "Fallujah", "Tikrit", "Samarra", "Baiji",
          "Najaf", "Karbala", "Hilla", "Kut", "Amarah", "Nasiriyah", "Sinjar", "Tal Afar", "Baqubah", "Hit"]
OUTLETS = ["Tigris Wire", "Levant Daily", "Gulf Monitor", "Northern Post", "River Times"]
TEMPLATES = [
    "{group} claimed a drone attack on a base near {place} on {day}, {official} said. "
    "At least {n} attacks have targeted the coalition since {since}, according to a security source.",
    "Security forces arrested {n} suspects in {place} on {day}. {official} told reporters the men planned "
    "attacks on {place2} and that {group} had denied any role.",
    "Rockets struck an army post in {place} on {day}, killing {k} soldiers, {official} said. "
    "{group} warned of \"serious consequences\" if the strikes on {place2} continued.",
    "Officials from {group} met delegates in {place} on {day} to discuss a ceasefire. "
    "\"We want calm,\" {official} said, adding that talks would resume in {place2}.",
]


def article(i: int, rng: random.Random) -> dict:
    """One generated article with varied names, places, dates and figures."""
    day = date(2024, 1, 1) + timedelta(days=rng.randrange(240))
    place, place2 = rng.sample(PLACES, 2)
    official = rng.choice(OFFICIALS).format(n=rng.choice(GIVEN), s=rng.choice(FAMILY))
    text = rng.choice(TEMPLATES).format(
        group=rng.choice(GROUPS), place=place, place2=place2, official=official, n=rng.randrange(2, 180),
        k=rng.randrange(1, 9), day=f"{day.day} {day:%B}", since=f"{(day - timedelta(days=40)).day} "
        f"{(day - timedelta(days=40)):%B}")
    text = text[0].upper() + text[1:]
    return {"id": f"bench-{i:06d}", "outlet": rng.choice(OUTLETS),
            "published": (day + timedelta(days=rng.randrange(3))).isoformat(), "text": text}


def rss_mb() -> float:
    """Current resident memory of this process, in MB (Linux /proc)."""
    with open("/proc/self/statm") as fh:
        pages = int(fh.read().split()[1])
    return pages * resource.getpagesize() / 2**20


def main() -> None:
    """Run the benchmark and print one line per checkpoint (and JSON with --json)."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=3000)
    ap.add_argument("--checkpoints", type=int, default=5)
    ap.add_argument("--db", type=Path, default=None, help="database path (default: a temporary file)")
    ap.add_argument("--tracemalloc", action="store_true", help="also trace Python heap peaks (slower)")
    ap.add_argument("--json", action="store_true", help="print the results as JSON too")
    args = ap.parse_args()

    from wirecoder.corpus import Corpus
    from wirecoder.pipeline import nlp_for

    tmp = tempfile.TemporaryDirectory()
    db = args.db or Path(tmp.name) / "bench.sqlite"
    work = Path(tmp.name)
    rng = random.Random(7)
    nlp_for()  # load the model outside the timings
    if args.tracemalloc:
        tracemalloc.start()
    per = max(1, args.articles // args.checkpoints)
    results, done, total_time = [], 0, 0.0
    print(f"{'articles':>9} {'art/s':>7} {'db MB':>7} {'rss MB':>7} {'heap peak MB':>13}")
    with Corpus(db) as corpus:
        while done < args.articles:
            n = min(per, args.articles - done)
            chunk = work / f"chunk-{done}.jsonl"
            chunk.write_text("".join(json.dumps(article(done + i, rng)) + "\n" for i in range(n)), encoding="utf-8")
            if args.tracemalloc:
                tracemalloc.reset_peak()
            t0 = time.perf_counter()
            report = corpus.ingest([chunk])
            dt = time.perf_counter() - t0
            total_time += dt
            done += n
            size = sum(p.stat().st_size for p in db.parent.glob(db.name + "*")) / 2**20
            peak = tracemalloc.get_traced_memory()[1] / 2**20 if args.tracemalloc else None
            row = {"articles": done, "ingested": report.ingested, "failed": report.failed,
                   "articles_per_s": round(n / dt, 2), "db_mb": round(size, 2), "rss_mb": round(rss_mb(), 1),
                   "heap_peak_mb": round(peak, 1) if peak is not None else None}
            results.append(row)
            print(f"{done:>9} {row['articles_per_s']:>7} {row['db_mb']:>7} {row['rss_mb']:>7} "
                  f"{row['heap_peak_mb'] if peak is not None else '-':>13}")
            chunk.unlink()
        stats = corpus.stats()
    max_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"overall {done / total_time:.2f} articles/s; peak RSS {max_rss:.0f} MB; rows {stats}")
    if args.json:
        print(json.dumps({"checkpoints": results, "overall_articles_per_s": round(done / total_time, 2),
                          "peak_rss_mb": round(max_rss), "rows": stats}))
    tmp.cleanup()


if __name__ == "__main__":
    main()
