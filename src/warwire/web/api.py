"""The JSON API under /api/: events, places, control, outlets, articles, boundaries.

Input is checked strictly so a typo is an error, not a silently ignored filter: unknown query
parameters get 400, malformed dates and oversized pages 422, unknown ids 404.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import replace
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request, Response
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from warwire.filters import FilterError, canonical_type, check_range
from warwire.merge.holders import FRONT_LINE_DAYS
from warwire.merge.notes import event_note
from warwire.records import FIRST_DAY, LAST_DAY, Article, Event, to_jsonable
from warwire.store import Store
from warwire.web import camps, queries
from warwire.web.queries import EventFilters

MAX_LIMIT = 500
# Bounds on the numbers a query may give (days: FIRST_DAY to LAST_DAY): past them SQLite's
# 64-bit integers and Python's dates overflow, which must be a 422 that says so, never a 500.
MAX_OFFSET = 1_000_000_000
MAX_SOURCES = 1_000_000
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _query_names(dependant: Any) -> set[str]:
    """Query parameter names a route takes, its sub-dependencies included."""
    names = {p.alias for p in getattr(dependant, "query_params", [])}
    for sub in getattr(dependant, "dependencies", []):
        names |= _query_names(sub)
    return names


def reject_unknown_query(request: Request) -> None:
    """400 when the query string names a parameter the endpoint does not take."""
    route = request.scope.get("route")
    dependant = getattr(route, "dependant", None)
    if dependant is None:
        return
    allowed = _query_names(dependant)
    unknown = sorted(set(request.query_params) - allowed)
    if unknown:
        names = ", ".join(repr(u) for u in unknown)
        raise HTTPException(
            status_code=400,
            detail=f"unknown query parameter(s) {names}; this endpoint accepts: "
            + (", ".join(sorted(allowed)) or "no query parameters"),
        )


router = APIRouter(prefix="/api", dependencies=[Depends(reject_unknown_query)], tags=["api"])

ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"description": "Unknown query parameter"},
}
NOT_FOUND: dict[int | str, dict[str, Any]] = {
    **ERRORS,
    404: {"description": "No such record"},
}


def store_of(request: Request) -> Store:
    """This thread's store (called inside the endpoint so the connection stays in its thread)."""
    return request.app.state.stores.get()


def _day_error(name: str, value: str, msg: str, kind: str) -> HTTPException:
    """A 422 in FastAPI's error shape, for query parameter NAME."""
    return HTTPException(
        status_code=422,
        detail=[{"loc": ["query", name], "msg": msg, "type": kind, "input": value}],
    )


def parse_day(value: str | None, name: str) -> dt.date | None:
    """A YYYY-MM-DD day from FIRST_DAY to LAST_DAY, or 422 with a message that says why."""
    if value is None or value == "":
        return None
    try:
        if not _ISO_DAY.match(value):
            raise ValueError
        day = dt.date.fromisoformat(value)
    except ValueError:
        msg = f"{name} must be a date written YYYY-MM-DD, got {value!r}"
        raise _day_error(name, value, msg, "date_parsing") from None
    if not FIRST_DAY <= day <= LAST_DAY:
        msg = f"{name} must be from {FIRST_DAY} to {LAST_DAY}, got {value!r}"
        raise _day_error(name, value, msg, "date_range")
    return day


# -- response models --------------------------------------------------------------------------


class ClaimOut(BaseModel):
    field: str
    value: int
    article: str
    qualifier: str = ""
    attributed_to: str = ""
    outlet: str = ""
    text: str = ""


class ConflictOut(BaseModel):
    field: str
    values: list[int]


class EvidenceOut(BaseModel):
    article: str
    start: int
    end: int
    text: str


class EventOut(BaseModel):
    """An event; in the compact view claims, conflicts, evidence and mentions are null."""

    id: str
    date: str | None
    date_range: list[str] | None = None
    time_precision: int
    event_type: str
    sub_event_type: str
    actor1: str | None = None
    actor2: str | None = None
    actor1_side: str = ""
    actor2_side: str = ""
    assoc_actor_1: list[str] = Field(default_factory=list)
    assoc_actor_2: list[str] = Field(default_factory=list)
    country: str = ""
    admin1: str = ""
    admin2: str = ""
    admin3: str = ""
    location: str = ""
    place_id: str = ""
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int = 1
    fatalities: int | None = None
    counts: dict[str, int] = Field(default_factory=dict)
    articles: list[str] = Field(default_factory=list)
    outlets: list[str] = Field(default_factory=list)
    sources: list[str] = Field(default_factory=list)
    independent_sources: int = 1
    confidence: str = ""
    notes: str = ""
    claims: list[ClaimOut] | None = None
    conflicts: list[ConflictOut] | None = None
    evidence: list[EvidenceOut] | None = None
    mentions: list[str] | None = None


