"""The learned judge: accepts or rejects each event the rules propose, from the rules' own output.

The rules find candidates well but cannot tell a reported event from a background tally, a
headline echo, a caption or a threat told as the attack it describes. A logistic regression over
features of each candidate (type, trigger, flags, arguments and their kinds, date and place,
position in the article, quotes, duplicates) was trained by `wirecoder.train.events_judge` on the
rules' candidates over annotated articles the rules were never tuned on. Its weights ship as JSON
in `wirecoder/models/event_judge.json`: a sparse dot product, no learning library at run time."""
from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass

from spacy.tokens import Doc

from wirecoder.extract.events.base import _Cand
from wirecoder.settings import model_data
from wirecoder.nlp.spans import doc_text

_CAPTION = re.compile(r"^\s*(caption|photo|image|pictured|above|top)\b|\((photo|image|picture)\b|\b(afp|reuters|ap) photo\b", re.I)
_TALLY = re.compile(r"\b(since|so far|to date|in total|altogether|overall|tally|toll|at least|more than|over the past)\b", re.I)


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    for e in edges:
        if n <= e:
            return str(e)
    return f">{edges[-1]}"


@dataclass
class ArticleContext:
    """What the judge reads about the whole article once: sentence order, paragraphs, quotes, type counts."""

    sent_index: dict[int, int]
    n_sents: int
    para_of: dict[int, int]
    headline: int | None  # start of a first paragraph with no final stop: a headline
    quotes: tuple
    type_counts: dict[str, int]
    sent_counts: dict[int, int]


def article_context(doc: Doc, groups: list[list[_Cand]], bests: list[_Cand]) -> ArticleContext:
    """Article-level facts for every candidate of `doc`."""
    sents = list(doc.sents)
    starts = {s.start_char: i for i, s in enumerate(sents)}
    text = doc_text(doc)
    para_of, para = {}, 0
    for s in sents:
        para_of[s.start_char] = para
        if "\n" in text[s.start_char:s.end_char + 1]:
            para += 1
    headline = None
    if sents:
        first = sents[0].text.strip()
        if first and first[-1] not in ".!?\"”’'" and len(first.split()) <= 25:
            headline = sents[0].start_char
    types: dict[str, int] = {}
    per_sent: dict[int, int] = {}
    for b in bests:
        types[b.type] = types.get(b.type, 0) + 1
        per_sent[b.sent.start_char] = per_sent.get(b.sent.start_char, 0) + 1
    quotes = tuple((q.start, q.end) for q in (doc._.wc_quotes or ()) if q.kind == "direct")
    return ArticleContext(starts, len(sents), para_of, headline, quotes, types, per_sent)


def _arg_features(f: dict, role: str, name, actors, t: str) -> None:
    if not name:
        f[f"{role}=none"] = f[f"{role}=none|{t}"] = 1.0
        return
    kind = getattr(actors, "kind_of", lambda n: None)(name) if actors is not None else None
    f[f"{role}_kind={kind}"] = f[f"{role}_kind={kind}|{t}"] = 1.0
    words = re.findall(r"[a-z]+", name.lower())
    if words:
        f[f"{role}_head={words[-1]}"] = 1.0
    if name[:1].isupper():
        f[f"{role}=capitalised"] = 1.0


def _flag_features(f: dict, c: _Cand, t: str) -> None:
    for flag in ("negated", "hypothetical", "future", "historical", "reference", "mention_only", "background"):
        if getattr(c, flag):
            f[f"flag={flag}"] = f[f"flag={flag}|{t}"] = 1.0
    if c.frame is not None:
        f["framed"] = 1.0


def _syntax_features(f: dict, tok, t: str) -> None:
    lemma = tok.lemma_.lower()
    f[f"lemma={t}|{lemma}"] = f[f"trig={lemma}"] = 1.0
    f[f"tag={tok.tag_}"] = f[f"tag={t}|{tok.tag_}"] = 1.0
    f[f"dep={tok.dep_}"] = f[f"dep={t}|{tok.dep_}"] = 1.0
    f[f"gov={tok.head.lemma_.lower()}"] = 1.0
    aux = {c.lemma_.lower() for c in tok.children if c.dep_ in ("aux", "auxpass")}
    aux |= {c.lemma_.lower() for c in tok.head.children if c.dep_ in ("aux", "auxpass")} if tok.pos_ == "NOUN" else set()
    for a in aux & {"have", "will", "would", "could", "may", "might", "be", "can", "should"}:
        f[f"aux={a}"] = 1.0
    for c in tok.children:  # the trigger's own words: "since", "further", "no", "alleged"
        if c.is_alpha:
            f[f"kid={c.lemma_.lower()}"] = 1.0
    if tok.head.i != tok.i:
        for c in tok.head.children:
            if c.i != tok.i and c.is_alpha:
                f[f"sib={c.lemma_.lower()}"] = 1.0


