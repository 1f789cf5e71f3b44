"""Province-wide lookups by sources (`warwire.merge.ranked`) and the village shortcut of
`link.Cluster.may_place`: the choice they make is the one a full comparison makes."""

from __future__ import annotations

import dataclasses
import random

from test_merge import GOV, IDLIB, OPP, RUSSIA, SARAQEB, arts, mention
from warwire.merge import merge_mentions
from warwire.merge.identity import vague_choice
from warwire.merge.link import Cluster, MergeState, _score
from warwire.merge.ranked import RankedIndex, dominant_fit, settled
from warwire.merge.similarity import bag
from warwire.records import Place

A = (("admin", "Idlib", "remote"), 700_000)
B = (("admin", "Idlib", "remote"), 700_001)


def test_an_event_moves_up_in_every_bucket_when_it_gains_a_source() -> None:
    idx = RankedIndex()
    idx.file("ev-1", [A], 1)
    idx.file("ev-1", [B], 2)  # a second source, reported a day later
    idx.file("ev-2", [A], 1)
    assert idx.buckets[A] == {2: {"ev-1"}, 1: {"ev-2"}}
    assert idx.buckets[B] == {2: {"ev-1"}}
    assert [(lv, sorted(ids)) for lv, ids in idx.by_level([A, B])] == [
        (2, ["ev-1", "ev-1"]),
        (1, ["ev-2"]),
    ]


def test_an_absorbed_event_leaves_every_bucket() -> None:
    idx = RankedIndex()
    idx.file("ev-1", [A, B], 3)
    idx.file("ev-2", [A], 1)
    idx.remove("ev-1")
    assert idx.buckets == {A: {1: {"ev-2"}}}
    assert "ev-1" not in idx.level and "ev-1" not in idx.where


def test_settled_when_no_later_fit_can_change_the_pick() -> None:
    assert not settled([], 1)  # nothing fits yet: any event may
    assert settled([6], 3) and not settled([6], 4)  # 4 sources would stop 6 dominating
    assert settled([6, 2], 3) and not settled([6, 2], 4)
    assert settled([3, 2], 5) and not settled([3, 2], 6)  # 6 would dominate 3


def test_dominant_fit_picks_what_a_full_comparison_picks() -> None:
    rng = random.Random(5)
    for _ in range(400):
        idx = RankedIndex()
        sources = {f"ev-{i}": rng.choice([1, 1, 1, 2, 2, 3, 4, 6]) for i in range(rng.randrange(9))}
        buckets = [A, B]
        for eid, s in sources.items():
            idx.file(eid, rng.sample(buckets, rng.randrange(1, 3)), s)
        fitting = {eid for eid in sources if rng.random() < 0.4}
        known = [(f"vg-{i}", rng.choice([1, 2, 3])) for i in range(rng.randrange(3))]
        skip = {eid for eid, _ in known} | {eid for eid in sources if rng.random() < 0.1}
        expected = vague_choice(known + [(e, sources[e]) for e in fitting - skip])
        assert dominant_fit(idx, buckets, fitting.__contains__, known, skip) == expected


def test_dominant_fit_stops_once_the_best_sourced_event_dominates() -> None:
    idx = RankedIndex()
    idx.file("ev-big", [A], 6)
    for i in range(200):
        idx.file(f"ev-{i}", [A], 1 + i % 3)  # 1 to 3 sources: half of 6 or less
    tried: list[str] = []

    def fits(eid: str) -> bool:
        tried.append(eid)
        return True

    assert dominant_fit(idx, [A], fits, [], set()) == "ev-big"
    assert tried == ["ev-big"]


def test_province_report_finds_its_event_among_many_in_the_province() -> None:
    """Forty strikes by the rebels' camp in the province that day, one by the state's: a
    province-level report of a state air strike joins that one."""
    places = [
        dataclasses.replace(SARAQEB, name=f"Village {i}", id=f"v{i}", latitude=35.0 + i / 50)
        for i in range(41)
    ]
    ms = [mention(f"o{i}:1", f"o{i}", p, actor1=OPP) for i, p in enumerate(places[:40])]
    ms.append(mention("s:1", "s", places[40], actor1=GOV))
    ms.append(mention("v:1", "v", IDLIB, actor1=RUSSIA, geo=3))
    state = merge_mentions(ms)
    assert state.of_mention["v:1"] == state.of_mention["s:1"]
    assert len(state.clusters) == 41


def test_province_report_stands_alone_when_two_events_fit_equally() -> None:
    p1 = dataclasses.replace(SARAQEB, name="Village 1", id="v1")
    p2 = dataclasses.replace(SARAQEB, name="Village 2", id="v2", latitude=36.2)
    ms = [mention("a:1", "a", p1), mention("b:1", "b", p2), mention("v:1", "v", IDLIB, geo=3)]
    state = merge_mentions(ms)
    assert len({state.of_mention[m.id] for m in ms}) == 3


def test_province_index_keeps_each_events_current_sources() -> None:
    ms = [mention(f"{a}:1", a, SARAQEB) for a in ("a", "b", "c")]
    ms.append(mention("v:1", "v", IDLIB, geo=3))
    state = merge_mentions(ms)
    articles = arts(("a", "A", ""), ("b", "B", ""), ("c", "C", ""), ("v", "V", ""))
    assert len(state.events(articles)) == 1
    for eid, c in state.clusters.items():
        assert state.province.level[eid] == c.sources() == 4


def test_neighbouring_village_events_are_ruled_out_before_comparison() -> None:
    here = mention("a:1", "a", SARAQEB)
    near = Place("Hamlet", "p9", "Idlib", latitude=35.8630, longitude=36.8010)
    c = Cluster("ev-1")
    c.add(mention("b:1", "b", near))
    assert not c.may_place(here) and _score(here, bag("strike"), c) is None
    c.add(mention("c:1", "c", near, geo=2))  # "near Hamlet": it may be the same strike
    assert c.may_place(here) and _score(here, bag("strike"), c) is not None


def test_twin_town_named_together_still_fits() -> None:
    twin = Place("Twin", "p8", "Idlib", latitude=35.9, longitude=36.9)
    c = Cluster("ev-1")
    c.add(dataclasses.replace(mention("b:1", "b", twin), also_at=[SARAQEB.id]))
    here = mention("a:1", "a", SARAQEB)
    assert c.may_place(here) and _score(here, bag("strike"), c) is not None
    other = Cluster("ev-2")
    other.add(mention("c:1", "c", twin))
    named = dataclasses.replace(here, also_at=[twin.id])
    assert other.may_place(named) and not other.may_place(here)


def test_state_rebuilt_from_assignments_files_the_province_index() -> None:
    ms = [mention("a:1", "a", SARAQEB), mention("b:1", "b", SARAQEB)]
    state = MergeState.from_assignments(ms, {"a:1": "ev-x", "b:1": "ev-x"})
    assert state.province.level == {"ev-x": 2}


def test_a_nearby_namesake_entry_is_still_compared() -> None:
    """One outlet names the town, another the crossing named for it: the crossing's event
    is not ruled out as another village's."""
    crossing = Place(
        "Saraqeb Crossing", "p7", "Idlib", latitude=35.87, longitude=36.8, alt_names=["Saraqeb"]
    )
    c = Cluster("ev-1")
    c.add(mention("b:1", "b", crossing))
    assert c.may_place(mention("a:1", "a", SARAQEB))
    other = Cluster("ev-2")
    other.add(mention("c:1", "c", dataclasses.replace(crossing, alt_names=[])))
    assert not other.may_place(mention("a:1", "a", SARAQEB))
