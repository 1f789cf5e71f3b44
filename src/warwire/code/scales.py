"""One action reported at two scales in one article is one mention.

Reports name the same strike or battle at the town and again at its province, its region or
"near the capital": "warplanes struck Saqba ... the raids on Eastern Ghouta killed 20". The
article then yields two mentions of one action; the coarser one is dropped and what it adds
(a toll, a named actor) goes to the precise one.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from warwire.places.hierarchy import (
    CAPITAL_PROVINCE,
    around,
    capital_holds,
    contains,
    is_city,
    level,
)
from warwire.records import DayRef, Mention, Place

if TYPE_CHECKING:
    from warwire.code.context import PlaceHit

TOWN = TOWN_LEVEL = 5  # hierarchy level of a town
NEAR_TOWN_KM = 10.0  # "near Saraqeb": a village within this of the town
TOWN_AFTER_REGION = 30  # characters: "Eastern Ghouta's town of Kafr Batna"

NEAR = 2  # geo_precision of "near X", "outside X"


def _days_agree(a: Mention, b: Mention) -> bool:
    if a.day is None or b.day is None:
        return a.day is None and b.day is None
    return a.day.date == b.day.date


# "4 October 2016", "October 4, 2016": a calendar date with no weekday, as a report's header
# or dateline gives the day it was filed
FILED_DATE = re.compile(r"^\s*(\d{1,2} [A-Z][a-z]+,? \d{4}|[A-Z][a-z]+ \d{1,2},? \d{4})\s*$")


def filed_day(day: DayRef) -> bool:
    """The day was taken from a calendar date as a header gives it, or from the report's day
    with no word of its own, rather than from the action's weekday ("on Monday")."""
    return not day.text or FILED_DATE.match(day.text) is not None


def lead_a_day_off(coarse: Mention, fine: Mention) -> bool:
    """ "12 May 2014: A car bomb killed 20 at a market in the province", then "the
    attacker detonated his vest on Monday night in the village of X": a lead told at a province or
    region is often dated by the day the report was filed, the account at the town by the
    action's own weekday, the day before. One action when the coarse one is an area dated by
    the filing day (`filed_day`), the town's day the day before, and the tolls agree."""
    if coarse.place is None or level(coarse.place) > AREA_LEVEL:
        return False
    if coarse.day is None or fine.day is None:
        return False
    if (coarse.day.date - fine.day.date).days != 1 or not filed_day(coarse.day):
        return False
    return not (coarse.fatalities and fine.fatalities and coarse.fatalities != fine.fatalities)


# lower-case only: "Eastern Ghouta", "Northern Hama" are names, not directions
COMPASS = re.compile(
    r"\b(north|south|east|west)(?:ern)?(?:[- ]?(east|west)(?:ern)?)?(?: of(?: the)?| (?=[A-Z]))"
    r"\s*(?P<name>[A-Z][\w'-]*)?"
)
SIGNS = {"north": (1, 0), "south": (-1, 0), "east": (0, 1), "west": (0, -1)}


def _names_place(word: str | None, place: Place) -> bool:
    """The word after a compass word names PLACE (or its province): "northern Idlib" qualifies
    Idlib, while "north-western Syria" names another place and says nothing about which of the
    coarse place's towns is meant. A common noun ("south of the capital") is taken to be it."""
    if not word:
        return True  # "south of the capital": a common noun, read as the coarse place
    key = word.lower().replace("-", " ")[:4]
    names = [place.name or "", place.admin1 or ""]
    return any(n.lower().replace("al-", "").replace("-", " ")[:4] == key for n in names if n)


def _direction_agrees(coarse: Mention, fine: Mention) -> bool:
    """ "pressing offensives south of Aleppo", "strikes on northern Idlib": a coarse place with
    a compass word covers only the towns on that side of it. A compass word on another place
    ("in north-western Syria") does not narrow the coarse place."""
    text = " ".join(e.text for e in coarse.evidence[:1])
    a, b = coarse.place, fine.place
    m = next((m for m in COMPASS.finditer(text) if _names_place(m.group("name"), a)), None)
    if m is None or None in (a.latitude, a.longitude, b.latitude, b.longitude):
        return True
    assert a.latitude is not None and a.longitude is not None
    assert b.latitude is not None and b.longitude is not None
    dlat, dlon = b.latitude - a.latitude, b.longitude - a.longitude
    for word in (m.group(1), m.group(2)):
        if word:
            slat, slon = SIGNS[word.lower()]
            if slat * dlat < 0 or slon * dlon < 0:
                return False
    return True


