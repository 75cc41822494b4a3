"""Questions asked of an event store: dyads, networks, blocs, change alerts, actor summaries, plots.

Plain functions over a :class:`thucydides.store.Store` returning dataclasses or lists
of dicts; the CLI (and the web dashboard) call them and only format what they return.
"""

from .actors import ActorSpec, resolve_actor
from .alerts import Alert, alerts
from .dyads import DyadTimeline, Period, dyad_timeline, top_dyads
from .network import Bloc, actor_network, blocs, cooperation_graph, network_edges
from .plots import plot_alerts, plot_dyad, plot_network
from .scope import Scope
from .summary import ActorSummary, actor_summary

__all__ = [
    "ActorSpec",
    "ActorSummary",
    "Alert",
    "Bloc",
    "DyadTimeline",
    "Period",
    "Scope",
    "actor_network",
    "actor_summary",
    "alerts",
    "blocs",
    "cooperation_graph",
    "dyad_timeline",
    "network_edges",
    "plot_alerts",
    "plot_dyad",
    "plot_network",
    "resolve_actor",
    "top_dyads",
]
