"""The query parameters every view shares (the dashboard's synchronised filters), and paging.

Each is declared once here, with its type, bounds and help, so that the API, the
pages and the OpenAPI description agree; a bad value is answered with E405 by the app.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Annotated, Literal
from urllib.parse import urlencode

from fastapi import Query

from ..analysis import PLOVER_EVENTS, EventQuery, Scope
from ..analysis.events import narrow
from ..store import Store

ActorText = Annotated[str | None, Query(max_length=100, description="An actor code (JPN, NAT, USAGOV) or name.")]
PloverType = Literal[PLOVER_EVENTS]  # type: ignore[valid-type]
Freq = Literal["day", "week", "month", "year"]
Sort = Literal["newest", "oldest", "most_conflictual", "most_cooperative", "most_reported"]
Unit = Literal["events", "mentions"]
QuadClass = Annotated[int, Query(ge=1, le=4)]

# The parameters that make up the filters, in the order the filter bar shows them.
FILTER_NAMES = (
    "actor", "source", "target", "directed", "from", "to", "quad", "code", "plover", "place", "q", "unit", "background",
)  # fmt: skip


@dataclass(frozen=True)
class Filters:
    """The filters of one request: who, when, what kind of event, where, which words."""

    actor: str | None = None
    source: str | None = None
    target: str | None = None
    directed: bool = False
    start: dt.date | None = None
    end: dt.date | None = None
    quad: tuple[int, ...] = ()
    code: str | None = None
    plover: str | None = None
    place: str | None = None
    q: str | None = None
    unit: str = "events"
    background: bool = False

    def scope(self) -> Scope:
        codes = (self.code,) if self.code else ()
        return Scope(
            start=self.start,
            end=self.end,
            unit=self.unit,
            quad_classes=self.quad,
            codes=codes,
            plover=self.plover,
            place=self.place,
            background=self.background,
        )

    def query(self) -> EventQuery:
        return EventQuery(self.actor, self.source, self.target, self.directed, self.q)

    def narrowed(self, store: Store, *used: str) -> Scope:
        """The scope with the who and words filters too, but those in ``used`` (the view takes them itself)."""
        query = EventQuery(
            None if "actor" in used else self.actor,
            None if "source" in used else self.source,
            None if "target" in used else self.target,
            self.directed,
            self.q,
        )
        return narrow(store, query, self.scope())

    def pairs(self) -> list[tuple[str, str]]:
        """The filters as query-string pairs (only those set), for links that keep them."""
        values: list[tuple[str, object]] = [
            ("actor", self.actor),
            ("source", self.source),
            ("target", self.target),
            ("directed", "true" if self.directed else None),
            ("from", self.start),
            ("to", self.end),
            *[("quad", q) for q in self.quad],
            ("code", self.code),
            ("plover", self.plover),
            ("place", self.place),
            ("q", self.q),
            ("unit", None if self.unit == "events" else self.unit),
            ("background", "true" if self.background else None),
        ]
        return [(k, str(v)) for k, v in values if v is not None and v != ""]

    def query_string(self, **extra: object) -> str:
        pairs = [p for p in self.pairs() if p[0] not in extra]
        pairs += [(k, str(v)) for k, v in extra.items() if v is not None]
        return urlencode(pairs)

    @property
    def active(self) -> bool:
        return bool(self.pairs())


async def filters(
    actor: ActorText = None,
    source: Annotated[str | None, Query(max_length=100, description="Source actor (with target: a dyad).")] = None,
    target: Annotated[str | None, Query(max_length=100, description="Target actor (with source: a dyad).")] = None,
    directed: Annotated[
        bool, Query(description="With source and target: only source → target (else both ways).")
    ] = False,
    start: Annotated[dt.date | None, Query(alias="from", description="First date, YYYY-MM-DD.")] = None,
    end: Annotated[dt.date | None, Query(alias="to", description="Last date, YYYY-MM-DD.")] = None,
    quad: Annotated[
        list[QuadClass] | None,
        Query(description="QuadClass (repeatable): 1 verbal cooperation … 4 material conflict.", max_length=4),
    ] = None,
    code: Annotated[
        str | None, Query(pattern=r"^\d{2,4}$", description="A CAMEO code or its first digits (19, 190).")
    ] = None,
    plover: Annotated[PloverType | None, Query(description="A PLOVER event type.")] = None,
    place: Annotated[
        str | None,
        Query(pattern=r"^[A-Za-z]{3}$", description="Country of the event's location, ISO 3166 alpha-3 (UKR)."),
    ] = None,
    q: Annotated[str | None, Query(max_length=200, description="Words in the sentence or actor names.")] = None,
    unit: Annotated[Unit, Query(description="Count deduplicated events or every mention of them.")] = "events",
    background: Annotated[
        bool, Query(description="Also count background events told in passing and events without a date.")
    ] = False,
) -> Filters:
    """The shared filters, as a FastAPI dependency.

    Declared ``async`` (it waits for nothing): FastAPI runs a plain ``def`` dependency in its pool of
    threads, a hop to another thread and back for every request, which under 50 clients at once cost
    the slowest views a fifth of their latency (docs/performance.md, "Under load").
    """
    quads = tuple(sorted(set(quad or ())))
    return Filters(
        actor, source, target, directed, start, end, quads, code, plover, place and place.upper(), q, unit, background
    )


@dataclass(frozen=True)
class Paging:
    limit: int
    offset: int
    sort: str


async def paging(
    limit: Annotated[int, Query(ge=1, le=500, description="How many events to return.")] = 50,
    offset: Annotated[int, Query(ge=0, le=10_000_000, description="How many to skip (for the next pages).")] = 0,
    sort: Annotated[Sort, Query(description="Order of the events.")] = "newest",
) -> Paging:
    """The page of events asked for (``async`` as :func:`filters` is)."""
    return Paging(limit, offset, sort)
