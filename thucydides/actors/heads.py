"""What the words of a noun phrase say about its actor: its head, its modifiers, its dependents.

Plain functions over :class:`Parts`, used by the noun-phrase passes of
:mod:`thucydides.actors.phrase`; ``r`` reads the current sentence, ``d`` is the
article's actor memory.
"""

from __future__ import annotations

import datetime as dt

from ..parse import Token
from .context import seat_of_organisation
from .discourse import Discourse, fuller_group
from .kb import Entry, Person
from .mentions import Hit
from .state import Parts, Reader


def apply_head(r: Reader, d: Discourse, hit: Hit, token: Token, parts: Parts, place: bool) -> None:
    entry = choose(r, d, hit)
    if entry is None:
        return
    kind = entry.kind
    if kind in ("person", "surname"):
        apply_person(r, d, entry, parts, token, hit)
    elif kind == "org":
        fuller = _fuller_group(r, d, hit, entry.ref)
        parts.org = fuller[0] if fuller else entry.ref
        parts.add_sectors(entry.sector)
        parts.name = r.kb.describe(parts.org)
        parts.how.append(
            f"organisation '{parts.name}'" + (f", named in full earlier ('{fuller[1]}')" if fuller else "")
        )
    elif kind in ("country", "adjective"):
        parts.country = entry.ref
        parts.name = r.kb.describe(entry.ref)
        parts.how.append(f"{kind} of {parts.name}")
    elif kind == "capital" and not place and seat_of_organisation(r, d, token, parts):
        return
    elif kind == "capital":
        parts.country = entry.ref
        parts.name = r.kb.describe(entry.ref)
        if not place:
            parts.add_sectors(("GOV",))
            parts.how.append(f"capital of {parts.name} acting for its government")
        else:
            parts.how.append(f"capital of {parts.name} as a place")
    elif kind == "seat":
        parts.country = entry.ref
        parts.add_sectors(entry.sector)
        parts.name = r.kb.describe(entry.ref)
        parts.how.append(f"seat of government of {parts.name}")
    elif kind == "code":
        apply_role_actor(r, d, entry.ref, parts)
        parts.name = r.kb.describe(entry.ref)
        parts.how.append(f"dictionary code {entry.ref}")
    elif kind == "agent":
        parts.add_sectors(entry.sector)
        parts.agent_terms.append(entry.term)
        parts.how.append(f"agent '{entry.term}'")
        if token.pos == "PROPN" and token.ent == "PERSON":
            parts.is_person = True


def _fuller_group(r: Reader, d: Discourse, hit: Hit, ref: str) -> tuple[str, str] | None:
    """The organisation a fuller name mentioned earlier gave the words of ``hit`` ("the Pakistani Taliban")."""
    sentence = r.sentence
    assert sentence is not None
    words = frozenset(sentence.tokens[k].lower for k in range(hit.lo, hit.hi + 1))
    return fuller_group(d, words, ref)


def choose(r: Reader, d: Discourse, hit: Hit) -> Entry | None:
    """Pick among the entries of an ambiguous name: people in office win, then the rest."""
    entries = hit.entries
    if len(entries) == 1:
        return entries[0]
    people = [e for e in entries if e.kind in ("person", "surname")]
    if people:
        chosen = d.pick_person([e.ref for e in people])
        if chosen is not None:
            return next(e for e in people if e.ref == chosen)
    others = [e for e in entries if e.kind not in ("person", "surname")]
    if others:
        counts = r.countries_seen
        others.sort(key=lambda e: -counts.get(e.ref, 0))
        return others[0]
    return entries[0]


def apply_person(r: Reader, d: Discourse, entry: Entry, parts: Parts, token: Token, hit: Hit) -> None:
    if entry.kind == "surname":
        candidates = [e.ref for e in hit.entries if e.kind == "surname"]
        chosen = d.pick_person(candidates)
        if chosen is None or not surname_stands(r, d, token, hit, r.kb.people[chosen]):
            d.unknown_person(r, token, parts)
            return
        person = r.kb.people[chosen]
    else:
        person = r.kb.people[entry.ref]
    person_role(r, d, person, parts)


def surname_stands(r: Reader, d: Discourse, token: Token, hit: Hit, person: Person) -> bool:
    """A surname alone is that person when the parser takes it for a person, a title precedes it,
    or the person is in office on the story's date ("Blinken visited Japan" in 2024, which the
    parser takes for a place). Surnames shared with other people or words are not in the
    knowledge base (``surname: null``)."""
    if another_given_name(r, hit):
        return False  # "Greg Abbott" is not Tony Abbott: a full name the knowledge base does not hold
    if token.ent == "PERSON" or person_title_before(r, d, hit):
        return True
    return r.date is not None and person.role_on(r.date) is not None


def another_given_name(r: Reader, hit: Hit) -> bool:
    """Whether the surname follows a given name of its own, one the knowledge base's full names do not have."""
    sentence = r.sentence
    assert sentence is not None
    if hit.lo == 0:
        return False
    before = sentence.tokens[hit.lo - 1]
    return before.pos == "PROPN" and before.ent == "PERSON" and (hit.lo - 1) not in r.hit_at


def person_title_before(r: Reader, d: Discourse, hit: Hit) -> bool:
    sentence = r.sentence
    assert sentence is not None
    if hit.lo == 0:
        return False
    before = r.hit_at.get(hit.lo - 1)
    return before is not None and "agent" in before.kinds()


