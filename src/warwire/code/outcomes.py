"""One strike and its dead are one event: the outcome of a remote attack is not an attack.

Reports tell a bombing twice: once as the weapon ("helicopters dropped barrel bombs on a
market in the city") and once as its dead ("at least 25 civilians were killed in the
district"), or as a raid and then as "an assault on the town" that killed its civilians.
ACLED codes the strike, with the civilians as its target and the toll as its fatalities; the
civilians' deaths at the same place on the same day are that strike's outcome, not a second
event of Violence against civilians. And fighting with civilians as the only side named is
no battle: an armed clash needs two armed sides.
"""

from __future__ import annotations

from warwire.code import taxonomy as tx
from warwire.places.hierarchy import around, contains, is_city, same_place
from warwire.records import Mention

ATTACK = "Attack"
CLASH = "Armed clash"
REMOTE = frozenset(
    {
        "Air/drone strike",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Suicide bomb",
    }
)


def _civilian_target(m: Mention) -> bool:
    return m.actor2 is not None and m.actor2.side == "civilians"


def clash_on_civilians(m: Mention) -> bool:
    """ "Militants killed at least 15 civilians in the town": fighting whose only named side
    is the civilians it killed is violence against civilians, not an armed clash."""
    return m.sub_event_type == CLASH and _civilian_target(m) and m.actor1 is None


def _near(a: Mention, b: Mention) -> bool:
    """The same place, one inside the other, or a town just outside a city."""
    p, q = a.place, b.place
    if p is None or q is None:
        return False
    if same_place(p, q) or contains(p, q) or contains(q, p):
        return True
    return (is_city(p) and around(p, q)) or (is_city(q) and around(q, p))


def _same_day(a: Mention, b: Mention) -> bool:
    if a.day is None or b.day is None:
        return a.day is None and b.day is None
    return a.day.date == b.day.date


def _doers_agree(attack: Mention, strike: Mention) -> bool:
    if attack.actor1 is None or strike.actor1 is None:
        return True
    return attack.actor1.side == strike.actor1.side


def outcome_of(attack: Mention, strike: Mention) -> bool:
    """True when ATTACK (civilians killed) is the outcome of STRIKE told apart: the same
    article, the same day, the same place (or one inside the other), and no other doer."""
    if attack.sub_event_type != ATTACK or strike.sub_event_type not in REMOTE:
        return False
    if attack.article != strike.article:
        return False
    return _same_day(attack, strike) and _near(attack, strike) and _doers_agree(attack, strike)


def _fold(strike: Mention, attack: Mention) -> None:
    """The strike takes what its outcome adds: the toll, the civilians as target, a doer."""
    if strike.fatalities is None and attack.fatalities is not None:
        strike.fatalities = attack.fatalities
    for k, v in attack.counts.items():
        strike.counts.setdefault(k, v)
    if strike.actor1 is None and attack.actor1 is not None:
        strike.actor1 = attack.actor1
    if strike.actor2 is None and attack.actor2 is not None:
        strike.actor2 = attack.actor2
    strike.add_evidence_of(attack)


def one_outcome(mentions: list[Mention]) -> list[Mention]:
    """Re-type fighting on civilians alone as an attack, then fold each attack into the one
    remote strike of the article it is the outcome of (left alone when it could be the outcome
    of strikes at several places)."""
    for m in mentions:
        if clash_on_civilians(m):
            m.sub_event_type, m.event_type = ATTACK, tx.VAC
    dropped: set[int] = set()
    for m in mentions:
        strikes = [s for s in mentions if id(s) not in dropped and outcome_of(m, s)]
        if not strikes:
            continue
        same = [s for s in strikes if m.place and s.place and same_place(m.place, s.place)]
        places = {(s.place.name, s.place.admin1) for s in strikes if s.place}
        if same or len(places) == 1:
            _fold((same or strikes)[0], m)
            dropped.add(id(m))
    return [m for m in mentions if id(m) not in dropped]
