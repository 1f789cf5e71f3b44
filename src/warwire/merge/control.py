"""Who holds which place, from the territory events, in date order."""

from __future__ import annotations

import datetime as dt

from warwire.records import ControlChange, Event

TERRITORY = {
    "Government regains territory",
    "Non-state actor overtakes territory",
    "Non-violent transfer of territory",
}


def control_changes(events: list[Event]) -> list[ControlChange]:
    """One change per territory event with a located place, sorted by place and day."""
    out = []
    for e in events:
        if e.sub_event_type not in TERRITORY or not e.location:
            continue
        to_side = e.actor1_side or (
            "syrian_government" if e.sub_event_type == "Government regains territory" else ""
        )
        out.append(
            ControlChange(
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
        )
    return sorted(out, key=lambda c: (c.place, c.date or dt.date.min, c.event))
