"""Every system the ROUGE benchmark compares: our rankers, sumy's, and the extractive oracle.

Each system maps (cluster, word budget, seed) to text, one sentence per line. Outputs are cut to
the budget by the caller, so a system that overshoots (sumy counts sentences, not words) gains
nothing from it.
"""

from __future__ import annotations

import fnmatch
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from summarize.sentences import split_sentences

from .data import Cluster
from .rouge import count_words


@dataclass(frozen=True)
class Output:
    text: str
    """One sentence per line, as ROUGE-Lsum reads it."""
    unsupported: float | None = None
    """Share of output sentences stating a name/number/date the sources lack (abstractive)."""
    replaced: int | None = None
    """Rewritten sentences the guard had to repair or replace (abstractive)."""
    shown: tuple[str, ...] = ()
    """What a reader sees, one item each, where it differs from `text`'s lines: a briefing's
    points, a quotation with its speaker or "He said ..." with the sentence it leans on.
    Readability reads these; read one sentence a line, the second sentence of every such
    point would count as dangling."""


@dataclass(frozen=True)
class System:
    name: str
    family: str
    description: str
    run: Callable[[Cluster, int, int], Output] = field(repr=False, compare=False)


# --- ours -------------------------------------------------------------------------------------


def _ours(method: str) -> Callable[[Cluster, int, int], Output]:
    def run(cluster: Cluster, words: int, seed: int) -> Output:
        from summarize.api import summarize
        from summarize.render import to_text

        briefing = summarize(list(cluster.articles), words=words, method=method, seed=seed)
        return Output(to_text(briefing), shown=tuple(p.text for p in briefing.points))

    return run


def _unsupported_rate(sentences: Sequence[str], sources: str) -> float | None:
    """Share of sentences with at least one fact `summarize.guard` cannot find in the sources."""
    try:
        from summarize.guard import unsupported
    except ImportError:
        return None
    if not sentences:
        return 0.0
    try:
        return sum(1 for s in sentences if unsupported(s, sources)) / len(sentences)
    except TypeError:  # the guard's signature changed: report n/a rather than fail the run
        return None


def _abstractive(cluster: Cluster, words: int, seed: int) -> Output:
    from summarize.api import summarize
    from summarize.errors import ModelUnavailable
    from summarize.render import to_text

    try:
        briefing = summarize(list(cluster.articles), words=words, mode="abstractive", seed=seed)
    except ImportError as exc:  # summarize.rewrite / models not installed
        raise ModelUnavailable(f"abstractive mode unavailable: {exc}") from exc
    rate = _unsupported_rate([p.text for p in briefing.points], cluster.source_text)
    return Output(
        to_text(briefing), rate, briefing.replaced, tuple(p.text for p in briefing.points)
    )


# --- sumy -------------------------------------------------------------------------------------


class _PunktSentences:
    """sumy's sentence-splitter protocol over our Punkt (sumy's own needs nltk.download)."""

    @staticmethod
    def tokenize(text: str) -> list[str]:
        return split_sentences(text)


class _TreebankWords:
    """nltk.word_tokenize minus its internal sent_tokenize (which needs punkt_tab data)."""

    @staticmethod
    def tokenize(text: str) -> list[str]:
        from nltk.tokenize import word_tokenize

        return word_tokenize(text, preserve_line=True)


@cache
def sumy_tokenizer() -> Any:
    """A `sumy.nlp.tokenizers.Tokenizer("english")` whose splitters use our Punkt parameters."""
    from sumy.nlp.tokenizers import Tokenizer

    class PunktTokenizer(Tokenizer):
        def _get_sentence_tokenizer(self, language: str) -> Any:
            return _PunktSentences()

        def _get_word_tokenizer(self, language: str) -> Any:
            return _TreebankWords()

    return PunktTokenizer("english")


SUMY = {
    "sumy-lexrank": ("lex_rank", "LexRankSummarizer", "LexRank (sumy 0.13)"),
    "sumy-textrank": ("text_rank", "TextRankSummarizer", "TextRank (sumy)"),
    "sumy-lsa": ("lsa", "LsaSummarizer", "LSA, Steinberger & Jezek (sumy)"),
    "sumy-luhn": ("luhn", "LuhnSummarizer", "Luhn 1958 (sumy)"),
    "sumy-sumbasic": ("sum_basic", "SumBasicSummarizer", "SumBasic (sumy)"),
}


@cache
def _sumy_summarizer(name: str) -> Any:
    import importlib

    from sumy.nlp.stemmers import Stemmer
    from sumy.utils import get_stop_words

    module, cls, _ = SUMY[name]
    summarizer = getattr(importlib.import_module(f"sumy.summarizers.{module}"), cls)(
        Stemmer("english")
    )
    summarizer.stop_words = get_stop_words("english")
    return summarizer


def budget_count(words: int) -> Callable[[list[Any]], list[Any]]:
    """A sumy `sentences_count` callable: best-rated sentences until the budget is filled.

    sumy accepts a callable count and hands it the sentences sorted best first, so this asks for
    exactly enough sentences in one pass; the caller then cuts the text to the budget.
    """

    def take(infos: list[Any]) -> list[Any]:
        taken, total = [], 0
        for info in infos:
            if total >= words:
                break
            taken.append(info)
            total += count_words(str(info.sentence))
        return taken

    return take


