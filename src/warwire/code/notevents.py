"""Not events: sentences that name an action without reporting that it happened.

War reporting names many actions that nobody coded as events would count: what observers
fear, what a side denies or is accused of, what a photo shows, what a speaker urges, what a
group "continues to pose through attacks, bombings and abductions", what happened in another
country, and a town "captured" only as a word describing it. Each test below reads one of
these structures from the dependency parse, so it holds for any place, side or year; the
coder drops a trigger when any of them holds (ACLED codes reported events, not claims about
them).
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Span, Token

from warwire.code import taxonomy as tx
from warwire.code.background import up_from
from warwire.code.summaries import DAY_WORDS
from warwire.code.triggers import Trigger
from warwire.read.plain_re import Twin

# -- photo captions -------------------------------------------------------------------------

CREDIT = Twin(
    r"(\(\s*(photo|file|pic|picture|image)\b|\b(photo|photograph|picture|image)\s*(:|credit|by"
    r"\b|courtesy)|\bfile (photo|pic|picture|image)\b|\bgetty images\b|"
    r"\|\s*photo\b|--\s*photo\b|\b(afp|ap|reuters|aa|epa) photo\b|\bphoto\s*/)",
    re.I,
)


def caption_line(sent: Span, at: int | None = None) -> bool:
    """ "Fighters near a burnt-out tank (Photo: Agency/Name)", "Building destroyed by an
    attack | Photo: Agency": a line carrying a photo credit is a caption, and what it shows is
    told (or not) in the article's text. A caption without a credit may be the only report of
    a dated strike ("a warplane carries out an air raid around the base, August 21"), so the
    present tense alone does not make a line a caption. A credit that opens the line, before
    the action ("(AFP Photo) At least 18 civilians were killed ..."), is a scrape's leftover
    marker ahead of the lead, not a caption of it."""
    text = sent.text
    return any(not _opening_credit(text, s, e, at) for s, e in _credits(text))


@lru_cache(maxsize=256)
def _credits(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each photo credit in TEXT: asked once for every trigger of a line."""
    return tuple(m.span() for m in CREDIT.finditer(text))


def _opening_credit(text: str, start: int, end: int, at: int | None) -> bool:
    """The credit stands alone at the start of the line, and the action comes after it."""
    return at is not None and end <= at and not text[:start].strip(" \t([")


# -- pictures and footage -------------------------------------------------------------------

MEDIA_NOUNS = {
    "photo", "photograph", "picture", "image", "video", "footage", "clip", "film", "snapshot",
    "screenshot", "screengrab", "recording",
}  # fmt: skip
SHOW_VERBS = {"show", "see", "appear", "film", "feature"}


def _lemma(t: Token) -> str:
    return t.lemma_.lower()


def _shown_by_media(verb: Token) -> bool:
    """VERB is "show", "see" ... with a picture as its subject or in a phrase of its own
    ("seen in the video"); an infinitive takes its governor's subject ("claim to show")."""
    if _lemma(verb) not in SHOW_VERBS:
        return False
    holders = [verb, verb.head] if verb.dep_ == "xcomp" else [verb]
    for v in holders:
        for c in v.children:
            words = [c] if c.dep_ in {"nsubj", "nsubjpass"} else []
            if c.dep_ in {"prep", "agent"}:
                words = [g for g in c.children if g.dep_ == "pobj"]
            if any(_lemma(w) in MEDIA_NOUNS for w in words):
                return True
    return False


def pictures_taken_of(verb: Token, came_from: Token) -> bool:
    """ "He took pictures of the ruins, of the dead and of the battle", "filmed footage of the
    strike": VERB has a picture as its object and the action sits in an "of" phrase hung on
    the verb (where the parser often puts a listed "of"), so the action is what was pictured."""
    if came_from.dep_ not in {"prep", "conj"} or came_from.lower_ != "of":
        return False
    return any(c.dep_ == "dobj" and _lemma(c) in MEDIA_NOUNS for c in verb.children)


