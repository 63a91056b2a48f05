"""`model`: the abstractive targets measured: cached load, tokens/s idle and beside a CPU hog,
faithfulness, ROUGE-2 against extractive.

Load time is taken in fresh subprocesses, because what a user waits for includes importing
torch/transformers, which a warm process hides. Generation speed compares dtypes on one real
prompt (rewrite's own, from the seeds' extractive points) with a fixed token count, so the runs
differ only in arithmetic. Faithfulness re-checks the FINAL briefings with the guard, independently
of the counts `rewrite` reports about itself. Multi-News is read in place; only cluster ids and
numbers are written.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from .data import (
    MULTINEWS,
    MULTINEWS_WORDS,
    ROOT,
    SEED_WORDS,
    Cluster,
    Subset,
    load_jsonl,
    load_seeds,
)
from .report import header, table, write_json
from .rouge import ROUGE_TYPES, F, Rouge, aggregate, count_words, truncate_words

DEFAULT_MODEL = "smollm2"
NEW_TOKENS = 64
LOAD_TARGET_S = 3.0
SPEEDUP_TARGET = 2.0
R2 = ROUGE_TYPES.index("rouge2")

Say = Callable[[str], None]


def _stderr(message: str) -> None:
    print(f"[model] {message}", file=sys.stderr, flush=True)


def _quiet(message: str) -> None:
    del message


def load_average() -> list[float] | None:
    """1/5/15-minute load average: on a shared 2-core machine timings mean little without it."""
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:
        return None


# --- 1. load time (fresh subprocesses) ----------------------------------------------------------


def child_load(name: str) -> dict[str, Any]:
    """Runs in a fresh process: time the imports, then `load(name)`; returns one JSON object."""
    started = time.perf_counter()
    from models.catalogue import entry_for
    from models.load import load
    from models.locate import cache_dir, is_converted

    entry = entry_for(name)
    gguf = bool(entry.source.file and entry.source.file.endswith(".gguf"))
    converted_before = is_converted(cache_dir(entry.name)) if gguf else None
    t0 = time.perf_counter()
    import torch
    import transformers

    # transformers imports lazily: touch what load() uses so its import cost counts here.
    _ = (transformers.AutoTokenizer, transformers.AutoModelForCausalLM, torch.nn.Linear)
    t1 = time.perf_counter()
    loaded = load(name)
    t2 = time.perf_counter()
    return {
        "import_s": t1 - t0,
        "load_s": t2 - t1,
        "total_s": t2 - t0,
        "before_s": t0 - started,
        "gguf": gguf,
        "converted_before": converted_before,
        "dtype": str(next(loaded.model.parameters()).dtype).removeprefix("torch."),
        "kind": loaded.kind,
    }


def load_times(
    name: str, runs: int = 3, *, first_load: bool = False, say: Say = _quiet
) -> dict[str, Any]:
    """Median cached load over `runs` fresh processes; a conversion, if one happens, apart.

    `first_load` points SUMMARIZE_CACHE at an empty temp folder so the GGUF conversion is
    measured even when the real cache is already filled.
    """
    env = dict(os.environ)
    tmp = tempfile.mkdtemp(prefix="bench-model-cache-") if first_load else None
    if tmp:
        env["SUMMARIZE_CACHE"] = tmp
    cached: list[dict[str, Any]] = []
    first: dict[str, Any] | None = None
    try:
        attempt = 0
        while len(cached) < runs and attempt < runs + 1:
            attempt += 1
            say(f"load: fresh process {attempt}")
            start = time.perf_counter()
            done = subprocess.run(
                [sys.executable, "-m", "benchmarks.model", "child-load", name],
                cwd=ROOT,
                env=env,
                capture_output=True,
                text=True,
                timeout=900,
            )
            wall = time.perf_counter() - start
            if done.returncode != 0:
                error = (done.stderr.strip().splitlines() or ["?"])[-1]
                return {"ok": False, "error": error}
            row = json.loads(done.stdout.strip().splitlines()[-1]) | {"process_s": wall}
            if row["converted_before"] is False and first is None:
                first = row  # de-quantised the GGUF: not a cached load
            else:
                cached.append(row)
    finally:
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)
    totals = [r["total_s"] for r in cached]
    median = statistics.median(totals)
    imports = statistics.median(r["import_s"] for r in cached)
    return {
        "ok": True,
        "runs": cached,
        "median_s": median,
        "min_s": min(totals),
        "max_s": max(totals),
        "import_median_s": imports,
        "import_share": imports / median if median else None,
        "process_median_s": statistics.median(r["process_s"] for r in cached),
        "first_load": first,
        "dtype": cached[0]["dtype"],
        "meets": median < LOAD_TARGET_S,
    }


# --- 2. generation speed ------------------------------------------------------------------------


def seeds_prompt(loaded: Any, words: int = SEED_WORDS) -> str:
    """The prompt `rewrite` sends for the lede of the seeds' extractive briefing."""
    from summarize.api import summarize
    from summarize.rewrite import build_prompt, inputs_of, limit_of

    briefing = summarize(list(load_seeds().clusters[0].articles), words=words)
    lede = briefing.points[0]
    return build_prompt(loaded, [s.text for s in inputs_of(lede)], limit_of(lede))


