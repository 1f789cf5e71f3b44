"""Which numbers in a sentence are deaths, wounded, air strikes or displaced people.

A number is a figure of an event only through the words around it: the noun it counts
("21 civilians", "120 air strikes") and the verb that says what happened to them ("were
killed", "wounded"). Numbers inside "including ..." break a toll down and are not added.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from warwire.read.plain_re import Twin
from warwire.records import Claim, Quantity

if TYPE_CHECKING:
    from warwire.code.context import PlaceHit

PEOPLE = {
    "people", "persons", "civilians", "children", "women", "men", "soldiers", "troops",
    "fighters", "militants", "rebels", "members", "insurgents", "jihadists", "militiamen",
    "residents", "paramedics", "medics", "activists", "journalists", "personnel", "officers",
    "policemen", "guards", "workers", "villagers", "family", "students", "killed", "dead",
    "wounded", "injured", "others", "gunmen", "combatants", "recruits", "conscripts",
    "displaced", "refugees", "casualties", "families", "victims", "bodies",
    "terrorists", "mercenaries", "extremists", "attackers", "assailants", "elements",
    "servicemen", "nationals", "foreigners", "pilots", "defenders",
    "citizens", "protesters", "demonstrators", "passengers", "detainees", "prisoners",
    "hostages", "farmers", "shepherds", "staff", "boys", "girls",
    # the dead named by their role or trade: "ten truffle hunters", "five former leaders"
    "hunters", "mourners", "pilgrims", "worshippers", "worshipers", "shoppers", "pupils",
    "patients", "guests", "relatives", "leaders", "commanders", "officials", "individuals",
    "martyrs", "fatalities", "doctors", "nurses", "teachers", "volunteers", "employees",
    "captains", "lieutenants", "colonels", "generals", "engineers", "drivers", "infants",
    "babies", "teenagers", "youths", "adults", "sons", "brothers", "daughters",
}  # fmt: skip
AIRSTRIKES = {
    "airstrikes",
    "air strikes",
    "raids",
    "air raids",
    "strikes",
    "sorties",
    "barrel bombs",
}
KILL = re.compile(
    r"\b(kill|killing|killed|dead|died|die|dies|death|deaths|toll|lost their lives|slain|"
    r"executed|massacred|martyred)\b",
    re.I,
)
WOUND = re.compile(r"\b(wound(ed|ing|s)?|injur(ed|ing|ies|y))\b", re.I)
DISPLACE = re.compile(r"\b(displac(ed|ing|ement)|fled|flee(ing)?|uprooted)\b", re.I)
INCLUDING = re.compile(
    r"\b(including|included|includes|among them|among whom|of whom|of them)\b", re.I
)
# A campaign's running toll, told beside the event that ends it: "the fighting there had
# killed more than 1,000", "the four-month battle for the town has claimed 1,800 lives", "a
# battle lasting months in which 1,800 died", "protests that left hundreds dead across Syria".
CAMPAIGN_TOLL = (
    r"\b(war|conflict|fighting|violence|campaign|offensive|battle|siege)s?( there| here)? "
    r"(has|have|had) (so far |now )?(killed|left|claimed)\b|"
    r"\b\S+[- ](month|year)s?[- ](long[- ])?(battle|campaign|siege|war|offensive)\b"
    r"[^.;]{0,60}\b(has|have|had) (so far |now )?(killed|left|claimed)\b|"
    r"\b(battle|campaign|siege|war|offensive) (lasting|that lasted)\b|"
    r"\b(dead|killed|lives)\s+(across|throughout) (syria|the country)\b|"
    # a toll counted from a start: "killed in the rallies that began on 15 March"
    r"\b(killed|dead|died)\b[^.;]{0,60}\b(that|which) (\w+ )?(began|started|erupted|broke out)\b|"
    # the opening span of a whole operation: "killed in the first hours of the offensive"
    r"\b(killed|died|dead)\b[^.;]{0,40}\b(in|during|over) the (early|first|opening) "
    r"(\w+ )?(hours|days?|weeks?) of the ([\w-]+ ){0,2}"
    r"(offensive|operation|campaign|war|invasion)\b"
)
CAMPAIGN = Twin(CAMPAIGN_TOLL, re.I)  # for tolls only: the capture it ends is news
BACKGROUND = Twin(  # asked of every sentence and most triggers' clauses
    r"\b(since (the )?(beginning|start|outbreak)|since (19|20)\d\d|since (january|february|march|"
    r"april|may|june|july|august|september|october|november|december)|"
    r"(over|in|during) the (past|last) (few )?(\w+ )?(months|years|weeks)|"
    r"the (war|conflict|uprising|revolution|civil war),? which|war that has|conflict that has|"
    r"\b(war|conflict|fighting|violence|uprising|revolution|crisis|campaign|offensive)s?,? "
    r"(which |that )?(has|have) (so far |now )?(killed|left|displaced|forced)|"
    r"\b(which|that) (has|have) (so far |now )?(killed|left|displaced|forced)|"
    # the war's own toll: "killed since protests erupted in 2011", "has since killed 300,000"
    r"\bsince (the )?(anti-\w+ )?(protests?|war|conflict|uprising|revolution|crisis|unrest)\b|"
    r"\b(has|have) since (killed|left|claimed)|"
    # a whole battle's toll: "died in the 130-day battle", "during the four-month siege"
    r"\b(in|during|throughout|over) the (\S+[- ](day|week|month|year)s?[- ](long[- ])?)"
    r"(battle|campaign|siege|war)\b)",
    re.I,
)


# No single incident in a war's record kills tens of thousands: a figure that large is the
# war's running toll, a city's population or a count of the displaced, whatever words sit
# around it ("Aleppo, home to 250,000 people, ..."). The largest incident tolls (the 2013
# Ghouta sarin attack, about 1,400) sit far below it.
WAR_SCALE = 10_000


AND_MORE = re.compile(r"^[A-Za-z' -]{0,40}\band\s+(at least\s+|some\s+)?$", re.I)
AMONG = re.compile(r"^\s*([\w-]+\s+){0,2}(were|are|was)\s+(among|part of)\b", re.I)
VERB_JUST_BEFORE = re.compile(
    r"\b(?P<verb>kill(ed|ing|s)?|wound(ed|ing|s)?|injur(ed|ing|es)?)\s+$", re.I
)
TIGHT_AFTER = re.compile(
    r"^\s*((?!and\b|or\b)[A-Za-z-]+\s+){0,2}(were\s+|was\s+|have\s+been\s+|had\s+been\s+)?"
    r"(?P<verb>killed|dead|died|wounded|injured|hurt)\b",
    re.I,
)
# "43 fighters belonging to the group (the legion) were killed", "Up to 15 civilians, including
# three children, were killed": the counted people's own verb, past a bracket, an "including"
# aside or a modifier of a few words (no second verb or clause in between)
ASIDE = re.compile(r"\([^)]*\)|,\s*(including|among them|most of them|mostly)\b[^,]*,", re.I)
OWN_VERB_PAST = re.compile(
    r"^\s*((?!(were|was|are|is|have|has|had|and|or|but|while|who|which|after|when|as)\b)"
    r"[A-Za-z'-]+\s+){0,8}(were|was|have been|had been)\s+"
    r"(?P<verb>killed|martyred|executed|wounded|injured|shot dead|gunned down|shot and killed)\b",
    re.I,
)
# "21 militants, including 18 foreigners, and ten soldiers died": two counted groups that are
# one subject, the verb told once after the second
SHARED_VERB = re.compile(
    r"^\s*([A-Za-z'-]+\s+){0,3}?and\s+(at least\s+|some\s+|about\s+|another\s+)?"
    r"[\w,-]+\s+((?!(and|or|but|while|who|which|in|at|on)\b)[A-Za-z'-]+\s+){0,3}?"
    r"((were|was|have\s+been|had\s+been)\s+(?P<verb>killed|dead|wounded|injured)|(?P<died>died))\b",
    re.I,
)
TOLL_TO = re.compile(
    r"\btoll\b[^.;]{0,90}\b(to|at|reached|hit|stood at|stands at|climbed to)\s*$", re.I
)


def _field_of(verb: str) -> str:
    """The figure a casualty verb counts: "wounded"/"injured" the wounded, the rest the dead."""
    return "wounded" if WOUND.match(verb) else "fatalities"


CASUALTY_NOUNS = {"dead", "killed", "wounded", "injured", "casualties", "victims", "bodies"}


def verb_shared_with_next_group(after: str) -> re.Match[str] | None:
    """ "21 militants, including 18 foreigners, and ten soldiers died in the fighting": a
    counted group joined by "and" to a second one whose verb follows is that verb's subject
    too, so it counts the same casualties (past an "including" aside or a bracket)."""
    return SHARED_VERB.match(ASIDE.sub(" ", after))


def own_verb_past_aside(after: str) -> re.Match[str] | None:
    """The casualty verb of a counted group whose noun phrase runs on past an aside or a
    modifier ("...militants belonging to the group (the legion) were killed"): the group is
    the verb's subject, so the number is its toll."""
    return OWN_VERB_PAST.match(ASIDE.sub(" ", after))


