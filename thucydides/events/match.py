"""Match lexicon patterns against a trigger token and its dependents."""

from __future__ import annotations

from dataclasses import dataclass

from ..lang import ENGLISH
from ..parse import Sentence, Token, hyphenated_verbs
from .lexicon import Lexicon, Pattern, Slot

_OBJECT_DEPS = ENGLISH.label_list("objects")
_PREP_DEPS = ENGLISH.labels("preposition_holders")
_PASSIVE_DEPS = ENGLISH.labels("passive")
_MODIFIER_DEPS = ENGLISH.label_list("noun_modifiers")
_PARTITIVES = ENGLISH.words("partitive_nouns")
_CONTAINERS = ENGLISH.words("container_nouns")
_CONTAINER_LINKS = ENGLISH.words("container_links")
# "ordered the ambassador to leave", "gave the diplomats 72 hours to leave": a pattern's "out"
_LEAVING = ENGLISH.words("leaving_verbs")
_JOINING_PREPOSITIONS = ENGLISH.words("joining_prepositions")
_CESSATION = ENGLISH.words("cessation_verbs")  # "stop fighting": the gerund is what is stopped
_MOTION = ENGLISH.words("motion_verbs")  # "stop in Paris" is a stop, "stopped the van in Paris" is not


@dataclass(frozen=True, slots=True)
class Match:
    pattern: Pattern
    trigger: int
    first: int
    target: int | None
    source: int | None
    target_prep: str | None
    consumed: tuple[int, ...] = ()
    score: int = 0


def is_passive(sentence: Sentence, token: Token) -> bool:
    return any(sentence.tokens[c].dep in _PASSIVE_DEPS for c in token.children)


def word_forms(sentence: Sentence, token: Token) -> set[str]:
    """The forms a lexicon word may take to match ``token``.

    Its lemma and text; joined with the compounds and adjectives before it
    ("humanitarian_aid", "air_defence"); and hyphenated words put back together
    ("cease-fire" → "ceasefire", "cease-fire", "cease_fire").
    """
    bases = {token.lemma, token.lower}
    forms = set(bases)
    tokens = sentence.tokens
    k = token.i
    if k >= 2 and tokens[k - 1].text in ("-", "\u2010") and tokens[k - 1].start + 1 == token.start:
        prev = tokens[k - 2].lower
        for base in bases:
            forms.update({f"{prev}{base}", f"{prev}-{base}", f"{prev}_{base}"})
    left = sorted(
        (tokens[c] for c in token.children if c < token.i and tokens[c].dep in _MODIFIER_DEPS),
        key=lambda t: t.i,
    )
    for mod in left:
        for base in bases:
            forms.add(f"{mod.lower}_{base}")
            forms.add(f"{mod.lemma}_{base}")
    if len(left) >= 2:
        words = "_".join(m.lower for m in left)
        forms.add(f"{words}_{token.lemma}")
        forms.add(f"{words}_{token.lower}")
    for prep in token.children:  # "an act of aggression", "crimes against humanity"
        if tokens[prep].dep == "prep" and tokens[prep].lower in _JOINING_PREPOSITIONS:
            for obj in sentence.kids(tokens[prep], "pobj"):
                for base in bases:
                    forms.add(f"{base}_{tokens[prep].lower}_{obj.lemma}")
                    forms.add(f"{base}_{tokens[prep].lower}_{obj.lower}")
    return forms


def _member_length(forms: set[str], words: frozenset[str]) -> int:
    """How many words the longest matching class member has: "humanitarian_aid" beats "aid"."""
    return max((f.count("_") + 1 for f in forms & words), default=0)


