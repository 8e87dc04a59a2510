"""Read queries over the corpus with the CLI's filters: actor, type, dates, place, full-text search."""
from __future__ import annotations

import functools
import json
import re
import sqlite3
from dataclasses import dataclass

from wirecoder.corpus.resolve import known_actor_names, place_scope, place_sql


@dataclass(frozen=True)
class Filters:
    """The filters every query command accepts; None means no filter."""

    actor: str | None = None
    type: str | None = None
    since: str | None = None
    until: str | None = None
    place: str | None = None
    search: str | None = None
    about: str | None = None
    limit: int | None = None


def fts_query(text: str) -> str:
    """User words as an FTS5 query: every word must occur, punctuation cannot break the syntax."""
    words = re.findall(r"\w+", text)
    return " ".join(f'"{w}"' for w in words) or '""'


def actor_names(conn: sqlite3.Connection, query: str) -> set[str]:
    """Canonical names an --actor value denotes: any alias the registry or the corpus knows, else a substring."""
    names = known_actor_names(conn, query)
    if names:
        names |= speaker_forms(conn, names)
    else:
        like = f"%{query}%"
        names = {r[0] for r in conn.execute("SELECT DISTINCT name FROM article_actors WHERE name LIKE ?", (like,))}
        names |= {r[0] for r in conn.execute(
            "SELECT actor FROM events WHERE actor LIKE ? UNION SELECT target FROM events WHERE target LIKE ? "
            "UNION SELECT speaker FROM quotes WHERE speaker LIKE ?", (like, like, like)) if r[0]}
    return names or {query}


def speaker_forms(conn: sqlite3.Connection, names: set[str]) -> set[str]:
    """Quote speakers written from these names: "Full Name (ACR)" and "Name's spokesperson"."""
    out: set[str] = set()
    for name in names:
        esc = name.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        out |= {r[0] for r in conn.execute(
            "SELECT DISTINCT speaker FROM quotes WHERE speaker LIKE ? ESCAPE '\\' OR speaker LIKE ? ESCAPE '\\'",
            (esc + " (%)", esc + "'s %"))}
    return out


def _in(column: str, values: set[str], params: list) -> str:
    params.extend(sorted(values))
    return f"{column} IN ({','.join('?' * len(values))})"


def _dates(expr: str, f: Filters, where: list[str], params: list) -> None:
    if f.since:
        where.append(f"{expr} >= ?")
        params.append(f.since)
    if f.until:
        where.append(f"{expr} <= ?")
        params.append(f.until + "\uffff")  # so '2024-01-31' keeps 2024-01-31T...


def _run(conn: sqlite3.Connection, sql: str, where: list[str], params: list, order: str, f: Filters) -> list[dict]:
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += f" ORDER BY {order}"
    if f.limit:
        sql += f" LIMIT {int(f.limit)}"
    return [dict(r) for r in conn.execute(sql, params)]


def events(conn: sqlite3.Connection, f: Filters = Filters()) -> list[dict]:
    """Event reports (one row per article mention) with their article's metadata."""
    where, params = [], []
    if f.actor:
        names = actor_names(conn, f.actor)
        a_sql = _in("e.actor", names, params)
        t_sql = _in("e.target", names, params)
        where.append(f"({a_sql} OR {t_sql})")
    if f.type:
        where.append("e.type = ?")
        params.append(f.type.upper())
    _dates("COALESCE(e.date, a.published)", f, where, params)
    if f.place:
        scope = place_scope(f.place)
        where.append("(" + place_sql("e", "location", scope, params) + " OR EXISTS (SELECT 1 FROM "
                     "places p WHERE p.article_id = e.article_id AND p.name = e.location AND "
                     + place_sql("p", "name", scope, params) + "))")
    _article_text_matches("e.article_id", f, where, params)
    sql = ("SELECT e.article_id, e.idx, e.type, e.mode, e.actor, e.target, e.date, e.date_precision, e.location, "
           "e.country, e.lat, e.lon, e.fatalities, e.injuries, e.trigger, e.sentence, e.start, e.\"end\", "
           "e.negated, e.hypothetical, e.future, e.historical, e.sourcing, e.sources_json, "
           "(SELECT p.kind FROM places p WHERE p.article_id = e.article_id AND p.name = e.location LIMIT 1) "
           "AS location_kind, a.published, a.outlet, a.url, a.title FROM events e JOIN articles a ON a.id = e.article_id")
    rows = _run(conn, sql, where, params, "COALESCE(e.date, a.published), e.article_id, e.idx", f)
    for r in rows:
        r["sources"] = json.loads(r.pop("sources_json"))
        for k in ("negated", "hypothetical", "future", "historical"):
            r[k] = bool(r[k])
    return rows


