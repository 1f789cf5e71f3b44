"""Every ACLED sub-event type on sentences written for these tests (none comes from CASE).

Each sentence exercises the test that sets a type apart from its neighbours: is the target
armed, what happened to a protest, was a town handed over or taken, were weapons seized or
defused before use. `classify_rules` is the rule coder alone; `classify` is the system's typing
(the rules refined by the shipped type model, as in the coder).
"""

from __future__ import annotations

import pytest

from coding import code, kinds
from warwire.code import taxonomy as tx
from warwire.code.classify import classify, classify_rules
from warwire.code.cues import cue_names

pytestmark = pytest.mark.slow

BY_RULES = [
    ("Rebel fighters and army troops clashed for hours outside Tel Rifaat.", "Armed clash"),
    ("Gunmen attacked worshippers leaving a mosque, killing four of them.", "Attack"),
    ("Unknown gunmen shot dead two farmers working in their fields near Jasim.", "Attack"),
    ("Russian warplanes bombed the village of Kafr Oweid on Tuesday.", "Air/drone strike"),
    ("Government artillery shelled the town overnight.", "Shelling/artillery/missile attack"),
    (
        "A roadside bomb exploded under a military bus, wounding six soldiers.",
        "Remote explosive/landmine/IED",
    ),
    ("A suicide bomber blew himself up at a checkpoint outside Azaz.", "Suicide bomb"),
    ("An attacker threw a grenade into a crowded cafe.", "Grenade"),
    ("Residents reported choking after a chlorine attack on the town.", "Chemical weapon"),
    (
        "Government forces recaptured the town of Khan Shaykhun from the rebels on Wednesday.",
        "Government regains territory",
    ),
    (
        "Islamic State fighters seized the village of Al-Bab after a day of fighting.",
        "Non-state actor overtakes territory",
    ),
    (
        "Rebels handed over the town of Tal Abyad to Turkish-backed forces under a deal.",
        "Non-violent transfer of territory",
    ),
    ("Army engineers defused a bomb planted near a school.", "Disrupted weapons use"),
    ("Police seized a large cache of weapons and ammunition on a farm.", "Disrupted weapons use"),
    ("Air defences intercepted two drones launched towards the base.", "Disrupted weapons use"),
    ("Hundreds of people protested peacefully in the main square on Friday.", "Peaceful protest"),
    (
        "Police fired tear gas to disperse hundreds of students demonstrating outside parliament.",
        "Protest with intervention",
    ),
    (
        "Security forces opened fire on protesters in Daraa, killing three demonstrators.",
        "Excessive force against protesters",
    ),
    (
        "Demonstrators threw stones at police and set fire to cars during the protest.",
        "Violent demonstration",
    ),
    ("An angry mob lynched a man accused of theft in the market.", "Mob violence"),
    ("The warring parties signed a ceasefire agreement on Thursday.", "Agreement"),
    ("Police arrested five activists in the capital on Sunday.", "Arrests"),
    (
        "Militiamen looted shops and torched houses after the fighting ended.",
        "Looting/property destruction",
    ),
    ("Gunmen kidnapped a local council member from his home.", "Abduction/forced disappearance"),
    ("Soldiers raped two women at a checkpoint, a rights group said.", "Sexual violence"),
    (
        "The two rebel factions announced that they had merged into one group.",
        "Change to group/activity",
    ),
    (
        "Turkish troops set up a new military base near the town.",
        "Headquarters or base established",
    ),
]

NOT_CONFLICT = [
    "A magnitude 6.1 earthquake struck the region, killing dozens and flattening homes.",
    "A gas leak at a chemical factory killed three workers.",
    "The foreign minister expelled the ambassador and announced new sanctions.",
    "Police broke up a drug smuggling ring and seized 200 kilograms of cocaine.",
]


def test_every_acled_sub_event_type_has_a_sentence() -> None:
    assert {t for _, t in BY_RULES} == set(tx.SUB_EVENT_TYPES) - {"Other"}


