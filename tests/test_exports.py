"""ACLED CSV, GeoJSON and timeline-md exports read back as their consumers would read them."""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
import sys
from pathlib import Path

import pytest

from test_web_api import sample_articles, sample_events
from warwire.publish import writers
from warwire.publish.acled_csv import (
    COLUMNS,
    disorder_type,
    fallback_inter,
    interaction_code,
    write_acled_csv,
)
from warwire.publish.geojson import write_geojson
from warwire.publish.timeline_md import render, write_timeline_md
from warwire.records import Event

ACLED_COLUMNS = [
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
]
INT_COLUMNS = (
    "year",
    "time_precision",
    "inter1",
    "inter2",
    "interaction",
    "iso",
    "geo_precision",
    "fatalities",
    "timestamp",
)


@pytest.fixture()
def events() -> list[Event]:
    return sample_events(sample_articles())


def read_acled(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        assert reader.fieldnames == ACLED_COLUMNS
        return list(reader)


def test_columns_are_acleds_in_order() -> None:
    assert list(COLUMNS) == ACLED_COLUMNS


def test_acled_csv_round_trips_with_acled_types(tmp_path: Path, events: list[Event]) -> None:
    path = tmp_path / "acled.csv"
    n = write_acled_csv(events, path, timestamp=1_700_000_000)
    rows = read_acled(path)
    dated = [e for e in events if e.date]
    assert n == len(rows) == len(dated)  # ACLED has no undated rows
    for row, e in zip(rows, dated, strict=True):
        for col in INT_COLUMNS:
            int(row[col])  # every integer column parses
        day = dt.date.fromisoformat(row["event_date"])
        assert day == e.date and int(row["year"]) == day.year
        assert re.fullmatch(r"SYR\d+", row["event_id_cnty"])
        if row["latitude"]:
            assert -90 <= float(row["latitude"]) <= 90
            assert -180 <= float(row["longitude"]) <= 180
        assert row["iso"] == "760" and row["region"] == "Middle East" and row["country"] == "Syria"
        assert int(row["fatalities"]) == (e.fatalities or 0)
        assert int(row["timestamp"]) == 1_700_000_000
    assert len({r["event_id_cnty"] for r in rows}) == len(rows)


def test_acled_csv_conventions(tmp_path: Path, events: list[Event]) -> None:
    path = tmp_path / "acled.csv"
    write_acled_csv(events, path, timestamp=0)
    rows = {r["location"]: r for r in read_acled(path)}
    battle = rows["Northville"]
    assert battle["disorder_type"] == "Political violence"
    assert battle["inter1"] == "1"  # state forces
    assert battle["inter2"] == "2"  # rebel group
    assert battle["interaction"] == "12"
    assert battle["assoc_actor_1"] == "Military Forces of Russia (2000-)"
    assert battle["source"].split("; ")[:2] == ["Wire One", "State Agency"]
    assert battle["civilian_targeting"] == ""
    strike = rows["Eastbrook"]
    assert strike["inter1"] == "8" and strike["inter2"] == "7" and strike["interaction"] == "78"
    assert strike["civilian_targeting"] == "Civilian targeting"
    protest = rows["Old Quarter"]
    assert protest["disorder_type"] == "Demonstrations"
    assert protest["inter1"] == "6" and protest["interaction"] == "60"
    assert protest["latitude"] == "" and protest["fatalities"] == "0"
    assert protest["time_precision"] == "2"
    attack = rows["Southtown"]
    assert attack["source"].startswith("<b>Bold Outlet</b>")  # data kept verbatim in CSV
    assert attack["notes"].startswith("On 5 March 2020, Unidentified Armed Group (Syria) attacked")


def test_acled_codes_without_the_actor_dictionary(
    tmp_path: Path, events: list[Event], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "warwire.read.actors", None)  # import now fails
    write_acled_csv(events, tmp_path / "acled.csv", timestamp=0)
    rows = {r["location"]: r for r in read_acled(tmp_path / "acled.csv")}
    assert (rows["Northville"]["inter1"], rows["Northville"]["inter2"]) == ("1", "2")
    assert rows["Eastbrook"]["interaction"] == "78"
    assert rows["Southtown"]["interaction"] == "37"


def test_event_ids_are_stable_across_exports(tmp_path: Path, events: list[Event]) -> None:
    write_acled_csv(events, tmp_path / "one.csv", timestamp=0)
    write_acled_csv(list(reversed(events))[:3], tmp_path / "two.csv", timestamp=0)
    one = {r["location"]: r["event_id_cnty"] for r in read_acled(tmp_path / "one.csv")}
    two = {r["location"]: r["event_id_cnty"] for r in read_acled(tmp_path / "two.csv")}
    assert two and all(one[k] == v for k, v in two.items())


def test_disorder_types_and_codes() -> None:
    assert disorder_type("Protests", "Excessive force against protesters") == (
        "Political violence; Demonstrations"
    )
    assert disorder_type("Riots", "Mob violence") == "Demonstrations"
    assert disorder_type("Strategic developments", "Agreement") == "Strategic developments"
    assert disorder_type("Violence against civilians", "Attack") == "Political violence"
    assert fallback_inter("Military Forces of Syria (2000-)", "") == 1
    assert fallback_inter("Military Forces of Turkey (2016-)", "") == 8
    assert fallback_inter("Civilians (Syria)", "") == 7
    assert fallback_inter(None, "") == 0
    assert interaction_code(7, 1) == 17 and interaction_code(2, 0) == 20
    assert interaction_code(0, 0) == 0


def test_geojson_is_valid_points(tmp_path: Path, events: list[Event]) -> None:
    path = tmp_path / "events.geojson"
    n = write_geojson(events, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["type"] == "FeatureCollection"
    placed = [e for e in events if e.latitude is not None and e.longitude is not None]
    assert n == len(data["features"]) == len(placed)
    assert data["skipped_without_coordinates"] == len(events) - len(placed)
    for f in data["features"]:
        assert f["type"] == "Feature" and f["geometry"]["type"] == "Point"
        lon, lat = f["geometry"]["coordinates"]
        assert isinstance(lon, float) and isinstance(lat, float)
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert f["properties"]["longitude"] == lon and f["properties"]["latitude"] == lat
        assert f["id"] == f["properties"]["id"]


def test_geojson_skips_out_of_range_coordinates(tmp_path: Path) -> None:
    bad = Event("x", "Battles", "Armed clash", dt.date(2020, 1, 1), latitude=35.0, longitude=366.5)
    assert write_geojson([bad], tmp_path / "g.geojson") == 0


def test_timeline_md_one_line_per_day_and_place(tmp_path: Path, events: list[Event]) -> None:
    path = tmp_path / "timeline.md"
    extra = Event(
        "ev-6",
        "Explosions/Remote violence",
        "Shelling/artillery/missile attack",
        dt.date(2020, 2, 27),
        admin1="Idlib",
        location="Northville",
        outlets=["Other Paper"],
        independent_sources=1,
    )
    lonely = Event(
        "ev-7",
        "Battles",
        "Armed clash",
        dt.date(2020, 2, 27),
        admin1="Hama",
        location="Westfield",
        outlets=["Other Paper"],
        independent_sources=1,
        fatalities=40,
    )
    n = write_timeline_md([*events, extra, lonely], path)
    text = path.read_text(encoding="utf-8")
    assert n == len(events) + 2
    headings = re.findall(r"^## (.+)$", text, re.M)
    assert headings == ["2020-02-27", "2020-02-28", "2020-03-05", "2020-03-06", "Undated"]
    day = text.split("## 2020-02-27")[1].split("##")[0]
    lines = [ln for ln in day.splitlines() if ln.startswith("- ")]
    # one line per place; the place reported by two independent sources comes first
    assert len(lines) == 2
    assert lines[0].startswith("- **Northville**") and lines[1].startswith("- **Westfield**")
    assert "Government regains territory" in lines[0] and "Shelling" in lines[0]
    # the outlets apart from whom they quote, and the count says what it counts
    assert "Outlets: Wire One, State Agency, Other Paper. Quoting: a monitor." in lines[0]
    assert "`ev-1`" in lines[0] and "2 independent sources" in lines[0]
    # markup in outlet names is escaped, not rendered
    assert "\\<b\\>Bold Outlet\\</b\\>" in text and "<b>" not in text
    assert "between 2020-03-05 and 2020-03-07" in text


def test_timeline_md_empty() -> None:
    text, n = render([])
    assert n == 0 and text.startswith("# Timeline")


def test_writers_table_covers_every_format(tmp_path: Path, events: list[Event]) -> None:
    table = writers()
    assert set(table) == {"jsonl", "acled-csv", "geojson", "timeline-md"}
    for fmt, (name, write) in table.items():
        out = tmp_path / name
        assert write(events, out) > 0, fmt
        assert out.stat().st_size > 0 and not out.with_suffix(out.suffix + ".tmp").exists()


# -- the seed corpus, end to end ------------------------------------------------------------

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "seeds"


@pytest.fixture(scope="module")
def seed_store(tmp_path_factory: pytest.TempPathFactory) -> str:
    if not SEEDS.is_dir():
        pytest.skip(f"{SEEDS} is absent")
    from warwire.pipeline import code_pending, ingest, merge
    from warwire.store import Store

    url = str(tmp_path_factory.mktemp("seeds") / "seeds.db")
    with Store(url) as store:
        ingest(store, SEEDS)
        code_pending(store)
        merge(store)
    return url


@pytest.mark.slow
def test_seed_exports_round_trip(seed_store: str, tmp_path: Path) -> None:
    from warwire.store import Store

    with Store(seed_store) as store:
        events = store.events()
    assert events, "the seed articles report events"
    n = write_acled_csv(events, tmp_path / "acled.csv")
    rows = read_acled(tmp_path / "acled.csv")
    assert n == len(rows) == sum(1 for e in events if e.date)
    for row in rows:
        for col in INT_COLUMNS:
            int(row[col])
        assert dt.date.fromisoformat(row["event_date"]).year == int(row["year"])
        assert row["disorder_type"] and row["event_type"] and row["sub_event_type"]
        if row["latitude"] or row["longitude"]:
            assert -90 <= float(row["latitude"]) <= 90
            assert -180 <= float(row["longitude"]) <= 180
    write_geojson(events, tmp_path / "events.geojson")
    data = json.loads((tmp_path / "events.geojson").read_text(encoding="utf-8"))
    for f in data["features"]:
        lon, lat = f["geometry"]["coordinates"]
        assert f["geometry"]["type"] == "Point" and -180 <= lon <= 180 and -90 <= lat <= 90
    assert len(data["features"]) + data["skipped_without_coordinates"] == len(events)


@pytest.mark.slow
def test_seed_events_show_their_evidence_in_the_web_view(seed_store: str) -> None:
    from fastapi.testclient import TestClient

    from warwire.web.app import create_app

    with TestClient(create_app(seed_store)) as client:
        page = client.get("/api/events", params={"limit": 500}).json()
        assert page["total"] == len(page["events"]) > 0
        with_evidence = [e for e in page["events"] if e["evidence"]]
        assert with_evidence
        for e in with_evidence[:10]:
            html = client.get(f"/events/{e['id']}").text
            assert '<mark class="evidence">' in html, e["id"]
