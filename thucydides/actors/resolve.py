"""Actor resolution: from a noun phrase in the parse to a coded :class:`Actor`.

A noun phrase is coded from everything inside it that the knowledge base knows:
a person (with the role they held on the story's date), an organisation, a state
(by name, adjective or capital), and sector agents ("defence minister" → GOV MIL).
Possessors ("Japan's frigate"), ``of`` phrases ("the president of Russia") and
appositions ("Rutte, NATO's secretary general") fill in what the head lacks.
Pronouns, surnames and definite descriptions ("the minister", "the alliance")
are resolved against the actors mentioned earlier in the same article.

:class:`ActorResolver` reads one article sentence by sentence; what a phrase says
is read by the named passes of :mod:`thucydides.actors.phrase`, the memory of the
article is a :class:`~thucydides.actors.discourse.Discourse`, and the context of a
sentence comes from :mod:`thucydides.actors.context`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
from collections.abc import Sequence

from ..models import Actor, Event
from ..parse import Sentence, Token
from .discourse import Discourse
from .kb import KnowledgeBase
from .mentions import Hit, find_hits
from .phrase import DEFAULT_ACTOR_PASSES, Phrase, actor_passes, read_phrase
from .spans import build, span, traveller_of, uncoded
from .state import (
    AMONG,
    EMBED_DEPTH,
    EMBED_PREPOSITIONS,
    EMBED_VENUES,
    HE,
    IT,
    LEFT,
    MEMBER_PREPOSITIONS,
    MEMBERSHIP_PREPOSITIONS,
    MEMBERSHIP_VERBS,
    OBJECT_PRONOUNS,
    QUANTITIES,
    THEY,
    Memory,
    Parts,
    PlaceLookup,
    side,
)


class ActorResolver:
    """Resolves actors sentence by sentence through one article, remembering what it saw."""

    def __init__(
        self,
        kb: KnowledgeBase,
        date: dt.date | None,
        places: PlaceLookup | None = None,
        passes: Sequence[str] = DEFAULT_ACTOR_PASSES,
    ) -> None:
        self.kb = kb
        self.date = date
        self.places = places
        self.discourse = Discourse(kb, date)
        self.passes = actor_passes(passes)
        self.sentence: Sentence | None = None
        self.dateline_end = -1  # a story's dateline ("JERUSALEM, June 13 (Wire) -") names no actor
        self.hits: list[Hit] = []
        self.hit_at: dict[int, Hit] = {}
        self.cache: dict[tuple[int, bool], Actor | None] = {}
        self.depth = 0

    @property
    def memory(self) -> list[Memory]:
        return self.discourse.memory

    @property
    def countries_seen(self) -> dict[str, int]:
        return self.discourse.countries_seen

    # -- per sentence ---------------------------------------------------------------
    def start(self, sentence: Sentence) -> None:
        self.sentence = sentence
        self.hits = [h for h in find_hits(sentence, self.kb) if sentence.tokens[h.lo].start >= self.dateline_end]
        self.hit_at = {}
        for hit in self.hits:
            for k in range(hit.lo, hit.hi + 1):
                self.hit_at[k] = hit
        self.cache = {}

    def finish(self, events: Sequence[Event] = ()) -> None:
        """Remember the actors of this sentence, and who acted on whom in its ``events``, for the
        sentences that follow."""
        if self.sentence is None:
            return
        for event in events:
            if event.source is not None and event.target is not None:
                self.discourse.faced(event.source, event.target, event.cameo[:2])
        seen: set[int] = set()
        for (i, _place), actor in sorted(self.cache.items()):
            if actor is None or i in seen:
                continue
            seen.add(i)
            split = split_nationalities(self, i, actor)  # "Thai and Cambodian troops": both, the head last
            for each in sorted(split, key=lambda a: a.code == actor.code):
                self.discourse.remember(self, self.sentence.tokens[i], each)

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
        pair = self.discourse.the_group(self, self.sentence.tokens[i], avoid) or self.discourse.they_conjoined(
            self, self.sentence.tokens[i]
        )
        if pair:
            return pair
        members = named_members(self, i, place)
        if members:
            return members
        result: list[Actor] = []
        for j in self.conjuncts(i):
            own = self.actor(j, place, inner=False)
            if own is not None and side(own) in avoid and self._object_pronoun(j):
                # "Modi congratulated him": an object pronoun is never its own clause's subject
                own = self.discourse.pronoun(self, self.sentence.tokens[j], skip=avoid)
            if own is not None and side(own) in avoid and self._borrowed(j):
                # "its dispute with Egypt": not the source's own, but whom the dispute is with
                group = self._owners(j, place, avoid) or self.embedded(j, avoid) or [own]
            else:
                group = [own] if own is not None else self._owners(j, place, avoid)
            if own is not None and group == [own]:
                group = split_nationalities(self, j, own)
            for actor in group:
                if all((actor.start, actor.code) != (a.start, a.code) for a in result):
                    result.append(actor)
        return result

    def _object_pronoun(self, j: int) -> bool:
        assert self.sentence is not None
        token = self.sentence.tokens[j]
        return token.pos == "PRON" and token.lower in OBJECT_PRONOUNS and token.dep in ("dobj", "dative", "pobj")

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
                    found = [a for a in found if side(a) not in avoid and (a.country or a.group)]
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
            if group and not (own_possessor and all(side(a) in avoid for a in group)):
                if token.lemma in QUANTITIES:  # "a number of Armenian websites": the whole phrase is the actor
                    lo, hi = self.span(j)
                    text, start, end = self.sentence.span_text(lo, hi)
                    group = [dataclasses.replace(a, text=text, start=start, end=end) for a in group]
                elif own_possessor and len(group) == 1 and self.sentence.tokens[inner].pos != "PRON":
                    # "rejected the Croatian government's request": the government is named by the phrase up
                    # to the noun it owns, not by "the Croatian government's"
                    lo, _ = self.span(j)
                    text, start, end = self.sentence.span_text(lo, j)
                    group = [dataclasses.replace(group[0], text=text, start=start, end=end)]
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
        if key not in self.cache:
            self.cache[key] = self._resolve(i, place)
        found = self.cache[key]
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
        if token.start < self.dateline_end:
            return None
        if token.pos == "PRON" or token.lower in HE | IT | THEY:
            return self.discourse.pronoun(self, token)
        parts = self.compose(i, place, whole=True)
        if parts.empty:
            return None
        actor = build(self, token, parts)
        return member_of(self, token, actor) or actor

    def compose(self, i: int, place: bool, whole: bool = False) -> Parts:
        """What the noun phrase headed by token ``i`` says about its actor, read by the actor passes;
        ``whole`` is False when the phrase only lends its country to another ("the president of Russia")."""
        sentence = self.sentence
        assert sentence is not None
        token = sentence.tokens[i]
        phrase = Phrase(self, self.discourse, token, place, self.left_tokens(token), set(), self.hit_at.get(i), whole)
        return read_phrase(self.passes, phrase)

    def left_tokens(self, token: Token) -> set[int]:
        sentence = self.sentence
        assert sentence is not None
        out: set[int] = set()
        stack = [c for c in token.children if sentence.tokens[c].dep in LEFT and c < token.i]
        while stack:
            k = stack.pop()
            out.add(k)
            stack.extend(sentence.tokens[k].children)
        return out

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
        traveller = traveller_of(sentence, token)  # "the visit to Japan of the US defence secretary"
        found += [traveller.i] if traveller is not None else []
        for child in sentence.kids(token, "prep"):
            if child.lower in ("of", "by", "between", "among"):
                found += [o.i for o in sentence.kids(child, "pobj")]
        return found

    # -- output ---------------------------------------------------------------------
    def uncoded(self, i: int) -> Actor | None:
        """The noun phrase at ``i`` as an actor the knowledge base does not know: no code, but its span."""
        return uncoded(self, i)

    def span(self, i: int) -> tuple[int, int]:
        """Token range of the noun phrase headed by ``i``: its subtree without clauses and conjuncts."""
        return span(self, i)


def member_of(r: ActorResolver, token: Token, actor: Actor) -> Actor | None:
    """ "Gunmen from the Islamic State", "militants belonging to Boko Haram": an unnamed agent said to
    be of a known group is that group (not the state its country came from)."""
    sentence = r.sentence
    assert sentence is not None
    own = r.hit_at.get(token.i)
    if (
        actor.group
        or (own is not None and any(e.kind != "agent" for e in own.entries))
        or any(k in r.hit_at for k in r.left_tokens(token))
    ):
        return None  # a named actor, or one its own words place ("Iraqi gunmen")
    holders = [token, *(k for k in sentence.kids(token, "acl") if k.lemma in MEMBERSHIP_VERBS)]
    for holder in holders:
        for prep in sentence.kids(holder, "prep"):
            if prep.lower not in MEMBERSHIP_PREPOSITIONS:
                continue
            for obj in sentence.kids(prep, "pobj"):
                group = r.actor(obj.i)
                if group is not None and group.group:
                    joined = (token.text, holder.text if holder is not token else "", prep.text)
                    said = " ".join(w for w in joined if w)
                    why = f"'{said} {group.text}': members of {group.name or group.text}"
                    # the mention stays the whole phrase ("gunmen from the Islamic State"); the code is the group's
                    return dataclasses.replace(
                        group, text=actor.text, start=actor.start, end=actor.end, how=f"{group.how}; {why}"
                    )
    return None


def named_members(r: ActorResolver, i: int, place: bool) -> list[Actor]:
    """ "Several countries, including France and Germany", "governments across the region ..., among them
    Brazil and Chile": a plural noun that names its members stands for them."""
    sentence = r.sentence
    assert sentence is not None
    token = sentence.tokens[i]
    if token.tag != "NNS":
        return []
    lists: list[Token] = []
    for prep in sentence.kids(token, "prep"):
        if prep.lower in MEMBER_PREPOSITIONS:
            lists.extend(sentence.kids(prep, "pobj"))
    if token.dep == "nsubj" and token.head != i:
        for other in sentence.kids(sentence.tokens[token.head], "npadvmod", "appos"):
            among = [p for p in sentence.kids(other, "prep") if p.lower in AMONG]
            if any(k.lower in THEY for p in among for k in sentence.kids(p, "pobj")):
                lists.append(other)
    found: list[Actor] = []
    for head in lists:
        for j in r.conjuncts(head.i):
            actor = r.actor(j, place)
            if actor is not None and actor.code and all(actor.code != a.code for a in found):
                found.append(actor)
    return found


