"""The benchmark harness: ROUGE wrapper against hand-computed values, budget cut, bootstrap,
oracle, and small end-to-end runs of `python -m benchmarks` into a temporary folder."""

from __future__ import annotations

import json
from fractions import Fraction as Fr
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from benchmarks.data import Cluster
from benchmarks.rouge import (
    MEASURES,
    ROUGE_TYPES,
    Rouge,
    aggregate,
    bootstrap_ci,
    count_words,
    reference_bootstrap_ci,
    sentence_lines,
    truncate_words,
)
from summarize.cli import main as summarize_main

pytest.importorskip("rouge_score")


def main(argv: list[str]) -> int:
    """`summarize bench ...`, the way a user runs the benchmarks."""
    return summarize_main(["bench", *argv])


def _f1(p: Fr, r: Fr) -> float:
    return float(2 * p * r / (p + r)) if p + r else 0.0


def _expect(scores: np.ndarray, kind: str, p: Fr, r: Fr) -> None:
    got = scores[ROUGE_TYPES.index(kind)]
    assert got[MEASURES.index("precision")] == pytest.approx(float(p))
    assert got[MEASURES.index("recall")] == pytest.approx(float(r))
    assert got[MEASURES.index("fmeasure")] == pytest.approx(_f1(p, r))


@pytest.fixture(scope="module")
def rouge() -> Rouge:
    return Rouge(stemming=True)


# --- ROUGE against hand-computed values --------------------------------------------------------


def test_rouge_by_hand_precision_and_recall_differ(rouge: Rouge) -> None:
    # candidate: police arrested two men (4 tokens, 3 bigrams)
    # reference: police arrested the two men on friday (7 tokens, 6 bigrams)
    scores = rouge.score("Police arrested two men.", ["Police arrested the two men on Friday."])[0]
    _expect(scores, "rouge1", Fr(4, 4), Fr(4, 7))  # all 4 unigrams match
    _expect(scores, "rouge2", Fr(2, 3), Fr(2, 6))  # "police arrested", "two men"
    _expect(scores, "rougeL", Fr(4, 4), Fr(4, 7))  # LCS = the whole candidate
    _expect(scores, "rougeLsum", Fr(4, 4), Fr(4, 7))


def test_rouge_stemming_by_hand() -> None:
    candidate, reference = "Police arrested two men.", "The police arrest two men."
    plain = Rouge(stemming=False).score(candidate, [reference])[0]
    _expect(plain, "rouge1", Fr(3, 4), Fr(3, 5))  # police, two, men
    _expect(plain, "rouge2", Fr(1, 3), Fr(1, 4))  # "two men"
    _expect(plain, "rougeL", Fr(3, 4), Fr(3, 5))
    stemmed = Rouge(stemming=True).score(candidate, [reference])[0]
    _expect(stemmed, "rouge1", Fr(4, 4), Fr(4, 5))  # arrested ~ arrest
    _expect(stemmed, "rouge2", Fr(3, 3), Fr(3, 4))  # police arrest, arrest two, two men
    _expect(stemmed, "rougeL", Fr(4, 4), Fr(4, 5))


def test_rouge_lsum_two_lines_by_hand(rouge: Rouge) -> None:
    # Reference sentences: [the cat sat] [the dog ran]; candidate: [the dog sat] [the cat ran].
    # Lsum: the union LCS of each reference sentence over the candidate sentences covers it all
    # (the+sat | the+cat -> the cat sat; the+dog | the+ran -> the dog ran): 6/6.
    # Plain ROUGE-L over the flat token strings: LCS "the sat the ran" = 4 of 6.
    reference, candidate = "The cat sat. The dog ran.", "The dog sat. The cat ran."
    assert sentence_lines(candidate) == "The dog sat.\nThe cat ran."
    scores = rouge.score(candidate, [reference])[0]
    _expect(scores, "rougeLsum", Fr(6, 6), Fr(6, 6))
    _expect(scores, "rougeL", Fr(4, 6), Fr(4, 6))
    # Layout does not matter: both texts are re-split by the same Punkt tokenizer.
    again = rouge.score("The dog sat.\n\nThe cat ran.", ["The cat sat.\nThe dog ran."])[0]
    np.testing.assert_allclose(again, scores)


