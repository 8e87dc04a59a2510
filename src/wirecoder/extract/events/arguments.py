"""Event arguments: noun phrases to actor names, and the place, date and casualties of a clause."""
from __future__ import annotations

import csv
import functools
import re

from spacy.tokens import Doc, Token

from wirecoder.extract.events.lexicon import Lexicon
from wirecoder.records import DateRef, Place, Quantity
from wirecoder.settings import data_path

try:  # helpers of sibling extractors, when they have landed
    from wirecoder.extract.time import date_for_span as _date_for_span
except Exception:  # pragma: no cover - time.py may lack it, or be mid-edit
    _date_for_span = None
try:
    from wirecoder.extract.quantities import casualties_in as _casualties_in
except Exception:  # pragma: no cover - quantities.py may lack it
    _casualties_in = None
try:
    from wirecoder.extract.places import country_of_demonym as _demonym
except Exception:  # pragma: no cover
    _demonym = None

SUBJ = ("nsubj", "nsubjpass", "csubj")
_TARGET_PREPS = {"on", "against", "at", "toward", "towards", "upon", "into"}
_PARTNER_PREPS = {"with", "between"}  # CONSULT, COOPERATE: the other party
_OF_TARGET_TYPES = {"COERCE", "RETREAT", "SANCTION", "ACCUSE", "CONCEDE"}  # "the arrest of X"
_THEME_TYPES = {"AID", "MOBILIZE", "RETREAT", "CONCEDE", "SANCTION"}  # their object is a theme, not a party
_QUANTITY_HEADS = {"thousand", "thousands", "hundred", "hundreds", "dozen", "dozens", "crowd", "group", "number"}
_MUTUAL_KINDS = {"CONSULT", "COOPERATE", "AGREE"}  # their other party comes with "with"/"between"
_RECIPIENT_PREPS = {"to", "into", "from", "for"}
_DROP_DEPS = {"relcl", "acl", "appos", "advcl", "punct", "cc", "prep", "det", "predet", "case"}
_LEADING_DROP = {"the", "a", "an", "these", "those", "this", "that", "some", "such", "several"}
_PERSON_PRONOUNS = {"he", "him", "she", "her", "his"}
_FIRST_PERSON = {"i", "we", "me", "us", "our", "my"}
_PLURAL_PRONOUNS = {"they", "them", "their"}
_SPEAKER_PRONOUNS = {"it", "its", "they", "them", "their", "we", "our", "us", "he", "she", "his", "her"}
_NONE_ENTS = {"DATE", "TIME"}
_RELATIVE = {"who", "which", "that", "whom"}
_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100, "dozens": 24, "a dozen": 12,
}


def phrase_tokens(head: Token, conj: bool = True) -> list[Token]:
    """The core noun phrase of a head: modifiers and 'of' complements, not clauses or other PPs."""
    keep: list[Token] = []

    def walk(tok: Token, top: bool) -> None:
        keep.append(tok)
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ == "of" and tok.pos_ in ("NOUN", "PROPN", "PRON", "NUM"):
                if any(g.dep_ == "pobj" for g in child.children):  # not "accused the army of hiding ..."
                    walk(child, False)
            elif child.dep_ == "pobj" and tok.dep_ == "prep":
                walk(child, False)
            elif child.dep_ == "conj" and tok.pos_ in ("NOUN", "PROPN"):
                if conj or not top:
                    walk(child, False)
            elif child.dep_ in ("cc", "punct") and (conj or not top) and child.text in ("and", "or", ",") \
                    and any(c.dep_ == "conj" for c in tok.children):
                keep.append(child)
            elif child.dep_ == "punct" and child.text in ("-", "–", "'", "’"):
                keep.append(child)  # the hyphen of "Al-Harir"
            elif child.dep_ in ("det", "predet") and not top:
                keep.append(child)
            elif child.dep_ not in _DROP_DEPS:
                walk(child, False)

    walk(head, True)
    keep.sort(key=lambda t: t.i)
    # a contiguous run around the head: discontinuities come from dropped clauses
    lo = hi = keep.index(head)
    while lo > 0 and keep[lo - 1].i == keep[lo].i - 1:
        lo -= 1
    while hi < len(keep) - 1 and keep[hi + 1].i == keep[hi].i + 1:
        hi += 1
    run = keep[lo: hi + 1]
    while run and (run[0].lower_ in _LEADING_DROP or run[0].is_punct or run[0].dep_ == "cc"):
        run = run[1:]
    while run and (run[-1].is_punct or run[-1].dep_ in ("cc", "case")):
        run = run[:-1]
    return run or [head]


