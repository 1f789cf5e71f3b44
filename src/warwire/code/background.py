"""Background, not news: the sentence structures that carry a place or an action that did not
happen on the story's day.

Reports of a battle are full of things that are not the battle: what the town is ("a former
protest hotspot turned ghost town"), where it lies ("on the highway linking Damascus to
Aleppo"), who speaks for whom ("officials in Damascus made no comment"), and what happened
there long ago ("the following year, it was captured by rebels"). Each test below reads one
of these structures from the dependency parse, so it holds for any place, side or year.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from spacy.tokens import Span, Token

from warwire.code import taxonomy as tx
from warwire.code.figures import BACKGROUND
from warwire.code.triggers import Trigger
from warwire.read.dates import MONTH_NAMES

# clause-level history: an explicit earlier year, or a phrase that sets the action apart
YEAR = re.compile(r"^(19|20)\d\d$")
HISTORY_WORDS = re.compile(
    r"\b(the following year|the next year|the year before|the previous year|years? ago|"
    r"months ago|decades? ago|a decade|last year|last month|"
    r"(?:first|originally|once) (?:captured|seized|took|taken|fell|overran|overrun|besieged))\b",
    re.I,
)
LONG_UNITS = {"year", "years", "month", "months", "decade", "decades"}
ANCHORS = {"after", "before", "since"}
CLAUSES = {"advcl", "relcl", "acl", "ccomp", "xcomp", "conj", "appos", "parataxis", "pcomp"}
DURATION_NOUNS = {"year", "month", "week", "decade", "day"}
ROUTE_VERBS = {"link", "connect", "join", "lead", "run", "stretch"}
ROUTE_NOUNS = {"highway", "road", "route", "motorway", "artery", "corridor", "railway"}
ROUTE_PREPS = {"to", "from", "between", "with"}
SPEECH_VERBS = {
    "say", "deny", "defend", "accuse", "claim", "insist", "urge", "warn", "condemn", "announce",
    "reject", "demand", "respond", "comment", "blame", "call", "vow", "threaten", "argue",
    "refuse", "welcome", "praise", "criticise", "criticize", "back", "support",
}  # fmt: skip
PEOPLE_NOUNS = {
    "official", "officials", "loyalist", "loyalists", "government", "regime", "authority",
    "authorities", "diplomat", "diplomats", "source", "sources", "spokesman", "leadership",
    "newspaper", "media", "ally", "allies", "envoy", "talks", "negotiators", "delegation",
}  # fmt: skip


def up_from(t: Token, limit: int) -> Iterator[Token]:
    """T, then the words it hangs from, up to LIMIT steps or the root: the walk every test
    here makes through the parse."""
    node = t
    for _ in range(limit + 1):
        yield node
        if node.head is node:
            return
        node = node.head


def _clause_head(t: Token) -> Token:
    """The verb whose clause T is in (T itself when it heads one)."""
    node = t
    for node in up_from(t, 8):
        if node.pos_ in {"VERB", "AUX"} or node.dep_ in CLAUSES:
            return node
    return node


def _own_clause(t: Token) -> list[Token]:
    """The tokens of T's clause, without the clauses nested in it."""
    head = _clause_head(t)
    out: list[Token] = []
    stack = [head]
    while stack:
        n = stack.pop()
        out.append(n)
        # a nested clause is kept when it holds T ("t in c.subtree", asked of T's ancestors)
        stack.extend(
            c for c in n.children if c.dep_ not in CLAUSES or c.i == t.i or c.is_ancestor(t)
        )
    return out


def earlier_year(
    trig: Trigger, published: dt.date | None, clause: list[Token] | None = None
) -> bool:
    """ "The city fell to the Islamic State group in 2014": the trigger's own clause names a
    year before the report's (or an earlier year naming a campaign: "its lightning 2014
    offensive"), or says "the following year", "years ago", "first captured".
    A year in another clause of the sentence ("the town, held since 2012, was retaken") does
    not make the main action history. CLAUSE: the trigger's own clause, in reading order,
    when the caller has it (background_action reads it once for every test)."""
    clause = clause if clause is not None else _clause_in_order(trig)
    if published is not None:
        for w in clause:
            if YEAR.match(w.text) and int(w.text) < published.year:
                prev = w.nbor(-1).lower_ if w.i > w.sent.start else ""
                if prev in {"in", "since", "of", "during", "by", "until", "early", "late", "mid"}:
                    return True
                if w.dep_ in {"nummod", "compound", "amod", "nmod"} and w.head.pos_ == "NOUN":
                    return True  # "in a lightning 2014 campaign", "the 2013 offensive"
        if any(month_long_ago(w, published) for w in _with_root_verb(trig, clause)):
            return True
    return HISTORY_WORDS.search(_words_of(clause)) is not None


