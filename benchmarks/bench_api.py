"""API latency at scale: every /api/events filter over a synthetic store of N events.

Builds a SQLite store of N synthetic events (10 years of days, 14 provinces, 2,000 places,
the ACLED types, 10 sides, 30 outlets with 1-3 per event, 1-4 independent sources), then
times each named query through the web app (FastAPI's test client: routing, query, count,
JSON) R times with a page of 100 events. Each query cycles through a few values (different
provinces, outlets, days...), and its first request per value is timed apart ("cold": the
count is computed then, once per merge); p95 is over the later requests. On a shared machine
the wall clock also counts other processes' turns, so the CPU milliseconds of the request
(client and server run in this process) are given beside it.

Ends with one JSON line: {"events": N, "p95_ms": {name: ms}, "cold_ms": {...}, "cpu_p95_ms": {...}}

Usage: python benchmarks/bench_api.py --events 1000000 [--reps 40] [--db FILE]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import tempfile
import time
from pathlib import Path

from warwire.code.taxonomy import SUB_EVENT_TYPES
from warwire.records import Event, Evidence, to_jsonable
from warwire.store import EVENT_KEYS_INSERT, Store

PROVINCES = [
    "Aleppo", "Idlib", "Hama", "Homs", "Damascus", "Rural Damascus", "Daraa", "Deir ez-Zor",
    "Raqqa", "Hasakah", "Latakia", "Tartus", "Quneitra", "As-Suwayda",
]  # fmt: skip
SIDES = [
    "syrian_government", "russia", "iran_allies", "opposition", "jihadist", "islamic_state",
    "kurdish", "turkey", "us_coalition", "civilians",
]  # fmt: skip
OUTLETS = [f"Outlet {i:02d}" for i in range(30)]
TYPES = sorted(SUB_EVENT_TYPES)
DAY0 = dt.date(2012, 1, 1)


def synthetic_event(i: int, rng: random.Random) -> Event:
    sub = rng.choice(TYPES)
    day = DAY0 + dt.timedelta(days=rng.randrange(3650))
    prov = rng.randrange(len(PROVINCES))
    place = rng.randrange(2000)
    s1, s2 = rng.sample(SIDES, 2)
    outlets = sorted(rng.sample(OUTLETS, rng.randint(1, 3)))
    text = f"Synthetic report {i} of a {sub.lower()} in place {place}."
    return Event(
        id=f"ev-{i:07d}",
        event_type=SUB_EVENT_TYPES[sub],
        sub_event_type=sub,
        date=day,
        actor1=s1.replace("_", " ").title(),
        actor2=s2.replace("_", " ").title(),
        actor1_side=s1,
        actor2_side=s2 if rng.random() < 0.7 else "",
        admin1=PROVINCES[prov],
        location=f"Place {place:04d}",
        place_id=f"P{place:04d}",
        latitude=32 + place / 500,
        longitude=35 + place / 500,
        fatalities=rng.randrange(20),
        articles=[f"art-{i}-{k}" for k in range(len(outlets))],
        outlets=outlets,
        sources=outlets,
        evidence=[Evidence(f"art-{i}-0", 0, len(text), text)],
        mentions=[f"m-{i}"],
        independent_sources=rng.randint(1, 4),
    )


def synthetic_record(i: int, rng: random.Random, template: dict) -> dict:
    """The stored JSON record of synthetic_event(i), drawn the same way, from a template."""
    sub = rng.choice(TYPES)
    day = DAY0 + dt.timedelta(days=rng.randrange(3650))
    prov = rng.randrange(len(PROVINCES))
    place = rng.randrange(2000)
    s1, s2 = rng.sample(SIDES, 2)
    outlets = sorted(rng.sample(OUTLETS, rng.randint(1, 3)))
    text = f"Synthetic report {i} of a {sub.lower()} in place {place}."
    return {
        **template,
        "id": f"ev-{i:07d}",
        "event_type": SUB_EVENT_TYPES[sub],
        "sub_event_type": sub,
        "date": day.isoformat(),
        "actor1": s1.replace("_", " ").title(),
        "actor2": s2.replace("_", " ").title(),
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
            conn.executemany(
                EVENT_KEYS_INSERT,
                [
                    (facet, value, r["date"], r["id"])
                    for r in rows
                    for facet, values in (
                        ("outlet", r["outlets"]),
                        ("side", sorted({x for x in (r["actor1_side"], r["actor2_side"]) if x})),
                    )
                    for value in values
                ],
            )
    store._create()  # the indexes again
    conn.execute("ANALYZE")
    conn.execute("PRAGMA journal_mode=WAL")
    return time.perf_counter() - t0


def queries(n: int) -> dict[str, list[dict[str, str]]]:
    """Named queries, each with the values it cycles through."""
    mid = f"ev-{n // 2:07d}"
    months = [(DAY0 + dt.timedelta(days=30 * k)).isoformat() for k in range(1, 120, 17)]
    return {
        "all": [{}],
        "date_range": [
            {"start": m, "end": (dt.date.fromisoformat(m) + dt.timedelta(days=30)).isoformat()}
            for m in months
        ],
        "event_type": [{"event_type": t} for t in sorted(set(SUB_EVENT_TYPES.values()))],
        "sub_event_type": [{"sub_event_type": t} for t in TYPES[:6]],
        "type_any_case": [{"event_type": t.upper()} for t in TYPES[6:12]],
        "admin1": [{"admin1": p.lower()} for p in PROVINCES[:6]],
        "side": [{"side": s} for s in SIDES[:6]],
        "place": [{"place": f"place {k:04d}"} for k in (7, 700, 1400)],
        "place_id": [{"place": f"P{k:04d}"} for k in (8, 800, 1600)],
        "outlet": [{"outlet": o} for o in OUTLETS[:6]],
        "min_sources": [{"min_sources": str(k)} for k in (2, 3, 4)],
        "admin1_type_dates": [
            {"admin1": p, "event_type": "Battles", "start": "2015-01-01", "end": "2016-12-31"}
            for p in PROVINCES[:4]
        ],
        "outlet_side": [{"outlet": o, "side": s} for o, s in zip(OUTLETS, SIDES[:4], strict=False)],
        "offset_10000": [{"offset": "10000"}],
        "after_middle": [{"after": mid}],
        "admin1_after": [{"admin1": "Idlib", "after": mid}],
    }


def p95(xs: list[float]) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(0.95 * (len(xs) - 1))))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=100000)
    ap.add_argument("--reps", type=int, default=40)
    ap.add_argument("--db", type=Path, default=None, help="keep the store here (default: temp)")
    a = ap.parse_args()
    from fastapi.testclient import TestClient

    from warwire.web.app import create_app

    with tempfile.TemporaryDirectory() as tmp:
        db = a.db or Path(tmp) / "bench.db"
        store = Store(str(db))
        if store.count("events") != a.events:
            secs = build(store, a.events)
            print(f"built {a.events} events in {secs:.0f}s ({db.stat().st_size >> 20} MiB)")
        store.close()
        p95s: dict[str, float] = {}
        cold: dict[str, float] = {}
        cpu: dict[str, list[float]] = {}  # CPU ms of this process (client and server threads)
        with TestClient(create_app(str(db))) as client:
            for name, variants in queries(a.events).items():
                first: list[float] = []
                warm: list[float] = []
                for r in range(max(a.reps, len(variants))):
                    params = variants[r % len(variants)]
                    t, c = time.perf_counter(), time.process_time()
                    resp = client.get("/api/events", params=params)
                    ms = 1000 * (time.perf_counter() - t)
                    cpu.setdefault(name, []).append(1000 * (time.process_time() - c))
                    if resp.status_code != 200:
                        raise SystemExit(f"{name} {params}: HTTP {resp.status_code} {resp.text}")
                    (first if r < len(variants) else warm).append(ms)
                cold[name] = round(max(first), 2)
                p95s[name] = round(p95(warm or first), 2)
                print(f"  {name:20} p95 {p95s[name]:8.2f} ms   cold (count computed) "
                      f"{cold[name]:8.2f} ms   total {resp.json()['total']}")  # fmt: skip
    cpu95 = {k: round(p95(v), 2) for k, v in cpu.items()}
    print(json.dumps({"events": a.events, "p95_ms": p95s, "cold_ms": cold, "cpu_p95_ms": cpu95}))


if __name__ == "__main__":
    main()
