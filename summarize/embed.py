"""Sentence embeddings for the `consensus-minilm` method (all-MiniLM-L6-v2 by default).

The model is found and loaded by the catalogue in `models/`; torch and transformers are imported
only when an embedding method is asked for.
"""

from __future__ import annotations

import os

import numpy as np

ENV_VAR = "SUMMARIZE_EMBEDDING_MODEL"
DEFAULT_MODEL = "minilm"


def encode(texts: list[str], batch_size: int = 64, model: str | None = None) -> np.ndarray:
    """L2-normalised mean-pooled embeddings, one row per text (float32).

    `model` (or $SUMMARIZE_EMBEDDING_MODEL) may be a catalogue name, an HF id or a folder.
    """
    from .modeling import load_encoder

    loaded = load_encoder(model or os.environ.get(ENV_VAR) or DEFAULT_MODEL)
    import torch

    encoder = loaded.model.base_model  # the bare encoder, whatever head a non-catalogue id has
    rows = []
    with torch.inference_mode():
        for start in range(0, len(texts), batch_size):
            batch = loaded.tokenizer(
                texts[start : start + batch_size],
                padding=True,
                truncation=True,
                max_length=128,
                return_tensors="pt",
            )
            hidden = encoder(**batch).last_hidden_state.float()
            mask = batch["attention_mask"].unsqueeze(-1).to(hidden.dtype)
            pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            rows.append(torch.nn.functional.normalize(pooled, dim=1).numpy())
    if not rows:
        return np.zeros((0, 384), dtype=np.float32)
    return np.vstack(rows).astype(np.float32)
