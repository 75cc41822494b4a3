"""The dashboard pages, rendered by the server: content, filters kept across pages, escaping, errors."""

from __future__ import annotations

import json
import re

import pytest
from fastapi.testclient import TestClient

from .factory import SCRIPT


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("/", "What the store holds"),
        ("/events", "Events"),
        ("/dyad", "Choose a pair of actors"),
        ("/dyad?source=RUS&target=UKR", "Russia (RUS) ↔ Ukraine (UKR)"),
        ("/actors", "North Atlantic Treaty Organization"),
        ("/actor?actor=JPN", "Japan (JPN)"),
        ("/network", "The actor network"),
        ("/map", "Kyiv, Ukraine"),
        ("/alerts", "the week ending 2025-03-27"),
    ],
)
def test_each_page_renders(client: TestClient, url: str, expected: str) -> None:
    response = client.get(url)
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
    assert expected in response.text


def test_charts_travel_as_json_for_the_project_s_own_renderer(client: TestClient) -> None:
    html = client.get("/dyad?source=JPN&target=NAT").text
    block = re.search(r'<script type="application/json" id="figure-timeline">(.*?)</script>', html, re.S)
    assert block is not None
    figure = json.loads(block.group(1))
    names = [series["name"] for series in figure["series"]]
    assert names == ["verbal cooperation", "material cooperation", "verbal conflict", "material conflict"]
    assert figure["kind"] == "bars" and figure["stacked"] and figure["line"]["range"] == [-10, 10]
    assert figure["category_title"] == "month" and figure["categories"] == ["Jan 2025", "Feb 2025"]
    assert '<script src="/static/chart.js" defer>' in html and "plotly" not in html


def test_the_map_page_joins_countries_by_iso3_code(client: TestClient) -> None:
    html = client.get("/map").text
    block = re.search(r'<script type="application/json" id="figure-map">(.*?)</script>', html, re.S)
    assert block is not None
    figure = json.loads(block.group(1))
    counts = {c["iso3"]: c for c in figure["countries"]}
    assert set(counts) == {"UKR", "JPN"} and counts["UKR"]["hover"].startswith("8 events, 0 cooperation, 8 conflict")
    assert figure["outline"] == "/web/world.json" and set(figure["views"]) == {"events", "goldstein"}
    assert "Ukraine <small>UKR</small>" in html


def test_filters_are_kept_in_every_navigation_link(client: TestClient) -> None:
    html = client.get("/events?actor=JPN&quad=1&from=2025-01-01").text
    for page in ("/", "/dyad", "/network", "/map", "/alerts"):
        assert f'href="{page}?actor=JPN&amp;from=2025-01-01&amp;quad=1"' in html
    assert 'name="actor" value="JPN"' in html and 'value="1" checked' in html


def test_the_events_list_marks_source_target_and_trigger(client: TestClient) -> None:
    html = client.get("/events?q=wants").text
    assert '<mark class="hl-source" title="source: JPN (Japan)">Japan</mark>' in html
    assert '<mark class="hl-trigger" title="trigger: the words that express the event">wants to join</mark>' in html
    assert '<mark class="hl-target"' in html and ">the alliance</mark>" in html


def test_a_story_with_markup_is_shown_as_text_on_every_page(client: TestClient) -> None:
    event_id = client.get("/api/events", params={"q": "again"}).json()["events"][0]["id"]
    for url in ("/events?q=again", f"/events/{event_id}", "/actor?actor=RUS", "/dyad?source=RUS&target=UKR"):
        html = client.get(url).text
        assert SCRIPT not in html and "<b>Ukraine</b>" not in html and "<img src=x" not in html
    page = client.get(f"/events/{event_id}").text
    assert "&lt;script&gt;window.__xss = 1&lt;/script&gt;" in page
    assert "&lt;b&gt;Ukraine&lt;/b&gt;" in page and "&lt;img src=x onerror=alert(1)&gt;" in page


def test_the_event_page_explains_the_code(client: TestClient) -> None:
    event_id = client.get("/api/events", params={"q": "wants"}).json()["events"][0]["id"]
    html = client.get(f"/events/{event_id}").text
    assert "Why this code" in html and "a dictionary rule: <code>test.yaml:1</code>" in html
    assert "recognised by the name &#39;Japan&#39;" in html and "“wants to join”" in html
    assert "CAMEO 036" in html and "Japan and NATO" in html


def test_a_page_with_a_bad_filter_says_what_is_wrong(client: TestClient) -> None:
    response = client.get("/events?from=2025-02-30")
    assert response.status_code == 400 and "E405" in response.text and "from" in response.text
    unknown = client.get("/actor?actor=Atlantis")
    assert unknown.status_code == 404 and "E431" in unknown.text and "Atlantis" in unknown.text


def test_the_actor_page_without_an_actor_goes_to_the_list(client: TestClient) -> None:
    response = client.get("/actor", follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/actors"


def test_pages_forbid_inline_and_foreign_scripts(client: TestClient) -> None:
    response = client.get("/")
    policy = response.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "frame-ancestors 'none'" in policy
    assert response.headers["x-content-type-options"] == "nosniff"
    inline = re.findall(r"<script(?![^>]*\b(?:src|type=\"application/json\"))[^>]*>", response.text)
    assert inline == []


def test_assets_are_the_project_s_own_and_plotly_is_gone(client: TestClient) -> None:
    assert client.get("/vendor/plotly.min.js").status_code == 404
    renderer = client.get("/static/chart.js")
    assert renderer.status_code == 200 and "window.ThucydidesCharts" in renderer.text
    assert "innerHTML" not in renderer.text and "innerHTML" not in client.get("/static/app.js").text
    world = client.get("/web/world.json").json()["countries"]
    shapes = {c["iso3"]: c for c in world}
    assert len(shapes) > 150 and {"UKR", "JPN", "RUS", "USA", "BRA"} <= set(shapes)
    assert shapes["UKR"]["name"] == "Ukraine" and shapes["UKR"]["path"].startswith("M") and "Z" in shapes["UKR"]["path"]
