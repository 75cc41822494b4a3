"""A plugin from outside the package: an event pass and a parser, registered through the registry.

``tests/plugins/test_plugins.py`` registers them in-process and through an entry point,
as an installed package would (``[project.entry-points.thucydides_event_passes]``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from thucydides.clean import CleanArticle
from thucydides.doc import Doc
from thucydides.events.candidates import Candidate
from thucydides.events.passes import EventResources
from thucydides.parse import ParsedArticle, Sentence, SpacyParser


class MarkMain:
    """Marks the main event of each sentence: a pass that changes what it touches."""

    name = "mark-main"

    def apply(self, doc: Doc, sentence: Sentence, candidates: list[Candidate]) -> list[Candidate]:
        if candidates:
            candidates[0].modifiers.append("main")
        return candidates


def mark_main(resources: EventResources) -> MarkMain:
    return MarkMain()


class CountingParser:
    """The spaCy parser, counting the articles it parses."""

    parsed = 0

    def __init__(self, model: str, batch_size: int = 64) -> None:
        self.name = f"counting {model}"
        self.inner = SpacyParser(model, batch_size=batch_size)

    def parse(self, articles: Iterable[CleanArticle]) -> Iterator[ParsedArticle]:
        for parsed in self.inner.parse(articles):
            CountingParser.parsed += 1
            yield parsed
