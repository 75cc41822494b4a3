from thucydides.evaluate.gold import GoldEvent, GoldRecord
from thucydides.evaluate.score import PRF, country_level, score_classes, score_events, score_plover, score_spans

from ..test_writers import make_event


def test_prf_counts_multiset_overlap() -> None:
    prf = PRF()
    prf.add(["04", "04", "19"], ["04", "11"])
    assert (prf.tp, prf.fp, prf.fn) == (1, 2, 1)
    assert round(prf.f1, 3) == round(2 * (1 / 3) * 0.5 / (1 / 3 + 0.5), 3)


def test_country_level_of_states_and_organisations() -> None:
    assert country_level("JPNGOVMIL") == "JPN"
    assert country_level("IGOWSTNAT") == "NAT"
    assert country_level(None) is None


def test_event_scores_align_and_confuse_roots() -> None:
    event = make_event()  # JPNGOVMIL -> IGOWSTNAT, 0312
    records = [
        GoldRecord(id="1", text="x", events=(GoldEvent("JPN", "IGOWSTNAT", "036"),)),
        GoldRecord(id="2", text="y", events=(GoldEvent("RUS", "UKR", "190"),)),
        GoldRecord(id="3", text="z", events=()),
    ]
    scores = score_events(records, [[event], [], []])
    assert scores.metrics["code (root)"].tp == 1 and scores.metrics["code (full)"].tp == 0
    assert scores.metrics["source (country)"].tp == 1
    assert scores.confusion["03"]["03"] == 1 and scores.confusion["19"]["none"] == 1
    assert scores.source_country.value == 0.5 and scores.no_event_right.value == 1.0


def test_class_scores_use_the_first_event() -> None:
    records = [GoldRecord(id="1", text="x", label=1), GoldRecord(id="2", text="y", label=4)]
    scores = score_classes(records, [[make_event()], []])
    assert scores.confusion[1][1] == 1 and scores.confusion[4][5] == 1
    assert scores.f1(1) == 1.0 and scores.macro_f1 == 0.2


def test_span_scores_exact_match() -> None:
    event = make_event()
    record = GoldRecord(id="1", text="x", spans=(("S", 0, 24), ("T", 30, 34), ("T", 40, 45)))
    scores = score_spans([record], [[event]])
    assert scores.exact["all"].tp == 2 and scores.exact["all"].fn == 1 and scores.exact["all"].fp == 0


def test_plover_score_passes_over_statements() -> None:
    records = [GoldRecord(id="1", text="x", plover="AGREE"), GoldRecord(id="2", text="y", plover="ASSAULT")]
    scores = score_plover(records, [[make_event(cameo="010"), make_event()], []])
    assert scores.right == 1 and scores.confusion["ASSAULT"]["none"] == 1 and scores.accuracy == 0.5


def test_an_actor_with_no_mention_has_no_span() -> None:
    from thucydides.evaluate.score import predicted_spans
    from thucydides.models import Actor

    own_state = Actor("JPN", "JPN", None, (), "Japan", "", -1, -1)
    spans = predicted_spans([make_event(), make_event(target=own_state)])
    assert spans == {("S", 0, 24), ("T", 30, 34)}


def test_what_was_made_of_a_gold_act_reads_the_acts_reported_and_precision_the_event_data() -> None:
    record = GoldRecord(id="1", text="x", events=(GoldEvent("RUS", "UKR", "190"),))
    act = make_event(cameo="190", target=None)  # found, refused for want of a target
    scores = score_events([record], [[]], [[act]])
    assert scores.root_accuracy.value == 1.0 and scores.confusion["19"]["19"] == 1
    assert scores.metrics["code (root)"].tp == 0 and scores.metrics["code (root)"].fn == 1
    assert scores.metrics["source+target+root"].tp == 0 and scores.metrics["source+target+root"].fn == 1
    assert scores.coverage.value == 0.0  # no event data was made for the record
    emitted_only = score_events([record], [[]])
    assert emitted_only.root_accuracy.value == 0.0


def test_a_gold_code_whose_plover_category_its_verb_decides_accepts_either() -> None:
    # a gold 0831 (resign or concede defeat) is RETREAT when someone stepped down, CONCEDE when conceding
    from thucydides.models import Plover

    record = GoldRecord(id="1", text="x", events=(GoldEvent("BGD", None, "0831"),))
    for event in ("RETREAT", "CONCEDE"):
        scores = score_events([record], [[make_event(cameo="0831", plover=Plover(event, None, ()))]])
        assert scores.plover.value == 1.0, event
    # a code no verb rule splits keeps one category
    scores = score_events([record], [[make_event(cameo="0831", plover=Plover("AGREE", None, ()))]])
    assert scores.plover.value == 0.0
    other = GoldRecord(id="2", text="y", events=(GoldEvent("JPN", "NAT", "036"),))
    scores = score_events([other], [[make_event(cameo="036", plover=Plover("CONCEDE", None, ()))]])
    assert scores.plover.value == 0.0
