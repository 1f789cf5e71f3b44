"""Who acted, settled once the event's kind is known: named passes over a mention's actors.

The parse gives each trigger its doer and its target (code/roles.py); some reporting patterns
need the kind of event or the rest of the article to say who is who:

- protesters_act: a protest's actor1 is the crowd, the forces that broke it up actor2;
- StrikerMemory / inherit_striker: "Airstrikes also hit the next village" after "Russian jets
  struck the town" is the same air force's strike;
- the_dead_counted_before_are_civilians: "Strikes killed two civilians in A. A third was
  killed in strikes on B." hit civilians, not the article's usual opponent;
- backers_as_associates: "Turkish-backed rebels" are the rebels, with Turkey as associate.

Each pass is a small function of ActorRefs; settle_actors runs them in order (PASSES).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Span

from warwire.code import taxonomy as tx
from warwire.code.context import ActorHit
from warwire.code.discourse import Coded
from warwire.code.roles import assign_actors
from warwire.code.triggers import Trigger, is_factual
from warwire.records import ActorRef, Mention

# The sides each side fights, the most fought first: the other party of an agreement, a
# fight or a capture the report names only one side of.
OPPONENTS = {
    "syrian_government": ["opposition", "jihadist", "islamic_state", "kurdish", "turkey"],
    "russia": ["opposition", "jihadist", "islamic_state"],
    "iran_allies": ["opposition", "jihadist", "islamic_state"],
    "opposition": ["syrian_government", "iran_allies", "kurdish", "islamic_state"],
    "jihadist": ["syrian_government", "iran_allies", "opposition"],
    "islamic_state": ["syrian_government", "kurdish", "opposition", "us_coalition"],
    "kurdish": ["islamic_state", "turkey", "opposition"],
    "turkey": ["kurdish", "syrian_government", "islamic_state"],
    "us_coalition": ["islamic_state", "jihadist"],
    "israel": ["iran_allies", "syrian_government"],
}
CROWD_SIDES = {"protesters", "civilians"}
NOT_ARMED = {"protesters", "civilians", "other"}


def _default(side: str) -> ActorRef | None:
    from warwire.read.actors import load_actors

    return load_actors().by_side(side)


def _by_key(key: str) -> ActorRef | None:
    from warwire.read.actors import load_actors

    return load_actors().get(key)


@dataclass
class Roles:
    """The actors of one mention while the passes run."""

    sub: str
    actor1: ActorRef | None
    actor2: ActorRef | None
    hits: list[ActorHit] = field(default_factory=list)  # every actor the sentence names
    striker: ActorRef | None = None  # the article's last striker of this kind, if any
    text: str = ""  # the sentence
    previous: list[ActorHit] = field(default_factory=list)  # the previous sentence's actors
    offset: int = 0  # where the sentence starts in the article (the hits' offsets are there)
    site_owners: dict[str, ActorRef] = field(default_factory=dict)  # see article_site_owners
    last_doer: ActorRef | None = None  # the doer of the attack the article told last, nearby


def protesters_act(r: Roles) -> None:
    """ "Soldiers fired on a protest", "policemen broke up a protest", "15 protesters were
    killed": in a protest the crowd is actor1 (ACLED: Protesters (Syria)) and the forces that
    intervened are actor2; a crackdown that names no force is the state's police. A riot's
    actor1 is the rioters."""
    if r.sub in tx.PROTEST_SUBS:
        named = [a for a in (r.actor1, r.actor2) if a is not None]
        named += [h.actor for h in r.hits if not h.holder]
        crowd = next((a for a in named if a.side == "protesters"), None)
        force = next((a for a in named if a.side not in NOT_ARMED), None)
        r.actor1 = crowd or _default("protesters")
        r.actor2 = (force or _by_key("syrian_police")) if r.sub in tx.BROKEN_UP else None
    elif r.sub in tx.RIOT_SUBS and (r.actor1 is None or r.actor1.side in CROWD_SIDES):
        victim = r.actor1 if r.actor1 is not None and r.actor1.side == "civilians" else None
        r.actor1 = _by_key("rioters")
        r.actor2 = r.actor2 or victim


def inherit_striker(r: Roles) -> None:
    """ "The airstrikes also hit a nearby town", "Shelling resumed in the border town": a
    strike whose sentence names no striker was carried out by the one the article last named
    for strikes of that kind."""
    if r.actor1 is None and r.striker is not None:
        if r.actor2 is None or r.actor2.side != r.striker.side:
            r.actor1 = r.striker


CIVILIAN_SITES = re.compile(
    r"\b(residential (areas?|neighbou?rhoods?|buildings?|districts?|blocks?|quarters?)|"
    r"(vegetable |crowded |busy |popular )?market(s|place)?|hospitals?|clinics?|schools?|"
    r"bakery|bakeries|mosques?|churches|church|(civilians?'? )?homes|houses|"
    r"(displacement|refugee|displaced)[- ]camps?|camps? for (the )?displaced|shelters?)\b",
    re.I,
)
TERRITORY_SUBS_OF_SITES = {"Non-state actor overtakes territory"}


def civilian_sites(r: Roles) -> None:
    """ "air raids on residential neighbourhoods", "a strike on a crowded market": a strike on
    homes, markets, hospitals, schools or camps falls on civilians (ACLED: Civilians (Syria)),
    unless the sentence names the armed side that was hit (an inferred opponent is not
    named: its surface is empty)."""
    if r.sub not in tx.WEAPON_SUBS or not CIVILIAN_SITES.search(r.text):
        return
    if r.actor2 is None or not r.actor2.surface:
        r.actor2 = _default("civilians")


DEATH_COUNT = re.compile(r"\b(killed|died|dead|deaths?|wounded|injured|lost their lives)\b", re.I)


def the_dead_counted_before_are_civilians(r: Roles) -> None:
    """ "Strikes killed two civilians in A. A third was killed in strikes on B.", "Air raids
    left 57 civilians dead. 'The planes hit A and B; 46 died in A'": a strike whose sentence
    counts dead without saying who they were, right after a sentence that named civilians and
    no armed side but the striker, killed more of those civilians; its target is then not the
    article's usual opponent (an inferred opponent has an empty surface)."""
    if r.sub not in tx.WEAPON_SUBS or not DEATH_COUNT.search(r.text):
        return
    if r.actor2 is not None and r.actor2.surface:
        return  # the sentence names who was hit
    striker = r.actor1.side if r.actor1 is not None else None
    if any(h.actor.side not in NOT_ARMED and h.actor.side != striker for h in r.hits):
        return  # another armed side is named here: it may be the one hit
    before = {h.actor.side for h in r.previous if not h.holder}
    if "civilians" in before and all(s in NOT_ARMED or s == striker for s in before):
        r.actor2 = _default("civilians")


