"""The actor knowledge base: states, organisations, armed groups, sector agents and people.

Loaded from the YAML files in ``thucydides/data/actors`` (and any user files), and
compiled into a token trie for fast matching in text. The schema of each file is
documented at its top and in docs/actors.md.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ..errors import DataError, Errors
from ..parse import fold
from ..resources import DATA_DIR, as_date, cached, fingerprint, load_yaml, yaml_files
from .petrarch import is_petrarch_file, read_petrarch


@dataclass(frozen=True, slots=True)
class Country:
    code: str
    name: str
    iso2: str | None
    fips: str | None
    status: str
    region: str | None
    sovereign: str | None
    capitals: tuple[str, ...]
    ambiguous_capital: bool


@dataclass(frozen=True, slots=True)
class Organisation:
    code: str
    group: str | None
    type: str
    name: str
    country: str | None
    sector: tuple[str, ...]
    anaphors: tuple[str, ...]
    members: tuple[str, ...]
    seat: str | None = None


@dataclass(frozen=True, slots=True)
class Role:
    actor: str
    sector: tuple[str, ...]
    title: str
    start: dt.date
    end: dt.date | None

    def holds_on(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


@dataclass(frozen=True, slots=True)
class Person:
    id: str
    name: str
    surname: str | None
    country: str | None
    roles: tuple[Role, ...]

    def role_on(self, day: dt.date | None) -> Role | None:
        """The role held on ``day``. With several, the senior one: a head of state or government
        before a minister, a substantive office before an acting one, then the latest started."""
        if day is None:
            return self.roles[-1] if self.roles else None
        current = [r for r in self.roles if r.holds_on(day)]
        return max(current, key=lambda r: (_seniority(r.title), r.start)) if current else None


_SENIOR_TITLES = (
    "supreme leader",
    "president",
    "prime minister",
    "premier",
    "chancellor",
    "king",
    "queen",
    "emperor",
    "emir",
    "sultan",
    "crown prince",
    "secretary general",
    "secretary-general",
    "general secretary",
)


def _seniority(title: str) -> int:
    lowered = title.lower()
    acting = any(w in lowered for w in ("acting", "interim", "ad interim", "caretaker"))
    senior = any(lowered.startswith(t) or lowered == t for t in _SENIOR_TITLES) and "vice" not in lowered
    return (2 if senior else 1) - (2 if acting else 0)


@dataclass(frozen=True, slots=True)
class Entry:
    """What a matched name stands for.

    ``kind`` is one of: country, adjective, capital, seat, org, person, surname, agent,
    or code (a literal actor code from a PETRARCH dictionary).
    ``ref`` is a country code, organisation code or person id (empty for agents).
    """

    kind: str
    ref: str
    sector: tuple[str, ...] = ()
    proper: bool = True
    term: str = ""
    caps: bool = False


@dataclass
class KnowledgeBase:
    countries: dict[str, Country] = field(default_factory=dict)
    organisations: dict[str, Organisation] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)
    trie: dict[str, Any] = field(default_factory=dict)
    surnames: dict[str, list[str]] = field(default_factory=dict)
    anaphors: dict[str, list[str]] = field(default_factory=dict)
    groups: dict[str, str] = field(default_factory=dict)
    seated: dict[str, list[str]] = field(default_factory=dict)
    sources: list[str] = field(default_factory=list)

    # -- building -------------------------------------------------------------
    def add_name(self, name: str, entry: Entry) -> None:
        words = tokenize_name(name)
        if not words:
            return
        if entry.proper and len(words) == 1 and words[0].isupper() and len(words[0]) <= 3:
            entry = replace(entry, caps=True)
        node = self.trie
        for word in words:
            node = node.setdefault(fold(word), {})
        entries: list[Entry] = node.setdefault("", [])
        if entry not in entries:
            entries.append(entry)

    # -- lookups --------------------------------------------------------------
    def org_code(self, code: str) -> str | None:
        """Resolve an organisation code, also by its known-group code (``NAT``)."""
        if code in self.organisations:
            return code
        return self.groups.get(code[-3:]) if len(code) >= 3 else None

    def split_code(self, code: str) -> tuple[str | None, str | None, tuple[str, ...]]:
        """(country, organisation, sectors) of a full actor code such as ``JPNGOVMIL``."""
        if code in self.countries:
            return code, None, ()
        org = self.org_code(code) if code in self.organisations else None
        if org is not None or code[:3] in ("IGO", "NGO", "IMG", "MNC", "NGM"):
            return None, org or code, ()
        rest = code[3:]
        return code[:3], None, tuple(rest[i : i + 3] for i in range(0, len(rest), 3) if len(rest[i : i + 3]) == 3)

    def describe(self, ref: str) -> str:
        if ref in self.countries:
            return self.countries[ref].name
        if ref in self.organisations:
            return self.organisations[ref].name
        if ref in self.people:
            return self.people[ref].name
        return ref


_NAME_TOKEN = re.compile(r"[A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff0-9]+(?:\.(?=[A-Za-z]\.))?|'s|\S")


def tokenize_name(name: str) -> list[str]:
    """Split a dictionary name the way spaCy splits running text, near enough for matching.

    Abbreviations with dots (``U.S.``, ``U.N.``) stay whole; hyphens, apostrophe-s
    and other punctuation become tokens of their own.
    """
    words: list[str] = []
    for chunk in name.replace("\u2019", "'").split():
        if re.fullmatch(r"(?:[A-Za-z]\.){2,}", chunk):
            words.append(chunk)
            continue
        if chunk.endswith("'s") and len(chunk) > 2:
            words.extend(_split_chunk(chunk[:-2]))
            words.append("'s")
            continue
        words.extend(_split_chunk(chunk))
    return words


def _split_chunk(chunk: str) -> list[str]:
    if re.fullmatch(r"(?:[A-Za-z]\.){2,}", chunk):
        return [chunk]
    if re.fullmatch(r"[A-Za-z]+'[A-Za-z]+", chunk) and not chunk.lower().startswith(("d'", "l'")):
        return [chunk]
    parts = re.findall(r"[^\W_]+(?:'[^\W_]+)?|[^\w\s]", chunk)
    return parts or [chunk]


# -- loading ----------------------------------------------------------------------------


def actor_files(extra: Iterable[Path] = ()) -> list[Path]:
    base = DATA_DIR / "actors"
    files = [base / "countries.yaml", base / "organisations.yaml", base / "armed_groups.yaml", base / "agents.yaml"]
    files = [p for p in files if p.exists()]
    people_dir = base / "people"
    if people_dir.exists():
        files.extend(yaml_files(people_dir))
    files.extend(Path(p) for p in extra)
    return files


def load_kb(extra: Iterable[Path] = ()) -> KnowledgeBase:
    """Load (from the on-disk cache when nothing changed) the knowledge base and user files."""
    files = actor_files(extra)
    code = [Path(__file__), Path(__file__).with_name("petrarch.py")]
    return cached("kb", fingerprint([*files, *code]), lambda: build_kb(files))


def build_kb(files: Iterable[Path]) -> KnowledgeBase:
    kb = KnowledgeBase()
    for path in files:
        data = read_petrarch(path) if is_petrarch_file(path) else load_yaml(path)
        if data is None:
            continue
        if not isinstance(data, list):
            raise DataError(Errors.E201, path=path, line=1, detail="the file must be a YAML list of entries")
        kb.sources.append(str(path))
        for number, record in enumerate(data, start=1):
            _load_record(kb, path, number, record)
    _index_surnames(kb)
    return kb


def _load_record(kb: KnowledgeBase, path: Path, number: int, record: Any) -> None:
    if not isinstance(record, dict):
        raise DataError(Errors.E201, path=path, line=number, detail="an entry must be a mapping")
    try:
        if "literal" in record:
            for text in _strings(record.get("names")) or [str(record["name"])]:
                kb.add_name(text, Entry("code", str(record["literal"]).upper()))
        elif "roles" in record:
            _load_person(kb, path, number, record)
        elif "terms" in record:
            _load_agent(kb, record)
        elif "type" in record or "group" in record:
            _load_organisation(kb, record)
        elif "code" in record:
            _load_country(kb, record)
        else:
            raise KeyError("code, roles or terms")
    except (KeyError, TypeError, ValueError) as err:
        raise DataError(Errors.E201, path=path, line=number, detail=f"missing or bad field {err}") from None


def _strings(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value if v is not None and str(v).strip()]


def _sector(value: Any) -> tuple[str, ...]:
    return tuple(s.upper() for s in _strings(value))


def _load_country(kb: KnowledgeBase, record: dict[str, Any]) -> None:
    code = str(record["code"]).upper()
    name = str(record.get("name") or code)
    capitals = tuple(_strings(record.get("capitals")))
    country = Country(
        code=code,
        name=name,
        iso2=record.get("iso2"),
        fips=record.get("fips"),
        status=str(record.get("status") or "member"),
        region=record.get("region"),
        sovereign=record.get("sovereign"),
        capitals=capitals,
        ambiguous_capital=bool(record.get("ambiguous_capital", False)),
    )
    kb.countries[code] = country
    for text in [name, *_strings(record.get("names")), *_strings(record.get("historical"))]:
        kb.add_name(text, Entry("country", code))
    for text in _strings(record.get("adjectives")):
        kb.add_name(text, Entry("adjective", code))
    for text in capitals:
        kb.add_name(text, Entry("capital", code, ("GOV",)))
    for seat in record.get("seats") or []:
        if isinstance(seat, str):
            kb.add_name(seat, Entry("seat", code, ("GOV",)))
        else:
            kb.add_name(str(seat["name"]), Entry("seat", code, _sector(seat.get("sector")) or ("GOV",)))


def _load_organisation(kb: KnowledgeBase, record: dict[str, Any]) -> None:
    code = str(record["code"]).upper()
    group = record.get("group")
    org = Organisation(
        code=code,
        group=str(group).upper() if group else None,
        type=str(record.get("type") or code[:3]).upper(),
        name=str(record.get("name") or code),
        country=record.get("country"),
        sector=_sector(record.get("sector")),
        anaphors=tuple(a.lower() for a in _strings(record.get("anaphors"))),
        members=tuple(_strings(record.get("members"))),
        seat=str(record["seat"]) if record.get("seat") else None,
    )
    kb.organisations[code] = org
    for metonym in _strings(record.get("metonyms")):
        kb.seated.setdefault(fold(metonym), []).insert(0, code)
    if org.seat:
        kb.seated.setdefault(fold(org.seat), []).append(code)
    if org.group:
        kb.groups.setdefault(org.group, code)
    for text in [org.name, *_strings(record.get("names"))]:
        kb.add_name(text, Entry("org", code, org.sector))
    for part in record.get("parts") or []:
        sector = _sector(part.get("sector"))
        for text in _strings(part.get("names")):
            kb.add_name(text, Entry("org", code, sector))
    for word in org.anaphors:
        kb.anaphors.setdefault(word, []).append(code)


def _load_agent(kb: KnowledgeBase, record: dict[str, Any]) -> None:
    sector = _sector(record["sector"])
    for term in _strings(record["terms"]):
        kb.add_name(term, Entry("agent", "", sector, proper=False, term=term.lower()))


def _load_person(kb: KnowledgeBase, path: Path, number: int, record: dict[str, Any]) -> None:
    name = str(record["name"])
    roles: list[Role] = []
    for i, raw in enumerate(record.get("roles") or []):
        where = f"entry {number} ({name}), role {i + 1}"
        start = as_date(raw.get("start"), path, where)
        if start is None:
            raise DataError(Errors.E201, path=path, line=number, detail=f"{where} has no start date")
        roles.append(
            Role(
                actor=str(raw["actor"]).upper(),
                sector=_sector(raw.get("sector")),
                title=str(raw.get("title") or ""),
                start=start,
                end=as_date(raw.get("end"), path, where),
            )
        )
    roles.sort(key=lambda r: r.start)
    person_id = _person_id(kb, name)
    surname = record.get("surname")
    person = Person(
        id=person_id,
        name=name,
        surname=str(surname) if surname else None,
        country=record.get("country"),
        roles=tuple(roles),
    )
    kb.people[person_id] = person
    for text in [name, *_strings(record.get("aliases"))]:
        kb.add_name(text, Entry("person", person_id))


def _person_id(kb: KnowledgeBase, name: str) -> str:
    base = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    person_id = base
    n = 2
    while person_id in kb.people:
        person_id = f"{base}-{n}"
        n += 1
    return person_id


def _index_surnames(kb: KnowledgeBase) -> None:
    for person in kb.people.values():
        if person.surname:
            kb.surnames.setdefault(person.surname.lower(), []).append(person.id)
            kb.add_name(person.surname, Entry("surname", person.id))
