"""Sentences of the included articles and their TF-IDF vectors: what every ranker reads.

Vectors are sparse (CSR) and L2-normalised, so a cosine is a dot product and cost stays linear in
the input: nothing here builds a dense sentence-by-sentence matrix.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from .schema import Article, Sentence
from .sentences import count_words, split_sentences, terms
from .similarity import idf_weights, tfidf

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
    idf: dict[str, float]
    """The idf of each index term (`sentences.terms`): how much a shared word says."""

    def __len__(self) -> int:
        return len(self.sentences)

    @property
    def n_docs(self) -> int:
        return len(self.articles)


def build(articles: Sequence[Article]) -> Corpus:
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

    term_lists = [terms(s.text) for s in sentences]
    matrix = tfidf(term_lists)
    return Corpus(
        articles=tuple(articles),
        sentences=tuple(sentences),
        doc=np.asarray(doc, dtype=np.int32),
        position=np.asarray(position, dtype=np.int32),
        doc_sentences=np.asarray(doc_sentences, dtype=np.int32),
        length=np.asarray([count_words(s.text) for s in sentences], dtype=np.int32),
        matrix=matrix,
        idf=idf_weights(term_lists),
    )
