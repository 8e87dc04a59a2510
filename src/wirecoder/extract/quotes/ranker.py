"""A learned speaker-candidate ranker: gradient-boosted trees over ~20 candidates per quote.

The rules pick one speaker; the right one is almost always among the noun phrases near the quote.
Each candidate (a person, body, source or pronoun in the quote's sentence, the cue's sentence or the
two before, or the rules' own choice) is described by distance and position, its syntax towards the
cue, 'according to', its entity type, salience and whether the rules chose it; the trees
(models/speaker_ranker.json, trained by `python -m wirecoder.train.speakers` on PolNeAR's train
compartment) score it. A wrong name is worse than none, so the model fills a speaker the rules left
empty only when it is confident (Settings.speaker_fill_threshold); overriding the rules' own choice
is off by default (Settings.speaker_override_threshold = None) and costs ranking every quote."""
from __future__ import annotations

import functools
import math
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from wirecoder.extract.actors import ActorIndex
from wirecoder.extract.quotes.found import Found, inside
from wirecoder.extract.speakers import PRONOUNS, Speaker, is_speech_verb, lexicon, resolve_phrase, subject_of
from wirecoder.settings import model_data

MAX_CANDIDATES = 20  # nearest noun phrases kept per quote
SENTS_BEFORE = 2  # sentences before the quote's first sentence searched for candidates
_DEPS = ("nsubj", "nsubjpass", "pobj", "dobj", "poss", "appos", "compound", "conj", "attr", "npadvmod", "ROOT")
_ENTS = ("PERSON", "ORG", "GPE", "NORP")
_KINDS = ("person", "organization", "group", "state", "media")


@dataclass
class Candidate:
    """One possible speaker of a quote: the token heading its phrase, the resolved speaker, its features."""

    tok: Token | None
    speaker: Speaker
    features: dict[str, float]


def _bucket(x: int, edges: tuple[int, ...]) -> float:
    """The index of the first edge above x: a coarse, monotone distance."""
    return float(next((i for i, e in enumerate(edges) if x <= e), len(edges)))


def _sent_index(doc: Doc) -> dict[int, int]:
    """Sentence number of every sentence's first token."""
    return {s.start: i for i, s in enumerate(doc.sents)}


def _tokens_of(doc: Doc, f: Found, quoted) -> list[Token]:
    """Heads of the noun phrases around a quote, nearest to its anchor first, outside quoted text."""
    first = doc.char_span(f.start, f.end, alignment_mode="expand")
    anchor = doc.char_span(f.anchor, f.anchor + 1, alignment_mode="expand")
    if first is None or anchor is None:
        return []
    lo_sent = doc[min(first.start, anchor.start)].sent
    k = 0
    start = lo_sent.start
    while k < SENTS_BEFORE and start > 0:
        start = doc[start - 1].sent.start
        k += 1
    hi = max(doc[first.end - 1].sent.end, doc[anchor.start].sent.end)
    para = doc[anchor.start]._.wc_paragraph

    def usable(t: Token) -> bool:
        return t.pos_ in ("PROPN", "NOUN", "PRON") and t.dep_ not in ("compound", "amod") \
            and not inside(t.idx, quoted) and not f.start <= t.idx < f.end \
            and (t.pos_ != "PRON" or t.lower_ in PRONOUNS and t.tag_ not in ("WP", "WDT"))
    # sentences before the quote's own count only inside its paragraph
    out = [t for t in doc[start:hi] if usable(t) and (t.i >= lo_sent.start or t._.wc_paragraph == para)]
    out.sort(key=lambda t: abs(t.i - anchor.start))
    return out[:MAX_CANDIDATES * 2]


def _syntax(f: dict, tok: Token, cue: Token | None) -> None:
    """The candidate's grammatical link to the cue."""
    f[f"dep={tok.dep_ if tok.dep_ in _DEPS else 'other'}"] = 1.0
    f["pos_propn"] = float(tok.pos_ == "PROPN")
    f["pos_pron"] = float(tok.pos_ == "PRON")
    f["head_speech_verb"] = float(is_speech_verb(tok.head))
    f["according"] = float(tok.dep_ == "pobj" and tok.head.lower_ == "to" and tok.head.i > 0
                           and tok.doc[tok.head.i - 1].lower_ == "according")
    f["agent_by"] = float(tok.dep_ == "pobj" and tok.head.lower_ in ("by", "from"))
    if cue is not None:
        subj = subject_of(cue) if cue.pos_ in ("VERB", "AUX") else None
        f["subject_of_cue"] = float(subj is not None and subj.i == tok.i)
        f["child_of_cue"] = float(tok.head.i == cue.i)
        f["tok_dist"] = float(tok.i - cue.i)
        f["abs_dist"] = _bucket(abs(tok.i - cue.i), (1, 2, 3, 5, 8, 12, 20, 35))
        f["same_sent_cue"] = float(tok.sent.start == cue.sent.start)


def _position(f: dict, tok: Token, q: Found, sents: dict[int, int]) -> None:
    """Where the candidate stands relative to the quote."""
    doc = tok.doc
    qs = doc.char_span(q.start, q.end, alignment_mode="expand")
    q_sent = sents.get(doc[qs.start].sent.start, 0) if qs is not None else 0
    c_sent = sents.get(tok.sent.start, 0)
    f["sent_dist"] = float(q_sent - c_sent)
    f["before_quote"] = float(tok.idx < q.start)
    f["after_quote"] = float(tok.idx >= q.end)
    f["chars_from_quote"] = _bucket(min(abs(tok.idx - q.start), abs(tok.idx - q.end)), (10, 30, 60, 120, 250, 500))


