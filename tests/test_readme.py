"""The README's examples run and print what the README shows."""
from __future__ import annotations

import contextlib
import json
import io
import re
import shlex
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from wirecoder.cli import app

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def block_after(heading: str, lang: str = "") -> str:
    """The first fenced block after a heading."""
    rest = README.split(heading, 1)[1]
    return re.search(rf"```{lang}\n(.*?)```", rest, re.S).group(1)


@pytest.mark.slow
def test_python_example_prints_what_the_readme_shows():
    code = block_after("## Python", "python")
    shown = [ln[2:] for ln in code.splitlines() if ln.startswith("# ")]
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code, "README.md", "exec"), {})
    assert out.getvalue().splitlines() == shown and shown


def test_corpus_and_desk_commands_run(fixture_corpus, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    shutil.copy(fixture_corpus, tmp_path / "conflict.sqlite")
    (tmp_path / "batch.jsonl").write_text("", encoding="utf-8")
    lines = block_after("### The corpus").splitlines() + block_after("### The analyst's desk").splitlines()
    ran = {}
    for line in lines:
        args = shlex.split(line.split("  #")[0])
        if args[1] == "serve":  # a server does not return; tests/web/test_serve.py starts it
            continue
        if args[1] == "ingest":
            args = ["wirecoder", "ingest", "batch.jsonl", "--db", "conflict.sqlite"]
        res = CliRunner().invoke(app, args[1:])
        assert res.exit_code == 0, (line, res.output)
        ran[args[1]] = res.output
    assert "Kataib Hezbollah" in ran["events"] and "ASSAULT" in ran["events"]
    assert (tmp_path / "events.geojson").is_file() and (tmp_path / "report.html").is_file()


@pytest.mark.slow
def test_analyze_example_shows_what_the_readme_shows(monkeypatch):
    monkeypatch.chdir(Path(__file__).resolve().parents[1])
    monkeypatch.setenv("COLUMNS", "90")
    block = block_after("## Command line").splitlines()
    args = shlex.split(block[0].removeprefix("$ "))
    res = CliRunner().invoke(app, args[1:])
    assert res.exit_code == 0, res.output
    out = " ".join(res.output.split())
    shown = [ln for ln in block[1:] if ln.strip() and ln.strip() != "…" and not ln.startswith("─")]
    for line in shown:  # every word of every shown line (table borders aside) is printed
        for word in re.sub(r"[│┃“”]", " ", line).split():
            assert word in out, (word, line)
    assert "Mark Ellison" in out and "take all necessary measures" in out


@pytest.mark.slow
def test_spacy_pipeline_example_runs():
    code = block_after("### In your own spaCy pipeline", "python")
    scope = {"text": 'Rebels attacked a checkpoint near Gao on Monday. "We will continue," their leader said.'}
    exec(compile(code.replace("doc._.wc_quotes, doc._.wc_events", "result = doc._.wc_quotes, doc._.wc_events"),
                 "README.md", "exec"), scope)
    quotes, events = scope["result"]
    assert quotes and events


@pytest.mark.slow
def test_broken_json_lines_example_prints_what_the_readme_shows(tmp_path, monkeypatch):
    block = re.search(r"```\n(\$ wirecoder analyze articles\.jsonl.*?)```", README, re.S).group(1).splitlines()
    args = shlex.split(block[0].removeprefix("$ ").split(">")[0])
    lines = [json.dumps({"id": f"a{i:02d}", "text": f"Police arrested {i + 2} men in Basra on Monday, officials said.",
                         "published": "2024-01-12"}) for i in range(1, 43)]
    # line 7 drops a comma: the error names the file, the line and the column, as the README shows
    lines[6] = '{"id": "a07", "text": "' + "Police arrested nine men in Basra on Monday, officials." + '" "published": "2024-01-12"}'
    (tmp_path / "articles.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    res = CliRunner().invoke(app, args[1:] + ["--jobs", "1"])
    shown = [ln for ln in block[1:] if ln.strip()]
    printed = [ln for ln in res.output.splitlines() if ln.startswith("error:") or " analysed, " in ln]
    assert printed == shown, res.output
    assert sum(1 for ln in res.output.splitlines() if ln.startswith("{")) == 41  # the rest of the batch goes on
