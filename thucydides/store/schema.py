"""The tables of the event store, as DuckDB DDL and as the Arrow schema rows are built in.

- ``articles``: one row per distinct article text (``article_key`` = SHA-256 of the text);
- ``mentions``: one row per coded event, with its full provenance (article, sentence,
  offsets, trigger, explanation, coder version) and the ``GlobalEventID`` of the
  deduplicated event it reports: GDELT's Mentions table;
- ``events``: one row per distinct (date, source, target, CAMEO code, place): the 61
  columns of GDELT 2.0 events under their GDELT names, with NumMentions, NumSources,
  NumArticles counted over the mentions, plus a few columns of our own: GDELT's Events table;
- ``one_a_day``: a view with one row per (date, source, target, code), whatever the place.

The events are kept ordered by source, target and date, so that one dyad's events
are read from a few row groups (:mod:`thucydides.store.order`).

Three indexes find single rows without reading whole tables: an event by its
``GlobalEventID``, a mention by its ``mention_seq`` (the sentence an event was first
reported in) and the mentions of one event. The event page and every list of events
look rows up this way; without them each lookup reads a million rows.
"""

from __future__ import annotations

import pyarrow as pa

from ..arrow import ACTOR, LOCATION, SPAN
from ..gdelt import GDELT_TYPES

SCHEMA_VERSION = 1

# The 61 columns of GDELT 2.0 events are defined with the GDELT row, in thucydides/gdelt.py.

# Our own columns of the events table, after the 61 GDELT ones.
EVENT_EXTRAS: list[tuple[str, str]] = [
    ("event_date", "DATE"),  # Day as a DATE, for date arithmetic
    ("first_seen", "TIMESTAMP"),  # when the first mention was stored (DATEADDED as a timestamp)
    ("first_mention", "BIGINT"),  # mention_seq of the first mention (NULL for imported events)
    ("is_current", "BOOLEAN"),  # false when every mention is a background event ("since 2022")
    ("date_precision", "VARCHAR"),  # day, week, month or year
    ("origin", "VARCHAR"),  # 'coded', or 'gdelt:<file name>' for imported events
]

_ACTOR_STRUCT = (
    'STRUCT(code VARCHAR, country VARCHAR, "group" VARCHAR, sector VARCHAR[], name VARCHAR, "text" VARCHAR, '
    '"start" INTEGER, "end" INTEGER, how VARCHAR, entity_id VARCHAR)'
)
_LOCATION_STRUCT = (
    "STRUCT(name VARCHAR, country VARCHAR, lat DOUBLE, lon DOUBLE, adm1 VARCHAR, geonames_id BIGINT, "
    'feature VARCHAR, fips VARCHAR, full_name VARCHAR, "text" VARCHAR, "start" INTEGER, "end" INTEGER)'
)
MENTION_TYPES: list[tuple[str, str]] = [
    ("GlobalEventID", "BIGINT"),
    ("article_key", "VARCHAR"),
    ("added", "TIMESTAMP"),
    ("source_name", "VARCHAR"),  # the outlet (article source, else URL host, else the article)
    ("identifier", "VARCHAR"),  # the article URL, else its id
    ("coder_version", "VARCHAR"),
    ("event_id", "VARCHAR"),
    ("article_id", "VARCHAR"),
    ("sentence_index", "INTEGER"),
    ("sentence", "VARCHAR"),
    ("sentence_start", "INTEGER"),
    ("date", "DATE"),
    ("date_precision", "VARCHAR"),
    ("current", "BOOLEAN"),
    ("source", _ACTOR_STRUCT),
    ("target", _ACTOR_STRUCT),
    ("cameo", "VARCHAR"),
    ("quad_class", "INTEGER"),
    ("goldstein", "DOUBLE"),
    ("plover", "STRUCT(event VARCHAR, mode VARCHAR, context VARCHAR[])"),
    ("trigger", 'STRUCT("text" VARCHAR, "start" INTEGER, "end" INTEGER)'),
    ("confidence", "DOUBLE"),
    ("explanation", "STRUCT(producer VARCHAR, rule VARCHAR, reason VARCHAR, modifiers VARCHAR[])"),
    ("location", _LOCATION_STRUCT),
]
ARTICLE_TYPES: list[tuple[str, str]] = [
    ("article_key", "VARCHAR PRIMARY KEY"),
    ("id", "VARCHAR"),
    ("url", "VARCHAR"),
    ("source", "VARCHAR"),
    ("title", "VARCHAR"),
    ("date", "DATE"),
    ("origin", "VARCHAR"),
    ("text", "VARCHAR"),
    ("sentences", "INTEGER"),
    ("events", "INTEGER"),
    ("added", "TIMESTAMP"),
    ("coder_version", "VARCHAR"),
]


