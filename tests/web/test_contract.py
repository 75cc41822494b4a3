"""Every endpoint of the OpenAPI description, called with valid, invalid and random parameters.

Property: whatever the query, the answer is JSON with a 2xx or 4xx status (never a 5xx);
a 4xx carries a numbered error; a 200 has the properties its schema requires. Values
are drawn from each parameter's schema (bounds, enums, patterns) with a fixed seed.
"""

from __future__ import annotations

import random
from typing import Any

import pytest
from fastapi.testclient import TestClient

from thucydides.web import ServerConfig, create_app

JUNK = [
    "",
    " ",
    "'",
    '"',
    "%",
    "\\",
    "' OR 1=1 --",
    "<script>alert(1)</script>",
    "ü∑ß",
    "9" * 30,
    "-1",
    "1e309",
    "null",
]


def _spec() -> dict[str, Any]:
    from pathlib import Path

    return create_app(ServerConfig(Path("unused.duckdb"))).openapi()


SPEC = _spec()
GETS = sorted(path for path, item in SPEC["paths"].items() if "get" in item)


def _schema(param: dict[str, Any]) -> dict[str, Any]:
    schema = param.get("schema", {})
    for option in schema.get("anyOf", []):
        if option.get("type") != "null":
            return option
    return schema


def valid_values(schema: dict[str, Any]) -> list[Any]:
    """Values the schema accepts: bounds and their middle, every enum value, a typical string."""
    if schema.get("type") == "array":
        return [[v] for v in valid_values(schema.get("items", {}))[:2]]
    if "enum" in schema:
        return list(schema["enum"])
    kind = schema.get("type")
    if kind in ("integer", "number"):
        low, high = schema.get("minimum", 0), schema.get("maximum", 100)
        return [low, high, (low + high) // 2 if kind == "integer" else (low + high) / 2]
    if kind == "boolean":
        return ["true", "false"]
    if schema.get("format") == "date":
        return ["2025-03-01"]
    if "pattern" in schema:
        return {"^\\d{2,4}$": ["19", "0311"], "^[A-Za-z]{3}$": ["UKR"], "^\\d{1,19}$": ["1"]}.get(
            schema["pattern"], ["x"]
        )
    return ["JPN", "NATO"]


def invalid_values(schema: dict[str, Any]) -> list[Any]:
    """Values the schema refuses: past the bounds, not in the enum, the wrong type, too long."""
    if schema.get("type") == "array":
        return [[v] for v in invalid_values(schema.get("items", {}))]
    kind = schema.get("type")
    if "enum" in schema:
        return ["not-a-choice"]
    if kind in ("integer", "number"):
        found: list[Any] = ["abc"]
        found += [schema["minimum"] - 1] if "minimum" in schema else []
        found += [schema["maximum"] + 1] if "maximum" in schema else []
        return found
    if kind == "boolean":
        return ["maybe"]
    if schema.get("format") == "date":
        return ["2025-02-30", "yesterday"]
    if "pattern" in schema:
        return ["1a2", "*"]
    if "maxLength" in schema:
        return ["x" * (schema["maxLength"] + 1)]
    return []


def _params(path: str, where: str) -> list[dict[str, Any]]:
    return [p for p in SPEC["paths"][path]["get"].get("parameters", []) if p["in"] == where]


def _url(path: str) -> str:
    return path.replace("{event_id}", "1").replace("{name}", "JPN")


def _check(response: Any, path: str) -> None:
    assert response.status_code < 500, (path, response.status_code, response.text)
    data = response.json()
    if response.status_code >= 400:
        assert data["error"]["code"].startswith("E4") and data["error"]["message"]
        return
    schema = SPEC["paths"][path]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    ref = schema.get("$ref") or schema.get("items", {}).get("$ref")
    if ref is None:
        return
    required = SPEC["components"]["schemas"][ref.split("/")[-1]].get("required", [])
    for item in data if isinstance(data, list) else [data]:
        assert set(required) <= set(item), (path, set(required) - set(item))


def test_the_description_covers_every_api_endpoint() -> None:
    expected = {
        "/api/overview", "/api/events", "/api/events/{event_id}", "/api/actors", "/api/actors/{name}",
        "/api/dyads", "/api/timelines/dyad", "/api/timelines/actor", "/api/network", "/api/network/blocs",
        "/api/alerts", "/api/map", "/api/codes", "/api/meta", "/api/sql",
    }  # fmt: skip
    assert set(GETS) == expected
    assert "post" in SPEC["paths"]["/api/articles"]
    assert all("422" not in op["responses"] for item in SPEC["paths"].values() for op in item.values())


def _required(path: str) -> dict[str, str]:
    """What an endpoint needs besides the parameter under test."""
    return {"/api/timelines/dyad": {"source": "JPN", "target": "NAT"}, "/api/sql": {"sql": "SELECT 1"}}.get(path, {})


@pytest.mark.parametrize("path", GETS)
def test_every_valid_value_of_every_parameter_is_answered(client: TestClient, path: str) -> None:
    for param in _params(path, "query"):
        for value in valid_values(_schema(param)):
            if param["name"] == "sql":  # free SQL: the typical strings of the schema are not queries
                value = "SELECT count(*) FROM events" if value == "JPN" else "SELECT 1"
            response = client.get(_url(path), params={**_required(path), param["name"]: value})
            _check(response, path)
            assert response.status_code in (200, 404), (path, param["name"], value, response.text)


@pytest.mark.parametrize("path", GETS)
def test_every_invalid_value_is_a_400_naming_the_parameter(client: TestClient, path: str) -> None:
    for param in _params(path, "query"):
        for value in invalid_values(_schema(param)):
            response = client.get(_url(path), params={**_required(path), param["name"]: value})
            _check(response, path)
            assert response.status_code == 400, (path, param["name"], value)
            assert response.json()["error"]["parameter"] == param["name"]


@pytest.mark.parametrize("path", GETS)
def test_random_junk_in_any_parameter_never_breaks_the_server(client: TestClient, path: str) -> None:
    rng = random.Random(path)
    names = [p["name"] for p in _params(path, "query")] or ["unknown"]
    for _ in range(12):
        params = {rng.choice(names): rng.choice(JUNK) for _ in range(rng.randint(1, 3))}
        _check(client.get(_url(path), params=params), path)


@pytest.mark.parametrize("value", ["abc", "-1", "9" * 20, "99999999999999999999", "%20", "1.5"])
def test_bad_event_ids_are_4xx(client: TestClient, value: str) -> None:
    response = client.get(f"/api/events/{value}")
    assert response.status_code in (400, 404) and response.json()["error"]["code"] in ("E405", "E462", "E464")


@pytest.mark.parametrize("value", ["Atlantis", "x" * 101, "%3Cscript%3E", "' OR 1=1"])
def test_bad_actor_names_are_4xx(client: TestClient, value: str) -> None:
    response = client.get(f"/api/actors/{value}")
    assert 400 <= response.status_code < 500 and response.json()["error"]["code"].startswith("E4")
