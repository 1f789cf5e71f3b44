"""Summaries and descriptions: sentences that sum up many actions, or describe a group by
what it does, instead of reporting one action on one day.

A report of a strike is full of sentences that are not that strike: the toll of the whole
campaign ("at least 240 soldiers have been killed since the push began on May 13"), the
air war summed up ("warplanes have pounded the town for weeks", "launched nearly 50 strikes
since mid-January", "have escalated their bombardment in recent weeks"), an action pointed
at vaguely ("where a convoy has recently suffered an attack"), a group described by what it
did ("a faction that fought against the jihadists"), and fighting named only as what people
fled. ACLED codes one action at one place on one day; each test below reads one of these
structures from the dependency parse, so it holds for any place, side or year.
"""

from __future__ import annotations

from spacy.tokens import Token

from warwire.code import taxonomy as tx
from warwire.code.background import up_from
from warwire.code.triggers import Trigger

FINITE = {"VBD", "VBZ", "VBP", "MD"}
NESTED = {"relcl", "acl", "appos", "ccomp", "parataxis", "csubj"}
SPAN_UNITS = {"week", "month", "year", "decade"}
RECENT = {"recent", "past", "last"}
MONTHS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec",
}  # fmt: skip
LONG_AGO = {"beginning", "start", "outbreak", "onset", "last"}
CAMPAIGN_NOUNS = {
    "push", "offensive", "campaign", "battle", "siege", "assault", "operation", "war",
    "conflict", "fighting", "uprising",
}  # fmt: skip
DURING = {"during", "throughout", "since"}
VAGUE_PAST = {"recently", "previously", "lately", "repeatedly", "frequently", "often"}
WEEKDAYS = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
    "yesterday", "tonight",
}  # fmt: skip
DAY_WORDS = MONTHS | WEEKDAYS | {"morning", "evening", "night", "dawn", "overnight", "afternoon"}


def _have(verb: Token) -> list[Token]:
    """The auxiliary "have" of VERB's perfect tense, if it has one."""
    return [c for c in verb.children if c.dep_ == "aux" and c.lemma_ == "have"]


def _perfect(verb: Token) -> bool:
    """ "has waged", "have been killed", "had been bombarded": a perfect tense."""
    return bool(_have(verb))


def present_perfect(verb: Token) -> bool:
    """ "has waged", "have bombed", "has been shelled": a present perfect (not "had")."""
    return any(c.tag_ in {"VBZ", "VBP"} for c in _have(verb))


def clause_verb(t: Token) -> Token | None:
    """The finite verb whose clause T is in: up through gerunds, participles and prepositions
    ("devastated by fighting", "..., killing 400") to the verb that carries tense."""
    for node in up_from(t, 8):
        if node.pos_ in {"VERB", "AUX"} and (node.tag_ in FINITE or _perfect(node)):
            return node
    return None


def _since_clause(c: Token) -> bool:
    return any(m.lower_ == "since" and m.dep_ == "mark" for m in c.children)


def listed_with_a_noun(c: Token) -> bool:
    """ "have pounded the town and nearby IS positions for weeks": a coordinated "verb" that
    is a group's initials in capitals ("IS" taken for "is") or hangs from a noun is a word of
    the object list the parser misread, not a clause of its own, so what hangs from it
    ("for weeks") belongs to the clause of the list."""
    if c.dep_ != "conj":
        return False
    return c.head.pos_ in {"NOUN", "PROPN"} or (len(c.text) > 1 and c.text.isupper())


def clause_tokens(verb: Token) -> list[Token]:
    """VERB's clause without the clauses nested in it (relative clauses, reported speech,
    other coordinated verbs), but with a "since ..." clause, which measures its span."""
    out: list[Token] = []
    stack = [verb]
    while stack:
        n = stack.pop()
        out.append(n)
        for c in n.children:
            if c.dep_ in NESTED:
                continue
            if (
                c.dep_ in {"conj", "advcl"}
                and c.pos_ in {"VERB", "AUX"}
                and not _since_clause(c)
                and not listed_with_a_noun(c)
            ):
                continue
            stack.append(c)
    return out