class Matcher:
    """Matches the lexicon's patterns at a trigger. ``judging`` names the classes of words that judge
    (the verdict class, ``pejorative``): an adjective of such a class makes the noun it qualifies a
    member ("called the raid an authoritarian act", "a hostile outpost")."""

    def __init__(self, lexicon: Lexicon, judging: frozenset[str] = frozenset()) -> None:
        self.lexicon = lexicon
        self.judging = frozenset(f"{{{name}}}" for name in judging)

    def _forms(self, sentence: Sentence, token: Token, slot: Slot) -> set[str]:
        forms = word_forms(sentence, token)
        if token.ent:
            forms.add(f"<{token.ent.lower()}>")  # a class may hold kinds of names: "<PERSON>" is any person's name
        if token.pos == "PROPN":  # "sank the warship Cheonan": a name with the noun of what it names
            for kind in sentence.kids(token, "compound"):
                if kind.pos == "NOUN":
                    forms |= word_forms(sentence, kind)
        if token.lemma in _PARTITIVES or token.pos == "NUM":  # "most of the town", "six of its diplomats"
            for of in sentence.kids(token, "prep"):
                if of.lower == "of":
                    for obj in sentence.kids(of, "pobj"):
                        forms |= word_forms(sentence, obj)
        if token.lemma in _CONTAINERS or token.lower in _CONTAINERS:
            forms = _contents(sentence, token) or forms  # what it holds says more than "package"
        if slot.label in self.judging:
            for mod in sentence.kids(token, "amod", "conj"):
                if (mod.pos == "ADJ" and mod.i < token.i) or mod.dep == "conj":
                    forms |= {mod.lemma, mod.lower}
        return forms

    def best(self, sentence: Sentence, token: Token, pos: str) -> Match | None:
        candidates = self.lexicon.lookup(pos, token.lemma)
        if token.lower != token.lemma:
            candidates = candidates + self.lexicon.lookup(pos, token.lower)
        for key in hyphen_keys(token):  # "test-fired": test_fire, testfire, or the fire of "test fire"
            candidates = candidates + self.lexicon.lookup(pos, key)
        best: Match | None = None
        best_score = float("-inf")
        particles = {p.lower for p in sentence.kids(token, "prt")}
        for order, pattern in enumerate(candidates):
            found = self.match(sentence, token, pattern)
            if found is None:
                continue
            score = (pattern.specificity * 10 + found.score) * 10000 - order
            if particles and not any(slot.prep in particles for slot in pattern.slots):
                # "shot down five jets" is a phrasal verb of its own: a pattern that names the particle
                # ("shoot down *") fits better than one of the bare verb ("shoot {military_target}")
                score -= 1_000_000
            if score > best_score:
                best, best_score = found, score
        return best

    def match(self, sentence: Sentence, token: Token, pattern: Pattern) -> Match | None:
        first = self._trigger_start(sentence, token, pattern)
        if first is None:
            return None
        if pattern.pos == "verb" and token.lemma in _MOTION and self._carries(sentence, token, pattern):
            return None  # "stopped the school van in Mingora" is no stop in Mingora
        used: set[int] = set()
        consumed: list[int] = []
        holders = [token]
        target: int | None = None
        source: int | None = None
        target_prep: str | None = None
        score = 0
        passive = pattern.pos == "verb" and is_passive(sentence, token)
        for slot in pattern.slots:
            if slot.prep is None:
                filler = self._object(sentence, token, slot, used, passive)
                if filler is None and slot.role == "target":
                    score -= 5  # "visit *" still matches "he visited", but below patterns that fit better
                    continue
                if filler is None:
                    return None
            else:
                prep = self._prep(sentence, holders, slot.prep, used)
                if prep is None:
                    return None
                used.add(prep.i)
                if slot.role == "":
                    consumed.append(prep.i)  # "call for": whom the act is for is looked for in what it is for
                    continue
                filler = self._prep_object(sentence, prep, slot, token, used)
                if filler is None:
                    return None
            used.add(filler)
            holders.append(sentence.tokens[filler])
            if slot.role == "target":
                target, target_prep = filler, slot.prep
            elif slot.role == "source":
                source = filler
            else:
                consumed.append(filler)
                score += _member_length(word_forms(sentence, sentence.tokens[filler]), slot.words)
        return Match(pattern, token.i, first, target, source, target_prep, tuple(consumed), score)

    @staticmethod
    def _carries(sentence: Sentence, token: Token, pattern: Pattern) -> bool:
        """Whether a verb of going has an object its pattern has no slot for: another sense of the verb."""
        return not any(s.prep is None for s in pattern.slots) and bool(sentence.kids(token, "dobj"))

    def _trigger_start(self, sentence: Sentence, token: Token, pattern: Pattern) -> int | None:
        need = pattern.trigger[:-1]
        if not need:
            return token.i
        if "-" in token.lower and tuple(_hyphen_base(token).split("-")[:-1]) == need:
            return token.i  # "test-fired" is the whole of "test_fire"
        k = token.i - 1
        for word in reversed(need):
            while k >= 0 and (sentence.tokens[k].text in ("-", "\u2010") or _inserted(sentence, token, k, word)):
                k -= 1
            if k < 0:
                return None
            t = sentence.tokens[k]
            if word not in (t.lower, t.lemma):
                return None
            k -= 1
        return k + 1

    def _objects(self, sentence: Sentence, token: Token, passive: bool) -> list[Token]:
        objs = [sentence.tokens[c] for c in token.children if sentence.tokens[c].dep in _OBJECT_DEPS]
        if passive:
            objs = [sentence.tokens[c] for c in token.children if sentence.tokens[c].dep == "nsubjpass"] + objs
        if token.dep in ("acl",) and token.tag == "VBN":
            objs.append(sentence.tokens[token.head])
        # "called the cooperation a threat": spaCy sometimes makes the second object a ccomp/xcomp
        for c in token.children:
            child = sentence.tokens[c]
            if child.dep in ("ccomp", "xcomp") and child.pos in ("NOUN", "PROPN"):
                objs.append(child)
                objs.extend(sentence.kids(child, "nsubj"))
        return objs

    def _object(self, sentence: Sentence, token: Token, slot: Slot, used: set[int], passive: bool) -> int | None:
        objects = self._objects(sentence, token, passive)
        if slot.role == "match" and token.lemma in _CESSATION:
            objects += gerunds(sentence, token)  # "agreed to stop fighting", "urged Caracas to stop attacking"
        for obj in objects:
            if obj.i in used:
                continue
            if slot.role == "match" and not (self._forms(sentence, obj, slot) & slot.words):
                continue
            return obj.i
        return None

    def _prep(self, sentence: Sentence, holders: list[Token], word: str, used: set[int]) -> Token | None:
        """The preposition ``word`` on the trigger, on a word matched before it, or where spaCy misattaches it."""
        for holder in self._prep_holders(sentence, holders):
            for c in holder.children:
                child = sentence.tokens[c]
                if c in used or child.dep not in _PREP_DEPS or sentence.says_when(child):
                    continue  # "agreed on Friday" is no "agree on"
                if child.lower == word or child.lemma == word:
                    return child
        for holder in holders[1:]:  # "sent supplies and personnel such as doctors to Nepal": the parser hangs
            lo, hi = sentence.subtree(holder)  # the phrase on the last noun of the object
            for k in range(hi, lo - 1, -1):
                child = sentence.tokens[k]
                if k in used or child.dep != "prep" or child.lower != word or sentence.says_when(child):
                    continue
                if _in_noun_phrase(sentence, child, holder):
                    return child
        return _leaving(sentence, holders[0], used) if word == "out" else None

    def _prep_holders(self, sentence: Sentence, holders: list[Token]) -> list[Token]:
        token = holders[0]
        out = list(reversed(holders))
        out.extend(sentence.kids(token, "dobj", "prt"))
        for h in holders:
            out.extend(sentence.kids(h, "prep", "prt"))
        if token.pos in ("NOUN", "PROPN") and token.dep in ("dobj", "attr", "nsubjpass", "pobj"):
            out.append(sentence.tokens[token.head])
        return out

    def _prep_object(self, sentence: Sentence, prep: Token, slot: Slot, trigger: Token, used: set[int]) -> int | None:
        objs = sentence.kids(prep, "pobj", "pcomp", "dobj")
        if prep.dep == "dative" and not objs and prep.pos in ("PROPN", "NOUN"):
            objs = [prep]
        if not objs:  # "described the move as legally baseless": the parser hangs the adjective on "as"
            objs = [k for k in sentence.kids(prep, "amod", "acomp") if k.pos == "ADJ"]
        if prep.dep == "prt" and not objs:
            # a particle's "object" is the verb's direct object: "called up reservists", "ruled out talks"
            objs = [o for o in self._objects(sentence, trigger, is_passive(sentence, trigger)) if o.i not in used]
        for obj in objs:
            if slot.role == "match":
                forms = self._forms(sentence, obj, slot)
                if obj.dep == "pcomp":
                    forms |= {f for o in sentence.kids(obj, "dobj") for f in word_forms(sentence, o)}
                if not (forms & slot.words):
                    continue
            return obj.i
        return None


