"""Main-text extraction from HTML pages, with trafilatura.

Navigation, footers, scripts and other boilerplate are dropped; paragraphs are
joined by blank lines so that a headline never runs into the first sentence.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass


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
        date=_date(getattr(document, "date", None)),
        url=getattr(document, "url", None),
    )


def _date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None
