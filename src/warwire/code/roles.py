"""Who did it, to whom, and where: roles from the dependency parse of a sentence.

The parse says which words are the subject, the agent ("by X"), the object, the victims
("N civilians were killed"), the loser ("from X", "X-held") and the target ("raids on X") of
a trigger; word proximity is only the fallback when the parse attaches nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Literal

from spacy.tokens import Span, Token

from warwire.code import taxonomy as tx
from warwire.code.context import ActorHit, PlaceHit
from warwire.code.evacuation import evacuated_from
from warwire.code.place_cues import QUARTER_OF, locates
from warwire.code.triggers import Trigger
from warwire.places.hierarchy import level

SUBJ = {"nsubj", "agent", "csubj"}
OBJ = {"dobj", "nsubjpass", "attr", "oprd"}
ASSOC_HEADS = {"back", "support", "aid", "assist", "help", "ally", "accompany", "cover"}
MEMBER_HEADS = {"include", "comprise", "join"}  # "an alliance led by X, including Y and Z"
GROUP_NOUNS = {
    "alliance", "coalition", "group", "faction", "force", "operation", "room", "militia",
    "army", "front", "umbrella", "formation", "brigade",
}  # fmt: skip
REFUGE_VERBS = {"flee", "withdraw", "retreat", "escape", "pull", "evacuate", "head"}
ORIGIN_PREPS = {"from", "towards", "toward"}


def token_of(sent: Span, start: int, end: int) -> Token | None:
    """The head token of the characters [start, end) of the sentence (sentence offsets)."""
    span = sent.doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def subtree_ids(t: Token, skip_deps: Iterable[str] = ()) -> set[int]:
    skip = set(skip_deps)
    out = {t.i}
    for c in t.children:
        if c.dep_ in skip:
            continue
        out |= {w.i for w in c.subtree}
    return out


def _child_ids(t: Token, deps: set[str], preps: set[str] | None = None) -> set[int]:
    out: set[int] = set()
    for c in t.children:
        if c.dep_ in deps:
            out |= {w.i for w in c.subtree}
        if preps is not None and c.dep_ == "prep" and c.lower_ in preps:
            out |= {w.i for w in c.subtree}
    return out


def _under_fire(t: Token) -> bool:
    """ "came under fire", "were under fire": the noun is the fire others opened."""
    return t.lower_ == "fire" and t.head.lower_ == "under" and t.head.head is not t.head


def _of_group(w: Token) -> bool:
    """ "an alliance ..., including X": the members are named for an armed group."""
    node = w.head
    for _ in range(3):
        if node.lemma_.lower() in GROUP_NOUNS:
            return True
        if node.head is node:
            return False
        node = node.head
    return False


def _assoc_ids(t: Token, sent: Span) -> set[int]:
    """Tokens inside "backed by X", "with the support of X", "allied X" phrases."""
    out: set[int] = set()
    for w in sent:
        lem = w.lemma_.lower()
        if lem in MEMBER_HEADS and w.i != t.i and _of_group(w):
            for c in w.children:
                if c.dep_ in {"pobj", "dobj"}:
                    out |= {x.i for x in c.subtree}
        if lem in ASSOC_HEADS and w.i != t.i:
            for c in w.children:
                if c.dep_ in {"agent", "prep", "pobj", "dobj"} and not backing_is_the_action(c, t):
                    out |= {x.i for x in c.subtree}
    return out


def backing_is_the_action(c: Token, t: Token) -> bool:
    """ "the militants were backed by Turkish artillery fire": when the trigger is the backing
    itself (the fire, the air strikes in support), the backer is its doer, not an associate."""
    return any(x.i == t.i for x in c.subtree)


def assign_actors(
    trig: Trigger, sent: Span, offset: int, actors: list[ActorHit]
) -> tuple[ActorHit | None, ActorHit | None, list[ActorHit]]:
    """(actor1, actor2, associated actors of actor1) for a trigger."""
    t = trig.token
    located: list[tuple[ActorHit, Token]] = []
    for a in actors:
        if a.holder:
            continue
        tok = token_of(sent, a.start - offset, a.end - offset)
        if tok is not None:
            located.append((a, tok))
    if not located:
        return None, None, []
    assoc_ids = _assoc_ids(t, sent)
    lem = t.lemma_.lower()
    if trig.nominal and _under_fire(t):
        # "the soldiers came under fire from Syrian troops": the firer follows "from", and the
        # one who came under fire is the target
        came = t.head.head
        subj_ids = _child_ids(t, {"poss", "compound", "amod"}, {"from", "by"}) | _child_ids(
            came, set(), {"from", "by"}
        )
        obj_ids = _child_ids(came, {"nsubj"})
        if came.dep_ == "relcl":
            obj_ids |= {came.head.i}
    elif trig.nominal:
        # "regime shelling", "Russian raids", and "Government artillery" (the actor is the noun)
        subj_ids = _child_ids(t, {"amod", "compound", "poss", "nmod"}, {"by"}) | {t.i}
        subj_ids |= compound_head_doer(t) | behind_the_action(t)
        if t.dep_ in SUBJ and t.head.pos_ in {"VERB", "AUX"}:
            obj_ids = _child_ids(t.head, OBJ, {"on", "against"}) | _child_ids(
                t, set(), {"on", "against"}
            )
        else:
            obj_ids = _child_ids(t, set(), {"on", "against", "targeting"})
            head = t.head
            while head.dep_ in {"pobj", "prep"} and head.head is not head:
                head = head.head
            if head.pos_ in {"VERB", "AUX"}:
                obj_ids |= _child_ids(head, {"nsubjpass", "dobj"}) | orphan_passive_subject(head)
                if any(c.dep_ == "dobj" for c in head.children):
                    # "X killed 12 soldiers in an ambush": who did it to them set the ambush
                    # (civilians are victims in these reports, never the ones who strike)
                    doer = _child_ids(head, {"nsubj"})
                    if any(tok.i in doer and a.actor.side != "civilians" for a, tok in located):
                        subj_ids |= doer
    elif lem == "fall":
        subj_ids = {
            w.i for c in t.children if c.dep_ == "prep" and c.lower_ == "to" for w in c.subtree
        }
        obj_ids = _child_ids(t, {"nsubj"})
    else:
        subj_ids = _child_ids(t, SUBJ)
        obj_ids = _child_ids(t, OBJ | {"pobj"}, {"from", "with", "against", "on", "between"})
        up = t
        while not subj_ids and up.dep_ in {"conj", "xcomp", "advcl", "pcomp", "prep"}:
            up = up.head  # "pushed deeper ... a day after seizing X": the pusher seized X
            if up.pos_ in {"VERB", "AUX"}:
                subj_ids = _child_ids(up, SUBJ)
            if up.head is up:
                break
        if t.dep_ in {"relcl", "acl"} and not subj_ids and (t.tag_ != "VBN" or active_acl(t)):
            subj_ids = {t.head.i}
    a1 = next((a for a, tok in located if tok.i in subj_ids and tok.i not in assoc_ids), None)
    a2 = next(
        (a for a, tok in located if tok.i in obj_ids and a is not a1 and tok.i not in assoc_ids),
        None,
    )
    if a1 is None:  # nearest actor just before the trigger ("regime shelling", "Russian raids")
        before = [
            (a, tok) for a, tok in located
            if tok.i < t.i and t.i - tok.i <= 4 and tok.i not in obj_ids
            and a.actor.side != "civilians" and not is_victim_token(tok)
        ]  # fmt: skip
        if before:
            a1 = before[-1][0]
        elif not trig.nominal:  # a misparsed subject ("X's forces have ... captured")
            subjects = [
                (a, tok) for a, tok in located
                if tok.i < t.i and tok.dep_ in SUBJ and tok.i not in obj_ids
                and a.actor.side != "civilians" and tok.i not in assoc_ids
            ]  # fmt: skip
            if subjects:
                a1 = subjects[-1][0]
    if a1 is None:  # an agent anywhere: "... by regime forces"
        for a, tok in located:
            if (
                tok.dep_ == "pobj"
                and tok.head.dep_ == "agent"
                and a is not a2
                and a.actor.side != "civilians"  # "a hospital supported by MSF"
            ):
                a1 = a
                break
    if a1 is None and trig.nominal:
        a1 = instrument_user(t, located, assoc_ids, a2)
    if a1 is None and trig.nominal:
        a1 = weapon_used_by(t, located, assoc_ids, a2)
    if a1 is None:
        a1 = pronoun_owner(t, located, a2)
    repelled = repelled_attack(t, located)
    if repelled is not None:
        a1, a2 = repelled
    between = fight_between(t, located)
    if between is not None:
        a1, a2 = between
    a1, a2 = civilians_do_not_strike(a1, a2)
    a1, a2 = installations_are_targets(t, a1, a2, located)
    assoc = [a for a, tok in located if tok.i in assoc_ids and a is not a1 and a is not a2]
    if a1 is not None and a2 is not None and a1.actor.side == a2.actor.side:
        a2 = None
    return a1, a2, assoc


ACTION_HEADS = {"attack", "strike", "assault", "bombardment", "raid", "shelling", "bombing"}


def behind_the_action(t: Token) -> set[int]:
    """ "Russian and regime warplanes were behind the attacks", "the group is behind the
    bombing": who is said to be behind an action noun did it. The ids of the subject of
    "be behind" (and those coordinated with it)."""
    prep = t.head
    if t.dep_ != "pobj" or prep.lower_ != "behind" or prep.head.lemma_ != "be":
        return set()
    return {w.i for c in prep.head.children if c.dep_ == "nsubj" for w in (c, *c.conjuncts)}


def compound_head_doer(t: Token) -> set[int]:
    """ "a nerve gas attack by the regime's forces", "a chlorine attack by government
    helicopters": a weapon noun that only qualifies an action noun ("attack", "strike") has
    the doer of that noun, named after its "by" or before it ("a regime chemical attack")."""
    if t.dep_ != "compound":
        return set()
    head = t.head
    while head.dep_ == "compound" and head.head is not head:  # "nerve gas attack"
        head = head.head
    if head.lemma_.lower() not in ACTION_HEADS:
        return set()
    return _child_ids(head, {"amod", "poss", "nmod"}, {"by"})


def instrument_user(
    t: Token, located: list[tuple[ActorHit, Token]], assoc_ids: set[int], a2: ActorHit | None
) -> ActorHit | None:
    """ "the rebels answered with rocket fire on ...", "troops hit the village with barrel
    bombs": a weapon noun that is the instrument ("with") of a verb was used by that
    verb's subject."""
    if t.dep_ == "compound":  # "artillery fire": the compound's head is the instrument
        t = t.head
    if not (t.dep_ == "pobj" and t.head.lower_ == "with"):
        return None
    verb = t.head.head
    for _ in range(3):  # "responded to the attack with artillery fire" hangs "with" on "attack"
        if verb.pos_ in {"VERB", "AUX"} or verb.head is verb or verb.dep_ not in {"pobj", "prep"}:
            break
        verb = verb.head
    if verb.pos_ not in {"VERB", "AUX"}:
        return None
    doer = _child_ids(verb, {"nsubj", "agent"})
    for a, tok in located:
        if tok.i in doer and tok.i not in assoc_ids and a is not a2:
            if a.actor.side not in UNARMED_SIDES:
                return a
    return None


