"""The record of one quote while it is being attributed, and offset helpers shared by the finders."""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from wirecoder.extract.speakers import Speaker


@dataclass
class Found:
    """A quote found in the text, its cue and its speaker before pronouns are resolved."""

    start: int
    end: int
    text: str
    kind: str
    anchor: int  # where the attribution is read, for pronoun order
    cue: Token | None = None
    speaker: Speaker | None = None
    inherit: bool = False  # a block quote continuing the previous quote's speaker


def inside(pos: int, regions: list[tuple[int, int]]) -> bool:
    """True when the offset lies in one of the regions."""
    return any(s <= pos < e for s, e in regions)


def overlaps(a: int, b: int, regions: list[tuple[int, int]]) -> bool:
    """True when [a, b) overlaps one of the regions."""
    return any(s < b and a < e for s, e in regions)


def char_span(doc: Doc, start: int, end: int) -> Span | None:
    """The tokens covering the characters [start, end), widened to whole tokens."""
    return doc.char_span(start, end, alignment_mode="expand")
