"""Candidates: the event one trigger states, with its arguments and flags, sentence by sentence."""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span as SpacySpan, Token

from wirecoder.extract.events.arguments import (
    argument, casualties, COARSE_KINDS, date_in, named_for, nearby_actor, noun_args, owner, phrase_tokens, place_in, prep_object, SUBJ, verb_args,
)
from wirecoder.extract.events.base import (
    _ABOUT_AUTHOR, _Cand, _DEFINITE, _MUTUAL, _VERBAL, _VIOLENT, COOPERATIVE, MATERIAL_CONFLICT,
)
from wirecoder.extract.events.lexicon import Lexicon, Trigger
from wirecoder.extract.events.merge import _merge_linked
from wirecoder.extract.events.modality import (
    _aux_words, _background, _backshifted, _circumstance, _claimed, _climb, _description, _habitual, _historical, _light_negated, _own_clause, _own_span, _predicate, _stance, _summary, _threatening,
)
from wirecoder.extract.events.roles import (
    _abstract_owner, _clause, _denial_speaker, _held_by, _mode, _numeric, _quote_at, _said_at, _speaker, _target_place,
)
from wirecoder.extract.events.triggers import _match, _newsroom
from wirecoder.settings import Settings


@dataclass
class _Reading:
    """What one trigger states, filled in phase by phase (modality, argument tokens, parties, mention kind)."""

    tok: Token
    trig: Trigger
    kind: str
    negated: bool
    hypo: bool
    future: bool
    announced: bool = False
    converted: bool = False
    a_tok: Token | None = None
    t_tok: Token | None = None
    own: bool = True
    actor: str | None = None
    target: str | None = None
    denier: Token | None = None
    frame: Token | None = None  # the trigger embedding this one ("vowed" over "attacks")


def _not_an_event(tok: Token, kind: str, lex: Lexicon) -> bool:
    """Triggers that state no event at all: a danger, a description, a summary, a statistic."""
    if kind == "THREATEN" and tok.pos_ == "VERB" and any(
            c.dep_ == "nsubj" and c.lemma_.lower() in lex.modifiers for c in tok.children):
        return True  # "drones threaten the terminals": a danger, not a threat anyone made
    if _description(tok, lex):
        return True  # "forces backed by X", "officials who arm the rebels": who they are, not what happened
    if kind in MATERIAL_CONFLICT and _summary(tok, lex, kind):
        return True  # "the insurgency has killed 40,000 people": background, not an event
    # "attacks on bases have increased": a statistic
    return tok.pos_ == "NOUN" and tok.dep_ == "nsubj" and tok.head.lemma_.lower() in lex.word_set("trend_verbs")


def _modality(tok: Token, trig: Trigger, triggers: dict, lex: Lexicon, settings: Settings) -> _Reading | None:
    """Type and mood of the trigger's event (threats, promises and refusals recast); None when it states none."""
    flags = _climb(tok, triggers, lex, settings.event_climb_depth)
    r = _Reading(tok, trig, trig.type, flags["negated"], flags["hypothetical"], flags["future"])
    if not trig.embeds and r.kind != "THREATEN" and any(
            c.dep_ == "advcl" and _aux_words(c) & lex.word_set("conditional_marks") for c in tok.children):
        r.hypo = True  # "if the talks fail, the army will strike"
    if _habitual(tok, lex):
        r.hypo = True  # "when we ask for our wages, they shoot at us": what happens, not what happened
    if _not_an_event(tok, r.kind, lex):
        return None
    # reported speech backshifts 'will' to 'would' ("said the army would strike"): one reading for every
    # type; a conditional stays a condition except for force, where "would strike if ..." is the threat
    reported = r.hypo and _backshifted(tok, lex, conditional=r.kind in _VIOLENT)
    r.announced = reported and r.kind in ("AID", "MOBILIZE") and not r.negated
    if r.announced:  # "said the US would provide $60 million": the speaker's announcement
        r.hypo = r.future = False
    elif reported:
        r.hypo, r.future = False, True
    if trig.threat and not _threatening(tok, lex):
        return None  # "warned that its trucks could not reach the north": a forecast, not a threat
    return _recast(r, flags, lex)


