"""The files half of the fuzz run (``scripts/fuzz.py``): odd input files through the real ``code`` job.

Cases are written to a temporary directory and coded in batches of :data:`BATCH` by
:func:`thucydides.run.code_paths` (rules coder, one worker), as ``thucydides code`` does. A batch must
not raise; it must count every article (read = coded + rejected, as many reads as the files hold); every
rejection has a numbered code, names its file, and is never an exception caught (E120, E121); what a
file says is bad is rejected and what it says is good is coded; the events written parse. A batch that
fails as a whole is halved until the cases behind the failure are found.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import random
import re
import sys
import tempfile
import traceback
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from fuzz_inputs import (
    CODE,
    HTML_SUFFIXES,
    JSONL_SUFFIXES,
    TEXT_SUFFIXES,
    Failure,
    Made,
    case_rng,
    make_case,
    strict_json,
)

from thucydides.jobs import Summary
from thucydides.models import Rejection

INTERNAL = ("E000", "E120", "E121")  # an exception caught and turned into a rejection: a bug to report
BATCH = 100
FORMAT_CHECKS = ("jsonl", "plover", "csv", "gdelt")
Problem = tuple[int | None, str, str]  # (case, or None for the whole batch; what; detail)


@dataclass
class FileReport:
    seed: int
    cases: int = 0
    inputs: int = 0  # files, links and standard inputs given to the job
    read: int = 0
    coded: int = 0
    rejected: int = 0
    codes: Counter[str] = field(default_factory=Counter)
    failures: list[Failure] = field(default_factory=list)


@dataclass
class Expected:
    """What the job should make of one input path: how many reads, how many rejected at least and at most."""

    case: int
    kind: str
    reads: int
    most: int  # reads, with the extra reads a damaged file may give
    bad: int
    maybe: int  # outcomes that may be either ("any"), and the extra reads


def expected(made: Made, case: int, named: bool) -> Expected | None:
    """What reading ``made`` should give when its directory is walked (``named`` False) or it is named itself."""
    if made.name.endswith("/"):
        return None
    hidden = any(part.startswith(".") for part in Path(made.name).parts)
    streamed = Path(made.name).suffix.lower() in {*TEXT_SUFFIXES, *JSONL_SUFFIXES, *HTML_SUFFIXES, ".parquet"}
    if not named and (hidden or not streamed or made.data is None):
        return None
    expect = made.expect
    bad = expect.count("bad")
    maybe = expect.count("any") + made.extra
    return Expected(case, made.kind, len(expect), len(expect) + made.extra, bad, maybe)


def write_case(
    root: Path, case: int, made: list[Made], named: bool
) -> tuple[list[str], dict[str, Expected], bytes | None]:
    """Write a case under ``root``; return the paths to give the job, what each should give, and any stdin bytes."""
    folder = root / f"case-{case:05d}"
    folder.mkdir(parents=True)
    paths: list[str] = [] if named else [str(folder)]
    wanted: dict[str, Expected] = {}
    stdin: bytes | None = None
    for one in made:
        if one.name == "-":
            stdin, paths = one.data, ["-"]
            wanted["<stdin>"] = Expected(case, one.kind, len(one.expect), len(one.expect), one.expect.count("bad"),
                                         one.expect.count("any"))  # fmt: skip
            continue
        path = folder / one.name
        path.parent.mkdir(parents=True, exist_ok=True)
        if one.name.endswith("/"):
            continue
        if one.data is None:
            path.symlink_to(one.link or "missing")
        else:
            path.write_bytes(one.data)
        if (want := expected(one, case, named)) is not None:
            wanted[str(path)] = want
            if named:
                paths.append(str(path))
    return paths, wanted, stdin


@dataclass
class Batch:
    """Inputs of several cases given to one run of the job."""

    cases: list[int]
    paths: list[str]
    wanted: dict[str, Expected]
    stdin: bytes | None
    fmt: str
    explain: bool
    date: dt.date | None


def make_batch(seed: int, cases: list[int], root: Path) -> Batch:
    """Write ``cases`` under ``root``, each as its folder or its files named one by one, sometimes with a path to
    nowhere. The output format, --explain and --date are those of the batch of ``BATCH`` cases the first belongs to."""
    rng = random.Random(f"{seed}:batch:{cases[0] // BATCH}")
    dates = (None, dt.date(2025, 6, 3), dt.date(1, 1, 1), dt.date(9999, 12, 31))
    batch = Batch(cases, [], {}, None, rng.choice(FORMAT_CHECKS), rng.random() < 0.3, rng.choice(dates))
    for case in cases:
        how = case_rng(seed, "named", case)
        paths, wanted, stdin = write_case(root, case, make_case(seed, case), how.random() < 0.3)
        if how.random() < 0.05:
            paths.append(str(root / f"case-{case:05d}" / "does-not-exist.txt"))
            wanted[paths[-1]] = Expected(case, "missing-path", 1, 1, 1, 0)
        batch.paths += paths
        batch.wanted |= wanted
        batch.stdin = stdin if stdin is not None else batch.stdin
    return batch


def run_batch(batch: Batch, out_path: Path) -> tuple[Summary | None, str | None]:
    """Code the batch with the real job, as ``thucydides code`` does; (summary, traceback if it raised)."""
    from thucydides.pipeline import PipelineConfig
    from thucydides.run import Engine, code_paths

    saved = sys.stdin
    if batch.stdin is not None:
        sys.stdin = io.TextIOWrapper(io.BytesIO(batch.stdin), encoding="utf-8")
    try:
        with open(out_path, "w", encoding="utf-8", newline="") as out:
            summary = code_paths(batch.paths, out, fmt=batch.fmt, date=batch.date, explain=batch.explain,
                                 config=PipelineConfig(coder="rules"), engine=Engine(workers=1))  # fmt: skip
        return summary, None
    except Exception:
        return None, traceback.format_exc()
    finally:
        sys.stdin = saved


def owner(origin: str, wanted: dict[str, Expected]) -> str | None:
    """The input path a rejection's origin names (``path`` or ``path:line``)."""
    if origin in wanted:
        return origin
    head, _, tail = origin.rpartition(":")
    return head if tail.isdigit() and head in wanted else None


