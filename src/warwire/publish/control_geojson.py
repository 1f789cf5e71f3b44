"""The control map of one day as GeoJSON (RFC 7946): one Point feature per place held.

Coordinates are [longitude, latitude], as RFC 7946 requires. A place whose change of control
has no point (known only by name) cannot be drawn; it is left out and counted in the
collection's `skipped_without_coordinates` member, as in the events export.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from warwire.merge.holders import FRONT_LINE_DAYS, ControlHistory, holders_on, holding_record
from warwire.publish.files import write_json_atomic


def _valid_point(lat: float | None, lon: float | None) -> bool:
    return lat is not None and lon is not None and -90 <= lat <= 90 and -180 <= lon <= 180


def control_collection(history: ControlHistory, day: dt.date) -> dict[str, Any]:
    """The FeatureCollection of who held what on DAY."""
    features: list[dict[str, Any]] = []
    skipped = 0
    for h in holders_on(history, day):
        if not _valid_point(h.latitude, h.longitude):
            skipped += 1
            continue
        props = holding_record(h)
        del props["latitude"], props["longitude"]  # they are the geometry
        features.append(
            {
                "type": "Feature",
                "id": h.place_id or h.place,
                "geometry": {"type": "Point", "coordinates": [h.longitude, h.latitude]},
                "properties": props,
            }
        )
    return {
        "type": "FeatureCollection",
        "date": day.isoformat(),
        "front_line_days": FRONT_LINE_DAYS,
        "features": features,
        "skipped_without_coordinates": skipped,
    }


def write_control_geojson(history: ControlHistory, day: dt.date, path: Path) -> int:
    """Write the collection atomically; returns the number of features written."""
    collection = control_collection(history, day)
    write_json_atomic(collection, path)
    return len(collection["features"])
