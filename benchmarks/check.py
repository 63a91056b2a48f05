"""`check`: the faithfulness checker on labelled sentences it was not written for.

Labelled sets, each written by someone who never saw the checker's code:

- `dev-claims-a`, `dev-claims-c`: claims about 70 Multi-News dev clusters, by two writers — the
  sets the checker's lists and thresholds were tuned on;
- `stories`: 8 invented multi-outlet stories, self-contained (the CI tests use them), also
  looked at while tuning;
- `dev-claims-b`: claims about 35 other clusters by a third writer — held out until its
  false alarms were read once (Nov 22), so now a tuning set too;
- `dev-claims-e`, `dev-claims-f`: 188 and 185 claims about 62 further clusters by a fifth and a
  sixth writer who never saw the checker; measured once untouched (Nov 23: e 61.5 % recall /
  29.9 % false alarms, f 65.6 / 21.0), then tuning sets;
- `dev-claims-g`: 176 claims about the last 42 dev clusters by a seventh writer who never saw
  the checker; measured once untouched (Nov 23: 72.3 % recall / 28.0 % false alarms), then a
  tuning set;
- `dev-claims-h`: 182 claims by an eighth writer who never saw the checker, about 40 clusters
  that a, b and c used (none of d's); measured once untouched (Nov 23: 72.6 % recall / 15.3 %
  false alarms), then a tuning set;
- `dev-claims-i`: 211 claims by a ninth writer who never saw the checker, about 40 clusters
  that e, f and g used (none of d's); measured once untouched (Nov 23: 62.1 % recall / 16.7 %
  false alarms), then a tuning set;
- `dev-claims-k`: 217 claims by an eleventh writer who never saw the checker, about 40 clusters
  that e, f, g and a, b, c used (none of d's, h's, i's or j's); measured once untouched (Nov 24:
  67.0 % recall / 28.9 % false alarms), then a tuning set;
- `dev-claims-l`: 200 claims by a twelfth writer who never saw the checker, about 40 clusters
  only one other set used (none of d's or j's); dense faithful sentences (44, most the pair of
  three or four edits) and 12 edits of each kind; measured once untouched (Nov 24: 83.3 %
  recall / 65.9 % false alarms), then a tuning set;
- `dev-claims-d`: 178 claims about 37 further clusters by a fourth writer who never saw the
  checker's code — held out: only its totals are read;
- `dev-claims-j`: 211 claims by a tenth writer who never saw the checker, about 40 clusters
  that a, b and c used (none of d's, h's or i's) — held out like d (Nov 24): only its totals
  and per-category counts are read;
- `dev-claims-m`: 229 claims (115 faithful, 114 edits) by a thirteenth writer who never saw
  the checker, about 40 clusters two other sets used at most (none of d's, j's or l's) — held
  out like d and j (Nov 24): first measure 64.0 % recall / 21.7 % false alarms (the stop's
  starting checker: 64.0 / 22.6 %); only its totals and per-category counts are read;
- `dev-claims-n`: 240 claims (120 faithful, 120 edits) by a fourteenth writer who never saw
  the checker, about 40 clusters no held-out set used — held out like d, j and m (Nov 24):
  first measure 70.8 % recall / 17.5 % false alarms (the same at the stop's starting checker);
  only its totals and per-category counts are read. On Nov 24 its first 78 claims (clusters
  000 to 096) were shown once by accident while the writer's scripts were looked up; no change
  was made for them;
- `dev-claims-o`: 240 claims (120 faithful, 120 edits) by a fifteenth writer who never saw the
  checker, about 40 clusters that only tuning sets used (none of the new-user audit's) — held
  out like d, j, m and n (Nov 24): first measure 66.7 % recall / 22.5 % false alarms; only its
  totals and per-category counts are read;
- `dev-claims-p`: 240 claims by a sixteenth writer who never saw the checker, about 40 other
  clusters that only tuning sets used, with more edits of the kinds held-out sets catch least
  (14 each of polarity, entity, swapped roles, invented events; 4 of each number kind);
  measured once untouched (Nov 24: 60.0 % recall / 30.8 % false alarms), then a tuning set.

Every unfaithful claim is a one-error edit of a faithful one, by category (a wrong number, unit,
vague amount, title, speaker, place, day, negation, antonym, doer, swapped roles, an invented
event). Recall is the share of unfaithful claims flagged; the false-alarm rate the share of
faithful ones flagged. Multi-News sources are read in place; the report holds ids and verdicts.

With the dev set present, two citation measures follow: supports that contradict their point
(before and after the fact layer), and 160 labelled supports (`citations-dev.jsonl`): how many
of those that state their point, state it in part or do not, the current rule still gives.
"""

