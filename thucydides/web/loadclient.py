"""The load benchmark's clients: one keep-alive HTTP/1.1 connection each, on asyncio streams.

``thucydides bench load`` runs its clients on the machine that runs the server it measures, so every
millisecond of CPU a client spends on a request is taken from the server and counted as the server's
latency. A general client (httpx) spent about 2 ms of CPU a request in the benchmark's one event loop,
some 40 % of one of the two cores while 50 clients ran; this one sends a fixed ``GET`` and reads the
answer by its length (``Content-Length``, chunked, or to the end of the connection), which is all the
benchmark needs: the status and the time to the answer's last byte.
"""

from __future__ import annotations

import asyncio
import contextlib

CRLF = b"\r\n"


class AnswerError(Exception):
    """The server's answer could not be read as HTTP/1.1."""


class Connection:
    """One client's connection to ``host:port``; opened on the first request and again after a close."""

    def __init__(self, host: str, port: int, timeout: float) -> None:
        self.host = host
        self.port = port
        self.timeout = timeout
        self._reader: asyncio.StreamReader | None = None
        self._writer: asyncio.StreamWriter | None = None

    async def get(self, target: str) -> int:
        """Send ``GET target`` and read the whole answer; its status, or 0 when there was none."""
        try:
            return await asyncio.wait_for(self._exchange(target), self.timeout)
        except (OSError, EOFError, asyncio.IncompleteReadError, asyncio.LimitOverrunError, AnswerError, TimeoutError):
            await self.close()
            return 0

    async def _exchange(self, target: str) -> int:
        if self._writer is None:
            self._reader, self._writer = await asyncio.open_connection(self.host, self.port)
        reader, writer = self._reader, self._writer
        assert reader is not None
        writer.write(f"GET {target} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\n\r\n".encode("ascii"))
        await writer.drain()
        status, headers = parse_head(await reader.readuntil(CRLF + CRLF))
        if "content-length" in headers:
            await reader.readexactly(int(headers["content-length"]))
        elif "chunked" in headers.get("transfer-encoding", "").lower():
            await _read_chunks(reader)
        else:  # the answer ends with the connection
            await reader.read()
            headers["connection"] = "close"
        if headers.get("connection", "").lower() == "close":
            await self.close()
        return status

    async def close(self) -> None:
        writer, self._reader, self._writer = self._writer, None, None
        if writer is not None:
            writer.close()
            with contextlib.suppress(OSError):
                await writer.wait_closed()


def parse_head(head: bytes) -> tuple[int, dict[str, str]]:
    """The status and the headers (names in lower case) of an answer's head, up to its blank line."""
    lines = head.decode("latin-1").split("\r\n")
    parts = lines[0].split(" ", 2)
    if len(parts) < 2 or not parts[0].startswith("HTTP/1.") or not parts[1].isdigit():
        raise AnswerError(f"not an HTTP/1.1 status line: {lines[0]!r}")
    headers = {}
    for line in lines[1:]:
        name, colon, value = line.partition(":")
        if colon:
            headers[name.strip().lower()] = value.strip()
    return int(parts[1]), headers


async def _read_chunks(reader: asyncio.StreamReader) -> None:
    while True:
        size_line = (await reader.readuntil(CRLF)).split(b";", 1)[0].strip()
        try:
            size = int(size_line, 16)
        except ValueError:
            raise AnswerError(f"not a chunk size: {size_line!r}") from None
        if size == 0:
            while await reader.readuntil(CRLF) != CRLF:  # trailers, up to the blank line
                pass
            return
        await reader.readexactly(size + len(CRLF))
