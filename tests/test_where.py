"""The gazetteer, the choice of an event's place from the parse, and the scores on the gold set."""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from thucydides.actors.resolve import ActorResolver
from thucydides.clean import clean
from thucydides.doc import Doc
from thucydides.models import Article, Event, Explanation, Location, Plover, Span
from thucydides.pipeline import Pipeline
from thucydides.resources import DATA_DIR, cache_dir
from thucydides.situate import Situator
from thucydides.where.gazetteer import Gazetteer, load_gazetteer, norm
from thucydides.where.score import load_gold, score_places

GOLD = Path(__file__).parent / "data" / "gold" / "places.jsonl"
TUESDAY = dt.date(2025, 6, 3)


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load_gazetteer()


# -- the gazetteer --------------------------------------------------------------------------------


def test_gazetteer_finds_small_towns_with_coordinates_country_adm1_and_geonames_id(gazetteer: Gazetteer) -> None:
    (yokosuka,) = gazetteer.lookup("Yokosuka")
    assert (yokosuka.iso2, yokosuka.adm1, yokosuka.feature) == ("JP", "19", "city")
    assert yokosuka.geonames_id and abs(yokosuka.lat - 35.28) < 0.1 and abs(yokosuka.lon - 139.67) < 0.1
    assert any(p.iso2 == "UA" for p in gazetteer.lookup("Chasiv Yar"))
    assert any(p.iso2 == "RU" for p in gazetteer.lookup("Sudzha"))


def test_gazetteer_finds_alternate_spellings(gazetteer: Gazetteer) -> None:
    assert gazetteer.lookup("Kiev")[0].name.startswith("Kyiv")
    assert gazetteer.lookup("Hodeidah")[0].iso2 == "YE"


def test_gazetteer_knows_first_level_divisions(gazetteer: Gazetteer) -> None:
    texas = [p for p in gazetteer.lookup("Texas") if p.feature == "adm1"]
    assert texas and (texas[0].iso2, texas[0].adm1) == ("US", "TX")
    assert gazetteer.adm1("UA", "05") is not None


def test_gazetteer_knows_bases_seas_and_disputed_regions(gazetteer: Gazetteer) -> None:
    (ramstein,) = [p for p in gazetteer.lookup("Ramstein Air Base") if p.curated]
    assert ramstein.iso2 == "DE" and ramstein.feature == "site"
    (hormuz,) = gazetteer.lookup("the Strait of Hormuz")
    assert hormuz.iso2 == "" and hormuz.curated


def test_countries_have_a_centre_and_a_geonames_id(gazetteer: Gazetteer) -> None:
    germany = gazetteer.country("DE")
    assert germany is not None and germany.geonames_id == 2921044
    assert 47 < germany.lat < 55 and 5 < germany.lon < 15


def test_norm_ignores_case_accents_punctuation_and_a_leading_the() -> None:
    assert norm("The Hague") == norm("the hague") == "hague"
    assert norm("Rzeszów") == "rzeszow"
    assert norm("Ivano-Frankivsk") == "ivano frankivsk"


def test_gazetteer_loads_from_its_cache_in_well_under_a_second(gazetteer: Gazetteer) -> None:
    if not list(cache_dir().glob("gazetteer-*.pickle")):
        pytest.skip("the cache directory is not writable here")
    start = time.perf_counter()
    load_gazetteer()
    assert time.perf_counter() - start < 1.0


def test_sites_table_has_over_a_hundred_places_with_valid_coordinates() -> None:
    with (DATA_DIR / "places" / "sites.tsv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t"))
    assert len(rows) >= 100
    for row in rows:
        assert -90 <= float(row["lat"]) <= 90 and -180 <= float(row["lon"]) <= 180, row["name"]
        assert row["feature"] in ("site", "adm1") and re.fullmatch(r"[A-Z]{3}|", row["country"]), row["name"]


# -- the place of an event --------------------------------------------------------------------------


def bare_event(article: Article, word: str, cameo: str = "040", nth: int = 0) -> Event:
    start = [m.start() for m in re.finditer(rf"\b{re.escape(word)}\b", article.text)][nth]
    return Event(
        event_id=f"e{start}", article_id=article.id, sentence_index=0, sentence="", sentence_start=0,
        date=article.date, source=None, target=None, cameo=cameo, quad_class=0, goldstein=0.0,
        plover=Plover(event=""), trigger=Span(word, start, start + len(word)), confidence=0.0,
        explanation=Explanation(producer="test", rule="", reason=""),
    )  # fmt: skip


Locate = Callable[..., Location | None]


