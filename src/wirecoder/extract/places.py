"""Places: toponyms found by the model and by the gazetteer, resolved offline by article context.

Candidates come from the model's GPE/LOC/FAC entities and from a scan of capitalised token runs
against the gazetteer (the small model calls many Arabic place names PERSON or ORG). A name the
model did not tag as a place must pass stricter checks. Each candidate's entries are then scored:
a prior by kind and population, plus the countries and states the rest of the article names,
plus hints in the text ("Hasakah city", "Kirkuk province", "Springfield, Ill.")."""
from __future__ import annotations

import csv
import functools
import math
import re
from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from wirecoder.extract.gazetteer import Entry, get_gazetteer, key, variants
from wirecoder.nlp.components import DATELINE
from wirecoder.nlp.spans import covering_entity
from wirecoder.records import Place
from wirecoder.settings import DEFAULT, Settings, data_path
from wirecoder.nlp.spans import doc_text

PLACE_LABELS = {"GPE", "LOC", "FAC"}
# Lower-case words allowed inside a multi-word place name ("Deir ez-Zor", "Bosnia and Herzegovina").
PARTICLES = {"al", "el", "ez", "ad", "as", "ar", "ash", "at", "az", "an", "ibn", "bin", "of", "de", "du", "la",
             "le", "del", "di", "da", "do", "dos", "das", "van", "von", "der", "den", "upon", "sur", "en", "and",
             "the", "-", "'", "’"}
# Words after a name that say which kind of place it is; they are not part of the place's name.
KIND_SUFFIXES = {"city": "city", "town": "city", "province": "admin1", "governorate": "admin1",
                 "region": "admin1", "district": "admin1", "oblast": "admin1", "county": "county"}
STATE_CUES = {"state"}  # "Washington state", "the state of Georgia"
# Prior score of an entry by kind; cities use log10(population) (+ a capital bonus) instead.
KIND_PRIOR = {"admin2": 5.0, "country": 9.0, "historical": 9.0, "continent": 8.5, "region": 8.5, "base": 8.5, "town": 8.5, "district": 8.5,
              "mountain": 8.0, "admin1": 6.5, "county": 5.0}
CAPITAL_BONUS = 1.5
COUNTRY_SIZE_WEIGHT = 0.05  # per log10 of population: 'Congo' with no context is the larger Congo
NAME_PART_KINDS = ("continent", "region")  # 'Africa' in 'US Africa Command' names the command, not a place
CURATED_PRIOR = 8.0  # any other kind from the curated additions
# Entries a name the model did not tag as a place may still resolve to, whatever their population.
STRONG_KINDS = {"country", "historical", "continent", "region", "base", "town", "district", "mountain", "admin1"}
MAX_SCAN_TOKENS = 8
# Arabic articles that may open a place name written in lower case ("al-Qaim", "ad-Dawr").
ARABIC_ARTICLES = {"al", "el", "ad", "an", "ar", "as", "ash", "at", "az", "ath"}
# Words allowed between a place noun and the name it introduces ("towns such as X", "the capital, X").
CUE_GAP = {"of", ",", "such", "as", "like", "including", "the", "a", "an"}
CUE_WINDOW = 4
DATELINE_PARAGRAPHS = 3  # a dateline opens one of the first paragraphs (after a title or byline)


def _lines(name: str) -> frozenset[str]:
    text = data_path(name).read_text(encoding="utf-8")
    return frozenset(w.strip().lower() for w in text.splitlines() if w.strip() and not w.startswith("#"))


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


@dataclass
class _Cand:
    start: int  # token bounds of the name itself
    end: int
    hits: list[tuple[Entry, bool]]
    ner: bool  # the model labelled it a place
    hint: str | None = None  # kind the text asks for
    country: str | None = None  # country the text names for it ('the Lebanese city of X')


def _is_cap(tok) -> bool:
    return tok.text[:1].isupper()


def _clean_bounds(doc: Doc, start: int, end: int) -> tuple[int, int]:
    while end - start > 1 and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct
                               or doc[end - 1].lower_ in ("'s", "’s")):
        end -= 1
    while end - start > 1 and (doc[start].lower_ == "the" or doc[start].is_punct):
        start += 1
    return start, end


def _text(doc: Doc, start: int, end: int) -> str:
    return doc[start:end].text  # a Span's text is built from its own tokens; Doc.text from all of them