STATE_SITES = re.compile(
    r"\b(?:(?P<police>police (?:stations?|posts?|headquarters|buildings?|centres?|centers?))|"
    r"checkpoints?|security (?:branch(?:es)?|headquarters|buildings?|posts?|compound)|"
    r"(?:military|air force|political|state) (?:intelligence|security) "
    r"(?:branch(?:es)?|headquarters|buildings?)|"
    r"government (?:buildings?|offices|headquarters|compound)|"
    r"military (?:compound|complex|facility|installation)s?|"
    r"border guards?(?: buildings?| posts?)?)\b",
    re.I,
)
STATE_CAMP = {"syrian_government", "russia", "iran_allies"}  # who strikes no state site
# the hurt counted as mere people: "wounding four people", "killed 12 persons"
GENERIC_PEOPLE = {"people", "persons", "person", "others", "individuals"}


def target_named(r: Roles) -> bool:
    """True if the sentence names who was hit. "A bomb hit a military compound, wounding
    four people": the hurt counted as people name no side (civilians is only their default
    reading), so the site that was hit still says whose it was; named civilians ("killing
    four civilians") or an armed side are a named target."""
    a = r.actor2
    if a is None or not a.surface:
        return False
    return not (a.side == "civilians" and a.surface.lower() in GENERIC_PEOPLE)


SITE_SUBS = tx.WEAPON_SUBS | TERRITORY_SUBS_OF_SITES | {"Attack", "Armed clash"}


