"""From one article to its event mentions.

The coder walks the article sentence by sentence, keeping what a reader keeps (a Discourse:
the last day named, so "it said" sentences and follow-ups inherit it; the last town named, for
"the town"; the last source cited, for "it said"; and the mentions of the previous sentence,
so that "Ten soldiers were wounded." adds its figure to the shelling just reported). In each
sentence every factual trigger is a candidate (`warwire.code.candidates`); the named passes of
`warwire.code.passes` decide what it is and where, and each surviving candidate becomes one
mention per place.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from warwire.batching import batches
from warwire.code import taxonomy as tx
from warwire.code.actor_passes import (
    OPPONENTS,
    Roles,
    StrikerMemory,
    article_air_force,
    article_artillery,
    article_site_owners,
    backers_as_associates,
    claim_completes_the_last_attack,
    claimable_attacks,
    settle_actors,
)
from warwire.code.anaphora import NounMemory, anaphor_noun
from warwire.code.attribution import attribution
from warwire.code.background import background_place
from warwire.code.candidates import Candidate, SentenceContext, candidates, where_key
from warwire.code.context import (
    ActorHit,
    PlaceHit,
    SentenceInfo,
    article_province,
    capture_named_later,
    opens_with_place,
    scan_article,
)
from warwire.code.discourse import Discourse, pick_day, story_day
from warwire.code.figures import (
    BACKGROUND,
    joined_groups,
    sentence_figures,
    toll_at_place,
)
from warwire.code.kinds import (
    ARMED_SIDES,
    kind_for,
    note_kind,
    quiet_withdrawal,
    sub_event,
    taker,
)
from warwire.code.notes import write_note
from warwire.code.passes import (
    ARTICLE_PASSES,
    PASSES,
    REMOTE,
    ArticlePass,
    Pass,
    run_article_passes,
    run_passes,
)
from warwire.code.patterns import named_killer, protest_type, weapon_neutralised, worded_type
from warwire.code.refine import typed
from warwire.code.roles import (
    assign_actors,
    object_is_anaphor,
    object_is_plural_area,
    plural_area_around_anaphor,
    subtree_ids,
    target_places,
    token_of,
    victims,
)
from warwire.code.scales import TOWN_LEVEL, covers, finest
from warwire.code.story_day import (
    background_day,
    dateline_day,
    dates_an_earlier_action,
    headline_day,
)
from warwire.code.toll_sums import breaks_down, first_count_adds, toll_after
from warwire.code.triggers import Trigger, find_triggers, is_factual
from warwire.code.type_features import rule_features, text_features
from warwire.places.hierarchy import level
from warwire.records import ActorRef, Article, Claim, DayRef, Evidence, Mention

NAMED_PLACES = re.compile(
    r"\bthe (two |three |twin |besieged )?(towns?|villages?|cities|city) of\s*", re.I
)
# kinds whose target, when the report names none, is the side the article sets against the doer
FOUGHT_AGAINST = {
    tx.TERRITORY, tx.CLASH, tx.SIEGE_BREAK, tx.AIR, tx.SHELLING, tx.TRANSFER, tx.AGREEMENT,
}  # fmt: skip
# "killed in the advance", "died in the ongoing operation": fighters' toll told of the
# fighting a capture ended (one word may qualify the noun: "the ongoing", "the final")
CAPTURE_TOLL = re.compile(  # "died in the advance", "were killed in Wednesday's fighting"
    r"\b(killed|died|dead)\b.{0,40}\b(in|during) (the|(mon|tues|wednes|thurs|fri|satur|sun)day"
    r"['\u2019]s|yesterday['\u2019]s|today['\u2019]s) ((?!early\b|first\b)[a-z-]+ )?(advance|"
    r"assault|attack|battle|fighting|push|offensive|operation|storming)\b",
    re.I,
)
CAPTURE_TOLL_REACH = 4  # sentences after the capture
# "During the attack, two civilians died": a toll told of "the attack" a few sentences after
# the one attack the article coded, with sentences of comment or quotes in between
DURING_THE_ATTACK = re.compile(
    r"\b(during|in|by|from|after|of) the (\w+ )?(air ?strikes?|air raids?|strikes?|raids?|"
    r"attacks?|bombings?|bombardment|shelling|blasts?|explosions?|assault|ambush|aggression)\b",
    re.I,
)
ATTACK_TOLL_REACH = 3  # sentences after the attack
AIR_STORY = re.compile(
    r"\b(air ?strikes?|air-strikes?|air raids?|warplanes?|jets|aircraft|helicopters?|drones?)\b",
    re.I,
)
IN_THE_TOWN = re.compile(r"\b(in|on|at|near) the (town|city|village)\b", re.I)
REMOTE_CUE = re.compile(
    r"\b(bomb(ed|ing|s)?|air ?strikes?|air raids?|shell(ed|ing)|bombard\w*|rockets?|missiles?)\b",
    re.I,
)
HOLDER = re.compile(
    r"\b(rebel|opposition|regime|government|IS|ISIS|Daesh|jihadist|SDF|Kurdish|militant)[- ]"
    r"(held|controlled)\b",
    re.I,
)


def _actor_ref(hit: ActorHit | None) -> ActorRef | None:
    if hit is None:
        return None
    return hit.ref()


def _opponent(side: str, disc: Discourse, sentence: str) -> ActorRef | None:
    """The side this article sets against SIDE most often, for an action with no named loser."""
    from warwire.read.actors import load_actors

    held = HOLDER.search(sentence)
    if held:
        hits = load_actors().find(held.group(1) + " forces")
        if hits and hits[0].actor.side != side:
            a = hits[0].actor
            return a.said_as(held.group(0))
    for opp in sorted(OPPONENTS.get(side, []), key=lambda s: -disc.sides[s]):
        if disc.sides[opp] > 0:
            ref = load_actors().by_side(opp)
            return ref.said_as("") if ref else None
    return None


def suicide_bomber_of_the_other_camp(
    kind: str, actor1: ActorRef | None, actor2: ActorRef | None, disc: Discourse, sentence: str
) -> ActorRef | None:
    """ "The rebels reached the city centre, but a suicide attack forced them back": a suicide
    attack on an armed side that names no bomber came from the camp the article sets against
    that side (suicide attacks are a weapon of the armed groups in the fight, never of
    bystanders). ACTOR1 itself when named, or when the target is no armed side."""
    if actor1 is not None or actor2 is None or kind != tx.SUICIDE:
        return actor1
    if actor2.side not in ARMED_SIDES - {"unknown"}:
        return actor1
    return _opponent(actor2.side, disc, sentence)


class ArticleCoder:
    """Codes one article whose candidate sentences are already parsed."""

    passes: tuple[Pass, ...] = PASSES  # what makes a trigger an event (warwire.code.passes)
    article_passes: tuple[ArticlePass, ...] = ARTICLE_PASSES  # what folds retold mentions

    def __init__(self, article: Article, infos: list[SentenceInfo], docs: dict[int, Doc]):
        self.article = article
        self.infos = infos
        self.docs = docs
        self.disc = Discourse(published=article.published)
        self.mentions: list[Mention] = []
        self._title: list[PlaceHit] | None = None  # the headline's places, read when needed
        self._province: list[PlaceHit] | None = None  # the article's only province, if one
        self._type_feats: dict[int, list[str]] = {}  # the type model's features by sentence
        self._triggers: dict[int, list[Trigger]] = {}  # each parsed sentence's trigger words
        told = self._headline_and_sentences()
        self.strikers = StrikerMemory(article_air_force(told), article_artillery(told))
        self.site_owners = article_site_owners(told)  # whose sites each striker hit
        self.nouns = NounMemory()  # the place the article last called "the town", "the city"
        self.air_story = any(AIR_STORY.search(i.sent.text) for i in infos)

    def _headline_and_sentences(self) -> list[tuple[str, int, list[ActorHit]]]:
        """Each sentence's text, offset and actors, the headline first (for article_air_force
        and article_artillery)."""
        from warwire.read.actors import load_actors

        title = self.article.title.strip()
        head = [ActorHit(a.start, a.end, a.surface, a.actor) for a in load_actors().find(title)]
        rest = [(i.sent.text, i.sent.start, i.actors) for i in self.infos]
        return [(title, 0, head), *rest] if title else rest

    def run(self) -> list[Mention]:
        for info in self.infos:
            for a in info.actors:
                self.disc.sides[a.actor.side] += 1
        lead = [d for info in self.infos[:4] if not _byline(info) for d in info.days]
        if lead:
            self.disc.lead_day = lead[0].day
        else:  # the lead names no day: the headline's own day, if it has one
            self.disc.lead_day = headline_day(self.article.title, self.article.published)
        for info in self.infos:
            self._sentence(info)
        return self._finish()

    # -- per sentence -----------------------------------------------------------------------

    def _sentence(self, info: SentenceInfo) -> None:
        disc = self.disc
        src, pronoun = attribution(info.sent.text)
        source = src or (disc.last_source if pronoun else "")
        made: list[Mention] = []
        doc = self.docs.get(info.index)
        if doc is not None:
            info.places = _story_places(info, doc)
        question = "?" in info.sent.text  # rhetorical or reported questions state nothing
        found = find_triggers(doc[:]) if doc is not None else []
        self._triggers[info.index] = found  # read again by the typing (type_features)
        if doc is not None and not question:
            kinds = [t.kind for t in found if t.kind in REMOTE]
            if kinds:
                disc.last_kind = kinds[0]
        elif doc is None and REMOTE_CUE.search(info.sent.text):  # not parsed: the words say it
            disc.last_kind = tx.AIR if tx.AIR_CUES.found(info.sent.text) else tx.SHELLING
        if doc is not None and not question:
            voice = src or disc.last_source  # whose account the sentence continues
            self.strikers.note(info.index, voice, found, doc[:], info.sent.start, info.actors)
            made = self._events_in(info, doc[:], source, found)
        if not made and doc is not None and not question:
            made = self._bare_toll(info, doc[:], source, found)
        followed = not made and self._follow_up(info, source)  # figures went to the last event
        if not made and claim_completes_the_last_attack(
            info.sent.text,
            info.sent.start,
            info.actors,
            claimable_attacks(disc.previous, disc.unclaimed, info.index),
        ):
            followed = True  # "... claimed responsibility for the attack": the same attack
        self._remember(info, src, coded=bool(made) or followed)
        disc.note_coded(info.index, made, followed)
        self.mentions.extend(made)

    def _remember(self, info: SentenceInfo, src: str, coded: bool = True) -> None:
        """What a reader keeps of a sentence whatever it coded: the day it names for the
        story (unless it dates only background: story_day.background_day, asked when the
        sentence CODED nothing), the last town and province it names, the source it cites,
        all its places."""
        disc = self.disc
        explicit = [
            d
            for d in info.days
            if d.day.precision == 1
            and not dates_an_earlier_action(info.sent.text, info.sent.start, d)
            and not dateline_day(info.sent.text, info.sent.start, d)
            and not background_day(d.day, disc.last_day, coded)
        ]
        if explicit and not BACKGROUND.found(info.sent.text) and not _byline(info):
            disc.note_day(story_day(explicit[0], disc), info.places)
        precise = [p for p in info.places if not p.province]
        if precise:
            disc.last_place = precise[-1]
            self.nouns.note(self.article.text, precise)
        provinces = [p.place for p in info.places if p.province]
        if provinces:
            disc.last_province = provinces[-1]
        elif precise:
            disc.last_province = precise[-1].place
        if src:
            disc.last_source = src
        disc.previous_places = list(info.places)

    def _events_in(
        self, info: SentenceInfo, sent: Span, source: str, found: list[Trigger]
    ) -> list[Mention]:
        """The sentence's candidates (one per factual trigger) through the passes; one mention
        per place of each that survives."""
        cands = candidates(found, self.disc.published)
        if not cands:
            return []
        offset = info.sent.start
        ctx = SentenceContext(
            info=info,
            sent=sent,
            figures=joined_groups(
                info.sent.text, offset, sentence_figures(info.sent.text, offset, info.numbers)
            ),
            victim=victims(sent, offset, info.actors),
            disc=self.disc,
            article=self,
            air_story=self.air_story,
            trigger_starts=[c.trig.token.idx for c in cands],
            triggers=found,
        )
        out: list[Mention] = []
        for cand in cands:
            c = run_passes(cand, ctx, self.passes)
            if c is None:
                continue
            figures = c.figures_in(ctx)
            for ph in c.places:
                ctx.seen.append((where_key(ph, c.day), c.kind))
                here = toll_at_place(
                    figures, ph, c.places, ctx.figures, info.places, info.sent.text, offset
                )
                made = self._mention(
                    c.trig, c.kind, ph, c.geo, c.day, c.a1, c.a2, c.assoc, ctx.victim,
                    here, source, info, c.summary,
                )  # fmt: skip
                made.also_at = c.also
                out.append(made)
                ctx.coded += 1
                ctx.coded_at.append(c.trig.token.i)
        return out

    def places_of(self, cand: Candidate, ctx: SentenceContext) -> tuple[list[PlaceHit], int]:
        """The action's own places and their geo-precision (see passes.own_places)."""
        return self._places(cand.trig, ctx.sent, ctx.offset, ctx.info, cand.kind)

    def _places(
        self, trig: Trigger, sent: Span, offset: int, info: SentenceInfo, kind: str
    ) -> tuple[list[PlaceHit], int]:
        hits = finest(target_places(trig, sent, offset, info.places), info.places)
        if hits and all(h.province or h.near or h.place.feature == "region" for h in hits):
            inside = _named_inside(trig, sent, offset, info, hits)
            if inside:
                return inside, 1
        if hits:
            if all(h.province for h in hits):
                last = self.disc.last_place
                earlier = [
                    p for p in info.places
                    if not p.province and not p.near and p.end <= offset + trig.token.idx
                ]  # fmt: skip
                if earlier and object_is_anaphor(trig):
                    return [earlier[0]], 1  # "retook Kafr Nabl ... after forces captured it"
                if last and (object_is_anaphor(trig) or IN_THE_TOWN.search(info.sent.text)):
                    if last.place.admin1 in {h.place.admin1 for h in hits}:
                        return [last], 1  # "struck the market in the town, in Idlib province"
                return hits, 3
            return hits, 2 if all(h.near for h in hits) else 1
        if object_is_anaphor(trig) and self.disc.last_place is not None:
            return [self.nouns.resolve(anaphor_noun(trig), self.disc.last_place)], 1
        if (
            kind == tx.TERRITORY
            and plural_area_around_anaphor(trig)
            and self.disc.last_place is not None
        ):
            return [self.disc.last_place], 2
        if kind == tx.TERRITORY and object_is_plural_area(trig) and self.disc.last_province:
            prov = self.disc.last_province
            from warwire.places import load_gazetteer

            admin = load_gazetteer().admin_place(prov.admin1) if prov.admin1 else prov
            return [PlaceHit(0, 0, admin.name, admin, province=True, near=False)], 3
        return [], 0

    def _last_doer(self, info: SentenceInfo) -> ActorRef | None:
        """The armed doer of the attack the article last coded, when it was told within a few
        sentences of INFO (see actor_passes.it_is_the_attack_told_before)."""
        last = self.disc.last_made
        if last is None or not last.within(info.index, ATTACK_TOLL_REACH):
            return None
        doers = [m.actor1 for m in last.mentions if m.event_type in tx.VIOLENT_TYPES and m.actor1]
        return doers[-1] if doers else None

    def _attack_toll(self, info: SentenceInfo) -> Mention | None:
        """ "Jets struck a house in the village. The army said it hit a base. During the
        attack, two civilians died.": a toll told of "the attack" (`DURING_THE_ATTACK`) within a few
        sentences of the one attack the article last coded belongs to it, though sentences
        that code nothing stand between them."""
        last = self.disc.last_made
        if last is None or not last.within(info.index, ATTACK_TOLL_REACH):
            return None
        if len(last.mentions) != 1:
            return None
        m = last.mentions[0]
        if m.event_type not in tx.VIOLENT_TYPES or not self.mentions or self.mentions[-1] is not m:
            return None
        return m if DURING_THE_ATTACK.search(info.sent.text) else None

    def _capture_toll(self, info: SentenceInfo) -> Mention | None:
        last = self.disc.last_capture
        if last is None or not last.within(info.index, CAPTURE_TOLL_REACH):
            return None
        if not CAPTURE_TOLL.search(info.sent.text) or self.mentions[-1] is not last.mentions[0]:
            return None
        return last.mentions[0]

    def only_province(self) -> list[PlaceHit]:
        """The province, when every place the article names lies in that one province."""
        if self._province is None:
            one = article_province(self.infos) is not None
            hits = [p for i in self.infos for p in i.places if p.province]
            self._province = hits[:1] if one else []
        return self._province

    def withdrawn_from(self, places: list[PlaceHit]) -> bool:
        """Some sentence of the article tells a quiet withdrawal from one of PLACES
        (kinds.quiet_withdrawal), naming the place itself."""
        keys = {p.key for p in places}
        return any(
            quiet_withdrawal(info.sent.text)
            for info in self.infos
            if keys & {p.key for p in info.places}
        )

    def headline(self) -> str:
        return self.article.title.strip()

    def kinds_told_in(self, index: int) -> set[str]:
        """The kinds of the trigger words of sentence INDEX (none when it was not parsed)."""
        doc = self.docs.get(index)
        return {t.kind for t in find_triggers(doc[:])} if doc is not None else set()

    def title_places(self) -> list[PlaceHit]:
        if self._title is None:
            title = self.article.title.strip()
            infos = scan_article(title, self.article.published) if title else []
            self._title = [p for i in infos for p in i.places]
        return self._title

    def named_next(self, info: SentenceInfo) -> list[PlaceHit]:
        """ "Troops recaptured a strategic highway town on Wednesday. Maaret al-Numan, a former
        ... lies on ...": the town is named by the next sentence, which opens with its name."""
        nxt = info.index + 1
        if nxt >= len(self.infos) or self.infos[nxt].index != nxt:
            return []
        first = opens_with_place(self.infos[nxt])
        return [first] if first else []

    def named_later(self, info: SentenceInfo) -> list[PlaceHit]:
        """ "broke the siege of two towns in the north ... The two towns of Nubl and Zahraa,
        with 60,000 people, ...": the places are named a few sentences on, after "the towns of",
        or by the capture's own name ("The capture of X was ...", context.capture_named_later)."""
        for follow in self.infos[info.index + 1 : info.index + 4]:
            for m in NAMED_PLACES.finditer(follow.sent.text):
                at = follow.sent.start + m.end()
                named = [p for p in follow.places if not p.province and p.start >= at]
                if named and named[0].start - at <= 2:
                    first = named[0]
                    rest = [p for p in named[1:] if p.start - first.end <= 12]
                    return [first, *rest[:1]]
        k = self.infos.index(info) if info in self.infos else -1
        taken = capture_named_later(self.infos, k) if k >= 0 else None
        return [taken] if taken else []

    def _mention(
        self,
        trig: Trigger,
        kind: str,
        ph: PlaceHit,
        geo: int,
        day: DayRef | None,
        a1: ActorHit | None,
        a2: ActorHit | None,
        assoc: list[ActorHit],
        victim: ActorHit | None,
        figures: list,
        source: str,
        info: SentenceInfo,
        summary: bool,
    ) -> Mention:
        art = self.article
        actor1 = _actor_ref(a1)
        actor2 = _actor_ref(a2)
        if kind in {tx.AIR, tx.SHELLING, tx.ATTACK, tx.IED, tx.SUICIDE, tx.CHEMICAL} and victim:
            if actor2 is None or victim.actor.side == "civilians":
                actor2 = _actor_ref(victim)
        if actor1 is not None and actor2 is None and kind in FOUGHT_AGAINST:
            actor2 = _opponent(actor1.side, self.disc, info.sent.text)
        if actor1 is not None and actor2 is not None and actor1.side == actor2.side:
            actor2 = None
        rule_sub = sub_event(kind, taker(trig, kind, a1, info.sent.start))
        doc = self.docs.get(info.index)
        sub = rule_sub
        if doc is not None:  # the one typing (refine.typed); a rule mention is never dropped
            feats = self._type_feats.get(info.index)
            if feats is None:  # once per sentence, however many mentions it holds
                found = self._triggers.get(info.index)
                feats = type_features([doc[:]], info.actors, info.sent.start, triggers=found)
                self._type_feats[info.index] = feats
            sub = typed(rule_sub, feats) or rule_sub  # never dropped: see refine
        own = attribution(info.sent.text)[0]  # a sentence with its own source tells its own
        striker = self.strikers.striker(kind, info.index, "" if own else self.disc.last_source)
        k = info.index - 1
        aligned = 0 <= k < len(self.infos) and self.infos[k].index == k
        previous = self.infos[k].actors if aligned else []
        named = actor1 is not None
        settled = settle_actors(
            Roles(
                sub,
                actor1,
                actor2,
                info.actors,
                striker,
                info.sent.text,
                previous,
                info.sent.start,
                self.site_owners,
                self._last_doer(info),
            )  # fmt: skip
        )
        actor1, actor2 = settled.actor1, settled.actor2
        if not named and actor1 is not None and actor2 is None and kind in FOUGHT_AGAINST:
            # the taker was read from the article ("the Syrian flag was raised over X"), a
            # fight's one named camp from its sentence, a striker from the strikes told before:
            # the place was taken from (the fight, the strike was against) the side the
            # article sets against it, as for a parsed doer
            actor2 = _opponent(actor1.side, self.disc, info.sent.text)
        actor1 = suicide_bomber_of_the_other_camp(kind, actor1, actor2, self.disc, info.sent.text)
        counts: dict[str, int] = {}
        claims: list[Claim] = []
        fatalities: int | None = None
        for f in figures:
            if f.field == "airstrikes" and kind not in REMOTE:
                continue  # "after 140 airstrikes, troops took the town": the strikes' figure
            q = f.quantity
            claims.append(f.claim(art.id, source, art.outlet))
            if f.field == "fatalities":
                fatalities = (fatalities or 0) + q.value
            else:
                counts[f.field] = counts.get(f.field, 0) + q.value
        if fatalities is None and counts.get("wounded"):
            fatalities = 0
        place = ph.place
        ev = Evidence(art.id, info.sent.start, info.sent.end, info.sent.text)
        m = Mention(
            id="",  # numbered in _finish
            article=art.id,
            event_type=tx.SUB_EVENT_TYPES[sub],
            sub_event_type=sub,
            day=day,
            place=place,
            geo_precision=geo,
            actor1=actor1,
            actor2=actor2,
            assoc_actor_1=[r for r in (_actor_ref(a) for a in assoc) if r is not None]
            + [b for b in backers_as_associates([a1]) if actor1 and b.side != actor1.side],
            assoc_actor_2=[
                b for b in backers_as_associates([a2]) if actor2 and b.side != actor2.side
            ],
            fatalities=fatalities,
            counts=counts,
            claims=claims,
            attribution=source,
            evidence=[ev],
            outlet=art.outlet,
            wire_group=art.wire_group or art.id,
            summary=summary,
        )
        m.notes = write_note(
            note_kind(kind) if sub == rule_sub else _kind_of(m),
            day.date if day else None,
            place.name,
            actor1.name if actor1 else None,
            actor2.name if actor2 else None,
            {**counts, **({"fatalities": fatalities} if fatalities is not None else {})},
            source,
        )
        return m

    def _bare_toll(
        self, info: SentenceInfo, sent: Span, source: str, found: list[Trigger]
    ) -> list[Mention]:
        """ "Nine civilians were killed Wednesday.": a dated toll with no perpetrator and no
        place of its own, after the article described a bombardment, is one more event of
        that bombardment, placed where the previous sentence was."""
        if info.places or not self.disc.last_kind or self.disc.previous:
            return []
        if not any(d.day.precision == 1 for d in info.days):
            return []
        kills = [t for t in found if t.kind == tx.KILL and is_factual(t)]
        figures = [
            f
            for f in sentence_figures(info.sent.text, info.sent.start, info.numbers)
            if f.field == "fatalities"
        ]
        victim = victims(sent, info.sent.start, info.actors)
        if not kills or not figures or victim is None or victim.actor.side != "civilians":
            return []
        prev = [p for p in self.disc.previous_places if not p.near]
        if not prev:
            return []
        ph = prev[-1]
        geo = 3 if ph.province else 1
        day, _ = pick_day(info, info.sent.start + kills[0].token.idx, self.disc)
        m = self._mention(
            kills[0], self.disc.last_kind, ph, geo, day, None, None, [], victim,
            figures, source, info, False,
        )  # fmt: skip
        return [m]

    def _follow_up(self, info: SentenceInfo, source: str) -> bool:
        """A sentence with only a toll ("Ten soldiers were wounded.") completes the last event.
        A toll of fighters "killed in the advance" a few sentences after a capture is the
        capture's, when nothing else was coded in between."""
        prev = self.disc.previous
        if any(not p.province for p in info.places if p) or separate_incident(info.sent.text):
            return False
        told_again = False  # "the Observatory said 56 were killed in the strikes": a rival count
        if not prev and (late := self._capture_toll(info)):
            prev = [late]
        elif not prev and (late := self._attack_toll(info)):
            prev, told_again = [late], True
        if len(prev) != 1:
            return False
        groups = sentence_figures(info.sent.text, info.sent.start, info.numbers)
        figures = joined_groups(info.sent.text, info.sent.start, groups)
        if not figures:
            return False
        m = prev[0]
        # "Ten soldiers were wounded." adds a figure; "At least 35 were killed." restates the
        # toll unless its first count says "another" / "more": then the larger figure stands,
        # not the sum; the toll's breakdown by group leaves the total told standing
        adds = first_count_adds(info.sent.text, info.sent.start, figures)
        totals: dict[str, int] = {}
        for f in figures:
            totals[f.field] = totals.get(f.field, 0) + f.quantity.value
        m.claims.extend(f.claim(m.article, source or m.attribution, m.outlet) for f in figures)
        for fld, total in totals.items():
            old = m.fatalities if fld == "fatalities" else m.counts.get(fld)
            if told_again and old:
                continue  # a later sentence's count of the same attack is a claim, not more dead
            parts = fld == "fatalities" and breaks_down(old or 0, groups)
            new = toll_after(old, total, adds, parts)
            if fld == "fatalities":
                m.fatalities = new
            else:
                m.counts[fld] = new
                if m.fatalities is None and fld == "wounded":
                    m.fatalities = 0
        explicit = [d for d in info.days if d.day.precision == 1]
        if explicit and not told_again:
            m.day = story_day(explicit[0], self.disc)
        doc = self.docs.get(info.index)
        parsed = victims(doc[:], info.sent.start, info.actors) if doc is not None else None
        if victims_side := (_actor_ref(parsed) if parsed else _victim_side(info)):
            if m.actor2 is None or victims_side.side == "civilians":
                m.actor2 = victims_side
        m.evidence.append(Evidence(m.article, info.sent.start, info.sent.end, info.sent.text))
        return True

    def _finish(self) -> list[Mention]:
        """The article's mentions through the article passes (passes.ARTICLE_PASSES),
        numbered."""
        out = run_article_passes(self.mentions, self.article_passes)
        for i, m in enumerate(out, 1):
            m.id = f"{self.article.id}:{i}"
            if m.notes and m.day:
                m.notes = write_note(
                    _kind_of(m),
                    m.day.date,
                    m.place.name if m.place else "",
                    m.actor1.name if m.actor1 else None,
                    m.actor2.name if m.actor2 else None,
                    {
                        **m.counts,
                        **({"fatalities": m.fatalities} if m.fatalities is not None else {}),
                    },
                    m.attribution,
                )
        return out


