"""The web view in headless Chromium: map, clustering, date filter, evidence, escaping.

Needs Debian's chromium and chromium-driver; installs them when running as root with apt-get
(as scripts/system_deps.sh does), else skips. Screenshots go to tests/artifacts/.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from test_web_api import SCRIPT, build_store, tiny_boundaries
from warwire.records import Event
from warwire.store import Store

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"


def _ensure_browser() -> None:
    if CHROMIUM.exists() and CHROMEDRIVER.exists():
        return
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        pytest.skip("chromium and chromium-driver are not installed and we are not root")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update", "-qq"], env=env, capture_output=True, timeout=300)
    subprocess.run(
        ["apt-get", "install", "-y", "-qq", "chromium", "chromium-driver"],
        env=env,
        capture_output=True,
        timeout=600,
    )
    if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
        pytest.skip("apt-get could not install chromium and chromium-driver")


def serve(app: object) -> Iterator[str]:
    """Run APP with uvicorn on a free loopback port for a fixture; yields its base URL."""
    import uvicorn

    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="error"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not srv.started:
        if time.monotonic() > deadline:
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=5)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _close_group() -> list[Event]:
    """Three events about two kilometres apart, two of them at the very same spot."""
    return [
        Event(
            id=f"ev-c{i}",
            event_type="Riots",
            sub_event_type="Violent demonstration",
            date=dt.date(2020, 3, 1),
            admin1="Damascus",
            location=f"Quarter {spot}",
            latitude=33.51 + 0.02 * spot,
            longitude=36.29 + 0.02 * spot,
            outlets=["Wire One"],
        )
        for i, spot in ((1, 1), (2, 2), (3, 1))
    ]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:

    from warwire.web.app import create_app

    tmp = tmp_path_factory.mktemp("browser")
    url = build_store(tmp / "web.db")
    store = Store(url)
    store.replace_events([*store.events(), *_close_group()], {})
    store.close()
    app = create_app(url, boundaries=tiny_boundaries(tmp / "b.geojson"))
    yield from serve(app)


@pytest.fixture(scope="module")
def driver() -> Iterator[object]:
    _ensure_browser()
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for arg in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--window-size=1400,1000",
        "--lang=en-GB",
    ):
        options.add_argument(arg)
    d = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    d.set_page_load_timeout(20)
    yield d
    d.quit()


def _drawn(d) -> int:  # noqa: ANN001
    """Events on the map: single points plus the members of numbered circles."""
    return d.execute_script(
        "var n = document.querySelectorAll('#map .event-marker').length;"
        "document.querySelectorAll('#map .cluster-marker').forEach(function (g) {"
        "  n += Number(g.getAttribute('data-count')); });"
        "return n;"
    )


def _shown(d) -> int:  # noqa: ANN001
    return int(d.find_element("id", "event-count").get_attribute("data-shown"))


def _set_dates(d, start: str, end: str) -> None:  # noqa: ANN001
    d.execute_script(
        "var s = document.getElementById('f-start'), e = document.getElementById('f-end');"
        "s.value = arguments[0]; e.value = arguments[1];"
        "e.dispatchEvent(new Event('change', {bubbles: true}));",
        start,
        end,
    )


def test_map_timeline_filter_and_evidence(server: str, driver) -> None:  # noqa: ANN001
    from selenium.common.exceptions import TimeoutException
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    d = driver
    wait = WebDriverWait(d, 10)
    ARTIFACTS.mkdir(exist_ok=True)

    # the map page: every event counted, every placed event drawn, bars on the timeline
    d.get(server + "/")
    wait.until(lambda d: d.find_element(By.ID, "event-count").get_attribute("data-shown"))
    assert _shown(d) == 8
    assert _drawn(d) == 6  # the two events without coordinates are listed, not drawn
    assert d.find_elements(By.CSS_SELECTOR, "#map .basemap path")
    assert len(d.find_elements(By.CSS_SELECTOR, "#timeline .bar")) >= 5
    d.save_screenshot(str(ARTIFACTS / "web_map.png"))

    # zoomed out, the close group is one numbered circle; clicking it zooms until it splits
    def riots() -> list:
        return [
            g
            for g in d.find_elements(By.CSS_SELECTOR, "#map .cluster-marker")
            if "Riots" in g.find_element(By.TAG_NAME, "title").get_attribute("textContent")
        ]

    assert [g.get_attribute("data-count") for g in riots()] == ["3"]
    for _ in range(4):
        if [g.get_attribute("data-count") for g in riots()] == ["2"]:
            break
        ActionChains(d).move_to_element(riots()[0]).click().perform()
    ids = {m.get_attribute("data-id") for m in d.find_elements(By.CSS_SELECTOR, ".event-marker")}
    assert "ev-c2" in ids and not {"ev-c1", "ev-c3"} & ids
    # the two at one spot stay together; clicking them lists both
    ActionChains(d).move_to_element(riots()[0]).click().perform()
    listed = d.find_elements(By.CSS_SELECTOR, "#selected ul.many a")
    assert {a.get_attribute("href").rsplit("/", 1)[-1] for a in listed} == {"ev-c1", "ev-c3"}
    d.find_element(By.ID, "zoom-reset").click()

    # a date range filters the count, the list and the map together
    _set_dates(d, "2020-02-28", "2020-03-05")
    wait.until(lambda d: _shown(d) == 5)  # ev-2, the group on 03-01, ev-3
    assert _drawn(d) == 5
    rows = d.find_elements(By.CSS_SELECTOR, "#event-list tbody tr")
    assert {r.get_attribute("data-id") for r in rows} == {"ev-2", "ev-3", "ev-c1", "ev-c2", "ev-c3"}
    # the timeline drills down to the chosen days
    days = [g.get_attribute("data-day") for g in d.find_elements(By.CSS_SELECTOR, "#timeline .day")]
    assert days and all("2020-02-28" <= day <= "2020-03-05" for day in days)
    # the notes' script tag is text in the list, not markup
    note = d.find_element(By.CSS_SELECTOR, "#event-list tr[data-id='ev-3'] .note-line")
    assert SCRIPT in note.text
    d.save_screenshot(str(ARTIFACTS / "web_map_filtered.png"))

    # dragging across the timeline chooses days too; "All days" goes back
    d.find_element(By.ID, "timeline-all").click()
    wait.until(lambda d: _shown(d) == 8)
    bars = d.find_element(By.ID, "timeline")
    w = bars.size["width"]
    ActionChains(d).move_to_element_with_offset(
        bars, int(-w * 0.45), 0
    ).click_and_hold().move_by_offset(int(w * 0.2), 0).release().perform()
    wait.until(lambda d: d.find_element(By.ID, "f-start").get_attribute("value"))
    assert 0 < _shown(d) < 8

    # an event page: the evidence sentence is highlighted inside the article text
    d.get(server + "/events/ev-1")
    marks = d.find_elements(By.CSS_SELECTOR, ".article-text mark.evidence")
    texts = [m.text for m in marks]
    assert "Government forces recaptured the town of Northville on Thursday" in texts
    assert marks[0].is_displayed()
    d.execute_script("arguments[0].scrollIntoView()", marks[0])
    d.save_screenshot(str(ARTIFACTS / "web_event.png"))

    # a script tag in an article shows as text and never runs
    d.get(server + "/events/ev-3")
    with pytest.raises(TimeoutException):
        WebDriverWait(d, 1).until(ec.alert_is_present())
    body = d.find_element(By.TAG_NAME, "body").text
    assert SCRIPT in body
    assert not d.find_elements(By.XPATH, "//script[contains(., 'alert')]")
    assert d.find_elements(By.CSS_SELECTOR, "mark.evidence")
