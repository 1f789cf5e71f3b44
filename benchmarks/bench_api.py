"""API latency at scale: every /api/events filter over a synthetic store of N events.

Builds a SQLite store of N synthetic events (10 years of days, 14 provinces, 2,000 places,
the ACLED types, 10 sides with ACLED-style actor names, one event in five with an associate,
30 outlets with 1-3 per event, 1-4 independent sources), then times each named query through
the web app (FastAPI's test client: routing, query, count, JSON) R times with a page of 100
events. Each query cycles through a few values (provinces, outlets, names, days...); the
first request of each value is the first of that filter combination since the merge, so its
count is computed then (later ones take it from the per-merge cache): those are timed too and
reported apart as first_max_ms.

The clock: client and server run in this process, so the CPU time of the process during a
request is what the request costs; p95_ms is that, over every request of the query (first
ones included). The machine is shared, so the wall clock also counts other processes' turns:
wall_p95_ms is given beside, and is not a measure of the code under load.

Ends with one JSON line:
{"events": N, "clock": ..., "p95_ms": {name: ms}, "first_max_ms": {...}, "wall_p95_ms": {...}}

Usage: python benchmarks/bench_api.py --events 1000000 [--reps 40] [--db FILE] [--only a,b]
(--db keeps the store there and reuses it while it holds N events.)
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import random
import tempfile
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from warwire.code.taxonomy import SUB_EVENT_TYPES
from warwire.records import Event, event_from_dict, to_jsonable
from warwire.store import Store

PROVINCES = [
    "Aleppo", "Idlib", "Hama", "Homs", "Damascus", "Rural Damascus", "Daraa", "Deir ez-Zor",
    "Raqqa", "Hasakah", "Latakia", "Tartus", "Quneitra", "As-Suwayda",
]  # fmt: skip
SIDES = [
    "syrian_government", "russia", "iran_allies", "opposition", "jihadist", "islamic_state",
    "kurdish", "turkey", "us_coalition", "civilians",
]  # fmt: skip
# a few ACLED-style actor names per side: the `actor` filter matches a part of any of them
ACTORS = {
    "syrian_government": ["Military Forces of Syria (2000-)", "NDF: National Defence Forces"],
    "russia": ["Military Forces of Russia (2000-)", "Wagner Group"],
    "iran_allies": ["Hezbollah", "Military Forces of Iran (1989-)", "Fatemiyoun Brigade"],
    "opposition": ["Free Syrian Army", "Jaysh al-Islam", "Ahrar al-Sham"],
    "jihadist": ["HTS: Hayat Tahrir al-Sham", "Hurras al-Din"],
    "islamic_state": ["Islamic State (Syria)"],
    "kurdish": ["SDF: Syrian Democratic Forces", "YPG: People's Protection Units"],
    "turkey": ["Military Forces of Turkey (2016-)", "SNA: Syrian National Army"],
    "us_coalition": ["Military Forces of the United States (2017-2021)"],
    "civilians": ["Civilians (Syria)", "Protesters (Syria)"],
}
OUTLETS = [f"Outlet {i:02d}" for i in range(30)]
TYPES = sorted(SUB_EVENT_TYPES)
DAY0 = dt.date(2012, 1, 1)


def synthetic_event(i: int, rng: random.Random) -> Event:
    return event_from_dict(synthetic_record(i, rng))


def associates(rng: random.Random, side: str) -> list[str]:
    """One event in five has an associate of actor1: a name of its side (civilians for a side
    with one name)."""
    if rng.random() >= 0.2:
        return []
    return [rng.choice(ACTORS[side] if len(ACTORS[side]) > 1 else ACTORS["civilians"])]


def synthetic_record(i: int, rng: random.Random, template: dict | None = None) -> dict:
    """Event I's stored JSON record: its drawn fields over TEMPLATE (a whole record, so that
    bulk rows need no Event built; without it only the drawn fields)."""
    sub = rng.choice(TYPES)
    day = DAY0 + dt.timedelta(days=rng.randrange(3650))
    prov = rng.randrange(len(PROVINCES))
    place = rng.randrange(2000)
    s1, s2 = rng.sample(SIDES, 2)
    outlets = sorted(rng.sample(OUTLETS, rng.randint(1, 3)))
    a1, a2, assoc = rng.choice(ACTORS[s1]), rng.choice(ACTORS[s2]), associates(rng, s1)
    text = f"Synthetic report {i} of a {sub.lower()} in place {place}."
    return {
        **(template or {}),
        "id": f"ev-{i:07d}",
        "event_type": SUB_EVENT_TYPES[sub],
        "sub_event_type": sub,
        "date": day.isoformat(),
        "actor1": a1,
        "actor2": a2,
        "assoc_actor_1": assoc,
        "actor1_side": s1,
        "actor2_side": s2 if rng.random() < 0.7 else "",
        "admin1": PROVINCES[prov],
        "location": f"Place {place:04d}",
        "place_id": f"P{place:04d}",
        "latitude": 32 + place / 500,
        "longitude": 35 + place / 500,
        "fatalities": rng.randrange(20),
        "articles": [f"art-{i}-{k}" for k in range(len(outlets))],
        "outlets": outlets,
        "sources": outlets,
        "evidence": [{"article": f"art-{i}-0", "start": 0, "end": len(text), "text": text}],
        "mentions": [f"m-{i}"],
        "independent_sources": rng.randint(1, 4),
    }


def build(store: Store, n: int, chunk: int = 20000) -> float:
    """Fill STORE with N events in chunks; seconds taken. The indexes are dropped while the
    rows go in and built again after (a sorted build), as a bulk load does."""
    rng = random.Random(19)
    t0 = time.perf_counter()
    conn = store._conn
    conn.execute("PRAGMA journal_mode=DELETE")
    conn.execute("PRAGMA synchronous=OFF")
    conn.execute("PRAGMA cache_size=-500000")
    indexes = [
        r[0]
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
            "AND tbl_name IN ('events', 'event_keys')"
        ).fetchall()
    ]
    template = to_jsonable(synthetic_event(0, random.Random(0)))
    with store.transaction():
        conn.execute("DELETE FROM events")
        conn.execute("DELETE FROM event_keys")
        conn.execute("DELETE FROM event_key_counts")
        for name in indexes:
            conn.execute(f"DROP INDEX {name}")
        for lo in range(0, n, chunk):
            # the rows append_events would write, made from one record template (building a
            # million dataclasses and converting each is most of a naive build's time)
            rows = [synthetic_record(i, rng, template) for i in range(lo, min(n, lo + chunk))]
            conn.executemany(
                "INSERT INTO events (id, date, event_type, sub_event_type, admin1, location, "
                "place_id, actor1_side, actor2_side, fatalities, independent_sources, data) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        r["id"], r["date"], r["event_type"], r["sub_event_type"], r["admin1"],
                        r["location"], r["place_id"], r["actor1_side"], r["actor2_side"],
                        r["fatalities"], r["independent_sources"], json.dumps(r),
                    )
                    for r in rows
                ],
            )  # fmt: skip
            store._write_keys(rows)  # event_keys and their counts, as append_events writes them
        store.mark_event_fields()  # every record is to_jsonable(Event)'s, as a merge writes
    store._create()  # the indexes again
    conn.execute("ANALYZE")
    conn.execute("PRAGMA journal_mode=WAL")
    return time.perf_counter() - t0


def years(k: int) -> list[dict[str, str]]:
    """K date ranges of one year each."""
    return [{"start": f"{2012 + 2 * i}-01-01", "end": f"{2012 + 2 * i}-12-31"} for i in range(k)]


def queries(n: int) -> dict[str, list[dict[str, str]]]:
    """Named queries, each with the values it cycles through: every filter alone, the
    combinations an analyst sends, the paging modes, and the web page's own requests."""
    mid = f"ev-{n // 2:07d}"
    months = [(DAY0 + dt.timedelta(days=30 * k)).isoformat() for k in range(1, 120, 17)]
    p, o, s = PROVINCES, OUTLETS, SIDES
    return {
        "all": [{}],
        "date_range": [
            {"start": m, "end": (dt.date.fromisoformat(m) + dt.timedelta(days=30)).isoformat()}
            for m in months
        ],
        "event_type": [{"event_type": t} for t in sorted(set(SUB_EVENT_TYPES.values()))],
        "sub_event_type": [{"sub_event_type": t} for t in TYPES[:6]],
        "type_any_case": [{"type": t.upper()} for t in TYPES[6:12]],
        "admin1": [{"admin1": x.lower()} for x in p[:6]],
        "side": [{"side": x} for x in s[:6]],
        "outlet": [{"outlet": x} for x in o[:6]],
        "place": [{"place": f"place {k:04d}"} for k in (7, 700, 1400)],
        "place_id": [{"place": f"P{k:04d}"} for k in (8, 800, 1600)],
        "min_sources": [{"min_sources": str(k)} for k in (2, 3, 4)],
        # a part of a name: one name, a rare one, several names, a word in most, no name
        "actor_one_name": [{"actor": a} for a in ("islamic", "hezbollah", "wagner")],
        "actor_many_names": [{"actor": a} for a in ("al-", "forces", "syria", "army")],
        "actor_rare_names": [{"actor": a} for a in ("hurras", "fatemiyoun", "ndf")],
        "actor_no_name": [{"actor": a} for a in ("zzz", "qqq")],
        "admin1_type_dates": [
            {"admin1": x, "event_type": "Battles", **y}
            for x, y in zip(p[:4], years(4), strict=True)
        ],
        "sub_type_admin1": [{"type": t, "admin1": x} for t, x in zip(TYPES, p[:4], strict=False)],
        "type_dates": [{"type": t, **y} for t, y in zip(TYPES[:4], years(4), strict=True)],
        "admin1_dates": [{"admin1": x, **y} for x, y in zip(p[4:8], years(4), strict=True)],
        "outlet_side": [{"outlet": x, "side": y} for x, y in zip(o, s[:4], strict=False)],
        "outlet_dates": [{"outlet": x, **y} for x, y in zip(o[6:10], years(4), strict=True)],
        "side_type": [{"side": x, "type": "Battles"} for x in s[:4]],
        "side_admin1_dates": [
            {"side": x, "admin1": a, **y} for x, a, y in zip(s[:4], p, years(4), strict=False)
        ],
        "actor_admin1": [
            {"actor": a, "admin1": x} for a, x in zip(("islamic", "al-"), p, strict=False)
        ],
        "actor_type_dates": [
            {"actor": a, "type": "Battles", **y}
            for a, y in zip(("wagner", "syria", "kurd"), years(3), strict=True)
        ],
        "actor_side": [
            {"actor": a, "side": x} for a, x in (("forces", "russia"), ("islam", "opposition"))
        ],
        "place_dates": [{"place": f"P{k:04d}", **years(1)[0]} for k in (9, 900, 1900)],
        "admin1_min_sources": [{"admin1": x, "min_sources": "3"} for x in p[:4]],
        "offset_10000": [{"offset": "10000"}],
        "after_middle": [{"after": mid}],
        "admin1_after": [{"admin1": "Idlib", "after": mid}],
        "outlet_after": [{"outlet": o[3], "after": mid}],
        # the web page: compact pages of 500 at offsets to 20,000, four at a time
        "page_compact_500": [
            {"view": "compact", "limit": "500", "offset": str(k)} for k in range(0, 20000, 500)
        ],
    }


