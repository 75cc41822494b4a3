"""The actor network, weighted by cooperation and conflict, and the blocs that cooperate among themselves."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import networkx as nx

from ..store import Store
from .actors import actor_key
from .scope import Scope, quad_sums


def network_edges(store: Store, scope: Scope | None = None, min_events: int = 1) -> list[dict[str, Any]]:
    """Directed edges between actors (country, else group, else code), most events first.

    Each edge: ``source``, ``target``, ``events``, ``cooperation`` (QuadClass 1–2),
    ``conflict`` (3–4), ``goldstein_sum``. Pairs of an actor with itself are left out.
    """
    scope = scope or Scope()
    one, two = actor_key(1), actor_key(2)
    where, params = scope.where()
    sql = (
        f"SELECT {one} AS source, {two} AS target, {quad_sums(scope.weight)} FROM events "
        f"WHERE {where} AND {one} IS NOT NULL AND {two} IS NOT NULL AND {one} <> {two} "
        "GROUP BY ALL HAVING sum(1) >= ? ORDER BY total DESC, source, target"
    )
    return [
        {
            "source": r["source"],
            "target": r["target"],
            "events": int(r["total"]),
            "cooperation": int(r["q1"] + r["q2"]),
            "conflict": int(r["q3"] + r["q4"]),
            "goldstein_sum": float(r["goldstein_sum"]),
        }
        for r in store.rows(sql, [*params, min_events])
    ]


def actor_network(store: Store, scope: Scope | None = None, min_events: int = 1) -> nx.DiGraph:
    """The network as a directed graph: edge attributes as :func:`network_edges`, node attribute ``events``."""
    graph = nx.DiGraph()
    for edge in network_edges(store, scope, min_events):
        graph.add_edge(
            edge["source"], edge["target"], **{k: v for k, v in edge.items() if k not in ("source", "target")}
        )
    for node in graph.nodes:
        graph.nodes[node]["events"] = sum(d["events"] for *_, d in graph.in_edges(node, data=True)) + sum(
            d["events"] for *_, d in graph.out_edges(node, data=True)
        )
    return graph


def cooperation_graph(network: nx.DiGraph) -> nx.Graph:
    """Undirected graph of net cooperation: weight = cooperation − conflict over both directions, kept when > 0."""
    net: dict[tuple[str, str], int] = {}
    for a, b, data in network.edges(data=True):
        key = (min(a, b), max(a, b))
        net[key] = net.get(key, 0) + data["cooperation"] - data["conflict"]
    graph = nx.Graph()
    graph.add_nodes_from(network.nodes)
    graph.add_weighted_edges_from((a, b, w) for (a, b), w in net.items() if w > 0)
    return graph


@dataclass(frozen=True)
class Bloc:
    """Actors that cooperate more among themselves than with others (one Louvain community)."""

    members: tuple[str, ...]  # most connected first
    cooperation: int  # cooperation events among members
    conflict: int  # conflict events among members
    conflict_outside: int  # conflict events between members and non-members

    def as_dict(self) -> dict[str, Any]:
        return {
            "members": list(self.members),
            "cooperation": self.cooperation,
            "conflict": self.conflict,
            "conflict_outside": self.conflict_outside,
        }


def blocs(
    store: Store, scope: Scope | None = None, min_events: int = 1, min_size: int = 2, seed: int = 0
) -> list[Bloc]:
    """Communities of the cooperation network (Louvain, networkx), largest first; singletons dropped."""
    return blocs_of(actor_network(store, scope, min_events), min_size, seed)


def blocs_of(network: nx.DiGraph, min_size: int = 2, seed: int = 0) -> list[Bloc]:
    """The blocs of a network made by :func:`actor_network`, largest first; singletons dropped."""
    coop = cooperation_graph(network)
    communities = nx.community.louvain_communities(coop, weight="weight", seed=seed)
    found = [_bloc(network, coop, set(c)) for c in communities if len(c) >= min_size]
    return sorted(found, key=lambda b: (-len(b.members), -b.cooperation, b.members))


def _bloc(network: nx.DiGraph, coop: nx.Graph, members: set[str]) -> Bloc:
    inside = [d for a, b, d in network.edges(data=True) if a in members and b in members]
    across = [d for a, b, d in network.edges(data=True) if (a in members) != (b in members)]
    ranked = sorted(members, key=lambda m: (-coop.degree(m, weight="weight"), m))
    return Bloc(
        members=tuple(ranked),
        cooperation=sum(d["cooperation"] for d in inside),
        conflict=sum(d["conflict"] for d in inside),
        conflict_outside=sum(d["conflict"] for d in across),
    )
