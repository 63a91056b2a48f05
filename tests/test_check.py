"""`summarize check` and the consumers of the fact layer: citations, disagreements, timeline."""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from benchmarks.check import evaluate, load_cases, summarise
from summarize import check, summarize
from summarize.checker import Checker
from summarize.cite import Cited, compare, number_disagreements
from summarize.cli import main
from summarize.events import date_disagreements, mentions, timeline
from summarize.facts import analyse
from summarize.ingest import load
from summarize.readable import opener
from summarize.schema import Article, Sentence
from summarize.sentences import split_sentences

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"

FLOOD = (
    Article(
        1,
        "Herald",
        "Floodwater swept through Lenbridge on Monday, forcing about 3,200 residents from their "
        "homes. Two people died and fourteen others were treated in hospital. Mayor Elena "
        'Sandoval said the town had "never seen water move this fast". Governor Thomas Okafor '
        "declared a state of emergency and promised $12 million in relief. The river rose 4.6 "
        "metres above its normal level. Schools will stay closed until Thursday, the council "
        "said.",
        date=dt.date(2024, 11, 18),
    ),
    Article(
        2,
        "Wire",
        "Fire Chief Daniel Reyes said his teams had carried out 140 rescues by mid-afternoon. "
        "Hundreds of volunteers filled sandbags along the embankment in Lenbridge. Emergency "
        "crews used boats "
        "to rescue dozens of people from rooftops. The rail line reopened on Tuesday, officials "
        "said. Helen Marsh did not comment.",
        date=dt.date(2024, 11, 20),
    ),
)


def wire(text: str) -> Checker:
    """A checker over one wire story."""
    return Checker([Article(1, "Wire", text)])


def verdict_on(source: str, claim: str) -> tuple[bool, tuple[object, ...]]:
    """Is `claim` supported by one wire article of `source`, and why not."""
    found = wire(source).verify(claim)
    return found.supported, found.problems


def reasons(checker: Checker, claim: str) -> list[tuple[str, str]]:
    """The kind and the detail of each problem the checker finds with `claim`."""
    return [(p.kind, p.detail) for p in checker.verify(claim).problems]


def outlets(*texts: str) -> Checker:
    """A checker over one story as several outlets tell it (A, B, ...)."""
    return Checker([Article(i, chr(64 + i), text) for i, text in enumerate(texts, 1)])


@cache
def flood_checker() -> Checker:
    return Checker(FLOOD)


def problems(claim: str) -> set[str]:
    return {p.kind for p in flood_checker().verify(claim).problems}


@pytest.mark.parametrize(
    "claim",
    [
        "About 3,200 Lenbridge residents had to leave their homes when floodwater swept through.",
        "Governor Okafor pledged twelve million dollars in relief.",
        "Fire Chief Daniel Reyes said his crews had carried out one hundred and forty rescues.",
        "The river rose 4.6 metres above its normal level.",
        "Schools will stay closed until Thursday, the council said.",
        "Dozens of people were taken off rooftops by emergency crews in boats.",
        "Two people died in Lenbridge.",
        "The rail line reopened on November 19.",
        "Helen Marsh declined to comment.",
    ],
)
def test_faithful_paraphrases_are_supported(claim: str) -> None:
    verdict = flood_checker().verify(claim)
    assert verdict.supported, verdict.problems


@pytest.mark.parametrize(
    ("claim", "kind"),
    [
        ("About 2,300 Lenbridge residents had to leave their homes.", "number"),
        ("Governor Okafor promised $12 billion in relief.", "unit"),
        ("The river rose 4.6 miles above its normal level.", "unit"),
        ("Fourteen people died in the flood.", "number"),
        ("Thousands of volunteers filled sandbags along the embankment.", "quantity"),
        ("Mayor Thomas Okafor declared a state of emergency.", "title"),
        (
            "Governor Thomas Okafor said the town had never seen water move this fast.",
            "speaker|name",
        ),
        ("Fire Chief Daniel Reyes declared a state of emergency.", "name"),
        ("The rail line reopened on Wednesday, officials said.", "date"),
        ("Okafor did not declare a state of emergency.", "negation"),
        ("Helen Marsh commented.", "negation"),
        ("The river fell 4.6 metres below its normal level.", "polarity"),
        ("Two people died when a dam collapsed upstream after a landslide.", "unsupported"),
        ("Governor Okafor resigned after the flood.", "unsupported"),
        ("Mayor Elena Sandoval was arrested in Lenbridge.", "unsupported"),
        ("The rail line stayed closed on Tuesday, officials said.", "polarity|negation"),
    ],
)
def test_each_kind_of_error_is_named(claim: str, kind: str) -> None:
    found = problems(claim)
    assert found & set(kind.split("|")), found


@pytest.mark.parametrize(
    ("source", "claim"),
    [
        (
            "Her mother mailed Carrie Russell a refill of Adderall on January 6.",
            "On January 6, Carrie Russell mailed an Adderall refill to her mother.",
        ),
        (
            "Sgt. Daron Wyatt says a Klan member was stomped on by counter-protesters.",
            "Police said Klan members stomped on a counter-protester.",
        ),
        (
            "Riverside Athletic came from two goals down to beat Northport City 3-2.",
            "Northport City recovered from a two-goal deficit to defeat Riverside Athletic 3-2.",
        ),
        (  # the doer replaced by the one the source has it done to
            "Marvel purchased the patent from Kimble in 1997.",
            "Kimble bought Marvel's patent in 1997.",
        ),
        (  # a subject inherited over two verbs, a particle's object, an apposed name
            "Sandoval ousted Gibbons, and in 2010 he routed Rory Reid, knocking off the Senate "
            "leader's son.",
            "In 2010 the Senate leader's son, Rory Reid, knocked off Sandoval.",
        ),
        (  # a gerund under a preposition takes the subject a pronoun stands for
            "McConnell was so worried that he made a point of telling Trump to stay the course.",
            "Trump told Mitch McConnell to stay the course.",
        ),
        (  # a gerund under a passive verb: its doer is the one the verb was done to
            "Kofi Mensah was sent off for a second yellow card after pulling back Petrovic.",
            "Petrovic was sent off after pulling back Mensah.",
        ),
        (  # a light verb's object names the act: "expressed thanks to" is "thanked"
            "Mayor Elena Sandoval thanked the hundreds of volunteers who filled sandbags.",
            "Hundreds of volunteers who filled sandbags expressed thanks to Mayor Elena Sandoval.",
        ),
        (  # pronouns in a reported clause: the one who did it, or had it done to him, speaks
            "In a speech to supporters, Okafor thanked his staff and said he had called Brandt "
            "to concede.",
            "Okafor said he was proud of his staff and that Brandt had called him to concede.",
        ),
        (  # "her" in a clause under a named subject's verb is that person
            "Clinic founder Jacqueline Dupont recalls the day last summer when the eager "
            "15-year-old called her, saying he wanted to help.",
            "Last summer, clinic founder Jacqueline Dupont phoned the 15-year-old, saying she "
            "wanted him to help.",
        ),
    ],
)
def test_who_did_it_to_whom_is_read_from_the_grammar(source: str, claim: str) -> None:
    """Same words, roles reversed: only the parse (subject, object, passive agent, the subject
    a "to defeat" inherits) tells them apart. The source itself passes."""
    checker = wire(source)
    assert "roles" in {p.kind for p in checker.verify(claim).problems}
    assert checker.verify(source).supported


def test_a_reversal_names_the_people_as_the_sources_write_them() -> None:
    checker = wire(
        "Clinic founder Jacqueline Dupont recalls the day last summer when the eager "
        "15-year-old called her, saying he wanted to help."
    )
    verdict = checker.verify("Last summer, Jacqueline Dupont phoned the 15-year-old.")
    assert [p.detail for p in verdict.problems if p.kind == "roles"] == [
        "the sources have 15-year-old as the one who did it (phoned), to Jacqueline Dupont"
    ]  # the claim's word for the act, as written


def test_the_doer_named_in_other_words_or_an_intransitive_is_no_swap() -> None:
    checker = wire(
        "Pope Francis was flown by helicopter to Castel Gandolfo for lunch. Officers "
        "arrested the driver on Friday."
    )
    for claim in (
        "Pope Francis flew by helicopter to Castel Gandolfo for lunch.",
        "Police arrested the driver on Friday.",
        # "him" is the speaker only where someone else does the act
        "Officers said they arrested the driver on Friday.",
    ):
        assert "roles" not in {p.kind for p in checker.verify(claim).problems}, claim


def test_a_relative_is_named_by_kinship() -> None:
    """Kinship words are roles: a brother is not a boyfriend, a wife not a daughter."""
    checker = wire(
        "Nora Quist, 19, is searching for her brother David, who vanished on a hike. Her "
        "mother, Ellen Quist, said the family had not given up."
    )
    verdict = checker.verify("Nora Quist is searching for her boyfriend David.")
    assert [p.kind for p in verdict.problems] == ["title"], verdict.problems
    assert checker.verify("Nora Quist is searching for her brother David.").supported
    # a relation and an occupation are no rivals: the activist is her father
    checker = wire(
        "Maya Okoth is the daughter of jailed activist Samuel Okoth. Her father, Samuel Okoth, "
        "has been on hunger strike since May."
    )
    assert checker.verify("Her father, Samuel Okoth, is on hunger strike.").supported
    verdict = checker.verify("Her husband, Samuel Okoth, is on hunger strike.")
    assert [p.kind for p in verdict.problems] == ["title"], verdict.problems


def test_occupations_are_roles_and_a_field_fits_its_science() -> None:
    checker = wire(
        "Paleontologist Ines Varga, a former engineer, found the skull in a quarry in 2021."
    )
    verdict = checker.verify("Architect Ines Varga found the skull in a quarry in 2021.")
    assert [p.kind for p in verdict.problems] == ["title"], verdict.problems
    assert checker.verify("Researcher Ines Varga found the skull in a quarry in 2021.").supported


def test_a_speakers_she_reaches_back_over_quotations_to_a_person() -> None:
    """ "Furthermore, she said, ..." three sentences after the person, with quotations naming
    nobody between; the person, not the organisation her title ends with."""
    checker = Checker(
        [
            Article(1, "Wire", "Heather Quill, chief executive of the Harbour Trust, called the "
                    "plan an insult. “It was done without us, and it shows.” “We learned of it "
                    "from the papers.” Furthermore, she said, the council did not consult "
                    "residents about the plan."),
            Article(2, "Post", "The Harbour Trust held a protest outside the town hall. \"It is "
                    "a scandal,\" spokesman Tom Avery said."),
        ]
    )  # fmt: skip
    claim = "The council did not consult residents about the plan, according to {}."
    verdict = checker.verify(claim.format("Tom Avery, spokesman for the Harbour Trust"))
    assert [(p.kind, p.detail) for p in verdict.problems] == [
        ("speaker", "the sources attribute this to Heather Quill")
    ]
    assert checker.verify(claim.format("Heather Quill of the Harbour Trust")).supported


def test_a_title_another_person_holds_in_the_sentence_is_not_stated_for_this_one() -> None:
    """ "Deputy Attorney General Matthew Whitaker" where the sources make him chief of staff and
    give that title to Rosenstein in a sentence that names Whitaker too."""
    checker = wire(
        "Trump chose Whitaker, who was then Sessions's chief of staff, to serve as interim "
        "attorney general. Trump knew Whitaker was a critic of the probe, which factored into "
        "the decision to pick him over Deputy Attorney General Rod Rosenstein."
    )
    claim = "Trump picked {} Matthew Whitaker as interim attorney general."
    verdict = checker.verify(claim.format("Deputy Attorney General"))
    assert [p.kind for p in verdict.problems] == ["title"], verdict.problems
    assert checker.verify(claim.format("chief of staff")).supported


def test_a_quotation_left_open_belongs_to_the_speaker_who_closes_it() -> None:
    """The quote runs on into the next sentence, where the mayor is named; the sentence before
    ("She wrote ...") speaks of someone else, and the councilman's place is no second name."""
    checker = wire(
        "Kim Lee resigned as city clerk on Monday. She wrote a scathing letter. \"I'm quoting "
        "Gerald Ford in saying our long municipal nightmare is now over. Our clerk has "
        'resigned," Pleasant Hill Mayor Tim Flaherty said. "I\'m very happy," said '
        "Councilman Jack Weir."
    )
    claim = "{} said that the city's long municipal nightmare was over."
    verdict = checker.verify(claim.format("Pleasant Hill Councilman Jack Weir"))
    assert ("speaker", "the sources attribute this to Pleasant Hill Mayor Tim Flaherty") in {
        (p.kind, p.detail) for p in verdict.problems
    }
    assert checker.verify(claim.format("Pleasant Hill Mayor Tim Flaherty")).supported


def test_another_portfolio_is_another_office() -> None:
    checker = wire("Labour Minister Grace Adeyemi ordered an inquiry into safety at the plant.")
    verdict = checker.verify("Health Minister Grace Adeyemi ordered an inquiry into safety.")
    assert [p.kind for p in verdict.problems] == ["title"], verdict.problems
    assert checker.verify("Minister Grace Adeyemi ordered an inquiry into safety.").supported


def test_an_office_held_then_and_an_occupation_are_roles() -> None:
    """Three blind claims passed: "Then-Secretary of State Jack Lew" (the hyphenated "Then-"
    hid the office), "Zoo veterinarian Malu Celli" and "economist Simon Anholt" (the sources'
    "curator" and "policy advisor" were no roles, so nothing was given to compare)."""
    checker = wire(
        "Treasury Secretary Jack Lew estimated the freed assets at $56 billion. Zoo curator "
        "Malu Celli said the birds could withstand the cold. The index was created by British "
        "policy advisor Simon Anholt."
    )
    for claim, kind in (
        ("Then-Secretary of State Jack Lew estimated the freed assets at $56 billion.", "title"),
        ("Then-Treasury Secretary Jack Lew estimated the freed assets at $56 billion.", None),
        ("Zoo veterinarian Malu Celli said the birds could withstand the cold.", "title"),
        ("Curator Malu Celli said the birds could withstand the cold.", None),
        ("The index was created by economist Simon Anholt.", "title"),
        ("The index was created by policy adviser Simon Anholt.", None),
    ):
        found = {p.kind for p in checker.verify(claim).problems}
        assert found == ({kind} if kind else set()), (claim, found)


@pytest.mark.parametrize(
    ("source", "wrong", "right", "kind"),
    [
        # A blind claim gave writer Jason Aaron's words to editor Wil Moss and passed: the
        # sentences matching the claim best were Moss's, and "says writer Jason Aaron in
        # Marvel's press release" was read as no attribution.
        ("\u201cThis is not She-Thor. This is not Lady Thor,\u201d says writer Jason Aaron in "
         "Marvel\u2019s press release. \u201cIt's time to update that inscription,\u201d says "
         "Marvel editor Wil Moss of the new character.",
         '"This is not She-Thor. This is not Lady Thor," Marvel editor Wil Moss said of the new '
         "character.",
         '"This is not She-Thor. This is not Lady Thor," writer Jason Aaron said.',
         "speaker"),
        # Two blind claims swapped a comic's writer and artist ("written by Russell Dauterman,
        # with art by Jason Aaron") and passed: no verb had both a doer and something done to.
        ("Marvel announced a new series, THOR, written by Jason Aaron with art from Russell "
         "Dauterman. It starts in October.",
         "The new series THOR is written by Russell Dauterman, with art by Jason Aaron.",
         "The new series THOR is written by Jason Aaron, with art by Russell Dauterman.",
         "roles"),
    ],
)  # fmt: skip
def test_words_or_a_work_given_to_the_other_person(
    source: str, wrong: str, right: str, kind: str
) -> None:
    checker = wire(source)
    verdict = checker.verify(wrong)
    assert [p.kind for p in verdict.problems] == [kind], verdict.problems
    assert checker.verify(right).supported


def test_a_countrys_figure_is_no_persons() -> None:
    """ "The new U.S. sanctions target 20 individuals" restating "the Treasury Department
    listed 20 individuals" was flagged: "U.S." beside the figure was read as its owner, and the
    Treasury Department as another owner. A person's figure given to another still is."""
    checker = wire(
        "The U.S. announced new sanctions on Thursday. A fact sheet released by the Treasury "
        "Department listed 20 individuals and Bank Rossiya as targets of the new U.S. sanctions. "
        "U.S. officials said more would follow. Kevin Durant finished with 32 points, and "
        "Russell Westbrook 19 for the Thunder."
    )
    assert checker.verify(
        "The new U.S. sanctions target 20 individuals and Bank Rossiya."
    ).supported
    verdict = checker.verify("Russell Westbrook led the Thunder with 32 points.")
    assert "number" in {p.kind for p in verdict.problems}, verdict.problems


@pytest.mark.parametrize(
    "sentence",
    [
        "But Ohio Republican Gov. John Kasich said at a town hall on Tuesday that it must change.",
        "Pawlenty aide Sarah Huckabee Sanders says Texas Gov. Rick Perry has not been tested yet.",
        "In a statement, the California Democrat said the White House had informed her of it.",
    ],
)
def test_a_sentence_giving_a_politicians_state_states_it(sentence: str) -> None:
    """Three dev sentences checked against their own article were refused: the name holding
    the state ("Ohio Republican") stood nearer than the governor, a name before the state
    ("Sanders says Texas Gov. Rick Perry") nearer than the one after the title, and "the
    California Democrat said the White House" made the White House a Democrat."""
    checker = wire(f"{sentence} Officials declined to comment on the talks.")
    verdict = checker.verify(sentence)
    assert verdict.supported, verdict.problems


def test_a_quotation_two_outlets_give_is_the_speaker_either_names() -> None:
    """A dev sentence was refused against its own article: another outlet gave the same
    quotation to the chief executive, this one to the airline as well."""
    checker = Checker(
        [
            Article(1, "A", 'Doug Parker said the plan was "puzzling given our extremely public '
                    'stance on the illegal subsidies" the carriers receive.'),
            Article(2, "B", 'American\'s chief executive said the plan was "puzzling given our '
                    'extremely public stance on the illegal subsidies" that American alleges '
                    "Qatar Airways receives."),
        ]
    )  # fmt: skip
    sentence = checker.sources.entries[1].sentence.text
    assert checker.verify(sentence).supported, checker.verify(sentence).problems


def test_a_first_name_and_a_surname_of_one_person_are_no_rivals() -> None:
    """ "White has not agreed" restating "Betty hasn't agreed" was flagged "the sources say
    Betty", though the sources name Betty White; another person in her place still is."""
    checker = wire(
        "Betty White may join the show. Sources tell me Betty hasn't agreed to anything yet and "
        "is worried about keeping up with the younger contestants. Rue McClanahan declined."
    )
    assert checker.verify("White has not agreed to anything yet, sources said.").supported
    verdict = checker.verify("McClanahan has not agreed to anything yet, sources said.")
    assert "name" in {p.kind for p in verdict.problems}, verdict.problems


def test_a_politicians_state_is_one_the_sources_give_them() -> None:
    """Blind claims passed with "Florida Sen. Ted Cruz" (the sources name Rubio of Florida)
    and "Rand Paul, the Nevada Republican" (the sources: "said the Kentucky Republican", and
    "Sens. Dean Heller (Nev.) and Rand Paul (Ky.)")."""
    checker = wire(
        "Republicans abandoned him, including Sens. Dean Heller (Nev.) and Rand Paul (Ky.). Sen. "
        'Rand Paul issued a statement decrying the remarks. "His remarks are offensive," said '
        "the Kentucky Republican. Cruz spoke after Senator Marco Rubio of Florida."
    )
    for claim, flagged in (
        ("Sen. Rand Paul, the Nevada Republican, issued a statement decrying the remarks.", True),
        ("Sen. Rand Paul, the Kentucky Republican, issued a statement decrying the remarks.",
         False),
        ("Kentucky Sen. Rand Paul issued a statement decrying the remarks.", False),
        ("Florida Sen. Ted Cruz spoke after Rubio.", True),
        ("Florida Sen. Marco Rubio spoke before Cruz.", False),
        ("Sen. Dean Heller, the Nevada Republican, abandoned him.", False),
    ):  # fmt: skip
        found = {p.detail for p in checker.verify(claim).problems if p.kind == "name"}
        assert any(d.startswith("no source ties") for d in found) == flagged, (claim, found)


@pytest.mark.parametrize(
    ("text", "ties"),
    [
        (
            "Eliot Engel, who chairs the Senate Foreign Relations Committee, called it an error.",
            [("Eliot Engel", "Senate Foreign Relations Committee")],
        ),
        ("A video of Alabama man Jed Huie leaping from a flaming SUV was viewed.", []),
        ("Jeff Cramer, a Chicago-based former prosecutor, said so.", []),
        # an unnamed body a person is "of" (new-user audit: "Chief inspector Daniel Marwick of
        # the coastguard" passed, though he is the safety authority's)
        ("Chief inspector Daniel Marwick of the coastguard said the recorder was found.",
         [("Daniel Marwick", "coastguard")]),
        ("Daniel Marwick of the island's coastguard said so.", []),
    ],
)  # fmt: skip
def test_affiliations_are_the_organisations_describing_a_person(
    text: str, ties: list[tuple[str, str]]
) -> None:
    from summarize.parse import affiliations

    assert list(affiliations(text)) == ties


def test_an_organisation_no_source_ties_to_the_person_is_flagged() -> None:
    """The organisation is in the story, but about something else; where the sources do tie it
    to the person, in the sentence about them or the one before, the description passes."""
    checker = wire(
        "Malaria cases rose in the highlands in warmer years, the study found. About 207 million "
        "people caught malaria in 2012, according to the World Health Organization. The rebel "
        "Free Syrian Army claimed the attack. The group's leader, Col. Riad al-Asaad, declined to "
        'comment. "This is indisputable evidence of a climate effect," said Mercedes Pascual, a '
        "disease ecologist at the University of Michigan."
    )
    verdict = checker.verify(
        "Mercedes Pascual, a World Health Organization epidemiologist, called the results "
        "indisputable evidence of a climate effect."
    )
    assert ("title", "World Health Organization") in {(p.kind, p.span) for p in verdict.problems}
    for claim in (
        "Mercedes Pascual, an ecologist at the University of Michigan, called it indisputable "
        "evidence of a climate effect.",
        "Col. Riad al-Asaad, who heads the Free Syrian Army, declined to comment.",
    ):
        assert "title" not in {p.kind for p in checker.verify(claim).problems}, claim


def test_it_said_is_the_body_that_spoke_before_and_a_place_stated_with_some_of_the_people() -> None:
    """Found by a new user on the seeds: the Pentagon's quotation ("... the US Embassy in
    Baghdad ...," it said) was given to Soleimani, whom it names, and its Baghdad lost to a
    sentence about bases in Iraq that names the Pentagon and Soleimani both."""
    checker = Checker(load([SEEDS]).articles)
    verdict = checker.verify(
        "The Pentagon said Soleimani approved the attacks on the US Embassy in Baghdad."
    )
    assert verdict.supported, verdict.problems
    # a place the sources do not give it is still refused
    moved = checker.verify(
        "The Pentagon said Soleimani approved the attacks on the US Embassy in Tehran."
    )
    assert not moved.supported


def test_a_colour_is_not_another_colour() -> None:
    """Found by a new user on a dev cluster: "Price was wearing blue shoes" passed where every
    source says red (colours are a closed set, `exclusive.txt`, not two-sided antonyms)."""
    story = wire(
        "Jennifer Rivers mourned her son, Tavin Price, who was killed because he was wearing "
        "the wrong colour of shoes. Barling said Price was not a gang member but was simply "
        "wearing red shoes on the day of the shooting. The red car and the grey van left."
    )
    verdict = story.verify("Police said Price was wearing blue shoes.")
    assert ("polarity", "blue") in {(p.kind, p.span) for p in verdict.problems}
    assert story.verify("Police said Price was wearing red shoes.").supported
    assert story.verify("The red car and the gray van left.").supported
    clip = wire("The 18-second black-and-white clip shows seven women outside a house.")
    verdict = clip.verify("The 18-second black-and-white clip shows seven women outside a house.")
    assert verdict.supported, verdict.problems  # two colours in one word deny nothing


def test_a_nationality_swapped_for_one_named_elsewhere_in_the_sentence() -> None:
    """Found by a new user on the seeds: "the Iranian flag" passed on "Following the killing of
    the top Iran and Iraq commanders, ... Trump posted a picture of the American flag"."""
    checker = Checker(load([SEEDS]).articles)
    verdict = checker.verify("Trump tweeted an image of the Iranian flag.")
    assert ("name", "Iranian") in {(p.kind, p.span) for p in verdict.problems}
    assert checker.verify("Trump posted a picture of the American flag on Twitter.").supported


def test_a_surname_opening_a_sentence_and_a_street_on_the_other_side() -> None:
    """Found by a new user on a dev cluster: "Detective Chris Barling said Price was not a
    gang member" was checked against "All three men are local gang members, Barling said"
    (the sentence opening "Barling said Price was not ..." did not count as naming him), and
    "East Florence Avenue" passed on a sentence saying only "Florence Avenue"."""
    story = wire(
        "All three men are local gang members, Detective Chris Barling said. Barling said "
        "Price was not a gang member but was simply wearing red shoes. Price was shot outside "
        "a car wash in the 3300 block of West Florence Avenue. On May 29, Price was shot to "
        "death outside a car wash near the corner of Florence Avenue and Crenshaw Boulevard."
    )
    verdict = story.verify("Detective Chris Barling said Price was not a gang member.")
    assert verdict.supported, verdict.problems
    moved = story.verify("Price was shot outside a car wash on East Florence Avenue.")
    assert ("name", "East Florence Avenue") in {(p.kind, p.span) for p in moved.problems}
    assert story.verify("Price was shot outside a car wash on West Florence Avenue.").supported


def test_a_copied_sentence_finds_itself_among_sentences_with_the_same_words() -> None:
    """Scored alike on the facts, the earlier sentence used to be taken as the evidence, and
    its "wouldn't" read as the sources denying the later one."""
    story = wire(
        '"I figured they know us, they wouldn\'t come to the neighborhood and start shooting," '
        'Banks said. "There was already shooting in the neighborhood," she said. '
        "Americans as a whole don't exercise enough. But how much exercise is enough? "
        "Why were you there?"
    )
    for copied in (
        '"There was already shooting in the neighborhood," she said.',
        "But how much exercise is enough?",
        "Americans as a whole don't exercise enough.",
    ):
        verdict = story.verify(copied)
        assert verdict.supported, verdict.problems
    # nothing in it to score, but a source says it word for word
    assert story.verify("Why were you there?").supported
    assert not story.verify("Why were they there?").supported


@pytest.mark.parametrize(
    ("source", "claim", "faithful"),
    [
        ("Police said the man they shot outside the pharmacy was armed.",
         "Police said the man they shot outside the pharmacy was unarmed.", False),
        ("Organisers said the march through Leeds was non-violent.",
         "Organisers said the march through Leeds was violent.", False),
        ("The inspector called the repair of the dam possible before winter.",
         "The inspector called the repair of the dam impossible before winter.", False),
        ("The clerk's count of the ballots in Pima was incorrect.",
         "The clerk's count of the ballots in Pima was correct.", False),
        ("Half a million ballots were left to count in Maricopa County.",
         "Half a million ballots were still uncounted in Maricopa County.", True),
        ("The ballots in Yuma were not counted by Friday.",
         "The ballots in Yuma were uncounted by Friday.", True),
        ("The mayor will inform the council about the income of the port.",
         "The mayor will inform the council about the income of the port.", True),
    ],
)  # fmt: skip
def test_a_word_denied_by_its_prefix(source: str, claim: str, faithful: bool) -> None:
    """Un-, non-, il-, ir-, and in-/im- before an adjective deny the rest of the word: the
    opposites no list holds all of ("unarmed", "impossible"). A word stated as not (yet) done
    is restated, not denied, by its un- form ("left to count" and "uncounted")."""
    verdict = wire(source).verify(claim)
    assert verdict.supported == faithful, verdict.problems
    assert faithful or "polarity" in {p.kind for p in verdict.problems}


