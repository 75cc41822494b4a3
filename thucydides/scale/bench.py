"""``thucydides bench scale``: from one core to two, from one Ray node to two, memory, and a projection.

Every job runs in a fresh process, as a user would run it: the articles are read
from a JSONL file and coded (and, for the local engine, written as JSONL to
``/dev/null``), so that reading, coding, writing, model loading and worker start-up
are all in the time. Peak memory is the resident set of the job's main process
and the largest one of its worker processes.

The projection turns the measured per-core rate and events per article into the
time a GDELT-sized day (100,000–285,000 events) and a ten-year backfill take on
N machines, at the measured efficiency of adding cores and nodes.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from ..models import Article
from ..records import article_record

GDELT_EVENTS_PER_DAY = (100_000, 285_000)
TEN_YEARS_DAYS = 3653
MACHINES = (1, 10, 100)


@dataclass
class Run:
    """One timed job: ``units`` are processes (local) or nodes (Ray), one CPU each."""

    engine: str
    units: int
    articles: int
    events: int
    seconds: float
    peak_mb_main: float
    peak_mb_worker: float | None

    @property
    def rate(self) -> float:
        return self.articles / self.seconds if self.seconds else 0.0


def corpus(paths: Sequence[str], limit: int, factor: int = 1) -> list[Article]:
    """``limit`` articles (see :func:`thucydides.bench.load_texts`), repeated ``factor`` times with new ids."""
    from ..bench import load_texts

    base = load_texts(list(paths), limit)
    return [Article(id=f"{a.id}-{k}" if k else a.id, text=a.text, date=a.date) for k in range(factor) for a in base]


def write_jsonl(articles: Sequence[Article], path: Path) -> Path:
    with open(path, "w", encoding="utf-8") as out:
        for article in articles:
            record = {k: v for k, v in article_record(article).items() if k in ("id", "text", "date") and v}
            out.write(json.dumps(record) + "\n")
    return path


def run_job(engine: str, path: Path, units: int, address: str | None = None, env: dict[str, str] | None = None) -> Run:
    """Time one coding job on ``path`` in a fresh process."""
    args = json.dumps({"engine": engine, "path": str(path), "units": units, "address": address})
    command = [sys.executable, "-c", "from thucydides.scale.bench import job; job()", args]
    result = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    if result.returncode != 0:
        raise RuntimeError(f"the {engine} job failed:\n{result.stderr[-2000:]}")
    return Run(**json.loads(result.stdout.splitlines()[-1]))


def job() -> None:
    """The child side of :func:`run_job`: code the file, print the measurement as one JSON line."""
    spec = json.loads(sys.argv[1])
    from ..run import Engine, code_paths

    engine = Engine(spec["engine"], spec["units"], spec["address"])
    started = time.perf_counter()
    with open(os.devnull, "w", encoding="utf-8") as sink:
        summary = code_paths([spec["path"]], sink, engine=engine)
    seconds = time.perf_counter() - started
    workers = _peak_mb(resource.RUSAGE_CHILDREN) if spec["engine"] == "local" and spec["units"] > 1 else None
    run = Run(
        spec["engine"], spec["units"], summary.read, summary.events, seconds, _peak_mb(resource.RUSAGE_SELF), workers
    )
    sys.stdout.write(json.dumps(asdict(run)) + "\n")


def _peak_mb(who: int) -> float:
    """Peak resident memory of this process (``RUSAGE_SELF``) or of its largest child, in MB.

    For this process the kernel's high-water mark of its own memory (``VmHWM``) is
    used where there is one: ``ru_maxrss`` would also count the memory of the
    process that started it, which a child inherits across ``exec``.
    """
    if who == resource.RUSAGE_SELF:
        status = Path("/proc/self/status")
        if status.exists():
            for line in status.read_text(encoding="ascii").splitlines():
                if line.startswith("VmHWM:"):
                    return round(int(line.split()[1]) / 1024.0, 1)
    return round(resource.getrusage(who).ru_maxrss / 1024.0, 1)


def local_runs(path: Path, workers: Sequence[int] = (1, 2)) -> list[Run]:
    return [run_job("local", path, n) for n in workers]


def ray_runs(path: Path, nodes: int = 2) -> list[Run]:
    """The same job on a Ray cluster of 1, then 2, … nodes of one CPU each, all on this machine."""
    from .cluster import LocalCluster

    runs = []
    with LocalCluster(cpus=1) as cluster:
        for count in range(1, nodes + 1):
            if count > 1:
                cluster.add_node()
            runs.append(run_job("ray", path, count, cluster.address, cluster.env))
    return runs


def efficiency(runs: Sequence[Run]) -> float | None:
    """Rate with the most units over (units × rate with one unit)."""
    one = next((r for r in runs if r.units == 1), None)
    most = max(runs, key=lambda r: r.units, default=None)
    if one is None or most is None or most.units == 1 or not one.rate:
        return None
    return round(most.rate / (most.units * one.rate), 3)


def projection(
    per_core: float, ratios: Sequence[float], cores: int, core_eff: float, node_eff: float
) -> dict[str, Any]:
    """Time for a GDELT-sized day and for ten years of them, at each number of events per article in ``ratios``.

    A machine codes ``per_core × cores × core_eff`` articles a second; N machines
    ``N × node_eff`` times that (one machine needs no cluster).
    """
    per_machine = per_core * cores * core_eff
    rows = []
    for ratio in ratios:
        for events in GDELT_EVENTS_PER_DAY:
            articles = events / ratio
            rows.append(
                {
                    "events_per_day": events,
                    "events_per_article": round(ratio, 2),
                    "articles_per_day": round(articles),
                    "hours_per_day_one_core": round(articles / per_core / 3600, 2),
                    "minutes_per_day_one_machine": round(articles / per_machine / 60, 1),
                    "ten_years_hours": {
                        m: round(articles * TEN_YEARS_DAYS / (per_machine * m * (node_eff if m > 1 else 1.0)) / 3600, 1)
                        for m in MACHINES
                    },
                }
            )
    return {
        "per_core": round(per_core, 2),
        "cores_per_machine": cores,
        "core_efficiency": core_eff,
        "node_efficiency": node_eff,
        "rows": rows,
    }


def run_scale_bench(
    paths: Sequence[str], limit: int, factor: int = 10, use_ray: bool = True, cores: int = 16
) -> dict[str, Any]:
    """All the measurements of ``bench scale``, and the projection."""
    with tempfile.TemporaryDirectory(prefix="thucydides-bench-") as tmp:
        small = write_jsonl(corpus(paths, limit), Path(tmp) / "corpus.jsonl")
        local = local_runs(small)
        ray = ray_runs(small) if use_ray and _has_ray() else []
        big = []
        if factor > 1:
            big_path = write_jsonl(corpus(paths, 100_000, factor), Path(tmp) / f"corpus-x{factor}.jsonl")
            big = [run_job("local", big_path, 2)]
    one = local[0]
    ratio = one.events / one.articles if one.articles else 1.0
    core_eff = efficiency(local) or 1.0
    return {
        "local": [_row(r) for r in local],
        "local_efficiency": efficiency(local),
        "ray": [_row(r) for r in ray],
        "ray_efficiency": efficiency(ray),
        "memory": [_row(r) for r in big],
        "events_per_article": round(ratio, 2),
        "projection": projection(one.rate, (ratio, 1.0), cores, core_eff, efficiency(ray) or core_eff),
    }


def _row(run: Run) -> dict[str, Any]:
    return asdict(run) | {"rate": round(run.rate, 2)}


def _has_ray() -> bool:
    import importlib.util

    return importlib.util.find_spec("ray") is not None


def render(result: dict[str, Any]) -> str:
    lines = ["| engine | processes / nodes | articles | seconds | articles/s | peak MB main | peak MB per worker |"]
    lines.append("|---|---|---|---|---|---|---|")
    for key in ("local", "ray", "memory"):
        for r in result[key]:
            worker = "–" if r["peak_mb_worker"] is None else f"{r['peak_mb_worker']:.0f}"
            lines.append(
                f"| {r['engine']} | {r['units']} | {r['articles']} | {r['seconds']:.1f} | {r['rate']:.1f} | "
                f"{r['peak_mb_main']:.0f} | {worker} |"
            )
    lines += [
        "",
        f"efficiency 1 → 2 processes: {result['local_efficiency']}; 1 → 2 Ray nodes: {result['ray_efficiency']}",
        f"events per article: {result['events_per_article']}",
        "",
        _render_projection(result["projection"]),
    ]
    return "\n".join(lines)


def _render_projection(p: dict[str, Any]) -> str:
    head = " / ".join(f"{m} machine{'s' if m > 1 else ''}" for m in MACHINES)
    lines = [
        f"Projection at {p['per_core']} articles/s per core, {p['cores_per_machine']} cores per machine, "
        f"efficiency {p['core_efficiency']} across cores and {p['node_efficiency']} across machines:",
        "",
        f"| events/day | events/article | articles/day | one day, hours on 1 core | one day, minutes on 1 machine "
        f"| ten years, hours on: {head} |",
        "|---|---|---|---|---|---|",
    ]
    for r in p["rows"]:
        backfill = " / ".join(f"{v:,}" for v in r["ten_years_hours"].values())
        lines.append(
            f"| {r['events_per_day']:,} | {r['events_per_article']} | {r['articles_per_day']:,} | "
            f"{r['hours_per_day_one_core']} | {r['minutes_per_day_one_machine']} | {backfill} |"
        )
    return "\n".join(lines)
