"""Events whose sentence names no place: the dateline's town, the country of a domestic act or of a
measure that covers it, and nothing for a statement by an actor from elsewhere."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

import pytest

from thucydides.clean import clean
from thucydides.models import Actor, Article, Event, Location, Span
from thucydides.pipeline import Pipeline
from thucydides.situate import Situator
from thucydides.where.unplaced import Unplaced

from .test_writers import make_event

TUESDAY = dt.date(2025, 6, 3)
NAIROBI = Location("Nairobi", "KEN", -1.28, 36.82, feature="city", text="NAIROBI", start=0, end=7)


def actor(code: str) -> Actor:
    return Actor(code, code[:3], None, (code[3:],) if code[3:] else (), None, code, 0, 1)


def unplaced_event(cameo: str, source: str, target: str | None, date: dt.date = TUESDAY) -> Event:
    return make_event(
        cameo=cameo, source=actor(source), target=actor(target) if target else None, date=date, location=None
    )


@pytest.fixture(scope="module")
def unplaced(pipeline: Pipeline) -> Unplaced:
    situator = pipeline.situator
    assert isinstance(situator, Situator)
    return situator.unplaced


def test_a_statement_by_an_actor_from_elsewhere_is_not_placed_at_the_dateline(unplaced: Unplaced) -> None:
    condemned = unplaced_event("111", "USAGOV", "KENREB")
    assert unplaced.where(condemned, NAIROBI, TUESDAY) is None


def test_a_statement_by_an_actor_of_the_datelines_country_is_placed_there(unplaced: Unplaced) -> None:
    urged = unplaced_event("020", "KENGOV", "KENOPP")
    assert unplaced.where(urged, NAIROBI, TUESDAY) == NAIROBI


def test_an_act_of_force_by_a_foreign_actor_takes_the_datelines_town(unplaced: Unplaced) -> None:
    shelled = unplaced_event("190", "SOMREB", "KENMIL")
    assert unplaced.where(shelled, NAIROBI, TUESDAY) == NAIROBI


def test_a_curfew_covers_the_country_of_those_who_imposed_it(unplaced: Unplaced) -> None:
    curfew = unplaced.where(unplaced_event("1723", "KENGOV", None), NAIROBI, TUESDAY)
    assert curfew is not None and (curfew.name, curfew.country, curfew.feature) == ("Kenya", "KEN", "country")


def test_an_act_between_actors_of_another_country_than_the_datelines_is_placed_in_their_country(
    unplaced: Unplaced,
) -> None:
    kidnapped = unplaced.where(unplaced_event("181", "UGAREB", "UGACVL"), NAIROBI, TUESDAY)
    assert kidnapped is not None and (kidnapped.country, kidnapped.feature) == ("UGA", "country")


def test_an_old_domestic_act_is_placed_in_its_country_not_at_the_dateline(unplaced: Unplaced) -> None:
    coup = unplaced.where(unplaced_event("170", "KENMIL", "KENGOV", dt.date(2010, 1, 1)), NAIROBI, TUESDAY)
    assert coup is not None and (coup.country, coup.feature) == ("KEN", "country")


@pytest.mark.slow
def test_a_word_of_the_whole_country_belongs_to_the_act_it_is_attached_to(
    pipeline: Pipeline, unplaced: Unplaced
) -> None:
    text = "The generals dissolved the cabinet and imposed nationwide restrictions."
    article = Article(id="n", text=text, date=TUESDAY)
    sentence = next(iter(pipeline.parser.parse([clean(article)]))).sentences[0]
    dissolved = at(unplaced_event("172", "KENMIL", "KENGOV"), text, "dissolved")
    imposed = at(unplaced_event("172", "KENMIL", "KENGOV"), text, "imposed")
    assert not unplaced.national(dissolved, sentence)
    assert unplaced.national(imposed, sentence)


def at(event: Event, text: str, word: str) -> Event:
    start = re.search(rf"\b{word}\b", text).start()  # type: ignore[union-attr]
    return replace(event, trigger=Span(word, start, start + len(word)), sentence=text)


def test_an_incident_abroad_is_not_the_place_of_an_act_between_other_countries(unplaced: Unplaced) -> None:
    garissa = Location("Garissa", "KEN", -0.45, 39.65, feature="city", text="Garissa", start=40, end=47)
    kenyan = unplaced_event("190", "KENMIL", "KENREB")
    ugandan = unplaced_event("190", "UGAMIL", "UGAREB")
    assert unplaced.where(kenyan, NAIROBI, TUESDAY, incident=garissa) == garissa
    far = unplaced.where(ugandan, NAIROBI, TUESDAY, incident=garissa)
    assert far is not None and (far.country, far.feature) == ("UGA", "country")


def test_an_act_of_force_between_other_countries_is_not_placed_at_the_dateline(unplaced: Unplaced) -> None:
    # "SEOUL - North Korea carried out a nuclear test": where the story was filed is not where it happened
    assert unplaced.where(unplaced_event("190", "SOMMIL", "ETHMIL"), NAIROBI, TUESDAY) is None
    assert unplaced.where(unplaced_event("150", "SOMMIL", None), NAIROBI, TUESDAY) is None
    # a group of no country may strike anywhere: the dateline still says where
    group = replace(unplaced_event("190", "KENMIL", None), target=Actor("ISI", None, "ISI", (), None, "IS", 0, 1))
    assert unplaced.where(replace(group, source=actor("USAMIL")), NAIROBI, TUESDAY) == NAIROBI