@pytest.mark.parametrize(
    ("source", "claim", "faithful"),
    [
        ("The senator defended the bill before a hostile crowd in Mesa.",
         "The senator defended the bill before a supportive crowd in Mesa.", False),
        ("The senator defended the bill before a hostile crowd in Mesa.",
         "The senator defended the bill before an angry crowd in Mesa.", True),
        ('"I\'m a no," said Rep. Dana Holt of the budget committee.',
         "Rep. Dana Holt said she would vote yes.", False),
        ("Most mice picked the easier maze, which gave a smaller reward.",
         "Most mice picked the harder maze, which gave a smaller reward.", False),
        ("Yesterday Josh checked himself into a long-term treatment center.",
         "Josh Reed checked himself into a short-term treatment center.", False),
        ("Yesterday Josh checked himself into a long-term treatment center.",
         "Josh Reed checked himself into a long-term treatment center.", True),
        ("As a side effect, the parents' stress goes down and family relations pick up.",
         "As a side effect, the parents' stress goes up.", False),
        ("As a side effect, the parents' stress goes down and family relations pick up.",
         "As a side effect, family relations pick up.", True),
        ("The film is beating Harry Potter in online advance sales.",
         "The film trailed Harry Potter in online advance sales.", False),
        ("The USA came 21st, below the likes of France (8th) and local rivals Canada (7th).",
         "The US finished 21st, ahead of France in eighth and Canada in seventh.", False),
        ("The USA came 21st, below the likes of France (8th) and local rivals Canada (7th).",
         "The US finished 21st, behind France in eighth and Canada in seventh.", True),
    ],
)  # fmt: skip
def test_opposite_words_of_every_day(source: str, claim: str, faithful: bool) -> None:
    verdict = wire(source).verify(claim)
    assert verdict.supported == faithful, verdict.problems
    assert faithful or "polarity" in {p.kind for p in verdict.problems}


def test_a_name_swapped_for_one_in_a_further_evidence_sentence() -> None:
    """The claim fuses two sentences; its rival name stands in the second ("its nearest rival
    was ... Iceland"), and the claim's name is met only in a list elsewhere."""
    checker = wire(
        "Topping the Civic Health index is Norway, moving up from fifth last time, which excels "
        "in housing and transport. Its nearest rival was fellow Nordic country Iceland, followed "
        "by Austria and Canada. Finland and Chile were among the biggest fallers."
    )
    claim = (
        "Norway, which was fifth in the previous edition, now tops the Civic Health index, with "
        "fellow Nordic nation {} its closest rival."
    )
    verdict = checker.verify(claim.format("Finland"))
    assert [(p.kind, p.detail) for p in verdict.problems] == [("name", "the sources say Iceland")]
    assert checker.verify(claim.format("Iceland")).supported


def test_a_speech_verb_that_takes_the_other_side_is_flagged() -> None:
    """ "Said" for "told" changes nothing, but "acknowledged" for "denied" turns the statement
    round."""
    checker = wire(
        "Chief executive Helen Marsh denied that blocked exits played a role in the fire."
    )
    verdict = checker.verify(
        "Helen Marsh acknowledged that blocked exits played a role in the fire."
    )
    assert "polarity" in {p.kind for p in verdict.problems}, verdict.problems
    assert checker.verify("Marsh denied that blocked exits had played a role.").supported


@pytest.mark.parametrize(
    ("claim", "problem"),
    [
        ("Harbour wages rise 6 percent from March.", "the sources say 4 percent"),
        ("Harbour wages rise 4 percent from March.", None),
        ("The dockers' union had demanded 6 percent.", None),
        ("Harbour wages rise 4 percent from March, less than the 6 percent the union "
         "demanded.", None),
        ("The deal includes shares worth about $240m.", None),
    ],
)  # fmt: skip
def test_a_figure_the_restated_sentence_gives_to_something_else(
    claim: str, problem: str | None
) -> None:
    """One sentence holds both figures; the claim's thing has its own, and the claim's figure
    stands beside other words there. A rival the claim states too, one counting what the claim
    does not (cash, for shares), or one of another order of magnitude (the price of a share
    beside the stake) displaces nothing."""
    checker = wire(
        "Harbour wages will rise 4 percent from March, below the 6 percent demanded by the "
        "dockers' union. The deal includes $50 million in cash and 3.2 million shares of "
        "common stock (valued at $240 million based on the average closing price of the 20 "
        "trading days before May 2 of $75.10 per share)."
    )
    verdict = checker.verify(claim)
    assert [p.detail for p in verdict.problems if p.kind == "number"] == (
        [problem] if problem else []
    ), verdict.problems


def test_a_majority_is_more_than_half() -> None:
    checker = wire("Nearly half of young adults in the region live with their parents.")
    verdict = checker.verify(
        "A large majority of young adults in the region live with their parents."
    )
    assert [p.kind for p in verdict.problems] == ["quantity"], verdict.problems
    assert checker.verify(
        "Almost half of young adults in the region live with their parents."
    ).supported
    assert (
        wire("Some 62 percent of young adults live with their parents.")
        .verify("The majority of young adults live with their parents.")
        .supported
    )
    # neither an ordinal nor a bare count is a share: "the 82nd" says nothing of a majority
    verdict = wire("Troops of the 82nd Airborne arrived in Kuwait.").verify(
        "A majority of the troops arrived in Kuwait."
    )
    assert [p.detail for p in verdict.problems] == ["no source states A majority"]


def test_a_figure_about_something_else_loses_to_the_figure_for_this_thing() -> None:
    """The claim fuses two sentences; its 57 percent is the ethanol figure, and another sentence
    gives propanol its own. A count of people is no rival of a sum of money."""
    checker = wire(
        "Their results are published in the April 9 online edition of the journal Nature. The "
        "team says its copper catalyst turned carbon monoxide into ethanol with 57 percent "
        "efficiency. In a second test, a slightly altered copper catalyst produced propanol "
        "with 10 percent efficiency. Two EMTs sued the network on Monday. The EMTs are each "
        "suing for $1 million. The review, by the AICR and the World Cancer Research Fund, "
        "evaluated research in 119 studies encompassing data on 12 million women from around "
        "the world. Thousands of women attended its launch in London."
    )
    review = (
        "Drawing on studies that covered {} women around the globe, the review was carried out "
        "by the World Cancer Research Fund together with the AICR."
    )
    verdict = checker.verify(review.format("thousands of"))
    assert [(p.kind, p.detail) for p in verdict.problems] == [
        ("quantity", "the sources say 12 million")
    ]
    assert checker.verify(review.format("12 million")).supported
    assert checker.verify(
        "Thousands of women attended the launch of the review in London."
    ).supported
    opening = "The study, published in the April 9 edition of Nature, found that "
    verdict = checker.verify(opening + "an altered copper catalyst produced propanol with 57 "
                             "percent efficiency.")  # fmt: skip
    assert [(p.kind, p.span) for p in verdict.problems] == [("number", "57 percent")]
    for claim in (
        opening + "an altered copper catalyst produced propanol with 10 percent efficiency.",
        opening + "a copper catalyst turned carbon monoxide into ethanol with 57 percent "
        "efficiency.",
        "Two EMTs sued the network on Monday, each suing for $1 million.",
    ):
        assert checker.verify(claim).supported, claim


def test_a_superlative_of_the_other_side_is_flagged() -> None:
    checker = wire(
        "Yad Vashem has honoured 6,700 Poles for rescuing Jews, the largest number of "
        "Righteous Gentiles of any country."
    )
    verdict = checker.verify("Yad Vashem honoured 6,700 Poles, the fewest Righteous Gentiles.")
    assert "polarity" in {p.kind for p in verdict.problems}, verdict.problems
    assert checker.verify("Yad Vashem honoured 6,700 Poles, the most Righteous Gentiles.").supported


def test_another_named_doer_of_the_same_act_is_flagged() -> None:
    """The act and what it was done to are the source's; the one who did it is someone the
    story names for something else. A doer a source does give it passes."""
    checker = wire(
        "Labour Minister Grace Adeyemi ordered an inquiry into safety at the plant. Fire "
        "Commissioner Leonard Achterberg said the roof collapsed within forty minutes. Achterberg "
        "also ordered an inspection of the other plants."
    )
    verdict = checker.verify("An inquiry into safety was ordered by Leonard Achterberg.")
    roles = [p.detail for p in verdict.problems if p.kind == "roles"]
    assert roles and "Grace Adeyemi" in roles[0], verdict.problems
    for claim in (
        "Grace Adeyemi ordered an inquiry into safety at the plant.",
        "Achterberg ordered an inspection of the other plants.",
    ):
        assert checker.verify(claim).supported, claim


def test_a_doer_named_through_which_or_who_is_a_named_doer() -> None:
    """Set h: "CAPA has been covering the United Steelworkers union's legal expenses" passed,
    where "the United Steelworkers, which is covering the group's legal expenses"; a relative
    clause on a name gives its act to that name. The name a description stands beside is the
    same doer ("Rand Paul, the Kentucky Republican who had supported ...")."""
    checker = wire(
        "CAPA is backed by the United Steelworkers, which is covering the group's legal "
        "expenses. Kentucky Republican Sen. Rand Paul, who had supported Bundy's case, called "
        "the remarks offensive."
    )
    verdict = checker.verify(
        "CAPA has been covering the United Steelworkers union's legal expenses."
    )
    roles = [p.detail for p in verdict.problems if p.kind == "roles"]
    assert roles and "United Steelworkers" in roles[0], verdict.problems
    for claim in (
        "The United Steelworkers are covering CAPA's legal expenses.",
        "Sen. Rand Paul, the Kentucky Republican who had supported Bundy's case, called the "
        "remarks offensive.",
    ):
        verdict = checker.verify(claim)
        assert verdict.supported, (claim, verdict.problems)


def test_a_figure_the_claim_gives_another_thing_is_no_rival() -> None:
    """Set p: "A 2,000-foot berm ..., 20 miles north of Omaha" was flagged "the sources say
    2,000-foot" for its 20 miles: a sentence about the berm fits the claim's words better than
    the one giving 20 miles, but that rival is the claim's own figure for the berm."""
    checker = outlets(
        "A berm holding the flooded Missouri River back from a Nebraska nuclear power "
        "station collapsed early Sunday, but federal regulators said there was no danger.",
        "The federal commission had inspectors at the plant 20 miles (32 kilometers) "
        "north of Omaha when the 2,000-foot (610-meter) berm collapsed about 1:30 a.m. "
        "Sunday. The 2,000-foot berm shielding the nuclear plant from the flooded "
        "Missouri River gave way.",
    )
    claim = (
        "A 2,000-foot berm shielding the nuclear plant, 20 miles north of Omaha, from the "
        "flooded Missouri River gave way early Sunday, though regulators said there was no danger."
    )
    assert checker.verify(claim).supported, checker.verify(claim).problems
    wrong = checker.verify(claim.replace("20 miles", "30 miles"))
    assert [p.span for p in wrong.problems if p.kind == "number"] == ["30 miles"]


@pytest.mark.parametrize(
    ("source", "claim", "word"),
    [
        (
            "The administration reaffirmed on Wednesday its decision to list polar bears as "
            "threatened.",
            "The administration reversed its decision to list polar bears as threatened.",
            "reversed",
        ),
        (
            "Balin was beaten by the guards after he dived into the crowd to help a fan in "
            "distress.",
            "Balin was beaten by the guards after he dived into the crowd to attack a fan in "
            "distress.",
            "attack",
        ),
        # set i: "leads" where the polls show him "trailing"
        (
            "Polls show Governor Corbett trailing both Allyson Schwartz and Rob McCord in "
            "head-to-head matchups.",
            "Governor Corbett leads both Allyson Schwartz and Rob McCord in head-to-head polls.",
            "leads",
        ),
        # set k: a side for the other side
        (
            "The new panels appear to the right of the search engine's regular results.",
            "The new panels sit to the left of the search engine's usual results.",
            "left",
        ),
    ],
)
def test_more_opposites_are_polarity(source: str, claim: str, word: str) -> None:
    verdict = wire(source).verify(claim)
    assert [p.span for p in verdict.problems if p.kind == "polarity"] == [word], verdict.problems
    assert wire(source).verify(source.replace("on Wednesday ", "")).supported


def test_a_negation_about_something_else_does_not_deny_the_claim() -> None:
    """Set p: "Police released pictures ... of a man they consider the main suspect" was
    denied by "Police have still not released a cause of death"; and "no more information
    would be released" by "I cannot release much more information", which says the same."""
    checker = outlets(
        "Police released pictures, recovered from Libby German's phone, of a man they "
        "consider the main suspect. Police have still not released a cause of death.",
        "“This is considered a double homicide investigation, and no further information "
        "will be released at this time,” Sergeant Kim Riley said Wednesday. At this point "
        "of time I cannot release really much more information.",
    )
    for claim in (
        "Police released pictures, recovered from Libby German's phone, of a man they now "
        "consider the main suspect in the deaths.",
        "Sergeant Kim Riley said on Wednesday that the deaths were being treated as a double "
        "homicide and that no more information would be released for now.",
    ):
        verdict = checker.verify(claim)
        assert verdict.supported, (claim, verdict.problems)
    denied = checker.verify("Police released the cause of death.")
    assert [p.kind for p in denied.problems] == ["negation"], denied.problems


def test_a_word_the_source_states_plainly_is_not_negated_through_a_synonym() -> None:
    """Set p: "The bodies ... were found near Deer Creek" against "Police didn't identify whose
    bodies were found Tuesday near Deer Creek": "found" counted as the negated "identify"."""
    checker = wire(
        "Police didn't identify whose bodies were found Tuesday near Deer Creek, but "
        "indications were that they were Liberty German and Abigail Williams."
    )
    found = checker.verify(
        "The bodies of Liberty German and Abigail Williams were found near Deer Creek."
    )
    assert found.supported, found.problems
    named = checker.verify("Police identified the bodies found near Deer Creek on Tuesday.")
    assert [p.kind for p in named.problems] == ["negation"], named.problems


def test_one_body_put_for_another_is_caught_whatever_the_length_of_their_names() -> None:
    """Set p: "in an NPR interview with Linsey Davis" passed where the interview was with ABC
    News' Linsey Davis: a rival had to have as many words as the claim's name (a person for a
    person), and NPR is one word. Two bodies may differ in length."""
    checker = outlets(
        "Bill Cosby is responding to questions about allegations of sexual assault for "
        "the first time in an exclusive interview with ABC News’ Linsey Davis. The "
        "comedian appeared on Good Morning America on Friday to promote a non-profit "
        "organization, the Black Belt Community Foundation, which aims to improve "
        "education for children in high-poverty counties near Selma, Ala.",
        "Likely wanting to avoid another NPR or Associated Press situation, Davis "
        "attempted to frame her question in the form of a hypothetical child.",
    )
    claim = (
        "Bill Cosby responded to questions about the sexual assault allegations for the first "
        "time in an {} interview with Linsey Davis while visiting Alabama to promote education."
    )
    wrong = checker.verify(claim.format("NPR"))
    assert [(p.kind, p.span) for p in wrong.problems] == [("name", "NPR")], wrong.problems
    right = checker.verify(claim.format("ABC News"))
    assert right.supported, right.problems


@pytest.mark.parametrize(
    ("source", "claim"),
    [
        (
            "This study aimed to use video analysis techniques to determine the velocity, "
            "impact force, angle of impact, and impulse to fracture involved in a "
            "video-recorded bicycle accident resulting in facial fractures. There was an impact "
            "velocity of 6.25 m/s, impact angles of 14 and 6.3 degrees of neck extension and "
            "axial rotation, respectively, an impact force of 1,910 N, and an impulse to "
            "fracture of 0.1 N.",
            "Video analysis of a filmed bicycle crash put the impact speed at 6.25 metres per "
            "second and the impact force at roughly 1,910 newtons, enough to cause serious "
            "facial fractures.",
        ),
        (
            "There was no protecting thousands of homes in Minot, N.D., where flooding of the "
            "Souris River hit its peak today, flooding more than 4,000 homes. There is some "
            "good news: The river in Minot peaked two feet lower than expected.",
            "In Minot, North Dakota, the Souris River crested two feet below what had been "
            "forecast, yet more than 4,000 homes were flooded.",
        ),
    ],
)
def test_an_amount_described_in_other_words_is_about_the_same_thing(
    source: str, claim: str
) -> None:
    """Set p: "impact speed" for "impact velocity" and "crested ... below what had been
    forecast" for "peaked ... lower than expected" left the amount "for something else"."""
    verdict = wire(source).verify(claim)
    assert verdict.supported, verdict.problems


def test_a_reversal_is_found_beyond_the_best_matching_sentence() -> None:
    """The sentence sharing most words with the claim names the suspect; the next one says who
    shot whom. A relative clause's doer is the noun it describes."""
    checker = Checker(
        [
            Article(
                1,
                "Wire",
                "The wellness center shooting suspect, patient Richard Plotts, had turbulent "
                "interactions with psychiatrist Lee Silverman, according to the district "
                "attorney. Authorities said Silverman shot Plotts three times.",
            ),
            Article(2, "Post", "It was Jay-Z, who mocked Prodigy with a childhood photo."),
        ]
    )
    for claim in (
        "Patient Richard Plotts shot psychiatrist Lee Silverman three times, according to the "
        "district attorney.",
        "Prodigy mocked Jay-Z with a childhood photo.",
    ):
        assert "roles" in {p.kind for p in checker.verify(claim).problems}, claim
    assert checker.verify("Psychiatrist Lee Silverman shot Richard Plotts three times.").supported
    assert checker.verify("Jay-Z mocked Prodigy with a childhood photo.").supported


def test_the_day_of_the_event_is_read_from_sentences_about_it() -> None:
    """ "on Friday" stands far from "killed" in the AFP sentence, and "killed ... on Sunday"
    stands close in a sentence about other air strikes: the day of the sentence about the
    claim's event (the strike, Baghdad, killed) decides, not the nearest "killed"."""
    checker = Checker(load([SEEDS]).articles)
    assert checker.verify("Soleimani was killed in Baghdad on Friday.").supported
    verdict = checker.verify("Soleimani was killed in Baghdad on Monday.")
    assert "date" in {p.kind for p in verdict.problems}, verdict.problems


def test_a_date_left_alone_from_a_pages_layout_dates_nothing() -> None:
    """Set g: "first seen together at the Kennedy family compound in Hyannisport in December"
    passed, where the sentence it restates says July: the sentences "December 19." and
    "December 13." left from a page's layout agreed with it."""
    checker = wire(
        "First spotted with the singer at the Kennedy family compound in Hyannisport in July, "
        "Conor is the son of Robert Kennedy. December 19. December 13."
    )
    claim = (
        "The pair were first seen together at the Kennedy family compound in Hyannisport, in {}."
    )
    verdict = checker.verify(claim.format("December"))
    assert [p.kind for p in verdict.problems] == ["date"], verdict.problems
    assert checker.verify(claim.format("July")).supported


def test_the_day_something_was_said_does_not_date_what_was_said() -> None:
    """ "said on Friday it had carried out" dates the announcement; the operation was on
    Wednesday."""
    text = (
        "Valmont said on Friday it had carried out the first implant of its artificial kidney. "
        "The operation was performed on Wednesday at Saint Roch Hospital in Lyon, the firm said."
    )
    checker = Checker(
        [Article(id=1, label="Wire", text=text, title="T", date=dt.date(2024, 3, 8), source="Wire")]
    )
    claim = "The first implant was carried out on {} at Saint Roch Hospital in Lyon."
    verdict = checker.verify(claim.format("Friday"))
    assert [(p.kind, p.detail) for p in verdict.problems] == [("date", "the sources say Wednesday")]
    assert checker.verify(claim.format("Wednesday")).supported
    assert checker.verify("Valmont said on Friday it had carried out the first implant.").supported


def test_a_year_the_restated_sentence_gives_otherwise_is_flagged() -> None:
    """1992 is in the story (a player retired then), but the sentence the claim restates dates
    the act 1994; a year fused in from a sentence of its own is still its own."""
    checker = wire(
        "In 1994, Commissioner Tagliabue approved the creation of the NFL's Committee on Mild "
        "Traumatic Brain Injury. In 1992 Al Toon was the first NFL player known to have retired "
        "because of concussions. The committee was disbanded in 2009, after Congress held "
        "hearings on the league's record."
    )
    claim = (
        "Commissioner Tagliabue approved the creation of the NFL's Committee on Mild Traumatic "
        "Brain Injury"
    )
    verdict = checker.verify(f"{claim} in 1992.")
    assert [(p.kind, p.detail) for p in verdict.problems] == [("date", "the sources say 1994")]
    assert checker.verify(f"{claim} in 1994.").supported
    assert checker.verify(f"{claim}, which was disbanded in 2009.").supported


def test_an_act_written_in_the_claims_order_is_stated_whatever_the_parse() -> None:
    """A new user's faithful summary was flagged for roles on a sentence copied from its
    source: the parser hung "Browne-Louis faces" on the first clause and read "Plaskett asked
    McCullum to take her iPhone" as Plaskett taking it. A passive sentence in the same order
    still reverses the act."""
    checker = wire(
        "McCullum faces two counts of cyberstalking and Browne-Louis faces two counts of "
        "obstruction of justice. According to the charges, in March 2016, Plaskett asked "
        "McCullum to take her iPhone to an Apple store for repairs. Wyatt says a Klan member "
        "was stomped on by counter-protesters during another altercation."
    )
    for claim in (
        "Browne-Louis faces two counts of obstruction of justice.",
        "Juan McCullum faces two counts of cyberstalking, while Dorene Browne-Louis faces two "
        "counts of obstruction of justice.",
        "McCullum had taken Plaskett's iPhone to an Apple store for repairs in March 2016.",
    ):
        verdict = checker.verify(claim)
        assert verdict.supported, (claim, verdict.problems)
    verdict = checker.verify("Wyatt says Klan members stomped on a counter-protester.")
    assert "roles" in {p.kind for p in verdict.problems}, verdict.problems


def test_the_one_who_reported_an_act_is_not_its_doer() -> None:
    """A compression that drops "said Soleimani" makes the Defense Department the planner (the
    audit caught the abstractive mode writing exactly this)."""
    checker = Checker(load([SEEDS]).articles)
    claim = (
        "The Defense Department has been actively developing plans to attack American diplomats."
    )
    (problem,) = [p for p in checker.verify(claim).problems if p.kind == "roles"]
    assert problem.span == "developing" and "Soleimani" in problem.detail
    assert checker.verify(
        "Soleimani was actively developing plans to attack American diplomats, the Defense "
        "Department said."
    ).supported


def test_a_place_in_a_speakers_affiliation_does_not_name_the_speaker() -> None:
    """Set h: "Elizabeth Alex of CASA of Maryland said ..." passed for words that "Maryland
    Attorney General Brian Frosh" says: the "Maryland" beside the quotation was read as her."""
    checker = wire(
        "“You’ve got an officer of the court really attempting to induce a witness not to "
        "testify,” says Maryland Attorney General Brian Frosh. The hearing was delayed. The "
        "judge made no comment. Elizabeth Alex of CASA of Maryland said the group would protest."
    )
    said = "said an officer of the court was attempting to induce a witness not to testify."
    verdict = checker.verify(f"Elizabeth Alex of CASA of Maryland {said}")
    assert [p.kind for p in verdict.problems] == ["speaker"], verdict.problems
    assert checker.verify(f"Maryland Attorney General Brian Frosh {said}").supported


def test_responding_and_replying_attribute_words() -> None:
    """Set l: "DNC chairwoman Debbie Wasserman Schultz responded that the front-runner's
    attacks showed the GOP's outdated approach" passed: "responded" gave no speaker, and
    the words are a spokeswoman's."""
    checker = wire(
        "Trump called Debbie Wasserman Schultz a terrible person. \"The front-runner's "
        "attacks show the GOP's outdated approach to women,\" Kaylie Hanson, a DNC "
        "spokeswoman, said in a statement."
    )
    for verb in ("responded", "replied"):
        verdict = checker.verify(
            f"Debbie Wasserman Schultz {verb} that the front-runner's attacks show the GOP's "
            "outdated approach to women."
        )
        assert "speaker" in {p.kind for p in verdict.problems}, (verb, verdict.problems)
    assert checker.verify(
        "Kaylie Hanson responded that the front-runner's attacks show the GOP's outdated "
        "approach to women."
    ).supported


def test_a_statement_stays_with_the_speaker_of_the_sentence_that_states_it() -> None:
    """McConnell is quoted in the story, but not saying this: a name met elsewhere does not
    make the statement his."""
    checker = wire(
        '"This balanced budget is an important first step," said Senate Budget '
        'Chairman Mike Enzi. "Republicans have shown that the Senate is under new '
        'management," said Senate Majority Leader Mitch McConnell.'
    )
    wrong = checker.verify("Mitch McConnell said the balanced budget was an important first step.")
    assert "speaker" in {p.kind for p in wrong.problems}
    right = checker.verify("Mike Enzi said the balanced budget was an important first step.")
    assert "speaker" not in {p.kind for p in right.problems}


def test_the_speaker_named_in_the_claim_does_not_choose_the_statement() -> None:
    """The claim's speaker is quoted elsewhere, on something else: the sentence that states
    the claim's words decides, and an organisation both speakers share does not make them one."""
    checker = wire(
        '"We are delighted, although it is premature to draw conclusions from a single '
        'implant," said Carmat\'s CEO, Marcello Conviti. "It is about giving patients a '
        'normal life," Alain Carpentier, surgeon and Carmat co-founder, told France 2. '
        '"Finding DNA in a hot climate was a surprise," said Dr. Marc Haber. '
        '"The results agree with archaeology," said Dr. Claude Doumet-Serhal.'
    )
    for wrong in (
        "It is premature to draw conclusions from a single implant, according to Carmat "
        "co-founder Alain Carpentier.",
        "Finding DNA in a hot climate was a surprise, said Dr. Claude Doumet-Serhal.",
    ):
        assert "speaker" in {p.kind for p in checker.verify(wrong).problems}, wrong
    for right in (
        "It is premature to draw conclusions from a single implant, according to Carmat's "
        "CEO, Marcello Conviti.",
        "Finding DNA in a hot climate was a surprise, said Dr. Marc Haber.",
    ):
        assert checker.verify(right).supported, right


def test_a_pronoun_speaks_for_a_name_before_it() -> None:
    checker = wire(
        "Mike Peinovich runs a podcast. Contacted by Salon, he denied being Mike Enoch "
        "but admitted he had been involved with the site."
    )
    verdict = checker.verify("Peinovich denied being Mike Enoch but admitted he was involved.")
    assert "speaker" not in {p.kind for p in verdict.problems}


def test_a_speaker_named_by_surname_is_still_a_person() -> None:
    """The sentence stating it gives it to "Lindgren", whom the story names in full: the
    claim's Haines, named in the next sentence, did not say it."""
    checker = wire(
        'Maria Lindgren won the Valemont mayoral race. "Tonight Valemont chose to stop '
        'waiting," Lindgren told supporters. Tom Haines conceded defeat.'
    )
    verdict = checker.verify("Haines told supporters that Valemont had decided to stop waiting.")
    assert "speaker" in {p.kind for p in verdict.problems}
    assert checker.verify(
        "Lindgren told supporters that Valemont had chosen to stop waiting."
    ).supported


