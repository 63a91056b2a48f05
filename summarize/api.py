"""The Python API: `summarize(sources, words=..., method=...) -> Briefing`.

One function runs the whole pipeline, ingest -> rank -> select -> (rewrite) -> compose, so the
CLI, the TUI and the benchmarks get identical briefings for identical inputs. How a briefing is
made (`--words/--method/--mode/--model/--seed/--timeline`) is one record, `BriefingOptions`,
which the front ends build once and hand to `summarize_with`.
"""

from __future__ import annotations

import os
import re
import threading
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, fields, replace
from typing import TYPE_CHECKING, Any

import numpy as np

from . import corpus as corpus_module
from . import registry
from .compose import compose
from .errors import InputError, NoSourcesOn
from .ingest import DEFAULT_MAX_MB, LARGE_INPUT, Ingested, deduplicate, load
from .schema import Article, Briefing, Check, Point
from .select import story_order

if TYPE_CHECKING:
    import argparse

DEFAULT_WORDS = 150
MODES = ("extractive", "abstractive")


@dataclass(frozen=True)
class BriefingOptions:
    """How a briefing is made, the same whichever front end asks: the CLI's briefing options
    (`summarize.cli.add_budget`, whose option names are these fields), the TUI's settings, and
    what every story of a batch is summarised with (recorded on each OUTPUT line, so that a
    resumed batch is refused if any of them differs).

    Which sources are on, the read limit and the callbacks are not here: they say what to read
    and how to report, not what briefing to make.
    """

    words: int = DEFAULT_WORDS
    method: str = registry.DEFAULT_METHOD
    mode: str = "extractive"
    model: str | None = None
    """Abstractive model name, HF id or folder; None is the library's default."""
    seed: int = 0
    """Seed of the `random` baseline (no other ranker draws random numbers)."""
    timeline: bool = False

    @classmethod
    def from_args(cls, args: argparse.Namespace) -> BriefingOptions:
        """The options `add_budget` parsed: its destinations are named after the fields."""
        return cls(**{f.name: getattr(args, f.name) for f in fields(cls)})

    @classmethod
    def from_dict(cls, record: Mapping[str, Any]) -> BriefingOptions:
        """The record `to_dict` wrote (an OUTPUT line's "options"); unknown keys are refused."""
        return cls(**record)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def checked(self) -> BriefingOptions:
        """The same options, or the error `summarize` gives for them: a batch checks them once
        before any story runs, rather than failing every story the same way."""
        words = self.words
        if not isinstance(words, int) or isinstance(words, bool) or words < 1:
            raise InputError(
                f"word budget must be a positive whole number, not {words!r}",
                "pass e.g. --words 150",
            )
        if self.mode not in MODES:
            raise InputError(f"unknown mode {self.mode!r}", f"choose one of: {', '.join(MODES)}")
        registry.get(self.method)
        return self


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

    only, exclude = list(only), list(exclude)
    for keys, option in ((only, "--only"), (exclude, "--exclude")):
        if keys and not any(str(key).strip() for key in keys):  # "--only ," kept every source
            raise InputError(f"{option} names no source", f"use a number or label: {known}")
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


def _articles(
    sources: Any, max_mb: float, progress: Callable[[str], None] | None = None
) -> tuple[tuple[Article, ...], tuple[str, ...]]:
    if isinstance(sources, Ingested):
        return sources.articles, sources.notices
    if isinstance(sources, (str, os.PathLike)):
        sources = [sources]
    items = list(sources)
    if items and all(isinstance(item, Article) for item in items):
        return tuple(items), ()
    if any(isinstance(item, Article) for item in items):
        raise InputError("mixed Article objects and paths", "pass one kind or the other")
    ingested = load(items, max_mb=max_mb, progress=progress)
    return ingested.articles, ingested.notices


def _articles_text(articles: Sequence[Article]) -> str:
    return f"{len(articles)} article{'s' * (len(articles) != 1)}"


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
    extractive briefing is returned), `progress` receives model-loading messages and, from
    `PROGRESS_FROM_ARTICLES` articles, each stage's; `timeline` adds the dated events of the
    sources.
    Raises `SummarizeError` (with a `fix`) for anything the caller can correct.

    The keywords are the API people type; code that already holds a `BriefingOptions` calls
    `summarize_with`, which this is a spelling of.
    """
    return summarize_with(
        sources,
        BriefingOptions(words, method, mode, model, seed, timeline),
        exclude=exclude,
        only=only,
        max_mb=max_mb,
        on_token=on_token,
        cancel=cancel,
        progress=progress,
    )


def summarize_with(
    sources: Any,
    options: BriefingOptions,
    *,
    exclude: Iterable[str | int] = (),
    only: Iterable[str | int] = (),
    max_mb: float = DEFAULT_MAX_MB,
    on_token: Callable[[str], None] | None = None,
    cancel: threading.Event | None = None,
    progress: Callable[[str], None] | None = None,
) -> Briefing:
    """`summarize` with the briefing options as one record: what the CLI, the TUI and a batch
    worker call, each holding the options it parsed or changed.

    A second function rather than an `options=` keyword on `summarize`: with both, a call
    giving `options` and `words` would need a rule for which wins; here each call says the
    options one way only. The source toggles, the read limit and the callbacks stay keywords,
    as they do in `summarize`.
    """
    words, method, mode = options.checked().words, options.method, options.mode
    timings: dict[str, float] = {}
    start = time.perf_counter()
    ranker = registry.get(method)(seed=options.seed)
    sources_all, notices_in = _articles(sources, max_mb, progress)
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

    long_work = (
        len(articles) >= PROGRESS_FROM_ARTICLES or sum(len(a.text) for a in articles) >= LARGE_INPUT
    )
    say = progress if long_work else None
    if say:
        say(f"splitting {_articles_text(articles)} into sentences …")
    mark = time.perf_counter()
    corpus = corpus_module.build(articles)
    if not len(corpus):
        raise InputError("the articles hold no sentences", "give files with news prose in them")
    vectors: Any = corpus.matrix
    if ranker.embedding:
        from .embed import encode

        vectors = encode([s.text for s in corpus.sentences])
    timings["sentences"] = time.perf_counter() - mark

    if say:
        say(f"ranking {len(corpus):,} sentences and choosing with {method} …")
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

    if say:
        say(f"citing the {len(chosen)} chosen sentences across {_articles_text(articles)} …")
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
        timeline=options.timeline,
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
            model=options.model,
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


PROGRESS_FROM_ARTICLES = 50
"""From this many articles a briefing takes seconds (about 1 s per 100 articles with
`coverage`), so `progress` hears each stage; below it, nothing (the briefing is the answer)."""

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
