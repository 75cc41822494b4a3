"""A candidate event: what the passes of event finding build and refine (see ``passes/``)."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..models import Actor


@dataclass
class Candidate:
    """An event found in a sentence, before its actors are expanded into events."""

    trigger: int
    first: int
    last: int
    code: str
    source_tokens: list[int]
    target_tokens: list[int]
    rule: str
    reason: str
    specificity: int
    modifiers: list[str] = field(default_factory=list)
    current: bool = True
    place_target: bool = False
    sources: list[Actor] = field(default_factory=list)
    targets: list[Actor] = field(default_factory=list)
    depth: int = 0
    speech: bool = False
    producer: str = "rule"
    passes: list[str] = field(default_factory=list)
    # set by the learned layer's arbitration (thucydides/neural/arbitrate.py)
    parts: dict[str, str] = field(default_factory=dict)  # code/source/target -> rules, model or both
    probability: float | None = None  # the model's probability of the candidate's coarse class
    factuality: str | None = None  # asserted, negated, hypothetical, claimed or background, as the model sees it
    factuality_p: float | None = None
    refusal: str | None = None  # set when the event is found but must not be emitted: why (see passes/factual.py)
    happened: bool = True  # False: the text reports it did not happen, or only alleges it (passes/factual.py)
    matched: tuple[int, ...] = ()  # the words a pattern's class matched ("imposed *sanctions*"): no actors
