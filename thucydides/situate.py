"""Date/place stage: when and where each coded event happened.

For every sentence with events, :class:`Situator` finds the time expressions
(:mod:`thucydides.when`) and the place names (:mod:`thucydides.where`) of the parse,
and gives each event the date and the place that belong to its trigger. What an
article has said about places so far (countries, states, names already resolved)
helps read the places of its later sentences ("Paris" after "Paris, Texas"); the day of its last
dated act is the day of the acts of force it tells next without a time word of their own.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from .actors.kb import KnowledgeBase, load_kb
from .doc import Doc
from .models import Event
from .parse import Sentence
from .timex import scan
from .when import When, calendar, date_event, is_background, narrated, told_as_background, trigger_tokens
from .where.gazetteer import Gazetteer, load_gazetteer
from .where.places import Placer, Story, Words
from .where.scene import scene as dateline_town
from .where.unplaced import Unplaced


class Situator:
    """Fills in ``date``, ``date_precision``, ``current`` and ``location`` of coded events."""

    def __init__(self, placer: Placer) -> None:
        self.placer = placer
        self.unplaced = Unplaced(placer, placer.words)

    @classmethod
    def load(cls, kb: KnowledgeBase | None = None, gazetteer: Gazetteer | None = None) -> Situator:
        """The stage with the shipped gazetteer, speaking the knowledge base's country codes."""
        kb = kb if kb is not None else load_kb()
        codes: dict[str, str] = {}
        fips: dict[str, str] = {}
        capitals: dict[str, str] = {}
        for country in kb.countries.values():
            if country.capitals:
                capitals[country.code] = country.capitals[0]
            if country.iso2:
                codes.setdefault(country.iso2, country.code)
                if country.fips:
                    fips.setdefault(country.iso2, country.fips)
        names = [c.name for c in kb.countries.values()]
        return cls(Placer(gazetteer or load_gazetteer(), Words.load(), codes, fips, capitals, names))

    @property
    def places(self) -> Placer:
        """The place lookup that actor resolution uses (``country_of``)."""
        return self.placer

    def situate(self, doc: Doc, sentence: Sentence, events: Iterable[Event]) -> list[Event]:
        """The events of one sentence with their date, precision, background flag and place."""
        article, resolver = doc.article, doc.actors
        story = self.story(doc)
        exprs = scan(sentence)
        mentions = self.placer.mentions(sentence, resolver, story)
        events = list(events)
        triggers = [trigger_tokens(sentence, e.trigger.start, e.trigger.end) for e in events]
        everything = {k for trigger in triggers for k in trigger}
        out: list[Event] = []
        dated: list[When] = []
        for event, trigger in zip(events, triggers, strict=True):
            when = date_event(sentence, trigger, exprs, article.date, everything, doc.told)
            if when is not None and when.precision == "day" and not is_background(when, article.date):
                dated.append(when)
            elif when is None and event.cameo.startswith(calendar().narrated_codes) and narrated(sentence, trigger):
                when = doc.told
            mention = self.placer.locate(sentence, trigger, event.cameo, mentions)
            if mention is not None and self.unplaced.incident(event, when, article.date):
                story.incident = mention.location
            out.append(
                replace(
                    event,
                    date=when.date if when is not None else article.date,
                    date_precision=when.precision if when is not None else "day",
                    current=event.current
                    and not is_background(when, article.date)
                    and not told_as_background(sentence, trigger),
                    location=mention.location if mention is not None else None,
                )
            )
        self.placer.remember(story, mentions, resolver)
        if dated:
            doc.told = dated[-1]
        return out

    def scene(self, doc: Doc, events: Iterable[Event], sentence: Sentence | None = None) -> list[Event]:
        """The events with no place of their own, placed from the story (:mod:`thucydides.where.unplaced`).

        The place of the incident the story tells for its later acts of force, the dateline's town for
        the story's own days (not "cut ties in 2017"; but the news told in the past perfect of reported
        speech, "police said 66 people had been detained", is of them), the country of an act between
        actors of one country or of a measure that covers it, and nothing for a statement by an actor
        from elsewhere.
        Run after the place of each event has chosen its target, since a dateline names where the
        story was filed, not the country an act was done to.
        """
        story = self.story(doc)
        published = doc.article.date
        return [self.unplaced.place(e, story.scene, published, sentence, story.incident) for e in events]

    def story(self, doc: Doc) -> Story:
        """The place memory of the article, with the countries its actors named so far and its dateline."""
        story = doc.places
        if not story.opened:
            story.opened = True
            story.scene = dateline_town(self.placer, doc.article.text)
        for code in doc.actors.countries_seen:
            iso2 = self.placer.iso2.get(code)
            if iso2 and iso2 not in story.countries:
                story.countries[iso2] = 1
        return story
