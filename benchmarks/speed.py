"""`speed`: whole-process time against sumy, in-process time per stage, and scaling to 1,000+.

Whole-process time is what a user waits for (interpreter start, imports, model loading), so it is
measured on real subprocesses. Scaling runs each size in a fresh process, so one size's caches
and heap cannot flatter the next, and reads that process's own peak memory.
"""

from __future__ import annotations

import gc
import json
import math
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from summarize.registry import DEFAULT_METHOD

from .data import MULTINEWS, MULTINEWS_WORDS, ROOT, SEED_WORDS, SEEDS
from .report import header, table, write_json

DEFAULT_SIZES = (5, 50, 500, 1000, 2000)


# --- whole process ----------------------------------------------------------------------------


def _time(
    cmd: Sequence[str], repeats: int, env: dict[str, str] | None = None, cwd: Path = ROOT
) -> dict[str, Any]:
    """Wall time of `repeats` runs; the first is discarded (cold disk cache, .pyc writing)."""
    times: list[float] = []
    out = ""
    for _ in range(repeats):
        start = time.perf_counter()
        done = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=600)
        times.append(time.perf_counter() - start)
        if done.returncode != 0:
            return {"ok": False, "error": (done.stderr.strip().splitlines() or ["?"])[-1]}
        out = done.stdout
    kept = times[1:] if len(times) > 1 else times
    return {
        "ok": True,
        "median_s": statistics.median(kept),
        "min_s": min(kept),
        "max_s": max(kept),
        "runs": len(kept),
        "discarded": len(times) - len(kept),
        "output_lines": len([line for line in out.splitlines() if line.strip()]),
        "output_words": len(out.split()),
    }


def _ours_command() -> list[str]:
    script = Path(sys.executable).with_name("summarize")
    return [str(script)] if script.exists() else [sys.executable, "-m", "summarize"]


def write_punkt_tab(root: Path) -> Path:
    """Our Punkt parameters in NLTK's `punkt_tab` layout, so sumy's own CLI can run offline.

    sumy calls `nltk.tokenize.PunktTokenizer("english")`, which reads
    $NLTK_DATA/tokenizers/punkt_tab/english/; nltk.download is impossible here.
    """
    from summarize.sentences import _tokenizer

    params = _tokenizer()._params
    folder = root / "tokenizers" / "punkt_tab" / "english"
    folder.mkdir(parents=True, exist_ok=True)
    files = {
        "collocations.tab": ["\t".join(pair) for pair in params.collocations],
        "sent_starters.txt": list(params.sent_starters),
        "abbrev_types.txt": list(params.abbrev_types),
        "ortho_context.tab": [f"{k}\t{v}" for k, v in params.ortho_context.items()],
    }
    for name, lines in files.items():
        (folder / name).write_text("\n".join(sorted(lines)), encoding="utf-8")
    return root


_SUMY_SCRIPT = """
import sys
from benchmarks.systems import sumy_tokenizer
from sumy.nlp.stemmers import Stemmer
from sumy.parsers.plaintext import PlaintextParser
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.utils import get_stop_words
parser = PlaintextParser.from_file(sys.argv[1], sumy_tokenizer())
summarizer = LexRankSummarizer(Stemmer("english"))
summarizer.stop_words = get_stop_words("english")
for sentence in summarizer(parser.document, int(sys.argv[2])):
    print(sentence)
"""


def whole_process(repeats: int, seeds: Path = SEEDS) -> dict[str, Any]:
    """`summarize seeds/ -q -f text` against sumy's LexRank CLI on the same articles."""
    ours = _time([*_ours_command(), str(seeds), "-q", "-f", "text"], repeats)
    ours_lexrank = _time(
        [*_ours_command(), str(seeds), "-q", "-f", "text", "-m", "lexrank"], repeats
    )
    count = ours.get("output_lines", 6) or 6
    with tempfile.TemporaryDirectory(prefix="bench-sumy-") as tmp:
        text = Path(tmp) / "seeds.txt"
        text.write_text(
            "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(seeds.glob("*.txt"))),
            encoding="utf-8",
        )
        env = dict(os.environ, NLTK_DATA=str(write_punkt_tab(Path(tmp) / "nltk_data")))
        sumy_exe = Path(sys.executable).with_name("sumy")
        cli = [str(sumy_exe)] if sumy_exe.exists() else [sys.executable, "-m", "sumy"]
        sumy = _time([*cli, "lex-rank", f"--length={count}", f"--file={text}"], repeats, env)
        how = (
            f"sumy's own CLI (`sumy lex-rank --length={count} --file=<the 5 seed files "
            "concatenated>`), NLTK_DATA pointing at our Punkt parameters written in "
            "punkt_tab format to a temp folder (nltk.download is impossible offline)"
        )
        if not sumy["ok"]:
            failed = sumy["error"]
            sumy = _time(
                [sys.executable, "-c", _SUMY_SCRIPT, str(text), str(count)],
                repeats,
                dict(os.environ, PYTHONPATH=str(ROOT)),
            )
            how = (
                f"sumy's CLI failed ({failed}); ran the equivalent minimal LexRank script "
                "via `python -c`, importing sumy as its CLI does, with our Punkt splitter"
            )
    result = {
        "ours": ours,
        "ours_lexrank": ours_lexrank,
        "sumy_lexrank": sumy,
        "sumy_how": how,
        "sentences": count,
    }
    if ours["ok"] and sumy["ok"]:
        result["ratio"] = ours["median_s"] / sumy["median_s"]
        result["ratio_lexrank"] = (
            ours_lexrank["median_s"] / sumy["median_s"] if ours_lexrank["ok"] else None
        )
    return result


