"""The smaller defects an analyst met (issue 17, item 6), each pinned by a test."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from test_web_api import build_store
from warwire.cli import app
from warwire.merge.slant import MIN_ARTICLES, outlet_slant
from warwire.records import Article, Event
from warwire.store import Store
from warwire.web.app import create_app


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = build_store(tmp_path_factory.mktemp("defects") / "d.db")
    with Store(url) as store:
        extra = [
            Event(id="ev-w1", event_type="Battles", sub_event_type="Armed clash",
                  date=dt.date(2020, 3, 2), admin1="Hama", location="Twin Wells",
                  place_id="gn:990001", latitude=35.0, longitude=36.0),
            Event(id="ev-w2", event_type="Battles", sub_event_type="Armed clash",
                  date=dt.date(2020, 3, 3), admin1="Hama", location="Twin Wells",
                  place_id="gn:990001", latitude=35.5, longitude=35.5),
        ]  # fmt: skip
        store.replace_events([*store.events(), *extra], {})
    return url


@pytest.fixture(scope="module")
def client(db: str) -> Iterator[TestClient]:
    with TestClient(create_app(db)) as c:
        yield c


def test_places_take_one_entrys_point_not_the_max_of_each_axis(client: TestClient) -> None:
    (p,) = [p for p in client.get("/api/places").json() if p["name"] == "Twin Wells"]
    assert (p["latitude"], p["longitude"]) in {(35.0, 36.0), (35.5, 35.5)}


def test_a_place_page_asked_for_by_id_is_titled_by_name(client: TestClient) -> None:
    page = client.get("/places/gn:990001").text
    title = re.search(r"<title>(.*?)</title>", page, re.S).group(1)
    assert "Twin Wells" in title and "gn:990001" not in title
    assert re.search(r"<h1>\s*Twin Wells", page)


def test_export_says_how_many_undated_events_acled_csv_leaves_out(db: str, tmp_path: Path) -> None:
    target = tmp_path / "a.csv"
    r = CliRunner().invoke(
        app, ["export", "--db", db, "--format", "acled-csv", "--out", str(target)]
    )
    assert r.exit_code == 0, r.output
    assert "1 undated event left out" in r.output  # ev-5 has no day
    assert target.read_text().count("\n") == 1 + 6


def test_a_slant_from_one_or_two_articles_carries_a_caveat_and_readable_concepts() -> None:
    text = "Regime forces shelled the town, and the regime said terrorists fled."
    few = [Article(id=f"a{i}", text=text, outlet="Tiny Wire") for i in range(MIN_ARTICLES - 1)]
    many = [Article(id=f"b{i}", text=text, outlet="Big Wire") for i in range(MIN_ARTICLES)]
    rows = {r.outlet: r for r in outlet_slant(few + many)}
    assert "too few to judge" in rows["Tiny Wire"].label
    assert "too few" not in rows["Big Wire"].label
    assert all("_" not in concept for concept in rows["Big Wire"].terms)


def test_run_help_keeps_its_default_text() -> None:
    r = CliRunner().invoke(app, ["run", "--help"], env={"COLUMNS": "200"})
    assert "[default: the demo corpus]" in r.output
    r = CliRunner().invoke(app, ["events", "--help"], env={"COLUMNS": "200"})
    assert "[default: $WARWIRE_DB" in r.output