def media_depiction(trig: Trigger) -> bool:
    """ "A clip showed a checkpoint being shelled", "images claim to show children killed in
    the assault", "a blast is seen in the video", "pictures of the battle": what a picture
    shows is no report of when and where it happened. The walk stops at the first verb of
    the story's own ("released a video depicting ..." reports the release)."""
    prev = trig.token
    for node in list(up_from(trig.token, 8))[1:]:
        if node.pos_ not in {"VERB", "AUX"}:
            prev = node
        if _lemma(node) in MEDIA_NOUNS and not node.text.isupper():
            return True  # "VIDEO: Army breaks the siege" is a headline's label
        if node.pos_ in {"VERB", "AUX"}:
            if _shown_by_media(node) or pictures_taken_of(node, prev):
                return True
            if node.tag_ in {"VBN", "VBG"} and node.dep_ in {"acl", "amod"}:
                continue  # "children killed in the assault": a participle, walk on
            if node.dep_ == "xcomp" and _lemma(node.head) in {"claim", "purport"}:
                continue
            return False
    return False


# -- denials, accusations, fears, threats ---------------------------------------------------

DENY_VERBS = {"deny", "refute", "dismiss", "reject", "disavow"}
ACCUSE_VERBS = {"accuse", "blame", "charge", "hold"}  # "held X responsible for"
FEAR_WORDS = {
    "fear", "warn", "worry", "dread", "risk", "threaten", "threat", "danger",
    "prospect", "possibility", "spectre", "specter",
}  # fmt: skip
PLAN_WORDS = {
    "plan", "call", "urge", "demand", "vow", "pledge", "promise", "prepare", "preparation",
    "threaten", "intend", "intention", "plot", "aim",
}  # fmt: skip
HEDGE_MODIFIERS = {
    "possible", "potential", "likely", "expected", "imminent", "planned", "looming",
    "anticipated", "feared", "rumoured", "rumored", "impending", "future",
    "upcoming", "prospective", "probable",
}  # fmt: skip


def disowned(trig: Trigger) -> bool:
    """ "The rebels denied carrying out the attack", "Damascus accused Ankara of shelling the
    village", "blamed the militants for the bombing": an action a side denies, or one it lays
    on another side, is a claim about an event; the event itself is coded where it is told."""
    for node in list(up_from(trig.token, 8))[1:]:
        lem = _lemma(node)
        if lem in DENY_VERBS or lem == "denial":
            return True
        if node.dep_ == "prep" and node.lower_ in {"of", "for"}:
            gov = node.head
            if any(_lemma(v) in ACCUSE_VERBS and v.pos_ == "VERB" for v in (gov, gov.head)):
                return True
        if node.pos_ in {"VERB", "AUX"} and node.dep_ == "ROOT":
            return False
    return False


def feared_or_planned(trig: Trigger) -> bool:
    """ "Residents fear a new offensive", "warned of an attack on the town", "called for
    protests", "preparations for an assault", "a possible strike": an action feared, threatened,
    planned or called for has not happened."""
    t = trig.token
    if trig.nominal and any(c.dep_ == "amod" and _lemma(c) in HEDGE_MODIFIERS for c in t.children):
        return True
    for node in list(up_from(t, 6))[1:]:
        lem = _lemma(node)
        if lem in FEAR_WORDS:
            return True
        if trig.nominal and lem in PLAN_WORDS:
            return True
        if node.pos_ in {"VERB", "AUX"} and node.dep_ == "ROOT":
            return False
        if not trig.nominal and node.pos_ in {"VERB", "AUX"}:
            return False  # a verb's own clause decides; is_factual read its modals
    return False


DRIVE_NOUNS = {
    "push", "bid", "drive", "effort", "attempt", "campaign", "quest", "race", "struggle",
}  # fmt: skip


def drive_to(trig: Trigger) -> bool:
    """ "The army continued its push to regain the town", "in a bid to retake the hill": an
    action named as the aim of a drive or an attempt is intent; the capture is reported when it
    happens."""
    t = trig.token
    if trig.nominal or not any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children):
        return False
    return t.dep_ in {"acl", "relcl"} and _lemma(t.head) in DRIVE_NOUNS


# -- speech ---------------------------------------------------------------------------------

SPEAKERS = {"we", "you", "i", "us"}
QUOTES = {'"', "“", "”", "«", "»"}


