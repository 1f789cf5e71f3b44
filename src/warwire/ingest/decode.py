"""Bytes on disk to text, or a clear reason why not.

Scraped corpora arrive in whatever encoding the scraper saved: mostly UTF-8, sometimes
Windows-1256 (Arabic sites) or Latin-1/Windows-1252, sometimes binary junk with a .txt name.
The size is checked before anything is read, so an enormous file costs nothing.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

_RUNS = re.compile(r"[^\W\d_]+")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")  # category Cc but for \t\n\v\f\r
_SPACE = re.compile(r"\s")
_LETTER = re.compile(r"[^\W\d_]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


class NotText(Exception):
    """The file cannot be read as text; the message is one line for the user."""


def read_text(path: Path, max_bytes: int) -> tuple[str, str]:
    """(text, encoding) of PATH; raises NotText when it is empty, too big, binary or garbled."""
    try:
        size = path.stat().st_size
    except OSError as e:
        raise NotText(f"cannot read: {e.strerror or e}") from None
    if size > max_bytes:
        raise NotText(f"file is {size:,} bytes, over the limit of {max_bytes:,}; skipped unread")
    if size == 0:
        raise NotText("empty file")
    buf = bytearray()
    try:
        with path.open("rb") as f:
            # in chunks: read(n) would reserve n bytes up front, and the size may lie
            while chunk := f.read(1 << 20):
                buf += chunk
                if len(buf) > max_bytes:
                    raise NotText(f"file grew past the limit of {max_bytes:,} bytes; skipped")
    except OSError as e:
        raise NotText(f"cannot read: {e.strerror or e}") from None
    text, encoding = decode_bytes(bytes(buf))
    if not text.strip():
        raise NotText("empty file (only white space)")
    return text, encoding


_MAGIC = {
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a ZIP archive (or office document)",
    b"\x1f\x8b": "a gzip archive",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\x7fELF": "a program",
}


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode DATA: BOMs, then UTF-8, then Windows-1256 for Arabic, else Windows-1252/Latin-1."""
    for bom, enc in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return _checked(data.decode(enc), strict=False), enc
            except UnicodeDecodeError:
                raise NotText(f"invalid {enc} text after its byte-order mark") from None
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            raise NotText(f"binary file ({what}), not text")
    utf16 = _bomless_utf16(data)
    if utf16 is not None:
        return _checked(data.decode(utf16, errors="replace"), strict=True), utf16
    if b"\x00" in data:
        raise NotText("binary file (contains NUL bytes), not text")
    try:
        return _checked(data.decode("utf-8"), strict=False), "utf-8"
    except UnicodeDecodeError:
        pass
    mostly_utf8 = _mostly_utf8(data)
    if mostly_utf8 is not None:
        return _checked(mostly_utf8, strict=True), "utf-8 (damaged bytes replaced)"
    if _looks_arabic_1256(data):
        return _checked(data.decode("cp1256"), strict=True), "cp1256"
    try:
        return _checked(data.decode("cp1252"), strict=True), "cp1252"
    except UnicodeDecodeError:
        return _checked(data.decode("latin-1"), strict=True), "latin-1"


def _bomless_utf16(data: bytes) -> str | None:
    """ "utf-16-le" or "utf-16-be" for UTF-16 saved without a byte-order mark (Windows tools
    do), else None: text in a Latin or Arabic script then has a NUL in most byte pairs, always
    on the same side, which binary data does not."""
    sample = data[:200_000]
    pairs = len(sample) // 2
    if pairs < 8:
        return None
    even = sample[0 : 2 * pairs : 2].count(0)
    odd = sample[1 : 2 * pairs : 2].count(0)
    if odd >= 0.3 * pairs and even <= 0.02 * pairs:
        return "utf-16-le"
    if even >= 0.3 * pairs and odd <= 0.02 * pairs:
        return "utf-16-be"
    return None


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 with a few damaged bytes (a cut multi-byte character, a stray byte)."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = len(_NON_ASCII.findall(text)) - bad
    if good >= 3 and bad * 20 <= good:
        return text
    if good and bad == 1 and text.endswith("\ufffd"):
        return text  # only the last character was cut
    return None


def _looks_arabic_1256(data: bytes) -> bool:
    """Arabic in cp1256 comes as whole words of high bytes; Latin accents come one at a time."""
    data = data[:200_000]
    high = [i for i, b in enumerate(data) if b >= 0x80]
    if not high:
        return False
    paired = sum(
        1
        for i in high
        if (i > 0 and data[i - 1] >= 0x80) or (i + 1 < len(data) and data[i + 1] >= 0x80)
    )
    if paired / len(high) < 0.6:
        return False
    decoded = data.decode("cp1256", errors="replace")
    non_ascii = [ch for ch in decoded if ord(ch) > 127]
    arabic = sum(1 for ch in non_ascii if "\u0600" <= ch <= "\u06ff")
    return arabic / len(non_ascii) >= 0.6


def _checked(text: str, *, strict: bool) -> str:
    """Refuse text that is mostly control characters or symbols: binary under a text name.

    STRICT is for fall-back encodings, which decode any byte: there the share of letters
    must also look like language.
    """
    sample = text[:200_000]
    if not sample.strip():
        return text
    control = len(_CONTROL.findall(sample))
    if control > max(2, len(sample) // 200):
        raise NotText("binary or garbled file (control characters), not text")
    if strict:
        visible = len(sample) - len(_SPACE.findall(sample))
        letters = len(_LETTER.findall(sample))
        if visible and letters / visible < 0.5:
            raise NotText("garbled file: not decodable as UTF-8 and does not read as text")
    return text


def prose_problem(text: str) -> str:
    """Why plain TEXT is not prose ("" if it may be): random characters have almost no spaces
    and very short runs of letters. Only for plain text: markup and CSV are judged by parsing."""
    sample = text[:200_000]
    if len(sample) < 200:
        return ""
    spaces = len(_SPACE.findall(sample)) / len(sample)
    runs = _RUNS.findall(sample)
    mean_run = sum(map(len, runs)) / len(runs) if runs else 0.0
    if spaces < 0.03 and mean_run < 3.0:
        return "garbled file: random characters, no words"
    return ""
