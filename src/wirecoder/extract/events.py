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

from wirecoder.corpus.dedup import period
from wirecoder.extract.events_args import (
    COARSE_KINDS, SUBJ, argument, casualties, date_in, named_for, nearby_actor, noun_args, owner, phrase_tokens,
    place_in, prep_object, verb_args,
)
from wirecoder.extract.events_lexicon import Lexicon, Trigger, load_lexicon
from wirecoder.records import Event, Place, Span
from wirecoder.settings import DEFAULT, Settings

MATERIAL_CONFLICT = {"ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "PROTEST"}
_VIOLENT = {"ASSAULT", "COERCE"}  # a future or promised one is a threat
COOPERATIVE = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"}  # promised -> AGREE
_VERBAL = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "REQUEST", "ACCUSE", "REJECT", "THREATEN"}
_MUTUAL = {"AGREE", "CONSULT", "COOPERATE"}  # "A and B met": one party with the other
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
    background: bool = False  # "after a rocket attack on X": joins the event it recalls, never leads
    sent_place: Place | str | None = None  # the sentence's place: the location when the clause names none


_PLACE_ENTS = {"GPE", "LOC", "FAC"}
_NAME_ENTS = {"ORG", "FAC", "WORK_OF_ART", "LAW", "EVENT", "PERSON", "PRODUCT"}


def _in_name(tok: Token) -> bool:
    """'Rapid Support Forces', 'Group to Support Islam': a capitalised word inside a longer name."""
    if not tok.text[:1].isupper() or tok.i == tok.sent.start or tok.ent_type_ not in _NAME_ENTS:
        return False
    ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
    return ent is not None and len(ent) > 1


def _match(tok: Token, lex: Lexicon) -> Trigger | None:
    """The lexicon entry this token instantiates, if any."""
    if tok.dep_ in ("amod", "compound") and tok.pos_ in ("VERB", "ADJ"):
        return None  # "Iran-backed militias", "alleged gunmen", "allied forces": descriptions
    if _in_name(tok):
        return None
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


def _aux_words(tok: Token) -> set[str]:
    return {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass", "neg", "mark", "det", "advmod", "amod")}


def _climb(tok: Token, triggers: dict[int, Trigger], lex: Lexicon, depth: int) -> dict:
    """Flags from the trigger and the words that govern it (modals, negation, 'if', frames)."""
    out = {"negated": False, "hypothetical": False, "future": False, "frame": None, "promise": False}
    promise = lex.word_set("promise_words")
    modal, future = lex.word_set("modal_words"), lex.word_set("future_words")
    neg, marks = lex.word_set("negation_words"), lex.word_set("conditional_marks")
    irrealis, generic = lex.word_set("irrealis_governors"), lex.word_set("generic_determiners")
    node, prev = tok, None
    for step in range(depth):
        words = _aux_words(node)
        own_neg = any(c.dep_ == "neg" or c.dep_ == "det" and c.lower_ == "no" or c.dep_ == "advmod"
                      and any(g.dep_ == "neg" for g in c.children) for c in node.children)  # "no longer"
        if step == 0 or node.i not in triggers:
            out["negated"] |= own_neg
        out["hypothetical"] |= bool(words & modal)
        out["future"] |= bool(words & future) or any(
            c.lemma_ == "go" and c.dep_ == "aux" for c in node.children) \
            or step > 0 and node.lemma_ == "go" and node.tag_ == "VBG"  # "are not going to negotiate"
        if node.pos_ in ("NOUN", "PROPN") and (words & generic or step == 0 and any(
                t.lemma_.lower() in irrealis for t in node.subtree if t.i < node.i)):
            out["hypothetical"] = True
        if node.dep_ in ("advcl", "ccomp") and words & marks:
            out["hypothetical"] = True
        if node.dep_ == "advcl" and words & lex.word_set("temporal_marks") \
                and (_aux_words(node.head) & (future | {"would"}) or lex.lemma(node.head) in irrealis):
            out["hypothetical"] = True  # "will return to the table when X stops attacking": a condition
        if step > 0:
            if prev is not None and prev.dep_ == "ccomp" and prev.i < node.i and any(
                    c.dep_ == "dobj" for c in node.children):
                break  # "accused X of Y, a charge Z denies": a misparse, the clause is its own event
            if node.i in triggers and triggers[node.i].embeds:
                out["frame"] = node
                return out
            if node.lemma_.lower() in promise and node.i not in triggers and step <= 2:
                out["promise"] = True  # "is willing to withdraw", "offered to send troops"
            elif node.lemma_.lower() in irrealis and node.i not in triggers and not (
                    prev is not None and prev.dep_ == "dobj" and lex.lemma(node) in lex.word_set("staging_verbs")):
                out["hypothetical"] = True  # "called for a strike" is a wish; "called a strike" stages one
            if node.lemma_.lower() in lex.word_set("negating_governors") and node.i not in triggers:
                out["negated"] = True  # "failed to reach agreement"
            if node.lower_ in neg and step == 1:  # "without attacks", "there is nothing to negotiate"
                out["negated"] = True
        dep = node.dep_
        if dep == "ROOT" or node.head.i == node.i:
            break
        to_inf = any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children)
        head = node.head
        told = step == 0 and triggers.get(tok.i) is not None and triggers[tok.i].type in _VERBAL \
            and head.i in triggers and triggers[head.i].type in ("CONSULT", "PROTEST")  # "phoned him to demand", "marched to demand"
        if to_inf and not told and (dep == "advcl" or dep in ("xcomp", "ccomp") and node.head.lemma_ == "be"):
            out["hypothetical"] = True  # "to stop the attacks", "the aim is to persuade them"
        if dep == "pcomp" and head.lower_ in lex.word_set("reason_preps") and node.tag_ == "VBG":
            out["hypothetical"] = True  # "arrested for criticising the law": the charge, not an event
        if dep == "relcl" and head.i in triggers and triggers[head.i].embeds:
            out["frame"] = head  # "threats that referred to sanctions"
            return out
        if dep == "pcomp" and head.head.pos_ in ("NOUN", "PROPN") and head.head.i not in triggers:
            out["hypothetical"] = True  # "the framework of supporting Gaza": a description, not an act
        if dep in ("relcl", "acl") and head.lower_ in neg:
            out["negated"] = True  # "there is nothing to negotiate", "no one to talk to"
        if dep in ("relcl", "parataxis", "appos", "advcl") and not words & marks:
            break
        if dep == "conj" and not any(c.dep_ in SUBJ + ("aux", "auxpass") for c in node.children):
            hw = _aux_words(head)  # "will be treated as outlaws and dealt with": the shared auxiliary
            out["future"] |= bool(hw & future)
        if dep == "conj" and (any(c.dep_ in SUBJ for c in node.children) or head.i in triggers
                              or node.tag_ in ("VBD", "VBZ", "VBP")):
            break  # a coordinate clause is its own event ("must include X and accused Y of ...")
        if dep in ("nsubj", "nsubjpass") and node.pos_ in ("NOUN", "PROPN"):
            # "the attacks would not have occurred": the verb's modality (and, for verbs of
            # existence, its negation) applies to its subject event; "the strike hit" is realis
            hw = _aux_words(head)
            out["hypothetical"] |= bool(hw & modal) or head.dep_ in ("advcl", "ccomp") and bool(hw & marks)
            out["future"] |= bool(hw & future)
            if head.lemma_.lower() in lex.word_set("existence_verbs"):
                out["negated"] |= any(c.dep_ == "neg" for c in head.children)
            break
        prev, node = node, head
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


