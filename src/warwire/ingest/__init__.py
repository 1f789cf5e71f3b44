"""Ingest: files in, clean `Article` records out; bad input reported, never fatal.

`iter_articles(path)` walks a file or a folder (recursively, in sorted order, hidden files and
unknown file types skipped), applies each folder's `manifest.csv`, reads every `.txt`, `.html`,
`.jsonl` and `.csv` file, extracts and cleans the text, and yields one `Article` per story or
one `IngestError` per file or record that could not be read. Storing and wire-copy grouping
happen in `warwire.pipeline.ingest`.
"""

from __future__ import annotations

import errno
import hashlib
import os
import re
from collections.abc import Iterator
from pathlib import Path

from warwire.ingest.clean import classify, clean_text
from warwire.ingest.dates import find_published
from warwire.ingest.html import extract
from warwire.ingest.language import detect_language
from warwire.ingest.manifest import MANIFEST, SUPPORTED, Entry, load_manifest, safe_key
from warwire.ingest.readers import Record, read_file
from warwire.records import Article, IngestError

__all__ = ["iter_articles", "build_article", "safe_key", "MAX_BYTES", "MAX_ARTICLE_CHARS"]

MAX_BYTES = 50_000_000  # a file (a CSV or JSONL may hold thousands of articles)
# One article's cleaned text: reading and coding cost grows with it (a 50 MB "article" once
# gave 90,000 mentions and 5 GB), so past this it is refused. A long feature runs to 50,000
# characters; 100,000 are read and coded in about 5 s (one core) and about 300 MB.
MAX_ARTICLE_CHARS = 100_000
_TITLE_END = re.compile(r"[.;:,][\"'\u201d\u2019)\]]*$")


def _folder_error(e: OSError) -> IngestError:
    """One line for a folder os.walk could not list (permissions, a loop, gone meanwhile)."""
    return IngestError(str(e.filename or ""), f"cannot read folder: {e.strerror or e}")


def _discover(root: Path) -> tuple[list[Path], list[Path], bool, list[IngestError]]:
    """(article files, manifests, whether manifest errors concern this run, folder errors).

    Symlinked folders are not followed (no loops); a folder that cannot be listed is an error
    of its own and the walk goes on with the rest."""
    if root.is_file():
        if root.name.lower() == MANIFEST:
            return [], [root], True, []
        beside = root.parent / MANIFEST
        return [root], [beside] if beside.is_file() else [], False, []
    files: list[Path] = []
    manifests: list[Path] = []
    errors: list[IngestError] = []
    for folder, dirs, names in os.walk(root, onerror=lambda e: errors.append(_folder_error(e))):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in names:
            if name.startswith("."):
                continue
            p = Path(folder) / name
            if name.lower() == MANIFEST:
                manifests.append(p)
            elif p.suffix.lower() in SUPPORTED:
                files.append(p)

    def key(p: Path) -> str:
        return p.relative_to(root).as_posix()

    return sorted(files, key=key), sorted(manifests, key=key), True, errors


def _guess_title(raw: str) -> str:
    """The first kept line, when it is shaped like a headline (short, no closing stop) and
    more text follows it: a lone line is the story, not its title."""
    kept = [ln.text for ln in classify(raw) if not ln.reason]
    if len(kept) < 2:
        return ""
    first = kept[0]
    if 2 <= len(first.split()) <= 20 and not _TITLE_END.search(first):
        return first
    return ""


def _too_long(rec: Record, chars: int) -> IngestError:
    return IngestError(
        rec.source_file,
        f"{rec.id}: article text is {chars:,} characters, over the limit of "
        f"{MAX_ARTICLE_CHARS:,} for one article; skipped (split it into articles)",
        rec.line,
    )


def build_article(rec: Record) -> Article | IngestError:
    """Extract (HTML), title, clean, date and hash one record."""
    title, url, outlet, published = rec.title, rec.url, rec.outlet, rec.published
    raw = rec.text
    if rec.html:
        page = extract(rec.html, url)
        if page is None:
            return IngestError(rec.source_file, "no article text found in the HTML")
        raw = page.text
        title = title or page.title
        url = url or page.url
        outlet = outlet or page.sitename
        published = published or page.published
    if not title and rec.guess_title:
        title = _guess_title(raw)
    if len(raw) > 4 * MAX_ARTICLE_CHARS:  # do not even clean it
        return _too_long(rec, len(raw))
    text = clean_text(raw, title)
    if not text:
        return IngestError(rec.source_file, f"{rec.id}: no article text left after cleaning")
    if len(text) > MAX_ARTICLE_CHARS:
        return _too_long(rec, len(text))
    return Article(
        id=rec.id,
        text=text,
        title=title,
        url=url,
        outlet=outlet,
        published=published or find_published(raw),
        language=detect_language(text),
        source_file=os.path.abspath(rec.source_file),
        content_hash=hashlib.sha256(text.encode("utf-8")).hexdigest(),
    )


def _missing(path: Path) -> str:
    """Why PATH, which does not exist as far as Path.exists can tell, cannot be read."""
    if not path.is_symlink():
        return "no such file or folder"
    try:
        os.stat(path)
    except OSError as e:
        if e.errno == errno.ELOOP:
            return f"cannot read: {e.strerror} (a symlink loop)"
        return f"cannot read: broken symbolic link ({e.strerror})"
    return "no such file or folder"


def _name(f: Path, root: Path) -> str:
    """A file's id without a manifest: its path relative to the ingested folder, suffix
    dropped ("sub/report" for sub/report.txt), so two folders' report.txt differ."""
    try:
        rel = f.relative_to(root)
    except ValueError:
        return f.stem
    return rel.with_suffix("").as_posix() if rel.suffix else rel.as_posix()


def iter_articles(
    path: Path, *, max_bytes: int = MAX_BYTES, root: Path | None = None
) -> Iterator[Article | IngestError]:
    """Every article under PATH, in a fixed order, with an IngestError for each failure.

    Ids come from the manifest, the record's id field, or the file's path relative to ROOT
    (default: PATH, or a file's own folder). An id seen twice in one file is an error naming
    both lines; the same id from two files is left to the store (see `Store.claim_id`)."""
    path = Path(path)
    if not path.exists():
        yield IngestError(str(path), _missing(path))
        return
    files, manifests, report_rows, folder_errors = _discover(path)
    yield from folder_errors
    base = root if root is not None else (path.parent if path.is_file() else path)
    entries: dict[Path, Entry] = {}
    for m in manifests:
        rows, errors = load_manifest(m, max_bytes)
        if report_rows:
            yield from errors
        entries.update(rows)
    if path.is_file() and path.name.lower() == MANIFEST:
        files = sorted(entries, key=lambda p: entries[p].line)
    if not path.is_file():
        walked = {safe_key(f) for f in files}
        for key, e in entries.items():
            if key not in walked:
                yield IngestError(
                    e.manifest, f"listed file {key} not read: outside {path} or hidden", e.line
                )
    for f in files:
        entry = entries.get(safe_key(f))
        problem = entry.date_problem() if entry is not None else None
        if problem is not None:
            yield problem
        seen: dict[str, int | None] = {}  # id -> line, within this file
        for item in read_file(f, entry, max_bytes, _name(f, base)):
            if isinstance(item, IngestError):
                yield item
                continue
            line = item.line
            if item.id in seen:
                first = seen[item.id]
                yield IngestError(
                    item.source_file,
                    f"duplicate article id {item.id!r} (first on line {first}); record skipped"
                    if first
                    else f"duplicate article id {item.id!r}; record skipped",
                    line,
                )
                continue
            seen[item.id] = line
            yield build_article(item)
