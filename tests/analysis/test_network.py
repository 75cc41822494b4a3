import pytest

from thucydides.analysis import actor_network, blocs, network_edges
from thucydides.store import Store

from ..store.factory import event, story

WEST, EAST = ("USA", "GBR", "FRA"), ("RUS", "CHN", "IRN")


@pytest.fixture()
def two_camps(store: Store) -> Store:
    """Each camp cooperates within itself; across camps there is only conflict."""
    articles, n = [], 0
    for camp in (WEST, EAST):
        for a in camp:
            for b in camp:
                if a != b:
                    n += 1
                    articles.append(story(n, event(a, b, "036"), event(a, b, "057", day="2025-06-04")))
    for a, b in zip(WEST, EAST, strict=True):
        n += 1
        articles.append(story(n, event(a, b, "111"), event(b, a, "173"), event(a, b, "061")))
    store.ingest(articles)
    return store


def test_network_edges_carry_cooperation_and_conflict(two_camps: Store) -> None:
    edges = {(e["source"], e["target"]): e for e in network_edges(two_camps)}
    assert (edges[("USA", "GBR")]["cooperation"], edges[("USA", "GBR")]["conflict"]) == (2, 0)
    assert (edges[("USA", "RUS")]["cooperation"], edges[("USA", "RUS")]["conflict"]) == (1, 1)
    graph = actor_network(two_camps)
    assert graph.number_of_nodes() == 6 and graph.nodes["USA"]["events"] == 4 * 2 + 3


def test_blocs_are_the_camps_that_cooperate(two_camps: Store) -> None:
    found = blocs(two_camps)
    assert sorted(sorted(b.members) for b in found) == [sorted(EAST), sorted(WEST)]
    west = next(b for b in found if "USA" in b.members)
    assert (west.cooperation, west.conflict, west.conflict_outside) == (12, 0, 6)
