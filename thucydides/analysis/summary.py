"""A per-actor summary: how much it acts and is acted on, how, with whom, and when."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from ..store import Store
from .actors import ActorSpec, actor_key, resolve_actor
from .scope import Scope, quad_sums


@dataclass(frozen=True)
class ActorSummary:
    actor: ActorSpec
    as_source: int
    as_target: int
    first_date: dt.date | None
    last_date: dt.date | None
    quad_counts: dict[str, int]  # verbal/material cooperation/conflict, as source or target
    goldstein_mean: float | None
    partners: list[dict[str, Any]] = field(default_factory=list)  # partner, events, cooperation, conflict
    codes: list[dict[str, Any]] = field(default_factory=list)  # EventRootCode, events

    def as_dict(self) -> dict[str, Any]:
        return {
            "actor": {"text": self.actor.text, "kind": self.actor.kind, "value": self.actor.value},
            "as_source": self.as_source,
            "as_target": self.as_target,
            "first_date": self.first_date.isoformat() if self.first_date else None,
            "last_date": self.last_date.isoformat() if self.last_date else None,
            "quad_counts": self.quad_counts,
            "goldstein_mean": self.goldstein_mean,
            "partners": self.partners,
            "codes": self.codes,
        }


def actor_summary(store: Store, name: str, scope: Scope | None = None, top: int = 10) -> ActorSummary:
    """What ``name`` (country, group, code prefix or knowledge-base name) did and had done to it."""
    scope = scope or Scope()
    with store.reading():
        spec = resolve_actor(store, name)
        (as1, p1), (as2, p2) = spec.condition(1), spec.condition(2)
        where, params = scope.where()
        involved = f"{where} AND (({as1}) OR ({as2}))"
        head = store.rows(
            f"SELECT sum(CASE WHEN {as1} THEN {scope.weight} ELSE 0 END) AS as_source, "
            f"sum(CASE WHEN {as2} THEN {scope.weight} ELSE 0 END) AS as_target, "
            f"min(event_date) AS first_date, max(event_date) AS last_date, {quad_sums(scope.weight)} "
            f"FROM events WHERE {involved}",
            [*p1, *p2, *params, *p1, *p2],
        )[0]
        partners = _partners(store, spec, scope, top)
        codes = store.rows(
            f"SELECT EventRootCode AS root, sum({scope.weight}) AS events FROM events WHERE {involved} "
            "GROUP BY root ORDER BY events DESC, root LIMIT ?",
            [*params, *p1, *p2, top],
        )
    total = int(head["total"] or 0)
    return ActorSummary(
        actor=spec,
        as_source=int(head["as_source"] or 0),
        as_target=int(head["as_target"] or 0),
        first_date=head["first_date"],
        last_date=head["last_date"],
        quad_counts={name: int(head[f"q{q}"] or 0) for q, name in _QUADS.items()},
        goldstein_mean=round(float(head["goldstein_sum"]) / total, 3) if total else None,
        partners=partners,
        codes=[{"root": r["root"], "events": int(r["events"])} for r in codes],
    )


_QUADS = {1: "verbal_cooperation", 2: "material_cooperation", 3: "verbal_conflict", 4: "material_conflict"}


def _partners(store: Store, spec: ActorSpec, scope: Scope, top: int) -> list[dict[str, Any]]:
    (as1, p1), (as2, p2) = spec.condition(1), spec.condition(2)
    where, params = scope.where()
    partner = f"CASE WHEN {as1} THEN {actor_key(2)} ELSE {actor_key(1)} END"
    sql = (
        f"SELECT {partner} AS partner, {quad_sums(scope.weight)} FROM events "
        f"WHERE {where} AND (({as1}) OR ({as2})) GROUP BY partner HAVING partner IS NOT NULL "
        "ORDER BY total DESC, partner LIMIT ?"
    )
    rows = store.rows(sql, [*p1, *params, *p1, *p2, top])
    return [
        {
            "partner": r["partner"],
            "events": int(r["total"]),
            "cooperation": int(r["q1"] + r["q2"]),
            "conflict": int(r["q3"] + r["q4"]),
        }
        for r in rows
    ]