def _speaker_of(tok: Token, lex: Lexicon | None) -> Token | None:
    """'The army said it had ...': a pronoun in a reported clause stands for the reporter."""
    speech = lex.word_set("speech_verbs") if lex is not None else frozenset({"say", "announce", "tell"})
    node = tok
    for _ in range(6):
        if node.head.i == node.i:
            return None
        if node.dep_ in ("ccomp", "parataxis") and node.head.lemma_.lower() in speech:
            verb = node.head
            subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is None and verb.dep_ in ("advcl", "conj", "xcomp") and verb.head.i != verb.i:
                subj = next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            return subj if subj is not None and subj.pos_ != "PRON" else None
        node = node.head
    return None


def resolve_pronoun(tok: Token, actors, lex: Lexicon | None = None) -> str | None:
    """The actor a personal or relative pronoun stands for: the nearest fitting earlier mention."""
    low = tok.lower_
    doc = tok.doc
    if low in _FIRST_PERSON:
        quote = next((q for q in (doc._.wc_quotes or ()) if q.kind == "direct" and q.start <= tok.idx < q.end), None)
        if quote is not None and quote.speaker:
            return (actors.canonical(quote.speaker) if actors is not None else None) or quote.speaker
    if low in _RELATIVE and tok.head.dep_ == "relcl":
        return argument(tok.head.head, actors, lex=lex)
    if low in ("its", "their"):  # "a force that completed its withdrawal": the relative clause's head
        node = tok.head
        for _ in range(4):
            if node.dep_ == "relcl":
                if any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in _RELATIVE for c in node.children):
                    return argument(node.head, actors, lex=lex)
                break
            if node.head.i == node.i:
                break
            node = node.head
    if low in _SPEAKER_PRONOUNS:
        speaker = _speaker_of(tok, lex)
        if speaker is not None:
            return argument(speaker, actors, lex=lex)
    if low in _PERSON_PRONOUNS:
        best = None
        for a in getattr(actors, "actors", ()):
            if a.kind != "person":
                continue
            for m in a.mentions:
                if m.end <= tok.idx and (best is None or m.end > best[0]):
                    best = (m.end, a.name)
        return best[1] if best else None
    if low in _PLURAL_PRONOUNS:
        sent = tok.sent
        for cand in reversed(list(doc[sent.start: tok.i])):
            if cand.pos_ in ("NOUN", "PROPN") and cand.tag_ in ("NNS", "NNPS") and cand.dep_ in ("pobj", "dobj", "nsubj"):
                return argument(cand, actors, lex=lex)
    return None


@functools.lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    with open(data_path("countries.csv"), encoding="utf-8", newline="") as fh:
        return {r["iso2"]: r["name"] for r in csv.DictReader(fh)}


def _state_of(tok: Token, actors) -> str | None:
    """The state a demonym stands for ('Israeli' -> 'Israel'), by the article's or registry's name."""
    if _demonym is None or tok.pos_ not in ("ADJ", "PROPN", "NOUN") or not tok.text[:1].isupper():
        return None
    cc = _demonym(tok.text)
    name = _country_names().get(cc) if cc else None
    if not name:
        return None
    return (actors.canonical(name) if actors is not None else None) or name


def _actor_at(tok: Token, actors) -> str | None:
    return actors.at(tok.idx, tok.idx + len(tok.text)) if actors is not None else None


def coordination(head: Token, actors) -> str | None:
    """'Mali, Burkina Faso and Niger': named conjuncts as one argument, as written."""
    conjuncts = [head, *head.conjuncts] if head.dep_ != "conj" else []
    if len(conjuncts) < 2 or not all(c.pos_ == "PROPN" or _actor_at(c, actors) for c in conjuncts):
        return None
    last = max(conjuncts, key=lambda t: t.i)
    first = phrase_tokens(head, conj=False)[0]
    doc = head.doc
    while first.i >= 2 and doc[first.i - 1].text == "," and doc[first.i - 2].pos_ == "PROPN" \
            and doc[first.i - 2].ent_type_ in ("GPE", "ORG", "NORP"):  # "Chad, Niger and Mali": a misparsed head
        first = doc[first.i - 2]
        while first.i > 0 and doc[first.i - 1].pos_ == "PROPN" and doc[first.i - 1].ent_iob_ == "I":
            first = doc[first.i - 1]
    end = phrase_tokens(last, conj=False)[-1]
    text = doc[first.i: end.i + 1].text  # a span's text: Doc.text rebuilds the whole article
    return re.sub(r"['’]s$", "", text).strip() or None


