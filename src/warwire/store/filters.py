"""The SQL behind a filtered list of events, written so that an index serves each filter.

Every filter reads one index range that is already in page order (date, then id), so that a
page of 100 events costs 100 index steps however many events match, and the count of matches
is a range count, not a table scan:

- the many-valued fields (an event's outlets, its actors' sides, its actors' and associates'
  names) are looked up in the event_keys table, one row per value; the page is read from the
  rarest filter's range (counts per key are stored with the events), the others are one
  seek per event;
- `actor`, a part of a name, is resolved first to the stored names that contain it (a short
  table), so that it too is a key range;
- a type within a province is one range of a composite index;
- province and place names are compared lower-cased through expression indexes;
- an event type is resolved in Python to the one column it names (event type or sub-event
  type), in any case, so that the comparison is an equality on an indexed column;
- `after` pages by the key of the last event seen (keyset paging): the next page starts where
  the last one ended instead of skipping OFFSET rows.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field, fields, replace
from typing import Any

from warwire.code.taxonomy import SUB_EVENT_TYPES
from warwire.store.keys import TOTAL

EVENTS_COLUMN = re.compile(r"\be\.")  # a clause that reads the events table itself
EVENT_TYPES = {v.lower(): v for v in SUB_EVENT_TYPES.values()}
SUB_TYPES = {k.lower(): k for k in SUB_EVENT_TYPES}


MAX_ARMS = 100  # a part of a name found in more names than this is tested event by event
FEW_NAMES = 4  # up to this many names are looked up one by one in an event's check
Estimate = Callable[[str, str], int]  # (facet, value) -> events holding it


@dataclass
class EventSelect:
    """FROM ... WHERE ... with its parameters, and the ORDER BY that pages it.

    KEYS, when set, is the event_keys range the page is read from (aliased k, in page order);
    the events table is joined to it only when a clause reads the event itself. ARMS, when
    set, are several such ranges (one per value of a facet: k.facet = ? AND k.value = ?)
    whose pages are merged in page order, an event in two of them once."""

    source: str  # "events e", or KEYS joined to it
    clauses: list[str] = field(default_factory=list)
    params: list[Any] = field(default_factory=list)
    order: tuple[str, str] = ("e.date", "e.id")
    keys: str = ""
    arms: list[list[Any]] = field(default_factory=list)
    postgres: bool = False

    @property
    def where(self) -> str:
        return (" WHERE " + " AND ".join(self.clauses)) if self.clauses else ""

    @property
    def args(self) -> list[Any]:
        """The parameters of page_sql and count_sql, in order."""
        if not self.arms:
            return list(self.params)
        return [p for arm in self.arms for p in (*arm, *self.params)]

    def add(self, clause: str, *params: Any) -> None:
        self.clauses.append(clause)
        self.params.extend(params)

    def _joined(self) -> bool:
        return not self.keys or any(EVENTS_COLUMN.search(c) for c in self.clauses)

    def _union(self, columns: str, source: str) -> str:
        arm = f"SELECT {columns} FROM {source} WHERE k.facet = ? AND k.value = ?"
        arm += "".join(" AND " + c for c in self.clauses)
        return " UNION ".join([arm] * len(self.arms))

    def page_sql(self, columns: str = "e.data") -> str:
        if self.arms:
            union = self._union(f"k.date AS d, k.event_id AS i, {columns} AS c", self.source)
            if self.postgres:
                return f"SELECT u.c FROM ({union}) u ORDER BY u.d, u.i"
            # SQLite merges the arms' ordered ranges when the union itself is ordered (and
            # sorts them all when the order is outside)
            return f"SELECT c FROM ({union} ORDER BY 1, 2)"
        return f"SELECT {columns} FROM {self.source}{self.where} ORDER BY {', '.join(self.order)}"

    def count_sql(self) -> str:
        source = self.source if self._joined() else self.keys  # no join when not read
        if self.arms:
            return f"SELECT COUNT(*) FROM ({self._union('k.event_id', source)}) u"
        return f"SELECT COUNT(*) FROM {source}{self.where}"


@dataclass
class Facet:
    """A many-valued filter: the event_keys values any of which an event must hold."""

    name: str
    values: list[str]
    rows: float = math.inf  # key rows of those values (unknown: inf)

    @property
    def can_drive(self) -> bool:
        """One value is a range in page order; a few are merged in page order."""
        return len(self.values) <= MAX_ARMS


def type_key(value: str) -> tuple[str, str] | None:
    """(column, stored value) that an event type or sub-event type names, in any case."""
    low = value.strip().lower()
    if low in EVENT_TYPES:
        return "event_type", EVENT_TYPES[low]
    if low in SUB_TYPES:
        return "sub_event_type", SUB_TYPES[low]
    return None


def type_clause(value: str) -> tuple[str, list[Any]]:
    """An event type or a sub-event type, in any case: an equality on the column it names."""
    key = type_key(value)
    if key:
        return f"e.{key[0]} = ?", [key[1]]
    # not in the taxonomy: compare as given (a store may hold types from elsewhere)
    return "(e.event_type = ? OR e.sub_event_type = ?)", [value, value]


def scalar_rows(
    estimate: Estimate,
    event_type: str | None,
    sub_event_type: str | None,
    admin1: str | None,
    place: str | None,
) -> float:
    """Events matching the one-valued equality filters, estimated as if independent (inf:
    none given). A place is a handful of events: its index range is always short."""
    if place:
        return 0
    total = max(1, estimate(*TOTAL))
    parts = []
    if event_type and (key := type_key(event_type)):
        parts.append(estimate(*key))
    if sub_event_type:
        parts.append(estimate("sub_event_type", SUB_TYPES.get(sub_event_type.strip().lower(), "")))
    if admin1:
        parts.append(estimate("admin1", admin1.lower()))
    if not parts:
        return math.inf
    return total * math.prod(p / total for p in parts)


@dataclass(frozen=True)
class EventFilter:
    """What a user asked of the event list (None: any), as the CLI, the API and the page
    send it; one object so the page query and the count read the same filters."""

    start: dt.date | None = None
    end: dt.date | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    admin1: str | None = None
    side: str | None = None
    place: str | None = None
    outlet: str | None = None
    min_sources: int | None = None
    actor: str | None = None  # a part of actor1's, actor2's or an associate's name, any case

    def as_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}

    @property
    def scalars_only(self) -> EventFilter:
        """The filters on the events' own columns (days, types, province, sources)."""
        return replace(self, side=None, place=None, outlet=None, actor=None)


