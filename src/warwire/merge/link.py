"""Link mentions into events, incrementally, with blocking by province and day.

Each new mention is compared only with the events filed under its province and the days its
report allows, so a merge costs about the same per mention whatever the size of the store.
The decision follows ACLED's unit of an event (one type of action, by the same actors, in one
place, on one day): the place and day must agree within what the reports allow, the types and
the actors' camps must not contradict, and wording is only a tie-breaker.
"""

from __future__ import annotations

import datetime as dt
import gc
import hashlib
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

from warwire.merge.blocks import touched
from warwire.merge.identity import (
    CAPTURE_DAYS,
    acting_side,
    actors_fit,
    area_contains,
    areas_overlap,
    camps_may_fit,
    city_and_quarter,
    day_slack,
    entry_name,
    event_days,
    family,
    fits_event_days,
    is_area,
    is_capture,
    named_together,
    nearby_namesakes,
    opposite_captures,
    plain_side,
    same_name_elsewhere,
    same_toll,
    toll_bucket,
    toll_key,
    types_fit,
    vague_choice,
    vague_may_join,
)
from warwire.merge.similarity import bag, cosine
from warwire.places import distance_km, entry_key
from warwire.records import Article, Event, Mention

NEAR_KM = 5.0  # two precise reports this close, same day and type, are one event
LOOSE_KM = 12.0  # when one of them only says "near X"


def place_key(m: Mention) -> str:
    """Same entry, or same name when the gazetteer did not know it."""
    if not m.place:
        return ""
    return entry_key(m.place.id, m.place.name)


def name_key(m: Mention) -> str:
    return entry_name(m.place.name) if m.place else ""


def _lookup_slack(m: Mention) -> int:
    """A capture looks CAPTURE_DAYS either side for the same change of control."""
    return CAPTURE_DAYS if is_capture(m) else 1


def _days(m: Mention, slack: int = 1) -> range:
    """The day ordinals M is filed under (SLACK 0) or looks up (0 for an undated report)."""
    if m.day is None:
        return range(1)
    lo = m.day.start.toordinal() - slack
    hi = min(m.day.end.toordinal(), lo + 40) + slack
    return range(lo, hi + 1)


def _cell(m: Mention) -> tuple[int, int] | None:
    """A 0.1-degree grid cell (about 11 km), for "near X" reports of a neighbouring place."""
    p = m.place
    if p is None or p.latitude is None or p.longitude is None:
        return None
    return (round(p.latitude * 10), round(p.longitude * 10))


def _family(m: Mention) -> str:
    return family(m.sub_event_type)


def _filed_under(m: Mention) -> list[tuple]:
    """Index keys of M, from its place up the hierarchy: the named place (and the places the
    report names with it), its grid cell, its name, its province."""
    admin1 = m.place.admin1 if m.place else ""
    fam = _family(m)
    toll = toll_key(m)
    b = toll_bucket(toll) if toll is not None else None
    keys: list[tuple] = [("admin", admin1, fam)]
    if b is not None:
        keys.append(("toll-admin", admin1, b))  # a large toll, of any type, for vague reports
    if _is_precise(m):
        keys += _precise_keys(m)
    else:
        keys.append(("vague", admin1, fam))
        if b is not None:
            keys.append(("toll-vague", admin1, b))
    return keys


def _precise_keys(m: Mention, filing: bool = False) -> list[tuple]:
    """Where a precise report is: its entry, the entries it names as the same action, its
    name when the gazetteer lists it in several places, its grid cell (with the eight around
    it when FILING: a report is filed under the cells it is near, so a lookup reads one cell
    for each day it allows, not nine; a mention is filed once and looks up each of its days
    and the day either side). Of any type: two reports near each other on one day are few,
    and `_score` rejects those of types that cannot be one event (one key per place and day
    is cheaper than one per place, type and toll)."""
    assert m.place is not None
    out: list[tuple] = [("place", place_key(m))]
    out += [("place", k) for k in m.also_at]
    if m.place.shared_name:
        out.append(("name", name_key(m)))
    cell = _cell(m)
    if cell and filing:
        out += [("cell", (cell[0] + i, cell[1] + j)) for i in (-1, 0, 1) for j in (-1, 0, 1)]
    elif cell:
        out.append(("cell", cell))
    return out


