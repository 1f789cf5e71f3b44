"""Concurrent writers end with the events one sequential run gives, ids included.

Two processes (spawned: nothing shared but the database) store the coded reports of their
halves of a set of articles, in opposite orders and in small batches, merging after every
batch as `run` and `watch` do. Merges take turns (`Store.merging`), and each re-links the
blocks that hold its new reports, so whatever the interleaving the last merge ends with the
events that one process storing everything and merging once gives. The reports are invented:
a few air strikes, clashes and captures in a handful of towns, each told by two or three
outlets, some only at province level.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import multiprocessing as mp
from typing import Any

from warwire import pipeline
from warwire.records import ActorRef, Article, Claim, DayRef, Evidence, Mention, Place, to_jsonable
from warwire.store import Store

D = dt.date(2019, 5, 6)
TOWNS = [
    Place("Northtown", "t1", "Idlib", 35.81, 36.60),
    Place("Southtown", "t2", "Idlib", 35.52, 36.71),
    Place("Rivertown", "t3", "Hama", 35.20, 36.40),
    Place("Hilltown", "t4", "Aleppo", 36.30, 37.10),
]
PROVINCE = {t.admin1: Place(t.admin1, f"adm-{t.admin1}", t.admin1, feature="admin1") for t in TOWNS}
ARMY = ActorRef("Army", "syrian_government")
KINDS = [
    ("Explosions/Remote violence", "Air/drone strike", ActorRef("Air force", "russia")),
    ("Battles", "Armed clash", ActorRef("Rebels", "opposition")),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack", ARMY),
    ("Strategic developments", "Government regains territory", ARMY),
]
N_EVENTS = 24
BATCH = 3


def _article(i: int) -> Article:
    text = f"Invented report {i}."
    return Article(
        id=f"a{i:03d}",
        text=text,
        outlet=f"Outlet {i % 5}",
        published=D,
        content_hash=hashlib.sha256(text.encode()).hexdigest(),
    )


def _reports() -> list[tuple[Article, list[Mention]]]:
    """Each invented event told by two or three articles; every fourth teller is vague."""
    out: list[tuple[Article, list[Mention]]] = []
    for k in range(N_EVENTS):
        town, (etype, sub, actor) = TOWNS[k % len(TOWNS)], KINDS[k % len(KINDS)]
        day = D + dt.timedelta(days=k // 3)
        for _ in range(2 + k % 2):
            art = _article(len(out))
            vague = len(out) % 4 == 3
            place = PROVINCE[town.admin1] if vague else town
            toll = 6 + k % 3 if k % 2 else None
            text = f"{actor.name} {sub.lower()} at {place.name}"
            m = Mention(
                id=f"{art.id}:1",
                article=art.id,
                event_type=etype,
                sub_event_type=sub,
                day=DayRef(day, day, day, 1),
                place=place,
                geo_precision=3 if vague else 1,
                actor1=actor,
                fatalities=toll,
                claims=[Claim("fatalities", toll, art.id)] if toll else [],
                evidence=[Evidence(art.id, 0, len(text), text)],
            )
            out.append((art, [m]))
    return out


def _store_and_merge(store: Store, reports: list[tuple[Article, list[Mention]]]) -> None:
    for a, _ in reports:
        store.upsert_article(a)
    store.replace_mentions_many([(a.id, a.content_hash, ms) for a, ms in reports])
    pipeline.merge(store)


def _worker(url: str, reverse: bool, barrier: Any, queue: Any) -> None:
    try:
        reports = _reports()[::-1] if reverse else _reports()
        with Store(url) as store:
            barrier.wait(timeout=60)
            for i in range(0, len(reports), BATCH):
                _store_and_merge(store, reports[i : i + BATCH])
        queue.put(("ok", ""))
    except BaseException as e:  # report to the parent rather than die silently
        queue.put(("error", f"{type(e).__name__}: {e}"))


def test_concurrent_merges_end_with_the_sequential_events(store_url: str, tmp_path) -> None:
    with Store(str(tmp_path / "sequential.db")) as store:
        _store_and_merge(store, _reports())
        want = to_jsonable(store.events())
    assert len(want) < len(_reports()) - 10  # reports were merged across outlets

    ctx = mp.get_context("spawn")
    barrier, queue = ctx.Barrier(2), ctx.Queue()
    procs = [
        ctx.Process(target=_worker, args=(store_url, rev, barrier, queue)) for rev in (False, True)
    ]
    for p in procs:
        p.start()
    results = [queue.get(timeout=180) for _ in procs]
    for p in procs:
        p.join(timeout=30)
    assert [r for r in results if r[0] != "ok"] == []
    with Store(store_url) as store:
        assert not pipeline.pending_merge(store)
        assert to_jsonable(store.events()) == want


def test_a_restarted_watch_merges_what_a_crash_left(tmp_path) -> None:
    """Coded, then killed before merging: the next `watch` merges at start-up, although no
    file changed (issue 18: it used to report 0 events until a new file arrived)."""
    from warwire.code import coder_version
    from warwire.watch import watch_folder

    url = str(tmp_path / "store.db")
    version = "@" + coder_version()  # stored as coded by this coder: nothing to code again
    with Store(url) as store:
        reports = _reports()
        for a, _ in reports:
            store.upsert_article(a)
        store.replace_mentions_many([(a.id, a.content_hash + version, ms) for a, ms in reports])
        assert pipeline.pending_merge(store) and store.count("events") == 0
    (tmp_path / "inbox").mkdir()
    watch_folder(tmp_path / "inbox", url, [], once=True)
    with Store(url) as store:
        assert not pipeline.pending_merge(store)
        assert store.count("events") > 0
        assert len(store.assignments()) == len(reports)
