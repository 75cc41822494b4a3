"""PLOVER 2.0 records: the CAMEO→PLOVER table, the PLOVER scores, and one JSON record per event.

The record follows the PLOVER manual's "Data Fields" chapter: ``actor`` and
``recipient`` are lists of entity objects (``code``, ``sector``, ``entity_text``,
``identifier_text``), ``event_loc`` is the location object (``extracted_place``,
``resolved_place``, ``geonameid``, ``lat``, ``lon``, ``city``, ``province``,
``country``, ``country_code``, ``feature_class``, ``feature_code``, ``resolution``).
``docs/plover.schema.json`` is the JSON Schema written from that chapter.

The event, mode and context come from ``data/plover/cameo2plover.tsv`` (the
manual's CAMEO2PLOVER table, its few modes and contexts outside the manual's
lists mapped onto them, each noted); ``event_scale`` is the manual's PLOVER score
of the event and mode (``data/plover/scores.tsv``), ``quad_code`` its quad
category. CAMEO 01 (statements) and 02 (appeals) have no PLOVER category: the
manual drops them, so they get no record; nor does an undated event (``date`` is
required) or one whose actor has no PLOVER entity code.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from .errors import DataError, Errors
from .models import Actor, Event, Location, Plover
from .resources import data_path, load_tsv
from .version import __version__

CODEBOOK = "PLOVER 2.0 (CAMEO2PLOVER table of 17 September 2021)"
# The manual's seven international non-state entities (table "International Non-state actor names").
NON_STATE = ("IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC")
# Known-group codes that the manual names as entities of their own.
_GROUP_ENTITIES = {"UNO": "UNO", "EEC": "EUR", "EUR": "EUR"}
# ISO codes the manual replaces: Kosovo has no ISO code and is "KOS" in PLOVER.
_COUNTRY = {"XKX": "KOS"}
_RESOLUTION = {"country": 1, "adm1": 2, "city": 4, "site": 5}
_FEATURE = {"country": ("A", "PCLI"), "adm1": ("A", "ADM1"), "city": ("P", None)}


@dataclass(frozen=True)
class PloverTables:
    """The CAMEO→PLOVER table, the sector table and the PLOVER scores."""

    coding: dict[str, Plover | None]
    sectors: dict[str, str | None]
    scores: dict[tuple[str, str], float]
    quads: dict[str, int]

    def code(self, cameo: str) -> Plover | None:
        """The PLOVER coding of a CAMEO code (its own row, else its base's, else its root's); None if dropped."""
        for candidate in (cameo, cameo[:3], cameo[:2]):
            if candidate in self.coding:
                return self.coding[candidate]
        return None

    def score(self, plover: Plover) -> float:
        return self.scores.get((plover.event, plover.mode or ""), self.scores[(plover.event, "")])


@lru_cache(maxsize=1)
def load_tables() -> PloverTables:
    coding: dict[str, Plover | None] = {}
    path = data_path("plover", "cameo2plover.tsv")
    for row in load_tsv(path):
        contexts = tuple(c for c in row["context"].split(";") if c)
        coding[row["cameo"]] = Plover(row["event"], row["mode"] or None, contexts) if row["event"] else None
    sectors = {r["cameo"]: r["plover"] or None for r in load_tsv(data_path("plover", "sectors.tsv"))}
    scores: dict[tuple[str, str], float] = {}
    quads: dict[str, int] = {}
    score_path = data_path("plover", "scores.tsv")
    for number, row in enumerate(load_tsv(score_path), start=2):
        try:
            scores[(row["event"], row["mode"])] = float(row["score"])
            quads[row["event"]] = int(row["quad_code"])
        except (KeyError, ValueError) as err:
            raise DataError(Errors.E003, path=score_path, where=f"line {number}", detail=str(err)) from None
    return PloverTables(coding, sectors, scores, quads)


def entity(actor: Actor | None) -> dict[str, Any] | None:
    """The manual's entity object for an actor, or None when it has no PLOVER entity code."""
    if actor is None or not actor.code:
        return None
    code = _entity_code(actor)
    if code is None:
        return None
    out: dict[str, Any] = {"code": code}
    sectors = plover_sectors(actor.sector)
    if sectors:
        out["sector"] = "".join(sectors[:2])  # "3- or 6-char sector": the primary and a secondary one
    if actor.text:
        out["entity_text"] = actor.text
    if actor.name:
        out["identifier_text"] = actor.name
    return out


def _entity_code(actor: Actor) -> str | None:
    if actor.country:
        return _COUNTRY.get(actor.country, actor.country)
    if actor.group in _GROUP_ENTITIES:
        return _GROUP_ENTITIES[actor.group]
    prefix = actor.code[:3]
    return prefix if prefix in NON_STATE else None


def plover_sectors(sectors: tuple[str, ...]) -> list[str]:
    """CAMEO sector codes as the manual's sector codes (MED media → JRN, HLH health → MED, INS/SEP → REB)."""
    table = load_tables().sectors
    out: list[str] = []
    for sector in sectors:
        mapped = table.get(sector)
        if mapped and mapped not in out:
            out.append(mapped)
    return out


def location(loc: Location) -> dict[str, Any]:
    """The manual's location object (names from GeoNames, as Mordecai3 returns them)."""
    parts = [p.strip() for p in (loc.full_name or "").split(",") if p.strip()]
    out: dict[str, Any] = {
        "extracted_place": loc.text or loc.name,
        "resolved_place": loc.full_name or loc.name,
        "geonameid": loc.geonames_id,
        "lat": loc.lat,
        "lon": loc.lon,
        "city": loc.name if loc.feature in ("city", "site") else None,
        "province": parts[1] if len(parts) == 3 else (loc.name if loc.feature == "adm1" else None),
        "country": parts[-1] if len(parts) > 1 else (loc.name if loc.feature == "country" else None),
        "country_code": _COUNTRY.get(loc.country or "", loc.country),
        "resolution": _RESOLUTION.get(loc.feature),
    }
    feature_class, feature_code = _FEATURE.get(loc.feature, (None, None))
    out["feature_class"], out["feature_code"] = feature_class, feature_code
    return {k: v for k, v in out.items() if v is not None}


def plover_record(event: Event) -> dict[str, Any] | None:
    """The PLOVER JSON record of ``event``, or None when PLOVER has no record for it (see the module notes)."""
    tables = load_tables()
    coding = tables.code(event.cameo)
    actor = entity(event.source)
    if coding is None or event.date is None or actor is None:
        return None
    recipient = entity(event.target)
    contexts = list(coding.context)
    if not event.current:
        contexts.append("historical")  # the manual's auxiliary mode for events told as background
    record: dict[str, Any] = {
        "id": event.event_id,
        "has_event": True,
        "date": event.date.isoformat(),
        "actor": [actor],
        "recipient": [recipient] if recipient else [],
        "event": [coding.event],
        "mode": [coding.mode] if coding.mode else [],
        "context": contexts,
        "event_text": [event.trigger.text],
        "quad_code": tables.quads[coding.event],
        "event_scale": tables.score(coding),
        "text": event.sentence,
        "text_info": {
            "sequence": event.sentence_index,
            "start": event.sentence_start,
            "end": event.sentence_start + len(event.sentence),
        },
        "cite_info": {"citation": event.article_id, "coder": f"thucydides {__version__}", "codebook": CODEBOOK},
        "coder": f"thucydides {__version__}",
        "cameo": event.cameo,
        "goldstein": event.goldstein,
        "confidence": event.confidence,
    }
    if event.location is not None:
        record["event_loc"] = location(event.location)
    return record