def _looked_up_under(m: Mention) -> list[tuple]:
    """Keys whose events M could report. A precise report looks near its own place (same
    place, named together, same name, neighbouring cells) and at the province-level reports
    of its province; only a province-level report looks at the whole province."""
    admin1 = m.place.admin1 if m.place else ""
    fam = _family(m)
    toll = toll_key(m)
    near_tolls = [] if toll is None else [toll_bucket(toll) + i for i in (-1, 0, 1)]
    if not _is_precise(m):  # a province-level report may be any event there
        return [("admin", admin1, fam)] + [("toll-admin", admin1, b) for b in near_tolls]
    keys: list[tuple] = [("vague", admin1, fam)]
    keys += [("toll-vague", admin1, b) for b in near_tolls]
    return keys + _precise_keys(m, filing=True)


def _looked_up_vague(m: Mention) -> Lookup:
    """The keys and days of province-level reports that a province-level report M looks up
    first."""
    admin1 = m.place.admin1 if m.place else ""
    toll = toll_key(m)
    keys: list[tuple] = [("vague", admin1, _family(m))]
    if toll is not None:
        keys += [("toll-vague", admin1, toll_bucket(toll) + i) for i in (-1, 0, 1)]
    return keys, _days(m, _lookup_slack(m))


Lookup = tuple[list[tuple], range]  # index keys, and the days looked up under each


def filed_buckets(m: Mention) -> list[tuple[tuple, int]]:
    """(key, day) buckets M is filed under."""
    keys = _filed_under(m)
    return [(k, d) for d in _days(m, slack=0) for k in keys]


def looked_up_buckets(m: Mention) -> list[tuple[tuple, int]]:
    """(key, day) buckets M looks up for candidates."""
    keys = _looked_up_under(m)
    return [(k, d) for d in _days(m, _lookup_slack(m)) for k in keys]


def _is_precise(m: Mention) -> bool:
    return m.place is not None and m.geo_precision < 3 and not is_area(m.place)


def _listed_spot(m: Mention) -> bool:
    """M names one listed village or town exactly (not "near" it, not a quarter, not an
    area): beside another such report it is one place only by entry, twin name or namesake."""
    p = m.place
    return (
        p is not None
        and m.geo_precision == 1
        and bool(p.id)
        and p.feature != "neighbourhood"
        and not is_area(p)
    )


Spot = tuple[str, list[str], frozenset[str]]  # entry key, places named with it, names


def spot_of(m: Mention) -> Spot | None:
    """Where a report at one listed village is, as `Cluster.other_village` compares it: its
    entry, the places it names with it, and the names that can make two listed spots one
    place (see `same_name_elsewhere`, `nearby_namesakes`: its own and its other names).
    None for any other report."""
    if not _listed_spot(m):
        return None
    assert m.place is not None
    return (place_key(m), m.also_at, _names_of((m.place.name, *m.place.alt_names)))


@lru_cache(maxsize=1 << 16)
def _names_of(names: tuple[str, ...]) -> frozenset[str]:
    return frozenset(map(entry_name, names))  # the own name's even when empty


_NO_REPORT = object()  # `Cluster.acting` before its first report
MIXED = object()  # `Cluster.acting` once two reports name different acting sides


