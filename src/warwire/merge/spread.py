"""A region's report of an action that its article also tells town by town.

"A nerve-gas attack on the Eastern Ghouta killed hundreds" beside "rockets hit Zamalka, Ein
Tarma and Jobar": ACLED codes such an action once per struck town, so the region-level line
(and the other outlets' region-level reports linked to it) is a report of each of those towns'
events, not an event of its own. Linking files each mention under one event; this pass, run
when the events are built, lends the region's reports to the town events and drops the region
event. It reads only the finished clusters, so the events stay a function of the mentions.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

from warwire.merge.identity import actors_fit, opposite_captures, types_fit
from warwire.places.hierarchy import contains
from warwire.records import Mention, Place

DAY_SLACK = 1  # a region line dated from its publication ("on Wednesday") may be a day off


def region_of(ms: list[Mention]) -> Place | None:
    """The named region (the Eastern Ghouta, the Badia, Qalamoun) that every report of an
    event gives as its place, or None when any report names a town, a province or nothing."""
    places = [m.place for m in ms]
    first = places[0] if places else None
    if first is None or first.feature != "region":
        return None
    if any(p is None or p.feature != "region" or p.id != first.id for p in places):
        return None
    return first


def _days_meet(a: Mention, b: Mention) -> bool:
    """A's days, a day either side, meet B's."""
    if a.day is None or b.day is None:
        return a.day is None and b.day is None
    lo = a.day.start.toordinal() - DAY_SLACK
    hi = a.day.end.toordinal() + DAY_SLACK
    return b.day.start.toordinal() <= hi and b.day.end.toordinal() >= lo


def told_town_by_town(region: Place, region_ms: list[Mention], town_ms: list[Mention]) -> bool:
    """A region-level event (REGION, reports REGION_MS) is also told as the town event
    TOWN_MS: every town report lies in the region, one article gives both the region line and
    the town's, and no pair of reports contradicts on type, camp, change of control or day
    (a day either side). The shared article is what makes the region line the sum of named
    towns rather than a roll-up of a front that joined one town by chance."""
    if not town_ms or not region_ms:
        return False
    if any(m.place is None or not contains(region, m.place) for m in town_ms):
        return False
    if not {m.article for m in region_ms} & {m.article for m in town_ms}:
        return False
    for r in region_ms:
        for t in town_ms:
            if not types_fit(r, t) or not actors_fit(r, t) or opposite_captures(r, t):
                return False
            if not _days_meet(r, t):
                return False
    return True


def without_toll(m: Mention) -> Mention:
    """M as a report of one of several towns: a toll for the whole region ("213 killed across
    the Ghouta") is no town's toll, so its figures are kept only on the region's own words."""
    claims = [c for c in m.claims if c.field != "fatalities"]
    return dataclasses.replace(m, fatalities=None, claims=claims)


def spread_regions(events: Mapping[str, list[Mention]]) -> dict[str, list[Mention]]:
    """EVENTS (event id -> its reports) with each region-level event that its own article also
    tells town by town lent to those towns' events and dropped. A region line lent to several
    towns loses its toll (see `without_toll`); one lent to a single town keeps it."""
    by_article: dict[str, set[str]] = {}
    for eid, ms in events.items():
        for m in ms:
            by_article.setdefault(m.article, set()).add(eid)
    lent: dict[str, list[Mention]] = {}
    gone: set[str] = set()
    for eid in sorted(events):
        ms = events[eid]
        region = region_of(ms)
        if region is None:
            continue
        near = sorted(set().union(*(by_article[m.article] for m in ms)) - {eid})
        towns = [
            t
            for t in near
            if region_of(events[t]) is None and told_town_by_town(region, ms, events[t])
        ]
        if not towns:
            continue
        gone.add(eid)
        given = ms if len(towns) == 1 else [without_toll(m) for m in ms]
        for t in towns:
            lent.setdefault(t, []).extend(given)
    return {
        eid: ms + lent[eid] if eid in lent else ms for eid, ms in events.items() if eid not in gone
    }
