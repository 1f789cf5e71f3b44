"""A place handed over under a deal between its holder and the side that takes it.

Wire services and state media tell a town that changes hands by a deal the way they tell a
capture ("troops took control of the city", "the army entered the city"), and put the deal in
a sentence of its own: "after striking a deal with the Kurdish-led forces", "under an
agreement reached with the local administration". When the deal is no surrender (nobody gives
up arms or is bussed out: the holder invited the newcomer), nothing was fought for: ACLED codes
a non-violent transfer of territory. A surrender deal after an offensive stays a capture.
"""

from __future__ import annotations

import re

from warwire.code.context import PlaceHit, SentenceInfo
from warwire.code.figures import BACKGROUND
from warwire.places.hierarchy import level

TOWN = 5  # hierarchy level of a town

# a deal for ground: not a truce or a de-escalation zone, which hand over nothing
DEAL = re.compile(r"\b(deal|agreement|accord)s?\b", re.I)
# ... that is a defeat: the holders surrender, give up their arms, or are bussed out
SURRENDER = re.compile(
    r"\b(surrender\w*|capitulat\w*|give up|gave up|giving up|lay down|laid down|disarm\w*|"
    r"evacuat\w*|bus(s)?ed|buses|leave for|left for|depart\w*|reconciliation|settlement|"
    r"(hand|handed|handing) over (their )?(heavy )?(weapons|arms))\b",
    re.I,
)


def _keys(places: list[PlaceHit]) -> set[str]:
    """The towns (or finer) named: a region or province names no one place handed over."""
    return {p.key for p in places if not p.province and level(p.place) >= TOWN}


def deal_of_allies(infos: list[SentenceInfo], places: list[PlaceHit], told: SentenceInfo) -> bool:
    """ "Troops took control of the city." + "... after striking a deal with the SDF that held
    the city": a sentence of the article tells a deal (not as the war's background), and names
    one of PLACES or a place the takeover's own sentence TOLD names, or is that sentence; and
    no sentence telling a deal there tells a surrender, a disarming or an evacuation."""
    near = _keys(places) | _keys(told.places)
    deals = [
        i
        for i in infos
        if DEAL.search(i.sent.text)
        and not BACKGROUND.found(i.sent.text)
        and (i.index == told.index or near & _keys(i.places))
    ]
    return bool(deals) and not any(SURRENDER.search(i.sent.text) for i in deals)
