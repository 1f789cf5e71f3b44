"""Takeovers under a deal, lists continued by "in addition to", prevented actions (invented
sentences)."""

from __future__ import annotations

import pytest

from coding import code, kinds, without
from warwire.code import passes as ps

pytestmark = pytest.mark.slow

HANDED = "Non-violent transfer of territory"
REGAINED = "Government regains territory"


def test_a_takeover_under_a_deal_with_the_holders_is_a_handover() -> None:
    text = (
        "Government troops took control of the town of Tal Rifaat on Tuesday. "
        "The troops moved into Tal Rifaat after striking a deal with the Kurdish-led forces "
        "that held it, the monitor said."
    )
    assert kinds(code(text)) == [HANDED]
    # the pass is what makes it one
    assert kinds(without(ps.takeover_under_a_deal_of_allies, text)) == [REGAINED]


def test_a_surrender_deal_after_an_offensive_stays_a_capture() -> None:
    text = (
        "Government troops took control of the town of Tal Rifaat on Tuesday. "
        "The rebels in Tal Rifaat agreed to surrender their weapons under a deal with Russia."
    )
    assert kinds(code(text)) == [REGAINED]


def test_a_deal_for_another_town_or_a_fought_takeover_is_no_handover() -> None:
    elsewhere = (
        "Government troops took control of the town of Tal Rifaat on Tuesday. "
        "A deal for the town of Manbij was struck in Moscow last month."
    )
    assert kinds(code(elsewhere)) == [REGAINED]
    fought = (
        "Government troops took control of the town of Tal Rifaat after fierce clashes on "
        "Tuesday. The troops moved into Tal Rifaat under a deal with the Kurdish-led forces."
    )
    assert HANDED not in kinds(code(fought))


def test_an_entry_kept_from_happening_is_no_event() -> None:
    """ "blocked them from entering X": the entry did not happen."""
    blocked = "Rebels blocked the troops from entering Tal Rifaat on Monday."
    assert code(blocked) == []
    entered = "The troops entered Tal Rifaat on Monday after heavy fighting with rebels."
    assert code(entered) != []


def test_places_after_in_addition_to_continue_the_list_of_places_taken() -> None:
    text = (
        "Activists said rebel fighters have managed to control the hill overlooking the "
        "crossing on Sunday, in addition to the village of Kafr Zita and the police posts in "
        "Kafr Nabl and Maarat al-Numan."
    )
    places = sorted(m.place.name for m in code(text))
    assert "Kafr Zita" in places and "Kafr Nabl" in places and len(places) >= 3
    # a second action after the phrase is not a place of the first
    other = (
        "Rebel fighters seized the village of Kafr Zita on Sunday, in addition to shelling "
        "the town of Kafr Nabl."
    )
    taken = [m.place.name for m in code(other) if m.event_type == "Battles"]
    assert taken == ["Kafr Zita"]


def test_a_place_named_by_called_or_after_a_colon_is_the_place_taken() -> None:
    """ "captured the eastern district called X", "were captured by the SDF: A and B": the
    name after "called" or the list after a colon is the object the parse hung elsewhere."""
    called = (
        "Sources confirmed that the fighters managed to enter and capture the entire eastern "
        "district of Idlib called Kafr Nabl on Tuesday."
    )
    assert [m.place.name for m in code(called)] == ["Kafr Nabl"]
    colon = (
        "Shortly after the announcement several villages were captured by the rebels on "
        "Tuesday: Kafr Nabl and Khan Shaykhun, south of Idlib."
    )
    assert sorted(m.place.name for m in code(colon)) == ["Kafr Nabl", "Khan Shaykhun"]
    # a name given to an operation is no place
    named = "The rebels launched an offensive on Tuesday called Dawn of Idlib."
    assert all(
        m.place is None or m.place.name != "Idlib" or m.geo_precision > 1 for m in code(named)
    )


def test_a_key_town_is_placed_where_a_later_sentence_names_its_capture() -> None:
    """ "Kurdish forces seized control of a key border town. ... The capture of X was the
    biggest setback": the lead names no town; the capture's own name a little on does."""
    text = (
        "Kurdish forces have seized control of a key border town from the militants on "
        "Monday, cutting a major supply line. Fighters waved their banners as troops looked "
        "on. The capture of Tal Abyad was the biggest setback yet, the monitor said."
    )
    ms = code(text)
    assert [(m.sub_event_type, m.place.name) for m in ms] == [
        ("Non-state actor overtakes territory", "Tell Abyad")
    ]
    fall = text.replace("The capture of Tal Abyad was", "Tal Abyad's fall was")
    assert [m.place.name for m in code(fall)] == ["Tell Abyad"]
    # a town named later without its capture is not the key town
    other = text.replace("The capture of Tal Abyad was", "A market in Tal Abyad was")
    assert code(other) == []
