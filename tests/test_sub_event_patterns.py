"""The reporting patterns that set neighbouring sub-event types apart (warwire.code.patterns).

Every sentence is written for these tests, after ACLED's codebook definitions; none comes from
CASE or from the evaluation articles.
"""

from __future__ import annotations

import pytest

from warwire.code import patterns as pt
from warwire.code import taxonomy as tx
from warwire.code.classify import classify_rules as classify

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The national army retook the district of Kalo from the insurgents.", "Government"),
        ("Soldiers recaptured two hamlets near Bira on Monday.", "Government"),
        ("Forces loyal to the president captured the port after a week.", "Government"),
        ("Security forces drove the militants out of the market town.", "Government"),
        ("Troops freed several villages from the separatists on Friday.", "Government"),
        ("Taliban fighters seized the district centre of Moru overnight.", "Non-state"),
        ("Separatist rebels captured the airport of Dono from the army.", "Non-state"),
        ("Pro-government militiamen recaptured the crossing of Tabo.", "Government"),
    ],
)
def test_the_takers_words_say_who_took_the_place(text: str, expected: str) -> None:
    sub = classify(text)
    assert sub is not None and sub.startswith(expected)


@pytest.mark.parametrize(
    "text",
    [
        "Rebels entered Ledo at dawn and did not encounter any resistance.",
        "The militants seized a deserted army post outside Kora.",
        "Insurgents took over the village of Samo following the withdrawal of the garrison.",
        "Troops withdrew from the hill of Bana, leaving it in the hands of the rebels.",
        "The foreign contingent withdrew from the base and handed control back to the army.",
    ],
)
def test_ground_changing_hands_unopposed_is_a_non_violent_transfer(text: str) -> None:
    assert classify(text) == "Non-violent transfer of territory"


def test_a_plain_withdrawal_is_a_change_of_posture_not_a_transfer() -> None:
    text = "The peacekeepers withdrew from their camp near the border on Tuesday."
    assert pt.left_to_other_side(text) is False
    assert classify(text) == "Change to group/activity"


def test_an_attacked_town_taken_over_is_not_a_handover() -> None:
    text = "The insurgents attacked and took over the town of Mara on Sunday."
    assert classify(text) == "Non-state actor overtakes territory"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Demonstrators hurled bottles at police outside the ministry.", "Violent demonstration"),
        ("Projectiles were thrown at police during a march.", "Violent demonstration"),
        ("Protesters blocked roads and railways across the region.", "Violent demonstration"),
        ("Protesters clashed with riot police near the parliament.", "Violent demonstration"),
        ("Rioters fought with law enforcement, breaching the gates.", "Violent demonstration"),
        ("Police suppressed a peaceful protest by students in the square.", "Excessive force"),
        ("Two protesters died from gunfire during a demonstration in the port.", "Excessive force"),
        ("Officers attacked a demonstration by nurses outside the hospital.", "Excessive force"),
        ("Police fired rubber bullets to disperse a protest by farmers.", "Protest with"),
        ("Police arrested twenty people during a protest against the new tax.", "Protest with"),
        ("Riot police chased demonstrators during a rally in the capital.", "Peaceful protest"),
    ],
)
def test_what_happened_to_a_protest(text: str, expected: str) -> None:
    sub = classify(text)
    assert sub is not None and sub.startswith(expected)


def test_arrests_away_from_any_protest_stay_arrests() -> None:
    text = "Police arrested three suspects at their homes on Monday."
    assert classify(text) == "Arrests" and not pt.arrests_at_protest(text)


@pytest.mark.parametrize(
    "text",
    [
        "Militants attacked a police checkpoint outside the town on Monday.",
        "Gunmen attacked an army convoy on the main road.",
        "Insurgents attacked security forces guarding the bridge.",
    ],
)
def test_an_attack_on_an_armed_target_is_an_armed_clash(text: str) -> None:
    assert classify(text) == "Armed clash"


@pytest.mark.parametrize(
    "text",
    [
        "Engineers destroyed 120 landmines along the coastal road.",
        "Police found a stash of rockets hidden in a farmhouse.",
        "Two bombs were discovered under a bridge on Tuesday.",
        "Air defences intercepted three missiles over the capital.",
    ],
)
def test_weapons_found_or_neutralised_are_disrupted_weapons_use(text: str) -> None:
    assert classify(text) == "Disrupted weapons use"


def test_weapons_used_stay_their_kind() -> None:
    assert classify("A landmine exploded under a bus, killing four.") != "Disrupted weapons use"
    text = "Troops seized the town after 40 airstrikes."  # the strikes were used, not found
    assert classify(text) != "Disrupted weapons use"


def test_air_power_destroying_weapons_is_no_disrupted_use() -> None:
    text = "Warplanes destroyed rocket launchers near the town."
    assert classify(text) != "Disrupted weapons use"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hundreds of soldiers were deployed to the northern border.", "Change to group/activity"),
        ("A new brigade was formed from the local militias.", "Change to group/activity"),
        ("The two sides agreed to exchange prisoners next week.", "Agreement"),
        ("A prisoner swap between the army and the rebels took place.", "Agreement"),
        ("Thousands of students marched through the city centre.", "Peaceful protest"),
    ],
)
def test_a_type_from_the_wording_when_no_trigger_gives_one(text: str, expected: str) -> None:
    assert classify(text) == expected


def test_the_wording_gives_disasters_no_type() -> None:
    assert pt.worded_type("Troops were deployed to help people trapped by the floods.") is None


