"""The coder's passes: the reporting patterns that turn a trigger into an event, in one place.

Each candidate (one factual trigger, see `warwire.code.candidates`) goes through PASSES in
order. A pass takes the candidate and its sentence context and returns the candidate, possibly
with a field filled or changed, or None when its pattern says the trigger is no event of its
own. The order matters: the actors are read before the kind (an attack on soldiers is a
clash), the kind before the places (a siege's towns are named later), the places before the
day, and the one-action-per-place test last. To add a reporting pattern, write a pass with
its own tests and list it here.

Once every sentence is coded, the article's mentions go through ARTICLE_PASSES in order:
each folds or drops mentions that retell another of the same article.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import replace

from spacy.tokens import Span, Token

from warwire.code import taxonomy as tx
from warwire.code.background import up_from
from warwire.code.candidates import Candidate, SentenceContext, weak, where_key
from warwire.code.context import LEAD_SENTENCES, ActorHit, PlaceHit, SentenceInfo
from warwire.code.discourse import pick_day
from warwire.code.figures import Figure, own_clause_figures, toll_of_one_place
from warwire.code.handover import deal_of_allies
from warwire.code.kinds import ARMED_SIDES, STATE_SIDES, kind_for, quiet_takeover
from warwire.code.outcomes import one_outcome
from warwire.code.recall import (
    acted_on_place,
    country_wide,
    delayed_lede_place,
    place_told_next,
    story_place,
)
from warwire.code.repeats import one_day, one_name, one_protest
from warwire.code.roles import assign_actors, subtree_ids, target_places, token_of
from warwire.code.scales import one_scale
from warwire.code.summaries import (
    DAY_WORDS,
    clause_tokens,
    clause_verb,
    present_perfect,
    summary_or_description,
)
from warwire.code.toll_passes import toll_of_an_earlier_action, toll_told_with_its_action
from warwire.code.triggers import Trigger
from warwire.places import entry_key
from warwire.records import Mention

Pass = Callable[[Candidate, SentenceContext], "Candidate | None"]

LEAD = LEAD_SENTENCES  # sentences that may take their place from the headline or province
REMOTE = {tx.AIR, tx.SHELLING}
STALE = dt.timedelta(days=45)
NOUN_REACH = 80  # characters after a noun of action within which its own place is named
NOUN_KINDS = {tx.AIR, tx.SHELLING, tx.CLASH, tx.ATTACK}
FIGURES_OF_AN_EVENT = {"airstrikes", "fatalities", "wounded"}


def summary_is_no_event(c: Candidate, ctx: SentenceContext) -> Candidate | None:
    """ "Jets have pounded the town for weeks", "since mid-January the coalition launched 50
    strikes", "a faction that fought the jihadists", "people fled fighting in the province":
    an action summed up over a span, pointed at vaguely, told of a group to describe it, or
    named as what people fled is no event of its own (`warwire.code.summaries`)."""
    return None if summary_or_description(c.trig) else c


def operation_after_its_action(c: Candidate, ctx: SentenceContext) -> Candidate | None:
    """ "Troops took the town in a week-long offensive": a noun naming a whole operation
    ("offensive", "campaign", "push") adds nothing once the sentence's concrete action is
    coded."""
    return None if weak(c.trig) and ctx.coded else c


BACK_POINTING = frozenset({"the", "this", "that"})


def the_attack_is_the_action_told(c: Candidate, ctx: SentenceContext) -> Candidate | None:
    """ "Jets struck a camp near A; 40 were wounded in the attack": a noun of action with
    "the"/"this" after an action the sentence has coded points back to it, and is no second
    event (at whichever other place is nearest to the noun)."""
    t = c.trig.token
    if not (c.trig.nominal and any(i < t.i for i in ctx.coded_at)):
        return c
    return None if any(d.dep_ == "det" and d.lower_ in BACK_POINTING for d in t.children) else c


def key_town_named_elsewhere(c: Candidate, ctx: SentenceContext) -> Candidate | None:
    """ "Troops retook a key town on Monday. X, a ... lies on the highway": a capture of "a
    key town" or "a rebel bastion" is placed where the next sentences name it, and dropped
    when they do not (the article codes it where it names it)."""
    if c.trig.kind != tx.TERRITORY or not _unnamed_target(c.trig):
        return c
    later = ctx.article.named_next(ctx.info) or ctx.article.named_later(ctx.info)[:1]
    return replace(c, named_next=later[0]) if later else None


def who_did_what(c: Candidate, ctx: SentenceContext) -> Candidate | None:
    """The doer, the target and the doer's associates, from the parse around the trigger
    (`warwire.code.roles`)."""
    a1, a2, assoc = assign_actors(c.trig, ctx.sent, ctx.offset, ctx.info.actors)
    return replace(c, a1=a1, a2=a2, assoc=assoc)


def kind_of_action(c: Candidate, ctx: SentenceContext) -> Candidate | None:
    """The kind the sentence gives the trigger (`warwire.code.kinds`): a raid without
    aircraft is a ground attack, an attack on soldiers a clash, a withdrawal alone no event."""
    kind = kind_for(c.trig, c.a1, c.a2, ctx.text, ctx.air_story)
    return replace(c, kind=kind) if kind is not None else None


CRACKDOWN_STORY = re.compile(
    r"\b(protest(er)?s?|demonstrat(ion|ors?)s?|rall(y|ies)|repression|crackdown|crack down)\b",
    re.I,
)


def killing_in_a_crackdown_story(c: Candidate, ctx: SentenceContext) -> Candidate | None:
    """ "Syria: 15 dead in more repression of protests / Security forces killed 15 people in
    X": under a headline about protests put down, a killing of people (no armed side among
    them) by the state's forces is the force used on the protest (ACLED: excessive force
    against protesters), however the lead words it."""
    if c.kind != tx.ATTACK or c.a1 is None or c.a1.actor.side not in STATE_SIDES:
        return c
    if c.a2 is not None and c.a2.actor.side in ARMED_SIDES:
        return c
    return (
        replace(c, kind=tx.EXCESSIVE_FORCE) if CRACKDOWN_STORY.search(ctx.article.headline()) else c
    )


# "the attack", "this strike": an action told before, pointed back to
ATTACK_POINTED_BACK = re.compile(r"\b(?:the|this) (?:attack|strike|raid|bombardment)\b", re.I)


def _strike_before(ctx: SentenceContext) -> str:
    """The kind of remote violence the sentences before this one told: the last strike or
    shelling named, else, in an air strike story, "the attack" of the sentence before."""
    if ctx.disc.last_kind in REMOTE:
        return ctx.disc.last_kind
    i = ctx.info.index
    before = ctx.article.infos[i - 1].sent.text if 0 < i <= len(ctx.article.infos) else ""
    return tx.AIR if ctx.air_story and ATTACK_POINTED_BACK.search(before) else ""


def it_killed_after_a_strike(c: Candidate, ctx: SentenceContext) -> Candidate | None:
    """ "Shelling hit villages of the plain. It killed four in A village and two in B village":
    a killing whose subject is a bare "it", told right after a strike, a shelling or "the
    attack" of an air strike story and naming no armed group (so "it" is no group claiming
    the deaths), is that remote violence's toll at the places it names: it takes its kind."""
    if c.kind != tx.KILL or c.a1 is not None:
        return c
    if not any(w.dep_ == "nsubj" and w.lower_ == "it" for w in c.trig.token.children):
        return c
    if any(h.actor.side != "civilians" for h in ctx.info.actors):
        return c
    kind = _strike_before(ctx)
    return replace(c, kind=kind) if kind else c


