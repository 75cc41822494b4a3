"""Arbitration between the rules and the learned layer, one sentence at a time, in the open.

Three coders share the rules' candidates:

- ``rules``: the lexicon and the parse alone (with the linear statistical layer of ``events/model.py``);
- ``hybrid`` (the default): the learned layer checks the rules' main event. When both put the sentence in
  the same coarse class the event is the rules', confirmed ("both"); when a confident model prefers another
  class, a rule event of that class moves first, or failing that the model adds its own event; when the
  rules found nothing where the parse proposes an event, a confident model adds one. The model's
  source/target tags fill a role the rules left empty and replace a target the rules chose elsewhere;
- ``model``: the learned layer decides the class and the arguments; the rules give the finer code, the
  trigger and the actor codes where they agree.

Every candidate carries which layer produced its code, source and target (``rules``, ``model``, ``both``),
the model's probability and the factuality it assigns; :class:`~thucydides.models.Explanation` shows them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

import numpy as np

from ..events.candidates import Candidate
from ..events.grammar import depth, verb_keys
from ..events.roles import clause_candidate
from ..events.taxonomy import FIVE_CLASS_NAMES, five_class
from ..parse import Sentence, Token
from .runtime import NeuralModel, Prediction, spans

if TYPE_CHECKING:
    from ..actors.resolve import ActorResolver
    from ..events.control import Control
    from ..events.match import Match
    from ..models import Actor


class Proposer(Protocol):
    """What proposes triggers: the ``triggers`` pass (its lexicon matches, by token index)."""

    def matches(self, sentence: Sentence) -> dict[int, Match]: ...


MODEL_NAME = "model: events.onnx (MiniLM, lowest 3 layers, fine-tuned)"
# why the hybrid coder finds, but does not emit, an act that only a statistical layer proposed
OWN_EVENT = "the learned layer's own event: no rule of the lexicon found this act"
_UNREPORTED_BY_DOER = ("18", "19", "20")  # violence: who reports the dead is not who killed them
_ACTOR_ENTS = frozenset({"GPE", "ORG", "NORP", "PERSON", "FAC", "LOC"})


@dataclass(frozen=True)
class Thresholds:
    """Class probabilities at which the model may overrule the rules in ``hybrid``."""

    reorder: float = 0.6  # move a rule event of the model's class first
    replace: float = 0.8  # add the model's own event before a rule event of another class
    add: float = 0.6  # add an event where the rules found none
    argument: float = 0.5  # mean tag probability for a span to fill or replace a role
    replace_targets: bool = False  # a tagged target replaces a rule target found elsewhere in the sentence
    fill_targets: bool = False  # a tagged target fills a target the rules left empty (right for a quarter on news)


def proposal(finder: Proposer, sentence: Sentence) -> tuple[int, int] | None:
    """The trigger the rules or the parse propose in a sentence (shallowest lexicon match, else the root
    verb of a sentence that names someone), or None: the model is run only where there is one."""
    matches = finder.matches(sentence)
    if matches:
        best = min(matches, key=lambda i: (depth(sentence, i), i))
        return best, best
    root = sentence.tokens[sentence.root] if sentence.tokens else None
    if root is not None and root.pos in ("VERB", "AUX") and any(t.ent in _ACTOR_ENTS for t in sentence.tokens):
        return root.i, root.i
    return None


def predict_sentences(model: NeuralModel, finder: Proposer, sentences: Sequence[Sentence]) -> list[Prediction | None]:
    """The model's predictions for a batch of sentences, None where nothing is proposed."""
    triggers = [proposal(finder, s) for s in sentences]
    run = [i for i, t in enumerate(triggers) if t is not None]
    predicted = model.predict([[t.text for t in sentences[i].tokens] for i in run], [triggers[i] for i in run])
    out: list[Prediction | None] = [None] * len(sentences)
    for i, p in zip(run, predicted, strict=True):
        out[i] = p
    return out


