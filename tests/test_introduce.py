"""A person named by surname alone is written out at the briefing's first mention."""

from __future__ import annotations

from summarize.introduce import given_names, introduce

SOURCES = [
    "Cardell Hayes, 28, was arrested after the shooting in New Orleans. Hayes stayed at the "
    "scene, police said. Officer Collin Rose was shot on Tuesday. Rose said nothing. The White "
    "House said the president had been briefed. The House voted on Friday. Mark E. Laidre, a "
    "biologist, studied the mandrills. Laidre said the gesture was rare.",
    "The Trump administration said it would respond. Donald Trump said the shooting was sad. "
    "Mr. Trump spoke on Friday. Shares rose sharply.",
]


def test_the_sources_give_one_given_name_for_a_surname_used_as_a_person():
    names = given_names(SOURCES, ["Hayes", "Rose", "House", "Laidre", "Trump"])
    assert names["Hayes"] == "Cardell Hayes"
    assert names["Laidre"] == "Mark E. Laidre"
    assert "House" not in names  # "the White House": a thing's name
    assert "Rose" not in names  # also a word: "Shares rose sharply"


def test_the_first_bare_mention_is_written_out_and_only_once():
    points = [
        "Hayes stayed at the scene, police said.",
        "Police said Hayes was calm; Laidre agreed.",
        "The Trump administration said it would respond.",
    ]
    out = introduce(points, SOURCES, room=20)
    assert out == [
        "Cardell Hayes stayed at the scene, police said.",
        "Police said Hayes was calm; Mark E. Laidre agreed.",
        "The Trump administration said it would respond.",  # an office, not a person
    ]


def test_a_name_the_reader_has_met_or_no_room_leaves_the_text_alone():
    points = ["Hayes stayed at the scene, police said."]
    assert introduce(points, SOURCES, seen="Cardell Hayes arrested", room=20) == points
    assert introduce(points, SOURCES, room=0) == points
    assert introduce(["Mr. Hayes stayed."], SOURCES, room=20) == ["Mr. Hayes stayed."]
