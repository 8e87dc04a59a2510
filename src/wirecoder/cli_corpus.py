"""Corpus commands (ingest, queries, export), registered on the main `wirecoder` typer app."""
from __future__ import annotations

import csv
import json
import sys
from enum import Enum
from pathlib import Path

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from wirecoder.app import app, err, fail
from wirecoder.errors import WirecoderError

DB_HELP = "corpus database (SQLite); created when missing"
DEFAULT_DB = Path("wirecoder.sqlite")


class QueryFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


class Engine(str, Enum):
    local = "local"
    dask = "dask"


class ExportFormat(str, Enum):
    plover = "plover"
    csv = "csv"
    geojson = "geojson"
    parquet = "parquet"


# The columns a readable table shows per query; json and csv carry every field.
COLUMNS = {
    "events": ("date", "type", "mode", "actor", "target", "location", "fatalities", "sourcing", "outlet", "sentence"),
    "clusters": ("date", "type", "mode", "actor", "target", "location", "fatalities", "reports", "outlets",
                 "sourcing"),
    "quotes": ("published", "speaker", "anonymous", "kind", "text", "outlet"),
    "actors": ("name", "kind", "aliases", "affiliations", "articles", "quotes", "events_as_actor",
               "events_as_target", "first_seen", "last_seen"),
    "articles": ("published", "id", "outlet", "title", "actors", "quotes", "events"),
    "claims": ("published", "value", "qualifier", "unit", "period_text", "reporter", "sourcing", "previous",
               "disagrees_with", "outlet"),
}


def _open(db: Path):
    from wirecoder.corpus import Corpus

    try:
        return Corpus(db)
    except WirecoderError as exc:
        fail(exc)


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (list, tuple)):
        return ", ".join(_cell(v) if not isinstance(v, dict) else json.dumps(v, ensure_ascii=False) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def emit(rows: list[dict], kind: str, fmt: QueryFormat) -> None:
    """Print query rows as a rich table, a JSON array or CSV."""
    if fmt is QueryFormat.json:
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2, default=str) + "\n")
        return
    if fmt is QueryFormat.csv:
        fields = list(rows[0].keys()) if rows else list(COLUMNS[kind])
        w = csv.DictWriter(sys.stdout, fieldnames=fields, extrasaction="ignore")
        w.writeheader()
        for r in rows:
            w.writerow({k: (json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v)
                        for k, v in r.items()})
        return
    # Off a terminal rich assumes 80 columns, which folds every cell; give tables room instead.
    out = Console(highlight=False, width=None if sys.stdout.isatty() else 200)
    table = Table(title=f"{len(rows)} {kind}", show_lines=False, expand=False)
    for col in COLUMNS[kind]:
        wide = col in ("sentence", "text", "title")
        table.add_column(col.replace("_", " "), overflow="fold", max_width=60 if wide else 28)
    for r in rows:
        table.add_row(*(_cell(r.get(c)) for c in COLUMNS[kind]))
    out.print(table)


def _estimate(sources: list[str]) -> int | None:
    """How many articles the sources hold, for the progress bar's ETA (None when a URL is among them)."""
    total = 0
    for s in sources:
        p = Path(s)
        if "://" in s or not p.exists():
            if "://" in s:
                return None
            total += 1
            continue
        for f in (sorted(x for x in p.rglob("*") if x.is_file()) if p.is_dir() else [p]):
            if f.suffix.lower() in (".jsonl", ".ndjson"):
                with f.open("rb") as fh:
                    total += sum(1 for line in fh if line.strip())
            else:
                total += 1
    return total


def _ingest_progress(sources: list[str]):
    """A progress bar with rate and ETA, and the callback that advances it."""
    from rich.progress import (BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn,
                               TimeElapsedColumn, TimeRemainingColumn)
    prog = Progress(SpinnerColumn(), TextColumn("ingesting"), BarColumn(), MofNCompleteColumn(),
                    TextColumn("[progress.data.speed]{task.fields[rate]}"),
                    TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(), console=err, transient=True)
    task = prog.add_task("ingest", total=_estimate(sources), rate="")
    prog.start()

    def tick(kind: str, source: str) -> None:
        prog.update(task, advance=1)
        speed = prog.tasks[0].speed
        prog.update(task, rate=f"{speed:.1f} articles/s" if speed else "")
    return prog, tick


