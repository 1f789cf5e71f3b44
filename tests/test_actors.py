"""The actor dictionary: how outlets of every slant name the actors, normalised to ACLED style."""

from __future__ import annotations

import importlib.util
import json
from importlib import resources
from pathlib import Path

import pytest

from warwire.read.actors import SIDES, ActorSpan, inter_code, interaction, load_actors

SHARED = Path(__file__).resolve().parents[2] / "shared"


def spans(text: str) -> list[ActorSpan]:
    found = load_actors().find(text)
    for s in found:
        assert text[s.start : s.end] == s.surface == s.actor.surface
    return found


def surfaces(text: str) -> list[tuple[str, str]]:
    return [(s.surface, s.actor.side) for s in spans(text)]


def side_of(text: str, surface: str) -> str | None:
    """The side of the span whose words are exactly SURFACE, or None if there is none."""
    return next((s.actor.side for s in spans(text) if s.surface == surface), None)


@pytest.mark.parametrize(
    ("sentence", "surface", "side"),
    [
        # the government's forces, in every outlet's words
        ("Regime forces shelled the town.", "Regime forces", "syrian_government"),
        ("The Assad regime denied it.", "Assad regime", "syrian_government"),
        ("Assad forces advanced at dawn.", "Assad forces", "syrian_government"),
        ("The Syrian army retook the hill.", "Syrian army", "syrian_government"),
        ("The Syrian Arab Army entered the town.", "Syrian Arab Army", "syrian_government"),
        ("Units of the SAA advanced.", "Units of the SAA", "syrian_government"),
        ("Government troops pushed north.", "Government troops", "syrian_government"),
        ("Government forces pushed north.", "Government forces", "syrian_government"),
        ("Pro-government forces regrouped.", "Pro-government forces", "syrian_government"),
        ("Pro-government militias looted shops.", "Pro-government militias", "syrian_government"),
        ("Loyalist fighters held the ridge.", "Loyalist fighters", "syrian_government"),
        ("Syrian troops entered the village.", "Syrian troops", "syrian_government"),
        ("The elite Tiger Forces led the assault.", "Tiger Forces", "syrian_government"),
        ("Then the army shelled the road.", "army", "syrian_government"),
        ("Syrian warplanes bombed the market.", "Syrian warplanes", "syrian_government"),
        ("Regime aircraft bombed the market.", "Regime aircraft", "syrian_government"),
        ("Three soldiers died in the ambush.", "soldiers", "syrian_government"),
        ("the regime's forces withdrew", "regime's forces", "syrian_government"),
        # Russia
        ("Russian warplanes struck the town.", "Russian warplanes", "russia"),
        ("Russian jets struck the town.", "Russian jets", "russia"),
        ("Russian aircraft struck the town.", "Russian aircraft", "russia"),
        ("The Russian air force struck the town.", "Russian air force", "russia"),
        ("Russia's air force struck the town.", "Russia's air force", "russia"),
        ("Russia said it hit militants.", "Russia", "russia"),
        # Iran and its allies
        ("Iranian-backed militias joined the push.", "Iranian-backed militias", "iran_allies"),
        ("Hezbollah fighters joined the push.", "Hezbollah fighters", "iran_allies"),
        (
            "Iran's Revolutionary Guards sent advisers.",
            "Iran's Revolutionary Guards",
            "iran_allies",
        ),
        ("The Revolutionary Guards sent advisers.", "Revolutionary Guards", "iran_allies"),
        # the armed opposition
        ("Rebels shelled the city.", "Rebels", "opposition"),
        ("Rebel groups rejected the deal.", "Rebel groups", "opposition"),
        ("Rebel factions rejected the deal.", "Rebel factions", "opposition"),
        ("Opposition fighters retook the town.", "Opposition fighters", "opposition"),
        ("Opposition forces retook the town.", "Opposition forces", "opposition"),
        ("Opposition groups retook the town.", "Opposition groups", "opposition"),
        ("Insurgents attacked a checkpoint.", "Insurgents", "opposition"),
        ("Militants attacked a checkpoint.", "Militants", "opposition"),
        ("Terrorists targeted the district.", "Terrorists", "opposition"),
        ("Terrorist groups targeted the district.", "Terrorist groups", "opposition"),
        ("Turkish-backed rebels advanced.", "Turkish-backed rebels", "opposition"),
        ("Ankara-backed fighters advanced.", "Ankara-backed fighters", "opposition"),
        ("The FSA took the hill.", "FSA", "opposition"),
        ("Jaish al-Fatah took the city.", "Jaish al-Fatah", "opposition"),
        ("Ahrar al-Sham took the city.", "Ahrar al-Sham", "opposition"),
        ("The National Liberation Front (NLF) said.", "National Liberation Front", "opposition"),
        # jihadists
        (
            "the al-Qaeda-affiliated al-Nusra Front",
            "al-Qaeda-affiliated al-Nusra Front",
            "jihadist",
        ),
        ("The Nusra Front attacked.", "Nusra Front", "jihadist"),
        ("Jabhat al-Nusra attacked.", "Jabhat al-Nusra", "jihadist"),
        ("Jabhat Fateh al-Sham attacked.", "Jabhat Fateh al-Sham", "jihadist"),
        ("HTS attacked the post.", "HTS", "jihadist"),
        ("Hayat Tahrir al-Sham attacked the post.", "Hayat Tahrir al-Sham", "jihadist"),
        ("Hay'at Tahrir al-Sham attacked the post.", "Hay'at Tahrir al-Sham", "jihadist"),
        ("Jihadists attacked the post.", "Jihadists", "jihadist"),
        # the Islamic State
        ("The Islamic State claimed it.", "Islamic State", "islamic_state"),
        ("IS claimed it.", "IS", "islamic_state"),
        ("ISIS claimed it.", "ISIS", "islamic_state"),
        ("Isis claimed it.", "Isis", "islamic_state"),
        ("ISIL claimed it.", "ISIL", "islamic_state"),
        ("Daesh claimed it.", "Daesh", "islamic_state"),
        # Kurdish-led forces
        ("The Kurdish-led SDF advanced.", "Kurdish-led SDF", "kurdish"),
        ("YPG fighters advanced.", "YPG fighters", "kurdish"),
        ("Kurdish fighters advanced.", "Kurdish fighters", "kurdish"),
        ("US-backed forces advanced on Raqqa.", "US-backed forces", "kurdish"),
        # Turkey
        ("Turkish forces shelled the village.", "Turkish forces", "turkey"),
        ("Turkish troops shelled the village.", "Turkish troops", "turkey"),
        ("The Turkish army shelled the village.", "Turkish army", "turkey"),
        ("Turkish drones hit a convoy.", "Turkish drones", "turkey"),
        # the US-led coalition, Israel
        ("The US-led coalition struck.", "US-led coalition", "us_coalition"),
        ("Coalition warplanes struck.", "Coalition warplanes", "us_coalition"),
        ("American forces withdrew.", "American forces", "us_coalition"),
        ("U.S. troops withdrew.", "U.S. troops", "us_coalition"),
        ("Israeli jets struck near Damascus.", "Israeli jets", "israel"),
        # civilians, protesters, the unknown
        ("Twelve civilians died.", "civilians", "civilians"),
        ("Residents fled.", "Residents", "civilians"),
        ("Five children and two women died.", "children", "civilians"),
        ("Five children and two women died.", "women", "civilians"),
        ("Displaced people sheltered in tents.", "Displaced people", "civilians"),
        ("Protesters gathered.", "Protesters", "protesters"),
        ("Demonstrators gathered.", "Demonstrators", "protesters"),
        ("Unidentified gunmen opened fire.", "Unidentified gunmen", "unknown"),
        ("Gunmen opened fire.", "Gunmen", "unknown"),
    ],
)
def test_alias_families(sentence: str, surface: str, side: str) -> None:
    assert side_of(sentence, surface) == side, surfaces(sentence)