def _inserted(sentence: Sentence, noun: Token, k: int, word: str) -> bool:
    """Whether the word at ``k`` is a modifier of the noun ``noun`` that sits inside one of the lexicon's terms
    of several words without being part of it: "joint *maritime* patrols" for ``joint_patrol``."""
    t = sentence.tokens[k]
    if noun.pos != "NOUN" or t.head != noun.i or t.dep not in ("amod", "compound") or word in (t.lower, t.lemma):
        return False
    return any(sentence.tokens[j].lower == word or sentence.tokens[j].lemma == word for j in range(max(0, k - 3), k))


def _in_noun_phrase(sentence: Sentence, token: Token, top: Token) -> bool:
    """Whether ``token`` hangs from ``top`` through nouns, their conjuncts and prepositions only, never through
    a verb or a clause ("supplies and personnel such as doctors *to* Nepal", not "forces that it called *from*")."""
    j = token.head
    for _ in range(6):
        if j == top.i:
            return True
        t = sentence.tokens[j]
        if t.pos in ("VERB", "AUX") or t.dep in ("relcl", "acl", "ccomp", "advcl") or t.head == j:
            return False
        j = t.head
    return False


def gerunds(sentence: Sentence, token: Token) -> list[Token]:
    """The gerunds that complement a verb as its object would ("stop *fighting*", "halt *shelling* the
    town"): an -ing verb after it that the parser hangs on it as a complement, with no "to" and no subject."""
    out: list[Token] = []
    for k in token.children:
        verb = sentence.tokens[k]
        if verb.dep not in ("xcomp", "ccomp", "dobj") or verb.tag != "VBG" or verb.i < token.i:
            continue
        if any(sentence.tokens[c].dep in ("aux", "mark", "nsubj", "nsubjpass") for c in verb.children):
            continue
        out.append(verb)
    return out


