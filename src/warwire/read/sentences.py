"""Sentence and paragraph splitting by rule, before any parsing.

Only sentences that can hold an event are parsed, so splitting must be cheap and must not
depend on the parser. News prose is regular enough for rules: a sentence ends at . ! ? (and
a closing quote) followed by a space and a capital or an opening quote, except after common
abbreviations; a line break always ends a sentence (scraped titles and captions are lines).
Scraped pages often glue paragraphs with no space ("...the officer.The district houses..."): a
stop between a lower-case word and a capitalised word ends a sentence too (see `_GLUED`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ABBREV = {
    "mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "capt", "sgt", "st", "jan", "feb", "mar",
    "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "vs", "u.s", "u.n",
    "u.k", "e.g", "i.e", "inc", "co", "corp", "sen", "rep", "gov", "pres", "prof", "jr", "sr",
    "a.m", "p.m", "approx", "est", "fig", "al", "etc",
}  # fmt: skip

# Paragraphs glued by a scraper: "reported.The bombs", "the killings.Four officers". Two
# lower-case letters before the stop and a capital then a lower-case letter after it, so
# "U.S.Army", "e.g.The" (an abbreviation) and "3.5" are no sentence ends.
_GLUED = r"(?<=[a-z][a-z][.!?])(?=[A-Z][a-z])"
_END = re.compile(r"[.!?][\"'\u201d\u2019)\]]*(?=\s+[\"'\u201c\u2018(\[]?[A-Z0-9])|" + _GLUED)
_LINE = re.compile(r"\n+")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str
    paragraph: int


def _ends_with_abbrev(chunk: str) -> bool:
    m = re.search(r"([A-Za-z][A-Za-z.]*)\.$", chunk)
    if not m:
        return False
    word = m.group(1).lower().rstrip(".")
    return word in _ABBREV or (len(word) == 1 and word.isalpha())


_MONTHS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
}  # fmt: skip
_DAY_AND_YEAR = re.compile(r"\s+\d{1,2}(st|nd|rd|th)?,?\s+(19|20)\d\d\b")


def _month_before_day(piece: str, rest: str) -> bool:
    """ "posted on Wednesday, July. 6, 2016, by ...": a month name with a stray stop, then a
    day and a year, is one date (captions and datelines write it so), not a sentence end."""
    m = re.search(r"([A-Za-z]+)\.$", piece)
    return m is not None and m.group(1).lower() in _MONTHS and _DAY_AND_YEAR.match(rest) is not None


def split_sentences(text: str) -> list[Sentence]:
    """Sentences with character offsets into TEXT; blank lines start a new paragraph."""
    out: list[Sentence] = []
    para = 0
    pos = 0
    for block in _LINE.split(text):
        start = text.find(block, pos) if block else pos
        pos = start + len(block)
        if not block.strip():
            continue
        cut = 0
        for m in _END.finditer(block):
            piece = block[cut : m.end()]
            if _ends_with_abbrev(piece.rstrip("\"'\u201d\u2019)]")):
                continue
            if _month_before_day(piece, block[m.end() :]):
                continue
            _add(out, text, start + cut, start + m.end(), para)
            cut = m.end()
        _add(out, text, start + cut, start + len(block), para)
        para += 1
    return out


def _add(out: list[Sentence], text: str, s: int, e: int, para: int) -> None:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e > s:
        out.append(Sentence(s, e, text[s:e], para))
