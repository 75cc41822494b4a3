"""Region names (continents, oceans, world regions) from ``data/places/regions.yaml``.

A region is not a point, so an event placed only in a region has no location; and a
region's name is never looked up as a town ("Africa" is not Mahdia, "the Pacific" not
Pacific, Missouri).
"""

from __future__ import annotations

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
