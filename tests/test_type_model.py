"""The learned type model: reproducible training, a file that loads, and a gated say in coding."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import spacy

from warwire.code import refine
from warwire.code import taxonomy as tx
from warwire.code.case2021 import Snippet, folds
from warwire.code.type_model import NONE, load_type_model, read_model, save_model, train

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


def _span(text: str):  # a parsed-enough span: cue features need only the text
    return spacy.blank("en")(text)[:]


@pytest.fixture
def toy_model(monkeypatch: pytest.MonkeyPatch):
    m = train(SYNTHETIC, min_count=1, steps=200)
    monkeypatch.setattr(refine, "load_type_model", lambda: m)
    return m


def test_the_model_refines_a_generic_clash_into_an_attack(toy_model) -> None:
    span = _span("Gunmen fired at civilians on the road.")
    assert refine.refine_sub_event("Armed clash", tx.CLASH, span, [], 0) == "Attack"


def test_the_model_leaves_weapon_specific_kinds_and_territory_alone(toy_model) -> None:
    span = _span("Gunmen fired at civilians on the road.")
    assert refine.refine_sub_event("Air/drone strike", tx.AIR, span, [], 0) == "Air/drone strike"
    got = refine.refine_sub_event("Government regains territory", tx.TERRITORY, span, [], 0)
    assert got == "Government regains territory"


def test_the_model_may_only_turn_a_kind_into_its_neighbours(toy_model) -> None:
    span = _span("Gunmen fired at civilians on the road.")  # the toy model says Attack
    assert refine.refine_sub_event("Peaceful protest", tx.PROTEST, span, [], 0) == (
        "Peaceful protest"
    )


class _Stub:
    """A model that always says the same thing, to watch what the coder does with it."""

    def __init__(self, label: str, p: float) -> None:
        self.label, self.p = label, p

    def predict(self, feats: list[str]) -> tuple[str, float]:
        return self.label, self.p


@pytest.mark.slow
@pytest.mark.parametrize(
    ("said", "p", "expected"),
    [
        ("Attack", 0.9, "Attack"),  # confident, and a clash may be re-typed as an attack
        ("Attack", 0.3, "Armed clash"),  # not confident enough
        ("Air/drone strike", 0.99, "Armed clash"),  # a type a clash cannot turn into
        (NONE, 0.99, "Armed clash"),  # the model never removes a rule mention
    ],
)
def test_the_coder_asks_the_model_and_keeps_event_type_consistent(
    monkeypatch: pytest.MonkeyPatch, said: str, p: float, expected: str
) -> None:
    import datetime as dt

    from warwire.code import code_article
    from warwire.records import Article

    monkeypatch.setattr(refine, "load_type_model", lambda: _Stub(said, p))
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
