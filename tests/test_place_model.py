"""The place model on invented dispatches: hierarchy, quarters of cities, datelines, outlets,
places abroad, and one action told at two scales.

Every sentence here is written for the test; none comes from a corpus article.
"""

from __future__ import annotations

import datetime as dt

import pytest

from coding import WED, code
from warwire.code.context import scan_article
from warwire.code.place_cues import (
    dateline_span,
    names_a_building,
    surname_after_given_name,
)
from warwire.code.scales import day_within, finer_of, one_scale
from warwire.places import load_gazetteer
from warwire.places.hierarchy import city_of, contains, level, parent
from warwire.records import Claim, DayRef, Evidence, Mention, Place


def places_in(text: str) -> list[Place]:
    return [p.place for info in scan_article(text, WED) for p in info.places]


def town(name: str, admin1: str) -> Place:
    gaz = load_gazetteer()
    return next(c for c in gaz.candidates(name) if c.admin1 == admin1)


# --- hierarchy ------------------------------------------------------------------------------


def test_a_town_lies_in_its_province_and_not_the_reverse() -> None:
    gaz = load_gazetteer()
    idlib = gaz.admin_place("Idlib")
    saraqib = town("Saraqib", "Idlib")
    assert contains(idlib, saraqib)
    assert not contains(saraqib, idlib)
    assert not contains(gaz.admin_place("Hama"), saraqib)
    assert parent(saraqib, gaz).name == "Idlib"


def test_a_region_holds_its_towns_only() -> None:
    ghouta = town("Eastern Ghouta", "Rural Damascus")
    assert contains(ghouta, town("Douma", "Rural Damascus"))
    assert not contains(ghouta, town("Zabadani", "Rural Damascus"))


def test_a_quarter_has_its_city_as_parent() -> None:
    gaz = load_gazetteer()
    quarter = town("Sheikh Maqsoud", "Aleppo")
    assert quarter.feature == "neighbourhood" and city_of(quarter) == "Aleppo"
    city = parent(quarter, gaz)
    assert city is not None and city.name == "Aleppo" and city.feature == "populated place"
    assert contains(city, quarter) and level(quarter) > level(city)


# --- quarters of cities ---------------------------------------------------------------------


def test_a_named_district_is_the_citys_quarter_not_the_town_it_ends_with() -> None:
    [quarter, *_] = places_in(
        "Regime helicopters dropped barrel bombs on the Tareeq al-Bab district of Aleppo."
    )
    assert quarter.name == "Tariq al-Bab" and city_of(quarter) == "Aleppo"


def test_a_quarter_is_read_in_the_city_the_sentence_names() -> None:
    found = places_in("Security forces fired on mourners in the Ramel quarter of Latakia.")
    assert found[0].admin1 == "Latakia" and found[0].feature == "neighbourhood"


def test_barrel_bombs_on_a_district_are_coded_at_the_district() -> None:
    ms = code(
        "Government helicopters dropped barrel bombs on the Sukkari district of Aleppo on "
        "Tuesday, killing 14 civilians, activists said."
    )
    strikes = [m for m in ms if m.event_type == "Explosions/Remote violence"]
    assert strikes and all(m.place.feature == "neighbourhood" for m in strikes)
    assert {m.place.admin1 for m in strikes} == {"Aleppo"}


# --- datelines, outlets, buildings, people --------------------------------------------------


def test_the_dateline_is_where_the_report_was_filed() -> None:
    text = "DAMASCUS, Syria (AP) — Airstrikes hit a rebel convoy in Idlib province on Tuesday."
    start, end = dateline_span(text)
    assert text[start:end] == "DAMASCUS"
    assert "Damascus" not in {p.name for p in places_in(text)}
    ms = code(text)
    assert ms and {m.place.admin1 for m in ms} == {"Idlib"}


def test_a_title_case_dateline_with_an_agency() -> None:
    assert dateline_span("Beirut (Reuters) - Rebels shelled a town near Hama.") is not None
    assert dateline_span("Rebels shelled a town near Hama on Monday - a monitor said.") is None


