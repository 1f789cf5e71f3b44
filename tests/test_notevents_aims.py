"""Not events read from the sentence's structure: a capture named as an aim, a noun joined to
an order, what a picture-taker pictured, a former state, a protest that explains an arrest,
and men seized in a fight (invented sentences).

Each test pairs the not-event with the same action reported as news, so that a filter that
dropped everything would fail too.
"""

from __future__ import annotations

import pytest

from coding import code, kinds, without
from warwire.code import passes as ps

pytestmark = pytest.mark.slow


def test_a_capture_named_as_the_aim_is_not_a_capture() -> None:
    aim = "Tanks and heavy artillery were used by the troops to recapture the town of Sarmin."
    assert "Government regains territory" not in kinds(code(aim))
    done = "The troops managed to recapture the town of Sarmin on Tuesday."
    assert kinds(code(done)) == ["Government regains territory"]


def test_a_noun_joined_to_an_order_is_speech() -> None:
    order = 'The governor told the crowd in Sarmin on Tuesday: "Go ahead and protest."'
    assert "Peaceful protest" not in kinds(code(order))
    news = "Hundreds of people staged a protest in Sarmin on Tuesday."
    assert kinds(code(news)) == ["Peaceful protest"]


def test_what_a_photographer_pictured_is_not_an_event() -> None:
    text = (
        "Rebels captured Sarmin on Tuesday. A local man took photos of the ruined shops, of "
        "the wounded, and of the fighting as it raged."
    )
    assert kinds(code(text)) == ["Non-state actor overtakes territory"]
    told = "Rebels clashed with troops in Ariha on Tuesday, a local man said."
    assert kinds(code(told)) == ["Armed clash"]


def test_an_action_in_a_clause_of_former_state_describes_the_place() -> None:
    text = (
        "Troops entered the old quarter of Sarmin on Tuesday after a deal, the quarter once "
        "seen as the cradle of the demonstrations against the government."
    )
    assert "Peaceful protest" not in kinds(code(text))
    news = "Hundreds of people held demonstrations against the government in Sarmin on Tuesday."
    assert "Peaceful protest" in kinds(code(news))


def test_a_protest_that_explains_an_arrest_is_background() -> None:
    text = (
        "Police arrested 12 men in Sarmin on Tuesday. The detained men were involved in "
        "protests against the governor in Ariha."
    )
    assert kinds(code(text)) == ["Arrests"]
    news = "Police arrested 12 men in Sarmin on Tuesday. Hundreds held protests in Ariha."
    assert "Peaceful protest" in kinds(code(news))


def test_men_seized_in_a_fight_are_its_captives() -> None:
    text = "Local gunmen stormed an army checkpoint in Sarmin on Tuesday and arrested its members."
    assert "Arrests" not in kinds(code(text))
    assert "Arrests" in kinds(without(ps.captives_of_a_fight, text))
    raid = "Police raided a house in Sarmin on Tuesday and arrested two brothers."
    assert "Arrests" in kinds(code(raid))


def test_bombing_summed_up_in_the_perfect_over_a_province_is_no_event() -> None:
    for summary in (
        "Government forces have waged a large ground offensive against Hama province.",
        "Government jets have bombed Hama province, residents say.",
    ):
        assert code(summary) == []
        assert kinds(without(ps.perfect_over_an_area_is_a_summary, summary)) != []
    # a toll, a town or a day makes it news; so does a single act done
    assert code("Air strikes have killed 12 civilians in Idlib province.") != []
    assert code("Government forces have shelled the town of Sarmin in Idlib province.") != []
    assert code("Government forces have broken the siege of Idlib.") != []


def test_men_giving_themselves_up_hand_over_no_territory() -> None:
    besieged = (
        "Thirty soldiers handed themselves over to the rebels on Tuesday after a two-day "
        "siege of their post in the village of Sarmin."
    )
    assert kinds(code(besieged)) == ["Armed clash"]
    assert "Non-violent transfer of territory" in kinds(
        without(ps.surrender_is_no_handover, besieged)
    )
    town = "The rebels handed over the town of Sarmin to the army on Tuesday under a deal."
    assert kinds(code(town)) == ["Non-violent transfer of territory"]


def test_where_a_movement_came_from_or_went_is_not_the_action_place() -> None:
    from_ = (
        "The militants had crossed into the town of Sarmin from the city of Ariha at dawn on "
        "Tuesday, after which they carried out a suicide attack."
    )
    assert [m.place.name for m in code(from_) if m.place] == ["Sarmin"]
    heading = "A convoy was attacked on Tuesday while heading to a military post in Ariha."
    assert all(m.place is None or m.place.name != "Ariha" for m in code(heading))
    there = "A convoy was attacked on Tuesday at a military post in Ariha."
    assert [m.place.name for m in code(there) if m.place] == ["Ariha"]


def test_a_perfect_summary_stays_one_when_the_day_or_toll_is_not_its_own() -> None:
    # the day belongs to the fleeing clause, the toll is a vague plural: still a summary
    for summary in (
        "Government shelling has emptied large parts of Hama province, with aid workers "
        "saying that 40,000 people have fled their homes between 2 and 8 March.",
        "Government jets have heavily bombed Hama province, killing scores of civilians, "
        "monitors said.",
    ):
        assert code(summary) == []
        assert kinds(without(ps.perfect_over_an_area_is_a_summary, summary)) != []
    # the day in its own clause, a counted toll, or one act done make it news
    assert code("Government jets have bombed Hama province on Monday, monitors said.") != []
    assert code("Government jets have bombed Hama province, killing 14 civilians.") != []
    seized = "Militants have seized an army base in Hama province, killing scores of soldiers."
    assert code(seized) != []


def test_an_operation_whose_aim_is_a_capture_is_no_capture() -> None:
    goes_on = "The army continues the operation to liberate the district of Jobar, a channel said."
    assert "Government regains territory" not in kinds(code(goes_on))
    launched = "Rebels launched an offensive to retake the town of Sarmin."
    assert "Non-state actor overtakes territory" not in kinds(code(launched))
    done = "The army continued to advance and recaptured the district of Jobar on Tuesday."
    assert "Government regains territory" in kinds(code(done))
