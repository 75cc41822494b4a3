"""A plugin from outside the package, registered through the registry: an event pass, a parser,
an event pattern file, a language, an output format and an API endpoint.

``tests/plugins/test_plugins.py`` registers them in-process and through an entry point,
as an installed package would (``[project.entry-points.thucydides_event_passes]``).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator
from pathlib import Path

from fastapi import APIRouter, Request

from thucydides.clean import CleanArticle
from thucydides.doc import Doc
from thucydides.events.candidates import Candidate
from thucydides.events.passes import EventResources
from thucydides.models import Event
from thucydides.parse import ParsedArticle, Sentence, SpacyParser
from thucydides.writers import Writer

DATA = Path(__file__).parent / "data"


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


UD = {"dobj": "obj", "nsubjpass": "nsubj:pass", "auxpass": "aux:pass", "poss": "nmod:poss"}


class UDParser(CountingParser):
    """The spaCy parser, speaking Universal Dependencies labels (as a parser for another language would)."""

    def parse(self, articles: Iterable[CleanArticle]) -> Iterator[ParsedArticle]:
        for parsed in super().parse(articles):
            for sentence in parsed.sentences:
                sentence.tokens = [dataclasses.replace(t, dep=UD.get(t.dep, t.dep)) for t in sentence.tokens]
            yield parsed


def en_ud() -> Path:
    """The language profile of :class:`UDParser`'s output."""
    return DATA / "lang" / "en_ud"


def patterns() -> Path:
    return DATA / "patterns.yaml"


def dyads(writer: Writer, events: Iterable[Event], source_url: str) -> None:
    """An output format: source, target and CAMEO code, tab-separated."""
    for event in events:
        source = event.source.code if event.source else ""
        target = event.target.code if event.target else ""
        writer.stream.write(f"{source}\t{target}\t{event.cameo}\n")
        writer.count += 1


def router() -> APIRouter:
    """An API endpoint: how many events the store holds."""
    found = APIRouter()

    @found.get("/api/plugin/count")
    def count(request: Request) -> dict[str, int]:
        with request.app.state.access.read() as store, store.reading() as con:
            return {"events": int(con.execute("SELECT count(*) FROM events").fetchone()[0])}

    return found