def _lookup(doc: Doc, start: int, end: int) -> list[tuple[Entry, bool]]:
    return get_gazetteer().lookup(_text(doc, start, end))


def _scan(doc: Doc) -> list[tuple[int, int, list]]:
    """Longest gazetteer matches over runs of capitalised words (with particles inside)."""
    out, i, n = [], 0, len(doc)
    while i < n:
        tok = doc[i]
        article = (tok.lower_ in ARABIC_ARTICLES and i + 2 < n and doc[i + 1].text == "-"
                   and _is_cap(doc[i + 2]) and not doc[i + 2].is_sent_start)
        if not article and (not _is_cap(tok) or tok.is_punct or tok.is_space or not any(c.isalpha() for c in tok.text)):
            i += 1
            continue
        j = i + 1
        while j < n and j - i < MAX_SCAN_TOKENS and not doc[j].is_sent_start and (
                _is_cap(doc[j]) and not doc[j].is_punct or doc[j].lower_ in PARTICLES or doc[j].text in "-'’"):
            j += 1
        found = None
        for e in range(j, i, -1):
            if not _is_cap(doc[e - 1]) or doc[e - 1].is_punct and doc[e - 1].text != ".":
                continue
            hits = _lookup(doc, i, e)
            if hits:
                found = (i, e, hits)
                break
        if found:
            out.append(found)
            i = found[1]
        else:
            i += 1
    return out


def _covering(doc: Doc, start: int, end: int) -> Span | None:
    return covering_entity(doc, start, end)


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


@functools.lru_cache(maxsize=1)
def _media_words() -> frozenset[str]:
    return _lines("media_words.txt")


def _curated(hits: list[tuple[Entry, bool]]) -> bool:
    return any(e.source != "geonames" for e, _ in hits)


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


def _person_words(doc: Doc) -> set[str]:
    """Words of the full names (two words or more, particles aside) the model calls PERSON: 'al-Qaim'
    alone is not a full name."""
    words = set()
    for ent in doc.ents:
        names = [t.lower_ for t in ent if t.is_alpha and t.lower_ not in PARTICLES]
        if ent.label_ == "PERSON" and len(names) >= 2 and _written_as_name(ent):
            words.update(names)
    return words


def _written_as_name(ent: Span) -> bool:
    """Every word but particles capitalised: 'Mitiga airport' tagged PERSON is no one's name."""
    return all(_is_cap(t) for t in ent if t.is_alpha and t.lower_ not in PARTICLES)


def _outlet_keys(doc: Doc) -> set[str]:
    art = doc._.wc_article
    outlet = getattr(art, "outlet", None) if art is not None else None
    if not outlet:
        return set()
    k = key(outlet)
    return {k, k[4:] if k.startswith("the ") else k}


def _hint_after(doc: Doc, end: int) -> tuple[str | None, int]:
    """Kind asked for by the word after a name ('city', 'province'), and where that word ends."""
    if end < len(doc) and doc[end].lower_ in KIND_SUFFIXES:
        return KIND_SUFFIXES[doc[end].lower_], end + 1
    if end < len(doc) and doc[end].lower_ in STATE_CUES:
        return "admin1", end + 1
    return None, end


def _cue(doc: Doc, start: int, end: int) -> str | None:
    """How the words around a name mark it as a place: 'prep' ('near X'), 'noun' ('the town of X',
    'towns such as X', 'X camp'), 'weak' ('in X'), or None."""
    cues = _cues()
    nouns = cues.get("noun", frozenset())
    if end < len(doc) and doc[end].text in nouns and not doc[end].is_sent_start:
        return "noun"  # lower case as written: 'Valley District' is a name, 'Adre border crossing' a cue
    if start == 0 or doc[start].is_sent_start:
        return None
    prev = doc[start - 1].lower_
    if prev in cues.get("prep", ()):
        return "prep"
    i = start - 1
    while i > 0 and start - i < CUE_WINDOW and doc[i].lower_ in CUE_GAP and not doc[i].is_sent_start:
        i -= 1
    if i < start - 1 and doc[i].text in nouns:  # 'District A', 'State Sen.' are titles, not cues
        return "noun"
    return "weak" if prev in cues.get("weak", ()) else None


