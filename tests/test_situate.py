"""The date/place stage in the pipeline: the mission story's places and dates, background events."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from thucydides.actors.resolve import ActorResolver
from thucydides.clean import clean
from thucydides.doc import Doc
from thucydides.models import Article, Event, Explanation, Plover, Span
from thucydides.pipeline import Pipeline
from thucydides.situate import Situator
from thucydides.where.gazetteer import Story

TUESDAY = dt.date(2025, 6, 3)

STORY = (
    "Japan and NATO held consultations in Tokyo on Tuesday on deepening their defence cooperation.\n\n"
    "On Wednesday the secretary general will tour the Japanese frigate Mogami at the Yokosuka naval base.\n\n"
    "A Spanish frigate visited Yokosuka on Wednesday.\n\n"
    "Japan wants to join the alliance's Ukraine assistance command in Wiesbaden, Germany.\n\n"
    "Having already provided $12 billion to Ukraine since 2022, Japan pledged further support.\n\n"
    "Beijing criticised the talks on Monday."
)
TRIGGERS = {
    "consultations": "040",
    "tour": "042",
    "visited": "042",
    "join": "030",
    "provided": "071",
    "pledged": "032",
    "criticised": "111",
}


def bare_event(article: Article, word: str, cameo: str) -> Event:
    start = re.search(rf"\b{word}\b", article.text).start()  # type: ignore[union-attr]
    return Event(
        event_id=word, article_id=article.id, sentence_index=0, sentence="", sentence_start=0, date=article.date,
        source=None, target=None, cameo=cameo, quad_class=0, goldstein=0.0, plover=Plover(event=""),
        trigger=Span(word, start, start + len(word)), confidence=0.0,
        explanation=Explanation(producer="test", rule="", reason=""),
    )  # fmt: skip


@pytest.fixture(scope="module")
def situated(pipeline: Pipeline) -> dict[str, Event]:
    """The story's events, placed at known triggers and situated one sentence at a time."""
    return situate_story(pipeline, STORY, TRIGGERS, scene=False, article_id="story")


def test_pipeline_loads_the_stage_with_a_place_lookup_for_actor_resolution(pipeline: Pipeline) -> None:
    assert isinstance(pipeline.situator, Situator)
    assert pipeline.situator.places.country_of("Yokosuka", frozenset()) == "JPN"


@pytest.mark.slow
def test_the_consultations_are_in_tokyo_on_the_day_of_the_story(situated: dict[str, Event]) -> None:
    event = situated["consultations"]
    assert event.location is not None and (event.location.name, event.location.country) == ("Tokyo", "JPN")
    assert (event.date, event.date_precision, event.current) == (TUESDAY, "day", True)


@pytest.mark.slow
def test_the_frigate_visit_is_at_yokosuka_on_the_coming_wednesday(situated: dict[str, Event]) -> None:
    event = situated["tour"]
    assert event.location is not None and event.location.name == "Yokosuka Naval Base"
    assert event.location.country == "JPN" and event.location.feature == "site"
    assert event.date == dt.date(2025, 6, 4)


@pytest.mark.slow
def test_a_past_wednesday_in_a_tuesday_story_is_the_previous_week(situated: dict[str, Event]) -> None:
    event = situated["visited"]
    assert event.date == dt.date(2025, 5, 28)
    assert event.location is not None and event.location.country == "JPN"


@pytest.mark.slow
def test_the_assistance_command_is_in_wiesbaden_germany(situated: dict[str, Event]) -> None:
    location = situated["join"].location
    assert location is not None and (location.name, location.country, location.fips) == ("Wiesbaden", "DEU", "GM")
    assert location.adm1 == "GM05" and location.geonames_id is not None


@pytest.mark.slow
def test_aid_given_since_2022_is_background_and_the_pledge_is_news(situated: dict[str, Event]) -> None:
    provided, pledged = situated["provided"], situated["pledged"]
    assert not provided.current and (provided.date, provided.date_precision) == (dt.date(2022, 1, 1), "year")
    assert pledged.current and pledged.date == TUESDAY


@pytest.mark.slow
def test_beijing_criticising_is_an_actor_not_a_place(situated: dict[str, Event]) -> None:
    event = situated["criticised"]
    assert event.location is None and event.date == dt.date(2025, 6, 2)


