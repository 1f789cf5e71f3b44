"""Who acted, on invented dispatches: the reporting patterns of issue 20's actor errors (the
perpetrator named away from the trigger, a state target named by its building, a group named
by a description, a side's adjective before an intensity word)."""

from __future__ import annotations

import pytest

from coding import code
from warwire.code import actor_passes
from warwire.read.actors import load_actors
from warwire.records import Mention

pytestmark = pytest.mark.slow


def of(ms: list[Mention], sub: str) -> list[Mention]:
    found = [m for m in ms if m.sub_event_type == sub]
    assert found, [(m.sub_event_type, m.place.name) for m in ms]
    return found


def sides(m: Mention) -> tuple[str | None, str | None]:
    return (m.actor1.side if m.actor1 else None, m.actor2.side if m.actor2 else None)


def without_actor_pass(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    kept = tuple(p for p in actor_passes.PASSES if p.__name__ != name)
    assert len(kept) == len(actor_passes.PASSES) - 1
    monkeypatch.setattr(actor_passes, "PASSES", kept)


# -- the doer named away from the trigger -------------------------------------------------------


def test_a_weapon_noun_qualifying_an_attack_has_the_attacks_doer() -> None:
    ms = code("On Tuesday 40 people died in a chlorine gas attack by regime forces on Kafr Zita.")
    (m,) = of(ms, "Chemical weapon")
    assert sides(m)[0] == "syrian_government"


def test_the_rockets_of_a_chemical_attack_are_its_strikers() -> None:
    ms = code(
        "Activists said on Tuesday that dozens were killed in a nerve gas attack by government "
        "forces on the town of Kafr Zita. Rockets with chemical agents hit the villages of "
        "Latamna and Morek, activists said."
    )
    shelled = of(ms, "Shelling/artillery/missile attack")
    assert {m.place.name for m in shelled} == {"Al Lataminah", "Morek"}
    assert all(sides(m)[0] == "syrian_government" for m in shelled)


def test_a_weapon_used_by_the_side_named_before_using() -> None:
    ms = code("On Tuesday the IS targeted a group of Kurdish fighters in Hajin using a car bomb.")
    (m,) = of(ms, "Remote explosive/landmine/IED")
    assert sides(m) == ("islamic_state", "kurdish")


def test_using_after_the_target_alone_names_no_doer() -> None:
    ms = code("On Tuesday a group of Kurdish fighters in Hajin was hit using a car bomb.")
    assert all(sides(m)[0] != "kurdish" for m in ms)


def test_the_backing_fire_is_the_backers_strike() -> None:
    ms = code(
        "The monitor said the militants were backed by Turkish intensive artillery fire when "
        "attacking the village of Jahbal on Tuesday."
    )
    (m,) = of(ms, "Shelling/artillery/missile attack")
    assert sides(m)[0] == "turkey"


def test_a_stronghold_named_by_its_holder_is_placed_where_the_next_sentence_names_it() -> None:
    ms = code(
        "US-backed fighters have seized a key Islamic State stronghold in the north, officials "
        "said on Tuesday. Manbij was recaptured late on Tuesday."
    )
    taken = of(ms, "Non-state actor overtakes territory")
    assert ("kurdish", "islamic_state") in {sides(m) for m in taken if m.place.name == "Manbij"}


def test_a_fight_with_one_named_side_was_fought_by_it(monkeypatch: pytest.MonkeyPatch) -> None:
    text = (
        "Fierce fighting erupted on Tuesday in the city of Deir ez-Zor after an IS attack on "
        "most of its districts."
    )
    (m,) = of(code(text), "Armed clash")
    assert sides(m)[0] == "islamic_state"
    without_actor_pass(monkeypatch, "the_one_side_named_in_a_fight")
    assert all(sides(m)[0] is None for m in of(code(text), "Armed clash"))


def test_the_dead_of_a_fight_did_not_fight_it_alone() -> None:
    (m,) = of(code("Ten soldiers were killed in clashes in Kafr Nabl on Tuesday."), "Armed clash")
    assert sides(m) == (None, "syrian_government")


# -- the target ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Local gunmen stormed a checkpoint in the village of Nawa on Tuesday.", "syrian_army"),
        ("A bomb went off at a police station in the town of Azaz on Tuesday.", "syrian_police"),
    ],
)
def test_a_state_site_named_without_owner_is_the_states(
    text: str, target: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    ms = code(text)
    assert [m.actor2.key for m in ms if m.actor2] == [target]
    without_actor_pass(monkeypatch, "state_sites_are_the_state")
    assert all(m.actor2 is None for m in code(text))


def test_the_state_does_not_strike_its_own_checkpoint() -> None:
    ms = code("Regime forces shelled a checkpoint in the town of Azaz on Tuesday.")
    (m,) = of(ms, "Shelling/artillery/missile attack")
    assert sides(m)[1] != "syrian_government"


@pytest.mark.parametrize(
    ("dead", "side"), [("two soldiers", "syrian_government"), ("two children", "civilians")]
)
def test_dead_people_including_soldiers_are_not_all_civilians(dead: str, side: str) -> None:
    ms = code(
        f"An airstrike hit a building in the town of Kafr Nabl on Tuesday, killing five people, "
        f"including {dead}."
    )
    (m,) = of(ms, "Air/drone strike")
    assert sides(m)[1] == side


# -- the group named by a description -------------------------------------------------------------


def test_a_description_near_the_articles_only_group_is_that_group() -> None:
    ms = code(
        "Mines planted by jihadists killed six shepherds near the town of Sukhnah on Tuesday. "
        "The mines had been left by Islamic State militants, officials said."
    )
    assert {sides(m)[0] for m in ms} == {"islamic_state"}


def test_a_description_stays_generic_when_the_article_names_two_groups() -> None:
    ms = code(
        "Mines planted by jihadists killed six shepherds near the town of Sukhnah on Tuesday. "
        "Both IS and the Nusra Front operate in the area."
    )
    assert {sides(m)[0] for m in ms} == {"jihadist"}


# -- the dictionary ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("They were backed by Turkish intensive artillery fire.", [("Turkish", "turkey")]),
        ("Russian heavy bombardment hit the town.", [("Russian", "russia")]),
        ("Turkish heavy rain flooded the camp.", []),
        ("The Russian intensive care unit opened.", []),
    ],
)
def test_an_intensity_word_between_the_adjective_and_the_strike(
    text: str, found: list[tuple[str, str]]
) -> None:
    assert [(h.surface, h.actor.side) for h in load_actors().find(text)] == found


