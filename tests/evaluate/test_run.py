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
