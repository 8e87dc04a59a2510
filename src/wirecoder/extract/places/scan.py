"""Finding names in the text: gazetteer matches over runs of capitalised words, a dateline's city,
and token-span helpers shared by the other place modules."""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from wirecoder.extract.places.gazetteer import Entry, get_gazetteer
from wirecoder.extract.places.lexicon import ARABIC_ARTICLES, DATELINE_PARAGRAPHS, MAX_SCAN_TOKENS, PARTICLES
from wirecoder.nlp.components import DATELINE
from wirecoder.nlp.spans import covering_entity, doc_text, tokens_text


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
    if 0 <= start < end <= len(doc):
        return tokens_text(doc, start, end)  # a slice of the text joined once per Doc: no Span built
    return doc[start:end].text  # (negative or empty ranges keep the slicing rules of a Span)


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


def _article_only(doc: Doc, a: int, s: int) -> bool:
    """The tokens before s from a are only an article ('An' before 'Olmsted County', which the
    gazetteer reads as the Arabic 'an')."""
    return s - a == 1 and doc[a].lower_ in ARABIC_ARTICLES | {"the"}
