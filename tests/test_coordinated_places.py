"""Coordinated objects of one action each give a place (invented text)."""

from __future__ import annotations

from coding import code


def test_places_under_two_coordinated_class_nouns_are_all_taken() -> None:
    ms = code(
        "Government forces seized the city of Saraqib and the towns of Kafr Nabl and Sarmin "
        "on Tuesday."
    )
    caps = sorted(m.place.name for m in ms if m.place and m.sub_event_type.endswith("territory"))
    assert caps == ["Kafr Nabl", "Saraqib", "Sarmin"]
