from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from thucydides.store import Store


@pytest.fixture()
def store() -> Iterator[Store]:
    """A store in memory."""
    with Store.open(":memory:") as opened:
        yield opened


@pytest.fixture()
def store_path(tmp_path: Path) -> Path:
    return tmp_path / "events.duckdb"
