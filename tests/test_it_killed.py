"""A killing told with a bare "it" right after a strike (passes.it_killed_after_a_strike;
invented sentences)."""

from __future__ import annotations

import pytest

from coding import code, kinds, passes
from warwire.code.passes import PASSES, it_killed_after_a_strike

pytestmark = pytest.mark.slow

LEAD = (
    "Artillery shelling hit the Ghab plain in Hama province on Tuesday, a monitor said. "
    "The monitor said the attack also wounded 12 people in several villages of the plain. "
)
PER_VILLAGE = (
    "It said it killed four members of one family in Kafr Nabudah village, three men in "
    "Qalaat al-Madiq village and a woman in Hawash village."
)


VILLAGES = {"Kafr Nabudah", "Qalat al-Madiq", "al-Huwash"}


def _at_villages(ms: list) -> list:
    return [m for m in ms if m.place is not None and m.place.name in VILLAGES]


def _villages(ms: list) -> list[str]:
    return sorted(m.place.name for m in _at_villages(ms))


def test_it_after_a_shelling_is_the_shelling_at_each_village() -> None:
    ms = code(LEAD + PER_VILLAGE)
    assert len(_villages(ms)) == 3
    assert all(m.sub_event_type == "Shelling/artillery/missile attack" for m in _at_villages(ms))
    # without the pass the bare "it" names no killer and the villages go uncoded
    without = tuple(p for p in PASSES if p is not it_killed_after_a_strike)
    with passes(without):
        assert _villages(code(LEAD + PER_VILLAGE)) == []


def test_it_of_the_attack_in_an_air_strike_story() -> None:
    lead = (
        "Seven civilians were killed by government forces in Idlib province on Tuesday. "
        "A monitor said the attack also wounded ten people in the south of the province. "
    )
    tail = " A photograph showed a house destroyed by an air strike."
    ms = _at_villages(code(lead + PER_VILLAGE + tail))
    assert kinds(ms) == ["Air/drone strike"] * 3


def test_it_of_an_armed_group_is_no_strike() -> None:
    """ "The Islamic State said it killed ...": "it" is the group, not the shelling."""
    text = LEAD + (
        "The Islamic State group said it killed four soldiers in Kafr Nabudah village and "
        "three in Hawash village."
    )
    assert "Shelling/artillery/missile attack" not in kinds(_at_villages(code(text)))


def test_it_with_no_strike_before_stays_a_bare_toll() -> None:
    text = "A monitor reported on Tuesday on the situation in Hama province. " + PER_VILLAGE
    assert _villages(code(text)) == []
