"""Find the words in a parsed sentence that report an action, and decide if it happened.

A trigger is a verb or noun from the taxonomy's lexicon. It reports an event only when the
sentence states it as done: not negated, not under a modal ("would seize"), not the aim of
someone ("vowed to retake", "an attack to take the town"), not conditional ("if ... falls").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

from warwire.code import taxonomy as tx
from warwire.code.evacuation import fighters_evacuated

MODALS = {"will", "would", "could", "might", "may", "should", "must", "can", "shall", "'ll"}


@dataclass
class Trigger:
    token: Token
    kind: str
    nominal: bool  # a noun ("raids", "shelling") rather than a verb


IRREGULAR = {"retook": "retake", "retaken": "retake", "overtook": "overtake", "shot": "shoot"}
RIOT_GEAR = {"police", "policeman", "officer", "gear", "squad", "unit", "shield", "control", "cop"}
RECOVERED_GROUND = (
    tx.UNNAMED_PLACE_NOUNS
    | {"region", "territory", "ground", "land", "province"}
    | {
        "crossing",
        "airport",
        "airbase",
        "checkpoint",
        "outpost",
        "barracks",
        "headquarters",
    }
)  # fmt: skip  "recovered the border crossing": a site of war is ground recovered
PEOPLE = {"member", "suspect", "man", "woman", "people", "person", "militant", "fighter",
          "migrant", "smuggler", "activist"}  # fmt: skip
WEAPON_SITES = {
    "facility", "site", "plant", "program", "programme", "stockpile", "depot", "factory",
    "laboratory", "research", "production", "storage", "arsenal",
}  # fmt: skip
DISPLACED = {  # "forced 30,000 residents out of their homes": people displaced, no place taken
    "resident", "civilian", "family", "people", "villager", "inhabitant", "population",
    "refugee", "thousand", "hundred", "dozen", "million", "journalist", "worker", "student",
}  # fmt: skip
OUT_VERBS = {"drive", "push", "force", "kick", "chase", "flush"}
BY_FORM = {"raped": "rape", "rapes": "rape", "raping": "rape"}  # the model's lemma is "rap"


ACHIEVE_VERBS = {"manage", "succeed"}


def _achieved(t: Token) -> bool:
    """ "Rebels managed to control the village", "succeeded in controlling the hill", "were
    able to control the area": holding a place told as an achievement is its capture, not a
    standing state ("controls the area")."""
    head = t.head
    if t.dep_ == "pcomp" and head.dep_ == "prep" and head.lower_ == "in":
        head = head.head
    elif t.dep_ != "xcomp":
        return False
    if head.lower_ == "able" and head.dep_ == "acomp":  # "was able to", past: it happened
        be = head.head
        return be.lower_ in {"was", "were"} and not any(c.dep_ == "neg" for c in be.children)
    return _lemma(head) in ACHIEVE_VERBS and head.tag_ in {"VBD", "VBN", "VBZ"}


def _lemma(t: Token) -> str:
    lem = t.lemma_.lower()
    if lem == "rap":
        return BY_FORM.get(t.lower_, lem)
    return IRREGULAR.get(lem, lem)  # the small model leaves some irregular pasts as they are


def _noun_kind(t: Token, start: int) -> str | None:
    """The kind a noun reports, with the one or two words before it ("car bomb", "air-strikes");
    START is the sentence's first token, which the compound may not reach past."""
    if t.dep_ == "compound" and _lemma(t.head) in WEAPON_SITES:
        return None  # "chemical weapons facilities", "a missile programme": a target, no use
    lem = _lemma(t)
    prev = t.nbor(-1) if t.i > start else None
    prev2 = t.nbor(-2) if t.i > start + 1 else None
    if prev is not None and prev.text == "-" and prev2 is not None:  # "air-strikes", "sit-in"
        prev = prev2
    if prev is not None:
        pair = f"{_lemma(prev)} {lem}"
        if prev2 is not None and f"{_lemma(prev2)} {pair}" in tx.NOUNS:
            return suicide_of(t, tx.NOUNS[f"{_lemma(prev2)} {pair}"])
        if pair in tx.NOUNS:
            return suicide_of(t, tx.NOUNS[pair])
        if lem == "strike" and _lemma(prev) in {"missile", "rocket", "artillery"}:
            return tx.SHELLING
    if lem == "riot" and t.dep_ == "compound" and _lemma(t.head) in RIOT_GEAR:
        return None  # "riot police", "riot gear": the police's kit, not a riot
    if lem == "bomb" and prev is not None and _lemma(prev) in {"car", "roadside", "barrel"}:
        return tx.NOUNS[f"{_lemma(prev)} bomb"]
    if lem == "bomb" and t.dep_ != "compound":
        return _bomb_kind(t)
    return tx.NOUNS.get(lem)