def select_events(
    q: EventFilter,
    *,
    postgres: bool = False,
    actor_names: dict[str, int] | None = None,
    estimate: Estimate | None = None,
) -> EventSelect:
    """The events matching every given filter (None: any).

    ACTOR_NAMES: the stored lower-cased actor names that contain ACTOR, with their events
    (without them the names are searched in each event's JSON). ESTIMATE: events per key,
    to read the page from the rarest filter's range (without it: the first many-valued one)."""
    facets = [Facet(k, [v]) for k, v in (("outlet", q.outlet), ("side", q.side)) if v]
    if q.actor and actor_names:
        facets.append(Facet("actor", sorted(actor_names), sum(actor_names.values())))
    if estimate:
        for f in facets:
            if f.name != "actor":
                f.rows = estimate(f.name, f.values[0])
    driver = None
    drivers = [f for f in facets if f.can_drive]
    if drivers:
        driver = min(drivers, key=lambda f: f.rows)  # the first when nothing is known
        if estimate and driver.rows >= scalar_rows(
            estimate, q.event_type, q.sub_event_type, q.admin1, q.place
        ):
            driver = None  # an index on the events' own columns reads fewer rows
    sel = keys_select(driver, postgres) if driver else EventSelect("events e", postgres=postgres)
    day, key = sel.order
    for f in facets:
        if f is not driver:
            sel.add(*facet_check(f, q.actor, key, postgres))
    if q.actor and actor_names is not None and not actor_names:
        sel.add("1 = 0")  # no stored name contains it
    if q.start:
        sel.add(f"{day} >= ?", q.start.isoformat())
    if q.end:
        sel.add(f"{day} <= ?", q.end.isoformat())
    if q.event_type:
        clause, params = type_clause(q.event_type)
        sel.add(clause, *params)
    if q.sub_event_type:
        sel.add(
            "e.sub_event_type = ?",
            SUB_TYPES.get(q.sub_event_type.strip().lower(), q.sub_event_type),
        )
    if q.admin1:
        sel.add("LOWER(e.admin1) = LOWER(?)", q.admin1)
    if q.place:
        sel.add("(LOWER(e.location) = LOWER(?) OR e.place_id = ?)", q.place, q.place)
    if q.min_sources:
        sel.add("e.independent_sources >= ?", q.min_sources)
    if q.actor and actor_names is None:  # a part of a name searched in the JSON: no index
        sel.add(actor_clause(postgres), *[q.actor.lower()] * 4)
    return sel