SEPARATE = re.compile(
    r"^\W*(in (a|another) separate (incident|attack|development)|separately|elsewhere)\b", re.I
)


def separate_incident(sentence: str) -> bool:
    """ "In a separate incident the same day, one person was killed": a sentence that says it
    tells another incident is no follow-up of the event before it (its toll is not that
    event's)."""
    return SEPARATE.search(sentence) is not None


BYLINE = re.compile(r"\|| \d{1,2}:\d\d\b|\b\d{1,2}(:\d\d)?\s?(am|pm|a\.m\.|p\.m\.|gmt|utc)\b", re.I)


def _byline(info: SentenceInfo) -> bool:
    """ "News On AIR | February 28, 2020 8:55 AM": a page's own time stamp dates the page, not
    the events it reports."""
    return BYLINE.search(info.sent.text) is not None and len(info.sent.text.split()) < 16


def _story_places(info: SentenceInfo, doc: Doc) -> list[PlaceHit]:
    """The sentence's places without those named only as a route's end, a seat of government
    or a person: neither an event nor "the town" of the next sentence can be there."""
    sent = doc[:]
    keep = []
    for p in info.places:
        tok = token_of(sent, p.start - info.sent.start, p.end - info.sent.start)
        if tok is None or not background_place(sent, tok):
            keep.append(p)
    return keep


