"""A toll told of "the attack" a few sentences after the one attack coded, past sentences of
comment or quotes that code nothing, completes that attack (invented text)."""

from __future__ import annotations

from coding import code

STRIKE = "Warplanes struck a residential building in the village of Kafr Dal on Monday."
ASIDE = "The jets came from the north. The ministry said the raid was a response to threats."


def test_a_later_toll_of_the_attack_completes_it() -> None:
    ms = code(f"{STRIKE} {ASIDE}\n\nDuring the attack, three civilians died.")
    [m] = [m for m in ms if m.sub_event_type == "Air/drone strike"]
    assert m.fatalities == 3


def test_a_toll_that_does_not_name_the_attack_stays_apart() -> None:
    ms = code(f"{STRIKE} {ASIDE}\n\nThree civilians died in the winter cold.")
    [m] = [m for m in ms if m.sub_event_type == "Air/drone strike"]
    assert m.fatalities is None


def test_a_toll_far_from_the_attack_stays_apart() -> None:
    far = " ".join(f"Talks in the capital went on for day {n}." for n in range(5))
    ms = code(f"{STRIKE} {far}\n\nDuring the attack, three civilians died.")
    [m] = [m for m in ms if m.sub_event_type == "Air/drone strike"]
    assert m.fatalities is None


def test_a_toll_told_for_each_place_goes_to_each_place() -> None:
    ms = code(
        "Jets bombed the towns of Kafr Nabl and Saraqib on Monday, and 23 died in Kafr Nabl "
        "and 8 in Saraqib, the monitor said."
    )
    assert {(m.place.name, m.fatalities) for m in ms} == {("Kafr Nabl", 23), ("Saraqib", 8)}
    ms = code("Warplanes hit Kafr Nabl and Saraqib on Monday, killing 9 people at Kafr Nabl "
              "and 4 at Saraqib.")  # fmt: skip
    assert {(m.place.name, m.fatalities) for m in ms} == {("Kafr Nabl", 9), ("Saraqib", 4)}


def test_a_toll_told_once_for_several_places_stays_no_ones() -> None:
    ms = code("Air strikes on Kafr Nabl and Saraqib killed 30 people on Monday.")
    assert {(m.place.name, m.fatalities) for m in ms} == {("Kafr Nabl", None), ("Saraqib", None)}


def test_a_later_count_of_a_tolled_attack_is_a_rival_claim_not_more_dead() -> None:
    ms = code(
        "Air strikes on the village of Kafr Dal killed at least 40 civilians on Monday. "
        "Residents blamed the coalition. The monitor said at least 25 civilians were killed "
        "in the strikes, which also wounded dozens."
    )
    [m] = [m for m in ms if m.sub_event_type == "Air/drone strike"]
    assert m.fatalities == 40
    assert sorted(c.value for c in m.claims if c.field == "fatalities") == [25, 40]
