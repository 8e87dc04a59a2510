"""Thin spaCy factories around the extractors, for users' own pipelines.

    nlp = spacy.load("en_core_web_sm")
    for name in ("wc_paragraphs",):
        nlp.add_pipe(name, before="parser")
    for name in ("wc_places", "wc_actors", "wc_dates", "wc_quantities", "wc_quotes", "wc_events"):
        nlp.add_pipe(name)
    doc = nlp(text)
    doc._.wc_quotes, doc._.wc_events

Set `doc._.wc_published` (a datetime.date) before the dates component runs, or pass
`config={"published": "2024-01-12"}` to it, to resolve relative dates."""
from __future__ import annotations

from datetime import date

from spacy.language import Language
from spacy.tokens import Doc

from wirecoder.nlp import extensions  # noqa: F401  (registers Doc extensions)
from wirecoder.settings import DEFAULT


@Language.factory("wc_places", requires=["doc.ents"], assigns=["doc._.wc_places"])
def make_places(nlp: Language, name: str):
    """Toponyms resolved offline."""
    from wirecoder.extract.places import extract_places

    def component(doc: Doc) -> Doc:
        doc._.wc_places = extract_places(doc, DEFAULT)
        return doc
    return component


@Language.factory("wc_actors", requires=["doc.ents", "token.dep"], assigns=["doc._.wc_actors"])
def make_actors(nlp: Language, name: str):
    """Canonical actors (an ActorIndex) from entities and the registry."""
    from wirecoder.extract.actors import extract_actors

    def component(doc: Doc) -> Doc:
        doc._.wc_actors = extract_actors(doc, places=doc._.wc_places or (), settings=DEFAULT)
        return doc
    return component


@Language.factory("wc_dates", default_config={"published": None}, requires=["doc.ents"],
                  assigns=["doc._.wc_dates"])
def make_dates(nlp: Language, name: str, published: str | None):
    """Temporal expressions resolved against doc._.wc_published or the configured date."""
    from wirecoder.extract.time import extract_dates
    fixed = date.fromisoformat(published) if published else None

    def component(doc: Doc) -> Doc:
        doc._.wc_dates = extract_dates(doc, doc._.wc_published or fixed, DEFAULT)
        return doc
    return component


@Language.factory("wc_quantities", requires=["token.dep"], assigns=["doc._.wc_quantities"])
def make_quantities(nlp: Language, name: str):
    """Counts with qualifiers and units."""
    from wirecoder.extract.quantities import extract_quantities

    def component(doc: Doc) -> Doc:
        doc._.wc_quantities = extract_quantities(doc, DEFAULT)
        return doc
    return component


def _actors(doc: Doc):
    from wirecoder.extract.actors import extract_actors

    if doc._.wc_actors is None:
        doc._.wc_actors = extract_actors(doc, places=doc._.wc_places or (), settings=DEFAULT)
    return doc._.wc_actors


@Language.factory("wc_quotes", requires=["token.dep", "doc.ents"], assigns=["doc._.wc_quotes"])
def make_quotes(nlp: Language, name: str):
    """Direct and indirect quotes with speakers (runs wc_actors itself if it is absent)."""
    from wirecoder.extract.quotes import extract_quotes

    def component(doc: Doc) -> Doc:
        doc._.wc_quotes = extract_quotes(doc, _actors(doc), DEFAULT)
        return doc
    return component


@Language.factory("wc_events", requires=["token.dep", "doc.ents"], assigns=["doc._.wc_events"])
def make_events(nlp: Language, name: str):
    """PLOVER events, using the places, dates and quantities set by earlier components."""
    from wirecoder.extract.events import extract_events

    def component(doc: Doc) -> Doc:
        doc._.wc_events = extract_events(doc, _actors(doc), doc._.wc_places or (), doc._.wc_dates or (),
                                         doc._.wc_quantities or (), DEFAULT)
        return doc
    return component
