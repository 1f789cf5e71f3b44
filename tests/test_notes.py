"""Notes are written from the merged record: its type's verb, both actors, place, day, toll."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from warwire.code import taxonomy as tx
from warwire.merge.notes import event_note
from warwire.records import Claim, Event

SHARED = Path(__file__).resolve().parents[2] / "shared"
SETS = sorted(p for p in (SHARED / "corpus").glob("*") if p.is_dir())

# a word each sub-event type's note must use (kept apart from the phrase table on purpose)
VERB_OF = {
    "Government regains territory": "control of",
    "Non-state actor overtakes territory": "control of",
    "Armed clash": "clashed",
    "Air/drone strike": "air/drone strike",
    "Shelling/artillery/missile attack": "shelled",
    "Remote explosive/landmine/IED": "explosive",
    "Suicide bomb": "suicide",
    "Grenade": "grenade",
    "Chemical weapon": "chemical",
    "Attack": "attacked",
    "Abduction/forced disappearance": "abducted",
    "Sexual violence": "sexual violence",
    "Peaceful protest": "demonstrated",
    "Protest with intervention": "intervened",
    "Excessive force against protesters": "excessive force",
    "Violent demonstration": "rioted",
    "Mob violence": "mob",
    "Agreement": "agreement",
    "Arrests": "arrested",
    "Non-violent transfer of territory": "without fighting",
    "Headquarters or base established": "base",
    "Looting/property destruction": "property",
    "Disrupted weapons use": "intercepted",
    "Change to group/activity": "organisation",
    "Other": "event",
}


def _event(sub: str, **kw) -> Event:
    base = dict(
        id="e1",
        event_type=tx.SUB_EVENT_TYPES[sub],
        sub_event_type=sub,
        date=dt.date(2021, 3, 4),
        location="Kafr Nimr",
        admin1="Hama",
    )
    base.update(kw)
    return Event(**base)


def check_note(e: dict) -> list[str]:
    """What is wrong with one exported event's note (empty when it fits the record)."""
    note = e.get("notes") or ""
    problems = []
    if e.get("location") and e["location"] not in note:
        problems.append(f"location {e['location']!r} missing")
    if e.get("date"):
        day = dt.date.fromisoformat(e["date"])
        if f"{day.day} {day.strftime('%B %Y')}" not in note:
            problems.append(f"day {e['date']} missing")
    actor = e.get("actor1") or "Unidentified"
    if actor not in note:
        problems.append(f"actor1 {actor!r} missing")
    verb = VERB_OF[e["sub_event_type"]]
    if verb not in note.lower():
        problems.append(f"{e['sub_event_type']!r} note lacks {verb!r}")
    if e["sub_event_type"] != "Armed clash" and "clashed" in note:
        problems.append("says 'clashed' for a non-clash")
    return problems


@pytest.mark.parametrize("sub", sorted(tx.SUB_EVENT_TYPES))
def test_every_sub_event_type_has_its_own_words(sub: str) -> None:
    e = _event(sub, actor1="Northern Hawks Brigade", actor2="Civilians (Syria)")
    rec = {
        "notes": event_note(e),
        "location": e.location,
        "date": "2021-03-04",
        "actor1": e.actor1,
        "sub_event_type": sub,
    }
    assert check_note(rec) == [], rec["notes"]


def test_an_air_strike_by_one_state_on_another_names_both() -> None:
    e = _event(
        "Air/drone strike",
        actor1="Military Forces of Syria (2000-)",
        actor2="Military Forces of Turkey (2016-)",
    )
    note = event_note(e)
    assert note.startswith("On 4 March 2021, Military Forces of Syria (2000-) carried out")
    assert "Military Forces of Turkey (2016-)" in note
    assert "clashed" not in note


def test_no_actor_reads_unidentified_and_a_capture_never_reads_clashed() -> None:
    e = _event("Non-state actor overtakes territory", actor2="Military Forces of Syria (2000-)")
    note = event_note(e)
    assert note.startswith("On 4 March 2021, Unidentified actors took control of Kafr Nimr")
    assert "from Military Forces of Syria (2000-)" in note


def test_the_day_is_event_date_not_a_report_day() -> None:
    e = _event("Armed clash", date=dt.date(2020, 1, 28))
    assert "28 January 2020" in event_note(e)
    assert "29 January" not in event_note(e)


def test_the_toll_is_the_event_toll_with_its_source() -> None:
    claims = [
        Claim("fatalities", 9, "a1", attributed_to="a rights group"),
        Claim("fatalities", 12, "a2", attributed_to="the health directorate"),
    ]
    e = _event("Shelling/artillery/missile attack", fatalities=12, claims=claims)
    note = event_note(e)
    assert "12 reported killed (according to the health directorate)" in note
    assert "9 " not in note


def test_a_province_level_event_says_province() -> None:
    e = _event("Armed clash", location="Hama", admin1="Hama")
    assert "in Hama province" in event_note(e)


@pytest.mark.slow
@pytest.mark.skipif(not SETS, reason="../shared/corpus not found")
def test_every_event_of_every_shared_set_has_notes_that_fit_its_fields(tmp_path: Path) -> None:
    from warwire import pipeline
    from warwire.store import open_store

    bad: list[str] = []
    n = 0
    for corpus in SETS:
        out = tmp_path / corpus.name
        store = open_store(str(out / "w.db"))
        pipeline.ingest(store, corpus)
        pipeline.code_pending(store, engine="local")
        pipeline.merge(store)
        jsonl = pipeline.publish(store, out)["jsonl"]
        store.close()
        for line in jsonl.read_text(encoding="utf-8").splitlines():
            e = json.loads(line)
            n += 1
            bad += [f"{corpus.name} {e['id']}: {p}" for p in check_note(e)]
    assert n > 50
    assert not bad, bad[:20]
