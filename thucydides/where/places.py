"""Where an event happened: place names found in the parse and resolved against the gazetteer.

:meth:`Placer.mentions` finds the place names of a sentence (runs of proper nouns, or a
known site such as "the Yokosuka naval base") with the syntactic role each plays: the
object of a locative preposition ("in Tokyo"), the object of a verb ("struck Kharkiv"),
a modifier ("the Tokyo talks") or something else (a subject or a possessor, which is
an actor, not a place). Each is resolved to the most likely gazetteer entry given a
qualifier ("Wiesbaden, Germany", "Paris, Texas"), the words around it ("the Donetsk
region"), the countries and places the story has named so far, and population.
:meth:`Placer.locate` then picks the place of one event: a phrase attached to its
trigger, else one in its clause or on one of its participants, else one in a clause that
governs it, else a place named elsewhere in the sentence outside phrases of time or cause,
else nothing. docs/places.md explains the rules for users.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

from ..actors.resolve import ActorResolver
from ..models import Location
from ..parse import Sentence, Token
from ..resources import data_path, load_yaml
from ..when import calendar, clause_chain, clause_of, scene_of
from .gazetteer import Gazetteer, Place, Story, finer, norm, within
from .regions import region_names

_NAME_ENTS = frozenset({"GPE", "LOC", "FAC"})
_NOT_PLACE_ENTS = frozenset({"PERSON", "NORP", "ORG", "WORK_OF_ART", "LAW", "EVENT", "PRODUCT", "LANGUAGE"})
_NOMINAL_LINKS = frozenset({"compound", "nmod", "amod", "appos", "conj", "poss", "npadvmod"})
_MAX_CANDIDATES = 30
_RIVAL = 5  # a namesake abroad with a fifth of the largest's population makes a name ambiguous


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
    generic: frozenset[str]
    aside: frozenset[str]
    goal: frozenset[str]
    place_codes: tuple[str, ...]
    object_codes: tuple[str, ...]

    @classmethod
    def load(cls) -> Words:
        data: dict[str, Any] = load_yaml(data_path("places", "words.yaml"))
        fields = {name: frozenset(str(w) for w in data.get(name) or ()) for name in cls.__dataclass_fields__}
        for name in ("place_codes", "object_codes"):
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


@dataclass(frozen=True, slots=True)
class _Span:
    lo: int
    hi: int
    key: str
    places: tuple[Place, ...]
    hint: str = ""
    qualifier: tuple[Place, ...] = ()
    capital: bool = False
    end: int = -1


class Placer:
    """Finds and resolves the place names of sentences; picks the place of each event."""

    def __init__(
        self,
        gazetteer: Gazetteer,
        words: Words,
        codes: dict[str, str],
        fips: dict[str, str],
        capitals: dict[str, str] | None = None,
    ) -> None:
        self.gaz = gazetteer
        self.words = words
        self.codes = codes  # ISO2 → the knowledge base's country code
        self.iso2 = {code: iso2 for iso2, code in codes.items()}
        self.fips = fips  # ISO2 → FIPS 10-4
        self.capitals = capitals or {}  # country code → the name of its capital
        self.regions = region_names()  # "Africa", "the Pacific": regions, never towns

    # -- the place of an event ------------------------------------------------------------
    def locate(self, sentence: Sentence, trigger: list[int], cameo: str, mentions: list[Mention]) -> Mention | None:
        """The place of the event whose trigger is at ``trigger``, or None when the sentence gives none."""
        if not trigger or not mentions:
            return None
        ranked = [(self._tier(sentence, trigger, cameo, m), abs(m.lo - trigger[0]), m.lo, m) for m in mentions]
        usable = sorted((r for r in ranked if r[0] is not None), key=lambda r: r[:3])
        if not usable:
            return None
        best = usable[0]
        closer = [r for r in usable[1:] if r[0] <= best[0] + 1.5 and finer(r[3].place, best[3].place)]  # type: ignore[operator]
        return closer[0][3] if closer else best[3]

    def _tier(self, sentence: Sentence, trigger: list[int], cameo: str, m: Mention) -> float | None:
        """How closely a mention belongs to the event; lower is closer, None is not at all."""
        own = set(trigger)
        chain = clause_chain(sentence, trigger)
        clause = chain[0]
        antecedent = self._antecedent(sentence, clause)
        if m.lo <= antecedent <= m.hi:
            return 2
        if m.role in ("obj", "of") and m.attach in own:
            return 1 if self._object_place(sentence, m, cameo) else None
        if m.role == "mod":
            return 2 if m.attach in own else None
        if m.role != "pp" or not self._fits(m, cameo.startswith(self.words.place_codes)):
            return None
        # "to Ukraine" names a recipient as often as a place: it gives way to "in Wiesbaden".
        weaker = 0.0 if m.prep in self.words.locative else 3.5 if m.place.feature in ("country", "adm1") else 0.5
        if m.attach in own or self._light(sentence, m.attach, own):
            return weaker
        here = clause_of(sentence, m.attach)
        if sentence.tokens[m.attach].pos in ("VERB", "AUX") and scene_of(sentence, m.attach) in chain:
            return (1 if scene_of(sentence, m.attach) == clause else 1.5) + weaker
        if m.prep not in self.words.locative:
            return None
        if any(self._argument(sentence, m.attach, own | {antecedent}, c) for c in chain):
            return 2
        if m.attach == here and self._governs(sentence, here, clause):
            return 3
        return 4 if not cameo.startswith("01") and self._named_nearby(sentence, m, own) else None

    def _named_nearby(self, sentence: Sentence, m: Mention, own: set[int]) -> bool:
        """The last resort: a place named in the sentence, unless it sits in a phrase of time or cause
        ("after a collision near the shoal") or in a clause about something else ("the man who fled to Kyiv")."""
        tokens = sentence.tokens
        j = m.attach
        for _ in range(len(tokens)):
            t = tokens[j]
            if j in own or t.head == j:
                return True
            if t.dep == "pobj" and self._aside(sentence, tokens[t.head]):
                return False
            if t.dep in ("relcl", "acl", "csubj") and not any(_under(sentence, k, j) for k in own):
                return False
            j = t.head
        return False

    def _object_place(self, sentence: Sentence, m: Mention, cameo: str) -> bool:
        """Whether the object of the trigger is where it happened ("visited Tokyo", "recaptured Sudzha")."""
        return cameo.startswith(self.words.object_codes) or sentence.tokens[m.attach].lemma in self.words.object_verbs

    def _fits(self, m: Mention, placed: bool) -> bool:
        """Whether a prepositional phrase says where: "in Tokyo" always; "to Japan" only for visits and acts."""
        if m.prep == "on":
            return m.place.feature in self.words.on_features or placed
        if m.prep in self.words.locative:
            return True
        return placed or m.place.feature in ("city", "site")

    def _antecedent(self, sentence: Sentence, clause: int) -> int:
        """The noun a relative clause is about ("the command in Wiesbaden, which coordinates aid";
        "talks in Tokyo, where Nakatani said Japan hoped to deepen ties")."""
        tokens = sentence.tokens
        head = tokens[clause]
        for _ in range(4):
            if head.dep in ("relcl", "acl") and head.head != head.i:
                return head.head
            if head.dep not in ("ccomp", "xcomp", "conj") or head.head == head.i:
                return -1
            head = tokens[clause_of(sentence, head.head)]
        return -1

    def _argument(self, sentence: Sentence, noun: int, own: set[int], clause: int) -> bool:
        """Whether a noun belongs to the event ("police in Paris arrested", "clashed with rebels in Rakhine").

        Not a noun in a phrase of time or cause ("after a collision near the shoal").
        """
        tokens = sentence.tokens
        j = noun
        for _ in range(3):
            if j in own or j == clause:
                return True
            t = tokens[j]
            if t.head == j or t.pos not in ("NOUN", "PROPN", "PRON", "NUM"):
                return False
            if t.dep == "pobj":
                prep = tokens[t.head]
                if self._aside(sentence, prep):
                    return False
                j = prep.head
            else:
                j = t.head
        return j in own or j == clause

    def _aside(self, sentence: Sentence, prep: Token) -> bool:
        """A phrase of time, cause or topic ("after the collision"), or of a goal inside a noun phrase
        ("a threat to security")."""
        if prep.lower in self.words.aside:
            return True
        return prep.lower in self.words.goal and sentence.tokens[prep.head].pos == "NOUN"

    def _light(self, sentence: Sentence, attach: int, own: set[int]) -> bool:
        """A light verb whose object is the trigger ("held talks in Tokyo")."""
        return any(sentence.tokens[k].head == attach and sentence.tokens[k].dep in ("dobj", "attr") for k in own)

    def _governs(self, sentence: Sentence, clause: int, inner: int) -> bool:
        """Whether ``clause`` is ``inner`` or one of the clauses above it, or a participle hanging from one."""
        tokens = sentence.tokens
        head = tokens[clause]
        if head.dep in ("advcl", "acl") and head.tag in ("VBG", "VBN") and not sentence.kids(head, "nsubj", "mark"):
            clause = clause_of(sentence, head.head)
        j = inner
        for _ in range(8):
            if j == clause:
                return True
            if tokens[j].head == j or tokens[j].dep in ("relcl", "acl"):
                return False
            j = clause_of(sentence, tokens[j].head)
        return False

    # -- finding names --------------------------------------------------------------------
    def mentions(self, sentence: Sentence, resolver: ActorResolver | None, story: Story) -> list[Mention]:
        spans = self._qualify(sentence, self._spans(sentence, resolver))
        here = Story(Counter(story.countries), story.adm1, story.resolved)
        for span in spans:
            if len(span.places) == 1 and span.places[0].feature == "country":
                here.countries[span.places[0].iso2] += 1
        self._actor_countries(here, spans, resolver)
        found: list[Mention] = []
        for span in spans:
            supported = tuple(p for p in span.places if self._supported(span, p, here))
            place = self.gaz.best(span.key, supported, here, span.hint, span.qualifier)
            if place is None and span.places and here.countries:  # homonyms abroad yield to the story's country
                place = self._story_country(here)
            if place is None:
                continue
            role, prep, attach = self._role(sentence, span)
            if not self._plausible(sentence, span, place, here, role):
                continue
            location = self.location(place, sentence, span.lo, span.hi)
            end = max(span.hi, span.end)
            found.append(Mention(span.lo, span.hi, role, prep, attach, place, location, span.capital, end))
        return found

    def _spans(self, sentence: Sentence, resolver: ActorResolver | None) -> list[_Span]:
        spans: list[_Span] = []
        for lo, hi in self._runs(sentence):
            spans.extend(self._split(sentence, lo, hi, resolver))
        if resolver is not None:
            spans.extend(self._capital_spans(sentence, resolver))
        return sorted(spans, key=lambda s: s.lo)

    def _capital_spans(self, sentence: Sentence, resolver: ActorResolver) -> list[_Span]:
        """ "the Japanese capital", "Ukraine's capital": the capital city of the country named."""
        found: list[_Span] = []
        for t in sentence.tokens:
            if t.lemma != "capital" or t.pos != "NOUN":
                continue
            for child in sentence.kids(t, "amod", "compound", "poss", "nmod"):
                hit = resolver.hit_at.get(child.i)
                code = next((e.ref for e in hit.entries if e.kind in ("country", "adjective")), None) if hit else None
                iso2 = self.iso2.get(code or "")
                name = self.capitals.get(code or "")
                if iso2 and name:
                    places = tuple(p for p in self.gaz.lookup(name) if p.iso2 == iso2 and p.feature == "city")
                    if places:
                        found.append(_Span(t.i, t.i, norm(name), places[:1], "city", capital=True))
        return found

    def _runs(self, sentence: Sentence) -> Iterable[tuple[int, int]]:
        """Maximal runs of name tokens, joined by connectors ("Strait of Hormuz") and site words."""
        tokens = sentence.tokens
        i, n = 0, len(tokens)
        while i < n:
            if not self._name_token(tokens[i]):
                i += 1
                continue
            j = i
            while True:
                if j + 2 < n and tokens[j + 1].text == "-" and _glued(tokens, j + 1) and _glued(tokens, j + 2):
                    j += 2
                elif j + 1 < n and self._name_token(tokens[j + 1]):
                    j += 1
                elif j + 2 < n and tokens[j + 1].lower in self.words.connectors and self._name_token(tokens[j + 2]):
                    j += 2
                else:
                    break
            while j + 1 < n and tokens[j + 1].lower in self.words.site_words:
                j += 1
            yield i, j
            i = j + 1

    def _name_token(self, t: Token) -> bool:
        if not t.text[:1].isupper() or t.ent in ("NORP", "CARDINAL", "ORDINAL", "MONEY", "PERCENT"):
            return False
        if t.ent in ("DATE", "TIME") and (t.lower.rstrip(".") in calendar().months or t.lower in calendar().weekdays):
            return False
        return t.pos == "PROPN" or t.ent in _NAME_ENTS or (t.pos in ("NOUN", "ADJ") and t.i > 0)

    def _split(self, sentence: Sentence, lo: int, hi: int, resolver: ActorResolver | None) -> list[_Span]:
        """The longest known names inside a run, left to right."""
        found: list[_Span] = []
        s = lo
        tokens = sentence.tokens
        while s <= hi:
            for e in range(hi, s - 1, -1):
                if _cuts_word(tokens, s, e):
                    continue
                if self._region(sentence, s, e):  # consumed: "Central Asia" gives no "Asia"
                    s = e
                    break
                span = self._span(sentence, s, e, resolver)
                if span is not None:
                    found.append(span)
                    s = e
                    break
            s += 1
        return found

    def _span(self, sentence: Sentence, s: int, e: int, resolver: ActorResolver | None) -> _Span | None:
        tokens = sentence.tokens
        if any(tokens[k].text.islower() and tokens[k].lower in self.words.connectors for k in (s, e)):
            return None
        if s == e and tokens[s].lower in self.words.generic:
            return None
        if not tokens[s].text[:1].isalnum() or not tokens[e].text[-1:].isalnum():
            return None
        if resolver is not None and self._actor_name(resolver, s, e):
            return None
        text = sentence.text[tokens[s].start - sentence.start : tokens[e].end - sentence.start]
        key = norm(text)
        hit = resolver.hit_at.get(s) if resolver is not None else None
        capital = False
        if hit is not None and hit.lo == s and hit.hi == e:
            kinds = hit.kinds()
            if kinds & {"org", "person", "surname", "agent"} and not kinds & {"country", "capital", "seat"}:
                return None
            capital = "capital" in kinds
            country = self._kb_country(hit.entries) if not capital else None
            if country is not None:
                # "Georgia" is the country unless the story is about the US state.
                states = [p for p in self.gaz.lookup(text) if p.feature == "adm1" and p.iso2 != country.iso2]
                return _Span(s, e, key, (country, *states))
        places = tuple(self.gaz.lookup(text)[:_MAX_CANDIDATES])
        if not places:
            return None
        return _Span(s, e, key, places, self._hint(tokens, s, e), capital=capital)

    def _region(self, sentence: Sentence, s: int, e: int) -> bool:
        tokens = sentence.tokens
        return norm(sentence.text[tokens[s].start - sentence.start : tokens[e].end - sentence.start]) in self.regions

    def _actor_name(self, resolver: ActorResolver, s: int, e: int) -> bool:
        """Whether the tokens are part of the name of a person or organisation the knowledge base knows."""
        hit = resolver.hit_at.get(s)
        if hit is None or not (hit.lo <= s and e <= hit.hi):
            return False
        kinds = hit.kinds()
        return bool(kinds & {"org", "person", "surname"}) and not kinds & {"country", "capital", "seat"}

    def _kb_country(self, entries: Iterable[Any]) -> Place | None:
        code = next((en.ref for en in entries if en.kind == "country"), None)
        if code is None:
            return None
        return self.gaz.country(self.iso2.get(code) or self.gaz.iso2_of(code) or "")

    def _hint(self, tokens: list[Token], s: int, e: int) -> str:
        after = tokens[e + 1].lower if e + 1 < len(tokens) else ""
        before = tokens[s - 2].lower if s >= 2 and tokens[s - 1].lower == "of" else ""
        if after in self.words.region_words or before in self.words.region_words:
            return "adm1"
        if after in self.words.city_words or before in self.words.city_words or after in self.words.site_words:
            return "city"
        return ""

    def _qualify(self, sentence: Sentence, spans: list[_Span]) -> list[_Span]:
        """Fold "Wiesbaden, Germany" and "Paris, Texas" into one span qualified by the second name."""
        tokens = sentence.tokens
        out: list[_Span] = []
        skip = -1
        for k, span in enumerate(spans):
            if k == skip:
                continue
            nxt = spans[k + 1] if k + 1 < len(spans) else None
            if nxt is not None and nxt.lo == span.hi + 2 and tokens[span.hi + 1].text == ",":
                wider = tuple(p for p in nxt.places if p.feature in ("country", "adm1"))
                if wider and any(within(p, q) for p in span.places for q in wider):
                    out.append(_Span(span.lo, span.hi, span.key, span.places, span.hint, wider, span.capital, nxt.hi))
                    skip = k + 1
                    continue
            out.append(span)
        return out

    def _actor_countries(self, story: Story, spans: list[_Span], resolver: ActorResolver | None) -> None:
        """The countries of the sentence's own actors ("Canadian police ... in Victoria") support its places."""
        if resolver is None:
            return
        covered = {k for span in spans for k in range(span.lo, span.hi + 1)}
        for hit in resolver.hits:
            if hit.lo in covered:
                continue
            for entry in hit.entries:
                iso2 = self.iso2.get(entry.ref)
                if entry.kind in ("country", "adjective") and iso2:
                    story.countries[iso2] += 1

    def _supported(self, span: _Span, place: Place, story: Story) -> bool:
        """A town whose name other countries' places share needs support from the story to be chosen abroad:
        its country or a neighbour named, its province named, or a qualifier ("Salamanca, Chile"). Without
        support it must go by its own name (not an old or foreign one that another place bears as its own)
        and, when the story is about some country, be unambiguous: no place of that name in another
        country with a fifth of the population of the largest ("Geneva" is Geneva; "Salamanca" is not
        the Mexican or the Spanish one in a story about Kenya)."""
        if place.feature == "country" or place.curated or span.qualifier or span.capital:
            return True
        if place.iso2 in story.countries or story.resolved.get(span.key) == place.row:
            return True
        neighbours = self.gaz.info[place.iso2].neighbours if place.iso2 in self.gaz.info else ()
        if any(n in story.countries for n in neighbours) or f"{place.iso2}.{place.adm1}" in story.adm1:
            return True
        if not any(p.iso2 != place.iso2 for p in span.places):
            return True  # no place of that name elsewhere
        own = [p for p in span.places if norm(p.name) == span.key]
        if own and place not in own:
            return False
        if not story.countries:
            return True
        top = max((p.population for p in own), default=place.population)
        return not any(p.iso2 != place.iso2 and p.population * _RIVAL >= top for p in own or span.places)

    def _story_country(self, story: Story) -> Place | None:
        """The country the story is most about so far."""
        iso2 = story.countries.most_common(1)[0][0]
        return self.gaz.country(iso2)

    def _plausible(self, sentence: Sentence, span: _Span, place: Place, story: Story, role: str) -> bool:
        """Reject small towns read into names that the parser took for people or organisations."""
        if place.feature in ("country", "site") or place.curated or span.qualifier or span.hint or span.capital:
            return True
        ents = {sentence.tokens[k].ent for k in range(span.lo, span.hi + 1)}
        known = place.iso2 in story.countries or story.resolved.get(span.key) == place.row
        if ents & _NOT_PLACE_ENTS and not ents & _NAME_ENTS:
            return known or place.population >= (5000 if role in ("pp", "obj") else 100_000)
        return known or place.population >= 1000 or bool(ents & _NAME_ENTS)

    def _role(self, sentence: Sentence, span: _Span) -> tuple[str, str, int]:
        """How the name is used: object of a preposition, of a verb, of a noun ("of"), modifier, or other."""
        tokens = sentence.tokens
        j = next((k for k in range(span.lo, span.hi + 1) if not span.lo <= tokens[k].head <= span.hi), span.hi)
        first: tuple[str, str, int] | None = None
        for _ in range(8):
            t = tokens[j]
            if t.head == j:
                break
            head = tokens[t.head]
            if t.dep == "pobj" and head.lower == "of" and tokens[head.head].pos in ("NOUN", "PROPN"):
                if not self._place_noun(tokens[head.head]):
                    first = first or ("of", "of", head.head)
                j = head.head
            elif t.dep == "pobj":
                word = head.lower
                if word in self.words.locative | self.words.directional | self.words.source:
                    return first or ("pp", word, head.head)
                break
            elif t.dep in _NOMINAL_LINKS:
                if t.dep in ("compound", "nmod", "amod") and head.pos == "NOUN" and not self._place_noun(head):
                    first = first or ("mod", "", t.head)
                j = t.head
            else:
                if t.dep in ("dobj", "nsubjpass", "dative") and first is None:
                    return "obj", "", t.head
                break
        return first or ("other", "", tokens[j].head)

    def _place_noun(self, t: Token) -> bool:
        w = self.words
        return any(t.lower in group for group in (w.region_words, w.city_words, w.site_words, w.area_words))

    # -- output -----------------------------------------------------------------------------
    def location(self, p: Place, sentence: Sentence | None = None, lo: int = -1, hi: int = -1) -> Location:
        text, start, end = sentence.span_text(lo, hi) if sentence is not None and lo >= 0 else ("", -1, -1)
        country = self.codes.get(p.iso2) or (self.gaz.info[p.iso2].iso3 if p.iso2 in self.gaz.info else None)
        fips = self.fips.get(p.iso2) or (self.gaz.info[p.iso2].fips if p.iso2 in self.gaz.info else None)
        adm1 = f"{fips}{p.adm1}" if fips and p.adm1 and p.feature in ("city", "adm1") else None
        location = Location(
            name=p.name,
            country=country,
            lat=p.lat if p.feature != "country" or p.lat or p.lon else None,
            lon=p.lon if p.feature != "country" or p.lat or p.lon else None,
            adm1=adm1,
            geonames_id=p.geonames_id,
            feature=p.feature,
            fips=fips or None,
            text=text,
            start=start,
            end=end,
        )
        return replace(location, full_name=self.gaz.full_name(location))

    def remember(self, story: Story, mentions: list[Mention], resolver: ActorResolver | None) -> None:
        """Add what a sentence said to the story: its places, and the countries its actors belong to."""
        for m in mentions:
            if m.role == "other" and m.place.feature != "country":
                continue
            story.resolved.setdefault(norm(m.location.text), m.place.row)
            if m.place.iso2:
                story.countries[m.place.iso2] += 1
            if m.place.adm1:
                story.adm1.add(f"{m.place.iso2}.{m.place.adm1}")
        if resolver is None:
            return
        # A name read as another place ("Georgia" in "Atlanta, Georgia") does not bring its country in.
        covered = {k: m.place.iso2 for m in mentions for k in range(m.lo, max(m.hi, m.end) + 1)}
        for hit in resolver.hits:
            for entry in hit.entries:
                iso2 = self.iso2.get(entry.ref)
                if (
                    entry.kind in ("country", "adjective", "capital", "seat")
                    and iso2
                    and covered.get(hit.lo, iso2) == iso2
                ):
                    story.countries[iso2] += 1

    def country_of(self, name: str, context: frozenset[str]) -> str | None:
        """The country code of a place name, for actor resolution ("arrived in Yokosuka" → JPN)."""
        story = Story(countries=Counter(self.iso2.get(c) or self.gaz.iso2_of(c) or c for c in context))
        place = self.gaz.best(norm(name), self.gaz.lookup(name)[:_MAX_CANDIDATES], story)
        if place is None or not place.iso2:
            return None
        return self.location(place).country


def _under(sentence: Sentence, k: int, top: int) -> bool:
    """Whether token ``k`` lies in the subtree of token ``top``."""
    tokens = sentence.tokens
    for _ in range(len(tokens)):
        if k == top:
            return True
        if tokens[k].head == k:
            return False
        k = tokens[k].head
    return False


def _glued(tokens: list[Token], i: int) -> bool:
    """Whether token ``i`` follows the previous one with no space ("Mar-a-Lago")."""
    return i > 0 and tokens[i].start == tokens[i - 1].end


def _cuts_word(tokens: list[Token], s: int, e: int) -> bool:
    """Whether tokens ``s``..``e`` cut a hyphenated word ("Pacific" out of "Indo-Pacific")."""
    before = s >= 2 and tokens[s - 1].text == "-" and _glued(tokens, s) and _glued(tokens, s - 1)
    after = e + 2 < len(tokens) and tokens[e + 1].text == "-" and _glued(tokens, e + 1) and _glued(tokens, e + 2)
    return before or after
