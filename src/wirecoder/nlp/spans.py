"""Token-level lookups that avoid rebuilding ``Doc.ents`` or ``Doc.text`` per call.

Both properties build a new tuple or string over the whole article each time they are read;
extractors asking "which entity is this token in" thousands of times per article paid for it."""
from __future__ import annotations

from spacy.attrs import IDX, LENGTH
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


def token_bounds(doc: Doc) -> tuple[list[int], list[int]]:
    """(start_char, end_char) lists of every token, read once per Doc from its arrays.

    With them a stretch of tokens' text is a slice of doc_text(doc): no Span and no Token objects."""
    bounds = doc.user_data.get("wc_token_bounds")
    if bounds is None:
        arr = doc.to_array([IDX, LENGTH]).tolist() if len(doc) else []
        bounds = doc.user_data["wc_token_bounds"] = ([a for a, _ in arr], [a + n for a, n in arr])
    return bounds


def tokens_text(doc: Doc, start: int, end: int) -> str:
    """``doc[start:end].text`` (start < end) as a slice of the Doc's text."""
    starts, ends = token_bounds(doc)
    return doc_text(doc)[starts[start]:ends[end - 1]]
