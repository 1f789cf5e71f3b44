"""What the cheap resolvers find in each sentence, before any parsing.

Places (gazetteer), actors (dictionary), days (relative to the publication day) and numbers
are found by fast scanners over every sentence; only sentences that can hold an event are
then parsed. The results are kept per sentence with article offsets.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field

from warwire.code import place_cues
from warwire.code import taxonomy as tx
from warwire.code.descriptions import definite_descriptions, descriptions_of_the_only_group
from warwire.code.unlisted import class_named_spans
from warwire.places import stoplist
from warwire.places.hierarchy import CITIES, as_said, city_of, is_city
from warwire.read.sentences import Sentence, split_sentences
from warwire.records import ActorRef, DayRef, Place, Quantity

PROVINCE_CUE_AFTER = re.compile(
    r"^\s*(province|governorate|countryside|region|provinces|'s countryside)\b", re.I
)
PROVINCE_CUE_BEFORE = re.compile(r"\b(provinces? of|governorate of)\s*$", re.I)
CITY_CUE = re.compile(r"^\s*(city|town)\b", re.I)
CITY_CUE_BEFORE = re.compile(r"\b(city|town|village|outskirts|neighbou?rhoods?) of\s*$", re.I)
NEAR_CUE = re.compile(
    r"\b(near|nearby|outside|around|close to|west of|east of|north of|south of|"
    r"northwest of|northeast of|southwest of|southeast of|outskirts of|[a-z]+ of the town of)"
    r"\s+(the\s+)?([a-z]+\s+){0,3}$",
    re.I,
)
ANAPHOR_CUE = re.compile(
    rf"\b(the|this|that) ({'|'.join(tx.ANAPHOR_CUE_NOUNS)})\b"
    rf"|\bit\b|\b({'|'.join(sorted(tx.PLURAL_AREAS))})\b",
    re.I,
)
NEARBY_ADJ = re.compile(r"\bnearby\s+$", re.I)  # "captured nearby Kfar Roummah": the place itself
INDEFINITE_PLACE = re.compile(
    rf"\ban?\s+([\w-]+\s+){{0,3}}({'|'.join(sorted(tx.UNNAMED_PLACE_NOUNS))})\b", re.I
)
FIGHT_BETWEEN = re.compile(r"\b(clash|fight|battl|firefight)\w*\s+between\b", re.I)
# a weapon or a kidnapping, which a wire report adds as a sentence of its own after the
# story's lead ("They targeted the troops with two car bombs", "Some of the captured soldiers
# were executed", `warwire.code.recall.story_place`)
FOLLOW_ON_CUE = re.compile(
    r"\b(car[- ]?bombs?|suicide|(land)?mines?\b|explosive devices?|IEDs?\b|booby|kidnap|"
    r"abduct|executed|executions?|beheaded|grenades?)",
    re.I,
)
# "in the camp", "inside the town": a place named before, pointed back to by its noun
BACK_TO_PLACE = re.compile(
    r"\b(in|inside|at|near|outside|from|on the outskirts of) the (town|city|village|camp|district|"
    r"neighbou?rhood)\b(?!\s+of\b)",
    re.I,
)


HELD_BY = re.compile(
    r"\b(held|controlled|run|dominated|besieged|occupied) by (the )?$"
    r"|\bunder (the )?control of (the )?$",
    re.I,
)
HELD_CUE = re.compile(
    r"^[\s,]*(an?\s+)?([a-z-]+\s+)?"
    r"(rebel|opposition|regime|government|is|isis|sdf|kurdish|jihadist)[- ]held",
    re.I,
)


@dataclass
class PlaceHit:
    start: int  # article offsets
    end: int
    surface: str
    place: Place
    province: bool  # names a whole governorate, not the town
    near: bool  # "near X", "outside X": the event is around X, not in it

    @property
    def key(self) -> str:
        """What two hits of one place share: the gazetteer id, or the name of a place no
        gazetteer lists (a village the report itself calls one)."""
        return self.place.id or self.place.name


@dataclass
class ActorHit:
    start: int
    end: int
    surface: str
    actor: ActorRef
    holder: bool = False  # "a town held by IS": who holds the place, not who acted
    backer: ActorRef | None = None  # "Turkish-backed rebels": the patron, an associate

    def ref(self) -> ActorRef:
        """The actor as this hit names it: its dictionary entry under the hit's words."""
        return self.actor.said_as(self.surface)


