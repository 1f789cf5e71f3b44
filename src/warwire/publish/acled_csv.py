"""The ACLED-compatible CSV export: ACLED's columns, in ACLED's order, with its conventions.

Tools written for ACLED's public data (R's acled.api, pandas notebooks, QGIS styles) read the
file unchanged: integer codes where ACLED has integers, ISO dates, "; "-joined lists, and
fatalities 0 where no figure is reported, as ACLED does.
"""

from __future__ import annotations

import csv
import hashlib
import re
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from warwire.merge.notes import event_note
from warwire.records import Event

COLUMNS: tuple[str, ...] = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
)

# country -> (ISO 3166 numeric, ISO alpha-3 used in event_id_cnty, ACLED region)
COUNTRIES: dict[str, tuple[int, str, str]] = {
    "Syria": (760, "SYR", "Middle East"),
    "Iraq": (368, "IRQ", "Middle East"),
    "Lebanon": (422, "LBN", "Middle East"),
    "Turkey": (792, "TUR", "Middle East"),
    "Jordan": (400, "JOR", "Middle East"),
    "Israel": (376, "ISR", "Middle East"),
}

POLITICAL_VIOLENCE = "Political violence"
DEMONSTRATIONS = "Demonstrations"
STRATEGIC = "Strategic developments"

_DISORDER: dict[str, str] = {
    "Battles": POLITICAL_VIOLENCE,
    "Explosions/Remote violence": POLITICAL_VIOLENCE,
    "Violence against civilians": POLITICAL_VIOLENCE,
    "Protests": DEMONSTRATIONS,
    "Riots": DEMONSTRATIONS,
    "Strategic developments": STRATEGIC,
}

# ACLED's numeric actor types (inter codes).
STATE, REBEL, POLITICAL_MILITIA, IDENTITY_MILITIA = 1, 2, 3, 4
RIOTERS, PROTESTERS, CIVILIANS, EXTERNAL = 5, 6, 7, 8

# Fallback by coarse side: the state's own forces are 1, foreign state forces operating in the
# country are 8 ("External/Other forces"), armed opposition of any creed is 2, militias 3.
_SIDE_INTER: dict[str, int] = {
    "syrian_government": STATE,
    "government": STATE,
    "state": STATE,
    "opposition": REBEL,
    "rebels": REBEL,
    "jihadist": REBEL,
    "islamic_state": REBEL,
    "kurdish": REBEL,
    "russia": EXTERNAL,
    "turkey": EXTERNAL,
    "us_coalition": EXTERNAL,
    "israel": EXTERNAL,
    "iran": EXTERNAL,
    "foreign": EXTERNAL,
    "iran_allies": POLITICAL_MILITIA,  # Hezbollah and Iran-backed militias, as ACLED codes them
    "militia": POLITICAL_MILITIA,
    "pro_government_militia": POLITICAL_MILITIA,
    "unidentified": POLITICAL_MILITIA,
    "tribal": IDENTITY_MILITIA,
    "identity_militia": IDENTITY_MILITIA,
    "rioters": RIOTERS,
    "protesters": PROTESTERS,
    "civilians": CIVILIANS,
}

# Fallback by ACLED-style actor name, for actors whose side is empty.
_NAME_INTER: tuple[tuple[re.Pattern[str], int], ...] = (
    (re.compile(r"^civilians\b", re.I), CIVILIANS),
    (re.compile(r"^protesters\b", re.I), PROTESTERS),
    (re.compile(r"^rioters\b", re.I), RIOTERS),
    (re.compile(r"^unidentified armed group", re.I), POLITICAL_MILITIA),
    (re.compile(r"\bmilitia\b", re.I), POLITICAL_MILITIA),
)
_STATE_FORCES = re.compile(
    r"^(military|police) forces of (?P<country>[A-Za-z' -]+?)(\s*\(|$)", re.I
)


def disorder_type(event_type: str, sub_event_type: str) -> str:
    """ACLED's disorder type; excessive force against protesters is both kinds at once."""
    if sub_event_type == "Excessive force against protesters":
        return f"{POLITICAL_VIOLENCE}; {DEMONSTRATIONS}"
    return _DISORDER.get(event_type, "")


def fallback_inter(actor: str | None, side: str, country: str = "Syria") -> int:
    """ACLED inter code from the actor's side, else its name; 0 when there is no actor."""
    if not actor and not side:
        return 0
    if side in _SIDE_INTER:
        return _SIDE_INTER[side]
    name = actor or ""
    state = _STATE_FORCES.match(name)
    if state:
        return STATE if state.group("country").strip().lower() == country.lower() else EXTERNAL
    for pattern, code in _NAME_INTER:
        if pattern.search(name):
            return code
    return POLITICAL_MILITIA if name else 0


def interaction_code(inter1: int, inter2: int) -> int:
    """ACLED's interaction: the two codes, lower first; a lone actor's code followed by 0."""
    if not inter1 and not inter2:
        return 0
    if not inter1 or not inter2:
        return (inter1 or inter2) * 10
    lo, hi = sorted((inter1, inter2))
    return lo * 10 + hi


def _valid_code(value: Any, upper: int) -> int | None:
    try:
        code = int(value)
    except (TypeError, ValueError):
        return None
    return code if 0 <= code <= upper else None


