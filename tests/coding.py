"""Coding one invented article, the helper the coder's rule tests share."""

from __future__ import annotations

import datetime as dt

from warwire.code import code_article
from warwire.records import Article, Mention

WED = dt.date(2021, 3, 10)  # a Wednesday: relative days in the tests resolve against it


def code(text: str, published: dt.date = WED) -> list[Mention]:
    return code_article(Article("t-1", text, outlet="Test Wire", published=published))


def kinds(ms: list[Mention]) -> list[str]:
    return sorted(m.sub_event_type for m in ms)