def state_sites_are_the_state(r: Roles) -> None:
    """ "local fighters took control over a checkpoint", "a car bomb went off at a police
    station", "strikes hit a security branch and a border guard post": a checkpoint, police
    station, security branch or government building named with no owner is the state's
    (ACLED: Police Forces of Syria for a police station, else Military Forces of Syria), so
    the state is the target, when the sentence names no other target and the doer is not
    the state or its allies."""
    if r.sub not in SITE_SUBS or target_named(r):
        return
    if r.actor1 is not None and r.actor1.side in STATE_CAMP:
        return
    m = STATE_SITES.search(r.text)
    if m is None:
        return
    ref = _by_key("syrian_police" if m.group("police") else "syrian_army")
    if ref is not None:
        r.actor2 = ref.said_as(m.group(0))


SITE_NOUNS = (
    r"(?:facilit(?:y|ies)|sites?|positions?|bases?|depots?|targets?|headquarters|warehouses?|"
    r"posts?|buildings?|compounds?|cent(?:er|re)s?|strongholds?|hideouts?|camps?|convoys?|"
    r"vehicles?|gatherings?|infrastructure|installations?|outposts?)"
)
OWNED_BY = re.compile(
    r"\b" + SITE_NOUNS + r"\W{1,3}(?:(?:used|held|run|operated|controlled|occupied|manned|"
    r"belonging|linked|affiliated|tied)(?: by| to| with)|of)\W{1,3}(?:the\W{1,3})?\W?$",
    re.I,
)
OWNER_BEFORE = re.compile(
    r"^\W{0,2}(?: organi[sz]ation| group| militias?| forces)?(?:['\u2019]s?)?\W{1,3}"
    r"(?:controlled |military |own |main |key )?" + SITE_NOUNS + r"\b",
    re.I,
)


def site_owners(text: str, offset: int, hits: list[ActorHit]) -> list[ActorHit]:
    """ "facilities used by Iran-backed militias", "positions of the SDF", "IS's controlled
    sites": the armed sides a sentence names as owners of sites (TEXT starts at OFFSET in
    the article, HITS are its actors)."""
    out: list[ActorHit] = []
    for h in hits:
        if h.actor.side in NOT_ARMED | {"unknown"}:
            continue
        local = h.start - offset
        before = text[max(0, local - 60) : local]
        after = text[h.end - offset : h.end - offset + 40]
        if OWNED_BY.search(before) or OWNER_BEFORE.match(after):
            out.append(h)
    return out


def article_site_owners(sentences: list[tuple[str, int, list[ActorHit]]]) -> dict[str, ActorRef]:
    """ "US warplanes bombed facilities used by Iran-backed militias ... In Syria, six sites
    were bombed, including a border post and a depot": whose sites each striker hit, when
    the article says it (striker's side -> the one owner named for its strikes). A striker
    named with two owners gets none. SENTENCES: (text, offset, actors)."""
    found: dict[str, set[str]] = {}
    refs: dict[str, ActorRef] = {}
    for text, offset, hits in sentences:
        for owner in site_owners(text, offset, hits):
            strikers = [
                h for h in hits
                if h.end <= owner.start and not h.holder
                and h.actor.side not in NOT_ARMED | {"unknown", owner.actor.side}
            ]  # fmt: skip
            if not strikers:
                continue
            side = strikers[-1].actor.side
            found.setdefault(side, set()).add(owner.actor.side)
            refs.setdefault(side, owner.ref())
    return {side: refs[side] for side, owners in found.items() if len(owners) == 1}


def the_owner_of_the_struck_sites(r: Roles) -> None:
    """ "Jets struck sites controlled by IS near the city", and across an article: "US
    warplanes bombed facilities used by Iran-backed militias ... six facilities were bombed,
    including a border post in A and depots in B": a strike whose sentence names no target
    hit the sites' owner, named in the sentence itself or, for the same striker, where the
    article first said whose sites that striker hit (a site's generic name, such as "border
    guard building", says less than the article's own account)."""
    if r.sub not in tx.WEAPON_SUBS or target_named(r):
        return
    striker = r.actor1.side if r.actor1 is not None else None
    own = [h for h in site_owners(r.text, r.offset, r.hits) if h.actor.side != striker]
    if own:
        r.actor2 = own[0].ref()
        return
    if r.actor2 is not None and r.actor2.surface:
        return  # people were hurt here: only a site named here says they were not civilians
    owner = r.site_owners.get(striker) if striker else None
    if owner is not None:
        r.actor2 = owner


