"""One event explained: its code, every mention that reports it, and the articles they come from.

Each mention says how the coder got there: the rule (lexicon pattern) or model that
produced the code and why, the control words or negation that changed it, the
trigger words, and how each actor was recognised.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from ..store import Store
from .events import QUAD_NAMES, ActorRef, EventSummary, TextSpan, in_sentence, summaries
from .kept import kept


@dataclass(frozen=True)
class CodeInfo:
    """The CAMEO code of an event as the taxonomy describes it."""

    code: str
    name: str
    description: str
    goldstein: float | None
    quad_class: int
    quad_name: str
    plover: str | None


@dataclass(frozen=True)
class ArticleRef:
    key: str  # SHA-256 of the text: the article's identity in the store
    id: str | None
    title: str | None
    url: str | None
    source: str | None
    date: dt.date | None
    text: str | None = None


@dataclass(frozen=True)
class Mention:
    """One report of the event: a sentence of an article, coded."""

    event_id: str
    article_key: str
    sentence_index: int
    sentence: str
    sentence_start: int  # where the sentence starts in the article text
    source: ActorRef
    target: ActorRef
    trigger: TextSpan
    plover_event: str | None
    plover_mode: str | None
    plover_context: list[str]
    producer: str | None  # rule or model
    rule: str | None
    reason: str | None
    modifiers: list[str]
    confidence: float | None
    place: str | None
    date: dt.date | None
    date_precision: str | None
    current: bool | None
    coder_version: str | None
    added: dt.datetime | None


@dataclass(frozen=True)
class EventDetail:
    event: EventSummary
    code: CodeInfo
    mentions: list[Mention] = field(default_factory=list)
    articles: list[ArticleRef] = field(default_factory=list)


@kept
def event_detail(store: Store, event_id: int) -> EventDetail | None:
    """The event with this GlobalEventID and everything that reports it, or None when there is none."""
    with store.reading():
        found = summaries(store, [event_id])
        if not found:
            return None
        rows = store.rows("SELECT * FROM mentions WHERE GlobalEventID = ? ORDER BY mention_seq", [event_id])
        keys = list(dict.fromkeys(r["article_key"] for r in rows))
        articles = store.rows(
            "SELECT article_key, id, title, url, source, date, text FROM articles "
            "WHERE article_key IN (SELECT unnest(?::VARCHAR[]))",
            [keys],
        )
    by_key = {a["article_key"]: _article(a) for a in articles}
    return EventDetail(
        event=found[0],
        code=code_info(found[0].cameo, found[0].quad_class),
        mentions=[_mention(r) for r in rows],
        articles=[by_key[k] for k in keys if k in by_key],
    )


def code_info(code: str, quad_class: int) -> CodeInfo:
    from ..events.taxonomy import load_taxonomy

    try:
        entry = load_taxonomy().get(code)
    except KeyError:
        return CodeInfo(code, "", "", None, quad_class, QUAD_NAMES.get(quad_class, ""), None)
    return CodeInfo(
        code,
        entry.name,
        entry.description,
        entry.goldstein,
        quad_class,
        QUAD_NAMES.get(quad_class, ""),
        entry.plover.event,
    )


def _article(row: dict[str, Any]) -> ArticleRef:
    return ArticleRef(row["article_key"], row["id"], row["title"], row["url"], row["source"], row["date"], row["text"])


def _mention(row: dict[str, Any]) -> Mention:
    sentence, offset = row["sentence"] or "", row["sentence_start"] or 0
    plover = row["plover"] or {}
    why = row["explanation"] or {}
    location = row["location"]
    return Mention(
        event_id=row["event_id"],
        article_key=row["article_key"],
        sentence_index=int(row["sentence_index"]),
        sentence=sentence,
        sentence_start=offset,
        source=_coded_actor(row["source"], sentence, offset),
        target=_coded_actor(row["target"], sentence, offset),
        trigger=in_sentence(row["trigger"] or {}, sentence, offset),
        plover_event=plover.get("event"),
        plover_mode=plover.get("mode"),
        plover_context=list(plover.get("context") or []),
        producer=why.get("producer"),
        rule=why.get("rule"),
        reason=why.get("reason"),
        modifiers=list(why.get("modifiers") or []),
        confidence=row["confidence"],
        place=None if location is None else (location.get("full_name") or location.get("name")),
        date=row["date"],
        date_precision=row["date_precision"],
        current=row["current"],
        coder_version=row["coder_version"],
        added=row["added"],
    )


def _coded_actor(coded: dict[str, Any] | None, sentence: str, offset: int) -> ActorRef:
    if coded is None:
        return ActorRef(None, None, None)
    span = in_sentence(coded, sentence, offset)
    key = coded.get("country") or coded.get("group") or coded.get("code")
    return ActorRef(
        coded.get("code"), key, coded.get("name"), coded.get("text"), coded.get("how"), span.start, span.end
    )
