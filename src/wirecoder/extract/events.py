"""PLOVER events: lexicon triggers over the dependency parse, with arguments, flags and dedup.

A trigger is a verb ("attacked") or a noun ("the arrest of 13 men") listed in the event
lexicon. Its arguments come from the parse: subject -> actor, object or on/against -> target,
passive agent -> actor; a noun carried by a light verb ("made arrests") takes the verb's
subject. Climbing the parse from the trigger finds negation, modals, 'if' clauses, frames that
embed it ("vowed further attacks" is a THREATEN, not an ASSAULT) and plans ("planning strikes").
One real-world event reported in several sentences is one Event with the others as evidence."""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span as SpacySpan, Token

from wirecoder.extract.events_args import (
    SUBJ, argument, casualties, date_in, nearby_actor, noun_args, phrase_tokens, place_in, verb_args,
)
from wirecoder.extract.events_lexicon import Lexicon, Trigger, load_lexicon
from wirecoder.records import Event, Place, Span
from wirecoder.settings import DEFAULT, Settings

MATERIAL_CONFLICT = {"ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "PROTEST"}  # a future one is a threat
COOPERATIVE = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"}  # promised -> AGREE
_VERBAL = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "REQUEST", "ACCUSE", "REJECT", "THREATEN"}
_ABOUT_AUTHOR = {"ACCUSE", "SUPPORT", "REJECT", "CONCEDE"}  # a stance on an event targets its actor
_DEFINITE = {"the", "these", "those", "this", "that", "its", "their", "his", "her"}
_NAME_STOP = {"the", "and", "for", "with", "from", "its", "their"}


@dataclass
class _Cand:
    type: str
    tok: Token
    trig: Trigger
    mode: str | None = None
    actor: str | None = None
    target: str | None = None
    target_tok: Token | None = None
    target_ref: str | None = None  # the target is an event of this type ("called the attacks terrorism")
    actor_known: bool = False
    location: Place | str | None = None
    date: object = None
    fatalities: int | None = None
    injuries: int | None = None
    negated: bool = False
    hypothetical: bool = False
    future: bool = False
    historical: bool = False
    reference: bool = False  # a bare definite mention: "the attacks" refers back
    mention_only: bool = False  # a bare mention under "condemned", "after": never a fresh event
    sent: SpacySpan | None = None
    frame: Token | None = None  # the trigger that embeds this one ("vowed" over "attacks")


def _match(tok: Token, lex: Lexicon) -> Trigger | None:
    """The lexicon entry this token instantiates, if any."""
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
    if not cands:
        return None
    near = set()
    for c in tok.children:
        if c.dep_ == "prep" and all(g.ent_type_ in ("DATE", "TIME") for g in c.children if g.dep_ == "pobj"):
            continue  # "called ... on Tuesday" is no "call on"
        near |= {c.lower_, c.lemma_.lower(), "@" + c.dep_}
        if c.dep_ in ("prep", "prt", "dobj"):
            near |= {g.lower_ for g in c.children} | {g.lemma_.lower() for g in c.children}
    context = {t.lemma_.lower() for t in tok.subtree} | {t.lower_ for t in tok.subtree}
    head = tok.head
    context |= {head.lemma_.lower(), head.lower_}
    if head.dep_ == "prep":
        context.add(head.head.lemma_.lower())
    if tok.pos_ != "VERB" and head.pos_ == "VERB":  # "launched strikes": the verb's clause counts
        context |= {c.lemma_.lower() for c in head.children}
    for trig in cands:
        if trig.particle and not set(trig.particle.split()) <= near:
            continue
        if trig.requires and not trig.requires & (context | {w for w in near if w.startswith("@")}):
            continue
        if trig.not_requires & near:
            continue
        return trig
    return None


