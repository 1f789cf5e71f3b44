"""The HTML pages: map and timeline, event, place, outlets, article.

Every value reaches the page through Jinja2 with autoescaping on; article text is cut into
plain segments (highlighted or not) here, so the template never marks anything as safe.
"""

from __future__ import annotations

import collections
import datetime as dt
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urlsplit

import jinja2
from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from warwire.merge.holders import CAMP_LABELS, Holding, control_history
from warwire.merge.notes import event_note
from warwire.records import Claim, Event, Evidence, control_change_from_dict
from warwire.web import queries
from warwire.web.api import store_of
from warwire.web.camps import camp_colour
from warwire.web.queries import EventFilters

router = APIRouter(include_in_schema=False)

TYPE_COLOURS: dict[str, str] = {
    "Battles": "#d62728",
    "Explosions/Remote violence": "#ff7f0e",
    "Violence against civilians": "#9467bd",
    "Protests": "#2ca02c",
    "Riots": "#8c564b",
    "Strategic developments": "#1f77b4",
}


def safe_url(url: str) -> str:
    """The URL if it is http(s), else empty: an article's URL must never become javascript:."""
    try:
        scheme = urlsplit(url or "").scheme.lower()
    except ValueError:
        return ""
    return url if scheme in ("http", "https") else ""


def path_part(value: str) -> str:
    """A value quoted to sit inside one URL path segment (slashes included)."""
    return quote(str(value), safe="")


