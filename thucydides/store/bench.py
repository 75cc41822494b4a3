"""``thucydides bench store``: the event store's speed on synthetic events.

Three measurements, each against a target from issue 6:

- ingest: one million coded events (as ``CodedArticle`` objects, made beforehand)
  stored in a new file, in batches, target under 60 s;
- dyad timeline: counts per QuadClass and Goldstein by month for one pair of actors
  over ten million deduplicated events, target under 0.5 s;
- network: the actor network of one year of those events, target under 2 s.

The events are synthetic but shaped like news: about 200 actors (states with their
sectors, organisations) drawn with a Zipf-like skew, CAMEO codes drawn by how often
each root occurs in news event data, dates over three years, some events reported by
several articles. The ten-million-event table is generated in SQL straight into the
events table (ingesting it would only measure ingest again).
"""

from __future__ import annotations

import datetime as dt
import json
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

from ..models import Actor, Article, CodedArticle, Event, Explanation, Plover, Span
from .store import Store

# Share of each CAMEO root (01..20) in news event data, roughly as in GDELT.
ROOT_SHARES = [14, 4, 9, 18, 4, 3, 3, 2, 1, 2, 5, 3, 2, 1, 1, 1, 3, 3, 5, 0.5]
START = dt.date(2022, 1, 1)
DAYS = 3 * 365


@dataclass
class BenchResult:
    name: str
    events: int
    seconds: float
    target_seconds: float

    @property
    def passed(self) -> bool:
        return self.seconds < self.target_seconds


# The actors most often in the news come first, so that the Zipf-like draw favours them.
PROMINENT = ("USA", "CHN", "RUS", "UKR", "ISR", "IRN", "GBR", "FRA", "DEU", "JPN", "IND", "PAK", "TUR", "SAU")
PROMINENT_GROUPS = ("NAT", "UNO", "EUR", "AFU", "ASN", "IMF", "WTO")


def actor_pool(size: int = 200) -> list[Actor]:
    """About ``size`` actors: states (the prominent ones also as government and military) and organisations."""
    from ..actors.kb import load_kb

    kb = load_kb()
    states = [c for c in PROMINENT if c in kb.countries]
    states += sorted(c.code for c in kb.countries.values() if c.status == "member" and c.code not in states)
    orgs = sorted((o for o in kb.organisations.values() if o.group in PROMINENT_GROUPS), key=lambda o: o.code)
    actors = [Actor(code, code, None, (), code, code, 0, 3) for code in states[:10]]
    actors += [Actor(o.code, None, o.group, (), o.name, o.name, 0, 3) for o in orgs]
    for code in states[:14]:
        actors += [Actor(code + s, code, None, (s,), code, code, 0, 3) for s in ("GOV", "MIL")]
    actors += [Actor(code, code, None, (), code, code, 0, 3) for code in states[10:]]
    return actors[:size]


def _codes() -> tuple[list[tuple[str, int, float, str]], np.ndarray]:
    from ..events.taxonomy import load_taxonomy

    taxonomy = load_taxonomy()
    entries = [(c, e.quad_class, e.goldstein, e.plover.event) for c, e in taxonomy.codes.items() if len(c) == 3]
    weights = np.array([ROOT_SHARES[int(c[:2]) - 1] for c, *_ in entries], dtype=float)
    return entries, weights / weights.sum()


def make_articles(n_events: int, seed: int = 0, per_article: int = 8) -> list[CodedArticle]:
    """Coded articles holding ``n_events`` synthetic events; about one in five repeats an earlier event."""
    rng = np.random.default_rng(seed)
    actors = actor_pool()
    codes, shares = _codes()
    zipf = 1.0 / np.arange(1, len(actors) + 1) ** 1.1
    zipf /= zipf.sum()
    src, tgt = rng.choice(len(actors), n_events, p=zipf), rng.choice(len(actors), n_events, p=zipf)
    code_ix, days = rng.choice(len(codes), n_events, p=shares), rng.integers(0, DAYS, n_events)
    repeat = rng.random(n_events) < 0.2
    shift = rng.integers(1, 50, n_events)
    articles: list[CodedArticle] = []
    for start in range(0, n_events, per_article):
        events = []
        for i in range(start, min(start + per_article, n_events)):
            j = i - int(shift[i]) if repeat[i] and i >= 50 else i  # a repeat reports an earlier event again
            code, quad, goldstein, plover = codes[code_ix[j]]
            day = START + dt.timedelta(days=int(days[j]))
            events.append(_event(i, start, actors[src[j]], actors[tgt[j]], code, quad, goldstein, plover, day))
        article = Article(id=f"bench-{start}", text=f"synthetic article {start}", date=events[0].date)
        articles.append(CodedArticle(article, tuple(events), len(events)))
    return articles


_EXPLANATION = Explanation("rule", "bench", "synthetic")