# -- the doer named in another sentence -------------------------------------------------------


def test_a_claim_a_few_lines_on_completes_the_attack_with_no_doer() -> None:
    ms = code(
        "Twin blasts rocked the district of Mezzeh in Damascus on Tuesday. The bombs hit a "
        "building near the army headquarters. The building was empty at the time, officials "
        "said. A rebel brigade claimed responsibility for the two blasts."
    )
    (m,) = of(ms, "Remote explosive/landmine/IED")
    assert sides(m)[0] == "opposition"


def test_a_claim_does_not_reach_an_attack_told_long_before() -> None:
    filler = " ".join(f"Officials met on day {n} to discuss the budget." for n in range(8))
    ms = code(
        "Twin blasts rocked the district of Mezzeh in Damascus on Tuesday. "
        + filler
        + " A rebel brigade claimed responsibility for the two blasts."
    )
    (m,) = of(ms, "Remote explosive/landmine/IED")
    assert sides(m)[0] is None


SHELLED = (
    "Artillery shells hit the town of Kafr Nabl on Tuesday, killing two civilians, residents said."
)


def test_the_one_side_an_article_names_by_its_shelling_fired_the_rest(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = "Turkish shelling resumed in the north on Tuesday. " + SHELLED
    (m,) = of(code(text), "Shelling/artillery/missile attack")
    assert sides(m) == ("turkey", "civilians")
    from warwire.code import coder

    monkeypatch.setattr(coder, "article_artillery", lambda told: None)
    (m,) = of(code(text), "Shelling/artillery/missile attack")
    assert sides(m)[0] is None


def test_two_sides_named_by_their_shelling_leave_the_rest_unattributed() -> None:
    text = (
        "Turkish shelling resumed in the north on Tuesday. Regime shelling was reported "
        "elsewhere. " + SHELLED
    )
    (m,) = of(code(text), "Shelling/artillery/missile attack")
    assert sides(m)[0] is None


def test_a_suicide_attack_on_a_side_came_from_the_camp_set_against_it() -> None:
    ms = code(
        "Rebels reached the centre of the town of al-Bab on Tuesday, but a suicide attack forced "
        "the rebels back, a commander said. IS has held al-Bab since 2014."
    )
    (m,) = of(ms, "Suicide bomb")
    assert sides(m) == ("islamic_state", "opposition")


def test_a_suicide_attack_on_civilians_names_no_bomber() -> None:
    ms = code(
        "A suicide attack killed six civilians at a market in the town of Azaz on Tuesday. "
        "IS and rebels have fought over the area."
    )
    (m,) = of(ms, "Suicide bomb")
    assert sides(m) == (None, "civilians")


def test_a_military_compound_with_no_owner_is_the_states() -> None:
    ms = code("A bomb exploded at a military compound in the town of Azaz on Tuesday.")
    (m,) = of(ms, "Remote explosive/landmine/IED")
    assert sides(m) == (None, "syrian_government")


def test_a_striker_read_from_the_article_struck_the_side_set_against_it() -> None:
    ms = code(
        "Turkish shelling resumed in the north on Tuesday. Kurdish fighters said they held "
        "their lines. Artillery shells hit the town of Kafr Nabl on Tuesday, residents said."
    )
    (m,) = of(ms, "Shelling/artillery/missile attack")
    assert sides(m) == ("turkey", "kurdish")


def test_a_past_tense_with_an_object_is_active_not_a_reduced_passive() -> None:
    (m,) = code("Islamist militants killed at least 15 civilians in the town of Adra on Tuesday.")
    assert sides(m) == ("opposition", "civilians")


def test_a_reduced_passive_names_the_dead_not_the_doer() -> None:
    (m,) = code("Five soldiers killed in an ambush near the town of Adra on Tuesday.")
    assert sides(m)[0] != "syrian_government"