@dataclass(eq=False, slots=True)
class Cluster:
    """One event so far: its reports and what the candidate filters read of them, kept in
    the object itself (slots) so a candidate rejected on days or place costs few reads. Equal
    only to itself: the index holds the objects."""

    id: str
    mentions: list[Mention] = field(default_factory=list)
    words: Counter[str] = field(default_factory=Counter)

    groups: set[str] = field(default_factory=set)  # independent sources (wire groups)
    n_sources: int = 0  # len(groups), read without touching the set
    acting: str | None | object = _NO_REPORT  # every report's acting side, or MIXED
    capture: bool = False  # holds a change of control
    spots: list[Spot] | None = field(default_factory=list)  # None once a report is no spot
    _core: tuple[int, int] | None = None
    _core_stale: bool = True

    def add(self, m: Mention, words: Counter[str] | None = None) -> None:
        self.mentions.append(m)
        if self.spots is not None:
            spot = spot_of(m)
            if spot is None:
                self.spots = None
            else:
                self.spots.append(spot)
        self.groups.add(m.wire_group or m.article)
        self.n_sources = len(self.groups)
        side = acting_side(m)
        if self.acting is _NO_REPORT:
            self.acting = side
        elif self.acting is not MIXED and self.acting != side:
            self.acting = MIXED
        self.capture = self.capture or is_capture(m)
        self._core_stale = True
        self.words.update(words if words is not None else bag(" ".join(e.text for e in m.evidence)))

    @property
    def precise(self) -> bool:
        return any(_is_precise(m) for m in self.mentions)

    def sources(self) -> int:
        """Independent reports so far (one per wire group)."""
        return self.n_sources

    def core(self) -> tuple[int, int] | None:
        """The event's core days (see `identity.event_days`), kept until a report is added."""
        if self._core_stale:
            self._core = event_days([m.day for m in self.mentions if m.day is not None])
            self._core_stale = False
        return self._core

    def other_village(self, spot: Spot) -> bool:
        """A report at one listed village (its SPOT) is at none of this event's places: every
        report of the event is at another listed village, none named with it, none of a name
        of its. `_place_fit` gives 0 for each pair, so `_score` would reject the event; this
        tells it with no other comparison (the neighbouring villages of a dense front are
        most of a precise report's candidates)."""
        if self.spots is None:
            return False
        key, also, names = spot
        for k, k_also, k_names in self.spots:
            if k == key or key in k_also or k in also or not names.isdisjoint(k_names):
                return False
        return True

    def may_be_by(self, plain: str | None) -> bool:
        """The camps of a plain report by side PLAIN (see `identity.plain_side`; None: any
        other report) may fit every report of this event: False only when each report names
        the same side and `actors_fit` would reject it, so `_score` would too."""
        acting = self.acting
        if plain is None or acting is MIXED:
            return True
        return camps_may_fit(plain, acting)  # type: ignore[arg-type]

    def days_fit(self, m: Mention) -> bool:
        """M's day fits this event's core days (see `identity.fits_event_days`)."""
        return fits_event_days(m.day, self.core(), self.capture or is_capture(m))


class Scored(NamedTuple):
    """How a candidate event fits a report (see `_score`)."""

    score: float  # place fit, type agreement and wording
    place: int  # `_place_fit` of its best pair: > 0 on place, < 0 only on province
    sources: int  # the event's independent sources


def _rank(c: Cluster) -> tuple[int, str]:
    """`vague_choice`'s order: most sources first, then by id."""
    return (-c.sources(), c.id)


def _by_rank(cs: list[Cluster]) -> Iterator[Cluster]:
    """CS in `_rank` order, sorted one number of sources at a time as they are taken: a
    province-level report stops at its second fitting event, most often among the few events
    with most sources, so the many single-source events of a busy province are never sorted."""
    levels: dict[int, list[Cluster]] = {}
    for c in cs:
        level = levels.get(c.n_sources)
        if level is None:
            levels[c.n_sources] = [c]
        else:
            level.append(c)
    for n in sorted(levels, reverse=True):
        yield from sorted(levels[n], key=_event_id)


def _event_id(c: Cluster) -> str:
    return c.id


def _day_fit(a: Mention, b: Mention, similar: bool, precise: bool = True) -> bool:
    if a.day is None or b.day is None:
        return a.day is None and b.day is None
    slack = dt.timedelta(days=day_slack(a, b, similar, precise))
    return a.day.start - slack <= b.day.end and b.day.start - slack <= a.day.end


def _place_fit(a: Mention, b: Mention) -> int:
    """2 same place, 1 close enough, 0 different, -1 one is only a province."""
    if a.place is None or b.place is None:
        return 2 if a.place is b.place else 0
    pa, pb = _is_precise(a), _is_precise(b)
    if pa and pb:
        ka, kb = place_key(a), place_key(b)
        if ka == kb or named_together(a, b, ka, kb):
            return 2
        if same_name_elsewhere(a, b) or nearby_namesakes(a, b):
            return 1  # one town, resolved to two entries of its name by two articles
        if city_and_quarter(a.place, b.place):
            return -1  # the city-level report is the vaguer one
        if a.geo_precision == 1 and b.geo_precision == 1 and a.place.id and b.place.id:
            return 0  # two known villages are two places, however close
        d = distance_km(a.place, b.place)  # inf without coordinates
        limit = LOOSE_KM if (a.geo_precision == 2 or b.geo_precision == 2) else NEAR_KM
        return 1 if d <= limit else 0
    if not pa and not pb:
        return 2 if areas_overlap(a.place, b.place) else 0
    area, spot = (b.place, a.place) if pa else (a.place, b.place)
    return -1 if area_contains(area, spot) else 0