def test_an_event_keeps_the_background_flag_the_coder_set(pipeline: Pipeline) -> None:
    situator = pipeline.situator
    assert isinstance(situator, Situator)
    article = Article(id="a", text="Japan met NATO.", date=TUESDAY)
    parsed = next(iter(pipeline.parser.parse([clean(article)])))
    sentence = parsed.sentences[0]
    resolver = ActorResolver(pipeline.kb, TUESDAY, places=situator.places)
    doc = Doc(article=article, actors=resolver)
    resolver.start(sentence)
    event = bare_event(article, "met", "040")
    background = Event(**{**{f: getattr(event, f) for f in event.__dataclass_fields__}, "current": False})
    (done,) = situator.situate(doc, sentence, [background])
    assert not done.current and done.date == TUESDAY and done.location is None


@pytest.mark.slow
def test_code_text_fills_in_date_and_place_end_to_end(pipeline: Pipeline) -> None:
    events = pipeline.code_text("Japan's defence minister met NATO's chief in Tokyo on Monday.", TUESDAY)
    met = [e for e in events if e.trigger.text == "met"]
    assert met, "the event lexicon no longer codes 'met'"
    assert all(e.date == dt.date(2025, 6, 2) and e.location and e.location.name == "Tokyo" for e in met)


DATELINED = (
    "NAIROBI, June 3 (Wire) - Police arrested the opposition leader on Tuesday.\n\n"
    "Hours later his supporters rallied in Mombasa.\n\n"
    "The same court had jailed him in 2019."
)


def situate_story(
    pipeline: Pipeline, text: str, triggers: dict[str, str], scene: bool = True, article_id: str = "dated"
) -> dict[str, Event]:
    """The story's events at known triggers, situated sentence by sentence and (``scene``) given the story's scene."""
    situator = pipeline.situator
    assert isinstance(situator, Situator)
    article = Article(id=article_id, text=text, date=TUESDAY)
    events = [bare_event(article, word, cameo) for word, cameo in triggers.items()]
    parsed = next(iter(pipeline.parser.parse([clean(article)])))
    resolver = ActorResolver(pipeline.kb, TUESDAY, places=situator.places)
    doc = Doc(article=article, actors=resolver)
    out: dict[str, Event] = {}
    for sentence in parsed.sentences:
        resolver.start(sentence)
        mine = [e for e in events if sentence.start <= e.trigger.start < sentence.end]
        found = situator.situate(doc, sentence, mine)
        out.update((e.event_id, e) for e in (situator.scene(doc, found) if scene else found))
        resolver.finish()
    return out


@pytest.mark.slow
def test_an_event_with_no_place_of_its_own_happens_in_the_datelines_town(pipeline: Pipeline) -> None:
    events = situate_story(pipeline, DATELINED, {"arrested": "173", "rallied": "141", "jailed": "173"})
    arrested = events["arrested"].location
    assert arrested is not None and (arrested.name, arrested.country, arrested.feature) == ("Nairobi", "KEN", "city")
    assert arrested.text == "NAIROBI" and DATELINED[arrested.start : arrested.end] == "NAIROBI"


@pytest.mark.slow
def test_a_place_in_the_sentence_wins_over_the_dateline(pipeline: Pipeline) -> None:
    events = situate_story(pipeline, DATELINED, {"rallied": "141"})
    rallied = events["rallied"].location
    assert rallied is not None and rallied.name == "Mombasa"


@pytest.mark.slow
def test_a_background_event_does_not_take_the_datelines_town(pipeline: Pipeline) -> None:
    events = situate_story(pipeline, DATELINED, {"jailed": "173"})
    assert not events["jailed"].current and events["jailed"].location is None


@pytest.mark.slow
def test_news_told_in_the_past_perfect_of_reported_speech_takes_the_datelines_town(pipeline: Pipeline) -> None:
    text = "NAIROBI, June 3 (Wire) - The ministry said 40 protesters had been detained."
    detained = situate_story(pipeline, text, {"detained": "173"})["detained"]
    assert detained.location is not None and detained.location.name == "Nairobi"


