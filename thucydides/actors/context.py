"""Context: where a sentence happens and which state it names, for actors that do not say.

Fills in the country of a bare sector ("police") or an unknown person from the
sentence and the story; plain functions of the :class:`Reader` of the sentence.
"""

from __future__ import annotations

from functools import lru_cache

from ..lang import ENGLISH
from ..parse import Sentence, Token
from ..resources import data_path, load_yaml
from .discourse import Discourse
from .state import LOCATIVE, PLACE_ENTS, Parts, Reader

_UNPLACING = ENGLISH.words("unplacing_prepositions")


def seat_of_organisation(r: Reader, discourse: Discourse, token: Token, parts: Parts) -> bool:
    """ "Brussels said": the EU or NATO, whichever the story is about, not Belgium."""
    country = r.kb.countries.get(next((e.ref for e in r.hit_at[token.i].entries if e.kind == "capital"), ""))
    if country is None or not country.ambiguous_capital:
        return False
    orgs = r.kb.seated.get(token.norm, [])
    if not orgs:
        return False
    mentioned = [o for m in discourse.recent(r, token.i) if (o := discourse.org_of(m.actor)) in orgs]
    chosen = mentioned[0] if mentioned else orgs[0]
    parts.org = chosen
    parts.name = r.kb.describe(chosen)
    parts.how.append(f"'{token.text}' is the seat of {parts.name}")
    return True


def fill_from_context(r: Reader, token: Token, parts: Parts) -> None:
    """A bare sector ("police", "the army") gets the country where its clause happens, else the story's."""
    place = _sentence_place_country(r, token)
    if place is not None:
        parts.country = place
        parts.how.append(f"country of the place named in the sentence ({r.kb.describe(place)})")
        return
    if r.countries_seen:
        country = max(r.countries_seen.items(), key=lambda kv: kv[1])[0]
        parts.country = country
        parts.how.append(f"country of the story ({r.kb.describe(country)})")
        return
    named = _sentence_country(r, token, whole=parts.is_person)
    if named is not None:
        parts.country = named
        parts.how.append(f"the only state the sentence names ({r.kb.describe(named)})")


def fronted_place_country(r: Reader, token: Token) -> str | None:
    """The country of a place that opens the clause before ``token``: "In Caracas, the government ..."."""
    sentence = r.sentence
    assert sentence is not None
    for hit in r.hits:
        if hit.hi >= token.i:
            continue
        place_token = sentence.tokens[hit.hi]
        prep = sentence.tokens[place_token.head]
        if place_token.dep != "pobj" or prep.lower not in LOCATIVE or prep.i > hit.lo:
            continue
        verb = sentence.tokens[prep.head]
        if verb.pos in ("VERB", "AUX") and verb.i > token.i:  # the place is said of the clause the phrase opens
            entry = hit.first("capital", "country")
            if entry is not None:
                return entry.ref
    return None


def _sentence_country(r: Reader, token: Token, whole: bool = False) -> str | None:
    """The state the sentence names, when it names exactly one (by name, adjective, capital or a person) in
    the clauses of ``token`` (a state named in a clause about something else says nothing of a bare
    sector); for a person nobody introduced (``whole``), anywhere in the sentence."""
    sentence = r.sentence
    assert sentence is not None
    scope = _clauses_over(sentence, token)
    found: set[str] = set()
    for hit in r.hits:
        if hit.lo <= token.i <= hit.hi or (not whole and _clause_of(sentence, sentence.tokens[hit.hi]) not in scope):
            continue
        for entry in hit.entries[:1]:
            if entry.kind in ("country", "adjective", "capital", "seat"):
                found.add(entry.ref)
            elif entry.kind in ("person", "surname"):
                role = r.kb.people[entry.ref].role_on(r.date)
                if role is not None and role.actor in r.kb.countries:
                    found.add(role.actor)
    return found.pop() if len(found) == 1 else None


def _sentence_place_country(r: Reader, actor: Token) -> str | None:
    """The country of a place the actor's clause happens in ("In Beijing, ...", "in Kenya", "in Rafah"); a
    place said of another clause ("sentenced the bishop, a day after he refused to board a plane into
    exile in the United States") is not where the actor is. A place of the actor's own clause comes first:
    "was flown to The Hague, hours after police arrested him at Manila's airport" are Manila's police."""
    sentence = r.sentence
    assert sentence is not None
    own = _with_participles(sentence, {_clause_of(sentence, actor)})
    return _place_country_in(r, actor, own) or _place_country_in(r, actor, _clauses_over(sentence, actor))


def _place_country_in(r: Reader, actor: Token, scope: set[int]) -> str | None:
    """The country of a place said of one of the clauses ``scope`` (their verbs), if one is."""
    sentence = r.sentence
    assert sentence is not None
    for hit in r.hits:
        token = sentence.tokens[hit.hi]
        head = sentence.tokens[token.head]
        if _placing(sentence, token, actor) and _clause_of(sentence, head) in scope:
            entry = hit.first("capital", "country")
            if entry is not None:
                return entry.ref
    for token in sentence.tokens:  # "in the German city of Magdeburg", "in Pakistan's Balochistan province"
        head = sentence.tokens[token.head]
        if _placing(sentence, token, actor) and _clause_of(sentence, head) in scope:
            # an adjective names the country only of a place ("the German city"), not of a means
            # ("killed in Israeli tank shelling")
            kinds = ("country", "adjective", "capital") if token.lemma in place_nouns() else ("country", "capital")
            lo, hi = sentence.subtree(token)
            for k in range(lo, hi + 1):
                entry = r.hit_at[k].first(*kinds) if k in r.hit_at and _located(sentence, k, token) else None
                if entry is not None:
                    return entry.ref
    for token in sentence.tokens:
        head = sentence.tokens[token.head]
        if not _placing(sentence, token, actor) or _clause_of(sentence, head) not in scope:
            continue
        if token.ent in PLACE_ENTS and token.i not in r.hit_at:
            country = _place_country(r, token)
            if country is not None:
                return country
    return None


