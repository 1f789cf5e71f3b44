"""Where articles, mentions, events and control changes live.

One `Store` class speaks to SQLite (the embedded default) and PostgreSQL (the shared store):
the SQL is written once with `?` placeholders and the PostgreSQL connection rewrites them.
Every write happens in a transaction, so a crash never leaves half an article behind.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import time
import uuid
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from warwire.records import (
    Article,
    ControlChange,
    Event,
    Mention,
    control_change_from_dict,
    event_from_dict,
    mention_from_dict,
    to_jsonable,
)
from warwire.store.filters import (
    EventFilter,
    EventSelect,
    after_clause,
    intersect_count,
    select_events,
    type_key,
)
from warwire.store.keys import (  # EVENT_KEYS_INSERT, FACETS: re-exported
    ACTOR_SET,
    EVENT_KEYS_INSERT,
    FACETS,  # noqa: F401
    KEY_COUNTS_ADD,
    TOTAL,
    count_with_actor,
    key_counts,
    record_key_rows,
)
from warwire.store.schema import SCHEMA_VERSION, TABLES

MENTIONS_STORED = "mentions_stored"  # meta: a token that changes whenever mentions are stored
MENTIONS_LOCK = "warwire:mentions"  # advisory lock: shared by coders, alone by a merge
MENTIONS_CHANGED = "mentions_changed"  # meta: ... whenever a merged mention goes or regroups


def data_dir() -> Path:
    """The per-user data folder ($WARWIRE_DATA_DIR, else $XDG_DATA_HOME/warwire)."""
    if os.environ.get("WARWIRE_DATA_DIR"):
        return Path(os.environ["WARWIRE_DATA_DIR"])
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "warwire"


def default_db() -> str:
    """$WARWIRE_DB, else warwire.db in the per-user data folder."""
    return os.environ.get("WARWIRE_DB") or str(data_dir() / "warwire.db")


def is_postgres(url: str) -> bool:
    return url.startswith(("postgresql://", "postgres://"))


class _PgConnection:
    """Adapts a psycopg connection to the sqlite3 calls the store makes."""

    def __init__(self, url: str):
        import psycopg

        self._conn = psycopg.connect(url, autocommit=False)

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self._conn.execute(sql.replace("?", "%s"), tuple(params))

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        with self._conn.cursor() as cur:
            cur.executemany(sql.replace("?", "%s"), [tuple(r) for r in rows])

    def commit(self) -> None:
        self._conn.commit()

    def rollback(self) -> None:
        self._conn.rollback()

    def close(self) -> None:
        self._conn.close()


@dataclass
class UpsertResult:
    status: str  # "new", "unchanged" or "updated"
    article_id: str


def _same_source(stored: str, new: str) -> bool:
    """Whether a stored article's source file is NEW (older stores kept paths as given)."""
    return not stored or not new or stored == new or os.path.abspath(stored) == new


def _retry_locked(step: Any, tries: int = 100) -> Any:
    """Switching to WAL needs a moment alone with the file; the busy handler does not cover
    it, so a second process opening the store at the same instant waits here instead."""
    for i in range(tries):
        try:
            return step()
        except sqlite3.OperationalError as e:
            if "locked" not in str(e) or i == tries - 1:
                raise
            time.sleep(0.05)
    return None