@pytest.mark.parametrize(("text", "expected"), BY_RULES, ids=[t for _, t in BY_RULES])
def test_rules_type_each_kind_of_action(text: str, expected: str) -> None:
    assert classify_rules(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [(t, e) for t, e in BY_RULES if e not in {"Peaceful protest", "Protest with intervention"}],
)
def test_type_model_agrees_where_the_rules_are_clear(text: str, expected: str) -> None:
    assert classify(text) == expected


@pytest.mark.parametrize("text", NOT_CONFLICT)
def test_disasters_crime_and_diplomacy_get_no_conflict_type(text: str) -> None:
    assert classify(text) is None


def test_rules_need_a_perpetrator_for_a_toll() -> None:
    assert classify_rules(NOT_CONFLICT[0]) is None and classify_rules(NOT_CONFLICT[1]) is None


def test_capture_after_fighting_is_not_a_handover() -> None:
    text = "Rebels seized the village of Hass after fierce clashes forced the army to withdraw."
    assert classify(text) == "Non-state actor overtakes territory"


def test_capture_after_a_bombardment_is_not_a_handover() -> None:
    text = "Government forces captured the town after days of shelling, and the rebels withdrew."
    assert classify(text) == "Government regains territory"


def test_troops_mobilised_are_not_a_mob() -> None:
    text = "Army troops mobilised near Tel Rifaat clashed with rebel fighters on Monday."
    assert classify(text) == "Armed clash"


@pytest.mark.parametrize(
    ("text", "unopposed"),
    [
        ("The garrison abandoned the hilltop and the militia walked in unopposed.", True),
        ("Rebels entered the village without any resistance after the army left.", True),
        ("Fighters moved into the town and did not encounter resistance.", True),
        ("The soldiers left their positions and the district is now in the hands of rebels.", True),
        ("Troops fought rebels for the village for three days.", False),
        ("Rebels captured the town after heavy resistance from the army.", False),
        ("Opposition fighters shelled the airport.", False),
    ],
)
def test_an_unopposed_takeover_is_a_cue_of_its_own(text: str, unopposed: bool) -> None:
    # a feature of the type model (non-violent transfer), which the rules do not read
    assert ("unopposed" in cue_names(text)) is unopposed


def test_a_bomb_attack_is_the_bombs_and_a_suicide_one_the_bombers() -> None:
    bomb = "A bomb attack hit a bus in the city of Homs on Monday, killing four people."
    assert kinds(code(bomb)) == ["Remote explosive/landmine/IED"]
    suicide = "A suicide bomb attack killed two people in the town of Azaz on Monday, TV said."
    assert kinds(code(suicide)) == ["Suicide bomb"]
    car = "A suicide car bomb attack killed six soldiers at a checkpoint in Azaz on Monday."
    assert "Suicide bomb" in kinds(code(car))


def test_twin_bombings_are_bombs_set_off_together_not_air_raids() -> None:
    """Wire English counts planted bombs as "twin" or "double" bombings; air raids never."""
    twin = "Twin bombings hit a security building in the Mezzeh district of Damascus on Monday."
    assert kinds(code(twin)) == ["Remote explosive/landmine/IED"]
    double = "A double bombing struck the market of Jableh on Monday, state media said."
    assert kinds(code(double)) == ["Remote explosive/landmine/IED"]
    # a bombing by warplanes stays an air strike
    air = "Warplanes carried out a heavy bombing of the town of Saraqib on Monday."
    assert kinds(code(air)) == ["Air/drone strike"]


def test_rockets_of_an_air_raid_are_its_munition_not_shelling() -> None:
    """ "Air raids with cluster rockets on the village": the rockets hung on the raid by
    "with" are what the aircraft fired, one air strike; rockets alone are shelling."""
    raid = (
        "Jets carried out two air raids with cluster rockets on the village "
        "of Kafr Nabl on Monday, killing five people."
    )
    assert kinds(code(raid)) == ["Air/drone strike"]
    ground = "Rebels fired rockets on the town of Kafr Nabl on Monday, wounding three people."
    assert kinds(code(ground)) == ["Shelling/artillery/missile attack"]
