import datetime as dt
from pathlib import Path

from thucydides.analysis import Scope
from thucydides.analysis.summary import actor_summary
from thucydides.store import Store

from ..store.factory import event, story


def test_actor_summary_counts_sides_partners_and_roots_of_one_actor(store: Store) -> None:
    store.ingest(
        [
            story(1, event("USA", "CHN", "036"), event("CHN", "USA", "173", day="2025-06-05")),
            story(2, event("USA", "RUS", "173", day="2025-06-01"), event("GBR", "USA", "036")),
            story(3, event("RUS", "CHN", "173")),  # without the actor
        ]
    )
    summary = actor_summary(store, "USA")
    assert (summary.as_source, summary.as_target) == (2, 2)
    assert (summary.first_date, summary.last_date) == (dt.date(2025, 6, 1), dt.date(2025, 6, 5))
    assert summary.quad_counts == {
        "verbal_cooperation": 2, "material_cooperation": 0, "verbal_conflict": 0, "material_conflict": 2,
    }  # fmt: skip
    # two events with China come first; the partners with one event each follow by their key
    assert [(p["partner"], p["events"], p["cooperation"], p["conflict"]) for p in summary.partners] == [
        ("CHN", 2, 1, 1),
        ("GBR", 1, 1, 0),
        ("RUS", 1, 0, 1),
    ]
    assert summary.codes == [{"root": "03", "events": 2}, {"root": "17", "events": 2}]
    assert [p["partner"] for p in actor_summary(store, "USA", top=1).partners] == ["CHN"]


def test_actor_summary_outside_its_scope_is_empty_not_an_error(store: Store) -> None:
    store.ingest([story(1, event("USA", "CHN", "036"))])
    summary = actor_summary(store, "USA", Scope(start=dt.date(2030, 1, 1)))
    assert (summary.as_source, summary.as_target, summary.first_date, summary.goldstein_mean) == (0, 0, None, None)
    assert summary.partners == [] and summary.codes == []


def test_a_shorter_summary_on_a_store_file_is_the_start_of_the_kept_one(tmp_path: Path) -> None:
    from thucydides.analysis.summary import _summary

    with Store.open(tmp_path / "s.duckdb") as store:
        store.ingest([story(i, event("USA", p, c)) for i, (p, c) in enumerate(PAIRS)])
        short = actor_summary(store, "USA", top=2)
        made = _summary.__wrapped__(store, "USA", Scope(), 2)  # made afresh with the same top, not kept
        assert short == made and len(short.partners) == 2
        assert actor_summary(store, "USA", top=3).partners[:2] == short.partners
        store.ingest([story(99, event("JPN", "USA", "173"))])  # a second ingest into the same store
        assert actor_summary(store, "USA", top=2) == _summary.__wrapped__(store, "USA", Scope(), 2)
        assert actor_summary(store, "USA").as_target == 1


PAIRS = [("CHN", "036"), ("CHN", "173"), ("RUS", "173"), ("GBR", "036"), ("FRA", "036"), ("RUS", "036")]
