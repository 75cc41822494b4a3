"""What place finding works with: the word lists of ``data/places/words.yaml`` and a place mention."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..models import Location
from ..resources import data_path, load_yaml
from .gazetteer import Place


@dataclass(frozen=True)
class Words:
    """The word lists of ``data/places/words.yaml``."""

    locative: frozenset[str]
    directional: frozenset[str]
    source: frozenset[str]
    on_features: frozenset[str]
    region_words: frozenset[str]
    city_words: frozenset[str]
    site_words: frozenset[str]
    connectors: frozenset[str]
    object_verbs: frozenset[str]
    area_words: frozenset[str]
    territory_words: frozenset[str]
    generic: frozenset[str]
    aside: frozenset[str]
    scene_nouns: frozenset[str]
    travel_verbs: frozenset[str]
    visit_words: frozenset[str]
    visit_prepositions: frozenset[str]
    goal: frozenset[str]
    national_words: frozenset[str]
    definite_places: dict[str, str]
    place_codes: tuple[str, ...]
    object_codes: tuple[str, ...]
    national_codes: tuple[str, ...]
    domestic_codes: tuple[str, ...]
    statement_codes: tuple[str, ...]

    @classmethod
    def load(cls) -> Words:
        data: dict[str, Any] = load_yaml(data_path("places", "words.yaml"))
        fields = {name: frozenset(str(w) for w in data.get(name) or ()) for name in cls.__dataclass_fields__}
        fields["definite_places"] = {str(k): str(v) for k, v in (data.get("definite_places") or {}).items()}  # type: ignore[assignment]
        for name in ("place_codes", "object_codes", "national_codes", "domestic_codes", "statement_codes"):
            fields[name] = tuple(str(c) for c in data.get(name) or ())  # type: ignore[assignment]
        return cls(**fields)  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class Mention:
    """A place name at tokens ``lo``..``hi``, its role in the parse and the place it names."""

    lo: int
    hi: int
    role: str  # pp | obj | of | mod | other
    prep: str
    attach: int
    place: Place
    location: Location
    capital: bool = False
    end: int = -1  # last token of the name with its qualifier ("Wiesbaden, Germany")