# weapons fired or dropped from afar; a chemical attack keeps its own kind (the gas, not the
# rockets that carried it, is what the report is about)
REMOTE_WEAPONS = frozenset({
    "Air/drone strike", "Shelling/artillery/missile attack", "Remote explosive/landmine/IED",
})  # fmt: skip
AREA_LEVEL = 3  # a province, a named region or a district: coarser than any town


def remote_weapons_of_one_strike(coarse: Mention, fine: Mention) -> bool:
    """ "Bombs hit a market in the province, killing 11 ... jets struck the town's market":
    a strike told at a province or region and again at a town inside it on the same day may
    name the weapon differently (bombs, shells, an air raid); remote violence told at the
    coarser scale is the precise one's action whatever weapon noun it used. Only for an area
    (a province or region), never between two towns, and only among weapons fired or dropped
    from afar (a clash, or a suicide bomber's attack, and a strike are two actions)."""
    if coarse.place is None or level(coarse.place) > AREA_LEVEL or not _targets_agree(coarse, fine):
        return False
    return coarse.sub_event_type in REMOTE_WEAPONS and fine.sub_event_type in REMOTE_WEAPONS


def _targets_agree(a: Mention, b: Mention) -> bool:
    """Both name the same target, or one leaves it open: "strikes on civilian targets in the
    province" and "shelling of a foreign convoy near a village" hit two targets."""
    return a.actor2 is None or b.actor2 is None or a.actor2.name == b.actor2.name


def _kinds_agree(coarse: Mention, fine: Mention) -> bool:
    return coarse.sub_event_type == fine.sub_event_type or remote_weapons_of_one_strike(
        coarse, fine
    )


def near_village_under_area(coarse: Place | None, fine: Place | None) -> bool:
    """ "Clashes near the village of X ... heavy fighting raged in the province": "near" a
    town or village is less precise than the village, but still finer than the province or
    region around it, so it may stand for the area's report. Not "near" a city or a site in
    one: a city spans as much as the area's report may mean."""
    if coarse is None or fine is None or level(coarse) > AREA_LEVEL:
        return False
    return fine.feature == "populated place" and not is_city(fine)


ANOTHER_ACTION = re.compile(
    r"^\W*(another|a second|a further|in (a|another) separate (incident|attack)|separately)\b",
    re.I,
)


def told_as_another(m: Mention) -> bool:
    """ "A car bomb killed 15 near the capital. Another bomb targeted an officer's car in
    Damascus": an action the report opens with "another", "a second", "in a separate
    incident" is a second action, never the one told before at another scale."""
    return bool(m.evidence) and ANOTHER_ACTION.search(m.evidence[0].text) is not None


def finer_of(coarse: Mention, fine: Mention) -> bool:
    """True when FINE is COARSE's action told at a more precise place: the same kind of event on
    the same day, FINE's place inside COARSE's place, or around it when the coarse mention was
    "near" a city ("near the capital"). Never when either is told as another action."""
    if coarse is fine or coarse.place is None or fine.place is None:
        return False
    if told_as_another(coarse) or told_as_another(fine):
        return False
    if not _kinds_agree(coarse, fine):
        return False
    if not (_days_agree(coarse, fine) or lead_a_day_off(coarse, fine)):
        return False
    near_ok = near_village_under_area(coarse.place, fine.place) and _targets_agree(coarse, fine)
    if fine.geo_precision == NEAR and not near_ok:
        return False  # "near X" is no more precise than X
    if not _direction_agrees(coarse, fine):
        return False
    if contains(coarse.place, fine.place):
        return True
    if capital_holds(coarse.place, fine.place):
        return one_action_around_the_capital(coarse, fine)
    return (
        coarse.geo_precision == NEAR and is_city(coarse.place) and around(coarse.place, fine.place)
    )


def one_action_around_the_capital(coarse: Mention, fine: Mention) -> bool:
    """ "Regime shelling killed 43 near Damascus ... the bombardment hit the town of X": the
    capital's name stands for its countryside too (`hierarchy.as_said`), so a town of the
    countryside may be the precise place of an action told at "Damascus". The capital is
    also where the countryside's fire lands ("rebel rockets on Damascus" while "jets pound
    the suburbs"), so only the same kind of action by the same side is one action."""
    if coarse.sub_event_type != fine.sub_event_type:
        return False
    a, b = coarse.actor1, fine.actor1
    return a is None or b is None or a.name == b.name


