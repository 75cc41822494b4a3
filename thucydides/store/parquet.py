"""Parquet in: the coded articles the Ray engine writes (``thucydides.scale.parquet``).

A path is Parquet input when it is a ``.parquet`` file or a directory holding
``.parquet`` files; everything else goes through the ordinary readers and the coder.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import Errors, StoreError
from ..models import CodedArticle, Rejection


def is_parquet(path: Path) -> bool:
    """Parquet of coded articles (stored as it is), not Parquet of articles still to code."""
    if path.is_dir():
        if not any(path.rglob("*.parquet")):
            return False
    elif path.suffix.lower() != ".parquet":
        return False
    from ..scale.parquet import holds_coded_articles

    return holds_coded_articles(path)


def split_parquet(paths: Iterable[str]) -> tuple[list[str], list[str]]:
    """(other paths, Parquet paths), each in the order given."""
    other: list[str] = []
    parquet: list[str] = []
    for name in paths:
        (parquet if name != "-" and is_parquet(Path(name)) else other).append(name)
    return other, parquet


def coded_parquet(paths: Iterable[str]) -> Iterator[CodedArticle | Rejection]:
    """The coded articles (then the rejected inputs) stored in Parquet by the scale engine."""
    try:
        from ..scale.parquet import read_parquet, read_rejections
    except ImportError as err:
        raise StoreError(Errors.E442, detail=str(err)) from None
    for path in paths:
        yield from read_parquet(path)
        yield from read_rejections(path)
