"""Dates: temporal expressions found by a small grammar, resolved against the publication date.

Conventions (pinned by tests/extract/test_time.py):
- `value` is the first day of the period, `precision` the calendar unit the expression lives in
  (day, week, month, year); `end_value` is set only when the text narrows or widens that unit:
  "mid-October" is precision month, value Oct 11, end_value Oct 20 (early = 1-10, mid = 11-20,
  late = 21-end; for a year: early = Jan-Apr, mid = May-Aug, late = Sep-Dec); "over the weekend"
  is precision week, Saturday to Sunday; "the 1990s" is precision year, 1990-01-01 to 1999-12-31;
  "the past two weeks" runs from two weeks before publication to publication.
- "since X" keeps X's value and sets open_end (end_value None).
- A date without a year takes the most recent year in which it starts on or before publication
  (an article of 2024-01-12 saying "14 December" means 2023-12-14).
- "on Monday" is the most recent Monday on or before publication ("this Monday" too); "last
  Monday" is strictly before it; "next Monday" strictly after.
- Weeks start on Monday: "last week" is the Monday of the previous week, precision week.
- "N days/weeks ago" counts back exactly from publication; months and years snap to their start.
- "that day" (and "the next day", "earlier in the day", ...) copies the last single-day date
  mentioned before it (any resolved date when there is none), shifted by the phrase's offset.
- "N hours ago" stays on publication day below 24 hours; "the last 24 hours" is a day range.
- "the 14th" takes the month of the last day- or month-precision date before it, else the
  most recent 14th on or before publication.
- Without a publication date, relative and yearless expressions stay unresolved (value None).
- spaCy DATE/TIME entities only license ambiguous candidates (the month "May", a bare year):
  entity text the grammar cannot read (durations, ages, "daily", "the initial days") is dropped.
"""
from __future__ import annotations

import calendar
import functools
import re
from dataclasses import dataclass
from datetime import date, timedelta

import yaml
from spacy.tokens import Doc

from wirecoder.records import DateRef
from wirecoder.settings import DEFAULT, Settings, data_path
from wirecoder.nlp.spans import doc_text

LEXICON_FILE = "time_lexicon.yaml"
DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
YEAR = r"(?:1[89]\d\d|20\d\d)"
DATE_LABELS = ("DATE", "TIME")
NAME_LABELS = ("ORG", "WORK_OF_ART", "PERSON", "FAC", "EVENT", "LAW", "PRODUCT")
PLURAL_TAGS = ("NNS", "NNPS")
REJECT_AFTER_ORDINAL = ("NOUN", "PROPN", "ADJ", "NUM")  # "the 14th century", "the 5th Brigade"


def _alt(words, *, insensitive: bool = False) -> str:
    parts = [re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True)]
    body = "|".join(parts)
    return f"(?i:{body})" if insensitive else f"(?:{body})"


@dataclass(frozen=True)
class Lexicon:
    """The time lexicon of data/time_lexicon.yaml with the regexes compiled from it."""

    months: dict[str, int]
    ambiguous_months: frozenset[str]
    weekdays: dict[str, int]
    month_parts: dict[str, tuple[int, int]]
    year_parts: dict[str, tuple[int, int]]
    qualifiers: dict[str, str]
    open_end: re.Pattern
    prepositions: re.Pattern
    year_blockers: re.Pattern
    relative_days: dict[str, int]
    relative_periods: dict[str, tuple[str, int]]
    anaphors: dict[str, int]
    numbers: dict[str, int]
    patterns: tuple[tuple[str, re.Pattern], ...]


def _norm(phrase: str) -> str:
    return " ".join(phrase.lower().split())


