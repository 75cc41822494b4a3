"""The store and analysis commands, run in-process on a small hand-made store."""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from thucydides.cli import cli
from thucydides.store import Store, ingest_paths

from .factory import event, story


@pytest.fixture()
def store_file(tmp_path: Path) -> str:
    path = tmp_path / "events.duckdb"
    with Store.open(path) as store:
        store.ingest(
            [
                story(
                    i,
                    event("JPN", "NAT", "036", day=f"2025-0{1 + i % 5}-10"),
                    event("RUS", "UKR", "190", day=f"2025-0{1 + i % 5}-12"),
                )
                for i in range(10)
            ]
        )
    return str(path)


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args), standalone_mode=False, catch_exceptions=False)
    return result.return_value, result.output


def test_dyad_prints_a_timeline_as_json(store_file: str) -> None:
    status, output = run("dyad", "JPN", "NATO", "--store", store_file, "--json")
    periods = json.loads(output)
    assert status == 0 and [p["start"] for p in periods][:2] == ["2025-01-01", "2025-02-01"]
    assert sum(p["verbal_cooperation"] for p in periods) == 5


def test_top_dyads_network_blocs_alerts_and_actor_print_tables(store_file: str) -> None:
    for command in (["top-dyads"], ["network"], ["blocs"], ["alerts"], ["actor", "RUS"]):
        status, output = run(*command, "--store", store_file)
        assert status == 0 and output.strip(), command
    assert "UKR" in run("top-dyads", "--store", store_file)[1]


def test_export_then_import_gdelt_through_the_commands(store_file: str, tmp_path: Path) -> None:
    exported = tmp_path / "events.export.CSV"
    assert run("export", "--store", store_file, "--format", "gdelt", "-o", str(exported))[0] == 0
    copy = tmp_path / "copy.duckdb"
    assert run("import-gdelt", str(exported), "--store", str(copy))[0] == 0
    with Store.open(copy, read_only=True) as store:
        assert store.counts()["events"] == len(exported.read_text(encoding="utf-8").splitlines()) == 10


def test_plot_dyad_writes_an_image(store_file: str, tmp_path: Path) -> None:
    image = tmp_path / "dyad.png"
    assert run("plot", "dyad", "JPN", "NAT", "--store", store_file, "-o", str(image))[0] == 0
    assert image.read_bytes()[:4] == b"\x89PNG"


def test_parquet_from_the_scale_engine_is_stored_without_coding(tmp_path: Path) -> None:
    scale = pytest.importorskip("thucydides.scale.parquet")
    results = [story(i, event("JPN", "NAT"), event("CHN", "NAT", "111")) for i in range(6)]
    scale.write_parquet(results, tmp_path / "coded")
    with Store.open(":memory:") as store:
        summary = ingest_paths(store, [str(tmp_path / "coded")])
        again = ingest_paths(store, [str(tmp_path / "coded")])
        assert summary.stored is not None and again.stored is not None
        assert (summary.coded, summary.stored.mentions, again.stored.duplicate) == (6, 12, 6)


@pytest.fixture()
def undated_store(tmp_path: Path) -> str:
    import dataclasses

    path = tmp_path / "undated.duckdb"
    with Store.open(path) as store:
        store.ingest(
            [
                story(1, dataclasses.replace(event("JPN", "CHN", "036"), date=None)),
                story(2, event("RUS", "UKR", "190", day="2025-03-12")),
            ]
        )
    return str(path)


def test_analyses_say_how_many_undated_events_they_left_out(undated_store: str) -> None:
    result = CliRunner().invoke(cli, ["top-dyads", "--store", undated_store], standalone_mode=False)
    assert result.exit_code == 0
    assert "left out 1 undated events" in result.stderr and "--date" in result.stderr
    assert "RUS" in result.stdout and "JPN" not in result.stdout


def test_plotting_only_undated_events_is_an_error_not_an_empty_chart(undated_store: str, tmp_path: Path) -> None:
    from thucydides.errors import StoreError

    out = tmp_path / "d.png"
    with pytest.raises(StoreError) as caught:
        run("plot", "dyad", "JPN", "CHN", "--store", undated_store, "-o", str(out))
    assert caught.value.code == "E434" and "1 undated events left out" in caught.value.message
    assert not out.exists()


def test_an_actor_the_knowledge_base_knows_but_the_store_lacks_is_said_so(undated_store: str) -> None:
    from thucydides.errors import StoreError

    with pytest.raises(StoreError) as caught:
        run("dyad", "NATO", "RUS", "--store", undated_store)
    assert caught.value.code == "E433"
    assert "No events for NATO (IGOWSTNAT) in this store" in caught.value.message
    assert "knowledge base has no such name" not in caught.value.message
    with pytest.raises(StoreError) as caught:
        run("dyad", "RUS", "FRA", "--store", undated_store)
    assert caught.value.code == "E433" and "FRA" in caught.value.message
