"""The learned argument ranker: parties, never documents, weapons, numbers or the reporting body."""
from __future__ import annotations

import dataclasses

import pytest

from wirecoder.extract.events.argrank import NOBODY, ArgRanker, Option, load_ranker
from wirecoder.settings import Settings


def test_ranker_ships_with_its_card():
    ranker = load_ranker()
    assert ranker is not None, "wirecoder/models/event_args.json is missing: run `make train`"
    cv = ranker.card["cross_validated"]
    assert ranker.card["seed"] and cv["ours/actor"]["n"] >= 500
    assert cv["ours/actor"]["ranker"] > cv["ours/actor"]["rules"]


def test_choose_pair_never_makes_a_party_act_on_itself():
    ranker = ArgRanker({"a:x": 2.0, "t:x": 3.0, "t:y": 1.0})
    actors = [Option("Sderot", {"a:x": 1.0}), Option(NOBODY, {})]
    targets = [Option("Sderot", {"t:x": 1.0}), Option("Hamas", {"t:y": 1.0}), Option(NOBODY, {})]
    assert ranker.choose_pair(actors, targets) in (("Sderot", "Hamas"), (None, "Sderot"))
    assert ranker.choose(targets) == "Sderot"
    assert ranker.choose([Option(NOBODY, {"t:x": 1.0}), Option("Hamas", {})]) is None


@pytest.fixture(scope="module")
def events(analyze):
    def run(text: str, ranker: bool = True):
        settings = dataclasses.replace(Settings(), event_args=ranker)
        return analyze(text, published="2024-03-20", settings=settings).events

    return run


def test_reporting_body_is_not_the_attacker(events):
    told = events("The Pentagon said three rockets struck the Ain al-Asad air base on Monday.")
    assert [e.type for e in told] == ["ASSAULT"]
    assert told[0].target == "Ain al-Asad air base" and told[0].actor != "Pentagon"
    named = events("Kataib Hezbollah fired three rockets at the Ain al-Asad air base on Monday, the Pentagon said.")
    assert named[0].actor == "Kataib Hezbollah"


def test_weapons_and_numbers_are_never_parties(events):
    rules = events("Dozens of rockets hit the town of Sderot on Tuesday.", ranker=False)
    assert rules and rules[0].actor == "Dozens of rockets", "the rules take the weapon for the attacker"
    ranked = events("Dozens of rockets hit the town of Sderot on Tuesday.")
    assert ranked[0].actor is None and ranked[0].target and "Sderot" in ranked[0].target
    police = events("Police arrested 12 protesters outside parliament in Nairobi on Tuesday.")
    assert (police[0].actor, police[0].target) == ("Police", "12 protesters")
