"""Ingest runs end to end: bad inputs reported while the rest ingests, reruns, retries, kill -9 recovery."""
from __future__ import annotations

import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time

import pytest

from wirecoder.corpus import Corpus, store

GOOD = "Gunmen attacked a police post near Baiji on 2 May, police said. Two officers were wounded in the clash."


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def snapshot(db) -> dict:
    """Every table's rows, ordered, without time stamps: equal snapshots mean equal corpora."""
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    out = {}
    for table in ("articles", *store.CHILD_TABLES, "failures", "articles_fts", "quotes_fts"):
        rows = [dict(r) for r in conn.execute(f"SELECT * FROM {table}")]
        for r in rows:
            for k in ("ingested_at", "failed_at", "attempts"):
                r.pop(k, None)
        out[table] = sorted(json.dumps(r, sort_keys=True) for r in rows)
    conn.close()
    return out


def test_ingest_reports_each_bad_input_and_ingests_the_rest(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.txt").write_text(GOOD, encoding="utf-8")
    (src / "page.html").write_text(f"<html><head><title>Clash</title></head><body><article><p>{GOOD}</p>"
                                   f"<p>{GOOD.replace('Baiji', 'Hit')}</p></article></body></html>", encoding="utf-8")
    (src / "binary.dat").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (src / "empty.txt").write_text("", encoding="utf-8")
    (src / "latin1.txt").write_bytes("Le caf\xe9 a \xe9t\xe9 ferm\xe9 apr\xe8s l'attaque.".encode("latin-1"))
    (src / "huge.html").write_text("<html><body>" + "<p>filler words</p>" * (10_500_000 // 19) + "</body></html>")
    (src / "feed.jsonl").write_text(json.dumps({"id": "j1", "text": GOOD.replace("Baiji", "Tuz")}) + "\n"
                                    + '{"id": "j2", "text": "unterminated\n', encoding="utf-8")
    unreachable = f"http://127.0.0.1:{free_port()}/story"
    with Corpus(tmp_path / "c.sqlite") as c:
        report = c.ingest([src, unreachable], allow_private=True)
        assert report.ingested == 3
        reasons = dict(report.failures)
        assert len(reasons) == 6
        assert "binary" in reasons[str(src / "binary.dat")]
        assert "empty" in reasons[str(src / "empty.txt")]
        assert "UTF-8" in reasons[str(src / "latin1.txt")]
        assert "MB" in reasons[str(src / "huge.html")]
        assert "broken JSON" in reasons[f"{src / 'feed.jsonl'}:2"]
        assert "cannot fetch" in reasons[unreachable]
        assert {f["source"] for f in c.failures()} == set(reasons)


def test_ingest_rerun_changes_nothing(tmp_path, jsonl_articles):
    path = jsonl_articles(6)
    db = tmp_path / "c.sqlite"
    with Corpus(db) as c:
        assert c.ingest([path]).ingested == 6
    first = snapshot(db)
    with Corpus(db) as c:
        again = c.ingest([path])
    assert (again.ingested, again.unchanged, again.failed) == (0, 6, 0)
    assert snapshot(db) == first


def test_ingest_retry_failed_picks_up_fixed_inputs(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    bad = src / "later.txt"
    bad.write_text("", encoding="utf-8")
    (src / "good.txt").write_text(GOOD, encoding="utf-8")
    with Corpus(tmp_path / "c.sqlite") as c:
        assert c.ingest([src]).failed == 1
        bad.write_text(GOOD.replace("Baiji", "Samarra"), encoding="utf-8")
        report = c.ingest([], retry_failed=True)
        assert (report.ingested, report.failed) == (1, 0)
        assert c.failures() == []


def wirecoder(*args: str) -> list[str]:
    return [sys.executable, "-c", "from wirecoder.cli import main; main()", *args]


@pytest.mark.slow
def test_ingest_killed_mid_run_resumes_to_the_clean_corpus(tmp_path, jsonl_articles):
    path = jsonl_articles(300)
    with path.open("a", encoding="utf-8") as fh:
        fh.write("{broken line\n")
    clean_db, killed_db = tmp_path / "clean.sqlite", tmp_path / "killed.sqlite"
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    clean = subprocess.Popen(wirecoder("ingest", str(path), "--db", str(clean_db), "--no-progress"),
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    victim = subprocess.Popen(wirecoder("ingest", str(path), "--db", str(killed_db), "--no-progress"),
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    deadline, stored = time.monotonic() + 120, 0
    while time.monotonic() < deadline and victim.poll() is None:
        if killed_db.exists():
            try:
                with sqlite3.connect(killed_db, timeout=1) as conn:
                    stored = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
            except sqlite3.OperationalError:  # schema not created yet
                stored = 0
            if stored >= 40:
                break
        time.sleep(0.02)
    victim.send_signal(signal.SIGKILL)
    assert victim.wait() == -signal.SIGKILL
    assert 40 <= stored < 300  # really killed mid-run
    resumed = subprocess.run(wirecoder("ingest", str(path), "--db", str(killed_db), "--no-progress"),
                             capture_output=True, text=True, env=env, timeout=300)
    assert resumed.returncode == 0, resumed.stderr
    assert "unchanged" in resumed.stderr
    _, err = clean.communicate(timeout=300)
    assert clean.returncode == 0, err
    a, b = snapshot(clean_db), snapshot(killed_db)
    assert len(a["articles"]) == 300 and len(a["failures"]) == 1
    assert {k: len(v) for k, v in a.items()} == {k: len(v) for k, v in b.items()}
    assert a == b