def inter_code(actor: str | None, side: str, country: str = "Syria") -> int:
    """The actor dictionary's inter code; the name/side fallback for actors it does not know
    (and when the dictionary cannot be loaded)."""
    if not actor and not side:
        return 0
    try:
        from warwire.read.actors import inter_code as dictionary_code
    except ImportError:
        return fallback_inter(actor, side, country)
    try:
        code = _valid_code(dictionary_code(side, actor or "", country), 8)
    except Exception:  # noqa: BLE001 - a helper that fails must not break the export
        code = None
    return code or fallback_inter(actor, side, country)


def interaction(inter1: int, inter2: int) -> int:
    """The actor dictionary's interaction code, else ACLED's rule."""
    try:
        from warwire.read.actors import interaction as dictionary_interaction
    except ImportError:
        return interaction_code(inter1, inter2)
    try:
        code = _valid_code(dictionary_interaction(inter1, inter2), 88)
    except Exception:  # noqa: BLE001
        code = None
    return code if code is not None else interaction_code(inter1, inter2)


def country_codes(country: str) -> tuple[int, str, str]:
    """(iso numeric, alpha-3, region) for the country, blanks for one not in the table."""
    return COUNTRIES.get(country or "Syria", (0, "XXX", ""))


def event_number(event_id: str) -> int:
    """A stable number for the event id, so re-exports keep each event's event_id_cnty."""
    return int(hashlib.sha1(event_id.encode("utf-8")).hexdigest()[:12], 16) % 100_000_000


def _is_civilians(actor: str | None, side: str) -> bool:
    return side == "civilians" or bool(actor and actor.lower().startswith("civilians"))


def _unique(items: Iterable[str]) -> list[str]:
    seen: dict[str, None] = {}
    for item in items:
        item = (item or "").strip()
        if item and item.lower() not in {s.lower() for s in seen}:
            seen[item] = None
    return list(seen)


def _coord(value: float | None) -> str:
    return "" if value is None else f"{value:.4f}"


def acled_row(e: Event, event_id_cnty: str, timestamp: int) -> dict[str, Any]:
    """One event as one ACLED row (values as written to the CSV)."""
    iso, _, region = country_codes(e.country)
    country = e.country or "Syria"
    inter1 = inter_code(e.actor1, e.actor1_side, country)
    inter2 = inter_code(e.actor2, e.actor2_side, country)
    targeting = (
        "Civilian targeting"
        if e.event_type in ("Violence against civilians", "Explosions/Remote violence")
        and _is_civilians(e.actor2, e.actor2_side)
        else ""
    )
    tags = "crowd size=no report" if e.event_type in ("Protests", "Riots") else ""
    return {
        "event_id_cnty": event_id_cnty,
        "event_date": e.date.isoformat() if e.date else "",
        "year": e.date.year if e.date else "",
        "time_precision": e.time_precision,
        "disorder_type": disorder_type(e.event_type, e.sub_event_type),
        "event_type": e.event_type,
        "sub_event_type": e.sub_event_type,
        "actor1": e.actor1 or "",
        "assoc_actor_1": "; ".join(_unique(e.assoc_actor_1)),
        "inter1": inter1,
        "actor2": e.actor2 or "",
        "assoc_actor_2": "; ".join(_unique(e.assoc_actor_2)),
        "inter2": inter2,
        "interaction": interaction(inter1, inter2),
        "civilian_targeting": targeting,
        "iso": iso or "",
        "region": region,
        "country": country,
        "admin1": e.admin1,
        "admin2": e.admin2,
        "admin3": e.admin3,
        "location": e.location,
        "latitude": _coord(e.latitude),
        "longitude": _coord(e.longitude),
        "geo_precision": e.geo_precision,
        "source": "; ".join(_unique([*e.outlets, *e.sources])),
        "source_scale": "",
        "notes": event_note(e),
        "fatalities": e.fatalities or 0,
        "tags": tags,
        "timestamp": timestamp,
    }


def event_ids(events: list[Event]) -> dict[str, str]:
    """event id -> event_id_cnty, unique within the export (collisions step to the next number)."""
    out: dict[str, str] = {}
    used: set[str] = set()
    for e in sorted(events, key=lambda e: e.id):
        _, alpha3, _ = country_codes(e.country)
        n = event_number(e.id)
        while f"{alpha3}{n}" in used:
            n = (n + 1) % 100_000_000
        out[e.id] = f"{alpha3}{n}"
        used.add(out[e.id])
    return out


def write_acled_csv(events: Iterable[Event], path: Path, *, timestamp: int | None = None) -> int:
    """Write ACLED's columns in order; replaced atomically. `timestamp` defaults to now.

    ACLED has no undated rows and tools rely on event_date, so events without a day are left
    out (they stay in events.jsonl); returns the number of rows written.
    """
    rows = [e for e in events if e.date is not None]
    stamp = int(time.time()) if timestamp is None else int(timestamp)
    ids = event_ids(rows)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".tmp")
    with tmp.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(COLUMNS), quoting=csv.QUOTE_MINIMAL)
        writer.writeheader()
        for e in rows:
            writer.writerow(acled_row(e, ids[e.id], stamp))
    tmp.replace(path)
    return len(rows)
