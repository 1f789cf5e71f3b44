"""The ASCII twin of a pattern must read every text as the full Unicode pattern does."""

import re

from warwire.read.plain_re import Twin, plain

TEXTS = [
    "Rebels KILLED three soldiers near the town, the monitor said.",
    "Government forces shelled the village on Tuesday.",
    "Troops Shelled the SOHR office; KILLING two",
    "Caf\u00e9kill: a word glued to an accented letter",  # no \b between é and k in Unicode
    "Stra\u00dfe and the Kelvin sign \u212a",
    "a\x1cb separated by an ASCII file separator",  # Unicode \s matches \x1c, ASCII \s does not
    "",
]
PATTERNS = [
    r"\bkill\w*", r"a\sb", r"\bk\b", r"\b(shell(ed|ing)|said)\b", r"stra(ss|\u00df)e",
    r"\bSOHR\b", r"the\S+", r"[^a-z ]{3}", r"(?-i:Troops)", r"(\w)\1",
]  # fmt: skip


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


def test_found_answers_as_search_does() -> None:
    """found() (lower-cased text for an all-lower-case pattern) says what search() says,
    for patterns with capitals, \\S classes, negated classes, inline flags and back-references."""
    for pattern in PATTERNS:
        twin = Twin(pattern, re.IGNORECASE)
        full = re.compile(pattern, re.IGNORECASE)
        for text in TEXTS:
            want = full.search(text) is not None
            assert twin.found(text) == want, (pattern, text)
            if plain(text):
                assert twin.found_in_lowered(text, text.lower()) == want, (pattern, text)


def test_lowered_twin_only_for_patterns_without_capitals_or_inline_flags() -> None:
    assert Twin(r"\bkill\w*", re.I).lower is not None
    assert Twin(r"the\S+", re.I).lower is not None  # \S names no letter case
    assert Twin(r"\bSOHR\b", re.I).lower is None
    assert Twin(r"(?-i:troops)", re.I).lower is None
    assert Twin(r"\bkill", 0).lower is None  # case-sensitive patterns read case
