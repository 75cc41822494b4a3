"""The events table kept in the order of its actors, so that one dyad's events are read without reading them all.

DuckDB stores a table in row groups of about 122,880 rows and keeps, for each column of
each group, its smallest and largest value; a query skips every group whose range cannot
hold what it asks for. In the order events arrive, every group holds every pair of actors,
so a dyad's events are found only by reading the whole table. Ordered by source, then
target (each by country, else known group, else code: the key dyads and networks count
under), then date, one pair's events lie in one or two groups, and a query for them
reads those (and the few groups of the pair the other way round).

New events are appended after the ordered ones. When this unordered tail reaches a row
group and a quarter of the ordered part, the table is rewritten in order, in one
transaction: a crash leaves the table as it was, and a store is never half-ordered. This
happens after each ingest or import, and when a store made before this order is first
opened for writing (3–7 s and 0.8 GB for a million events). The order is physical
only: every query says how its rows are ordered, so no answer depends on it, and a store
that is not ordered, or only partly, gives the same answers, more slowly.
"""

from __future__ import annotations

import duckdb

from .schema import EVENT_COLUMNS, EVENT_INDEXES, ONE_A_DAY, table_ddl
from .sql import first_value

ROW_GROUP = 122_880  # rows of a DuckDB row group: smaller tails cost no more than one group to read
TAIL_SHARE = 0.25  # rewrite when the tail is this share of the ordered part: each event is rewritten a few times
META_KEY = "ordered_events"
# Source key, target key, date: the same keys as thucydides.analysis.actors.actor_key.
EVENT_ORDER = (
    "coalesce(Actor1CountryCode, Actor1KnownGroupCode, Actor1Code), "
    "coalesce(Actor2CountryCode, Actor2KnownGroupCode, Actor2Code), event_date, GlobalEventID"
)


def unordered_events(con: duckdb.DuckDBPyConnection) -> int:
    """How many events were appended after the table was last put in order (all of them if it never was)."""
    ordered = int(first_value(con, "SELECT value FROM meta WHERE key = ?", [META_KEY]) or 0)
    return max(int(first_value(con, "SELECT count(*) FROM events")) - ordered, 0)


def needs_order(con: duckdb.DuckDBPyConnection, min_tail: int | None = None) -> bool:
    """Whether the unordered tail is long enough to rewrite the table: ``min_tail`` rows (a row group) and a share."""
    min_tail = ROW_GROUP if min_tail is None else min_tail
    tail = unordered_events(con)
    total = int(first_value(con, "SELECT count(*) FROM events"))
    return tail > 0 and tail >= max(min_tail, (total - tail) * TAIL_SHARE)


def order_events(con: duckdb.DuckDBPyConnection) -> None:
    """Rewrite the events table in :data:`EVENT_ORDER`; call inside a write transaction (``store.writing()``)."""
    con.execute("SET enable_progress_bar = false")  # DuckDB's own bar would cut into the ingest's output
    con.execute(table_ddl("events_ordered", EVENT_COLUMNS))
    con.execute(f"INSERT INTO events_ordered SELECT * FROM events ORDER BY {EVENT_ORDER}")
    con.execute("DROP TABLE events")
    con.execute("ALTER TABLE events_ordered RENAME TO events")
    for statement in EVENT_INDEXES:
        con.execute(statement)
    con.execute(ONE_A_DAY)
    count = int(first_value(con, "SELECT count(*) FROM events"))
    con.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", [META_KEY, str(count)])
