"""Main text and page metadata from an HTML page, with trafilatura.

trafilatura drops navigation, scripts and comments and keeps the story's paragraphs, one per
line; the page's own metadata gives the title, the publication date and the site name. A page
cut off mid-download still parses (HTML parsers forgive anything), so truncation is checked
on the raw markup first: otherwise half a story would be stored as if it were whole.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from warwire.ingest.dates import parse_date

_OPEN = {
    "html": re.compile(r"<html[\s>]", re.IGNORECASE),
    "body": re.compile(r"<body[\s>]", re.IGNORECASE),
}


@dataclass
class Page:
    text: str
    title: str = ""
    published: dt.date | None = None
    sitename: str = ""
    url: str = ""


def truncation(html: str) -> str:
    """Why HTML looks cut off ("" when it looks whole)."""
    tail = html.rstrip()
    if tail.rfind("<") > tail.rfind(">"):
        return "truncated HTML: the file ends inside a tag"
    low = html.lower()
    for tag, opening in _OPEN.items():
        if opening.search(html) and f"</{tag}>" not in low:
            return f"truncated HTML: <{tag}> is never closed"
    return ""


def extract(html: str, url: str = "") -> Page | None:
    """The page's main text and metadata, or None when no main text is found."""
    from trafilatura import bare_extraction

    doc = bare_extraction(
        html,
        url=url or None,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_images=False,
        favor_recall=True,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if doc is None:
        return None
    data = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    text = data.get("text") or ""
    if not text.strip():
        return None
    date = data.get("date") or ""
    return Page(
        text=text,
        title=(data.get("title") or "").strip(),
        published=parse_date(date) if date else None,
        sitename=(data.get("sitename") or "").strip(),
        url=(data.get("url") or "").strip(),
    )
