"""An event's fields, taken by agreement from the mentions that report it.

Place and day come from the most precise reports; type and actors from the majority of
independent sources; every figure stays a claim with who said it and the day it was
reported, and figures that differ between reports become conflicts. A toll is a casualty
monitor's when one counted it, else the latest one reported by a named source: tolls rise as
bodies are counted, and the early figure is kept as a claim and a conflict, not as the
event's.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Hashable
from typing import TypeVar

from warwire.code.taxonomy import PROTEST_SUBS
from warwire.merge.identity import is_area, is_capture
from warwire.merge.notes import event_note
from warwire.records import Article, Claim, Conflict, Event, Mention

T = TypeVar("T", bound=Hashable)

MONITORS = ("observatory", "sohr", "monitor", "white helmets", "civil defence", "un ", "ocha")


def _vote(
    mentions: list[Mention],
    key: Callable[[Mention], T | None],
    group: dict[str, str],
    support: list[Mention] | None = None,
) -> T | None:
    """Most common value, one vote per independent source (wire group); on ties the value
    more of SUPPORT (the event's other reports) give, then the one more reports repeat, then
    the first seen."""
    seen: set[tuple[str, Hashable]] = set()
    votes: Counter[T] = Counter()
    raw: Counter[T] = Counter()  # ties: the value more reports repeat
    order: dict[T, int] = {}
    for i, m in enumerate(mentions):
        v = key(m)
        if v is None:
            continue
        raw[v] += 1
        src = group.get(m.article, m.article)
        if (src, v) in seen:
            continue
        seen.add((src, v))
        votes[v] += 1
        order.setdefault(v, i)
    if not votes:
        return None
    top = max(votes.values())
    tied = [v for v in votes if votes[v] == top]
    if len(tied) == 1:
        return tied[0]
    backed: Counter[T] = Counter(v for v in map(key, support or []) if v is not None)
    return max(tied, key=lambda v: (backed[v], raw[v], -order[v]))


def independent_groups(mentions: list[Mention], group: dict[str, str]) -> list[str]:
    out: list[str] = []
    for m in mentions:
        g = group.get(m.article, m.article)
        if g not in out:
            out.append(g)
    return out


def confidence(n_independent: int, attributions: list[str]) -> str:
    """high: three independent reports, or two that cite different sources, one a monitor;
    medium: two independent reports; low: a single report (or wire copies of one)."""
    monitor = any(any(k in a.lower() for k in MONITORS) for a in attributions)
    distinct = len({a.lower() for a in attributions if a})
    if n_independent >= 3 or (n_independent >= 2 and monitor and distinct >= 2):
        return "high"
    if n_independent >= 2:
        return "medium"
    return "low"


def _conflicts(claims: list[Claim], group: dict[str, str]) -> list[Conflict]:
    by_field: dict[str, dict[int, set[str]]] = {}
    for c in claims:
        by_field.setdefault(c.field, {}).setdefault(c.value, set()).add(
            group.get(c.article, c.article)
        )
    out = []
    for f, values in sorted(by_field.items()):
        if len(values) > 1:
            out.append(Conflict(field=f, values=sorted(values)))
    return out


AGENCIES = {
    "AP": r"AP|Associated Press",
    "AFP": r"AFP|Agence France-Presse",
    "Reuters": r"Reuters",
    "Anadolu": r"Anadolu|AA",
    "TASS": r"TASS",
    "DPA": r"DPA|dpa",
    "Xinhua": r"Xinhua",
}
_AGENCY_IN_OUTLET = re.compile(
    r"\((?:[^)]*\b)?(" + "|".join(f"(?P<{k}>{p})" for k, p in AGENCIES.items()) + r")\b[^)]*\)"
)
_AGENCY_DATELINE = re.compile(
    r"^[A-Z][A-Za-z ,.]{0,40}\(("
    + "|".join(f"(?P<{k}>{p})" for k, p in AGENCIES.items())
    + r")\)\s*[-\u2013\u2014]",
    re.M,
)


def agency(article: Article) -> str:
    """The news agency whose story an outlet republishes: "(AP)" or "(Reuters)" in the outlet's
    name, or an agency dateline ("BEIRUT (Reuters) -") opening one of the first lines."""
    m = _AGENCY_IN_OUTLET.search(article.outlet or "")
    if m is None and "(" in (article.text or "")[:1200]:
        head = "\n".join(ln.strip() for ln in (article.text or "")[:1200].splitlines())
        m = _AGENCY_DATELINE.search(head)
    if m is None:
        return ""
    return next(k for k, v in m.groupdict().items() if v)


def wire_groups(articles: dict[str, Article]) -> dict[str, str]:
    """Article id -> its independent source: the agency whose copy it carries, else its wire
    group (near-identical text), else itself. The same AP story on two sites counts once."""
    out = {}
    for aid, a in articles.items():
        ag = agency(a)
        out[aid] = f"agency:{ag}" if ag else (a.wire_group or aid)
    return out


# "a dozen" alone is twelve; "almost a dozen" and "dozens" are sizes
VAGUE = re.compile(
    r"\b(dozens|scores|hundreds|thousands|several|many|a few)\b|"
    r"\b(almost|nearly|about|around|some|roughly|over|more than) a dozen\b",
    re.I,
)


def vague_count(c: Claim) -> bool:
    """ "Almost a dozen", "scores", "hundreds": a count in words of size, not a number. A toll
    reported as a number ("at least 11") is kept over it wherever both are given."""
    return not any(ch.isdigit() for ch in c.text) and VAGUE.search(c.text) is not None


def monitor_claims(claims: list[Claim]) -> list[Claim]:
    """ "The Observatory said at least 17 were killed" beside "state TV said more than 400 were
    massacred": when a casualty monitor counts the toll of an event, its count is the one an
    event record keeps; a party's media, an activist or residents give the rival figures,
    kept as claims and conflicts. Empty when no monitor gave a figure."""
    return [c for c in claims if any(k in f" {c.attributed_to.lower()} " for k in MONITORS)]


def latest_toll(claims: list[Claim], group: dict[str, str]) -> int | None:
    """The event's toll: numbers before vague counts ("scores"); among these a casualty
    monitor's figures (`monitor_claims`), else the figures from a named source (any figure
    when none is named); of these those of the latest reporting day, and of these the one
    most independent sources give, and the higher on a tie (a toll that rose between reports:
    29, then 33)."""
    fatal = [c for c in claims if c.field == "fatalities"]
    if not fatal:
        return None
    fatal = [c for c in fatal if not vague_count(c)] or fatal
    named = monitor_claims(fatal) or [c for c in fatal if c.attributed_to] or fatal
    last = max(c.day for c in named)
    latest = [c for c in named if c.day == last]
    support: dict[int, set[str]] = {}
    for c in latest:
        support.setdefault(c.value, set()).add(group.get(c.article, c.article))
    return max(support, key=lambda v: (len(support[v]), v))


def build_event(
    event_id: str,
    mentions: list[Mention],
    articles: dict[str, Article],
    group: dict[str, str] | None = None,
) -> Event:
    group = group if group is not None else wire_groups(articles)
    ms = sorted(
        mentions,
        key=lambda m: (
            m.geo_precision if m.place else 9,
            m.day.precision if m.day else 9,
            m.article,
            m.id,
        ),
    )
    spots = _spots(ms)
    best_geo = min((m.geo_precision for m in spots if m.place), default=3)
    geo_ms = [m for m in spots if m.place and m.geo_precision == best_geo]
    # one name, two gazetteer entries: the entry a report's own words place ("in Hasakah
    # province") wins over one chosen without context
    geo_ms = [m for m in geo_ms if _placed_by_context(m)] or geo_ms
    place_id = _vote(geo_ms, lambda m: (m.place.id or m.place.name) if m.place else None, group)
    place_m = next(
        (m for m in geo_ms if m.place and (m.place.id or m.place.name) == place_id), None
    )
    place = place_m.place if place_m else None

    # a capture and its fighting: the day the place changed hands
    dated = [m for m in ms if m.day and is_capture(m)] or [m for m in ms if m.day]
    best_prec = min((m.day.precision for m in dated if m.day), default=None)
    day_ms = [m for m in dated if m.day and m.day.precision == best_prec]
    # a capture's day told two ways by one source: the day its fighting was told on too
    # ("recaptured the town on Saturday" beside a day worked out wrongly from "a day after")
    also = (
        [m for m in ms if m.day and m.day.precision == best_prec and not is_capture(m)]
        if dated and is_capture(dated[0])
        else None
    )
    date = _vote(day_ms, _day_of, group, also)
    date_range: tuple[dt.date, dt.date] | None = None
    if best_prec and best_prec > 1 and day_ms:
        lo = max(m.day.start for m in day_ms if m.day)
        hi = min(m.day.end for m in day_ms if m.day)
        if lo <= hi:
            date_range = (lo, hi)
        elif date:
            date_range = (date, date)

    # a capture and the fighting for it: the event is the capture, and its direction is the
    # capture's (a clash report names the two camps in either order)
    typed = [m for m in ms if is_capture(m)] or ms
    sub = _protest_type(typed) or _vote(typed, lambda m: m.sub_event_type, group)
    sub = sub or typed[0].sub_event_type
    etype = next(m.event_type for m in typed if m.sub_event_type == sub)
    a1 = _vote(typed, lambda m: m.actor1.name if m.actor1 else None, group)
    a2 = _vote(typed, lambda m: m.actor2.name if m.actor2 else None, group)
    side1 = next((m.actor1.side for m in typed if m.actor1 and m.actor1.name == a1), "")
    side2 = next((m.actor2.side for m in typed if m.actor2 and m.actor2.name == a2), "")
    assoc1 = _unique(a.name for m in ms for a in m.assoc_actor_1 if a.name not in (a1, a2))
    assoc2 = _unique(a.name for m in ms for a in m.assoc_actor_2 if a.name not in (a1, a2))

    told = _toll_reports(ms)
    if told is ms:
        claims = _unique_claims(_dated(c, articles) for m in ms for c in m.claims)
    else:
        tolled = {id(m) for m in told}
        claims = _unique_claims(
            _dated(c, articles)
            for m in ms
            for c in m.claims
            if c.field != "fatalities" or id(m) in tolled
        )
    toll = latest_toll(claims, group)
    reported_zero = any(m.fatalities == 0 for m in ms)
    fatalities = toll if toll is not None else (0 if reported_zero else None)
    counts: dict[str, int] = {}
    for c in claims:
        if c.field != "fatalities":
            counts[c.field] = min(counts.get(c.field, c.value), c.value)
    for m in ms:  # counts that came without a claim (should be rare)
        for k, v in m.counts.items():
            counts.setdefault(k, v)

    arts = _unique(m.article for m in sorted(ms, key=lambda m: m.article))
    outlets = _unique(
        (articles[a].outlet if a in articles and articles[a].outlet else "") or a for a in arts
    )
    attributions = _unique(
        [m.attribution for m in ms if m.attribution]
        + [c.attributed_to for c in claims if c.attributed_to]
    )
    groups = independent_groups(ms, group)
    event = Event(
        id=event_id,
        event_type=etype,
        sub_event_type=sub,
        date=date,
        date_range=date_range,
        time_precision=best_prec or 3,
        actor1=a1,
        actor2=a2,
        actor1_side=side1,
        actor2_side=side2,
        assoc_actor_1=assoc1,
        assoc_actor_2=assoc2,
        country=place.country if place else "Syria",
        admin1=place.admin1 if place else "",
        admin2=place.admin2 if place else "",
        admin3=place.admin3 if place else "",
        location=place.name if place else "",
        place_id=place.id if place else "",
        latitude=place.latitude if place else None,
        longitude=place.longitude if place else None,
        geo_precision=best_geo,
        fatalities=fatalities,
        counts=counts,
        articles=arts,
        outlets=outlets,
        sources=_unique(outlets + attributions),
        claims=claims,
        conflicts=_conflicts(claims, group),
        evidence=_unique_evidence(e for m in ms for e in m.evidence),
        mentions=[m.id for m in ms],
        independent_sources=len(groups),
        confidence=confidence(len(groups), attributions),
    )
    event.notes = event_note(event)
    return event


def _day_of(m: Mention) -> dt.date | None:
    return m.day.date if m.day else None


def _protest_type(ms: list[Mention]) -> str | None:
    """One protest told with and without the force used on it: the most forceful type a
    report gives (state media tell the rally, witnesses the shooting), as ACLED codes it.
    None unless every report is of a protest."""
    if not ms or any(m.sub_event_type not in PROTEST_SUBS for m in ms):
        return None
    return max((m.sub_event_type for m in ms), key=PROTEST_SUBS.index)


def _spots(ms: list[Mention]) -> list[Mention]:
    """One action at two scales: the reports naming the town, not the region or province it
    lies in (a region's line lent to its towns' events, see `warwire.merge.spread`)."""
    placed = [m for m in ms if m.place and not is_area(m.place)]
    return [m for m in placed if m.place and m.place.feature != "region"] or placed or ms


def _placed_by_context(m: Mention) -> bool:
    admin = m.place.admin1 if m.place else ""
    return bool(admin) and any(admin.lower() in e.text.lower() for e in m.evidence)


def _toll_reports(ms: list[Mention]) -> list[Mention]:
    """The reports whose figures count: a region's or province's toll ("57 dead across the
    Eastern Ghouta") sums several towns, so it counts only when no report of the named town
    gives a figure."""
    if len(ms) == 1:
        return ms
    spot = area = False
    for m in ms:
        if m.claims and any(c.field == "fatalities" for c in m.claims):
            if m.place and is_area(m.place):
                area = True
            elif m.place:
                spot = True
    if not (spot and area):
        return ms
    return [m for m in ms if not (m.place and is_area(m.place))]


def _dated(c: Claim, articles: dict[str, Article]) -> Claim:
    """The claim with the day of the report that made it (claims stored before days were)."""
    if c.day:
        return c
    a = articles.get(c.article)
    if a is None or a.published is None:
        return c
    return Claim(
        c.field, c.value, c.article, c.qualifier, c.attributed_to, c.outlet, c.text,
        a.published.isoformat(),
    )  # fmt: skip


def _unique(items) -> list:
    out: list = []
    for x in items:
        if x and x not in out:
            out.append(x)
    return out


def _unique_claims(claims) -> list[Claim]:
    seen = set()
    out = []
    for c in claims:
        k = (c.field, c.value, c.article, c.text)
        if k not in seen:
            seen.add(k)
            out.append(c)
    return out


def _unique_evidence(evidence) -> list:
    seen = set()
    out = []
    for e in evidence:
        k = (e.article, e.start, e.end)
        if k not in seen:
            seen.add(k)
            out.append(e)
    return out
