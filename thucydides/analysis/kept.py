"""Answers kept while a store file is unchanged: for analyses that cost much and that many views share.

An analysis reads the store and nothing else, so its answer depends only on its
arguments and on what the store holds. :func:`kept` wraps such a function: the first
call for a store file, a version of it (:meth:`thucydides.store.Store.version`, which
changes at every commit, by this process or another) and a set of arguments makes the
answer; later calls with the same get it back, and calls made while it is being made
wait for it instead of making it again (fifty clients asking at once cost one query).
Nothing is kept for a store in memory, nor for arguments that cannot be compared (a
list among them). The least recently used answers go first when :data:`KEPT_ANSWERS`
are held. Callers must not change what they get back: it is shared (a list is given
as a copy, its items are frozen objects or dicts the caller copies before changing).
"""

from __future__ import annotations

import functools
import inspect
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any, ParamSpec, TypeVar

from ..store import Store

KEPT_ANSWERS = 1024  # a page of events or a timeline by day is some 100 kB
P = ParamSpec("P")
R = TypeVar("R")

_answers: OrderedDict[tuple[Any, ...], Any] = OrderedDict()
_making: dict[tuple[Any, ...], threading.Event] = {}
_lock = threading.Lock()


def kept(func: Callable[P, R]) -> Callable[P, R]:
    """``func(store, ...)`` made once per store version and arguments (see the module's text)."""

    signature = inspect.signature(func)

    @functools.wraps(func)
    def keeping(*args: P.args, **kwargs: P.kwargs) -> R:
        bound = signature.bind(*args, **kwargs)
        bound.apply_defaults()  # f(store, scope) and f(store, scope, top=40) are one call
        store, *rest = bound.arguments.values()
        assert isinstance(store, Store)
        version = store.version()
        key = (func.__module__, func.__qualname__, str(store.path), version, tuple(rest))
        if version is None or not _hashable(key):
            return func(*args, **kwargs)
        while True:
            with _lock:
                if key in _answers:
                    _answers.move_to_end(key)
                    return _given(_answers[key])
                making = _making.get(key)
                if making is None:
                    _making[key] = making = threading.Event()
                    break
            making.wait()  # then the answer is kept, or its maker failed and this call makes it
        try:
            answer = func(*args, **kwargs)
            with _lock:
                _answers[key] = answer
                while len(_answers) > KEPT_ANSWERS:
                    _answers.popitem(last=False)
        finally:
            with _lock:
                del _making[key]
            making.set()
        return _given(answer)

    return keeping


def _given(answer: Any) -> Any:
    return list(answer) if isinstance(answer, list) else answer


def _hashable(key: tuple[Any, ...]) -> bool:
    try:
        hash(key)
    except TypeError:
        return False
    return True
