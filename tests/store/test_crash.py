"""A real `thucydides ingest` killed with SIGKILL mid-run leaves a sound store, and a re-run finishes the rest."""

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from thucydides.store import Store

COUNTRIES = ["Japan", "Germany", "France", "India", "Brazil", "Kenya", "Canada", "Egypt", "Peru", "Norway"]
ARTICLES = 120


def _corpus(path: Path) -> None:
    with path.open("w", encoding="utf-8") as out:
        for i in range(ARTICLES):
            a, b, c = COUNTRIES[i % 10], COUNTRIES[(i + 3) % 10], COUNTRIES[(i + 7) % 10]
            text = (
                f"{a} and {b} signed a trade agreement on Monday after talks that lasted {i + 2} hours. "
                f"The foreign minister of {a} criticised {c} for its tariffs. {c} rejected the criticism."
            )
            out.write(json.dumps({"id": f"a{i}", "date": "2025-06-03", "text": text}) + "\n")


def _ingest(corpus: Path, store: Path) -> subprocess.Popen[str]:
    command = [
        sys.executable,
        "-m",
        "thucydides",
        "ingest",
        str(corpus),
        "--store",
        str(store),
        "--workers",
        "1",
        "--batch",
        "4",
        "--no-progress",
    ]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _stored(store: Path) -> int:
    if not store.exists():
        return 0
    with Store.open(store, read_only=True, timeout=10) as reader:
        return int(reader.scalar("SELECT count(*) FROM articles"))


def _assert_sound(path: Path) -> int:
    with Store.open(path, read_only=True) as store:
        half_written = store.rows(
            "SELECT a.article_key FROM articles a LEFT JOIN mentions m USING (article_key) "
            "GROUP BY a.article_key, a.events HAVING count(m.article_key) <> a.events"
        )
        orphans = store.scalar(
            "SELECT count(*) FROM mentions WHERE article_key NOT IN (SELECT article_key FROM articles)"
        )
        miscounted = store.scalar(
            "SELECT count(*) FROM events e JOIN (SELECT GlobalEventID, count(*) AS n FROM mentions GROUP BY ALL) m "
            "USING (GlobalEventID) WHERE e.NumMentions <> m.n"
        )
        assert (half_written, orphans, miscounted) == ([], 0, 0)
        return int(store.counts()["articles"])


@pytest.mark.slow
def test_kill_9_mid_ingest_leaves_whole_articles_and_a_rerun_finishes(tmp_path: Path) -> None:
    corpus, store = tmp_path / "corpus.jsonl", tmp_path / "events.duckdb"
    _corpus(corpus)
    process = _ingest(corpus, store)
    deadline = time.monotonic() + 240
    while _stored(store) < 8 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    assert process.returncode == -signal.SIGKILL
    before = _assert_sound(store)
    assert 8 <= before < ARTICLES
    rerun = _ingest(corpus, store)
    _, errors = rerun.communicate(timeout=300)
    assert rerun.returncode == 0, errors
    counts = re.search(r"read (\d+) articles: stored (\d+), already in the store (\d+), rejected (\d+)", errors)
    assert counts is not None, errors
    read, stored, duplicate, rejected = map(int, counts.groups())
    assert (read, duplicate, rejected) == (ARTICLES, before, 0)
    assert stored + duplicate == ARTICLES
    assert _assert_sound(store) == ARTICLES
