"""Direct quotes: a passage in quotation marks and the cue, line or name that attributes it."""
from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from wirecoder.extract.actors import ActorIndex
from wirecoder.extract.quote_marks import Passage, content_text
from wirecoder.extract.quotes.cues import between_subject, climb_to_cue, credible, cue_in, noun_cue_speaker
from wirecoder.extract.quotes.found import Found, char_span, inside
from wirecoder.extract.speakers import Speaker, actor_subject_before, is_speech_verb, lexicon, person_before, resolve_phrase, subject_of

_DASH_SOURCE = re.compile(r"[ \t]*[―—–-]{1,2}[ \t]*([A-Z][\w.'’-]+(?:[ \t]+[A-Z][\w.'’-]+){0,3})")


def is_speech_like(text: str) -> bool:
    """Quoted words that can be speech: not a URL, handle or number, not a title in capitals
    ('Fox News Sunday', 'Larry King Now')."""
    words = text.split()
    if not re.search(r"[^\W\d_]{2,}", text):
        return False
    if len(words) == 1 and re.search(r"[/@#]|\.\w", text):
        return False
    bare = [w.strip(".,;:!?()[]") for w in words]
    if 2 <= len(bare) <= 6 and all(w[:1].isupper() for w in bare if w) and not re.search(r"[!?]", text) \
            and not any(w.lower() in ("i", "we", "you") for w in bare):
        return False
    return True


def _near_cue(doc: Doc, span, start: int, end: int, block: bool, quoted) -> Token | None:
    """The speech cue of a passage: in the parse above it, after it ('…,' he explains) or before it in
    its sentence (not for a block quote, whose sentence is its own)."""
    cue = climb_to_cue(span)
    if cue is None:
        # a cue after the passage in its own sentence or the sentence right after it: '…,' he explains.
        last_sent = doc[span.end - 1].sent
        after = [t for t in last_sent if t.idx >= end]
        if not after and last_sent.end < len(doc):
            nxt = doc[last_sent.end].sent
            if nxt.start_char - end <= 3 and doc[nxt.start]._.wc_paragraph == doc[span.end - 1]._.wc_paragraph:
                after = list(nxt)[:6]
        cue = cue_in(after[:14], quoted)
    if cue is None and not block:
        before = [t for t in doc[span.start].sent if t.idx < start]
        cue = cue_in(before, quoted, prefer_last=True)
    return cue


