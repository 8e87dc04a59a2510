"""The corpus commands end to end through the CLI."""
from __future__ import annotations

import csv
import io
import json

import pytest
from typer.testing import CliRunner

from wirecoder.cli import app

runner = CliRunner()
TEXTS = {
    "one": "Rockets struck a checkpoint near Fallujah on 4 March, police said. Two guards were hurt.",
    "two": "Militants attacked an army post in Diyala on 6 March. The army sent more troops to the area.",
}
COMMANDS = ["ingest", "events", "quotes", "actors", "articles", "claims", "export"]


@pytest.fixture
def folder(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    for name, text in TEXTS.items():
        (src / f"{name}.txt").write_text(text, encoding="utf-8")
    (src / "broken.txt").write_bytes(b"\xff\xfe\x00\x00binary")
    return src


def test_cli_corpus_ingest_summary_and_rerun(folder, tmp_path):
    db = tmp_path / "c.sqlite"
    res = runner.invoke(app, ["ingest", str(folder), "--db", str(db), "--no-progress"])
    assert res.exit_code == 0, res.output
    assert "2 ingested, 0 updated, 0 unchanged, 1 failed" in res.stderr
    assert "broken.txt" in res.stderr and "binary" in res.stderr
    again = runner.invoke(app, ["ingest", str(folder), "--db", str(db), "--no-progress"])
    assert "0 ingested, 0 updated, 2 unchanged, 1 failed" in again.stderr


def test_cli_corpus_ingest_defaults_to_wirecoder_sqlite(folder, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    res = runner.invoke(app, ["ingest", str(folder / "one.txt"), "--no-progress"])
    assert res.exit_code == 0 and (tmp_path / "wirecoder.sqlite").is_file()


def test_cli_corpus_ingest_exits_1_when_nothing_ingests(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    res = runner.invoke(app, ["ingest", str(tmp_path / "empty.txt"), "--db", str(tmp_path / "c.sqlite"),
                              "--no-progress"])
    assert res.exit_code == 1 and "empty" in res.stderr
    res = runner.invoke(app, ["ingest", "--db", str(tmp_path / "c.sqlite")])
    assert res.exit_code == 1 and "SOURCE" in res.stderr


def test_cli_corpus_queries_in_every_format(folder, tmp_path):
    db = str(tmp_path / "c.sqlite")
    runner.invoke(app, ["ingest", str(folder), "--db", db, "--no-progress"])
    res = runner.invoke(app, ["articles", "--db", db, "--format", "json"])
    assert sorted(a["id"] for a in json.loads(res.stdout)) == ["one", "two"]
    res = runner.invoke(app, ["articles", "--db", db, "--search", "Diyala", "--format", "csv"])
    rows = list(csv.DictReader(io.StringIO(res.stdout)))
    assert [r["id"] for r in rows] == ["two"]
    for cmd in ("events", "quotes", "actors", "claims"):
        res = runner.invoke(app, [cmd, "--db", db, "--format", "json"])
        assert res.exit_code == 0, (cmd, res.output)
        assert isinstance(json.loads(res.stdout), list)
    table = runner.invoke(app, ["articles", "--db", db])
    assert "2 articles" in table.stdout and "one" in table.stdout
    res = runner.invoke(app, ["events", "--db", db, "--clusters", "--format", "json"])
    assert res.exit_code == 0 and isinstance(json.loads(res.stdout), list)


def test_cli_corpus_export(folder, tmp_path):
    db = str(tmp_path / "c.sqlite")
    runner.invoke(app, ["ingest", str(folder), "--db", db, "--no-progress"])
    out = tmp_path / "events.geojson"
    res = runner.invoke(app, ["export", "--db", db, "--format", "geojson", "--out", str(out)])
    assert res.exit_code == 0, res.output
    assert json.loads(out.read_text())["type"] == "FeatureCollection"


@pytest.mark.parametrize("command", COMMANDS)
def test_cli_corpus_help_ends_with_an_example(command):
    res = runner.invoke(app, [command, "--help"], env={"COLUMNS": "200"})
    lines = [line.strip() for line in res.stdout.strip().splitlines() if line.strip()]
    assert lines[-1].startswith("Example: wirecoder " + command)


def test_cli_corpus_queries_refuse_bad_filters(tmp_path):
    db = str(tmp_path / "c.sqlite")
    res = runner.invoke(app, ["events", "--db", db, "--since", "March 4"])
    assert res.exit_code == 1 and "--since" in res.stderr and "YYYY-MM-DD" in res.stderr
    res = runner.invoke(app, ["events", "--db", db, "--type", "BOMBING"])
    assert res.exit_code == 1 and "ASSAULT" in res.stderr


def _events(db) -> list[tuple]:
    from wirecoder.corpus import Corpus

    with Corpus(db) as c:
        return [tuple(r) for r in c.conn.execute("SELECT article_id, idx, type, actor, target, location FROM events "
                                                 "ORDER BY article_id, idx")]


@pytest.mark.parametrize("engine_args", [["--jobs", "2"], ["--engine", "dask", "--workers", "1"]])
def test_cli_corpus_ingest_in_parallel_gives_the_serial_corpus(folder, tmp_path, engine_args):
    for n in range(6):  # more than one chunk of work
        (folder / f"more{n}.txt").write_text(TEXTS["two"].replace("6 March", f"{n + 7} March"), encoding="utf-8")
    serial = runner.invoke(app, ["ingest", str(folder), "--db", str(tmp_path / "a.sqlite"), "--jobs", "1"])
    other = runner.invoke(app, ["ingest", str(folder), "--db", str(tmp_path / "b.sqlite"), *engine_args])
    assert serial.exit_code == 0 and other.exit_code == 0, other.output
    assert "8 ingested, 0 updated, 0 unchanged, 1 failed" in other.stderr
    assert _events(tmp_path / "b.sqlite") == _events(tmp_path / "a.sqlite") != []
