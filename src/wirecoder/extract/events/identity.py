"""What makes two reports one real-world event: the single definition behind within-article merging
and cross-article clusters (`corpus.dedup`)."""
from __future__ import annotations

import calendar
import math
from datetime import date, timedelta

from wirecoder.names import same_name
from wirecoder.registry import load_registry
from wirecoder.settings import DEFAULT, Settings


def period(day: str | None, precision: str | None, slack: int = 0) -> tuple[date, date] | None:
    """The days a report's date may mean given its precision, widened by `slack` days each side."""
    if not day:
        return None
    try:
        lo = date.fromisoformat(day[:10])
    except ValueError:
        return None
    if precision == "week":
        hi = lo + timedelta(days=6)
    elif precision == "month":
        hi = lo.replace(day=calendar.monthrange(lo.year, lo.month)[1])
    elif precision == "year":
        hi = lo.replace(month=12, day=31)
    else:
        hi = lo
    return lo - timedelta(days=slack), hi + timedelta(days=slack)


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


_COARSE = {"country", "admin1", "admin2", "county", "region", "continent"}  # areas, not points


def _within(area: dict, point: dict, settings: Settings) -> bool:
    """A report placed only by its province, region or country, and a point that may lie inside it."""
    if area.get("country") and point.get("country") and area["country"] != point["country"]:
        return False
    if area.get("location_kind") == "country":
        return bool(area.get("country"))
    return km(area["lat"], area["lon"], point["lat"], point["lon"]) <= settings.dedup_region_km


def _home_match(a: dict, b: dict, settings: Settings) -> str | None:
    """A report with no place of its own, against the place its article's other events happen at."""
    for x, y in ((a, b), (b, a)):
        home = x.get("home")
        if x.get("lat") is None and home and y.get("lat") is not None:
            if km(home["lat"], home["lon"], y["lat"], y["lon"]) <= settings.dedup_same_km:
                return "within"
    return None


def _place_match(a: dict, b: dict, settings: Settings) -> str | None:
    """'same' (one name, or points within a few km), 'near' (two names within `dedup_km`: neighbouring
    towns), 'within' (a province or country and a point inside it; or a report without a place whose
    article's events happen at the other's place), 'far', or None when nothing can be compared."""
    la, lb = (a.get("location") or "").strip().lower(), (b.get("location") or "").strip().lower()
    named_same = bool(la and lb and (la == lb or la in lb or lb in la))
    if a.get("lat") is not None and b.get("lat") is not None:
        coarse = [x for x in (a, b) if x.get("location_kind") in _COARSE]
        if coarse and not named_same:
            area = coarse[0]
            return "within" if _within(area, b if area is a else a, settings) else "far"
        d = km(a["lat"], a["lon"], b["lat"], b["lon"])
        if d > settings.dedup_km:
            return "far"
        return "same" if named_same or d <= settings.dedup_same_km else "near"
    if la and lb:
        return "same" if named_same else "near"
    return _home_match(a, b, settings)


def _named(name: str | None) -> bool:
    """A proper name ("Islamic Resistance in Iraq"), not a description ("four men", "explosive-laden drone")."""
    return bool(name) and name[:1].isupper() and any(w[:1].isupper() for w in name.split()[1:] or [name])


def _related(a: str, b: str) -> bool:
    """Registry actors one of which belongs to the other, or armed groups of one country and sector:
    an umbrella claims what a member faction did ("Islamic Resistance in Iraq" / "Kataib Hezbollah")."""
    reg = load_registry()
    x, y = reg.lookup(a), reg.lookup(b)
    if x is None or y is None:
        return False
    if x.member_of in (y.name, y.member_of) and x.member_of or y.member_of == x.name:
        return True
    return bool(x.sector and x.sector == y.sector and x.sector in _ARMED and x.country and x.country == y.country)


_ARMED = {"militia", "armed group", "insurgent", "rebel"}


def _clash(a: str | None, b: str | None) -> bool:
    """Two proper names of different actors: descriptions never veto, they vary from outlet to outlet."""
    return _named(a) and _named(b) and not same_name(a, b) and not _related(a, b)


def same_event(a: dict, b: dict, settings: Settings = DEFAULT) -> bool:
    """Two reports (from different articles) describe one real-world event.

    Same type; dates that meet and places that lie close, where both are known; no two different
    named parties. Then at least two of: the same day (both dated to the day), the same place, the
    same actor, the same target, one of them the day or the place. Two different places nearby on the
    same day need the same actor and target too (neighbouring towns hit the same day are two events). An open range ("since 7
    October") is no day, so unrelated tallies never merge on their shared start."""
    if a["type"] != b["type"] or a["article_id"] == b["article_id"]:
        return False
    pa = period(a.get("date"), a.get("date_precision"), settings.dedup_day_slack)
    pb = period(b.get("date"), b.get("date_precision"), settings.dedup_day_slack)
    date_ok = None if pa is None or pb is None else (pa[0] <= pb[1] and pb[0] <= pa[1])
    place_ok = _place_match(a, b, settings)
    if date_ok is False or place_ok == "far":
        return False
    if _clash(a.get("actor"), b.get("actor")) or _clash(a.get("target"), b.get("target")):
        return False
    day = bool(date_ok) and a.get("date_precision") in (None, "day") and b.get("date_precision") in (None, "day")
    actor, target = same_name(a.get("actor"), b.get("actor")), same_name(a.get("target"), b.get("target"))
    if place_ok == "near" and day and not (actor and target):
        return False  # two towns a few km apart hit the same day: one event only if actor and target agree
    agreeing = sum((day, place_ok in ("same", "near", "within"), actor, target))
    return agreeing >= 2 and (day or place_ok is not None)
