"""The dashboard in a real browser: headless Chromium (Debian's) driven by Playwright, against a server on loopback."""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
pytestmark = pytest.mark.skipif(
    not os.path.exists(CHROMIUM), reason=f"no Chromium at {CHROMIUM}: apt-get install chromium chromium-driver"
)
CHART_PAGES = ["/", "/dyad?source=JPN&target=NAT", "/actor?actor=RUS", "/network", "/map", "/alerts"]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="playwright is not installed (pip install -e '.[dev]')"
    )
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield launched
        launched.close()


@pytest.fixture()
def page(browser: Any, server: str) -> Iterator[Any]:
    context = browser.new_context(base_url=server, viewport={"width": 1300, "height": 900})
    opened = context.new_page()
    opened.problems = []
    opened.on("pageerror", lambda error: opened.problems.append(str(error)))
    opened.on("console", lambda m: opened.problems.append(m.text) if m.type == "error" else None)
    yield opened
    context.close()


SHAPES = ".bar, .marker, .node, .place, .country"


@pytest.mark.parametrize("path", CHART_PAGES)
def test_each_chart_page_draws_its_charts_without_errors(page: Any, path: str) -> None:
    page.goto(path)
    page.wait_for_selector(".chart[data-drawn]")
    charts = page.locator(".chart")
    for i in range(charts.count()):
        chart = charts.nth(i)
        chart.locator("svg.chart-svg").wait_for()
        assert chart.locator(SHAPES).count() > 0, f"chart {i} of {path} has no shapes"
        assert chart.locator(".legend .key").count() > 0 and chart.locator(".chart-title").inner_text() != ""
    assert page.locator(".chart[data-drawn]").count() == charts.count()
    assert page.problems == []


def test_the_timeline_stacks_its_bars_and_says_what_a_bar_holds(page: Any) -> None:
    page.goto("/dyad?source=JPN&target=NAT")
    page.wait_for_selector("#chart-timeline[data-drawn]")
    assert page.locator("#chart-timeline .bar").count() == 2
    assert page.locator("#chart-timeline .marker").count() == 2
    page.locator("#chart-timeline .bar").first.hover()
    assert page.inner_text("#chart-timeline .chart-tip") == "Jan 2025: 1 events of verbal cooperation"
    assert page.locator("#chart-timeline .axis.x text").all_text_contents() == ["Jan 2025", "Feb 2025"]


def test_the_alerts_chart_draws_error_bars(page: Any) -> None:
    page.goto("/alerts")
    page.wait_for_selector("#chart-alerts[data-drawn]")
    assert page.locator("#chart-alerts .error-bar").count() == 3
    assert page.locator("#chart-alerts .bar").count() == 6


def _fill(page: Any, iso3: str) -> str:
    return page.get_attribute(f"#chart-map path[data-iso3={iso3}]", "fill")


def test_the_map_fills_countries_with_events_and_switches_to_goldstein(page: Any) -> None:
    page.goto("/map")
    page.wait_for_selector("#chart-map[data-drawn]")
    assert page.locator("#chart-map path.country").count() > 150
    assert page.locator("#chart-map circle.place").count() == 2
    empty = _fill(page, "BRA")
    assert _fill(page, "UKR") not in (empty, None) and _fill(page, "JPN") not in (empty, None, _fill(page, "UKR"))
    page.click("#chart-map button[data-view=goldstein]")
    assert page.get_attribute("#chart-map", "data-view") == "goldstein"
    assert (_fill(page, "UKR"), _fill(page, "JPN"), _fill(page, "BRA")) == ("#b2182b", "#2166ac", empty)
    assert "−10 to −5" in page.inner_text("#chart-map .legend")
    ukraine = page.locator("#chart-map g:has(> path[data-iso3=UKR]) > title").text_content()
    assert ukraine is not None and ukraine.startswith("Ukraine: 8 events, 0 cooperation, 8 conflict")
    page.locator("#chart-map path[data-iso3=BRA]").hover()
    assert page.inner_text("#chart-map .chart-tip") == "Brazil: no events"
    assert page.problems == []


def _view(page: Any) -> list[float]:
    return [float(v) for v in page.get_attribute("#chart-map svg.chart-svg", "viewBox").split()]


def test_zooming_the_map_narrows_its_view_and_keeps_the_circles_the_same_size_on_screen(page: Any) -> None:
    page.goto("/map")
    page.wait_for_selector("#chart-map[data-drawn]")
    whole = _view(page)
    circle = page.locator("#chart-map circle.place").first
    width_before, r_before = circle.bounding_box()["width"], float(circle.get_attribute("r"))
    page.click("#chart-map button[aria-label='zoom in']")
    zoomed = _view(page)
    assert zoomed[2] == pytest.approx(whole[2] / 2) and zoomed[3] == pytest.approx(whole[3] / 2)
    assert float(circle.get_attribute("r")) == pytest.approx(r_before / 2, rel=0.01)
    assert circle.bounding_box()["width"] == pytest.approx(width_before, abs=1)
    box = page.locator("#chart-map svg.chart-svg").bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.wheel(0, -200)
    assert _view(page)[2] < zoomed[2]
    page.click("#chart-map button[aria-label='whole view']")
    assert _view(page) == pytest.approx(whole)


