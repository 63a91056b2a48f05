"""The library's one door to `models/`: load a model for a job, with errors in our terms.

`models` raises its own `ModelError`; here it becomes `ModelUnavailable`, and a model that cannot
do the job asked of it (an embedding model asked to write) is refused before any weight is read.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .errors import ModelUnavailable

Progress = Callable[[str], None]


def load_writer(name: str | None, progress: Progress | None = None) -> Any:
    """A model that writes text (causal or seq2seq), loaded once per process."""
    from models import DEFAULT_ABSTRACTIVE, ModelError, entry_for, writers
    from models.load import load

    try:
        entry = entry_for(name or DEFAULT_ABSTRACTIVE)
        if entry.kind == "embedding":
            raise ModelUnavailable(
                f"{entry.name} is an embedding model and cannot write a briefing",
                f"use --model with one that writes: {', '.join(writers())}, an HF id or a folder",
            )
        loaded = load(entry.name, progress=progress)
    except ModelError as error:
        raise ModelUnavailable.from_model_error(error) from error
    if loaded.kind not in ("causal", "seq2seq"):
        raise ModelUnavailable(
            f"{loaded.entry.name} is a {loaded.kind} model and cannot write a briefing",
            f"use --model with one that writes: {', '.join(writers())}",
        )
    return loaded


def load_encoder(name: str, progress: Progress | None = None) -> Any:
    """A model whose hidden states embed sentences (any encoder; its head is ignored)."""
    from models import ModelError
    from models.load import load

    try:
        return load(name, progress=progress)
    except ModelError as error:
        raise ModelUnavailable.from_model_error(error) from error
