"""Every custom Doc/Span/Token attribute wirecoder sets, in one place, namespaced `wc_`."""
from __future__ import annotations

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
TOKEN_EXTENSIONS = {
    "wc_paragraph": None,  # index of the paragraph the token is in
}


def register() -> None:
    """Register the extensions; safe to call many times."""
    for cls, table in ((Doc, DOC_EXTENSIONS), (Span, SPAN_EXTENSIONS), (Token, TOKEN_EXTENSIONS)):
        for name, default in table.items():
            if not cls.has_extension(name):
                cls.set_extension(name, default=default)


register()