def make_env() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("warwire.web", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["safe_url"] = safe_url
    env.filters["path_part"] = path_part
    env.globals["type_colours"] = TYPE_COLOURS
    return env


def render(request: Request, template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    html = request.app.state.templates.get_template(template).render(**context)
    return HTMLResponse(html, status_code=status_code)


def not_found(request: Request, what: str) -> HTMLResponse:
    return render(request, "error.html", status_code=404, title="Not found", message=what)


# -- evidence highlighting --------------------------------------------------------------------


@dataclass
class Highlighted:
    """Article text cut into (segment, is_evidence) pieces, and evidence not found in it."""

    segments: list[tuple[str, bool]]
    missing: list[Evidence]


def _norm(s: str) -> str:
    return " ".join(s.split())


def locate(text: str, ev: Evidence) -> tuple[int, int] | None:
    """Where the evidence sentence is in the text: its offsets if they still fit, else a search."""
    a, b = ev.start, ev.end
    if 0 <= a < b <= len(text) and (not ev.text or _norm(text[a:b]) == _norm(ev.text)):
        return a, b
    if ev.text:
        i = text.find(ev.text)
        if i >= 0:
            return i, i + len(ev.text)
    return None


def highlight(text: str, evidence: list[Evidence]) -> Highlighted:
    """Split the text so each evidence span is its own marked segment (overlaps merged)."""
    spans: list[tuple[int, int]] = []
    missing: list[Evidence] = []
    for ev in evidence:
        where = locate(text, ev)
        if where is None:
            missing.append(ev)
        else:
            spans.append(where)
    merged: list[list[int]] = []
    for a, b in sorted(spans):
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    segments: list[tuple[str, bool]] = []
    pos = 0
    for a, b in merged:
        if a > pos:
            segments.append((text[pos:a], False))
        segments.append((text[a:b], True))
        pos = b
    if pos < len(text):
        segments.append((text[pos:], False))
    return Highlighted(segments, missing)


# -- claims and conflicts ---------------------------------------------------------------------


@dataclass
class FigureRow:
    """One reported quantity: every claim about it, and whether the reports disagree."""

    field: str
    claims: list[Claim]
    conflicting: list[int]


def figure_rows(e: Event) -> list[FigureRow]:
    by_field: dict[str, list[Claim]] = collections.defaultdict(list)
    for c in e.claims:
        by_field[c.field].append(c)
    conflicts = {c.field: c.values for c in e.conflicts}
    names = list(by_field) + [f for f in conflicts if f not in by_field]
    return [FigureRow(n, by_field.get(n, []), list(conflicts.get(n, []))) for n in names]


# -- control band -----------------------------------------------------------------------------

BAND_WIDTH = 800
BAND_LEFT = 4


@dataclass
class BandPiece:
    """One holding drawn as a stretch of the place page's control band."""

    x: float
    width: float
    colour: str
    label: str  # written on the stretch when it is wide enough
    href: str  # the event of the change that began it
    title: str
    contested: bool
    inferred: bool = False  # before the first recorded change
    day: str = ""  # the change's day, written under its tick where there is room


@dataclass
class Band:
    place: str  # which place: its gazetteer id, or its name
    pieces: list[BandPiece]
    start: dt.date
    end: dt.date
    width: int = BAND_WIDTH


def control_band(holdings: list[Holding], last_seen: dt.date | None) -> Band | None:
    """The place's holdings laid along a time axis from its first change to a little past the
    last day anything is known about it (its last change or event); who held it before the
    first change, when that is known, fills a stretch before it."""
    changes = [h for h in holdings if not h.inferred]
    if not changes:
        return None
    first = changes[0].since
    last = max(changes[-1].since, last_seen or first)
    pad = dt.timedelta(days=max(7, (last - first).days // 10))
    start = first - pad if holdings[0].inferred else first
    end = last + pad
    scale = (BAND_WIDTH - 2 * BAND_LEFT) / max((end - start).days, 1)
    pieces = []
    for h in holdings:
        begin = max(start, h.since)  # an inferred holder: no earlier than the first report
        stop = h.until or end
        width = max((stop - begin).days * scale, 3.0)
        who = h.holder_actor or h.holder or "unknown"
        if h.inferred:
            title = (
                f"{h.since} (first report) to {h.until}: held by {who}, the side its first "
                "recorded capture took it from"
            )
        else:
            title = f"{h.since} to {h.until or 'the last report'}: held by {who}"
        if h.contested:
            title += " (contested: " + "; ".join(h.why_contested) + ")"
        title += ". Reported by " + ("; ".join(h.outlets) or "no named outlet")
        pieces.append(
            BandPiece(
                x=round(BAND_LEFT + (begin - start).days * scale, 1),
                width=round(width, 1),
                colour=camp_colour(h.camp),
                label=CAMP_LABELS.get(h.camp, h.camp) if width > 90 else "",
                href="/events/" + path_part(h.events[0]) if h.events else "",
                title=title,
                contested=h.contested,
                inferred=h.inferred,
            )
        )
    room = 80  # px a day label needs
    last_label = 0.0  # the start is written at the left end
    for piece, h in zip(pieces, holdings, strict=True):
        if h.inferred:
            continue
        if piece.x - last_label >= room and BAND_WIDTH - piece.x >= room:
            piece.day = h.since.isoformat()
            last_label = piece.x
    return Band(changes[0].place_id or changes[0].place, pieces, start, end)


# -- pages ------------------------------------------------------------------------------------


@router.get("/", response_class=HTMLResponse)
def index(request: Request) -> HTMLResponse:
    """Map, timeline, filters and event list (drawn by static/index.js from the API)."""
    attribution = request.app.state.boundaries.attribution()
    return render(request, "index.html", title="Events", attribution=attribution)


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event_page(request: Request, event_id: str) -> HTMLResponse:
    store = store_of(request)
    e = store.event(event_id)
    if e is None:
        return not_found(request, f"No event with id {event_id!r}.")
    e.notes = event_note(e)  # from the record's own fields, whatever an older merge stored
    sources = []
    for article_id in e.articles:
        article = store.article(article_id)
        evidence = [ev for ev in e.evidence if ev.article == article_id]
        text = highlight(article.text, evidence) if article else None
        sources.append({"id": article_id, "article": article, "text": text, "evidence": evidence})
    return render(
        request,
        "event.html",
        title=f"{e.sub_event_type or e.event_type} in {e.location or e.admin1 or 'unknown place'}",
        e=e,
        sources=sources,
        figures=figure_rows(e),
        colour=TYPE_COLOURS.get(e.event_type, "#7f7f7f"),
    )


@router.get("/places/{name}", response_class=HTMLResponse)
def place_page(request: Request, name: str) -> HTMLResponse:
    store = store_of(request)
    events = queries.find_events(store, EventFilters(place=name))
    control = store.control_changes(name)
    if not events and not control:
        return not_found(request, f"No events or control changes recorded at {name!r}.")
    first = events[0] if events else None
    admin1 = first.admin1 if first else (control[0].get("admin1", "") if control else "")
    # one band per place the name stands for (a town and its province can share a name)
    history = control_history(control_change_from_dict(c) for c in control)
    days = [e.date for e in events if e.date]
    bands = [control_band(hs, max(days, default=None)) for hs in history.places.values()]
    contested = {e for hs in history.places.values() for h in hs if h.contested for e in h.events}
    # a page asked for by gazetteer id ("gn:166331") is titled with the place's name
    shown = (first.location if first and first.location else "") or (
        control[0].get("place", "") if control else ""
    )
    return render(
        request,
        "place.html",
        title=shown or name,
        name=shown or name,
        admin1=admin1,
        events=events,
        control=control,
        bands=[b for b in bands if b],
        contested=contested,
    )


@router.get("/outlets", response_class=HTMLResponse)
def outlets_page(request: Request) -> HTMLResponse:
    rows, note = queries.outlet_rows(store_of(request))
    has_slant = any(r.lean is not None or r.terms for r in rows)
    return render(
        request, "outlets.html", title="Outlets", rows=rows, note=note, has_slant=has_slant
    )


@router.get("/articles/{article_id:path}", response_class=HTMLResponse)  # ids may hold "/"
def article_page(request: Request, article_id: str) -> HTMLResponse:
    store = store_of(request)
    a = store.article(article_id)
    if a is None:
        return not_found(request, f"No article with id {article_id!r}.")
    events = queries.events_citing(store, a.id)
    evidence = [ev for e in events for ev in e.evidence if ev.article == a.id]
    return render(
        request,
        "article.html",
        title=a.title or a.id,
        a=a,
        text=highlight(a.text, evidence),
        events=events,
    )
