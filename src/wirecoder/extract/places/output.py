"""Place records: gazetteer entries to `Place`s with their PLOVER feature and resolution level, names
no gazetteer knows placed by their context, and counties placed by the article's towns."""
from __future__ import annotations

import statistics
from collections import Counter

from spacy.tokens import Doc

from wirecoder.extract.places.context import _cue, _demonym_before, _place_before, _signal_word, _vetoed
from wirecoder.extract.places.gazetteer import Entry, get_gazetteer, key
from wirecoder.extract.places.lexicon import COUNTY_WORDS, FEATURES, RESOLUTIONS, WATER_WORDS, _cues, country_of_demonym
from wirecoder.extract.places.scan import _clean_bounds, _is_cap, _lookup, _text
from wirecoder.records import Place
from wirecoder.settings import Settings


def feature_of(kind: str | None, name: str = "") -> str | None:
    """PLOVER event_loc feature of an entry kind ('county' -> 'admin2'; a sea or gulf region -> 'water')."""
    feature = FEATURES.get(kind or "")
    if feature == "region" and WATER_WORDS.intersection(key(name).split()):
        return "water"
    return feature


def resolution_of(kind: str | None, country: str | None = None) -> str | None:
    """How precisely a place of this kind is located: point, admin2, admin1, country or region."""
    if kind == "unresolved":  # a cued name no gazetteer knows: only its country is known
        return "country" if country else None
    return RESOLUTIONS.get(FEATURES.get(kind or ""), "point" if kind else None)


def _unresolved_place(doc: Doc, start: int, end: int, country: str | None) -> Place:
    text = _text(doc, start, end)
    return Place(name=text, start=doc[start].idx, end=doc[start].idx + len(text), text=text, country=country,
                 kind="unresolved", source="context", resolution=resolution_of("unresolved", country))


def _place(doc: Doc, start: int, end: int, e: Entry) -> Place:
    text = _text(doc, start, end)
    return Place(name=text, start=doc[start].idx, end=doc[start].idx + len(text), text=text, country=e.country,
                 admin1=e.admin1, lat=e.lat, lon=e.lon, kind=e.kind, geonameid=e.geonameid,
                 population=e.population or None, source=e.source, feature=feature_of(e.kind, e.name),
                 resolution=resolution_of(e.kind), admin2=e.admin2)


def _unresolved(doc: Doc, taken: set[int], places: list[Place], countries: Counter,
                settings: Settings) -> list[Place]:
    """Cued names no gazetteer knows ('the village of X', 'clashes in X'), placed in the country the
    text gives them (a demonym, a place just before them) or the article's clear leading country;
    no coordinates, since none are known."""
    cues = _cues()
    ranked = countries.most_common(2)
    lead = None
    if ranked and ranked[0][1] >= settings.place_unresolved_min_votes and (
            len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
        lead = ranked[0][0]
    spans = []
    for ent in doc.ents:
        s, e = _clean_bounds(doc, ent.start, ent.end)
        if ent.label_ in ("GPE", "LOC") and (_cue(doc, s, e) or _signal_word(doc, s)):
            spans.append((s, e))
        elif ent.label_ in ("PERSON", "ORG", "FAC", "GPE", "LOC") and _cue(doc, s, e) == "noun":
            spans.append((s, e))
    for i, tok in enumerate(doc):  # names the model left untagged: 'the village of X'
        if not tok.ent_type_ and _is_cap(tok) and tok.pos_ == "PROPN" and _cue(doc, i, i + 1) == "noun":
            spans.append((i, i + 1))
    out, seen = [], set()
    for s, e in sorted(set(spans)):
        if taken.intersection(range(s, e)) or any(i in seen for i in range(s, e)):
            continue
        if doc[e - 1].lower_ in cues.get("nonplace", ()) or _lookup(doc, s, e) or _vetoed(doc, s, e, settings):
            continue
        cc = _demonym_before(doc, s) or _place_before(doc, s, places) or lead
        if cc is None:
            continue
        out.append(_unresolved_place(doc, s, e, cc))
        seen.update(range(s, e))
    return out


def _demonym_places(doc: Doc) -> list[Place]:
    gaz = get_gazetteer()
    out = []
    for ent in doc.ents:
        if ent.label_ != "NORP":
            continue
        cc = country_of_demonym(ent.text)
        if not cc:
            continue
        country = next((e for e, _ in gaz.lookup(gaz.country_names.get(cc, "")) if e.kind == "country"), None)
        if country is not None:
            out.append(_place(doc, ent.start, ent.end, country))
    return out


def _county_base(name: str) -> str:
    return COUNTY_WORDS.sub("", key(name))


def _county_context(places: list[Place]) -> list[Place]:
    """Local news names a county in full once and then bare ('Tarrant County' ... 'Tarrant'): the bare
    name is that county unless it is a town in the county's state. A county the gazetteer could only
    put at its state's centre moves to the middle of the article's towns in that state."""
    counties = {_county_base(p.name): p for p in places if p.kind == "county"}
    out = []
    for p in places:
        county = counties.get(key(p.name)) if p.kind != "county" else None
        if county is not None and not (p.kind == "city" and (p.country, p.admin1) == (county.country, county.admin1)):
            p = county.model_copy(update={"name": p.name, "text": p.text, "start": p.start, "end": p.end})
        out.append(p)
    for i, p in enumerate(out):
        if p.kind != "county" or p.country != "US":
            continue
        towns = [q for q in out if q.kind == "city" and (q.country, q.admin1) == ("US", p.admin1) and q.lat is not None]
        if towns:
            out[i] = p.model_copy(update={"lat": statistics.median(q.lat for q in towns),
                                          "lon": statistics.median(q.lon for q in towns)})
    return out
