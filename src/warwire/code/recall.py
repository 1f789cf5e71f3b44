"""Reporting patterns that state an event the sentence-by-sentence reading would miss.

Each rule is a small test on a parsed sentence; the coder asks them where it would otherwise
drop a trigger (a noun with no place of its own, a sentence with no place at all).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

from warwire.code import taxonomy as tx
from warwire.code.context import BACK_TO_PLACE, PlaceHit, SentenceInfo
from warwire.code.context import LEAD_SENTENCES as LEAD
from warwire.code.roles import subtree_ids, token_of
from warwire.code.triggers import Trigger
from warwire.records import DayRef, Mention

# verbs whose subject is the weapon that did it: "an airstrike leveled the building"
IMPACT_VERBS = {
    "level", "destroy", "hit", "strike", "flatten", "raze", "demolish", "damage", "target",
    "kill", "wound", "injure", "pound", "rock", "slam", "tear", "rip", "smash", "wipe",
}  # fmt: skip


def took_place(verb: Token) -> bool:
    """ "The raid took place in X", "the assassination occurred on Sunday when gunmen ...":
    the noun of action is said to have happened, and where (or the "when" clause that tells
    it) is its own place."""
    lemma = verb.lemma_.lower()
    if lemma in {"happen", "occur", "unfold"}:
        return True
    return lemma == "take" and any(c.dep_ == "dobj" and c.lower_ == "place" for c in verb.children)


def acting_noun(trig: Trigger) -> Token | None:
    """ "An Israeli airstrike leveled a consulate building in Damascus", "a car bomb ripped
    through a market": the noun of the action is the subject of a verb of impact, so the
    sentence states the action as done, and the verb's place is the action's own place,
    however far the object pushes it from the noun; so too a noun said to have "taken place"
    (`took_place`). Returns that verb."""
    t = trig.token
    if not trig.nominal or t.dep_ != "nsubj":
        return None
    verb = t.head
    if verb.pos_ != "VERB" or not (verb.lemma_.lower() in IMPACT_VERBS or took_place(verb)):
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
    r"|\bday after day\b|\bevery (day|night)\b"
    r"|\b(regularly|routinely|frequently|often|constantly|habitually)\b",
    re.I,
)


def habitual(trig: Trigger) -> bool:
    """ "Kurdish forces have been backed by near daily US-led airstrikes", "the town is shelled
    every day", "jets regularly bomb the province", "the area is targeted regularly by air
    strikes": a repeated action told by its frequency is the war's routine, not an event of
    one day and place. A noun of action named as the doer of a verb ("targeted ... by air
    strikes") takes the verb's frequency."""
    t = trig.token
    words = [c for c in t.children if c.dep_ in {"amod", "advmod", "npadvmod"}]
    if trig.nominal:
        if t.dep_ == "pobj" and t.head.dep_ == "agent":  # "targeted regularly by strikes"
            words += [c for c in t.head.head.children if c.dep_ == "advmod"]
        return any(HABITUAL.search(" ".join(w.text for w in c.subtree)) for c in words)
    phrase = " ".join(w.text for c in words for w in c.subtree)
    return HABITUAL.search(phrase) is not None


# -- a follow-on sentence: the story's place ------------------------------------------------

# kinds that a wire report adds as a sentence of their own after the story's lead: "They
# targeted the troops with two car bombs", "Some of the captured soldiers were executed"
FOLLOW_ON_KINDS = {tx.IED, tx.SUICIDE, tx.ABDUCTION, tx.CHEMICAL, tx.GRENADE}
STORY_REACH = 4  # sentences back to the event whose place a follow-on sentence takes


@dataclass
class StoryPlace:
    place: PlaceHit
    day: DayRef | None  # the story event's day, for a sentence that names none


def _sentence_at(infos: list[SentenceInfo], start: int) -> int | None:
    for info in infos:
        if info.sent.start <= start < info.sent.end:
            return info.index
    return None


def _points_back(trig: Trigger) -> bool:
    """ "was shot dead (by gunmen) in the camp": a place phrase of the verb's own clause is
    "the camp" / "the town", the place named before."""
    t = trig.token
    if trig.nominal:
        return False
    own = subtree_ids(t, {"relcl", "ccomp", "advcl", "acl", "conj"})  # the clause, not others
    for prep in (w for w in t.sent if w.i in own and w.dep_ == "prep"):
        words = [w.text for w in prep.subtree]
        if len(words) <= 4 and BACK_TO_PLACE.match(" ".join(words)):
            return True
    return False


def story_place(
    trig: Trigger,
    kind: str,
    info: SentenceInfo,
    infos: list[SentenceInfo],
    told: list[Mention],
    last_place: PlaceHit | None,
) -> StoryPlace | None:
    """The place of an action whose sentence names no place at all.

    - "The monitor said a woman was shot dead by gunmen in the camp on Thursday": "the camp"
      points back to the town-level place the article last named (a few sentences up).
    - "Rebels stormed army posts in Jobar on Sunday. They targeted the troops with two car
      bombs": a weapon or a kidnapping told in a sentence of its own right after an event
      coded at a town is part of that story: same town, and its day unless one is named.
    Never for a sentence naming a place (in Syria or abroad): that place is its own."""
    if info.places or info.abroad:
        return None
    if last_place is not None and not last_place.province and _points_back(trig):
        back = _sentence_at(infos, last_place.start)
        if back is not None and info.index - back <= STORY_REACH:
            return StoryPlace(last_place, None)
    told = [m for m in told if not m.summary]  # a roll-up over provinces is no story
    if kind not in FOLLOW_ON_KINDS or not told:
        return None
    last = told[-1]
    if last.place is None or last.geo_precision != 1 or not last.evidence:
        return None
    back = _sentence_at(infos, last.evidence[-1].start)
    if back is None or not 0 < info.index - back <= STORY_REACH:
        return None
    if tx.KIND_SUB_EVENT.get(kind) == last.sub_event_type:
        return None  # the same weapon again: the story's own event, already coded
    hit = PlaceHit(0, 0, last.place.name, last.place, province=False, near=False)
    return StoryPlace(hit, last.day)


# -- the place told by the next sentence ----------------------------------------------------


def delayed_lede(index: int, infos: list[SentenceInfo], headline: str = "") -> bool:
    """ "Security forces fired tear gas at protesters in the country's third largest city.
    / A witness said ... at the main square in the centre of X.": a lead that names no place
    at all (a "delayed identification" lede, as news writing teaches it) leaves the place to
    the sentence after it, which names one place in Syria, nothing abroad and no other
    action ("also", "another"). A copy of the page's HEADLINE at the top of its text is no
    lead, nor one placed at the scale of the country or a region ("in the north")."""
    if index >= LEAD or index + 1 >= len(infos):
        return False
    lead, follow = infos[index], infos[index + 1]
    if lead.places or lead.abroad or follow.index != index + 1:
        return False
    if headline and headline.strip().lower() in lead.sent.text.lower():
        return False  # the page's copy of its headline, not its lead
    if COUNTRY_WIDE.search(lead.sent.text) or REGION_SCALE.search(lead.sent.text):
        return False  # placed, at the scale of the country or a region
    if follow.abroad or len({p.place.name for p in _towns(follow)}) != 1:
        return False  # two places, or a foreign city, leave the lead's place open
    if ANOTHER_ACTION.search(lead.sent.text):
        return False  # "shelling was reported elsewhere": not the story's own action
    return ANOTHER_ACTION.search(follow.sent.text) is None  # "jets also flew over X"


def delayed_lede_place(
    info: SentenceInfo, infos: list[SentenceInfo], headline: str = ""
) -> PlaceHit | None:
    """The place a delayed lede is placed at (`delayed_lede`)."""
    if not delayed_lede(info.index, infos, headline):
        return None
    return _towns(infos[info.index + 1])[0]


COUNTRY_WIDE = re.compile(
    r"\b(across|throughout|all over|in) (Syria|the country)\b|\bnationwide\b", re.I
)
# "in the north", "in northwestern Syria": a lead placed at the scale of a region
REGION_SCALE = re.compile(
    r"\b(in|across) the (far )?(north|south|east|west|centre|center|north-?east|north-?west|"
    r"south-?east|south-?west)\b|\b(north|south|east|west|central|north-?(east|west)|"
    r"south-?(east|west))(ern)? Syria\b",
    re.I,
)
COUNTRY_WORDS = {"syrian", "nationwide", "countrywide", "national"}


def country_wide(trig: Trigger) -> bool:
    """ "Protesters killed in Syrian rallies", "protests across the country": an action told
    at the scale of the whole country has no town of its own."""
    t = trig.token
    if any(c.dep_ in {"amod", "compound"} and c.lower_ in COUNTRY_WORDS for c in t.children):
        return True
    return COUNTRY_WIDE.search(t.sent.text) is not None


def _towns(info: SentenceInfo) -> list[PlaceHit]:
    """The places INFO names as where something is (a city that shares its province's name,
    "the centre of Homs", is read as the province by the place scan)."""
    return [p for p in info.places if not p.near]


TOLD_NEXT_KINDS = {
    tx.IED, tx.SUICIDE, tx.ATTACK, tx.AIR, tx.SHELLING, tx.CHEMICAL, tx.ABDUCTION,
}  # fmt: skip
TOLD_NEXT_REACH = 2  # sentences ahead
# "the victims", "the attack", "the latest assault" (one word may qualify the noun, but not
# one that makes it another action: "a second", "the new attack")
BACK_TO_EVENT = re.compile(
    r"\b(the victims?|the dead|the (?!(?:second|third|new|other|another|separate|previous|"
    r"earlier|later)\b)(\w+ )?(attack|blast|explosion|bombing|incident|strike|raid|massacre|"
    r"killings?|assault)|it happened|took place)\b",
    re.I,
)


def place_told_next(kind: str, info: SentenceInfo, infos: list[SentenceInfo]) -> PlaceHit | None:
    """ "Landmines killed ten civilians in central Syria on Monday. ... It said the victims
    had been gathering truffles in the countryside of X in Hama province.": the lead places the
    action only by region or province, and a sentence just after it, with no action of its
    own, tells where it was by pointing back to the victims or the attack. The town it names
    (inside the lead's province, if one was named) is the action's place."""
    if kind not in TOLD_NEXT_KINDS or any(not p.province for p in info.places):
        return None
    provinces = {p.place.admin1 for p in info.places}
    for follow in infos[info.index + 1 : info.index + 1 + TOLD_NEXT_REACH]:
        again = retells_the_lead(info, follow)
        if (
            tx.CANDIDATE.found(follow.sent.text)
            and follow.places
            and not _no_action(follow)
            and not again
        ):
            return None  # the next place named belongs to an action of its own
        if not (again or BACK_TO_EVENT.search(follow.sent.text)):
            continue
        towns = [p for p in follow.places if not p.province and not p.near]
        if provinces:
            towns = [p for p in towns if p.place.admin1 in provinces]
        if towns:
            return towns[0]
    return None


ANOTHER_ACTION = re.compile(
    r"\b(another|further|other|additional|also|separately|meanwhile|elsewhere|earlier|later|"
    r"previous(ly)?)\b",
    re.I,
)


def retells_the_lead(lead: SentenceInfo, follow: SentenceInfo) -> bool:
    """ "Five ex-commanders were killed on Thursday in the countryside of X province. ... The
    five were travelling on Thursday when their car was targeted near the town of Y": the
    sentence after the lead names the lead's own day again and no other action (no "also",
    "another", "separately"), so it retells the lead's event with its detail, the town
    included (wire services give the province first and the town after)."""
    days = {d.day.date for d in lead.days if d.day.precision == 1}
    again = {d.day.date for d in follow.days if d.day.precision == 1}
    return bool(days & again) and ANOTHER_ACTION.search(follow.sent.text) is None


def _no_action(info: SentenceInfo) -> bool:
    """True when the sentence's only action words are the ones that point back to the event."""
    rest = BACK_TO_EVENT.sub(" ", info.sent.text)
    return not tx.CANDIDATE.found(rest)
