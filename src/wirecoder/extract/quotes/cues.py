"""From a quoted span to the speech cue that governs it, and from a content noun to its author."""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from wirecoder.extract.actors import ActorIndex
from wirecoder.extract.quotes.found import inside
from wirecoder.extract.speakers import Speaker, is_speech_verb, lexicon, resolve_phrase, subject_of


def noun_cue_speaker(noun: Token, actors: ActorIndex) -> Speaker | None:
    """Speaker of a content noun: 'Baghdad's assertion', 'a statement by X', 'X issued a statement'."""
    for child in noun.children:
        if child.dep_ == "poss":
            return resolve_phrase(child, actors)
        if child.dep_ == "prep" and child.lower_ in ("by", "from"):
            for g in child.children:
                if g.dep_ == "pobj":
                    return resolve_phrase(g, actors)
    if noun.dep_ in ("dobj",) and noun.head.pos_ == "VERB":
        subj = subject_of(noun.head)
        if subj is not None:
            return resolve_phrase(subj, actors)
    if noun.dep_ == "pobj" and noun.head.head.pos_ in ("VERB", "NOUN"):
        head = noun.head.head
        if head.lemma_.lower() in lexicon()["content_nouns"]:
            return noun_cue_speaker(head, actors)
    return None


def _frames(outer: Token, inner: Token) -> bool:
    """True when `inner` sits in the reported clause of `outer` (its ccomp), not in a clause
    coordinated with it or hanging from its subject."""
    tok = inner  # (spaCy makes a new Token object on every access: compare positions)
    while tok.head.i != outer.i and tok.head.i != tok.i:
        if tok.dep_ not in ("ccomp", "xcomp", "conj", "advcl"):
            return False  # "…, a move X described as “provocation”": X's own words
        tok = tok.head
    return tok.head.i == outer.i and tok.dep_ in ("ccomp", "parataxis")


def climb_to_cue(span: Span) -> Token | None:
    """The speech verb or content noun that governs a quoted span in the parse.

    A content noun counts when the quote hangs from it as a clause ('the warning that …'); a
    quote reached through 'as' ('dismissed the remarks as “empty talk”') is the verdict of the
    verb above, whose subject speaks."""
    lex = lexicon()
    roots = [t for t in span if t.head.i < span.start or t.head.i >= span.end]
    for root in roots:
        tok, steps, via_as = root.head, 0, root.lower_ == "as"
        while steps < 8 and not (span.start <= tok.i < span.end):
            if tok.lower_ == "as" and tok.dep_ == "prep":
                via_as = True
            if is_speech_verb(tok):
                # "X promised to send officers “soon”, the presidency said": the outer frame speaks
                outer = [a for a in tok.ancestors if is_speech_verb(a) and _frames(a, tok)]
                return outer[-1] if outer else tok
            if via_as and tok.pos_ == "VERB":
                return tok
            if tok.lemma_.lower() in lex["content_nouns"] and tok.pos_ == "NOUN" and not via_as:
                return tok
            if tok.head.i == tok.i:
                break
            tok, steps = tok.head, steps + 1
    return None


def cue_in(tokens, quoted: list[tuple[int, int]], prefer_last: bool = False) -> Token | None:
    """The first (or last) speech verb among the tokens that is outside quoted text and not framed by another."""
    cands = [t for t in tokens if is_speech_verb(t) and not inside(t.idx, quoted)]
    # "he emphasized that his government would continue": the outer verb is the cue
    cands = [t for t in cands if not any(o is not t and t in o.subtree and t.dep_ in ("ccomp", "xcomp")
                                         for o in cands)] or cands
    if not cands:
        return None
    return cands[-1] if prefer_last else cands[0]


def between_subject(doc: Doc, quote_end: int, cue: Token) -> Token | None:
    """'“…,” a resident reached by phone said': the noun phrase between the quote and its cue,
    when the parser gave the cue no subject."""
    span = [t for t in doc[max(cue.i - 12, 0):cue.i] if t.idx >= quote_end and not t.is_punct]
    if not span or any(t.pos_ in ("AUX",) or t.dep_ == "ROOT" for t in span):
        return None
    lo, hi = span[0].i, span[-1].i
    heads = [t for t in span if t.pos_ in ("NOUN", "PROPN") and not lo <= t.head.i <= hi]
    return heads[0] if heads else None


def credible(speaker: Speaker, tok: Token) -> bool:
    """Only people, named actors, sources and bodies that speak report speech ('recent events
    suggest' is not a quote)."""
    if speaker.pronoun or speaker.anonymous or speaker.person:
        return True
    if tok.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
        return True
    if tok.pos_ not in ("NOUN", "PROPN"):
        return False
    if tok.ent_type_ in ("TIME", "DATE") or tok.like_num:
        return False  # a live blog's time stamp ('9:05 am — The coast guard says …') is no one
    return tok.lemma_.lower() not in lexicon()["non_speakers"] and tok.lower_ not in lexicon()["non_speakers"]
