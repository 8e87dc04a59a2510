"""PLOVER events: lexicon triggers over the dependency parse, with arguments, flags and dedup.

A trigger is a verb ("attacked") or a noun ("the arrest of 13 men") listed in the event
lexicon. Its arguments come from the parse: subject -> actor, object or on/against -> target,
passive agent -> actor; a noun carried by a light verb ("made arrests") takes the verb's
subject. Climbing the parse from the trigger finds negation, modals, 'if' clauses, frames that
embed it ("vowed further attacks" is a THREATEN, not an ASSAULT) and plans ("planning strikes").
One real-world event reported in several sentences is one Event with the others as evidence."""
from __future__ import annotations

from spacy.tokens import Doc

from wirecoder.extract.events.base import _Cand
from wirecoder.extract.events.candidates import _sentence_events
from wirecoder.extract.events.lexicon import load_lexicon
from wirecoder.extract.events.merge import _dedup, _to_event
from wirecoder.records import Event
from wirecoder.settings import DEFAULT, Settings


def extract_events(doc: Doc, actors, places=(), dates=(), quantities=(),
                   settings: Settings = DEFAULT) -> tuple[Event, ...]:
    """PLOVER events of the article, one per real-world event, with evidence sentences."""
    lex = load_lexicon(str(settings.event_lexicon) if settings.event_lexicon else None)
    keys = set(lex.verbs) | set(lex.nouns)
    hyphened = [k for k in lex.nouns if "-" in k]  # "sit-in" is three tokens
    modals = lex.word_set("demand_modals") | lex.word_set("characterisations")  # quoted demands and verdicts
    cands: list[_Cand] = []
    for sent in doc.sents:
        if not any(t.lemma_.lower() in keys or t.lower_ in keys or t.lower_ in modals for t in sent) \
                and not any(k in sent.text.lower() for k in hyphened):
            continue  # parse-free skip of sentences without any trigger word
        cands.extend(_sentence_events(sent, lex, actors, tuple(places), tuple(dates), tuple(quantities), settings))
    latest: dict[str, _Cand] = {}
    for c in cands:
        if c.target_ref and c.target_ref in latest and latest[c.target_ref].actor:
            c.target = latest[c.target_ref].actor  # "called the attacks terrorism": blames their authors
        if c.actor and not (c.negated or c.hypothetical):
            latest[c.type] = c
    drop = set(settings.event_drop_flags)
    kept = [c for c in cands if not any(getattr(c, f) for f in drop if f in ("negated", "hypothetical", "historical", "future"))]
    return tuple(_to_event(g) for g in _dedup(kept))