@app.command(epilog="Example: wirecoder ingest articles/ https://example.org/feed.xml --db corpus.sqlite")
def ingest(
    sources: list[str] = typer.Argument(None, help="files, folders, JSON Lines files, URLs or RSS/Atom feed URLs"),
    db: Path = typer.Option(DEFAULT_DB, "--db", help=DB_HELP),
    retry_failed: bool = typer.Option(False, "--retry-failed", help="also retry every input that failed before"),
    allow_private: bool = typer.Option(False, "--allow-private",
                                       help="allow fetching private, loopback and link-local addresses"),
    progress: bool = typer.Option(None, "--progress/--no-progress", help="progress bar (default: on a terminal)"),
    jobs: int = typer.Option(None, "--jobs", "-j", min=1, help="worker processes (default: all cores)"),
    engine: Engine = typer.Option(Engine.local, "--engine", help="local (this machine) or dask (a Dask cluster)"),
    scheduler: str = typer.Option(None, "--scheduler", help="with --engine dask: join this scheduler, "
                                  "e.g. tcp://HOST:8786"),
    workers: int = typer.Option(None, "--workers", min=1, help="with --engine dask: start a local cluster "
                                "of N workers (default 2)"),
) -> None:
    """Analyse sources into the corpus; unchanged articles are skipped, failures recorded and reported."""
    sources = list(sources or [])
    if not sources and not retry_failed:
        fail(WirecoderError("give at least one SOURCE (file, folder, JSON Lines file, URL or feed), "
                            "or --retry-failed"))
    if engine is Engine.local and (scheduler or workers):
        fail(WirecoderError("--scheduler and --workers need --engine dask"))
    corpus = _open(db)
    show = (sys.stderr.isatty() if progress is None else progress) and engine is Engine.local
    prog, tick = _ingest_progress(sources) if show else (None, None)
    try:
        report = corpus.ingest(sources, retry_failed=retry_failed, allow_private=allow_private, on_item=tick, jobs=jobs,
                               engine=engine.value, scheduler=scheduler, workers=workers)
        if report.ingested or report.updated:
            corpus.clusters()  # stored for `serve`, which reads the corpus and writes nothing
    except WirecoderError as exc:
        fail(exc)
    finally:
        if prog is not None:
            prog.stop()
        corpus.close()
    for source, reason in report.failures:
        err.print(f"[red]failed:[/red] {escape(source)}: {escape(reason)}", soft_wrap=True)
    err.print(f"{report.ingested} ingested, {report.updated} updated, {report.unchanged} unchanged, "
              f"{report.failed} failed  ({db})", highlight=False)
    if report.ok == 0 and report.failed:
        raise typer.Exit(1)


def _filters(actor, type_, since, until, place, search, limit, about=None) -> dict:
    from wirecoder.ingest.text import parse_published
    from wirecoder.records import PLOVER_TYPES

    try:
        since = str(parse_published(since, "--since")) if since else None
        until = str(parse_published(until, "--until")) if until else None
    except WirecoderError as exc:
        fail(exc)
    if type_ and type_.upper() not in PLOVER_TYPES:
        fail(WirecoderError(f"unknown PLOVER type {type_!r}; use one of {', '.join(PLOVER_TYPES)}", source="--type"))
    return {k: v for k, v in dict(actor=actor, type=type_, since=since, until=until, place=place, search=search,
                                  limit=limit, about=about).items() if v is not None}


ACTOR = typer.Option(None, "--actor", help="actor name or alias (e.g. KH)")
TYPE = typer.Option(None, "--type", help="PLOVER event type (e.g. ASSAULT)")
SINCE = typer.Option(None, "--since", help="from this date, YYYY-MM-DD")
UNTIL = typer.Option(None, "--until", help="up to this date, YYYY-MM-DD")
PLACE = typer.Option(None, "--place", help="place, country, ISO code, region or continent (matches what lies in it)")
SEARCH = typer.Option(None, "--search", help="full-text search words")
LIMIT = typer.Option(None, "--limit", help="at most this many rows")
FORMAT = typer.Option(QueryFormat.table, "--format", "-f", help="table, json or csv")
DB = typer.Option(DEFAULT_DB, "--db", help=DB_HELP)


