"""Which numbers in a sentence are deaths and which are wounded: common wire phrasings."""

from __future__ import annotations

import pytest

from warwire.code.figures import sentence_figures
from warwire.read.numbers import find_numbers

CASES = [
    ("Jets killed 50 militants and eight civilians in the north on Tuesday.",
     [("fatalities", 50), ("fatalities", 8)]),
    ("An air strike hit the market, killing 7 civilians and wounding more than 20.",
     [("fatalities", 7), ("wounded", 20)]),
    ("Eleven soldiers and 17 militants were killed in the attack.",
     [("fatalities", 11), ("fatalities", 17)]),
    ("The strike on the town killed 12 and wounded 30.", [("fatalities", 12), ("wounded", 30)]),
    ("40 Civilians Killed 100 Injured in Rocket Attacks", [("fatalities", 40), ("wounded", 100)]),
    ("The attack left 5 dead and 12 wounded.", [("fatalities", 5), ("wounded", 12)]),
    ("Ten soldiers were wounded.", [("wounded", 10)]),
    ("Nine civilians, including two children, were killed.", [("fatalities", 9)]),
    ("At least 4 children were among 22 people killed in the blast.", [("fatalities", 22)]),
    ("The death toll from the bombing has risen to 15.", [("fatalities", 15)]),
    ("The war has killed more than 350,000 people since 2011.", []),
    ("Russia conducted more than 120 airstrikes over 48 hours.", [("airstrikes", 120)]),
    ("Some 9,000 people have died in the province since the uprising began.", []),
    ("Homs was hit by a conflict that has since killed 2,000 people.", []),
    ("Shells hit the city, home to 40,000 people, killing 12 residents.", [("fatalities", 12)]),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "expected"), CASES)
def test_figures(sentence: str, expected: list[tuple[str, int]]) -> None:
    got = [
        (f.field, f.quantity.value) for f in sentence_figures(sentence, 0, find_numbers(sentence))
    ]
    assert got == expected
