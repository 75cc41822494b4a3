import datetime as dt
from pathlib import Path

from thucydides.analysis import Scope, event_timeline, list_actors, map_points, network_view, store_overview
from thucydides.store import Store

from ..store.factory import event, story


def _fill(store: Store) -> Store:
    store.ingest(
        [
            story(
                1,
                event("JPN", "NAT", "036", day="2025-01-10", place="Tokyo"),
                event("NAT", "JPN", "057", day="2025-01-20"),
            ),
            story(
                2,
                event("CHN", "NAT", "130", day="2025-03-07", place="Beijing"),
                event("CHNMIL", "JPN", "190", day="2025-03-08"),
            ),
        ]
    )
    return store


def test_overview_counts_and_dates(store: Store) -> None:
    summary = store_overview(_fill(store))
    assert (summary.articles, summary.events, summary.in_scope) == (2, 4, 4)
    assert (summary.first_date, summary.last_date) == (dt.date(2025, 1, 10), dt.date(2025, 3, 8))
    assert summary.quad_counts["material_conflict"] == 1 and summary.outlets[0]["articles"] == 2


def test_actors_are_counted_by_country_or_group_and_found_by_name(store: Store) -> None:
    actors = list_actors(_fill(store))
    assert [(a.key, a.events, a.kind) for a in actors] == [
        ("JPN", 3, "country"),
        ("NAT", 3, "group"),
        ("CHN", 2, "country"),
    ]
    assert [a.key for a in list_actors(store, "china")] == ["CHN"]
    assert [a.key for a in list_actors(store, "treaty")] == ["NAT"]
    assert [a.key for a in list_actors(store, "jp")] == ["JPN"]


def test_the_timeline_of_everything_or_of_one_actor(store: Store) -> None:
    everything = event_timeline(_fill(store), None, "month")
    assert [p.total for p in everything.periods] == [2, 0, 2]
    china = event_timeline(store, "CHN", "month")
    assert [p.total for p in china.periods] == [2] and china.actor is not None


def test_map_points_group_events_by_place(store: Store) -> None:
    points = map_points(_fill(store))
    assert sorted((p.place, p.events) for p in points) == [("Beijing", 1), ("Tokyo", 1)]


def test_the_network_view_places_actors_and_names_their_blocs(store: Store) -> None:
    view = network_view(_fill(store), top=2)
    assert [n.key for n in view.nodes] == ["JPN", "NAT"] and view.actors == 3
    assert [(link.a, link.b, link.tone) for link in view.links] == [("JPN", "NAT", "cooperation")]
    assert view.nodes[0].bloc == view.nodes[1].bloc == 0 and view.nodes[0].name == "Japan"


def test_kept_answers_on_a_store_file_follow_a_second_ingest(tmp_path: Path) -> None:
    from thucydides.analysis.overview import _ranked_actors

    with Store.open(tmp_path / "s.duckdb") as store:
        store.ingest([story(1, event("USA", "CHN")), story(2, event("RUS", "UKR", "173"))])
        first = store_overview(store)
        months = event_timeline(store, "USA", "day")
        assert list_actors(store, limit=2) == _ranked_actors.__wrapped__(store, None, 2, Scope())
        store.ingest([story(3, event("USA", "JPN", day="2025-06-04"))])
        assert store_overview(store).events == first.events + 1
        assert sum(p.total for p in event_timeline(store, "USA", "day").periods) == 1 + sum(
            p.total for p in months.periods
        )
        assert list_actors(store, limit=2) == _ranked_actors.__wrapped__(store, None, 2, Scope())
        assert list_actors(store, limit=1)[0].key == "USA" and list_actors(store, limit=1)[0].events == 2