def test_an_outlet_is_never_a_place() -> None:
    found = places_in("SANA’s reporter said that rebels shelled the town of Mhardeh.")
    assert [p.admin1 for p in found] == ["Hama"]


def test_a_building_named_after_a_word_is_no_place() -> None:
    assert names_a_building(" Rose hotel in the capital", exact=True)
    assert names_a_building(" mosque after prayers", exact=False)
    assert not names_a_building(" hospital was hit", exact=True)


def test_a_surname_is_no_hamlet() -> None:
    text = "The offensive was led by commander Mazloum Abdi, the statement said."
    start = text.index("Abdi")
    assert surname_after_given_name(text, start, "Abdi")
    assert not surname_after_given_name("Rebels entered Abdi.", 15, "Abdi")


# --- events abroad --------------------------------------------------------------------------


@pytest.mark.slow
def test_a_bombing_abroad_is_not_a_syrian_event() -> None:
    ms = code("A car bomb exploded in Gaziantep on Tuesday, killing three people, police said.")
    assert ms == []


# --- one action, two scales -----------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("country", ["Syria's", "Syrias", "Iraq's"])
def test_a_countrys_possessive_names_a_place_not_a_given_name(country: str) -> None:
    text = f"Air strikes hit {country} Idlib on Wednesday. The strikes on Idlib killed nine."
    start = text.index("Idlib")
    assert not surname_after_given_name(text, start, "Idlib")
    assert "Idlib" in {p.admin1 for p in places_in(text)}
    person = "said commander Mazloum Idlib"
    assert surname_after_given_name(person, person.index("Idlib"), "Idlib")


def _mention(place: Place, geo: int = 1, fatalities: int | None = None) -> Mention:
    return Mention(
        id="",
        article="a",
        event_type="Explosions/Remote violence",
        sub_event_type="Air/drone strike",
        day=DayRef(WED, WED, WED),
        place=place,
        geo_precision=geo,
        fatalities=fatalities,
    )


def test_the_town_and_its_province_are_one_mention() -> None:
    gaz = load_gazetteer()
    coarse = _mention(gaz.admin_place("Idlib"), geo=3, fatalities=9)
    fine = _mention(town("Saraqib", "Idlib"))
    assert finer_of(coarse, fine) and not finer_of(fine, coarse)
    [kept] = one_scale([coarse, fine])
    assert kept is fine and kept.fatalities == 9


def test_a_count_told_at_the_province_goes_to_the_town() -> None:
    gaz = load_gazetteer()
    coarse = _mention(gaz.admin_place("Idlib"), geo=3)
    coarse.claims = [Claim("airstrikes", 90, "a")]
    fine = _mention(town("Saraqib", "Idlib"))
    [kept] = one_scale([coarse, fine])
    assert [(c.field, c.value) for c in kept.claims] == [("airstrikes", 90)]


def test_a_province_report_beside_two_reports_of_one_town_moves_to_the_town() -> None:
    gaz = load_gazetteer()
    saraqib = town("Saraqib", "Idlib")
    coarse = _mention(gaz.admin_place("Idlib"), geo=3)
    coarse.claims = [Claim("airstrikes", 90, "a")]
    a, b = _mention(saraqib), _mention(saraqib)
    out = one_scale([a, coarse, b])
    assert len(out) == 3 and all(m.place == saraqib for m in out)
    assert coarse.geo_precision == 1 and coarse.claims[0].value == 90


def test_a_province_report_beside_two_towns_is_dropped() -> None:
    gaz = load_gazetteer()
    coarse = _mention(gaz.admin_place("Idlib"), geo=3)
    a, b = _mention(town("Saraqib", "Idlib")), _mention(town("Ariha", "Idlib"))
    assert one_scale([coarse, a, b]) == [a, b]


def test_near_the_capital_and_a_town_outside_it_are_one_mention() -> None:
    near = _mention(town("Damascus", "Damascus"), geo=2)
    fine = _mention(town("Douma", "Rural Damascus"))
    assert one_scale([near, fine]) == [fine]


