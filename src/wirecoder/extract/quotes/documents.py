"""Documents are never speakers: 'the statement said' is resolved to whoever issued the statement.

The issuer is read, in order, from the document's own phrase ("X's press release", "a statement
by X", "a Centcom statement"), from the clause it sits in ("X said in a statement", "X issued a
statement"), and from the last document whose issuer the article named before. When none is
found the quote keeps no speaker: a wrong name is worse than none."""
from __future__ import annotations

from spacy.tokens import Doc, Token

from wirecoder.extract.actors import ORG_WORDS, ActorIndex
from wirecoder.extract.quotes.found import inside
from wirecoder.extract.speakers import Speaker, lexicon, resolve_phrase, subject_of

_CLIMB = 4  # prepositions and nouns between a document and the verb it hangs from ('by means of a communiqué')
_ISSUERS = {"person", "organization", "group", "state"}  # actor kinds that issue documents (not places)
# head nouns of an institution the actor index may not hold ("the armed forces general staff said in a
# statement", "Ecuador's presidency … in a statement"): such a subject issues documents too
_BODY_HEADS = ORG_WORDS | {"staff", "presidency", "secretariat", "headquarters", "cabinet", "administration"}


def is_document(tok: Token) -> bool:
    """True for a noun that names a document ('statement', 'press release', 'communiqué')."""
    return tok.pos_ in ("NOUN", "PROPN") and tok.lemma_.lower() in lexicon()["document_nouns"]


def _named(sp: Speaker | None) -> Speaker | None:
    """The speaker when it names someone who can issue a document (not another document)."""
    return sp if sp is not None and sp.name and not sp.document else None


def _modifier_issuer(noun: Token, actors: ActorIndex) -> Speaker | None:
    """'a Centcom statement', 'a Defence Ministry press release': a named modifier is the issuer."""
    skip = lexicon()["document_modifiers"]
    mods = [t for t in noun.lefts if t.dep_ in ("compound", "amod", "nmod", "npadvmod")
            and t.lower_ not in skip and not is_document(t)]
    for mod in reversed(mods):
        name = actors.at(mod.idx, mod.idx + len(mod.text))
        if name:
            return Speaker(name, mod.text, person=actors.kind_of(name) == "person", start=mod.idx)
        if mod.pos_ == "PROPN" or mod.ent_type_ in ("ORG", "GPE", "NORP", "PERSON"):
            words = " ".join(t.text for t in mod.subtree if not is_document(t))
            return Speaker(actors.canonical(words) or words, words, start=mod.idx)
    return None


def _phrase_issuer(noun: Token, actors: ActorIndex) -> Speaker | None:
    """The issuer named in the document's own phrase: possessor, 'by'/'from'/'of' object, modifier."""
    for child in noun.children:
        if child.dep_ == "poss" and child.lower_ not in ("its", "their", "his", "her"):
            return _named(resolve_phrase(child, actors))
        if child.dep_ in ("prep", "agent") and child.lower_ in ("by", "from", "of"):
            pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
            if pobj is not None and not is_document(pobj):
                return _named(resolve_phrase(pobj, actors))
    return _modifier_issuer(noun, actors)


def _clause_issuer(noun: Token, actors: ActorIndex) -> Speaker | None:
    """'X said in a statement', 'X issued a statement', 'informed X by means of a communiqué': the
    subject of the verb the document hangs from."""
    tok = noun
    for _ in range(_CLIMB):
        head = tok.head
        if head.i == tok.i or head.lower_ == "according":
            return None  # 'according to the statement': the document is the source, not an issuer's frame
        if head.pos_ in ("VERB", "AUX"):
            if tok.dep_ in ("nsubj", "nsubjpass"):
                return None  # the document is itself the subject: no issuer in this clause
            if tok.dep_ == "dobj" and head.lemma_.lower() not in lexicon()["issue_verbs"]:
                return None  # "X denied the report": X is not its author
            subj = subject_of(head)
            found = _named(resolve_phrase(subj, actors)) if subj is not None and subj.i != noun.i else None
            # only a known actor or a source issues documents ('soldiers died, informed X by a communiqué'
            # is a parse that made the victims the subject)
            return found if found is not None and (_ISSUERS.intersection({actors.kind_of(found.name)}) or found.anonymous
                                                   or subj.lemma_.lower() in _BODY_HEADS) else None
        tok = head
    return None


def issuer_of(noun: Token, actors: ActorIndex) -> Speaker | None:
    """Who issued the document a noun names, from its phrase or its clause; None when not named there."""
    return _phrase_issuer(noun, actors) or _clause_issuer(noun, actors)


def last_issuer(doc: Doc, before: int, actors: ActorIndex, quoted: list[tuple[int, int]]) -> Speaker | None:
    """The issuer of the last document the article names, with its issuer, before a character offset."""
    for tok in reversed(doc):
        if tok.idx < before and is_document(tok) and not inside(tok.idx, quoted):
            found = issuer_of(tok, actors)
            if found is not None:
                return found
    return None


def resolve_document(doc: Doc, sp: Speaker, last_body: Speaker | None, actors: ActorIndex,
                     quoted: list[tuple[int, int]]) -> Speaker:
    """A document speaker replaced by its issuer (phrase, clause; for an official communication also the
    last issuer or the last body that spoke), or by nobody."""
    span = doc.char_span(sp.start, sp.start + 1, alignment_mode="expand") if sp.start is not None else None
    noun = span[0] if span is not None and len(span) else None
    found = issuer_of(noun, actors) if noun is not None else None
    # only an official communication takes its issuer from earlier sentences (not a study or a book)
    issued = noun is not None and noun.lemma_.lower() in lexicon()["issued_documents"]
    if found is None and issued:
        found = last_issuer(doc, sp.start, actors, quoted)
    if found is None and issued and last_body is not None and actors.kind_of(last_body.name) in _ISSUERS:
        found = last_body  # "The ministry said … The statement also said …"
    if found is None:
        return Speaker(None, sp.text, document=True)  # no issuer named: nobody, and no guess either
    return Speaker(found.name, sp.text, anonymous=found.anonymous, source_type=found.source_type,
                   person=found.person, start=found.start)
