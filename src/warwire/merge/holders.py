"""Who holds each place on a given day, from the recorded changes of control.

The rule is the one an analyst applies by hand: the holder of a place on day D is the side that
took it in the latest change on or before D. A place is held from the day of that change until
the next one; before its first recorded change it has no recorded holder and is left out.

One change is often reported several times, a day apart or with a vague day. Reports of a
place whose day ranges, widened by SAME_CHANGE_DAYS, overlap (chained in day order) are
taken as reports of one change, dated by the earliest. If they agree on the taker, the
change is backed by all their events and outlets. If they disagree, the record is
`contested` and the taker with the most distinct outlets behind it holds the place; a tie
goes to the taker reported last, in report order: by day, then by number of outlets, then
by event id. So changes on the same day (reports give days, not hours) have a fixed order
that never depends on how the store returned the rows, and the best-supported report
decides. A capture by the side that already held the place, with no loss recorded in
between, is contested too: a loss was missed, or one of the reports is wrong.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from warwire.records import ControlChange

SAME_CHANGE_DAYS = 1
FRONT_LINE_DAYS = 7  # a place that changed hands on D or the 6 days before is on the front line

# coarse sides grouped the way war maps colour them: allies share their patron's camp
CAMPS: dict[str, str] = {
    "syrian_government": "government",
    "russia": "government",
    "iran_allies": "government",
    "opposition": "opposition",
    "turkey": "turkey",
    "jihadist": "jihadist",
    "islamic_state": "islamic_state",
    "kurdish": "kurdish",
    "us_coalition": "kurdish",
}
CAMP_LABELS: dict[str, str] = {
    "government": "Government and allies",
    "opposition": "Opposition",
    "turkey": "Turkey",
    "jihadist": "Jihadist groups (HTS ...)",
    "islamic_state": "Islamic State",
    "kurdish": "Kurdish-led forces (SDF) and coalition",
    "other": "Other or unknown",
}


def camp_of(side: str) -> str:
    """The camp a side belongs to; sides outside the table are "other"."""
    return CAMPS.get(side, "other")


@dataclass
class Holding:
    """One place held by one side from `since` until the next change: the control map's unit."""

    place: str
    place_id: str
    admin1: str
    holder: str  # the taker's side
    holder_actor: str
    camp: str
    since: dt.date
    taken_from: str  # the side it was taken from, as reported (else the previous holder)
    events: list[str] = field(default_factory=list)
    articles: list[str] = field(default_factory=list)
    outlets: list[str] = field(default_factory=list)
    contested: bool = False
    why_contested: list[str] = field(default_factory=list)
    latitude: float | None = None
    longitude: float | None = None
    front_line: bool = False  # set for the day asked about (ControlHistory.on, holders_on)
    # held before the place's first recorded change, by the side that change took it from:
    # `since` is then the first day the store has a report on the place (null in the API and
    # the exports: nobody reported when that side took it); nothing is shown before that day
    inferred: bool = False
    until: dt.date | None = None  # the day of the next change, None while it still holds


def place_key(c: ControlChange) -> str:
    """Changes are grouped by gazetteer id, else by the name in any case."""
    return c.place_id or c.place.strip().lower()


def _support(c: ControlChange) -> int:
    return len(set(c.outlets or c.sources))


def _span(c: ControlChange) -> tuple[dt.date, dt.date]:
    assert c.date is not None
    if c.date_range:
        return min(c.date_range[0], c.date), max(c.date_range[1], c.date)
    return c.date, c.date


def report_order(c: ControlChange) -> tuple[dt.date, int, str]:
    """The order reports at one place are read in; see the module docstring."""
    return (c.date or dt.date.min, _support(c), c.event)


def _add(seq: list[str], items: Iterable[str]) -> None:
    for x in items:
        if x and x not in seq:
            seq.append(x)


def _side(side: str) -> str:
    return side or "an unknown side"


def _reports_of_changes(reports: list[ControlChange]) -> list[list[ControlChange]]:
    """Reports in report order, cut into the changes they report (see SAME_CHANGE_DAYS)."""
    groups: list[list[ControlChange]] = []
    reach = dt.date.min  # the last day the current group's reports cover
    for c in reports:
        first, last = _span(c)
        if groups and first - dt.timedelta(SAME_CHANGE_DAYS) <= reach:
            groups[-1].append(c)
            reach = max(reach, last)
        else:
            groups.append([c])
            reach = last
    return groups


def _holding(group: list[ControlChange], previous: Holding | None) -> Holding:
    """One change from its reports: the taker with the most outlets behind it holds the place,
    ties going to the taker reported last; any other taker makes the record contested."""
    by_taker: dict[str, list[ControlChange]] = {}
    for c in group:
        by_taker.setdefault(c.to_side, []).append(c)

    def weight(side: str) -> tuple[int, int]:
        outlets = {o for c in by_taker[side] for o in (c.outlets or c.sources)}
        return len(outlets), group.index(by_taker[side][-1])

    taker = max(by_taker, key=weight)
    backing = by_taker[taker]
    day = group[0].date  # reports come in report order: the first is the earliest
    assert day is not None
    decisive = backing[-1]
    h = Holding(
        place=decisive.place,
        place_id=decisive.place_id,
        admin1=decisive.admin1,
        holder=taker,
        holder_actor=decisive.to_actor,
        camp=camp_of(taker),
        since=day,
        taken_from=next((c.from_side for c in backing if c.from_side), "")
        or (previous.holder if previous else ""),
    )
    for c in backing:
        _add(h.events, [c.event])
        _add(h.articles, c.articles)
        _add(h.outlets, c.outlets or c.sources)
        if h.latitude is None and c.latitude is not None:
            h.latitude, h.longitude = c.latitude, c.longitude
    for c in group:
        if c.to_side != taker:
            h.contested = True
            h.why_contested.append(f"{c.event} reports {_side(c.to_side)} took it on {c.date}")
    return h


