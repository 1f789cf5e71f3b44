"""Name keys: how two transliterations of one Arabic place name are made to meet.

Two keys are computed for every name and every run of words in a sentence:

- the *light* key drops case, diacritics, apostrophes and the Arabic article ("al-Bara" and
  "Bara" meet; "Saraqeb" and "Saraqib" do not), and is used for exact-spelling matches;
- the *fold* key also folds q to k, drops h after consonants and at the end, collapses doubled
  letters and drops the vowels after the first letter (consonants that meet only once the
  vowels are gone stay apart, so "Hmeimim" is not "Hama") ("Saraqeb", "Saraqib" -> "srkb";
  "Maaret al-Numan", "Ma'arrat al-Nu'man" -> "mr nmn"), and is used to join spellings that
  no source lists.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

KEY_VERSION = 1  # bump when light/fold change: bundled indexes are then rebuilt at load

# The Arabic article as English reporting writes it, before a hyphen or a space.
ARTICLES = frozenset(
    {"al", "el", "il", "ul", "an", "ar", "as", "ash", "ad", "az", "at", "ath", "ed", "ez", "es"}
    | {"en", "er", "et", "eth"}
)
# Articles that may stand before a name with a plain space ("al Bara"); the others need a
# hyphen, since "as", "an" and "at" are also English words.
SPACED_ARTICLES = frozenset({"al", "el"})

APOSTROPHES = "'’‘`ʿʾ´ʼ"
TOKEN = re.compile(rf"[^\W\d_]+(?:[{APOSTROPHES}][^\W\d_]+)*")
_APOS = re.compile(f"[{APOSTROPHES}]")
_SPECIAL = str.maketrans({"ı": "i", "ł": "l", "đ": "d", "ø": "o", "æ": "ae", "ß": "ss"})
_H_AFTER_CONSONANT = re.compile(r"([^aeiouh])h")
DOUBLED = re.compile(r"(.)\1+")  # a letter written twice or more in a row
_VOWELS = re.compile(r"[aeiouyw]")
_GLUED_ARTICLE = re.compile(r"^[ae]([tdrzsn])\1")
_NISBA = re.compile(r"iy([ae])$")
_FRENCH = (("tch", "ch"), ("ch", "sh"), ("dj", "j"), ("ou", "u"))


def strip_marks(text: str) -> str:
    """Drop diacritics: "Ḩasakah" -> "Hasakah", "Kurê" -> "Kure"."""
    if text.isascii():
        return text
    text = text.translate(_SPECIAL)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=1 << 16)
def light_token(token: str) -> str:
    """One word: lower case, no diacritics, no apostrophes."""
    return _APOS.sub("", strip_marks(token).lower())


@lru_cache(maxsize=1 << 16)
def fold_token(token: str, first: bool = True) -> str:
    """One word folded for spelling-insensitive lookup (see the module docstring)."""
    s = light_token(token).replace("q", "k")
    if not first and len(s) >= 5 and _GLUED_ARTICLE.match(s):
        s = s[2:]  # "Ezzor" in "Deir Ezzor": the article glued to a sun letter
    s = _H_AFTER_CONSONANT.sub(r"\1", s)
    if len(s) > 2 and s.endswith("h"):
        s = s[:-1]
    if len(s) >= 5 and (s.endswith("at") or s.endswith("et")):
        s = s[:-1]  # ta marbuta written as t: "Mrouniyat" = "Mrouniyah"
    s = DOUBLED.sub(r"\1", s)
    if not s:
        return s
    head = "a" if s[0] in "aeiou" else s[0]
    return head + _VOWELS.sub("", s[1:])


@lru_cache(maxsize=1 << 16)
def sound_token(token: str) -> str:
    """One word as it sounds, for judging two spellings the fold key put together: like
    the fold key (q = k, no h after a consonant or at the end, no doubled letters) but with
    its vowels kept as classes: front or open (a e i), back (o u), and a run of both. A y or
    w between two vowels is a consonant ("Mayadin"), elsewhere part of a vowel ("Laylan").
    "Naseeb", "Nassib" -> "nasab"; "Hajeen", "Hajin" -> "hajan"; "Laylan", "Leilan",
    "Lilan" -> "lalan"; "Douma", "Dumah" -> "duma"; "Mezzeh", "Mazzah" -> "maza"; but
    "Duma" and "Dima" stay apart ("duma", "dama")."""
    s = light_token(token)
    for a, b in _FRENCH:  # French transliteration: "Cheikh", "Manbidj", "Doumar"
        s = s.replace(a, b)
    s = s.replace("q", "k")
    s = _H_AFTER_CONSONANT.sub(r"\1", s)
    if len(s) > 2 and s.endswith("h"):
        s = s[:-1]
    s = DOUBLED.sub(r"\1", s)
    s = _NISBA.sub(r"i\1", s)  # "-iyeh", "-iya", "-ieh", "-ia": one ending
    out: list[str] = []
    run = ""
    for i, c in enumerate(s):
        glide = c in "yw" and (
            i == 0 or (s[i - 1] in "aeiou" and i + 1 < len(s) and s[i + 1] in "aeiou")
        )
        if c in "aeiouyw" and not glide:
            run += c
            continue
        if run:
            out.append(_vowel_class(run))
            run = ""
        out.append(c)
    if run:
        out.append(_vowel_class(run))
    return "".join(out)


def _vowel_class(run: str) -> str:
    letters = set(run)
    if letters <= set("ouw"):
        return "u"
    if letters <= set("aeiyw"):
        return "a"
    return "o"


def sound_key(name: str) -> str:
    """sound_token over the content words of a name ("Khan Sheikhoun" -> "kan sakun")."""
    return sound_of_light_key(light_key(name))


def sound_of_light_key(light: str) -> str:
    """The sound key of a name already reduced to its light key (see `light_key`), word by
    word: what the gazetteer compares, having the light keys at hand."""
    return " ".join(sound_token(w) for w in light.split(" "))


def tokens(text: str) -> list[str]:
    """The words of a name, apostrophes kept inside words."""
    return TOKEN.findall(text)


def content_tokens(words: list[str]) -> list[str]:
    """Drop article words ("al", "ash"...) unless nothing else is left."""
    kept = [w for w in words if light_token(w) not in ARTICLES]
    return kept or words


def light_key(name: str) -> str:
    """Exact-spelling key of a name: "Jisr ash-Shughur" -> "jisr shughur"."""
    return " ".join(light_token(w) for w in content_tokens(tokens(name)))


def fold_key(name: str) -> str:
    """Spelling-insensitive key of a name: "Jisr ash-Shughur" -> "jsr sgr"."""
    words = content_tokens(tokens(name))
    return " ".join(fold_token(w, i == 0) for i, w in enumerate(words))


def entry_key(place_id: str, name: str) -> str:
    """One place however it was found: its gazetteer id, or its folded name when unlisted."""
    return place_id or "name:" + fold_key(name)


def key_strength(fold: str) -> int:
    """Letters in a fold key: short keys ("br", "mr") join too many names to trust alone."""
    return len(fold.replace(" ", ""))


class Word:
    """One word of a sentence, with the keys the matcher needs (computed on first use)."""

    __slots__ = ("start", "end", "raw_end", "text", "capital", "article", "_keys")

    def __init__(self, start: int, raw_end: int, text: str) -> None:
        self.start = start
        self.raw_end = raw_end
        self.text = text
        possessive = len(text) > 3 and text[-1] == "s" and text[-2] in APOSTROPHES
        self.end = raw_end - 2 if possessive else raw_end  # possessive "'s" excluded
        self.capital = text[0].isupper()
        self.article = len(text) <= 3 and text.lower() in ARTICLES
        self._keys: tuple[str, str, tuple[str, str, str, str]] | None = None

    @property
    def possessive(self) -> bool:
        return self.end != self.raw_end

    @property
    def shouting(self) -> bool:
        """All capitals, a possessive "'s" aside ("SANA's", "AFP"): an acronym."""
        return self.text[: self.end - self.start].isupper()

    def _compute(self) -> tuple[str, str, tuple[str, str, str, str]]:
        if self._keys is None:
            base = self.text[: self.end - self.start]
            self._keys = (
                light_token(self.text),
                light_token(base),
                (
                    fold_token(self.text),
                    fold_token(self.text, first=False),
                    fold_token(base),
                    fold_token(base, first=False),
                ),
            )
        return self._keys

    def light(self, last: bool) -> str:
        """Key of the word; a word ending a name drops a possessive "'s"."""
        keys = self._compute()
        return keys[1] if last else keys[0]

    def fold(self, first: bool, last: bool) -> str:
        return self._compute()[2][(0 if first else 1) + (2 if last else 0)]


def words(text: str) -> list[Word]:
    """Split a sentence into words with offsets."""
    return [Word(m.start(), m.end(), m.group()) for m in TOKEN.finditer(text)]