def test_a_province_line_and_a_strike_near_a_town_in_it_are_one_mention() -> None:
    """ "The convoy was hit around Saraqib" (the article's week only) and "jets hit the convoy
    in Idlib this morning": near a town is finer than its province, and the province line
    dates the action."""
    gaz = load_gazetteer()
    coarse = _mention(gaz.admin_place("Idlib"), geo=3)
    fine = _mention(town("Saraqib", "Idlib"), geo=2)
    fine.day = DayRef(WED, WED - dt.timedelta(days=6), WED, precision=2)
    assert finer_of(coarse, fine)
    [kept] = one_scale([coarse, fine])
    assert kept is fine and kept.day.precision == 1 and kept.day.start == WED


def test_near_a_town_is_no_finer_than_the_town() -> None:
    saraqib = town("Saraqib", "Idlib")
    assert not finer_of(_mention(saraqib), _mention(saraqib, geo=2))


def test_a_province_line_of_another_day_does_not_date_the_town() -> None:
    gaz = load_gazetteer()
    coarse = _mention(gaz.admin_place("Idlib"), geo=3)
    early = WED - dt.timedelta(days=9)
    coarse.day = DayRef(early, early, early)
    fine = _mention(town("Saraqib", "Idlib"))
    fine.day = DayRef(WED, WED - dt.timedelta(days=6), WED, precision=2)
    assert not day_within(coarse, fine)


def test_two_towns_of_one_province_stay_two() -> None:
    a = _mention(town("Saraqib", "Idlib"))
    b = _mention(town("Ariha", "Idlib"))
    assert one_scale([a, b]) == [a, b]


@pytest.mark.slow
def test_a_strike_on_a_town_in_a_region_is_coded_at_the_town() -> None:
    ms = code(
        "Warplanes struck a crowded market in Eastern Ghouta's town of Kafr Batna on Tuesday, "
        "killing 20 civilians, a monitor said."
    )
    strikes = [m for m in ms if m.sub_event_type == "Air/drone strike"]
    assert [m.place.name for m in strikes] == ["Kafr Batna"]


def test_a_compass_word_keeps_the_other_side_apart() -> None:
    gaz = load_gazetteer()
    coarse = _mention(gaz.admin_place("Idlib"), geo=3)
    coarse.evidence = [Evidence("a", 0, 10, "Jets pounded villages in southern Idlib on Tuesday.")]
    north = _mention(town("Sarmada", "Idlib"))
    south = _mention(town("Khan Shaykhun", "Idlib"))
    assert not finer_of(coarse, north)
    assert finer_of(coarse, south)


def test_a_compass_word_on_the_country_does_not_narrow_the_province() -> None:
    gaz = load_gazetteer()
    coarse = _mention(gaz.admin_place("Idlib"), geo=3)
    text = "Ten civilians were killed in air raids on a market in north-western Syria on Sunday."
    coarse.evidence = [Evidence("a", 0, 10, text)]
    assert finer_of(coarse, _mention(town("Khan Shaykhun", "Idlib")))
    coarse.evidence = [Evidence("a", 0, 10, "Jets pounded villages in northern Idlib.")]
    assert not finer_of(coarse, _mention(town("Khan Shaykhun", "Idlib")))


def test_a_region_named_with_a_compass_word_is_no_direction() -> None:
    ghouta = town("Eastern Ghouta", "Rural Damascus")
    coarse = _mention(ghouta)
    coarse.evidence = [Evidence("a", 0, 10, "Jets struck a market in Eastern Ghouta on Friday.")]
    assert finer_of(coarse, _mention(town("Douma", "Rural Damascus")))


def test_an_outlet_named_with_news_is_no_place() -> None:
    found = places_in("Masrawy News reported that shells hit the town of Mhardeh.")
    assert [p.admin1 for p in found] == ["Hama"]


def test_a_name_used_for_a_person_is_no_place_anywhere_in_the_article() -> None:
    text = (
        "Rebels captured two tanks, said commander Ahmed Afesh. Afesh showed the tanks to "
        "reporters in Azaz."
    )
    assert [p.name for p in places_in(text)] == ["Azaz"]


def test_a_base_named_by_its_town_is_the_base() -> None:
    [base] = places_in("Fighting raged inside the Tabqa air base on Sunday.")
    assert base.feature == "base" and base.admin1 == "Raqqa"


