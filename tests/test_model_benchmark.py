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
    VARIANTS,
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
    assert [r["dtype"] for r in rows] == list(VARIANTS)
    for row in rows:
        assert row["ok"], row.get("error")
        assert row["tokens"] == 6 and row["tokens_counted"] == [6, 6]
        assert 0 < row["ttft_s"] <= row["seconds"] and row["tokens_per_s"] > 0
        assert row["speedup"] > 0
    assert rows[0]["speedup"] == 1.0 and rows[0]["same_prefix_as_float32"] == 6

    # The guard must catch what the draft invents: 5,000 troops and General Mark Milley.
    invented = Point(tiny.HALLUCINATED, Sentence(2, 0, tiny.REVENGE), 1.0, (), (2,))
    assert (
        count_final(SimpleNamespace(points=(invented,), replaced=0), tiny.ARTICLES)[
            "unsupported_final"
        ]
        >= 2
    )

    def scripted(loaded: object, chunk: object, on_token: object, cancel: object) -> str:
        return f"{tiny.GOOD} {tiny.HALLUCINATED}"

    monkeypatch.setattr("summarize.rewrite._generate", scripted)
    cluster = Cluster("tiny-1", tiny.ARTICLES, (tiny.A1,))
    (row,) = faithfulness([cluster], 60, str(tmp_path / "llama"), progress=False)
    assert row["id"] == "tiny-1" and not row["fell_back"]
    assert row["replaced"] >= 1  # the invented sentence failed the guard...
    assert row["unsupported_final"] == 0 and row["unsupported_cited"] == 0  # ...and is gone
    assert 1 <= row["rewritten"] <= row["sentences"]
    assert 0 < row["r2_abstractive"] <= 1 and 0 < row["r2_extractive"] <= 1
    assert row["words_abstractive"] <= 60
    total = totals([row])
    assert (total["clusters"], total["replaced"], total["unsupported_final"]) == (
        1,
        row["replaced"],
        0,
    )

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
