"""Many stories in one run: `summarize batch` and `summarize.batch(...)`.

A newsroom or a researcher has thousands of story clusters; one process per story pays the
start-up (~0.3 s) every time, shows no progress, cannot resume and uses one core. Here the
stories go to a pool of worker processes (`engine="local"`) or to a Dask cluster
(`engine="dask"`), in chunks, and every story's briefing is the one `summarize` gives for the
same articles and options: the same pipeline, reading the same bytes the same way.

    summarize batch stories.jsonl -o briefings.jsonl --words 100
    for result in summarize.batch("stories.jsonl", words=100): ...

Reading INPUT and writing OUTPUT (resume, the progress line) are in `batch_io`; the engines
and the worker side in `batch_engines`.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from . import registry
from .api import DEFAULT_WORDS, BriefingOptions
from .batch_defaults import DEFAULT_RETRIES, ENGINES
from .batch_engines import StoryOptions, run_dask, run_local
from .batch_io import (
    Failure,
    Outcome,
    Progress,
    ResultsFile,
    StoryInput,
    dumps,
    items_input,
    open_input,
)
from .errors import InputError
from .ingest import DEFAULT_MAX_MB

__all__ = ["ENGINES", "Failure", "Result", "batch"]


@dataclass(frozen=True)
class Result:
    """One story of a batch: its `briefing` (the `summarize.briefing/1` JSON object that
    `summarize -f json` prints) and the `options` it was made with, or the `error` that
    stopped it (`message`, `fix`)."""

    id: str
    briefing: dict[str, Any] | None = None
    error: Failure | None = None
    options: BriefingOptions | None = None

    @property
    def ok(self) -> bool:
        return self.error is None

    @classmethod
    def from_outcome(cls, outcome: Outcome) -> Result:
        record = json.loads(outcome.line)
        if outcome.failed:
            error = record["error"]
            return cls(outcome.id, error=Failure(error["message"], error.get("fix")))
        options = BriefingOptions.from_dict(record["options"])
        return cls(outcome.id, briefing=record["briefing"], options=options)

    def to_json(self) -> str:
        """The story's OUTPUT line (without the newline)."""
        if self.error is not None:
            return dumps({"id": self.id, "error": self.error.to_dict()})
        options = None if self.options is None else self.options.to_dict()
        return dumps({"id": self.id, "briefing": self.briefing, "options": options})


@dataclass(frozen=True)
class _Plan:
    """Where and how the stories run; checked before anything starts."""

    engine: str
    workers: int | None
    scheduler: Any
    retries: int
    chunk: int | None

    @classmethod
    def checked(
        cls,
        engine: str | None,
        workers: int | None,
        scheduler: Any,
        retries: int,
        chunk: int | None,
    ) -> _Plan:
        engine = engine or ("dask" if scheduler is not None else "local")
        if engine not in ENGINES:
            raise InputError(f"unknown engine {engine!r}", f"choose one of: {', '.join(ENGINES)}")
        if engine == "local" and scheduler is not None:
            raise InputError(
                "a scheduler address needs the dask engine", "use --engine dask, or no --scheduler"
            )
        for name, value, least in (("workers", workers, 1), ("chunk", chunk, 1)):
            if value is not None and (not isinstance(value, int) or value < least):
                raise InputError(f"{name} must be a whole number of at least {least}", "")
        if not isinstance(retries, int) or retries < 0:
            raise InputError(f"retries must be 0 or more, not {retries!r}", "pass e.g. 2")
        if engine == "dask":
            from .batch_engines import _distributed

            _distributed()
        return cls(engine, workers, scheduler, retries, chunk)

    def run(
        self, source: StoryInput, options: StoryOptions, skip: Collection[str] = ()
    ) -> Iterator[Outcome]:
        total = source.count(skip)
        stories = source.stories(skip)
        if self.engine == "local":
            return run_local(
                stories,
                total,
                options,
                workers=self.workers,
                retries=self.retries,
                chunk=self.chunk,
            )
        return run_dask(
            stories,
            total,
            options,
            scheduler=self.scheduler,
            workers=self.workers,
            retries=self.retries,
            chunk=self.chunk,
        )


def _source(stories: Any, max_mb: float) -> StoryInput:
    if isinstance(stories, StoryInput):
        return stories
    if isinstance(stories, (str, os.PathLike)):
        return open_input(stories, max_mb=max_mb)
    if isinstance(stories, Mapping) or not isinstance(stories, Iterable):
        raise InputError(
            "batch() takes a JSONL path, a folder of story folders, or a list of stories",
            'pass e.g. [{"id": "a", "documents": ["..."]}]',
        )
    return items_input(stories, max_mb=max_mb)


