import datetime as dt
from pathlib import Path

import pytest

from thucydides.analysis import Scope, dyad_timeline, resolve_actor, top_dyads
from thucydides.analysis.actors import ActorSpec
from thucydides.analysis.scope import quad_sums
from thucydides.errors import StoreError
from thucydides.store import Store

from ..store.factory import coded, event, random_stories, story
from .test_periods import period_of


@pytest.fixture()
def filled(store: Store) -> Store:
    store.ingest(
        [
            story(1, event("JPN", "NAT", "036", day="2025-01-10"), event("JPNGOV", "NAT", "061", day="2025-01-20")),
            story(2, event("JPN", "NAT", "111", day="2025-03-05"), event("NAT", "JPN", "057", day="2025-03-06")),
            story(3, event("CHN", "NAT", "130", day="2025-03-07"), event("CHN", "NAT", "173", day="2025-03-08")),
            story(4, event("JPN", "NAT", "036", day="2025-01-10", place="Tokyo")),
            coded("a repeat", event("JPN", "NAT", "036", day="2025-01-10", place="Tokyo")),
        ]
    )
    return store


def test_monthly_timeline_counts_each_quad_class_and_fills_empty_months(filled: Store) -> None:
    timeline = dyad_timeline(filled, "JPN", "NAT", "month")
    assert [p.start for p in timeline.periods] == [dt.date(2025, 1, 1), dt.date(2025, 2, 1), dt.date(2025, 3, 1)]
    january, february, march = timeline.periods
    assert (january.verbal_cooperation, january.material_cooperation, january.total) == (2, 1, 3)
    assert january.goldstein_sum == pytest.approx(4.0 + 6.4 + 4.0)
    assert february.total == 0 and february.goldstein_mean is None
    assert (march.verbal_conflict, march.total, march.goldstein_mean) == (1, 1, -2.0)


def test_undirected_timeline_adds_the_other_direction(filled: Store) -> None:
    directed = dyad_timeline(filled, "JPN", "NAT", "month")
    both = dyad_timeline(filled, "JPN", "NAT", "month", directed=False)
    assert both.total == directed.total + 1
    assert both.periods[-1].verbal_cooperation == 1


def test_counting_mentions_counts_every_report(filled: Store) -> None:
    events = dyad_timeline(filled, "JPN", "NAT", "month").periods[0].total
    mentions = dyad_timeline(filled, "JPN", "NAT", "month", scope=Scope(unit="mentions")).periods[0].total
    assert (events, mentions) == (3, 4)


def test_weeks_start_on_monday_and_a_scope_bounds_the_periods(filled: Store) -> None:
    scope = Scope(start=dt.date(2025, 3, 1), end=dt.date(2025, 3, 31))
    weeks = dyad_timeline(filled, "NATO", "JPN", "week", directed=False, scope=scope).periods
    assert weeks[0].start == dt.date(2025, 2, 24) and all(p.start.weekday() == 0 for p in weeks)
    assert sum(p.total for p in weeks) == 2


def test_a_timeline_over_the_whole_calendar_gives_only_the_periods_with_events(filled: Store) -> None:
    """Found by scripts/fuzz.py: from=0001-01-01&to=9999-12-31&freq=day filled 3.6 million days (minutes, 600 MB)
    and then overflowed (a 500)."""
    scope = Scope(start=dt.date.min, end=dt.date.max)
    days = dyad_timeline(filled, "JPN", "NAT", "day", directed=False, scope=scope).periods
    assert [p.start for p in days] == [dt.date(2025, 1, d) for d in (10, 20)] + [dt.date(2025, 3, d) for d in (5, 6)]
    assert len(dyad_timeline(filled, "JPN", "NAT", "day", scope=Scope(start=dt.date(2000, 1, 1))).periods) > 9000


@pytest.mark.parametrize(("freq", "periods"), [("day", 31), ("week", 5), ("month", 12), ("year", 1)])
def test_an_event_on_the_calendars_last_day_ends_its_timeline(store: Store, freq: str, periods: int) -> None:
    """Found by scripts/fuzz.py: the period after the last one, past 9999-12-31, was computed and overflowed."""
    store.ingest([story(1, event("JPN", "NAT", "036", day="9999-12-31"))])
    scope = Scope(start=dt.date(9999, 1, 1) if freq in ("month", "year") else dt.date(9999, 12, 1))
    timeline = dyad_timeline(store, "JPN", "NAT", freq, scope=scope).periods
    assert len(timeline) == periods and timeline[-1].total == 1


