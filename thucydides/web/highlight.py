"""A sentence cut into pieces so that the source, the target and the trigger can be marked.

The pieces are rendered by the templates, which escape every one of them: the text
is never turned into markup here.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..analysis.events import ActorRef, TextSpan

# Where spans overlap, the trigger wins over the source, and the source over the target.
PRIORITY = {"trigger": 3, "source": 2, "target": 1}


@dataclass(frozen=True)
class Mark:
    start: int | None
    end: int | None
    role: str  # source, target or trigger
    label: str  # shown on hover: "source: JPN (Japan)"


@dataclass(frozen=True)
class Piece:
    text: str
    role: str | None = None
    label: str | None = None


def pieces(text: str, marks: Iterable[Mark]) -> list[Piece]:
    """``text`` as consecutive pieces, each marked with the role of the span covering it (or none)."""
    owner: list[Mark | None] = [None] * len(text)
    for mark in marks:
        if mark.start is None or mark.end is None:
            continue
        for i in range(max(mark.start, 0), min(mark.end, len(text))):
            current = owner[i]
            if current is None or PRIORITY[mark.role] > PRIORITY[current.role]:
                owner[i] = mark
    out: list[Piece] = []
    start = 0
    for i in range(1, len(text) + 1):
        if i == len(text) or owner[i] is not owner[start]:
            owned = owner[start]
            out.append(Piece(text[start:i], owned.role if owned else None, owned.label if owned else None))
            start = i
    return out


def event_marks(source: ActorRef, target: ActorRef, trigger: TextSpan | None, shift: int = 0) -> list[Mark]:
    """Marks for an event's actors and trigger; ``shift`` moves sentence offsets (to article offsets)."""
    found = [
        _mark(source.start, source.end, "source", _actor_label("source", source), shift),
        _mark(target.start, target.end, "target", _actor_label("target", target), shift),
    ]
    if trigger is not None:
        found.append(_mark(trigger.start, trigger.end, "trigger", "trigger: the words that express the event", shift))
    return found


def _mark(start: int | None, end: int | None, role: str, label: str, shift: int) -> Mark:
    if start is None or end is None:
        return Mark(None, None, role, label)
    return Mark(start + shift, end + shift, role, label)


def _actor_label(role: str, actor: ActorRef) -> str:
    name = f" ({actor.name})" if actor.name and actor.name != actor.code else ""
    return f"{role}: {actor.code or '?'}{name}"
