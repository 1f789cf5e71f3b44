"""Days that date the report, not the story, and days told back from the story (invented)."""

from __future__ import annotations

import datetime as dt

from coding import WED, code, day_hit
from warwire.code.story_day import dateline_day, headline_day
from warwire.read.dates import find_days
from warwire.records import DayRef


def test_a_dateline_day_dates_the_report() -> None:
    for s, words in [
        ("12 March 2021 AMMAN (The Daily Post): Rebels took the town on Tuesday.", "12 March 2021"),
        ("CAIRO, March 12. /NEWS/. Troops entered the town.", "March 12"),
        ("AMMAN, March 12 (Wire) - Jets struck a market.", "March 12"),
    ]:
        assert dateline_day(s, 0, day_hit(s, words)), s


def test_a_day_in_the_story_is_no_dateline() -> None:
    for s, words in [
        ("On March 12 troops entered the town, officials said.", "March 12"),
        ("Rebels took the town on Tuesday (March 9), a monitor said.", "Tuesday"),
        ("Tuesday saw heavy FIGHTING in the old city.", "Tuesday"),
    ]:
        assert not dateline_day(s, 0, day_hit(s, words)), s


def test_the_lead_day_not_the_dateline_dates_the_next_sentence() -> None:
    ms = code(
        "11 March 2021 AMMAN (The Daily Post): Rebels expanded their control on Tuesday, "
        "seizing the town of Saraqib.\n\n"
        "A monitoring group said the rebels took over the town of Kafr Nabl after troops "
        "withdrew from the area."
    )
    days = {m.place.name: m.day.date for m in ms if m.place and m.day}
    assert days.get("Kafr Nabl") == dt.date(2021, 3, 9)


def test_a_headline_day_dates_a_page_whose_lead_names_none() -> None:
    title = "Case 112 - March 8, 2021 (Saraqib)"
    assert headline_day(title, WED) == DayRef(
        dt.date(2021, 3, 8), dt.date(2021, 3, 8), dt.date(2021, 3, 8), 1, "March 8, 2021"
    )
    text = (
        "Summary\n\nUp to 9 civilians were killed as the town of Saraqib was struck by air raids."
    )
    [m] = [m for m in code(text, title=title) if m.sub_event_type == "Air/drone strike"]
    assert m.day is not None and m.day.date == dt.date(2021, 3, 8)
    [m] = [m for m in code(text) if m.sub_event_type == "Air/drone strike"]
    assert m.day is not None and m.day.date != dt.date(2021, 3, 8)


def test_n_days_prior_counts_back() -> None:
    [(_, _, d)] = find_days("Two days prior, the bodies of two men were found.", WED)
    assert d.date == dt.date(2021, 3, 8)
    [(_, _, d)] = find_days("A day prior, a man was shot in the camp.", WED)
    assert d.date == dt.date(2021, 3, 9)
    assert find_days("Two days prior to the talks, jets struck the town.", WED) == []
