"""Reporting patterns that say a gazetteer name in the text is not where anything happened,
or which of a name's entries is meant.

Each function reads the text around one name: the dateline, a building or a person the name
is part of, a quarter of a city the sentence names. context._resolve_places applies them.
"""

from __future__ import annotations

import re

from warwire.places import stoplist
from warwire.places.hierarchy import city_of
from warwire.places.names import light_key
from warwire.records import Place

# "DAMASCUS, Syria (AP) —", "BEIRUT, LEBANON (3:50 P.M.) –", "ERBIL (Kurdistan 24) –",
# "Doha, Qatar –", "Aleppo, SANA –": the place the report was filed from, before a dash.
DATELINE = re.compile(
    r"(?:^|\n|\d{4}-\d\d-\d\d\s+|\s{2,})"
    r"(?P<place>[A-Z][A-Z'’.-]{2,}(?:[ -][A-Z][A-Z'’.-]+){0,3}"
    r"|[A-Z][a-z'’-]+(?: [A-Z][a-z'’-]+){0,2}(?=,|\s*\())"
    r"(?:,\s*[A-Z][\w'’.-]*(?: [A-Z0-9][\w'’.-]*){0,3}){0,3}"
    r"\s*(?:\([^)\n]{1,40}\))?\s*(?:[-–—]{1,2}|:)\s"
)
DATELINE_REACH = 400  # characters from the start of the text

# "the Dama Rose hotel", "al-Omari mosque": a building named after a person or a word
BUILDING = re.compile(
    r"^(?:\s+[A-Z][\w'’-]*){0,2}\s+(hotel|mosque|church|school|hospital|university|"
    r"stadium|street|bakery|roundabout|square)\b",
    re.I,
)
# "Masrawy News", "Aleppo Media Center", "Raqqa Post": a word naming an outlet
OUTLET_AFTER = re.compile(
    r"^\s+(News|Agency|TV|Television|Radio|Network|Press|Times|Post|Channel|Media|Daily|"
    r"Today|Observer|Monitor|Voice|Tribune|Herald|Gazette)\b"
)
BASE_CUE = re.compile(
    r"^\s+(air ?base|airbase|airport|military airport|air ?field|military base)\b", re.I
)
SUB_CITY_CUE = re.compile(r"^\s+(district|neighbou?rhood|quarter|area)s?\b", re.I)
# "the X neighbourhood of Damascus": the words between a quarter's name and its city's
QUARTER_OF = re.compile(
    r"^\s+(district|neighbou?rhood|quarter|suburbs?|area)\s+of\s+(the\s+)?(city\s+of\s+)?$", re.I
)
# "the villages of X", and the names listed after it ("the villages of X, Y and Z")
TOWN_CUE_BEFORE = re.compile(
    r"\b(?i:towns?|villages?) of\s*"
    r"(?:(?:al-|el-)?[A-Z][\w'’-]*(?: (?:al-|el-)?[A-Z][\w'’-]*){0,2}"
    r"\s*(?:,\s*(?:and\s+)?|and\s+))*$"
)


def dateline_span(text: str) -> tuple[int, int] | None:
    """(start, end) of the dateline's place name at the head of a report, if any: where the
    report was filed, never by itself where the event was."""
    m = DATELINE.search(text[:DATELINE_REACH])
    if m is None:
        return None
    return m.start("place"), m.end("place")


def names_a_building(after: str, exact: bool) -> bool:
    """ "outside al-Omari mosque", "a bomb exploded outside the Dama Rose hotel": the name
    belongs to a building (often after a person). A name spelled exactly as a town and followed
    directly by the noun ("Zaafarana hospital") stays the town's."""
    m = BUILDING.match(after)
    if m is None:
        return False
    words_between = after[: m.start(1)].split()
    return bool(words_between) or not exact


def names_an_outlet(after: str) -> bool:
    """ "Masrawy News reported", "the Aleppo Media Center said": the name is an outlet's."""
    return OUTLET_AFTER.match(after) is not None


def names_a_base(after: str) -> bool:
    """ "inside the Tabqa air base", "Kuweires military airport": the base, not the town."""
    return BASE_CUE.match(after) is not None


