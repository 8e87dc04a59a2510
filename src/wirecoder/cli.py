"""The command line: a thin typer layer over the Python API."""
from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path

import typer
from rich.console import Console

from wirecoder.contract import to_contract
from wirecoder.errors import WirecoderError

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="wirecoder: conflict reporting to sourced, structured intelligence.")
err = Console(stderr=True, highlight=False)


class Format(str, Enum):
    text = "text"
    json = "json"
    jsonl = "jsonl"


@app.callback()
def _root() -> None:
    """wirecoder: conflict reporting to sourced, structured intelligence."""


def fail(exc: Exception) -> None:
    """Print an error as one line and exit 1."""
    err.print(f"[red]error:[/red] {exc}", markup=True, soft_wrap=True)
    raise typer.Exit(1)


@app.command()
def analyze(
    inputs: list[Path] = typer.Argument(..., help="text or HTML files, folders, JSON Lines files, or - for stdin"),
    published: str = typer.Option(None, "--published", help="publication date YYYY-MM-DD for every input"),
    fmt: Format = typer.Option(Format.text, "--format", "-f", help="text (readable), json or jsonl"),
    model: str = typer.Option(None, "--model", help="spaCy pipeline to use instead of en_core_web_sm"),
    registry: list[Path] = typer.Option([], "--registry", help="extra actors.yaml files"),
    progress: bool = typer.Option(None, "--progress/--no-progress", help="progress bar (default: on a terminal)"),
) -> None:
    """Analyse articles: actors, quotes, events, dates, places and quantities.

    Example: wirecoder analyze article.txt --published 2023-12-20 --format text
    """
    from wirecoder.ingest import iter_articles
    from wirecoder.ingest.text import parse_published
    from wirecoder.pipeline import analyze_many
    from wirecoder.report import render_text
    from wirecoder.settings import Settings

    try:
        pub = parse_published(published, "--published")
        settings = Settings(model=model, extra_registries=tuple(registry))
        from wirecoder.pipeline import nlp_for
        nlp_for(settings)
    except WirecoderError as exc:
        fail(exc)
    out = Console(highlight=False, soft_wrap=True) if fmt is Format.text else None
    show = sys.stderr.isatty() if progress is None else progress
    done = failed = 0
    failures: list[str] = []
    items = iter_articles(inputs, settings, pub)
    results = analyze_many(items, settings=settings)
    if show:
        from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
        prog = Progress(SpinnerColumn(), TextColumn("{task.description}"), TextColumn("{task.completed} articles"),
                        TimeElapsedColumn(), console=err, transient=True)
        task = prog.add_task("analysing")
        prog.start()
    for res in results:
        if isinstance(res, WirecoderError):
            failed += 1
            failures.append(str(res))
            err.print(f"[red]error:[/red] {res}", soft_wrap=True)
        else:
            done += 1
            if fmt is Format.jsonl:
                sys.stdout.write(json.dumps(to_contract(res), ensure_ascii=False) + "\n")
            elif fmt is Format.json:
                sys.stdout.write(json.dumps(to_contract(res), ensure_ascii=False, indent=2) + "\n")
            else:
                render_text(res, out)
        if show:
            prog.update(task, advance=1)
    if show:
        prog.stop()
    if failed or done != 1:
        err.print(f"{done} analysed, {failed} failed", highlight=False)
    if done == 0 and failed:
        raise typer.Exit(1)


def main() -> None:
    """Entry point of the `wirecoder` command."""
    try:
        app()
    except WirecoderError as exc:  # anything not caught by a command
        err.print(f"error: {exc}", highlight=False, soft_wrap=True)
        sys.exit(1)


from wirecoder import cli_corpus as _cli_corpus  # noqa: E402,F401  (registers the corpus commands)

if __name__ == "__main__":
    main()