def _imperative(v: Token) -> bool:
    """A bare verb with no subject, auxiliary or subordinator heading a clause: an order."""
    if v.tag_ != "VB" or v.dep_ not in {"ROOT", "ccomp", "parataxis"}:
        return False
    return not any(c.dep_ in {"nsubj", "nsubjpass", "aux", "auxpass", "mark"} for c in v.children)


def speech_line(trig: Trigger) -> bool:
    """ " 'We liberate every village,' he said", " 'Go ahead and protest,' the officer told
    the crowd": a first- or second-person line in a quotation, or an order, is a speech act,
    not a report."""
    t = trig.token
    if trig.nominal:
        return False
    quoted = any(w.text in QUOTES for w in t.doc[: t.i])
    subj = next((c for c in t.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if quoted and subj is not None and subj.lower_ in SPEAKERS and t.tag_ in {"VB", "VBP"}:
        return True
    return _imperative(t.head if t.dep_ == "conj" else t)


def _bare_verb(v: Token) -> bool:
    """A bare verb with no subject, auxiliary or subordinator: an order, whatever the parser
    hung it on."""
    if v.pos_ != "VERB" or v.tag_ != "VB":
        return False
    return not any(c.dep_ in {"nsubj", "nsubjpass", "aux", "auxpass", "mark"} for c in v.children)


def joined_to_an_order(trig: Trigger) -> bool:
    """' "Go ahead and protest," he told the crowd', ' "Come out and fight" ': an action
    joined to a bare order inside a quotation is part of the order, a speech act like it."""
    t = trig.token
    quoted = any(w.text in QUOTES for w in t.doc[t.sent.start : t.i])
    return quoted and t.dep_ == "conj" and _bare_verb(t.head)


# -- the repertoire of a group, not an event ------------------------------------------------


def repertoire(trig: Trigger) -> bool:
    """ "The group still poses a threat through hit-and-run attacks, bombings and
    abductions": a list of three kinds of action, bare plurals with no number, describes what
    a group does, not an event."""
    t = trig.token
    if not trig.nominal:
        return False
    first = t
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    group = [first] + [w for w in first.subtree if w.dep_ == "conj" and w.pos_ == "NOUN"]
    kinds = {tx.NOUNS.get(_lemma(w)) for w in group} - {None}
    if len(kinds) < 3:
        return False
    bare = all(
        w.tag_ == "NNS" and not any(c.dep_ in {"det", "nummod", "poss"} for c in w.children)
        for w in group
        if tx.NOUNS.get(_lemma(w))
    )
    return bare


# -- a participle that names the place, not the event ---------------------------------------

GEAR = {
    "tank", "armor", "armour", "vehicle", "carrier", "equipment", "truck", "howitzer",
    "weapon", "gun", "ammunition", "launcher", "hardware", "jeep", "pickup",
}  # fmt: skip


def presupposed(trig: Trigger) -> bool:
    """ "The first photos from the captured town", "the arrested men were freed", "tanks
    captured by his men": a participle that qualifies a noun points back to an action told
    elsewhere (or to a haul of gear), not to a new one."""
    t = trig.token
    if trig.nominal or t.tag_ != "VBN":
        return False
    if t.dep_ == "amod":
        return True
    if t.dep_ == "acl" and trig.kind == tx.TERRITORY:
        return _lemma(t.head) in GEAR
    return False


# -- abroad ---------------------------------------------------------------------------------

FOREIGN_COUNTRIES = {
    "iraq", "turkey", "lebanon", "jordan", "israel", "iran", "egypt", "libya", "yemen",
    "afghanistan", "russia", "ukraine", "saudi", "gaza", "europe", "pakistan", "nigeria",
    "somalia", "mali", "tunisia", "france", "belgium", "germany", "britain",
}  # fmt: skip
WHERE_PREPS = {"in", "inside", "across", "into", "on", "throughout"}
NOT_WHERE = {"from", "with", "of", "to", "between", "near", "by"}


def _named_country(pobj: Token) -> bool:
    words = {w.lower_ for w in pobj.subtree}
    return "syria" not in words and bool(words & FOREIGN_COUNTRIES)


def _clean_path(prep: Token, scope: Token) -> bool:
    """No "from", "with", "near" ... between the place phrase and the action: "strikes from
    bases in Turkey" are not in Turkey."""
    node = prep.head
    while node.i != scope.i:
        if node.dep_ == "prep" and node.lower_ in NOT_WHERE:
            return False
        if node.head.i == node.i:
            return False
        node = node.head
    return True


def abroad(trig: Trigger) -> bool:
    """ "A drone attack on a US base in northeastern Jordan", "Meanwhile, in Iraq, the strikes
    targeted the border areas": the action's own place phrase names another country (and not
    Syria with it); ACLED's Syria data holds events in Syria only."""
    t = trig.token
    verb = next((n for n in up_from(t, 8) if n.pos_ in {"VERB", "AUX"}), None)
    for w in t.subtree if trig.nominal else []:
        if w.dep_ == "prep" and w.lower_ in WHERE_PREPS and _clean_path(w, t):
            if any(
                g.dep_ == "pobj" and g.pos_ == "PROPN" and _named_country(g) for g in w.children
            ):
                return True
    root = next((w for w in t.doc if w.dep_ == "ROOT"), None)
    fronted = [w for w in root.children if w.i < root.i] if root is not None else []
    if verb is None:
        return False
    for w in [*verb.children, *fronted]:  # "In Iraq, the strikes killed ..." frames it all
        if w.dep_ == "prep" and w.lower_ in WHERE_PREPS:
            if any(
                g.dep_ == "pobj" and g.pos_ == "PROPN" and _named_country(g) for g in w.children
            ):
                return True
    return False


# -- a campaign summed up, the means of another action, an action still coming ------------

APPROACH_VERBS = {"approach", "near", "draw", "loom", "creep", "edge"}
USE_VERBS = {"use", "employ"}


def _governing_verb(t: Token) -> Token | None:
    return next((n for n in up_from(t, 6) if n.pos_ in {"VERB", "AUX"}), None)


def campaign_since(trig: Trigger) -> bool:
    """ "The regime has waged an aerial offensive on the city since December 15, killing
    400", "clashes have erupted since Aug. 27": the present perfect with "since" sums up a
    campaign over many days, whose toll is no single event's."""
    verb = _governing_verb(trig.token)
    if verb is None:
        return False
    if verb.i == trig.token.i and verb.tag_ == "VBG" and verb.dep_ in {"advcl", "xcomp"}:
        verb = verb.head  # "..., killing 400": the participle shares its clause's tense
    perfect = any(
        c.dep_ == "aux" and c.lemma_ == "have" and c.tag_ in {"VBZ", "VBP"} for c in verb.children
    )
    if not perfect:
        return False
    for c in verb.children:  # its own "since", not one in a phrase about a noun
        if c.lower_ == "since" and c.dep_ == "prep":
            return True
        if c.dep_ == "advcl" and any(m.lower_ == "since" and m.dep_ == "mark" for m in c.children):
            return True
    return False


def means_of(trig: Trigger) -> bool:
    """ "Artillery and aerial bombardment were used by the forces to recapture the town": the
    weapons named as the means of another action are part of that action."""
    t = trig.token
    if not trig.nominal:
        return False
    node = t
    while node.dep_ in {"conj", "nmod", "compound"} and node.head.i != node.i:
        node = node.head  # "artillery and air strikes were used"
    head = node.head
    if node.dep_ not in {"nsubjpass", "dobj"} or head.lemma_.lower() not in USE_VERBS:
        return False
    return any(
        c.dep_ in {"xcomp", "advcl"} and any(a.lower_ == "to" for a in c.children)
        for c in head.children
    )


def approaching(trig: Trigger) -> bool:
    """ "They fled as fighting drew near": fighting that approaches has not reached the place."""
    t = trig.token
    head = t.head
    if t.dep_ != "nsubj" or head.lemma_.lower() not in APPROACH_VERBS:
        return False
    if head.lemma_.lower() in {"draw", "creep", "edge"}:  # "drew near", "crept closer"
        return any(c.lower_ in {"near", "nearer", "close", "closer"} for c in head.children)
    return True


def person_described(trig: Trigger) -> bool:
    """ "a soldier who had defected from the army", "a defector": a change of side told in a
    clause about a person describes who the person is, not a change of the group."""
    t = trig.token
    return trig.kind == tx.CHANGE and t.dep_ in {"relcl", "acl", "amod"}


# -- a capture aimed at, a former state, a protest that explains an arrest -------------------

DONE_HEADS = {"manage", "succeed", "able", "continue", "keep"}


def capture_as_aim(trig: Trigger) -> bool:
    """ "Artillery was used by the forces to recapture the town", "troops began to storm the
    hill", "an offensive to retake the town", "continues the operation to liberate the
    district": a capture named, with no day, as the aim of another action or as begun is not
    reported done; a capture is coded when the report says it happened ("managed to take the
    town", "used to retake it on Tuesday")."""
    t = trig.token
    if trig.kind != tx.TERRITORY or trig.nominal or t.dep_ not in {"xcomp", "advcl", "acl"}:
        return False
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children):
        return False
    if any(w.lower_.strip(".") in DAY_WORDS for w in t.subtree):
        return False  # "used to recapture the town on Tuesday": a dated capture is told done
    if t.dep_ == "acl":  # "an offensive to retake the town", "a bid to storm the hill"
        return t.head.pos_ in {"NOUN", "PROPN"}
    return _lemma(t.head) not in DONE_HEADS or operation_continued(t.head)


def operation_continued(head: Token) -> bool:
    """ "The army continues the operation to liberate the district": "continue" with an object
    of its own goes on with that operation, whose aim the infinitive names; only a bare
    "continued to shell the town" tells the infinitive's action done."""
    return any(c.dep_ == "dobj" for c in head.children)


FORMER_ADVERBS = {"once", "formerly"}


def _former(verb: Token) -> bool:
    """VERB carries "formerly", or "once" on a participle ("once considered"), as a time
    adverb; not "once again", and not "once" opening a clause ("once troops withdrew")."""
    for c in verb.children:
        if c.dep_ != "advmod" or c.lower_ not in FORMER_ADVERBS:
            continue
        if c.lower_ == "once" and (verb.tag_ not in {"VBN", "VBG"} or c.i > verb.i):
            continue
        nxt = c.nbor(1) if c.i + 1 < len(c.doc) else None
        if nxt is None or nxt.lower_ not in {"again", "more"}:
            return True
    return False


def formerly(trig: Trigger) -> bool:
    """ "The old city, once considered the heart of the protests", "a town formerly shelled
    daily": an action inside a clause marked as a former state describes a place or group by
    its past, not a new event."""
    for node in up_from(trig.token, 8):
        if node.pos_ in {"VERB", "AUX"}:
            return _former(node)
    return False


ARREST_LEMMAS = {"arrest", "detain", "jail", "imprison", "apprehend"}


def _arrest_word(t: Token) -> bool:
    """ "arrested", "the detained men" (often tagged an adjective, lemma and all)."""
    low = t.lower_
    return _lemma(t) in ARREST_LEMMAS or any(low.startswith(w) for w in ARREST_LEMMAS)


def reason_for_arrest(trig: Trigger) -> bool:
    """ "The detained men had taken part in protests", "arrested for joining demonstrations",
    "those arrested were involved in protests": a protest named as what the arrested did is
    the reason for the arrest, undated background to it, not a protest reported that day."""
    if trig.kind != tx.PROTEST:
        return False
    for node in list(up_from(trig.token, 8))[1:]:
        if node.dep_ == "prep" and node.lower_ == "for" and _arrest_word(node.head):
            return True
        if node.pos_ in {"VERB", "AUX"}:
            subj = [c for c in node.children if c.dep_ in {"nsubj", "nsubjpass"}]
            return any(_arrest_word(w) for s in subj for w in s.children if w.dep_ in QUALIFY)
    return False


QUALIFY = {"amod", "acl", "relcl"}


# -- the filter -----------------------------------------------------------------------------


def not_event(trig: Trigger) -> bool:
    """True when the sentence names the action without reporting it as done in Syria."""
    return (
        caption_line(trig.token.doc[:], trig.token.idx)
        or media_depiction(trig)
        or disowned(trig)
        or feared_or_planned(trig)
        or drive_to(trig)
        or speech_line(trig)
        or joined_to_an_order(trig)
        or capture_as_aim(trig)
        or formerly(trig)
        or reason_for_arrest(trig)
        or repertoire(trig)
        or presupposed(trig)
        or abroad(trig)
        or campaign_since(trig)
        or means_of(trig)
        or approaching(trig)
        or person_described(trig)
    )
