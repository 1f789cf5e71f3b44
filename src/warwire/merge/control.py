"""Changes of control, from the territory events, in date order.

ACLED's meaning is kept: a change of control is a territory event at a place below the
province (a town, village, district or site); "retook swathes of territory" in a province is
news of the fighting, not a place that changed hands. A broken siege, a failed assault and an
attack never reach this stage as territory events (see warwire.code.patterns)."""

from __future__ import annotations

import datetime as dt

from warwire.code.taxonomy import TERRITORY_SUBS
from warwire.merge.holders import place_key
from warwire.records import ControlChange, Event

PROVINCE_PRECISION = 3  # ACLED geo_precision 3: placed only by its province or a larger area


def below_province(e: Event) -> bool:
    """The event is placed at a town, village or site, not only at its province."""
    if not e.location or e.geo_precision >= PROVINCE_PRECISION:
        return False
    return not (e.admin1 and e.location.lower() == e.admin1.lower() and not e.place_id)


def first_reports(events: list[Event]) -> dict[str, dt.date]:
    """Place key -> the first day any event was reported there."""
    out: dict[str, dt.date] = {}
    for e in events:
        if not e.location or e.date is None:
            continue
        day = min(e.date, e.date_range[0]) if e.date_range else e.date
        key = e.place_id or e.location.strip().lower()
        if key not in out or day < out[key]:
            out[key] = day
    return out


def control_changes(events: list[Event]) -> list[ControlChange]:
    """One change per territory event at a place below the province, sorted by place and
    day, each with the first day the store has a report on its place."""
    first = first_reports(events)
    out = []
    for e in events:
        if e.sub_event_type not in TERRITORY_SUBS or not below_province(e):
            continue
        to_side = e.actor1_side or (
            "syrian_government" if e.sub_event_type == "Government regains territory" else ""
        )
        c = ControlChange(
            place=e.location,
            place_id=e.place_id,
            admin1=e.admin1,
            date=e.date,
            date_range=e.date_range,
            to_side=to_side,
            to_actor=e.actor1 or "",
            from_side=e.actor2_side,
            from_actor=e.actor2 or "",
            event=e.id,
            articles=list(e.articles),
            sources=list(e.sources),
            outlets=list(e.outlets),
            latitude=e.latitude,
            longitude=e.longitude,
        )
        c.first_report = first.get(place_key(c))
        out.append(c)
    return sorted(out, key=lambda c: (c.place, c.date or dt.date.min, c.event))