def _aux_words(tok: Token) -> set[str]:
    return {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass", "neg", "mark", "det", "advmod", "amod")}


def _climb(tok: Token, triggers: dict[int, Trigger], lex: Lexicon, depth: int) -> dict:
    """Flags from the trigger and the words that govern it (modals, negation, 'if', frames)."""
    out = {"negated": False, "hypothetical": False, "future": False, "frame": None, "promise": False}
    promise = lex.word_set("promise_words")
    modal, future = lex.word_set("modal_words"), lex.word_set("future_words")
    neg, marks = lex.word_set("negation_words"), lex.word_set("conditional_marks")
    irrealis, generic = lex.word_set("irrealis_governors"), lex.word_set("generic_determiners")
    node = tok
    for step in range(depth):
        words = _aux_words(node)
        own_neg = any(c.dep_ == "neg" or c.dep_ == "det" and c.lower_ == "no" for c in node.children)
        if step == 0 or node.i not in triggers:
            out["negated"] |= own_neg
        out["hypothetical"] |= bool(words & modal)
        out["future"] |= bool(words & future) or any(
            c.lemma_ == "go" and c.dep_ == "aux" for c in node.children)
        if node.pos_ in ("NOUN", "PROPN") and (words & generic or step == 0 and any(
                t.lemma_.lower() in irrealis for t in node.subtree if t.i < node.i)):
            out["hypothetical"] = True
        if node.dep_ in ("advcl", "ccomp") and words & marks:
            out["hypothetical"] = True
        if step > 0:
            if node.i in triggers and triggers[node.i].embeds:
                out["frame"] = node
                return out
            if node.lemma_.lower() in promise and node.i not in triggers and step <= 2:
                out["promise"] = True  # "is willing to withdraw", "offered to send troops"
            elif node.lemma_.lower() in irrealis and node.i not in triggers:
                out["hypothetical"] = True
            if node.lemma_.lower() in lex.word_set("negating_governors") and node.i not in triggers:
                out["negated"] = True  # "failed to reach agreement"
            if node.lower_ in neg and step == 1:  # "without attacks"
                out["negated"] = True
        dep = node.dep_
        if dep == "ROOT" or node.head.i == node.i:
            break
        to_inf = any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children)
        if to_inf and (dep == "advcl" or dep in ("xcomp", "ccomp") and node.head.lemma_ == "be"):
            out["hypothetical"] = True  # "to stop the attacks", "the aim is to persuade them"
        head = node.head
        if dep == "relcl" and head.i in triggers and triggers[head.i].embeds:
            out["frame"] = head  # "threats that referred to sanctions"
            return out
        if dep == "pcomp" and head.head.pos_ in ("NOUN", "PROPN") and head.head.i not in triggers:
            out["hypothetical"] = True  # "the framework of supporting Gaza": a description, not an act
        if dep in ("relcl", "parataxis", "appos", "advcl") and not words & marks:
            break
        if dep == "conj" and (any(c.dep_ in SUBJ for c in node.children) or head.i in triggers):
            break  # a coordinate clause is its own event, not the complement of its neighbour
        if dep in ("nsubj", "nsubjpass") and node.pos_ in ("NOUN", "PROPN"):
            # "the attacks would not have occurred": the verb's modality (and, for verbs of
            # existence, its negation) applies to its subject event; "the strike hit" is realis
            hw = _aux_words(head)
            out["hypothetical"] |= bool(hw & modal)
            out["future"] |= bool(hw & future)
            if head.lemma_.lower() in lex.word_set("existence_verbs"):
                out["negated"] |= any(c.dep_ == "neg" for c in head.children)
            break
        node = head
    return out


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


def _historical(clause: list[Token], published, lex: Lexicon, years: int) -> bool:
    text = " ".join(t.lower_ for t in clause)
    if any(cue in text for cue in lex.word_set("historical_cues") if " " in cue):
        if re.search(r"\b(19|20)\d\d\b", text) or "ago" in text:
            return True
    if published is None:
        return False
    for t in clause:
        if t.ent_type_ == "DATE" and re.fullmatch(r"(19|20)\d\d", t.text):
            if int(t.text) <= published.year - years:
                return True
    return False


