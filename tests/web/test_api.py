"""The JSON API over a store of hand-made events: every endpoint, its filters, and its errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from thucydides.store import Store

from .factory import SCRIPT


def test_overview_counts_articles_mentions_events_and_dates(client: TestClient) -> None:
    data = client.get("/api/overview").json()
    assert (data["articles"], data["mentions"], data["events"]) == (10, 11, 11)
    assert (data["first_date"], data["last_date"]) == ("2025-01-10", "2025-03-27")
    assert data["quad_counts"]["material_conflict"] == 8


def test_events_page_by_page_with_total_and_string_ids(client: TestClient) -> None:
    first = client.get("/api/events", params={"limit": 3}).json()
    second = client.get("/api/events", params={"limit": 3, "offset": 3}).json()
    assert first["total"] == 11 and len(first["events"]) == 3
    ids = [e["id"] for e in first["events"] + second["events"]]
    assert len(set(ids)) == 6 and all(isinstance(i, str) and i.isdigit() for i in ids)
    assert [e["date"] for e in first["events"]] == ["2025-03-27", "2025-03-26", "2025-03-25"]


def test_sort_most_cooperative_puts_the_highest_goldstein_first(client: TestClient) -> None:
    events = client.get("/api/events", params={"sort": "most_cooperative", "limit": 2}).json()["events"]
    assert [e["cameo"] for e in events] == ["057", "036"]


@pytest.mark.parametrize(
    ("params", "total"),
    [
        ({"source": "JPN", "target": "NAT", "directed": "true"}, 1),
        ({"source": "JPN", "target": "NAT"}, 2),
        ({"actor": "NATO"}, 3),
        ({"quad": [3, 4]}, 9),
        ({"quad": 1}, 2),
        ({"code": "19"}, 8),
        ({"plover": "ASSAULT"}, 8),
        ({"place": "UKR"}, 8),
        ({"place": "jpn"}, 2),
        ({"q": "SHELLED"}, 7),
        ({"q": "japan"}, 2),
        ({"q": "wants"}, 1),
        ({"from": "2025-03-01", "to": "2025-03-21"}, 3),
        ({"source": "RUS"}, 8),
    ],
)
def test_event_filters(client: TestClient, params: dict[str, object], total: int) -> None:
    response = client.get("/api/events", params=params)
    assert response.status_code == 200, response.text
    assert response.json()["total"] == total


def test_an_event_keeps_its_sentence_with_offsets_into_it(client: TestClient) -> None:
    event = client.get("/api/events", params={"q": "wants"}).json()["events"][0]
    sentence = event["sentence"]
    assert sentence[event["source"]["start"] : event["source"]["end"]] == "Japan"
    assert sentence[event["target"]["start"] : event["target"]["end"]] == "the alliance"
    assert sentence[event["trigger"]["start"] : event["trigger"]["end"]] == "wants to join"
    assert (event["source"]["key"], event["target"]["key"], event["cameo_name"]) == (
        "JPN",
        "NAT",
        "Express intent to meet or negotiate",
    ) or event["cameo_name"]


def test_event_detail_explains_the_code_and_lists_mentions(client: TestClient) -> None:
    event_id = client.get("/api/events", params={"q": "wants"}).json()["events"][0]["id"]
    detail = client.get(f"/api/events/{event_id}").json()
    mention = detail["mentions"][0]
    assert detail["event"]["id"] == event_id and detail["code"]["code"] == "036"
    assert (mention["producer"], mention["rule"]) == ("rule", "test.yaml:1")
    assert mention["source"]["how"] == "the name 'Japan'" and mention["trigger"]["text"] == "wants to join"
    assert detail["articles"][0]["title"] == "Japan and NATO"


def test_an_unknown_event_is_404_with_e462(client: TestClient) -> None:
    response = client.get("/api/events/12345")
    assert response.status_code == 404 and response.json()["error"]["code"] == "E462"


def test_actors_are_listed_by_events_and_found_by_name(client: TestClient) -> None:
    actors = client.get("/api/actors").json()
    assert [(a["key"], a["events"]) for a in actors[:3]] == [("RUS", 8), ("UKR", 8), ("NAT", 3)]
    found = client.get("/api/actors", params={"search": "treaty"}).json()
    assert [(a["key"], a["name"]) for a in found] == [("NAT", "North Atlantic Treaty Organization")]


def test_actor_summary_names_the_actor_its_partners_and_codes(client: TestClient) -> None:
    data = client.get("/api/actors/NATO").json()
    assert data["actor"] == {
        "text": "NATO",
        "kind": "group",
        "value": "NAT",
        "name": "North Atlantic Treaty Organization",
    }
    assert {p["partner"]: p["name"] for p in data["partners"]} == {"JPN": "Japan", "CHN": "China"}
    assert {c["root"] for c in data["codes"]} == {"03", "05", "11"}


def test_top_dyads_and_dyad_timeline(client: TestClient) -> None:
    dyads = client.get("/api/dyads").json()
    assert (dyads[0]["source"], dyads[0]["target"], dyads[0]["events"]) == ("RUS", "UKR", 8)
    timeline = client.get("/api/timelines/dyad", params={"source": "JPN", "target": "NAT"}).json()
    assert [p["start"] for p in timeline["periods"]] == ["2025-01-01", "2025-02-01"]
    assert timeline["source"]["name"] == "Japan" and timeline["periods"][1]["verbal_cooperation"] == 1


def test_actor_timeline_without_an_actor_counts_everything(client: TestClient) -> None:
    weeks = client.get("/api/timelines/actor", params={"freq": "month"}).json()["periods"]
    assert sum(p["total"] for p in weeks) == 11


def test_network_lays_out_actors_with_blocs(client: TestClient) -> None:
    view = client.get("/api/network").json()
    keys = {n["key"] for n in view["nodes"]}
    assert {"JPN", "NAT", "RUS", "UKR", "CHN"} <= keys
    assert any(set(b["members"]) == {"JPN", "NAT"} for b in view["blocs"])
    link = next(li for li in view["links"] if {li["a"], li["b"]} == {"RUS", "UKR"})
    assert (link["events"], link["conflict"]) == (8, 8)
    assert client.get("/api/network/blocs").json()[0]["members"] == ["JPN", "NAT"]


def test_alerts_report_the_sudden_week_of_war(client: TestClient) -> None:
    alerts = client.get("/api/alerts").json()
    dyad = next(a for a in alerts if a["kind"] == "dyad")
    assert (dyad["key"], dyad["measure"], dyad["direction"], dyad["current"]) == ("RUS–UKR", "conflict", "increase", 7)


def test_map_points_count_events_per_place(client: TestClient) -> None:
    points = client.get("/api/map").json()
    assert [(p["place"], p["events"], p["conflict"]) for p in points] == [
        ("Kyiv, Ukraine", 8, 8),
        ("Tokyo, Japan", 2, 0),
    ]
    assert client.get("/api/map", params={"actor": "JPN"}).json()[0]["place"] == "Tokyo, Japan"


def test_codes_list_roots_and_plover_types(client: TestClient) -> None:
    data = client.get("/api/codes").json()
    assert len(data["roots"]) == 20 and "ASSAULT" in data["plover"]


def test_strings_from_the_store_come_back_as_they_are(client: TestClient) -> None:
    """JSON is not HTML: the API returns stored text unchanged (the pages escape it)."""
    event = client.get("/api/events", params={"q": "again"}).json()["events"][0]
    assert event["sentence"].startswith(SCRIPT)


@pytest.mark.parametrize(
    ("url", "parameter"),
    [
        ("/api/events?limit=0", "limit"),
        ("/api/events?limit=501", "limit"),
        ("/api/events?offset=-1", "offset"),
        ("/api/events?from=2025-13-01", "from"),
        ("/api/events?quad=5", "quad"),
        ("/api/events?code=1a", "code"),
        ("/api/events?plover=FIGHT", "plover"),
        ("/api/events?sort=random", "sort"),
        ("/api/events?directed=maybe", "directed"),
        ("/api/timelines/dyad?source=JPN", "target"),
        ("/api/timelines/actor?freq=hour", "freq"),
        ("/api/alerts?threshold=abc", "threshold"),
        ("/api/network?top=1", "top"),
    ],
)
def test_a_bad_parameter_is_400_e405_naming_it(client: TestClient, url: str, parameter: str) -> None:
    response = client.get(url)
    error = response.json()["error"]
    assert response.status_code == 400 and error["code"] == "E405" and error["parameter"] == parameter
    assert parameter in error["message"]


def test_an_unknown_actor_is_404_e431_and_an_unknown_country_400_e432(client: TestClient) -> None:
    unknown = client.get("/api/events", params={"actor": "Atlantis"})
    assert unknown.status_code == 404 and unknown.json()["error"]["code"] == "E431"
    country = client.get("/api/events", params={"place": "XYZ"})
    assert country.status_code == 400 and country.json()["error"]["code"] == "E432"


def test_empty_parameters_mean_no_filter(client: TestClient) -> None:
    response = client.get("/api/events?actor=&from=&quad=&plover=&limit=")
    assert response.status_code == 200 and response.json()["total"] == 11


def test_queries_are_parameterised(client: TestClient) -> None:
    response = client.get("/api/events", params={"q": "' OR 1=1; DROP TABLE events; --"})
    assert response.status_code == 200 and response.json()["total"] == 0
    assert client.get("/api/overview").json()["events"] == 11


def test_an_unknown_path_is_404_e464(client: TestClient) -> None:
    response = client.get("/api/nothing")
    assert response.status_code == 404 and response.json()["error"]["code"] == "E464"


def test_a_missing_store_is_503_e414(tmp_path: Path) -> None:
    from thucydides.web import ServerConfig, create_app

    with TestClient(create_app(ServerConfig(tmp_path / "none.duckdb")), base_url="http://127.0.0.1") as missing:
        response = missing.get("/api/overview")
    assert response.status_code == 503 and response.json()["error"]["code"] == "E414"


def test_naming_an_actors_partners_leaves_the_kept_summary_as_it_was(client: TestClient, store_path: Path) -> None:
    from thucydides.analysis import actor_summary

    named = client.get("/api/actors/NATO", params={"top": 7}).json()
    assert named["partners"] and all("name" in p for p in named["partners"])
    with Store.open(store_path, read_only=True) as store:
        kept = actor_summary(store, "NATO", top=7)  # the summary the API named, shared with other requests
    assert kept.partners and all("name" not in p for p in kept.partners)
    assert all("name" not in c for c in kept.codes)
