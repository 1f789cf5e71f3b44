"""Filtered event pages at scale: index-served filters, keyset paging, counts per merge."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import random
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from warwire.records import Event, Evidence
from warwire.store import Store
from warwire.store.filters import EventFilter, intersect_count, select_events
from warwire.web import queries
from warwire.web.api import event_record_out
from warwire.web.app import create_app

PROVINCES = ["Idlib", "Aleppo", "Hama"]
TYPES = [
    ("Battles", "Armed clash"),
    ("Explosions/Remote violence", "Air/drone strike"),
    ("Violence against civilians", "Attack"),
]
SIDES = ["syrian_government", "opposition", "russia", "kurdish"]
OUTLETS = ["North Wire", "South Daily", "East Post"]
# invented names: "forces" is a part of three, "wagner" of one (as actor or associate)
ACTORS = [
    "Army Forces of Ruritania",
    "Police Forces of Ruritania",
    "Wagner Company",
    "Free Valley Front",
    "Civilians (Ruritania)",
    "Rebel Forces",
    None,
]


def made_up_events(n: int, seed: int = 7) -> list[Event]:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        etype, sub = rng.choice(TYPES)
        undated = i % 17 == 0  # some events have no day: they page first in SQLite
        assoc = [rng.choice(ACTORS[:-1])] if rng.random() < 0.3 else []
        out.append(
            Event(
                id=f"e{i:04d}",
                event_type=etype,
                sub_event_type=sub,
                date=None
                if undated
                else dt.date(2020, 1, 1) + dt.timedelta(days=rng.randrange(40)),
                actor1=rng.choice(ACTORS),
                actor2=rng.choice(ACTORS),
                assoc_actor_2=assoc,
                actor1_side=rng.choice(SIDES),
                actor2_side=rng.choice(["", *SIDES]),
                admin1=rng.choice(PROVINCES),
                location=f"Village {rng.randrange(8)}",
                place_id=f"V{rng.randrange(8)}",
                outlets=sorted(rng.sample(OUTLETS, rng.randint(1, 2))),
                independent_sources=rng.randint(1, 3),
            )
        )
    return out


def expected(events: list[Event], **f: str) -> list[str]:
    """The filter applied in Python, in SQLite's page order (undated first, then date, id)."""
    keep = []
    for e in events:
        sides = {e.actor1_side, e.actor2_side}
        if "outlet" in f and f["outlet"] not in e.outlets:
            continue
        if "side" in f and f["side"] not in sides:
            continue
        if "admin1" in f and e.admin1.lower() != f["admin1"].lower():
            continue
        if "event_type" in f and f["event_type"].lower() not in {
            e.event_type.lower(),
            e.sub_event_type.lower(),
        }:
            continue
        if "sub_event_type" in f and f["sub_event_type"].lower() != e.sub_event_type.lower():
            continue
        if "min_sources" in f and e.independent_sources < int(f["min_sources"]):
            continue
        names = [e.actor1, e.actor2, *e.assoc_actor_1, *e.assoc_actor_2]
        if "actor" in f and not any(n and f["actor"].lower() in n.lower() for n in names):
            continue
        keep.append(e)
    keep.sort(key=lambda e: (e.date is not None, e.date or dt.date.min, e.id))
    return [e.id for e in keep]


@pytest.fixture(scope="module")
def events() -> list[Event]:
    return made_up_events(240)


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory, events: list[Event]) -> Iterator[TestClient]:
    url = str(tmp_path_factory.mktemp("paging") / "p.db")
    with Store(url) as store:
        store.replace_events(events, {})
    with TestClient(create_app(url)) as c:
        yield c


FILTERS = [
    {},
    {"outlet": "South Daily"},
    {"side": "russia"},
    {"outlet": "North Wire", "side": "kurdish"},
    {"admin1": "IDLIB"},
    {"event_type": "air/drone strike"},
    {"event_type": "battles", "admin1": "hama"},
    {"min_sources": "2", "side": "opposition"},
    # a part of a name: of several names, of one, of none; with other filters
    {"actor": "FORCES"},
    {"actor": "wagner"},
    {"actor": "nobody"},
    {"actor": "rurit", "admin1": "idlib"},
    {"actor": "forces", "outlet": "North Wire", "min_sources": "2"},
    {"actor": "o", "side": "russia", "event_type": "battles"},
]
ACTOR_FILTERS = [f for f in FILTERS if "actor" in f]


