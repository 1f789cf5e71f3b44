"""What a reader remembers while reading down an article, and the day it dates an action by.

The coder keeps one Discourse per article: the last day named (so "it said" sentences and
follow-ups inherit it), the last town named (for "the town"), the last source cited, and the
mentions of the previous sentence. `pick_day` dates an action from its own sentence, else from
the story.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field

from warwire.code import taxonomy as tx
from warwire.code.background import other_clause_day, reporting_day
from warwire.code.context import DayHit, PlaceHit, SentenceInfo
from warwire.code.roles import token_of
from warwire.code.triggers import Trigger
from warwire.records import DayRef, Mention, Place

RELATIVE_TO_STORY = re.compile(
    r"\b(after|later|earlier|before|prior|previous|preceding|hours|following)\b", re.I
)
AFTER_PHRASE = re.compile(r"\b(days?|hours?|weeks?)\s+after\b", re.I)
THIS = re.compile(r"\bthis\b", re.I)  # "earlier this month" is relative to publication


@dataclass
class Coded:
    """The mentions one sentence coded, with that sentence's index: an event told a few
    sentences back, which a later toll, claim or "it" may complete."""

    index: int
    mentions: list[Mention]

    def within(self, index: int, reach: int) -> bool:
        """Told at most REACH sentences before sentence INDEX."""
        return 0 < index - self.index <= reach


@dataclass
class Discourse:
    """What a reader remembers while reading down the article."""

    published: dt.date | None
    last_day: DayRef | None = None
    lead_day: DayRef | None = None
    last_place: PlaceHit | None = None
    last_province: Place | None = None
    last_source: str = ""
    # the previous sentence's mentions (through a run of toll sentences, the event they complete)
    previous: list[Mention] = field(default_factory=list)
    last_made: Coded | None = None  # the last sentence that coded anything
    unclaimed: Coded | None = None  # the last sentence that coded an attack with no doer
    last_capture: Coded | None = None  # the latest capture, alone, and its sentence
    previous_places: list[PlaceHit] = field(default_factory=list)
    last_kind: str = ""  # the last kind of remote violence the article described
    sides: Counter[str] = field(default_factory=Counter)
    # the day last named for each province, and the provinces of the sentence that named
    # the last day (see `day_of_its_province`)
    day_by_province: dict[str, DayRef] = field(default_factory=dict)
    last_day_provinces: frozenset[str] = frozenset()

    def note_day(self, day: DayRef, places: list[PlaceHit]) -> None:
        """Remember DAY as the story's day, named in a sentence with PLACES."""
        self.last_day = day
        provinces = frozenset(p.place.admin1 for p in places if p.place.admin1)
        for prov in provinces:
            self.day_by_province[prov] = day
        self.last_day_provinces = provinces

    def note_coded(self, index: int, made: list[Mention], followed: bool) -> None:
        """Remember what sentence INDEX coded (MADE). FOLLOWED: it only completed the event
        before it, which a run of toll sentences keeps completing, so that event stays the
        previous sentence's."""
        if not followed:
            self.previous = made
        if not made:
            return
        self.last_made = Coded(index, made)
        if any(m.actor1 is None and m.event_type in tx.VIOLENT_TYPES for m in made):
            self.unclaimed = Coded(index, made)
        captures = [m for m in made if m.sub_event_type in tx.CAPTURE_SUBS]
        if captures:
            self.last_capture = Coded(index, captures[-1:])


def story_day(hit: DayHit, disc: Discourse) -> DayRef:
    """Re-anchor "a day after", "over 48 hours" on the story's day rather than publication."""
    day = hit.day
    anchor = disc.last_day or disc.lead_day
    words = day.text or ""
    if disc.published and anchor and RELATIVE_TO_STORY.search(words) and not THIS.search(words):
        delta = anchor.date - disc.published
        return DayRef(
            date=day.date + delta,
            start=day.start + delta,
            end=day.end + delta,
            precision=day.precision,
            text=day.text,
        )
    return day


