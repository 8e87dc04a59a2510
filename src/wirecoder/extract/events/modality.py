"""Modality: negation, conditions, futures, frames, habits, summaries and background mentions of a trigger."""
from __future__ import annotations

import re

from spacy.tokens import Token

from wirecoder.extract.events.arguments import SUBJ
from wirecoder.extract.events.base import _VERBAL, _VIOLENT
from wirecoder.extract.events.lexicon import Lexicon, Trigger


def _aux_words(tok: Token) -> set[str]:
    return {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass", "neg", "mark", "det", "advmod", "amod")}


def _own_flags(node: Token, step: int, words: set, triggers: dict, lex: Lexicon, out: dict) -> None:
    """Modality a node's own words give: negation, modals, future, generic and conditional marks."""
    future, marks = lex.word_set("future_words"), lex.word_set("conditional_marks")
    irrealis = lex.word_set("irrealis_governors")
    own_neg = any(c.dep_ == "neg" or c.dep_ == "det" and c.lower_ == "no" or c.dep_ == "advmod"
                  and any(g.dep_ == "neg" for g in c.children) for c in node.children)  # "no longer"
    if step == 0 or node.i not in triggers:
        out["negated"] |= own_neg
    out["hypothetical"] |= bool(words & lex.word_set("modal_words"))
    out["future"] |= bool(words & future) or any(
        c.lemma_ == "go" and c.dep_ == "aux" for c in node.children) \
        or step > 0 and node.lemma_ == "go" and node.tag_ == "VBG"  # "are not going to negotiate"
    if node.pos_ in ("NOUN", "PROPN") and (words & lex.word_set("generic_determiners") or step == 0 and any(
            t.lemma_.lower() in irrealis for t in node.subtree if t.i < node.i)):
        out["hypothetical"] = True
    if node.dep_ in ("advcl", "ccomp") and words & marks:
        out["hypothetical"] = True
    if node.dep_ == "advcl" and words & lex.word_set("temporal_marks") \
            and (_aux_words(node.head) & (future | {"would"}) or lex.lemma(node.head) in irrealis):
        out["hypothetical"] = True  # "will return to the table when X stops attacking": a condition


def _governor_flags(node: Token, prev: Token | None, step: int, triggers: dict, lex: Lexicon, out: dict) -> bool:
    """Modality a governing word lends (promises, wishes, failures, frames); True to stop climbing."""
    irrealis = lex.word_set("irrealis_governors")
    if prev is not None and prev.dep_ == "ccomp" and prev.i < node.i and any(c.dep_ == "dobj" for c in node.children):
        return True  # "accused X of Y, a charge Z denies": a misparse, the clause is its own event
    if node.i in triggers and triggers[node.i].embeds:
        out["frame"] = node
        return True
    if node.lemma_.lower() in lex.word_set("promise_words") and node.i not in triggers and step <= 2:
        out["promise"] = True  # "is willing to withdraw", "offered to send troops"
    elif node.lemma_.lower() in irrealis and node.i not in triggers and not (
            prev is not None and prev.dep_ == "dobj" and lex.lemma(node) in lex.word_set("staging_verbs")):
        out["hypothetical"] = True  # "called for a strike" is a wish; "called a strike" stages one
    if node.lemma_.lower() in lex.word_set("negating_governors") and node.i not in triggers:
        out["negated"] = True  # "failed to reach agreement"
    if node.lower_ in lex.word_set("negation_words") and step == 1:  # "without attacks", "there is nothing to negotiate"
        out["negated"] = True
    return False


def _edge_flags(node: Token, step: int, words: set, tok: Token, triggers: dict, lex: Lexicon, out: dict) -> bool:
    """Modality the arc from a node to its head carries ("to stop", "for criticising"); True to stop climbing."""
    dep, head = node.dep_, node.head
    future, marks, neg = lex.word_set("future_words"), lex.word_set("conditional_marks"), lex.word_set("negation_words")
    to_inf = any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children)
    told = step == 0 and triggers.get(tok.i) is not None and triggers[tok.i].type in _VERBAL \
        and head.i in triggers and triggers[head.i].type in ("CONSULT", "PROTEST")  # "phoned him to demand", "marched to demand"
    if to_inf and not told and (dep == "advcl" or dep in ("xcomp", "ccomp") and node.head.lemma_ == "be"):
        out["hypothetical"] = True  # "to stop the attacks", "the aim is to persuade them"
    if dep == "pcomp" and head.lower_ in lex.word_set("reason_preps") and node.tag_ == "VBG":
        out["hypothetical"] = True  # "arrested for criticising the law": the charge, not an event
    if dep == "relcl" and head.i in triggers and triggers[head.i].embeds:
        out["frame"] = head  # "threats that referred to sanctions"
        return True
    if dep == "pcomp" and head.head.pos_ in ("NOUN", "PROPN") and head.head.i not in triggers:
        out["hypothetical"] = True  # "the framework of supporting Gaza": a description, not an act
    if dep in ("relcl", "acl") and head.lower_ in neg:
        out["negated"] = True  # "there is nothing to negotiate", "no one to talk to"
    if dep in ("relcl", "parataxis", "appos", "advcl") and not words & marks:
        return True
    if dep == "conj" and not any(c.dep_ in SUBJ + ("aux", "auxpass") for c in node.children):
        out["future"] |= bool(_aux_words(head) & future)  # "will be treated as outlaws and dealt with": the shared auxiliary
    if dep == "conj" and (any(c.dep_ in SUBJ for c in node.children) or head.i in triggers
                          or node.tag_ in ("VBD", "VBZ", "VBP")):
        return True  # a coordinate clause is its own event ("must include X and accused Y of ...")
    if dep in ("nsubj", "nsubjpass") and node.pos_ in ("NOUN", "PROPN"):
        # "the attacks would not have occurred": the verb's modality (and, for verbs of
        # existence, its negation) applies to its subject event; "the strike hit" is realis
        hw = _aux_words(head)
        out["hypothetical"] |= bool(hw & lex.word_set("modal_words")) or head.dep_ in ("advcl", "ccomp") and bool(hw & marks)
        out["future"] |= bool(hw & future)
        if head.lemma_.lower() in lex.word_set("existence_verbs"):
            out["negated"] |= any(c.dep_ == "neg" for c in head.children)
        return True
    return False


def _climb(tok: Token, triggers: dict[int, Trigger], lex: Lexicon, depth: int) -> dict:
    """Flags from the trigger and the words that govern it (modals, negation, 'if', frames)."""
    out = {"negated": False, "hypothetical": False, "future": False, "frame": None, "promise": False}
    node, prev = tok, None
    for step in range(depth):
        words = _aux_words(node)
        _own_flags(node, step, words, triggers, lex, out)
        if step > 0 and _governor_flags(node, prev, step, triggers, lex, out):
            break
        if node.dep_ == "ROOT" or node.head.i == node.i:
            break
        if _edge_flags(node, step, words, tok, triggers, lex, out):
            break
        prev, node = node, node.head
    return out


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


def _elaborates(tok: Token) -> bool:
    """A subjectless -ing clause without a conjunction ("..., killing three"): more of the same act."""
    return tok.dep_ == "advcl" and tok.tag_ == "VBG" and not any(m.dep_ in ("mark",) + SUBJ for m in tok.children)
