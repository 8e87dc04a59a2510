"""Who is speaking: from a cue word to the speaker phrase, and from the phrase to a canonical actor."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import yaml
from spacy.tokens import Doc, Span, Token

from wirecoder.extract.actors import ORG_WORDS, TITLE_WORDS, ActorIndex
from wirecoder.settings import data_path

PRONOUNS = {"he", "she", "him", "her", "they", "them", "it", "i", "we", "you", "who", "which", "that"}
SUBJECT_DEPS = ("nsubj", "nsubjpass")
_TRIM_DEPS = {"relcl", "acl", "advcl", "punct", "cc", "conj", "prep"}


@functools.lru_cache(maxsize=1)
def lexicon() -> dict:
    """The speech lexicon (data/speech.yaml) with lists turned into sets."""
    raw = yaml.safe_load(data_path("speech.yaml").read_text(encoding="utf-8"))
    out = {k: frozenset(v) for k, v in raw.items() if isinstance(v, list)}
    for key in ("source_types", "gender_words", "pronoun_gender", "description_words"):
        out[key] = {k: frozenset(v) for k, v in raw[key].items()}
    return out


@dataclass(frozen=True)
class Speaker:
    """A resolved speaker: canonical name (or phrase), the words in the text, and anonymity."""

    name: str | None
    text: str | None
    anonymous: bool = False
    source_type: str | None = None
    pronoun: bool = False
    person: bool = False
    start: int | None = None
    document: bool = False  # a document noun ('the statement') whose issuer is still to be found


def is_speech_verb(tok: Token) -> bool:
    """True for a verb that reports speech ('said', 'tells', 'insists')."""
    return tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in lexicon()["speech_verbs"]


def subject_of(verb: Token) -> Token | None:
    """The subject of a verb, climbing through xcomp/advcl/conj heads when it has none of its own."""
    seen = 0
    tok = verb
    while tok is not None and seen < 4:
        subjects = [c for c in tok.children if c.dep_ in SUBJECT_DEPS and c.tag_ not in ("WDT", "WP")
                    and not c.is_punct and c.lower_ not in ("that", "which")]
        if subjects:
            # "X (RDF) spokesman Ronald Rwivanga said": of two subjects the nearer one is the speaker
            return min(subjects, key=lambda c: abs(tok.i - c.i))
        for child in tok.children:
            if child.dep_ == "agent" and tok.tag_ == "VBN":
                for g in child.children:
                    if g.dep_ == "pobj":
                        return g
        if tok.lemma_.lower() in lexicon()["inverting_verbs"]:
            # '“…,” said James Acton, a physicist': the parse often makes the inverted subject an object
            # after the quote it governs ('“…,” declared the minister') the verb's first noun is its
            # subject even when unnamed: the clause before it is the speech, so no object is left
            after_quote = any(c.dep_ == "ccomp" and c.i < tok.i for c in tok.children)
            for child in tok.rights:
                if child.dep_ in ("dobj", "attr", "npadvmod", "dep", "oprd", "appos") and (
                        child.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or child.pos_ == "PROPN"
                        or (after_quote and child.pos_ == "NOUN")):
                    return child
        if tok.dep_ in ("xcomp", "advcl", "conj", "ccomp") and tok.head.i != tok.i:
            if tok.dep_ == "xcomp":  # "prompting him to call": the object of the governing verb speaks
                objs = [c for c in tok.head.children if c.dep_ in ("dobj",) and c.i < tok.i]
                if objs:
                    return objs[0]
            tok = tok.head
            seen += 1
            continue
        if tok.dep_ == "relcl" and tok.head.i != tok.i:
            return tok.head
        return None
    return None


def phrase_of(tok: Token) -> Span:
    """The noun phrase a speaker token heads, without relative clauses and trailing modifiers."""
    doc = tok.doc
    left = tok.left_edge.i
    right = tok.i
    for child in tok.rights:
        if child.dep_ in ("appos", "compound", "amod", "nummod", "flat", "case"):
            right = max(right, child.right_edge.i)
        elif child.dep_ == "prep" and child.lower_ in ("of", "from", "in", "at", "within", "for", "close", "with"):
            right = max(right, child.right_edge.i)
        elif child.dep_ in _TRIM_DEPS and not child.is_punct:
            break
    paren = next((t.i for t in doc[left:right + 1] if t.text == "("), None)
    if paren is not None and paren > left and paren < tok.i and doc[paren + 1].is_lower:
        left = paren + 1  # "Lt Gen (retd) Harcharan Mehta-Singh": the name follows the aside
        while left < tok.i and (doc[left].is_lower or doc[left].text == ")"):
            left += 1
    elif paren is not None and paren > left:  # "UN Support Mission in Libya (UNSMIL)": the acronym is an alias
        right = paren - 1
    while right > left and (doc[right].is_punct or doc[right].is_space):
        right -= 1
    while left < right and (doc[left].is_punct or doc[left].lower_ in ("however", "yet", "but", "and")):
        left += 1
    return doc[left:right + 1]


def _source_type(words: set[str]) -> str:
    for kind in ("security", "military", "diplomatic", "political"):
        if words & lexicon()["source_types"][kind]:
            return kind
    return "unspecified"


def _head_actor(tok: Token, phrase: Span, actors: ActorIndex) -> str | None:
    """The actor the phrase's head names: its own mention, an appositive's, or a compound's."""
    name = actors.at(tok.idx, tok.idx + len(tok.text))
    if name:
        return name
    for child in tok.children:
        if child.dep_ == "appos":
            for t in child.subtree:
                if t.ent_type_ == "PERSON" or t.dep_ == "appos" and t.head.i == child.i:
                    n = actors.at(t.idx, t.idx + len(t.text))
                    if n:
                        return n
            n = actors.at(child.idx, child.idx + len(child.text))
            if n:
                return n
    return None


