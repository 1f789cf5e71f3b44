"""Reporting patterns that separate neighbouring ACLED sub-event types, as small named tests.

Each test is written from the codebook's definitions, not from any one report: who took a
place (the government and its affiliates regain, a non-state actor overtakes), whether a place
changed hands unopposed or was left to another side, whether a protest turned violent or met
force, whether an attack hit an armed target, and whether a weapon was used or only found or
neutralised. They read the sentence text and the parse around one trigger: cheap enough to run
on every trigger of every article.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from warwire.code import taxonomy as tx
from warwire.code.background import up_from
from warwire.code.cues import has_cue
from warwire.code.triggers import Trigger, armed_target

# -- territory: who took it ---------------------------------------------------------------

# a government's forces or those fighting for it (ACLED: "government forces or affiliates")
STATE_TAKER = re.compile(
    r"\b(government|govt|regime|state|national|federal|security|armed|pro-government|"
    r"government-backed|loyalist|republican)\s+(forces|troops|army|units|soldiers|"
    r"military|guards?|police)\b|\b(army|troops|troopers|military|soldiers|marines|"
    r"commandos|paratroopers|gendarmes?|gendarmerie|national guard|security forces|"
    r"armed forces|defen[cs]e forces|pro-government|government-backed|loyalists?)\b",
    re.I,
)
LOYAL = re.compile(
    r"\b(loyal to|backing) (the )?(\w+\W{1,2}){0,4}(government|regime|president|state)\b|"
    r"\bpro-government\b|\bgovernment-(backed|allied)\b",
    re.I,
)
NON_STATE_TAKER = re.compile(
    r"\b(militants?|rebels?|insurgents?|fighters|jihadists?|militias?|militiamen|"
    r"separatists?|guerrill\w*|terrorists?|extremists?|islamists?|mujahideen|gunmen|"
    r"opposition|tribesmen|taliban|al-?shabaa?b|houthis?|boko haram|daesh|islamic state|"
    r"al-?qaeda|al-?nusra|hayat tahrir|new people's army|hezbollah)\b",
    re.I,
)
NAMED_GROUP = re.compile(r"\b(IS|ISIS|ISIL|HTS|NPA|PKK|YPG|SDF|AQAP|ISWAP)\b")  # case matters


def _subject(t: Token) -> Token | None:
    """The doer of a verb: its subject, the "by" agent of a passive, the "to" of "fell to";
    a verb joined by "and" to an earlier one shares that verb's subject."""
    node = t
    for _ in range(3):
        for c in node.children:
            if c.dep_ in {"nsubj", "csubj"}:
                return c
            if c.dep_ == "agent":
                return next((g for g in c.children if g.dep_ == "pobj"), None)
            if node.lemma_.lower() == "fall" and c.dep_ == "prep" and c.lower_ == "to":
                return next((g for g in c.children if g.dep_ == "pobj"), None)
        if node.dep_ != "conj" or node.head is node:
            return None
        node = node.head
    return None


def _air_subject(verb: Token) -> bool:
    """The verb's doer (see _subject) is air power: "warplanes", "the air force", "drones"."""
    doer = _subject(verb)
    words = " ".join(w.text for w in doer.subtree) if doer is not None else ""
    return tx.AIR_CUES.found(words)


def _taker_phrase(trig: Trigger) -> list[Token]:
    """The words naming who took the place: the subject's phrase, or "by X" of a noun."""
    t = trig.token
    if trig.nominal:
        by = next((c for c in t.children if c.dep_ == "prep" and c.lower_ == "by"), None)
        subj = next((g for g in by.children if g.dep_ == "pobj"), None) if by else None
    else:
        subj = _subject(t)
    return list(subj.subtree) if subj is not None else []


