import datetime as dt
from pathlib import Path

from thucydides.models import Rejection
from thucydides.records import event_from_record
from thucydides.store import Store

from .factory import coded, event, story


def test_reingesting_the_same_articles_stores_nothing_new(store: Store) -> None:
    articles = [story(i, event("JPN", "NAT"), event("CHN", "NAT", "111")) for i in range(5)]
    first = store.ingest(articles)
    before = store.counts()
    again = store.ingest(articles)
    assert first.stored is not None and again.stored is not None
    assert (first.coded, first.stored.duplicate, first.stored.mentions) == (5, 0, 10)
    assert (again.read, again.coded, again.stored.duplicate, again.stored.mentions, again.stored.new_events) == (
        5,
        0,
        5,
        0,
        0,
    )
    assert store.counts() == before == {"articles": 5, "mentions": 10, "events": 2}


def test_the_same_text_twice_in_one_batch_is_stored_once(store: Store) -> None:
    summary = store.ingest([coded("same text", event("JPN", "NAT")), coded("same text", event("JPN", "NAT"))])
    assert summary.stored is not None
    assert (summary.read, summary.coded, summary.stored.duplicate) == (2, 1, 1)
    assert store.counts()["articles"] == 1


def test_rejections_are_counted_and_stored_nowhere(store: Store) -> None:
    bad = Rejection("x.txt", "E101", "x.txt: the file is empty.")
    summary = store.ingest([bad, story(1, event("JPN", "NAT"))])
    assert (summary.read, summary.coded, summary.rejected) == (2, 1, 1)
    assert summary.rejections == [bad]
    assert summary.stored is not None
    assert summary.read == summary.coded + summary.rejected + summary.stored.duplicate


def test_one_event_reported_by_many_articles_is_one_event_with_its_mentions(store: Store) -> None:
    reports = [
        coded(
            "AP story",
            event("RUS", "UKR", "190", place="Kharkiv"),
            event("RUS", "UKR", "190", place="Kharkiv"),
            source="AP",
        ),
        coded("Reuters story", event("RUS", "UKR", "190", place="Kharkiv"), source="Reuters"),
        coded("Reuters again", event("RUS", "UKR", "190", place="Kharkiv"), source="Reuters"),
    ]
    store.ingest(reports[:2])
    store.ingest(reports[2:])
    rows = store.rows("SELECT NumMentions, NumSources, NumArticles, first_seen FROM events")
    assert len(rows) == 1
    assert (rows[0]["NumMentions"], rows[0]["NumSources"], rows[0]["NumArticles"]) == (4, 2, 3)
    assert isinstance(rows[0]["first_seen"], dt.datetime)


def test_another_day_place_or_code_is_another_event(store: Store) -> None:
    store.ingest(
        [
            story(1, event("RUS", "UKR", "190", place="Kharkiv")),
            story(2, event("RUS", "UKR", "190", place="Kyiv")),
            story(3, event("RUS", "UKR", "190", day="2025-06-04", place="Kyiv")),
            story(4, event("RUS", "UKR", "173", place="Kyiv")),
            story(5, event("UKR", "RUS", "190", place="Kyiv")),
        ]
    )
    assert store.counts()["events"] == 5


def test_one_a_day_view_merges_the_places_of_a_day(store: Store) -> None:
    store.ingest([story(1, event("RUS", "UKR", "190", place="Kharkiv")), story(2, event("RUS", "UKR", "190"))])
    rows = store.rows("SELECT events, NumMentions FROM one_a_day")
    assert rows == [{"events": 2, "NumMentions": 2}]


def test_mentions_keep_every_field_of_the_coded_event(store: Store) -> None:
    original = event("JPNGOV", "NAT", "057", place="Tokyo", sentence_index=3)
    store.ingest([story(1, original)])
    row = store.rows("SELECT * FROM mentions")[0]
    assert event_from_record(row) == original
    assert row["coder_version"].startswith("thucydides ")


def test_background_events_are_stored_but_not_current(store: Store) -> None:
    store.ingest([story(1, event("RUS", "UKR", "190", current=False))])
    assert store.rows("SELECT is_current FROM events") == [{"is_current": False}]


def test_articles_are_identified_by_their_text(store: Store) -> None:
    store.ingest([coded("one text", event("JPN", "NAT"), source="AP")])
    summary = store.ingest([coded("one text", event("JPN", "NAT"), source="a syndicating site")])
    assert summary.stored is not None and summary.stored.duplicate == 1
    assert store.scalar("SELECT count(*) FROM articles WHERE source = 'AP'") == 1


def test_parquet_of_articles_to_code_is_coded_not_taken_as_coded(store: Store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import pyarrow as pa
    import pyarrow.parquet as pq

    from thucydides.store import ingest_paths

    path = tmp_path / "to_code.parquet"
    pq.write_table(
        pa.table({"id": ["a", "b"], "text": ["Russia attacked Ukraine.", "Japan held talks with NATO."]}), path
    )
    summary = ingest_paths(store, [str(path)], date=dt.date(2025, 6, 3), workers=1)
    assert (summary.read, summary.rejected) == (2, 0)
    assert store.counts()["articles"] == 2 and store.counts()["mentions"] >= 2


def test_ingest_reports_the_event_mentions_that_have_no_date(store: Store) -> None:
    import dataclasses

    undated = dataclasses.replace(event("JPN", "NAT"), date=None)
    summary = store.ingest([story(1, undated, event("CHN", "NAT", "111")), story(2, event("RUS", "UKR", "190"))])
    assert summary.stored is not None and summary.stored.undated == 1
    assert "1 event mentions have no date" in summary.line() and "--date" in summary.line()
    assert "no date" not in store.ingest([story(3, event("RUS", "UKR", "190"))]).line()


def test_the_store_version_changes_with_every_ingest_and_is_none_in_memory(store: Store, tmp_path: Path) -> None:
    assert store.version() is None  # the fixture's store is in memory
    with Store.open(tmp_path / "s.duckdb") as on_file:
        before = on_file.version()
        assert before == on_file.version()
        on_file.ingest([story(1, event("JPN", "USA", "036"))])
        assert on_file.version() != before
