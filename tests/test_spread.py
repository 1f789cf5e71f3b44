"""A region's report of an action that its article also tells town by town (merge.spread).

Every mention here is invented: a strike on a named region told by one outlet as the region and
the towns it hit, and by another outlet as the region only.
"""

from __future__ import annotations

import datetime as dt

from test_identity import GOV, OPP, TUE, events, m
from warwire.merge.spread import region_of, spread_regions, told_town_by_town, without_toll
from warwire.records import ActorRef, Place

VALE = Place(
    "Green Vale", "region:green-vale", "Idlib", latitude=35.90, longitude=36.70, feature="region"
)
ALPHA = Place("Alphaville", "p21", "Idlib", latitude=35.92, longitude=36.72)  # ~3 km
BETA = Place("Betatown", "p22", "Idlib", latitude=35.86, longitude=36.66)  # ~6 km
FAR = Place("Faraway", "p23", "Idlib", latitude=36.40, longitude=36.70)  # ~55 km
CIV = ActorRef("Civilians (Syria)", "civilians")
SHELL = "Shelling/artillery/missile attack"
GAS = "Chemical weapon"


def test_region_of_needs_every_report_at_one_region() -> None:
    assert region_of([m("a:1", GAS, VALE), m("b:1", SHELL, VALE)]) is VALE
    assert region_of([m("a:1", GAS, VALE), m("a:2", SHELL, ALPHA)]) is None
    assert region_of([m("a:2", SHELL, ALPHA)]) is None


def test_a_region_line_and_its_own_articles_towns_are_one_action() -> None:
    region = [m("a:1", GAS, VALE, a1=None, a2=CIV), m("b:1", SHELL, VALE, a2=None)]
    town = [m("a:2", SHELL, ALPHA, a1=None, a2=None)]
    assert told_town_by_town(VALE, region, town)


def test_no_shared_article_no_spread() -> None:
    """Another outlet's region line beside a town report: a roll-up of a front, not known to
    be the sum of this town."""
    region = [m("b:1", SHELL, VALE)]
    town = [m("a:2", SHELL, ALPHA)]
    assert not told_town_by_town(VALE, region, town)


def test_a_town_outside_the_region_or_of_another_camp_or_day_is_not_told() -> None:
    region = [m("a:1", SHELL, VALE)]
    assert not told_town_by_town(VALE, region, [m("a:2", SHELL, FAR)])
    assert not told_town_by_town(VALE, region, [m("a:2", SHELL, ALPHA, a1=OPP, a2=GOV)])
    later = TUE + dt.timedelta(days=3)
    assert not told_town_by_town(VALE, region, [m("a:2", SHELL, ALPHA, d=later)])
    assert not told_town_by_town(VALE, region, [m("a:2", "Armed clash", ALPHA)])


def test_the_region_event_is_lent_to_each_town_and_dropped() -> None:
    ms = [
        m("a:1", GAS, VALE, a1=None, a2=CIV, fatal=200),  # "a gas attack on the Vale killed 200"
        m("a:2", SHELL, ALPHA, a1=None, a2=None),  # "rockets hit Alphaville and Betatown"
        m("a:3", SHELL, BETA, a1=None, a2=None),
        m("b:1", SHELL, VALE, a2=None),  # another outlet: "the army shelled the Vale"
    ]
    evs = events(ms)
    assert sorted(e.location for e in evs) == ["Alphaville", "Betatown"]
    for e in evs:
        assert e.articles == ["a", "b"]
        assert e.actor1_side == "syrian_government" and e.actor2_side == "civilians"
        assert e.fatalities is None  # the region's toll is no one town's


def test_a_region_told_as_one_town_keeps_its_toll() -> None:
    ms = [m("a:1", SHELL, VALE, fatal=12), m("a:2", SHELL, ALPHA), m("b:1", SHELL, VALE)]
    [e] = events(ms)
    assert e.location == "Alphaville" and e.fatalities == 12 and e.articles == ["a", "b"]


def test_a_region_event_without_its_towns_stands() -> None:
    ms = [m("a:1", SHELL, VALE), m("b:1", SHELL, VALE), m("c:1", SHELL, ALPHA)]
    assert sorted(e.location for e in events(ms)) == ["Alphaville", "Green Vale"]


def test_spread_leaves_other_events_alone() -> None:
    town = [m("c:1", SHELL, FAR)]
    region = [m("a:1", SHELL, VALE)]
    assert spread_regions({"e1": town, "e2": region}) == {"e1": town, "e2": region}


def test_without_toll_drops_only_the_fatalities() -> None:
    x = without_toll(m("a:1", SHELL, VALE, fatal=9))
    assert x.fatalities is None and not [c for c in x.claims if c.field == "fatalities"]
    assert x.id == "a:1" and x.place is VALE
