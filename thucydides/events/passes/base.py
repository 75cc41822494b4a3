"""What an event pass is, and how an ordered list of them runs.

A pass is a small named object with ``apply(doc, sentence, candidates)`` that
returns the sentence's candidates after its work: it may add, drop, reorder or
change them. :func:`run_passes` runs an ordered list of passes and writes the
name of each pass into the candidates it created or changed, so that every
coded event can say which passes made it what it is.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from ...doc import Doc
from ...parse import Sentence
from ..candidates import Candidate


class EventPass(Protocol):
    """One step of event finding: ``name`` is what explanations call it."""

    name: str

    def apply(self, doc: Doc, sentence: Sentence, candidates: list[Candidate]) -> list[Candidate]: ...


def _state(c: Candidate) -> tuple[object, ...]:
    return (
        c.trigger,
        c.first,
        c.last,
        c.code,
        tuple(c.source_tokens),
        tuple(c.target_tokens),
        c.rule,
        c.reason,
        tuple(c.modifiers),
        c.current,
        c.refusal,
        tuple(c.sources),
        tuple(c.targets),
    )


def run_passes(
    passes: Sequence[EventPass], doc: Doc, sentence: Sentence, candidates: list[Candidate] | None = None
) -> list[Candidate]:
    """The candidates of ``sentence`` after every pass in order, each marked with the passes that shaped it."""
    found = list(candidates or [])
    for step in passes:
        before = {id(c): (c, _state(c)) for c in found}  # holds the objects, so no id is reused
        found = step.apply(doc, sentence, found)
        for c in found:
            seen = before.get(id(c))
            if (seen is None or seen[1] != _state(c)) and (not c.passes or c.passes[-1] != step.name):
                c.passes.append(step.name)
    return found
