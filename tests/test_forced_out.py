"""A takeover that forced the defenders out is a capture, not a handover (invented text)."""

from __future__ import annotations

import pytest

from coding import code, kinds
from warwire.code.forced_out import defenders_forced_out


@pytest.mark.parametrize(
    ("sentence", "forced"),
    [
        ("Troops seized the town, forcing the rebels to retreat further south.", True),
        ("Fighters drove the militants out of the village after a night of fighting.", True),
        ("The army took the hill to avoid being overrun from the east.", True),
        ("Rebels were forced to withdraw under an evacuation deal brokered by Russia.", False),
        ("The garrison withdrew from the town and the militia walked in.", False),
    ],
)
def test_defenders_forced_out(sentence: str, forced: bool) -> None:
    assert defenders_forced_out(sentence) is forced


def test_a_capture_that_forced_the_rebels_to_retreat_is_a_capture() -> None:
    ms = code(
        "Government forces seized the town of Kafr Zita on Wednesday, forcing the rebels to "
        "retreat further north in order to avoid being encircled."
    )
    assert kinds(ms) == ["Government regains territory"]


def test_a_withdrawal_under_a_deal_stays_a_handover() -> None:
    ms = code(
        "Government forces took over the town of Kafr Zita on Wednesday after the rebels "
        "withdrew under an evacuation deal."
    )
    assert kinds(ms) == ["Non-violent transfer of territory"]
