"""``thucydides bench``: end-to-end speed against the bare spaCy pipeline, and peak memory.

Each configuration runs in a fresh process so that its peak memory is its own. The
bare pipeline is spaCy's ``nlp.pipe`` over the same texts with one and with two
processes; each coder (``rules``, ``hybrid``, ``model``) runs on the same texts in the
same run, and the figure that matters is its best rate divided by spaCy's best.

Both sides are timed the same way: a model loaded in the measuring process (spaCy's, or the
whole pipeline when the articles are coded in that process) is loaded before the clock starts
and its loading time is reported apart; worker processes load theirs on the clock.

On a machine others use, wall-clock rates measured one after the other compare badly: each
configuration meets a different load. Where the coding runs in the measuring process alone (one
process), its CPU time is measured too, which the load of other programs hardly moves; the
ratios of words per CPU-second are the steadier comparison there.
"""

from __future__ import annotations

import io
import json
import multiprocessing as mp
import resource
import time
import zipfile
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from .errors import Errors, ThucydidesError
from .models import Article, CodedArticle
from .readers import read_paths

SHARED_STORIES = (
    Path(__file__).resolve().parents[2]
    / "shared"
    / "data"
    / "plover"
    / "NGEC_gpt_synthetic_events_2023-10-19_19.csv.zip"
)


@dataclass
class Measurement:
    name: str
    workers: int
    seconds: float  # coding only
    load_seconds: float  # loading the model or pipeline in the measuring process, before the clock starts
    words: int
    articles: int
    events: int
    peak_mb_main: float
    peak_mb_worker: float
    cpu_seconds: float | None = None  # CPU time of the coding, when it ran in the measuring process alone

    @property
    def words_per_second(self) -> float:
        return self.words / self.seconds if self.seconds else 0.0

    @property
    def words_per_cpu_second(self) -> float | None:
        return self.words / self.cpu_seconds if self.cpu_seconds else None


def load_texts(paths: list[str], limit: int) -> list[Article]:
    """The benchmark corpus: the given paths, else the synthetic stories in ../shared, else the example."""
    if paths:
        items = [a for a in read_paths(paths) if isinstance(a, Article)]
    elif SHARED_STORIES.exists():
        items = list(_stories(SHARED_STORIES))
    else:
        from .cli.code import example_path

        text = example_path().read_text(encoding="utf-8")
        items = [Article(id=str(i), text=text) for i in range(limit)]
    return items[:limit]


def _stories(path: Path) -> Iterator[Article]:
    import csv

    with zipfile.ZipFile(path) as archive:
        name = archive.namelist()[0]
        with archive.open(name) as handle:
            for i, row in enumerate(csv.DictReader(io.TextIOWrapper(handle, encoding="utf-8"))):
                yield Article(id=f"story-{i}", text=row["text"])


