"""The web server: a JSON REST API and a dashboard over an event store (``thucydides serve``).

    from thucydides.web import ServerConfig, create_app, serve
    serve(ServerConfig(store=Path("stories.duckdb")))

See docs/web.md. The API and the pages call the functions of :mod:`thucydides.analysis`.
"""

from __future__ import annotations

import socket

from .app import create_app
from .settings import SETTINGS, ServerConfig, Setting

__all__ = ["SETTINGS", "ServerConfig", "Setting", "create_app", "serve"]


def serve(config: ServerConfig, sock: socket.socket | None = None) -> None:
    """Run the server until it is stopped (Ctrl-C); the store must exist (E414 otherwise)."""
    import uvicorn

    app = create_app(config)
    app.state.access.check()
    server = uvicorn.Server(uvicorn.Config(app, host=config.host, port=config.port, log_level="warning"))
    server.run(sockets=[sock] if sock is not None else None)
