"""Typed, frozen records: every extracted fact carries character offsets into the article text."""
from __future__ import annotations

import hashlib
from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
PloverType = Literal[
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
]
ActorKind = Literal["person", "organization", "state", "group", "location", "other"]


class Record(BaseModel):
    """Base of all records: immutable, and extra keys are refused so typos surface."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class Span(Record):
    """A stretch of the article text."""

    start: int
    end: int
    text: str


class Article(Record):
    """One input article with its metadata."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    byline: str | None = None
    published: date | None = None
    source: str | None = None  # file path, URL or "jsonl:line" it came from

    @property
    def content_hash(self) -> str:
        """SHA-256 of the text and the metadata that changes the analysis."""
        h = hashlib.sha256()
        for part in (self.text, str(self.published or ""), self.outlet or "", self.title or ""):
            h.update(part.encode("utf-8"))
            h.update(b"\x00")
        return h.hexdigest()


class Mention(Record):
    """One mention of an actor in the text."""

    start: int
    end: int
    text: str


class Actor(Record):
    """An actor resolved within the article (and against the registry when known)."""

    name: str
    aliases: tuple[str, ...] = ()
    kind: ActorKind = "other"
    role: str | None = None
    affiliation: str | None = None
    country: str | None = None
    sector: str | None = None
    wikidata: str | None = None
    registry: bool = False  # True when the curated registry knows it
    registry_name: str | None = None  # the registry's canonical name, the key across articles
    mentions: tuple[Mention, ...] = ()


class Quote(Record):
    """A direct or indirect quote with its speaker."""

    text: str
    start: int
    end: int
    kind: Literal["direct", "indirect"]
    speaker: str | None = None
    speaker_text: str | None = None  # the words that name the speaker where the quote is
    anonymous: bool = False
    source_type: str | None = None  # security, political, military, diplomatic, unspecified
    told_to: str | None = None  # the outlet an anonymous source spoke to
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None


class DateRef(Record):
    """A temporal expression resolved against the publication date."""

    text: str
    start: int
    end: int
    value: date | None  # the start of the period; None when it cannot be resolved
    end_value: date | None = None  # the end of a closed range, or None
    precision: Literal["day", "week", "month", "year", "unknown"] = "unknown"
    open_end: bool = False  # "since 17 October": runs to publication and beyond


class Place(Record):
    """A toponym resolved offline to a gazetteer entry."""

    name: str
    start: int
    end: int
    text: str
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    kind: str | None = None  # country, city, admin1, base, region, ...
    geonameid: int | None = None
    population: int | None = None
    source: str | None = None  # geonames, wirecoder-gazetteer, countries
    feature: str | None = None  # PLOVER event_loc feature: country, admin1, admin2, city, region, base, water, ...
    resolution: str | None = None  # how precisely it is placed: point, admin2, admin1, country, region
    admin2: str | None = None  # GeoNames admin2 code where known (a US county's FIPS code within its state)


class Quantity(Record):
    """A count with its unit and qualifier ("at least 102 attacks")."""

    value: float
    unit: str
    qualifier: str | None = None  # at least, about, more than, up to, dozens ...
    text: str
    start: int
    end: int
    role: str | None = None  # fatalities, injuries, arrests, or None
    unit_text: str | None = None  # the counted noun with its modifiers ("American soldiers")
    subset: bool = False  # part of a count given beside it ("including 12 soldiers")


class Event(Record):
    """A PLOVER event with its arguments and evidence."""

    type: PloverType
    mode: str | None = None
    actor: str | None = None
    target: str | None = None
    date: str | None = None  # YYYY-MM-DD, the start of the period
    date_precision: str | None = None
    location: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    fatalities: int | None = None
    injuries: int | None = None
    trigger: str | None = None
    sentence: str
    start: int
    end: int
    negated: bool = False
    hypothetical: bool = False
    future: bool = False
    historical: bool = False
    evidence: tuple[Span, ...] = ()  # further sentences of the article reporting the same event


class Stance(Record):
    """A speaker's position, with the quotes that show it."""

    actor: str
    position: Literal["for", "against", "neutral"]
    quotes: tuple[int, ...] = ()


class Analysis(Record):
    """Everything wirecoder extracted from one article."""

    article: Article
    actors: tuple[Actor, ...] = ()
    quotes: tuple[Quote, ...] = ()
    dates: tuple[DateRef, ...] = ()
    places: tuple[Place, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    events: tuple[Event, ...] = ()
    stances: tuple[Stance, ...] = ()
    sentences: tuple[Span, ...] = Field(default=(), repr=False)
