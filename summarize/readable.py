"""What a sentence needs to be read on its own, outside its article.

An extract is read without the sentences around it, so a sentence that opens with "He",
"However, he" or "The attack" (past its article's first sentence, a "The <noun>" that does not
say itself what it is points back), that ends a quotation begun in the previous sentence, or
whose speaker is a bare "he said", is chosen together with the sentence before it or not at
all; one that opens a quotation it does not close needs the sentence after it. An opening
connective that only links ("But", "In addition,") is dropped instead (`standalone`).
Sentences in the first person outside quotation marks (a speaker nobody named) are never
chosen. The selectors read these needs (`Needs`), so a briefing holds whole
runs of sentences, and `groups` tells composition which chosen sentences read as one point.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

import numpy as np

from .corpus import Corpus
from .lexicon import data_lines, data_sections

MAX_RUN = 3
"""Sentences a point may hold: a dependency longer than this makes its sentences unfit."""


@cache
def reading_words() -> dict[str, frozenset[str]]:
    """The sections of `data/reading.txt`: time, self-naming, anchors and bare counts."""
    return data_sections("reading.txt")


_OPEN = "“„«"
_CLOSE = "”»"
_STRAIGHT = '"″'
_LEADING = "\"“”„‘’'«»([{—–-•*…· \t"
_FIRST_PERSON = re.compile(
    r"(?<![\w’'-])(I|me|Me|my|My|myself|Myself|we|We|us|our|Our|ours|Ours|ourselves|Ourselves|"
    r"[Ll]et[’']s)(?![\w-])"
)
_SECOND_PERSON = re.compile(
    r"(?:^|(?<![\w’'-]))(you|your|yours|yourself|yourselves)(?:[’'](?:re|ve|ll|d))?(?![\w-])"
    r"(?!\s+(?:average|typical|standard|run-of-the-mill)\b)"
    r"|^\W*(You|Your)(?![\w-])(?!\s+(?:average|typical|standard)\b)"
)
"""The reader addressed outside quotation marks ("If you know your American history ...",
"You must enter the characters"): a page talking to its visitor, not a report. A capital "Your"
inside a sentence is a title's ("How to Train Your Dragon 2"); "your average" is an idiom."""
_SINGLE_QUOTED = re.compile(r"(?<!\w)[‘'][^‘’'\"“”]+?[’'](?!\w)")
_PRONOUN_SPEAKER = re.compile(
    r"(?:\b(?:he|she|it|they)\s+(?:\w+ly\s+)?(?:said|says|added|adds|told|tells|wrote|writes|"
    r"explained|noted|continued|stated|argued|insisted|recalled|warned|replied|asked)\b)|"
    r"(?:\b(?:said|says|added|adds|wrote|continued)\s+(?:he|she|they)\b)",
    re.IGNORECASE,
)
_TRANSCRIPT_LABEL = re.compile(r"[A-Z][A-Z'-]+(?: [A-Z][A-Z'-]+)?: ")
"""A transcript's speaker label ("MARTIN: Now she's made her walk ..."): the words are spoken by a
label, not reported by a writer."""
# "— Jennifer Rivers, mother of Tavin Price": a pull quote's attribution, its quotation before it
_ATTRIBUTION_LINE = re.compile(
    r"\s*(?:—|–|--+|-\s)\s*(?:[A-Z][\w.'’-]*\s+){0,4}[A-Z][\w.'’-]*\s*(?:,|$)"
)


@cache
def openers() -> tuple[tuple[str, ...], ...]:
    """Openers from `data/openers.txt`, longest first, as word tuples."""
    found = {tuple(line.split()) for line in data_lines("openers.txt")}
    return tuple(sorted(found, key=len, reverse=True))


@dataclass(frozen=True)
class Needs:
    """Per corpus sentence: what else must be read with it."""

    before: np.ndarray
    """Needs the previous sentence of its article (an antecedent, or its quotation's start)."""
    after: np.ndarray
    """Needs the next sentence of its article (its quotation ends there, or it ends on a colon
    announcing it)."""
    unfit: np.ndarray
    """Never chosen: first or second person outside quotes, a transcript's labelled line, or a
    run longer than `MAX_RUN`."""

    def run(self, i: int, doc: np.ndarray) -> tuple[int, ...] | None:
        """The sentences that must be chosen with `i` (itself included), or None if unfit."""
        if self.unfit[i]:
            return None
        members = {i}
        frontier = [i]
        while frontier:
            j = frontier.pop()
            for k, needed in ((j - 1, self.before[j]), (j + 1, self.after[j])):
                if not needed or k in members:
                    continue
                if k < 0 or k >= len(doc) or doc[k] != doc[j] or self.unfit[k]:
                    return None
                members.add(k)
                frontier.append(k)
            if len(members) > MAX_RUN:
                return None
        return tuple(sorted(members))


