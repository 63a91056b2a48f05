"""The Python API: `summarize(sources, words=..., method=...) -> Briefing`.

One function runs the whole pipeline, ingest -> rank -> select -> (rewrite) -> compose, so the
CLI, the TUI and the benchmarks get identical briefings for identical inputs.
"""

from __future__ import annotations

import os
import re
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from typing import Any

import numpy as np

from . import corpus as corpus_module
from . import registry
from .compose import compose
from .errors import InputError, NoSourcesOn
from .ingest import DEFAULT_MAX_MB, Ingested, deduplicate, load
from .schema import Article, Briefing, Check, Point
from .select import story_order

DEFAULT_WORDS = 150
MODES = ("extractive", "abstractive")


def resolve_toggle(
    articles: Sequence[Article],
    exclude: Iterable[str | int] = (),
    only: Iterable[str | int] = (),
) -> list[int]:
    """Ids of the articles left on, given numbers or labels to exclude or to keep only.

    A label names one source (a label that looks like a number, "004", wins over the number);
    an outlet name (`source`) names all of its articles. A name that
    two files share (two `x.txt` in different folders become "x" and "x (2)") is ambiguous, and
    the error says which numbers to use instead.
    """
    known = ", ".join(f"{a.id}={a.label}" for a in articles)

    def ids(keys: Iterable[str | int], option: str) -> set[int]:
        found = set()
        for key in keys:
            text = str(key).strip()
            if not text:
                continue
            lowered = text.lower()
            exact = [a.id for a in articles if a.label.lower() == lowered]
            if text.isdigit() and not exact:  # "004" is the file 004.txt, "4" is source [4]
                matches = [a.id for a in articles if a.id == int(text)]
            else:
                matches = [
                    a.id
                    for a in articles
                    if lowered in {a.label.lower(), (a.source or "").lower()}
                    or _base_label(a.label) == lowered
                ]
            if not matches:
                raise InputError(f"no source {text!r}", f"use a number or label: {known}")
            by_label = [
                a for a in articles if a.id in matches and (a.source or "").lower() != lowered
            ]
            if len(by_label) > 1:
                numbers = ",".join(str(a.id) for a in by_label)
                listed = ", ".join(f"{a.id}={a.label}" for a in by_label)
                raise InputError(
                    f"{text!r} names {len(by_label)} sources ({listed})",
                    f"use their numbers, e.g. {option} {numbers}",
                )
            found.update(matches)
        return found

    only_ids, exclude_ids = ids(only, "--only"), ids(exclude, "--exclude")
    included = [
        a.id for a in articles if (not only_ids or a.id in only_ids) and a.id not in exclude_ids
    ]
    if not included:
        raise NoSourcesOn("every source is toggled off", "turn at least one source on")
    return included


def _base_label(label: str) -> str:
    """ "x (2)" -> "x": the name a file had before ingest made labels unique."""
    return re.sub(r" \(\d+\)$", "", label).lower()


def _articles(sources: Any, max_mb: float) -> tuple[tuple[Article, ...], tuple[str, ...]]:
    if isinstance(sources, Ingested):
        return sources.articles, sources.notices
    if isinstance(sources, (str, os.PathLike)):
        sources = [sources]
    items = list(sources)
    if items and all(isinstance(item, Article) for item in items):
        return tuple(items), ()
    if any(isinstance(item, Article) for item in items):
        raise InputError("mixed Article objects and paths", "pass one kind or the other")
    ingested = load(items, max_mb=max_mb)
    return ingested.articles, ingested.notices


def _shortest_choice(corpus: corpus_module.Corpus, scores: np.ndarray, needs: Any) -> int:
    """Fewest words a choice can take: a sentence that reads alone, or the whole run it needs
    (`summarize.readable`); any sentence when none reads alone (the selectors fall back too)."""
    finite = np.flatnonzero(np.isfinite(scores))
    if not len(finite):
        return int(corpus.length.min())
    if needs is not None:
        runs = [needs.run(int(i), corpus.doc) for i in finite]
        totals = [int(corpus.length[list(run)].sum()) for run in runs if run is not None]
        if totals:
            return min(totals)
    return int(corpus.length[finite].min())


