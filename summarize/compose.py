"""Assemble the chosen sentences into a cited `Briefing`.

A point cites its own article and every other article one of whose sentences states its facts
(`summarize.cite`); the briefing carries the disagreements between sources (the days of dated
events, the figures of the points) and, when asked for, the timeline. A person a point names by
surname alone is written out at the first mention (`summarize.introduce`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

import numpy as np

from . import readable
from .cite import Cited, cite, number_disagreements
from .corpus import Corpus
from .events import date_disagreements
from .events import timeline as event_timeline
from .evidence import supports_amount, units_agree
from .facts import Facts, Quantity, analyse, same_name
from .headline import headline
from .introduce import introduce
from .schema import Article, Briefing, Disagreement, Point, Sentence, Side, Support
from .similarity import cosines


def citations(doc_id: int, support: Sequence[Support]) -> tuple[int, ...]:
    """The point's own article and every article whose sentence states it; identical copies
    of an article are not cited again (the sources table shows them as copies)."""
    return tuple(sorted({doc_id, *(s.sentence.doc_id for s in support)}))


def _linked(point: Point, disagreement: Disagreement) -> bool:
    """Is a disagreement about this point? The point gives a figure of a side (or a day, for a
    day), and one of its sides is the point's own sentence or a supporting one, or a sentence
    reporting the same thing (most words and a name shared)."""
    facts = analyse(point.text)
    if not _gives_a_side(facts, disagreement):
        return False  # "Four people were taken to hospital" is no side of "Injured: 27 · 23"
    mine = {(s.doc_id, s.index) for s in point.sentences}
    mine |= {(s.sentence.doc_id, s.sentence.index) for s in point.support}
    sentences = [s for side in disagreement.sides for s in side.sentences]
    if any((s.doc_id, s.index) in mine for s in sentences):
        return True
    words = {facts.tokens[i].key for i in facts.content}
    for sentence in sentences:
        other = analyse(sentence.text)
        shared_name = any(same_name(a.words, b.words) for a in facts.names for b in other.names)
        keys = other.keys
        if shared_name and words and sum(1 for w in words if w in keys) / len(words) >= 0.4:
            return True
    return False


def _gives_a_side(facts: Facts, disagreement: Disagreement) -> bool:
    """The point gives what the sources differ on: one side's figure, or a day."""
    if disagreement.kind == "date":
        return bool(facts.dates)
    sides = [q for side in disagreement.sides for q in _side_amounts(side)]
    return any(
        supports_amount(q, mine)
        and (mine.unit is None) == (q.unit is None)
        and units_agree(mine, q)
        for mine in facts.quantities
        for q in sides
    )


def _side_amounts(side: Side) -> list[Quantity]:
    """A side's figure as its sentence writes it, with what it counts ("41 votes"): the value
    alone ("41") would be any 41, even "more than a quarter" of the vote (fourth audit)."""
    found = [q for s in side.sentences for q in analyse(s.text).quantities if q.text == side.value]
    return found or list(analyse(side.value).quantities)


RELATED = 0.15
"""TF-IDF cosine to a chosen sentence at which a sentence is about what the briefing says: the
disagreements are looked for among those, so a folder of 2,000 articles is not scanned whole."""


def _related(corpus: Corpus, chosen: Sequence[int]) -> list[Sentence]:
    if not chosen:
        return []
    near = (cosines(corpus.matrix, list(chosen)) >= RELATED).any(axis=0)
    return [corpus.sentences[i] for i in np.flatnonzero(near)]


def _leads(corpus: Corpus, chosen: Sequence[tuple[int, ...]], scores: np.ndarray) -> list[str]:
    """Sentences that state the main event, best first: the briefing's lede, then the opening
    sentences of the articles by score."""
    opening = [i for i in np.flatnonzero(corpus.position <= 1) if np.isfinite(scores[i])]
    opening.sort(key=lambda i: -scores[i])
    first = [chosen[0][0]] if chosen else []
    return [corpus.sentences[i].text for i in dict.fromkeys([*first, *opening])]