PLACE_AFTER = re.compile(r"^\s+of (them|whom)\s+(were\s+)?(killed\s+|died\s+)?(in|at)\s", re.I)


def part_at_a_place(sentence: str, offset: int, q: Quantity) -> bool:
    """ "Air strikes killed 15 civilians, 12 of them in a market": a toll over several places
    broken down by place. The part told at a place is the toll of the event there; the whole
    belongs to no one place."""
    before = sentence[max(0, q.start - offset - 3) : q.start - offset]
    return before.rstrip().endswith(",") and bool(PLACE_AFTER.match(sentence[q.end - offset :]))


# "five members of a family in A, two children in B": a group told at its place, a comma,
# then the next count (the list of one toll's places goes on)
GROUP_AT_A_PLACE = re.compile(
    r"^[^,;.]{0,60}?\b(in|at)\s+[^,;.]{1,50},\s*(and\s+)?(at least\s+|some\s+)?$", re.I
)
# the next count's own group and place: "two children in B", "three others at B"
COUNTED_AT = re.compile(r"^\s*((?!(were|was|died|killed)\b)[\w'-]+\s+){0,4}?(in|at)\s+[A-Z]")


def next_group_at_a_place(sentence: str, prev_end: int, start: int, end: int) -> bool:
    """ "It killed five members of a family in A, two children in B and a child in C": a toll
    told as a list of groups, each at its own place, joined by commas under one casualty verb.
    A count after a comma that ends the group before at its place, itself told at a place, is
    one more group of that toll (offsets are sentence offsets)."""
    return bool(GROUP_AT_A_PLACE.match(sentence[prev_end:start])) and bool(
        COUNTED_AT.match(sentence[end : end + 60])
    )


