"""The corpus: a growing SQLite store of analysed articles, with queries, clusters and profiles.

    >>> from wirecoder.corpus import Corpus
    >>> with Corpus("corpus.sqlite") as c:                       # doctest: +SKIP
    ...     c.ingest(["articles/", "https://example.org/feed.xml"])
    ...     c.events(type="ASSAULT", since="2024-01-01", as_frame=True)
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from wirecoder.corpus import cluster_cache, dedup, profiles, queries, store
from wirecoder.corpus.ingest import IngestReport, run_ingest
from wirecoder.corpus.queries import Filters
from wirecoder.records import Analysis
from wirecoder.settings import DEFAULT, Settings

DEFAULT_DB = "wirecoder.sqlite"
TABLES = ("articles", "article_actors", "quotes", "events", "places", "quantities", "dates", "claims", "failures")

__all__ = ["Corpus", "DEFAULT_DB", "Filters", "IngestReport"]


def _frame(rows: list[dict], as_frame: bool):
    if not as_frame:
        return rows
    import pandas as pd

    return pd.DataFrame(rows)


class Corpus:
    """A corpus database (created and migrated on open); queries return dicts or a pandas DataFrame."""

    def __init__(self, path: str | Path = DEFAULT_DB, settings: Settings = DEFAULT, *,
                 store_clusters: bool = True) -> None:
        self.path = Path(path)
        self.settings = settings
        self.store_clusters = store_clusters  # off: computed clusters are not written back (a read-only server)
        self.conn = store.connect(self.path)

    def close(self) -> None:
        """Close the database."""
        self.conn.close()

    def __enter__(self) -> Corpus:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def ingest(self, sources: Iterable[str | Path] | str | Path, *, retry_failed: bool = False,
               allow_private: bool = False, on_item: Callable[[str, str], None] | None = None,
               fetcher=None, jobs: int | None = 1, engine: str = "local", scheduler: str | None = None,
               workers: int | None = None, shards: str | Path | None = None) -> IngestReport:
        """Ingest files, folders, JSON Lines, URLs and feeds; unchanged articles are skipped.

        engine="local" analyses in `jobs` processes; engine="dask" on a Dask cluster (`scheduler` address,
        or a LocalCluster of `workers`), with Parquet shards in `shards` (default: DB.shards/)."""
        if isinstance(sources, (str, Path)):
            sources = [sources]
        if engine == "dask":
            from wirecoder.corpus.dask_ingest import ingest_dask

            sources = [str(s) for s in sources]
            if retry_failed:
                sources += [t for t in store.retry_targets(self.conn) if t not in sources]
            folder = Path(shards) if shards else self.path.with_name(self.path.name + ".shards")
            return ingest_dask(self.conn, sources, shards=folder, settings=self.settings, scheduler=scheduler,
                               workers=workers, allow_private=allow_private)
        return run_ingest(self.conn, sources, settings=self.settings, allow_private=allow_private,
                          retry_failed=retry_failed, on_item=on_item, fetcher=fetcher, jobs=jobs)

    def add(self, analysis: Analysis) -> str:
        """Store one Analysis: 'ingested', 'updated' or 'unchanged'."""
        return store.store_analysis(self.conn, analysis)

    def articles(self, *, as_frame: bool = False, **filters):
        """Articles (filters: actor, type, since, until, place, search, limit)."""
        return _frame(queries.articles(self.conn, Filters(**filters)), as_frame)

    def events(self, *, as_frame: bool = False, **filters):
        """Event reports, one per article mention (filters as `articles`)."""
        rows = queries.events(self.conn, Filters(**filters))
        return _frame(rows, as_frame)

    def quotes(self, *, as_frame: bool = False, **filters):
        """Quotes with speakers and anonymity (filters as `articles`)."""
        return _frame(queries.quotes(self.conn, Filters(**filters)), as_frame)

    def claims(self, *, as_frame: bool = False, **filters):
        """Reported tallies in order, with the previous figure and disagreements (filter `about=`)."""
        return _frame(queries.evolution(queries.claims(self.conn, Filters(**filters))), as_frame)

    def actors(self, *, as_frame: bool = False, actor: str | None = None, **_ignored):
        """Actor profiles across articles (optionally only those an --actor value names)."""
        names = queries.actor_names(self.conn, actor) if actor else None
        return _frame(profiles.actor_profiles(self.conn, names), as_frame)

    def clusters(self, *, as_frame: bool = False, **filters):
        """Event clusters: each real-world event once, with every report's evidence (kept until the corpus changes)."""
        def compute() -> list[dict]:
            rows = dedup.cluster_events(queries.events(self.conn, Filters(**filters)), self.settings)
            rows.sort(key=lambda c: (c["date"] or "9999", c["type"], c["cluster_id"]))
            return rows

        return _frame(cluster_cache.cached(self.conn, filters, self.settings, compute, self.store_clusters), as_frame)

    def counts(self, by: str = "type", **filters) -> list[tuple[str, int]]:
        """Events counted once per cluster, by day, month, type, actor, target, place or country."""
        return dedup.counts(self.clusters(**filters), by)

    def failures(self, *, as_frame: bool = False):
        """Inputs that failed, with their reason, last attempt time and number of attempts."""
        rows = [dict(r) for r in self.conn.execute("SELECT * FROM failures ORDER BY source")]
        return _frame(rows, as_frame)

    def stats(self) -> dict[str, int]:
        """Row counts of the main tables."""
        return {t: self.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
