"""What every analysis filters on: dates, origin, kind and place of events, and what one event counts as.

Counts are of deduplicated events (``unit="events"``: one per date, source, target,
code and place, however often reported) or of their mentions (``unit="mentions"``:
each report counted). Background events ("since 2022") are left out. The kind of event
is narrowed by QuadClass, by CAMEO code (or its first digits) and by PLOVER type; the
place by the country of the event's location.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..errors import Errors, StoreError

UNITS = ("events", "mentions")
PLOVER_EVENTS = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip
FREQS = ("day", "week", "month", "year")
GOLDSTEIN_UNIT = 1_000_000  # Goldstein scores are summed as whole millionths: exactly


@dataclass(frozen=True)
class Scope:
    """Which events an analysis looks at."""

    start: dt.date | None = None
    end: dt.date | None = None
    origin: str | None = None  # 'coded', or 'gdelt:<file>'; None for all
    unit: str = "events"
    quad_classes: tuple[int, ...] = ()  # QuadClass 1–4; empty for all
    codes: tuple[str, ...] = ()  # CAMEO codes or their starts ('19', '190', '0311'); empty for all
    plover: str | None = None  # a PLOVER event type (ASSAULT): events whose CAMEO code maps to it
    place: str | None = None  # the country of the event's location (ISO 3166 alpha-3)
    # Further SQL conditions on the events table with their parameters, already resolved against the store:
    # who took part and which words were used (see analysis.events.narrow).
    extra: tuple[tuple[str, tuple[Any, ...]], ...] = ()
    background: bool = False  # True: also background events ("since 2022") and undated ones

    def __post_init__(self) -> None:
        check_choice("unit", self.unit, UNITS)
        for quad in self.quad_classes:
            check_choice("QuadClass", str(quad), ("1", "2", "3", "4"))
        for code in self.codes:
            if not (code.isdigit() and 2 <= len(code) <= 4):
                raise StoreError(
                    Errors.E432, name="CAMEO code", value=code, detail="give 2 to 4 digits, e.g. 19 or 190"
                )

    def where(self, dated: bool = True) -> tuple[str, list[Any]]:
        """SQL conditions (joined with AND) and their parameters; ``dated=False`` for the undated events left out.

        With ``background`` nothing is left out: background and undated events are in, and the left-out query is empty.
        """
        if self.background:
            parts = [] if dated else ["FALSE"]
        else:
            parts = ["is_current", "event_date IS NOT NULL" if dated else "event_date IS NULL"]
        params: list[Any] = []
        for sql, value in (("event_date >= ?", self.start), ("event_date <= ?", self.end), ("origin = ?", self.origin)):
            if value is not None:
                parts.append(sql)
                params.append(value)
        for sql, values in [*self._kinds(), *self.extra]:
            parts.append(sql)
            params.extend(values)
        return " AND ".join(parts) or "TRUE", params

    def _kinds(self) -> list[tuple[str, list[Any]]]:
        """Conditions on the kind and place of events."""
        found: list[tuple[str, list[Any]]] = []
        if self.quad_classes:
            found.append((f"QuadClass IN ({', '.join('?' * len(self.quad_classes))})", list(self.quad_classes)))
        if self.codes:
            found.append(("(" + " OR ".join(["starts_with(EventCode, ?)"] * len(self.codes)) + ")", list(self.codes)))
        if self.plover is not None:
            found.append(("list_contains(?::VARCHAR[], EventCode)", [plover_codes(self.plover)]))
        if self.place is not None:
            found.append(("ActionGeo_CountryCode = ?", [place_fips(self.place)]))
        return found

    @property
    def weight(self) -> str:
        return "NumMentions" if self.unit == "mentions" else "1"


def plover_codes(event: str) -> list[str]:
    """The CAMEO codes whose PLOVER event type is ``event``; E432 when no code maps to it."""
    from ..events.taxonomy import load_taxonomy

    codes = sorted(code for code, entry in load_taxonomy().codes.items() if entry.plover.event == event.upper())
    if not codes:
        raise StoreError(
            Errors.E432, name="PLOVER event type", value=event, detail=f"choose one of {', '.join(PLOVER_EVENTS)}"
        )
    return codes


def place_fips(country: str) -> str:
    """The FIPS 10-4 code GDELT's ActionGeo_CountryCode uses for an ISO alpha-3 country code."""
    found = _fips_codes().get(country.upper())
    if found is None:
        raise StoreError(Errors.E432, name="country", value=country, detail="give an ISO 3166 alpha-3 code, e.g. UKR")
    return found


@lru_cache(maxsize=1)
def _fips_codes() -> dict[str, str]:
    from ..actors.kb import load_kb

    return {code: country.fips for code, country in load_kb().countries.items() if country.fips}


def check_choice(name: str, value: str, choices: tuple[str, ...]) -> None:
    if value not in choices:
        raise StoreError(Errors.E432, name=name, value=value, detail=f"choose one of {', '.join(choices)}")


def quad_sums(weight: str) -> str:
    """SQL sums of the weight per QuadClass, the total, and the Goldstein sum.

    The Goldstein sum is exact: scores are added as whole millionths (they have one decimal), so it is the
    same whatever order the rows are read in. Floating-point sums are not: DuckDB adds rows in the order its
    threads happen to read them, which moved a mean's third decimal from one run to the next.
    """
    quads = ", ".join(f"sum(CASE WHEN QuadClass = {q} THEN {weight} ELSE 0 END) AS q{q}" for q in (1, 2, 3, 4))
    return f"{quads}, sum({weight}) AS total, {goldstein_units(weight)} / {GOLDSTEIN_UNIT} AS goldstein_sum"


def goldstein_units(weight: str) -> str:
    """SQL sum of the Goldstein scores times the weight, in whole millionths (an integer: exact in any order)."""
    weighted = "" if weight == "1" else f" * {weight}"
    return f"sum(round(GoldsteinScale * {GOLDSTEIN_UNIT})::BIGINT{weighted})"
