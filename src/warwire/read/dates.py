"""Day expressions in news prose, resolved against the publication day.

War reports date events relative to the day they were written ("late Tuesday", "two weeks
ago", "over 48 hours") or by calendar date without a year ("Feb. 5", "25 January"). Each
expression becomes a DayRef: the best single day, the range that bounds it, and ACLED's time
precision (1 the day is known, 2 within about a week, 3 within a month). Expressions vaguer
than a month ("last year", "since 2011") are not days and are not returned.

Rules, all by regular expression (no parser, no dateparser: it reads "2254" and "M4" as dates):
- a weekday is the most recent such day on or before publication (the publication day itself
  when it is the same weekday); "last Tuesday" is strictly before, "next Tuesday" after;
- a calendar date without a year is the most recent one not after publication + 1 day, unless
  a future cue ("will", "scheduled", "planned", "until", "next" ...) stands before it in its
  clause; future days are then the first on or after publication - 1 (copy often runs a day
  late);
- month names count only when capitalised and dated ("March 5") or introduced ("in March",
  "late May", "March 2011"), so "may be killed" and "march on" are not dates;
- ranges that end at publication ("over 48 hours", "in the past three days") have their end
  as best day, so that the coder, shifting them onto the story's day, dates the figures to it.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from warwire.read.numbers import parse_number
from warwire.read.plain_re import Twin
from warwire.records import DayRef

D = dt.timedelta
MONTH_NAMES = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
}  # fmt: skip
MONTHS = {
    **MONTH_NAMES, "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


def _cased(words: list[str]) -> str:
    """Title Case or UPPER CASE alternatives only: a lower-case "may" or "march" is no month."""
    forms = sorted({f for w in words for f in (w.title(), w.upper())}, key=len, reverse=True)
    return "|".join(forms)


FULL_MONTH = _cased([m for m in MONTHS if len(m) > 4 or m in {"may", "june", "july"}])
ABBR_MONTH = _cased(["jan", "feb", "mar", "apr", "jun", "jul", "aug", "sept", "sep", "oct"])
ABBR_MONTH += "|" + _cased(["nov", "dec"])
# "July. 6, 2016": a full month with a stray stop, when a day and a year follow
STRAY_STOP = rf"(?:{FULL_MONTH})\.(?=\s+\d\d?,?\s+(?:19|20)\d\d)"
MONTH = rf"(?P<mon>{STRAY_STOP}|(?:{FULL_MONTH})\b|(?:{ABBR_MONTH})\b\.?)"
WEEKDAY = rf"(?:{_cased(WEEKDAYS)})"
YEAR = r"(?P<y>(?:19|20)\d\d)(?!\d)"
NUMW = (
    r"(?:\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|"
    r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|"
    r"five|six|seven|eight|nine))?)"
)
VAGUEW = r"(?:a\s+few|several|some|a\s+couple\s+of)"

FUTURE_CUE = re.compile(
    r"\b(will|would|'ll|shall|scheduled|planned|plans?|planning|expected|due|set\s+to|set\s+for|"
    r"slated|upcoming|next|until|till|deadline|resumes?|resuming|postponed|adjourned|ahead\s+of|"
    r"to\s+be\s+held|to\s+take\s+place|is\s+to|are\s+to|to\s+meet|to\s+begin|to\s+start|"
    r"to\s+hold|to\s+resume|urg(e|es|ed|ing))\b",
    re.I,
)
CLAUSE_BREAK = re.compile(r"[,;:.!?\u2014]|\b(and|but|while|whereas|after)\b", re.I)
# Words after "on the 5th" that show it is a day of the month, not "the 5th Corps".
ORD_NEXT_OK = {
    "", "and", "when", "as", "at", "in", "after", "before", "but", "while", "with", "or",
    "the", "a", "an", "where", "which", "that", "to", "near", "against", "amid", "from", "of",
    "this", "last", "morning", "evening", "night", "afternoon",
}  # fmt: skip


@dataclass
class _Hit:
    start: int
    end: int
    day: DayRef


def _ref(
    date: dt.date, text: str, start: dt.date | None = None, end: dt.date | None = None, p: int = 1
) -> DayRef:
    return DayRef(date=date, start=start or date, end=end or date, precision=p, text=text)


def _span_ref(start: dt.date, end: dt.date, best: dt.date, text: str) -> DayRef | None:
    """A range with the precision its length allows; None if vaguer than a month."""
    days = (end - start).days
    if days < 0 or days > 31:
        return None
    p = 1 if days <= 1 else 2 if days <= 7 else 3
    return DayRef(date=best, start=start, end=end, precision=p, text=text)


def _mid(a: dt.date, b: dt.date) -> dt.date:
    return a + D(days=(b - a).days // 2)


def _month_end(y: int, m: int) -> dt.date:
    return dt.date(y, m, calendar.monthrange(y, m)[1])


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _future(sentence: str, start: int) -> bool:
    """A future cue in the clause before START ("talks scheduled for", "suspended until")."""
    window = sentence[max(0, start - 70) : start]
    breaks = list(CLAUSE_BREAK.finditer(window))
    clause = window[breaks[-1].end() :] if breaks else window
    return FUTURE_CUE.search(clause) is not None


def _any_future(sentence: str) -> bool:
    return FUTURE_CUE.search(sentence) is not None


def _year_for(month: int, day: int, pub: dt.date, future: bool) -> dt.date | None:
    """The date of MONTH/DAY nearest publication: the last one not after pub+1, or the first
    one on or after pub-1 when the sentence speaks of the future."""
    for y in [pub.year - 1, pub.year, pub.year + 1] if future else [pub.year + 1, pub.year]:
        d = _safe_date(y, month, day)
        if d is None:
            continue
        if future and d >= pub - D(days=1):
            return d
        if not future and d <= pub + D(days=1):
            return d
    if not future:
        return _safe_date(pub.year - 1, month, day)
    return None


def _weekday(wd: int, pub: dt.date, mode: str) -> dt.date:
    """Weekday WD relative to PUB: 'past' (on or before), 'last' (strictly before),
    'future' (on or after pub-1), 'next' (strictly after)."""
    back = (pub.weekday() - wd) % 7
    if mode == "past":
        return pub - D(days=back)
    if mode == "last":
        return pub - D(days=back or 7)
    fwd = (wd - pub.weekday()) % 7
    if mode == "next":
        return pub + D(days=fwd or 7)
    if back == 1:
        return pub - D(days=1)
    return pub + D(days=fwd)


def _n(word: str) -> int | None:
    w = " ".join(word.lower().split())
    if w in {"a", "an"}:
        return 1
    return parse_number(w)


# --- the patterns ------------------------------------------------------------------------

Handler = Callable[[re.Match[str], str, dt.date], DayRef | None]
# (gate, pattern, handler): the pattern runs only if one of the gate's lower-case substrings
# is in the sentence (or, for the MONTH gate, a capitalised month name): a cheap first test.
_PATTERNS: list[tuple[tuple[str, ...], Twin, Handler]] = []  # ASCII twins: run on every sentence
MONTH_GATE = ("<month>",)
MONTH_FORMS = {f for m in MONTHS for f in (m.title(), m.upper())}
CAPWORD = re.compile(r"[A-Z][A-Za-z]+")
DAY_WORDS = ("day", "night", "week", "month", "hour", "morning", "afternoon", "evening")


def _pattern(gate: tuple[str, ...], regex: str, flags: int = 0) -> Callable[[Handler], Handler]:
    def deco(fn: Handler) -> Handler:
        _PATTERNS.append((gate, Twin(regex, flags), fn))
        return fn

    return deco


@_pattern(
    ("-",),
    r"(?<![\d/.-])(?P<y>(?:19|20)\d\d)-(?P<m>0[1-9]|1[0-2])-(?P<d>[0-3]\d)(?![\d-])",
)
def _iso(m: re.Match[str], sent: str, pub: dt.date) -> DayRef | None:
    d = _safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
    return _ref(d, m.group()) if d else None


def _absolute(
    m: re.Match[str], sent: str, pub: dt.date, month: int, day: int, day2: str | None
) -> DayRef | None:
    if not 1 <= day <= 31:
        return None
    if m["y"]:
        d = _safe_date(int(m["y"]), month, day)
    else:
        future = _future(sent, m.start())
        d = _year_for(month, day, pub, future)
        if d is not None and not future and (pub - d).days > 300 and _any_future(sent):
            ahead = _year_for(month, day, pub, True)
            if ahead is not None and (ahead - pub).days <= 45:
                d = ahead  # "talks on Jan. 25" in a story about the coming talks
    if d is None:
        return None
    text = m.group()
    if day2:
        e = _safe_date(d.year, d.month, int(day2))
        if e is None or e <= d:
            return None
        return _span_ref(d, e, d, text)
    return _ref(d, text)


@_pattern(
    MONTH_GATE,
    rf"(?:\b{WEEKDAY},?\s+)?\b{MONTH}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?"
    rf"(?:\s*[-\u2013]\s*(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?)?(?![\d:])(?:,?\s+{YEAR})?",
)
def _month_day(m: re.Match[str], sent: str, pub: dt.date) -> DayRef | None:
    after = sent[m.end() : m.end() + 3]
    if re.match(r"^[,.]\d", after) or re.match(r"^\s*(%|percent)", after):
        return None
    month = MONTHS[m["mon"].rstrip(".").lower()]
    return _absolute(m, sent, pub, month, int(m["d"]), m["d2"])


@_pattern(
    MONTH_GATE,
    rf"(?:\b{WEEKDAY},?\s+)?(?:\bthe\s+)?(?<![\d,.])\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?"
    rf"(?:\s*[-\u2013]\s*(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?)?\s+(?:of\s+)?{MONTH}"
    rf"(?:,?\s+{YEAR})?",
)
def _day_month(m: re.Match[str], sent: str, pub: dt.date) -> DayRef | None:
    month = MONTHS[m["mon"].rstrip(".").lower()]
    return _absolute(m, sent, pub, month, int(m["d"]), m["d2"])


@_pattern(
    MONTH_GATE,
    rf"(?:\b(?P<pre>(?i:in|during|until|till|by|from|of|throughout|through|last|this|next|"
    rf"early|late|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of))"
    rf"[\s-]+(?:(?P<part>(?i:early|late|mid))[\s-]+)?)?\b(?P<mon>{FULL_MONTH})\b"
    rf"(?:,?\s+{YEAR})?",
)
def _month(m: re.Match[str], sent: str, pub: dt.date) -> DayRef | None:
    pre = " ".join((m["pre"] or "").lower().split())
    if not m["y"] and not pre:
        return None  # a bare "May" or "March" is a word, not a date
    after = sent[m.end() : m.end() + 4]
    if re.match(r"^\s*\d", after):
        return None  # a month with a day is matched by the other patterns
    month = MONTHS[m["mon"].lower()]
    if m["y"]:
        year = int(m["y"])
    elif pre in {"next", "until", "till"} or (pre != "last" and _future(sent, m.start())):
        year = pub.year if month >= pub.month else pub.year + 1
    elif pre == "last":
        year = pub.year if month < pub.month else pub.year - 1
    elif pre == "this":
        year = pub.year
    else:
        year = pub.year if month <= pub.month else pub.year - 1
    first, last = dt.date(year, month, 1), _month_end(year, month)
    part = (m["part"] or (pre if pre in {"early", "late", "mid"} else "")).lower()
    part = {"the end of": "late", "the beginning of": "early", "the start of": "early"}.get(
        pre, part
    )
    if pre == "the middle of":
        part = "mid"
    if part == "early":
        last = dt.date(year, month, 10)
    elif part == "mid":
        first, last = dt.date(year, month, 11), dt.date(year, month, 20)
    elif part == "late":
        first = dt.date(year, month, 21)
    if first <= pub < last and not _future(sent, m.start()):
        last = pub
    start = m.start("part") if m["part"] else m.start("mon")
    if pre in {"last", "this", "next", "early", "late", "mid"} or pre.startswith("the "):
        start = m.start("pre")
    text = sent[start : m.end()]
    return DayRef(date=_mid(first, last), start=first, end=last, precision=3, text=text)


@_pattern(
    ("st", "nd", "rd", "th"),
    r"\b(?P<pre>on|by|from)\s+(?P<body>the\s+(?P<d>\d{1,2})(?:st|nd|rd|th))\b",
    re.I,
)
def _ordinal(m: re.Match[str], sent: str, pub: dt.date) -> DayRef | None:
    nxt = re.match(r"\s*([A-Za-z]+|[^\sA-Za-z]?)", sent[m.end() :])
    word = nxt.group(1) if nxt else ""
    if word[:1].isalpha() and (word[0].isupper() or word.lower() not in ORD_NEXT_OK):
        return None  # "the 5th Corps", "the 25th anniversary"
    if word and not word[0].isalpha() and word not in {",", ".", ";", ")", "!", "?", "\u2014"}:
        return None  # "the 5th-century", "the 5th 3"
    day = int(m["d"])
    future = _future(sent, m.start())
    months = [(pub.year, pub.month)]
    prev = pub.replace(day=1) - D(days=1)
    nxt_m = _month_end(pub.year, pub.month) + D(days=1)
    months = [(pub.year, pub.month), (nxt_m.year, nxt_m.month)] if future else months
    months += [(prev.year, prev.month)] if not future else []
    for y, mo in months:
        d = _safe_date(y, mo, day)
        if d is None:
            continue
        if (future and d >= pub - D(days=1)) or (not future and d <= pub + D(days=1)):
            return _ref(d, m["body"])
    return None


@_pattern(
    ("day",),
    rf"\b(?:(?P<mod>(?i:late|early|last|this|next|overnight))\s+(?:(?i:on)\s+)?)?"
    rf"(?:(?i:on)\s+)?(?P<wd>{WEEKDAY})\b(?:['\u2019]s)?"
    rf"(?:\s+(?P<tod>(?i:morning|afternoon|evening|night)))?",
)
def _weekday_hit(m: re.Match[str], sent: str, pub: dt.date) -> DayRef | None:
    wd = WEEKDAYS.index(m["wd"].lower())
    mod = (m["mod"] or "").lower()
    if mod == "last":
        d = _weekday(wd, pub, "last")
    elif mod == "next":
        d = _weekday(wd, pub, "next")
    elif _future(sent, m.start()) and mod != "overnight":
        d = _weekday(wd, pub, "future")
    else:
        d = _weekday(wd, pub, "past")
    start = m.start("mod") if m["mod"] else m.start("wd")
    return _ref(d, sent[start : m.end()])


@_pattern(
    ("weekend",),
    r"\b(?:(?P<mod>last|this|over\s+the|during\s+the|at\s+the)\s+)weekend\b",
    re.I,
)
def _weekend(m: re.Match[str], sent: str, pub: dt.date) -> DayRef | None:
    sat = _weekday(5, pub, "past")
    if m["mod"].lower() == "last" and sat == pub:
        sat -= D(days=7)
    end = min(sat + D(days=1), pub)
    return DayRef(date=sat, start=sat, end=end, precision=2, text=m.group())


_SIMPLE: dict[str, tuple[int, int, int, int]] = {
    # phrase -> (best, start, end offsets from the anchor in days, precision)
    "today": (0, 0, 0, 1),
    "tonight": (0, 0, 0, 1),
    "this morning": (0, 0, 0, 1),
    "this afternoon": (0, 0, 0, 1),
    "this evening": (0, 0, 0, 1),
    "earlier today": (0, 0, 0, 1),
    "yesterday": (-1, -1, -1, 1),
    "yesterday morning": (-1, -1, -1, 1),
    "yesterday afternoon": (-1, -1, -1, 1),
    "yesterday evening": (-1, -1, -1, 1),
    "the day before yesterday": (-2, -2, -2, 1),
    "last night": (-1, -1, -1, 1),
    "late last night": (-1, -1, -1, 1),
    "overnight": (-1, -1, 0, 1),
    "the previous day": (-1, -1, -1, 1),
    "the preceding day": (-1, -1, -1, 1),
    "the day before": (-1, -1, -1, 1),
    "the previous night": (-1, -1, -1, 1),
    "the night before": (-1, -1, -1, 1),
    "a day earlier": (-1, -1, -1, 1),
    "a day before": (-1, -1, -1, 1),
    "one day earlier": (-1, -1, -1, 1),
    "one day before": (-1, -1, -1, 1),
    "a day prior": (-1, -1, -1, 1),
    "the day prior": (-1, -1, -1, 1),
    "one day prior": (-1, -1, -1, 1),
    "the following day": (1, 1, 1, 1),
    "the next day": (1, 1, 1, 1),
    "the day after": (1, 1, 1, 1),
    "a day later": (1, 1, 1, 1),
    "a day after": (1, 1, 1, 1),
    "one day later": (1, 1, 1, 1),
    "one day after": (1, 1, 1, 1),
    "the following morning": (1, 1, 1, 1),
    "the next morning": (1, 1, 1, 1),
    "hours later": (0, 0, 0, 1),
    "hours after": (0, 0, 0, 1),
    "hours earlier": (0, 0, 0, 1),
    "hours before": (0, 0, 0, 1),
    "days after": (2, 1, 3, 2),
    "days later": (2, 1, 3, 2),
    "days earlier": (-2, -3, -1, 2),
    "days before": (-2, -3, -1, 2),
    "days ago": (-2, -3, -1, 2),
    "in recent days": (-3, -6, 0, 2),
    "the previous week": (-7, -10, -4, 2),
    "the week before": (-7, -10, -4, 2),
    "a week earlier": (-7, -10, -4, 2),
    "a week before": (-7, -10, -4, 2),
    "a week ago": (-7, -10, -4, 2),
    "a week later": (7, 4, 10, 2),
    "the following week": (7, 4, 10, 2),
}
_SIMPLE_RE = "|".join(
    re.escape(k).replace(r"\ ", r"\s+") for k in sorted(_SIMPLE, key=len, reverse=True)
)


@_pattern(DAY_WORDS, rf"\b(?:{_SIMPLE_RE})\b", re.I)
def _simple(m: re.Match[str], sent: str, pub: dt.date) -> DayRef | None:
    key = " ".join(m.group().lower().split())
    best, a, b, p = _SIMPLE[key]
    return DayRef(pub + D(days=best), pub + D(days=a), pub + D(days=b), p, m.group())


@_pattern(
    ("ago", "earlier", "before", "later", "after", "prior"),
    rf"\b(?P<n>{NUMW}|{VAGUEW})\s+(?P<unit>hours?|days?|weeks?|months?)\s+"
    rf"(?P<dir>ago|earlier|before|later|after|prior)\b(?!\s+to\b)",
    re.I,
)
def _n_units(m: re.Match[str], sent: str, pub: dt.date) -> DayRef | None:
    """ "Two days ago", "three days later", "two days prior" (told back from the story's day:
    "Two days prior, bodies were found"; "prior to" opens a phrase and is left alone)."""
    unit = m["unit"].lower().rstrip("s")
    sign = -1 if m["dir"].lower() in {"ago", "earlier", "before", "prior"} else 1
    nword = " ".join(m["n"].lower().split())
    vague = nword in {"a few", "several", "some", "a couple of"}
    n = {"a couple of": 2}.get(nword, 3 if vague else _n(nword))
    if n is None:
        return None
    text = m.group()
    if unit == "hour":
        best = pub + D(days=sign * (n // 24))
        return _ref(best, text)
    if unit == "day":
        best = pub + D(days=sign * n)
        if vague:
            lo, hi = sorted([pub + D(days=sign * 2), pub + D(days=sign * 7)])
            return DayRef(_mid(lo, hi), lo, hi, 2, text)
        return _ref(best, text)
    if unit == "week":
        best = pub + D(days=sign * 7 * n)
        if vague:
            lo, hi = sorted([pub + D(days=sign * 14), pub + D(days=sign * 28)])
            return DayRef(_mid(lo, hi), lo, hi, 3, text)
        return DayRef(best, best - D(days=3), best + D(days=3), 2, text)
    if n > 3 or vague:
        return None  # vaguer than ACLED's month precision allows
    best = pub + D(days=sign * 30 * n)
    return DayRef(best, best - D(days=15), best + D(days=15), 3, text)


@_pattern(
    DAY_WORDS,
    rf"\b(?:(?:in|over|during|within|for)\s+)?(?:the\s+(?:past|last)|past)\s+"
    rf"(?:(?P<n>{NUMW}|few|several|couple\s+of)\s+)?(?P<unit>hours?|days?|weeks?|month)\b"
    rf"|\b(?:over|in|within)\s+(?P<n2>\d{{1,3}}|{NUMW})\s+(?P<unit2>hours|days)\b",
    re.I,
)
def _duration(m: re.Match[str], sent: str, pub: dt.date) -> DayRef | None:
    unit = (m["unit"] or m["unit2"]).lower().rstrip("s")
    raw = " ".join((m["n"] or m["n2"] or "").lower().split())
    if m["unit2"] and (
        re.match(r"^\s*(of|later|after|before|earlier|ago)\b", sent[m.end() :])
        or _future(sent, m.start())
    ):
        return None  # "in 48 hours of fighting", "will withdraw within 48 hours"
    if raw in {"few", "several"}:
        n = 3
    elif raw == "couple of":
        n = 2
    elif raw:
        n = _n(raw)
    elif (m["unit"] or "").lower().endswith("s"):
        n = {"hour": 1, "day": 3}.get(unit)  # "the past days"; "the past weeks" is vaguer
    else:
        n = 1
    if n is None:
        return None
    days = {"hour": -(-n // 24), "day": n, "week": 7 * n, "month": 30 * n}[unit]
    return _span_ref(pub - D(days=days), pub, pub, m.group())


@_pattern(
    ("week", "month"),
    r"\b(?P<which>earlier\s+this|this|later\s+this|last|next)\s+(?P<unit>week|month)\b",
    re.I,
)
def _calendar(m: re.Match[str], sent: str, pub: dt.date) -> DayRef | None:
    which = " ".join(m["which"].lower().split())
    text = m.group()
    if m["unit"].lower() == "week":
        monday = pub - D(days=pub.weekday())
        lo, hi = {
            "this": (monday, pub),
            "earlier this": (monday, max(monday, pub - D(days=1))),
            "later this": (pub + D(days=1), monday + D(days=6)),
            "last": (monday - D(days=7), monday - D(days=1)),
            "next": (monday + D(days=7), monday + D(days=13)),
        }[which]
        if hi < lo:
            return None
        return DayRef(_mid(lo, hi), lo, hi, 2, text)
    first = pub.replace(day=1)
    if which == "last":
        hi = first - D(days=1)
        lo = hi.replace(day=1)
    elif which == "next":
        lo = _month_end(pub.year, pub.month) + D(days=1)
        hi = _month_end(lo.year, lo.month)
    elif which == "later this":
        lo, hi = pub + D(days=1), _month_end(pub.year, pub.month)
    elif which == "earlier this":
        lo, hi = first, max(first, pub - D(days=1))
    else:
        lo, hi = first, pub
    if hi < lo:
        return None
    return DayRef(_mid(lo, hi), lo, hi, 3, text)


# --- scanning ----------------------------------------------------------------------------

SINCE = re.compile(r"\bsince\s+$", re.I)


def _since(hit: _Hit, sent: str, pub: dt.date) -> _Hit | None:
    """ "since Monday": the range from that day to publication."""
    m = SINCE.search(sent[max(0, hit.start - 10) : hit.start])
    if not m:
        return hit
    start = max(0, hit.start - 10) + m.start()
    text = sent[start : hit.end]
    ref = _span_ref(hit.day.start, pub, hit.day.start, text)
    return _Hit(start, hit.end, ref) if ref else None


def find_days(text: str, published: dt.date) -> list[tuple[int, int, DayRef]]:
    """Every day expression in TEXT as (start, end, DayRef), resolved against PUBLISHED."""
    cands: list[_Hit] = []
    lower = text.lower()
    has_month = not MONTH_FORMS.isdisjoint(CAPWORD.findall(text))
    for gate, rx, handler in _PATTERNS:
        if not (has_month if gate is MONTH_GATE else any(g in lower for g in gate)):
            continue
        for m in rx.finditer(text):
            ref = handler(m, text, published)
            if ref is None:
                continue
            s = m.start() + (len(m.group()) - len(m.group().lstrip()))
            if ref.text:
                pos = text.find(ref.text, m.start(), m.end())
                s = pos if pos >= 0 else s
            e = s + len(ref.text) if ref.text else m.end()
            cands.append(_Hit(s, e, ref))
    cands.sort(key=lambda h: (h.start, -(h.end - h.start)))
    chosen: list[_Hit] = []
    for h in cands:
        if chosen and h.start < chosen[-1].end:
            continue
        chosen.append(h)
    out: list[tuple[int, int, DayRef]] = []
    for h in chosen:
        since = _since(h, text, published)
        if since is not None:
            out.append((since.start, since.end, since.day))
    return out


def resolve_day(text: str, anchor: dt.date) -> DayRef | None:
    """The first day expression in TEXT resolved against ANCHOR, or None."""
    hits = find_days(text, anchor)
    return hits[0][2] if hits else None


def shift(day: DayRef, anchor: dt.date) -> DayRef:
    """Re-anchor a relative expression ("a day after", "48 hours later") on ANCHOR, the
    story's day, instead of publication; DAY itself if its words cannot be read again."""
    return resolve_day(day.text, anchor) or day


FULL_DATE = [
    re.compile(r"(?<![\d/.-])(?P<y>(?:19|20)\d\d)-(?P<m>0[1-9]|1[0-2])-(?P<d>[0-3]\d)(?![\d-])"),
    re.compile(rf"\b{MONTH}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+{YEAR}"),
    re.compile(rf"(?<![\d,.])\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH},?\s+{YEAR}"),
]


def date_from_text(text: str) -> dt.date | None:
    """The first full date (with a year) in TEXT, e.g. a dateline "13 January, 2016"."""
    found: list[tuple[int, dt.date]] = []
    for rx in FULL_DATE:
        for m in rx.finditer(text):
            month = int(m["m"]) if "m" in m.groupdict() else MONTHS[m["mon"].rstrip(".").lower()]
            d = _safe_date(int(m["y"]), month, int(m["d"]))
            if d is not None:
                found.append((m.start(), d))
                break
    return min(found)[1] if found else None
