"""Assemble the chosen sentences into a cited `Briefing`.

A point cites its own article, every identical duplicate of it, and every other article whose
closest sentence says the same thing.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

import numpy as np

from . import tuning
from .corpus import Corpus
from .schema import Article, Briefing, Point, Support
from .sentences import stop_words, words
from .similarity import cosines, doc_bounds


def supports(corpus: Corpus, vectors: Any, rows: Sequence[int]) -> list[tuple[Support, ...]]:
    """For each row sentence, the best-matching sentence of every other article that reports it.

    One rows-by-all product; an article's sentences are contiguous in the corpus, so its best
    match is an argmax over a slice.
    """
    if not rows:
        return []
    threshold = tuning.CITATION.candidate_similarity
    sims = cosines(vectors, rows)
    bounds = doc_bounds(corpus.doc)
    result = []
    for r, i in enumerate(rows):
        found = []
        for start, end in bounds:
            if corpus.doc[start] == corpus.doc[i]:
                continue
            j = start + int(np.argmax(sims[r, start:end]))
            if sims[r, j] < threshold:
                continue
            found.append(Support(corpus.sentences[j], round(float(sims[r, j]), 4)))
        result.append(tuple(sorted(found, key=lambda s: -s.similarity)))
    return result


def citations(corpus: Corpus, doc_id: int, support: Sequence[Support]) -> tuple[int, ...]:
    by_id = {a.id: a for a in corpus.articles}
    cited: set[int] = set(by_id[doc_id].cited_ids)
    for s in support:
        cited.update(by_id[s.sentence.doc_id].cited_ids)
    return tuple(sorted(cited))


def headline(articles: Sequence[Article]) -> str:
    """A title from the names most sources mention (never words no source uses)."""
    titled = [a.title for a in articles if a.title]
    if len(titled) == 1 or (titled and len(articles) == 1):
        return titled[0]
    stops = stop_words()
    document_frequency: Counter[str] = Counter()
    frequency: Counter[str] = Counter()
    for article in articles:
        seen = set()
        for token in article.text.split():
            word = token.strip("“”\"'‘’.,;:!?()[]")
            for suffix in ("’s", "'s"):
                word = word.removesuffix(suffix)
            if len(word) > 2 and word[0].isupper() and not word.isupper() and word.isalpha():
                if word.lower() in stops:
                    continue
                frequency[word] += 1
                seen.add(word)
        document_frequency.update(seen)
    names = sorted(frequency, key=lambda w: (-document_frequency[w], -frequency[w], w))[:3]
    if not names:
        first = words(articles[0].text)[:6] if articles else []
        return " ".join(first).capitalize() or "Briefing"
    return " · ".join(names)


def compose(
    corpus: Corpus,
    chosen: Sequence[int],
    scores: np.ndarray,
    *,
    vectors: Any,
    sources: Sequence[Article],
    included: Sequence[int],
    method: str,
    words: int,
    notices: Sequence[str] = (),
) -> Briefing:
    support = supports(corpus, vectors, list(chosen))
    points = []
    for i, found in zip(chosen, support, strict=True):
        sentence = corpus.sentences[i]
        points.append(
            Point(
                text=sentence.text,
                origin=sentence,
                score=round(float(scores[i]), 4),
                support=found,
                citations=citations(corpus, sentence.doc_id, found),
            )
        )
    return Briefing(
        title=headline(corpus.articles),
        points=tuple(points),
        sources=tuple(sources),
        included=tuple(included),
        method=method,
        words=words,
        notices=tuple(notices),
    )