USE_VERBS = {"use", "employ", "deploy"}


def weapon_used_by(
    t: Token, located: list[tuple[ActorHit, Token]], assoc_ids: set[int], a2: ActorHit | None
) -> ActorHit | None:
    """ "the IS targeted a group of soldiers using a car bomb", "rebels hit the post using
    guided missiles": a weapon that is the object of "using" was used by the armed side that
    the clause names before it, other than the target; the parse often hangs "using" on the
    target noun (and reads "the IS" as the verb "is"), so the words before it are read."""
    if t.dep_ == "compound":
        t = t.head
    if t.dep_ != "dobj" or t.head.lemma_.lower() not in USE_VERBS or t.head.i > t.i:
        return None
    using = t.head
    if using.tag_ != "VBG":  # "rebels used a car bomb": the verb's own subject (parse)
        return None
    before = [
        a for a, tok in located
        if tok.i < using.i and a is not a2 and tok.i not in assoc_ids
        and a.actor.side not in UNARMED_SIDES and not is_victim_token(tok)
        and (a2 is None or a.actor.side != a2.actor.side) and not _passive_subject(tok)
    ]  # fmt: skip
    return before[0] if before else None


def _passive_subject(tok: Token) -> bool:
    """ "a group of fighters was hit": the subject of a passive (or a word inside it) is hit."""
    return any(w.dep_ == "nsubjpass" for w in (tok, *tok.ancestors))


