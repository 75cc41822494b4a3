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


@pytest.mark.parametrize("path", CHART_PAGES)
def test_each_chart_page_draws_its_charts_without_errors(page: Any, path: str) -> None:
    page.goto(path)
    page.wait_for_selector(".chart[data-drawn]")
    charts = page.locator(".chart")
    for i in range(charts.count()):
        charts.nth(i).locator("svg.main-svg").first.wait_for()
    assert page.locator(".chart[data-drawn]").count() == charts.count()
    assert page.problems == []


def test_the_map_draws_the_world_and_the_places(page: Any) -> None:
    page.goto("/map")
    page.wait_for_selector("#chart-map[data-drawn]")
    traces = page.evaluate("document.getElementById('chart-map').data.map(t => t.name)")
    assert traces == ["countries", "places"]
    assert page.evaluate("document.getElementById('chart-map').data[1].x.length") == 2


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
    point = page.locator("#chart-network .scatterlayer .trace .points path").last
    point.click(force=True)
    page.wait_for_url("**/actor?actor=*")
    assert page.locator("h1").inner_text() != ""


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
    page_width = opened.evaluate("document.documentElement.scrollWidth")
    assert page_width <= width + 1, f"{path} is {page_width}px wide on a {width}px screen"
    for selector in ("header nav", "form.filters button[type=submit]", "main h1"):
        if opened.locator(selector).count():
            box = opened.locator(selector).first.bounding_box()
            assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width + 1, (path, selector)
    assert problems == []
    context.close()