UNARMED_TARGET_SUBS = {"Arrests", "Looting/property destruction", "Abduction/forced disappearance"}


def the_taken_are_civilians(r: Roles) -> None:
    """ "the authorities arrested a public servant", "fighters looted shops": arrests,
    abductions and looting whose sentence names no armed target are done to civilians."""
    if r.sub in UNARMED_TARGET_SUBS and r.actor2 is None and r.actor1 is not None:
        r.actor2 = _default("civilians")


VAC_SUBS = {"Attack", "Sexual violence", "Abduction/forced disappearance"}


def violence_against_civilians_falls_on_civilians(r: Roles) -> None:
    """ "A massacre in the town, where some 300 were killed", "gunmen attacked the village at
    night": an attack coded as violence against civilians (ACLED: one-sided violence on
    unarmed people) whose sentence names no target was done to civilians, not to the side
    the article usually sets against the attacker (an inferred opponent has no surface)."""
    if r.sub in VAC_SUBS and (r.actor2 is None or not r.actor2.surface):
        r.actor2 = _default("civilians")


PRONOUN_DOER = re.compile(
    r"^\W*they\b|\b(its|their) (fighters|forces|troops|jets|warplanes|planes|aircraft|drones|"
    r"artillery|militants|gunmen|units|tanks)\b",
    re.I,
)


def pronoun_from_previous_sentence(r: Roles) -> None:
    """ "Rebels launched a push on the town. They seized three villages on Tuesday.", "... its
    warplanes struck ...": a pronoun that the sentence itself does not resolve points to the
    armed side the previous sentence named last."""
    if r.actor1 is not None or r.sub in tx.PROTEST_SUBS or not PRONOUN_DOER.search(r.text):
        return
    armed = [h for h in r.previous if not h.holder and h.actor.side not in NOT_ARMED]
    if armed and (r.actor2 is None or armed[-1].actor.side != r.actor2.side):
        r.actor1 = armed[-1].ref()


IT_HARMED = re.compile(
    r"\bit (?:had |has )?(?:killed|wounded|injured|left|destroyed|damaged|hit|struck)\b", re.I
)


def it_is_the_attack_told_before(r: Roles) -> None:
    """ "Eight civilians were killed by government forces on Saturday. The monitor said the
    attack also wounded 16. It said it killed five members of one family in A village": a
    harm whose subject is a bare "it", in a sentence naming no armed side (so "it" is no group
    speaking of its own deeds), is the attack the article told just before, by its doer."""
    if r.actor1 is not None or r.last_doer is None or not IT_HARMED.search(r.text):
        return
    if any(h.actor.side not in NOT_ARMED | {"unknown"} for h in r.hits):
        return
    if r.actor2 is None or r.actor2.side != r.last_doer.side:
        r.actor1 = r.last_doer


CLAIM = re.compile(
    r"\b(claimed|claims|claiming|took|takes|has taken|accepted) (the )?(full )?responsibility\b|"
    r"\bclaimed (the|this|that) (attack|bombing|blast|explosion|assault|operation|killing)\b",
    re.I,
)


def responsibility_claimer(text: str, offset: int, hits: list[ActorHit]) -> ActorHit | None:
    """ "A rebel brigade claimed responsibility for the bombing", "IS claimed the attack": the
    armed side named just before a claim of responsibility is who did it. TEXT is a sentence
    starting at OFFSET in the article, HITS its actors."""
    m = CLAIM.search(text)
    if m is None:
        return None
    before = [
        h for h in hits
        if not h.holder and h.actor.side not in NOT_ARMED
        and 0 <= m.start() - (h.end - offset) <= 40
    ]  # fmt: skip
    return before[-1] if before else None


