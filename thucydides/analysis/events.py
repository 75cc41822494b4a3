"""Single events: list them with filters and paging, and show one with every mention that reports it.

An event here is a deduplicated event of the store (one row of ``events``); what the
coder saw is its first mention: the sentence, where the actors and the trigger are in
it, and the rule or model that coded it. Offsets in :class:`ActorRef` and
:class:`TextSpan` count characters from the start of the sentence (``None`` when the
words lie outside it, as for an actor found in an earlier sentence).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import Any

from ..store import Store
from .actors import actor_key, both_ways, either_side, resolve_actor
from .kept import kept
from .scope import Scope

SORTS = {
    "newest": "event_date DESC",
    "oldest": "event_date ASC",
    "most_conflictual": "GoldsteinScale ASC, event_date DESC",
    "most_cooperative": "GoldsteinScale DESC, event_date DESC",
    "most_reported": "NumMentions DESC, event_date DESC",
}
QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}


@dataclass(frozen=True)
class EventQuery:
    """Which events to list besides the :class:`Scope`: an actor on either side, a dyad, words."""

    actor: str | None = None  # on either side
    source: str | None = None
    target: str | None = None
    directed: bool = True  # with source and target: only source → target, else both ways
    text: str | None = None  # words in the sentence or the actors' names (any case)


@dataclass(frozen=True)
class TextSpan:
    text: str
    start: int | None
    end: int | None


@dataclass(frozen=True)
class ActorRef:
    """An actor of an event: its code, the key it is counted under, and where the sentence names it."""

    code: str | None
    key: str | None  # country, else known group, else code: what dyads and networks count
    name: str | None
    text: str | None = None  # the words of the article
    how: str | None = None  # how the coder recognised it
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True)
class EventSummary:
    id: str  # GlobalEventID, as a string (it does not fit a JavaScript number)
    date: dt.date | None
    date_precision: str | None
    source: ActorRef
    target: ActorRef
    cameo: str
    cameo_name: str
    quad_class: int
    quad_name: str
    goldstein: float
    plover: str | None
    mentions: int
    sources: int
    articles: int
    place: str | None
    lat: float | None
    lon: float | None
    sentence: str | None
    trigger: TextSpan | None
    article_id: str | None
    url: str | None
    origin: str | None
    producer: str | None  # rule or model
    confidence: float | None


@dataclass(frozen=True)
class EventPage:
    total: int
    limit: int
    offset: int
    sort: str
    events: list[EventSummary] = field(default_factory=list)


@kept
def find_events(
    store: Store,
    query: EventQuery | None = None,
    scope: Scope | None = None,
    limit: int = 50,
    offset: int = 0,
    sort: str = "newest",
) -> EventPage:
    """The events matching ``query`` and ``scope``, ``limit`` of them from ``offset``, ordered by ``sort``."""
    from .scope import check_choice

    check_choice("sort", sort, tuple(SORTS))
    with store.reading():
        listed, params = _listed(store, query or EventQuery(), scope or Scope())
        # the events listed, or with unit="mentions" the mentions that report them: counted in the same pass
        weight = (scope or Scope()).weight
        ids = store.rows(
            f"SELECT GlobalEventID, coalesce(sum({weight}) OVER (), 0) AS total FROM {listed} "
            f"ORDER BY {SORTS[sort]}, GlobalEventID LIMIT ? OFFSET ?",
            [*params, limit, offset],
        )
        # no row on this page (none at all, or the page is past the end): counted apart
        total = int(
            ids[0]["total"] if ids else store.scalar(f"SELECT coalesce(sum({weight}), 0) FROM {listed}", params)
        )
        events = summaries(store, [r["GlobalEventID"] for r in ids])
    return EventPage(total, limit, offset, sort, events)


# The columns that the sorts and the weights of find_events read.
LISTED = "GlobalEventID, event_date, GoldsteinScale, NumMentions"


def _listed(store: Store, query: EventQuery, scope: Scope) -> tuple[str, list[Any]]:
    """The events of ``query`` in ``scope`` for a FROM clause: ``events WHERE …``, or a union as a subquery for a
    dyad both ways or an actor on either side (:func:`.actors.either`; not with words: they would be searched
    for in both parts). Actors are resolved in the order of :func:`conditions`, so an unknown one gives its error."""
    pair = bool(query.source and query.target and not query.directed)
    if (query.text and query.text.strip()) or not (pair or query.actor):
        where, params = conditions(store, query, scope)
        return f"events WHERE {where}", params
    if pair:
        where, params = conditions(store, replace(query, source=None, target=None), scope)
        assert query.source is not None and query.target is not None
        source, target = resolve_actor(store, query.source), resolve_actor(store, query.target)
        union, params = both_ways(source, target, LISTED, where, params)
    else:
        assert query.actor is not None
        spec = resolve_actor(store, query.actor)
        where, params = conditions(store, replace(query, actor=None), scope)
        union, params = either_side(spec, LISTED, [], where, params)
    return f"({union})", params


def conditions(store: Store, query: EventQuery, scope: Scope) -> tuple[str, list[Any]]:
    """SQL conditions on the events table for a query and a scope (actors are resolved: E431 if unknown)."""
    return narrow(store, query, scope).where()


def narrow(store: Store, query: EventQuery, scope: Scope) -> Scope:
    """``scope`` narrowed to the events of ``query``, so that any analysis can take who and which words."""
    found = [*_actor_conditions(store, query)]
    if query.text and query.text.strip():
        words = query.text.strip().lower()
        found.append(
            (
                "(contains(lower(Actor1Name), ?) OR contains(lower(Actor2Name), ?) OR first_mention IN "
                "(SELECT mention_seq FROM mentions WHERE contains(lower(sentence), ?)))",
                [words, words, words],
            )
        )
    if not found:
        return scope
    return replace(scope, extra=(*scope.extra, *((sql, tuple(values)) for sql, values in found)))


def _actor_conditions(store: Store, query: EventQuery) -> list[tuple[str, list[Any]]]:
    found: list[tuple[str, list[Any]]] = []
    if query.actor:
        spec = resolve_actor(store, query.actor)
        (one, p1), (two, p2) = spec.condition(1), spec.condition(2)
        found.append((f"(({one}) OR ({two}))", [*p1, *p2]))
    source = resolve_actor(store, query.source) if query.source else None
    target = resolve_actor(store, query.target) if query.target else None
    if source and target:
        (s1, ps1), (t2, pt2) = source.condition(1), target.condition(2)
        sql, params = f"({s1} AND {t2})", [*ps1, *pt2]
        if not query.directed:
            (t1, pt1), (s2, ps2) = target.condition(1), source.condition(2)
            sql, params = f"({sql} OR ({t1} AND {s2}))", [*params, *pt1, *ps2]
        found.append((sql, params))
    elif source or target:
        side = source or target
        assert side is not None
        (one, p1), (two, p2) = side.condition(1), side.condition(2)
        if query.directed:
            found.append((one, p1) if source else (two, p2))
        else:
            found.append((f"(({one}) OR ({two}))", [*p1, *p2]))
    return found


SUMMARY = f"""
SELECT e.GlobalEventID::VARCHAR AS id, e.event_date, e.date_precision,
       e.Actor1Code, e.Actor1Name, {actor_key(1).replace("Actor", "e.Actor")} AS key1,
       e.Actor2Code, e.Actor2Name, {actor_key(2).replace("Actor", "e.Actor")} AS key2,
       e.EventCode, e.QuadClass, e.GoldsteinScale, e.NumMentions, e.NumSources, e.NumArticles,
       e.ActionGeo_FullName, e.ActionGeo_Lat, e.ActionGeo_Long, e.SOURCEURL, e.origin,
       m.sentence, m.sentence_start, m.source, m.target, m.trigger, m.plover.event AS plover,
       m.article_id, m.explanation.producer AS producer, m.confidence
