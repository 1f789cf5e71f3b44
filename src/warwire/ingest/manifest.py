"""`manifest.csv`: metadata for the article files beside it (see spec/EVENTS.md).

Columns: id, file, url, outlet, published, title (others ignored). A row's file is relative to
the manifest's folder; a row without a file names one by its id (`seed-004` -> `seed-004.txt`).
A row naming a missing file is an error on that row. A row whose published date cannot be read
is kept: its article is read without that date (then the date is looked for in the text), and
the bad date is reported as an error naming the row when the article is read, so the batch
still says that something needs fixing.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
from dataclasses import dataclass
from pathlib import Path

from warwire.ingest.dates import parse_date
from warwire.ingest.decode import NotText, read_text
from warwire.records import IngestError

MANIFEST = "manifest.csv"
SINGLE = (".txt", ".html", ".htm")  # one article per file: the manifest row describes it
MULTI = (".jsonl", ".csv")  # many records per file: the row gives defaults only
SUPPORTED = SINGLE + MULTI


@dataclass
class Entry:
    """One manifest row, for the file it names."""

    id: str
    url: str = ""
    outlet: str = ""
    published: dt.date | None = None
    title: str = ""
    manifest: str = ""
    line: int = 0
    date_error: str = ""  # set when the row's published value could not be read

    def date_problem(self) -> IngestError | None:
        if not self.date_error:
            return None
        return IngestError(self.manifest, self.date_error, self.line)


def safe_key(path: Path) -> Path:
    """PATH resolved, or made absolute when it cannot be (a symlink loop): never raises."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # RuntimeError: "Symlink loop" (Python 3.11-3.12)
        return Path(os.path.abspath(path))


def _find_by_id(folder: Path, article_id: str) -> Path | None:
    for ext in SUPPORTED:
        cand = folder / f"{article_id}{ext}"
        if cand.is_file():
            return cand
    return None


def load_manifest(path: Path, max_bytes: int) -> tuple[dict[Path, Entry], list[IngestError]]:
    """Rows keyed by the resolved path of the file they describe, and the rows' errors."""
    where = str(path)
    try:
        text, _ = read_text(path, max_bytes)
    except NotText as e:
        return {}, [IngestError(where, f"manifest: {e}")]
    reader = csv.DictReader(io.StringIO(text, newline=""), strict=True)
    fields = {(f or "").strip().lower().lstrip("\ufeff") for f in reader.fieldnames or []}
    if not fields & {"file", "id"}:
        return {}, [IngestError(where, "manifest has neither a 'file' nor an 'id' column", 1)]
    entries: dict[Path, Entry] = {}
    first_line: dict[Path, int] = {}
    errors: list[IngestError] = []
    folder = path.parent
    try:
        for raw in reader:
            line = reader.line_num
            row = {
                (k or "").strip().lower().lstrip("\ufeff"): (v or "").strip()
                for k, v in raw.items()
                if isinstance(v, str)
            }
            name, rid = row.get("file", ""), row.get("id", "")
            if not name and not rid:
                if any(row.values()):
                    errors.append(IngestError(where, "row has neither a file nor an id", line))
                continue
            target = folder / name if name else _find_by_id(folder, rid)
            if target is None or not target.is_file():
                shown = name or f"{rid}.*"
                errors.append(IngestError(where, f"listed file {shown!r} not found", line))
                continue
            if target.suffix.lower() not in SUPPORTED:
                errors.append(
                    IngestError(where, f"listed file {name!r}: unsupported file type", line)
                )
                continue
            key = safe_key(target)
            if key in entries:
                errors.append(
                    IngestError(
                        where, f"{name!r} listed twice (first on line {first_line[key]})", line
                    )
                )
                continue
            published_raw = row.get("published", "")
            published = parse_date(published_raw) if published_raw else None
            entries[key] = Entry(
                id=rid or target.stem,
                url=row.get("url", ""),
                outlet=row.get("outlet", ""),
                published=published,
                title=row.get("title", ""),
                manifest=where,
                line=line,
                date_error=(
                    f"unreadable published date {published_raw!r}; article read without it"
                    if published_raw and published is None
                    else ""
                ),
            )
            first_line[key] = line
    except csv.Error as e:
        errors.append(IngestError(where, f"malformed CSV ({e}); rest of manifest skipped"))
    return entries, errors