def _with_root_verb(trig: Trigger, clause: list[Token]) -> list[Token]:
    """CLAUSE, and for a noun the parser made the sentence's root ("Strikes killed 37 ...",
    with "killed" hung on "strikes" as a participle) the clause of that verb, which is the
    noun's own."""
    t = trig.token
    if not trig.nominal or t.dep_ != "ROOT":
        return clause
    verbs = [c for c in t.children if c.dep_ == "acl" and any(g.dep_ == "dobj" for g in c.children)]
    return clause + [w for v in verbs for w in _own_clause(v)]


def month_long_ago(w: Token, published: dt.date) -> bool:
    """ "Strikes killed 37 civilians in the town in April" told in July: "in" a month, with no
    day or year of its own, three or more months before the report's month dates history. Two
    months back may still be this story's (an August action told on 5 October), and a
    report's own date can be off by weeks, so the margin is kept wide; a "when" clause, which
    marks a recollection, needs only two (when_long_ago)."""
    month = MONTH_NAMES.get(w.lower_)
    if month is None or w.i == w.sent.start or w.nbor(-1).lower_ not in {"in", "during"}:
        return False
    nxt = w.nbor(1) if w.i + 1 < w.sent.end else None
    if nxt is not None and nxt.like_num:
        return False  # "in April 2016" is read as a year, "in April 3" as a day
    return months_back(month, published) >= 3


def _clause_in_order(trig: Trigger) -> list[Token]:
    """The trigger's own clause (_own_clause), in reading order."""
    return sorted(_own_clause(trig.token), key=lambda w: w.i)


def _words_of(clause: list[Token]) -> str:
    return " ".join(w.text for w in clause)


def long_before(trig: Trigger) -> bool:
    """ "a year after the army's failed drive to retake it", "months after it was shelled":
    an action measured back from the story by months or years is background."""
    for node in up_from(trig.token, 10):
        if node.lower_ in ANCHORS:
            left = [w.lower_ for w in node.doc[max(node.sent.start, node.i - 3) : node.i]]
            kids = [c.lower_ for c in node.children]
            if any(w in LONG_UNITS for w in left + kids):
                return True
    return False


def descriptor(trig: Trigger) -> bool:
    """ "Maaret al-Numan, a former protest hotspot turned ghost town after months of
    bombardment": a noun of action inside an apposition describes the place or the group, and
    "months of bombardment" is a duration, not an event."""
    if not trig.nominal:
        return False
    t = trig.token
    head = t.head
    if head.lower_ == "of" and head.head.lemma_.lower() in DURATION_NOUNS:
        if head.head.tag_ == "NNS" or head.head.lower_.endswith("s"):
            return True  # "months of bombardment", "years of siege"
    for node in up_from(t, 8):
        if node.dep_ == "appos":
            return True
        if node.pos_ in {"VERB", "AUX"} and node.dep_ not in {"acl", "relcl", "amod"}:
            return False
    return False


def participle_descriptor(trig: Trigger) -> bool:
    """ "the SDF, an alliance supported by the coalition battling IS": a participle that
    qualifies an actor's name ("forces fighting the jihadists") says what the group does in
    general, not what it did that day."""
    t = trig.token
    if trig.nominal or t.tag_ != "VBG" or t.i == t.sent.start:
        return False
    if t.dep_ in {"ROOT", "conj", "advcl", "xcomp", "ccomp", "pcomp"}:
        return False  # "..., killing five": the sentence's own action
    if any(c.dep_ in {"aux", "auxpass"} for c in t.children):
        return False  # "were battling": a verb of the story
    if t.nbor(-1).pos_ not in {"NOUN", "PROPN"}:
        return False
    nxt = t.nbor(1) if t.i + 1 < t.sent.end else None
    named_object = nxt is not None and (nxt.text[:1].isupper() or nxt.lower_ == "the")
    if not (named_object or any(c.dep_ == "dobj" for c in t.children)):
        return False  # "regime shelling on the post" is a noun of action, not a descriptor
    before = {w.lower_ for w in t.doc[max(t.sent.start, t.i - 4) : t.i]}
    if told_in_sequence(t):
        return False  # "followed by warplanes bombing the town" is the story's next action
    return "with" not in before  # "with troops shelling the town" is the story