REFLEXIVES = {"themselves", "himself", "herself", "itself"}
HEMMED_IN = re.compile(r"\b(siege|besieg\w*|encircl\w*|surround\w*|trapped|barricaded)\b", re.I)


def surrender_is_no_handover(c: Candidate, ctx: SentenceContext) -> Candidate | None:
    """ "Twenty soldiers handed themselves over to the rebels after a siege of their post":
    men who give themselves up hand over no territory; besieged or trapped, they end a fight
    (an armed clash), else their surrender is no event of its own."""
    if c.kind != tx.TRANSFER:
        return c
    if not any(w.lower_ in REFLEXIVES and w.dep_ == "dobj" for w in c.trig.token.children):
        return c
    return replace(c, kind=tx.CLASH) if HEMMED_IN.search(ctx.text) else None


def killing_needs_a_killer(c: Candidate, ctx: SentenceContext) -> Candidate | None:
    """ "Five civilians were killed" is a toll, not an event: a killing is one when the killer
    is named (an attack on civilians, else a clash), or when armed men are reported killed
    with a toll ("More than 100 militants were killed in X"), fighting whose other side the
    report does not name."""
    if c.kind != tx.KILL:
        return c
    a2 = c.a2
    if c.a1 is None and _armed_dead(ctx.victim, ctx.figures, ctx.text, ctx.offset):
        a2 = a2 or ctx.victim
    elif c.a1 is None or c.a1.actor.side == "civilians":
        weapon = weapon_of_the_tally(ctx)
        if c.a1 is None and weapon is not None:
            return replace(c, a2=a2 or ctx.victim, kind=weapon)
        if not targeted_killing(c.trig, ctx):
            return None
        return replace(c, a1=None, a2=a2 or ctx.victim, kind=tx.ATTACK)
    civilians = ctx.victim is not None and ctx.victim.actor.side == "civilians"
    return replace(c, a2=a2, kind=tx.ATTACK if civilians else tx.CLASH)


FIGHT_KINDS = {tx.TERRITORY, tx.CLASH, tx.ATTACK, tx.KILL}


