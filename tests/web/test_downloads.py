"""Every dashboard view downloads its rows as CSV and JSON, with the page's filters."""

from __future__ import annotations

import csv
import html
import io

import pytest
from fastapi.testclient import TestClient

from thucydides.web.views import PAGE_VIEWS

VIEW_PAGES = {v: p for p, v in PAGE_VIEWS.items() if v != "sql"}


@pytest.mark.parametrize("view", sorted(VIEW_PAGES))
def test_every_view_downloads_csv_and_json_with_the_same_rows(client: TestClient, view: str) -> None:
    query = {"source": "JPN", "target": "NAT"} if view == "dyad" else {"actor": "RUS"} if view == "actor" else {}
    as_json = client.get(f"/download/{view}.json", params=query)
    as_csv = client.get(f"/download/{view}.csv", params=query)
    assert as_json.status_code == as_csv.status_code == 200
    assert as_csv.headers["content-type"].startswith("text/csv")
    assert "attachment" in as_csv.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(as_csv.text)))
    assert len(rows) == len(as_json.json())


def test_each_page_links_its_downloads_with_its_filters(client: TestClient) -> None:
    for path, view in PAGE_VIEWS.items():
        if view == "sql":
            continue
        query = "actor=RUS&quad=4" if view == "actor" else "quad=4"
        text = html.unescape(client.get(f"{path}?{query}").text)
        assert f"/download/{view}.csv?{query}" in text, path
        assert f"/download/{view}.json?{query}" in text, path


def test_event_download_keeps_the_filters(client: TestClient) -> None:
    everything = client.get("/download/events.json").json()
    conflict = client.get("/download/events.json", params={"quad": "4"}).json()
    assert everything and conflict and len(conflict) < len(everything)
    assert {row["quad_class"] for row in conflict} == {4}
    rows = list(csv.DictReader(io.StringIO(client.get("/download/events.csv", params={"quad": "4"}).text)))
    assert {r["quad_class"] for r in rows} == {"4"} and "source_code" in rows[0]


def test_download_of_unknown_view_or_format_is_refused(client: TestClient) -> None:
    assert client.get("/download/secrets.csv").status_code in (400, 404)
    assert client.get("/download/events.xml").status_code in (400, 404)
