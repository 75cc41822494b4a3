"""Whether the story supports reading a place name as a town abroad rather than the country it is about.

A town whose name places in other countries share needs support from the story before it is chosen:
its country or a neighbour named, its province named, or a qualifier ("Salamanca, Chile").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .gazetteer import Gazetteer, Place, Story, norm

if TYPE_CHECKING:
    from ..actors.resolve import ActorResolver

RIVAL = 5  # a namesake abroad with a fifth of the largest's population makes a name ambiguous


@dataclass(frozen=True, slots=True)
class Named:
    """A place name as written (normalised), the places it may name, and whether the text pins it down."""

    key: str
    places: tuple[Place, ...]
    pinned: bool  # qualified ("Wiesbaden, Germany") or a capital named as such


class Support:
    """The story's support for each candidate place of a name."""

    def __init__(self, gaz: Gazetteer, iso2: dict[str, str]) -> None:
        self.gaz = gaz
        self.iso2 = iso2  # actor country code → ISO2

    def actor_countries(self, story: Story, covered: set[int], resolver: ActorResolver | None) -> None:
        """The countries of the sentence's own actors ("Canadian police ... in Victoria") support its places."""
        if resolver is None:
            return
        for hit in resolver.hits:
            if hit.lo in covered:
                continue
            for entry in hit.entries:
                iso2 = self.iso2.get(entry.ref)
                if entry.kind in ("country", "adjective") and iso2:
                    story.countries[iso2] += 1

    def supported(self, name: Named, place: Place, story: Story) -> bool:
        """Without support a town must go by its own name (not an old or foreign one that another place
        bears as its own) and, when the story is about some country, be unambiguous: no place of that
        name in another country with a fifth of the population of the largest ("Geneva" is Geneva;
        "Salamanca" is not the Mexican or the Spanish one in a story about Kenya)."""
        if place.feature == "country" or place.curated or name.pinned:
            return True
        if place.iso2 in story.countries or story.resolved.get(name.key) == place.row:
            return True
        neighbours = self.gaz.info[place.iso2].neighbours if place.iso2 in self.gaz.info else ()
        if any(n in story.countries for n in neighbours) or f"{place.iso2}.{place.adm1}" in story.adm1:
            return True
        if not any(p.iso2 != place.iso2 for p in name.places):
            return True  # no place of that name elsewhere
        own = [p for p in name.places if norm(p.name) == name.key]
        if own and place not in own:
            return False
        if not story.countries:
            return True
        top = max((p.population for p in own), default=place.population)
        return not any(p.iso2 != place.iso2 and p.population * RIVAL >= top for p in own or name.places)

    def story_country(self, story: Story) -> Place | None:
        """The country the story is most about so far."""
        iso2 = story.countries.most_common(1)[0][0]
        return self.gaz.country(iso2)
