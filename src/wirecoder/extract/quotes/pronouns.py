"""Pronoun speakers: 'he said', 'it said', 'they said' resolved to who they mean."""
from __future__ import annotations

from spacy.tokens import Doc

from wirecoder.extract.actors import ActorIndex
from wirecoder.extract.quotes.cues import credible
from wirecoder.extract.quotes.found import Found
from wirecoder.extract.speakers import Speaker, is_speech_verb, person_before, resolve_phrase, subject_of

_PERSONAL = {"he", "she", "him", "her", "i"}


def resolve_pronoun(doc: Doc, f: Found, sp: Speaker, last: Speaker | None, last_person: Speaker | None,
                     actors: ActorIndex, quoted, lookback: int = 6, last_at: int = 0) -> Speaker:
    """'he adds' → a person named earlier in the sentence, else the last person who spoke;
    'they said' → the last speaker that is not a person (a group, a source, a government)."""
    word = (sp.text or "").lower()
    if word in _PERSONAL:
        anchor = doc.char_span(f.anchor, f.anchor + 1, alignment_mode="expand")
        name = person_before(doc, doc[anchor.start].sent, sp.start or f.anchor, actors, quoted) if anchor else None
        if name:
            return Speaker(name, sp.text, person=True)
        # "For Rose Pierre, the politics feel distant. “…,” she said.": a person named earlier in
        # the paragraph, after whoever spoke last, is who 'she' means
        para = next(((lo, hi) for lo, hi in (doc._.wc_paragraphs or []) if lo <= f.anchor < hi), None)
        if para is not None and anchor is not None:
            lo = max(para[0], last_at if last_person is not None else para[0])
            hi = sp.start or f.anchor
            window = doc.char_span(lo, hi, alignment_mode="expand") if lo < hi else None
            name = person_before(doc, window, sp.start or f.anchor, actors, quoted) if window is not None else None
            if name:
                return Speaker(name, sp.text, person=True)
        if last_person is not None:
            return Speaker(last_person.name, sp.text, anonymous=last_person.anonymous,
                           source_type=last_person.source_type, person=True)
        if anchor is not None:  # nobody has spoken yet: the last person named before
            sents = list(doc.sents)
            k = next((i for i, s_ in enumerate(sents) if s_.start <= anchor.start < s_.end), 0)
            window = doc[sents[max(0, k - lookback)].start: anchor.start]
            name = person_before(doc, window, f.anchor, actors, quoted)
            if name:
                return Speaker(name, sp.text, person=True)
        return Speaker(None, sp.text)
    if sp.start is not None:
        # "the ministry said that it would close the crossing, saying it needed …": 'it' inside
        # what a body said is that body
        pron = doc.char_span(sp.start, sp.start + len(sp.text or "x"), alignment_mode="expand")
        if pron is not None:
            for anc in pron[0].ancestors:
                subj = subject_of(anc) if is_speech_verb(anc) else None
                if subj is not None and subj.i != pron[0].i and subj.pos_ in ("NOUN", "PROPN"):
                    cand = resolve_phrase(subj, actors)
                    if cand.name and not cand.person:
                        return Speaker(cand.name, sp.text, anonymous=cand.anonymous, source_type=cand.source_type)
                    break
    anchor = doc.char_span(f.anchor, f.anchor + 1, alignment_mode="expand")
    if anchor is not None:
        # "The eastern government blamed Tripoli. The GNU had “lost control”, it said.": the
        # subject of the sentence before, when it is a body and not a person
        sent = doc[anchor.start].sent
        if sent.start > 0:
            prev = doc[sent.start - 1].sent
            subj = next((t for t in prev.root.children if t.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None and subj.pos_ in ("NOUN", "PROPN") and prev.root.pos_ == "VERB":
                cand = resolve_phrase(subj, actors)
                if cand.name and not cand.person and credible(cand, subj):
                    return Speaker(cand.name, sp.text, anonymous=cand.anonymous, source_type=cand.source_type)
    if last is not None and not last.person:
        return Speaker(last.name, sp.text, anonymous=last.anonymous, source_type=last.source_type)
    return Speaker(None, sp.text)
