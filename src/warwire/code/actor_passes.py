"""Who acted, settled once the event's kind is known: named passes over a mention's actors.

The parse gives each trigger its doer and its target (code/roles.py); some reporting patterns
need the kind of event or the rest of the article to say who is who:

- protesters_act: a protest's actor1 is the crowd, the forces that broke it up actor2;
- StrikerMemory / inherit_striker: "Airstrikes also hit the next village" after "Russian jets
  struck the town" is the same air force's strike;
- backers_as_associates: "Turkish-backed rebels" are the rebels, with Turkey as associate.

Each pass is a small function of ActorRefs; settle_actors runs them in order (PASSES).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Span

from warwire.code import taxonomy as tx
from warwire.code.context import ActorHit
from warwire.code.roles import assign_actors
from warwire.code.triggers import Trigger, is_factual
from warwire.records import ActorRef

PROTEST_SUBS = {
    "Peaceful protest", "Protest with intervention", "Excessive force against protesters",
}  # fmt: skip
FORCE_SUBS = {"Protest with intervention", "Excessive force against protesters"}
RIOT_SUBS = {"Violent demonstration", "Mob violence"}
CROWD_SIDES = {"protesters", "civilians"}
NOT_ARMED = {"protesters", "civilians", "other"}


def _default(side: str) -> ActorRef | None:
    from warwire.read.actors import load_actors

    return load_actors().by_side(side)


def _by_key(key: str) -> ActorRef | None:
    from warwire.read.actors import load_actors

    return load_actors().get(key)


@dataclass
class Roles:
    """The actors of one mention while the passes run."""

    sub: str
    actor1: ActorRef | None
    actor2: ActorRef | None
    hits: list[ActorHit] = field(default_factory=list)  # every actor the sentence names
    striker: ActorRef | None = None  # the article's last striker of this kind, if any


def protesters_act(r: Roles) -> None:
    """ "Soldiers fired on a protest", "policemen broke up a protest", "15 protesters were
    killed": in a protest the crowd is actor1 (ACLED: Protesters (Syria)) and the forces that
    intervened are actor2; a crackdown that names no force is the state's police. A riot's
    actor1 is the rioters."""
    if r.sub in PROTEST_SUBS:
        named = [a for a in (r.actor1, r.actor2) if a is not None]
        named += [h.actor for h in r.hits if not h.holder]
        crowd = next((a for a in named if a.side == "protesters"), None)
        force = next((a for a in named if a.side not in NOT_ARMED), None)
        r.actor1 = crowd or _default("protesters")
        r.actor2 = (force or _by_key("syrian_police")) if r.sub in FORCE_SUBS else None
    elif r.sub in RIOT_SUBS and (r.actor1 is None or r.actor1.side in CROWD_SIDES):
        victim = r.actor1 if r.actor1 is not None and r.actor1.side == "civilians" else None
        r.actor1 = _by_key("rioters")
        r.actor2 = r.actor2 or victim


def inherit_striker(r: Roles) -> None:
    """ "The airstrikes also hit a nearby town", "Shelling resumed in the border town": a
    strike whose sentence names no striker was carried out by the one the article last named
    for strikes of that kind."""
    if r.actor1 is None and r.striker is not None:
        if r.actor2 is None or r.actor2.side != r.striker.side:
            r.actor1 = r.striker


PASSES: tuple[Callable[[Roles], None], ...] = (protesters_act, inherit_striker)


def settle_actors(r: Roles) -> Roles:
    """Run every pass, in order, over the mention's actors."""
    for p in PASSES:
        p(r)
    if r.actor1 is not None and r.actor2 is not None and r.actor1.side == r.actor2.side:
        r.actor2 = None
    return r


REMOTE_KINDS = {tx.AIR, tx.SHELLING, tx.CHEMICAL}
FAMILY = {
    tx.AIR: (tx.AIR,),
    tx.SHELLING: (tx.SHELLING,),
    tx.CHEMICAL: (tx.CHEMICAL, tx.AIR, tx.SHELLING),  # chemical rockets and bombs
}
STRIKER_REACH = 10  # sentences: beyond that the article has moved on to another front


class StrikerMemory:
    """Who the article last named as striking, per kind of strike (air, shelling, chemical)."""

    def __init__(self) -> None:
        self.last: dict[str, tuple[int, str, ActorRef]] = {}

    def note(self, index: int, source: str, found: list[Trigger], sent: Span, offset: int,
             actors: list[ActorHit]) -> None:  # fmt: skip
        """Remember the strikers of the sentence's factual strikes (before its events are
        coded, so that "raids hit the market, while regime air strikes hit the next town"
        gives both strikes the regime)."""
        for trig in found:
            if trig.kind not in REMOTE_KINDS or not is_factual(trig):
                continue
            a1, _, _ = assign_actors(trig, sent, offset, actors)
            if a1 is None or a1.actor.side in NOT_ARMED | {"unknown"}:
                continue
            a = a1.actor
            self.last[trig.kind] = (index, source, ActorRef(a.name, a.side, a1.surface, a.key))

    def striker(self, kind: str, index: int, continued: str) -> ActorRef | None:
        """The striker of the last strike of KIND's family. A sentence that carries on an
        account given by another source (CONTINUED: that source, "" when the sentence has
        its own) is not filled from the striker's account: what an official's statement
        leaves unattributed stays so."""
        for k in FAMILY.get(kind, ()):
            seen = self.last.get(k)
            if seen is None or not 0 <= index - seen[0] <= STRIKER_REACH:
                continue
            if continued and continued != seen[1]:
                return None
            return seen[2]
        return None


def backers_as_associates(hits: list[ActorHit | None]) -> list[ActorRef]:
    """ "Turkish-backed Syrian rebels": the rebels act, the patron is their associate."""
    out: list[ActorRef] = []
    for h in hits:
        b = getattr(h, "backer", None) if h is not None else None
        if b is not None and all(o.key != b.key for o in out):
            out.append(b)
    return out
