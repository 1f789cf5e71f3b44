"""Publication dates: parsing a metadata field, and finding one in scraped text.

The publication day anchors every relative date later ("on Tuesday"), so a wrong one is worse
than none: only full dates (day, month, year) are taken, numeric dates only when the order of
day and month is unambiguous, and in text only where pages print their date (a short line near
the top or bottom, or the very start of the text).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = r"(?P<mon>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_ORD = r"(?:st|nd|rd|th)?"
_DMY = re.compile(
    rf"\b(?P<day>\d{{1,2}}){_ORD}\s+(?:of\s+)?{_MONTH},?\s+(?P<year>\d{{4}})\b", re.IGNORECASE
)
_MDY = re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}}){_ORD},?\s+(?P<year>\d{{4}})\b", re.IGNORECASE)
_YMD = re.compile(r"\b(?P<year>\d{4})[-/.](?P<mon>\d{1,2})[-/.](?P<day>\d{1,2})\b")
_NUMERIC = re.compile(r"\b(?P<a>\d{1,2})[-/.](?P<b>\d{1,2})[-/.](?P<year>\d{4}|\d{2})\b")
_PATTERNS = (_YMD, _DMY, _MDY)

# Words that may stand beside a date on a line that is only a date.
_DATE_LINE_WORDS = re.compile(
    r"\b(?:published|updated|last|posted|modified|on|at|date|created|"
    r"mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday|am|pm|gmt|utc|est|edt|cet|cest|eet|eest|ast|local|time|h)\b",
    re.IGNORECASE,
)
_TIME = re.compile(r"\b\d{1,2}[:.]\d{2}(?::\d{2})?\b|\b[+-]\d{2}:?\d{2}\b")


def _make(year: int, month: int, day: int) -> dt.date | None:
    if not 1900 <= year <= 2100:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _from_match(m: re.Match[str]) -> dt.date | None:
    mon = m.group("mon")
    month = int(mon) if mon.isdigit() else _MONTHS[mon.lower().rstrip(".")]
    return _make(int(m.group("year")), month, int(m.group("day")))


def _numeric(m: re.Match[str], order: str | None = None) -> dt.date | None:
    a, b, year = int(m.group("a")), int(m.group("b")), int(m.group("year"))
    if year < 100:
        year += 2000 if year < 70 else 1900
    if a > 12 >= b:
        return _make(year, b, a)  # day first
    if b > 12 >= a:
        return _make(year, a, b)  # month first
    if a == b:
        return _make(year, a, b)
    if order == "dmy":
        return _make(year, b, a)
    if order == "mdy":
        return _make(year, a, b)
    return None  # 03/04/2021: April or March? Do not guess.


def numeric_order(values: Iterable[str]) -> str | None:
    """ "mdy" or "dmy" when a column's numeric dates show one order only (a first number over
    12 is a day, a second one over 12 is too), else None.

    A file is written by one program in one order: its unambiguous dates ("4/16/17") decide
    the ambiguous ones ("7/5/15") that a lone value could not."""
    day_first = month_first = 0
    for value in values:
        m = _NUMERIC.fullmatch(value.strip())
        if not m:
            continue
        a, b = int(m.group("a")), int(m.group("b"))
        day_first += a > 12 >= b
        month_first += b > 12 >= a
    if month_first and not day_first:
        return "mdy"
    if day_first and not month_first:
        return "dmy"
    return None


def parse_date(value: str, order: str | None = None) -> dt.date | None:
    """A metadata date ("2021-03-08", "2021-03-08T10:00Z", "Feb 27, 2020"); None if unreadable.

    ORDER ("mdy" or "dmy", see `numeric_order`) reads an ambiguous numeric date."""
    value = value.strip()
    if not value:
        return None
    try:
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    found = find_date(value)
    if found:
        return found
    m = _NUMERIC.search(value)
    return _numeric(m, order) if m else None


def find_date(text: str) -> dt.date | None:
    """The first full date (day, month name or number, four-digit year) in TEXT."""
    found: list[tuple[int, dt.date]] = []
    for pat in _PATTERNS:
        for m in pat.finditer(text):
            d = _from_match(m)
            if d:
                found.append((m.start(), d))
                break
    return min(found)[1] if found else None


def is_date_line(line: str) -> bool:
    """A line that is only a date, perhaps with a weekday, a time or "Published"."""
    if len(line.split()) > 10 or not any(ch.isdigit() for ch in line):
        return False
    rest = line
    for pat in (*_PATTERNS, _NUMERIC):
        rest = pat.sub(" ", rest)
    if rest == line:
        return False
    rest = _TIME.sub(" ", _DATE_LINE_WORDS.sub(" ", rest))
    return not re.search(r"[^\W\d_]", rest)


def find_published(text: str) -> dt.date | None:
    """The publication day printed in a scraped page, where pages print it; else None."""
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    for ln in lines[:12] + lines[-6:]:
        if len(ln.split()) <= 10:
            d = find_date(ln)
            if d:
                return d
    head = text.lstrip()[:60]  # a dateline: "Sun 16 Apr 2017 Death toll from ..."
    for pat in _PATTERNS:
        m = pat.search(head)
        if m and m.start() <= 20:
            return _from_match(m)
    return None