_NESTED = {"relcl", "acl", "appos", "advcl", "ccomp", "parataxis"}


def _own_clause(tok: Token, clause: list[Token]) -> list[Token]:
    """The clause without nested clauses that do not hold the trigger ("who fled after the 1994 war")."""
    drop: set[int] = set()
    for t in clause:
        if t.dep_ in _NESTED and t.i != tok.i and not (t.left_edge.i <= tok.i <= t.right_edge.i):
            drop.update(range(t.left_edge.i, t.right_edge.i + 1))
    return [t for t in clause if t.i not in drop]


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
    # "declined to comment", "asked not to be named": the reporter's exchange is no event and frames none
    triggers = {t.i: m for t in sent if (m := _match(t, lex)) is not None and not _newsroom(t, m.type, lex)}
    light = lex.word_set("light_verbs")
    for i, trig in list(triggers.items()):
        tok = doc[i]
        if tok.pos_ in ("VERB", "AUX") and lex.lemma(tok) in light:
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
    commanded = set()
    for i, f in list(frames.items()):  # "ordered the brigade to deploy": the order is the deployment
        frame, inner = cands.get(f), cands[i]
        if frame is not None and frame.tok.lemma_.lower() in lex.word_set("command_verbs") \
                and inner.type in MATERIAL_CONFLICT | {"RETREAT", "AID"} and doc[i].dep_ == "xcomp" \
                and not (inner.negated or inner.hypothetical):
            inner.actor, inner.actor_known = frame.actor, frame.actor_known
            inner.frame = None
            commanded.add(f)
            del frames[i]
    for f in commanded:
        cands.pop(f, None)
    for i, f in frames.items():  # "vowed attacks on X": the frame's target and mode come from inside
        frame, inner = cands.get(f), cands[i]
        if frame is None:
            continue
        inner_target = None if inner.target_tok is not None and inner.target_tok.i in triggers else inner.target
        direct = frame.target_tok is not None and frame.target_tok.i == i or doc[i].head.i == f
        if frame.target_tok is not None and frame.target_tok.i == i:
            frame.target, frame.target_ref = inner_target, inner.type if frame.type in _ABOUT_AUTHOR else None
            if frame.target is None and frame.type not in _ABOUT_AUTHOR:  # "suspended its operations against X"
                frame.target = argument(prep_object(frame.tok, {"against", "on"}), actors, lex=lex, role="target")
            if frame.type == "REQUEST" and inner.actor:  # "demanded the minister's resignation"
                frame.target, frame.target_ref = inner.actor, None
        elif frame.target is None and inner_target:
            frame.target = inner_target
        elif inner_target and frame.type == "THREATEN" and inner.type in _VIOLENT and frame.target_tok is not None \
                and frame.target_tok.head.i == i and frame.target_tok.dep_ in SUBJ:
            frame.target = inner_target  # "warned that the group would strike X": X is threatened
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
    out = _merge_linked([c for i, c in cands.items() if i not in frames], cands, lex)
    out = out + _quoted_demands(sent, lex, actors, dates, out)
    return out + _quoted_verdicts(sent, lex, actors, dates, out)


