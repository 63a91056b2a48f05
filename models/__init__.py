"""The catalogue of abstractive and embedding models and how their weights are found.

Importing this package must stay cheap (no torch, no transformers): `summarize models` lists
availability in well under a second, and the extractive path never pays for a model it won't use.
This package never imports `summarize` (an import-linter contract in pyproject.toml).
"""

from __future__ import annotations

from .catalogue import CATALOGUE, DEFAULT_ABSTRACTIVE, ModelEntry, Source, entry_for, writers
from .errors import ModelError
from .locate import Located, availability, cache_dir, cache_root, resolve

__all__ = [
    "CATALOGUE",
    "DEFAULT_ABSTRACTIVE",
    "Located",
    "ModelEntry",
    "ModelError",
    "Source",
    "availability",
    "cache_dir",
    "cache_root",
    "entry_for",
    "resolve",
    "writers",
]
