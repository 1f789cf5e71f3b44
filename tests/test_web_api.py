"""The JSON API and the HTML pages, over a temporary SQLite store built from records."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from warwire.records import Article, Claim, Conflict, ControlChange, Event, Evidence
from warwire.store import Store
from warwire.web import exposure_warning, is_loopback
from warwire.web.api import EventOut, EventPage
from warwire.web.app import create_app
from warwire.web.pages import highlight, safe_url

SCRIPT = "<script>alert(1)</script>"
D = dt.date


def _evidence(article: Article, sentence: str) -> Evidence:
    start = article.text.index(sentence)
    return Evidence(article.id, start, start + len(sentence), sentence)


def sample_articles() -> list[Article]:
    return [
        Article(
            id="a1",
            outlet="Wire One",
            published=D(2020, 2, 28),
            title="Government forces retake town",
            url="https://example.org/a1",
            text=(
                "Government forces recaptured the town of Northville on Thursday, a monitor said. "
                "At least 12 fighters were killed in the clashes.\n\n"
                "Warplanes struck Eastbrook the next day, killing five civilians."
            ),
            content_hash="h1",
        ),
        Article(
            id="a2",
            outlet="State Agency",
            published=D(2020, 2, 28),
            title="Army liberates Northville",
            url="javascript:alert(2)",
            text="The army liberated Northville from terrorists, and 15 terrorists were killed.",
            content_hash="h2",
        ),
        Article(
            id="a3",
            outlet="<b>Bold Outlet</b>",
            published=D(2020, 3, 6),
            title=f"Night attack {SCRIPT}",
            text=f"Gunmen attacked a checkpoint near Southtown. {SCRIPT} Three people died there.",
            content_hash="h3",
        ),
    ]


def sample_events(articles: list[Article]) -> list[Event]:
    a1, a2, a3 = articles
    return [
        Event(
            id="ev-1",
            event_type="Battles",
            sub_event_type="Government regains territory",
            date=D(2020, 2, 27),
            actor1="Military Forces of Syria (2000-)",
            actor2="Hayat Tahrir al-Sham",
            actor1_side="syrian_government",
            actor2_side="jihadist",
            assoc_actor_1=["Military Forces of Russia (2000-)"],
            admin1="Idlib",
            admin2="Idlib",
            location="Northville",
            latitude=35.86,
            longitude=36.80,
            fatalities=12,
            articles=["a1", "a2"],
            outlets=["Wire One", "State Agency"],
            sources=["Wire One", "State Agency", "a monitor"],
            claims=[
                Claim("fatalities", 12, "a1", "at least", "a monitor", "Wire One", "At least 12"),
                Claim("fatalities", 15, "a2", "", "", "State Agency", "15 terrorists"),
            ],
            conflicts=[Conflict("fatalities", [12, 15])],
            evidence=[
                _evidence(a1, "Government forces recaptured the town of Northville on Thursday"),
                _evidence(a2, "The army liberated Northville from terrorists"),
            ],
            independent_sources=2,
            confidence="medium",
            notes="Government forces retook Northville from HTS; 12 to 15 were reported killed.",
        ),
        Event(
            id="ev-2",
            event_type="Explosions/Remote violence",
            sub_event_type="Air/drone strike",
            date=D(2020, 2, 28),
            actor1="Military Forces of Russia (2000-)",
            actor2="Civilians (Syria)",
            actor1_side="russia",
            actor2_side="civilians",
            admin1="Idlib",
            location="Eastbrook",
            latitude=35.81,
            longitude=36.63,
            fatalities=5,
            articles=["a1"],
            outlets=["Wire One"],
            sources=["Wire One"],
            evidence=[_evidence(a1, "Warplanes struck Eastbrook the next day")],
            notes="Warplanes struck Eastbrook; five civilians were reported killed.",
        ),
        Event(
            id="ev-3",
            event_type="Violence against civilians",
            sub_event_type="Attack",
            date=D(2020, 3, 5),
            actor1="Unidentified Armed Group (Syria)",
            actor2="Civilians (Syria)",
            actor2_side="civilians",
            admin1="Daraa",
            location="Southtown",
            latitude=32.62,
            longitude=36.10,
            fatalities=3,
            articles=["a3"],
            outlets=["<b>Bold Outlet</b>"],
            sources=["<b>Bold Outlet</b>"],
            evidence=[_evidence(a3, f"Gunmen attacked a checkpoint near Southtown. {SCRIPT}")],
            notes=f"Gunmen attacked a checkpoint near Southtown {SCRIPT}",
        ),
        Event(
            id="ev-4",
            event_type="Protests",
            sub_event_type="Peaceful protest",
            date=D(2020, 3, 6),
            date_range=(D(2020, 3, 5), D(2020, 3, 7)),
            time_precision=2,
            actor1="Protesters (Syria)",
            actor1_side="protesters",
            admin1="Damascus",
            location="Old Quarter",
            articles=["a3"],
            outlets=["<b>Bold Outlet</b>"],
            notes="People protested in the Old Quarter.",
        ),
        Event(
            id="ev-5",
            event_type="Strategic developments",
            sub_event_type="Agreement",
            date=None,
            actor1="Military Forces of Turkey (2016-)",
            actor1_side="turkey",
            admin1="Idlib",
            articles=["a2"],
            outlets=["State Agency"],
        ),
    ]


def sample_control() -> list[ControlChange]:
    return [
        ControlChange(
            place="Northville",
            place_id="",
            admin1="Idlib",
            date=D(2020, 2, 27),
            date_range=None,
            to_side="syrian_government",
            to_actor="Military Forces of Syria (2000-)",
            from_side="jihadist",
            from_actor="Hayat Tahrir al-Sham",
            event="ev-1",
            articles=["a1", "a2"],
            sources=["Wire One", "State Agency"],
        )
    ]


def build_store(location: Path | str) -> str:
    """A store (SQLite path or PostgreSQL URL) holding the samples; returns its url."""
    url = str(location)
    store = Store(url)
    articles = sample_articles()
    for a in articles:
        store.upsert_article(a)
    store.replace_events(sample_events(articles), {})
    store.replace_control_changes(sample_control())
    store.close()
    return url


def tiny_boundaries(path: Path) -> Path:
    """Two squares standing in for provinces, with their admin names."""
    square = [[[36.0, 35.0], [37.0, 35.0], [37.0, 36.5], [36.0, 36.5], [36.0, 35.0]]]
    south = [[[35.8, 32.3], [36.8, 32.3], [36.8, 33.0], [35.8, 33.0], [35.8, 32.3]]]
    data = {
        "type": "FeatureCollection",
        "attribution": "Test boundaries",
        "features": [
            {
                "type": "Feature",
                "properties": {"admin1": "Idlib", "level": 1},
                "geometry": {"type": "Polygon", "coordinates": square},
            },
            {
                "type": "Feature",
                "properties": {"admin1": "Daraa", "level": 1},
                "geometry": {"type": "Polygon", "coordinates": south},
            },
        ],
    }
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    tmp = tmp_path_factory.mktemp("web")
    url = build_store(tmp / "web.db")
    app = create_app(url, boundaries=tiny_boundaries(tmp / "b.geojson"))
    with TestClient(app) as c:
        yield c


def ids(resp) -> list[str]:  # noqa: ANN001
    return [e["id"] for e in resp.json()["events"]]


# -- events -----------------------------------------------------------------------------------


def test_events_lists_all_with_total(client: TestClient) -> None:
    r = client.get("/api/events")
    assert r.status_code == 200
    body = r.json()
    assert body["total"] == 5 and len(body["events"]) == 5
    EventPage.model_validate(body)  # returned without re-validation: must still fit the schema
    by_id = {e["id"]: e for e in body["events"]}
    assert by_id["ev-1"]["evidence"] and by_id["ev-1"]["claims"]  # the full view has evidence


def test_events_compact_view_leaves_out_evidence(client: TestClient) -> None:
    events = client.get("/api/events", params={"view": "compact"}).json()["events"]
    e = next(e for e in events if e["id"] == "ev-1")
    EventOut.model_validate(e)
    assert e["evidence"] is None and e["claims"] is None
    assert e["latitude"] is not None and e["outlets"]


@pytest.mark.parametrize(
    "params, expected",
    [
        ({"start": "2020-02-28"}, {"ev-2", "ev-3", "ev-4"}),
        ({"end": "2020-02-28"}, {"ev-1", "ev-2"}),
        ({"start": "2020-02-28", "end": "2020-03-05"}, {"ev-2", "ev-3"}),
        ({"event_type": "Battles"}, {"ev-1"}),
        ({"event_type": "Air/drone strike"}, {"ev-2"}),
        ({"sub_event_type": "Attack"}, {"ev-3"}),
        ({"admin1": "idlib"}, {"ev-1", "ev-2", "ev-5"}),
        ({"side": "civilians"}, {"ev-2", "ev-3"}),
        ({"place": "northville"}, {"ev-1"}),
        ({"outlet": "Wire One"}, {"ev-1", "ev-2"}),
        ({"outlet": "<b>Bold Outlet</b>"}, {"ev-3", "ev-4"}),
        ({"min_sources": 2}, {"ev-1"}),
        ({"admin1": "Idlib", "side": "russia"}, {"ev-2"}),
    ],
)
def test_event_filters(client: TestClient, params: dict, expected: set[str]) -> None:
    r = client.get("/api/events", params=params)
    assert r.status_code == 200, r.text
    assert set(ids(r)) == expected
    assert r.json()["total"] == len(expected)


def test_event_paging(client: TestClient) -> None:
    all_ids = ids(client.get("/api/events"))
    page1 = client.get("/api/events", params={"limit": 2, "offset": 0}).json()
    page2 = client.get("/api/events", params={"limit": 2, "offset": 2}).json()
    page3 = client.get("/api/events", params={"limit": 2, "offset": 4}).json()
    got = [e["id"] for p in (page1, page2, page3) for e in p["events"]]
    assert got == all_ids
    assert page1["total"] == page3["total"] == 5
    assert len(page3["events"]) == 1
    assert page2["limit"] == 2 and page2["offset"] == 2


def test_event_by_id(client: TestClient) -> None:
    e = client.get("/api/events/ev-1").json()
    assert e["conflicts"] == [{"field": "fatalities", "values": [12, 15]}]
    assert e["evidence"][0]["article"] == "a1"
    assert e["assoc_actor_1"] == ["Military Forces of Russia (2000-)"]
    ranged = client.get("/api/events/ev-4").json()
    assert ranged["date_range"] == ["2020-03-05", "2020-03-07"]


@pytest.mark.parametrize(
    "url, status, words",
    [
        ("/api/events?start=2020-13-45", 422, "YYYY-MM-DD"),
        ("/api/events?start=27/02/2020", 422, "YYYY-MM-DD"),
        ("/api/events?end=yesterday", 422, "end"),
        ("/api/events?start=2020-03-01&end=2020-02-01", 422, "before"),
        ("/api/events?limit=10000", 422, "500"),
        ("/api/events?limit=0", 422, "limit"),
        ("/api/events?offset=-1", 422, "offset"),
        ("/api/events?min_sources=zero", 422, "min_sources"),
        ("/api/events?view=everything", 422, "view"),
        ("/api/events?colour=red", 400, "colour"),
        ("/api/events?admin_1=Idlib", 400, "admin1"),
        ("/api/places?x=1", 400, "no query parameters"),
        ("/api/articles?limit=501", 422, "500"),
        ("/api/articles?sort=title", 400, "sort"),
        ("/api/events/no-such-event", 404, "no-such-event"),
        ("/api/articles/no-such-article", 404, "no-such-article"),
        ("/api/places/Atlantis/control", 404, "Atlantis"),
    ],
)
def test_bad_requests_are_4xx_with_a_clear_message(
    client: TestClient, url: str, status: int, words: str
) -> None:
    r = client.get(url)
    assert r.status_code == status, r.text
    assert words in json.dumps(r.json())


# -- places, control, outlets, articles ------------------------------------------------------


def test_places(client: TestClient) -> None:
    places = client.get("/api/places").json()
    names = {p["name"]: p for p in places}
    assert set(names) == {"Northville", "Eastbrook", "Southtown", "Old Quarter"}
    assert names["Northville"]["events"] == 1 and names["Northville"]["admin1"] == "Idlib"
    assert names["Northville"]["latitude"] == pytest.approx(35.86)
    assert names["Old Quarter"]["latitude"] is None


def test_place_control(client: TestClient) -> None:
    changes = client.get("/api/places/Northville/control").json()
    assert len(changes) == 1
    assert changes[0]["to_side"] == "syrian_government" and changes[0]["event"] == "ev-1"
    # a place with events but no change of control: empty, not an error
    assert client.get("/api/places/Eastbrook/control").json() == []


def test_outlets(client: TestClient) -> None:
    body = client.get("/api/outlets").json()
    rows = {r["outlet"]: r for r in body["outlets"]}
    assert rows["Wire One"]["articles"] == 1 and rows["Wire One"]["events"] == 2
    assert rows["<b>Bold Outlet</b>"]["events"] == 2
    assert rows["State Agency"]["events"] == 2


def test_articles_paging_and_detail(client: TestClient) -> None:
    page = client.get("/api/articles", params={"limit": 2}).json()
    assert page["total"] == 3 and len(page["articles"]) == 2
    assert "text" not in page["articles"][0]
    rest = client.get("/api/articles", params={"limit": 2, "offset": 2}).json()
    assert len(rest["articles"]) == 1
    by_outlet = client.get("/api/articles", params={"outlet": "Wire One"}).json()
    assert [a["id"] for a in by_outlet["articles"]] == ["a1"] and by_outlet["total"] == 1
    a = client.get("/api/articles/a1").json()
    assert a["text"].startswith("Government forces") and set(a["events"]) == {"ev-1", "ev-2"}


def test_boundaries_served_from_configured_file(client: TestClient) -> None:
    r = client.get("/api/boundaries")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("application/geo+json")
    assert len(r.json()["features"]) == 2


def test_packaged_boundaries_are_served(tmp_path: Path) -> None:
    from importlib import resources

    packaged = resources.files("warwire").joinpath("data/admin_boundaries.geojson")
    if not packaged.is_file():
        pytest.skip("no boundaries bundled in this checkout")
    with TestClient(create_app(build_store(tmp_path / "s.db"))) as c:
        r = c.get("/api/boundaries")
        assert r.status_code == 200
        data = r.json()
        assert data["type"] == "FeatureCollection" and data["features"]
        assert "admin1" in data["features"][0]["properties"]


def test_boundaries_missing_is_404(tmp_path: Path) -> None:
    url = build_store(tmp_path / "s.db")
    with TestClient(create_app(url, boundaries=tmp_path / "absent.geojson")) as c:
        assert c.get("/api/boundaries").status_code == 404
        assert c.get("/").status_code == 200  # the page still works without a basemap


def test_openapi_schema_is_valid(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    assert schema["openapi"].startswith("3.")
    app_schema = client.app.openapi()
    assert json.loads(json.dumps(app_schema)) == schema
    paths = schema["paths"]
    for path in (
        "/api/events",
        "/api/events/{event_id}",
        "/api/places",
        "/api/places/{name}/control",
        "/api/outlets",
        "/api/articles",
        "/api/articles/{article_id}",
        "/api/boundaries",
    ):
        assert path in paths, path
    for path, ops in paths.items():
        for method, op in ops.items():
            assert op.get("responses"), f"{method} {path} documents no response"
    params = {p["name"] for p in paths["/api/events"]["get"]["parameters"]}
    assert {"start", "end", "outlet", "min_sources", "limit", "offset"} <= params
    refs = set(re.findall(r'"#/components/schemas/([^"]+)"', json.dumps(schema)))
    for ref in refs:
        assert ref in schema["components"]["schemas"], ref
    try:
        from openapi_spec_validator import validate
    except ImportError:
        return
    validate(schema)


def test_no_cdn_docs_and_security_headers(client: TestClient) -> None:
    assert client.get("/docs").status_code == 404
    r = client.get("/")
    assert "script-src 'self'" in r.headers["content-security-policy"]
    assert "http://" not in r.text.replace("http://www.w3.org", "")
    assert "https://" not in r.text


def test_static_files_cannot_escape_their_folder(client: TestClient) -> None:
    assert client.get("/static/map.js").status_code == 200
    for url in ("/static/../app.py", "/static/%2e%2e/app.py", "/static/..%2Fapp.py"):
        r = client.get(url)
        assert r.status_code == 404 or "create_app" not in r.text


# -- pages ------------------------------------------------------------------------------------


def test_index_page(client: TestClient) -> None:
    html = client.get("/").text
    assert 'id="map"' in html and 'id="timeline"' in html and "/static/index.js" in html
    assert "Test boundaries" in html  # the basemap's attribution is shown


def test_event_page_highlights_evidence_and_shows_conflict(client: TestClient) -> None:
    html = client.get("/events/ev-1").text
    assert (
        '<mark class="evidence">Government forces recaptured the town of Northville on Thursday'
        "</mark>" in html
    )
    assert '<mark class="evidence">The army liberated Northville from terrorists</mark>' in html
    assert "reports disagree:" in html and "12 vs 15" in html
    assert "javascript:" not in html  # article a2's URL is dropped, not linked
    assert 'href="https://example.org/a1"' in html


def test_script_in_article_is_escaped_everywhere(client: TestClient) -> None:
    pages = ["/events/ev-3", "/articles/a3", "/places/Southtown", "/outlets"]
    for url in pages:
        html = client.get(url).text
        assert "<script>alert" not in html, url
        assert "<b>Bold Outlet</b>" not in html, url
        assert "&lt;b&gt;Bold Outlet&lt;/b&gt;" in html, url
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in client.get("/events/ev-3").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in client.get("/articles/a3").text
    # the JSON API returns the text as data
    assert SCRIPT in client.get("/api/articles/a3").json()["text"]


def test_place_page_shows_control_and_events(client: TestClient) -> None:
    html = client.get("/places/Northville").text
    assert "taken by" in html and "Military Forces of Syria (2000-)" in html
    assert "/events/ev-1" in html
    assert client.get("/places/Atlantis").status_code == 404


def test_outlets_page_lists_outlets(client: TestClient) -> None:
    html = client.get("/outlets").text
    for name in ("Wire One", "State Agency"):
        assert name in html


def test_unknown_pages_are_404(client: TestClient) -> None:
    assert client.get("/events/nope").status_code == 404
    assert client.get("/articles/nope").status_code == 404


def test_article_page_highlights_evidence_of_citing_events(client: TestClient) -> None:
    html = client.get("/articles/a1").text
    assert '<mark class="evidence">Warplanes struck Eastbrook the next day</mark>' in html
    assert "/events/ev-2" in html


@pytest.mark.postgres
def test_api_queries_on_postgres(pg_schema_url: str) -> None:
    """The JSON-list filters and counts have their own SQL on PostgreSQL."""
    url = build_store(pg_schema_url)
    with TestClient(create_app(url)) as c:
        assert set(ids(c.get("/api/events", params={"outlet": "Wire One"}))) == {"ev-1", "ev-2"}
        assert set(ids(c.get("/api/events", params={"sub_event_type": "Attack"}))) == {"ev-3"}
        assert c.get("/api/events", params={"limit": 2, "offset": 4}).json()["total"] == 5
        places = {p["name"]: p for p in c.get("/api/places").json()}
        assert places["Northville"]["latitude"] == pytest.approx(35.86)
        outlets = {r["outlet"]: r for r in c.get("/api/outlets").json()["outlets"]}
        assert outlets["Wire One"]["events"] == 2
        assert set(c.get("/api/articles/a1").json()["events"]) == {"ev-1", "ev-2"}
        assert c.get("/api/places/Northville/control").json()[0]["event"] == "ev-1"
        assert '<mark class="evidence">' in c.get("/events/ev-1").text


# -- helpers ----------------------------------------------------------------------------------


def test_highlight_falls_back_to_search_and_merges_overlaps() -> None:
    text = "One two three. Four five six."
    stale = Evidence("a", 0, 3, "Four five")  # offsets from an older version of the text
    h = highlight(text, [stale, Evidence("a", 15, 19, "Four"), Evidence("a", 99, 120, "gone")])
    assert [s for s, marked in h.segments if marked] == ["Four five"]
    assert "".join(s for s, _ in h.segments) == text
    assert [m.text for m in h.missing] == ["gone"]


def test_safe_url_keeps_only_http() -> None:
    assert safe_url("https://x.org/a") == "https://x.org/a"
    assert safe_url("JavaScript:alert(1)") == ""
    assert safe_url("data:text/html,<b>") == ""


def test_non_loopback_hosts_warn(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import uvicorn

    from warwire.web import serve

    assert is_loopback("127.0.0.1") and is_loopback("localhost") and is_loopback("::1")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.5")
    assert exposure_warning("127.0.0.1", 8000) is None
    calls: list[tuple[str, int]] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, host, port, **kw: calls.append((host, port)))
    serve(str(tmp_path / "s.db"), host="0.0.0.0", port=8123)
    assert calls == [("0.0.0.0", 8123)]
    err = capsys.readouterr().err
    assert "warning" in err and "0.0.0.0" in err
    serve(str(tmp_path / "s.db"))
    assert calls[-1] == ("127.0.0.1", 8000)
    assert "warning" not in capsys.readouterr().err