def owner(head: Token, actors, lex: Lexicon | None, nouns: str) -> str | None:
    """'Israeli warplanes', 'Houthi radar sites', 'negotiators from X': the party a generic noun stands for."""
    if lex is None or head.pos_ != "NOUN" or head.lemma_.lower() not in lex.word_set(nouns) \
            and head.lower_ not in lex.word_set(nouns):
        return None
    allowed = lex.word_set("owner_fillers")
    found, other = None, False
    for c in head.children:
        if c.dep_ == "poss" and c.pos_ == "PRON":
            if found is None and nouns == "owned_actor_nouns":
                found = resolve_pronoun(c, actors, lex)  # "its fighters", "our soldiers"
        elif c.dep_ in ("compound", "amod", "poss", "nmod"):
            own = _actor_at(c, actors)
            if own is not None and own == _actor_at(head, actors):
                own = None  # "Russian forces" registered whole: the demonym still names the state
            name = own or _state_of(c, actors)
            if name and found is None and c.ent_type_ not in _NONE_ENTS:
                found = name
            elif c.lower_ not in allowed and c.lemma_.lower() not in allowed:
                other = True
        elif c.dep_ == "prep" and c.lower_ == "from" and found is None:
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if pobj is not None and (_actor_at(pobj, actors) or _state_of(pobj, actors)):
                found = coordination(pobj, actors) or _actor_at(pobj, actors) or _state_of(pobj, actors)
        elif c.dep_ == "acl" and found is None:  # "sites used by Kataib Hezbollah"
            agent = next((g for g in c.children if g.dep_ == "agent"), None)
            pobj = next((g for g in agent.children if g.dep_ == "pobj"), None) if agent is not None else None
            if pobj is not None and _actor_at(pobj, actors):
                found = _actor_at(pobj, actors)
    return found if found and not other else None


def antecedent(head: Token, actors, lex: Lexicon | None) -> str | None:
    """'the group', 'the army', 'the alliance': the nearest earlier mention they refer back to."""
    if lex is None or head.pos_ != "NOUN" or head.tag_ != "NN":
        return None
    kids = list(head.children)
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in kids) or any(
            c.dep_ in ("compound", "amod", "poss", "prep", "nmod") for c in kids):
        return None
    names = lex.anaphors.get(head.lemma_.lower())
    if not names:
        return None
    best = None
    for a in getattr(actors, "actors", ()):
        if a.kind in ("person", "location"):
            continue
        for m in a.mentions:
            if m.end > head.idx or best is not None and m.end <= best[0]:
                continue
            text = m.text.lower()
            span = head.doc.char_span(m.start, m.end, alignment_mode="expand")
            root = span.root if span is not None else None
            while root is not None and root.dep_ in ("pobj", "prep") and root.head.i != root.i:
                root = root.head  # "fighters of the Lord's Resistance Army attacked"
            if "organisation" in names and (a.kind not in ("organization", "group") or root is None
                                            or root.dep_ not in ("nsubj", "nsubjpass", "appos", "poss")):
                continue  # the group that acted earlier, not one named in passing ("on Telegram")
            if "organisation" in names or any(re.search(rf"\b{re.escape(n)}\b", text) for n in names):
                best = (m.end, a.name)
    for tok in reversed(head.doc[: head.i]):  # "the Malian army" told earlier, not a registered actor
        if best is not None and tok.idx < best[0]:
            break
        if tok.lemma_.lower() == head.lemma_.lower() and tok.pos_ == "NOUN" and any(
                c.dep_ in ("compound", "amod") and (c.pos_ == "PROPN" or c.ent_type_ == "NORP")
                or c.dep_ == "prep" and c.lower_ == "of" and any(g.dep_ == "pobj" for g in c.children)
                for c in tok.children):
            return argument(tok, actors, lex=None)
    return best[1] if best else None


