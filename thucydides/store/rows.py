"""Rows of the store's tables, built from coded articles as Arrow tables.

An article is identified by the SHA-256 of its text; a deduplicated event by a
hash of (date, source code, target code, CAMEO code, place); every coded event
is a mention of one such event.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlparse

import pyarrow as pa

from ..arrow import actor_value, location_value
from ..gdelt import gdelt_id
from ..models import Article, CodedArticle, Event, Explanation
from ..version import __version__
from .schema import ARTICLE_ARROW, MENTION_ARROW

CODER_VERSION = f"thucydides {__version__}"


def content_hash(text: str) -> str:
    """The article's identity in the store: SHA-256 of its text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def event_key(event: Event) -> int:
    """The GlobalEventID of the deduplicated event ``event`` reports: date, source, target, code, place."""
    loc = event.location
    place = "" if loc is None else str(loc.geonames_id or loc.name)
    parts = (
        event.date.isoformat() if event.date else "",
        event.source.code if event.source else "",
        event.target.code if event.target else "",
        event.cameo,
        place,
    )
    return gdelt_id(hashlib.sha1("|".join(parts).encode("utf-8")).hexdigest())


def source_name(article: Article) -> str:
    """The outlet an article came from: its source, else its URL's host, else empty."""
    if article.source:
        return article.source
    return urlparse(article.url).netloc if article.url else ""


@dataclass
class BatchRows:
    """The rows one batch of new articles adds to each table."""

    articles: pa.Table
    mentions: pa.Table


def batch_rows(coded: Sequence[tuple[str, CodedArticle]], now: dt.datetime) -> BatchRows:
    """Rows for ``coded`` (pairs of content hash and coded article), all stamped ``now``."""
    articles = [_article_row(key, item, now) for key, item in coded]
    mentions = [_mention_row(event_key(e), key, item.article, e, now) for key, item in coded for e in item.events]
    return BatchRows(
        articles=pa.Table.from_pylist(articles, schema=ARTICLE_ARROW),
        mentions=pa.Table.from_pylist(mentions, schema=MENTION_ARROW),
    )


def _article_row(key: str, item: CodedArticle, now: dt.datetime) -> dict[str, Any]:
    a = item.article
    return {
        "article_key": key,
        "id": a.id,
        "url": a.url,
        "source": a.source,
        "title": a.title,
        "date": a.date,
        "origin": a.origin,
        "text": a.text,
        "sentences": item.sentences,
        "events": len(item.events),
        "added": now,
        "coder_version": CODER_VERSION,
    }


def _mention_row(global_id: int, key: str, article: Article, event: Event, now: dt.datetime) -> dict[str, Any]:
    """The mentions row of ``event``: every field of :func:`thucydides.records.full_record`, and where it came from."""
    return {
        "GlobalEventID": global_id,
        "article_key": key,
        "added": now,
        "source_name": source_name(article),
        "identifier": article.url or article.id,
        "coder_version": CODER_VERSION,
        "event_id": event.event_id,
        "article_id": event.article_id,
        "sentence_index": event.sentence_index,
        "sentence": event.sentence,
        "sentence_start": event.sentence_start,
        "date": event.date,
        "date_precision": event.date_precision,
        "current": event.current,
        "source": actor_value(event.source),
        "target": actor_value(event.target),
        "cameo": event.cameo,
        "quad_class": event.quad_class,
        "goldstein": event.goldstein,
        "plover": {"event": event.plover.event, "mode": event.plover.mode, "context": event.plover.context},
        "trigger": {"text": event.trigger.text, "start": event.trigger.start, "end": event.trigger.end},
        "confidence": event.confidence,
        "explanation": _explanation(event.explanation),
        "location": location_value(event.location),
    }


def _explanation(explanation: Explanation) -> dict[str, Any]:
    return {
        "producer": explanation.producer,
        "rule": explanation.rule,
        "reason": explanation.reason,
        "modifiers": explanation.modifiers,
    }