def check_batch(batch: Batch, summary: Summary, out_path: Path) -> list[Problem]:
    """Everything wrong with what the job reported: (case or None for the batch, what, detail)."""
    problems: list[Problem] = []
    if summary.read != summary.coded + summary.rejected or len(summary.rejections) != summary.rejected:
        problems.append((None, "counts", f"read {summary.read} != coded {summary.coded} + rejected {summary.rejected}"))
    low = sum(w.reads for w in batch.wanted.values())
    high = sum(w.most for w in batch.wanted.values())
    if not low <= summary.read <= high:
        problems.append((None, "reads", f"read {summary.read}, expected {low} to {high}"))
    rejected: Counter[str] = Counter()
    for rejection in summary.rejections:
        path = owner(rejection.origin, batch.wanted)
        case = batch.wanted[path].case if path else None
        problems += [
            (case, what, f"{rejection.origin}: {detail}") for what, detail in rejection_problems(rejection, path)
        ]
        if path:
            rejected[path] += 1
    for path, want in batch.wanted.items():
        if not want.bad <= rejected[path] <= want.bad + want.maybe:
            what = "rejected-good" if rejected[path] > want.bad + want.maybe else "coded-bad"
            problems.append((want.case, what, f"{path!r} ({want.kind}): {rejected[path]} rejected of {want.reads}, "
                             f"{want.bad} bad and {want.maybe} either expected"))  # fmt: skip
    problems += [(None, "output", detail) for detail in output_problems(out_path, batch.fmt)]
    return problems