def _names_country(r: ActorResolver, k: int) -> bool:
    return k in r.hit_at and r.hit_at[k].first("adjective", "country") is not None


def split_nationalities(r: ActorResolver, j: int, own: Actor) -> list[Actor]:
    """ "Indian and Pakistani troops", "the foreign ministers of Kenya and Uganda": one actor per
    nationality, each with the noun's sectors."""
    sentence = r.sentence
    assert sentence is not None
    token = sentence.tokens[j]
    owners = list(sentence.kids(token, "amod", "compound", "nmod"))
    if token.tag in ("NNS", "NNPS"):  # a plural noun "of" conjoined states: each has its own
        owners += [o for p in sentence.kids(token, "prep") if p.lower == "of" for o in sentence.kids(p, "pobj")]
    countries: list[str] = []
    # "Kosovo Serb gunmen", "Bosnian Serb leaders": two names side by side before the noun with no "and"
    # between them are one people (the Serbs of Kosovo), coded by the first; "Indian and Pakistani troops"
    # are two
    named = sorted((m for m in owners if m.i < token.i and _names_country(r, m.i)), key=lambda t: t.i)
    side_by_side = {
        later.i
        for earlier, later in itertools.pairwise(named)
        if not any(t.lower in ("and", ",", "or", "&") for t in sentence.tokens[earlier.i + 1 : later.i])
    }
    owners = [m for m in owners if m.i not in side_by_side]
    for mod in owners:
        for k in [mod.i, *(c.i for c in sentence.kids(mod, "conj"))]:
            entry = r.hit_at[k].first("adjective", "country") if k in r.hit_at else None
            if entry is not None and entry.ref not in countries:
                countries.append(entry.ref)
    if len(countries) < 2 or own.country not in countries or own.group:
        return [own]
    suffix = own.code[len(own.country) :] if own.country and own.code.startswith(own.country) else ""
    return [dataclasses.replace(own, code=c + suffix, country=c, name=r.kb.describe(c), entity_id=c) for c in countries]
