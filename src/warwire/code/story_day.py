"""Days that date an earlier action told in passing, not the story.

"The army advanced from A, which had been liberated two days ago, and broke into B": the day
sits in a relative clause in the pluperfect, which tells what happened before the story as
background. It dates A's capture, not the day the article goes on to report, so the reader's
story day stays where it was. So does the day of a dateline ("22 May 2015 BEIRUT (Agency):"),
which dates the report. A page whose lead names no day takes its headline's day.
"""

from __future__ import annotations

import datetime as dt
import re

from warwire.code.context import DayHit
from warwire.read.dates import find_days
from warwire.records import DayRef

PLUPERFECT_CLAUSE = re.compile(
    r"\b(which|that|who|where|after it|after they)\s+had\s+(been\s+)?\w+(ed|en|t)\b[^,;.]*$", re.I
)
REACH = 80  # characters before the day that the clause may open in


def dates_an_earlier_action(sentence: str, sentence_start: int, hit: DayHit) -> bool:
    """True when HIT (article offsets) closes a pluperfect relative clause of SENTENCE (which
    starts at SENTENCE_START): "which had been liberated two days ago"."""
    at = hit.start - sentence_start
    if at <= 0:
        return False
    return PLUPERFECT_CLAUSE.search(sentence[max(0, at - REACH) : at]) is not None


# "22 May 2015 BEIRUT (Daily Star):", "MOSCOW, February 28. /TASS/.", "BEIRUT, May 22
# (Reuters) -": the day set in a dateline, before or after the capitalised city
DATELINE_BEFORE = re.compile(r"^\s*(?:[A-Z][A-Z.'-]+(?:\s+[A-Z][A-Z.'-]+){0,3},?\s*)?$")
DATELINE_AFTER = re.compile(
    r"^\s*[A-Z][A-Z.'-]{2,}(?:\s+[A-Z][A-Z.'-]+){0,3},?\s*(?:\(|:|[-\u2013\u2014])"
)


def dateline_day(sentence: str, sentence_start: int, hit: DayHit) -> bool:
    """True when HIT (article offsets) is the day of a dateline opening SENTENCE ("22 May 2015
    BEIRUT (Agency):", "MOSCOW, February 28. /TASS/.", "BEIRUT, May 22 (Reuters) -"): it
    dates the report, like the publication day, and is no story day for later undated
    sentences to inherit (the lead's own "Thursday" is)."""
    at, end = hit.start - sentence_start, hit.end - sentence_start
    if at < 0 or at > 40 or not DATELINE_BEFORE.match(sentence[:at]):
        return False
    after = sentence[end : end + 60]
    if sentence[:at].strip():  # the city first: the agency's name follows the day
        return after.lstrip(". ").startswith(("(", "/"))
    return DATELINE_AFTER.match(after) is not None


BACKGROUND_DAYS = 7  # a day this far before the story's day, in a sentence that codes nothing


def background_day(day: DayRef, story: DayRef | None, coded: bool) -> bool:
    """ "shelling has grown heavier since the insurgents opened their push on March 3", "Turkey
    launched Operation X on August 24 to secure its border", in a story of a mid-August or
    September day: a day a week or more before the STORY's day (the day the article has
    already set), in a sentence that codes no action, dates background (a campaign's start, an
    operation's launch), so the undated sentences after it ("Jets also struck the town of Y")
    keep the story's day. A lead that sets the first day, and a sentence that codes an action
    on its day (telling that past story), still carry it."""
    if coded or story is None:
        return False
    return (story.date - day.date).days >= BACKGROUND_DAYS


def headline_day(title: str, published: dt.date | None) -> DayRef | None:
    """ "RS3052 - February 21, 2018 (Town)", "Jets strike Idlib market on Sunday": a page whose
    lead names no day (an incident database's entry, a report under a dated headline) dates
    the events it leaves undated by its headline's own day, not by the publication week."""
    if not title or published is None:
        return None
    days = [d for _, _, d in find_days(title, published) if d.precision == 1]
    return days[0] if days else None