def captives_of_a_fight(c: Candidate, ctx: SentenceContext) -> Candidate | None:
    """ "Fighters overran the checkpoint and arrested its members", "gunmen managed to kill
    and arrest several soldiers": men seized by an armed group in the very fight the sentence
    tells are that fight's captives; an arrest is an authority's act (ACLED), so only a state
    force's arrests beside a raid ("police raided the house and arrested two") stay arrests."""
    if c.kind != tx.ARREST or (c.a1 is not None and c.a1.actor.side in STATE_SIDES):
        return c
    t = c.trig.token
    partners = ([t.head] if t.dep_ == "conj" else []) + [w for w in t.children if w.dep_ == "conj"]
    kinds = {x.token.i: x.kind for x in ctx.triggers}
    return None if any(kinds.get(w.i) in FIGHT_KINDS for w in partners) else c


TARGETED = re.compile(
    r"\b(?:assassinat\w*|targeted|gunmen|assailants|execution-style|shot (?:dead|and killed)|"
    r"gunned down|killed by (?:unknown|unidentified))\b",
    re.I,
)


def weapon_of_the_tally(ctx: SentenceContext) -> str | None:
    """ "Five died in shelling in A, two were killed in B and one in C": a toll told place by
    place after the sentence has coded a strike or a shelling names that weapon's dead; the
    dead of another place are a second strike there (the same place is the same strike, see
    `one_action_per_place_and_day`). The remote kind the sentence coded first, else None;
    None too for a sentence with one verb of killing ("strikes in 19 communities, with 21
    killed"), which is one toll, not a tally by place."""
    if sum(t.kind == tx.KILL and not t.nominal for t in ctx.triggers) < 2:
        return None
    return next((k for _, k in ctx.seen if k in REMOTE), None)


def targeted_killing(trig: Trigger, ctx: SentenceContext) -> bool:
    """ "A refugee was shot dead in the camp", "five ex-commanders were killed after they were
    targeted on the road": a killing told as aimed at its victims (shot dead, gunned down,
    targeted, assassinated, by gunmen) is an attack even when the killer is unknown; a bare
    "were killed" is only a toll. Not when the sentence has coded an action of its own (the
    deaths are then that action's)."""
    return not ctx.coded and TARGETED.search(ctx.text) is not None


def abroad_is_no_event(c: Candidate, ctx: SentenceContext) -> Candidate | None:
    """ "Airstrikes hit a base in a town of Iraq": an action placed abroad by its own "in/at"
    phrase, with no Syrian place of its own, is no event here."""
    return None if _abroad(c.trig, ctx.sent, ctx.offset, ctx.info) else c


def own_places(c: Candidate, ctx: SentenceContext) -> Candidate | None:
    """The places the action is hung on in its sentence (or "the town" of the last one); a
    key town named in the next sentence when the action only said "a key town"."""
    if c.named_next is not None:
        return replace(c, places=[c.named_next], geo=1)
    places, geo = ctx.article.places_of(c, ctx)
    return replace(c, places=places, geo=geo)


def takeover_after_withdrawal(c: Candidate, ctx: SentenceContext) -> Candidate | None:
    """ "Troops took the town on Sunday. ... The rebels had withdrawn from the town under the
    deal": a place taken with no fight told, which the article says its holders left, changed
    hands without a violent interaction (ACLED: a non-violent transfer of territory)."""
    if c.kind != tx.TERRITORY or not c.places or not quiet_takeover(ctx.text):
        return c
    return replace(c, kind=tx.TRANSFER) if ctx.article.withdrawn_from(c.places) else c


def takeover_under_a_deal_of_allies(c: Candidate, ctx: SentenceContext) -> Candidate | None:
    """ "Government forces took control of the city" or "entered the city", in an article
    that ties the place to a deal with no surrender in it ("after striking a deal with the
    Kurdish-led forces"): the holders let the newcomers in, a non-violent transfer of
    territory (handover.deal_of_allies). A surrender deal after an offensive stays a capture."""
    entered = c.kind == tx.CLASH and c.trig.token.lemma_.lower() == "enter"
    if (c.kind != tx.TERRITORY and not entered) or not c.places:
        return c
    if not quiet_takeover(ctx.text) or not deal_of_allies(ctx.article.infos, c.places, ctx.info):
        return c
    return replace(c, kind=tx.TRANSFER)


def siege_towns_named_later(c: Candidate, ctx: SentenceContext) -> Candidate | None:
    """ "Rebels broke the siege of two towns in the north. ... The two towns of A and B":
    a siege's towns are named a few sentences on."""
    if c.places or c.kind != tx.SIEGE_BREAK:
        return c
    return replace(c, places=ctx.article.named_later(ctx.info), geo=1)


def fight_between_camps_at_last_town(c: Candidate, ctx: SentenceContext) -> Candidate | None:
    """ "Troops entered the town. There were clashes between them and the rebels": a fight
    named by its two camps and no place is in the town the previous sentence named."""
    if c.places or c.kind != tx.CLASH or not _between_camps(c.trig):
        return c
    places = [p for p in ctx.disc.previous_places if not p.province][-1:]
    return replace(c, places=places, geo=1 if places else 0)


