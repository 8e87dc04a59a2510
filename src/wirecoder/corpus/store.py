"""The SQLite store: schema migrations, one transaction per article, failures kept for retry."""
from __future__ import annotations

import json
import re
import sqlite3
from datetime import datetime, timezone
from pathlib import Path

from wirecoder.contract import to_contract
from wirecoder.corpus.claims import claims_of
from wirecoder.corpus.migrations import MIGRATIONS
from wirecoder.errors import CorpusError
from wirecoder.records import Analysis, Article, Event, Quote

CHILD_TABLES = ("article_actors", "quotes", "events", "places", "quantities", "dates", "claims")


def now() -> str:
    """UTC time as ISO 8601, for ingest and failure stamps."""
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def failure_key(source: str | None) -> str:
    """The part of an input's source that stays the same whether it fails or succeeds."""
    return re.sub(r" \(id [^)]*\)$", "", source or "<unknown>")


def connect(path: str | Path) -> sqlite3.Connection:
    """Open (creating if needed) and migrate a corpus database in WAL mode."""
    path = Path(path)
    if path.exists() and path.is_dir():
        raise CorpusError("is a folder; give a database file such as corpus.sqlite", source=str(path))
    try:
        conn = sqlite3.connect(str(path), isolation_level=None, timeout=30.0, check_same_thread=False)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA journal_mode=WAL")
        # NORMAL keeps every committed transaction across a killed process; only a power cut may lose the last.
        conn.execute("PRAGMA synchronous=NORMAL")
        migrate(conn)
    except sqlite3.DatabaseError as exc:
        raise CorpusError(f"cannot open the corpus database ({exc}); is it a wirecoder SQLite file?",
                          source=str(path)) from None
    return conn


def migrate(conn: sqlite3.Connection) -> list[int]:
    """Apply the migrations not yet recorded in schema_migrations; return the versions applied."""
    conn.execute("CREATE TABLE IF NOT EXISTS schema_migrations "
                 "(version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)")
    done = {r[0] for r in conn.execute("SELECT version FROM schema_migrations")}
    applied = []
    for version, name, sql in MIGRATIONS:
        if version in done:
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            # Another process may have migrated while we waited for the write lock.
            if conn.execute("SELECT 1 FROM schema_migrations WHERE version=?", (version,)).fetchone():
                conn.execute("COMMIT")
                continue
            for stmt in _statements(sql):
                conn.execute(stmt)
            conn.execute("INSERT INTO schema_migrations VALUES (?,?,?)", (version, name, now()))
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        applied.append(version)
    return applied


def _statements(sql: str) -> list[str]:
    out, buf = [], ""
    for line in sql.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            out.append(buf.strip())
            buf = ""
    if buf.strip():
        out.append(buf.strip())
    return out


def article_status(conn: sqlite3.Connection, article: Article) -> str:
    """'new', 'unchanged' (same id and hash, or the same content under another id) or 'changed'."""
    h = article.content_hash
    row = conn.execute("SELECT content_hash FROM articles WHERE id=?", (article.id,)).fetchone()
    if row is not None:
        return "unchanged" if row[0] == h else "changed"
    if conn.execute("SELECT 1 FROM articles WHERE content_hash=? LIMIT 1", (h,)).fetchone():
        return "unchanged"
    return "new"


def sources_for(span_start: int, span_end: int, quotes: tuple[Quote, ...]) -> list[dict]:
    """Who the quotes overlapping a stretch of text attribute it to."""
    out = []
    for q in quotes:
        cue_in = q.cue_start is not None and q.cue_end is not None and q.cue_start < span_end and q.cue_end > span_start
        if (q.start < span_end and q.end > span_start) or cue_in:
            out.append({"speaker": q.speaker or q.speaker_text, "anonymous": q.anonymous,
                        "source_type": q.source_type})
    return out


def sourcing_of(sources: list[dict]) -> str:
    """'named' when a named speaker stands behind it, 'anonymous' when only unnamed ones do, else 'none'."""
    if not sources:
        return "none"
    return "anonymous" if all(s["anonymous"] or not s["speaker"] for s in sources) else "named"


def _event_sources(ev: Event, quotes: tuple[Quote, ...]) -> list[dict]:
    spans = [(ev.start, ev.end), *((s.start, s.end) for s in ev.evidence)]
    seen, out = set(), []
    for a, b in spans:
        for s in sources_for(a, b, quotes):
            key = (s["speaker"], s["anonymous"])
            if key not in seen:
                seen.add(key)
                out.append(s)
    return out


def store_analysis(conn: sqlite3.Connection, res: Analysis) -> str:
    """Write one article and its extractions in a single transaction: 'ingested', 'updated' or 'unchanged'."""
    a = res.article
    conn.execute("BEGIN IMMEDIATE")
    try:
        status = article_status(conn, a)
        if status == "unchanged":
            conn.execute("COMMIT")
            return "unchanged"
        if status == "changed":
            for table in CHILD_TABLES:
                conn.execute(f"DELETE FROM {table} WHERE article_id=?", (a.id,))
            conn.execute("DELETE FROM articles_fts WHERE article_id=?", (a.id,))
            conn.execute("DELETE FROM quotes_fts WHERE article_id=?", (a.id,))
            conn.execute("DELETE FROM articles WHERE id=?", (a.id,))
        _insert(conn, res)
        conn.execute("DELETE FROM failures WHERE source=?", (failure_key(a.source),))
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return "updated" if status == "changed" else "ingested"


