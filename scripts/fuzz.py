"""Fuzz the code job and the web API with 10,000 generated bad inputs, reproducible from a seed (issue 12).

    python scripts/fuzz.py --seed 1 --files 3000 --params 7000 --out fuzz.json

``--files`` cases of odd input files go through the ``code`` job (scripts/fuzz_job.py, made by
scripts/fuzz_inputs.py); ``--params`` hostile requests go to the web app in-process, loopback only
(scripts/fuzz_web.py). Case n of a half draws from its own generator, seeded with (seed, half, n): each
failure names its seed and case, and ``--case n`` runs that case of each half alone. The exit status is 1
when anything failed: an exception, a traceback, a 5xx, counts that do not add up.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict
from pathlib import Path
from typing import Any

from fuzz_job import FileReport, fuzz_files
from fuzz_web import ApiReport, fuzz_api


def summary_lines(files: FileReport | None, api: ApiReport | None) -> list[str]:
    lines = []
    if files is not None:
        lines.append(
            f"files: {files.cases} cases, {files.inputs} inputs; read {files.read} = coded {files.coded} + rejected "
            f"{files.rejected}" + ("" if files.read == files.coded + files.rejected else " (DOES NOT ADD UP)")
        )
        lines.append("  rejections by code: " + ", ".join(f"{c} {n}" for c, n in sorted(files.codes.items())))
    if api is not None:
        lines.append(f"api: {api.requests} requests: " + ", ".join(f"{k} {v}" for k, v in sorted(api.statuses.items())))
    failures = [*(files.failures if files else []), *(api.failures if api else [])]
    seed = files.seed if files else api.seed if api else 0
    lines.append(f"failures: {len(failures)}")
    for f in failures[:50]:
        lines.append(
            f"  [{f.half} case {f.case}, reproduce: --seed {seed} --case {f.case}] {f.what}: {f.detail[:2000]}"
        )
    return lines


def as_json(report: FileReport | ApiReport | None) -> dict[str, Any] | None:
    """A report as plain JSON (``asdict`` would turn a Counter's items into keys)."""
    if report is None:
        return None
    data = {name: dict(value) if isinstance(value, Counter) else value for name, value in vars(report).items()}
    return data | {"failures": [asdict(f) for f in report.failures]}


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=1, help="The seed every case is made from.")
    parser.add_argument("--files", type=int, default=3000, help="How many cases of input files.")
    parser.add_argument("--params", type=int, default=7000, help="How many API and page requests.")
    parser.add_argument("--case", type=int, default=None, help="Run only this case of each half.")
    parser.add_argument("--out", type=Path, default=None, help="Write the report here as JSON.")
    args = parser.parse_args(list(argv) if argv is not None else None)
    logging.basicConfig(handlers=[logging.NullHandler()])  # trafilatura's complaints about broken pages
    files = fuzz_files(args.seed, args.files, args.case) if args.files else None
    api = fuzz_api(args.seed, args.params, args.case) if args.params else None
    print("\n".join(summary_lines(files, api)))
    if args.out is not None:
        report = {"files": as_json(files), "api": as_json(api)}
        args.out.write_text(json.dumps(report, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    failed = (files is not None and files.failures) or (api is not None and api.failures)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
