"""TF-IDF vectors and the cosine products every stage shares.

One weighting (sublinear tf, smoothed idf over the texts given, L2-normalised rows) for ranking,
redundancy, citations and the abstractive alignment, so "similar" means the same thing in each.
Rows are sparse (CSR), so a cosine is a dot product and nothing builds a dense all-pairs matrix.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    from scipy.sparse import csr_matrix


def tfidf(documents: Sequence[Sequence[str]]) -> csr_matrix:
    """One L2-normalised TF-IDF row per list of terms (an empty list gives a zero row)."""
    from scipy.sparse import csr_matrix

    vocabulary: dict[str, int] = {}
    indptr = [0]
    indices: list[int] = []
    counts: list[float] = []
    for terms in documents:
        for term, count in Counter(terms).items():
            indices.append(vocabulary.setdefault(term, len(vocabulary)))
            counts.append(1.0 + math.log(count))
        indptr.append(len(indices))
    n = len(documents)
    matrix = csr_matrix(
        (np.asarray(counts, dtype=np.float32), np.asarray(indices, dtype=np.int32), indptr),
        shape=(n, max(1, len(vocabulary))),
    )
    df = np.bincount(matrix.indices, minlength=matrix.shape[1])
    idf = (np.log((1.0 + n) / (1.0 + df)) + 1.0).astype(np.float32)
    matrix.data *= idf[matrix.indices]
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return csr_matrix(matrix.multiply(1.0 / norms[:, None]))


def idf_weights(documents: Sequence[Sequence[str]]) -> dict[str, float]:
    """The smoothed idf `tfidf` gives each term of `documents`, by term."""
    df: Counter[str] = Counter()
    for terms in documents:
        df.update(set(terms))
    n = len(documents)
    return {term: math.log((1.0 + n) / (1.0 + count)) + 1.0 for term, count in df.items()}


def dense(matrix: Any) -> np.ndarray:
    return matrix.toarray() if hasattr(matrix, "toarray") else np.asarray(matrix)


def cosines(vectors: Any, rows: Sequence[int] | np.ndarray) -> np.ndarray:
    """Cosine of each row sentence to every sentence (rows x all), as a dense array."""
    return dense(vectors[np.asarray(rows, dtype=np.int64)] @ vectors.T)


def doc_bounds(doc: np.ndarray) -> list[tuple[int, int]]:
    """(start, end) of each article's run of sentences; articles are contiguous in a corpus."""
    if not len(doc):
        return []
    cuts = np.flatnonzero(np.diff(doc)) + 1
    starts = np.concatenate(([0], cuts))
    ends = np.concatenate((cuts, [len(doc)]))
    return [(int(s), int(e)) for s, e in zip(starts, ends, strict=True)]


def best_match_per_doc(doc: np.ndarray, n_docs: int, vectors: Any, rows: np.ndarray) -> np.ndarray:
    """For each row sentence, its highest cosine to any sentence of each article (rows x docs).

    Sparse rows-by-all product, reduced per article: linear in the input for a fixed row count.
    """
    sims = vectors[rows] @ vectors.T
    best = np.zeros((len(rows), n_docs), dtype=np.float32)
    if hasattr(sims, "tocoo"):
        coo = sims.tocoo()
        np.maximum.at(best, (coo.row, doc[coo.col]), coo.data)
    else:
        sims = np.asarray(sims)
        for start, end in doc_bounds(doc):
            best[:, doc[start]] = sims[:, start:end].max(axis=1)
    return best