from __future__ import annotations

import json
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from summarize.checker import Checker
from summarize.schema import Article

from .data import MULTINEWS, ROOT, articles_from_raw
from .report import header, table, write_json

CLAIMS = ROOT / "tests" / "data" / "check"
SETS = (
    "dev-claims-a",
    "dev-claims-b",
    "dev-claims-c",
    "dev-claims-e",
    "dev-claims-f",
    "dev-claims-g",
    "dev-claims-h",
    "dev-claims-i",
    "dev-claims-k",
    "dev-claims-l",
    "dev-claims-p",
    "stories",
    "dev-claims-d",
    "dev-claims-j",
    "dev-claims-m",
    "dev-claims-n",
    "dev-claims-o",
)
RECALL_TARGET = 0.90
FALSE_ALARM_TARGET = 0.10


@dataclass(frozen=True)
class Claim:
    id: str
    text: str
    faithful: bool
    category: str


@dataclass(frozen=True)
class Case:
    """The sources of one story and the claims written about them."""

    id: str
    articles: tuple[Article, ...]
    claims: tuple[Claim, ...]


def _claim(record: dict[str, Any]) -> Claim:
    return Claim(record["id"], record["claim"], record["label"] == "faithful", record["category"])


def load_cases(name: str) -> list[Case]:
    path = CLAIMS / f"{name}.jsonl"
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    if name == "stories":
        from summarize.ingest import _parse_date

        cases = []
        for story in records:
            articles = tuple(
                Article(
                    id=n,
                    label=a["source"],
                    text=a["text"],
                    title=a.get("title"),
                    date=_parse_date(a.get("date")),
                    source=a["source"],
                )
                for n, a in enumerate(story["articles"], start=1)
            )
            cases.append(Case(story["story"], articles, tuple(_claim(c) for c in story["claims"])))
        return cases
    if not MULTINEWS.exists():
        from summarize.errors import SummarizeError

        raise SummarizeError(f"{MULTINEWS} is missing", "the Multi-News dev file is read in place")
    clusters = {}
    for line in MULTINEWS.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        clusters[row["id"]] = row["documents"]
    grouped: dict[str, list[Claim]] = defaultdict(list)
    for record in records:
        grouped[record["cluster"]].append(_claim(record))
    return [
        Case(cluster, articles_from_raw(clusters[cluster]), tuple(claims))
        for cluster, claims in grouped.items()
    ]


@dataclass(frozen=True)
class Outcome:
    claim: Claim
    flagged: bool
    kinds: tuple[str, ...]
    details: tuple[str, ...]


def evaluate(cases: Sequence[Case]) -> list[Outcome]:
    outcomes = []
    for case in cases:
        checker = Checker(case.articles)
        for claim in case.claims:
            verdict = checker.verify(claim.text)
            outcomes.append(
                Outcome(
                    claim,
                    not verdict.supported,
                    tuple(p.kind for p in verdict.problems),
                    tuple(f"{p.kind}: {p.span} — {p.detail}" for p in verdict.problems),
                )
            )
    return outcomes