def _query(db: Path, method: str, kind: str, fmt: QueryFormat, filters: dict) -> None:
    corpus = _open(db)
    try:
        emit(getattr(corpus, method)(**filters), kind, fmt)
    finally:
        corpus.close()


@app.command(epilog="Example: wirecoder events --db corpus.sqlite --type ASSAULT --actor KH --since 2024-01-01 --clusters")
def events(db: Path = DB, actor: str = ACTOR, type_: str = TYPE, since: str = SINCE, until: str = UNTIL,
           place: str = PLACE, search: str = SEARCH, limit: int = LIMIT, fmt: QueryFormat = FORMAT,
           clusters: bool = typer.Option(False, "--clusters", help="one row per real-world event across reports"),
           ) -> None:
    """Events in the corpus: every report, or with --clusters each event once with all its sources."""
    f = _filters(actor, type_, since, until, place, search, limit)
    if clusters:
        _query(db, "clusters", "clusters", fmt, f)
    else:
        _query(db, "events", "events", fmt, f)


@app.command(epilog='Example: wirecoder quotes --db corpus.sqlite --actor "Kataeb Hezbollah" --search retaliation')
def quotes(db: Path = DB, actor: str = ACTOR, type_: str = TYPE, since: str = SINCE, until: str = UNTIL,
           place: str = PLACE, search: str = SEARCH, limit: int = LIMIT, fmt: QueryFormat = FORMAT) -> None:
    """Quotes with their speakers (anonymous sources flagged)."""
    _query(db, "quotes", "quotes", fmt, _filters(actor, type_, since, until, place, search, limit))


@app.command(epilog="Example: wirecoder actors --db corpus.sqlite --actor KH --format json")
def actors(db: Path = DB, actor: str = ACTOR, limit: int = LIMIT, fmt: QueryFormat = FORMAT) -> None:
    """Actor profiles across articles: aliases, roles, affiliations, quotes, events, first and last seen."""
    corpus = _open(db)
    try:
        rows = corpus.actors(actor=actor)
    finally:
        corpus.close()
    emit(rows[:limit] if limit else rows, "actors", fmt)


@app.command(epilog='Example: wirecoder articles --db corpus.sqlite --search "drone strike" --since 2024-01-01')
def articles(db: Path = DB, actor: str = ACTOR, type_: str = TYPE, since: str = SINCE, until: str = UNTIL,
             place: str = PLACE, search: str = SEARCH, limit: int = LIMIT, fmt: QueryFormat = FORMAT) -> None:
    """Articles in the corpus with their counts of actors, quotes and events."""
    _query(db, "articles", "articles", fmt, _filters(actor, type_, since, until, place, search, limit))


@app.command(epilog="Example: wirecoder claims --db corpus.sqlite --about attacks")
def claims(db: Path = DB, about: str = typer.Option(None, "--about", help="what is counted (e.g. attacks)"),
           actor: str = ACTOR, since: str = SINCE, until: str = UNTIL, place: str = PLACE, limit: int = LIMIT,
           fmt: QueryFormat = FORMAT) -> None:
    """Reported tallies over time: who reported each figure, when, the period it covers, disagreements."""
    _query(db, "claims", "claims", fmt, _filters(actor, None, since, until, place, None, limit, about))


@app.command(epilog="Example: wirecoder export --db corpus.sqlite --format geojson --out events.geojson")
def export(db: Path = DB, fmt: ExportFormat = typer.Option(..., "--format", "-f", help="plover, csv, geojson or parquet"),
           out: Path = typer.Option(..., "--out", "-o", help="output file (a folder for parquet)"),
           type_: str = TYPE, since: str = SINCE, until: str = UNTIL, actor: str = ACTOR, place: str = PLACE) -> None:
    """Export event clusters as PLOVER JSON, ACLED-style CSV, GeoJSON points, or Parquet tables."""
    from wirecoder.export import export as run_export

    corpus = _open(db)
    try:
        written = run_export(corpus, fmt.value, out, **_filters(actor, type_, since, until, place, None, None))
    except WirecoderError as exc:
        fail(exc)
    finally:
        corpus.close()
    err.print(f"wrote {written}", highlight=False)
