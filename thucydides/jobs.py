"""What a coding job runs on and what it reports: the engine, and the summary every job counts into.

Plain data, below every job (``code``, ``ingest``, Ray, ``watch``), so that the
store and the scale layer need not import the command line's ``run`` module.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from .models import Article, CodedArticle, Rejection

Item = Article | Rejection
Result = CodedArticle | Rejection
ENGINES = ("local", "ray")


@dataclass
class Summary:
    read: int = 0
    coded: int = 0
    rejected: int = 0
    events: int = 0
    sentences: int = 0
    words: int = 0
    seconds: float = 0.0
    left_out: int = 0  # events the output format has no record for (PLOVER: CAMEO 01/02; GDELT: no coded actor)
    refused: int = 0  # events the coder found and did not emit (attribution, no actor, under the confidence floor)
    rejections: list[Rejection] = field(default_factory=list)

    def line(self) -> str:
        rate = self.read / self.seconds if self.seconds else 0.0
        return (
            f"read {self.read} articles: coded {self.coded}, rejected {self.rejected}; "
            f"{self.events} events from {self.sentences} sentences in {self.seconds:.1f}s ({rate:.1f} articles/s)"
            + (f"; {self.left_out} events have no record in this format (docs/output.md)" if self.left_out else "")
            + (f"; {self.refused} found and refused (--explain lists them, with why)" if self.refused else "")
        )

    def add(self, result: Result, on_reject: Callable[[Rejection], None] | None = None) -> None:
        self.read += 1
        if isinstance(result, Rejection):
            self.rejected += 1
            self.rejections.append(result)
            if on_reject is not None:
                on_reject(result)
            return
        self.coded += 1
        self.events += len(result.events)
        self.refused += len(result.refused)
        self.sentences += result.sentences
        self.words += len(result.article.text.split())


@dataclass
class Engine:
    """Where articles are coded: ``local`` processes (``workers``), or a Ray cluster at ``address``."""

    name: str = "local"
    workers: int | None = None
    address: str | None = None
