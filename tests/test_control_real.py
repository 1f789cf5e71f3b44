"""Control on real reporting (../shared/corpus/real-dev): ACLED's meaning of a change of control.

No place is shown held before the store's first report on it, and a province is never a place
on the control map."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from warwire import pipeline
from warwire.store import open_store
from warwire.web.app import create_app

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "real-dev"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus/real-dev not found"),
]


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    db = str(tmp_path_factory.mktemp("real-control") / "w.db")
    store = open_store(db)
    pipeline.ingest(store, CORPUS)
    pipeline.code_pending(store, engine="local")
    pipeline.merge(store)
    store.close()
    with TestClient(create_app(db)) as c:
        yield c


def _places(client: TestClient, day: str | None = None) -> list[dict]:
    r = client.get("/api/control", params={"date": day} if day else {})
    assert r.status_code == 200, r.text
    return r.json()["places"]


def test_no_place_is_held_before_the_first_report(client: TestClient) -> None:
    assert _places(client, "2000-01-01") == []
    assert _places(client, "2015-12-31") == []


def test_no_province_is_a_place_on_the_control_map(client: TestClient) -> None:
    places = _places(client)
    assert places
    for p in places:
        for eid in p["events"]:
            e = client.get(f"/api/events/{eid}").json()
            assert e["geo_precision"] < 3, (p["place"], eid)  # 3: placed only by province


def test_actor_filter_finds_the_islamic_state(client: TestClient) -> None:
    r = client.get("/api/events", params={"actor": "islamic"})
    events = r.json()["events"]
    assert events
    for e in events:
        names = [e["actor1"], e["actor2"], *e["assoc_actor_1"], *e["assoc_actor_2"]]
        assert any(n and "islamic" in n.lower() for n in names)
    assert any("Islamic State" in (e["actor1"] or "") + (e["actor2"] or "") for e in events)
