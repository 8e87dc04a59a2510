"""PLOVER event coding on short sentences written for these tests."""
from __future__ import annotations

import pytest

from wirecoder.errors import LexiconError
from wirecoder.extract.events_lexicon import load_lexicon
from wirecoder.settings import Settings


@pytest.fixture(scope="module")
def events(analyze):
    """Events of a text, analysed with a fixed publication date."""

    def run(text: str, settings: Settings | None = None):
        kwargs = {"settings": settings} if settings else {}
        return analyze(text, published="2024-03-20", **kwargs).events

    return run


def one(evs, kind):
    found = [e for e in evs if e.type == kind]
    assert len(found) == 1, [(e.type, e.actor, e.target) for e in evs]
    return found[0]


def test_events_verbal_trigger_gives_actor_and_target(events):
    e = one(events("Rebel fighters attacked the army barracks near the river on Monday."), "ASSAULT")
    assert e.actor == "Rebel fighters"
    assert e.target == "army barracks"
    assert e.trigger == "attacked"
    assert e.start == 0 and e.sentence.endswith("Monday.")


def test_events_nominal_trigger_with_on_target(events):
    e = one(events("The militia claimed several attacks on border posts last week."), "ASSAULT")
    assert e.target == "border posts"
    assert e.actor == "militia"


def test_events_passive_agent_is_actor(events):
    e = one(events("The convoy was ambushed by insurgents outside the town."), "ASSAULT")
    assert e.actor == "insurgents"
    assert e.target == "convoy"


def test_events_passive_weapon_sets_mode_not_actor(events):
    e = one(events("A fuel depot was hit by a drone overnight."), "ASSAULT")
    assert e.mode == "drone"
    assert e.actor is None
    assert e.target == "fuel depot"


def test_events_light_verb_carries_noun_event(events):
    evs = events("Police officers made several arrests in the port district.")
    e = one(evs, "COERCE")
    assert e.mode == "arrest"
    assert e.actor == "Police officers"
    assert e.trigger == "arrests"


def test_events_light_verb_carried_out_strikes_on(events):
    e = one(events("The air force carried out strikes on rebel depots."), "ASSAULT")
    assert e.actor == "air force"
    assert e.target == "rebel depots"


def test_events_arrest_of_counted_individuals(events):
    e = one(events("The interior ministry announced the arrest of 13 smugglers."), "COERCE")
    assert e.actor == "interior ministry"
    assert e.target == "13 smugglers"


def test_events_negated_attack_is_left_out(events):
    assert not [e for e in events("The army did not attack the village.") if e.type == "ASSAULT"]


def test_events_negated_attack_kept_with_flag_when_asked(events):
    evs = events("The army did not attack the village.", Settings(event_drop_flags=()))
    assert one(evs, "ASSAULT").negated


def test_events_future_strike_is_threaten(events):
    evs = events("The militia will strike the garrison next week.")
    e = one(evs, "THREATEN")
    assert e.future
    assert not [x for x in evs if x.type == "ASSAULT"]


def test_events_vow_of_attacks_is_threaten_not_assault(events):
    evs = events("The group vowed further attacks against foreign troops.")
    e = one(evs, "THREATEN")
    assert e.actor == "group"
    assert e.target == "foreign troops"
    assert not [x for x in evs if x.type == "ASSAULT"]


def test_events_conditional_response_is_threaten(events):
    evs = events('The minister said the army would "respond to any hostile acts" against its soldiers.')
    assert one(evs, "THREATEN").actor == "army"
    assert not [x for x in evs if x.type == "ASSAULT"]


def test_events_if_clause_attack_is_hypothetical(events):
    evs = events("If the talks collapse, rebels could attack the capital.", Settings(event_drop_flags=()))
    assert one(evs, "ASSAULT").hypothetical
    assert not [e for e in events("If the talks collapse, rebels could attack the capital.") if e.type == "ASSAULT"]


def test_events_refusal_is_reject(events):
    evs = events("Several armed groups rejected the mediation offered by the council.")
    assert one(evs, "REJECT").actor == "armed groups"  # quantifiers trimmed
    assert not [x for x in evs if x.type == "CONSULT"]


def test_events_urging_to_cease_is_request(events):
    evs = events("The cabinet urged the militias to cease targeting the airport.")
    e = one(evs, "REQUEST")
    assert e.actor == "cabinet"
    assert e.target == "militias"
    assert not [x for x in evs if x.type in ("ASSAULT", "RETREAT")]


def test_events_mediation_is_consult(events):
    e = one(events("The governor mediated with tribal elders over the dispute."), "CONSULT")
    assert e.mode == "mediation"
    assert e.target == "tribal elders"


def test_events_calling_attacks_terrorism_is_accuse_of_their_authors(events):
    text = ("Masked gunmen attacked a police station in the north on Sunday. "
            "The governor called the attacks acts of terrorism.")
    evs = events(text)
    accuse = one(evs, "ACCUSE")
    assert accuse.mode == "terrorism"
    assert accuse.target == "Masked gunmen"
    assert len([e for e in evs if e.type == "ASSAULT"]) == 1


def test_events_sanctions_on_country(events):
    e = one(events("The treasury imposed new sanctions on Freedonia."), "SANCTION")
    assert e.mode == "sanctions"
    assert e.actor == "treasury"


def test_events_stationing_troops_is_mobilize(events):
    e = one(events("The government has stationed 900 soldiers along the frontier."), "MOBILIZE")
    assert e.mode == "deployment"
    assert e.actor == "government"


def test_events_drone_strike_with_fatalities(events):
    e = one(events("A drone strike hit a truck on the highway, killing three soldiers."), "ASSAULT")
    assert e.mode == "drone"
    assert e.fatalities == 3
    assert e.target == "truck"


def test_events_two_sentences_about_one_attack_are_one_event(events):
    text = ("Militants shelled the market of the old town on Friday. "
            "The shelling of the market wounded dozens of shoppers, medics said.")
    evs = [e for e in events(text) if e.type == "ASSAULT"]
    assert len(evs) == 1
    assert len(evs[0].evidence) == 1
    assert evs[0].actor == "Militants"


def test_events_historical_event_flagged(events):
    text = "The brigade split from the alliance and attacked its rivals back in 2015."
    evs = events(text, Settings(event_drop_flags=()))
    assert one(evs, "ASSAULT").historical
    assert not [e for e in events(text) if e.type == "ASSAULT"]


def test_events_generic_mention_is_not_an_event(events):
    assert not events("Any armed activity outside the law will be considered a crime.")


def test_events_lexicon_rejects_unknown_type(tmp_path):
    bad = tmp_path / "lexicon.yaml"
    bad.write_text("types:\n  FIGHT:\n    verbs: {fight: null}\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="unknown PLOVER type"):
        load_lexicon(str(bad))
