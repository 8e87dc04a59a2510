"""Every custom Doc/Span/Token attribute wirecoder sets, in one place, namespaced `wc_`."""
from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc, Span, Token

DOC_EXTENSIONS = {
    "wc_article": None,  # the records.Article being analysed
    "wc_published": None,  # datetime.date or None
    "wc_paragraphs": None,  # list of (start_char, end_char) per paragraph
    "wc_actors": None,  # extract.actors.ActorIndex
    "wc_quotes": None,  # tuple[records.Quote, ...]
    "wc_dates": None,  # tuple[records.DateRef, ...]
    "wc_places": None,  # tuple[records.Place, ...]
    "wc_quantities": None,  # tuple[records.Quantity, ...]
    "wc_events": None,  # tuple[records.Event, ...]
}
SPAN_EXTENSIONS = {
    "wc_canonical": None,  # canonical actor name of an entity span
}
TOKEN_EXTENSIONS: dict = {}


def paragraph_of(tok: Token) -> int | None:
    """Index of the paragraph the token is in (None before the paragraph splitter ran).

    A getter over doc._.wc_paragraphs, not a value stored on every token: setting an extension
    on each token cost the splitter more than the rest of its work."""
    bounds = tok.doc._.wc_paragraphs
    if bounds is None:
        return None
    starts = tok.doc.user_data.get("wc_paragraph_starts")
    if starts is None or len(starts) != len(bounds):
        starts = tok.doc.user_data["wc_paragraph_starts"] = [lo for lo, _ in bounds]
    return max(bisect_right(starts, tok.idx) - 1, 0)


def register() -> None:
    """Register the extensions; safe to call many times."""
    for cls, table in ((Doc, DOC_EXTENSIONS), (Span, SPAN_EXTENSIONS), (Token, TOKEN_EXTENSIONS)):
        for name, default in table.items():
            if not cls.has_extension(name):
                cls.set_extension(name, default=default)
    if not Token.has_extension("wc_paragraph"):
        Token.set_extension("wc_paragraph", getter=paragraph_of)


register()