def taker_side(trig: Trigger) -> tuple[str | None, tuple[int, int]]:
    """("state" | "non_state" | None, the phrase's character span in the sentence's doc).

    Territory: the taker's noun phrase says whether the government regains ground ("forces
    loyal to the government", "the army", "security forces") or a non-state actor overtakes
    it ("militants", "rebel fighters", a named armed group), in any country. The earliest
    head word decides ("pro-government fighters"); loyalty to a government always does."""
    flag = national_flag(trig)
    if flag is not None:
        return "state", (flag.left_edge.idx, flag.right_edge.idx + len(flag.right_edge.text))
    words = _taker_phrase(trig)
    if not words:
        return None, (0, 0)
    first, last = words[0], words[-1]
    span = (first.idx, last.idx + len(last.text))
    text = first.doc.text[span[0] : span[1]]
    if LOYAL.search(text):
        return "state", span
    state = STATE_TAKER.search(text)
    found = [m for m in (NON_STATE_TAKER.search(text), NAMED_GROUP.search(text)) if m]
    non = min(found, key=lambda m: m.start()) if found else None
    if state and (non is None or state.start() <= non.start()):
        return "state", span
    if non:
        return "non_state", span
    return None, span


NATIONAL = {"syrian", "national", "government", "regime", "state"}


def national_flag(trig: Trigger) -> Token | None:
    """ "The Syrian flag was hoisted over the city council", "raised the national flag in the
    main square", "the flag of the Syrian Arab Republic": the state's flag raised over a place
    says the state took it, even when nobody is named as raising it."""
    t = trig.token
    if t.lemma_.lower() not in {"raise", "hoist", "plant"}:
        return None
    flag = next((c for c in t.children if c.dep_ in {"dobj", "nsubjpass"}), None)
    if flag is None or flag.lemma_.lower() != "flag":
        return None
    words = {w.lower_ for w in flag.subtree}
    if words & NATIONAL or {"arab", "republic"} <= words:
        return flag
    return None


# -- territory: taken unopposed, or left to another side ----------------------------------

UNOPPOSED = re.compile(
    r"\b(without (a |any )?(fight|resistance|clash\w*|battle|a shot)|(not|never) "
    r"(encounter\w*|me[et]t?) (any |a |much )?(armed )?(resistance|opposition)|met (no|little) "
    r"(armed )?resistance|unopposed|uncontested|(following|after) the (\w+ )?"
    r"(withdrawal|pull-?out|departure|retreat) of|"
    # a place its holders had left empty: nobody was there to fight for it
    r"(deserted|abandoned|empty|evacuated) ([\w'-]+ ){0,3}(posts?|positions?|bases?|towns?|"
    r"villages?|sites?|barracks|checkpoints?|areas?|airports?|camps?))\b",
    re.I,
)
LEFT_TO_OTHER = re.compile(
    r"\b(leaving (it|them|the \w+)?\s?(\w+ ){0,2}in the hands of|hand\w* (\w+ ){0,4}(control|"
    r"over)\b|allow\w* (\w+ ){0,4}(to )?(seize|take|enter|capture|move)|(took|taken|take) over|"
    r"(re-?)?captured by|(seiz|captur|took|enter)\w* (\w+ ){0,6}without (a |any )?"
    r"(fight|resistance))",
    re.I,
)


def unopposed_capture(sentence: str) -> bool:
    """Non-violent transfer: the place was taken without a fight ("had not encountered any
    resistance", "after the withdrawal of the garrison", "took an abandoned army post")."""
    return UNOPPOSED.search(sentence) is not None


def left_to_other_side(sentence: str) -> bool:
    """Non-violent transfer: a withdrawal that hands the ground to another side ("withdrew,
    leaving it in the hands of the rebels", "handed control of the camp back to ...")."""
    return LEFT_TO_OTHER.search(sentence) is not None


# -- protests: what happened to them ------------------------------------------------------