MERGE_GAIN = 20  # a seek costs about this many steps of a merge of two ordered ranges


def intersect_count(
    q: EventFilter,
    *,
    postgres: bool = False,
    actor_names: dict[str, int],
    estimate: Estimate,
) -> tuple[str, list[Any]] | None:
    """The count of events matching filters of several wide ranges, as the merge of those
    ranges, each read in page order (date, id): a step per row of each range instead of a
    seek per row of the narrowest. None when a seek per row is cheaper (one range is much
    narrower than the others) or a filter has no such range (a place, sources alone)."""
    facets = [
        Facet(k, [v], estimate(k, v)) for k, v in (("outlet", q.outlet), ("side", q.side)) if v
    ]
    if q.actor:
        if len(actor_names) != 1:  # several names' ranges merge slower than they are sought
            return None
        facets.append(Facet("actor", list(actor_names), sum(actor_names.values())))
    scalars = scalar_rows(estimate, q.event_type, q.sub_event_type, q.admin1, None)
    if q.place or (q.min_sources and math.isinf(scalars)):
        return None
    ranges = [f.rows for f in facets] + ([] if math.isinf(scalars) else [scalars])
    if len(ranges) < 2 or sum(ranges) >= MERGE_GAIN * min(ranges):
        return None
    days = [(c, d.isoformat()) for c, d in ((">=", q.start), ("<=", q.end)) if d]
    arms: list[str] = []
    params: list[Any] = []
    for f in facets:
        arm = "SELECT k.date, k.event_id FROM event_keys k WHERE k.facet = ? AND k.value = ?"
        arms.append(arm + "".join(f" AND k.date {c} ?" for c, _ in days))
        params += [f.name, f.values[0], *(d for _, d in days)]
    if not math.isinf(scalars):
        sel = select_events(q.scalars_only, postgres=postgres)
        arms.append(f"SELECT e.date, e.id FROM {sel.source}{sel.where}")
        params += sel.params
    return f"SELECT COUNT(*) FROM ({' INTERSECT '.join(arms)} ORDER BY 1, 2) x", params


def keys_select(f: Facet, postgres: bool) -> EventSelect:
    """The page read from F's key range(s), in page order."""
    keys = "event_keys k"
    sel = EventSelect(f"{keys} JOIN events e ON e.id = k.event_id", keys=keys, postgres=postgres)
    if len(f.values) == 1:
        sel.add("k.facet = ?", f.name)
        sel.add("k.value = ?", f.values[0])
    else:  # several names: one range each, merged
        sel.arms = [[f.name, v] for v in f.values]
    sel.order = ("k.date", "k.event_id")
    return sel


def facet_check(f: Facet, actor: str | None, key: str, postgres: bool) -> tuple[Any, ...]:
    """SQL (and its parameters) true when the event KEY holds F: a seek into event_keys per
    value, or, for a part of many names, one seek to the event's own name rows."""
    if len(f.values) > FEW_NAMES and actor:
        # names are stored lower-cased: a part of any of the event's own
        found = "POSITION(? IN k2.value) > 0" if postgres else "INSTR(k2.value, ?) > 0"
        return (
            f"EXISTS (SELECT 1 FROM event_keys k2 WHERE k2.event_id = {key} "
            f"AND k2.facet = 'actor' AND {found})",
            actor.lower(),
        )
    marks = ", ".join("?" * len(f.values))
    return (
        f"EXISTS (SELECT 1 FROM event_keys k2 WHERE k2.facet = ? AND k2.value IN ({marks}) "
        f"AND k2.event_id = {key})",
        f.name,
        *f.values,
    )


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
