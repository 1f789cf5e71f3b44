"""Typing from the codebook, not from CASE's snippets: behaviour on invented sentences.

A takeover alone is a capture; a capture becomes a handover when the place was left without
a fight, whether the same sentence or another sentence of the article says so. Riots,
group changes and crime are read from codebook-level wording.
"""

from __future__ import annotations

import pytest

from coding import code, kinds, without
from warwire.code.case2021 import Snippet, halves
from warwire.code.cues import cue_names
from warwire.code.kinds import quiet_withdrawal
from warwire.code.passes import takeover_after_withdrawal
from warwire.code.patterns import protest_type, worded_type

NVT = "Non-violent transfer of territory"


def test_a_takeover_alone_is_no_handover_cue() -> None:
    assert "handover" not in cue_names("The rebels took over the town of Falu on Monday.")
    assert "handover" in cue_names("The garrison withdrew from the town under a deal.")


@pytest.mark.parametrize(
    ("sentence", "quiet"),
    [
        ("All the rebel fighters had withdrawn from Sarmin by then.", True),
        ("The garrison pulled out of Sarmin overnight.", True),
        ("The rebels withdrew from Sarmin after three days of heavy fighting.", False),
        ("Sarmin was shelled all week.", False),
        ("Troops entered Sarmin on Monday.", False),
        ("The militants handed over their arms in Sarmin.", False),  # arms, not the place
    ],
)
def test_a_quiet_withdrawal_is_told_without_fighting(sentence: str, quiet: bool) -> None:
    assert quiet_withdrawal(sentence) is quiet


ARTICLE = (
    "Government forces took over the town of Sarmin in Idlib province on Tuesday. "
    "Residents said the rebel fighters had withdrawn from Sarmin the night before{how}."
)


def test_a_takeover_after_a_withdrawal_told_elsewhere_is_a_handover() -> None:
    text = ARTICLE.format(how="")
    assert NVT in kinds(code(text))
    assert NVT not in kinds(without(takeover_after_withdrawal, text))


def test_a_retreat_under_fire_told_elsewhere_leaves_a_capture() -> None:
    ms = code(ARTICLE.format(how=" after heavy clashes"))
    assert NVT not in kinds(ms)
    assert "Government regains territory" in kinds(ms)


def test_a_takeover_by_force_stays_a_capture_whatever_the_article_says() -> None:
    text = (
        "Government forces stormed and took over the town of Sarmin in Idlib province on "
        "Tuesday. The rebel fighters had withdrawn from Sarmin the night before."
    )
    assert NVT not in kinds(code(text))


def test_a_crowd_that_blocks_roads_with_barricades_is_a_violent_demonstration() -> None:
    assert protest_type("Protesters blocked the main roads with barricades.") == (
        "Violent demonstration"
    )
    assert protest_type("Protesters marched through the capital.") == "Peaceful protest"


def test_troop_movements_are_a_change_to_group_activity() -> None:
    assert worded_type("The army reported a military build-up near the border.") == (
        "Change to group/activity"
    )
    assert worded_type("The minister spoke about the economy.") is None


def test_split_halves_are_stratified_complementary_and_fixed() -> None:
    snips = [Snippet(i, "", "A" if i % 3 else "B") for i in range(41)]
    one = halves(snips, 7)
    assert one == halves(list(snips), 7)
    other = [i for i in range(41) if i not in set(one)]
    for lab in ("A", "B"):
        a = sum(snips[i].case_label == lab for i in one)
        b = sum(snips[i].case_label == lab for i in other)
        assert abs(a - b) <= 1
    assert halves(snips, 8) != one
