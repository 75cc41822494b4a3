import datetime as dt

import pytest

from thucydides.analysis import actor_summary, alerts
from thucydides.store import Store

from ..store.factory import event, story

AS_OF = dt.date(2025, 6, 29)


def _day(weeks_back: int, offset: int) -> str:
    return (AS_OF - dt.timedelta(days=7 * weeks_back + offset)).isoformat()


@pytest.fixture()
def weekly(store: Store) -> Store:
    """RUS→UKR: 2 conflict events a week, then 12 this week; JPN→NAT: steady cooperation, then none."""
    articles, n = [], 0
    for week in range(5):
        attacks = 12 if week == 0 else 2
        for i in range(attacks):
            n += 1
            articles.append(story(n, event("RUS", "UKR", "190", day=_day(week, i % 7), place=f"town {i}")))
        for i in range(0 if week == 0 else 4):
            n += 1
            articles.append(story(n, event("JPN", "NAT", "036", day=_day(week, i), place=f"city {i}")))
    store.ingest(articles)
    return store


def test_a_spike_of_conflict_is_an_alert_for_the_dyad_and_both_actors(weekly: Store) -> None:
    found = {(a.kind, a.key, a.measure): a for a in alerts(weekly, AS_OF)}
    spike = found[("dyad", "RUS–UKR", "conflict")]
    assert (spike.current, spike.baseline, spike.direction) == (12, (2, 2, 2, 2), "increase")
    assert spike.score == pytest.approx(10.0)
    assert ("actor", "RUS", "conflict") in found and ("actor", "UKR", "conflict") in found


def test_cooperation_that_stops_is_a_decrease(weekly: Store) -> None:
    found = {(a.kind, a.key, a.measure): a for a in alerts(weekly, AS_OF)}
    assert found[("dyad", "JPN–NAT", "cooperation")].direction == "decrease"


def test_a_steady_week_raises_no_alert(weekly: Store) -> None:
    quiet = alerts(weekly, AS_OF - dt.timedelta(days=7))
    assert quiet == []


def test_alerts_default_to_the_latest_week_in_the_store(weekly: Store) -> None:
    assert alerts(weekly) == alerts(weekly, AS_OF)


def test_actor_summary_counts_roles_kinds_and_partners(weekly: Store) -> None:
    summary = actor_summary(weekly, "RUS")
    assert (summary.as_source, summary.as_target) == (20, 0)
    assert summary.quad_counts["material_conflict"] == 20
    assert summary.partners == [{"partner": "UKR", "events": 20, "cooperation": 0, "conflict": 20}]
    assert summary.codes == [{"root": "19", "events": 20}] and summary.last_date == AS_OF


def test_events_dated_after_the_news_do_not_move_the_default_week(weekly: Store) -> None:
    weekly.ingest([story(999, event("USA", "CHN", "190", day="2049-01-01"))])
    assert alerts(weekly) == alerts(weekly, AS_OF)