def test_an_age_belongs_to_the_person_the_sources_give_it() -> None:
    """The 52 of the sentence is the psychiatrist's; the caseworker is 53 wherever she is
    named. A possessive's age is the relative's ("Smith's 2-year-old brother")."""
    checker = wire(
        "The shooting left the caseworker, 53-year-old Theresa Hunt, dead and the "
        "52-year-old psychiatrist wounded. Police said Shawn Smith's 2-year-old brother "
        "was unhurt, and Shawn Smith, 20, was charged."
    )
    verdict = checker.verify("Caseworker Theresa Hunt, 52, was killed in the shooting.")
    assert "number" in {p.kind for p in verdict.problems}
    assert checker.verify("Caseworker Theresa Hunt, 53, was killed in the shooting.").supported
    assert checker.verify("The 20-year-old Shawn Smith was charged.").supported
    # a surname alone is the person the story names in full
    verdict = checker.verify("Hunt, 52, was killed in the shooting.")
    assert "number" in {p.kind for p in verdict.problems}, verdict.problems
    assert checker.verify("Hunt, 53, was killed in the shooting.").supported


def test_an_age_the_sources_give_its_person_stands_in_a_list_of_others() -> None:
    """The second new-user audit: "Kanasho Johns, 27, ... as have Dwight Smith, 30" was "the
    sources say 30" against a list where 27 is another man's; a source gives Johns 27."""
    checker = wire(
        "Dwight Smith, 30, Kevin Johnson, 25, and Antheyst Jarrett, 27, were also arrested. "
        "The suspected shooter, 27-year-old Kanasho Johns, was taken into custody in Texas."
    )
    claim = "Kanasho Johns, 27, was arrested in Texas, as were Dwight Smith, 30, and others."
    assert checker.verify(claim).supported, checker.verify(claim).problems
    older = checker.verify("Kanasho Johns, 30, was arrested in Texas, as were others.")
    assert "number" in {p.kind for p in older.problems}


def test_a_place_from_elsewhere_in_the_story_put_in_another_place() -> None:
    checker = wire(
        "Rapinoe first knelt for the anthem on Sunday in Chicago, as a nod to Colin "
        "Kaepernick. She plays for the Seattle Reign, who lost on Wednesday."
    )
    moved = checker.verify("Rapinoe first knelt for the anthem on Sunday in Seattle.")
    assert any(p.kind == "name" and p.span == "Seattle" for p in moved.problems)
    assert checker.verify("Rapinoe first knelt for the anthem on Sunday in Chicago.").supported


def test_a_title_with_an_accent_is_tied_by_the_sentence_that_gives_it() -> None:
    """A dev source's own sentence was refused: "no source ties Duke of Närke to Eugen"; the
    title's words were folded ("narke") and the source's were not."""
    text = (
        "Gustaf Wickman was the church's architect and the famous altarpiece is a work of "
        "Prince Eugen, Duke of Närke."
    )
    assert outlets(f"The church was built in 1912. {text}").verify(text).supported


def test_a_donation_given_to_the_other_candidate() -> None:
    """Set p: "gave the maximum allowed donation to Republican Ben Cline" passed where the
    sentence says Jennifer Lewis: "Republican" was part of Cline's name, and any Republican
    in the sources was him."""
    checker = outlets(
        '"I just gave the maximum allowed donation to Jennifer Lewis, a democrat running for '
        "my father's congressional seat.\" A high-ranking Republican lawmaker's son donated "
        "the maximum amount to a Democrat. Lewis is running against Republican state lawmaker "
        "Ben Cline."
    )
    claim = (
        "Bobby Goodlatte gave the maximum allowed donation to {}, running for his father's seat."
    )
    swapped = checker.verify(claim.format("Republican Ben Cline"))
    assert ("name", "Ben Cline") in {(p.kind, p.span) for p in swapped.problems}, swapped
    assert "Ben Cline" not in str(checker.verify(claim.format("Jennifer Lewis")).problems)


def test_a_person_is_not_set_against_a_square() -> None:
    """The new-user audit: a quotation given to the wrong man was flagged "the sources say
    Liberty Square", a person's name set against a square's ("Square" is written "sq" in a
    name's words, and the list of place words held "square" unabbreviated)."""
    checker = outlets(
        '"Tonight the people chose change," Vella told thousands of supporters in the '
        "capital's Liberty Square. Outgoing Prime Minister Tomas Brenner conceded defeat."
    )
    verdict = checker.verify('"Tonight the people chose change," Tomas Brenner told supporters.')
    assert not any("Liberty Square" in p.detail for p in verdict.problems), verdict.problems
    assert any(p.kind == "speaker" and "Vella" in p.detail for p in verdict.problems)


def test_a_state_swapped_for_another_the_story_lists_beside_it() -> None:
    """Set p: "In Iowa, the pair allegedly let about 1,800 mink out of the Moyle Mink Ranch in
    Burley" passed. The sentence it paraphrases says Idaho; Iowa stood beside Idaho in a list
    of states, which read as one lying in the other, and the paraphrase shares too few words to
    count as restating it, though it names the ranch and the town."""
    checker = outlets(
        "The pair stopped at fur farms in Idaho, Iowa, Minnesota and Wisconsin. In Idaho, they "
        "released about 1,800 mink from the Moyle Mink Ranch in Burley and destroyed the "
        "breeding grounds there, the indictment alleges."
    )
    swapped = checker.verify(
        "In Iowa, the pair allegedly let about 1,800 mink out of the Moyle Mink Ranch in Burley "
        "and wrecked its breeding grounds."
    )
    assert any(p.kind == "name" and p.span == "Iowa" for p in swapped.problems), swapped
    kept = checker.verify(
        "In Idaho, the pair allegedly let about 1,800 mink out of the Moyle Mink Ranch in "
        "Burley and wrecked its breeding grounds."
    )
    assert kept.supported, kept.problems


def test_one_thing_placed_where_the_sources_place_it_elsewhere() -> None:
    """Set c: "died ... in his Dominican Republic home" passed, though the sentence it restates
    has his home in Kent, Connecticut; the Dominican Republic is where he was born. A place the
    sources give the same thing stays supported, even from a second sentence."""
    checker = wire(
        "Oscar de la Renta, the couturier who dressed first ladies, died Monday at age 82 at "
        "his home in Kent, Connecticut, his wife told The New York Times. He was born in the "
        "Dominican Republic and apprenticed with Balenciaga. He supported an orphanage in the "
        "Dominican Republic. The first Model S fire happened on "
        "a freeway outside Seattle. On Wednesday, a Model S caught fire on a Tennessee freeway."
    )
    moved = checker.verify("Oscar de la Renta died Monday at 82 in his Dominican Republic home.")
    assert any(p.kind == "name" and p.span == "Dominican Republic" for p in moved.problems)
    for claim in (
        "Oscar de la Renta died Monday at 82 in his Kent home.",
        "On Wednesday a Model S caught fire on a Tennessee freeway.",
        "The first Model S fire was on a freeway outside Seattle.",
    ):
        verdict = checker.verify(claim)
        assert verdict.supported, (claim, verdict.problems)


def test_a_thing_placed_through_an_area_word_or_a_synonym() -> None:
    """Stories: "the Corvane Plastics plant in Elston" passed, where the sentence it restates
    has "the Corvane Plastics factory in Brackley's Westfield industrial zone": the zone's
    place is the factory's, and a plant is a factory. Elston sends only firefighters."""
    checker = outlets(
        "Three workers were killed when a fire swept through the Corvane Plastics factory in "
        "Brackley's Westfield industrial zone on Tuesday night.",
        "Firefighters from the neighbouring town of Elston helped Brackley crews overnight.",
    )
    claim = "Three workers died when fire tore through the Corvane Plastics plant in {} on Tuesday."
    moved = checker.verify(claim.format("Elston"))
    assert ("name", "Elston") in {(p.kind, p.span) for p in moved.problems}, moved.problems
    kept = checker.verify(claim.format("Brackley"))
    assert kept.supported, kept.problems


def test_an_event_put_in_a_place_no_source_gives_it() -> None:
    """README's example: the seeds put the strike in Baghdad, and mention Tehran elsewhere."""
    checker = Checker(load([SEEDS]).articles)
    moved = checker.verify("Soleimani was killed in Tehran.")
    assert any(p.kind == "name" and p.span == "Tehran" for p in moved.problems), moved
    for claim in ("Soleimani was killed in Baghdad.", "Soleimani was killed in Iraq."):
        assert checker.verify(claim).supported, claim


def test_what_a_new_user_saw_flagged_that_the_sources_state() -> None:
    """From the new-user audit's `summarize check` of a reference summary: a quotation the
    sources give inside a longer sentence, a state abbreviated, "Sources" after a colon."""
    checker = wire(
        "Paul Reyes wrote: I gave the maximum donation. 2018 is the year to flip districts, "
        "let's do this! The boy's body was found in the woods in Largo, Florida, on Tuesday. "
        "Investigators believe Reyes has useful information, officials said. House oversight "
        "committee chairman Jason Chaffetz said he wants to review the contacts."
    )
    for claim in (
        "“Let's do this!”",
        "The boy's body was found in the woods in Largo, Fla., on Tuesday.",
        "In other coverage: Sources say investigators believe Reyes has useful information.",
    ):
        verdict = checker.verify(claim)
        assert verdict.supported, (claim, verdict.problems)
    assert not checker.verify("“Let's do that again!”").supported
    moved = checker.verify("The boy's body was found in the woods in Largo, Ga., on Tuesday.")
    assert not moved.supported


def test_quoted_words_are_words_a_source_holds() -> None:
    """The second new-user audit: a quotation put in the mouth of the company's founder passed
    on "People who try it say it's different from anything they've ever experienced"."""
    checker = wire(
        "Facebook is buying Oculus VR for $2 billion. People who try the headset say it's "
        "different from anything they've ever experienced in their lives. Mark Zuckerberg "
        'said on a conference call: "This is really a new communication platform."'
    )
    invented = checker.verify(
        'The headset is "different from anything I\'ve ever experienced in my life," Mark '
        "Zuckerberg said."
    )
    assert any(p.detail == "no source quotes these words" for p in invented.problems)
    quoted = checker.verify(
        'Mark Zuckerberg called it "really a new communication platform" on a conference call.'
    )
    assert quoted.supported, quoted.problems


def test_a_time_of_day_in_the_restated_sentence_is_its_events() -> None:
    """The second new-user audit: "spotted ... around 9:30pm" was "given for something else"
    because the source opens with the time ("Around 9:30 p.m., the helicopter team ...")."""
    checker = wire(
        "Around 9:30 p.m., the Coast Guard helicopter team spotted Hackett in the water. "
        "Auerbach eventually made it back to shore around 7:30 p.m."
    )
    assert checker.verify("A Coast Guard helicopter team spotted Hackett around 9:30pm.").supported
    swapped = checker.verify("A Coast Guard helicopter team spotted Hackett around 7:30pm.")
    assert not swapped.supported


def test_a_happening_no_source_mentions_is_invented() -> None:
    """The new-user audit: "An autopsy of the boy is scheduled for Wednesday" passed on a
    court date ("She is scheduled to have a first appearance in court today")."""
    checker = wire(
        "The mother of the missing boy was charged with murder on Tuesday. She is scheduled "
        "to have a first appearance in court today. Relatives held a prayer service."
    )
    verdict = checker.verify("An autopsy of the boy is scheduled for Wednesday.")
    assert any(p.kind == "unsupported" and p.span == "autopsy" for p in verdict.problems)
    assert checker.verify("She is scheduled to appear in court today.").supported
    # "recalled" is remembering as often as a product recall: not a happening to check
    assert not any(
        p.span == "recalled" for p in checker.verify("She recalled the prayer service.").problems
    )


def test_a_town_the_parser_calls_a_region_is_still_a_rival_place() -> None:
    """spaCy's small model labels "Palm Coast" LOC and "Lake Butler" GPE; the wedding was in
    Palm Coast, and Lake Butler is only where the woman lives (a tuning-set claim, g-134)."""
    checker = wire(
        "Maria Lopez, 20, was arrested on Sunday after she showed up uninvited at a wedding in "
        "Palm Coast, Florida, deputies said. Lopez, of Lake Butler, told deputies her "
        "boyfriend was a guest at the resort."
    )
    moved = checker.verify(
        "Maria Lopez, 20, was arrested after crashing a wedding at a resort in Lake Butler."
    )
    assert any(p.kind == "name" and p.span == "Lake Butler" for p in moved.problems), moved
    assert checker.verify(
        "Maria Lopez, 20, was arrested after showing up uninvited at a wedding in Palm Coast."
    ).supported


def test_a_measured_amount_beside_the_same_name_is_about_it() -> None:
    """Set k: "a team had spent two years building the Knowledge Graph" was "the sources give
    two years for something else", where "a team at Google has been working on the Knowledge
    Graph for two years": the words about it are its name, before or after the amount."""
    checker = wire(
        "Shashidhar Thakur, Google's tech lead in search, told ABC News the panels are a first "
        "step. A team at Google has been working on the Knowledge Graph for two years. The "
        "company has been indexing books for six years."
    )
    told = "Shashidhar Thakur, Google's tech lead in search, told ABC News that a team had spent"
    verdict = checker.verify(f"{told} two years building the Knowledge Graph.")
    assert verdict.supported, verdict.problems
    longer = checker.verify(f"{told} six years building the Knowledge Graph.")
    assert "number" in {p.kind for p in longer.problems}


@pytest.mark.parametrize(
    ("source", "claim", "faithful"),
    [
        ("The first-place Spirit (12-3-3) won, 2-1, in a match twice delayed by lightning.",
         "The first-place Spirit lost by two goals to one in a match delayed by lightning.",
         False),
        ("Jimmy Choo shares rose 17 percent, while Kors stock fell 1.2 percent.",
         "Jimmy Choo shares jumped 17 percent, while Kors stock slipped 1.2 percent.", True),
        ("Had he lost, Berlusconi would have had to resign.",
         "Berlusconi did not resign.", True),
        ("More than half of the bill is defence, which would increase by $5 billion. Passing "
         "it would cut taxes, increasing pressure on Democrats.",
         "Defence, more than half of the bill, would fall by $5 billion.", False),
        ("After her ratings bonanza hosting the show, White got another offer.",
         "White's turn hosting the show was a ratings flop.", False),
        ("Jimmy Choo shares were up 17 percent. Michael Kors' shares fell 1.2 percent in "
         "New York.",
         "Jimmy Choo shares jumped 17 percent, while Kors stock slipped 1.2 percent in New "
         "York.", True),
        ("Jimmy Choo shares were up 17 percent. Michael Kors' shares fell 1.2 percent in "
         "New York.",
         "Jimmy Choo shares jumped 17 percent, and Kors stock also gained 1.2 percent in New "
         "York.", False),
        ("It is one of the best-preserved pterosaurs ever found.",
         "It is among the worst-preserved pterosaurs ever found.", False),
        ("It is one of the best-preserved pterosaurs ever found.",
         "It is among the best-preserved pterosaurs ever discovered.", True),
        ("Pasztor faces two charges of murder over the deaths of her children. Pasztor "
         "admitted shooting Macomber with his own gun. Pasztor has not been charged with "
         "Macomber's death.",
         "Pasztor admitted shooting Macomber with his own gun, though she faces no charge over "
         "his death.", True),
        ("Pasztor faces two charges of murder for the deaths of her children.",
         "Pasztor faces no charge over the deaths of her children.", False),
        ("The case is due to be heard by the Supreme Court in early 2015.",
         "The Supreme Court will not hear the case until 2015.", True),
        ('He saw people sitting on the porch, "they didn\'t have nothing to do."',
         "He saw people sitting on the porch with nothing to do.", True),
        ("The official said Feinstein's claim that the collection would not continue was not "
         "accurate.",
         "The official said Feinstein's claim that the collection would not continue was "
         "accurate.", False),
    ],
)  # fmt: skip
def test_opposites_are_read_where_the_words_stand(source: str, claim: str, faithful: bool) -> None:
    """The word standing where the claim's word stands decides (punctuation between does not
    matter), a contrast the claim and source both state is no reversal, and a counterfactual
    states nothing either way."""
    verdict = wire(source).verify(claim)
    flagged = {p.kind for p in verdict.problems} & {"polarity", "negation"}
    assert bool(flagged) != faithful, verdict.problems


FERRY = (
    "Rescue chief Marta Okonjo said divers had found an oil slick and a seat cushion near the "
    "harbour wall on Friday morning, hours after the ferry vanished from radar with 41 people "
    "aboard. She said she could not confirm the debris came from the missing ferry. Relatives "
    "gathered at the port."
)


@pytest.mark.parametrize(
    ("claim", "faithful"),
    [
        ("Rescue chief Marta Okonjo said divers had found an oil slick near the harbour wall and "
         "that she could confirm the debris came from the missing ferry.", False),
        ("Rescue chief Marta Okonjo said divers had found an oil slick near the harbour wall but "
         "that she could not confirm the debris came from the missing ferry.", True),
    ],
)  # fmt: skip
def test_a_short_sentence_that_negates_a_clause_refutes_it(claim: str, faithful: bool) -> None:
    """The best evidence is picked for the whole claim (the long sentence about the find);
    the clause it shares with a shorter, negated sentence is read against that one."""
    verdict = wire(FERRY).verify(claim)
    assert verdict.supported == faithful, verdict.problems
    assert faithful or verdict.problems[0].kind == "negation"


MILL = (
    "The fire started shortly before midnight in a drying hall at the Ostrava paper mill and "
    "spread to the main production building within an hour, fire officials said. {} About 300 "
    "people work at the mill."
)


@pytest.mark.parametrize(
    ("middle", "claim", "faithful"),
    [
        ("Production has been suspended indefinitely.", "Production at the mill has resumed.",
         False),
        ("Production has been suspended indefinitely.", "Production at the mill has been halted.",
         True),
        ("Production was suspended for a week. Production has now resumed.",
         "Production at the mill has resumed.", True),
    ],
)  # fmt: skip
def test_an_opposite_in_a_short_sentence_about_the_same_thing(
    middle: str, claim: str, faithful: bool
) -> None:
    """The evidence is the long sentence about the production building; the short one that
    is about production and nothing else holds the opposite of the claim's word, unless a
    sentence states the word itself."""
    verdict = wire(MILL.format(middle)).verify(claim)
    assert verdict.supported == faithful, verdict.problems
    assert faithful or verdict.problems[0].kind == "polarity"


def test_two_figures_handed_to_each_others_owners() -> None:
    """Set p: "49 per cent of women view Democrats unfavourably, against 39 per cent for
    Republicans" passed, where the sentence giving both figures has them the other way round.
    Each figure belongs to the name after it in its clause, else to the one before it."""
    checker = outlets(
        "The report was obtained by POLITICO. It says 49 percent of women view Republicans "
        "unfavorably, while 39 percent view Democrats unfavorably."
    )
    swapped = checker.verify(
        "The report found that 49 per cent of women view Democrats unfavourably, against 39 "
        "per cent for Republicans."
    )
    assert [p.kind for p in swapped.problems] == ["roles"], swapped.problems
    assert "49 percent to Republicans" in swapped.problems[0].detail
    kept = checker.verify(
        "The report found that 49 per cent of women view Republicans unfavourably, against 39 "
        "per cent for Democrats."
    )
    assert kept.supported, kept.problems
    ranks = outlets("Delta Air Lines ranked 60th, while Emirates ranked 3rd.")
    assert not ranks.verify("Emirates ranked 60th, while Delta Air Lines ranked 3rd.").supported
    assert ranks.verify("Delta ranked 60th and Emirates 3rd.").supported


def test_the_direction_beside_an_amount_another_sentence_gives() -> None:
    """Set p: "took her 275 miles east to Nagoya" passed. The claim restates the arrest in
    the restaurant; the sentence giving the 275 miles says west, and it states too little of
    the rest of the claim to be read for opposites, but the amount and the word beside it are
    the fact."""
    checker = outlets(
        "Five plain-clothed police officers burst into a Tokyo restaurant where the 26-year-old "
        "American was dining with friends and detained her. She was taken 275 miles west to "
        "Nagoya, where she was incarcerated. She remains in jail on suspicion of smuggling "
        "amphetamines into Japan."
    )
    claim = (
        "Five plain-clothed officers detained the 26-year-old in a Tokyo restaurant and took "
        "her 275 miles {} to Nagoya, where she is jailed on suspicion of smuggling amphetamines."
    )
    turned = checker.verify(claim.format("east"))
    assert [(p.kind, p.span) for p in turned.problems] == [("polarity", "east")], turned
    assert checker.verify(claim.format("west")).supported


def test_a_word_set_off_by_commas_does_not_end_what_is_negated() -> None:
    """Set g: "Zuckerberg was among the technology leaders who attended the round-table"
    passed, where the source says he "did not, famously, attend" it."""
    checker = wire(
        "Mr Zuckerberg did not, famously, attend the round-table of technology leaders hosted "
        "by the new president."
    )
    verdict = checker.verify(
        "Zuckerberg attended the round-table of technology leaders hosted by the new president."
    )
    assert [p.kind for p in verdict.problems] == ["negation"], verdict.problems
    assert checker.verify(
        "Zuckerberg did not attend the round-table of technology leaders hosted by the president."
    ).supported


def test_a_negation_other_sources_contradict_refutes_nothing() -> None:
    """Where one outlet states plainly what another negates, the sources differ; a claim that
    takes one side is not refuted by the other."""
    other = Article(2, "Post", "Okonjo said she could confirm the debris came from the ferry.")
    checker = Checker([Article(1, "Wire", FERRY), other])
    claim = (
        "Rescue chief Marta Okonjo said divers had found an oil slick near the harbour wall and "
        "that she could confirm the debris came from the missing ferry."
    )
    assert checker.verify(claim).supported


@pytest.mark.parametrize(
    ("source", "claim"),
    [
        ("The bridge opened last year, police said.", "The bridge opened in 2023, police said."),
        ("The bridge opened in 2023, police said.", "The bridge opened last year, police said."),
        ("The bridge reopens next month.", "The bridge reopens in April."),
        ("The project cost £2.3bn.", "The project cost 2.3 billion pounds."),
        ("Temperatures reached 40C.", "Temperatures reached 40 degrees."),
        ("Roughly 60 percent of them wander.", "Roughly three in five of them wander."),
        ("The trial starts on Monday.", "The trial starts on March 11."),
        ('"Neither Governor Ruiz nor her staff was contacted," he said.',
         "He said neither the governor nor her staff had been contacted."),
        ('"I\'m a \'no,\'" said Rep. Paul Gosar.', "Rep. Paul Gosar said he would vote no."),
        ("Ruiz was the lone candidate in the chamber.", "No other candidate was in the chamber."),
        ("The 21-year-old mom survived.", "Her 21-year-old mother survived."),
        ("Defender Kofi Mensah was sent off.", "Player Kofi Mensah was sent off."),
        ("Senator Ana Ruiz voted no.", "Lawmaker Ana Ruiz voted against it."),
        ("He met them on Tuesday, a meeting that ended in a brawl, and said he would shut the "
         "government if his demands were not met.", "Their Tuesday meeting ended in a brawl."),
        ("Mechanics spent six days readying the U-2 for its first flight on Aug. 4. On July "
         "25, the first prototype was delivered.",
         "After the first prototype was delivered on July 25, mechanics spent six days "
         "readying the U-2 for its first flight on August 4th."),
    ],
)  # fmt: skip
def test_formats_of_the_same_fact_are_supported(source: str, claim: str) -> None:
    article = Article(
        id=1, label="Courier", text=source, title="T", date=dt.date(2024, 3, 6), source="Courier"
    )
    verdict = Checker([article]).verify(claim)
    assert verdict.supported, verdict.problems


@pytest.mark.parametrize(
    ("source", "claim"),
    [
        ("The bridge opened last year, police said.", "The bridge opened in 2021, police said."),
        ("The bridge reopens next month.", "The bridge reopens in June."),
        ("Roughly 60 percent of them wander.", "Roughly one in five of them wander."),
        ("Temperatures reached 40C.", "Temperatures reached 40F."),
        ("A 6-week-old girl was hurt.", "A six-month-old girl was hurt."),
        ("Defender Kofi Mensah was sent off.", "Goalkeeper Kofi Mensah was sent off."),
        ("Senator Ana Ruiz voted no.", "Representative Ana Ruiz voted no."),
        ('"Markets fluctuate," Raj Shah, a deputy White House press secretary, said.',
         "Markets fluctuate, White House press secretary Raj Shah said."),
        ("A Sandoval spokesman, Mari St. Martin, said he was not contacted.",
         "Sandoval's chief of staff, Mari St. Martin, said he was not contacted."),
    ],
)  # fmt: skip
def test_formats_do_not_excuse_another_fact(source: str, claim: str) -> None:
    article = Article(
        id=1, label="Courier", text=source, title="T", date=dt.date(2024, 3, 6), source="Courier"
    )
    assert not Checker([article]).verify(claim).supported


def test_problems_say_what_the_sources_say() -> None:
    verdict = flood_checker().verify("Governor Okafor promised $12 billion in relief.")
    (problem,) = [p for p in verdict.problems if p.kind == "unit"]
    assert problem.span == "$12 billion" and "$12 million" in problem.detail
    assert verdict.evidence[0].doc_id == 1


# -- the labelled stories (written by someone who never saw the checker) --------------------------


def test_labelled_stories_floor() -> None:
    """A floor, not the target: benchmarks/results/check.md reports every set and category."""
    result = summarise(evaluate(load_cases("stories")))
    assert result["recall"] >= 0.75, result
    assert result["false_alarm_rate"] <= 0.10, result


# -- properties over real sentences ---------------------------------------------------------------

CORPORA = [("seeds", load([SEEDS]).articles)] + [
    (case.id, case.articles) for case in load_cases("stories")
]
SENTENCES = [
    (n, sentence)
    for n, (_, articles) in enumerate(CORPORA)
    for article in articles
    for sentence in split_sentences(article.text)
]
CHECKERS: dict[int, Checker] = {}


def checker_for(n: int) -> Checker:
    if n not in CHECKERS:
        CHECKERS[n] = Checker(CORPORA[n][1])
    return CHECKERS[n]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(SENTENCES))
def test_a_sentence_copied_from_a_source_is_supported(item: tuple[int, str]) -> None:
    n, sentence = item
    verdict = checker_for(n).verify(sentence)
    assert verdict.supported, (sentence, verdict.problems)


WITH_DIGITS = [(n, s) for n, s in SENTENCES if re.search(r"\d", s)]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(WITH_DIGITS), st.data())
def test_changing_one_digit_of_a_number_flags_it(
    item: tuple[int, str], data: st.DataObject
) -> None:
    n, sentence = item
    spots = [m.start() for m in re.finditer(r"\d", sentence)]
    at = data.draw(st.sampled_from(spots))
    old = sentence[at]
    new = data.draw(st.sampled_from([d for d in "0123456789" if d != old]))
    if new == "0" and (at == 0 or not sentence[at - 1].isdigit()):
        new = "9" if old != "9" else "8"  # no leading zero: "05" reads as 5
    changed = sentence[:at] + new + sentence[at + 1 :]
    verdict = checker_for(n).verify(changed)
    assert not verdict.supported, (changed, verdict.evidence)


# -- citations, disagreements, timeline on the seeds ----------------------------------------------


