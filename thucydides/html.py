"""Main-text extraction from HTML pages, with trafilatura.

Navigation, footers, scripts and other boilerplate are dropped; paragraphs are
joined by blank lines so that a headline never runs into the first sentence.

The publication date comes only from what the page says about itself: its
``article:published_time`` (and like) meta tags, then the ``datePublished`` of its
JSON-LD, then a ``<time datetime>``; never from a date guessed from its words (a
footer's "Copyright 2024" is no publication date). A page without one takes ``--date``.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

# Meta tags that hold the publication date (name, property or itemprop), most trusted first.
DATE_META = (
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.created",
    "date",
)


@dataclass(frozen=True, slots=True)
class ExtractedPage:
    text: str
    title: str | None
    date: dt.date | None
    url: str | None


def extract_html(html: str) -> ExtractedPage | None:
    """Return the main text and metadata of an HTML page, or None if it has none."""
    import trafilatura

    logging.getLogger("trafilatura").setLevel(logging.ERROR)
    document = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=False, favor_precision=True
    )
    if document is None:
        return None
    raw = getattr(document, "text", None) or ""
    paragraphs = [line.strip() for line in raw.splitlines() if line.strip()]
    if not paragraphs:
        return None
    return ExtractedPage(
        text="\n\n".join(paragraphs),
        title=getattr(document, "title", None),
        date=page_date(html),
        url=getattr(document, "url", None),
    )


def page_date(html: str) -> dt.date | None:
    """The publication date the page's metadata gives, or None."""
    import lxml.html

    try:
        root = lxml.html.document_fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return None
    for found in (_meta_dates(root), _json_ld_dates(root), _time_dates(root)):
        for value in found:
            date = _date(value)
            if date is not None:
                return date
    return None


def _meta_dates(root: Any) -> Iterator[str]:
    tags: dict[str, str] = {}
    for meta in root.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        value = meta.get("content") or meta.get("datetime")
        if key in DATE_META and value:
            tags.setdefault(key, value)
    yield from (tags[key] for key in DATE_META if key in tags)


def _json_ld_dates(root: Any) -> Iterator[str]:
    for script in root.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text)
        except (ValueError, RecursionError):
            continue
        yield from _date_published(data)


def _date_published(data: object, depth: int = 0) -> Iterator[str]:
    if depth > 20:
        return
    if isinstance(data, dict):
        value = data.get("datePublished")
        if isinstance(value, str):
            yield value
        for child in data.values():
            yield from _date_published(child, depth + 1)
    elif isinstance(data, list):
        for child in data:
            yield from _date_published(child, depth + 1)


def _time_dates(root: Any) -> Iterator[str]:
    times = [t for t in root.iter("time") if t.get("datetime")]
    marked = [t for t in times if t.get("pubdate") is not None or "publish" in (t.get("itemprop") or "").lower()]
    yield from (t.get("datetime") for t in marked + times)


def _date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        date = dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None
    return date if 1900 <= date.year <= 2200 else None