# --- stages -------------------------------------------------------------------------------------


def stages(repeats: int, seeds: Path = SEEDS, words: int = SEED_WORDS) -> dict[str, Any]:
    """Median in-process seconds per stage over `repeats` runs on the seeds (first discarded)."""
    from summarize.api import summarize
    from summarize.render import to_text

    runs: list[dict[str, float]] = []
    for _ in range(repeats + 1):
        briefing = summarize(str(seeds), words=words)
        start = time.perf_counter()
        to_text(briefing)
        timings = dict(briefing.timings)
        timings["render"] = time.perf_counter() - start
        runs.append(timings)
    runs = runs[1:]
    names = ["ingest", "sentences", "rank", "select", "compose", "render", "total"]
    return {name: statistics.median(r.get(name, 0.0) for r in runs) for name in names} | {
        "runs": len(runs)
    }


# --- scaling (the child runs in a fresh process per size) ---------------------------------------


def article_pool(n: int, path: Path = MULTINEWS) -> tuple[list[Any], int]:
    """`n` cleaned Multi-News dev articles (all clusters pooled, sorted by cluster id).

    Past the pool's end articles are reused with their paragraphs rotated, so no two texts are
    identical (identical ones would be merged by deduplication). Returns (articles, distinct).
    """
    from summarize.schema import Article

    from .data import articles_from_raw

    with path.open(encoding="utf-8") as handle:
        records = sorted(
            (json.loads(line) for line in handle if line.strip()), key=lambda r: str(r["id"])
        )
    pool = list(articles_from_raw(d for r in records for d in r["documents"]))
    del records
    chosen = []
    for i in range(n):
        base = pool[i % len(pool)]
        text = base.text
        turn = i // len(pool)
        if turn:
            paragraphs = text.split("\n\n")
            k = turn % len(paragraphs) or 1
            text = "\n\n".join(paragraphs[k:] + paragraphs[:k]) + f"\n\n(copy {turn + 1})"
        chosen.append(
            Article(id=i + 1, label=f"a{i + 1}", text=text, title=base.title, date=base.date)
        )
    return chosen, min(n, len(pool))


def _status_kb(field: str) -> int | None:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return None


