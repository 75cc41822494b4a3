from pathlib import Path

from thucydides.store import Store
from thucydides.web.bench import make_store, time_views, views


def test_the_web_bench_times_every_view_on_a_store_with_places(tmp_path: Path) -> None:
    path = tmp_path / "bench.duckdb"
    make_store(path, 2000)
    with Store.open(path, read_only=True) as store:
        placed = store.scalar("SELECT count(*) FROM events WHERE ActionGeo_Lat IS NOT NULL")
        total = store.counts()["events"]
    assert 0 < placed < total
    results = time_views(path, total, repeat=1)
    assert [r.name for r in results] == [name for name, _ in views("1")]
    assert all(r.seconds > 0 and r.target_seconds == 1.0 for r in results)
