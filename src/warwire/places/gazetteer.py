"""The Syrian gazetteer: find place names in a sentence, resolve them to one entry.

Lookup goes through two keys (see names.py): an exact-spelling key, and a folding key that
joins transliterations no source lists. A sentence is scanned word by word from each
capitalised word, longest name first; single words that are also English words, given names
or generic place words ("Tal", "Jabal") count only when the entry is a prominent town.
"""

from __future__ import annotations

import math
import time
from collections.abc import Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from pathlib import Path
from typing import Any

from warwire.places import stoplist
from warwire.places.admin import PROVINCES, admin_locator, canonical_province
from warwire.places.index import FIELDS, build_index, read_gazetteer, row_to_place
from warwire.places.names import (
    DOUBLED,
    KEY_VERSION,
    SPACED_ARTICLES,
    Word,
    fold_key,
    key_strength,
    light_key,
    sound_of_light_key,
    sound_token,
    words,
)
from warwire.records import Place

BUNDLED = Path(__file__).resolve().parent.parent / "data" / "gazetteer.json.gz"
USER_FILE = "gazetteer-user.json.gz"

MAX_WORDS = 7  # longest name, in words, tried in a sentence
MIN_SIMILARITY = 0.6  # letters shared by a folded spelling and the entry's nearest name
MIN_SIMILARITY_WORD = 0.75  # the same for a lone word of a sentence, spelled as no source does
MIN_SIMILARITY_SHORT = 0.8  # the same for fold keys of one or two letters ("Hameh" ≠ "Hama")
# Least similarity of a spelling that sounds as one of the entry's names ("Raqa", "Raqqa";
# "Naseeb", "Nassib"): it passes every floor above, and among sound-alikes the closer
# spelling still ranks first.
SOUND_ALIKE = 0.8
PROMINENT = 8.0  # weight from which a single everyday word may still name the place
BIG = 10.0  # weight of a town reported enough that any spelling of it names it anywhere
FEATURE_RANK = {
    "populated place": 0,
    "region": 1,
    "neighbourhood": 2,
    "admin1": 3,
    "admin2": 4,
    "admin3": 5,
    "facility": 6,
    "border crossing": 6,
    "hill": 7,
    "base": 7,
}


@dataclass
class PlaceSpan:
    """A gazetteer name found in a sentence, with every entry it may mean."""

    start: int
    end: int
    surface: str
    candidates: list[Place]


def unknown_place(name: str, admin1: str = "") -> Place:
    """A place kept by the name the article gives it: no id, no coordinates."""
    return Place(name=" ".join(name.split()), admin1=admin1, feature="")