class Hog:
    """A CPU-bound process beside the measurement (what stalled generation in issue 9)."""

    def __enter__(self) -> Hog:
        self.process = subprocess.Popen([sys.executable, "-c", "while True: pass"])
        time.sleep(0.5)
        return self

    def __exit__(self, *exc: object) -> None:
        self.process.kill()
        self.process.wait()


def _generate_once(
    model: Any, tokenizer: Any, inputs: Any, new_tokens: int
) -> tuple[float, float, list[int]]:
    """(seconds, seconds to the first new token, new token ids): greedy, exactly new_tokens."""
    import torch
    from transformers import StoppingCriteria, StoppingCriteriaList

    class FirstToken(StoppingCriteria):
        """Called after every generated token; the first call marks time-to-first-token."""

        at: float | None = None

        def __call__(self, input_ids: Any, scores: Any, **kwargs: Any) -> Any:
            if self.at is None:
                self.at = time.perf_counter()
            return torch.zeros(input_ids.shape[0], dtype=torch.bool)

    clock = FirstToken()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        start = time.perf_counter()
        with torch.inference_mode():
            out = model.generate(
                **inputs,
                max_new_tokens=new_tokens,
                min_new_tokens=new_tokens,
                do_sample=False,
                num_beams=1,
                temperature=None,
                top_p=None,
                top_k=None,
                pad_token_id=tokenizer.pad_token_id,
                stopping_criteria=StoppingCriteriaList([clock]),
            )
        seconds = time.perf_counter() - start
    new = out[0, inputs["input_ids"].shape[1] :].tolist()
    return seconds, (clock.at or start + seconds) - start, new


CONFIGS = ((1, False), (2, False), (1, True), (2, True))
"""(torch threads, CPU hog beside) measured; OMP_WAIT_POLICY=PASSIVE throughout."""


def generation_speed(
    loaded: Any,
    prompt: str,
    new_tokens: int = NEW_TOKENS,
    runs: int = 3,
    configs: Sequence[tuple[int, bool]] = CONFIGS,
    say: Say = _quiet,
) -> dict[str, Any]:
    """Median tokens/s and time-to-first-token per thread count, idle and beside a CPU hog,
    on the loaded model in its own dtype, one warm-up each, same prompt."""
    import contextlib

    import torch

    from models.fetch import quiet_transformers

    tokenizer = loaded.tokenizer
    inputs = tokenizer(prompt, return_tensors="pt", add_special_tokens=loaded.kind == "seq2seq")
    rows: list[dict[str, Any]] = []
    before = torch.get_num_threads()
    for threads, hog in configs:
        name = f"{threads} thread(s){' + CPU hog' if hog else ''}"
        say(f"speed: {name} ({runs} runs of {new_tokens} tokens after a warm-up)")
        torch.set_num_threads(threads)
        try:
            with Hog() if hog else contextlib.nullcontext(), quiet_transformers():
                _generate_once(loaded.model, tokenizer, inputs, new_tokens)
                timed = [
                    _generate_once(loaded.model, tokenizer, inputs, new_tokens) for _ in range(runs)
                ]
        except Exception as error:  # report why, keep the others
            rows.append({"config": name, "ok": False, "error": f"{type(error).__name__}: {error}"})
            continue
        finally:
            torch.set_num_threads(before)
        rates = [len(t) / s for s, _, t in timed]
        rows.append(
            {
                "config": name,
                "threads": threads,
                "hog": hog,
                "ok": True,
                "runs": runs,
                "tokens": len(timed[0][2]),
                "tokens_counted": [len(t) for _, _, t in timed],
                "tokens_per_s": statistics.median(rates),
                "tokens_per_s_all": rates,
                "ttft_s": statistics.median(f for _, f, _ in timed),
                "seconds": statistics.median(s for s, _, _ in timed),
            }
        )
    return {
        "prompt_tokens": int(inputs["input_ids"].shape[1]),
        "new_tokens": new_tokens,
        "dtype": str(next(loaded.model.parameters()).dtype).removeprefix("torch."),
        "omp_wait_policy": os.environ.get("OMP_WAIT_POLICY"),
        "variants": rows,
    }


