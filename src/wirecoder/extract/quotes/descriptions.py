"""Definite descriptions as speakers: 'the command said' after 'AFRICOM, the U.S. military command'
is AFRICOM; 'the ministry said' after 'Somalia's Ministry of Defence' is that ministry."""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from wirecoder.extract.actors import ActorIndex
from wirecoder.extract.speakers import Speaker, lexicon

_BODIES = ("organization", "group", "state")  # actor kinds a description of a body can refer to
_APPOSITIVE_REACH = 10  # tokens after a name read for 'X, the U.S. military command for …'


def _description_head(doc: Doc, sp: Speaker):
    """The head noun of a speaker phrase that is 'the' + a common noun, else None."""
    if sp.start is None or not sp.text or not sp.text.lower().startswith("the "):
        return None
    span = doc.char_span(sp.start, sp.start + len(sp.text), alignment_mode="expand")
    if span is None:
        return None
    head = span.root
    lex = lexicon()
    if head.pos_ != "NOUN" or head.tag_ in ("NNS",) or head.lemma_.lower() in lex["source_nouns"] \
            or head.lemma_.lower() in lex["document_nouns"]:
        return None
    if any(t.pos_ == "PROPN" or t.ent_type_ for t in span):
        return None  # a named phrase is not a bare description
    return head


def _describes(doc: Doc, mention: Span, names: tuple[str, ...], lemma: str) -> bool:
    """True when the actor's names or the appositive after this mention hold the description's noun
    (or a word the lexicon lets it stand for: 'the agency' for a 'Programme')."""
    words = {lemma} | set(lexicon()["description_words"].get(lemma, ()))
    if any(words & set(re.findall(r"[a-z]+", n.lower())) for n in names):
        return True
    if mention.end < len(doc) and doc[mention.end].text == ",":
        after = doc[mention.end + 1:min(len(doc), mention.end + 1 + _APPOSITIVE_REACH)]
        return any(t.lemma_.lower() == lemma for t in after)
    return False


def resolve_description(doc: Doc, sp: Speaker, actors: ActorIndex) -> Speaker | None:
    """The named body a definite description as speaker refers back to (nearest before), else None."""
    if sp.person or sp.anonymous or sp.pronoun or sp.document or actors.kind_of(sp.name):
        return None
    head = _description_head(doc, sp)
    if head is None:
        return None
    lemma = head.lemma_.lower()
    best = None
    for a in actors.actors:
        if a.kind not in _BODIES:
            continue
        for m in a.mentions:
            if m.end > sp.start or (best is not None and m.start < best[0]):
                continue
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is not None and _describes(doc, span, (a.name, *a.aliases), lemma):
                best = (m.start, a)
    if best is None:
        return None
    return Speaker(best[1].name, sp.text, start=sp.start)