@dataclass
class DayHit:
    start: int
    end: int
    day: DayRef


@dataclass
class SentenceInfo:
    sent: Sentence
    index: int
    places: list[PlaceHit] = field(default_factory=list)
    actors: list[ActorHit] = field(default_factory=list)
    days: list[DayHit] = field(default_factory=list)
    numbers: list[Quantity] = field(default_factory=list)
    candidate: bool = False
    abroad: list[PlaceHit] = field(default_factory=list)  # places named outside Syria


def scan_article(text: str, published: dt.date | None) -> list[SentenceInfo]:
    """Split TEXT and run the fast scanners over each sentence."""
    from warwire.read.actors import load_actors
    from warwire.read.dates import find_days
    from warwire.read.numbers import find_numbers

    actors = load_actors()
    infos: list[SentenceInfo] = []
    for i, s in enumerate(split_sentences(text)):
        info = SentenceInfo(sent=s, index=i, candidate=tx.CANDIDATE.found(s.text))
        info.actors = [
            ActorHit(
                s.start + a.start,
                s.start + a.end,
                a.surface,
                a.actor,
                holder=HELD_BY.search(s.text[max(0, a.start - 30) : a.start]) is not None,
                backer=a.backer,
            )
            for a in actors.find(s.text)
        ]
        if published is not None:
            info.days = [
                DayHit(s.start + a, s.start + b, d) for a, b, d in find_days(s.text, published)
            ]
        info.numbers = [
            Quantity(q.value, q.qualifier, q.text, s.start + q.start, s.start + q.end)
            for q in find_numbers(s.text)
        ]
        infos.append(info)
    _resolve_places(text, infos)
    _strays(infos)
    _unlisted_places(infos)
    _own_army(infos, actors)
    _definite_back_references(infos)
    definite_descriptions(infos)
    descriptions_of_the_only_group(infos)
    from warwire.code.recall import delayed_lede  # recall reads the scanned sentences

    one_province = article_province(infos) is not None  # a lead naming two sides was there
    for k, info in enumerate(infos):
        # an event needs a place: named, pointed back to ("the town", "it", "villages"),
        # inherited by a figure ("Ten soldiers were wounded."), or named by the next sentence
        # ("retook a key town. Saraqeb, which ..."); other sentences are not parsed
        if info.candidate and not (info.places or info.numbers):
            info.candidate = (
                ANAPHOR_CUE.search(info.sent.text) is not None
                or (
                    INDEFINITE_PLACE.search(info.sent.text) is not None
                    and k + 1 < len(infos)
                    and (
                        opens_with_place(infos[k + 1]) is not None
                        or capture_named_later(infos, k) is not None
                    )
                )
                or (
                    FIGHT_BETWEEN.search(info.sent.text) is not None
                    and k > 0
                    and any(not p.province for p in infos[k - 1].places)
                )
                or (k < LEAD_SENTENCES and one_province and len(_sides(info)) >= 2)
                or (k > 0 and follow_on_cue(info.sent.text))
                or delayed_lede(k, infos)
            )
    return infos


def follow_on_cue(text: str) -> bool:
    """A sentence naming a weapon or a kidnapping is worth parsing even with no place of its
    own: it may continue the story told just before ("They also used two car bombs.")."""
    return FOLLOW_ON_CUE.search(text) is not None or BACK_TO_PLACE.search(text) is not None


LEAD_SENTENCES = 2


def article_province(infos: list[SentenceInfo]) -> str | None:
    """The one province every place the article names lies in, or None."""
    admins = {p.place.admin1 for i in infos for p in i.places if p.place.admin1}
    return next(iter(admins)) if len(admins) == 1 else None


def _sides(info: SentenceInfo) -> set[str]:
    return {a.actor.side for a in info.actors if a.actor.side not in {"civilians", "unknown"}}


def opens_with_place(info: SentenceInfo) -> PlaceHit | None:
    """The town whose name begins the sentence ("Maaret al-Numan, a former ..."), if any."""
    first = [p for p in info.places if not p.province]
    return first[0] if first and first[0].start - info.sent.start <= 2 else None


