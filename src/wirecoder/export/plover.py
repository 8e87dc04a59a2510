"""PLOVER 2.0 JSON records, one per event cluster, with every report cited."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from wirecoder import __version__
from wirecoder.export.common import QUAD, RESOLUTION, actor_details, arrested, place_details


def _entity(name: str | None, details: dict[str, dict], texts: list[str]) -> list[dict]:
    if not name:
        return []
    d = details.get(name, {})
    return [{"entity_text": texts[0] if texts else name, "entity_name": name, "wikidata_id": d.get("wikidata"),
             "country": d.get("country"), "sector": d.get("sector"), "kind": d.get("kind")}]


def records(corpus, **filters) -> list[dict]:
    """PLOVER records of the corpus's event clusters."""
    conn = corpus.conn
    actors, places = actor_details(conn), place_details(conn)
    coded = date.today().isoformat()
    out = []
    for c in corpus.clusters(**filters):
        first = c["evidence"][0]
        place = places.get(c["location"] or "", {})
        loc = None
        if c["location"] or c["lat"] is not None:
            loc = {"extracted_place": c["location"], "resolved_place": c["location"],
                   "geonameid": place.get("geonameid"), "lat": c["lat"], "lon": c["lon"],
                   "admin1": place.get("admin1"), "country_code": c["country"] or place.get("country"),
                   "feature_class": place.get("kind"),
                   "resolution": RESOLUTION.get(place.get("kind") or "", 3 if c["lat"] is not None else None)}
        out.append({
            "id": c["cluster_id"],
            "date": c["date"] or c["first_reported"],
            "enddate": None,
            "actor": _entity(c["actor"], actors, [e["actor"] for e in c["evidence"] if e.get("actor")]),
            "recipient": _entity(c["target"], actors, [e["target"] for e in c["evidence"] if e.get("target")]),
            "event": c["type"],
            "mode": c["mode"],
            "quad_code": QUAD.get(c["type"]),
            "context": [],
            "event_loc": loc,
            "size": {"dead": c["fatalities"], "injured": c["injuries"], "arrested": arrested(conn, c)},
            "event_text": first["sentence"],
            "text": {"article_id": first["article_id"], "start": first["start"], "end": first["end"]},
            "link": first.get("url"),
            "cite_info": [{"url": e.get("url"), "title": e.get("title"), "publication": e.get("outlet"),
                           "published": e.get("published"), "article_id": e["article_id"],
                           "event_text": e["sentence"], "start": e["start"], "end": e["end"],
                           "sourcing": e.get("sourcing"), "sources": e.get("sources") or []}
                          for e in c["evidence"]],
            "coder": f"wirecoder {__version__}",
            "coded_date": coded,
            "comment": f"{c['reports']} report(s) from {c['articles']} article(s); sourcing: {c['sourcing']}"
                       + ("; anonymous sources only" if c["anonymous_only"] else ""),
            "anonymous_only": c["anonymous_only"],
        })
    return out


def write(corpus, out: Path, **filters) -> Path:
    """Write the PLOVER records as one JSON array."""
    out.write_text(json.dumps(records(corpus, **filters), ensure_ascii=False, indent=1), encoding="utf-8")
    return out
