"""Finding quoted passages by their marks, in any style, without losing text to a stray mark."""
from __future__ import annotations

from dataclasses import dataclass

OPENERS = {"“": "”", "„": "“", "«": "»", "‹": "›", "‘": "’"}
DOUBLE_MARKS = set('"“”„«»') | {"''", "``"}
LETTERISH = str.isalnum


@dataclass(frozen=True)
class Passage:
    """A quoted passage: content offsets (inside the marks), and its paragraph indexes."""

    start: int
    end: int
    first_para: int
    last_para: int
    closed: bool = True


def _role(text: str, i: int, mark: str, is_open: bool) -> str:
    """'open' or 'close' for the mark at i, from its neighbours first and the state second."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + len(mark)] if i + len(mark) < len(text) else " "
    if mark in ("“", "„", "«", "‹", "``") and not is_open:
        return "open"
    if mark in ("”", "»", "›", "''") and is_open:
        return "close"
    space_before = before.isspace() or before in "([{—–-/"
    space_after = after.isspace() or after in ".,;:!?)]}—–-"
    if space_before and not space_after:
        return "open"
    if space_after and not space_before:
        return "close"
    return "close" if is_open else "open"


def _double_marks(text: str, lo: int, hi: int) -> list[tuple[int, str]]:
    out, i = [], lo
    while i < hi:
        two = text[i:i + 2]
        if two in ("''", "``"):
            out.append((i, two))
            i += 2
            continue
        if text[i] in '"“”„«»':
            out.append((i, text[i]))
        i += 1
    return out


def _single_pairs(text: str, lo: int, hi: int, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """‘…’ and '…' pairs that are quotes, not apostrophes (Iraq’s, soldiers’ families)."""
    pairs, i = [], lo
    while i < hi:
        c = text[i]
        if c in "‘'" and (i == lo or text[i - 1].isspace() or text[i - 1] in "([—–") \
                and i + 1 < hi and LETTERISH(text[i + 1]) and not any(s <= i < e for s, e in taken):
            closer = "’" if c == "‘" else "'"
            j = i + 1
            while j < hi:
                if text[j] in (closer, "’") and not text[j - 1].isspace() and (
                        j + 1 >= hi or not LETTERISH(text[j + 1])):
                    if not (text[j - 1] in "sS" and j + 1 < hi and text[j + 1] == " "
                            and j + 2 < hi and text[j + 2].islower() and c == "'"):
                        break
                if text[j] in "\n":
                    j = hi
                    break
                j += 1
            if j < hi and len(text[i + 1:j].split()) >= 1:
                pairs.append((i + 1, j))
                i = j + 1
                continue
        i += 1
    return pairs


def find_passages(text: str, paragraphs: list[tuple[int, int]]) -> list[Passage]:
    """Quoted passages of a text split into paragraphs; a quote left open runs to its paragraph's
    end, or on into the next paragraph when that one reopens with a mark (multi-paragraph quotes)."""
    passages: list[Passage] = []
    pending: tuple[int, int] | None = None  # (content start, first paragraph) of a quote still open
    for pi, (lo, hi) in enumerate(paragraphs):
        marks = _double_marks(text, lo, hi)
        if pending is not None:
            if marks and marks[0][0] == lo:  # reopened: the quote goes on in this paragraph
                marks = marks[1:]
            else:
                passages.append(Passage(pending[0], paragraphs[pi - 1][1], pending[1], pi - 1, closed=False))
                pending = None
        is_open = pending is not None
        start = pending[0] if pending else None
        first = pending[1] if pending else pi
        pending = None
        spans: list[tuple[int, int]] = []
        for pos, mark in marks:
            role = _role(text, pos, mark, is_open)
            if role == "open" and not is_open:
                is_open, start, first = True, pos + len(mark), pi
            elif role == "close" and is_open:
                passages.append(Passage(start, pos, first, pi))
                spans.append((start, pos))
                is_open = False
        if is_open:
            nxt = paragraphs[pi + 1][0] if pi + 1 < len(paragraphs) else None
            if nxt is not None and text[nxt] in '"“«„':
                pending = (start, first)
            else:
                passages.append(Passage(start, hi, first, pi, closed=False))
                spans.append((start, hi))
        for s, e in _single_pairs(text, lo, hi, spans):
            passages.append(Passage(s, e, pi, pi))
    if pending is not None:
        passages.append(Passage(pending[0], paragraphs[-1][1], pending[1], len(paragraphs) - 1, closed=False))
    passages = [p for p in passages if text[p.start:p.end].strip()]
    passages.sort(key=lambda p: p.start)
    # single-quoted passages nested in a double-quoted one are quotes within quotes: keep the outer
    out: list[Passage] = []
    for p in passages:
        if out and p.start >= out[-1].start and p.end <= out[-1].end:
            continue
        out.append(p)
    return out


def content_text(text: str, p: Passage) -> str:
    """The words of a passage, without the marks that reopen each continued paragraph."""
    raw = text[p.start:p.end]
    if p.first_para == p.last_para:
        return raw.strip()
    lines = [ln.strip().lstrip('"“«„').strip() for ln in raw.split("\n")]
    return "\n".join(ln for ln in lines if ln)
