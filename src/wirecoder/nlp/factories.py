"""Thin spaCy factories around the extraction stages, for users' own pipelines.

    nlp = spacy.load("en_core_web_sm")
    for name in ("wc_paragraphs",):
        nlp.add_pipe(name, before="parser")
    for name in ("wc_places", "wc_actors", "wc_dates", "wc_quantities", "wc_quotes", "wc_events"):
        nlp.add_pipe(name, config={"settings": {"quote_min_words": 2}})
    doc = nlp(text)
    doc._.wc_quotes, doc._.wc_events

Each factory takes a `settings` config: a dict of `wirecoder.Settings` fields (paths as strings)
that override the defaults, e.g. `Settings(...).to_config()`. The stages themselves, and their
order, are defined once in `wirecoder.pipeline.STAGES`.

Set `doc._.wc_published` (a datetime.date) before the dates component runs, or pass
`config={"published": "2024-01-12"}` to it, to resolve relative dates."""
from __future__ import annotations

from datetime import date

from spacy.language import Language
from spacy.tokens import Doc

from wirecoder.nlp import extensions  # noqa: F401  (registers Doc extensions)
from wirecoder.settings import Settings

_CONFIG = {"settings": {}}


def _component(stage_name: str, settings: dict, published: str | None = None):
    """A Doc -> Doc callable running the named stage of wirecoder.pipeline.STAGES with these settings."""
    from wirecoder.pipeline import STAGES

    stage = dict(STAGES)[stage_name]
    chosen = Settings.from_config(settings)
    fixed = date.fromisoformat(published) if published else None

    def component(doc: Doc) -> Doc:
        if fixed is not None and doc._.wc_published is None:
            doc._.wc_published = fixed
        stage(doc, chosen)
        return doc
    return component


@Language.factory("wc_places", default_config=_CONFIG, requires=["doc.ents"], assigns=["doc._.wc_places"])
def make_places(nlp: Language, name: str, settings: dict):
    """Toponyms resolved offline."""
    return _component("wc_places", settings)


@Language.factory("wc_actors", default_config=_CONFIG, requires=["doc.ents", "token.dep"],
                  assigns=["doc._.wc_actors"])
def make_actors(nlp: Language, name: str, settings: dict):
    """Canonical actors (an ActorIndex) from entities and the registry."""
    return _component("wc_actors", settings)


@Language.factory("wc_dates", default_config={"published": None, **_CONFIG}, requires=["doc.ents"],
                  assigns=["doc._.wc_dates"])
def make_dates(nlp: Language, name: str, published: str | None, settings: dict):
    """Temporal expressions resolved against doc._.wc_published or the configured date."""
    return _component("wc_dates", settings, published)


@Language.factory("wc_quantities", default_config=_CONFIG, requires=["token.dep"],
                  assigns=["doc._.wc_quantities"])
def make_quantities(nlp: Language, name: str, settings: dict):
    """Counts with qualifiers and units."""
    return _component("wc_quantities", settings)


@Language.factory("wc_quotes", default_config=_CONFIG, requires=["token.dep", "doc.ents"],
                  assigns=["doc._.wc_quotes"])
def make_quotes(nlp: Language, name: str, settings: dict):
    """Direct and indirect quotes with speakers (runs wc_actors itself if it is absent)."""
    return _component("wc_quotes", settings)


@Language.factory("wc_events", default_config=_CONFIG, requires=["token.dep", "doc.ents"],
                  assigns=["doc._.wc_events"])
def make_events(nlp: Language, name: str, settings: dict):
    """PLOVER events, using the places, dates and quantities set by earlier components."""
    return _component("wc_events", settings)
