"""One strike and its dead are one event (invented mentions and sentences)."""

from __future__ import annotations

import datetime as dt

import pytest

from coding import WED, code, kinds
from warwire.code.outcomes import clash_on_civilians, one_outcome, outcome_of
from warwire.places import load_gazetteer
from warwire.records import ActorRef, DayRef, Mention, Place

CIVILIANS = ActorRef("Civilians (Syria)", "civilians")
ARMY = ActorRef("Military Forces of Syria (2000-)", "syrian_government")
RUSSIA = ActorRef("Military Forces of Russia (2000-)", "russia")
IS = ActorRef("Islamic State (Syria)", "islamic_state")


def town(name: str, admin1: str) -> Place:
    return next(c for c in load_gazetteer().candidates(name) if c.admin1 == admin1)


def mention(sub: str, place: Place, day: dt.date = WED, **kw) -> Mention:  # noqa: ANN003
    return Mention(
        id="", article="a", event_type="", sub_event_type=sub, day=DayRef(day, day, day),
        place=place, **kw,
    )  # fmt: skip


def test_the_dead_of_a_strike_told_apart_fold_into_the_strike() -> None:
    saraqib = town("Saraqib", "Idlib")
    strike = mention("Air/drone strike", saraqib, actor1=ARMY)
    dead = mention("Attack", saraqib, actor1=ARMY, actor2=CIVILIANS, fatalities=12)
    assert outcome_of(dead, strike)
    [kept] = one_outcome([strike, dead])
    assert kept is strike and kept.fatalities == 12 and kept.actor2 == CIVILIANS


def test_dead_told_at_the_province_fold_into_the_one_town_struck() -> None:
    idlib = load_gazetteer().admin_place("Idlib")
    strike = mention("Shelling/artillery/missile attack", town("Saraqib", "Idlib"))
    dead = mention("Attack", idlib, actor2=CIVILIANS, fatalities=4)
    assert one_outcome([strike, dead]) == [strike]


def test_another_day_another_doer_or_another_town_stays_apart() -> None:
    saraqib, ariha = town("Saraqib", "Idlib"), town("Ariha", "Idlib")
    strike = mention("Air/drone strike", saraqib, actor1=RUSSIA)
    later = mention("Attack", saraqib, day=WED + dt.timedelta(days=1), actor2=CIVILIANS)
    gunmen = mention("Attack", saraqib, actor1=IS, actor2=CIVILIANS)
    elsewhere = mention("Attack", ariha, actor2=CIVILIANS)
    for m in (later, gunmen, elsewhere):
        assert one_outcome([strike, m]) == [strike, m]


def test_dead_that_could_be_of_strikes_at_two_towns_are_left_alone() -> None:
    idlib = load_gazetteer().admin_place("Idlib")
    a = mention("Air/drone strike", town("Saraqib", "Idlib"))
    b = mention("Air/drone strike", town("Ariha", "Idlib"))
    dead = mention("Attack", idlib, actor2=CIVILIANS, fatalities=9)
    assert one_outcome([a, b, dead]) == [a, b, dead]


def test_fighting_with_only_civilians_named_is_an_attack() -> None:
    saraqib = town("Saraqib", "Idlib")
    m = mention("Armed clash", saraqib, actor2=CIVILIANS, fatalities=15)
    assert clash_on_civilians(m)
    [out] = one_outcome([m])
    assert out.sub_event_type == "Attack" and out.event_type == "Violence against civilians"
    battle = mention("Armed clash", saraqib, actor1=IS, actor2=ARMY)
    assert not clash_on_civilians(battle)
    assert one_outcome([battle])[0].sub_event_type == "Armed clash"


@pytest.mark.slow
def test_an_article_telling_a_strike_and_its_dead_codes_one_strike() -> None:
    text = (
        "Helicopters dropped barrel bombs on a market in Saraqib on Tuesday. Government forces "
        "killed at least 20 civilians in Saraqib on Tuesday, activists said."
    )
    [m] = code(text)
    assert m.sub_event_type == "Air/drone strike" and m.fatalities == 20
    text = (
        "Jets struck Talbiseh on Tuesday. Activists said at least 15 civilians were killed in an "
        "assault on the town of Talbiseh on Tuesday."
    )
    [m] = code(text)
    assert m.sub_event_type == "Air/drone strike" and m.actor2 is not None
    assert m.actor2.side == "civilians" and m.fatalities == 15
    # the dead of gunmen on another day are their own event
    text = (
        "Helicopters dropped barrel bombs on a market in Saraqib on Tuesday. Gunmen of the "
        "Islamic State killed 20 civilians in Saraqib on Monday."
    )
    assert kinds(code(text)) == ["Air/drone strike", "Attack"]