def named_for(head: Token, actors, role: str = "actor") -> Token | None:
    """The name a generic phrase gives in apposition or as its leader ("the mission, MONUSCO,", "people led by X")."""
    if head.pos_ != "NOUN":
        return None
    of = prep_object(head, {"of"})  # "thousands of people led by X"
    for c in list(head.children) + (list(of.children) if of is not None and head.lemma_.lower() in _QUANTITY_HEADS else []):
        if c.dep_ == "appos" and c.pos_ == "PROPN" and c.ent_type_ not in _NONE_ENTS:
            return c
        if role == "actor" and c.dep_ == "acl" and c.lemma_ == "lead" and c.tag_ == "VBN":
            agent = next((g for g in c.children if g.dep_ == "agent"), None)
            pobj = next((g for g in agent.children if g.dep_ == "pobj"), None) if agent is not None else None
            if pobj is not None and pobj.pos_ == "PROPN":
                return pobj
    return None


def argument(head: Token | None, actors, conj: bool = True, lex: Lexicon | None = None,
             role: str = "actor") -> str | None:
    """The canonical actor an argument names, else its noun phrase as written, trimmed."""
    if head is None or head.ent_type_ in ("DATE", "TIME"):
        return None  # "Saturday's attack", "a strike on 4 January": a date is no party
    if head.pos_ == "PRON":
        return resolve_pronoun(head, actors, lex)
    named = named_for(head, actors, role)
    if named is not None:
        return argument(named, actors, conj, lex, role)
    if head.dep_ in ("amod", "compound") and not _actor_at(head, actors):
        state = _state_of(head, actors)  # "an Israeli airstrike": the demonym names the attacker
        if state:
            return state
    if actors is not None and not actors.at(head.idx, head.idx + len(head.text)):
        kids = list(head.children) + [g for c in head.children if c.lower_ == "such" for g in c.children]
        for child in kids:  # "some factions, such as the Imam Ali Brigades": the named ones
            if child.dep_ == "prep" and child.lower_ in ("as", "including"):
                pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
                if pobj is not None and actors.at(pobj.idx, pobj.idx + len(pobj.text)):
                    return argument(pobj, actors, conj=False, lex=lex)
    if conj and actors is not None:
        coord = coordination(head, actors)
        if coord:
            return coord
    found = owner(head, actors, lex, "owned_actor_nouns" if role == "actor" else "owned_target_nouns")
    if found:
        return found
    found = antecedent(head, actors, lex)
    if found:
        return found
    toks = phrase_tokens(head, conj)
    doc = head.doc
    if actors is not None:
        name = actors.at(head.idx, head.idx + len(head.text))
        if name:
            return name
        if len(toks) <= 4 and head.pos_ == "PROPN":
            whole = actors.canonical(doc[toks[0].i: toks[-1].i + 1].text)
            if whole:
                return whole
    text = doc[toks[0].i: toks[-1].i + 1].text
    text = re.sub(r"['’]s$", "", text).strip()
    return text or None


COARSE_KINDS = {"country": 2, "continent": 3, "region": 1, "admin1": 1}  # how coarse a place kind is


def _inside_actor(p: Place, actors) -> bool:
    """'the Islamic Resistance in Iraq': a place word inside an actor's name locates nothing."""
    for a in getattr(actors, "actors", ()):
        for m in a.mentions:
            if m.start <= p.start and p.end <= m.end and (m.end - m.start) > (p.end - p.start):
                return True
    return False


