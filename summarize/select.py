"""Choose sentences under an exact word budget, without repeating what is already said.

Redundancy control is maximal marginal relevance (Carbonell & Goldstein, 1998) with a hard
similarity cap, budgeted: a sentence that does not fit is skipped, never cut, so the briefing's
word count never exceeds the budget.
"""

from __future__ import annotations

import datetime as _dt

import numpy as np

from . import tuning
from .corpus import Corpus
from .similarity import dense

_QUOTES = ('"', "“", "'", "‘", "«")


def mmr(corpus: Corpus, scores: np.ndarray, words: int) -> list[int]:
    """Indices of the chosen sentences, most salient first: MMR with a hard similarity cap."""
    settings = tuning.SELECTION
    finite = np.flatnonzero(np.isfinite(scores))
    order = finite[np.argsort(-scores[finite], kind="stable")]
    pool = order[: settings.pool]
    if not len(pool):
        return []
    rows = corpus.matrix[pool]
    sims = dense(rows @ rows.T)
    s = scores[pool]
    span = s.max() - s.min()
    relevance = (s - s.min()) / span if span > 0 else np.ones_like(s)

    chosen: list[int] = []
    left = words
    redundancy = np.zeros(len(pool))
    available = corpus.length[pool] <= left
    balance = settings.balance
    while available.any():
        gain = np.where(available, balance * relevance - (1 - balance) * redundancy, -np.inf)
        best = int(np.argmax(gain))
        chosen.append(best)
        left -= int(corpus.length[pool[best]])
        redundancy = np.maximum(redundancy, sims[best])
        available &= (corpus.length[pool] <= left) & (redundancy < settings.max_similarity)
        available[chosen] = False
    return [int(pool[i]) for i in chosen]


def fill(corpus: Corpus, scores: np.ndarray, words: int) -> list[int]:
    """The best-scored sentences in order, each added if it still fits: the baselines' way."""
    finite = np.flatnonzero(np.isfinite(scores))
    order = finite[np.argsort(-scores[finite], kind="stable")]
    chosen: list[int] = []
    left = words
    for i in order:
        if corpus.length[i] <= left:
            chosen.append(int(i))
            left -= int(corpus.length[i])
        if left < 3:
            break
    return chosen


def story_order(corpus: Corpus, chosen: list[int]) -> list[int]:
    """Lede first, then the rest as a story: article date, then position in the article.

    The lede is the most salient chosen sentence that opens an article (news leads state the
    main event) and is not a bare quotation; failing that, the most salient one.

    Undated articles sit with the latest dated one: a cluster's undated reports are most often
    about its latest event.
    """
    if not chosen:
        return []
    dates = [a.date for a in corpus.articles if a.date is not None]
    latest = max(dates) if dates else _dt.date.min

    def key(i: int) -> tuple[_dt.date, int, int]:
        article = corpus.articles[corpus.doc[i]]
        return (article.date or latest, int(corpus.doc[i]), int(corpus.position[i]))

    leads = [
        i
        for i in chosen
        if corpus.position[i] <= 1 and not corpus.sentences[i].text.startswith(_QUOTES)
    ]
    lede = leads[0] if leads else chosen[0]
    rest = [i for i in chosen if i != lede]
    return [lede, *sorted(rest, key=key)]
