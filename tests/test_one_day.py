"""One action told a day apart in one article (code/repeats.py `one_day`): a photo caption
dated by its picture, or a sentence whose day was carried over from the one before, retells
the action another sentence dates (invented reports)."""

from __future__ import annotations

import datetime as dt

import pytest

from coding import code
from warwire.code.repeats import one_day, told_a_day_apart
from warwire.records import ActorRef, DayRef, Evidence, Mention, Place

MON, TUE = dt.date(2021, 3, 8), dt.date(2021, 3, 9)
ARMY = ActorRef("Military Forces of Syria (2000-)", "syrian_government")
TOWN = Place("Kafr Zeitun", admin1="Hama", latitude=35.1, longitude=36.6)


def _m(day: dt.date, words: str, text: str, place: Place = TOWN, a1: ActorRef | None = None):
    return Mention(
        id="",
        article="a",
        event_type="Explosions/Remote violence",
        sub_event_type="Air/drone strike",
        day=DayRef(day, day, day, 1, words),
        place=place,
        actor1=a1,
        evidence=[Evidence("a", 0, len(text), text)],
    )


def test_a_carried_over_day_is_the_other_sentences_action() -> None:
    firm = _m(MON, "Monday", "Jets struck Kafr Zeitun on Monday.", a1=ARMY)
    loose = _m(TUE, "Tuesday", "The town is being bombed, a commander said.")
    assert told_a_day_apart(firm, loose)
    out = one_day([firm, loose])
    assert out == [firm] and len(firm.evidence) == 2


def test_a_caption_day_gives_way_and_its_town_is_kept() -> None:
    firm = _m(MON, "Monday", "Jets struck a convoy near Hama city on Monday.")
    firm.place = Place("Hama", admin1="Hama", latitude=35.13, longitude=36.75)
    firm.place.feature = "populated place"
    firm.geo_precision = 2
    caption = _m(TUE, "March 9, 2021", "A man walks past a truck after an air strike on "
                 "the town of Kafr Zeitun, Syria March 9, 2021.")  # fmt: skip
    out = one_day([caption, firm])
    assert out == [firm]
    assert firm.place.name == "Kafr Zeitun" and firm.day.date == MON


def test_two_firm_days_or_two_places_stay_two() -> None:
    mon = _m(MON, "Monday", "Jets struck Kafr Zeitun on Monday.")
    tue = _m(TUE, "Tuesday", "Jets struck Kafr Zeitun again on Tuesday.")
    assert one_day([mon, tue]) == [mon, tue]
    other = Place("Tell Hamra", admin1="Hama", latitude=35.3, longitude=36.4)
    loose = _m(TUE, "Tuesday", "The village was bombed too.", place=other)
    assert one_day([mon, loose]) == [mon, loose]
    two_days = _m(dt.date(2021, 3, 10), "Monday", "The town is being bombed.")
    assert one_day([mon, two_days]) == [mon, two_days]


@pytest.mark.slow
def test_a_caption_a_day_after_the_strike_is_one_strike_in_an_article() -> None:
    text = (
        "Government jets struck the town of Sarmin on Monday, killing four civilians.\n"
        "A man walks past a damaged building after an air strike on the town of Sarmin, "
        "Syria March 9, 2021."
    )
    got = [m for m in code(text) if m.sub_event_type == "Air/drone strike"]
    assert [(m.day.date, m.place.name) for m in got if m.day and m.place] == [(MON, "Sarmin")]
    apart = (
        "Government jets struck the town of Sarmin on Monday, killing four civilians. "
        "Government jets struck the town of Sarmin again on Tuesday, killing two."
    )
    again = [m for m in code(apart) if m.sub_event_type == "Air/drone strike"]
    assert sorted(m.day.date for m in again if m.day) == [MON, TUE]
