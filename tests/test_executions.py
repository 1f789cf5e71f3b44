"""Executions of captured fighters are attacks, not clashes (kinds.executed_captives;
invented sentences)."""

from __future__ import annotations

import pytest

from coding import code, kinds
from warwire.code.kinds import executed_captives
from warwire.code.triggers import find_triggers
from warwire.read.nlp import load_nlp

pytestmark = pytest.mark.slow


def _trigger(sentence: str, word: str):  # noqa: ANN202
    return next(t for t in find_triggers(load_nlp()(sentence)[:]) if t.token.text == word)


@pytest.mark.parametrize(
    "text",
    [
        "Militants summarily executed 20 captured soldiers in the town of Ariha on Tuesday.",
        "Twelve soldiers were beheaded by militants in the town of Ariha on Tuesday.",
    ],
)
def test_soldiers_put_to_death_are_an_attack(text: str) -> None:
    assert "Attack" in kinds(code(text))
    assert "Armed clash" not in kinds(code(text))


def test_carrying_out_an_attack_is_no_execution() -> None:
    sentence = "Militants executed an attack on an army checkpoint near Ariha on Tuesday."
    assert not executed_captives(_trigger(sentence, "executed"))
    assert "Attack" not in kinds(code(sentence))


def test_soldiers_killed_in_fighting_stay_a_clash() -> None:
    text = (
        "Militants attacked an army checkpoint in the town of Ariha on Tuesday, killing 12 troops."
    )
    assert "Armed clash" in kinds(code(text))