@pytest.mark.parametrize("f", FILTERS)
def test_every_filter_pages_like_the_filter_in_python(
    client: TestClient, events: list[Event], f: dict[str, str]
) -> None:
    want = expected(events, **f)
    first = client.get("/api/events", params={**f, "limit": 500}).json()
    assert first["total"] == len(want)
    assert [e["id"] for e in first["events"]] == want


@pytest.mark.parametrize("f", FILTERS[:5] + ACTOR_FILTERS)
def test_keyset_pages_walk_the_same_order_as_offsets(
    client: TestClient, events: list[Event], f: dict[str, str]
) -> None:
    want = expected(events, **f)
    seen: list[str] = []
    after = None
    for _ in range(100):
        page = client.get(
            "/api/events", params={**f, "limit": 7, **({"after": after} if after else {})}
        ).json()
        seen += [e["id"] for e in page["events"]]
        after = page["next_after"]
        if after is None:
            break
    assert seen == want


def test_after_an_unknown_event_is_404(client: TestClient) -> None:
    r = client.get("/api/events", params={"after": "no-such-event"})
    assert r.status_code == 404 and "no-such-event" in r.text


def test_a_merge_refreshes_the_cached_count(tmp_path: Path, events: list[Event]) -> None:
    url = str(tmp_path / "c.db")
    with Store(url) as store:
        store.replace_events(events[:50], {})
    with TestClient(create_app(url)) as c:
        assert c.get("/api/events", params={"outlet": "East Post"}).json()["total"] == len(
            expected(events[:50], outlet="East Post")
        )
        with Store(url) as store:
            store.replace_events(events[:120], {})
        assert c.get("/api/events", params={"outlet": "East Post"}).json()["total"] == len(
            expected(events[:120], outlet="East Post")
        )


def test_a_store_merged_before_event_keys_gets_them_on_open(
    tmp_path: Path, events: list[Event]
) -> None:
    url = str(tmp_path / "old.db")
    with Store(url) as store:
        store.replace_events(events[:60], {})
        store._conn.execute("DELETE FROM event_keys")  # as a store from before the table
        store._conn.execute("DELETE FROM meta WHERE key = 'event_keys'")
    with Store(url) as store:
        assert store.count_events(outlet="North Wire") == len(
            expected(events[:60], outlet="North Wire")
        )


def test_filters_read_an_index_in_page_order(tmp_path: Path, events: list[Event]) -> None:
    """No filter on its own needs a sort of the matching rows: each is an index range."""
    with Store(str(tmp_path / "plan.db")) as store:
        store.replace_events(events, {})
        for f in (
            {"outlet": "East Post"},
            {"side": "russia"},
            {"admin1": "Idlib"},
            {"event_type": "Battles"},
            {"sub_event_type": "attack"},
            {},
        ):
            sel = select_events(EventFilter(**f))
            plan = " ".join(
                r[3] for r in store._rows("EXPLAIN QUERY PLAN " + sel.page_sql(), sel.params)
            )
            assert "TEMP B-TREE" not in plan and "USING" in plan, (f, plan)


def test_an_actor_part_reads_its_names_ranges_merged_in_page_order(
    tmp_path: Path, events: list[Event]
) -> None:
    """A part of several names is one key range per name, merged: no sort of every match."""
    with Store(str(tmp_path / "actors.db")) as store:
        store.replace_events(events, {})
        assert set(store.actor_names("FORCES")) == {
            "army forces of ruritania",
            "police forces of ruritania",
            "rebel forces",
        }
        sel = store._select({"actor": "forces"})
        plan = " ".join(r[3] for r in store._rows("EXPLAIN QUERY PLAN " + sel.page_sql(), sel.args))
        assert "MERGE (UNION)" in plan and "FOR ORDER BY" not in plan.replace("PART OF", ""), plan


def test_single_filters_are_counted_from_the_stored_counts(
    tmp_path: Path, events: list[Event]
) -> None:
    """The count of no filter or one filter is a stored number, equal to counting the rows."""
    with Store(str(tmp_path / "counts.db")) as store:
        store.replace_events(events[:100], {})
        store.append_events(events[100:])
        singles = [{"outlet": "East Post"}, {"side": "kurdish"}, {"actor": "wagner"}]
        singles += [{"actor": "FORCES"}, {"actor": "o"}, {"actor": "nobody"}]
        singles += [{"event_type": "BATTLES"}, {"sub_event_type": "attack"}, {"min_sources": 2}]
        for f in [{}, *singles]:
            assert store._stored_count(f) is not None, f
            assert store.count_events(**f) == len(expected(events, **f)), f