def test_several_references_avg_and_max(rouge: Rouge) -> None:
    per_ref = rouge.score(
        "Police arrested two men.",
        ["Police arrested the two men on Friday.", "Two men were arrested."],
    )
    assert per_ref.shape == (2, len(ROUGE_TYPES), len(MEASURES))
    np.testing.assert_allclose(aggregate(per_ref, "avg"), per_ref.mean(axis=0))
    best = aggregate(per_ref, "max")
    f = MEASURES.index("fmeasure")
    np.testing.assert_allclose(best[:, f], per_ref[:, :, f].max(axis=0))


# --- budget cut -----------------------------------------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.lists(st.text("abc ,.", min_size=1, max_size=12), max_size=8), max_size=6),
    st.integers(0, 40),
)
def test_truncate_never_exceeds_budget(lines: list[list[str]], budget: int) -> None:
    text = "\n".join(" ".join(line) for line in lines)
    cut = truncate_words(text, budget)
    assert count_words(cut) == min(budget, count_words(text))
    assert cut.split() == text.split()[:budget]


def test_truncate_keeps_lines() -> None:
    assert truncate_words("one two three\nfour five\nsix", 4) == "one two three\nfour"


# --- bootstrap ----------------------------------------------------------------------------------


def test_bootstrap_ci_is_deterministic_and_contains_the_mean() -> None:
    values = np.random.default_rng(7).random(40)
    first = bootstrap_ci(values, seed=3)
    assert first == bootstrap_ci(values, seed=3)
    assert first != bootstrap_ci(values, seed=4)
    assert first[0] <= values.mean() <= first[1]
    assert first[0] < first[1]


def test_reference_bootstrap_for_one_cluster(rouge: Rouge) -> None:
    per_ref = rouge.score(
        "Police arrested two men.",
        [
            "Police arrested the two men on Friday.",
            "Two men were arrested.",
            "Officers detained two suspects.",
        ],
    )
    ci = reference_bootstrap_ci(per_ref, "avg", seed=0)
    assert ci.shape == (len(ROUGE_TYPES), len(MEASURES), 2)
    np.testing.assert_array_equal(ci, reference_bootstrap_ci(per_ref, "avg", seed=0))
    mean = aggregate(per_ref, "avg")
    assert np.all(ci[..., 0] <= mean + 1e-12) and np.all(mean <= ci[..., 1] + 1e-12)


# --- systems ------------------------------------------------------------------------------------


def test_sumy_budget_count_fills_the_budget() -> None:
    from benchmarks.systems import budget_count

    class Info:
        def __init__(self, words: int) -> None:
            self.sentence = " ".join(["w"] * words)

    infos = [Info(n) for n in (10, 7, 12, 5, 9)]
    taken = budget_count(20)(infos)
    assert [count_words(i.sentence) for i in taken] == [10, 7, 12]  # 17 < 20 <= 29


@pytest.fixture(scope="module")
def seed_cluster() -> Cluster:
    from benchmarks.data import load_seeds

    return load_seeds().clusters[0]


def test_oracle_beats_every_system_on_seeds(seed_cluster: Cluster, rouge: Rouge) -> None:
    pytest.importorskip("sumy")
    from benchmarks.systems import catalogue
    from summarize.errors import ModelUnavailable

    words = 150
    f = MEASURES.index("fmeasure")

    def r1_r2(text: str) -> float:
        agg = aggregate(rouge.score(truncate_words(text, words), seed_cluster.references), "avg")
        return float(agg[0, f] + agg[1, f])

    systems = {s.name: s for s in catalogue()}
    oracle = systems.pop("oracle").run(seed_cluster, words, 0).text
    assert count_words(oracle) <= words
    best = r1_r2(oracle)
    for name, system in systems.items():
        try:
            text = system.run(seed_cluster, words, 0).text
        except ModelUnavailable:
            continue
        assert best >= r1_r2(text), name


# --- end to end ---------------------------------------------------------------------------------