def claim_completes_the_last_attack(
    text: str, offset: int, hits: list[ActorHit], previous: list[Mention]
) -> bool:
    """ "A car bomb killed five soldiers in X. A rebel faction claimed responsibility for the
    attack.": a claim in the next sentence names the doer of the attack just reported (each
    of PREVIOUS, the last sentence's mentions, that names none). True when it did."""
    h = responsibility_claimer(text, offset, hits)
    if h is None:
        return False
    done = False
    for m in previous:
        if (
            m.actor1 is None
            and m.event_type in tx.VIOLENT_TYPES
            and (m.actor2 is None or m.actor2.side != h.actor.side)
        ):
            m.actor1 = h.ref()
            done = True
    return done


CLAIM_REACH = 6  # sentences from the attack to the claim


def claimable_attacks(
    previous: list[Mention], unclaimed: Coded | None, index: int
) -> list[Mention]:
    """ "Twin blasts rocked the district. ... Four officers were injured, officials said. A
    rebel brigade claimed responsibility for the two blasts.": a claim completes the attack
    told just before it, else the last attack told with no doer a few sentences before (the
    lines between describe its target and toll). PREVIOUS: the last sentence's mentions;
    UNCLAIMED: the last sentence that coded an attack with no doer; INDEX: the claim's
    sentence."""
    if previous or unclaimed is None or not unclaimed.within(index, CLAIM_REACH):
        return previous
    return unclaimed.mentions


def claimed_responsibility(r: Roles) -> None:
    """ "A rebel faction claimed responsibility for the car bomb that killed five soldiers":
    the side that claims the attack carried it out."""
    if r.actor1 is not None:
        return
    h = responsibility_claimer(r.text, r.offset, r.hits)
    if h is not None and (r.actor2 is None or h.actor.side != r.actor2.side):
        r.actor1 = h.ref()


GAVE_UP = (
    r"\W+(?:\w+\W+){0,3}?((handed|hand|hands|handing) (it |them |the \w+ )?over|surrendered|"
    r"withdrew|pulled out|evacuated|ceded|gave up|left)\b"
)


def the_taker_of_a_handover_acts(r: Roles) -> None:
    """ "Rebels handed over the town to government forces", "... after the militants there
    withdrew": in a non-violent transfer the side that gains the ground is actor1 (ACLED),
    the side that hands it over or leaves actor2, whoever is the sentence's subject."""
    if r.sub != tx.TRANSFER_SUB or r.actor1 is None or not r.actor1.surface:
        return
    if re.search(re.escape(r.actor1.surface) + GAVE_UP, r.text, re.I):
        r.actor1, r.actor2 = r.actor2, r.actor1


GAVE_UP_IN_A_FIGHT = (
    r"\W+(?:\w+\W+){0,3}?(?:(?:handed|hand|hands|handing) (?:themselves|their \w+) over|"
    r"surrender(?:ed|s|ing)?|withdr(?:ew|awn|aws|awing)|retreat(?:ed|s|ing)?|pulled (?:out|back)|"
    r"fled|flee|laid down (?:their )?(?:arms|weapons))\b"
)


def the_side_that_gave_up_lost(r: Roles) -> None:
    """ "Twenty soldiers handed themselves over to the rebels after a siege", "as the clashes
    grew, the militants had withdrawn from their positions", "IS fighters surrendered": in a
    fight or a capture the side that surrendered, withdrew or fled is the one the blow fell
    on (actor2), though it is the sentence's subject; the other side, when known, acted."""
    if r.sub not in tx.FIGHT_SUBS or r.actor1 is None or not r.actor1.surface:
        return
    if re.search(re.escape(r.actor1.surface) + GAVE_UP_IN_A_FIGHT, r.text, re.I):
        r.actor1, r.actor2 = r.actor2, r.actor1