def features(group: list[_Cand], best: _Cand, ctx: ArticleContext, actors) -> dict[str, float]:
    """The judge's features of one candidate event (a group of candidates told as one event)."""
    t, tok, sent = best.type, best.tok, best.sent
    f: dict[str, float] = {"bias": 1.0, f"type={t}": 1.0, f"mode={t}|{best.mode}": 1.0}
    _syntax_features(f, tok, t)
    _flag_features(f, best, t)
    _arg_features(f, "actor", best.actor, actors, t)
    _arg_features(f, "target", best.target, actors, t)
    if best.actor_known:
        f["actor_known"] = 1.0
    date = best.date
    f[f"date={getattr(date, 'precision', None) if date is not None else 'none'}"] = 1.0
    if date is not None and getattr(date, "open_end", False):
        f["date_open"] = f[f"date_open|{t}"] = 1.0
    f["place=" + ("yes" if best.location is not None or best.sent_place is not None else "no")] = 1.0
    if best.fatalities is not None:
        f["fatalities"] = f[f"fatalities|{t}"] = 1.0
    idx = ctx.sent_index.get(sent.start_char, 0)
    f[f"sent_pos={_bucket(idx, (0, 1, 2, 4, 8, 15))}"] = 1.0
    f[f"sent_rel={min(4, int(5 * idx / max(1, ctx.n_sents)))}"] = 1.0
    if ctx.headline == sent.start_char:
        f["headline"] = f[f"headline|{t}"] = 1.0
    if _CAPTION.search(sent.text):
        f["caption"] = 1.0
    if _TALLY.search(sent.text):
        f["tally_cue"] = f[f"tally_cue|{t}"] = 1.0
    if any(lo <= tok.idx < hi for lo, hi in ctx.quotes):
        f["in_quote"] = f[f"in_quote|{t}"] = 1.0
    f[f"reports={_bucket(len({c.sent.start_char for c in group}), (1, 2))}"] = 1.0
    f[f"same_type={_bucket(ctx.type_counts.get(t, 1), (1, 2, 4))}"] = 1.0
    f[f"in_sentence={_bucket(ctx.sent_counts.get(sent.start_char, 1), (1, 2, 3))}"] = 1.0
    f[f"sent_len={_bucket(len(sent), (12, 25, 40))}"] = 1.0
    return f


class Judge:
    """A multinomial logistic regression stored as feature weights per class ("NONE" = no event)."""

    def __init__(self, classes: list[str], weights: dict[str, dict[str, float]], threshold: float,
                 retype: bool = True, card: dict | None = None):
        self.classes, self.weights, self.threshold, self.retype = classes, weights, threshold, retype
        self.card = card or {}
        # feature -> [(class, weight)]: a candidate has ~60 features and the model ~17 classes
        self._by_feature: dict[str, list[tuple[str, float]]] = {}
        for c, w in weights.items():
            for k, v in w.items():
                self._by_feature.setdefault(k, []).append((c, v))

    def probabilities(self, feats: dict[str, float]) -> dict[str, float]:
        """P(class) for every class: an event type, or NONE."""
        z = dict.fromkeys(self.weights, 0.0)
        for k, v in feats.items():
            for c, w in self._by_feature.get(k, ()):
                z[c] += w * v
        top = max(z.values())
        e = {c: math.exp(v - top) for c, v in z.items()}
        total = sum(e.values())
        return {c: v / total for c, v in e.items()}

    def decide(self, feats: dict[str, float], rule_type: str, threshold: float | None = None) -> str | None:
        """The type to keep the candidate as, or None to drop it."""
        p = self.probabilities(feats)
        if 1.0 - p.get("NONE", 0.0) < (self.threshold if threshold is None else threshold):
            return None
        if not self.retype:
            return rule_type
        return max((c for c in p if c != "NONE"), key=lambda c: (p[c], c == rule_type))


    def short_item(self, feats: list[dict[str, float]], rule_types: list[str], also: float) -> list[tuple[int, str]]:
        """What a short item reports: its likeliest candidate when it reaches the threshold, and any other
        candidate whose event probability is above `also`; each as (index, type)."""
        scores = [1.0 - self.probabilities(f).get("NONE", 0.0) for f in feats]
        if not scores:
            return []
        top = max(range(len(scores)), key=lambda i: (scores[i], -i))
        keep = [i for i, s in enumerate(scores) if (i == top and s >= self.threshold) or (i != top and s > also)]
        out = [(i, self.decide(feats[i], rule_types[i], threshold=0.0)) for i in keep]
        return [(i, k) for i, k in out if k is not None]


def is_short_item(doc: Doc, max_sents: int, max_words: int) -> bool:
    """A one-paragraph item of a sentence or two: a news alert, a feed summary, a coded sentence.

    One-sentence coding (PLV, wire alerts) reports one event per item, and such items have none of
    the article context (position, headline, repeats) the article judge leans on."""
    text = doc_text(doc).strip()
    if not text or "\n" in text or len(text.split()) > max_words:
        return False
    return sum(1 for _ in doc.sents) <= max_sents


@functools.lru_cache(maxsize=8)
def load_judge(path: str | None = None, name: str = "event_judge.json") -> Judge | None:
    """The shipped judge `name` (or the one at `path`); None when no model file exists."""
    data = model_data(name, path)
    if data is None:
        return None
    return Judge(data["classes"], data["weights"], data["threshold"], data.get("retype", True), data.get("card"))