def test_rouge_end_to_end_on_seeds(tmp_path: Path) -> None:
    pytest.importorskip("sumy")
    code = main(
        [
            "rouge",
            "--systems",
            "consensus,lead,random,sumy-lexrank,oracle",
            "--out",
            str(tmp_path),
            "--jobs",
            "1",
            "--no-progress",
        ]
    )
    assert code == 0
    md = (tmp_path / "rouge-seeds.md").read_text()
    data = json.loads((tmp_path / "rouge-seeds.json").read_text())
    assert (tmp_path / "rouge-seeds.png").stat().st_size > 1000
    assert "**Command:** `" in md and "**commit:**" in md and "stemming" in md
    assert "resamples its 3 references" in md
    systems = data["systems"]
    assert list(systems) == ["consensus", "lead", "random", "sumy-lexrank", "oracle"]
    for entry in systems.values():
        assert entry["mean_words"] <= 150
        r2 = entry["avg"]["rouge2"]["fmeasure"]
        assert r2["ci95"][0] <= r2["mean"] <= r2["ci95"][1]
    for cell in data["per_cluster"]["seeds"].values():
        assert cell["words"] <= 150
    assert (
        systems["oracle"]["avg"]["rouge2"]["fmeasure"]["mean"]
        >= systems["random"]["avg"]["rouge2"]["fmeasure"]["mean"]
    )


def test_rouge_end_to_end_on_jsonl_clusters(tmp_path: Path) -> None:
    stories = [
        (
            "The city council approved a new budget on Monday. The budget adds money for schools.",
            "Council members voted seven to two for the plan. The mayor praised the vote.",
            "The council passed a budget that gives schools more money.",
        ),
        (
            "A storm knocked out power to thousands of homes. Crews worked through the night.",
            "Power was restored to most homes by Tuesday. The utility apologised for delays.",
            "A storm cut power to thousands; most had it back by Tuesday.",
        ),
        (
            "The team won the championship after a late goal. Fans filled the streets.",
            "The coach said the players never gave up. It is the club's first title in years.",
            "A late goal won the team its first title in years.",
        ),
    ]
    path = tmp_path / "clusters.jsonl"
    path.write_text(
        "".join(
            json.dumps({"id": f"c{i}", "documents": [a, b], "references": [r]}) + "\n"
            for i, (a, b, r) in enumerate(stories)
        )
    )
    out = tmp_path / "out"
    code = main(
        [
            "rouge",
            "--data",
            str(path),
            "--systems",
            "consensus,lead,oracle",
            "--words",
            "20",
            "--out",
            str(out),
            "--jobs",
            "2",
            "--no-progress",
        ]
    )
    assert code == 0
    data = json.loads((out / "rouge-clusters.json").read_text())
    assert sorted(data["per_cluster"]) == ["c0", "c1", "c2"]
    assert "rouge2_f_minus_consensus" in data["systems"]["lead"]
    assert "bootstrap over the 3 clusters" in (out / "rouge-clusters.md").read_text()


def test_bad_arguments_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rouge", "--systems", "nonesuch", "--out", str(tmp_path)]) == 2
    assert main(["rouge", "--data", str(tmp_path / "missing.jsonl")]) == 2
    assert "error" in capsys.readouterr().err


def test_speed_growth_exponent() -> None:
    from benchmarks.speed import growth_exponent

    sizes = [5, 50, 500, 1000]
    assert growth_exponent(sizes, [0.01 * n**1.5 for n in sizes]) == pytest.approx(1.5)
    assert growth_exponent([5], [1.0]) is None


def test_speed_end_to_end_without_scaling(tmp_path: Path) -> None:
    pytest.importorskip("sumy")
    code = main(
        [
            "speed",
            "--repeats",
            "2",
            "--stage-repeats",
            "2",
            "--sizes",
            "0",
            "--out",
            str(tmp_path),
            "--no-progress",
        ]
    )
    assert code == 0
    data = json.loads((tmp_path / "speed.json").read_text())
    whole = data["whole_process"]
    assert whole["ours"]["ok"] and whole["sumy_lexrank"]["ok"], whole
    assert whole["ratio"] > 0
    assert data["stages_ms"]["rank"] >= 0
    assert "Ratio ours/sumy" in (tmp_path / "speed.md").read_text()