class Arbiter:
    """Combines the rules' candidates with the model's prediction for one sentence."""

    def __init__(
        self, control: Control, mode: str, roots: Sequence[str], facts: Sequence[str], thresholds: Thresholds
    ) -> None:
        self.control = control
        self.mode = mode
        self.roots = tuple(roots)
        self.facts = tuple(facts)
        self.t = thresholds

    def arbitrate(
        self, sentence: Sentence, candidates: list[Candidate], p: Prediction | None, resolver: ActorResolver
    ) -> list[Candidate]:
        if p is None:
            return candidates
        k = int(p.five.argmax())
        pk = float(p.five[k])
        fact = int(p.fact.argmax())
        strict = self.mode == "hybrid"
        if candidates and five_class(candidates[0].code) == k:
            chosen = candidates
            _mark(chosen[0], "both", p, f"; the model agrees: class {k} ({pk:.2f})")
        elif candidates and (pk >= self.t.reorder or not strict) and (moved := self._reorder(candidates, k, p)):
            chosen = moved
        elif pk >= (self.t.replace if candidates else self.t.add) or (not strict and pk >= 0.35):
            made = self._model_candidate(sentence, k, pk, p, resolver)
            chosen = [made, *candidates] if made is not None else candidates
        else:
            chosen = candidates
            if chosen:
                _mark(chosen[0], "rules", p, f"; the model prefers class {k} ({pk:.2f}), too unsure to overrule")
        if not chosen:
            return chosen
        main = chosen[0]
        if main.probability is None:
            _mark(main, "rules", p, f"; the model prefers class {k} ({pk:.2f})")
        main.factuality = self.facts[fact]
        main.factuality_p = round(float(p.fact[fact]), 3)
        if main.producer != "model":
            self._arguments(sentence, main, p, resolver)
        if self.mode == "model" and main.factuality in ("negated", "hypothetical") and main.factuality_p >= 0.5:
            return chosen[1:]  # the model holds that it did not happen
        return chosen

    # -- the event ------------------------------------------------------------------------
    def _reorder(self, candidates: list[Candidate], k: int, p: Prediction) -> list[Candidate] | None:
        for n, c in enumerate(candidates[1:], start=1):
            if five_class(c.code) == k and (c.sources or c.targets):
                why = f"; moved first: the model puts the sentence in class {k} ({float(p.five[k]):.2f})"
                _mark(c, "both", p, why)
                return [c, *candidates[:n], *candidates[n + 1 :]]
        return None

    def _model_candidate(
        self, sentence: Sentence, k: int, pk: float, p: Prediction, resolver: ActorResolver
    ) -> Candidate | None:
        allowed = [(float(q), r) for q, r in zip(p.root, self.roots, strict=True) if five_class(r) == k]
        if not allowed:
            return None
        proot, root = max(allowed)
        why = f"the model puts the sentence in class {k} ({FIVE_CLASS_NAMES[k]}, p={pk:.2f}) and root {root}"
        c = clause_candidate(sentence, root, self.control, resolver, MODEL_NAME, f"{why} (p={proot:.2f})")
        c.parts = {"code": "model", "source": "rules", "target": "rules"}
        c.probability = round(pk, 3)
        self._arguments(sentence, c, p, resolver)
        if not (c.sources or c.targets):
            return None
        if self.mode == "hybrid":
            # the model's own event, where the rules' lexicon and parse found no such act, is right for about one
            # in ten on the real-news development half: found, listed by --explain, read by the sentence tasks,
            # not emitted as event data; --coder model emits it
            c.refusal = OWN_EVENT
        return c

    # -- the arguments --------------------------------------------------------------------
    def _arguments(self, sentence: Sentence, c: Candidate, p: Prediction, resolver: ActorResolver) -> None:
        found = {"S": [], "T": []}  # type: dict[str, list[tuple[int, int, float]]]
        for role, a, b in spans(p.tags):
            mean = float(np.mean(p.tag_prob[a : b + 1]))
            if mean >= self.t.argument:
                for r in ("S", "T") if role == "R" else (role,):
                    found[r].append((a, b, mean))
        parts = dict(c.parts) if c.parts else {"code": "rules", "source": "rules", "target": "rules"}
        # the model's source is never who reports the act nor one it is done to ("Pakistan said 26 civilians
        # were killed": Pakistan did not kill them; "three soldiers and a police officer were killed")
        found["S"] = [f for f in found["S"] if not any(f[0] <= i <= f[1] for i in self._not_doers(sentence, c))]
        sources = self._role(sentence, c.sources, c.source_tokens, found["S"], resolver, frozenset())
        if sources is not None:
            actors, how = sources
            if how == "model" and (not c.sources or self.mode == "model"):
                c.sources = actors
            elif how == "model":
                how = "rules"  # the rules' source stands: they are the surer on sources
            parts["source"] = how
        avoid = frozenset(a.entity_id or a.code for a in c.sources)
        targets = self._role(sentence, c.targets, c.target_tokens, found["T"], resolver, avoid)
        if targets is not None:
            actors, how = targets
            fill = not c.targets or c.targets[0].start < 0 or _uncoded(c)
            if how == "model" and (self.mode == "model" or (fill and self.t.fill_targets)):
                # hybrid: on news a quarter of the targets only the model's tags found are right, and the state
                # the rules imply later (a domestic act's own state, the place's) is righter: not filled
                c.targets = actors
            elif how == "model" and self.t.replace_targets and not _inside(c.targets[0], sentence, found["T"]):
                c.targets = actors  # the rules chose another phrase: the tags are the surer on targets
            else:
                how = "rules"
            parts["target"] = how
        c.parts = parts

    def _not_doers(self, sentence: Sentence, c: Candidate) -> set[int]:
        """Words that cannot be the doer of ``c``: the phrases it is done to, and for violence the subjects
        of the verbs of saying that report it."""
        out: set[int] = set()
        for k in c.target_tokens:
            if 0 <= k < len(sentence.tokens):
                lo, hi = sentence.subtree(sentence.tokens[k])
                out.update(range(lo, hi + 1))
        if not c.code.startswith(_UNREPORTED_BY_DOER):
            return out  # "the ministry said 30 protesters were detained": the authorities report their own acts
        for verb in reporters(sentence, sentence.tokens[c.trigger], self.control):
            for subj in sentence.kids(verb, "nsubj"):
                lo, hi = sentence.subtree(subj)
                out.update(range(lo, hi + 1))
        return out

    def _role(
        self,
        sentence: Sentence,
        current: list[Actor],
        tokens: list[int],
        found: list[tuple[int, int, float]],
        resolver: ActorResolver,
        avoid: frozenset[str],
    ) -> tuple[list[Actor], str] | None:
        if not found:
            return None
        for a, b, _mean in sorted(found, key=lambda x: -x[2]):
            if any(a <= i <= b for i in tokens) or any(_covers(sentence, act, a, b) for act in current):
                return current, "both"
        for a, b, _mean in sorted(found, key=lambda x: -x[2]):
            head = _head(sentence, a, b)
            actors = [x for x in resolver.actors(head.i, avoid=avoid) if (x.entity_id or x.code) not in avoid]
            if actors:
                return actors, "model"
        return None


