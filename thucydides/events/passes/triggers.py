"""Pass ``triggers``: every verb, event noun and predicate adjective the lexicon knows.

Each match becomes a candidate with its source and target tokens; a light verb
whose object is an event noun ("held talks") gives way to the noun.
"""

from __future__ import annotations

from ...doc import Doc
from ...lang import ENGLISH
from ...parse import Sentence, Token
from ..candidates import Candidate
from ..control import Control
from ..grammar import ADDRESSED_ROOTS, addressed, default_source, default_target, light_governor
from ..lexicon import Lexicon
from ..match import Match, Matcher, is_passive

_VERBAL_DEPS = ENGLISH.labels("verbal")
_LOCATIVE_PREPS = ENGLISH.words("place_target_prepositions")
_PLACE_CODES = frozenset({"042", "043", "044", "192", "191", "1382", "1381"})
_ADJECTIVE_DEPS = ENGLISH.labels("predicative_adjective")
_NAMING = ENGLISH.words("naming_verbs")
_AIMING = ENGLISH.words("aiming_verbs")


class Triggers:
    name = "triggers"

    def __init__(self, lexicon: Lexicon, control: Control) -> None:
        self.control = control
        self.matcher = Matcher(lexicon, frozenset(name for name, _code in control.verdicts))

    def apply(self, doc: Doc, sentence: Sentence, candidates: list[Candidate]) -> list[Candidate]:
        matches = self.kept(doc, sentence)
        absorbed = self._light_verbs(sentence, matches)
        aimed = aims(sentence, matches)
        found = [self._candidate(sentence, m, aimed.get(i)) for i, m in matches.items() if i not in absorbed]
        return [*candidates, *found]

    def kept(self, doc: Doc, sentence: Sentence) -> dict[int, Match]:
        """``matches(sentence)``, made once per sentence and kept on the document for whoever reads them next
        (the learned layer proposes its triggers from them)."""
        known: dict[int, tuple[Sentence, dict[int, Match]]] = doc.layers.setdefault(self.name, {})
        seen = known.get(sentence.index)
        if seen is not None and seen[0] is sentence:
            return seen[1]
        found = self.matches(sentence)
        known[sentence.index] = (sentence, found)
        return found

    def matches(self, sentence: Sentence) -> dict[int, Match]:
        """The best pattern at each token; a noun a pattern needed as its object is part of that event."""
        found: dict[int, Match] = {}
        for token in sentence.tokens:
            pos = position(token)
            if pos is None or (pos == "noun" and token.dep == "compound"):
                continue
            best = self.matcher.best(sentence, token, pos)
            if best is None and pos == "adjective" and token.dep in _VERBAL_DEPS:
                best = self.matcher.best(sentence, token, "verb")
            if best is None and pos == "verb" and _felt(sentence, token):
                # "was deeply disappointed by Canberra's decision": a feeling, tagged as a passive verb
                best = self.matcher.best(sentence, token, "adjective")
            if best is not None and _names_one(sentence, token, best):
                continue  # "called Denmark's prime minister nasty": naming someone, not calling them
            if best is not None:
                found[token.i] = best
        consumed = {k for m in found.values() for k in m.consumed}  # "called for talks"
        consumed |= {participle for participle, _aimed in aims(sentence, found).values()}
        return {i: m for i, m in found.items() if i not in consumed}

    def _light_verbs(self, sentence: Sentence, matches: dict[int, Match]) -> set[int]:
        """Light verbs whose object is an event noun give way to it."""
        absorbed: set[int] = set()
        for i, found in matches.items():
            if found.pattern.pos != "noun":
                continue
            governor = light_governor(sentence, sentence.tokens[i], self.control)
            if governor is not None and governor.i in matches:
                absorbed.add(governor.i)
        return absorbed

    def _candidate(self, sentence: Sentence, found: Match, aimed: tuple[int, int] | None = None) -> Candidate:
        """The candidate of a match; ``aimed``: a participle that says whom the act is aimed at, and that one."""
        pattern = found.pattern
        token = sentence.tokens[found.trigger]
        if found.source is not None:
            sources = [found.source]
        elif pattern.pos == "adjective" and token.pos == "VERB":
            sources = _feeler(sentence, token)
        else:
            sources = self._source(sentence, token, pattern.pos)
        if found.target is not None:
            targets = [found.target]
        elif found.source is not None:
            targets = self._source(sentence, token, pattern.pos)
        else:
            targets = default_target(
                sentence,
                token,
                pattern.pos,
                set(sources),
                self.control,
                set(found.consumed),
                appeal=pattern.code[:2] in ADDRESSED_ROOTS,
            )
        reason = f"'{token.text}' matches the {pattern.pos} pattern '{pattern.text}' → {pattern.code}"
        if aimed is not None and found.target is None:
            participle, whom = aimed
            targets = [whom]
            reason += f"; aimed at '{sentence.tokens[whom].text}' ('{sentence.tokens[participle].text}')"
        speech = token.lemma in self.control.speech and pattern.code[:2] == "01"
        if speech and found.target is None and not addressed(sentence, token):
            targets = []  # what was said is not whom it was said to
        return Candidate(
            trigger=token.i,
            first=found.first,
            last=token.i,
            code=pattern.code,
            source_tokens=sources,
            target_tokens=targets,
            rule=f"{pattern.origin}: {pattern.pos} '{pattern.text}'",
            reason=reason,
            specificity=pattern.specificity,
            place_target=found.target_prep in _LOCATIVE_PREPS or pattern.code in _PLACE_CODES,
            speech=speech,
            matched=found.consumed,
        )

    def _source(self, sentence: Sentence, token: Token, pos: str) -> list[int]:
        return default_source(sentence, token, pos, self.control)