def test_free_syrian_army_is_not_the_syrian_army() -> None:
    found = spans("The Free Syrian Army clashed with the Syrian army near Azaz.")
    assert [(s.surface, s.actor.key) for s in found] == [
        ("Free Syrian Army", "fsa"),
        ("Syrian army", "syrian_army"),
    ]
    assert found[0].actor.name == "Free Syrian Army"
    assert found[1].actor.name.startswith("Military Forces of Syria")


def test_is_the_verb_never_matches_islamic_state() -> None:
    assert surfaces("It is unclear who is behind the attack. Is it over?") == []
    assert surfaces("IS THIS THE END OF THE WAR") == []
    assert surfaces("The SDF said IS fighters attacked.") == [
        ("SDF", "kurdish"),
        ("IS fighters", "islamic_state"),
    ]
    assert surfaces("the US and us") == [("US", "us_coalition")]


def test_turkey_backed_fighters_are_opposition_not_turkey() -> None:
    text = "Turkey-backed opposition fighters and Turkish soldiers entered Afrin."
    assert surfaces(text) == [
        ("Turkey-backed opposition fighters", "opposition"),
        ("Turkish soldiers", "turkey"),
    ]
    assert side_of(
        "Turkish-backed Syrian fighters advanced.", "Turkish-backed Syrian fighters"
    ) == ("opposition")


