"""Summaries and descriptions are not events (invented sentences).

Each test pairs the summary with the same action reported as news, so that a filter that
dropped everything would fail too.
"""

from __future__ import annotations

import pytest

from coding import code, kinds, without
from warwire.code import passes as ps

pytestmark = pytest.mark.slow


def test_an_action_measured_over_weeks_is_a_summary() -> None:
    assert code("Jets have pounded Sarmin for weeks, residents say.") == []
    assert code("The army has escalated its shelling of Sarmin in recent weeks.") == []
    text = "For over five years the old quarter of Sarmin had been shelled by the army."
    assert code(text) == []
    assert kinds(code("Jets pounded Sarmin on Tuesday, residents say.")) == ["Air/drone strike"]


def test_a_span_from_a_month_or_a_year_is_a_summary() -> None:
    text = "Since mid-January the coalition launched nearly 40 air strikes on Sarmin."
    assert code(text) == []
    text = "Sarmin has been ruined by fighting since the rebels seized it in 2013."
    assert code(text) == []
    text = "The coalition launched nearly 40 air strikes on Sarmin on Tuesday."
    assert kinds(code(text)) == ["Air/drone strike"]


def test_a_dated_action_compared_with_recent_weeks_is_news() -> None:
    text = "Tuesday's car bombing in Sarmin was the third in recent weeks."
    assert code(text) != []


def test_a_campaign_toll_to_date_is_no_event() -> None:
    text = "During the army's offensive on Sarmin, at least 90 soldiers have been killed."
    assert code(text) == []
    text = (
        "The monitor said that during its push toward Sarmin that began on February 2, at least "
        "90 regime forces and 60 members of the militia have been killed."
    )
    assert code(text) == []
    text = "The monitor said at least 90 soldiers were killed in fighting in Sarmin on Tuesday."
    assert code(text) != []


def test_a_vague_recent_action_is_background() -> None:
    text = (
        "Leaders discussed the situation in Idlib province, where an army convoy has recently "
        "suffered an attack, officials said."
    )
    assert code(text) == []
    text = "An army convoy came under attack in Idlib province on Tuesday, officials said."
    assert code(text) != []


def test_a_group_described_by_what_it_did_is_no_event() -> None:
    text = (
        "Under the deal, militants from the Nusra group, who fought on the side of the brigade, "
        "will also go to Idlib province."
    )
    assert code(text) == []
    text = "Militants from the group, who stormed a checkpoint in Sarmin on Tuesday, left the town."
    assert code(text) != []


def test_fighting_that_people_fled_is_no_event() -> None:
    text = "The UN said 20,000 people had fled fighting in Idlib province on Tuesday."
    assert code(text) == []
    assert code("Thousands of civilians flee fighting south of Idlib province") == []
    text = "Heavy fighting raged in Idlib province on Tuesday, the UN said."
    assert code(text) != []


def test_a_place_in_a_name_or_a_fear_is_not_where_it_happened() -> None:
    text = 'Rebels are battling the militants in an alliance called "Dawn of Sarmin".'
    assert code(text) == []
    text = (
        "The militants have looted museums elsewhere, and experts fear the same fate awaits "
        "the ruins of Sarmin."
    )
    assert code(text) == []
    assert code("The militants looted the museum of Sarmin on Tuesday.") != []


def test_last_month_is_history() -> None:
    assert code("Last month the rebels seized the town of Sarmin.") == []
    assert code("On Tuesday the rebels seized the town of Sarmin.") != []


def test_a_span_hung_from_a_misread_word_of_the_object_list_still_sums_up() -> None:
    # "IS" in the object list is read as a verb, and the span hangs from that false clause
    text = "Russian jets have struck Sarmin and nearby IS bases for months as part of the push."
    assert code(text) == []
    assert code("Turkish drones have hit Sarmin and the nearby IS depots for weeks.") == []
    # the same strikes told as news of one day, or with their toll, are coded
    text = "Russian jets struck Sarmin and nearby IS bases on Monday as part of the push."
    assert kinds(code(text)) == ["Air/drone strike"]
    text = "Russian jets have struck Sarmin and nearby IS bases, killing 12 fighters."
    assert kinds(code(text)) == ["Air/drone strike"]
    # a coordinated verb of its own is still a clause of its own
    text = "Rebels have held Sarmin for years and captured the town of Ariha on Monday."
    assert kinds(code(text)) == ["Non-state actor overtakes territory"]


def test_the_summary_pass_is_what_drops_them() -> None:
    text = "Jets have pounded Sarmin for weeks, residents say."
    assert code(text) == []
    assert kinds(without(ps.summary_is_no_event, text)) == ["Air/drone strike"]


def test_a_campaign_measured_in_weeks_is_no_days_action() -> None:
    text = "The army pressed its three-week assault on the enclave near Sarmin on Tuesday."
    assert code(text) == []
    text = "The army pressed its assault on the enclave near Sarmin on Tuesday."
    assert code(text) != []


def test_a_name_followed_by_who_is_a_person() -> None:
    text = (
        "Ariha al-Ahmad, who blamed Russian warplanes, said that residential neighbourhoods had "
        "been hit by rocket-propelled grenades."
    )
    assert code(text) == []
    text = "Residential neighbourhoods of Ariha were hit by rocket-propelled grenades on Tuesday."
    assert code(text) != []


def test_a_group_described_by_what_it_had_done_is_its_back_story() -> None:
    text = (
        "The monitor said the rebels had retaken most of Sarmin from government forces, who "
        "had recaptured the town of Ariha on March 2."
    )
    assert "Government regains territory" not in kinds(code(text))
    assert "Government regains territory" in kinds(without(ps.summary_is_no_event, text))
    news = "Government forces, who recaptured the town of Ariha on Tuesday, shelled Sarmin."
    assert "Government regains territory" in kinds(code(news))


@pytest.mark.parametrize(
    "sentence, perfect, present",
    [
        ("Jets have pounded the town.", True, True),
        ("The town has been shelled.", True, True),
        ("The town had been shelled.", True, False),
        ("Jets pounded the town.", False, False),
    ],
)
def test_the_perfect_and_the_present_perfect_read_the_same_auxiliary(
    sentence: str, perfect: bool, present: bool
) -> None:
    from warwire.code.summaries import _perfect, present_perfect
    from warwire.read.nlp import load_nlp

    [verb] = [t for t in load_nlp()(sentence) if t.dep_ == "ROOT"]
    assert (_perfect(verb), present_perfect(verb)) == (perfect, present)