SEQUENCE_VERBS = frozenset({"follow", "precede", "accompany"})


def told_in_sequence(t: Token) -> bool:
    """ "Artillery pounded the targets, followed by warplanes bombing the town": a participle
    qualifying the agent of "followed by" / "preceded by" / "accompanied by" tells the next
    (or the same) action of the story, not what the agent does in general ("an alliance
    supported by the coalition battling IS" is such a description: "supported" is no verb of
    sequence)."""
    noun = t.head
    if t.dep_ != "acl" or noun.dep_ != "pobj" or noun.head.lower_ != "by":
        return False
    verb = noun.head.head
    return verb.lemma_.lower() in SEQUENCE_VERBS


def route_place(tok: Token) -> bool:
    """ "lies on the M5 highway linking Damascus to Aleppo": the ends of a route are not
    where anything happened."""
    node = tok
    for _ in range(4):
        head = node.head
        if head is node:
            return False
        if node.dep_ in {"dobj", "pobj"} and head.lemma_.lower() in ROUTE_VERBS:
            return True
        if node.dep_ == "pobj" and head.lower_ in ROUTE_PREPS:
            gov = head.head
            if gov.lemma_.lower() in ROUTE_VERBS | ROUTE_NOUNS:
                return True
        if node.dep_ not in {"pobj", "prep", "conj", "cc", "appos", "compound", "dobj"}:
            return False
        node = head
    return False


ORIGIN_VERBS = frozenset({
    "infiltrate", "come", "arrive", "travel", "move", "cross", "sneak", "set", "depart",
    "smuggle", "bring", "transfer",
})  # fmt: skip
HEADING_VERBS = frozenset({"head", "travel", "move", "go", "proceed", "bind", "drive", "march"})
ROUTE_WORDS = frozenset({"way", "route"})


def movement_end(tok: Token) -> bool:
    """ "infiltrated the town from the city of X", "a convoy attacked while heading to a post
    in X", "on their way to X": where a movement came from or was going is not where the
    action happened."""
    node = tok
    for _ in range(8):
        head = node.head
        if head is node or node.pos_ in {"VERB", "AUX"}:
            return False
        if node.dep_ == "prep":
            lem, low = head.lemma_.lower(), node.lower_
            if low == "from" and lem in ORIGIN_VERBS:
                return True
            if low in {"to", "towards", "toward", "for"}:
                return lem in HEADING_VERBS or head.lower_ in ROUTE_WORDS
        node = head
    return False


def metonym_place(tok: Token) -> bool:
    """ "Damascus defended its ally", "officials in Damascus made no comment", "Damascus
    loyalists": a capital named for the government that sits there is not a battlefield."""
    if tok.dep_ in {"nsubj", "nsubjpass"} and tok.head.lemma_.lower() in SPEECH_VERBS:
        return True
    if tok.dep_ in {"compound", "amod", "npadvmod", "poss"}:
        if tok.head.lower_ in PEOPLE_NOUNS or tok.head.lemma_.lower() in PEOPLE_NOUNS:
            return True
    if tok.dep_ == "pobj" and tok.head.lower_ in {"in", "from"}:
        gov = tok.head.head
        if gov.lower_ in PEOPLE_NOUNS or gov.lemma_.lower() in PEOPLE_NOUNS:
            return True
    return False


REPORT_VERBS = SPEECH_VERBS | {
    "report", "stress", "affirm", "confirm", "state", "add", "tell", "admit", "quote", "note",
    "explain", "declare", "allege", "maintain",
}  # fmt: skip


def _verb_above(t: Token) -> Token | None:
    return next((n for n in up_from(t, 8) if n.pos_ in {"VERB", "AUX"}), None)


def habitual_claim(trig: Trigger) -> bool:
    """ "A military source stressed that Turkey provides support to terrorists in the battles
    around Saraqeb": under a reporting verb in the past, a reported event is backshifted into
    the past; a clause left in the present simple states a standing claim, not an event."""
    verb = _verb_above(trig.token)
    if verb is None or verb.tag_ not in {"VBZ", "VBP"} or verb.lemma_ in {"be", "have"}:
        return False
    if any(c.dep_ == "aux" and c.lemma_ in {"have", "be"} for c in verb.children):
        return False  # "has killed", "is shelling": perfect and progressive report events
    # up through clauses and the nouns they qualify ("groups who attack")
    for node in list(up_from(verb, 10))[1:]:
        if node.pos_ in {"VERB", "AUX"} and node.tag_ == "VBD":
            # "X stressed that Y provides ...": the report comes first; a present verb before
            # its reporting verb is a headline run into the sentence ("Bombing kills 16 ...
            # a monitor said")
            return node.i < verb.i and node.lemma_.lower() in REPORT_VERBS
    return False


