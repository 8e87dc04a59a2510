"""Place words and lists: the named data the place heuristics read (cue words, kinds, stopwords,
demonyms), loaded once from wirecoder/data."""
from __future__ import annotations

import csv
import functools
import re

from wirecoder.extract.places.gazetteer import key
from wirecoder.settings import Settings, data_lines, data_path

PLACE_LABELS = {"GPE", "LOC", "FAC"}
# Lower-case words allowed inside a multi-word place name ("Deir ez-Zor", "Bosnia and Herzegovina").
PARTICLES = {"al", "el", "ez", "ad", "as", "ar", "ash", "at", "az", "an", "ibn", "bin", "of", "de", "du", "la",
             "le", "del", "di", "da", "do", "dos", "das", "van", "von", "der", "den", "upon", "sur", "en", "and",
             "the", "-", "'", "’"}
# Words after a name that say which kind of place it is; they are not part of the place's name.
KIND_SUFFIXES = {"city": "city", "town": "city", "province": "admin1", "governorate": "admin1",
                 "region": "admin1", "district": "admin1", "oblast": "admin1", "county": "county"}
STATE_CUES = {"state"}  # "Washington state", "the state of Georgia"
NAME_PART_KINDS = ("continent", "region")  # 'Africa' in 'US Africa Command' names the command, not a place
# Entries a name the model did not tag as a place may still resolve to, whatever their population.
STRONG_KINDS = {"country", "historical", "continent", "region", "base", "town", "district", "mountain", "admin1"}
# Curated kinds broader than a town: a town far from one of them is a namesake ('Middle East, Md.').
BROAD_KINDS = ("admin1", "region", "continent", "historical")
MAX_SCAN_TOKENS = 8
COUNTY_WORDS = re.compile(r"\s+(county|parish|borough)$")  # 'Tarrant County' is 'Tarrant' once introduced
# PLOVER event_loc feature of each entry kind, and the resolution level of each feature.
FEATURES = {"country": "country", "admin1": "admin1", "county": "admin2", "admin2": "admin2", "city": "city",
            "town": "city", "district": "district", "base": "base", "camp": "camp", "mountain": "mountain",
            "region": "region", "historical": "region", "continent": "continent"}
RESOLUTIONS = {"country": "country", "admin1": "admin1", "admin2": "admin2", "region": "region",
               "continent": "region", "water": "region"}
# Words that make a curated region a body of water ('Red Sea', 'Strait of Hormuz', 'Lake Chad').
WATER_WORDS = frozenset({"sea", "ocean", "gulf", "strait", "canal", "lake", "river", "bay", "channel"})
# Arabic articles that may open a place name written in lower case ("al-Qaim", "ad-Dawr").
ARABIC_ARTICLES = {"al", "el", "ad", "an", "ar", "as", "ash", "at", "az", "ath"}
# Words allowed between a place noun and the name it introduces ("towns such as X", "the capital, X").
CUE_GAP = {"of", ",", "such", "as", "like", "including", "the", "a", "an"}
CUE_WINDOW = 4
DATELINE_PARAGRAPHS = 3  # a dateline opens one of the first paragraphs (after a title or byline)


def _lines(name: str) -> frozenset[str]:
    return frozenset(w.lower() for w in data_lines(name))


@functools.lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    return _lines("place_stopwords.txt")


@functools.lru_cache(maxsize=1)
def _cues() -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for line in _lines("place_cues.txt"):
        kind, _, word = line.partition(" ")
        out.setdefault(kind, set()).add(word.strip())
    return {k: frozenset(v) for k, v in out.items()}


@functools.lru_cache(maxsize=1)
def _demonyms() -> dict[str, str]:
    with open(data_path("demonyms.csv"), encoding="utf-8", newline="") as fh:
        return {key(r["demonym"]): r["country"] for r in csv.DictReader(fh)}


def country_of_demonym(word: str) -> str | None:
    """ISO 3166-1 alpha-2 code of the state a demonym names ('Iraqi' -> 'IQ'), or None."""
    if not word:
        return None
    w = word.strip()
    for suffix in ("'s", "’s"):
        if w.endswith(suffix):
            w = w[: -len(suffix)]
    return _demonyms().get(key(w))


# Country-code domains sold worldwide as generic ones: they say nothing of where an outlet is.
GENERIC_CCTLDS = frozenset({"tv", "io", "co", "me", "fm", "ai", "cc", "ws", "to", "gg", "la", "nu", "tk", "ag", "vc",
                            "sh", "ms", "im", "st"})


@functools.lru_cache(maxsize=1)
def _country_of_tld() -> dict[str, str]:
    """ISO code of each country-code top-level domain ('ca' -> 'CA', 'uk' -> 'GB'), from GeoNames."""
    import json

    from wirecoder.extract.places.gazetteer import _geonames_file

    with open(_geonames_file("countries.json"), encoding="utf-8") as fh:
        recs = json.load(fh)
    return {r["tld"].lstrip(".").lower(): r["iso"] for r in recs.values() if r.get("tld")} | {"uk": "GB"}


def country_of_host(host: str | None) -> str | None:
    """Country of a web host by its country-code domain ('lfpress.ca' -> 'CA'); None for generic ones."""
    if not host or " " in host.strip() or "." not in host:
        return None
    tld = host.strip().lower().rstrip("./").rsplit(".", 1)[-1]
    return None if tld in GENERIC_CCTLDS else _country_of_tld().get(tld)


@functools.lru_cache(maxsize=1)
def _media_words() -> frozenset[str]:
    return _lines("media_words.txt")


@functools.lru_cache(maxsize=4)
def _common_words_for(model: str | None, registries: tuple[str, ...]) -> frozenset[str]:
    from wirecoder.nlp.loader import get_nlp  # the cached pipeline: its lemmatizer holds WordNet's index

    nlp = get_nlp(model, registries)
    if "lemmatizer" not in nlp.pipe_names:
        return frozenset()
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return frozenset()
    table = lookups.get_table("lemma_index")
    return frozenset(w.lower() for words in table.values() for w in words if w.isalpha())


def _common_words(settings: Settings) -> frozenset[str]:
    """English dictionary words (WordNet's index in the model's lemmatizer): 'police', 'valley'."""
    return _common_words_for(settings.model, tuple(str(p) for p in settings.extra_registries))