def _sumy(name: str) -> Callable[[Cluster, int, int], Output]:
    def run(cluster: Cluster, words: int, seed: int) -> Output:
        from sumy.parsers.plaintext import PlaintextParser

        parser = PlaintextParser.from_string(cluster.source_text, sumy_tokenizer())
        sentences = _sumy_summarizer(name)(parser.document, budget_count(words))
        return Output("\n".join(str(s) for s in sentences))

    return run


# --- oracle -----------------------------------------------------------------------------------


@cache
def _rouge_tokenizer() -> Any:
    from rouge_score.tokenizers import DefaultTokenizer

    return DefaultTokenizer(use_stemmer=True)


def _ngrams(tokens: list[str], n: int) -> Counter[tuple[str, ...]]:
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def _f1(overlap: int, candidate: int, reference: int) -> float:
    if not overlap:
        return 0.0
    p, r = overlap / candidate, overlap / reference
    return 2 * p * r / (p + r)


def greedy_oracle(sentences: Sequence[str], references: Sequence[str], words: int) -> list[int]:
    """Indices of source sentences chosen greedily to maximise mean (R1 F1 + R2 F1), in budget.

    Adds the sentence with the largest gain that still fits, stops when nothing improves.
    The objective ignores bigrams that span two sentences (a negligible approximation), and
    tokenises and stems exactly as rouge-score does.
    """
    tokenize = _rouge_tokenizer().tokenize
    grams = [(_ngrams(t, 1), _ngrams(t, 2)) for t in map(tokenize, sentences)]
    refs = [(_ngrams(t, 1), _ngrams(t, 2)) for t in map(tokenize, references)]
    ref_sizes = [(max(1, sum(u.values())), max(1, sum(b.values()))) for u, b in refs]
    lengths = [count_words(s) for s in sentences]

    current = [Counter(), Counter()]
    sizes = [0, 0]
    overlaps = [[0, 0] for _ in refs]
    chosen: list[int] = []
    best_score, left = 0.0, words
    while True:
        best, best_gain, best_overlaps = -1, best_score, overlaps
        for i, (uni, bi) in enumerate(grams):
            if i in chosen or lengths[i] > left or not uni:
                continue
            new_overlaps = []
            for (ref_uni, ref_bi), (o1, o2) in zip(refs, overlaps, strict=True):
                d1 = sum(
                    min(current[0][g] + c, ref_uni[g]) - min(current[0][g], ref_uni[g])
                    for g, c in uni.items()
                    if g in ref_uni
                )
                d2 = sum(
                    min(current[1][g] + c, ref_bi[g]) - min(current[1][g], ref_bi[g])
                    for g, c in bi.items()
                    if g in ref_bi
                )
                new_overlaps.append([o1 + d1, o2 + d2])
            n1, n2 = sizes[0] + sum(uni.values()), sizes[1] + sum(bi.values())
            score = sum(
                _f1(o1, n1, r1) + _f1(o2, max(1, n2), r2)
                for (o1, o2), (r1, r2) in zip(new_overlaps, ref_sizes, strict=True)
            )
            score /= len(refs)
            if score > best_gain + 1e-12:
                best, best_gain, best_overlaps = i, score, new_overlaps
        if best < 0:
            return chosen
        chosen.append(best)
        current[0].update(grams[best][0])
        current[1].update(grams[best][1])
        sizes = [sizes[0] + sum(grams[best][0].values()), sizes[1] + sum(grams[best][1].values())]
        overlaps, best_score = best_overlaps, best_gain
        left -= lengths[best]


def _oracle(cluster: Cluster, words: int, seed: int) -> Output:
    sentences = [s for a in cluster.articles for s in split_sentences(a.text)]
    chosen = sorted(greedy_oracle(sentences, cluster.references, words))
    return Output("\n".join(sentences[i] for i in chosen))


# --- the catalogue ----------------------------------------------------------------------------


def catalogue(abstractive: bool = False) -> list[System]:
    """Every system, in report order: ours, the registry's baselines, sumy, the oracle."""
    from summarize.registry import AVAILABLE_METHODS

    families = {"coverage": "ours", "consensus": "ours", "consensus-minilm": "ours"}
    systems = [
        System(name, families.get(name, "baseline"), method.summary, _ours(name))
        for name, method in AVAILABLE_METHODS.items()
    ]
    if abstractive:
        systems.insert(
            1,
            System(
                "abstractive",
                "ours",
                "the default extract rewritten by a local model (--mode abstractive)",
                _abstractive,
            ),
        )
    systems += [
        System(name, "sumy", f"{label}, our Punkt splitter", _sumy(name))
        for name, (_, _, label) in SUMY.items()
    ]
    systems.append(
        System(
            "oracle",
            "oracle",
            "greedy extractive oracle: max R1+R2 F1 vs the references (ceiling)",
            _oracle,
        )
    )
    return systems


def choose(patterns: Sequence[str] | None, abstractive: bool = False) -> list[System]:
    """Systems whose name matches any pattern (fnmatch, e.g. `sumy-*`); all when none given."""
    systems = catalogue(abstractive)
    if not patterns:
        return systems
    unknown = [p for p in patterns if not any(fnmatch.fnmatch(s.name, p) for s in systems)]
    if unknown:
        from summarize.errors import SummarizeError

        raise SummarizeError(
            f"no system matches {', '.join(unknown)}",
            f"choose from: {', '.join(s.name for s in systems)}",
        )
    return [s for s in systems if any(fnmatch.fnmatch(s.name, p) for p in patterns)]