@pytest.mark.slow
def test_a_rank_opening_a_name_is_not_a_town(pipeline: Pipeline) -> None:
    situator = pipeline.situator
    assert isinstance(situator, Situator)
    article = Article(id="rank", text="Major General Okoth was arrested in Kisumu on Monday.", date=TUESDAY)
    sentence = next(iter(pipeline.parser.parse([clean(article)]))).sentences[0]
    named = [m.location.text for m in situator.places.mentions(sentence, None, Story())]
    assert named == ["Kisumu"]


NARRATED = (
    "Gunmen ambushed a police patrol near Kisumu on Monday.\n\n"
    "Police said they killed three of the attackers.\n\n"
    "The president condemned the ambush.\n\n"
    "Rioters have burned two banks in the town."
)


@pytest.mark.slow
def test_an_act_of_force_with_no_time_word_is_told_on_the_day_of_the_last_dated_act(pipeline: Pipeline) -> None:
    events = situate_story(pipeline, NARRATED, {"ambushed": "190", "killed": "190"})
    assert events["ambushed"].date == events["killed"].date == dt.date(2025, 6, 2)


@pytest.mark.slow
def test_a_statement_with_no_time_word_is_of_the_day_of_publication(pipeline: Pipeline) -> None:
    events = situate_story(pipeline, NARRATED, {"ambushed": "190", "condemned": "111"})
    assert events["condemned"].date == TUESDAY


@pytest.mark.slow
def test_an_act_in_the_present_perfect_tells_where_things_stand_on_the_day_of_publication(
    pipeline: Pipeline,
) -> None:
    events = situate_story(pipeline, NARRATED, {"ambushed": "190", "burned": "180"})
    assert events["burned"].date == TUESDAY


@pytest.mark.slow
def test_that_day_is_the_day_of_the_last_dated_act(pipeline: Pipeline) -> None:
    text = "Rebels attacked a patrol near Kisumu on Monday.\n\nThe governor appealed for calm that day."
    events = situate_story(pipeline, text, {"attacked": "190", "appealed": "020"}, scene=False)
    assert events["appealed"].date == dt.date(2025, 6, 2)


@pytest.mark.slow
def test_hours_later_and_within_minutes_are_the_day_of_the_last_dated_act(pipeline: Pipeline) -> None:
    for words in ("Hours later", "Within minutes"):
        text = f"Rebels attacked a patrol near Kisumu on Monday.\n\n{words}, the governor appealed for calm."
        events = situate_story(pipeline, text, {"attacked": "190", "appealed": "020"}, scene=False)
        assert events["appealed"].date == dt.date(2025, 6, 2), words


@pytest.mark.slow
def test_a_place_in_a_clause_of_another_act_is_not_the_events(pipeline: Pipeline) -> None:
    text = "Rebels freed the hostages on Monday, as the president spoke at a summit in Nairobi."
    assert situate_story(pipeline, text, {"freed": "0841"}, scene=False)["freed"].location is None


@pytest.mark.slow
def test_the_owner_of_the_victim_is_not_the_place_but_the_airport_of_the_strike_is(pipeline: Pipeline) -> None:
    text = "Somalia's army chief was killed by a drone strike at Kismayo airport on Monday."
    location = situate_story(pipeline, text, {"killed": "195"}, scene=False)["killed"].location
    assert location is not None and location.name == "Kismayo"


@pytest.mark.slow
def test_a_countrys_territory_is_that_country(pipeline: Pipeline) -> None:
    text = "Ugandan troops entered Kenyan territory on Monday."
    location = situate_story(pipeline, text, {"entered": "192"}, scene=False)["entered"].location
    assert location is not None and (location.country, location.feature) == ("KEN", "country")


@pytest.mark.slow
def test_a_part_of_a_persons_name_is_not_a_town(pipeline: Pipeline) -> None:
    situator = pipeline.situator
    assert isinstance(situator, Situator)
    article = Article(id="name", text="Former minister Ahmed Khan Kamal was arrested in Mombasa.", date=TUESDAY)
    sentence = next(iter(pipeline.parser.parse([clean(article)]))).sentences[0]
    named = [m.location.text for m in situator.places.mentions(sentence, None, Story())]
    assert named == ["Mombasa"]


