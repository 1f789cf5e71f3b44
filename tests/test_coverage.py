"""Events reported in ways the coder used to miss (invented sentences)."""

from __future__ import annotations

import datetime as dt

import pytest

from warwire.code import code_article
from warwire.records import Article, Mention

pytestmark = pytest.mark.slow

WED = dt.date(2021, 3, 10)  # a Wednesday


def code(text: str, published: dt.date = WED) -> list[Mention]:
    return code_article(Article("t-1", text, outlet="Test Wire", published=published))


def kinds(ms: list[Mention]) -> list[str]:
    return sorted(m.sub_event_type for m in ms)


def test_warplanes_attacking_is_an_air_strike() -> None:
    ms = code("Warplanes attacked a column of trucks near Ariha on Tuesday.")
    assert kinds(ms) == ["Air/drone strike"]


def test_an_israeli_attack_is_an_air_strike_unless_troops_fight() -> None:
    ms = code("Israel attacked a residential building in Kafr Sousa in Damascus on Tuesday.")
    assert kinds(ms) == ["Air/drone strike"]
    assert ms[0].actor1 is not None and ms[0].actor1.side == "israel"
