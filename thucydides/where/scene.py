"""The town of a story's dateline, where its events happen unless a sentence says otherwise.

A wire story opens with the town it is filed from ("VIENNA, July 14 (Wire) -", "AL-ULA, Saudi
Arabia, Jan 5 (Wire) -"); :func:`thucydides.clean.dateline` reads its words, :func:`scene` finds the
town in the gazetteer: one of that name in the qualifying country or province if one is named, and
by its own name rather than an old one ("ISLAMABAD" is Islamabad, not a city once so called).
"""

from __future__ import annotations

from dataclasses import replace

from ..clean import dateline
from ..models import Location
from .gazetteer import Story, norm, within
from .places import Placer

_MAX_CANDIDATES = 30


def scene(placer: Placer, text: str) -> Location | None:
    """The town of the dateline of the story ``text``, or None when it has none or the town is unknown."""
    line = dateline(text)
    if line is None:
        return None
    gaz = placer.gaz
    wider = tuple(p for p in gaz.lookup(line.qualifier) if p.feature in ("country", "adm1"))
    towns = [p for p in gaz.lookup(line.town)[:_MAX_CANDIDATES] if p.feature in ("city", "site")]
    if wider:
        towns = [p for p in towns if any(within(p, q) for q in wider)]
    key = norm(line.town)
    own = [p for p in towns if norm(p.name) == key]
    place = gaz.best(key, own or towns, Story(), "city", wider)
    if place is None:
        return None
    return replace(placer.location(place), text=text[line.start : line.end], start=line.start, end=line.end)
