"""Tolls that name their own cause, that tell another incident, or one victim (invented)."""

from __future__ import annotations

from coding import code
from warwire.code.coder import separate_incident
from warwire.code.figures import sentence_figures
from warwire.code.scales import told_as_another
from warwire.read.numbers import find_numbers
from warwire.records import Evidence, Mention


def figures(sentence: str) -> list[tuple[str, int]]:
    return [
        (f.field, f.quantity.value) for f in sentence_figures(sentence, 0, find_numbers(sentence))
    ]


def test_a_toll_of_ground_fighting_is_not_a_strikes_toll() -> None:
    ms = code(
        "At least 60 soldiers died in fighting overnight, warplanes carried out air strikes "
        "on Monday in and around Saraqib, the monitor said."
    )
    air = [m for m in ms if m.sub_event_type == "Air/drone strike"]
    assert air and all(not m.fatalities for m in air)


def test_a_strikes_own_toll_stays_its_own() -> None:
    ms = code("Warplanes struck Saraqib on Monday, and 12 civilians died in the air strikes.")
    [m] = [m for m in ms if m.sub_event_type == "Air/drone strike"]
    assert m.fatalities == 12


def test_one_victim_as_the_object_of_the_killing() -> None:
    assert figures("A bomb hit an officer's car in the city, killing the officer.") == [
        ("fatalities", 1)
    ]
    assert figures("The raid killed a local commander of the group.") == [("fatalities", 1)]
    assert figures("The blast killed the officer's wife and two children.") == [("fatalities", 2)]


def test_a_separate_incident_is_no_follow_up() -> None:
    assert separate_incident("In a separate incident the same day, one person was killed.")
    assert separate_incident("Separately, two fighters died.")
    assert not separate_incident("In the incident, one person was killed.")
    ms = code(
        "A car bomb exploded in Saraqib on Monday, killing 15 people. "
        "In a separate incident the same day, two people were killed."
    )
    [m] = [m for m in ms if m.place and m.place.name == "Saraqib"]
    assert m.fatalities == 15 and [c.value for c in m.claims if c.field == "fatalities"] == [15]


def _m(text: str) -> Mention:
    return Mention("m", "a", "x", "y", None, None, evidence=[Evidence("a", 0, len(text), text)])


def test_an_action_told_as_another_is_no_retelling() -> None:
    assert told_as_another(_m("Another bomb targeted an officer's car in the city."))
    assert told_as_another(_m("A second car bomb went off in the market."))
    assert not told_as_another(_m("The bomb targeted an officer's car in the city."))
