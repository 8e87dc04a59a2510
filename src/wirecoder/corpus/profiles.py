"""Actor profiles across articles: aliases, roles over time, affiliations, quotes and events."""
from __future__ import annotations

import json
import sqlite3
from collections import Counter


def actor_profiles(conn: sqlite3.Connection, names: set[str] | None = None) -> list[dict]:
    """One profile per canonical actor name, most-reported first."""
    prof: dict[str, dict] = {}
    sql = ("SELECT x.name, x.kind, x.role, x.affiliation, x.country, x.sector, x.wikidata, x.aliases_json, "
           "x.mentions, x.article_id, a.published, a.outlet FROM article_actors x JOIN articles a ON a.id = x.article_id "
           "ORDER BY a.published, x.article_id")
    for r in conn.execute(sql):
        if names is not None and r["name"] not in names:
            continue
        p = prof.setdefault(r["name"], {"name": r["name"], "kinds": Counter(), "aliases": set(), "roles": [],
                                        "affiliations": set(), "country": None, "sector": None, "wikidata": None,
                                        "articles": set(), "outlets": set(), "mentions": 0,
                                        "first_seen": None, "last_seen": None})
        p["kinds"][r["kind"]] += 1
        p["aliases"].update(a for a in json.loads(r["aliases_json"]) if a != r["name"])
        if r["role"] and all(x["role"] != r["role"] for x in p["roles"]):
            p["roles"].append({"role": r["role"], "first_seen": r["published"], "article_id": r["article_id"]})
        if r["affiliation"]:
            p["affiliations"].add(r["affiliation"])
        for k in ("country", "sector", "wikidata"):
            p[k] = p[k] or r[k]
        p["articles"].add(r["article_id"])
        if r["outlet"]:
            p["outlets"].add(r["outlet"])
        p["mentions"] += r["mentions"]
        if r["published"]:
            p["first_seen"] = min(filter(None, (p["first_seen"], r["published"])))
            p["last_seen"] = max(filter(None, (p["last_seen"], r["published"])))
    quotes = Counter(r[0] for r in conn.execute("SELECT speaker FROM quotes WHERE speaker IS NOT NULL"))
    as_actor = Counter(r[0] for r in conn.execute("SELECT actor FROM events WHERE actor IS NOT NULL"))
    as_target = Counter(r[0] for r in conn.execute("SELECT target FROM events WHERE target IS NOT NULL"))
    out = []
    for p in prof.values():
        out.append({
            "name": p["name"], "kind": p["kinds"].most_common(1)[0][0], "aliases": sorted(p["aliases"]),
            "roles": p["roles"], "affiliations": sorted(p["affiliations"]), "country": p["country"],
            "sector": p["sector"], "wikidata": p["wikidata"], "articles": len(p["articles"]),
            "outlets": sorted(p["outlets"]), "mentions": p["mentions"], "quotes": quotes[p["name"]],
            "events_as_actor": as_actor[p["name"]], "events_as_target": as_target[p["name"]],
            "first_seen": p["first_seen"], "last_seen": p["last_seen"],
        })
    return sorted(out, key=lambda p: (-p["articles"], -p["mentions"], p["name"]))