def _article_text_matches(article_col: str, f: Filters, where: list, params: list) -> None:
    """Keep rows whose article text matches --search (full-text index)."""
    if f.search:
        where.append(f"{article_col} IN (SELECT article_id FROM articles_fts WHERE articles_fts MATCH ?)")
        params.append(fts_query(f.search))


def _mentions_place(article_col: str, f: Filters, where: list, params: list) -> None:
    """Keep rows whose article names the --place (by name or country code)."""
    if f.place:
        where.append(f"EXISTS (SELECT 1 FROM places p WHERE p.article_id = {article_col} AND "
                     + place_sql("p", "name", place_scope(f.place), params) + ")")


def quotes(conn: sqlite3.Connection, f: Filters = Filters()) -> list[dict]:
    """Quotes with their speaker, anonymity and article."""
    where, params = [], []
    if f.actor:
        where.append(_in("q.speaker", actor_names(conn, f.actor), params))
    _dates("a.published", f, where, params)
    _mentions_place("q.article_id", f, where, params)
    if f.search:
        where.append("EXISTS (SELECT 1 FROM quotes_fts x WHERE x.article_id = q.article_id AND x.idx = q.idx "
                     "AND quotes_fts MATCH ?)")
        params.append(fts_query(f.search))
    if f.type:  # quotes near an event of that type
        where.append("EXISTS (SELECT 1 FROM events e WHERE e.article_id = q.article_id AND e.type = ? "
                     "AND e.start < q.\"end\" AND e.\"end\" > q.start)")
        params.append(f.type.upper())
    sql = ("SELECT q.article_id, q.idx, q.speaker, q.speaker_text, q.anonymous, q.source_type, q.told_to, q.kind, "
           "q.text, q.start, q.\"end\", a.published, a.outlet, a.url FROM quotes q "
           "JOIN articles a ON a.id = q.article_id")
    rows = _run(conn, sql, where, params, "a.published, q.article_id, q.idx", f)
    for r in rows:
        r["anonymous"] = bool(r["anonymous"])
    return rows


def articles(conn: sqlite3.Connection, f: Filters = Filters()) -> list[dict]:
    """Articles with their counts of actors, quotes and events."""
    where, params = [], []
    if f.actor:
        where.append("EXISTS (SELECT 1 FROM article_actors x WHERE x.article_id = a.id AND "
                     + _in("x.name", actor_names(conn, f.actor), params) + ")")
    if f.type:
        where.append("EXISTS (SELECT 1 FROM events e WHERE e.article_id = a.id AND e.type = ?)")
        params.append(f.type.upper())
    _dates("a.published", f, where, params)
    _mentions_place("a.id", f, where, params)
    _article_text_matches("a.id", f, where, params)
    sql = ("SELECT a.id, a.published, a.outlet, a.title, a.url, a.source, a.content_hash, length(a.text) AS chars, "
           "(SELECT count(*) FROM article_actors x WHERE x.article_id = a.id) AS actors, "
           "(SELECT count(*) FROM quotes x WHERE x.article_id = a.id) AS quotes, "
           "(SELECT count(*) FROM events x WHERE x.article_id = a.id) AS events FROM articles a")
    return _run(conn, sql, where, params, "a.published, a.id", f)