PROTEST_WORDS = re.compile(
    r"\b(protest(s|[eo]rs?|ing)?|demonstrat(ions?|ors?|ing)|marchers|rall(y|ies)|sit-ins?|"
    r"rioters?|strikers|(?-i:march(es|ed|ers|ing)?))\b",  # "march", not the month
    re.I,
)
FORCE_ON_PROTEST = re.compile(
    r"\b(suppress\w*|crackdown on|crack(ed)? down on|excessive force|brutally|"
    r"died (from|of) (gunfire|gunshot|bullet)\w*|(killing|killed|shot) ([\w'-]+ ){0,2}"
    r"(protest[eo]rs?|demonstrators?)|(protest[eo]rs?|demonstrators?) (were |was )?(shot|killed)|"
    r"attack\w* (and \w+ )?(on |against )?(an? |the )?([\w'-]+ ){0,2}(demonstrations?|protests?|"
    r"rall(y|ies)|protesters|demonstrators)|(beat|beats|beating|hits?|hitting|clubbed) (an? |the )?"
    r"([\w'-]+ ){0,2}(protest[eo]rs?|demonstrators?))",
    re.I,
)
CROWD_VIOLENCE = re.compile(
    r"\b((threw|throw|throws|throwing|hurled|hurling|pelted|pelting) ([\w'-]+ ){0,3}(stones|"
    r"rocks|petrol|molotov\w*|bottles|bricks|projectiles|objects|fireworks|fences?|"
    r"firebombs)|(stones|rocks|projectiles|bottles|bricks) (were|was|being) (thrown|hurled)|"
    r"(stone|rock)-throwing|clash(es|ed)\b|rioters?|rioting|riots\b|torched|set fires?|set ablaze|"
    r"(lit|light|lighting) fires|burn(ed|t|ing) (tyres|tires|cars|vehicles)|stormed|"
    r"ransacked|smashed|vandali[sz]\w*|clash\w* with (the )?(riot )?(police|security|law "
    r"enforcement)|fought (with )?(the )?(police|law enforcement|security)|"
    r"clashes ([\w'-]+ ){0,2}between (the )?(riot )?(police|security forces) and|turn\w* (very )?"
    r"violent|block\w* ([\w'-]+ ){0,2}(roads?|railways?|highways?|streets|traffic)|"
    r"barricades?|broke into)",
    re.I,
)
INTERVENTION = re.compile(
    r"\b(dispers\w*|tear ?gas|water cannons?|rubber bullets|pepper spray|batons?|"
    r"broke(-| )up|stun grenades?|(arrest\w*|detain\w*) ([\w'-]+ ){0,3}(protest[eo]rs|"
    r"demonstrators|marchers|activists|participants)|(protest[eo]rs|demonstrators|activists) "
    r"([\w'-]+ ){0,3}(arrested|detained))",
    re.I,
)
ARREST_AT_PROTEST = re.compile(
    r"\b(arrest|detain)\w*[^.]{0,80}\b(during|at|as) (an? |the )?([\w'-]+ ){0,3}(protests?|"
    r"demonstrations?|rall(y|ies)|sit-ins?|marches)\b|\b(arrest\w*|detain\w*) ([\w'-]+ ){0,3}"
    r"(protest[eo]rs|demonstrators|marchers)|\b(protest[eo]rs|demonstrators|marchers) "
    r"([\w'-]+ ){0,3}(arrested|detained)|\b(arrest|detain)\w*[^.]{0,80}\bas ([\w'-]+ ){0,4}"
    r"(staged|held|protested|marched|rallied)",
    re.I,
)


GRIEVANCE = re.compile(
    r"\b(against|over|denouncing|condemning|decrying) ([\w'-]+ ){0,4}(brutality|violence|"
    r"excessive (use of )?force|crackdowns?|killings?|repression|arrests?|detentions?)\b",
    re.I,
)


def protest_turn(sentence: str) -> str | None:
    """What a protest came to: tx.EXCESSIVE_FORCE (lethal force, beatings, a protest
    suppressed), tx.RIOT (stones thrown, fires set, roads blocked, clashes, a fight with the
    police), tx.INTERVENTION (tear gas, rubber bullets, dispersal, arrests), or None (peaceful).
    What the crowd protested against ("against police brutality") is not what happened to it."""
    sentence = GRIEVANCE.sub(" ", sentence)
    if FORCE_ON_PROTEST.search(sentence):
        return tx.EXCESSIVE_FORCE
    if CROWD_VIOLENCE.search(sentence):
        return tx.RIOT
    if INTERVENTION.search(sentence):
        return tx.INTERVENTION
    return None