@cache
def connectives() -> tuple[tuple[tuple[str, ...], bool], ...]:
    """Openers from `data/connectives.txt` that can be dropped, longest first, each with
    whether it must be followed by a comma (a trailing comma in the file)."""
    found = {
        (tuple(line.rstrip(",").split()), line.endswith(","))
        for line in data_lines("connectives.txt")
    }
    return tuple(sorted(found, key=lambda c: len(c[0]), reverse=True))


def standalone(text: str) -> str:
    """The sentence without an opening connective ("But", "In addition,") when what follows
    reads alone; otherwise the sentence as it is. Quotations are never edited."""
    if text[:1] in _LEADING:
        return text
    tokens = text.split()
    lowered = [t.rstrip(",;:").lower() for t in tokens[:4]]
    for phrase, comma in connectives():
        n = len(phrase)
        if tuple(lowered[:n]) != phrase or len(tokens) <= n + 2:
            continue
        if comma and not tokens[n - 1].endswith(","):
            continue  # "In addition to the record attempts, ..."
        if any(t != t.rstrip(",;:") for t in tokens[: n - 1]):
            continue  # "But, ..." is fine; "Also, in ..." ends the phrase at its comma
        rest = " ".join(tokens[n:])
        if rest[:1] in _LEADING or opener(rest) is not None:
            return text
        first = rest.split()[0].rstrip(",;:")
        if first.islower() and first.isalpha():
            rest = rest[0].upper() + rest[1:]
        elif not first[:1].isupper() and not first[:1].isdigit():
            return text
        return rest
    return text


def opener(text: str) -> str | None:
    """The opening word or phrase that points back ("he", "however", "in addition"), or None."""
    tokens = text.lstrip(_LEADING).split()
    lowered = [t.strip(",;:.!?\"“”'’()").lower() for t in tokens[:4]]
    if not lowered or not lowered[0]:
        return None
    first_token = tokens[0].rstrip(",;:")
    for phrase in openers():
        if tuple(lowered[: len(phrase)]) != phrase:
            continue
        if len(phrase) == 1 and not first_token.isalpha():
            continue  # "It's", "That-" ... are read by the next rule, not as a bare pronoun
        after = lowered[len(phrase)] if len(lowered) > len(phrase) else ""
        if len(phrase) > 1 and after in ("to", "of") and not tokens[len(phrase) - 1].endswith(","):
            return None  # "In addition to the record attempts", "In response to the attack"
        time = reading_words()["time"]
        demonstrative = phrase[0] in ("this", "that", "these", "those") and len(lowered) > 1
        if demonstrative and (lowered[1] in time or lowered[1].rstrip("s") in time):
            return None
        return " ".join(phrase)
    contracted = first_token.lower().replace("’", "'")
    if contracted in _POINTING_CONTRACTIONS:
        return first_token.lower()
    if (
        len(lowered) > 1
        and (lowered[0].isdigit() or lowered[0] in reading_words()["count words"])
        and lowered[1] in reading_words()["bare count"]
    ):
        return lowered[0]  # "Two remain in critical condition": two of what?
    for phrase, _ in connectives():  # "Sure, he earned ...": the pronoun after the link
        if tuple(lowered[: len(phrase)]) == phrase and len(tokens) > len(phrase):
            return opener(" ".join(tokens[len(phrase) :]))
    if len(lowered) > 1 and lowered[0] in _SUBORDINATORS and lowered[1] in _PERSONS:
        main = text.partition(",")[2].split()
        if not (main and main[0][:1].isupper() and main[0].lower() not in _ARTICLES):
            return lowered[1]  # "If they approve it, work will resume": who are they? (not
            # "Before she left office, Merkel met Biden", which names her next)
    return None


_ARTICLES = frozenset(["the", "a", "an"])


_SUBORDINATORS = frozenset(
    ["if", "when", "once", "unless", "until", "after", "before", "because", "although", "while"]
)
_PERSONS = frozenset(["he", "she", "they", "his", "her", "their", "them"])
"""A person's pronoun after a word opening a clause points back as it would opening the
sentence ("If they approve it, work will resume on Monday": fifth new-user audit)."""


_POINTING_CONTRACTIONS = frozenset(
    ["it's", "that's", "they're", "they've", "they'd", "they'll", "she's", "she'd", "she'll",
     "he's", "he'd", "he'll"]
)  # fmt: skip
"""A pronoun opening with its verb ("She's walked around the country"): it points back."""