@pytest.fixture(scope="module")
def locate(pipeline: Pipeline) -> Locate:
    """The location the stage gives the event at ``word`` in the last sentence of ``text``."""
    situator = pipeline.situator
    assert isinstance(situator, Situator)

    def run(text: str, word: str, cameo: str = "040") -> Location | None:
        article = Article(id="t", text=text, date=TUESDAY)
        parsed = next(iter(pipeline.parser.parse([clean(article)])))
        resolver = ActorResolver(pipeline.kb, TUESDAY, places=situator.places)
        doc = Doc(article=article, actors=resolver)
        event = bare_event(article, word, cameo, nth=-1)
        located: Location | None = None
        for sentence in parsed.sentences:
            resolver.start(sentence)
            mine = [event] if sentence.start <= event.trigger.start < sentence.end else []
            for done in situator.situate(doc, sentence, mine):
                located = done.location
            resolver.finish()
        return located

    return run


def _where(location: Location | None) -> tuple[str | None, str | None]:
    return (location.name, location.country) if location is not None else (None, None)


@pytest.mark.slow
def test_paris_alone_is_paris_france(locate: Locate) -> None:
    assert _where(locate("Demonstrators marched in Paris on Saturday.", "marched", "141")) == ("Paris", "FRA")


@pytest.mark.slow
def test_paris_texas_is_in_texas(locate: Locate) -> None:
    location = locate("Hundreds rallied in Paris, Texas, on Saturday.", "rallied", "141")
    assert location is not None and (location.country, location.adm1) == ("USA", "USTX")


@pytest.mark.slow
def test_paris_after_paris_texas_in_the_same_story_stays_in_texas(locate: Locate) -> None:
    text = "Hundreds rallied in Paris, Texas, on Saturday. Police in Paris arrested two men on Sunday."
    location = locate(text, "arrested", "173")
    assert location is not None and (location.country, location.adm1) == ("USA", "USTX")


@pytest.mark.slow
def test_a_place_followed_by_its_country_is_looked_up_in_that_country(locate: Locate) -> None:
    location = locate("NATO set up a command in Wiesbaden, Germany, on Tuesday.", "set")
    assert location is not None and (location.name, location.country, location.adm1) == ("Wiesbaden", "DEU", "GM05")


@pytest.mark.slow
def test_georgia_is_the_country_unless_the_story_is_about_the_us_state(locate: Locate) -> None:
    assert _where(locate("Protesters rallied in Georgia on Sunday.", "rallied", "141"))[1] == "GEO"
    text = "Police in Atlanta, Georgia, arrested a man. Protesters rallied in Georgia on Sunday."
    location = locate(text, "rallied", "141")
    assert location is not None and (location.country, location.feature) == ("USA", "adm1")


@pytest.mark.slow
def test_a_capital_that_acts_is_not_a_place(locate: Locate) -> None:
    assert locate("Beijing criticised Manila on Tuesday.", "criticised", "111") is None


@pytest.mark.slow
def test_a_capital_in_a_prepositional_phrase_is_a_place(locate: Locate) -> None:
    assert _where(locate("China's foreign minister met Iranian officials in Beijing.", "met")) == ("Beijing", "CHN")


@pytest.mark.slow
def test_the_yokosuka_naval_base_is_a_site_in_japan(locate: Locate) -> None:
    location = locate("The secretary general will tour a frigate at the Yokosuka naval base.", "tour", "042")
    assert location is not None and (location.name, location.feature, location.country) == (
        "Yokosuka Naval Base",
        "site",
        "JPN",
    )


@pytest.mark.slow
def test_a_country_as_the_place_gives_a_country_level_location(locate: Locate) -> None:
    location = locate("American soldiers stationed in Germany were put on alert.", "stationed", "150")
    assert location is not None and (location.country, location.feature, location.fips) == ("DEU", "country", "GM")
    assert location.lat is not None and location.geonames_id == 2921044


@pytest.mark.slow
def test_the_phrase_attached_to_the_trigger_beats_the_first_place_in_the_sentence(locate: Locate) -> None:
    assert _where(locate("Officials from Tokyo met their counterparts in Seoul.", "met")) == ("Seoul", "KOR")


@pytest.mark.slow
def test_the_object_of_an_attack_is_its_place_but_not_of_a_statement(locate: Locate) -> None:
    assert _where(locate("Russian forces shelled Kharkiv overnight.", "shelled", "190")) == ("Kharkiv", "UKR")
    assert locate("Japan criticised China on Monday.", "criticised", "111") is None


@pytest.mark.slow
def test_no_place_rather_than_a_wrong_one(locate: Locate) -> None:
    assert locate("Japan's defence minister met NATO's chief.", "met") is None
    assert locate("Beijing criticised Manila after a collision near Second Thomas Shoal.", "criticised", "111") is None


@pytest.mark.slow
def test_the_sidelines_of_a_summit_are_where_it_was_held_but_a_topic_is_no_place(locate: Locate) -> None:
    text = "Lavrov met Blinken on the sidelines of an ASEAN summit in Jakarta."
    assert _where(locate(text, "met", "040")) == ("Jakarta", "IDN")
    assert locate("Lavrov and Blinken held talks on the war in Gaza.", "talks", "046") is None