def suicide_of(t: Token, kind: str) -> str:
    """ "A suicide bomb attack", "a suicide car bomb attack": a bomb noun whose compounds
    begin with "suicide" is a suicide bombing (ACLED: Suicide bomb), however many words stand
    between them."""
    if kind != tx.IED:
        return kind
    compounds = [c for c in t.lefts if c.dep_ in {"compound", "amod", "nmod"}]
    words = {_lemma(w) for c in compounds for w in c.subtree}
    return tx.SUICIDE if "suicide" in words else kind


def _bomb_kind(t: Token) -> str | None:
    """ "A bomb targeted an officer's car", "killed by a bomb planted in his car": a bomb with
    no aircraft in the sentence was planted or thrown (ACLED: remote explosive/IED); one
    "dropped" from helicopters is an air strike. A bomb that is only found or defused, or is
    the object of a "bomb attack" compound, is left to those words."""
    if t.dep_ in {"dobj", "nsubjpass"} and _lemma(t.head) in BOMB_UNUSED:
        return None
    if t.dep_ in {"attr", "appos"} or (t.dep_ == "pobj" and t.head.lower_ == "with"):
        return None  # "the camp is a bomb", "bombed the town with bombs and artillery"
    if any(_lemma(c) in {"time", "ticking"} for c in t.children):
        return None  # "a ticking time bomb": a figure of speech
    if tx.AIR_CUES.found(t.doc.text):
        return tx.AIR
    return tx.IED


BOMB_UNUSED = tx.WEAPON_HAUL_VERBS | {"defuse", "dismantle", "disarm", "plant", "make", "build"}


SUICIDE_WORDS = re.compile(
    r"\b(suicide|vests?|(killing|blew up|blowing up) (himself|herself|themselves))\b", re.I
)
BLAST_SUICIDE = {"suicide", "bomber", "vest", "belt", "himself", "herself", "themselves"}
BLAST_SHELLS = {"shell", "mortar", "rocket", "missile", "projectile"}
BLAST_DEVICES = {"bomb", "device", "ied", "mine", "landmine", "explosive", "car", "vehicle",
                 "motorcycle", "truck", "charge", "trap", "booby", "svbied", "vbied"}  # fmt: skip


def _particle(t: Token, word: str) -> bool:
    """The verb has the particle WORD: "took over", "pulled out", "blew up", "shot down"."""
    return any(c.dep_ == "prt" and c.lower_ == word for c in t.children)


def _blast_kind(t: Token, kids: dict[str, Token]) -> str | None:
    """ "A bomb exploded", "militants detonated a device", "a bomber blew himself up", "a
    mortar shell exploded": what went off decides the kind; a depot or a gas tank exploding
    is no attack, so with no weapon named there is no trigger."""
    words: set[str] = set()
    for dep in ("nsubj", "nsubjpass", "dobj"):
        if dep in kids:
            words |= {_lemma(w) for w in kids[dep].subtree}
    if words & BLAST_SUICIDE or SUICIDE_WORDS.search(t.sent.text):
        return tx.SUICIDE  # in a sentence about suicide bombers, the blast is the bomber's
    if words & BLAST_SHELLS:
        return tx.SHELLING
    if words & BLAST_DEVICES:
        return tx.IED
    return None


TRUCES = {"truce", "ceasefire", "cease-fire", "armistice", "ceasefires", "truces"}
TRUCE_STARTS = {"start", "begin", "take", "go", "come", "enter"}


def truce_began(t: Token, lem: str, kids: dict[str, Token]) -> bool:
    """ "The truce started on Wednesday", "a ceasefire took effect at midnight", "the
    ceasefire came into force": a truce said to begin is the agreement's event (ACLED:
    Strategic developments, Agreement), on the day it began."""
    subj = kids.get("nsubj")
    if lem not in TRUCE_STARTS or subj is None or subj.lower_ not in TRUCES:
        return False
    if lem in {"start", "begin"}:
        return True
    words = {w.lower_ for w in t.subtree}
    return bool(words & {"effect", "force"})


TAKEN_GROUND = tx.UNNAMED_PLACE_NOUNS | {"checkpoint", "airport", "airbase", "crossing", "outpost"}


