"""Where the per-article work (reading and coding) runs: here, in a process pool, or on Dask.

Coding one article is a pure function of the article, so any engine that can map a function
over articles can run it; the merge stays in the calling process and consumes results as
they stream back, in input order.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator

from warwire.records import Article, Mention

ENGINES = ("local", "process", "dask")
CHOICES = ("auto", *ENGINES)
# A worker spends about 3 s importing spaCy and loading the models (some 60 articles' worth
# of coding), so below this many pending articles a pool does not pay for itself.
POOL_MIN = 200


def choose(engine: str, workers: int, pending: int, cores: int | None = None) -> tuple[str, int]:
    """(engine, workers) to run: "auto" is a process per core for a backfill of POOL_MIN
    articles or more and this process otherwise; WORKERS 0 means one per core."""
    if engine not in CHOICES:
        raise ValueError(f"unknown engine {engine!r}: choose one of {', '.join(CHOICES)}")
    cores = cores or os.cpu_count() or 1
    if engine == "auto":
        if pending < POOL_MIN or (cores == 1 and workers <= 1):
            return "local", 1
        engine = "process"
    if engine == "local":
        return "local", 1
    return engine, workers if workers > 0 else cores


def die_with_parent(parent: int) -> None:
    """Pool worker initializer: end this worker when PARENT ends, however it ends.

    A parent killed with SIGKILL cannot shut its pool down, and orphaned workers (200 MB
    each, with spaCy loaded) would live on. On Linux the kernel sends SIGKILL when the parent
    dies (PR_SET_PDEATHSIG); everywhere a daemon thread also checks once a second that the
    parent is still ours and exits if not."""
    import signal
    import sys
    import threading
    import time

    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG = 1
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:  # died before the line above
        os._exit(1)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, name="die-with-parent", daemon=True).start()


def _process_pool(
    articles: Iterable[Article], workers: int
) -> Iterator[tuple[Article, list[Mention]]]:
    """A process pool fed a bounded number of batches at a time, so memory stays flat."""
    from collections import deque
    from concurrent.futures import ProcessPoolExecutor

    from warwire.batching import batches

    # the batch size and the task are the Dask engine's; importing them does not import Dask
    from warwire.distributed import BATCH_SIZE, code_batch

    with ProcessPoolExecutor(
        max_workers=workers, initializer=die_with_parent, initargs=(os.getpid(),)
    ) as pool:
        pending: deque = deque()
        for batch in batches(articles, BATCH_SIZE):
            pending.append(pool.submit(code_batch, batch))
            if len(pending) >= 2 * workers:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()


def map_code(
    articles: Iterable[Article], *, engine: str = "local", workers: int = 1
) -> Iterator[tuple[Article, list[Mention]]]:
    """Yield (article, mentions) for every article: in order here and in the process pool,
    in completion order on Dask (callers store results per article, so order is free)."""
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}: choose one of {', '.join(ENGINES)}")
    if engine == "local" or (engine == "process" and workers <= 1):
        from warwire.code import code_articles

        yield from code_articles(articles)
        return
    if engine == "process":
        yield from _process_pool(articles, workers or os.cpu_count() or 1)
        return
    from warwire.distributed import dask_map_code

    yield from dask_map_code(articles, workers=workers)
