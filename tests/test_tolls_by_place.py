"""A sentence that lists its tolls place by place gives each place its own (invented text)."""

from __future__ import annotations

from coding import code
from warwire.code.figures import sentence_figures
from warwire.read.numbers import find_numbers


def figures(sentence: str) -> list[tuple[str, int]]:
    return [
        (f.field, f.quantity.value) for f in sentence_figures(sentence, 0, find_numbers(sentence))
    ]


def test_groups_listed_at_their_places_under_one_verb() -> None:
    s = "It killed four of one family in Kafr Nabl, three boys in Saraqib and a man in Binnish."
    assert figures(s) == [("fatalities", 4), ("fatalities", 3)]
    s = "It killed four of a family in Kafr Nabl, three boys in Saraqib and another boy in Binnish."
    assert figures(s) == [("fatalities", 4), ("fatalities", 3), ("fatalities", 1)]


def test_a_count_after_a_comma_with_no_place_is_no_group() -> None:
    assert figures("Jets killed 15 civilians in Saraqib, 12 of them children.") == [
        ("fatalities", 15)
    ]


def test_each_place_of_the_list_takes_its_own_toll() -> None:
    ms = code(
        "Shelling hit villages of the Ghab plain on Monday. It killed four members of one "
        "family in Kafr Nabl, three boys in Saraqib and another boy in Binnish."
    )
    tolls = {m.place.name: m.fatalities for m in ms if m.place and m.place.name != "Ghab"}
    assert tolls == {"Kafr Nabl": 4, "Saraqib": 3, "Binnish": 1}


def test_a_comma_splice_of_place_tolls_gives_the_action_only_its_place() -> None:
    ms = code(
        "Turkish artillery pounded the border on Monday. Among the dead, six people, including "
        "a family of three, died in shelling in Tal Abyad, two farmers were killed in Qamishli, "
        "and one other civilian in Ras al-Ain."
    )
    [m] = [m for m in ms if m.place and m.place.name in {"Tal Abyad", "Tell Abyad"}]
    assert m.fatalities == 6


def test_the_toll_of_an_operations_first_hours_is_not_the_last_events() -> None:
    ms = code(
        "Turkish shells hit the town of Tal Abyad on Monday, killing five civilians. "
        "At least 19 Kurdish fighters were killed in the early hours of the Turkish offensive."
    )
    [m] = [m for m in ms if m.place and m.place.name in {"Tal Abyad", "Tell Abyad"}]
    assert m.fatalities == 5
    assert figures("Nine were killed in the first days of the operation, the monitor said.") == []


def tolls(text: str) -> dict[str, int | None]:
    return {m.place.name: m.fatalities for m in code(text) if m.place}


def test_a_count_told_at_one_of_the_struck_places_is_that_places_toll() -> None:
    # figures.toll_at_place: the count right before a naming of the place
    # (toll_told_at_each_place), though a toll told once for both would go to neither
    text = "Russian jets struck Kafr Nabl and Saraqib on Monday, and 46 people died in Kafr Nabl."
    assert tolls(text) == {"Kafr Nabl": 46, "Saraqib": None}
    shared = "Russian jets struck Kafr Nabl and Saraqib on Monday, killing 57 people."
    assert tolls(shared) == {"Kafr Nabl": None, "Saraqib": None}


def test_counts_told_at_each_struck_place_go_each_to_its_own() -> None:
    text = (
        "Russian jets struck Kafr Nabl and Saraqib on Monday, and 46 people died in Kafr Nabl "
        "and 11 in Saraqib."
    )
    assert tolls(text) == {"Kafr Nabl": 46, "Saraqib": 11}