def _demonym_before(doc: Doc, start: int) -> str | None:
    """Country of a demonym that introduces a name with a place noun ('the Lebanese city of X',
    'the Syrian border town of X')."""
    nouns, seen_noun = _cues().get("noun", frozenset()), False
    i = start - 1
    while i >= 0 and start - i <= CUE_WINDOW + 2 and not doc[i + 1].is_sent_start:
        t = doc[i]
        if t.lower_ in nouns:
            seen_noun = True
        elif seen_noun and t.ent_type_ == "NORP":
            return country_of_demonym(t.text)
        elif t.lower_ not in CUE_GAP and t.pos_ != "ADJ":
            return None
        i -= 1
    return None


def _article_only(doc: Doc, a: int, s: int) -> bool:
    """The tokens before s from a are only an article ('An' before 'Olmsted County', which the
    gazetteer reads as the Arabic 'an')."""
    return s - a == 1 and doc[a].lower_ in ARABIC_ARTICLES | {"the"}


def _dateline(doc: Doc) -> tuple[int, int] | None:
    """Token bounds of the city of an ALL-CAPS dateline ('PORT SUDAN (Agency) -', 'YANGON, Myanmar -')."""
    text = doc_text(doc)
    for lo, hi in (doc._.wc_paragraphs or [])[:DATELINE_PARAGRAPHS]:
        m = DATELINE.match(text[lo:hi])
        if not m or m.end() >= hi - lo:
            continue
        city = re.split(r"[,(—–]|\s-", m.group(0), maxsplit=1)[0].strip(" -.")
        if not city or not city.isupper():
            continue
        span = doc.char_span(lo, lo + len(city), alignment_mode="expand")
        if span is not None:
            return span.start, span.end
    return None


def _name_part(doc: Doc, start: int, end: int, hits, settings: Settings) -> bool:
    """The name is only part of a longer proper name: an outlet ('Indian Ocean Herald'), a body named
    after a continent ('US Africa Command'), or a region a modifier opens ('Middle Juba', 'North Kivu')
    that the gazetteer does not know, whose last word alone is another place."""
    cues = _cues()
    nxt = doc[end] if end < len(doc) else None
    if nxt is not None and not nxt.is_sent_start and _is_cap(nxt):
        if nxt.lower_ in _media_words():
            return True
        if any(e.kind in NAME_PART_KINDS for e, _ in hits) and nxt.pos_ == "PROPN" \
                and nxt.ent_type_ not in PLACE_LABELS | {"DATE", "TIME"}:
            return True
    prev = doc[start - 1] if start > 0 and not doc[start].is_sent_start else None
    if prev is not None and _is_cap(prev) and prev.lower_ in cues.get("modifier", ()):
        return not any(e.kind in ("country", "continent", "historical") or _famous(e, m, settings)
                       for e, m in hits)
    return False


def _vetoed(doc: Doc, start: int, end: int, settings: Settings, hits=()) -> bool:
    """Checks no context can overturn: a short or lower-case name, an outlet, a demonym, a word of
    another full person name, a stopword, a word inside a longer person, group or organisation name."""
    surface = _text(doc, start, end)
    letters = [c for c in surface if c.isalpha()]
    if len(letters) < 4 or surface.isupper() or not _is_cap(doc[start]) or _name_part(doc, start, end, hits, settings):
        return True
    if doc[start].is_sent_start and doc[start].ent_type_ not in PLACE_LABELS:
        return True
    k = key(surface)
    own = _covering(doc, start, end)
    persons = {w for ent in doc.ents if ent.label_ == "PERSON" and ent != own and _written_as_name(ent)
               for w in (t.lower_ for t in ent if t.is_alpha and t.lower_ not in PARTICLES)
               if len([t for t in ent if t.is_alpha and t.lower_ not in PARTICLES]) >= 2}
    if k in _outlet_keys(doc) or k in _demonyms() or k in _stopwords() or any(v in persons for v in variants(k)):
        return True
    if own is not None and (own.start, own.end) != (start, end) and not (own.label_ in PLACE_LABELS):
        return True
    if any(t.ent_id_ for t in doc[start:end]):
        return True  # the actor registry knows the name: 'Hezbollah' tagged GPE is a group
    return any(t.pos_ not in ("PROPN", "NOUN") for t in doc[start:end] if t.is_alpha and t.lower_ not in PARTICLES)


