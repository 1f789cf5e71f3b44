"""Not events: sentences that name an action without reporting it (invented sentences).

Each test pairs a not-event with the same action reported as news, so that a filter that
dropped everything would fail too.
"""

from __future__ import annotations

import datetime as dt

import pytest

from coding import code, kinds

pytestmark = pytest.mark.slow


def test_a_credited_photo_caption_is_not_an_event() -> None:
    assert (
        code("Fighters stand near a tank burnt in the shelling of Ariha (Photo: Agency/Name)") == []
    )
    assert code("A building destroyed by an air strike in Ariha | Photo: Agency") == []
    # a credit left at the head of the lead by a scrape captions nothing
    told = "At least 18 civilians were killed when a missile struck Ariha on Monday"
    assert code(f"(Photo: Agency) {told}.") != []
    assert code(f"{told} (Photo: Agency)") == []
    # a caption without a credit may be the only report of a dated strike
    ms = code("A warplane carries out an air raid on the airbase near Saraqeb, March 9, 2021.")
    assert kinds(ms) == ["Air/drone strike"]


def test_what_a_picture_shows_is_not_an_event() -> None:
    assert code("Video footage showed a column of trucks being attacked near Ariha.") == []
    assert code("A huge explosion is seen in the video posted from Saraqeb on Tuesday.") == []
    assert code("Warplanes attacked a column of trucks near Ariha on Tuesday.") != []
    assert code("VIDEO: Rebels seize Sarmin after heavy fighting") != []  # a label


def test_a_denial_is_not_an_event() -> None:
    assert code("The rebels denied carrying out the attack on the village of Sarmin.") == []
    news = "Rebels carried out an attack on an army checkpoint in Sarmin on Tuesday."
    assert code(news) != []


def test_an_accusation_is_not_an_event() -> None:
    assert code("The ministry accused the rebels of shelling Jisr al-Shughur.") == []
    assert code("The ministry blamed the militants for the bombing in Sarmin.") == []
    assert kinds(code("The rebels shelled Jisr al-Shughur on Tuesday.")) == [
        "Shelling/artillery/missile attack"
    ]


def test_a_fear_or_a_call_is_not_an_event() -> None:
    assert code("Residents of Ariha fear a new offensive by government forces.") == []
    assert code("The council called for protests in Sarmin on Friday.") == []
    assert code("Officials warned of an imminent assault on Ariha.") == []
    assert code("Hundreds protested in Sarmin on Friday.") != []


def test_an_order_in_a_speech_is_not_an_event() -> None:
    assert code('"Go ahead and protest," the officer told the crowd in Sarmin.') == []
    assert code('"We liberate every village," the commander told reporters in Sarmin.') == []
    assert code('"We liberated Sarmin on Tuesday," the commander told reporters.') != []


def test_a_groups_repertoire_is_not_an_event() -> None:
    text = (
        "The militants still pose a threat through ambushes, bombings and kidnappings across "
        "the desert east of Palmyra."
    )
    assert code(text) == []


def test_a_participle_naming_a_place_is_not_a_new_capture() -> None:
    assert code("The first pictures from the captured town of Sarmin were released.") == []
    assert code("Rebels drove the captured tanks towards Sarmin on Tuesday.") == []
    assert code("Tanks captured by the rebels were shown near Sarmin on Tuesday.") == []


def test_an_action_in_another_country_is_not_coded_in_syria() -> None:
    text = "Jets struck Sarmin on Tuesday after a drone attack on a base in northern Iraq."
    ms = code(text)
    assert [m.place.name for m in ms] == ["Sarmin"]
    assert code("Meanwhile, in Iraq, the air strikes hit depots near the border.") == []
    text = "In Iraq, officials said the bombing of Qaim and Sarmin caused civilian deaths."
    assert code(text) == []


def test_a_share_of_a_town_taken_is_fighting_not_a_takeover() -> None:
    [m] = code("Militants took control of about a third of Sarmin on Tuesday.")
    assert m.sub_event_type == "Armed clash"
    [m] = code("Militants took control of Sarmin on Tuesday.")
    assert m.sub_event_type == "Non-state actor overtakes territory"


def test_a_capture_claimed_and_denied_is_fighting() -> None:
    ms = code("The rebels said they captured Sarmin on Tuesday, but the army denied it.")
    assert kinds(ms) == ["Armed clash"]


def test_a_campaign_summed_up_since_a_day_is_not_one_event() -> None:
    text = "The army has waged an air campaign against Sarmin since March 1, killing 40 people."
    assert code(text) == []
    assert code("Intense clashes have erupted in Sarmin since Sunday.") == []
    assert code("Intense clashes erupted in Sarmin on Sunday.") != []
    text = "Sarmin, held by the militants since 2014, has been retaken by the army on Tuesday."
    assert kinds(code(text)) == ["Government regains territory"]


def test_weapons_named_as_the_means_of_a_capture_are_the_capture() -> None:
    ms = code(
        "Heavy artillery and air strikes were used by government forces to recapture Sarmin "
        "on Tuesday."
    )
    assert kinds(ms) == ["Government regains territory"]


def test_fighting_drawing_near_has_not_arrived() -> None:
    assert code("Staff fled the dam near Tabqa as fighting drew near on Tuesday.") == []


def test_a_person_who_defected_is_no_change_of_group() -> None:
    text = "Gunmen shot dead a soldier who had defected from the army in Sarmin on Tuesday."
    assert "Change to group/activity" not in kinds(code(text))


def test_demonstrate_that_is_not_a_protest() -> None:
    text = '"These deliveries demonstrate that aid can reach Sarmin," the envoy said on Tuesday.'
    assert code(text) == []


def test_a_drive_to_take_a_town_is_intent() -> None:
    assert code("The army continued its push to regain full control of Sarmin on Tuesday.") == []
    assert code("Rebels launched a bid to retake the town of Ariha on Tuesday.") == []
    assert kinds(code("The army regained full control of Sarmin on Tuesday.")) == [
        "Government regains territory"
    ]


def test_a_day_in_a_pluperfect_relative_clause_does_not_date_the_news() -> None:
    lead = "Fighting raged in Idlib province on Monday. "
    ms = code(
        lead + "The rebels retook Sarmin from the army, who had recaptured the town on March 2."
    )
    took = [m for m in ms if m.sub_event_type == "Non-state actor overtakes territory"]
    assert [m.day.date for m in took if m.day] == [dt.date(2021, 3, 8)]
    # the same day in the main clause dates the action
    ms = code(lead + "The rebels retook Sarmin from the army on March 2.")
    took = [m for m in ms if m.sub_event_type == "Non-state actor overtakes territory"]
    assert [m.day.date for m in took if m.day] == [dt.date(2021, 3, 2)]


def test_the_launch_day_of_a_named_operation_does_not_date_a_capture() -> None:
    lead = "Fighting raged in Idlib province on Monday. "
    ms = code(
        lead
        + "By capturing Sarmin, Turkish forces met a goal of Operation Dawn, launched on 2 March."
    )
    took = [m for m in ms if m.sub_event_type == "Non-state actor overtakes territory"]
    assert [m.day.date for m in took if m.day] == [dt.date(2021, 3, 8)]
