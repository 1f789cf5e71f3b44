"""One action told twice in one article under two names for who did it.

A headline or lead names the group ("Front X led an attack on army positions in the Y
district"), the body the generic camp ("rebels and allied militants attacked army positions in
the Y district"); or one sentence tells a town's fall and the next the fighting for it, naming
the attacker once by its affiliation and once by its name. Both are the same action: the same
kind of fighting (or a capture and the fighting for it), at the same named place, on the same
day, against the same target. They are one mention; the second name becomes an associated
actor.

A photo caption dated by its picture ("..., Syria September 20, 2016") or a sentence whose day
was carried over from the one before may also retell, a day apart, the action another sentence
dates; at the same spot that is one action too (`one_day`).
"""

from __future__ import annotations

import re

from warwire.code import taxonomy as tx
from warwire.places.hierarchy import around, city_of, contains, is_city, same_place
from warwire.records import Mention, Place

TOWN_PRECISION = 1  # only a named spot: two reports at a province may be two actions
NEAR_PRECISION = 2  # "near X": still X's spot


def _same_kind(a: Mention, b: Mention) -> bool:
    """One kind of action, or a capture and the fighting for it. Two captures by two names
    are left to the merge, which compares who took the place from whom."""
    if a.sub_event_type in tx.CAPTURE_SUBS and b.sub_event_type in tx.CAPTURE_SUBS:
        return False
    if a.sub_event_type == b.sub_event_type:
        return True
    return {a.sub_event_type, b.sub_event_type} <= tx.FIGHT_SUBS


def _place_key(m: Mention) -> tuple | None:
    p = m.place
    return None if p is None else (p.name, p.admin1, p.latitude, p.longitude)


def named_spot(m: Mention) -> bool:
    """ "in X" or "near X": the mention is placed at a named town, not at a province. "Clashes
    near X" and "militants seized X" on one day are one fight for X."""
    return m.geo_precision in {TOWN_PRECISION, NEAR_PRECISION}


def same_action_two_names(a: Mention, b: Mention) -> bool:
    """True when B retells A's action, naming its doer differently (see module doc)."""
    if a is b or a.article != b.article:
        return False
    if not (named_spot(a) and named_spot(b)):
        return False
    if _place_key(a) is None or _place_key(a) != _place_key(b):
        return False
    if a.day is None or b.day is None or a.day.date != b.day.date:
        return False
    if not _same_kind(a, b):
        return False
    if a.actor1 is None or b.actor1 is None or a.actor1.name == b.actor1.name:
        return False  # a blank or equal doer is the merge's to judge
    if a.actor2 is None or b.actor2 is None or a.actor2.name != b.actor2.name:
        return False  # one target is what makes two names one side
    return a.actor1.name != b.actor2.name and b.actor1.name != a.actor2.name


def _fold(keep: Mention, other: Mention) -> None:
    """KEEP takes what OTHER adds: the second name, a toll, figures, its evidence."""
    assert other.actor1 is not None
    if all(x.name != other.actor1.name for x in keep.assoc_actor_1):
        keep.assoc_actor_1.append(other.actor1)
    if keep.fatalities is None and other.fatalities is not None:
        keep.fatalities = other.fatalities
    keep.add_evidence_of(other)


def one_name(mentions: list[Mention]) -> list[Mention]:
    """Fold each mention that retells an earlier one under another name for its doer; a
    capture is kept over the fighting it ended."""
    out: list[Mention] = []
    for m in mentions:
        first = next((k for k in out if same_action_two_names(k, m)), None)
        if first is None:
            out.append(m)
            continue
        if m.sub_event_type in tx.CAPTURE_SUBS and first.sub_event_type not in tx.CAPTURE_SUBS:
            _fold(m, first)
            out[out.index(first)] = m
        else:
            _fold(first, m)
    return out


def same_protest(peaceful: Mention, violent: Mention) -> bool:
    """ "Security forces shot five protesters in the port city ... the protest and the killings
    took place in its X quarter": a protest told once as a gathering and once as the force
    used on it, on one day, in one place or a quarter of that city, is one protest (the
    crackdown's type, which says what happened to it)."""
    if peaceful.article != violent.article or peaceful.sub_event_type != tx.PEACEFUL_PROTEST:
        return False
    if violent.sub_event_type not in tx.BROKEN_UP:
        return False
    if peaceful.day is None or violent.day is None or peaceful.day.date != violent.day.date:
        return False
    a, b = peaceful.place, violent.place
    if a is None or b is None:
        return False
    return same_place(a, b) or contains(a, b) or contains(b, a)