def reporting_day(tok: Token, trig: Trigger) -> bool:
    """ "Officials admitted on Friday that 33 were killed": the day hangs on the reporting
    verb, so it dates the report; the event was on that day or before it."""
    for node in list(up_from(tok, 4))[1:]:
        if node.pos_ in {"VERB", "AUX"}:
            return node.i != trig.token.i and node.lemma_.lower() in REPORT_VERBS
    return False


CAMPAIGN_NOUNS = {"operation", "campaign", "offensive"}
LAUNCH_VERBS = {"launch", "begin", "start", "announce", "declare"}


def other_clause_day(tok: Token, trig: Trigger) -> bool:
    """ "By capturing the town, Turkish forces achieved the aim of Operation X, launched on 9
    October", "retook it from the army, who had recaptured it on May 8": a day inside a clause
    that qualifies another noun, by what it had done before (the pluperfect) or when a named
    campaign was launched, dates that noun's story, not the trigger's action."""
    verb = next((n for n in list(up_from(tok, 6))[1:] if n.pos_ in {"VERB", "AUX"}), None)
    if verb is None or verb.i == trig.token.i or verb.head.i == trig.token.i:
        return False  # "the attack, which took place on Tuesday": the trigger's own day
    if trig.token.i in {w.i for w in verb.subtree}:
        return False
    if verb.dep_ == "relcl":
        return verb.tag_ == "VBN" and any(
            c.dep_ == "aux" and c.lower_ in {"had", "'d"} for c in verb.children
        )
    launched = verb.dep_ == "advcl" and verb.lemma_.lower() in LAUNCH_VERBS  # parsed loosely
    if (verb.dep_ == "acl" or launched) and verb.tag_ == "VBN":
        before = verb.doc[max(verb.sent.start, verb.i - 2) : verb.i]
        named = [verb.head] + [w for w in before if w.lower_ != ","]  # "Operation X, launched"
        return any(w.pos_ == "PROPN" or w.lemma_.lower() in CAMPAIGN_NOUNS for w in named)
    return False


PERSON_NOUNS = {
    "spokesman", "spokeswoman", "spokesperson", "commander", "official", "leader", "head",
    "analyst", "resident", "activist", "journalist", "correspondent", "minister", "envoy",
    "chief", "member", "officer", "director", "researcher", "colonel", "general",
}  # fmt: skip


def person_named(tok: Token) -> bool:
    """ "Mustafa Bali, a spokesman for the SDF, said ...", "X, who blamed the jets, said": a
    name the gazetteer knows as a village is a person when the sentence says who the person
    is, or follows it with "who" (places take "which" and "where")."""
    while tok.dep_ == "compound" and tok.head is not tok:
        tok = tok.head  # "Marshad al-X, who ...": the name's last word carries the clause
    if any(c.dep_ == "appos" and c.lemma_.lower() in PERSON_NOUNS for c in tok.children):
        return True
    return any(
        c.dep_ == "relcl" and any(w.lower_ in {"who", "whom"} for w in c.children)
        for c in tok.children
    )


NAMING_VERBS = {"call", "name", "dub", "label", "christen", "title"}


def names_a_place(verb: Token) -> bool:
    """ "the district of Raqqa called X", "a village known as Y": the naming verb follows a
    noun of ground within a few words (the parse often hangs it elsewhere), so the name it
    gives is a place's."""
    doc = verb.doc
    before = doc[max(verb.sent.start, verb.i - 5) : verb.i]
    return any(w.lemma_.lower() in tx.UNNAMED_PLACE_NOUNS for w in before)


def name_given(tok: Token) -> bool:
    """ "an alliance called 'Volcano of the X'", "an operation dubbed Y", "a group known as
    Z": a place word inside a name given to a group or an operation is part of that name."""
    for node in up_from(tok, 4):
        head = node.head
        if head is node:
            return False
        if node.dep_ in {"oprd", "attr", "dobj", "xcomp"} and head.lemma_.lower() in NAMING_VERBS:
            if names_a_place(head):
                return False  # "the eastern district called X": X is the place itself
            return head.dep_ in {"acl", "relcl", "amod"} or head.tag_ == "VBN"
        if node.dep_ == "pobj" and head.lower_ == "as" and head.head.lemma_.lower() == "know":
            return True
        if node.dep_ not in {"compound", "conj", "cc", "appos", "pobj", "prep", "poss", "nmod"}:
            return False
    return False


