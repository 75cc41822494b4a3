"""Find the names of the knowledge base in a parsed sentence.

A left-to-right longest match over the token trie: each token is looked up by its
lower-cased text and, failing that, by its lemma (so ``lawmakers`` finds
``lawmaker``). Proper names must be capitalised in the text (``US`` is a
country, ``us`` is not).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..lang import ENGLISH
from ..parse import Sentence, Token
from .kb import Entry, KnowledgeBase

# Lower-case name particles that may begin a proper name ("al-Sharaa", "bin Salman").
_PARTICLES = ENGLISH.words("name_particles")
# Regions whose name ends in a state's name or adjective: "Latin American governments" are not American.
_REGIONS = frozenset(name.lower() for name in ENGLISH.words("region_names"))


@dataclass(frozen=True, slots=True)
class Hit:
    """A knowledge-base name found at tokens ``lo``..``hi`` (inclusive)."""

    lo: int
    hi: int
    entries: tuple[Entry, ...]

    def kinds(self) -> set[str]:
        return {e.kind for e in self.entries}

    def first(self, *kinds: str) -> Entry | None:
        for entry in self.entries:
            if entry.kind in kinds:
                return entry
        return None


def find_hits(sentence: Sentence, kb: KnowledgeBase) -> list[Hit]:
    tokens = sentence.tokens
    hits: list[Hit] = []
    i = 0
    n = len(tokens)
    while i < n:
        best = _longest(tokens, i, kb.trie)
        if best is None:
            i += 1
            continue
        if not _inside_place_name(tokens, best) and not _inside_region_name(tokens, best):
            hits.append(best)
        i = best.hi + 1
    return hits


def _inside_region_name(tokens: list[Token], hit: Hit) -> bool:
    """ "Latin American", "Central America", "Pan-American": the end of a region's name is no state."""
    name = " ".join(t.lower for t in tokens[hit.lo : hit.hi + 1])
    for k in (1, 2):
        if hit.lo - k < 0:
            break
        before = [t.lower for t in tokens[hit.lo - k : hit.lo]]
        if " ".join([*before, name]) in _REGIONS or "".join([*before, name]) in _REGIONS:
            return True
    return False


def _inside_place_name(tokens: list[Token], hit: Hit) -> bool:
    """ "the South China Sea", "the Gulf of Mexico", "the Persian Gulf": a name inside the name of a
    sea, a gulf or a region (a longer location the parser tags as one) names no actor and no country."""
    lo, hi = hit.lo, hit.hi
    if tokens[lo].ent != "LOC" or any(tokens[k].ent != "LOC" for k in range(lo, hi + 1)):
        return False
    first = lo
    while first > 0 and tokens[first].ent_iob == "I":
        first -= 1
    last = hi
    while last + 1 < len(tokens) and tokens[last + 1].ent_iob == "I":
        last += 1
    rest = [t for t in (*tokens[first:lo], *tokens[hi + 1 : last + 1]) if t.pos in ("PROPN", "NOUN")]
    return bool(rest)


def _longest(tokens: list[Token], start: int, trie: dict[str, object]) -> Hit | None:
    node = trie
    found: Hit | None = None
    j = start
    while j < len(tokens):
        token = tokens[j]
        nxt = node.get(token.norm)
        if nxt is None and token.lemma != token.norm:
            nxt = node.get(token.lemma)
        if not isinstance(nxt, dict):
            break
        node = nxt
        entries = node.get("")
        if entries:
            usable = tuple(e for e in entries if _case_ok(e, tokens, start, j))  # type: ignore[attr-defined]
            if usable:
                found = Hit(start, j, usable)
        j += 1
    return found


def _case_ok(entry: Entry, tokens: list[Token], lo: int, hi: int) -> bool:
    """Proper names start with a capital ("US", not "us"); short acronyms must be in capitals ("WHO", not "Who")."""
    if not entry.proper:
        return True
    first = tokens[lo].text
    if entry.caps and not first.isupper():
        return False
    if first.islower() and first.lower() not in _PARTICLES:
        return False
    return not (entry.kind in ("person", "surname") and tokens[hi].pos not in ("PROPN", "NOUN", "ADJ", "X"))
