"""Event clusters kept in the corpus, keyed by what they were computed from, so a second start is instant.

Clustering is the slow step of opening a corpus (every report against every cluster of its type);
the stored result is used only while the corpus's articles, the clustering code, the registry and
the settings are those it was computed from, so it is never stale, only absent."""
from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Callable
from pathlib import Path

from wirecoder.settings import Settings, data_path

FORMAT = "clusters/1"  # bump when the stored shape of a cluster changes
KEEP = 32  # filter sets remembered per corpus version
BUSY_MS = 200  # a cache write never waits long for a running ingest: the clusters are already in hand


def _code_files() -> list[Path]:
    """The files whose contents decide which reports form one cluster."""
    from wirecoder import names, registry
    from wirecoder.corpus import dedup
    from wirecoder.extract.events import identity
    from wirecoder.extract.places import kinds

    return [Path(m.__file__) for m in (dedup, identity, kinds, names, registry)] + [data_path("actors.yaml")]


def version(conn: sqlite3.Connection, settings: Settings) -> str:
    """A digest of every input of clustering: articles (id and content hash), code, registry and settings."""
    h = hashlib.sha1(FORMAT.encode())
    for path in _code_files():
        h.update(path.read_bytes())
    h.update(repr(settings).encode())
    # an article's events change only with its content hash (store.store_analysis replaces it whole)
    for row in conn.execute("SELECT id, content_hash FROM articles ORDER BY id"):
        h.update(f"{row[0]}\x00{row[1]}\x01".encode())
    return h.hexdigest()


def cached(conn: sqlite3.Connection, filters: dict, settings: Settings,
           compute: Callable[[], list[dict]], store: bool = True) -> list[dict]:
    """The clusters for `filters`: stored ones if computed from this very corpus, else computed (and
    stored, unless `store` is off: a read-only server reads the cache an ingest left and writes nothing)."""
    key = json.dumps(sorted((k, v) for k, v in filters.items() if v), default=str)  # falsy: no filter (Filters)
    ver = version(conn, settings)
    row = conn.execute("SELECT clusters_json FROM cluster_cache WHERE filters = ? AND version = ?",
                       (key, ver)).fetchone()
    if row is not None:
        return json.loads(row[0])
    rows = compute()
    if store:
        _store(conn, key, ver, json.dumps(rows, ensure_ascii=False))
    return rows


def _store(conn: sqlite3.Connection, key: str, ver: str, payload: str) -> None:
    """Remember one result and forget those of other corpus versions; skipped if the corpus cannot be written."""
    busy = conn.execute("PRAGMA busy_timeout").fetchone()[0]
    conn.execute(f"PRAGMA busy_timeout = {BUSY_MS}")
    try:
        conn.execute("BEGIN IMMEDIATE")
        try:
            conn.execute("DELETE FROM cluster_cache WHERE version != ?", (ver,))
            conn.execute("INSERT OR REPLACE INTO cluster_cache (filters, version, clusters_json, computed_at) "
                         "VALUES (?, ?, ?, datetime('now'))", (key, ver, payload))
            conn.execute("DELETE FROM cluster_cache WHERE filters NOT IN (SELECT filters FROM cluster_cache "
                         f"ORDER BY computed_at DESC, rowid DESC LIMIT {KEEP})")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    except sqlite3.OperationalError:
        pass  # a read-only file or a long ingest holding the lock: the caller has its clusters, only uncached
    finally:
        conn.execute(f"PRAGMA busy_timeout = {int(busy)}")