def _score(m: Mention, words: Counter[str], c: Cluster) -> tuple[float, int] | None:
    """How well M (with evidence WORDS) fits cluster C, or None when it cannot be the same.
    The wording is compared only once a report of C fits on type, place and day (or might, if
    the wording is alike): most candidates from the blocks never need it."""
    if not c.days_fit(m):
        return None  # another action on another day, however alike the reports
    sim: float | None = None
    best: tuple[float, int] | None = None
    for o in c.mentions:
        if not actors_fit(m, o) or opposite_captures(m, o):
            return None  # the camps or the change of control contradict
        if not types_fit(m, o):
            continue  # another kind of report of the event (one linked by its toll) may fit
        pf = _place_fit(m, o)
        if pf == 0 or (pf < 0 and not vague_may_join(m, o)):
            continue
        if not _day_fit(m, o, False, precise=pf > 0):
            if not _day_fit(m, o, True, precise=pf > 0):
                continue  # too far apart even for alike wording: no need to compare it
            if sim is None:
                sim = cosine(words, c.words)
            if sim < 0.3:
                continue
        s = pf + (0.5 if m.sub_event_type == o.sub_event_type else 0.0)
        if best is None or s > best[0]:
            best = (s, pf)
    if best is None:
        return None
    if sim is None:
        sim = cosine(words, c.words)
    return (best[0] + sim, best[1])


def _clusters_fit(a: Cluster, b: Cluster) -> bool:
    """A and B are one event: no report of one contradicts a report of the other on the camps
    or the change of control; every report of each has a report of the other of a fitting
    type (a toll links an air strike to the fire that killed the same 33); each named place of
    one is a place of the other (twin towns included); and one pair of same-level reports
    agrees on place and day."""
    if not _cores_fit(a, b):
        return False
    both_vague = not a.precise and not b.precise
    linked = False
    placed: dict[str, bool] = {}  # precise mention id -> has a same-place partner
    typed: dict[str, bool] = {}  # mention id -> has a partner of a fitting type
    tolled = False  # one pair gives the same large toll: the same incident, whatever else
    for m in a.mentions:
        for o in b.mentions:
            if not actors_fit(m, o) or opposite_captures(m, o):
                return False
            fits = types_fit(m, o)
            tolled = tolled or (same_toll(m, o) and _day_fit(m, o, False))
            typed[m.id] = typed.get(m.id, False) or fits
            typed[o.id] = typed.get(o.id, False) or fits
            if not fits:
                continue
            pf = _place_fit(m, o)
            if _is_precise(m) and _is_precise(o):
                placed[m.id] = placed.get(m.id, False) or pf > 0
                placed[o.id] = placed.get(o.id, False) or pf > 0
            if not linked and pf > 0 and (both_vague or _is_precise(m)):
                linked = _day_fit(m, o, False)
    return linked and (tolled or all(typed.values())) and all(placed.values())


def _cores_fit(a: Cluster, b: Cluster) -> bool:
    """Joined, A and B keep an event's core days: each report of one fits the other's."""
    return all(b.days_fit(m) for m in a.mentions) and all(a.days_fit(m) for m in b.mentions)


