"""The town of a story's dateline: the one in the qualifying country, by its own name."""

from __future__ import annotations

import pytest

from thucydides.pipeline import Pipeline
from thucydides.situate import Situator
from thucydides.where.scene import scene


@pytest.mark.slow
def test_a_qualified_dateline_picks_the_town_in_the_named_country(pipeline: Pipeline) -> None:
    situator = pipeline.situator
    assert isinstance(situator, Situator)
    town = scene(situator.places, "SALAMANCA, Chile, June 3 (Wire) - Miners blocked the road.")
    assert town is not None and (town.name, town.country) == ("Salamanca", "CHL")


def test_a_story_without_a_dateline_has_no_scene(pipeline: Pipeline) -> None:
    situator = pipeline.situator
    assert isinstance(situator, Situator)
    assert scene(situator.places, "Police arrested the opposition leader in Nairobi on Tuesday.") is None


def test_a_dateline_town_is_the_one_of_that_name_not_one_formerly_so_called(pipeline: Pipeline) -> None:
    situator = pipeline.situator
    assert isinstance(situator, Situator)
    town = scene(situator.places, "ISLAMABAD, May 10 (Wire) - The government called out the army.")
    assert town is not None and (town.name, town.country) == ("Islamabad", "PAK")
