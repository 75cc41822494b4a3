"""matplotlib is an optional extra: without it, plotting says how to install it."""

from __future__ import annotations

import sys

import pytest

from thucydides.analysis import plots
from thucydides.errors import ThucydidesError


def test_plot_without_matplotlib_names_the_plot_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib", None)  # import matplotlib now raises ImportError
    with pytest.raises(ThucydidesError) as err:
        plots._figure()
    assert err.value.code == "E083" and "pip install 'thucydides[plot]'" in str(err.value)
