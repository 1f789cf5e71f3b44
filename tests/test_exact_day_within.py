"""An exact day inside a span named in the same sentence dates the action
(discourse.exact_day_within; invented sentences)."""

from __future__ import annotations

import datetime as dt

import pytest

from coding import code

pytestmark = pytest.mark.slow

PUBLISHED = dt.date(2021, 3, 10)


def _days(text: str) -> list[dt.date]:
    return [m.day.date for m in code(text, PUBLISHED) if m.day is not None]


def test_the_exact_day_inside_a_part_of_the_month_wins() -> None:
    text = (
        "In mid-February, militants began an assault on the prison in the town of Ariha, "
        "beginning on 20 February."
    )
    assert _days(text) == [dt.date(2021, 2, 20)]


def test_a_day_outside_the_span_does_not_date_it() -> None:
    text = (
        "In mid-February, militants began an assault on the prison in the town of Ariha, "
        "days after talks collapsed on 2 March."
    )
    assert dt.date(2021, 3, 2) not in _days(text)
