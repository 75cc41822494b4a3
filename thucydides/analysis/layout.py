"""The actor network laid out for drawing: the busiest actors, their busiest links, and their blocs.

Positions come from a force-directed layout (networkx ``spring_layout``, fixed seed,
so the same store gives the same picture); links merge both directions and are
marked by whether cooperation or conflict dominates; every actor carries the number
of the bloc it belongs to (:func:`thucydides.analysis.blocs`), or None.

Laying out and finding blocs costs about half a second of CPU on a store of a million
events, and the answer depends only on what the store holds: so a view is kept, for a
store file, until the file changes (:mod:`.kept`). The network
page, its API view and its download then share one layout.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import networkx as nx

from ..store import Store
from .kept import kept
from .network import Bloc, actor_network, blocs_of
from .overview import actor_name
from .scope import Scope


@dataclass(frozen=True)
class NetworkNode:
    key: str
    name: str | None
    x: float
    y: float
    events: int
    cooperation: int
    conflict: int
    bloc: int | None  # index into NetworkView.blocs


@dataclass(frozen=True)
class NetworkLink:
    a: str
    b: str
    events: int
    cooperation: int
    conflict: int

    @property
    def tone(self) -> str:
        """cooperation, conflict or mixed: which kind of event dominates the link."""
        if self.cooperation == self.conflict:
            return "mixed"
        return "cooperation" if self.cooperation > self.conflict else "conflict"


@dataclass(frozen=True)
class NetworkView:
    nodes: list[NetworkNode] = field(default_factory=list)
    links: list[NetworkLink] = field(default_factory=list)
    blocs: list[Bloc] = field(default_factory=list)
    actors: int = 0  # actors in the whole network, drawn or not


@kept
def network_view(
    store: Store, scope: Scope | None = None, top: int = 40, max_links: int = 150, min_events: int = 1, seed: int = 1
) -> NetworkView:
    """The ``top`` actors with most events and their ``max_links`` busiest links, laid out, with blocs.

    Made once per version of a store file and arguments (:func:`.kept.kept`); always made for a store in memory.
    """
    network = actor_network(store, scope, min_events)
    found = blocs_of(network)
    bloc_of = {member: i for i, bloc in enumerate(found) for member in bloc.members}
    keep = sorted(network.nodes, key=lambda n: (-network.nodes[n]["events"], n))[:top]
    links = _links(network.subgraph(keep), max_links)
    graph = nx.Graph()
    graph.add_nodes_from(keep)
    graph.add_edges_from((link.a, link.b, {"weight": link.events}) for link in links)
    positions = nx.spring_layout(graph, weight="weight", seed=seed) if keep else {}
    nodes = [_node(network, key, positions[key], bloc_of.get(key)) for key in keep]
    return NetworkView(nodes, links, found, network.number_of_nodes())


def _links(graph: nx.DiGraph, max_links: int) -> list[NetworkLink]:
    merged: dict[tuple[str, str], list[int]] = {}
    for a, b, data in graph.edges(data=True):
        counts = merged.setdefault((min(a, b), max(a, b)), [0, 0, 0])
        counts[0] += data["events"]
        counts[1] += data["cooperation"]
        counts[2] += data["conflict"]
    ranked = sorted(merged.items(), key=lambda item: (-item[1][0], item[0]))[:max_links]
    return [NetworkLink(a, b, *counts) for (a, b), counts in ranked]


def _node(network: nx.DiGraph, key: str, position: object, bloc: int | None) -> NetworkNode:
    edges = [*network.in_edges(key, data=True), *network.out_edges(key, data=True)]
    x, y = (float(v) for v in position)  # type: ignore[attr-defined]
    return NetworkNode(
        key=key,
        name=actor_name(key),
        x=round(x, 4),
        y=round(y, 4),
        events=int(network.nodes[key]["events"]),
        cooperation=sum(d["cooperation"] for *_, d in edges),
        conflict=sum(d["conflict"] for *_, d in edges),
        bloc=bloc,
    )