UPPER_BOUNDS = {"fewer than", "less than"}


def upper_bound(q: Quantity) -> bool:
    """ "Fewer than 20 were killed by shellfire": a ceiling, not a count. It says how many at
    most, not how many died, so it is no event's toll."""
    return q.qualifier.lower() in UPPER_BOUNDS


def _last(pattern: re.Pattern[str], text: str) -> int | None:
    """Where the last match of PATTERN in TEXT ends, or None."""
    ends = [m.end() for m in pattern.finditer(text)]
    return ends[-1] if ends else None


@dataclass
class Figure:
    field: str  # fatalities, wounded, airstrikes, displaced
    quantity: Quantity

    def claim(self, article: str, attributed_to: str, outlet: str) -> Claim:
        """The figure as ARTICLE reports it, with who said it: what a mention keeps of it."""
        q = self.quantity
        return Claim(self.field, q.value, article, q.qualifier, attributed_to, outlet, q.text)


def _included(sentence: str, offset: int, q: Quantity) -> bool:
    """True if q sits inside an "including ..." aside that breaks a toll down."""
    before = sentence[max(0, q.start - offset - 120) : q.start - offset]
    m = list(INCLUDING.finditer(before))
    if not m:
        return False
    between = before[m[-1].end() :]
    if aside_closed_in_subject(before[: m[-1].start()], between):
        return False
    # still inside the list ("including two paramedics, two activists and one child"); a
    # verb closes it ("five, including a family of three, died in A, two were killed in B")
    return ")" not in between and not re.search(
        r"\b(were|was|are|is|have|has|had|said|killed|wounded|injured|died|perished)\b", between
    )


