import dataclasses

from thucydides.analysis import EventQuery, country_counts, map_points
from thucydides.models import Event, Location
from thucydides.store import Store

from ..store.factory import event, story

TOKYO = Location("Tokyo", "JPN", 35.69, 139.69, geonames_id=1850147, fips="JA", full_name="Tokyo, Japan")
BEIJING = Location("Beijing", "CHN", 39.91, 116.40, geonames_id=1816670, fips="CH", full_name="Beijing, China")


def _at(found: Event, place: Location | None) -> Event:
    return dataclasses.replace(found, location=place)


def _fill(store: Store) -> Store:
    store.ingest(
        [
            story(
                1,
                _at(event("JPN", "NAT", "036", day="2025-01-10"), TOKYO),
                _at(event("NAT", "JPN", "057", day="2025-01-20"), TOKYO),
            ),
            story(2, _at(event("CHN", "NAT", "130", day="2025-03-07"), BEIJING), event("CHN", "JPN", "190")),
        ]
    )
    return store


def test_countries_are_counted_under_their_iso3_code_with_their_mean_goldstein(store: Store) -> None:
    found = {c.country: c for c in country_counts(_fill(store))}
    assert set(found) == {"JPN", "CHN"}
    japan, china = found["JPN"], found["CHN"]
    assert (japan.events, japan.cooperation, japan.conflict) == (2, 2, 0)
    assert (china.events, china.cooperation, china.conflict) == (1, 0, 1)
    assert japan.goldstein_mean is not None and china.goldstein_mean is not None
    assert japan.goldstein_mean > 0 > china.goldstein_mean


def test_country_counts_follow_the_query(store: Store) -> None:
    assert [c.country for c in country_counts(_fill(store), query=EventQuery(actor="CHN"))] == ["CHN"]


def test_events_without_a_place_are_on_no_country(store: Store) -> None:
    counts = country_counts(_fill(store))
    assert sum(c.events for c in counts) == sum(p.events for p in map_points(store)) == 3
