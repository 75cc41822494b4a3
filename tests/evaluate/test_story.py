import datetime as dt
import json
from pathlib import Path

from thucydides.evaluate.corpus import agreement, read_coding, read_corpus, split_of
from thucydides.evaluate.gold import GoldEvent, GoldRecord, read_gold_jsonl
from thucydides.evaluate.principal import principal
from thucydides.evaluate.story import StoryScores, score_stories, score_story
from thucydides.models import Actor, Location, Span

from ..test_writers import make_event

DAY = dt.date(2025, 6, 3)
FIXTURE = Path(__file__).parent.parent / "fixtures" / "stories_mini.jsonl"


def gold(source: str | None, target: str | None, code: str, **fields: object) -> GoldEvent:
    return GoldEvent(source, target, code, **fields)  # type: ignore[arg-type]


def test_principal_of_states_groups_and_bare_sectors() -> None:
    assert principal("JPNGOVMIL") == "JPN" and principal("IGOWSTNAT") == "NAT"
    assert principal("IMGPSEHMS") == "HMS" and principal("NAT") == "NAT"
    assert principal("REB") == "~REB" and principal(None) is None
    assert principal("IGOEUR") == principal("IGOEUREEC") == "EUR"  # the EU as ANNOTATION.md codes it


def test_event_right_when_principals_and_an_acceptable_code_agree() -> None:
    scores = StoryScores()
    accepted = gold("JPN", "NAT", "040", acceptable_codes=("040", "031"), date=DAY)
    score_story(scores, (accepted,), [make_event()])  # JPNGOVMIL -> IGOWSTNAT 0312
    assert scores.matched == 1 and scores.precision == 1.0 and scores.recall == 1.0
    assert scores.date.right == 1


def test_wrong_target_is_an_error_of_its_class_not_a_match() -> None:
    scores = StoryScores()
    score_story(scores, (gold("JPN", "CHN", "031", trigger="met"),), [make_event()])
    assert scores.matched == 0 and scores.precision == 0.0
    assert scores.errors["target wrong"] == 1 and scores.errors["missed"] == 0


def test_missing_source_and_unrelated_events_are_told_apart() -> None:
    scores = StoryScores()
    gold_events = (gold("JPN", "NAT", "031", trigger="met"), gold("RUS", "UKR", "190", trigger="shelled"))
    coded = [make_event(source=None), make_event(cameo="010", trigger=Span("said", 50, 54))]
    score_story(scores, gold_events, coded)
    assert scores.errors["source missing"] == 1
    assert scores.errors["missed"] == 1
    assert scores.errors["attribution"] == 1


def test_each_gold_event_matches_one_coded_event() -> None:
    scores = StoryScores()
    score_story(scores, (gold("JPN", "NAT", "031"),), [make_event(), make_event()])
    assert scores.matched == 1 and scores.coded_events == 2 and scores.precision == 0.5


def test_negated_act_coded_as_real_is_classed_as_such() -> None:
    scores = StoryScores()
    sentence = "Japan did not attack NATO."
    event = make_event(cameo="190", sentence=sentence, trigger=Span("attack", 14, 20))
    score_story(scores, (), [event])
    assert scores.errors["negated or hypothetical"] == 1


def test_place_right_by_name_or_by_country_when_gold_names_the_country() -> None:
    country = Location("Japan", "JPN", None, None, feature="country")
    by_country = gold("JPN", "NAT", "031", place="Japan", place_country="JPN", place_is_country=True)
    wrong_town = gold("JPN", "NAT", "031", place="Yokosuka", place_country="JPN")
    scores = StoryScores()
    score_story(scores, (by_country,), [make_event(location=country)])
    score_story(scores, (wrong_town,), [make_event()])  # coded at Tokyo
    assert (scores.place.right, scores.place.total) == (1, 2)


def test_a_gold_country_is_not_matched_by_a_town_the_story_did_not_give() -> None:
    only_country = gold("JPN", "NAT", "031", place="Japan", place_country="JPN", place_is_country=True)
    country = Location("Japan", "JPN", 36.0, 138.0, feature="country")
    scores = StoryScores()
    score_story(scores, (only_country,), [make_event()])  # coded at Tokyo, a town in Japan
    score_story(scores, (only_country,), [make_event(location=country)])
    assert (scores.place.right, scores.place.total) == (1, 2)


def test_an_event_whose_gold_names_no_place_is_right_only_with_no_place() -> None:
    nowhere = gold("JPN", "NAT", "031")
    scores = StoryScores()
    score_story(scores, (nowhere,), [make_event()])  # coded at Tokyo
    score_story(scores, (nowhere,), [make_event(location=None)])
    assert (scores.no_place.right, scores.no_place.total) == (1, 2)
    assert scores.place.total == 0


