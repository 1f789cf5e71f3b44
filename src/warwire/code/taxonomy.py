"""ACLED's event taxonomy and the words that report each kind of action.

The taxonomy (event types and sub-event types) is ACLED's, as published in its codebook.
Trigger words are grouped by the *kind* of action they report; the sub-event type then
follows from the kind and, for territory, from who acted (ACLED: the government regains,
a non-state actor overtakes).
"""

from __future__ import annotations

import re

from warwire.read.plain_re import Twin

BATTLES = "Battles"
EXPLOSIONS = "Explosions/Remote violence"
VAC = "Violence against civilians"
PROTESTS = "Protests"
RIOTS = "Riots"
STRATEGIC = "Strategic developments"

SUB_EVENT_TYPES: dict[str, str] = {
    "Government regains territory": BATTLES,
    "Non-state actor overtakes territory": BATTLES,
    "Armed clash": BATTLES,
    "Air/drone strike": EXPLOSIONS,
    "Shelling/artillery/missile attack": EXPLOSIONS,
    "Remote explosive/landmine/IED": EXPLOSIONS,
    "Suicide bomb": EXPLOSIONS,
    "Grenade": EXPLOSIONS,
    "Chemical weapon": EXPLOSIONS,
    "Attack": VAC,
    "Abduction/forced disappearance": VAC,
    "Sexual violence": VAC,
    "Peaceful protest": PROTESTS,
    "Protest with intervention": PROTESTS,
    "Excessive force against protesters": PROTESTS,
    "Violent demonstration": RIOTS,
    "Mob violence": RIOTS,
    "Agreement": STRATEGIC,
    "Arrests": STRATEGIC,
    "Non-violent transfer of territory": STRATEGIC,
    "Headquarters or base established": STRATEGIC,
    "Looting/property destruction": STRATEGIC,
    "Disrupted weapons use": STRATEGIC,
    "Change to group/activity": STRATEGIC,
    "Other": STRATEGIC,
}

# ACLED's protest sub-types, by the force used on the gathering (least first): one gathering
# is a rally in one report and "security forces fired on protesters" in another.
PROTEST_SUBS: tuple[str, ...] = tuple(k for k, v in SUB_EVENT_TYPES.items() if v == PROTESTS)
PEACEFUL_PROTEST = PROTEST_SUBS[0]
BROKEN_UP = frozenset(PROTEST_SUBS[1:])  # a protest the force intervened in or fired on
RIOT_SUBS = frozenset(k for k, v in SUB_EVENT_TYPES.items() if v == RIOTS)
# Territory taken in a battle (ACLED: the government regains, a non-state actor overtakes),
# and all changes of hands, the non-violent transfer too.
CAPTURE_SUBS = frozenset({"Government regains territory", "Non-state actor overtakes territory"})
TRANSFER_SUB = "Non-violent transfer of territory"
TERRITORY_SUBS = CAPTURE_SUBS | {TRANSFER_SUB}
FIGHT_SUBS = CAPTURE_SUBS | {"Armed clash"}  # a fight, or the capture it ended in
WEAPON_SUBS = frozenset(k for k, v in SUB_EVENT_TYPES.items() if v == EXPLOSIONS)
# Event types of armed violence: an act with a doer and a target, whose doer a claim may name
# and whose toll a later sentence, or another outlet, may tell.
VIOLENT_TYPES = frozenset({BATTLES, EXPLOSIONS, VAC})

# kinds of action -> default sub-event type
TERRITORY = "territory"
CLASH = "clash"
AIR = "air"
SHELLING = "shelling"
IED = "ied"
SUICIDE = "suicide"
CHEMICAL = "chemical"
GRENADE = "grenade"
ATTACK = "attack"
ABDUCTION = "abduction"
PROTEST = "protest"
RIOT = "riot"
AGREEMENT = "agreement"
ARREST = "arrest"
TRANSFER = "transfer"
SIEGE_BREAK = "siege_break"
LOOTING = "looting"
KILL = "kill"  # a killing whose method the sentence does not name
SEXUAL = "sexual"
DISRUPTED = "disrupted"  # a bomb defused, a drone or missile downed before it struck
BASE = "base"  # headquarters or base established
MOB = "mob"  # a crowd attacking someone or something, not as a demonstration
CHANGE = "change"  # a group forms, merges, splits, disbands or defects
WITHDRAWAL = "withdrawal"  # forces withdraw: a transfer only when another side takes over
# what a protest came to (patterns.protest_turn): kinds of their own, typed by sub_event
EXCESSIVE_FORCE = "excessive_force"  # lethal force or beatings against the crowd
INTERVENTION = "intervention"  # dispersed: tear gas, rubber bullets, arrests