def _names_one(sentence: Sentence, token: Token, found: Match) -> bool:
    """A verb of naming with an object and what it is called ("called him a liar", "called Denmark's prime
    minister nasty", "calls the reef Xianbin Jiao") matched by a pattern of one bare object: that pattern
    reads the verb's other sense ("called Ardern on Friday": telephoned)."""
    slots = found.pattern.slots
    if token.lemma not in _NAMING or len(slots) != 1 or slots[0].prep is not None:
        return False
    if sentence.child(token, "dobj") is None:
        return False
    return any(k.pos in ("ADJ", "NOUN", "PROPN") for k in sentence.kids(token, "oprd", "acomp", "xcomp", "ccomp"))


def aims(sentence: Sentence, found: dict[int, Match]) -> dict[int, tuple[int, int]]:
    """ "announced new sanctions on Russia, targeting banks", "launched air strikes targeting Hezbollah commanders",
    "a campaign aimed at foreign media": a participle of aiming (``aiming_verbs``) that describes an act (its
    head, or its head's object) says whom that act is aimed at, and is no act of its own. Maps the act's token
    to (the participle, whom it is aimed at)."""
    out: dict[int, tuple[int, int]] = {}
    for token in sentence.tokens:
        if token.lemma not in _AIMING or token.dep not in ("acl", "advcl") or token.head == token.i:
            continue
        at = next((p for p in sentence.kids(token, "prep") if p.lower == "at"), None)
        aimed = sentence.child(token, "dobj") or (sentence.child(at, "pobj") if at is not None else None)
        if aimed is None:
            continue
        head = sentence.tokens[token.head]
        acts = [head, *sentence.kids(head, "dobj")] if token.dep == "advcl" else [head]
        if token.dep == "acl" and head.dep == "dobj" and head.i not in found:  # "imposed controls targeting"
            acts.append(sentence.tokens[head.head])
        act = next((a for a in acts if a.i in found and a.i != token.i), None)
        if act is not None:
            out[act.i] = (token.i, aimed.i)
    return out


def _felt(sentence: Sentence, token: Token) -> bool:
    """A participle that may say a feeling: "was disappointed by", "it was deeply troubled by"."""
    return is_passive(sentence, token) or (token.tag == "VBN" and token.dep == "acomp")


def _feeler(sentence: Sentence, token: Token) -> list[int]:
    """Who feels what a participle says: its passive subject, or the subject of the verb it completes
    ("Chile said it was disappointed by Peru's move": it), never the "by" phrase it is felt at."""
    felt = [k.i for k in sentence.kids(token, "nsubjpass")]
    if felt or token.dep != "acomp" or token.head == token.i:
        return felt
    return [k.i for k in sentence.kids(sentence.tokens[token.head], "nsubj", "nsubjpass")]


def position(token: Token) -> str | None:
    """Which part of the lexicon may match ``token``: verb, noun or adjective patterns."""
    if token.pos == "VERB":
        return "verb"
    if token.pos in ("NOUN", "PROPN"):
        return "noun"
    if token.pos == "ADJ" and token.dep in _ADJECTIVE_DEPS:
        return "adjective"
    return None
