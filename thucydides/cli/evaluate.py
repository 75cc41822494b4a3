"""``thucydides eval`` and ``thucydides bench``."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import click

from ..events.passes import CODERS
from ..pipeline import PipelineConfig
from .options import dictionary_options, workers_option


@click.command("eval")
@click.argument("gold", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the headline figures as JSON instead of tables.")
@click.option("--limit", type=click.IntRange(min=1), help="Score only the first N records of each file.")
@click.option(
    "--rules-only",
    is_flag=True,
    help="The rules alone: no learned layer, no statistical layer (for files they were trained on, the fair figure).",
)
@click.option(
    "--half",
    type=click.Choice(["dev", "test", "all"]),
    default="all",
    show_default=True,
    help="Of a story corpus (corpus/realnews/gold), score only the development or the test half.",
)
@workers_option
@dictionary_options
def evaluate(
    gold: tuple[Path, ...],
    as_json: bool,
    limit: int | None,
    rules_only: bool,
    half: str,
    workers: int | None,
    config: PipelineConfig,
) -> int:
    """Score the coder against gold files.

    GOLD files may be PETRARCH validation XML (.xml; its actor and agent
    dictionaries are loaded when they sit beside it), thucydides gold JSONL
    (.jsonl: sentences, or whole stories in the format of the real-news corpus,
    scored strictly with error classes; a folder of such files is read whole),
    five-class sentence labels (.tsv: sentence<TAB>label) or source/target
    spans in CoNLL (.txt: token TAG). See docs/evaluation.md.
    """
    from ..evaluate.report import render
    from ..evaluate.run import evaluate_file, summary
    from ..parallel import default_workers

    config = dataclasses.replace(config, coder="rules") if rules_only else config
    config = dataclasses.replace(config, classifier=not rules_only)
    results = []
    for path in gold:
        evaluation = evaluate_file(path, config, workers or default_workers(), limit, half)
        results.append(summary(evaluation))
        if not as_json:
            click.echo(render(evaluation))
    if as_json:
        click.echo(json.dumps(results, indent=2))
    return 0


@click.group(invoke_without_command=True)
@click.pass_context
def bench(ctx: click.Context) -> int:
    """Benchmarks. Without a subcommand, `bench coder`: coding speed against bare spaCy."""
    if ctx.invoked_subcommand is None:
        return ctx.invoke(bench_coder)  # type: ignore[no-any-return]
    return 0


@bench.command("coder")
@click.argument("paths", nargs=-1, type=str)
@click.option(
    "--articles", "limit", type=click.IntRange(min=1), default=1000, show_default=True, help="Articles to code."
)
@click.option(
    "--workers",
    "-j",
    "workers",
    multiple=True,
    type=click.IntRange(min=1),
    help="Process counts to try (default 1 and 2).",
)
@click.option(
    "--coder",
    "coders",
    multiple=True,
    type=click.Choice(CODERS),
    help="Coders to measure (default all three: rules, hybrid, model).",
)
@click.option(
    "--rounds",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Time every pipeline this many times in turn and judge each by its fastest run (3 for figures to publish).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the results as JSON.")
def bench_coder(
    paths: tuple[str, ...], limit: int, workers: tuple[int, ...], coders: tuple[str, ...], rounds: int, as_json: bool
) -> int:
    """Measure end-to-end words/second against the bare spaCy pipeline on the same texts, and peak memory.

    PATHS are the texts to code (any input `code` accepts); without them the
    synthetic stories in ../shared/data are used when present, else the built-in example.
    """
    from ..bench import render, run_bench, to_json

    result = run_bench(list(paths), limit, workers or (1, 2), coders or CODERS, rounds)
    click.echo(to_json(result) if as_json else render(result))
    return 0