class EventPage(BaseModel):
    total: int = Field(description="events matching the filters")
    limit: int
    offset: int
    after: str | None = Field(None, description="the event id this page starts after")
    next_after: str | None = Field(
        None, description="pass as `after` for the next page (null on the last page)"
    )
    events: list[EventOut]


class PlaceOut(BaseModel):
    name: str
    admin1: str
    events: int
    first: str | None
    last: str | None
    latitude: float | None
    longitude: float | None


class ControlOut(BaseModel):
    place: str
    place_id: str = ""
    admin1: str = ""
    date: str | None = None
    date_range: list[str] | None = None
    to_side: str = ""
    to_actor: str = ""
    from_side: str = ""
    from_actor: str = ""
    event: str = ""
    articles: list[str] = Field(default_factory=list)
    sources: list[str] = Field(default_factory=list)


class HoldingOut(BaseModel):
    """Who held a place on the day asked about, since when, and on whose report."""

    place: str
    place_id: str = ""
    admin1: str = ""
    latitude: float | None = None
    longitude: float | None = None
    holder: str = Field(description="the side that took it in the latest change on or before")
    holder_actor: str = ""
    camp: str = Field(description="the holder's camp (see camps)")
    since: str | None = Field(description="day of that change; null when inferred")
    inferred: bool = Field(
        False,
        description="held before the place's first recorded change, by the side that change "
        "took it from (since is then unknown)",
    )
    until: str | None = Field(None, description="day of the next recorded change, if any")
    taken_from: str = ""
    contested: bool = Field(
        description="reports of that change disagree on the taker, or the holder took it again "
        "with no loss recorded in between"
    )
    why_contested: list[str] = Field(default_factory=list)
    front_line: bool = Field(description="changed hands on the day or in the 6 days before it")
    events: list[str] = Field(default_factory=list)
    outlets: list[str] = Field(default_factory=list)


class CampOut(BaseModel):
    camp: str
    label: str
    colour: str
    sides: list[str]


class ControlMapOut(BaseModel):
    date: str | None = Field(description="the day asked about (default: the last recorded change)")
    first: str | None = Field(description="first day with a recorded change of control")
    last: str | None = Field(description="last day with a recorded change of control")
    front_line_days: int
    camps: list[CampOut]
    places: list[HoldingOut]


class OutletOut(BaseModel):
    outlet: str
    articles: int
    events: int
    lean: float | None = Field(
        None, description="-1 pro-government ... +1 pro-opposition wording (warwire.merge)"
    )
    label: str | None = None
    terms: dict[str, dict[str, int]] | None = Field(
        None, description="concept -> the outlet's words for it -> count"
    )


class OutletList(BaseModel):
    outlets: list[OutletOut]
    note: str = ""


class ArticleSummary(BaseModel):
    id: str
    title: str
    url: str
    outlet: str
    published: str | None
    language: str
    wire_group: str
    chars: int


class ArticlePage(BaseModel):
    total: int
    limit: int
    offset: int
    articles: list[ArticleSummary]


class ArticleOut(ArticleSummary):
    text: str
    events: list[str] = Field(description="ids of the events that cite this article")


# -- conversions ------------------------------------------------------------------------------


_EVENT_DEFAULTS: dict[str, Any] = to_jsonable(Event("", "", "", None))
HEAVY_FIELDS = queries.HEAVY_FIELDS


def event_record_out(stored: dict[str, Any], view: str = "full") -> dict[str, Any]:
    """A stored event record in the API's shape: Event's fields only, defaults for missing ones."""
    rec = {k: stored.get(k, default) for k, default in _EVENT_DEFAULTS.items()}
    if view == "compact":
        for key in HEAVY_FIELDS:
            rec[key] = None
    span = rec.get("date_range")
    if not span or span[0] == span[1]:
        rec["date_range"] = None
    return rec


def event_out(e: Event, view: str = "full") -> dict[str, Any]:
    return event_record_out(to_jsonable(e), view)


def article_summary(a: Article) -> dict[str, Any]:
    return {
        "id": a.id,
        "title": a.title,
        "url": a.url,
        "outlet": a.outlet,
        "published": a.published.isoformat() if a.published else None,
        "language": a.language,
        "wire_group": a.wire_group,
        "chars": len(a.text),
    }


