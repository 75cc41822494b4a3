"""The coder as a spaCy pipeline component: ``nlp.add_pipe("thucydides_events")`` fills ``Doc._.events``.

    >>> import spacy, thucydides
    >>> nlp = spacy.load("en_core_web_trf")             # any English pipeline with a tagger and a parser
    >>> nlp.add_pipe("thucydides_events", config={"date": "2025-06-03"})
    >>> doc = nlp("Russia attacked Ukraine on Monday.")
    >>> doc._.events                                     # [Event(source=RUS, cameo='190', target=UKR, ...)]

The factory is registered when ``thucydides`` is imported after spaCy, and through
spaCy's ``spacy_factories`` entry point in any case, so a saved pipeline that names
it loads without an import. The component reads the user's parse (tags, lemmas,
dependencies, entities, sentences) instead of parsing again; the knowledge base,
lexicon and statistical layer are loaded once per configuration and shared.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from .clean import CleanArticle, clean
from .errors import Errors, SettingsError
from .frame import as_date
from .models import Article, Event
from .parse import ParsedArticle, convert_doc, irregular_verb_forms, keep_hyphenated_verbs
from .pipeline import Pipeline, PipelineConfig

FACTORY = "thucydides_events"
_NEEDED = ("TAG", "POS", "LEMMA", "DEP")
_PIPELINES: dict[PipelineConfig, Pipeline] = {}

for _name in ("events", "article_date", "article_id"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


class _OwnParse:
    """Stands in for the parser: the component is handed documents the user's pipeline has parsed."""

    name = "spacy pipeline"

    def parse(self, articles: Iterable[CleanArticle]) -> Iterator[ParsedArticle]:
        raise NotImplementedError("the spaCy component codes parsed Doc objects; call it on a Doc")


class EventsComponent:
    """Codes the events of a parsed ``Doc`` into ``doc._.events`` (a list of :class:`~thucydides.Event`).

    The publication date is ``doc._.article_date`` when set, else the component's
    ``date`` setting; ``doc._.article_id`` (default: the component's ``article_id``)
    becomes the events' ``article_id``.
    """

    def __init__(self, nlp: Language, name: str, date: str | None, article_id: str, config: PipelineConfig) -> None:
        self.name = name
        self.date = as_date(date, f"the {name} component's date")
        self.article_id = article_id
        if config not in _PIPELINES:
            _PIPELINES[config] = Pipeline.load(config, parser=_OwnParse())
        self.pipeline = _PIPELINES[config]
        keep_hyphenated_verbs(nlp)  # "test-fired" stays one verb, as in thucydides' own parser
        self.verb_forms = irregular_verb_forms(nlp)  # "retook" is "retake", as there too

    def __call__(self, doc: Doc) -> Doc:
        missing = [kind for kind in _NEEDED if len(doc) and not doc.has_annotation(kind)]
        if missing:
            raise SettingsError(Errors.E085, name=self.name, missing=", ".join(missing))
        day = as_date(doc._.article_date, "doc._.article_date") or self.date
        article = Article(id=str(doc._.article_id or self.article_id), text=doc.text, date=day)
        parsed = ParsedArticle(clean=clean(article), sentences=convert_doc(doc, 0, 0, self.verb_forms))
        events: list[Event] = list(self.pipeline.code_parsed(parsed).events)
        doc._.events = events
        return doc


@Language.factory(
    FACTORY,
    default_config={"date": None, "article_id": "doc", "actors": [], "lexicon": [], "classifier": True},
    requires=["token.tag", "token.pos", "token.lemma", "token.dep", "token.head", "doc.sents"],
    assigns=["doc._.events"],
)
def make_events_component(
    nlp: Language,
    name: str,
    date: str | None,
    article_id: str,
    actors: list[str],
    lexicon: list[str],
    classifier: bool,
) -> EventsComponent:
    """The ``thucydides_events`` factory; its settings are the component's ``config``."""
    config = PipelineConfig(model="", actor_files=tuple(actors), lexicon_files=tuple(lexicon), classifier=classifier)
    return EventsComponent(nlp, name, date, article_id, config)