def _sentence_events(sent: SpacySpan, lex: Lexicon, actors, places, dates, quantities,
                     settings: Settings) -> list[_Cand]:
    doc = sent.doc
    triggers = {t.i: m for t in sent if (m := _match(t, lex)) is not None}
    light = lex.word_set("light_verbs")
    for i, trig in list(triggers.items()):
        tok = doc[i]
        if tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in light:
            if any(c.i in triggers and c.dep_ in ("dobj", "attr") and doc[c.i].pos_ in ("NOUN", "PROPN")
                   for c in tok.children):
                del triggers[i]  # "made arrests": the noun carries the event
    cands: dict[int, _Cand] = {}
    frames: dict[int, int] = {}  # embedded trigger -> its frame
    for i, trig in triggers.items():
        cand = _candidate(doc[i], trig, triggers, sent, lex, actors, places, dates, quantities, settings)
        if cand is None:
            continue
        if cand.frame is not None:
            frames[i] = cand.frame.i
        cands[i] = cand
    for i, f in frames.items():  # "vowed attacks on X": the frame's target and mode come from inside
        frame, inner = cands.get(f), cands[i]
        if frame is None:
            continue
        inner_target = None if inner.target_tok is not None and inner.target_tok.i in triggers else inner.target
        direct = frame.target_tok is not None and frame.target_tok.i == i or doc[i].head.i == f
        if frame.target_tok is not None and frame.target_tok.i == i:
            frame.target, frame.target_ref = inner_target, inner.type
        elif frame.target is None and inner_target:
            frame.target = inner_target
        if direct:
            frame.mode = frame.mode or inner.mode
    for c in cands.values():  # "condemned the strikes", "rejected these mediations": aimed at their authors
        inner = cands.get(c.target_tok.i) if c.target_tok is not None else None
        if inner is None and c.target_tok is not None:  # "called the attacks acts of terrorism", misparsed
            ref = next((k for k in c.target_tok.children if k.dep_ == "compound" and k.lemma_.lower() in lex.nouns), None)
            if ref is not None and c.type in _ABOUT_AUTHOR:
                c.target_ref = lex.nouns[ref.lemma_.lower()][-1].type
        if c.type in _ABOUT_AUTHOR and inner is not None and inner is not c:
            if inner.actor:
                c.target = inner.actor
            elif inner.reference:  # "called the attacks terrorism": resolved to the attackers later
                c.target_ref = inner.type
    return _merge_linked([c for i, c in cands.items() if i not in frames], cands, lex)


def _fill(keep: _Cand, drop: _Cand) -> None:
    for key in ("actor", "target", "location", "date", "mode", "fatalities", "injuries"):
        if getattr(keep, key) is None:
            setattr(keep, key, getattr(drop, key))


def _merge_linked(out: list[_Cand], cands: dict[int, _Cand], lex: Lexicon) -> list[_Cand]:
    """One event told by several triggers of a sentence ("attacked the base, killing three")."""
    absorbed = set()
    casualty = lex.casualty.get("fatalities", frozenset()) | lex.casualty.get("injuries", frozenset())
    for c in out:
        node = c.tok
        for _ in range(3):
            if node.head.i == node.i or node.dep_ in ("ccomp", "parataxis"):
                break
            node = node.head
            host = cands.get(node.i)
            if host is not None and host is not c and host.type == c.type and id(host) not in absorbed:
                keep, drop = host, c
                if host.tok.lemma_.lower() in casualty and c.tok.lemma_.lower() not in casualty:
                    keep, drop = c, host  # "the attack on the town killed five": the attack is the event
                _fill(keep, drop)
                absorbed.add(id(drop))
                break
    out = [c for c in out if id(c) not in absorbed]
    merged: list[_Cand] = []
    for c in out:  # two triggers of one type in one sentence: one event unless their arguments clash
        home = next((m for m in merged if _compatible(c, m)), None)
        if home is None:
            merged.append(c)
            continue
        keep, drop = (home, c) if _specificity(home) >= _specificity(c) else (c, home)
        _fill(keep, drop)
        merged[merged.index(home)] = keep
    return merged


