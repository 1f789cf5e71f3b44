"""Events reported in ways the coder used to miss (invented sentences)."""

from __future__ import annotations

import pytest

from coding import code, kinds

pytestmark = pytest.mark.slow


def test_warplanes_attacking_is_an_air_strike() -> None:
    ms = code("Warplanes attacked a column of trucks near Ariha on Tuesday.")
    assert kinds(ms) == ["Air/drone strike"]


def test_an_israeli_attack_is_an_air_strike_unless_troops_fight() -> None:
    ms = code("Israel attacked a residential building in Kafr Sousa in Damascus on Tuesday.")
    assert kinds(ms) == ["Air/drone strike"]
    assert ms[0].actor1 is not None and ms[0].actor1.side == "israel"


def test_a_bomb_in_a_city_is_a_remote_explosive() -> None:
    ms = code("A bomb targeted an army officer's car in Sarmin on Tuesday, killing the officer.")
    assert "Remote explosive/landmine/IED" in kinds(ms)
    ms = code("Helicopters dropped bombs on Sarmin on Tuesday, killing five civilians.")
    assert "Remote explosive/landmine/IED" not in kinds(ms)
    found = code("Police found a bomb in a car in Sarmin on Tuesday.")
    assert "Remote explosive/landmine/IED" not in kinds(found)


def test_people_taken_captive_are_an_abduction() -> None:
    ms = code("The militants took 70 villagers captive in Tal Tamr on Monday.")
    assert kinds(ms) == ["Abduction/forced disappearance"]


def test_an_assassination_is_an_attack() -> None:
    ms = code("Gunmen assassinated a local council member in Sarmin on Tuesday.")
    assert kinds(ms) == ["Attack"]


def test_bodies_found_are_an_attack() -> None:
    ms = code("The bodies of two women were found in Sarmin on Tuesday.")
    assert kinds(ms) == ["Attack"]


def test_a_flag_raised_marks_a_takeover() -> None:
    ms = code("Government troops raised the national flag over the town hall of Sarmin on Tuesday.")
    assert [m.event_type for m in ms] in (["Battles"], ["Strategic developments"])
    ms = code("Army units established control over Sarmin on Tuesday after heavy clashes.")
    assert kinds(ms) == ["Government regains territory"]


def test_the_strikes_of_an_air_story_are_air_strikes() -> None:
    text = (
        "Russian air strikes hit rebel areas of Homs province on Wednesday. "
        "An activist said 15 people died in strikes on Talbiseh."
    )
    ms = code(text)
    assert "Talbiseh" in {m.place.name for m in ms if m.sub_event_type == "Air/drone strike"}


def test_the_national_flag_hoisted_says_the_state_took_the_town() -> None:
    ms = code("The Syrian flag was hoisted over the council building of Tafas on Thursday.")
    assert kinds(ms) == ["Government regains territory"]
    assert code("Residents of Tafas hoisted the flag over the square on Thursday.") == []


def test_a_bomb_as_a_figure_or_a_weapon_of_a_strike_is_no_second_event() -> None:
    assert code("Officials in Hasakah call the camp a ticking time bomb.") == []
    ms = code("Loyalist forces bombed Douma with bombs and artillery on Tuesday.")
    assert "Remote explosive/landmine/IED" not in kinds(ms)


def test_an_attack_with_a_drone_is_an_air_strike() -> None:
    ms = code("Rebels attacked the outskirts of Sarmin using a combat drone on Tuesday.")
    assert kinds(ms) == ["Air/drone strike"]


def test_an_ambush_on_people_at_civilian_work_is_an_attack() -> None:
    text = "Five men were killed in an ambush while gathering truffles near Sukhnah on Tuesday."
    assert kinds(code(text)) == ["Attack"]
    assert kinds(code("Militants ambushed three shepherds near Sukhnah on Tuesday.")) == ["Attack"]
    # soldiers among the ambushed: the target fights back
    text = "Militants ambushed a bus carrying soldiers near Sukhnah on Tuesday."
    assert kinds(code(text)) == ["Armed clash"]


def test_a_takeover_by_force_is_a_capture() -> None:
    text = "Rebels took over the town of Sarmin by force on Tuesday."
    assert kinds(code(text)) == ["Non-state actor overtakes territory"]
    text = "Rebels took over the town of Sarmin on Tuesday after the army withdrew."
    assert kinds(code(text)) == ["Non-violent transfer of territory"]


def test_people_taken_away_by_armed_men_are_an_abduction() -> None:
    ms = code("Gunmen stormed a house in Sarmin on Tuesday and took the owner's son.")
    assert "Abduction/forced disappearance" in kinds(ms)
    ms = code("Militants seized three women from the village of Kafr Nabl on Tuesday.")
    assert kinds(ms) == ["Abduction/forced disappearance"]


def test_people_taken_to_safety_or_to_hospital_are_no_abduction() -> None:
    for text in (
        "Rescuers took five wounded men to a hospital in Sarmin on Tuesday.",
        "Buses took 300 people out of Sarmin on Tuesday.",
        "It took the men three days to reach Sarmin on Tuesday.",
    ):
        assert "Abduction/forced disappearance" not in kinds(code(text)), text
