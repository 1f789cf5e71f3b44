"""Linking mentions into events: the cases an analyst checks first."""

from __future__ import annotations

import datetime as dt

from warwire.merge import control_changes, merge_mentions
from warwire.merge.link import MergeState
from warwire.records import ActorRef, Article, Claim, DayRef, Evidence, Mention, Place

D = dt.date(2021, 3, 9)
ARIHA = Place("Ariha", "p1", "Idlib", latitude=35.8126, longitude=36.6067)
KAFR_NAJD = Place("Kafr Najd", "p2", "Idlib", latitude=35.7829, longitude=36.6254)  # ~3.7 km
SARAQEB = Place("Saraqeb", "p3", "Idlib", latitude=35.8624, longitude=36.8006)
MANBIJ = Place("Manbij", "p4", "Aleppo", latitude=36.5281, longitude=37.9549)
IDLIB = Place("Idlib", "adm-idlib", "Idlib", latitude=35.8, longitude=36.6, feature="admin1")
RUSSIA = ActorRef("Military Forces of Russia (2000-)", "russia")
GOV = ActorRef("Military Forces of Syria (2000-)", "syrian_government")
OPP = ActorRef("Opposition Rebels (Syria)", "opposition")
CIV = ActorRef("Civilians (Syria)", "civilians")


def day(d: dt.date, precision: int = 1, span: int = 0) -> DayRef:
    return DayRef(d, d - dt.timedelta(days=span), d, precision)


def mention(
    mid: str,
    art: str,
    place: Place,
    d: dt.date = D,
    sub: str = "Air/drone strike",
    actor1: ActorRef | None = RUSSIA,
    actor2: ActorRef | None = CIV,
    text: str = "",
    geo: int = 1,
    fatal: int | None = None,
    summary: bool = False,
) -> Mention:
    etype = {
        "Air/drone strike": "Explosions/Remote violence",
        "Shelling/artillery/missile attack": "Explosions/Remote violence",
        "Government regains territory": "Strategic developments",
        "Non-state actor overtakes territory": "Strategic developments",
    }[sub]
    text = text or f"Warplanes struck {place.name} on Tuesday, killing civilians."
    claims = [Claim("fatalities", fatal, art, text=text)] if fatal is not None else []
    return Mention(
        id=mid,
        article=art,
        event_type=etype,
        sub_event_type=sub,
        day=day(d),
        place=place,
        geo_precision=geo,
        actor1=actor1,
        actor2=actor2,
        fatalities=fatal,
        claims=claims,
        evidence=[Evidence(art, 0, len(text), text)],
        summary=summary,
    )


def arts(*specs: tuple[str, str, str]) -> dict[str, Article]:
    return {a: Article(a, "", outlet=o, wire_group=g or a) for a, o, g in specs}


def test_two_outlets_one_event() -> None:
    ms = [mention("a:1", "a", ARIHA, fatal=12), mention("b:1", "b", ARIHA, fatal=12)]
    events = merge_mentions(ms).events(arts(("a", "Outlet A", ""), ("b", "Outlet B", "")))
    assert len(events) == 1
    ev = events[0]
    assert ev.articles == ["a", "b"] and ev.outlets == ["Outlet A", "Outlet B"]
    assert ev.independent_sources == 2 and ev.fatalities == 12 and not ev.conflicts


def test_wire_copy_in_three_outlets_counts_once() -> None:
    ms = [mention(f"{a}:1", a, SARAQEB) for a in ("w1", "w2", "w3")]
    articles = arts(("w1", "Agency", "w1"), ("w2", "Paper", "w1"), ("w3", "Site", "w1"))
    [ev] = merge_mentions(ms).events(articles)
    assert ev.independent_sources == 1
    assert ev.outlets == ["Agency", "Paper", "Site"]
    assert ev.confidence == "low"


def test_neighbouring_villages_same_day_stay_two() -> None:
    ms = [mention("a:1", "a", ARIHA), mention("b:1", "b", KAFR_NAJD, text="Jets hit Kafr Najd.")]
    assert len(merge_mentions(ms).events(arts(("a", "A", ""), ("b", "B", "")))) == 2


def test_same_place_different_days_stay_two() -> None:
    ms = [mention("a:1", "a", ARIHA), mention("b:1", "b", ARIHA, d=D + dt.timedelta(days=3))]
    assert len(merge_mentions(ms).events(arts(("a", "A", ""), ("b", "B", "")))) == 2


def test_opposing_camps_do_not_merge() -> None:
    ms = [
        mention("a:1", "a", SARAQEB, sub="Government regains territory", actor1=GOV, actor2=OPP),
        mention("b:1", "b", SARAQEB, sub="Non-state actor overtakes territory", actor1=OPP),
    ]
    assert len(merge_mentions(ms).events(arts(("a", "A", ""), ("b", "B", "")))) == 2