@pytest.mark.slow
def test_an_act_told_in_a_clause_about_a_dated_raid_has_the_raids_date_and_place(pipeline: Pipeline) -> None:
    text = "The group admitted to a raid in the town of Beni on Oct. 3, 2024, in which gunmen killed 40 villagers."
    killed = situate_story(pipeline, text, {"killed": "190"}, scene=False)["killed"]
    assert (killed.date, killed.current) == (dt.date(2024, 10, 3), False)
    assert killed.location is not None and killed.location.name == "Beni"


@pytest.mark.slow
def test_where_attackers_came_from_is_not_where_they_attacked(pipeline: Pipeline) -> None:
    text = "Gunmen crossed into Kenya from Somalia on Saturday, killing ten people."
    location = situate_story(pipeline, text, {"killing": "190"}, scene=False)["killing"].location
    assert location is not None and location.country == "KEN"


@pytest.mark.slow
def test_a_town_named_inside_the_object_of_a_strike_is_more_precise_than_its_country(pipeline: Pipeline) -> None:
    text = "Jets struck targets in Syria, including a depot near the town of Homs."
    location = situate_story(pipeline, text, {"struck": "195"}, scene=False)["struck"].location
    assert location is not None and location.name == "Homs"


@pytest.mark.slow
def test_the_capital_and_the_city_are_places_the_story_gave_before(pipeline: Pipeline) -> None:
    text = (
        "NAIROBI, June 3 (Wire) - Police fired tear gas at protesters in Kisumu on Monday.\n\n"
        "Rioters burned two banks in the city.\n\n"
        "Police arrested 40 people in the capital."
    )
    events = situate_story(pipeline, text, {"burned": "1712", "arrested": "173"}, scene=False)
    burned, arrested = events["burned"].location, events["arrested"].location
    assert burned is not None and burned.name == "Kisumu"
    assert arrested is not None and arrested.name == "Nairobi"


@pytest.mark.slow
def test_a_month_before_a_day_is_a_date_not_a_town(pipeline: Pipeline) -> None:
    situator = pipeline.situator
    assert isinstance(situator, Situator)
    article = Article(id="aug", text="Rebels fired rockets from Somalia after a truce ended on Aug 26.", date=TUESDAY)
    sentence = next(iter(pipeline.parser.parse([clean(article)]))).sentences[0]
    named = [m.location.text for m in situator.places.mentions(sentence, None, Story())]
    assert named == ["Somalia"]


@pytest.mark.slow
def test_an_act_of_force_told_after_an_incident_happened_at_the_incident_not_at_the_dateline(
    pipeline: Pipeline,
) -> None:
    text = (
        "NAIROBI, June 3 (Wire) - Gunmen attacked a bus near Garissa on Monday.\n\n"
        "Soldiers killed two of the attackers, the army said."
    )
    events = situate_story(pipeline, text, {"attacked": "190", "killed": "190"})
    attacked, killed = events["attacked"].location, events["killed"].location
    assert attacked is not None and killed is not None and attacked.name == killed.name == "Garissa"


@pytest.mark.slow
def test_a_surname_the_story_gave_a_person_is_that_person_not_a_town(pipeline: Pipeline) -> None:
    text = (
        "Police said presidential candidate Fernando Villavicencio was shot dead in Quito on Wednesday.\n\n"
        "Villavicencio was hit three times in the head."
    )
    events = situate_story(pipeline, text, {"shot": "180", "hit": "180"}, scene=False)
    hit = events["hit"].location
    assert hit is None or hit.country == "ECU"


@pytest.mark.slow
def test_a_relative_clause_on_a_place_is_not_there_unless_it_says_where(pipeline: Pipeline) -> None:
    text = "Washington accused Kenya of sending troops to Somalia, which both governments deny."
    assert situate_story(pipeline, text, {"deny": "016"}, scene=False)["deny"].location is None
    text = "Kenya and Uganda held talks in Kampala, where the ministers pledged to reopen the border."
    pledged = situate_story(pipeline, text, {"pledged": "032"}, scene=False)["pledged"].location
    assert pledged is not None and pledged.name == "Kampala"
