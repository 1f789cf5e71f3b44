"""Concurrent ingests into one shared store lose nothing and duplicate nothing.

Two processes (spawned, so nothing is shared but the database) ingest overlapping folders at
the same moment, twice each. Every article must end up stored exactly once, counted "new" by
exactly one of the processes, and neither process may fail. Runs on PostgreSQL (the shared
store) and on SQLite (WAL and a busy timeout serialise its writers).
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import multiprocessing as mp
from collections import Counter
from pathlib import Path

import pytest

from warwire.records import Article
from warwire.store import Store

N_ARTICLES = 90
OVERLAP = 30  # ids in both folders
PASSES = 2


def _have_readers() -> bool:
    try:
        from warwire.ingest import iter_articles  # noqa: F401
        from warwire.ingest.wire import signature  # noqa: F401
    except ImportError:
        return False
    return True


def _text(i: int) -> str:
    towns = ["Anadan", "Hayan", "Saraqeb", "Douma", "Ariha", "Binnish", "Taftanaz"]
    return (
        f"Report {i}. Warplanes struck {towns[i % 7]} on Monday, killing {i % 9 + 2} people, "
        f"according to monitor number {i * 7919 % 1000}. Residents of district {i} fled north."
    )


def _article(i: int) -> Article:
    text = _text(i)
    return Article(
        id=f"art-{i:03d}",
        text=text,
        title=f"Report {i}",
        outlet=f"Outlet {i % 4}",
        published=dt.date(2016, 1, 1) + dt.timedelta(days=i % 50),
        content_hash=hashlib.sha256(text.encode()).hexdigest(),
    )


def _write_folder(folder: Path, ids: range) -> None:
    folder.mkdir(parents=True)
    with (folder / "manifest.csv").open("w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "file", "url", "outlet", "published", "title"])
        for i in ids:
            a = _article(i)
            (folder / f"{a.id}.txt").write_text(a.text)
            w.writerow([a.id, f"{a.id}.txt", "", a.outlet, a.published.isoformat(), a.title])


def _ingest_worker(url: str, folder: str, ids: list[int], use_readers: bool, barrier, queue):
    """One process: wait for the other, then ingest its folder PASSES times."""
    counts: Counter[str] = Counter()
    try:
        barrier.wait(timeout=60)
        with Store(url) as store:  # both open (and create the schema) at the same moment
            for _ in range(PASSES):
                if use_readers:
                    from warwire.pipeline import ingest

                    report = ingest(store, Path(folder))
                    counts.update(new=report.new, updated=report.updated)
                    counts.update(unchanged=report.unchanged, errors=len(report.errors))
                else:
                    for i in ids:
                        counts[store.upsert_article(_article(i)).status] += 1
        queue.put(("ok", dict(counts)))
    except BaseException as e:  # report to the parent rather than die silently
        queue.put(("error", f"{type(e).__name__}: {e}"))


def test_concurrent_ingest_loses_and_duplicates_nothing(store_url: str, tmp_path: Path) -> None:
    half = (N_ARTICLES + OVERLAP) // 2
    ranges = [range(0, half), range(half - OVERLAP, N_ARTICLES)]
    folders = [tmp_path / "a", tmp_path / "b"]
    for folder, ids in zip(folders, ranges, strict=True):
        _write_folder(folder, ids)
    use_readers = _have_readers()
    ctx = mp.get_context("spawn")
    barrier, queue = ctx.Barrier(2), ctx.Queue()
    procs = [
        ctx.Process(
            target=_ingest_worker,
            args=(store_url, str(folder), list(ids), use_readers, barrier, queue),
        )
        for folder, ids in zip(folders, ranges, strict=True)
    ]
    for p in procs:
        p.start()
    results = [queue.get(timeout=120) for _ in procs]
    for p in procs:
        p.join(timeout=30)
    errors = [r[1] for r in results if r[0] != "ok"]
    assert not errors, errors
    counts = [r[1] for r in results]
    assert sum(c.get("new", 0) for c in counts) == N_ARTICLES  # each stored by exactly one
    assert sum(c.get("updated", 0) for c in counts) == 0
    assert sum(c.get("errors", 0) for c in counts) == 0
    seen = sum(len(r) for r in ranges) * PASSES
    assert sum(c.get("new", 0) + c.get("unchanged", 0) for c in counts) == seen

    with Store(store_url) as store:
        assert store.count("articles") == N_ARTICLES
        stored = {a.id: a for a in store.articles()}
        assert sorted(stored) == [f"art-{i:03d}" for i in range(N_ARTICLES)]
        for i in (0, OVERLAP, N_ARTICLES - 1):
            a = stored[f"art-{i:03d}"]
            assert a.text.strip() == _text(i)
            assert a.published == _article(i).published
        assert sorted(store.articles_to_code()) == sorted(stored)


@pytest.mark.postgres
def test_postgres_store_reports_its_backend(pg_schema_url: str) -> None:
    with Store(pg_schema_url) as store:
        assert store.postgres
        version = store._rows("SHOW server_version")[0][0]
        assert int(version.split(".")[0]) >= 12


def _rewrite_worker(url: str, reverse: bool, barrier, queue) -> None:
    """One process re-codes and re-merges every article, in its own order, several times."""
    from warwire.records import Event, Mention

    try:
        with Store(url) as store:
            ids = [f"art-{i:03d}" for i in range(N_ARTICLES)]
            coded = ids[:30]
            if reverse:
                ids.reverse()
                coded.reverse()
            barrier.wait(timeout=60)
            for rnd in range(4):
                store.set_wire_groups({a: f"g{rnd}-{a[-1]}" for a in ids})
                for aid in coded:
                    mentions = [
                        Mention(id=f"{aid}-m{k}", article=aid, event_type="Battles",
                                sub_event_type="Armed clash", day=None, place=None)
                        for k in range(2)
                    ]  # fmt: skip
                    store.replace_mentions(aid, f"h{rnd}", mentions)
                events = [
                    Event(id=f"e{k}", event_type="Battles", sub_event_type="Armed clash", date=None)
                    for k in range(20)
                ]
                store.replace_events(events, {f"{a}-m0": "e0" for a in coded})
                store.replace_control_changes([])
        queue.put(("ok", ""))
    except BaseException as e:
        queue.put(("error", f"{type(e).__name__}: {e}"))


def test_concurrent_coding_and_merging_never_fail(store_url: str) -> None:
    """Two processes re-coding and re-merging the same articles: no deadlock, no duplicate."""
    with Store(store_url) as store:
        for i in range(N_ARTICLES):
            store.upsert_article(_article(i))
    ctx = mp.get_context("spawn")
    barrier, queue = ctx.Barrier(2), ctx.Queue()
    procs = [
        ctx.Process(target=_rewrite_worker, args=(store_url, rev, barrier, queue))
        for rev in (False, True)
    ]
    for p in procs:
        p.start()
    results = [queue.get(timeout=120) for _ in procs]
    for p in procs:
        p.join(timeout=30)
    assert [r for r in results if r[0] != "ok"] == []
    with Store(store_url) as store:
        assert store.count("mentions") == 60
        assert store.count("events") == 20
        assert len(store.assignments()) == 30
        assert {a.wire_group for a in store.articles()} <= {f"g3-{d}" for d in "0123456789"}


@pytest.mark.slow
@pytest.mark.postgres
def test_pipeline_on_postgres_equals_sqlite(pg_schema_url: str, tmp_path: Path) -> None:
    """The real pipeline on the seed articles gives the same events on both backends."""
    from warwire import pipeline
    from warwire.records import to_jsonable

    seeds = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "seeds"
    if not seeds.is_dir():
        pytest.skip(f"{seeds} is absent")
    results = []
    for url in (str(tmp_path / "seeds.db"), pg_schema_url):
        with Store(url) as store:
            report = pipeline.ingest(store, seeds)
            assert report.new > 0 and not report.errors
            assert pipeline.code_pending(store) == report.new
            events = pipeline.merge(store)
            assert pipeline.ingest(store, seeds).unchanged == report.new  # re-run: no-op
            assert pipeline.code_pending(store) == 0
            assert to_jsonable(pipeline.merge(store)) == to_jsonable(events)
            results.append((to_jsonable(store.events()), store.control_changes()))
    assert results[0] == results[1]
    assert len(results[0][0]) > 0
