"""The dated brief (Markdown): one line per day per place, the most corroborated first.

A reader scanning a day wants the best-sourced reports on top, what happened there, how many
died by the reports' count, and who says so; the event ids let them look up the evidence.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from warwire.records import Event

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


def md(text: str) -> str:
    """Escape Markdown (and HTML) punctuation so outlet and place names render as written."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join((text or "").split()))


@dataclass
class PlaceDay:
    """Every event reported at one place on one day."""

    day: dt.date | None
    place: str
    admin1: str
    events: list[Event] = field(default_factory=list)

    @property
    def corroboration(self) -> int:
        return max((e.independent_sources for e in self.events), default=0)

    @property
    def fatalities(self) -> int | None:
        known = [e.fatalities for e in self.events if e.fatalities is not None]
        return sum(known) if known else None

    def outlets(self) -> list[str]:
        """The outlets that reported the events."""
        return _distinct(o for e in self.events for o in e.outlets)

    def quoted(self) -> list[str]:
        """Who the reports quote (a monitor, a ministry) beyond the outlets themselves."""
        outlets = {o.lower() for o in self.outlets()}
        return [s for s in _distinct(s for e in self.events for s in e.sources)
                if s.lower() not in outlets]  # fmt: skip

    def sources(self) -> list[str]:
        return self.outlets() + self.quoted()


def _distinct(items: Iterable[str]) -> list[str]:
    seen: dict[str, str] = {}
    for s in items:
        if s and s.lower() not in seen:
            seen[s.lower()] = s
    return list(seen.values())


def place_label(e: Event) -> str:
    return e.location or e.admin2 or e.admin1 or "unknown place"


def group(events: Iterable[Event]) -> list[PlaceDay]:
    """Events grouped by (day, place): days in order, places most corroborated first."""
    groups: dict[tuple[dt.date | None, str, str], PlaceDay] = {}
    for e in events:
        key = (e.date, place_label(e).lower(), e.admin1.lower())
        if key not in groups:
            groups[key] = PlaceDay(e.date, place_label(e), e.admin1)
        groups[key].events.append(e)
    for g in groups.values():
        g.events.sort(key=lambda e: (-e.independent_sources, -(e.fatalities or 0), e.id))
    return sorted(
        groups.values(),
        key=lambda g: (
            g.day is None,
            g.day or dt.date.min,
            -g.corroboration,
            -(g.fatalities or 0),
            g.place.lower(),
        ),
    )


def _event_phrase(e: Event) -> str:
    what = md(e.sub_event_type or e.event_type)
    if e.actor1:
        what += f" ({md(e.actor1)}" + (f" vs {md(e.actor2)}" if e.actor2 else "") + ")"
    details = [what]
    if e.fatalities is not None:
        details.append(f"{e.fatalities} killed")
    if e.date_range and e.date_range[0] != e.date_range[1]:
        details.append(f"between {e.date_range[0].isoformat()} and {e.date_range[1].isoformat()}")
    n = e.independent_sources
    code = e.id.replace("`", "")
    return ", ".join(details) + f" [{n} independent source{'s' if n != 1 else ''}; `{code}`]"


def line(g: PlaceDay) -> str:
    """One Markdown list item for a place on a day."""
    where = f"**{md(g.place)}**" + (f", {md(g.admin1)}" if g.admin1 and g.admin1 != g.place else "")
    what = "; ".join(_event_phrase(e) for e in g.events)
    outlets = ", ".join(md(s) for s in g.outlets()) or "no outlet named"
    quoted = ", ".join(md(s) for s in g.quoted())
    return f"- {where}: {what}. Outlets: {outlets}." + (f" Quoting: {quoted}." if quoted else "")


def render(events: Iterable[Event]) -> tuple[str, int]:
    """(Markdown text, number of events in it)."""
    groups = group(events)
    n = sum(len(g.events) for g in groups)
    days = sorted({g.day for g in groups if g.day})
    out = ["# Timeline of reported events", ""]
    if days:
        out.append(f"{n} events from {days[0].isoformat()} to {days[-1].isoformat()}. ")
    else:
        out.append(f"{n} events. ")
    out[-1] += "One line per day and place, the most corroborated first; figures as reported."
    current: object = object()
    for g in groups:
        if g.day != current:
            current = g.day
            out += ["", f"## {g.day.isoformat() if g.day else 'Undated'}", ""]
        out.append(line(g))
    return "\n".join(out) + "\n", n


def write_timeline_md(events: Iterable[Event], path: Path) -> int:
    """Write the brief atomically; returns the number of events it covers."""
    text, n = render(events)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)
    return n
