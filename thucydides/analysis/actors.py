"""Which events an actor name stands for: by country, known group, or actor-code prefix.

``JPN`` matches every Japanese actor (``JPN``, ``JPNGOV``, ``JPNMIL``); ``NAT`` NATO by
its known-group code; ``USAGOV`` every code starting so; a name from the knowledge base
(``NATO``, ``Japan``) is turned into its code first. Prefix the kind to be explicit:
``country:JPN``, ``group:NAT``, ``code:USAGOV``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..errors import Errors, StoreError
from ..store import Store
from .kept import kept

KINDS = ("country", "group", "code")
_CONDITIONS = {
    "country": "Actor{n}CountryCode = ?",
    "group": "Actor{n}KnownGroupCode = ?",
    "code": "starts_with(Actor{n}Code, ?)",
}
# The key an actor is counted under when dyads and networks group events: country, else group, else code.
ACTOR_KEY = "coalesce(Actor{n}CountryCode, Actor{n}KnownGroupCode, Actor{n}Code)"


@dataclass(frozen=True)
class ActorSpec:
    """An actor as a filter on events: ``kind`` (country, group or code prefix) and ``value``."""

    text: str
    kind: str
    value: str

    @property
    def label(self) -> str:
        return self.value

    def condition(self, role: int) -> tuple[str, list[Any]]:
        """SQL matching this actor as Actor1 (``role`` 1, the source) or Actor2 (the target)."""
        return _CONDITIONS[self.kind].format(n=role), [self.value]


def actor_key(role: int) -> str:
    return ACTOR_KEY.format(n=role)


Condition = tuple[str, list[Any]]  # SQL on the events table and its parameters


def either(
    first: Condition, second: Condition, select: str, select_params: list[Any], where: str, params: list[Any]
) -> Condition:
    """SQL: ``select`` over the events matching ``where`` and ``first`` or ``second``, each event once.

    The events of ``first``, then those of ``second`` that ``first`` does not match: two scans whose plain
    conditions (an actor as source, a dyad one way) DuckDB applies while it reads, and for which the table's
    order of actors lets it skip most of the rows, instead of one scan with ``first OR second``, which it
    applies only after reading every row of the columns. The second part keeps an event only if ``first`` is
    not true of it (``IS NOT TRUE``: an actor may be NULL), so the two hold exactly the events that the
    condition with OR matches, each once. ``select_params`` are the parameters of ``select``.
    """
    (one, p1), (two, p2) = first, second
    sql = (
        f"SELECT {select} FROM events WHERE {where} AND ({one}) "
        f"UNION ALL SELECT {select} FROM events WHERE {where} AND ({two}) AND ({one}) IS NOT TRUE"
    )
    return sql, [*select_params, *params, *p1, *select_params, *params, *p2, *p1]


def either_side(spec: ActorSpec, select: str, select_params: list[Any], where: str, params: list[Any]) -> Condition:
    """SQL: ``select`` over events matching ``where`` with the actor as source or target, each once (:func:`either`)."""
    return either(spec.condition(1), spec.condition(2), select, select_params, where, params)


def both_ways(a: ActorSpec, b: ActorSpec, select: str, where: str, params: list[Any]) -> Condition:
    """SQL: ``select`` over the events matching ``where`` from ``a`` to ``b`` or from ``b`` to ``a``, each once."""
    (a1, pa1), (b2, pb2) = a.condition(1), b.condition(2)
    (b1, pb1), (a2, pa2) = b.condition(1), a.condition(2)
    return either((f"{a1} AND {b2}", [*pa1, *pb2]), (f"{b1} AND {a2}", [*pb1, *pa2]), select, [], where, params)


def resolve_actor(store: Store, text: str) -> ActorSpec:
    """The :class:`ActorSpec` for ``text``; E431 when neither the store nor the knowledge base knows it."""
    kind, _, value = text.partition(":") if ":" in text else ("", "", text)
    value = value.strip().upper()
    if kind:
        if kind not in KINDS:
            raise StoreError(Errors.E432, name="actor kind", value=kind, detail=f"use one of {', '.join(KINDS)}")
        return ActorSpec(text, kind, value)
    found = _first_present(store, text, [value])
    known = [] if found is not None else [*_kb_codes(text), *([value] if _kb_has_code(value) else [])]
    if found is None:  # not a code: perhaps a name the knowledge base knows
        found = _first_present(store, text, known)
    if found is None and known:
        raise StoreError(Errors.E433, name=text, code=max(known, key=len))
    if found is None:
        raise StoreError(Errors.E431, name=text)
    return found


def _first_present(store: Store, text: str, candidates: list[str]) -> ActorSpec | None:
    for candidate in candidates:
        for kind in KINDS:
            spec = ActorSpec(text, kind, candidate)
            if _present(store, spec):
                return spec
    return None


@kept
def _present(store: Store, spec: ActorSpec) -> bool:
    first, params = spec.condition(1)
    second, more = spec.condition(2)
    sql = f"SELECT 1 FROM events WHERE {first} OR {second} LIMIT 1"
    return bool(store.rows(sql, [*params, *more]))


@lru_cache(maxsize=4096)
@lru_cache(maxsize=4096)
def _kb_has_code(code: str) -> bool:
    """Whether ``code`` is a country, group or organisation code of the knowledge base."""
    from ..actors.kb import load_kb

    kb = load_kb()
    return code in kb.countries or any(code in (org.group, org.code) for org in kb.organisations.values())


def _kb_codes(name: str) -> tuple[str, ...]:
    """Codes the knowledge base gives a name: a country's code, an organisation's group and code.

    Cached for the process: loading the knowledge base takes a quarter of a second,
    and the web server asks for names on many requests.
    """
    from ..actors.kb import load_kb, tokenize_name
    from ..parse import fold

    kb = load_kb()
    node: dict[str, Any] | None = kb.trie
    for word in tokenize_name(name):
        node = node.get(fold(word)) if node is not None else None
    codes: list[str] = []
    for entry in (node or {}).get("", []):
        if entry.kind in ("country", "adjective", "capital"):
            codes.append(entry.ref)
        elif entry.kind == "org" and entry.ref in kb.organisations:
            org = kb.organisations[entry.ref]
            codes.extend(code for code in (org.group, org.code) if code)
    return tuple(codes)