STATE_WORDS = {"national", "government", "regime", "state", "official"}
FLAG = re.compile(
    r"\b(?:[Tt]he |[Tt]heir |[Ii]ts )?(?P<a>[\w-]+(?: [A-Z][\w-]*)?) flags? "
    r"(?:was |were |has been |had been |is |are )?(?:raised|hoisted|planted|flown|unfurled)\b|"
    r"\bflags? of the (?P<b>[A-Z][\w-]*(?: [A-Z][\w-]*){0,3}) (?:was |were |has been |had been )?"
    r"(?:raised|hoisted|planted|unfurled)\b|"
    r"\b(?:raised|hoisted|planted|unfurled) (?:the|their|its) "
    r"(?P<c>[\w-]+(?: [A-Z][\w-]*)?) flags?\b",
)


def flag_owner(text: str) -> ActorRef | None:
    """ "The Syrian flag was raised over the square", "fighters hoisted the Turkish flag": the
    side whose flag went up (its adjective read as "... forces"), or None."""
    from warwire.read.actors import load_actors

    m = FLAG.search(text)
    if m is None:
        return None
    owner = (m.group("a") or m.group("b") or m.group("c") or "").strip()
    if owner.lower() in STATE_WORDS or owner.startswith("Syrian Arab Republic"):
        owner = "government"
    hits = load_actors().find(f"{owner} forces")
    if not hits or hits[0].actor.side in NOT_ARMED | {"unknown"}:
        return None
    a = hits[0].actor
    return a.said_as(owner)


def a_raised_flag_names_the_taker(r: Roles) -> None:
    """ "The Syrian flag was hoisted over the town hall on Tuesday": a place taken with no
    taker named was taken by the side whose flag was raised there."""
    if r.sub not in tx.TERRITORY_SUBS or r.actor1 is not None:
        return
    owner = flag_owner(r.text)
    if owner is not None and (r.actor2 is None or owner.side != r.actor2.side):
        r.actor1 = owner


FIGHT_WITH = re.compile(r"\b(clash\w*|fight\w*|fought|battl\w*|skirmish\w*) with (the )?", re.I)


def a_fight_with_names_its_other_camp(r: Roles) -> None:
    """ "Troops and their allies were locked in a battle with the Nusra Front", "a burned army
    truck was seen after clashes with rebels": the side fought "with" is one camp of a clash
    whose doer the parse did not find; the other is the armed side the sentence names before
    it (then the one fought with is actor2), else the target already known."""
    if r.sub != "Armed clash" or r.actor1 is not None:
        return
    for m in FIGHT_WITH.finditer(r.text):
        at = r.offset + m.end()
        foe = next((h for h in r.hits if h.start == at and not h.holder), None)
        if foe is None or foe.actor.side in NOT_ARMED:
            continue
        own = [
            h for h in r.hits
            if h.end <= at and not h.holder and h.actor.side not in NOT_ARMED | {foe.actor.side}
        ]  # fmt: skip
        if own and r.actor2 is None:
            r.actor1, r.actor2 = own[0].ref(), foe.ref()
        elif r.actor2 is None or foe.actor.side != r.actor2.side:
            r.actor1 = foe.ref()
        return


HARMED_AFTER = re.compile(
    r"^[^,.;:]{0,50}?\b(?:killed|wounded|injured|dead|died|captured|taken prisoner)\b",
    re.I,
)


def the_one_side_named_in_a_fight(r: Roles) -> None:
    """ "The battle was started at dawn by an IS attack on the city", "fierce fighting erupted
    as rebels stormed the hills": a clash whose parse gave no camp, in a sentence that names
    one armed side only (not as its dead), was fought by that side; the coder then sets
    against it the side the article sets against it."""
    if r.sub != "Armed clash" or r.actor1 is not None or r.actor2 is not None:
        return
    armed = [
        h for h in r.hits
        if not h.holder and h.actor.side not in NOT_ARMED | {"unknown"}
        and not HARMED_AFTER.match(r.text[h.end - r.offset :])
    ]  # fmt: skip
    if armed and len({h.actor.side for h in armed}) == 1:
        r.actor1 = armed[0].ref()


AGREEMENT = "Agreement"


