"""code_texts, code_frame, to_arrow: the notebook entry points, and the docs/python.md example."""

from __future__ import annotations

import datetime as dt
import re
import sys
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pytest

import thucydides
from thucydides import frame
from thucydides.errors import InputError, ThucydidesError
from thucydides.pipeline import Pipeline, PipelineConfig
from thucydides.writers import CSV_COLUMNS

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.slow


@pytest.fixture()
def loaded(pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch) -> Pipeline:
    """The session's pipeline stands in for the default one; loading another would fail the test."""
    monkeypatch.setattr(frame, "_PIPELINES", {PipelineConfig(): pipeline})
    monkeypatch.delenv("THUCYDIDES_STORE", raising=False)

    def no_second_load(*_args: object, **_kw: object) -> Pipeline:
        raise AssertionError("the pipeline was loaded again")

    monkeypatch.setattr(Pipeline, "load", no_second_load)
    return pipeline


def test_code_texts_returns_one_event_list_per_text(loaded: Pipeline) -> None:
    coded = thucydides.code_texts(["Russia attacked Ukraine on Monday.", "It rained."], date="2025-06-03")
    assert len(coded) == 2 and coded[1] == []
    event = coded[0][0]
    assert (event.source.code, event.target.code, event.cameo_root, event.date) == (
        "RUS",
        "UKR",
        "19",
        dt.date(2025, 6, 2),
    )


def test_pipeline_is_loaded_once_and_reused(monkeypatch: pytest.MonkeyPatch, pipeline: Pipeline) -> None:
    loads: list[PipelineConfig] = []

    def counting_load(config: PipelineConfig | None = None, parser: object = None) -> Pipeline:
        loads.append(config or PipelineConfig())
        return pipeline

    monkeypatch.setattr(frame, "_PIPELINES", {})
    monkeypatch.setattr(Pipeline, "load", counting_load)
    thucydides.code_texts(["Russia attacked Ukraine."])
    thucydides.code_texts(["China condemned the United States."])
    thucydides.code_frame(pd.DataFrame({"text": ["Japan wants to join NATO."]}))
    assert len(loads) == 1


def test_code_frame_has_csv_columns_ids_and_dates(loaded: Pipeline) -> None:
    df = pd.DataFrame(
        {
            "id": [7, 8],
            "text": ["Russia attacked Ukraine on Monday.", "China condemned the United States."],
            "date": [pd.Timestamp("2025-06-03"), None],
        }
    )
    out = thucydides.code_frame(df)
    assert list(out.columns) == CSV_COLUMNS
    assert list(out["article_id"]) == ["7", "8"]
    assert out.loc[0, "date"] == pd.Timestamp("2025-06-02") and pd.isna(out.loc[1, "date"])
    assert out["goldstein"].dtype == "float64" and out["quad_class"].dtype == "int8"


def test_code_frame_uses_index_without_id_column(loaded: Pipeline) -> None:
    df = pd.DataFrame({"body": ["Russia attacked Ukraine."]}, index=["story-a"])
    assert list(thucydides.code_frame(df, text="body", date=None)["article_id"]) == ["story-a"]


def test_code_frame_without_text_column_says_which_columns_exist(loaded: Pipeline) -> None:
    with pytest.raises(InputError) as err:
        thucydides.code_frame(pd.DataFrame({"body": ["x"]}))
    assert err.value.code == "E084" and "body" in str(err.value)


def test_code_frame_with_unreadable_date_names_the_row(loaded: Pipeline) -> None:
    with pytest.raises(InputError) as err:
        thucydides.code_frame(pd.DataFrame({"id": ["r1"], "text": ["x"], "date": ["someday"]}))
    assert err.value.code == "E107" and "row r1" in str(err.value)


def test_to_arrow_types_the_csv_columns(loaded: Pipeline) -> None:
    table = thucydides.to_arrow(thucydides.code_texts(["Russia attacked Ukraine."], date="2025-06-03"))
    assert table.column_names == CSV_COLUMNS
    assert table.schema.field("date").type == pa.date32()
    assert table.schema.field("source_start").type == pa.int32()
    assert table.column("source_code").to_pylist() == ["RUS"]


def test_to_arrow_of_nothing_is_an_empty_typed_table() -> None:
    table = thucydides.to_arrow([])
    assert table.num_rows == 0 and table.schema == frame.arrow_schema()


def test_code_frame_without_pandas_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)  # import pandas now raises ImportError
    with pytest.raises(ThucydidesError) as err:
        thucydides.code_frame(object())  # type: ignore[arg-type]
    assert err.value.code == "E082" and "pip install 'thucydides[pandas]'" in str(err.value)


def test_python_docs_notebook_example_runs(loaded: Pipeline, capsys: pytest.CaptureFixture[str]) -> None:
    text = (ROOT / "docs" / "python.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", text, flags=re.S)
    assert len(blocks) >= 5
    namespace: dict[str, object] = {}
    for block in blocks:
        exec(compile(block, "docs/python.md", "exec"), namespace)
    assert "JPN 030 IGOWSTNAT" in capsys.readouterr().out
