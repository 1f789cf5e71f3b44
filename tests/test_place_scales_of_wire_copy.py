"""How wire copy places an action, on invented dispatches: a town located by the capital or a
province ("X near Damascus"), fire placed at its target rather than where it came from, the
capital's name standing for its countryside, the names listed after "the villages of", and a
lead dated by the filing day told again at a town the day before.

Every sentence and village name here is written for the test; none comes from a corpus article.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from coding import WED, code
from warwire.code.place_cues import locates, quarter_of_named_city
from warwire.code.scales import filed_day, finer_of, lead_a_day_off, one_scale
from warwire.places import load_gazetteer
from warwire.places.hierarchy import as_said, capital_holds
from warwire.records import ActorRef, DayRef, Mention, Place

ARMY = ActorRef("Military Forces of Syria (2000-)", "syrian_government", "the army")
REBELS = ActorRef("Opposition Rebels (Syria)", "opposition", "rebels")


def town(name: str, admin1: str) -> Place:
    return next(c for c in load_gazetteer().candidates(name) if c.admin1 == admin1)


def _mention(place: Place, day: dt.date = WED, text: str = "", **kw: object) -> Mention:
    base = Mention(
        id="",
        article="a",
        event_type="Explosions/Remote violence",
        sub_event_type="Shelling/artillery/missile attack",
        day=DayRef(day, day, day, text=text),
        place=place,
    )
    return replace(base, **kw)


# --- a town located by a coarser name ----------------------------------------------------------


@pytest.mark.parametrize(
    "between",
    [" near ", ", east of ", " outside ", " on the outskirts of ", " in rebel-held ",
     " in northern ", ", 20 km south of "],
)  # fmt: skip
def test_a_locating_phrase_between_a_town_and_a_coarser_name(between: str) -> None:
    assert locates(between)


@pytest.mark.parametrize("between", [" and ", ", while jets struck ", " before moving to "])
def test_other_words_between_two_places_locate_nothing(between: str) -> None:
    assert not locates(between)


def test_a_town_near_the_capital_is_the_place_not_the_capital() -> None:
    text = (
        "Government shelling killed at least 40 people in the town of Kafr Vosseni near "
        "Damascus in a revenge shelling attack on Saturday."
    )
    places = {m.place.name for m in code(text) if m.place}
    assert places == {"Kafr Vosseni"}


def test_a_quarter_named_before_its_city_is_the_place() -> None:
    [m] = code("Mortar shells hit the Bab Touma neighbourhood of Damascus, killing a child.")
    assert m.place is not None and m.place.name == "Bab Touma"


# --- fire is placed at its target -------------------------------------------------------------


def test_rockets_fired_from_a_village_are_placed_where_they_landed() -> None:
    text = (
        "Rockets fired from the village of Tell Ovrak landed in the town of Kafr Vosseni in "
        "Homs province on Tuesday, killing three."
    )
    places = {m.place.name for m in code(text) if m.place}
    assert places == {"Kafr Vosseni"}


def test_shelling_from_positions_in_a_village_is_not_coded_there() -> None:
    text = (
        "Insurgents shelled the town of Kafr Vosseni from positions in the village of Tell "
        "Ovrak on Monday, killing two civilians."
    )
    places = {m.place.name for m in code(text) if m.place}
    assert places == {"Kafr Vosseni"}


# --- the capital's name covers its countryside ------------------------------------------------


def test_the_capitals_name_covers_the_countryside_around_it() -> None:
    gaz = load_gazetteer()
    capital = gaz.admin_place("Damascus")
    douma = town("Douma", "Rural Damascus")
    assert as_said("Damascus") == ["Damascus", "Rural Damascus"]
    assert as_said("Idlib") == ["Idlib"]
    assert capital_holds(capital, douma)
    assert not capital_holds(gaz.admin_place("Rural Damascus"), douma)
    assert not capital_holds(capital, town("Saraqib", "Idlib"))


def test_one_strike_near_the_capital_and_at_its_town_is_one_mention() -> None:
    gaz = load_gazetteer()
    coarse = _mention(gaz.admin_place("Damascus"), geo_precision=3, fatalities=40, actor1=ARMY)
    fine = _mention(town("Douma", "Rural Damascus"), actor1=ARMY)
    [kept] = one_scale([coarse, fine])
    assert kept is fine and kept.fatalities == 40


def test_fire_on_the_capital_and_strikes_on_its_suburbs_stay_two() -> None:
    """Rebel rockets landing in the capital while the army pounds a suburb: two actions."""
    gaz = load_gazetteer()
    rockets = _mention(gaz.admin_place("Damascus"), geo_precision=3, actor1=REBELS)
    strikes = _mention(town("Douma", "Rural Damascus"), actor1=ARMY)
    assert not finer_of(rockets, strikes)
    raids = replace(strikes, actor1=REBELS, sub_event_type="Air/drone strike")
    assert not finer_of(rockets, raids)


def test_a_village_name_in_the_countryside_follows_a_capital_hint() -> None:
    """ "Outside Damascus, shelling hit Douma" names the capital: the town of the
    countryside is preferred over a namesake in a province the article named before, and
    the capital named first is no second place of the shelling."""
    text = (
        "Warplanes struck Hama and Idlib. Outside Damascus, government shelling killed eight "
        "people in Douma on Thursday."
    )
    eight = [m for m in code(text) if m.fatalities == 8]
    assert [(m.place.name, m.place.admin1) for m in eight if m.place] == [
        (town("Douma", "Rural Damascus").name, "Rural Damascus")
    ]


# --- names listed after "the villages of" ------------------------------------------------------


def _quarter_and_village(name: str) -> list[Place]:
    quarter = Place(name=name, admin1="Aleppo", admin2="Jebel Saman", feature="neighbourhood")
    village = Place(name=name, admin1="Aleppo", admin2="Atareb", feature="populated place")
    return [quarter, village]


@pytest.mark.parametrize(
    "before",
    ["retook the villages of ", "retook the villages of Qurt Ovan and ",
     "seized the towns of Qurt Ovan, Zeyl Mara and "],
)  # fmt: skip
def test_every_name_listed_after_the_villages_of_is_a_village(before: str) -> None:
    cands = _quarter_and_village("Khirbet Vellu")
    assert quarter_of_named_city("Khirbet Vellu", " on Monday", before, cands, {"Aleppo"}) is None


def test_a_name_in_a_sentence_naming_the_city_is_its_quarter() -> None:
    cands = _quarter_and_village("Khirbet Vellu")
    got = quarter_of_named_city("Khirbet Vellu", " on Monday", "shells hit ", cands, {"Aleppo"})
    assert got is cands[0]


# --- a lead dated by the filing day ------------------------------------------------------------


def test_a_calendar_date_is_the_filing_day_and_a_weekday_is_not() -> None:
    assert filed_day(DayRef(WED, WED, WED, text="10 March 2021"))
    assert filed_day(DayRef(WED, WED, WED, text="March 10, 2021"))
    assert not filed_day(DayRef(WED, WED, WED, text="late Tuesday"))


def test_a_province_lead_dated_by_filing_and_the_towns_account_the_day_before() -> None:
    gaz = load_gazetteer()
    tue = WED - dt.timedelta(days=1)
    lead = _mention(
        gaz.admin_place("Idlib"), text="10 March 2021", geo_precision=3, fatalities=32,
        sub_event_type="Suicide bomb",
    )  # fmt: skip
    account = _mention(
        town("Saraqib", "Idlib"), day=tue, text="late Tuesday", sub_event_type="Suicide bomb"
    )
    assert lead_a_day_off(lead, account)
    [kept] = one_scale([lead, account])
    assert kept is account and kept.fatalities == 32 and kept.day.date == tue


def test_a_province_report_on_its_own_weekday_is_another_day() -> None:
    gaz = load_gazetteer()
    tue = WED - dt.timedelta(days=1)
    lead = _mention(gaz.admin_place("Idlib"), text="Wednesday", geo_precision=3)
    account = _mention(town("Saraqib", "Idlib"), day=tue, text="Tuesday")
    assert not lead_a_day_off(lead, account)
    assert len(one_scale([lead, account])) == 2


def test_a_lead_and_an_account_with_other_tolls_stay_two() -> None:
    gaz = load_gazetteer()
    tue = WED - dt.timedelta(days=1)
    lead = _mention(gaz.admin_place("Idlib"), text="10 March 2021", geo_precision=3, fatalities=9)
    account = _mention(town("Saraqib", "Idlib"), day=tue, text="Tuesday", fatalities=3)
    assert not lead_a_day_off(lead, account)


def test_shells_from_positions_in_a_village_are_placed_where_they_killed() -> None:
    text = (
        "Mortar shells from positions in the village of Tell Ovrak killed three people in the "
        "town of Kafr Vosseni on Monday."
    )
    assert {m.place.name for m in code(text) if m.place} == {"Kafr Vosseni"}


def test_people_from_a_town_are_no_fire_from_it() -> None:
    """Only fire comes "from" a place it did not hit: men "from the town of X" are of X."""
    text = "The group executed nine farmers from the village of Kafr Vosseni on Monday."
    assert {m.place.name for m in code(text) if m.place} == {"Kafr Vosseni"}