def _named_inside(
    trig: Trigger, sent: Span, offset: int, info: SentenceInfo, coarse: list[PlaceHit]
) -> list[PlaceHit]:
    """ "launched a counter-attack near Damascus to retake Eastern Ghouta's town of
    Hamouriyeh", "struck the town of Saqba, eastern Ghouta, Damascus": the action's place is
    named at a coarse scale (province, region, "near" a city) and a town inside it is named in
    the same clause; the town is the place, never coarsened to the province."""
    t = trig.token
    own = subtree_ids(t, {"ccomp", "relcl"})
    verb = next((a for a in t.ancestors if a.pos_ in {"VERB", "AUX"}), None)
    if (trig.nominal or t.dep_ in {"nsubj", "nsubjpass"}) and verb is not None:
        # "was struck by air raids", "shelling killed eight in X" (a gerund as subject)
        own |= subtree_ids(verb, {"ccomp", "relcl"})
    out = []
    for p in info.places:
        if p.province or p.near or level(p.place) < TOWN_LEVEL:
            continue
        if not any(covers(c, p.place) for c in coarse):
            continue
        tok = token_of(sent, p.start - offset, p.end - offset)
        if tok is not None and (tok.i in own or _apposed(tok, sent, offset, coarse)):
            out.append(p)
    return out[:1]


