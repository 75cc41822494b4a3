"""The coding pipeline: clean → parse → actors → events → date/place → admission, one article at a time.

:class:`Pipeline` wires the stages together; each stage lives in its own module and
can be used alone. ``Pipeline.code`` takes articles and yields coded articles.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from . import registry
from .actors.kb import KnowledgeBase, load_kb
from .actors.phrase import DEFAULT_ACTOR_PASSES
from .actors.resolve import ActorResolver
from .clean import clean, dateline
from .doc import Doc
from .events.admit import admit
from .events.calibration import Calibration, load_calibration, split
from .events.coder import EventCoder, sources_from_scene, targets_from_places
from .events.control import load_control
from .events.credit import apply_credits
from .events.extract import EventFinder
from .events.lexicon import Lexicon, load_lexicon
from .events.model import EventModel, load_model
from .events.taxonomy import Taxonomy, load_taxonomy
from .lang import Language, load_language, relabel
from .models import Article, CodedArticle, Event
from .parse import DEFAULT_MODEL, ParsedArticle, Parser, Sentence
from .recase import read_headlines
from .situate import Situator

# Adds events to those the coder found in a sentence, before they are dated, placed and admitted.
Extra = Callable[[Doc, Sentence, list[Event]], list[Event]]


@dataclass(frozen=True)
class PipelineConfig:
    """What a pipeline is built from; picklable, so worker processes can build their own."""

    model: str = DEFAULT_MODEL
    parser: str = "spacy"  # a name in the registry's parsers, built as parser(model, batch_size=...)
    event_passes: tuple[str, ...] | None = None  # names in the registry's event_passes; None: the coder's
    coder: str = "hybrid"  # a name in the registry's coders: rules, hybrid (rules + learned layer) or model
    actor_passes: tuple[str, ...] = DEFAULT_ACTOR_PASSES  # names in the registry's actor_passes
    actor_files: tuple[str, ...] = ()
    lexicon_files: tuple[str, ...] = ()
    lexicons: tuple[str, ...] = ()  # names in the registry's lexicons: a plugin's event patterns, added to the files
    batch_size: int = 64
    situate: bool = True
    classifier: bool = True  # False: the coder's passes without the linear statistical layer ("classifier")
    event_model: str | None = None  # the statistical layer's .npz file; None: the shipped one
    gazetteer: str = "geonames"  # a name in the registry's gazetteers
    language: str = "en"  # a name in the registry's languages (data/lang/<code>/)
    calibrated: bool = True  # confidences are the coder's calibrated probability of being right
    # events under it are refused; None: the coder's F1-best floor on the real-news development half (which
    # on single sentences drops too many events to be the default: docs/evaluation.md, the precision dial)
    min_confidence: float | None = 0.0


@dataclass
class Pipeline:
    parser: Parser
    kb: KnowledgeBase
    lexicon: Lexicon
    taxonomy: Taxonomy
    coder: EventCoder
    situator: Situator | None = None
    config: PipelineConfig = field(default_factory=PipelineConfig)
    language: Language | None = None
    calibration: Calibration | None = None

    @classmethod
    def load(cls, config: PipelineConfig | None = None, parser: Parser | None = None) -> Pipeline:
        config = config or PipelineConfig()
        kb = load_kb([Path(p) for p in config.actor_files])
        plugged = [Path(registry.get("lexicons", name)()) for name in config.lexicons]
        lexicon = load_lexicon([*(Path(p) for p in config.lexicon_files), *plugged])
        taxonomy = load_taxonomy()
        passes = config.event_passes or _coder_passes(config)
        # the linear statistical layer: the rules coder's last pass, and the learned layer's where it is not run
        statistical = {"classifier", "learned", "learned-model"}
        model = _event_model(config) if config.classifier and statistical & set(passes) else None
        finder = EventFinder(lexicon, load_control(), model, passes)
        situator = Situator.load(kb, registry.get("gazetteers", config.gazetteer)()) if config.situate else None
        language = load_language(config.language)
        spacy_model = language.model if config.model == DEFAULT_MODEL else config.model
        if parser is None:
            parser = registry.get("parsers", config.parser)(spacy_model, batch_size=config.batch_size)
        if config.language == "en":  # title case is how English headlines are written
            read_headlines(parser, kb, situator.placer.gaz if situator is not None else None)
        return cls(
            parser=parser,
            kb=kb,
            lexicon=lexicon,
            taxonomy=taxonomy,
            coder=EventCoder(finder, taxonomy),
            situator=situator,
            config=config,
            language=language,
            calibration=load_calibration(config.coder) if config.calibrated else None,
        )

    def code(self, articles: Iterable[Article], extra: Extra | None = None) -> Iterator[CodedArticle]:
        """Code every article; yields one :class:`CodedArticle` per article, in order.

        ``extra`` may add events to each sentence's before the date and place stage (the place
        score puts events at the gold triggers the coder missed, to measure that stage alone)."""
        for parsed in self.parser.parse(clean(a) for a in articles):
            yield self.code_parsed(relabel(parsed, self.language) if self.language is not None else parsed, extra)

    def doc(self, parsed: ParsedArticle) -> Doc:
        """A new document for ``parsed``, with an empty actor memory and place history."""
        article = parsed.clean.article
        places = self.situator.placer if self.situator is not None else None
        actors = ActorResolver(self.kb, article.date, places, self.config.actor_passes)
        line = dateline(article.text)
        actors.dateline_end = line.line_end if line is not None else -1
        return Doc(article=article, actors=actors, sentences=tuple(parsed.sentences))

    def code_parsed(self, parsed: ParsedArticle, extra: Extra | None = None) -> CodedArticle:
        doc = self.doc(parsed)
        for sentence in doc.sentences:
            doc.actors.start(sentence)
            found = self.coder.code(doc, sentence)
            if extra is not None:
                found = [*found, *extra(doc, sentence, found)]
            if self.situator is not None:
                found = targets_from_places(
                    self.situator.situate(doc, sentence, found), self.kb, self.coder.finder.control, sentence
                )
                found = sources_from_scene(
                    self.situator.scene(doc, found, sentence), self.kb, self.coder.finder.control, sentence
                )
            emitted = len(doc.events)
            self.admit(doc, sentence, found)
            doc.actors.finish(doc.events[emitted:])  # who acted on whom, for "both sides" later
            apply_credits(doc, lambda index, events: self.readmit(doc, index, events))
        return CodedArticle(
            article=doc.article,
            events=tuple(doc.events),
            sentences=len(doc.sentences),
            refused=tuple(doc.refused),
            found=tuple(doc.found),
        )

    def admit(self, doc: Doc, sentence: Sentence, found: list[Event]) -> None:
        """Emit the sentence's events that pass admission and the confidence floor; keep the rest as refused."""
        control = self.coder.finder.control
        kept, refused = admit(found, sentence, control.speech, control.untargeted)
        kept, low = split(kept, self.calibration, self.config.min_confidence)
        doc.events.extend(kept)
        doc.refused.extend([*refused, *low])
        doc.found.extend(found)

    def readmit(self, doc: Doc, index: int, events: list[Event]) -> None:
        """Weigh again events of an earlier sentence that a later one completed (a claim gave them a doer)."""
        sentence = next((s for s in doc.sentences if s.index == index), None)
        control = self.coder.finder.control
        kept, refused = admit(events, sentence, control.speech, control.untargeted)
        kept, low = split(kept, self.calibration, self.config.min_confidence)
        doc.events.extend(kept)
        doc.events.sort(key=lambda e: e.sentence_index)  # in the order of the text (the sort is stable)
        doc.refused.extend([*refused, *low])

    def code_text(self, text: str, date: dt.date | str | None = None, article_id: str = "text") -> list[Event]:
        """Code one piece of text; the convenience entry point for notebooks."""
        if isinstance(date, str):
            date = dt.date.fromisoformat(date)
        article = Article(id=article_id, text=text, date=date)
        return list(next(iter(self.code([article]))).events)


def _coder_passes(config: PipelineConfig) -> tuple[str, ...]:
    """The event passes of the configured coder, less the statistical layer when it is switched off."""
    names = tuple(registry.get("coders", config.coder)())
    return names if config.classifier else tuple(n for n in names if n != "classifier")


def _event_model(config: PipelineConfig) -> EventModel | None:
    return load_model(Path(config.event_model)) if config.event_model else load_model()


def code_texts(texts: Sequence[str], date: dt.date | None = None) -> list[list[Event]]:
    pipeline = Pipeline.load()
    articles = [Article(id=str(i), text=t, date=date) for i, t in enumerate(texts)]
    return [list(c.events) for c in pipeline.code(articles)]
