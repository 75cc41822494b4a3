"""Resolve a name on its own, as ``thucydides actors resolve`` shows it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..clean import clean
from ..models import Actor, Article
from ..parse import Parser, SpacyParser
from .kb import KnowledgeBase
from .resolve import ActorResolver


@dataclass(frozen=True)
class Resolution:
    text: str
    date: dt.date | None
    actors: tuple[Actor, ...]


def resolve_name(text: str, kb: KnowledgeBase, date: dt.date | None, parser: Parser | None = None) -> Resolution:
    """Code ``text`` as a noun phrase on ``date``: every actor it names, with how each was found."""
    parser = parser or SpacyParser()
    parsed = next(iter(parser.parse([clean(Article(id="name", text=text, date=date))])))
    resolver = ActorResolver(kb, date)
    found: list[Actor] = []
    for sentence in parsed.sentences:
        resolver.start(sentence)
        found.extend(resolver.actor_mentions())
        resolver.finish()
    return Resolution(text=text, date=date, actors=tuple(found))