@pytest.fixture(scope="module")
def seeds_briefing():
    return summarize([SEEDS], words=250, timeline=True)


def test_a_figure_is_cited_only_by_sources_that_state_it(seeds_briefing) -> None:
    # at 400 words the briefing carries Esper's "around 750 troops ... prepared to deploy"
    longer = summarize([SEEDS], words=400)
    esper = next(p for p in longer.points if "750 troops" in p.text)
    assert esper.citations == (esper.origin.doc_id,)
    default = summarize([SEEDS])  # at 150 words one Defense Department sentence states two
    for point in (*seeds_briefing.points, *longer.points, *default.points):
        listed = [(s.sentence.doc_id, s.sentence.index) for s in point.support]
        assert len(listed) == len(set(listed)), point.text  # a sentence is listed once
        for support in point.support:
            verdict = compare(analyse(point.text), analyse(support.sentence.text))
            assert not [c for c in verdict.conflicts if c.kind in ("number", "date")]


def test_the_seeds_disagree_on_the_day_of_the_strike(seeds_briefing) -> None:
    days = [d for d in seeds_briefing.disagreements if d.kind == "date"]
    (strike,) = [d for d in days if "strike" in d.topic.lower()]
    sides = {side.value.split()[0]: side.sources for side in strike.sides}
    assert sides["Thursday"] == (4,)
    assert set(sides["Friday"]) >= {3}
    thursday = next(
        p for p in seeds_briefing.points if "on Thursday" in p.text and p.origin.doc_id == 4
    )
    assert thursday.disputes
    assert 3 not in thursday.citations


def test_an_event_is_named_by_a_noun_not_a_past_tense() -> None:
    """At 30 words the seeds' strike was only ever written "struck" in the sentences that date
    it: "Day of the struck"."""
    brief = summarize([str(SEEDS)], words=30)
    topics = [d.topic for d in brief.disagreements if d.kind == "date"]
    assert topics and all(not t.endswith(("struck", "ed")) for t in topics), topics
    # the weather's storm is not the storming of an embassy
    day = dt.date(2023, 3, 14)
    storm = [
        Article(1, "A", "A storm hit Springfield on Sunday night, leaving 15,000 homes without "
                "power. Schools will be closed Tuesday.", date=day),
        Article(2, "B", "A storm hit Springfield on Monday, knocking out power to 12,000 homes, "
                "officials said. Schools will remain closed on Tuesday.", date=day),
    ]  # fmt: skip
    topics = [d.topic for d in summarize(storm, words=40).disagreements if d.kind == "date"]
    assert topics == ["Day of the storm"], topics


def test_a_day_dates_its_own_clause_not_the_one_after_before_or_since() -> None:
    """The new-user audit's dev cluster listed "Day of the announcement: Sunday · Monday":
    Monday dated the son's attack on his father, "one day after announcing" his donation."""
    day = dt.date(2023, 8, 14)
    son = [
        Article(1, "A", "Paul Reyes, the senator's son, announced on Twitter Sunday night that "
                "he had given the maximum donation to his father's rival.", date=day),
        Article(2, "B", "Paul Reyes attacked his father on Twitter Monday, one day after "
                "announcing his donation to the senator's rival.", date=day),
    ]  # fmt: skip
    disputes = summarize(son, words=60).disagreements
    assert not [d for d in disputes if d.kind == "date"], disputes


def test_figures_that_are_not_amounts_of_one_thing_never_conflict() -> None:
    """From the 246 dev clusters' disagreements, read by hand: two ages of two people, a clock
    time against a count, the emergency number against a count of men."""
    pairs = [
        (
            "A 20-year-old man threw his 4-year-old brother from the roof, police said.",
            "A 4-year-old boy was thrown from the roof by his 20-year-old brother, police said.",
        ),
        (
            "Police found the boy outside his home around 3:30 a.m. on Saturday.",
            "Police found the boy a few blocks from his home on Saturday.",
        ),
        (
            "With no sign of the two men, the family called 911 from the beach.",
            "With no sign of the men on the beach, the family called 911.",
        ),
    ]
    for a, b in pairs:
        assert not compare(analyse(a), analyse(b)).conflicts, (a, b)


def test_compatible_figures_are_not_disagreements() -> None:
    pairs = [
        (
            "The strike killed eight people, Iraqi officials said.",
            "A convoy carrying Soleimani and at least half a dozen others was hit, officials said.",
        ),
        (
            "US air strikes killed two dozen fighters on Sunday.",
            "US air strikes on Sunday killed 25 militiamen.",
        ),
        (  # an age is not a count of the noun it describes (a dev cluster's briefing)
            "Police arrested four people over the shooting of a 19-year-old man at a car wash.",
            "At the car wash he was confronted by two men, who then opened fire, police said.",
        ),
    ]
    for a, b in pairs:
        assert not compare(analyse(a), analyse(b)).conflicts
    clash = compare(
        analyse("US air strikes killed two dozen fighters on Sunday."),
        analyse("US air strikes on Sunday killed 40 militiamen."),
    )
    assert [c.kind for c in clash.conflicts] == ["number"]


def test_a_briefing_with_a_clashing_figure_never_loads_the_parser() -> None:
    """The parse (spaCy, ~280 MB and a second or more to load) is for `check` and the guard;
    a briefing, disagreements included, is the plain-Python fact layer's."""
    code = (
        "import sys\n"
        "from summarize import summarize\n"
        "from summarize.schema import Article\n"
        "a = Article(1, 'A', 'The death toll from the collapse of the bridge rose to 14 on "
        "Wednesday. Divers searched the river.')\n"
        "b = Article(2, 'B', 'The death toll from the collapse of the bridge rose to 12 on "
        "Wednesday. Divers searched the river.')\n"
        "brief = summarize([a, b], words=30)\n"
        "print(len(brief.disagreements), 'spacy' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=ROOT
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["1", "False"]


def test_words_given_to_another_speaker_do_not_state_the_point() -> None:
    point = analyse('"Soleimani was developing plans to attack diplomats," Esper said.')
    same = analyse("Esper said Soleimani was developing plans to attack diplomats.")
    other = analyse("The White House said Soleimani was developing plans to attack diplomats.")
    added = analyse('"Soleimani was developing plans to attack diplomats," it added.')
    assert compare(point, same).stated
    assert not compare(point, other).stated
    assert not compare(point, added, b_before=other).stated  # "it" is the White House
    assert compare(point, added, b_before=same).stated


def test_a_point_stated_across_two_sentences_of_a_source_is_cited() -> None:
    """The audit's bridge story: Valley Post gives the dead in one sentence and the injured in
    the next; it states the lede and is cited for it."""
    herald = Article(
        1,
        "Herald",
        "A steel road bridge over the Tessel River collapsed in Marlowe on Monday evening, "
        "killing 12 people and injuring 30, officials said. Divers searched the river.",
    )
    post = Article(
        2,
        "Valley Post",
        "Twelve people were killed when a bridge over the Tessel River collapsed in Marlowe on "
        "Monday evening. Police chief Daniel Reyes said 30 people were injured. The bridge was "
        "built in 1968.",
    )
    brief = summarize([herald, post], words=40)
    lede = next(p for p in brief.points if "injuring 30" in p.text)
    assert lede.citations == (1, 2)


def test_a_source_giving_another_day_in_its_next_sentence_does_not_state_the_point() -> None:
    """The new-user audit: "Judge Whitcombe will sentence both men on June 14. [1][3]", [1]
    for its quotation of the judge, though its next sentence adjourns sentencing until 21
    June. A source merely silent on a weekday still states the point; silent on a day of the
    calendar, it does not (second new-user audit: "convicted Whitfield on August 8")."""
    from summarize.cite import cite
    from summarize.corpus import build

    day = dt.date(2024, 5, 17)
    quote = 'Judge Sarah Whitcombe, who will sentence both men, said: "You betrayed the city."'
    for point, after, supported in [
        ("Judge Whitcombe will sentence both men on June 14.",
         "She adjourned sentencing until 21 June.", False),
        ("Judge Whitcombe will sentence both men on June 14.",
         "She thanked the jury for its work.", False),
        ("Judge Whitcombe will sentence both men on Friday.",
         "She thanked the jury for its work.", True),
    ]:  # fmt: skip
        post = Article(1, "Yorkshire Post", f"Finch was convicted. {point}", date=day)
        bbc = Article(2, "BBC News", f"Harlow was found guilty. {quote} {after}", date=day)
        corpus = build([post, bbc])
        row = next(i for i, s in enumerate(corpus.sentences) if s.text == point)
        (cited,) = cite(corpus, [row])
        assert [s.sentence.text for s in cited.support] == ([quote] if supported else []), after


def test_a_sentence_giving_another_year_does_not_state_the_point() -> None:
    """The new-user audit: "West Yorkshire Police said the investigation began in 2020 ...
    [1][2]", [2] for "The case began after a whistleblower ... contacted West Yorkshire police
    in 2021". A dev cluster had "In 2001, the Sheriff's Office arrested Poole" stated by "In
    1999, Orange County authorities arrested Poole"."""
    point = analyse(
        "West Yorkshire Police said the investigation began in 2020 after a tip-off from a "
        "council employee."
    )
    other = compare(
        point,
        analyse(
            "The case began after a whistleblower in the council's planning department "
            "contacted West Yorkshire police in 2021."
        ),
    )
    assert not other.stated
    same = "West Yorkshire Police said the investigation began in {} after a council tip-off."
    assert compare(point, analyse(same.format(2020))).stated
    (clash,) = compare(point, analyse(same.format(2021))).conflicts
    assert (clash.kind, clash.ours, clash.theirs) == ("date", "2020", "2021")


def test_the_injured_are_not_set_against_the_dead() -> None:
    """The audit's bridge story: "killing 12 and injuring 30" beside "Twelve people were
    killed" is no disagreement; a real one is labelled by what the figure counts."""
    lede = (
        "The bridge collapsed on Monday evening, killing 12 people and injuring 30, regional "
        "officials said."
    )
    assert not compare(
        analyse(lede), analyse("Twelve people were killed when the bridge collapsed.")
    ).conflicts
    toll = "The death toll from the collapse rose to 14 on Wednesday."
    (clash,) = compare(
        analyse(toll), analyse("The death toll from the collapse stood at 12 on Wednesday.")
    ).conflicts
    assert clash.topic == "death toll"
    origin, other = Sentence(1, 0, toll), Sentence(2, 0, "The toll stood at 12 on Wednesday.")
    (shown,) = number_disagreements([((origin,), Cited((), ((clash, other),)))])
    assert shown.topic == "Death toll"


def test_a_disagreement_is_labelled_by_the_phrase_a_figure_counts() -> None:
    """The audit: "Young: at least 13 [4] · eight [3]" for "parents of at least 13 of the 20
    young children" against "the parents of eight of the children"."""
    (clash,) = compare(
        analyse("Parents of at least 13 of the young children killed have opened estates."),
        analyse("Parents of eight of the young children killed have opened estates."),
    ).conflicts
    assert clash.topic == "young children"
    (clash,) = compare(
        analyse("The girl sent some 2,400 text messages in two weeks."),
        analyse("The girl sent some 3,000 text messages in two weeks."),
    ).conflicts
    assert clash.topic == "text messages"
    # what moved, by the head of its name (sixth new-user audit: "Annual consumer: 2.8% ...")
    (clash,) = [
        c
        for c in compare(
            analyse("Annual consumer price inflation slowed to 2.8% in February."),
            analyse("Annual consumer price inflation fell to 2.6% in February."),
        ).conflicts
        if c.kind == "number"
    ]
    assert clash.topic == "price inflation"


STORM = (
    "A powerful storm flooded dozens of coastal towns in Portugal on Tuesday, forcing more than "
    "12,000 people to leave their homes, officials said."
)


@pytest.mark.parametrize(
    "point",
    [
        # what the 12,000 did is not what the three suffered
        "Officials said 12,000 people left their homes and three people were killed.",
        # "dozens" counts towns, not the people evacuated
        "More than 12,000 people were evacuated from coastal towns in Portugal on Tuesday.",
    ],
)
def test_amounts_of_different_things_are_not_disagreements(point: str) -> None:
    assert not compare(analyse(point), analyse(STORM)).conflicts


def test_those_arrested_are_not_those_charged() -> None:
    """The second new-user audit: "Arrested: Four · three", where three were the men charged
    with murder; "fatal", three words on, describes the shooting, not the four."""
    arrested = analyse(
        "Four people have been arrested in connection with the fatal shooting of a teenager "
        "at a car wash, police announced Tuesday."
    )
    charged = analyse(
        "Murder charges have been filed against three men suspected of killing the teenager "
        "at a car wash, police said Tuesday."
    )
    assert not compare(arrested, charged).conflicts
    assert compare(
        arrested, analyse("Police said five people had been arrested over the car wash shooting.")
    ).conflicts


def test_the_same_counts_in_other_words_are_stated() -> None:
    verdict = compare(
        analyse("Three people died and 40 were hurt, the civil protection agency said."),
        analyse(
            "The civil protection agency said three people had died and at least 40 were injured."
        ),
    )
    assert verdict.stated and not verdict.conflicts
    clash = compare(
        analyse("Officials said four people were killed on Tuesday."),
        analyse("Officials said three people were killed on Tuesday."),
    )
    assert [c.kind for c in clash.conflicts] == ["number"]


def test_a_timeline_entry_cites_only_the_sources_that_give_its_day() -> None:
    """Found by a new user: "hit Springfield on Sunday night [1][2]" where [1] says Monday."""
    day = dt.date(2023, 3, 14)
    sunday = Article(
        1,
        "A",
        "A storm with winds of up to 75 mph hit Springfield on Sunday night, leaving "
        "about 15,000 homes without power. Schools will be closed Tuesday.",
        date=day,
    )
    monday = Article(
        2,
        "B",
        "A powerful storm struck Springfield on Monday, knocking out power to 12,000 "
        "homes, officials said. Schools will remain closed on Tuesday.",
        date=day,
    )
    entries = timeline([sunday, monday])
    storm = next(e for e in entries if "storm" in e.text)
    (cited,) = storm.citations  # one source gives that day
    assert [side.sources for side in storm.differs] == [(({1, 2} - {cited}).pop(),)]


def test_the_day_a_source_spoke_is_not_its_news() -> None:
    """The new-user audit: "Ana Vella will be sworn in as prime minister on Friday, the
    president's office announced on Tuesday" was listed under the Friday before the election
    and again under the Tuesday; "won Sunday's election ..., the commission said on Monday"
    was dated Monday."""
    wire = Article(
        1,
        "AFP",
        "The opposition won Sunday's parliamentary election by a landslide, taking 74 of the "
        "120 seats, the electoral commission said on Monday.",
        date=dt.date(2024, 6, 3),
    )
    paper = Article(
        2,
        "Marovia Times",
        "Ana Vella will be sworn in as prime minister on Friday, the president's office "
        "announced on Tuesday, two days after her party's sweeping election win.",
        date=dt.date(2024, 6, 4),
    )
    entries = {e.date: e.text for e in timeline([wire, paper])}
    assert entries == {
        dt.date(2024, 6, 2): wire.text,
        dt.date(2024, 6, 7): paper.text,
    }


def test_two_days_for_a_verdict_are_a_disagreement() -> None:
    """The new-user audit: "convicted on Friday" and "found guilty of bribery on Thursday" were
    not set side by side ("guilty" named no event)."""
    day = dt.date(2024, 5, 17)
    guardian = Article(
        1,
        "The Guardian",
        "Peter Harlow, 61, was convicted on Friday of three counts of bribery.",
        date=day,
    )
    post = Article(
        2,
        "Yorkshire Post",
        "Former Leeds mayor Peter Harlow was found guilty of bribery on Thursday after a jury "
        "deliberated for three days.",
        date=day,
    )
    (found,) = date_disagreements([guardian, post])
    assert found.topic == "Day of the verdict"
    assert [(s.value.split()[0], s.sources) for s in found.sides] == [
        ("Friday", (1,)),
        ("Thursday", (2,)),
    ]


def test_timeline_of_the_seeds_is_ordered_and_resolved() -> None:
    events = timeline(load([SEEDS]).articles)
    dates = [e.date for e in events]
    assert dates == sorted(dates)
    by_day = {}
    for event in events:
        by_day.setdefault(event.date, set()).update(event.citations)
    assert {3, 4} <= by_day[dt.date(2019, 12, 27)]  # the rocket attack that killed a contractor
    assert 5 in by_day[dt.date(2019, 12, 29)]  # the Sunday air strikes
    assert {1, 5} <= by_day[dt.date(2019, 12, 31)]  # the Tuesday embassy siege
    assert 3 in by_day[dt.date(2020, 1, 3)]  # the strike on Soleimani
    # the Washington Post reports it on Thursday: shown beside the entry, not cited for Friday
    strike = next(e for e in events if e.date == dt.date(2020, 1, 3) and e.differs)
    assert [(side.value, side.sources) for side in strike.differs] == [("Thursday", (4,))]
    assert 4 not in strike.citations
    assert all(e.date.year in (2019, 2020) for e in events)
    texts = [e.text for e in events]
    assert len(texts) == len(set(texts))  # a sentence dating two days is shown once
    assert not [t for t in texts if opener(t)]  # no "That triggered ..." without its "that"


def test_one_happening_told_twice_on_a_day_is_one_timeline_entry() -> None:
    """The new-user audit: the Oscars' best-picture result was listed twice on one day, from
    two sentences that share no word naming the event ("interrupts" / "walked away")."""
    day = dt.date(2017, 2, 27)
    one = Article(
        1,
        "A",
        '"La La Land" producer Jordan Horowitz interrupts the Oscars telecast Sunday night to '
        'announce that "Moonlight," not "La La Land," was the real winner for best picture.',
        date=day,
    )
    two = Article(
        2,
        "B",
        "“Moonlight” walked away with best picture honors at the end of Sunday night’s Oscars "
        "ceremony in Hollywood. Protesters marched down Hollywood Boulevard on Sunday.",
        date=day,
    )
    entries = timeline([one, two])
    oscars = [e for e in entries if "Moonlight" in e.text]
    assert len(oscars) == 1 and oscars[0].citations == (1, 2)
    # another happening of the same day keeps its own entry
    assert any("Boulevard" in e.text for e in entries)


def test_a_theft_is_a_happening_on_the_timeline() -> None:
    """New-user audit: a museum raid was on the timeline from one outlet only; "broke into ...
    and stole" and "stolen ... on Sunday morning" named no happening the list knew."""
    day = dt.date(2025, 10, 20)
    one = Article(
        1,
        "A",
        "Thieves broke into the Golden Fleece Museum in Bruges early on Sunday and stole three "
        "jewelled pieces, police said.",
        date=day,
    )
    two = Article(
        2,
        "B",
        "A gold brooch was among four objects stolen from the Golden Fleece Museum in Bruges "
        "on Sunday morning.",
        date=day,
    )
    (entry,) = timeline([one, two])
    assert entry.date == dt.date(2025, 10, 19) and entry.citations == (1, 2)


def test_an_undated_weekday_does_not_chain_two_events_a_week_apart() -> None:
    """With "A U.S. airstrike" naming the U.S. (not "A U.S."), an undated report's "Thursday"
    strike met the Dec. 27 attack through the name and "killed", and the Friday strike joined
    them: one event from Dec. 27 to Jan. 3, and the strike's entry was gone."""
    strike = Article(
        1,
        "A",
        "The strike at Baghdad's airport on Friday killed the commander of the militia.",
        date=dt.date(2020, 1, 3),
    )
    attack = Article(
        2,
        "B",
        "A rocket attack on December 27 killed a U.S. contractor at the base near Baghdad.",
        date=dt.date(2019, 12, 28),
    )
    undated = Article(
        3, "C", "A U.S. airstrike killed the militia commander in Baghdad on Thursday."
    )
    entries = timeline([strike, attack, undated])
    assert [e.date for e in entries] == [dt.date(2019, 12, 27), dt.date(2020, 1, 3)]
    assert entries[1].citations == (1,)
    assert [(side.value, side.sources) for side in entries[1].differs] == [("Thursday", (3,))]


def test_a_day_inside_a_concession_is_no_event_of_the_sentence() -> None:
    """The newswire audit: "ordered an investigation into why the vessel was allowed to leave
    port despite a storm warning issued Thursday evening" stood on the timeline under Thursday,
    as if the order had been given then."""
    article = Article(
        1,
        "AP",
        "The minister ordered an investigation into why the vessel was allowed to leave port "
        "despite a storm warning issued Thursday evening. The ferry sank on Friday, killing 31 "
        "people.",
        date=dt.date(1998, 10, 17),
    )
    entries = timeline([article])
    assert [(e.date, e.text[:9]) for e in entries] == [(dt.date(1998, 10, 16), "The ferry")]


def test_undated_weekdays_are_not_put_on_the_timeline() -> None:
    article = Article(1, "a", "Protesters stormed the embassy on Tuesday in Baghdad, police said.")
    assert timeline([article]) == []
    dated = Article(1, "a", article.text, date=dt.date(2020, 1, 1))
    (event,) = timeline([dated])
    assert event.date == dt.date(2019, 12, 31)


def test_identical_copies_are_cited_once(tmp_path: Path, capsys) -> None:
    text = (SEEDS / "002_2a0a67214bdd392a.txt").read_text(encoding="utf-8")
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "c.txt").write_text(
        (SEEDS / "003_992aefb291f2d769.txt").read_text(encoding="utf-8")
    )
    assert main([str(tmp_path), "-f", "json", "-q"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert all(2 not in p["citations"] for p in data["points"])
    assert [s["copy_of"] for s in data["sources"]] == [None, 1, None]
    assert main([str(tmp_path), "-q"]) == 0
    assert "identical copy of [1]" in capsys.readouterr().out


# -- the command ----------------------------------------------------------------------------------


def run(args: list[object], capsys) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_check_our_own_briefing_passes(tmp_path: Path, capsys) -> None:
    brief = tmp_path / "brief.md"
    assert main([str(SEEDS), "-o", str(brief), "-q"]) == 0
    capsys.readouterr()
    code, out, _ = run(["check", brief, SEEDS], capsys)
    assert code == 0, out
    lines = [line for line in out.splitlines() if line and line[0] in "✓✗"]
    assert lines and all(line.startswith("✓") for line in lines)
    assert "## Sources" not in out and "[1]" not in "".join(lines)


def test_check_flags_and_exits_1_with_json(tmp_path: Path, capsys) -> None:
    summary = tmp_path / "s.txt"
    summary.write_text(
        "A U.S. airstrike killed Qasem Soleimani in Baghdad. "
        "Around 3,000 troops of the 82nd Airborne were sent to the region.",
        encoding="utf-8",
    )
    code, out, _ = run(["check", summary, SEEDS, "-f", "json"], capsys)
    assert code == 1
    data = json.loads(out)
    assert data["schema"] == "summarize.check/1"
    assert [s["supported"] for s in data["sentences"]] == [True, False]
    assert (data["supported"], data["unsupported"]) == (1, 1)
    problem = data["sentences"][1]["problems"][0]
    assert set(problem) == {"kind", "span", "detail"} and problem["kind"] == "number"
    evidence = data["sentences"][0]["evidence"][0]
    assert set(evidence) == {"id", "sentence", "text"}


def test_check_text_shows_the_sentence_a_problem_points_to(tmp_path: Path, capsys) -> None:
    """New-user audit: a quotation given to the museum director showed only the director's
    other sentence; the one that explains the verdict, Maes's, was in the JSON alone."""
    story = tmp_path / "story"
    story.mkdir()
    (story / "a.txt").write_text(
        "Museum director Jan De Smet said the alarm had worked but guards arrived too late. "
        "Culture minister Elise Maes ordered an audit of security at every state museum. "
        '"A theft like this must never happen again," Maes said.',
        encoding="utf-8",
    )
    summary = tmp_path / "s.txt"
    summary.write_text(
        '"A theft like this must never happen again," museum director Jan De Smet said.',
        encoding="utf-8",
    )
    code, out, _ = run(["check", summary, story], capsys)
    assert code == 1
    lines = out.splitlines()
    assert lines[0].startswith("✗") and "speaker" in lines[1], out
    assert "Maes said" in lines[2], out


def test_a_quotation_of_two_sentences_is_checked_as_one_with_its_speaker() -> None:
    """The new-user audit: 'Warren Beatty told the audience: "There's a mistake. Moonlight,
    you guys won best picture."' was split at the full stop inside the quotation, and both
    halves passed, though the sources give the words to Jordan Horowitz."""
    from summarize.claims import claims

    said = 'Beatty told the audience: "There\'s a mistake. Moonlight, you guys won."'
    assert claims(f"{said} The card read that way.") == [said, "The card read that way."]
    assert claims("She said “It was fine. We left.” Then rain.") == [
        "She said “It was fine. We left.”",
        "Then rain.",
    ]
    # a quotation never closed stays split: one bad mark must not swallow the summary
    never = 'He said "no. One. Two. Three. Four. Five.'
    assert len(claims(never)) == 6
    sources = [
        Article(
            1,
            "Wire",
            "“There’s a mistake. ‘Moonlight’ you guys won best picture,” Jordan Horowitz said "
            "to the shocked audience. Warren Beatty had opened the envelope.",
        )
    ]
    summary = (
        "Warren Beatty told the audience: “There’s a mistake. Moonlight, you guys won best "
        "picture.”"
    )
    verdicts = check(summary, sources).sentences
    assert len(verdicts) == 1
    assert "speaker" in {p.kind for p in verdicts[0].problems}, verdicts[0].problems


def test_check_reads_the_summary_from_stdin() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "summarize", "check", "-", str(SEEDS), "-q"],
        input="Protesters stormed the US embassy compound in Baghdad.\n",
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("✓ ")


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["check", "missing.txt", "seeds"], "no such file"),
        (["check", "seeds", "seeds"], "is a folder"),
        (["check", "-", "-"], "both the summary and a source"),
        (["check", "README.md", "seeds", "-f", "markdown"], "--format"),
    ],
)
def test_check_bad_input_is_one_line_exit_2(args, fragment, capsys, monkeypatch) -> None:
    monkeypatch.chdir(ROOT)
    code, _, err = run(args, capsys)
    assert code == 2
    assert err.count("\n") == 1 and fragment in err


def test_python_api_check() -> None:
    result = check("Soleimani was killed in a US strike in Baghdad on Thursday.", [SEEDS])
    assert len(result.sentences) == 1 and result.sentences[0].evidence


def test_a_weekday_before_its_full_date_is_the_calendars() -> None:
    """ "Wednesday, March 19, 2014": the date is checked, and the weekday is the one it falls
    on; a weekday it does not fall on is still a wrong day."""
    checker = Checker(
        [
            Article(
                id=1,
                label="Wire",
                text="In an interview with KSDK-TV, Obama said there was no military option "
                "in Ukraine. President Obama speaks to KSDK-TV at the White House on March 19, "
                "2014.",
                title="T",
                date=dt.date(2014, 3, 21),
                source="Wire",
            )
        ]
    )
    claim = "In a KSDK-TV interview on {}, March 19, 2014, Obama said there was no military option."
    assert checker.verify(claim.format("Wednesday")).supported
    verdict = checker.verify(claim.format("Thursday"))
    assert "date" in {p.kind for p in verdict.problems}, verdict.problems