def _named_place(noun: Token | None) -> bool:
    """ "the city of Aleppo", "the Anadan checkpoint", "the town": a noun of ground named by a
    proper name (after "of" or before it), so an entry into it or its taking is about that
    place ("rebels entered the city of X", "the X checkpoint was taken")."""
    if noun is None or _lemma(noun) not in TAKEN_GROUND:
        return False
    named_of = any(
        c.dep_ == "prep" and c.lower_ == "of" and any(g.pos_ == "PROPN" for g in c.children)
        for c in noun.children
    )
    return named_of or any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in noun.children)


DEPLOYMENT = {"deployment", "redeployment"}


def deployed_in_town(t: Token, lem: str) -> bool:
    """ "Troops have completed their deployment in the town of X", "finished deploying in X":
    how state media tell troops taking over a named town (entered, then spread through it);
    a deployment told as completed there is its takeover. A deployment still going on, or one
    to a region or a base, is not."""
    if lem not in {"complete", "finish", "conclude"} or t.tag_ == "VBG":
        return False
    # the parse may take a later conjunct for the object ("their deployment in X and its
    # surroundings"): any object of the verb may be the deployment
    deployed = [c for c in t.children if c.dep_ == "dobj" and _lemma(c) in DEPLOYMENT]
    if not deployed:
        return False
    for head in (t, deployed[0]):
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ in {"in", "into", "inside"}:
                if any(g.dep_ == "pobj" and _entered_place(g) for g in c.children):
                    return True
    return False


UNARMED_COMERS = {
    "people", "resident", "civilian", "family", "refugee", "villager", "inhabitant",
    "aid", "truck", "delegation", "journalist", "reporter", "team", "inspector", "observer",
}  # fmt: skip


def _unarmed_entry(subj: Token | None) -> bool:
    """ "Thousands of refugees entered the town", "an aid convoy entered X", "UN inspectors
    entered the city": people or goods that come unarmed fight nobody for the place they
    enter."""
    if subj is None:
        return False
    words = [subj, *(c for c in subj.children if c.dep_ in {"compound", "amod"})]
    words += [g for c in subj.children if c.lower_ == "of" for g in c.children]  # thousands of
    return any(_lemma(w) in UNARMED_COMERS for w in words)


def _entered_place(dobj: Token | None) -> bool:
    """ "Troops entered Harasta" and "troops entered the town of Harasta": outlets name the
    place entered bare or with its kind ("the city of X", "the X checkpoint"); one action,
    coded the same way either way (a fight for the place, which `kinds.kind_for` turns into
    a handover when the sentence says it was unopposed)."""
    if dobj is None:
        return False
    return dobj.pos_ == "PROPN" or _named_place(dobj)


CAPTURE_VERBS = {"capture", "recapture", "seize"}
# men a side takes in battle: captives, not ground ("captured a pilot", "seized 12 soldiers")
COMBATANTS = {
    "pilot", "soldier", "troop", "fighter", "militant", "member", "officer", "commander",
    "gunman", "rebel", "jihadist", "insurgent", "terrorist", "conscript", "recruit", "crew",
    "airman", "mercenary", "guard", "policeman", "hostage", "prisoner", "leader",
}  # fmt: skip


def _captive_of(t: Token, kids: dict[str, Token]) -> Token | None:
    """The noun a capture verb takes: its object, its passive subject, the noun a relative or
    participle clause hangs on ("a pilot they captured", "soldiers captured by the group"),
    and through "of" a count's noun ("captured dozens of soldiers")."""
    obj = kids.get("dobj") or kids.get("nsubjpass")
    if obj is None and (
        (t.dep_ == "relcl" and "nsubj" in kids) or (t.dep_ == "acl" and "agent" in kids)
    ):
        obj = t.head  # "the pilot they captured", "soldiers captured by the group"
    if obj is not None and obj.like_num or (obj is not None and _lemma(obj) in {"dozen", "score"}):
        inner = [g for c in obj.children if c.lower_ == "of" for g in c.children]
        obj = inner[0] if inner else obj
    return obj


def captives_not_ground(t: Token, kids: dict[str, Token]) -> bool:
    """ "Insurgents shot a pilot they had seized", "the group captured 12 soldiers", "a pilot was
    captured after he ejected": fighters taken in battle are captives, not territory; wire
    reports tell captures of men and of towns with the same verbs, and only a place taken is a
    takeover (the fighting or the killing around it is coded from its own words)."""
    if _lemma(t) not in CAPTURE_VERBS:
        return False
    obj = _captive_of(t, kids)
    return obj is not None and _lemma(obj) in COMBATANTS