def _absorb(fine: Mention, coarse: Mention) -> None:
    """What the coarse report adds to the precise one: a toll, an actor it left empty."""
    if toll_left_open(fine, coarse):
        fine.fatalities = coarse.fatalities
        fine.claims = [c for c in fine.claims if c.field != "fatalities" or c.value]
        fine.claims.extend(c for c in coarse.claims if c.field == "fatalities")
    # other figures ("after 140 air strikes") are the article's own claims about the action
    fine.claims.extend(c for c in coarse.claims if c.field != "fatalities" and c not in fine.claims)
    if day_within(coarse, fine):
        fine.day = coarse.day
    if fine.actor1 is None and coarse.actor1 is not None:
        fine.actor1 = coarse.actor1
    if fine.actor2 is None and coarse.actor2 is not None and coarse.actor2 != fine.actor1:
        fine.actor2 = coarse.actor2
    fine.evidence.extend(e for e in coarse.evidence if e not in fine.evidence)


def toll_left_open(fine: Mention, coarse: Mention) -> bool:
    """ "Helicopter fire killed 12 in a camp near the border ... seven were also wounded in the
    raid on the camp near the village of X": the precise line counts only the wounded, so its
    zero dead is no count of the dead; the coarse line's toll is the action's."""
    return not fine.fatalities and bool(coarse.fatalities)


def day_within(coarse: Mention, fine: Mention) -> bool:
    """ "The convoy was hit around X" with only the article's week, "strikes hit the convoy in
    the province this morning": the coarse line dates the action the precise one left undated,
    a day inside the precise one's range."""
    a, b = coarse.day, fine.day
    if a is None or b is None or a.precision >= b.precision:
        return False
    return b.start <= a.start and a.end <= b.end


def _place_key(p: Place | None) -> tuple | None:
    return None if p is None else (p.name, p.admin1, p.latitude, p.longitude)


def _move_to(coarse: Mention, fine: Mention) -> None:
    """The coarse report re-told at the precise place it repeats (its figures, day and actors
    stay its own, as one more report of that place's action)."""
    coarse.place = fine.place
    coarse.geo_precision = fine.geo_precision


def one_scale(mentions: list[Mention]) -> list[Mention]:
    """Drop each mention that a more precise mention of the same article repeats.

    One precise mention: the coarse one is folded into it (`_absorb`). Several precise
    mentions all at one place ("jets struck Saraqib ... raids on Saraqib ... after 90 strikes in
    Idlib province"): the coarse one is that place's action told once more, so it moves there with
    its figures rather than losing them. Precise mentions at several places: it is dropped."""
    dropped: set[int] = set()
    for coarse in mentions:
        fine = [n for n in mentions if id(n) not in dropped and finer_of(coarse, n)]
        if not fine:
            continue
        if len(fine) == 1:
            dropped.add(id(coarse))
            _absorb(fine[0], coarse)
        elif len({_place_key(n.place) for n in fine}) == 1:
            _move_to(coarse, fine[0])
        else:
            dropped.add(id(coarse))
    return [m for m in mentions if id(m) not in dropped]


def finest(hits: list[PlaceHit], named: list[PlaceHit] | None = None) -> list[PlaceHit]:
    """ "struck a market in Eastern Ghouta's town of Kafr Batna", "shelling on Saraqeb in Idlib
    province": among the places of one action, a named town or quarter wins over the region
    or the province around it; a province is kept only when nothing finer is named. A region
    chosen alone gives way to a town inside it named right after it in the sentence (NAMED)."""
    if not hits:
        return hits
    towns = [h for h in hits if not h.province and level(h.place) >= TOWN]
    if towns:
        return towns
    regions = [h for h in hits if not h.province]
    if len(regions) == 1 and regions[0].place.feature == "region":
        inside = [
            h
            for h in named or []
            if 0 <= h.start - regions[0].end <= TOWN_AFTER_REGION
            and not h.near
            and contains(regions[0].place, h.place)
        ]
        if inside:
            return inside[:1]
    return regions or hits


def covers(hit: PlaceHit, inner: Place) -> bool:
    """True when a place named at a coarse scale may mean INNER: INNER lies inside it, or it
    is a city named "near"/as the capital's governorate and INNER is one of its suburbs."""
    if contains(hit.place, inner):
        return True
    capital = hit.place.admin1 == CAPITAL_PROVINCE
    if not (hit.near or capital):
        return False
    if hit.province and capital_holds(hit.place, inner):
        return True  # "the town of X near Damascus": see hierarchy.as_said
    if capital or is_city(hit.place):
        return around(hit.place, inner)
    return hit.place.feature == "populated place" and around(hit.place, inner, NEAR_TOWN_KM)
