"""The events table derived from the mentions table in SQL.

A deduplicated event takes its GDELT columns from its first mention, through the one
definition of a GDELT row (:data:`thucydides.gdelt.EVENT_SELECT`, which ``code --format
gdelt`` writes with too), and its NumMentions, NumSources and NumArticles from all its
mentions. Doing this in SQL, over a whole batch at once, keeps ingest fast.
"""

from __future__ import annotations

from ..gdelt import EVENT_SELECT

INSERT_NEW_EVENTS = f"""
INSERT INTO events BY NAME
SELECT
    {EVENT_SELECT},
    m.date AS event_date,
    m.added AS first_seen,
    m.date_precision,
    'coded' AS origin
FROM mentions m
WHERE m.GlobalEventID IN (SELECT GlobalEventID FROM batch_mentions)
  AND NOT EXISTS (SELECT 1 FROM events e WHERE e.GlobalEventID = m.GlobalEventID)
QUALIFY row_number() OVER (PARTITION BY m.GlobalEventID ORDER BY m.mention_seq) = 1
"""

UPDATE_COUNTS = """
UPDATE events SET NumMentions = c.mentions, NumSources = c.sources, NumArticles = c.articles,
                  is_current = c.is_current, first_mention = c.first_mention
FROM (
    SELECT GlobalEventID, count(*) AS mentions,
           count(DISTINCT coalesce(nullif(source_name, ''), article_key)) AS sources,
           count(DISTINCT article_key) AS articles, bool_or("current") AS is_current,
           min(mention_seq) AS first_mention
    FROM mentions
    WHERE GlobalEventID IN (SELECT GlobalEventID FROM batch_mentions)
    GROUP BY GlobalEventID
) c
WHERE events.GlobalEventID = c.GlobalEventID
"""
