"""Small typed loaders for the data files shipped inside the package."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import os
import pickle
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

from .errors import DataError, Errors
from .version import __version__

DATA_DIR = Path(__file__).parent / "data"
T = TypeVar("T")
# Which installed copy of the package wrote a cache file: two copies (two checkouts, two environments)
# keep their own files and never remove each other's as stale.
INSTALL = hashlib.sha1(str(Path(__file__).resolve().parent).encode()).hexdigest()[:8]


def data_path(*parts: str) -> Path:
    """Path of a shipped data file; raise E002 when it is missing."""
    path = DATA_DIR.joinpath(*parts)
    if not path.exists():
        raise DataError(Errors.E002, path=path)
    return path


def load_yaml(path: Path) -> Any:
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        with path.open(encoding="utf-8") as handle:
            return yaml.load(handle, Loader=loader)
    except OSError as err:
        raise DataError(Errors.E002, path=path) from err
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark is not None else "unknown line"
        raise DataError(Errors.E003, path=path, where=where, detail=str(err).splitlines()[0]) from None


def load_tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def yaml_files(directory: Path) -> list[Path]:
    return sorted(p for p in directory.glob("*.yaml") if p.is_file())


def as_date(value: Any, path: Path, where: str) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value)
    for size, suffix in ((10, ""), (7, "-01"), (4, "-01-01")):
        if len(text) == size:
            try:
                return dt.date.fromisoformat(text + suffix)
            except ValueError:
                break
    raise DataError(Errors.E003, path=path, where=where, detail=f"{value!r} is not a date")


def fingerprint(paths: Iterable[Path]) -> str:
    """A hash of the files' names, sizes and modification times, for cache keys."""
    digest = hashlib.sha1(__version__.encode())
    for path in sorted(paths):
        stat = path.stat()
        digest.update(f"{path}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:16]


def cache_dir() -> Path:
    own = os.environ.get("THUCYDIDES_CACHE")
    if own:
        return Path(own)
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "thucydides"


def cached(name: str, key: str, build: Callable[[], T]) -> T:
    """Return ``build()``, memoised on disk under ``name`` for this ``key``.

    A compiled knowledge base takes seconds to build and milliseconds to unpickle;
    every worker process benefits. A broken or stale cache is rebuilt silently; a new one replaces
    the stale ones of this installed copy only.
    """
    path = cache_dir() / f"{name}-{INSTALL}-{key}.pickle"
    try:
        with path.open("rb") as handle:
            return pickle.load(handle)  # type: ignore[no-any-return]
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        pass
    value = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        legacy = path.parent.glob(f"{name}-{'?' * 16}.pickle")  # written before copies kept their own
        for stale in [*path.parent.glob(f"{name}-{INSTALL}-*.pickle"), *legacy]:
            if stale != path:
                stale.unlink(missing_ok=True)
    except OSError:
        pass
    return value
