"""The catalogue of abstractive and embedding models and how their weights are found.

Importing this package must stay cheap (no torch, no transformers): `summarize models` lists
availability in well under a second, and the extractive path never pays for a model it won't use.
"""

from __future__ import annotations

from .catalogue import CATALOGUE, DEFAULT_ABSTRACTIVE, ModelEntry, Source, entry_for
from .locate import Status, availability, cache_dir, cache_root

__all__ = [
    "CATALOGUE",
    "DEFAULT_ABSTRACTIVE",
    "ModelEntry",
    "Source",
    "Status",
    "availability",
    "cache_dir",
    "cache_root",
    "entry_for",
]
