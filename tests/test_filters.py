"""The event filters: one set of names and checks for the command line, the API and the page."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from test_web_api import build_store
from warwire.cli import app
from warwire.filters import FilterError, canonical_type, check_range
from warwire.web.app import create_app


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    return build_store(tmp_path_factory.mktemp("filters") / "w.db")


@pytest.fixture(scope="module")
def client(db: str) -> Iterator[TestClient]:
    with TestClient(create_app(db)) as c:
        yield c


def _ids(resp) -> set[str]:  # noqa: ANN001
    assert resp.status_code == 200, resp.text
    return {e["id"] for e in resp.json()["events"]}


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("air/drone strike", (None, "Air/drone strike")),
        ("AIR/DRONE  STRIKE", (None, "Air/drone strike")),
        ("battles", ("Battles", None)),
        ("Violence against civilians", ("Violence against civilians", None)),
    ],
)
def test_types_are_read_in_any_case(value: str, expected: tuple) -> None:
    assert canonical_type(value) == expected


def test_an_unknown_type_lists_the_valid_ones() -> None:
    with pytest.raises(FilterError) as e:
        canonical_type("air strike")
    assert "Air/drone strike" in str(e.value) and "Battles" in str(e.value)


def test_start_after_end_is_an_error() -> None:
    with pytest.raises(FilterError, match="after end"):
        check_range(dt.date(2020, 3, 2), dt.date(2020, 3, 1))
    check_range(dt.date(2020, 3, 1), dt.date(2020, 3, 1))


def test_api_type_any_case_matches_the_exact_spelling(client: TestClient) -> None:
    exact = _ids(client.get("/api/events", params={"type": "Air/drone strike"}))
    assert exact == {"ev-2"}
    assert _ids(client.get("/api/events", params={"type": "air/drone strike"})) == exact
    assert _ids(client.get("/api/events", params={"event_type": "BATTLES"})) == {"ev-1"}


def test_api_unknown_type_is_422_listing_types(client: TestClient) -> None:
    r = client.get("/api/events", params={"type": "bogus"})
    assert r.status_code == 422
    msg = r.json()["detail"][0]["msg"]
    assert "bogus" in msg and "Air/drone strike" in msg and "Peaceful protest" in msg


@pytest.mark.parametrize(
    ("actor", "expected"),
    [
        ("military forces of russia", {"ev-1", "ev-2"}),  # actor1 of ev-2, associate in ev-1
        ("TAHRIR", {"ev-1"}),  # actor2
        ("civilians", {"ev-2", "ev-3"}),
        ("nobody at all", set()),
    ],
)
def test_api_actor_is_a_substring_of_either_actor_or_an_associate(
    client: TestClient, actor: str, expected: set[str]
) -> None:
    assert _ids(client.get("/api/events", params={"actor": actor})) == expected


def test_api_start_after_end_is_422(client: TestClient) -> None:
    r = client.get("/api/events", params={"start": "2020-03-01", "end": "2020-02-01"})
    assert r.status_code == 422 and "after end" in r.json()["detail"][0]["msg"]


def _run(*args: str):  # noqa: ANN202
    return CliRunner().invoke(app, list(args))


def test_cli_events_filters_by_actor_and_any_case_type(db: str) -> None:
    r = _run("events", "--db", db, "--actor", "russia", "--type", "air/drone strike")
    assert r.exit_code == 0, r.output
    assert "Eastbrook" in r.output and "Northville" not in r.output


def test_cli_unknown_type_is_one_line_listing_types(db: str) -> None:
    r = _run("events", "--db", db, "--type", "airstrike")
    assert r.exit_code == 2
    lines = [x for x in r.output.splitlines() if x.strip()]
    assert len(lines) == 1 and "Air/drone strike" in lines[0]


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (("--start", "2020-03-01", "--end", "2020-02-01"), "after end"),
        (("--limit", "-1"), "--limit must be 0 or more"),
    ],
)
def test_cli_mistakes_are_one_line(db: str, args: tuple[str, ...], needle: str) -> None:
    r = _run("events", "--db", db, *args)
    assert r.exit_code == 2
    lines = [x for x in r.output.splitlines() if x.strip()]
    assert len(lines) == 1 and needle in lines[0], r.output


@pytest.mark.parametrize("command", ["events", "export", "articles", "outlets"])
def test_a_missing_db_is_an_error_not_a_new_store(tmp_path: Path, command: str) -> None:
    missing = tmp_path / "typo.db"
    r = _run(command, "--db", str(missing))
    assert r.exit_code == 2
    assert "no such store file" in r.output and len(r.output.strip().splitlines()) == 1
    assert not missing.exists()


def test_export_writes_only_the_filtered_events(db: str, tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    r = _run(
        "export", "--db", db, "--format", "jsonl", "--out", str(target),
        "--start", "2020-02-01", "--end", "2020-03-01", "--type", "battles",
        "--admin1", "idlib", "--actor", "hayat",
    )  # fmt: skip
    assert r.exit_code == 0, r.output
    rows = [json.loads(x) for x in target.read_text().splitlines()]
    assert [x["id"] for x in rows] == ["ev-1"]
    target = tmp_path / "all.csv"
    r = _run(
        "export", "--db", db, "--format", "acled-csv", "--out", str(target), "--side", "russia"
    )
    assert r.exit_code == 0 and "wrote 1 events" in r.output
