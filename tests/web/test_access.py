"""The server's way to the store: one shared read-only connection, given up for writers."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from thucydides.errors import StoreError
from thucydides.store import Store
from thucydides.web.access import StoreAccess

from ..store.factory import event, story

ROOT = Path(__file__).resolve().parents[2]
WRITER = """
import sys
from thucydides.store import Store
from tests.store.factory import event, story

with Store.open(sys.argv[1], timeout=20) as store:
    store.ingest([story(int(sys.argv[2]), event("RUS", "UKR", "190"))])
"""


@pytest.fixture()
def path(tmp_path: Path) -> Path:
    made = tmp_path / "access.duckdb"
    with Store.open(made) as store:
        store.ingest([story(1, event("JPN", "NAT"))])
    return made


def events(access: StoreAccess) -> int:
    with access.read() as store:
        return int(store.counts()["events"])


def test_requests_share_one_connection_while_they_keep_coming(path: Path) -> None:
    access = StoreAccess(path, linger=60)
    assert [events(access) for _ in range(5)] == [1] * 5
    assert access.reader.opened == 1 and access.reader.is_open
    access.reader.close()


def test_the_connection_closes_once_no_request_came_for_a_while(path: Path) -> None:
    access = StoreAccess(path, linger=0.1)
    events(access)
    deadline = time.monotonic() + 5
    while access.reader.is_open and time.monotonic() < deadline:
        time.sleep(0.02)
    assert not access.reader.is_open
    assert events(access) == 1 and access.reader.opened == 2  # opened again for the next request


def test_a_writer_in_another_process_gets_the_store_from_a_lingering_server(path: Path) -> None:
    access = StoreAccess(path, linger=60)  # it would hold the file for a minute if no writer came
    assert events(access) == 1
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-c", WRITER, str(path), "2"], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert time.monotonic() - started < 15  # not the minute of the linger
    assert events(access) == 2 and access.reader.opened == 2  # the next request sees the new event
    access.reader.close()


def test_a_write_through_the_server_closes_the_readers_connection_first(path: Path) -> None:
    access = StoreAccess(path, linger=60)
    assert events(access) == 1
    with access.write() as store:
        store.ingest([story(2, event("RUS", "UKR", "190"))])
    assert events(access) == 2
    access.reader.close()


def test_a_store_of_another_schema_version_is_refused_on_the_first_request(path: Path) -> None:
    with Store.open(path) as store, store.writing() as con:
        con.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    access = StoreAccess(path)
    with pytest.raises(StoreError) as caught:
        events(access)
    assert caught.value.code == "E416" and not access.reader.is_open
