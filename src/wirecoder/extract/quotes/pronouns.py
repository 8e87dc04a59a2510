"""Pronoun speakers: 'he said', 'it said', 'they said' resolved to who they mean.

'he'/'she' go to a person who agrees in gender (read from titles and appositives next to the
name: 'Mrs', 'spokeswoman', 'a mother of four'): one named earlier in the sentence, else in the
paragraph since the last speaker, else the last person who spoke, else the last person named.
Names that only modify another noun ('ethnic Lendu farmers') are not antecedents. 'it'/'they' go
to a body: the one whose report the pronoun sits in, the subject of the sentence before, or the
last body that spoke."""
from __future__ import annotations

from spacy.tokens import Doc, Span

from wirecoder.extract.actors import ActorIndex
from wirecoder.extract.quotes.cues import credible
from wirecoder.extract.quotes.descriptions import resolve_description
from wirecoder.extract.quotes.found import Found, inside
from wirecoder.extract.speakers import Speaker, is_speech_verb, lexicon, resolve_phrase, subject_of

_PERSONAL = {"he", "she", "him", "her", "i"}
_POSSESSIVES = {"his": "he", "her": "she", "its": "it", "their": "they"}
_APPOSITIVE_REACH = 8  # tokens after a name read for 'X, a mother of four,'
_TITLE_REACH = 3  # tokens before a name read for 'spokeswoman Major X'


def pronoun_gender(word: str) -> str | None:
    """'female' for she/her, 'male' for he/him, None for the rest."""
    return next((g for g, words in lexicon()["pronoun_gender"].items() if word.lower() in words), None)


def _mention_gender(doc: Doc, span: Span) -> str | None:
    """The gender the words around one mention of a name give it, if any."""
    sent = span.sent
    near = [t for t in doc[max(sent.start, span.start - _TITLE_REACH):span.start]]
    if span.end < sent.end and doc[span.end].text == ",":
        near += [t for t in doc[span.end + 1:min(sent.end, span.end + 1 + _APPOSITIVE_REACH)]]
    for tok in near:
        for gender, words in lexicon()["gender_words"].items():
            if tok.lower_.strip(".") in words and not (tok.lower_ in ("her", "his") and tok.i < span.start):
                return gender
    return None


def person_gender(doc: Doc, name: str, actors: ActorIndex) -> str | None:
    """The gender of a person actor from the words next to any of its mentions; None when unknown."""
    cache = doc.user_data.setdefault("wc_person_gender", {})  # asked once per candidate and pronoun
    if name in cache:
        return cache[name]
    actor = next((a for a in actors.actors if a.name == name), None)
    cache[name] = None
    for m in actor.mentions if actor is not None else ():
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        gender = _mention_gender(doc, span) if span is not None else None
        if gender:
            cache[name] = gender
            break
    return cache[name]


def _is_modifier(span: Span) -> bool:
    """A name that modifies a common noun ('ethnic Lendu farmers') names no one who could speak."""
    root = span.root
    return root.dep_ in ("compound", "amod", "nmod") and root.head.pos_ == "NOUN" and root.head.i >= span.end


def antecedent(doc: Doc, lo: int, hi: int, actors: ActorIndex, quoted, gender: str | None) -> str | None:
    """The person named in [lo, hi), outside quoted text, that agrees with the pronoun's gender: a
    subject before an object, one known to agree before one of unknown gender, then the nearest."""
    best = None
    # the small model tags some rivers and towns PERSON ("the left bank of the Dniester"): a name the
    # place extractor resolved is no one a pronoun can mean
    places = {p.start for p in (doc._.wc_places or ())}
    for a in actors.actors:
        if a.kind != "person" or any(m.start in places for m in a.mentions):
            continue
        known = person_gender(doc, a.name, actors) if gender else None
        if known not in (None, gender):
            continue
        for m in a.mentions:
            if not (lo <= m.start and m.end <= hi) or inside(m.start, quoted):
                continue
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None or _is_modifier(span):
                continue
            key = (span.root.dep_ in ("nsubj", "nsubjpass"), known is not None, m.start)
            if best is None or key > best[0]:
                best = (key, a.name)
    return best[1] if best else None


def _agrees(doc: Doc, sp: Speaker | None, gender: str | None, actors: ActorIndex) -> bool:
    """True when a previous speaker may be who the pronoun means."""
    return sp is not None and (not gender or sp.anonymous or person_gender(doc, sp.name, actors) in (None, gender))