PROTEST_TYPES = {
    tx.EXCESSIVE_FORCE: "Excessive force against protesters",
    tx.INTERVENTION: "Protest with intervention",
    tx.RIOT: "Violent demonstration",
}


def protest_type(text: str) -> str:
    """The ACLED type of a protest TEXT reports, by what it came to (protest_turn)."""
    return PROTEST_TYPES.get(protest_turn(text) or "", "Peaceful protest")


def arrests_at_protest(sentence: str) -> bool:
    """ACLED codes arrests made at a demonstration as a protest with intervention."""
    return ARREST_AT_PROTEST.search(sentence) is not None


def crowd_fight(sentence: str) -> bool:
    """ "protesters clashed with police", "rioters fought with law enforcement": a crowd,
    not an armed group, in the fight (a violent demonstration, not an armed clash)."""
    return PROTEST_WORDS.search(sentence) is not None and (
        CROWD_VIOLENCE.search(sentence) is not None
        or re.search(r"\b(police|law enforcement|riot)\b", sentence, re.I) is not None
    )


# -- attacks on armed targets -------------------------------------------------------------

CONTESTED = frozenset({
    "position", "checkpoint", "post", "outpost", "barrack", "barracks", "trench",
    "fortification", "point",
    # a part of a place: "seized several buildings inside the village", "took control of
    # parts of the supply route": ground gained in a fight that goes on, not the place
    "building", "part", "section", "block", "house",
})  # fmt: skip


def contested_ground(trig: Trigger) -> bool:
    """ "overran several checkpoints", "took control of five positions", "briefly seized the
    town", "seized several buildings in the village": posts or parts of a place taken in a
    fight, or ground held for hours, are an armed clash (ACLED keeps the territory types for a
    lasting change of control over a whole place)."""
    t = trig.token
    if any(c.lower_ in {"briefly", "temporarily", "momentarily"} for c in t.children):
        return True
    obj = next((c for c in t.children if c.dep_ in {"dobj", "nsubjpass"}), None)
    if obj is not None and obj.lemma_.lower() in {"control"}:
        obj = next(
            (g for c in obj.children if c.dep_ == "prep" and c.lower_ in {"of", "over"}
             for g in c.children if g.dep_ == "pobj"),
            None,
        )  # fmt: skip
    if obj is not None and obj.lemma_.lower() in CONTESTED:
        return True
    return partial_hold(trig) or disputed_capture(trig)


PARTS = frozenset({"part", "third", "half", "quarter", "section", "portion", "some"})


def partial_hold(trig: Trigger) -> bool:
    """ "took control of about a third of the town", "seized parts of the city": a share of a
    place taken is ground fought over, not a change of control of the place (an armed clash)."""
    t = trig.token
    heads = [c for c in t.children if c.dep_ in {"dobj", "nsubjpass"}]
    if heads and heads[0].lemma_.lower() == "control":
        heads = [heads[0], t]  # "control of X": the "of" may hang on either word
    if t.dep_ == "acl" and not heads:
        heads = [t.head]
    objs = list(heads)
    for h in heads:
        objs += [g for c in h.children if c.dep_ == "prep" and c.lower_ in {"of", "over"}
                 for g in c.children if g.dep_ == "pobj"]  # fmt: skip
    for o in objs:
        words = [o, *(c for c in o.children if c.dep_ in {"quantmod", "amod", "nummod"})]
        if o.i != t.i and any(w.lemma_.lower() in PARTS for w in words):
            return True
    return False


CLAIM_VERBS = {"claim", "say", "announce", "declare", "report"}
DISPUTE_VERBS = {"deny", "dispute", "reject", "refute", "contradict"}


