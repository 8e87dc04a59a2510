"""`wirecoder serve` start-up and page latency on a synthetic corpus (2,000 articles by default).

    python benchmarks/web_latency.py [--articles 2000] [--repeat 5] [--db /tmp/bench-web.sqlite]

The corpus is built from records directly (no NLP), then `wirecoder serve` is started as a
subprocess; start-up is the time until / first answers; each page and its /api twin is then
fetched --repeat times (the first fetch warms the cluster cache; median and max are reported);
last the server is started once more, on the clusters the first run stored in the corpus.
The issue's targets: start-up under 3 s, every page under 500 ms. Not a test: prints, never fails."""
from __future__ import annotations

import argparse
import socket
import statistics
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import httpx

from wirecoder.corpus import Corpus
from wirecoder.records import Actor, Analysis, Article, Event, Place, Quantity, Quote, Span

TOWNS = [("Ramadi", "IQ", 33.42, 43.30), ("Kirkuk", "IQ", 35.47, 44.39), ("Gao", "ML", 16.27, -0.04),
         ("Kharkiv", "UA", 49.99, 36.23), ("Rafah", "PS", 31.29, 34.25), ("El Fasher", "SD", 13.63, 25.35),
         ("Sagaing", "MM", 21.88, 95.98), ("Hodeidah", "YE", 14.80, 42.95)]
GROUPS = ["Kataeb Hezbollah", "Asaib Ahl al-Haq", "Rapid Support Forces", "Hamas", "Houthis", "Wagner Group"]
TYPES = ["ASSAULT", "PROTEST", "ACCUSE", "THREATEN", "COERCE"]
PAGES = ["/", "/articles", "/articles?q=checkpoint", "/articles/bench-00001", "/timeline", "/timeline?actor=KH",
         "/map", "/map?place=Iraq", "/actors", "/actors/KH", "/quotes", "/quotes?anonymous=yes",
         "/api/timeline?actor=KH&place=Iraq", "/api/map?place=Middle%20East", "/api/quotes?speaker=KH"]


def synthetic(i: int) -> Analysis:
    """One short article with an event, a quote, a place, a count and two actors."""
    town, cc, lat, lon = TOWNS[i % len(TOWNS)]
    group, other = GROUPS[i % len(GROUPS)], GROUPS[(i + 1) % len(GROUPS)]
    day = date(2024, 1, 1) + timedelta(days=i % 120)
    s1 = f"{group} fighters attacked a checkpoint near {town}, killing {i % 9 + 1} soldiers, police said."
    s2 = f" A spokesman for {other} said the attack number {i} was a crime."
    text = s1 + s2
    q0 = text.index("the attack")
    art = Article(id=f"bench-{i:05d}", text=text, title=f"Attack near {town} ({i})", outlet=f"Outlet {i % 7}",
                  published=day, url=f"https://example.org/{i}", source=f"bench:{i}")
    return Analysis(
        article=art, sentences=(Span(start=0, end=len(s1), text=s1), Span(start=len(s1) + 1, end=len(text),
                                                                          text=s2.strip())),
        events=(Event(type=TYPES[i % len(TYPES)], actor=group, target="soldiers", location=town, country=cc,
                      lat=lat, lon=lon, date=day.isoformat(), date_precision="day", fatalities=i % 9 + 1,
                      sentence=s1, start=0, end=len(s1)),),
        quotes=(Quote(text="the attack number", start=q0, end=q0 + 17, kind="indirect", speaker=other,
                      anonymous=i % 4 == 0),),
        places=(Place(name=town, text=town, start=s1.index(town), end=s1.index(town) + len(town), country=cc,
                      lat=lat, lon=lon, kind="city"),),
        quantities=(Quantity(value=i % 9 + 1, unit="soldiers", text=f"{i % 9 + 1} soldiers",
                             start=s1.index("killing") + 8, end=s1.index(" soldiers") + 9, role="fatalities"),),
        actors=(Actor(name=group, kind="organization"), Actor(name=other, kind="organization")))


def build(db: Path, n: int) -> None:
    """Write n synthetic articles to a fresh corpus."""
    for p in db.parent.glob(db.name + "*"):
        p.unlink()
    with Corpus(db) as c:
        for i in range(n):
            c.add(synthetic(i))


def port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(db: Path) -> tuple[subprocess.Popen, str, float]:
    """Start `wirecoder serve`; return the process, its URL and the seconds until / answered."""
    p = port()
    t0 = time.perf_counter()
    exe = str(Path(sys.executable).with_name("wirecoder"))
    proc = subprocess.Popen([exe, "serve", "--db", str(db), "--port", str(p)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{p}"
    while time.perf_counter() - t0 < 60:
        try:
            if httpx.get(url + "/api/overview", timeout=30, trust_env=False).status_code == 200:
                return proc, url, time.perf_counter() - t0
        except httpx.TransportError:
            time.sleep(0.05)
    proc.kill()
    raise SystemExit("the server did not answer within 60 s")


def main() -> None:
    """Build the corpus, start the server, time every page and its API twin."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--db", type=Path, default=Path("/tmp/wirecoder-bench-web.sqlite"))
    args = ap.parse_args()
    t = time.perf_counter()
    build(args.db, args.articles)
    print(f"corpus: {args.articles} articles built in {time.perf_counter() - t:.1f} s ({args.db})")
    proc, url, startup = start(args.db)
    print(f"start-up (until /api/overview answers, first clusters included): {startup:.2f} s")
    try:
        with httpx.Client(base_url=url, timeout=60, trust_env=False) as client:
            for path in PAGES + ["/api" + p if p != "/" else "/api/overview" for p in PAGES if "?" not in p]:
                times = []
                for _ in range(args.repeat):
                    t = time.perf_counter()
                    status = client.get(path).status_code
                    times.append((time.perf_counter() - t) * 1000)
                print(f"{path:32} {status}  median {statistics.median(times):7.1f} ms  max {max(times):7.1f} ms")
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    proc, _, again = start(args.db)
    proc.terminate()
    proc.wait(timeout=10)
    print(f"start-up again (same corpus, clusters stored by the first run): {again:.2f} s")


if __name__ == "__main__":
    main()
