"""Events the coder used to miss, by reporting pattern (code/recall.py; invented sentences)."""

from __future__ import annotations

import pytest

from coding import code, kinds

pytestmark = pytest.mark.slow


def test_a_one_word_airstrike_is_read() -> None:
    """ "airstrike" as one word is a trigger like "air strike"."""
    ms = code("A Turkish airstrike on Tuesday destroyed a bakery in the town of Ras al-Ain.")
    assert kinds(ms) == ["Air/drone strike"]
    assert ms[0].actor1 is not None and ms[0].actor1.side == "turkey"


def test_the_weapon_as_subject_of_an_impact_verb_owns_the_verbs_place() -> None:
    far = (
        "On Monday, an Israeli airstrike leveled an office building that stood next to the old "
        "courthouse in the northern city of Aleppo."
    )
    ms = code(far)
    assert kinds(ms) == ["Air/drone strike"]
    assert ms[0].place.name == "Aleppo"
    # the same noun in a clause of its own, with no verb of impact, is no event on its own
    bare = (
        "On Monday, officials discussed the Israeli airstrike and the damage it left across "
        "the region around the old courthouse in the northern city of Aleppo."
    )
    assert kinds(code(bare)) == []


def test_a_repeated_action_told_by_its_frequency_is_no_event() -> None:
    daily = "Rebels in Hama were backed by near daily Turkish airstrikes on the town of Kafr Zita."
    assert kinds(code(daily)) == []
    once = "Rebels in Hama were backed by Turkish airstrikes on the town of Kafr Zita on Monday."
    assert kinds(code(once)) == ["Air/drone strike"]
