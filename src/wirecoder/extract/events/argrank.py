"""Who did it to whom: a learned choice among the parties a sentence names.

The rules give one actor and one target per event, read off the dependency parse. The ranker
sees every party the sentence names (each noun phrase head, rendered the way the rules render an
argument, plus the rules' own choice and "nobody") and scores each as the event's actor or
target from the path between it and the trigger, its entity type, the actor record it resolves
to, its head word and what the rules chose. Trained on PLV train's actor/target spans and our
annotated articles (`python -m wirecoder.train.events_args`)."""
from __future__ import annotations

import functools
from dataclasses import dataclass

from spacy.tokens import Token

from wirecoder.extract.events.arguments import argument
from wirecoder.extract.events.base import MATERIAL_CONFLICT, _Cand
from wirecoder.extract.events.lexicon import Lexicon
from wirecoder.settings import model_data

ROLES = ("actor", "target")
NOBODY = ""  # the option "the sentence names no one in this role"
_NOMINAL = {"NOUN", "PROPN", "PRON"}
_PARTY_ENTS = {"ORG", "PERSON", "GPE", "NORP", "FAC", "LOC"}
_SAY = {"say", "tell", "state", "announce", "report", "add", "claim", "confirm", "according"}
_REPORTING = _SAY - {"claim"}  # a claimant is the actor of the attack it claims


@dataclass(frozen=True)
class Option:
    """One party the event's actor or target could be, with the ranker's features."""

    text: str  # NOBODY for "no one"
    features: dict


def _path(tok: Token, trig: Token) -> str:
    """Dependency path from the option up to the common ancestor and down to the trigger."""
    up_t = [tok]
    while up_t[-1].head.i != up_t[-1].i and len(up_t) < 8:
        up_t.append(up_t[-1].head)
    seen = {t.i: n for n, t in enumerate(up_t)}
    g = trig
    down = []
    while g.i not in seen and g.head.i != g.i and len(down) < 8:
        down.append(g.dep_)
        g = g.head
    if g.i not in seen:
        return "far"
    up = [t.dep_ for t in up_t[:seen[g.i]]]
    if len(up) + len(down) > 4:
        return "far"
    return "^".join(up) + "|" + "v".join(reversed(down))


def _bucket(n: int) -> str:
    for b in (1, 2, 4, 8, 16):
        if n <= b:
            return str(b)
    return "more"


def _token_features(tok: Token, path: str, trig: Token, role: str, group: str, actors) -> dict:
    f = {f"path={path}": 1.0, f"path={path}|{group}": 1.0}
    f[f"ent={tok.ent_type_ or '-'}"] = f[f"ent={tok.ent_type_ or '-'}|{group}"] = 1.0
    f[f"pos={tok.pos_}"] = f[f"dep={tok.dep_}|{group}"] = 1.0
    f[f"lemma={tok.lemma_.lower()}"] = 1.0
    f["side=" + ("before" if tok.i < trig.i else "after")] = 1.0
    f[f"side|{group}=" + ("before" if tok.i < trig.i else "after")] = 1.0
    f[f"dist={_bucket(abs(tok.i - trig.i))}"] = 1.0
    if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.lemma_.lower() in _SAY and tok.head.i != trig.i:
        f["reporter"] = 1.0  # "..., the Pentagon said": the reporting body
    if tok.dep_ == "pobj" and tok.head.lower_ in ("by", "from", "of", "on", "against", "in", "at", "with", "to"):
        f[f"prep={tok.head.lower_}"] = f[f"prep={tok.head.lower_}|{group}"] = 1.0
    if actors is not None and actors.at(tok.idx, tok.idx + len(tok.text)):
        f["actor_record"] = 1.0
    if any(c.like_num for c in tok.children) or tok.like_num:
        f["counted"] = 1.0
    return {f"{role}:{k}": v for k, v in f.items()}


def _text_features(text: str, role: str, rules: dict[str, str | None], actors) -> dict:
    f = {}
    for r in ROLES:
        if rules.get(r) and rules[r] == text:
            f[f"rules_{r}"] = 1.0
    kind = actors.kind_of(text) if actors is not None else None
    f[f"kind={kind}"] = 1.0
    words = text.split()
    f[f"words={_bucket(len(words))}"] = 1.0
    if text[:1].isupper():
        f["capitalised"] = 1.0
    return {f"{role}:{k}": v for k, v in f.items()}


def _never_party(tok: Token, lex: Lexicon) -> bool:
    """A document, time, weapon, number or abstract noun: mode, size or circumstance, never a party."""
    if tok.like_num or tok.ent_type_ in ("DATE", "TIME", "CARDINAL", "QUANTITY", "MONEY", "PERCENT"):
        return True
    return tok.pos_ != "PROPN" and tok.lemma_.lower() in lex.word_set("non_party_nouns")


def _reporter(tok: Token, best: _Cand, kind: str) -> bool:
    """'rockets struck the base, the Pentagon said': the body reporting a material act did not do it."""
    return kind in MATERIAL_CONFLICT and tok.dep_ in ("nsubj", "nsubjpass") and tok.head.i != best.tok.i \
        and tok.head.lemma_.lower() in _REPORTING