@pytest.mark.parametrize(
    ("source", "faithful", "unfaithful"),
    [
        # a clock time ends a sentence Punkt reads on ("p.m. She"); a count's owner is the
        # name beside it, not a pronoun's ("She had ... while Kerr had ...")
        (
            "Vance was leading as of 6:20 p.m. She had 932,870 votes, or 49.1 percent, while "
            "Kerr had 923,260 votes, or 48.6 percent. The race has Vance and Kerr separated by "
            "9,610 votes.",
            "Vance had 932,870 votes to Kerr's 923,260.",
            "Kerr had 932,870 votes to Vance's 923,260.",
        ),
        # "less than ... long" is "shorter than"
        (
            "Passengers will be able to carry knives with blades less than 2.36 inches long.",
            "Passengers will be allowed to carry knives with blades shorter than 2.36 inches.",
            "Passengers will be allowed to carry knives with blades longer than 2.36 inches.",
        ),
        # the side of an amount
        (
            "The company plans to pay residents 25% more than market value for their homes.",
            "The company plans to pay residents 25% above market value for their homes.",
            "The company plans to pay residents 25% below market value for their homes.",
        ),
        # ... after a comma and a degree (new-user audit)
        (
            "Justice Hale imposed a penalty of $14 million, well below the $20 million sought by "
            "the commission.",
            "Justice Hale imposed a penalty of $14 million, far below the $20 million the "
            "commission sought.",
            "Justice Hale imposed a penalty of $14 million, well above the $20 million sought by "
            "the commission.",
        ),
        # ... answered by what follows an amount, not the "up" of "freed up $150 billion"
        (
            "Critics claimed the deal freed up $150 billion in frozen assets, a far cry from the "
            "$56 billion estimated by Treasury Secretary Jack Lew.",
            "Treasury Secretary Jack Lew put the assets freed by the deal at $56 billion, far "
            "below the $150 billion the critics cited.",
            "Treasury Secretary Jack Lew put the assets freed by the deal at $65 billion, far "
            "below the $150 billion the critics cited.",
        ),
        # recovering is surviving
        (
            "Mr. Hale, now 58, was given antibiotics and eventually recovered.",
            "Hale, now 58, was treated with antibiotics and eventually recovered.",
            "Hale, now 58, was treated with antibiotics but eventually died.",
        ),
        # a time of day counts nothing ("between 1:00 and 5:00 p.m." is no "dozens")
        (
            "Hundreds of people searched for the girls into the night Monday. Police asked "
            "anyone parked at the trail head between 1:00 p.m. and 5:00 p.m. to call them.",
            "Hundreds of people searched for the girls into Monday night.",
            "Dozens of people searched for the girls into Monday night.",
        ),
        # a journey's two ends
        (
            "Flight 370 vanished on March 8, 2014, as it flew from Kuala Lumpur, Malaysia, to "
            "Beijing with 239 people on board.",
            "Flight 370 vanished on March 8 while flying from Kuala Lumpur to Beijing.",
            "Flight 370 vanished on March 8 while flying from Beijing to Kuala Lumpur.",
        ),
        # a runner-up is no champion
        (
            "The 46-year-old Zirkle, a three-time Iditarod runner-up, said the assault looked "
            "intentional.",
            "Zirkle, a three-time Iditarod runner-up, said the assault looked intentional.",
            "Zirkle, a three-time Iditarod champion, said the assault looked intentional.",
        ),
        # "refused to throw out" answered by the sentence with "threw out", not the best match
        (
            "Judge Jeffrey Minehart dismissed the first-degree murder charges Tuesday against "
            "Dr. Kermit Gosnell. The judge threw out three of the eight murder charges against "
            "Gosnell.",
            "Judge Jeffrey Minehart threw out three murder charges against Dr. Kermit Gosnell.",
            "Judge Jeffrey Minehart refused to throw out three murder charges against Dr. "
            "Kermit Gosnell.",
        ),
    ],
)
def test_amounts_sides_and_outcomes_are_read_as_stated(
    source: str, faithful: str, unfaithful: str
) -> None:
    checker = wire(source)
    assert checker.verify(faithful).supported, checker.verify(faithful).problems
    assert not checker.verify(unfaithful).supported


@pytest.mark.parametrize(
    ("source", "claim"),
    [
        # a name cut by the speaker span's length is whole
        (
            "Kassie Siegel of the Center for Biological Diversity said the decision was a huge "
            "disappointment.",
            "Kassie Siegel of the Center for Biological Diversity said the decision was a huge "
            "disappointment.",
        ),
        # the department written lower case is the one the claim names, not the mayor
        (
            "The Buildings Department oversees 60,000 elevators in the city. The elevator "
            "passed a thorough inspection in January 2016, according to the buildings "
            "department, but Mayor Tom Reed said it was unsafe.",
            "The Buildings Department said the elevator had passed a thorough inspection in "
            "January 2016.",
        ),
        # "branded heartless" names no speaker
        (
            "And his father warns him not to be seen smiling. One smile and they will have you "
            "as a heartless man, his father said.",
            "His father warned him not to be seen smiling, saying one smile would get him "
            "branded heartless.",
        ),
        # a postal code is its state; "a year earlier" is no yearly sum
        (
            "Oculus will maintain its headquarters in Irvine, CA. It lost $38.5 million, "
            "against a loss of $110.8 million a year earlier.",
            "Oculus will keep its headquarters in Irvine, California.",
        ),
        # the organisation the source gives the quotation is the claim speaker's own
        (
            "Todd Harper is the chief executive of Cancer Council Victoria. "
            '"Australians rarely see the long-term health effects of alcohol on their '
            'screens," Cancer Council Victoria said.',
            "Cancer Council Victoria chief executive Todd Harper said Australians rarely see the "
            "long-term health effects of alcohol on their screens.",
        ),
        # a person named before the comma is the speaker of "X's CEO said"
        (
            "Todd Harper, Cancer Council Victoria's CEO said the research shows how campaigns "
            "can inform the public.",
            "Todd Harper said the research shows how campaigns can inform the public.",
        ),
        # "MA" after a town is Massachusetts
        (
            "She was first spotted at the Kennedy family compound in Hyannisport, MA in July.",
            "She was first seen at the Kennedy family compound in Hyannisport, Massachusetts.",
        ),
    ],
)
def test_speakers_places_and_sums_as_sources_write_them(source: str, claim: str) -> None:
    verdict = wire(source).verify(claim)
    assert verdict.supported, verdict.problems


def test_a_linking_word_opening_the_sentence_is_no_part_of_a_name() -> None:
    assert [n.words for n in analyse("But DOB said the elevator passed.").names] == [("dob",)]
    assert [n.words for n in analyse("And Smith said it.").names] == [("smith",)]


def test_a_rate_is_not_a_time_ago() -> None:
    text = "It lost $110.8 million a year earlier and pays $700 a week."
    found = {q.text: q.unit.name if q.unit else None for q in analyse(text).quantities}
    assert found["$700 a week"] == "usd per week"
    assert found["$110.8 million"] == "usd"


def test_a_he_who_did_it_to_the_claims_doer_reverses_the_claim() -> None:
    """ "He has outraised Lewis" (he is not Lewis): "Lewis has outraised Cline" goes the other
    way; the claim stated elsewhere as written is not."""
    checker = wire(
        "Lewis is running against state lawmaker Ben Cline, a former aide. He has outraised "
        "Lewis more than 5-to-1 through June 30."
    )
    verdict = checker.verify("Lewis has outraised Ben Cline by more than 5-to-1.")
    assert "roles" in {p.kind for p in verdict.problems}, verdict.problems
    kinds = {p.kind for p in checker.verify("Cline has outraised Lewis by 5-to-1.").problems}
    assert "roles" not in kinds


def test_a_title_stated_in_other_words_and_an_age_opening_a_sentence() -> None:
    checker = wire(
        "State lawmaker Ben Cline won the nomination in May. Cline had previously served as "
        "Goodlatte's chief of staff."
    )
    verdict = checker.verify("Former chief of staff Ben Cline won the nomination in May.")
    assert verdict.supported, verdict.problems
    found = analyse("Six-week-old Areej Ali was pronounced dead, Seven Oaks Council said.")
    assert [n.text for n in found.names] == ["Areej Ali", "Seven Oaks Council"]


def test_another_person_of_the_same_town_is_another_speaker() -> None:
    checker = wire(
        '"To paraphrase Gerald Ford, our long municipal nightmare is over," said Pleasant Hill '
        "Mayor Tim Flaherty. Councilman Jack Weir voted against the budget."
    )
    verdict = checker.verify(
        "Paraphrasing Gerald Ford, Pleasant Hill Councilman Jack Weir said the city's long "
        "municipal nightmare was over."
    )
    assert "speaker" in {p.kind for p in verdict.problems}, verdict.problems


def test_the_date_whose_words_are_the_claims_decides() -> None:
    """ "regained custody in January" is not saved by "had custody from January 2017" when
    "she regained custody in May" says it in the claim's words."""
    checker = wire(
        "He was taken away from Stinson at 3 months old, but she regained custody in May. "
        "The foster parents, who had custody of Jordan from January 2017 to May 2018, spoke "
        "on Tuesday."
    )
    verdict = checker.verify(
        "He was taken from Stinson at 3 months old and she regained custody in January."
    )
    assert "date" in {p.kind for p in verdict.problems}, verdict.problems
    assert checker.verify("She regained custody of Jordan in May.").supported


def test_a_struggle_or_a_chase_no_source_mentions_is_an_invented_event() -> None:
    checker = wire("Vasiliades was arrested Tuesday afternoon in the hallway of the courthouse.")
    verdict = checker.verify(
        "Vasiliades was arrested Tuesday after a struggle in the hallway of the courthouse."
    )
    assert "unsupported" in {p.kind for p in verdict.problems}, verdict.problems
    # a fight in other words is the same fight
    other = wire("A Klan member was stomped on by counter-protesters during another altercation.")
    assert other.verify(
        "Counter-protesters stomped on a Klan member during a separate scuffle."
    ).supported


@pytest.mark.parametrize(
    ("source", "claim", "word", "stated"),
    [
        ("Buddenberg and Kissane were charged with conspiracy to violate the Animal Enterprise "
         "Terrorism Act, said U.S. Attorney Laura Duffy.",
         "Buddenberg and Kissane were acquitted of conspiring to violate the Animal Enterprise "
         "Terrorism Act.", "acquitted", "Both were later acquitted."),
        ("Woods' wife Elin is still furious and will likely skip his return to golf at the "
         "Masters, People reported.",
         "Woods' wife Elin, still furious, has filed for divorce and will likely skip his "
         "return to golf at the Masters.", "divorce", "Elin has filed for divorce."),
    ],
)  # fmt: skip
def test_a_verdict_or_a_divorce_no_source_mentions_is_an_invented_event(
    source: str, claim: str, word: str, stated: str
) -> None:
    """Sets p and k: an acquittal where the sources only charge, a divorce no source
    mentions. The claim keeps most of the sentence, so only the one word is new."""
    verdict = wire(source).verify(claim)
    assert ("unsupported", word) in {(p.kind, p.span) for p in verdict.problems}, verdict
    told = wire(f"{source} {stated}").verify(claim)
    assert told.supported, told.problems


def test_an_acquittal_in_other_words_is_mentioned() -> None:
    """The new-user audit: "acquitted" was flagged as a happening no source mentions where
    the source says the jury "cleared" him."""
    checker = wire("A jury cleared Harlow of all charges on Friday after a two-week trial.")
    assert checker.verify("A jury acquitted Harlow of all charges on Friday.").supported
    convicted = checker.verify("A jury convicted Harlow on Friday.")
    assert "polarity" in {p.kind for p in convicted.problems}, convicted.problems


def test_an_exact_figure_after_the_same_name_is_about_the_same_thing() -> None:
    """ "Jimmy Choo shares jumped 17 percent" is "Jimmy Choo shares were up 17 percent", not
    the 17 percent of sales another outlet gives; another figure is still flagged."""
    checker = Checker(
        [
            Article(
                1,
                "Reuters",
                "Michael Kors agreed to buy Jimmy Choo for $1.2 billion on Tuesday. Michael "
                "Kors' shares fell 1.2 percent in morning trading on the New York Stock "
                "Exchange. Jimmy Choo shares were up 17 percent at 228.00 pence at 1510 GMT.",
            ),
            Article(
                2,
                "AP",
                "Jimmy Choo will help Kors expand its footwear portfolio to 17 percent of total "
                "sales from 11 percent, Kors said on a conference call. The deal was announced "
                "on Tuesday.",
            ),
        ]
    )
    claim = (
        "Jimmy Choo shares jumped {} percent after the deal was announced, while Kors stock "
        "slipped 1.2 percent in New York."
    )
    verdict = checker.verify(claim.format(17))
    assert verdict.supported, verdict.problems
    assert not checker.verify(claim.format(27)).supported


def test_a_range_written_with_to_is_the_range_between_and() -> None:
    """The audit: "buried 1,500 to 3,000 years ago" restating "buried between 1,500 and 3,000
    years ago" was flagged twice ("the sources say 1,500 and 3,000 years"). A range's ends
    changed still are, and "from number 1 to 163" is a scale's two ends, each a figure."""
    checker = wire(
        "The skeletons were buried between 1,500 and 3,000 years ago in the Dakhleh Oasis. "
        "The index uses 35 categories and ranks the countries from number 1 to 163."
    )
    assert checker.verify(
        "They were buried 1,500 to 3,000 years ago in the Dakhleh Oasis."
    ).supported
    assert not checker.verify(
        "They were buried 1,500 to 2,000 years ago in the Dakhleh Oasis."
    ).supported
    assert checker.verify("The index uses 35 categories to rank 163 countries.").supported


def test_a_mixed_fraction_is_its_value() -> None:
    """The audit: "in 5.5 days" restating "in 5 ½ days" (a space before the fraction)."""
    checker = wire("The team is expected to reach the West Coast in 5 ½ days, Hill said.")
    assert checker.verify("The team hopes to reach the West Coast in 5.5 days.").supported
    verdict = checker.verify("The team hopes to reach the West Coast in 6.5 days.")
    assert [p.kind for p in verdict.problems] == ["number"]


def test_an_outlet_the_sources_come_from_may_be_credited() -> None:
    """The audit: "Reuters notes that ..." was flagged twice: "no source mentions Reuters"
    (the tool had labelled the article Reuters from the dateline it cleaned away) and "the
    sources attribute this to Everytown" — with "Despite" read as a second speaker."""
    text = (
        "Some 95 incidents, including fatal and nonfatal assaults, have taken place at schools "
        "since the Newtown massacre, according to Everytown for Gun Safety."
    )
    checker = Checker([Article(1, "doc3", text, source="Reuters")])
    claim = (
        "Despite calls for gun control after the Newtown massacre, Reuters notes that 95 "
        "incidents have taken place at schools."
    )
    assert checker.verify(claim).supported, checker.verify(claim).problems
    other = claim.replace("Reuters notes", "The Guardian notes")
    assert not Checker([Article(1, "doc3", text)]).verify(claim).supported
    assert not checker.verify(other).supported


def test_the_west_is_named_by_its_adjective() -> None:
    """The audit: "people living in the West" restating "modern Western societies" was "no
    source mentions West"."""
    checker = wire(
        "The researchers estimated the lifetime cancer risk at about 5 in 1,000, compared with "
        "50 percent in modern Western societies."
    )
    verdict = checker.verify("The lifetime cancer risk is 50 percent for people in the West.")
    assert "name" not in {p.kind for p in verdict.problems}, verdict.problems
    verdict = checker.verify("The lifetime cancer risk is 50 percent for people in the South.")
    assert "name" in {p.kind for p in verdict.problems}, verdict.problems


def test_a_fraction_of_a_million_and_a_tally_with_a_hyphen() -> None:
    """Formats a summary writer uses: "a quarter of a million" is 250,000 (it was "a quarter"
    and "a million" apart), and "219-212" is the tally "219 to 212"."""
    checker = wire(
        "The bill passed 219 to 212 on Friday. The march drew 250,000 people, organizers said."
    )
    assert checker.verify("The bill passed 219-212 on Friday.").supported
    assert not checker.verify("The bill passed 219-210 on Friday.").supported
    assert checker.verify(
        "The march drew a quarter of a million people, organizers said."
    ).supported
    fewer = checker.verify("The march drew a tenth of a million people, organizers said.")
    assert [p.kind for p in fewer.problems] == ["number"], fewer.problems


def test_a_capitalised_preposition_opening_the_sentence_is_not_part_of_a_name() -> None:
    """Set k: "In Thursday's manifesto, ..." was "no source mentions In Thursday", and "On
    CBS's show" named "On CBS": the preposition joined the name after it."""
    checker = wire("The minister said in a memo published Thursday that the bridge was safe.")
    assert checker.verify("In Thursday's memo, the minister said the bridge was safe.").supported
    checker = wire("The senator told CBS that the nominee was qualified.")
    verdict = checker.verify("On CBS's morning show, the senator said the nominee was qualified.")
    assert "name" not in {p.kind for p in verdict.problems}, verdict.problems
    verdict = checker.verify("On NBC's morning show, the senator said the nominee was qualified.")
    assert "name" in {p.kind for p in verdict.problems}, verdict.problems


def test_a_person_of_a_nation_is_named_by_the_nations_adjective() -> None:
    """Set k: "Hjort, a Dane who runs the website" was "no source mentions Dane" where the
    source says "the Danish volunteer"."""
    checker = wire("Brian Hjort, a Danish volunteer, runs the website for the veterans' children.")
    verdict = checker.verify("Brian Hjort, a Dane, runs the website for the veterans' children.")
    assert "name" not in {p.kind for p in verdict.problems}, verdict.problems
    verdict = checker.verify("Brian Hjort, a Swede, runs the website for the veterans' children.")
    assert "name" in {p.kind for p in verdict.problems}, verdict.problems


@pytest.mark.parametrize(
    ("source", "claim", "wrong"),
    [
        (
            "The court sentenced her to 28 years and six months in prison.",
            "The court gave her 28 and a half years in prison.",
            "The court gave her 26 and a half years in prison.",
        ),
        (
            "She says the affair lasted 2-1/2 years.",
            "She says she carried on a two-and-a-half-year affair.",
            "She says she carried on a three-and-a-half-year affair.",
        ),
        (
            "The bank will charge customers $5 per month to use their debit cards.",
            "The bank's $5-a-month debit card fee angered customers.",
            "The bank's $5-a-day debit card fee angered customers.",
        ),
    ],
)
def test_halves_and_rates_written_out(source: str, claim: str, wrong: str) -> None:
    """Set k's faithful formats: "28 and a half" was 28, "two-and-a-half-year" was two, and
    "$5-a-month" was $5 (each then flagged against the source's own figure)."""
    checker = wire(source)
    assert checker.verify(claim).supported, checker.verify(claim).problems
    assert not checker.verify(wrong).supported


def test_a_word_after_a_bare_percentage_is_no_counted_thing() -> None:
    """Set k: in "today 36 percent live at home and 17 percent with a partner", "live" was
    read as what 36 percent counts, clashing with the source's "17 percent live with ...";
    a share's thing comes after "of" ("36 percent of adults")."""
    checker = wire(
        "Today, 36 percent of black millennials live with their parents, while 17 percent live "
        "with a spouse or partner."
    )
    claim = "Today 36 percent live at home and 17 percent with a spouse or partner."
    assert checker.verify(claim).supported, checker.verify(claim).problems
    assert not checker.verify(claim.replace("36", "46")).supported


def test_one_shared_word_does_not_make_another_figure_the_claims() -> None:
    """Set k: one word beside two figures ("tax" by the federal 25 percent and by a state's 6
    percent) made the restated sentence's figure the claim's, and "the sources say 25
    percent" was a false alarm on four tuning claims; two words in common are needed (or
    none around the claim's figure at all: "Turnout was just under 50 percent")."""
    from summarize.checker import _rival_amount
    from summarize.evidence import read_claim

    checker = wire("The federal income tax is 25 percent, the state says.")
    head = checker.sources.entries[0]
    claim = read_claim("In Ohio the tax adds 6 percent.", checker.sources)
    assert _rival_amount(claim, claim.facts.quantities[0], head) is None
    changed = "The federal income tax is 30 percent, the state says."
    claim = read_claim(changed, checker.sources)
    assert _rival_amount(claim, claim.facts.quantities[0], head) is not None
    assert not checker.verify(changed).supported


def test_a_difference_or_a_figure_stated_on_both_sides_is_no_disagreement() -> None:
    """The newswire audit: "Licensed: some 90 · 150" (a difference set against a capacity)
    and "Passengers: about 240 · 150" (where the sentence gives the capacity of 150 itself)."""
    carrying = analyse(
        "The ferry was carrying about 240 people, some 90 more than its licensed capacity, "
        "when it capsized in high waves early Friday."
    )
    licensed = analyse("The ferry was licensed for 150, the police chief said.")
    assert "some 90" not in [c.ours for c in compare(carrying, licensed).conflicts]
    capacity = analyse("The ferry had a licensed capacity of 150 passengers, police said.")
    both = analyse("The ferry carried about 240 passengers, far more than its capacity of 150.")
    assert not compare(both, capacity).conflicts
    other = analyse("The ferry carried about 240 passengers, far more than its capacity of 120.")
    assert compare(other, capacity).conflicts


def test_the_only_day_of_a_report_dates_what_it_reports() -> None:
    """The newswire audit: "The death toll rose to 44 on Saturday" restating "... has risen to
    44, the navy said Saturday" was "the sources say Sunday" (a later report of 53). The day a
    report is given, when the sentence gives no other, is the day a summary writer puts on
    it; another day still contradicts it."""
    checker = Checker(
        [
            Article(
                1,
                "Xinhua",
                "The death toll from the ferry capsizing has risen to 44, the navy said Saturday.",
            ),
            Article(
                2,
                "AP",
                "Divers recovered nine more bodies Sunday, raising the death toll to "
                "53, navy officials said.",
            ),
        ]
    )
    claim = "The death toll rose to 44 on Saturday, the navy said."
    assert checker.verify(claim).supported, checker.verify(claim).problems
    verdict = checker.verify(claim.replace("Saturday", "Friday"))
    assert [p.kind for p in verdict.problems] == ["date"]


def test_another_person_doing_the_act_is_named() -> None:
    """Set l: "Justice Samuel Alito sprinkled in references to Spider-Man" where the sentence
    it restates gives the references to Kagan and Alito only ever dissents. A name the story
    uses elsewhere is not a name the sources put here."""
    checker = Checker(
        [
            Article(
                1,
                "Wire",
                "Justice Elena Kagan wrote the majority opinion on Monday. Kagan, a lifelong "
                "comic book fan, wove Spider-Man references throughout her opinion.",
            ),
            Article(
                2,
                "Daily",
                "Justice Samuel Alito, who wrote the dissent, argued that the precedent "
                "should be overturned.",
            ),
        ]
    )
    claim = "Justice Elena Kagan wove Spider-Man references throughout her opinion."
    assert checker.verify(claim).supported, checker.verify(claim).problems
    swapped = claim.replace("Elena Kagan", "Samuel Alito")
    assert reasons(checker, swapped) == [("name", "the sources say Kagan")]
    fused = "Justice Samuel Alito wrote the dissent, arguing that the precedent should go."
    assert checker.verify(fused).supported, checker.verify(fused).problems


def test_a_one_word_name_doing_another_ones_act_is_named() -> None:
    """Set c: "de la Renta apprenticed with Valentino" where the sentence it restates has "the
    designer studied under Balenciaga", and Valentino is only at the funeral. A one-word name
    stands in for a one-word name with some of the claim's words around it."""
    checker = outlets(
        "Designer Oscar Marquez died on Monday at 82. Born in Cuba, and trained in Madrid, the "
        "designer studied under Balenciaga and designed for Lanvin before starting his own "
        "label.",
        "Marquez dressed three first ladies. Mourners at his funeral included Valentino, who "
        "flew in from Rome.",
    )
    claim = (
        "Born in Cuba, Marquez apprenticed with {} and worked as a designer at Lanvin before "
        "launching his own label."
    )
    assert checker.verify(claim.format("Balenciaga")).supported
    assert reasons(checker, claim.format("Valentino")) == [("name", "the sources say Balenciaga")]
    fused = checker.verify("Valentino flew in from Rome for the funeral of Marquez.")
    assert fused.supported, fused.problems


def test_what_an_amount_counts_ends_at_its_clause() -> None:
    """Set l: "she was twenty-two when her online exchanges began" counts no exchanges, and a
    "three-judge court" counts judges, not the court."""
    (age,) = analyse("She was twenty-two when her online exchanges with him began.").quantities
    assert age.counted == ()
    (panel,) = analyse("The three-judge court ruled unanimously.").quantities
    (bench,) = analyse("A three-judge panel of the appeal court agreed.").quantities
    assert panel.counted == bench.counted != ()


def test_a_second_day_of_the_claim_is_its_other_events_day() -> None:
    """Set l: "On Monday, ten families sued ..., maker of the rifle used on December 14th,
    2012" was "the sources say Monday" (the day of the suit); a wrong year is still wrong."""
    checker = Checker(
        [
            Article(
                1,
                "Courant",
                "A lawsuit filed Monday by ten families claims the maker of the rifle is to "
                "blame for the shooting.",
                date=dt.date(2014, 12, 15),
            ),
            Article(
                2,
                "Post",
                "The gunman killed 26 people at the school with a rifle his mother had bought.",
                date=dt.date(2014, 12, 16),
            ),
            Article(3, "Herald", "Church bells marked the anniversary of Dec. 14, 2012."),
        ]
    )
    claim = (
        "On Monday, ten families sued the maker of the rifle the gunman used on "
        "December 14th, 2012, to kill 26 people."
    )
    assert checker.verify(claim).supported, checker.verify(claim).problems
    verdict = checker.verify(claim.replace("2012", "2013"))
    assert [p.kind for p in verdict.problems] == ["date"], verdict.problems


def test_the_law_is_not_lawful() -> None:
    """Set l: "still against the law" was "the sources say illegal": "lawful" and "law" share a
    stem, so the antonym list held the noun as the opposite of "illegal"."""
    checker = Checker(
        [
            Article(
                1,
                "Irish Times",
                "The minister said the sale or import of such substances remains illegal.",
            )
        ]
    )
    claim = "The minister said selling or importing the substances is still against the law."
    assert checker.verify(claim).supported, checker.verify(claim).problems
    verdict = checker.verify("The minister said selling the substances is now legal.")
    assert "polarity" in [p.kind for p in verdict.problems], verdict.problems


def test_a_passive_without_by_names_who_it_is_done_to() -> None:
    """Set l: "asking that President Obama be subpoenaed" read Obama as the one who subpoenas,
    and so "the sources have blagojevich as the one who subpoena"."""
    checker = Checker(
        [
            Article(
                1,
                "Tribune",
                "Rod Blagojevich’s attorneys filed a motion today to subpoena President Obama "
                "to testify at the former governor’s trial.",
            )
        ]
    )
    claim = (
        "Lawyers for Rod Blagojevich asked that President Obama be subpoenaed to testify at "
        "Blagojevich's trial."
    )
    assert checker.verify(claim).supported, checker.verify(claim).problems


def test_a_figure_whose_words_the_claim_all_states_is_about_its_thing() -> None:
    """Set g: "The machine weighs 17 pounds and its internal battery lasts around two hours"
    was "the sources give 17 pounds for something else", where "It weighs 17 pounds": all the
    source says about its figure is said about the claim's, whose clause runs on."""
    checker = wire(
        "The Halden tablet is unusually large for a portable device. It weighs 9 pounds, so "
        "owners will need strong arms. Halden says an internal battery keeps it running for "
        "four hours. The company sold 9 units to schools in its first week."
    )
    verdict = checker.verify(
        "The Halden tablet weighs 9 pounds and its internal battery lasts about four hours."
    )
    assert verdict.supported, verdict.problems
    sold = checker.verify("The company sold 9 pounds of tablets to schools in its first week.")
    assert not sold.supported