def lead_toll_at_headline_place(c: Candidate, ctx: SentenceContext) -> Candidate | None:
    """ "Ten soldiers were killed in an air strike in the north-west" under a headline naming
    the province: a lead with a toll and no place of its own is at the headline's place."""
    if c.places or ctx.info.index >= LEAD or not _has(ctx.figures, {"fatalities"}):
        return c
    places = ctx.article.title_places()[:1]
    return replace(c, places=places, geo=3 if places and places[0].province else 1)


def lead_with_both_sides_in_only_province(c: Candidate, ctx: SentenceContext) -> Candidate | None:
    """ "Troops came under fire from the army": a lead naming both sides and no place happened
    in the one province the article names, if it names only one."""
    if c.places or c.a1 is None or c.a2 is None or ctx.info.index >= LEAD:
        return c
    places = ctx.article.only_province()
    return replace(c, places=places, geo=3, both_sides=bool(places))


def strike_count_at_first_town(c: Candidate, ctx: SentenceContext) -> Candidate | None:
    """ "The coalition conducted 40 air strikes in support of the push on X": a counted
    strike noun with no place of its own is at the first town the sentence names."""
    if c.places or not c.trig.nominal or c.kind not in REMOTE:
        return c
    if not _has(ctx.figures, {"airstrikes"}):
        return c
    places = [p for p in ctx.info.places if not p.province][:1]
    return replace(c, places=places, geo=1 if places else 0)


def place_in_the_next_sentence(c: Candidate, ctx: SentenceContext) -> Candidate | None:
    """ "Landmines killed ten civilians in central Syria on Monday. It said the victims had
    been in the countryside of X": a lead placed only by region or province takes the town
    the next sentence gives for its victims (`recall.place_told_next`)."""
    if c.places and not all(p.province for p in c.places):
        return c
    town = place_told_next(c.kind, ctx.info, ctx.article.infos)
    return replace(c, places=[town], geo=1) if town is not None else c


def _retold_next(c: Candidate, ctx: SentenceContext) -> bool:
    """ "Turkish shelling resumed in the north on Tuesday. Artillery shells hit the town of X
    on Tuesday": a lead naming no place at all whose next sentence tells the same kind of
    action again, at its place, is coded there, once."""
    if ctx.info.places or ctx.info.abroad:
        return False
    return c.trig.kind in ctx.article.kinds_told_in(ctx.info.index + 1)


def lead_placed_by_the_next_sentence(c: Candidate, ctx: SentenceContext) -> Candidate | None:
    """ "Security forces fired tear gas at protesters in the third largest city. A witness
    said ... in the centre of X": a lead naming no place at all is at the one town the next
    sentence names (`recall.delayed_lede_place`), unless that sentence tells the same kind
    of action again (then it is coded there, once)."""
    if c.places or country_wide(c.trig) or _retold_next(c, ctx):
        return c
    town = delayed_lede_place(ctx.info, ctx.article.infos, ctx.article.headline())
    if town is None:
        return c
    return replace(c, places=[town], geo=3 if town.province else 1)


def follow_on_at_story_place(c: Candidate, ctx: SentenceContext) -> Candidate | None:
    """ "Rebels stormed army posts in X on Sunday. They used two car bombs.", "a woman was
    shot dead in the camp": a sentence naming no place at all continues the story told just
    before (`recall.story_place`); the first action it codes takes the story's place."""
    if c.places or ctx.coded:
        return c
    art = ctx.article
    story = story_place(c.trig, c.kind, ctx.info, art.infos, art.mentions, ctx.disc.last_place)
    if story is None:
        return c
    return replace(c, places=[story.place], geo=1, story_day=story.day)


def no_place_no_event(c: Candidate, ctx: SentenceContext) -> Candidate | None:
    """An action the article places nowhere is not coded (ACLED codes events at a place)."""
    return c if c.places else None


def one_siege_of_twin_towns(c: Candidate, ctx: SentenceContext) -> Candidate | None:
    """ "The siege of A and B was broken": one siege around twin towns is one action, coded at
    the first and known to cover the others."""
    if c.kind != tx.SIEGE_BREAK:
        return c
    also = [entry_key(p.place.id, p.place.name) for p in c.places[1:]]
    return replace(c, places=c.places[:1], also=also)


def fighting_before_capture_is_context(c: Candidate, ctx: SentenceContext) -> Candidate | None:
    """ "Troops captured X after three days of fighting in the province": fighting placed only
    at the province, beside an action already coded, is that action's context."""
    return None if c.kind == tx.CLASH and c.geo == 3 and ctx.coded else c