def _headings(corpus: Corpus, scores: np.ndarray) -> list[str]:
    """Articles' first lines that end without a stop, best first: a title the text kept
    ("Pa. governor compares gay marriage to incest" above the story)."""
    first = [i for i in np.flatnonzero(corpus.position == 0) if np.isfinite(scores[i])]
    first.sort(key=lambda i: -scores[i])
    return [
        corpus.sentences[i].text
        for i in first
        if not corpus.sentences[i].text.rstrip().rstrip("\"'”’)»").endswith((".", "!", "?"))
    ]


def _opening_lede(corpus: Corpus, chosen: Sequence[tuple[int, ...]]) -> frozenset[str]:
    """The lede, when it is its article's first sentence: its "The country's president" opens
    the story, and was let lead for that reason (`select.can_lead`)."""
    if not chosen or corpus.position[chosen[0][0]] != 0:
        return frozenset()
    return frozenset([corpus.sentences[chosen[0][0]].text])


def _merge(found: Sequence[Cited]) -> Cited:
    """One point made of several sentences: a source supports it if it states each of them."""
    if len(found) == 1:
        return found[0]
    common = set.intersection(*({s.sentence.doc_id for s in f.support} for f in found))
    support = tuple(
        {  # one source sentence may state two of the point's sentences: listed once
            (s.sentence.doc_id, s.sentence.index): s
            for f in found
            for s in f.support
            if s.sentence.doc_id in common
        }.values()
    )
    return Cited(support, tuple(c for f in found for c in f.conflicts))


def compose(
    corpus: Corpus,
    chosen: Sequence[tuple[int, ...]],
    scores: np.ndarray,
    *,
    vectors: Any,
    sources: Sequence[Article],
    included: Sequence[int],
    method: str,
    words: int,
    notices: Sequence[str] = (),
    timeline: bool = False,
    standalone: bool = False,
) -> Briefing:
    """`chosen` holds the points in briefing order, each the corpus rows it is made of;
    `standalone` (the readable methods) drops an opening connective from each point
    (`readable.standalone`) and writes out a surname at its first mention (`introduce`)."""
    rows = [i for group in chosen for i in group]
    found = iter(cite(corpus, rows, vectors))
    cited = [_merge([next(found) for _ in group]) for group in chosen]
    points = []
    for group, got in zip(chosen, cited, strict=True):
        first, *rest = (corpus.sentences[i] for i in group)
        finite = [float(scores[i]) for i in group if np.isfinite(scores[i])]
        points.append(
            Point(
                text=" ".join(
                    [readable.standalone(first.text) if standalone else first.text]
                    + [s.text for s in rest]
                ),
                origin=first,
                score=round(max(finite), 4) if finite else 0.0,
                support=got.support,
                citations=citations(first.doc_id, got.support),
                more=tuple(rest),
            )
        )
    title = headline(
        corpus.articles,
        _leads(corpus, chosen, scores),
        _opening_lede(corpus, chosen),
        headings=_headings(corpus, scores),
        points=[p.text for p in points],
    )
    if standalone:  # the readable methods; the published baselines run as published
        introduced = introduce(
            [p.text for p in points],
            [a.text for a in corpus.articles],
            seen=title,
            room=words - sum(p.words for p in points),
        )
        points = [replace(p, text=t) for p, t in zip(points, introduced, strict=True)]
    related = _related(corpus, rows)
    disagreements = tuple(
        date_disagreements(corpus.articles, related)
        + number_disagreements(
            [((p.origin, *p.more), c) for p, c in zip(points, cited, strict=True)], related
        )
    )
    points = [
        replace(p, disputes=tuple(n for n, d in enumerate(disagreements) if _linked(p, d)))
        for p in points
    ]
    return Briefing(
        title=title,
        points=tuple(points),
        sources=tuple(sources),
        included=tuple(included),
        method=method,
        words=words,
        notices=tuple(notices),
        disagreements=disagreements,
        timeline=tuple(event_timeline(corpus.articles, corpus.sentences)) if timeline else None,
    )