def test_a_quarter_of_a_city_the_report_never_names_is_not_chosen() -> None:
    text = "Gunmen attacked the al-Masaken checkpoint in the town of Saida, east of Daraa."
    assert all(p.admin1 == "Daraa" for p in places_in(text))


@pytest.mark.slow
def test_a_town_named_with_its_region_and_the_capital_is_the_place() -> None:
    ms = code(
        "Nine civilians were killed on Tuesday as the town of Saqba, eastern Ghouta, Damascus, "
        "was struck by air raids, local media reported."
    )
    strikes = [m for m in ms if m.event_type == "Explosions/Remote violence"]
    assert strikes and {m.place.name for m in strikes} == {"Saqba"}


def test_a_town_no_source_lists_is_kept_by_its_name() -> None:
    found = places_in(
        "Local fighters took control of a checkpoint in the town of Zibqeen, east of Daraa."
    )
    town = [p for p in found if p.name == "Zibqeen"]
    assert town and town[0].admin1 == "Daraa" and not town[0].id


def test_a_town_spelled_as_no_source_does_is_the_listed_town() -> None:
    # "Kiheel" sounds as the listed "Kahil" of Daraa: the entry, not an unlisted name
    found = places_in(
        "Local fighters took control of a checkpoint in the town of Kiheel, east of Daraa."
    )
    assert [(p.name, p.admin1) for p in found if p.id and p.admin1 == "Daraa"][:1] == [
        ("Kahil", "Daraa")
    ]


def test_a_village_spelled_like_a_hamlet_far_away_is_the_storys_own() -> None:
    text = (
        "SDF forces raided Diban and al-Shuhayl in Deir ez-Zor on Sunday. Residents closed "
        "roads in Al-Hossan village, activists said."
    )
    hossan = [p for p in places_in(text) if p.name == "Al-Hossan"]
    assert hossan and hossan[0].admin1 == "Deir ez-Zor"


def test_a_district_spelled_as_its_own_entry_keeps_that_entry() -> None:
    [jobar] = places_in("Rebels attacked army positions in the Jobar district on Sunday.")
    assert jobar.name == "Jobar"


def test_a_country_after_of_is_no_unlisted_town() -> None:
    found = places_in("IS fighters hold large parts of the towns of Syria and Iraq.")
    assert found == []


def test_a_given_name_then_an_al_name_is_a_person_not_a_village() -> None:
    found = places_in("Abu Ibrahim al-Hashimi was killed in a raid in Atmeh on Monday.")
    assert "Al Hashimiyah" not in {p.name for p in found}
    assert any(p.admin1 == "Idlib" for p in found)


def test_a_town_line_counting_only_the_wounded_takes_the_province_lines_dead() -> None:
    gaz = load_gazetteer()
    coarse = _mention(gaz.admin_place("Idlib"), geo=3, fatalities=12)
    coarse.claims = [Claim("fatalities", 12, "a")]
    fine = _mention(town("Saraqib", "Idlib"), fatalities=0)
    fine.claims = [Claim("fatalities", 0, "a")]
    [kept] = one_scale([coarse, fine])
    assert kept is fine and kept.fatalities == 12
    assert [c.value for c in kept.claims if c.field == "fatalities"] == [12]


def test_a_town_line_with_its_own_dead_keeps_them() -> None:
    gaz = load_gazetteer()
    coarse = _mention(gaz.admin_place("Idlib"), geo=3, fatalities=12)
    fine = _mention(town("Saraqib", "Idlib"), fatalities=5)
    [kept] = one_scale([coarse, fine])
    assert kept.fatalities == 5


def test_wounded_at_the_village_and_dead_told_for_the_raid_are_one_toll() -> None:
    text = (
        "An air raid killed 14 people on Wednesday at a camp for displaced families in Idlib "
        "province, a monitor said. Nine people were also wounded in the air raid on the camp "
        "near the village of Kansafra, the monitor said."
    )
    tolls = [m.fatalities for m in code(text) if m.sub_event_type == "Air/drone strike"]
    assert tolls == [14]
