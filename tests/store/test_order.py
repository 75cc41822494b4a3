"""The events table in the order of its actors: when it is rewritten, that a failed rewrite changes nothing,
and that every analysis answers an ordered store, and one with new events appended, as it answers an unordered one."""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
from pathlib import Path
from typing import Any

import pytest

from thucydides import analysis
from thucydides.analysis import EventQuery, Scope
from thucydides.analysis.actors import actor_key
from thucydides.store import Store
from thucydides.store import order as order_module
from thucydides.store.order import EVENT_ORDER, META_KEY, unordered_events

from .factory import random_stories

DYADS = [("JPN", "USA"), ("USA", "CHN"), ("NAT", "RUS"), ("JPN", "NAT"), ("USAMIL", "CHN"), ("JPN", "JPN")]
SCOPES = [
    Scope(),
    Scope(unit="mentions"),
    Scope(start=dt.date(2024, 6, 1), end=dt.date(2025, 3, 31), quad_classes=(3, 4)),
    Scope(codes=("19", "036"), background=True),
]


def _answers(store: Store) -> list[Any]:
    """What the dyad views and the other analyses that read the events table say about ``store``."""
    with store.reading():  # one connection for all the questions
        return _asked(store)


def _asked(store: Store) -> list[Any]:
    found: list[Any] = []
    for scope in SCOPES:
        for source, target in DYADS:
            for directed in (True, False):
                query = EventQuery(source=source, target=target, directed=directed)
                for sort in analysis.SORTS if scope == Scope() else ("newest", "most_conflictual"):
                    found.append(analysis.find_events(store, query, scope, limit=7, offset=3, sort=sort))
                freq = "day" if directed else "week"
                found.append(analysis.dyad_timeline(store, source, target, freq, directed, scope))
        for actor in ("JPN", "NAT", "code:USAMIL"):
            found.append(analysis.find_events(store, EventQuery(actor=actor), scope, limit=60))
            found.append(analysis.actor_summary(store, actor, scope))
        found.append(analysis.top_dyads(store, 50, True, scope))
        found.append(analysis.top_dyads(store, 50, False, scope, domestic=True))
        found.append(analysis.network_edges(store, scope))
        # without the time the events were stored: each store has its own clock
        found.append(dataclasses.replace(analysis.store_overview(store, scope), last_added=None))
    return found


def _unordered(store: Store) -> int:
    with store.reading() as con:
        return unordered_events(con)


def _physical(store: Store) -> list[int]:
    return [row["GlobalEventID"] for row in store.rows("SELECT GlobalEventID FROM events ORDER BY rowid")]


def _in_order(store: Store) -> list[int]:
    return [row["GlobalEventID"] for row in store.rows(f"SELECT GlobalEventID FROM events ORDER BY {EVENT_ORDER}")]


def test_the_order_is_by_the_keys_dyads_are_counted_under() -> None:
    assert EVENT_ORDER.startswith(f"{actor_key(1)}, {actor_key(2)}, ")


def test_an_ordered_store_answers_as_the_unordered_one_before_and_after_new_events(tmp_path: Path) -> None:
    plain_path, ordered_path = tmp_path / "plain.duckdb", tmp_path / "ordered.duckdb"
    with Store.open(plain_path) as plain:
        plain.ingest(random_stories(0, 60, seed=1))
        assert _unordered(plain) > 0  # too few events to be worth ordering on their own
    shutil.copy(plain_path, ordered_path)
    with Store.open(plain_path) as plain, Store.open(ordered_path) as ordered:
        assert ordered.keep_ordered(min_tail=1)
        assert _physical(ordered) == _in_order(ordered) != _physical(plain)  # the same rows, stored otherwise
        assert _answers(ordered) == _answers(plain)
        # new events are appended after the ordered ones; they are in every answer at once
        more = random_stories(60, 40, seed=2)
        plain.ingest(more)
        ordered.ingest(more)
        assert _unordered(ordered) > 0
        assert _physical(ordered) != _in_order(ordered)
        assert _answers(ordered) == _answers(plain)
        assert ordered.keep_ordered(min_tail=1)
        assert _physical(ordered) == _in_order(ordered)
        assert _answers(ordered) == _answers(plain)
        assert ordered.counts() == plain.counts()


def test_a_short_tail_is_left_as_it_is(store: Store) -> None:
    store.ingest(random_stories(0, 20, seed=3))
    assert store.keep_ordered(min_tail=1)
    store.ingest(random_stories(20, 2, seed=4))
    appended = _unordered(store)
    assert appended > 0
    assert not store.keep_ordered()  # less than a row group: reading it costs no more than one
    assert not store.keep_ordered(min_tail=1)  # and less than a quarter of the ordered events
    assert _unordered(store) == appended


def test_ingest_and_import_order_the_events_when_the_tail_is_long(
    store: Store, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(order_module, "ROW_GROUP", 1)
    store.ingest(random_stories(0, 10, seed=5))
    assert _unordered(store) == 0
    assert _physical(store) == _in_order(store)
    exported = tmp_path / "events.tsv"
    from thucydides.store import export

    export(store, "gdelt", exported)
    with Store.open(":memory:") as imported:
        imported.import_gdelt([exported])
        assert _unordered(imported) == 0
        assert _physical(imported) == _in_order(imported)


def test_a_store_made_before_the_order_is_ordered_when_opened_for_writing(
    store_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Store.open(store_path) as old:
        old.ingest(random_stories(0, 30, seed=6))
        with old.writing() as con:
            con.execute("DELETE FROM meta WHERE key = ?", [META_KEY])  # as a store of an earlier version
    monkeypatch.setattr(order_module, "ROW_GROUP", 1)
    with Store.open(store_path, read_only=True) as reader:
        assert _physical(reader) != _in_order(reader)  # reading changes nothing
    with Store.open(store_path) as writer:
        assert _physical(writer) == _in_order(writer)
        assert _unordered(writer) == 0


def test_a_failed_rewrite_leaves_the_store_as_it_was(store_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with Store.open(store_path) as store:
        store.ingest(random_stories(0, 30, seed=7))
        before, answers = _physical(store), _answers(store)
        # fails after the old table is dropped and the new one renamed: the transaction must undo both
        monkeypatch.setattr(order_module, "ONE_A_DAY", "SELECT no_such_column FROM events")
        with pytest.raises(Exception, match="no_such_column"):
            store.keep_ordered(min_tail=1)
    with Store.open(store_path, read_only=True) as reopened:
        assert _physical(reopened) == before
        assert _answers(reopened) == answers
        assert reopened.scalar("SELECT value FROM meta WHERE key = ?", [META_KEY]) is None
    monkeypatch.undo()
    with Store.open(store_path) as store:
        assert store.keep_ordered(min_tail=1)
        assert _answers(store) == answers
