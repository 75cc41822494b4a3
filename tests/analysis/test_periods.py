import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from thucydides.analysis import Period, Scope, event_timeline, resolve_actor
from thucydides.analysis import overview as overview_module
from thucydides.analysis.periods import Days, fill
from thucydides.analysis.scope import quad_sums
from thucydides.store import Store

from ..store.factory import event, random_stories, story

SCOPES = [
    Scope(),
    Scope(unit="mentions", quad_classes=(1, 4)),
    Scope(background=True, codes=("19",)),
    Scope(start=dt.date(2024, 3, 6), end=dt.date(2025, 2, 3)),
    Scope(end=dt.date(2024, 12, 31), background=True),
    Scope(start=dt.date(2025, 7, 1), end=dt.date(2025, 6, 1)),  # an empty range
]


def period_of(row: dict[str, Any]) -> Period:
    """A period from a row of :func:`quad_sums` grouped by ``period`` (as timelines were made before the days)."""
    return Period(
        start=row["period"],
        verbal_cooperation=int(row["q1"]),
        material_cooperation=int(row["q2"]),
        verbal_conflict=int(row["q3"]),
        material_conflict=int(row["q4"]),
        goldstein_sum=float(row["goldstein_sum"] or 0.0),
    )


def _grouped_in_sql(store: Store, actor: str | None, freq: str, scope: Scope) -> list[Period]:
    """The timeline as it was made before the days were shared: grouped by period in SQL, then filled."""
    where, params = scope.where()
    if actor is not None:
        spec = resolve_actor(store, actor)
        (one, p1), (two, p2) = spec.condition(1), spec.condition(2)
        where, params = f"{where} AND (({one}) OR ({two}))", [*params, *p1, *p2]
    rows = store.rows(
        f"SELECT date_trunc(?, event_date)::DATE AS period, {quad_sums(scope.weight)} FROM events "
        f"WHERE {where} GROUP BY period ORDER BY period",
        [freq, *params],
    )
    return fill({r["period"]: period_of(r) for r in rows if r["period"] is not None}, freq, scope)


def test_event_timelines_added_up_from_days_equal_those_grouped_in_sql_and_follow_an_ingest(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.duckdb") as store:  # a file, so that the days are kept and shared
        for first, seed in ((0, 21), (60, 22)):
            store.ingest(random_stories(first, 60, seed))
            for scope in SCOPES:
                for actor in (None, "JPN", "NAT", "USAMIL"):
                    for freq in ("day", "week", "month", "year"):
                        made = event_timeline(store, actor, freq, scope)
                        assert made.periods == _grouped_in_sql(store, actor, freq, scope), (actor, freq, scope)


def test_an_actors_timelines_of_every_frequency_and_date_range_read_its_events_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Store.open(tmp_path / "s.duckdb") as store:
        store.ingest(random_stories(0, 40, 5))
        by_day = event_timeline(store, "JPN", "day", Scope())  # the API's timeline reads the days

        def no_second_reading(*args: object) -> Days:
            raise AssertionError("the events were read again")

        monkeypatch.setattr(overview_module, "count_days", no_second_reading)
        to_the_news = event_timeline(store, "JPN", "month", Scope(end=dt.date(2024, 12, 31)))  # the page's
        assert to_the_news.periods[-1].start == dt.date(2024, 12, 1)
        assert sum(p.total for p in to_the_news.periods) == sum(
            p.total for p in by_day.periods if p.start <= dt.date(2024, 12, 31)
        )


def test_a_date_range_keeps_only_its_days_and_drops_undated_events() -> None:
    days = Days(
        ((None, 5, 0, 0, 0, 0), (dt.date(2025, 1, 31), 1, 0, 0, 0, 2_500_000), (dt.date(2025, 2, 1), 0, 2, 0, 0, 0))
    )
    assert days.by("month") == {
        dt.date(2025, 1, 1): Period(dt.date(2025, 1, 1), 1, 0, 0, 0, 2.5),
        dt.date(2025, 2, 1): Period(dt.date(2025, 2, 1), 0, 2),
    }
    assert days.by("year", start=dt.date(2025, 2, 1)) == {dt.date(2025, 1, 1): Period(dt.date(2025, 1, 1), 0, 2)}
    assert days.by("day", end=dt.date(2025, 1, 30)) == {}


def test_a_store_in_memory_gives_the_same_timelines_without_keeping_days(store: Store) -> None:
    store.ingest([story(1, event("JPN", "NAT", "036", day="2025-01-10"), event("NAT", "JPN", "173", day="2025-03-06"))])
    scope = Scope(start=dt.date(2025, 2, 1))
    assert event_timeline(store, "JPN", "month", scope).periods == _grouped_in_sql(store, "JPN", "month", scope)
