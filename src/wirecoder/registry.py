"""The curated actor registry (data/actors.yaml plus users' own files), indexed by alias."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from wirecoder.errors import RegistryError
from wirecoder.names import fold
from wirecoder.settings import data_path

KINDS = {"person", "organization", "state", "group", "location", "other"}
LABELS = {"person": "PERSON", "organization": "ORG", "state": "GPE", "group": "NORP",
          "location": "LOC", "other": "ORG"}


@functools.lru_cache(maxsize=65536)  # pure; actors, events and quotes fold the same names again and again
def norm(text: str) -> str:
    """Fold a name for lookup: accents, apostrophes, hyphens, case and a leading 'the' removed."""
    text = re.sub(r"[-‐–_.]", " ", fold(text))
    text = re.sub(r"\s+", " ", text).strip()
    return re.sub(r"^the ", "", text)


@dataclass(frozen=True)
class Entry:
    """One registry actor."""

    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    country: str | None = None
    sector: str | None = None
    member_of: str | None = None
    wikidata: str | None = None
    role: str | None = None

    @property
    def label(self) -> str:
        """The spaCy entity label this actor's mentions get."""
        return LABELS.get(self.kind, "ORG")


@dataclass
class Registry:
    """Registry entries with an alias index; later files override earlier ones by name."""

    entries: dict[str, Entry] = field(default_factory=dict)
    by_alias: dict[str, str] = field(default_factory=dict)

    def add(self, entry: Entry) -> None:
        """Add or replace an entry and index its name and aliases."""
        self.entries[entry.name] = entry
        for alias in (entry.name, *entry.aliases):
            self.by_alias[norm(alias)] = entry.name

    def lookup(self, text: str) -> Entry | None:
        """The entry a mention names, or None."""
        name = self.by_alias.get(norm(text))
        return self.entries.get(name) if name else None

    def __len__(self) -> int:
        return len(self.entries)


# libyaml's loader reads the shipped registry in a tenth of the time (0.3 s in pure Python, paid by the
# first clustering of every `wirecoder serve`); the pure-Python one where PyYAML was built without it
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _parse(path: Path) -> list[Entry]:
    try:
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=SAFE_LOADER) or []
    except (OSError, yaml.YAMLError) as exc:
        raise RegistryError(f"cannot read actor registry: {exc}".splitlines()[0], source=str(path)) from exc
    if isinstance(raw, dict):
        raw = raw.get("actors", [])
    entries = []
    for i, item in enumerate(raw, 1):
        if not isinstance(item, dict) or not item.get("name"):
            raise RegistryError(f"entry {i} needs at least a 'name'", source=str(path))
        kind = item.get("kind", "organization")
        if kind not in KINDS:
            raise RegistryError(f"entry {i} ({item['name']}) has kind {kind!r}; use one of {sorted(KINDS)}",
                                source=str(path))
        entries.append(Entry(
            name=str(item["name"]), kind=kind,
            aliases=tuple(str(a) for a in item.get("aliases") or ()),
            country=item.get("country"), sector=item.get("sector"),
            member_of=item.get("member_of"), wikidata=item.get("wikidata"), role=item.get("role"),
        ))
    return entries


@functools.lru_cache(maxsize=8)
def load_registry(extra: tuple[str, ...] = ()) -> Registry:
    """The shipped registry plus users' files, in order."""
    reg = Registry()
    for path in (data_path("actors.yaml"), *map(Path, extra)):
        for entry in _parse(Path(path)):
            reg.add(entry)
    return reg
