"""The event filters, with the same names and meaning in every place that takes them.

The command line (`events`, `export`), `/api/events` and the web page all filter by start,
end, type, admin1, actor, side, outlet and min_sources. The checks live here once, so that a
mistyped type or a start after the end is the same clear error everywhere.
"""

from __future__ import annotations

import datetime as dt

from warwire.code.taxonomy import SUB_EVENT_TYPES


class FilterError(ValueError):
    """A filter value that cannot mean anything: the message says which and why."""


def all_types() -> list[str]:
    """Event types, then sub-event types, in the taxonomy's order."""
    events = list(dict.fromkeys(SUB_EVENT_TYPES.values()))
    return events + list(SUB_EVENT_TYPES)


def _squash(value: str) -> str:
    return " ".join(value.lower().split())


def canonical_type(value: str) -> tuple[str | None, str | None]:
    """(event_type, sub_event_type) that VALUE names, in any case and spacing.

    An analyst types "air/drone strike" or "battles"; an unknown value is an error that lists
    the valid ones rather than a filter that silently matches nothing."""
    want = _squash(value)
    for sub in SUB_EVENT_TYPES:
        if _squash(sub) == want:
            return None, sub
    for etype in dict.fromkeys(SUB_EVENT_TYPES.values()):
        if _squash(etype) == want:
            return etype, None
    raise FilterError(
        f"type {value!r} is not an event or sub-event type; valid types: " + types_list()
    )


def types_list() -> str:
    return "; ".join(all_types())


def check_range(start: dt.date | None, end: dt.date | None) -> None:
    """A start after the end is a mistake, not an empty answer."""
    if start and end and start > end:
        raise FilterError(f"start ({start}) is after end ({end}): end is before start")


def check_limit(limit: int) -> None:
    if limit < 0:
        raise FilterError(f"limit must be 0 or more, got {limit}")
