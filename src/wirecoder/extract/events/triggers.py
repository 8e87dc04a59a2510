"""Triggers: which tokens instantiate an event-lexicon entry, and in which sense."""
from __future__ import annotations

from spacy.tokens import Token

from wirecoder.extract.events.arguments import SUBJ
from wirecoder.extract.events.lexicon import Lexicon, Trigger
from wirecoder.nlp.spans import entity_at


_PLACE_ENTS = {"GPE", "LOC", "FAC"}


_NAME_ENTS = {"ORG", "FAC", "WORK_OF_ART", "LAW", "EVENT", "PERSON", "PRODUCT"}


def _in_name(tok: Token) -> bool:
    """'Rapid Support Forces', 'Group to Support Islam': a capitalised word inside a longer name."""
    if not tok.text[:1].isupper() or tok.i == tok.sent.start or tok.ent_type_ not in _NAME_ENTS:
        return False
    ent = entity_at(tok.doc, tok.i)
    return ent is not None and len(ent) > 1


def _match(tok: Token, lex: Lexicon) -> Trigger | None:
    """The lexicon entry this token instantiates, if any."""
    words = lex.trigger_words  # most tokens are in no entry: two reads rule them out
    if tok.lower_ not in words and tok.lemma_.lower() not in words:
        return None
    if tok.dep_ in ("amod", "compound") and tok.pos_ in ("VERB", "ADJ"):
        return None  # "Iran-backed militias", "alleged gunmen", "allied forces": descriptions
    if tok.pos_ == "VERB" or tok.pos_ == "AUX" and tok.dep_ != "aux":
        table = lex.verbs
    elif tok.pos_ == "NOUN" and (tok.dep_ != "compound" or tok.head.lemma_.lower() in
                                            lex.word_set("event_heads")):
        table = lex.nouns  # "mediation effort", "protest march": the event noun in a compound
    else:
        return None
    cands = table.get(tok.lemma_.lower()) or table.get(tok.lower_)
    doc = tok.doc
    if table is lex.nouns and tok.i >= 2 and doc[tok.i - 1].text == "-" and not doc[tok.i - 2].whitespace_ \
            and not doc[tok.i - 1].whitespace_:  # "sit-in" parsed as sit / - / in
        cands = table.get(f"{doc[tok.i - 2].lower_}-{tok.lower_}") or cands
    if not cands:
        return None
    if _in_name(tok):  # (after the lexicon lookup, which rules out most tokens more cheaply)
        return None
    near = set()
    for c in tok.children:
        pobjs = [g for g in c.children if g.dep_ == "pobj"]
        if c.dep_ == "prep" and pobjs and all(g.ent_type_ in ("DATE", "TIME") for g in pobjs):
            continue  # "called ... on Tuesday" is no "call on"
        near |= {c.lower_, c.lemma_.lower(), "@" + c.dep_}
        if c.dep_ in ("prep", "prt", "dobj"):
            near |= {g.lower_ for g in c.children} | {g.lemma_.lower() for g in c.children}
    context = {t.lemma_.lower() for t in tok.subtree} | {t.lower_ for t in tok.subtree}
    head = tok.head
    context |= {head.lemma_.lower(), head.lower_}
    if head.dep_ == "prep":
        context.add(head.head.lemma_.lower())
        if tok.pos_ == "NOUN" and head.head.pos_ == "VERB":  # "set fire to homes in a raid": the clause's words
            context |= {c.lemma_.lower() for c in head.head.children}
    if tok.pos_ != "VERB" and head.pos_ == "VERB":  # "launched strikes": the verb's clause counts
        context |= {c.lemma_.lower() for c in head.children}
    # a place as object selects the territorial sense: "captured Lalibela" is no arrest, whatever its subject
    objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    places = doc._.wc_places or ()
    heads = [t for o in objs for t in (o, *(c for c in o.children if c.dep_ == "compound"))]
    if any(t.ent_type_ in _PLACE_ENTS or any(p.start <= t.idx < p.end for p in places) for t in heads):
        context.add("@place")
    for trig in sorted(cands, key=lambda t: "@place" not in t.requires or "@place" not in context):
        if trig.particle and not set(trig.particle.split()) <= near:
            continue
        if trig.requires and not trig.requires & (context | {w for w in near if w.startswith("@")}):
            continue
        if trig.not_requires & near:
            continue
        return trig
    return None


def _newsroom(tok: Token, kind: str, lex: Lexicon) -> bool:
    """A source's exchange with the reporter: a refusal to disclose, or a request for anonymity."""
    if kind == "REQUEST":
        return any(t.lemma_.lower() in lex.word_set("anonymity_words") or t.lower_ in lex.word_set("anonymity_words")
                   for c in tok.children if c.dep_ not in SUBJ for t in c.subtree)
    if kind != "REJECT":
        return False
    for c in tok.children:
        if c.dep_ != "xcomp":
            continue
        if lex.lemma(c) in lex.word_set("disclosure_verbs"):
            return True
        if any(o.dep_ == "dobj" and o.lemma_.lower() in lex.word_set("disclosed_things") for o in c.children):
            return True
    return False
