"""What the pages show, as plain dicts: the same data feeds the HTML pages and their /api twins."""
from __future__ import annotations

import json
import math
import threading
from collections import Counter
from pathlib import Path

from wirecoder.corpus import Corpus, queries
from wirecoder.web.highlight import facets, highlight

PAGE_SIZE = 50
FILTER_KEYS = ("actor", "type", "place", "since", "until")


class Desk:
    """The corpus behind the web app: one read connection per thread and a cache of event clusters."""

    def __init__(self, db: Path, writes: bool = False) -> None:
        self.db = db
        self.writes = writes  # only a server started with --allow-ingest writes to the corpus, even derived data
        self.local = threading.local()
        self.lock = threading.Lock()
        self.cache: dict[tuple, list[dict]] = {}

    @property
    def corpus(self) -> Corpus:
        """This thread's connection to the corpus."""
        if getattr(self.local, "corpus", None) is None:
            self.local.corpus = Corpus(self.db, store_clusters=self.writes)
        return self.local.corpus

    def clusters(self, **filters) -> list[dict]:
        """Event clusters for the filters, computed once per filter set until the corpus changes."""
        key = tuple(sorted((k, v) for k, v in filters.items() if v))
        with self.lock:
            if key not in self.cache:
                if len(self.cache) > 64:
                    self.cache.clear()
                self.cache[key] = self.corpus.clusters(**dict(key))
            return self.cache[key]

    def forget(self) -> None:
        """Drop cached clusters (after an ingest)."""
        with self.lock:
            self.cache.clear()


def brief_cluster(c: dict) -> dict:
    """A cluster without its evidence list, for lists and charts."""
    return {k: v for k, v in c.items() if k != "evidence"}


def overview(desk: Desk) -> dict:
    """Counts, latest clusters, top actors and clusters per day."""
    clusters = desk.clusters()
    latest = sorted(clusters, key=lambda c: (c.get("date") or "", c["articles"]), reverse=True)[:10]
    return {"stats": desk.corpus.stats(), "clusters": len(clusters),
            "latest": [brief_cluster(c) for c in latest], "top_actors": desk.corpus.actors()[:10],
            "by_day": sorted(Counter(c["date"][:10] for c in clusters if c.get("date")).items())}


def articles(desk: Desk, q: str | None, outlet: str | None, since: str | None, until: str | None,
             page: int = 1) -> dict:
    """One page of articles matching full-text words, outlet and dates; with the outlets to choose from."""
    rows = queries.articles(desk.corpus.conn, queries.Filters(search=q, since=since, until=until))
    if outlet:
        rows = [r for r in rows if r["outlet"] == outlet]
    rows.sort(key=lambda r: (r["published"] or "", r["id"]), reverse=True)
    outlets = sorted({r[0] for r in desk.corpus.conn.execute("SELECT DISTINCT outlet FROM articles") if r[0]})
    start = (max(page, 1) - 1) * PAGE_SIZE
    return {"total": len(rows), "page": max(page, 1), "page_size": PAGE_SIZE, "outlets": outlets,
            "articles": rows[start:start + PAGE_SIZE]}


def article(desk: Desk, article_id: str) -> dict | None:
    """An article with every record and its text cut into highlighted segments."""
    conn = desk.corpus.conn
    row = conn.execute("SELECT id, url, title, outlet, byline, published, text FROM articles WHERE id = ?",
                       (article_id,)).fetchone()
    if row is None:
        return None
    recs = facets(conn, article_id, row["text"])
    return {"article": {k: row[k] for k in row.keys()}, "records": recs, "segments": highlight(row["text"], recs)}


def timeline(desk: Desk, filters: dict) -> dict:
    """Clusters per day stacked by PLOVER type (days and one count list per type)."""
    clusters = [c for c in desk.clusters(**filters) if c.get("date")]
    days = sorted({c["date"][:10] for c in clusters})
    types = sorted({c["type"] for c in clusters})
    counts = Counter((c["type"], c["date"][:10]) for c in clusters)
    return {"days": days, "series": [{"type": t, "counts": [counts[(t, d)] for d in days]} for t in types],
            "filters": filters}