def test_riot_police_are_no_riot() -> None:
    assert pt.protest_turn("Riot police stood by as the crowd sang.") is None
    assert tx.KIND_RANK[tx.EXCESSIVE_FORCE] > tx.KIND_RANK[tx.ARREST]


def test_protest_with_clashes_is_a_violent_demonstration() -> None:
    text = "Thousands of protesters rallied in the capital, with clashes in two suburbs."
    assert classify(text) == "Violent demonstration"


def test_what_a_crowd_protests_against_is_not_what_happened_to_it() -> None:
    text = "Thousands of nurses held a peaceful protest against police brutality."
    assert pt.protest_turn(text) is None
    assert classify(text) == "Peaceful protest"


def test_a_protest_is_typed_by_the_whole_text() -> None:
    text = "Students protested outside the university. Later they blocked the main road."
    assert classify(text) == "Violent demonstration"


@pytest.mark.parametrize(
    "text",
    [
        "Insurgents overran two army checkpoints outside Tamba on Friday.",
        "Rebels briefly seized the town of Lomo before the army returned.",
    ],
)
def test_posts_overrun_or_a_town_held_briefly_are_an_armed_clash(text: str) -> None:
    assert classify(text) == "Armed clash"


def test_a_ground_raid_on_a_base_is_an_armed_clash() -> None:
    assert classify("Militants raided an army base near the border at dawn.") == "Armed clash"


def test_killers_named_by_what_they_are() -> None:
    assert classify("Bandits killed seven villagers in the north on Monday.") == "Attack"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A bomb hidden in a bin exploded near the bus station.", "Remote explosive/landmine/IED"),
        ("Two militants detonated explosive vests at the gate.", "Suicide bomb"),
        ("Two men detonated explosives, killing themselves, near the hotel.", "Suicide bomb"),
    ],
)
def test_what_blew_up_says_the_weapon(text: str, expected: str) -> None:
    assert classify(text) == expected


def test_a_shell_that_exploded_is_no_bomb() -> None:
    assert classify("A mortar shell exploded in the market.") != "Remote explosive/landmine/IED"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Two herders were beaten up by a mob in the village square.", "Mob violence"),
        ("Militiamen stole the cables of the railway.", "Looting/property destruction"),
    ],
)
def test_mobs_and_theft_from_the_wording(text: str, expected: str) -> None:
    assert classify(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Riot police beat an anti-government protester outside the court.", "Excessive force"),
        ("Soldiers killed two protestors at a sit-in near the palace.", "Excessive force"),
    ],
)
def test_force_on_protesters_in_other_spellings(text: str, expected: str) -> None:
    sub = classify(text)
    assert sub is not None and sub.startswith(expected)


@pytest.mark.parametrize(
    "text",
    [
        "Warplanes fired three missiles at a village near the border.",
        "Two missiles were fired by drones at a convoy on the highway.",
        "The air force destroyed a number of armed vehicles near the river.",
    ],
)
def test_missiles_from_aircraft_are_air_strikes(text: str) -> None:
    assert classify(text) == "Air/drone strike"


def test_ground_launched_missiles_stay_shelling() -> None:
    text = "Rebels fired three missiles at a village near the border."
    assert classify(text) == "Shelling/artillery/missile attack"


def test_air_strikes_that_destroyed_a_school_are_not_weapons_found() -> None:
    text = "Air strikes that destroyed a school killed nine children."
    assert classify(text) == "Air/drone strike"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A helicopter dropped barrels of poison gas on the farmland.", "Chemical weapon"),
        ("A truck hit a ground mine on the road to Bora.", "Remote explosive/landmine/IED"),
        ("Police intercepted five suspected members of the cell.", "Arrests"),
        ("The security forces jailed forty suspected insurgents.", "Arrests"),
    ],
)
def test_weapon_and_arrest_words(text: str, expected: str) -> None:
    assert classify(text) == expected


def test_a_weapons_facility_struck_is_not_a_chemical_attack() -> None:
    text = "Jets launched air strikes on three chemical weapons facilities near the capital."
    assert classify(text) == "Air/drone strike"


def test_a_withdrawal_asked_for_is_no_change_of_posture() -> None:
    assert classify("The minister urged the country to withdraw its new tariffs.") is None


def test_an_attack_on_an_aid_convoy_is_no_clash() -> None:
    assert classify("Gunmen attacked an aid convoy near the border, killing four.") != "Armed clash"
    assert classify("Gunmen attacked an army convoy near the border.") == "Armed clash"


def test_people_forced_out_of_their_homes_is_no_territory() -> None:
    text = "The militants forced thousands of residents out of their homes in the valley."
    assert classify(text) not in {
        "Government regains territory",
        "Non-state actor overtakes territory",
    }


def test_a_suicide_bombers_charge_that_detonated_is_a_suicide_bomb() -> None:
    text = "One of the two suicide bombers reached the gate before his explosives detonated."
    assert classify(text) == "Suicide bomb"


def test_entering_a_town_as_civilians_evacuate_is_no_handover() -> None:
    text = "Fighters entered Bora on Monday after the army ordered civilians to evacuate."
    assert classify(text) != "Non-violent transfer of territory"


@pytest.mark.parametrize(
    "text",
    [
        "Rebels seized several buildings inside Kafr Tala but failed to take the whole village.",
        "The army took control of parts of the main road near Bir Hamid on Monday.",
    ],
)
def test_part_of_a_place_taken_is_an_armed_clash(text: str) -> None:
    assert classify(text) == "Armed clash"


def test_a_failed_assault_is_no_capture() -> None:
    text = "Militants tried to seize the village of Umm Lada but were unable to take it."
    assert classify(text) != "Non-state actor overtakes territory"
