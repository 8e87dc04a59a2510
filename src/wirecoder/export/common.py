"""What the exports share: actor and place details looked up for clusters."""
from __future__ import annotations

import sqlite3

RESOLUTION = {"country": 1, "admin1": 2, "region": 2, "admin2": 3, "city": 4, "town": 4, "village": 4, "base": 5}
TIME_PRECISION = {"day": 1, "week": 2, "month": 2, "year": 3}
QUAD = {**dict.fromkeys(("AGREE", "CONSULT", "SUPPORT", "CONCEDE"), "verbal cooperation"),
        **dict.fromkeys(("COOPERATE", "AID", "RETREAT"), "material cooperation"),
        **dict.fromkeys(("REQUEST", "ACCUSE", "REJECT", "THREATEN"), "verbal conflict"),
        **dict.fromkeys(("PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"), "material conflict")}


def actor_details(conn: sqlite3.Connection) -> dict[str, dict]:
    """Country, sector, kind and Wikidata id per canonical actor name (first non-empty value seen)."""
    out: dict[str, dict] = {}
    for r in conn.execute("SELECT name, kind, country, sector, wikidata FROM article_actors"):
        d = out.setdefault(r["name"], {"kind": None, "country": None, "sector": None, "wikidata": None})
        for k in d:
            d[k] = d[k] or r[k]
    return out


def place_details(conn: sqlite3.Connection) -> dict[str, dict]:
    """Gazetteer fields per resolved place name."""
    out: dict[str, dict] = {}
    for r in conn.execute("SELECT name, country, admin1, lat, lon, kind, geonameid FROM places"):
        out.setdefault(r["name"], dict(r))
    return out


def arrested(conn: sqlite3.Connection, cluster: dict) -> int | None:
    """The largest arrest count stated inside any report's evidence sentence."""
    best = None
    for ev in cluster["evidence"]:
        row = conn.execute("SELECT max(value) FROM quantities WHERE article_id=? AND role='arrests' "
                           "AND start >= ? AND \"end\" <= ?", (ev["article_id"], ev["start"], ev["end"])).fetchone()
        if row and row[0] is not None:
            best = max(best or 0, int(row[0]))
    return best
