"""Merge time and memory for 1k, 10k and 100k synthetic mentions.

The mentions are generated here with realistic spreads: about 2,000 places over 14
provinces (a few dense front-line districts get most reports), days over three years,
ACLED sub-event types in proportions like Syria's, and each real event reported one to
five times (wire copies, other outlets, vaguer province-level or week-level reports).
Growth should be near-linear: the time per mention stays flat as the batch grows.

    python benchmarks/bench_merge.py [--sizes 1000 10000 100000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
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


def run(n: int) -> tuple[float, float, float, int, int]:
    mentions, articles = make_mentions(n)
    tracemalloc.start()
    t0 = time.perf_counter()
    state = merge_mentions(mentions)
    t_link = time.perf_counter() - t0
    events = state.events(articles)
    t_all = time.perf_counter() - t0
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return t_link, t_all, peak, len(events), len(mentions)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    args = ap.parse_args()
    print(f"{'mentions':>9} {'events':>8} {'link s':>8} {'total s':>8} {'µs/mention':>11} "
          f"{'peak MiB':>9}")  # fmt: skip
    base = None
    for n in args.sizes:
        t_link, t_all, peak, n_ev, n_m = run(n)
        per = t_all / n_m * 1e6
        base = base or per
        print(f"{n_m:>9} {n_ev:>8} {t_link:>8.2f} {t_all:>8.2f} {per:>11.1f} {peak:>9.1f}"
              f"   x{per / base:.2f} per-mention cost vs smallest")  # fmt: skip


if __name__ == "__main__":
    main()
