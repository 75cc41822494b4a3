"""Credits: an act told before a claim is done by whoever claimed it.

The ``claims`` pass finds that a sentence claims an act an earlier sentence told ("Gunmen attacked a
police post. Islamic State claimed the attack"); the earlier sentence's events are already emitted or
refused by then. :func:`apply_credits` runs after each sentence is admitted and gives those events
their doer: an event with no one named doing it (refused for that reason) or done by unnamed doers
of the credited sectors ("gunmen", "a family") is done by the claimant. A refused event is weighed
for admission again; every change is said in the event's explanation and its source's ``how``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass

from ..doc import Doc
from ..models import Actor, Event, Refused, event_id
from .admit import NO_ACTORS, NO_SOURCE

_LAYER = "credits"


@dataclass(frozen=True)
class Credit:
    """The claimants of the act whose events start at ``trigger_start`` in sentence ``sentence_index``."""

    sentence_index: int
    trigger_start: int
    doers: tuple[Actor, ...]
    why: str
    sectors: frozenset[str]  # an unnamed doer of only these sectors gives way to the claimants


def credits(doc: Doc) -> list[Credit]:
    """The credits of ``doc`` not yet applied."""
    pending: list[Credit] = doc.layers.setdefault(_LAYER, [])
    return pending


def apply_credits(doc: Doc, readmit: Callable[[int, list[Event]], None]) -> None:
    """Give the events each pending credit names their claimants; ``readmit(sentence_index, events)``
    weighs refused events, now with a doer, for admission again."""
    pending = credits(doc)
    while pending:
        credit = pending.pop(0)
        doc.events[:] = [e for event in doc.events for e in _credited(event, credit)]
        again: list[Event] = []
        kept: list[Refused] = []
        for refused in doc.refused:
            if refused.reason in (NO_SOURCE, NO_ACTORS) and _names(refused.event, credit):
                again.extend(_credited(refused.event, credit))
            else:
                kept.append(refused)
        doc.refused[:] = kept
        doc.found[:] = [e for event in doc.found for e in _credited(event, credit)]
        if again:
            readmit(credit.sentence_index, again)


def _names(event: Event, credit: Credit) -> bool:
    return event.sentence_index == credit.sentence_index and event.trigger.start == credit.trigger_start


def _credited(event: Event, credit: Credit) -> list[Event]:
    """``event`` done by each claimant, when the credit names it and no one named did it; else itself."""
    if not _names(event, credit) or not unnamed(event.source, credit.sectors):
        return [event]
    out: list[Event] = []
    for doer in credit.doers:
        source = dataclasses.replace(doer, how=f"{doer.how}; {credit.why}".lstrip("; "))
        target = event.target
        if target is not None and target.code == source.code:
            continue
        explanation = dataclasses.replace(event.explanation, reason=f"{event.explanation.reason}; {credit.why}")
        eid = event_id(
            event.article_id,
            event.sentence_index,
            event.trigger.start,
            event.cameo,
            source.code or "",
            target.code if target else "",
        )
        out.append(dataclasses.replace(event, source=source, explanation=explanation, event_id=eid))
    return out or [event]


def unnamed(actor: Actor | None, sectors: frozenset[str]) -> bool:
    """No one, or unnamed doers of the credited sectors only ("gunmen", "a family"): not a state's forces."""
    if actor is None or not actor.code:
        return True
    return actor.name is None and actor.group is None and bool(actor.sector) and set(actor.sector) <= sectors