def _heads(best: _Cand) -> list[tuple[Token, str]]:
    """Tokens that head a party in the trigger's sentence, each with its path to the trigger."""
    out = []
    for tok in best.sent:
        if tok.i == best.tok.i or tok.pos_ not in _NOMINAL and tok.ent_type_ != "NORP":
            continue  # a demonym ("Chinese embassy", "Pakistani side") stands for its state
        if tok.dep_ == "compound" and tok.ent_type_ not in _PARTY_ENTS:
            continue
        if tok.ent_iob_ == "I" and tok.head.i != tok.i and tok.head.ent_iob_ in ("B", "I") \
                and tok.head.ent_type_ == tok.ent_type_:
            continue  # inside a multi-word name: its head speaks for it
        out.append((tok, _path(tok, best.tok)))
    return out


def _salient(actors, before: int, k: int = 3) -> list[str]:
    """The article's most mentioned parties up to this sentence (people excluded: they are named where they act)."""
    if actors is None:
        return []
    counts = []
    for a in actors.actors:
        if a.kind == "person":
            continue
        n = sum(1 for m in a.mentions if m.start < before)
        if n:
            counts.append((-n, min(m.start for m in a.mentions), a.name))
    return [name for _, _, name in sorted(counts)[:k]]


def options(best: _Cand, group_name: str, rules: dict[str, str | None], actors, lex: Lexicon,
            cache: dict | None = None) -> dict[str, list[Option]]:
    """For each role, every party the event's sentence offers, NOBODY included; `rules` = the rules' choice."""
    cache = {} if cache is None else cache
    out: dict[str, list[Option]] = {}
    heads, salient = _heads(best), _salient(actors, best.sent.start_char)  # the same for both roles
    for role in ROLES:
        found: dict[str, dict] = {}
        blocked: set[str] = set()
        for tok, path in heads:
            if path == "far" and tok.ent_type_ not in _PARTY_ENTS and tok.pos_ != "PRON":
                continue  # a common noun five arcs away is scenery, and each option costs a parse walk
            key = (tok.i, role)
            if key not in cache:
                cache[key] = argument(tok, actors, conj=False, lex=lex, role=role)
            text = cache[key]
            if text and _never_party(tok, lex):
                blocked.add(text)
                continue
            if role == "actor" and _reporter(tok, best, group_name):
                continue  # the same party may still be named as the actor elsewhere ("said its troops")
            if not text or text in found:
                continue
            found[text] = _token_features(tok, path, best.tok, role, group_name, actors)
        found = {t: f for t, f in found.items() if t not in blocked}  # "Dozens of rockets" from any head
        if rules[role] and rules[role] not in found and rules[role] not in blocked:
            found[rules[role]] = {f"{role}:rules_elsewhere": 1.0}
        for rank, name in enumerate(salient):
            if name not in found:  # "the junta" two sentences after "Mali's military government"
                found[name] = {f"{role}:article_actor={rank}": 1.0, f"{role}:article_actor|{group_name}": 1.0}
        opts = [Option(t, {**f, **_text_features(t, role, rules, actors), f"{role}:bias": 1.0,
                           f"{role}:bias|{group_name}": 1.0})
                for t, f in found.items()]
        none = {f"{role}:nobody": 1.0, f"{role}:nobody|{group_name}": 1.0,
                f"{role}:nobody|rules_none={rules[role] is None}": 1.0, f"{role}:nobody|n={_bucket(len(opts))}": 1.0}
        out[role] = opts + [Option(NOBODY, none)]
    return out


class ArgRanker:
    """A linear scorer over options; the highest-scoring option of each role wins."""

    def __init__(self, weights: dict[str, float], card: dict | None = None):
        self.weights, self.card = weights, card or {}

    def score(self, opt: Option) -> float:
        """The option's linear score."""
        return sum(self.weights.get(k, 0.0) * v for k, v in opt.features.items())

    def choose(self, opts: list[Option]) -> str | None:
        """The chosen party's text, or None for nobody."""
        if not opts:
            return None
        best = max(opts, key=self.score)
        return best.text or None

    def choose_pair(self, actors: list[Option], targets: list[Option]) -> tuple[str | None, str | None]:
        """The best actor and target together: one party never acts on itself."""
        sa = sorted(((self.score(o), o.text) for o in actors), reverse=True)[:4] or [(0.0, NOBODY)]
        st = sorted(((self.score(o), o.text) for o in targets), reverse=True)[:4] or [(0.0, NOBODY)]
        pairs = [(a[0] + t[0], a[1], t[1]) for a in sa for t in st if not a[1] or a[1] != t[1]]
        _, actor, target = max(pairs, key=lambda p: p[0])
        return actor or None, target or None


@functools.lru_cache(maxsize=4)
def load_ranker(path: str | None = None) -> ArgRanker | None:
    """The shipped argument ranker (or the one at `path`); None when no model file exists."""
    data = model_data("event_args.json", path)
    return ArgRanker(data["weights"], data.get("card")) if data is not None else None
