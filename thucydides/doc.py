"""The document: one article on its way through the pipeline.

A :class:`Doc` holds what the stages learn about an article as they read it,
sentence by sentence: the parsed sentences, the memory of the actors mentioned
so far (``actors``, which resolves the noun phrases of the current sentence),
what has been said about places (``places``), the candidate events each
sentence gave, and what a pass computed once for the whole article
(``layers``). The stages themselves keep no state between articles.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .actors.resolve import ActorResolver
from .events.candidates import Candidate
from .models import Article, Event, Refused
from .parse import Sentence
from .when import When
from .where.gazetteer import Story


@dataclass
class Doc:
    """One article being coded: its sentences, actor memory, place history and candidates."""

    article: Article
    actors: ActorResolver
    sentences: tuple[Sentence, ...] = ()
    places: Story = field(default_factory=Story)
    told: When | None = None  # the day of the story's last act dated by the text, for acts told after it
    candidates: dict[int, list[Candidate]] = field(default_factory=dict)
    events: list[Event] = field(default_factory=list)
    refused: list[Refused] = field(default_factory=list)  # events found and not emitted, with the reason
    found: list[Event] = field(default_factory=list)  # events weighed for admission, in the coder's order
    layers: dict[str, Any] = field(default_factory=dict)  # what a pass computes once per article, by pass name
