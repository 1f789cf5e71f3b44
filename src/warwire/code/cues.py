"""Cue phrases that tell ACLED's sub-event types apart, written from the codebook's definitions.

The trigger lexicon (taxonomy) finds *that* something happened; these cues carry the tests
that separate neighbouring types: is the target armed (Attack vs Armed clash), did police
intervene or use lethal force on a protest, did a crowd turn violent or a mob attack someone,
was territory handed over rather than taken, were weapons seized, defused or intercepted before
use, did a group change its posture. The rule coder asks some of them directly; the learned
type model reads all of them as features ("c:NAME"), next to the words.
"""

from __future__ import annotations

import re

from warwire.read.plain_re import Twin, plain

_W = r"(?:\w+[ -]){0,4}?"  # up to four words between a verb and its object

CUES: dict[str, Twin] = {  # an ASCII twin each: they are searched in every coded sentence
    name: Twin(pattern, re.IGNORECASE)
    for name, pattern in {
        # Disrupted weapons use: arms seized or found, bombs defused, missiles intercepted
        "weapons_seized": rf"\b(seiz|confiscat|recover|found|discover|uncover|impound|"
        rf"captur)\w*\s+{_W}(weapons?|arms|ammunition|ammo|munitions?|explosives?|rifles?|"
        r"firearms?|guns?|pistols?|rounds|cache|rockets?|grenades?|bombs?|ieds?|devices?)\b"
        r"|\b(weapons?|arms|ammunition|firearms?|explosives?|cache)\b[^.]{0,60}\b(were|was|"
        r"been) (seized|found|recovered|confiscated|discovered)",
        "defused": r"\b(defus|disarm|dismantl|neutrali[sz]|bomb squad|bomb disposal|"
        r"controlled explosion|sappers?|de-?min)\w*",
        "intercepted": r"\b(intercept\w*|shot down|downed|air defen[cs]es?|foil\w*|thwart\w*)\b",
        # Change to group/activity: a group forms, merges, splits, deploys, changes posture
        "group_change": r"\b(merg\w*|disband\w*|dissol\w*|split|defect\w*|rebrand\w*|"
        r"renam\w*|pledg\w* allegiance|join\w* (forces|ranks)|new (group|coalition|alliance|"
        r"front)|formation of|announc\w* (the )?(formation|creation|establishment))\b",
        "deployment": r"\b(deploy\w*|dispatch\w*|reinforce\w*|redeploy\w*|mobili[sz]\w*|"
        r"convoy|patrols?|patrolling|troops? (arrived|moved)|sent (troops|forces)|curfew|"
        r"state of emergency|martial law|recruit\w*|drills?|exercises?)\b",
        # Non-violent transfer of territory
        "handover": r"\b(hand\w* over|handover|withdr[ae]w\w*|pull\w* (out|back)|evacuat\w*|"
        r"retreat\w*|without (a )?(fight|resistance|clashes)|peacefully|surrender\w*|ced(e|ed)\b"
        r"|under (a|an|the) (deal|agreement|accord|arrangement))",
        # ... and the place changed hands unopposed: nobody fought for it (a model feature only)
        "unopposed": r"\b((without|no|not encounter\w*|not meet|met no|met little) (a |any )?"
        r"(armed )?(resistance|fight\w*|opposition|clash\w*|battle)|unopposed|uncontested|"
        r"abandon\w*|handed (it |them )?(back )?(over|control)|"
        r"left (the|their) (positions?|base|town|city|area))",
        # Agreement
        "agreement": r"\b(agree\w*|deal|ceasefire|cease-fire|truce|accord|signed|swap|"
        r"exchange of (prisoners|detainees|bodies)|in exchange for|released \w+ (prisoners|"
        r"detainees)|reconciliation|settlement|de-?escalation|negotiat\w*)\b",
        "arrest": r"\b(arrest\w*|detain\w*|custody|apprehend\w*|nabbed|rounded up|jailed|"
        r"taken in|held for questioning|remanded)\b",
        "property": r"\b(loot\w*|plunder\w*|ransack\w*|torch\w*|set (on )?fire|set ablaze|"
        r"burn\w* down|demolish\w*|bulldoz\w*|raz(e|ed|ing)\b|vandali[sz]\w*|destroy\w* "
        r"(homes?|houses?|property|shops?|crops|fields)|stole|steal\w*)",
        "sexual": r"\b(rap(e|ed|es|ing|ist)|sexual\w*|molest\w*|gang-?rap\w*)\b",
        "abduction": r"\b(kidnap\w*|abduct\w*|disappear\w*|hostages?|taken captive|"
        r"held captive|went missing)\b",
        # Protests, and what happened to them
        "protest": r"\b(protest\w*|demonstrat\w*|rall(y|ies|ied)|march\w*|sit-?in|strikers|"
        r"picket\w*|took to the streets|chant\w*|slogans?|placards?|banners?|vigil)\b",
        "intervention": r"\b(dispers\w*|broke up|tear ?gas|water cannons?|rubber bullets|"
        r"pepper spray|batons?|truncheons?|stun grenades?|cordon\w*|kettl\w*|riot police)\b",
        "lethal_force": r"\b(opened fire on|fired (live )?(ammunition|bullets|rounds|on)|"
        r"live (ammunition|fire|rounds|bullets)|shot (dead|and killed)|beat\w* (up|brutally)|"
        r"brutal\w*|crackdown)\b",
        "crowd_violence": r"\b(threw|throwing|hurled|hurling|pelt\w*) (stones|rocks|bottles|"
        r"petrol|molotov|bricks|objects)|\b(rioters?|riot\w*|clash\w* with (police|security)|"
        r"turned violent|smash\w*|stormed|burn\w* (tyres|tires|cars|vehicles)|barricades?)\b",
        "mob": r"\b(mobs?|lynch\w*|vigilantes?|angry (crowd|residents|villagers|locals)|"
        r"beaten to death|set upon|mob justice)\b",
        # Who was hit: armed or not
        "civilian_target": r"\b(civilians?|villagers|residents|worshippers|passengers|students|"
        r"farmers|shoppers|women|children|journalists?|unarmed|family|families|travell?ers|"
        r"aid (workers?|convoys?|agenc(y|ies))|humanitarian|medics|doctors|nurses|patients)\b",
        "armed_target": r"\b(soldiers?|troops|army|militants?|fighters?|rebels?|insurgents?|"
        r"militia\w*|police (officers?|station|post|patrol)|checkpoints?|security forces|"
        r"exchange of fire|gun ?fights?|firefights?|shoot-?outs?|clash\w*|positions)\b",
        "gunmen": r"\b(gunm[ae]n|shot dead|opened fire|shooting|massacre\w*|execut\w*|"
        r"behead\w*|stabb\w*|hacked)\b",
        # Who acted: the state's forces or an armed group (territory: regained or overtaken)
        "state_forces": r"\b(army|armed forces|government (forces|troops)|troops|military|"
        r"soldiers|security forces|regime forces|loyalists?|pro-government)\b",
        "armed_group": r"\b(rebels?|militants?|insurgents?|jihadists?|fighters|militias?|"
        r"guerrill\w*|separatists?|opposition|terrorists?|extremists?|islamists?)\b",
        # Remote violence, by weapon
        "air": r"\b(air ?strikes?|air raids?|warplanes?|jets?|drones?|aircraft|helicopters?|"
        r"sorties?|aerial|bomber)\b",
        "shelling": r"\b(shell\w*|artillery|mortars?|rockets?|missiles?|bombard\w*|howitzers?|"
        r"projectiles?|tank fire)\b",
        "ied": r"\b(ieds?|roadside bombs?|land ?mines?|mines?|car bombs?|explosive devices?|"
        r"booby|detonat\w*|blasts?|explosions?|exploded|went off)\b",
        "suicide": r"\b(suicide|blew (himself|herself|themselves) up|self-detonat\w*|"
        r"explosive (vest|belt))\b",
        "grenade": r"\b(grenades?|lobb\w*|hurled)\b",
        "chemical": r"\b(chemical|chlorine|sarin|toxic|poison\w* gas|mustard|nerve agent|"
        r"suffocat\w*|gas attack)\b",
        # Territory and bases
        "territory": r"\b(captur\w*|recaptur\w*|retook|retak\w*|liberat\w*|regain\w*|overr[au]n|"
        r"took (full )?control|seiz\w* control|fell to|gain\w* control|control of|advanc\w*|"
        r"push\w* into|wrest\w*)\b",
        "base": r"\b(establish\w*|set up|set-up|built|opened)\b[^.]{0,40}\b(bases?|"
        r"headquarters|camps?|outposts?|posts?|checkpoints?|positions)\b",
        # Not conflict events: disasters, crime, diplomacy, claims
        "disaster": r"\b(earthquakes?|quakes?|floods?|flooding|storms?|cyclones?|hurricanes?|"
        r"typhoons?|tsunamis?|volcan\w*|erupt\w*|landslides?|wildfires?|bushfires?|droughts?|"
        r"avalanches?|magnitude|tremors?|heavy rain\w*|monsoon)\b",
        "accident": r"\b(fire broke out|blaze|leak\w*|spill\w*|collisions?|crash\w*|"
        r"accidents?|derail\w*|collaps\w*|poisoning|factory|plant|industrial|mine disaster|"
        r"gas cylinder|short circuit|negligence)\b",
        "crime": r"\b(drugs?|narcotics?|cocaine|heroin|marijuana|cannabis|smuggl\w*|traffick\w*|"
        r"robber\w*|theft|burglar\w*|fraud|cartels?|gangs?|extortion|counterfeit|murder\w*|"
        r"homicide|money laundering)\b",
        "diplomacy": r"\b(ambassadors?|diplomat\w*|expel\w*|sanctions?|summit|foreign minist\w*|"
        r"envoys?|embass\w*|bilateral|condemn\w*|urged|called on|talks with|state visit)\b",
        "claim": r"\b(claim\w* responsibility|blam\w*|accus\w*|responsible for|behind the "
        r"(attack|bombing|blast)|attribut\w*)\b",
    }.items()
}