def test_backers_yield_to_named_groups() -> None:
    assert side_of("US-backed rebels crossed.", "US-backed rebels") == "opposition"
    assert side_of("US-backed SDF crossed.", "US-backed SDF") == "kurdish"
    assert side_of("Russian-backed Syrian forces crossed.", "Russian-backed Syrian forces") == (
        "syrian_government"
    )


def test_strike_nouns_give_the_adjective_alone() -> None:
    text = "Russian airstrikes killed 12 civilians."
    found = spans(text)
    assert found[0].surface == "Russian"
    assert (found[0].start, found[0].end) == (0, 7)
    assert found[0].actor.side == "russia"
    for phrase in ("Russian strikes", "Russian raids", "Russian air strikes", "Russian shelling"):
        got = spans(f"They said {phrase} hit the town.")
        assert [(s.surface, s.actor.side) for s in got] == [("Russian", "russia")]
    assert surfaces("Israeli strikes hit Mezzeh.") == [("Israeli", "israel")]
    assert surfaces("Government shelling hit Douma.") == [("Government", "syrian_government")]


def test_coordinated_adjectives_each_name_an_actor() -> None:
    assert surfaces("Syrian and Russian warplanes struck Ariha.") == [
        ("Syrian", "syrian_government"),
        ("Russian warplanes", "russia"),
    ]
    assert surfaces("Russian-Syrian airstrikes hit Ariha.") == [
        ("Russian", "russia"),
        ("Syrian", "syrian_government"),
    ]
    assert surfaces("Government and allied forces advanced.") == [
        ("Government", "syrian_government")
    ]


def test_offsets_are_exact_character_positions() -> None:
    text = "On Tuesday, regime forces and Hezbollah fighters shelled Madaya."
    found = spans(text)
    assert [(s.start, s.end) for s in found] == [(12, 25), (30, 48)]
    assert [text[s.start : s.end] for s in found] == ["regime forces", "Hezbollah fighters"]


def test_held_places_are_not_actors() -> None:
    assert surfaces("Jets bombed rebel-held Douma and IS-held Raqqa.") == []
    assert surfaces("regime-controlled areas") == []


def test_words_that_only_sound_like_actors() -> None:
    text = (
        "The Russian Defence Ministry said Russian-made jets took off. The Syrian Observatory "
        "for Human Rights said the Turkish-Syrian border was closed. Lebanese army soldiers "
        "watched."
    )
    assert surfaces(text) == []


def test_possessives_and_case() -> None:
    assert surfaces("Russia's jets and Turkey’s troops") == [
        ("Russia's jets", "russia"),
        ("Turkey’s troops", "turkey"),
    ]
    assert surfaces("REGIME FORCES SHELLED DOUMA") == [("REGIME FORCES", "syrian_government")]


def test_spans_are_ordered_and_never_overlap() -> None:
    text = (
        "Syrian government forces, backed by Russian jets and Iranian-backed militias, "
        "attacked Turkish-backed rebels and HTS jihadists, while the SDF and the US-led "
        "coalition fought IS; civilians fled."
    )
    found = spans(text)
    assert len(found) >= 8
    for a, b in zip(found, found[1:], strict=False):
        assert a.end <= b.start


