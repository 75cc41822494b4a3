"""RSS and Atom feeds as articles, read with feedparser.

Each entry becomes an :class:`Article` whose text is the main text of the page it
links to (fetched and extracted like any HTML input) or, when the page cannot be
fetched or has no main text, the entry's own content or summary. The entry's
link is the article's URL, its publication day the article's date.

A feed is fetched with its last ETag and Last-Modified, so an unchanged feed costs
one short request.
"""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import Errors, ThucydidesError
from ..html import extract_html
from ..models import Article, Rejection
from ..version import __version__

USER_AGENT = f"thucydides/{__version__} (political event coder; feed reader)"
TIMEOUT = 20.0


@dataclass(frozen=True)
class Fetched:
    """A fetched document: ``body`` is None when the server said it has not changed (HTTP 304)."""

    body: bytes | None
    etag: str | None = None
    modified: str | None = None


def is_remote(location: str) -> bool:
    return location.startswith(("http://", "https://"))


def fetch(location: str, etag: str | None = None, modified: str | None = None, timeout: float = TIMEOUT) -> Fetched:
    """Fetch a feed or page over HTTP(S), or read it from a local path or ``file://`` URL; raise E502 on failure."""
    if not is_remote(location):
        path = Path(location.removeprefix("file://"))
        try:
            return Fetched(path.read_bytes())
        except OSError as err:
            raise ThucydidesError(Errors.E502, url=location, detail=err.strerror or str(err)) from None
    headers = {"User-Agent": USER_AGENT}
    if etag:
        headers["If-None-Match"] = etag
    if modified:
        headers["If-Modified-Since"] = modified
    request = urllib.request.Request(location, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return Fetched(response.read(), response.headers.get("ETag"), response.headers.get("Last-Modified"))
    except urllib.error.HTTPError as err:
        if err.code == 304:
            return Fetched(None, etag, modified)
        raise ThucydidesError(Errors.E502, url=location, detail=f"HTTP {err.code} {err.reason}") from None
    except (urllib.error.URLError, OSError, ValueError) as err:
        raise ThucydidesError(Errors.E502, url=location, detail=str(getattr(err, "reason", err))) from None


def parse_feed(body: bytes, location: str) -> Any:
    """The feedparser result for ``body``; E502 when it is not a feed at all."""
    import feedparser

    parsed = feedparser.parse(body)
    if not parsed.entries and getattr(parsed, "bozo", False) and not parsed.feed:
        detail = str(getattr(parsed, "bozo_exception", "not RSS or Atom"))
        raise ThucydidesError(Errors.E502, url=location, detail=detail)
    return parsed


def entry_url(entry: Any) -> str | None:
    link = entry.get("link")
    return (str(link).strip() or None) if link else None


def entry_articles(
    parsed: Any, location: str, skip: Callable[[str], bool], fetch_pages: bool = True
) -> Iterator[Article | Rejection]:
    """An article for every entry of ``parsed`` whose link ``skip`` does not already know."""
    source = parsed.feed.get("title") or location
    for number, entry in enumerate(parsed.entries, start=1):
        url = entry_url(entry)
        if url is not None and skip(url):
            continue
        yield entry_article(entry, f"{location}#{number}", str(source), fetch_pages)


def entry_article(entry: Any, origin: str, source: str, fetch_pages: bool = True) -> Article | Rejection:
    """The article an entry stands for: the linked page's main text, else the entry's content or summary."""
    url = entry_url(entry)
    page = _page(url) if fetch_pages and url else None
    text = page.text if page is not None else _entry_text(entry)
    if not text.strip():
        err = ThucydidesError(Errors.E509, origin=origin, url=url or "no link")
        return Rejection(origin=origin, code=err.code, message=err.message)
    return Article(
        id=str(entry.get("id") or url or hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]),
        text=text,
        date=_entry_date(entry) or (page.date if page is not None else None),
        title=entry.get("title") or (page.title if page is not None else None),
        url=url,
        source=source,
        origin=origin,
    )


def _page(url: str) -> Any:
    """The extracted main text of the page at ``url``, or None when it cannot be fetched or has none."""
    try:
        fetched = fetch(url)
    except ThucydidesError:
        return None
    if not fetched.body:
        return None
    return extract_html(fetched.body.decode("utf-8", errors="replace"))


def _entry_text(entry: Any) -> str:
    contents = entry.get("content") or []
    html = contents[0].get("value", "") if contents else entry.get("summary", "")
    return html_to_text(html or "")


def html_to_text(html: str) -> str:
    """The text of an HTML fragment, paragraphs separated by blank lines."""
    if "<" not in html:
        return html.strip()
    import lxml.html

    try:
        root = lxml.html.fromstring(f"<div>{html}</div>")
    except (ValueError, lxml.etree.ParserError):
        return ""
    blocks = [" ".join(p.text_content().split()) for p in root.iter("p", "li", "h1", "h2", "h3", "blockquote")]
    blocks = [b for b in blocks if b]
    return "\n\n".join(blocks) if blocks else " ".join(root.text_content().split())


def _entry_date(entry: Any) -> dt.date | None:
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    if not stamp:
        return None
    return dt.datetime.fromtimestamp(calendar.timegm(stamp), dt.UTC).date()
