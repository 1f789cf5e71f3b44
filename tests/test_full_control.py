"""A side declaring full control of a named place reports a capture (invented text)."""

from __future__ import annotations

from coding import code, kinds


def test_declared_full_control_after_a_battle_is_a_capture() -> None:
    ms = code(
        "Rebels said they were in full control of the town of Saraqib on Tuesday following "
        "a bloody battle with government forces."
    )
    caps = [m for m in ms if m.sub_event_type == "Non-state actor overtakes territory"]
    assert caps and caps[0].place is not None and caps[0].place.name == "Saraqib"


def test_who_holds_a_town_is_no_event() -> None:
    assert kinds(code("The rebels are in control of the town of Saraqib.")) == []
