"""Type groups and the candidate record every stage of event extraction shares."""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # annotations only: the corpus imports this module (via identity) without spaCy
    from spacy.tokens import Span as SpacySpan, Token

from wirecoder.extract.events.lexicon import Trigger
from wirecoder.records import Place


MATERIAL_CONFLICT = {"ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "PROTEST"}


_VIOLENT = {"ASSAULT", "COERCE"}  # a future or promised one is a threat


COOPERATIVE = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"}  # promised -> AGREE


_VERBAL = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "REQUEST", "ACCUSE", "REJECT", "THREATEN"}


_MUTUAL = {"AGREE", "CONSULT", "COOPERATE"}  # "A and B met": one party with the other


_ABOUT_AUTHOR = {"ACCUSE", "SUPPORT", "REJECT", "CONCEDE"}  # a stance on an event targets its actor


_DEFINITE = {"the", "these", "those", "this", "that", "its", "their", "his", "her"}


_NAME_STOP = {"the", "and", "for", "with", "from", "its", "their"}


@dataclass
class _Cand:
    type: str
    tok: Token
    trig: Trigger
    mode: str | None = None
    actor: str | None = None
    target: str | None = None
    target_tok: Token | None = None
    target_ref: str | None = None  # the target is an event of this type ("called the attacks terrorism")
    actor_known: bool = False
    location: Place | str | None = None
    date: object = None
    fatalities: int | None = None
    injuries: int | None = None
    negated: bool = False
    hypothetical: bool = False
    future: bool = False
    historical: bool = False
    reference: bool = False  # a bare definite mention: "the attacks" refers back
    mention_only: bool = False  # a bare mention under "condemned", "after": never a fresh event
    sent: SpacySpan | None = None
    frame: Token | None = None  # the trigger that embeds this one ("vowed" over "attacks")
    background: bool = False  # "after a rocket attack on X": joins the event it recalls, never leads
    sent_place: Place | str | None = None  # the sentence's place: the location when the clause names none