def _signal(doc: Doc, start: int, end: int) -> bool:
    """The text says place: the model's place label, a place cue, or a context word ('at X', 'from X')."""
    ent = _covering(doc, start, end)
    if ent is not None and ent.label_ in ("GPE", "LOC") and _clean_bounds(doc, ent.start, ent.end) == (start, end):
        return True
    if _cue(doc, start, end) is not None or _hint_after(doc, end)[0] is not None:
        return True
    return start > 0 and not doc[start].is_sent_start and doc[start - 1].lower_ in _cues().get("context", ())


def _rescue(doc: Doc, spare, countries: Counter, settings: Settings) -> list[_Cand]:
    """Names rejected for a small population or a weak cue that are places in a country the article
    is about ('around Sake' among Goma and Kinshasa): context beats population."""
    out, seen = [], set()
    for s, e, hits, _ner in spare:
        if any(i in seen for i in range(s, e)) or _vetoed(doc, s, e, settings, hits) or not _signal(doc, s, e):
            continue
        kept = [(h, m) for h, m in hits if h.country and h.kind != "country"
                and countries[h.country] >= settings.place_rescue_min_votes]
        if not kept:
            continue
        hint, _ = _hint_after(doc, e)
        out.append(_Cand(s, e, kept, True, hint, _demonym_before(doc, s)))
        seen.update(range(s, e))
    return out


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
        text = _text(doc, s, e)
        out.append(Place(name=text, start=doc[s].idx, end=doc[s].idx + len(text), text=text, country=cc,
                         kind="unresolved", source="context"))
        seen.update(range(s, e))
    return out


def _signal_word(doc: Doc, start: int) -> bool:
    return start > 0 and not doc[start].is_sent_start and doc[start - 1].lower_ in _cues().get("context", ())


def _place_before(doc: Doc, start: int, places: list[Place]) -> str | None:
    """Country of a resolved place just before a name ('Mogadishu's X district', 'the Tavush village of X')."""
    lo = doc[max(0, start - CUE_WINDOW - 2)].idx
    near = [p for p in places if lo <= p.start < doc[start].idx and p.country]
    return near[-1].country if near else None


