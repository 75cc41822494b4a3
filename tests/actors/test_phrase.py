"""Actor resolution as an ordered list of named noun-phrase passes, each named on the actor it coded."""

from __future__ import annotations

import datetime as dt

from thucydides.actors.phrase import DEFAULT_ACTOR_PASSES
from thucydides.actors.resolve import ActorResolver
from thucydides.clean import clean
from thucydides.models import Actor, Article
from thucydides.parse import SpacyParser
from thucydides.pipeline import Pipeline

DATE = dt.date(2025, 6, 3)


def _first_actor(parser: SpacyParser, resolver: ActorResolver, text: str, word: str) -> Actor:
    (parsed,) = parser.parse([clean(Article(id="t", text=text))])
    for sentence in parsed.sentences:
        resolver.start(sentence)
        for token in sentence.tokens:
            if token.text == word:
                (actor,) = resolver.actors(token.i)
                return actor
        resolver.finish()
    raise AssertionError(word)


def test_possessor_pass_is_named_on_the_actor_it_coded(parser: SpacyParser, pipeline: Pipeline) -> None:
    actor = _first_actor(parser, ActorResolver(pipeline.kb, DATE), "Japan's navy attacked Chinese warplanes.", "navy")
    assert actor.code == "JPNMIL"
    assert actor.passes == ("head", "possessors")


def test_modifier_dependent_and_context_passes_are_named(parser: SpacyParser, pipeline: Pipeline) -> None:
    kb = pipeline.kb
    assert _first_actor(parser, ActorResolver(kb, DATE), "Chinese warplanes flew.", "warplanes").passes == (
        "head",
        "modifiers",
    )
    president = _first_actor(parser, ActorResolver(kb, DATE), "The president of Russia spoke.", "president")
    assert (president.code, president.passes) == ("RUSGOV", ("head", "dependents"))
    police = _first_actor(parser, ActorResolver(kb, DATE), "Police arrested protesters in Kenya.", "Police")
    assert (police.code, police.passes) == ("KENCOP", ("head", "context"))


def test_resolver_without_the_possessor_pass_reads_the_owner_as_a_modifier(
    parser: SpacyParser, pipeline: Pipeline
) -> None:
    passes = [name for name in DEFAULT_ACTOR_PASSES if name != "possessors"]
    resolver = ActorResolver(pipeline.kb, DATE, passes=passes)
    actor = _first_actor(parser, resolver, "Japan's navy attacked Chinese warplanes.", "navy")
    assert actor.code == "JPNMIL"
    assert actor.passes == ("head", "modifiers")
    assert "country 'Japan' gives the country" in actor.how


def test_actor_passes_survive_the_lossless_record(pipeline: Pipeline) -> None:
    from thucydides.records import event_from_record, full_record

    (event,) = pipeline.code_text("The president of Russia criticised Japan.", "2025-06-03")
    back = event_from_record(full_record(event))
    assert back.source is not None and back.source.passes == ("head", "dependents")
    assert back.explanation.passes == event.explanation.passes