def _verb_kind(t: Token, start: int) -> str | None:
    lem = _lemma(t)
    kids = {c.dep_: c for c in t.children}
    dobj = kids.get("dobj")
    if captives_not_ground(t, kids):
        return None
    if lem in tx.WEAPON_HAUL_VERBS:  # "seized weapons", "a cache was found": arms, not a place
        obj = dobj if dobj is not None else kids.get("nsubjpass")
        if obj is None and t.dep_ == "acl":
            obj = t.head  # "weapons seized on a boat"
        if obj is not None and _lemma(obj) in tx.WEAPON_NOUNS:
            return tx.DISRUPTED
    if lem in OUT_VERBS and dobj is not None and _out_of(t) and _lemma(dobj) not in DISPLACED:
        return tx.TERRITORY  # "drove the militants out of the town": the subject took it
    if lem == "free" and _freed_place(t, dobj):
        return tx.TERRITORY  # "freed several villages from the militants"
    if (
        lem == "control"
        and dobj is not None
        and any(c.lower_ in {"entire", "whole", "full"} for c in dobj.children)
    ):
        return tx.TERRITORY  # "by controlling the entire area"
    if lem == "control" and dobj is not None and _achieved(t):
        return tx.TERRITORY  # "managed to control the village", "succeeded in controlling"
    if truce_began(t, lem, kids):
        return tx.AGREEMENT  # "the two-day truce started on Wednesday", "a ceasefire took effect"
    if deployed_in_town(t, lem):
        return tx.TERRITORY  # "troops have completed their deployment in the town of X"
    if declared_clear(t, lem, kids):
        return tx.TERRITORY  # "the town was declared free of terrorists"
    if lem == "be" and in_full_control(t):
        return tx.TERRITORY  # "said on Thursday it was in full control of the city"
    if lem == "pull" and _particle(t, "out"):
        return tx.WITHDRAWAL
    if lem == "agree" and t.tag_ in {"VBD", "VBN", "VBZ"} and "xcomp" in kids:
        return tx.AGREEMENT  # "the two sides agreed to exchange prisoners"
    if lem in CONTROL_VERBS and dobj is not None and _lemma(dobj) == "control":
        return tx.TERRITORY  # "established control over the town", "restored control of"
    if lem in {"raise", "hoist", "plant"} and _flag(kids):
        return tx.TERRITORY  # "troops raised the national flag over the town hall"
    if lem == "take" and _held_captive(t, dobj):
        return tx.ABDUCTION  # "took 70 villagers captive", "took civilians as human shields"
    if lem in SNATCH_VERBS and _people_taken(t, kids):
        return tx.ABDUCTION  # "gunmen entered the house and took her son"
    if lem in {"find", "discover"} and _bodies(kids):
        return tx.ATTACK  # "the bodies of two women were found in the camp"
    if lem == "gun" and _particle(t, "down"):
        return tx.KILL  # "gunned down a former commander"
    if lem == "take" and _named_place(kids.get("nsubjpass")):
        return tx.TERRITORY  # "the X checkpoint was taken this morning"
    if lem in {"take", "gain", "assume", "impose", "wrest", "regain"}:
        if dobj is not None and _lemma(dobj) in {"control", "town", "city", "village", "area"}:
            if any(c.dep_ == "compound" and c.lower_ == "fire" for c in dobj.children):
                return tx.CLASH  # "imposed fire control over the village": in range, not held
            return tx.TERRITORY
        if dobj is not None and dobj.pos_ == "PROPN":
            return tx.TERRITORY
        if lem == "take" and _particle(t, "over"):
            return tx.TERRITORY
        return tx.VERBS.get(lem)
    if lem == "fall":
        if any(c.dep_ == "prep" and c.lower_ == "to" for c in t.children):
            return tx.TERRITORY
        return None
    if lem == "break" and dobj is not None and _lemma(dobj) == "siege":
        return tx.SIEGE_BREAK
    if lem == "break" and _through(t, "siege"):
        return tx.SIEGE_BREAK  # "broke through the siege of Deir ez-Zor"
    entered = [c for c in t.children if c.dep_ == "dobj"]  # the parse may split an apposition
    if (
        lem == "enter"
        and any(map(_entered_place, entered))
        and not _unarmed_entry(kids.get("nsubj"))
    ):
        return tx.CLASH  # "government forces entered Maarat al-Numan": fighting for the town
    if lem in {"lift", "end"} and dobj is not None and _lemma(dobj) == "siege":
        return tx.SIEGE_BREAK
    if lem in {"agree", "sign", "reach", "conclude", "broker"}:
        objs = [c for c in t.subtree if _lemma(c) in tx.AGREEMENT_OBJECTS]
        if objs and t.tag_ in {"VBD", "VBN", "VBZ"}:
            return tx.AGREEMENT
        return None
    if lem == "hand" and _particle(t, "over"):
        return tx.TRANSFER
    if lem == "intercept" and dobj is not None and _lemma(dobj) in PEOPLE:
        return tx.ARREST  # "intercepted 15 suspected members of the group"
    if lem == "destroy" and air_doer(t):
        return tx.AIR  # "the air force destroyed a number of vehicles"
    if lem == "hand" and dobj is not None and _lemma(dobj) == "control":
        return tx.TRANSFER  # "handed control of the camp back to the army"
    if lem == "recover" and dobj is not None and _lemma(dobj) in RECOVERED_GROUND:
        return tx.TERRITORY  # "the army recovered the border regions"
    if lem == "launch" and dobj is not None:
        k = _noun_kind(dobj, start) or tx.NOUNS.get(_lemma(dobj))
        if k in {tx.CLASH, tx.ATTACK}:
            return tx.CLASH
        return k
    if lem in {"protest", "demonstrate"} and any(
        c.dep_ == "ccomp" or (c.dep_ == "mark" and c.lower_ == "that") for c in t.children
    ):
        return None  # "these figures demonstrate that ...": to show, not to march
    if lem in {"hit", "target", "strike", "struck", "pound", "bomb", "raid", "attack"}:
        if air_doer(t) or air_means(t):
            return tx.AIR  # "warplanes attacked a convoy"
        if shell_means(t, start):
            return tx.SHELLING  # "the camp was targeted with mortars"
        if lem == "raid" and dobj is not None and armed_target(dobj):
            return tx.CLASH  # "militants raided an army base": a ground assault
        return tx.VERBS.get(lem)
    blew_up = (lem == "blow" and _particle(t, "up")) or (lem == "go" and _particle(t, "off"))
    if lem in {"explode", "detonate"} or blew_up:
        return _blast_kind(t, kids)
    if lem in {"kill", "die"}:
        return tx.KILL
    if lem == "shoot" and any(c.dep_ == "oprd" or c.lower_ == "dead" for c in t.children):
        return tx.KILL  # "shot dead two farmers"
    if lem == "shoot" and _particle(t, "down"):
        return tx.DISRUPTED  # "shot down a drone"
    if lem in {"establish", "set", "open", "build"} and dobj is not None:
        if _lemma(dobj) in {"base", "headquarters", "outpost", "camp", "post"}:
            if lem != "set" or _particle(t, "up"):
                return tx.BASE
    if lem in {"hand", "turn"} and _particle(t, "over"):
        return tx.TRANSFER
    if lem in {"open"} and dobj is not None and _lemma(dobj) == "fire":
        return tx.ATTACK
    if crowd_fired_on(t, lem, dobj):
        return tx.PROTEST  # "fired tear gas at protesters": the kind then says what it came to
    return tx.VERBS.get(lem)


