"""Quotes: direct passages in any quotation-mark style and reported (indirect) speech, each with
its speaker resolved to a canonical actor, its cue word and its character offsets.

Direct passages come from quote_marks; each is attributed by the speech cue that governs it in
the parse, a cue after it ('…,' he explains), the line that introduces a block quote ('…
stating:'), the quote before it (a block quote continued), or the nearest person in the
sentence. Reported speech is the that-clause or object of a speech verb, 'according to X', or
the that-clause of a content noun ('Baghdad's assertion that …'). Pronoun speakers resolve to
a person named earlier in the sentence, else the last speaker."""
from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc

from wirecoder.extract.actors import ActorIndex
from wirecoder.extract.quote_marks import find_passages
from wirecoder.extract.quotes.descriptions import resolve_description
from wirecoder.extract.quotes.direct import direct_quote
from wirecoder.extract.quotes.documents import resolve_document
from wirecoder.extract.quotes.found import Found
from wirecoder.extract.quotes.indirect import indirect_quotes
from wirecoder.extract.quotes.naming import speaker_form
from wirecoder.extract.quotes.pronouns import possessed_voice, resolve_pronoun
from wirecoder.extract.quotes.ranker import Candidate, candidates, choose, load_ranker
from wirecoder.extract.speakers import Speaker, lexicon, told_to
from wirecoder.nlp.components import paragraph_bounds
from wirecoder.nlp.spans import doc_text
from wirecoder.records import Quote
from wirecoder.settings import DEFAULT, Settings

__all__ = ["Attribution", "attributions", "extract_quotes"]


def _find(doc: Doc, text_all: str, paras, actors: ActorIndex, settings: Settings) -> tuple[list[Found], list]:
    """Every direct and reported quote of the article, ordered by where its attribution is read."""
    passages = find_passages(text_all, paras)
    quoted = [(p.start, p.end) for p in passages]
    found: list[Found] = []
    for p in passages:
        f = direct_quote(doc, text_all, p, passages, quoted, paras, actors)
        if f is not None and len(f.text.split()) >= settings.quote_min_words:
            found.append(f)
    found.extend(indirect_quotes(doc, text_all, quoted, actors, settings))
    found.sort(key=lambda f: (f.anchor, f.start))
    return found, quoted


def _to_quote(f: Found, sp: Speaker | None, actors: ActorIndex, text_all: str, settings: Settings) -> Quote:
    """The output record of a found quote and its resolved speaker."""
    cue = f.cue
    return Quote(
        text=f.text, start=f.start, end=f.end, kind=f.kind,
        speaker=speaker_form(sp.name, actors, text_all, settings, sp.text) if sp else None, speaker_text=sp.text if sp else None,
        anonymous=bool(sp and sp.anonymous), source_type=sp.source_type if sp and sp.anonymous else None,
        told_to=told_to(cue, actors) if cue is not None and cue.pos_ == "VERB" and sp and sp.anonymous else None,
        cue=cue.text if cue is not None else None,
        cue_start=cue.idx if cue is not None else None,
        cue_end=cue.idx + len(cue.text) if cue is not None else None,
    )


@dataclass
class _State:
    """Who has spoken so far: what pronouns and documents later in the article refer back to."""

    last: Speaker | None = None
    last_body: Speaker | None = None  # the last named speaker that is neither a person nor anonymous
    last_person: Speaker | None = None
    last_person_at: int = 0

    def update(self, sp: Speaker | None, f: Found) -> None:
        """Record the speaker of a quote just attributed."""
        if sp is None or not sp.name:
            return
        self.last = sp
        if sp.person:
            self.last_person, self.last_person_at = sp, f.end
        elif not sp.anonymous:
            self.last_body = sp


@dataclass
class Attribution:
    """A found quote, the rules' speaker, the ranker's candidates (when asked for) and the final speaker."""

    found: Found
    rule: Speaker | None
    candidates: list[Candidate]
    speaker: Speaker | None