def test_province_summary_does_not_swallow_precise_events() -> None:
    precise = [
        mention("a:1", "a", ARIHA, fatal=21),
        mention("a:2", "a", MANBIJ, fatal=14),
    ]
    summary = [
        mention("a:3", "a", IDLIB, geo=3, fatal=35, summary=True),
        mention("a:4", "a", Place("Aleppo", "adm-aleppo", "Aleppo", feature="admin1"), geo=3,
                fatal=35, summary=True),
    ]  # fmt: skip
    events = merge_mentions(precise + summary).events(arts(("a", "A", "")))
    assert sorted(e.fatalities for e in events) == [14, 21]


def test_province_level_report_attaches_only_when_unambiguous() -> None:
    one = [
        mention("a:1", "a", ARIHA),
        mention(
            "b:1", "b", IDLIB, geo=3, text="Warplanes struck Ariha on Tuesday, killing civilians."
        ),
    ]
    events = merge_mentions(one).events(arts(("a", "A", ""), ("b", "B", "")))
    assert len(events) == 1 and events[0].location == "Ariha" and events[0].geo_precision == 1
    two = [*one[:1], mention("c:1", "c", SARAQEB), mention("b:1", "b", IDLIB, geo=3)]
    events = merge_mentions(two).events(arts(("a", "A", ""), ("b", "B", ""), ("c", "C", "")))
    assert len(events) == 3


def test_conflicting_figures_are_kept_and_listed() -> None:
    ms = [mention("a:1", "a", ARIHA, fatal=21), mention("b:1", "b", ARIHA, fatal=23)]
    ms[0].claims.append(Claim("airstrikes", 120, "a", "more than"))
    ms[1].claims.append(Claim("airstrikes", 140, "b", attributed_to="local journalist"))
    [ev] = merge_mentions(ms).events(arts(("a", "A", ""), ("b", "B", "")))
    conflicts = {c.field: c.values for c in ev.conflicts}
    assert conflicts == {"airstrikes": [120, 140], "fatalities": [21, 23]}
    assert ev.fatalities == 23  # same day, one source each: the higher (a toll that rose)
    assert {c.value for c in ev.claims if c.field == "airstrikes"} == {120, 140}


def test_wire_copies_with_one_figure_are_not_a_conflict() -> None:
    ms = [mention("a:1", "a", ARIHA, fatal=9), mention("b:1", "b", ARIHA, fatal=9)]
    [ev] = merge_mentions(ms).events(arts(("a", "A", "a"), ("b", "B", "a")))
    assert ev.conflicts == []


def test_control_change_reversed_three_weeks_later() -> None:
    took = mention("a:1", "a", SARAQEB, d=dt.date(2020, 2, 6),
                   sub="Government regains territory", actor1=GOV, actor2=OPP)  # fmt: skip
    back = mention("b:1", "b", SARAQEB, d=dt.date(2020, 2, 27),
                   sub="Non-state actor overtakes territory", actor1=OPP, actor2=GOV)  # fmt: skip
    events = merge_mentions([back, took]).events(arts(("a", "A", ""), ("b", "B", "")))
    changes = control_changes(events)
    assert [(c.date, c.to_side, c.from_side) for c in changes] == [
        (dt.date(2020, 2, 6), "syrian_government", "opposition"),
        (dt.date(2020, 2, 27), "opposition", "syrian_government"),
    ]


def _shape(events) -> list[tuple]:
    return sorted(
        (e.date, e.location, e.sub_event_type, tuple(e.articles), e.fatalities) for e in events
    )


def test_two_batches_equal_one_batch() -> None:
    ms = [
        mention("a:1", "a", ARIHA, fatal=12),
        mention("a:2", "a", SARAQEB, sub="Government regains territory", actor1=GOV, actor2=OPP),
        mention("b:1", "b", ARIHA, fatal=15),
        mention("b:2", "b", IDLIB, geo=3),
        mention("c:1", "c", KAFR_NAJD),
        mention("c:2", "c", SARAQEB, sub="Government regains territory", actor1=GOV, actor2=OPP),
    ]
    articles = arts(("a", "A", ""), ("b", "B", ""), ("c", "C", ""))
    whole = merge_mentions(ms)
    first = merge_mentions(ms[:2])
    stored = MergeState.from_assignments(ms[:2], first.assignments())
    both = merge_mentions(ms[2:], stored)
    assert _shape(whole.events(articles)) == _shape(both.events(articles))
    # earlier assignments keep their event ids
    assert {k: v for k, v in both.assignments().items() if k in first.assignments()} == (
        first.assignments()
    )


def test_blocking_keeps_candidates_local() -> None:
    state = MergeState()
    for i in range(200):
        p = Place(f"Village {i}", f"v{i}", "Idlib" if i % 2 else "Hama", 35 + i / 100, 36.0)
        state.add(mention(f"x:{i}", f"x{i}", p, d=D + dt.timedelta(days=i)))
    probe = mention("y:1", "y", ARIHA, d=D + dt.timedelta(days=51))
    assert len(state.candidates(probe)) <= 3
