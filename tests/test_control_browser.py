"""The control layer in headless Chromium: the slider redraws who holds what, layers toggle,
a click on a place opens its page and its control band links each change to its event.

The store is the invented one of test_control_api: Tel Marrow taken by rebels from the
government on 2019-03-01 and regained by the government on 2019-06-15; Ash Hollow taken by IS
on 2019-04-10, then claimed on 2019-06-12 by the SDF (two outlets) and by rebels (one).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from test_control_api import build_control_store
from test_web_api import tiny_boundaries
from test_web_browser import ARTIFACTS, driver, serve  # noqa: F401 - driver is a fixture
from warwire.web.camps import camp_colour

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:

    from warwire.web.app import create_app

    tmp = tmp_path_factory.mktemp("control-browser")
    app = create_app(build_control_store(tmp / "c.db"), boundaries=tiny_boundaries(tmp / "b.json"))
    yield from serve(app)


def _fill(d, place: str) -> str | None:  # noqa: ANN001
    return d.execute_script(
        "var m = document.querySelector('#map .control-marker[data-place=\"' + arguments[0] +"
        " '\"] .holder'); return m ? m.getAttribute('fill') : null;",
        place,
    )


def _loaded(d) -> str:  # noqa: ANN001
    return d.find_element("id", "control-date").get_attribute("data-loaded") or ""


def test_slider_redraws_the_control_layer(server: str, driver) -> None:  # noqa: ANN001, F811
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import WebDriverWait

    d = driver
    wait = WebDriverWait(d, 10)
    ARTIFACTS.mkdir(exist_ok=True)
    gov, rebels = camp_colour("government"), camp_colour("opposition")

    # the map opens on the day of the last change: the government holds Tel Marrow
    d.get(server + "/")
    wait.until(lambda d: _loaded(d) == "2019-06-15")
    assert _fill(d, "Tel Marrow") == gov
    assert _fill(d, "Ash Hollow") == camp_colour("kurdish")
    legend = d.find_element(By.ID, "control-legend").text
    assert "Government and allies" in legend and "Opposition" in legend
    ash = d.find_element(By.CSS_SELECTOR, "#map .control-marker[data-place='Ash Hollow']")
    assert "contested" in ash.get_attribute("class")

    # the start of the slider, the store's first event (a shelling there, before the first
    # change): the government held it, as the rebels' capture says (drawn faded: inferred)
    slider = d.find_element(By.ID, "control-day")
    slider.send_keys(Keys.HOME)
    wait.until(lambda d: _loaded(d) == "2019-02-01")
    assert _fill(d, "Tel Marrow") == gov
    tel = d.find_element(By.CSS_SELECTOR, "#map .control-marker[data-place='Tel Marrow']")
    assert "inferred" in tel.get_attribute("class")

    # dragging the slider to April: the rebels held it then
    width = slider.size["width"]
    ActionChains(d).move_to_element_with_offset(slider, int(width * 0.45) - width // 2, 0).click(
    ).perform()  # fmt: skip
    wait.until(lambda d: "2019-03-01" <= _loaded(d) < "2019-06-15")
    assert _fill(d, "Tel Marrow") == rebels
    d.save_screenshot(str(ARTIFACTS / "web_control_before.png"))

    # to the end of the slider (the store's last day) with the keyboard: held by the
    # government again, on the front line (it changed hands that day); three days back the
    # rebels still held it
    slider.send_keys(Keys.END)
    wait.until(lambda d: _loaded(d) == "2019-06-15")
    assert _fill(d, "Tel Marrow") == gov
    tel = d.find_element(By.CSS_SELECTOR, "#map .control-marker[data-place='Tel Marrow']")
    assert "front" in tel.get_attribute("class")
    slider.send_keys(Keys.ARROW_LEFT, Keys.ARROW_LEFT, Keys.ARROW_LEFT)
    wait.until(lambda d: _loaded(d) == "2019-06-12")
    assert _fill(d, "Tel Marrow") == rebels
    slider.send_keys(Keys.END)
    wait.until(lambda d: _loaded(d) == "2019-06-15")
    tel = d.find_element(By.CSS_SELECTOR, "#map .control-marker[data-place='Tel Marrow']")
    d.save_screenshot(str(ARTIFACTS / "web_control_after.png"))

    # the two layers toggle independently
    events_box, control_box = (
        d.find_element(By.ID, "layer-events"),
        d.find_element(By.ID, "layer-control"),
    )
    assert d.find_elements(By.CSS_SELECTOR, "#map .event-marker, #map .cluster-marker")
    events_box.click()
    assert not any(
        m.is_displayed() for m in d.find_elements(By.CSS_SELECTOR, "#map .points .marker")
    )
    control_box.click()
    assert not tel.is_displayed()
    control_box.click()
    tel = d.find_element(By.CSS_SELECTOR, "#map .control-marker[data-place='Tel Marrow']")
    assert tel.is_displayed()

    # a click on a place opens its page, whose band links each change to its event
    ActionChains(d).move_to_element(tel).click().perform()
    wait.until(lambda d: "/places/Tel%20Marrow" in d.current_url)
    links = d.find_elements(By.CSS_SELECTOR, "svg.control-band a")
    hrefs = [a.get_dom_attribute("href").rsplit("/", 1)[-1] for a in links]
    assert hrefs == ["ev-t1", "ev-t1", "ev-t2"]  # held by the government before ev-t1 took it
    fills = [r.get_attribute("fill") for r in d.find_elements(By.CSS_SELECTOR, ".holding")]
    assert fills == [gov, rebels, gov]
    d.save_screenshot(str(ARTIFACTS / "web_place_band.png"))
    ActionChains(d).move_to_element(links[2]).click().perform()
    wait.until(lambda d: d.current_url.endswith("/events/ev-t2"))
