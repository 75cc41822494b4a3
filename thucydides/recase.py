"""Headlines in title case, read as sentences: "Greece Denounces Actions By Jamaica" is parsed as
"Greece denounces actions by Jamaica".

spaCy's small English model reads a capitalised word as a proper noun, so a headline that capitalises
every word ("Finland Accuses India of Trade Violations") has no verb for the coder to find. Before the
parse, a paragraph written in title case gets a copy in which the capital of every common English word
that is not part of a known name is lowered; the parser reads the copy, its tokens keep the copy's words
and its sentences the original text, from which every span is cut (the copy has the same length, so
offsets do not move).

A paragraph is in title case when, leaving aside its first word, the words of a sentence that
follows a colon or a quote, function words and names, at least ``TITLE_SHARE`` of its common words
(and at least ``TITLE_WORDS`` of them) begin with a capital and at most ``LOWER_WORDS`` do not (a
sentence that names an institution in title case has verbs and nouns of its own in lower case).
A common word is one the parser's lemmatizer tables list as an English noun, verb, adjective or
adverb, as it stands or by a regular ending ("Accuses" → "accuse"); a name is what the knowledge base
knows as a state, capital, seat of government, organisation, person or nationality, or a town or
province of the gazetteer of that name with at least ``TOWN_SIZE`` people (one that is also an English
adjective or verb, "Central" or "Split", is not); a word neither list knows is taken for a name and
keeps its capital. Function words ("of", "By", "With") are not counted, but are lowered too in a
title-case paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

from .parse import lemma_words

TITLE_SHARE = 0.75  # share of a paragraph's common words that are capitalised in title case
TITLE_WORDS = 2  # fewer capitalised common words than this is no headline ("The Hague Said")
LOWER_WORDS = 0  # more common words in lower case than this is a sentence naming a long title ("who runs the …")
TOWN_SIZE = 100_000  # gazetteer places this large keep their name's capital even when it is an English word
NAME_WORDS = 5  # the longest name looked for, in words
# kinds of knowledge-base entries that are names (agents such as "police" or "minister" are not)
# (nor is a bare surname: "Travel Ban" is no Ban Ki-moon, "Rice Prices" no Condoleezza Rice)
NAME_KINDS = frozenset({"country", "adjective", "capital", "seat", "org", "person", "code"})

_WORD = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W\d_][\w'’]*")  # "U.S." whole; a word ends before a full stop
# a regular ending and what replaces it for the base form ("accuses" → "accus"+"e", "bombings" → "bomb")
_ENDINGS = (("ies", "y"), ("es", ""), ("es", "e"), ("s", ""), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e"))


class Recaser:
    """Lowers the capitals of a title-case paragraph's common words; leaves other text as it is.

    ``vocabulary`` holds the lower-case base forms of English words; ``is_name`` says whether a
    phrase (one to ``NAME_WORDS`` words) is a known name; ``stop_words`` are the function words.
    """

    def __init__(self, vocabulary: set[str], is_name: Callable[[str], bool], stop_words: Iterable[str]) -> None:
        self.vocabulary = vocabulary
        self.is_name = is_name
        self.stop_words = frozenset(w.lower() for w in stop_words)

    def __call__(self, text: str) -> str:
        if self._lower_case(text):
            return text
        words = list(_WORD.finditer(text))
        if len(words) < TITLE_WORDS + 1:
            return text
        named = self._names(words)
        lowered: list[re.Match[str]] = []
        common = 0
        capitals = 0
        for k, match in enumerate(words):
            word = match.group()
            if k in named or self._opens_sentence(text, words, k) or (len(word) > 1 and word.isupper()):
                continue  # a name, a first word, an acronym ("NGO", "WTO"): as written, in any case
            stop = word.lower() in self.stop_words
            if not stop and not self._common(word):
                continue
            common += not stop
            if word[0].isupper():
                lowered.append(match)
                capitals += not stop
        if capitals < TITLE_WORDS or capitals < TITLE_SHARE * common or common - capitals > LOWER_WORDS:
            return text
        chars = list(text)
        for match in lowered:
            chars[match.start()] = chars[match.start()].lower()
        return "".join(chars)

    def _lower_case(self, text: str) -> bool:
        """Whether more than ``LOWER_WORDS`` common words are in lower case (prose: said at its first words)."""
        seen = 0
        for match in _WORD.finditer(text):
            word = match.group()
            if word[0].islower() and word not in self.stop_words and self._common(word):
                seen += 1
                if seen > LOWER_WORDS:
                    return True
        return False

    def _common(self, word: str) -> bool:
        lower = word.lower().replace("’", "'")
        if "'" in lower or len(lower) < 2:
            return False
        return lower in self.vocabulary or any(
            lower.endswith(end) and lower[: len(lower) - len(end)] + new in self.vocabulary
            for end, new in _ENDINGS
            if len(lower) > len(end) + 2
        )

    def _names(self, words: list[re.Match[str]]) -> set[int]:
        """Indices of the words that belong to a known name of capitalised words."""
        named: set[int] = set()
        k = 0
        while k < len(words):
            if not words[k].group()[0].isupper():
                k += 1
                continue
            for end in range(min(len(words), k + NAME_WORDS), k, -1):
                if all(w.group()[0].isupper() for w in words[k:end]) and self.is_name(
                    " ".join(w.group() for w in words[k:end])
                ):
                    named.update(range(k, end))
                    k = end
                    break
            else:
                k += 1
        return named

    @staticmethod
    def _opens_sentence(text: str, words: list[re.Match[str]], k: int) -> bool:
        """The first word, or the first after a colon, a dash or an opening quote: capitalised in any case."""
        if k == 0:
            return True
        between = text[words[k - 1].end() : words[k].start()]
        return any(mark in between for mark in (":", '"', "“", " - ", "—", "–", "?", "!"))


def english_vocabulary(nlp: Any) -> tuple[set[str], set[str]]:
    """The words the spaCy pipeline's lemmatizer tables list (``lemma_words``): all of them, and apart
    those listed other than as nouns ("central", "split", "nice"), which are never taken for places."""
    listed = lemma_words(nlp)
    words = set().union(*listed.values())
    plain = set().union(*(part for pos, part in listed.items() if pos != "noun"))
    return words, plain


def known_names(kb: Any, gazetteer: Any = None, plain: frozenset[str] = frozenset()) -> Callable[[str], bool]:
    """Whether a phrase is a name the knowledge base knows (not an agent noun such as "police"), or a
    town or first-level division of the gazetteer with at least ``TOWN_SIZE`` people of that very name
    ("Connecticut", "Garissa") whose one word is no adjective, verb or adverb of ``plain``."""
    from .actors.kb import fold, tokenize_name
    from .where.gazetteer import norm

    def is_name(phrase: str) -> bool:
        node = kb.trie
        for word in tokenize_name(phrase):
            node = node.get(fold(word))
            if node is None:
                break
        else:
            if any(e.kind in NAME_KINDS and e.proper for e in node.get("", [])):
                return True
        if gazetteer is None or phrase.lower() in plain:
            return False
        key = norm(phrase)
        return any(
            p.feature in ("city", "adm1") and p.population >= TOWN_SIZE and norm(p.name) == key
            for p in gazetteer.lookup(phrase)
        )

    return is_name


def read_headlines(parser: Any, kb: Any, gazetteer: Any = None) -> None:
    """Have a spaCy parser read title-case paragraphs as sentences (a parser without the hook, or whose hook
    is already set, is left as it is)."""
    if getattr(parser, "recase", True) is not None or not hasattr(parser, "nlp"):
        return
    from spacy.lang.en.stop_words import STOP_WORDS

    words, plain = english_vocabulary(parser.nlp)
    parser.recase = Recaser(words, known_names(kb, gazetteer, frozenset(plain)), STOP_WORDS)