class Store:
    """The project's database; see the module docstring."""

    def __init__(self, url: str | None = None):
        self.url = url or default_db()
        self.postgres = is_postgres(self.url)
        if self.postgres:
            self._conn: Any = _PgConnection(self.url)
        else:
            path = Path(self.url)
            if path.parent and not path.parent.exists():
                path.parent.mkdir(parents=True, exist_ok=True)
            self._conn = sqlite3.connect(str(path), timeout=60, isolation_level=None)
            self._conn.execute("PRAGMA busy_timeout=60000")
            _retry_locked(lambda: self._conn.execute("PRAGMA journal_mode=WAL"))
            self._conn.execute("PRAGMA synchronous=NORMAL")
            self._conn.execute("PRAGMA foreign_keys=ON")
        self._depth = 0
        self._create()

    # -- plumbing ---------------------------------------------------------------------------

    def _create(self) -> None:
        blob = "BYTEA" if self.postgres else "BLOB"
        with self.transaction():
            if self.postgres:
                # Two processes creating the schema at once must not race.
                self._conn.execute("SELECT pg_advisory_xact_lock(4242)")
            for ddl in TABLES:
                self._conn.execute(ddl.replace("BYTEA_OR_BLOB", blob))
            self._conn.execute(
                "INSERT INTO meta (key, value) VALUES ('schema_version', ?) "
                "ON CONFLICT (key) DO NOTHING",
                (str(SCHEMA_VERSION),),
            )
            version = self._conn.execute(
                "SELECT value FROM meta WHERE key = 'event_keys'"
            ).fetchall()
            if not version or version[0][0] != EVENT_KEYS_VERSION:
                self._fill_event_keys()  # a store merged before the keys it is read by

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Nested calls join the outer transaction; an exception rolls everything back."""
        if self._depth == 0 and not self.postgres:
            self._conn.execute("BEGIN IMMEDIATE")
        self._depth += 1
        try:
            yield
        except BaseException:
            self._depth -= 1
            if self._depth == 0:
                self._conn.rollback() if self.postgres else self._conn.execute("ROLLBACK")
            raise
        self._depth -= 1
        if self._depth == 0:
            self._conn.commit() if self.postgres else self._conn.execute("COMMIT")

    def _lock(self, key: str, shared: bool = False) -> None:
        """PostgreSQL: hold a lock on KEY until the transaction ends, so that two processes
        replacing the same rows take turns (each statement then sees the other's commit);
        SHARED holders only exclude an exclusive one. SQLite needs none: BEGIN IMMEDIATE
        already lets one writer in at a time."""
        if self.postgres:
            kind = "pg_advisory_xact_lock_shared" if shared else "pg_advisory_xact_lock"
            self._conn.execute(f"SELECT {kind}(hashtext(?))", (key,))

    @contextmanager
    def merging(self) -> Iterator[None]:
        """One merge at a time per store, across processes: a merge reads the mentions and
        writes the events while holding this, so the last merge has read every mention stored
        before it began and concurrent runs end with the events of all their mentions.
        PostgreSQL: a session advisory lock (it outlives the commits of the reads); SQLite: an
        exclusive lock on a file beside the database (coders may write meanwhile)."""
        if self.postgres:
            self._conn.execute("SELECT pg_advisory_lock(hashtext('warwire:merge'))")
            self._conn.commit()
            try:
                yield
            finally:
                self._conn.execute("SELECT pg_advisory_unlock(hashtext('warwire:merge'))")
                self._conn.commit()
            return
        import fcntl

        try:
            lock = open(f"{self.url}.merge-lock", "a+b")  # noqa: SIM115 - held until the end
        except OSError:  # a read-only folder: nobody else can write there either
            yield
            return
        with lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)

    def meta(self, key: str) -> str:
        rows = self._rows("SELECT value FROM meta WHERE key = ?", (key,))
        return str(rows[0][0]) if rows else ""

    def set_meta(self, key: str, value: str) -> None:
        with self.transaction():
            self._conn.execute(
                "INSERT INTO meta (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, value),
            )

    def _merged_mentions_changed(self) -> None:
        """A merged mention was deleted, or a coded article changed wire group: the events
        around it can no longer be kept as stored (see `pipeline.merge`)."""
        self.set_meta(MENTIONS_CHANGED, uuid.uuid4().hex)

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        rows = self._conn.execute(sql, params).fetchall()
        if self.postgres:
            self._conn.commit()  # end the read transaction so later writes see fresh data
        return rows

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- articles ---------------------------------------------------------------------------

    def upsert_article(self, article: Article, signature: bytes | None = None) -> UpsertResult:
        """Insert a new article, skip an identical one, replace one whose text changed."""
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        with self.transaction():
            self._lock(article.id)  # serialise writers of the same id across processes
            row = self._conn.execute(
                "SELECT content_hash, url, outlet, published, title FROM articles WHERE id = ?",
                (article.id,),
            ).fetchone()
            values = (
                article.url,
                article.outlet,
                article.published.isoformat() if article.published else None,
                article.title,
                article.text,
                article.language,
                article.source_file,
                article.content_hash,
                article.wire_group,
                signature,
            )
            if row is None:
                self._conn.execute(
                    "INSERT INTO articles (url, outlet, published, title, text, language, "
                    "source_file, content_hash, wire_group, signature, id, ingested_at) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (*values, article.id, now),
                )
                return UpsertResult("new", article.id)
            meta = values[:4]  # url, outlet, published, title
            if row[0] == article.content_hash:
                if tuple(row[1:]) == meta:
                    return UpsertResult("unchanged", article.id)
                # a manifest that arrives after its files: new date or outlet, same text.
                # The day anchors relative dates, so the article is coded again.
                recode = (row[2], row[3]) != meta[1:3]
                self._conn.execute(
                    "UPDATE articles SET url = ?, outlet = ?, published = ?, title = ?"
                    + (", coded_hash = ''" if recode else "")
                    + " WHERE id = ?",
                    (*meta, article.id),
                )
                return UpsertResult("updated", article.id)
            self._conn.execute(
                "UPDATE articles SET url = ?, outlet = ?, published = ?, title = ?, text = ?, "
                "language = ?, source_file = ?, content_hash = ?, wire_group = ?, signature = ?, "
                "ingested_at = ? WHERE id = ?",
                (*values, now, article.id),
            )
            return UpsertResult("updated", article.id)

    def claim_id(self, article: Article) -> tuple[str, str]:
        """(the id to store ARTICLE under, the source file of a different article that already
        holds its id, or "").

        Ids come from file names, so two folders' `report.txt` ask for the same one. The same
        text, or a new version from the same file, keeps the id (re-ingest, a rewritten file).
        A different text from another file keeps its own id: the one it was given before, or
        the id plus "~" and its content hash, so nothing is replaced silently.

        Call it and `upsert_article` in one transaction: the id is then locked until the
        article is stored, so two processes cannot both take it."""
        with self.transaction():
            self._lock(article.id)
            row = self._conn.execute(
                "SELECT source_file, content_hash FROM articles WHERE id = ?", (article.id,)
            ).fetchone()
            if row is None:
                return article.id, ""
            source, content_hash = row
            if content_hash == article.content_hash or _same_source(source, article.source_file):
                return article.id, ""
            prefix = article.id + "~"
            mine = self._conn.execute(
                "SELECT id FROM articles WHERE source_file = ? AND substr(id, 1, ?) = ? "
                "ORDER BY id",
                (article.source_file, len(prefix), prefix),
            ).fetchall()
        if mine:
            return mine[0][0], ""  # reported when it was first stored apart
        return prefix + article.content_hash[:12], source

    def set_wire_groups(self, groups: dict[str, str]) -> None:
        """Rows are updated in id order (and only where the group changes) so that two
        processes ingesting at once lock rows in the same order and cannot deadlock."""
        with self.transaction():
            now = {
                r[0]: (r[1], r[2])
                for r in self._conn.execute(
                    "SELECT id, wire_group, coded_hash FROM articles"
                ).fetchall()
            }
            changed = [(a, g) for a, g in sorted(groups.items()) if a in now and now[a][0] != g]
            self._conn.executemany(
                "UPDATE articles SET wire_group = ? WHERE id = ? AND wire_group <> ?",
                [(g, a, g) for a, g in changed],
            )
            if any(now[a][1] for a, _ in changed):
                self._merged_mentions_changed()

    _ARTICLE_COLS = (
        "id, url, outlet, published, title, text, language, source_file, content_hash, wire_group"
    )

    @staticmethod
    def _article(row: tuple) -> Article:
        return Article(
            id=row[0],
            url=row[1],
            outlet=row[2],
            published=dt.date.fromisoformat(row[3]) if row[3] else None,
            title=row[4],
            text=row[5],
            language=row[6],
            source_file=row[7],
            content_hash=row[8],
            wire_group=row[9],
        )

    def article(self, article_id: str) -> Article | None:
        rows = self._rows(f"SELECT {self._ARTICLE_COLS} FROM articles WHERE id = ?", (article_id,))
        return self._article(rows[0]) if rows else None

    def articles_by_id(self, ids: Sequence[str]) -> list[Article]:
        """The stored articles among IDS, in the order of IDS (one query per call)."""
        if not ids:
            return []
        marks = ", ".join("?" * len(ids))
        rows = self._rows(f"SELECT {self._ARTICLE_COLS} FROM articles WHERE id IN ({marks})", ids)
        found = {a.id: a for a in map(self._article, rows)}
        return [found[i] for i in ids if i in found]

    def articles(
        self, *, outlet: str | None = None, limit: int | None = None, offset: int = 0
    ) -> list[Article]:
        sql = f"SELECT {self._ARTICLE_COLS} FROM articles"
        params: list[Any] = []
        if outlet:
            sql += " WHERE outlet = ?"
            params.append(outlet)
        sql += " ORDER BY published, id"
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params += [limit, offset]
        return [self._article(r) for r in self._rows(sql, params)]

    def count(self, table: str) -> int:
        if table not in {"articles", "mentions", "events", "control_changes"}:
            raise ValueError(f"unknown table {table}")
        return int(self._rows(f"SELECT COUNT(*) FROM {table}")[0][0])

    def signatures(self) -> list[tuple[str, bytes]]:
        """Stored MinHash signatures, in ingest order, to rebuild the wire-copy index."""
        rows = self._rows(
            "SELECT id, signature FROM articles WHERE signature IS NOT NULL "
            "ORDER BY ingested_at, id"
        )
        return [(r[0], bytes(r[1])) for r in rows]

    def articles_to_code(self, coder: str = "") -> list[str]:
        """Ids of articles whose current text has not been coded yet (by this CODER version:
        replace_mentions then records content_hash + coder)."""
        rows = self._rows(
            "SELECT id FROM articles WHERE coded_hash <> content_hash || ? ORDER BY id", (coder,)
        )
        return [r[0] for r in rows]

    # -- mentions ---------------------------------------------------------------------------

    def replace_mentions(self, article_id: str, content_hash: str, mentions: list[Mention]) -> None:
        """Store an article's mentions, replacing those of an earlier version of its text."""
        self.replace_mentions_many([(article_id, content_hash, mentions)])

    def replace_mentions_many(self, coded: Sequence[tuple[str, str, list[Mention]]]) -> None:
        """replace_mentions for several articles in one transaction: a backfill commits once
        per batch, not once per article. Articles are locked in id order, so two processes
        storing overlapping batches cannot deadlock."""
        deleted_merged = False
        with self.transaction():
            # coders share the mention rows; a merge writing its assignments has them alone
            # (else a coder holding one article's rows, waiting for the next article's rows
            # that the merge's update holds, and the merge waiting for the first, deadlock)
            self._lock(MENTIONS_LOCK, shared=True)
            for article_id, content_hash, mentions in sorted(coded, key=lambda c: c[0]):
                self._lock(article_id)
                merged = self._conn.execute(
                    "SELECT 1 FROM mentions WHERE article = ? AND event_id <> '' LIMIT 1",
                    (article_id,),
                ).fetchall()
                deleted_merged = deleted_merged or bool(merged)
                self._conn.execute("DELETE FROM mentions WHERE article = ?", (article_id,))
                self._conn.executemany(
                    "INSERT INTO mentions (id, article, event_id, day, admin1, data) "
                    "VALUES (?, ?, '', ?, ?, ?)",
                    [
                        (
                            m.id,
                            m.article,
                            m.day.date.isoformat() if m.day else None,
                            m.place.admin1 if m.place else "",
                            json.dumps(to_jsonable(m), ensure_ascii=False),
                        )
                        for m in mentions
                    ],
                )
                self._conn.execute(
                    "UPDATE articles SET coded_hash = ? WHERE id = ?", (content_hash, article_id)
                )
            # last, once every article lock is held: concurrent coders cannot deadlock on meta
            self.set_meta(MENTIONS_STORED, uuid.uuid4().hex)
            if deleted_merged:
                self._merged_mentions_changed()

    def mentions(self, article_id: str | None = None) -> list[Mention]:
        if article_id:
            rows = self._rows(
                "SELECT data FROM mentions WHERE article = ? ORDER BY id", (article_id,)
            )
        else:
            rows = self._rows("SELECT data FROM mentions ORDER BY id")
        return [mention_from_dict(json.loads(r[0])) for r in rows]

    def assignments(self) -> dict[str, str]:
        return dict(self._rows("SELECT id, event_id FROM mentions WHERE event_id <> ''"))

    # -- events -----------------------------------------------------------------------------

    def _fill_event_keys(self) -> None:
        """Rebuild the event_keys rows and their counts from the stored events (inside a
        transaction)."""
        self._conn.execute("DELETE FROM event_keys")
        self._conn.execute("DELETE FROM event_key_counts")
        records = [json.loads(data) for (data,) in self._conn.execute("SELECT data FROM events")]
        self._write_keys(records)
        self._mark_events_changed()
        self._conn.execute(
            "INSERT INTO meta (key, value) VALUES ('event_keys', ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (EVENT_KEYS_VERSION,),
        )

    def _write_keys(self, records: list[dict[str, Any]]) -> None:
        """The event_keys rows of RECORDS, and their counts added to event_key_counts."""
        self._conn.executemany(EVENT_KEYS_INSERT, [k for r in records for k in record_key_rows(r)])
        counts = key_counts(records)
        self._conn.executemany(KEY_COUNTS_ADD, [(f, v, n) for (f, v), n in counts.items()])

    def _mark_events_changed(self) -> None:
        self._conn.execute(
            "INSERT INTO meta (key, value) VALUES ('events_version', ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (uuid.uuid4().hex,),
        )

    def events_version(self) -> str:
        """A token that changes whenever the events are replaced (by a merge): the cache key
        of anything derived from them, such as the count behind a filtered page."""
        rows = self._rows("SELECT value FROM meta WHERE key = 'events_version'")
        return str(rows[0][0]) if rows else ""

    def replace_events(self, events: list[Event], assignments: dict[str, str]) -> None:
        """Write the merged events and which event each mention belongs to, as one unit."""
        with self.transaction():
            self._lock("warwire:events")
            self._lock(MENTIONS_LOCK)  # after the events lock, as every merge takes them
            self._conn.execute("DELETE FROM events")
            self._conn.execute("DELETE FROM event_keys")
            self._conn.execute("DELETE FROM event_key_counts")
            self.append_events(events)
            if not self.postgres:
                # statistics for the query planner (PostgreSQL keeps its own): a sample of
                # each index, so that a filter is read through its narrowest index
                self._conn.execute("PRAGMA analysis_limit=400")
                self._conn.execute("ANALYZE")
            self._conn.execute("UPDATE mentions SET event_id = ''")
            self._conn.executemany(
                "UPDATE mentions SET event_id = ? WHERE id = ?",
                [(ev, m) for m, ev in assignments.items()],
            )

    def append_events(self, events: Iterable[Event]) -> None:
        """Add events (and their event_keys rows); replace_events calls it after emptying the
        table, and a benchmark building a large store calls it chunk by chunk."""
        records = [to_jsonable(e) for e in events]
        with self.transaction():
            fresh = not self._conn.execute("SELECT 1 FROM events LIMIT 1").fetchall()
            self._conn.executemany(
                "INSERT INTO events (id, date, event_type, sub_event_type, admin1, location, "
                "place_id, actor1_side, actor2_side, fatalities, independent_sources, data) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        r["id"],
                        r["date"],
                        r["event_type"],
                        r["sub_event_type"],
                        r["admin1"],
                        r["location"],
                        r["place_id"],
                        r["actor1_side"],
                        r["actor2_side"],
                        r["fatalities"],
                        r["independent_sources"],
                        json.dumps(r, ensure_ascii=False),
                    )
                    for r in records
                ],
            )
            self._write_keys(records)
            if fresh:
                self.mark_event_fields()
            self._mark_events_changed()

    def mark_event_fields(self) -> None:
        """Record that every stored event record has exactly the Event fields of this
        version, in order (to_jsonable(Event)): a reader may then pass them on as stored."""
        self._conn.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (EVENT_FIELDS, EVENT_FIELDS_NOW),
        )

    def records_have_event_fields(self) -> bool:
        """Whether every stored event record was written with this version's Event fields."""
        return self.meta(EVENT_FIELDS) == EVENT_FIELDS_NOW

    def events(
        self,
        *,
        limit: int | None = None,
        offset: int = 0,
        after: str | None = None,
        **filters: Any,
    ) -> list[Event]:
        """Events matching the filters (see store.filters.select_events), by date then id."""
        return [
            event_from_dict(json.loads(r))
            for r in self.event_records_json(limit=limit, offset=offset, after=after, **filters)
        ]

    def event_records_json(
        self,
        *,
        limit: int | None = None,
        offset: int = 0,
        after: str | None = None,
        columns: str = "e.data",
        **filters: Any,
    ) -> list[str]:
        """The stored JSON of the matching events, by date then id. AFTER (an event id)
        starts the page after that event (keyset paging); an unknown id gives no events.
        COLUMNS: an SQL expression over the events row `e` to return instead of its JSON."""
        sel = self._select(filters)
        if after is not None:
            rows = self._rows("SELECT date FROM events WHERE id = ?", (after,))
            if not rows:
                return []
            clause, params = after_clause(sel, rows[0][0], after, nulls_first=not self.postgres)
            sel.add(clause, *params)
        sql, params = sel.page_sql(columns), sel.args
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params += [limit, offset]
        elif offset:
            sql += " LIMIT -1 OFFSET ?" if not self.postgres else " OFFSET ?"
            params.append(offset)
        return [r[0] for r in self._rows(sql, params)]

    def count_events(self, **filters: Any) -> int:
        """Events matching the filters: one stored count for no filter or a single one, else
        a count of the index range the page is read from."""
        given = {k: v for k, v in filters.items() if v}
        n = self._stored_count(given)
        if n is not None:
            return n
        names = self.actor_names(given["actor"]) if given.get("actor") else {}
        merged = intersect_count(
            EventFilter(**given), postgres=self.postgres, actor_names=names, estimate=self.key_count
        )
        if merged:
            return int(self._rows(*merged)[0][0])
        sel = self._select(filters)
        return int(self._rows(sel.count_sql(), sel.args)[0][0])

    def key_count(self, facet: str, value: str) -> int:
        """Events holding a key (or type, province lower-cased, source count; TOTAL: all)."""
        rows = self._rows(
            "SELECT n FROM event_key_counts WHERE facet = ? AND value = ?", (facet, value)
        )
        return int(rows[0][0]) if rows else 0

    def actor_names(self, part: str) -> dict[str, int]:
        """The stored actor names (lower-cased) that contain PART, any case, with their events."""
        found = "POSITION(? IN value) > 0" if self.postgres else "INSTR(value, ?) > 0"
        rows = self._rows(
            f"SELECT value, n FROM event_key_counts WHERE facet = 'actor' AND {found}",
            (part.lower(),),
        )
        return {r[0]: int(r[1]) for r in rows}

    def _select(self, filters: dict[str, Any]) -> EventSelect:
        actor = filters.get("actor")
        return select_events(
            EventFilter(**filters),
            postgres=self.postgres,
            actor_names=self.actor_names(actor) if actor else None,
            estimate=self.key_count,
        )

    def _stored_count(self, filters: dict[str, Any]) -> int | None:
        """The count of no filter or of one whose count event_key_counts holds, else None."""
        if not filters:
            return self.key_count(*TOTAL)
        if len(filters) != 1:
            return None
        ((name, value),) = filters.items()
        if name in ("outlet", "side"):
            return self.key_count(name, value)
        if name == "actor":
            sets = self._rows("SELECT value, n FROM event_key_counts WHERE facet = ?", (ACTOR_SET,))
            return count_with_actor([(str(v), int(n)) for v, n in sets], value)
        if name == "event_type" and (key := type_key(value)):
            return self.key_count(*key)
        if name == "sub_event_type" and (key := type_key(value)) and key[0] == name:
            return self.key_count(*key)
        if name == "min_sources":
            rows = self._rows(
                "SELECT value, n FROM event_key_counts WHERE facet = 'independent_sources'"
            )
            return sum(int(n) for v, n in rows if int(v) >= int(value))
        return None

    def event(self, event_id: str) -> Event | None:
        rows = self._rows("SELECT data FROM events WHERE id = ?", (event_id,))
        return event_from_dict(json.loads(rows[0][0])) if rows else None

    # -- control changes --------------------------------------------------------------------

    def replace_control_changes(self, changes: list[ControlChange]) -> None:
        with self.transaction():
            self._lock("warwire:control_changes")
            self._conn.execute("DELETE FROM control_changes")
            self._conn.executemany(
                "INSERT INTO control_changes (id, place, place_id, date, data) "
                "VALUES (?, ?, ?, ?, ?)",
                [
                    (
                        f"{c.event}:{c.place_id or c.place}",
                        c.place,
                        c.place_id,
                        c.date.isoformat() if c.date else None,
                        json.dumps(to_jsonable(c), ensure_ascii=False),
                    )
                    for c in changes
                ],
            )
            self._conn.execute(
                "INSERT INTO meta (key, value) VALUES ('control_version', ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (uuid.uuid4().hex,),
            )

    def control_version(self) -> str:
        """A token that changes whenever the control changes are replaced: the cache key of
        anything derived from them (the web view's control map)."""
        rows = self._rows("SELECT value FROM meta WHERE key = 'control_version'")
        return str(rows[0][0]) if rows else ""

    def control_change_records(self) -> list[ControlChange]:
        """Every stored change as a record. Changes stored before they kept their event's
        point and outlets get them from the event."""
        changes = [control_change_from_dict(d) for d in self.control_changes()]
        missing = sorted({c.event for c in changes if c.latitude is None and c.event})
        events: dict[str, dict[str, Any]] = {}
        for i in range(0, len(missing), 500):
            ids = missing[i : i + 500]
            marks = ", ".join("?" * len(ids))
            for r in self._rows(f"SELECT id, data FROM events WHERE id IN ({marks})", ids):
                events[r[0]] = json.loads(r[1])
        for c in changes:
            e = events.get(c.event)
            if e and c.latitude is None:
                c.latitude, c.longitude = e.get("latitude"), e.get("longitude")
                c.outlets = c.outlets or list(e.get("outlets") or [])
        return changes

    def control_changes(self, place: str | None = None) -> list[dict[str, Any]]:
        if place:
            rows = self._rows(
                "SELECT data FROM control_changes WHERE LOWER(place) = LOWER(?) OR place_id = ? "
                "ORDER BY date",
                (place, place),
            )
        else:
            rows = self._rows("SELECT data FROM control_changes ORDER BY place, date")
        return [json.loads(r[0]) for r in rows]

    def outlets(self) -> list[tuple[str, int]]:
        return [
            (r[0], int(r[1]))
            for r in self._rows(
                "SELECT outlet, COUNT(*) FROM articles GROUP BY outlet "
                "ORDER BY COUNT(*) DESC, outlet"
            )
        ]


EVENT_FIELDS = "event_fields"  # meta: the fields of every stored event record, if all alike
EVENT_FIELDS_NOW = ",".join(f.name for f in fields(Event))
EVENT_KEYS_VERSION = "3"  # meta: event_keys hold actor names; counts hold their sets too


def event_key_rows(e: Event) -> list[tuple[str, str, str | None, str]]:
    """One (facet, value, date, event id) row per outlet, actor side and actor name."""
    return record_key_rows(to_jsonable(e))


def open_store(url: str | None = None) -> Store:
    return Store(url)
