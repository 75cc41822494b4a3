"""One writer at a time; readers query while it writes (for real, in two processes)."""

import subprocess
import sys
import time
from pathlib import Path

import pytest

from thucydides.errors import StoreError
from thucydides.store import Store

from .factory import event, story

ROOT = Path(__file__).resolve().parents[2]

SLOW_WRITER = """
import sys, time
from pathlib import Path
from thucydides.store import Store
from tests.store.factory import event, story

def slowly():
    total, seen_half = int(sys.argv[2]), Path(sys.argv[3])
    for i in range(total):
        if i % 5 == 0:
            time.sleep(0.15)
        if i == total // 2:  # half stored: wait (up to 30 s) for a reader to say it saw it
            waited = 0.0
            while not seen_half.exists() and waited < 30:
                time.sleep(0.05)
                waited += 0.05
        yield story(i, event("JPN", "NAT"), event("RUS", "UKR", "190", day=f"2025-06-{1 + i % 28:02d}"))

with Store.open(sys.argv[1]) as store:
    print(store.ingest(slowly(), batch=5).line())
"""


def test_a_second_writer_gets_a_numbered_error(store_path: Path) -> None:
    with Store.open(store_path), pytest.raises(StoreError) as caught:
        Store.open(store_path)
    assert caught.value.code == "E411" and "pid" in str(caught.value)
    Store.open(store_path).close()  # free again once the first writer closed


def test_a_read_only_store_refuses_to_write(store_path: Path) -> None:
    Store.open(store_path).close()
    with Store.open(store_path, read_only=True) as reader, pytest.raises(StoreError) as caught:
        reader.ingest([story(1, event("JPN", "NAT"))])
    assert caught.value.code == "E415"


def test_opening_a_missing_store_read_only_says_how_to_create_it(tmp_path: Path) -> None:
    with pytest.raises(StoreError) as caught:
        Store.open(tmp_path / "none.duckdb", read_only=True)
    assert caught.value.code == "E414" and "thucydides ingest" in str(caught.value)


def test_readers_query_while_another_process_writes(store_path: Path) -> None:
    total = 60
    seen_half = store_path.with_name("reader-saw-part")  # the writer pauses half-way until this exists
    writer = subprocess.Popen(
        [sys.executable, "-c", SLOW_WRITER, str(store_path), str(total), str(seen_half)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    seen: list[int] = []
    while writer.poll() is None or not seen:
        if store_path.exists():
            try:
                with Store.open(store_path, read_only=True, timeout=10) as reader:
                    seen.append(reader.counts()["articles"])
                if 0 < seen[-1] < total:
                    seen_half.touch()
            except StoreError as err:
                assert err.code == "E416", err  # only while the writer is creating the schema
        time.sleep(0.02)
    _, errors = writer.communicate(timeout=30)
    assert writer.returncode == 0, errors
    with Store.open(store_path, read_only=True) as reader:
        seen.append(reader.counts()["articles"])
    assert seen == sorted(seen) and seen[-1] == total
    assert any(0 < n < total for n in seen), seen  # some reads saw a store half-way through the ingest


def test_a_store_of_another_schema_version_is_refused(store_path: Path) -> None:
    with Store.open(store_path) as store, store.writing() as con:
        con.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    with pytest.raises(StoreError) as caught:
        Store.open(store_path, read_only=True)
    assert caught.value.code == "E416" and "99" in str(caught.value)


def test_the_lock_file_says_a_writer_is_there_only_while_one_is(store_path: Path) -> None:
    from thucydides.store.locking import writer_waiting

    assert not writer_waiting(store_path)
    with Store.open(store_path):
        assert writer_waiting(store_path)  # a server's readers see it without taking the lock
    assert not writer_waiting(store_path)  # the writer empties the file when it lets go
    Store.open(store_path).close()  # and the next writer takes the lock as before


def test_a_borrowed_connection_is_left_open_for_its_owner(store_path: Path) -> None:
    import duckdb

    with Store.open(store_path) as store:
        store.ingest([story(1, event("JPN", "NAT"))])
    con = duckdb.connect(str(store_path), read_only=True)
    try:
        with Store.borrowing(con.cursor(), store_path) as borrowed:
            assert borrowed.counts()["events"] == 1 and borrowed.version() is not None
        assert con.execute("SELECT count(*) FROM events").fetchone() == (1,)  # still open
    finally:
        con.close()
