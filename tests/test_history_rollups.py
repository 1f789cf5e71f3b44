"""History, multi-day roll-ups, gains told by size and captives are no day's event (invented
sentences).

Each test pairs the background or summary with the same action reported as news, so that a
filter that dropped everything would fail too.
"""

from __future__ import annotations

import datetime as dt

import pytest

from coding import code, kinds

pytestmark = pytest.mark.slow

JUNE = dt.date(2021, 6, 16)


def test_a_when_clause_on_an_earlier_year_is_history() -> None:
    text = (
        "Kafr Nabl has been contested ever since 2013 when insurgents overran its "
        "eastern half, driving the army back."
    )
    assert code(text, JUNE) == []
    text = "Kafr Nabl has been under the group's control since January 2014, when it swept in."
    assert code(text, JUNE) == []
    text = "Rebels seized the eastern half of Kafr Nabl on Monday, pushing the army out."
    assert "Non-state actor overtakes territory" in kinds(code(text, JUNE))


def test_a_when_clause_on_a_month_long_before_is_history() -> None:
    text = (
        "Kafr Nabl has been hit by the group before, including in March when a car bomb "
        "killed at least 11 people near a mosque in the town."
    )
    assert code(text, JUNE) == []
    text = "Rebels shelled Kafr Nabl on Tuesday when the market was crowded, killing four people."
    assert code(text, JUNE) != []


def test_an_action_in_a_month_long_before_is_history() -> None:
    text = "Government strikes killed at least 30 civilians in Kafr Nabl in March, residents said."
    assert code(text, JUNE) == []
    text = "Suspected regime strikes killed at least 30 civilians in Kafr Nabl in February."
    assert code(text, JUNE) == []
    # the report's own month, one close enough to be this story's, or a day named, is news
    text = "Government strikes killed at least 30 civilians in Kafr Nabl in June, residents said."
    assert code(text, JUNE) != []
    text = "Government strikes killed at least 30 civilians in Kafr Nabl in May, residents said."
    assert code(text, JUNE) != []
    text = "Suspected regime strikes killed at least 30 civilians in Kafr Nabl on Monday."
    assert kinds(code(text, JUNE)) == ["Air/drone strike"]


def test_a_toll_over_several_days_is_a_summary() -> None:
    text = (
        "Activists said at least 70 civilians have been killed in air strikes on the town of "
        "Kafr Nabl over the past three days."
    )
    assert code(text, JUNE) == []
    text = "Air strikes killed 40 people in the town of Kafr Nabl in the last ten days of May."
    assert code(text, JUNE) == []
    text = "Air strikes on the town of Kafr Nabl killed 20 people over the past week, locals said."
    assert code(text, JUNE) == []
    assert code("90 Civilians Killed in Bombardment on Kafr Nabl in Last Four Days.", JUNE) == []


def test_a_day_toll_or_a_dated_week_is_news() -> None:
    text = (
        "The monitor said 12 people were killed in air strikes on Kafr Nabl in the past 24 hours."
    )
    assert kinds(code(text, JUNE)) == ["Air/drone strike"]
    text = "An air strike on the town of Kafr Nabl killed 20 people last week, locals said."
    assert kinds(code(text, JUNE)) == ["Air/drone strike"]
    assert code("Eleven Civilians Killed in Bombardment on Kafr Nabl.", JUNE) != []


def test_ground_told_only_by_its_size_is_a_summary() -> None:
    text = (
        "The Kurdish-led alliance has been the main force fighting the jihadists in Hasakeh "
        "province and has captured wide areas from them."
    )
    assert code(text, JUNE) == []
    text = "The army's desert campaign has seized large swathes of territory from the group."
    assert code(text, JUNE) == []
    text = "Troops captured the town of Tal Hamis from the group on Monday."
    assert kinds(code(text, JUNE)) == ["Government regains territory"]


def test_fighters_captured_are_no_ground_taken() -> None:
    text = "Rebels captured 12 soldiers near the town of Kafr Nabl on Tuesday."
    assert "Non-state actor overtakes territory" not in kinds(code(text, JUNE))
    text = (
        "Fighters in Kafr Nabl executed an airman they captured when his jet went down on Friday."
    )
    assert "Non-state actor overtakes territory" not in kinds(code(text, JUNE))
    text = "Rebels captured the town of Kafr Nabl on Tuesday."
    assert kinds(code(text, JUNE)) == ["Non-state actor overtakes territory"]


def test_a_campaign_start_told_in_passing_does_not_date_the_story() -> None:
    text = (
        "Jets pounded the town of Kafr Nabl on Sunday, activists said. Shelling of the province "
        "has grown heavier since insurgents began a drive to lift the blockade on July 31, the "
        "monitor said. Russian jets also struck the town of Binnish, activists said."
    )
    days = {m.place.name: m.day.date for m in code(text, dt.date(2021, 8, 16)) if m.place}
    assert days.get("Binnish") == dt.date(2021, 8, 15)
    # a sentence that codes an action on its own far day still dates what follows
    text = (
        "Jets pounded the town of Kafr Nabl on Sunday, activists said. On July 31 rebels shelled "
        "the town of Binnish, killing two people. They also shelled the town of Sarmin."
    )
    days = {m.place.name: m.day.date for m in code(text, dt.date(2021, 8, 16)) if m.place}
    assert days.get("Sarmin") == dt.date(2021, 7, 31)
