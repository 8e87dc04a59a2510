"""PLOVER events (placeholder until the coder lands)."""
from __future__ import annotations

from spacy.tokens import Doc

from wirecoder.records import Event
from wirecoder.settings import DEFAULT, Settings


def extract_events(doc: Doc, actors, places=(), dates=(), quantities=(), settings: Settings = DEFAULT) -> tuple[Event, ...]:
    """PLOVER events of the article."""
    return ()
