"""A news site on loopback: an RSS feed whose entries link to article pages, served by a thread."""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from xml.sax.saxutils import escape

import pytest

STORIES = [
    "Russia launched missile strikes on Kyiv on Monday, Ukrainian officials said.",
    "Japan and NATO signed a cooperation agreement in Brussels on Tuesday.",
    "China criticised the United States over new export controls on chips.",
    "Israel accused Hamas of violating the ceasefire in Gaza.",
    "France and Germany pledged new military aid to Ukraine.",
    "Iran warned Israel against any attack on its nuclear facilities.",
]


def story(n: int) -> str:
    """A short article: the story and two sentences of background."""
    return (
        f"{STORIES[n % len(STORIES)]} The announcement came after weeks of talks between diplomats. "
        f"Officials said further meetings were planned for next month (report {n})."
    )


@dataclass
class NewsSite:
    """What the server serves; tests change it while it runs."""

    entries: list[int] = field(default_factory=list)
    varying: bool = False  # pages change at every request, as pages with live counters do
    missing: set[int] = field(default_factory=set)  # pages that answer 404: the entry summary is used
    hits: dict[str, int] = field(default_factory=dict)
    delay: float = 0.0  # seconds before each page is sent, as on a slow site
    base: str = ""

    def link(self, n: int) -> str:
        return f"{self.base}/news/{n}"

    def feed(self) -> bytes:
        items = []
        for n in self.entries:
            published = format_datetime(dt.datetime(2025, 6, 1 + n % 20, 9, tzinfo=dt.UTC))
            items.append(
                f"<item><title>Story {n}</title><link>{self.link(n)}</link><guid>story-{n}</guid>"
                f"<pubDate>{published}</pubDate><description>{escape(story(n))}</description></item>"
            )
        return (
            '<?xml version="1.0"?><rss version="2.0"><channel><title>Loopback News</title>'
            f"<link>{self.base}/</link><description>test</description>{''.join(items)}</channel></rss>"
        ).encode()

    def page(self, n: int) -> bytes:
        count = self.hits.get(f"/news/{n}", 0)
        extra = f" This page has been read {count} times." if self.varying else ""
        body = f"<p>{story(n)}{extra}</p><p>Diplomats met again in Geneva later in the week.</p>"
        return (
            f"<html><head><title>Story {n}</title></head><body><nav>Home | World</nav>"
            f"<article><h1>Story {n}</h1>{body}</article><footer>Loopback News</footer></body></html>"
        ).encode()


def _handler(site: NewsSite) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            site.hits[self.path] = site.hits.get(self.path, 0) + 1
            if self.path == "/feed.xml":
                body = site.feed()
                etag = f'"{hash(body) & 0xFFFFFFFF:x}"'
                if self.headers.get("If-None-Match") == etag:
                    self.send_response(304)
                    self.end_headers()
                    return
                self._send(200, body, "application/rss+xml", etag)
            elif self.path.startswith("/news/") and int(self.path.rsplit("/", 1)[1]) not in site.missing:
                time.sleep(site.delay)
                self._send(200, site.page(int(self.path.rsplit("/", 1)[1])), "text/html; charset=utf-8")
            else:
                self._send(404, b"not found", "text/plain")

        def _send(self, status: int, body: bytes, kind: str, etag: str | None = None) -> None:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            if etag:
                self.send_header("ETag", etag)
            self.end_headers()
            try:
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                return  # the reader was killed mid-request, as the crash test does

        def log_message(self, *_args: object) -> None:
            return None

    return Handler


@pytest.fixture()
def news_site() -> Iterator[NewsSite]:
    site = NewsSite()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(site))
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()
