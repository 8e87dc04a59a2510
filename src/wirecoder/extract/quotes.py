"""Quotes (placeholder)."""
from __future__ import annotations


def extract_quotes(doc, actors, settings=None):
    """Direct and indirect quotes with speakers."""
    return ()
