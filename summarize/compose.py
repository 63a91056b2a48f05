"""Assemble the chosen sentences into a cited `Briefing`.

A point cites its own article and every other article one of whose sentences states its facts
(`summarize.cite`); the briefing carries the disagreements between sources (the days of dated
events, the figures of the points) and, when asked for, the timeline.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

import numpy as np

from .cite import cite, number_disagreements
from .corpus import Corpus
from .events import date_disagreements
from .events import timeline as event_timeline
from .facts import analyse, same_name
from .schema import Article, Briefing, Disagreement, Point, Sentence, Support
from .sentences import stop_words, words
from .similarity import cosines


def citations(doc_id: int, support: Sequence[Support]) -> tuple[int, ...]:
    """The point's own article and every article whose sentence states it; identical copies
    of an article are not cited again (the sources table shows them as copies)."""
    return tuple(sorted({doc_id, *(s.sentence.doc_id for s in support)}))


def _linked(point: Point, disagreement: Disagreement) -> bool:
    """Is a disagreement about this point? One of its sides is the point's own sentence or a
    supporting one, or a sentence reporting the same thing (most words and a name shared)."""
    mine = {(point.origin.doc_id, point.origin.index)}
    mine |= {(s.sentence.doc_id, s.sentence.index) for s in point.support}
    sentences = [s for side in disagreement.sides for s in side.sentences]
    if any((s.doc_id, s.index) in mine for s in sentences):
        return True
    facts = analyse(point.text)
    words = {facts.tokens[i].key for i in facts.content}
    for sentence in sentences:
        other = analyse(sentence.text)
        shared_name = any(same_name(a.words, b.words) for a in facts.names for b in other.names)
        keys = other.keys
        if shared_name and words and sum(1 for w in words if w in keys) / len(words) >= 0.4:
            return True
    return False


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


RELATED = 0.15
"""TF-IDF cosine to a chosen sentence at which a sentence is about what the briefing says: the
disagreements are looked for among those, so a folder of 2,000 articles is not scanned whole."""


def _related(corpus: Corpus, chosen: Sequence[int]) -> list[Sentence]:
    if not chosen:
        return []
    near = (cosines(corpus.matrix, list(chosen)) >= RELATED).any(axis=0)
    return [corpus.sentences[i] for i in np.flatnonzero(near)]


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
    timeline: bool = False,
) -> Briefing:
    cited = cite(corpus, list(chosen), vectors)
    points = []
    for i, found in zip(chosen, cited, strict=True):
        sentence = corpus.sentences[i]
        points.append(
            Point(
                text=sentence.text,
                origin=sentence,
                score=round(float(scores[i]), 4),
                support=found.support,
                citations=citations(sentence.doc_id, found.support),
            )
        )
    disagreements = tuple(
        date_disagreements(corpus.articles, _related(corpus, chosen))
        + number_disagreements([(p.origin, c) for p, c in zip(points, cited, strict=True)])
    )
    points = [
        replace(p, disputes=tuple(n for n, d in enumerate(disagreements) if _linked(p, d)))
        for p in points
    ]
    return Briefing(
        title=headline(corpus.articles),
        points=tuple(points),
        sources=tuple(sources),
        included=tuple(included),
        method=method,
        words=words,
        notices=tuple(notices),
        disagreements=disagreements,
        timeline=tuple(event_timeline(corpus.articles, corpus.sentences)) if timeline else None,
    )