FROM events e LEFT JOIN mentions m ON m.mention_seq = e.first_mention
WHERE e.GlobalEventID IN (SELECT unnest(?::BIGINT[]))
"""
SUMMARY_ONE = SUMMARY.replace("IN (SELECT unnest(?::BIGINT[]))", "= ?")  # one event, found through the index


def summaries(store: Store, ids: list[int]) -> list[EventSummary]:
    """The events with these GlobalEventIDs, in the order given."""
    if not ids:
        return []
    sql, params = (SUMMARY_ONE, [ids[0]]) if len(ids) == 1 else (SUMMARY, [ids])
    rows = {r["id"]: r for r in store.rows(sql, params)}
    return [_summary(rows[str(i)]) for i in ids if str(i) in rows]


def _summary(row: dict[str, Any]) -> EventSummary:
    sentence, offset = row["sentence"], row["sentence_start"] or 0
    trigger = row["trigger"]
    return EventSummary(
        id=row["id"],
        date=row["event_date"],
        date_precision=row["date_precision"],
        source=_actor(row["Actor1Code"], row["key1"], row["Actor1Name"], row["source"], sentence, offset),
        target=_actor(row["Actor2Code"], row["key2"], row["Actor2Name"], row["target"], sentence, offset),
        cameo=row["EventCode"],
        cameo_name=cameo_name(row["EventCode"]),
        quad_class=int(row["QuadClass"]),
        quad_name=QUAD_NAMES.get(int(row["QuadClass"]), ""),
        goldstein=float(row["GoldsteinScale"]),
        plover=row["plover"],
        mentions=int(row["NumMentions"] or 0),
        sources=int(row["NumSources"] or 0),
        articles=int(row["NumArticles"] or 0),
        place=row["ActionGeo_FullName"],
        lat=row["ActionGeo_Lat"],
        lon=row["ActionGeo_Long"],
        sentence=sentence,
        trigger=None if trigger is None else in_sentence(trigger, sentence, offset),
        article_id=row["article_id"],
        url=row["SOURCEURL"],
        origin=row["origin"],
        producer=row["producer"],
        confidence=row["confidence"],
    )


def _actor(
    code: str | None, key: str | None, name: str | None, coded: dict[str, Any] | None, sentence: str | None, offset: int
) -> ActorRef:
    if coded is None:
        return ActorRef(code, key, name)
    span = in_sentence(coded, sentence, offset)
    return ActorRef(code, key, coded.get("name") or name, coded.get("text"), coded.get("how"), span.start, span.end)


def in_sentence(span: dict[str, Any], sentence: str | None, offset: int) -> TextSpan:
    """A span with article offsets as offsets into the sentence (None when it lies outside)."""
    start, end = span.get("start"), span.get("end")
    text = span.get("text") or ""
    if sentence is None or start is None or end is None or start < offset or end - offset > len(sentence):
        return TextSpan(text, None, None)
    return TextSpan(text, start - offset, end - offset)


def cameo_name(code: str) -> str:
    from ..events.taxonomy import load_taxonomy

    try:
        return load_taxonomy().name(code)
    except KeyError:
        return ""