def looks_like_person(name: str, kind: str | None) -> bool:
    """A name the model mislabelled that reads like a person's ('Yesid Carrascal'): two to four
    capitalised words, none an organisation word."""
    words = name.replace("-", " ").split()
    return kind in ("organization", "other", None) and 2 <= len(words) <= 4 \
        and all(w[:1].isupper() or w.lower() in ("al", "el", "bin", "ibn", "de") for w in words) \
        and not any(w.lower() in ORG_WORDS for w in words)


NAMING_LEMMAS = {"name", "identify", "call", "know"}  # "who gave his name only as Brian", "identified as X"


def _name_run(doc: Doc, i: int, stop: int) -> str | None:
    """The run of proper nouns that starts at token i (titles aside), as written."""
    while i < stop and (doc[i].pos_ != "PROPN" or doc[i].lower_.rstrip(".") in TITLE_WORDS):
        i += 1
    j = i
    while j < stop and (doc[j].pos_ == "PROPN" or doc[j].text == "-"):
        j += 1
    return doc[i:j].text if j > i else None


def _given_name(tok: Token, actors: ActorIndex) -> str | None:
    """A described source who is named right there: 'the spokesperson of the operation, Captain X'
    (a person's name in apposition) or 'a student who gave his name only as Brian'. A capitalised
    title ('the Commissioner for Information, Joyce Ramnap') is such a description too."""
    if tok.pos_ != "NOUN" and not (tok.pos_ == "PROPN" and tok.lower_ in TITLE_WORDS):
        return None
    doc = tok.doc
    for c in tok.rights:
        if c.dep_ == "appos" and c.pos_ == "PROPN" and c.ent_type_ == "PERSON":
            name = actors.at(c.idx, c.idx + len(c.text))
            return name if name and actors.kind_of(name) == "person" else _name_run(doc, c.left_edge.i, c.i + 1)
        if c.dep_ in ("relcl", "acl") and any(t.lemma_.lower() in NAMING_LEMMAS for t in c.subtree):
            cue = next(t for t in c.subtree if t.lemma_.lower() in NAMING_LEMMAS)
            run = _name_run(doc, cue.i + 1, c.right_edge.i + 1)
            if run and len(run.split()) <= 4:
                return run
    return _trailing_name(tok)


def _trailing_name(tok: Token) -> str | None:
    """'…, according to the spokesperson of the operation, Captain X Y.': the parser hangs the
    name on the verb; a person's name that closes the sentence right after the phrase is its name."""
    doc, sent = tok.doc, tok.sent
    comma = tok.right_edge.i + 1
    if comma >= sent.end - 1 or doc[comma].text != ",":
        return None
    end = sent.end - 1 if doc[sent.end - 1].is_punct else sent.end
    words = doc[comma + 1:end]
    if len(words) and all(t.pos_ == "PROPN" or t.text == "-" for t in words) and words[-1].ent_type_ == "PERSON":
        return _name_run(doc, comma + 1, end)
    return None