def aside_closed_in_subject(head: str, between: str) -> bool:
    """ "21 militants, including 18 foreigners, and ten soldiers died": an "including" aside
    inside a subject not yet given its verb is set off by commas, so ", and" after it closes
    it and the count that follows is a second group of the subject, not a part of the first.
    HEAD is the text before "including" (from its own count on), BETWEEN the text after it."""
    if between.count(",") != 1 or not re.search(
        r",\s+and\s+(at least\s+|some\s+|about\s+)?$", between
    ):
        return False  # a list goes on ("including A, B, and C")
    return not (KILL.search(head[-60:]) or WOUND.search(head[-60:]))


# "...were killed in the port city, which has been witnessing protests in the past weeks": a
# relative clause that describes a place's ongoing state, not the event's toll
PLACE_STATE = re.compile(
    r",?\s*\b(which|where)\s+(has|have|had)\s+(long\s+|also\s+)?(been\s+)?"
    r"(witness(ed|ing)|see(n|ing)|experienc(ed|ing)|host(ed|ing)|home to)\b[^,;]*",
    re.I,
)


def without_place_state(sentence: str) -> tuple[str, list[tuple[int, int]]]:
    """ "Five people were shot dead in the city, which has seen protests in the past weeks":
    a toll told of an event, then a relative clause describing the place's state over weeks
    or years. The clause's time span is the place's, not the toll's, so the sentence is
    background only if it is background without the clause. Returns the sentence with such
    clauses blanked (offsets kept) and their spans (sentence offsets); numbers inside them
    count nothing."""
    spans = [(m.start(), m.end()) for m in PLACE_STATE.finditer(sentence)]
    blanked = sentence
    for a, b in spans:
        blanked = blanked[:a] + " " * (b - a) + blanked[b:]
    return blanked, spans


ONE_PERSON = (
    r"woman|man|child|boy|girl|civilian|soldier|fighter|officer|journalist|activist|doctor|"
    r"policeman|teenager|person|resident|worker|medic|paramedic|farmer|shepherd|militant|rebel|"
    r"commander|nurse|teacher|student|volunteer"
)
LONE_VICTIM = re.compile(
    r"\b(a|an)\s+((?!(and|or|who|which|was|were)\b)[\w'-]+\s+){0,3}(" + ONE_PERSON + r")\s+"
    r"(was|has been|had been)\s+(shot dead|shot and killed|gunned down|killed|executed|"
    r"stabbed to death|beaten to death|tortured to death)\b|"
    # one more victim told by an ordinal: "A third was killed in strikes on the next town"
    r"\ba (second|third|fourth|fifth|sixth)( (person|civilian|man|woman|child))?\s+"
    r"(was killed|was shot dead|died)\b|"
    # one victim as the object of the killing: "a bomb hit his car, killing the officer"
    r"\b(killing|killed)\s+(the|a|an)\s+((?!(and|or|of)\b)[\w'-]+\s+){0,2}?(" + ONE_PERSON + r")"
    r"(?![\w'\u2019-])(?!\s+(and|or)\s+(\d|\w+s\b))",
    re.I,
)


def lone_victim(sentence: str, offset: int) -> Figure | None:
    """ "A displaced woman was shot dead by gunmen in the camp": one victim told with the
    article, not a numeral, is a toll of one. Counts only where the sentence gives no
    other death toll (the caller checks)."""
    m = LONE_VICTIM.search(sentence)
    if m is None:
        return None
    return Figure("fatalities", Quantity(1, "", m.group(0), offset + m.start(), offset + m.end()))


