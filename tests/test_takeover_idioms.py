"""How a completed takeover is told besides "took the town" (invented text): the place
declared rid of its holders, troops done deploying in it, a flag raised where they moved in,
a strike told by the direction it came from."""

from __future__ import annotations

from coding import code, kinds

CAPTURES = {"Government regains territory", "Non-state actor overtakes territory"}


def captures_at(text: str) -> list[str]:
    return [m.place.name for m in code(text) if m.sub_event_type in CAPTURES and m.place]


def test_a_town_declared_free_of_its_holders_is_taken() -> None:
    assert captures_at("Saraqib was declared free of terrorists on Tuesday, state TV said.") == [
        "Saraqib"
    ]
    assert captures_at(
        "An officer said on Tuesday that Saraqib has been fully cleared of militants."
    )
    assert captures_at("Monitors said on Tuesday the town of Saraqib was now empty of IS fighters.")


def test_a_town_that_stays_or_will_be_free_of_fighters_is_no_event() -> None:
    assert captures_at("Saraqib remains free of terrorists, the governor said.") == []
    assert captures_at("Saraqib will be cleared of militants within days, an officer said.") == []
    assert captures_at("The square in Saraqib was cleared of rubble on Tuesday.") == []
    assert (
        captures_at(
            "When the sweep ends, we will be able to announce that Binnish has been fully "
            "cleared of gunmen, the officer said on Tuesday."
        )
        == []
    )


def test_a_deployment_completed_in_a_named_town_is_its_takeover() -> None:
    assert captures_at(
        "Troops have completed their deployment in the town of Binnish, the ministry said "
        "on Tuesday."
    ) == ["Binnish"]


def test_a_deployment_under_way_or_to_a_province_is_not() -> None:
    assert captures_at("Troops are completing their deployment in the town of Binnish.") == []
    assert (
        captures_at("Foreign troops completed their deployment in Idlib province on Tuesday.") == []
    )


def test_a_flag_raised_where_troops_moved_in_is_a_takeover() -> None:
    # "moved" can tell an aim ("moved to take the town"); moved INTO a place, it is the move
    assert captures_at(
        "The agency said on Tuesday that army troops had moved into the middle of "
        "Binnish where they raised the flag."
    ) == ["Binnish"]


def test_moving_to_take_a_town_is_still_an_aim() -> None:
    assert captures_at("Government forces moved on Tuesday to take the town of Saraqib.") == []


def test_attacked_from_the_air_is_an_air_strike() -> None:
    ms = code("A convoy of trucks was attacked from the air near Saraqib on Tuesday.")
    assert kinds(ms) == ["Air/drone strike"]
    ground = code("Gunmen attacked a convoy of trucks near Saraqib on Tuesday.")
    assert "Air/drone strike" not in kinds(ground)


def test_a_place_targeted_with_mortars_is_shelled() -> None:
    ms = code("Several quarters of Saraqib were targeted with mortars on Tuesday.")
    assert kinds(ms) == ["Shelling/artillery/missile attack"]


def test_anti_aircraft_guns_are_no_air_power() -> None:
    # guns named for their use against aircraft, fired on the ground: shelling, not a raid
    ms = code("Binnish was hit with mortars and anti-aircraft guns on Tuesday.")
    assert kinds(ms) == ["Shelling/artillery/missile attack"]
    jets = code("Binnish was hit with mortars and by aircraft on Tuesday.")
    assert "Air/drone strike" in kinds(jets)
