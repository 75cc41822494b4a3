"""The web application: the JSON API under /api, the dashboard pages, and their static files.

``create_app(ServerConfig(...))`` gives an ASGI app (FastAPI) that ``thucydides serve``
runs with uvicorn. Safe by default: it answers only Host headers naming this
computer when it listens on loopback, sends a strict Content-Security-Policy (no
inline scripts, nothing from other sites), and is read-only without a write token.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Awaitable, Callable, MutableMapping
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode

from fastapi import FastAPI
from fastapi.responses import Response
from fastapi.staticfiles import StaticFiles
from starlette.middleware.trustedhost import TrustedHostMiddleware

from .. import registry
from ..version import __version__
from . import api, downloads, pages, problems, query, write
from .access import StoreAccess
from .cache import ResponseCache
from .settings import ServerConfig
from .world import outline_json

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
ASGIApp = Callable[[Scope, Callable[[], Awaitable[Message]], Callable[[Message], Awaitable[None]]], Awaitable[None]]

STATIC = Path(__file__).with_name("static")
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
    "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
    "form-action 'self'"
)
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
]
DESCRIPTION = """Political events coded from news by thucydides: who did what to whom, when and where.

Every endpoint reads the event store; filters (actor, dyad, dates, QuadClass, CAMEO code,
PLOVER type, place, words) are shared query parameters. Errors come as
`{"error": {"code", "message", "parameter"}}` with a numbered code (E405: a bad parameter).
"""


@contextlib.asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    yield
    app.state.access.reader.close()  # the shared read-only connection (see .access)


def create_app(config: ServerConfig, coder: write.LazyCoder | None = None) -> FastAPI:
    """The application over the store of ``config``; ``coder`` codes posted articles (loaded when first used)."""
    app = FastAPI(
        lifespan=_lifespan,
        title="thucydides",
        version=__version__,
        description=DESCRIPTION,
        docs_url=None,
        redoc_url=None,
        openapi_url="/api/openapi.json",
    )
    app.state.config = config
    app.state.access = StoreAccess(config.store)
    app.state.coder = coder or write.LazyCoder(config=config.pipeline)
    for kind, handler in problems.HANDLERS.items():
        app.add_exception_handler(kind, handler)
    app.include_router(api.router)
    app.include_router(write.router)
    app.include_router(downloads.router)
    app.include_router(query.router)
    for name in registry.names("routers"):  # plugins' endpoints, registered in-process or by entry point
        app.include_router(registry.get("routers", name)())
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.add_api_route("/web/world.json", _world, include_in_schema=False)
    app.add_api_route("/favicon.ico", lambda: Response(status_code=204), include_in_schema=False)
    app.add_middleware(ResponseCache, access=app.state.access, routes=[*api.router.routes, *pages.router.routes])
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=config.allowed_hosts)
    app.add_middleware(SecurityHeaders)
    app.add_middleware(DropEmptyParameters)
    _drop_422(app)
    return app


def _world() -> Response:
    return Response(outline_json(), media_type="application/json", headers={"Cache-Control": "max-age=86400"})


def _drop_422(app: FastAPI) -> None:
    """Describe bad parameters as the 400 answers the app gives (E405), not FastAPI's default 422."""
    original = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = original()
            for path in schema.get("paths", {}).values():
                for operation in path.values():
                    operation.get("responses", {}).pop("422", None)
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


class SecurityHeaders:
    """Adds the Content-Security-Policy and related headers to every answer."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *HEADERS]
            await send(message)

        await self.app(scope, receive, send_with_headers)


class DropEmptyParameters:
    """Treats ``?actor=&from=`` as not given: HTML forms send empty fields, which mean 'no filter'."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> None:
        if scope["type"] == "http" and scope.get("query_string"):
            pairs = parse_qsl(scope["query_string"].decode("latin-1"), keep_blank_values=True)
            kept = [(k, v) for k, v in pairs if v.strip() != ""]
            if len(kept) != len(pairs):
                scope = dict(scope, query_string=urlencode(kept).encode("latin-1"))
        await self.app(scope, receive, send)
