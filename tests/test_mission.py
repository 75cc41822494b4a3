"""The mission's story, retold in the built-in example article, coded by the full shipped pipeline (hybrid)."""

import pytest

from thucydides.cli.code import EXAMPLE_DATE, example_path
from thucydides.models import Event
from thucydides.pipeline import Pipeline


@pytest.fixture(scope="module")
def events(hybrid_pipeline: Pipeline) -> list[Event]:
    return hybrid_pipeline.code_text(example_path().read_text(encoding="utf-8"), EXAMPLE_DATE, article_id="japan_nato")


def _has(events: list[Event], source: str, target: str, roots: tuple[str, ...]) -> bool:
    def key(actor: object) -> str:
        return "" if actor is None else (actor.group or actor.country or "")  # type: ignore[attr-defined]

    return any(key(e.source) == source and key(e.target) == target and e.cameo_root in roots for e in events)


def test_japan_expresses_intent_to_cooperate_with_nato(events: list[Event]) -> None:
    assert _has(events, "JPN", "NAT", ("03",))


def test_japan_and_nato_consult(events: list[Event]) -> None:
    assert _has(events, "JPN", "NAT", ("04",)) or _has(events, "NAT", "JPN", ("04",))


@pytest.mark.parametrize("country", ["CHN", "PRK", "RUS"])
def test_nato_disapproves_of_the_military_cooperation_of_china_north_korea_and_russia(
    events: list[Event], country: str
) -> None:
    assert _has(events, "NAT", country, ("11",))


def test_beijing_criticises_nato(events: list[Event]) -> None:
    assert any(
        e.cameo.startswith("111") and e.source and e.source.country == "CHN" and e.target and e.target.group == "NAT"
        for e in events
    )


def test_secretary_general_is_coded_as_nato_on_the_story_date(events: list[Event]) -> None:
    rutte = [e.source for e in events if e.source and "Rutte" in e.source.text]
    assert rutte and all(a.group == "NAT" for a in rutte)


def test_defence_minister_is_coded_as_japanese_government_military(events: list[Event]) -> None:
    # named in the text or resolved to him ("the two men" who held talks)
    actors = [a for e in events for a in (e.source, e.target) if a is not None]
    nakatani = [a for a in actors if "Nakatani" in a.text or "Nakatani" in (a.name or "")]
    assert nakatani and all(a.code == "JPNGOVMIL" for a in nakatani)


def test_what_the_minister_says_japan_did_is_japans(events: list[Event]) -> None:
    # "Nakatani said Japan, having already provided Ukraine with defence equipment, hoped to deepen its
    # cooperation with NATO": Japan hopes and Japan provided, not the minister
    hoped = [e for e in events if e.trigger.text.startswith("hoped")]
    assert [(e.source.code, e.target.group) for e in hoped if e.source and e.target] == [("JPN", "NAT")]


def test_japans_earlier_aid_to_ukraine_is_coded_as_background(events: list[Event]) -> None:
    aid = [e for e in events if e.cameo_root == "07" and e.source and e.source.country == "JPN"]
    assert aid and aid[0].target is not None and aid[0].target.country == "UKR" and not aid[0].current


def test_nato_visits_japan_and_praises_the_us_defence_secretary(events: list[Event]) -> None:
    assert _has(events, "NAT", "JPN", ("04",))
    assert _has(events, "NAT", "USA", ("05",))
    assert _has(events, "USA", "JPN", ("04",))


@pytest.mark.parametrize("partner", ["KOR", "AUS", "NZL"])
def test_nato_ties_with_the_indo_pacific_partners(events: list[Event], partner: str) -> None:
    assert _has(events, "NAT", partner, ("03", "05", "06"))


def test_the_frigate_visit_is_placed_at_yokosuka_on_wednesday(events: list[Event]) -> None:
    tour = next(e for e in events if e.trigger.text == "tour")
    assert tour.location is not None and "Yokosuka" in tour.location.name
    assert tour.date is not None and tour.date.isoformat() == "2025-06-04"
