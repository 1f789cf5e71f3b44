"""The plain records passed between pipeline stages.

Every stage takes and returns these dataclasses, so one article can be followed from its file
to its events and each stage can be tested alone. They hold no behaviour beyond (de)serialising.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from typing import Any

# The days a query may ask about (API, CLI): beyond them date arithmetic overflows.
FIRST_DAY, LAST_DAY = dt.date(1900, 1, 1), dt.date(2100, 12, 31)


@dataclass
class Article:
    """One report as an outlet published it, after cleaning."""

    id: str
    text: str
    title: str = ""
    url: str = ""
    outlet: str = ""
    published: dt.date | None = None
    language: str = "en"
    source_file: str = ""
    content_hash: str = ""  # sha256 of the cleaned text: re-ingest key
    fingerprint: str = ""  # near-duplicate key (wire group id), set at ingest
    wire_group: str = ""  # id of the first article in its wire-copy group


@dataclass
class IngestError:
    """A file or record that could not be read; the batch goes on without it."""

    path: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


@dataclass
class Place:
    """A gazetteer entry, or a place known only by name (id empty, no coordinates)."""

    name: str
    id: str = ""
    admin1: str = ""
    admin2: str = ""
    admin3: str = ""
    country: str = "Syria"
    latitude: float | None = None
    longitude: float | None = None
    feature: str = ""  # populated place, admin1, admin2, hill, base, region ...
    alt_names: list[str] = field(default_factory=list)
    shared_name: bool = False  # the gazetteer has towns of this name in several provinces


@dataclass
class DayRef:
    """A resolved day: best single day, the bounding range, ACLED time precision."""

    date: dt.date
    start: dt.date
    end: dt.date
    precision: int = 1  # 1 day known, 2 within a week, 3 within a month
    text: str = ""  # the words it came from ("late Tuesday")


@dataclass
class Quantity:
    """A reported number with its qualifier ("more than 120")."""

    value: int
    qualifier: str = ""  # "", "more than", "at least", "nearly", "about", "up to" ...
    text: str = ""
    start: int = 0  # character offsets in the article text
    end: int = 0


@dataclass
class ActorRef:
    """An actor as the outlet named it, normalised to a dictionary entry."""

    name: str  # ACLED-style name, e.g. "Military Forces of Syria (2000-)"
    side: str  # coarse side: syrian_government, russia, opposition, civilians ...
    surface: str = ""  # the outlet's own words ("regime forces")
    key: str = ""  # dictionary key

    def said_as(self, surface: str) -> ActorRef:
        """This actor under the words SURFACE that an outlet used for it."""
        return ActorRef(self.name, self.side, surface, self.key)


@dataclass
class Evidence:
    article: str
    start: int
    end: int
    text: str


@dataclass
class Claim:
    """A reported figure with who said it."""

    field: str  # fatalities, wounded, airstrikes, displaced ...
    value: int
    article: str
    qualifier: str = ""
    attributed_to: str = ""
    outlet: str = ""
    text: str = ""
    day: str = ""  # ISO day of the report that gave it, so the latest figure can be told


@dataclass
class Mention:
    """One event as one article reports it. Mentions are never thrown away: they are evidence."""

    id: str
    article: str
    event_type: str
    sub_event_type: str
    day: DayRef | None
    place: Place | None
    geo_precision: int = 1
    actor1: ActorRef | None = None
    actor2: ActorRef | None = None
    assoc_actor_1: list[ActorRef] = field(default_factory=list)
    assoc_actor_2: list[ActorRef] = field(default_factory=list)
    fatalities: int | None = None
    counts: dict[str, int] = field(default_factory=dict)
    claims: list[Claim] = field(default_factory=list)
    attribution: str = ""
    evidence: list[Evidence] = field(default_factory=list)
    outlet: str = ""
    wire_group: str = ""
    summary: bool = False  # province-wide roll-up ("strikes killed 35 in Idlib and Aleppo")
    notes: str = ""
    also_at: list[str] = field(default_factory=list)  # places of the same action ("A and B")

    def add_evidence_of(self, other: Mention) -> None:
        """Take the claims and evidence of OTHER, a retelling folded into this mention, that
        it lacks: a mention folded away still counts as evidence of the event."""
        self.claims.extend(c for c in other.claims if c not in self.claims)
        self.evidence.extend(e for e in other.evidence if e not in self.evidence)


@dataclass
class Conflict:
    field: str
    values: list[int]


@dataclass
class Event:
    """One real-world event: a cluster of mentions, fields taken by agreement."""

    id: str
    event_type: str
    sub_event_type: str
    date: dt.date | None
    date_range: tuple[dt.date, dt.date] | None = None
    time_precision: int = 1
    actor1: str | None = None
    actor2: str | None = None
    actor1_side: str = ""
    actor2_side: str = ""
    assoc_actor_1: list[str] = field(default_factory=list)
    assoc_actor_2: list[str] = field(default_factory=list)
    country: str = "Syria"
    admin1: str = ""
    admin2: str = ""
    admin3: str = ""
    location: str = ""
    place_id: str = ""
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int = 1
    fatalities: int | None = None
    counts: dict[str, int] = field(default_factory=dict)
    articles: list[str] = field(default_factory=list)
    outlets: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    mentions: list[str] = field(default_factory=list)
    independent_sources: int = 1
    confidence: str = "low"
    notes: str = ""


@dataclass
class ControlChange:
    place: str
    place_id: str
    admin1: str
    date: dt.date | None
    date_range: tuple[dt.date, dt.date] | None
    to_side: str
    to_actor: str
    from_side: str
    from_actor: str
    event: str
    articles: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    outlets: list[str] = field(default_factory=list)  # the outlets that reported the event
    latitude: float | None = None  # the event's point, so a control map can draw the place
    longitude: float | None = None
    # the first day any event in the store was reported at the place: an inferred earlier
    # holder is shown no earlier than that (the store knows nothing of the place before it)
    first_report: dt.date | None = None


def to_jsonable(obj: Any) -> Any:
    """Dataclasses, dates and tuples to plain JSON values."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_jsonable(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, dt.date):
        return obj.isoformat()
    if isinstance(obj, list | tuple):
        return [to_jsonable(x) for x in obj]
    if isinstance(obj, dict):
        return {k: to_jsonable(v) for k, v in obj.items()}
    return obj


