"""When two reports are the same event: the rules about how wars are reported.

Each rule is a small pure function over two mentions (or a mention and the candidates it could
join), named for the reporting pattern it covers. `warwire.merge.link` asks them in turn; the
blocking index there decides which pairs are ever compared, these decide the pairs.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

from warwire.code.taxonomy import PROTEST_SUBS, TERRITORY_SUBS, VIOLENT_TYPES
from warwire.places.gazetteer import distance_km
from warwire.places.hierarchy import contains
from warwire.records import DayRef, Mention, Place

FIGHTING = frozenset({"Armed clash"})
BATTLE_FAMILY = TERRITORY_SUBS | FIGHTING  # a place changing hands, and the fighting for it
# Weapon nouns of one family: outlets name the same strike by its delivery ("air strike",
# "shelling", "rockets") or by its payload ("chemical attack"); and the same blast as a
# suicide attack or as a planted bomb, as they learn more.
REMOTE_FAMILY = frozenset(
    {"Air/drone strike", "Shelling/artillery/missile attack", "Chemical weapon"}
)
BLAST_FAMILY = frozenset({"Suicide bomb", "Remote explosive/landmine/IED"})
WEAPON_FAMILIES = {"remote": REMOTE_FAMILY, "blast": BLAST_FAMILY}
CROWD = frozenset({"", "protesters", "civilians", "unknown"})  # the gathering, not a camp
# One camp under different names: the state and its backers; a foreign army and the Syrian
# forces it backs ("Turkish troops took the town" / "Turkish-backed rebels took the town";
# "the US-led coalition" / "the US-backed SDF").
CAMPS = {
    "syrian_government": "state",
    "russia": "state",
    "iran_allies": "state",
    "turkey": "turkey_and_proxies",
    "opposition": "turkey_and_proxies",
    "us_coalition": "coalition_and_sdf",
    "kurdish": "coalition_and_sdf",
}
# A change of control keeps its identity for this long: the same capture is reported as
# "overnight", "on Thursday" and, in a later piece, "took the town on Saturday".
CAPTURE_DAYS = 3
# A vague report joins the biggest precise candidate when it has this many times the sources
# of the next one: a province-level line about "a key town" names the story everyone covers.
DOMINANT = 2


def camp(side: str) -> str:
    """Allies that fight as one camp count as one: outlets name the same fighters by the
    patron ("Turkish forces", "Russian jets") or by the Syrian force it backs."""
    return CAMPS.get(side, side)


# Insurgents under several names: one outlet's "rebels" or "insurgents" are another's
# "jihadists", "HTS and allied factions" or "terrorists", for the same fighters on one front.
INSURGENTS = frozenset({"opposition", "jihadist"})


def one_camp(a: str, b: str) -> bool:
    """Sides A and B are one camp for identity: allies (see `camp`), or "rebels" and
    "jihadists", names outlets give the same insurgents. Not transitive: the rebels are one
    camp with the Turkish army that backs them and with the jihadists they fight beside, but
    the Turkish army and the jihadists are not one camp."""
    return a == b or camp(a) == camp(b) or (a in INSURGENTS and b in INSURGENTS)


def family(sub_event_type: str) -> str:
    """Types that may be one event share a family, and so a block in the index."""
    if sub_event_type in BATTLE_FAMILY:
        return "battle"
    if sub_event_type in PROTEST_SUBS:
        return "protest"
    return weapon_family(sub_event_type) or sub_event_type


def weapon_family(sub_event_type: str) -> str:
    """The family of weapon nouns a type belongs to ("remote": air strike, shelling,
    chemical attack; "blast": suicide bomb, planted bomb), or "" for none."""
    return next((f for f, types in WEAPON_FAMILIES.items() if sub_event_type in types), "")


def same_weapon_family(a: Mention, b: Mention) -> bool:
    """ "A chemical attack on the town", "regime air strikes on the town", "rockets with toxic
    gas": outlets disagree on the weapon of one strike; one event when the nouns are of one
    family (see WEAPON_FAMILIES)."""
    fa = weapon_family(a.sub_event_type)
    return bool(fa) and fa == weapon_family(b.sub_event_type) and not two_weapons_told(a, b)


def two_weapons_told(a: Mention, b: Mention) -> bool:
    """ "Russian jets launched air raids on the town, in conjunction with artillery shelling
    of its southern districts": one sentence of one report that names two remote weapons on
    one place, each its own action and not both by one named side, tells two events; the
    family joins outlets that disagree on the weapon of one strike. One side that "strafed
    the districts with helicopters and pounded them with shelling" on one day is one action
    of that side's (ACLED: one event per actor, place and day)."""
    if a.article != b.article or a.sub_event_type == b.sub_event_type:
        return False
    if weapon_family(a.sub_event_type) != "remote" or a.place is None or b.place is None:
        return False
    if a.place.id != b.place.id:
        return False  # a region's line and a town's: `merge.spread` decides
    if a.actor1 and b.actor1 and one_camp(a.actor1.side, b.actor1.side):
        return False
    starts = {e.start for e in a.evidence if e.article == a.article}
    return any(e.start in starts for e in b.evidence if e.article == b.article)


def one_gathering(a: Mention, b: Mention) -> bool:
    """ "Thousands rallied in the town after Friday prayers" in one outlet, "security forces
    opened fire on protesters in the town" or "police broke up the rally" in another: one
    protest, told with or without the force used on it (ACLED codes it once, by that force).
    The crowd is the same whoever is named for it; the forces, where both reports name them,
    are one camp."""
    if a.sub_event_type not in PROTEST_SUBS or b.sub_event_type not in PROTEST_SUBS:
        return False
    fa = {x.side for x in (a.actor1, a.actor2) if x and x.side not in CROWD}
    fb = {x.side for x in (b.actor1, b.actor2) if x and x.side not in CROWD}
    return all(one_camp(x, y) for x in fa for y in fb)


def is_capture(m: Mention) -> bool:
    return m.sub_event_type in TERRITORY_SUBS


def taker_side(m: Mention) -> str:
    """The side that took the place, when the report or its type says so."""
    if m.actor1 and m.actor1.side not in ("", "unknown", "civilians"):
        return m.actor1.side
    if m.sub_event_type == "Government regains territory":
        return "syrian_government"  # ACLED's type itself names the taker
    return ""


def _sides(m: Mention) -> set[str]:
    return {
        a.side for a in (m.actor1, m.actor2) if a and a.side not in ("", "unknown", "civilians")
    }


def capture_subsumes_clash(a: Mention, b: Mention) -> bool:
    """A capture and the fighting for it ("retook the town after heavy clashes") reported as
    a capture by one outlet and as clashes by another: one event when the taker is one of the
    clash's two camps (a clash has no direction; the loser is often inferred, so it is not
    compared)."""
    cap, clash = (a, b) if is_capture(a) else (b, a)
    if not is_capture(cap) or clash.sub_event_type not in FIGHTING:
        return False
    taker, sides = taker_side(cap), _sides(clash)
    if not taker or not sides or any(one_camp(taker, s) for s in sides):
        return True
    # only one camp of the clash is known and it is not the taker: the loser, if it is the
    # capture's ("clashes with rebels", beside "the army took the town from rebels")
    loser = cap.actor2.side if cap.actor2 else ""
    if len({camp(s) for s in sides}) != 1:
        return False
    return not loser or all(one_camp(loser, s) for s in sides)


def clash_without_direction(a: Mention, b: Mention) -> bool:
    """ "Rebels attacked army positions in the town", "the army repelled a rebel attack on the
    town", "clashes between the army and rebels": a clash has no direction, and outlets name
    its two camps in either order. Two clash reports fit when each known camp of the report
    naming fewer is one camp with a camp of the other (the army and rebels, beside rebels and
    the army; not beside rebels and the Islamic State)."""
    if a.sub_event_type not in FIGHTING or b.sub_event_type not in FIGHTING:
        return False
    sa, sb = _sides(a), _sides(b)
    if not sa or not sb:
        return False
    few, more = (sa, sb) if len(sa) <= len(sb) else (sb, sa)
    return all(any(one_camp(s, t) for t in more) for s in few)


def same_control_change(a: Mention, b: Mention) -> bool:
    """Two captures are one change of control when the same camp took the place; a report
    that names no taker fits any capture of the same ACLED type."""
    if not (is_capture(a) and is_capture(b)):
        return False
    ta, tb = taker_side(a), taker_side(b)
    if ta and tb:
        return one_camp(ta, tb)
    if ta or tb:
        known, blind = (a, b) if ta else (b, a)
        if loser_only(blind):
            return not one_camp(blind.actor2.side, taker_side(known))  # type: ignore[union-attr]
    return a.sub_event_type == b.sub_event_type


