"""Latency of GET /api/control (the control map of one day) at the 40k-article benchmark's size.

Coding 40,000 articles takes most of an hour, and the control map only reads merged events
and control changes, so the store is synthesised at the size bench_scale.py's 40k backfill
produces, rather than coded: one merged event per article (40,000; the real development
corpus gives 0.7 events per article, so this errs high), placed like bench_merge.py's
mentions (about 2,000 villages over 14 provinces, days over three years, a few dense
districts), with territory events at twice bench_merge's share (10%: 4,000 events, so about
two changes of hands per place). Their control changes are derived by
warwire.merge.control, exactly as a merge derives them, and written into a fresh SQLite store.

The app runs in-process (FastAPI's TestClient: the whole ASGI stack, no socket). Printed: the
first request after a merge (it reads and orders every change), then the median and p95 of
REQUESTS requests for random days, which is what moving the slider costs.

    python benchmarks/bench_control.py [--articles 40000] [--territory 0.1] [--requests 300]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import tempfile
import time
from pathlib import Path

from fastapi.testclient import TestClient

from bench_merge import PROVINCES, SIDES, WEIGHTS
from warwire.merge.control import control_changes
from warwire.records import Event, Evidence
from warwire.store import Store
from warwire.web.app import create_app

START = dt.date(2018, 1, 1)
DAYS = 1095
OTHER_TYPES = [
    ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("Explosions/Remote violence", "Air/drone strike"),
    ("Battles", "Armed clash"),
    ("Violence against civilians", "Attack"),
]
TERRITORY = [
    ("Strategic developments", "Non-state actor overtakes territory"),
    ("Battles", "Government regains territory"),
]


def synth_events(n: int, territory: float, seed: int = 13) -> list[Event]:
    """N merged events shaped like bench_merge's mentions after merging."""
    rng = random.Random(seed)
    places = []
    for i in range(2000):
        places.append(
            (
                f"Village {i}",
                f"syn-{i}",
                rng.choices(PROVINCES, WEIGHTS)[0],
                32.5 + rng.random() * 4.5,
                35.8 + rng.random() * 6.0,
            )
        )
    out = []
    for i in range(n):
        name, pid, prov, lat, lon = rng.choice(places)
        kind = rng.choice(TERRITORY) if rng.random() < territory else rng.choice(OTHER_TYPES)
        (a1, s1), (a2, s2) = rng.sample(SIDES, 2)
        outlets = [f"Outlet {k}" for k in rng.sample(range(40), rng.choice([1, 1, 2, 3]))]
        arts = [f"art-{i}-{k}" for k in range(len(outlets))]
        out.append(
            Event(
                id=f"ev-{i:06d}",
                event_type=kind[0],
                sub_event_type=kind[1],
                date=START + dt.timedelta(days=int(rng.triangular(0, DAYS, 800))),
                actor1=a1,
                actor2=a2,
                actor1_side=s1,
                actor2_side=s2,
                admin1=prov,
                location=name,
                place_id=pid,
                latitude=lat,
                longitude=lon,
                articles=arts,
                outlets=outlets,
                sources=outlets,
                evidence=[Evidence(a, 0, 80, "x" * 80) for a in arts],
                mentions=[f"m-{a}" for a in arts],
                notes="A synthetic event of the control benchmark.",
            )
        )
    return out


def p95(xs: list[float]) -> float:
    return sorted(xs)[max(0, int(round(0.95 * len(xs))) - 1)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=40000, help="one merged event per article")
    ap.add_argument("--territory", type=float, default=0.1, help="share of territory events")
    ap.add_argument("--requests", type=int, default=300)
    args = ap.parse_args()
    events = synth_events(args.articles, args.territory)
    changes = control_changes(events)
    rng = random.Random(5)
    with tempfile.TemporaryDirectory() as tmp:
        url = str(Path(tmp) / "control.db")
        with Store(url) as store:
            store.replace_events(events, {})
            store.replace_control_changes(changes)
        places = len({c.place_id for c in changes})
        print(f"store: {len(events)} events, {len(changes)} control changes at {places} places")
        with TestClient(create_app(url)) as client:
            t0 = time.perf_counter()
            body = client.get("/api/control", params={"date": "2019-06-01"}).json()
            cold = (time.perf_counter() - t0) * 1000
            times = []
            for _ in range(args.requests):
                day = START + dt.timedelta(days=rng.randrange(DAYS))
                t0 = time.perf_counter()
                r = client.get("/api/control", params={"date": day.isoformat()})
                times.append((time.perf_counter() - t0) * 1000)
                assert r.status_code == 200, r.text
    print(f"first request after a merge: {cold:.1f} ms ({len(body['places'])} places held)")
    print(
        f"GET /api/control over {args.requests} random days: median "
        f"{statistics.median(times):.1f} ms, p95 {p95(times):.1f} ms (target < 50 ms)"
    )


if __name__ == "__main__":
    main()
