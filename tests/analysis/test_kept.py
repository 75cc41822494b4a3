import time
from pathlib import Path

import pytest

from thucydides.analysis.kept import kept
from thucydides.store import Store

from ..store.factory import event, story

calls: list[object] = []


@kept
def counted(store: Store, value: object = None, more: int = 1) -> list[int]:
    calls.append(value)
    return [len(calls)]


def test_an_answer_is_made_once_per_store_version_and_arguments(tmp_path: Path) -> None:
    calls.clear()
    with Store.open(tmp_path / "s.duckdb") as store:
        first = counted(store, "a")
        assert counted(store, "a") == first and counted(store, value="a", more=1) == first  # one call, however spelt
        assert len(calls) == 1
        assert counted(store, "b") != first and len(calls) == 2  # other arguments, another answer
        store.ingest([story(1, event("JPN", "USA", "036"))])
        assert counted(store, "a") != first and len(calls) == 3  # the store changed


def test_a_kept_list_is_given_as_a_copy(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.duckdb") as store:
        given = counted(store, "copy")
        given.append(99)
        assert 99 not in counted(store, "copy")


def test_nothing_is_kept_for_a_store_in_memory_or_for_arguments_that_cannot_be_compared(tmp_path: Path) -> None:
    calls.clear()
    with Store.open(":memory:") as in_memory:
        counted(in_memory, "a")
        counted(in_memory, "a")
    with Store.open(tmp_path / "s.duckdb") as on_file:
        counted(on_file, ["a list"])
        counted(on_file, ["a list"])
    assert len(calls) == 4


slow_calls: list[object] = []


@kept
def slow(store: Store, value: object = None) -> list[object]:
    slow_calls.append(value)
    time.sleep(0.2)
    if value == "fails" and len(slow_calls) == 1:
        raise ValueError("the first call fails")
    return [value]


def test_calls_made_at_once_wait_for_the_one_answer(tmp_path: Path) -> None:
    from concurrent.futures import ThreadPoolExecutor

    slow_calls.clear()
    with Store.open(tmp_path / "s.duckdb") as store, ThreadPoolExecutor(8) as pool:
        answers = list(pool.map(lambda _: slow(store, "at once"), range(8)))
    assert answers == [["at once"]] * 8 and slow_calls == ["at once"]


def test_when_the_maker_fails_a_waiting_call_makes_the_answer(tmp_path: Path) -> None:
    from concurrent.futures import ThreadPoolExecutor

    slow_calls.clear()
    with Store.open(tmp_path / "s.duckdb") as store, ThreadPoolExecutor(2) as pool:
        first = pool.submit(slow, store, "fails")
        time.sleep(0.05)
        second = pool.submit(slow, store, "fails")
        with pytest.raises(ValueError):
            first.result()
        assert second.result() == ["fails"]
    assert slow_calls == ["fails", "fails"]
