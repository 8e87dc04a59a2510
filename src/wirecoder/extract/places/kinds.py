"""What a gazetteer entry is worth: priors by kind and population, and the kinds of referent a name
must have to count as a place in a given context."""
from __future__ import annotations

import math

from wirecoder.extract.places.gazetteer import Entry
from wirecoder.extract.places.lexicon import STRONG_KINDS
from wirecoder.settings import Settings

# Prior score of an entry by kind; cities use log10(population) (+ a capital bonus) instead.
KIND_PRIOR = {"admin2": 5.0, "country": 9.0, "historical": 9.0, "continent": 8.5, "region": 8.5, "base": 8.5, "town": 8.5, "district": 8.5,
              "mountain": 8.0, "admin1": 6.5, "county": 5.0}
CAPITAL_BONUS = 1.5
COUNTRY_SIZE_WEIGHT = 0.05  # per log10 of population: 'Congo' with no context is the larger Congo
CURATED_PRIOR = 8.0  # any other kind from the curated additions


def _entry_prior(e: Entry) -> float:
    if e.kind == "city":
        return math.log10(e.population + 1) + (CAPITAL_BONUS if e.capital else 0.0)
    if e.source == "wirecoder-gazetteer" and e.kind not in KIND_PRIOR:
        return CURATED_PRIOR
    return KIND_PRIOR.get(e.kind, CURATED_PRIOR)


def _strong(hits: list[tuple[Entry, bool]], min_pop: int, alternates: bool = False) -> bool:
    """Some entry is a kind of place that is rarely a plain word, a curated entry, or a city of
    min_pop (or a national capital when alternates) matched on its main name unless alternates."""
    return any(e.kind in STRONG_KINDS or e.source == "wirecoder-gazetteer"
               or (e.kind == "city" and (main or alternates) and (e.population >= min_pop or e.capital and alternates))
               for e, main in hits)


def _notable(hits: list[tuple[Entry, bool]], settings: Settings) -> bool:
    """A referent well known enough to count inside an organisation's name ('Texas' in 'University of Texas')."""
    return any(e.kind in STRONG_KINDS or e.kind == "county" or e.source == "wirecoder-gazetteer"
               or e.kind == "city" and main and e.population >= settings.place_min_population_person_word
               for e, main in hits)


def _curated(hits: list[tuple[Entry, bool]]) -> bool:
    return any(e.source != "geonames" for e, _ in hits)


def _famous(e: Entry, main: bool, settings: Settings) -> bool:
    """A referent most readers would take a bare name to mean: a country, a continent, a national
    capital or a city of place_min_population_famous."""
    return e.kind in ("country", "continent") or e.kind == "city" and main and (
        e.capital or e.population >= settings.place_min_population_famous)


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _far(a: Entry, b: Entry, settings: Settings) -> bool:
    """a and b lie more than place_namesake_km apart (or a has no point): namesakes, not one place."""
    if a.lat is None or b.lat is None:
        return True
    return km(a.lat, a.lon, b.lat, b.lon) > settings.place_namesake_km
