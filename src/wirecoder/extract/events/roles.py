"""Clause-level helpers for arguments: modes, clauses, speakers, places of statements, owners."""
from __future__ import annotations

from spacy.tokens import Token

from wirecoder.extract.events.arguments import phrase_tokens, SUBJ
from wirecoder.extract.events.lexicon import Lexicon, Trigger


def _mode(tok: Token, trig: Trigger, scope: list[Token], lex: Lexicon) -> str | None:
    if trig.mode:
        return trig.mode
    near = sorted(scope, key=lambda t: abs(t.i - tok.i))
    for t in near:
        mode = lex.modifiers.get(t.lemma_.lower()) or lex.modifiers.get(t.lower_)
        if mode:
            return mode
    return None


def _clause(tok: Token) -> list[Token]:
    """The tokens of the clause around a trigger: the nearest verb's subtree."""
    node = tok
    for _ in range(4):
        if node.pos_ in ("VERB", "AUX") or node.dep_ == "ROOT" or node.head.i == node.i:
            break
        node = node.head
    return sorted(node.subtree, key=lambda t: t.i)


def _target_place(t_tok: Token | None, places, lex: Lexicon):
    """A target that is itself a place ("the Al-Harir airbase") locates the event."""
    if t_tok is None or t_tok.pos_ == "PRON":
        return None
    toks = phrase_tokens(t_tok)
    lo, hi = toks[0].idx, toks[-1].idx + len(toks[-1].text)
    return next((p for p in places if lo <= p.start and p.end <= hi), None)


def _speaker(tok: Token, lex: Lexicon) -> Token | None:
    """The subject of the speech verb a clause is reported under ("X said the US would respond")."""
    node, speech = tok, lex.word_set("speech_verbs")
    for _ in range(6):
        if node.head.i == node.i:
            return None
        if node.dep_ in ("ccomp", "parataxis") and node.head.lemma_.lower() in speech:
            return next((c for c in node.head.children if c.dep_ == "nsubj"), None)
        node = node.head
    return None


def _said_at(tok: Token, places, lex: Lexicon):
    """A place in a locative phrase attached to the statement verb itself ("In Kyiv, he said")."""
    preps = lex.word_set("location_preps") - {"on", "into"}
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in preps:
            for pobj in (g for g in c.children if g.dep_ == "pobj"):
                lo, hi = pobj.left_edge.idx, pobj.right_edge.idx + len(pobj.right_edge.text)
                p = next((p for p in places if lo <= p.start and p.end <= hi
                          and not any(r.dep_ in ("relcl", "acl") for r in pobj.children)), None)
                if p is not None:
                    return p
    return None


def _denial_speaker(tok: Token, triggers: dict, lex: Lexicon) -> Token | None:
    """The subject of a denial whose own account ("..., saying X had attacked") tells this event."""
    node = tok
    for _ in range(3):
        if node.dep_ not in ("ccomp", "conj") or node.head.i == node.i:
            return None
        node = node.head
        if node.lemma_.lower() in lex.word_set("speech_verbs") and node.dep_ in ("advcl", "conj"):
            deny = node.head
            trig = triggers.get(deny.i)
            if trig is not None and trig.type == "REJECT":
                return next((c for c in deny.children if c.dep_ in SUBJ), None)
            return None
    return None


def _quote_at(tok: Token):
    """The direct quote a token stands in, if any."""
    return next((q for q in (tok.doc._.wc_quotes or ()) if q.kind == "direct" and q.start <= tok.idx < q.end), None)


def _held_by(t_tok: Token | None) -> Token | None:
    """'every neighbourhood taken by the gangs': the party that holds what is to be retaken."""
    for c in (t_tok.children if t_tok is not None else ()):
        if c.dep_ == "acl":
            agent = next((g for g in c.children if g.dep_ == "agent"), None)
            pobj = next((g for g in agent.children if g.dep_ == "pobj"), None) if agent is not None else None
            if pobj is not None:
                return pobj
    return None


def _numeric(tok: Token) -> bool:
    return tok.pos_ == "NUM" or tok.like_num


def _abstract_owner(tok: Token) -> Token | None:
    """The party behind an abstract object ("the president's remarks" -> president), else none."""
    for c in tok.children:
        if c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN"):
            return c
        if c.dep_ == "prep" and c.lower_ in ("by", "from"):
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
    return None