def _quoted_demands(sent: SpacySpan, lex: Lexicon, actors, dates, have: list[_Cand]) -> list[_Cand]:
    """'"X must stop ...", she said': a quoted must/should addressed to a named party is the speaker's demand."""
    if any(c.type == "REQUEST" for c in have):
        return []
    doc, out = sent.doc, []
    modals = lex.word_set("demand_modals")
    for tok in sent:
        if tok.pos_ not in ("VERB", "AUX") or not any(c.dep_ == "aux" and c.lower_ in modals for c in tok.children):
            continue
        quote = _quote_at(tok)
        subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if quote is None or not quote.speaker or subj is None or subj.pos_ == "PRON" or subj.idx < quote.start:
            continue  # 'X "should understand ..."': the demand must be the speaker's own words
        named = actors.at(subj.idx, subj.idx + len(subj.text)) if actors is not None else None
        act = subj.lemma_.lower() in lex.nouns  # "the arrests must be reversed": a demand about an act
        if named is None and subj.pos_ != "PROPN" and not act:
            continue  # "the world must act": no party to address
        speaker = (actors.canonical(quote.speaker) if actors is not None else None) or quote.speaker
        target = None if act else argument(subj, actors, lex=lex, role="target")
        if not (target or act) or target == speaker:
            continue
        trig = Trigger(type="REQUEST", lemma=tok.lemma_.lower(), mode="change")
        known = {a.name for a in getattr(actors, "actors", ())}
        out.append(_Cand(type="REQUEST", tok=tok, trig=trig, mode="change", actor=speaker, target=target,
                         actor_known=speaker in known, date=date_in(doc, dates, sent.start_char, sent.end_char, tok.idx),
                         sent=sent))
        break
    return out


def _elaborates(tok: Token) -> bool:
    """A subjectless -ing clause without a conjunction ("..., killing three"): more of the same act."""
    return tok.dep_ == "advcl" and tok.tag_ == "VBG" and not any(m.dep_ in ("mark",) + SUBJ for m in tok.children)


def _quoted_verdicts(sent: SpacySpan, lex: Lexicon, actors, dates, have: list[_Cand]) -> list[_Cand]:
    """'"This is a violation of the truce," he said': a quoted condemning predicate is the speaker's accusation."""
    if any(c.type == "ACCUSE" for c in have):
        return []
    words = lex.word_set("characterisations")
    for tok in sent:
        if tok.dep_ != "attr" or tok.head.lemma_ != "be" or tok.lemma_.lower() not in words \
                or any(c.dep_ == "neg" for c in tok.head.children):
            continue
        if any(c.dep_ in SUBJ and any(d.dep_ == "det" and d.lower_ in lex.word_set("generic_determiners")
                                      for d in c.children) for c in tok.head.children):
            continue  # '"Any attack on aid workers is a crime"': a rule stated, no one accused
        quote = _quote_at(tok)
        if quote is None or not quote.speaker:
            continue
        speaker = (actors.canonical(quote.speaker) if actors is not None else None) or quote.speaker
        known = {a.name for a in getattr(actors, "actors", ())}
        trig = Trigger(type="ACCUSE", lemma=tok.lemma_.lower(), mode="disapprove")
        return [_Cand(type="ACCUSE", tok=tok, trig=trig, mode="disapprove", actor=speaker, actor_known=speaker in known,
                      date=date_in(sent.doc, dates, sent.start_char, sent.end_char, tok.idx), sent=sent)]
    return []


def _fill(keep: _Cand, drop: _Cand) -> None:
    for key in ("actor", "target", "location", "date", "mode", "fatalities", "injuries"):
        if getattr(keep, key) is None:
            setattr(keep, key, getattr(drop, key))


def _merge_linked(out: list[_Cand], cands: dict[int, _Cand], lex: Lexicon) -> list[_Cand]:
    """One event told by several triggers of a sentence ("attacked the base, killing three")."""
    absorbed = set()
    casualty = lex.casualty.get("fatalities", frozenset()) | lex.casualty.get("injuries", frozenset())
    lethal = lex.casualty.get("fatalities", frozenset())
    for c in out:
        node = c.tok
        for _ in range(3):
            if node.head.i == node.i or node.dep_ in ("ccomp", "parataxis"):
                break
            node = node.head
            host = cands.get(node.i)
            if host is None or host.type != c.type:  # "imposed sanctions on X, freezing Y": the light verb's noun
                host = next((cands[k.i] for k in node.children if k.dep_ == "dobj" and k.i in cands
                             and cands[k.i].type == c.type and (c.tok.dep_ == "advcl" and c.tok.tag_ == "VBG"
                             and not any(m.dep_ == "mark" for m in c.tok.children)
                             or c.tok.dep_ == "conj" and c.tok.head.i == node.i  # "launched attacks on X and stormed Y"
                             and not any(m.dep_ in SUBJ for m in c.tok.children))), host)
            if host is not None and host.type == "ASSAULT" and c.type == "COERCE" and c.tok.dep_ == "conj" \
                    and c.tok.head.i == node.i and lex.lemma(c.tok) in lex.word_set("spoils_verbs"):
                absorbed.add(id(c))  # "killed 27 soldiers and seized weapons": the spoils of the attack
                break
            if node.i == c.tok.head.i and _elaborates(c.tok):
                # "stormed the prison, freeing inmates", "imposed sanctions, barring Y": the -ing clause
                # tells more of the material act it hangs on, whatever its own type
                act = cands.get(node.i) or next((cands[k.i] for k in node.children
                                                 if k.dep_ == "dobj" and k.i in cands), None)
                if act is not None and act is not c and act.type == "COERCE" and c.type == "ASSAULT" \
                        and act.mode in lex.word_set("nonlethal_modes") and lex.lemma(c.tok) in lethal:
                    # "fired tear gas at marchers, killing two": deadly force makes the act an assault
                    c.target, c.target_tok = act.target or c.target, act.target_tok or c.target_tok
                    mode = c.mode
                    _fill(c, act)
                    c.mode = mode  # a crowd-control mode is no mode of an assault
                    absorbed.add(id(act))
                    break
                if act is not None and act is not c and act.type != c.type and act.type in MATERIAL_CONFLICT \
                        and c.type in MATERIAL_CONFLICT | {"RETREAT"}:
                    absorbed.add(id(c))
                    break
            if host is not None and host is not c and host.type == c.type and id(host) not in absorbed:
                keep, drop = host, c
                if host.tok.lemma_.lower() in casualty and c.tok.lemma_.lower() not in casualty \
                        or (host.reference or host.mention_only) and not (c.reference or c.mention_only):
                    keep, drop = c, host  # "the attack on the town killed five": the attack is the event
                _fill(keep, drop)
                absorbed.add(id(drop))
                break
    for c in out:  # "rounded up the men and shot them": the round-up is part of the killing
        if c.type == "COERCE" and lex.lemma(c.tok) in lex.word_set("spoils_verbs") and any(
                k.dep_ == "conj" and k.i in cands and cands[k.i].type == "ASSAULT" for k in c.tok.children):
            absorbed.add(id(c))
    out = [c for c in out if id(c) not in absorbed]
    merged: list[_Cand] = []
    for c in out:  # two triggers of one type in one sentence: one event unless their arguments clash
        home = next((m for m in merged if _compatible(c, m)), None)
        if home is None:
            merged.append(c)
            continue
        keep, drop = (home, c) if _specificity(home) >= _specificity(c) else (c, home)
        if (keep.hypothetical or keep.negated) and not (drop.hypothetical or drop.negated):
            keep, drop = drop, keep  # "launched an operation to retake X": the launch is what happened
        _fill(keep, drop)
        merged[merged.index(home)] = keep
    return merged


