"""PLOVER events: lexicon triggers over the dependency parse, with arguments, flags and dedup.

A trigger is a verb ("attacked") or a noun ("the arrest of 13 men") listed in the event
lexicon. Its arguments come from the parse: subject -> actor, object or on/against -> target,
passive agent -> actor; a noun carried by a light verb ("made arrests") takes the verb's
subject. Climbing the parse from the trigger finds negation, modals, 'if' clauses, frames that
embed it ("vowed further attacks" is a THREATEN, not an ASSAULT) and plans ("planning strikes").
One real-world event reported in several sentences is one Event with the others as evidence."""
from __future__ import annotations

import importlib

# The extractor needs spaCy; the package's spaCy-free modules (identity, kinds, lexicons) are imported by
# the corpus and the web app, which must not pay for spaCy, so the extractor loads on first use (PEP 562).
__all__ = ["Candidate", "argument_options", "candidate_events", "extract_events"]


def __getattr__(name: str):
    if name in __all__:
        return getattr(importlib.import_module("wirecoder.extract.events.extractor"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
