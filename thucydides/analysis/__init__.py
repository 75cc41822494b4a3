"""Questions asked of an event store: dyads, networks, blocs, change alerts, actor summaries, events, places, plots.

Plain functions over a :class:`thucydides.store.Store` returning dataclasses or lists
of dicts; the CLI (and the web dashboard) call them and only format what they return.
"""

from .actors import ActorSpec, resolve_actor
from .alerts import Alert, alerts
from .dyads import DyadTimeline, dyad_timeline, top_dyads
from .event_detail import EventDetail, event_detail
from .events import SORTS, EventPage, EventQuery, EventSummary, find_events
from .layout import NetworkView, network_view
from .network import Bloc, actor_network, blocs, blocs_of, cooperation_graph, network_edges
from .overview import ActorCount, StoreOverview, Timeline, actor_names, event_timeline, list_actors, store_overview
from .periods import Period
from .places import CountryCount, MapPoint, country_counts, map_points
from .plots import plot_alerts, plot_dyad, plot_network
from .scope import PLOVER_EVENTS, Scope
from .summary import ActorSummary, actor_summary

__all__ = [
    "PLOVER_EVENTS",
    "SORTS",
    "ActorCount",
    "ActorSpec",
    "ActorSummary",
    "Alert",
    "Bloc",
    "CountryCount",
    "DyadTimeline",
    "EventDetail",
    "EventPage",
    "EventQuery",
    "EventSummary",
    "MapPoint",
    "NetworkView",
    "Period",
    "Scope",
    "StoreOverview",
    "Timeline",
    "actor_names",
    "actor_network",
    "actor_summary",
    "alerts",
    "blocs",
    "blocs_of",
    "cooperation_graph",
    "country_counts",
    "dyad_timeline",
    "event_detail",
    "event_timeline",
    "find_events",
    "list_actors",
    "map_points",
    "network_edges",
    "network_view",
    "plot_alerts",
    "plot_dyad",
    "plot_network",
    "resolve_actor",
    "store_overview",
    "top_dyads",
]