def disputed_capture(trig: Trigger) -> bool:
    """ "The rebels claimed they had captured the town, but the army denied it": a capture one
    side claims and the other denies in the same sentence is fighting over the place, not a
    change of control (ACLED codes the clash)."""
    t = trig.token
    claim = next((n for n in up_from(t, 6) if n.i != t.i and n.lemma_.lower() in CLAIM_VERBS), None)
    if claim is None:
        return False
    return any(
        w.lemma_.lower() in DISPUTE_VERBS and w.i not in {a.i for a in up_from(t, 8)} for w in t.doc
    )


KILLERS = re.compile(
    r"\b(gunm[ae]n|bandits|attackers|assailants|militants?|insurgents?|rebels?|jihadists?|"
    r"terrorists?|fighters|militia\w*|soldiers|troops|police|army|security forces)\b",
    re.I,
)


def named_killer(trig: Trigger) -> bool:
    """ "Bandits have killed seven people": the killers are named by what they are, even when
    the actor dictionary does not know them, so the toll is an attack or a clash."""
    subj = _subject(trig.token)
    if subj is None:
        return False
    return KILLERS.search(" ".join(w.text for w in subj.subtree)) is not None


AIR_ACTION_NOUNS = frozenset({"raid", "strike", "airstrike", "sortie"})


def munition_of_an_air_raid(t: Token) -> bool:
    """ "jets staged raids with cluster rockets on the village", "airstrikes with guided missiles":
    the rockets hung on the raid by "with" are what the aircraft dropped or fired."""
    if t.dep_ != "pobj" or t.head.lower_ != "with":
        return False
    action = t.head.head
    return (
        action.pos_ in {"NOUN", "PROPN"}
        and action.lemma_.lower() in AIR_ACTION_NOUNS
        and (
            action.lemma_.lower() != "raid"
            or any(c.lower_ in {"air", "aerial"} for c in action.children)
            or action.lower_.startswith("air")
        )
    )


def fired_from_the_air(trig: Trigger) -> bool:
    """ "warplanes fired missiles at the town", "missiles fired by jets", "air raids with
    rockets": a missile or rocket launched from aircraft or drones is an air strike (ACLED),
    not shelling."""
    if trig.kind != tx.SHELLING or not trig.nominal:
        return False
    t = trig.token
    if munition_of_an_air_raid(t):
        return True
    node = t.head if t.dep_ in {"dobj", "nsubjpass"} else None
    if t.dep_ == "pobj" and t.head.head.pos_ == "VERB":
        node = t.head.head  # "attacked the town with missiles"
    if node is None or node.pos_ not in {"VERB", "AUX"}:
        return False
    return _air_subject(node)


AIR_ONLY_SIDES = {"israel"}
GROUND_WORDS = re.compile(
    r"\b(troops|soldiers|commandos?|ground|infantry|tanks?|gunmen|clash\w*|shell\w*|"
    r"artillery)\b",
    re.I,
)


def air_power_attack(trig: Trigger, side1: str, sentence: str) -> bool:
    """ "Israel attacked a building in Damascus", "an Israeli attack on the airport": a side
    that fights in Syria only from the air (ACLED: Israeli strikes are air/drone strikes)
    attacks by air, unless the sentence names troops, shelling or a ground fight."""
    return (
        trig.kind in {tx.ATTACK, tx.CLASH, tx.KILL}
        and side1 in AIR_ONLY_SIDES
        and GROUND_WORDS.search(sentence) is None
    )


def armed_object(trig: Trigger) -> bool:
    """ "militants attacked a checkpoint / an army patrol / security forces": the target is
    armed, so the attack is an armed clash (ACLED), whoever the attackers are."""
    t = trig.token
    if trig.nominal:
        objs = [g for c in t.children if c.dep_ == "prep" and c.lower_ in {"on", "against"}
                for g in c.children if g.dep_ == "pobj"]  # fmt: skip
    else:
        objs = [c for c in t.children if c.dep_ in {"dobj", "nsubjpass"}]
    return any(armed_target(o) for o in objs)


# -- weapons found or neutralised, not used -----------------------------------------------

