"""Benchmarks: ROUGE against human references and speed/scale, every peer side by side.

`summarize bench rouge|speed|model` (or `python -m benchmarks ...`, the same parser) writes
Markdown, JSON and PNG reports into `benchmarks/results/`. Kept out of the `summarize` package so
the product never imports rouge-score, sumy or matplotlib.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from dataclasses import replace
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results"


def run(args: argparse.Namespace) -> list[Path]:
    """Run the benchmark `args.kind` with the options `summarize bench` parsed; returns the
    report files written."""
    from .report import environment

    typed = sys.argv[1:]
    env = environment(typed[1:] if typed[:1] == ["bench"] else typed)
    out = args.out or RESULTS
    progress = not args.quiet
    if args.kind == "rouge":
        from .data import Subset, load_dataset
        from .evaluate import run as run_rouge

        patterns = args.systems
        abstractive = args.abstractive or bool(patterns and "abstractive" in patterns)
        subset = Subset(args.limit, args.min_docs, args.half)
        dataset = load_dataset(args.data, subset=subset)
        # Never overwrite a full run's report with a subset's, another budget's or a
        # ROUGE-1.5.5-only run's: rouge-multi-news-min4docs-even-w100.md
        suffix = subset.suffix
        if args.words and args.words != dataset.words:
            suffix += f"-w{args.words}"
        if args.scorer == "rouge155":
            suffix += "-rouge155"
        if patterns:  # a table of some systems only: rouge-seeds-coverage-lead.md
            suffix += "-" + "-".join(re.sub(r"[^a-z0-9]+", "", p.lower()) or "x" for p in patterns)
        if suffix:
            dataset = replace(dataset, name=f"{dataset.name}{suffix}")
        jobs = args.jobs or min(2, os.cpu_count() or 1)
        paths = run_rouge(
            dataset,
            patterns,
            args.words,
            args.seed,
            jobs,
            out,
            env,
            abstractive=abstractive,
            progress=progress,
            scorer=args.scorer,
        )
    elif args.kind == "check":
        from .check import SETS
        from .check import run as run_check

        paths = run_check(
            out,
            env,
            args.sets or SETS,
            verbose=args.verbose,
            citations=not args.no_citations,
        )
    elif args.kind == "probes":
        from .data import HALVES
        from .probes import PROBE_NAMES
        from .probes import run as run_probes

        unknown = sorted(set(args.probes or ()) - set(PROBE_NAMES))
        if unknown:
            from summarize.errors import SummarizeError

            raise SummarizeError(
                f"unknown probe {unknown[0]!r}", f"choose from {', '.join(PROBE_NAMES)}"
            )
        paths = run_probes(
            out,
            env,
            args.probes or PROBE_NAMES,
            (args.half,) if args.half else HALVES,
            args.limit,
            progress=progress,
        )
    elif args.kind == "batch":
        from .batch import run as run_batch

        paths = run_batch(out, env, args.repeat, progress=progress)
    elif args.kind == "model":
        from .model import run as run_model

        paths = run_model(
            out,
            env,
            args.model,
            args.limit,
            args.new_tokens,
            args.runs,
            args.load_runs,
            first_load=args.first_load,
            progress=progress,
        )
    else:
        from .speed import DEFAULT_SIZES
        from .speed import run as run_speed

        sizes = DEFAULT_SIZES if args.sizes is None else [s for s in args.sizes if s > 0]
        paths = run_speed(
            out,
            env,
            args.repeats,
            args.stage_repeats,
            sizes,
            args.method,
            scale_repeats=args.scale_repeats,
            progress=progress,
        )
    return list(paths.values())
