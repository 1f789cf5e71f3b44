"""The kind of action a trigger reports, read from its sentence, and ACLED's sub-event type.

A trigger word gives a first kind ("raid", "attack", "protest"); the sentence decides the rest:
a raid without aircraft is a ground attack, a bombing by a side without aircraft a planted
bomb, an attack on an armed target a clash, a protest met with live fire excessive force, a
takeover after a deal a handover. Shared by the coder's passes and the rules' type reading.
"""

from __future__ import annotations

import re

from warwire.code import taxonomy as tx
from warwire.code.context import ActorHit
from warwire.code.cues import civilian_ambush, has_cue, unarmed_target
from warwire.code.forced_out import defenders_forced_out
from warwire.code.patterns import (
    UNOPPOSED,
    air_power_attack,
    armed_object,
    arrests_at_protest,
    contested_ground,
    crowd_fight,
    fired_from_the_air,
    left_to_other_side,
    protest_turn,
    taker_side,
    unopposed_capture,
)
from warwire.code.triggers import Trigger

STATE_SIDES = {"syrian_government", "russia", "iran_allies"}
ARMED_SIDES = {
    "syrian_government", "russia", "iran_allies", "opposition", "jihadist", "islamic_state",
    "kurdish", "turkey", "us_coalition", "israel", "unknown",
}  # fmt: skip
AIR_SIDES = {"russia", "us_coalition", "israel"}
NON_STATE_ARMED = {"opposition", "jihadist", "islamic_state", "kurdish"}
EXCESSIVE = re.compile(
    r"\b(opened fire|fired (live )?(ammunition|bullets|on)|shot (dead|and killed)|live "
    r"(ammunition|fire|rounds)|killing \w+ protesters|protesters? (were|was) (killed|shot))\b",
    re.I,
)
VIOLENT_CROWD = re.compile(
    r"\b(threw|throwing|hurled|pelted|pelting) (stones|rocks|petrol|molotov)|\b(torched|set fire|"
    r"set ablaze|burn(ed|t|ing) (tyres|tires|cars|vehicles)|stormed|ransacked|smashed|"
    r"vandali[sz]ed|"
    r"clashed with (police|security)|turned violent)",
    re.I,
)
INTERVENED = re.compile(
    r"\b(dispers(ed|e)|tear ?gas|water cannon|rubber bullets|baton|broke up|arrested \w* ?"
    r"protesters|detained \w* ?protesters)",
    re.I,
)
PROTESTERS = re.compile(
    r"\b(protest[eo]rs?|demonstrators?|demonstrations?|marchers|rioters?|protest(s|ing)?)\b", re.I
)
FIGHTING = re.compile(
    r"\b(clash\w*|fight(?!ers?\b)\w*|fought|battl\w*|offensive|assault\w*|storm\w*|shell\w*|"
    r"bombard\w*|(air ?)?strikes?|raids?)\b",
    re.I,
)
# an article that names air strikes once calls them "the strikes" after


DELIBERATE = frozenset({"assassinate", "assassination", "execute", "execution", "massacre"})


def deliberate_killing(trig: Trigger) -> bool:
    """ "An assassination took place on Sunday", "the massacre of villagers", "executed five
    men": a noun or verb that names a killing as deliberate is an attack (ACLED: violence
    against civilians) when no armed side is named as its target, even with no killer."""
    return trig.token.lemma_.lower() in DELIBERATE


EXECUTIONS = frozenset({"execute", "execution", "behead", "beheading"})
CARRIED_OUT = frozenset({"attack", "operation", "plan", "raid", "strike", "assault", "mission",
                         "order", "ambush", "manoeuvre", "maneuver"})  # fmt: skip


def executed_captives(trig: Trigger) -> bool:
    """ "More than 50 troops were summarily executed", "the execution of 25 soldiers",
    "captured fighters were beheaded": men put to death are in their killers' hands, unarmed
    whatever side they fought on, so it is an attack (ACLED: violence against civilians,
    which covers detained combatants), never a clash. "Executed an attack" is carrying it
    out."""
    t = trig.token
    if t.lemma_.lower() not in EXECUTIONS:
        return False
    return not any(c.dep_ == "dobj" and c.lemma_.lower() in CARRIED_OUT for c in t.children)