def summarise(outcomes: Sequence[Outcome]) -> dict[str, Any]:
    unfaithful = [o for o in outcomes if not o.claim.faithful]
    faithful = [o for o in outcomes if o.claim.faithful]
    by_category: dict[str, dict[str, Any]] = {}
    for category in sorted({o.claim.category for o in outcomes}):
        group = [o for o in outcomes if o.claim.category == category]
        flagged = sum(o.flagged for o in group)
        by_category[category] = {
            "label": "faithful" if group[0].claim.faithful else "unfaithful",
            "claims": len(group),
            "flagged": flagged,
            "rate": round(flagged / len(group), 4),
        }
    recall = sum(o.flagged for o in unfaithful) / max(1, len(unfaithful))
    false_alarms = sum(o.flagged for o in faithful) / max(1, len(faithful))
    return {
        "claims": len(outcomes),
        "unfaithful": len(unfaithful),
        "faithful": len(faithful),
        "recall": round(recall, 4),
        "false_alarm_rate": round(false_alarms, 4),
        "by_category": by_category,
        "problem_kinds_on_unfaithful": dict(Counter(k for o in unfaithful for k in set(o.kinds))),
        "problem_kinds_on_faithful": dict(Counter(k for o in faithful for k in set(o.kinds))),
    }


def _report(
    results: dict[str, dict[str, Any]],
    env: dict[str, Any],
    seconds: float,
    cited: dict[str, CitationCount] | None = None,
    labelled: LabelledCitations | None = None,
) -> str:
    lines = header("Faithfulness checker on labelled claims", env)
    lines += [
        "Recall: share of unfaithful claims flagged (target ≥ 90 %). False alarms: share of "
        "faithful claims flagged (target ≤ 10 %). The checker was tuned on `dev-claims-a`, "
        "`-b`, `-c`, `-e`, `-f`, `-g`, `-h`, `-i`, `-k`, `-l`, `-p` and `stories`; "
        "`dev-claims-d`, `-j`, `-m`, `-n` and `-o` are held out (each written by someone who "
        "never saw the checker; their sentences were never read while tuning, except 78 of "
        "n's, shown once by accident and not acted on), the closest measure here of sentences "
        "nobody tuned on (first measures, Nov 24: j 53.9 / 19.3 %, m 64.0 / 21.7 %, n 70.8 / "
        "17.5 %, o 66.7 / 22.5 %). Each of e, f, g, h, i, k, l and p was measured once before "
        "it was read (e 61.5 / 29.9 %, f 65.6 / 21.0 %, g 72.3 / 28.0 %, h 72.6 / 15.3 %, i "
        "62.1 / 16.7 %, k 67.0 / 28.9 %, l 83.3 / 65.9 %, p 60.0 / 30.8 %): sentences by a new "
        "writer. Set l's faithful sentences are few (44) and dense, most "
        "the pair of three or four edits, so its false-alarm rate weighs one hard sentence "
        "four times.",
        "",
    ]
    rows = []
    for name, result in results.items():
        rows.append(
            [
                name,
                str(result["claims"]),
                f"{100 * result['recall']:.1f} % of {result['unfaithful']}",
                f"{100 * result['false_alarm_rate']:.1f} % of {result['faithful']}",
            ]
        )
    lines += [*table(["set", "claims", "recall", "false alarms"], rows), ""]
    categories = sorted({c for r in results.values() for c in r["by_category"]})
    rows = []
    for category in categories:
        label = next(
            r["by_category"][category]["label"]
            for r in results.values()
            if category in r["by_category"]
        )
        cells = []
        for result in results.values():
            cell = result["by_category"].get(category)
            cells.append(f"{cell['flagged']}/{cell['claims']}" if cell else "–")
        rows.append([category, label, *cells])
    lines += ["Flagged per category (unfaithful: want all; faithful: want none):", ""]
    lines += table(["category", "label", *results], rows, "ll" + "r" * len(results))
    lines += ["", f"Checked in {seconds:.1f} s.", ""]
    if cited is not None:
        lines += [
            "## Citations on the Multi-News dev set (246 clusters, default method, 250 words)",
            "",
            "A support is *conflicting* when its sentence gives the point's figure or day "
            "differently (the fact layer's own comparison, `summarize.cite.compare`).",
            "",
        ]
        lines += table(
            ["citation rule", "points", "supports", "conflicting supports"],
            [
                [
                    "TF-IDF cosine ≥ 0.3 (before)",
                    cited["lexical"].points,
                    cited["lexical"].supports,
                    cited["lexical"].conflicting,
                ],
                [
                    "facts stated, none contradicted (now)",
                    cited["facts"].points,
                    cited["facts"].supports,
                    cited["facts"].conflicting,
                ],
            ],
        )
        lines.append("")
    if labelled is not None:
        lines += [
            "## Labelled supports (is the outlet cited for what it says?)",
            "",
            f"{labelled.found} supports that the earlier rule (half the point's words stated) "
            "gave single-sentence points on dev clusters at 250 words, labelled by a reader "
            "who did not see the rules (`tests/data/check/citations-dev.jsonl`). *Kept*: the "
            "current rule still gives the support.",
            "",
        ]
        lines += table(
            ["label", "labelled", "kept"],
            [[n, labelled.labelled[n], labelled.kept[n]] for n in ("yes", "partial", "no")],
        )
        before = labelled.labelled["yes"] / max(1, sum(labelled.labelled.values()))
        lines += [
            "",
            f"Precision (kept supports that state the point): {100 * labelled.precision:.0f} % "
            f"(earlier rule {100 * before:.0f} %); stated supports kept: "
            f"{100 * labelled.recall:.0f} %.",
            "",
        ]
    return "\n".join(lines)


