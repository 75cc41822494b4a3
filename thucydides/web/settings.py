"""The server's settings, declared once (name, default, help) and checked before it starts."""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import Errors, SettingsError
from ..pipeline import PipelineConfig


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    help: str


SETTINGS = (
    Setting("store", "thucydides.duckdb", "The store file (DuckDB) to show."),
    Setting(
        "host",
        "127.0.0.1",
        "Address to listen on. The default answers this computer only; 0.0.0.0 opens the server to the network.",
    ),
    Setting("port", 8765, "Port to listen on."),
    Setting(
        "write_token",
        None,
        "Allow POST /api/articles (code and store an article) to requests that send "
        "'Authorization: Bearer TOKEN'. Without it the server is read-only.",
    ),
)
LOOPBACK_NAMES = ("127.0.0.1", "localhost", "::1", "[::1]")


@dataclass(frozen=True)
class ServerConfig:
    store: Path
    host: str = "127.0.0.1"
    port: int = 8765
    write_token: str | None = None
    pipeline: PipelineConfig = field(default_factory=PipelineConfig)  # codes posted articles, as 'code' would

    def __post_init__(self) -> None:
        if not 0 <= self.port <= 65535:
            raise SettingsError(Errors.E463, name="port", value=self.port, detail="give a number from 0 to 65535")
        if self.write_token is not None and len(self.write_token) < 16:
            raise SettingsError(
                Errors.E463,
                name="write token",
                value="…",
                detail="give at least 16 characters (e.g. openssl rand -hex 16)",
            )

    @property
    def loopback(self) -> bool:
        if self.host in LOOPBACK_NAMES:
            return True
        try:
            return ipaddress.ip_address(self.host).is_loopback
        except ValueError:
            return False

    @property
    def allowed_hosts(self) -> list[str]:
        """Host headers the server answers: only loopback names when it listens on loopback (no DNS rebinding)."""
        if not self.loopback:
            return ["*"]
        return [*LOOPBACK_NAMES, self.host]
