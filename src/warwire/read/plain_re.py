"""Case-insensitive patterns that run their ASCII twin on plain ASCII text.

Python's `re` folds case through Unicode tables for every character it compares, which makes
the long cue alternations (trigger stems, sub-event cues, "X said") a third slower than the
same pattern compiled with re.ASCII. On text made only of ASCII characters the two read alike,
with one exception handled here: Unicode \\s also matches the four ASCII separators
\\x1c-\\x1f, so text holding one of them takes the full pattern. Everything else takes the twin.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_UNICODE_ONLY_SPACE = re.compile("[\x1c-\x1f]")


def plain(text: str) -> bool:
    """True when TEXT reads the same under re.ASCII as under Unicode matching."""
    return text.isascii() and _UNICODE_ONLY_SPACE.search(text) is None


class Twin:
    """A compiled pattern and its re.ASCII twin, picked per text (see the module doc)."""

    __slots__ = ("full", "ascii", "pattern")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.full = re.compile(pattern, flags)
        self.ascii = re.compile(pattern, flags | re.ASCII)
        self.pattern = pattern

    def _pick(self, text: str) -> re.Pattern[str]:
        return self.ascii if plain(text) else self.full

    def search(self, text: str) -> re.Match[str] | None:
        return self._pick(text).search(text)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self._pick(text).finditer(text)