def loser_only(m: Mention) -> bool:
    """ "The town was declared free of terrorists", "the last rebels left the town": a capture
    told by who lost the place, not who took it. Its ACLED type is a guess (no taker named),
    so it fits a capture by any camp but the loser's (see `same_control_change`)."""
    return (
        not taker_side(m)
        and m.actor2 is not None
        and m.actor2.side not in ("", "unknown", "civilians")
    )


TOLL_MIN = 5  # a toll this large is distinctive enough to name the incident
TOLL_RISE = 0.75  # 29 and then 33 dead: a toll revised upwards is still the same toll


def toll_key(m: Mention) -> int | None:
    """The toll that identifies an incident, when the report gives one that large and counts
    it (a word like "scores" or "hundreds" stands for a nominal value two reports share by
    chance, so it identifies nothing)."""
    if m.event_type in VIOLENT_TYPES and m.fatalities and m.fatalities >= TOLL_MIN:
        return None if vague_toll(m) else m.fatalities
    return None


def vague_toll(m: Mention) -> bool:
    """True if the mention's toll is only a word for a rough size ("scores of troops",
    "hundreds", "dozens"): every claim giving that value says it without a count."""
    from warwire.read.numbers import VAGUE

    told = [
        c.text.lower().split()
        for c in m.claims
        if c.field == "fatalities" and c.value == m.fatalities and c.text
    ]
    phrases = {p for p, _ in VAGUE}
    return bool(told) and all(
        any(tuple(w[i : i + len(p)]) == p for p in phrases for i in range(len(w))) for w in told
    )


def toll_bucket(toll: int) -> int:
    """Tolls within TOLL_RISE of each other fall in the same or a neighbouring bucket."""
    return int(math.log(toll) / -math.log(TOLL_RISE))


def same_toll(a: Mention, b: Mention) -> bool:
    """ "33 soldiers killed in an air strike", "33 killed as they came under fire": outlets
    disagree on the weapon but give the same toll for the same incident (or the same toll as
    it rose, within TOLL_RISE); one violent event when the toll, the province and (where both
    know it) the victims' camp agree."""
    ta, tb = toll_key(a), toll_key(b)
    if ta is None or tb is None or min(ta, tb) < TOLL_RISE * max(ta, tb):
        return False
    va = a.actor2.side if a.actor2 else ""
    vb = b.actor2.side if b.actor2 else ""
    return not va or not vb or one_camp(va, vb)


def opposite_captures(a: Mention, b: Mention) -> bool:
    """Two changes of control of one place by different camps are never one event."""
    return is_capture(a) and is_capture(b) and not same_control_change(a, b)


def types_fit(a: Mention, b: Mention) -> bool:
    """Same type, two weapon nouns of one family for one strike, or a capture and its
    fighting."""
    if a.sub_event_type == b.sub_event_type and not is_capture(a):
        return True
    if same_weapon_family(a, b) or one_gathering(a, b):
        return True
    if is_capture(a) and is_capture(b):
        return same_control_change(a, b)
    return capture_subsumes_clash(a, b) or same_toll(a, b)


def actors_fit(a: Mention, b: Mention) -> bool:
    """Only the actor who acted decides (the target is often inferred, and more often wrong),
    except between a capture and a clash or two clashes, where the camps are compared as a
    set."""
    if is_capture(a) != is_capture(b) and {a.sub_event_type, b.sub_event_type} & FIGHTING:
        return capture_subsumes_clash(a, b)
    if a.sub_event_type != b.sub_event_type and same_toll(a, b):
        return True  # the victims' camp was compared; who fired is what outlets dispute
    if is_capture(a) and is_capture(b):
        return same_control_change(a, b)
    if a.sub_event_type in PROTEST_SUBS and b.sub_event_type in PROTEST_SUBS:
        return one_gathering(a, b)  # who is actor1 of a crackdown is how ACLED's types differ
    x, y = a.actor1, b.actor1
    if not (x and y and "unknown" not in (x.side, y.side) and not one_camp(x.side, y.side)):
        return True
    return clash_without_direction(a, b)  # who attacked whom is how an outlet tells a clash


def plain_side(m: Mention) -> str | None:
    """The side that acted in M when M is a plain one-sided report (a strike, a shelling, an
    attack on civilians: no capture, clash or protest, no toll large enough to name the
    incident) by a known side. Against such a report `actors_fit` reads only the other
    report's acting side (see `camps_may_fit`); None for any other report."""
    if is_capture(m) or m.sub_event_type in FIGHTING or m.sub_event_type in PROTEST_SUBS:
        return None
    x = m.actor1
    if not x or x.side == "unknown" or toll_key(m) is not None:
        return None
    return x.side