# kinds named by the weapon used (ACLED's explosions/remote violence, chemical weapons too)
WEAPON_KINDS = frozenset({AIR, SHELLING, IED, SUICIDE, GRENADE, CHEMICAL})

KIND_SUB_EVENT: dict[str, str] = {
    CLASH: "Armed clash",
    SIEGE_BREAK: "Armed clash",
    AIR: "Air/drone strike",
    SHELLING: "Shelling/artillery/missile attack",
    IED: "Remote explosive/landmine/IED",
    SUICIDE: "Suicide bomb",
    CHEMICAL: "Chemical weapon",
    GRENADE: "Grenade",
    ATTACK: "Attack",
    KILL: "Attack",
    ABDUCTION: "Abduction/forced disappearance",
    PROTEST: "Peaceful protest",
    RIOT: "Violent demonstration",
    AGREEMENT: "Agreement",
    ARREST: "Arrests",
    TRANSFER: "Non-violent transfer of territory",
    LOOTING: "Looting/property destruction",
    SEXUAL: "Sexual violence",
    DISRUPTED: "Disrupted weapons use",
    BASE: "Headquarters or base established",
    MOB: "Mob violence",
    CHANGE: "Change to group/activity",
}

# How sure a kind is as the type of a sentence that has several: the more specific wins.
KIND_RANK = {
    SUICIDE: 10,
    CHEMICAL: 9,
    IED: 8,
    GRENADE: 8,
    TERRITORY: 7,
    TRANSFER: 8,  # "seized the town after the garrison withdrew": the handover is the news
    AIR: 6,
    SHELLING: 5,
    ABDUCTION: 5,
    ARREST: 5,
    RIOT: 5,  # a protest that turned violent is a violent demonstration
    EXCESSIVE_FORCE: 6,  # a protest met with force: more specific than the protest or arrests
    INTERVENTION: 6,
    PROTEST: 4,
    AGREEMENT: 4,
    SIEGE_BREAK: 3,
    CLASH: 3,
    SEXUAL: 6,
    DISRUPTED: 9,
    BASE: 4,
    MOB: 5,
    CHANGE: 3,
    LOOTING: 4,  # "looted shops after the fighting": the looting is the news
    ATTACK: 2,
    KILL: 1,
    WITHDRAWAL: 1,
}

# Verb lemmas -> kind. Territory verbs report a change of control of their object.
VERBS: dict[str, str] = {
    "seize": TERRITORY,
    "capture": TERRITORY,
    "recapture": TERRITORY,
    "retake": TERRITORY,
    "regain": TERRITORY,
    "overrun": TERRITORY,
    "liberate": TERRITORY,
    "wrest": TERRITORY,
    "conquer": TERRITORY,
    "clash": CLASH,
    "fight": CLASH,
    "battle": CLASH,
    "ambush": CLASH,
    "repel": CLASH,
    "repulse": CLASH,
    "storm": CLASH,
    "assault": CLASH,
    "attack": ATTACK,  # re-typed as a clash when the target is armed
    "bomb": AIR,
    "airstrike": AIR,
    "strafe": AIR,
    "shell": SHELLING,
    "bombard": SHELLING,
    "pound": SHELLING,
    "execute": ATTACK,
    "massacre": ATTACK,
    "assassinate": ATTACK,  # re-typed as a clash when the target is armed
    "stab": ATTACK,
    "behead": ATTACK,
    "kidnap": ABDUCTION,
    "abduct": ABDUCTION,
    "protest": PROTEST,
    "demonstrate": PROTEST,
    "rally": PROTEST,
    "riot": RIOT,
    "arrest": ARREST,
    "detain": ARREST,
    "loot": LOOTING,
    "plunder": LOOTING,
    "ransack": LOOTING,
    "torch": LOOTING,
    "rape": SEXUAL,
    "molest": SEXUAL,
    "defuse": DISRUPTED,
    "dismantle": DISRUPTED,
    "intercept": DISRUPTED,
    "lynch": MOB,
    "demolish": LOOTING,
    "raze": LOOTING,
    "bulldoze": LOOTING,
    "vandalize": LOOTING,
    "vandalise": LOOTING,
    "apprehend": ARREST,
    "jail": ARREST,
    "merge": CHANGE,
    "disband": CHANGE,
    "defect": CHANGE,
    "withdraw": WITHDRAWAL,
}

# Objects that make "seized", "found" or "captured" a haul of arms, not a place taken.
WEAPON_NOUNS = frozenset({
    "weapon", "arm", "ammunition", "munition", "explosive", "rifle", "firearm", "gun", "pistol",
    "cache", "rocket", "grenade", "bomb", "ied", "device", "missile", "mortar", "launcher",
    "round", "shell", "mine", "landmine", "depot", "stockpile",
})  # fmt: skip
WEAPON_HAUL_VERBS = frozenset(
    {"seize", "capture", "confiscate", "recover", "find", "discover", "uncover", "impound"}
)

