"""Code articles on a Ray cluster: Ray Data reads the files, actor pools code them.

Each actor of the pool loads the pipeline (the spaCy model, the knowledge base, the
lexicon) once and codes batch after batch. Results either stream back to this
process in input order (:func:`ray_code_items`, what ``code --engine ray`` writes as
JSONL/CSV/GDELT and what ``ingest --engine ray`` stores), or are written by the
workers themselves as Parquet partitioned by day (:func:`ray_code_to_parquet`)::

    thucydides code corpus/ --engine ray --address 10.0.0.1:6379 --format parquet -o coded/
    thucydides ingest coded/ --store events.duckdb

Ray is an optional extra (``pip install 'thucydides[ray]'``); nothing imports it
until one of these functions runs. Inputs must be readable from every node: a
shared file system (NFS, a mounted bucket) or a URI Ray understands (``s3://``, ``gs://``).
"""

from __future__ import annotations

import datetime as dt
import logging
import socket
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import pyarrow as pa

from ..errors import Errors, InputError, ThucydidesError
from ..jobs import Engine, Summary
from ..models import CodedArticle, Rejection
from ..parallel import BATCH, code_batch
from ..pipeline import Pipeline, PipelineConfig
from .parquet import (
    PARTITION,
    check_new_directory,
    count_parquet,
    read_rejections,
    results_table,
    table_items,
    table_results,
)

Result = CodedArticle | Rejection


class RayCoder:
    """One actor of the pool: loads the pipeline once, then codes table after table of items."""

    def __init__(self, config: PipelineConfig) -> None:
        self._pipeline = Pipeline.load(config)

    def __call__(self, table: pa.Table) -> pa.Table:
        return results_table(code_batch(self._pipeline, list(table_items(table))))


def ray_code_items(
    files: Sequence[str], config: PipelineConfig, engine: Engine, date: dt.date | None = None
) -> Iterator[Result]:
    """Code every article of ``files`` on the cluster; results come back here, in input order."""
    dataset = coded_dataset(files, config, engine, date)
    try:
        for table in dataset.iter_batches(batch_format="pyarrow", batch_size=None):
            yield from table_results(table)
    except _ray_errors() as err:
        raise _job_failed(err) from None


def ray_code_to_parquet(
    files: Sequence[str],
    directory: str | Path,
    config: PipelineConfig,
    engine: Engine,
    date: dt.date | None = None,
    on_reject: Callable[[Rejection], None] | None = None,
    progress: bool = False,
) -> Summary:
    """Code every article of ``files`` on the cluster; the workers write Parquet under ``directory``, by day."""

    check_new_directory(directory)
    started = time.perf_counter()
    dataset = coded_dataset(files, config, engine, date, progress and sys.stderr.isatty())
    try:
        dataset.write_parquet(str(directory), partition_cols=[PARTITION])
    except _ray_errors() as err:
        raise _job_failed(err) from None
    counts = count_parquet(directory)
    summary = Summary(coded=counts.coded, events=counts.events, sentences=counts.sentences)
    for rejection in read_rejections(directory):
        summary.add(rejection, on_reject)
    summary.read += counts.coded
    summary.seconds = time.perf_counter() - started
    return summary


def coded_dataset(
    files: Sequence[str], config: PipelineConfig, engine: Engine, date: dt.date | None, progress: bool = False
) -> Any:
    """The lazy Ray dataset of results: read ``files``, code them in a pool of ``RayCoder`` actors."""
    if "-" in files:
        raise ThucydidesError(Errors.E507)
    for name in files:
        if "://" not in name and not Path(name).exists():
            raise InputError(Errors.E106, origin=name, detail="no such file or directory")
    ray = connect(engine.address, engine.workers)
    from ray.data import DataContext

    from .ray_source import ArticleSource

    context = DataContext.get_current()
    context.execution_options.preserve_order = True
    context.enable_progress_bars = progress
    _quiet(not progress)
    workers = engine.workers or max(1, int(ray.cluster_resources().get("CPU", 1)))
    source = ArticleSource([_absolute(f) for f in files], default_date=date)
    return ray.data.read_datasource(source, num_cpus=0.25).map_batches(
        RayCoder,
        fn_constructor_args=(config,),
        batch_size=BATCH,
        batch_format="pyarrow",
        compute=ray.data.ActorPoolStrategy(size=workers),
        num_cpus=0.75,
    )


def _quiet(quiet: bool) -> None:
    """Keep Ray Data's messages out of the terminal unless asked (they stay in Ray's log files)."""
    for handler in logging.getLogger("ray.data").handlers:
        if not isinstance(handler, logging.FileHandler):
            handler.setLevel(logging.ERROR if quiet else logging.INFO)


def connect(address: str | None, workers: int | None = None) -> Any:
    """Ray, connected to the cluster at ``address`` (or to a new local instance when it is None)."""
    try:
        import ray
    except ImportError:
        raise ThucydidesError(Errors.E006, package="ray[data]", feature="--engine ray", extra="ray") from None
    if ray.is_initialized():
        return ray
    if address is not None:
        check_reachable(address)
    options: dict[str, Any] = {"logging_level": logging.ERROR, "log_to_driver": False}
    if address is None:
        # A private instance in a temp dir of its own: "local" never attaches to the cluster that
        # /tmp/ray/ray_current_cluster names, which may be long dead (and then ray.init hangs).
        options.update(_temp_dir=private_temp_dir(), include_dashboard=False)
        if workers is not None:
            options["num_cpus"] = workers
    try:
        ray.init(address=address or "local", **options)
    except (ConnectionError, RuntimeError, ValueError) as err:
        raise ThucydidesError(Errors.E501, address=address or "a new local instance", detail=_first_line(err)) from None
    return ray


def private_temp_dir() -> str:
    """A new temp dir for a private Ray instance, removed when this process exits."""
    import atexit
    import shutil
    import tempfile

    path = tempfile.mkdtemp(prefix="thucydides-ray-")
    atexit.register(shutil.rmtree, path, ignore_errors=True)
    return path


def check_reachable(address: str, timeout: float = 10.0) -> None:
    """Fail at once (E501) when nothing listens at a ``host:port`` address; Ray itself would retry for minutes."""
    host, _, port = address.rpartition(":")
    if "://" in address or not host or not port.isdigit():
        return  # "auto", "ray://…": Ray finds or checks these itself
    try:
        socket.create_connection((host, int(port)), timeout=timeout).close()
    except OSError as err:
        raise ThucydidesError(Errors.E501, address=address, detail=err.strerror or str(err)) from None


def shutdown() -> None:
    """Disconnect from the cluster (the cluster itself keeps running)."""
    import ray

    ray.shutdown()


def _absolute(name: str) -> str:
    return name if "://" in name else str(Path(name).resolve())


def _ray_errors() -> tuple[type[BaseException], ...]:
    import ray.exceptions

    return (ray.exceptions.RayError,)


def _job_failed(err: BaseException) -> ThucydidesError:
    return ThucydidesError(Errors.E508, detail=_first_line(err))


def _first_line(err: BaseException) -> str:
    text = str(err).strip()
    return text.splitlines()[0] if text else type(err).__name__
