"""Token-level lookups that avoid rebuilding ``Doc.ents`` or ``Doc.text`` per call.

Both properties build a new tuple or string over the whole article each time they are read;
extractors asking "which entity is this token in" thousands of times per article paid for it."""
from __future__ import annotations

from spacy.tokens import Doc, Span


def entity_at(doc: Doc, i: int) -> Span | None:
    """The named entity containing token ``i``, found from the IOB tags around it."""
    tok = doc[i]
    if tok.ent_iob_ not in ("B", "I"):
        return None
    start = i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return Span(doc, start, end, label=tok.ent_type)


def covering_entity(doc: Doc, start: int, end: int) -> Span | None:
    """The named entity that covers tokens ``start..end`` entirely, if any."""
    if start >= len(doc):
        return None
    ent = entity_at(doc, start)
    return ent if ent is not None and ent.end >= end else None


def doc_text(doc: Doc) -> str:
    """``Doc.text``, joined once per Doc (the property joins every token on each read; it never changes)."""
    text = doc.user_data.get("wc_text")
    if text is None:
        text = doc.user_data["wc_text"] = doc.text
    return text