def _role_of_last_person(sp: Speaker, f: Found, state: _State, actors: ActorIndex, reach: int) -> Speaker | None:
    """'“…,” added the officer' / 'declared the minister' right after Captain X or Minister Y spoke: a
    definite unnamed role is the named person who just spoke, not an anonymous source or a title."""
    text = (sp.text or "").lower().split()
    if len(text) != 2 or text[0] != "the" or text[1] not in lexicon()["role_nouns"] or actors.kind_of(sp.name):
        return None
    last = state.last_person
    if last is None or last.anonymous or not last.name or f.anchor - state.last_person_at > reach:
        return None
    return Speaker(last.name, sp.text, person=True, start=sp.start)


def _resolver(doc: Doc, f: Found, state: _State, actors: ActorIndex, quoted, settings: Settings):
    """Resolves a document or pronoun speaker of quote `f` given who has spoken so far."""
    def resolve(sp: Speaker, tok=None) -> Speaker:
        if sp.document:
            sp = resolve_document(doc, sp, state.last_body, actors, quoted)
        if sp.pronoun:
            return resolve_pronoun(doc, f, sp, state.last, state.last_person, actors, quoted,
                                   settings.pronoun_lookback_sentences, state.last_person_at)
        voiced = possessed_voice(sp)
        if voiced is not None:
            # "his spokesperson said": named by whose voice it is ("Antonio Guterres's spokesperson"),
            # which says who speaks without losing that it was the spokesperson
            owner = resolve_pronoun(doc, f, voiced, state.last, state.last_person, actors, quoted,
                                    settings.pronoun_lookback_sentences, state.last_person_at)
            if owner.name and not owner.anonymous:
                return replace(sp, name=f"{owner.name}'s {sp.text.split(None, 1)[1]}")
        return resolve_description(doc, sp, actors) or \
            _role_of_last_person(sp, f, state, actors, settings.role_reach_chars) or sp
    return resolve


def _ranks(ranker, f: Found, rule: Speaker | None, settings: Settings) -> bool:
    """Whether the ranker looks at a quote: one the rules left without a speaker, or any quote when
    overriding is switched on. A continued block quote keeps its speaker, and a document whose
    issuer the text does not name stays without one: the model would guess."""
    if ranker is None or f.inherit or (rule is not None and rule.document):
        return False
    return rule is None or not rule.name or settings.speaker_override_threshold is not None


def attributions(doc: Doc, actors: ActorIndex, settings: Settings = DEFAULT,
                 with_candidates: bool = False) -> list[Attribution]:
    """Every quote with its rules' speaker and, where the ranker runs, its candidates; `with_candidates`
    gives them for every quote but continued block quotes (the ranker's training rows)."""
    text_all = doc_text(doc)  # joined once per Doc
    paras = doc._.wc_paragraphs or paragraph_bounds(text_all)
    if not paras:
        return []
    found, quoted = _find(doc, text_all, paras, actors, settings)
    ranker = load_ranker(str(settings.speaker_ranker_path) if settings.speaker_ranker_path else None) \
        if settings.speaker_ranker else None
    out: list[Attribution] = []
    state = _State()
    by_start: dict[int, Speaker | None] = {}
    for f in found:
        sp = f.speaker
        if f.inherit:
            prev = max((a.found for a in out if a.found.end <= f.start), key=lambda q: q.end, default=None)
            sp = by_start.get(prev.start) if prev is not None else None
        resolve = _resolver(doc, f, state, actors, quoted, settings)
        rule = resolve(sp) if sp is not None else None
        cands = candidates(doc, f, rule, state.last, actors, quoted, resolve) \
            if (with_candidates and not f.inherit) or _ranks(ranker, f, rule, settings) else []
        final = choose(cands, rule, ranker, settings.speaker_fill_threshold, settings.speaker_override_threshold) \
            if cands and ranker is not None else rule
        state.update(final, f)
        by_start[f.start] = final
        out.append(Attribution(f, rule, cands, final))
    return out


def extract_quotes(doc: Doc, actors: ActorIndex, settings: Settings = DEFAULT) -> tuple[Quote, ...]:
    """Direct and indirect quotes of the article, in text order, with resolved speakers."""
    text_all = doc_text(doc)
    quotes = [_to_quote(a.found, a.speaker, actors, text_all, settings) for a in attributions(doc, actors, settings)]
    quotes.sort(key=lambda q: q.start)
    return tuple(quotes)
