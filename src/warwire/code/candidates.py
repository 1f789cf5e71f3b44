"""Candidate events: one per factual trigger word, before the passes decide what it is.

A sentence's trigger words ("struck", "clashes", "seized") each make a Candidate; the passes
in `warwire.code.passes` then read its actors, kind, places and day from the sentence (the
SentenceContext) and drop it when a reporting pattern says it is no event of its own. Plain
data only: the coder turns each surviving candidate into one mention per place.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Protocol

from spacy.tokens import Span

from warwire.code import taxonomy as tx
from warwire.code.background import background_action
from warwire.code.context import ActorHit, PlaceHit, SentenceInfo
from warwire.code.discourse import Discourse
from warwire.code.notevents import not_event
from warwire.code.recall import habitual
from warwire.code.triggers import Trigger, is_factual
from warwire.records import DayRef, Mention

WEAK_NOUNS = {"offensive", "campaign", "operation", "push", "advance"}


@dataclass
class Candidate:
    """One trigger on its way to becoming mentions; each pass fills or checks a field."""

    trig: Trigger
    kind: str  # the kind of action (starts as the trigger word's kind)
    a1: ActorHit | None = None  # who acted
    a2: ActorHit | None = None  # whom it was done to
    assoc: list[ActorHit] = field(default_factory=list)  # acted with actor1
    places: list[PlaceHit] = field(default_factory=list)
    geo: int = 0  # ACLED geo-precision of the places: 1 town, 2 near a town, 3 province
    named_next: PlaceHit | None = None  # "a key town", named by a later sentence
    both_sides: bool = False  # placed in the article's one province because both sides named
    day: DayRef | None = None
    explicit: bool = False  # the day is named in the sentence itself
    summary: bool = False  # a roll-up over several provinces
    also: list[str] = field(default_factory=list)  # keys of places the action also covers
    story_day: DayRef | None = None  # placed at the story's event: its day, if none is named
    figures: list | None = None  # the figures the action takes (None: the sentence's)

    def figures_in(self, ctx: SentenceContext) -> list:
        """The figures the action takes: those a pass chose for it, else the sentence's."""
        return ctx.figures if self.figures is None else self.figures


class ArticleView(Protocol):
    """What a pass may ask of the rest of the article (the coder answers)."""

    infos: list[SentenceInfo]  # the article's sentences
    mentions: list[Mention]  # the mentions coded from the sentences before this one

    def places_of(self, cand: Candidate, ctx: SentenceContext) -> tuple[list[PlaceHit], int]:
        """The action's own places and their geo-precision."""
        ...

    def named_next(self, info: SentenceInfo) -> list[PlaceHit]: ...

    def named_later(self, info: SentenceInfo) -> list[PlaceHit]: ...

    def title_places(self) -> list[PlaceHit]: ...

    def headline(self) -> str: ...

    def kinds_told_in(self, index: int) -> set[str]: ...

    def only_province(self) -> list[PlaceHit]: ...

    def withdrawn_from(self, places: list[PlaceHit]) -> bool:
        """Some sentence of the article tells a quiet withdrawal from one of PLACES."""
        ...


@dataclass
class SentenceContext:
    """The sentence a candidate comes from, and what was coded before it."""

    info: SentenceInfo
    sent: Span
    figures: list  # the sentence's figures (warwire.code.figures.Figure)
    victim: ActorHit | None  # the sentence's victims, from the parse
    disc: Discourse
    article: ArticleView
    air_story: bool = False  # the article names air strikes somewhere
    coded: int = 0  # mentions already made from this sentence
    coded_at: list[int] = field(default_factory=list)  # the token index of each coded trigger
    seen: list[tuple[str, str]] = field(default_factory=list)  # ("place@day", kind) coded
    trigger_starts: list[int] = field(default_factory=list)  # every candidate's trigger
    triggers: list[Trigger] = field(default_factory=list)  # every trigger the sentence has

    @property
    def offset(self) -> int:
        return self.info.sent.start

    @property
    def text(self) -> str:
        return self.info.sent.text


def where_key(ph: PlaceHit, day: DayRef | None) -> str:
    """ "place@day": one action per place and day in a sentence."""
    return f"{ph.key}@{day.date if day else ''}"


def weak(trig: Trigger) -> bool:
    """ "The offensive", "the campaign": a noun that names a whole operation, not one action."""
    return trig.nominal and trig.token.lemma_.lower() in WEAK_NOUNS


def candidates(found: list[Trigger], published: dt.date | None) -> list[Candidate]:
    """The sentence's factual, current, one-off triggers as candidates, the most concrete
    first: an operation noun last, then the most specific kind (KIND_RANK), verbs before
    nouns, and in reading order."""
    triggers = [
        t
        for t in found
        if is_factual(t)
        and not background_action(t, published)
        and not not_event(t)
        and not habitual(t)
    ]
    ranked = sorted(
        triggers,
        key=lambda t: (weak(t), -tx.KIND_RANK.get(t.kind, 0), t.nominal, t.token.i),
    )
    return [Candidate(trig=t, kind=t.kind) for t in ranked]
