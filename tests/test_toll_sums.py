"""A later sentence's counts: more dead, or the told total broken down by group (invented)."""

from __future__ import annotations

import pytest

from coding import code
from warwire.code.figures import sentence_figures
from warwire.code.toll_sums import breaks_down, first_count_adds, toll_after
from warwire.read.numbers import find_numbers

LEAD = "Air strikes killed at least 30 people in Saraqib on Monday, a monitor said. "


def toll(text: str) -> int | None:
    (m,) = code(text)
    return m.fatalities


@pytest.mark.parametrize(
    ("follow", "expected"),
    [
        # the total's breakdown by group, an "another" joining the sentence's own groups
        ("The strikes killed 18 civilians and 9 fighters, and another 5 bodies are unnamed.", 30),
        ("The strikes killed 18 civilians and 16 fighters.", 30),
        # more dead, said at the sentence's first count
        ("Another six people later died of their wounds.", 36),
        ("Nine others died in hospital overnight.", 39),
        ("Four rescue workers were also killed.", 34),
        # a later, larger count of the same dead, and groups far past the total: no breakdown
        ("Later, 41 people were reported killed.", 41),
        ("The strikes killed 48 civilians and 16 fighters.", 64),
    ],
)
def test_follow_up_toll(follow: str, expected: int) -> None:
    assert toll(LEAD + follow) == expected


def figures(sentence: str):  # noqa: ANN201
    return sentence_figures(sentence, 0, find_numbers(sentence))


def test_addition_word_after_the_first_count_adds_nothing() -> None:
    s = "The raid killed 12 civilians and 20 militiamen, and another 8 bodies lie unnamed."
    assert not first_count_adds(s, 0, figures(s))
    s = "Another 8 bodies were brought to the hospital."
    assert first_count_adds(s, 0, figures(s))
    s = "More than 40 soldiers were killed, the monitor said."
    assert not first_count_adds(s, 0, figures(s))


def test_breakdown_needs_groups_summing_to_the_total() -> None:
    s = "The raid killed 12 civilians and 20 militiamen."
    assert breaks_down(30, figures(s))
    assert not breaks_down(10, figures(s))  # far past the total: more dead than told
    assert not breaks_down(30, figures("The raid killed 32 civilians."))  # one count: a rival


def test_toll_after() -> None:
    assert toll_after(None, 7, adds=False, broken_down=False) == 7
    assert toll_after(10, 7, adds=True, broken_down=False) == 17
    assert toll_after(50, 52, adds=False, broken_down=True) == 50
    assert toll_after(10, 7, adds=False, broken_down=False) == 10
