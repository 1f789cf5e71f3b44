"""A report that leaves its front for another province's day and comes back dates the
return by its own province's day (invented articles; WED is Wednesday 10 March 2021)."""

from __future__ import annotations

import datetime as dt

from coding import code

LEAD = "Government jets on Monday pounded rebel-held districts of Aleppo, a monitor said. "
BACK = (
    "The army's offensive in Aleppo focused on the Salaheddine district, where troops fought "
    "rebels, activists said."
)


def day_at(text: str, place: str) -> dt.date | None:
    (m,) = [m for m in code(text) if m.place and m.place.name == place]
    return m.day.date if m.day else None


def test_the_return_to_the_front_takes_its_day() -> None:
    other = "The UN envoy said he had seen heavy shelling of Homs during a visit on Sunday. "
    assert day_at(LEAD + other + BACK, "Salaheddine") == dt.date(2021, 3, 8)  # Monday


def test_a_later_day_at_the_same_front_stands() -> None:
    later = "On Tuesday, rebels shelled army positions in Aleppo, the monitor said. "
    assert day_at(LEAD + later + BACK, "Salaheddine") == dt.date(2021, 3, 9)  # Tuesday


def test_a_front_named_weeks_before_is_background() -> None:
    old = "Rebels first entered districts of Aleppo on 12 February, the monitor said. "
    other = "The UN envoy said he had seen heavy shelling of Homs during a visit on Sunday. "
    assert day_at(old + other + BACK, "Salaheddine") == dt.date(2021, 3, 7)  # Sunday