def _placing(sentence: Sentence, token: Token, actor: Token) -> bool:
    """Whether ``token`` is the object of a preposition of place that can say where the actor is: "from"
    only on the actor or a verb ("police from Kabul"), not on another noun ("in a video message from
    Paris": where the message came from)."""
    if token.dep != "pobj":
        return False
    prep = sentence.tokens[token.head]
    if prep.lower not in LOCATIVE:
        return False
    owner = sentence.tokens[prep.head]
    return not (prep.lower in _place_words("source") and owner.pos in ("NOUN", "PROPN") and owner.i != actor.i)


def _located(sentence: Sentence, k: int, phrase: Token) -> bool:
    """Whether the name at ``k`` says where the place phrase headed by ``phrase`` is: not when a preposition
    of origin, time or cause comes between them ("in a video message from Paris", "in June after a visit by
    Trump's envoy")."""
    j = k
    for _ in range(len(sentence.tokens)):
        if j == phrase.i:
            return True
        t = sentence.tokens[j]
        if t.pos == "ADP" and t.lower in _UNPLACING:
            return False
        if t.head == j:
            return False
        j = t.head
    return False


def place(r: Reader, token: Token, parts: Parts) -> None:
    """A town or region the knowledge base does not hold: its country, from the gazetteer."""
    country = _place_country(r, token)
    if country is not None:
        parts.country = country
        parts.name = parts.name or r.kb.describe(country)
        parts.how.append(f"'{token.text}' is a place in {r.kb.describe(country)}")


_NAME_DEPS = frozenset({"compound", "nmod", "poss"})


def province(r: Reader, np: set[int], parts: Parts) -> None:
    """A state, province or region that modifies the phrase ("the Borno state government", "Punjab's
    chief minister"), unknown to the knowledge base: its country, from the gazetteer's first-level
    divisions only (a town's name is too often a surname)."""
    sentence = r.sentence
    assert sentence is not None
    if r.places is None:
        return
    tokens = sentence.tokens
    for k in sorted(np):
        token = tokens[k]
        if token.pos != "PROPN" or token.dep not in _NAME_DEPS or k in r.hit_at:
            continue
        lo = k  # the name's first word: "Khyber" of "Khyber Pakhtunkhwa police"
        while lo > 0 and lo - 1 in np and tokens[lo - 1].pos == "PROPN" and tokens[lo - 1].head == k:
            lo -= 1
        if any(j in r.hit_at for j in range(lo, k)):
            continue
        name = sentence.span_text(lo, k)[0]
        country = r.places.province_of(name, frozenset(r.countries_seen))
        if country is not None:
            parts.country = country
            parts.name = parts.name or r.kb.describe(country)
            parts.how.append(f"'{name}' is a province or state of {r.kb.describe(country)}")
            return


def _clause_of(sentence: Sentence, token: Token) -> int:
    """The verb whose clause ``token`` is in (the root when none is above it)."""
    while token.pos not in ("VERB", "AUX") and token.head != token.i:
        token = sentence.tokens[token.head]
    return token.i


def _clauses_over(sentence: Sentence, token: Token) -> set[int]:
    """The verbs of the clause of ``token`` and of every clause above it, with their participle clauses
    that have no subject of their own ("were killed in tank shelling in Gaza": the shelling's place)."""
    verbs = {_clause_of(sentence, token)}
    while token.head != token.i:
        token = sentence.tokens[token.head]
        if token.pos in ("VERB", "AUX"):
            verbs.add(token.i)
    return _with_participles(sentence, verbs)


def _with_participles(sentence: Sentence, verbs: set[int]) -> set[int]:
    """The verbs with their participle clauses that have no subject of their own ("were killed in tank
    shelling in Gaza": the shelling's place is the killing's)."""
    bare = {
        clause.i
        for verb in verbs
        for clause in sentence.kids(sentence.tokens[verb], "advcl")
        if sentence.child(clause, "nsubj", "nsubjpass", "mark") is None
    }
    return verbs | bare


def _place_country(r: Reader, token: Token) -> str | None:
    if r.places is None:
        return None
    sentence = r.sentence
    assert sentence is not None
    lo = hi = token.i
    tokens = sentence.tokens
    while lo > 0 and tokens[lo].ent_iob == "I" and tokens[lo - 1].ent == token.ent:
        lo -= 1
    while hi + 1 < len(tokens) and tokens[hi + 1].ent_iob == "I":
        hi += 1
    name = sentence.span_text(lo, hi)[0]
    return r.places.country_of(name, frozenset(r.countries_seen))


@lru_cache(maxsize=1)
def place_nouns() -> frozenset[str]:
    """Nouns that name a kind of place ("city", "province", "coast"), from ``data/places/words.yaml``."""
    return _place_words("region_words", "city_words", "area_words")


@lru_cache(maxsize=8)
def _place_words(*keys: str) -> frozenset[str]:
    """Word lists of ``data/places/words.yaml``: "source" holds the prepositions of origin ("a message from
    Paris" came from there)."""
    words = load_yaml(data_path("places", "words.yaml"))
    return frozenset(str(w) for key in keys for w in words.get(key) or ())
