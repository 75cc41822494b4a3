"""The scale commands as a user runs them: ``code --format parquet``, ``watch --once``, ``bench scale --help``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from thucydides.scale.parquet import read_parquet
from thucydides.store import Store

from .conftest import story


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "thucydides", *args], capture_output=True, text=True, timeout=600)


def test_parquet_output_needs_a_directory() -> None:
    result = run("code", "--example", "--format", "parquet")
    assert result.returncode == 2 and "[E504]" in result.stderr


def test_watch_needs_something_to_watch() -> None:
    result = run("watch")
    assert result.returncode == 2 and "DIRECTORY" in result.stderr


@pytest.mark.slow
def test_code_writes_parquet_by_day_that_reads_back(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text(
        "\n".join(json.dumps({"id": f"a{n}", "text": story(n), "date": f"2025-06-0{1 + n % 2}"}) for n in range(4)),
        encoding="utf-8",
    )
    out = tmp_path / "out"
    result = run("code", str(path), "--format", "parquet", "-o", str(out), "--workers", "2")
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["day=2025-06-01", "day=2025-06-02"]
    assert sorted(c.article.id for c in read_parquet(out)) == ["a0", "a1", "a2", "a3"]
    again = run("code", str(path), "--format", "parquet", "-o", str(out))
    assert again.returncode == 2 and "[E503]" in again.stderr


@pytest.mark.slow
def test_watch_once_stores_a_directory_and_a_second_run_stores_nothing_more(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for n in range(3):
        (inbox / f"s{n}.txt").write_text(story(n), encoding="utf-8")
    (inbox / "empty.txt").write_text("", encoding="utf-8")
    past = time.time() - 60
    for path in inbox.iterdir():
        os.utime(path, (past, past))
    store = tmp_path / "events.duckdb"
    first = run("watch", str(inbox), "--store", str(store), "--once")
    assert first.returncode == 1 and "[E101]" in first.stderr  # the empty file is reported
    assert "stored 3 articles" in first.stderr
    second = run("watch", str(inbox), "--store", str(store), "--once")
    assert second.returncode == 0 and "stored 0 articles" in second.stderr and "E101" not in second.stderr
    with Store.open(store, read_only=True) as opened:
        assert opened.counts()["articles"] == 3


def test_bench_scale_is_a_bench_suite() -> None:
    result = run("bench", "scale", "--help")
    assert result.returncode == 0 and "--memory-factor" in result.stdout
