import csv
import io
import json
from pathlib import Path

import duckdb
import jsonschema
import pandas as pd
import pytest

from thucydides.errors import SettingsError
from thucydides.store import Store, export, export_text

from .factory import coded, event


@pytest.fixture()
def filled(store: Store) -> Store:
    store.ingest(
        [
            coded("first", event("JPNGOV", "NAT", "036", place="Tokyo"), event("CHN", "NAT", "111")),
            coded("second", event("JPNGOV", "NAT", "036", place="Tokyo"), source="AP"),
        ]
    )
    return store


def test_parquet_export_reads_in_duckdb_and_pandas(filled: Store, tmp_path: Path) -> None:
    path = tmp_path / "events.parquet"
    assert export(filled, "parquet", path) == 2
    frame = pd.read_parquet(path)
    assert len(frame) == 2 and {"GlobalEventID", "NumMentions", "event_date"} <= set(frame.columns)
    assert sorted(frame["NumMentions"]) == [1, 2]
    rows = duckdb.sql("SELECT sum(NumMentions) FROM read_parquet(?)", params=[str(path)]).fetchall()
    assert rows == [(3,)]


def test_parquet_mentions_keep_their_nested_fields(filled: Store, tmp_path: Path) -> None:
    path = tmp_path / "mentions.parquet"
    export(filled, "parquet", path, table="mentions")
    codes = duckdb.sql("SELECT source.code FROM read_parquet(?) ORDER BY mention_seq", params=[str(path)]).fetchall()
    assert codes == [("JPNGOV",), ("CHN",), ("JPNGOV",)]


def test_plover_export_is_one_record_per_event_with_counts(filled: Store) -> None:
    out = io.StringIO()
    export_text(filled, "plover", out)
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    assert len(records) == 2
    tokyo = next(r for r in records if r["cameo"] == "036")
    assert tokyo["num_mentions"] == 2 and tokyo["num_articles"] == 2 and tokyo["event"] == ["AGREE"]
    assert (tokyo["actor"][0]["code"], tokyo["actor"][0]["sector"]) == ("JPN", "GOV")  # JPNGOV, as the manual names it
    schema = json.loads((Path(__file__).resolve().parents[2] / "docs" / "plover.schema.json").read_text("utf-8"))
    for record in records:
        jsonschema.validate(record, schema)


def test_csv_export_of_events_and_of_mentions(filled: Store) -> None:
    out = io.StringIO()
    export_text(filled, "csv", out)
    events = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert len(events) == 2 and "GoldsteinScale" in events[0]
    out = io.StringIO()
    export_text(filled, "csv", out, table="mentions")
    mentions = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert len(mentions) == 3 and mentions[0]["source_code"] == "JPNGOV" and mentions[0]["GlobalEventID"]


def test_unknown_format_is_a_numbered_error(filled: Store, tmp_path: Path) -> None:
    with pytest.raises(SettingsError) as caught:
        export(filled, "xml", tmp_path / "x")
    assert caught.value.code == "E441"
