"""The coding pipeline: clean → parse → actors → events → date/place, one article at a time.

:class:`Pipeline` wires the stages together; each stage lives in its own module and
can be used alone. ``Pipeline.code`` takes articles and yields coded articles.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .actors.kb import KnowledgeBase, load_kb
from .actors.resolve import ActorResolver
from .clean import clean
from .errors import Errors, SettingsError
from .events.coder import EventCoder, targets_from_places
from .events.control import load_control
from .events.extract import EventFinder
from .events.lexicon import Lexicon, load_lexicon
from .events.model import load_model
from .events.taxonomy import Taxonomy, load_taxonomy
from .models import Article, CodedArticle, Event
from .neural.arbitrate import CODERS, Arbiter, Thresholds, predict_sentences
from .neural.runtime import NEURAL_DIR, NeuralModel, Prediction, load_neural
from .parse import DEFAULT_MODEL, ParsedArticle, Parser, SpacyParser
from .situate import Situator


@dataclass(frozen=True)
class PipelineConfig:
    """What a pipeline is built from; picklable, so worker processes can build their own."""

    model: str = DEFAULT_MODEL
    actor_files: tuple[str, ...] = ()
    lexicon_files: tuple[str, ...] = ()
    batch_size: int = 64
    situate: bool = True
    classifier: bool = True  # the linear statistical layer of the rules coder
    coder: str = "hybrid"  # rules, hybrid (rules checked by the learned layer) or model (see neural/arbitrate.py)


@dataclass
class Pipeline:
    parser: Parser
    kb: KnowledgeBase
    lexicon: Lexicon
    taxonomy: Taxonomy
    coder: EventCoder
    situator: Situator | None = None
    config: PipelineConfig = field(default_factory=PipelineConfig)
    neural: NeuralModel | None = None

    @classmethod
    def load(cls, config: PipelineConfig | None = None, parser: Parser | None = None) -> Pipeline:
        config = config or PipelineConfig()
        if config.coder not in CODERS:
            raise SettingsError(Errors.E062, name=config.coder, known=", ".join(CODERS))
        kb = load_kb([Path(p) for p in config.actor_files])
        lexicon = load_lexicon([Path(p) for p in config.lexicon_files])
        taxonomy = load_taxonomy()
        finder = EventFinder(lexicon, load_control())
        situator = Situator.load(kb) if config.situate else None
        neural = arbiter = None
        if config.coder != "rules":
            neural = load_neural()
            if neural is None:
                raise SettingsError(Errors.E061, path=NEURAL_DIR / "events.onnx")
            arbiter = Arbiter(finder, config.coder, neural.labels.root, neural.labels.fact, Thresholds())
        linear = load_model() if config.classifier and arbiter is None else None
        return cls(
            parser=parser or SpacyParser(config.model, batch_size=config.batch_size),
            kb=kb,
            lexicon=lexicon,
            taxonomy=taxonomy,
            coder=EventCoder(finder, taxonomy, linear, arbiter),
            situator=situator,
            config=config,
            neural=neural,
        )

    def code(self, articles: Iterable[Article]) -> Iterator[CodedArticle]:
        """Code every article; yields one :class:`CodedArticle` per article, in order."""
        for parsed in self.parser.parse(clean(a) for a in articles):
            yield self.code_parsed(parsed)

    def code_parsed(self, parsed: ParsedArticle) -> CodedArticle:
        article = parsed.clean.article
        resolver = ActorResolver(self.kb, article.date, places=getattr(self.situator, "places", None))
        events: list[Event] = []
        predictions: list[Prediction | None] = [None] * len(parsed.sentences)
        if self.neural is not None:  # one batch per article, only where the rules or the parse propose an event
            predictions = predict_sentences(self.neural, self.coder.finder, parsed.sentences)
        for sentence, prediction in zip(parsed.sentences, predictions, strict=True):
            resolver.start(sentence)
            found = self.coder.code(article, sentence, resolver, prediction)
            if self.situator is not None:
                found = targets_from_places(
                    self.situator.situate(article, sentence, found, resolver), self.kb, self.coder.finder.control
                )
            events.extend(found)
            resolver.finish()
        return CodedArticle(article=article, events=tuple(events), sentences=len(parsed.sentences))

    def code_text(self, text: str, date: dt.date | str | None = None, article_id: str = "text") -> list[Event]:
        """Code one piece of text; the convenience entry point for notebooks."""
        if isinstance(date, str):
            date = dt.date.fromisoformat(date)
        article = Article(id=article_id, text=text, date=date)
        return list(next(iter(self.code([article]))).events)


def code_texts(texts: Sequence[str], date: dt.date | None = None) -> list[list[Event]]:
    pipeline = Pipeline.load()
    articles = [Article(id=str(i), text=t, date=date) for i, t in enumerate(texts)]
    return [list(c.events) for c in pipeline.code(articles)]