ANOTHER_ONE = re.compile(
    r"^[^;.,]{0,50}?\b(in|at)\s+[A-Z][^;.]{0,40}?(\band|,)\s+(?P<n>another|one more|a further)\s+"
    r"(" + ONE_PERSON + r")\s+(in|at)\s+[A-Z]",
    re.I,
)


def another_one_at_a_place(sentence: str, offset: int, last: Quantity) -> Figure | None:
    """ "...two children in B and another child in C": after a toll's list of groups at their
    places, "another" with a person noun is a group of one at its own place."""
    m = ANOTHER_ONE.match(sentence[last.end - offset :])
    if m is None:
        return None
    a, b = last.end + m.start("n"), last.end + m.end(4)
    return Figure("fatalities", Quantity(1, "", sentence[a - offset : b - offset], a, b))


BREAKDOWN = re.compile(r"\s[\u2014\u2013-]\s|:\s|\(|\s\u2014|\u2014\s", re.I)


def broken_down(sentence: str, offset: int, figures: list[Figure]) -> list[Figure]:
    """ "Fighting took the toll to 52 \u2014 29 troops and 23 militants", "killed 20 people: 12
    soldiers and 8 rebels", "the toll rose to 40 (25 civilians and 15 fighters)": a toll, then
    after a dash, a colon or a bracket the groups it is made of. The groups are parts of the
    toll told before them, not more deaths, so they are dropped."""
    out: list[Figure] = []
    for f in figures:
        head = next((p for p in reversed(out) if p.field == f.field), None)
        if head is not None and f.field in {"fatalities", "wounded"}:
            between = sentence[head.quantity.end - offset : f.quantity.start - offset]
            after = sentence[f.quantity.end - offset : f.quantity.end - offset + 12]
            cut = BREAKDOWN.search(between)
            rest = between[cut.end() :] if cut else ""
            if (
                cut
                and not (cut.group(0) == "(" and ")" in rest)  # past the bracket: no part
                and not re.search(r"[;.]", between)
                and not re.match(r"^\s*(and|but|while|then|as)\b", rest)
                and not KILL.search(rest)
                and not re.match(r"^\s*(more|others?|additional)\b", after)
            ):
                continue
        out.append(f)
    return out


BODIES_OF = re.compile(r"\b(bodies|corpses|remains) of\s+(at least |some |about |around )?$", re.I)


def bodies_of(before: str) -> bool:
    """ "The bodies of two women were found in the camp", "the remains of 30 men were
    recovered": people counted as bodies are dead, whatever the verb (found, recovered,
    pulled from the rubble). BEFORE is the text up to the count."""
    return BODIES_OF.search(before) is not None


