"""The JSON Lines output contract (DESIGN.md) of an analysis, and the place list it shows: one
record per distinct place, so records.py stays plain data."""
from __future__ import annotations

from collections import Counter

from wirecoder.names import key
from wirecoder.records import Analysis, Place


def unique_places(places: tuple[Place, ...] | list[Place], by: str = "referent") -> tuple[Place, ...]:
    """One mention of each distinct place, in order of first mention: by referent (default, so 'US'
    and 'America' are one place, named as the article names it most often, first mention on ties)
    or by name as written (by='name')."""
    groups: dict = {}
    for p in places:
        if by == "name":
            k = key(p.name)
        else:
            k = p.geonameid or (p.source, p.country, p.admin1, p.admin2, p.kind, p.lat, p.lon,
                                None if p.lat is not None or p.admin2 else key(p.name))
        groups.setdefault(k, []).append(p)
    out = []
    for group in groups.values():
        counts = Counter(key(p.name) for p in group)
        top = max(counts.values())
        best = [p for p in group if counts[key(p.name)] == top]
        # a dateline's "ERBIL" is the same name as "Erbil": show the form the prose uses
        out.append((group[0].start, next((p for p in best if not p.name.isupper() or len(p.name) <= 4), best[0])))
    return tuple(p for _, p in sorted(out, key=lambda x: x[0]))


def to_contract(analysis: Analysis) -> dict:
    """The JSON Lines output contract of DESIGN.md (extra keys allowed) of one analysis."""
    a = analysis.article
    return {
        "id": a.id,
        "published": a.published.isoformat() if a.published else None,
        "title": a.title,
        "outlet": a.outlet,
        "url": a.url,
        "actors": [
            {"name": x.name, "aliases": list(x.aliases), "kind": x.kind, "role": x.role,
             "affiliation": x.affiliation, "country": x.country, "sector": x.sector,
             "wikidata": x.wikidata, "registry_name": x.registry_name, "mentions": len(x.mentions)}
            for x in analysis.actors
        ],
        "quotes": [q.model_dump(mode="json") for q in analysis.quotes],
        "events": [
            {**e.model_dump(mode="json", exclude={"evidence"}),
             "evidence": [s.model_dump(mode="json") for s in e.evidence]}
            for e in analysis.events
        ],
        "places": [p.model_dump(mode="json") for p in unique_places(analysis.places)],
        "quantities": [q.model_dump(mode="json") for q in analysis.quantities],
        "dates": [d.model_dump(mode="json") for d in analysis.dates],
    }