def _candidates(doc: Doc, settings: Settings) -> list[_Cand]:
    stop, persons, outlets = _stopwords(), _person_words(doc), _outlet_keys(doc)
    common, media = _common_words(settings), _media_words()
    demonyms = _demonyms()
    taken: set[int] = set()
    cands: list[_Cand] = []
    spare: list[tuple[int, int, list, bool]] = []  # rejected with entries: the article's countries may rescue them

    def add(start: int, end: int, hits, ner: bool) -> None:
        hint, hint_end = _hint_after(doc, end)
        if hint_end > end:  # "Hasakah province" names the governorate, listed under that form
            hits = hits + [h for h in _lookup(doc, start, hint_end) if h not in hits]
        if start >= 3 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in STATE_CUES:
            hint = "admin1"
        surface = _text(doc, start, end)
        if surface.replace(".", "").isupper() and len(surface) <= 5 and any(e.kind == "country" for e, _ in hits):
            # "US", "UK", "DRC": a country's code, never a town that happens to share the letters
            hits = [h for h in hits if h[0].kind == "country"]
        cands.append(_Cand(start, end, hits, ner, hint, _demonym_before(doc, start)))
        taken.update(range(start, end))

    def rejected(start: int, end: int, ner: bool, hits) -> bool:
        k = key(_text(doc, start, end))
        if k in outlets or k in demonyms and not any(e.kind == "country" for e, _ in hits):
            return True
        ent = _covering(doc, start, end)
        if ent is not None and key(ent.text) in outlets:  # inside the outlet's own name ("The Cradle's")
            return True
        surface = _text(doc, start, end)
        letters = [c for c in surface if c.isalpha()]
        if len(letters) < 2 or _name_part(doc, start, end, hits, settings):
            return True
        if len(letters) <= 3 and not all(c.isupper() for c in letters) and not surface.endswith("."):
            return True  # 'Us', 'Ga' ... short names only in capitals ('US', 'UK') or abbreviated ('Pa.')
        single = end - start == 1
        words = [t.lower_ for t in doc[start:end] if t.is_alpha and t.lower_ not in PARTICLES]
        ordinary = all(w in common or w in stop for w in words) and not _curated(hits)
        # a word of a person's full name elsewhere in the article ('Hawa Adam' ... 'Adam')
        personal = (any(v in persons for v in variants(k))
                    and not _strong(hits, settings.place_min_population_person_word))
        if ner:
            if personal:
                return True
            # 'Valley', 'North' tagged as a place: plain words need a notable referent
            return single and ordinary and not _strong(hits, settings.place_min_population_person_word)
        ent = _covering(doc, start, end)
        exact = ent is not None and (ent.start, ent.end) == (start, end)
        if ent is not None and not exact:
            nxt = doc[end] if end < len(doc) else None
            possessive = nxt is not None and nxt.tag_ == "POS" and ent.start == start  # "West Asia's Axis"
            if ent.label_ in ("PERSON", "NORP"):
                return True
            if ent.label_ == "ORG" and any(e.kind in NAME_PART_KINDS for e, _ in hits):
                return True  # 'Islamic State West Africa Province': a country may modify an ORG, a continent not
            # inside a longer name ('Imam Ali Brigades'): only notable places, never in a media title
            if not possessive and (not _notable(hits, settings) or doc[ent.end - 1].lower_ in media):
                return True
        if personal or single and (k in stop or k in persons):
            return True
        cue = _cue(doc, start, end) if ent is None or exact else None
        if end < len(doc) and doc[end].tag_ == "POS":
            cue = None  # "into Bell's back": a person as likely as a place
        proper = len(letters) >= 4 and not surface.isupper() and not surface.endswith(".")
        if cue is not None and proper and (not single or doc[start].pos_ == "PROPN") and _strong(
                hits, settings.place_min_population_unlabelled, alternates=True):
            # the context says place ('the town of X', 'near X'): the model's PERSON/ORG label and an
            # alternate spelling do not count against it, nor a dictionary sense unless the cue is weak
            return ordinary and cue == "weak" and not _strong(hits, settings.place_min_population_famous)
        if not _strong(hits, settings.place_min_population_unlabelled):
            return True
        famous = settings.place_min_population_person_word if exact else settings.place_min_population_famous
        if ordinary and not _strong(hits, famous):
            return True  # 'Police', 'Officer', 'North Fork': ordinary words unless notable
        if single and doc[start].pos_ != "PROPN":
            return True
        if single and exact and ent.label_ == "PERSON" and not _notable(hits, settings):
            return True
        return False

    scanned = _scan(doc)
    line = _dateline(doc)
    if line is not None:
        hits = _lookup(doc, *line)
        if hits:  # the dateline names where the report was filed, whatever the model made of it
            add(line[0], line[1], hits, True)
    deferred: set[tuple[int, int]] = set()
    for ent in doc.ents:
        if ent.label_ not in PLACE_LABELS:
            continue
        s, e = _clean_bounds(doc, ent.start, ent.end)
        if e - s > 1 and doc[e - 1].lower_ in KIND_SUFFIXES and not _is_cap(doc[e - 1]):
            e -= 1  # 'Paktika province' names Paktika; the kind word is a hint read after it
        if taken.intersection(range(s, e)):
            continue
        longer = [(a, b) for a, b, _ in scanned
                  if a <= s and b >= e and b - a > e - s and not _article_only(doc, a, s)]
        if longer:  # a longer gazetteer name holds it ('Port Sudan' where the model saw 'Sudan')
            deferred.update(longer)
            continue
        hits = _lookup(doc, s, e)
        if not hits:
            continue  # sub-spans may still match in the scan below
        if ent.label_ == "FAC" and not _strong(hits, settings.place_min_population_unlabelled):
            continue
        if not rejected(s, e, True, hits):
            add(s, e, hits, True)
        else:
            taken.update(range(s, e))
            spare.append((s, e, hits, True))
    for s, e, hits in scanned:
        if taken.intersection(range(s, e)):
            continue
        ent = _covering(doc, s, e)
        ner = ent is not None and ent.label_ in ("GPE", "LOC") and _clean_bounds(doc, ent.start, ent.end) == (s, e)
        ner = ner or (s, e) in deferred
        if not rejected(s, e, ner, hits):
            add(s, e, hits, ner)
        else:
            spare.append((s, e, hits, ner))
    return sorted(cands, key=lambda c: c.start), spare, taken


def _score(c: _Cand, e: Entry, main: bool, countries: Counter, admin1s: Counter, settings: Settings,
           own: tuple | None = None) -> float:
    s = _entry_prior(e)
    if not main:
        s -= settings.place_alternate_name_penalty
    if e.country and e.kind != "country":
        votes = countries[e.country] - (1 if own and own[0] == e.country else 0)
        if votes > 0:
            weight = 1.0 if e.kind in ("city", "town", "base", "county", "admin2") else 0.35
            s += settings.place_context_country_bonus * weight * (1.0 + 0.25 * min(votes - 1, 4))
    if e.country and e.admin1 and e.kind not in ("country",):
        votes = admin1s[(e.country, e.admin1)] - (1 if own == (e.country, e.admin1) else 0)
        s += settings.place_context_admin1_bonus * max(0, min(votes, 2))
    if c.hint and (e.kind == c.hint or c.hint == "city" and e.kind in ("town",)):
        s += settings.place_kind_hint_bonus
    if c.country and e.country == c.country:
        s += settings.place_kind_hint_bonus
    if e.kind == "country" and e.country:  # 'Congo' among Goma and Kinshasa is the DRC
        votes = countries[e.country] - (1 if own and own[0] == e.country else 0)
        if votes > 0:
            s += settings.place_context_country_bonus * 0.35 * (1.0 + 0.25 * min(votes - 1, 4))
        s += COUNTRY_SIZE_WEIGHT * math.log10(e.population + 1)
    return s


def _famous(e: Entry, main: bool, settings: Settings) -> bool:
    """A referent most readers would take a bare name to mean: a country, a continent, a national
    capital or a city of place_min_population_famous."""
    return e.kind in ("country", "continent") or e.kind == "city" and main and (
        e.capital or e.population >= settings.place_min_population_famous)


def _local(e: Entry, local: Counter, admin1s: Counter, settings: Settings, own=None) -> bool:
    """The article is local to e's state or country: other places in its state, or enough
    sub-national places (not the country or its capital) in its country."""
    if e.country is None:
        return False
    same_state = admin1s[(e.country, e.admin1)] - (1 if own == (e.country, e.admin1) else 0) if e.admin1 else 0
    votes = local[e.country] - (1 if own and own[0] == e.country else 0)
    return same_state > 0 or votes >= settings.place_local_min_votes


def _best(c: _Cand, countries: Counter, admin1s: Counter, settings: Settings, own=None,
          local: Counter | None = None) -> tuple[Entry, float, float]:
    scored = sorted(((_score(c, e, m, countries, admin1s, settings, own), e, m) for e, m in c.hits),
                    key=lambda x: -x[0])
    best, second = scored[0], (scored[1][0] if len(scored) > 1 else -math.inf)
    small = best[1].kind == "city" and best[1].population < settings.place_small_town_population
    if local is not None and small and not _famous(best[1], best[2], settings) and not (c.hint or c.country) \
            and not _local(best[1], local, admin1s, settings, own):
        # context alone must not turn 'Jordan' or 'Rotterdam' into a small namesake town
        rivals = [x for x in scored if _famous(x[1], x[2], settings)]
        if rivals:
            best = max(rivals, key=lambda x: _entry_prior(x[1]))
    return best[1], best[0], second


def _qualifier_hints(doc: Doc, cands: list[_Cand], settings: Settings) -> None:
    """'Springfield, Ill.', 'Spokane, Washington' and 'Tripoli, Lebanon': the qualifier picks the
    state or country of the name before it, and is itself that state or country."""
    by_start = {c.start: c for c in cands}
    for c in cands:
        q = by_start.get(c.end + 1)
        if q is None or doc[c.end].text != ",":
            continue
        after = q.end + 1 if q.end < len(doc) and doc[q.end].lower_ in (",", "and", "or") else None
        if after is not None and after in by_start:
            continue  # 'Moscow, Washington and Brussels' is a list, not a town and its state
        pairs = [(qe, qm, ce, cm) for qe, qm in q.hits if qe.kind in ("admin1", "country") and qe.country
                 for ce, cm in c.hits if ce.kind not in ("country", "continent") and ce.country == qe.country
                 and (qe.kind == "country" or ce.admin1 == qe.admin1)]
        if not pairs:
            continue
        top = max(pairs, key=lambda x: (x[0].kind == "country", _entry_prior(x[2])))[0]
        if not any(e.kind == "city" and m and e.population >= settings.place_min_population_famous
                   and (e.country, e.admin1) == (top.country, top.admin1) for e, m in q.hits):
            q.hits = [(e, m) for e, m in q.hits if e == top]  # ... but 'Rego Park, New York' may be the city
        if top.kind == "admin1":
            c.hits = [(e, m) for e, m in c.hits if (e.country, e.admin1) == (top.country, top.admin1)]
        else:
            c.hits = [(e, m) for e, m in c.hits if e.country == top.country]