def sentence_figures(sentence: str, offset: int, numbers: list[Quantity]) -> list[Figure]:
    """Figures of an event in one sentence (offsets of numbers are article offsets)."""
    from warwire.read.numbers import counted_noun

    out: list[Figure] = []
    told, aside = without_place_state(sentence)
    if BACKGROUND.found(told) or CAMPAIGN.found(told):
        return out
    for q in numbers:
        if q.value <= 0 or q.value >= WAR_SCALE:
            continue
        if any(a <= q.start - offset < b for a, b in aside):
            continue
        if out and out[-1].field == "fatalities" and part_at_a_place(sentence, offset, q):
            out[-1] = Figure("fatalities", q)
            continue
        if _included(sentence, offset, q):
            continue
        if upper_bound(q):
            continue
        local = Quantity(q.value, q.qualifier, q.text, q.start - offset, q.end - offset)
        own_verb = TIGHT_AFTER.match(sentence[local.end : local.end + 80])
        if out and out[-1].field in {"fatalities", "wounded"} and not own_verb:
            prev_end = out[-1].quantity.end - offset
            if AND_MORE.match(sentence[prev_end : local.start]) or next_group_at_a_place(
                sentence, prev_end, local.start, local.end
            ):
                # "killed 50 militants and eight civilians": one verb, two groups
                noun = (counted_noun(sentence, local) or "").lower()
                if not noun or noun in PEOPLE:
                    out.append(Figure(out[-1].field, q))
                    continue
        noun = (counted_noun(sentence, local) or "").lower()
        after = sentence[local.end : local.end + 80]
        before = sentence[max(0, local.start - 60) : local.start]
        if noun in AIRSTRIKES or noun == "airstrikes":
            out.append(Figure("airstrikes", q))
            continue
        if noun and noun not in PEOPLE:
            continue
        if bodies_of(before):
            out.append(Figure("fatalities", q))
            continue
        verb_before = KILL.search(before[-12:]) or WOUND.search(before[-12:])
        if (
            not noun
            and not verb_before
            and not TOLL_TO.search(before)
            and not re.match(
                r"^\s*(,|were|have been|had been|was|people|others|more|died|killed|dead|wounded|"
                r"injured)",
                after,
            )
        ):
            continue  # a bare number counts casualties only beside a verb ("wounding 20")
        near = after[:60]
        if AMONG.match(after):
            continue  # "30 children were among 39 people killed": part of the total
        tight = TIGHT_AFTER.match(after)
        if tight:  # "40 Civilians Killed 100 Injured", "12 soldiers were wounded"
            out.append(Figure(_field_of(tight.group("verb")), q))
            continue
        past = own_verb_past_aside(sentence[local.end : local.end + 200]) if noun else None
        if past:
            out.append(Figure(_field_of(past.group("verb")), q))
            continue
        shared = (
            verb_shared_with_next_group(sentence[local.end : local.end + 200]) if noun else None
        )
        if shared and noun not in CASUALTY_NOUNS:
            out.append(Figure(_field_of(shared.group("verb") or "died"), q))
            continue
        right_before = VERB_JUST_BEFORE.search(before)
        if right_before:  # "killed 12 and wounded 30", "killing at least 7"
            out.append(Figure(_field_of(right_before.group("verb")), q))
            continue
        lead = before[-25:]  # "killing 12 civilians and wounding 20": the verb before wins
        k, w = _last(KILL, lead), _last(WOUND, lead)
        if k is not None or w is not None:
            field = "fatalities" if (w is None or (k is not None and k > w)) else "wounded"
            out.append(Figure(field, q))
            continue
        if TOLL_TO.search(before):
            out.append(Figure("fatalities", q))
            continue
        if WOUND.search(near) and not KILL.search(near.split("wound")[0].split("injur")[0]):
            out.append(Figure("wounded", q))
        elif KILL.search(near) or KILL.search(before[-30:]):
            out.append(Figure("fatalities", q))
        elif DISPLACE.search(near):
            out.append(Figure("displaced", q))
        elif noun in {"dead", "killed"}:
            out.append(Figure("fatalities", q))
        elif noun in {"wounded", "injured"}:
            out.append(Figure("wounded", q))
    if not any(f.field == "fatalities" for f in out) and (one := lone_victim(told, offset)):
        out.append(one)
    if out and out[-1].field == "fatalities" and (more := another_one_at_a_place(
        sentence, offset, out[-1].quantity
    )):  # fmt: skip
        out.append(more)
    return broken_down(sentence, offset, out)


PART_JOIN = re.compile(r"^[A-Za-z' -]{0,40}\band\s+(at least\s+|some\s+|another\s+)?$", re.I)
HUMAN_TOLLS = {"fatalities", "wounded"}
# "46 died in the town and 11 in the next": a verb or a place between two counts makes them
# tolls of two places, not two groups of one toll
NOT_A_GROUP = re.compile(
    r"\b(in|at|near|on|from|inside|outside|were|was|are|is|had|have|has)\b", re.I
)


def _ends_in_people(between: str) -> bool:
    """True if the words before the joining "and" end in the first group's people noun
    ("civilians and", "army fighters and"), not in a place or an action ("the village and")."""
    from warwire.read.numbers import NOUNS

    words = [w.lower().strip(",") for w in between.split()]
    at = len(words) - 1 - words[::-1].index("and") if "and" in words else 0
    # a group of one is told in the singular: "one aid worker and 20 civilians"
    return at >= 1 and NOUNS.get(words[at - 1], words[at - 1]) in PEOPLE