def p95(xs: list[float]) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(0.95 * (len(xs) - 1))))]


class Caller:
    """Sends GET requests straight to the ASGI app on this thread's event loop: what is timed
    is the server's work (routing, checks, query, count, JSON), not an HTTP client's."""

    def __init__(self, app: Any):
        self.app = app
        self.loop = asyncio.new_event_loop()

    def get(self, path: str, params: dict[str, str]) -> tuple[int, bytes]:
        scope = {
            "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET",
            "scheme": "http", "path": path, "raw_path": path.encode(), "root_path": "",
            "query_string": urlencode(params).encode(), "headers": [(b"host", b"bench")],
            "client": ("127.0.0.1", 1), "server": ("bench", 80),
        }  # fmt: skip
        sent: list[dict[str, Any]] = []

        async def receive() -> dict[str, Any]:
            return {"type": "http.request", "body": b"", "more_body": False}

        async def send(message: dict[str, Any]) -> None:
            sent.append(message)

        self.loop.run_until_complete(self.app(scope, receive, send))
        status = next(m["status"] for m in sent if m["type"] == "http.response.start")
        return status, b"".join(
            m.get("body", b"") for m in sent if m["type"] == "http.response.body"
        )


def timed(caller: Caller, params: dict[str, str]) -> tuple[float, float, dict]:
    """(wall ms, CPU ms, JSON) of one request. The server runs in this process (its sync
    endpoint on a worker thread), so the process's CPU time is the request's whole cost; the
    wall clock adds other processes' turns on a shared machine."""
    t, c = time.perf_counter(), time.process_time()
    status, body = caller.get("/api/events", params)
    wall, cpu = 1000 * (time.perf_counter() - t), 1000 * (time.process_time() - c)
    if status != 200:
        raise SystemExit(f"{params}: HTTP {status} {body[:300]!r}")
    return wall, cpu, json.loads(body)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=100000)
    ap.add_argument("--reps", type=int, default=40)
    ap.add_argument("--db", type=Path, default=None, help="keep the store here (default: temp)")
    ap.add_argument("--only", default="", help="comma-separated query names (default: all)")
    a = ap.parse_args()
    from fastapi.testclient import TestClient

    from warwire.web.app import create_app

    with tempfile.TemporaryDirectory() as tmp:
        db = a.db or Path(tmp) / "bench.db"
        store = Store(str(db))
        if store.count("events") != a.events or store.key_count("actor", "wagner group") == 0:
            secs = build(store, a.events)
            print(f"built {a.events} events in {secs:.0f}s ({db.stat().st_size >> 20} MiB)")
        store.close()
        cpu: dict[str, list[float]] = {}  # CPU ms of the later requests (count cached)
        wall: dict[str, list[float]] = {}
        first: dict[str, list[float]] = {}  # CPU ms of the first request of each combination
        wanted = {q for q in a.only.split(",") if q}
        app = create_app(str(db))
        with TestClient(app):  # the app's startup and shutdown; requests go straight to it
            caller = Caller(app)
            for name, variants in queries(a.events).items():
                if wanted and name not in wanted:
                    continue
                for r in range(len(variants) + max(a.reps, len(variants))):
                    w, c, page = timed(caller, variants[r % len(variants)])
                    if r < len(variants):
                        first.setdefault(name, []).append(c)
                    else:
                        wall.setdefault(name, []).append(w)
                        cpu.setdefault(name, []).append(c)
                print(f"  {name:20} CPU p95 {p95(cpu[name]):7.2f} ms   first request "
                      f"{max(first[name]):7.2f} ms   wall p95 {p95(wall[name]):7.2f} ms   "
                      f"total {page['total']}")  # fmt: skip
    print(
        json.dumps(
            {
                "events": a.events,
                "clock": "p95_ms: CPU time per request, p95 over the requests after the first "
                "of each filter combination (its count then cached); first_ms: the most CPU "
                "a first request took (count computed); wall_p95_ms: wall clock, shared machine",
                "p95_ms": {k: round(p95(v), 2) for k, v in cpu.items()},
                "first_ms": {k: round(max(v), 2) for k, v in first.items()},
                "wall_p95_ms": {k: round(p95(v), 2) for k, v in wall.items()},
            }
        )
    )


if __name__ == "__main__":
    main()
