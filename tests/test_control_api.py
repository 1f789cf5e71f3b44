"""The control map in the API, the place page, the control-geojson export and the terminal.

The store is built from invented articles and territory events, and its control changes come
from warwire.merge.control, as a merge would write them.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from test_web_api import tiny_boundaries
from warwire.merge.control import control_changes
from warwire.records import Article, Event
from warwire.store import Store
from warwire.web.api import ControlMapOut
from warwire.web.app import create_app
from warwire.web.camps import camp_colour

D = dt.date
TAKES = "Non-state actor overtakes territory"
REGAINS = "Government regains territory"


def control_articles() -> list[Article]:
    texts = {
        "c1": ("Wire One", D(2019, 3, 2), "Rebels seized Tel Marrow from government forces."),
        "c2": ("Wire One", D(2019, 6, 16), "Government forces recaptured Tel Marrow."),
        "c3": ("State Agency", D(2019, 6, 16), "The army liberated Tel Marrow from terrorists."),
        "c4": ("Wire One", D(2019, 4, 11), "Islamic State fighters overran Ash Hollow."),
        "c5": ("Wire One", D(2019, 6, 13), "Kurdish-led forces took Ash Hollow from IS."),
        "c6": ("Monitor Site", D(2019, 6, 13), "The SDF drove IS out of Ash Hollow."),
        "c7": ("Rebel Voice", D(2019, 6, 13), "Rebel factions entered Ash Hollow."),
        "c8": ("Wire One", D(2019, 5, 2), "Fighting near Quiet Ford killed four."),
        "c9": ("Wire One", D(2019, 5, 5), "Rebels took Nameless Hill, a monitor said."),
    }
    return [
        Article(id=k, outlet=o, published=p, title=t[:30], text=t, content_hash=f"h-{k}")
        for k, (o, p, t) in texts.items()
    ]


def _territory(
    eid: str,
    day: dt.date,
    sub: str,
    taker: tuple[str, str],
    loser: tuple[str, str],
    place: str,
    point: tuple[float, float] | None,
    articles: list[str],
    outlets: list[str],
) -> Event:
    return Event(
        id=eid,
        event_type="Strategic developments" if sub != REGAINS else "Battles",
        sub_event_type=sub,
        date=day,
        actor1=taker[0],
        actor1_side=taker[1],
        actor2=loser[0],
        actor2_side=loser[1],
        admin1="Idlib",
        location=place,
        latitude=point[0] if point else None,
        longitude=point[1] if point else None,
        articles=articles,
        outlets=outlets,
        sources=outlets,
    )


GOV = ("Military Forces of Syria (2000-)", "syrian_government")
REBELS = ("Opposition Rebels (Syria)", "opposition")
IS = ("Islamic State (Syria)", "islamic_state")
SDF = ("SDF: Syrian Democratic Forces", "kurdish")
TEL_MARROW = (35.5, 36.5)  # (lat, lon), inside the test boundaries' northern square
ASH_HOLLOW = (36.2, 36.2)


def control_events() -> list[Event]:
    return [
        _territory("ev-t1", D(2019, 3, 1), TAKES, REBELS, GOV, "Tel Marrow", TEL_MARROW,
                   ["c1"], ["Wire One"]),
        _territory("ev-t2", D(2019, 6, 15), REGAINS, GOV, REBELS, "Tel Marrow", TEL_MARROW,
                   ["c2", "c3"], ["Wire One", "State Agency"]),
        _territory("ev-t3", D(2019, 4, 10), TAKES, IS, REBELS, "Ash Hollow", ASH_HOLLOW,
                   ["c4"], ["Wire One"]),
        _territory("ev-t4", D(2019, 6, 12), TAKES, SDF, IS, "Ash Hollow", ASH_HOLLOW,
                   ["c5", "c6"], ["Wire One", "Monitor Site"]),
        _territory("ev-t5", D(2019, 6, 12), TAKES, REBELS, IS, "Ash Hollow", ASH_HOLLOW,
                   ["c7"], ["Rebel Voice"]),
        _territory("ev-t6", D(2019, 5, 5), TAKES, REBELS, GOV, "Nameless Hill", None,
                   ["c9"], ["Wire One"]),
        Event(id="ev-b1", event_type="Battles", sub_event_type="Armed clash", date=D(2019, 5, 1),
              actor1=GOV[0], actor1_side=GOV[1], actor2=REBELS[0], actor2_side=REBELS[1],
              admin1="Idlib", location="Quiet Ford", latitude=35.2, longitude=36.8,
              fatalities=4, articles=["c8"], outlets=["Wire One"]),
        *[
            Event(id=f"ev-s{i}", event_type="Explosions/Remote violence",
                  sub_event_type="Shelling/artillery/missile attack", date=D(2019, 2, 1),
                  admin1="Idlib", location=place, articles=["c8"], outlets=["Wire One"])
            for i, place in enumerate(["Tel Marrow", "Ash Hollow", "Nameless Hill"])
        ],  # the first reports on the places: an inferred holder is shown from these days
    ]  # fmt: skip


def build_control_store(location: Path | str) -> str:
    url = str(location)
    with Store(url) as store:
        for a in control_articles():
            store.upsert_article(a)
        events = control_events()
        store.replace_events(events, {})
        store.replace_control_changes(control_changes(events))
    return url


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    return build_control_store(tmp_path_factory.mktemp("control") / "control.db")


@pytest.fixture(scope="module")
def client(db: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    boundaries = tiny_boundaries(tmp_path_factory.mktemp("cb") / "b.geojson")
    with TestClient(create_app(db, boundaries=boundaries)) as c:
        yield c


def held(client: TestClient, day: str) -> dict[str, dict]:
    r = client.get("/api/control", params={"date": day})
    assert r.status_code == 200, r.text
    body = r.json()
    ControlMapOut.model_validate(body)  # returned directly: it must still fit the schema
    assert body["date"] == day
    return {p["place"]: p for p in body["places"]}


def test_control_map_before_between_and_after_the_changes(client: TestClient) -> None:
    # nothing is known of a place before the store's first report on it
    assert held(client, "2019-01-31") == {}
    assert held(client, "2000-01-01") == {}
    # before its first change a place is held by the side that change took it from
    before = held(client, "2019-02-28")
    assert {k: (v["holder"], v["since"], v["inferred"]) for k, v in before.items()} == {
        "Tel Marrow": ("syrian_government", None, True),
        "Ash Hollow": ("opposition", None, True),
        "Nameless Hill": ("syrian_government", None, True),
    }  # Quiet Ford saw fighting but no change of control: never on the control map
    assert before["Tel Marrow"]["until"] == "2019-03-01"
    assert before["Tel Marrow"]["events"] == ["ev-t1"] and not before["Tel Marrow"]["front_line"]
    early = held(client, "2019-05-01")
    assert {k: v["holder"] for k, v in early.items()} == {
        "Tel Marrow": "opposition",
        "Ash Hollow": "islamic_state",
        "Nameless Hill": "syrian_government",
    }
    assert not early["Tel Marrow"]["inferred"]
    late = held(client, "2019-06-20")
    tm = late["Tel Marrow"]
    assert (tm["holder"], tm["camp"], tm["since"], tm["taken_from"]) == (
        "syrian_government",
        "government",
        "2019-06-15",
        "opposition",
    )
    assert tm["events"] == ["ev-t2"] and tm["outlets"] == ["Wire One", "State Agency"]
    assert (tm["latitude"], tm["longitude"]) == TEL_MARROW
    assert tm["front_line"] and not tm["contested"]
    ah = late["Ash Hollow"]
    # two reports of the same day disagree: the better-supported one holds, flagged contested
    assert ah["holder"] == "kurdish" and ah["contested"] and "ev-t5" in ah["why_contested"][0]
    assert late["Nameless Hill"]["latitude"] is None
    settled = held(client, "2019-07-30")
    assert not any(p["front_line"] for p in settled.values())


def test_control_map_defaults_to_the_last_change_and_carries_its_legend(
    client: TestClient,
) -> None:
    body = client.get("/api/control").json()
    assert (body["date"], body["first"], body["last"]) == ("2019-06-15", "2019-03-01", "2019-06-15")
    camps = {c["camp"]: c for c in body["camps"]}
    assert "syrian_government" in camps["government"]["sides"]
    assert camps["government"]["colour"] != camps["opposition"]["colour"]


@pytest.mark.parametrize(
    "url, status, words",
    [
        ("/api/control?date=2019-6-1", 422, "YYYY-MM-DD"),
        ("/api/control?date=2019-02-30", 422, "YYYY-MM-DD"),
        ("/api/control?date=today", 422, "date"),
        ("/api/control?day=2019-06-01", 400, "'day'"),
    ],
)
def test_control_map_bad_requests(client: TestClient, url: str, status: int, words: str) -> None:
    r = client.get(url)
    assert r.status_code == status, r.text
    assert words in json.dumps(r.json())


def test_control_map_follows_a_new_merge(tmp_path: Path) -> None:
    url = build_control_store(tmp_path / "s.db")
    with TestClient(create_app(url)) as c:
        assert c.get("/api/control", params={"date": "2019-07-01"}).json()["places"]
        with Store(url) as store:
            store.replace_control_changes(control_changes(control_events()[:1]))
        places = c.get("/api/control", params={"date": "2019-07-01"}).json()["places"]
        assert [(p["place"], p["holder"]) for p in places] == [("Tel Marrow", "opposition")]


def test_place_page_draws_the_control_band(client: TestClient) -> None:
    html = client.get("/places/Tel Marrow").text
    band = html[html.index('<svg class="control-band"') : html.index("</svg>")]
    assert band.index('href="/events/ev-t1"') < band.index('href="/events/ev-t2"')
    assert band.count('class="holding inferred"') == 1  # the government before ev-t1
    assert f'fill="{camp_colour("opposition")}"' in band
    assert f'fill="{camp_colour("government")}"' in band
    contested = client.get("/places/Ash Hollow").text
    assert 'class="holding contested"' in contested
    # a place with events but no change of control has no band
    assert 'class="control-band"' not in client.get("/places/Quiet Ford").text


def test_index_keeps_the_strict_csp_and_has_no_inline_script(client: TestClient) -> None:
    r = client.get("/")
    assert "script-src 'self'" in r.headers["content-security-policy"]
    assert 'id="control-day"' in r.text and "/static/control.js" in r.text
    assert r.text.count("<script") == r.text.count('<script src="/static/')
    assert client.get("/static/control.js").status_code == 200


# -- export and terminal ----------------------------------------------------------------------


def test_export_control_geojson(db: str, tmp_path: Path) -> None:
    from warwire.cli import app

    target = tmp_path / "c.geojson"
    args = ["export", "--db", db, "--format", "control-geojson", "--date", "2019-06-20"]
    result = CliRunner().invoke(app, [*args, "--out", str(target)])
    assert result.exit_code == 0, result.output
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["type"] == "FeatureCollection" and data["date"] == "2019-06-20"
    by_place = {f["properties"]["place"]: f for f in data["features"]}
    assert set(by_place) == {"Tel Marrow", "Ash Hollow"}
    assert data["skipped_without_coordinates"] == 1  # Nameless Hill has no point
    tm = by_place["Tel Marrow"]
    assert tm["type"] == "Feature" and tm["geometry"]["type"] == "Point"
    assert tm["geometry"]["coordinates"] == [TEL_MARROW[1], TEL_MARROW[0]]  # lon, lat
    props = tm["properties"]
    assert (props["holder"], props["since"], props["contested"]) == (
        "syrian_government",
        "2019-06-15",
        False,
    )
    assert props["events"] == ["ev-t2"]
    assert by_place["Ash Hollow"]["properties"]["contested"] is True


@pytest.mark.parametrize(
    "args, words",
    [
        (["export", "--format", "control-geojson"], "needs --date"),
        (["export", "--format", "control-geojson", "--date", "2019-31-01"], "YYYY-MM-DD"),
        (["export", "--format", "geojson", "--date", "2019-06-01"], "control-geojson only"),
        (["export", "--format", "kml"], "control-geojson"),
        (["control", "--date", "June"], "YYYY-MM-DD"),
        (["control"], "give a PLACE"),
    ],
)
def test_cli_control_errors_are_one_line(db: str, args: list[str], words: str) -> None:
    from warwire.cli import app

    result = CliRunner().invoke(app, [*args, "--db", db])
    assert result.exit_code == 2, result.output
    assert words in result.output and "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_cli_control_on_a_day_and_for_a_place(db: str) -> None:
    from warwire.cli import app

    runner = CliRunner()
    result = runner.invoke(app, ["control", "--date", "2019-05-01", "--db", db])
    assert result.exit_code == 0, result.output
    assert "Tel Marrow" in result.output and "[opposition]" in result.output
    assert "Ash Hollow" in result.output and "(before 2019-05-05)" in result.output
    later = runner.invoke(app, ["control", "--date", "2019-06-20", "--db", db]).output
    assert "[syrian_government]" in later and "(before" not in later
    # the old form still works, and the side is shown, not swallowed as markup
    place = runner.invoke(app, ["control", "Tel Marrow", "--db", db])
    assert place.exit_code == 0 and "[syrian_government]" in place.output
    one = runner.invoke(app, ["control", "Tel Marrow", "--date", "2019-05-01", "--db", db])
    assert "[opposition]" in one.output and "Ash Hollow" not in one.output


def test_store_control_version_and_records(store_url: str) -> None:
    """On SQLite and PostgreSQL: the token changes with every replace, and a change stored
    without its point (by an older warwire) gets it from its event."""
    events = control_events()
    with Store(store_url) as store:
        assert store.control_version() == ""
        store.replace_events(events, {})
        old = control_changes(events)
        for c in old:
            c.latitude = c.longitude = None
            c.outlets = []
        store.replace_control_changes(old)
        first = store.control_version()
        store.replace_control_changes(old)
        assert first and store.control_version() not in ("", first)
        records = {c.event: c for c in store.control_change_records()}
    assert (records["ev-t1"].latitude, records["ev-t1"].longitude) == TEL_MARROW
    assert records["ev-t2"].outlets == ["Wire One", "State Agency"]
    assert records["ev-t6"].latitude is None  # its event has no point either
