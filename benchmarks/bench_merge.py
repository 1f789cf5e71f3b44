"""Merge cost per mention for 1k, 10k and 100k (optionally 1M) synthetic mentions.

The mentions are generated here with realistic spreads: about 2,000 places over 14
provinces (a few dense front-line districts get most reports), days over three years,
ACLED sub-event types in proportions like Syria's, and each real event reported one to
five times (wire copies, other outlets, vaguer province-level or week-level reports). The
time span is fixed, so a larger batch is a denser one: more events per place and day.

Time and memory are measured in separate runs, each size in a fresh process: the timing run
has no tracemalloc (which slows Python several-fold), the memory run has nothing else. Times
are wall and CPU (CPU is steadier on a shared machine); the best of --repeat timing runs is
kept. The timing run also reports the growth of the process's peak RSS during the merge
(free to read); the tracemalloc run, which counts what the merge allocates exactly, is
skipped above --memory-max mentions (at 1M it takes several times the timing run).
The target is a flat cost per mention: 1M mentions at most 1.3x what 10k cost. Each timing
run also prints a fingerprint of the events it built (sha1 over their fields, after the timed
part), so a faster merge can be shown to build the same events.

    python benchmarks/bench_merge.py [--sizes 1000 10000 100000 1000000] [--repeat 1]
                                     [--memory-max 100000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import random
import resource
import subprocess
import sys
import time
import tracemalloc

from warwire.merge import merge_mentions
from warwire.records import ActorRef, Article, Claim, DayRef, Evidence, Mention, Place

PROVINCES = [
    "Idlib", "Aleppo", "Hama", "Latakia", "Homs", "Rural Damascus", "Damascus", "Daraa",
    "Deir ez-Zor", "Raqqa", "Hasakah", "Quneitra", "As-Suwayda", "Tartus",
]  # fmt: skip
WEIGHTS = [30, 22, 10, 6, 6, 8, 2, 6, 5, 3, 2, 0.5, 0.5, 0.5]
TYPES = [
    ("Explosions/Remote violence", "Shelling/artillery/missile attack", 35),
    ("Explosions/Remote violence", "Air/drone strike", 25),
    ("Battles", "Armed clash", 25),
    ("Explosions/Remote violence", "Remote explosive/landmine/IED", 5),
    ("Violence against civilians", "Attack", 5),
    ("Strategic developments", "Government regains territory", 3),
    ("Strategic developments", "Non-state actor overtakes territory", 2),
]
SIDES = [
    ("Military Forces of Syria (2000-)", "syrian_government"),
    ("Military Forces of Russia (2000-)", "russia"),
    ("Opposition Rebels (Syria)", "opposition"),
    ("HTS: Hayat Tahrir al Sham", "jihadist"),
    ("Islamic State (Syria)", "islamic_state"),
    ("Military Forces of Turkey (2016-)", "turkey"),
]


def make_places(rng: random.Random, n: int = 2000) -> list[Place]:
    places = []
    for i in range(n):
        prov = rng.choices(PROVINCES, WEIGHTS)[0]
        places.append(
            Place(
                f"Village {i}",
                f"syn-{i}",
                prov,
                latitude=32.5 + rng.random() * 4.5,
                longitude=35.8 + rng.random() * 6.0,
            )
        )
    return places


def make_mentions(n: int, seed: int = 7) -> tuple[list[Mention], dict[str, Article]]:
    rng = random.Random(seed)
    places = make_places(rng)
    province_place = {p: Place(p, f"adm-{p}", p, feature="admin1") for p in PROVINCES}
    start = dt.date(2018, 1, 1)
    out: list[Mention] = []
    articles: dict[str, Article] = {}
    ev = 0
    while len(out) < n:
        ev += 1
        place = rng.choice(places)
        day = start + dt.timedelta(days=int(rng.triangular(0, 1095, 800)))
        etype, sub, _ = rng.choices(TYPES, [t[2] for t in TYPES])[0]
        a1 = ActorRef(*rng.choice(SIDES))
        fatal = rng.choice([None, 0, 1, 2, 3, 5, 9, 14, 21])
        for r in range(rng.choice([1, 1, 1, 2, 2, 3, 4, 5])):
            aid = f"art-{ev}-{r}"
            wire = f"art-{ev}-0" if r and rng.random() < 0.3 else aid
            articles[aid] = Article(aid, "", outlet=f"Outlet {rng.randrange(40)}", wire_group=wire)
            vague = r and rng.random() < 0.15
            p = province_place[place.admin1] if vague else place
            prec = 2 if r and rng.random() < 0.2 else 1
            d0 = day - dt.timedelta(days=rng.randrange(4)) if prec == 2 else day
            text = f"{a1.name} {sub.lower()} in {p.name}, killing {fatal} people."
            f = fatal if fatal is None or rng.random() < 0.8 else fatal + rng.randrange(1, 4)
            out.append(
                Mention(
                    id=f"{aid}:1",
                    article=aid,
                    event_type=etype,
                    sub_event_type=sub,
                    day=DayRef(day, d0, day, prec),
                    place=p,
                    geo_precision=3 if vague else 1,
                    actor1=a1,
                    fatalities=f,
                    claims=[Claim("fatalities", f, aid)] if f is not None else [],
                    evidence=[Evidence(aid, 0, len(text), text)],
                )
            )
            if len(out) >= n:
                break
    return out, articles


def time_once(n: int) -> dict[str, float]:
    """Link and build the events of N mentions; seconds, wall and CPU."""
    mentions, articles = make_mentions(n)
    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    w0, c0 = time.perf_counter(), time.process_time()
    state = merge_mentions(mentions)
    w1, c1 = time.perf_counter(), time.process_time()
    events = state.events(articles)
    w2, c2 = time.perf_counter(), time.process_time()
    rss = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss0) / 1024
    return {"mentions": len(mentions), "events": len(events), "link_s": w1 - w0,
            "wall_s": w2 - w0, "cpu_s": c2 - c0, "link_cpu_s": c1 - c0,
            "rss_growth_mib": rss, "events_sha1": fingerprint(events)}  # fmt: skip


def fingerprint(events: list) -> str:
    """The events' every field in order, hashed: two merges built the same events."""
    h = hashlib.sha1()
    for e in events:
        h.update(repr(e).encode())
    return h.hexdigest()[:12]