def day_clusters(desk: Desk, day: str, filters: dict) -> list[dict]:
    """The clusters of one day with their sources (outlet, title, URL, sentence)."""
    return [{**brief_cluster(c), "sources": [{k: e[k] for k in ("article_id", "outlet", "title", "url", "sentence")}
                                             for e in c["evidence"]]}
            for c in desk.clusters(**filters) if (c.get("date") or "")[:10] == day]


def map_points(desk: Desk, filters: dict) -> list[dict]:
    """Placed clusters: where, what type, how many reports."""
    return [brief_cluster(c) for c in desk.clusters(**filters) if c.get("lat") is not None]


def cluster(desk: Desk, cluster_id: str) -> dict | None:
    """One cluster with every report."""
    return next((c for c in desk.clusters() if c["cluster_id"] == cluster_id), None)


def network(desk: Desk, limit: int = 60) -> dict:
    """Actors as nodes on a circle (most reported first); edges are events between them and memberships."""
    edges: Counter = Counter()
    for a, t in desk.corpus.conn.execute("SELECT actor, target FROM events WHERE actor IS NOT NULL "
                                         "AND target IS NOT NULL AND actor != target"):
        edges[(a, t, "event")] += 1
    for name, aff in desk.corpus.conn.execute("SELECT DISTINCT name, affiliation FROM article_actors "
                                              "WHERE affiliation IS NOT NULL"):
        edges[(name, aff, "member")] += 1
    degree = Counter()
    for (a, t, _), n in edges.items():
        degree[a] += n
        degree[t] += n
    top = [n for n, _ in degree.most_common(limit)]
    pos = {n: (math.cos(2 * math.pi * i / max(len(top), 1)), math.sin(2 * math.pi * i / max(len(top), 1)))
           for i, n in enumerate(top)}
    return {"nodes": [{"name": n, "degree": degree[n], "x": round(pos[n][0], 4), "y": round(pos[n][1], 4)}
                      for n in top],
            "edges": [{"source": a, "target": t, "kind": k, "weight": n} for (a, t, k), n in edges.items()
                      if a in pos and t in pos]}


def actor(desk: Desk, name: str) -> dict | None:
    """An actor's profile, quotes, events as actor and as target, and clusters per day."""
    names = queries.actor_names(desk.corpus.conn, name)
    profiles = [p for p in desk.corpus.actors(actor=name)]
    if not profiles and not any(desk.corpus.conn.execute(
            "SELECT 1 FROM events WHERE actor = ? OR target = ? LIMIT 1", (name, name))):
        return None
    evs = desk.corpus.events(actor=name)
    return {"name": profiles[0]["name"] if profiles else name, "names": sorted(names), "profiles": profiles,
            "quotes": desk.corpus.quotes(actor=name)[:100],
            "as_actor": [e for e in evs if e["actor"] in names][:100],
            "as_target": [e for e in evs if e["target"] in names][:100],
            "by_day": sorted(Counter((e["date"] or e["published"] or "")[:10] for e in evs).items())}


def quotes(desk: Desk, speaker: str | None, anonymous: str | None, q: str | None) -> dict:
    """Quotes by speaker (any alias), named or anonymous source, and words."""
    rows = desk.corpus.quotes(actor=speaker or None, search=q or None)
    if anonymous in ("yes", "no"):
        rows = [r for r in rows if r["anonymous"] == (anonymous == "yes")]
    speakers = Counter(r["speaker"] for r in desk.corpus.quotes() if r["speaker"])
    return {"total": len(rows), "quotes": rows[:200], "speakers": [s for s, _ in speakers.most_common(50)]}


def jsonable(obj):
    """Round-trip through JSON so sets and tuples become lists."""
    return json.loads(json.dumps(obj, default=list))