PRONOUNS = {"its", "their", "it", "they"}


def pronoun_owner(
    t: Token, located: list[tuple[ActorHit, Token]], a2: ActorHit | None
) -> ActorHit | None:
    """ "The army splintered the enclave as it intensifies its assault", "rebels said their
    offensive reached the town": an action owned by a pronoun ("its assault", "they shelled")
    is the armed side the sentence named before it."""
    holders = [t] + [c for c in t.children if c.dep_ == "nsubj"]  # "its fighters shelled"
    owner = next(
        (c for h in holders for c in h.children
         if c.lower_ in PRONOUNS and c.dep_ in {"poss", "nsubj"}),
        None,
    )  # fmt: skip
    if owner is None:
        return None
    before = [
        a for a, tok in located
        if tok.i < owner.i and a is not a2 and a.actor.side not in UNARMED_SIDES
        and not is_victim_token(tok)
    ]  # fmt: skip
    return before[-1] if before else None


REPEL_LEMMAS = {"repel", "repulse", "thwart", "foil", "fend", "rebuff", "withstand", "resist"}
# "held back", "beat back", "fought off", "warded off": a verb with one of these particles repels
REPEL_PHRASAL = {"hold", "beat", "push", "drive", "fight", "ward", "turn", "keep", "fend"}


