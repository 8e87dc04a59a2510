"""Candidates: the event one trigger states, with its arguments and flags, sentence by sentence."""
from __future__ import annotations

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
