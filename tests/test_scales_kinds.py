"""One action told at an area and at a town inside it: the weapon noun may differ, and a
report "near" a village is still finer than the province (`warwire.code.scales`).

Mentions are built by hand for the test; no corpus text.
"""

from __future__ import annotations

from coding import WED
from warwire.code.scales import finer_of, near_village_under_area, one_scale
from warwire.places import load_gazetteer
from warwire.records import ActorRef, DayRef, Mention, Place

CIVILIANS = ActorRef("Civilians (Syria)", "civilians")
TROOPS = ActorRef("Military Forces of Turkey (2016-)", "turkey")


def town(name: str, admin1: str) -> Place:
    gaz = load_gazetteer()
    return next(c for c in gaz.candidates(name) if c.admin1 == admin1)


def _m(place: Place, sub: str, geo: int = 1, target: ActorRef | None = None) -> Mention:
    etype = "Battles" if sub == "Armed clash" else "Explosions/Remote violence"
    return Mention(
        id="", article="a", event_type=etype, sub_event_type=sub, day=DayRef(WED, WED, WED),
        place=place, geo_precision=geo, actor2=target,
    )  # fmt: skip


def test_bombs_on_the_province_and_an_air_raid_on_its_town_are_one_strike() -> None:
    idlib = load_gazetteer().admin_place("Idlib")
    coarse = _m(idlib, "Remote explosive/landmine/IED", geo=3, target=CIVILIANS)
    fine = _m(town("Saraqib", "Idlib"), "Air/drone strike", target=CIVILIANS)
    assert finer_of(coarse, fine)
    assert one_scale([coarse, fine]) == [fine]


def test_two_weapons_at_two_towns_stay_two() -> None:
    a = _m(town("Saraqib", "Idlib"), "Remote explosive/landmine/IED")
    b = _m(town("Ariha", "Idlib"), "Air/drone strike")
    assert one_scale([a, b]) == [a, b]


def test_a_strike_and_a_clash_in_one_province_stay_two() -> None:
    idlib = load_gazetteer().admin_place("Idlib")
    coarse = _m(idlib, "Air/drone strike", geo=3)
    fine = _m(town("Saraqib", "Idlib"), "Armed clash")
    assert not finer_of(coarse, fine)


def test_a_strike_on_civilians_and_shelling_of_troops_are_two_targets() -> None:
    idlib = load_gazetteer().admin_place("Idlib")
    coarse = _m(idlib, "Air/drone strike", geo=3, target=CIVILIANS)
    fine = _m(town("Saraqib", "Idlib"), "Shelling/artillery/missile attack", target=TROOPS)
    assert not finer_of(coarse, fine)


def test_fighting_near_a_village_is_the_provinces_fighting() -> None:
    hama = load_gazetteer().admin_place("Hama")
    coarse = _m(hama, "Armed clash", geo=3)
    fine = _m(town("Kafr Zita", "Hama"), "Armed clash", geo=2)
    assert near_village_under_area(hama, fine.place)
    assert one_scale([coarse, fine]) == [fine]


def test_near_a_village_is_no_finer_than_the_village() -> None:
    village = town("Kafr Zita", "Hama")
    assert not near_village_under_area(village, village)
    assert not finer_of(_m(village, "Armed clash"), _m(village, "Armed clash", geo=2))


def test_near_a_city_does_not_stand_for_the_province() -> None:
    aleppo = load_gazetteer().admin_place("Aleppo")
    city = town("Aleppo", "Aleppo")
    assert not near_village_under_area(aleppo, city)
    assert not finer_of(_m(aleppo, "Armed clash", geo=3), _m(city, "Armed clash", geo=2))
