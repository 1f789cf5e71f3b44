"""Cutting a stream into lists, for every stage that works a batch at a time."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from typing import TypeVar

T = TypeVar("T")


def batches(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Lists of SIZE items (the last may be shorter), without reading ahead of the consumer."""
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk
