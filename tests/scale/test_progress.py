"""The progress bar of ``code``: articles/s, and the time left from the input bytes already coded."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest

from thucydides.models import Article
from thucydides.run import Consumed, Progress, code_paths, make_bar


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_consumed_gives_the_bytes_behind_each_result_in_order() -> None:
    pairs = [(Article(id=str(i), text="x"), 10 * (i + 1)) for i in range(5)]
    consumed = Consumed(pairs)
    items = consumed.items()
    taken = [next(items) for _ in range(3)]  # three in flight
    assert [a.id for a in taken] == ["0", "1", "2"]
    assert [consumed.done(), consumed.done()] == [10, 20]
    rest = list(items)
    assert len(rest) == 2
    assert [consumed.done() for _ in range(3)] == [30, 40, 50]


def test_the_bar_moves_by_bytes_and_shows_the_rate_and_time_left() -> None:
    screen = Terminal()
    progress = Progress(make_bar(1000, screen), by_bytes=True)
    progress.advance(articles=4, done_bytes=400)
    progress.advance(articles=5, done_bytes=500)
    assert progress._bar.n == 500
    progress._bar.refresh()
    shown = screen.getvalue().splitlines()[-1] if "\n" in screen.getvalue() else screen.getvalue()
    progress.close()
    assert "articles/s" in shown
    assert re.search(r"50%", shown) and "<" in shown


def test_without_a_total_the_bar_counts_articles() -> None:
    screen = Terminal()
    progress = Progress(make_bar(None, screen), by_bytes=False)
    progress.advance(articles=7, done_bytes=None)
    assert progress._bar.n == 7
    progress.close()


def test_no_bar_when_standard_error_is_not_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stderr", io.StringIO())
    assert Progress.start(True, 100) is None


@pytest.mark.slow
def test_code_shows_bytes_done_and_ends_at_the_total(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text(
        "".join(json.dumps({"id": f"a{i}", "text": "Russia attacked Ukraine."}) + "\n" for i in range(6)),
        encoding="utf-8",
    )
    screen = Terminal()
    monkeypatch.setattr("sys.stderr", screen)
    out = io.StringIO()
    summary = code_paths([str(path)], out, workers=1, progress=True)
    assert summary.read == 6 and out.getvalue()
    size = path.stat().st_size
    last = screen.getvalue().split("\r")[-1]
    assert "100%" in last and f"{size}/{size}" in last and "6 articles" in last


@pytest.mark.slow
def test_ingest_shows_the_total_and_the_time_left(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from thucydides.store import Store, ingest_paths

    path = tmp_path / "in.jsonl"
    path.write_text(
        "".join(json.dumps({"id": f"a{i}", "text": f"Russia attacked Ukraine {i} times."}) + "\n" for i in range(6)),
        encoding="utf-8",
    )
    screen = Terminal()
    monkeypatch.setattr("sys.stderr", screen)
    with Store.open(tmp_path / "s.duckdb") as store:
        summary = ingest_paths(store, [str(path)], workers=1, progress=True)
    assert summary.read == 6
    size = path.stat().st_size
    last = screen.getvalue().split("\r")[-1]
    assert "100%" in last and f"{size}/{size}" in last and "<" in last
