"""The typer application every command module registers on (cli.py, cli_corpus.py, ...)."""
from __future__ import annotations

import typer
from rich.console import Console

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="wirecoder: conflict reporting to sourced, structured intelligence.")
err = Console(stderr=True, highlight=False)


@app.callback()
def _root() -> None:
    """wirecoder: conflict reporting to sourced, structured intelligence."""


def fail(exc: Exception) -> None:
    """Print an error as one line and exit 1."""
    err.print(f"[red]error:[/red] {exc}", markup=True, soft_wrap=True)
    raise typer.Exit(1)
