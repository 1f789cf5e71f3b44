"""The merge's shortcuts for dense fronts reject only what the full comparison rejects."""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter

from warwire.merge.link import Cluster, _score, spot_of
from warwire.records import ActorRef, DayRef, Evidence, Mention, Place

D = dt.date(2022, 5, 4)
GOV = ActorRef("Military Forces of Syria (2000-)", "syrian_government")
REBELS = ActorRef("Opposition Rebels (Syria)", "opposition")


def _m(mid: str, art: str, place: Place, geo: int = 1, sub: str = "Armed clash", **kw) -> Mention:
    text = f"Fighting was reported in {place.name}."
    return Mention(
        id=mid,
        article=art,
        event_type="Battles",
        sub_event_type=sub,
        day=DayRef(D, D, D, 1),
        place=place,
        geo_precision=geo,
        actor1=kw.pop("actor1", GOV),
        evidence=[Evidence(art, 0, len(text), text)],
        **kw,
    )


def _event(*ms: Mention) -> Cluster:
    c = Cluster("ev-x")
    for m in ms:
        c.add(m, Counter())
    return c


def _rejects(m: Mention, c: Cluster) -> bool:
    spot = spot_of(m)
    return spot is not None and c.other_village(spot)


NORTH = Place("Tall Ahmar", "v1", "Hama", latitude=35.20, longitude=36.50)
SOUTH = Place("Khirbat Sur", "v2", "Hama", latitude=35.22, longitude=36.51)
HAMA = Place("Hama", "adm-hama", "Hama", feature="admin1")


def test_a_report_at_a_neighbouring_village_is_another_place():
    """Two listed villages a few km apart: the event at one is no candidate for the other."""
    c = _event(_m("a:1", "a", SOUTH))
    m = _m("b:1", "b", NORTH)
    assert _rejects(m, c)
    assert _score(m, Counter(), c) is None


def test_the_same_village_a_twin_a_namesake_or_a_vaguer_report_are_kept():
    m = _m("b:1", "b", NORTH)
    assert not _rejects(m, _event(_m("a:1", "a", NORTH)))
    assert not _rejects(m, _event(_m("a:1", "a", SOUTH, also_at=["v1"])))
    namesake = Place("Tall Ahmar Crossing", "v3", "Hama", alt_names=["Tall Ahmar"])
    assert not _rejects(m, _event(_m("a:1", "a", namesake)))
    assert not _rejects(m, _event(_m("a:1", "a", SOUTH), _m("c:1", "c", HAMA, geo=3)))
    assert not _rejects(m, _event(_m("a:1", "a", SOUTH, geo=2)))  # "near Khirbat Sur"
    assert not _rejects(_m("b:1", "b", NORTH, geo=2), _event(_m("a:1", "a", SOUTH)))


NAMES = [f"Qaryat {c}" for c in "BCDFGHJKLMNPRSTVWZ"]


def _random_place(rng: random.Random, i: int) -> Place:
    name = rng.choice(["Tall Ahmar", "Khirbat Sur", "Al-Tall", "Tall", "Sur"] + NAMES)
    return Place(
        name,
        rng.choice([f"v{i}", f"v{i}", f"v{i % 4}", ""]),
        rng.choice(["Hama", "Idlib"]),
        latitude=35.2 + rng.random() * 0.2,
        longitude=36.5 + rng.random() * 0.2,
        feature=rng.choice(["", "", "", "", "", "neighbourhood", "admin2"]),
        alt_names=rng.choice([[], [], ["Tall"], ["Sur"]]),
        shared_name=rng.random() < 0.3,
    )


def test_the_shortcut_never_rejects_an_event_the_comparison_would_keep():
    rng = random.Random(3)
    rejected = 0
    for i in range(3000):
        ms = [
            _m(
                f"x{i}-{j}:1",
                rng.choice(["a", "b", "c"]),
                _random_place(rng, i * 10 + j),
                geo=rng.choice([1, 1, 1, 1, 1, 2, 3]),
                actor1=rng.choice([GOV, REBELS]),
                also_at=rng.choice([[], [], [f"v{i * 10 + rng.randint(0, 3)}"]]),
            )
            for j in range(rng.randint(2, 4))
        ]
        m, c = ms[0], _event(*ms[1:])
        if _rejects(m, c):
            rejected += 1
            assert _score(m, Counter(), c) is None
    assert rejected > 100
