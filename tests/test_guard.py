"""The rewrite guard's screens and vocabulary, without a model (guard.py)."""

from __future__ import annotations

import pytest

from summarize import guard

POINT = "A U.S. drone strike killed General Qassem Soleimani at Baghdad airport on Friday."
SUPPORT = "Iran vowed severe revenge for the killing of Soleimani in Baghdad."
INPUTS = [POINT, SUPPORT]
INSTRUCTION = "Combine these news sentences into one shorter sentence of at most 12 words."
ALLOWED = guard.vocabulary(INPUTS)


def _screen(text: str, limit: int = 13) -> str | None:
    return guard.screen(text, [text], INPUTS, POINT, INSTRUCTION, ALLOWED, limit)


def test_a_real_compression_passes() -> None:
    assert _screen("A U.S. drone strike killed Soleimani at Baghdad airport.") is None


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (POINT, "echo"),
        (
            "a u.s. drone strike killed general qassem soleimani at baghdad airport on friday",
            "echo",
        ),
        ("Combine these news sentences into one shorter sentence.", "instruction"),
        (
            "Soleimani was killed at Baghdad airport, Soleimani was killed at Baghdad airport.",
            "loop",
        ),
        ("A U.S. drone strike killed Soleimani at Baghdad", "incomplete"),
        ("And killed Soleimani at Baghdad airport on Friday.", "fragment"),
        ("Killed Soleimani.", "fragment"),
        ("We killed General Qassem Soleimani at Baghdad airport.", "unquoted"),
        ("A U.S. drone strike killed General Qassem Soleimani at Baghdad airport.", None),
        ("A U.S. drone strike killed General Qassem Soleimani at Baghdad airport.", "not shorter"),
        ("A U.S. drone strike killed Soleimani at Tehran airport on Friday.", "invented"),
    ],
)
def test_screens(text: str, reason: str | None) -> None:
    limit = 10 if reason == "not shorter" else 13
    assert _screen(text, limit) == reason


def test_us_the_country_is_not_first_person() -> None:
    assert not guard.unquoted("The US said its troops would stay.")
    assert not guard.unquoted('Trump said "we will respond" on Friday.')
    assert guard.unquoted("Our troops will respond, officials said.")


def test_vocabulary_holds_input_words_and_grammar_only() -> None:
    assert ALLOWED.allows("Soleimani") and ALLOWED.allows("the") and ALLOWED.allows("Drone")
    assert not ALLOWED.allows("bombing") and not ALLOWED.allows("not")
    assert guard.invented("Soleimani was killed in a suicide bombing.", ALLOWED) == [
        "suicide",
        "bombing",
    ]


def test_digit_runs_are_never_split() -> None:
    words = guard.input_words("The 2019-20 season and al-Muhandis and Iran’s army.")
    assert "2019-20" in words and "20" not in words
    assert {"al", "Muhandis", "Iran", "Iran’s"} <= words


def test_a_word_doubled_by_the_model_is_a_loop() -> None:
    """A tiny model taught a loop wrote "The the region, troops will be sent to the region."
    and it passed as a rewrite; a doubling the inputs have ("had had") stands."""
    inputs = ["About 3,000 more U.S. troops will be sent to the region, officials said."]
    assert guard.stutters("The the region, troops will be sent.", inputs)
    assert not guard.stutters("Troops will be sent to the region.", inputs)
    assert not guard.stutters("She had had enough.", ["She said she had had enough."])


def test_loops_and_echoes() -> None:
    assert guard.loops("one two three four and one two three four")
    assert not guard.loops("one two three four five six")
    assert guard.echoes("“Hello,” world", ['"Hello," world'])
    assert guard.leaks("use only words from the sentences", "Use only words from it", ["x"])