_INNER_REFERENCE = re.compile(
    r"\b(?:also|(?:this|these|those)\s+([a-z][\w-]*))\b|\b(?:this|that|these|those)(?=[,;:.!?])"
)
_COUNTED_BACK = re.compile(r"\b[Tt]he (?:two|three|four) [a-z]+s\b(?!,? [A-Z])")
""""Together the two parties would hold 55 seats": which two? Unless named right after
(fourth new-user audit), or before: see `_counts_back`."""
_CAPITALISED = re.compile(r"\b[A-Z][\w'’.-]*")


def _counts_back(text: str) -> bool:
    """ "the two <nouns>" with no two names before it in the sentence to be them ("A U.S.
    airstrike killed Iranian commander Qasem Soleimani ..., an escalation between the two
    countries" names them itself)."""
    match = _COUNTED_BACK.search(text)
    if match is None:
        return False
    named = {m.group() for m in _CAPITALISED.finditer(text, 0, match.start()) if m.start() > 0}
    return len(named) < 2


def refers_back(text: str) -> bool:
    """A word past the opening that points at an earlier sentence: "also" ("The son of Rep.
    Bob Goodlatte also began soliciting ..."), "this/these/those <noun>" ("giving these
    strategies one more try"), a demonstrative standing alone ("Maybe brands realize that,
    because ..."), "the two <nouns>" not named right after, outside quotation marks; "this
    week" is a time."""
    _, _, spans = _quotation(text, False)
    chars = list(text)
    for a, b in spans:
        chars[a:b] = " " * (b - a)
    time = reading_words()["time"]
    unquoted = "".join(chars)
    if _counts_back(unquoted):
        return True
    for match in _INNER_REFERENCE.finditer(unquoted):
        noun = match.group(1)
        if noun is None or not (noun in time or noun.rstrip("s") in time):
            return True
    return False


def definite_reference(text: str) -> bool:
    """Opens with "The <noun>" that does not say itself what it is ("The actress recently
    gave birth"), unlike "The first woman to ...", "The head of the agency", "The White House".
    """
    tokens = text.lstrip(_LEADING).split()
    if len(tokens) < 3 or tokens[0] != "The":
        return False
    k = 1
    if tokens[k].strip(",;:").isdigit():  # "The 2018 federal guidelines"
        k += 1
    word = tokens[k].strip(",;:.!?\"“”'’()")
    if not word or not word[0].islower() or word in reading_words()["self-naming"]:
        return False
    if word.endswith(("est", "most")) and len(word) > 5:
        return False
    after = [t.strip(",;:.!?\"“”'’()").lower() for t in tokens[k + 1 : k + 3]]
    if tokens[k][-1:] not in ",;:" and after[:1] and after[0] in reading_words()["anchors"]:
        return False  # "The head of ...", "The lawyer for ..."
    if len(after) > 1 and after[1] in ("of", "who", "whose"):
        return False  # "The young woman who ..."
    # "The suspect, John Smith, ..." names itself
    return not (tokens[k].endswith(",") and tokens[k + 1][:1].isupper())


def _quote_marks(sentence: str) -> list[tuple[int, bool]]:
    """(position, opens) of each double quotation mark; a straight mark opens after a space."""
    marks = []
    for i, c in enumerate(sentence):
        if c in _OPEN:
            marks.append((i, True))
        elif c in _CLOSE:
            # a closing mark typed where a quotation opens (": ”This strike ...") opens it
            before = sentence[i - 1] if i else " "
            after = sentence[i + 1 : i + 2]
            marks.append((i, (before.isspace() or before in "([{—–-") and after.isalnum()))
        elif c in _STRAIGHT:
            before = sentence[i - 1] if i else " "
            marks.append((i, before.isspace() or before in "([{—–-" + _OPEN))
    return marks


def _quotation(sentence: str, inside: bool) -> tuple[bool, bool, list[tuple[int, int]]]:
    """(starts a run back, ends open, quoted spans) given whether a quote is open before it."""
    spans: list[tuple[int, int]] = []
    start = 0 if inside else None
    back = inside
    for position, opens in _quote_marks(sentence):
        if opens:
            if start is None:
                start = position
        elif start is not None:
            spans.append((start, position + 1))
            start = None
        else:  # closes a quotation it never opened: it began in an earlier sentence
            back = True
            spans.append((0, position + 1))
    if start is not None:
        spans.append((start, len(sentence)))
    return back, start is not None, spans