def run(
    out: Path,
    env: dict[str, Any],
    sets: Sequence[str] = SETS,
    verbose: bool = False,
    citations: bool = True,
) -> dict[str, Path]:
    started = time.perf_counter()
    results: dict[str, dict[str, Any]] = {}
    per_claim: dict[str, list[dict[str, Any]]] = {}
    for name in sets:
        outcomes = evaluate(load_cases(name))
        results[name] = summarise(outcomes)
        per_claim[name] = [
            {
                "id": o.claim.id,
                "faithful": o.claim.faithful,
                "flagged": o.flagged,
                "kinds": list(o.kinds),
            }
            for o in outcomes
        ]
        if verbose:
            for o in outcomes:
                if o.flagged == o.claim.faithful:
                    what = "FALSE ALARM" if o.claim.faithful else "MISSED"
                    print(f"[{name}] {what} {o.claim.id} ({o.claim.category}): {o.claim.text}",
                          file=sys.stderr)  # fmt: skip
                    for detail in o.details:
                        print(f"      {detail}", file=sys.stderr)
    seconds = time.perf_counter() - started
    cited = citation_precision() if citations and MULTINEWS.exists() else None
    labelled = labelled_citations() if citations and MULTINEWS.exists() else None
    out.mkdir(parents=True, exist_ok=True)
    md = out / "check.md"
    md.write_text(_report(results, env, seconds, cited, labelled), encoding="utf-8")
    data = out / "check.json"
    write_json(
        data,
        {
            "environment": env,
            "results": results,
            "citations": None if cited is None else {k: vars(v) for k, v in cited.items()},
            "labelled_citations": None if labelled is None else vars(labelled),
            "claims": per_claim,
        },
    )
    return {"markdown": md, "json": data}


# -- citations on the Multi-News dev set --------------------------------------------------------


@dataclass(frozen=True)
class CitationCount:
    points: int
    supports: int
    conflicting: int
    """Supports whose sentence contradicts its point in a figure or a date."""


def _lexical_supports(corpus: Any, rows: Sequence[int], threshold: float = 0.3) -> list[list[Any]]:
    """The citation rule before the fact layer: every other article whose closest sentence has a
    TF-IDF cosine of at least 0.3 with the point. Kept here only to measure what changed."""
    import numpy as np

    from summarize.similarity import cosines, doc_bounds

    sims = cosines(corpus.matrix, rows)
    found = []
    for r, i in enumerate(rows):
        per_point = []
        for start, end in doc_bounds(corpus.doc):
            if corpus.doc[start] == corpus.doc[i]:
                continue
            j = start + int(np.argmax(sims[r, start:end]))
            if sims[r, j] >= threshold:
                per_point.append(corpus.sentences[j])
        found.append(per_point)
    return found


