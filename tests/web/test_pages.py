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


def test_charts_travel_as_json_that_plotly_can_draw(client: TestClient) -> None:
    html = client.get("/dyad?source=JPN&target=NAT").text
    block = re.search(r'<script type="application/json" id="figure-timeline">(.*?)</script>', html, re.S)
    assert block is not None
    figure = json.loads(block.group(1))
    names = [trace["name"] for trace in figure["data"]]
    assert names[:4] == ["verbal cooperation", "material cooperation", "verbal conflict", "material conflict"]
    assert figure["layout"]["barmode"] == "stack" and figure["data"][4]["yaxis"] == "y2"
    assert figure["layout"]["xaxis"]["title"]["text"] == "month" and figure["data"][0]["x"] == ["Jan 2025", "Feb 2025"]
    assert '<script src="/vendor/plotly.min.js" defer>' in html


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


def test_assets_come_from_installed_packages(client: TestClient) -> None:
    plotly = client.get("/vendor/plotly.min.js")
    assert plotly.status_code == 200 and b"plotly.js" in plotly.content[:200]
    world = client.get("/web/world.json").json()
    assert len(world["lon"]) == len(world["lat"]) > 5000 and None in world["lon"]