def test_actors_resolve_by_country_group_code_prefix_and_name(filled: Store) -> None:
    assert resolve_actor(filled, "jpn").kind == "country"
    assert (resolve_actor(filled, "NAT").kind, resolve_actor(filled, "NATO").value) == ("group", "NAT")
    assert (resolve_actor(filled, "JPNGOV").kind, resolve_actor(filled, "code:JPNGOV").value) == ("code", "JPNGOV")
    assert dyad_timeline(filled, "JPNGOV", "NAT").total == 1


def test_an_unknown_actor_is_a_numbered_error(filled: Store) -> None:
    with pytest.raises(StoreError) as caught:
        dyad_timeline(filled, "Atlantis", "NAT")
    assert caught.value.code == "E431" and "Atlantis" in str(caught.value)


def test_top_dyads_merge_directions_and_rank_by_events(filled: Store) -> None:
    rows = top_dyads(filled)
    assert [(r["source"], r["target"], r["events"]) for r in rows] == [("JPN", "NAT", 5), ("CHN", "NAT", 2)]
    assert rows[1]["conflict"] == 2 and rows[1]["goldstein_mean"] == pytest.approx(-4.7)
    directed = top_dyads(filled, directed=True)
    assert ("NAT", "JPN", 1) in [(r["source"], r["target"], r["events"]) for r in directed]


def test_top_dyads_on_a_store_file_are_the_start_of_the_kept_ranking_and_follow_its_changes(tmp_path: Path) -> None:
    from thucydides.analysis.dyads import _ranked_dyads

    pairs = [("USA", "CHN"), ("USA", "CHN"), ("RUS", "UKR"), ("JPN", "USA"), ("FRA", "GBR"), ("RUS", "UKR")]
    with Store.open(tmp_path / "s.duckdb") as store:
        store.ingest([story(i, event(a, b, day=f"2025-06-{1 + i:02d}")) for i, (a, b) in enumerate(pairs)])
        for limit in (1, 2, 3):
            assert top_dyads(store, limit) == _ranked_dyads.__wrapped__(store, limit, False, Scope(), False)
        before = top_dyads(store, 2)
        store.ingest([story(50 + i, event("FRA", "GBR", "173", day=f"2025-06-{9 + i:02d}")) for i in range(3)])
        after = top_dyads(store, 2)  # a second ingest into the same store: ranked again
        assert after != before and after[0]["source"] == "FRA" and after[0]["events"] == 4
        assert after == _ranked_dyads.__wrapped__(store, 2, False, Scope(), False)


def _or_condition(a: ActorSpec, b: ActorSpec, directed: bool) -> tuple[str, list[object]]:
    """The dyad as one condition, with OR for both ways: how its events were found before the union of two scans."""
    (a1, pa1), (b2, pb2) = a.condition(1), b.condition(2)
    sql, params = f"({a1} AND {b2})", [*pa1, *pb2]
    if not directed:
        (b1, pb1), (a2, pa2) = b.condition(1), a.condition(2)
        sql, params = f"{sql} OR ({b1} AND {a2})", [*params, *pb1, *pa2]
    return sql, params


def _grouped_in_sql(store: Store, source: str, target: str, freq: str, directed: bool, scope: Scope) -> list[object]:
    """A timeline's periods with events as they were made before the days were shared: grouped by period in SQL."""
    dyad, params = _or_condition(resolve_actor(store, source), resolve_actor(store, target), directed)
    where, more = scope.where()
    rows = store.rows(
        f"SELECT date_trunc(?, event_date)::DATE AS period, {quad_sums(scope.weight)} FROM events "
        f"WHERE {where} AND ({dyad}) GROUP BY period ORDER BY period",
        [freq, *more, *params],
    )
    return [period_of(r) for r in rows if r["period"] is not None]


def test_weeks_months_and_years_added_up_from_days_equal_those_grouped_in_sql_and_follow_an_ingest(
    tmp_path: Path,
) -> None:
    scopes = [
        Scope(),
        Scope(unit="mentions", quad_classes=(1, 4)),
        Scope(background=True, codes=("19",)),
        Scope(start=dt.date(2024, 3, 6), end=dt.date(2025, 2, 3)),  # cut from the days of the scope without dates
        Scope(start=dt.date(2024, 5, 1), background=True),
    ]
    with Store.open(tmp_path / "s.duckdb") as store:  # a file, so that the days are kept and shared
        for first, seed in ((0, 11), (50, 12)):
            store.ingest(random_stories(first, 50, seed))
            for scope in scopes:
                for source, target, directed in (("JPN", "USA", True), ("NAT", "CHN", False), ("USA", "USA", False)):
                    for freq in ("day", "week", "month", "year"):
                        periods = dyad_timeline(store, source, target, freq, directed, scope).periods
                        with_events = [p for p in periods if p.total]
                        assert with_events == _grouped_in_sql(store, source, target, freq, directed, scope)
