"""Safe by default: loopback Host headers only, read-only without a token, the token checked."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from thucydides.errors import SettingsError
from thucydides.models import Article, CodedArticle
from thucydides.store import Store
from thucydides.web import ServerConfig, create_app
from thucydides.web.write import LazyCoder

from .conftest import TOKEN
from .factory import Said, article


class FakeCoder:
    """Codes any article as Japan wanting to join the alliance (the real coder is tested elsewhere)."""

    def code(self, articles: Iterable[Article]) -> Iterator[CodedArticle]:
        for given in articles:
            made = article(
                given.id,
                Said(given.text, ("JPN", "Japan"), ("NAT", "the alliance"), "wants to join", "036", "2025-06-03"),
            )
            yield CodedArticle(given, made.events, made.sentences)


@pytest.fixture()
def writable(tmp_path: Path) -> Iterator[TestClient]:
    path = tmp_path / "w.duckdb"
    Store.open(path).close()
    app = create_app(ServerConfig(path, write_token=TOKEN), coder=LazyCoder(FakeCoder))
    with TestClient(app, base_url="http://127.0.0.1") as test_client:
        yield test_client


def test_a_foreign_host_header_is_refused_on_loopback(client: TestClient) -> None:
    assert client.get("/api/overview", headers={"host": "attacker.example"}).status_code == 400
    assert client.get("/api/overview", headers={"host": "localhost:8765"}).status_code == 200


def test_a_server_on_all_addresses_answers_any_host() -> None:
    assert ServerConfig(Path("x"), host="0.0.0.0").allowed_hosts == ["*"]
    assert ServerConfig(Path("x"), host="127.0.0.2").loopback


def test_without_a_write_token_the_server_is_read_only(client: TestClient) -> None:
    response = client.post("/api/articles", json={"text": "Japan wants to join the alliance."})
    assert response.status_code == 403 and response.json()["error"]["code"] == "E406"


@pytest.mark.parametrize("header", [None, "Bearer wrong-token-0123456789", TOKEN, f"Basic {TOKEN}"])
def test_a_missing_or_wrong_token_is_401_e461(writable: TestClient, header: str | None) -> None:
    headers = {} if header is None else {"authorization": header}
    response = writable.post("/api/articles", json={"text": "Japan wants to join the alliance."}, headers=headers)
    assert response.status_code == 401 and response.json()["error"]["code"] == "E461"
    assert response.headers["www-authenticate"] == "Bearer"


def test_with_the_token_an_article_is_coded_and_stored(writable: TestClient) -> None:
    text = "Japan wants to join the alliance."
    headers = {"authorization": f"Bearer {TOKEN}"}
    response = writable.post("/api/articles", json={"text": text, "id": "posted-1"}, headers=headers)
    assert response.status_code == 201, response.text
    answer = response.json()
    assert (answer["stored"], answer["mentions"], answer["new_events"]) == (True, 1, 1)
    event = writable.get(f"/api/events/{answer['event_ids'][0]}").json()
    assert event["articles"][0]["id"] == "posted-1" and event["event"]["cameo"] == "036"
    again = writable.post("/api/articles", json={"text": text}, headers=headers).json()
    assert again["stored"] is False


def test_a_bad_article_body_is_400_e465(writable: TestClient) -> None:
    headers = {"authorization": f"Bearer {TOKEN}"}
    response = writable.post("/api/articles", json={"text": ""}, headers=headers)
    assert response.status_code == 400 and response.json()["error"]["code"] == "E465"


@pytest.mark.parametrize(("field", "value"), [("port", 70000), ("write_token", "short")])
def test_bad_settings_are_refused_before_the_server_starts(field: str, value: object) -> None:
    with pytest.raises(SettingsError) as caught:
        ServerConfig(Path("x"), **{field: value})  # type: ignore[arg-type]
    assert caught.value.code == "E463"
