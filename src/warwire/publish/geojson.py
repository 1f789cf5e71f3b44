"""The GeoJSON export: one Point feature per event that has coordinates (RFC 7946).

Events placed only by name cannot be drawn; they are left out and counted in the collection's
`skipped_without_coordinates` member, so a map never shows a guessed position.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from warwire.publish.files import write_json_atomic
from warwire.publish.jsonl import event_record
from warwire.records import Event


def has_coordinates(e: Event) -> bool:
    """True when the event has a latitude and longitude inside the valid ranges."""
    return (
        e.latitude is not None
        and e.longitude is not None
        and -90.0 <= e.latitude <= 90.0
        and -180.0 <= e.longitude <= 180.0
    )


def feature(e: Event) -> dict[str, Any]:
    """One event as a Point feature; properties are the events.jsonl record."""
    props = event_record(e)
    return {
        "type": "Feature",
        "id": e.id,
        "geometry": {"type": "Point", "coordinates": [e.longitude, e.latitude]},
        "properties": props,
    }


def feature_collection(events: Iterable[Event]) -> tuple[dict[str, Any], int]:
    """(FeatureCollection, number of events skipped for want of coordinates)."""
    features: list[dict[str, Any]] = []
    skipped = 0
    for e in events:
        if has_coordinates(e):
            features.append(feature(e))
        else:
            skipped += 1
    collection = {
        "type": "FeatureCollection",
        "features": features,
        "skipped_without_coordinates": skipped,
    }
    return collection, skipped


def write_geojson(events: Iterable[Event], path: Path) -> int:
    """Write the collection atomically; returns the number of features written."""
    collection, _ = feature_collection(events)
    write_json_atomic(collection, path)
    return len(collection["features"])
