"""A per-actor summary: how much it acts and is acted on, how, with whom, and when."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import Any

from ..store import Store
from .actors import ActorSpec, actor_key, resolve_actor
from .kept import kept
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
    """What ``name`` (country, group, code prefix or knowledge-base name) did and had done to it.

    One pass over the events: its totals, its partners and its CAMEO roots are grouping sets of one query.
    The first :data:`TOP` partners and roots are kept per store version: the API and the actor's page share them.
    """
    if top > TOP:
        return _summary(store, name, scope or Scope(), top)
    full = _summary(store, name, scope or Scope(), TOP)
    return replace(full, partners=full.partners[:top], codes=full.codes[:top])


TOP = 100


@kept
def _summary(store: Store, name: str, scope: Scope, top: int) -> ActorSummary:
    with store.reading():
        spec = resolve_actor(store, name)
        sql, params = _summary_query(spec, scope)
        rows = store.rows(sql, params)
    head = next((r for r in rows if r["by_partner"] and r["by_root"]), None) or {}
    total = int(head.get("total") or 0)
    return ActorSummary(
        actor=spec,
        as_source=int(head.get("as_source") or 0),
        as_target=int(head.get("as_target") or 0),
        first_date=head.get("first_date"),
        last_date=head.get("last_date"),
        quad_counts={name: int(head.get(f"q{q}") or 0) for q, name in _QUADS.items()},
        goldstein_mean=round(float(head["goldstein_sum"]) / total, 3) if total else None,
        partners=_partners(rows, top),
        codes=_codes(rows, top),
    )


def _summary_query(spec: ActorSpec, scope: Scope) -> tuple[str, list[Any]]:
    """The actor's events grouped three ways at once: all of them, by partner, by CAMEO root."""
    (as1, p1), (as2, p2) = spec.condition(1), spec.condition(2)
    where, params = scope.where()
    partner = f"CASE WHEN {as1} THEN {actor_key(2)} ELSE {actor_key(1)} END"
    sql = (
        "SELECT grouping(partner) = 1 AS by_partner, grouping(root) = 1 AS by_root, partner, root, "
        "sum(CASE WHEN is_source THEN w ELSE 0 END) AS as_source, sum(CASE WHEN is_target THEN w ELSE 0 END) "
        f"AS as_target, min(event_date) AS first_date, max(event_date) AS last_date, {quad_sums('w')} "
        f"FROM (SELECT {partner} AS partner, EventRootCode AS root, {as1} AS is_source, {as2} AS is_target, "
        f"{scope.weight} AS w, event_date, QuadClass, GoldsteinScale "
        f"FROM events WHERE {where} AND (({as1}) OR ({as2}))) "
        "GROUP BY GROUPING SETS ((), (partner), (root))"
    )
    return sql, [*p1, *p1, *p2, *params, *p1, *p2]


_QUADS = {1: "verbal_cooperation", 2: "material_cooperation", 3: "verbal_conflict", 4: "material_conflict"}


def _partners(rows: list[dict[str, Any]], top: int) -> list[dict[str, Any]]:
    """The ``top`` partners with most events (ties by key), from the rows grouped by partner."""
    found = [r for r in rows if not r["by_partner"] and r["partner"] is not None]
    found.sort(key=lambda r: (-r["total"], r["partner"]))
    return [
        {
            "partner": r["partner"],
            "events": int(r["total"]),
            "cooperation": int(r["q1"] + r["q2"]),
            "conflict": int(r["q3"] + r["q4"]),
        }
        for r in found[:top]
    ]


def _codes(rows: list[dict[str, Any]], top: int) -> list[dict[str, Any]]:
    """The ``top`` CAMEO roots with most events (ties by root, an unknown root last), from the rows grouped by root."""
    found = [r for r in rows if not r["by_root"]]
    found.sort(key=lambda r: (-r["total"], r["root"] is None, r["root"] or ""))
    return [{"root": r["root"], "events": int(r["total"])} for r in found[:top]]
