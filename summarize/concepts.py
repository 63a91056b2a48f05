"""Concept coverage under a word budget, solved exactly (Gillick & Favre 2009, ICSISumm).

A concept is a stemmed word bigram (stop-word-only bigrams dropped); it weighs by how many
sources hold it, each counting more the earlier it states it (`weigh`), so a briefing that
covers what most sources lead with scores highest. The briefing is the set of sentences that
covers the most concept weight (plus a salience bonus per sentence) within the budget: an
integer program, where each concept counts once however many chosen sentences hold it, so
redundancy is paid for, not filtered afterwards.

`solve` takes the program's parts as plain arrays so it can be tested against brute force.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

import numpy as np

from . import tuning
from .corpus import Corpus
from .sentences import stem, stop_words, words


@dataclass(frozen=True)
class Program:
    """One selection problem: sentence lengths, their concepts, weights and constraints."""

    lengths: np.ndarray
    """Words per candidate sentence."""
    concepts: tuple[tuple[int, ...], ...]
    """Concept ids each candidate contains."""
    weights: np.ndarray
    """Weight of each concept id."""
    bonus: np.ndarray
    """Value of choosing each candidate beyond its concepts (salience)."""
    budget: int
    requires: tuple[tuple[int, int], ...] = ()
    """(j, k): candidate j may be chosen only with candidate k (its antecedent)."""
    excludes: tuple[tuple[int, int], ...] = ()
    """(j, k): never both (one restates the other)."""
    only_with: tuple[tuple[int, tuple[int, ...]], ...] = ()
    """(j, ks): candidate j may be chosen only with one of ks (it cannot stand alone)."""
    one_of: tuple[int, ...] = ()
    """At least one of these is chosen (when given): a sentence that can open the briefing."""


def bigrams(text: str) -> set[str]:
    """Stemmed bigrams of a sentence, without those made of stop words only."""
    stops = stop_words()
    tokens = words(text)
    found = set()
    for a, b in pairwise(tokens):
        if a in stops and b in stops:
            continue
        found.add(f"{stem(a)} {stem(b)}")
    return found


def weigh(corpus: Corpus, rows: Sequence[int]) -> tuple[list[set[str]], dict[str, float]]:
    """Bigrams of each row, and the weight of each: summed over the sources that hold it, how
    early each first states it (1 / sqrt(1 + position) of its earliest sentence holding it).

    A concept only one source holds weighs nothing (with a single source, every concept weighs
    1): what several sources report is what the story is; leads state it first.
    """
    found = [bigrams(corpus.sentences[j].text) for j in rows]
    wanted = set().union(*found) if found else set()
    earliest: dict[str, dict[int, float]] = {}
    decay = tuning.COVERAGE.position_decay
    for i, sentence in enumerate(corpus.sentences):
        held = bigrams(sentence.text) & wanted
        if not held:
            continue
        weight = 1.0 / (1.0 + float(corpus.position[i])) ** decay
        doc = int(corpus.doc[i])
        for concept in sorted(held):  # a set's order follows string hashing, which varies
            per_doc = earliest.setdefault(concept, {})
            if weight > per_doc.get(doc, 0.0):
                per_doc[doc] = weight
    if corpus.n_docs == 1:
        return found, dict.fromkeys(earliest, 1.0)
    return found, {c: sum(d.values()) for c, d in earliest.items() if len(d) >= 2}


NODE_LIMIT = 2_000
"""HiGHS stops after this many branch-and-bound nodes and keeps its best answer. A count of
nodes, not of seconds, so that a loaded machine chooses the same sentences as an idle one (with
a 5 s time limit, one dev cluster's briefing changed on a throttled machine). The 738 programs of
the 246 Multi-News dev clusters at 100, 250 and 400 words all end optimal within 35 nodes (the
slowest in 0.34 s); pools of 50-500 dev articles within 1."""

TIME_LIMIT_S = 120.0
"""The last guard, for a program far beyond any measured: past it the answer depends on the
machine's speed, so it is set where no measured program comes near (slowest: 0.34 s)."""


_HIGHS_OPTIONS: tuple[tuple[str, bool | int | float], ...] = (
    ("output_flag", False),  # first, so that setting the others logs nothing either
    ("log_to_console", False),
    ("threads", 1),
    ("random_seed", 0),
    ("mip_rel_gap", 1e-4),
    ("mip_abs_gap", 1e-6),
    # speed only: where the search goes, never when it may stop (the gaps above)
    ("mip_pool_soft_limit", 1),
    ("mip_heuristic_run_feasibility_jump", False),
    ("mip_heuristic_run_rins", False),
    ("mip_heuristic_run_rens", False),
)
"""HiGHS's settings, spelled out so that another HiGHS version cannot move them: silent; one
thread (the programs are small, and no solver threads linger in a process that may fork batch
workers); the default seed; and HiGHS's default optimality gaps, the ones `scipy.optimize.milp`
ran with before `highspy` (the same selections on the seeds and all 246 dev clusters).

The last four drop work that does not pay on programs this small: a cut pool that keeps one
cut beyond those in the LP, and no feasibility-jump, RINS or RENS heuristics (rounding and the
root reduced-cost sub-MIP still find the incumbents). Over 750 programs (the 246 dev clusters
at 100, 250 and 400 words, the seeds at 100-400, pools of 50-2000 dev articles) they chose the
same sentences as HiGHS's defaults in 40-60 % less solve time (seeds at 150 words 0.40 ->
0.26 s)."""


def solve(
    program: Program, node_limit: int = NODE_LIMIT, time_limit: float = TIME_LIMIT_S
) -> list[int]:
    """Indices of the candidates an optimal selection chooses (empty if none fits).

    Variables: one 0/1 per candidate, one in [0, 1] per concept. A concept counts only if a
    chosen candidate contains it; lengths sum to at most the budget. Weights are non-negative,
    so the solver turns a concept fully on whenever it can and "contains" needs only the one
    direction; for the same reason concepts need not be declared integer (with the candidates
    integral a concept's best value is 0 or 1), which leaves branch and bound only the
    candidates: the same optimum on 82 dev and seed programs, 1.7x faster in all (worst solve
    1.43 s -> 0.52 s). Folding one-holder concepts into bonuses and merging concepts with the
    same holders was tried too and gained nothing (HiGHS's presolve does as much).

    HiGHS is called through `highspy`, not `scipy.optimize.milp`: importing scipy.optimize
    cost every process 0.3-0.8 s (its decorators parse hundreds of docstrings), `highspy`
    about 0.01 s once numpy is in.
    """
    import highspy

    n = len(program.lengths)
    m = len(program.weights)
    if n == 0:
        return []
    # the constraint matrix column by column (rows are added in order, so each column's row
    # indices come out sorted), with each row's bounds
    columns: list[list[tuple[int, float]]] = [[] for _ in range(n + m)]
    lower: list[float] = []
    upper: list[float] = []

    def constraint(terms: Sequence[tuple[int, float]], lo: float, hi: float) -> None:
        r = len(lower)
        for col, value in terms:
            column = columns[col]
            if column and column[-1][0] == r:  # a repeated term: summed, as HiGHS wants one
                column[-1] = (r, column[-1][1] + value)
            else:
                column.append((r, value))
        lower.append(lo)
        upper.append(hi)

    constraint([(j, float(program.lengths[j])) for j in range(n)], -np.inf, program.budget)
    holders: list[list[int]] = [[] for _ in range(m)]
    for j, concepts in enumerate(program.concepts):
        for c in concepts:
            holders[c].append(j)
    for c, held in enumerate(holders):
        # concept c counts only if some chosen candidate holds it: sum(s_j) - c >= 0
        constraint([*((j, 1.0) for j in held), (n + c, -1.0)], 0.0, np.inf)
    for j, k in program.requires:
        constraint([(j, 1.0), (k, -1.0)], -np.inf, 0.0)
    for j, k in program.excludes:
        constraint([(j, 1.0), (k, 1.0)], -np.inf, 1.0)
    for j, ks in program.only_with:
        constraint([(j, 1.0), *((k, -1.0) for k in ks)], -np.inf, 0.0)
    if program.one_of:
        constraint([(j, 1.0) for j in program.one_of], 1.0, np.inf)

    start = np.zeros(n + m + 1, dtype=np.int32)
    start[1:] = np.cumsum([len(column) for column in columns])
    entries = [entry for column in columns for entry in column]
    index = np.array([r for r, _ in entries], dtype=np.int32)
    value = np.array([v for _, v in entries], dtype=np.float64)
    objective = -np.concatenate([program.bonus, program.weights]).astype(np.float64)

    highs = highspy.Highs()
    stops = (("mip_max_nodes", int(node_limit)), ("time_limit", float(time_limit)))
    for option, setting in (*_HIGHS_OPTIONS, *stops):
        if highs.setOptionValue(option, setting) != highspy.HighsStatus.kOk:
            raise RuntimeError(f"HiGHS refused option {option}={setting!r}")
    passed = highs.passModel(
        n + m,
        len(lower),
        len(value),
        int(highspy.MatrixFormat.kColwise),
        int(highspy.ObjSense.kMinimize),
        0.0,
        objective,
        np.zeros(n + m),
        np.ones(n + m),
        np.array(lower, dtype=np.float64),
        np.array(upper, dtype=np.float64),
        start,
        index,
        value,
        np.concatenate([np.ones(n), np.zeros(m)]).astype(np.int32),
    )
    if passed == highspy.HighsStatus.kError:
        raise RuntimeError("HiGHS refused the selection program")
    highs.run()  # may print to fd 1 from C: see `output.stdout_to_stderr`
    status = highs.getModelStatus()
    limits = (
        highspy.HighsModelStatus.kTimeLimit,
        highspy.HighsModelStatus.kIterationLimit,
        highspy.HighsModelStatus.kSolutionLimit,
    )
    stopped = status in limits and highs.getInfo().objective_function_value < highspy.kHighsInf
    if status != highspy.HighsModelStatus.kOptimal and not stopped:
        return []  # infeasible (nothing that may open the briefing fits)
    x = highs.getSolution().col_value
    return [j for j in range(n) if x[j] > 0.5]