def one_protest(mentions: list[Mention]) -> list[Mention]:
    """Fold each peaceful-protest mention into the crackdown on it told in the same article."""
    out: list[Mention] = []
    for m in mentions:
        violent = next((v for v in mentions if v is not m and same_protest(m, v)), None)
        if violent is None:
            out.append(m)
            continue
        violent.add_evidence_of(m)
    return out


# -- one action told a day apart ------------------------------------------------------------

CAPTION_DATE = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December)\.? \d{1,2}, (?:19|20)\d\d\.?\s*$"
)


def caption_dated(m: Mention) -> bool:
    """ "Men walk past a damaged truck after an air strike on the town of X, Syria September
    20, 2016.": a wire photo caption ends on the day the picture was taken, which may be a
    day after the action it shows."""
    return any(CAPTION_DATE.search(e.text) for e in m.evidence[:1])


def loosely_dated(m: Mention) -> bool:
    """M's day is not told by its own sentence (it was carried over from an earlier one, so
    "several quarters are being bombed" takes the day of the sentence before), or it is the
    day of a photo caption."""
    if m.day is None or not m.evidence:
        return False
    if caption_dated(m):
        return True
    return not m.day.text or m.day.text.lower() not in m.evidence[0].text.lower()


def _finer(a: Mention, b: Mention) -> Mention | None:
    """The more precise of two places that may name one spot: A when they are the same, the
    town just outside a city named "near" when one of them is; None otherwise. A town inside
    a province, or a quarter inside a city, is no one spot: a city's bombs on two days are
    two bombings."""
    pa, pb = a.place, b.place
    if pa is None or pb is None:
        return None
    if same_place(pa, pb):
        return a
    if _outside(a, pb):
        return b  # "near the city of X" and a town just outside it
    if _outside(b, pa):
        return a
    return None


def _outside(near: Mention, town: Place) -> bool:
    """NEAR is placed "near" a city and TOWN is a town just outside it (not a quarter in it)."""
    city = near.place
    if city is None or near.geo_precision != NEAR_PRECISION or not is_city(city):
        return False
    return town.feature != "neighbourhood" and not city_of(town) and around(city, town)


def told_a_day_apart(firm: Mention, loose: Mention) -> bool:
    """ "An air strike hit aid trucks near the city on Monday ... [caption] ... after an air
    strike on the town of X, September 20": one kind of action at one spot (or a town and
    the area around it) in one article, a day apart, where one of the two days is not the
    action's own (carried over from another sentence, or a caption's picture day), is one
    action told twice."""
    if firm is loose or firm.article != loose.article:
        return False
    if firm.sub_event_type != loose.sub_event_type or firm.day is None or loose.day is None:
        return False
    if abs((firm.day.date - loose.day.date).days) != 1:
        return False
    if not loosely_dated(loose) or (loosely_dated(firm) and not caption_dated(loose)):
        return False
    return _finer(firm, loose) is not None


def _fold_day_apart(keep: Mention, other: Mention) -> None:
    """KEEP (the firmly dated) takes OTHER's finer place, the actors it left empty, and its
    evidence."""
    finer = _finer(keep, other)
    if finer is other and other.place is not None and keep.place is not None:
        if not same_place(keep.place, other.place):
            keep.place, keep.geo_precision = other.place, other.geo_precision
    if keep.actor1 is None and other.actor1 is not None:
        keep.actor1 = other.actor1
    if keep.actor2 is None and other.actor2 is not None and other.actor2 != keep.actor1:
        keep.actor2 = other.actor2
    if keep.fatalities is None and other.fatalities is not None:
        keep.fatalities = other.fatalities
    keep.add_evidence_of(other)


def one_day(mentions: list[Mention]) -> list[Mention]:
    """Fold each mention that retells another of its article a day apart (`told_a_day_apart`)
    into the one whose day is the action's own."""
    dropped: set[int] = set()
    for loose in mentions:
        firm = next(
            (f for f in mentions if id(f) not in dropped and told_a_day_apart(f, loose)), None
        )
        if firm is not None:
            _fold_day_apart(firm, loose)
            dropped.add(id(loose))
    return [m for m in mentions if id(m) not in dropped]
