"""The editable event lexicon (data/event_lexicon.yaml): PLOVER triggers, modes and cue words."""
from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from wirecoder.errors import LexiconError
from wirecoder.registry import SAFE_LOADER
from wirecoder.records import PLOVER_TYPES
from wirecoder.settings import data_path

_ENTRY_KEYS = {"mode", "requires", "not_requires", "irrealis", "embeds", "swap", "threat", "when_negated"}


@dataclass(frozen=True)
class Trigger:
    """One lexicon entry: a lemma (with an optional particle) that signals a PLOVER type."""

    type: str
    lemma: str
    particle: str | None = None  # "call for": the verb needs a child 'for'
    mode: str | None = None
    requires: frozenset[str] = frozenset()
    not_requires: frozenset[str] = frozenset()
    irrealis: bool = False
    embeds: bool = False
    swap: bool = False  # the grammatical object is the actor ("X was persuaded to agree")
    threat: bool = False  # a warning: a threat only when it names force or the warner's own action
    when_negated: bool = False  # counts only negated, and the negation is part of it ("would not allow")


@dataclass(frozen=True)
class Lexicon:
    """Triggers by part of speech and lemma, plus the cue-word lists the coder reads."""

    verbs: dict[str, tuple[Trigger, ...]]
    nouns: dict[str, tuple[Trigger, ...]]
    modifiers: dict[str, str]
    words: dict[str, frozenset[str]] = field(default_factory=dict)
    casualty: dict[str, frozenset[str]] = field(default_factory=dict)
    anaphors: dict[str, tuple[str, ...]] = field(default_factory=dict)  # "the army" -> names it may stand for
    lemma_fixes: dict[str, str] = field(default_factory=dict)  # word form -> lemma the tagger gets wrong

    def lemma(self, tok) -> str:
        """A token's lower-case lemma, corrected where the tagger is known to err ("staged" -> "stag")."""
        return self.lemma_fixes.get(tok.lower_) or tok.lemma_.lower()

    @functools.cached_property
    def trigger_words(self) -> frozenset[str]:
        """Every word a token's lemma or form must be for it to be a trigger: the verb and noun
        entries, and what follows a hyphen in a hyphenated noun entry ("in" of "sit-in")."""
        tails = {k[p + 1:] for k in self.nouns for p, c in enumerate(k) if c == "-"}
        return frozenset(self.verbs) | frozenset(self.nouns) | frozenset(tails)

    def word_set(self, name: str) -> frozenset[str]:
        """A named list of cue words (light_verbs, modal_words, ...)."""
        return self.words.get(name, frozenset())


def _words(value, lists: dict[str, frozenset[str]], source: str) -> frozenset[str]:
    """Lower-case cue words; an item "$name" stands for the whole named list (one list, many triggers)."""
    out: set[str] = set()
    for w in value or ():
        w = str(w).lower()
        if w.startswith("$") and len(w) > 1:
            if w[1:] not in lists:
                raise LexiconError(f"unknown word list {w!r}; define it at the top level", source=source)
            out |= lists[w[1:]]
        else:
            out.add(w)
    return frozenset(out)


def _entry(type_: str, key: str, value, source: str, noun: bool = False,
           lists: dict[str, frozenset[str]] | None = None) -> Trigger:
    if value is None or isinstance(value, str):
        value = {"mode": value}
    if not isinstance(value, dict) or set(value) - _ENTRY_KEYS:
        raise LexiconError(f"entry {type_}/{key!r} must be a mode or a mapping of {sorted(_ENTRY_KEYS)}",
                           source=source)
    parts = str(key).lower().split()
    if noun:  # "hunger strike": the head noun with a modifier it needs
        lemma, particle = parts[-1], " ".join(parts[:-1]) or None
    else:  # "call for": the verb with a particle or preposition it needs
        lemma, particle = parts[0], " ".join(parts[1:]) or None
    return Trigger(type=type_, lemma=lemma, particle=particle, mode=value.get("mode"),
                   requires=_words(value.get("requires"), lists or {}, source),
                   not_requires=_words(value.get("not_requires"), lists or {}, source),
                   irrealis=bool(value.get("irrealis")), embeds=bool(value.get("embeds")),
                   swap=bool(value.get("swap")), threat=bool(value.get("threat")),
                   when_negated=bool(value.get("when_negated")))


def _order(triggers: list[Trigger]) -> tuple[Trigger, ...]:
    # the most specific entry is tried first: particles, then conditions, then bare lemmas
    return tuple(sorted(triggers, key=lambda t: (t.particle is None, not t.requires)))


@functools.lru_cache(maxsize=4)
def load_lexicon(path: str | None = None) -> Lexicon:
    """Read the event lexicon (the shipped one unless a path is given)."""
    file = Path(path) if path else data_path("event_lexicon.yaml")
    try:
        raw = yaml.load(file.read_text(encoding="utf-8"), Loader=SAFE_LOADER) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise LexiconError(f"cannot read the event lexicon: {exc}", source=str(file)) from exc
    verbs: dict[str, list[Trigger]] = {}
    nouns: dict[str, list[Trigger]] = {}
    words = {k: frozenset(str(w).lower() for w in v) for k, v in raw.items()
             if isinstance(v, list)}
    for type_, table in (raw.get("types") or {}).items():
        if type_ not in PLOVER_TYPES:
            raise LexiconError(f"unknown PLOVER type {type_!r}; use one of {', '.join(PLOVER_TYPES)}",
                               source=str(file))
        for pos, target in (("verbs", verbs), ("nouns", nouns)):
            for key, value in ((table or {}).get(pos) or {}).items():
                # a list gives one lemma several senses of one type ("suspend" aid / talks)
                for one in (value if isinstance(value, list) else [value]):
                    trig = _entry(type_, key, one, str(file), noun=pos == "nouns", lists=words)
                    target.setdefault(trig.lemma, []).append(trig)
    casualty = {k: frozenset(str(w).lower() for w in v) for k, v in (raw.get("casualty_words") or {}).items()}
    anaphors = {str(k).lower(): tuple(str(w).lower() for w in (v if isinstance(v, list) else [v]))
                for k, v in (raw.get("anaphors") or {}).items()}
    return Lexicon(verbs={k: _order(v) for k, v in verbs.items()},
                   nouns={k: _order(v) for k, v in nouns.items()},
                   modifiers={str(k).lower(): v for k, v in (raw.get("modifiers") or {}).items()},
                   words=words, casualty=casualty, anaphors=anaphors,
                   lemma_fixes={str(k).lower(): str(v).lower() for k, v in (raw.get("lemma_fixes") or {}).items()})
