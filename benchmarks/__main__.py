"""`python -m benchmarks {rouge,speed,model}`; also `summarize bench ...` (summarize/cli.py).

Exit status follows the main CLI: 0 on success, 2 on a usage or data problem (one line naming
the fix), 1 on an unexpected error.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results"


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        from summarize.errors import SummarizeError

        raise SummarizeError(message, f"see {self.prog} --help")


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError(f"{value} must be at least 1")
    return number


def _csv(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


def _sizes(value: str) -> list[int]:
    sizes = [int(v) for v in _csv(value)]
    if any(s < 0 for s in sizes):
        raise argparse.ArgumentTypeError("sizes must be >= 0")
    return sizes


def parser() -> _Parser:
    p = _Parser(prog="python -m benchmarks",
                description="ROUGE against human references, and speed/scale, for summarize.")
    sub = p.add_subparsers(dest="command", required=True, parser_class=_Parser)

    rouge = sub.add_parser("rouge", help="ROUGE-1/2/L/Lsum of every system, side by side")
    rouge.add_argument("--data", default="seeds",
                       help="seeds (default), multinews (../shared/data/multinews-dev.jsonl), "
                       "hf:multi_news, a JSONL of {id, documents, references}, or a seeds-like "
                       "folder")
    rouge.add_argument("--words", type=_positive,
                       help="word budget (default: 150 for seeds, 250 otherwise)")
    rouge.add_argument("--limit", type=_positive, help="only the first N clusters (sorted by id)")
    rouge.add_argument("--systems", type=_csv,
                       help="comma-separated names or patterns, e.g. consensus,sumy-*,oracle "
                       "(default: all)")
    rouge.add_argument("--abstractive", action="store_true",
                       help="also run --mode abstractive (slow on CPU; skipped if no model)")
    rouge.add_argument("--jobs", type=_positive, default=min(2, os.cpu_count() or 1),
                       help="worker processes (default 2)")
    rouge.add_argument("--seed", type=int, default=0, help="seed for random and the bootstrap")
    rouge.add_argument("--out", type=Path, default=RESULTS, help="results folder")
    rouge.add_argument("--no-progress", action="store_true", help="no progress bar")

    speed = sub.add_parser("speed", help="whole-process time vs sumy, stages, and scaling")
    speed.add_argument("--repeats", type=_positive, default=7,
                       help="whole-process runs per command, first discarded (default 7)")
    speed.add_argument("--stage-repeats", type=_positive, default=20)
    speed.add_argument("--sizes", type=_sizes, default=None,
                       help="article counts for scaling, e.g. 5,50,500,1000,2000 (0 to skip)")
    speed.add_argument("--scale-repeats", type=_positive, default=3)
    speed.add_argument("--method", default="consensus", help="ranker for scaling")
    speed.add_argument("--out", type=Path, default=RESULTS, help="results folder")
    speed.add_argument("--no-progress", action="store_true", help="no progress bar")

    model = sub.add_parser("model", help="abstractive model: load time, tokens/s per dtype, "
                           "faithfulness of the final briefing")
    model.add_argument("--model", default="smollm2", help="catalogue name or folder (smollm2)")
    model.add_argument("--limit", type=_positive, default=5,
                       help="first N Multi-News dev clusters for faithfulness (default 5)")
    model.add_argument("--new-tokens", type=_positive, default=64,
                       help="tokens generated per speed run (default 64)")
    model.add_argument("--runs", type=_positive, default=3, help="timed runs per dtype (3)")
    model.add_argument("--load-runs", type=_positive, default=3,
                       help="fresh processes timing the cached load (3)")
    model.add_argument("--first-load", action="store_true",
                       help="also time the GGUF conversion, in a temporary cache folder")
    model.add_argument("--out", type=Path, default=RESULTS, help="results folder")
    model.add_argument("--no-progress", action="store_true", help="no progress messages")
    return p


def _run(argv: Sequence[str]) -> int:
    args = parser().parse_args(argv)
    from .report import environment

    env = environment(argv)
    if args.command == "rouge":
        from .data import load_dataset
        from .evaluate import run

        patterns = args.systems
        abstractive = args.abstractive or bool(patterns and "abstractive" in patterns)
        dataset = load_dataset(args.data, args.limit)
        if args.limit:  # never overwrite a full run's report with a subset's
            dataset = replace(dataset, name=f"{dataset.name}-first{args.limit}")
        paths = run(dataset, patterns, args.words, args.seed, args.jobs, args.out, env,
                    abstractive=abstractive, progress=not args.no_progress)
    elif args.command == "model":
        from .model import run as run_model

        paths = run_model(args.out, env, args.model, args.limit, args.new_tokens, args.runs,
                          args.load_runs, first_load=args.first_load,
                          progress=not args.no_progress)
    else:
        from .speed import DEFAULT_SIZES
        from .speed import run as run_speed

        sizes = DEFAULT_SIZES if args.sizes is None else [s for s in args.sizes if s > 0]
        paths = run_speed(args.out, env, args.repeats, args.stage_repeats, sizes, args.method,
                          scale_repeats=args.scale_repeats, progress=not args.no_progress)
    for path in paths.values():
        print(path)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    from summarize.errors import SummarizeError

    args = list(sys.argv[1:] if argv is None else argv)
    try:
        return _run(args)
    except SummarizeError as exc:
        print(f"benchmarks: error: {exc}", file=sys.stderr)
        return 2
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else 0
    except KeyboardInterrupt:
        print("benchmarks: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