def kind_for(
    trig: Trigger, a1: ActorHit | None, a2: ActorHit | None, sentence: str, air_story: bool = False
) -> str | None:
    kind = trig.kind
    side1 = a1.actor.side if a1 else ""
    if kind == tx.TERRITORY and side1 == "protesters":
        return tx.PROTEST  # "demonstrators took over the main square": a sit-in, not a capture
    if kind == tx.WITHDRAWAL:  # a withdrawal alone is no event; one leaving ground to others is
        return tx.TRANSFER if left_to_other_side(sentence) else None
    if kind == tx.AIR and trig.token.lemma_.lower() in {"raid", "strike"}:
        if (
            side1 not in AIR_SIDES
            and not (air_story and trig.token.lemma_.lower() == "strike")  # "the strikes"
            and not tx.AIR_CUES.found(sentence)
            and side1 != "syrian_government"
        ):
            ground = not trig.nominal and armed_object(trig)  # "militants raided an army base"
            return tx.CLASH if ground else None
    if _ground_bombing(trig, side1, sentence):
        return tx.IED
    if fired_from_the_air(trig) or air_power_attack(trig, side1, sentence):
        return tx.AIR  # "warplanes fired two missiles at the village", "Israel attacked"
    if kind in {tx.PROTEST, tx.RIOT, tx.ATTACK, tx.KILL, tx.CLASH} and has_cue("mob", sentence):
        return tx.MOB  # "a mob lynched", "angry villagers beat him to death"
    if kind in {tx.ATTACK, tx.KILL, tx.CLASH} and PROTESTERS.search(sentence):
        if EXCESSIVE.search(sentence) or protest_turn(sentence) == tx.EXCESSIVE_FORCE:
            return tx.EXCESSIVE_FORCE  # "troops opened fire on protesters, killing three"
        if kind == tx.CLASH and crowd_fight(sentence) and not _armed_group(a1, a2):
            return tx.RIOT  # "protesters clashed with police"
    if kind in {tx.CLASH, tx.ATTACK} and trig.token.lemma_.lower() == "ambush":
        victims = a2.actor.side if a2 is not None else None
        after = trig.token.doc[trig.token.i : trig.token.sent.end].text
        if victims not in ARMED_SIDES and civilian_ambush(after, victims):
            return tx.ATTACK  # "killed in an ambush while herding sheep"
    if kind == tx.ATTACK:
        if executed_captives(trig):
            return tx.ATTACK  # "50 troops were summarily executed": the captives were unarmed
        if a2 is not None and a2.actor.side in ARMED_SIDES:
            return tx.CLASH
        if armed_object(trig):
            return tx.CLASH  # "militants attacked a checkpoint": the target fights back
        if a2 is None and unarmed_target(sentence):
            return tx.ATTACK  # "gunmen attacked worshippers": no armed side was hit
        if a2 is None and deliberate_killing(trig):
            return tx.ATTACK  # "the assassination took place when gunmen targeted two men"
        if a2 is None or a2.actor.side != "civilians":
            return tx.CLASH if trig.nominal is False and a1 is not None else None
    entered = kind == tx.CLASH and trig.token.lemma_.lower() == "enter"
    if kind == tx.TERRITORY or entered:
        quiet = not _fought_over(sentence)
        handed = not entered and has_cue("handover", sentence)  # entering is no handing over
        if quiet and (unopposed_capture(sentence) or handed):
            return tx.TRANSFER  # "took over the town after the rebels withdrew under a deal"
        if kind == tx.TERRITORY and contested_ground(trig):
            return tx.CLASH  # "overran two checkpoints", "briefly seized the town"
    if kind in {tx.PROTEST, tx.RIOT}:
        turn = tx.EXCESSIVE_FORCE if EXCESSIVE.search(sentence) else protest_turn(sentence)
        if turn == tx.EXCESSIVE_FORCE:
            return turn
        if kind == tx.PROTEST and VIOLENT_CROWD.search(sentence):
            return tx.RIOT
        if kind == tx.PROTEST and INTERVENED.search(sentence):
            return tx.INTERVENTION
        if kind == tx.PROTEST and turn is not None:
            return turn
    if kind == tx.ARREST and arrests_at_protest(sentence):
        return tx.INTERVENTION  # ACLED: arrests at a demonstration are an intervention
    return kind