def distance_km(a: Place, b: Place) -> float:
    """Kilometres between two places (flat-earth, fine at the scale of a province); inf when
    either has no coordinates."""
    if None in (a.latitude, a.longitude, b.latitude, b.longitude):
        return math.inf
    lat1, lon1, lat2, lon2 = a.latitude, a.longitude, b.latitude, b.longitude
    assert lat1 is not None and lon1 is not None and lat2 is not None and lon2 is not None
    dlat = math.radians(lat2 - lat1)
    dlon = math.radians(lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    return 6371.0 * math.hypot(dlat, dlon)


def _near_bucket(km: float) -> int:
    for i, limit in enumerate((10.0, 30.0, 100.0)):
        if km <= limit:
            return i
    return 3


def _first_words(keys: Iterable[str]) -> dict[str, int]:
    """First word of each key -> the most words a key starting with it has (this bounds the
    span search at that word)."""
    out: dict[str, int] = {}
    for k in keys:
        w = k.split(" ")
        out[w[0]] = max(out.get(w[0], 0), len(w))
    return out


class Gazetteer:
    """Places with their name indexes; built by load_gazetteer()."""

    def __init__(
        self,
        places: list[Place],
        weights: list[float],
        light: dict[str, list[int]],
        fold: dict[str, list[int]],
        admin1: list[dict[str, Any]],
    ) -> None:
        self.places = places
        self.weights = weights
        self.light = light
        self.fold = fold
        self._admin1 = {a["name"]: a for a in admin1}
        self._keys_cache: dict[int, tuple[str, ...]] = {}
        self._sounds_cache: dict[int, frozenset[str]] = {}
        self._lookup_cache: dict[tuple[str, str], list[tuple[int, float]]] = {}
        self._by_id = {p.id: i for i, p in enumerate(places) if p.id}
        # first words of every name: most capitalised words start none, and are dropped early
        self._first_light = _first_words(light)
        self._first_fold = _first_words(fold)

    def __len__(self) -> int:
        return len(self.places)

    # --- lookup -------------------------------------------------------------------------

    def _prominent(self, i: int) -> bool:
        p = self.places[i]
        return p.feature in ("admin1", "admin2", "foreign") or self.weights[i] >= PROMINENT

    def _known_as(self, i: int, key: str) -> bool:
        """A prominent town, governorate or region whose main name is KEY."""
        p = self.places[i]
        return (
            p.feature in ("populated place", "region", "admin1", "admin2", "foreign")
            and self._prominent(i)
            and light_key(p.name) == key
        )

    def _name_keys(self, i: int) -> tuple[str, ...]:
        keys = self._keys_cache.get(i)
        if keys is None:
            p = self.places[i]
            keys = tuple(dict.fromkeys(light_key(n) for n in [p.name, *p.alt_names]))
            self._keys_cache[i] = keys
        return keys

    def _similarity(
        self, i: int, light: str, sound: str | None = None, short: bool = False
    ) -> float:
        """How close the nearest spelling of entry I is to LIGHT (1.0 = same letters); at
        least SOUND_ALIKE when SOUND, the spelling's sound key, is one of the entry's. A
        SHORT key (two consonants) sounds like too many words to stand for a big town
        ("Hameh" is no "Hama"): only small places, which need a place context, take it."""
        ratio = max(SequenceMatcher(None, light, k).ratio() for k in self._name_keys(i))
        if (
            sound is not None
            and ratio < SOUND_ALIKE
            and self.places[i].country == "Syria"  # foreign names have one English spelling
            and not (short and self._big(i))
            and sound in self._sound_keys(i)
        ):
            return SOUND_ALIKE
        return ratio

    def _big(self, i: int) -> bool:
        """A governorate, a district (named after its seat), or a big, much-reported town or
        region."""
        p = self.places[i]
        if p.feature in ("admin1", "admin2"):
            return True
        return p.feature in ("populated place", "region") and self.weights[i] >= BIG

    def _sound_keys(self, i: int) -> frozenset[str]:
        keys = self._sounds_cache.get(i)
        if keys is None:
            keys = frozenset(sound_of_light_key(k) for k in self._name_keys(i))
            self._sounds_cache[i] = keys
        return keys

    def _lookup_keys(self, light: str, fold: str) -> list[tuple[int, float]]:
        """Row indexes with their spelling similarity: exact-spelling hits (1.0) first, then
        fold-only hits close enough in letters. A foreign exact hit hides every Syrian entry
        that is not prominent."""
        cached = self._lookup_cache.get((light, fold))
        if cached is None:
            if len(self._lookup_cache) > 50_000:
                self._lookup_cache.clear()
            cached = self._lookup_cache[(light, fold)] = self._lookup_uncached(light, fold)
        return cached

    def _lookup_uncached(self, light: str, fold: str) -> list[tuple[int, float]]:
        exact = self.light.get(light, [])
        hits = [(i, 1.0) for i in exact]
        seen = set(exact)
        floor = MIN_SIMILARITY if key_strength(fold) > 2 else MIN_SIMILARITY_SHORT
        # A spelling that sounds as an entry's counts only where no entry is spelled so: an
        # exact name is never displaced by a sound-alike.
        sound = None if exact else sound_of_light_key(light)
        short = key_strength(fold) <= 2
        for i in self.fold.get(fold, []):
            if i not in seen:
                seen.add(i)
                sim = self._similarity(i, light, sound, short)
                if sim >= floor:
                    hits.append((i, sim))
        pool = exact or [i for i, _ in hits]
        if any(self.places[i].country != "Syria" for i in pool):
            hits = [
                (i, s)
                for i, s in hits
                if self.places[i].country != "Syria" or (s == 1.0 and self._prominent(i))
            ]
        return hits

    def _lookup(self, name: str) -> list[tuple[int, float]]:
        return self._lookup_keys(light_key(name), fold_key(name))

    def candidates(self, name: str) -> list[Place]:
        """Every entry NAME may mean (spelling variants folded), the likeliest first."""
        return [self.places[i] for i in self._ranked(self._lookup(name))]

    def weight(self, place: Place) -> float:
        """How big or how reported an entry is (0 for a place known only by name)."""
        i = self._by_id.get(place.id) if place.id else None
        return self.weights[i] if i is not None else 0.0

    def prominent(self, place: Place) -> bool:
        """A governorate, district, foreign place or a town big or reported enough that a
        lone everyday word may name it."""
        i = self._by_id.get(place.id) if place.id else None
        return i is not None and self._prominent(i)

    def province(self, name: str) -> str | None:
        """The canonical admin1 name if NAME names a governorate in any spelling."""
        return canonical_province(name)

    def admin_place(self, admin1: str) -> Place:
        """The governorate as a Place (feature "admin1", centroid coordinates)."""
        canon = canonical_province(admin1) or admin1
        row = self._admin1.get(canon)
        if row is None:
            return unknown_place(canon, admin1=canon)
        i = self._by_id.get(row["pcode"])
        alts = list(self.places[i].alt_names) if i is not None else []
        return Place(
            name=canon,
            id=row["pcode"],
            admin1=canon,
            latitude=row["lat"],
            longitude=row["lon"],
            feature="admin1",
            alt_names=alts,
        )

    def resolve(
        self,
        name: str,
        admin1_hint: list[str] | None = None,
        near: list[Place] | None = None,
    ) -> Place | None:
        """The best Syrian entry for NAME, or None when no source has it.

        Order: a candidate in a hinted province (earlier hints first), then anything over an
        administrative area of the same name, then the one closest to the places already
        named (NEAR), then the spelling closest to NAME, then populated places over regions,
        hills and bases, then the bigger or more reported one."""
        hits = [(i, s) for i, s in self._lookup(name) if self.places[i].country == "Syria"]
        if not hits:
            return None
        return self.places[self._ranked(hits, admin1_hint, near)[0]]

    def _ranked(
        self,
        hits: list[tuple[int, float]],
        admin1_hint: list[str] | None = None,
        near: list[Place] | None = None,
    ) -> list[int]:
        """Row indexes of HITS, best first (see resolve)."""
        hints = [canonical_province(h) or h for h in admin1_hint or []]
        near = [p for p in near or [] if p.latitude is not None]

        def score(hit: tuple[int, float]) -> tuple[float, ...]:
            i, sim = hit
            p = self.places[i]
            hint_rank = hints.index(p.admin1) if p.admin1 in hints else len(hints) + 1
            dist = min((distance_km(p, q) for q in near), default=math.inf)
            return (
                p.country != "Syria",
                hint_rank,
                p.feature.startswith("admin"),
                _near_bucket(dist),
                -round(sim * 20) / 20,
                FEATURE_RANK.get(p.feature, 8),
                -self.weights[i],
                dist,
                i,
            )

        return [i for i, _ in sorted(hits, key=score)]

    def locate(self, lat: float, lon: float) -> tuple[str, str, str]:
        """(admin1, admin2, admin3) holding the point, by point-in-polygon."""
        return admin_locator().locate(lat, lon)

    # --- scanning text ------------------------------------------------------------------

    def find(self, text: str) -> list[PlaceSpan]:
        """Every gazetteer name in TEXT, longest first and not overlapping, in text order."""
        ws = words(text)
        found: list[tuple[int, int, int, list[int]]] = []  # (start, end, n words, rows)
        for i, w in enumerate(ws):
            if w.capital or w.article:  # a name starts with a capital or an article
                hit = self._match_at(text, ws, i)
                if hit is not None:
                    found.append(hit)
        found.sort(key=lambda h: (-(h[1] - h[0]), h[0]))
        taken: list[tuple[int, int, int, list[int]]] = []
        for h in found:
            if all(h[1] <= t[0] or h[0] >= t[1] for t in taken):
                taken.append(h)
        taken.sort()
        return [
            PlaceSpan(s, e, text[s:e], [self.places[r] for r in rows]) for s, e, _, rows in taken
        ]

    def _match_at(
        self, text: str, ws: list[Word], i: int
    ) -> tuple[int, int, int, list[int]] | None:
        first = ws[i]
        if first.article:
            if i + 1 >= len(ws) or not ws[i + 1].capital:
                return None
            sep = text[first.raw_end : ws[i + 1].start]
            if sep != "-" and not (sep == " " and first.text.lower() in SPACED_ARTICLES):
                return None
        elif not first.capital or _person_before(text, ws, i):
            return None
        head = ws[i + 1] if first.article else first
        longest = max(
            self._first_light.get(head.light(False), 0),
            self._first_light.get(head.light(True), 0),
        )
        if self._may_fold(head):
            longest = max(
                longest,
                self._first_fold.get(head.fold(True, False), 0),
                self._first_fold.get(head.fold(True, True), 0),
            )
        if not longest:
            return None
        # Words that can continue a name: one space or hyphen apart, no possessive inside.
        end = i
        while (
            end + 1 < len(ws)
            and end - i + 1 < MAX_WORDS
            and not ws[end].possessive
            and text[ws[end].raw_end : ws[end + 1].start] in (" ", "-")
        ):
            end += 1
        before = ws[i - 1] if i > 0 and text[ws[i - 1].raw_end : first.start] == " " else None
        content = 0  # no span may hold more content words than the longest such name
        for k in range(i, end + 1):
            content += not ws[k].article
            if content > longest:
                end = k - 1
                break
        for j in range(end, i - 1, -1):
            after = self._next_word(text, ws, j, past_article=not first.article)
            placed = self._in_place_context(text, ws, i, j)
            rows = self._match_span(ws[i : j + 1], before, after, placed)
            if rows:
                return (first.start, ws[j].end, j - i + 1, rows)
        return None

    def _match_span(
        self, span: list[Word], before: Word | None, after: Word | None, placed: bool = False
    ) -> list[int]:
        if span[-1].article:
            return []
        content = [w for w in span if not w.article]
        if not content or not content[0].capital:
            return []
        n = len(content)
        light = " ".join(w.light(k == n - 1) for k, w in enumerate(content))
        fold = " ".join(w.fold(k == 0, k == n - 1) for k, w in enumerate(content))
        exact = light in self.light
        if not exact and (fold not in self.fold or not self._fold_ok(content, fold)):
            return []
        hits = self._lookup_keys(light, fold)
        if n == 1:
            article = len(span) > 1  # "al-Bab": the article marks a name
            hits = self._single_word_hits(content[0], hits, exact, article, before, after)
            if not exact and not placed:
                hits = [(i, s) for i, s in hits if not self._weak(i, fold, content[0])]
        return self._ranked(hits) if hits else []

    @staticmethod
    def _may_fold(head: Word) -> bool:
        """False when no span starting with HEAD can pass _fold_ok: a folded spelling is
        tried only after this cheap test, since most capitalised words fold onto some name."""
        if head.text.isupper():
            return False
        english = stoplist.english_words()
        key = head.light(True)
        alone = len(key) >= 4 and key not in english and key not in stoplist.always_stopped()
        word = head.light(False)
        return alone or word not in english or word in stoplist.generic_words()

    @staticmethod
    def _fold_ok(content: list[Word], fold: str) -> bool:
        """A spelling no source lists: every word capitalised, not shouting, long enough."""
        if key_strength(fold) < 2 or any(not w.capital or w.text.isupper() for w in content):
            return False
        if len(content) == 1:
            key = content[0].light(True)
            return (
                len(key) >= 4
                and key not in stoplist.english_words()
                and key not in stoplist.always_stopped()
                and not _possessive_without_apostrophe(key)
            )
        # "In Deir" is no folded "Ain Diwar": English words take no part in a folded name.
        generic = stoplist.generic_words()
        return not any(
            w.light(False) in stoplist.english_words() and w.light(False) not in generic
            for w in content
        )

    def _single_word_hits(
        self,
        w: Word,
        hits: list[tuple[int, float]],
        exact: bool,
        article: bool,
        before: Word | None,
        after: Word | None,
    ) -> list[tuple[int, float]]:
        """The hits a lone word may stand for; [] when the word is rather an everyday word,
        a person's name or an acronym. After an article ("al-Bab", "al-Tall") only names of
        people and groups are stopped."""
        key = w.light(True)
        if after is not None and after.capital and after.light(True) in stoplist.person_names():
            return []  # "Zakariya Ahmad", "Salma Hassan"
        if key in stoplist.names_and_groups():
            return []
        foreign = [(i, s) for i, s in hits if s == 1.0 and self.places[i].country != "Syria"]
        if w.shouting and len(w.light(True)) < 5:
            return foreign  # "US", "UK"; not "SDF", "YPG", "SANA", "SANA's"
        if not article and key in stoplist.always_stopped():
            return []
        if not article and key in stoplist.english_words():
            # "Dana" the town, not "Sam" for Damascus (Şam) nor a "Hill" hamlet.
            kept = [(i, s) for i, s in hits if s == 1.0 and self._known_as(i, key)]
            return kept or foreign
        if not exact:
            # A folded spelling of one word: close in letters, and standing alone, not inside
            # a run of capitalised words ("Abdolreza Rahmani Fazli", "Liwa Suqour").
            if any(
                x is not None and x.capital and x.light(True) not in stoplist.everyday_words()
                for x in (before, after)
            ):
                return []
            if _speaker(before, after):
                return []
            if _spelled_like_a_stop_word(key):
                # only a spelling that differs from the entry's by doubled letters alone
                hits = [(i, s) for i, s in hits if self._same_but_doubling(i, key)]
            return [(i, s) for i, s in hits if s >= MIN_SIMILARITY_WORD]
        return hits

    def _weak(self, i: int, fold: str, w: Word) -> bool:
        """A folded spelling of one word that only its sound joins to entry I, or whose
        fold key is two letters: it names the place only where the sentence puts a place
        ("in Shula", "the village of Shula", "Shula village"), or when the place is a big
        town or a district's seat ("Raqa"); elsewhere it is as often a surname, an outlet or
        a foreign word ("al-Zaidi", "Daily Sabah", "Suriah"). An adjective of origin
        ("al-Hamawi") is weak everywhere."""
        if _nisba(w.light(True), self._name_keys(i)):
            return True
        if self._big(i):
            return False
        if key_strength(fold) <= 2:
            return True
        return self._similarity(i, w.light(True)) < MIN_SIMILARITY_WORD

    def _in_place_context(self, text: str, ws: list[Word], i: int, j: int) -> bool:
        """Words I..J stand where a sentence puts a place: after a preposition of place
        ("in X", "near X"), after a place noun and "of" ("the village of X", "north of X"),
        before a place noun ("X village", "X district"), or in a list with a name spelled
        as the gazetteer spells it ("Jibrin and X", "X, Tafas")."""

        def gap(a: int) -> str:  # what separates word A from word A + 1
            return text[ws[a].raw_end : ws[a + 1].start]

        def listed(k: int) -> bool:
            return ws[k].capital and ws[k].light(True) in self.light

        nouns = stoplist.NAMED_PLACE_NOUNS
        if j + 1 < len(ws) and gap(j) in (" ", ", "):
            nxt = ws[j + 1].text.lower()
            if nxt in nouns or (gap(j) == ", " and listed(j + 1)):
                return True
            if nxt == "and" and j + 2 < len(ws) and gap(j + 1) == " " and listed(j + 2):
                return True
        if i == 0:
            return False
        if gap(i - 1) == ", ":
            return listed(i - 1)
        if gap(i - 1) != " ":
            return False
        prev = ws[i - 1].text.lower()
        if prev in stoplist.PLACE_PREPOSITIONS_STRONG:
            return True
        if i < 2 or gap(i - 2) not in (" ", ", "):
            return False
        if prev == "and":
            return listed(i - 2)
        return prev == "of" and ws[i - 2].text.lower() in nouns | stoplist.DIRECTIONS

    def _same_but_doubling(self, i: int, key: str) -> bool:
        """KEY is one of entry I's names but for doubled letters ("Khatab", "Khattab")."""
        undoubled = DOUBLED.sub(r"\1", key)
        return any(DOUBLED.sub(r"\1", k) == undoubled for k in self._name_keys(i))

    def _next_word(
        self, text: str, ws: list[Word], j: int, past_article: bool = True
    ) -> Word | None:
        """The word after word J when one space apart; if PAST_ARTICLE, past an article
        joined to a word that names no place ("Aymenn al-Tamimi": the surname, so that the
        run of names is seen as one; but "Atman al-Hrak" is a list of two villages). A name
        itself begun by an article ("al-Forqan al-Akramiyeh") is rather one of a list of
        places than a given name."""
        if j + 1 >= len(ws) or text[ws[j].raw_end : ws[j + 1].start] != " ":
            return None
        nxt = ws[j + 1]
        if past_article and nxt.article and j + 2 < len(ws) and ws[j + 2].capital:
            name = ws[j + 2]
            if text[nxt.raw_end : name.start] == "-" and name.light(True) not in self.light:
                return name
        return nxt


def _nisba(key: str, names: tuple[str, ...]) -> bool:
    """KEY ends in the -i of an Arabic adjective of origin, which no name of the entry has:
    a surname or an adjective ("al-Hamawi", "Halabi", "Homsi"), not the town."""
    return key.endswith("i") and not any(k.endswith(("i", "y", "e")) for k in names)


def _possessive_without_apostrophe(key: str) -> bool:
    """An English word or a stopped name with an "s" glued on: a possessive or plural
    whose apostrophe the page lost ("Kerrys demands", "Assads forces")."""
    stem = key[:-1]
    return key.endswith("s") and (
        stem in stoplist.english_words() or stem in stoplist.always_stopped()
    )


def _spelled_like_a_stop_word(key: str) -> bool:
    """A spelling no source lists that sounds as a given name, a group, an outlet or a
    generic word ("Aymenn" = Ayman, "Bassil" = Basel, "Shimale" = shamali, "Qadeem" =
    qadim): transliteration varies those words as much as village names."""
    return sound_token(key) in stoplist.stopped_sounds()


def _speaker(before: Word | None, after: Word | None) -> bool:
    """A lone word before a verb of saying names a person ("Hijab said", "Abdah noted"),
    unless a preposition of place precedes it ("a reporter at Baghouz said")."""
    if after is None or after.text not in stoplist.SPEECH_VERBS:
        return False
    return before is None or before.text.lower() not in stoplist.PLACE_PREPOSITIONS


def _person_before(text: str, ws: list[Word], i: int) -> bool:
    """True after a title or a given name ("President Assad", "Ahmed Hamdan"): the word is
    part of a person's name, even when a hamlet shares it."""
    if i == 0:
        return False
    prev = ws[i - 1]
    if text[prev.raw_end : ws[i].start] != " " or not prev.capital:
        return False
    return prev.light(True) in stoplist.person_cues()


# --- loading ----------------------------------------------------------------------------


def _user_path() -> Path:
    from warwire.store import data_dir

    return data_dir() / USER_FILE


def _from_doc(doc: dict[str, Any]) -> tuple[list[Place], list[float]]:
    if doc.get("fields") and tuple(doc["fields"]) != FIELDS:
        raise ValueError("gazetteer file has unknown fields")
    pairs = [row_to_place(r) for r in doc["places"]]
    return [p for p, _ in pairs], [w for _, w in pairs]


def _merge_index(base: dict[str, list[int]], extra: dict[str, list[int]]) -> None:
    for k, rows in extra.items():
        base.setdefault(k, []).extend(rows)


def build_gazetteer(bundled: Path = BUNDLED, user: Path | None = None) -> Gazetteer:
    """Load the bundled file and the user's GeoNames overlay, if any."""
    doc = read_gazetteer(bundled)
    places, weights = _from_doc(doc)
    everyday = stoplist.everyday_words()
    if doc.get("key_version") == KEY_VERSION:
        light, fold = doc["light"], doc["fold"]
    else:
        light, fold = build_index(places, everyday)
    if user is not None and user.exists():
        over = read_gazetteer(user)
        extra, extra_w = _from_doc(over)
        by_id = {p.id: i for i, p in enumerate(places)}
        known = set(by_id)
        fresh = [(p, w) for p, w in zip(extra, extra_w, strict=True) if p.id not in known]
        start = len(places)
        places += [p for p, _ in fresh]
        weights += [w for _, w in fresh]
        if len(fresh) == len(extra) and over.get("key_version") == KEY_VERSION:
            for mine, theirs in ((light, over["light"]), (fold, over["fold"])):
                _merge_index(mine, {k: [r + start for r in v] for k, v in theirs.items()})
        else:
            add_light, add_fold = build_index(places[start:], everyday, offset=start)
            _merge_index(light, add_light)
            _merge_index(fold, add_fold)
        for pid, names in over.get("aliases", []):
            i = by_id.get(pid)
            if i is None:
                continue
            alias = Place(name=names[0], alt_names=names[1:], feature=places[i].feature)
            a_light, a_fold = build_index([alias], everyday, offset=i)
            _merge_index(light, a_light)
            _merge_index(fold, a_fold)
    return Gazetteer(places, weights, light, fold, doc.get("admin1", []))


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The gazetteer, loaded once per process (bundled file plus the user overlay)."""
    return build_gazetteer(BUNDLED, _user_path())


def timed_load() -> tuple[Gazetteer, float]:
    """Load afresh and report seconds taken (for benchmarks and the build report)."""
    t = time.perf_counter()
    g = build_gazetteer(BUNDLED, _user_path())
    return g, time.perf_counter() - t


__all__ = ["Gazetteer", "PlaceSpan", "load_gazetteer", "unknown_place", "PROVINCES"]
