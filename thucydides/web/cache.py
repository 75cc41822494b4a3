"""Whole answers of the API and the pages, kept for as long as the store is unchanged.

Every view reads the store and nothing else, so its answer depends only on its URL and
on what the store holds. The store's version is read from the file system at each
request (see :meth:`StoreAccess.version`): it changes with every commit, whether this
server made it (POST /api/articles) or another process (an ingest). An answer is kept
only if it is a 200 and the version did not change while it was made; when many
clients ask for the same answer at once, one makes it and the others wait for it.
The least recently used answers go first when the cache is full.
"""

from __future__ import annotations

import asyncio
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from starlette.routing import BaseRoute, Match

from .access import StoreAccess, Version

Key = tuple[str, bytes]
MAX_ENTRIES = 2048
MAX_BYTES = 256 * 1024 * 1024
MAX_BODY = 16 * 1024 * 1024


@dataclass(frozen=True)
class Kept:
    version: Version
    headers: list[tuple[bytes, bytes]]
    body: bytes


class ResponseCache:
    """ASGI middleware keeping the 200 answers to GET requests for ``routes`` while the store is unchanged."""

    def __init__(self, app: Any, access: StoreAccess, routes: Sequence[BaseRoute], max_bytes: int = MAX_BYTES) -> None:
        self.app = app
        self.access = access
        self.routes = list(routes)
        self.max_bytes = max_bytes
        self.size = 0
        self._kept: OrderedDict[Key, Kept] = OrderedDict()
        self._making: dict[Key, asyncio.Event] = {}

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope["method"] != "GET" or not self._cacheable(scope):
            await self.app(scope, receive, send)
            return
        key = (scope["path"], scope.get("query_string", b""))
        while (making := self._making.get(key)) is not None:
            await making.wait()
        version = self.access.version()
        kept = self._kept.get(key)
        if kept is not None and kept.version == version:
            self._kept.move_to_end(key)
            await send({"type": "http.response.start", "status": 200, "headers": kept.headers})
            await send({"type": "http.response.body", "body": kept.body})
            return
        self._making[key] = done = asyncio.Event()
        try:
            await self._make(key, version, scope, receive, send)
        finally:
            del self._making[key]
            done.set()

    def _cacheable(self, scope: Any) -> bool:
        return any(route.matches(scope)[0] == Match.FULL for route in self.routes)

    async def _make(self, key: Key, version: Version, scope: Any, receive: Any, send: Any) -> None:
        start: dict[str, Any] = {}
        chunks: list[bytes] = []

        async def keeping(message: Any) -> None:
            if message["type"] == "http.response.start":
                start.update(message)
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
            await send(message)

        await self.app(scope, receive, keeping)
        body = b"".join(chunks)
        if start.get("status") == 200 and len(body) <= MAX_BODY and self.access.version() == version:
            self._keep(key, Kept(version, list(start.get("headers", [])), body))

    def _keep(self, key: Key, kept: Kept) -> None:
        old = self._kept.pop(key, None)
        self.size += len(kept.body) - (len(old.body) if old else 0)
        self._kept[key] = kept
        while len(self._kept) > MAX_ENTRIES or self.size > self.max_bytes:
            _, dropped = self._kept.popitem(last=False)
            self.size -= len(dropped.body)
