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


FILLER = "The group has fought in the region for years. "  # keeps the lead rules out of the way


def test_a_weapon_told_after_the_lead_takes_the_storys_town_and_day() -> None:
    text = (
        FILLER
        + FILLER
        + "On Monday, Kurdish fighters seized three buildings in the town of Hajin after battles. "
        + "The source said the militants targeted a group of fighters with a car bomb."
    )
    ms = code(text)
    bombs = [m for m in ms if m.sub_event_type == "Remote explosive/landmine/IED"]
    assert len(bombs) == 1
    assert bombs[0].place.name == "Hajin" and bombs[0].day is not None
    assert bombs[0].day.date.isoformat() == "2021-03-08"


def test_a_weapon_told_long_after_the_story_or_with_its_own_place_keeps_its_own() -> None:
    far = (
        FILLER
        + "On Monday, Kurdish fighters seized three buildings in the town of Hajin. "
        + FILLER * 5
        + "The source said the militants targeted a group of fighters with a car bomb."
    )
    assert "Remote explosive/landmine/IED" not in kinds(code(far))
    own = (
        FILLER
        + "On Monday, Kurdish fighters seized three buildings in the town of Hajin. "
        + "Militants targeted a group of fighters with a car bomb in Mayadin on Monday."
    )
    bombs = [m for m in code(own) if m.sub_event_type == "Remote explosive/landmine/IED"]
    assert [m.place.name for m in bombs] == ["Mayadin"]


def test_the_camp_points_back_to_the_camp_named_before() -> None:
    text = (
        FILLER
        + "Thousands of families live in al-Hol camp. "
        + "The monitor said a woman was shot dead by gunmen in the camp on Thursday."
    )
    ms = code(text)
    assert kinds(ms) == ["Attack"]
    assert ms[0].place.name in {"Al-Hawl", "al-Hol"}
    # the camp as the place people live in, with the fighting told as its past, is no event
    state = (
        FILLER
        + "Thousands of families live in al-Hol camp. "
        + ("Few people remain in the camp, much of which was destroyed by fighting.")
    )
    assert kinds(code(state)) == []


def test_a_lead_placed_by_region_takes_the_town_the_next_sentence_gives_its_victims() -> None:
    text = (
        "Landmines planted by jihadists killed 7 civilians in eastern Syria on Tuesday, state "
        "media reported. It said the victims had been gathering firewood in the southern "
        "countryside of Mayadin in Deir ez-Zor province."
    )
    ms = code(text)
    assert kinds(ms) == ["Remote explosive/landmine/IED"]
    assert ms[0].place.name == "Mayadin" and ms[0].geo_precision == 1


def test_a_lead_placed_by_region_takes_the_town_where_the_assault_it_points_back_to_was() -> None:
    """Wire style: "Gunmen have kidnapped 40 villagers in eastern Syria, activists said. The
    latest assault began on Monday in the village of X": the second paragraph's "the (latest)
    assault"
    points back to the lead's action and gives its town."""
    text = (
        "Militants have kidnapped at least 40 farmers in northeastern Syria, activists said on "
        "Tuesday. The latest assault began on Monday night, when militants swept through the "
        "village of Tal Hamis in Hasakah province."
    )
    ms = [m for m in code(text) if m.sub_event_type == "Abduction/forced disappearance"]
    assert [m.place.name for m in ms] == ["Tell Hamis"]
    # "a second assault" is another action: its village is not the lead's place
    other = text.replace("The latest assault", "A second assault")
    assert "Tell Hamis" not in [
        m.place.name for m in code(other) if m.sub_event_type == "Abduction/forced disappearance"
    ]