def claims(conn: sqlite3.Connection, f: Filters = Filters()) -> list[dict]:
    """Reported tallies, oldest first, so a figure's evolution reads down the list."""
    where, params = [], []
    about = f.about or f.search
    if about:
        stem = re.sub(r"(ies|es|s)$", "", about.strip().lower()) or about
        where.append("(lower(c.unit) LIKE ? OR lower(c.sentence) LIKE ?)")
        params += [f"%{stem}%", f"%{about.lower()}%"]
    if f.actor:
        names = actor_names(conn, f.actor)
        where.append("(" + _in("c.reporter", names, params) + " OR " + _names_word(conn, "c.sentence", names | {f.actor},
                                                                           params) + ")")
    _dates("c.published", f, where, params)
    if f.place:
        where.append("EXISTS (SELECT 1 FROM places p WHERE p.article_id = c.article_id AND p.start >= c.start - 400 "
                     "AND " + place_sql("p", "name", place_scope(f.place), params) + ")")
    if f.type:
        where.append("EXISTS (SELECT 1 FROM events e WHERE e.article_id = c.article_id AND e.type = ?)")
        params.append(f.type.upper())
    sql = ("SELECT c.article_id, c.idx, c.value, c.unit, c.qualifier, c.text, c.reporter, c.sourcing, "
           "c.period_text, c.period_start, c.period_end, c.published, c.outlet, c.sentence FROM claims c")
    rows = _run(conn, sql, where, params, "c.unit, c.published, c.article_id, c.idx", f)
    for r in rows:
        r["anonymous_only"] = r["sourcing"] == "anonymous"
    return rows


@functools.lru_cache(maxsize=64)
def _word_pattern(pattern: str) -> re.Pattern:
    return re.compile(pattern, re.I)


def _has_word(text: str | None, pattern: str) -> bool:
    return bool(text) and _word_pattern(pattern).search(text) is not None


def _names_word(conn: sqlite3.Connection, column: str, names: set[str], params: list) -> str:
    """SQL true when `column` names one of `names` as whole words ('KH' is not in 'Kharkiv')."""
    conn.create_function("wc_has_word", 2, _has_word, deterministic=True)
    params.append(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")(?!\w)")
    return f"wc_has_word({column}, ?)"


def _unit_key(unit: str) -> str:
    return re.sub(r"(ies|es|s)$", "", unit.strip().lower())


def _close(a: str | None, b: str | None, days: int) -> bool:
    from datetime import date

    if not a or not b:
        return False
    return abs((date.fromisoformat(a[:10]) - date.fromisoformat(b[:10])).days) <= days


def evolution(rows: list[dict], window_days: int = 3) -> list[dict]:
    """Each claim with the figure before it (same unit) and the reporters it disagrees with.

    Two figures disagree when different reporters give different values for the same thing
    over the same period, or published within `window_days` of each other."""
    out, by_unit = [], {}
    for r in rows:
        r = dict(r)
        seen = by_unit.setdefault(_unit_key(r["unit"]), [])
        r["previous"] = seen[-1]["value"] if seen else None
        r["disagrees_with"] = []
        for o in seen:
            same_period = r["period_start"] is not None and (o["period_start"], o["period_end"]) == (
                r["period_start"], r["period_end"])
            if o["value"] != r["value"] and o["reporter"] != r["reporter"] and (
                    same_period or _close(o["published"], r["published"], window_days)):
                who = o["reporter"] or "unattributed"
                r["disagrees_with"].append(f"{who}: {o['value']:g}")
                o["disagrees_with"].append(f"{r['reporter'] or 'unattributed'}: {r['value']:g}")
        seen.append(r)
        out.append(r)
    for r in out:
        r["disagrees"] = bool(r["disagrees_with"])
    return out
