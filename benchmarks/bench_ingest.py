"""Ingest benchmark: throughput and peak memory on FA-KES (396 Syrian war articles).

The FA-KES CSV is turned into a corpus folder in a temporary directory, in two layouts: one
`.txt` file per article with a `manifest.csv` (the common case: scraped text plus metadata),
and one `.jsonl` file. Each is ingested through `warwire.pipeline.ingest` into a fresh SQLite
store, then ingested again (everything unchanged). Wire-copy grouping (MinHash signatures and
the LSH index) is also timed on its own. Peak memory is measured twice: Python allocations
with tracemalloc (a separate run, since tracing slows the code down) and the process's
maximum resident set size.

Usage: python benchmarks/bench_ingest.py [--shared ../shared] [--limit N]
"""

from __future__ import annotations

import argparse
import csv
import json
import resource
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

from fakes import DEV, SHARED, FakesArticle, read_fakes
from warwire.ingest import iter_articles
from warwire.ingest.wire import WireGrouper, signature
from warwire.pipeline import ingest
from warwire.records import Article
from warwire.store import Store


def write_txt_corpus(rows: list[FakesArticle], folder: Path) -> None:
    folder.mkdir(parents=True)
    with (folder / "manifest.csv").open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["id", "file", "url", "outlet", "published", "title"])
        for r in rows:
            name = f"{r.id}.txt"
            (folder / name).write_text(f"{r.title}\n\n{r.text}\n", encoding="utf-8")
            day = r.published.isoformat() if r.published else ""
            w.writerow([r.id, name, "", r.outlet, day, r.title])


def write_jsonl_corpus(rows: list[FakesArticle], folder: Path) -> None:
    folder.mkdir(parents=True)
    with (folder / "fakes.jsonl").open("w", encoding="utf-8") as f:
        for r in rows:
            rec = {
                "id": r.id,
                "outlet": r.outlet,
                "published": r.published.isoformat() if r.published else "",
                "title": r.title,
                "text": r.text,
            }
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")


def timed(fn: Callable[[], object]) -> tuple[float, object]:
    """CPU seconds of this process (on a shared machine the wall clock also counts other
    processes' turns), and FN's result. WALL keeps the wall-clock seconds beside them."""
    w0, t0 = time.perf_counter(), time.process_time()
    out = fn()
    WALL.append(time.perf_counter() - w0)
    return time.process_time() - t0, out


WALL: list[float] = []


def traced_peak(fn: Callable[[], object]) -> int:
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def maxrss_mb() -> float:
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=SHARED)
    ap.add_argument("--limit", type=int, default=None, help="only the first N articles")
    args = ap.parse_args()
    src = args.shared / DEV
    if not src.is_file():
        print(f"FA-KES not found at {src}: pass --shared", file=sys.stderr)
        return 2
    rows = read_fakes(src, args.limit)
    table: list[tuple[str, int, float, str, str]] = []
    with tempfile.TemporaryDirectory(prefix="warwire-bench-") as tmp:
        base = Path(tmp)
        write_txt_corpus(rows, base / "txt")
        write_jsonl_corpus(rows, base / "jsonl")
        # warm-up: imports (trafilatura, datasketch, numpy) are not ingest time
        list(iter_articles(base / "txt" / f"{rows[0].id}.txt"))
        WireGrouper().add_signature("warm", signature("warm up"))

        for layout in ("txt", "jsonl"):
            corpus = base / layout
            with Store(str(base / f"{layout}.db")) as store:
                secs, report = timed(lambda s=store, c=corpus: ingest(s, c))
                n = report.seen  # type: ignore[attr-defined]
                errors = len(report.errors)  # type: ignore[attr-defined]
                groups = report.wire_groups  # type: ignore[attr-defined]
                table.append(
                    (f"ingest {layout} (new)", n, secs, f"{n / secs:,.0f}", f"{errors} errors")
                )
                secs, report = timed(lambda s=store, c=corpus: ingest(s, c))
                table.append(
                    (
                        f"ingest {layout} (again)",
                        report.seen,  # type: ignore[attr-defined]
                        secs,
                        f"{report.seen / secs:,.0f}",  # type: ignore[attr-defined]
                        f"{report.unchanged} unchanged",  # type: ignore[attr-defined]
                    )
                )
            if layout == "txt":
                wire_groups = groups

        articles = [a for a in iter_articles(base / "txt") if isinstance(a, Article)]
        secs_sig, sigs = timed(lambda: [(a.id, signature(a.text)) for a in articles])

        def group() -> WireGrouper:
            g = WireGrouper()
            for aid, sig in sigs:  # type: ignore[union-attr]
                g.add_signature(aid, sig)
            return g

        secs_group, _ = timed(group)
        n = len(articles)
        table.append(("wire: signatures", n, secs_sig, f"{n / secs_sig:,.0f}", "MinHash 128"))
        table.append(
            (
                "wire: LSH grouping",
                n,
                secs_group,
                f"{n / secs_group:,.0f}",
                f"{wire_groups} groups>1",
            )
        )

        peak = traced_peak(lambda: ingest(Store(str(base / "traced.db")), base / "txt"))

    print(f"FA-KES dev: {len(rows)} articles, {sum(len(r.text) for r in rows):,} chars")
    print(f"{'stage':26} {'articles':>8} {'CPU s':>8} {'art/s':>8} {'wall s':>8}  note")
    for (name, count, secs, rate, note), wall in zip(table, WALL, strict=False):
        print(f"{name:26} {count:8d} {secs:8.2f} {rate:>8} {wall:8.2f}  {note}")
    repeats = len(rows) - len({r.id for r in rows})
    print(f"errors: FA-KES repeats {repeats} unit ids; each repeat is reported and skipped")
    print(f"peak Python memory (tracemalloc, txt ingest): {peak / 1e6:.1f} MB")
    print(f"peak resident memory (ru_maxrss, whole run):  {maxrss_mb():.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
