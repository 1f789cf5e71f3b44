"""Case-insensitive patterns that run their ASCII twin on plain ASCII text.

Python's `re` folds case through Unicode tables for every character it compares, which makes
the long cue alternations (trigger stems, sub-event cues, "X said") a third slower than the
same pattern compiled with re.ASCII. On text made only of ASCII characters the two read alike,
with one exception handled here: Unicode \\s also matches the four ASCII separators
\\x1c-\\x1f, so text holding one of them takes the full pattern. Everything else takes the twin.

A yes/no question (`Twin.found`) goes faster still: a case-insensitive pattern written all in
lower case finds a match in plain text exactly when the same pattern, case-sensitive, finds
one in the text lower-cased (only A-Z change, so offsets stay put), and a case-sensitive
pattern skips ahead to its first letter where a case-folding one tries every position.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_UNICODE_ONLY_SPACE = re.compile("[\x1c-\x1f]")
_ESCAPE = re.compile(r"\\.", re.S)  # a backslash and the character it escapes
_INLINE_FLAGS = re.compile(r"\(\?[a-zA-Z-]+[:)]")


def plain(text: str) -> bool:
    """True when TEXT reads the same under re.ASCII as under Unicode matching."""
    return text.isascii() and _UNICODE_ONLY_SPACE.search(text) is None


class Twin:
    """A compiled pattern and its re.ASCII twin, picked per text (see the module doc)."""

    __slots__ = ("full", "ascii", "lower", "pattern")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.full = re.compile(pattern, flags)
        self.ascii = re.compile(pattern, flags | re.ASCII)
        self.pattern = pattern
        # the case-sensitive twin for lower-cased plain text: only for a case-insensitive
        # pattern with no capital letter to match (escapes such as \S or \W match no letter
        # of one case only)
        letters = _ESCAPE.sub("", pattern)
        folded = (
            bool(flags & re.IGNORECASE)
            and letters == letters.lower()
            and _INLINE_FLAGS.search(letters) is None  # "(?-i:...)" would read case again
        )
        self.lower = re.compile(pattern, (flags & ~re.IGNORECASE) | re.ASCII) if folded else None

    def _pick(self, text: str) -> re.Pattern[str]:
        return self.ascii if plain(text) else self.full

    def search(self, text: str) -> re.Match[str] | None:
        return self._pick(text).search(text)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self._pick(text).finditer(text)

    def found(self, text: str) -> bool:
        """Whether the pattern occurs in TEXT (search(text) is not None, asked faster)."""
        if plain(text):
            if self.lower is not None:
                return self.lower.search(text.lower()) is not None
            return self.ascii.search(text) is not None
        return self.full.search(text) is not None

    def found_in_lowered(self, text: str, lowered: str) -> bool:
        """found(TEXT) for plain TEXT whose lower-casing LOWERED the caller already made
        (one lower-casing for many patterns asked of one text)."""
        if self.lower is not None:
            return self.lower.search(lowered) is not None
        return self.ascii.search(text) is not None
