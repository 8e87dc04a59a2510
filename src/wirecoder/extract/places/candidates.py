"""Candidate toponyms: the model's place entities, a dateline, and gazetteer matches over runs of
capitalised words, each kept or rejected by the words around it. A name the model did not tag as a
place must pass stricter checks; rejected names with entries are kept aside for `rescue`."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc

from wirecoder.extract.places.context import (_cue, _demonym_before, _hint_after, _name_part, _outlet_keys,
                                              _person_words, _signal, _vetoed)
from wirecoder.extract.places.gazetteer import Entry, key, variants
from wirecoder.extract.places.kinds import _curated, _notable, _strong
from wirecoder.extract.places.lexicon import (KIND_SUFFIXES, NAME_PART_KINDS, PARTICLES, PLACE_LABELS, STATE_CUES,
                                              _common_words, _demonyms, _media_words, _stopwords)
from wirecoder.extract.places.scan import (_article_only, _clean_bounds, _covering, _dateline, _is_cap, _lookup,
                                           _scan, _text)
from wirecoder.settings import Settings


@dataclass
class _Cand:
    start: int  # token bounds of the name itself
    end: int
    hits: list[tuple[Entry, bool]]
    ner: bool  # the model labelled it a place
    hint: str | None = None  # kind the text asks for
    country: str | None = None  # country the text names for it ('the Lebanese city of X')
    near: frozenset = frozenset()  # (country, admin1) of the states named close by in its sentence
    close: frozenset = frozenset()  # geonameids of its towns that lie near a town another name may be


class _Finder:
    """The candidates of one document, and the article's words that rule names out."""

    def __init__(self, doc: Doc, settings: Settings) -> None:
        self.doc, self.settings = doc, settings
        self.stop, self.persons, self.outlets = _stopwords(), _person_words(doc), _outlet_keys(doc)
        self.common, self.media, self.demonyms = _common_words(settings), _media_words(), _demonyms()
        self.taken: set[int] = set()
        self.cands: list[_Cand] = []
        self.spare: list[tuple[int, int, list, bool]] = []  # rejected with entries: context may rescue them

    def add(self, start: int, end: int, hits, ner: bool) -> None:
        """Keep a name, with the kind and country its neighbours ask for."""
        doc = self.doc
        hint, hint_end = _hint_after(doc, end)
        if hint_end > end:  # "Hasakah province" names the governorate, listed under that form
            hits = hits + [h for h in _lookup(doc, start, hint_end) if h not in hits]
        if start >= 3 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in STATE_CUES:
            hint = "admin1"
        surface = _text(doc, start, end)
        if surface.replace(".", "").isupper() and len(surface) <= 5 and any(e.kind == "country" for e, _ in hits):
            # "US", "UK", "DRC": a country's code, never a town that happens to share the letters
            hits = [h for h in hits if h[0].kind == "country"]
        self.cands.append(_Cand(start, end, hits, ner, hint, _demonym_before(doc, start)))
        self.taken.update(range(start, end))

    def _foreign(self, start: int, end: int, hits) -> bool:
        """Names no place reading survives: the outlet, a demonym, a part of a longer name, a short word."""
        doc, k = self.doc, key(_text(self.doc, start, end))
        if k in self.outlets or k in self.demonyms and not any(e.kind == "country" for e, _ in hits):
            return True
        ent = _covering(doc, start, end)
        if ent is not None and key(ent.text) in self.outlets:  # inside the outlet's own name ("The Cradle's")
            return True
        surface = _text(doc, start, end)
        letters = [c for c in surface if c.isalpha()]
        if len(letters) < 2 or _name_part(doc, start, end, hits, self.settings):
            return True
        # 'Us', 'Ga' ... short names only in capitals ('US', 'UK') or abbreviated ('Pa.')
        return len(letters) <= 3 and not all(c.isupper() for c in letters) and not surface.endswith(".")

    def rejected(self, start: int, end: int, ner: bool, hits) -> bool:
        """The name is not a place here."""
        if self._foreign(start, end, hits):
            return True
        settings, k = self.settings, key(_text(self.doc, start, end))
        words = [t.lower_ for t in self.doc[start:end] if t.is_alpha and t.lower_ not in PARTICLES]
        ordinary = all(w in self.common or w in self.stop for w in words) and not _curated(hits)
        # a word of a person's full name elsewhere in the article ('Hawa Adam' ... 'Adam')
        personal = (any(v in self.persons for v in variants(k))
                    and not _strong(hits, settings.place_min_population_person_word))
        if ner:
            # 'Valley', 'North' tagged as a place: plain words need a notable referent
            return personal or (end - start == 1 and ordinary
                                and not _strong(hits, settings.place_min_population_person_word))
        return self._unlabelled_rejected(start, end, hits, k, ordinary, personal)

    def _inside_longer_name(self, start: int, end: int, hits, ent) -> bool:
        """A name inside a longer entity that is not a place ('Imam Ali Brigades')."""
        doc = self.doc
        nxt = doc[end] if end < len(doc) else None
        possessive = nxt is not None and nxt.tag_ == "POS" and ent.start == start  # "West Asia's Axis"
        if ent.label_ in ("PERSON", "NORP"):
            return True
        if ent.label_ == "ORG" and any(e.kind in NAME_PART_KINDS for e, _ in hits):
            return True  # 'Islamic State West Africa Province': a country may modify an ORG, a continent not
        # inside a longer name: only notable places, never in a media title
        return not possessive and (not _notable(hits, self.settings) or doc[ent.end - 1].lower_ in self.media)

    def _unlabelled_rejected(self, start: int, end: int, hits, k: str, ordinary: bool, personal: bool) -> bool:
        """Stricter checks for a name the model did not tag as a place."""
        doc, settings = self.doc, self.settings
        single = end - start == 1
        surface = _text(doc, start, end)
        letters = [c for c in surface if c.isalpha()]
        ent = _covering(doc, start, end)
        exact = ent is not None and (ent.start, ent.end) == (start, end)
        if ent is not None and not exact and self._inside_longer_name(start, end, hits, ent):
            return True
        if personal or single and (k in self.stop or k in self.persons):
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
        return single and exact and ent.label_ == "PERSON" and not _notable(hits, settings)

    def from_dateline(self) -> None:
        """The dateline names where the report was filed, whatever the model made of it."""
        line = _dateline(self.doc)
        hits = _lookup(self.doc, *line) if line is not None else None
        if hits:
            self.add(line[0], line[1], hits, True)

    def from_entities(self, scanned) -> set[tuple[int, int]]:
        """The model's place entities; returns the longer gazetteer names that hold one."""
        doc, deferred = self.doc, set()
        for ent in doc.ents:
            if ent.label_ not in PLACE_LABELS:
                continue
            s, e = _clean_bounds(doc, ent.start, ent.end)
            if e - s > 1 and doc[e - 1].lower_ in KIND_SUFFIXES and not _is_cap(doc[e - 1]):
                e -= 1  # 'Paktika province' names Paktika; the kind word is a hint read after it
            if self.taken.intersection(range(s, e)):
                continue
            longer = [(a, b) for a, b, _ in scanned
                      if a <= s and b >= e and b - a > e - s and not _article_only(doc, a, s)]
            if longer:  # a longer gazetteer name holds it ('Port Sudan' where the model saw 'Sudan')
                deferred.update(longer)
                continue
            hits = _lookup(doc, s, e)
            if not hits:
                continue  # sub-spans may still match in the scan
            if ent.label_ == "FAC" and not _strong(hits, self.settings.place_min_population_unlabelled):
                continue
            if not self.rejected(s, e, True, hits):
                self.add(s, e, hits, True)
            else:
                self.taken.update(range(s, e))
                self.spare.append((s, e, hits, True))
        return deferred

    def from_scan(self, scanned, deferred: set[tuple[int, int]]) -> None:
        """Gazetteer matches the entities did not cover."""
        doc = self.doc
        for s, e, hits in scanned:
            if self.taken.intersection(range(s, e)):
                continue
            ent = _covering(doc, s, e)
            ner = ent is not None and ent.label_ in ("GPE", "LOC") and _clean_bounds(doc, ent.start, ent.end) == (s, e)
            ner = ner or (s, e) in deferred
            if not self.rejected(s, e, ner, hits):
                self.add(s, e, hits, ner)
            else:
                self.spare.append((s, e, hits, ner))


def _candidates(doc: Doc, settings: Settings) -> tuple[list[_Cand], list, set[int]]:
    """Kept candidates in text order, the rejected ones with entries, and the tokens they cover."""
    finder = _Finder(doc, settings)
    scanned = _scan(doc)
    finder.from_dateline()
    deferred = finder.from_entities(scanned)
    finder.from_scan(scanned, deferred)
    return sorted(finder.cands, key=lambda c: c.start), finder.spare, finder.taken


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