def test_two_words_around_a_figure_in_both_make_it_the_same_thing() -> None:
    """Set i: "he lay in a coma for seven days after contracting a rare bacterial meningitis"
    was "the sources give seven days for something else", where "For seven days I lay in a
    deep coma": the claim's long clause held too many words for the source's two in common
    ("lie", "coma") to reach a third of them."""
    checker = outlets(
        "In the spring of 2010, after nine days in a coma during which my cortex was shut down, "
        "I saw something so profound that it changed my mind. For nine days I lay in a deep "
        "coma, my body unresponsive. The book sold nine million copies.",
        "Once upon a time, a surgeon named Mara Quist contracted a bad case of bacterial "
        "meningitis and fell into a coma. Her book claims that she visited heaven.",
    )
    claim = (
        "Surgeon Mara Quist writes that in the spring of 2010 she {} after contracting a rare "
        "bacterial meningitis."
    )
    verdict = checker.verify(claim.format("lay in a coma for nine days"))
    assert verdict.supported, verdict.problems
    sold = checker.verify(claim.format("sold nine days of her book"))
    assert "number" in {p.kind for p in sold.problems}


def test_a_name_qualifying_a_noun_does_not_own_the_age_after_it() -> None:
    """Set k: "Verlander, 33," was "the sources give 33 for something else", where "Detroit
    Tigers star, 33,": the age is the star's, and the team no one else's person."""
    checker = wire(
        "Kate Upton showed off her ring at the gala. She is engaged to baseball pitcher Justin "
        "Verlander. The swimsuit model, 23, and Detroit Tigers star, 33, have been together "
        "three years."
    )
    claim = "Upton, 23, and Verlander, {}, have been together three years."
    verdict = checker.verify(claim.format(33))
    assert verdict.supported, verdict.problems
    assert "number" in {p.kind for p in checker.verify(claim.format(31)).problems}


def test_the_interviewer_is_no_speaker_and_un_writes_a_negation() -> None:
    """Set g: "Zuckerberg told the BBC that connecting the world was an uncontroversial
    mission ..., but that the idea is now becoming more controversial" was flagged twice: "In
    an interview with the BBC, the Facebook founder said" gave the BBC the founder's title, so
    "he told me" was the BBC's; and "uncontroversial" did not restate "was not controversial".
    """
    checker = wire(
        "Mark Ruiz has revealed deep concerns about globalisation. In an interview with the BBC, "
        'the Falcon founder said that fake news was damaging public debate. "When I started '
        'Falcon, the mission of connecting the world was not controversial," he told me. '
        '"Now that vision is becoming more controversial." He told the BBC: "People feel '
        'left behind by the connected world."'
    )
    (bbc, _) = analyse(
        "In an interview with the BBC, the Falcon founder said fake news was damaging."
    ).names
    assert bbc.text == "BBC" and bbc.title == ()
    claim = (
        "Ruiz told the BBC that connecting the world was {} mission when he started Falcon, but "
        "that the idea is now becoming more controversial."
    )
    verdict = checker.verify(claim.format("an uncontroversial"))
    assert verdict.supported, verdict.problems
    flipped = checker.verify(claim.format("a controversial"))
    assert "negation" in {p.kind for p in flipped.problems}


def test_a_negated_word_restates_its_negative_form() -> None:
    """Set l: "who had not been invited to a wedding" was "the sources say uninvited"."""
    checker = wire(
        "Dana Pike, 20, was arrested Sunday night after she showed up uninvited at a wedding in "
        "Palm Coast. She poured a drink on her boyfriend."
    )
    claim = "Dana Pike, who had {} invited to the wedding, was arrested on Sunday night."
    verdict = checker.verify(claim.format("not been"))
    assert verdict.supported, verdict.problems
    assert "polarity" in {p.kind for p in checker.verify(claim.format("been")).problems}


def test_a_happening_is_stated_by_its_noun() -> None:
    """Set k: "before Argentina invaded the Falkland Islands" was "no source mentions this"
    beside "the Argentine invasion": the stems part (invad, invas), the synonyms join them."""
    checker = wire(
        "The film is set during the 17 days that preceded the Argentine invasion of the "
        "Falkland Islands and the war that followed."
    )
    claim = "The film covers the 17 days before Argentina {} the Falkland Islands."
    verdict = checker.verify(claim.format("invaded"))
    assert verdict.supported, verdict.problems
    assert not checker.verify(claim.format("bombed")).supported


def test_a_statement_another_speaker_made_is_theirs() -> None:
    """New-user audit: "Commission chair Priya Nandakumar said the company would appeal"
    passed, its evidence drawn by her name to another thing she said, though Vantix's chief
    said it; "The commission said it was disappointed" passed, though Vantix said that."""
    checker = outlets(
        "The court ordered the app maker Vantix to pay a penalty of $14 million. Commission "
        "chair Priya Nandakumar said the penalty should serve as a warning to other firms. "
        "Vantix chief executive Daniel Ortega said the company would appeal.",
        "The Consumer Fairness Commission, which sued Vantix in 2023, had sought $20 million. "
        "Vantix said in a statement that it was disappointed and was considering its options.",
    )
    for faithful in (
        "Vantix chief executive Daniel Ortega said the company would appeal.",
        "Nandakumar said the penalty should serve as a warning to other firms.",
        "Vantix said it was disappointed and was considering its options.",
        "The company said it was disappointed and was considering its options.",
    ):
        verdict = checker.verify(faithful)
        assert verdict.supported, (faithful, verdict.problems)
    for moved in (
        "Commission chair Priya Nandakumar said the company would appeal.",
        "The commission said it was disappointed and was considering its options.",
    ):
        assert "speaker" in {p.kind for p in checker.verify(moved).problems}, moved


def test_gold_and_golden_are_one_colour() -> None:
    """New-user audit: "Margaret of York stole a gold brooch from the Golden Fleece Museum"
    was "polarity: the sources say Golden", both in the list of colours that exclude each
    other. Its real error, the owner made the thief, is a swap the checker misses."""
    checker = outlets(
        "Thieves broke into the Golden Fleece Museum in Bruges early on Sunday and stole three "
        "jewelled pieces, police said. The stolen items include a gold brooch once owned by "
        "Margaret of York.",
        "A gold brooch that belonged to Margaret of York was among four objects stolen from the "
        "Golden Fleece Museum in Bruges on Sunday morning.",
    )
    assert "polarity" not in {
        p.kind
        for p in checker.verify(
            "Margaret of York stole a gold brooch from the Golden Fleece Museum."
        ).problems
    }
    claim = "A {} brooch that belonged to Margaret of York was stolen from the museum."
    assert "polarity" in {p.kind for p in checker.verify(claim.format("silver")).problems}


def test_an_act_done_to_another_named_party_is_a_swap() -> None:
    """New-user audit: "The Consumer Fairness Commission was ordered to pay a penalty of $14
    million" passed, where the court ordered Vantix to pay it."""
    checker = outlets(
        "The Federal Court on Wednesday ordered the app maker Vantix to pay a penalty of $14 "
        "million for misleading customers.",
        "The case was brought by the Consumer Fairness Commission, which had sought $20 million.",
    )
    for faithful in (
        "Vantix was ordered to pay a penalty of $14 million.",
        "The app maker was ordered to pay a penalty of $14 million.",
    ):
        verdict = checker.verify(faithful)
        assert verdict.supported, (faithful, verdict.problems)
    swapped = checker.verify(
        "The Consumer Fairness Commission was ordered to pay a penalty of $14 million."
    )
    assert "roles" in {p.kind for p in swapped.problems}, swapped.problems


def test_a_figure_the_claim_gives_its_own_clause_is_no_rival_of_another() -> None:
    """Stories: "convicted on 9 of the 11 counts and acquitted on 2 counts of money laundering"
    was "the sources give nine for something else": the restated "acquitted on two counts" was
    taken as the figure for the 9 counts, though the claim's own 2 is closer to it."""
    checker = outlets(
        "After two days of deliberation, the jury of eight women and four men convicted Dalby, 61, "
        "on seven of the ten counts she faced, including fraud and bribery. She was acquitted "
        "on three counts of perjury. Sentencing is set for May.",
        "Dalby was found guilty on seven counts and cleared on three. Jurors deliberated for two "
        "days.",
    )
    claim = "Dalby was convicted on {} of the 10 counts and acquitted on 3 counts of perjury."
    verdict = checker.verify(claim.format(7))
    assert verdict.supported, verdict.problems
    wrong = checker.verify(claim.format(6))
    assert "number" in {p.kind for p in wrong.problems}


def test_a_source_states_a_point_only_with_what_it_says_about_the_names() -> None:
    """New-user audit: "Lynx coach Ray Dunmore said his team had run out of energy. [2][4]",
    where [4] has only "Lynx coach Ray Dunmore praised the winners": the names were most of the
    words the two shared."""
    point = analyse("Lynx coach Ray Dunmore said his team had run out of energy.")
    same = analyse("Lynx coach Ray Dunmore said his exhausted team had run out of energy.")
    other = analyse("Lynx coach Ray Dunmore praised the winners.")
    assert compare(point, same).stated
    assert not compare(point, other).stated


def test_a_source_states_a_quotation_only_with_its_words() -> None:
    """New-user audit: 'Vantix chief executive Daniel Ortega said the ruling was "deeply
    flawed" and that the company would lodge an appeal. [1][3]', where [1] has only "Ortega
    said the company would appeal". Outlets transcribing a word differently still state it."""
    point = analyse(
        'Chief executive Daniel Ortega said the ruling was "deeply flawed" and that the company '
        "would lodge an appeal."
    )
    without = analyse("Chief executive Daniel Ortega said the company would lodge an appeal.")
    assert not compare(point, without).stated
    quoted = analyse(
        '"It\'d be safe to say that my client felt threatened on that block," Fuller said.'
    )
    retold = analyse(
        '"It would be safe to say that my client felt threatened on that block," Fuller said '
        "on Monday."
    )
    assert compare(quoted, retold).stated


def test_a_speaker_is_found_in_the_sentence_that_says_it() -> None:
    """New-user audit: citing reads a sentence joined to the next, and "Priya Nandakumar
    welcomed the decision. Privacy advocate Tom Reyes, of the Digital Rights Forum, said the
    fine was too small" gave the words to Nandakumar, so a point of hers was cited to it."""
    joined = analyse(
        "Commission chair Priya Nandakumar welcomed the decision. Privacy advocate Tom Reyes, "
        "of the Digital Rights Forum, said the fine was too small for the company."
    )
    assert [a.names for a in joined.attributions] == [(("tom", "reyes"),)]
    (senator,) = analyse("Sen. J. Smith, of Ohio, said it was fine.").attributions
    assert senator.names == (("j", "smith"),)
    point = analyse(
        "Commission chair Priya Nandakumar said the penalty should serve as a warning to other "
        "technology firms."
    )
    assert not compare(point, joined).stated


def test_two_words_for_one_counted_thing_told_alike_can_differ() -> None:
    """New-user audit: "location data from about 1.2 million phones" against "location data
    from roughly 1.3 million devices" was no disagreement: the nouns differ (a rule kept for
    12,000 people against three towns), and a rounding slack let 1.2 and 1.3 million touch."""
    point = analyse(
        "The judge found that the company kept collecting location data from about 1.2 million "
        "phones after users had switched the feature off."
    )
    other = analyse(
        "The judge said the firm had gathered location data from roughly 1.3 million devices "
        "even when the setting was disabled."
    )
    assert [(c.ours, c.theirs) for c in compare(point, other).conflicts] == [
        ("about 1.2 million", "roughly 1.3 million")
    ]
    towns = analyse("Officials said 12,000 people left their homes as the river rose.")
    evacuated = analyse("Officials said three towns were evacuated as the river rose.")
    assert not compare(towns, evacuated).conflicts


def test_a_range_that_allows_the_points_figure_does_not_state_it() -> None:
    """New-user audit: "Officials now say 31 people were killed. [1][3]", where [1] says "at
    least 27 people were killed": it allows 31, and states 27. No conflict either: tolls rise."""
    point = analyse("Officials now say 31 people were killed in the quake.")
    exact = analyse("Officials say 31 people were killed in the quake.")
    at_least = analyse("Officials say at least 27 people were killed in the quake.")
    vague = analyse("Officials say dozens of people were killed in the quake.")
    assert compare(point, exact).stated
    for source in (at_least, vague):
        verdict = compare(point, source)
        assert not verdict.stated and not verdict.conflicts
    assert compare(analyse("At least 27 people were killed in the quake."), exact).stated


@pytest.mark.parametrize(
    ("first", "second", "topic"),
    [
        # the clause with the day names no one; its sentence names the town
        ("A magnitude 6.1 earthquake struck the town of Valdoria late on Monday, killing 27.",
         "Families in Valdoria spent a second night in their cars after an earthquake on Sunday "
         "night destroyed 600 homes.", "Day of the earthquake"),
        # a win is a happening
        ("The Harbor City Herons won their first national title on Sunday, beating the Pinecrest "
         "Lynx 78-71.", "The Herons' 78-71 win over the Pinecrest Lynx on Saturday night capped "
         "a turnaround.", "Day of the win"),
        # a council's approval is a happening (the second audit's council story)
        ("Port Calder's city council voted 7-4 on Tuesday night to approve the Eastbank "
         "stadium.", "After a session that stretched past midnight, the Port Calder city "
         "council on Wednesday approved a stadium package.", "Day of the approval"),
    ],
)  # fmt: skip
def test_the_new_user_audits_missed_days_are_disagreements(
    first: str, second: str, topic: str
) -> None:
    """New-user audit: in all three of its stories one outlet gave another day, and none was
    listed under "Where the sources differ"."""
    a = Article(1, "A", first, date=dt.date(2025, 3, 4))
    b = Article(2, "B", second, date=dt.date(2025, 3, 5))
    (found,) = date_disagreements([a, b])
    assert found.topic == topic
    assert [s.sources for s in found.sides] == [(1,), (2,)]


def test_the_day_something_was_confirmed_is_not_the_day_it_happened() -> None:
    """A dev cluster: "On Thursday the automaker confirmed that a fire burned up one of its
    Model S cars" gives the day of the confirmation, not of the fire ("On Wednesday, a Model S
    caught fire")."""
    day = dt.date(2013, 10, 4)
    a = Article(1, "A", "On Wednesday, a Model S caught fire on a Tennessee freeway.", date=day)
    b = Article(
        2,
        "B",
        "On Thursday the automaker confirmed that a fire burned up one of its Model S cars.",
        date=day,
    )
    assert date_disagreements([a, b]) == []


def test_a_sentence_giving_the_points_figure_too_has_its_other_figure_for_another_thing() -> None:
    """New-user audit: "Share: $38 [1] · $36.40 [4]", where [4] says the stock "closed at
    $36.40, just below the $38 offer price"."""
    point = analyse("Halvorsen will pay $38 a share for Brightmeadow's stock in cash.")
    other = analyse(
        "Brightmeadow's stock closed at $36.40 a share, just below the $38 offer price."
    )
    assert not compare(point, other).conflicts
    lower = analyse("Brightmeadow's stock will be bought at $36.40 a share in cash.")
    assert compare(point, lower).conflicts


def test_one_pair_of_figures_is_one_disagreement_whichever_point_found_it() -> None:
    """New-user audit: "Earthquake struck: 6.1 [1] · 6.3 [2]" and "Quake struck: 6.3 [2] ·
    6.1 [1]" were listed one after the other."""
    from summarize.cite import Conflict

    one = Sentence(1, 0, "A magnitude 6.1 earthquake struck the town late on Monday.")
    two = Sentence(2, 0, "The magnitude 6.3 quake struck shortly before midnight.")
    points = [
        ([one], Cited((), ((Conflict("number", "earthquake struck", "6.1", "6.3"), two),))),
        ([two], Cited((), ((Conflict("number", "quake struck", "6.3", "6.1"), one),))),
    ]
    (found,) = number_disagreements(points)
    assert [(s.value, s.sources) for s in found.sides] == [("6.1", (1,)), ("6.3", (2,))]


def test_a_happening_is_not_stated_by_a_loose_synonym() -> None:
    """New-user audit: against a basketball final, "Okafor was arrested" passed on "held the
    Lynx to 31 points" (hold ~ arrest) and "Whitfield resigned" on "48 seconds left"."""
    checker = wire(
        "The Herons held the Lynx to 31 points in the second half. Okafor hit a three with 48 "
        "seconds left. Coach Dana Whitfield said the team had earned it. Chief executive Ann "
        "Moss of the Herons thanked the fans."
    )
    for claim in ("Okafor was arrested after the game.", "Whitfield resigned after the game."):
        assert "unsupported" in {p.kind for p in checker.verify(claim).problems}, claim
    # a word sharing a happening's root is not that happening ("executive", "execution")
    assert checker.verify("Herons chief executive Ann Moss thanked the fans.").supported
    detained = wire("Police detained Okafor after the game, the league said.")
    assert detained.verify("Okafor was arrested after the game.").supported


def test_an_opposite_under_a_negation_states_the_word() -> None:
    """New-user audit: "The Lynx were ahead 40-33 at half-time" was "polarity: the sources say
    trailed", where the Herons "never trailed again" after it."""
    checker = wire(
        "The Lynx led 40-33 at half-time, but the Herons opened the third quarter with a 14-2 "
        "run and never trailed again."
    )
    verdict = checker.verify("The Herons were ahead after a 14-2 run in the third quarter.")
    assert verdict.supported, verdict.problems
    behind = wire("The Herons trailed after a 14-2 run in the third quarter.")
    assert "polarity" in {
        p.kind
        for p in behind.verify(
            "The Herons were ahead after a 14-2 run in the third quarter."
        ).problems
    }


def test_a_suspension_or_an_injury_no_source_reports_is_invented() -> None:
    """New-user audit: "Whitfield was suspended by the league after the game" passed against a
    final whose reports mention no suspension, as "injured" did."""
    checker = wire(
        "The Herons beat the Lynx 78-71 on Sunday. Coach Dana Whitfield said the team had "
        "earned it. Okafor scored 29 points."
    )
    for claim in (
        "Whitfield was suspended by the league after the game.",
        "Whitfield was injured after the game.",
    ):
        assert "unsupported" in {p.kind for p in checker.verify(claim).problems}, claim
    # "wounded" is an injury ("wound" had been read as the past of "wind")
    wounded = wire("Okafor, who was wounded in a car crash last year, scored 29 points.")
    assert wounded.verify("Okafor, who was injured in a car crash last year, scored 29.").supported


def test_a_reversal_names_the_doer_in_full() -> None:
    """New-user audit: "the sources have City Herons as the one who did it" and "the sources
    have foods as the one who agreed"."""
    final = wire(
        "The Harbor City Herons won the title on Sunday, beating the Pinecrest Lynx 78-71."
    )
    verdict = final.verify("The Pinecrest Lynx beat the Harbor City Herons 78-71.")
    assert any("Harbor City Herons as the one" in p.detail for p in verdict.problems), verdict
    deal = wire("Halvorsen Foods said it had agreed to buy Brightmeadow Dairy for $4.2 billion.")
    verdict = deal.verify("Brightmeadow Dairy agreed to buy Halvorsen Foods for $4.2 billion.")
    assert any("Halvorsen Foods as the one" in p.detail for p in verdict.problems), verdict


def test_one_persons_figure_told_two_ways_is_a_disagreement() -> None:
    """New-user audit: "Maya Okafor scored 27 points" [1] and "Maya Okafor scored 29 points as
    the Harbor City Herons beat ..." [2] share too few words to be one report by their wording,
    yet give one person's figure for one thing."""
    from summarize.cite import cite
    from summarize.corpus import build

    corpus = build(
        [
            Article(
                1, "Courier", "Maya Okafor scored 27 points and grabbed 11 rebounds in the final."
            ),
            Article(
                2,
                "Wire",
                "Maya Okafor scored 29 points as the Harbor City Herons beat the Pinecrest Lynx "
                "78-71 in the league final on Sunday.",
            ),
        ]
    )
    (cited,) = cite(corpus, [0])
    assert [(c.ours, c.theirs) for c, _ in cited.conflicts] == [("27 points", "29 points")]
    found = number_disagreements([([corpus.sentences[0]], cited)])
    assert [s.value for s in found[0].sides] == ["27 points", "29 points"]


def test_an_opposite_among_the_claims_words_in_a_longer_sentence() -> None:
    """Set p: "after contracting a fairly common form of bacterial meningitis" passed, its
    evidence a sentence about the coma; the sentence calling the infection "very rare" is
    about a hospital and much else, so it was never read against the claim's word."""
    story = wire(
        "The climber fell into a coma for nine days after he picked up a mountain fever on the "
        "trek. Doctors at the regional hospital in Innsbruck, where his brother also works as a "
        "surgeon, said he had picked up a very rare mountain fever that mostly strikes "
        "shepherds. He was flown home on Friday."
    )
    claim = "The climber lay in a coma for nine days after picking up a {} mountain fever."
    assert "polarity" in {p.kind for p in story.verify(claim.format("fairly common")).problems}
    assert story.verify(claim.format("rare")).supported


@pytest.mark.parametrize(
    ("point", "sentence", "stated"),
    [
        # what the point denies, the sentence must deny too
        ("Mayor Renata Alvarez did not attend the meeting.",
         "Mayor Renata Alvarez praised the result.", False),
        ("Mayor Renata Alvarez did not attend the meeting.",
         "Mayor Renata Alvarez, who does not vote on the council, backed the plan.", False),
        ("Mayor Renata Alvarez did not attend the meeting.",
         "Alvarez did not attend the council meeting on Tuesday.", True),
        # a title is part of the name, not something said about the person
        ("Council President Thomas Whitcombe said the vote showed the city was ready to build.",
         "Council President Thomas Whitcombe called the vote a turning point.", False),
        # a sentence dating what it says, but not on one of the point's days, states part
        ("Crossings to Kerran Island were cancelled on Saturday, and a replacement ferry would "
         "start on Tuesday, NorthSound said.", "NorthSound cancelled all crossings between "
         "Dunmore and Kerran Island on Saturday, leaving hundreds stranded.", False),
        ("Crossings to Kerran Island were cancelled on Saturday, NorthSound said.",
         "NorthSound cancelled all crossings between Dunmore and Kerran Island on Saturday, "
         "leaving hundreds stranded.", True),
        # the day someone said it is no fact of the point (second audit's wildfire)
        ("The blaze had burned 18,400 acres and destroyed 140 homes, officials said Friday.",
         "Fire officials said Saturday that the blaze had burned 18,400 acres and destroyed "
         "140 homes.", True),
    ],
)  # fmt: skip
def test_a_citation_states_the_denial_and_more_than_the_title(
    point: str, sentence: str, stated: bool
) -> None:
    """New-user audit: "Mayor Renata Alvarez did not attend the meeting. [1][2][3]" where
    only [3] says so, Whitcombe's words cited to an outlet giving only his title, and a
    replacement ferry from Tuesday cited to an outlet that has only Saturday's cancellation."""
    assert compare(analyse(point), analyse(sentence)).stated == stated


def test_a_point_is_marked_disputed_only_when_it_gives_a_side() -> None:
    """New-user audit: "Four people were taken to Dunmore General Hospital. [1] *(sources
    differ, see below)*" and the 312-passengers point were marked for "Injuring: 27 · 23",
    one for sharing words with a side's sentence, one for being cited to it."""
    from summarize.compose import _linked
    from summarize.schema import Disagreement, Point, Side, Support

    herald = Sentence(
        1, 0, "Twenty-three people were injured on Friday when a ferry struck the pier at Dunmore."
    )
    wire_ = Sentence(2, 0, "The ferry slammed into the pier at Dunmore, injuring 27 people.")
    injured = Disagreement(
        "number", "Injuring", (Side("27", (2,), (wire_,)), Side("Twenty-three", (1,), (herald,)))
    )
    hospital = Point("Four people were taken to Dunmore hospital.", Sentence(2, 3, "x"), 1.0)
    aboard = Point(
        "The ferry struck the pier at Dunmore with 312 people on board.",
        Sentence(3, 1, "x"),
        1.0,
        support=(Support(herald, 0.5),),
    )
    side = Point(wire_.text, wire_, 1.0)
    assert [_linked(p, injured) for p in (hospital, aboard, side)] == [False, False, True]


def test_an_unnamed_body_no_source_ties_to_the_person_is_flagged() -> None:
    """New-user audit: Marwick is the safety authority's inspector; the coastguard is in the
    story through another officer."""
    checker = wire(
        "Coastguard officer Martin Rask said rescuers had all passengers off the vessel within "
        "90 minutes. The ferry's operator said it was cooperating. Four passengers were taken "
        "to hospital. The Maritime Safety Authority opened an inquiry on Monday. Its chief "
        "inspector Daniel Marwick told reporters that investigators had recovered the ship's "
        "voyage data recorder."
    )
    claim = (
        "Chief inspector Daniel Marwick of the {} said investigators had recovered the recorder."
    )
    verdict = checker.verify(claim.format("coastguard"))
    assert ("title", "coastguard") in {(p.kind, p.span) for p in verdict.problems}, verdict
    assert "title" not in {p.kind for p in checker.verify(claim.format("authority")).problems}


def test_days_between_two_dates_of_the_evidence_are_stated() -> None:
    """New-user audit: "opened a formal investigation on Monday, three days after the crash"
    was "no source states three days", though its sentence gives Monday and last Friday."""
    checker = Checker(
        [
            Article(
                1,
                "Post",
                "The Maritime Safety Authority opened a formal investigation on Monday into "
                "last Friday's crash of the ferry Skerry Lass, which left 23 passengers injured.",
                date=dt.date(2025, 5, 19),
            )
        ]
    )
    claim = (
        "The Maritime Safety Authority opened a formal investigation on Monday, {} after the crash."
    )
    assert checker.verify(claim.format("three days")).supported
    assert not checker.verify(claim.format("four days")).supported
    assert not checker.verify(claim.format("three weeks")).supported


def test_that_as_the_subject_of_a_relative_clause_is_the_noun_it_describes() -> None:
    """New-user audit: "The Port Calder Mariners own Pike Sports Holdings" passed against
    "Pike Sports Holdings, the company that owns the Port Calder Mariners soccer club"."""
    checker = wire(
        "Pike Sports Holdings, the company that owns the Port Calder Mariners soccer club, will "
        "put in $250 million. The council said that the club would move in 2028."
    )
    verdict = checker.verify("The Port Calder Mariners own Pike Sports Holdings.")
    assert "roles" in {p.kind for p in verdict.problems}, verdict
    assert checker.verify("Pike Sports Holdings owns the Port Calder Mariners.").supported


def test_a_wrong_year_and_a_day_only_planned_are_flagged() -> None:
    """Second new-user audit: "arrested on July 11, 2025" passed where the sentence says
    "in the summer of 2023 ... on July 11 of that year", and "The fire ignited on September
    14" passed on a plan for that Sunday, though the fire started "last Sunday"."""
    checker = Checker(
        [
            Article(
                1,
                "Tribune",
                "The scheme collapsed in the summer of 2023, and Whitfield was arrested at his "
                "home on July 11 of that year. The fire ignited last Sunday near the Juniper "
                "Ridge trailhead. Escorted visits to the burn area are scheduled to begin on "
                "Sunday for residents.",
                date=dt.date(2025, 9, 14),
            )
        ]
    )
    assert checker.verify("Whitfield was arrested at his home on July 11, 2023.").supported
    assert not checker.verify("Whitfield was arrested at his home on July 11, 2025.").supported
    assert checker.verify("The fire ignited on September 7 near the trailhead.").supported
    wrong = checker.verify("The fire ignited on September 14 near the trailhead.")
    assert "date" in {p.kind for p in wrong.problems}, wrong


