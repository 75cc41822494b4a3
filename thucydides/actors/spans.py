"""The text of a coded actor: the span of its noun phrase and the :class:`Actor` built from its parts."""

from __future__ import annotations

from ..lang import ENGLISH
from ..models import Actor
from ..parse import TIME_ENTITIES, Sentence, Token
from .state import MAX_SECTORS, NAME_ENDS, PERSON_NOUNS, SPAN_EXCLUDE, Parts, Reader

TRAVELLER_NOUNS = ENGLISH.words("traveller_nouns")


def build(r: Reader, token: Token, parts: Parts) -> Actor:
    sentence = r.sentence
    assert sentence is not None
    sectors = list(parts.sectors)
    if parts.org and not parts.person:
        org = r.kb.organisations.get(parts.org)
        armed = org is not None and org.type == "IMG"
        sectors = list(org.sector) if armed and org is not None else [s for s in sectors if s != "GOV"]
    sectors = sectors[:MAX_SECTORS]
    group = None
    own: tuple[str, ...] = ()
    if parts.org:
        org = r.kb.organisations.get(parts.org)
        group = org.group if org is not None else parts.org[-3:]
        base = parts.org
        country = org.country if org is not None else None
        own = org.sector if org is not None else ()
    else:
        base = parts.country or ""
        country = parts.country
    code = base + "".join(s for s in sectors if not base.endswith(s) and s not in own)
    lo, hi = span(r, token.i)
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
        passes=tuple(parts.passes),
        entity_id=entity,
    )


def uncoded(r: Reader, i: int) -> Actor | None:
    """The noun phrase at ``i`` as an actor the knowledge base does not know: no code, but its span."""
    sentence = r.sentence
    assert sentence is not None
    lo, hi = span(r, i)
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


def span(r: Reader, i: int) -> tuple[int, int]:
    """Token range of the noun phrase headed by ``i``: its subtree without clauses and conjuncts."""
    sentence = r.sentence
    assert sentence is not None
    lo = hi = i
    stack = [i]
    name = r.hit_at.get(i)
    while stack:
        k = stack.pop()
        lo, hi = min(lo, k), max(hi, k)
        for c in sentence.tokens[k].children:
            child = sentence.tokens[c]
            # "Gul Rahman, a militant": a description after a comma; "Prime Minister Theresa May": the name
            described = child.dep == "appos" and sentence.tokens[k].pos == "PROPN" and _after_comma(sentence, k, child)
            # a name ends before where and when: "met Trump in Washington on Tuesday"
            after_name = (
                k == i and name is not None and child.dep == "prep" and c > name.hi and child.lower in NAME_ENDS
            )
            if (
                child.dep not in SPAN_EXCLUDE
                and not described
                and not after_name
                and not _person_of_place(sentence, sentence.tokens[k], child)
                and not _of_a_deed(sentence, child)
                and not _clausal_modifier(sentence, child)
                and not _when(sentence, child)
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


def _of_a_deed(sentence: Sentence, child: Token) -> bool:
    """ "accused Cambodian troops of laying mines": a preposition over a gerund tells a deed, never part of
    the actor's name (the parser hangs it on the noun before it)."""
    return child.dep == "prep" and any(k.pos == "VERB" and k.tag == "VBG" for k in sentence.kids(child, "pcomp"))


def _person_of_place(sentence: Sentence, head: Token, child: Token) -> bool:
    """ "the visit to Japan of the US defence secretary": a place named is never "of" a person; the parser's
    "of" on the place belongs to the noun before it."""
    if child.dep != "prep" or child.lower != "of" or head.ent not in ("GPE", "LOC") or head.pos != "PROPN":
        return False
    return any(o.ent == "PERSON" or o.pos == "PRON" for o in sentence.kids(child, "pobj"))


def _clausal_modifier(sentence: Sentence, token: Token) -> bool:
    """A clause hanging off a noun ("the decision to recognise ...", "the suggestion that ..."): not in its span."""
    if token.dep != "acl":
        return False
    return any(sentence.tokens[k].dep in ("aux", "mark", "nsubj") for k in token.children) or token.tag in (
        "VB",
        "VBZ",
        "VBP",
    )


def _after_comma(sentence: Sentence, k: int, child: Token) -> bool:
    """Whether a comma stands between token ``k`` and its dependent ``child``."""
    lo, hi = (k, child.i) if k < child.i else (child.i, k)
    return any(sentence.tokens[j].text == "," for j in range(lo + 1, hi))


def _when(sentence: Sentence, child: Token) -> bool:
    """A time said of the actor's act, not part of its name: "Hamilton Mourao on Tuesday", "17 July 2017
    Russia's Supreme Court", "Hours earlier Maduro"."""
    if child.ent in TIME_ENTITIES or child.lower in _TIME_MODIFIERS:
        return True
    return child.dep == "prep" and sentence.says_when(child)


_TIME_MODIFIERS = frozenset({"earlier", "later"})


def traveller_of(sentence: Sentence, noun: Token) -> Token | None:
    """Who makes a journey named by a noun with "of": "the visit of the US defence secretary", and "the visit to
    Japan of the US defence secretary", where the parser hangs the "of" on the place gone to (as ``span`` knows:
    a place is never "of" a person). Not "a visit of three days", nor "the visit to the Republic of Korea"."""
    if noun.lemma not in TRAVELLER_NOUNS:
        return None
    preps = sentence.kids(noun, "prep")
    for prep in preps:
        obj = sentence.child(prep, "pobj") if prep.lower == "of" else None
        if obj is not None and _someone(obj):
            return obj
    places = [o for p in preps if p.lower in ("to", "in") for o in sentence.kids(p, "pobj")]
    for place in places:
        for prep in sentence.kids(place, "prep"):
            if _person_of_place(sentence, place, prep):
                return sentence.child(prep, "pobj")
    return None


def _someone(token: Token) -> bool:
    """Whether a noun names an actor who can travel: a name, a pronoun, or a noun of a person."""
    return token.pos in ("PROPN", "PRON") or token.ent in _ACTOR_ENTITIES or token.lemma in PERSON_NOUNS


_ACTOR_ENTITIES = frozenset({"PERSON", "ORG", "NORP"})
