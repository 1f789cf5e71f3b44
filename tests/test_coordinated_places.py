"""Coordinated objects of one action each give a place (invented text)."""

from __future__ import annotations

from coding import code


def test_places_under_two_coordinated_class_nouns_are_all_taken() -> None:
    ms = code(
        "Government forces seized the city of Saraqib and the towns of Kafr Nabl and Sarmin "
        "on Tuesday."
    )
    caps = sorted(m.place.name for m in ms if m.place and m.sub_event_type.endswith("territory"))
    assert caps == ["Kafr Nabl", "Saraqib", "Sarmin"]


def strike_places(text: str) -> list[str]:
    return sorted(m.place.name for m in code(text) if m.sub_event_type == "Air/drone strike")


def test_a_list_of_targets_each_with_its_own_place_gives_one_place_each() -> None:
    text = (
        "On Monday, US warplanes bombed an arms depot in Saraqib, a fuel station on the "
        "outskirts of Maarat al-Numan and a base outside Kafr Nabl."
    )
    assert strike_places(text) == ["Kafr Nabl", "Maarrat al-Nu'man", "Saraqib"]


def test_a_place_that_only_locates_the_target_is_no_second_target() -> None:
    located = "On Monday, warplanes bombed Kafr Nabl, a town in the south of Idlib province."
    assert strike_places(located) == ["Kafr Nabl"]
    east = "On Monday, warplanes bombed an arms depot in Sarmin, east of Saraqib."
    assert strike_places(east) == ["Sarmin"]
    between = "On Monday, warplanes bombed a convoy in the desert between Palmyra and Sukhnah."
    assert "Sukhnah" not in strike_places(between)


def test_a_second_clause_with_its_own_verb_ends_the_list() -> None:
    text = (
        "On Monday, warplanes bombed an arms depot in Saraqib, and rebels later shelled "
        "army posts in Kafr Nabl."
    )
    assert strike_places(text) == ["Saraqib"]


def test_every_village_of_a_long_list_is_taken_however_the_parse_hangs_them() -> None:
    text = (
        "On Friday, the army recaptured the villages of Kafr Nabl, Zawr Al-Hass, Kafr Ruma, "
        "Maarrat Hurma, and Al-Qurt in a push through Idlib."
    )
    caps = {m.place.name for m in code(text) if m.sub_event_type == "Government regains territory"}
    assert {"Kafr Nabl", "Zawr Al-Hass", "Al-Qurt"} <= caps and len(caps) == 5