ARTICLE_NAME = re.compile(r"^(al|el|as|ash|ar|ad|at|az|an)-\w+$", re.I)


COUNTRY_WORDS = {
    "syria", "iraq", "turkey", "lebanon", "jordan", "israel", "iran", "egypt", "russia",
}  # fmt: skip


def country_possessive(word: str) -> bool:
    """ "Syria's Idlib", "Iraq's Mosul" (and "Syrias Idlib" where a scrape lost the
    apostrophe): a country's possessive before a name makes it a place of that country,
    never a person's surname after a given name."""
    key = re.sub(r"(['’]s|s)$", "", word.lower())
    return word.lower() in COUNTRY_WORDS or key in COUNTRY_WORDS


def surname_after_given_name(text: str, start: int, surface: str) -> bool:
    """ "SDF commander Mazloum Abdi", "the operations room Burkan al-Furat": one word (or one
    "al-" word) right after another capitalised word that is no place, cue or everyday word
    ends a person's, a group's or an outlet's name, not a hamlet of the same spelling."""
    one = surface.strip()
    if " " in one or ("-" in one and ARTICLE_NAME.match(one) is None):
        return False
    before = text[max(0, start - 30) : start]
    m = re.search(r"(?:^|[\s(])([A-Z][a-z]+) (?:(?:al|el|as|ash|ad|ar|at|az)-)?$", before)
    if m is None:
        return False
    prev = m.group(1)
    if prev.lower() in stoplist.person_names() and not before.endswith(" "):
        return True  # "Abu Ibrahim al-Hashimi": a given name, then the family's "al-" name
    if country_possessive(prev):
        return False
    head = before[: m.start(1)].rstrip()
    if not head or head[-1] in '.!?\n"“':
        return False  # the previous word opens the sentence
    key = prev.lower()  # three look-ups: a union of the word lists would be built per name
    return not (
        key in stoplist.english_words()
        or key in stoplist.always_stopped()
        or key in stoplist.person_cues()
    )


def exact_spelling(surface: str, place: Place) -> bool:
    key = light_key(surface)
    return any(light_key(n) == key for n in [place.name, *place.alt_names])


def quarter_of_named_city(
    surface: str, surface_after: str, before: str, candidates: list[Place], cities: set[str]
) -> Place | None:
    """ "shelling of the Ramel district of Latakia", "clashes in Sheikh Saeed, Aleppo": when the
    sentence names a city, or calls the name a district, the city's own quarter of that name
    is meant, not a village of the same name elsewhere. "The towns of X" keeps the town."""
    if TOWN_CUE_BEFORE.search(before):
        return None
    quarters = [c for c in candidates if c.feature == "neighbourhood" and city_of(c)]
    if not quarters:
        return None
    spelled = [c for c in candidates if exact_spelling(surface, c)]
    if spelled and not any(c in quarters for c in spelled):
        return None  # "Jobar district": the entry spelled so, not a quarter spelled otherwise
    named = [c for c in quarters if city_of(c) in cities]
    if named:
        return named[0]
    if SUB_CITY_CUE.match(surface_after):
        return quarters[0]
    return None


# "X near Damascus", "X, east of Aleppo", "X on the outskirts of Homs", "X in Idlib province"
LOCATOR = re.compile(
    r"^\s*,?\s*(?:(?:just |some )?(?:\d+ (?:km|kilometres|kilometers|miles) )?"
    r"(?:near|outside|close to|in|on the outskirts of|in the countryside of|"
    r"(?:north|south|east|west)(?:ern)?(?:[- ]?(?:east|west)(?:ern)?)? of)"
    r"|in (?:the )?(?:north|south|east|west)(?:ern)?(?:[- ]?(?:east|west)(?:ern)?)?)"
    r"\s+(?:the\s+)?(?:(?:rebel|opposition|regime|government)[- ]held\s+)?$",
    re.I,
)


def locates(between: str) -> bool:
    """ "the town of X near Damascus", "X, east of Aleppo", "X in rebel-held Idlib": wire
    copy places a small town by the nearest city or its province, right after its name. The
    words BETWEEN a town and a coarser name are such a locating phrase, so the coarser name
    says where the town is and is no place of its own in the sentence."""
    return LOCATOR.match(between) is not None