def _full_person(name: str, actors: ActorIndex) -> str:
    """'Dbeibah said' after 'Prime Minister Abdul Hamid Dbeibah': the model often tags a lone surname
    as a place or body, so a one-word non-person name that ends exactly one person's name is that
    person (who a later 'he said' then means)."""
    if " " in name or actors.kind_of(name) == "person":
        return name
    folded = name.lower()
    full = {a.name for a in actors.actors if a.kind == "person" and a.name.lower().split()[-1] == folded
            and " " in a.name}
    return full.pop() if len(full) == 1 else name


_INDEFINITE = {"a", "an", "one", "another"}  # determiners of a source the text does not identify


def _private_person(tok: Token, phrase: Span, text: str) -> Speaker | None:
    """'An employee of the terminal', 'a 45-year-old man', 'the wife of one of the detained men': an
    unnamed private person. Marked a person so that a later 'he said' means them rather than an
    earlier named speaker; introduced with 'a'/'one' the text does not identify them: anonymous."""
    if tok.pos_ != "NOUN" or tok.tag_ != "NN" or tok.lemma_.lower() not in lexicon()["person_nouns"]:
        return None
    if any(t.pos_ == "PROPN" and t.ent_type_ == "PERSON" for t in phrase):
        return None  # a named person inside the phrase is handled by the name rules
    words = {t.lower_ for t in tok.subtree}  # the subtree keeps the relative clause the phrase trims
    # 'the fighter, who asked not to be named': a withheld name makes even a definite one anonymous
    withheld = bool(words & {"anonymity", "anonymously", "anonymous"}) or (
        bool(words & {"named", "name", "identified"}) and bool(words & {"not", "declined", "declining"}))
    anonymous = phrase[0].lower_ in _INDEFINITE or withheld
    return Speaker(text, phrase.text, anonymous=anonymous, source_type="unspecified" if anonymous else None,
                   person=True, start=phrase.start_char)