def noun_needs_place_count_or_casualties(c: Candidate, ctx: SentenceContext) -> Candidate | None:
    """A noun alone is an event only with its own place, a count or casualties: "strikes on
    X killed three" and "40 air strikes" are events, "amid shelling, talks began in Y" is not.
    The place is its own when named just after the noun or in a "where" clause on the place."""
    if not (c.trig.nominal and c.kind in NOUN_KINDS) or c.both_sides:
        return c
    at = ctx.offset + c.trig.token.idx
    direct = any(at <= p.start <= at + NOUN_REACH for p in c.places)
    if direct or _where_clause_of_place(c.trig, ctx.sent, ctx.offset, c.places):
        return c
    if acted_on_place(c.trig, ctx.sent, ctx.offset, c.places):
        return c  # "an airstrike leveled a building in X": the verb's place is the noun's
    if c.kind in {tx.AIR, tx.SHELLING} and counted_noun_of_action(c.trig):
        return c  # "aided by seven coalition air strikes"
    return c if _has(ctx.figures, FIGURES_OF_AN_EVENT) else None


def counted_noun_of_action(trig: Trigger) -> bool:
    """ "Aided by seven coalition air strikes, ...", "after 20 air raids on the town": the
    noun of action carries its own count (a number word hung on it), so the report counts
    actions that happened, as monitors and wire services tally strikes; a count is never
    told of a mere threat or a vague "amid shelling"."""
    t = trig.token
    return (
        trig.nominal
        and t.tag_ == "NNS"
        and any(c.dep_ == "nummod" and c.like_num and c.lower_ not in {"one"} for c in t.children)
    )


def day_of_action(c: Candidate, ctx: SentenceContext) -> Candidate | None:
    """The day nearest the trigger in its sentence, else the story's (`discourse.pick_day`)."""
    day, explicit = pick_day(ctx.info, ctx.offset + c.trig.token.idx, ctx.disc, c.trig)
    return replace(c, day=day, explicit=explicit)


ONGOING_KINDS = {tx.AIR, tx.SHELLING, tx.CLASH}


def perfect_over_an_area_is_a_summary(c: Candidate, ctx: SentenceContext) -> Candidate | None:
    """ "Regime jets have heavily bombed the province, killing scores", "bombing has emptied
    large parts of the south", "the regime has waged an aerial offensive against the
    province": the present perfect with no day of its own, over a whole province or region,
    sums up the weeks behind the news; the news itself names its day, its town or its toll
    ("33 soldiers have been killed in an air strike in the province" is news). A day named in
    another clause, or a vague toll ("killing scores of civilians"), does not make the summary
    news. Only actions that go on (bombing, shelling, fighting): "has broken the siege of the
    city", "has captured the town" announce one act done."""
    if c.kind not in ONGOING_KINDS or not c.places or not all(p.province for p in c.places):
        return c
    verb = clause_verb(c.trig.token)
    if verb is None or not present_perfect(verb) or _one_act(verb, ctx):
        return c
    if c.explicit and _day_in_clause(verb):
        return c
    counted = [f for f in ctx.figures if f.field in FIGURES_OF_AN_EVENT and counted_figure(f)]
    return c if counted else None


def _one_act(verb: Token, ctx: SentenceContext) -> bool:
    """ "have seized an army base in the province, killing scores of troops": the perfect's
    verb names one act done (a capture), so what hangs from it is that act's, not a summary."""
    return any(t.token.i == verb.i and t.kind not in ONGOING_KINDS for t in ctx.triggers)


def _day_in_clause(verb: Token) -> bool:
    """VERB's own clause names a day: "has shelled the province since Monday". A day named in
    another clause of the sentence ("..., with rescuers saying 12,000 fled between 11 and 15
    August") dates that clause, not the summary."""
    return any(w.lower_.strip(".") in DAY_WORDS or w.like_num for w in clause_tokens(verb))


VAGUE_PLURALS = frozenset({"scores", "dozens", "hundreds", "thousands", "tens", "many", "several"})


def counted_figure(f: Figure) -> bool:
    """ "killing 33 soldiers", not "killing scores of civilians": a toll counted in numbers
    reports one action's dead; a vague plural ("scores", "dozens") in a perfect over a whole
    province is the campaign's dead summed up with it."""
    words = f.quantity.text.lower().replace("-", " ").split()
    return bool(words) and not any(w in VAGUE_PLURALS for w in words)


def follow_on_on_story_day(c: Candidate, ctx: SentenceContext) -> Candidate | None:
    """A follow-on sentence that names no day of its own is on the story event's day."""
    if c.story_day is None or c.explicit:
        return c
    return replace(c, day=c.story_day)


def old_news_is_history(c: Candidate, ctx: SentenceContext) -> Candidate | None:
    """ "Since the ceasefire agreed in March two years ago": an action dated more than STALE
    before publication is history the article recalls, not news."""
    published = ctx.disc.published
    if c.day is not None and published is not None and c.day.end < published - STALE:
        return None
    return c


