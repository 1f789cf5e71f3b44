"""Which place "the town" means: the last place the article called a town.

Reporters introduce a place with its class noun ("the town of A", "the northern city of B",
"C village") and then call it by that noun alone. When a sentence in between names another
place of another class ("the town lies on the road to the city of B"), "captured the town"
still means A: the noun of the anaphor picks the place introduced with that noun, not the
last place named. A place named without a class noun says nothing, and the last place stays
the reading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from warwire.code.context import PlaceHit
from warwire.code.roles import place_objects
from warwire.code.triggers import Trigger

CLASS_NOUNS = ("town", "city", "village")
# "the town of", "the strategic northern town of", "the Kurdish-held city of": the noun just
# before the name; "A town", "B city": just after it
NOUN_BEFORE = re.compile(r"\b(?P<noun>town|city|village)\s+of\s+(the\s+)?$", re.I)
NOUN_AFTER = re.compile(r"^\s+(?P<noun>town|city|village)\b", re.I)


def class_noun(text: str, hit: PlaceHit) -> str:
    """The class noun TEXT gives the place at HIT ("town" for "the town of A"), or ""."""
    before = NOUN_BEFORE.search(text[max(0, hit.start - 40) : hit.start])
    if before:
        return before.group("noun").lower()
    after = NOUN_AFTER.match(text[hit.end : hit.end + 12])
    return after.group("noun").lower() if after else ""


def anaphor_noun(trig: Trigger) -> str:
    """The class noun of the trigger's place anaphor ("town" for "captured the town"), or ""."""
    for c in place_objects(trig):
        if c.lower_ in CLASS_NOUNS and any(d.lower_ in {"the", "this"} for d in c.children):
            return c.lower_
    return ""


@dataclass
class NounMemory:
    """The last place the article introduced with each class noun, and the noun of each
    place as the article last introduced it."""

    by_noun: dict[str, PlaceHit] = field(default_factory=dict)
    noun_of: dict[str, str] = field(default_factory=dict)  # place key -> its class noun

    def note(self, text: str, places: list[PlaceHit]) -> None:
        """Remember the class nouns TEXT (the article) gives the precise PLACES."""
        for hit in places:
            noun = class_noun(text, hit)
            if noun:
                self.by_noun[noun] = hit
                self.noun_of[_key(hit)] = noun

    def resolve(self, noun: str, last: PlaceHit) -> PlaceHit:
        """The place "the NOUN" means: LAST, unless the article called LAST something else
        and introduced another place with NOUN."""
        known = self.noun_of.get(_key(last), "")
        named = self.by_noun.get(noun)
        if noun and known and known != noun and named is not None:
            return named
        return last


def _key(hit: PlaceHit) -> str:
    return hit.place.id or hit.place.name.lower()
