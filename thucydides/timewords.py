"""The words of time that dates are read with: ``data/places/time_words.yaml``, loaded once."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from .resources import data_path, load_yaml


@dataclass(frozen=True)
class Calendar:
    """The words of time in ``data/places/time_words.yaml``."""

    weekdays: dict[str, int]
    months: dict[str, int]
    numbers: dict[str, int]
    units: dict[str, str]
    relative_days: dict[str, int]
    shifts: dict[str, int]
    parts_of_day: frozenset[str]
    month_parts: frozenset[str]
    year_prepositions: frozenset[str]
    since: frozenset[str]
    future_governors: frozenset[str]
    future_auxiliaries: frozenset[str]
    scheduling_be: frozenset[str]
    beginning_verbs: frozenset[str]
    present_reporting: frozenset[str]
    shared_time_marks: frozenset[str]
    within_prepositions: frozenset[str]
    lag_marks: dict[str, int]
    lag_days: dict[str, int]
    narrated_codes: tuple[str, ...]
    told_days: tuple[tuple[str, ...], ...]
    offset_days: dict[tuple[str, ...], int]
    offset_words: dict[str, int]


@functools.cache
def calendar() -> Calendar:
    data: dict[str, Any] = load_yaml(data_path("places", "time_words.yaml"))
    months = {m: n for n, m in enumerate(data["months"], start=1)}
    months.update(data["month_abbreviations"])
    sets = {
        name: frozenset(data[name])
        for name in (
            "parts_of_day",
            "month_parts",
            "year_prepositions",
            "since",
            "future_governors",
            "future_auxiliaries",
            "scheduling_be",
            "beginning_verbs",
            "present_reporting",
            "shared_time_marks",
            "within_prepositions",
        )
    }
    return Calendar(
        weekdays={d: n for n, d in enumerate(data["weekdays"])},
        months=months,
        numbers=dict(data["numbers"]),
        units=dict(data["units"]),
        relative_days=dict(data["relative_days"]),
        shifts=dict(data["shifts"]),
        lag_marks=dict(data["lag_marks"]),
        lag_days=dict(data["lag_days"]),
        narrated_codes=tuple(str(c) for c in data["narrated_codes"]),
        told_days=tuple(tuple(str(p).split()) for p in data["told_days"]),
        offset_days={tuple(str(p).split()): int(n) for p, n in data["offset_days"].items()},
        offset_words={str(w): int(n) for w, n in data["offset_words"].items()},
        **sets,
    )
