"""Endpoints that wait for the store, run in FastAPI's pool of threads with one hop there and back.

FastAPI runs a plain ``def`` endpoint in its pool of threads and then checks the endpoint's answer
against its response model in that pool too, a second hop for every JSON answer. :func:`in_a_thread`
makes an endpoint a coroutine that runs the plain function in the pool and returns its answer, so the
answer is checked on the event loop: one hop, not two. Under 50 clients at once each hop is a wait
for the interpreter's lock (docs/performance.md, "Under load").
"""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable
from typing import ParamSpec, TypeVar

from starlette.concurrency import run_in_threadpool

P = ParamSpec("P")
R = TypeVar("R")


def in_a_thread(view: Callable[P, R]) -> Callable[P, Awaitable[R]]:
    """``view`` as a coroutine that runs it in the pool of threads; its signature is the one FastAPI reads."""

    @functools.wraps(view)
    async def endpoint(*args: P.args, **kwargs: P.kwargs) -> R:
        return await run_in_threadpool(view, *args, **kwargs)

    return endpoint
