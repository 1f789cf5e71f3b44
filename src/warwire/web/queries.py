"""Read-only queries the web view needs beyond the store's own methods.

The store keeps each event's full record as JSON; list-valued fields (outlets, articles) are
searched inside that JSON with SQLite's json_each or PostgreSQL's jsonb operators, so that
filtering and paging stay in the database however many events there are.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import threading
from dataclasses import dataclass
from typing import Any

from warwire.merge.holders import ControlHistory, control_history, holding_record
from warwire.records import Event, event_from_dict
from warwire.store import Store
from warwire.store.filters import EventFilter as EventFilters

HEAVY_FIELDS = ("claims", "conflicts", "evidence", "mentions")  # left out of the compact view


class StoreProvider:
    """A store connection per thread: a SQLite connection stays in the thread that opened it."""

    def __init__(self, url: str):
        self.url = url
        self._local = threading.local()
        self._all: list[Store] = []
        self._lock = threading.Lock()

    def get(self) -> Store:
        store = getattr(self._local, "store", None)
        if store is None:
            store = Store(self.url)
            self._local.store = store
            with self._lock:
                self._all.append(store)
        return store

    def close(self) -> None:
        with self._lock:
            for store in self._all:
                # a connection owned by another thread refuses to close from this one
                with contextlib.suppress(Exception):
                    store.close()
            self._all.clear()


class ControlMap:
    """A control history with each holding's JSON encoded once, so that the answer for a day
    is a join of strings: the front-line flag is the only part computed per day."""

    def __init__(self, history: ControlHistory):
        self.history = history
        self._json: dict[tuple[str, int], str] = {}
        for key, holdings in history.places.items():
            for i, h in enumerate(holdings):
                rec = holding_record(h)
                del rec["front_line"]
                self._json[key, i] = json.dumps(rec, ensure_ascii=False)[:-1] + ', "front_line": '

    def places_json(self, day: dt.date) -> str:
        """The JSON array of the holdings on DAY, by place name."""
        parts = [
            self._json[key, i] + ("true}" if front else "false}")
            for key, i, front in self.history.on(day)
        ]
        return "[" + ", ".join(parts) + "]"


class ControlMaps:
    """The control map, rebuilt only when the store's control changes were replaced.

    Every request for the map on some day asks the store for one short token; the changes
    themselves are read and ordered again only when a merge has written new ones."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._key: str | None = None
        self._map: ControlMap | None = None

    def get(self, store: Store) -> ControlMap:
        key = store.control_version()
        with self._lock:
            if self._map is not None and key == self._key:
                return self._map
        built = ControlMap(control_history(store.control_change_records()))
        with self._lock:
            self._key, self._map = key, built
        return built


def _json_list_has(store: Store, key: str) -> str:
    """SQL that is true when the event's JSON list `key` contains the bound value."""
    if store.postgres:
        return f"((data::jsonb -> '{key}') @> jsonb_build_array(?::text))"
    return f"EXISTS (SELECT 1 FROM json_each(events.data, '$.{key}') AS j WHERE j.value = ?)"


def find_events(
    store: Store,
    f: EventFilters,
    limit: int | None = None,
    offset: int = 0,
    after: str | None = None,
) -> list[Event]:
    """Events matching the filters, by date then id (AFTER: keyset paging, see the store)."""
    return [event_from_dict(r) for r in find_event_records(store, f, limit, offset, after)]


def find_event_records(
    store: Store,
    f: EventFilters,
    limit: int | None = None,
    offset: int = 0,
    after: str | None = None,
) -> list[dict[str, Any]]:
    """As find_events, but the stored JSON records themselves: the API's fast path."""
    rows = store.event_records_json(limit=limit, offset=offset, after=after, **f.as_dict())
    return [json.loads(r) for r in rows]


def api_record_sql(view: str) -> str:
    """SQLite: an event's stored JSON in the API's shape (see api.event_record_out), made by
    SQLite's JSON functions so that a page is passed on without Python parsing each record.
    Valid only for records written with the current Event fields (records_have_event_fields):
    one-day date ranges read null, and the compact view nulls the heavy fields."""
    span = "json_extract(e.data, '$.date_range[{}]')"
    date_range = (
        "CASE WHEN json_array_length(e.data, '$.date_range') > 0 "
        f"AND {span.format(0)} IS NOT {span.format(1)} "
        "THEN json(json_extract(e.data, '$.date_range')) END"
    )
    heavy = "".join(f", '$.{k}', NULL" for k in HEAVY_FIELDS) if view == "compact" else ""
    return f"json_set(e.data, '$.date_range', {date_range}{heavy})"


def find_event_json(
    store: Store,
    f: EventFilters,
    view: str,
    limit: int,
    offset: int = 0,
    after: str | None = None,
) -> list[str] | None:
    """The page's records as API JSON text straight from the store, or None where the store
    cannot give them so (PostgreSQL, or records from an older version: parse them instead)."""
    if store.postgres or not store.records_have_event_fields():
        return None
    return store.event_records_json(
        limit=limit, offset=offset, after=after, columns=api_record_sql(view), **f.as_dict()
    )


