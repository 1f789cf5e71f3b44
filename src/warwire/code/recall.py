"""Reporting patterns that state an event the sentence-by-sentence reading would miss.

Each rule is a small test on a parsed sentence; the coder asks them where it would otherwise
drop a trigger (a noun with no place of its own, a sentence with no place at all).
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from warwire.code.context import PlaceHit
from warwire.code.roles import token_of
from warwire.code.triggers import Trigger

# verbs whose subject is the weapon that did it: "an airstrike leveled the building"
IMPACT_VERBS = {
    "level", "destroy", "hit", "strike", "flatten", "raze", "demolish", "damage", "target",
    "kill", "wound", "injure", "pound", "rock", "slam", "tear", "rip", "smash", "wipe",
}  # fmt: skip


def acting_noun(trig: Trigger) -> Token | None:
    """ "An Israeli airstrike leveled a consulate building in Damascus", "a car bomb ripped
    through a market": the noun of the action is the subject of a verb of impact, so the
    sentence states the action as done, and the verb's place is the action's own place,
    however far the object pushes it from the noun. Returns that verb."""
    t = trig.token
    if not trig.nominal or t.dep_ != "nsubj":
        return None
    verb = t.head
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in IMPACT_VERBS:
        return None
    if verb.tag_ not in {"VBD", "VBZ", "VBN"}:  # "would hit" is under a modal, no report
        return None
    return verb


def acted_on_place(trig: Trigger, sent: Span, offset: int, places: list[PlaceHit]) -> bool:
    """True when the noun of action is the subject of a verb of impact and one of PLACES sits
    inside that verb's phrase: the place is the action's own."""
    verb = acting_noun(trig)
    if verb is None:
        return False
    ids = {w.i for w in verb.subtree}
    toks = [token_of(sent, p.start - offset, p.end - offset) for p in places]
    return any(tok is not None and tok.i in ids for tok in toks)


HABITUAL = re.compile(
    r"\b((near|almost|nearly)[- ])?(daily|nightly|weekly)\b"
    r"|\bday after day\b|\bevery (day|night)\b",
    re.I,
)


def habitual(trig: Trigger) -> bool:
    """ "Kurdish forces have been backed by near daily US-led airstrikes", "the town is shelled
    every day": a repeated action told by its frequency is the war's routine, not an event of
    one day and place."""
    t = trig.token
    words = [c for c in t.children if c.dep_ in {"amod", "advmod", "npadvmod"}]
    if trig.nominal:
        return any(HABITUAL.search(" ".join(w.text for w in c.subtree)) for c in words)
    phrase = " ".join(w.text for c in words for w in c.subtree)
    return HABITUAL.search(phrase) is not None