def _candidate(tok: Token, trig: Trigger, triggers: dict, sent: SpacySpan, lex: Lexicon, actors,
               places, dates, quantities, settings: Settings) -> _Cand | None:
    """The event one trigger states, before dedup; None when it states none."""
    doc = sent.doc
    flags = _climb(tok, triggers, lex, settings.event_climb_depth)
    kind, future, hypo = trig.type, flags["future"], flags["hypothetical"]
    if not trig.embeds and kind != "THREATEN" and any(
            c.dep_ == "advcl" and _aux_words(c) & lex.word_set("conditional_marks") for c in tok.children):
        hypo = True  # "if the talks fail, the army will strike"
    negated = flags["negated"]
    if trig.irrealis:
        if not (hypo or future):
            return None
        hypo, future = False, True
    elif flags["frame"] is None and kind in COOPERATIVE and negated and not hypo:
        kind, negated = "REJECT", False  # "will not lift the embargo", "did not give permission"
    elif flags["frame"] is None and kind in MATERIAL_CONFLICT and (future or flags["promise"]) and not negated:
        kind, hypo = "THREATEN", False  # "will strike", "vowed ... ": a threat, not an attack
    elif flags["frame"] is None and kind in COOPERATIVE - {"AGREE"} and (future or flags["promise"]) \
            and not hypo and not negated:
        kind = "AGREE"  # "will release the prisoners", "is willing to withdraw": a promise
    if tok.pos_ in ("VERB", "AUX"):
        a_tok, t_tok = verb_args(tok, kind, lex, actors)
        if a_tok is None and not any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children):
            a_tok = nearby_actor(tok, actors)
        own = True
    else:
        a_tok, t_tok, own = noun_args(tok, kind, lex, actors)
    if a_tok is not None and (a_tok.i in triggers or a_tok.lemma_.lower() in lex.modifiers
                              and a_tok.lemma_.lower() not in lex.word_set("person_modifiers")):
        a_tok = None  # "a drone strike hit", "hit by a drone": the weapon, not the actor
    between = t_tok is not None and a_tok is not None and t_tok.dep_ == "conj" and t_tok.head.i == a_tok.i
    actor, target = argument(a_tok, actors, conj=not between), argument(t_tok, actors)
    if trig.swap:  # "were persuaded to": the persuaded party agrees
        actor, target = target, actor
    if actor and target and actor == target:
        target = None
    clause = _clause(tok)
    scope = sorted(set(clause) | set(tok.subtree), key=lambda t: t.i)
    exclude = tuple((ts[0].idx, ts[-1].idx + len(ts[-1].text))
                    for ts in (phrase_tokens(x) for x in (a_tok, t_tok) if x is not None and x.pos_ != "PRON"))
    start, end = sent.start_char, sent.end_char
    dead, hurt = casualties(scope, quantities, lex, start, end)
    reference = governed = False
    if tok.pos_ in ("NOUN", "PROPN"):
        dets = {c.lower_ for c in tok.children if c.dep_ in ("det", "poss")}
        refs = lex.word_set("reference_governors")
        governed = tok.head.lemma_.lower() in refs or \
            tok.head.dep_ == "prep" and (tok.head.head.lemma_.lower() in refs or tok.head.lower_ in refs)
        reference = bool(dets & _DEFINITE) and (governed or not own) or governed and not own
        governed = governed and not own
    else:  # "the rockets struck a hangar": the weapon of an event already told
        subj = next((c for c in tok.children if c.dep_ in SUBJ), None)
        reference = subj is not None and subj.lemma_.lower() in lex.modifiers and actor is None and any(
            d.dep_ == "det" and d.lower_ in _DEFINITE for d in subj.children)
    known = {a.name for a in getattr(actors, "actors", ())}
    cand = _Cand(
        type=kind, tok=tok, trig=trig, mode=_mode(tok, trig, scope, lex), actor=actor, target=target,
        target_tok=t_tok, actor_known=actor in known,
        location=place_in(scope, places, lex, exclude) or _target_place(t_tok, places, lex),
        date=date_in(doc, dates, start, end, tok.idx), fatalities=dead, injuries=hurt,
        negated=negated, hypothetical=hypo, future=future,
        historical=_historical(clause, doc._.wc_published, lex, settings.event_historical_years),
        reference=reference, mention_only=governed, sent=sent)
    cand.frame = flags["frame"]
    return cand


def _words(name) -> set[str]:
    if name is None:
        return set()
    text = name if isinstance(name, str) else name.name
    # words of two letters (of, al, US, UN) are too common to tie two reports together
    return {w[:-1] if w.endswith("s") and len(w) > 3 else w
            for w in re.findall(r"[a-z0-9]+", text.lower()) if len(w) > 2 and w not in _NAME_STOP}


def _clash(a, b) -> bool:
    """Both present and sharing no distinctive word."""
    if a is None or b is None:
        return False
    wa, wb = _words(a), _words(b)
    return bool(wa and wb and not wa & wb)


def _day(d) -> bool:
    return d is not None and d.precision == "day" and not d.open_end


