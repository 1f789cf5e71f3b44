"""Days that date an earlier action told in passing, not the story.

"The army advanced from A, which had been liberated two days ago, and broke into B": the day
sits in a relative clause in the pluperfect, which tells what happened before the story as
background. It dates A's capture, not the day the article goes on to report, so the reader's
story day stays where it was.
"""

from __future__ import annotations

import re

from warwire.code.context import DayHit

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