def repels(t: Token) -> bool:
    """ "repelled", "thwarted", and the phrasal "held back", "beat back", "fought off": a verb
    whose object is an attack that failed."""
    lemma = t.lemma_.lower()
    if lemma in REPEL_LEMMAS:
        return True
    return lemma in REPEL_PHRASAL and any(
        c.dep_ in {"prt", "advmod"} and c.lower_ in {"back", "off"} for c in t.children
    )


ATTACK_NOUNS = {
    "attack", "assault", "offensive", "counteroffensive", "counterattack", "attempt", "incursion",
    "advance", "push", "raid", "infiltration", "onslaught", "bid",
}  # fmt: skip


def repelled_attack(
    t: Token, located: list[tuple[ActorHit, Token]]
) -> tuple[ActorHit | None, ActorHit | None] | None:
    """ "the defenders repelled an attempt by the attackers to cross the river", "troops fought
    to repel an insurgent counterattack": the side that attacked is actor1 and the side that
    held it off actor2, whatever the grammatical subject. None when the pattern is absent."""
    verb, noun = None, None
    if t.pos_ in {"VERB", "AUX"} and not repels(t):
        # "battled to repel a counteroffensive": the fight is the repelling
        t = next((c for c in t.children if c.dep_ in {"xcomp", "advcl"}
                  and repels(c)), t)  # fmt: skip
    if repels(t):
        verb = t
        noun = next((c for c in t.children if c.dep_ in {"dobj", "nsubjpass"}), None)
    elif t.lemma_.lower() in ATTACK_NOUNS and t.dep_ in {"dobj", "nsubjpass"}:
        if repels(t.head):
            verb, noun = t.head, t
    if verb is None or noun is None or noun.lemma_.lower() not in ATTACK_NOUNS:
        return None
    own = {w.i for w in noun.subtree}
    if noun.dep_ == "dobj":  # "repelled an assault by X": the parse may hang "by X" on the verb
        own |= {w.i for c in verb.children if c.dep_ == "prep" and c.lower_ == "by"
                for w in c.subtree}  # fmt: skip
    attacker = next((a for a, tok in located if tok.i in own), None)
    up = verb
    defenders: set[int] = _child_ids(up, {"nsubj", "agent"})
    while not defenders and up.dep_ in {"xcomp", "advcl", "conj", "ccomp"} and up.head is not up:
        up = up.head  # "managed to repel", "battled to repel": the subject of the first verb
        defenders = _child_ids(up, {"nsubj", "agent"})
    defender = next((a for a, tok in located if tok.i in defenders), None)
    if attacker is None and defender is None:
        return None
    return attacker, defender


UNARMED_SIDES = {"civilians", "protesters"}


def fight_between(
    t: Token, located: list[tuple[ActorHit, Token]]
) -> tuple[ActorHit | None, ActorHit | None] | None:
    """ "clashes broke out between tribal fighters and the SDF", "fighting between rebels and
    troops": the camps of a fight named after "between" are its two actors, in their order
    (the parse hangs "between" on the noun or on the verb it is the subject of)."""
    owners = [t]
    up = t
    for _ in range(3):  # the verb the noun hangs from ("clashes broke out between ...")
        if up.head is up or up.dep_ not in {"nsubj", "nsubjpass", "pobj", "prep", "compound"}:
            break
        up = up.head
        if up.pos_ in {"VERB", "AUX"}:
            owners.append(up)
            break
    ids: set[int] = set()
    for o in owners:
        for c in o.children:
            if c.dep_ == "prep" and c.lower_ == "between":
                ids |= {w.i for w in c.subtree}
    if not ids:
        return None
    inside = sorted(((a, tok) for a, tok in located if tok.i in ids), key=lambda h: h[1].i)
    if not inside:
        return None
    first = inside[0][0]
    other = next((a for a, _ in inside[1:] if a.actor.side != first.actor.side), None)
    return first, other


INSTALLATIONS = {
    "base", "checkpoint", "position", "post", "outpost", "convoy", "headquarters", "barracks",
    "depot", "airport", "airbase", "garrison", "patrol", "camp",
}  # fmt: skip


def _installation(a: ActorHit) -> bool:
    words = a.surface.lower().split()
    return bool(words) and words[-1].rstrip("s") in INSTALLATIONS | {"barrack", "headquarter"}


