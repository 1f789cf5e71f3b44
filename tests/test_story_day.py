"""A day in a pluperfect relative clause dates an earlier action, not the story (invented)."""

from __future__ import annotations

import datetime as dt

from coding import code, day_hit
from warwire.code.story_day import dates_an_earlier_action

SAT = dt.date(2021, 3, 13)


def test_a_day_closing_a_pluperfect_relative_clause_dates_that_clause() -> None:
    s = "Troops advanced from Amra, which had been liberated from the rebels two days ago."
    assert dates_an_earlier_action(s, 0, day_hit(s, "two days ago", SAT))
    s2 = "Troops advanced from Amra two days ago."
    assert not dates_an_earlier_action(s2, 0, day_hit(s2, "two days ago", SAT))


def test_the_next_capture_keeps_the_story_day() -> None:
    ms = code(
        "Government forces intensified their operations in the south on Tuesday.\n\n"
        "The army advanced from the town of Kafr Nabl, which had been captured from the rebels "
        "four days ago, and stormed the outskirts of Maarat al-Numan.\n\n"
        "After restoring control over the town of Saraqib, the army pressed on towards the west."
    )
    days = {m.place.name: m.day.date for m in ms if m.place and m.day}
    assert days.get("Saraqib") == dt.date(2021, 3, 9)  # Tuesday, not four days before today