def _event(
    i: int, start: int, source: Actor, target: Actor, code: str, quad: int, goldstein: float, plover: str, day: dt.date
) -> Event:
    return Event(
        event_id=f"{i:016x}",
        article_id=f"bench-{start}",
        sentence_index=i - start,
        sentence="A synthetic sentence.",
        sentence_start=0,
        date=day,
        source=source,
        target=target,
        cameo=code,
        quad_class=quad,
        goldstein=goldstein,
        plover=Plover(plover),
        trigger=Span("did", 2, 5),
        confidence=0.8,
        explanation=_EXPLANATION,
    )


def bench_ingest(directory: Path, n_events: int = 1_000_000, batch: int = 20_000) -> BenchResult:
    articles = make_articles(n_events)
    with Store.open(directory / "ingest.duckdb") as store:
        started = time.perf_counter()
        store.ingest(articles, batch=batch)
        seconds = time.perf_counter() - started
    return BenchResult("ingest 1M coded events", n_events, seconds, 60.0)


FILL_EVENTS = """
INSERT INTO events (GlobalEventID, Day, Actor1Code, Actor1CountryCode, Actor1KnownGroupCode,
                    Actor2Code, Actor2CountryCode, Actor2KnownGroupCode, EventCode, EventBaseCode, EventRootCode,
                    QuadClass, GoldsteinScale, NumMentions, NumSources, NumArticles, event_date, is_current, origin)
SELECT i, strftime(d, '%Y%m%d')::INTEGER, a1.code, a1.country, a1.grp, a2.code, a2.country, a2.grp,
       c.code, c.code, left(c.code, 2), c.quad, c.goldstein, 1, 1, 1, d, true, 'bench'
FROM (
    SELECT i, ?::DATE + (random() * ?)::INTEGER AS d,
           least((1.0 / random())::BIGINT, ?) - 1 AS s, least((1.0 / random())::BIGINT, ?) - 1 AS t,
           (random() * (? - 1))::INTEGER AS k
    FROM range(?, ?) r(i)
) g
JOIN bench_actors a1 ON a1.ix = g.s JOIN bench_actors a2 ON a2.ix = g.t JOIN bench_codes c ON c.ix = g.k
"""


def fill_events(store: Store, n_events: int, seed: float = 0.5) -> None:
    """Put ``n_events`` synthetic events straight into the events table (Zipf-like actors, uniform codes)."""
    actors = actor_pool()
    codes, _ = _codes()
    with store.writing() as con:
        con.execute("SELECT setseed(?)", [seed])
        con.execute("CREATE TEMP TABLE bench_actors (ix INTEGER, code VARCHAR, country VARCHAR, grp VARCHAR)")
        con.executemany(
            "INSERT INTO bench_actors VALUES (?, ?, ?, ?)",
            [(i, a.code, a.country, a.group) for i, a in enumerate(actors)],
        )
        con.execute("CREATE TEMP TABLE bench_codes (ix INTEGER, code VARCHAR, quad INTEGER, goldstein DOUBLE)")
        con.executemany("INSERT INTO bench_codes VALUES (?, ?, ?, ?)", [(i, *c[:3]) for i, c in enumerate(codes)])
        for start in range(0, n_events, 2_000_000):
            stop = min(start + 2_000_000, n_events)
            con.execute(FILL_EVENTS, [START, DAYS - 1, len(actors), len(actors), len(codes), start, stop])


def bench_queries(directory: Path, n_events: int = 10_000_000) -> list[BenchResult]:
    from ..analysis import Scope, actor_network, dyad_timeline

    with Store.open(directory / "query.duckdb") as store:
        fill_events(store, n_events)
    with Store.open(directory / "query.duckdb", read_only=True) as store:
        started = time.perf_counter()
        dyad_timeline(store, "USA", "CHN", freq="month")
        timeline = time.perf_counter() - started
        started = time.perf_counter()
        actor_network(store, Scope(start=dt.date(2023, 1, 1), end=dt.date(2023, 12, 31)))
        network = time.perf_counter() - started
        year = store.scalar("SELECT count(*) FROM events WHERE event_date BETWEEN '2023-01-01' AND '2023-12-31'")
    return [
        BenchResult("dyad timeline (USA-CHN by month) over 10M events", n_events, timeline, 0.5),
        BenchResult("actor network over one year of events", int(year), network, 2.0),
    ]


def run_store_bench(events: int = 1_000_000, query_events: int = 10_000_000) -> list[BenchResult]:
    with tempfile.TemporaryDirectory(prefix="thucydides-bench-") as tmp:
        return [bench_ingest(Path(tmp), events), *bench_queries(Path(tmp), query_events)]


def render(results: list[BenchResult]) -> str:
    lines = ["| measurement | events | seconds | target | met |", "|---|---|---|---|---|"]
    for r in results:
        lines.append(
            f"| {r.name} | {r.events:,} | {r.seconds:.2f} | < {r.target_seconds:g} s | {'yes' if r.passed else 'no'} |"
        )
    return "\n".join(lines)


def to_json(results: list[BenchResult]) -> str:
    return json.dumps([asdict(r) | {"passed": r.passed} for r in results], indent=2)
