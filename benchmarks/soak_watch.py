"""Soak `warwire watch`: articles dropped at random intervals, bad and rewritten files among
them; then a batch run of the same folder, which must give the same events.

Real articles (the shared corpora and FA-KES, from ../shared) are written one per JSONL file
into a watched folder over MINUTES minutes: gaps are random, and a quarter of the drops come
in bursts at 10 per second. Some files are bad (binary, empty, broken JSON, a CSV without
text, a symlink loop, an article over the size limit); some articles are rewritten later (a
paragraph dropped, as a page update does). `warwire watch` runs as its own process.

Printed: drop-to-event latency (from the file's drop to the moment its text is coded and the
merge that follows it has finished: the events then reflect it), p50/p95/max; the watch's
memory over time; whether anything was lost; and the watch's events against a batch run
(`warwire run`) of the final folder.

    python benchmarks/soak_watch.py                        # 300 articles over 10 minutes
    python benchmarks/soak_watch.py --minutes 1 --articles 40
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import json
import os
import random
import shutil
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
WARWIRE = [sys.executable, "-m", "warwire.cli"]
POLL = 0.25  # seconds between looks at the watch's store
SETTLE_TIMEOUT = 300.0  # seconds to wait for the watch to finish after the last drop


@dataclass
class Drop:
    """One file written into the folder at AT seconds after the start."""

    at: float
    name: str
    content: bytes | None  # None: a symlink loop
    article: str = ""  # the article id it carries ("" for a bad file)
    expect: str = ""  # the content hash the store will hold for it
    rewrite: bool = False
    atomic: bool = False  # written beside and renamed in, as downloaders do


@dataclass
class Tracked:
    """What the soak waits to see in the store for one drop of an article."""

    drop: Drop
    dropped: float = 0.0  # wall time of the write
    seen: float | None = None


@dataclass
class Sample:
    t: float
    rss_mb: float
    articles: int
    coded: int
    events: int


@dataclass
class Soak:
    drops: list[Drop]
    tracked: list[Tracked] = field(default_factory=list)
    samples: list[Sample] = field(default_factory=list)


# -- the articles ------------------------------------------------------------------------


def corpus_records() -> list[dict[str, str]]:
    """Every shared corpus article with its manifest metadata."""
    records = []
    for manifest in sorted((SHARED / "corpus").glob("*/manifest.csv")):
        with manifest.open(encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                path = manifest.parent / (row.get("file") or f"{row['id']}.txt")
                if not path.is_file():
                    continue
                records.append(
                    {
                        "id": row["id"],
                        "title": row.get("title", ""),
                        "url": row.get("url", ""),
                        "outlet": row.get("outlet", ""),
                        "published": row.get("published", ""),
                        "text": path.read_text(encoding="utf-8", errors="replace"),
                    }
                )
    return records


def fakes_records() -> list[dict[str, str]]:
    """FA-KES rows, dates (M/D/YY) written as ISO days."""
    path = SHARED / "datasets" / "fa-kes" / "dev.csv"
    if not path.is_file():
        return []
    csv.field_size_limit(2**31 - 1)
    out = []
    with path.open(encoding="utf-8", errors="replace", newline="") as f:
        for row in csv.DictReader(f):
            m, d, y = (int(x) for x in row["date"].split("/"))
            out.append(
                {
                    "id": f"fakes-{row['unit_id']}",
                    "title": row["article_title"],
                    "outlet": row["source"],
                    "published": f"{2000 + y:04d}-{m:02d}-{d:02d}",
                    "text": row["article_content"],
                }
            )
    return out


def _jsonl(record: dict[str, str]) -> bytes:
    return (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8")


def content_hash(record: dict[str, str]) -> str:
    """The hash of the record's text as ingest will clean it ("" if it is refused)."""
    import datetime as dt

    from warwire.ingest import build_article
    from warwire.ingest.readers import Record

    day = record.get("published") or ""
    art = build_article(
        Record(
            id=record["id"],
            source_file="soak",
            text=record["text"],
            title=record.get("title", ""),
            url=record.get("url", ""),
            outlet=record.get("outlet", ""),
            published=dt.date.fromisoformat(day) if day else None,
        )
    )
    return getattr(art, "content_hash", "")


def _rewritten(record: dict[str, str]) -> dict[str, str]:
    """The page updated: its last paragraph (or last sentence) dropped."""
    text = record["text"].rstrip()
    cut = text.rfind("\n\n")
    if cut < len(text) // 2:
        cut = text.rfind(". ", 0, len(text) - 2) + 1
    if cut < len(text) // 2:  # no late paragraph or sentence break: a correction appended
        return {**record, "text": text + "\n\nThis report was updated."}
    return {**record, "text": text[:cut].rstrip()}


