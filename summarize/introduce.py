"""A person the briefing names by surname alone gets, at that first mention, the given name
the sources use.

An extract is read without its article: "Hayes stayed at the scene" names nobody the reader has
met, where the article's reader had "Cardell Hayes, 28," a paragraph earlier. On 80 dev
clusters at 250 words about one briefing in five opened a point that way. The given name is
added only where it cannot be wrong: the sources write the person out in full with one given
name only ("Collin Rose" and "Officer Rose", never also "Pete Rose"), they use the surname on
its own as a person's ("Rose said", "Mr. Rose", "Hayes, 28,"), and the briefing has not named
anyone of that surname before. Words the sources also write in lower case ("Rose" beside "rose
sharply") and names that run on into another capitalised word ("Free Syrian Army") are left
alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache

from . import lexicon
from .facts import MONTHS, WEEKDAYS
from .sentences import HONORIFICS, count_words, stop_words

_WORD = r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?"
_FULL = re.compile(
    rf"(?<![\w.’'-])(?P<given>{_WORD})\s+(?:[A-Z]\.\s+)?(?P<surname>{_WORD})(?![\w’'-]|\s+[A-Z])"
)


@cache
def _not_given() -> frozenset[str]:
    """Capitalised words before a surname that are not a given name: function words
    ("In Paula"), titles ("Officer Rose"), honorifics and the calendar."""
    return (
        lexicon.function_words()
        | stop_words()
        | frozenset(lexicon.demonyms())
        | lexicon.role_words()
        | HONORIFICS
        | frozenset(WEEKDAYS)
        | frozenset(MONTHS)
        | frozenset(["former", "outgoing", "late", "then", "reuters", "ap", "afp", "cnn", "bbc"])
    )


def _as_person(surname: str, text: str) -> bool:
    """Whether the sources use `surname` alone as a person's name: with a speech verb, an
    honorific or an age."""
    s = re.escape(surname)
    verbs = "said|says|told|tells|added|wrote|asked|explained|testified"
    return bool(
        re.search(rf"\b{s}(?:,[^,.]{{1,60}},)?\s+(?:{verbs})\b", text)
        or re.search(rf"\b(?:{verbs})\s+{s}\b", text)
        or re.search(rf"\b(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+{s}\b", text)
        or re.search(rf"\b{s},\s+\d{{1,3}},", text)
    )


def given_names(texts: Iterable[str], wanted: Iterable[str]) -> dict[str, str]:
    """Surname -> the full name as the sources write it ("Hayes" -> "Cardell Hayes"), for the
    `wanted` surnames that have exactly one given name in `texts` and are used alone as a
    person's there."""
    text = "\n".join(texts)
    wanted = set(wanted) - {w for w in wanted if w.lower() in _not_given()}
    if not wanted:
        return {}
    lowered = {w for w in re.findall(r"\b[a-z][a-z-]+\b", text)}
    stops = _not_given()
    found: dict[str, set[str]] = {}
    for match in _FULL.finditer(text):
        given, surname = match.group("given"), match.group("surname")
        if surname in wanted and given.lower() not in stops:
            found.setdefault(surname, set()).add(match.group(0))
    article = {
        match.group("surname")
        for match in re.finditer(
            rf"\b(?:the|The|a|an)\s+(?:{_WORD}\s+)?(?P<surname>{_WORD})\b", text
        )
    }  # "the White House", "the Associated Press": a thing's name, not a person's
    capitalised = set(re.findall(rf"\b{_WORD}\b", text))
    return {
        surname: next(iter(full))
        for surname, full in found.items()
        if len({f.split()[0] for f in full}) == 1
        and surname not in article
        and not ({surname.lower(), next(iter(full)).split()[0].lower()} & lowered)
        and not (surname.endswith("s") and surname[:-1] in capitalised)  # "Republicans"
        and _as_person(surname, text)
    }


def _bare(surname: str, text: str) -> re.Match[str] | None:
    """The first mention of `surname` in `text` when it is written alone: not after another
    capitalised word or an honorific ("Mr. Hayes" already says who), not before one ("Hayes
    Street")."""
    match = re.search(rf"(?<![\w’'.-]){re.escape(surname)}(?![\w-])", text)
    if match is None or re.match(r"\s+[A-Z]", text[match.end() :]):
        return None
    before = text[: match.start()].split()
    last = before[-1] if before else ""
    if last[:1].isupper() and not last.endswith((".", ",", ":", ";", '"', "”")):
        return None
    if last.rstrip(".").lower() in HONORIFICS or last in ("the", "a", "an"):
        return None  # "Mr. Hayes"; "the Trump administration" names an office, not a person
    if re.fullmatch(r"[A-Z]\.", last) or any(c.isdigit() for c in last):
        return None  # "Mark E. Laidre" is written out already; "the U.S. 7th Fleet"
    return match


def introduce(
    texts: Sequence[str], sources: Iterable[str], *, seen: str = "", room: int
) -> list[str]:
    """`texts` (a briefing's points, in order) with each surname's first mention written out,
    while the words added stay within `room`; `seen` is what the reader has read before the
    points (the headline)."""
    capitalised = {w for t in texts for w in re.findall(rf"(?<![\w’'.-]){_WORD}(?![\w-])", t)}
    names = given_names(sources, capitalised)
    out = list(texts)
    read = seen
    for n, text in enumerate(out):
        for surname, full in names.items():
            if room <= 0:
                break
            if re.search(rf"(?<![\w-]){re.escape(surname)}(?![\w-])", read):
                continue  # named before: by the full name, or already introduced
            match = _bare(surname, text)
            if match is None:
                continue
            extra = count_words(full) - 1
            if extra > room:
                continue
            text = text[: match.start()] + full + text[match.end() :]
            room -= extra
        out[n] = text
        read += " " + text
    return out