def memory_once(n: int) -> dict[str, float]:
    """Peak memory that linking and building the events of N mentions allocate."""
    mentions, articles = make_mentions(n)
    tracemalloc.start()
    merge_mentions(mentions).events(articles)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return {"peak_mib": peak / 2**20}


def in_fresh_process(mode: str, n: int) -> dict[str, float]:
    """Run one measurement in a new interpreter, so sizes do not share a heap."""
    out = subprocess.run(
        [sys.executable, __file__, "--one", mode, str(n)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    ap.add_argument("--repeat", type=int, default=1, help="timing runs per size (best kept)")
    ap.add_argument("--memory-max", type=int, default=100_000,
                    help="no tracemalloc run above this many mentions")  # fmt: skip
    ap.add_argument("--one", nargs=2, metavar=("MODE", "N"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        mode, n = args.one[0], int(args.one[1])
        print(json.dumps(time_once(n) if mode == "time" else memory_once(n)))
        return
    print(f"{'mentions':>9} {'events':>8} {'link s':>8} {'total s':>8} {'cpu s':>8} "
          f"{'µs/mention':>11} {'cpu µs/m':>9} {'RSS+ MiB':>9} {'peak MiB':>9} "
          f"{'KiB/m':>6} events sha1")  # fmt: skip
    rows = []
    for n in args.sizes:
        runs = [in_fresh_process("time", n) for _ in range(max(1, args.repeat))]
        t = min(runs, key=lambda r: r["cpu_s"])
        mem = in_fresh_process("memory", n) if n <= args.memory_max else {"peak_mib": None}
        m = t["mentions"]
        row = {**t, **mem, "us_per_mention": t["wall_s"] / m * 1e6,
               "cpu_us_per_mention": t["cpu_s"] / m * 1e6}  # fmt: skip
        rows.append(row)
        peak = mem["peak_mib"]
        traced = (
            f"{peak:>9.1f} {peak * 1024 / m:>6.2f}" if peak is not None else f"{'-':>9} {'-':>6}"
        )
        print(f"{m:>9} {t['events']:>8} {t['link_s']:>8.2f} {t['wall_s']:>8.2f} "
              f"{t['cpu_s']:>8.2f} {row['us_per_mention']:>11.1f} "
              f"{row['cpu_us_per_mention']:>9.1f} {t['rss_growth_mib']:>9.1f} {traced} "
              f"{t['events_sha1']}", flush=True)  # fmt: skip
    base = next((r for r in rows if r["mentions"] == 10_000), rows[0])
    for r in rows:
        print(f"{r['mentions']:>9} mentions: x{r['us_per_mention'] / base['us_per_mention']:.2f} "
              f"wall, x{r['cpu_us_per_mention'] / base['cpu_us_per_mention']:.2f} CPU per "
              f"mention vs {base['mentions']}")  # fmt: skip
    print(json.dumps({"merge": rows}))


if __name__ == "__main__":
    main()
