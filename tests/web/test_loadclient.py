"""The load benchmark's light client reads every kind of HTTP/1.1 answer whole, on one connection while it can."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

import pytest

from thucydides.web.loadclient import AnswerError, Connection, parse_head

# What the test server answers for each path: the raw bytes, and whether it then closes the connection.
ANSWERS: dict[str, tuple[bytes, bool]] = {
    "/sized": (b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Type: text/plain\r\n\r\nhello", False),
    "/chunked": (
        b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nabcd\r\n3;x=y\r\nefg\r\n0\r\nX-Trailer: 1\r\n\r\n",
        False,
    ),
    "/to-the-end": (b"HTTP/1.1 503 Service Unavailable\r\n\r\nbusy, all of this is the body", True),
    "/close": (b"HTTP/1.1 404 Not Found\r\nContent-Length: 2\r\nConnection: close\r\n\r\nno", True),
    "/garbage": (b"SSH-2.0-OpenSSH\r\n\r\n", True),
    "/reset": (b"", True),
}


class Server:
    """A loopback server that answers each request with ``ANSWERS[path]`` and counts its connections."""

    def __init__(self) -> None:
        self.connections = 0
        self.requests: list[str] = []

    async def handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.connections += 1
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                path = head.split(b" ")[1].decode()
                self.requests.append(path)
                answer, close = ANSWERS[path]
                writer.write(answer)
                await writer.drain()
                if close:
                    break
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        writer.close()


def serve(test: Callable[[Server, int], Awaitable[None]]) -> Server:
    async def main() -> Server:
        server = Server()
        listening = await asyncio.start_server(server.handle, "127.0.0.1", 0)
        port = listening.sockets[0].getsockname()[1]
        async with listening:
            await test(server, port)
        return server

    return asyncio.run(main())


def asked(paths: list[str]) -> tuple[list[int], Server]:
    """The statuses one client gets for ``paths`` in turn, and the server that answered them."""
    statuses: list[int] = []

    async def test(server: Server, port: int) -> None:
        http = Connection("127.0.0.1", port, timeout=5.0)
        for path in paths:
            statuses.append(await http.get(path))
        await http.close()

    return statuses, serve(test)


def test_answers_of_every_length_are_read_whole_on_one_kept_connection() -> None:
    statuses, server = asked(["/sized", "/chunked", "/sized", "/chunked"])
    assert statuses == [200, 200, 200, 200]
    assert server.connections == 1  # each answer was read to its end, so the next request could follow it
    assert server.requests == ["/sized", "/chunked", "/sized", "/chunked"]


def test_a_closed_connection_is_opened_again_for_the_next_request() -> None:
    statuses, server = asked(["/to-the-end", "/sized", "/close", "/sized"])
    assert statuses == [503, 200, 404, 200]
    assert server.connections == 3


def test_no_answer_or_a_foreign_one_counts_as_none_and_the_client_goes_on() -> None:
    statuses: list[int] = []

    async def test(server: Server, port: int) -> None:
        http = Connection("127.0.0.1", port, timeout=5.0)
        for path in ["/reset", "/garbage", "/sized"]:
            statuses.append(await http.get(path))
        await http.close()
        refused = Connection("127.0.0.1", 1, timeout=5.0)  # nothing listens on port 1
        statuses.append(await refused.get("/sized"))

    serve(test)
    assert statuses == [0, 0, 200, 0]


def test_a_server_that_never_answers_is_given_up_after_the_timeout() -> None:
    statuses: list[int] = []

    async def silent(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await reader.read()  # reads the request and says nothing

    async def main() -> None:
        listening = await asyncio.start_server(silent, "127.0.0.1", 0)
        async with listening:
            http = Connection("127.0.0.1", listening.sockets[0].getsockname()[1], timeout=0.2)
            statuses.append(await http.get("/"))
            await http.close()

    asyncio.run(main())
    assert statuses == [0]


def test_the_head_of_an_answer_gives_its_status_and_headers() -> None:
    status, headers = parse_head(b"HTTP/1.1 201 Created\r\nContent-Length: 0\r\nX-Odd:  spaced \r\n\r\n")
    assert status == 201 and headers == {"content-length": "0", "x-odd": "spaced"}
    with pytest.raises(AnswerError):
        parse_head(b"HTTP/1.1 OK\r\n\r\n")
    with pytest.raises(AnswerError):
        parse_head(b"ICY 200 OK\r\n\r\n")
