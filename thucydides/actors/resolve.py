"""Actor resolution: from a noun phrase in the parse to a coded :class:`Actor`.

A noun phrase is coded from everything inside it that the knowledge base knows:
a person (with the role they held on the story's date), an organisation, a state
(by name, adjective or capital), and sector agents ("defence minister" → GOV MIL).
Possessors ("Japan's frigate"), ``of`` phrases ("the president of Russia") and
appositions ("Rutte, NATO's secretary general") fill in what the head lacks.
Pronouns, surnames and definite descriptions ("the minister", "the alliance")
are resolved against the actors mentioned earlier in the same article.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from ..models import Actor
from ..parse import Sentence, Token
from .context import Context
from .kb import Entry, KnowledgeBase, Person
from .mentions import Hit, find_hits
from .state import (
    EMBED_DEPTH,
    EMBED_PREPOSITIONS,
    EMBED_VENUES,
    HE,
    IT,
    LEFT,
    MAX_SECTORS,
    NAME_ENDS,
    PLACE_ENTS,
    QUANTITIES,
    SPAN_EXCLUDE,
    THEY,
    Memory,
    Parts,
    PlaceLookup,
    entity,
)


class ActorResolver(Context):
    """Resolves actors sentence by sentence through one article, remembering what it saw."""

    def __init__(self, kb: KnowledgeBase, date: dt.date | None, places: PlaceLookup | None = None) -> None:
        self.kb = kb
        self.date = date
        self.places = places
        self.memory: list[Memory] = []
        self.countries_seen: dict[str, int] = {}
        self.sentence: Sentence | None = None
        self.hits: list[Hit] = []
        self.hit_at: dict[int, Hit] = {}
        self._cache: dict[tuple[int, bool], Actor | None] = {}
        self._depth = 0

    # -- per sentence ---------------------------------------------------------------
    def start(self, sentence: Sentence) -> None:
        self.sentence = sentence
        self.hits = find_hits(sentence, self.kb)
        self.hit_at = {}
        for hit in self.hits:
            for k in range(hit.lo, hit.hi + 1):
                self.hit_at[k] = hit
        self._cache = {}

    def finish(self) -> None:
        """Remember the actors of this sentence for the sentences that follow."""
        if self.sentence is None:
            return
        seen: set[int] = set()
        for (i, _place), actor in sorted(self._cache.items()):
            if actor is None or i in seen:
                continue
            seen.add(i)
            self._remember(self.sentence.tokens[i], actor)

    def actor_mentions(self) -> list[Actor]:
        """Every actor the sentence names, whether or not it takes part in an event."""
        assert self.sentence is not None
        found: list[Actor] = []
        heads = {self._np_head(hit) for hit in self.hits}
        for i in sorted(heads):
            actor = self.actor(i)
            if actor is not None:
                found.append(actor)
        return found

    def _np_head(self, hit: Hit) -> int:
        assert self.sentence is not None
        tokens = self.sentence.tokens
        i = hit.hi
        while tokens[i].dep in ("compound", "amod", "nmod", "nn", "flat") and tokens[i].head != i:
            i = tokens[i].head
        return i

    # -- public: actors of an argument ------------------------------------------------
    def actors(self, i: int, place: bool = False, avoid: frozenset[str] = frozenset()) -> list[Actor]:
        """The actor at token ``i`` and those conjoined with it ("China, North Korea and Russia").

        A noun that is not an actor itself ("the cooperation of China and Russia",
        "NATO's partnerships") stands for the actors it belongs to; ``avoid`` (actor codes,
        usually the event's source) passes over an owner that is the source itself ("France
        lifted its blockade of the U.K." is done to the U.K.).
        """
        assert self.sentence is not None
        pair = self._the_two(self.sentence.tokens[i]) or self._they_conjoined(self.sentence.tokens[i])
        if pair:
            return pair
        result: list[Actor] = []
        for j in self.conjuncts(i):
            own = self.actor(j, place, inner=False)
            if own is not None and entity(own) in avoid and self._borrowed(j):
                # "its dispute with Egypt": not the source's own, but whom the dispute is with
                group = self._owners(j, place, avoid) or self.embedded(j, avoid) or [own]
            else:
                group = [own] if own is not None else self._owners(j, place, avoid)
            if own is not None and group == [own]:
                group = self._split_nationalities(j, own)
            for actor in group:
                if all((actor.start, actor.code) != (a.start, a.code) for a in result):
                    result.append(actor)
        return result

    def embedded(self, i: int, avoid: frozenset[str] = frozenset()) -> list[Actor]:
        """The nearest actor inside the noun phrase at ``i`` when the phrase itself is none.

        "new sanctions on Georgia", "the extradition of suspects from Sweden", "support
        for Somalia's sovereignty", "reforms sought by Washington": the event is done to
        the actor the object is about. The search goes breadth first through
        possessors, prepositional objects and the agents of participles, never into
        clauses with verbs of their own, and passes over the source itself.
        """
        sentence = self.sentence
        assert sentence is not None
        frontier = [i]
        seen = {i}
        for _ in range(EMBED_DEPTH):
            following: list[int] = []
            for k in frontier:
                for child, place in self._embedding(sentence.tokens[k]):
                    if child.i in seen:
                        continue
                    seen.add(child.i)
                    found = self.actors(child.i, place=place, avoid=avoid)
                    found = [a for a in found if entity(a) not in avoid and (a.country or a.group)]
                    if place and not self._names_state(child.i):
                        found = []  # "talks in Washington": a town is where it happens, not whom it concerns
                    if found:
                        return found
                    following.append(child.i)
            frontier = following
        return []

    def _names_state(self, i: int) -> bool:
        """Whether token ``i`` is in the name of a state or an organisation ("in Sudan"), not a town."""
        hit = self.hit_at.get(i)
        return hit is not None and hit.first("country", "org") is not None

    def _embedding(self, token: Token) -> list[tuple[Token, bool]]:
        """The dependents of ``token`` that may hold the actor a noun phrase is about, each with
        whether it is a place ("talks in Washington": the city, not the government)."""
        sentence = self.sentence
        assert sentence is not None
        out: list[tuple[Token, bool]] = []
        for child in sentence.kids(token, "poss", "prep", "agent", "acl", "appos", "pobj"):
            if child.dep in ("prep", "agent"):
                if child.lower in EMBED_PREPOSITIONS or child.dep == "agent":
                    out.extend((o, child.lower in EMBED_VENUES) for o in sentence.kids(child, "pobj"))
            elif child.dep == "acl":  # "crimes committed by Russian troops": only through its by-agent
                for agent in sentence.kids(child, "agent", "prep"):
                    if agent.dep == "agent" or agent.lower == "by":
                        out.extend((o, False) for o in sentence.kids(agent, "pobj"))
            else:
                out.append((child, False))
        return out

    def _split_nationalities(self, j: int, own: Actor) -> list[Actor]:
        """ "Indian and Pakistani troops": one actor per nationality, each with the noun's sectors."""
        sentence = self.sentence
        assert sentence is not None
        countries: list[str] = []
        for mod in sentence.kids(sentence.tokens[j], "amod", "compound"):
            for k in [mod.i, *(c.i for c in sentence.kids(mod, "conj"))]:
                entry = self.hit_at[k].first("adjective", "country") if k in self.hit_at else None
                if entry is not None and entry.ref not in countries:
                    countries.append(entry.ref)
        if len(countries) < 2 or own.country not in countries or own.group:
            return [own]
        suffix = own.code[len(own.country) :] if own.country and own.code.startswith(own.country) else ""
        return [
            dataclasses.replace(own, code=c + suffix, country=c, name=self.kb.describe(c), entity_id=c)
            for c in countries
        ]

    def _borrowed(self, j: int) -> bool:
        """Whether the noun at ``j`` is an actor only through its owner ("its blockade")."""
        assert self.sentence is not None
        token = self.sentence.tokens[j]
        return j not in self.hit_at and token.pos == "NOUN" and self.sentence.child(token, "poss") is not None

    def _owners(self, j: int, place: bool, avoid: frozenset[str]) -> list[Actor]:
        assert self.sentence is not None
        token = self.sentence.tokens[j]
        for inner in self._inner_tokens(token):
            group = self.actors(inner, place, avoid)
            own_possessor = self.sentence.tokens[inner].dep == "poss"  # "its blockade of the U.K.": not "its"
            if group and not (own_possessor and all(entity(a) in avoid for a in group)):
                if token.lemma in QUANTITIES:  # "a number of Armenian websites": the whole phrase is the actor
                    lo, hi = self.span(j)
                    text, start, end = self.sentence.span_text(lo, hi)
                    group = [dataclasses.replace(a, text=text, start=start, end=end) for a in group]
                return group
        return []

    def conjuncts(self, i: int) -> list[int]:
        assert self.sentence is not None
        out = [i]
        stack = [i]
        while stack:
            tok = self.sentence.tokens[stack.pop()]
            for c in tok.children:
                child = self.sentence.tokens[c]
                listed = child.dep == "appos" and any(
                    self.sentence.tokens[k].dep in ("cc", "conj") for k in child.children
                )
                if (child.dep == "conj" or listed) and child.pos in ("PROPN", "NOUN", "PRON", "ADJ", "NUM"):
                    out.append(c)
                    stack.append(c)
        return sorted(out)

    def actor(self, i: int, place: bool = False, inner: bool = True) -> Actor | None:
        """The single actor the noun phrase headed by token ``i`` stands for, if any."""
        key = (i, place)
        if key not in self._cache:
            self._cache[key] = self._resolve(i, place)
        found = self._cache[key]
        if found is None and inner and self.sentence is not None:
            j = self._inner_token(self.sentence.tokens[i])
            if j is not None:
                return self.actor(j, place)
        return found

    # -- resolution -----------------------------------------------------------------
    def _resolve(self, i: int, place: bool) -> Actor | None:
        sentence = self.sentence
        assert sentence is not None
        token = sentence.tokens[i]
        if token.pos == "PRON" or token.lower in HE | IT | THEY:
            return self._pronoun(token)
        parts = self._compose(i, place)
        if parts.empty and not parts.is_person:
            return None
        if not parts.country and not parts.org and (not parts.person or parts.is_person):
            # a bare sector ("police") or a person nobody introduced: the country where it happens
            self._fill_from_discourse(token, parts)
        return None if parts.empty else self._build(token, parts)

    def _compose(self, i: int, place: bool) -> Parts:
        sentence = self.sentence
        assert sentence is not None
        token = sentence.tokens[i]
        parts = Parts()
        np = self._left_tokens(token)
        used: set[int] = set()
        head_hit = self.hit_at.get(i)
        if head_hit is not None:
            self._apply_head(head_hit, token, parts, place)
            used.update(range(head_hit.lo, head_hit.hi + 1))
        elif token.ent == "PERSON" and token.pos == "PROPN":
            self._unknown_person(token, parts)
        elif token.ent in PLACE_ENTS and token.pos == "PROPN":
            self._place(token, parts)
        if head_hit is None or "agent" in head_hit.kinds():
            self._anaphor(token, parts)
        # A common noun that is no actor ("cooperation", "warplanes") takes only a country
        # from its modifiers ("Chinese warplanes"), never a sector ("military cooperation").
        actor_head = head_hit is not None or token.pos == "PROPN" or parts.is_person
        possessors = [k for k in np if sentence.tokens[k].dep == "poss"]
        for k in possessors:
            if not (parts.country or parts.org or parts.person):
                self._borrow(sentence.tokens[k], parts, f"possessor '{sentence.tokens[k].text}'")
            lo, hi = sentence.subtree(sentence.tokens[k])
            used.update(range(lo, hi + 1))
        for k in sorted(np):
            hit = self.hit_at.get(k)
            if hit is None or k in used:
                continue
            used.update(range(hit.lo, hit.hi + 1))
            if not actor_head and "agent" in hit.kinds() and len(hit.kinds()) == 1:
                continue
            self._apply_modifier(hit, sentence.tokens[k], parts)
        if actor_head and not (parts.country or parts.org) and not parts.person:
            self._from_dependents(token, parts)
        return parts

    def _left_tokens(self, token: Token) -> set[int]:
        sentence = self.sentence
        assert sentence is not None
        out: set[int] = set()
        stack = [c for c in token.children if sentence.tokens[c].dep in LEFT and c < token.i]
        while stack:
            k = stack.pop()
            out.add(k)
            stack.extend(sentence.tokens[k].children)
        return out

    def _apply_head(self, hit: Hit, token: Token, parts: Parts, place: bool) -> None:
        entry = self._choose(hit)
        if entry is None:
            return
        kind = entry.kind
        if kind in ("person", "surname"):
            self._apply_person(entry, parts, token, hit)
        elif kind == "org":
            parts.org = entry.ref
            parts.add_sectors(entry.sector)
            parts.name = self.kb.describe(entry.ref)
            parts.how.append(f"organisation '{parts.name}'")
        elif kind in ("country", "adjective"):
            parts.country = entry.ref
            parts.name = self.kb.describe(entry.ref)
            parts.how.append(f"{kind} of {parts.name}")
        elif kind == "capital" and not place and self._seat_of_organisation(token, parts):
            return
        elif kind == "capital":
            parts.country = entry.ref
            parts.name = self.kb.describe(entry.ref)
            if not place:
                parts.add_sectors(("GOV",))
                parts.how.append(f"capital of {parts.name} acting for its government")
            else:
                parts.how.append(f"capital of {parts.name} as a place")
        elif kind == "seat":
            parts.country = entry.ref
            parts.add_sectors(entry.sector)
            parts.name = self.kb.describe(entry.ref)
            parts.how.append(f"seat of government of {parts.name}")
        elif kind == "code":
            self._apply_role_actor(entry.ref, parts)
            parts.name = self.kb.describe(entry.ref)
            parts.how.append(f"dictionary code {entry.ref}")
        elif kind == "agent":
            parts.add_sectors(entry.sector)
            parts.agent_terms.append(entry.term)
            parts.how.append(f"agent '{entry.term}'")
            if token.pos == "PROPN" and token.ent == "PERSON":
                parts.is_person = True

    def _choose(self, hit: Hit) -> Entry | None:
        """Pick among the entries of an ambiguous name: people in office win, then the rest."""
        entries = hit.entries
        if len(entries) == 1:
            return entries[0]
        people = [e for e in entries if e.kind in ("person", "surname")]
        if people:
            chosen = self._pick_person([e.ref for e in people])
            if chosen is not None:
                return next(e for e in people if e.ref == chosen)
        others = [e for e in entries if e.kind not in ("person", "surname")]
        if others:
            counts = self.countries_seen
            others.sort(key=lambda e: -counts.get(e.ref, 0))
            return others[0]
        return entries[0]

    def _apply_person(self, entry: Entry, parts: Parts, token: Token, hit: Hit) -> None:
        if entry.kind == "surname":
            candidates = [e.ref for e in hit.entries if e.kind == "surname"]
            chosen = self._pick_person(candidates)
            if chosen is None or not self._surname_stands(token, hit, self.kb.people[chosen]):
                self._unknown_person(token, parts)
                return
            person = self.kb.people[chosen]
        else:
            person = self.kb.people[entry.ref]
        self._person_role(person, parts)

    def _surname_stands(self, token: Token, hit: Hit, person: Person) -> bool:
        """A surname alone is that person when the parser takes it for a person, a title precedes it,
        or the person is in office on the story's date ("Blinken visited Japan" in 2024, which the
        parser takes for a place). Surnames shared with other people or words are not in the
        knowledge base (``surname: null``)."""
        if token.ent == "PERSON" or self._person_title_before(hit):
            return True
        return self.date is not None and person.role_on(self.date) is not None

    def _person_title_before(self, hit: Hit) -> bool:
        sentence = self.sentence
        assert sentence is not None
        if hit.lo == 0:
            return False
        before = self.hit_at.get(hit.lo - 1)
        return before is not None and "agent" in before.kinds()

    def _person_role(self, person: Person, parts: Parts) -> None:
        parts.person = person.id
        parts.is_person = True
        parts.name = person.name
        parts.surname = person.surname
        role = person.role_on(self.date)
        if role is not None:
            self._apply_role_actor(role.actor, parts)
            parts.add_sectors(role.sector)
            parts.how.append(f"{person.name}: {role.title} ({role.start.isoformat()} to {_iso(role.end)})")
            return
        past = [r for r in person.roles if self.date is None or (r.end is not None and r.end < self.date)]
        if past:
            last = past[-1]
            if last.actor in self.kb.countries:
                parts.country = last.actor
            else:
                parts.country = person.country
            parts.add_sectors(("ELI",))
            parts.how.append(f"{person.name}: out of office on this date (was {last.title}), coded as elite")
        else:
            parts.country = person.country
            parts.how.append(f"{person.name}: no office on this date")

    def _apply_role_actor(self, code: str, parts: Parts) -> None:
        if code in self.kb.countries:
            parts.country = code
            return
        org = self.kb.org_code(code)
        if org is not None and code[:3] in ("IGO", "NGO", "IMG", "MNC"):
            parts.org = org
            return
        country, org, sectors = self.kb.split_code(code)
        parts.country, parts.org = country, org
        parts.add_sectors(sectors)

    def _apply_modifier(self, hit: Hit, token: Token, parts: Parts) -> None:
        entry = self._choose(hit)
        if entry is None:
            return
        kind = entry.kind
        if kind == "agent":
            if not parts.person:
                parts.add_sectors(entry.sector)
            parts.agent_terms.append(entry.term)
        elif kind in ("country", "adjective", "capital", "seat", "code"):
            if kind == "code" and not parts.country and not parts.org and not parts.person:
                self._apply_role_actor(entry.ref, parts)
                parts.how.append(f"dictionary code {entry.ref}")
            elif not parts.country and not parts.org and not parts.person:
                parts.country = entry.ref
                parts.name = parts.name or self.kb.describe(entry.ref)
                parts.how.append(f"{kind} '{token.text}' gives the country")
                if kind == "seat" and not parts.sectors:
                    parts.add_sectors(entry.sector)
        elif kind == "org":
            if not parts.org and not parts.person:
                if parts.country and token.dep != "poss":
                    return
                parts.org = entry.ref
                parts.country = None
                parts.name = parts.name or self.kb.describe(entry.ref)
                parts.add_sectors(entry.sector)
                parts.how.append(f"organisation '{self.kb.describe(entry.ref)}'")
        elif kind in ("person", "surname") and not parts.person and not parts.org and not parts.country:
            inner = Parts()
            self._apply_person(entry, inner, token, hit)
            if inner.country or inner.org:
                parts.country, parts.org = inner.country, inner.org
                parts.how.append(f"belongs to {inner.name}")

    def _from_dependents(self, token: Token, parts: Parts) -> None:
        """Country or organisation from "of Russia", an apposition, or a possessor."""
        sentence = self.sentence
        assert sentence is not None
        for child in sentence.kids(token, "prep"):
            if child.lower in ("of", "for", "to") and not parts.empty:
                obj = sentence.child(child, "pobj")
                if obj is not None:
                    self._borrow(obj, parts, f"'{child.text} {obj.text}'")
                    if parts.country or parts.org:
                        return
        for child in sentence.kids(token, "appos", "poss"):
            self._borrow(child, parts, f"'{child.text}'")
            if parts.country or parts.org:
                return
        if token.dep == "appos":
            self._borrow(sentence.tokens[token.head], parts, "apposition")

    def _borrow(self, token: Token, parts: Parts, why: str) -> None:
        if self._depth > 2:
            return
        if token.pos == "PRON":
            found = self._pronoun(token)
            if found is not None and (found.country or found.group):
                parts.country = found.country
                parts.org = self._org_of(found) if found.group else None
                parts.name = parts.name or found.name
                parts.how.append(f"country from {why}, which refers to {found.name or found.text}")
            return
        self._depth += 1
        try:
            other = self._compose(token.i, False)
        finally:
            self._depth -= 1
        if other.person and other.is_person:
            parts.person = parts.person or other.person
        if other.country or other.org:
            parts.country = other.country
            parts.org = other.org
            parts.name = parts.name or other.name
            if other.person:
                parts.add_sectors(other.sectors)
            parts.how.append(f"country from {why}")

    def _inner_token(self, token: Token) -> int | None:
        """For a noun that is not an actor ("NATO's partnerships"), the token of the actor it belongs to."""
        found = self._inner_tokens(token)
        return found[0] if found else None

    def _inner_tokens(self, token: Token) -> list[int]:
        """Candidates for the owner of a noun, best first: an apposition, the possessor, an "of"/"by" object."""
        sentence = self.sentence
        assert sentence is not None
        if token.pos not in ("NOUN", "PROPN", "NUM", "PRON"):
            return []
        found = [c.i for c in sentence.kids(token, "appos") if self.actor(c.i, inner=False) is not None]
        found += [c.i for c in sentence.kids(token, "poss")]
        for child in sentence.kids(token, "prep"):
            if child.lower in ("of", "by", "between", "among"):
                found += [o.i for o in sentence.kids(child, "pobj")]
        return found

    # -- output ---------------------------------------------------------------------
    def _build(self, token: Token, parts: Parts) -> Actor:
        sentence = self.sentence
        assert sentence is not None
        sectors = list(parts.sectors)
        if parts.org and not parts.person:
            org = self.kb.organisations.get(parts.org)
            armed = org is not None and org.type == "IMG"
            sectors = list(org.sector) if armed and org is not None else [s for s in sectors if s != "GOV"]
        sectors = sectors[:MAX_SECTORS]
        group = None
        own: tuple[str, ...] = ()
        if parts.org:
            org = self.kb.organisations.get(parts.org)
            group = org.group if org is not None else parts.org[-3:]
            base = parts.org
            country = org.country if org is not None else None
            own = org.sector if org is not None else ()
        else:
            base = parts.country or ""
            country = parts.country
        code = base + "".join(s for s in sectors if not base.endswith(s) and s not in own)
        lo, hi = self.span(token.i)
        text, start, end = sentence.span_text(lo, hi)
        entity = parts.person or parts.org or parts.country
        return Actor(
            code=code,
            country=country,
            group=group,
            sector=tuple(sectors),
            name=parts.name,
            text=text,
            start=start,
            end=end,
            how="; ".join(parts.how),
            entity_id=entity,
        )

    def uncoded(self, i: int) -> Actor | None:
        """The noun phrase at ``i`` as an actor the knowledge base does not know: no code, but its span."""
        sentence = self.sentence
        assert sentence is not None
        lo, hi = self.span(i)
        text, start, end = sentence.span_text(lo, hi)
        return Actor(
            code="",
            country=None,
            group=None,
            sector=(),
            name=None,
            text=text,
            start=start,
            end=end,
            how="no actor known for this noun phrase",
        )

    def span(self, i: int) -> tuple[int, int]:
        """Token range of the noun phrase headed by ``i``: its subtree without clauses and conjuncts."""
        sentence = self.sentence
        assert sentence is not None
        lo = hi = i
        stack = [i]
        name = self.hit_at.get(i)
        while stack:
            k = stack.pop()
            lo, hi = min(lo, k), max(hi, k)
            for c in sentence.tokens[k].children:
                child = sentence.tokens[c]
                described = child.dep == "appos" and sentence.tokens[k].pos == "PROPN"  # "Gul Rahman, a militant"
                # a name ends before where and when: "met Trump in Washington on Tuesday"
                after_name = (
                    k == i and name is not None and child.dep == "prep" and c > name.hi and child.lower in NAME_ENDS
                )
                if (
                    child.dep not in SPAN_EXCLUDE
                    and not described
                    and not after_name
                    and not _clausal_modifier(sentence, child)
                ):
                    stack.append(c)
        tokens = sentence.tokens
        while hi > lo and tokens[hi].pos == "PUNCT" and tokens[hi].text not in ")]":
            hi -= 1
        while lo < hi and tokens[lo].pos == "PUNCT" and tokens[lo].text not in "([":
            lo += 1
        opened = sum(t.text == "(" for t in tokens[lo : hi + 1]) - sum(t.text == ")" for t in tokens[lo : hi + 1])
        if opened > 0 and hi + 1 < len(tokens) and tokens[hi + 1].text == ")":
            hi += 1  # "the Central African Republic (CAR)"
        return lo, hi


def _iso(day: dt.date | None) -> str:
    return day.isoformat() if day else "now"


def _clausal_modifier(sentence: Sentence, token: Token) -> bool:
    """A clause hanging off a noun ("the decision to recognise ...", "the suggestion that ..."): not in its span."""
    if token.dep != "acl":
        return False
    return any(sentence.tokens[k].dep in ("aux", "mark", "nsubj") for k in token.children) or token.tag in (
        "VB",
        "VBZ",
        "VBP",
    )
