"""The passes of event finding, by name, in the order the pipeline runs them.

Each pass is a small class with a ``name`` and ``apply(doc, sentence, candidates)``
(see :mod:`thucydides.events.candidates`); a factory builds it from the event
resources. ``RULE_PASSES`` is the rule-based coder; ``classifier`` (the
linear statistical layer) or ``learned`` (the learned layer, ``neural/``) runs
after it. Every pass is in the registry (category
``event_passes``), where a plugin adds its own.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ... import registry
from ...errors import Errors, SettingsError
from ..control import Control
from ..lexicon import Lexicon
from ..model import EventModel
from .actors import Actors, Order
from .arguments import ArgumentNouns, Weapons
from .assistance import AssistancePass
from .base import EventPass
from .claims import Claims
from .classifier import Classifier
from .controls import Controls
from .echo import Echo
from .factual import Factuality
from .modality import Background, Hypothetical
from .negation import Negation
from .reference import ActReference
from .response import Response
from .riots import RiotPass
from .speech import ReportedFuture, Speech, Verdict
from .triggers import Triggers


@dataclass(frozen=True)
class EventResources:
    """What event passes are built from."""

    lexicon: Lexicon
    control: Control
    model: EventModel | None = None


PassFactory = Callable[[EventResources], EventPass]


def _rule(cls: Callable[[Lexicon, Control], EventPass]) -> PassFactory:
    return lambda r: cls(r.lexicon, r.control)


def _learned(mode: str) -> PassFactory:
    def build(r: EventResources) -> EventPass:
        from ...neural.layer import Learned  # onnxruntime loads only when a learned coder is asked for

        return Learned(Triggers(r.lexicon, r.control), r.control, mode, fallback=r.model)

    return build


def _classifier(r: EventResources) -> EventPass:
    if r.model is None:
        raise SettingsError(Errors.E042)
    return Classifier(r.model, r.control)


BUILTIN_PASSES: dict[str, PassFactory] = {
    "triggers": _rule(Triggers),
    "assistance": _rule(AssistancePass),
    "controls": _rule(Controls),
    "negation": _rule(Negation),
    "verdict": _rule(Verdict),
    "speech": _rule(Speech),
    "weapons": _rule(Weapons),
    "argument-nouns": _rule(ArgumentNouns),
    "reported-future": _rule(ReportedFuture),
    "response": _rule(Response),
    "hypothetical": _rule(Hypothetical),
    "factuality": _rule(Factuality),
    "actors": _rule(Actors),
    "act-reference": _rule(ActReference),
    "claims": _rule(Claims),
    "echo": _rule(Echo),
    "riots": _rule(RiotPass),
    "background": _rule(Background),
    "order": _rule(Order),
    "classifier": _classifier,
    "learned": _learned("hybrid"),
    "learned-model": _learned("model"),
}
for _name, _factory in BUILTIN_PASSES.items():
    registry.register("event_passes", _name, _factory)

RULE_PASSES: tuple[str, ...] = (
    "triggers",
    "assistance",
    "controls",
    "negation",
    "verdict",
    "speech",
    "weapons",
    "argument-nouns",
    "reported-future",
    "response",
    "hypothetical",
    "factuality",
    "actors",
    "riots",
    "act-reference",
    "claims",
    "echo",
    "background",
    "order",
)

__all__ = ["BUILTIN_PASSES", "CODERS", "RULE_PASSES", "EventResources", "PassFactory"]

# Coders are named lists of passes: the rules with the linear statistical layer after them; the rules
# checked and completed by the learned layer (the default); the learned layer deciding.
CODERS = ("rules", "hybrid", "model")
registry.register("coders", "rules", lambda: (*RULE_PASSES, "classifier"))
registry.register("coders", "hybrid", lambda: (*RULE_PASSES, "learned"))
registry.register("coders", "model", lambda: (*RULE_PASSES, "learned-model"))