def acting_side(m: Mention) -> str | None:
    """The side M names as acting, as `actors_fit` compares it: None when M names none or an
    unknown one (it contradicts no camp)."""
    x = m.actor1
    return None if not x or x.side == "unknown" else x.side


def camps_may_fit(plain: str, acting: str | None) -> bool:
    """`actors_fit` between a plain report by side PLAIN (see `plain_side`) and a report whose
    acting side is ACTING: no capture, clash, protest or shared toll can make two camps one,
    so it is the camps alone."""
    return acting is None or one_camp(plain, acting)


def day_slack(a: Mention, b: Mention, similar: bool, precise: bool = True) -> int:
    """Days by which two reports' days may differ and still be one event: a change of control
    at a named place keeps its identity for CAPTURE_DAYS; a vague or similar report gets a day
    either side."""
    if is_capture(a) and is_capture(b) and precise:
        return CAPTURE_DAYS
    if a.day and b.day and (similar or a.day.precision > 1 or b.day.precision > 1):
        # a report vague on the place joins a week-long report only within its days: the
        # range is already the slack
        return 1 if precise or similar else 0
    if precise and day_either_side(a, b):
        return 1
    # the fighting for a town and its fall are often told a day apart ("stormed the town on
    # Tuesday", "took it on Wednesday"); the event keeps the capture's day (see fields)
    return 1 if is_capture(a) or is_capture(b) else 0


def explicit_day(day: DayRef) -> bool:
    """A calendar date in the report's own words ("on March 10"), not a day worked out from
    its publication ("yesterday", "on Monday", "overnight") or from the story, nor the page's
    own date stamp ("2019-08-19" above the text), which dates the copy, not the action."""
    return DIGIT.search(day.text) is not None and not STAMP.fullmatch(day.text.strip())


DIGIT = re.compile(r"\d")
STAMP = re.compile(r"\d{4}-\d{2}-\d{2}")  # a machine date: a page's stamp, never prose


def day_either_side(a: Mention, b: Mention) -> bool:
    """Two outlets put one action a day apart when one of them dates it by a word relative
    to its own publication ("yesterday", "late on Monday", "overnight"): a copy published a
    day later, a late-night action or the outlet's time zone shift it. Two calendar dates
    that differ are two days; within one article two days are two actions."""
    if a.article == b.article or a.day is None or b.day is None:
        return False
    if a.day.precision > 1 or b.day.precision > 1:
        return False
    return not (explicit_day(a.day) and explicit_day(b.day))


# Places that name an area rather than a spot: a report there is vague beside a named town.
# A named region (the Eastern Ghouta, Qalamoun) is not one of them: its reports sum an
# offensive over several towns, and joined one of them by chance on the shared sets.
AREA_FEATURES = frozenset({"admin1", "admin2", "admin3"})


def is_area(place: Place) -> bool:
    """A province, district or sub-district rather than a town."""
    return place.feature in AREA_FEATURES


def area_contains(area: Place, spot: Place) -> bool:
    """One action at two scales: "shelling in Ariha district" or "clashes in Idlib
    province" in one outlet, the named town in another. AREA (a vague report's place; a
    place that is no area stands for its province) holds SPOT when SPOT lies in it (see
    `warwire.places.hierarchy`)."""
    if is_area(area):
        return contains(area, spot)
    return bool(area.admin1) and area.admin1 == spot.admin1


def areas_overlap(a: Place, b: Place) -> bool:
    """Two vague reports may be one action when one area holds the other (a region and
    its province), or they are one area."""
    if a.id and a.id == b.id:
        return True
    return area_contains(a, b) or area_contains(b, a)


def city_and_quarter(a: Place, b: Place) -> bool:
    """ "Strikes on Aleppo" in one outlet, "strikes on a named quarter of Aleppo" in
    another: the city holds the quarter, so the city-level report may join the quarter's
    event as a vaguer report of it."""
    return (a.feature == "neighbourhood" or b.feature == "neighbourhood") and (
        contains(a, b) or contains(b, a)
    )


def named_together(a: Mention, b: Mention, key_a: str, key_b: str) -> bool:
    """Twin towns under one siege ("broke the siege of A and B"): a report coded at A names
    B as part of the same action, so a report at B is the same event."""
    return key_b in a.also_at or key_a in b.also_at


