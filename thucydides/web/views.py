"""Small helpers the page templates use: event rows with their highlighted sentence, safe links, menus."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlparse

from ..analysis import PLOVER_EVENTS, EventSummary
from ..analysis.dyads import QUAD_NAMES
from .highlight import event_marks, pieces

QUAD_CHOICES = tuple(QUAD_NAMES.items())
PLOVER_CHOICES = PLOVER_EVENTS


def summary_rows(events: list[EventSummary]) -> list[dict[str, Any]]:
    """Each event with its sentence cut into pieces (source, target and trigger marked)."""
    return [
        {
            "event": e,
            "pieces": pieces(e.sentence, event_marks(e.source, e.target, e.trigger)) if e.sentence else [],
        }
        for e in events
    ]


def safe_url(url: str | None) -> str | None:
    """``url`` when it is an http(s) address that can be linked to, else None (no javascript: links)."""
    if not url:
        return None
    parsed = urlparse(url.strip())
    return url.strip() if parsed.scheme in ("http", "https") and parsed.netloc else None


def alert_tone(measure: str, direction: str) -> str:
    """The colour class of an alert's change: more cooperation or less conflict is never drawn as conflict."""
    towards_cooperation = (measure == "cooperation") == (direction == "increase")
    return "towards-cooperation" if towards_cooperation else "towards-conflict"


# The page each download belongs to, by the page's path: the dashboard links them.
PAGE_VIEWS = {
    "/": "overview",
    "/events": "events",
    "/dyad": "dyad",
    "/actors": "actors",
    "/actor": "actor",
    "/network": "network",
    "/map": "map",
    "/alerts": "alerts",
    "/sql": "sql",
}
