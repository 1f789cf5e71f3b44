"""The ASCII twin of a pattern must read every text as the full Unicode pattern does."""

import re

from warwire.read.plain_re import Twin, plain

TEXTS = [
    "Rebels KILLED three soldiers near the town, the monitor said.",
    "Government forces shelled the village on Tuesday.",
    "Caf\u00e9kill: a word glued to an accented letter",  # no \b between é and k in Unicode
    "Stra\u00dfe and the Kelvin sign \u212a",
    "a\x1cb separated by an ASCII file separator",  # Unicode \s matches \x1c, ASCII \s does not
    "",
]
PATTERNS = [r"\bkill\w*", r"a\sb", r"\bk\b", r"\b(shell(ed|ing)|said)\b", r"stra(ss|\u00df)e"]


def test_plain_rejects_non_ascii_and_unicode_only_spaces() -> None:
    assert plain("Troops entered the town.")
    assert not plain("Troops entered Ma\u2019arat.")
    assert not plain("one\x1ftwo")


def test_twin_finds_what_the_full_pattern_finds() -> None:
    for pattern in PATTERNS:
        twin = Twin(pattern, re.IGNORECASE)
        full = re.compile(pattern, re.IGNORECASE)
        for text in TEXTS:
            got = twin.search(text)
            want = full.search(text)
            assert (got and got.span()) == (want and want.span()), (pattern, text)
            assert [m.span() for m in twin.finditer(text)] == [
                m.span() for m in full.finditer(text)
            ], (pattern, text)


def test_twin_keeps_unicode_reading_of_separator_text() -> None:
    assert Twin(r"a\sb").search("a\x1cb") is not None
    assert re.compile(r"a\sb", re.ASCII).search("a\x1cb") is None  # what the guard avoids