CROWD_FIRE_VERBS = {"fire", "use", "lob", "shoot", "spray", "throw"}
CROWD_WEAPONS = {"gas", "teargas", "round", "ammunition", "bullet", "cannon", "grenade",
                 "pellet", "buckshot", "canister", "shot"}  # fmt: skip
CROWD_TARGETS = {
    "protester", "demonstrator", "mourner", "marcher", "worshipper", "crowd", "protest",
    "demonstration", "rally", "march", "funeral", "gathering", "procession", "sit-in",
}  # fmt: skip
AT_TARGET = {"at", "on", "into", "against", "toward", "towards"}


def crowd_fired_on(t: Token, lem: str, dobj: Token | None) -> bool:
    """ "Security forces fired tear gas and live rounds at protesters", "police used teargas to
    disperse the mourners": crowd-control weapons (gas, live or rubber rounds, water cannon)
    turned on a gathering are the force used on a protest, the way protest crackdowns are
    told the world over; the protest's kind (intervention, excessive force) is read from the
    sentence by `kinds.kind_for`. Weapons fired with no crowd as their target ("fired live
    rounds into the air") are not."""
    if lem not in CROWD_FIRE_VERBS or dobj is None or _lemma(dobj) not in CROWD_WEAPONS:
        return False
    for c in t.children:
        if c.dep_ == "prep" and c.lower_ in AT_TARGET:
            if any(_lemma(w) in CROWD_TARGETS for w in c.children if w.dep_ == "pobj"):
                return True
        if c.dep_ in {"xcomp", "advcl"} and _lemma(c) == "disperse":
            return True
    return False


CONTROL_VERBS = {"establish", "restore", "secure", "extend", "reassert", "reestablish"}
CAPTIVES = {"captive", "hostage", "prisoner", "shield"}
CROWD = {
    "people", "resident", "local", "crowd", "villager", "protester", "demonstrator",
    "civilian", "inhabitant", "citizen", "student", "child",
}  # fmt: skip