def installations_are_targets(
    t: Token, a1: ActorHit | None, a2: ActorHit | None, located: list[tuple[ActorHit, Token]]
) -> tuple[ActorHit | None, ActorHit | None]:
    """ "a drone attack on an army base", "blew himself up at a regime checkpoint": a side
    named by its base, checkpoint, position or convoy is where the blow fell, so it is the
    target (actor2), never the attacker."""
    if a1 is not None and _installation(a1):
        a1, a2 = None, a2 or a1
    if a2 is None:  # only one in the action's own clause: "... at a regime checkpoint"
        clause = {w.i for w in (t if t.pos_ in {"VERB", "AUX"} else t.head).subtree}
        a2 = next(
            (a for a, tok in located if _installation(a) and a is not a1 and tok.i in clause),
            None,
        )
    return a1, a2


def civilians_do_not_strike(
    a1: ActorHit | None, a2: ActorHit | None
) -> tuple[ActorHit | None, ActorHit | None]:
    """ "four people, among them two children, died in the shelling": civilians named as the
    grammatical doer of violence are its victims, never its perpetrator (protests are coded
    elsewhere, with the protesters as actor1)."""
    if a1 is not None and a1.actor.side == "civilians":
        return None, a2 or a1
    return a1, a2


HARM = {"kill", "wound", "injure", "martyr", "shoot", "execute", "behead", "murder", "slaughter"}
DIE = {"die", "perish"}
HARMED_OBJECT = HARM | {"target", "hit", "massacre"}


def is_victim_token(tok: Token) -> bool:
    """ "21 civilians were killed", "33 soldiers killed in an attack" (a headline's reduced
    passive), "13 civilians died in air strikes", "14 citizens were martyred": the noun names
    who was harmed, never who struck."""
    if tok.dep_ == "nsubjpass" and tok.head.lemma_.lower() in HARM:
        return True
    if tok.dep_ == "nsubj" and tok.head.lemma_.lower() in DIE:
        return True
    return any(
        c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in HARM and not active_acl(c)
        for c in tok.children
    ) or subject_of_an_orphan_passive(tok)


def subject_of_an_orphan_passive(tok: Token) -> bool:
    """ "Also in northern Syria, 30 troops and militiamen were killed in an ambush": after a
    fronted place and a comma the parser may hang the counted group on the place (as its
    apposition) and leave the passive verb with no subject. The group right before the
    passive's auxiliary ("... militiamen were killed"), or the group it is coordinated with,
    is then who was harmed."""
    doc = tok.doc
    for t in (tok, *tok.conjuncts):
        aux = doc[t.i + 1] if t.i + 1 < len(doc) else None
        if (
            aux is not None
            and aux.head.lemma_.lower() in HARM
            and t.i in orphan_passive_subject(aux.head)
        ):
            return True
    return False


def orphan_passive_subject(verb: Token) -> set[int]:
    """The token ids of the group right before a passive verb's auxiliary when the parse
    gave the verb no subject ("..., 30 troops and militiamen were killed"): that noun and
    those coordinated with it (see `subject_of_an_orphan_passive`)."""
    if any(c.dep_ == "nsubjpass" for c in verb.children):
        return set()
    aux = next((c for c in verb.children if c.dep_ == "auxpass"), None)
    if aux is None or aux.i == 0:
        return set()
    noun = verb.doc[aux.i - 1]
    if noun.pos_ not in {"NOUN", "PROPN"}:
        return set()
    return {noun.i} | {c.i for c in noun.conjuncts}


def active_acl(verb: Token) -> bool:
    """ "Militants killed 15 civilians in the town": the parser may read the past tense as a
    reduced passive hung on its subject ("militants [who were] killed"), but a verb with a
    direct object is active, so the noun it hangs on is the doer, not the victim."""
    return verb.dep_ == "acl" and any(c.dep_ == "dobj" for c in verb.children)


def victims(sent: Span, offset: int, actors: list[ActorHit]) -> ActorHit | None:
    """The actor that was killed or wounded in the sentence ("21 civilians were killed");
    failing a named actor, people named by a word for non-combatants (see unnamed_victims)."""
    for a in actors:
        if a.holder:
            continue
        tok = token_of(sent, a.start - offset, a.end - offset)
        if tok is None:
            continue
        if is_victim_token(tok):
            return a
        if tok.dep_ == "dobj" and tok.head.lemma_.lower() in HARMED_OBJECT:
            return a
    return unnamed_victims(sent, offset, actors)


