"""``POST /api/articles``: code an article and store it; only with the server's write token.

A server started without ``--write-token`` answers 403 (E406); with one, a request
must send ``Authorization: Bearer TOKEN`` (else 401, E461). The coder (spaCy and the
dictionaries) is loaded on the first such request and kept.
"""

from __future__ import annotations

import hmac
import threading
from collections.abc import Callable, Iterable, Iterator
from typing import Annotated, Protocol

from fastapi import APIRouter, Header, Request

from ..errors import Errors, ThucydidesError
from ..models import Article, CodedArticle
from ..pipeline import Pipeline, PipelineConfig
from .api import ERRORS, access
from .schemas import ArticleIn, ErrorOut, IngestOut


class ArticleCoder(Protocol):
    """What codes articles: the :class:`thucydides.pipeline.Pipeline`, or a fake in tests."""

    def code(self, articles: Iterable[Article]) -> Iterator[CodedArticle]: ...


router = APIRouter(
    prefix="/api",
    responses={
        **ERRORS,
        401: {"model": ErrorOut, "description": "Missing or wrong token (E461)"},
        403: {"model": ErrorOut, "description": "The server is read-only (E406)"},
        409: {"model": ErrorOut, "description": "Another process writes to the store (E411)"},
    },
)


class LazyCoder:
    """Loads the coder on first use (seconds: spaCy and the dictionaries), once, and keeps it."""

    def __init__(self, load: Callable[[], ArticleCoder] | None = None, config: PipelineConfig | None = None) -> None:
        self._load = load or (lambda: Pipeline.load(config))
        self._coder: ArticleCoder | None = None
        self._lock = threading.Lock()

    def get(self) -> ArticleCoder:
        with self._lock:
            if self._coder is None:
                self._coder = self._load()
            return self._coder


def check_token(request: Request, authorization: str | None) -> None:
    """E406 on a read-only server; E461 unless ``authorization`` is ``Bearer <the token>``."""
    token: str | None = request.app.state.config.write_token
    if token is None:
        raise ThucydidesError(Errors.E406)
    scheme, _, given = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), token.encode()):
        raise ThucydidesError(Errors.E461)


@router.post("/articles", response_model=IngestOut, status_code=201, tags=["write"])
def add_article(
    request: Request,
    article: ArticleIn,
    authorization: Annotated[str | None, Header(description="Bearer TOKEN (the server's --write-token).")] = None,
) -> IngestOut:
    """Code one article and store it with its events (needs the write token)."""
    from ..store import event_key

    check_token(request, authorization)
    text = Article(
        id=article.id or "posted",
        text=article.text,
        date=article.date,
        title=article.title,
        url=article.url,
        source=article.source,
        origin="api",
    )
    coder: LazyCoder = request.app.state.coder
    coded = next(iter(coder.get().code([text])))
    with access(request).write() as store:
        summary = store.ingest([coded])
    return IngestOut(
        stored=summary.coded == 1,
        sentences=coded.sentences,
        mentions=len(coded.events),
        new_events=summary.stored.new_events if summary.stored is not None else 0,
        event_ids=list(dict.fromkeys(str(event_key(e)) for e in coded.events)),
    )