def place_in(tokens: list[Token], places: tuple[Place, ...], lex: Lexicon,
             exclude: tuple[tuple[int, int], ...] = (), actors=None, trigger: Token | None = None,
             avoid: tuple[tuple[int, int], ...] = ()) -> Place | str | None:
    """The place an event happened: the finest resolved place after in/at/near, else any in the clause.

    Places inside actor names are never the location; places inside `avoid` spans (the actor's
    own phrase: "Houthi rebels in Yemen") only when nothing else is found."""
    if not tokens:
        return None
    lo, hi = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    preps = lex.word_set("location_preps")
    inside = [p for p in places if lo <= p.start and p.end <= hi
              and not any(s <= p.start and p.end <= e for s, e in exclude) and not _inside_actor(p, actors)]
    by_prep = []
    for p in inside:
        toks = [t for t in tokens if t.idx <= p.start < t.idx + len(t.text)]
        tok = toks[0] if toks else None
        while tok is not None and tok.dep_ in ("compound", "conj", "amod", "poss", "appos") and tok.head.i != tok.i:
            tok = tok.head
        if tok is not None and tok.dep_ == "pobj" and tok.head.lower_ in preps:
            by_prep.append(p)
    if by_prep:
        at = trigger.idx if trigger is not None else lo

        def rank(p: Place) -> tuple:
            avoided = any(s <= p.start and p.end <= e for s, e in avoid)
            return (avoided, COARSE_KINDS.get(p.kind or "", 0), abs(p.start - at))
        return min(by_prep, key=rank)
    for p in inside:  # a place the event is about ("targeting areas such as X"), not a modifier
        toks = [t for t in tokens if t.idx <= p.start < t.idx + len(t.text)]
        tok = toks[0] if toks else None
        while tok is not None and tok.dep_ == "compound":
            tok = tok.head
        if tok is not None and tok.dep_ in ("pobj", "dobj", "conj", "appos") and tok.head.dep_ != "poss":
            return p
    # places.py not run or found nothing: a GPE/LOC/FAC entity after a locative preposition
    for tok in tokens:
        if tok.ent_type_ in ("GPE", "LOC", "FAC") and tok.ent_iob_ == "B" and tok.dep_ in ("pobj", "compound"):
            head = tok if tok.dep_ == "pobj" else tok.head
            if head.dep_ == "pobj" and head.head.lower_ in preps and not any(s <= tok.idx < e for s, e in exclude):
                ent = next(e for e in tok.doc.ents if e.start == tok.i)
                return ent.text
    return None


def date_in(doc: Doc, dates: tuple[DateRef, ...], start: int, end: int, near: int | None = None) -> DateRef | None:
    """The date of an event whose evidence is the span [start, end)."""
    if _date_for_span is not None and dates:
        try:
            return _date_for_span(dates, start, end, doc, near=near)
        except Exception:  # noqa: BLE001 - a sibling's helper must not break event coding
            pass
    inside = [d for d in dates if start <= d.start and d.end <= end and d.value is not None]
    if near is not None and inside:
        return min(inside, key=lambda d: abs(d.start - near))
    return inside[0] if inside else None


def _count(tok: Token) -> int | None:
    text = tok.lower_.replace(",", "")
    if text.isdigit():
        return int(text)
    return _NUMBER_WORDS.get(text)


def casualties(tokens: list[Token], quantities: tuple[Quantity, ...], lex: Lexicon,
               start: int, end: int) -> tuple[int | None, int | None]:
    """Dead and wounded counted in the evidence span: from the quantities facet, else the parse."""
    if _casualties_in is not None and quantities:
        try:
            dead, hurt = _casualties_in(quantities, start, end)
            if dead is not None or hurt is not None:
                return dead, hurt
        except Exception:  # noqa: BLE001
            pass
    dead = hurt = None
    for q in quantities:
        if start <= q.start and q.end <= end:
            if q.role == "fatalities" and dead is None:
                dead = int(q.value)
            elif q.role == "injuries" and hurt is None:
                hurt = int(q.value)
    if dead is not None or hurt is not None:
        return dead, hurt
    killed, wounded = lex.casualty.get("fatalities", frozenset()), lex.casualty.get("injuries", frozenset())
    for tok in tokens:
        if tok.like_num or tok.lower_ in _NUMBER_WORDS:
            n = _count(tok)
            if n is None:
                continue
            noun = tok.head if tok.dep_ == "nummod" else tok
            verb = noun.head
            cues = {noun.lemma_, verb.lemma_, *(c.lemma_ for c in noun.children)}
            cues |= {c.lemma_ for c in verb.children if c.dep_ in ("acomp", "amod", "oprd")}
            if cues & killed and dead is None:
                dead = n
            elif cues & wounded and hurt is None:
                hurt = n
    return dead, hurt