def test_a_town_named_next_without_pointing_back_to_the_event_is_not_its_place() -> None:
    text = (
        "Gunmen killed 7 civilians in Deir ez-Zor province on Tuesday, state media reported. "
        "The town of Mayadin lies on the river."
    )
    ms = code(text)
    assert [m.place.name for m in ms] == ["Deir ez-Zor"]
    other = (
        "Gunmen killed 7 civilians in Deir ez-Zor province on Tuesday, state media reported. "
        "The victims were mourned as troops shelled Mayadin on Wednesday."
    )
    assert "Mayadin" not in [m.place.name for m in code(other) if m.sub_event_type == "Attack"]


def test_holding_a_place_told_as_an_achievement_is_its_capture() -> None:
    managed = "Rebel forces have so far managed to control the village of Kafr Zita on Sunday."
    assert kinds(code(managed)) == ["Non-state actor overtakes territory"]
    succeeded = "Rebel forces succeeded in controlling the village of Kafr Zita on Sunday."
    assert kinds(code(succeeded)) == ["Non-state actor overtakes territory"]
    # a standing state of control is no capture
    state = "Rebel forces control the village of Kafr Zita, the monitor said on Sunday."
    assert kinds(code(state)) == []


def test_a_killing_told_as_aimed_is_an_attack_even_with_no_killer() -> None:
    """ "shot dead", "targeted": a killing aimed at its victims, by whoever, is an event."""
    shot = code("A displaced man was shot dead in the town of Nawa on Monday.")
    assert kinds(shot) == ["Attack"] and shot[0].actor1 is None
    aimed = (
        "Four former rebel commanders were killed on Monday after they were targeted near "
        "the town of Nawa."
    )
    assert kinds(code(aimed)) == ["Attack"]
    # a bare toll with no killer is no event of its own
    assert code("Four former rebel commanders were killed near the town of Nawa on Monday.") == []
    # nor is a death in a sentence whose own action is coded
    both = "Jets struck the town of Nawa on Monday and a man was shot dead in Nawa."
    assert kinds(code(both)) == ["Air/drone strike"]


def test_an_assassination_said_to_take_place_is_an_attack_at_the_place_of_its_clause() -> None:
    text = (
        "The latest assassination took place on Monday when unidentified gunmen targeted two "
        "men in the town of Nawa."
    )
    ms = code(text)
    assert kinds(ms) == ["Attack"] and ms[0].place.name == "Nawa"
    # the same noun with no place of its own and nothing said to happen is no event
    assert code("Officials condemned the assassination on Monday in a statement.") == []


def test_protesters_taking_over_a_square_is_a_protest_not_a_capture() -> None:
    ms = code(
        "More than 3,000 anti-government demonstrators took over the main square in Hama on Monday."
    )
    assert kinds(ms) == ["Peaceful protest"]
    fighters = code("Rebel fighters took over the main square in Hama on Monday.")
    assert "Peaceful protest" not in kinds(fighters) and fighters


def test_a_truce_said_to_begin_is_an_agreement_on_its_day() -> None:
    began = code(
        "The three-day truce started on Monday after weeks of fighting in Madaya between "
        "rebels and government forces."
    )
    assert "Agreement" in kinds(began)
    effect = code("A ceasefire in the town of Madaya took effect on Monday, activists said.")
    assert kinds(effect) == ["Agreement"]
    # a truce only talked of, not begun, is no agreement
    talk = code("Rebels in Madaya said on Monday that a truce would be welcome.")
    assert "Agreement" not in kinds(talk)


def test_entering_a_named_town_amid_clashes_is_a_fight_for_it() -> None:
    fought = code(
        "Rebel fighters entered the city of Saraqib on Monday amid fierce clashes with "
        "government forces."
    )
    assert [m.event_type for m in fought] == ["Battles"]
    assert fought[0].place.name == "Saraqib"
    # "the city of X" and bare "X" are one entry, coded alike whichever way an outlet names it
    for town in ("Saraqib", "the town of Saraqib"):
        quiet = code(f"Government forces entered {town} on Monday after the rebels left.")
        assert [(m.sub_event_type, m.place.name) for m in quiet] == [("Armed clash", "Saraqib")]
    # a handover told as such stays one, named either way
    for town in ("Saraqib", "the town of Saraqib"):
        handed = code(f"Government forces entered {town} on Monday without a fight.")
        assert [m.sub_event_type for m in handed] == ["Non-violent transfer of territory"]
    # people and goods that come unarmed fight nobody for the place
    for comers in ("Thousands of refugees", "A UN aid convoy"):
        assert code(f"{comers} entered the town of Saraqib on Monday.") == []
    # an apposition the parse splits off does not hide the named place
    split = code("Kurdish fighters entered the city of Saraqib, a key rebel-held town, on Monday.")
    assert [m.place.name for m in split] == ["Saraqib"]


