"""Features of a sentence for the event classifier: words, syntax, and what the rules found."""

from __future__ import annotations

from itertools import pairwise

from ..parse import Sentence
from .candidates import Candidate

_CONTENT = frozenset({"NOUN", "VERB", "ADJ", "ADV", "ADP", "PART", "NUM"})
_STOP = frozenset(
    {"the", "a", "an", "of", "to", "in", "on", "and", "be", "have", "'s", "that", "for", "by", "at", "as"}
)


def sentence_features(sentence: Sentence, candidates: list[Candidate]) -> list[str]:
    """String features: lemmas and bigrams, the main verb and its object, negation, rule candidates."""
    feats: list[str] = []
    words: list[str] = []
    for token in sentence.tokens:
        if token.pos == "PROPN":
            words.append(f"<{token.ent or 'PROPN'}>")
        elif token.pos in _CONTENT and token.lemma not in _STOP and token.lemma.isalpha():
            words.append(token.lemma)
        if token.dep == "neg":
            feats.append("neg")
    feats.extend(f"w:{w}" for w in words)
    feats.extend(f"b:{a}_{b}" for a, b in pairwise(words))
    feats.extend(_syntax(sentence))
    feats.extend(_candidate_features(sentence, candidates))
    return feats


def _syntax(sentence: Sentence) -> list[str]:
    root = sentence.tokens[sentence.root]
    feats = [f"root:{root.lemma}", f"rootpos:{root.pos}"]
    for child in sentence.kids(root):
        if child.dep in ("dobj", "xcomp", "ccomp", "prep", "prt", "attr", "acomp"):
            feats.append(f"root_{child.dep}:{root.lemma}_{child.lemma}")
            feats.append(f"dep:{child.dep}:{child.lemma}")
        if child.dep == "aux" and child.lower in ("will", "would", "could", "might", "may", "should", "must"):
            feats.append(f"modal:{child.lower}")
    return feats


def _candidate_features(sentence: Sentence, candidates: list[Candidate]) -> list[str]:
    if not candidates:
        return ["rules:none"]
    feats: list[str] = []
    for n, c in enumerate(candidates):
        lemma = sentence.tokens[c.trigger].lemma
        feats += [f"rule:{c.code[:2]}", f"rule3:{c.code[:3]}", f"rulelemma:{lemma}|{c.code[:2]}"]
        feats += [f"mod:{m.split(':')[0]}" for m in c.modifiers]
        if n == 0:
            feats += [f"first:{c.code[:2]}", f"first3:{c.code[:3]}", f"firstdepth:{min(c.depth, 3)}"]
            actors = ("S" if c.sources else "-") + ("T" if c.targets else "-")
            feats.append(f"firstactors:{actors}")
    return feats
