"""Province-wide candidates, looked up by province, day and number of sources.

A province-level report ("an air strike in Idlib province") may be any event of its type in
the province on its days; there are more of these the denser the reporting. It joins the one
that fits when no other does, or the one that dominates on independent sources (see
`identity.vague_choice`); so only the events with the most sources decide. Filing the events
of each (province, day) bucket by their number of sources lets the lookup read them from
the best-sourced down and stop as soon as no event further down can change the choice: a
busy province costs the few events that decide, not a pass over all of them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from warwire.merge.identity import DOMINANT, vague_choice

Bucket = tuple[tuple, int]  # (index key, day ordinal)


class RankedIndex:
    """Event ids filed under (key, day) buckets, grouped by the events' sources."""

    def __init__(self) -> None:
        self.buckets: dict[Bucket, dict[int, set[str]]] = {}
        self.level: dict[str, int] = {}  # event id -> its sources, as filed
        self.where: dict[str, list[Bucket]] = {}  # event id -> the buckets holding it

    def file(self, eid: str, buckets: Iterable[Bucket], sources: int) -> None:
        """File EID, which now has SOURCES independent sources, under BUCKETS (it stays
        under those it was filed under before, at its new level)."""
        if self.level.get(eid, sources) != sources:
            self._relevel(eid, sources)
        self.level[eid] = sources
        where = self.where.get(eid)
        if where is None:
            where = self.where[eid] = []
        for b in buckets:
            ids = self._ids(b, sources)
            if eid not in ids:
                ids.add(eid)
                where.append(b)

    def _ids(self, b: Bucket, sources: int) -> set[str]:
        levels = self.buckets.get(b)
        if levels is None:
            levels = self.buckets[b] = {}
        ids = levels.get(sources)
        if ids is None:
            ids = levels[sources] = set()
        return ids

    def remove(self, eid: str) -> None:
        """Take EID out of every bucket (an event absorbed by another)."""
        lv = self.level.pop(eid, None)
        for b in self.where.pop(eid, ()):
            self._take(b, lv, eid)

    def _relevel(self, eid: str, sources: int) -> None:
        old = self.level[eid]
        for b in self.where.get(eid, ()):
            self._take(b, old, eid)
            self._ids(b, sources).add(eid)

    def _take(self, b: Bucket, lv: int | None, eid: str) -> None:
        levels = self.buckets.get(b)
        if levels is None or lv is None:
            return
        ids = levels.get(lv)
        if ids is not None:
            ids.discard(eid)
            if not ids:
                del levels[lv]
                if not levels:
                    del self.buckets[b]

    def by_level(self, buckets: list[Bucket]) -> Iterator[tuple[int, Iterator[str]]]:
        """(sources, event ids) for the events under BUCKETS, most sources first. An event
        under several of the buckets may come more than once."""
        found = [lv for lv in (self.buckets.get(b) for b in buckets) if lv]
        for lv in sorted({s for levels in found for s in levels}, reverse=True):
            yield lv, (eid for levels in found for eid in levels.get(lv, ()))


def settled(found: list[int], bound: int) -> bool:
    """Whether fits of at most BOUND sources, added to fits of FOUND sources (most first),
    can no longer change what `vague_choice` picks. The pick is the best-sourced fit when it
    has DOMINANT times the sources of the next: it stays when no further fit reaches half of
    it; no pick stays when no further fit can dominate the best one found."""
    if not found:
        return bound <= 0
    if len(found) == 1 or found[0] >= DOMINANT * found[1]:
        return DOMINANT * bound <= found[0]
    return bound < DOMINANT * found[0]


def dominant_fit(
    index: RankedIndex,
    buckets: list[Bucket],
    fits: Callable[[str], bool],
    known: list[tuple[str, int]],
    skip: set[str],
) -> str | None:
    """What `vague_choice` picks among KNOWN fits ((event id, sources)) and the events under
    BUCKETS (but not in SKIP) that FITS accepts; those are tried from the most sources down,
    until no event left can change the pick."""
    fitting = list(known)
    counts = sorted((s for _, s in fitting), reverse=True)
    seen = set(skip)
    for lv, ids in index.by_level(buckets):
        if settled(counts, lv):
            break
        for eid in ids:
            if eid in seen:
                continue
            seen.add(eid)
            if fits(eid):
                fitting.append((eid, lv))
                counts = sorted([*counts, lv], reverse=True)[:2]
                if settled(counts, lv):
                    break
    return vague_choice(fitting)