def _long_date_after(since: Token) -> bool:
    """ "since mid-January", "since Aug. 27", "since 2012", "since the start of the year": a
    start named by month, year or beginning is weeks back, not this morning. Read from the
    words after "since", which the parser often leaves unattached."""
    sent = since.sent
    for w in since.doc[since.i + 1 : min(sent.end, since.i + 5)]:
        if (w.is_punct and w.text != "-") or w.pos_ == "VERB" or w.tag_ == "MD":
            return False
        low = w.lower_.strip(".")
        if low in MONTHS or low in LONG_AGO:
            return True
        if w.like_num and len(w.text) == 4 and w.text[:2] in {"19", "20"}:
            return True
        if "-" in low and low.split("-")[-1] in MONTHS:  # "mid-January"
            return True
    return False


def _span_phrase(w: Token, perfect: bool) -> bool:
    """W opens a phrase that measures an action over weeks or more."""
    low = w.lower_
    objs = [c for c in w.children if c.dep_ == "pobj"]
    if low == "since":
        return perfect or _long_date_after(w)
    if low == "for" and w.dep_ == "prep":
        # "for weeks", "for over seven years"
        return any(o.lemma_.lower() in SPAN_UNITS and o.tag_ == "NNS" for o in objs)
    if w.dep_ != "prep":
        return False
    if low in DURING and perfect and any(o.lemma_.lower() in CAMPAIGN_NOUNS for o in objs):
        return True  # "during its push ... , 241 soldiers have been killed": a campaign's toll
    # "in recent weeks", "over the past months"
    return low in {"in", "over", "during"} and any(
        (
            o.lemma_.lower() in SPAN_UNITS
            and o.tag_ == "NNS"
            and any(a.lower_ in RECENT for a in o.children if a.dep_ in {"amod", "det"})
        )
        or days_back(o)
        for o in objs
    )


def headline_days_back(trig: Trigger) -> bool:
    """ "40 Dead in Shelling of Tell Qasra Over Past Four Days": a headline has no
    finite verb, so the span is read from the phrases on the words the trigger hangs from."""
    for node in up_from(trig.token, 4):
        for c in node.children:
            if c.dep_ == "prep" and c.lower_ in {"in", "over", "during"}:
                if any(days_back(o) for o in c.children if o.dep_ == "pobj"):
                    return True
    return False


def days_back(o: Token) -> bool:
    """ "over the past three days", "in the last 12 days of May", "during the past week": a
    count of days (two or more) or a whole week measured back from the report sums up the
    actions of several days, told as one toll; ACLED codes each day's actions apart. "In the
    past 24 hours", the monitors' day toll, stays one day's news, and so does "in the last few
    days", which the shared gold codes as one action of the report's days."""
    mods = [a for a in o.lefts if a.dep_ in {"amod", "det", "nummod", "compound"}]
    mods += [g for a in mods for g in a.lefts if g.dep_ in {"amod", "compound"}]  # "Last Four"
    if not any(a.lower_ in RECENT for a in mods):
        return False
    lemma = o.lemma_.lower()
    if lemma == "week" and o.tag_ == "NN":
        return any(a.lower_ == "the" for a in mods)  # "over the past week", not "last week"
    if lemma != "day" or o.tag_ != "NNS":
        return False
    for a in mods:
        if a.dep_ in {"nummod", "compound"} and (n := _number(a.lower_)) is not None and n >= 2:
            return True
    return False


NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                "nine": 9, "ten": 10}  # fmt: skip


