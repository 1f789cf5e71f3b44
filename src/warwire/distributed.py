"""Per-article coding as Dask tasks, on a local cluster or a real one.

Coding an article depends on nothing but the article, so a backfill is an embarrassingly
parallel map. Articles are sent in batches (one `nlp.pipe` call each on the worker), a bounded
number of batches is kept in flight so memory stays flat however long the input is, and
results stream back as they finish, which may be out of order: callers store them per article.

Without a scheduler address ($WARWIRE_DASK_SCHEDULER or `address`) a `LocalCluster` of worker
processes is started and torn down here; with one, the same code runs on that cluster.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable, Iterator
from itertools import islice

from warwire.batching import batches
from warwire.records import Article, Mention

SCHEDULER_ENV = "WARWIRE_DASK_SCHEDULER"
BATCH_SIZE = 16

Coded = tuple[Article, list[Mention]]
Coder = Callable[[list[Article]], Iterable[Coded]]


def code_batch(batch: list[Article], coder: Coder | None = None) -> list[Coded]:
    """Run on a worker: code one batch. Module-level so that Dask pickles it by reference."""
    if coder is None:
        from warwire.code import code_articles

        coder = code_articles
    return list(coder(batch))


def scheduler_address(address: str | None = None) -> str | None:
    return address or os.environ.get(SCHEDULER_ENV) or None


def dask_map_code(
    articles: Iterable[Article],
    workers: int,
    address: str | None = None,
    *,
    batch_size: int = BATCH_SIZE,
    in_flight: int | None = None,
    coder: Coder | None = None,
) -> Iterator[Coded]:
    """Yield (article, mentions) for every article, in completion order.

    `in_flight` bounds the batches submitted but not yet consumed (default: two per worker),
    so at most (in_flight + 1) * batch_size articles are held at once. `coder` replaces
    `warwire.code.code_articles` (it must be picklable: a module-level function).
    """
    from dask.distributed import Client, LocalCluster, as_completed

    address = scheduler_address(address)
    cluster = None
    if address is None:
        cluster = LocalCluster(
            n_workers=max(1, workers),
            threads_per_worker=1,
            processes=True,
            dashboard_address=":0",
            silence_logs=logging.ERROR,
        )
        client = Client(cluster)
    else:
        client = Client(address)
    try:
        n_workers = workers if workers > 0 else max(1, len(client.scheduler_info()["workers"]))
        limit = in_flight or 2 * n_workers
        todo = batches(articles, batch_size)

        def submit(batch: list[Article]):  # noqa: ANN202 - a dask Future
            return client.submit(code_batch, batch, coder, pure=False)

        running = as_completed([submit(b) for b in islice(todo, limit)])
        for future in running:
            results = future.result()
            future.release()
            nxt = next(todo, None)
            if nxt is not None:
                running.add(submit(nxt))
            yield from results
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