def _threatening(tok: Token, lex: Lexicon) -> bool:
    """A warning threatens when it names force or a response, or the warner's own next step."""
    content = lex.word_set("threat_content")
    if tok.pos_ in ("VERB", "AUX"):
        words = [t for c in tok.children if c.dep_ not in SUBJ for t in c.subtree]
    else:
        words = list(tok.subtree)
    if any(t.lemma_.lower() in content or t.lower_ in content for t in words):
        return True
    for t in words:  # "warned that the group would strike the airports": force named as a verb
        if t.pos_ == "VERB" and any(x.type in _VIOLENT for x in lex.verbs.get(t.lemma_.lower(), ())) \
                and _aux_words(t) & (lex.word_set("future_words") | {"would"}):
            return True
    for c in tok.children:  # "warned that it would escalate": the warner's own action
        if c.dep_ in ("ccomp", "acl"):
            subj = next((g for g in c.children if g.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None and subj.lower_ in ("it", "we", "they", "i"):
                return True
    return False


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


def _description(tok: Token, lex: Lexicon) -> bool:
    """A participle or present-tense relative clause that characterises a noun rather than reports an act."""
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    if tok.tag_ == "VBN" and tok.dep_ in ("acl", "amod", "advcl") \
            and tok.lemma_.lower() in lex.word_set("descriptive_participles"):
        return True
    node = tok
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
    if node.dep_ == "relcl" and node.head.lower_ in lex.word_set("generic_heads"):
        return True  # "anyone who had worked with the army": who is meant, not what happened
    if tok.dep_ == "acl" and tok.tag_ == "VBG" and tok.head.pos_ in ("NOUN", "PROPN") \
            and tok.head.lemma_.lower() not in set(lex.nouns) | lex.word_set("control_nouns"):
        return True  # "the task force fighting the militants": who they are; "an attack killing five" is told
    if _stationed(tok, lex):
        return True  # "1,000 troops were stationed there": a presence, not a deployment
    return node.dep_ == "relcl" and _present(node) and _present(tok)


def _stationed(tok: Token, lex: Lexicon) -> bool:
    """An agentless 'be' passive of a posting verb without a date of its own states where forces are."""
    if lex.lemma(tok) not in lex.word_set("posting_verbs") or tok.tag_ != "VBN":
        return False
    kids = list(tok.children)
    if not any(c.dep_ == "auxpass" and c.lemma_ == "be" for c in kids) or any(
            c.dep_ in ("agent", "aux") for c in kids):
        return False  # "were stationed by the ministry", "have been stationed": an act
    return not any(t.ent_type_ in ("DATE", "TIME") for c in kids if c.dep_ in ("prep", "npadvmod")
                   and not (c.dep_ == "prep" and c.lower_ in lex.word_set("background_governors"))
                   for t in c.subtree)


def _present(tok: Token) -> bool:
    """A simple present verb, active ("operates") or passive ("is funded")."""
    aux = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
    if tok.tag_ in ("VBZ", "VBP", "VB"):
        return not aux
    return tok.tag_ == "VBN" and len(aux) == 1 and aux[0].dep_ == "auxpass" and aux[0].lower_ in ("is", "are")


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


def _claimed(tok: Token, lex: Lexicon) -> bool:
    """'X claimed the attack, saying its fighters had killed 30': the claim restates an attack."""
    node = tok
    for _ in range(4):
        if node.head.i == node.i or node.dep_ not in ("ccomp", "advcl", "xcomp", "conj", "parataxis"):
            return False
        node = node.head
        if node.lemma_.lower() == "claim":
            return any(c.dep_ == "dobj" and c.lemma_.lower() in lex.word_set("claim_heads") for c in node.children)
    return False


def _summary(tok: Token, lex: Lexicon, kind: str = "") -> bool:
    """A statistical or trend summary ("the insurgency has killed 40,000", "stepped up attacks over the past years")."""
    verb = tok
    for _ in range(3):  # "have been killed in Palestinian attacks": the clause's verb
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX") or not any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children):
        return False
    subj = next((c for c in verb.children if c.dep_ in SUBJ), None)
    if subj is not None and subj.lemma_.lower() in lex.word_set("summary_subjects"):
        return True
    text = f" {' '.join(t.lower_ for t in verb.subtree)} "
    if any(f" {cue} " in text for cue in lex.word_set("trend_cues")):
        return True
    # a toll: victims counted over a span ("have killed 130 civilians since 2015", "this year")
    casualty = lex.casualty.get("fatalities", frozenset()) | lex.casualty.get("injuries", frozenset())
    if kind != "ASSAULT" or verb.lemma_.lower() not in casualty \
            or not any(f" {cue} " in text for cue in lex.word_set("toll_cues")):
        return False
    lo, hi = _own_span(verb)  # "since Monday" is one ongoing clash; "since 2015", "this year" a toll
    return not any(d.precision in ("day", "week") for d in (verb.doc._.wc_dates or ()) if lo <= d.start < hi)


def _backshifted(tok: Token, lex: Lexicon, conditional: bool = False) -> bool:
    """'X said troops would be sent': 'would' is the reported 'will' of a speech verb, not a condition."""
    modal = _aux_words(tok) & lex.word_set("modal_words")
    if modal != {"would"} or _aux_words(tok) & lex.word_set("conditional_marks"):
        return False
    if not conditional and any(c.dep_ == "advcl" and _aux_words(c) & lex.word_set("conditional_marks")
                               for c in tok.children):
        return False
    node = tok  # the speech verb must frame the clause directly: "said he feared X would ..." is no report
    for _ in range(6):
        if node.head.i == node.i:
            return False
        if node.dep_ in ("ccomp", "parataxis") and node.head.lemma_.lower() in lex.word_set("speech_verbs"):
            return True
        if node.head.lemma_.lower() in lex.word_set("irrealis_governors"):
            return False
        node = node.head
    return False


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


def _stance(tok: Token) -> bool:
    """A negation in the present states a standing refusal ("we do not negotiate", "there is nothing to negotiate")."""
    if tok.pos_ not in ("VERB", "AUX"):
        return False  # "this pause is not a surrender": a characterisation, not a refusal
    if any(c.dep_ == "aux" and c.lower_ in ("do", "does") for c in tok.children):
        return True
    node = tok
    while node.dep_ in ("xcomp", "acl", "relcl", "attr", "dobj") and node.head.i != node.i:
        node = node.head
    return node.tag_ in ("VBZ", "VBP") and not any(c.dep_ == "aux" for c in node.children)


def _light_negated(tok: Token, lex: Lexicon) -> bool:
    """'did not give permission': a negated light verb carrying a nominal trigger."""
    head = tok.head
    return tok.pos_ in ("NOUN", "PROPN") and head.lemma_.lower() in lex.word_set("light_verbs") \
        and any(c.dep_ == "neg" for c in head.children)


def _background(tok: Token, lex: Lexicon) -> bool:
    """'after a rocket attack on the base': a nominal mention set behind the sentence's own event."""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return False
    gov = lex.word_set("background_governors")
    head = tok.head
    if tok.dep_ == "pobj" and (head.lower_ in gov or head.head.lemma_.lower() in gov):
        return True
    return False


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


def _predicate(tok: Token) -> bool:
    """A noun that characterises something rather than reports an act: 'is a raid', 'called it / as a massacre'."""
    return tok.dep_ in ("attr", "oprd") or tok.dep_ == "pobj" and tok.head.lower_ == "as" \
        and not any(c.lower_ == "such" for c in tok.head.children) and tok.head.head.lower_ != "such"


def _circumstance(tok: Token, lex: Lexicon) -> bool:
    """'while evacuating the wounded', 'as they withdrew': a clause setting the scene of the sentence's event."""
    return tok.pos_ in ("VERB", "AUX") and tok.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in lex.word_set("circumstance_marks") for c in tok.children)


def _own_span(tok: Token) -> tuple[int, int]:
    toks = sorted(tok.subtree, key=lambda t: t.i)
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def _simple_present(tok: Token) -> bool:
    return tok.tag_ in ("VBP", "VBZ") and not any(c.dep_ in ("aux", "auxpass") for c in tok.children)


def _habitual(tok: Token, lex: Lexicon) -> bool:
    """A present-tense 'when' clause and the clause it hangs on state a habit, not an event."""
    marks = lex.word_set("habitual_marks")

    def when_clause(v: Token) -> bool:
        return v.dep_ == "advcl" and any(m.dep_ in ("mark", "advmod") and m.lower_ in marks for m in v.children)

    if not _simple_present(tok):
        return False
    if when_clause(tok) and _simple_present(tok.head):
        return True
    return any(when_clause(c) and _simple_present(c) for c in tok.children)


def _candidate(tok: Token, trig: Trigger, triggers: dict, sent: SpacySpan, lex: Lexicon, actors,
               places, dates, quantities, settings: Settings) -> _Cand | None:
    """The event one trigger states, before dedup; None when it states none."""
    doc = sent.doc
    flags = _climb(tok, triggers, lex, settings.event_climb_depth)
    kind, future, hypo = trig.type, flags["future"], flags["hypothetical"]
    if not trig.embeds and kind != "THREATEN" and any(
            c.dep_ == "advcl" and _aux_words(c) & lex.word_set("conditional_marks") for c in tok.children):
        hypo = True  # "if the talks fail, the army will strike"
    if _habitual(tok, lex):
        hypo = True  # "when we ask for our wages, they shoot at us": what happens, not what happened
    negated = flags["negated"]
    if kind == "THREATEN" and tok.pos_ == "VERB" and any(
            c.dep_ == "nsubj" and c.lemma_.lower() in lex.modifiers for c in tok.children):
        return None  # "drones threaten the terminals": a danger, not a threat anyone made
    if _description(tok, lex):
        return None  # "forces backed by X", "officials who arm the rebels": who they are, not what happened
    if kind in MATERIAL_CONFLICT and _summary(tok, lex, kind):
        return None  # "the insurgency has killed 40,000 people": background, not an event
    if tok.pos_ == "NOUN" and tok.dep_ == "nsubj" and tok.head.lemma_.lower() in lex.word_set("trend_verbs"):
        return None  # "attacks on bases have increased": a statistic
    # reported speech backshifts 'will' to 'would' ("said the army would strike"): one reading for every
    # type; a conditional stays a condition except for force, where "would strike if ..." is the threat
    reported = hypo and _backshifted(tok, lex, conditional=kind in _VIOLENT)
    announced = reported and kind in ("AID", "MOBILIZE") and not negated
    if announced:  # "said the US would provide $60 million": the speaker's announcement
        hypo = future = False
    elif reported:
        hypo, future = False, True
    if trig.threat and not _threatening(tok, lex):
        return None  # "warned that its trucks could not reach the north": a forecast, not a threat
    converted = False
    if trig.when_negated:
        if not negated:
            return None
        negated, hypo, future = False, False, False  # "would no longer allow", "would not hesitate to act"
        converted = kind == "THREATEN"
    elif trig.irrealis:
        if not (hypo or future):
            return None
        hypo, future, converted = False, True, True
    elif flags["frame"] is None and kind in COOPERATIVE and negated and not hypo \
            and (future or _light_negated(tok, lex) or _stance(tok)):
        kind, negated = "REJECT", False  # "will not lift the embargo", "did not give permission", "we do not negotiate"
    elif flags["frame"] is None and kind in _VIOLENT and (future or flags["promise"]) and not negated:
        kind, hypo, converted = "THREATEN", False, True  # "will strike", "vowed ... ": a threat, not an attack
    elif flags["frame"] is None and kind == "CONSULT" and flags["promise"]:
        hypo = True  # "remains willing to negotiate": an openness to talks is neither a talk nor a deal
    elif flags["frame"] is None and kind in COOPERATIVE - {"AGREE", "CONSULT"} and (future or flags["promise"]) \
            and not hypo and not negated:
        # "will release the prisoners" is a promise; "will meet next week" is a scheduled meeting
        kind = "AGREE"  # "will release the prisoners", "is willing to withdraw": a promise
    elif kind in MATERIAL_CONFLICT and flags["promise"]:
        future = True
    if tok.pos_ in ("VERB", "AUX"):
        a_tok, t_tok = verb_args(tok, kind, lex, actors)
        subj = next((c for c in tok.children if c.dep_ in SUBJ), None)
        if a_tok is None and subj is None and not any(c.dep_ in ("nsubjpass", "auxpass", "agent") for c in tok.children):
            a_tok = nearby_actor(tok, actors)
        own = True
    else:
        a_tok, t_tok, own = noun_args(tok, kind, lex, actors)
    if a_tok is not None and (a_tok.i in triggers or a_tok.lemma_.lower() in lex.modifiers
                              and a_tok.lemma_.lower() not in lex.word_set("person_modifiers")
                              and owner(a_tok, actors, lex, "owned_actor_nouns") is None
                              or a_tok.lemma_.lower() in lex.word_set("non_agents")):
        a_tok = None  # "a drone strike hit", "hit by a drone", "the barrage followed": no actor
    if a_tok is not None and (_numeric(a_tok) or a_tok.pos_ in ("NOUN", "PROPN") and a_tok.lemma_.lower() in lex.nouns
                              and not a_tok.text[:1].isupper()):
        a_tok = None  # "23 wounded", "fighting killed 55 people": a count or an event is no party
    if t_tok is not None and t_tok.i not in triggers and (
            _numeric(t_tok) or t_tok.pos_ == "ADJ" or t_tok.lemma_.lower() in lex.word_set("non_party_targets")):
        t_tok = _abstract_owner(t_tok)  # "rejected the account", "dismissed the president's remarks"
    if kind == "PROTEST" and trig.mode == "obstruct" and tok.pos_ == "VERB":
        t_tok = None  # "blocked the road": the road is where, not whom, they protest
    if t_tok is not None and t_tok.lemma_.lower() in lex.modifiers and kind in _VIOLENT:
        t_tok = None  # "fired dozens of rockets": the weapon, not the target
    between = t_tok is not None and a_tok is not None and t_tok.dep_ == "conj" and t_tok.head.i == a_tok.i
    actor = argument(a_tok, actors, conj=not between, lex=lex)
    target = argument(t_tok, actors, lex=lex, role="target")
    if kind in _MUTUAL and a_tok is not None and (t_tok is None or t_tok.i in triggers) and a_tok.dep_ in SUBJ:
        first = named_for(a_tok, actors) or a_tok  # "A and B agreed", "the ministers, A and B, will meet"
        second = next((c for c in first.children if c.dep_ == "conj"), None)
        if second is not None:
            actor, target = argument(first, actors, conj=False, lex=lex), argument(second, actors, conj=False, lex=lex)
    if trig.swap:  # "were persuaded to": the persuaded party agrees
        actor, target = target, actor
    if announced and actor is None:  # "the minister said troops would be sent": his announcement
        spk = _speaker(tok, lex)
        actor = argument(spk, actors, lex=lex) if spk is not None and spk.pos_ != "PRON" else None
    if converted:  # "Colonel X said the US would respond": the threat is the speaker's
        spk = _speaker(tok, lex)
        name = argument(spk, actors, lex=lex) if spk is not None and spk.pos_ != "PRON" else None
        quote = _quote_at(tok)
        if name is None and quote is not None and quote.speaker:  # "'... will be taken back,' he wrote"
            name = (actors.canonical(quote.speaker) if actors is not None else None) or quote.speaker
        if name and (actor is None or getattr(actors, "kind_of", lambda n: None)(name) == "person"):
            actor = name
        held = _held_by(t_tok) if trig.mode == "ground offensive" else None
        if held is not None:  # a vow to retake what X holds threatens X
            t_tok, target = held, argument(held, actors, lex=lex, role="target")
    denier = _denial_speaker(tok, triggers, lex) if kind in MATERIAL_CONFLICT and not (future or hypo) else None
    if denier is not None:  # "rejected the account, saying X had fired first": a counter-accusation
        kind, target, t_tok = "ACCUSE", actor, a_tok
        actor = argument(denier, actors, lex=lex)
    if actor and target and actor == target:
        target = None
    own = own and (actor is not None or target is not None)  # "their operations": nobody resolved
    clause = _clause(tok)
    scope = sorted(set(clause) | set(tok.subtree), key=lambda t: t.i)
    background = _background(tok, lex)
    exclude = tuple((ts[0].idx, ts[-1].idx + len(ts[-1].text))
                    for ts in (phrase_tokens(x) for x in (a_tok, t_tok) if x is not None and x.pos_ != "PRON"))
    start, end = sent.start_char, sent.end_char
    if background:  # its place and date are its own, not those of the sentence's event
        scope = sorted(tok.subtree, key=lambda t: t.i)
        start, end = _own_span(tok)
    dead, hurt = casualties(scope, quantities, lex, start, end)
    reference = governed = False
    subj = next((c for c in tok.children if c.dep_ in SUBJ), None)
    if tok.pos_ in ("NOUN", "PROPN"):
        dets = {c.lower_ for c in tok.children if c.dep_ in ("det", "poss")}
        refs = lex.word_set("reference_governors")
        # "responded with air strikes": a means is a fresh act, not a mention of one
        staged = tok.dep_ == "dobj" and lex.lemma(tok.head) in lex.word_set("staging_verbs") \
            and not dets & _DEFINITE and not any(c.dep_ in ("oprd", "ccomp", "xcomp") for c in tok.head.children)
        governed = not staged and tok.head.lemma_.lower() in refs or tok.head.dep_ == "prep" \
            and tok.head.lower_ not in lex.word_set("means_preps") \
            and (tok.head.head.lemma_.lower() in refs or tok.head.lower_ in refs)
        reference = bool(dets & _DEFINITE) and (governed or not own) or governed and not own
        governed = governed and not own
        if _predicate(tok) and kind in MATERIAL_CONFLICT:  # "this is an arrest", "condemned the raid as a massacre": a characterisation
            reference = governed = True
        if reference and actor is None and target is None:
            governed = True  # "four months into its deployment": a bare mention never leads an event
        if tok.dep_ == "nsubj" and dets & _DEFINITE and not own and tok.head.lemma_.lower() in lex.word_set("state_verbs"):
            reference = governed = True  # "the deployment remains unpopular": talked about, not reported
        if tok.dep_ in ("nsubj", "nsubjpass") and dets & {"a", "an"} and tok.head.tag_ in ("VBZ", "VBP") \
                and not any(c.dep_ == "aux" for c in tok.head.children):
            hypo = True  # "a withdrawal takes a year": what such events are like, not one of them
    else:
        # "the rockets struck a hangar", "the strikes hit a depot": the weapon or a report of an event told
        reference = subj is not None and actor is None and (
            subj.lemma_.lower() in lex.modifiers or subj.i in triggers and triggers[subj.i].type == kind) \
            and any(d.dep_ == "det" and d.lower_ in _DEFINITE for d in subj.children)
        if tok.dep_ == "acl" and tok.tag_ == "VBN" and 0 < tok.i - tok.head.i <= 2 \
                and tok.head.lemma_.lower() not in lex.modifiers \
                and tok.sent.root.pos_ in ("VERB", "AUX") and not any(c.dep_ == "agent" for c in tok.children):
            reference = governed = True  # "those detained", "troops stationed there": a description
        casualty = lex.casualty.get("fatalities", frozenset()) | lex.casualty.get("injuries", frozenset())
        if kind == "ASSAULT" and tok.lemma_.lower() in casualty and actor is None:
            reference = governed = True  # "16 people were killed": the toll of an attack told elsewhere
    if _claimed(tok, lex):
        reference = True  # the claim's own account joins the attack it claims
    if _circumstance(tok, lex):
        reference = governed = True  # joins the event it is told with, never leads one
    if a_tok is not None and a_tok.lemma_.lower() in lex.word_set("perpetrator_nouns") \
            and any(c.dep_ == "det" and c.lower_ == "the" for c in a_tok.children):
        reference = True  # "the attackers shot them": a detail of the attack already told
    if kind in MATERIAL_CONFLICT and actor is None and target is None and tok.pos_ == "VERB" and any(
            c.dep_ in SUBJ + ("dobj",) and c.pos_ == "PRON" for c in tok.children):
        reference = governed = True  # "they shot him": an anecdote of an event told elsewhere
    known = {a.name for a in getattr(actors, "actors", ())}
    avoid = (_own_span(a_tok),) if a_tok is not None and a_tok.pos_ != "PRON" else ()
    t_place = _target_place(t_tok, places, lex)  # "an attack on Ain al-Asad": the target is the place
    location = t_place if t_place is not None and t_place.kind not in COARSE_KINDS else None
    if kind in _VERBAL:  # "In Benghazi, X blamed the authorities in Tripoli": where it was said
        location = _said_at(tok, places, lex) or location
    location = location or place_in(scope, places, lex, exclude, actors=actors, trigger=tok, avoid=avoid) or t_place
    cand = _Cand(
        type=kind, tok=tok, trig=trig, mode=_mode(tok, trig, scope, lex), actor=actor, target=target,
        target_tok=t_tok, actor_known=actor in known, location=location,
        date=date_in(doc, dates, start, end, tok.idx), fatalities=dead, injuries=hurt,
        negated=negated, hypothetical=hypo, future=future,
        historical=_historical(_own_clause(tok, clause), doc._.wc_published, lex, settings.event_historical_years),
        reference=reference, mention_only=governed, sent=sent)
    cand.background = background
    cand.frame = flags["frame"]
    if location is None and not background:  # "marched through X, demanding ...": the demand was made there
        cand.sent_place = place_in(list(sent), places, lex, exclude, actors=actors, trigger=tok, avoid=avoid)
    if denier is not None:
        cand.mode = "allege"
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


_ROUGH = {"dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2000, "tens": 20}


def _amount(name) -> int | None:
    text = (name if isinstance(name, str) else getattr(name, "name", "")).lower()
    m = re.search(r"\b\d[\d,]*\b", text)
    if m:
        return int(m.group().replace(",", ""))
    return next((v for w, v in _ROUGH.items() if w in text.split()), None)


def _counts_differ(a, b) -> bool:
    """'thousands of people' and '37 people': groups of clearly different size are not one report's victims."""
    x, y = _amount(a), _amount(b)
    return x is not None and y is not None and max(x, y) > 2 * min(x, y)


def _day(d) -> bool:
    return d is not None and d.precision == "day" and not d.open_end


def _period(d):
    if d is None or d.value is None or d.open_end:
        return None
    lo, hi = period(d.value.isoformat(), d.precision, 1)
    if d.end_value is not None:
        hi = max(hi, d.end_value)
    return lo, hi


def _apart(c: _Cand, g: _Cand) -> bool:
    """Dated to periods that do not meet, or one recalled from long ago and one not."""
    if c.historical != g.historical:
        return True
    pc, pg = _period(c.date), _period(g.date)
    return pc is not None and pg is not None and (pc[1] < pg[0] or pg[1] < pc[0])


def _compatible(c: _Cand, g: _Cand) -> bool:
    """Could c and g be reports of one real-world event?"""
    if c.type != g.type:
        return False
    if c.sent.start_char != g.sent.start_char and _apart(c, g):
        return False  # "in August last year ..." is not the clash of Tuesday
    if c.reference:
        return True
    if c.type == "ASSAULT" and c.mode and g.mode and c.mode != g.mode:
        return False
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
    return same_actor or bool(c.target and g.target and _words(c.target) & _words(g.target)
                              and not _counts_differ(c.target, g.target))


def _depth(tok: Token) -> int:
    n = 0
    while tok.head.i != tok.i and n < 20:
        tok, n = tok.head, n + 1
    return n


def _specificity(c: _Cand) -> tuple:
    """How well a sentence reports its event: arguments filled, then how central the trigger is."""
    filled = sum(x is not None for x in (c.actor, c.target, c.location, c.date, c.mode, c.fatalities))
    return (not (c.reference or c.background), filled, -_depth(c.tok), -c.tok.i)


def _to_event(group: list[_Cand]) -> Event:
    best = max(group, key=_specificity)
    fill = {}
    for key in ("mode", "actor", "target", "location", "date", "fatalities", "injuries"):
        fill[key] = getattr(best, key)
        if fill[key] is None:
            fill[key] = next((getattr(c, key) for c in group if getattr(c, key) is not None), None)
    place, date = fill["location"] or best.sent_place, fill["date"]
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


def _overlap(c: _Cand, group: list[_Cand]) -> int:
    """How many participant and place words a report shares with a group."""
    mine = _words(c.actor) | _words(c.target) | _words(c.location)
    return sum(len(mine & (_words(m.actor) | _words(m.target) | _words(m.location))) for m in group)


def _home(c: _Cand, groups: list[list[_Cand]]) -> list[_Cand] | None:
    fits = [g for g in groups if all(_compatible(c, m) for m in g if not m.reference or m is g[0])]
    if not fits:
        return None
    if c.reference or c.background:  # "the arrest of 63 people": the report it shares most with
        return max(reversed(fits), key=lambda g: _overlap(c, g))
    return fits[-1]  # the latest compatible report


def _dedup(cands: list[_Cand]) -> list[list[_Cand]]:
    groups: list[list[_Cand]] = []
    for c in cands:
        if c.background:
            continue
        home = _home(c, groups)
        if home is None and not c.mention_only:
            groups.append([c])
        elif home is not None:
            home.append(c)
    for c in cands:  # "after a missile attack on X" joins the report of that attack, before or after it
        if not c.background:
            continue
        home = _home(c, groups)
        if home is not None:
            home.append(c)
        elif not c.mention_only:
            groups.append([c])
    groups.sort(key=lambda g: min(m.tok.idx for m in g))
    return groups


def extract_events(doc: Doc, actors, places=(), dates=(), quantities=(),
                   settings: Settings = DEFAULT) -> tuple[Event, ...]:
    """PLOVER events of the article, one per real-world event, with evidence sentences."""
    lex = load_lexicon(str(settings.event_lexicon) if settings.event_lexicon else None)
    keys = set(lex.verbs) | set(lex.nouns)
    hyphened = [k for k in lex.nouns if "-" in k]  # "sit-in" is three tokens
    modals = lex.word_set("demand_modals") | lex.word_set("characterisations")  # quoted demands and verdicts
    cands: list[_Cand] = []
    for sent in doc.sents:
        if not any(t.lemma_.lower() in keys or t.lower_ in keys or t.lower_ in modals for t in sent) \
                and not any(k in sent.text.lower() for k in hyphened):
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