def _apposed(town: Token, sent: Span, offset: int, coarse: list[PlaceHit]) -> bool:
    """ "the town of Saqba, eastern Ghouta, Damascus": the coarse names are hung on the town
    as a chain of appositions, which says where the town is."""
    for c in coarse:
        tok = token_of(sent, c.start - offset, c.end - offset)
        for _ in range(4):
            if tok is None or tok.dep_ not in {"conj", "appos"} or tok.head is tok:
                break
            tok = tok.head
            if tok.i == town.i:
                return True
    return False


def _victim_side(info: SentenceInfo) -> ActorRef | None:
    for a in info.actors:
        if a.actor.side in {"civilians"} | ARMED_SIDES:
            return _actor_ref(a)
    return None


def _kind_of(m: Mention) -> str:
    for kind, sub in tx.KIND_SUB_EVENT.items():
        if sub == m.sub_event_type:
            return kind
    if m.sub_event_type in tx.CAPTURE_SUBS:
        return tx.TERRITORY
    return tx.PROTEST if m.event_type == tx.PROTESTS else tx.CLASH


# -- the rules' reading of a text (the type model's view) -------------------------------------


@dataclass
class RuleReading:
    """What the rule coder makes of a text: its best sub-event type and the kinds it saw."""

    sub_event: str | None = None
    kinds: list[str] = field(default_factory=list)  # every trigger word's kind
    factual: list[str] = field(default_factory=list)  # kinds of factual triggers, after roles
    lemmas: list[str] = field(default_factory=list)  # every trigger word's lemma


