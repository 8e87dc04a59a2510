"""A body's speaker name with its acronym, on sentences written for these tests."""
from __future__ import annotations

from dataclasses import replace

from wirecoder.extract.actors import ActorIndex
from wirecoder.extract.quotes.naming import is_acronym, speaker_form
from wirecoder.records import Actor
from wirecoder.settings import DEFAULT


def by_text(quotes, fragment):
    hits = [q for q in quotes if fragment in q.text]
    assert hits, f"no quote containing {fragment!r} in {[q.text for q in quotes]}"
    return hits[0]


def index(*actors: Actor) -> ActorIndex:
    out = ActorIndex()
    out.actors = actors
    return out


def test_is_acronym():
    assert is_acronym("UNMISS") and is_acronym("CJTF-OIR")
    assert not is_acronym("Hamas") and not is_acronym("A") and not is_acronym("M23")


def test_speaker_form_joins_full_name_and_defined_acronym():
    body = Actor(name="Northern Relief Mission", aliases=("NRM",), kind="organization")
    assert speaker_form("Northern Relief Mission", index(body), "") == "Northern Relief Mission (NRM)"
    # the same body named first by its acronym gets the same form
    short = Actor(name="NRM", aliases=("Northern Relief Mission",), kind="organization")
    assert speaker_form("NRM", index(short), "") == "Northern Relief Mission (NRM)"


def test_speaker_form_leaves_people_states_and_single_names():
    person = Actor(name="Dana Whitfield", aliases=("DW",), kind="person")
    state = Actor(name="United States", aliases=("US",), kind="state")
    plain = Actor(name="Hamas", kind="organization")
    actors = index(person, state, plain)
    assert speaker_form("Dana Whitfield", actors, "") == "Dana Whitfield"
    assert speaker_form("United States", actors, "") == "United States"
    assert speaker_form("Hamas", actors, "") == "Hamas"
    assert speaker_form(None, actors, "") is None
    # while a body with a defined acronym still gets both
    body = Actor(name="Coastal Watch Authority", aliases=("CWA",), kind="organization")
    assert speaker_form("Coastal Watch Authority", index(body), "") == "Coastal Watch Authority (CWA)"


def test_speaker_form_spells_out_an_undefined_acronym_from_the_text():
    text = "The opposition Eastern Farmers Union boycotted the vote. The EFU said the count was rigged."
    body = Actor(name="EFU", kind="organization")
    assert speaker_form("EFU", index(body), text) == "Eastern Farmers Union (EFU)"
    # no run of the article spells it: the acronym stays as it is
    assert speaker_form("EFU", index(body), "The EFU said the count was rigged.") == "EFU"


def test_speaker_form_takes_the_acronym_another_actor_defines():
    owner = Actor(name="Popular Liberation Front", aliases=("PLF",), kind="organization")
    lone = Actor(name="PLF", kind="organization")
    assert speaker_form("PLF", index(owner, lone), "") == "Popular Liberation Front (PLF)"


def test_speaker_form_prefers_the_article_fuller_definition():
    text = "officials said, citing the Regional Prosecutor General's Office (RPGO) on Monday."
    body = Actor(name="General's Office", aliases=("RPGO",), kind="organization")
    assert speaker_form("General's Office", index(body), text) == "Regional Prosecutor General's Office (RPGO)"


def test_speaker_form_can_be_switched_off():
    body = Actor(name="Northern Relief Mission", aliases=("NRM",), kind="organization")
    off = replace(DEFAULT, speaker_acronym_form=False)
    assert speaker_form("Northern Relief Mission", index(body), "", off) == "Northern Relief Mission"
    assert speaker_form("Northern Relief Mission", index(body), "") == "Northern Relief Mission (NRM)"


def test_quote_speaker_carries_acronym_and_resolves_back(analyze):
    text = ("A convoy of the Northern Relief Mission (NRM) was shelled near the river on Monday. "
            "The NRM said that two of its drivers were wounded in the attack.")
    result = analyze(text)
    q = by_text(result.quotes, "two of its drivers were wounded")
    assert q.speaker == "Northern Relief Mission (NRM)"
    names = {a.name for a in result.actors}
    assert "Northern Relief Mission" in names


def test_actor_index_resolves_the_speaker_form_back(parse):
    from wirecoder.extract.actors import extract_actors

    doc = parse("A convoy of the Northern Relief Mission (NRM) was shelled on Monday. The NRM said it would stay.")
    actors = extract_actors(doc)
    assert actors.canonical("Northern Relief Mission (NRM)") == "Northern Relief Mission"
    assert actors.canonical("NRM") == "Northern Relief Mission"
    # a name with no such actor stays unresolved
    assert actors.canonical("Southern Relief Office (SRO)") is None


def test_possessed_voice_only_for_voice_nouns():
    from wirecoder.extract.quotes.pronouns import possessed_voice
    from wirecoder.extract.speakers import Speaker

    voiced = possessed_voice(Speaker(None, "its foreign ministry", start=10))
    assert voiced is not None and voiced.pronoun and voiced.text == "it"
    assert possessed_voice(Speaker(None, "his son", start=10)) is None
    assert possessed_voice(Speaker(None, "the spokesperson", start=10)) is None


def test_speaker_form_keeps_the_body_name_written_at_the_cue():
    army = Actor(name="Northland troops", aliases=("Northland military", "Brigade"), kind="organization")
    actors = index(army)
    # "the Northland military said": one of the body's own names, as written there
    assert speaker_form("Northland troops", actors, "", written="the Northland military") == "Northland military"
    # a bare head noun that only refers back, or a phrase that is no name of it, keeps the name
    assert speaker_form("Northland troops", actors, "", written="the Brigade") == "Northland troops"
    assert speaker_form("Northland troops", actors, "", written="the soldiers") == "Northland troops"
    assert speaker_form("Northland troops", actors, "", written=None) == "Northland troops"
