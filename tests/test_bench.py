"""``thucydides bench coder``: both sides timed alike, the pipeline's loading kept off the coder's clock."""

from __future__ import annotations

import pytest

from thucydides import bench
from thucydides.models import Article
from thucydides.pipeline import Pipeline, PipelineConfig

TEXTS = ["Russia attacked Ukraine on Monday.", "Japan held talks with NATO in Brussels."]


def test_the_coder_is_timed_with_its_pipeline_loaded_once_before_the_clock(
    pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    loads: list[PipelineConfig] = []

    def load(config: PipelineConfig) -> Pipeline:
        loads.append(config)
        return pipeline

    monkeypatch.setattr(Pipeline, "load", load)
    articles = [Article(id=str(i), text=t) for i, t in enumerate(TEXTS)]
    seconds, loaded, cpu, events = bench.time_coder(articles, workers=2, coder="rules")
    assert [c.coder for c in loads] == ["rules"]  # two articles: coded here, with the one pipeline
    assert events >= 2
    assert seconds > 0 and loaded >= 0
    assert cpu is not None and cpu > 0  # coded in this process: its CPU time is the coding's


def test_the_table_shows_the_loading_time_apart_from_the_rate() -> None:
    m = bench.Measurement(
        "rules",
        1,
        seconds=2.0,
        load_seconds=1.5,
        words=100,
        articles=1,
        events=3,
        peak_mb_main=300.0,
        peak_mb_worker=0.0,
    )
    result = {
        "articles": 1,
        "words": 100,
        "measurements": [vars(m) | {"words_per_second": m.words_per_second}],
        "best_words_per_second": {"rules": m.words_per_second},
        "ratios": {"rules": 1.0},
    }
    row = next(line for line in bench.render(result).splitlines() if line.startswith("| rules | 1 |"))
    assert row.split(" | ")[2:7] == ["2.0", "–", "50", "3", "1.5"]


def _measured(name: str, workers: int, seconds: float, cpu: float | None) -> bench.Measurement:
    return bench.Measurement(name, workers, seconds, 0.0, 1000, 10, 5, 300.0, 0.0, cpu)


def test_cpu_ratios_compare_words_per_cpu_second_on_one_process_only() -> None:
    results = [
        _measured("spacy", 1, seconds=4.0, cpu=1.0),
        _measured("spacy", 2, seconds=1.0, cpu=None),
        _measured("rules", 1, seconds=2.0, cpu=1.25),
        _measured("hybrid", 2, seconds=1.0, cpu=None),
    ]
    assert bench.cpu_ratios(results, ("rules", "hybrid")) == {"rules": 0.8, "hybrid": None}


def test_rounds_time_every_pipeline_in_turn_and_judge_each_by_its_fastest_run(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # the machine slows down after the first round: spaCy's one fast run and the coder's slow one would
    # make a ratio the code did not earn
    order: list[str] = []
    slow = {"spacy": [1.0, 2.0], "rules": [2.5, 1.25]}  # CPU seconds in the first and second round

    def measure(name: str, articles: list[Article], workers: int) -> bench.Measurement:
        cpu = slow[name][sum(1 for n in order if n == name)]
        order.append(name)
        return _measured(name, workers, seconds=cpu, cpu=cpu)

    monkeypatch.setattr(bench, "measure", measure)
    monkeypatch.setattr(bench, "load_texts", lambda paths, limit: [Article(id="1", text="a b")])
    result = bench.run_bench([], workers=(1,), coders=("rules",), rounds=2)
    assert order == ["spacy", "rules", "spacy", "rules"]
    assert result["ratios"] == {"rules": 0.8} and result["cpu_ratios"] == {"rules": 0.8}
    assert len(result["measurements"]) == 4 and result["rounds"] == 2  # type: ignore[arg-type]
    assert "2 rounds, each pipeline judged by its fastest run" in bench.render(result)