def _peak_mb(who: int) -> float:
    """Peak resident memory. For this process, the kernel's high-water mark (VmHWM) where there is one:
    ``ru_maxrss`` of a forked or spawned child can include memory it shares with its parent."""
    if who == resource.RUSAGE_SELF:
        try:
            for line in Path("/proc/self/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024.0
        except OSError:
            pass
    return resource.getrusage(who).ru_maxrss / 1024.0


def _bare(texts: list[str], workers: int, queue: mp.Queue) -> None:  # type: ignore[type-arg]
    from .parse import load_spacy

    started = time.perf_counter()
    nlp = load_spacy()
    loaded = time.perf_counter() - started
    started, cpu = time.perf_counter(), time.process_time()
    for _doc in nlp.pipe(texts, batch_size=64, n_process=workers):
        pass
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    timing = (seconds, loaded, cpu if workers == 1 else None)
    queue.put((*timing, 0, _peak_mb(resource.RUSAGE_SELF), _peak_mb(resource.RUSAGE_CHILDREN)))


def time_coder(articles: list[Article], workers: int, coder: str) -> tuple[float, float, float | None, int]:
    """Seconds to code ``articles`` with ``coder`` on ``workers`` processes, seconds to load, CPU seconds to
    code (None when worker processes coded), events coded.

    When the articles are coded in this process (one worker, or too few articles to start more) the
    pipeline is loaded before the clock starts, as bare spaCy's model is; worker processes load their
    own pipeline on the clock, as the processes of spaCy's ``n_process`` do.
    """
    from .parallel import code_items, planned_workers
    from .pipeline import Pipeline, PipelineConfig

    config = PipelineConfig(coder=coder)
    started = time.perf_counter()
    pipeline = Pipeline.load(config) if planned_workers(len(articles), workers) == 1 else None
    loaded = time.perf_counter() - started
    started, cpu = time.perf_counter(), time.process_time()
    coded = code_items(articles, config, workers, pipeline=pipeline)
    events = sum(len(r.events) for r in coded if isinstance(r, CodedArticle))
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    return seconds, loaded, cpu if pipeline is not None else None, events


def _ours(articles: list[Article], workers: int, coder: str, queue: mp.Queue) -> None:  # type: ignore[type-arg]
    seconds, loaded, cpu, events = time_coder(articles, workers, coder)
    queue.put((seconds, loaded, cpu, events, _peak_mb(resource.RUSAGE_SELF), _peak_mb(resource.RUSAGE_CHILDREN)))


def measure(name: str, articles: list[Article], workers: int) -> Measurement:
    ctx = mp.get_context("spawn")
    queue = ctx.Queue()
    if name == "spacy":
        args: tuple[object, ...] = ([a.text for a in articles], workers, queue)
        process = ctx.Process(target=_bare, args=args)
    else:
        process = ctx.Process(target=_ours, args=(articles, workers, name, queue))
    process.start()
    seconds, loaded, cpu, events, peak_main, peak_children = _result(queue, process)
    process.join()
    words = sum(len(a.text.split()) for a in articles)
    return Measurement(name, workers, seconds, loaded, words, len(articles), events, peak_main, peak_children, cpu)


def _result(queue: Any, process: Any) -> tuple[float, float, float | None, int, float, float]:
    """The measurement a child sends back; a clear error, not a hang, if the child dies first."""
    import queue as queues

    while True:
        try:
            return queue.get(timeout=5)  # type: ignore[no-any-return]
        except queues.Empty:
            if not process.is_alive():
                raise ThucydidesError(Errors.E007, code=process.exitcode) from None


def run_bench(
    paths: list[str],
    limit: int = 1000,
    workers: tuple[int, ...] = (1, 2),
    coders: tuple[str, ...] = ("rules", "hybrid", "model"),
    rounds: int = 1,
) -> dict[str, object]:
    """Each pipeline on each process count, ``rounds`` times in turn; each is judged by its fastest run.

    The machine's speed drifts over minutes (others' jobs, the host's clock): with several rounds
    every pipeline has been timed in each stretch of time, and the fastest of its runs compares with
    bare spaCy's fastest, which a drift that slowed one pipeline's only run cannot skew.
    """
    articles = load_texts(paths, limit)
    results = [measure(name, articles, w) for _ in range(rounds) for name in ("spacy", *coders) for w in workers]
    best = {name: max((m for m in results if m.name == name), key=lambda m: m.words_per_second) for name in coders}
    bare = max((m for m in results if m.name == "spacy"), key=lambda m: m.words_per_second).words_per_second
    ratios = {name: round(m.words_per_second / bare, 3) if bare else None for name, m in best.items()}
    return {
        "articles": len(articles),
        "words": results[0].words,
        "rounds": rounds,
        "measurements": [asdict(m) | {"words_per_second": round(m.words_per_second, 1)} for m in results],
        "best_spacy_words_per_second": round(bare, 1),
        "best_words_per_second": {name: round(m.words_per_second, 1) for name, m in best.items()},
        "ratios": ratios,
        "cpu_ratios": cpu_ratios(results, coders),
    }


def cpu_ratios(results: list[Measurement], coders: tuple[str, ...]) -> dict[str, float | None]:
    """Each coder's words per CPU-second over bare spaCy's, both on one process, each at its best run
    (None where not measured)."""

    def rate(name: str) -> float | None:
        return max((r for m in results if m.name == name and (r := m.words_per_cpu_second)), default=None)

    bare = rate("spacy")
    return {name: round(r / bare, 3) if (r := rate(name)) and bare else None for name in coders}


def render(result: dict[str, object]) -> str:
    rounds = int(result.get("rounds") or 1)  # type: ignore[call-overload]
    lines = [
        f"{result['articles']} articles, {result['words']} words"
        + (f"; {rounds} rounds, each pipeline judged by its fastest run" if rounds > 1 else ""),
        "",
        "| pipeline | processes | seconds | CPU s | words/s | events | load s | peak MB | peak MB per worker |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for m in result["measurements"]:  # type: ignore[attr-defined]
        cpu = f"{m['cpu_seconds']:.1f}" if m.get("cpu_seconds") else "–"
        lines.append(
            f"| {m['name']} | {m['workers']} | {m['seconds']:.1f} | {cpu} | {m['words_per_second']:.0f} | "
            f"{m['events']} | {m['load_seconds']:.1f} | {m['peak_mb_main']:.0f} | {m['peak_mb_worker']:.0f} |"
        )
    ratios = result["ratios"]
    per_cpu: dict[str, float | None] = result.get("cpu_ratios") or {}  # type: ignore[assignment]
    lines += [
        "",
        "| coder | words/s at its best | / bare spaCy at its best | / bare spaCy per CPU-second (1 process) |",
        "|---|---|---|---|",
    ]
    for name, ratio in ratios.items():  # type: ignore[attr-defined]
        best = result["best_words_per_second"][name]  # type: ignore[index]
        lines.append(f"| {name} | {best:.0f} | {ratio} | {per_cpu.get(name) or '–'} |")

    return "\n".join(lines)


def to_json(result: dict[str, object]) -> str:
    return json.dumps(result, indent=2)
