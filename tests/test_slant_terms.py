"""The slant lexicon: which side an outlet's wording leans to, and neutral rewording."""

from __future__ import annotations

import json
import re
from collections import Counter
from importlib import resources

import pytest

from warwire.read.slant_terms import count_terms, lean, lean_label, load_slant, neutralize

STATE_STYLE = (
    "Army units restored security and stability to the town after clashes with terrorist "
    "groups. Two soldiers were martyred when terrorists shelled the area. The army liberated "
    "three villages."
)
OPPOSITION_STYLE = (
    "Assad regime forces and Russian warplanes committed a new massacre in Idlib. Five "
    "civilians were martyred in the regime's shelling. Revolutionaries liberated Saraqeb "
    "from Assad's militias."
)
WIRE_STYLE = (
    "Government forces captured the town from rebels on Tuesday, a monitor said. Airstrikes "
    "killed 12 civilians. Insurgents retook two villages, and government troops withdrew."
)


def terms(text: str) -> dict[str, str]:
    """term -> lean, for a text where each term has one lean."""
    return {term: label for (_, term, label) in count_terms(text)}


def test_counts_are_by_concept_term_and_lean() -> None:
    counts = count_terms(STATE_STYLE)
    assert counts[("armed_opposition", "terrorists", "pro_government")] == 2
    assert counts[("government_forces", "army units", "pro_government")] == 1
    assert counts[("territory_taken", "restored security and stability", "pro_government")] == 1
    assert counts[("killed", "martyred", "pro_government")] == 1
    assert counts[("territory_taken", "liberated", "pro_government")] == 1


def test_regime_counts_with_possessive_and_whole_words_only() -> None:
    counts = count_terms("The regime's jets struck. A strict regimen. Regime-held Aleppo.")
    assert counts[("government_forces", "regime", "pro_opposition")] == 2
    assert sum(counts.values()) == 2


def test_longer_wordings_win() -> None:
    got = terms("Regime militias and the Syrian regime and Assad's forces.")
    assert got == {
        "regime militias": "pro_opposition",
        "Syrian regime": "pro_opposition",
        "Assad forces": "pro_opposition",
    }
    assert terms("Syrian Arab Army soldiers and Free Syrian Army fighters") == {
        "Syrian Arab Army": "pro_government"
    }


def test_lean_signs() -> None:
    state = lean(count_terms(STATE_STYLE))
    opposition = lean(count_terms(OPPOSITION_STYLE))
    wire = lean(count_terms(WIRE_STYLE))
    assert state < -0.5
    assert opposition > 0.5
    assert abs(wire) < 0.15
    assert lean_label(state) == "pro-government"
    assert lean_label(opposition) == "pro-opposition"
    assert lean_label(wire) == "neutral"


def test_lean_of_nothing_and_weights() -> None:
    assert lean(Counter()) == 0.0
    half = lean(Counter({("armed_opposition", "militants", "pro_government"): 1}))
    assert half == -1.0
    mixed = Counter(
        {
            ("armed_opposition", "militants", "pro_government"): 2,  # weight 0.5 each
            ("armed_opposition", "rebels", "neutral"): 1,
        }
    )
    assert lean(mixed) == pytest.approx(-0.5)
    assert lean(Counter({("killed", "massacre", "partisan"): 5})) == 0.0


@pytest.mark.parametrize(
    ("sentence", "term", "label"),
    [
        ("The army liberated the village.", "liberated", "pro_government"),
        ("Rebels liberated the village.", "liberated", "pro_opposition"),
        ("The town was liberated from terrorists.", "liberated", "pro_government"),
        ("The town was liberated from regime forces.", "liberated", "pro_opposition"),
        ("The SDF liberated Raqqa.", "liberated", "partisan"),
        ("Two soldiers were martyred.", "martyred", "pro_government"),
        ("Five civilians were martyred in Russian airstrikes.", "martyred", "pro_opposition"),
        ("A massacre by regime forces.", "massacre", "pro_opposition"),
        ("Terrorists shelled the district.", "terrorists", "pro_government"),
        ("IS terrorists attacked the base.", "terrorists", "partisan"),
        ("Russian mercenaries arrived.", "mercenaries", "pro_opposition"),
        ("Turkish occupation forces shelled Tal Tamr.", "occupation", "pro_government"),
    ],
)
def test_directional_words_take_the_lean_of_whom_they_describe(
    sentence: str, term: str, label: str
) -> None:
    assert terms(sentence)[term] == label


def test_lean_labels() -> None:
    assert lean_label(-1.0) == "pro-government"
    assert lean_label(-0.3) == "leans pro-government"
    assert lean_label(0.0) == "neutral"
    assert lean_label(0.3) == "leans pro-opposition"
    assert lean_label(0.9) == "pro-opposition"


def test_neutralize() -> None:
    assert neutralize("Terrorists shelled the town.") == "Armed groups shelled the town."
    assert neutralize("Regime forces advanced.") == "Government forces advanced."
    assert neutralize("The army liberated Saraqeb.") == "The army took control of Saraqeb."
    assert neutralize("Two soldiers were martyred.") == "Two soldiers were killed."
    assert neutralize("The town was liberated from terrorists.") == (
        "The town was captured from armed groups."
    )
    assert neutralize("They fled the Assad regime's bombs.") == (
        "They fled the Syrian government's bombs."
    )
    assert neutralize("Occupation forces shelled it.") == "Forces shelled it."
    assert neutralize("Turkish-occupied Afrin") == "Turkish-held Afrin"


def test_neutral_text_is_unchanged() -> None:
    assert neutralize(WIRE_STYLE) == WIRE_STYLE
    assert neutralize("") == ""


def test_lexicon_is_well_formed() -> None:
    data = json.loads(resources.files("warwire").joinpath("data", "slant.json").read_text())
    assert set(data["concepts"]) >= {
        "government_forces",
        "armed_opposition",
        "territory_taken",
        "killed",
    }
    for items in data["concepts"].values():
        for item in items:
            assert item["lean"] in {"pro_government", "pro_opposition", "neutral", "directional"}
            if item["lean"] == "directional":
                assert item["rule"] in {"agent", "victim", "perpetrator"}
            for form in item["forms"]:
                re.compile(form["pattern"])
    assert len(load_slant().terms) == sum(len(v) for v in data["concepts"].values())
