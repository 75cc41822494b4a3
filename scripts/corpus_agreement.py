"""Agreement of the two independent codings of the real-news corpus, written to AGREEMENT.md.

    python scripts/corpus_agreement.py corpus/realnews

Two events agree when they have the same source and target principals (the state, or the
organisation or group) and codes that each coder accepts from the other, at the level of
the three-digit base code, of the two-digit root, or not at all ("actors only").
Agreement is the F1 of one coding against the other (symmetric).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from thucydides.evaluate.corpus import Agreement, agreement, read_coding, split_of

LEVELS = ("code (base)", "code (root)", "actors only")


def row(name: str, result: Agreement) -> str:
    figures = " | ".join(f"{result.f1(level):.3f}" for level in LEVELS)
    return f"| {name} | {result.stories} | {result.first_events} | {result.second_events} | {figures} |"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, help="the corpus folder (corpus/realnews)")
    args = parser.parse_args()
    first, second = read_coding(args.corpus / "coder1"), read_coding(args.corpus / "coder2")
    lines = [
        "| stories | n | events (coder 1) | events (coder 2) | " + " | ".join(f"F1, {lv}" for lv in LEVELS) + " |",
        "|---|---|---|---|---|---|---|",
        row("all", agreement(first, second)),
    ]
    for half in ("dev", "test"):
        keep = {k for k in first if split_of(k) == half}
        lines.append(row(f"{half} half", agreement({k: first[k] for k in keep}, second)))
    for series in sorted({k[0] for k in first}):
        keep = {k for k in first if k[0] == series}
        lines.append(row(f"series {series}", agreement({k: first[k] for k in keep}, second)))
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