def the_parties_of_an_agreement(r: Roles) -> None:
    """ "The truce started after weeks of fighting by Hezbollah and regime forces against
    opposition groups", "a ceasefire deal between the SDF and Turkish-backed factions": an
    agreement whose parse names no party binds the first armed side the sentence names and
    the first side it names that this side fights (OPPONENTS); allies on one side ("Hezbollah
    and regime forces") are one party."""
    if r.sub != AGREEMENT or r.actor1 is not None:
        return
    armed = [h for h in r.hits if not h.holder and h.actor.side not in NOT_ARMED | {"unknown"}]
    if not armed:
        return
    first = armed[0]
    foe = next((h for h in armed[1:] if h.actor.side in OPPONENTS.get(first.actor.side, [])), None)
    if foe is None:
        return
    r.actor1 = first.ref()
    if r.actor2 is None or r.actor2.side == first.actor.side:
        r.actor2 = foe.ref()


FIRED_ON = re.compile(
    r"\b(fired|firing|fire|shot|shooting|sniped|sniping) (on|at|upon|toward|towards) (the |a )?$",
    re.I,
)


def the_fired_upon_are_the_target(r: Roles) -> None:
    """ "The bus was attacked by fighters who opened fire on soldiers": the side fired upon is
    where the shots fell, so it is actor2, never actor1; the other side, when known, acted."""
    a1 = r.actor1
    if a1 is None or not a1.surface or r.sub in tx.PROTEST_SUBS or r.sub in tx.RIOT_SUBS:
        return  # a crowd fired upon is still the protest's actor1 (protesters_act)
    for h in r.hits:
        if h.surface != a1.surface:
            continue
        if FIRED_ON.search(r.text[max(0, h.start - r.offset - 30) : h.start - r.offset]):
            other = r.actor2 if r.actor2 is not None and r.actor2.side != a1.side else None
            r.actor1, r.actor2 = other, a1
        return


PASSES: tuple[Callable[[Roles], None], ...] = (
    the_fired_upon_are_the_target,
    protesters_act,
    pronoun_from_previous_sentence,
    inherit_striker,
    claimed_responsibility,
    it_is_the_attack_told_before,
    a_raised_flag_names_the_taker,
    the_taker_of_a_handover_acts,
    a_fight_with_names_its_other_camp,
    the_one_side_named_in_a_fight,
    the_side_that_gave_up_lost,
    the_parties_of_an_agreement,
    the_owner_of_the_struck_sites,
    state_sites_are_the_state,
    civilian_sites,
    the_dead_counted_before_are_civilians,
    the_taken_are_civilians,
    violence_against_civilians_falls_on_civilians,
)


def settle_actors(r: Roles) -> Roles:
    """Run every pass, in order, over the mention's actors."""
    for p in PASSES:
        p(r)
    if r.actor1 is not None and r.actor2 is not None and r.actor1.side == r.actor2.side:
        r.actor2 = None
    return r


REMOTE_KINDS = {tx.AIR, tx.SHELLING, tx.CHEMICAL}
FAMILY = {
    # "a nerve gas attack by X ... rockets with chemical agents hit A and B": the rockets and
    # bombs of a chemical attack are its striker's (the attack is named first, then its weapon)
    tx.AIR: (tx.AIR, tx.CHEMICAL),
    tx.SHELLING: (tx.SHELLING, tx.CHEMICAL),
    tx.CHEMICAL: (tx.CHEMICAL, tx.AIR, tx.SHELLING),  # chemical rockets and bombs
}
STRIKER_REACH = 10  # sentences: beyond that the article has moved on to another front