def _number(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    return NUMBER_WORDS.get(word)


def span_summary(trig: Trigger) -> bool:
    """ "Warplanes have pounded the town for weeks", "the coalition launched nearly 50 strikes
    since mid-January", "have escalated their bombardment in recent weeks", "during its push,
    241 soldiers have been killed", "for over seven years the district had been shelled": an
    action measured over weeks, months or years, or a campaign's toll to date, sums up many
    actions and is no single event. Only the trigger's own clause counts, so that "the town,
    held since 2014, was retaken on Tuesday" is still news."""
    verb = clause_verb(trig.token)
    if verb is None:
        return headline_days_back(trig)
    words = clause_tokens(verb)
    if any(w.lower_ in WEEKDAYS for w in words):
        return False  # "Sunday's bombing was the second in recent weeks": one dated action
    perfect = _perfect(verb)
    return any(_span_phrase(w, perfect) for w in words)


def vague_past(trig: Trigger) -> bool:
    """ "the province, where a convoy has recently suffered an attack", "the town has
    repeatedly been shelled": a perfect with "recently" or "repeatedly" and no day points back
    at earlier actions without dating one; the action is coded where it is reported."""
    verb = clause_verb(trig.token)
    if verb is None or not _perfect(verb):
        return False
    words = clause_tokens(verb)
    if not any(w.lower_ in VAGUE_PAST and w.dep_ == "advmod" for w in words):
        return False
    return not any(w.lower_.strip(".") in DAY_WORDS for w in words)


GROUP_NOUNS = {
    "group", "faction", "fighter", "militant", "terrorist", "rebel", "force", "militia",
    "unit", "brigade", "battalion", "soldier", "troop", "member", "jihadist", "insurgent",
    "alliance", "coalition", "organisation", "organization", "movement", "gunman", "man",
    "army", "formation", "outfit",
}  # fmt: skip
WHERE_PREPS = {"in", "at", "near", "around", "inside", "outside", "into", "on", "across"}
SITE_NOUNS = {
    "town", "city", "village", "area", "district", "neighbourhood", "neighborhood", "base",
    "airport", "airbase", "checkpoint", "position", "post", "market", "hospital", "school",
    "camp", "prison", "convoy", "bus", "building", "mosque", "house", "home", "headquarters",
    "region", "province", "countryside", "hill", "road", "highway", "street", "square",
}  # fmt: skip


def _located_or_dated(verb: Token) -> bool:
    """The clause names where or when: a place phrase, a site as object, or a day."""
    for w in verb.subtree:
        if w.lower_.strip(".") in DAY_WORDS:
            return True
        if w.dep_ == "dobj" and w.lemma_.lower() in SITE_NOUNS:
            return True
        if w.dep_ == "prep" and w.lower_ in WHERE_PREPS:
            for o in w.children:
                if o.dep_ == "pobj" and (o.pos_ == "PROPN" or o.lemma_.lower() in SITE_NOUNS):
                    return True
    return False


def group_described(trig: Trigger) -> bool:
    """ "Abu Khawla, leader of a faction that fought against the jihadists", "fighters of the
    group, who fought on the side of another brigade, will leave": a relative clause on a
    group that says what it has done, with no place or day of its own, or in the past perfect
    ("forces, who had retaken the town on May 8"), describes the group; "gunmen who stormed a
    checkpoint near the town on Tuesday" still reports the storming."""
    t = trig.token
    if trig.nominal or t.dep_ != "relcl" or t.tag_ == "VBG":
        return False
    if t.head.lemma_.lower() not in GROUP_NOUNS:
        return False
    return _past_perfect(t) or not _located_or_dated(t)


def _past_perfect(verb: Token) -> bool:
    """ "government forces, who had recaptured the town on May 8": "had" puts the clause
    before the story's own action, the group's back story, even with its place and day."""
    return any(c.dep_ == "aux" and c.lower_ == "had" for c in verb.children)


def campaign_of_weeks(trig: Trigger) -> bool:
    """ "as it intensifies its three-week assault on the area", "a months-long siege": a noun
    of fighting measured in weeks, months or years names the whole campaign, not one day's
    action."""
    t = trig.token
    if not trig.nominal:
        return False
    for c in t.children:
        if c.dep_ not in {"compound", "amod", "nmod"}:
            continue
        parts = c.lower_.replace("-", " ").split()
        if c.lemma_.lower() in SPAN_UNITS and any(g.dep_ == "nummod" for g in c.children):
            return True  # "three-week", parsed as a number on "week"
        if any(p.rstrip("s") in SPAN_UNITS for p in parts) and ("long" in parts or len(parts) > 1):
            return True  # "month-long", "years-long", "two-month" as one word
    return False


FLEE_VERBS = {"flee", "escape", "displace", "evacuate"}


def fled_from(trig: Trigger) -> bool:
    """ "45,000 people had fled fighting in the province", "families escaping the
    bombardment": fighting named as what people fled is the cause of a displacement, told
    where it is reported, not an event of its own."""
    t = trig.token
    if t.dep_ in {"dobj", "xcomp"} and t.head.lemma_.lower() in FLEE_VERBS:
        return True  # "civilians flee fighting in the south", parsed as a verb or a noun
    if not trig.nominal:
        return False
    if t.dep_ == "dobj" and t.head.lemma_.lower() in FLEE_VERBS:
        return True
    if t.dep_ == "pobj" and t.head.lower_ == "from":
        return t.head.head.lemma_.lower() in FLEE_VERBS
    return False


ORIGIN_VERBS = {"spark", "trigger", "ignite", "kindle"}
MOVEMENTS = {
    "protest", "uprising", "revolt", "revolution", "unrest", "movement", "war", "conflict",
    "rebellion", "insurgency", "demonstration", "intifada",
}  # fmt: skip


def origin_story(trig: Trigger) -> bool:
    """ "The protest wave was sparked after schoolchildren ... were detained by police", "the
    arrests triggered the uprising": a clause that tells what set off a movement or a war
    recounts its origin (background every report of a long conflict repeats), and the movement
    it names ("the protest wave") is no gathering of one day. True for a trigger anywhere in
    the clause of a verb of setting off whose subject or object is such a movement, in a
    sentence naming no day ("a strike on Monday sparked protests" tells the strike)."""
    if any(w.lower_ in DAY_WORDS for w in trig.token.sent):
        return False
    for verb in (trig.token, *trig.token.ancestors):
        if verb.pos_ not in {"VERB", "AUX"} or verb.lemma_.lower() not in ORIGIN_VERBS:
            continue
        ends = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass", "dobj"}]
        return any(_movement(e) for e in ends)
    return False


def _movement(noun: Token) -> bool:
    """NOUN (or a compound or conjunct of it) names a movement, an uprising or a war."""
    words = [noun, *(c for c in noun.children if c.dep_ in {"compound", "conj"})]
    return any(w.lemma_.lower() in MOVEMENTS for w in words)


EXTENTS = {"area", "swathe", "swath", "territory", "land", "tract", "part", "region", "expanse"}
SIZES = {"wide", "large", "vast", "huge", "big", "great", "sweeping", "much", "most"}


def wide_extent_taken(trig: Trigger) -> bool:
    """ "the alliance has taken wide areas from the jihadists", "the group seized large swathes
    of territory", "a campaign that has taken vast areas of the desert": ground measured only by
    its size, with no place named and no day, sums up a campaign's gains; a capture is coded
    where a report names the place taken ("captured large parts of the town on Monday")."""
    if trig.kind != tx.TERRITORY or trig.nominal:
        return False
    t = trig.token
    obj = next((c for c in t.children if c.dep_ in {"dobj", "nsubjpass"}), None)
    if obj is None or obj.lemma_.lower() not in EXTENTS | {"swathes"}:
        return False
    sized = obj.lower_ in {"swathes", "swaths"} or any(
        c.lower_ in SIZES for c in obj.children if c.dep_ in {"amod", "advmod"}
    )
    if not sized:
        return False
    return not any(w.lower_.strip(".") in DAY_WORDS for w in t.sent)  # "on Tuesday, where ..."


def summary_or_description(trig: Trigger) -> bool:
    """True when the trigger sums up a span, points vaguely back, describes a group, names
    what people fled, or names a whole campaign (see the module doc)."""
    return (
        span_summary(trig)
        or vague_past(trig)
        or group_described(trig)
        or fled_from(trig)
        or campaign_of_weeks(trig)
        or origin_story(trig)
        or wide_extent_taken(trig)
    )