def table_ddl(name: str, columns: list[tuple[str, str]]) -> str:
    body = ",\n  ".join(f'"{column}" {kind}' for column, kind in columns)
    return f"CREATE TABLE IF NOT EXISTS {name} (\n  {body}\n)"


ONE_A_DAY = """
CREATE OR REPLACE VIEW one_a_day AS
SELECT event_date, Day, Actor1Code, Actor1CountryCode, Actor1KnownGroupCode,
       Actor2Code, Actor2CountryCode, Actor2KnownGroupCode,
       EventCode, EventBaseCode, EventRootCode, QuadClass, GoldsteinScale, origin,
       min(GlobalEventID) AS GlobalEventID, count(*) AS events, sum(NumMentions) AS NumMentions,
       sum(NumArticles) AS NumArticles, min(first_seen) AS first_seen, bool_or(is_current) AS is_current
FROM events
GROUP BY ALL
"""

# Made when a store is opened for writing, so a store made before them gets them then (about 7 s a million events).
EVENT_INDEXES = ["CREATE INDEX IF NOT EXISTS events_by_id ON events (GlobalEventID)"]
INDEXES = [
    *EVENT_INDEXES,
    "CREATE INDEX IF NOT EXISTS mentions_by_seq ON mentions (mention_seq)",
    "CREATE INDEX IF NOT EXISTS mentions_by_event ON mentions (GlobalEventID)",
]
EVENT_COLUMNS = [*GDELT_TYPES, *EVENT_EXTRAS]

DDL: list[str] = [
    "CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)",
    table_ddl("articles", ARTICLE_TYPES),
    "CREATE SEQUENCE IF NOT EXISTS mention_seq",
    table_ddl("mentions", [("mention_seq", "BIGINT"), *MENTION_TYPES]),
    table_ddl("events", EVENT_COLUMNS),
    ONE_A_DAY,
    *INDEXES,
]

_ARROW_SCALARS = {
    "BIGINT": pa.int64(),
    "INTEGER": pa.int32(),
    "VARCHAR": pa.string(),
    "DOUBLE": pa.float64(),
    "DATE": pa.date32(),
    "TIMESTAMP": pa.timestamp("us"),
    "BOOLEAN": pa.bool_(),
}
_ARROW_NESTED = {
    "source": ACTOR,
    "target": ACTOR,
    "location": LOCATION,
    "plover": pa.struct([("event", pa.string()), ("mode", pa.string()), ("context", pa.list_(pa.string()))]),
    "trigger": SPAN,
    "explanation": pa.struct(
        [
            ("producer", pa.string()),
            ("rule", pa.string()),
            ("reason", pa.string()),
            ("modifiers", pa.list_(pa.string())),
        ]
    ),
}


def arrow_schema(columns: list[tuple[str, str]]) -> pa.Schema:
    """The Arrow schema of rows for a table of ``columns`` (as in the DDL)."""
    fields = []
    for name, kind in columns:
        nested = kind.startswith("STRUCT")
        arrow_type = _ARROW_NESTED[name] if nested else _ARROW_SCALARS[kind.split()[0]]
        fields.append(pa.field(name, arrow_type))
    return pa.schema(fields)


MENTION_ARROW = arrow_schema(MENTION_TYPES)
ARTICLE_ARROW = arrow_schema(ARTICLE_TYPES)
EVENT_ARROW = arrow_schema([*GDELT_TYPES, *EVENT_EXTRAS, ("ord", "BIGINT")])