def _date(v: Any) -> dt.date | None:
    return dt.date.fromisoformat(v) if isinstance(v, str) and v else v


def mention_from_dict(d: dict[str, Any]) -> Mention:
    """Inverse of to_jsonable for a Mention (the store keeps mentions as JSON)."""
    day = d.get("day")
    place = d.get("place")
    return Mention(
        id=d["id"],
        article=d["article"],
        event_type=d["event_type"],
        sub_event_type=d["sub_event_type"],
        day=DayRef(
            date=_date(day["date"]),
            start=_date(day["start"]),
            end=_date(day["end"]),
            precision=day.get("precision", 1),
            text=day.get("text", ""),
        )
        if day
        else None,
        place=Place(**place) if place else None,
        geo_precision=d.get("geo_precision", 1),
        actor1=ActorRef(**d["actor1"]) if d.get("actor1") else None,
        actor2=ActorRef(**d["actor2"]) if d.get("actor2") else None,
        assoc_actor_1=[ActorRef(**a) for a in d.get("assoc_actor_1", [])],
        assoc_actor_2=[ActorRef(**a) for a in d.get("assoc_actor_2", [])],
        fatalities=d.get("fatalities"),
        counts=dict(d.get("counts", {})),
        claims=[Claim(**c) for c in d.get("claims", [])],
        attribution=d.get("attribution", ""),
        evidence=[Evidence(**e) for e in d.get("evidence", [])],
        outlet=d.get("outlet", ""),
        wire_group=d.get("wire_group", ""),
        summary=d.get("summary", False),
        notes=d.get("notes", ""),
        also_at=list(d.get("also_at", [])),
    )


def control_change_from_dict(d: dict[str, Any]) -> ControlChange:
    """Inverse of to_jsonable for a ControlChange; fields an older store lacks get defaults."""
    names = {f.name for f in dataclasses.fields(ControlChange)}
    kw = {k: v for k, v in d.items() if k in names}
    kw["date"] = _date(kw.get("date"))
    kw["first_report"] = _date(kw.get("first_report"))
    span = kw.get("date_range")
    kw["date_range"] = (_date(span[0]), _date(span[1])) if span else None
    for key in ("place", "place_id", "admin1", "to_side", "to_actor", "from_side", "from_actor"):
        kw[key] = kw.get(key) or ""
    kw["event"] = kw.get("event") or ""
    return ControlChange(**kw)


def event_from_dict(d: dict[str, Any]) -> Event:
    """Inverse of to_jsonable for an Event."""
    kw = dict(d)
    kw["date"] = _date(kw.get("date"))
    if kw.get("date_range"):
        kw["date_range"] = (_date(kw["date_range"][0]), _date(kw["date_range"][1]))
    kw["claims"] = [Claim(**c) for c in kw.get("claims", [])]
    kw["conflicts"] = [Conflict(**c) for c in kw.get("conflicts", [])]
    kw["evidence"] = [Evidence(**e) for e in kw.get("evidence", [])]
    names = {f.name for f in dataclasses.fields(Event)}
    return Event(**{k: v for k, v in kw.items() if k in names})