def _unattributed_quote(sentence: str, spans: Sequence[tuple[int, int]]) -> bool:
    """A sentence that is all quotation ("Whole streets are under water."): its speaker is
    named in the sentence before, which continues."""
    outside = list(sentence)
    for a, b in spans:
        outside[a:b] = " " * (b - a)
    rest = "".join(outside).strip(" .,!?;:—–-")
    return bool(spans) and not any(c.isalnum() for c in rest)


def _unquoted(sentence: str, spans: Sequence[tuple[int, int]]) -> str:
    """The sentence with its quoted spans (double and single marks) blanked out."""
    chars = list(sentence)
    for a, b in [*spans, *(m.span() for m in _SINGLE_QUOTED.finditer(sentence))]:
        chars[a:b] = " " * (b - a)
    return "".join(chars)


def second_person(sentence: str, spans: Sequence[tuple[int, int]]) -> bool:
    """The reader addressed outside quotation marks ("If you know your American history")."""
    return _addressed(_unquoted(sentence, spans))


def first_person(sentence: str, spans: Sequence[tuple[int, int]]) -> bool:
    """First person outside quotation marks ("We are reaching out ..."): a speaker unnamed."""
    return _speaking(_unquoted(sentence, spans))


def _addressed(unquoted: str) -> bool:
    return _SECOND_PERSON.search(unquoted) is not None


def _speaking(unquoted: str) -> bool:
    for match in _FIRST_PERSON.finditer(unquoted):
        before = unquoted[: match.start()].split()
        if match.group(1) == "I" and len(before) >= 2 and before[-1][:1].isupper():
            continue  # "World War I"
        return True
    return False


@lru_cache(maxsize=4)
def needs(corpus: Corpus) -> Needs:
    """What each sentence of the corpus needs to be read outside its article.

    Cached per corpus (a corpus hashes by identity): selection and ordering both ask."""
    n = len(corpus)
    before = np.zeros(n, dtype=bool)
    after = np.zeros(n, dtype=bool)
    unfit = np.zeros(n, dtype=bool)
    speaking = np.zeros(n, dtype=bool)
    inside = False
    opened = 0  # where the quotation still open began
    for i, sentence in enumerate(corpus.sentences):
        text = sentence.text
        first = i == 0 or corpus.doc[i] != corpus.doc[i - 1]
        back, open_end, spans = _quotation(text, inside and not first)
        if open_end and not (inside and not first):
            opened = i
        elif back and not open_end and _PRONOUN_SPEAKER.search(text) and opened < i:
            # '"We never wanted a strike. This contract ...," he said': who he is comes
            # before the quotation's first sentence (fifth new-user audit)
            before[opened] = True
        inside = open_end
        unquoted = _unquoted(text, spans)  # once for the first and the second person
        speaking[i] = (
            _speaking(unquoted) or _addressed(unquoted) or bool(_TRANSCRIPT_LABEL.match(text))
        )
        # "... to stop his 'unsupervised tweets':" ends where what it announces begins
        after[i] = open_end or text.rstrip().endswith(":")
        unspoken = not open_end and _unattributed_quote(text, spans)
        if first:
            # ends a quotation begun before the article, or quotes nobody
            unfit[i] = (back and not open_end) or unspoken or bool(_ATTRIBUTION_LINE.match(text))
            continue
        alone = standalone(text)
        before[i] = (
            back
            or unspoken
            or opener(alone) is not None
            or definite_reference(alone)
            or _counts_back(_unquoted(text, spans))
            or _PRONOUN_SPEAKER.search(text) is not None
            or _ATTRIBUTION_LINE.match(text) is not None
        )
    unfit |= speaking
    if n:
        last = np.r_[corpus.doc[1:] != corpus.doc[:-1], True]
        unfit |= after & last  # a quotation the article never closes
    result = Needs(before, after, unfit)
    too_long = [i for i in range(n) if not unfit[i] and result.run(i, corpus.doc) is None]
    unfit[too_long] = True
    return result


def groups(corpus: Corpus, needs: Needs, chosen: Sequence[int]) -> list[tuple[int, ...]]:
    """Chosen sentences joined into points: a sentence that needs the one before it joins it."""
    picked = set(chosen)
    out: list[tuple[int, ...]] = []
    for i in sorted(picked):
        joins = (
            out
            and out[-1][-1] == i - 1
            and corpus.doc[i] == corpus.doc[i - 1]
            and (needs.before[i] or needs.after[i - 1])
        )
        if joins:
            out[-1] = (*out[-1], i)
        else:
            out.append((i,))
    return out
