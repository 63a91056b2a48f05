"""ROUGE as every summarisation paper reports it, plus the budget cut and the bootstrap.

A thin wrapper over Google's `rouge-score` (the reimplementation of ROUGE-1.5.5 with `-m`
stemming), so numbers are comparable with published ones. ROUGE-Lsum needs one sentence per line;
both candidates and references are re-split with the product's own Punkt tokenizer so that no
system gains or loses from how its output happens to be laid out.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from summarize.sentences import split_sentences

ROUGE_TYPES = ("rouge1", "rouge2", "rougeL", "rougeLsum")
MEASURES = ("precision", "recall", "fmeasure")
AGGREGATIONS = ("avg", "max")
"""Several references: `avg` = mean over references; `max` = the reference with the best F1
(per ROUGE type, as `RougeScorer.score_multi` does)."""
F = MEASURES.index("fmeasure")
R = MEASURES.index("recall")


def count_words(text: str) -> int:
    """Whitespace words: the same count the briefing's word budget uses."""
    return len(text.split())


def truncate_words(text: str, budget: int) -> str:
    """The first `budget` whitespace words of `text`, keeping its line breaks.

    Every system is cut to the same budget before scoring, since ROUGE recall rewards length.
    """
    if budget < 0:
        raise ValueError("budget must be >= 0")
    kept: list[str] = []
    left = budget
    for line in text.splitlines():
        words = line.split()
        if not words:
            continue
        if left <= 0:
            break
        kept.append(" ".join(words[:left]))
        left -= min(left, len(words))
    return "\n".join(kept)


def sentence_lines(text: str) -> str:
    """One sentence per line (Punkt), the layout ROUGE-Lsum expects."""
    return "\n".join(split_sentences(text))


class Rouge:
    """ROUGE-1/2/L/Lsum precision, recall and F1 of a candidate against each reference."""

    def __init__(self, stemming: bool = True) -> None:
        from rouge_score import rouge_scorer

        self.stemming = stemming
        self._scorer = rouge_scorer.RougeScorer(list(ROUGE_TYPES), use_stemmer=stemming)
        self._references: dict[str, str] = {}

    def _lines(self, text: str) -> str:
        cached = self._references.get(text)
        if cached is None:
            cached = self._references[text] = sentence_lines(text)
        return cached

    def score(self, candidate: str, references: Sequence[str]) -> np.ndarray:
        """Scores shaped (references, ROUGE_TYPES, MEASURES)."""
        if not references:
            raise ValueError("at least one reference is needed")
        lines = sentence_lines(candidate)
        out = np.zeros((len(references), len(ROUGE_TYPES), len(MEASURES)))
        for i, reference in enumerate(references):
            scores = self._scorer.score(self._lines(reference), lines)
            for j, kind in enumerate(ROUGE_TYPES):
                s = scores[kind]
                out[i, j] = (s.precision, s.recall, s.fmeasure)
        return out


def aggregate(per_reference: np.ndarray, how: str) -> np.ndarray:
    """Collapse (references, types, measures) to (types, measures): `avg` or best-F1 `max`."""
    if how == "avg":
        return per_reference.mean(axis=0)
    if how == "max":
        best = per_reference[:, :, F].argmax(axis=0)
        return per_reference[best, np.arange(per_reference.shape[1])]
    raise ValueError(f"unknown aggregation {how!r}")


def bootstrap_indices(n: int, samples: int = 1000, seed: int = 0) -> np.ndarray:
    """Resampling plan (samples, n); one plan shared by every system makes CIs comparable."""
    return np.random.default_rng(seed).integers(0, n, size=(samples, n))


def percentile_ci(statistics: np.ndarray, level: float = 0.95) -> tuple[float, float]:
    tail = (1.0 - level) / 2 * 100
    low, high = np.percentile(statistics, [tail, 100 - tail])
    return float(low), float(high)


def bootstrap_ci(
    values: Sequence[float] | np.ndarray, samples: int = 1000, seed: int = 0, level: float = 0.95
) -> tuple[float, float]:
    """Percentile bootstrap CI of the mean of `values` (e.g. one score per cluster)."""
    data = np.asarray(values, dtype=float)
    if data.size == 0:
        return (float("nan"), float("nan"))
    means = data[bootstrap_indices(data.size, samples, seed)].mean(axis=1)
    return percentile_ci(means, level)


def reference_bootstrap_ci(
    per_reference: np.ndarray, how: str, samples: int = 1000, seed: int = 0, level: float = 0.95
) -> np.ndarray:
    """CI for a single cluster: resample its references. Returns (types, measures, 2).

    With one cluster there are no clusters to resample; this measures how much the score
    depends on which human wrote the reference, nothing more.
    """
    plan = bootstrap_indices(per_reference.shape[0], samples, seed)
    stats = np.stack([aggregate(per_reference[rows], how) for rows in plan])
    tail = (1.0 - level) / 2 * 100
    return np.moveaxis(np.percentile(stats, [tail, 100 - tail], axis=0), 0, -1)
