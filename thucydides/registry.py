"""The registry: every swappable part of the coder, found by name.

Parsers, event passes, actor passes, lexicons, languages, coders, writers (one registry for
``code`` and ``export``), gazetteers and web routers are registered under a category and a name, either in-process::

    from thucydides import registry

    @registry.register("event_passes", "my-pass")
    def my_pass(resources): ...

or by a package, through a Python entry point in the group ``thucydides_<category>``
(as spaCy finds factories through ``spacy_factories``)::

    [project.entry-points.thucydides_event_passes]
    my-pass = "my_package.passes:my_pass"

Names are resolved inside worker processes from the names in ``PipelineConfig``,
so every worker builds the same pipeline. This module imports nothing of the
coder, so any module may use it without an import cycle.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib.metadata import entry_points
from typing import Any, TypeVar

from .errors import Errors, SettingsError

CATEGORIES = (
    "parsers",
    "event_passes",
    "actor_passes",
    "lexicons",
    "languages",
    "coders",
    "writers",
    "gazetteers",
    "routers",
)
F = TypeVar("F", bound=Callable[..., Any])

_registered: dict[str, dict[str, Callable[..., Any]]] = {category: {} for category in CATEGORIES}


def group(category: str) -> str:
    """The entry-point group of ``category``: ``thucydides_event_passes``."""
    return f"thucydides_{category}"


def _check(category: str) -> None:
    if category not in _registered:
        raise SettingsError(Errors.E040, category="registry category", name=category, known=", ".join(CATEGORIES))


def register(category: str, name: str, factory: F | None = None) -> Any:
    """Register ``factory`` as ``name`` in ``category``; without ``factory``, a decorator that does."""
    _check(category)

    def add(found: F) -> F:
        _registered[category][name] = found
        return found

    return add(factory) if factory is not None else add


def unregister(category: str, name: str) -> None:
    """Forget an in-process registration (for tests)."""
    _check(category)
    _registered[category].pop(name, None)


def _entry_points(category: str) -> dict[str, Any]:
    return {ep.name: ep for ep in entry_points(group=group(category))}


def names(category: str) -> list[str]:
    """Every name registered in ``category``, in-process or by an installed package."""
    _check(category)
    return sorted({*_registered[category], *_entry_points(category)})


def get(category: str, name: str) -> Callable[..., Any]:
    """The factory registered as ``name`` in ``category``; E040 when there is none."""
    _check(category)
    found = _registered[category].get(name)
    if found is not None:
        return found
    point = _entry_points(category).get(name)
    if point is None:
        raise SettingsError(
            Errors.E040, category=category.replace("_", " ")[:-1], name=name, known=", ".join(names(category)) or "none"
        )
    try:
        loaded: Callable[..., Any] = point.load()
    except (ImportError, AttributeError) as err:
        raise SettingsError(Errors.E041, category=category, name=name, origin=point.value, detail=err) from err
    _registered[category][name] = loaded
    return loaded