class MergeState:
    """Clusters of mentions and a blocking index; grows as batches arrive."""

    def __init__(self) -> None:
        self.clusters: dict[str, Cluster] = {}
        # index key -> day ordinal -> events: the keys (places, cells, names, provinces) are as
        # many whatever the number of events, so the outer table stays small and hot, and
        # the days of one key are a few neighbouring slots of its own table; the sets hold the
        # events themselves (hashed by identity), so a candidate is read once, from the set
        self.index: dict[tuple, dict[int, set[Cluster]]] = {}
        self.of_mention: dict[str, str] = {}
        self.dropped: list[Mention] = []
        self.ambiguous: list[tuple[str, str]] = []  # (chosen, also fitting) events, see consolidate
        self.renamed: dict[str, str] = {}  # absorbed event id -> the event that absorbed it

    @classmethod
    def from_assignments(cls, mentions: Iterable[Mention], known: dict[str, str]) -> MergeState:
        """Rebuild the state that an earlier merge stored (mention id -> event id)."""
        state = cls()
        for m in sorted(mentions, key=canonical_order):
            eid = known.get(m.id)
            if eid:
                state._file(m, eid)
            else:
                state.add(m)
        return state

    def _file(self, m: Mention, eid: str, words: Counter[str] | None = None) -> None:
        c = self.clusters.get(eid)
        if c is None:
            c = self.clusters[eid] = Cluster(eid)
        c.add(m, words)
        self.of_mention[m.id] = eid
        index = self.index
        days = _days(m, slack=0)
        for k in _filed_under(m):
            by_day = index.get(k)
            if by_day is None:
                by_day = index[k] = {}
            for d in days:
                ids = by_day.get(d)
                if ids is None:
                    by_day[d] = {c}
                else:
                    ids.add(c)

    def candidates(self, m: Mention, lookup: Lookup | None = None) -> set[Cluster]:
        """Events that M could report: same place or cell (precise reports), or any event in
        the province (province-level reports), on the days M allows (or those of LOOKUP)."""
        keys, days = lookup or (_looked_up_under(m), _days(m, _lookup_slack(m)))
        found: set[Cluster] = set()
        get = self.index.get
        for k in keys:
            by_day = get(k)
            if not by_day:
                continue
            for d in days:
                ids = by_day.get(d)
                if ids:  # most blocks are empty on most days: no set built for a miss
                    found |= ids
        return found

    def add(self, m: Mention) -> str | None:
        """File M under the event it reports, creating one if none fits."""
        if m.summary:
            self.dropped.append(m)
            return None
        words = bag(" ".join(e.text for e in m.evidence))
        if _is_precise(m):
            scored = self._scored(m, words, self.candidates(m))
            choice = self._closest(scored)
            if choice is None:
                choice = vague_choice([(cid, s.sources) for cid, s in scored.items()])
        else:
            choice = self._province_choice(m, words)
        eid = choice or new_event_id(m)
        self._file(m, eid, words)
        return eid

    def _scored(
        self,
        m: Mention,
        words: Counter[str],
        found: Iterable[Cluster],
        plain: str | None = None,
    ) -> dict[str, Scored]:
        """Candidate id -> how it fits, for the events among FOUND that M may report, in the
        order of their ids (only those that fit are sorted). PLAIN: M's side when it is a
        plain report (see `identity.plain_side`), to pass over the events of other camps
        unscored."""
        out = []
        spot = spot_of(m)
        for c in found:
            if spot is not None and c.other_village(spot):
                continue
            if plain is not None and not c.may_be_by(plain):
                continue
            s = _score(m, words, c)
            if s is not None:
                out.append((c.id, Scored(s[0], s[1], c.sources())))
        out.sort()
        return dict(out)

    def _closest(self, scored: dict[str, Scored]) -> str | None:
        """The best candidate that fits on place (not only on province); the others that fit
        are noted for `consolidate`. None when only province-level fits remain in SCORED
        (they are removed from it)."""
        fit = [(s, cid) for cid, s in scored.items() if s.place > 0]
        for _, cid in fit:
            del scored[cid]
        if not fit:
            return None
        choice = max(fit, key=lambda t: (t[0].score, t[1]))[1]
        self.ambiguous.extend((choice, cid) for _, cid in fit if cid != choice)
        return choice

    def _province_choice(self, m: Mention, words: Counter[str]) -> str | None:
        """The event a province-level report joins. First the events that hold province-level
        reports of the province (a report of the same vagueness fits on place); else, among
        every event of the province on its days, the one `vague_choice` picks, which depends
        only on the two fitting events with most sources: the events are tried in that order
        and the search stops at the second fit, so a busy province costs a sort, not a
        comparison with every event in it."""
        vague_ids = self.candidates(m, _looked_up_vague(m))
        plain = plain_side(m)
        scored = self._scored(m, words, vague_ids, plain)
        choice = self._closest(scored)
        if choice is not None:
            return choice

        top = sorted((self.clusters[cid] for cid in scored), key=_rank)[:2]  # fit on province
        rest = [c for c in self.candidates(m) - vague_ids if c.may_be_by(plain)]
        for c in _by_rank(rest):
            if len(top) == 2 and _rank(c) > _rank(top[1]):
                break  # no later event can be among the two with most sources
            if _score(m, words, c) is not None:
                top = sorted([*top, c], key=_rank)[:2]
        return vague_choice([(c.id, c.sources()) for c in top])

    def consolidate(self) -> int:
        """Join events that turned out to be one once the batch was read.

        Linking is greedy: a clash report read before the capture reports starts an event of
        its own, and the captures then gather elsewhere. A later report that fitted both was
        filed under one and the pair noted (`self.ambiguous`); each noted pair is merged when
        every report of one may be the same event as every report of the other, each named
        place of one is a place of the other, and one pair agrees on place and day. Only
        these pairs are compared, so the pass costs nothing where reports are unambiguous.
        Returns the number of merges."""
        merged = 0
        pairs, self.ambiguous = self.ambiguous, []
        for a, b in pairs:
            a, b = self._current(a), self._current(b)
            if a == b or a not in self.clusters or b not in self.clusters:
                continue
            ca, cb = self.clusters[a], self.clusters[b]
            if not _clusters_fit(ca, cb):
                continue
            keep, gone = (a, b) if len(ca.mentions) >= len(cb.mentions) else (b, a)
            self._absorb(keep, gone)
            merged += 1
        return merged

    def _current(self, eid: str) -> str:
        while eid in self.renamed:
            eid = self.renamed[eid]
        return eid

    def _absorb(self, keep: str, gone: str) -> None:
        dead = self.clusters.pop(gone)
        self.renamed[gone] = keep
        for m in dead.mentions:
            for k in _filed_under(m):
                by_day = self.index.get(k, {})
                for d in _days(m, slack=0):
                    ids = by_day.get(d)
                    if ids is not None:
                        ids.discard(dead)
            self._file(m, keep)

    def assignments(self) -> dict[str, str]:
        return dict(self.of_mention)

    def events(self, articles: dict[str, Article]) -> list[Event]:
        from warwire.merge.fields import build_event, wire_groups
        from warwire.merge.spread import spread_regions

        # paused from the first allocation: the link's objects are all still in the youngest
        # generation, and the collector's first pass would trace them all (a few µs a report)
        with _gc_paused():  # the sort too: its keys are as many new objects as the events
            group = wire_groups(articles)
            reports = spread_regions({cid: c.mentions for cid, c in self.clusters.items()})
            out = [
                build_event(cid, sorted(ms, key=canonical_order), articles, group)
                for cid, ms in reports.items()
            ]
            out.sort(key=lambda e: (e.date or dt.date.min, e.admin1, e.location, e.id))
        return out


