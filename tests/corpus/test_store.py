"""The SQLite store: migrations, WAL, idempotent upserts, replacement in one transaction, FTS."""
from __future__ import annotations

import pytest

from corpus_builders import actor, build, event, quote
from wirecoder.corpus import Corpus, store

TEXT = "Rockets hit a base near Tikrit on Monday, a security source said. The army sent reinforcements."


def dump(corpus: Corpus) -> dict:
    """Every stored row of the content tables, without time stamps."""
    out = {}
    for table in ("articles", *store.CHILD_TABLES, "articles_fts", "quotes_fts"):
        rows = [dict(r) for r in corpus.conn.execute(f"SELECT * FROM {table}")]
        for r in rows:
            r.pop("ingested_at", None)
        out[table] = sorted(rows, key=repr)
    return out


def sample(id: str = "a1", text: str = TEXT):
    sent = text.split(". ")[0] + "."
    return build(id, text, events=[event(text, sent, mode="rocket", location="Tikrit")],
                 quotes=[quote(text, sent[:-1], speaker=None, speaker_text="a security source", anonymous=True)],
                 actors=[actor("Iraqi Army", aliases=("the army",), kind="organization")])


def test_store_records_migrations_once(tmp_path):
    db = tmp_path / "c.sqlite"
    Corpus(db).close()
    with Corpus(db) as c:
        rows = c.conn.execute("SELECT version, name FROM schema_migrations").fetchall()
        assert [tuple(r) for r in rows] == [(1, "initial schema"), (2, "cluster cache")]
        assert c.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.migrate(c.conn) == []


def test_store_reingest_same_article_changes_nothing(tmp_path):
    with Corpus(tmp_path / "c.sqlite") as c:
        assert c.add(sample()) == "ingested"
        before = dump(c)
        assert c.add(sample()) == "unchanged"
        assert dump(c) == before
        assert c.stats()["events"] == 1 and c.stats()["quotes"] == 1


def test_store_same_content_under_another_id_is_unchanged(tmp_path):
    with Corpus(tmp_path / "c.sqlite") as c:
        c.add(sample("a1"))
        assert c.add(sample("copy-of-a1")) == "unchanged"
        assert c.stats()["articles"] == 1


def test_store_changed_article_replaces_its_extractions(tmp_path):
    new_text = "Drones struck a depot near Kirkuk on Tuesday. Nobody claimed the attack."
    with Corpus(tmp_path / "c.sqlite") as c:
        c.add(sample())
        changed = build("a1", new_text, events=[event(new_text, "Drones struck a depot near Kirkuk on Tuesday.")])
        assert c.add(changed) == "updated"
        assert c.stats()["articles"] == 1 and c.stats()["quotes"] == 0
        assert [e["sentence"] for e in c.events()] == ["Drones struck a depot near Kirkuk on Tuesday."]
        assert c.articles(search="Tikrit") == [] and len(c.articles(search="Kirkuk")) == 1


def test_store_failed_write_leaves_no_partial_article(tmp_path, monkeypatch):
    with Corpus(tmp_path / "c.sqlite") as c:
        def boom(res):
            raise RuntimeError("disk trouble")
        monkeypatch.setattr(store, "claims_of", boom)
        with pytest.raises(RuntimeError):
            c.add(sample())
        assert all(n == 0 for n in c.stats().values())
        assert c.conn.execute("SELECT count(*) FROM articles_fts").fetchone()[0] == 0


def test_store_event_sourcing_marks_anonymous_reports(tmp_path):
    with Corpus(tmp_path / "c.sqlite") as c:
        c.add(sample())
        ev = c.events()[0]
        assert ev["sourcing"] == "anonymous"
        assert ev["sources"][0]["anonymous"] is True


def test_store_full_text_search_over_articles_and_quotes(tmp_path):
    with Corpus(tmp_path / "c.sqlite") as c:
        c.add(sample())
        assert [a["id"] for a in c.articles(search="reinforcements")] == ["a1"]
        assert len(c.quotes(search="Tikrit")) == 1
        assert c.quotes(search="reinforcements") == []
        assert c.articles(search='"unbalanced quote (') == []


def test_store_keeps_the_contract_json(tmp_path):
    import json

    with Corpus(tmp_path / "c.sqlite") as c:
        c.add(sample())
        raw = c.conn.execute("SELECT analysis_json FROM articles").fetchone()[0]
        assert json.loads(raw)["events"][0]["mode"] == "rocket"


def test_store_refuses_a_file_that_is_not_sqlite(tmp_path):
    from wirecoder.errors import CorpusError

    bad = tmp_path / "notes.sqlite"
    bad.write_text("this is not a database " * 100)
    with pytest.raises(CorpusError, match="notes.sqlite"):
        Corpus(bad)


def test_store_query_filters(tmp_path):
    with Corpus(tmp_path / "c.sqlite") as c:
        c.add(sample())
        assert len(c.events(type="assault")) == 1
        assert c.events(type="COERCE") == []
        assert len(c.events(place="Tikrit")) == 1
        assert c.events(since="2025-01-01") == []
        assert len(c.events(until="2024-12-31")) == 1
        assert [a["name"] for a in c.actors(actor="the army")] == ["Iraqi Army"]
        frame = c.events(as_frame=True)
        assert list(frame["type"]) == ["ASSAULT"]
