"""The toggle for background and undated events: left out by default, counted when asked, on every view."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from thucydides.store import Store
from thucydides.web import ServerConfig, create_app
from thucydides.web.views import PAGE_VIEWS

from .factory import Said, article


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    coded = article(
        "mixed",
        Said("Russia attacked Ukraine.", ("RUS", "Russia"), ("UKR", "Ukraine"), "attacked", "190", "2025-03-03"),
        Said("Russia had shelled Kharkiv.", ("RUS", "Russia"), ("UKR", "Kharkiv"), "shelled", "173", "2025-03-03"),
        Said("Japan praised NATO.", ("JPN", "Japan"), ("NAT", "NATO"), "praised", "057", "2025-03-03"),
    )
    news, background, undated = coded.events
    events = (news, dataclasses.replace(background, current=False), dataclasses.replace(undated, date=None))
    path = tmp_path_factory.mktemp("background") / "background.duckdb"
    with Store.open(path) as store:
        store.ingest([dataclasses.replace(coded, events=events)])
    with TestClient(create_app(ServerConfig(path)), base_url="http://127.0.0.1") as test_client:
        yield test_client


def test_events_leave_out_background_and_undated_unless_asked(client: TestClient) -> None:
    default = client.get("/api/events").json()["events"]
    everything = client.get("/api/events", params={"background": "true"}).json()["events"]
    assert [e["cameo"] for e in default] == ["190"]
    assert sorted(e["cameo"] for e in everything) == ["057", "173", "190"]


def test_downloads_follow_the_toggle(client: TestClient) -> None:
    assert len(client.get("/download/events.json").json()) == 1
    assert len(client.get("/download/events.json", params={"background": "true"}).json()) == 3


@pytest.mark.parametrize("path", [p for p, v in PAGE_VIEWS.items() if v != "sql"])
def test_every_page_answers_with_the_toggle_and_shows_it_ticked(client: TestClient, path: str) -> None:
    params = {"background": "true", **({"actor": "RUS"} if path == "/actor" else {})}
    page = client.get(path, params=params)
    assert page.status_code == 200, page.text[:300]
    assert 'name="background" value="true" checked' in page.text
    view = PAGE_VIEWS[path]
    assert client.get(f"/download/{view}.csv", params=params).status_code == 200