def _recast(r: _Reading, flags: dict, lex: Lexicon) -> _Reading | None:
    """Negated, future and promised events recast as refusals, threats and promises."""
    tok, trig, free = r.tok, r.trig, flags["frame"] is None
    if trig.when_negated:
        if not r.negated:
            return None
        r.negated, r.hypo, r.future = False, False, False  # "would no longer allow", "would not hesitate to act"
        r.converted = r.kind == "THREATEN"
    elif trig.irrealis:
        if not (r.hypo or r.future):
            return None
        r.hypo, r.future, r.converted = False, True, True
    elif free and r.kind in COOPERATIVE and r.negated and not r.hypo \
            and (r.future or _light_negated(tok, lex) or _stance(tok)):
        r.kind, r.negated = "REJECT", False  # "will not lift the embargo", "did not give permission", "we do not negotiate"
    elif free and r.kind in _VIOLENT and (r.future or flags["promise"]) and not r.negated:
        r.kind, r.hypo, r.converted = "THREATEN", False, True  # "will strike", "vowed ... ": a threat, not an attack
    elif free and r.kind == "CONSULT" and flags["promise"]:
        r.hypo = True  # "remains willing to negotiate": an openness to talks is neither a talk nor a deal
    elif free and r.kind in COOPERATIVE - {"AGREE", "CONSULT"} and (r.future or flags["promise"]) \
            and not r.hypo and not r.negated:
        # "will release the prisoners" is a promise; "will meet next week" is a scheduled meeting
        r.kind = "AGREE"  # "will release the prisoners", "is willing to withdraw": a promise
    elif r.kind in MATERIAL_CONFLICT and flags["promise"]:
        r.future = True
    r.frame = flags["frame"]
    return r


def _argument_tokens(r: _Reading, triggers: dict, lex: Lexicon, actors) -> None:
    """The tokens standing for actor and target, weapons, counts, events and abstractions removed."""
    tok, kind = r.tok, r.kind
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
    if kind == "PROTEST" and r.trig.mode == "obstruct" and tok.pos_ == "VERB":
        t_tok = None  # "blocked the road": the road is where, not whom, they protest
    if t_tok is not None and t_tok.lemma_.lower() in lex.modifiers and kind in _VIOLENT:
        t_tok = None  # "fired dozens of rockets": the weapon, not the target
    r.a_tok, r.t_tok, r.own = a_tok, t_tok, own


def _speaker_name(tok: Token, actors, lex: Lexicon) -> str | None:
    spk = _speaker(tok, lex)
    return argument(spk, actors, lex=lex) if spk is not None and spk.pos_ != "PRON" else None


def _parties(r: _Reading, triggers: dict, lex: Lexicon, actors, future_or_hypo: bool) -> None:
    """Actor and target names: mutual events split, speakers of announcements and threats, counter-accusations."""
    a_tok, t_tok, kind, trig, tok = r.a_tok, r.t_tok, r.kind, r.trig, r.tok
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
    if r.announced and actor is None:  # "the minister said troops would be sent": his announcement
        actor = _speaker_name(tok, actors, lex)
    if r.converted:  # "Colonel X said the US would respond": the threat is the speaker's
        name = _speaker_name(tok, actors, lex)
        quote = _quote_at(tok)
        if name is None and quote is not None and quote.speaker:  # "'... will be taken back,' he wrote"
            name = (actors.canonical(quote.speaker) if actors is not None else None) or quote.speaker
        if name and (actor is None or getattr(actors, "kind_of", lambda n: None)(name) == "person"):
            actor = name
        held = _held_by(t_tok) if trig.mode == "ground offensive" else None
        if held is not None:  # a vow to retake what X holds threatens X
            r.t_tok, target = held, argument(held, actors, lex=lex, role="target")
    r.denier = _denial_speaker(tok, triggers, lex) if kind in MATERIAL_CONFLICT and not future_or_hypo else None
    if r.denier is not None:  # "rejected the account, saying X had fired first": a counter-accusation
        r.kind, target, r.t_tok = "ACCUSE", actor, a_tok
        actor = argument(r.denier, actors, lex=lex)
    if actor and target and actor == target:
        target = None
    r.actor, r.target = actor, target
    r.own = r.own and (actor is not None or target is not None)  # "their operations": nobody resolved


def _specific(verb: Token) -> bool:
    """'kills 12 civilians in Rafah': a counted victim or a named place makes a headline's present a report."""
    for c in verb.children:
        if c.dep_ in ("dobj", "nsubjpass") and any(g.dep_ == "nummod" for g in c.children):
            return True
        if c.dep_ == "prep" and any(g.dep_ == "pobj" and g.ent_type_ in ("GPE", "LOC", "FAC") for g in c.children):
            return True
    return False


def _noun_mention(r: _Reading, lex: Lexicon) -> tuple[bool, bool]:
    """(reference, mention only) of a noun trigger: "the attack" refers back; "condemned the raid" talks about it."""
    tok, kind, own = r.tok, r.kind, r.own
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
    if reference and r.actor is None and r.target is None:
        governed = True  # "four months into its deployment": a bare mention never leads an event
    if tok.dep_ == "nsubj" and dets & _DEFINITE and not own and tok.head.lemma_.lower() in lex.word_set("state_verbs"):
        reference = governed = True  # "the deployment remains unpopular": talked about, not reported
    if tok.dep_ in ("nsubj", "nsubjpass") and dets & {"a", "an"} and tok.head.tag_ in ("VBZ", "VBP") \
            and not any(c.dep_ == "aux" for c in tok.head.children) and not _specific(tok.head):
        r.hypo = True  # "a withdrawal takes a year": what such events are like, not one of them
    return reference, governed


