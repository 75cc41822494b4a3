"""What a store holds: counts and dates, its actors with their names, and events over time.

Actors are counted under the same key as in dyads and networks: the country, else
the known group, else the actor code. Their names come from the knowledge base
(``JPN`` is Japan, ``NAT`` the North Atlantic Treaty Organization).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

from ..store import Store
from .actors import ActorSpec, actor_key, either_side, resolve_actor
from .kept import kept
from .periods import COUNTED, Days, Period, count_days, fill, undated
from .scope import FREQS, Scope, check_choice, quad_sums


@dataclass(frozen=True)
class StoreOverview:
    articles: int
    mentions: int
    events: int  # deduplicated events in the store, all of them
    in_scope: int  # events the scope keeps (current, dated, in range)
    first_date: dt.date | None
    last_date: dt.date | None
    last_added: dt.datetime | None
    quad_counts: dict[str, int]
    goldstein_mean: float | None
    origins: list[dict[str, Any]] = field(default_factory=list)  # origin, events
    outlets: list[dict[str, Any]] = field(default_factory=list)  # source, articles


@kept
def store_overview(store: Store, scope: Scope | None = None) -> StoreOverview:
    """Counts, dates and kinds of events of the store (the event figures within ``scope``)."""
    scope = scope or Scope()
    where, params = scope.where()
    with store.reading():
        counts = store.counts()
        head = store.rows(
            f"SELECT min(event_date) AS first, max(event_date) AS last, max(first_seen) AS added, "
            f"{quad_sums(scope.weight)} FROM events WHERE {where}",
            params,
        )[0]
        origins = store.rows(
            f"SELECT origin, sum({scope.weight})::BIGINT AS events FROM events WHERE {where} "
            "GROUP BY origin ORDER BY events DESC, origin",
            params,
        )
        outlets = store.rows(
            "SELECT coalesce(source, '(unknown)') AS source, count(*) AS articles FROM articles "
            "GROUP BY ALL ORDER BY articles DESC, source LIMIT 10"
        )
    total = int(head["total"] or 0)
    return StoreOverview(
        articles=counts["articles"],
        mentions=counts["mentions"],
        events=counts["events"],
        in_scope=total,
        first_date=head["first"],
        last_date=head["last"],
        last_added=head["added"],
        quad_counts={name: int(head[f"q{q}"] or 0) for q, name in QUAD_KEYS.items()},
        goldstein_mean=round(float(head["goldstein_sum"]) / total, 3) if total else None,
        origins=[{"origin": r["origin"], "events": int(r["events"])} for r in origins],
        outlets=outlets,
    )


def undated_events(store: Store, scope: Scope | None = None) -> int:
    """How many events of ``scope`` (its dates aside) every analysis leaves out because they have no date."""
    where, params = replace(scope or Scope(), start=None, end=None).where(dated=False)
    return int(store.scalar(f"SELECT count(*) FROM events WHERE {where}", params) or 0)


QUAD_KEYS = {1: "verbal_cooperation", 2: "material_cooperation", 3: "verbal_conflict", 4: "material_conflict"}


@lru_cache(maxsize=1)
def actor_names() -> dict[str, str]:
    """Names of the keys actors are counted under: country codes and known-group codes, from the knowledge base."""
    from ..actors.kb import load_kb

    kb = load_kb()
    names = {org.code: org.name for org in kb.organisations.values()}
    names.update({org.group: org.name for org in kb.organisations.values() if org.group})
    names.update({code: country.name for code, country in kb.countries.items()})
    return names


def actor_name(key: str | None) -> str | None:
    return None if key is None else actor_names().get(key)


@dataclass(frozen=True)
class ActorCount:
    key: str
    name: str | None
    kind: str  # country, group or code
    events: int
    as_source: int
    as_target: int
    cooperation: int
    conflict: int


ACTORS = """
WITH sides AS (
    SELECT {key1} AS key, {kind1} AS kind, 1 AS as_source, QuadClass, {w} AS w FROM events WHERE {where}
    UNION ALL
    SELECT {key2}, {kind2}, 0, QuadClass, {w} FROM events WHERE {where}
)
SELECT key, kind, sum(w) AS events, sum(w * as_source) AS as_source, sum(w * (1 - as_source)) AS as_target,
       sum(CASE WHEN QuadClass <= 2 THEN w ELSE 0 END) AS cooperation,
       sum(CASE WHEN QuadClass >= 3 THEN w ELSE 0 END) AS conflict