def undated_posts_and_deals_are_background(c: Candidate, ctx: SentenceContext) -> Candidate | None:
    """ "Troops at a base set up under an earlier agreement": undated posts and deals are
    background; a base set up or a deal struck is news only with its own day."""
    return None if c.kind in {tx.BASE, tx.AGREEMENT} and not c.explicit else c


def roll_up_of_provinces(c: Candidate, ctx: SentenceContext) -> Candidate | None:
    """ "Air strikes hit Idlib and Hama provinces": a roll-up names several provinces and is
    one summary mention at the first (dropped if the article also breaks it down). A province
    named twice ("X ... in X, Syria") is no roll-up."""
    admin1 = {p.place.admin1 for p in c.places}
    if len(admin1) > 1 and all(p.province for p in c.places):
        return replace(c, places=c.places[:1], summary=True)
    return c


def one_action_per_place_and_day(c: Candidate, ctx: SentenceContext) -> Candidate | None:
    """One action per place and day in a sentence: a clash at a place just taken is the
    taking; "rocket attacks on X" is the rockets; "struck X, killing 14": the deaths are the
    strike's outcome. "Retook X, three weeks after rebels captured it" is two actions: the
    days differ."""
    seen = list(ctx.seen)
    places = []
    for ph in c.places:
        key = where_key(ph, c.day)
        if _subsumed(key, c.kind, seen) or _weapon_named(
            c.trig, c.kind, key, seen, ctx, c.a1 is not None
        ):
            continue
        if c.trig.kind == tx.KILL and any(w == key for w, _ in seen):
            continue
        seen.append((key, c.kind))
        places.append(ph)
    return replace(c, places=places) if places else None


def toll_told_once_for_several_places(c: Candidate, ctx: SentenceContext) -> Candidate | None:
    """ "28 people died in strikes on A, B and C": a toll told once for an action coded at
    several places belongs to none of them (`figures.toll_of_one_place`)."""
    figures = c.figures_in(ctx)
    return replace(c, figures=toll_of_one_place(figures, c.places, ctx.text, ctx.offset))


def toll_of_its_own_clause(c: Candidate, ctx: SentenceContext) -> Candidate | None:
    """ "35 were killed in strikes on A, while six died in shelling of B": each action takes
    the toll of its own clause (`figures.own_clause_figures`)."""
    mine = c.trig.token.idx
    figures = own_clause_figures(
        c.figures_in(ctx),
        mine,
        [t for t in ctx.trigger_starts if t != mine],
        [p.start for p in ctx.info.places],
        ctx.text,
        ctx.offset,
    )
    return replace(c, figures=figures)


# the two families of fighting a toll may name as its cause: from afar, or on the ground
CAUSE_FAMILY = {tx.AIR: "remote", tx.SHELLING: "remote", tx.CLASH: "ground", tx.TERRITORY: "ground"}
# "100 soldiers died in fighting", "12 were killed in the heavy shelling": a count, its own
# casualty verb, then "in"/"during"/"amid" the action that killed them
CAUSED_BY = re.compile(
    r"^\s*((?!(and|or|but|while|as|after)\b)[\w'-]+\s+){0,4}?"
    r"((were|was|have been|had been)\s+)?(killed|died|dead)\s+(in|during|amid)\s+"
    r"(the\s+)?((heavy|fierce|intense|ongoing|renewed)\s+)?$",
    re.I,
)
CAUSE_REACH = 60  # characters from a count to the action its verb names


def toll_of_its_named_cause(c: Candidate, ctx: SentenceContext) -> Candidate | None:
    """ "At least 100 soldiers died in fighting overnight, warplanes carried out air strikes
    on the city": a toll whose own verb names the action that killed ("died in fighting",
    "were killed in shelling") is that action's. Where the sentence joins it to an action of
    the other family (a ground fight beside a strike from afar, or the reverse), that other
    action does not take it."""
    mine = CAUSE_FAMILY.get(c.kind)
    figures = c.figures_in(ctx)
    if mine is None or not any(f.field == "fatalities" for f in figures):
        return c
    keep = []
    for f in figures:
        end = f.quantity.end - ctx.offset
        cause = next(
            (
                t
                for t in ctx.triggers
                if 0 < t.token.idx - end <= CAUSE_REACH
                and CAUSED_BY.match(ctx.text[end : t.token.idx])
            ),
            None,
        )
        if f.field == "fatalities" and cause is not None:
            theirs = CAUSE_FAMILY.get(cause.kind)
            if theirs is not None and theirs != mine:
                continue
        keep.append(f)
    return replace(c, figures=keep)