PEOPLE_WORDS = {
    "people", "person", "persons", "citizens", "worshippers", "worshipers", "passengers",
    "shoppers", "students", "pupils", "workers", "patients", "pilgrims", "farmers", "shepherds",
    "hunters", "mourners", "guests", "relatives", "members", "others",
}  # fmt: skip
ARMED_WORDS = {
    "fighter", "soldier", "troop", "militant", "rebel", "member", "gunman", "militiaman",
    "jihadist", "combatant", "insurgent", "officer", "personnel", "guard",
}  # fmt: skip


def unnamed_victims(sent: Span, offset: int, actors: list[ActorHit]) -> ActorHit | None:
    """ "A car bomb killed 15 people", "five people were shot dead", "14 citizens were
    martyred": when the harmed are only "people" (or worshippers, passengers, hunters ...)
    and the sentence counts no armed dead, they are civilians, as ACLED codes them."""
    from warwire.read.actors import load_actors

    if any(w.lemma_.lower() in ARMED_WORDS and w.dep_ in {"nsubjpass", "dobj", "nsubj"}
           and is_victim_token(w) for w in sent):  # fmt: skip
        return None
    for tok in sent:
        if tok.lower_ not in PEOPLE_WORDS or tok.lower_ in {"members", "others"}:
            continue
        harmed = is_victim_token(tok) or (
            tok.dep_ == "dobj" and tok.head.lemma_.lower() in HARMED_OBJECT
        )
        if not harmed:
            continue
        armed = armed_among_the_dead(tok, sent, offset, actors)
        if armed is not None:
            return armed or None
        ref = load_actors().by_side("civilians")
        if ref is None:
            return None
        start = offset + tok.idx
        return ActorHit(start, start + len(tok.text), tok.text, ref)
    return None


RANKS = {"commander", "general", "colonel", "brigadier", "major", "captain", "lieutenant"}


def armed_among_the_dead(
    people: Token, sent: Span, offset: int, actors: list[ActorHit]
) -> ActorHit | Literal[False] | None:
    """ "Seven people were killed, including a senior commander of the Revolutionary Guards",
    "five people died, among them two soldiers": when the dead are said to include armed
    men, they are not all civilians. The armed side named in that phrase (the target), False
    when the phrase names armed men of no side, None when it names none."""
    verb = people.head
    phrases = [
        c for h in (people, verb) for c in h.children
        if c.dep_ == "prep" and c.lower_ in {"including", "among"}
    ]  # fmt: skip
    for ph in phrases:
        ids = {w.i for w in ph.subtree}
        for a in actors:
            tok = token_of(sent, a.start - offset, a.end - offset)
            if tok is not None and tok.i in ids and a.actor.side not in UNARMED_SIDES:
                return a
        if any(w.lemma_.lower() in ARMED_WORDS | RANKS for w in ph.subtree):
            return False
    return None


# verbs of fire sent from afar: "rockets fired from positions in X", "shelled Y from the
# village of X"; a withdrawal or a seizure "from positions in X" happened at X
FIRING_LEMMAS = {
    "fire", "launch", "shell", "shoot", "lob", "pound", "bombard", "target", "rain", "hit",
    "strike", "come",
}  # fmt: skip
FIRE_NOUNS = {"rocket", "shell", "missile", "mortar", "fire", "shelling", "artillery", "barrage"}
# "the village of X", "positions in X", "bases near X": a place noun's own place
PLACE_OF_PREPS = {"of", "in", "at", "near", "around", "outside", "inside"}


def fired_from(tok: Token) -> bool:
    """ "rockets fired from X landed in Y", "shelled Y from positions in X", "withdrew towards
    X": a place right after "from" or "towards" is where the fire came from or where the
    fighters went, never the action's place; the event is at the target. For fire, the
    preposition may also govern a noun the place belongs to ("fired from positions in X",
    "from the village of X"); fighters who withdrew "from their positions in X" were at X."""
    if tok.dep_ == "pobj" and tok.head.lower_ in ORIGIN_PREPS:
        return True
    while tok.dep_ == "compound" and tok.head is not tok:
        tok = tok.head
    if any(c.dep_ in {"relcl", "acl"} for c in tok.children):
        return False  # "advanced from X town, which had been retaken": X has its own clause
    for _ in range(3):
        if tok.dep_ != "pobj":
            return False
        prep = tok.head
        if prep.lower_ in ORIGIN_PREPS:
            return prep.head.lemma_.lower() in FIRING_LEMMAS | FIRE_NOUNS
        if prep.lower_ not in PLACE_OF_PREPS or prep.head.pos_ not in {"NOUN", "PROPN"}:
            return False
        tok = prep.head
    return False


