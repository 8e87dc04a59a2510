"""The command line: a thin typer layer over the Python API (the app lives in wirecoder.app)."""
from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path

import typer
from rich.console import Console

from wirecoder.app import app, err, fail
from wirecoder.contract import to_contract
from wirecoder.errors import WirecoderError

__all__ = ["app", "err", "fail", "main"]


class Format(str, Enum):
    text = "text"
    json = "json"
    jsonl = "jsonl"


def _progress():
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    prog = Progress(SpinnerColumn(), TextColumn("{task.description}"), TextColumn("{task.completed} articles"),
                    TimeElapsedColumn(), console=err, transient=True)
    return prog, prog.add_task("analysing")


def _write(res, fmt: Format, out: Console | None) -> None:
    from wirecoder.jsonl import dumps
    from wirecoder.report import render_text

    if fmt is Format.jsonl:
        sys.stdout.write(dumps(to_contract(res)) + "\n")
    elif fmt is Format.json:
        sys.stdout.write(dumps(to_contract(res), indent=2) + "\n")
    else:
        render_text(res, out)


def _emit_all(results, fmt: Format, show: bool) -> tuple[int, int]:
    out = Console(highlight=False, soft_wrap=True) if fmt is Format.text else None
    prog, task = _progress() if show else (None, None)
    done = failed = 0
    if prog is not None:
        prog.start()
    try:
        for res in results:
            if isinstance(res, WirecoderError):
                failed += 1
                err.print(f"[red]error:[/red] {res}", soft_wrap=True)
            else:
                done += 1
                _write(res, fmt, out)
            if prog is not None:
                prog.update(task, advance=1)
    finally:
        if prog is not None:
            prog.stop()
    return done, failed


JOBS_HELP = "worker processes (default: all cores; 1 = in this process)"


@app.command()
def analyze(
    inputs: list[Path] = typer.Argument(..., help="text or HTML files, folders, JSON Lines files, or - for stdin"),
    published: str = typer.Option(None, "--published", help="publication date YYYY-MM-DD for every input"),
    fmt: Format = typer.Option(Format.text, "--format", "-f", help="text (readable), json or jsonl"),
    model: str = typer.Option(None, "--model", help="spaCy pipeline to use instead of en_core_web_sm"),
    registry: list[Path] = typer.Option([], "--registry", help="extra actors.yaml files"),
    progress: bool = typer.Option(None, "--progress/--no-progress", help="progress bar (default: on a terminal)"),
    jobs: int = typer.Option(None, "--jobs", "-j", min=1, help=JOBS_HELP),
) -> None:
    """Analyse articles: actors, quotes, events, dates, places and quantities.

    Example: wirecoder analyze article.txt --published 2023-12-20 --format text
    """
    from wirecoder.ingest import iter_articles
    from wirecoder.ingest.text import parse_published
    from wirecoder.pipeline import nlp_for
    from wirecoder.runner import analyze_many
    from wirecoder.settings import Settings

    try:
        pub = parse_published(published, "--published")
        settings = Settings(model=model, extra_registries=tuple(registry))
        nlp_for(settings)
    except WirecoderError as exc:
        fail(exc)
    show = sys.stderr.isatty() if progress is None else progress
    results = analyze_many(iter_articles(inputs, settings, pub), settings=settings, jobs=jobs)
    done, failed = _emit_all(results, fmt, show)
    if failed or done != 1:
        err.print(f"{done} analysed, {failed} failed", highlight=False)
    if done == 0 and failed:
        raise typer.Exit(1)


# registered after `analyze`, so that `wirecoder --help` lists analyze first
from wirecoder import cli_corpus as _cli_corpus  # noqa: E402,F401  (registers the corpus commands)
from wirecoder import cli_web as _cli_web  # noqa: E402,F401  (registers report and serve)


def main() -> None:
    """Entry point of the `wirecoder` command."""
    try:
        app()
    except WirecoderError as exc:  # anything not caught by a command
        err.print(f"error: {exc}", highlight=False, soft_wrap=True)
        sys.exit(1)


if __name__ == "__main__":
    main()
