"""Claims: reported tallies with who reported them, when, and the period they cover."""
from __future__ import annotations

from wirecoder.records import Analysis, DateRef, Quantity, Span


def _sentence(res: Analysis, q: Quantity) -> Span:
    for s in res.sentences:
        if s.start <= q.start and q.end <= s.end:
            return s
    text = res.article.text
    start = max(text.rfind("\n", 0, q.start), text.rfind(". ", 0, q.start) + 1, 0)
    end = min((i for i in (text.find("\n", q.end), text.find(". ", q.end)) if i >= 0), default=len(text))
    return Span(start=start, end=end, text=text[start:end])


def _period(res: Analysis, sent: Span, q: Quantity) -> DateRef | None:
    """The date expression of the tally's sentence that bounds it, ranges and open ends first."""
    inside = [d for d in res.dates if sent.start <= d.start and d.end <= sent.end and d.value is not None]
    if not inside:
        return None
    return min(inside, key=lambda d: (not (d.open_end or d.end_value), abs(d.start - q.end)))


def _reporter(res: Analysis, sent: Span, q: Quantity) -> tuple[str | None, str]:
    """The speaker behind the tally: the quote holding it, else one in its sentence, else the outlet."""
    holding = [x for x in res.quotes if x.start <= q.start and q.end <= x.end]
    near = holding or [x for x in res.quotes if x.start < sent.end and x.end > sent.start]
    if near:
        best = min(near, key=lambda x: x.end - x.start)
        name = best.speaker or best.speaker_text
        return name, ("anonymous" if best.anonymous or not best.speaker else "named")
    return res.article.outlet, "outlet"


def claims_of(res: Analysis) -> list[dict]:
    """One claim per quantity of the article, with reporter, sourcing and period."""
    out = []
    pub = res.article.published
    for q in res.quantities:
        sent = _sentence(res, q)
        reporter, sourcing = _reporter(res, sent, q)
        period = _period(res, sent, q)
        start = period.value.isoformat() if period and period.value else None
        if period and period.end_value:
            end = period.end_value.isoformat()
        elif period and period.open_end and pub:
            end = pub.isoformat()
        else:
            end = None
        out.append({"value": q.value, "unit": q.unit, "qualifier": q.qualifier, "text": q.text,
                    "start": q.start, "end": q.end, "sentence": sent.text.strip(), "reporter": reporter,
                    "sourcing": sourcing, "period_text": period.text if period else None,
                    "period_start": start, "period_end": end})
    return out
