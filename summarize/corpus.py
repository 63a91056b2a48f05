"""Sentences of the included articles and their TF-IDF vectors: what every ranker reads.

Vectors are sparse (CSR) and L2-normalised, so a cosine is a dot product and cost stays linear in
the input: nothing here builds a dense sentence-by-sentence matrix.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from .schema import Article, Sentence
from .sentences import split_sentences, terms

if TYPE_CHECKING:
    from scipy.sparse import csr_matrix


@dataclass(frozen=True, eq=False)
class Corpus:
    articles: tuple[Article, ...]
    sentences: tuple[Sentence, ...]
    doc: np.ndarray
    """Index into `articles` of each sentence's article."""
    position: np.ndarray
    """0-based position of each sentence in its article."""
    doc_sentences: np.ndarray
    """Number of sentences in each sentence's article."""
    length: np.ndarray
    """Words in each sentence."""
    matrix: csr_matrix
    """TF-IDF rows, L2-normalised (sublinear tf, smoothed sentence-level idf)."""

    def __len__(self) -> int:
        return len(self.sentences)

    @property
    def n_docs(self) -> int:
        return len(self.articles)


def build(articles: Sequence[Article]) -> Corpus:
    from scipy.sparse import csr_matrix

    sentences: list[Sentence] = []
    doc: list[int] = []
    position: list[int] = []
    doc_sentences: list[int] = []
    for d, article in enumerate(articles):
        split = split_sentences(article.text)
        for i, text in enumerate(split):
            sentences.append(Sentence(article.id, i, text))
            doc.append(d)
            position.append(i)
            doc_sentences.append(len(split))

    vocabulary: dict[str, int] = {}
    indptr = [0]
    indices: list[int] = []
    counts: list[float] = []
    for sentence in sentences:
        for term, count in Counter(terms(sentence.text)).items():
            indices.append(vocabulary.setdefault(term, len(vocabulary)))
            counts.append(1.0 + math.log(count))
        indptr.append(len(indices))
    n = len(sentences)
    matrix = csr_matrix(
        (np.asarray(counts, dtype=np.float32), np.asarray(indices, dtype=np.int32), indptr),
        shape=(n, max(1, len(vocabulary))),
    )
    df = np.bincount(matrix.indices, minlength=matrix.shape[1])
    idf = (np.log((1.0 + n) / (1.0 + df)) + 1.0).astype(np.float32)
    matrix.data *= idf[matrix.indices]
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    matrix = csr_matrix(matrix.multiply(1.0 / norms[:, None]))
    return Corpus(
        articles=tuple(articles),
        sentences=tuple(sentences),
        doc=np.asarray(doc, dtype=np.int32),
        position=np.asarray(position, dtype=np.int32),
        doc_sentences=np.asarray(doc_sentences, dtype=np.int32),
        length=np.asarray([s.words for s in sentences], dtype=np.int32),
        matrix=matrix,
    )
