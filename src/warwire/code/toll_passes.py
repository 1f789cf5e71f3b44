"""Passes that choose which of a sentence's tolls an action takes.

Wire copy often tells several actions' tolls in one sentence ("50 were executed, 19 died in
a suicide bombing and 16 in the assault") or tells an earlier action's toll beside the news
("...expelled from the town, a day after they killed hundreds"). Each pass here gives an
action the toll its own words hold, and leaves it the sentence's figures otherwise.
"""

from __future__ import annotations

import re
from dataclasses import replace

from warwire.code import taxonomy as tx
from warwire.code.candidates import Candidate, SentenceContext
from warwire.code.figures import Figure
from warwire.code.triggers import Trigger

# the words between a count and its verb ("19 others", "more than 50 troops"), no conjunction
# among them (a conjunction would start another group's clause)
_COUNT_WORDS = r"^\s*((?!(and|or|but|while|as|after|before)\b)[\w'-]+\s+){0,4}?"
_PASSIVE = r"((were|was|have been|had been)\s+)?"
# "19 others were killed in a double suicide bombing", "ten died in Wednesday's fighting": a
# count, its own casualty verb, then "in"/"during"/"amid" and the action's noun phrase
NAMED_CAUSE = re.compile(
    _COUNT_WORDS + _PASSIVE + r"(killed|died|dead|executed|slain)\s+"
    r"(in|during|amid|by)\s+((the|a|an|two|twin|double|triple)\s+)?"
    r"((?!(and|or|but|while|as|after|before|were|was)\b)[\w'\u2019-]+\s+){0,2}$",
    re.I,
)
# "More than 50 troops were summarily executed, ...": a count with a casualty verb of its
# own, not shared with a group coordinated after it
OWN_CASUALTY_VERB = re.compile(
    r"^\s*((?!(and|or|but)\b)[\w'-]+\s+){0,4}?"
    + _PASSIVE
    + r"([a-z]+ly\s+)?(killed|died|dead|executed|slain|martyred|shot dead|wounded|injured)\b",
    re.I,
)
CAUSE_REACH = 70  # characters from a count to the action its verb names
# "40 soldiers were summarily executed": the count's own verb is itself an action's trigger
OWN_VERB = re.compile(
    _COUNT_WORDS + _PASSIVE + r"([a-z]+ly\s+)?$",
    re.I,
)


def named_cause(f: Figure, ctx: SentenceContext) -> Trigger | None:
    """The trigger a toll's own words name as what killed: the action after its casualty
    verb ("N were killed in <the bombing>"), or its verb itself when that verb tells a kind
    of action and not just a death ("N were <executed>"); None if neither."""
    end = f.quantity.end - ctx.offset
    near = [t for t in ctx.triggers if 0 < t.token.idx - end <= CAUSE_REACH]
    for t in near:
        if NAMED_CAUSE.match(ctx.text[end : t.token.idx]):
            return t
    for t in near:
        if not t.nominal and t.kind != tx.KILL and OWN_VERB.match(ctx.text[end : t.token.idx]):
            return t
    return None


def toll_told_with_its_action(c: Candidate, ctx: SentenceContext) -> Candidate | None:
    """ "More than 50 troops were executed, 19 others were killed in a double suicide bombing
    and 16 more died in the assault": a sentence that tells several tolls, one of them with
    this action named as its cause ("killed in the bombing"), gives the action that toll and
    not the others, which are other actions' (the executions, the assault). An action no toll
    names keeps the sentence's figures."""
    figures = c.figures_in(ctx)
    fatal = [f for f in figures if f.field == "fatalities"]
    if len(fatal) < 2:
        return c
    mine = c.trig.token.idx
    causes = {id(f): named_cause(f, ctx) for f in fatal}
    own = [f for f in fatal if (t := causes[id(f)]) is not None and t.token.idx == mine]
    if not own:
        return c
    # a toll is another action's when it names another cause or has a casualty verb of its
    # own; a group joined to this action's toll under one verb ("19 fighters and four
    # civilians were killed in the blast") is part of it
    theirs = [
        f
        for f in fatal
        if f not in own
        and (
            causes[id(f)] is not None
            or OWN_CASUALTY_VERB.match(ctx.text[f.quantity.end - ctx.offset :])
        )
    ]
    if not theirs:
        return c
    return replace(c, figures=[f for f in figures if f not in theirs])


# "..., a day after they killed hundreds", "two weeks after an air strike killed 30 there": a
# span of time and "after"/"before" opens a clause telling another, earlier or later, action
TIME_APART = re.compile(
    r"\b(an?|one|two|three|four|five|six|seven|several|a few|\d+|the)\s+"
    r"(hours?|days?|nights?|weeks?|months?)\s+(after|before)\b|"
    r"\b(hours|days|weeks|months)\s+(after|before)\b",
    re.I,
)


def toll_of_an_earlier_action(c: Candidate, ctx: SentenceContext) -> Candidate | None:
    """ "Kurdish forces drove the militants out of the town, a day after they killed hundreds
    there": a clause set a span of time apart ("a day after", "two weeks before") tells an
    action of another day. A toll inside it, after that clause's own action, is that action's
    and not the one told before the clause."""
    m = TIME_APART.search(ctx.text, c.trig.token.idx)
    if m is None:
        return c
    figures = c.figures_in(ctx)
    acts = [t.token.idx for t in ctx.triggers if t.token.idx >= m.end()]
    if not acts:
        return c
    first = min(acts)
    keep = [f for f in figures if f.quantity.start - ctx.offset < first]
    return c if len(keep) == len(figures) else replace(c, figures=keep)
