import datetime as dt
from pathlib import Path

import pytest

from thucydides.analysis import EventQuery, Scope, event_detail, find_events
from thucydides.analysis.events import SORTS, conditions
from thucydides.errors import StoreError
from thucydides.store import Store

from ..store.factory import coded, event, random_stories, story


@pytest.fixture()
def filled(store: Store) -> Store:
    store.ingest(
        [
            story(
                1,
                event("JPN", "NAT", "036", day="2025-01-10", place="Tokyo"),
                event("NAT", "JPN", "057", day="2025-01-20"),
            ),
            story(2, event("CHN", "NAT", "130", day="2025-03-07"), event("CHNMIL", "JPN", "190", day="2025-03-08")),
            coded("a repeat", event("JPN", "NAT", "036", day="2025-01-10", place="Tokyo")),
            story(3, event("RUS", "UKR", "190", day="2025-03-09", current=False)),
        ]
    )
    return store


def test_find_events_pages_newest_first_without_background_events(filled: Store) -> None:
    page = find_events(filled, limit=2)
    assert (page.total, len(page.events)) == (4, 2)
    assert [e.date for e in page.events] == [dt.date(2025, 3, 8), dt.date(2025, 3, 7)]
    rest = find_events(filled, limit=2, offset=2)
    assert {e.id for e in rest.events}.isdisjoint({e.id for e in page.events})


def test_a_page_past_the_last_event_still_gives_the_total(filled: Store) -> None:
    past = find_events(filled, limit=2, offset=10)
    assert (past.total, past.events) == (4, [])
    assert (
        find_events(filled, scope=Scope(unit="mentions"), limit=2, offset=10).total
        == find_events(filled, scope=Scope(unit="mentions")).total
    )
    assert find_events(filled, EventQuery(actor="CHN"), scope=Scope(start=dt.date(2030, 1, 1))).total == 0


def test_a_dyad_is_directed_or_both_ways_and_an_actor_either_side(filled: Store) -> None:
    assert find_events(filled, EventQuery(source="JPN", target="NAT")).total == 1
    assert find_events(filled, EventQuery(source="JPN", target="NAT", directed=False)).total == 2
    assert find_events(filled, EventQuery(actor="CHN")).total == 2
    assert find_events(filled, EventQuery(target="JPN")).total == 2


def test_scope_filters_on_kind_code_plover_and_place(filled: Store) -> None:
    assert find_events(filled, scope=Scope(quad_classes=(4,))).total == 1
    assert find_events(filled, scope=Scope(codes=("13",))).total == 1
    assert find_events(filled, scope=Scope(plover="ASSAULT")).total == 1
    with pytest.raises(StoreError) as caught:
        Scope(codes=("x",))
    assert caught.value.code == "E432"


def test_words_match_the_sentence_or_the_actor_names(filled: Store) -> None:
    assert find_events(filled, EventQuery(text="did 130")).total == 1
    assert find_events(filled, EventQuery(text="chnmil")).total == 1


def test_sorting_by_goldstein_and_reports(filled: Store) -> None:
    assert find_events(filled, sort="most_conflictual").events[0].cameo == "190"
    top = find_events(filled, sort="most_reported").events[0]
    assert (top.cameo, top.mentions, top.articles) == ("036", 2, 2)
    with pytest.raises(StoreError):
        find_events(filled, sort="random")


def test_event_detail_lists_every_mention_and_its_article(filled: Store) -> None:
    repeated = find_events(filled, sort="most_reported").events[0]
    detail = event_detail(filled, int(repeated.id))
    assert detail is not None and len(detail.mentions) == 2 and len(detail.articles) == 2
    assert detail.code.name and detail.code.quad_name == "verbal cooperation"
    assert detail.mentions[0].trigger.text == "did" and detail.mentions[0].reason == "hand-made"
    assert event_detail(filled, 1) is None


def test_kept_pages_and_events_on_a_store_file_follow_a_second_ingest(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.duckdb") as store:
        store.ingest([story(1, event("USA", "CHN")), story(2, event("RUS", "UKR", "173"))])
        query = EventQuery(source="USA", target="CHN", directed=False)
        first = find_events(store, query)
        assert first.total == 1
        one = first.events[0]
        assert event_detail(store, int(one.id)) is not None
        assert event_detail(store, int(one.id)).event == one  # type: ignore[union-attr]  # one event, by the index
        store.ingest([story(3, event("CHN", "USA", "173", day="2025-06-05"))])
        again = find_events(store, query)
        assert again.total == 2 and again.events[1] == one


def _page_with_one_condition(
    store: Store, query: EventQuery, scope: Scope, limit: int, offset: int, sort: str
) -> tuple[int, list[str]]:
    """The total and the ids of a page as they were found before the unions: one scan with every condition."""
    where, params = conditions(store, query, scope)
    rows = store.rows(
        f"SELECT GlobalEventID, coalesce(sum({scope.weight}) OVER (), 0) AS total FROM events WHERE {where} "
        f"ORDER BY {SORTS[sort]}, GlobalEventID LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )
    total = store.scalar(f"SELECT coalesce(sum({scope.weight}), 0) FROM events WHERE {where}", params)
    return int(rows[0]["total"] if rows else total), [str(r["GlobalEventID"]) for r in rows]


QUERIES = [
    EventQuery(actor="JPN"),
    EventQuery(actor="NAT"),
    EventQuery(actor="code:USA"),
    EventQuery(source="JPN", target="NAT", directed=False),
    EventQuery(source="USA", target="USA", directed=False),  # a dyad of an actor with itself
    EventQuery(source="USAMIL", target="code:USA", directed=False),  # sides that overlap
    EventQuery(actor="USA", source="JPN", target="CHN", directed=False),
    EventQuery(actor="JPN", text="did"),  # words: one scan, as before
]


def test_events_of_an_actor_or_a_dyad_both_ways_are_those_of_one_condition_before_and_after_an_ingest(
    tmp_path: Path,
) -> None:
    scopes = [Scope(), Scope(unit="mentions", background=True), Scope(start=dt.date(2024, 9, 1), quad_classes=(4,))]
    with Store.open(tmp_path / "s.duckdb") as store:  # a file: pages are kept, and must follow the ingest
        for first, seed in ((0, 51), (60, 52)):
            store.ingest(random_stories(first, 60, seed))
            store.ingest([story(900 + first, event("USA", "USA", "173"), event("USAMIL", "USA", "057"))])
            with store.reading():  # one connection for the checks (opening the file is most of a query's time)
                for query in QUERIES:
                    for scope in scopes:
                        pages = [(sort, 7, 5) for sort in SORTS] + [("newest", 50, 0), ("oldest", 5, 10_000)]
                        for sort, limit, offset in pages:
                            page = find_events(store, query, scope, limit, offset, sort)
                            expected = _page_with_one_condition(store, query, scope, limit, offset, sort)
                            assert (page.total, [e.id for e in page.events]) == expected, (query, scope, sort)


def test_an_unknown_actor_of_a_dyad_both_ways_is_named_in_the_order_of_the_filters(filled: Store) -> None:
    for query, unknown in (
        (EventQuery(actor="ZZZQ", source="QQQZ", target="JPN", directed=False), "ZZZQ"),
        (EventQuery(source="QQQZ", target="ZZZQ", directed=False), "QQQZ"),
        (EventQuery(source="JPN", target="ZZZQ", directed=False), "ZZZQ"),
    ):
        with pytest.raises(StoreError, match=f"E431.*{unknown}"):
            find_events(filled, query)
