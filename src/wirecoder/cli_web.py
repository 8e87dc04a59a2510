"""The analyst's desk commands: `report` (a cited situation report) and `serve` (the local web app)."""
from __future__ import annotations

from pathlib import Path

import typer

from wirecoder.app import app, fail
from wirecoder.errors import CorpusError, ReportError, WirecoderError

# the options mirror cli_corpus's (not imported: cli_corpus is still loading when `python -m wirecoder.cli` runs)
DB = typer.Option("wirecoder.sqlite", "--db", help="the corpus database (SQLite)")
ACTOR = typer.Option(None, "--actor", help="actor name or any alias (e.g. KH)")
SINCE = typer.Option(None, "--since", help="from this date, YYYY-MM-DD")
UNTIL = typer.Option(None, "--until", help="up to this date, YYYY-MM-DD")
PLACE = typer.Option(None, "--place", help="place, country, region or continent (matches what lies in it)")

REPORT_SUFFIXES = (".md", ".html", ".htm")
LOOPBACK = {"127.0.0.1", "localhost", "::1"}


def existing_db(db: Path) -> Path:
    """The corpus path if a file is there; serving or reporting never creates an empty corpus."""
    if not db.is_file():
        raise CorpusError("no corpus database here; build one with `wirecoder ingest --db ...`", source=str(db))
    return db


@app.command(epilog="Example: wirecoder report --db corpus.sqlite --since 2024-01-01 --actor KH --out report.html")
def report(db: Path = DB, since: str = SINCE, until: str = UNTIL, actor: str = ACTOR, place: str = PLACE,
           out: Path = typer.Option(..., "--out", "-o", help="report.md (Markdown) or report.html")) -> None:
    """A situation report whose every sentence cites its sources: key developments, charts, quotes, numbers."""
    from wirecoder.cli_corpus import _filters
    from wirecoder.corpus import Corpus
    from wirecoder.report.brief import build_brief
    from wirecoder.report.render import write_report

    f = _filters(actor, None, since, until, place, None, None)
    try:
        if out.suffix.lower() not in REPORT_SUFFIXES:
            raise ReportError("give a .md or .html file to --out", source=str(out))
        with Corpus(existing_db(db)) as corpus:
            brief = build_brief(corpus, since=f.get("since"), until=f.get("until"), actor=f.get("actor"),
                                place=f.get("place"))
        try:
            charts = write_report(brief, out)
        except OSError as exc:
            raise ReportError(f"cannot write the report ({exc.strerror})", source=str(out)) from exc
    except WirecoderError as exc:
        fail(exc)
    names = f" (charts: {', '.join(p.name for p in charts)})" if charts else ""
    typer.echo(f"report: {len(brief.sources)} sources cited -> {out}{names}")


@app.command(epilog="Example: wirecoder serve --db corpus.sqlite --port 8000")
def serve(db: Path = DB, host: str = typer.Option("127.0.0.1", "--host", help="address to bind (default loopback)"),
          port: int = typer.Option(8000, "--port", min=1, max=65535, help="TCP port"),
          allow_ingest: bool = typer.Option(False, "--allow-ingest", help="enable POST /api/ingest (off: read-only)"),
          ) -> None:
    """Serve the analyst's desk: articles, timeline, map, actors, quotes and clusters, with JSON twins under /api."""
    import socket

    from wirecoder.errors import WebError

    try:
        app_ = _web_app(existing_db(db), allow_ingest, host)
        with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
            try:
                probe.bind((host, port))
            except OSError as exc:
                raise WebError(f"cannot listen on {host}:{port} ({exc.strerror}); choose another --port") from exc
    except WirecoderError as exc:
        fail(exc)
    import threading

    import uvicorn

    threading.Thread(target=app_.state.desk.clusters, daemon=True).start()  # warm the clusters while uvicorn starts

    mode = "ingest allowed" if allow_ingest else "read-only"
    typer.echo(f"wirecoder: serving {db} on http://{host}:{port}/ ({mode})")
    uvicorn.run(app_, host=host, port=port, log_level="warning", limit_concurrency=64, timeout_keep_alive=5)


def _web_app(db: Path, allow_ingest: bool, host: str):
    from wirecoder.web import create_app

    loopback = host in LOOPBACK  # a loopback server answers only loopback names (no DNS rebinding)
    return create_app(db, allow_ingest=allow_ingest, allowed_hosts=sorted(LOOPBACK) if loopback else None)