def joined_groups(sentence: str, offset: int, figures: list[Figure]) -> list[Figure]:
    """ "Seven civilians and four fighters were killed": one toll told in groups, one figure.

    Wire copy breaks a toll down by who died ("35 civilians and two unidentified people were
    killed", "killed 50 militants and eight civilians"). Each group is a part, not a rival
    figure: a group of the same casualty field joined to the one before by a bare "and" is
    added to it, so the event's toll is the sum and not the largest group. Counts with a
    verb or a place between them ("46 died in one town and 11 in another") stay apart.
    """
    out: list[Figure] = []
    for f in figures:
        prev = out[-1] if out else None
        if prev is not None and prev.field == f.field and f.field in HUMAN_TOLLS:
            between = ASIDE.sub(
                " ", sentence[prev.quantity.end - offset : f.quantity.start - offset]
            )
            if (
                PART_JOIN.match(between)
                and _ends_in_people(between)
                and not NOT_A_GROUP.search(between)
                and not KILL.search(between)
                and not WOUND.search(between)
            ):
                p, q = prev.quantity, f.quantity
                text = sentence[p.start - offset : q.end - offset]
                out[-1] = Figure(
                    f.field, Quantity(p.value + q.value, p.qualifier, text, p.start, q.end)
                )
                continue
        out.append(f)
    return out


CLAUSE_BREAK = re.compile(r";|,\s*(?:while|whereas|and|as|but)\b|\s(?:while|whereas)\s", re.I)


def _clause_of(at: int, breaks: list[int]) -> int:
    """The index of the clause holding sentence offset AT, given the clause break offsets."""
    return sum(1 for b in breaks if b <= at)


def own_clause_figures(
    figures: list[Figure],
    trigger_at: int,
    other_triggers: list[int],
    place_starts: list[int],
    sentence: str,
    offset: int,
) -> list[Figure]:
    """ "35 people were killed in air strikes on A, while six more died in shelling of B": one
    sentence joining two events' reports by "while", "and", "as", "whereas" or ";" gives each
    event the figures of its own clause. A figure is dropped from the event at TRIGGER_AT
    (sentence offset) when it sits in another clause that tells an event of its own, i.e. that
    holds another trigger and a place; figures of a clause with no event of its own (", killing
    12") stay the sentence's. PLACE_STARTS and the figures' offsets are article offsets."""
    breaks = [m.start() for m in CLAUSE_BREAK.finditer(sentence)]
    if not breaks or not other_triggers:
        return figures
    mine = _clause_of(trigger_at, breaks)
    eventful = {_clause_of(t, breaks) for t in other_triggers} & {
        _clause_of(p - offset, breaks) for p in place_starts
    }
    eventful.discard(mine)
    return [f for f in figures if _clause_of(f.quantity.start - offset, breaks) not in eventful]


BETWEEN = re.compile(r"\bbetween\b[^.;,]{0,40}$", re.I)


def toll_of_one_place(
    figures: list[Figure], places: list[PlaceHit], sentence: str = "", offset: int = 0
) -> list[Figure]:
    """ "28 people died in strikes on A, B and C": one action coded at several places is one
    event per place, and a toll told once for all of them belongs to none (it cannot be split
    by place), so the per-place events carry no toll; their other figures stay. Places named
    as the ends of one spot ("in an area between A and B") are not several places."""
    if len(places) < 2:
        return figures
    first = min(p.start for p in places) - offset
    if BETWEEN.search(sentence[max(0, first - 60) : max(0, first)]):
        return figures
    return [f for f in figures if f.field != "fatalities"]


# "46 died in A and 11 in B", "killing 5 people at A and 3 at B": a count, its verb if any,
# then "in"/"at" and the place it was counted at
TOLD_AT = re.compile(
    r"^\s*((people|civilians|others|more)\s+)?((were|was|have been|had been)\s+)?"
    r"(killed|died|dead)?\s*(in|at)\s+(the (\w+ )?(town|village|city|district|neighbou?rhood) "
    r"of\s+)?$",
    re.I,
)