CAPTURE_OF = re.compile(
    r"\b(?:the )?(?:capture|fall|takeover|seizure|recapture|liberation|loss) of "
    r"(?:the (?:\w+ )?(?:town|city|village) of )?$",
    re.I,
)
POSSESSIVE_FALL = re.compile(r"^\s*(?:'s|\u2019s)\s+(?:fall|capture|takeover|loss)\b", re.I)
CAPTURE_REACH = 4  # sentences after the one that says only "a key town"


def capture_named_later(infos: list[SentenceInfo], k: int) -> PlaceHit | None:
    """ "Kurdish forces seized a key border town. ... The capture of X was the biggest
    setback", "X's fall to the rebels": the lead says only "a key town", and a sentence a
    little further on names its capture (or fall) with the place, as wire copy does."""
    for follow in infos[k + 1 : k + 1 + CAPTURE_REACH]:
        text, at = follow.sent.text, follow.sent.start
        for p in follow.places:
            if p.province:
                continue
            before = text[max(0, p.start - at - 40) : p.start - at]
            if CAPTURE_OF.search(before) or POSSESSIVE_FALL.search(text[p.end - at :]):
                return p
    return None


FOREIGN_GROUND = {"turkey", "us_coalition"}  # states whose own troops fight on the ground
GENERIC_TROOPS = re.compile(
    r"^(the )?((military|army|armed) )?"
    r"(troops?|soldiers?|personnel|servicemen|forces|army|military)$",
    re.I,
)


def _own_army(infos: list[SentenceInfo], actors) -> None:
    """ "33 military personnel were killed" in a report about Turkish troops: unqualified
    troops are the article's own army. The dictionary reads them as the Syrian army; when a
    foreign state with troops on the ground is named more often than the Syrian state, they
    are that state's."""
    hits = [a for info in infos for a in info.actors]
    generic = [a for a in hits if a.actor.side == "syrian_government" and _is_generic(a)]
    if not generic:
        return
    named = Counter(a.actor.side for a in hits if not _is_generic(a))
    foreign = max(FOREIGN_GROUND, key=lambda s: named[s])
    if named[foreign] <= named["syrian_government"]:
        return
    ref = actors.by_side(foreign)
    if ref is None:
        return
    for a in generic:
        a.actor = ref.said_as(a.surface)


# "the coalition", "the alliance": a collective noun with the article, standing alone, names
# the last actor the article named with that noun as its head ("the US-led coalition")
BACK_HEADS = ("coalition", "alliance", "militia")  # not "front": "the front" is a line
BACK_REFERENCE = re.compile(rf"\bthe ({'|'.join(BACK_HEADS)})\b(?![- ]\w*-?led)", re.I)


def _definite_back_references(infos: list[SentenceInfo]) -> None:
    """ "Airstrikes by the US-led coalition killed 21 ... 15 were killed as the coalition
    carried out raids in Manbij": a bare "the coalition" is the coalition the article has
    already named. The dictionary leaves it unread, since alone it could be any coalition
    (Syria's opposition has one too); after a named one it is that one."""
    last: dict[str, ActorHit] = {}
    for info in infos:
        taken = [(a.start, a.end) for a in info.actors]
        added: list[ActorHit] = []
        for m in BACK_REFERENCE.finditer(info.sent.text):
            start, end = info.sent.start + m.start(), info.sent.start + m.end()
            ref = last.get(m.group(1).lower())
            if ref is None or any(s < end and start < e for s, e in taken):
                continue
            added.append(ActorHit(start, end, m.group(0), ref.actor))
        for a in info.actors:
            for word in re.findall(r"[a-z]+", a.surface.lower()):
                if word in BACK_HEADS:
                    last[word] = a
        if added:
            info.actors = sorted(info.actors + added, key=lambda a: a.start)


def _is_generic(a: ActorHit) -> bool:
    return GENERIC_TROOPS.match(a.surface.strip()) is not None


