"""One reader per input format, each turning a file into raw records (or errors).

A record is what the file says about one article before cleaning: its raw text or HTML and
whatever metadata came with it. Each reader reports a bad record and goes on with the next,
so one broken line costs one article, not the file.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import sys
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from warwire.ingest.dates import numeric_order, parse_date
from warwire.ingest.decode import NotText, prose_problem, read_text
from warwire.ingest.html import truncation
from warwire.ingest.manifest import MANIFEST, Entry
from warwire.records import IngestError

# Column names accepted for each field in JSONL and CSV (first non-empty wins).
FIELDS: dict[str, tuple[str, ...]] = {
    "id": ("id", "article_id", "doc_id", "unit_id"),
    "url": ("url", "link", "source_url"),
    "outlet": ("outlet", "source", "sitename", "site", "publisher"),
    "published": ("published", "date", "published_at", "pub_date", "publication_date"),
    "title": ("title", "headline", "article_title"),
    "text": ("text", "content", "body", "article_content", "article_text"),
    "html": ("html", "raw_html"),
}


@dataclass
class Record:
    """One article as the file gives it, before extraction and cleaning."""

    id: str
    source_file: str
    text: str = ""
    html: str = ""
    title: str = ""
    url: str = ""
    outlet: str = ""
    published: dt.date | None = None
    guess_title: bool = False  # raw text whose first line may be the headline
    line: int | None = None  # the record's line in a JSONL or CSV file


Item = Record | IngestError


def read_file(
    path: Path, entry: Entry | None, max_bytes: int, name: str | None = None
) -> Iterator[Item]:
    """Records of one file; ENTRY is its manifest row, if any. NAME is the file's id without a
    manifest (its path relative to the ingested folder, suffix dropped; default: its stem)."""
    where = str(path)
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        yield IngestError(where, f"unsupported file type {path.suffix or '(none)'!r}")
        return
    try:
        text, _ = read_text(path, max_bytes)
    except NotText as e:
        yield IngestError(where, str(e))
        return
    yield from reader(path, text, entry, name or path.stem)


def _single(
    path: Path, entry: Entry | None, name: str, *, text: str = "", html: str = ""
) -> Record:
    """The one article of a .txt or .html file, with its manifest row's metadata."""
    e = entry or Entry(id=name)
    return Record(
        id=e.id,
        source_file=str(path),
        text=text,
        html=html,
        title=e.title,
        url=e.url,
        outlet=e.outlet,
        published=e.published,
    )


def read_txt(path: Path, text: str, entry: Entry | None, name: str) -> Iterator[Item]:
    problem = prose_problem(text)
    if problem:
        yield IngestError(str(path), problem)
        return
    rec = _single(path, entry, name, text=text)
    rec.guess_title = not rec.title
    yield rec


def read_html(path: Path, text: str, entry: Entry | None, name: str) -> Iterator[Item]:
    problem = truncation(text)
    if problem:
        yield IngestError(str(path), problem)
        return
    yield _single(path, entry, name, html=text)


def _value(obj: Mapping[str, Any], field: str) -> str:
    for key in FIELDS[field]:
        v = obj.get(key)
        if v is None or isinstance(v, dict | list):
            continue
        s = str(v).strip()
        if s:
            return s
    return ""


def _from_mapping(
    obj: Mapping[str, Any],
    path: Path,
    line: int,
    entry: Entry | None,
    name: str,
    order: str | None = None,
) -> Iterator[Item]:
    """A JSONL object or CSV row as a record; a bad date is reported but the record kept."""
    where = str(path)
    text, html = _value(obj, "text"), _value(obj, "html")
    if not text and not html:
        yield IngestError(where, "record has no text or html", line)
        return
    if html and not text:
        problem = truncation(html)
        if problem:
            yield IngestError(where, problem, line)
            return
    published_raw = _value(obj, "published")
    published = parse_date(published_raw, order) if published_raw else None
    if published_raw and published is None:
        yield IngestError(
            where, f"unreadable published date {published_raw!r}; record read without it", line
        )
    yield Record(
        id=_value(obj, "id") or f"{name}:{line}",
        source_file=where,
        text=text,
        html="" if text else html,
        title=_value(obj, "title"),
        url=_value(obj, "url") or (entry.url if entry else ""),
        outlet=_value(obj, "outlet") or (entry.outlet if entry else ""),
        published=published or (entry.published if entry and not published_raw else None),
        guess_title=False,
        line=line,
    )


def _jsonl_dates(text: str) -> Iterator[str]:
    """The published values of a JSONL file, for `numeric_order` (bad lines skipped)."""
    for line in text.split("\n"):
        if '"' not in line:
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError:
            continue
        if isinstance(obj, dict):
            yield _value(obj, "published")


def _csv_dates(text: str, header: list[str]) -> Iterator[str]:
    """The published values of a CSV file, for `numeric_order` (stops at a malformed row)."""
    cols = [i for i, h in enumerate(header) if h in FIELDS["published"]]
    if not cols:
        return
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        next(reader)
        for row in reader:
            for i in cols:
                if i < len(row) and row[i].strip():
                    yield row[i]
                    break
    except csv.Error:
        return


def read_jsonl(path: Path, text: str, entry: Entry | None, name: str) -> Iterator[Item]:
    where = str(path)
    records = 0
    order = numeric_order(_jsonl_dates(text))
    for n, line in enumerate(text.split("\n"), 1):  # not splitlines: U+2028 is valid in JSON
        line = line.strip()
        if not line:
            continue
        records += 1
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            yield IngestError(where, f"invalid JSON: {e.msg} (column {e.colno})", n)
            continue
        if not isinstance(obj, dict):
            yield IngestError(where, f"expected a JSON object, got {type(obj).__name__}", n)
            continue
        yield from _from_mapping(obj, path, n, entry, name, order)
    if records == 0:
        yield IngestError(where, "no records (only blank lines)")


def read_csv(path: Path, text: str, entry: Entry | None, name: str) -> Iterator[Item]:
    where = str(path)
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = [h.strip().lower().lstrip("\ufeff") for h in next(reader)]
    except (StopIteration, csv.Error) as e:
        yield IngestError(where, f"unreadable CSV header: {e or 'no header'}", 1)
        return
    if not set(header) & set(FIELDS["text"] + FIELDS["html"]):
        hint = f"; a metadata file must be named {MANIFEST}" if "file" in header else ""
        yield IngestError(where, f"CSV has no text or html column{hint}", 1)
        return
    order = numeric_order(_csv_dates(text, header))
    rows = 0
    broken = False
    while True:
        start = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as e:
            yield IngestError(where, f"malformed CSV ({e}); rest of file skipped", start)
            broken = True
            break
        if not any(cell.strip() for cell in row):
            continue
        rows += 1
        if len(row) != len(header):
            yield IngestError(
                where, f"row has {len(row)} fields where the header has {len(header)}", start
            )
            continue
        yield from _from_mapping(
            dict(zip(header, row, strict=True)), path, start, entry, name, order
        )
    if rows == 0 and not broken:
        yield IngestError(where, "no records (header only)")


READERS: dict[str, Callable[[Path, str, Entry | None, str], Iterator[Item]]] = {
    ".txt": read_txt,
    ".html": read_html,
    ".htm": read_html,
    ".jsonl": read_jsonl,
    ".csv": read_csv,
}
