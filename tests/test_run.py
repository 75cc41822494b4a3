"""The ``code`` job as a function: what it reports, and when."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from thucydides.models import Rejection
from thucydides.pipeline import Pipeline
from thucydides.run import code_paths


class _Loaded(Exception):
    """Raised by the stand-in for Pipeline.load: the models would load now."""


@pytest.fixture()
def log(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    happened: list[str] = []

    def load(cls: type, *_args: object, **_kwargs: object) -> Pipeline:
        happened.append("load")
        raise _Loaded

    monkeypatch.setattr(Pipeline, "load", classmethod(load))
    return happened


def test_a_missing_input_file_needs_no_model(tmp_path: Path, log: list[str]) -> None:
    summary = code_paths([str(tmp_path / "nope.txt")], io.StringIO(), workers=1, on_reject=lambda r: log.append(r.code))
    assert (summary.read, summary.rejected) == (1, 1)
    assert log == ["E106"]


@pytest.mark.parametrize("workers", [1, 4])
def test_a_missing_input_file_is_reported_before_the_models_load(tmp_path: Path, log: list[str], workers: int) -> None:
    (tmp_path / "good.txt").write_text("Russia attacked Ukraine.", encoding="utf-8")
    paths = [str(tmp_path / "good.txt"), str(tmp_path / "nope.txt")]

    def report(rejection: Rejection) -> None:
        log.append(f"{rejection.code} {Path(rejection.origin).name}")

    with pytest.raises(_Loaded):
        code_paths(paths, io.StringIO(), workers=workers, on_reject=report)
    assert log == ["E106 nope.txt", "load"]