def _flag(kids: dict[str, Token]) -> bool:
    """The verb's object (or passive subject) is a flag: "raised the flag", "the flag was
    hoisted"."""
    obj = kids.get("dobj") or kids.get("nsubjpass")
    subj = kids.get("nsubj")
    if subj is not None and _lemma(subj) in CROWD:
        return False  # "residents hoisted the flag" celebrate; they take nothing
    return obj is not None and _lemma(obj) in {"flag", "banner"}


def _held_captive(t: Token, dobj: Token | None) -> bool:
    """ "took 70 villagers captive", "took civilians hostage", "took them as human shields":
    people taken, not a place."""
    for c in t.children:
        if c.dep_ in {"oprd", "xcomp", "advmod", "acomp", "dobj", "npadvmod"}:
            if _lemma(c) in CAPTIVES:
                return True
        if c.dep_ == "prep" and c.lower_ == "as":
            if any(_lemma(g) in CAPTIVES for g in c.children if g.dep_ == "pobj"):
                return True
    return dobj is not None and any(
        _lemma(c) in CAPTIVES for c in dobj.children if c.dep_ in {"amod", "appos", "acl"}
    )


SNATCH_VERBS = {"take", "snatch", "seize", "grab"}
# people a report says were taken away: kin, villagers, civilians, a count of people
TAKEN_PEOPLE = {
    "son", "daughter", "brother", "sister", "father", "mother", "husband", "wife", "child",
    "boy", "girl", "man", "woman", "civilian", "people", "resident", "villager", "worker",
    "doctor", "journalist", "activist", "teenager", "relative", "family",
}  # fmt: skip
# "took the wounded to hospital", "took civilians out", "took part": moved or helped, not seized
TAKEN_AWAY_NOT = {"to", "out", "into", "towards", "toward", "back", "part", "away"}


def _people_taken(t: Token, kids: dict[str, Token]) -> bool:
    """ "Armed men entered the house and took her son", "the fighters took 2,000 civilians
    from the district", "three women were seized from the village": people (kin, civilians,
    a count of residents) taken by someone, with no "to" place they were brought to nor
    "out" of danger, is a kidnapping as the wire services and monitors report it."""
    obj = kids.get("dobj") or kids.get("nsubjpass")
    if obj is None or _lemma(obj) not in TAKEN_PEOPLE:
        return False
    if any(c.lower_ in TAKEN_AWAY_NOT for c in t.children if c.dep_ in {"prep", "prt", "advmod"}):
        return False
    if t.dep_ == "xcomp" or any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children):
        return False  # "tried to take", "came to take": not done
    subj = kids.get("nsubj")
    if subj is not None and (
        _lemma(subj) in {"it", "this", "that", "war", "conflict"} or _lemma(subj) in tx.NOUNS
    ):
        return False  # "it took the men three days", "the fighting took them by surprise"
    if any(w.lower_ == "surprise" for w in t.subtree):
        return False
    return not any(c.dep_ == "neg" for c in t.children)


def _bodies(kids: dict[str, Token]) -> bool:
    """ "The bodies of two women were found", "found the corpse of a man": a body found is a
    killing by someone the report may not name (ACLED: an attack)."""
    obj = kids.get("nsubjpass") or kids.get("dobj")
    return obj is not None and _lemma(obj) in {"body", "corpse"}


def armed_target(obj: Token) -> bool:
    """ "a checkpoint", "an army base", "security forces": a target that fights back (not "a
    refugee checkpoint" or "an aid convoy")."""
    lem = _lemma(obj)
    mods = {_lemma(c) for c in obj.children if c.dep_ in {"compound", "amod", "poss"}}
    if lem in tx.ARMED_OBJECTS and not mods & tx.CIVIL_MODIFIERS:
        return True
    return lem in tx.ARMED_IF_SAID and bool(mods & tx.ARMED_MODIFIERS)


def air_doer(t: Token) -> bool:
    """The verb's subject or "by" agent is air power ("warplanes", "the air force", "drones")."""
    subj = [c for c in t.children if c.dep_ in {"nsubj", "agent"}]
    return tx.AIR_CUES.found(" ".join(w.text for c in subj for w in c.subtree))