# Targets that fight back: an attack on them is an armed clash ("attacked a checkpoint").
ARMED_OBJECTS = frozenset({
    "checkpoint", "patrol", "outpost", "barracks", "position", "garrison", "soldier", "troop",
    "army", "military", "police", "policeman", "fort", "gendarme", "serviceman",
})  # fmt: skip
# ... unless a modifier says they are not: "a refugee checkpoint", "the fire police"
CIVIL_MODIFIERS = frozenset({
    "refugee", "displacement", "civilian", "displaced", "fire", "aid", "humanitarian", "bus",
})  # fmt: skip
# ... and targets armed only when said to be: "an army convoy", not "an aid convoy"
ARMED_IF_SAID = frozenset({"convoy", "base", "post", "station", "camp", "unit", "headquarters",
                           "force", "vehicle"})  # fmt: skip
ARMED_MODIFIERS = frozenset({
    "army", "military", "police", "security", "troop", "soldier", "government", "regime",
    "rebel", "militia", "militant", "naval", "air", "armed", "armoured", "armored", "border",
    "defence", "defense",
})  # fmt: skip

# Noun lemmas (or compounds, lower-case) -> kind.
NOUNS: dict[str, str] = {
    "airstrike": AIR,
    "air strike": AIR,
    "air raid": AIR,
    "air attack": AIR,
    "raid": AIR,  # kept only with an air-power cue or an air actor
    "drone strike": AIR,
    "drone attack": AIR,
    "barrel bomb": AIR,
    "bombing": AIR,
    "strike": AIR,
    "shelling": SHELLING,
    "bombardment": SHELLING,
    "artillery": SHELLING,
    "mortar": SHELLING,
    "rocket": SHELLING,
    "missile": SHELLING,
    "rocket fire": SHELLING,
    "clash": CLASH,
    "fighting": CLASH,
    "firefight": CLASH,
    "gunfight": CLASH,
    "counterattack": CLASH,
    "counter-attack": CLASH,
    "counter-assault": CLASH,
    "counteroffensive": CLASH,
    "battle": CLASH,
    "ambush": CLASH,
    "assault": CLASH,
    "offensive": CLASH,
    "attack": ATTACK,
    "under fire": ATTACK,  # "came under fire from troops": re-typed as a clash if armed
    "roadside bomb": IED,
    "landmine": IED,
    "land mine": IED,
    "ground mine": IED,  # "hit a ground mine"; a "mine" alone may be a coal mine
    "tank mine": IED,
    "personnel mine": IED,
    "ied": IED,
    "car bomb": IED,
    "car bombing": IED,
    # "twin bombings rocked the capital", "a double bombing": wire English for bombs set off
    # together; air raids are never counted so
    "twin bombing": IED,
    "double bombing": IED,
    "triple bombing": IED,
    # "a bomb attack on the convoy", "a car bomb attack": the attack is the bomb's (a
    # "suicide" before them makes it the bomber's, see triggers._noun_kind)
    "bomb attack": IED,
    "car bomb attack": IED,
    "explosive device": IED,
    "booby trap": IED,
    "explosion": IED,
    "blast": IED,
    "suicide bomber": SUICIDE,
    "suicide attacker": SUICIDE,
    "suicide bombing": SUICIDE,
    "suicide attack": SUICIDE,
    "suicide car bomb": SUICIDE,
    "chemical attack": CHEMICAL,
    "chemical weapon": CHEMICAL,
    "chlorine": CHEMICAL,
    "sarin": CHEMICAL,
    "toxic gas": CHEMICAL,
    "poison gas": CHEMICAL,
    "mustard gas": CHEMICAL,
    "nerve agent": CHEMICAL,
    "nerve gas": CHEMICAL,
    "grenade": GRENADE,
    "protest": PROTEST,
    "demonstration": PROTEST,
    "rally": PROTEST,
    "sit-in": PROTEST,
    "riot": RIOT,
    "massacre": ATTACK,
    "execution": ATTACK,
    "assassination": ATTACK,
    "kidnapping": ABDUCTION,
    "abduction": ABDUCTION,
    "rape": SEXUAL,
    "sexual violence": SEXUAL,
    "sexual assault": SEXUAL,
    "gang rape": SEXUAL,
    "looting": LOOTING,
    "handover": TRANSFER,
    "lynching": MOB,
    "defection": CHANGE,
    "merger": CHANGE,
}

