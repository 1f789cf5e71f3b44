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
READ_LANGUAGES = frozenset({"en"})  # what the reading stage (an English pipeline) reads


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
        sig = signature(item.text)
        asked = item.id
        with store.transaction():  # the id stays claimed until the article is stored
            aid, clash = store.claim_id(item)
            item.id = aid
            item.wire_group = grouper.add_signature(item.id, sig)
            result = store.upsert_article(item, sig)
        if clash:
            note = IngestError(
                item.source_file,
                f"article id {asked!r} already names a different text (from {clash}); "
                f"stored as {aid!r}",
            )
            report.renamed.append(note)
            if on_note:
                on_note(note)
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

    unread: list[Article] = []

    def articles() -> Iterable[Article]:
        for i in range(0, total, READ_CHUNK):
            for a in store.articles_by_id(pending[i : i + READ_CHUNK]):
                if a.language in READ_LANGUAGES:
                    yield a
                else:
                    unread.append(a)  # the reading stage is English: nothing to code

    done = 0
    results = map_code(articles(), engine=engine, workers=workers)
    for chunk in batches(results, WRITE_CHUNK):  # a crash loses at most one chunk's coding
        store.replace_mentions_many([(a.id, a.content_hash + version, ms) for a, ms in chunk])
        done += len(chunk)
        progress(done, total)
    if unread:  # marked coded, with no mentions, so they are not picked up again
        store.replace_mentions_many([(a.id, a.content_hash + version, []) for a in unread])
        done += len(unread)
        progress(done, total)
    return done


def unread_languages(store: Store) -> dict[str, int]:
    """Language -> stored articles not read because the reading stage does not read it."""
    langs = ", ".join(f"'{code}'" for code in sorted(READ_LANGUAGES))
    rows = store._rows(
        f"SELECT language, COUNT(*) FROM articles WHERE language NOT IN ({langs}) "
        "GROUP BY language ORDER BY COUNT(*) DESC, language"
    )
    return {str(r[0]): int(r[1]) for r in rows}


MERGE_BASIS = "merged_with"  # meta key: the linking rules and mention changes last merged
MERGED_STORED = "merged_stored"  # meta key: the mentions token the last merge read


def merge(store: Store) -> list[Event]:
    """Link all stored mentions into events; the events depend only on the stored mentions.

    The blocks holding a mention not merged yet are linked again from scratch and the others
    keep their events (`warwire.merge.link.relink`). Everything is linked again when the
    linking rules changed or a merged mention was deleted or re-grouped since the last merge.
    Merges take turns (`Store.merging`), so the last of concurrent runs sees every mention."""
    from warwire.merge import control_changes
    from warwire.merge.link import relink, rules_version
    from warwire.store import MENTIONS_CHANGED, MENTIONS_STORED

    with store.merging():
        stored = store.meta(MENTIONS_STORED)
        basis = f"{rules_version()}:{store.meta(MENTIONS_CHANGED)}"
        mentions: list[Mention] = store.mentions()
        articles = {a.id: a for a in store.articles()}
        for m in mentions:  # the article's current wire group, not the one when it was coded
            a = articles.get(m.article)
            if a is not None:
                m.wire_group = a.wire_group or a.id
        known = store.assignments() if store.meta(MERGE_BASIS) == basis else {}
        state = relink(mentions, known)
        events = state.events(articles)
        store.replace_events(events, state.assignments())
        store.replace_control_changes(control_changes(events))
        store.set_meta(MERGE_BASIS, basis)
        store.set_meta(MERGED_STORED, stored)
    return events


def pending_merge(store: Store) -> bool:
    """Mentions stored but not merged yet (a crash between coding and merging leaves some)."""
    from warwire.store import MENTIONS_STORED

    return store.meta(MENTIONS_STORED) != store.meta(MERGED_STORED)


def publish(store: Store, out: Path) -> dict[str, Path]:
    """Write every export format to OUT; returns format -> file."""
    from warwire.publish import write_all

    return write_all(store.events(), out)
