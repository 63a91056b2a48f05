"""`python -m benchmarks model` measured on a tiny random-weight Llama, in a few seconds.

The real run needs SmolLM2 and minutes; this checks the measuring code itself: every dtype
generates exactly the requested tokens, and the faithfulness counts re-derived from the final
briefing agree with what the guard did to a draft that invents a number and a name.
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

pytest.importorskip("torch")
pytest.importorskip("transformers")

import test_rewrite as tiny

from benchmarks.data import Cluster
from benchmarks.model import (
    count_final,
    faithfulness,
    generation_speed,
    render,
    seeds_prompt,
    totals,
)
from benchmarks.report import environment
from summarize.schema import Point, Sentence

tokenizer_dir = tiny.tokenizer_dir  # the module-scoped fixture, shared rather than copied


def test_speed_and_faithfulness_counts_on_a_tiny_llama(
    tokenizer_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    loaded = tiny._build(tokenizer_dir, tmp_path / "llama", "causal", 512)
    speed = generation_speed(loaded, seeds_prompt(loaded), new_tokens=6, runs=2)
    assert speed["prompt_tokens"] > 20  # a real rewrite prompt, not an empty one
    rows = speed["variants"]
    assert [(r["threads"], r["hog"]) for r in rows] == [
        (1, False),
        (2, False),
        (1, True),
        (2, True),
    ]
    for row in rows:
        assert row["ok"], row.get("error")
        assert row["tokens"] == 6 and row["tokens_counted"] == [6, 6]
        assert 0 < row["ttft_s"] <= row["seconds"] and row["tokens_per_s"] > 0

    # The independent count must catch what a point invents: 5,000 troops, General Mark Milley.
    invented = Point(tiny.HALLUCINATED, Sentence(2, 0, tiny.REVENGE), 1.0, (), (2,), rewritten=True)
    counts = count_final(SimpleNamespace(points=(invented,), replaced=0), tiny.ARTICLES)
    assert counts["unstated_numbers"] == 1 and counts["unstated_names"] >= 1
    assert counts["check_flagged"] == 1

    def scripted(*args: object, **kwargs: object) -> str:
        return tiny.COMPRESSED if "drone" in str(args[1]) else tiny.HALLUCINATED

    monkeypatch.setattr("summarize.rewrite._generate", scripted)
    cluster = Cluster("tiny-1", tiny.ARTICLES, (tiny.A1,))
    (row,) = faithfulness([cluster], 60, str(tmp_path / "llama"), progress=False)
    assert row["id"] == "tiny-1"
    assert row["unstated_names"] == row["unstated_numbers"] == row["unstated_content"] == 0
    assert row["check_flagged"] == 0
    assert row["rewritten"] <= row["sentences"]
    assert 0 < row["r2_abstractive"] <= 1 and 0 < row["r2_extractive"] <= 1
    assert row["words_abstractive"] <= 60
    total = totals([row])
    assert total["clusters"] == 1 and total["unstated_names"] == 0

    results = {
        "model": "tiny",
        "seconds": 1.0,
        "load_average": {"start": [0.1], "end": [0.2]},
        "load": {"ok": False, "error": "not measured here"},
        "speed": speed,
        "faithfulness": {"tiny": {"words": 60, "rows": [row], "totals": total}},
    }
    text = render(results, environment(["model"]))
    for heading in (
        "# Abstractive model: tiny",
        "Load average",
        "## 1. Load time",
        "## 2. Generation speed",
        "## 3. Faithfulness",
        "| tiny:tiny-1 |",
    ):
        assert heading in text
    assert tiny.A2 not in text  # counts and ids only, never source text