def rule_reading(
    sents: list[Span],
    actors: list[ActorHit],
    offset: int = 0,
    triggers: list[Trigger] | None = None,
) -> RuleReading:
    """The rules over SENTS without place or day: the most specific factual action wins
    (KIND_RANK). The type model reads it as features, and it types a text on its own.
    TRIGGERS, when given, are those find_triggers already found in the one sentence of SENTS
    (the coder has them), so that they are not looked for again."""
    out = RuleReading()
    best: tuple[int, str] | None = None
    withdrew = False  # a withdrawal stated as done (not "urged them to withdraw")
    found = [triggers] if triggers is not None and len(sents) == 1 else None
    for k, sent in enumerate(sents):
        for trig in found[k] if found is not None else find_triggers(sent):
            out.kinds.append(trig.kind)
            out.lemmas.append(trig.token.lemma_.lower())
            if not is_factual(trig):
                continue
            if trig.kind == tx.WITHDRAWAL:
                withdrew = True
            a1, a2, _ = assign_actors(trig, sent, offset, actors)
            # "destroyed 300 mines": a weapon found or neutralised, not used (the type reading
            # only: in the coder the verb that neutralised it is the event)
            kind = tx.DISRUPTED if weapon_neutralised(trig) else kind_for(trig, a1, a2, sent.text)
            if kind is None:
                continue
            named = a1 is not None and a1.actor.side != "civilians"
            if kind == tx.KILL and not (named or named_killer(trig)):
                continue  # a toll with nobody named who killed: as in the coder, no event
            if kind == tx.KILL:
                kind = tx.ATTACK if a2 is None or a2.actor.side == "civilians" else tx.CLASH
            out.factual.append(kind)
            rank = tx.KIND_RANK.get(kind, 3)
            if best is None or rank > best[0]:
                best = (rank, sub_event(kind, taker(trig, kind, a1, offset)))
    out.sub_event = best[1] if best else None
    if sents:
        text = sents[0].doc.text[sents[0].start_char : sents[-1].end_char]
        if out.sub_event is None:
            out.sub_event = worded_type(text, withdrew)
        elif out.sub_event == "Peaceful protest":
            # a protest the text goes on to call violent or broken up ("... later, some
            # hurled stones at the police") is typed by the whole text, not its first sentence
            out.sub_event = protest_type(text)
    return out