NEUTRALISE_VERBS = frozenset({
    "find", "discover", "uncover", "clear", "destroy", "remove", "defuse", "dismantle",
    "seize", "recover", "confiscate", "intercept", "neutralize", "neutralise", "identify",
    "detect", "impound", "disarm", "collect", "hand", "surrender",
})  # fmt: skip
STORE_NOUNS = frozenset({
    "cache", "stash", "stockpile", "hideout", "depot", "haul", "store", "warehouse", "package",
})  # fmt: skip
# how a weapon noun hangs from what was done to it: "destroyed mines", "mines were cleared",
# "a stash of rockets", "mines and grenades were found"
WEAPON_PATH = frozenset({"dobj", "nsubjpass", "conj", "compound", "appos", "pobj", "prep"})


def weapon_neutralised(trig: Trigger) -> bool:
    """Disrupted weapons use: the weapon noun is what was found, cleared, destroyed or
    intercepted ("destroyed 300 mines", "a stash of rockets was found", "bombs discovered
    on the beach"), not something that went off. Air power that destroys weapons is a strike."""
    t = trig.token
    if not trig.nominal or trig.kind not in tx.WEAPON_KINDS:
        return False
    if any(c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in NEUTRALISE_VERBS
           for c in t.children):  # fmt: skip
        return True  # "bombs discovered on the beach" (not "strikes that destroyed a school")
    node = t
    for _ in range(4):
        lem = node.lemma_.lower()
        if node is not t and lem in STORE_NOUNS:
            return True
        if node.pos_ in {"VERB", "AUX"} and node is not t:
            if lem not in NEUTRALISE_VERBS:
                return False
            if lem == "destroy":
                return not _air_subject(node)
            return True
        if node.dep_ not in WEAPON_PATH or node.head is node:
            return False  # "seized the town after 140 airstrikes": the strikes were used
        if node.dep_ == "pobj" and node.head.lower_ != "of":
            return False
        node = node.head
    return False


# -- a type from the wording alone, when no trigger word gave one --------------------------
# Only the rule reading of a short text (classify, and the type model's "r:" feature) uses
# these; the coder never makes an event from them.

AGREEMENT_WORDS = re.compile(
    r"\b(agreed to|ceasefire|cease-fire|truce|prisoner swap|swap of|in exchange for|"
    r"exchange of (prisoners|detainees|bodies)|peace (talks|deal|agreement|accord)|"
    r"surrender(ed|s)? to)\b",
    re.I,
)
POSTURE_WORDS = re.compile(
    r"\b(deploy(ed|s|ing)|dispatch(ed|es|ing)|redeploy\w*|mobili[sz](ed|es|ing)|"
    r"reinforc(ed|es|ing)|(was|were|been|be) formed|formation of|sent troops|"
    r"(troops|forces) (arrived|moved)|(troop|military) (movements?|build-?up))\b",
    re.I,
)
NOT_CONFLICT_WORDS = re.compile(
    r"\b(earthquakes?|floods?|flooding|storms?|cyclones?|hurricanes?|typhoons?|rains?|"
    r"rainfall|wildfires?|drugs?|cocaine|heroin|smuggl\w*|traffick\w*|fire broke out|"
    r"accidents?|pandemic|covid\w*|coronavirus|vaccin\w*)\b",
    re.I,
)


def worded_type(text: str, withdrew: bool = False) -> str | None:
    """A type for a text whose triggers gave none, from how it is worded: a crowd of
    protesters (and what happened to it), a deal or exchange, or forces deployed, withdrawn
    (WITHDREW: a withdrawal stated as done) or formed (ACLED: change to group/activity).
    Disasters and crime get none."""
    if NOT_CONFLICT_WORDS.search(text):
        return None
    if has_cue("mob", text):
        return "Mob violence"
    if PROTEST_WORDS.search(text):
        return protest_type(text)
    if AGREEMENT_WORDS.search(text):
        return "Agreement"
    if withdrew or POSTURE_WORDS.search(text):
        return "Change to group/activity"
    if has_cue("property", text):
        return "Looting/property destruction"
    return None
