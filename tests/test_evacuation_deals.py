"""Fighters evacuated from a town under a deal: a non-violent transfer (invented text)."""

from __future__ import annotations

from coding import code, kinds

TRANSFER = "Non-violent transfer of territory"


def _transfers(text: str) -> list:
    return [m for m in code(text) if m.sub_event_type == TRANSFER]


def test_evacuation_of_rebels_that_began_is_a_transfer() -> None:
    ms = _transfers(
        "The evacuation of rebels from Rastan began on Monday as green buses left the town."
    )
    assert ms and ms[0].place is not None and ms[0].place.name == "Rastan"


def test_a_rebel_evacuation_that_started_is_a_transfer() -> None:
    ms = _transfers("A rebel evacuation of Talbiseh started on Tuesday as a convoy headed north.")
    assert ms and ms[0].place is not None and ms[0].place.name == "Talbiseh"


def test_fighters_who_evacuated_a_town_hand_it_over() -> None:
    ms = _transfers(
        "Insurgents and their families have evacuated Zabadani and moved to Idlib, "
        "state television said on Sunday."
    )
    assert ms and ms[0].place is not None and "Zabadani" in ms[0].place.name


def test_fighters_evacuated_from_a_town_by_the_passive() -> None:
    ms = _transfers("Hundreds of fighters were evacuated from Rastan on Sunday under the deal.")
    assert ms and ms[0].place is not None and ms[0].place.name == "Rastan"


def test_patients_evacuated_are_no_transfer() -> None:
    text = "More than 100 patients were evacuated from Rastan on Friday by the Red Crescent."
    assert TRANSFER not in kinds(code(text))


def test_an_evacuation_argued_over_in_talks_has_not_happened() -> None:
    text = (
        "The talks ended on Monday without results because of a disagreement on the "
        "evacuation of rebels from Zabadani."
    )
    assert TRANSFER not in kinds(code(text))


def test_an_evacuation_still_to_come_is_no_transfer() -> None:
    text = "Rebels will be evacuated from Rastan next week under the agreement, officials said."
    assert TRANSFER not in kinds(code(text))
