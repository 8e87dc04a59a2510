"""The corpus tables as Parquet: one Arrow schema per SQLite table, shared by Dask shards and
`export --format parquet` (its `corpus/` folder), and an idempotent merge of such a folder into SQLite."""
from __future__ import annotations

import io
import sqlite3
from pathlib import Path

from wirecoder.corpus.store import CHILD_TABLES, failure_key

TABLES = ("articles", *CHILD_TABLES, "failures")
_ARROW = {"TEXT": "string", "INTEGER": "int64", "REAL": "float64"}


def schema(conn: sqlite3.Connection, table: str):
    """The Arrow schema of a corpus table, from the SQLite column types."""
    import pyarrow as pa

    cols = conn.execute(f"PRAGMA table_info({table})").fetchall()
    return pa.schema([(c[1], pa.type_for_alias(_ARROW.get(c[2].upper(), "string"))) for c in cols])


def table_bytes(conn: sqlite3.Connection) -> dict[str, bytes]:
    """Every corpus table of a (small) database as Parquet file bytes, keyed by table name."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    out = {}
    for table in TABLES:
        rows = [dict(r) for r in conn.execute(f"SELECT * FROM {table} ORDER BY rowid")]
        buf = io.BytesIO()
        pq.write_table(pa.Table.from_pylist(rows, schema=schema(conn, table)), buf)
        out[table] = buf.getvalue()
    return out


def write_tables(conn: sqlite3.Connection, folder: Path) -> Path:
    """Write every corpus table as folder/TABLE.parquet; return the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    for table, data in table_bytes(conn).items():
        (folder / f"{table}.parquet").write_bytes(data)
    return folder


def read_tables(folder: Path) -> dict[str, list[dict]]:
    """The rows of a folder of corpus tables (a shard or an export's corpus/ folder)."""
    import pyarrow.parquet as pq

    return {t: pq.read_table(folder / f"{t}.parquet").to_pylist() for t in TABLES if (folder / f"{t}.parquet").exists()}


def _insert(conn: sqlite3.Connection, table: str, rows: list[dict]) -> None:
    if rows:
        cols = list(rows[0])
        names = ", ".join('"' + c + '"' for c in cols)
        sql = f"INSERT INTO {table} ({names}) VALUES ({', '.join('?' * len(cols))})"
        conn.executemany(sql, [tuple(r[c] for c in cols) for r in rows])


def _status(conn: sqlite3.Connection, art: dict) -> str:
    row = conn.execute("SELECT content_hash FROM articles WHERE id=?", (art["id"],)).fetchone()
    if row is not None:
        return "unchanged" if row[0] == art["content_hash"] else "changed"
    hit = conn.execute("SELECT 1 FROM articles WHERE content_hash=? LIMIT 1", (art["content_hash"],)).fetchone()
    return "unchanged" if hit else "new"


def _merge_article(conn: sqlite3.Connection, art: dict, children: dict[str, list[dict]]) -> str:
    conn.execute("BEGIN IMMEDIATE")
    try:
        status = _status(conn, art)
        if status == "changed":
            for table in (*CHILD_TABLES, "articles_fts", "quotes_fts"):
                conn.execute(f"DELETE FROM {table} WHERE article_id=?", (art["id"],))
            conn.execute("DELETE FROM articles WHERE id=?", (art["id"],))
        if status != "unchanged":
            _insert(conn, "articles", [art])
            conn.execute("INSERT INTO articles_fts (article_id, title, text) VALUES (?,?,?)",
                         (art["id"], art["title"] or "", art["text"]))
            for table in CHILD_TABLES:
                _insert(conn, table, children.get(table, []))
            conn.executemany("INSERT INTO quotes_fts (article_id, idx, speaker, text) VALUES (?,?,?,?)",
                             [(q["article_id"], q["idx"], q["speaker"] or q["speaker_text"] or "", q["text"])
                              for q in children.get("quotes", [])])
        conn.execute("DELETE FROM failures WHERE source=?", (failure_key(art["source"]),))
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return {"new": "ingested", "changed": "updated"}.get(status, "unchanged")


def merge(conn: sqlite3.Connection, tables: dict[str, list[dict]]) -> dict[str, int]:
    """Merge corpus table rows into a corpus like an ingest: unchanged articles skipped, changed ones
    replaced, failures upserted; running it twice changes nothing. Returns counts by status."""
    counts = {"ingested": 0, "updated": 0, "unchanged": 0}
    by_article: dict[str, dict[str, list[dict]]] = {}
    for table in CHILD_TABLES:
        for row in tables.get(table, []):
            by_article.setdefault(row["article_id"], {}).setdefault(table, []).append(row)
    for art in tables.get("articles", []):
        counts[_merge_article(conn, art, by_article.get(art["id"], {}))] += 1
    for f in tables.get("failures", []):
        conn.execute(
            "INSERT INTO failures (source, origin, error_type, reason, failed_at) VALUES (?,?,?,?,?) "
            "ON CONFLICT(source) DO UPDATE SET origin=excluded.origin, error_type=excluded.error_type, "
            "reason=excluded.reason, failed_at=excluded.failed_at, attempts=attempts+1",
            (f["source"], f["origin"], f["error_type"], f["reason"], f["failed_at"]))
    return counts
