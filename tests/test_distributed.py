"""Coding on a Dask cluster gives what coding here gives, however the batches come back.

A LocalCluster of two worker processes stands in for a real cluster (the code only sees a
scheduler address). A toy coder, defined here and shipped to the workers by value, checks the
plumbing without spaCy; the real coder is compared with the local engine on the seed articles.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import os
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

from warwire.distributed import SCHEDULER_ENV, dask_map_code
from warwire.records import Article, Mention, to_jsonable

pytestmark = pytest.mark.cluster
SHARED = Path(__file__).resolve().parents[2] / "shared"


def toy_code_articles(batch: list[Article]) -> Iterator[tuple[Article, list[Mention]]]:
    """One mention per word "struck", noting the worker's pid (to see the work spread)."""
    time.sleep(0.02)  # long enough that one worker cannot drain the queue alone
    for a in batch:
        n = a.text.count("struck")
        yield (
            a,
            [
                Mention(
                    id=f"{a.id}-m{i}",
                    article=a.id,
                    event_type="Explosions/Remote violence",
                    sub_event_type="Air/drone strike",
                    day=None,
                    place=None,
                    notes=str(os.getpid()),
                )
                for i in range(n)
            ],
        )


def _articles(n: int) -> list[Article]:
    out = []
    for i in range(n):
        text = "Jets struck the town. " * (i % 4) + f"Report {i}."
        out.append(
            Article(
                id=f"a{i:03d}", text=text, content_hash=hashlib.sha256(text.encode()).hexdigest()
            )
        )
    return out


def _by_id(pairs: Iterable[tuple[Article, list[Mention]]]) -> dict[str, list[tuple[str, int]]]:
    got: dict[str, list[tuple[str, int]]] = {}
    for art, mentions in pairs:
        assert art.id not in got, f"{art.id} came back twice"
        got[art.id] = [(m.id, len(m.article)) for m in mentions]
    return got


@pytest.fixture(scope="module")
def cluster():
    import cloudpickle
    from dask.distributed import LocalCluster

    cloudpickle.register_pickle_by_value(sys.modules[__name__])  # workers need not import us
    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
    ) as c:
        yield c


def test_toy_coder_same_as_local_and_spread_over_workers(cluster) -> None:
    arts = _articles(60)
    pairs = list(
        dask_map_code(arts, 2, cluster.scheduler_address, batch_size=4, coder=toy_code_articles)
    )
    assert _by_id(pairs) == _by_id(toy_code_articles(arts))
    pids = {m.notes for _, ms in pairs for m in ms}
    assert len(pids) == 2 and str(os.getpid()) not in pids


def test_in_flight_is_bounded(cluster) -> None:
    pulled = 0

    def stream() -> Iterator[Article]:
        nonlocal pulled
        for a in _articles(200):
            pulled += 1
            yield a

    done, most_held = 0, 0
    for _ in dask_map_code(
        stream(), 2, cluster.scheduler_address, batch_size=5, in_flight=3, coder=toy_code_articles
    ):
        done += 1
        most_held = max(most_held, pulled - done)
    assert done == 200
    assert most_held <= (3 + 1) * 5  # never the whole stream in memory


def test_scheduler_from_environment(cluster, monkeypatch: pytest.MonkeyPatch) -> None:
    from dask.distributed import Client

    monkeypatch.setenv(SCHEDULER_ENV, cluster.scheduler_address)
    pairs = list(dask_map_code(_articles(10), 0, coder=toy_code_articles))
    with Client(cluster.scheduler_address) as client:
        worker_pids = {str(p) for p in client.run(os.getpid).values()}
    assert {m.notes for _, ms in pairs for m in ms} <= worker_pids
    assert len(pairs) == 10


def test_own_local_cluster_when_no_address(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(SCHEDULER_ENV, raising=False)
    arts = _articles(8)
    pairs = list(dask_map_code(arts, 1, coder=toy_code_articles))
    assert _by_id(pairs) == _by_id(toy_code_articles(arts))


def _seed_articles() -> list[Article]:
    seeds = SHARED / "corpus" / "seeds"
    if not (seeds / "manifest.csv").exists():
        pytest.skip(f"{seeds} is absent")
    out = []
    with (seeds / "manifest.csv").open(newline="") as f:
        for row in csv.DictReader(f):
            text = (seeds / row["file"]).read_text(encoding="utf-8", errors="replace")
            out.append(
                Article(
                    id=row["id"],
                    text=text,
                    outlet=row["outlet"],
                    published=dt.date.fromisoformat(row["published"]) if row["published"] else None,
                    content_hash=hashlib.sha256(text.encode()).hexdigest(),
                )
            )
    return out


@pytest.mark.slow
def test_real_coder_matches_local_engine(cluster) -> None:
    try:
        from warwire.code import code_article

        code_article(Article(id="probe", text="Jets struck the town of Anadan on Monday."))
    except ImportError as e:
        pytest.skip(f"the real coder is not importable yet: {e}")
    from warwire.engine import map_code

    arts = _seed_articles()
    local = {a.id: to_jsonable(ms) for a, ms in map_code(arts, engine="local")}
    remote = {
        a.id: to_jsonable(ms)
        for a, ms in dask_map_code(arts, 2, cluster.scheduler_address, batch_size=2)
    }
    assert remote == local
    assert sum(len(ms) for ms in local.values()) > 0


@pytest.mark.slow
def test_dask_engine_events_equal_single_process(cluster, tmp_path: Path, monkeypatch) -> None:
    """`code_pending(engine="dask")` then merge gives the single-process run's events."""
    try:
        from warwire.code import code_article

        code_article(Article(id="probe", text="Jets struck the town of Anadan on Monday."))
    except ImportError as e:
        pytest.skip(f"the real coder is not importable yet: {e}")
    from warwire import pipeline
    from warwire.store import Store

    monkeypatch.setenv(SCHEDULER_ENV, cluster.scheduler_address)
    arts = _seed_articles()
    events = []
    for engine in ("local", "dask"):
        with Store(str(tmp_path / f"{engine}.db")) as store:
            for a in arts:
                store.upsert_article(a)
            assert pipeline.code_pending(store, engine=engine, workers=2) == len(arts)
            pipeline.merge(store)
            events.append(to_jsonable(store.events()))
    assert events[0] == events[1]
    assert len(events[0]) > 0


def test_batches_do_not_read_ahead() -> None:
    from warwire.batching import batches

    taken: list[int] = []

    def stream():
        for i in range(5):
            taken.append(i)
            yield i

    it = batches(stream(), 2)
    assert next(it) == [0, 1] and taken == [0, 1]
    assert list(it) == [[2, 3], [4]]


def test_auto_engine_uses_every_core_for_a_backfill_only() -> None:
    from warwire.engine import POOL_MIN, choose

    assert choose("auto", 0, POOL_MIN - 1, cores=4) == ("local", 1)
    assert choose("auto", 0, POOL_MIN, cores=4) == ("process", 4)
    assert choose("auto", 3, 10_000, cores=4) == ("process", 3)
    assert choose("auto", 0, 10_000, cores=1) == ("local", 1)
    assert choose("local", 8, 10_000, cores=4) == ("local", 1)
    assert choose("dask", 0, 5, cores=2) == ("dask", 2)
    with pytest.raises(ValueError, match="unknown engine 'ray'"):
        choose("ray", 0, 5)