PASSES: tuple[Pass, ...] = (
    summary_is_no_event,
    operation_after_its_action,
    the_attack_is_the_action_told,
    key_town_named_elsewhere,
    who_did_what,
    kind_of_action,
    it_killed_after_a_strike,
    surrender_is_no_handover,
    killing_needs_a_killer,
    killing_in_a_crackdown_story,
    captives_of_a_fight,
    abroad_is_no_event,
    own_places,
    takeover_after_withdrawal,
    takeover_under_a_deal_of_allies,
    siege_towns_named_later,
    fight_between_camps_at_last_town,
    lead_toll_at_headline_place,
    lead_with_both_sides_in_only_province,
    strike_count_at_first_town,
    place_in_the_next_sentence,
    lead_placed_by_the_next_sentence,
    follow_on_at_story_place,
    no_place_no_event,
    one_siege_of_twin_towns,
    fighting_before_capture_is_context,
    noun_needs_place_count_or_casualties,
    day_of_action,
    perfect_over_an_area_is_a_summary,
    follow_on_on_story_day,
    old_news_is_history,
    undated_posts_and_deals_are_background,
    roll_up_of_provinces,
    one_action_per_place_and_day,
    toll_told_once_for_several_places,
    toll_of_its_own_clause,
    toll_of_its_named_cause,
    toll_told_with_its_action,
    toll_of_an_earlier_action,
)


def roll_ups_broken_down(mentions: list[Mention]) -> list[Mention]:
    """ "Strikes killed 40 people across the province on Monday ... In Saraqib, jets hit the
    market": a roll-up (a summary mention) of a type the article also tells action by action
    is dropped; the actions stand."""
    precise = {m.sub_event_type for m in mentions if not m.summary}
    return [m for m in mentions if not (m.summary and m.sub_event_type in precise)]


ArticlePass = Callable[[list[Mention]], list[Mention]]
ARTICLE_PASSES: tuple[ArticlePass, ...] = (
    roll_ups_broken_down,
    one_outcome,
    one_day,
    one_scale,
    one_name,
    one_protest,
)


def run_article_passes(
    mentions: list[Mention], passes: tuple[ArticlePass, ...] = ARTICLE_PASSES
) -> list[Mention]:
    """The article's mentions after every article pass."""
    for p in passes:
        mentions = p(mentions)
    return mentions


def run_passes(
    c: Candidate, ctx: SentenceContext, passes: tuple[Pass, ...] = PASSES
) -> Candidate | None:
    """The candidate after every pass, or None when one of them drops it."""
    out: Candidate | None = c
    for p in passes:
        out = p(out, ctx)
        if out is None:
            return None
    return out


def _has(figures: list, fields: set[str]) -> bool:
    return any(f.field in fields for f in figures)


# -- the sentence structures the passes test --------------------------------------------------

LOCATIVE = frozenset({"in", "on", "at", "near", "inside", "outside", "across", "into"})


def _abroad(trig: Trigger, sent: Span, offset: int, info: SentenceInfo) -> bool:
    """ "Airstrikes hit a base in Anbar", "a car bomb exploded in Gaziantep": the action's own
    place, hung on it by "in/at/on", is outside Syria and no Syrian place is named for it, so
    it is no event here (nor at the last Syrian place the article named). A country named
    in passing ("a supply road to Turkey") says nothing of where the action was."""
    if not info.abroad or target_places(trig, sent, offset, info.places):
        return False
    t = trig.token
    own = subtree_ids(t, {"advcl", "ccomp", "relcl"})
    if trig.nominal and t.head.pos_ in {"VERB", "AUX"}:
        own |= subtree_ids(t.head, {"advcl", "ccomp", "relcl"})
    for p in info.abroad:
        tok = token_of(sent, p.start - offset, p.end - offset)
        if tok is not None and tok.i in own and tok.dep_ == "pobj":
            if tok.head.lower_ in LOCATIVE:
                return True
    return False


FORMER = re.compile(r"\b(former|ex-?|one-time|retired|reconciled)\s+([\w-]+\s+){0,2}$", re.I)


def _armed_dead(victim: ActorHit | None, figures: list, text: str = "", offset: int = 0) -> bool:
    """Armed men reported killed, with a toll: an event even when nobody is said to have
    killed them. "Former" fighters ("five former rebel commanders were killed") have laid
    down their arms: their killing is no fight."""
    if victim is None or FORMER.search(
        text[max(0, victim.start - offset - 40) : victim.start - offset]
    ):
        return False
    return victim.actor.side in ARMED_SIDES - {"unknown"} and any(
        f.field == "fatalities" for f in figures
    )


def _between_camps(trig: Trigger) -> bool:
    """ "clashes between rebels and government forces": a fight named with both its camps."""
    t = trig.token
    return trig.nominal and any(
        c.dep_ == "prep" and c.lower_ == "between" for c in t.children
    )  # fmt: skip


def _where_clause_of_place(trig: Trigger, sent: Span, offset: int, places: list[PlaceHit]) -> bool:
    """ "the village of Kafr Naya, where they were involved in a long battle": the noun of
    action sits in a "where" clause hung on the place, so the place is its own."""
    for node in up_from(trig.token, 8):
        if node.dep_ == "relcl" and any(c.lower_ == "where" for c in node.children):
            head = node.head
            ids = {w.i for w in head.subtree} - {w.i for w in node.subtree}
            for p in places:
                tok = token_of(sent, p.start - offset, p.end - offset)
                if tok is not None and (tok.i in ids or tok.i == head.i):
                    return True
            return False
    return False