@functools.lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The time lexicon, loaded once."""
    raw = yaml.safe_load(data_path(LEXICON_FILE).read_text(encoding="utf-8"))
    months, month_words = {}, []
    for num, words in raw["months"].items():
        for w in words:
            for form in {w, w.upper()}:
                months[form.lower()] = int(num)
                month_words.append(form)
    weekdays, wd_words = {}, []
    for num, words in raw["weekdays"].items():
        for i, w in enumerate(words):
            for form in {w, w.upper()}:
                weekdays[form.lower()] = int(num)
                wd_words.append(form if i == 0 else form + ".")  # abbreviations need their stop
    month_re = "(?:" + "|".join(
        re.escape(w) + (r"\b" if len(w) > 4 or w.lower() in ("may", "june", "july") else r"\b\.?")
        for w in sorted(month_words, key=len, reverse=True)) + ")"
    wd_re = "(?:" + "|".join(re.escape(w) + (r"\b" if not w.endswith(".") else "")
                             for w in sorted(wd_words, key=len, reverse=True)) + ")"
    quals = _alt(raw["qualifiers"], insensitive=True)
    numbers = {k.lower(): int(v) for k, v in raw["number_words"].items()}
    num_re = r"(?:\d{1,3}|" + _alt(numbers, insensitive=True) + ")"
    units_re = _alt(raw["units"], insensitive=True)
    leads = _alt(raw["lead_words"], insensitive=True)
    m, y, wd = month_re, YEAR, wd_re
    # Order matters on ties: at the same start and length the earlier pattern wins.
    patterns = (
        ("iso", rf"\b(?P<y>\d{{4}})-(?P<m>\d{{2}})-(?P<d>\d{{2}})\b"),
        ("day_range", rf"\b(?P<d1>{DAY})\s*(?:-|–|(?i:to|and))\s*(?P<d>{DAY})\s+(?:of\s+)?(?P<mon>{m})(?:,?\s+(?P<y>{y})\b)?"),
        ("day_range", rf"\b(?P<mon>{m})\s+(?P<d1>{DAY})\s*(?:-|–|(?i:to))\s*(?P<d>{DAY})\b(?:,?\s+(?P<y>{y})\b)?"),
        ("day", rf"\b(?:(?P<wd>{wd}),?\s+)?(?:(?i:the)\s+)?(?P<d>{DAY})(?:\s+of)?\s+(?P<mon>{m})(?:,?\s+(?P<y>{y})\b)?"),
        ("day", rf"\b(?:(?P<wd>{wd}),?\s+)?(?P<mon>{m})\s+(?:the\s+)?(?P<d>{DAY})\b(?!\s*[-–]\s*\d)(?:,?\s+(?P<y>{y})\b)?"),
        ("qual_month", rf"\b(?P<q>{quals})(?:-|\s+|-\s*)(?P<mon>{m})(?:,?\s+(?P<y>{y})\b)?"),
        ("month", rf"\b(?P<mon>{m}),?\s+(?P<y>{y})\b"),
        ("month", rf"\b(?P<mon>{m})"),
        ("qual_year", rf"\b(?P<q>{quals})(?:-|\s+)(?P<y>{y})\b"),
        ("decade", rf"\b(?:(?i:the)\s+)?(?P<dec>(?:1[89]|20)\d0)'?s\b"),
        ("year", rf"\b(?P<y>{y})\b(?!\s*(?:%|-year|(?i:percent)))"),
        ("weekday", rf"(?:\b(?P<rel>(?i:last|this|next|past))\s+)?\b(?P<wd>{wd})(?:\s+(?P<part>(?i:morning|afternoon|evening|night)))?\b"),
        ("ordinal", rf"\b(?i:the)\s+(?P<d>(?:3[01]|[12]\d|0?[1-9])(?i:st|nd|rd|th))\b"),
        ("rel_day", rf"\b(?:(?P<lead>{leads})\s+)?(?P<rd>{_alt(raw['relative_days'], insensitive=True)})\b"),
        ("rel_period", rf"\b(?:(?P<lead>{leads})\s+)?(?P<rp>{_alt(raw['relative_periods'], insensitive=True)})\b"),
        ("ago", rf"\b(?P<n>{num_re})\s+(?P<u>{units_re})(?i:s)?\s+(?i:ago)\b"),
        ("past", rf"\b(?i:the\s+)?(?P<w>(?i:past|last|previous))\s+(?:(?P<n>{num_re})\s+)?(?P<u>{units_re})(?P<pl>(?i:s))?\b"),
        ("anaphor", rf"\b(?P<ana>{_alt(raw['anaphors'], insensitive=True)})\b"),
    )
    return Lexicon(
        months=months, ambiguous_months=frozenset(w.lower() for w in raw["ambiguous_months"]),
        weekdays=weekdays,
        month_parts={k: tuple(v) for k, v in raw["month_parts"].items()},
        year_parts={k: tuple(v) for k, v in raw["year_parts"].items()},
        qualifiers={_norm(k): v for k, v in raw["qualifiers"].items()},
        open_end=re.compile(r"\b" + _alt(raw["open_end_words"], insensitive=True) + r"\s+$"),
        prepositions=re.compile(r"\b" + _alt(raw["date_prepositions"], insensitive=True) + r"\s+$"),
        year_blockers=re.compile(r"\b" + _alt(raw["year_blockers_before"], insensitive=True) + r"\s+$"),
        relative_days={_norm(k): int(v) for k, v in raw["relative_days"].items()},
        relative_periods={_norm(k): (v[0], int(v[1])) for k, v in raw["relative_periods"].items()},
        anaphors={_norm(k): int(v) for k, v in raw["anaphors"].items()},
        numbers=numbers,
        patterns=tuple((kind, re.compile(rx)) for kind, rx in patterns),
    )


# --- calendar helpers -------------------------------------------------------------------------

def _last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _latest_year(pub: date, month: int, day: int = 1) -> int | None:
    """The most recent year in which (month, day) falls on or before `pub`."""
    for year in range(pub.year, pub.year - 8, -1):  # 8 years covers any 29 February
        d = _safe_date(year, month, day)
        if d is not None and d <= pub:
            return year
    return None


def _shift_months(d: date, months: int) -> date:
    total = d.year * 12 + d.month - 1 + months
    return date(total // 12, total % 12 + 1, 1)


def _day_number(text: str) -> int:
    return int(re.match(r"\d+", text).group())


# --- resolution -------------------------------------------------------------------------------

@dataclass
class _Found:
    kind: str
    start: int
    end: int
    match: re.Match
    open_end: bool = False


@dataclass(frozen=True)
class _Resolved:
    value: date | None
    precision: str
    end_value: date | None = None


UNRESOLVED_DAY = _Resolved(None, "day")


def _count(lex: Lexicon, text: str | None) -> int | None:
    if text is None:
        return None
    return int(text) if text.isdigit() else lex.numbers.get(text.lower())


def _month_of(lex: Lexicon, word: str) -> int:
    return lex.months[word.rstrip(".").lower()]


def _resolve_day(m: re.Match, lex: Lexicon, pub: date | None, day_range: bool) -> _Resolved:
    month, day = _month_of(lex, m["mon"]), _day_number(m["d"])
    first = _day_number(m["d1"]) if day_range else day
    if m["y"]:
        year = int(m["y"])
    elif pub is not None:
        year = _latest_year(pub, month, first)
    else:
        return _Resolved(None, "day")
    start = _safe_date(year, month, first) if year else None
    end = _safe_date(year, month, day) if (year and day_range) else None
    if start is None:
        return _Resolved(None, "day")
    return _Resolved(start, "day", end)


def _resolve_month(m: re.Match, lex: Lexicon, pub: date | None, part: str | None) -> _Resolved:
    month = _month_of(lex, m["mon"])
    lo, hi = lex.month_parts[part] if part else (1, None)
    if m.groupdict().get("y"):
        year = int(m["y"])
    elif pub is not None:
        year = _latest_year(pub, month, lo)
    else:
        return _Resolved(None, "month")
    if year is None:
        return _Resolved(None, "month")
    end = date(year, month, min(hi, _last_day(year, month))) if hi else None
    return _Resolved(date(year, month, lo), "month", end)


def _resolve_weekday(m: re.Match, lex: Lexicon, pub: date | None) -> _Resolved:
    if pub is None:
        return UNRESOLVED_DAY
    wd = lex.weekdays[m["wd"].rstrip(".").lower()]
    rel = (m["rel"] or "").lower()
    back = (pub.weekday() - wd) % 7
    if rel in ("last", "past") and back == 0:
        back = 7
    if rel == "next":
        return _Resolved(pub + timedelta(days=(wd - pub.weekday()) % 7 or 7), "day")
    return _Resolved(pub - timedelta(days=back), "day")


def _resolve_period(period: str, offset: int, pub: date) -> _Resolved:
    if period == "week":
        return _Resolved(pub - timedelta(days=pub.weekday()) + timedelta(weeks=offset), "week")
    if period == "month":
        return _Resolved(_shift_months(date(pub.year, pub.month, 1), offset), "month")
    if period == "year":
        return _Resolved(date(pub.year + offset, 1, 1), "year")
    saturday = pub - timedelta(days=(pub.weekday() - 5) % 7)
    if offset < 0 and pub.weekday() >= 5:
        saturday -= timedelta(weeks=1)
    elif offset > 0:
        saturday += timedelta(weeks=1)
    return _Resolved(saturday, "week", saturday + timedelta(days=1))


def _back(pub: date, n: int, unit: str, *, snap: bool) -> date:
    """`n` units before `pub`; with `snap`, months and years start on their first day."""
    if unit == "hour":  # "3 hours ago" is still today; "the past 3 hours" reaches into yesterday
        return pub - timedelta(days=n // 24 if snap else -(-n // 24))
    if unit == "day":
        return pub - timedelta(days=n)
    if unit == "week":
        return pub - timedelta(weeks=n)
    months = n if unit == "month" else 12 * n
    first = _shift_months(date(pub.year, pub.month, 1), -months)
    if snap:
        return first if unit == "month" else date(first.year, 1, 1)
    return first.replace(day=min(pub.day, _last_day(first.year, first.month)))


def _resolve_ordinal(day: int, pub: date | None, previous: list[DateRef]) -> _Resolved:
    for ref in reversed(previous):
        if ref.value is not None and ref.precision in ("day", "month"):
            d = _safe_date(ref.value.year, ref.value.month, day)
            return _Resolved(d, "day")
    if pub is None:
        return UNRESOLVED_DAY
    if day <= pub.day:
        return _Resolved(_safe_date(pub.year, pub.month, day), "day")
    prev = _shift_months(date(pub.year, pub.month, 1), -1)
    return _Resolved(_safe_date(prev.year, prev.month, day), "day")


def anchor_before(dates, position: int) -> DateRef | None:
    """The date "that day" refers to: the last single-day date before `position`, else the last resolved one."""
    earlier = [d for d in dates if d.end <= position and d.value is not None]
    for ref in reversed(earlier):
        if ref.precision == "day" and ref.end_value is None:  # a point in time, not a stretch
            return ref
    return earlier[-1] if earlier else None


def _resolve(found: _Found, lex: Lexicon, pub: date | None, previous: list[DateRef]) -> _Resolved | None:
    m, kind = found.match, found.kind
    if kind == "iso":
        d = _safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
        return _Resolved(d, "day") if d else None
    if kind in ("day", "day_range"):
        return _resolve_day(m, lex, pub, kind == "day_range")
    if kind == "month":
        return _resolve_month(m, lex, pub, None)
    if kind == "qual_month":
        return _resolve_month(m, lex, pub, lex.qualifiers[_norm(m["q"])])
    if kind == "year":
        return _Resolved(date(int(m["y"]), 1, 1), "year")
    if kind == "qual_year":
        year, (lo, hi) = int(m["y"]), lex.year_parts[lex.qualifiers[_norm(m["q"])]]
        return _Resolved(date(year, lo, 1), "year", date(year, hi, _last_day(year, hi)))
    if kind == "decade":
        start = int(m["dec"])
        return _Resolved(date(start, 1, 1), "year", date(start + 9, 12, 31))
    if kind == "weekday":
        return _resolve_weekday(m, lex, pub)
    if kind == "ordinal":
        return _resolve_ordinal(_day_number(m["d"]), pub, previous)
    if kind == "anaphor":
        anchor = anchor_before(previous, found.start)
        if anchor is None:
            return UNRESOLVED_DAY
        offset = lex.anaphors[_norm(m["ana"])]
        if anchor.precision != "day":
            return _Resolved(anchor.value, anchor.precision, anchor.end_value)
        return _Resolved(anchor.value + timedelta(days=offset), "day")
    if kind == "rel_day":
        if pub is None:
            return UNRESOLVED_DAY
        return _Resolved(pub + timedelta(days=lex.relative_days[_norm(m["rd"])]), "day")
    if kind == "rel_period":
        period, offset = lex.relative_periods[_norm(m["rp"])]
        if pub is None:
            return _Resolved(None, "week" if period == "weekend" else period)
        return _resolve_period(period, offset, pub)
    unit, n = m["u"].lower(), _count(lex, m["n"]) if m["n"] else 1
    precision = "day" if unit == "hour" else unit
    if pub is None or n is None:
        return _Resolved(None, precision)
    if kind == "ago":
        return _Resolved(_back(pub, n, unit, snap=True), precision)
    return _Resolved(_back(pub, n, unit, snap=False), precision, pub)


# --- candidates -------------------------------------------------------------------------------

def _entity_spans(doc: Doc) -> tuple[tuple[int, int, str], ...]:
    return tuple((e.start_char, e.end_char, e.label_) for e in doc.ents)  # doc.ents rebuilds on each access


def _in_date_entity(ents, start: int, end: int) -> bool:
    return any(label in DATE_LABELS and s <= start and end <= e for s, e, label in ents)


def _in_name(ents, start: int, end: int) -> bool:
    """Inside a name ("the Sunday Times", "the October Revolution")."""
    return any(label in NAME_LABELS and s <= start and end <= e for s, e, label in ents)


def _next_token_tag(doc: Doc, end_char: int) -> str | None:
    span = doc.char_span(end_char - 1, end_char, alignment_mode="expand")
    if span is None or span.end >= len(doc):
        return None
    return doc[span.end].tag_


def _inside_title(doc: Doc, found: _Found, lex: Lexicon) -> bool:
    """A weekday inside a capitalised name spaCy missed: "the Sunday Times", "London Sunday Times"."""
    span = doc.char_span(found.start, found.end, alignment_mode="expand")
    if span is None or span.end >= len(doc) or span.start == 0:
        return False
    prev, nxt = doc[span.start - 1], doc[span.end]
    titled = nxt.is_title and nxt.lower_.rstrip(".") not in lex.months and nxt.lower_ not in lex.weekdays
    return titled and (prev.lower_ == "the" or (prev.is_title and not prev.is_sent_start))


def _accept(found: _Found, doc: Doc, text: str, lex: Lexicon, ents) -> bool:
    """Filter the candidates whose words are also ordinary words or numbers."""
    m = found.match
    groups = m.groupdict()
    if found.kind in ("month", "weekday", "year") and _in_name(ents, found.start, found.end):
        return False
    if found.kind == "weekday" and _inside_title(doc, found, lex):
        return False
    before = text[max(0, found.start - 20):found.start]
    if found.kind == "month" and not groups.get("y"):
        word = m["mon"]
        if word.isupper() and len(word) > 3 and not _in_date_entity(ents, found.start, found.end):
            return False  # a shouted headline word, not a month, unless spaCy says DATE
        if word.rstrip(".").lower() in lex.ambiguous_months:
            return bool(lex.prepositions.search(before)) or _in_date_entity(ents, found.start, found.end)
        return True
    if found.kind == "year":
        if text[max(0, found.start - 1):found.start] in ("$", "#", "-", "/", "."):
            return False
        if lex.year_blockers.search(before):
            return False
        if lex.prepositions.search(before):
            return True
        if _next_token_tag(doc, found.end) in PLURAL_TAGS:
            return False
        return _in_date_entity(ents, found.start, found.end)
    if found.kind == "ordinal":
        span = doc.char_span(found.start, found.end, alignment_mode="expand")
        nxt = doc[span.end] if span is not None and span.end < len(doc) else None
        return nxt is None or nxt.pos_ not in REJECT_AFTER_ORDINAL
    if found.kind == "past":
        # "last week" is a calendar week (rel_period); "the last days of" is not relative at all.
        return m["n"] is not None or (m["w"].lower() != "last" and not m["pl"])
    return True


def _candidates(doc: Doc, text: str, lex: Lexicon) -> list[_Found]:
    found: list[tuple[int, int, int, _Found]] = []
    ents = _entity_spans(doc)
    for rank, (kind, rx) in enumerate(lex.patterns):
        for m in rx.finditer(text):
            f = _Found(kind, m.start(), m.end(), m)
            if _accept(f, doc, text, lex, ents):
                found.append((f.start, -(f.end - f.start), rank, f))
    found.sort(key=lambda t: t[:3])
    chosen: list[_Found] = []
    for *_, f in found:
        if chosen and f.start < chosen[-1].end:
            continue
        chosen.append(f)
    for f in chosen:
        opener = lex.open_end.search(text[max(0, f.start - 20):f.start])
        if opener:
            f.start -= len(opener.group())
            f.open_end = True
    return chosen


def extract_dates(doc: Doc, published: date | None, settings: Settings = DEFAULT) -> tuple[DateRef, ...]:
    """Temporal expressions of the article, resolved where possible."""
    lex = lexicon()
    text = doc_text(doc)  # joined once per Doc
    out: list[DateRef] = []
    for f in _candidates(doc, text, lex):
        res = _resolve(f, lex, published, out)
        if res is None:
            continue
        out.append(DateRef(text=text[f.start:f.end], start=f.start, end=f.end, value=res.value,
                           end_value=None if f.open_end else res.end_value, precision=res.precision,
                           open_end=f.open_end))
    return tuple(out)


def date_for_span(dates, start_char: int, end_char: int, doc: Doc | None = None,
                  near: int | None = None) -> DateRef | None:
    """The date expression inside the sentence(s) covering [start_char, end_char), resolved ones first."""
    if doc is not None and len(doc):
        span = doc.char_span(start_char, end_char, alignment_mode="expand")
        if span is not None and len(span):
            start_char, end_char = span[0].sent.start_char, span[-1].sent.end_char
    inside = [d for d in dates if start_char <= d.start and d.end <= end_char]
    if not inside:
        return None
    resolved = [d for d in inside if d.value is not None] or inside
    if near is None:
        return resolved[0]
    return min(resolved, key=lambda d: max(d.start - near, near - d.end, 0))