def _speaker_conjunct(node: Token, lex: Lexicon) -> bool:
    """A simple-past conjunct set off by a comma from a reported clause in another tense belongs to
    the speaker: "X said Y was lying, and ordered ..." (a shared "had" would make it Y's)."""
    clause = node.head
    if node.tag_ != "VBD" or clause.dep_ != "ccomp" or clause.tag_ == "VBD":
        return False
    doc = node.doc
    before = doc[node.i - 2] if node.i >= 2 and doc[node.i - 1].dep_ == "cc" else None
    if before is None or before.text != ",":
        return False
    if lex.lemma(clause.head) not in lex.word_set("speech_verbs"):
        return False
    return any(c.dep_ in ("aux", "auxpass") for c in clause.children) and not any(
        c.dep_ in ("aux", "auxpass") for c in node.children)


def subject_of(verb: Token, actors, lex: Lexicon) -> tuple[Token | None, bool]:
    """The subject of a verb (token, is_passive), inherited through xcomp/conj/acl/relcl."""
    node = verb
    for _ in range(4):
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in node.children) \
            or node.tag_ == "VBN" and any(c.dep_ == "agent" for c in node.children)  # "a truce brokered by X"
        if passive:
            agent = next((c for c in node.children if c.dep_ == "agent"), None)
            pobj = next((g for g in agent.children if g.dep_ == "pobj"), None) if agent else None
            return pobj, True
        subj = next((c for c in node.children if c.dep_ in ("nsubj", "csubj")), None)
        if subj is not None:
            return subj, False
        if node.dep_ == "acl" and node.head.pos_ in ("NOUN", "PROPN"):
            noun = node.head
            if noun.lemma_.lower() in lex.word_set("control_nouns"):  # "efforts by X to mediate"
                by = prep_object(noun, {"by"}) or next((c for c in noun.children if c.dep_ == "poss"), None)
                return by, False
            return noun, False
        if node.dep_ == "relcl":
            return node.head, False
        if node.dep_ == "conj" and _speaker_conjunct(node, lex):
            node = node.head.head  # "X said Y was lying, and ordered ...": X ordered
            continue
        if node.dep_ in ("xcomp", "conj", "advcl") and node.head.i != node.i:
            if node.dep_ == "xcomp":  # "urged them to leave": object control
                obj = next((c for c in node.head.children if c.dep_ == "dobj"), None)
                if obj is not None:
                    return obj, False
            node = node.head
            continue
        break
    return None, False


def nearby_actor(tok: Token, actors) -> Token | None:
    """A subject the parse missed: the nearest actor mention before the verb in a subject-like slot."""
    best = None
    for a in getattr(actors, "actors", ()):
        for m in a.mentions:
            if tok.sent.start_char <= m.start and m.end <= tok.idx:
                span = tok.doc.char_span(m.start, m.end, alignment_mode="expand")
                if span is None:
                    continue
                root = span.root
                if root.dep_ in ("nsubj", "conj", "ROOT", "dep", "npadvmod") and (best is None or root.i > best.i):
                    best = root
    return best


def that_clause_subject(tok: Token) -> Token | None:
    """'warned that Baghdad will face ...': the one warned about is the clause's subject."""
    for c in tok.children:
        if c.dep_ in ("ccomp", "acl") and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children):
            return next((g for g in c.children if g.dep_ in ("nsubj", "nsubjpass")), None)
    return None


def prep_object(tok: Token, preps: set[str]) -> Token | None:
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in preps:
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if pobj is not None and pobj.ent_type_ not in _NONE_ENTS:  # "on Sunday" is no party
                return pobj
    return None