def _located(
    nearest: tuple[PlaceHit, Token], hits: list[tuple[PlaceHit, Token]], sent: Span, offset: int
) -> tuple[PlaceHit, Token]:
    """ "killing 40 in the town of X near Damascus in a revenge attack", "hit the X
    neighbourhood of Damascus, killing a child": when the action's words reach no place and
    the nearest one only locates a finer place named right before it (place_cues.locates),
    the finer place is the action's."""
    p, _ = nearest
    for q, tok in hits:
        if q is p or q.end > p.start or level(q.place) <= level(p.place) or q.province:
            continue
        between = sent.text[q.end - offset : p.start - offset]
        if locates(between) or QUARTER_OF.match(between):
            return q, tok
    return nearest


def _refuge(tok: Token) -> bool:
    if tok.dep_ != "pobj" or tok.head.lower_ not in {"to", "into", "toward", "towards"}:
        return False
    return tok.head.head.lemma_.lower() in REFUGE_VERBS


def target_places(trig: Trigger, sent: Span, offset: int, places: list[PlaceHit]) -> list[PlaceHit]:
    """The places the action happened in or to: coordinated objects give one place each."""
    t = trig.token
    hits: list[tuple[PlaceHit, Token]] = []
    for p in places:
        tok = token_of(sent, p.start - offset, p.end - offset)
        if tok is None:
            continue
        if fired_from(tok) and not evacuated_from(t, tok):
            continue  # "attacked from Jabal al-Zawiya", "withdrew towards Khan Shaykhun"
        if _refuge(tok):
            continue  # "rebels fled to Ariha": where the losers went is not the battle
        hits.append((p, tok))
    if not hits:
        return []
    if trig.nominal:
        region = subtree_ids(t)
        if not any(tok.i in region for _, tok in hits) and t.head.pos_ in {"VERB", "AUX"}:
            region = subtree_ids(t.head, {"advcl", "ccomp"})
    elif t.lemma_.lower() == "fall":
        region = subtree_ids(t, {"prep"}) | _child_ids(t, {"nsubj"})
    else:
        region = subtree_ids(t, {"nsubj", "advcl", "ccomp", "agent"})
    region |= added_objects(t, sent, region)
    inside = [(p, tok) for p, tok in hits if tok.i in region]
    if not inside and object_is_anaphor(trig):
        return []  # "took control of the town": the town was named before
    if not inside:
        inside = [_located(sorted(hits, key=lambda h: abs(h[1].i - t.i))[0], hits, sent, offset)]
    precise = [(p, tok) for p, tok in inside if not p.province and not p.near]
    if precise:
        first, ftok = min(precise, key=lambda h: (h[1].i < t.i, abs(h[1].i - t.i)))
        group = [first]
        ids = {ftok.i}
        for p, tok in sorted(precise, key=lambda h: h[1].i):
            if p is first:
                continue
            if (
                (tok.dep_ == "conj" and tok.head.i in ids)
                or (
                    tok.head.i == ftok.head.i
                    and tok.dep_ == ftok.dep_
                    and tok.dep_ in {"pobj", "dobj"}
                )
                or conjoined_classes(ftok, tok)
            ):
                group.append(p)
                ids.add(tok.i)
        return group + listed_after(group, inside, sent, offset)
    near = [p for p, _ in inside if p.near]
    if near:
        return near[:1]
    return [p for p, _ in inside]


ADDITIVE = re.compile(
    r"(?:\b(?:in addition to|as well as|along with|besides|called|named|known as)|:)\s+", re.I
)


def added_objects(t: Token, sent: Span, region: set[int]) -> set[int]:
    """
    "took control of the hill, in addition to the village of A and the posts in B and C",
    "captured the eastern district called A", "were captured by the SDF: A and B": an
    additive phrase ("in addition to", "as well as", "along with"), a naming one ("called",
    "known as") or a colon right after the action's own words continues its object, though
    the parse hangs it on the clause above. Its words join the action's region up to the next
    verb or action word (another clause, or "in addition to shelling B": another action)."""
    out: set[int] = set()
    for m in ADDITIVE.finditer(sent.text):
        first = sent.char_span(m.end(), m.end() + 1, alignment_mode="expand")
        if first is None or first[0].i <= t.i:
            continue
        before = [w for w in sent[: first[0].i - sent.start] if not w.is_punct]
        before = [w for w in before if w.idx < sent[0].idx + m.start()]
        if not before or before[-1].i not in region | {w.i for w in t.subtree}:
            continue  # the phrase follows other words than the action's
        for w in sent[first[0].i - sent.start :]:
            if w.pos_ in {"VERB", "AUX"} or w.lemma_.lower() in tx.NOUNS | tx.VERBS.keys():
                break
            out.add(w.i)
    return out


