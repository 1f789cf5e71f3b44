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


def _code(article: Article) -> tuple[Article, list[Mention]]:
    from warwire.code import code_article

    return article, code_article(article)


def map_code(
    articles: Iterable[Article], *, engine: str = "local", workers: int = 1
) -> Iterator[tuple[Article, list[Mention]]]:
    """Yield (article, mentions) for every article, in order."""
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}: choose one of {', '.join(ENGINES)}")
    if engine == "local" or (engine == "process" and workers <= 1):
        from warwire.code import code_articles

        yield from code_articles(articles)
        return
    if engine == "process":
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=workers or os.cpu_count()) as pool:
            yield from pool.map(_code, articles, chunksize=8)
        return
    from warwire.distributed import dask_map_code

    yield from dask_map_code(articles, workers=workers)
