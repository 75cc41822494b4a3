"""A per-actor summary: how much it acts and is acted on, how, with whom, and when."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import Any

from ..store import Store
from .actors import ActorSpec, actor_key, either_side, resolve_actor
from .kept import kept
from .scope import GOLDSTEIN_UNIT, Scope, goldstein_units


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

    Two groupings of the actor's events (:func:`_sides`): by partner, whose rows add up to its totals, and by
    CAMEO root. The first :data:`TOP` partners and roots are kept per store version: the API and the actor's
    page share them.
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
        sides, params = _sides(spec, scope)
        partners = store.rows(f"SELECT {_SIDE_SUMS} FROM ({sides}) GROUP BY partner", params)
        roots = store.rows(f"SELECT root, sum(w) AS total FROM ({sides}) GROUP BY root", params)
    units = sum(int(r["goldstein_units"] or 0) for r in partners)
    total = sum(int(r["total"] or 0) for r in partners)
    return ActorSummary(
        actor=spec,
        as_source=sum(int(r["as_source"] or 0) for r in partners),
        as_target=sum(int(r["as_target"] or 0) for r in partners),
        first_date=min((r["first_date"] for r in partners if r["first_date"] is not None), default=None),
        last_date=max((r["last_date"] for r in partners if r["last_date"] is not None), default=None),
        quad_counts={name: sum(int(r[f"q{q}"] or 0) for r in partners) for q, name in _QUADS.items()},
        goldstein_mean=round(units / GOLDSTEIN_UNIT / total, 3) if total else None,
        partners=_partners(partners, top),
        codes=_codes(roots, top),
    )


def _sides(spec: ActorSpec, scope: Scope) -> tuple[str, list[Any]]:
    """SQL: the actor's events in ``scope``, each once (:func:`.actors.either_side`), with partner, sides, weight."""
    (as1, p1), (as2, p2) = spec.condition(1), spec.condition(2)
    where, params = scope.where()
    select = (
        f"CASE WHEN {as1} THEN {actor_key(2)} ELSE {actor_key(1)} END AS partner, {as1} AS is_source, "
        f"{as2} AS is_target, EventRootCode AS root, {scope.weight} AS w, event_date, QuadClass, GoldsteinScale"
    )
    return either_side(spec, select, [*p1, *p1, *p2], where, params)


# Per partner: the sides, dates, weights per QuadClass and the exact Goldstein sum in millionths (the
# whole summary adds these up: sums of whole numbers, so the totals equal one grouping of all the events).
_SIDE_SUMS = (
    "partner, sum(CASE WHEN is_source THEN w ELSE 0 END) AS as_source, "
    "sum(CASE WHEN is_target THEN w ELSE 0 END) AS as_target, min(event_date) AS first_date, "
    "max(event_date) AS last_date, "
    + ", ".join(f"sum(CASE WHEN QuadClass = {q} THEN w ELSE 0 END) AS q{q}" for q in (1, 2, 3, 4))
    + f", sum(w) AS total, {goldstein_units('w')} AS goldstein_units"
)
_QUADS = {1: "verbal_cooperation", 2: "material_cooperation", 3: "verbal_conflict", 4: "material_conflict"}


def _partners(rows: list[dict[str, Any]], top: int) -> list[dict[str, Any]]:
    """The ``top`` partners with most events (ties by key), from the rows grouped by partner."""
    found = [r for r in rows if r["partner"] is not None]
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
    found = list(rows)
    found.sort(key=lambda r: (-r["total"], r["root"] is None, r["root"] or ""))
    return [{"root": r["root"], "events": int(r["total"])} for r in found[:top]]