def extract_places(doc: Doc, settings: Settings = DEFAULT) -> tuple[Place, ...]:
    """Resolved places mentioned in the article, one record per mention."""
    cands, spare, taken = _candidates(doc, settings)
    _qualifier_hints(doc, cands, settings)
    countries: Counter = Counter()
    admin1s: Counter = Counter()
    local: Counter = Counter()  # votes from places below the country and its capital
    # first pass: what the article is about, from names that resolve without context
    first = []
    for c in cands:
        e, s, second = _best(c, Counter(), Counter(), settings)
        first.append(e)
        if e.country and (s - second >= 1.0 or e.kind == "country"):
            countries[e.country] += 1
            if e.admin1 and e.kind != "country":
                admin1s[(e.country, e.admin1)] += 1
            if e.kind not in ("country", "continent") and not e.capital:
                local[e.country] += 1
    for ent in doc.ents:
        if ent.label_ == "NORP":
            cc = country_of_demonym(ent.text)
            if cc:
                countries[cc] += 1
    rescued = _rescue(doc, spare, countries, settings)
    if rescued:
        for c in rescued:
            e, _, _ = _best(c, Counter(), Counter(), settings)
            first.append(e)
        cands = cands + rescued
        taken.update(i for c in rescued for i in range(c.start, c.end))
    places = []
    lead, lead_votes = countries.most_common(1)[0] if countries else (None, 0)
    for c, e0 in zip(cands, first):
        own = (e0.country, e0.admin1) if e0.country else None
        e, _, _ = _best(c, countries, admin1s, settings, own, local)
        if lead and lead_votes >= settings.place_unresolved_min_votes and e.country != lead \
                and e.kind in ("city", "town") and e.population < settings.place_small_town_population \
                and countries[e.country] - (1 if own and own[0] == e.country else 0) <= 0 and not c.country:
            # a small namesake town abroad, in an article about one country ('Banjska' in a Kosovo
            # story is not the Bulgarian village): the article's country, without coordinates
            text = _text(doc, c.start, c.end)
            places.append(Place(name=text, start=doc[c.start].idx, end=doc[c.start].idx + len(text), text=text,
                                country=lead, kind="unresolved", source="context"))
            continue
        places.append(_place(doc, c.start, c.end, e))
    if settings.places_emit_unresolved:
        places.extend(_unresolved(doc, taken, places, countries, settings))
    if settings.places_include_demonyms:
        places.extend(_demonym_places(doc))
    places.sort(key=lambda p: p.start)
    return tuple(places)


def _place(doc: Doc, start: int, end: int, e: Entry) -> Place:
    text = _text(doc, start, end)
    return Place(name=text, start=doc[start].idx, end=doc[start].idx + len(text), text=text, country=e.country,
                 admin1=e.admin1, lat=e.lat, lon=e.lon, kind=e.kind, geonameid=e.geonameid,
                 population=e.population or None, source=e.source)


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


def unique_places(places: tuple[Place, ...] | list[Place], by: str = "referent") -> tuple[Place, ...]:
    """One mention of each distinct place, in order of first mention: by referent (default, so 'US'
    and 'America' are one place, named as the article names it most often, first mention on ties)
    or by name as written (by='name')."""
    groups: dict = {}
    for p in places:
        if by == "name":
            k = key(p.name)
        else:
            k = p.geonameid or (p.source, p.country, p.kind, p.lat, p.lon, None if p.lat is not None else key(p.name))
        groups.setdefault(k, []).append(p)
    out = []
    for group in groups.values():
        counts = Counter(key(p.name) for p in group)
        top = max(counts.values())
        best = [p for p in group if counts[key(p.name)] == top]
        # a dateline's "ERBIL" is the same name as "Erbil": show the form the prose uses
        out.append((group[0].start, next((p for p in best if not p.name.isupper() or len(p.name) <= 4), best[0])))
    return tuple(p for _, p in sorted(out, key=lambda x: x[0]))
