"""Clusters stored in the corpus: reused while nothing they were computed from changed, never stale."""
from __future__ import annotations

import sqlite3
from dataclasses import replace

import pytest

from corpus_builders import build, event
from test_dedup import REPORTS, reports_corpus
from wirecoder.corpus import Corpus, dedup


def _no_clustering(*_a, **_k):
    raise AssertionError("clustered again although the stored clusters were current")


def test_clusters_are_computed_once_per_corpus(tmp_path, monkeypatch):
    with reports_corpus(tmp_path) as c:
        first = c.clusters()
        filtered = c.clusters(actor="KH")
    monkeypatch.setattr(dedup, "cluster_events", _no_clustering)
    with Corpus(tmp_path / "c.sqlite") as c:  # a new process: a second `wirecoder serve`
        assert c.clusters() == first
        assert c.clusters(actor="KH") == filtered
        assert len(first) == 2 and c.conn.execute("SELECT count(*) FROM cluster_cache").fetchone()[0] == 2


def test_a_new_article_or_other_settings_cluster_again(tmp_path):
    with reports_corpus(tmp_path) as c:
        before = c.clusters()
        text = "A drone hit a convoy near Qaim on 4 March."
        kw = dict(REPORTS[0][4])
        c.add(build("r5", text, outlet="Wire D", published="2024-03-05", events=[event(text, text, **kw)]))
        after = c.clusters()
        assert sum(x["reports"] for x in after) == sum(x["reports"] for x in before) + 1
        # stored clusters of an older corpus are dropped, not kept beside the current ones
        assert {r[0] for r in c.conn.execute("SELECT version FROM cluster_cache")} == {
            r[0] for r in c.conn.execute("SELECT version FROM cluster_cache LIMIT 1")}
    with Corpus(tmp_path / "c.sqlite", settings=replace(c.settings, dedup_day_slack=0, dedup_km=1.0)) as strict:
        assert len(strict.clusters()) > len(after)


def test_a_locked_corpus_still_answers_without_storing(tmp_path):
    reports_corpus(tmp_path).close()
    blocker = sqlite3.connect(tmp_path / "c.sqlite", isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")  # an ingest holding the write lock
    try:
        with Corpus(tmp_path / "c.sqlite") as c:
            assert len(c.clusters()) == 2
            assert c.conn.execute("PRAGMA busy_timeout").fetchone()[0] == 30000
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    with Corpus(tmp_path / "c.sqlite") as c:
        assert c.conn.execute("SELECT count(*) FROM cluster_cache").fetchone()[0] == 0


@pytest.mark.parametrize("bad", [None, ""])
def test_empty_filters_share_the_unfiltered_clusters(tmp_path, bad):
    with reports_corpus(tmp_path) as c:
        c.clusters()
        c.clusters(actor=bad)
        assert c.conn.execute("SELECT count(*) FROM cluster_cache").fetchone()[0] == 1


def test_a_reading_corpus_uses_stored_clusters_and_writes_none(tmp_path, monkeypatch):
    with reports_corpus(tmp_path):
        pass
    with Corpus(tmp_path / "c.sqlite", store_clusters=False) as reader:  # `wirecoder serve` without --allow-ingest
        computed = reader.clusters()
        assert computed and reader.conn.execute("SELECT count(*) FROM cluster_cache").fetchone()[0] == 0
    with Corpus(tmp_path / "c.sqlite") as writer:  # an ingest stores them
        assert writer.clusters() == computed
    monkeypatch.setattr(dedup, "cluster_events", _no_clustering)
    with Corpus(tmp_path / "c.sqlite", store_clusters=False) as reader:
        assert reader.clusters() == computed  # read from the store, not clustered again
