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
from dataclasses import replace
from typing import Any

from ..actors.resolve import ActorResolver
from ..lang import ENGLISH
from ..models import Location
from ..parse import Sentence, Token
from ..when import calendar
from .gazetteer import Gazetteer, Place, Story, norm, within
from .locate import Locator
from .mentions import Mention, Words
from .named import PlaceSpan as _Span
from .named import capital_spans, definite_spans, territory_spans
from .regions import region_names, shared_name_endings
from .support import Named, Support

_NAME_ENTS = ENGLISH.labels("place_name_entities")
_NOT_PLACE_ENTS = ENGLISH.labels("not_place_entities")
_NOMINAL_LINKS = ENGLISH.labels("nominal_links")
_MAX_CANDIDATES = 30


class Placer:
    """Finds and resolves the place names of sentences; picks the place of each event."""

    def __init__(
        self,
        gazetteer: Gazetteer,
        words: Words,
        codes: dict[str, str],
        fips: dict[str, str],
        capitals: dict[str, str] | None = None,
        country_names: Iterable[str] = (),
    ) -> None:
        self.gaz = gazetteer
        self.words = words
        self.codes = codes  # ISO2 → the knowledge base's country code
        self.iso2 = {code: iso2 for iso2, code in codes.items()}
        self.fips = fips  # ISO2 → FIPS 10-4
        self.capitals = capitals or {}  # country code → the name of its capital
        self.locator = Locator(words)
        self.support = Support(self.gaz, self.iso2)
        # "Africa", "the Pacific": regions, never towns; nor "Korea", "Congo" (the end of two countries' names)
        self.regions = region_names() | shared_name_endings(country_names)

    # -- the place of an event ------------------------------------------------------------
    def locate(self, sentence: Sentence, trigger: list[int], cameo: str, mentions: list[Mention]) -> Mention | None:
        """The place of the event whose trigger is at ``trigger``, or None when the sentence gives none."""
        return self.locator.locate(sentence, trigger, cameo, mentions)

    # -- the place names of a sentence -----------------------------------------------------
    def mentions(self, sentence: Sentence, resolver: ActorResolver | None, story: Story) -> list[Mention]:
        spans = self._qualify(sentence, self._spans(sentence, resolver))
        spans = sorted([*spans, *definite_spans(self, sentence, story)], key=lambda s: s.lo)
        here = Story(Counter(story.countries), story.adm1, story.resolved)
        for span in spans:
            if len(span.places) == 1 and span.places[0].feature == "country":
                here.countries[span.places[0].iso2] += 1
        covered = {k for span in spans for k in range(span.lo, span.hi + 1)}
        self.support.actor_countries(here, covered, resolver)
        agents = _people(resolver)
        story.people |= _surnames(sentence)
        found: list[Mention] = []
        for span in spans:
            if span.key in story.people and not (
                span.qualifier or span.hint or span.capital or span.definite or _has_country(span.places)
            ):
                continue  # "Fernando Villavicencio was shot ... Villavicencio was hit": the man, not the town
            named = Named(span.key, span.places, bool(span.qualifier) or span.capital)
            supported = tuple(p for p in span.places if self.support.supported(named, p, here))
            place = self.gaz.best(span.key, supported, here, span.hint, span.qualifier)
            if place is None and span.places and here.countries:  # homonyms abroad yield to the story's country
                place = self.support.story_country(here)
            if place is None:
                continue
            role, prep, attach = self._role(sentence, span, agents)
            if span.definite and role != "pp":
                continue
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
            spans.extend(capital_spans(self, sentence, resolver))
            spans.extend(territory_spans(self, sentence, resolver))
        return sorted(spans, key=lambda s: s.lo)

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
        if tokens[s].text.islower() and tokens[s].lower in self.words.site_words:
            return None  # "Sheremetyevo airport": the "airport" of a name is no town called Airport
        if not tokens[s].text[:1].isalnum() or not tokens[e].text[-1:].isalnum():
            return None
        if resolver is not None and self._actor_name(resolver, s, e):
            return None
        if _inside_person(tokens, s, e) or _month_day(tokens, s, e):
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
        return _Span(s, e, key, places, _hint(self.words, tokens, s, e), capital=capital)

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

    def _plausible(self, sentence: Sentence, span: _Span, place: Place, story: Story, role: str) -> bool:
        """Reject small towns read into names that the parser took for people or organisations."""
        if place.feature in ("country", "site") or place.curated or span.qualifier or span.hint or span.capital:
            return True
        ents = {sentence.tokens[k].ent for k in range(span.lo, span.hi + 1)}
        known = place.iso2 in story.countries or story.resolved.get(span.key) == place.row
        if _inside_longer_name(sentence, span.lo, span.hi):
            return known  # "Roman Catholic Bishop Rolando Álvarez": Roman, Romania, only in a Romanian story
        if ents & _NOT_PLACE_ENTS and not ents & _NAME_ENTS:
            return known or place.population >= (5000 if role in ("pp", "obj") else 100_000)
        return known or place.population >= 1000 or bool(ents & _NAME_ENTS)

    def _role(self, sentence: Sentence, span: _Span, agents: frozenset[int] = frozenset()) -> tuple[str, str, int]:
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
                elif t.dep == "poss" and t.head in agents:
                    # "Iran's commander was killed": the country a person serves, not where the act happened
                    # (but "an attack on Ukraine's energy grid" was in Ukraine)
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
            if m.place.feature in ("city", "adm1") and m.role in ("pp", "obj"):
                story.last[m.place.feature] = m.place.row
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

    def province_of(self, name: str, context: frozenset[str]) -> str | None:
        """The country of a state, province or region called ``name`` (see :func:`province_country`)."""
        return province_country(self, name, context)

    def country_of(self, name: str, context: frozenset[str]) -> str | None:
        """The country code of a place name, for actor resolution ("arrived in Yokosuka" → JPN)."""
        if norm(name) in self.regions:
            return None
        story = Story(countries=Counter(self.iso2.get(c) or self.gaz.iso2_of(c) or c for c in context))
        place = self.gaz.best(norm(name), self.gaz.lookup(name)[:_MAX_CANDIDATES], story)
        if place is None or not place.iso2:
            return None
        return self.location(place).country