def summarize(
    sources: Any,
    *,
    words: int = DEFAULT_WORDS,
    method: str = registry.DEFAULT_METHOD,
    exclude: Iterable[str | int] = (),
    only: Iterable[str | int] = (),
    mode: str = "extractive",
    model: str | None = None,
    seed: int = 0,
    max_mb: float = DEFAULT_MAX_MB,
    on_token: Callable[[str], None] | None = None,
    cancel: threading.Event | None = None,
    progress: Callable[[str], None] | None = None,
    timeline: bool = False,
) -> Briefing:
    """Summarise articles (paths, folders, "-", `Article`s or an `Ingested`) into a briefing.

    `on_token` receives abstractive text as it is generated, `cancel` stops a rewrite (the
    extractive briefing is returned), `progress` receives model-loading messages; `timeline`
    adds the dated events of the sources.
    Raises `SummarizeError` (with a `fix`) for anything the caller can correct.
    """
    timings: dict[str, float] = {}
    start = time.perf_counter()
    if not isinstance(words, int) or isinstance(words, bool) or words < 1:
        raise InputError(
            f"word budget must be a positive whole number, not {words!r}", "pass e.g. --words 150"
        )
    if mode not in MODES:
        raise InputError(f"unknown mode {mode!r}", f"choose one of: {', '.join(MODES)}")
    ranker = registry.get(method)(seed=seed)
    sources_all, notices_in = _articles(sources, max_mb)
    notices = list(notices_in)
    timings["ingest"] = time.perf_counter() - start

    included = resolve_toggle(sources_all, exclude, only)
    articles = deduplicate(a for a in sources_all if a.id in included)
    merged = {a.id: a for a in articles}
    sources_all = tuple(merged.get(a.id, a) for a in sources_all)  # copies listed on the first
    for article in articles:
        if article.duplicates:
            others = ", ".join(f"[{d}]" for d in article.duplicates)
            notices.append(f"[{article.id}] and {others} are identical: read once, cited together")
    if len(articles) == 1:
        notices.append("only one article: the briefing summarises it alone (no cross-checking)")

    mark = time.perf_counter()
    corpus = corpus_module.build(articles)
    if not len(corpus):
        raise InputError("the articles hold no sentences", "give files with news prose in them")
    vectors: Any = corpus.matrix
    if ranker.embedding:
        from .embed import encode

        vectors = encode([s.text for s in corpus.sentences])
    timings["sentences"] = time.perf_counter() - mark

    mark = time.perf_counter()
    scores = ranker.scores(corpus, vectors)
    timings["rank"] = time.perf_counter() - mark

    mark = time.perf_counter()
    # Redundancy and citations stay lexical (TF-IDF) whatever space ranked the sentences: "says
    # the same thing" must mean shared content words, not the same topic.
    chosen = ranker.choose(corpus, scores, words)
    if not chosen:
        shortest = _shortest_choice(corpus, scores, ranker.needs(corpus))
        raise InputError(
            f"no sentence fits in {words} words (the shortest one {method} would choose has "
            f"{shortest})",
            f"raise --words to at least {shortest}",
        )
    chosen = story_order(corpus, chosen, ranker.needs(corpus))
    timings["select"] = time.perf_counter() - mark

    mark = time.perf_counter()
    briefing = compose(
        corpus,
        chosen,
        scores,
        vectors=corpus.matrix,
        sources=sources_all,
        included=included,
        method=method,
        words=words,
        notices=notices,
        timeline=timeline,
        standalone=ranker.readable,
    )
    timings["compose"] = time.perf_counter() - mark

    if mode == "abstractive":
        mark = time.perf_counter()
        from .rewrite import rewrite

        result = rewrite(
            briefing.points,
            articles,
            words=words,
            model=model,
            on_token=on_token,
            cancel=cancel,
            progress=progress,
            spare=_spare(corpus, ranker, scores, chosen, words, articles),
        )
        briefing = replace(
            briefing,
            points=result.points,
            mode="abstractive",
            replaced=result.replaced,
            rewrite=result.counts,
            notices=(*briefing.notices, *result.notices),
        )
        timings["rewrite"] = time.perf_counter() - mark
    timings["total"] = time.perf_counter() - start
    return replace(briefing, timings=timings)


SPARE_RATIO = 1.5
"""Abstractive mode picks points for this multiple of the budget: what compression frees is
spent on the next-best of them (summarize.rewrite)."""


def _spare(
    corpus: Any,
    ranker: Any,
    scores: Any,
    chosen: Sequence[tuple[int, ...]],
    words: int,
    articles: Sequence[Article],
) -> tuple[Point, ...]:
    """Points a wider budget would add, cited as extractive points are, best first."""
    taken = {i for group in chosen for i in group}
    picked = ranker.choose(corpus, scores, round(words * SPARE_RATIO))
    wide = story_order(corpus, picked, ranker.needs(corpus))
    wider = sorted(
        (g for g in wide if not taken & set(g)), key=lambda g: -float(max(scores[i] for i in g))
    )
    if not wider:
        return ()
    extra = compose(
        corpus,
        wider,
        scores,
        vectors=corpus.matrix,
        sources=articles,
        included=[a.id for a in articles],
        method="spare",
        words=words,
        standalone=ranker.readable,
    )
    return extra.points


def check(
    summary: str,
    sources: Any,
    *,
    exclude: Iterable[str | int] = (),
    only: Iterable[str | int] = (),
    max_mb: float = DEFAULT_MAX_MB,
) -> Check:
    """Check every sentence of `summary` (any text: our briefing, another tool's, a model's, a
    person's) against the sources, fact by fact. One verdict per sentence, in order.

    `sources` is what `summarize()` takes (paths, folders, "-", `Article`s, an `Ingested`);
    `exclude`/`only` toggle sources as for a briefing.
    """
    from .checker import Checker
    from .claims import claims

    articles, _ = _articles(sources, max_mb)
    included = resolve_toggle(articles, exclude, only)
    checker = Checker([a for a in articles if a.id in included])
    sentences = claims(summary)
    if not sentences:
        raise InputError("the summary holds no sentences to check", "give it some prose")
    return Check(tuple(checker.verify(s) for s in sentences), articles, tuple(included))