def test_chart_labels_from_the_news_show_as_text_and_never_become_markup(page: Any) -> None:
    page.goto("/dyad?source=JPN&target=NAT")
    page.wait_for_selector("#chart-timeline[data-drawn]")
    bad = "<img src=x onerror=window.__xss=1><b>bold</b>"
    drawn = page.evaluate(
        """bad => {
          const box = document.createElement("div");
          document.querySelector("main").appendChild(box);
          window.ThucydidesCharts.draw(box, {kind: "bars", title: bad, orientation: "horizontal", stacked: false,
            categories: [bad], value_title: bad, line: null, legend: [{label: bad, colour: "red"}],
            series: [{name: bad, colour: "red", values: [3], hover: [bad]}]}, null);
          return {img: box.querySelectorAll("img, b").length, text: box.textContent};
        }""",
        bad,
    )
    assert drawn["img"] == 0 and drawn["text"].count(bad) >= 3
    assert page.evaluate("window.__xss") is None


def test_filters_apply_and_follow_to_other_pages(page: Any) -> None:
    page.goto("/events")
    page.fill("input[name=actor]", "JPN")
    page.check("label.q1 input")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**/events?actor=JPN&quad=1")
    rows = page.locator("table.events tr.event")
    assert rows.count() == 2 and all("JPN" in row for row in rows.all_inner_texts())
    page.click("header nav >> text=Map")
    page.wait_for_url("**/map?actor=JPN&quad=1")
    assert page.input_value("input[name=actor]") == "JPN" and page.is_checked("label.q1 input")


def test_sorting_submits_itself(page: Any) -> None:
    page.goto("/events")
    page.locator(".pager select[name=sort]").first.select_option("most_cooperative")
    page.wait_for_url("**sort=most_cooperative*")
    assert "057" in page.locator("table.events tr.event").first.inner_text()


def test_opening_an_event_shows_why_with_the_words_marked(page: Any) -> None:
    page.goto("/events?q=wants")
    page.click("a.explain")
    page.wait_for_url("**/events/*")
    assert page.inner_text(".why mark.hl-trigger") == "wants to join"
    assert page.inner_text(".why mark.hl-source") == "Japan"
    assert page.inner_text(".why mark.hl-target") == "the alliance"
    assert page.locator(".article-text mark").count() == 3
    assert "recognised by the name 'Japan'" in page.inner_text(".why")


def test_a_story_with_a_script_shows_it_as_text_and_never_runs_it(page: Any) -> None:
    page.goto("/events?q=again")
    page.click("a.explain")
    page.wait_for_url("**/events/*")
    assert page.evaluate("window.__xss") is None
    assert "<script>window.__xss = 1</script> Russia attacked <b>Ukraine</b> again." in page.inner_text(
        ".why .sentence"
    )
    assert page.inner_text(".why mark.hl-target") == "<b>Ukraine</b>"
    assert "<img src=x onerror=alert(1)>" in page.inner_text(".article .meta")
    assert page.locator("main b >> text=Ukraine").count() == 0


def test_clicking_an_actor_in_the_network_opens_it(page: Any) -> None:
    page.goto("/network")
    page.wait_for_selector("#chart-network[data-drawn]")
    assert page.locator("#chart-network .node").count() == 5 and page.locator("#chart-network .link-line").count() == 3
    page.locator("#chart-network a[href='/actor?actor=JPN'] circle.node").click()
    page.wait_for_url("**/actor?actor=JPN")
    assert page.locator("h1").inner_text() == "Japan (JPN)"


def test_clicking_a_link_in_the_network_opens_the_pair(page: Any) -> None:
    page.goto("/network")
    page.wait_for_selector("#chart-network[data-drawn]")
    page.locator("#chart-network a[href='/dyad?source=JPN&target=NAT'] line").last.click(force=True)
    page.wait_for_url("**/dyad?source=JPN&target=NAT")


RESPONSIVE_PAGES = ["/", "/events", "/dyad?source=JPN&target=NAT", "/actor?actor=RUS", "/network", "/map", "/alerts",
                    "/sql?sql=SELECT+1"]  # fmt: skip


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("path", RESPONSIVE_PAGES)
def test_pages_fit_the_screen_at_390_and_1280_px(browser: Any, server: str, path: str, width: int) -> None:
    context = browser.new_context(base_url=server, viewport={"width": width, "height": 844})
    opened = context.new_page()
    problems: list[str] = []
    opened.on("pageerror", lambda error: problems.append(str(error)))
    opened.goto(path)
    if opened.locator(".chart").count():
        opened.wait_for_selector(".chart[data-drawn]")
        for svg in opened.locator(".chart svg.chart-svg").all():
            box = svg.bounding_box()
            assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width + 1, (path, "chart")
            assert box["height"] > 60, (path, "chart height")  # one row of bars is about 80 px
    page_width = opened.evaluate("document.documentElement.scrollWidth")
    assert page_width <= width + 1, f"{path} is {page_width}px wide on a {width}px screen"
    for selector in ("header nav", "form.filters button[type=submit]", "main h1"):
        if opened.locator(selector).count():
            box = opened.locator(selector).first.bounding_box()
            assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width + 1, (path, selector)
    assert problems == []
    context.close()
