"""Event clusters: one real-world event reported by several articles becomes one cluster with every report."""
from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable

from wirecoder.extract.events.identity import km, period, same_event  # noqa: F401 (the corpus API re-exports them)
from wirecoder.names import same_name
from wirecoder.settings import DEFAULT, Settings


def factual(report: dict) -> bool:
    """Reports that count: not negated, hypothetical or future."""
    return not (report.get("negated") or report.get("hypothetical") or report.get("future"))


def cluster_events(reports: Iterable[dict], settings: Settings = DEFAULT) -> list[dict]:
    """Group factual event reports into clusters (complete linkage: every pair in a cluster agrees)."""
    reps = sorted((r for r in reports if factual(r)),
                  key=lambda r: (r["type"], r.get("date") or "9999", r["article_id"], r["idx"]))
    homes = _homes(reps)
    reps = [{**r, "home": homes.get(r["article_id"])} if r.get("lat") is None else r for r in reps]
    groups: list[list[dict]] = []
    by_type: dict[str, list[list[dict]]] = {}
    spans: dict[int, list] = {}  # id(group) -> [latest start, earliest end] of its members' date periods
    for r in reps:
        pr = period(r.get("date"), r.get("date_precision"), settings.dedup_day_slack)
        home = None
        for g in by_type.get(r["type"], ()):
            # same_event refuses dates that do not meet, so a group with a member r cannot meet is skipped
            # unasked: the same clusters, without comparing every report with every earlier group
            if pr is not None and not _meets(pr, spans[id(g)]):
                continue
            if all(same_event(r, x, settings) for x in g):
                home = g
                break
        if home is None:
            home = []
            groups.append(home)
            by_type.setdefault(r["type"], []).append(home)
            spans[id(home)] = [None, None]
        home.append(r)
        _narrow(spans[id(home)], pr)
    return [summarise(g) for g in groups]


def _meets(pr: tuple, span: list) -> bool:
    """A date period meets every member's period of a group (whose periods span `span`)."""
    lo, hi = span
    return (hi is None or pr[0] <= hi) and (lo is None or lo <= pr[1])


def _narrow(span: list, pr: tuple | None) -> None:
    """Add a member's period to a group's span: the latest start and the earliest end."""
    if pr is not None:
        span[0] = pr[0] if span[0] is None else max(span[0], pr[0])
        span[1] = pr[1] if span[1] is None else min(span[1], pr[1])


def _homes(reports: list[dict]) -> dict[str, dict]:
    """Each article's most frequent event place (a point, not an area): where its undated-place events happen."""
    counts: dict[str, Counter] = {}
    for r in reports:
        if r.get("lat") is not None and r.get("location_kind") not in ("country", "admin1", "region", "continent"):
            counts.setdefault(r["article_id"], Counter())[(r.get("location"), r["lat"], r["lon"])] += 1
    return {aid: {"location": loc, "lat": lat, "lon": lon}
            for aid, c in counts.items() for (loc, lat, lon), _ in c.most_common(1)}


def _most_complete(values: list[str | None]) -> str | None:
    names = [v for v in values if v]
    if not names:
        return None
    counts = Counter(names)
    return max(counts, key=lambda n: (sum(c for m, c in counts.items() if same_name(n, m)), len(n)))


def summarise(group: list[dict]) -> dict:
    """One cluster: the merged arguments, the most precise date and place, and every report's evidence."""
    rank = {"day": 0, "week": 1, "month": 2, "year": 3}
    dated = sorted((r for r in group if r.get("date")),
                   key=lambda r: (rank.get(r.get("date_precision") or "day", 4), r["date"]))
    placed = [r for r in group if r.get("lat") is not None] or [r for r in group if r.get("location")]
    loc = placed[0] if placed else {}
    modes = Counter(r.get("mode") for r in group if r.get("mode"))
    sourcing = {r.get("sourcing") or "none" for r in group}
    outlets = sorted({r.get("outlet") for r in group if r.get("outlet")})
    published = sorted(r.get("published") for r in group if r.get("published"))
    ident = hashlib.sha1("|".join(sorted(f"{r['article_id']}#{r['idx']}" for r in group)).encode()).hexdigest()[:12]
    return {
        "cluster_id": f"ev-{ident}",
        "type": group[0]["type"],
        "mode": modes.most_common(1)[0][0] if modes else None,
        "actor": _most_complete([r.get("actor") for r in group]),
        "target": _most_complete([r.get("target") for r in group]),
        "date": dated[0]["date"] if dated else None,
        "date_precision": dated[0].get("date_precision") if dated else None,
        "location": loc.get("location"), "country": loc.get("country"),
        "lat": loc.get("lat"), "lon": loc.get("lon"),
        "fatalities": max((r["fatalities"] for r in group if r.get("fatalities") is not None), default=None),
        "injuries": max((r["injuries"] for r in group if r.get("injuries") is not None), default=None),
        "reports": len(group),
        "articles": len({r["article_id"] for r in group}),
        "outlets": outlets,
        "first_reported": published[0] if published else None,
        "last_reported": published[-1] if published else None,
        "sourcing": "named" if "named" in sourcing else "anonymous" if "anonymous" in sourcing else "none",
        "anonymous_only": sourcing == {"anonymous"},
        "evidence": [{k: r.get(k) for k in ("article_id", "idx", "outlet", "url", "title", "published", "sentence",
                                            "start", "end", "sourcing", "sources", "actor", "target", "date",
                                            "location", "mode", "trigger")} for r in group],
    }


def counts(clusters: Iterable[dict], by: str = "type") -> list[tuple[str, int]]:
    """Events counted once per cluster, by day, month, type, actor, target or place."""
    key = {"day": lambda c: c["date"], "month": lambda c: (c["date"] or "")[:7] or None,
           "type": lambda c: c["type"], "actor": lambda c: c["actor"], "target": lambda c: c["target"],
           "place": lambda c: c["location"], "country": lambda c: c["country"]}.get(by)
    if key is None:
        raise ValueError(f"cannot count by {by!r}; use day, month, type, actor, target, place or country")
    tally = Counter(key(c) or "(unknown)" for c in clusters)
    return sorted(tally.items(), key=lambda kv: (-kv[1], kv[0]))
