"""Backfill at scale: ingest, read + code, and merge 396, 4k and 40k articles on one machine.

The corpus is the FA-KES development articles (../shared/datasets/fa-kes/dev.csv) repeated
with new ids and publication dates. Each repeat is a light rewrite of the original (one
sentence dropped, the outlet's own sign-off added), so that repeats land in wire-copy groups
the way agency copy republished by other outlets does. The whole pipeline runs as a user
would run it, into a fresh SQLite store; coding uses a process pool over every core.

Printed for each size: ingest rate, reading + coding rate per core and its ratio to the bare
spaCy pipeline per core on the same texts (so warwire's own overhead is visible), merge time,
events, wire groups and peak memory (this process and its workers).

    python benchmarks/bench_scale.py [--sizes 396 4000 40000] [--workers 2]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import resource
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from fakes import DEV, SHARED, FakesArticle, read_fakes

UNDATED = dt.date(2015, 1, 1)  # publication day given to rows whose date does not parse


def variants(rows: list[FakesArticle], n: int, seed: int = 11) -> Iterator[dict]:
    """N records: the originals first, then rewritten repeats with new ids and dates."""
    rng = random.Random(seed)
    for i in range(n):
        r = rows[i % len(rows)]
        k = i // len(rows)
        text = r.text
        if k:
            sents = text.split(". ")
            if len(sents) > 4:
                del sents[rng.randrange(1, len(sents) - 1)]
            text = ". ".join(sents) + f"\n\nReporting by desk {k}."
        yield {
            "id": f"fakes-{i % len(rows)}-r{k}",
            "title": r.title,
            "outlet": r.outlet if not k else f"{r.outlet} (repeat {k % 7})",
            "published": ((r.published or UNDATED) + dt.timedelta(days=35 * k)).isoformat(),
            "text": text,
        }


def peak_mib() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return (own + kids) / 1024


def bare_spacy_rate(rows: list[FakesArticle], limit: int = 200) -> float:
    """Articles/s of the bare spaCy pipeline (as warwire loads it) over whole texts, one core."""
    from warwire.ingest.clean import clean_text
    from warwire.read.nlp import load_nlp

    nlp = load_nlp()
    texts = [clean_text(r.text, r.title) for r in rows[:limit]]
    list(nlp.pipe(texts[:4]))
    t0 = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=64):
        pass
    return len(texts) / (time.perf_counter() - t0)


def run(n: int, rows: list[FakesArticle], workers: int, bare: float) -> dict:
    from warwire.pipeline import code_pending, ingest, merge
    from warwire.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"  # files of 1,000 records, as a feed dump would come
        corpus.mkdir()
        f = None
        for i, rec in enumerate(variants(rows, n)):
            if i % 1000 == 0:
                if f:
                    f.close()
                f = (corpus / f"part-{i // 1000:04d}.jsonl").open("w", encoding="utf-8")
            f.write(json.dumps(rec) + "\n")
        if f:
            f.close()
        store = Store(str(Path(tmp) / "bench.db"))
        t0 = time.perf_counter()
        rep = ingest(store, corpus)
        t_ingest = time.perf_counter() - t0
        t0 = time.perf_counter()
        coded = code_pending(store, engine="process" if workers > 1 else "local", workers=workers)
        t_code = time.perf_counter() - t0
        mentions = store.count("mentions")
        t0 = time.perf_counter()
        events = merge(store)
        t_merge = time.perf_counter() - t0
        store.close()
    per_core = coded / t_code / workers
    return {
        "articles": n, "ingest/s": rep.seen / t_ingest, "wire groups": rep.wire_groups,
        "code/s/core": per_core, "ratio": per_core / bare, "mentions": mentions,
        "merge s": t_merge, "events": len(events), "peak MiB": peak_mib(),
        "errors": len(rep.errors),
    }  # fmt: skip


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[396, 4000, 40000])
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--shared", type=Path, default=SHARED)
    args = ap.parse_args()
    rows = read_fakes(args.shared / DEV)
    bare = bare_spacy_rate(rows)
    print(f"bare spaCy pipeline: {bare:.1f} articles/s on one core; workers: {args.workers}")
    cols = ["articles", "ingest/s", "wire groups", "code/s/core", "ratio", "mentions",
            "merge s", "events", "peak MiB", "errors"]  # fmt: skip
    print("  ".join(f"{c:>11}" for c in cols))
    for n in args.sizes:
        r = run(n, rows, args.workers, bare)
        cells = [f"{r[c]:>11.2f}" if isinstance(r[c], float) else f"{r[c]:>11}" for c in cols]
        print("  ".join(cells), flush=True)


if __name__ == "__main__":
    main()