def test_a_word_for_a_role_covers_it_at_every_rank() -> None:
    """Second new-user audit: "Prosecutor Rafael Ortiz" was "the sources call Rafael Ortiz
    deputy district attorney"; a deputy district attorney is a prosecutor, though not the
    district attorney."""
    checker = wire(
        "Deputy District Attorney Rafael Ortiz had asked for 14 years. The judge sentenced "
        "Whitfield to 12 years."
    )
    assert checker.verify("Prosecutor Rafael Ortiz had asked for 14 years.").supported
    wrong = checker.verify("District Attorney Rafael Ortiz had asked for 14 years.")
    assert "title" in {p.kind for p in wrong.problems}, wrong
    wrong = checker.verify("Defence lawyer Rafael Ortiz had asked for 14 years.")
    assert "title" in {p.kind for p in wrong.problems}, wrong


def test_an_office_named_after_a_happening_is_no_happening() -> None:
    """Second new-user audit: "Day of the fire: Friday [2] · Saturday [3]" from a sentence
    on Friday's containment and one on Saturday's work, each quoting the Fire Chief."""
    a = Article(
        1,
        "Ledger",
        "It was 35 percent contained as of Friday evening, according to Pine Hollow Fire Chief "
        "Dale Ramirez.",
        date=dt.date(2025, 9, 13),
    )
    b = Article(
        2,
        "KHDR",
        "Pine Hollow Fire Chief Dale Ramirez said crews had spent Saturday strengthening "
        "containment lines.",
        date=dt.date(2025, 9, 14),
    )
    assert date_disagreements([a, b]) == []
    c = Article(
        3, "Wire", "The Musashi sank during the Battle of the Sibuyan Sea on October 24, 1944."
    )
    assert [e.text for e in timeline([c])], "a battle is a happening"


def test_two_counts_of_one_thing_after_one_verb_are_a_disagreement() -> None:
    """Second new-user audit: "destroyed 140 homes" [1] and "has destroyed 210 homes" [2]
    were not shown: the two sentences, told in their own words, are not close enough to be
    one report by their wording."""
    point = (
        "The Juniper Ridge Fire has burned 18,400 acres and destroyed 140 homes around "
        "Pine Hollow since it broke out on Sunday, fire officials said Friday."
    )
    other = (
        "The wildfire that tore through the outskirts of Pine Hollow last week has "
        "destroyed 210 homes, making it the most destructive fire in the county's "
        "history, officials said."
    )
    assert _cited_disagreements(point, [other]) == [["140", "210"]]


def test_a_day_of_the_calendar_is_stated_only_by_a_sentence_that_gives_it() -> None:
    """Second new-user audit: "A jury convicted Whitfield on August 8 ... [1][2]" where [2]
    says only that a jury found him guilty "two months" before the sentencing."""
    from summarize.cite import cite
    from summarize.corpus import build

    point = "A jury convicted Whitfield on August 8 of 14 counts of securities fraud."
    corpus = build(
        [
            Article(1, "Tribune", point),
            Article(
                2,
                "Courier",
                "The judge handed down the sentence two months after a jury convicted Whitfield "
                "of 14 counts of securities fraud. Victims packed the courtroom.",
            ),
            Article(
                3,
                "Radio",
                "On August 8 a jury convicted Whitfield of 14 counts of securities fraud.",
            ),
        ]
    )
    (cited,) = cite(corpus, [0])
    assert sorted({s.sentence.doc_id for s in cited.support}) == [3]


def test_a_buildings_name_is_not_the_place_inside_it() -> None:
    """New-user audits: "taken to Kerran Island Hospital" and "staying at Sumner High School"
    passed, "Kerran Island" and "Sumner" being places the sources name; the hospital is
    Dunmore General and the school Pine Hollow High."""
    checker = wire(
        "The ferry was arriving from Kerran Island. Four people were taken to Dunmore General "
        "Hospital. Many evacuees are staying at Pine Hollow High School or with relatives in "
        "Sumner."
    )
    for claim, name in [
        ("Four people were taken to Kerran Island Hospital.", "Kerran Island Hospital"),
        ("Many evacuees are staying at Sumner High School.", "Sumner High School"),
    ]:
        verdict = checker.verify(claim)
        assert ("name", name) in {(p.kind, p.span) for p in verdict.problems}, verdict
    assert checker.verify("Four people were taken to Dunmore General Hospital.").supported
    assert checker.verify("Many evacuees are staying at Pine Hollow High School.").supported


def test_a_name_joined_to_another_stands_where_the_source_joins_another() -> None:
    """Set g: "jointly owned by Verizon Communications and T-Mobile USA" passed, T-Mobile USA
    having no words of its own around it to compare, and "AT&T" read as two names, its "T"
    matching T-Mobile's. The sentence it restates joins Verizon to Vodafone."""
    checker = wire(
        "Sprint had 52 million subscribers, against 99 million for AT&T. Verizon Wireless is a "
        "joint venture of Verizon Communications Inc. and Vodafone Group PLC. AT&T is buying the "
        "No. 4 U.S. carrier, T-Mobile USA Inc."
    )
    verdict = checker.verify(
        "Verizon Wireless is jointly owned by Verizon Communications and T-Mobile USA."
    )
    assert ("name", "T-Mobile USA") in {(p.kind, p.span) for p in verdict.problems}, verdict
    assert checker.verify(
        "Verizon Wireless is jointly owned by Verizon Communications and Vodafone Group."
    ).supported
    assert [n.words for n in analyse("Sprint trails AT&T and S&P.").names] == [
        ("sprint",),
        ("at&t",),
        ("s&p",),
    ]


def test_a_figure_a_source_gives_with_nothing_around_it_is_not_for_something_else() -> None:
    """Sets k and p: "died ... at 89" was "the sources give 89 for something else" where the
    next sentence is "He was 89." A sentence beside the evidence that says nothing of what its
    figure is about cannot show it is about something else; one that does still can."""
    checker = wire(
        "Mark Lane died of a heart attack on Tuesday at his home in Charlottesville. He was 89. "
        "His firm employed 40 lawyers."
    )
    assert checker.verify("Mark Lane died of a heart attack at 89 at his home.").supported
    verdict = checker.verify("Mark Lane died of a heart attack at 40 at his home.")
    assert not verdict.supported, verdict


def test_a_place_beside_a_figure_fused_in_from_another_sentence_is_checked() -> None:
    """Set k: "another 6 percent in Texas" passed where the sentence giving the 6 percent says
    Ohio (Texas being named elsewhere in the story)."""
    checker = wire(
        "Federal tax is 25 percent; then there's your state income tax. In Ohio, for example, "
        "that's another 6 percent. Texas has had eight jackpot winners."
    )
    claim = (
        "Federal tax claims a quarter of a lottery prize, and state income tax takes more: "
        "another 6 percent in {}, for example."
    )
    verdict = checker.verify(claim.format("Texas"))
    assert ("name", "Texas") in {(p.kind, p.span) for p in verdict.problems}, verdict
    assert checker.verify(claim.format("Ohio")).supported


def test_defending_is_the_opposite_of_criticising() -> None:
    """Set k: "his 1966 bestseller defending the Warren Commission's report" passed against
    "which criticized the Warren Commission's report"."""
    checker = wire(
        "Lane was most known for his 1966 bestseller Rush to Judgment, which criticized the "
        "Warren Commission's report on the assassination."
    )
    claim = "Lane was best known for his 1966 bestseller Rush to Judgment, {} the Warren report."
    verdict = checker.verify(claim.format("defending"))
    assert "polarity" in {p.kind for p in verdict.problems}, verdict
    assert checker.verify(claim.format("attacking")).supported


def test_a_failure_to_act_negates_the_act() -> None:
    """Set k: "facing a recall over her failure to produce meeting minutes" was "the sources say
    it is not so" against "for failing to produce meeting minutes": "failing to" negated,
    "failure to" did not."""
    checker = wire(
        "City Clerk Kim Lehmkuhl, under fire for failing to produce meeting minutes for an entire "
        "year, resigned Monday."
    )
    claim = "City Clerk Kim Lehmkuhl, facing criticism over her {} meeting minutes, resigned."
    assert checker.verify(claim.format("failure to produce")).supported
    assert not checker.verify(claim.format("success in producing")).supported


def test_a_capital_that_only_opens_the_sentence_is_no_speakers_name() -> None:
    """Set l: "Legal experts said ..." was "the sources attribute this to Marc Ostrau", "Legal"
    read as a speaker's name; the experts are a speaker the checker cannot refute."""
    checker = wire(
        "The deal could help AT&T win approval for its $39 billion purchase of T-Mobile USA, "
        "said Marc Ostrau, a partner at law firm Fenwick & West."
    )
    claim = "{} said the deal could help AT&T win approval for its $39bn purchase of T-Mobile USA."
    assert checker.verify(claim.format("Legal experts")).supported
    verdict = checker.verify(claim.format("Rival lawyer Dana Whitcombe"))
    assert "speaker" in {p.kind for p in verdict.problems}, verdict


def test_a_lawmakers_party_tag_takes_no_title() -> None:
    """Set k: in "Rep. Mike McCaul, R-Texas, the chairman of the House Homeland Security
    Committee", "R-Texas" was a name given the chairmanship, so "Homeland Security Committee
    chairman Mike McCaul" read as another's title."""
    checker = wire(
        "Rep. Mike McCaul, R-Texas, the chairman of the House Homeland Security Committee, said "
        'on "Fox News Sunday" that he talked to the White House on Saturday.'
    )
    claim = '{} Mike McCaul said on "Fox News Sunday" that he talked to the White House.'
    assert checker.verify(claim.format("Homeland Security Committee chairman")).supported
    verdict = checker.verify(claim.format("Governor"))
    assert "title" in {p.kind for p in verdict.problems}, verdict


def test_a_temperature_below_zero_keeps_its_sign() -> None:
    """Set p: "the thermometer had reached minus 28" found no "28" against "-28 C"; a figure
    below zero left bare is a temperature, and the sign is part of the figure."""
    checker = wire("Staff brought the penguins inside rather than subject them to the -28 C cold.")
    claim = "Staff brought the penguins inside rather than subject them to {}."
    assert checker.verify(claim.format("minus 28")).supported
    assert not checker.verify(claim.format("28 degrees")).supported
    assert not checker.verify(claim.format("minus 18")).supported


def test_an_event_only_expected_on_a_day_is_not_stated_as_done() -> None:
    """Third new-user audit: "A team from the U.S. Chemical Safety Board arrived on Wednesday"
    cited and passed a Tuesday article's "... who were expected to arrive on Wednesday"."""
    expected = Article(
        1,
        "Gulf Coast Wire",
        "The U.S. Chemical Safety Board said it was sending a team of investigators, who were "
        "expected to arrive on Wednesday.",
        date=dt.date(2025, 3, 11),
    )
    arrived = Article(
        2,
        "Lone Star Dispatch",
        "A team from the U.S. Chemical Safety Board arrived on Wednesday, officials said.",
        date=dt.date(2025, 3, 13),
    )
    point = "A team from the U.S. Chemical Safety Board arrived on Wednesday."
    verdict = Checker([expected]).verify(point)
    assert ("date", "the sources only look ahead to Wednesday") in {
        (p.kind, p.detail) for p in verdict.problems
    }, verdict
    assert Checker([arrived]).verify(point).supported
    first, second = (analyse(a.text) for a in (expected, arrived))
    assert not compare(analyse(point), first, dt.date(2025, 3, 13), expected.date).stated
    assert compare(analyse(point), second, dt.date(2025, 3, 13), arrived.date).stated
    assert (
        Checker([expected])
        .verify("The Chemical Safety Board team was expected to arrive on Wednesday.")
        .supported
    )


def test_the_end_of_an_event_is_another_event_than_its_start() -> None:
    """Third new-user audit: "Day of the evacuation: Wednesday [2] · Tuesday [3]" paired the
    judge's lifting of the evacuation order with his ordering it; the two outlets agree."""
    day = dt.date(2025, 3, 13)
    articles = [
        Article(
            1,
            "Ledger",
            "Residents began returning home after Judge Dennis Okafor lifted the evacuation "
            "order at 6 p.m. on Wednesday.",
            date=day,
        ),
        Article(
            2,
            "Dispatch",
            "Judge Dennis Okafor ordered about 3,200 residents to evacuate early on Tuesday.",
            date=day,
        ),
        Article(
            3,
            "Wire",
            "Judge Dennis Okafor lifted the evacuation order on Thursday morning, officials said.",
            date=day,
        ),
    ]
    assert not date_disagreements(articles[:2])
    [disagreement] = date_disagreements(articles)
    assert disagreement.topic == "Day of the end of the evacuation"
    assert {side.sources for side in disagreement.sides} == {(1,), (3,)}


def test_an_agencys_initials_name_it() -> None:
    """Third new-user audit: "OSHA fined Corvane $145,000" was "no source mentions OSHA" and a
    reversal ("the sources have Administration as the one who did it"), where a source says
    "the Occupational Safety and Health Administration fined Corvane $145,000"."""
    checker = wire(
        "Federal records show the Occupational Safety and Health Administration fined Corvane "
        "$145,000 in 2023 over process-safety violations at the site."
    )
    assert checker.verify("In 2023, OSHA fined Corvane $145,000 over safety violations.").supported
    verdict = checker.verify("In 2023, Corvane fined OSHA $145,000 over safety violations.")
    assert "roles" in {p.kind for p in verdict.problems}, verdict
    assert not checker.verify(
        "In 2023, EPA fined Corvane $145,000 over safety violations."
    ).supported


def test_a_name_given_and_a_denial_under_a_condition_are_no_speech_or_negation() -> None:
    """Third new-user audit: "Hackers from a group called Crimson Vessel hit the hospital"
    was given a speaker ("called" read as speech), and "gave the hospital a week to pay" was
    denied by "threatening to publish the data if the hospital does not pay"."""
    checker = wire(
        "The attack was claimed by the ransomware group Crimson Vessel, which hit St. Brigid "
        "Regional Medical Center. Crimson Vessel demanded $4 million, threatening to publish "
        "patient data if the hospital does not pay within seven days."
    )
    assert [
        a.speaker
        for a in analyse("Hackers from a group called Crimson Vessel hit it.").attributions
    ] == []
    assert checker.verify(
        "Hackers from a group called Crimson Vessel hit St. Brigid Regional Medical Center."
    ).supported
    assert checker.verify(
        "Crimson Vessel demanded $4 million and gave the hospital seven days to pay."
    ).supported
    assert [a.speaker for a in analyse("Trump called Kelly a liar.").attributions] == ["Trump"]


def test_an_age_set_off_after_a_name_is_that_persons_in_a_citation() -> None:
    """Third new-user audit: "Luis Amador, 34, a contract pipefitter from Baytown, died at the
    scene. [3]" left out two outlets saying so: an age between commas has no words of its own
    around it, and the name before it says whose it is."""
    point = analyse("Luis Amador, 34, a contract pipefitter from Baytown, died at the scene.")
    same = analyse("Luis Amador, 34, a contract pipefitter from Baytown, was killed.")
    other = analyse("Luis Amador, 43, a contract pipefitter from Baytown, was killed.")
    assert compare(point, same).stated
    assert not compare(point, other).stated


def test_a_supposition_and_a_called_off_plan_date_no_event_a_week_on() -> None:
    """Third new-user audit's timeline: "If data was leaving the network on Friday night, ..."
    was the Friday event, and "postponed about 70 elective surgeries scheduled for Monday and
    Tuesday", in a Tuesday article, was dated the Monday after."""
    tuesday = dt.date(2025, 9, 16)
    article = Article(
        1,
        "Courier",
        "The hospital postponed about 70 elective surgeries scheduled for Monday. "
        "If data was leaving the network on Friday night, the intrusion began earlier, an "
        "analyst said.",
        date=tuesday,
    )
    dated = {d.date: d.text for d in timeline([article])}
    assert dt.date(2025, 9, 12) not in dated
    assert dated == {dt.date(2025, 9, 15): "The hospital postponed about 70 elective surgeries "
                     "scheduled for Monday."}  # fmt: skip


def test_a_chief_information_officer_is_named_in_full() -> None:
    """Third new-user audit: "the sources call Daniel Reese officer", his title cut to its
    last word ("chief information officer" was no listed role)."""
    checker = wire(
        "Daniel Reese, the hospital's chief information officer, said records were down."
    )
    verdict = checker.verify(
        "Daniel Reese, the hospital's chief executive, said records were down."
    )
    assert ("title", "the sources call Daniel Reese chief information officer") in {
        (p.kind, p.detail) for p in verdict.problems
    }, verdict
    assert checker.verify("CIO Daniel Reese said records were down.").supported


def test_a_time_of_day_is_no_count_and_a_reversal_names_the_doer_as_written() -> None:
    """Third new-user audit: "About 5,200 residents ... were ordered to evacuate" was "the
    sources say about 4" (the order came "at about 4 a.m."); the swap "Corvane fined OSHA"
    read "the sources have Administration as the one who did it (fin)"."""
    assert [
        q.text for q in analyse("They were ordered out at about 4 a.m. on Tuesday.").quantities
    ] == ["about 4 a.m."]
    assert analyse("at 11 p.m.").quantities[0].value == analyse("at 11:00 p.m.").quantities[0].value
    checker = wire(
        "Judge Dennis Okafor ordered the evacuation of homes within one mile of the plant at "
        "about 4 a.m. Federal records show the Occupational Safety and Health Administration "
        "fined Corvane $145,000 in 2023."
    )
    verdict = checker.verify(
        "About 5,200 residents within one mile of the plant were ordered to evacuate."
    )
    assert not verdict.supported and all("4 a.m." not in p.detail for p in verdict.problems)
    verdict = checker.verify(
        "In 2023, Corvane fined the Occupational Safety and Health Administration."
    )
    assert (
        "roles",
        "fined",
        "the sources have Occupational Safety and Health Administration as the one who did it "
        "(fined), to Corvane $145,000",
    ) in {(p.kind, p.span, p.detail) for p in verdict.problems}, verdict


def test_calling_for_an_event_is_not_its_end() -> None:
    """Review: "called" was listed among the verbs that end an event, so "called for an
    evacuation" would have been the evacuation's end, kept apart from the evacuation."""
    article = Article(
        1,
        "Ledger",
        "Judge Dennis Okafor called for an evacuation of the town on Tuesday.",
        date=dt.date(2025, 3, 12),
    )
    assert [m.ended for m in mentions([article])] == [False]


def _cited_disagreements(point: str, others: list[str]) -> list[list[str]]:
    """The number disagreements the briefing would show for `point` against other outlets."""
    from summarize.cite import cite
    from summarize.corpus import build

    articles = [Article(1, "Herald", point)]
    articles += [Article(i, f"Outlet {i}", text) for i, text in enumerate(others, 2)]
    corpus = build(articles)
    (cited,) = cite(corpus, [0])
    found = number_disagreements([([corpus.sentences[0]], cited)])
    return [[s.value for s in d.sides] for d in found]


@pytest.mark.parametrize(
    "other",
    [
        # another party's seats
        "Green Progress, which won two dozen seats, can choose between a partnership with the "
        "Civic Alliance and a three-party coalition with the Labour Federation.",
        # the size of the chamber, not a count of seats won
        "The Civic Alliance remains the largest party with 31 seats in the 90-seat Regional "
        "Assembly, having won just over 28 percent of the vote.",
        # what a coalition would hold
        "The Labour Federation won 18 seats and has pressed Green Progress to consider a "
        "three-party coalition with the Liberal Union, which would command 48 seats.",
    ],
)
def test_seats_of_other_parties_are_no_disagreement(other: str) -> None:
    """Fourth new-user audit (an election): six of seven "Where the sources differ" lines set
    one party's seats against another's, against the 90-seat chamber, or against the seats a
    coalition would hold."""
    point = (
        "The Labour Federation of Ines Valcourt took 18 seats on 17.9 percent, the nationalist "
        "People's Front won 11 seats and the Liberal Union six."
    )
    assert _cited_disagreements(point, [other]) == []


def test_one_trials_patient_count_told_two_ways_is_a_disagreement() -> None:
    """Fourth new-user audit: 1,214 patients [1] and 1,412 [2] in one trial, both printed in
    one briefing without a marker."""
    point = (
        "Approval rested on BREATHE-2, a phase 3 trial that enrolled 1,214 patients at 160 "
        "sites in 19 countries."
    )
    other = (
        "The approval was based on the BREATHE-2 study of 1,412 patients, in which zelbrinac "
        "cut the one-year decline in lung function by 41% against a placebo."
    )
    assert _cited_disagreements(point, [other]) == [["1,214", "1,412"]]
    # a trial's count is not a count from before ("down from")
    earlier = "The BREATHE-1 study, stopped in 2021, had enrolled 640 patients."
    assert _cited_disagreements(point, [earlier]) == []


def test_turnout_opening_the_sentence_says_what_the_figure_is() -> None:
    """Fourth new-user audit: "Turnout was 63.8 percent" [1] against "Turnout was 61.2
    percent" [3] was not shown: a capital opening the sentence was taken for a name."""
    point = "Turnout was 61.2 percent, according to the Castellan Regional Electoral Commission."
    other = "Turnout was 63.8 percent, up from 58.2 percent four years ago, the commission said."
    assert _cited_disagreements(point, [other]) == [["61.2 percent", "63.8 percent"]]


def test_a_speaker_guessed_for_he_yields_to_an_outlet_naming_the_speaker() -> None:
    """Set e: "he denied being Mike Enoch" follows a sentence naming Mike Cernovich, so "he"
    was taken for Cernovich, though another outlet has "Peinovich denied he was Enoch"."""
    first = (
        "The downfall was set in motion when a vlogger named Mike Cernovich hinted at a rival's "
        "identity. Contacted via email by Salon, he denied being Mike Enoch but admitted to "
        "having been involved with the site."
    )
    second = (
        "Contacted via email, Peinovich denied he was Enoch and said he would try to get his "
        "search results cleared up."
    )
    claim = "Contacted by Salon via email, Peinovich denied being Mike Enoch."
    assert outlets(first, second).verify(claim).supported
    # with no outlet naming him, the guess stands
    verdict = outlets(first).verify(claim)
    assert "Mike Cernovich" in " ".join(p.detail for p in verdict.problems), verdict


def test_a_line_that_ends_a_sentence_ends_a_claim() -> None:
    """Fourth new-user audit: one claim a line, and "... said Tobias Grant of Merriweather &
    Co." ran on into the next line's claim, hiding its speaker error."""
    from summarize.claims import claims

    text = "Shares rose, said Tobias Grant of Merriweather & Co.\nCorvane won approval.\n"
    assert claims(text) == [
        "Shares rose, said Tobias Grant of Merriweather & Co.",
        "Corvane won approval.",
    ]
    # a wrapped line runs on; a quotation over two lines stays whole
    assert claims("The U.S.\nmilitary said so.") == ["The U.S. military said so."]
    quoted = '"There is a mistake.\nMoonlight, you guys won," he said.'
    assert claims(quoted) == ['"There is a mistake. Moonlight, you guys won," he said.']


def test_a_difference_is_stated_by_a_figure_of_its_own_thing() -> None:
    """Fourth new-user audit: "won 31 of the 90 seats, seven fewer than in 2021" was "the
    sources give seven for something else", where the next sentence says "It lost seven
    seats compared with the 2021 election"."""
    story = outlets(
        "The Civic Alliance remains the largest party with 31 seats in the 90-seat Regional "
        'Assembly. It lost seven seats compared with the 2021 election. "Green Progress won '
        'nine of the twelve urban districts," he said.'
    )
    claim = "The Civic Alliance won 31 of the 90 seats, {} than in 2021."
    assert story.verify(claim.format("seven fewer")).supported
    # another figure of another thing does not state a difference in seats
    assert not story.verify(claim.format("nine fewer")).supported
    # nor does a loss state a gain
    verdict = story.verify(claim.format("seven more"))
    assert "polarity" in {p.kind for p in verdict.problems}, verdict


def test_ruling_out_denies_what_follows() -> None:
    """Fourth new-user audit: "open to governing with the People's Front" passed against "have
    ruled out governing with the People's Front"."""
    story = wire("All four other parties have ruled out governing with the People's Front.")
    verdict = story.verify("All four other parties are open to governing with the People's Front.")
    assert "negation" in {p.kind for p in verdict.problems}, verdict
    assert story.verify("The other parties ruled out governing with the People's Front.").supported


def test_the_leader_named_after_led_by_is_that_bodys() -> None:
    """Fourth new-user audit: "Green Progress, led by Ines Valcourt" passed, as Valcourt is
    "led by" words elsewhere (she leads the Labour Federation)."""
    story = wire(
        "Green Progress, led by Tomas Hrabal, surged into second place with 24 seats. The "
        "Labour Federation, led by Ines Valcourt, won 18 seats."
    )
    verdict = story.verify("Green Progress, led by Ines Valcourt, finished second.")
    assert any("Tomas Hrabal" in p.detail for p in verdict.problems), verdict
    assert story.verify("Green Progress, led by Tomas Hrabal, finished second.").supported
    assert story.verify("The Labour Federation, led by Ines Valcourt, won 18 seats.").supported


def test_a_title_both_doers_have_is_no_doer_in_common() -> None:
    """Fourth new-user audit: "Civic Alliance candidate Ruth Amsel narrowly beat Jonas Feld"
    passed against "Green Progress candidate Jonas Feld beat the Civic Alliance's Ruth Amsel":
    both doers are candidates, which hid the reversal."""
    story = wire(
        "Green Progress candidate Jonas Feld beat the Civic Alliance's Ruth Amsel by 41 votes "
        "out of more than 30,000 cast."
    )
    verdict = story.verify("Civic Alliance candidate Ruth Amsel narrowly beat Jonas Feld.")
    assert "roles" in {p.kind for p in verdict.problems}, verdict
    assert story.verify("Green Progress candidate Jonas Feld narrowly beat Ruth Amsel.").supported


def test_a_form_of_address_is_not_given_as_the_sources_title() -> None:
    """Fourth new-user audit: "chief financial officer Samuel Okafor" was flagged with "the
    sources call Samuel Okafor dr.", which says nothing of his office."""
    story = wire("Dr. Samuel Okafor said the company had expected the ruling.")
    verdict = story.verify(
        "Chief financial officer Samuel Okafor said the company had expected the ruling."
    )
    details = [p.detail for p in verdict.problems if p.kind == "title"]
    assert details == ["no source calls Samuel Okafor chief financial officer"], verdict


def test_a_speaker_after_said_may_be_named_with_of() -> None:
    """Fourth new-user audit: '"The label is narrower than the bulls hoped," said Tobias Grant
    of Merriweather' had no speaker, the name running past the "of" that ends a speaker."""
    story = wire(
        'Priya Raman, an analyst at Halden Securities, raised her price target to $80. "The '
        'label is narrower than the bulls hoped, but mild patients are the bulk of the market," '
        "she wrote. Tobias Grant of Merriweather kept a neutral rating."
    )
    claim = '"The label is narrower than the bulls hoped," said {}.'
    verdict = story.verify(claim.format("Tobias Grant of Merriweather"))
    assert "speaker" in {p.kind for p in verdict.problems}, verdict
    assert story.verify(claim.format("Priya Raman of Halden Securities")).supported