GROUND_SIDES = NON_STATE_ARMED | {"iran_allies"}  # sides with no aircraft of their own


def _ground_bombing(trig: Trigger, side1: str, sentence: str) -> bool:
    """ "A terrorist bombing in Damascus", "militants bombed a bus": a bombing by a side with
    no aircraft, and no word of aircraft, is a planted or thrown bomb, not an air strike."""
    return (
        trig.kind == tx.AIR
        and trig.token.lemma_.lower() in {"bomb", "bombing"}
        and side1 in GROUND_SIDES
        and not tx.AIR_CUES.found(sentence)
    )


FOUGHT_OVER = re.compile(
    r"\b(attack\w*|bomb(ed|ing|s)?|air ?strikes?|air raids?|by force|forcibl[ey]|by storm)\b", re.I
)


WITHDRAWN = re.compile(r"\b(withdr[ae]wn?|pulled (out|back))\b", re.I)  # not arms handed over


def quiet_withdrawal(sentence: str) -> bool:
    """ "All the fighters had withdrawn from X", "the garrison pulled out of X": a side is
    told to have left a place, and no fighting is told with it (a retreat under fire is not)."""
    return WITHDRAWN.search(sentence) is not None and not _fought_over(sentence)


def quiet_takeover(sentence: str) -> bool:
    """The sentence that tells a place taken tells no fighting, attack or bombing for it."""
    return not _fought_over(sentence)


def _fought_over(sentence: str) -> bool:
    """The place was fought for: fighting, an attack or bombing named (other than "without a
    fight", "fighters"): then a takeover is a capture, not a handover."""
    rest = UNOPPOSED.sub(" ", sentence)
    if defenders_forced_out(rest):
        return True  # "seized the town, forcing the rebels to retreat"
    return FIGHTING.search(rest) is not None or FOUGHT_OVER.search(rest) is not None


def _armed_group(a1: ActorHit | None, a2: ActorHit | None) -> bool:
    """An armed group named on either side: their fight is an armed clash, not a riot."""
    return any(a is not None and a.actor.side in NON_STATE_ARMED for a in (a1, a2))


def taker(trig: Trigger, kind: str, a1: ActorHit | None, offset: int) -> str:
    """The side that decides a territory type: the dictionary's actor when it is named as
    the taker, else what the taker's words say ("the army", "militants"), in any
    country; else the actor the roles found."""
    side = a1.actor.side if a1 else ""
    if kind != tx.TERRITORY:
        return side
    verdict, (start, end) = taker_side(trig)
    if verdict is None:
        return side
    if a1 is not None and start <= a1.start - offset < end and _proper(a1.surface):
        return side  # "Hezbollah fighters": the dictionary knows the named group's side
    return "state" if verdict == "state" else "non_state"


def _proper(surface: str) -> bool:
    """A name ("Syrian National Army"), not a common noun ("the national army")."""
    return any(ch.isupper() for ch in surface)


def sub_event(kind: str, side1: str) -> str:
    """ACLED's sub-event type for a kind of action (territory: who took it decides)."""
    if kind == tx.EXCESSIVE_FORCE:
        return "Excessive force against protesters"
    if kind == tx.INTERVENTION:
        return "Protest with intervention"
    if kind == tx.TERRITORY:
        return (
            "Government regains territory"
            if side1 in STATE_SIDES or side1 == "state"
            else "Non-state actor overtakes territory"
        )
    return tx.KIND_SUB_EVENT[kind]


def note_kind(kind: str) -> str:
    return tx.PROTEST if kind in {tx.EXCESSIVE_FORCE, tx.INTERVENTION} else kind
