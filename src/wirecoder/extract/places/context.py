"""What the words around a name say about it: a place cue ('the town of X', 'near X'), a kind
('X province'), a country ('the Lebanese city of X'), or that it is part of a longer name, a person's
name or the outlet's."""
from __future__ import annotations

from spacy.tokens import Doc, Span

from wirecoder.extract.places.gazetteer import key, variants
from wirecoder.extract.places.kinds import _famous
from wirecoder.extract.places.lexicon import (CUE_GAP, CUE_WINDOW, KIND_SUFFIXES, NAME_PART_KINDS, PARTICLES,
                                              PLACE_LABELS, STATE_CUES, WATER_WORDS, _cues, _demonyms,
                                              _media_words, _stopwords, country_of_demonym,
                                              country_of_host)
from wirecoder.extract.places.scan import _clean_bounds, _covering, _is_cap, _text
from wirecoder.records import Place
from wirecoder.settings import Settings


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


def _outlet_country(doc: Doc) -> str | None:
    """Country of the outlet's web address ('lfpress.ca' is Canadian): local news writes about its
    own country, so it counts as one mention of that country."""
    from urllib.parse import urlsplit

    art = doc._.wc_article
    if art is None:
        return None
    url = getattr(art, "url", None)
    host = urlsplit(url if "//" in url else "//" + url).hostname if url else None
    return country_of_host(host) or country_of_host(getattr(art, "outlet", None))


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


def _name_part(doc: Doc, start: int, end: int, hits, settings: Settings) -> bool:
    """The name is only part of a longer proper name: an outlet ('Indian Ocean Herald'), a street
    ('Dublin Road'), a body named
    after a continent ('US Africa Command'), or a region a modifier opens ('Middle Juba', 'North Kivu')
    that the gazetteer does not know, whose last word alone is another place."""
    cues = _cues()
    nxt = doc[end] if end < len(doc) else None
    if nxt is not None and not nxt.is_sent_start and _is_cap(nxt):
        if nxt.lower_ in _media_words():
            return True
        if nxt.lower_ in cues.get("street", ()) and all(e.kind == "city" for e, _ in hits):
            return True
        if any(e.kind in NAME_PART_KINDS for e, _ in hits) and nxt.pos_ == "PROPN" \
                and nxt.ent_type_ not in PLACE_LABELS | {"DATE", "TIME"}:
            return True
    prev = doc[start - 1] if start > 0 and not doc[start].is_sent_start else None
    if prev is not None and prev.lower_ == "of" and start >= 2 and _is_cap(doc[start - 2]) \
            and doc[start - 2].lower_ in WATER_WORDS:
        return True  # 'Gulf of California' is a sea, not the state it is named after
    if prev is not None and _is_cap(prev) and prev.lower_ in cues.get("modifier", ()):
        return not any(e.kind in ("country", "continent", "historical") or _famous(e, m, settings)
                       for e, m in hits)
    return False


def _identity(ent: Span) -> tuple:
    """What Span equality compares within one Doc: offsets, label, KB id and span id."""
    return (ent.start_char, ent.end_char, ent.label, ent.kb_id, ent.id)


def _person_names(doc: Doc) -> list[tuple[tuple, list[str]]]:
    """(identity, words but particles) of each PERSON entity written as a name of two words or more.

    Read once per Doc (in user_data, plain ints and strings): _vetoed needs them for every
    candidate, and Doc.ents builds a new Span for every entity on each read."""
    cached = doc.user_data.get("wc_person_names")
    if cached is None:
        cached = []
        for ent in doc.ents:
            if ent.label_ != "PERSON" or not _written_as_name(ent):
                continue
            words = [t.lower_ for t in ent if t.is_alpha and t.lower_ not in PARTICLES]
            if len(words) >= 2:
                cached.append((_identity(ent), words))
        doc.user_data["wc_person_names"] = cached
    return cached


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
    mine = _identity(own) if own is not None else None
    persons = {w for ident, words in _person_names(doc) if tuple(ident) != mine for w in words}  # (a list after to_bytes)
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


def _signal_word(doc: Doc, start: int) -> bool:
    return start > 0 and not doc[start].is_sent_start and doc[start - 1].lower_ in _cues().get("context", ())


def _place_before(doc: Doc, start: int, places: list[Place]) -> str | None:
    """Country of a resolved place just before a name ('Mogadishu's X district', 'the Tavush village of X')."""
    lo = doc[max(0, start - CUE_WINDOW - 2)].idx
    near = [p for p in places if lo <= p.start < doc[start].idx and p.country]
    if not near:
        return None
    # only a phrase joins them: a verb or another preposition between ('from China to the casino
    # near X') makes the name a place of its own
    between = [t for t in doc[max(0, start - CUE_WINDOW - 2):start] if t.idx >= near[-1].end]
    if any(t.pos_ in ("VERB", "AUX") or t.pos_ == "ADP" and t.lower_ != "of" for t in between):
        return None
    return near[-1].country