def _before(first: Holding, group: list[ControlChange]) -> Holding | None:
    """Who held the place before its first recorded change: the side that change took it
    from, as its own reports say; None when they do not say."""
    loser = next((c for c in group if c.to_side == first.holder and c.from_side), None)
    if loser is None or loser.from_side == first.holder:
        return None
    known = [c.first_report for c in group if c.first_report]
    since = min(min(known, default=first.since), first.since)
    return Holding(
        place=first.place,
        place_id=first.place_id,
        admin1=first.admin1,
        holder=loser.from_side,
        holder_actor=loser.from_actor,
        camp=camp_of(loser.from_side),
        since=since,
        taken_from="",
        events=[loser.event],
        articles=list(loser.articles),
        outlets=list(loser.outlets or loser.sources),
        latitude=first.latitude,
        longitude=first.longitude,
        until=first.since,
        inferred=True,
    )


def place_history(changes: Iterable[ControlChange]) -> list[Holding]:
    """One place's holdings in date order (changes without a day cannot be placed), starting
    with who held it before its first change when that change says whom it was taken from."""
    reports = sorted((c for c in changes if c.date), key=report_order)
    out: list[Holding] = []
    for group in _reports_of_changes(reports):
        last = out[-1] if out else None
        h = _holding(group, last)
        if last is not None:
            if h.holder == last.holder:
                h.contested = True
                h.why_contested.append(
                    f"taken again by {_side(h.holder)}, which held it since {last.since} "
                    "with no loss recorded in between"
                )
            last.until = h.since
        out.append(h)
        if len(out) == 1:
            before = _before(h, group)
            if before is not None:
                out.insert(0, before)
    return out


@dataclass
class ControlHistory:
    """Every place's holdings, indexed for asking about any day."""

    places: dict[str, list[Holding]]  # by place key, in the order of the places' names
    first: dt.date | None  # the first and last days with a recorded change
    last: dt.date | None
    _starts: dict[str, list[dt.date]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self._starts = {k: [h.since for h in hs] for k, hs in self.places.items()}

    def on(self, day: dt.date) -> Iterator[tuple[str, int, bool]]:
        """(place key, index of its holding on DAY, on the front line?) for each place held.

        A place is on the front line when it changed hands (a new holder, or its first
        recorded capture) on DAY or in the FRONT_LINE_DAYS - 1 days before it."""
        window_start = day - dt.timedelta(FRONT_LINE_DAYS - 1)
        for key, starts in self._starts.items():
            i = bisect.bisect_right(starts, day) - 1
            if i < 0:
                continue
            holdings = self.places[key]
            front = False
            for j in range(i, -1, -1):
                h = holdings[j]
                if h.since < window_start:
                    break
                if j == 0 or holdings[j - 1].holder != h.holder:
                    front = True
                    break
            yield key, i, front


def control_history(changes: Iterable[ControlChange]) -> ControlHistory:
    """Group the changes by place and build each place's holdings."""
    by_place: dict[str, list[ControlChange]] = {}
    for c in changes:
        by_place.setdefault(place_key(c), []).append(c)
    places = {k: hs for k, cs in by_place.items() if (hs := place_history(cs))}
    ordered = dict(sorted(places.items(), key=lambda kv: (kv[1][0].place.lower(), kv[0])))
    days = [h.since for hs in places.values() for h in hs if not h.inferred]
    return ControlHistory(ordered, min(days, default=None), max(days, default=None))


def holders_on(history: ControlHistory, day: dt.date) -> list[Holding]:
    """Who held each place on DAY (places first captured later are left out), by place name;
    `front_line` as in ControlHistory.on."""
    return [
        dataclasses.replace(history.places[key][i], front_line=front)
        for key, i, front in history.on(day)
    ]


def holding_record(h: Holding) -> dict[str, object]:
    """A holding as plain JSON values (the API's and the export's shape)."""
    return {
        "place": h.place,
        "place_id": h.place_id,
        "admin1": h.admin1,
        "latitude": h.latitude,
        "longitude": h.longitude,
        "holder": h.holder,
        "holder_actor": h.holder_actor,
        "camp": h.camp,
        "since": None if h.inferred else h.since.isoformat(),
        "inferred": h.inferred,
        "until": h.until.isoformat() if h.until else None,
        "taken_from": h.taken_from,
        "contested": h.contested,
        "why_contested": list(h.why_contested),
        "front_line": h.front_line,
        "events": list(h.events),
        "outlets": list(h.outlets),
    }