def reporters(sentence: Sentence, token: Token, control: Control) -> list[Token]:
    """The verbs of saying that report the clause of ``token``: "Pakistan *said* 26 civilians were killed",
    "three soldiers were killed, the military *said*"."""
    out: list[Token] = []
    j = token.i
    for _ in range(8):
        t = sentence.tokens[j]
        after = [k for k in sentence.kids(t, "parataxis", "ccomp") if k.i > t.i]  # "..., the army said"
        out.extend(k for k in after if any(v in control.speech for v in verb_keys(k)))
        if t.head == j or t.dep not in ("ccomp", "conj", "parataxis"):
            break
        head = sentence.tokens[t.head]
        if any(v in control.speech for v in verb_keys(head)):
            out.append(head)
            break
        j = t.head
    return out


def _mark(c: Candidate, code_from: str, p: Prediction, why: str) -> None:
    """The code's provenance, and the model's probability of the candidate's own class."""
    c.parts = {"code": code_from, "source": "rules", "target": "rules"}
    c.probability = round(float(p.five[five_class(c.code)]), 3)
    c.reason += why


def _head(sentence: Sentence, a: int, b: int) -> Token:
    """The syntactic head of words a..b: the one whose head lies outside the span."""
    for i in range(a, b + 1):
        t = sentence.tokens[i]
        if not a <= t.head <= b or t.head == t.i:
            return t
    return sentence.tokens[b]


def _covers(sentence: Sentence, actor: Actor, a: int, b: int) -> bool:
    if actor.start < 0:
        return False
    start, end = sentence.tokens[a].start, sentence.tokens[b].end
    return start <= actor.start < end or actor.start <= start < actor.end


def _inside(actor: Actor, sentence: Sentence, found: list[tuple[int, int, float]]) -> bool:
    return any(_covers(sentence, actor, a, b) for a, b, _ in found)


def _uncoded(c: Candidate) -> bool:
    return all(not t.code for t in c.targets)
