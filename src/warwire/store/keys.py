"""The rows written beside each event so that its filters are index look-ups.

An event's many-valued fields (outlets, actors' sides, the names of its actors and
associates) go to event_keys, one row per value; how many events hold each key, type,
province and source count goes to event_key_counts. Both are derived from the stored JSON
record alone, so a store is filled the same way by a merge, a re-open and a benchmark.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

EVENT_KEYS_INSERT = "INSERT INTO event_keys (facet, value, date, event_id) VALUES (?, ?, ?, ?)"
# the many-valued fields filtered through event_keys
FACETS = ("outlet", "side", "actor")
TOTAL = ("*", "")  # the event_key_counts row that holds the number of events
ACTOR_SET = "actor_set"  # event_key_counts: an event's lower-cased names, newline-joined
KeyRow = tuple[str, str, str | None, str]


def actor_names(rec: dict[str, Any]) -> list[str]:
    """The lower-cased names of a record's actors and associates (the `actor` filter finds a
    part of any of them), each once."""
    names = [rec.get("actor1"), rec.get("actor2")]
    names += list(rec.get("assoc_actor_1") or []) + list(rec.get("assoc_actor_2") or [])
    return sorted({n.lower() for n in names if n})


def record_key_rows(rec: dict[str, Any]) -> list[KeyRow]:
    """One (facet, value, date, event id) row per outlet, actor side and actor name."""
    day, eid = rec.get("date"), rec["id"]
    outlets = sorted({o for o in rec.get("outlets") or [] if o})
    sides = sorted({s for s in (rec.get("actor1_side"), rec.get("actor2_side")) if s})
    return (
        [("outlet", o, day, eid) for o in outlets]
        + [("side", s, day, eid) for s in sides]
        + [("actor", n, day, eid) for n in actor_names(rec)]
    )


def key_counts(records: Iterable[dict[str, Any]]) -> Counter[tuple[str, str]]:
    """(facet, value) -> events, for the facets and the one-valued filters (type, sub-type,
    province lower-cased, independent sources), the sets of actor names, and TOTAL."""
    counts: Counter[tuple[str, str]] = Counter()
    for rec in records:
        counts[TOTAL] += 1
        counts["event_type", rec.get("event_type") or ""] += 1
        counts["sub_event_type", rec.get("sub_event_type") or ""] += 1
        counts["admin1", (rec.get("admin1") or "").lower()] += 1
        counts["independent_sources", str(rec.get("independent_sources", 1))] += 1
        for facet, value, _, _ in record_key_rows(rec):
            counts[facet, value] += 1
        names = actor_names(rec)
        if names:
            counts[ACTOR_SET, "\n".join(names)] += 1
    return counts


def count_with_actor(name_sets: list[tuple[str, int]], part: str) -> int:
    """Events with an actor or associate whose name contains PART, from the counts of the
    events' sets of names (each event has one set: no event is counted twice)."""
    part = part.lower()
    return sum(n for names, n in name_sets if any(part in x for x in names.split("\n")))


KEY_COUNTS_ADD = (
    "INSERT INTO event_key_counts (facet, value, n) VALUES (?, ?, ?) "
    "ON CONFLICT (facet, value) DO UPDATE SET n = event_key_counts.n + excluded.n"
)