@contextmanager
def _gc_paused():
    """Linking builds many small objects and frees none; the cyclic collector would rescan the
    growing heap again and again (merge time grew faster than the mentions did without this)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            _age_young_objects()
            gc.enable()


def _age_young_objects() -> None:
    """Count every object made while the collector was paused as old: they all sit in its
    youngest generation, and its first pass after the pause (at the next allocation) would
    trace each of them, millions after a large merge, most far out of the CPU caches. Moved
    to the oldest generation instead (freeze and unfreeze: no object is visited), they are
    traced only by a full collection, as long-lived objects are. Left alone when the program
    froze objects of its own (unfreezing would release them too)."""
    if gc.get_freeze_count() == 0:
        gc.freeze()
        gc.unfreeze()


def new_event_id(m: Mention) -> str:
    return "ev-" + hashlib.sha1(m.id.encode()).hexdigest()[:12]


def canonical_order(m: Mention) -> tuple:
    """Precise, well-dated reports first, so vaguer ones can attach to them; then by id, so
    the order (and so the events) depends only on which mentions there are."""
    return (
        (m.geo_precision if _is_precise(m) else 3) if m.place else 9,
        m.day.precision if m.day else 9,
        m.article,
        m.id,
    )


def merge_mentions(new: Iterable[Mention], state: MergeState | None = None) -> MergeState:
    """Link NEW mentions into STATE (or a fresh state) and return it."""
    state = state or MergeState()
    with _gc_paused():
        for m in sorted(new, key=canonical_order):
            state.add(m)
        state.consolidate()
    return state


def rules_version() -> str:
    """A fingerprint of the linking rules (this package's source): stored events made by
    other rules are linked again rather than kept."""
    h = hashlib.sha1()
    root = resources.files("warwire").joinpath("merge")
    for f in sorted(root.iterdir(), key=lambda p: p.name):
        if f.name.endswith(".py"):
            h.update(f.name.encode() + f.read_bytes())
    return h.hexdigest()[:12]


def relink(mentions: Iterable[Mention], known: dict[str, str]) -> MergeState:
    """Events for every stored mention, given the event each had after the last merge
    (KNOWN: mention id -> event id). The blocks (see `warwire.merge.blocks`) holding a mention
    without an event are linked again from scratch, in the canonical order; the others keep
    their events. The result is the same as linking all of MENTIONS in one batch."""
    live = [m for m in mentions if not m.summary]
    seeds = {m.id for m in live if m.id not in known}
    redo = touched(live, seeds, filed_buckets, looked_up_buckets)
    state = MergeState()
    with _gc_paused():
        for m in sorted((m for m in live if m.id not in redo), key=canonical_order):
            state._file(m, known[m.id])
    return merge_mentions([m for m in live if m.id in redo], state)