def bad_files(n: int, rng: random.Random) -> list[tuple[str, bytes | None]]:
    """N bad files of every kind, in turn."""
    from warwire.ingest import MAX_ARTICLE_CHARS

    para = "Shelling was reported near the market in the morning, residents said ({i})."
    huge = "\n\n".join(para.format(i=i) for i in range(MAX_ARTICLE_CHARS // 60 + 200))
    kinds: list[tuple[str, bytes | None]] = [
        ("bad-binary{}.txt", bytes(rng.randrange(256) for _ in range(4000))),
        ("bad-empty{}.txt", b""),
        ("bad-json{}.jsonl", b'{"id": "x", "text": "unterminated\n'),
        ("bad-nocolumn{}.csv", b"id,title\n1,no text here\n"),
        ("bad-loop{}.txt", None),
        ("bad-huge{}.jsonl", _jsonl({"id": "huge", "text": huge})),
    ]
    return [(kinds[i % len(kinds)][0].format(i), kinds[i % len(kinds)][1]) for i in range(n)]


def schedule(n: int, minutes: float, seed: int) -> list[Drop]:
    """N articles, N/20 bad files and N/20 rewrites at random times over MINUTES."""
    rng = random.Random(seed)
    pool = list({r["id"]: r for r in corpus_records() + fakes_records()}.values())  # ids once
    if len(pool) < n:
        raise SystemExit(f"only {len(pool)} articles in {SHARED}; ask for --articles {len(pool)}")
    records = rng.sample(pool, n)
    items: list[Drop] = [
        Drop(
            0.0, f"{r['id']}.jsonl", _jsonl(r), r["id"], content_hash(r), atomic=rng.random() < 0.3
        )
        for r in records
    ]
    items += [Drop(0.0, name, data) for name, data in bad_files(max(6, n // 20), rng)]
    rng.shuffle(items)
    # gaps: a quarter of the drops in bursts at 10/s, the rest exponential, scaled to MINUTES
    gaps: list[float] = []
    burst = 0
    for _ in items:
        if burst == 0 and rng.random() < 0.05:
            burst = rng.randint(5, 15)
        gaps.append(0.1 if burst else rng.expovariate(1.0))
        burst = max(0, burst - 1)
    slow = sum(g for g in gaps if g != 0.1) or 1.0
    budget = max(1.0, minutes * 60 * 0.9 - 0.1 * sum(1 for g in gaps if g == 0.1))
    t = 0.0
    for d, g in zip(items, gaps, strict=True):
        t += g if g == 0.1 else g * budget / slow
        d.at = t
    # rewrites: N/20 articles written again a while after their first drop
    end = minutes * 60
    changed = [r for r in records if content_hash(_rewritten(r)) not in ("", content_hash(r))]
    for r in rng.sample(changed, min(len(changed), max(2, n // 20))):
        first = next(d for d in items if d.article == r["id"])
        at = min(end, rng.uniform(first.at + 5, max(first.at + 6, end)))
        new = _rewritten(r)
        items.append(Drop(at, first.name, _jsonl(new), r["id"], content_hash(new), rewrite=True))
    return sorted(items, key=lambda d: d.at)


# -- watching the watch ----------------------------------------------------------------------


def write(folder: Path, d: Drop) -> None:
    target = folder / d.name
    if d.content is None:  # a symlink loop: name -> name.other -> name
        other = folder / f"{d.name}.other.txt"
        other.symlink_to(target)
        target.symlink_to(other)
        return
    if d.atomic:
        tmp = folder / f".{d.name}.part"
        tmp.write_bytes(d.content)
        os.replace(tmp, target)
    else:
        target.write_bytes(d.content)


def rss_mb(pid: int) -> float:
    """Resident memory of PID and its children (a process pool), in MB."""
    import psutil

    try:
        proc = psutil.Process(pid)
        procs = [proc, *proc.children(recursive=True)]
    except psutil.NoSuchProcess:
        return 0.0
    total = 0
    for p in procs:
        with contextlib.suppress(psutil.NoSuchProcess):
            total += p.memory_info().rss
    return total / 1e6


class StoreView:
    """Read-only looks at the watch's SQLite store."""

    def __init__(self, db: Path):
        self.db = db
        self._conn: sqlite3.Connection | None = None

    def conn(self) -> sqlite3.Connection | None:
        if self._conn is None and self.db.exists():
            self._conn = sqlite3.connect(f"file:{self.db}?mode=ro", uri=True, timeout=30)
        return self._conn

    def state(self) -> tuple[dict[str, tuple[str, bool]], bool, int]:
        """({article: (content hash, coded)}, merge pending, events)."""
        conn = self.conn()
        if conn is None:
            return {}, True, 0
        try:
            rows = conn.execute("SELECT id, content_hash, coded_hash FROM articles").fetchall()
            meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
            events = conn.execute("SELECT COUNT(*) FROM events").fetchone()[0]
        except sqlite3.OperationalError:  # tables not there yet, or busy
            return {}, True, 0
        arts = {r[0]: (r[1], bool(r[2]) and r[2].startswith(r[1])) for r in rows}
        pending = meta.get("mentions_stored", "") != meta.get("merged_stored", "")
        return arts, pending, int(events)


def _done(t: Tracked, arts: dict[str, tuple[str, bool]], pending: bool) -> bool:
    """The drop's text is stored, coded, and merged (no merge pending)."""
    got = arts.get(t.drop.article)
    return got is not None and not pending and got[1] and got[0] == t.drop.expect


def run_soak(folder: Path, db: Path, soak: Soak, log: Path) -> int:
    """Drop the files while `warwire watch` runs; returns the watch's pid (stopped)."""
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    with log.open("w") as out:
        watch = subprocess.Popen(
            [*WARWIRE, "watch", str(folder), "--db", str(db)],
            stdout=out,
            stderr=subprocess.STDOUT,
            env=env,
        )
    view = StoreView(db)
    start = time.monotonic()
    next_sample = start
    pending_drops = list(soak.drops)
    open_tracks: list[Tracked] = []
    last_drop = 0.0
    try:
        while pending_drops or open_tracks:
            now = time.monotonic()
            while pending_drops and pending_drops[0].at <= now - start:
                d = pending_drops.pop(0)
                write(folder, d)
                last_drop = time.monotonic()
                if d.article:
                    for t in [t for t in open_tracks if t.drop.article == d.article]:
                        t.seen = -1.0  # rewritten before it was seen: superseded
                        open_tracks.remove(t)
                    t = Tracked(d, dropped=last_drop)
                    soak.tracked.append(t)
                    open_tracks.append(t)
            arts, pending, events = view.state()
            seen = time.monotonic()
            for t in list(open_tracks):
                if _done(t, arts, pending):
                    t.seen = seen
                    open_tracks.remove(t)
            if seen >= next_sample:
                coded = sum(1 for _, c in arts.values() if c)
                soak.samples.append(
                    Sample(seen - start, rss_mb(watch.pid), len(arts), coded, events)
                )
                next_sample = seen + max(5.0, (soak.drops[-1].at + 30) / 40)
            if watch.poll() is not None:
                print(f"the watch ended early (exit {watch.returncode}): see {log}")
                break
            if not pending_drops and time.monotonic() - last_drop > SETTLE_TIMEOUT:
                break
            time.sleep(POLL)
        arts, pending, events = view.state()
        coded = sum(1 for _, c in arts.values() if c)
        soak.samples.append(
            Sample(time.monotonic() - start, rss_mb(watch.pid), len(arts), coded, events)
        )
    finally:
        watch.send_signal(signal.SIGINT)
        try:
            watch.wait(timeout=30)
        except subprocess.TimeoutExpired:
            watch.kill()
            watch.wait()
    return watch.pid


# -- the comparison ------------------------------------------------------------------------


def events_of(db: Path) -> dict[str, dict]:
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        rows = conn.execute("SELECT id, data FROM events").fetchall()
    return {r[0]: json.loads(r[1]) for r in rows}


KEY_FIELDS = (
    "date", "event_type", "sub_event_type", "actor1", "actor2", "location", "admin1",
    "fatalities", "articles",
)  # fmt: skip


def _key(e: dict) -> tuple:
    return tuple(json.dumps(e.get(k), sort_keys=True) for k in KEY_FIELDS)


def compare(watch_db: Path, batch_db: Path) -> list[str]:
    w, b = events_of(watch_db), events_of(batch_db)
    lines = [f"events: watch {len(w)}, batch {len(b)}"]
    same_ids = set(w) == set(b)
    full_equal = same_ids and all(w[i] == b[i] for i in w)
    wk = {_key(e) for e in w.values()}
    bk = {_key(e) for e in b.values()}
    lines.append(
        f"same ids: {same_ids}; identical records: {full_equal}; "
        f"same (date, type, actors, place, toll, articles): {wk == bk} "
        f"(only in watch {len(wk - bk)}, only in batch {len(bk - wk)})"
    )
    if not full_equal and same_ids:
        diff = sorted(i for i in w if w[i] != b[i])
        fields = sorted({k for i in diff for k in w[i] if w[i].get(k) != b[i].get(k)})
        lines.append(f"{len(diff)} events differ, in fields: {', '.join(fields)}")
    lines.append("EQUAL" if full_equal else "NOT EQUAL")
    return lines


def _pct(xs: list[float], q: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(q * (len(xs) - 1))))]


def report(soak: Soak, watch_db: Path, batch_db: Path, batch_seconds: float) -> None:
    seen = [t for t in soak.tracked if t.seen is not None and t.seen >= 0]
    lat = [t.seen - t.dropped for t in seen]  # type: ignore[operator]
    lost = [t.drop.name for t in soak.tracked if t.seen is None]
    first = [t.seen - t.dropped for t in seen if not t.drop.rewrite]  # type: ignore[operator]
    again = [t.seen - t.dropped for t in seen if t.drop.rewrite]  # type: ignore[operator]
    superseded = sum(1 for t in soak.tracked if t.seen is not None and t.seen < 0)
    n_bad = sum(1 for d in soak.drops if not d.article)
    span = soak.drops[-1].at if soak.drops else 0.0
    gaps = [b.at - a.at for a, b in zip(soak.drops, soak.drops[1:], strict=False)]
    print(
        f"dropped {sum(1 for d in soak.drops if d.article and not d.rewrite)} articles, "
        f"{sum(1 for d in soak.drops if d.rewrite)} rewrites and {n_bad} bad files "
        f"over {span / 60:.1f} min (gaps {min(gaps, default=0):.2f}-{max(gaps, default=0):.1f} s;"
        f" {sum(1 for g in gaps if g <= 0.11)} at 10/s)"
    )
    if lat:
        print(
            f"drop-to-event latency: p50 {statistics.median(lat):.1f} s, p95 {_pct(lat, 0.95):.1f}"
            f" s, max {max(lat):.1f} s (first drops p50 {statistics.median(first):.1f} s"
            + (f"; rewrites p50 {statistics.median(again):.1f} s)" if again else ")")
        )
    print(
        f"lost (text never coded and merged): {len(lost)}"
        + (f" {lost[:10]}" if lost else "")
        + (f"; {superseded} rewritten before they were seen" if superseded else "")
    )
    print("memory over time (watch process and children):")
    print("   t (s)   RSS (MB)  articles  coded  events")
    for s in soak.samples:
        print(f"  {s.t:6.0f}   {s.rss_mb:8.0f}  {s.articles:8d}  {s.coded:5d}  {s.events:6d}")
    print(f"batch run of the final folder: {batch_seconds:.0f} s")
    for line in compare(watch_db, batch_db):
        print(line)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--minutes", type=float, default=10.0, help="span of the drops")
    ap.add_argument("--articles", type=int, default=300, help="articles dropped")
    ap.add_argument("--seed", type=int, default=18)
    ap.add_argument("--keep", type=Path, help="keep the folder, stores and logs here")
    args = ap.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="soak-"))
    if work.exists() and args.keep:
        shutil.rmtree(work)
    work.mkdir(parents=True, exist_ok=True)
    folder, watch_db, batch_db = work / "inbox", work / "watch.db", work / "batch.db"
    folder.mkdir()
    soak = Soak(schedule(args.articles, args.minutes, args.seed))
    print(f"soak: {len(soak.drops)} drops into {folder}; watch log {work / 'watch.log'}")
    run_soak(folder, watch_db, soak, work / "watch.log")
    t0 = time.monotonic()
    subprocess.run(
        [
            *WARWIRE,
            "run",
            str(folder),
            "--db",
            str(batch_db),
            "--out",
            str(work / "batch-out"),
            "--engine",
            "local",
        ],  # fmt: skip
        stdout=(work / "batch.log").open("w"),
        stderr=subprocess.STDOUT,
        check=False,
    )
    report(soak, watch_db, batch_db, time.monotonic() - t0)
    errors = sum(
        1 for ln in (work / "watch.log").read_text().splitlines() if ln.startswith("error")
    )
    print(f"watch error lines: {errors} (bad files: one each, or more when re-seen)")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
