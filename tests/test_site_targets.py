"""The site a bombing hit names its target when the hurt are counted only as people
(invented sentences)."""

from __future__ import annotations

import pytest

from coding import code


@pytest.mark.parametrize(
    ("sentence", "target"),
    [
        # a state site hit, the hurt counted as people: the state was the target
        ("A car bomb went off near a military compound in Mezzeh in Damascus on Sunday, "
         "wounding four people.", "Military Forces of Syria (2000-)"),
        ("A car bomb exploded near the headquarters of the Syrian army in Mezzeh in Damascus "
         "on Sunday, wounding four people.", "Military Forces of Syria (2000-)"),
        # civilians named, or a civilian site: civilians stay the target
        ("A car bomb went off near a military compound in Mezzeh in Damascus on Sunday, "
         "wounding four civilians.", "Civilians (Syria)"),
        ("A car bomb went off in a market in Mezzeh in Damascus on Sunday, wounding four "
         "people.", "Civilians (Syria)"),
    ],
)  # fmt: skip
def test_site_hit_names_the_target(sentence: str, target: str) -> None:
    (m,) = code(sentence)
    assert m.actor2 is not None and m.actor2.name == target