def _weapon_news(subj: Token | None, lex: Lexicon) -> bool:
    """'A car bomb killed 12 people': a weapon new to the text is the attack's own report, not a toll."""
    return subj is not None and subj.lemma_.lower() in lex.modifiers \
        and any(d.dep_ == "det" and d.lower_ in ("a", "an") for d in subj.children)


def _verb_mention(r: _Reading, triggers: dict, lex: Lexicon) -> tuple[bool, bool]:
    """(reference, mention only) of a verb trigger: a detail or toll of an event told elsewhere."""
    tok, kind = r.tok, r.kind
    subj = next((c for c in tok.children if c.dep_ in SUBJ), None)
    governed = False
    # "the rockets struck a hangar", "the strikes hit a depot": the weapon or a report of an event told
    reference = subj is not None and r.actor is None and (
        subj.lemma_.lower() in lex.modifiers or subj.i in triggers and triggers[subj.i].type == kind) \
        and any(d.dep_ == "det" and d.lower_ in _DEFINITE for d in subj.children)
    if tok.dep_ == "acl" and tok.tag_ == "VBN" and 0 < tok.i - tok.head.i <= 2 \
            and tok.head.lemma_.lower() not in lex.modifiers \
            and tok.sent.root.pos_ in ("VERB", "AUX") and not any(c.dep_ == "agent" for c in tok.children):
        reference = governed = True  # "those detained", "troops stationed there": a description
    casualty = lex.casualty.get("fatalities", frozenset()) | lex.casualty.get("injuries", frozenset())
    if kind == "ASSAULT" and tok.lemma_.lower() in casualty and r.actor is None and not _weapon_news(subj, lex):
        reference = governed = True  # "16 people were killed": the toll of an attack told elsewhere
    return reference, governed


def _mention(r: _Reading, triggers: dict, lex: Lexicon) -> tuple[bool, bool]:
    """(reference, mention only): whether the trigger refers back to, or only talks about, an event."""
    tok = r.tok
    reference, governed = _noun_mention(r, lex) if tok.pos_ in ("NOUN", "PROPN") else _verb_mention(r, triggers, lex)
    if _claimed(tok, lex):
        reference = True  # the claim's own account joins the attack it claims
    if _circumstance(tok, lex):
        reference = governed = True  # joins the event it is told with, never leads one
    if r.a_tok is not None and r.a_tok.lemma_.lower() in lex.word_set("perpetrator_nouns") \
            and any(c.dep_ == "det" and c.lower_ == "the" for c in r.a_tok.children):
        reference = True  # "the attackers shot them": a detail of the attack already told
    if r.kind in MATERIAL_CONFLICT and r.actor is None and r.target is None and tok.pos_ == "VERB" and any(
            c.dep_ in SUBJ + ("dobj",) and c.pos_ == "PRON" for c in tok.children):
        reference = governed = True  # "they shot him": an anecdote of an event told elsewhere
    return reference, governed


def _candidate(tok: Token, trig: Trigger, triggers: dict, sent: SpacySpan, lex: Lexicon, actors,
               places, dates, quantities, settings: Settings) -> _Cand | None:
    """The event one trigger states, before dedup; None when it states none."""
    r = _modality(tok, trig, triggers, lex, settings)
    if r is None:
        return None
    _argument_tokens(r, triggers, lex, actors)
    _parties(r, triggers, lex, actors, r.future or r.hypo)
    clause = _clause(tok)
    scope = sorted(set(clause) | set(tok.subtree), key=lambda t: t.i)
    background = _background(tok, lex)
    exclude = tuple((ts[0].idx, ts[-1].idx + len(ts[-1].text))
                    for ts in (phrase_tokens(x) for x in (r.a_tok, r.t_tok) if x is not None and x.pos_ != "PRON"))
    start, end = sent.start_char, sent.end_char
    if background:  # its place and date are its own, not those of the sentence's event
        scope = sorted(tok.subtree, key=lambda t: t.i)
        start, end = _own_span(tok)
    dead, hurt = casualties(scope, quantities, lex, start, end)
    reference, governed = _mention(r, triggers, lex)
    known = {a.name for a in getattr(actors, "actors", ())}
    avoid = (_own_span(r.a_tok),) if r.a_tok is not None and r.a_tok.pos_ != "PRON" else ()
    location = _location(r, scope, places, lex, exclude, actors, avoid)
    doc = sent.doc
    cand = _Cand(
        type=r.kind, tok=tok, trig=trig, mode=_mode(tok, trig, scope, lex), actor=r.actor, target=r.target,
        target_tok=r.t_tok, actor_known=r.actor in known, location=location,
        date=date_in(doc, dates, start, end, tok.idx), fatalities=dead, injuries=hurt,
        negated=r.negated, hypothetical=r.hypo, future=r.future,
        historical=_historical(_own_clause(tok, clause), doc._.wc_published, lex, settings.event_historical_years),
        reference=reference, mention_only=governed, sent=sent)
    cand.background = background
    cand.frame = r.frame
    if location is None and not background:  # "marched through X, demanding ...": the demand was made there
        cand.sent_place = place_in(list(sent), places, lex, exclude, actors=actors, trigger=tok, avoid=avoid)
    if r.denier is not None:
        cand.mode = "allege"
    return cand


