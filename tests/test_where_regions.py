"""Regions are never towns; an ambiguous town needs the story's support before it beats the story's country."""

from __future__ import annotations

import datetime as dt

import pytest

from thucydides.models import Article, Location
from thucydides.pipeline import Pipeline
from thucydides.resources import data_path, load_yaml
from thucydides.where.gazetteer import norm
from thucydides.where.regions import region_names

pytestmark = pytest.mark.slow
REGIONS = [str(name) for names in load_yaml(data_path("places", "regions.yaml")).values() for name in names]


def _place(pipeline: Pipeline, text: str, trigger: str) -> Location | None:
    """Where the act at ``trigger`` is placed, emitted or not (an attack on no one named is refused, still placed)."""
    (coded,) = pipeline.code([Article(id="t", text=text, date=dt.date(2025, 6, 3))])
    found = [*coded.events, *(r.event for r in coded.refused)]
    events = [e for e in found if trigger in e.trigger.text]
    assert events, f"no event at {trigger!r} in {text!r}"
    return events[-1].location


def test_region_names_are_loaded_normalised() -> None:
    names = region_names()
    assert {"africa", "pacific", "middle east", "central asia"} <= names
    assert "south africa" not in names  # a country, not a region


def test_africa_is_not_mahdia_in_tunisia(pipeline: Pipeline) -> None:
    assert _place(pipeline, "Rebels attacked a convoy in Africa on Monday.", "attacked") is None


@pytest.mark.parametrize(
    "text",
    [
        "China deployed warships in the Pacific.",
        "Russia deployed troops in Central Asia.",
        "The United States deployed troops in the Middle East.",
        "Rebels attacked a convoy in Africa.",
    ],
)
def test_the_issues_regions_give_no_town(pipeline: Pipeline, text: str) -> None:
    assert _place(pipeline, text, "deployed" if "deployed" in text else "attacked") is None


@pytest.mark.parametrize("region", REGIONS)
def test_no_region_word_lands_in_a_town(pipeline: Pipeline, region: str) -> None:
    for event in pipeline.code_text(f"Soldiers attacked a convoy in {region}.", "2025-06-03"):
        loc = event.location
        assert loc is None or norm(loc.text or loc.name) != norm(region), (region, loc)
        assert loc is None or loc.feature not in ("city", "adm1"), (region, loc)


def test_a_country_named_like_a_region_stays_a_country(pipeline: Pipeline) -> None:
    loc = _place(pipeline, "Police arrested protesters in South Africa.", "arrested")
    assert loc is not None and (loc.country, loc.feature) == ("ZAF", "country")


def test_an_ambiguous_town_abroad_yields_to_the_storys_country(pipeline: Pipeline) -> None:
    text = "Kenyan police clashed with protesters in Nairobi. Troops fired on them in Salamanca."
    loc = _place(pipeline, text, "fired")
    assert loc is not None and (loc.country, loc.feature) == ("KEN", "country")


def test_an_ambiguous_town_with_support_from_the_story_wins(pipeline: Pipeline) -> None:
    loc = _place(pipeline, "Chilean police arrested protesters in Salamanca.", "arrested")
    assert loc is not None and (loc.name, loc.country) == ("Salamanca", "CHL")
    loc = _place(pipeline, "Lebanese troops clashed with militants in Tripoli.", "clashed")
    assert loc is not None and loc.country == "LBN"


def test_an_old_name_of_a_city_loses_to_a_town_that_bears_it(pipeline: Pipeline) -> None:
    loc = _place(pipeline, "Canadian police arrested protesters in Victoria.", "arrested")
    assert loc is not None and (loc.name, loc.country) == ("Victoria", "CAN")


def test_an_unambiguous_city_abroad_needs_no_support(pipeline: Pipeline) -> None:
    loc = _place(pipeline, "Kenya and Somalia held talks in Geneva.", "talks")
    assert loc is not None and (loc.name, loc.country) == ("Geneva", "CHE")