LIST_SEPARATORS = {",", "and", ";"}
# what lies between two names when the second only locates the first or bounds an area
LOCATOR_GAP = re.compile(
    r"\bbetween\b|,\s+(?:a|an|the)\s+(?:\w+\s+){0,2}"
    r"(?:town|city|village|suburb|district|neighbou?rhood|area|region|zone)s?\s+(?:in|of|near)\b",
    re.I,
)
TARGET_ITSELF = re.compile(
    r"\b(?:outskirts of|outside)\s+(?:the\s+)?(?:(?:town|city|village) of\s+)?$"
)


def listed_after(
    group: list[PlaceHit], inside: list[tuple[PlaceHit, Token]], sent: Span, offset: int
) -> list[PlaceHit]:
    """ "Jets hit a depot in A, a market on the outskirts of B and a base outside C": a list
    of targets each with its own place, which the parse often hangs on one another rather
    than coordinating them, gives one place each. A place joins the list when only commas,
    "and" and nouns (no verb, no other clause) separate it from the last one listed. A place
    "near"/"east of" the last one, or after "A, a town in", only locates it ("the outskirts
    of B" is B's own); "between A and B" bounds an area."""
    out: list[PlaceHit] = []
    last = min(p.end for p in group)
    for p, _tok in sorted(inside, key=lambda h: h[0].start):
        if p in group:
            last = max(last, p.end)  # "A, B, C and D" parsed with B hung apart: B still counts
            continue
        if p.start < last or p.province:
            continue
        gap = sent.doc.char_span(last - offset, p.start - offset, alignment_mode="expand")
        if gap is None:
            break
        words = [w for w in gap if not w.is_space]
        if any(w.pos_ in {"VERB", "AUX", "SCONJ"} or w.dep_ == "relcl" for w in words):
            break
        if not any(w.lower_ in LIST_SEPARATORS for w in words):
            break
        if LOCATOR_GAP.search(gap.text):
            break  # "A, a town in the south of B", "between the cities of A and B"
        before = sent.doc.text[max(0, p.start - offset - 40) : p.start - offset]
        if p.near and not TARGET_ITSELF.search(before):
            continue
        out.append(p)
        last = p.end
    return out


def _named_of(tok: Token) -> Token | None:
    """The class noun a place name is "of" ("towns" for "the towns of B"), if any."""
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.dep_ == "prep":
        return tok.head.head
    return None


def conjoined_classes(first: Token, other: Token) -> bool:
    """ "Seized the city of A and the towns of B and C": B is named under "the towns", which
    is coordinated with "the city" that names A, so B is an object of the action too."""
    a, b = _named_of(first), _named_of(other)
    return a is not None and b is not None and b.dep_ == "conj" and b.head.i == a.i


def place_objects(trig: Trigger) -> list[Token]:
    """The words the action fell on: its object ("captured the town"), the subject of a
    passive ("the town was shelled") or of "fall" ("the town fell"), and what control was
    taken of ("took control of the town")."""
    t = trig.token
    deps = {"nsubj", "nsubjpass"} if t.lemma_.lower() == "fall" else {"dobj", "nsubjpass"}
    objects = [c for c in t.children if c.dep_ in deps]
    for c in list(objects):
        if c.lower_ == "control":
            objects += [g for p in c.children if p.lower_ == "of" for g in p.children]
    return objects


def object_is_anaphor(trig: Trigger) -> bool:
    """True when the object is "the town" / "it": the place named earlier is meant."""
    for c in place_objects(trig):
        if c.lower_ in tx.PLACE_ANAPHORS:
            if c.lower_ == "it" or any(d.lower_ in {"the", "this"} for d in c.children):
                return True
    return False


def object_is_plural_area(trig: Trigger) -> bool:
    """True for "captured several towns and villages": unnamed places, province level."""
    for c in trig.token.children:
        if c.dep_ in {"dobj", "nsubjpass"} and c.lower_ in tx.PLURAL_AREAS:
            return True
        if c.dep_ in {"dobj", "nsubjpass"} and c.lower_ in {"dozens", "scores", "numbers"}:
            if any(w.lower_ in tx.PLURAL_AREAS for w in c.subtree):
                return True
    return False


def plural_area_around_anaphor(trig: Trigger) -> bool:
    """True for "seized hilltops surrounding the town": places around the one just named."""
    for c in trig.token.children:
        if c.dep_ in {"dobj", "nsubjpass"} and c.lower_ in tx.PLURAL_AREAS:
            if any(w.lower_ in tx.PLACE_ANAPHORS for w in c.subtree if w is not c):
                return True
    return False