def _location(r: _Reading, scope: list[Token], places, lex: Lexicon, exclude: tuple, actors, avoid: tuple):
    """The event's place: a place-target, where a statement was made, or the nearest place in its scope."""
    t_place = _target_place(r.t_tok, places, lex)  # "an attack on Ain al-Asad": the target is the place
    location = t_place if t_place is not None and t_place.kind not in COARSE_KINDS else None
    if r.kind in _VERBAL:  # "In Benghazi, X blamed the authorities in Tripoli": where it was said
        location = _said_at(r.tok, places, lex) or location
    return location or place_in(scope, places, lex, exclude, actors=actors, trigger=r.tok, avoid=avoid) or t_place


def _sentence_triggers(sent: SpacySpan, lex: Lexicon) -> dict[int, Trigger]:
    """Token index -> trigger for the sentence; a light verb yields to the noun it carries."""
    doc = sent.doc
    # "declined to comment", "asked not to be named": the reporter's exchange is no event and frames none
    triggers = {t.i: m for t in sent if (m := _match(t, lex)) is not None and not _newsroom(t, m.type, lex)}
    light = lex.word_set("light_verbs")
    for i in list(triggers):
        tok = doc[i]
        if tok.pos_ in ("VERB", "AUX") and lex.lemma(tok) in light:
            if any(c.i in triggers and c.dep_ in ("dobj", "attr") and doc[c.i].pos_ in ("NOUN", "PROPN")
                   for c in tok.children):
                del triggers[i]  # "made arrests": the noun carries the event
    return triggers


def _commands(cands: dict[int, _Cand], frames: dict[int, int], lex: Lexicon) -> None:
    """'ordered the brigade to deploy': the order is the deployment, by the one who ordered it."""
    commanded = set()
    for i, f in list(frames.items()):
        frame, inner = cands.get(f), cands[i]
        if frame is not None and frame.tok.lemma_.lower() in lex.word_set("command_verbs") \
                and inner.type in MATERIAL_CONFLICT | {"RETREAT", "AID"} and inner.tok.dep_ == "xcomp" \
                and not (inner.negated or inner.hypothetical):
            inner.actor, inner.actor_known = frame.actor, frame.actor_known
            inner.frame = None
            commanded.add(f)
            del frames[i]
    for f in commanded:
        cands.pop(f, None)


def _frame_arguments(cands: dict[int, _Cand], frames: dict[int, int], triggers: dict, lex: Lexicon, actors) -> None:
    """'vowed attacks on X': the frame's target and mode come from the event it embeds."""
    for i, f in frames.items():
        frame, inner = cands.get(f), cands[i]
        if frame is None:
            continue
        inner_target = None if inner.target_tok is not None and inner.target_tok.i in triggers else inner.target
        direct = frame.target_tok is not None and frame.target_tok.i == i or inner.tok.head.i == f
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


def _authored_targets(cands: dict[int, _Cand], lex: Lexicon) -> None:
    """'condemned the strikes', 'rejected these mediations': a stance on an event is aimed at its author."""
    for c in cands.values():
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


def _sentence_events(sent: SpacySpan, lex: Lexicon, actors, places, dates, quantities,
                     settings: Settings) -> list[_Cand]:
    """Every event one sentence states: its triggers' candidates, frames resolved and linked ones merged."""
    doc = sent.doc
    triggers = _sentence_triggers(sent, lex)
    cands: dict[int, _Cand] = {}
    frames: dict[int, int] = {}  # embedded trigger -> its frame
    for i, trig in triggers.items():
        cand = _candidate(doc[i], trig, triggers, sent, lex, actors, places, dates, quantities, settings)
        if cand is None:
            continue
        if cand.frame is not None:
            frames[i] = cand.frame.i
        cands[i] = cand
    _commands(cands, frames, lex)
    _frame_arguments(cands, frames, triggers, lex, actors)
    _authored_targets(cands, lex)
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
