"""When a later sentence's counts add to a toll already told, and when they break it down.

Wire copy tells a total first ("killed more than 50 people in the raid") and its breakdown
after ("the raid killed 15 civilians and 27 fighters, and another 10 bodies are unidentified").
The parts are the same dead counted again by group: the total stands. Counts add to a told
toll only when the sentence says they are more dead ("another five died in hospital", "ten
more bodies were found"), and it says so at its first count: an "another" that joins a later
group inside the sentence's own list ("15 civilians ... and another 10") adds to that list,
not to the toll told before.
"""

from __future__ import annotations

import re

from warwire.code.figures import Figure

# the cue that the sentence's first count is more dead: an addition word before it
# ("another five", "in another attack, six"), or "more"/"other(s)" right after it ("ten more",
# "21 others")
ADD_BEFORE = re.compile(r"\b(another|further|additional|more(?! than)|other)\b", re.I)
# "Three of its own fighters were also killed": "also" anywhere tells more dead
ALSO = re.compile(r"\balso\b", re.I)
ADD_AFTER = re.compile(r"^\s*(more|others?|additional|further)\b", re.I)
# how far a breakdown's sum may run past the total it breaks down ("more than 50": 15 + 27 +
# 10): a total told as "more than", "at least" or rounded sits a little below its parts' sum
BREAKDOWN_SLACK = 1.2


def first_count_adds(sentence: str, offset: int, figures: list[Figure]) -> bool:
    """ "Another five people died of their wounds", "21 others died in strikes on the city",
    "Gunmen also shot two civilians dead": the sentence's first count is told as more dead
    than the toll before it. An addition word elsewhere ("15 civilians and 27 fighters, and another
    10 bodies") joins the sentence's own groups and adds nothing to the told toll. SENTENCE
    starts at article offset OFFSET, as the figures' quantities do."""
    human = [f for f in figures if f.field in {"fatalities", "wounded"}]
    if not human:
        return False
    first = min(human, key=lambda f: f.quantity.start).quantity
    after = sentence[first.end - offset : first.end - offset + 30]
    return bool(
        ADD_BEFORE.search(sentence[: max(0, first.start - offset)])
        or ADD_AFTER.match(after)
        or ALSO.search(sentence)
    )


def breaks_down(told: int, groups: list[Figure]) -> bool:
    """ "The attack killed 15 civilians and 27 fighters, and another 10 bodies were found"
    after "killed more than 50": a sentence giving the dead in two groups or more, whose sum
    comes to the toll already told (within its rounding), counts the same dead by group. The
    total told stands; GROUPS are the sentence's death counts before they are summed."""
    deaths = [f for f in groups if f.field == "fatalities"]
    if told <= 0 or len(deaths) < 2:
        return False
    total = sum(f.quantity.value for f in deaths)
    return told <= total <= told * BREAKDOWN_SLACK


def toll_after(told: int | None, counted: int, adds: bool, broken_down: bool) -> int:
    """The toll once a later sentence counted COUNTED dead: added when the sentence says they
    are more (ADDS), the total told kept when the count is its breakdown (BROKEN_DOWN), else the
    larger of two counts of the same dead (a rival or updated figure)."""
    if not told:
        return counted
    if adds:
        return told + counted
    if broken_down:
        return told
    return max(told, counted)