def _untagged_name(tok: Token, phrase: Span, text: str, actors: ActorIndex) -> Speaker | None:
    """A person's name the actor index does not hold: a lone surname of a known person, or two to
    four capitalised words ('Yesid Carrascal'), each who a later 'he added' means."""
    # the small model tags a name right after a closing quote mark as a WORK_OF_ART (a title in quotes)
    if tok.pos_ != "PROPN" or tok.ent_type_ not in ("PERSON", "", "WORK_OF_ART"):
        return None
    words = [t for t in phrase if t.pos_ == "PROPN"]
    if tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].text == "," and any(c.dep_ == "appos" for c in tok.rights):
        # "Sammi Deen Baloch, a senior BYC leader, said": the name is the head's own run, not the
        # appositive's words ('BYC'), so it reads as a person's
        words = [t for t in tok.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"] + [tok]
        text = " ".join(t.text for t in words)
    if len(words) == 1 and _full_person(words[0].text, actors) != words[0].text:
        return Speaker(_full_person(words[0].text, actors), phrase.text, person=True, start=phrase.start_char)
    if 2 <= len(words) <= 4 and all(t.is_title for t in words) and not any(t.lower_ in ORG_WORDS for t in words):
        return Speaker(text, phrase.text, person=True, start=phrase.start_char)
    return None


def resolve_phrase(tok: Token, actors: ActorIndex) -> Speaker:
    """Speaker from the token that heads the subject of a speech cue."""
    phrase = phrase_of(tok)
    text = re.sub(r"^(?:the|a|an)\s+", "", phrase.text.strip(" ,"), flags=re.I)
    if tok.lower_ in PRONOUNS and tok.pos_ == "PRON":
        return Speaker(None, tok.text, pronoun=True, start=tok.idx)
    given = _given_name(tok, actors)
    if given is not None:
        return Speaker(given, phrase.text, person=True, start=phrase.start_char)
    name = _head_actor(tok, phrase, actors)
    if name and actors.kind_of(name) == "person":
        # "The gang leader most closely associated with X, Jimmy Chérizier, warned"
        return Speaker(name, phrase.text, person=True, start=phrase.start_char)
    if name is None and tok.dep_ == "appos":  # "Nino Beridze, a student who said …"
        name = actors.at(tok.head.idx, tok.head.idx + len(tok.head.text))
        if name and actors.kind_of(name) in ("person", "organization", "group"):
            return Speaker(name, tok.head.text, person=actors.kind_of(name) == "person", start=tok.head.idx)
    head_word = tok.lower_
    lex = lexicon()
    if name is None and tok.lemma_.lower() in lex["record_nouns"]:
        # "according to a tally by the Health Ministry": the record's author speaks
        # "an order issued by the state Home Department", "information collected by BRM volunteers"
        issued = [g for c in tok.children if c.dep_ in ("acl", "relcl") for g in c.children if g.dep_ == "agent"]
        for child in [c for c in tok.children if c.dep_ in ("prep", "agent")] + issued:
            if child.lower_ in ("by", "from", "of"):
                pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
                if pobj is not None and pobj.pos_ in ("PROPN", "NOUN"):
                    return resolve_phrase(pobj, actors)
    if name is None and tok.lemma_.lower() in lex["document_nouns"] and tok.pos_ in ("NOUN", "PROPN"):
        # a document never speaks: quotes/documents.py finds who issued it
        return Speaker(None, phrase.text, start=tok.idx, document=True)
    if name and head_word not in lex["source_nouns"]:
        name = _full_person(name, actors)
        kind = actors.kind_of(name)
        return Speaker(name, phrase.text, person=kind == "person" or looks_like_person(name, kind),
                       start=phrase.start_char)
    if head_word in lex["source_nouns"] or tok.lemma_.lower() in lex["source_nouns"]:
        has_person = any(t.ent_type_ == "PERSON" for t in phrase) and any(
            actors.kind_of(actors.at(t.idx, t.idx + len(t.text))) == "person" for t in phrase if t.ent_type_ == "PERSON")
        if not has_person:
            words = {t.lower_ for t in phrase}
            # a singular unnamed source ("a military spokesman") is who a later "he said" means
            singular = tok.tag_ in ("NN", "NNP") and head_word not in ("people", "media", "circles")
            return Speaker(text, phrase.text, anonymous=True, source_type=_source_type(words), start=phrase.start_char,
                           person=singular)
        for t in phrase:
            n = actors.at(t.idx, t.idx + len(t.text))
            if n and actors.kind_of(n) == "person":
                return Speaker(n, phrase.text, person=True, start=phrase.start_char)
    if name:
        return Speaker(name, phrase.text, person=actors.kind_of(name) == "person", start=phrase.start_char)
    untagged = _untagged_name(tok, phrase, text, actors)
    if untagged is not None:
        return untagged
    private = _private_person(tok, phrase, text)
    if private is not None:
        return private
    # an unnamed collective ("the Iraqi government", "the Trump campaign", "Scott's family"):
    # kept as written; the person named inside it is not who speaks
    if tok.pos_ in ("NOUN", "PROPN"):
        return Speaker(text, phrase.text, start=phrase.start_char)
    return Speaker(None, phrase.text, start=phrase.start_char)


def told_to(verb: Token, actors: ActorIndex) -> str | None:
    """The outlet or person a source spoke to: 'tells The Cradle', 'told Reuters', 'said to AFP'."""
    for child in verb.children:
        if child.dep_ in ("dobj", "dative", "iobj") and verb.lemma_ in ("tell", "inform", "brief"):
            return actors.at(child.idx, child.idx + len(child.text)) or phrase_of(child).text
        if child.dep_ in ("prep", "dative") and child.lower_ == "to":
            for g in child.children:
                if g.dep_ == "pobj":
                    return actors.at(g.idx, g.idx + len(g.text)) or phrase_of(g).text
    return None


def actor_subject_before(doc: Doc, verb: Token, actors: ActorIndex, exclude: list[tuple[int, int]]) -> Token | None:
    """When the parse gives a speech verb no subject, the nearest actor named before it in the
    sentence that is not a prepositional object, possessor or appositive."""
    sent = verb.sent
    best = None
    for a in actors.actors:
        if a.kind not in ("person", "organization", "group"):
            continue
        for m in a.mentions:
            if not (sent.start_char <= m.start and m.end <= verb.idx) or any(s <= m.start < e for s, e in exclude):
                continue
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            set_off = span.start > 0 and doc[span.start - 1].text == "," and span.end < len(doc) \
                and doc[span.end].text == ","  # "As the leader of X, Ali Hussein, explains"
            if span.root.dep_ in ("pobj", "poss", "appos", "dobj") and not set_off:
                continue
            if best is None or m.start > best.idx:
                best = span.root
    return best


def person_before(doc: Doc, sent: Span, before: int, actors: ActorIndex, exclude: list[tuple[int, int]]) -> str | None:
    """The nearest person named in the sentence before a character offset, outside quoted text."""
    best = None
    for a in actors.actors:
        if a.kind != "person":
            continue
        for m in a.mentions:
            if sent.start_char <= m.start and m.end <= before and not any(s <= m.start < e for s, e in exclude):
                if best is None or m.start > best[0]:
                    best = (m.start, a.name)
    return best[1] if best else None