# --- 3. faithfulness ----------------------------------------------------------------------------


def count_final(briefing: Any, articles: Sequence[Any]) -> dict[str, int]:
    """Counts on the FINAL points, independent of what `rewrite` says about itself: words no
    source uses (names, numbers, other content words), and rewritten points that
    `summarize check` does not find stated by the articles."""
    from summarize import guard
    from summarize.checker import Checker

    allowed = guard.vocabulary(a.text for a in articles)
    names = numbers = content = 0
    for point in briefing.points:
        for word in guard.invented(point.text, allowed):
            if any(c.isdigit() for c in word):
                numbers += 1
            elif word[:1].isupper():
                names += 1
            else:
                content += 1
    checker = Checker(articles)
    flagged = sum(not checker.verify(p.text).supported for p in briefing.points if p.rewritten)
    counts = getattr(briefing, "rewrite", None)
    return {
        "sentences": len(briefing.points),
        "rewritten": sum(p.rewritten for p in briefing.points),
        "rejected": counts.rejected if counts is not None else briefing.replaced,
        "unstated_names": names,
        "unstated_numbers": numbers,
        "unstated_content": content,
        "check_flagged": flagged,
    }


def faithfulness(
    clusters: Sequence[Cluster],
    words: int,
    model: str | None,
    scorer: Rouge | None = None,
    progress: bool = True,
    hog: bool = False,
) -> list[dict[str, Any]]:
    """Per cluster: guard counts of the abstractive briefing and ROUGE-2 F1 of both modes."""
    from tqdm import tqdm

    from summarize.api import summarize
    from summarize.render import to_text

    scorer = scorer or Rouge()
    rows = []
    for cluster in tqdm(
        clusters,
        desc=f"faithfulness ({words} words)",
        unit="cluster",
        file=sys.stderr,
        disable=not progress,
    ):
        articles = list(cluster.articles)
        extractive = summarize(articles, words=words)
        start = time.perf_counter()
        abstractive = summarize(articles, words=words, mode="abstractive", model=model)
        seconds = time.perf_counter() - start
        hog_seconds = None
        if hog:
            with Hog():
                start = time.perf_counter()
                summarize(articles, words=words, mode="abstractive", model=model)
                hog_seconds = time.perf_counter() - start
        scores = {}
        for mode, briefing in (("abstractive", abstractive), ("extractive", extractive)):
            text = truncate_words(to_text(briefing), words)
            scores[f"r2_{mode}"] = float(
                aggregate(scorer.score(text, cluster.references), "avg")[R2, F]
            )
            scores[f"words_{mode}"] = count_words(text)
        rows.append(
            {
                "id": cluster.id,
                "words": words,
                **count_final(abstractive, articles),
                "fell_back": not any(p.rewritten for p in abstractive.points),
                **scores,
                "seconds": seconds,
                "seconds_hog": hog_seconds,
            }
        )
    return rows


def totals(rows: Sequence[dict[str, Any]]) -> dict[str, Any]:
    keys = (
        "sentences",
        "rewritten",
        "rejected",
        "unstated_names",
        "unstated_numbers",
        "unstated_content",
        "check_flagged",
        "fell_back",
    )
    out: dict[str, Any] = {k: int(sum(r[k] for r in rows)) for k in keys}
    out["clusters"] = len(rows)
    for key in ("r2_abstractive", "r2_extractive", "seconds"):
        out[key] = statistics.fmean(r[key] for r in rows) if rows else None
    hogged = [r["seconds_hog"] for r in rows if r.get("seconds_hog") is not None]
    out["seconds_hog"] = statistics.fmean(hogged) if hogged else None
    out["reworded_share"] = out["rewritten"] / out["sentences"] if out["sentences"] else None
    return out


# --- report -------------------------------------------------------------------------------------


def _f(value: float | None, digits: int = 2) -> str:
    return "n/a" if value is None else f"{value:.{digits}f}"