class StrikerMemory:
    """Who the article last named as striking, per kind of strike (air, shelling, chemical);
    for air strikes, the one air force the article names, when no striker is in reach."""

    def __init__(
        self, air_force: ActorRef | None = None, artillery: ActorRef | None = None
    ) -> None:
        self.last: dict[str, tuple[int, str, ActorRef]] = {}
        self.air_force = air_force
        self.artillery = artillery  # the one side the article names shelling, if one

    def note(self, index: int, source: str, found: list[Trigger], sent: Span, offset: int,
             actors: list[ActorHit]) -> None:  # fmt: skip
        """Remember the strikers of the sentence's factual strikes (before its events are
        coded, so that "raids hit the market, while regime air strikes hit the next town"
        gives both strikes the regime)."""
        for trig in found:
            if trig.kind not in REMOTE_KINDS or not is_factual(trig):
                continue
            a1, _, _ = assign_actors(trig, sent, offset, actors)
            if a1 is None or a1.actor.side in NOT_ARMED | {"unknown"}:
                continue
            self.last[trig.kind] = (index, source, a1.ref())

    def striker(self, kind: str, index: int, continued: str) -> ActorRef | None:
        """The striker of the last strike of KIND's family. A sentence that carries on an
        account given by another source (CONTINUED: that source, "" when the sentence has
        its own) is not filled from the striker's account: what an official's statement
        leaves unattributed stays so."""
        for k in FAMILY.get(kind, ()):
            seen = self.last.get(k)
            if seen is None or not 0 <= index - seen[0] <= STRIKER_REACH:
                continue
            if continued and continued != seen[1]:
                return None
            return seen[2]
        if continued:
            return None
        return self.air_force if kind == tx.AIR else self.artillery if kind == tx.SHELLING else None


AIR_FORCES = {"russia", "us_coalition", "israel", "syrian_government", "turkey"}
AIR_WORDS = re.compile(
    r"\b(air ?strikes?|air-strikes?|air raids?|jets?|warplanes?|war ?planes?|planes|aircraft|"
    r"air ?force|bombers?|helicopters?|drones?)\b",
    re.I,
)
AIR_AFTER = re.compile(r"^[-\s]{0,2}" + AIR_WORDS.pattern, re.I)


def _one_side_named_by(
    sentences: list[tuple[str, int, list[ActorHit]]],
    armed: Callable[[str], bool],
    words: re.Pattern[str],
    after_words: re.Pattern[str],
) -> ActorRef | None:
    """The one side (ARMED) an article names by a weapon (WORDS in its surface, or AFTER_WORDS
    right after it: "Russian jets", "Turkish shelling"); None when it names two or none."""
    found: dict[str, ActorRef] = {}
    for text, offset, hits in sentences:
        for h in hits:
            if h.holder or not armed(h.actor.side):
                continue
            after = text[h.end - offset : h.end - offset + 30]
            if words.search(h.surface) or after_words.match(after):
                found.setdefault(h.actor.side, h.ref())
    return next(iter(found.values())) if len(found) == 1 else None


def article_air_force(sentences: list[tuple[str, int, list[ActorHit]]]) -> ActorRef | None:
    """ "Civilians killed in Russian airstrikes" (the headline) ... "The airstrikes also hit the
    town of X": an article that names one air force by its strikes, jets or air force means
    that air force by the strikes it leaves unattributed. None when it names two or none.
    SENTENCES: (text, offset of the text in the article, the actors found in it)."""
    return _one_side_named_by(sentences, lambda side: side in AIR_FORCES, AIR_WORDS, AIR_AFTER)


SHELL_WORDS = re.compile(
    r"\b(shelling|shells|artillery|mortars?|rockets?|missiles?|bombardment|cannons?|howitzers?)\b",
    re.I,
)
SHELL_AFTER = re.compile(r"^[-\s]{0,2}" + SHELL_WORDS.pattern, re.I)


def article_artillery(sentences: list[tuple[str, int, list[ActorHit]]]) -> ActorRef | None:
    """ "Turkish shelling has resumed in the north" (the lead) ... "Shelling recommenced in the
    border town": an article that names one side by its shelling, artillery or rockets means
    that side by the shelling it leaves unattributed. None when it names two or none.
    SENTENCES: (text, offset of the text in the article, the actors found in it)."""
    return _one_side_named_by(
        sentences, lambda side: side not in NOT_ARMED | {"unknown"}, SHELL_WORDS, SHELL_AFTER
    )


def backers_as_associates(hits: list[ActorHit | None]) -> list[ActorRef]:
    """ "Turkish-backed Syrian rebels": the rebels act, the patron is their associate."""
    out: list[ActorRef] = []
    for h in hits:
        b = getattr(h, "backer", None) if h is not None else None
        if b is not None and all(o.key != b.key for o in out):
            out.append(b)
    return out
