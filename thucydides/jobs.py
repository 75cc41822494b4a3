"""What a coding job runs on and what it reports: the engine, and the one summary every job counts into.

Plain data, below every job (``code``, ``ingest``, ``import-gdelt``, Ray, ``watch``), so
that the store and the scale layer need not import the command line's ``run`` module.
A :class:`Summary` counts what was read, coded and rejected, and the problems met;
a job that stores adds a :class:`Stored` part, ``watch`` a :class:`Watched` part.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from .models import Article, CodedArticle, Rejection

Item = Article | Rejection
Result = CodedArticle | Rejection
ENGINES = ("local", "ray")


@dataclass
class Stored:
    """What storing added: ``read == coded + rejected + duplicate`` always holds where articles are stored."""

    duplicate: int = 0  # already in the store: nothing stored
    mentions: int = 0
    new_events: int = 0
    undated: int = 0  # event mentions stored without a date, which analyses leave out

    def clause(self, summary: Summary) -> str:
        undated = (
            f"; {self.undated} event mentions have no date, and analyses leave them out "
            "(give --date for articles that carry none)"
            if self.undated
            else ""
        )
        return (
            f"stored {summary.coded}, already in the store {self.duplicate}, rejected {summary.rejected}; "
            f"{self.mentions} event mentions, {self.new_events} new events in {summary.seconds:.1f}s{undated}"
        )


@dataclass
class Watched:
    """What a watch did besides storing: its polls, and the articles it skipped unread or recovered."""

    polls: int = 0
    known: int = 0  # already stored: skipped before they were read
    recovered: int = 0  # left pending by a crash and found stored
    forgotten: int = 0  # left pending by a crash and read again
    settling: list[str] = field(default_factory=list)  # files the last poll left: written less than settle s ago

    def line(self, summary: Summary) -> str:
        waiting = (
            f"; left {len(self.settling)} files still being written for the next poll: {', '.join(self.settling)}"
            if self.settling
            else ""
        )
        stored = summary.stored or Stored()
        return (
            f"{self.polls} polls: stored {summary.coded} articles ({stored.mentions} event mentions), "
            f"skipped {self.known} already stored, rejected {summary.rejected}; {len(summary.errors)} errors" + waiting
        )


@dataclass
class Summary:
    """What a job read, coded and rejected, and the problems it met: the one summary of every job."""

    read: int = 0
    coded: int = 0
    rejected: int = 0
    events: int = 0
    sentences: int = 0
    words: int = 0
    seconds: float = 0.0
    left_out: int = 0  # events the output format has no record for (PLOVER: CAMEO 01/02; GDELT: no coded actor)
    refused: int = 0  # events the coder found and did not emit (attribution, no actor, under the confidence floor)
    rejections: list[Rejection] = field(default_factory=list)  # input that could not be coded, with why
    errors: list[str] = field(default_factory=list)  # problems that are no article's (a feed that cannot be read)
    unit: str = "articles"  # what ``read`` counts
    stored: Stored | None = None  # set by jobs that store what they code
    watched: Watched | None = None  # set by ``watch``

    @classmethod
    def storing(cls, unit: str = "articles") -> Summary:
        """The summary of a job that stores what it reads."""
        return cls(unit=unit, stored=Stored())

    def storing_part(self) -> Stored:
        """The part that counts what is stored, added when the summary has none yet."""
        if self.stored is None:
            self.stored = Stored()
        return self.stored

    def line(self) -> str:
        """The summary in one line, as the command line prints it."""
        if self.watched is not None:
            return self.watched.line(self)
        if self.stored is not None:
            return f"read {self.read} {self.unit}: {self.stored.clause(self)}"
        rate = self.read / self.seconds if self.seconds else 0.0
        return (
            f"read {self.read} articles: coded {self.coded}, rejected {self.rejected}; "
            f"{self.events} events from {self.sentences} sentences in {self.seconds:.1f}s ({rate:.1f} articles/s)"
            + (f"; {self.left_out} events have no record in this format (docs/output.md)" if self.left_out else "")
            + (f"; {self.refused} found and refused (--explain lists them, with why)" if self.refused else "")
        )

    def reject(self, rejection: Rejection, on_reject: Callable[[Rejection], None] | None = None) -> None:
        """Count ``rejection`` (read and rejected), keep it and pass it to ``on_reject``."""
        self.rejected += 1
        self.rejections.append(rejection)
        if on_reject is not None:
            on_reject(rejection)

    def add(self, result: Result, on_reject: Callable[[Rejection], None] | None = None) -> None:
        self.read += 1
        if isinstance(result, Rejection):
            self.reject(result, on_reject)
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