def _load_lines(load: dict[str, Any], name: str) -> list[str]:
    lines = ["## 1. Load time (fresh process per run)", ""]
    if not load["ok"]:
        return [*lines, f"Failed: {load['error']}", ""]
    verdict = "meets" if load["meets"] else "misses"
    lines += table(
        ["run", "imports s", "load() s", "total s", "whole process s"],
        [
            [i + 1, _f(r["import_s"]), _f(r["load_s"]), _f(r["total_s"]), _f(r["process_s"])]
            for i, r in enumerate(load["runs"])
        ],
    )
    lines += [
        "",
        f"**Cached load: median {_f(load['median_s'])} s** (min {_f(load['min_s'])}, "
        f"max {_f(load['max_s'])}; target < {LOAD_TARGET_S:.0f} s: {verdict}); "
        f"importing torch + transformers is {_f(load['import_median_s'])} s = "
        f"{100 * (load['import_share'] or 0):.0f}% of it. Whole process incl. interpreter "
        f"start: median {_f(load['process_median_s'])} s. Loaded dtype: {load['dtype']}.",
        "",
    ]
    first = load.get("first_load")
    if first:
        lines += [
            f"**First load (GGUF de-quantisation):** {_f(first['total_s'], 1)} s "
            f"(imports {_f(first['import_s'])} s), once per machine; cached afterwards.",
            "",
        ]
    else:
        lines += [
            "First load (GGUF de-quantisation): not measured, the converted cache already "
            "existed (`--first-load` measures it in a temporary cache).",
            "",
        ]
    lines += [
        f"Each run: `python -m benchmarks.model child-load {name}` in a new process; "
        "*imports* = `import torch, transformers` plus the Auto classes load() uses "
        "(transformers imports lazily); *load()* = `models.load.load` after that "
        "(tokenizer, config, safetensors, model-specific modules).",
        "",
    ]
    return lines


def _speed_lines(speed: dict[str, Any]) -> list[str]:
    lines = ["## 2. Generation speed (greedy, same prompt), idle and beside a CPU hog", ""]
    rows = []
    for r in speed["variants"]:
        if not r["ok"]:
            rows.append([r["config"], "failed", "", r["error"]])
            continue
        rows.append([r["config"], _f(r["tokens_per_s"], 1), _f(r["ttft_s"], 3), r["tokens"]])
    lines += table(["torch threads", "tokens/s", "first token s", "tokens"], rows)
    lines += [
        "",
        f"Model dtype {speed.get('dtype')}, OMP_WAIT_POLICY={speed.get('omp_wait_policy')}. "
        f"Prompt: rewrite's own for the seeds' lede ({speed['prompt_tokens']} tokens), no "
        f"constraint; exactly {speed['new_tokens']} new tokens per run, greedy; median of the "
        "timed runs after one warm-up. tokens/s = new tokens / generate() wall time (prefill "
        "included); first token = prefill + first token. *CPU hog* = a `while True: pass` "
        "process running beside it on the same 2 cores (as another busy program would). "
        "The default is 2 threads where OpenMP waits passively, else 1 (`SUMMARIZE_THREADS` "
        "overrides).",
        "",
    ]
    return lines


def _faith_lines(sets: dict[str, dict[str, Any]]) -> list[str]:
    lines = ["## 3. Faithfulness and ROUGE of the final abstractive briefing", ""]
    head = [
        "set",
        "clusters",
        "sentences",
        "rewritten",
        "reworded share",
        "rejected",
        "unstated names / numbers / content words",
        "check flags",
        "R2 F1 abstr.",
        "R2 F1 extr.",
        "s/briefing",
        "s/briefing with hog",
    ]
    rows = []
    for name, data in sets.items():
        if "error" in data:
            rows.append([name, "skipped", data["error"], *[""] * (len(head) - 3)])
            continue
        t = data["totals"]
        rows.append(
            [
                f"{name} ({data['words']} words)",
                t["clusters"],
                t["sentences"],
                t["rewritten"],
                f"{100 * (t['reworded_share'] or 0):.0f}%",
                t["rejected"],
                f"{t['unstated_names']} / {t['unstated_numbers']} / {t['unstated_content']}",
                t["check_flagged"],
                _f(100 * t["r2_abstractive"]),
                _f(100 * t["r2_extractive"]),
                _f(t["seconds"], 1),
                _f(t.get("seconds_hog"), 1),
            ]
        )
    lines += table(head, rows)
    lines += [
        "",
        "Targets: 0 names, numbers or content words no source states; at least half the "
        "points reworded; ROUGE-2 abstractive >= extractive; <= 30 s per seeds briefing, also "
        "with a CPU hog. *unstated* = words of the final points that no article of the "
        "cluster uses (`guard.invented` against every article plus the closed grammar list). "
        "*check flags* = rewritten points `summarize check` does not find stated by the "
        "cluster's articles. *rewritten* = points whose text the model wrote (differs from "
        "every source sentence); *rejected* = rewrites refused by the screens or the fact "
        "check (the extracted sentence kept). ROUGE-2 F1 x100 against the references, both "
        "modes cut to the budget, as in `benchmarks rouge`. Seconds include model load (a "
        "fresh briefing per cluster in one process; the model is loaded once).",
        "",
        "### Per cluster",
        "",
    ]
    per = []
    for name, data in sets.items():
        for r in data.get("rows", []):
            per.append(
                [
                    f"{name}:{r['id']}",
                    r["sentences"],
                    r["rewritten"],
                    r["rejected"],
                    r["unstated_names"] + r["unstated_numbers"] + r["unstated_content"],
                    r["check_flagged"],
                    _f(100 * r["r2_abstractive"]),
                    _f(100 * r["r2_extractive"]),
                    r["words_abstractive"],
                    r["words_extractive"],
                    _f(r["seconds"], 1),
                ]
            )
    lines += table(
        [
            "cluster",
            "sentences",
            "rewritten",
            "rejected",
            "unstated",
            "check flags",
            "R2 abstr.",
            "R2 extr.",
            "words abstr.",
            "words extr.",
            "s",
        ],
        per,
    )
    return [*lines, ""]


