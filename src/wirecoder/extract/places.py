"""Places: toponyms resolved offline (placeholder until the gazetteer lands)."""
from __future__ import annotations

from spacy.tokens import Doc

from wirecoder.records import Place
from wirecoder.settings import DEFAULT, Settings


def extract_places(doc: Doc, settings: Settings = DEFAULT) -> tuple[Place, ...]:
    """Resolved places mentioned in the article."""
    return ()
