"""The faithfulness guard on hand-made hallucinations and on spellings that must still match."""

from __future__ import annotations

import pytest

from summarize.guard import facts, repair, unsupported

SOURCE = (
    "The U.S. Defense Department says it killed Iran's top general, Qassem Soleimani, at "
    "Baghdad International Airport on Thursday. An additional three thousand troops are on "
    "alert, and prices rose 1.2 percent. José Ramírez of the United Nations spoke in January. "
    "Two dozen people were hurt. The 82nd Airborne Division arrived in Kuwait."
)


@pytest.mark.parametrize(
    ("sentence", "invented"),
    [
        ("The strike on Baghdad was ordered by General Mark Milley.", ["General Mark Milley"]),
        ("The Pentagon said Soleimani was killed in Tehran.", ["Pentagon", "Tehran"]),
        ("An additional 4,000 troops are on alert.", ["4,000"]),
        ("Prices rose 2.5 percent after the attack.", ["2.5"]),
        ("Five people were hurt at the airport.", ["Five"]),
        ("Soleimani was killed at the airport on Friday.", ["Friday"]),
        ("José Ramírez spoke in March.", ["March"]),
        ("The NATO alliance said the U.S. killed Soleimani.", ["NATO"]),
    ],
)
def test_hallucinations_are_reported(sentence: str, invented: list[str]) -> None:
    assert unsupported(sentence, SOURCE) == invented


@pytest.mark.parametrize(
    "sentence",
    [
        "The US killed Soleimani at Baghdad International Airport on Thursday.",
        "The United States killed Iran's Qassem Soleimani.",
        "Officials said 3,000 troops are on alert.",
        "Officials said 3000 troops are on alert.",
        "Officials said three thousand troops are on alert.",
        "Prices rose 1.2% and 24 people were hurt.",
        "Jose Ramirez of the UN spoke in Jan. about Kuwait.",
        "Soleimani's killing came as the 82nd Airborne Division arrived in Kuwait.",
        "IRAN and the U.N. were named, as was the Airborne Division.",
        "Iran-backed groups watched the U.S. strike on Thursday.",
    ],
)
def test_normalised_spellings_are_supported(sentence: str) -> None:
    assert unsupported(sentence, SOURCE) == []


def test_sentence_initial_words_are_not_names() -> None:
    assert {f.text for f in facts("Officials said the airport was closed.")} == set()
    # A lone opening word is a candidate name, held to the sources unless they use it as an
    # ordinary word (see test_sentence_initial_name_is_checked).
    kuwait = {(f.kind, f.text, f.initial) for f in facts("Kuwait said 3 people died on Monday.")}
    assert kuwait == {("name", "Kuwait", True), ("number", "3", False), ("date", "Monday", False)}
    found = facts("The Pentagon and Recep Tayyip Erdogan met on Monday.")
    names = {f.text for f in found if f.kind == "name"}
    assert names == {"Pentagon", "Recep Tayyip Erdogan"}


def test_number_words_and_scales() -> None:
    keys = {f.key for f in facts("They sent two dozen jets, 1.5 million dollars and 3,500 men.")}
    assert keys == {"24", "1500000", "3500"}


def test_us_pronoun_does_not_support_us_acronym() -> None:
    assert unsupported("The US said so.", "They told us nothing.") == ["US"]


def test_sources_may_be_a_list() -> None:
    assert unsupported("Soleimani died in Baghdad.", ["Soleimani died.", "It was Baghdad."]) == []


def test_repair_drops_the_offending_clause() -> None:
    sentence = (
        "The U.S. killed Soleimani on Thursday, President Trump said, and 3,500 troops "
        "arrived in Kuwait."
    )
    assert repair(sentence, SOURCE) == "The U.S. killed Soleimani on Thursday."


def test_repair_gives_up_when_too_little_is_left() -> None:
    assert repair("Mark Milley said 5,000 troops left on Friday.", SOURCE) is None


