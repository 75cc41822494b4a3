"""Region names (continents, oceans, world regions) from ``data/places/regions.yaml``.

A region is not a point, so an event placed only in a region has no location; and a
region's name is never looked up as a town ("Africa" is not Mahdia, "the Pacific" not
Pacific, Missouri).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from ..errors import DataError, Errors
from ..resources import data_path, load_yaml
from .gazetteer import norm


@lru_cache(maxsize=1)
def region_names() -> frozenset[str]:
    """Every region name, normalised as gazetteer keys are (so "the Middle East" is "middle east")."""
    path = data_path("places", "regions.yaml")
    data = load_yaml(path) or {}
    names: set[str] = set()
    for group, entries in data.items():
        if not isinstance(entries, list):
            raise DataError(Errors.E003, path=path, where=group, detail="expected a list of names")
        names.update(norm(str(name)) for name in entries)
    return frozenset(names)


def shared_name_endings(country_names: Iterable[str]) -> frozenset[str]:
    """Last words that end the names of two or more countries and are no country's whole name ("korea":
    North and South Korea; "congo"), normalised as gazetteer keys are: one of those countries, never a
    town of that name elsewhere."""
    names = [norm(name) for name in country_names]
    counts: dict[str, int] = {}
    for name in names:
        words = name.split()
        if len(words) > 1:
            counts[words[-1]] = counts.get(words[-1], 0) + 1
    whole = set(names)
    return frozenset(w for w, n in counts.items() if n >= 2 and w not in whole)