def same_name_elsewhere(a: Mention, b: Mention) -> bool:
    """ "Salihiyah" read as the Deir ez-Zor village by one outlet and as the Hasakah one by
    another: two articles naming one town that the gazetteer lists in two provinces. Within one
    article the name was resolved once, so two entries there are two places."""
    if a.article == b.article or not (a.place and b.place) or a.place.id == b.place.id:
        return False
    if not (a.place.shared_name and b.place.shared_name):
        return False
    return entry_name(a.place.name) == entry_name(b.place.name)


# Two entries of one name this close are one settlement and a site named for it (its border
# crossing, dam or airport), or its upper and lower quarters.
NAMESAKE_KM = 12.0


def nearby_namesakes(a: Mention, b: Mention) -> bool:
    """ "The X border crossing" read as the crossing's own entry by one outlet and as the town
    of X by another: two articles, two entries a few kilometres apart that the gazetteer gives
    one name (an entry's own name or one of its other names), are one place. Within one
    article the name was resolved once, so two entries there are two places."""
    if a.article == b.article or not (a.place and b.place) or a.place.id == b.place.id:
        return False
    if place_names(a.place).isdisjoint(place_names(b.place)):
        return False
    return distance_km(a.place, b.place) <= NAMESAKE_KM


def place_names(place: Place) -> frozenset[str]:
    """The names a gazetteer entry goes by (its own and its other names), as `entry_name`s."""
    return _entry_names((place.name, *place.alt_names))


@lru_cache(maxsize=1 << 16)
def _entry_names(names: tuple[str, ...]) -> frozenset[str]:
    return frozenset(n for n in map(entry_name, names) if n)


def entry_name(name: str) -> str:
    """A gazetteer name without case, article or punctuation ("Al-Salihiyah" = "Salihiyah").
    Stricter than the spelling fold: two entries are one town only when their names agree."""
    words = re.sub(r"[^a-z0-9 ]+", " ", name.lower().replace("'", "")).split()
    return " ".join(w for w in words if w not in {"al", "el", "ad", "ar", "as", "ash", "at"})


def vague_may_join(vague: Mention, precise: Mention) -> bool:
    """A province-level line joins another outlet's precise report; within one article, a
    vague line beside a named place is another, vaguer action ("regained villages in Idlib").
    """
    return vague.article != precise.article


def vague_choice(candidates: list[tuple[str, int]]) -> str | None:
    """Which precise event a province-level report joins: the only one that fits, or the one
    that dominates (DOMINANT times the sources of the next); else none, and it stands alone.
    CANDIDATES are (event id, independent sources)."""
    if not candidates:
        return None
    if len(candidates) == 1:
        return candidates[0][0]
    ranked = sorted(candidates, key=lambda t: (-t[1], t[0]))
    if ranked[0][1] >= DOMINANT * ranked[1][1]:
        return ranked[0][0]
    return None


# An event is one action on one day: its day-exact reports span at most this many days
# apart (a day either side of the action, for copies dated from their publication), and a
# change of control at most CAPTURE_DAYS.
EVENT_DAYS = 2


def event_days(days: list[DayRef]) -> tuple[int, int] | None:
    """The core days of an event (ordinals): the earliest..latest of its day-exact reports;
    with none, the days its week- or month-level reports share (or span, if they share
    none)."""
    exact = [d.date.toordinal() for d in days if d.precision == 1]
    if exact:
        return min(exact), max(exact)
    if not days:
        return None
    lo = max(d.start.toordinal() for d in days)
    hi = min(d.end.toordinal() for d in days)
    return (lo, hi) if lo <= hi else (hi, lo)


def fits_event_days(day: DayRef | None, core: tuple[int, int] | None, capture: bool) -> bool:
    """Province-level reports of a busy front ("an air strike in Idlib" every day for two
    weeks) each fit the day of the one before, and chained into one event drifting over a
    month. A report joins an event only when it fits the event's core days: a day-exact
    report may widen them to EVENT_DAYS apart (CAPTURE_DAYS for a change of control), a
    week-level report must overlap them (a day either side)."""
    if day is None or core is None:
        return True
    lo, hi = core
    if day.precision > 1:
        return day.start.toordinal() <= hi + 1 and day.end.toordinal() >= lo - 1
    d = day.date.toordinal()
    if lo <= d <= hi:
        return True
    limit = CAPTURE_DAYS if capture else EVENT_DAYS
    return max(hi, d) - min(lo, d) <= limit
