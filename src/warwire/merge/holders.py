"""Who holds each place on a given day, from the recorded changes of control.

The rule is the one an analyst applies by hand: the holder of a place on day D is the side that
took it in the latest change on or before D. A place is held from the day of that change until
the next one; before its first recorded change it has no recorded holder and is left out.

Reports give days, not hours, so changes on one day need an order. Same-day reports are
ordered by how many outlets carry them (fewest first), then by event id: the best-supported
report comes last and decides the holder, and the order never depends on how the store
returned the rows.

Reports of a place within SAME_CHANGE_DAYS of each other (their day ranges, widened by that
many days, overlap) are taken to be reports of the same change. If they agree on the taker
they are one change backed by all their events and outlets, dated by the first of them. If
they disagree, every holding they produce is `contested`. A capture by the side that already
held the place, with no loss recorded in between, is contested too: a loss was missed, or
one of the reports is wrong.
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
    front_line: bool = False  # set by holders_on for its day
    until: dt.date | None = None  # the day of the next change, None while it still holds
    last_report: dt.date = dt.date.min  # the last day its reports cover (for SAME_CHANGE_DAYS)


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
    """The order changes at one place are applied in; see the module docstring."""
    return (c.date or dt.date.min, _support(c), c.event)


def _add(seq: list[str], items: Iterable[str]) -> None:
    for x in items:
        if x and x not in seq:
            seq.append(x)


def _start(c: ControlChange, previous: Holding | None) -> Holding:
    assert c.date is not None
    h = Holding(
        place=c.place,
        place_id=c.place_id,
        admin1=c.admin1,
        holder=c.to_side,
        holder_actor=c.to_actor,
        camp=camp_of(c.to_side),
        since=c.date,
        taken_from=c.from_side or (previous.holder if previous else ""),
        latitude=c.latitude,
        longitude=c.longitude,
        last_report=_span(c)[1],
    )
    _absorb(h, c)
    return h


def _absorb(h: Holding, c: ControlChange) -> None:
    _add(h.events, [c.event])
    _add(h.articles, c.articles)
    _add(h.outlets, c.outlets or c.sources)
    h.last_report = max(h.last_report, _span(c)[1])
    if h.latitude is None and c.latitude is not None:
        h.latitude, h.longitude = c.latitude, c.longitude


def _contest(h: Holding, why: str) -> None:
    h.contested = True
    if why not in h.why_contested:
        h.why_contested.append(why)


def place_history(changes: Iterable[ControlChange]) -> list[Holding]:
    """One place's holdings in date order (changes without a day cannot be placed)."""
    reports = sorted((c for c in changes if c.date), key=report_order)
    out: list[Holding] = []
    for c in reports:
        last = out[-1] if out else None
        near = last is not None and _span(c)[0] - dt.timedelta(SAME_CHANGE_DAYS) <= last.last_report
        if last is not None and near and c.to_side == last.holder:
            _absorb(last, c)  # another report of the same change
            continue
        h = _start(c, last)
        if last is not None and near:
            _contest(
                last, f"{c.event} reports {c.to_side or 'an unknown side'} took it on {c.date}"
            )
            _contest(h, f"{last.events[0]} reports {last.holder or 'an unknown side'} took it on "
                        f"{last.since}")  # fmt: skip
        elif last is not None and c.to_side == last.holder:
            _contest(h, f"taken again by {c.to_side or 'an unknown side'}, which held it since "
                        f"{last.since} with no loss recorded in between")  # fmt: skip
        if last is not None:
            last.until = h.since
        out.append(h)
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
    days = [h.since for hs in places.values() for h in hs]
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
        "since": h.since.isoformat(),
        "until": h.until.isoformat() if h.until else None,
        "taken_from": h.taken_from,
        "contested": h.contested,
        "why_contested": list(h.why_contested),
        "front_line": h.front_line,
        "events": list(h.events),
        "outlets": list(h.outlets),
    }