def test_repair_keeps_a_clean_sentence() -> None:
    clean = "The U.S. killed Soleimani on Thursday."
    assert repair(clean, SOURCE) == clean


@pytest.mark.parametrize(
    ("sentence", "source", "invented"),
    [
        (
            "Putin vowed severe revenge for the strike.",
            "Iran vowed severe revenge for the strike.",
            ["Putin"],
        ),
        ("Russia will send troops.", "Officials said Iran will send troops.", ["Russia"]),
        ("Iran will send troops.", "Officials said Iran will send troops.", []),
        ("Officials said troops will go.", "The officials said troops will go.", []),
        ("Troops will go.", "More troops will go.", []),  # an ordinary word in the sources
    ],
)
def test_sentence_initial_name_is_checked(sentence: str, source: str, invented: list[str]) -> None:
    assert unsupported(sentence, source) == invented


@pytest.mark.parametrize(
    ("sentence", "source", "invented"),
    [
        (
            "The strike was ordered by President Donald Biden.",
            "President Donald Trump met Joe Biden.",
            ["President Donald Biden"],
        ),
        ("Joe Trump met them.", "President Donald Trump met Joe Biden.", ["Joe Trump"]),
        ("The strike killed Soleimani.", "The strike killed Qasem Soleimani.", []),
        ("The strike killed General Soleimani.", "The strike killed Gen. Qasem Soleimani.", []),
        ("The strike killed Qasem Soleimani.", "The strike killed Gen. Qasem Soleimani.", []),
        ("US President Donald Trump spoke.", "The U.S. said President Donald Trump spoke.", []),
        ("The Bank of England acted.", "The bank acted, England said.", ["Bank of England"]),
        ("José Ramírez of the UN spoke.", "Jose Ramirez of the United Nations spoke.", []),
        ("Trump Biden spoke.", "Trump, Biden spoke.", ["Trump Biden"]),
        ("Credit: Dr. Oliver J. T. O'Grady's photo.", "Credit: Dr. Oliver J. T. O'Grady", []),
        ("Oliver Grady spoke.", "Oliver O'Grady spoke.", ["Oliver Grady"]),
        ("Kors will buy Jimmy Choo CHOO.L now.", "Kors (KORS.N) will buy Jimmy Choo CHOO.L.", []),
    ],
)
def test_multi_word_names_must_be_contiguous(
    sentence: str, source: str, invented: list[str]
) -> None:
    assert unsupported(sentence, source) == invented


@pytest.mark.parametrize(
    ("sentence", "source", "invented"),
    [
        ("Soleimani was killed yesterday.", "Soleimani was killed on Friday.", ["yesterday"]),
        (
            "Troops arrive tomorrow and talks resume next week.",
            "Troops arrive on Friday.",
            ["tomorrow", "next week"],
        ),
        ("Soleimani was killed last week.", "Soleimani was killed last week.", []),
        ("Officials met this morning.", "Officials met This morning.", []),
        ("The last troops left within a week.", "Troops left.", []),  # ordinary words
    ],
)
def test_relative_dates_must_be_supported(sentence: str, source: str, invented: list[str]) -> None:
    assert unsupported(sentence, source) == invented


@pytest.mark.parametrize(
    "sentence",
    [
        "Credit: Dr. Oliver J. T. O'Grady",
        "FILE - In this Feb. 11, 2007, file photo, Stormy Daniels arrives.",
        "Sen. Lindsey Graham (R-S.C.) invited him.",
        "Michael Kors (KORS.N) will buy Jimmy Choo CHOO.L for $1.2 billion.",
        "This U.K.-based producer and an NJ-based firm spoke.",
    ],
)
def test_a_source_sentence_supports_itself(sentence: str) -> None:
    """Extracted sentences reach the briefing unchanged, so the guard must accept them."""
    assert unsupported(sentence, f"Intro text.\n{sentence}\nMore text.") == []
