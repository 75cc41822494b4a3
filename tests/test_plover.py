"""The PLOVER export: the CAMEO→PLOVER table, the manual's field names, and the JSON Schema in docs/."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import jsonschema
import pytest

from tests.test_writers import make_event
from thucydides.models import Actor, Location
from thucydides.plover import load_tables, plover_record
from thucydides.resources import data_path
from thucydides.writers import Writer, to_string

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = json.loads((ROOT / "docs" / "plover.schema.json").read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.FormatChecker())


def _tsv(*parts: str) -> list[dict[str, str]]:
    with data_path(*parts).open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def test_schema_is_a_valid_json_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


def test_schema_vocabulary_is_the_manuals() -> None:
    events = {r["event"] for r in _tsv("plover", "events.tsv")}
    modes = {r["mode"] for r in _tsv("plover", "events.tsv") if r["mode"]}
    contexts = {r["context"] for r in _tsv("plover", "contexts.tsv")}
    props = SCHEMA["properties"]
    assert set(props["event"]["items"]["enum"]) == events and len(events) == 16
    assert set(props["mode"]["items"]["enum"]) == modes
    assert set(props["context"]["items"]["enum"]) == contexts | {"historical", "future", "hypothetical", "negation"}


@pytest.mark.parametrize("code", ["01", "010", "013", "018", "02", "020", "0231", "028"])
def test_cameo_statements_and_appeals_have_no_plover_record(code: str) -> None:
    assert load_tables().code(code) is None
    assert plover_record(make_event(cameo=code)) is None


@pytest.mark.parametrize(
    ("code", "event", "mode", "quad"),
    [
        ("036", "AGREE", None, 1),
        ("042", "CONSULT", "visit", 1),
        ("0841", "RETREAT", "release", 2),
        ("083", "CONCEDE", None, 1),
        ("112", "ACCUSE", "disapprove", 3),
        ("163", "COERCE", "restrict", 4),
        ("1712", "ASSAULT", "destroy", 4),
        ("192", "COERCE", "seize", 4),
        ("2042", "ASSAULT", "unconventional", 4),
        ("0314", "AGREE", None, 1),
    ],
)
def test_plover_coding_follows_the_cameo2plover_table(code: str, event: str, mode: str | None, quad: int) -> None:
    record = plover_record(make_event(cameo=code))
    assert record is not None
    assert (record["event"], record["mode"], record["quad_code"]) == ([event], [mode] if mode else [], quad)
    VALIDATOR.validate(record)


def test_every_cameo_code_maps_to_a_category_mode_and_contexts_of_the_manual() -> None:
    events = {(r["event"], r["mode"]) for r in _tsv("plover", "events.tsv")}
    contexts = {r["context"] for r in _tsv("plover", "contexts.tsv")}
    for row in _tsv("cameo", "codes.tsv"):
        coding = load_tables().code(row["code"])
        if row["code"][:2] in ("01", "02"):
            assert coding is None
            continue
        assert coding is not None, row["code"]
        assert (coding.event, coding.mode or "") in events, row["code"]
        assert set(coding.context) <= contexts, row["code"]


def test_event_scale_is_the_plover_score_of_event_and_mode() -> None:
    assert plover_record(make_event(cameo="042"))["event_scale"] == 4  # CONSULT: visit
    assert plover_record(make_event(cameo="190"))["event_scale"] == -9  # ASSAULT
    assert plover_record(make_event(cameo="190"))["goldstein"] == 5.2  # the CAMEO weight is kept beside it


def test_entities_use_the_manuals_codes_and_sectors() -> None:
    un = Actor("IGOUNO", None, "UNO", (), "United Nations", "the UN", 0, 6)
    eu = Actor("IGOEEC", None, "EEC", (), "European Union", "Brussels", 0, 8)
    press = Actor("RUSMED", "RUS", None, ("MED",), None, "Russian media", 0, 13)
    kosovo = Actor("XKXGOV", "XKX", None, ("GOV",), "Kosovo", "Pristina", 0, 8)
    record = plover_record(make_event(source=un, target=eu))
    assert record["actor"] == [{"code": "UNO", "entity_text": "the UN", "identifier_text": "United Nations"}]
    assert record["recipient"][0]["code"] == "EUR"
    assert plover_record(make_event(source=press))["actor"][0]["sector"] == "JRN"
    assert plover_record(make_event(source=kosovo))["actor"][0]["code"] == "KOS"


def test_no_actor_or_no_date_gives_no_record_and_uncoded_recipient_is_left_out() -> None:
    capital = Actor("", None, None, (), None, "the capital", 30, 41)
    assert plover_record(make_event(source=None)) is None
    assert plover_record(make_event(source=capital)) is None
    assert plover_record(make_event(date=None)) is None
    assert plover_record(make_event(target=capital))["recipient"] == []


def test_location_object_uses_the_manuals_fields() -> None:
    wiesbaden = Location(
        "Wiesbaden",
        "DEU",
        50.08,
        8.24,
        adm1="GM05",
        geonames_id=2809346,
        feature="city",
        fips="GM",
        full_name="Wiesbaden, Hesse, Germany",
        text="Wiesbaden",
    )
    loc = plover_record(make_event(location=wiesbaden))["event_loc"]
    assert loc == {
        "extracted_place": "Wiesbaden",
        "resolved_place": "Wiesbaden, Hesse, Germany",
        "geonameid": 2809346,
        "lat": 50.08,
        "lon": 8.24,
        "city": "Wiesbaden",
        "province": "Hesse",
        "country": "Germany",
        "country_code": "DEU",
        "resolution": 4,
        "feature_class": "P",
    }


def test_background_event_gets_the_historical_auxiliary_mode() -> None:
    assert "historical" in plover_record(make_event(cameo="190", current=False))["context"]


def test_schema_rejects_what_the_manual_does_not_allow() -> None:
    good = plover_record(make_event())
    assert VALIDATOR.is_valid(good)
    bad = [
        {**good, "event": ["CONSULTS"]},
        {**good, "actor": [{**good["actor"][0], "actor_code": "JPNGOVMIL"}]},
        {**good, "actor": [{**good["actor"][0], "code": "NAT1"}]},
        {**good, "mode": ["visit"], "event": ["AGREE"]},
        {**good, "date": "03/06/2025"},
        {k: v for k, v in good.items() if k != "actor"},
        {**good, "event_loc": {**good["event_loc"], "country_code": "JA"}},
    ]
    assert [VALIDATOR.is_valid(b) for b in bad] == [False] * len(bad)


def test_writer_counts_events_without_plover_record_as_skipped() -> None:
    writer = Writer(io.StringIO(), "plover")
    writer.write([make_event(), make_event(cameo="010"), make_event(date=None)])
    assert (writer.count, writer.skipped) == (1, 2)


def test_plover_lines_validate() -> None:
    lines = to_string([make_event(), make_event(cameo="1823")], "plover").splitlines()
    for line in lines:
        VALIDATOR.validate(json.loads(line))
