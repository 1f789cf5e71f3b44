"""ingest -> read/code -> merge -> publish, each a function over the store.

The stages are separate so that a command can run one of them, and so that the costly
per-article coding can be handed to another engine (see `warwire.engine`). Each stage commits
its own work: a crash in coding keeps what was ingested, and re-running picks up where it
stopped (articles whose text was already coded are skipped).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from warwire.records import Article, Event, IngestError, Mention
from warwire.store import Store

Progress = Callable[[int, int | None], None]  # (done, total) -> None
READ_CHUNK = 200  # articles fetched from the store per query while coding
WRITE_CHUNK = 32  # coded articles stored per transaction


def _noop(done: int, total: int | None) -> None:
    return None


@dataclass
class IngestReport:
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[IngestError] = field(default_factory=list)
    renamed: list[IngestError] = field(default_factory=list)  # id clashes, stored apart
    wire_groups: int = 0  # groups with more than one article

    @property
    def seen(self) -> int:
        return self.new + self.updated + self.unchanged


def ingest(
    store: Store,
    path: Path,
    *,
    progress: Progress = _noop,
    on_error: Callable[[IngestError], None] | None = None,
    on_note: Callable[[IngestError], None] | None = None,
    root: Path | None = None,
) -> IngestReport:
    """Read PATH into the store; wire copies are grouped against everything stored so far.

    Ids are relative to ROOT (default PATH); an article whose id a different text from another
    file already holds is stored under its own id and reported through ON_NOTE."""
    from warwire.ingest import iter_articles
    from warwire.ingest.wire import WireGrouper, signature

    report = IngestReport()
    grouper = WireGrouper()
    for aid, sig in store.signatures():
        grouper.add_signature(aid, sig)
    done = 0
    for item in iter_articles(path, root=root):
        if isinstance(item, IngestError):
            report.errors.append(item)
            if on_error:
                on_error(item)
            continue
        aid, clash = store.claim_id(item)
        if clash:
            note = IngestError(
                item.source_file,
                f"article id {item.id!r} already names a different text (from {clash}); "
                f"stored as {aid!r}",
            )
            report.renamed.append(note)
            if on_note:
                on_note(note)
        item.id = aid
        sig = signature(item.text)
        item.wire_group = grouper.add_signature(item.id, sig)
        result = store.upsert_article(item, sig)
        setattr(report, result.status, getattr(report, result.status) + 1)
        done += 1
        progress(done, None)
    groups = grouper.groups()
    store.set_wire_groups(groups)
    sizes: dict[str, int] = {}
    for g in groups.values():
        sizes[g] = sizes.get(g, 0) + 1
    report.wire_groups = sum(1 for n in sizes.values() if n > 1)
    return report


def code_pending(
    store: Store,
    *,
    engine: str = "auto",
    workers: int = 0,
    progress: Progress = _noop,
) -> int:
    """Code every article whose current text has no mentions yet; returns articles coded.

    ENGINE and WORKERS as in `warwire.engine.choose` ("auto": every core for a backfill)."""
    from warwire.batching import batches
    from warwire.code import coder_version
    from warwire.engine import choose, map_code

    version = "@" + coder_version()  # a new version of the rules codes everything again
    pending = store.articles_to_code(version)
    total = len(pending)
    engine, workers = choose(engine, workers, total)

    def articles() -> Iterable[Article]:
        for i in range(0, total, READ_CHUNK):
            yield from store.articles_by_id(pending[i : i + READ_CHUNK])

    done = 0
    results = map_code(articles(), engine=engine, workers=workers)
    for chunk in batches(results, WRITE_CHUNK):  # a crash loses at most one chunk's coding
        store.replace_mentions_many([(a.id, a.content_hash + version, ms) for a, ms in chunk])
        done += len(chunk)
        progress(done, total)
    return done


def merge(store: Store) -> list[Event]:
    """Link all stored mentions into events, keeping earlier assignments (incremental)."""
    from warwire.merge import MergeState, control_changes, merge_mentions

    mentions: list[Mention] = store.mentions()
    known = store.assignments()
    old = [m for m in mentions if m.id in known]
    new = [m for m in mentions if m.id not in known]
    state = MergeState.from_assignments(old, known) if old else None
    state = merge_mentions(new, state)
    articles = {a.id: a for a in store.articles()}
    events = state.events(articles)
    store.replace_events(events, state.assignments())
    store.replace_control_changes(control_changes(events))
    return events


def publish(store: Store, out: Path) -> dict[str, Path]:
    """Write every export format to OUT; returns format -> file."""
    from warwire.publish import write_all

    return write_all(store.events(), out)
