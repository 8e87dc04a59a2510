"""The learned event judge: it ships, loads offline and keeps reported events over background."""
from __future__ import annotations

import dataclasses

import pytest

from wirecoder.extract.events.judge import Judge, load_judge
from wirecoder.settings import Settings


def test_judge_ships_with_its_card():
    judge = load_judge()
    assert judge is not None, "wirecoder/models/event_judge.json is missing: run `make train`"
    assert "NONE" in judge.classes and "ASSAULT" in judge.classes
    assert 0.0 < judge.threshold < 1.0
    assert judge.card["seed"] and judge.card["cross_validated"]["ours"]["articles"] >= 100


def test_judge_decides_by_probability():
    judge = Judge(["ASSAULT", "NONE"], {"ASSAULT": {"bias": 0.0, "fresh": 2.0}, "NONE": {"bias": 0.0, "tally": 2.0}},
                  threshold=0.5, retype=False)
    assert judge.decide({"bias": 1.0, "fresh": 1.0}, "ASSAULT") == "ASSAULT"
    assert judge.decide({"bias": 1.0, "tally": 1.0}, "ASSAULT") is None
    assert judge.decide({"bias": 1.0, "tally": 1.0}, "ASSAULT", threshold=0.1) == "ASSAULT"


@pytest.fixture(scope="module")
def both(analyze):
    """Events of a text with the judge and with the rules alone."""

    def run(text: str):
        judged = analyze(text, published="2024-03-20").events
        rules = analyze(text, published="2024-03-20", settings=dataclasses.replace(Settings(), event_judge=False)).events
        return judged, rules

    return run


def test_judge_keeps_a_reported_attack_and_drops_the_background_tally(both):
    text = ("Militants fired three rockets at the Ain al-Asad air base in western Iraq on Monday, wounding two "
            "soldiers, the Pentagon said.\n"
            "The group has carried out dozens of attacks on US forces since October.")
    judged, rules = both(text)
    lede = [e for e in judged if e.type == "ASSAULT" and e.start == 0]
    assert len(lede) == 1 and lede[0].date == "2024-03-18"
    tally = [e for e in rules if e.start > 0]
    assert tally, "the rules propose the tally (the judge has something to reject)"
    assert not [e for e in judged if e.start > 0]


def test_judge_can_be_switched_off(both):
    judged, rules = both("Police arrested 12 protesters outside parliament on Tuesday.")
    assert [e.type for e in rules] == ["COERCE"]
    assert [e.type for e in judged] == ["COERCE"]


def test_short_judge_ships_with_its_card():
    judge = load_judge(name="event_judge_short.json")
    assert judge is not None, "wirecoder/models/event_judge_short.json is missing: run `make train`"
    assert "NONE" in judge.classes and 0.0 <= judge.threshold < 1.0
    p, r, f = judge.card["cross_validated"]["plv_prf"]
    assert 0.0 < p <= 1.0 and 0.0 < r <= 1.0 and judge.card["seed"]


def test_short_item_keeps_the_likeliest_and_any_other_more_likely_than_not():
    judge = Judge(["ASSAULT", "ACCUSE", "NONE"],
                  {"ASSAULT": {"bias": 0.0, "fresh": 2.0}, "ACCUSE": {"bias": 0.0, "said": 1.0},
                   "NONE": {"bias": 0.0, "tally": 3.0}}, threshold=0.5)
    feats = [{"bias": 1.0, "said": 1.0}, {"bias": 1.0, "fresh": 1.0}, {"bias": 1.0, "tally": 1.0}]
    # the likeliest (1) retyped by the model; 0 (p = 0.79) kept too above 0.5, not above 0.8; 2 never
    assert judge.short_item(feats, ["ACCUSE", "ACCUSE", "ASSAULT"], also=0.5) == [(0, "ACCUSE"), (1, "ASSAULT")]
    assert judge.short_item(feats, ["ACCUSE", "ACCUSE", "ASSAULT"], also=0.8) == [(1, "ASSAULT")]
    assert judge.short_item([feats[2]], ["ASSAULT"], also=0.5) == []
    assert judge.short_item([], [], also=0.5) == []


def test_short_item_keeps_one_event_while_an_article_keeps_both(analyze):
    lede = "Iran condemned the sanctions and threatened to retaliate against Washington."
    article = lede + "\nThe foreign ministry summoned the Swiss ambassador in Tehran on Monday, state media said."
    off = dataclasses.replace(Settings(), event_short_judge=False)
    in_lede = lambda res: [e.type for e in res.events if e.start < len(lede)]  # noqa: E731
    assert sorted(in_lede(analyze(lede, published="2024-03-20", settings=off))) == ["ACCUSE", "THREATEN"]
    assert len(in_lede(analyze(lede, published="2024-03-20"))) == 1
    assert sorted(in_lede(analyze(article, published="2024-03-20"))) == ["ACCUSE", "THREATEN"]


def test_short_item_is_one_paragraph_of_a_sentence_or_two(nlp):
    from wirecoder.extract.events.judge import is_short_item

    assert is_short_item(nlp("Police arrested 12 protesters outside parliament on Tuesday."), 2, 70)
    assert not is_short_item(nlp("Police arrested 12 protesters.\nThe army denied it."), 2, 70)
    assert not is_short_item(nlp("Police arrested 12 protesters. " * 3), 2, 70)
    assert not is_short_item(nlp("Police arrested 12 protesters outside parliament " * 12), 2, 70)


def test_short_training_scores_the_runtime_policy_and_counts_items_without_one():
    from wirecoder.train.candidates import Example
    from wirecoder.train.events_judge_short import prf, short_items

    ex = [Example("a", "plv", {}, "ATTACK", False, {"type": "ASSAULT"}),
          Example("a", "plv", {}, "NONE", False, {"type": "ACCUSE"}),
          Example("b", "plv", {}, "NONE", False, {"type": "ACCUSE"})]
    probs = [{"NONE": 0.2, "ATTACK": 0.7, "ACCUSE": 0.1}, {"NONE": 0.45, "ACCUSE": 0.55},
             {"NONE": 0.9, "ACCUSE": 0.1}]
    kept = short_items(ex, probs, [0, 1, 2], 0.3, also=0.6)
    assert kept == [(0, "ATTACK")]  # b's only candidate is under the cut; a's second under 0.6
    assert prf(ex, kept, {"a": 1, "b": 1, "c": 1}, {"a", "b", "c"}) == (1.0, 1 / 3, 0.5)
    assert short_items(ex, probs, [0, 1, 2], 0.3, also=0.5) == [(0, "ATTACK"), (1, "ACCUSE")]
    assert (2, "ACCUSE") in short_items(ex, probs, [0, 1, 2], 0.0)