def test_holder_words_with_forces_resolve() -> None:
    """The coder asks for "<holder> forces" to learn who holds a place ("rebel-held")."""
    expected = {
        "rebel": "opposition",
        "opposition": "opposition",
        "regime": "syrian_government",
        "government": "syrian_government",
        "IS": "islamic_state",
        "ISIS": "islamic_state",
        "Daesh": "islamic_state",
        "jihadist": "jihadist",
        "SDF": "kurdish",
        "Kurdish": "kurdish",
        "militant": "opposition",
    }
    for word, side in expected.items():
        assert [s.actor.side for s in spans(f"{word} forces")] == [side], word


def test_by_side_and_get() -> None:
    actors = load_actors()
    for side in SIDES:
        ref = actors.by_side(side)
        if side == "other":
            assert ref is None
            continue
        assert ref is not None and ref.side == side and ref.surface == ""
        assert actors.get(ref.key) == ref
    assert actors.by_side("opposition").name == "Opposition Rebels (Syria)"
    assert actors.by_side("syrian_government").name == "Military Forces of Syria (2000-)"
    assert actors.get("no-such-key") is None
    assert actors.by_side("no-such-side") is None


def test_names_carry_the_government_period() -> None:
    import datetime as dt

    actors = load_actors()
    assert actors.name_on("us", dt.date(2019, 10, 1)).endswith("(2017-2021)")
    assert actors.name_on("us", dt.date(2015, 6, 1)).endswith("(2009-2017)")
    assert actors.name_on("israel", dt.date(2023, 5, 1)).endswith("(2022-)")
    assert actors.name_on("israel", None) == actors.get("israel").name


def test_inter_codes() -> None:
    assert inter_code("syrian_government") == 1
    assert inter_code("syrian_government", "QDW: National Defense Forces") == 3
    for foreign in ("russia", "turkey", "us_coalition", "israel"):
        assert inter_code(foreign) == 8
    for rebel in ("opposition", "jihadist", "islamic_state", "kurdish"):
        assert inter_code(rebel) == 2
    assert inter_code("kurdish", "QSD: Syrian Democratic Forces") == 2
    assert inter_code("iran_allies", "Hezbollah") == 3
    assert inter_code("iran_allies", "Military Forces of Iran (1989-)") == 8
    assert inter_code("civilians") == 7
    assert inter_code("protesters") == 6
    assert inter_code("unknown") == 3
    assert inter_code("other", "Rioters (Syria)") == 5
    assert inter_code("") == 0
    # names from another period, and state forces not in the dictionary
    assert inter_code("", "Military Forces of Israel (2022-)") == 8
    assert inter_code("", "Military Forces of Jordan (1999-)") == 8
    assert inter_code("", "Police Forces of Syria (2000-)") == 1


def test_interaction_codes() -> None:
    assert interaction(1, 2) == 12
    assert interaction(2, 1) == 12
    assert interaction(8, 7) == 78
    assert interaction(2, 2) == 22
    assert interaction(1, 0) == 10
    assert interaction(0, 7) == 70
    assert interaction(0, 0) == 0


def _data() -> dict:
    return json.loads(resources.files("warwire").joinpath("data", "actors.json").read_text())


def test_dictionary_is_consistent() -> None:
    data = _data()
    assert "ACLED" in data["about"]["source"]
    keys = [e["key"] for e in data["entries"]]
    assert len(keys) == len(set(keys))
    defaults: dict[str, int] = {}
    for e in data["entries"]:
        assert e["side"] in SIDES
        assert 0 <= e["inter"] <= 8
        defaults[e["side"]] = defaults.get(e["side"], 0) + bool(e.get("default"))
    assert all(n <= 1 for n in defaults.values())
    referenced = set(data["backer_defaults"].values()) | set(data["backer_words"].values())
    referenced |= {k for k in data["heads"].values() if k}
    assert referenced <= set(keys)


def test_names_are_read_as_their_side_by_the_shared_scorer() -> None:
    """Every actor name must count as its own side when exports are scored."""
    path = SHARED / "tools" / "score_events.py"
    if not path.exists():
        pytest.skip("../shared/tools/score_events.py is absent")
    spec = importlib.util.spec_from_file_location("score_events", path)
    assert spec is not None and spec.loader is not None
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    scored = set(scorer.SIDES)
    for e in _data()["entries"]:
        if e["side"] in scored:
            assert e["side"] in scorer.sides_of(e["name"]), e["name"]