def batch(
    stories: Any,
    *,
    words: int = DEFAULT_WORDS,
    method: str = registry.DEFAULT_METHOD,
    mode: str = "extractive",
    model: str | None = None,
    seed: int = 0,
    timeline: bool = False,
    max_mb: float = DEFAULT_MAX_MB,
    engine: str | None = None,
    workers: int | None = None,
    scheduler: Any = None,
    retries: int = DEFAULT_RETRIES,
    chunk: int | None = None,
    skip: Collection[str] = (),
) -> Iterator[Result]:
    """Summarise many stories; yields one `Result` per story, in the order they finish.

    `stories`: a JSONL path (one `{"id", "documents": [text...]}` or `{"id", "articles":
    [{title, text, date, source, url}...]}` per line), a folder of story folders, "-", or a
    list of such mappings. The briefing options are those of `summarize()`. `engine` "local"
    (default; `workers` processes, default one per core) or "dask" (`scheduler`: an address
    such as "tcp://10.0.0.5:8786" or a `distributed.Client`; None starts a LocalCluster of
    `workers` processes on 127.0.0.1). `retries`: tries after a worker dies or a task fails;
    `chunk`: stories per task (default: adaptive); `skip`: ids not to run (already done).

    Input problems that concern the whole batch (unreadable INPUT, duplicate ids, bad
    options) raise `SummarizeError` here, before any work; a bad story is a `Result` with an
    `error`. Stopping the iteration early stops the workers.
    """
    briefing = BriefingOptions(words, method, mode, model, seed, timeline)
    options = StoryOptions(briefing, max_mb).checked()
    plan = _Plan.checked(engine, workers, scheduler, retries, chunk)
    source = _source(stories, max_mb)
    return _results(plan, source, options, skip)


def _results(
    plan: _Plan, source: StoryInput, options: StoryOptions, skip: Collection[str]
) -> Iterator[Result]:
    try:
        for outcome in plan.run(source, options, skip):
            yield Result.from_outcome(outcome)
    finally:
        source.close()


# -- the verb -------------------------------------------------------------------------------------


def _stderr(message: str) -> None:
    print(f"summarize: {message}", file=sys.stderr, flush=True)


def run_verb(args: argparse.Namespace) -> int:
    """`summarize batch INPUT [-o OUTPUT] ...`: every story one JSONL line. 0 when every story
    of this run was summarised; 1 when any is an error line, said in one line on stderr even
    with -q (a script that checks the status needs to know why it is 1, as for any error);
    2 when the batch cannot start."""
    from .output import check_target

    options = StoryOptions(BriefingOptions.from_args(args), args.max_mb).checked()
    plan = _Plan.checked(args.engine, args.workers, args.scheduler, args.retries, args.chunk)
    if args.output not in (None, "-"):
        target = check_target(args.output)
        if args.input != "-" and _same_file(target, args.input):
            raise InputError(
                f"refusing to write {args.output}: it is the INPUT being read",
                "choose another -o path",
            )
    say = (lambda message: None) if args.quiet else _stderr
    source = open_input(args.input, max_mb=args.max_mb)
    try:
        out = ResultsFile(
            args.output, options=options.briefing.to_dict(), retry_errors=args.retry_errors
        )
        try:
            return _run(args, plan, options, source, out, say)
        finally:
            out.close()
    finally:
        source.close()


def _same_file(a: Any, b: Any) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.realpath(a) == os.path.realpath(b)


def _run(
    args: argparse.Namespace,
    plan: _Plan,
    options: StoryOptions,
    source: StoryInput,
    out: ResultsFile,
    say: Any,
) -> int:
    for notice in (*source.notices, *out.notices):
        say(notice)
    if plan.scheduler is not None and args.workers:
        say("--workers is ignored with --scheduler: the cluster has its own workers")
    todo = source.count(out.done)
    if not todo:
        say(f"nothing to do: all {len(source)} stories are already in {out.name}")
        if not out.failed:
            return 0
        # a rerun that only finds the last run's error lines must not report success
        _stderr(_failed(len(out.failed), len(source), out.name))
        return 1
    progress = Progress(todo, enabled=not args.quiet)
    try:
        for outcome in plan.run(source, options, out.done):
            out.write(outcome.line)
            progress.step(outcome.failed)
    except KeyboardInterrupt:
        progress.close()
        if out.name != "standard output":
            say(
                f"stopped after {progress.done} of {todo} stories; run the same command again "
                f"to resume: {out.name} keeps them"
            )
        raise
    elapsed = progress.close()
    rate = progress.done / elapsed if elapsed > 0 else 0.0
    errors = f"{progress.errors} error{'s' if progress.errors != 1 else ''}"
    stories = f"{progress.done} stor{'ies' if progress.done != 1 else 'y'}"
    say(f"{stories} in {elapsed:.1f} s ({rate:.1f}/s), {errors}; wrote {out.name}")
    # the status is OUTPUT's: error lines an earlier run left there count too, so that
    # `summarize batch ... && publish` never goes on with stories missing
    failed = progress.errors + len(out.failed)
    if not failed:
        return 0
    _stderr(_failed(failed, progress.done + len(out.done), out.name))
    return 1


def _failed(errors: int, stories: int, output: str) -> str:
    """`3 of 246 stories failed; see the error lines in out.jsonl (rerun with --retry-errors)`;
    standard output cannot be resumed, so the rerun is not offered there."""
    line = f"{errors} of {stories} stor{'ies' if stories != 1 else 'y'} failed; see the error "
    line += f"line{'s' if errors != 1 else ''} in {output}"
    return line if output == "standard output" else f"{line} (rerun with --retry-errors)"