def _resolve_places(text: str, infos: list[SentenceInfo]) -> None:
    """Resolve gazetteer names with the provinces and places the article itself names."""
    from warwire.places import load_gazetteer

    gaz = load_gazetteer()
    dateline = place_cues.dateline_span(text)
    raw: list[tuple[SentenceInfo, object]] = []
    provinces: list[str] = []
    local: dict[int, list[str]] = {}
    cities: dict[int, set[str]] = {}
    for info in infos:
        for span in gaz.find(info.sent.text):
            s = info.sent.start + span.start
            if dateline is not None and dateline[0] <= s < dateline[1]:
                continue  # "DAMASCUS, Syria (AP) —": where the report was filed
            raw.append((info, span))
            prov = gaz.province(span.surface)
            if prov:
                provinces.append(prov)
                local.setdefault(info.index, []).append(prov)
            city = prov or next((c.name for c in span.candidates[:1] if is_city(c)), "")
            if city and city in CITIES:
                cities.setdefault(info.index, set()).add(city)
    persons = _persons(text, raw)
    named_cities = set().union(*cities.values()) | set(provinces)
    resolved: list[Place] = []
    seen_names: dict[str, Place] = {}  # one name, one place within an article
    for info, span in raw:
        s = info.sent.start + span.start
        e = info.sent.start + span.end
        before = text[max(0, s - 40) : s]
        after = text[e : e + 25]
        if span.surface in persons or _not_a_place_here(text, s, e, span.candidates):
            continue
        syrian = [c for c in span.candidates if (c.country or "Syria") == "Syria"]
        if not syrian:
            if span.candidates:
                info.abroad.append(
                    PlaceHit(s, e, span.surface, span.candidates[0], province=False, near=False)
                )
            continue
        prov = gaz.province(span.surface)
        is_province = bool(prov) and (
            PROVINCE_CUE_AFTER.search(after) is not None
            or PROVINCE_CUE_BEFORE.search(before) is not None
            or (CITY_CUE.search(after) is None and CITY_CUE_BEFORE.search(before) is None)
        )
        quarter = None
        if not prov and not any(is_city(c) for c in syrian[:1]):
            quarter = place_cues.quarter_of_named_city(
                span.surface, after, text[max(0, s - 80) : s], syrian, cities.get(info.index, set())
            )
        if is_province and prov:
            place = gaz.admin_place(prov)
        elif span.surface in seen_names:
            place = seen_names[span.surface]
        else:
            # the sentence's own capital stands for its countryside too ("Outside Damascus,
            # shelling hit X"); the article's provinces elsewhere hint as named
            hints = [a for h in local.get(info.index, []) for a in as_said(h)] + provinces
            place = quarter or gaz.resolve(span.surface, admin1_hint=hints, near=resolved[-8:])
            if place is not None and _quarter_elsewhere(place, named_cities):
                other = next((c for c in syrian if not _quarter_elsewhere(c, named_cities)), None)
                exact = place_cues.exact_spelling(span.surface, place)
                place = other or (place if exact else None)
            if place is None:
                continue
            if len({c.admin1 for c in syrian if c.admin1}) > 1:
                place = dataclasses.replace(place, shared_name=True)  # towns in two provinces
            if place.feature != "admin1":
                resolved.append(place)
                seen_names[span.surface] = place
        if place_cues.names_a_base(after):
            place = next((c for c in syrian if c.feature == "base"), place)
        info.places.append(
            PlaceHit(
                start=s,
                end=e,
                surface=span.surface,
                place=place,
                province=is_province,
                near=NEAR_CUE.search(before) is not None
                and NEARBY_ADJ.search(before) is None
                and not is_province,
            )
        )


STRAY_KM = 100.0  # a small place this far from every other place of the story is a misreading


def _unlisted_places(infos: list[SentenceInfo]) -> None:
    """ "a checkpoint in the town of Kiheel, east Daraa", "the villages of A, B and C", "in A
    village": a place called a town, a village or an area that no source lists is kept by the
    name the report gives it, in the province the sentence (or else the article) names
    (`warwire.code.unlisted`)."""
    from warwire.places import load_gazetteer, unknown_place

    gaz = load_gazetteer()
    admins = Counter(p.place.admin1 for i in infos for p in i.places if p.place.admin1)
    main = admins.most_common(1)[0][0] if admins else ""
    # one name, one place: a spelling the gazetteer placed in another sentence of the
    # article ("In the al-Tayyana area") is that place here too
    known = {p.surface.lower(): p.place for i in infos for p in i.places if p.place.id}
    for info in infos:
        added: list[PlaceHit] = []
        for a, b, name in class_named_spans(info.sent.text):
            s, e = info.sent.start + a, info.sent.start + b
            if any(p.start < e and s < p.end for p in info.places + info.abroad + added):
                continue
            if _not_a_town_name(name, gaz):
                continue
            here = [p.place.admin1 for p in info.places if p.place.admin1]
            place = known.get(name.lower()) or unknown_place(name, admin1=here[0] if here else main)
            added.append(PlaceHit(s, e, name, place, province=False, near=False))
        if added:
            info.places = sorted(info.places + added, key=lambda p: p.start)


