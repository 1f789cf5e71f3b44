"""The merge's shortcuts for dense fronts reject only what the full comparison rejects."""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter

from warwire.merge.identity import (
    acting_side,
    actors_fit,
    camps_may_fit,
    opposite_captures,
    plain_side,
)
from warwire.merge.link import Cluster, _by_rank, _rank, _score, spot_of
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


SIDES = [
    "syrian_government",
    "russia",
    "opposition",
    "jihadist",
    "turkey",
    "kurdish",
    "unknown",
    "",
]
SUBS = [
    "Air/drone strike",
    "Shelling/artillery/missile attack",
    "Armed clash",
    "Attack",
    "Government regains territory",
    "Non-state actor overtakes territory",
    "Peaceful protest",
]


def _random_report(rng: random.Random, i: int) -> Mention:
    side = rng.choice([*SIDES, None])
    toll = rng.choice([None, 0, 2, 5, 6, 30])
    return _m(
        f"r{i}:1",
        rng.choice(["a", "b"]),
        NORTH,
        sub=rng.choice(SUBS),
        actor1=ActorRef("x", side) if side is not None else None,
        actor2=rng.choice([None, ActorRef("y", rng.choice(SIDES))]),
        fatalities=toll,
    )


def test_a_plain_report_fits_the_camps_its_acting_side_fits():
    """`Cluster.may_be_by` passes over an event by the acting side alone only where the full
    comparison of camps gives the same answer."""
    rng = random.Random(5)
    plain = 0
    for i in range(4000):
        m, o = _random_report(rng, 2 * i), _random_report(rng, 2 * i + 1)
        side = plain_side(m)
        if side is None:
            continue
        plain += 1
        full = actors_fit(m, o) and not opposite_captures(m, o)
        assert camps_may_fit(side, acting_side(o)) == full
        assert _event(o).may_be_by(side) == full
    assert plain > 500


def test_an_event_of_mixed_sides_is_left_to_the_full_comparison():
    c = _event(_m("a:1", "a", NORTH, sub="Attack"), _m("b:1", "b", NORTH, actor1=REBELS))
    assert c.may_be_by("russia")
    assert not _event(_m("a:1", "a", NORTH, sub="Attack", actor1=REBELS)).may_be_by("russia")


def test_events_are_taken_in_rank_order():
    rng = random.Random(9)
    events = []
    for i in range(200):
        c = _event(*[_m(f"e{i}-{j}:1", f"art{rng.randrange(6)}", NORTH) for j in range(3)])
        c.id = f"ev-{rng.randrange(10**6):06d}"
        events.append(c)
    assert list(_by_rank(events)) == sorted(events, key=_rank)
