import csv
import datetime as dt
import io
import json

from thucydides.gdelt import GDELT_NAMES as GDELT_COLUMNS
from thucydides.gdelt import gdelt_id
from thucydides.models import Actor, Event, Explanation, Location, Plover, Span
from thucydides.writers import CSV_COLUMNS, Writer, event_record, to_string

CONTRACT_KEYS = {
    "event_id",
    "article_id",
    "sentence_index",
    "sentence",
    "date",
    "source",
    "target",
    "cameo",
    "cameo_base",
    "cameo_root",
    "quad_class",
    "goldstein",
    "plover",
    "trigger",
    "location",
    "confidence",
}
ACTOR_KEYS = {"code", "country", "group", "sector", "name", "text", "start", "end"}


def make_event(**changes: object) -> Event:
    source = Actor("JPNGOVMIL", "JPN", None, ("GOV", "MIL"), "Japan", "Japan's defence minister", 0, 24)
    target = Actor("IGOWSTNAT", None, "NAT", (), "North Atlantic Treaty Organization", "NATO", 30, 34)
    fields: dict[str, object] = dict(
        event_id="00112233445566778899",
        article_id="a1",
        sentence_index=0,
        sentence="Japan's defence minister met NATO in Tokyo.",
        sentence_start=0,
        date=dt.date(2025, 6, 3),
        source=source,
        target=target,
        cameo="0312",
        quad_class=1,
        goldstein=5.2,
        plover=Plover("AGREE", None, ("military",)),
        trigger=Span("met", 25, 28),
        confidence=0.8,
        explanation=Explanation("rule", "04.yaml: verb 'meet *'", "'met' matches"),
        location=Location("Tokyo", "JPN", 35.69, 139.69, adm1="JA40", geonames_id=1850147, feature="city", fips="JA"),
    )
    fields.update(changes)
    return Event(**fields)  # type: ignore[arg-type]


def test_jsonl_record_follows_the_output_contract() -> None:
    record = event_record(make_event())
    assert set(record) >= CONTRACT_KEYS
    assert set(record["source"]) == ACTOR_KEYS
    assert record["cameo_base"] == "031" and record["cameo_root"] == "03"
    assert record["plover"] == {"event": "AGREE", "mode": None, "context": ["military"]}
    assert record["trigger"] == {"text": "met", "start": 25, "end": 28}
    assert record["location"] == {"name": "Tokyo", "country": "JPN", "lat": 35.69, "lon": 139.69}
    assert record["source"]["sector"] == ["GOV", "MIL"] and record["target"]["group"] == "NAT"
    assert "explanation" not in record and "explanation" in event_record(make_event(), explain=True)


def test_null_actors_and_location_are_null() -> None:
    record = json.loads(to_string([make_event(source=None, location=None)]))
    assert record["source"] is None and record["location"] is None


def test_csv_has_a_header_and_one_row_per_event() -> None:
    text = to_string([make_event(), make_event(event_id="ff" * 10)], "csv")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert list(rows[0]) == CSV_COLUMNS and len(rows) == 2
    assert rows[0]["source_sector"] == "GOV;MIL" and rows[0]["location_name"] == "Tokyo"


def test_gdelt_rows_have_61_columns_in_gdelt_order() -> None:
    assert len(GDELT_COLUMNS) == 61
    line = to_string([make_event()], "gdelt").rstrip("\n")
    cols = line.split("\t")
    assert len(cols) == 61
    row = dict(zip(GDELT_COLUMNS, cols, strict=True))
    assert row["GlobalEventID"] == str(gdelt_id("00112233445566778899"))
    assert row["Day"] == "20250603" and row["EventCode"] == "0312" and row["EventRootCode"] == "03"
    assert (
        row["Actor1CountryCode"] == "JPN" and row["Actor2KnownGroupCode"] == "NAT" and row["Actor2Type1Code"] == "IGO"
    )
    assert row["ActionGeo_CountryCode"] == "JA" and row["ActionGeo_ADM1Code"] == "JA40" and row["ActionGeo_Type"] == "4"


def test_plover_record_uses_the_manual_field_names() -> None:
    record = json.loads(to_string([make_event()], "plover"))
    assert record["event"] == ["AGREE"] and record["actor"][0]["code"] == "JPN"
    assert record["recipient"][0]["code"] == "IGO" and record["event_loc"]["country_code"] == "JPN"
    assert record["actor"][0]["sector"] == "GOVMIL" and "actor_code" not in record["actor"][0]
    assert record["date"] == "2025-06-03" and record["quad_code"] == 1


def _gdelt(event: Event) -> dict[str, str]:
    return dict(zip(GDELT_COLUMNS, to_string([event], "gdelt").rstrip("\n").split("\t"), strict=True))


def test_gdelt_leaves_actor_fields_empty_for_an_uncoded_phrase() -> None:
    capital = Actor("", None, None, (), None, "the capital", 30, 41)
    row = dict(
        zip(GDELT_COLUMNS, to_string([make_event(target=capital)], "gdelt").rstrip("\n").split("\t"), strict=True)
    )
    assert [row[f"Actor2{f}"] for f in ("Code", "Name", "CountryCode", "Type1Code")] == ["", "", "", ""]
    assert row["Actor1Code"] == "JPNGOVMIL" and row["Actor1Name"] == "JAPAN"


def test_gdelt_writes_no_row_for_an_event_without_a_coded_actor() -> None:
    capital = Actor("", None, None, (), None, "the capital", 30, 41)
    buffer = io.StringIO()
    with Writer(buffer, "gdelt") as writer:
        writer.write([make_event(source=None, target=capital), make_event()])
    assert buffer.getvalue().count("\n") == 1 and (writer.count, writer.skipped) == (1, 1)


def test_gdelt_feature_id_is_the_country_code_for_a_country() -> None:
    country = Location("Japan", "JPN", 36.0, 138.0, feature="country", fips="JA", geonames_id=1861060)
    row = dict(
        zip(GDELT_COLUMNS, to_string([make_event(location=country)], "gdelt").rstrip("\n").split("\t"), strict=True)
    )
    assert row["ActionGeo_FeatureID"] == "JA" and row["ActionGeo_Type"] == "1"
    city = _gdelt(make_event())
    assert city["ActionGeo_FeatureID"] == "1850147"


def test_gdelt_keeps_one_line_per_event_whatever_the_source_url_holds() -> None:
    """Found by scripts/fuzz.py: a carriage return in a JSONL article's url split its GDELT row in two."""
    buffer = io.StringIO()
    with Writer(buffer, "gdelt") as writer:
        writer.write([make_event()], "http://e/1\t\r\nx\\y")
    (line,) = buffer.getvalue().splitlines()
    assert dict(zip(GDELT_COLUMNS, line.split("\t"), strict=True))["SOURCEURL"] == "http://e/1   x\\y"


def test_writer_counts_events() -> None:
    buffer = io.StringIO()
    writer = Writer(buffer, "jsonl")
    writer.write([make_event(), make_event()])
    assert writer.count == 2 and buffer.getvalue().count("\n") == 2
