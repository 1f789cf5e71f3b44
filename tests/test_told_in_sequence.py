"""An action told as following another ("followed by warplanes bombing the town") is an
event of the story, not a description of the agent (invented text)."""

from __future__ import annotations

from coding import code


def test_a_strike_told_as_following_the_shelling_is_coded() -> None:
    ms = code(
        "Turkish forces entered the town of Jarabulus on Tuesday.\n\n"
        "The operation began early Tuesday with Turkish artillery pounding targets around "
        "Jarabulus, followed by coalition warplanes bombing the town."
    )
    assert "Air/drone strike" in {m.sub_event_type for m in ms}


def test_a_participle_describing_a_backer_is_still_no_event() -> None:
    ms = code(
        "The alliance, supported by coalition warplanes bombing militant positions, holds the "
        "north of the country."
    )
    assert "Air/drone strike" not in {m.sub_event_type for m in ms}