def _unnamed_target(trig: Trigger) -> bool:
    """True when the place taken is only "a key town" / "a rebel bastion", named elsewhere."""
    t = trig.token
    if t.dep_ in {"relcl", "acl"}:
        noun = t.head
    elif trig.nominal:
        noun = next(
            (g for c in t.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children),
            None,
        )
    else:
        noun = next((c for c in t.children if c.dep_ in {"dobj", "nsubjpass"}), None)
    if noun is not None and noun.lemma_.lower() == "control":  # "seized control of a key town"
        noun = next(
            (g for c in noun.children if c.dep_ == "prep" and c.lower_ in {"of", "over"}
             for g in c.children if g.dep_ == "pobj"),
            None,
        )  # fmt: skip
    if noun is None or noun.lemma_.lower() not in tx.UNNAMED_PLACE_NOUNS:
        return False
    indefinite = any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in noun.children)
    own = [w for c in noun.children if c.dep_ not in {"relcl", "acl", "prep"} for w in c.subtree]
    held = holder_words(own)
    # "the town of X" names it; "in Syria" and "a key Islamic State stronghold" do not
    named = any(w.pos_ == "PROPN" and w.i not in held for w in own)
    return indefinite and not named


def holder_words(words: list[Token]) -> set[int]:
    """ "a key Islamic State stronghold", "a Nusra Front bastion": the proper nouns before a
    place noun that name an armed side say who held the place, not which place it is."""
    from warwire.read.actors import load_actors

    if not words:
        return set()
    doc = words[0].doc
    lo, hi = min(w.i for w in words), max(w.i for w in words)
    span = doc[lo : hi + 1]
    out: set[int] = set()
    for h in load_actors().find(span.text):
        if h.actor.side in {"civilians", "protesters", "other"}:
            continue
        part = doc.char_span(span.start_char + h.start, span.start_char + h.end, "expand")
        out |= {w.i for w in part} if part is not None else set()
    return out


PROTEST_KINDS = frozenset({tx.PROTEST, tx.RIOT, tx.EXCESSIVE_FORCE, tx.INTERVENTION})


def _subsumed(where: str, kind: str, seen: list[tuple[str, str]]) -> bool:
    """One action per place in a sentence: a clash at a place just taken is the taking;
    "forces fired tear gas at protesters who took over the square" is one protest (ACLED: one
    event per demonstration and day, typed by what it came to)."""
    for w, k in seen:
        if w != where:
            continue
        if k == kind or (
            kind in {tx.CLASH, tx.SIEGE_BREAK, tx.ATTACK, tx.KILL} and k == tx.TERRITORY
        ):
            return True
        if kind in PROTEST_KINDS and k in PROTEST_KINDS:
            return True
    return False


BLAST_WORDS = {"explosion", "blast"}


def other_action_beside(noun: Trigger, weapon: Token, named_doer: bool) -> bool:
    """ "Aided by seven coalition air strikes, Kurdish fighters held back assaults by the
    militants": the weapon is a noun of its own phrase, neither inside the assault's phrase
    ("rocket attacks", "attacks with mortar shells") nor holding it, so the assault is a
    second action at the place, by the hand the sentence names for it. A weapon told by a verb
    ("jets struck the town, and the attack killed five"), or a noun with no doer of its own
    ("strikes killed 15 as fighting raged"), keeps the noun as the weapon's."""
    t = noun.token
    if weapon.pos_ not in {"NOUN", "PROPN"} or weapon.i == t.i:
        return False
    if not named_doer:
        return False
    return not (weapon.is_ancestor(t) or t.is_ancestor(weapon))


def _weapon_named(
    trig: Trigger,
    kind: str,
    where: str,
    seen: list[tuple[str, str]],
    ctx: SentenceContext,
    doer: bool = False,
) -> bool:
    """ "killed in rebel rocket attacks on Aleppo", "attacks with mortar shells on Mezzeh": the
    noun "attack" and the weapon that names it are one action; the weapon, coded first at
    that place, gives its type, and the bare noun adds nothing. So too "the explosion ... was
    caused by a suicide bomber": a blast is the weapon's blast."""
    if not trig.nominal:
        return False
    if kind in {tx.ATTACK, tx.CLASH}:
        weapons = [
            i for (w, k), i in zip(seen, ctx.coded_at, strict=False)
            if w == where and k in tx.WEAPON_KINDS
        ]  # fmt: skip
        return any(not other_action_beside(trig, ctx.sent.doc[i], doer) for i in weapons)
    if kind == tx.IED and trig.token.lemma_.lower() in BLAST_WORDS:
        return any(w == where and k in tx.WEAPON_KINDS - {tx.IED} for w, k in seen)
    return False