def _introduced(doc: Doc, text_all: str, p: Passage, passages: list[Passage], paras, found: Found, quoted,
                actors: ActorIndex) -> Token | None:
    """A block quote's attribution from the paragraph before: a line ending in ':' (its cue, content
    noun or subject), else a quote closing that paragraph whose speaker continues."""
    prev_lo, prev_hi = paras[p.first_para - 1]
    intro = text_all[prev_lo:prev_hi].rstrip()
    if not intro.endswith(":"):
        if any(q.last_para == p.first_para - 1 and q.end >= prev_hi - 2 for q in passages):
            found.inherit = True
        return None
    intro_span = char_span(doc, prev_lo, prev_hi)
    if intro_span is None:
        return None
    last = doc[intro_span.end - 1].sent
    cue = cue_in(list(last), quoted, prefer_last=True)
    if cue is not None:
        return cue
    nouns = [t for t in last if t.lemma_.lower() in lexicon()["content_nouns"]]
    if nouns:
        found.speaker = noun_cue_speaker(nouns[-1], actors)
        found.anchor = nouns[-1].idx
    if found.speaker is None:
        subj = next((t for t in last if t.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            found.speaker = resolve_phrase(subj, actors)
            found.anchor = subj.idx
    return None


def _cue_speaker(doc: Doc, cue: Token, end: int, quoted, actors: ActorIndex) -> Speaker | None:
    """Who speaks through a cue: a content noun's author, else the verb's subject."""
    if cue.pos_ == "NOUN":
        return noun_cue_speaker(cue, actors)
    subj = subject_of(cue) or between_subject(doc, end, cue) or actor_subject_before(doc, cue, actors, quoted)
    if subj is None or inside(subj.idx, quoted):
        return None
    speaker = resolve_phrase(subj, actors)
    if credible(speaker, subj):
        return speaker
    # "said any deal must include … and accused Israel of “stalling”": the parse hung the quote on a
    # clause whose subject cannot speak; the next speech verb up can
    upper = next((t for t in cue.ancestors if is_speech_verb(t)), None)
    subj = subject_of(upper) if upper is not None else None
    return resolve_phrase(subj, actors) if subj is not None else None


def _sentence_source(doc: Doc, found: Found, first_sent, start: int, quoted, actors: ActorIndex) -> None:
    """No cue: the sentence's 'according to' source, else the nearest person named before the quote."""
    # "According to the sources, X will address “the options…”": the sentence's source speaks
    acc = next((t for t in first_sent if t.lower_ == "according" and t.i + 1 < len(doc)
                and doc[t.i + 1].lower_ == "to"), None)
    pobj = next((c for c in doc[acc.i + 1].children if c.dep_ == "pobj"), None) if acc is not None else None
    if pobj is not None:
        found.speaker = resolve_phrase(pobj, actors)
        found.cue, found.anchor = acc, acc.idx
    if found.speaker is None:
        name = person_before(doc, first_sent, start, actors, quoted)
        if name:
            found.speaker = Speaker(name, name, person=True)


def direct_quote(doc: Doc, text_all: str, p: Passage, passages: list[Passage], quoted, paras, actors: ActorIndex) -> Found | None:
    """A direct quote from a passage in quotation marks, with its cue and speaker where the text gives them."""
    text = content_text(text_all, p)
    if not is_speech_like(text):
        return None
    raw = text_all[p.start:p.end]
    lead = len(raw) - len(raw.lstrip())
    start, end = p.start + lead, p.start + len(raw.rstrip())
    span = char_span(doc, start, end) if text and end > start else None
    if span is None or len(span) == 0:
        return None
    found = Found(start, end, text, "direct", anchor=start)
    block = start - paras[p.first_para][0] <= 2
    cue = _near_cue(doc, span, start, end, block, quoted)
    if cue is None:
        dash = _DASH_SOURCE.match(text_all, end + (1 if p.closed else 0))
        if dash:  # “…” ― Pamela Padilla
            name = dash.group(1)
            found.speaker = Speaker(actors.canonical(name) or name, name, person=True, start=dash.start(1))
            return found
    if cue is None and block and p.first_para > 0:
        cue = _introduced(doc, text_all, p, passages, paras, found, quoted, actors)
    if cue is None and found.speaker is None and not found.inherit:
        if any(q.last_para == p.first_para and q.end <= p.start for q in passages):
            found.inherit = True  # “…,” Graham said. “…”: the second passage is the same speaker's
    if cue is not None:
        found.cue, found.anchor = cue, cue.idx
        found.speaker = _cue_speaker(doc, cue, end, quoted, actors)
    if found.speaker is None and not found.inherit:
        gov = _governing_cue(span)
        if gov is not None:
            found.cue, found.anchor = gov, gov.idx
            found.speaker = _cue_speaker(doc, gov, end, quoted, actors)
    if found.speaker is None and not found.inherit:
        _sentence_source(doc, found, doc[span.start].sent, start, quoted, actors)
    return found


def _governing_cue(span) -> Token | None:
    """'The ministry said in a statement that 248 men were returned “from territory …”': a quoted
    fragment inside a reported clause is said by whoever says the clause, the speech verb it hangs on."""
    first = next((t for t in span if not (t.is_punct or t.is_space)), None)
    if first is None:
        return None
    return next((t for t in first.ancestors if not (span.start <= t.i < span.end) and is_speech_verb(t)
                 and subject_of(t) is not None), None)
