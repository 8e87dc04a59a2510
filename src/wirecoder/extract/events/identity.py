"""What makes two reports one real-world event: the single definition behind within-article merging
and cross-article clusters (`corpus.dedup`)."""
from __future__ import annotations

import calendar
from datetime import date, timedelta


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
