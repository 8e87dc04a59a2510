"""The event extractor over a parsed Doc: candidates from the rules, the judge's verdict, ranked arguments."""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from wirecoder.extract.events.argrank import load_ranker, options
from wirecoder.extract.events.base import _Cand
from wirecoder.extract.events.candidates import _sentence_events
from wirecoder.extract.events.judge import article_context, features, is_short_item, load_judge
from wirecoder.extract.events.lexicon import load_lexicon
from wirecoder.extract.events.merge import _dedup, _specificity, _to_event
from wirecoder.records import Event
from wirecoder.settings import DEFAULT, Settings

_FLAGS = ("negated", "hypothetical", "historical", "future")


@dataclass(frozen=True)
class Candidate:
    """An event the rules propose, with the judge's features; `flagged` when the rules alone would drop it."""

    event: Event
    features: dict
    flagged: bool
    best: _Cand | None = None  # the group's most specific mention: where the arguments are read


def argument_options(cands: list[Candidate], actors, settings: Settings = DEFAULT) -> list[dict]:
    """Each candidate's actor and target options for the argument ranker (one parse cache per article)."""
    lex = load_lexicon(str(settings.event_lexicon) if settings.event_lexicon else None)
    cache: dict = {}
    return [options(c.best, c.event.type, {"actor": c.event.actor, "target": c.event.target}, actors, lex, cache)
            if c.best is not None else {} for c in cands]


def _rank_arguments(events: list[Candidate], actors, settings: Settings) -> list[Event]:
    ranker = load_ranker(str(settings.event_args_path) if settings.event_args_path else None) \
        if settings.event_args else None
    if ranker is None:
        return [c.event for c in events]
    out = []
    for c, opts in zip(events, argument_options(events, actors, settings)):
        if not opts:
            out.append(c.event)
            continue
        actor, target = ranker.choose_pair(opts["actor"], opts["target"])
        out.append(c.event.model_copy(update={"actor": actor, "target": target}))
    return out


def _trigger_candidates(doc: Doc, actors, places, dates, quantities, settings: Settings) -> list[_Cand]:
    """Every trigger's candidate in the article, statements about events resolved to their authors."""
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
    return cands


def candidate_events(doc: Doc, actors, places=(), dates=(), quantities=(),
                     settings: Settings = DEFAULT) -> list[Candidate]:
    """The rules' events, the ones their flags drop included, each with the judge's features."""
    cands = _trigger_candidates(doc, actors, places, dates, quantities, settings)
    drop = set(settings.event_drop_flags) & set(_FLAGS)
    kept = [c for c in cands if not any(getattr(c, f) for f in drop)]
    flagged = [c for c in cands if any(getattr(c, f) for f in drop)]
    groups = _dedup(kept)
    told = {(g[0].type, m.sent.start_char) for g in groups for m in g}
    # a flagged mention of an event already kept in that sentence adds nothing
    extra = [g for g in _dedup(flagged) if not any((m.type, m.sent.start_char) in told for m in g)]
    every = groups + extra
    bests = [max(g, key=_specificity) for g in every]
    ctx = article_context(doc, every, bests)
    out = [Candidate(_to_event(g), features(g, b, ctx, actors), i >= len(groups), b)
           for i, (g, b) in enumerate(zip(every, bests))]
    return sorted(out, key=lambda c: (c.event.start, c.event.type))


def _short_judge(doc: Doc, settings: Settings):
    """The short-item judge when `doc` is one (and the judges are on and shipped), else None."""
    if not (settings.event_judge and settings.event_short_judge):
        return None
    if not is_short_item(doc, settings.event_short_item_sentences, settings.event_short_item_words):
        return None
    path = settings.event_short_judge_path
    return load_judge(str(path) if path else None, "event_judge_short.json")


def _short_item_events(cands: list[Candidate], judge, settings: Settings) -> list[Candidate]:
    """What a short item reports: the candidate the short judge rates highest, and any other it finds more
    likely an event than not, retyped by it."""
    picks = judge.short_item([c.features for c in cands], [c.event.type for c in cands], settings.event_short_also)
    return [cands[i] if kind == cands[i].event.type else
            Candidate(cands[i].event.model_copy(update={"type": kind}), cands[i].features, cands[i].flagged,
                      cands[i].best) for i, kind in picks]


def extract_events(doc: Doc, actors, places=(), dates=(), quantities=(),
                   settings: Settings = DEFAULT) -> tuple[Event, ...]:
    """PLOVER events of the article, one per real-world event, with evidence sentences.

    The rules propose; the learned judge (when enabled and shipped) keeps what a reporter reports."""
    cands = candidate_events(doc, actors, places, dates, quantities, settings)
    short = _short_judge(doc, settings)
    if short is not None:
        return tuple(_rank_arguments(_short_item_events(cands, short, settings), actors, settings))
    judge = load_judge(str(settings.event_judge_path) if settings.event_judge_path else None) \
        if settings.event_judge else None
    if judge is None:
        return tuple(_rank_arguments([c for c in cands if not c.flagged], actors, settings))
    out = []
    for c in cands:
        kind = judge.decide(c.features, c.event.type, settings.event_judge_threshold)
        if kind is not None:
            out.append(c if kind == c.event.type else Candidate(c.event.model_copy(update={"type": kind}),
                                                                 c.features, c.flagged, c.best))
    return tuple(_rank_arguments(out, actors, settings))
