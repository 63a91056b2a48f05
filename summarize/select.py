"""Choose sentences under an exact word budget, without repeating what is already said.

Redundancy control is maximal marginal relevance (Carbonell & Goldstein, 1998) with a hard
similarity cap, budgeted: a sentence that does not fit is skipped, never cut, so the briefing's
word count never exceeds the budget. Given `Needs` (summarize.readable), MMR chooses runs: a
sentence comes with the sentences it cannot be read without, or not at all.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence

import numpy as np

from . import tuning
from .corpus import Corpus
from .readable import Needs, definite_reference, groups, opener, refers_back, standalone
from .similarity import dense

_QUOTES = ('"', "“", "'", "‘", "«", "”")


def runs(corpus: Corpus, candidates: Sequence[int], needs: Needs | None) -> dict[int, tuple]:
    """Each candidate's run (the sentences it must be chosen with); unfit candidates left out."""
    found: dict[int, tuple[int, ...]] = {}
    for j in candidates:
        run = needs.run(int(j), corpus.doc) if needs is not None else (int(j),)
        if run is not None:
            found[int(j)] = run
    return found


def mmr(corpus: Corpus, scores: np.ndarray, words: int, needs: Needs | None = None) -> list[int]:
    """Indices of the chosen sentences, most salient first: MMR over runs with a hard cap."""
    settings = tuning.SELECTION
    finite = np.flatnonzero(np.isfinite(scores))
    order = finite[np.argsort(-scores[finite], kind="stable")][: settings.pool]
    units = runs(corpus, order, needs) or runs(corpus, order, None)
    if not units:
        return []
    candidates = np.asarray(list(units), dtype=np.int64)
    members = np.asarray(sorted({i for run in units.values() for i in run}), dtype=np.int64)
    at = {int(i): k for k, i in enumerate(members)}
    rows = corpus.matrix[members]
    sims = dense(rows @ rows.T)
    s = scores[candidates]
    span = s.max() - s.min()
    relevance = (s - s.min()) / span if span > 0 else np.ones_like(s)
    member_runs = [np.asarray([at[i] for i in units[int(j)]]) for j in candidates]
    lengths = corpus.length[members]

    chosen = np.zeros(len(members), dtype=bool)
    picked: list[int] = []
    left = words
    redundancy = np.zeros(len(members))
    balance = settings.balance
    open_ = np.ones(len(candidates), dtype=bool)
    while open_.any():
        best, best_gain, best_new = -1, -np.inf, None
        for c in np.flatnonzero(open_):
            new = member_runs[c][~chosen[member_runs[c]]]
            cost = int(lengths[new].sum())
            if not len(new) or cost > left:
                open_[c] = False
                continue
            worst = float(redundancy[new].max())
            if worst >= settings.max_similarity:
                open_[c] = False
                continue
            gain = balance * relevance[c] - (1 - balance) * worst
            if gain > best_gain:
                best, best_gain, best_new = c, gain, new
        if best < 0 or best_new is None:
            break
        open_[best] = False
        chosen[best_new] = True
        left -= int(lengths[best_new].sum())
        redundancy = np.maximum(redundancy, sims[best_new].max(axis=0))
        lead = int(candidates[best])
        picked += [lead] + [int(members[k]) for k in best_new if int(members[k]) != lead]
    return picked


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


def can_lead(text: str, *, opening: bool = False) -> bool:
    """Could this sentence open a briefing? A news lead states the main event: a declarative
    sentence ending in a full stop, not a quotation, and nothing in it points back ("He",
    "However", "The attack" that an earlier sentence introduced, "also", "these strategies").

    An article's own first sentence (`opening`) has no earlier sentence to point back to, so
    its "The country's president" is how its reporter chose to open, not a dangling reference.
    """
    text = text.strip()
    return (
        (text[:1].isupper() or text[:1].isdigit())
        and "|" not in text
        and not text.startswith(_QUOTES)
        and text.endswith(".")
        and opener(text) is None
        and (opening or not definite_reference(text))
        and not refers_back(text)
    )


def _lede_rank(corpus: Corpus, group: tuple[int, ...], salience: int) -> tuple[int, int, int]:
    """Lower is a better lede: one that `can_lead`, then an article's opening sentence
    (position 0 or 1: news leads state the main event), then the more salient."""
    first = group[0]
    fit = can_lead(standalone(corpus.sentences[first].text), opening=corpus.position[first] == 0)
    early = int(corpus.position[first]) <= 1
    return (0 if fit else 1, 0 if early else 1, salience)


def story_order(
    corpus: Corpus, chosen: Sequence[int], needs: Needs | None = None
) -> list[tuple[int, ...]]:
    """The chosen sentences as points: the lede first, then the rest as a story.

    Sentences that need the one before them join it in one point (`readable.groups`). The lede
    is the best-ranked point by `_lede_rank`; the rest follow by article date, then position in
    the article. Undated articles sit with the latest dated one: a cluster's undated reports
    are most often about its latest event.
    """
    if not chosen:
        return []
    if needs is None:
        points = [(int(i),) for i in sorted(set(chosen))]
    else:
        points = groups(corpus, needs, chosen)
    salience = {int(i): n for n, i in enumerate(chosen)}
    dates = [a.date for a in corpus.articles if a.date is not None]
    latest = max(dates) if dates else _dt.date.min

    def key(group: tuple[int, ...]) -> tuple[_dt.date, int, int]:
        i = group[0]
        article = corpus.articles[corpus.doc[i]]
        return (article.date or latest, int(corpus.doc[i]), int(corpus.position[i]))

    def rank(group: tuple[int, ...]) -> tuple[int, int, int]:
        return _lede_rank(corpus, group, min(salience[i] for i in group))

    lede = min(points, key=rank)
    rest = [g for g in points if g != lede]
    return [lede, *sorted(rest, key=key)]