def _personal(doc: Doc, f: Found, sp: Speaker, last_person: Speaker | None, actors: ActorIndex, quoted,
              lookback: int, last_at: int) -> Speaker:
    """'he adds', 'she told reporters': the agreeing person in the sentence, paragraph, or who spoke last."""
    gender = pronoun_gender(sp.text or "")
    at = sp.start or f.anchor
    anchor = doc.char_span(f.anchor, f.anchor + 1, alignment_mode="expand")
    if anchor is None:
        return Speaker(None, sp.text)
    sent = doc[anchor.start].sent
    name = antecedent(doc, sent.start_char, at, actors, quoted, gender)
    # "For Rose Pierre, the politics feel distant. “…,” she said.": a person named earlier in
    # the paragraph, after whoever spoke last, is who 'she' means
    para = next(((lo, hi) for lo, hi in (doc._.wc_paragraphs or []) if lo <= f.anchor < hi), None)
    if name is None and para is not None:
        lo = max(para[0], last_at if last_person is not None else para[0])
        name = antecedent(doc, lo, at, actors, quoted, gender)
    if name:
        return Speaker(name, sp.text, person=True)
    if _agrees(doc, last_person, gender, actors):
        return Speaker(last_person.name, sp.text, anonymous=last_person.anonymous,
                       source_type=last_person.source_type, person=True)
    # nobody who agrees has spoken yet: the last agreeing person named in the sentences before
    sents = list(doc.sents)
    k = next((i for i, s_ in enumerate(sents) if s_.start <= anchor.start < s_.end), 0)
    name = antecedent(doc, sents[max(0, k - lookback)].start_char, at, actors, quoted, gender)
    return Speaker(name, sp.text, person=bool(name))


def _described(doc: Doc, cand: Speaker, actors: ActorIndex) -> Speaker:
    """'the mission said … It called the attack …': the body a description names, as the speaker of
    the description itself is resolved, so 'it' and 'the mission' get the same name."""
    return resolve_description(doc, cand, actors) or cand


def _body_in_frame(doc: Doc, sp: Speaker, actors: ActorIndex) -> Speaker | None:
    """'the ministry said that it would close the crossing, saying it needed …': 'it' inside what a
    body said is that body."""
    pron = doc.char_span(sp.start, sp.start + len(sp.text or "x"), alignment_mode="expand")
    if pron is None:
        return None
    for anc in pron[0].ancestors:
        subj = subject_of(anc) if is_speech_verb(anc) else None
        if subj is not None and subj.i != pron[0].i and subj.pos_ in ("NOUN", "PROPN"):
            cand = _described(doc, resolve_phrase(subj, actors), actors)
            if cand.name and not cand.person:
                return cand
            return None
    return None


def _body_before(doc: Doc, f: Found, actors: ActorIndex) -> Speaker | None:
    """'The eastern government blamed Tripoli. The GNU had “lost control”, it said.': the subject of
    the sentence before, when it is a body and not a person."""
    anchor = doc.char_span(f.anchor, f.anchor + 1, alignment_mode="expand")
    sent = doc[anchor.start].sent if anchor is not None else None
    if sent is None or sent.start == 0:
        return None
    prev = doc[sent.start - 1].sent
    subj = next((t for t in prev.root.children if t.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is not None and subj.pos_ in ("NOUN", "PROPN") and prev.root.pos_ == "VERB":
        cand = _described(doc, resolve_phrase(subj, actors), actors)
        if cand.name and not cand.person and not cand.document and credible(cand, subj):
            return cand
    return None


def resolve_pronoun(doc: Doc, f: Found, sp: Speaker, last: Speaker | None, last_person: Speaker | None,
                    actors: ActorIndex, quoted, lookback: int = 6, last_at: int = 0) -> Speaker:
    """'he adds' → an agreeing person named earlier, else the last person who spoke;
    'they said' → the last speaker that is not a person (a group, a source, a government)."""
    if (sp.text or "").lower() in _PERSONAL:
        return _personal(doc, f, sp, last_person, actors, quoted, lookback, last_at)
    cand = (_body_in_frame(doc, sp, actors) if sp.start is not None else None) or _body_before(doc, f, actors)
    if cand is None and last is not None and not last.person:
        cand = last
    if cand is None:
        return Speaker(None, sp.text)
    return Speaker(cand.name, sp.text, anonymous=cand.anonymous, source_type=cand.source_type)


def possessed_voice(sp: Speaker) -> Speaker | None:
    """'his spokesperson said', 'according to its foreign ministry': a voice of whoever the possessive
    means (speech.yaml voice_nouns), as the pronoun speaker to resolve; None for other phrases."""
    words = (sp.text or "").lower().split()
    if sp.start is None or len(words) < 2 or words[0] not in _POSSESSIVES \
            or " ".join(words[1:]) not in lexicon()["voice_nouns"]:
        return None
    return Speaker(None, _POSSESSIVES[words[0]], pronoun=True, start=sp.start)
