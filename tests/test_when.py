"""Event dates: the weekday rule, explicit and month-only dates, plans, and background events."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from thucydides.clean import clean
from thucydides.models import Article
from thucydides.parse import Sentence, SpacyParser, sentence_from_conll
from thucydides.timex import scan
from thucydides.when import (
    TimeExpr,
    When,
    date_event,
    direction,
    is_background,
    resolve,
    told_as_background,
    trigger_tokens,
)

TUESDAY = dt.date(2025, 6, 3)  # the mission story's publication date
PAST, UNKNOWN, FUTURE = -1, 0, 1
MONDAY, TUE, WEDNESDAY = 0, 1, 2


def weekday(day: int, shift: int = 0) -> TimeExpr:
    return TimeExpr(lo=0, hi=0, anchor=-1, kind="weekday", value=(day,), shift=shift)


# -- the weekday rule ---------------------------------------------------------------------------


@pytest.mark.parametrize("tense", [PAST, UNKNOWN, FUTURE])
def test_on_tuesday_in_a_story_published_on_a_tuesday_is_that_day(tense: int) -> None:
    assert resolve(weekday(TUE), TUESDAY, tense) == When(TUESDAY, "day")


def test_on_monday_is_the_day_before_a_tuesday_story() -> None:
    assert resolve(weekday(MONDAY), TUESDAY, PAST) == When(dt.date(2025, 6, 2), "day")


def test_on_wednesday_in_the_past_tense_is_the_previous_weeks_wednesday() -> None:
    assert resolve(weekday(WEDNESDAY), TUESDAY, PAST) == When(dt.date(2025, 5, 28), "day")


def test_on_wednesday_in_the_future_tense_is_the_coming_one() -> None:
    assert resolve(weekday(WEDNESDAY), TUESDAY, FUTURE) == When(dt.date(2025, 6, 4), "day")


def test_next_wednesday_is_the_coming_one_whatever_the_tense() -> None:
    assert resolve(weekday(WEDNESDAY, shift=1), TUESDAY, UNKNOWN) == When(dt.date(2025, 6, 4), "day")


def test_last_tuesday_in_a_tuesday_story_is_a_week_before() -> None:
    assert resolve(weekday(TUE, shift=-1), TUESDAY, PAST) == When(dt.date(2025, 5, 27), "day")


# -- month-only, explicit and relative dates ----------------------------------------------------


def month(number: int, year: int = 0) -> TimeExpr:
    return TimeExpr(lo=0, hi=0, anchor=-1, kind="month", value=(year, number))


def test_in_march_in_the_past_is_march_of_the_publication_year_with_month_precision() -> None:
    assert resolve(month(3), TUESDAY, PAST) == When(dt.date(2025, 3, 1), "month")


def test_in_september_in_the_past_is_last_year_when_september_is_still_to_come() -> None:
    assert resolve(month(9), TUESDAY, PAST) == When(dt.date(2024, 9, 1), "month")


def test_in_march_in_the_future_is_next_year() -> None:
    assert resolve(month(3), TUESDAY, FUTURE) == When(dt.date(2026, 3, 1), "month")


def test_a_month_with_its_year_keeps_that_year() -> None:
    assert resolve(month(10, 2023), TUESDAY, FUTURE) == When(dt.date(2023, 10, 1), "month")


def test_a_day_without_a_year_is_the_latest_one_for_past_events() -> None:
    expr = TimeExpr(lo=0, hi=0, anchor=-1, kind="date", value=(0, 12, 24))
    assert resolve(expr, TUESDAY, PAST) == When(dt.date(2024, 12, 24), "day")
    assert resolve(expr, TUESDAY, FUTURE) == When(dt.date(2025, 12, 24), "day")


@pytest.mark.parametrize(
    ("kind", "value", "shift", "expected"),
    [
        ("relday", (-1,), 0, When(dt.date(2025, 6, 2), "day")),
        ("week", (), -1, When(dt.date(2025, 5, 26), "week")),
        ("week", (), 1, When(dt.date(2025, 6, 9), "week")),
        ("rmonth", (), 0, When(dt.date(2025, 6, 1), "month")),
        ("rmonth", (), -1, When(dt.date(2025, 5, 1), "month")),
        ("ryear", (), -1, When(dt.date(2024, 1, 1), "year")),
        ("ago", (2, 0), -1, When(dt.date(2025, 6, 1), "day")),
    ],
)
def test_relative_periods_start_on_their_first_day(
    kind: str, value: tuple[int, ...], shift: int, expected: When
) -> None:
    assert resolve(TimeExpr(0, 0, -1, kind, value, shift), TUESDAY, PAST) == expected


@pytest.mark.parametrize(
    ("kind", "value", "shift", "published"),
    [
        ("relday", (1,), 0, dt.date.max),
        ("week", (), 1, dt.date.max),
        ("rmonth", (), 1, dt.date.max),
        ("ryear", (), 1, dt.date.max),
        ("weekday", (MONDAY,), -1, dt.date.min),
        ("ryear", (), -1, dt.date.min),
        ("ago", (3, 2), -1, dt.date.min),
    ],
)
def test_a_relative_date_past_the_calendars_edge_is_no_date_not_a_crash(
    kind: str, value: tuple[int, ...], shift: int, published: dt.date
) -> None:
    """Found by scripts/fuzz.py: articles published on 9999-12-31 or 0001-01-01 that say "tomorrow" or "last year"."""
    assert resolve(TimeExpr(0, 0, -1, kind, value, shift), published, PAST) is None


def test_relative_dates_need_a_publication_date() -> None:
    assert resolve(weekday(TUE), None, PAST) is None
    assert resolve(TimeExpr(0, 0, -1, "year", (2014,)), None, PAST) == When(dt.date(2014, 1, 1), "year")


# -- background ------------------------------------------------------------------------------------


def test_since_starts_a_background_period() -> None:
    assert is_background(When(dt.date(2022, 1, 1), "year", since=True), TUESDAY)


def test_a_year_before_the_story_is_background() -> None:
    assert is_background(When(dt.date(2014, 1, 1), "year"), TUESDAY)
    assert not is_background(When(dt.date(2025, 1, 1), "year"), TUESDAY)


def test_last_month_is_news_but_three_months_ago_is_background() -> None:
    assert not is_background(When(dt.date(2025, 5, 1), "month"), TUESDAY)
    assert is_background(When(dt.date(2025, 3, 1), "month"), TUESDAY)


def test_no_date_is_not_background() -> None:
    assert not is_background(None, TUESDAY)


def test_periods_at_the_calendars_edge_are_not_background() -> None:
    assert not is_background(When(dt.date.min, "day"), dt.date.min)
    assert not is_background(When(dt.date(9999, 12, 1), "month"), dt.date.max)
    assert not is_background(When(dt.date(9999, 12, 27), "week"), dt.date.max)


# -- from the parse ---------------------------------------------------------------------------


Parse = Callable[[str], Sentence]


@pytest.fixture(scope="module")
def parse(parser: SpacyParser) -> Parse:
    def run(text: str) -> Sentence:
        parsed = next(iter(parser.parse([clean(Article(id="t", text=text, date=TUESDAY))])))
        return parsed.sentences[0]

    return run


def _date(sentence: Sentence, word: str, published: dt.date = TUESDAY) -> When | None:
    token = next(t for t in sentence.tokens if t.text == word)
    return date_event(sentence, [token.i], scan(sentence), published)


@pytest.mark.slow
def test_scan_finds_explicit_dates_in_both_orders(parse: Parse) -> None:
    sentence = parse("Talks were held on 3 June 2025 and again on June 5, 2025 in Geneva.")
    found = [(e.kind, e.value) for e in scan(sentence)]
    assert found == [("date", (2025, 6, 3)), ("date", (2025, 6, 5))]


@pytest.mark.slow
def test_scan_reads_last_week_earlier_this_month_and_days_ago(parse: Parse) -> None:
    sentence = parse("Protests erupted last week, three days ago and earlier this month, officials said yesterday.")
    assert [e.kind for e in scan(sentence)] == ["week", "ago", "rmonth", "relday"]


@pytest.mark.slow
def test_may_the_modal_verb_is_not_a_month(parse: Parse) -> None:
    assert scan(parse("The minister may visit Seoul.")) == []


@pytest.mark.slow
def test_the_date_attached_to_the_trigger_wins_over_another_in_the_sentence(parse: Parse) -> None:
    sentence = parse("Japan said on Tuesday that its frigate visited Yokosuka on Monday.")
    assert _date(sentence, "visited") == When(dt.date(2025, 6, 2), "day")
    assert _date(sentence, "said") == When(TUESDAY, "day")


@pytest.mark.slow
def test_a_date_in_a_relative_clause_does_not_apply_to_the_main_event(parse: Parse) -> None:
    sentence = parse("The minister, who visited Kyiv in April, met the ambassador in Berlin.")
    assert _date(sentence, "visited") == When(dt.date(2025, 4, 1), "month")
    assert _date(sentence, "met") is None


@pytest.mark.slow
def test_plans_and_the_future_tense_count_forward(parse: Parse) -> None:
    coming, previous = When(dt.date(2025, 6, 4), "day"), When(dt.date(2025, 5, 28), "day")
    assert _date(parse("The ministers plan to meet in Geneva on Wednesday."), "meet") == coming
    assert _date(parse("The frigate will visit Yokosuka on Wednesday."), "visit") == coming
    assert _date(parse("The frigate visited Yokosuka on Wednesday."), "visited") == previous
    # Friday is three days ahead and four back: "slated to" tells which
    friday = When(dt.date(2025, 6, 6), "day")
    assert _date(parse("The two presidents are slated to meet on Friday in Geneva."), "meet") == friday


@pytest.mark.slow
def test_an_act_scheduled_with_is_to_or_are_to_counts_forward(parse: Parse) -> None:
    coming = When(dt.date(2025, 6, 4), "day")
    assert _date(parse("Representatives of both sides are to meet officials on Wednesday in Geneva."), "meet") == coming
    assert _date(parse("The foreign minister is to visit Beijing on Wednesday, the ministry said."), "visit") == coming
    assert _date(parse("The foreign minister was in Beijing to sign a deal on Wednesday."), "sign") != coming


@pytest.mark.slow
def test_a_clause_saying_when_an_acts_noun_began_dates_it_from_then(parse: Parse) -> None:
    began = parse("The protests, which began on May 25 over power cuts, were led by students.")
    assert _date(began, "protests") == When(dt.date(2025, 5, 25), "day", since=True)
    broke_out = parse("The fighting, which broke out on Saturday, drew in the army.")
    assert _date(broke_out, "fighting") == When(dt.date(2025, 5, 31), "day", since=True)
    ended = parse("The protests, which ended on May 25, were led by students.")
    assert _date(ended, "protests") != When(dt.date(2025, 5, 25), "day", since=True)


@pytest.mark.slow
def test_a_participle_shares_the_date_of_its_clause(parse: Parse) -> None:
    sentence = parse("A car bomb exploded in Manbij on Saturday, killing four people.")
    assert _date(sentence, "killing") == When(dt.date(2025, 5, 31), "day")


@pytest.mark.slow
def test_a_clause_a_day_after_another_is_dated_the_day_before_it(parse: Parse) -> None:
    sentence = parse("Rebels seized the border post on Tuesday, a day after the army shelled their camp.")
    assert _date(sentence, "shelled") == When(dt.date(2025, 6, 2), "day")
    assert _date(sentence, "seized") == When(TUESDAY, "day")


@pytest.mark.slow
def test_a_measured_lag_counts_from_the_story_day_when_the_clause_it_hangs_from_has_no_time(parse: Parse) -> None:
    came = parse("It came nine days after allied jets shot down drones over Poland.")
    assert _date(came, "shot") == When(TUESDAY - dt.timedelta(days=9), "day")
    attacked = parse("Russia attacked Kyiv two days after Ukraine struck a refinery in Saratov.")
    assert _date(attacked, "struck") == When(TUESDAY - dt.timedelta(days=2), "day")
    unmeasured = parse("Russia attacked Kyiv after Ukraine struck a refinery in Saratov.")
    assert _date(unmeasured, "struck") is None  # no measure, no time: the story's day, as any act's


@pytest.mark.slow
def test_a_clause_after_another_without_a_measure_shares_its_date(parse: Parse) -> None:
    sentence = parse("The government recalled its envoy on Monday after the neighbour expelled two diplomats.")
    assert _date(sentence, "expelled") == When(dt.date(2025, 6, 2), "day")


@pytest.mark.slow
def test_a_clause_of_cause_does_not_take_the_time_of_its_governor(parse: Parse) -> None:
    sentence = parse("The minister resigned on Monday because the police raided his office.")
    assert _date(sentence, "raided") is None


@pytest.mark.slow
def test_a_verb_shares_the_date_of_the_verb_coordinated_after_it(parse: Parse) -> None:
    sentence = parse("The three states cut ties with the emirate and imposed a blockade in June 2017.")
    assert _date(sentence, "cut") == When(dt.date(2017, 6, 1), "month")


@pytest.mark.slow
def test_a_possessive_date_belongs_to_its_noun_not_to_the_clause(parse: Parse) -> None:
    sentence = parse("The ministry said on Monday that 900 people were detained after Sunday's vote.")
    assert _date(sentence, "detained") == When(dt.date(2025, 6, 2), "day")


@pytest.mark.slow
def test_an_act_inside_a_dated_thing_takes_its_date_but_one_after_it_does_not(parse: Parse) -> None:
    sentence = parse("Biden congratulated Modi during Sunday's call.")
    assert _date(sentence, "congratulated") == When(dt.date(2025, 6, 1), "day")
    sentence = parse("Iran criticised Israel at Monday's session of the Security Council.")
    assert _date(sentence, "criticised") == When(dt.date(2025, 6, 2), "day")
    assert _date(parse("Police detained 40 protesters after Sunday's election."), "detained") is None


@pytest.mark.slow
def test_a_day_counted_from_the_act_told_before_or_from_publication(parse: Parse) -> None:
    sentence = parse("Drones had struck the airport a day earlier.")
    assert [e.kind for e in scan(sentence)] == ["offset"]
    assert _date(sentence, "struck") == When(dt.date(2025, 6, 2), "day")
    sentence = parse("Ukrainian forces struck Belgorod two days later.")
    told = When(dt.date(2025, 5, 27), "day")
    token = next(t for t in sentence.tokens if t.text == "struck")
    assert date_event(sentence, [token.i], scan(sentence), TUESDAY, told=told) == When(dt.date(2025, 5, 29), "day")
    sentence = parse("Police arrested five men the next day.")
    token = next(t for t in sentence.tokens if t.text == "arrested")
    assert date_event(sentence, [token.i], scan(sentence), TUESDAY, told=told) == When(dt.date(2025, 5, 28), "day")
    assert [e.kind for e in scan(parse("Drones had struck the airport hours earlier."))] == ["told"]
    # a measure before a phrase of its own is a lag from that, not from the act told before
    assert "offset" not in [e.kind for e in scan(parse("Iran seized a tanker two days before the talks."))]


@pytest.mark.slow
def test_a_clause_with_no_time_of_its_own_is_told_in_the_time_of_the_main_clause(parse: Parse) -> None:
    sentence = parse("Police said on Monday that they arrested four men and seized rifles.")
    assert _date(sentence, "arrested") == _date(sentence, "seized") == When(dt.date(2025, 6, 2), "day")


@pytest.mark.slow
def test_a_date_naming_a_past_act_is_the_nearest_one_even_under_a_plan(parse: Parse) -> None:
    sentence = parse("The government has vowed to punish the group for its May 20 attack on the capital.")
    assert _date(sentence, "attack") == When(dt.date(2025, 5, 20), "day")


def test_a_month_on_an_event_that_is_the_object_is_that_events() -> None:
    sentence = sentence_from_conll(
        """
        1 Rutte Rutte PROPN NNP _ 2 nsubj
        2 praised praise VERB VBD _ 0 ROOT
        3 the the DET DT _ 4 det
        4 visit visit NOUN NN _ 2 dobj
        5 in in ADP IN _ 4 prep
        6 March March PROPN NNP _ 5 pobj
        """
    )
    praised, visit = 1, 3
    exprs = scan(sentence)
    assert date_event(sentence, [praised], exprs, TUESDAY, others=[praised, visit]) is None
    assert date_event(sentence, [visit], exprs, TUESDAY, others=[praised, visit]) == When(dt.date(2025, 3, 1), "month")


@pytest.mark.slow
def test_perfect_participles_and_past_perfects_are_told_as_background(parse: Parse) -> None:
    sentence = parse("Having already provided $60 billion, Washington had sent more tanks.")
    for word in ("provided", "sent"):
        token = next(t for t in sentence.tokens if t.text == word)
        assert told_as_background(sentence, [token.i])


def test_direction_reads_the_auxiliary_of_a_hand_made_parse() -> None:
    sentence = sentence_from_conll(
        """
        1 Rutte Rutte PROPN NNP _ 3 nsubj
        2 will will AUX MD _ 3 aux
        3 visit visit VERB VB _ 0 ROOT
        4 Tokyo Tokyo PROPN NNP _ 3 dobj
        """
    )
    assert direction(sentence, 2) == FUTURE
    assert trigger_tokens(sentence, sentence.tokens[2].start, sentence.tokens[2].end) == [2]


def test_an_infinitive_of_purpose_gives_its_time_to_the_act_it_serves() -> None:
    # the parser hangs "on Monday" on the infinitive ("... on Monday to protest the raid")
    sentence = sentence_from_conll(
        """
        1 Ruto Ruto PROPN NNP _ 2 nsubj
        2 telephoned telephone VERB VBD _ 0 ROOT
        3 Museveni Museveni PROPN NNP _ 2 dobj
        4 on on ADP IN _ 7 prep
        5 Monday Monday PROPN NNP _ 4 pobj
        6 to to PART TO _ 7 aux
        7 protest protest VERB VB _ 2 advcl
        8 raids raid NOUN NNS _ 7 dobj
        """
    )
    telephoned = 1
    assert date_event(sentence, [telephoned], scan(sentence), TUESDAY) == When(dt.date(2025, 6, 2), "day")


def test_a_clause_opened_by_since_dates_the_act_from_its_year_as_background() -> None:
    sentence = sentence_from_conll(
        """
        1 Ethiopia Ethiopia PROPN NNP _ 3 nsubj
        2 has have AUX VBZ _ 3 aux
        3 blockaded blockade VERB VBN _ 0 ROOT
        4 Tigray Tigray PROPN NNP _ 3 dobj
        5 since since SCONJ IN _ 3 prep
        6 the the DET DT _ 7 det
        7 army army NOUN NN _ 5 pobj
        8 seized seize VERB VBD _ 7 relcl
        9 Mekelle Mekelle PROPN NNP _ 8 dobj
        10 in in ADP IN _ 8 prep
        11 2020 2020 NUM CD _ 10 pobj
        """
    )
    blockaded = 2
    when = date_event(sentence, [blockaded], scan(sentence), TUESDAY)
    assert when == When(dt.date(2020, 1, 1), "year", since=True) and is_background(when, TUESDAY)
