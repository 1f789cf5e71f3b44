"""The learned type model: reproducible training, a file that loads, and a gated say in coding."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import numpy as np
import pytest

from warwire.code import refine
from warwire.code import taxonomy as tx
from warwire.code.case2021 import Snippet, folds
from warwire.code.type_model import (
    NONE,
    load_type_model,
    read_examples,
    read_model,
    save_model,
    train,
)

SYNTHETIC = [
    (["w:shell", "w:town", "k:shelling"], "Shelling/artillery/missile attack"),
    (["w:artillery", "w:pound", "k:shelling"], "Shelling/artillery/missile attack"),
    (["w:jet", "w:bomb", "k:air"], "Air/drone strike"),
    (["w:warplane", "w:bomb", "k:air"], "Air/drone strike"),
    (["w:earthquake", "w:kill"], NONE),
    (["w:flood", "w:kill"], NONE),
    (["c:civilian_target", "w:gunman"], "Attack"),
    (["c:civilian_target", "w:shoot"], "Attack"),
    (["c:armed_target", "w:clash"], "Armed clash"),
    (["c:armed_target", "w:fight"], "Armed clash"),
]


def test_training_twice_gives_identical_files(tmp_path: Path) -> None:
    a, b = tmp_path / "a.json.gz", tmp_path / "b.json.gz"
    save_model(train(SYNTHETIC, min_count=1, steps=50), a)
    save_model(train(list(SYNTHETIC), min_count=1, steps=50), b)
    assert a.read_bytes() == b.read_bytes()
    m = read_model(a)
    assert sorted(m.vocab) == list(m.vocab)  # a sorted vocabulary, column order fixed
    assert m.predict(["w:warplane", "k:air"])[0] == "Air/drone strike"


def test_saved_model_predicts_like_the_trained_one(tmp_path: Path) -> None:
    m = train(SYNTHETIC, min_count=1, steps=80)
    save_model(m, tmp_path / "m.json.gz")
    back = read_model(tmp_path / "m.json.gz")
    for feats, _ in SYNTHETIC:
        assert np.allclose(m.scores(feats), back.scores(feats), atol=1e-3)


def test_unseen_features_fall_back_on_the_class_prior() -> None:
    m = train(SYNTHETIC, min_count=1, steps=50)
    p = m.scores(["w:nothing-like-this"])
    assert p.sum() == pytest.approx(1.0) and len(p) == len(m.labels)


def test_the_shipped_model_loads_and_predicts() -> None:
    m = load_type_model()
    assert m is not None
    assert NONE in m.labels and set(m.labels) - {NONE} <= set(tx.SUB_EVENT_TYPES)
    assert "CASE 2021" in m.meta["trained_on"]
    label, p = m.predict(["w:suicide", "w:bomber", "c:suicide", "r:Suicide bomb", "f:suicide"])
    assert label == "Suicide bomb" and p > 0.5


def test_folds_are_fixed_and_stratified() -> None:
    snips = [Snippet(i, "", "A" if i % 3 else "B") for i in range(40)]
    f = folds(snips)
    assert f == folds(list(snips))
    for k in range(5):
        assert {snips[i].case_label for i in range(40) if f[i] == k} == {"A", "B"}


@pytest.fixture
def toy_model(monkeypatch: pytest.MonkeyPatch):
    m = train(SYNTHETIC, min_count=1, steps=200)
    monkeypatch.setattr(refine, "load_type_model", lambda: m)
    return m


CIVILIANS_SHOT = ["c:civilian_target", "w:shoot", "w:gunman"]  # the toy model says Attack


def test_the_model_refines_a_generic_clash_into_an_attack(toy_model) -> None:
    assert refine.typed("Armed clash", CIVILIANS_SHOT) == "Attack"


LABELS = sorted(tx.SUB_EVENT_TYPES) + [NONE]


class _Says:
    """A model that gives LABEL probability P and spreads the rest evenly over the others."""

    def __init__(self, label: str, p: float) -> None:
        self.label, self.p, self.labels = label, p, LABELS

    def scores(self, feats: list[str]) -> np.ndarray:
        out = np.full(len(LABELS), (1 - self.p) / (len(LABELS) - 1))
        out[LABELS.index(self.label)] = self.p
        return out


@pytest.mark.parametrize(
    ("rule", "feats", "said", "p", "expected"),
    [
        ("Armed clash", ["f:clash"], "Attack", 0.55, "Attack"),  # a neighbour the model prefers
        ("Armed clash", ["f:clash"], "Attack", 0.2, "Armed clash"),  # not sure enough
        ("Armed clash", ["f:clash"], "Arrests", 0.9, "Armed clash"),  # no rule read an arrest
        ("Armed clash", ["f:clash", "k:arrest"], "Arrests", 0.6, "Arrests"),  # a trigger did
        ("Shelling/artillery/missile attack", ["f:shelling", "k:air"], "Air/drone strike", 0.5,
         "Air/drone strike"),  # "warplanes and artillery pounded": the words decide
        ("Armed clash", ["f:clash", "k:territory"], "Government regains territory", 0.9,
         "Armed clash"),  # who took a place is the rules' test
        ("Government regains territory", ["f:territory", "k:transfer"],
         "Non-violent transfer of territory", 0.9, "Government regains territory"),
        ("Armed clash", ["f:clash"], NONE, 0.35, "Armed clash"),  # not sure it is no event
        ("Armed clash", ["f:clash"], NONE, 0.45, None),
    ],
)  # fmt: skip
def test_the_model_chooses_among_the_rules_readings(
    rule: str, feats: list[str], said: str, p: float, expected: str | None
) -> None:
    assert refine.typed(rule, feats, _Says(said, p)) == expected


def test_an_action_among_several_keeps_to_its_own_type_a_text_may_be_any() -> None:
    feats = ["f:shelling", "f:disrupted"]  # "shelled the town as sappers defused mines"
    says = _Says("Disrupted weapons use", 0.8)
    rule = "Shelling/artillery/missile attack"
    assert refine.typed(rule, feats, says) == rule  # the defusing is its own mention
    assert refine.typed(rule, feats, says, text=True) == "Disrupted weapons use"
    assert refine.typed("Armed clash", ["f:clash", "f:arrest"], _Says("Attack", 0.9)) == "Attack"


def test_choices_read_the_trigger_kinds() -> None:
    assert refine.choices("Armed clash", ["f:clash", "k:shelling"]) == {
        "Armed clash", "Attack", "Mob violence", "Shelling/artillery/missile attack",
    }  # fmt: skip
    assert refine.choices("Peaceful protest", ["f:protest", f"k:{tx.INTERVENTION}"]) >= {
        "Protest with intervention"
    }


def test_rule_features_name_the_trigger_words() -> None:
    from warwire.code.type_features import rule_features

    feats = rule_features("Shelling/artillery/missile attack", ["shelling"], ["shelling"],
                          ["shell", "pound", "shell"])  # fmt: skip
    assert [f for f in feats if f.startswith("t:")] == ["t:pound", "t:shell"]
    assert "r:Shelling/artillery/missile attack" in feats


@pytest.mark.slow
def test_a_read_text_carries_its_trigger_lemmas() -> None:
    from warwire.code.classify import features_of, parse

    feats, reading = features_of(*parse("Government warplanes bombed a market in the town."))
    assert "bomb" in reading.lemmas and "t:bomb" in feats


def test_without_a_rule_type_the_model_types_only_when_sure(toy_model) -> None:
    assert refine.typed(None, ["w:warplane", "w:bomb", "k:air"]) == "Air/drone strike"
    assert refine.typed(None, ["w:earthquake", "w:kill"]) is None
    assert refine.typed(None, ["w:nothing-like-this"]) is None  # the prior is not sure


def test_classify_and_the_coder_share_one_typing() -> None:
    """classify imports the coder and refine; neither imports classify (no cycle)."""
    import ast
    import inspect

    from warwire.code import coder

    for mod in (coder, refine):
        tree = ast.parse(inspect.getsource(mod))
        names = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module}
        assert "warwire.code.classify" not in names


@pytest.mark.slow
@pytest.mark.parametrize(
    ("said", "p", "expected"),
    [
        ("Attack", 0.9, "Attack"),  # confident, and a clash may be re-typed as an attack
        ("Attack", 0.2, "Armed clash"),  # not confident enough
        ("Air/drone strike", 0.99, "Armed clash"),  # no rule read an air strike here
        (NONE, 0.99, "Armed clash"),  # the model never removes a rule mention
    ],
)
def test_the_coder_asks_the_model_and_keeps_event_type_consistent(
    monkeypatch: pytest.MonkeyPatch, said: str, p: float, expected: str
) -> None:
    import datetime as dt

    from warwire.code import code_article
    from warwire.records import Article

    monkeypatch.setattr(refine, "load_type_model", lambda: _Says(said, p))
    text = "Rebels clashed with army troops in Ariha on Tuesday, a monitor said."
    ms = code_article(Article("t-1", text, outlet="Test Wire", published=dt.date(2021, 3, 10)))
    assert [m.sub_event_type for m in ms] == [expected]
    assert ms[0].event_type == tx.SUB_EVENT_TYPES[expected]


def test_balanced_weights_give_a_rare_label_its_share() -> None:
    # "w:town" is seen once with the rare label and five times with the common one: unweighted
    # the common label wins it; balanced, both labels weigh the same and the rare one gains.
    common = [(["w:town", f"w:c{i}"], "Armed clash") for i in range(5)]
    rare = [(["w:town", "w:r"], "Attack")]
    extra = [([f"w:c{i}"], "Armed clash") for i in range(5)]
    ex = common + rare + extra
    plain = train(ex, min_count=1, steps=200, balanced=False)
    fair = train(ex, min_count=1, steps=200, balanced=True)
    i_plain, i_fair = plain.labels.index("Attack"), fair.labels.index("Attack")
    assert fair.scores(["w:town"])[i_fair] > plain.scores(["w:town"])[i_plain] + 0.1
    assert fair.meta["balanced"] is True and plain.meta["balanced"] is False


def test_the_none_label_can_weigh_more_than_one_type() -> None:
    ex = [(["w:blast", f"w:q{i}"], NONE) for i in range(3)] + [
        (["w:blast", f"w:b{i}"], "Remote explosive/landmine/IED") for i in range(3)
    ]
    even = train(ex, min_count=1, steps=200, none_weight=1.0)
    heavy = train(ex, min_count=1, steps=200, none_weight=3.0)
    i = even.labels.index(NONE)
    assert even.scores(["w:blast"])[i] == pytest.approx(0.5, abs=0.05)
    assert heavy.scores(["w:blast"])[i] > even.scores(["w:blast"])[i] + 0.1


EXAMPLES = Path(__file__).resolve().parents[1] / "scripts" / "type_examples.tsv"


def test_invented_examples_cover_every_type_with_valid_labels() -> None:
    pairs = read_examples(EXAMPLES)
    labels = Counter(label for label, _ in pairs)
    assert set(labels) == set(tx.SUB_EVENT_TYPES) | {NONE}
    assert min(labels.values()) >= 5  # a type with one or two sentences teaches nothing
    texts = [t for _, t in pairs]
    assert len(set(texts)) == len(texts)


def test_a_malformed_example_line_names_the_file_and_line(tmp_path: Path) -> None:
    f = tmp_path / "ex.tsv"
    f.write_text(
        "# comment\nAttack\tGunmen shot a farmer.\nno tab on this line\n", encoding="utf-8"
    )
    with pytest.raises(ValueError, match=r"ex\.tsv:3"):
        read_examples(f)
    f.write_text("# comment\n\nAttack\tGunmen shot a farmer.\n", encoding="utf-8")
    assert read_examples(f) == [("Attack", "Gunmen shot a farmer.")]
