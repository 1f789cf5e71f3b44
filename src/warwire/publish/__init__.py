"""Exports: events.jsonl (the scorer's contract), ACLED CSV, GeoJSON and a dated brief."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from warwire.publish.jsonl import write_jsonl
from warwire.records import Event

Writer = Callable[[Sequence[Event], Path], int]


def writers() -> dict[str, tuple[str, Writer]]:
    """format name -> (file name, writer)."""
    from warwire.publish.acled_csv import write_acled_csv
    from warwire.publish.geojson import write_geojson
    from warwire.publish.timeline_md import write_timeline_md

    return {
        "jsonl": ("events.jsonl", write_jsonl),
        "acled-csv": ("events_acled.csv", write_acled_csv),
        "geojson": ("events.geojson", write_geojson),
        "timeline-md": ("timeline.md", write_timeline_md),
    }


def write_all(events: Sequence[Event], out: Path) -> dict[str, Path]:
    out.mkdir(parents=True, exist_ok=True)
    written: dict[str, Path] = {}
    for fmt, (name, write) in writers().items():
        write(events, out / name)
        written[fmt] = out / name
    return written