# Cheap test: can this sentence hold an event at all? (run before parsing, on every sentence,
# hence the ASCII twin)
CANDIDATE = Twin(
    r"\b(seiz|captur|recaptur|retak|retook|took|take[ns]?\b|taking|regain|overr[au]n|wrest|"
    r"conquer|liberat|fell\b|fall(s|en)?\b|control|clash|fight(s|ing)?\b|fought|battl|ambush|"
    r"firefight|gunfight|under fire|counter-?(attack|assault|offensive)|enter(ed|s|ing)?\b|"
    r"repel|repuls|storm|assault|attack|offensive|bomb|(air)?strike|struck|raid|shell|bombard|pound|"
    r"target|hit(s|ting)?\b|"
    r"artillery|mortar|rocket|missile|explo(d|sion|sive)|blast|ied|(land)?mines?\b|suicide|"
    r"chemical|chlorine|sarin|toxic|grenade|kill|dead\b|died|die\b|wound|injur|"
    r"execut(e[ds]?|ing|ions?)\b|massacr|behead|assassinat|stabb|gunned|bod(y|ies)\b|corpses?|"
    r"hostages?|captives?|human shields?|flags?\b|establish|"
    r"shot|shoot|gunm|kidnap|abduct|snatch|protest|demonstrat|"
    r"rall(y|ies|ied|ying)\b|riot|agree|deal\b|ceasefire|truce|arrest|detain|hand(ed)? over|"
    r"withdr|evacuat|siege|loot|plunder|ransack|torch|rape|raping|sexual|molest|defus|dismantl|"
    r"intercept|shot down|bases?\b|headquarters|camps?\b|outpost|dispers|tear gas|stones\b|"
    r"pelt|lynch|mob\b|demolish|raz(e|ed|ing)\b|bulldoz|vandali|apprehend|merg|disband|defect|"
    r"confiscat|recover|found\b|discover|uncover|impound|freed\b|"
    r"(drove|driven|pushed|forced|kicked|chased) (\w+ ){0,5}out\b|controlling|"
    r"(cleared|cleansed|purged|rid|free|empty|clear|clean) of\b|deployment)",
    re.IGNORECASE,
)

# "Anti-aircraft guns", "anti-aircraft weapons": ground weapons (on pickups, at checkpoints,
# turned on streets and buildings), never a sign of air power.
AIR_CUES = Twin(  # asked of most triggers' sentences
    r"\b(?<!anti-)(?<!anti )(?<!anti - )"
    r"(air|warplanes?|jets?|aircraft|planes?|helicopters?|drones?|aerial|sorties?|barrel)",
    re.IGNORECASE,
)

# A following head noun that makes the number a count of events of this kind.
AIRSTRIKE_NOUNS = {"airstrikes", "air strikes", "air raids", "raids", "strikes", "sorties"}

AGREEMENT_OBJECTS = {
    "ceasefire", "truce", "deal", "agreement", "accord", "evacuation", "reconciliation",
    "settlement", "de-escalation", "handover", "swap", "exchange",
}  # fmt: skip

INTENT_HEADS = {
    "plan", "aim", "seek", "try", "want", "vow", "threaten", "intend", "expect", "hope",
    "demand", "urge", "call", "prepare", "attempt", "need", "promise", "pledge", "warn",
    "push", "move", "order", "ask", "decide", "agree", "refuse", "fail", "allow", "work",
}  # fmt: skip

# -- nouns for places, by the job they do --------------------------------------------------
# Each set is a different question, so their members differ on purpose.

# "the town", "it": a word that stands for the place named just before (roles: the object
# of the action is that place).
PLACE_ANAPHORS = frozenset(
    {"town", "city", "village", "it", "area", "neighbourhood", "neighborhood", "district"}
)
# "the villages", "positions": a plural object that spreads the action over an area.
PLURAL_AREAS = frozenset(
    {"towns", "villages", "areas", "positions", "hills", "hilltops", "localities", "settlements"}
)
# "the base", "this hill": nouns a pre-parse cue accepts after the/this/that as a place
# pointed back to, so that the sentence is parsed even with no place name in it.
ANAPHOR_CUE_NOUNS = (
    "town", "city", "village", "area", "district", "base", "hill", "airport", "neighbou?rhood",
)  # fmt: skip
# Nouns that tell a place or position without naming it, e.g. as the target of an attack or
# the ground taken ("the rebel stronghold", "a village", "the hill").
UNNAMED_PLACE_NOUNS = frozenset({
    "town", "city", "village", "area", "stronghold", "bastion", "position", "hill", "base",
    "district", "neighbourhood", "neighborhood", "region", "enclave", "pocket", "suburb",
})  # fmt: skip