def test_a_gold_town_is_matched_by_another_name_of_it_or_a_site_within_it() -> None:
    kremlin = Location("Kremlin", "RUS", 55.752, 37.617, feature="site")
    spelled = Location("Nay Pyi Taw", "MMR", 19.745, 96.129, feature="city")
    far = Location("Tver", "RUS", 56.86, 35.9, feature="city")
    golds = (
        gold("JPN", "NAT", "031", place="Moscow", place_country="RUS"),
        gold("JPN", "NAT", "031", place="Naypyitaw", place_country="MMR"),
        gold("JPN", "NAT", "031", place="Moscow", place_country="RUS"),
    )
    scores = StoryScores()
    for g, loc in zip(golds, (kremlin, spelled, far), strict=True):
        score_story(scores, (g,), [make_event(location=loc)])
    assert (scores.place.right, scores.place.total) == (2, 3)


def test_background_flag_is_scored() -> None:
    scores = StoryScores()
    score_story(scores, (gold("JPN", "NAT", "031", background=True),), [make_event()])
    assert scores.background.right == 0 and scores.background.total == 1


def test_reliability_table_counts_right_events_by_confidence() -> None:
    scores = StoryScores()
    score_story(scores, (gold("JPN", "NAT", "031"),), [make_event(confidence=0.95), make_event(confidence=0.3)])
    filled = {i: t for i, t in enumerate(scores.reliability) if t.total}
    assert [(t.total, t.right) for t in filled.values()] == [(1, 0), (1, 1)]


def test_story_file_is_read_with_its_fields() -> None:
    gold_set = read_gold_jsonl(FIXTURE)
    assert gold_set.kind == "stories"
    first = gold_set.records[0].events[0]
    assert first.acceptable == ("111", "112") and first.place == "Nairobi" and not first.place_is_country
    assert first.date == dt.date(2024, 3, 7) and first.background is False


def test_scoring_stories_sums_over_records() -> None:
    records = [GoldRecord(id="1", text="x", events=(gold("JPN", "NAT", "031"),)), GoldRecord(id="2", text="y")]
    scores = score_stories(records, [[make_event()], [make_event()]])
    assert scores.stories == 2 and scores.matched == 1 and scores.coded_events == 2


def test_split_is_fixed_by_the_id_and_halves_partition_the_corpus(tmp_path: Path) -> None:
    ids = [f"s{i:03d}" for i in range(200)]
    halves = {split_of(i) for i in ids}
    assert halves == {"dev", "test"} and split_of("s001") == split_of("s001")
    lines = [json.dumps({"id": i, "text": "x", "events": [{"source": "USA", "code": "010"}]}) for i in ids]
    (tmp_path / "b.jsonl").write_text("\n".join(lines[100:]), encoding="utf-8")
    (tmp_path / "a.jsonl").write_text("\n".join(lines[:100]), encoding="utf-8")
    dev, test = read_corpus(tmp_path, "dev"), read_corpus(tmp_path, "test")
    assert len(dev.records) + len(test.records) == 200
    assert not {r.id for r in dev.records} & {r.id for r in test.records}
    assert all(split_of(r.id) == "test" for r in test.records)


def test_agreement_of_two_codings(tmp_path: Path) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    one.mkdir()
    two.mkdir()
    ev = {"source": "RUSMIL", "target": "UKR", "code": "190", "acceptable_codes": ["190", "195"]}
    (one / "x.jsonl").write_text(json.dumps({"id": "s1", "events": [ev, dict(ev, code="111")]}), encoding="utf-8")
    (two / "x.jsonl").write_text(json.dumps({"id": "s1", "events": [dict(ev, code="195")]}), encoding="utf-8")
    result = agreement(read_coding(one), read_coding(two))
    assert result.stories == 1 and result.matched["code (base)"] == 1
    assert result.f1("code (base)") == 2 / 3
    assert result.matched["actors only"] == 1


def test_actor_principal_of_a_coded_group() -> None:
    hamas = Actor("IMGPSEHMS", "PSE", "HMS", (), "Hamas", "Hamas", 0, 5)
    scores = StoryScores()
    score_story(scores, (gold("HMS", "ISR", "190"),), [make_event(source=hamas, target=None, cameo="190")])
    assert scores.errors["target missing"] == 1


def test_a_gold_date_of_a_month_is_right_for_any_day_in_it(tmp_path: Path) -> None:
    path = tmp_path / "g.jsonl"
    event = {"source": "JPN", "target": "NAT", "code": "031", "date": "2025-06", "background": True}
    path.write_text(json.dumps({"id": "s", "text": "x", "events": [event]}), encoding="utf-8")
    month = read_gold_jsonl(path).records[0].events[0]
    assert month.date_precision == "month"
    scores = StoryScores()
    score_story(scores, (month,), [make_event()])  # dated 2025-06-03
    score_story(scores, (month,), [make_event(date=dt.date(2025, 7, 3))])
    assert (scores.date.right, scores.date.total) == (1, 2)
