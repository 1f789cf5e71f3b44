"""The events are a function of the stored mentions, not of how the articles arrived.

One corpus is fed to the pipeline whole, one file at a time (in both orders) and in random
chunks (in both orders), merging after every batch as `run` and `watch` do; every way must end
with the same events, ids included. The corpora are read from ../shared at test time (the
development pages and a FA-KES subset); each article is coded once and its mentions reused, as
coding is a function of the article alone and is not what is tested here.
"""

from __future__ import annotations

import csv
import datetime as dt
import random
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest

from warwire import pipeline
from warwire.records import Article, Mention, to_jsonable
from warwire.store import Store

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
REAL_DEV = SHARED / "corpus" / "real-dev"
FAKES = SHARED / "datasets" / "fa-kes" / "dev.csv"
FAKES_SUBSET = 60  # articles: each one-at-a-time pass merges this many times
FIELDS = ["id", "file", "url", "outlet", "published", "title"]

Row = dict[str, str]


def _real_dev() -> list[tuple[Row, str]]:
    if not REAL_DEV.is_dir():
        pytest.skip(f"{REAL_DEV} is absent")
    with (REAL_DEV / "manifest.csv").open(newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    return [(r, (REAL_DEV / r["file"]).read_text(encoding="utf-8")) for r in rows]


def _fakes() -> list[tuple[Row, str]]:
    """The first FAKES_SUBSET rows with a body, dates read as FA-KES writes them (M/D/YY)."""
    if not FAKES.is_file():
        pytest.skip(f"{FAKES} is absent")
    csv.field_size_limit(sys.maxsize)
    out: list[tuple[Row, str]] = []
    with FAKES.open(newline="", encoding="utf-8") as f:
        for i, r in enumerate(csv.DictReader(f)):
            if len(out) >= FAKES_SUBSET:
                break
            if not r["article_content"].strip():
                continue
            try:
                day = dt.datetime.strptime(r["date"].strip(), "%m/%d/%y").date().isoformat()
            except ValueError:
                day = ""
            aid = f"fakes-{r.get('unit_id') or i}"
            row = {"id": aid, "file": f"{aid}.txt", "url": "", "outlet": r["source"]}
            row |= {"published": day, "title": r["article_title"]}
            out.append((row, r["article_content"]))
    return out


def _write_chunk(folder: Path, items: list[tuple[Row, str]]) -> None:
    folder.mkdir(parents=True)
    with (folder / "manifest.csv").open("w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=FIELDS, extrasaction="ignore")
        w.writeheader()
        for row, text in items:
            w.writerow(row)
            (folder / row["file"]).write_text(text, encoding="utf-8")


def _random_chunks(items: list, rng: random.Random) -> list[list]:
    out, i = [], 0
    while i < len(items):
        n = rng.randint(1, max(2, len(items) // 4))
        out.append(items[i : i + n])
        i += n
    return out


def _batchings(items: list, seed: int) -> dict[str, list[list]]:
    rng = random.Random(seed)
    shuffled = items[:]
    rng.shuffle(shuffled)
    return {
        "whole": [items],
        "one at a time": [[x] for x in items],
        "one at a time, reversed": [[x] for x in reversed(items)],
        "random chunks": _random_chunks(shuffled, rng),
        "random chunks, reversed": _random_chunks(shuffled[::-1], rng),
    }


@pytest.fixture
def coded_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Code each article text once per test; later codings of the same text reuse it."""
    import warwire.engine as engine

    real = engine.map_code
    cache: dict[tuple[str, str], list[Mention]] = {}

    def map_code(articles: Iterable[Article], **kw: Any) -> Iterator[tuple[Article, list]]:
        todo: list[Article] = []
        for a in articles:
            if (a.id, a.content_hash) in cache:
                yield a, cache[(a.id, a.content_hash)]
            else:
                todo.append(a)
        for a, ms in real(todo, **kw):
            cache[(a.id, a.content_hash)] = ms
            yield a, ms

    monkeypatch.setattr(engine, "map_code", map_code)


def _events_after(batches: list[list[tuple[Row, str]]], root: Path) -> list[Any]:
    with Store(str(root / "store.db")) as store:
        for k, batch in enumerate(batches):
            folder = root / f"batch-{k}"
            _write_chunk(folder, batch)
            report = pipeline.ingest(store, folder)
            assert report.new == len(batch), report.errors
            pipeline.code_pending(store, engine="local", workers=0)
            pipeline.merge(store)
        return to_jsonable(store.events())


def _assert_order_free(items: list[tuple[Row, str]], tmp_path: Path, seed: int) -> None:
    results = {
        name: _events_after(batches, tmp_path / f"way-{i}")
        for i, (name, batches) in enumerate(_batchings(items, seed).items())
    }
    whole = results["whole"]
    assert len(whole) > 5
    for name, events in results.items():
        got = {e["id"]: e for e in events}
        want = {e["id"]: e for e in whole}
        assert sorted(got) == sorted(want), f"{name}: other event ids than the whole batch"
        assert events == whole, f"{name}: other events than the whole batch"


@pytest.mark.slow
@pytest.mark.usefixtures("coded_once")
def test_real_dev_events_do_not_depend_on_batching(tmp_path: Path) -> None:
    _assert_order_free(_real_dev(), tmp_path, seed=18)


@pytest.mark.slow
@pytest.mark.usefixtures("coded_once")
def test_fakes_events_do_not_depend_on_batching(tmp_path: Path) -> None:
    _assert_order_free(_fakes(), tmp_path, seed=19)
