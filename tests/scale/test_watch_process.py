"""``thucydides watch`` as a real process, killed with SIGKILL mid-run and restarted: nothing lost or doubled."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from thucydides.errors import ThucydidesError
from thucydides.store import Store

from .conftest import NewsSite, story

pytestmark = pytest.mark.slow


def watch_command(inbox: Path, site: NewsSite, store: Path, *extra: str) -> list[str]:
    return [
        sys.executable,
        "-m",
        "thucydides",
        "watch",
        str(inbox),
        "--feed",
        f"{site.base}/feed.xml",
        "--store",
        str(store),
        "--settle",
        "0",
        "--batch",
        "1",
        *extra,
    ]


def drop(inbox: Path, n: int) -> None:
    hidden = inbox / f".{n}.tmp"
    hidden.write_text(story(100 + n), encoding="utf-8")
    hidden.rename(inbox / f"file-{n}.txt")


def stored_count(store: Path) -> int:
    try:
        with Store.open(store, read_only=True, timeout=5) as opened:
            return int(opened.scalar("SELECT count(*) FROM articles"))
    except (ThucydidesError, duckdb.Error):
        return 0


def wait_until(condition: object, seconds: float = 240) -> None:
    deadline = time.monotonic() + seconds
    while not condition():  # type: ignore[operator]
        assert time.monotonic() < deadline, "gave up waiting"
        time.sleep(0.2)


def run_and_kill(command: list[str], store: Path, at_least: int, log: Path) -> int:
    """Start ``watch``, SIGKILL it once the store holds ``at_least`` articles; return how many it held."""
    with log.open("w") as err:
        process = subprocess.Popen(command, stderr=err)
        try:
            wait_until(lambda: stored_count(store) >= at_least)
        finally:
            os.kill(process.pid, signal.SIGKILL)
            process.wait()
    assert process.returncode == -signal.SIGKILL
    return stored_count(store)


def test_kill_9_then_restart_loses_and_repeats_nothing(tmp_path: Path, news_site: NewsSite) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    store = tmp_path / "events.duckdb"
    news_site.entries = list(range(10))
    news_site.varying = True  # a page fetched twice is a new text: only the checkpoint knows it was stored
    news_site.delay = 0.2  # the feed takes a while, so the second kill falls in the middle of it
    for n in range(30):
        drop(inbox, n)
    command = watch_command(inbox, news_site, store, "--interval", "0.3")

    run_and_kill(command, store, 3, tmp_path / "first.log")  # while coding the files
    run_and_kill(command, store, 32, tmp_path / "second.log")  # while coding the feed

    news_site.entries = list(range(12))
    for n in range(30, 32):
        drop(inbox, n)
    last = subprocess.run(watch_command(inbox, news_site, store, "--once"), capture_output=True, text=True, timeout=600)
    assert last.returncode == 0, last.stderr

    with Store.open(store, read_only=True) as opened:
        rows = opened.rows("SELECT id, url FROM articles")
    files = sorted(r["id"] for r in rows if r["url"] is None)
    urls = sorted(r["url"] for r in rows if r["url"] is not None)
    assert files == sorted(f"file-{n}" for n in range(32))
    assert urls == sorted(news_site.link(n) for n in range(12))
    assert len(rows) == 32 + 12
