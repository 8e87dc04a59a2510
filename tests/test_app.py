"""The typer app has its own module: command modules register on it and never import each other."""
from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "wirecoder"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            out.add(node.module)
            out.update(f"{node.module}.{a.name}" for a in node.names)
        elif isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
    return out


def test_app_cli_corpus_does_not_import_cli_and_both_use_the_app_module():
    corpus_imports = _imports(SRC / "cli_corpus.py")
    assert "wirecoder.app" in corpus_imports
    assert "wirecoder.cli" not in corpus_imports
    assert "wirecoder.app" in _imports(SRC / "cli.py")


def test_app_module_imports_no_command_module():
    imports = _imports(SRC / "app.py")
    assert "typer" in imports
    assert not any(m.startswith("wirecoder.cli") for m in imports)


def test_app_every_command_is_registered_and_cli_app_is_the_same_object():
    from wirecoder.app import app
    from wirecoder.cli import app as cli_app

    assert cli_app is app
    names = {c.name or c.callback.__name__ for c in app.registered_commands}
    assert {"analyze", "ingest", "events", "export"} <= names