def air_means(t: Token) -> bool:
    """ "attacked the village using a combat drone", "struck the post with a drone": the
    weapon the verb names by "using" or "with" is air power; "attacked from the air", "hit
    from the sky": the direction an attack came from names air power too."""
    for c in t.children:
        if c.dep_ == "prep" and c.lower_ == "from" and from_above(c):
            return True
        means = c.dep_ == "prep" and c.lower_ == "with"
        means = means or (c.dep_ in {"advcl", "xcomp"} and _lemma(c) in {"use", "employ"})
        if means and tx.AIR_CUES.found(" ".join(w.text for w in c.subtree)):
            return True
    return False


def shell_means(t: Token, start: int) -> bool:
    """ "Areas were targeted with mortars and rockets", "hit the town with artillery": the
    weapon the verb names by "with" is a shell, rocket or mortar, so the strike is shelling
    (however the verb alone would be read)."""
    for c in t.children:
        if c.dep_ == "prep" and c.lower_ == "with":
            for g in c.children:
                if g.dep_ == "pobj" and _noun_kind(g, start) == tx.SHELLING:
                    return True
    return False


def from_above(prep: Token) -> bool:
    """ "from the air", "from the sky": a "from" phrase whose object is the sky."""
    return any(g.dep_ == "pobj" and _lemma(g) in {"air", "sky"} for g in prep.children)


def _out_of(t: Token) -> bool:
    """ "drove X out (of Y)", "pushed X out": the verb's particle or preposition is "out"."""
    return any(c.dep_ in {"prt", "prep", "advmod"} and c.lower_ == "out" for c in t.children)


def _freed_place(t: Token, dobj: Token | None) -> bool:
    """ "freed areas from the militants": a place freed, or anything freed "from" a group."""
    if dobj is not None and _lemma(dobj) in tx.UNNAMED_PLACE_NOUNS | {"area", "village", "town"}:
        return True
    return dobj is not None and _lemma(dobj) not in {"hostage", "prisoner", "captive",
                                                     "detainee", "people", "man", "woman"} \
        and any(c.dep_ == "prep" and c.lower_ == "from" for c in t.children)  # fmt: skip


def _through(t: Token, noun: str) -> bool:
    return any(
        c.dep_ in {"prep", "prt"} and c.lower_ == "through"
        and any(_lemma(g) == noun for g in c.subtree)
        for c in t.children
    )  # fmt: skip


CLEAR_VERBS = {"clear", "cleanse", "purge", "rid", "free"}
CLEAR_ADJS = {"empty", "free", "clear", "clean"}
STATE_VERBS = {"be", "announce", "declare", "pronounce", "proclaim", "become", "make"}
# who was cleared out: fighters by any name, or their "presence"
HOSTILE = {
    "terrorist", "militant", "fighter", "gunman", "rebel", "insurgent", "jihadist", "element",
    "existence", "presence", "remnant", "terrorism", "extremist", "mercenary",
}  # fmt: skip


def _of_fighters(word: Token) -> bool:
    """WORD has an "of" phrase naming fighters ("of terrorists", "of Daesh elements", "of any
    terrorist existence") or a group by name ("of ISIS")."""
    for prep in word.children:
        if prep.dep_ != "prep" or prep.lower_ != "of":
            continue
        for g in prep.children:
            if g.dep_ != "pobj":
                continue
            mods = [c for c in g.children if c.dep_ in {"amod", "compound"}]
            if _lemma(g) in HOSTILE or any(_lemma(c) in HOSTILE for c in mods):
                return True
            if g.pos_ == "PROPN":
                return True
    return False


def _foreseen(t: Token) -> bool:
    """A verb above T, up to the sentence's root, under a modal ("we shall soon announce that")."""
    while t.head.i != t.i:
        t = t.head
        if any(c.dep_ == "aux" and c.lower_ in MODALS for c in t.children):
            return True
    return False


def declared_clear(t: Token, lem: str, kids: dict[str, Token]) -> bool:
    """ "The town was declared free of terrorists", "X has been fully cleared of militants",
    "the city is now completely empty of IS fighters", "was announced empty of any terrorist
    presence": the way state media and monitors report the end of a capture, the place told
    as rid of its former holders (a standing state, "remains free of", is no event)."""
    if _foreseen(t):
        return False  # "officials may soon declare X cleared of ..."
    if lem in CLEAR_VERBS and t.tag_ == "VBN" and "nsubjpass" in kids:
        return _of_fighters(t)
    if lem not in STATE_VERBS:
        return False
    return any(
        c.dep_ in {"acomp", "oprd"} and _lemma(c) in CLEAR_ADJS and _of_fighters(c)
        for c in t.children
    )


FULL = frozenset({"full", "complete", "total"})


