"""Within-article merging: triggers of one event in a sentence, and one event told in several sentences."""
from __future__ import annotations

from spacy.tokens import Token

from wirecoder.extract.events.arguments import SUBJ
from wirecoder.extract.events.base import _Cand, MATERIAL_CONFLICT
from wirecoder.extract.events.identity import _words, reports_of_one_event as _compatible
from wirecoder.extract.events.lexicon import Lexicon
from wirecoder.extract.events.modality import _elaborates
from wirecoder.records import Event, Place, Span


def _fill(keep: _Cand, drop: _Cand) -> None:
    for key in ("actor", "target", "location", "date", "mode", "fatalities", "injuries"):
        if getattr(keep, key) is None:
            setattr(keep, key, getattr(drop, key))


def _absorb_into_host(c: _Cand, cands: dict[int, _Cand], lex: Lexicon, absorbed: set) -> None:
    """Climb from a trigger to the trigger it elaborates ("attacked the base, killing three") and merge them."""
    casualty = lex.casualty.get("fatalities", frozenset()) | lex.casualty.get("injuries", frozenset())
    node = c.tok
    for _ in range(3):
        if node.head.i == node.i or node.dep_ in ("ccomp", "parataxis"):
            return
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
            return
        if node.i == c.tok.head.i and _elaborates(c.tok) and _elaboration(c, node, cands, lex, absorbed):
            return
        if host is not None and host is not c and host.type == c.type and id(host) not in absorbed:
            keep, drop = host, c
            if host.tok.lemma_.lower() in casualty and c.tok.lemma_.lower() not in casualty \
                    or (host.reference or host.mention_only) and not (c.reference or c.mention_only):
                keep, drop = c, host  # "the attack on the town killed five": the attack is the event
            _fill(keep, drop)
            absorbed.add(id(drop))
            return


def _elaboration(c: _Cand, node, cands: dict[int, _Cand], lex: Lexicon, absorbed: set) -> bool:
    """'stormed the prison, freeing inmates', 'imposed sanctions, barring Y': the -ing clause tells more
    of the material act it hangs on, whatever its own type. True when merged."""
    act = cands.get(node.i) or next((cands[k.i] for k in node.children if k.dep_ == "dobj" and k.i in cands), None)
    if act is None or act is c:
        return False
    if act.type == "COERCE" and c.type == "ASSAULT" and act.mode in lex.word_set("nonlethal_modes") \
            and lex.lemma(c.tok) in lex.casualty.get("fatalities", frozenset()):
        # "fired tear gas at marchers, killing two": deadly force makes the act an assault
        c.target, c.target_tok = act.target or c.target, act.target_tok or c.target_tok
        mode = c.mode
        _fill(c, act)
        c.mode = mode  # a crowd-control mode is no mode of an assault
        absorbed.add(id(act))
        return True
    if act.type != c.type and act.type in MATERIAL_CONFLICT and c.type in MATERIAL_CONFLICT | {"RETREAT"}:
        absorbed.add(id(c))
        return True
    return False


def _merge_linked(out: list[_Cand], cands: dict[int, _Cand], lex: Lexicon) -> list[_Cand]:
    """One event told by several triggers of a sentence ("attacked the base, killing three")."""
    absorbed: set = set()
    for c in out:
        _absorb_into_host(c, cands, lex, absorbed)
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
    if date is not None and getattr(date, "open_end", False):
        date = None  # "since 7 October": a range's start is not the day of the event
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