class EventCounts:
    """Counts of filtered events, computed once per merge: the store's events only change
    when a merge replaces them, and a count of a wide filter reads a long index range.
    The key is the store's events version, so a new merge empties the cache."""

    def __init__(self, size: int = 4096) -> None:
        self._lock = threading.Lock()
        self._version: str | None = None
        self._counts: dict[tuple, int] = {}
        self.size = size

    def get(self, store: Store, f: EventFilters) -> int:
        version = store.events_version()
        key = tuple(sorted(f.as_dict().items()))
        with self._lock:
            if version == self._version and key in self._counts:
                return self._counts[key]
        n = store.count_events(**f.as_dict())
        with self._lock:
            if version != self._version:
                self._version, self._counts = version, {}
            if len(self._counts) >= self.size:
                self._counts.pop(next(iter(self._counts)))  # the oldest first
            self._counts[key] = n
        return n


def count_events(store: Store, f: EventFilters) -> int:
    return store.count_events(**f.as_dict())


def events_citing(store: Store, article_id: str) -> list[Event]:
    """Events that list the article among their sources."""
    sql = f"SELECT data FROM events WHERE {_json_list_has(store, 'articles')} ORDER BY date, id"
    return [event_from_dict(json.loads(r[0])) for r in store._rows(sql, [article_id])]


def places(store: Store) -> list[dict[str, Any]]:
    """Distinct event locations with their event counts, most active first."""
    # one entry's point: the latitude and longitude are taken together, as one pair (the
    # greatest pair as text), never the largest latitude of one entry and longitude of another
    if store.postgres:
        pair = "MAX((data::jsonb ->> 'latitude') || ',' || (data::jsonb ->> 'longitude'))"
    else:
        pair = "MAX(json_extract(data, '$.latitude') || ',' || json_extract(data, '$.longitude'))"
    rows = store._rows(
        f"SELECT location, admin1, COUNT(*), MIN(date), MAX(date), {pair} FROM events "
        "WHERE location <> '' GROUP BY location, admin1 ORDER BY COUNT(*) DESC, location, admin1"
    )
    out = []
    for r in rows:
        lat = lon = None
        if r[5]:
            a, _, b = str(r[5]).partition(",")
            lat, lon = float(a), float(b)
        out.append(
            {
                "name": r[0],
                "admin1": r[1],
                "events": int(r[2]),
                "first": r[3],
                "last": r[4],
                "latitude": lat,
                "longitude": lon,
            }
        )
    return out


def outlet_event_counts(store: Store) -> dict[str, int]:
    """outlet -> number of events it reported (stored with the events, one row per outlet)."""
    sql = "SELECT value, n FROM event_key_counts WHERE facet = 'outlet'"
    return {str(r[0]): int(r[1]) for r in store._rows(sql)}


@dataclass
class OutletRow:
    """An outlet with its article and event counts and, when merge provides it, its slant."""

    outlet: str
    articles: int
    events: int
    lean: float | None = None
    label: str | None = None
    terms: dict[str, dict[str, int]] | None = None  # concept -> the outlet's words -> count


def _terms(raw: Any) -> dict[str, dict[str, int]]:
    """concept -> term -> count, from either that shape or a flat term -> count."""
    out: dict[str, dict[str, int]] = {}
    for key, value in dict(raw or {}).items():
        if isinstance(value, dict):
            words = {str(t): int(n) for t, n in value.items() if isinstance(n, int | float) and n}
            if words:
                out[str(key)] = words
        elif isinstance(value, int | float) and value:
            out.setdefault("", {})[str(key)] = int(value)
    return out


def outlet_rows(store: Store) -> tuple[list[OutletRow], str]:
    """(rows, note): the slant columns are filled when warwire.merge.outlet_slant works."""
    counts = outlet_event_counts(store)
    rows = {name: OutletRow(name, n, counts.get(name, 0)) for name, n in store.outlets()}
    unavailable = "wording analysis is not available in this installation"
    try:
        from warwire.merge import outlet_slant
    except ImportError:
        return list(rows.values()), unavailable
    try:
        slant = outlet_slant(store.articles())
    except ImportError:
        return list(rows.values()), unavailable
    except Exception as exc:  # noqa: BLE001 - the table still shows counts without it
        return list(rows.values()), f"wording analysis failed: {type(exc).__name__}"
    for s in slant:
        name = str(getattr(s, "outlet", "") or "")
        if name not in rows and name.startswith("(") and "" in rows:
            name = ""  # merge's label for articles without an outlet
        row = rows.setdefault(name, OutletRow(name, 0, counts.get(name, 0)))
        lean = getattr(s, "lean", None)
        row.lean = None if lean is None else float(lean)
        label = getattr(s, "label", None)
        row.label = str(label) if label else None
        row.terms = _terms(getattr(s, "terms", None))
    ordered = sorted(rows.values(), key=lambda r: (-r.articles, r.outlet.lower()))
    return ordered, ""
