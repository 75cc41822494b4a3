"""Change alerts: this week against the four weeks before, per actor and per dyad (ACLED Trendfinder style).

For every actor and every (undirected) dyad, conflict events (QuadClass 3–4) and
cooperation events (1–2) are counted in the week ending ``as_of`` and in each of the
four weeks before it (events dated only to the month or year are left out: they
belong to no week). An alert is raised when this week's count departs from the
baseline mean by more than ``threshold`` standard deviations (the deviation is taken as
at least 1, so that a quiet baseline does not turn every event into an alert) and by
at least ``min_events`` events.
"""

from __future__ import annotations

import datetime as dt
import statistics
from dataclasses import dataclass
from typing import Any

from ..store import Store
from .actors import actor_key
from .kept import kept
from .scope import Scope

BASELINE_WEEKS = 4


@dataclass(frozen=True)
class Alert:
    kind: str  # "actor" or "dyad"
    key: str  # "RUS", or "RUS–UKR" for a dyad
    measure: str  # "conflict" or "cooperation"
    week_end: dt.date
    current: int
    baseline: tuple[int, ...]  # the four weeks before, most recent first
    direction: str  # "increase" or "decrease"

    @property
    def baseline_mean(self) -> float:
        return statistics.fmean(self.baseline)

    @property
    def baseline_sd(self) -> float:
        return statistics.pstdev(self.baseline)

    @property
    def score(self) -> float:
        """Standard deviations from the baseline mean (deviation at least 1)."""
        return (self.current - self.baseline_mean) / max(self.baseline_sd, 1.0)

    def as_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "key": self.key,
            "measure": self.measure,
            "week_end": self.week_end.isoformat(),
            "current": self.current,
            "baseline": list(self.baseline),
            "baseline_mean": round(self.baseline_mean, 2),
            "direction": self.direction,
            "score": round(self.score, 2),
        }


WEEKLY = """
WITH scoped AS (
    SELECT {one} AS a, {two} AS b, QuadClass, {weight} AS w, (?::DATE - event_date) // 7 AS week
    FROM events WHERE {where} AND event_date > ?::DATE - ? AND event_date <= ?::DATE
        AND coalesce(date_precision, 'day') IN ('day', 'week')
), keyed AS (
    SELECT a AS key, 'actor' AS kind, QuadClass, w, week FROM scoped WHERE a IS NOT NULL
    UNION ALL SELECT b, 'actor', QuadClass, w, week FROM scoped WHERE b IS NOT NULL AND b IS DISTINCT FROM a
    UNION ALL SELECT least(a, b) || '–' || greatest(a, b), 'dyad', QuadClass, w, week FROM scoped
        WHERE a IS NOT NULL AND b IS NOT NULL AND a <> b
)
SELECT kind, key, CASE WHEN QuadClass >= 3 THEN 'conflict' ELSE 'cooperation' END AS measure, week, sum(w) AS n
FROM keyed GROUP BY ALL
"""


@kept
def alerts(
    store: Store,
    as_of: dt.date | None = None,
    threshold: float = 2.0,
    min_events: int = 3,
    scope: Scope | None = None,
) -> list[Alert]:
    """Alerts for the week ending ``as_of`` (default: :func:`latest_date`), strongest first.

    Kept while the store file is unchanged (:func:`.kept.kept`): the overview, the alerts page and the API share them.
    """
    scope = scope or Scope()
    as_of = as_of or latest_date(store, scope)
    if as_of is None:
        return []
    where, params = scope.where()
    sql = WEEKLY.format(one=actor_key(1), two=actor_key(2), weight=scope.weight, where=where)
    rows = store.rows(sql, [as_of, *params, as_of, 7 * (BASELINE_WEEKS + 1), as_of])
    weeks: dict[tuple[str, str, str], list[int]] = {}
    for r in rows:
        weeks.setdefault((r["kind"], r["key"], r["measure"]), [0] * (BASELINE_WEEKS + 1))[int(r["week"])] = int(r["n"])
    found = [_alert(k, counts, as_of, threshold, min_events) for k, counts in weeks.items()]
    return sorted((a for a in found if a is not None), key=lambda a: (-abs(a.score), a.kind, a.key, a.measure))


def _alert(
    key: tuple[str, str, str], counts: list[int], as_of: dt.date, threshold: float, min_events: int
) -> Alert | None:
    current, baseline = counts[0], tuple(counts[1:])
    mean, sd = statistics.fmean(baseline), max(statistics.pstdev(baseline), 1.0)
    if current - mean > threshold * sd and current - mean >= min_events:
        direction = "increase"
    elif mean - current > threshold * sd and mean - current >= min_events:
        direction = "decrease"
    else:
        return None
    return Alert(key[0], key[1], key[2], as_of, current, baseline, direction)


def latest_date(store: Store, scope: Scope) -> dt.date | None:
    """The last event date up to the last publication date (or today): later dates are plans, not news."""
    return _latest_date(store, scope, dt.date.today())


@kept  # the overview and every actor's page ask for it; today is an argument, so that it is asked again tomorrow
def _latest_date(store: Store, scope: Scope, today: dt.date) -> dt.date | None:
    where, params = scope.where()
    sql = (
        f"SELECT max(event_date) FROM events WHERE {where} "
        "AND event_date <= coalesce((SELECT max(date) FROM articles), ?)"
    )
    value = store.scalar(sql, [*params, today])
    return value if isinstance(value, dt.date) else None
