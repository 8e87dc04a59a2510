"""What makes two reports one real-world event, in one module for both scopes: `same_event` across
articles (`corpus.dedup`), `reports_of_one_event` for mentions within one article (`merge`).

Both share the vetoes: another type, dates that do not meet (`period`), places apart, two parties
that cannot be one. They differ in the evidence they ask for: across outlets two independent
agreements (day, place, actor, target), within an article a shared participant or a reference back."""
from __future__ import annotations

import calendar
import functools
import re
from datetime import date, timedelta

from wirecoder.extract.events.base import _NAME_STOP, _VERBAL, _Cand
from wirecoder.extract.places.kinds import km
from wirecoder.names import same_name
from wirecoder.registry import load_registry
from wirecoder.settings import DEFAULT, Settings


@functools.lru_cache(maxsize=4096)  # clustering asks again for every pair of reports
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


# Article scope: mentions of one event within an article (extract.events.merge).

def _words(name) -> set[str]:
    if name is None:
        return set()
    text = name if isinstance(name, str) else name.name
    # words of two letters (of, al, US, UN) are too common to tie two reports together
    return {w[:-1] if w.endswith("s") and len(w) > 3 else w
            for w in re.findall(r"[a-z0-9]+", text.lower()) if len(w) > 2 and w not in _NAME_STOP}


def _words_clash(a, b) -> bool:
    """Both present and sharing no distinctive word."""
    if a is None or b is None:
        return False
    wa, wb = _words(a), _words(b)
    return bool(wa and wb and not wa & wb)


_ROUGH = {"dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2000, "tens": 20}


def _amount(name) -> int | None:
    text = (name if isinstance(name, str) else getattr(name, "name", "")).lower()
    m = re.search(r"\b\d[\d,]*\b", text)
    if m:
        return int(m.group().replace(",", ""))
    return next((v for w, v in _ROUGH.items() if w in text.split()), None)


def _counts_differ(a, b) -> bool:
    """'thousands of people' and '37 people': groups of clearly different size are not one report's victims."""
    x, y = _amount(a), _amount(b)
    return x is not None and y is not None and max(x, y) > 2 * min(x, y)


def _day(d) -> bool:
    return d is not None and d.precision == "day" and not d.open_end


def _period(d):
    if d is None or d.value is None or d.open_end:
        return None
    lo, hi = period(d.value.isoformat(), d.precision, 1)
    if d.end_value is not None:
        hi = max(hi, d.end_value)
    return lo, hi


def _apart(c: _Cand, g: _Cand) -> bool:
    """Dated to periods that do not meet, or one recalled from long ago and one not."""
    if c.historical != g.historical:
        return True
    pc, pg = _period(c.date), _period(g.date)
    return pc is not None and pg is not None and (pc[1] < pg[0] or pg[1] < pc[0])


def reports_of_one_event(c: _Cand, g: _Cand) -> bool:
    """Article scope: could two mentions in one article (c, g) report one real-world event?

    Looser than `same_event` where an article is looser: a bare reference ("the attack") joins the
    event it refers back to, and triggers of one type in one sentence are one event unless their
    arguments clash; across sentences they must share a participant."""
    if c.type != g.type:
        return False
    if c.sent.start_char != g.sent.start_char and _apart(c, g):
        return False  # "in August last year ..." is not the clash of Tuesday
    if c.reference:
        return True
    if c.type == "ASSAULT" and c.mode and g.mode and c.mode != g.mode:
        return False
    if _words_clash(c.location, g.location) or _day(c.date) and _day(g.date) and c.date.value != g.date.value:
        return False
    if _words_clash(c.target, g.target):
        return False
    if c.actor_known and g.actor_known and _words_clash(c.actor, g.actor):
        return False
    if c.sent.start_char == g.sent.start_char:
        return True
    # across sentences a report must share a participant: bare "warnings" are not "the warnings";
    # statements (verbal types) are one event only when the same speaker makes them
    same_actor = bool(c.actor and g.actor and _words(c.actor) & _words(g.actor))
    if c.type in _VERBAL:
        return same_actor
    return same_actor or bool(c.target and g.target and _words(c.target) & _words(g.target)
                              and not _counts_differ(c.target, g.target))