def _insert(conn: sqlite3.Connection, res: Analysis) -> None:
    a = res.article
    pub = a.published.isoformat() if a.published else None
    conn.execute(
        "INSERT INTO articles (id, content_hash, url, title, outlet, byline, published, source, text, "
        "analysis_json, ingested_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        (a.id, a.content_hash, a.url, a.title, a.outlet, a.byline, pub, a.source, a.text,
         json.dumps(to_contract(res), ensure_ascii=False), now()))
    conn.execute("INSERT INTO articles_fts (article_id, title, text) VALUES (?,?,?)", (a.id, a.title or "", a.text))
    conn.executemany(
        "INSERT INTO article_actors VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
        [(a.id, i, x.name, x.kind, x.role, x.affiliation, x.country, x.sector, x.wikidata, int(x.registry),
          json.dumps(list(x.aliases), ensure_ascii=False), len(x.mentions)) for i, x in enumerate(res.actors)])
    conn.executemany(
        "INSERT INTO quotes VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        [(a.id, i, q.text, q.start, q.end, q.kind, q.speaker, q.speaker_text, int(q.anonymous), q.source_type,
          q.told_to) for i, q in enumerate(res.quotes)])
    conn.executemany(
        "INSERT INTO quotes_fts (article_id, idx, speaker, text) VALUES (?,?,?,?)",
        [(a.id, i, q.speaker or q.speaker_text or "", q.text) for i, q in enumerate(res.quotes)])
    rows = []
    for i, e in enumerate(res.events):
        srcs = _event_sources(e, res.quotes)
        rows.append((a.id, i, e.type, e.mode, e.actor, e.target, e.date, e.date_precision, e.location, e.country,
                     e.lat, e.lon, e.fatalities, e.injuries, e.trigger, e.sentence, e.start, e.end, int(e.negated),
                     int(e.hypothetical), int(e.future), int(e.historical), sourcing_of(srcs),
                     json.dumps(srcs, ensure_ascii=False)))
    conn.executemany("INSERT INTO events VALUES (" + ",".join("?" * 24) + ")", rows)
    conn.executemany(
        "INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
        [(a.id, i, p.name, p.text, p.start, p.end, p.country, p.admin1, p.lat, p.lon, p.kind, p.geonameid)
         for i, p in enumerate(res.places)])
    conn.executemany(
        "INSERT INTO quantities VALUES (?,?,?,?,?,?,?,?,?)",
        [(a.id, i, q.value, q.unit, q.qualifier, q.text, q.start, q.end, q.role) for i, q in enumerate(res.quantities)])
    conn.executemany(
        "INSERT INTO dates VALUES (?,?,?,?,?,?,?,?,?)",
        [(a.id, i, d.text, d.start, d.end, d.value.isoformat() if d.value else None,
          d.end_value.isoformat() if d.end_value else None, d.precision, int(d.open_end))
         for i, d in enumerate(res.dates)])
    conn.executemany(
        "INSERT INTO claims VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        [(a.id, i, c["value"], c["unit"], c["qualifier"], c["text"], c["start"], c["end"], c["sentence"],
          c["reporter"], c["sourcing"], c["period_text"], c["period_start"], c["period_end"], pub, a.outlet)
         for i, c in enumerate(claims_of(res))])


def reason_of(exc: Exception) -> str:
    """The one-line message of an error without its source prefix."""
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    src = getattr(exc, "source", None)
    return text[len(src) + 2:] if src and text.startswith(f"{src}: ") else text


def record_failure(conn: sqlite3.Connection, exc: Exception, origin: str) -> None:
    """Remember why an input failed (one row per input, the attempt count kept)."""
    source = failure_key(getattr(exc, "source", None) or origin)
    reason = reason_of(exc)
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute(
            "INSERT INTO failures (source, origin, error_type, reason, failed_at) VALUES (?,?,?,?,?) "
            "ON CONFLICT(source) DO UPDATE SET origin=excluded.origin, error_type=excluded.error_type, "
            "reason=excluded.reason, failed_at=excluded.failed_at, attempts=attempts+1",
            (source, origin, type(exc).__name__, reason, now()))
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def clear_failure(conn: sqlite3.Connection, source: str | None) -> None:
    """Forget a past failure of an input that now ingests (or is already stored)."""
    conn.execute("DELETE FROM failures WHERE source=?", (failure_key(source),))


def retry_targets(conn: sqlite3.Connection) -> list[str]:
    """The inputs to read again for --retry-failed: the failed file or URL itself, else its origin."""
    out: list[str] = []
    for row in conn.execute("SELECT source, origin FROM failures ORDER BY source"):
        src = row["source"]
        target = row["origin"]
        if re.match(r"^https?://", src):
            target = src.split("#", 1)[0]
        elif Path(src).is_file():
            target = src
        else:
            m = re.match(r"^(.*):(\d+)$", src)  # a JSON Lines line: read its file again
            if m and Path(m.group(1)).is_file():
                target = m.group(1)
        if target not in out:
            out.append(target)
    return out