@pytest.mark.slow
def test_an_act_one_travels_to_do_happens_where_one_travels(locate: Locate) -> None:
    assert _where(locate("Modi flew to Colombo to meet the Sri Lankan president.", "meet", "040")) == (
        "Colombo",
        "LKA",
    )
    assert _where(locate("Russia sent troops to Mali to fight the jihadists.", "fight", "190")) == ("Mali", "MLI")
    # a purpose that is not a journey's gives its "to" phrase no such meaning
    assert locate("Japan wrote to Seoul to protest.", "protest", "111") is None


@pytest.mark.slow
def test_an_act_done_during_a_visit_happens_where_the_visit_is(locate: Locate) -> None:
    text = "Lapid criticised Iran's regional role during a visit to Morocco."
    assert _where(locate(text, "criticised", "111")) == ("Morocco", "MAR")
    text = "Macron praised the Indian prime minister while visiting New Delhi."
    assert _where(locate(text, "praised", "051"))[1] == "IND"
    text = "Blinken visited Kyiv on Tuesday and urged Zelenskiy to hold elections."
    assert _where(locate(text, "urged", "020")) == ("Kyiv", "UKR")
    # a visit that is what the act is about is no place of it
    assert locate("Japan protested the planned visit to Moscow by the Indian premier.", "protested", "114") is None


@pytest.mark.slow
def test_a_town_in_a_region_is_placed_at_the_town(locate: Locate) -> None:
    text = "Russian forces captured Kurakhove in the Donetsk region on Monday."
    assert _where(locate(text, "captured", "190")) == ("Kurakhove", "UKR")


def test_country_of_gives_actor_resolution_the_country_of_a_town(pipeline: Pipeline) -> None:
    assert isinstance(pipeline.situator, Situator)
    places = pipeline.situator.places
    assert places.country_of("Yokosuka", frozenset()) == "JPN"
    assert places.country_of("Wiesbaden", frozenset({"DEU"})) == "DEU"
    assert places.country_of("Nowhere-upon-Nothing", frozenset()) is None


def test_province_of_knows_only_first_level_divisions_and_weighs_the_story(pipeline: Pipeline) -> None:
    assert isinstance(pipeline.situator, Situator)
    places = pipeline.situator.places
    assert places.province_of("Khyber Pakhtunkhwa", frozenset()) == "PAK"
    assert places.province_of("Punjab", frozenset({"IND"})) == "IND"  # India's Punjab when the story is India's
    assert places.province_of("Smith", frozenset()) is None  # a US town, not a state
    assert places.province_of("Africa", frozenset()) is None  # a region word


def test_full_name_gives_the_division_and_the_country_for_gdelt(pipeline: Pipeline) -> None:
    assert isinstance(pipeline.situator, Situator)
    placer = pipeline.situator.placer
    (wiesbaden,) = placer.gaz.lookup("Wiesbaden")
    assert placer.gaz.full_name(placer.location(wiesbaden)) == "Wiesbaden, Hesse, Germany"


# -- the gold set -------------------------------------------------------------------------------------


def test_gold_set_has_over_120_hand_checked_sentences() -> None:
    records = load_gold(GOLD)
    assert len(records) >= 120
    for record in records:
        dt.date.fromisoformat(record["date"])
        for event in record["events"]:
            assert event["trigger"] in record["text"], record["id"]
            assert event["precision"] in ("day", "week", "month", "year"), record["id"]
            assert (event["place"] is None) == (event["country"] is None) or event["place"], record["id"]


def test_gold_ids_are_unique() -> None:
    ids = [json.loads(line)["id"] for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(ids) == len(set(ids))


@pytest.mark.slow
def test_gold_set_meets_the_targets_given_the_gold_triggers(pipeline: Pipeline) -> None:
    result = score_places(pipeline, load_gold(GOLD), given_triggers=True)
    assert result["matched_events"] == result["gold_events"]
    assert result["country_accuracy"] >= 0.95
    assert result["place_accuracy"] >= 0.85
    assert result["date_accuracy"] >= 0.95


def test_the_site_word_of_a_name_is_no_town_of_that_name(locate: Locate) -> None:
    # "Sheremetyevo airport": no "Airport" in Hawaii; "Kabul airport" is the airport of Kabul
    sheremetyevo = locate("Navalny was arrested at passport control at Sheremetyevo airport.", "arrested", "173")
    assert sheremetyevo is None or sheremetyevo.country != "USA"
    kabul = locate("Troops attacked Kabul airport on Monday.", "attacked", "190")
    assert kabul is not None and kabul.country == "AFG"


def test_a_word_inside_the_name_of_a_church_or_a_person_is_no_town(locate: Locate) -> None:
    # "Roman Catholic Bishop Rolando Álvarez": no Roman, Romania, in a story about Nicaragua
    text = "A Nicaraguan court sentenced Roman Catholic Bishop Rolando Álvarez to 26 years in prison on Friday."
    sentenced = locate(text, "sentenced", "173")
    assert sentenced is None or sentenced.country != "ROU"
