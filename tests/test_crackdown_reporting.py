"""How protest crackdowns are reported (invented sentences): crowd-control weapons turned on a
crowd (triggers.crowd_fired_on), a lead that names its place only in the next sentence
(recall.delayed_lede_place), a killing under a crackdown headline
(passes.killing_in_a_crackdown_story) and a movement's origin story (summaries.origin_story).
"""

from __future__ import annotations

import pytest

from coding import code, kinds, without
from warwire.code.passes import lead_placed_by_the_next_sentence
from warwire.code.triggers import find_triggers
from warwire.read.nlp import load_nlp

pytestmark = pytest.mark.slow

FORCE = "Excessive force against protesters"
INTERVENTION = "Protest with intervention"


def _kinds_of(sentence: str) -> list[str]:
    return [t.kind for t in find_triggers(load_nlp()(sentence)[:])]


@pytest.mark.parametrize(
    "sentence",
    [
        "Police fired tear gas and rubber bullets at demonstrators outside the town hall.",
        "Troops used teargas to disperse hundreds of mourners after the funeral.",
        "Soldiers fired live ammunition into the crowd on the main square.",
    ],
)
def test_crowd_control_weapons_on_a_crowd_are_a_protest(sentence: str) -> None:
    assert "protest" in _kinds_of(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Soldiers fired live rounds into the air at the wedding.",
        "The army fired two rockets at the hill overnight.",
    ],
)
def test_weapons_fired_at_no_crowd_are_no_protest(sentence: str) -> None:
    assert "protest" not in _kinds_of(sentence)


LEDE = (
    "Security forces on Tuesday fired tear gas and live rounds at protesters who had camped "
    "out in a main square of the country's third largest city. "
    "A witness said police had ordered the crowd to leave the square in the centre of Idlib. "
)


def test_a_lede_without_a_place_is_at_the_town_of_the_next_sentence() -> None:
    ms = [m for m in code(LEDE) if m.sub_event_type == FORCE]
    assert [m.place.name for m in ms if m.place] == ["Idlib"]
    assert ms[0].day is not None and str(ms[0].day.date) == "2021-03-09"
    # without the pass the lede has no place and is not coded
    assert FORCE not in kinds(without(lead_placed_by_the_next_sentence, LEDE))


def test_the_next_sentence_naming_two_towns_leaves_the_lede_open() -> None:
    text = LEDE.replace("centre of Idlib", "centre of Idlib and in Saraqib")
    assert FORCE not in kinds(code(text))


def test_a_nationwide_lede_is_not_placed_by_the_next_sentence() -> None:
    text = (
        "As many as 20 protesters have been killed in rallies across the country this month. "
        "The latest attack by security forces took place in Idlib on Tuesday. "
    )
    ms = code(text)
    assert not any(m.day is not None and m.day.date.month == 2 for m in ms)
    assert not any("rallies" in m.evidence[0].text and m.place is not None for m in ms)


def test_a_copy_of_the_headline_is_no_lede() -> None:
    title = "Army base seized in the north"
    text = (
        f"World News {title}\n"
        "Militants seized an army base in Idlib province on Tuesday after two days of fighting."
    )
    ms = code(text, title=title)
    assert all("World News" not in m.evidence[0].text for m in ms)


CRACKDOWN = (
    "Security forces killed 12 people on Tuesday in the city of Idlib, witnesses said. "
    "Five were killed when police fired on protesters who gathered after prayers. "
)


def test_a_killing_under_a_crackdown_headline_is_force_on_the_protest() -> None:
    ms = code(CRACKDOWN, title="Twelve dead as protests are put down")
    assert kinds(ms) == [FORCE]
    assert ms[0].fatalities == 12


def test_the_same_killing_under_another_headline_stays_an_attack() -> None:
    assert "Attack" in kinds(code(CRACKDOWN, title="Security forces kill twelve in Idlib"))


def test_an_origin_story_is_no_event() -> None:
    text = (
        "Troops shelled the town of Saraqib on Tuesday, killing four civilians. "
        "The unrest in the province was sparked after teenagers painted slogans on a wall "
        "and were detained by police."
    )
    assert kinds(code(text)) == ["Shelling/artillery/missile attack"]


def test_a_dated_cause_is_still_told() -> None:
    text = "An air strike on the market of Saraqib on Tuesday killed six and sparked protests."
    assert "Air/drone strike" in kinds(code(text))
