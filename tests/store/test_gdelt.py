import io
import zipfile
from pathlib import Path

import pytest

from thucydides.errors import StoreError
from thucydides.gdelt import GDELT_NAMES
from thucydides.store import Store, export, export_text
from thucydides.store.gdelt import parse_row
from thucydides.writers import to_string

from .factory import coded, event, story

# A line in the layout of GDELT 2.0 events (values made up), with tone, actor geography and a URL.
GDELT_LINE = "\t".join(
    [
        "1100101",
        "20230614",
        "202306",
        "2023",
        "2023.4466",
        "USA",
        "UNITED STATES",
        "USA",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "CHNGOV",
        "CHINA",
        "CHN",
        "",
        "",
        "",
        "",
        "GOV",
        "",
        "",
        "1",
        "043",
        "043",
        "04",
        "1",
        "2.8",
        "10",
        "2",
        "10",
        "-1.70648464163823",
        "1",
        "United States",
        "US",
        "US",
        "",
        "39.828175",
        "-98.5795",
        "US",
        "4",
        "Beijing, Beijing, China",
        "CH",
        "CH22",
        "",
        "39.9289",
        "116.388",
        "-1898541",
        "4",
        "Beijing, Beijing, China",
        "CH",
        "CH22",
        "",
        "39.9289",
        "116.388",
        "-1898541",
        "20230614121500",
        "https://example.org/news/1",
    ]
)


def _store_with_events() -> Store:
    store = Store.open(":memory:")
    store.ingest(
        [
            coded(
                "first",
                event("JPNGOV", "NAT", "036", place="Tokyo"),
                event("CHN", "NAT", "111", sentence_index=2),
                url="https://example.org/a",
            ),
            coded("second", event("JPNGOV", "NAT", "036", place="Tokyo"), event(None, "UKR", "190")),
        ]
    )
    return store


def _gdelt(store: Store) -> str:
    out = io.StringIO()
    export_text(store, "gdelt", out)
    return out.getvalue()


def test_gdelt_export_has_61_columns_and_the_mention_counts() -> None:
    lines = _gdelt(_store_with_events()).splitlines()
    assert len(lines) == 3 and all(len(line.split("\t")) == 61 for line in lines)
    rows = [dict(zip(GDELT_NAMES, line.split("\t"), strict=True)) for line in lines]
    first = next(row for row in rows if row["Actor1Code"] == "JPNGOV")
    assert (first["Actor2KnownGroupCode"], first["EventCode"], first["ActionGeo_FullName"]) == ("NAT", "036", "Tokyo")
    assert (first["NumMentions"], first["NumSources"], first["NumArticles"]) == ("2", "1", "2")
    assert first["SOURCEURL"] == "https://example.org/a"


def test_gdelt_export_reads_back_through_the_importer_with_no_loss(tmp_path: Path) -> None:
    original = _store_with_events()
    exported = tmp_path / "events.export.CSV"
    export(original, "gdelt", exported)
    with Store.open(":memory:") as copy:
        summary = copy.import_gdelt([exported])
        assert summary.stored is not None
        assert (summary.read, summary.coded, summary.stored.duplicate) == (3, 3, 0)
        columns = ", ".join(f'"{c}"' for c in GDELT_NAMES)
        query = f"SELECT {columns} FROM events ORDER BY GlobalEventID"
        assert copy.rows(query) == original.rows(query)
        assert _gdelt(copy) == exported.read_text(encoding="utf-8")


def test_store_event_columns_are_those_the_gdelt_writer_writes(store: Store) -> None:
    one = event("JPNGOV", "NAT", "036", place="Tokyo", sentence_index=0)
    store.ingest([story(1, one)])
    stored = store.rows("SELECT * FROM events")[0]
    written = dict(
        zip(GDELT_NAMES, parse_row(to_string([one], "gdelt").rstrip("\n").split("\t"), "writer", 1), strict=True)
    )
    for name in ("GlobalEventID", "DATEADDED", "SOURCEURL"):
        written.pop(name)
    assert {name: stored[name] for name in written} == written


def test_real_gdelt_lines_import_and_export_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "20230614121500.export.CSV.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("20230614121500.export.CSV", GDELT_LINE + "\n")
    with Store.open(":memory:") as store:
        store.import_gdelt([path])
        again = store.import_gdelt([path])
        assert again.stored is not None and (again.coded, again.stored.duplicate) == (0, 1)
        row = store.rows("SELECT AvgTone, ActionGeo_FeatureID, origin, event_date FROM events")[0]
        assert row["AvgTone"] == pytest.approx(-1.70648464163823) and row["ActionGeo_FeatureID"] == "-1898541"
        assert row["origin"] == "gdelt:20230614121500.export.CSV.zip" and str(row["event_date"]) == "2023-06-14"
        assert _gdelt(store) == GDELT_LINE + "\n"


@pytest.mark.parametrize("zipped", [False, True])
def test_a_gdelt_file_starting_with_a_byte_order_mark_imports_its_first_line(tmp_path: Path, zipped: bool) -> None:
    data = b"\xef\xbb\xbf" + (GDELT_LINE + "\n").encode()
    path = tmp_path / ("bom.export.CSV.zip" if zipped else "bom.export.CSV")
    if zipped:
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("bom.export.CSV", data)
    else:
        path.write_bytes(data)
    with Store.open(":memory:") as store:
        assert store.import_gdelt([path]).coded == 1
        assert _gdelt(store) == GDELT_LINE + "\n"


def test_a_line_with_too_few_columns_is_named_by_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.CSV"
    path.write_text(GDELT_LINE + "\n" + "1\t2\t3\n", encoding="utf-8")
    with Store.open(":memory:") as store:
        with pytest.raises(StoreError) as caught:
            store.import_gdelt([path])
        assert store.counts()["events"] == 0
    assert caught.value.code == "E421" and "bad.CSV:2" in str(caught.value) and "found 3" in str(caught.value)


def test_a_bad_number_is_named_by_file_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "bad.CSV"
    path.write_text(GDELT_LINE.replace("\t2.8\t", "\tlots\t") + "\n", encoding="utf-8")
    with Store.open(":memory:") as store, pytest.raises(StoreError) as caught:
        store.import_gdelt([path])
    assert caught.value.code == "E422" and "bad.CSV:1" in str(caught.value) and "GoldsteinScale" in str(caught.value)


def test_gdelt_mentions_export_has_16_columns_one_per_mention() -> None:
    out = io.StringIO()
    export_text(_store_with_events(), "gdelt-mentions", out)
    lines = [line.split("\t") for line in out.getvalue().splitlines()]
    assert len(lines) == 4 and all(len(line) == 16 for line in lines)
    assert lines[0][4] == "Reuters" and lines[0][5] == "https://example.org/a"
    assert lines[1][6] == "3"  # SentenceID is 1-based
