"""Quantities: values, qualifiers, counted nouns and casualty/arrest roles on short sentences."""
from __future__ import annotations

from datetime import date

import pytest

from wirecoder.extract.quantities import casualties_in, extract_quantities
from wirecoder.extract.time import extract_dates


def _quantities(nlp, text):
    return extract_quantities(nlp(text))


def _only(nlp, text):
    found = _quantities(nlp, text)
    assert len(found) == 1, [(q.text, q.value) for q in found]
    q = found[0]
    assert text[q.start:q.end] == q.text
    return q


@pytest.mark.parametrize("text, value, unit, qualifier, role", [
    ("The monitors counted at least 102 attacks on the bases.", 102, "attacks", "at least", None),
    ("The force keeps approximately 2,500 soldiers in the country.", 2500, "soldiers", "approximately", None),
    ("Police said 13 individuals were detained after the raid.", 13, "individuals", None, "arrests"),
    ("Three American soldiers dead after the raid, officials said.", 3, "soldiers", None, "fatalities"),
    ("The gunmen killed three soldiers at the gate.", 3, "soldiers", None, "fatalities"),
    ("Officials said three soldiers were killed at the gate.", 3, "soldiers", None, "fatalities"),
    ("A car bomb exploded in the market, wounding 40.", 40, "", None, "injuries"),
    ("The blast left 40 injured, medics said.", 40, "", None, "injuries"),
    ("Investigators logged over 150 attacks on convoys.", 150, "attacks", "over", None),
    ("More than 30 were taken to hospital.", 30, "", "more than", None),
    ("Dozens of rockets fell on the camp.", 24, "rockets", "dozens", None),
    ("Hundreds of families fled the valley.", 200, "families", "hundreds", None),
    ("A dozen drones crossed the border.", 12, "drones", None, None),
    ("Nearly 1.5 million refugees crossed the border.", 1_500_000, "refugees", "nearly", None),
    ("Around twenty vehicles formed the convoy.", 20, "vehicles", "around", None),
    ("The militia fielded up to 300 fighters in the offensive.", 300, "fighters", "up to", None),
    ("The army deployed some 200 tanks to the front.", 200, "tanks", "some", None),
    ("Rebels control about forty villages in the hills.", 40, "villages", "about", None),
    ("Engineers rebuilt two hundred and fifty houses.", 250, "houses", None, None),
    ("Medics treated twenty-five patients overnight.", 25, "patients", None, None),
    ("Medics said the death toll reached 30.", 30, "", None, "fatalities"),
    ("The ministry reported 12 deaths in the province.", 12, "deaths", None, "fatalities"),
    ("Security forces arrested 13 people in the raid.", 13, "people", None, "arrests"),
    ("One soldier was killed in the ambush.", 1, "soldier", None, "fatalities"),
])
def test_quantities_reads_each_form(nlp, text, value, unit, qualifier, role):
    q = _only(nlp, text)
    assert (q.value, q.unit, q.qualifier, q.role) == (value, unit, qualifier, role)


def test_quantities_unit_text_keeps_the_modifiers(nlp):
    q = _only(nlp, "Three American soldiers dead after the raid, officials said.")
    assert (q.unit, q.unit_text, q.text) == ("soldiers", "American soldiers", "Three American soldiers")


def test_quantities_proper_noun_unit_keeps_its_case(nlp):
    assert _only(nlp, "The raid killed 40 Palestinians in the camp.").unit == "Palestinians"


def test_quantities_percent_and_money_units(nlp):
    found = _quantities(nlp, "Prices rose 15 percent while donors pledged $10 million.")
    assert [(q.value, q.unit) for q in found] == [(15, "percent"), (10_000_000, "USD")]


@pytest.mark.parametrize("text", [
    "The war began in 2003 and ended years later.",
    "A 35-year-old man was wounded.",
    "He spent two years in prison.",
    "The council passed Resolution 2334 last week.",
    "The first convoy arrived at 10 a.m. on 14 December.",
    "Pilots flew F-16 jets over the city.",
    "One of the factions rejected the plan.",
])
def test_quantities_skips_years_dates_ages_labels_and_pronouns(nlp, text):
    assert _quantities(nlp, text) == ()


def test_quantities_skips_dates_the_time_extractor_found(nlp):
    doc = nlp("Since 2021, some 300 advisers have stayed.")
    doc._.wc_dates = extract_dates(doc, date(2024, 1, 12))
    assert [(q.value, q.unit) for q in extract_quantities(doc)] == [(300, "advisers")]


def test_quantities_active_subject_is_not_a_casualty(nlp):
    found = {q.unit: q.role for q in _quantities(nlp, "Five gunmen killed two guards at the gate.")}
    assert found == {"gunmen": None, "guards": "fatalities"}


def test_quantities_conjoined_counts_share_the_role(nlp):
    found = _quantities(nlp, "Three soldiers and two civilians were killed in the strike.")
    assert [(q.value, q.role) for q in found] == [(3, "fatalities"), (2, "fatalities")]


def test_quantities_casualties_in_adds_conjoined_counts(nlp):
    text = "Three soldiers and two civilians were killed and 40 were wounded."
    assert casualties_in(_quantities(nlp, text), 0, len(text)) == (5, 40)


def test_quantities_casualties_in_does_not_add_a_subset(nlp):
    text = "The death toll rose to 30, including 12 soldiers."
    found = _quantities(nlp, text)
    assert [q.subset for q in found] == [False, True]
    assert casualties_in(found, 0, len(text)) == (30, None)


def test_quantities_casualties_in_is_limited_to_the_span(nlp):
    text = "Gunmen killed four guards. Later 13 people were arrested."
    found = _quantities(nlp, text)
    first = text.index(".") + 1
    assert casualties_in(found, 0, first) == (4, None)
    assert casualties_in(found, first, len(text)) == (None, None)


def test_quantities_half_a_million_with_currency_word(nlp):
    q = _only(nlp, "The court fined the bank about half a million euros.")
    assert (q.value, q.unit, q.qualifier) == (500_000, "EUR", "about")


def test_quantities_counted_noun_never_runs_into_a_date(nlp):
    doc = nlp("Gunmen attacked a camp, killing 19 soldiers Sunday.")
    doc._.wc_dates = extract_dates(doc, date(2024, 1, 12))
    q = extract_quantities(doc)[0]
    assert (q.value, q.unit, q.role) == (19, "soldiers", "fatalities")


def test_quantities_adverb_before_adjective_stays_in_the_phrase(nlp):
    q = _only(nlp, "The ban covers travellers from six predominantly Muslim countries.")
    assert (q.unit, q.unit_text) == ("countries", "predominantly Muslim countries")
