"""The events table derived from the mentions table in SQL.

A deduplicated event takes its GDELT columns from its first mention, exactly as
:func:`thucydides.writers.gdelt_row` writes them for a single event (tests pin the
two together), and its NumMentions, NumSources and NumArticles from all its mentions.
Doing this in SQL, over a whole batch at once, keeps ingest fast.
"""

from __future__ import annotations


def _actor(role: str, n: int) -> str:
    m = f"m.{role}"
    types = (
        f"list_concat(CASE WHEN {m}.\"group\" IS NOT NULL AND left({m}.code, 3) IN ('IGO', 'NGO', 'IMG', 'MNC') "
        f"THEN [left({m}.code, 3)] ELSE [] END, {m}.sector)"
    )
    return f"""
    nullif({m}.code, '') AS Actor{n}Code,
    CASE WHEN {m}.code <> '' THEN nullif(upper(coalesce(nullif({m}.name, ''), {m}."text")), '') END
        AS Actor{n}Name,
    nullif({m}.country, '') AS Actor{n}CountryCode,
    nullif({m}."group", '') AS Actor{n}KnownGroupCode,
    nullif({types}[1], '') AS Actor{n}Type1Code,
    nullif({types}[2], '') AS Actor{n}Type2Code,
    nullif({types}[3], '') AS Actor{n}Type3Code,"""


# GDELT's ADM1Code is FIPS country + 2 characters; other GeoNames codes ("UKENG") fall back to the country.
_ADM1 = "nullif(CASE WHEN length(m.location.adm1) = 4 THEN m.location.adm1 ELSE m.location.fips END, '')"
_GEO = f"""
    CASE WHEN m.location IS NULL THEN NULL
         WHEN m.location.country = 'USA' AND m.location.feature IN ('city', 'site') THEN 3
         WHEN m.location.country = 'USA' AND m.location.feature = 'adm1' THEN 2
         WHEN m.location.feature = 'country' THEN 1
         WHEN m.location.feature = 'adm1' THEN 5
         ELSE 4 END AS ActionGeo_Type,
    nullif(coalesce(nullif(m.location.full_name, ''), m.location.name), '') AS ActionGeo_FullName,
    nullif(m.location.fips, '') AS ActionGeo_CountryCode,
    {_ADM1} AS ActionGeo_ADM1Code,
    round(m.location.lat, 4) AS ActionGeo_Lat,
    round(m.location.lon, 4) AS ActionGeo_Long,
    CASE m.location.feature WHEN 'country' THEN nullif(m.location.fips, '')
         WHEN 'adm1' THEN {_ADM1}
         ELSE m.location.geonames_id::VARCHAR END AS ActionGeo_FeatureID,"""

INSERT_NEW_EVENTS = f"""
INSERT INTO events BY NAME
SELECT
    m.GlobalEventID,
    strftime(m.date, '%Y%m%d')::INTEGER AS Day,
    strftime(m.date, '%Y%m')::INTEGER AS MonthYear,
    year(m.date) AS Year,
    round(year(m.date) + (dayofyear(m.date) - 1) / 365.0, 4) AS FractionDate,
    {_actor("source", 1)}
    {_actor("target", 2)}
    (m.sentence_index = 0)::INTEGER AS IsRootEvent,
    CASE WHEN length(m.cameo) = 2 THEN m.cameo || '0' ELSE m.cameo END AS EventCode,
    left(CASE WHEN length(m.cameo) = 2 THEN m.cameo || '0' ELSE m.cameo END, 3) AS EventBaseCode,
    left(m.cameo, 2) AS EventRootCode,
    m.quad_class AS QuadClass,
    round(m.goldstein, 1) AS GoldsteinScale,
    {_GEO}
    strftime(m.added, '%Y%m%d%H%M%S')::BIGINT AS DATEADDED,
    nullif(m.identifier, '') AS SOURCEURL,
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