def province_country(placer: Placer, name: str, context: frozenset[str]) -> str | None:
    """The country of a state, province or region called ``name`` ("Borno", "Khyber Pakhtunkhwa"), for an
    actor it modifies ("the Borno state government"); None when no first-level division has the name."""
    if norm(name) in placer.regions or norm(name) in placer.words.generic:  # "the Federal police", "the North's"
        return None
    provinces = [p for p in placer.gaz.lookup(name)[:_MAX_CANDIDATES] if p.feature == "adm1" and p.iso2]
    if not provinces:
        return None
    story = Story(countries=Counter(placer.iso2.get(c) or placer.gaz.iso2_of(c) or c for c in context))
    place = placer.gaz.best(norm(name), provinces, story, hint="adm1")
    return placer.location(place).country if place is not None else None


def _people(resolver: ActorResolver | None) -> frozenset[int]:
    """The tokens of the sentence's people and bodies of people ("commander", "Bazoum", "the ministry")."""
    if resolver is None:
        return frozenset()
    kinds = {"agent", "person", "surname", "org"}
    return frozenset(k for hit in resolver.hits if hit.kinds() & kinds for k in range(hit.lo, hit.hi + 1))


def _has_country(places: tuple[Place, ...]) -> bool:
    return any(p.feature == "country" for p in places)


def _surnames(sentence: Sentence) -> set[str]:
    """The last names of the people named in full in the sentence ("Villavicencio" of "Fernando Villavicencio")."""
    tokens = sentence.tokens
    found: set[str] = set()
    for i, t in enumerate(tokens):
        last = i + 1 == len(tokens) or tokens[i + 1].ent != "PERSON"
        if t.ent == "PERSON" and t.pos == "PROPN" and last and i > 0 and tokens[i - 1].ent == "PERSON":
            found.add(norm(t.text))
    return found


def _month_day(tokens: list[Token], s: int, e: int) -> bool:
    """Whether the tokens are a month before a day ("Aug 26"), which the tagger may miss as a date."""
    nxt = tokens[e + 1].text if e + 1 < len(tokens) else ""
    return s == e and tokens[s].lower.rstrip(".") in calendar().months and nxt[:2].isdigit()


def _inside_person(tokens: list[Token], s: int, e: int) -> bool:
    """Whether tokens ``s``..``e`` end a person's name ("Kamal" of "Asaduzzaman Khan Kamal"); not a name that
    opens one, which the tagger also calls a person ("the Manchester Arena bombing")."""
    if any(tokens[k].ent != "PERSON" for k in range(s, e + 1)):
        return False
    return s > 0 and tokens[s - 1].ent == "PERSON" and tokens[s - 1].pos == "PROPN"


def _glued(tokens: list[Token], i: int) -> bool:
    """Whether token ``i`` follows the previous one with no space ("Mar-a-Lago")."""
    return i > 0 and tokens[i].start == tokens[i - 1].end


def _cuts_word(tokens: list[Token], s: int, e: int) -> bool:
    """Whether tokens ``s``..``e`` cut a hyphenated word ("Pacific" out of "Indo-Pacific")."""
    before = s >= 2 and tokens[s - 1].text == "-" and _glued(tokens, s) and _glued(tokens, s - 1)
    after = e + 2 < len(tokens) and tokens[e + 1].text == "-" and _glued(tokens, e + 1) and _glued(tokens, e + 2)
    return before or after


def _inside_longer_name(sentence: Sentence, lo: int, hi: int) -> bool:
    """Whether tokens ``lo``..``hi`` are a part of a longer name of an organisation, a person or a people
    (the parser's entity runs on past them)."""
    tokens = sentence.tokens
    kind = tokens[lo].ent
    if kind not in _NOT_PLACE_ENTS or any(tokens[k].ent != kind for k in range(lo, hi + 1)):
        return False
    before = tokens[lo].ent_iob == "I"
    after = hi + 1 < len(tokens) and tokens[hi + 1].ent_iob == "I" and tokens[hi + 1].ent == kind
    return before or after


def _hint(words: Words, tokens: list[Token], s: int, e: int) -> str:
    """The kind of place the words around a name say it is: "Kherson region" (adm1), "the city of Kherson"."""
    after = tokens[e + 1].lower if e + 1 < len(tokens) else ""
    before = tokens[s - 2].lower if s >= 2 and tokens[s - 1].lower == "of" else ""
    if after in words.region_words or before in words.region_words:
        return "adm1"
    if after in words.city_words or before in words.city_words or after in words.site_words:
        return "city"
    return ""