def person_role(r: Reader, d: Discourse, person: Person, parts: Parts) -> None:
    parts.person = person.id
    parts.is_person = True
    parts.name = person.name
    parts.surname = person.surname
    role = person.role_on(r.date)
    if role is not None:
        apply_role_actor(r, d, role.actor, parts)
        parts.add_sectors(role.sector)
        parts.how.append(f"{person.name}: {role.title} ({role.start.isoformat()} to {_iso(role.end)})")
        return
    past = [x for x in person.roles if r.date is None or (x.end is not None and x.end < r.date)]
    if past:
        last = past[-1]
        if last.actor in r.kb.countries:
            parts.country = last.actor
        else:
            parts.country = person.country
        parts.add_sectors(("ELI",))
        parts.how.append(f"{person.name}: out of office on this date (was {last.title}), coded as elite")
    else:
        parts.country = person.country
        parts.how.append(f"{person.name}: no office on this date")


def apply_role_actor(r: Reader, d: Discourse, code: str, parts: Parts) -> None:
    if code in r.kb.countries:
        parts.country = code
        return
    org = r.kb.org_code(code)
    if org is not None and code[:3] in ("IGO", "NGO", "IMG", "MNC"):
        parts.org = org
        return
    country, org, sectors = r.kb.split_code(code)
    parts.country, parts.org = country, org
    parts.add_sectors(sectors)


def apply_modifier(r: Reader, d: Discourse, hit: Hit, token: Token, parts: Parts) -> None:
    entry = choose(r, d, hit)
    if entry is None:
        return
    kind = entry.kind
    if kind == "agent":
        if not parts.person:
            parts.add_sectors(entry.sector)
        parts.agent_terms.append(entry.term)
    elif kind in ("country", "adjective", "capital", "seat", "code"):
        if kind == "code" and not parts.country and not parts.org and not parts.person:
            apply_role_actor(r, d, entry.ref, parts)
            parts.how.append(f"dictionary code {entry.ref}")
        elif not parts.country and not parts.org and not parts.person:
            parts.country = entry.ref
            parts.name = parts.name or r.kb.describe(entry.ref)
            parts.how.append(f"{kind} '{token.text}' gives the country")
            if kind == "seat" and not parts.sectors:
                parts.add_sectors(entry.sector)
    elif kind == "org":
        if not parts.org and not parts.person:
            if parts.country and token.dep != "poss":
                return
            fuller = _fuller_group(r, d, hit, entry.ref)
            parts.org = fuller[0] if fuller else entry.ref
            parts.country = None
            parts.name = parts.name or r.kb.describe(parts.org)
            parts.add_sectors(entry.sector)
            parts.how.append(
                f"organisation '{r.kb.describe(parts.org)}'"
                + (f", named in full earlier ('{fuller[1]}')" if fuller else "")
            )
    elif kind in ("person", "surname") and not parts.person and not parts.org and not parts.country:
        inner = Parts()
        apply_person(r, d, entry, inner, token, hit)
        if inner.country or inner.org:
            parts.country, parts.org = inner.country, inner.org
            parts.how.append(f"belongs to {inner.name}")


def from_dependents(r: Reader, d: Discourse, token: Token, parts: Parts) -> None:
    """Country or organisation from "of Russia", an apposition, or a possessor."""
    sentence = r.sentence
    assert sentence is not None
    for child in sentence.kids(token, "prep"):
        if child.lower in ("of", "for", "to") and not parts.empty:
            obj = sentence.child(child, "pobj")
            if obj is not None:
                borrow(r, d, obj, parts, f"'{child.text} {obj.text}'")
                if parts.country or parts.org:
                    return
    for child in sentence.kids(token, "appos", "poss"):
        borrow(r, d, child, parts, f"'{child.text}'")
        if parts.country or parts.org:
            return
    if token.dep == "appos":
        borrow(r, d, sentence.tokens[token.head], parts, "apposition")


def counterpart_sector(r: Reader, d: Discourse, token: Token, parts: Parts) -> None:
    """ "The minister met his Togolese counterpart": a counterpart holds the possessor's kind of office."""
    found = d.pronoun(r, token) if token.pos == "PRON" else r.actor(token.i)
    if found is not None and found.sector:
        parts.add_sectors(found.sector)
        parts.how.append(f"a counterpart of {found.name or found.text}: the same kind of office")


def borrow(r: Reader, d: Discourse, token: Token, parts: Parts, why: str) -> None:
    if r.depth > 2:
        return
    if token.pos == "PRON":
        found = d.pronoun(r, token)
        if found is not None and (found.country or found.group):
            parts.country = found.country
            parts.org = d.org_of(found) if found.group else None
            parts.name = parts.name or found.name
            parts.how.append(f"country from {why}, which refers to {found.name or found.text}")
        return
    r.depth += 1
    try:
        other = r.compose(token.i, False)
    finally:
        r.depth -= 1
    if other.person and other.is_person:
        parts.person = parts.person or other.person
    if other.country or other.org:
        parts.country = other.country
        parts.org = other.org
        parts.name = parts.name or other.name
        if other.person:
            parts.add_sectors(other.sectors)
        parts.how.append(f"country from {why}")


def _iso(day: dt.date | None) -> str:
    return day.isoformat() if day else "now"
