"""Across the article: "the jihadists" are the group the article named.

Descriptions of an armed group (jihadists, militants, the terrorist group) stand alone for a
generic actor; a reader takes them for the group the article names. These run once over the
article's sentences when it is scanned (`warwire.code.context.scan_article`), before any
sentence is coded.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from warwire.code.context import ActorHit

DESCRIBED = re.compile(
    r"^((ultra-)?hard-?line |radical |islamist |terrorist |jihadist |extremist |militant )*"
    r"(jihadis?|jihadists?|militants?|extremists?|terrorists?|insurgents?|group|organi[sz]ation)$",
    re.I,
)
NAMED_SIDES = {"jihadist", "islamic_state", "opposition"}


def _specific(hit: ActorHit) -> bool:
    from warwire.read.actors import load_actors

    entry = load_actors().entries.get(hit.actor.key)
    return entry is not None and not entry.generic and hit.actor.side in NAMED_SIDES


def definite_descriptions(infos: list) -> None:
    """ "ISIS militants seized the crossing ... the jihadis took over the border post", "the
    ultra-hardline terrorist group captured the town": a definite noun that only describes
    an armed group (jihadists, militants, the terrorist group) is the group the article last
    named, not the generic actor its head noun stands for alone."""
    last: ActorHit | None = None
    for info in infos:
        text = info.sent.text
        for hit in info.actors:
            local = hit.start - info.sent.start
            definite = text[max(0, local - 4) : local].lower() == "the "
            described = DESCRIBED.match(hit.surface.strip()) is not None
            if definite and described and last is not None and hit.actor.side in NAMED_SIDES:
                a = last.actor
                hit.actor = a.said_as(hit.surface)
                continue
            if _specific(hit) and not described and not hit.holder:
                last = hit


DESCRIPTION_REACH = 2  # sentences either side of the description


def descriptions_of_the_only_group(infos: list) -> None:
    """ "Landmines planted by jihadists killed ten civilians ... a mine left by IS blew up",
    "terrorists attacked the village, state media said ... ISIS fighters", an article that
    names one armed group only (IS, say) means it by the bare descriptions near the name
    (jihadists, militants, terrorists, extremists) even before naming it, rather than the
    generic actor the description stands for alone."""
    named: dict[str, tuple[ActorHit, list[int]]] = {}
    for n, info in enumerate(infos):
        for hit in info.actors:
            if _specific(hit) and DESCRIBED.match(hit.surface.strip()) is None:
                named.setdefault(hit.actor.key, (hit, []))[1].append(n)
    if len(named) != 1:
        return
    group, where = next(iter(named.values()))
    for n, info in enumerate(infos):
        if not any(abs(n - k) <= DESCRIPTION_REACH for k in where):
            continue
        for hit in info.actors:
            if (
                DESCRIBED.match(hit.surface.strip())
                and hit.actor.side in NAMED_SIDES
                and hit.actor.key != group.actor.key
            ):
                a = group.actor
                hit.actor = a.said_as(hit.surface)