def pick_day(
    info: SentenceInfo, trig_at: int, disc: Discourse, trig: Trigger | None = None
) -> tuple[DayRef | None, bool]:
    """(day, explicit): the day nearest the trigger, else the story's day, else publication.
    A day that dates the report rather than the action ("admitted on Friday that ...") only
    bounds the action: that day or the one before."""
    limit = (disc.published or dt.date.max - dt.timedelta(days=1)) + dt.timedelta(days=1)
    usable = [(h, _before_story(h, story_day(h, disc), trig_at, info, disc)) for h in info.days]
    usable = [(h, d) for h, d in usable if d.start <= limit]
    if trig is not None:
        usable = [(h, d) for h, d in usable if not _dates_other_clause(h, info, trig)]
    if usable:
        hit, day = min(usable, key=lambda t: abs(t[0].start - trig_at))
        hit, day = exact_day_within(hit, day, usable)
        if trig is not None and day.precision == 1 and _dates_the_report(hit, info, trig):
            day = DayRef(day.date, day.date - dt.timedelta(days=1), day.date, 2, day.text)
        return day, True
    if disc.last_day is not None:
        return day_of_its_province(info, disc) or disc.last_day, False
    if disc.lead_day is not None:
        return disc.lead_day, False
    if disc.published is not None:
        p = disc.published
        return DayRef(date=p, start=p - dt.timedelta(days=6), end=p, precision=2), False
    return None, False


# how far apart two fronts' days may be and still be one report's news: a province's day
# named weeks before the last day is background, not the day the report comes back to
SAME_NEWS = dt.timedelta(days=3)


def day_of_its_province(info: SentenceInfo, disc: Discourse) -> DayRef | None:
    """ "Jets on Monday struck quarters of A ... An aid official reported fire on B on
    Sunday. The push into A centred on a quarter in the south": a
    report leaves its main front to tell another province's day, then comes back. A sentence
    with no day of its own, at places none of whose provinces the last dated sentence named,
    is dated by the day last named for its own province, when the article named one within a
    few days of the last (one day for all its provinces); None otherwise (the story's last
    day stands)."""
    provinces = {p.place.admin1 for p in info.places if p.place.admin1}
    if not provinces or not disc.last_day_provinces or provinces & disc.last_day_provinces:
        return None
    last = disc.last_day
    days = {
        d.date: d
        for d in (disc.day_by_province.get(p) for p in provinces)
        if d is not None and last is not None and abs(d.date - last.date) <= SAME_NEWS
    }
    return next(iter(days.values())) if len(days) == 1 else None


def exact_day_within(
    hit: DayHit, day: DayRef, usable: list[tuple[DayHit, DayRef]]
) -> tuple[DayHit, DayRef]:
    """ "In mid-January, the group began an assault on the prison, beginning on 20 January":
    a span (part of a month, a week) and an exact day inside it in one sentence; the exact
    day is the action's, the span only rounds it."""
    if day.precision == 1:
        return hit, day
    inside = [(h, d) for h, d in usable if d.precision == 1 and day.start <= d.date <= day.end]
    return inside[0] if len(inside) == 1 else (hit, day)


def _before_story(
    hit: DayHit, day: DayRef, trig_at: int, info: SentenceInfo, disc: Discourse
) -> DayRef:
    """ "X came days after Y" / "on Sunday, three weeks after Y": Y, the action after the
    phrase, happened that long before the day of X (this sentence's own day, else the story's)."""
    if trig_at < hit.end or not AFTER_PHRASE.search(day.text or ""):
        return day
    own = [h.day for h in info.days if h is not hit and h.day.precision == 1]
    anchor = own[0] if own else (disc.last_day or disc.lead_day)
    if anchor is None:
        return day
    from warwire.read.dates import resolve_day

    fwd = resolve_day(hit.day.text, anchor.date) or hit.day  # the phrase measured from X
    a = anchor.date
    return DayRef(
        date=a - (fwd.date - a),
        start=a - (fwd.end - a),
        end=a - (fwd.start - a),
        precision=fwd.precision,
        text=day.text,
    )


def _dates_the_report(hit: DayHit, info: SentenceInfo, trig: Trigger) -> bool:
    sent = trig.token.doc[:]
    tok = token_of(sent, hit.start - info.sent.start, hit.end - info.sent.start)
    return tok is not None and reporting_day(tok, trig)


def _dates_other_clause(hit: DayHit, info: SentenceInfo, trig: Trigger) -> bool:
    sent = trig.token.doc[:]
    tok = token_of(sent, hit.start - info.sent.start, hit.end - info.sent.start)
    return tok is not None and other_clause_day(tok, trig)