def _identity(f: dict, sp: Speaker, tok: Token | None, actors: ActorIndex, counts: dict[str, int]) -> None:
    """What the candidate is: entity type, actor kind, source noun, document, salience."""
    kind = actors.kind_of(sp.name) if sp.name else None
    for k in _KINDS:
        f[f"kind={k}"] = float(kind == k)
    if tok is not None:
        for e in _ENTS:
            f[f"ent={e}"] = float(tok.ent_type_ == e)
        f["source_noun"] = float(tok.lemma_.lower() in lexicon()["source_nouns"])
        f["document"] = float(tok.lemma_.lower() in lexicon()["document_nouns"])
        f["non_speaker"] = float(tok.lemma_.lower() in lexicon()["non_speakers"])
        f["plural"] = float(tok.tag_ in ("NNS", "NNPS"))
    f["person"] = float(sp.person)
    f["anonymous"] = float(sp.anonymous)
    f["pronoun_resolved"] = float(tok is not None and tok.pos_ == "PRON")
    f["mentions"] = _bucket(counts.get(sp.name or "", 0), (0, 1, 2, 4, 8, 16))
    f["name_words"] = float(min(len((sp.name or "").split()), 5))


def _quote(f: dict, q: Found, rule: Speaker | None, sp: Speaker, last: Speaker | None) -> None:
    """What the quote and the rules' choice are."""
    cue = q.cue
    f["direct"] = float(q.kind == "direct")
    f["cue_verb"] = float(cue is not None and cue.pos_ in ("VERB", "AUX"))
    f["cue_noun"] = float(cue is not None and cue.pos_ == "NOUN")
    f["cue_according"] = float(cue is not None and cue.lower_ == "according")
    f["no_cue"] = float(cue is None)
    f["inherit"] = float(q.inherit)
    f["rule_empty"] = float(rule is None or not rule.name)
    f["rule_choice"] = float(rule is not None and bool(rule.name) and rule.name == sp.name)
    f["last_speaker"] = float(last is not None and last.name == sp.name)
    f["quote_words"] = _bucket(len(q.text.split()), (3, 6, 12, 25, 50))


def candidates(doc: Doc, q: Found, rule: Speaker | None, last: Speaker | None, actors: ActorIndex, quoted,
               resolve: Callable[[Speaker, Token], Speaker]) -> list[Candidate]:
    """The quote's speaker candidates, one per distinct name, nearest first, with their features."""
    sents = _sent_index(doc)
    counts = {a.name: len(a.mentions) for a in actors.actors}
    out: dict[str, Candidate] = {}
    for tok in _tokens_of(doc, q, quoted):
        sp = resolve(resolve_phrase(tok, actors), tok)
        if not sp.name or sp.name in out or sp.document:
            continue
        feats: dict[str, float] = {"rank": float(min(len(out), 10))}
        _syntax(feats, tok, q.cue)
        _position(feats, tok, q, sents)
        _identity(feats, sp, tok, actors, counts)
        _quote(feats, q, rule, sp, last)
        out[sp.name] = Candidate(tok, sp, feats)
        if len(out) >= MAX_CANDIDATES:
            break
    if rule is not None and rule.name and rule.name not in out:
        # the rules reached further (a block quote's introduction, the last speaker): keep their choice
        feats = {"rank": 10.0, "far": 1.0}
        _identity(feats, rule, None, actors, counts)
        _quote(feats, q, rule, rule, last)
        out[rule.name] = Candidate(None, rule, feats)
    return list(out.values())


class Ranker:
    """Gradient-boosted regression trees stored as flat arrays; the sum of their leaves is a log-odds."""

    def __init__(self, data: dict):
        self.features: list[str] = data["features"]
        self.index = {k: i for i, k in enumerate(self.features)}
        self.init: float = data["init"]
        self.rate: float = data["learning_rate"]
        self.trees: list[dict] = data["trees"]
        self.card: dict = data.get("card", {})

    def probability(self, feats: dict[str, float]) -> float:
        """P(the candidate is the quote's speaker)."""
        x = [0.0] * len(self.features)
        for k, v in feats.items():
            i = self.index.get(k)
            if i is not None:
                x[i] = v
        z = self.init
        for t in self.trees:
            node = 0
            left, right, feat, thr, val = t["l"], t["r"], t["f"], t["t"], t["v"]
            while left[node] != -1:
                node = left[node] if x[feat[node]] <= thr[node] else right[node]
            z += self.rate * val[node]
        return 1.0 / (1.0 + math.exp(-z))


@functools.lru_cache(maxsize=4)
def load_ranker(path: str | None = None) -> Ranker | None:
    """The shipped ranker (or the one at `path`); None when no model file exists."""
    data = model_data("speaker_ranker.json", path)
    return Ranker(data) if data is not None else None


def choose(cands: list[Candidate], rule: Speaker | None, ranker: Ranker, fill: float,
           override: float | None) -> Speaker | None:
    """The rules' speaker, replaced by the model's best candidate only when the model is confident:
    above `fill` for a quote the rules left empty, above `override` (None: never) against the rules' own choice."""
    if not cands:
        return rule
    scored = [(ranker.probability(c.features), c) for c in cands]
    p, best = max(scored, key=lambda pc: pc[0])
    if rule is None or not rule.name:
        return best.speaker if p >= fill else rule
    if override is not None and best.speaker.name != rule.name and p >= override:
        rule_p = next((q for q, c in scored if c.speaker.name == rule.name), 0.0)
        if p - rule_p >= override - fill:  # and clearly ahead of the rules' choice
            return best.speaker
    return rule
