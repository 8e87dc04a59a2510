"""The place extractor over a parsed Doc: candidates, resolution by article context, Place records."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc

from wirecoder.contract import unique_places
from wirecoder.extract.places.candidates import _Cand, _candidates, _rescue
from wirecoder.extract.places.context import _outlet_country
from wirecoder.extract.places.gazetteer import Entry, key
from wirecoder.extract.places.kinds import _famous, km
from wirecoder.extract.places.lexicon import country_of_demonym
from wirecoder.extract.places.output import (_county_context, _demonym_places, _place, _unresolved,
                                             _unresolved_place, feature_of, resolution_of)
from wirecoder.extract.places.resolve import _best, _mine, _neighbours, _qualifier_hints, _states_near
from wirecoder.extract.places.scan import _text
from wirecoder.records import Place
from wirecoder.settings import DEFAULT, Settings

STATE_KINDS = ("city", "county", "admin1")  # resolved places that say which state an article is about

__all__ = ["country_of_demonym", "extract_places", "feature_of", "km", "resolution_of", "unique_places"]


@dataclass
class _Context:
    """What the article is about, from names that resolve without context."""

    first: list[Entry] = field(default_factory=list)  # each candidate's entry without context
    countries: Counter = field(default_factory=Counter)
    admin1s: Counter = field(default_factory=Counter)
    local: Counter = field(default_factory=Counter)  # votes from places below the country and its capital
    named: Counter = field(default_factory=Counter)  # votes each name (folded) gave: its mentions' first readings


def _article_context(doc: Doc, cands: list[_Cand], settings: Settings) -> _Context:
    ctx = _Context()
    for c in cands:
        e, s, second = _best(c, Counter(), Counter(), settings)
        ctx.first.append(e)
        if e.country and (s - second >= 1.0 or e.kind == "country"):
            ctx.named[key(_text(doc, c.start, c.end))] += 1
            ctx.countries[e.country] += 1
            if e.admin1 and e.kind != "country":
                ctx.admin1s[(e.country, e.admin1)] += 1
            if e.kind not in ("country", "continent") and not e.capital:
                ctx.local[e.country] += 1
    _states_near(doc, cands, ctx.first, settings)
    home = _outlet_country(doc)
    if home:
        ctx.countries[home] += 1
    for ent in doc.ents:
        if ent.label_ == "NORP":
            cc = country_of_demonym(ent.text)
            if cc:
                ctx.countries[cc] += 1
    return ctx


def _movable(c: _Cand, e: Entry, settings: Settings) -> bool:
    """A county or small town whose state the text leaves open (no hint, no state named close by)."""
    return e.kind in ("county", "city") and bool(e.admin1) and not (
        c.hint == "admin1" or c.country or _famous(e, True, settings) or (e.country, e.admin1) in c.near)


def _restate(cands: list[_Cand], chosen: list[Entry], settings: Settings) -> list[Entry]:
    """Second look at the state of a county or town once every name is resolved: 'Greene County'
    among Tennessee towns is Tennessee's, though no single name decided the state at first."""
    states = Counter((e.country, e.admin1) for e in chosen if e.country and e.admin1 and e.kind in STATE_KINDS)
    out = []
    for c, e in zip(cands, chosen):
        if _movable(c, e, settings) and states[(e.country, e.admin1)] <= 1:
            rivals = [h for h, main in c.hits if main and h.kind == e.kind and h.country == e.country
                      and h.admin1 != e.admin1 and states[(h.country, h.admin1)] >= settings.place_restate_min_votes]
            if rivals:
                e = max(rivals, key=lambda h: (states[(h.country, h.admin1)], h.population))
        out.append(e)
    return out


def _resolved(doc: Doc, cands: list[_Cand], ctx: _Context, settings: Settings) -> list[Place]:
    places = []
    lead, lead_votes = ctx.countries.most_common(1)[0] if ctx.countries else (None, 0)
    owns = [(e0.country, e0.admin1, max(1, ctx.named[key(_text(doc, c.start, c.end))])) if e0.country else None
            for c, e0 in zip(cands, ctx.first)]
    chosen = [_best(c, ctx.countries, ctx.admin1s, settings, own, ctx.local)[0] for c, own in zip(cands, owns)]
    for c, own, e in zip(cands, owns, _restate(cands, chosen, settings)):
        if lead and lead_votes >= settings.place_unresolved_min_votes and e.country != lead \
                and e.kind in ("city", "town") and e.population < settings.place_small_town_population \
                and ctx.countries[e.country] - _mine(own, e.country) <= 0 and not c.country:
            # a small namesake town abroad, in an article about one country ('Banjska' in a Kosovo
            # story is not the Bulgarian village): the article's country, without coordinates
            places.append(_unresolved_place(doc, c.start, c.end, lead))
            continue
        places.append(_place(doc, c.start, c.end, e))
    return places


def extract_places(doc: Doc, settings: Settings = DEFAULT) -> tuple[Place, ...]:
    """Resolved places mentioned in the article, one record per mention."""
    cands, spare, taken = _candidates(doc, settings)
    _qualifier_hints(doc, cands, settings)
    ctx = _article_context(doc, cands, settings)
    rescued = _rescue(doc, spare, ctx.countries, settings)
    if rescued:
        ctx.first.extend(_best(c, Counter(), Counter(), settings)[0] for c in rescued)
        cands = cands + rescued
        taken.update(i for c in rescued for i in range(c.start, c.end))
    _neighbours(doc, cands, settings)
    places = _county_context(_resolved(doc, cands, ctx, settings))
    if settings.places_emit_unresolved:
        places.extend(_unresolved(doc, taken, places, ctx.countries, settings))
    if settings.places_include_demonyms:
        places.extend(_demonym_places(doc))
    places.sort(key=lambda p: p.start)
    return tuple(places)