def _reset_peak() -> bool:
    """Reset the kernel's peak-RSS mark (VmHWM) so the next peak is the summary's alone."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
        return True
    except OSError:
        return False


def child(n: int, method: str, words: int, repeats: int) -> dict[str, Any]:
    """Runs inside the fresh process for one size; prints one JSON line."""
    import tracemalloc

    from summarize.api import summarize

    summarize([_warm(1), _warm(2)], words=30, method=method)  # Punkt + stop words loaded
    rss_import = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    articles, distinct = article_pool(n)
    gc.collect()
    reset = _reset_peak()
    rss_before = _status_kb("VmRSS") or rss_import
    times, stage_times = [], []
    for _ in range(max(1, repeats)):
        start = time.perf_counter()
        briefing = summarize(articles, words=words, method=method)
        times.append(time.perf_counter() - start)
        stage_times.append(dict(briefing.timings))
    peak_run = _status_kb("VmHWM") if reset else None
    rss_max = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    gc.collect()
    tracemalloc.start()
    summarize(articles, words=words, method=method)
    _, traced_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {
        "articles": n,
        "distinct_articles": distinct,
        "words": sum(a.words for a in articles),
        "first_s": times[0],
        "median_s": statistics.median(times),
        "runs": len(times),
        "stages_first": stage_times[0],
        "rss_import_kb": rss_import,
        "rss_before_kb": rss_before,
        "peak_rss_run_kb": peak_run,
        "ru_maxrss_kb": rss_max,
        "delta_kb": (peak_run or rss_max) - rss_before,
        "tracemalloc_peak_kb": traced_peak // 1024,
    }


def _warm(i: int) -> Any:
    from summarize.schema import Article

    return Article(
        id=i,
        label=f"w{i}",
        text="The council approved the new budget on Monday "
        "after a long debate. The mayor said the plan would fund schools.",
    )


def scaling(
    sizes: Sequence[int], method: str, words: int, repeats: int, progress: bool = True
) -> list[dict[str, Any]]:
    from tqdm import tqdm

    rows = []
    for n in tqdm(sizes, desc="scale", unit="size", file=sys.stderr, disable=not progress):
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "benchmarks.speed",
                "child",
                str(n),
                method,
                str(words),
                str(repeats),
            ],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=1800,
        )
        if done.returncode != 0:
            rows.append({"articles": n, "error": (done.stderr.strip().splitlines() or ["?"])[-1]})
            continue
        rows.append(json.loads(done.stdout.strip().splitlines()[-1]))
    return rows


def growth_exponent(sizes: Sequence[float], seconds: Sequence[float]) -> float | None:
    """Least-squares slope of log(time) on log(articles): 1 = linear, 2 = quadratic."""
    points = [
        (math.log(n), math.log(t)) for n, t in zip(sizes, seconds, strict=True) if n > 0 and t > 0
    ]
    if len(points) < 2:
        return None
    mx = sum(x for x, _ in points) / len(points)
    my = sum(y for _, y in points) / len(points)
    sxx = sum((x - mx) ** 2 for x, _ in points)
    return sum((x - mx) * (y - my) for x, y in points) / sxx if sxx else None


# --- report -------------------------------------------------------------------------------------


def _ms(seconds: float) -> str:
    return f"{1000 * seconds:.2f}"


def _mb(kb: float | None) -> str:
    return "n/a" if kb is None else f"{kb / 1024:.0f}"


def run(
    out: Path,
    env: dict[str, Any],
    repeats: int = 7,
    stage_repeats: int = 20,
    sizes: Sequence[int] = DEFAULT_SIZES,
    method: str = DEFAULT_METHOD,
    words: int = MULTINEWS_WORDS,
    scale_repeats: int = 3,
    progress: bool = True,
) -> dict[str, Path]:
    out.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    whole = whole_process(repeats)
    stage = stages(stage_repeats)
    rows = scaling(sizes, method, words, scale_repeats, progress) if sizes else []
    good = [r for r in rows if "error" not in r]
    fit_rows = [r for r in good if r["articles"] >= 50] or good
    exponent = growth_exponent([r["articles"] for r in fit_rows], [r["first_s"] for r in fit_rows])
    elapsed = time.perf_counter() - start

    lines = header("Speed and scale", env)
    lines += [f"- **Whole run:** {elapsed:.1f} s", "", "## Whole process: ours vs sumy", ""]
    ours, lex, sumy = whole["ours"], whole["ours_lexrank"], whole["sumy_lexrank"]

    def cell(r: dict[str, Any]) -> list[str]:
        if not r["ok"]:
            return ["failed", "", "", r["error"]]
        return [
            f"{r['median_s']:.3f}",
            f"{r['min_s']:.3f}",
            f"{r['max_s']:.3f}",
            f"{r['output_lines']} lines, {r['output_words']} words",
        ]

    lines += table(
        ["command", "median s", "min s", "max s", "output"],
        [
            [f"`summarize seeds/ -q -f text` ({DEFAULT_METHOD})", *cell(ours)],
            ["`summarize seeds/ -q -f text -m lexrank`", *cell(lex)],
            ["sumy LexRank", *cell(sumy)],
        ],
    )
    lines += [
        "",
        f"Each command run {repeats} times, the first discarded; wall time of the whole "
        f"process (interpreter start, imports, reading the 5 seed files, output). sumy: "
        f"{whole['sumy_how']}; it is asked for {whole['sentences']} sentences, as many as "
        "our briefing has.",
        "",
    ]
    if "ratio" in whole:
        verdict = "meets" if whole["ratio"] < 0.5 else "misses"
        lines += [
            f"**Ratio ours/sumy: {whole['ratio']:.2f}x** ({DEFAULT_METHOD}; target < 0.5x: "
            f"{verdict}); with our LexRank {whole['ratio_lexrank']:.2f}x.",
            "",
        ]
    lines += ["## In-process time per stage (seeds, 150 words)", ""]
    lines += table(
        ["stage", "median ms"],
        [
            [k, _ms(stage[k])]
            for k in ("ingest", "sentences", "rank", "select", "compose", "render", "total")
        ],
    )
    lines += [
        "",
        f"Median of {stage['runs']} runs of `summarize.api.summarize('seeds')` after one "
        "warm-up run, from `briefing.timings`; render = `to_text`. `total` excludes "
        "render. `sentences` includes splitting, stemming and the TF-IDF matrix.",
        "",
    ]
    if rows:
        lines += [f"## Scaling ({method}, {words} words)", ""]
        srows = []
        for r in rows:
            if "error" in r:
                srows.append([r["articles"], "failed", r["error"], "", "", "", "", ""])
                continue
            st = r["stages_first"]
            srows.append(
                [
                    r["articles"],
                    f"{r['distinct_articles']}",
                    f"{r['words']:,}",
                    f"{r['first_s']:.2f}",
                    f"{r['median_s']:.2f}",
                    f"{st['rank']:.2f}",
                    _mb(r["ru_maxrss_kb"]),
                    _mb(r["delta_kb"]),
                    _mb(r["tracemalloc_peak_kb"]),
                ]
            )
        lines += table(
            [
                "articles",
                "distinct",
                "words",
                "first run s",
                f"median of {scale_repeats} s",
                "rank stage s",
                "peak RSS MB",
                "delta MB",
                "Python peak MB",
            ],
            srows,
        )
        big = [r for r in good if r["articles"] >= 1000]
        pool = max((r["distinct_articles"] for r in good), default=0)
        lines += [
            "",
            "Each size runs in a fresh `python` process: after imports and a 2-article warm-up "
            "(Punkt parameters and stop words loaded), it cleans the articles with "
            "`summarize.clean.clean`, then calls `summarize(articles, words=...)` "
            f"{scale_repeats} times. *first run* is the headline (cold caches). *peak RSS* = "
            "`ru_maxrss` of the process; *delta* = peak RSS during the summaries (VmHWM, reset "
            "just before) minus RSS before them (imports + articles in memory); *Python peak* = "
            "tracemalloc peak of one more run.",
            f"Articles: the Multi-News dev set's documents pooled ({pool} distinct "
            "after cleaning); sizes past that reuse articles with their paragraphs rotated (so "
            "deduplication does not merge them): more text of the same kind, not new stories.",
        ]
        if exponent is not None:
            lines += [
                "",
                f"**Growth exponent** (log-log least squares of first-run time vs "
                f"articles, sizes {', '.join(str(r['articles']) for r in fit_rows)}): "
                f"**{exponent:.2f}** (1 = linear).",
            ]
        for r in big:
            ok_t, ok_m = r["first_s"] < 10, r["ru_maxrss_kb"] < 1024 * 1024
            lines += [
                f"- {r['articles']} articles: {r['first_s']:.2f} s "
                f"({'meets' if ok_t else 'misses'} < 10 s), peak RSS "
                f"{_mb(r['ru_maxrss_kb'])} MB ({'meets' if ok_m else 'misses'} < 1 GB)."
            ]
        from . import plots

        x = [r["articles"] for r in good]
        plots.loglog(
            out / "speed-time.png",
            x,
            {
                "total (first run)": [r["first_s"] for r in good],
                "rank stage": [max(r["stages_first"]["rank"], 1e-4) for r in good],
                "sentences stage": [max(r["stages_first"]["sentences"], 1e-4) for r in good],
            },
            "seconds",
            f"Time vs articles ({method})",
        )
        plots.loglog(
            out / "speed-memory.png",
            x,
            {
                "peak RSS": [r["ru_maxrss_kb"] / 1024 for r in good],
                "delta over baseline": [max(r["delta_kb"], 1) / 1024 for r in good],
                "Python peak (tracemalloc)": [
                    max(r["tracemalloc_peak_kb"], 1) / 1024 for r in good
                ],
            },
            "MB",
            f"Memory vs articles ({method})",
        )
        lines += ["", "![time](speed-time.png) ![memory](speed-memory.png)"]
    lines += [""]
    md = out / "speed.md"
    md.write_text("\n".join(lines), encoding="utf-8")
    js = out / "speed.json"
    write_json(
        js,
        {
            "environment": env,
            "elapsed_seconds": round(elapsed, 2),
            "whole_process": whole,
            "stages_ms": {k: v * 1000 if k != "runs" else v for k, v in stage.items()},
            "scaling": {
                "method": method,
                "words": words,
                "rows": rows,
                "growth_exponent": exponent,
                "fit_sizes": [r["articles"] for r in fit_rows],
            },
        },
    )
    paths = {"markdown": md, "json": js}
    if rows:
        paths |= {"time_png": out / "speed-time.png", "memory_png": out / "speed-memory.png"}
    return paths


if __name__ == "__main__":
    if len(sys.argv) == 6 and sys.argv[1] == "child":
        print(json.dumps(child(int(sys.argv[2]), sys.argv[3], int(sys.argv[4]), int(sys.argv[5]))))
    else:
        sys.exit(
            "usage: python -m benchmarks.speed child N METHOD WORDS REPEATS "
            "(internal; use python -m benchmarks speed)"
        )