def cue_names(text: str) -> list[str]:
    """The names of the cues TEXT contains, in a fixed order."""
    if not plain(text):  # asked once for all the cues
        return [name for name, rx in CUES.items() if rx.full.search(text)]
    lowered = text.lower()  # one lower-casing for every cue (Twin.found_in_lowered)
    return [name for name, rx in CUES.items() if rx.found_in_lowered(text, lowered)]


def has_cue(name: str, text: str) -> bool:
    return CUES[name].found(text)


def unarmed_target(text: str) -> bool:
    """ACLED's Attack vs Armed clash: civilians are named as the target and no armed party is."""
    return has_cue("civilian_target", text) and not has_cue("armed_target", text)


CIVILIAN_PURSUIT = re.compile(
    r"\bwhile (they were |he was |she was )?(gather|herd|graz|tend|harvest|farm|forag|pick|"
    r"collect|hunt|shepherd|fish)\w*|\btruffle|\b(shepherds?|herders?|farmers?|"
    r"farm ?workers|truffle (hunters|gatherers|pickers))\b",
    re.I,
)


def civilian_ambush(text: str, victims_side: str | None) -> bool:
    """ "Five men were killed in an ambush while gathering truffles", "gunmen ambushed
    shepherds": an ambush on people going about civilian work is violence against civilians
    (ACLED's Attack), not an armed clash, unless soldiers or fighters are named among the
    ambushed (TEXT is the sentence from the ambush on)."""
    if has_cue("armed_target", text):
        return False
    return victims_side == "civilians" or CIVILIAN_PURSUIT.search(text) is not None