def _unprocessable(name: str, message: str, kind: str) -> HTTPException:
    return HTTPException(
        status_code=422, detail=[{"loc": ["query", name], "msg": message, "type": kind}]
    )


def event_filters(
    start: dt.date | None,
    end: dt.date | None,
    types: dict[str, str | None],
    **rest: Any,
) -> EventFilters:
    """EventFilters from the query, checked as the command line checks them (a 422 each)."""
    try:
        check_range(start, end)
    except FilterError as e:
        raise _unprocessable("end", str(e), "date_range") from None
    f = EventFilters(start=start, end=end, **rest)
    for name, value in types.items():
        if not value:
            continue
        try:
            etype, sub = canonical_type(value)
        except FilterError as e:
            raise _unprocessable(name, str(e), "unknown_type") from None
        f = replace(f, event_type=etype or f.event_type, sub_event_type=sub or f.sub_event_type)
    return f


# -- endpoints --------------------------------------------------------------------------------

Day = Annotated[
    str | None,
    Query(description="YYYY-MM-DD", json_schema_extra={"format": "date"}),
]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"page size, at most {MAX_LIMIT}")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET)]


@router.get("/events", response_model=EventPage, responses=ERRORS)
def list_events(
    request: Request,
    start: Day = None,
    end: Day = None,
    type: Annotated[
        str | None,
        Query(description="event or sub-event type, any case; an unknown one is a 422"),
    ] = None,
    event_type: Annotated[str | None, Query(description="the same as type")] = None,
    sub_event_type: Annotated[str | None, Query(description="the same as type")] = None,
    admin1: Annotated[str | None, Query(description="province (any case)")] = None,
    actor: Annotated[
        str | None,
        Query(description="part of a name of either actor or an associate, any case"),
    ] = None,
    side: Annotated[str | None, Query(description="side of either actor")] = None,
    place: Annotated[str | None, Query(description="location name or gazetteer id")] = None,
    outlet: Annotated[str | None, Query(description="an outlet that reported it")] = None,
    min_sources: Annotated[
        int | None, Query(ge=1, le=MAX_SOURCES, description="independent sources")
    ] = None,
    limit: Limit = 100,
    offset: Offset = 0,
    after: Annotated[
        str | None,
        Query(
            description="an event id: the page starts after it (keyset paging, fast at "
            "any depth; the offset then counts from there)"
        ),
    ] = None,
    view: Annotated[
        Literal["full", "compact"], Query(description="compact leaves out the evidence")
    ] = "full",
) -> JSONResponse:
    """Events matching every given filter, by date then id."""
    f = event_filters(
        start=parse_day(start, "start"),
        end=parse_day(end, "end"),
        types={"type": type, "event_type": event_type, "sub_event_type": sub_event_type},
        admin1=admin1 or None,
        actor=actor or None,
        side=side or None,
        place=place or None,
        outlet=outlet or None,
        min_sources=min_sources,
    )
    store = store_of(request)
    after = after or None
    if after is not None and store.event(after) is None:
        raise HTTPException(status_code=404, detail=f"after: no event {after!r}")
    head = {
        "total": request.app.state.counts.get(store, f),
        "limit": limit,
        "offset": offset,
        "after": after,
        "next_after": None,
    }
    shaped = queries.find_event_json(store, f, view, limit=limit, offset=offset, after=after)
    if shaped is not None:  # records already in the API's shape: passed on as text
        if len(shaped) == limit:
            head["next_after"] = json.loads(shaped[-1])["id"]
        body = json.dumps(head)[:-1] + ', "events": [' + ", ".join(shaped) + "]}"
        return Response(content=body, media_type="application/json")
    records = queries.find_event_records(store, f, limit=limit, offset=offset, after=after)
    if len(records) == limit:
        head["next_after"] = records[-1]["id"]
    page = {**head, "events": [event_record_out(r, view) for r in records]}
    # built from the same records the model describes; returned directly because validating
    # 500 events again costs more than the query (the model still documents the schema)
    return JSONResponse(page)


@router.get("/events/{event_id}", response_model=EventOut, responses=NOT_FOUND)
def get_event(request: Request, event_id: str) -> dict[str, Any]:
    """One event with its claims, conflicts and evidence."""
    e = store_of(request).event(event_id)
    if e is None:
        raise HTTPException(status_code=404, detail=f"no event with id {event_id!r}")
    e.notes = event_note(e)  # from the record's own fields, whatever an older merge stored
    return event_out(e)


