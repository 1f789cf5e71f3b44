"""The SQL behind a filtered list of events, written so that an index serves each filter.

Every filter reads one index range that is already in page order (date, then id), so that a
page of 100 events costs 100 index steps however many events match, and the count of matches
is a range count, not a table scan:

- the many-valued fields (an event's outlets, its actors' sides) are looked up in the
  event_keys table, one row per value, and the page is read from there;
- province and place names are compared lower-cased through expression indexes;
- an event type is resolved in Python to the one column it names (event type or sub-event
  type), in any case, so that the comparison is an equality on an indexed column;
- `after` pages by the key of the last event seen (keyset paging): the next page starts where
  the last one ended instead of skipping OFFSET rows.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from warwire.code.taxonomy import SUB_EVENT_TYPES

EVENTS_COLUMN = re.compile(r"\be\.")  # a clause that reads the events table itself
EVENT_TYPES = {v.lower(): v for v in SUB_EVENT_TYPES.values()}
SUB_TYPES = {k.lower(): k for k in SUB_EVENT_TYPES}


@dataclass
class EventSelect:
    """FROM ... WHERE ... with its parameters, and the ORDER BY that pages it."""

    source: str  # "events e" or event_keys joined to it
    clauses: list[str] = field(default_factory=list)
    params: list[Any] = field(default_factory=list)
    order: tuple[str, str] = ("e.date", "e.id")

    @property
    def where(self) -> str:
        return (" WHERE " + " AND ".join(self.clauses)) if self.clauses else ""

    def add(self, clause: str, *params: Any) -> None:
        self.clauses.append(clause)
        self.params.extend(params)

    def page_sql(self, columns: str = "e.data") -> str:
        return f"SELECT {columns} FROM {self.source}{self.where} ORDER BY {', '.join(self.order)}"

    def count_sql(self) -> str:
        source = self.source
        if source.startswith("event_keys k") and not any(
            EVENTS_COLUMN.search(c) for c in self.clauses
        ):
            source = "event_keys k"  # every filter is on the key rows: no join to count
        return f"SELECT COUNT(*) FROM {source}{self.where}"


def type_clause(value: str) -> tuple[str, list[Any]]:
    """An event type or a sub-event type, in any case: an equality on the column it names."""
    low = value.strip().lower()
    if low in EVENT_TYPES:
        return "e.event_type = ?", [EVENT_TYPES[low]]
    if low in SUB_TYPES:
        return "e.sub_event_type = ?", [SUB_TYPES[low]]
    # not in the taxonomy: compare as given (a store may hold types from elsewhere)
    return "(e.event_type = ? OR e.sub_event_type = ?)", [value, value]


def select_events(
    *,
    start: dt.date | None = None,
    end: dt.date | None = None,
    event_type: str | None = None,
    sub_event_type: str | None = None,
    admin1: str | None = None,
    side: str | None = None,
    place: str | None = None,
    outlet: str | None = None,
    min_sources: int | None = None,
    actor: str | None = None,
    postgres: bool = False,
) -> EventSelect:
    """The events matching every given filter (None: any)."""
    facets = [(k, v) for k, v in (("outlet", outlet), ("side", side)) if v]
    if facets:
        # read the page from the first many-valued filter's index range
        sel = EventSelect("event_keys k JOIN events e ON e.id = k.event_id")
        sel.order = ("k.date", "k.event_id")
        sel.add("k.facet = ?", facets[0][0])
        sel.add("k.value = ?", facets[0][1])
        for facet, value in facets[1:]:
            sel.add(
                "EXISTS (SELECT 1 FROM event_keys k2 WHERE k2.facet = ? AND k2.value = ? "
                "AND k2.event_id = e.id)",
                facet,
                value,
            )
    else:
        sel = EventSelect("events e")
    day = sel.order[0]
    if start:
        sel.add(f"{day} >= ?", start.isoformat())
    if end:
        sel.add(f"{day} <= ?", end.isoformat())
    if event_type:
        clause, params = type_clause(event_type)
        sel.add(clause, *params)
    if sub_event_type:
        sel.add(
            "e.sub_event_type = ?", SUB_TYPES.get(sub_event_type.strip().lower(), sub_event_type)
        )
    if admin1:
        sel.add("LOWER(e.admin1) = LOWER(?)", admin1)
    if place:
        sel.add("(LOWER(e.location) = LOWER(?) OR e.place_id = ?)", place, place)
    if min_sources:
        sel.add("e.independent_sources >= ?", min_sources)
    if actor:  # a part of a name: no index serves it, the other filters narrow it first
        sel.add(actor_clause(postgres), *[actor.lower()] * 4)
    return sel


def actor_clause(postgres: bool) -> str:
    """SQL true when the bound lower-case text is part of either actor's or an associate's
    name: "islamic" finds "Islamic State (Syria)" as actor1, actor2 or associate."""
    if postgres:
        one = "POSITION(? IN LOWER(COALESCE(e.data::jsonb ->> '{k}', ''))) > 0"
        many = (
            "EXISTS (SELECT 1 FROM jsonb_array_elements_text(e.data::jsonb -> '{k}') AS a "
            "WHERE POSITION(? IN LOWER(a)) > 0)"
        )
    else:
        one = "INSTR(LOWER(COALESCE(json_extract(e.data, '$.{k}'), '')), ?) > 0"
        many = (
            "EXISTS (SELECT 1 FROM json_each(e.data, '$.{k}') AS a "
            "WHERE INSTR(LOWER(a.value), ?) > 0)"
        )
    parts = [one.format(k="actor1"), one.format(k="actor2")]
    parts += [many.format(k="assoc_actor_1"), many.format(k="assoc_actor_2")]
    return "(" + " OR ".join(parts) + ")"


def after_clause(
    sel: EventSelect, date: str | None, event_id: str, nulls_first: bool
) -> tuple[str, list[Any]]:
    """Keyset paging: the events after (DATE, EVENT_ID) in page order.

    SQLite sorts undated events first, PostgreSQL last; the clause follows the backend."""
    day, key = sel.order
    if date is not None:
        clause = f"({day}, {key}) > (?, ?)"
        if not nulls_first:
            clause = f"({clause} OR {day} IS NULL)"
        return clause, [date, event_id]
    if nulls_first:
        return f"(({day} IS NULL AND {key} > ?) OR {day} IS NOT NULL)", [event_id]
    return f"({day} IS NULL AND {key} > ?)", [event_id]
