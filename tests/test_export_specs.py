"""The PLOVER and GDELT exports of 1,000 coded stories, checked record by record against their specs.

PLOVER: every record validates against docs/plover.schema.json (written from the manual).
GDELT: every row has the 61 columns of the GDELT 2.0 event codebook, each of its type.
"""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from thucydides.gdelt import GDELT_NAMES as GDELT_COLUMNS
from thucydides.models import Article, Event
from thucydides.pipeline import Pipeline
from thucydides.readers import read_paths
from thucydides.writers import Writer

ROOT = Path(__file__).resolve().parents[1]
STORIES = ROOT.parent / "shared" / "data" / "plover" / "NGEC_gpt_synthetic_events_2023-10-19_19.csv.zip"
pytestmark = pytest.mark.slow

_INT = r"-?\d+"
_FLOAT = r"-?\d+(\.\d+)?"
_CODE3 = r"[A-Z0-9]{3}"
# The GDELT 2.0 event codebook, column by column: (pattern, may be empty).
CODEBOOK: dict[str, tuple[str, bool]] = {
    "GlobalEventID": (r"\d+", False),
    "Day": (r"(19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])", False),
    "MonthYear": (r"(19|20)\d{2}(0[1-9]|1[0-2])", False),
    "Year": (r"(19|20)\d{2}", False),
    "FractionDate": (r"(19|20)\d{2}\.\d{4}", False),
    "IsRootEvent": (r"[01]", False),
    "EventCode": (r"\d{3,4}", False),
    "EventBaseCode": (r"\d{3}", False),
    "EventRootCode": (r"\d{2}", False),
    "QuadClass": (r"[1-4]", False),
    "GoldsteinScale": (_FLOAT, False),
    "NumMentions": (r"[1-9]\d*", False),
    "NumSources": (r"[1-9]\d*", False),
    "NumArticles": (r"[1-9]\d*", False),
    "AvgTone": (_FLOAT, True),
    "DATEADDED": (r"(19|20)\d{12}", False),
    "SOURCEURL": (r"\S.*", False),
}
for actor in ("Actor1", "Actor2"):
    CODEBOOK[f"{actor}Code"] = (rf"({_CODE3})+", True)
    CODEBOOK[f"{actor}Name"] = (r"[^a-z\t]+", True)
    for part in (
        "CountryCode",
        "KnownGroupCode",
        "EthnicCode",
        "Religion1Code",
        "Religion2Code",
        "Type1Code",
        "Type2Code",
        "Type3Code",
    ):
        CODEBOOK[f"{actor}{part}"] = (_CODE3, True)
for geo in ("Actor1Geo", "Actor2Geo", "ActionGeo"):
    CODEBOOK[f"{geo}_Type"] = (r"[1-5]", True)
    CODEBOOK[f"{geo}_FullName"] = (r"\S.*", True)
    CODEBOOK[f"{geo}_CountryCode"] = (r"[A-Z]{2}", True)  # FIPS 10-4
    CODEBOOK[f"{geo}_ADM1Code"] = (r"[A-Z]{2}([A-Z0-9]{2})?", True)
    CODEBOOK[f"{geo}_ADM2Code"] = (r".+", True)
    CODEBOOK[f"{geo}_Lat"] = (_FLOAT, True)
    CODEBOOK[f"{geo}_Long"] = (_FLOAT, True)
    CODEBOOK[f"{geo}_FeatureID"] = (rf"{_INT}|[A-Z]{{2}}([A-Z0-9]{{2}})?", True)


@pytest.fixture(scope="module")
def events(pipeline: Pipeline, tmp_path_factory: pytest.TempPathFactory) -> list[Event]:
    if not STORIES.exists():
        pytest.skip("the synthetic stories of ../shared/data are not present")
    path = tmp_path_factory.mktemp("stories") / "stories.jsonl"
    script = ROOT / "scripts" / "synthetic_stories.py"
    subprocess.run([sys.executable, str(script), str(path), "--limit", "1000"], check=True)
    articles = [a for a in read_paths([str(path)]) if isinstance(a, Article)]
    assert len(articles) == 1000
    return [e for coded in pipeline.code(articles) for e in coded.events]


def test_codebook_covers_the_61_columns() -> None:
    assert set(CODEBOOK) == set(GDELT_COLUMNS) and len(GDELT_COLUMNS) == 61


def test_every_plover_record_of_1000_stories_validates(events: list[Event]) -> None:
    schema = json.loads((ROOT / "docs" / "plover.schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    out = io.StringIO()
    writer = Writer(out, "plover")
    writer.write(events)
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    assert len(records) > 1000 and writer.count + writer.skipped == len(events)
    problems = [(r["id"], e.message) for r in records for e in validator.iter_errors(r)]
    assert not problems, problems[:5]
    statements = {e.event_id for e in events if e.cameo[:2] in ("01", "02")}
    assert statements and not statements & {r["id"] for r in records}, "CAMEO 01/02 events have no PLOVER record"


def test_every_gdelt_row_of_1000_stories_has_codebook_types(events: list[Event]) -> None:
    out = io.StringIO()
    with Writer(out, "gdelt") as writer:
        writer.write(events)
    rows = [dict(zip(GDELT_COLUMNS, line.split("\t"), strict=True)) for line in out.getvalue().splitlines()]
    assert len(rows) > 1000
    problems = []
    for row in rows:
        for name, (pattern, optional) in CODEBOOK.items():
            value = row[name]
            if (value == "" and not optional) or (value and not re.fullmatch(pattern, value)):
                problems.append((row["GlobalEventID"], name, value))
        for actor in ("Actor1", "Actor2"):
            if not row[f"{actor}Code"]:
                assert not any(row[k] for k in row if k.startswith(actor) and "Geo" not in k), row
        assert row["Actor1Code"] or row["Actor2Code"]
        assert -10 <= float(row["GoldsteinScale"]) <= 10
    assert not problems, problems[:5]