FEAR_VERBS = {"fear", "worry", "dread", "warn"}


def feared_place(tok: Token) -> bool:
    """ "observers fear the same fate now awaits X's ancient ruins": a place inside what a
    speaker fears is where nothing has happened yet."""
    child = tok
    for node in list(up_from(tok, 8))[1:]:
        if node.lemma_.lower() in FEAR_VERBS and node.pos_ == "VERB":
            return child.dep_ in {"ccomp", "xcomp", "dobj", "advcl"}
        if node.dep_ == "ROOT":
            return False
        child = node
    return False


def background_place(sent: Span, tok: Token) -> bool:
    """A place named only as a route's end, as a seat of government, as a person, inside a
    name given to something, or inside what someone fears."""
    return (
        route_place(tok)
        or movement_end(tok)
        or metonym_place(tok)
        or person_named(tok)
        or name_given(tok)
        or feared_place(tok)
    )


def history_clause(trig: Trigger, clause: list[Token] | None = None) -> bool:
    """ "since 2014", "over the past months", "the war, which has killed ...": the background
    phrases, read in the trigger's own clause rather than anywhere in the sentence, so that
    "the town, held by IS since 2014, was retaken on Tuesday" is still news. CLAUSE: as
    in earlier_year."""
    clause = clause if clause is not None else _clause_in_order(trig)
    return BACKGROUND.found(_words_of(clause))


FRAMING_VERBS = {"come", "follow", "mark", "coincide"}


def framing_subject(trig: Trigger) -> bool:
    """ "The blast comes as the army captured Khaldiyeh", "Friday's attack came after ...": the
    subject of "comes as/after" points back at an action already reported, and the sentence's
    news is the other clause, so the noun must not be coded again at that clause's place."""
    t = trig.token
    if not trig.nominal or t.dep_ not in {"nsubj", "nsubjpass"}:
        return False
    if t.head.lemma_.lower() not in FRAMING_VERBS:
        return False
    return any(c.dep_ in {"det", "poss"} and c.lower_ not in {"a", "an"} for c in t.children)


def months_back(month: int, published: dt.date) -> int:
    """How many months MONTH (1-12, no year given) lies before the report's month."""
    return (published.month - month) % 12


def _long_ago(when: Token, published: dt.date) -> bool:
    """The words just before WHEN ("since 2012 when", "in March when", "July 2015, when",
    "mid-2012 when") name a year before the report's, or a month two or more before the
    report's month ("in March" told in May). Read from the words, which the parser often
    hangs elsewhere."""
    sent = when.sent
    before = [w for w in when.doc[max(sent.start, when.i - 4) : when.i] if not w.is_punct]
    if not before:
        return False
    years = [int(m.group()) for w in before if (m := re.search(r"(19|20)\d\d", w.text))]
    if years:
        return max(years) < published.year
    month = MONTH_NAMES.get(before[-1].lower_)
    return month is not None and months_back(month, published) >= 2


def when_long_ago(trig: Trigger, published: dt.date | None) -> bool:
    """ "contested since 2013, when insurgents overran its northern half", "the town has
    been targeted before, including in March when a bomber killed 16", "under the group's
    control since 2014, when it swept across the region": a "when" clause on an earlier year
    (or a month two or more back) says what happened then. Wire and monitor reports recall a
    place's history this way; the clause's action is background whatever its verb."""
    if published is None:
        return False
    for node in up_from(trig.token, 8):
        if node.dep_ not in {"relcl", "advcl", "acl"}:
            continue
        when = next((c for c in node.children if c.lower_ == "when" and c.dep_ == "advmod"), None)
        if when is not None:
            return _long_ago(when, published)
    return False


def background_action(trig: Trigger, published: dt.date | None) -> bool:
    """An action the sentence names as history or description, not as today's news."""
    clause = _clause_in_order(trig)  # the first two tests read the same clause
    return (
        history_clause(trig, clause)
        or earlier_year(trig, published, clause)
        or long_before(trig)
        or descriptor(trig)
        or participle_descriptor(trig)
        or habitual_claim(trig)
        or framing_subject(trig)
        or when_long_ago(trig, published)
    )
