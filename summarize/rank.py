"""Sentence rankers. Each takes a `Corpus` and returns one salience score per sentence.

`consensus` is the product's ranker: what several independent sources report (corroboration),
close to the cluster's centroid, early in its article. The others are the baselines that the
benchmarks compare against. A score of -inf means "never select".
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from .corpus import Corpus

NEVER = -np.inf


@dataclass(frozen=True)
class ConsensusWeights:
    """Tuned on the Multi-News dev clusters (benchmarks/tune.py); see README "How it ranks"."""

    centroid: float = 1.0
    corroboration: float = 1.0
    position: float = 0.5
    position_decay: float = 0.5
    support_floor: float = 0.1
    """Cosines below this are noise, not a second source reporting the fact."""
    fragment_penalty: float = 0.1
    """Cost of a piece of a multi-sentence quotation: it reads badly out of context."""
    min_words: int = 6
    max_words: int = 45
    candidates: int = 300
    """Only this many sentences (best by centroid and position) get the cross-source pass."""


EMBEDDING_WEIGHTS = ConsensusWeights(centroid=0.5, support_floor=0.5)
"""Embedding cosines run high (same topic is ~0.4), so only close matches count as support."""


def eligible(corpus: Corpus, min_words: int = 6, max_words: int = 45) -> np.ndarray:
    """Sentences fit for a briefing: not fragments, not walls of text, not questions."""
    ok = (corpus.length >= min_words) & (corpus.length <= max_words)
    questions = np.fromiter(
        (s.text.rstrip("”\"' ").endswith("?") for s in corpus.sentences), bool, len(corpus)
    )
    return ok & ~questions


def unbalanced_quotes(text: str) -> bool:
    """A fragment of a multi-sentence quotation: it opens a quote it never closes, or vice versa."""
    return text.count('"') % 2 == 1 or text.count("“") != text.count("”")


def _dense(matrix: Any) -> np.ndarray:
    return matrix.toarray() if hasattr(matrix, "toarray") else np.asarray(matrix)


def centroid(corpus: Corpus, vectors: Any) -> np.ndarray:
    """Cosine of each sentence to the mean of the per-article centroids (articles weigh equally)."""
    from scipy.sparse import csr_matrix

    n, d = len(corpus), corpus.n_docs
    membership = csr_matrix(
        (np.ones(n, dtype=np.float32), (corpus.doc, np.arange(n))), shape=(d, n)
    )
    doc_vectors = _dense(membership @ vectors)
    norms = np.linalg.norm(doc_vectors, axis=1, keepdims=True)
    doc_vectors /= np.where(norms == 0, 1, norms)
    center = doc_vectors.mean(axis=0)
    center /= np.linalg.norm(center) or 1.0
    return np.asarray(vectors @ center).ravel()


def best_match_per_doc(corpus: Corpus, vectors: Any, rows: np.ndarray) -> np.ndarray:
    """For each row sentence, its highest cosine to any sentence of each article (rows x docs).

    Sparse rows-by-all product, reduced per article: linear in the input for a fixed row count.
    """
    sims = vectors[rows] @ vectors.T
    best = np.zeros((len(rows), corpus.n_docs), dtype=np.float32)
    if hasattr(sims, "tocoo"):
        coo = sims.tocoo()
        np.maximum.at(best, (coo.row, corpus.doc[coo.col]), coo.data)
    else:
        sims = np.asarray(sims)
        for d in range(corpus.n_docs):
            members = corpus.doc == d
            if members.any():
                best[:, d] = sims[:, members].max(axis=1)
    return best


def consensus(
    corpus: Corpus, vectors: Any = None, weights: ConsensusWeights | None = None, seed: int = 0
) -> np.ndarray:
    w = weights or ConsensusWeights()
    vectors = corpus.matrix if vectors is None else vectors
    n = len(corpus)
    scores = np.full(n, NEVER)
    ok = eligible(corpus, w.min_words, w.max_words)
    if not ok.any():
        ok = corpus.length > 0
    cen = np.clip(centroid(corpus, vectors), 0, None)
    pos = 1.0 / (1.0 + corpus.position) ** w.position_decay
    prescore = np.where(ok, cen / (cen.max() or 1.0) + w.position * pos, NEVER)
    k = min(w.candidates, int(ok.sum()))
    rows = np.argsort(-prescore, kind="stable")[:k]

    corroboration = np.zeros(k)
    if corpus.n_docs > 1:
        best = best_match_per_doc(corpus, vectors, rows)
        best[np.arange(k), corpus.doc[rows]] = 0.0
        best[best < w.support_floor] = 0.0
        corroboration = best.sum(axis=1) / (corpus.n_docs - 1)
    c = cen[rows] / (cen[rows].max() or 1.0)
    r = corroboration / (corroboration.max() or 1.0)
    scores[rows] = w.centroid * c + w.corroboration * r + w.position * pos[rows]
    fragments = np.fromiter((unbalanced_quotes(corpus.sentences[i].text) for i in rows), bool, k)
    scores[rows[fragments]] -= w.fragment_penalty
    return scores


def lexrank(corpus: Corpus, threshold: float = 0.1, seed: int = 0) -> np.ndarray:
    """Erkan & Radev's LexRank: stationary distribution of the thresholded cosine graph.

    Self-loops are dropped and sentences with no neighbour spread their mass evenly, so an
    isolated sentence cannot look as central as one that many others echo.
    """
    sims = (corpus.matrix @ corpus.matrix.T).tocsr()
    sims.setdiag(0.0)
    sims.data = (sims.data >= threshold).astype(np.float64)
    sims.eliminate_zeros()
    degree = np.asarray(sims.sum(axis=1)).ravel()
    dangling = degree == 0
    transition = sims.multiply(1.0 / np.where(dangling, 1.0, degree)[:, None]).tocsr().T.tocsr()
    n = len(corpus)
    damping = 0.85
    scores = np.full(n, 1.0 / n)
    for _ in range(200):
        spread = damping * scores[dangling].sum() / n
        new = (1 - damping) / n + spread + damping * (transition @ scores)
        if np.abs(new - scores).sum() < 1e-9:
            scores = new
            break
        scores = new
    return np.where(eligible(corpus), scores, NEVER)


def lead(corpus: Corpus, seed: int = 0) -> np.ndarray:
    """Round-robin lead: every article's first sentence, then every second one, and so on."""
    order = np.lexsort((corpus.doc, corpus.position))
    scores = np.empty(len(corpus))
    scores[order] = -np.arange(len(corpus), dtype=float)
    return np.where(corpus.length >= 4, scores, NEVER)


def random(corpus: Corpus, seed: int = 0) -> np.ndarray:
    """Seeded random order: the floor every ranker must beat."""
    return np.random.default_rng(seed).random(len(corpus))