def toll_told_at_each_place(
    figures: list[Figure],
    place: PlaceHit,
    places: list[PlaceHit],
    named: list[PlaceHit],
    sentence: str,
    offset: int,
) -> Figure | None:
    """ "Jets hit A and B; 46 died in A and 11 in B": one action at several places with a toll
    told for each place. The count told right before a naming of the place ("N died in A",
    "M in B") is that place's own toll, though a toll told once for all of them belongs to
    none (`toll_of_one_place`). FIGURES are the sentence's, PLACES the action's, NAMED every
    place hit of the sentence; None when PLACE has no count of its own."""
    if len(places) < 2:
        return None
    starts = {place.start} | {h.start for h in named if h.key == place.key}
    for f in figures:
        if f.field != "fatalities":
            continue
        for at in starts:
            gap = sentence[max(0, f.quantity.end - offset) : max(0, at - offset)]
            if 0 < len(gap) <= 40 and TOLD_AT.match(gap):
                return f
    return None


PLACE_REACH = 100  # characters after a count within which the place it is told at is named


def told_at_places(figures: list[Figure], named: list[PlaceHit]) -> dict[int, str] | None:
    """Each death toll of a sentence that lists tolls place by place, mapped (by its start)
    to the place it is told at: the first place named after the count and before the next
    count. None unless there are two tolls or more, each told at a place of its own."""
    fatal = sorted((f for f in figures if f.field == "fatalities"), key=lambda f: f.quantity.start)
    if len(fatal) < 2:
        return None
    out: dict[int, str] = {}
    for i, f in enumerate(fatal):
        stop = fatal[i + 1].quantity.start if i + 1 < len(fatal) else f.quantity.end + PLACE_REACH
        at = [
            h for h in named if f.quantity.end <= h.start < min(stop, f.quantity.end + PLACE_REACH)
        ]
        if not at:
            return None
        out[f.quantity.start] = min(at, key=lambda h: h.start).key
    return out if len(set(out.values())) == len(out) else None


def toll_of_each_named_place(
    figures: list[Figure],
    place: PlaceHit,
    sentence_figures: list[Figure],
    named: list[PlaceHit],
    several: bool = False,
) -> list[Figure] | None:
    """ "Five died in shelling of A, two were killed in B, and one other civilian in C", "it
    killed five of a family in A, two children in B and another child in C": a sentence that
    lists its tolls place by place gives the event at each place the toll told at it, and no
    other place's (whichever places its own action names); an event at a place the list
    gives no toll keeps its figures. FIGURES are the event's,
    SENTENCE_FIGURES all of the sentence's, NAMED every place hit of the sentence; None when
    the sentence tells no such list (the event's figures stand). The place's toll must be
    among the event's own figures (another clause's action keeps its toll), unless the action
    is SEVERAL places' (whose shared toll `toll_of_one_place` set aside)."""
    told = told_at_places(sentence_figures, named)
    if told is None:
        return None
    mine = [
        f
        for f in sentence_figures
        if f.field == "fatalities"
        and told.get(f.quantity.start) == place.key
        and (several or f in figures)
    ]
    if not mine:  # the list names no toll here: the event keeps what its clause gave it
        return None
    return [f for f in figures if f.field != "fatalities"] + mine


def toll_at_place(
    figures: list[Figure],
    place: PlaceHit,
    places: list[PlaceHit],
    sentence_figures: list[Figure],
    named: list[PlaceHit],
    sentence: str,
    offset: int,
) -> list[Figure]:
    """The figures of an action's event at PLACE, one of its PLACES, when the sentence tells
    its toll place by place: the count told right at the place ("46 died in A and 11 in B",
    `toll_told_at_each_place`), else the toll a list of tolls gives the place ("five in A,
    two in B and one in C", `toll_of_each_named_place`); else the action's FIGURES. The
    one reading the coder asks, for each place of each action; SENTENCE_FIGURES and NAMED
    are all the sentence's figures and place hits."""
    own = toll_told_at_each_place(sentence_figures, place, places, named, sentence, offset)
    if own is not None:
        return [*(f for f in figures if f.field != "fatalities"), own]
    listed = toll_of_each_named_place(figures, place, sentence_figures, named, len(places) > 1)
    return figures if listed is None else listed
