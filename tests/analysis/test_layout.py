from pathlib import Path

from thucydides.analysis import network_view
from thucydides.models import CodedArticle
from thucydides.store import Store

from ..store.factory import event, story


def _camps() -> list[CodedArticle]:
    pairs = [("USA", "GBR", "036"), ("GBR", "USA", "036"), ("RUS", "CHN", "036"), ("USA", "RUS", "173")]
    return [story(n, event(a, b, code)) for n, (a, b, code) in enumerate(pairs, start=1)]


def test_a_store_files_network_is_laid_out_once_until_the_file_changes(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.duckdb") as store:
        store.ingest(_camps())
        first = network_view(store)
        assert network_view(store) is first
        assert network_view(store, top=3) is not first  # other arguments, another layout
        store.ingest([story(9, event("JPN", "USA", "036"))])
        after = network_view(store)
    assert "JPN" not in {n.key for n in first.nodes}
    assert "JPN" in {n.key for n in after.nodes} and after is not first


def test_a_kept_layout_is_the_one_made_afresh(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.duckdb") as on_file, Store.open(":memory:") as in_memory:
        on_file.ingest(_camps())
        in_memory.ingest(_camps())
        network_view(on_file)
        assert network_view(on_file) == network_view(in_memory)
        assert network_view(in_memory) is not network_view(in_memory)  # nothing is kept for a store in memory
