"""Dates resolved against the publication date (placeholder until the resolver lands)."""
from __future__ import annotations

from datetime import date

from spacy.tokens import Doc

from wirecoder.records import DateRef
from wirecoder.settings import DEFAULT, Settings


def extract_dates(doc: Doc, published: date | None, settings: Settings = DEFAULT) -> tuple[DateRef, ...]:
    """Temporal expressions of the article, resolved where possible."""
    return ()
