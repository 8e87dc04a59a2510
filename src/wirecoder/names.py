"""Name compatibility across articles: the same actor spelled or shortened differently."""
from __future__ import annotations

import functools
import re
import unicodedata

# Titles and particles carry no identity: "President Joe Biden" and "Biden" name one person.
_DROP = frozenset(
    "the a an of and al el mr mrs ms dr sir gen general col colonel lt maj major president prime minister "
    "premier sheikh sayyid king prince spokesman spokeswoman leader commander chief secretary".split()
)


# Apostrophes and the letters that transliterate 'ayn and hamza: 'Sa'ad' and 'Saad' are one name.
_APOSTROPHES = re.compile(r"[’‘`´ʼʻʿʾ']")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")


@functools.lru_cache(maxsize=65536)  # pure, and asked about the same names over and over per article
def fold(text: str) -> str:
    """A name without accents, case or apostrophes: the base of every name key (places, actors)."""
    if not text.isascii():  # ASCII has nothing to decompose: skip the slow path for most names
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
    return _APOSTROPHES.sub("", text.lower())


@functools.lru_cache(maxsize=65536)  # every gazetteer probe of a capitalised run starts here
def key(text: str) -> str:
    """The folded lookup key of a name: no accents, case, apostrophes, dots or hyphens."""
    return _NON_ALNUM.sub(" ", fold(text).replace(".", "")).strip()


def _tokens(name: str) -> list[str]:
    return [t for t in re.split(r"[^a-z0-9]+", fold(name)) if t and t not in _DROP]


@functools.lru_cache(maxsize=65536)
def canonical(name: str) -> str:
    """The registry's canonical name for a name or alias, else the name itself."""
    from wirecoder.registry import load_registry

    entry = load_registry().lookup(name)
    return entry.name if entry else name


def _acronym(short: str, long: str) -> bool:
    letters = re.sub(r"[^A-Za-z]", "", short)
    words = [w for w in re.split(r"[\s-]+", long) if w and w[0].isupper()]
    return short.replace(".", "").isupper() and len(letters) >= 2 and letters == "".join(w[0] for w in words)


@functools.lru_cache(maxsize=65536)
def same_name(a: str | None, b: str | None) -> bool:
    """True when two names plausibly denote one actor (registry alias, acronym, surname or most tokens)."""
    if not a or not b:
        return False
    a, b = canonical(a), canonical(b)
    if _acronym(a, b) or _acronym(b, a):
        return True
    la, lb = _tokens(a), _tokens(b)
    if not la or not lb:
        return a.strip().lower() == b.strip().lower()
    if la == lb:
        return True
    sa, sb = set(la), set(lb)
    if min(len(sa), len(sb)) == 1:
        return bool(sa & sb) and (len(sa) == 1 and la[0] == lb[-1] or len(sb) == 1 and lb[0] == la[-1]
                                  or sa == sb)
    if len(sa & sb) / min(len(sa), len(sb)) <= 0.5:
        return False
    return la[-1] == lb[-1]


def compatible(a: str | None, b: str | None) -> bool:
    """Unknown is compatible with anything; two known names must be the same actor."""
    return a is None or b is None or same_name(a, b)
