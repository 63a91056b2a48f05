"""`model`: the abstractive targets measured: cached load, tokens/s per dtype, faithfulness.

Load time is taken in fresh subprocesses, because what a user waits for includes importing
torch/transformers, which a warm process hides. Generation speed compares dtypes on one real
prompt (rewrite's own, from the seeds' extractive points) with a fixed token count, so the runs
differ only in arithmetic. Faithfulness re-checks the FINAL briefings with the guard, independently
of the counts `rewrite` reports about itself. Multi-News is read in place; only cluster ids and
numbers are written.
"""

from __future__ import annotations

import copy
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

from .data import MULTINEWS, MULTINEWS_WORDS, ROOT, SEED_WORDS, Cluster, load_jsonl, load_seeds
from .report import header, table, write_json
from .rouge import ROUGE_TYPES, F, Rouge, aggregate, count_words, truncate_words

DEFAULT_MODEL = "smollm2"
NEW_TOKENS = 64
VARIANTS = ("float32", "bfloat16", "int8")
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
    """The first chunk prompt `rewrite` would send for the seeds' extractive briefing."""
    from summarize.api import summarize
    from summarize.rewrite import plan_chunks

    briefing = summarize(list(load_seeds().clusters[0].articles), words=words)
    chunks = [c for c in plan_chunks(loaded, briefing.points, words) if not c.verbatim]
    return chunks[0].prompt


def _variant(model: Any, name: str) -> Any:
    """A copy of `model` in float32, bfloat16, or float32 with int8 dynamic-quantised Linears."""
    import torch

    base = copy.deepcopy(model)
    if name != "int8":
        return base.to(getattr(torch, name)).eval()
    from torch.ao.quantization import quantize_dynamic

    with warnings.catch_warnings():  # deprecated in favour of torchao, which is not installed
        warnings.simplefilter("ignore")
        return quantize_dynamic(base.float().eval(), {torch.nn.Linear}, dtype=torch.qint8)


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


def generation_speed(
    loaded: Any,
    prompt: str,
    new_tokens: int = NEW_TOKENS,
    runs: int = 3,
    variants: Sequence[str] = VARIANTS,
    say: Say = _quiet,
) -> dict[str, Any]:
    """Median tokens/s and time-to-first-token per dtype, one warm-up each, same prompt."""
    from models.fetch import quiet_transformers

    tokenizer = loaded.tokenizer
    inputs = tokenizer(prompt, return_tensors="pt", add_special_tokens=loaded.kind == "seq2seq")
    rows: list[dict[str, Any]] = []
    reference: list[int] | None = None
    for name in variants:
        say(f"speed: {name} ({runs} runs of {new_tokens} tokens after a warm-up)")
        try:
            model = _variant(loaded.model, name)
            with quiet_transformers():
                _generate_once(model, tokenizer, inputs, new_tokens)
                timed = [_generate_once(model, tokenizer, inputs, new_tokens) for _ in range(runs)]
        except Exception as error:  # report why (e.g. no quantized engine), keep the others
            rows.append({"dtype": name, "ok": False, "error": f"{type(error).__name__}: {error}"})
            continue
        finally:
            model = None
        tokens = timed[0][2]
        if name == "float32":
            reference = tokens
        same = None
        if reference is not None:
            same = next(
                (i for i, (a, b) in enumerate(zip(tokens, reference, strict=False)) if a != b),
                min(len(tokens), len(reference)),
            )
        rates = [len(t) / s for s, _, t in timed]
        decode = [(len(t) - 1) / (s - f) for s, f, t in timed if len(t) > 1 and s > f]
        rows.append(
            {
                "dtype": name,
                "ok": True,
                "runs": runs,
                "tokens": len(tokens),
                "tokens_counted": [len(t) for _, _, t in timed],
                "tokens_per_s": statistics.median(rates),
                "tokens_per_s_all": rates,
                "decode_tokens_per_s": statistics.median(decode) if decode else None,
                "ttft_s": statistics.median(f for _, f, _ in timed),
                "seconds": statistics.median(s for s, _, _ in timed),
                "same_prefix_as_float32": same,
            }
        )
    base = next((r for r in rows if r["dtype"] == "float32" and r["ok"]), None)
    for row in rows:
        if row["ok"] and base is not None:
            row["speedup"] = row["tokens_per_s"] / base["tokens_per_s"]
    return {
        "prompt_tokens": int(inputs["input_ids"].shape[1]),
        "new_tokens": new_tokens,
        "variants": rows,
    }


# --- 3. faithfulness ----------------------------------------------------------------------------


def count_final(briefing: Any, articles: Sequence[Any]) -> dict[str, int]:
    """Guard counts on the FINAL points: against all sources, and against the cited ones."""
    from summarize import guard

    by_id = {a.id: a.text for a in articles}
    everything = "\n".join(by_id.values())
    unsupported = unsupported_cited = sentences_unsupported = 0
    for point in briefing.points:
        missing = guard.unsupported(point.text, everything)
        unsupported += len(missing)
        sentences_unsupported += bool(missing)
        cited = [by_id[c] for c in point.citations if c in by_id] or [everything]
        unsupported_cited += len(guard.unsupported(point.text, cited))
    return {
        "sentences": len(briefing.points),
        "rewritten": sum(p.rewritten for p in briefing.points),
        "replaced": briefing.replaced,
        "unsupported_final": unsupported,
        "unsupported_sentences": sentences_unsupported,
        "unsupported_cited": unsupported_cited,
    }