def render(results: dict[str, Any], env: dict[str, Any]) -> str:
    lines = header(f"Abstractive model: {results['model']}", env)
    loads = results["load_average"]
    lines += [
        f"- **Load average (1/5/15 min):** start {loads['start']}, end {loads['end']} "
        f"(2 shared cores: compare timings with care)",
        f"- **Whole run:** {results['seconds']:.1f} s",
        "",
    ]
    lines += _load_lines(results["load"], results["model"])
    lines += _speed_lines(results["speed"])
    lines += _faith_lines(results["faithfulness"])
    return "\n".join(lines)


def run(
    out: Path,
    env: dict[str, Any],
    model: str = DEFAULT_MODEL,
    limit: int = 5,
    new_tokens: int = NEW_TOKENS,
    runs: int = 3,
    load_runs: int = 3,
    first_load: bool = False,
    progress: bool = True,
) -> dict[str, Path]:
    from models.load import load

    say = _stderr if progress else _quiet
    out.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    average: dict[str, Any] = {"start": load_average()}
    say(f"load average {average['start']}")
    loads = load_times(model, load_runs, first_load=first_load, say=say)
    average["before_speed"] = load_average()
    say("speed: loading the model in this process")
    loaded = load(model)
    speed = generation_speed(loaded, seeds_prompt(loaded), new_tokens, runs, say=say)
    average["before_faithfulness"] = load_average()
    scorer = Rouge()
    sets: dict[str, dict[str, Any]] = {}
    seeds = load_seeds()
    rows = faithfulness(seeds.clusters, SEED_WORDS, model, scorer, progress, hog=True)
    sets["seeds"] = {"words": SEED_WORDS, "rows": rows, "totals": totals(rows)}
    if MULTINEWS.is_file():
        say(f"faithfulness: the first {limit} even-line Multi-News dev clusters, read in place")
        dataset = load_jsonl(MULTINEWS, "multinews", subset=Subset(limit=limit, half="even"))
        rows = faithfulness(dataset.clusters, MULTINEWS_WORDS, model, scorer, progress)
        sets["multinews"] = {
            "words": MULTINEWS_WORDS,
            "rows": rows,
            "totals": totals(rows),
            "licence": dataset.licence,
        }
    else:
        sets["multinews"] = {"words": MULTINEWS_WORDS, "error": f"{MULTINEWS} not found"}
    average["end"] = load_average()
    results = {
        "model": model,
        "seconds": time.perf_counter() - started,
        "load_average": average,
        "load": loads,
        "speed": speed,
        "faithfulness": sets,
        "multinews_subset": f"first {limit} clusters on even lines of {MULTINEWS.name}",
    }
    paths = {"md": out / "model.md", "json": out / "model.json"}
    paths["md"].write_text(render(results, env), encoding="utf-8")
    write_json(paths["json"], {"environment": env, **results})
    return paths


if __name__ == "__main__":
    if sys.argv[1:2] == ["child-load"] and len(sys.argv) == 3:
        print(json.dumps(child_load(sys.argv[2])))
    else:
        sys.exit("usage: python -m benchmarks.model child-load NAME")