def in_full_control(t: Token) -> bool:
    """ "IS said it was in full control of the city", "the army is now in complete control of
    the town": a side declaring full control of a named place reports the end of its capture
    (plain "in control of" describes who holds it, and is no event)."""
    for prep in t.children:
        if prep.dep_ != "prep" or prep.lower_ != "in":
            continue
        for noun in prep.children:
            if noun.dep_ == "pobj" and _lemma(noun) == "control":
                full = any(c.dep_ == "amod" and c.lower_ in FULL for c in noun.children)
                named = any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children)
                if full and named:
                    return True
    return False


def find_triggers(sent: Span) -> list[Trigger]:
    out: list[Trigger] = []
    start = sent.start  # Token.sent walks the parse on every call; the span already knows
    for t in sent:
        pos, tag = t.pos_, t.tag_
        if fighters_evacuated(t):  # an evacuation deal carried out: the ground changes hands
            out.append(Trigger(t, tx.TRANSFER, nominal=t.pos_ == "NOUN"))
            continue
        if pos in {"VERB", "AUX"} or (pos == "NOUN" and tag.startswith("VB")):
            kind = _verb_kind(t, start)
            if kind:
                out.append(Trigger(t, kind, nominal=False))
                continue
        nounlike = pos in {"NOUN", "PROPN"} or tag in {"NN", "NNS"}
        if nounlike or (pos == "VERB" and tag == "VBG"):  # "shelling" as a gerund too
            kind = _noun_kind(t, start)
            if kind:
                out.append(Trigger(t, kind, nominal=True))
    return out


def _verb_chain(t: Token) -> list[Token]:
    """The token and the verbs it hangs from, up to the clause root."""
    chain = [t]
    while t.dep_ in {"conj", "xcomp", "ccomp", "advcl", "acl", "relcl", "pcomp", "pobj", "prep",
                     "dobj", "nsubj", "nsubjpass", "compound", "amod"} \
            and t.head is not t:  # fmt: skip
        t = t.head
        chain.append(t)
        if t.pos_ in {"VERB", "AUX"} and t.dep_ in {"ROOT"}:
            break
    return chain


PREVENTING = {"prevent", "block", "stop", "bar", "keep", "deter", "ban", "hinder", "forbid"}


def prevented(t: Token) -> bool:
    """ "Troops blocked them from entering the town", "prevented the rebels from storming
    it": an action someone kept from happening ("from" + gerund under a verb of
    preventing)."""
    prep = t.head
    return (
        t.dep_ == "pcomp"
        and prep.lower_ == "from"
        and prep.dep_ == "prep"
        and _lemma(prep.head) in PREVENTING
    )


MOTION_HEADS = {"move", "push"}
MOTION_PREPS = {"into", "inside", "onto", "through", "across"}


def moved_into(head: Token, below: Token) -> bool:
    """ "Troops have moved into the centre of the town, where they raised the flag", "pushed
    into the city and seized the square": a verb that can tell an aim ("moved to take the
    town") but here governs a preposition of motion is the movement itself, and an action told
    in the place it reached happened (BELOW is the chain's link under HEAD)."""
    return _lemma(head) in MOTION_HEADS and below.dep_ == "prep" and below.lower_ in MOTION_PREPS


def is_factual(trig: Trigger) -> bool:
    """False for negated, modal, intended, conditional, prevented or hypothetical actions."""
    t = trig.token
    if prevented(t):
        return False
    chain = _verb_chain(t)[:4]
    for k, node in enumerate(chain):
        for c in node.children:
            if c.dep_ == "neg":
                return False
            if c.dep_ in {"aux", "auxpass"} and c.lower_ in MODALS:
                return False
            if c.dep_ == "mark" and c.lower_ in {"if", "unless", "whether"}:
                return False
        if node.pos_ in {"VERB", "AUX"}:  # a noun is never an infinitive ("subjected to
            # bombardment" parsed with "to" as its auxiliary)
            to_inf = any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children)
            if to_inf and node.dep_ in {"xcomp", "advcl", "acl", "ccomp", "relcl"}:
                head = node.head
                if _lemma(head) not in {
                    "continue", "begin", "start", "manage", "keep", "go", "able", "succeed", "use",
                }:  # fmt: skip
                    return False
            if _lemma(node) in tx.INTENT_HEADS and node is not t and node.tag_ != "VBD":
                if not moved_into(node, chain[k - 1]):
                    return False
        if node.pos_ in {"VERB", "AUX"} and node is not t:
            break
    # "the capture of which would force ..." / "the aim is to reach ..."
    if trig.nominal and t.head.pos_ in {"VERB", "AUX"}:
        head = t.head
        if any(c.dep_ == "aux" and c.lower_ in MODALS for c in head.children):
            return False
    return True