def type_features(
    sents: list[Span],
    actors: list[ActorHit],
    offset: int = 0,
    reading: RuleReading | None = None,
    triggers: list[Trigger] | None = None,
) -> list[str]:
    """The type model's features for SENTS: their words and the rules' reading of them
    (TRIGGERS: see rule_reading)."""
    reading = reading or rule_reading(sents, actors, offset, triggers)
    words = text_features(sents[0].doc[sents[0].start : sents[-1].end]) if sents else []
    return words + rule_features(reading.sub_event, reading.kinds, reading.factual, reading.lemmas)


# -- batch entry points ---------------------------------------------------------------------


def _parse(infos_by_article: list[list[SentenceInfo]]) -> list[dict[int, Doc]]:
    """Parse the candidate sentences of a batch of articles. A sentence repeated word for
    word (wire copies of one report, an outlet's boilerplate) is parsed once and its Doc
    shared: a sentence's parse depends on its text alone, and the coder only reads Docs."""
    from warwire.read.nlp import load_nlp

    nlp = load_nlp()
    keys: dict[str, list[tuple[int, int]]] = {}  # distinct text -> (article, sentence)s
    for ai, infos in enumerate(infos_by_article):
        for info in infos:
            if info.candidate:
                keys.setdefault(info.sent.text, []).append((ai, info.index))
    out: list[dict[int, Doc]] = [{} for _ in infos_by_article]
    for places, doc in zip(keys.values(), nlp.pipe(keys, batch_size=256), strict=True):
        for ai, si in places:
            out[ai][si] = doc
    return out


def code_articles(
    articles: Iterable[Article], batch: int = 32
) -> Iterator[tuple[Article, list[Mention]]]:
    """Code articles in batches (one nlp.pipe call per batch), yielding in input order."""
    for chunk in batches(articles, batch):
        yield from _code_chunk(chunk)


def _code_chunk(chunk: list[Article]) -> Iterator[tuple[Article, list[Mention]]]:
    infos = [scan_article(a.text, a.published) for a in chunk]
    docs = _parse(infos)
    for art, inf, dd in zip(chunk, infos, docs, strict=True):
        yield art, ArticleCoder(art, inf, dd).run()


def code_article(article: Article) -> list[Mention]:
    """All event mentions of one article."""
    return next(_code_chunk([article]))[1]
