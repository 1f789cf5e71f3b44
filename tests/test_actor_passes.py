"""Who acted, on invented dispatches: one reporting pattern per test (roles and actor passes)."""

from __future__ import annotations

import pytest

from coding import code
from warwire.code.actor_passes import flag_owner
from warwire.records import Mention

pytestmark = pytest.mark.slow


def only(ms: list[Mention], sub: str) -> Mention:
    found = [m for m in ms if m.sub_event_type == sub]
    assert len(found) == 1, [(m.sub_event_type, m.place.name) for m in ms]
    return found[0]


def sides(m: Mention) -> tuple[str | None, str | None]:
    return (m.actor1.side if m.actor1 else None, m.actor2.side if m.actor2 else None)


# One reporting pattern per row: the sentence, the mention's type, (actor1 side, actor2 side).
WHO_ACTED = [
    pytest.param(
        "On Tuesday Kurdish fighters repelled an assault by IS militants on Tal Tamr.",
        "Armed clash", ("islamic_state", "kurdish"), id="the-side-that-repelled-is-the-target",
    ),
    pytest.param(
        "On Tuesday Kurdish fighters held back an assault by IS militants on Tal Tamr.",
        "Armed clash", ("islamic_state", "kurdish"), id="held-back-is-repelled",
    ),
    pytest.param(
        "Russian jets bombed a crowded market in the town of Azaz on Tuesday.",
        "Air/drone strike", ("russia", "civilians"), id="a-strike-on-a-market-falls-on-civilians",
    ),
    pytest.param(
        "On Tuesday the authorities arrested a lawyer in Damascus.",
        "Arrests", ("syrian_government", "civilians"), id="those-arrested-are-civilians",
    ),
    pytest.param(
        "Rebels handed over the town of Nawa to government forces on Tuesday.",
        "Non-violent transfer of territory", ("syrian_government", "opposition"),
        id="the-taker-of-a-handover-is-actor1",
    ),
    pytest.param(
        "Government troops turned to the village of Kafr Nabl on Tuesday, where they fought a "
        "long battle with Nusra Front fighters.",
        "Armed clash", ("syrian_government", "jihadist"), id="fought-with-is-the-other-camp",
    ),
    pytest.param(
        "IS fighters advanced near Mayadin on Monday. On Tuesday a bus was attacked near the "
        "village of Mayadin by fighters who set off roadside bombs before opening fire on "
        "soldiers who served in the army's elite units.",
        "Armed clash", ("islamic_state", "syrian_government"), id="the-fired-upon-are-the-target",
    ),
    pytest.param(
        "Rebels held Ariha on Monday. The Syrian flag was raised over the main square of Ariha "
        "on Tuesday.",
        "Government regains territory", ("syrian_government", "opposition"),
        id="a-flag-taker-took-it-from-the-other-side",
    ),
    pytest.param(
        "A burned army truck was seen on Tuesday after clashes with rebels near Rastan.",
        "Armed clash", ("opposition", "syrian_government"), id="clashes-with-name-the-doer",
    ),
    pytest.param(
        "On Tuesday a dozen government soldiers handed themselves over to rebel fighters after a "
        "long siege of their post in the village of Kafr Nabl.",
        "Armed clash", ("opposition", "syrian_government"), id="those-who-surrendered-lost",
    ),

    pytest.param(
        "A two-day truce started on Wednesday in the town of Madaya after six weeks of heavy "
        "fighting by Hezbollah militias and regime forces against rebel groups.",
        "Agreement", ("iran_allies", "opposition"), id="the-parties-of-an-agreement",
    ),
    pytest.param(
        "Gunmen attacked the village of Kafr Nabl on Tuesday night.",
        "Attack", ("unknown", "civilians"), id="violence-against-civilians-is-on-civilians",
    ),
    pytest.param(
        "Warplanes carried out tens of airstrikes on Tuesday on neighbourhoods of the town of "
        "Maadan, its surroundings, the Islamic State organisation's controlled sites and the "
        "fronts.",
        "Air/drone strike", (None, "islamic_state"), id="the-owner-of-the-struck-sites",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("text", "sub", "expected"), WHO_ACTED)
def test_who_acted(text: str, sub: str, expected: tuple[str, str]) -> None:
    assert sides(only(code(text), sub)) == expected


def test_a_backer_is_the_associate_of_the_actor() -> None:
    m = only(
        code("Turkish-backed Syrian rebels captured the village of Kafr Nabl on Tuesday."),
        "Non-state actor overtakes territory",
    )
    assert m.actor1 is not None and m.actor1.name == "Opposition Rebels (Syria)"
    assert [a.side for a in m.assoc_actor_1] == ["turkey"]


def test_the_user_of_a_weapon_named_with_with() -> None:
    m = only(
        code("On Tuesday rebel fighters answered with rocket fire on the town of Kafr Nabl."),
        "Shelling/artillery/missile attack",
    )
    assert sides(m)[0] == "opposition"


@pytest.mark.parametrize(
    "text",
    [
        "On Tuesday soldiers opened fire on protesters in Daraa, killing three.",
        "On Tuesday dozens of policemen broke up a protest in Daraa.",
    ],
)
def test_protesters_are_actor1_and_the_forces_actor2(text: str) -> None:
    ms = [m for m in code(text) if m.event_type == "Protests"]
    assert ms, code(text)
    assert all(sides(m) == ("protesters", "syrian_government") for m in ms)


def test_a_crackdown_that_names_no_force_is_the_states() -> None:
    ms = [m for m in code("Witnesses said 12 protesters were shot dead in Homs on Tuesday.")]
    m = only(ms, "Excessive force against protesters")
    assert m.actor1 is not None and m.actor1.name == "Protesters (Syria)"
    assert m.actor2 is not None and m.actor2.name == "Police Forces of Syria (2000-)"


def test_an_unattributed_strike_is_the_last_named_strikers() -> None:
    ms = code(
        "Russian warplanes bombed the town of Kafr Nabl on Tuesday, killing four civilians. "
        "The airstrikes also hit the town of Hass, residents said."
    )
    strikes = [m for m in ms if m.sub_event_type == "Air/drone strike"]
    assert {m.place.name for m in strikes} == {"Kafr Nabl", "Hass"}
    assert all(m.actor1 and m.actor1.side == "russia" for m in strikes)


def test_a_strike_is_not_inherited_without_a_striker() -> None:
    ms = code("On Tuesday airstrikes hit the town of Hass, residents said.")
    m = only(ms, "Air/drone strike")
    assert m.actor1 is None


@pytest.mark.parametrize(
    "text",
    [
        "On Tuesday at least nine civilians died in air strikes on Kafr Nabl.",
        "A car bomb killed 11 people in the town of Azaz on Tuesday.",
        "Gunmen shot dead four shepherds near Palmyra on Tuesday.",
    ],
)
def test_the_harmed_are_the_target(text: str) -> None:
    ms = code(text)
    assert ms
    assert all(m.actor2 and m.actor2.side == "civilians" for m in ms)
    assert all(not m.actor1 or m.actor1.side != "civilians" for m in ms)


def test_civilians_never_strike() -> None:
    ms = code("On Tuesday four people, among them two children, died in shelling on Azaz.")
    m = only(ms, "Shelling/artillery/missile attack")
    assert m.actor1 is None or m.actor1.side != "civilians"
    assert m.actor2 is not None and m.actor2.side == "civilians"


def test_the_camps_of_a_fight_named_after_between() -> None:
    m = only(
        code("On Tuesday clashes erupted between tribal fighters and the SDF in Diban."),
        "Armed clash",
    )
    assert m.actor1 is not None and m.actor1.name == "Tribal Militia (Syria)"
    assert m.actor2 is not None and m.actor2.side == "kurdish"


@pytest.mark.parametrize(
    "text",
    [
        "A suicide bomber blew himself up at an army checkpoint in Azaz on Tuesday.",
        "On Tuesday a drone attack targeted a regime base near Azaz.",
    ],
)
def test_a_side_named_by_its_base_is_the_target(text: str) -> None:
    ms = code(text)
    assert ms
    for m in ms:
        assert m.actor1 is None or m.actor1.side != "syrian_government"
        assert m.actor2 is not None and m.actor2.side == "syrian_government"


def test_a_definite_description_is_the_group_last_named() -> None:
    ms = code(
        "IS fighters advanced along the river on Monday. "
        "On Tuesday the jihadists shelled the town of Azaz."
    )
    m = only(ms, "Shelling/artillery/missile attack")
    assert m.actor1 is not None and m.actor1.side == "islamic_state"
    ms = code("On Tuesday the jihadists shelled the town of Azaz.")
    m = only(ms, "Shelling/artillery/missile attack")
    assert m.actor1 is not None and m.actor1.side == "jihadist"


@pytest.mark.parametrize(
    ("text", "side"),
    [
        ("IS withdrew from the area, but on Tuesday its fighters shelled the town of Azaz.",
         "islamic_state"),
        ("Rebels lost ground, but on Tuesday they shelled the town of Azaz.", "opposition"),
    ],
)  # fmt: skip
def test_an_action_owned_by_a_pronoun_is_the_side_named_before(text: str, side: str) -> None:
    m = only(code(text), "Shelling/artillery/missile attack")
    assert m.actor1 is not None and m.actor1.side == side


def test_they_of_a_new_sentence_is_the_side_last_named() -> None:
    ms = code(
        "Rebels launched a push towards the town of Hass on Monday. "
        "They seized the village of Kafr Nabl on Tuesday."
    )
    m = only(ms, "Non-state actor overtakes territory")
    assert m.actor1 is not None and m.actor1.side == "opposition"


def test_barrel_bombs_and_helicopters_are_the_regimes_unless_qualified() -> None:
    m = only(code("Barrel bombs killed ten civilians in Azaz on Tuesday."), "Air/drone strike")
    assert sides(m) == ("syrian_government", "civilians")
    m = only(
        code("On Tuesday Russian helicopters fired rockets at the town of Azaz."),
        "Air/drone strike",
    )
    assert sides(m)[0] == "russia"


@pytest.mark.parametrize(
    "text",
    [
        "A rebel faction claimed responsibility for the car bomb that killed five soldiers in "
        "Jableh on Tuesday.",
        "A car bomb killed five soldiers in Jableh on Tuesday. A rebel faction claimed "
        "responsibility for the attack.",
        "A car bomb killed five soldiers in Jableh on Tuesday. Ten others were wounded. A rebel "
        "faction claimed the attack.",
    ],
)
def test_the_side_that_claims_an_attack_did_it(text: str) -> None:
    m = only(code(text), "Remote explosive/landmine/IED")
    assert sides(m) == ("opposition", "syrian_government")


def test_a_claim_fills_no_named_doer_and_no_later_event() -> None:
    m = only(
        code(
            "Army artillery shelled a car near Jableh on Tuesday, killing five rebels. Later a "
            "rebel faction claimed responsibility for an ambush on a checkpoint."
        ),
        "Shelling/artillery/missile attack",
    )
    assert sides(m)[0] == "syrian_government"  # the doer named stays


@pytest.mark.parametrize(
    ("text", "side"),
    [
        ("The Syrian flag was raised over the main square of Ariha on Tuesday.",
         "syrian_government"),
        ("On Tuesday the national flag was hoisted in the town of Ariha after the army entered.",
         "syrian_government"),
    ],
)  # fmt: skip
def test_a_raised_flag_names_the_taker(text: str, side: str) -> None:
    ms = [m for m in code(text) if "territory" in m.sub_event_type]
    assert ms and all(sides(m)[0] == side for m in ms)


def test_the_one_air_force_an_article_names_made_its_unattributed_strikes() -> None:
    text = (
        "Russian airstrikes on Tuesday killed civilians, activists said. The reports could not "
        "be verified. Air strikes hit the town of Hass, north of Hama, activists said."
    )
    m = only(code(text), "Air/drone strike")
    assert sides(m)[0] == "russia"
    two = text.replace("The reports could not be verified.", "Syrian jets also flew over Hama.")
    m = only(code(two), "Air/drone strike")
    assert sides(m)[0] is None  # two air forces named: the strike stays unattributed


@pytest.mark.parametrize(
    ("text", "side"),
    [
        ("Fighters raised the Turkish flag over the town hall.", "turkey"),
        ("The flag of the Syrian Arab Republic was hoisted over the council building.",
         "syrian_government"),
        ("The Kurdish flag was flying over the school.", None),  # flying, not raised: no taking
        ("Rebels took the town.", None),
    ],
)  # fmt: skip
def test_the_owner_of_a_raised_flag(text: str, side: str | None) -> None:
    owner = flag_owner(text)
    assert (owner.side if owner else None) == side


@pytest.mark.parametrize(
    "text",
    [
        "Rebels fought the army near Saraqib on Monday. Russian air raids on the north left 30 "
        'civilians dead on Tuesday, a monitor said. "The Russian planes hit the towns of Binnish '
        'and Taftanaz, and 20 died in Binnish," its director said.',
        "Government forces fought rebels near Idlib on Monday. Two civilians were killed on "
        "Tuesday in air strikes on Kafr Nabl, a monitor said. A third was killed in strikes on "
        "the town of Ariha, it added.",
    ],
)
def test_dead_counted_after_civilian_dead_are_civilians(text: str) -> None:
    strikes = [m for m in code(text) if m.sub_event_type == "Air/drone strike"]
    assert strikes and all(m.actor2 and m.actor2.side == "civilians" for m in strikes)


@pytest.mark.parametrize(
    "text",
    [
        # the sentence before names the rebels hit: the dead are not known to be civilians
        "Government forces fought rebels near Idlib on Monday. Government warplanes struck rebel "
        "positions in Kafr Nabl on Tuesday. Three were killed in strikes on the town of Ariha.",
        # the strike counts no dead: nothing ties it to the civilians counted before
        "Rebels fought the army near Saraqib on Monday. Russian air raids on the north left 30 "
        "civilians dead on Tuesday, a monitor said. The Russian planes also hit Binnish.",
    ],
)
def test_an_uncounted_or_armed_strike_keeps_the_usual_opponent(text: str) -> None:
    m = [m for m in code(text) if m.sub_event_type == "Air/drone strike"][-1]
    assert m.actor2 is not None and m.actor2.side == "opposition"


def test_the_owner_the_article_names_for_a_strikers_sites() -> None:
    ms = code(
        "On Tuesday Israeli jets bombed depots used by Hezbollah fighters near the town of "
        "Qusayr. Other air strikes hit a border guard building in the town of Jdeidet Yabous, "
        "residents said."
    )
    strikes = [m for m in ms if m.sub_event_type == "Air/drone strike"]
    assert len(strikes) >= 2, [(m.sub_event_type, m.place.name) for m in ms]
    assert all(sides(m) == ("israel", "iran_allies") for m in strikes)


def test_a_strike_without_an_owner_named_keeps_the_state_site() -> None:
    m = only(
        code(
            "On Tuesday Israeli jets bombed a border guard building in the town of Jdeidet "
            "Yabous, residents said."
        ),
        "Air/drone strike",
    )
    assert sides(m) == ("israel", "syrian_government")


def test_those_who_withdrew_are_the_target() -> None:
    ms = code(
        "Fierce clashes broke out on Tuesday between rebels and IS militants in the town of "
        "Hass. Residents said that with the intensification of the armed clashes, IS militants "
        "had withdrawn from their positions in the Kafr Nabl area."
    )
    m = next(m for m in ms if m.place.name == "Kafr Nabl")
    assert m.actor1 is None
    assert m.actor2 is not None and m.actor2.side == "islamic_state"


IT_LEAD = (
    "Seven civilians were killed by government forces in Idlib province on Tuesday. "
    "A monitor said the attack also wounded ten people in the south of the province. "
)
IT_PER_VILLAGE = (
    "It said it killed four members of one family in Kafr Nabudah village and a woman in "
    "Hawash village. A photograph showed a house destroyed by an air strike."
)


def test_it_is_the_attack_told_before() -> None:
    ms = [m for m in code(IT_LEAD + IT_PER_VILLAGE) if m.place.name != "Idlib"]
    assert ms
    assert all(m.actor1 is not None and m.actor1.side == "syrian_government" for m in ms)


def test_it_of_an_attack_with_no_doer_names_none() -> None:
    lead = IT_LEAD.replace("by government forces ", "")
    ms = [m for m in code(lead + IT_PER_VILLAGE) if m.place.name != "Idlib"]
    assert all(m.actor1 is None for m in ms)


def test_an_actor_hit_names_its_entry_under_the_words_of_the_report() -> None:
    from warwire.code.context import ActorHit
    from warwire.records import ActorRef

    army = ActorRef("Military Forces of Syria (2000-)", "syrian_government", "", "syrian_army")
    hit = ActorHit(0, 13, "regime forces", army)
    assert hit.ref() == ActorRef(army.name, army.side, "regime forces", army.key)
    assert army.said_as("the army").surface == "the army" and army.surface == ""