COUNTRY_WORDS = frozenset({"syria", "syrian", "arab", "republic"})


def _not_a_town_name(name: str, gaz) -> bool:
    """A country ("the towns of Syria"), a province, a word of English or a group's name
    after "the town of" names no unlisted town."""
    keys = [w.lower().split("-")[-1] for w in name.split()]
    stopped = stoplist.always_stopped() | stoplist.english_words()
    if keys[0] in stopped and (len(keys) == 1 or any(k in stopped for k in keys[1:])):
        return True  # "Ain Qufrez", "Tell Dibs": a generic first word before a proper name
    if any(k in COUNTRY_WORDS for k in keys):
        return True
    return bool(gaz.province(name)) or any(c.country != "Syria" for c in gaz.candidates(name))


def _strays(infos: list[SentenceInfo]) -> None:
    """ "protests closed roads in Al-Hossan and Mohaimada villages" in a report on Deir ez-Zor:
    a small place the gazetteer finds only in a province the story never names, far from
    every other place of the story, is the story's own village spelled otherwise; it is kept
    by the report's name in the story's province."""
    from warwire.places import distance_km, load_gazetteer, unknown_place

    gaz = load_gazetteer()
    hits = [p for i in infos for p in i.places]
    named = {p.place.admin1 for p in hits if p.province}
    admins = Counter(p.place.admin1 for p in hits if p.place.admin1)
    if not admins:
        return
    main = admins.most_common(1)[0][0]
    for info in infos:
        for k, p in enumerate(info.places):
            pl = p.place
            if p.province or not pl.id or pl.admin1 in named or pl.admin1 == main:
                continue
            if pl.feature not in ("populated place", "neighbourhood") or gaz.prominent(pl):
                continue
            others = [
                q.place
                for q in hits
                if q.place.admin1 != pl.admin1 and q.place.latitude is not None
            ]
            if len(others) < 2 or admins[pl.admin1] > 1:
                continue
            if min(distance_km(pl, q) for q in others) > STRAY_KM:
                info.places[k] = dataclasses.replace(p, place=unknown_place(p.surface, admin1=main))


NAME_PAIR = re.compile(r"\b([A-Z][a-z]+) (?=([A-Z][\w'’-]*\w))")


def _persons(text: str, raw: list) -> set[str]:
    """Names the article uses as a person's ("Ahmed Afesh, a commander"): such a name is no
    place anywhere in that article ("Afesh showed off the tanks")."""
    names = {
        span.surface
        for _info, span in raw
        if span.candidates
        and not span.candidates[0].feature.startswith("admin")
        and " " not in span.surface
    }
    out: set[str] = set()
    if not names:
        return out
    cues = stoplist.person_cues()
    for m in NAME_PAIR.finditer(text):
        name = re.sub(r"['’]s$", "", m.group(2))
        if name not in names or name in out:
            continue
        if m.group(1).lower() in cues or place_cues.surname_after_given_name(
            text, m.start(2), name
        ):
            out.add(name)
    return out


def _quarter_elsewhere(place: Place, named: set[str]) -> bool:
    """A quarter of a city the article never names ("the al-Masaken checkpoint" in a report
    on Daraa is no quarter of Hasakah): another entry of the name is preferred, and a quarter
    spelled otherwise than its sources spell it is dropped."""
    city = city_of(place)
    return bool(city) and city not in named and place.admin1 not in named


def _not_a_place_here(text: str, start: int, end: int, candidates: list[Place]) -> bool:
    """The name is part of a building's or a person's name (see place_cues)."""
    if not candidates:
        return True
    surface = text[start:end]
    exact = place_cues.exact_spelling(surface, candidates[0])
    if place_cues.names_a_building(text[end : end + 40], exact):
        return True
    if place_cues.names_an_outlet(text[end : end + 20]):
        return True
    return not candidates[0].feature.startswith("admin") and (
        place_cues.surname_after_given_name(text, start, surface)
    )
