"""The article passes: what an article's mentions go through once every sentence is coded
(invented mentions and sentences)."""

from __future__ import annotations

from coding import code
from warwire.code import passes as ps
from warwire.code.coder import ArticleCoder
from warwire.records import Mention


def _m(sub: str, summary: bool = False) -> Mention:
    return Mention(
        id="", article="a", event_type="", sub_event_type=sub, day=None, place=None,
        summary=summary,
    )  # fmt: skip


def test_a_roll_up_of_a_type_told_action_by_action_is_dropped() -> None:
    roll_up, strike = _m("Air/drone strike", summary=True), _m("Air/drone strike")
    assert ps.roll_ups_broken_down([roll_up, strike]) == [strike]


def test_a_roll_up_of_a_type_told_nowhere_else_stands() -> None:
    roll_up, clash = _m("Air/drone strike", summary=True), _m("Armed clash")
    assert ps.roll_ups_broken_down([roll_up, clash]) == [roll_up, clash]


def test_the_coder_folds_retold_mentions_through_its_article_passes() -> None:
    text = (
        "Helicopters dropped barrel bombs on a market in Saraqib on Tuesday. Government forces "
        "killed at least 20 civilians in Saraqib on Tuesday, activists said."
    )
    assert len(code(text)) == 1  # the dead are the strike's (outcomes.one_outcome)
    old = ArticleCoder.article_passes
    ArticleCoder.article_passes = ()
    try:
        assert len(code(text)) == 2
    finally:
        ArticleCoder.article_passes = old


def test_a_folded_mention_leaves_its_evidence_once() -> None:
    from warwire.records import Claim, Evidence

    keep, other = _m("Air/drone strike"), _m("Attack")
    shared, own = Evidence("a", 0, 10, "Jets struck."), Evidence("a", 11, 30, "Ten died.")
    keep.evidence, other.evidence = [shared], [shared, own]
    other.claims = [Claim("fatalities", 10, "a")]
    keep.add_evidence_of(other)
    keep.add_evidence_of(other)
    assert keep.evidence == [shared, own] and keep.claims == other.claims