def _compatible(c: _Cand, g: _Cand) -> bool:
    """Could c and g be reports of one real-world event?"""
    if c.type != g.type:
        return False
    if c.type == "ASSAULT" and c.mode and g.mode and c.mode != g.mode:
        return False
    if c.reference:
        return True
    if _clash(c.location, g.location) or _day(c.date) and _day(g.date) and c.date.value != g.date.value:
        return False
    if _clash(c.target, g.target):
        return False
    if c.actor_known and g.actor_known and _clash(c.actor, g.actor):
        return False
    if c.sent.start_char == g.sent.start_char:
        return True
    # across sentences a report must share a participant: bare "warnings" are not "the warnings";
    # statements (verbal types) are one event only when the same speaker makes them
    same_actor = bool(c.actor and g.actor and _words(c.actor) & _words(g.actor))
    if c.type in _VERBAL:
        return same_actor
    return same_actor or bool(c.target and g.target and _words(c.target) & _words(g.target))


def _depth(tok: Token) -> int:
    n = 0
    while tok.head.i != tok.i and n < 20:
        tok, n = tok.head, n + 1
    return n


def _specificity(c: _Cand) -> tuple:
    """How well a sentence reports its event: arguments filled, then how central the trigger is."""
    filled = sum(x is not None for x in (c.actor, c.target, c.location, c.date, c.mode, c.fatalities))
    return (filled + (not c.reference), -_depth(c.tok), -c.tok.i)


def _to_event(group: list[_Cand]) -> Event:
    best = max(group, key=_specificity)
    fill = {}
    for key in ("mode", "actor", "target", "location", "date", "fatalities", "injuries"):
        fill[key] = getattr(best, key)
        if fill[key] is None:
            fill[key] = next((getattr(c, key) for c in group if getattr(c, key) is not None), None)
    place, date = fill["location"], fill["date"]
    sent = best.sent
    text = sent.text.rstrip()
    evidence, seen = [], {sent.start_char}
    for c in group:
        if c.sent.start_char not in seen:
            seen.add(c.sent.start_char)
            evidence.append(Span(start=c.sent.start_char, end=c.sent.start_char + len(c.sent.text.rstrip()),
                                 text=c.sent.text.rstrip()))
    return Event(
        type=best.type, mode=fill["mode"], actor=fill["actor"], target=fill["target"],
        date=date.value.isoformat() if date is not None and date.value else None,
        date_precision=date.precision if date is not None else None,
        location=place.name if isinstance(place, Place) else place,
        country=place.country if isinstance(place, Place) else None,
        lat=place.lat if isinstance(place, Place) else None, lon=place.lon if isinstance(place, Place) else None,
        fatalities=fill["fatalities"], injuries=fill["injuries"], trigger=best.tok.text, sentence=text,
        start=sent.start_char, end=sent.start_char + len(text), negated=best.negated,
        hypothetical=best.hypothetical, future=best.future, historical=best.historical,
        evidence=tuple(sorted(evidence, key=lambda s: s.start)),
    )


def _dedup(cands: list[_Cand]) -> list[list[_Cand]]:
    groups: list[list[_Cand]] = []
    for c in cands:
        home = None
        for g in reversed(groups):  # the latest compatible report first
            if all(_compatible(c, m) for m in g if not m.reference or m is g[0]):
                home = g
                break
        if home is None and not c.mention_only:
            groups.append([c])
        elif home is None:
            continue
        else:
            home.append(c)
    return groups


def extract_events(doc: Doc, actors, places=(), dates=(), quantities=(),
                   settings: Settings = DEFAULT) -> tuple[Event, ...]:
    """PLOVER events of the article, one per real-world event, with evidence sentences."""
    lex = load_lexicon(str(settings.event_lexicon) if settings.event_lexicon else None)
    keys = set(lex.verbs) | set(lex.nouns)
    cands: list[_Cand] = []
    for sent in doc.sents:
        if not any(t.lemma_.lower() in keys or t.lower_ in keys for t in sent):
            continue  # parse-free skip of sentences without any trigger word
        cands.extend(_sentence_events(sent, lex, actors, tuple(places), tuple(dates), tuple(quantities), settings))
    latest: dict[str, _Cand] = {}
    for c in cands:
        if c.target_ref and c.target_ref in latest and latest[c.target_ref].actor:
            c.target = latest[c.target_ref].actor  # "called the attacks terrorism": blames their authors
        if c.actor and not (c.negated or c.hypothetical):
            latest[c.type] = c
    drop = set(settings.event_drop_flags)
    kept = [c for c in cands if not any(getattr(c, f) for f in drop if f in ("negated", "hypothetical", "historical", "future"))]
    return tuple(_to_event(g) for g in _dedup(kept))
