"""``watch`` in process: new files and feed entries are stored once each, by URL and by content."""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from thucydides.errors import ThucydidesError
from thucydides.models import Article, CodedArticle
from thucydides.scale.checkpoint import Checkpoint, default_path
from thucydides.scale.watch import DirectorySource, FeedSource, Watcher
from thucydides.store import Store, content_hash

from .conftest import NewsSite, story

pytestmark = pytest.mark.slow


@pytest.fixture()
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "events.duckdb") as opened:
        yield opened


@pytest.fixture()
def checkpoint(tmp_path: Path) -> Iterator[Checkpoint]:
    with Checkpoint.open(default_path(tmp_path / "events.duckdb")) as opened:
        yield opened


def stored(store: Store) -> list[str]:
    return sorted(row["id"] for row in store.rows("SELECT id FROM articles"))


def drop(directory: Path, name: str, text: str) -> None:
    path = directory / name
    path.write_text(text, encoding="utf-8")
    past = time.time() - 10
    os.utime(path, (past, past))


def test_new_files_are_stored_once_and_not_read_again(tmp_path: Path, store: Store, checkpoint: Checkpoint) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    drop(inbox, "one.txt", story(1))
    drop(inbox, "two.txt", story(2))
    watcher = Watcher(store, checkpoint, [DirectorySource(inbox)], batch=1)
    watcher.poll()
    assert stored(store) == ["one", "two"]
    drop(inbox, "three.txt", story(3))
    watcher.poll()
    watcher.poll()
    assert stored(store) == ["one", "three", "two"]
    assert watcher.summary.coded == 3 and watcher.summary.stored is not None and watcher.summary.stored.duplicate == 0
    assert store.counts()["mentions"] > 0


def test_the_same_text_under_another_name_is_not_stored_again(
    tmp_path: Path, store: Store, checkpoint: Checkpoint
) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    drop(inbox, "a.txt", story(1))
    drop(inbox, "copy-of-a.txt", story(1))
    watcher = Watcher(store, checkpoint, [DirectorySource(inbox)])
    watcher.poll()
    assert stored(store) == ["a"] and watcher.watched.known == 1


def test_lines_appended_to_a_jsonl_file_are_stored_and_earlier_lines_are_not_repeated(
    tmp_path: Path, store: Store, checkpoint: Checkpoint
) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    line = [json.dumps({"id": f"j{n}", "text": story(n), "url": f"http://x/{n}"}) + "\n" for n in range(4)]
    drop(inbox, "wire.jsonl", "".join(line[:2]))
    watcher = Watcher(store, checkpoint, [DirectorySource(inbox)])
    watcher.poll()
    drop(inbox, "wire.jsonl", "".join(line))
    watcher.poll()
    assert stored(store) == ["j0", "j1", "j2", "j3"]
    assert watcher.watched.known == 2 and watcher.summary.stored is not None and watcher.summary.stored.duplicate == 0


def test_a_file_still_being_written_waits_until_it_settles(
    tmp_path: Path, store: Store, checkpoint: Checkpoint
) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "fresh.txt").write_text(story(1), encoding="utf-8")
    watcher = Watcher(store, checkpoint, [DirectorySource(inbox, settle=60)])
    watcher.poll()
    assert stored(store) == []
    past = time.time() - 120
    os.utime(inbox / "fresh.txt", (past, past))
    watcher.poll()
    assert stored(store) == ["fresh"]


def test_a_feed_entry_is_stored_once_even_when_its_page_changes(
    news_site: NewsSite, store: Store, checkpoint: Checkpoint
) -> None:
    news_site.entries = [1, 2]
    news_site.varying = True
    watcher = Watcher(store, checkpoint, [FeedSource(f"{news_site.base}/feed.xml")])
    watcher.poll()
    news_site.entries = [1, 2, 3]
    watcher.poll()
    rows = store.rows("SELECT url FROM articles ORDER BY url")
    assert [r["url"] for r in rows] == [news_site.link(n) for n in (1, 2, 3)]
    assert news_site.hits["/news/1"] == 1


def test_an_unreadable_feed_is_reported_and_the_other_sources_go_on(
    tmp_path: Path, news_site: NewsSite, store: Store, checkpoint: Checkpoint
) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    drop(inbox, "one.txt", story(1))
    errors: list[ThucydidesError] = []
    sources = [FeedSource(f"{news_site.base}/gone.xml"), DirectorySource(inbox)]
    watcher = Watcher(store, checkpoint, sources, on_error=errors.append)
    watcher.poll()
    assert [e.code for e in errors] == ["E502"] and stored(store) == ["one"]


def test_after_a_crash_what_the_store_holds_is_kept_and_the_rest_is_read_again(
    tmp_path: Path, store: Store, checkpoint: Checkpoint
) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    drop(inbox, "kept.txt", story(1))
    drop(inbox, "lost.txt", story(2))
    # The state a kill -9 can leave: both pending, only the first committed to the store.
    for text in (story(1), story(2)):
        checkpoint.add_pending(content_hash(text), None)
    checkpoint.commit()
    store.ingest([CodedArticle(Article(id="kept", text=story(1)))])
    watcher = Watcher(store, checkpoint, [DirectorySource(inbox)])
    watcher.recover()
    assert (watcher.watched.recovered, watcher.watched.forgotten) == (1, 1)
    watcher.poll()
    assert stored(store) == ["kept", "lost"]
    assert watcher.summary.coded == 1 and watcher.watched.known == 1


def test_a_damaged_checkpoint_is_refused_with_a_way_out(tmp_path: Path) -> None:
    path = tmp_path / "events.duckdb.watch"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(ThucydidesError) as err:
        Checkpoint.open(path)
    assert err.value.code == "E505" and "Move it away" in err.value.message


def test_a_poll_says_which_files_it_left_because_they_are_still_being_written(
    tmp_path: Path, store: Store, checkpoint: Checkpoint
) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "fresh.txt").write_text(story(1), encoding="utf-8")
    watcher = Watcher(store, checkpoint, [DirectorySource(inbox, settle=60)])
    summary = watcher.run(once=True)
    assert watcher.watched.settling == [str(inbox / "fresh.txt")]
    assert "left 1 files still being written" in summary.line() and "fresh.txt" in summary.line()
    past = time.time() - 120
    os.utime(inbox / "fresh.txt", (past, past))
    watcher.poll()
    assert watcher.watched.settling == [] and "still being written" not in watcher.summary.line()
