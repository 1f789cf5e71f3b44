"""Coding one invented article, the helper the coder's rule tests share.

`code` codes a text; `without` and `arriving` let a pass's tests show what that one pass does:
the article coded with the pass left out, and the candidates as they reach the pass.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace

from warwire.code import code_article
from warwire.code.candidates import Candidate, SentenceContext
from warwire.code.coder import ArticleCoder
from warwire.code.context import DayHit
from warwire.code.passes import PASSES, Pass
from warwire.records import Article, DayRef, Mention

WED = dt.date(2021, 3, 10)  # a Wednesday: relative days in the tests resolve against it


def code(text: str, published: dt.date = WED, title: str = "") -> list[Mention]:
    art = Article("t-1", text, outlet="Test Wire", published=published, title=title)
    return code_article(art)


def kinds(ms: list[Mention]) -> list[str]:
    return sorted(m.sub_event_type for m in ms)


@contextmanager
def passes(chosen: tuple[Pass, ...]) -> Iterator[None]:
    """Code with CHOSEN as the coder's passes for the duration."""
    old = ArticleCoder.passes
    ArticleCoder.passes = chosen
    try:
        yield
    finally:
        ArticleCoder.passes = old


def without(p: Pass, text: str, published: dt.date = WED) -> list[Mention]:
    """TEXT coded with every pass but P."""
    with passes(tuple(q for q in PASSES if q is not p)):
        return code(text, published)


def arriving(
    p: Pass, text: str, published: dt.date = WED, title: str = ""
) -> list[tuple[Candidate, SentenceContext]]:
    """The candidates of TEXT as they reach pass P, each with its sentence context as it was
    then (the passes before P have run; P itself is left to the test)."""
    seen: list[tuple[Candidate, SentenceContext]] = []

    def spy(c: Candidate, ctx: SentenceContext) -> Candidate | None:
        seen.append((c, replace(ctx, seen=list(ctx.seen), disc=replace(ctx.disc))))
        return p(c, ctx)

    with passes(tuple(spy if q is p else q for q in PASSES)):
        code(text, published, title)
    return seen


def at(p: Pass, text: str, word: str, title: str = "") -> tuple[Candidate, SentenceContext]:
    """The candidate of trigger WORD as it reaches pass P, with its sentence context."""
    return next((c, ctx) for c, ctx in arriving(p, text, title=title) if c.trig.token.text == word)


def day_hit(sentence: str, words: str, day: dt.date = WED) -> DayHit:
    """WORDS found in SENTENCE as a day, read as DAY (for the story-day rules' own tests)."""
    start = sentence.index(words)
    return DayHit(start, start + len(words), DayRef(day, day, day, 1, words))