def citation_precision(limit: int | None = None, words: int = 250) -> dict[str, CitationCount]:
    """Supports that contradict their point, with the old lexical rule and with the fact layer."""
    from summarize import corpus as corpus_module
    from summarize import registry
    from summarize.cite import compare
    from summarize.facts import analyse

    from .data import load_dataset

    counts = {"lexical": [0, 0, 0], "facts": [0, 0, 0]}
    for cluster in load_dataset("multinews", limit).clusters:
        corpus = corpus_module.build(cluster.articles)
        if not len(corpus):
            continue
        ranker = registry.get(registry.DEFAULT_METHOD)()
        scores = ranker.scores(corpus, corpus.matrix)
        rows = ranker.choose(corpus, scores, words)
        if not rows:
            continue
        from summarize.cite import cite

        dates = {a.id: a.date for a in corpus.articles}
        for kind, supports in (
            ("lexical", _lexical_supports(corpus, rows)),
            ("facts", [[s.sentence for s in c.support] for c in cite(corpus, rows)]),
        ):
            for i, sentences in zip(rows, supports, strict=True):
                point = corpus.sentences[i]
                counts[kind][0] += 1
                for sentence in sentences:
                    counts[kind][1] += 1
                    verdict = compare(
                        analyse(point.text),
                        analyse(sentence.text),
                        dates.get(point.doc_id),
                        dates.get(sentence.doc_id),
                    )
                    if any(c.kind in ("number", "date") for c in verdict.conflicts):
                        counts[kind][2] += 1
    return {k: CitationCount(*v) for k, v in counts.items()}


# -- labelled supports ---------------------------------------------------------------------------

LABELLED_CITATIONS = CLAIMS / "citations-dev.jsonl"
"""160 supports the earlier citation rule (half the point's words stated) gave single-sentence
points of the default briefing at 250 words on dev clusters, labelled by a reader who did not
see the rules: "yes" (the sentence states the point's main fact), "partial" or "no". Points and
sentences are named by a hash of their text, so no dev text is stored (research-only licence)."""


@dataclass(frozen=True)
class LabelledCitations:
    found: int
    """Labelled supports whose point is still in its briefing (the rest cannot be judged)."""
    kept: dict[str, int]
    """Of those, by label, the supports the current rule still gives."""
    labelled: dict[str, int]

    @property
    def precision(self) -> float:
        return self.kept["yes"] / max(1, sum(self.kept.values()))

    @property
    def recall(self) -> float:
        return self.kept["yes"] / max(1, self.labelled["yes"])


def _text_key(text: str) -> str:
    import hashlib

    return hashlib.sha1(" ".join(text.split()).encode("utf-8")).hexdigest()[:16]


def labelled_citations(words: int = 250) -> LabelledCitations:
    """How the current citation rule treats the labelled supports: which it still gives."""
    from summarize import summarize

    from .data import load_dataset

    labels = [json.loads(line) for line in LABELLED_CITATIONS.read_text("utf-8").splitlines()]
    wanted = {label["cluster"] for label in labels}
    kept: Counter[str] = Counter()
    labelled: Counter[str] = Counter()
    found = 0
    for cluster in load_dataset("multinews").clusters:
        if cluster.id not in wanted:
            continue
        briefing = summarize(cluster.articles, words=words)
        given = {
            (_text_key(p.text), _text_key(s.sentence.text))
            for p in briefing.points
            for s in p.support
        }
        points = {_text_key(p.text) for p in briefing.points}
        for label in labels:
            if label["cluster"] != cluster.id or label["point"] not in points:
                continue
            found += 1
            labelled[label["label"]] += 1
            kept[label["label"]] += (label["point"], label["sentence"]) in given
    names = ("yes", "partial", "no")
    return LabelledCitations(found, {n: kept[n] for n in names}, {n: labelled[n] for n in names})