def faithfulness(
    clusters: Sequence[Cluster],
    words: int,
    model: str | None,
    scorer: Rouge | None = None,
    progress: bool = True,
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
            }
        )
    return rows


def totals(rows: Sequence[dict[str, Any]]) -> dict[str, Any]:
    keys = (
        "sentences",
        "rewritten",
        "replaced",
        "unsupported_final",
        "unsupported_sentences",
        "unsupported_cited",
        "fell_back",
    )
    out: dict[str, Any] = {k: int(sum(r[k] for r in rows)) for k in keys}
    out["clusters"] = len(rows)
    for key in ("r2_abstractive", "r2_extractive", "seconds"):
        out[key] = statistics.fmean(r[key] for r in rows) if rows else None
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
    lines = ["## 2. Generation speed (greedy, same prompt)", ""]
    rows = []
    for r in speed["variants"]:
        if not r["ok"]:
            rows.append([r["dtype"], "failed", "", "", "", "", r["error"]])
            continue
        rows.append(
            [
                r["dtype"],
                _f(r["tokens_per_s"], 1),
                _f(r.get("decode_tokens_per_s"), 1),
                _f(r["ttft_s"], 3),
                f"{_f(r.get('speedup'))}x",
                r["tokens"],
                r["same_prefix_as_float32"],
            ]
        )
    lines += table(
        [
            "dtype",
            "tokens/s",
            "decode tokens/s",
            "TTFT s",
            "vs float32",
            "tokens",
            "same first N tokens as float32",
        ],
        rows,
    )
    best = max(
        (r for r in speed["variants"] if r["ok"] and r["dtype"] != "float32"),
        key=lambda r: r.get("speedup") or 0,
        default=None,
    )
    if best is not None and best.get("speedup"):
        verdict = "meets" if best["speedup"] >= SPEEDUP_TARGET else "misses"
        lines += [
            "",
            f"**Best: {best['dtype']} at {best['speedup']:.2f}x float32** "
            f"(target {SPEEDUP_TARGET:.0f}x: {verdict}).",
        ]
    lines += [
        "",
        f"Prompt: rewrite's own first chunk for the seeds' 150-word extractive briefing "
        f"({speed['prompt_tokens']} tokens). Exactly {speed['new_tokens']} new tokens per "
        "run (`min_new_tokens = max_new_tokens`), greedy; median of the timed runs after "
        "one warm-up per dtype. tokens/s = new tokens / generate() wall time (prefill "
        "included); decode tokens/s excludes the first token; TTFT = prefill + first "
        "token. int8 = `torch.ao.quantization.quantize_dynamic` on the float32 model "
        "(Linear layers, qint8). The last column shows where greedy output starts to "
        "differ from float32's.",
        "",
    ]
    return lines


def _faith_lines(sets: dict[str, dict[str, Any]]) -> list[str]:
    lines = ["## 3. Faithfulness of the final abstractive briefing", ""]
    head = [
        "set",
        "clusters",
        "sentences",
        "rewritten",
        "replaced by guard",
        "unsupported (final)",
        "unsupported vs cited",
        "fell back",
        "R2 F1 abstr.",
        "R2 F1 extr.",
        "s/cluster",
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
                t["replaced"],
                t["unsupported_final"],
                t["unsupported_cited"],
                t["fell_back"],
                _f(100 * t["r2_abstractive"]),
                _f(100 * t["r2_extractive"]),
                _f(t["seconds"], 1),
            ]
        )
    lines += table(head, rows)
    lines += [
        "",
        "Target: 0 unsupported names/numbers/dates in the final text. *unsupported "
        "(final)* = facts `summarize.guard.unsupported` finds in a final point against "
        "all the cluster's articles; *vs cited* = against the articles the point cites "
        "only. *replaced by guard* = `briefing.replaced` (rewritten sentences that failed "
        "the guard and were repaired or swapped for the extracted one). *fell back* = "
        "clusters whose briefing has no rewritten sentence. ROUGE-2 F1 x100 against the "
        "references, both modes cut to the budget, as in `benchmarks rouge`.",
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
                    r["replaced"],
                    r["unsupported_final"],
                    r["unsupported_cited"],
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
            "replaced",
            "unsupported",
            "vs cited",
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
    from models.load import clear_cache, load

    say = _stderr if progress else _quiet
    out.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    average: dict[str, Any] = {"start": load_average()}
    say(f"load average {average['start']}")
    loads = load_times(model, load_runs, first_load=first_load, say=say)
    average["before_speed"] = load_average()
    say("speed: loading the model in this process")
    # The dtype variants are built from the stored weights, whatever SUMMARIZE_DTYPE asks for;
    # the faithfulness runs below then use the dtype the user chose.
    chosen_dtype = os.environ.pop("SUMMARIZE_DTYPE", None)
    try:
        loaded = load(model)
        speed = generation_speed(loaded, seeds_prompt(loaded), new_tokens, runs, say=say)
    finally:
        if chosen_dtype is not None:
            os.environ["SUMMARIZE_DTYPE"] = chosen_dtype
            clear_cache()
    average["before_faithfulness"] = load_average()
    scorer = Rouge()
    sets: dict[str, dict[str, Any]] = {}
    seeds = load_seeds()
    rows = faithfulness(seeds.clusters, SEED_WORDS, model, scorer, progress)
    sets["seeds"] = {"words": SEED_WORDS, "rows": rows, "totals": totals(rows)}
    if MULTINEWS.is_file():
        say(f"faithfulness: reading the first {limit} Multi-News dev clusters in place")
        dataset = load_jsonl(MULTINEWS, "multinews", limit)
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