def _protest_target(tok: Token) -> Token | None:
    """Whom a protest is against: 'against X' anywhere in its clause, else the place it besieges."""
    for t in tok.subtree:
        if t.dep_ == "prep" and t.lower_ == "against" and t.head.pos_ in ("VERB", "NOUN"):
            pobj = next((g for g in t.children if g.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
    site = prep_object(tok, {"outside", "at", "in front of", "near"})
    if site is not None:
        of = prep_object(site, {"of"})
        if of is not None and of.pos_ == "PROPN":
            return of
    return None


def verb_args(tok: Token, kind: str, lex: Lexicon, actors) -> tuple[Token | None, Token | None]:
    subj, passive = subject_of(tok, actors, lex)
    if passive:
        target = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
        if target is not None and target.lemma_.lower() in lex.nouns:  # "sanctions were imposed on X"
            target = prep_object(tok, _TARGET_PREPS)
        return subj, target
    target = None
    if kind in _THEME_TYPES:  # "sent troops to Uganda", "withdrew its troops from X": the recipient
        target = prep_object(tok, _RECIPIENT_PREPS)
    obj = next((c for c in tok.children if c.dep_ in ("dobj", "dative")), None)
    if obj is not None and (obj.lemma_.lower() in lex.modifiers or obj.lemma_.lower() in lex.word_set(
            "munition_words")):  # "fired rockets at the base", "fired tear gas at the crowd"
        target = target or prep_object(tok, _TARGET_PREPS)
    target = target or obj
    if target is None and kind == "PROTEST":  # "gathered outside the offices of X, chanting slogans against Y"
        target = _protest_target(tok)
    if target is None:
        preps = _PARTNER_PREPS if kind in _MUTUAL_KINDS else _TARGET_PREPS
        preps |= {"to", "for"} if kind in ("AID", "SUPPORT", "REQUEST") else set()
        target = prep_object(tok, preps)
    if target is None and kind in ("THREATEN", "REQUEST", "ACCUSE"):
        target = that_clause_subject(tok)
    return subj, target


def noun_args(tok: Token, kind: str, lex: Lexicon, actors) -> tuple[Token | None, Token | None, bool]:
    """Actor and target heads of a nominal trigger, and whether it has its own arguments."""
    actor = next((c for c in tok.children if c.dep_ == "poss"), None)
    by = prep_object(tok, {"by"})
    actor = by or actor
    preps = set(_PARTNER_PREPS if kind in _MUTUAL_KINDS else _TARGET_PREPS)  # "talks on a treaty": a topic
    if kind in _OF_TARGET_TYPES:
        preps.add("of")
    if kind in ("CONSULT", "COOPERATE"):
        preps |= _PARTNER_PREPS
    target = prep_object(tok, preps)
    pair = prep_object(tok, {"between"})  # "clashes between A and B", "talks between A and B"
    pair_conj = next((c for c in pair.children if c.dep_ == "conj"), None) if pair is not None else None
    if pair_conj is not None and actor is None:
        actor, target = pair, pair_conj
    for acl in (c for c in tok.children if c.dep_ == "acl" and target is None):
        # "hostile acts targeting personnel", "pressure applied on the government"
        target = next((g for g in acl.children if g.dep_ == "dobj"), None) if acl.lemma_ == "target" \
            else prep_object(acl, _TARGET_PREPS)
    for c in tok.children:
        if c.dep_ in ("compound", "amod") and c.pos_ in ("PROPN", "NOUN", "ADJ"):
            if c.lemma_.lower() in lex.modifiers or c.i == tok.i - 2 and tok.doc[c.i + 1].text == "-":
                continue  # "drone strike", the "sit" of "sit-in": part of the event's name
            if actors is not None and (actors.at(c.idx, c.idx + len(c.text)) or _state_of(c, actors)) \
                    and actor is None:
                actor = c
            elif c.pos_ != "ADJ" and target is None and c.ent_type_ in ("", "FAC", "ORG", "GPE"):
                target = c
    if target is None and kind in ("THREATEN", "REQUEST", "ACCUSE"):
        target = that_clause_subject(tok)
    own = actor is not None or target is not None
    head = tok.head
    if head.dep_ == "prep" and head.head.pos_ == "VERB":
        head = head.head
    if head.pos_ in ("VERB", "AUX") and tok.dep_ in ("dobj", "pobj", "attr", "nsubjpass", "conj"):
        subj, passive = subject_of(head, actors, lex)
        if head.lemma_.lower() in lex.word_set("undergo_verbs") and target is None:
            target = subj if not passive else next((c for c in head.children if c.dep_ == "nsubjpass"), None)
        elif lex.lemma(head) in lex.word_set("light_verbs") or tok.dep_ == "dobj" \
                and lex.lemma(head) in lex.word_set("staging_verbs"):
            actor = actor or subj  # "made arrests", "called a strike", "filed a lawsuit against X", "launched attacks on X"
            if target is None:
                near = preps | _PARTNER_PREPS | ({"to"} if kind in _THEME_TYPES else set())
                target = prep_object(head, near - ({"at", "into"} if kind == "PROTEST" else set()))  # "a sit-in at X": where
    elif tok.dep_ == "nsubj" and head.pos_ == "VERB" and target is None:  # "a strike hit a car"
        target = next((c for c in head.children if c.dep_ == "dobj"), None)
    return actor, target, own
