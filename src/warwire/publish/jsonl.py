"""The events.jsonl export: the contract with the scorer (spec/EVENTS.md)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from warwire.merge.notes import event_note
from warwire.records import Event, to_jsonable


def event_record(e: Event) -> dict[str, Any]:
    """One event as the spec's JSON object (extra fields are allowed and kept)."""
    rec: dict[str, Any] = {
        "id": e.id,
        "date": e.date.isoformat() if e.date else None,
        "time_precision": e.time_precision,
        "event_type": e.event_type,
        "sub_event_type": e.sub_event_type,
        "actor1": e.actor1,
        "actor2": e.actor2,
        "assoc_actor_1": list(e.assoc_actor_1),
        "assoc_actor_2": list(e.assoc_actor_2),
        "country": e.country,
        "admin1": e.admin1,
        "admin2": e.admin2,
        "admin3": e.admin3,
        "location": e.location,
        "latitude": e.latitude,
        "longitude": e.longitude,
        "geo_precision": e.geo_precision,
        "fatalities": e.fatalities,
        "counts": dict(e.counts),
        "articles": list(e.articles),
        "outlets": list(e.outlets),
        "sources": list(e.sources),
        "independent_sources": e.independent_sources,
        "confidence": e.confidence,
        "claims": to_jsonable(e.claims),
        "conflicts": to_jsonable(e.conflicts),
        "evidence": to_jsonable(e.evidence),
        "notes": event_note(e),
    }
    if e.date_range and e.date_range[0] != e.date_range[1]:
        rec["date_range"] = [e.date_range[0].isoformat(), e.date_range[1].isoformat()]
    return rec


def write_jsonl(events: Iterable[Event], path: Path) -> int:
    """Write one event per line; the file is replaced atomically so a crash leaves the old one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".tmp")
    n = 0
    with tmp.open("w", encoding="utf-8") as fh:
        for e in events:
            fh.write(json.dumps(event_record(e), ensure_ascii=False) + "\n")
            n += 1
    tmp.replace(path)
    return n