def rejection_problems(rejection: Rejection, path: str | None) -> Iterator[tuple[str, str]]:
    if not CODE.match(rejection.code) or rejection.code in INTERNAL:
        yield "internal-error", f"[{rejection.code}] {rejection.message}"
    if path is None or rejection.origin not in rejection.message:
        yield "unnamed-file", f"[{rejection.code}] {rejection.message}"
    if "Traceback" in rejection.message:
        yield "traceback", rejection.message


def output_problems(path: Path, fmt: str) -> Iterator[str]:
    """Lines of the written events that do not parse as the format says."""
    text = path.read_text(encoding="utf-8")
    if fmt in ("jsonl", "plover"):
        for number, line in enumerate(text.split("\n"), start=1):
            try:
                strict_json(line) if line else None
            except ValueError as err:
                yield f"{fmt} line {number} is not JSON ({err}): {line[:120]!r}"
    elif fmt == "gdelt":
        for number, line in enumerate(text.split("\n"), start=1):
            if line and len(re.split(r"(?<!\\)\t", line)) != 61:
                yield f"gdelt line {number} has not 61 columns: {line[:120]!r}"
    else:
        rows = list(csv.reader(io.StringIO(text, newline="")))
        widths = {len(r) for r in rows}
        if len(widths) > 1:
            yield f"csv rows of {sorted(widths)} columns"


def fuzz_files(seed: int, count: int, only: int | None = None) -> FileReport:
    """Generate ``count`` cases of odd input files and code them in batches; check every count and rejection."""
    report = FileReport(seed)
    cases = [only] if only is not None else list(range(count))
    with tempfile.TemporaryDirectory(prefix="thucydides-fuzz-") as tmp:
        for start in range(0, len(cases), BATCH):
            run_cases(seed, cases[start : start + BATCH], Path(tmp) / f"batch-{start:05d}", report)
    return report


def run_cases(seed: int, cases: list[int], root: Path, report: FileReport) -> None:
    """Run ``cases`` as one batch (a second standard input in another); a batch that fails as a whole is halved
    until the cases behind the failure are found."""
    stdin_cases = [c for c in cases if any(m.name == "-" for m in make_case(seed, c))]
    rest = [c for c in cases if c not in stdin_cases[1:]]
    for group in [rest, *[[c] for c in stdin_cases[1:]]]:
        batch = make_batch(seed, group, root / f"g{group[0]:05d}")
        problems = attempt(batch, root / f"g{group[0]:05d}.out", report)
        if len(group) > 1 and any(case is None for case, _, _ in problems):
            problems = [p for p in problems if p[0] is not None] + culprits(seed, group, root, problems)
        report.cases += len(group)
        report.inputs += len(batch.wanted)
        report.failures += [Failure("files", c if c is not None else -1, w, d) for c, w, d in problems]


def culprits(seed: int, group: list[int], root: Path, problems: list[Problem]) -> list[Problem]:
    """The cases of ``group`` behind its failures as a whole (``problems``): each half is run again, and halved
    again while it fails; a case that fails alone gets all its problems. None found: ``problems`` as they are."""
    found: list[Problem] = []
    half = len(group) // 2
    for part in (group[:half], group[half:]):
        name = f"part-{part[0]:05d}-{len(part)}"
        again = attempt(make_batch(seed, part, root / name), root / f"{name}.out", None)
        whole = [p for p in again if p[0] is None]
        if whole and len(part) == 1:
            found += [(part[0], what, detail) for _, what, detail in again]
        elif whole:
            found += culprits(seed, part, root, whole)
    return found or [p for p in problems if p[0] is None]


def attempt(batch: Batch, out_path: Path, report: FileReport | None) -> list[Problem]:
    summary, crash = run_batch(batch, out_path)
    if summary is None:
        return [(None, "exception", f"{(crash or '').strip().splitlines()[-1]}\n{crash}")]
    if report is not None:
        report.read += summary.read
        report.coded += summary.coded
        report.rejected += summary.rejected
        report.codes.update(r.code for r in summary.rejections)
    return check_batch(batch, summary, out_path)
