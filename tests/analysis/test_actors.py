"""Actors as filters on events: the union of two scans holds exactly the events of one condition with OR."""

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from thucydides.analysis import Scope, resolve_actor
from thucydides.analysis.actors import ActorSpec, both_ways, either_side
from thucydides.store import Store

from ..store.factory import event, random_stories, story

SCOPES = [Scope(), Scope(background=True, quad_classes=(1, 4)), Scope(start=dt.date(2024, 6, 1), unit="mentions")]
# Countries, a known group, code prefixes that take in others (USA: USAMIL too), a code that is also a country's
NAMES = ["JPN", "NAT", "USAMIL", "code:USA", "code:JPNGOV", "country:USA", "group:UNO"]


def _tricky(first: int) -> list[Any]:
    """Events an either-side or both-ways union could count twice or lose: an actor with itself, no actor, both."""
    return [
        story(first, event("USAMIL", "USAMIL", "173"), event("USA", "USA", "036"), event("JPN", "JPNGOV", "111")),
        story(first + 1, event(None, "USA", "057"), event("NAT", None, "130"), event(None, None, "010")),
        story(first + 2, event("USAMIL", "USA", "190", day="2025-06-04"), event("USA", "USAMIL", "061")),
    ]


def _ids(store: Store, sql: str, params: list[Any]) -> list[int]:
    return sorted(r["GlobalEventID"] for r in store.rows(sql, params))


def _with_or(store: Store, first: tuple[str, list[Any]], second: tuple[str, list[Any]], scope: Scope) -> list[int]:
    """The events of ``first OR second`` in one scan: how they were found before the unions."""
    where, params = scope.where()
    (one, p1), (two, p2) = first, second
    return _ids(store, f"SELECT GlobalEventID FROM events WHERE {where} AND (({one}) OR ({two}))", [*params, *p1, *p2])


@pytest.fixture()
def grown(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "s.duckdb") as store:
        store.ingest([*random_stories(0, 50, 31), *_tricky(100)])
        with store.reading():  # one connection for the checks (an ingest inside shares it)
            yield store


def _specs(store: Store) -> list[ActorSpec]:
    return [resolve_actor(store, name) for name in NAMES]


def test_either_side_holds_the_events_with_the_actor_on_either_side_each_once_before_and_after_an_ingest(
    grown: Store,
) -> None:
    for round_ in (1, 2):
        for spec in _specs(grown):
            for scope in SCOPES:
                where, params = scope.where()
                union, more = either_side(spec, "GlobalEventID", [], where, params)
                expected = _with_or(grown, spec.condition(1), spec.condition(2), scope)
                assert _ids(grown, union, more) == expected, (spec, scope, round_)
                assert len(set(expected)) == len(expected)
        grown.ingest([*random_stories(200, 30, 32), *_tricky(300)])  # a second ingest into the same file


def test_both_ways_holds_a_dyads_events_either_way_each_once_also_with_itself(grown: Store) -> None:
    specs = _specs(grown)
    found = 0
    for a in specs:
        for b in specs:
            (a1, pa1), (b2, pb2) = a.condition(1), b.condition(2)
            (b1, pb1), (a2, pa2) = b.condition(1), a.condition(2)
            for scope in SCOPES:
                where, params = scope.where()
                union, more = both_ways(a, b, "GlobalEventID", where, params)
                expected = _with_or(grown, (f"{a1} AND {b2}", [*pa1, *pb2]), (f"{b1} AND {a2}", [*pb1, *pa2]), scope)
                assert _ids(grown, union, more) == expected, (a, b, scope)
                found += len(expected)
    assert found > 0


def test_an_event_of_the_actor_on_both_sides_is_counted_once(grown: Store) -> None:
    usa = resolve_actor(grown, "country:USA")
    union, params = either_side(usa, "GlobalEventID", [], "event_date = ?", [dt.date(2025, 6, 4)])
    assert len(_ids(grown, union, params)) == 1  # USAMIL → USA: a USA country code on both sides