def _leaving(sentence: Sentence, trigger: Token, used: set[int]) -> Token | None:
    """An infinitive of leaving that the trigger's object is told to do: "ordered the ambassador *to leave*
    (the country)", "gave the diplomats 72 hours *to leave*" -- what a pattern writes as "order * out". One's
    own people told to leave ("ordered its troops to leave the capital") are withdrawn, not expelled."""
    told = [sentence.tokens[c] for c in trigger.children if sentence.tokens[c].dep in _OBJECT_DEPS]
    if any(sentence.tokens[k].dep == "poss" and sentence.tokens[k].pos == "PRON" for o in told for k in o.children):
        return None
    places = [trigger, *(sentence.tokens[c] for c in trigger.children if sentence.tokens[c].dep == "npadvmod")]
    for holder in places:
        for c in holder.children:
            verb = sentence.tokens[c]
            if c in used or verb.lemma not in _LEAVING or verb.dep not in ("xcomp", "ccomp", "advcl", "relcl"):
                continue
            if any(sentence.tokens[k].dep == "aux" and sentence.tokens[k].lower == "to" for k in verb.children):
                return verb
    return None


def _contents(sentence: Sentence, token: Token) -> set[str]:
    """The forms of what a load holds: "a package including two Patriot launchers and 25 tanks",
    "a shipment of arms", "a package that includes air defence systems"."""
    links = [
        k
        for k in sentence.kids(token, "prep", "acl", "relcl")
        if k.lemma in _CONTAINER_LINKS or k.lower in _CONTAINER_LINKS
    ]
    forms: set[str] = set()
    for link in links:
        for held in sentence.kids(link, "pobj", "dobj"):
            for item in [held, *sentence.kids(held, "conj")]:
                forms |= word_forms(sentence, item)
    return forms


def _hyphen_base(token: Token) -> str:
    return hyphenated_verbs().get(token.lower, token.lemma)


def hyphen_keys(token: Token) -> list[str]:
    """Lexicon keys for a hyphenated verb kept as one token: its base form written whole
    ("reopen"), and the last part, for patterns that spell the first part out ("test_fire")."""
    if "-" not in token.lower or token.lower not in hyphenated_verbs():
        return []
    base = _hyphen_base(token)
    return [k for k in (base, base.replace("-", ""), base.rsplit("-", 1)[1]) if k not in (token.lemma, token.lower)]
