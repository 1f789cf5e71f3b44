"""Follow a folder (and RSS/Atom feeds) and keep the events up to date as reports arrive.

A watchdog observer collects the files that appear or change; once the folder has been quiet
for a moment (a copy of many files is one burst), or a file has waited MAX_DELAY in a steady
stream, they are ingested, the new texts coded, the mentions merged and the exports
rewritten, and one line says what changed. At start-up the whole folder is scanned, so files
that arrived while the watch was down are taken in. Feeds are polled
every INTERVAL seconds. Re-ingest is idempotent, so a file seen twice or a feed entry polled
again costs a hash comparison and nothing else.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from html import unescape
from pathlib import Path
from urllib.parse import urlparse

from rich.console import Console
from rich.text import Text
from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers.api import BaseObserver

from warwire import pipeline
from warwire.records import Article
from warwire.store import Store

SUFFIXES = {".txt", ".html", ".htm", ".jsonl", ".csv"}
MANIFEST = "manifest.csv"
QUIET = 1.0  # seconds without file events before a burst is processed
MAX_DELAY = 2.0  # ... but a file waits no longer than this for a steady stream to pause
SETTLE = 0.5  # seconds untouched after which a file not seen closed is taken as complete
TICK = 0.2
RESCAN = 30.0  # seconds between whole-folder scans while the observer is down


@dataclass
class Update:
    """What one refresh changed: the line printed for it."""

    source: str
    articles: int = 0  # new or changed articles
    mentions: int = 0  # change in stored mentions
    events: int = 0  # events after the merge
    errors: int = 0

    def line(self) -> str:
        text = f"+{self.articles} articles, {self.mentions} mentions, {self.events} events"
        if self.errors:
            text += f", {self.errors} errors"
        return f"{dt.datetime.now():%H:%M:%S} {self.source}: {text}"


# -- the folder ---------------------------------------------------------------------------


def wanted(path: Path) -> bool:
    """Files a reader can take; editors' and downloaders' temporary files are not."""
    name = path.name
    if name.startswith((".", "~")) or name.endswith(("~", ".part", ".tmp", ".swp")):
        return False
    return path.suffix.lower() in SUFFIXES


def ingest_targets(paths: Iterable[Path]) -> list[Path]:
    """What to re-ingest for a set of changed paths.

    A file beside a manifest needs the manifest (its id, outlet and date), so its folder is
    re-ingested instead; re-ingest skips what did not change. New folders are ingested whole.
    """
    targets: set[Path] = set()
    for p in paths:
        if p.is_dir():
            targets.add(p)
        elif (p.is_file() or p.is_symlink()) and wanted(p):  # a bad link: one error line
            manifest = p.parent / MANIFEST
            targets.add(p.parent if p.name == MANIFEST or manifest.exists() else p)
    folders = [t for t in targets if t.is_dir()]
    return sorted(t for t in targets if not any(f != t and f in t.parents for f in folders))


class _Changes(FileSystemEventHandler):
    """Collects changed paths from the observer thread and hands them over in batches.

    A burst (a copy of many files) is one batch once the folder has been quiet for QUIET
    seconds. A steady stream never goes quiet, so once the oldest waiting path has waited
    MAX_DELAY, every path that is complete is handed over anyway: one closed after writing,
    or untouched for SETTLE seconds. A path still being written is held until it settles, or
    at most 4 x MAX_DELAY."""

    def __init__(self) -> None:
        super().__init__()
        self._lock = threading.Lock()
        self._first: dict[Path, float] = {}  # path -> when it was first seen in this batch
        self._last: dict[Path, float] = {}  # path -> its latest event
        self._closed: set[Path] = set()  # paths whose latest event is a close after writing
        self._latest = 0.0

    def dispatch(self, event: FileSystemEvent) -> None:
        kind = event.event_type
        if kind not in ("created", "modified", "moved", "closed"):
            return
        if event.is_directory and kind != "created" and kind != "moved":
            return  # a folder's own mtime changes with every file in it
        raw = event.dest_path if kind == "moved" else event.src_path
        path = Path(raw.decode() if isinstance(raw, bytes) else raw)
        now = time.monotonic()
        with self._lock:
            self._first.setdefault(path, now)
            self._last[path] = now
            if kind in ("closed", "moved"):
                self._closed.add(path)
            else:
                self._closed.discard(path)
            self._latest = now

    def pending(self) -> int:
        with self._lock:
            return len(self._first)

    def take(self, quiet: float, max_delay: float = 0.0) -> set[Path]:
        """The paths ready to process now (see the class docstring); MAX_DELAY 0: no bound."""
        now = time.monotonic()
        with self._lock:
            if not self._first:
                return set()
            if now - self._latest >= quiet:
                ready = set(self._first)
            elif max_delay and now - min(self._first.values()) >= max_delay:
                ready = {
                    p
                    for p, last in self._last.items()
                    if p in self._closed
                    or now - last >= min(quiet, SETTLE)
                    or now - self._first[p] >= 4 * max_delay
                }
            else:
                return set()
            for p in ready:
                del self._first[p], self._last[p]
                self._closed.discard(p)
            return ready


# -- feeds --------------------------------------------------------------------------------


def html_to_text(html: str) -> str:
    """Plain text of an HTML fragment, one paragraph a line."""
    import lxml.html

    if not html.strip():
        return ""
    if "<" not in html:
        return " ".join(unescape(html).split())
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    for bad in root.xpath(".//script|.//style"):
        bad.drop_tree()
    for el in root.iter("p", "div", "br", "li", "h1", "h2", "h3", "h4", "blockquote", "tr"):
        el.tail = "\n" + (el.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().splitlines())
    return "\n".join(line for line in lines if line)


def _entry_date(entry) -> dt.date | None:  # noqa: ANN001 - a feedparser entry
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        t = entry.get(key)
        if t:
            return dt.date(t.tm_year, t.tm_mon, t.tm_mday)
    return None


def entry_article(entry, outlet: str, source: str) -> Article | None:  # noqa: ANN001
    """One feed entry as an Article (None when it carries no text)."""
    contents = entry.get("content") or []
    body = max((c.get("value", "") for c in contents), key=len, default="")
    summary = entry.get("summary", "")
    text = html_to_text(body if len(body) >= len(summary) else summary)
    title = html_to_text(entry.get("title", ""))
    if not text:
        return None
    key = entry.get("id") or entry.get("link") or f"{source}|{title}|{_entry_date(entry)}"
    return Article(
        id="feed-" + hashlib.sha1(key.encode()).hexdigest()[:16],
        text=text,
        title=title,
        url=entry.get("link", ""),
        outlet=outlet,
        published=_entry_date(entry),
        source_file=source,
        content_hash=hashlib.sha256(text.encode()).hexdigest(),
    )


@dataclass
class Feed:
    """A feed URL (or file path) and what the last poll told us, to poll politely."""

    source: str
    etag: str | None = None
    modified: str | None = None
    error: str = ""
    seen: dict[str, str] = field(default_factory=dict)  # article id -> content hash

    def poll(self) -> list[Article]:
        """Entries new or changed since the last poll."""
        import feedparser

        d = feedparser.parse(self.source, etag=self.etag, modified=self.modified)
        self.etag, self.modified = d.get("etag"), d.get("modified")
        if d.get("status") == 304:
            return []
        if d.get("bozo") and not d.entries:
            self.error = str(d.get("bozo_exception") or "unreadable feed")
            return []
        self.error = ""
        outlet = d.feed.get("title") or urlparse(self.source).netloc or self.source
        fresh = []
        for entry in d.entries:
            art = entry_article(entry, outlet, self.source)
            if art and self.seen.get(art.id) != art.content_hash:
                self.seen[art.id] = art.content_hash
                fresh.append(art)
        return fresh


def parse_feed(source: str) -> list[Article]:
    """Every entry of a feed (URL or local file) as Articles."""
    return Feed(source).poll()


def store_articles(store: Store, articles: list[Article]) -> pipeline.IngestReport:
    """Upsert feed articles, grouping wire copies against the store like `pipeline.ingest`."""
    report = pipeline.IngestReport()
    try:
        from warwire.ingest.wire import WireGrouper, signature
    except ImportError:  # readers not installed: store without wire grouping
        for art in articles:
            status = store.upsert_article(art).status
            setattr(report, status, getattr(report, status) + 1)
        return report
    grouper = WireGrouper()
    for aid, sig in store.signatures():
        grouper.add_signature(aid, sig)
    for art in articles:
        sig = signature(art.text)
        art.wire_group = grouper.add_signature(art.id, sig)
        status = store.upsert_article(art, sig).status
        setattr(report, status, getattr(report, status) + 1)
    store.set_wire_groups(grouper.groups())
    return report


# -- the loop -----------------------------------------------------------------------------


class Watcher:
    """One store, one folder, some feeds; `refresh_*` do the work, `run` loops."""

    def __init__(
        self,
        path: Path,
        url: str,
        feeds: list[str],
        out: Path | None,
        *,
        engine: str = "auto",
        workers: int = 0,
        console: Console | None = None,
        on_update: Callable[[Update], None] | None = None,
    ):
        self.path = path
        self.store = Store(url)
        self.feeds = [Feed(f) for f in feeds]
        self.out = out
        self.engine, self.workers = engine, workers
        self.console = console or Console(highlight=False)
        self.on_update = on_update

    def _finish(self, update: Update, changed: int) -> Update:
        """Code, merge and publish after CHANGED articles came in; report the update."""
        before = self.store.count("mentions")
        coded = pipeline.code_pending(self.store, engine=self.engine, workers=self.workers)
        if coded or changed or pipeline.pending_merge(self.store):  # a crash may leave some
            update.events = len(pipeline.merge(self.store))
            if self.out is not None:
                pipeline.publish(self.store, self.out)
        else:
            update.events = self.store.count("events")
        update.mentions = self.store.count("mentions") - before
        return update

    def say(self, line: str) -> None:
        """Print LINE as it is: no markup, no emoji codes, never wrapped (logs are grepped)."""
        self.console.print(Text(line), soft_wrap=True, highlight=False)

    def _report(self, update: Update) -> None:
        self.say(update.line())
        if self.on_update:
            self.on_update(update)

    def refresh_paths(self, paths: Iterable[Path]) -> Update | None:
        targets = ingest_targets(paths)
        if not targets:
            return None
        update = Update(source=str(targets[0]) if len(targets) == 1 else str(self.path))
        for target in targets:
            report = pipeline.ingest(
                self.store,
                target,
                on_error=lambda e: self.say(f"error {e}"),
                on_note=lambda e: self.say(f"note {e}"),
                root=self.path,
            )
            update.articles += report.new + report.updated
            update.errors += len(report.errors)
        return self._finish(update, update.articles)

    def refresh_feeds(self) -> list[Update]:
        updates = []
        for feed in self.feeds:
            articles = feed.poll()
            if feed.error:
                self.say(f"error {feed.source}: {feed.error}")
            if not articles:
                continue
            report = store_articles(self.store, articles)
            update = Update(source=articles[0].outlet, articles=report.new + report.updated)
            updates.append(self._finish(update, update.articles))
        return updates

    def _safely(self, work: Callable[[], object]) -> None:
        """Run one refresh; a failure is reported and the watch goes on."""
        try:
            result = work()
        except Exception as e:  # noqa: BLE001 - a bad batch must not end the watch
            self.say(f"error {type(e).__name__}: {e}")
            return
        for update in result if isinstance(result, list) else [result]:
            if update is not None:
                self._report(update)

    def run(
        self,
        interval: float,
        *,
        once: bool = False,
        stop_event: threading.Event | None = None,
        quiet: float = QUIET,
        max_delay: float = MAX_DELAY,
    ) -> None:
        stop = stop_event or threading.Event()
        changes = _Changes()
        # start watching before the catch-up so that nothing falls in between; the catch-up
        # takes in what arrived while the watch was down
        observer = None if once else self._observe(changes)
        try:
            self._safely(lambda: self.refresh_paths([self.path]))
            next_poll = next_scan = time.monotonic()
            while True:
                now = time.monotonic()
                if self.feeds and now >= next_poll:
                    self._safely(self.refresh_feeds)
                    next_poll = time.monotonic() + interval
                if once:
                    break
                if (observer is None or not observer.is_alive()) and now >= next_scan:
                    # the observer could not start or has died: scan the whole folder (cheap
                    # for what did not change) and try it again, so the watch never goes blind
                    observer = self._observe(changes)
                    self._safely(lambda: self.refresh_paths([self.path]))
                    next_scan = time.monotonic() + RESCAN
                paths = changes.take(quiet, max_delay)
                if paths:
                    self._safely(lambda p=paths: self.refresh_paths(p))
                if stop.wait(TICK):
                    break
        except KeyboardInterrupt:
            pass
        finally:
            if observer is not None:
                observer.stop()
                observer.join(timeout=5)
            self.store.close()

    def _observe(self, changes: _Changes) -> BaseObserver | None:
        """A started observer of the folder, or None (reported) when it cannot start."""
        from watchdog.observers import Observer

        observer = Observer()
        try:
            observer.schedule(changes, str(self.path), recursive=True)
            observer.start()
        except (OSError, RuntimeError) as e:
            self.say(f"error cannot watch {self.path}: {e}; scanning every {RESCAN:.0f} s")
            return None
        return observer


def watch_folder(
    path: Path,
    url: str,
    feeds: list[str],
    interval: float = 300.0,
    out: Path | None = None,
    *,
    once: bool = False,
    stop_event: threading.Event | None = None,
    quiet: float = QUIET,
    max_delay: float = MAX_DELAY,
    engine: str = "auto",
    workers: int = 0,
    console: Console | None = None,
    on_update: Callable[[Update], None] | None = None,
) -> None:
    """Ingest, code and merge PATH now, then every new file and feed entry until stopped.

    `once` does the catch-up (and one feed poll) and returns; `stop_event` ends the loop from
    another thread; Ctrl-C ends it from the terminal.
    """
    path.mkdir(parents=True, exist_ok=True)
    watcher = Watcher(
        path,
        url,
        feeds,
        out,
        engine=engine,
        workers=workers,
        console=console,
        on_update=on_update,
    )
    watcher.run(interval, once=once, stop_event=stop_event, quiet=quiet, max_delay=max_delay)