def test_a_named_post_said_to_be_taken_is_a_battle_for_it() -> None:
    taken = code("The Saraqib checkpoint was taken by rebels on Monday.")
    assert [m.event_type for m in taken] == ["Battles"]
    assert code("Two soldiers were taken to hospital in Saraqib on Monday.") == []


def test_from_the_city_points_back_to_the_city_named_before() -> None:
    text = (
        FILLER
        + "Some 20,000 people live in the town of Hajin, on the Euphrates. "
        + "During the withdrawal from the town on Monday, the militants took 300 civilians "
        + "from the market."
    )
    taken = [m for m in code(text) if m.sub_event_type == "Abduction/forced disappearance"]
    assert [m.place.name for m in taken] == ["Hajin"]


def test_control_told_as_an_ability_that_was_used_is_a_capture() -> None:
    """ "were able to control the area": past ability told of a place is its taking."""
    able = "Rebel forces were able to control the village of Kafr Zita on Sunday."
    assert kinds(code(able)) == ["Non-state actor overtakes territory"]
    # an ability denied, or only hoped for, takes nothing
    unable = "Rebel forces were not able to control the village of Kafr Zita on Sunday."
    assert kinds(code(unable)) == []
    hoped = "Rebel forces hope to be able to control the village of Kafr Zita by Sunday."
    assert kinds(code(hoped)) == []


def test_a_site_of_war_recovered_is_ground_retaken() -> None:
    """ "recovered the border crossing": a crossing, airport or checkpoint is ground."""
    crossing = "The army recovered the Kassab border crossing from the rebels on Friday."
    assert kinds(code(crossing)) == ["Government regains territory"]
    airport = "Government troops recovered the airport of Kafr Zita on Friday."
    assert kinds(code(airport)) == ["Government regains territory"]
    # bodies or weapons recovered are no ground
    bodies = "Rescuers recovered the bodies of four soldiers in Kafr Zita on Friday."
    assert "Government regains territory" not in kinds(code(bodies))


LEAD = (
    "Four former rebel commanders were killed on Tuesday after they were targeted in the "
    "western countryside of Idlib province. According to a local report, "
)


def test_the_sentence_retelling_the_leads_day_gives_its_town() -> None:
    text = LEAD + (
        "the four men were travelling through the countryside on Tuesday when their car was "
        "targeted on the road to Sarmin."
    )
    assert [(m.sub_event_type, m.place.name) for m in code(text)] == [("Attack", "Sarmin")]
    # no day of its own: not known to be the lead's event; "another" action: not the lead's
    for rest in (
        "the four men were travelling when their car was targeted on the road to Sarmin.",
        "another car was also targeted on Tuesday on the road to Sarmin.",
    ):
        assert [m.place.name for m in code(LEAD + rest)] == ["Idlib"], rest


def test_an_action_told_by_its_frequency_is_routine() -> None:
    for routine in (
        "Government warplanes regularly bomb the town of Kafr Zita.",
        "The town of Kafr Zita is targeted regularly by air strikes and artillery.",
        "Militants in the hills often shell the town of Kafr Zita with rockets.",
    ):
        assert kinds(code(routine)) == [], routine
    news = "Government warplanes bombed the town of Kafr Zita on Tuesday."
    assert kinds(code(news)) == ["Air/drone strike"]
