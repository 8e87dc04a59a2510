"""Filters that know the actors and the map: registry and corpus aliases, places inside countries and regions."""
from __future__ import annotations

import pytest
from typer.testing import CliRunner

from corpus_builders import actor, build, event, place, quote
from wirecoder.cli import app
from wirecoder.corpus import Corpus
from wirecoder.corpus.resolve import place_scope

T1 = "Kataib Hezbollah fighters struck a base near Ramadi. The group said it acted alone."
T2 = "Hamas fighters fired rockets at Sderot. A spokesman said more would follow."
T3 = "Gunmen attacked a convoy near Gao. The army said it repelled them."


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "c.sqlite"
    with Corpus(path) as c:
        s1 = T1.split(". ")[0] + "."
        c.add(build("a1", T1, events=[event(T1, s1, actor="Kataib Hezbollah", target="US", location="Ramadi",
                                            country="IQ")],
                    quotes=[quote(T1, "it acted alone", speaker="Kataib Hezbollah")],
                    actors=[actor("Kataib Hezbollah", kind="organization")],
                    places=[place(T1, "Ramadi", 33.42, 43.30, country="IQ", kind="city")]))
        s2 = T2.split(". ")[0] + "."
        c.add(build("a2", T2, events=[event(T2, s2, actor="Hamas", target="Israel", location="Sderot",
                                            country="IL")],
                    actors=[actor("Hamas", aliases=("Islamic Resistance Movement",), kind="organization")],
                    places=[place(T2, "Sderot", 31.52, 34.60, country="IL", kind="city")]))
        s3 = T3.split(". ")[0] + "."
        c.add(build("a3", T3, events=[event(T3, s3, actor="Gunmen", location="Gao", country="ML")],
                    places=[place(T3, "Gao", 16.27, -0.04, country="ML", kind="city")]))
    return path


@pytest.mark.parametrize("alias", ["KH", "Kataeb Hezbollah", "Hezbollah Brigades", "kata'ib hizballah"])
def test_registry_alias_finds_events_written_another_way(db, alias):
    with Corpus(db) as c:
        assert [e["article_id"] for e in c.events(actor=alias)] == ["a1"]
        assert [q["article_id"] for q in c.quotes(actor=alias)] == ["a1"]
        assert [a["id"] for a in c.articles(actor=alias)] == ["a1"]


def test_corpus_alias_finds_actor_and_unknown_names_do_not(db):
    with Corpus(db) as c:
        assert [e["article_id"] for e in c.events(actor="Islamic Resistance Movement")] == ["a2"]
        assert c.events(actor="Wagner Group") == []
        assert [a["name"] for a in c.actors(actor="KH")] == ["Kataib Hezbollah"]


def test_quotes_actor_filter_takes_speakers_written_with_acronym_or_voice(tmp_path):
    text = "Kataib Hezbollah (KH) said it acted alone. Its spokesman said more would come. Hamas said no."
    path = tmp_path / "q.sqlite"
    with Corpus(path) as c:
        c.add(build("q1", text, quotes=[quote(text, "it acted alone", speaker="Kataib Hezbollah (KH)"),
                                        quote(text, "more would come", speaker="Kataib Hezbollah's spokesman"),
                                        quote(text, "no", speaker="Hamas")],
                    actors=[actor("Kataib Hezbollah", kind="organization"), actor("Hamas", kind="organization")]))
    with Corpus(path) as c:
        assert sorted(q["speaker"] for q in c.quotes(actor="KH")) == [
            "Kataib Hezbollah (KH)", "Kataib Hezbollah's spokesman"]
        assert [q["speaker"] for q in c.quotes(actor="Hamas")] == ["Hamas"]


def test_cli_events_actor_alias(db):
    res = CliRunner().invoke(app, ["events", "--db", str(db), "--actor", "KH", "--format", "json"])
    assert res.exit_code == 0, res.output
    assert "Ramadi" in res.output and "Sderot" not in res.output


@pytest.mark.parametrize("where, expected", [
    ("Iraq", ["a1"]), ("IQ", ["a1"]), ("Ramadi", ["a1"]), ("Middle East", ["a1", "a2"]),
    ("Levant", ["a2"]), ("Sahel", ["a3"]), ("Africa", ["a3"]), ("Asia", ["a1", "a2"]), ("Mali", ["a3"]),
    ("Anbar", ["a1"]), ("Sderot", ["a2"]), ("Ashkelon", [])])
def test_place_filter_matches_what_lies_inside(db, where, expected):
    with Corpus(db) as c:
        assert sorted(e["article_id"] for e in c.events(place=where)) == expected
        assert sorted(a["id"] for a in c.articles(place=where)) == expected


def test_country_code_matches_the_country_not_names_containing_its_letters():
    scope = place_scope("US")
    assert "US" in scope.countries and "United States" in scope.names
    assert not any("US" == n for n in scope.names)
    assert place_scope("Ramadi").names == {"Ramadi"} and not place_scope("Ramadi").countries


def test_place_scope_of_country_and_region():
    assert "IQ" in place_scope("Iraq").countries and "IQ" in place_scope("Middle East").countries
    assert "ML" not in place_scope("Middle East").countries and "ML" in place_scope("Sahel").countries