FROM sides WHERE key IS NOT NULL AND ({search})
GROUP BY key, kind ORDER BY events DESC, key LIMIT ?
"""


def _kind(n: int) -> str:
    return (
        f"CASE WHEN Actor{n}CountryCode IS NOT NULL THEN 'country' "
        f"WHEN Actor{n}KnownGroupCode IS NOT NULL THEN 'group' ELSE 'code' END"
    )


def list_actors(
    store: Store, search: str | None = None, limit: int = 50, scope: Scope | None = None
) -> list[ActorCount]:
    """Actors with the most events (as source or target), optionally those whose key or name contains ``search``.

    The first :data:`RANKED` are ranked once per store version and search and kept: the
    overview, the actors page and the API share them.
    """
    if limit > RANKED:
        return _ranked_actors(store, search, limit, scope or Scope())
    return _ranked_actors(store, search, RANKED, scope or Scope())[:limit]


RANKED = 1000


@kept
def _ranked_actors(store: Store, search: str | None, limit: int, scope: Scope) -> list[ActorCount]:
    where, params = scope.where()
    search_sql, search_params = _search(search)
    sql = ACTORS.format(
        key1=actor_key(1),
        key2=actor_key(2),
        kind1=_kind(1),
        kind2=_kind(2),
        w=scope.weight,
        where=where,
        search=search_sql,
    )
    rows = store.rows(sql, [*params, *params, *search_params, limit])
    return [
        ActorCount(
            key=r["key"],
            name=actor_name(r["key"]),
            kind=r["kind"],
            events=int(r["events"]),
            as_source=int(r["as_source"]),
            as_target=int(r["as_target"]),
            cooperation=int(r["cooperation"]),
            conflict=int(r["conflict"]),
        )
        for r in rows
    ]


def _search(search: str | None) -> tuple[str, list[Any]]:
    if not search or not search.strip():
        return "true", []
    text = search.strip()
    named = sorted(key for key, name in actor_names().items() if text.lower() in name.lower())
    return "contains(key, ?) OR list_contains(?::VARCHAR[], key)", [text.upper(), named]


@dataclass(frozen=True)
class Timeline:
    """Events per period: all of the scope's, or those with ``actor`` on either side."""

    actor: ActorSpec | None
    freq: str
    unit: str
    periods: list[Period] = field(default_factory=list)


@kept
def event_timeline(store: Store, actor: str | None = None, freq: str = "month", scope: Scope | None = None) -> Timeline:
    """Counts per QuadClass and the Goldstein sum per ``freq``, empty periods included (as :func:`dyad_timeline`).

    Every period is added up from the days of the events (:func:`event_days`), which the timelines of every
    frequency and date range share: an actor's timeline by day and its page's by month read its events once.
    """
    check_choice("frequency", freq, FREQS)
    scope = scope or Scope()
    found = event_days(store, actor, undated(scope))
    periods = fill(found.days.by(freq, scope.start, scope.end), freq, scope)
    return Timeline(found.actor, freq, scope.unit, periods)


@dataclass(frozen=True)
class EventDays:
    """The scope's events, or those with ``actor`` on either side, counted per day (:class:`Days`)."""

    actor: ActorSpec | None
    days: Days


@kept
def event_days(store: Store, actor: str | None, scope: Scope) -> EventDays:
    """The events of ``scope`` (with ``actor`` on either side, if given) counted per day."""
    with store.reading():
        spec = resolve_actor(store, actor) if actor else None
        where, params = scope.where()
        rows = f"events WHERE {where}"
        if spec is not None:
            union, params = either_side(spec, COUNTED, [], where, params)
            rows = f"({union})"
        return EventDays(spec, count_days(store, rows, params, scope.weight))
