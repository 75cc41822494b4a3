"""Sentence tasks read a sentence through what the coder found in it, emitted or refused."""

from pathlib import Path

from thucydides.evaluate.run import evaluate_file
from thucydides.pipeline import PipelineConfig

# No place and no one named doing it: the arrest is found (class 4, material conflict) and refused.
REFUSED = "A Sudanese opposition leader was arrested."


def test_a_sentence_whose_only_event_is_refused_is_classed_by_it(tmp_path: Path) -> None:
    gold = tmp_path / "classes.tsv"
    gold.write_text(f"{REFUSED}\t4\n", encoding="utf-8")
    evaluation = evaluate_file(gold, PipelineConfig(coder="rules"))
    assert evaluation.coded == [[]]  # nothing emitted ...
    assert evaluation.classes is not None and evaluation.classes.confusion[4][4] == 1  # ... but class 4 found


def test_an_event_under_the_floor_still_classes_its_sentence(tmp_path: Path) -> None:
    gold = tmp_path / "classes.tsv"
    gold.write_text("Japan condemned North Korea's missile launch.\t3\n", encoding="utf-8")
    evaluation = evaluate_file(gold, PipelineConfig(coder="rules", min_confidence=1.0))
    assert evaluation.coded == [[]]
    assert evaluation.classes is not None and evaluation.classes.confusion[3][3] == 1


def test_a_text_reports_every_act_found_in_order_but_attribution() -> None:
    from thucydides.evaluate.run import reported
    from thucydides.events.admit import ATTRIBUTION, NO_TARGET
    from thucydides.models import Article, CodedArticle, Refused, Span

    from ..test_writers import make_event

    said = make_event(cameo="010", target=None, trigger=Span("said", 0, 4))
    drill = make_event(cameo="190", target=None, trigger=Span("shelled", 10, 17))
    met = make_event(cameo="040", trigger=Span("met", 20, 23))
    coded = CodedArticle(
        Article(id="a", text="x"),
        events=(met,),
        refused=(Refused(said, ATTRIBUTION), Refused(drill, NO_TARGET)),
        found=(said, drill, met),
    )
    assert reported(coded) == [drill, met]  # the coder's order; the saying is not what happened
    only_saying = CodedArticle(Article(id="b", text="x"), refused=(Refused(said, ATTRIBUTION),), found=(said,))
    assert reported(only_saying) == [said]  # nothing else: what was found and refused
    assert reported(CodedArticle(Article(id="c", text="x"), events=(met,))) == [met]  # no record of what was weighed
