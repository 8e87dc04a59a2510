"""Quantities (placeholder until the extractor lands)."""
from __future__ import annotations

from spacy.tokens import Doc

from wirecoder.records import Quantity
from wirecoder.settings import DEFAULT, Settings


def extract_quantities(doc: Doc, settings: Settings = DEFAULT) -> tuple[Quantity, ...]:
    """Counts with qualifiers and units."""
    return ()
