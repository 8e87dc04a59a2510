"""Ingest on Dask distributed: sources split into partitions, each analysed on a worker (which loads
the pipeline once) into a Parquet shard with the corpus schema, the shards merged into SQLite.

Each partition runs the ordinary ingest (`run_ingest`, hence `runner.analyze_many`) against an
in-memory corpus, so the extractors do not know where they run; the merge is idempotent."""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from wirecoder.corpus.ingest import IngestReport, _db_files, _files
from wirecoder.errors import ClusterError
from wirecoder.ingest.fetch import is_url
from wirecoder.settings import DEFAULT, Settings

PARTITION_FILES = 16  # files or URLs per partition
PARTITION_LINES = 64  # lines of a JSON Lines file, or rows of a Parquet file, per partition

try:  # the plugin base class only when the dask extra is installed
    from distributed.diagnostics.plugin import WorkerPlugin
except ImportError:  # pragma: no cover
    WorkerPlugin = object


class PipelinePlugin(WorkerPlugin):
    """Load the spaCy pipeline and wirecoder's models once per worker, before its first task."""

    name = "wirecoder-pipeline"

    def __init__(self, settings: Settings = DEFAULT) -> None:
        self.settings = settings

    def setup(self, worker=None) -> None:
        """Load the pipeline into this worker process."""
        from wirecoder.pipeline import nlp_for

        nlp_for(self.settings)


Unit = tuple[str, str, "tuple[int, int] | None"]  # (source given, file or URL, JSON Lines line range)


def _sliced_units(origin: str, path: Path, lines_per_part: int) -> list[Unit]:
    """A JSON Lines file in line ranges, a Parquet file in row ranges."""
    from wirecoder.ingest.sources import parquet_rows

    if path.suffix.lower() == ".parquet":
        total = parquet_rows(path)
    else:
        with path.open("rb") as fh:
            total = sum(1 for _ in fh)
    return [(origin, str(path), (lo, min(lo + lines_per_part - 1, total)))
            for lo in range(1, total + 1, lines_per_part)] or [(origin, str(path), None)]


def partitions(sources: Iterable[str], exclude: frozenset[Path] = frozenset(), size: int | None = None,
               lines: int | None = None) -> list[list[Unit]]:
    """Sources as partitions in input order: files and URLs `size` at a time, and each JSON Lines or
    Parquet file split into slices of `lines` lines or rows, each slice a partition of its own."""
    from wirecoder.ingest.sources import JSONL_SUFFIXES, PARQUET_SUFFIXES

    size, lines = size or PARTITION_FILES, lines or PARTITION_LINES
    parts: list[list[Unit]] = []
    group: list[Unit] = []
    for src in sources:
        path = Path(src)
        files = [] if is_url(src) or not path.exists() else [f for f in _files(path) if f.resolve() not in exclude]
        if not files:
            group.append((src, src, None))  # a URL, or a missing path that still gets its one failure
        for f in files:
            if f.suffix.lower() in JSONL_SUFFIXES | PARQUET_SUFFIXES:
                parts += [group] if group else []
                parts += [[u] for u in _sliced_units(src, f, lines)]
                group = []
            else:
                group.append((src, str(f), None))
        if len(group) >= size:
            parts += [group[i:i + size] for i in range(0, len(group), size)]
            group = []
    return parts + ([group] if group else [])


def _items(units: list[Unit], settings: Settings, allow_private: bool):
    """(source given, article or error) for a partition's units, as a local ingest reads them."""
    from wirecoder.corpus.ingest import iter_sources
    from wirecoder.ingest.sources import iter_jsonl, iter_parquet

    for origin, unit, lines in units:
        if lines is not None and unit.lower().endswith(".parquet"):
            yield from ((origin, item) for item in iter_parquet(Path(unit), settings, rows=lines))
        elif lines is not None:
            yield from ((origin, item) for item in iter_jsonl(Path(unit), settings, lines=lines))
        else:
            yield from ((origin, item) for _, item in iter_sources([unit], settings=settings,
                                                                  allow_private=allow_private))


def ingest_partition(units: list[Unit], settings: Settings = DEFAULT, allow_private: bool = False) -> dict:
    """Ingest one partition into an in-memory corpus: {"tables": the shard as Parquet bytes per table,
    "unchanged": articles the partition held twice}."""
    from wirecoder.corpus import store
    from wirecoder.corpus.ingest import run_ingest
    from wirecoder.corpus.parquet import table_bytes

    conn = store.connect(":memory:")
    try:
        report = run_ingest(conn, [], settings=settings, jobs=1, items=_items(units, settings, allow_private))
        return {"tables": table_bytes(conn), "unchanged": report.unchanged}
    finally:
        conn.close()


def _client(scheduler: str | None, workers: int | None):
    from distributed import Client, LocalCluster

    if scheduler:
        try:
            return Client(scheduler, timeout="20s"), None
        except (OSError, TimeoutError) as exc:
            raise ClusterError(f"cannot reach the Dask scheduler ({exc})".splitlines()[0], source=scheduler) from None
    cluster = LocalCluster(n_workers=workers or 2, threads_per_worker=1, processes=True, host="127.0.0.1",
                           dashboard_address=None)
    return Client(cluster), cluster


def ingest_dask(conn, sources: Iterable[str], *, shards: Path, settings: Settings = DEFAULT,
                scheduler: str | None = None, workers: int | None = None, allow_private: bool = False,
                partition_size: int | None = None, partition_lines: int | None = None) -> IngestReport:
    """Ingest sources on a Dask cluster (`scheduler` address, or a LocalCluster of `workers`) into `conn`."""
    try:
        from distributed import as_completed  # noqa: F401
    except ImportError:
        raise ClusterError("the Dask engine needs the dask extra: pip install 'wirecoder[dask]'") from None
    parts = partitions([str(s) for s in sources], _db_files(conn), partition_size, partition_lines)
    for old in shards.glob("part-*/*.parquet"):  # a previous run's shards
        old.unlink()
    client, cluster = _client(scheduler, workers)
    try:
        client.register_plugin(PipelinePlugin(settings))
        futures = [client.submit(ingest_partition, p, settings, allow_private, pure=False) for p in parts]
        return _merge_shards(conn, client, futures, shards)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _merge_shards(conn, client, futures, shards: Path) -> IngestReport:
    """Write each partition's shard as it arrives, merge them into the corpus in partition order."""
    from wirecoder.corpus.parquet import merge, read_tables

    report = IngestReport()
    for n, future in enumerate(futures):  # partition order: the same corpus as a local ingest
        folder = shards / f"part-{n:05d}"
        folder.mkdir(parents=True, exist_ok=True)
        result = future.result()
        for table, data in result["tables"].items():
            (folder / f"{table}.parquet").write_bytes(data)
        future.release()
        report.unchanged += result["unchanged"]
        tables = read_tables(folder)
        counts = merge(conn, tables)
        report.ingested += counts["ingested"]
        report.updated += counts["updated"]
        report.unchanged += counts["unchanged"]
        report.failures += [(f["source"], f["reason"]) for f in tables.get("failures", [])]
    return report