def test_a_timeline_entry_is_told_by_a_sentence_of_its_own_day() -> None:
    """Fourth new-user audit: Sunday's election was shown as "Green Progress emerged as
    kingmaker in Castellan on Tuesday as ... Sunday's regional election cost it its
    majority", Tuesday's news; a recount was no happening."""
    day = dt.date(2025, 5, 20)
    first = Article(
        1,
        "Herald",
        "Green Progress emerged as kingmaker in Castellan on Tuesday as the Civic Alliance "
        "began the search for a partner after Sunday's regional election cost it its majority.",
        date=day,
    )
    second = Article(
        2,
        "Press",
        "The Civic Alliance lost its majority in the regional election on Sunday in Castellan. "
        "The commission said the Castellan recount would begin on Wednesday.",
        date=day,
    )
    entries = timeline([first, second])
    sunday = next(e for e in entries if e.date == dt.date(2025, 5, 18))
    assert sunday.text.startswith("The Civic Alliance lost"), sunday
    assert any(e.date == dt.date(2025, 5, 21) and "recount" in e.text for e in entries), entries


def test_a_difference_worked_out_from_the_claims_own_figures_is_stated() -> None:
    """Fourth new-user audit: "55 of the 90 seats, nine more than the 46 needed" was "the
    sources give nine for something else": the nine is 55 less 46, each stated."""
    story = wire(
        "A coalition of the two parties would hold 55 seats in the 90-seat assembly. A "
        'majority requires 46 seats. "Green Progress won nine of the twelve urban districts," '
        "he said."
    )
    claim = "The two parties would hold 55 of the 90 seats, {} than the 46 needed."
    assert story.verify(claim.format("nine more")).supported
    assert not story.verify(claim.format("eight more")).supported
    assert not story.verify(claim.format("nine fewer")).supported


def test_an_act_sent_to_what_the_sources_have_it_come_from_is_reversed() -> None:
    """Fourth new-user audit: "Corvane licensed zelbrinac to a Danish university" passed
    against "since licensing it from a Danish university in 2014"."""
    story = wire(
        "Corvane has spent about $1.1 billion developing zelbrinac since licensing it from a "
        "Danish university in 2014."
    )
    verdict = story.verify("Corvane licensed zelbrinac to a Danish university in 2014.")
    assert any("from a Danish university" in p.detail for p in verdict.problems), verdict
    assert story.verify("Corvane licensed zelbrinac from a Danish university in 2014.").supported


def test_a_plain_noun_counted_in_both_with_a_word_beside_it_is_one_thing() -> None:
    """Set g: "The national conference drew around two thousand people" was "the sources give
    about 2,000 for something else" (its evidence was another sentence about the conference):
    "people" is too plain a noun to say what is counted on its own, but with "conference"
    beside both it does."""
    from summarize.checker import _amount_supported_by
    from summarize.evidence import read_claim

    story = wire(
        "The conference held last weekend attracted about 2,000 people, including about 1,500 "
        "delegates, to the auditorium in Independence. About 2,000 people live in the town."
    )
    sources = story.sources
    conference, town = sources.entries[0], sources.entries[1]
    claim = read_claim("The national conference drew around two thousand people.", sources)
    (q,) = claim.facts.quantities
    assert _amount_supported_by(claim, q, conference, conference.facts.quantities[0], sources)
    assert not _amount_supported_by(claim, q, town, town.facts.quantities[0], sources)


def test_a_share_of_the_vote_is_no_side_of_a_count_of_votes() -> None:
    """Fourth new-user audit: the lede "The Civic Alliance took more than a quarter of the
    vote and 31 seats ..." was marked *sources differ* for "Votes ahead: 14 · 41": the side's
    41 was read alone, and "more than a quarter" allows 41 percent."""
    from summarize.compose import _gives_a_side
    from summarize.schema import Disagreement, Sentence, Side

    fourteen = Sentence(3, 4, "Jonas Feld finished just 14 votes ahead of Ruth Amsel.")
    forty_one = Sentence(1, 6, "Jonas Feld beat Ruth Amsel by 41 votes out of 30,000 cast.")
    votes = Disagreement(
        "number",
        "Votes ahead",
        (Side("14", (3,), (fourteen,)), Side("41", (1,), (forty_one,))),
    )
    lede = "The Civic Alliance took more than a quarter of the vote and 31 seats."
    assert not _gives_a_side(analyse(lede), votes)
    assert _gives_a_side(analyse("Feld won the seat by 41 votes."), votes)


def test_a_clearance_is_an_approval_and_named_so() -> None:
    """Fourth new-user audit: "won U.S. approval on Friday" [2] and "Regulators on Thursday
    cleared Corvane Biosciences' zelbrinac" [3] were two timeline entries and no disagreement;
    named by the most mentions' kind, the day is the approval's, not the win's."""
    friday = Article(
        2,
        "Wire",
        "Corvane Biosciences won U.S. approval on Friday for zelbrinac, its treatment for "
        "idiopathic pulmonary fibrosis.",
        date=dt.date(2025, 6, 14),
    )
    thursday = Article(
        3,
        "Tribune",
        "Regulators on Thursday cleared Corvane Biosciences' zelbrinac, giving patients a new "
        "treatment option.",
        date=dt.date(2025, 6, 16),
    )
    (found,) = date_disagreements([friday, thursday])
    assert found.topic == "Day of the approval", found
    assert {side.sources for side in found.sides} == {(2,), (3,)}


@pytest.mark.parametrize(
    ("claim", "supported"),
    [
        ("The couple paid about $140,000 in damages.", True),  # $135,000 rounds either way
        ("The couple paid about $130,000 in damages.", True),
        ("The couple paid about $160,000 in damages.", False),
        ("The fund will lose about $32 million.", True),  # $32.5 million
        ("The fund will lose about $34 million.", False),
    ],
)
def test_a_figure_rounded_at_the_half_step_is_about_the_source(claim: str, supported: bool) -> None:
    """A figure exactly half a rounding step away is "about" it both ways, as people round it."""
    source = (
        "The couple paid $135,000 in damages on Monday. "
        "The fund will lose $32.5 million, the State Department said."
    )
    found, problems = verdict_on(source, claim)
    assert found is supported, problems


@pytest.mark.parametrize(
    ("claim", "supported"),
    [
        ("Deputies served the warrant around five a.m. on Friday.", True),
        ("Deputies served the warrant around seven a.m. on Friday.", False),
        ("The debate was moved to between 6:30 p.m. and 9:30 p.m.", True),
        ("The debate was moved to between 6:30 p.m. and 9:45 p.m.", False),
    ],
)
def test_a_time_of_day_is_the_same_time_however_it_is_written(claim: str, supported: bool) -> None:
    """ "five a.m." is 5 a.m., and "9.30pm" (as British papers write it) is 9:30 p.m."""
    source = (
        "Deputies served the warrant around 5 a.m. on Friday, the sheriff said. "
        "The debate was moved to between 6.30pm and 9.30pm."
    )
    found, problems = verdict_on(source, claim)
    assert found is supported, problems


def test_a_share_of_members_told_with_a_word_before_the_noun_is_one_thing() -> None:
    """Fifth new-user audit: "Seventy-one percent of voting members backed the agreement" [2]
    and "78% of members who cast ballots supported the agreement" [3] were not shown: "voting"
    was taken for the thing counted."""
    point = (
        "Seventy-one percent of voting members backed the agreement, the Federated Rail "
        "Craftsmen Union said in a statement."
    )
    other = (
        "In Thursday's ratification vote, 78% of members who cast ballots supported the "
        "agreement, the Federated Rail Craftsmen Union said."
    )
    assert _cited_disagreements(point, [other]) == [["Seventy-one percent", "78%"]]


def test_figures_for_two_spans_of_time_are_no_disagreement() -> None:
    """Fifth new-user audit: a false "Totalling: 14% [1] · 5 percent [2]", the four-year total
    against the first year's rise. The same span told two ways still disagrees."""
    point = (
        "The deal would give about 4,000 production workers wage increases totalling 14% over "
        "four years, along with a one-time signing bonus of $3,000."
    )
    yearly = (
        "The deal raises wages by 5 percent in the first year and 3 percent in each of the "
        "following three years, and includes a $3,000 signing bonus."
    )
    assert _cited_disagreements(point, [yearly]) == []
    other_total = (
        "The deal gives production workers wage increases totalling 12% over 4 years, along "
        "with a one-time signing bonus of $3,000."
    )
    assert _cited_disagreements(point, [other_total]) == [["14%", "12%"]]


def test_a_weekday_beside_its_date_is_that_date() -> None:
    """Fifth new-user audit: "The walkout began on Monday, Oct. 5" in an article of Oct. 14
    was put on the timeline on Oct. 12, the Monday before the article."""
    (day,) = analyse("The walkout began on Monday, Oct. 5, after members rejected it.").dates
    assert (day.text, day.resolve(dt.date(2026, 10, 14))) == (
        "Monday, Oct. 5",
        dt.date(2026, 10, 5),
    )
    article = Article(
        1,
        "Ledger",
        "The strike began on Monday, Oct. 5, after members rejected the company's offer.",
        date=dt.date(2026, 10, 14),
    )
    assert [e.date for e in timeline([article])] == [dt.date(2026, 10, 5)]
    checker = Checker([article])
    assert checker.verify("The strike began on Monday, Oct. 5.").supported
    assert checker.verify("The strike began on Monday.").supported
    assert not checker.verify("The strike began on Monday, Oct. 6.").supported
    assert not checker.verify("The strike began on Tuesday, Oct. 5.").supported


def test_a_quoted_tonight_is_not_dated_by_the_article() -> None:
    """Fifth new-user audit: a Friday report's quoted "Tonight our members decided that this
    fight is won", said after Thursday's count, was put on Friday."""
    article = Article(
        1,
        "Wire",
        '"Tonight our members decided that this strike is won," union president Dalia Okonjo '
        "told reporters after the vote. Tonight the union held a victory rally in the town square.",
        date=dt.date(2026, 10, 16),
    )
    dated = [(m.when.text, m.date) for m in mentions([article])]
    assert dated == [("Tonight", None), ("Tonight", dt.date(2026, 10, 16))], dated


@pytest.mark.parametrize(
    ("claim", "supported"),
    [
        ("In Thursday's ratification vote, most members supported the agreement.", True),
        ("In Thursday's ratification vote, most members rejected the agreement.", False),
        ("Halcyon said the engines had performed normally during ground testing.", True),
        ("Halcyon said the engines had performed poorly during ground testing.", False),
    ],
)
def test_an_opposite_of_backing_or_of_working_normally_is_a_polarity_error(
    claim: str, supported: bool
) -> None:
    """Fifth new-user audit: "Union members rejected the new contract" and "the engines had
    performed poorly" passed, their evidence saying "supported the agreement" and "performed
    normally"."""
    source = (
        "In Thursday's ratification vote, 78% of members who cast ballots supported the "
        "agreement, the union said. Halcyon said the first stage's engines had all performed "
        "normally during ground testing in October."
    )
    found, problems = verdict_on(source, claim)
    assert found is supported, problems


def test_a_weekday_the_date_beside_it_falls_on_is_checked_with_the_date() -> None:
    """Fifth new-user audit: "ending a strike that had begun on Monday, Oct. 5" was "the sources
    say Tuesday": its Monday was checked alone, against the day the deal was reached."""
    checker = Checker(
        [
            Article(
                1,
                "Ledger",
                "The union reached a deal late on Tuesday to end the strike. The walkout began "
                "on Monday, Oct. 5, after members rejected the offer.",
                date=dt.date(2026, 10, 14),
            ),
            Article(
                2,
                "Daily",
                "Workers will return on Saturday after members approved a deal on Thursday, "
                "ending a strike that began on Oct. 5.",
                date=dt.date(2026, 10, 16),
            ),
        ]
    )
    claim = "The deal ended a strike that had begun on {}."
    assert checker.verify(claim.format("Monday, Oct. 5")).supported
    assert not checker.verify(claim.format("Monday, Oct. 6")).supported
    assert not checker.verify(claim.format("Sunday, Oct. 4")).supported


def test_a_walkout_and_a_lift_off_are_happenings_told_by_their_own_sentence() -> None:
    """Fifth new-user audit: the rocket's failure on Tuesday had no timeline entry, and Oct. 5
    was told by "... will return on Saturday after members approved a wage deal on Thursday,
    ending a strike that began on Oct. 5" where "The walkout began on Monday, Oct. 5" was."""
    rocket = Article(
        1,
        "Orbital Times",
        "A Vireo-2 rocket broke apart two minutes after lift-off from Tarrow Island on "
        "Tuesday, destroying two dozen satellites.",
        date=dt.date(2026, 11, 10),
    )
    assert [(e.date, e.text[:13]) for e in timeline([rocket])] == [
        (dt.date(2026, 11, 10), "A Vireo-2 roc")
    ]
    ledger = Article(
        1,
        "Ledger",
        "The walkout began on Monday, Oct. 5, after members rejected the company's offer.",
        date=dt.date(2026, 10, 14),
    )
    valley = Article(
        2,
        "Valley",
        "Korvell's workers will return to the assembly lines on Saturday after union members "
        "approved a wage deal on Thursday, ending a strike that began on Oct. 5.",
        date=dt.date(2026, 10, 16),
    )
    october = next(e for e in timeline([ledger, valley]) if e.date == dt.date(2026, 10, 5))
    assert october.text.startswith("The walkout began"), october


def test_a_side_of_a_disagreement_names_every_outlet_that_gives_its_figure() -> None:
    """Fifth new-user audit: "Altitude: about 46 kilometres [3] · 52 kilometres [2]" left out
    [1], whose "the vehicle began to tumble at an altitude of about 46 kilometres" is [3]'s
    figure for the same thing."""
    from summarize.cite import cite
    from summarize.corpus import build

    corpus = build(
        [
            Article(
                1,
                "Skyward Daily",
                "The failure came at an altitude of about 46 kilometres, shortly after one of "
                "the nine first-stage engines shut down, the company said.",
            ),
            Article(
                2,
                "Meridian Wire",
                "The failure came at an altitude of 52 kilometres, shortly after one of the "
                "first-stage engines shut down, the authority said.",
            ),
            Article(
                3,
                "Orbital Times",
                "Telemetry showed one of the nine engines shutting down, and the vehicle began "
                "to tumble at an altitude of about 46 kilometres before it broke up.",
            ),
        ]
    )
    (cited,) = cite(corpus, [0])
    (found,) = number_disagreements([([corpus.sentences[0]], cited)], corpus.sentences)
    assert [(s.value, s.sources) for s in found.sides] == [
        ("about 46 kilometres", (1, 3)),
        ("52 kilometres", (2,)),
    ]


def test_a_point_is_stated_across_two_sentences_only_if_the_first_says_something_of_it() -> None:
    """Fifth new-user audit: "Eastmoor Mayor Tobias Reinholt welcomed the agreement" was cited
    to "Mayor Tobias Reinholt said the city would hold a 'thank-you' event ..." because the
    next sentence, "The agreement runs until October 2030.", gave the rest of its words."""
    from summarize.cite import cite
    from summarize.corpus import build

    point = "Eastmoor Mayor Tobias Reinholt welcomed the agreement on Thursday night."
    corpus = build(
        [
            Article(1, "Ledger", point),
            Article(
                2,
                "Valley",
                'Mayor Tobias Reinholt said the city would hold a "thank-you" event for strikers. '
                "The agreement was welcomed and runs until October 2030.",
            ),
            Article(
                3,
                "Wire",
                "Eastmoor Mayor Tobias Reinholt said on Thursday night that he welcomed the deal. "
                "He called the agreement fair.",
            ),
        ]
    )
    (cited,) = cite(corpus, [0])
    assert sorted(s.sentence.doc_id for s in cited.support) == [3]


@pytest.mark.parametrize(
    ("claim", "supported"),
    [
        ("The plea is dated 29 May 1962, two days before he was hanged.", True),
        ("The plea is dated 29 May 1962, two days after he was hanged.", False),
        ("He was hanged two days later, after the plea dated 29 May 1962.", True),
        ("A day after the donation, Bobby Goodlatte posted the tweet.", True),
    ],
)
def test_before_turned_to_after_of_one_happening_is_a_polarity_error(
    claim: str, supported: bool
) -> None:
    """A probe turning dev sentences' words to their opposites: "before" for "after" passed in
    155 of 157 turns. It is an error only where both are of one happening ("before he was
    hanged" / "after he was hanged"); told from the other end, it is the same order."""
    source = (
        "Eichmann's plea is dated 29 May 1962, two days before he was hanged. "
        "The donation came a day before Bobby Goodlatte posted the tweet."
    )
    found, problems = verdict_on(source, claim)
    assert found is supported, problems


def test_a_name_in_another_names_place_in_the_sentence_restated_is_a_swap() -> None:
    """A probe swapping a person of a dev story for another of the same story: 130 of 336
    swaps passed, among them "Republican Gov. Peter Shumlin compared the marriage of same-sex
    couples to ..." where Gov. Tom Corbett said it and Shumlin only called it absurd. The
    words around the name alone are too few to tell the two sentences apart; the claim as a
    whole restates the one sentence, but for the name."""
    checker = outlets(
        "Gov. Hanna Duvall compared the new toll to highway robbery during a radio interview "
        "on Friday morning.",
        "Mayor Otto Brandt called Duvall's comparison of the toll to robbery absurd. Brandt "
        "has backed the toll since March.",
    )
    claim = (
        "Gov. {} compared the new toll to highway robbery during a radio interview on Friday "
        "morning."
    )
    assert checker.verify(claim.format("Hanna Duvall")).supported
    for stand_in in ("Otto Brandt", "Brandt"):
        assert reasons(checker, claim.format(stand_in)) == [
            ("name", "the sources say Hanna Duvall")
        ]
    fused = "Mayor Otto Brandt called Duvall's comparison of the toll to robbery absurd."
    assert checker.verify(fused).supported, checker.verify(fused).problems


def test_two_names_trading_places_in_the_sentence_restated_is_a_swap() -> None:
    """A probe swapping subject and object of dev sentences: "In November, Mr. Luu, a retired
    teacher ..., visited Mr. Magee" passed where the sources have Mr. Magee visit Mr. Luu.
    Names joined by "and" may come in either order."""
    checker = outlets(
        "In 2004, Ferris, then a Halden Bank analyst, recruited Okafor from Torvik Capital, and "
        "they worked together for a decade. Ferris and Okafor later left Halden.",
    )
    claim = "In 2004, {}, then a Halden Bank analyst, recruited {} from Torvik Capital."
    assert checker.verify(claim.format("Ferris", "Okafor")).supported
    traded = checker.verify(claim.format("Okafor", "Ferris"))
    assert [p.kind for p in traded.problems] == ["roles"], traded.problems
    joined = checker.verify("Okafor and Ferris later left Halden.")
    assert joined.supported, joined.problems


def test_a_person_of_the_other_sex_or_kin_and_a_turned_order_or_time_of_day_are_opposites() -> None:
    """A probe turning words of supported dev sentences to opposites from a second list
    (not the lexicon's): "a woman rushed onto the red carpet" for "a man", "the last gesture"
    for "the first", "Monday evening" for "Monday morning" all passed (295 of 481 caught)."""
    checker = outlets(
        "A man climbed onto the stage at the Aldwick theatre on Sunday. The signal is the first "
        "gesture of its kind recorded in wild otters. Reports on Monday morning said the ferry "
        "had docked. They kept the plan a secret from the girl's mother.",
        "The suspect pulled a knife on the woman at the Aldwick theatre, police said.",
    )
    for faithful, turned, opposite in [
        ("A man climbed onto the stage at the Aldwick theatre on Sunday.", "man", "woman"),
        ("The signal is the first gesture of its kind recorded in wild otters.", "first", "last"),
        ("Reports on Monday morning said the ferry had docked.", "morning", "evening"),
        ("They kept the plan a secret from the girl's mother.", "mother", "father"),
    ]:
        assert checker.verify(faithful).supported, faithful
        problems = checker.verify(faithful.replace(turned, opposite, 1)).problems
        assert [(p.kind, p.span) for p in problems] == [("polarity", opposite)], problems
    two_people = "A female theatre worker saw the man pull a knife at the Aldwick theatre."
    assert not any(p.kind == "polarity" for p in checker.verify(two_people).problems)


def test_a_bound_on_the_other_side_of_the_same_figure_is_a_different_amount() -> None:
    """The opposites probe turned "more than 23,800 favorites" to "fewer than": both reach
    23,800, and every such turn (24 of 24) passed."""
    checker = outlets(
        "The appeal drew more than 4,500 signatures in its first week. Fewer than 200 people "
        "attended the hearing on Tuesday."
    )
    assert checker.verify("The appeal drew over 4,500 signatures in its first week.").supported
    for turned in (
        "The appeal drew fewer than 4,500 signatures in its first week.",
        "More than 200 people attended the hearing on Tuesday.",
    ):
        assert [p.kind for p in checker.verify(turned).problems] == ["number"], turned


def test_a_happening_in_the_place_of_another_is_unsupported() -> None:
    """A probe turning a happening of dev sentences into another ("facing second-degree
    wedding charges", "filed a trial in ... Superior Court") passed 144 of 314 turns. A
    synonym ("blast" for "explosion") is the same happening."""
    checker = outlets(
        "Corrigan, facing second-degree murder charges for the death of a neighbour, was "
        "released on bail on Friday. The explosion shattered windows along Dock Street.",
        "Police are also looking into a robbery on Mill Lane.",
    )
    claim = "Corrigan, facing second-degree {} charges for the death of a neighbour, was released."
    assert checker.verify(claim.format("murder")).supported
    turned = checker.verify(claim.format("robbery"))
    assert [(p.kind, p.span) for p in turned.problems] == [("unsupported", "robbery")]
    blast = checker.verify("The blast shattered windows along Dock Street.")
    assert blast.supported, blast.problems


def test_an_office_written_as_another_persons_title_is_not_this_persons() -> None:
    """A probe turning titles of dev sentences into other offices: "critical of Rep. Donald
    Trump" passed because a sentence naming Trump also held "Reps. Mark Meadows". An office
    stated of the person other than as a title still counts ("Okonjo, mayor of Daleford")."""
    checker = outlets(
        "President Ana Vidal signed the bill on Monday.",
        "Vidal's loudest defenders, like Reps. Marco Lindqvist and Jo Park, cheered. Ruth "
        "Okonjo, mayor of "
        "Daleford, welcomed it.",
    )
    assert checker.verify("President Ana Vidal signed the bill on Monday.").supported
    turned = checker.verify("Rep. Ana Vidal signed the bill on Monday.")
    assert [p.kind for p in turned.problems] == ["title"], turned.problems
    assert checker.verify("Mayor Ruth Okonjo welcomed it.").supported


def test_the_sixth_audits_figures_of_two_months_or_two_spans_are_no_disagreement() -> None:
    """Sixth new-user audit (a central bank's rate cut): "The figure: 3.1% [1] · 2.6% [3]" set
    January's inflation against February's, while the real pair (2.8% and 2.6%, both for
    February) was missed; "Reduction: two years [1] · a day [3]" set "its first reduction in
    two years" against "a day after the bank reduced its rate"; "about three dozen" and 34
    were listed as differing."""
    ledger = analyse(
        "Annual inflation slowed to 2.8% in February from 3.1% in January, while unemployment "
        "rose to 5.6%."
    )
    daily = analyse(
        "Data showed that annual inflation fell to 2.6% in February, while the unemployment "
        "rate rose to 5.6%."
    )
    assert [(c.ours, c.theirs) for c in compare(ledger, daily).conflicts if c.kind == "number"] == [
        ("2.8%", "2.6%")
    ]
    first = analyse("The bank cut its rate to 4.25%, its first reduction in two years.")
    after = analyse("The governor spoke a day after the bank reduced its rate to 4.25%.")
    assert not [c for c in compare(first, after).conflicts if c.kind == "number"]
    about = analyse("About three dozen rescuers took part in the search on Sunday.")
    exact = analyse("Some 34 rescuers took part in the search on Sunday.")
    assert not [c for c in compare(about, exact).conflicts if c.kind == "number"]


def test_two_pairs_of_outlets_that_widen_into_one_disagreement_are_listed_once() -> None:
    """Sixth new-user audit: "Flights: seven [2] · 11 [1][3]" was printed twice, found once
    from [1] and once from [3]."""
    from summarize.cite import Conflict

    one = Sentence(1, 0, "Helicopters flew 11 flights to the ridge on Sunday.")
    two = Sentence(2, 0, "Helicopters flew seven flights to the ridge on Sunday.")
    three = Sentence(3, 0, "Crews made 11 flights to the ridge on Sunday.")
    points = [
        ([one], Cited((), ((Conflict("number", "flights", "11", "seven"), two),))),
        ([three], Cited((), ((Conflict("number", "flights", "11", "seven"), two),))),
    ]
    found = number_disagreements(points, related=[one, two, three])
    assert [[(s.value, s.sources) for s in d.sides] for d in found] == [
        [("11", (1, 3)), ("seven", (2,))]
    ]


def test_basis_points_are_a_hundredth_of_a_percentage_point() -> None:
    """Sixth new-user audit: "fell 9 percentage points" passed against "fell 9 basis points"
    (both were one unit, "point")."""
    checker = outlets("The yield on two-year bonds fell 9 basis points to 3.71%.")
    turned = checker.verify("The yield on two-year bonds fell 9 percentage points to 3.71%.")
    assert [p.kind for p in turned.problems] == ["unit"], turned.problems
    assert checker.verify("The yield on two-year bonds fell 0.09 percentage points.").supported


def test_a_count_of_the_people_the_claim_then_names_is_theirs() -> None:
    """Sixth new-user audit: "Two of the survivors, Piotr Zielinski and Sarah McAllister, were
    discharged" got "the sources give two for something else"; the sources list the two. A
    count the sources give otherwise is still checked."""
    checker = outlets(
        "Piotr Zielinski, 35, and Sarah McAllister, 38, were discharged on Monday. Officers "
        "arrested three men on Friday."
    )
    claim = "{} of the survivors, Piotr Zielinski and Sarah McAllister, were discharged on Monday."
    assert checker.verify(claim.format("Two")).supported
    assert not checker.verify(claim.format("Three")).supported
    arrested = "Officers arrested two men, Piotr Zielinski and Sarah McAllister, on Friday."
    assert [p.kind for p in checker.verify(arrested).problems] == ["number"]


def test_protesters_no_source_mentions_are_an_invented_event() -> None:
    """Sixth new-user audit: "Protesters gathered outside the bank's headquarters" passed,
    "protest" being stated by the "March" of the story's dates (a listed synonym, "a march")."""
    checker = outlets(
        "The bank cut its rate on March 18. Governor Drummond spoke at a press conference at "
        "the bank's headquarters."
    )
    invented = checker.verify("Protesters gathered outside the bank's headquarters on March 18.")
    assert [(p.kind, p.span) for p in invented.problems] == [("unsupported", "Protesters")]
    marched = outlets("Thousands of protesters marched on the bank's headquarters on Friday.")
    assert marched.verify("Protesters gathered at the bank's headquarters on Friday.").supported


def test_an_airlift_is_a_happening_on_the_timeline() -> None:
    """Sixth new-user audit: the rescue of four climbers, "airlifted to safety on Sunday", was
    missing from the timeline, the one event all three outlets reported."""
    day = dt.date(2025, 6, 15)
    report = Article(
        1,
        "A",
        "Four climbers who spent four days stranded near the top of Mount Korvath were "
        "airlifted to safety on Sunday, officials said.",
        date=day,
    )
    (entry,) = timeline([report])
    assert entry.date == day and entry.citations == (1,)
