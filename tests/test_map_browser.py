"""The offline map in headless Chromium: countries, rivers, highways and town labels that
appear as the zoom grows; a day slider over the store's whole range and a typed day that the
event layer follows; province-level events drawn apart; keyboard zoom and pan. Saves
screenshots of the map, an event page and a place page to tests/artifacts/."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

from test_web_api import build_store
from test_web_browser import ARTIFACTS, driver, serve  # noqa: F401 - driver is a fixture
from warwire.records import Event
from warwire.store import Store

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    from warwire.web.app import create_app

    url = build_store(tmp_path_factory.mktemp("map-browser") / "m.db")
    with Store(url) as store:
        province = Event(
            id="ev-prov",
            event_type="Battles",
            sub_event_type="Armed clash",
            date=dt.date(2020, 3, 1),
            admin1="Idlib",
            location="Idlib",
            latitude=35.83,
            longitude=36.63,
            geo_precision=3,
            outlets=["Wire One"],
        )
        store.replace_events([*store.events(), province], {})
    yield from serve(create_app(url))  # the packaged boundaries and basemap


def _js(d, script: str, *args):  # noqa: ANN001, ANN202
    return d.execute_script(script, *args)


def _labels(d) -> list[int]:  # noqa: ANN001
    return _js(
        d,
        "return Array.from(document.querySelectorAll('#map .town-label'))"
        ".map(function (t) { return Number(t.getAttribute('data-population')); });",
    )


def _on_map(d) -> set[str]:  # noqa: ANN001
    """Ids of the events drawn as town markers, alone or in a numbered circle."""
    return set(
        _js(
            d,
            "var ids = [];"
            "document.querySelectorAll('#map .event-marker').forEach(function (m) {"
            "  ids.push(m.getAttribute('data-id')); });"
            "document.querySelectorAll('#map .cluster-marker').forEach(function (g) {"
            "  ids = ids.concat(g.getAttribute('data-ids').split(' ')); });"
            "return ids;",
        )
    )


def test_offline_map_slider_typed_day_labels_and_keys(server: str, driver) -> None:  # noqa: ANN001, F811
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import WebDriverWait

    d = driver
    wait = WebDriverWait(d, 10)
    ARTIFACTS.mkdir(exist_ok=True)
    d.get(server + "/")
    wait.until(lambda d: d.find_element(By.ID, "event-count").get_attribute("data-shown"))
    wait.until(lambda d: d.find_element(By.ID, "control-date").text.startswith("20"))

    # what the map is drawn on, with nothing fetched from elsewhere
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#map .world .country"))
    names = {
        t.get_attribute("textContent")
        for t in d.find_elements(By.CSS_SELECTOR, "#map .country-label")
    }
    assert {"Turkey", "Iraq", "Lebanon", "Jordan"} <= names
    assert len(d.find_elements(By.CSS_SELECTOR, "#map .lines .river")) >= 3
    assert len(d.find_elements(By.CSS_SELECTOR, "#map .lines .highway")) >= 3

    # the slider spans the store's whole range and opens on its last day: every event shows
    slider = d.find_element(By.ID, "control-day")
    assert d.find_element(By.ID, "map-date").get_attribute("value") == "2020-03-06"
    assert {"ev-1", "ev-2", "ev-3"} <= _on_map(d)
    # province-level events are drawn apart, as a ring, not as a town marker
    ring = d.find_element(By.CSS_SELECTOR, "#map .province-marker[data-admin1='Idlib']")
    assert ring.get_attribute("data-count") == "1" and "ev-prov" not in _on_map(d)
    d.save_screenshot(str(ARTIFACTS / "map_overview.png"))

    # slider to its first day: only the events up to that day are on the map
    slider.send_keys(Keys.HOME)
    wait.until(lambda d: d.find_element(By.ID, "map-date").get_attribute("value") == "2020-02-27")
    wait.until(lambda d: _on_map(d) == {"ev-1"})

    # a typed day moves the slider and the event layer
    _js(
        d,
        "var i = document.getElementById('map-date'); i.value = arguments[0];"
        "i.dispatchEvent(new Event('change', {bubbles: true}));",
        "2020-02-28",
    )
    wait.until(lambda d: d.find_element(By.ID, "control-date").text == "2020-02-28")
    wait.until(lambda d: _on_map(d) == {"ev-1", "ev-2"})
    # a window of one day keeps only that day's events
    d.find_element(By.CSS_SELECTOR, "#event-window option[value='1']").click()
    wait.until(lambda d: _on_map(d) == {"ev-2"})
    d.find_element(By.CSS_SELECTOR, "#event-window option[value='0']").click()
    slider.send_keys(Keys.END)
    wait.until(lambda d: "ev-3" in _on_map(d))

    # town labels: the big cities first; zooming in with the keyboard brings smaller towns
    before = _labels(d)
    assert before and min(before) >= 150000
    svg = d.find_element(By.ID, "map")
    d.find_element(By.ID, "zoom-fit").click()  # to the events, in the west
    k0 = float(d.find_element(By.ID, "map-status").text.split("×")[1].split()[0])
    svg.send_keys("+", "+", "+")
    wait.until(lambda d: _labels(d) and min(_labels(d)) < min(before))
    k = float(d.find_element(By.ID, "map-status").text.split("×")[1].split()[0])
    assert abs(k - k0 * 1.5**3) < 0.2 or k == 64
    # the arrows pan the map
    start = _js(d, "return document.querySelector('#map .basemap').getAttribute('transform');")
    svg.send_keys(Keys.ARROW_LEFT)
    assert (
        _js(d, "return document.querySelector('#map .basemap').getAttribute('transform');") != start
    )
    d.save_screenshot(str(ARTIFACTS / "map_zoomed_labels.png"))
    # a wheel turn zooms smoothly: one notch is a small step, not a jump
    svg.send_keys("0")
    _js(
        d,
        "var s = document.getElementById('map'), r = s.getBoundingClientRect();"
        "s.dispatchEvent(new WheelEvent('wheel', {deltaY: -100, clientX: r.x + r.width / 2,"
        " clientY: r.y + r.height / 2, bubbles: true, cancelable: true}));",
    )
    wait.until(lambda d: "zoom ×1.0" not in d.find_element(By.ID, "map-status").text)
    k = float(d.find_element(By.ID, "map-status").text.split("×")[1].split()[0])
    assert 1.05 < k < 1.5

    # an event page and a place page
    d.get(server + "/events/ev-1")
    wait.until(lambda d: d.find_elements(By.ID, "event-note"))
    assert "27 February 2020" in d.find_element(By.ID, "event-note").text
    d.save_screenshot(str(ARTIFACTS / "event_page.png"))
    d.get(server + "/places/Northville")
    wait.until(lambda d: d.find_elements(By.TAG_NAME, "h1"))
    d.save_screenshot(str(ARTIFACTS / "place_page.png"))
