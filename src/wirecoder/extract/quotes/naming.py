"""The written form of a body's name as a quote speaker: one that names it by both its full name
and the acronym the article gives it ('UN Mission in South Sudan (UNMISS)').

Articles switch between the two ('the UN Mission in South Sudan (UNMISS)' … 'UNMISS said'), and
readers and downstream matching know a body by either, so the speaker carries both as the
article defines them; a body the article names only one way keeps that name."""
from __future__ import annotations

import re

from wirecoder.extract.actors import ORG_WORDS, ActorIndex
from wirecoder.records import Actor
from wirecoder.settings import DEFAULT, Settings

# an acronym as written: capitals (digits, dots, hyphens or '&' inside) with two capitals at least
_ACRONYM = re.compile(r"[A-Z][A-Z0-9.&\-]{1,11}")
# a run of capitalised words with the lowercase particles names keep inside them
_CAP_RUN = re.compile(r"[A-Z][\w'’\-]*(?:\s+(?:(?:of|for|and|the|in|on|de|del|la|to|du)\s+)*[A-Z][\w'’\-]*)*")
_PARTICLES = {"of", "for", "and", "the", "in", "on", "de", "del", "la", "to", "du"}


def is_acronym(name: str) -> bool:
    """True for a name written as an acronym ('UNMISS', 'CJTF-OIR'), not a word in capitals."""
    return bool(_ACRONYM.fullmatch(name)) and sum(c.isupper() for c in name) >= 2


def _long_names(actor: Actor) -> list[str]:
    """The actor's names of two words or more that are not acronyms, longest first."""
    names = [n for n in (actor.name, *actor.aliases) if not is_acronym(n) and len(n.split()) >= 2]
    return sorted(names, key=lambda n: -len(n.split()))


def _initials(words: list[str]) -> str:
    return "".join(w[0] for w in words if w.lower() not in _PARTICLES)


def _spelled_out(acronym: str, text: str) -> str | None:
    """The capitalised words of the article whose initials spell the acronym ('Bangladesh
    Nationalist Party' for 'BNP'): the article uses both forms without defining one by the other."""
    letters = re.sub(r"[^A-Z]", "", acronym)
    for run in _CAP_RUN.finditer(text):
        words = run.group(0).split()
        for i in range(len(words)):
            if words[i].lower() in _PARTICLES:
                continue
            for j in range(i + 1, len(words) + 1):
                if words[j - 1].lower() in _PARTICLES:
                    continue
                got = _initials(words[i:j])
                if got == letters and len(got) >= 2:
                    return " ".join(words[i:j])
                if len(got) > len(letters):
                    break
    return None


def _as_defined(long: str, acronym: str, text: str) -> str:
    """The long name as the article writes it before the acronym, when that is fuller: 'State
    Attorney General's Office (FGE)' where the model tagged only 'General's Office'."""
    for m in re.finditer(r"(%s)\s*\(%s\)" % (_CAP_RUN.pattern, re.escape(acronym)), text):
        run = re.sub(r"^(?:The|A|An)\s+", "", m.group(1))
        if run.endswith(long) and len(run) > len(long):
            return run
    return long


def _defined_by_other(acronym: str, actors: ActorIndex) -> str | None:
    """Another body of the article that carries this acronym as its alias ('National Liberation
    Army (ELN)' when the registry made 'ELN' an actor of its own)."""
    for a in actors.actors:
        if a.kind in ("organization", "group", "other") and acronym in a.aliases:
            longs = _long_names(a)
            if longs:
                return longs[0]
    return None


def _as_written(actor: Actor, written: str | None) -> str | None:
    """The body's own name as the speech cue writes it ('the Israeli military said' where the
    article mostly says 'Israeli troops'): one of the actor's names with a capitalised word of its
    own, not a bare head noun ('the Brigade') that only refers back to it."""
    if not written:
        return None
    name = re.sub(r"^(?:the|a|an)\s+", "", written.strip(" ,"), flags=re.I)
    if name == actor.name or name.lower() not in {a.lower() for a in actor.aliases}:
        return None
    own = [w for w in name.split() if w[:1].isupper() and w.lower() not in ORG_WORDS]
    return name if own else None


def speaker_form(name: str | None, actors: ActorIndex, text: str, settings: Settings = DEFAULT,
                 written: str | None = None) -> str | None:
    """The speaker name to output: 'Full Name (ACR)' for a body the article names both ways, else
    the body's name as `written` at the cue when that is one of its names."""
    actor = actors.actor(name) if name else None
    if actor is None or not settings.speaker_acronym_form or actor.kind not in ("organization", "group", "other"):
        return name
    acronyms = [n for n in (actor.name, *actor.aliases) if is_acronym(n)]
    if not acronyms:
        return _as_written(actor, written) or name
    longs = _long_names(actor)
    acronym = acronyms[0]
    if longs:
        # an acronym whose letters spell the long name beats a registry alias that does not
        acronym = next((a for a in acronyms if _initials(longs[0].split()) == re.sub(r"[^A-Z]", "", a)), acronym)
        return f"{_as_defined(longs[0], acronym, text)} ({acronym})"
    full = _defined_by_other(acronym, actors) or _spelled_out(acronym, text)
    return f"{full} ({acronym})" if full else name