def test_another_states_adjective_qualifies_the_regime() -> None:
    from warwire.read.actors import load_actors

    sides = {h.surface: h.actor.side for h in load_actors().find(
        "Damascus accused the Turkish regime of arming rebels, while the regime itself "
        "and the Syrian regime army pressed on."
    )}  # fmt: skip
    assert sides["Turkish regime"] == "turkey"
    assert sides["regime"] == "syrian_government"


# -- the noun phrase: head noun first, then what modifies it --------------------------------


@pytest.mark.parametrize(
    ("sentence", "surface", "name"),
    [
        # a head that names no side belongs to the actor after "of"
        ("An air raid by forces of President Assad hit the market.",
         "forces of President Assad", "Military Forces of Syria (2000-)"),
        ("Fighters of the Islamic State stormed the base.",
         "Fighters of the Islamic State", "Islamic State (Syria)"),
        ("Soldiers of the Turkish army crossed the border.",
         "Soldiers of the Turkish army", "Military Forces of Turkey (2016-)"),
        # a backed group that is only described is the patron's client
        ("Ankara-sponsored extremist groups shelled the village.",
         "Ankara-sponsored extremist groups", "Opposition Rebels (Syria)"),
        # tribes, local armed men and the unnamed are actors
        ("Clashes erupted between Arab tribes and the SDF.",
         "Arab tribes", "Tribal Militia (Syria)"),
        ("Tribal fighters stormed the post.", "Tribal fighters", "Tribal Militia (Syria)"),
        ("Local fighters seized the checkpoint.",
         "Local fighters", "Unidentified Armed Group (Syria)"),
        ("Gunmen shot the mayor.", "Gunmen", "Unidentified Armed Group (Syria)"),
        # an inverted name of the SNA is not the Syrian army
        ("The so-called National Syrian Army entered the town.",
         "so-called National Syrian Army", "SNA: Syrian National Army"),
        ("The jihadis overran the crossing.", "jihadis", "HTS: Hayat Tahrir al Sham"),
        ("A Russian squadron bombed the hills.",
         "Russian squadron", "Military Forces of Russia (2000-)"),
        ("The authorities detained a teacher.", "authorities", "Police Forces of Syria (2000-)"),
    ],
)  # fmt: skip
def test_head_noun_and_its_modifiers(sentence: str, surface: str, name: str) -> None:
    got = {s.surface: s.actor.name for s in spans(sentence)}
    assert got.get(surface) == name, got


def test_a_backer_is_an_associate_not_the_actor() -> None:
    (span,) = spans("Iranian-backed Afghan fighters attacked the hill.")
    assert span.actor.side == "iran_allies"
    (span,) = spans("Turkish-backed Syrian rebels attacked the hill.")
    assert span.actor.name == "Opposition Rebels (Syria)"
    assert span.backer is not None and span.backer.side == "turkey"
    (span,) = spans("Rebels attacked the hill.")
    assert span.backer is None


def test_allies_named_by_a_weak_adjective_are_the_partners_client() -> None:
    got = surfaces("Turkish troops and allied Syrian fighters stormed the town.")
    assert got == [("Turkish troops", "turkey"), ("allied Syrian fighters", "opposition")]
    assert surfaces("Allied Syrian fighters stormed the town.") == []


def test_a_country_across_a_border_is_a_place() -> None:
    assert surfaces("Rebels seized the crossing on the border with Turkey.") == [
        ("Rebels", "opposition")
    ]
    assert ("Turkey", "turkey") in surfaces("Turkey shelled the village.")


@pytest.mark.parametrize(
    "sentence",
    [
        "The Syrian Observatory for Human Rights said ten were killed.",
        "State TV said the strike hit a depot.",
        "SANA reported the blast.",
        "Aircraft of unknown origin struck the convoy.",
    ],
)
def test_monitors_outlets_and_unknown_origins_are_no_actor(sentence: str) -> None:
    assert surfaces(sentence) == []


def test_an_offshoot_of_a_named_group_is_not_that_group() -> None:
    # invented: "the X offshoot" names another group grown out of X, not X itself
    assert spans("Fighters of the al-Qaeda offshoot seized the hill town on Friday.") == []
    assert spans("An Islamic State splinter group claimed the bombing.") == []
    [hit] = spans("Al-Qaeda fighters seized the hill town on Friday.")
    assert hit.actor.name == "Al Qaeda"