def test_keyset_and_offset_pages_agree_on_each_backend(store_url: str, events: list[Event]) -> None:
    """PostgreSQL sorts undated events last, SQLite first: `after` follows each one's order."""
    with Store(store_url) as store:
        store.replace_events(events[:80], {})
        filters = [{}, {"outlet": "North Wire"}, {"admin1": "aleppo"}, {"actor": "forces"}]
        for f in [*filters, {"outlet": "North Wire", "side": "kurdish"}]:
            whole = [e.id for e in store.events(**f)]
            walked: list[str] = []
            after = None
            while True:
                page = [e.id for e in store.events(limit=9, after=after, **f)]
                walked += page
                if len(page) < 9:
                    break
                after = page[-1]
            assert walked == whole and store.count_events(**f) == len(whole)
            assert [e.id for e in store.events(limit=9, offset=9, **f)] == whole[9:18]


def test_records_passed_on_as_text_equal_the_parsed_ones(
    tmp_path: Path, events: list[Event]
) -> None:
    """The API's fast path (SQLite shapes the JSON) gives exactly what parsing each record and
    shaping it in Python gives, in both views: one-day spans read null, heavy fields too."""
    some = [dataclasses.replace(e) for e in events[:40]]
    day = dt.date(2020, 3, 1)
    some[1].date_range = (day, day + dt.timedelta(days=2))
    some[2].date_range = (day, day)
    some[3].actor1 = "Brigade of Ḥamā"
    some[4].evidence = [Evidence("a1", 0, 5, "Shell")]
    url = str(tmp_path / "raw.db")
    with Store(url) as store:
        store.replace_events(some, {})
        assert store.records_have_event_fields()
        for view in ("full", "compact"):
            fast = queries.find_event_json(store, queries.EventFilters(), view, limit=100)
            assert fast is not None
            slow = [event_record_out(json.loads(r), view) for r in store.event_records_json()]
            assert [json.loads(r) for r in fast] == slow
            assert [list(json.loads(r)) for r in fast] == [list(r) for r in slow]
        store._conn.execute("DELETE FROM meta WHERE key = 'event_fields'")  # an older store
        assert queries.find_event_json(store, queries.EventFilters(), "full", limit=9) is None
    with TestClient(create_app(url)) as c:
        page = c.get("/api/events", params={"limit": 100, "view": "compact"}).json()
        assert [e["id"] for e in page["events"]] == expected(some)


def test_wide_ranges_are_counted_by_merging_them(tmp_path: Path, events: list[Event]) -> None:
    """Two wide filters are counted as the merge of their ordered ranges: the same number."""
    with Store(str(tmp_path / "merge.db")) as store:
        store.replace_events(events, {})
        for f in (
            {"outlet": "North Wire", "side": "kurdish"},
            {"side": "russia", "event_type": "battles"},
            {"actor": "wagner", "admin1": "Idlib", "start": dt.date(2020, 1, 10)},
        ):
            names = store.actor_names(str(f["actor"])) if "actor" in f else {}
            merged = intersect_count(EventFilter(**f), actor_names=names, estimate=store.key_count)  # type: ignore[arg-type]
            assert merged is not None, f
            start = f.get("start")
            dated = [e for e in events if not start or (e.date and e.date >= start)]
            want = expected(dated, **f)  # type: ignore[arg-type]
            assert store._rows(*merged)[0][0] == store.count_events(**f) == len(want), f


def test_scalars_only_keeps_the_events_own_columns() -> None:
    """The range of the events' own columns in a merged count drops the many-valued filters
    (they are ranges of event_keys of their own) and keeps days, types, province, sources."""
    q = EventFilter(
        start=dt.date(2020, 1, 1),
        event_type="battles",
        admin1="Idlib",
        side="russia",
        outlet="North Wire",
        place="Saraqib",
        actor="wagner",
        min_sources=2,
    )
    assert q.scalars_only == EventFilter(
        start=dt.date(2020, 1, 1), event_type="battles", admin1="Idlib", min_sources=2
    )
