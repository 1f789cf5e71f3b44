"""One action told twice in one article under two names for who did it.

A headline or lead names the group ("Front X led an attack on army positions in the Y
district"), the body the generic camp ("rebels and allied militants attacked army positions in
the Y district"); or one sentence tells a town's fall and the next the fighting for it, naming
the attacker once by its affiliation and once by its name. Both are the same action: the same
kind of fighting (or a capture and the fighting for it), at the same named place, on the same
day, against the same target. They are one mention; the second name becomes an associated
actor.
"""

from __future__ import annotations

from warwire.places.hierarchy import contains, same_place
from warwire.records import Mention

CAPTURES = frozenset({"Government regains territory", "Non-state actor overtakes territory"})
BATTLE = CAPTURES | {"Armed clash"}
TOWN_PRECISION = 1  # only a named spot: two reports at a province may be two actions
NEAR_PRECISION = 2  # "near X": still X's spot


def _same_kind(a: Mention, b: Mention) -> bool:
    """One kind of action, or a capture and the fighting for it. Two captures by two names
    are left to the merge, which compares who took the place from whom."""
    if a.sub_event_type in CAPTURES and b.sub_event_type in CAPTURES:
        return False
    if a.sub_event_type == b.sub_event_type:
        return True
    return {a.sub_event_type, b.sub_event_type} <= BATTLE


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
    keep.claims.extend(c for c in other.claims if c not in keep.claims)
    keep.evidence.extend(e for e in other.evidence if e not in keep.evidence)


def one_name(mentions: list[Mention]) -> list[Mention]:
    """Fold each mention that retells an earlier one under another name for its doer; a
    capture is kept over the fighting it ended."""
    out: list[Mention] = []
    for m in mentions:
        first = next((k for k in out if same_action_two_names(k, m)), None)
        if first is None:
            out.append(m)
            continue
        if m.sub_event_type in CAPTURES and first.sub_event_type not in CAPTURES:
            _fold(m, first)
            out[out.index(first)] = m
        else:
            _fold(first, m)
    return out


PEACEFUL = "Peaceful protest"
BROKEN_UP = frozenset({"Protest with intervention", "Excessive force against protesters"})


def same_protest(peaceful: Mention, violent: Mention) -> bool:
    """ "Security forces shot five protesters in the port city ... the protest and the killings
    took place in its X quarter": a protest told once as a gathering and once as the force
    used on it, on one day, in one place or a quarter of that city, is one protest (the
    crackdown's type, which says what happened to it)."""
    if peaceful.article != violent.article or peaceful.sub_event_type != PEACEFUL:
        return False
    if violent.sub_event_type not in BROKEN_UP:
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
        violent.evidence.extend(e for e in m.evidence if e not in violent.evidence)
        violent.claims.extend(c for c in m.claims if c not in violent.claims)
    return out