@router.get("/places", response_model=list[PlaceOut], responses=ERRORS)
def list_places(request: Request) -> list[dict[str, Any]]:
    """Every location with events, most active first."""
    return queries.places(store_of(request))


@router.get("/places/{name}/control", response_model=list[ControlOut], responses=NOT_FOUND)
def place_control(request: Request, name: str) -> list[dict[str, Any]]:
    """Who took the place, from whom and when; 404 when the place has neither events nor changes."""
    store = store_of(request)
    changes = store.control_changes(name)
    if not changes and not queries.count_events(store, EventFilters(place=name)):
        raise HTTPException(status_code=404, detail=f"no events or control changes at {name!r}")
    return changes


@router.get("/control", response_model=ControlMapOut, responses=ERRORS)
def control_map(request: Request, date: Day = None) -> Response:
    """Who held each place with a recorded change of control on DATE (default: the day of the
    last recorded change), with the day of that change, its events and outlets."""
    day = parse_day(date, "date")
    cmap = request.app.state.control.get(store_of(request))
    history = cmap.history
    day = day or history.last
    head = {
        "date": day.isoformat() if day else None,
        "first": history.first.isoformat() if history.first else None,
        "last": history.last.isoformat() if history.last else None,
        "front_line_days": FRONT_LINE_DAYS,
        "camps": camps.legend(),
    }
    places = cmap.places_json(day) if day else "[]"
    # the holdings are encoded once per merge (see queries.ControlMap): the model documents
    # the shape, and the answer is assembled from the encoded parts
    body = json.dumps(head, ensure_ascii=False)[:-1] + ', "places": ' + places + "}"
    return Response(content=body, media_type="application/json")


@router.get("/outlets", response_model=OutletList, responses=ERRORS)
def list_outlets(request: Request) -> dict[str, Any]:
    """Outlets with article and event counts, and their slant where merge computes it."""
    rows, note = queries.outlet_rows(store_of(request))
    return {"outlets": [vars(r) for r in rows], "note": note}


@router.get("/articles", response_model=ArticlePage, responses=ERRORS)
def list_articles(
    request: Request,
    outlet: str | None = None,
    limit: Limit = 100,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Stored articles (without their text), by publication day."""
    store = store_of(request)
    rows = store.articles(outlet=outlet or None, limit=limit, offset=offset)
    if outlet:
        total = sum(n for name, n in store.outlets() if name == outlet)
    else:
        total = store.count("articles")
    return {
        "total": total,
        "limit": limit,
        "offset": offset,
        "articles": [article_summary(a) for a in rows],
    }


@router.get("/articles/{article_id:path}", response_model=ArticleOut, responses=NOT_FOUND)
def get_article(request: Request, article_id: str) -> dict[str, Any]:
    """One article with its text and the events that cite it."""
    store = store_of(request)
    a = store.article(article_id)
    if a is None:
        raise HTTPException(status_code=404, detail=f"no article with id {article_id!r}")
    return {
        **article_summary(a),
        "text": a.text,
        "events": [e.id for e in queries.events_citing(store, a.id)],
    }


@router.get(
    "/boundaries",
    responses={
        **ERRORS,
        200: {"content": {"application/geo+json": {}}, "description": "GeoJSON"},
        404: {"description": "No boundaries bundled"},
    },
)
def boundaries(request: Request) -> Response:
    """The bundled administrative boundaries (GeoJSON) that the map draws as its basemap."""
    return _bundled_geojson(
        request.app.state.boundaries(), "no administrative boundaries are bundled"
    )


@router.get(
    "/basemap",
    responses={
        **ERRORS,
        200: {"content": {"application/geo+json": {}}, "description": "GeoJSON"},
        404: {"description": "No basemap bundled"},
    },
)
def basemap(request: Request) -> Response:
    """What the map draws to orient by (GeoJSON, `kind` in each feature's properties):
    neighbouring countries (Natural Earth), main rivers and highways (schematic), and towns
    with their population (GeoNames) for labels that appear by zoom level."""
    return _bundled_geojson(request.app.state.basemap(), "no basemap is bundled")


def _bundled_geojson(data: bytes | None, missing: str) -> Response:
    """A bundled GeoJSON file, cacheable for an hour; 404 when the package ships none."""
    if data is None:
        raise HTTPException(status_code=404, detail=missing)
    return Response(
        content=data,
        media_type="application/geo+json",
        headers={"Cache-Control": "public, max-age=3600"},
    )
