"""The read-only SQL page and API: SELECTs answer; writes, COPY, ATTACH, extensions and file readers never do."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from thucydides.errors import SettingsError
from thucydides.store import Store
from thucydides.web.sql import run_query

REFUSED_STATEMENTS = [
    "INSERT INTO articles SELECT * FROM articles",
    "UPDATE events SET GoldsteinScale = 10",
    "DELETE FROM events",
    "DROP TABLE events",
    "CREATE TABLE stolen AS SELECT * FROM articles",
    "ALTER TABLE events ADD COLUMN x INTEGER",
    "COPY events TO '/tmp/thucydides-sql-test.csv'",
    "COPY (SELECT * FROM events) TO '/tmp/thucydides-sql-test.parquet' (FORMAT parquet)",
    "EXPORT DATABASE '/tmp/thucydides-sql-export'",
    "ATTACH '/tmp/thucydides-sql-test.duckdb' AS other",
    "ATTACH ':memory:' AS scratch",
    "DETACH store",
    "INSTALL httpfs",
    "LOAD httpfs",
    "SET enable_external_access = true",
    "PRAGMA database_list",
    "CALL pragma_version()",
    "CHECKPOINT",
    "SELECT 1; DROP TABLE events",
    "SELECT 1; COPY events TO '/tmp/thucydides-sql-test.csv'",
]
FILE_READERS = [
    "SELECT * FROM read_csv('/etc/passwd')",
    "SELECT * FROM read_csv_auto('/etc/passwd')",
    "SELECT * FROM read_text('/etc/passwd')",
    "SELECT * FROM read_blob('/etc/passwd')",
    "SELECT * FROM read_json('/etc/passwd')",
    "SELECT * FROM read_parquet('/etc/passwd')",
    "SELECT * FROM glob('/etc/*')",
    "SELECT * FROM '/etc/passwd'",
    "SELECT * FROM 'https://example.com/data.csv'",
    "WITH x AS (SELECT * FROM read_csv('/etc/passwd')) SELECT * FROM x",
    "SELECT * FROM sniff_csv('/etc/passwd')",
    "SELECT * FROM events WHERE EXISTS (SELECT * FROM read_text('/etc/hostname'))",
]


def _events(path: Path) -> int:
    with Store.open(path, read_only=True) as store, store.reading() as con:
        return int(con.execute("SELECT count(*) FROM events").fetchone()[0])  # type: ignore[index]


def test_a_select_answers_with_columns_and_rows(store_path: Path) -> None:
    result = run_query(store_path, "SELECT EventRootCode, count(*) AS n FROM events GROUP BY 1 ORDER BY 1")
    assert result.columns == ["EventRootCode", "n"]
    assert sum(row[1] for row in result.rows) == _events(store_path) and not result.truncated


def test_rows_are_limited_and_the_answer_says_so(store_path: Path) -> None:
    result = run_query(store_path, "SELECT * FROM range(100)", limit=7)
    assert len(result.rows) == 7 and result.truncated


@pytest.mark.parametrize("sql", REFUSED_STATEMENTS)
def test_anything_but_one_select_is_refused(store_path: Path, sql: str) -> None:
    before = _events(store_path)
    with pytest.raises(SettingsError) as err:
        run_query(store_path, sql)
    assert err.value.code in ("E480", "E481")
    assert _events(store_path) == before
    assert not Path("/tmp/thucydides-sql-test.csv").exists()


@pytest.mark.parametrize("sql", FILE_READERS)
def test_file_readers_inside_a_select_cannot_read(store_path: Path, sql: str) -> None:
    with pytest.raises(SettingsError) as err:
        run_query(store_path, sql)
    assert err.value.code == "E481"
    assert "root:" not in str(err.value)


def test_a_long_query_is_stopped_after_the_time_limit(store_path: Path) -> None:
    with pytest.raises(SettingsError) as err:
        run_query(store_path, "SELECT count(*) FROM range(100000000000) a", timeout=0.5)
    assert err.value.code == "E482"


def test_api_answers_json_and_refuses_writes_with_a_numbered_error(client: TestClient) -> None:
    ok = client.get("/api/sql", params={"sql": "SELECT count(*) AS n FROM events"})
    assert ok.status_code == 200 and ok.json()["columns"] == ["n"]
    bad = client.get("/api/sql", params={"sql": "DELETE FROM events"})
    assert bad.status_code == 400 and bad.json()["error"]["code"] == "E480"
    files = client.get("/api/sql", params={"sql": "SELECT * FROM read_csv('/etc/passwd')"})
    assert files.status_code == 400 and files.json()["error"]["code"] == "E481"
    assert "root:" not in files.text


def test_sql_page_shows_rows_and_errors(client: TestClient) -> None:
    page = client.get("/sql", params={"sql": "SELECT 'Yokosuka' AS place"})
    assert page.status_code == 200 and "<td>Yokosuka</td>" in page.text
    refused = client.get("/sql", params={"sql": "INSTALL httpfs"})
    assert refused.status_code == 400 and "E480" in refused.text
    assert client.get("/sql").status_code == 200  # the empty page shows an example query


def test_sql_result_downloads_as_csv_and_json(client: TestClient) -> None:
    params = {"sql": "SELECT 1 AS a, 'x' AS b"}
    assert client.get("/download/sql.csv", params=params).text == "a,b\n1,x\n"
    assert client.get("/download/sql.json", params=params).json() == [{"a": 1, "b": "x"}]
    assert client.get("/download/sql.csv", params={"sql": "DROP TABLE events"}).status_code == 400


def _strict_json(text: str) -> Any:
    def refuse(name: str) -> None:
        raise ValueError(f"{name} is not JSON")

    return json.loads(text, parse_constant=refuse)


def test_blobs_nan_and_infinity_answer_as_json_in_the_api_and_the_download(client: TestClient) -> None:
    """Found by scripts/fuzz.py: a BLOB made /api/sql answer 500, and NaN made /download/sql.json invalid JSON."""
    params = {"sql": "SELECT '\\xFF'::BLOB AS b, 'abc'::BLOB AS t, 'nan'::DOUBLE AS n, [1.5, 'inf'::DOUBLE] AS l"}
    api = client.get("/api/sql", params=params)
    assert api.status_code == 200 and _strict_json(api.text)["rows"] == [["\\xff", "abc", None, [1.5, None]]]
    download = client.get("/download/sql.json", params=params)
    assert _strict_json(download.text) == [{"b": "\\xff", "t": "abc", "n": None, "l": [1.5, None]}]
