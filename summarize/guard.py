"""Faithfulness guard: names, numbers and dates in a rewritten sentence must be in its sources.

A small abstractive model rewrites fluently but invents details; the details readers act on are
exactly the names, figures and dates, so those are checked literally (after normalisation) and
anything the sources do not state is removed or the sentence is replaced by the extractive one.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Literal

FactKind = Literal["name", "number", "date"]


@dataclass(frozen=True)
class Fact:
    kind: FactKind
    text: str
    """As written in the sentence (reported back to the user)."""
    key: str
    """Normalised form used for matching."""
    initial: bool = False
    """A lone capitalised word opening a sentence: a name only if the sources never use it as
    an ordinary (lower-case) word, so "Putin vowed" is checked but "Officials said" is not."""


WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_MONTH_ABBREVIATIONS = {
    "jan": "january",
    "feb": "february",
    "mar": "march",
    "apr": "april",
    "jun": "june",
    "jul": "july",
    "aug": "august",
    "sep": "september",
    "sept": "september",
    "oct": "october",
    "nov": "november",
    "dec": "december",
}
_DATES = {**{w: w for w in WEEKDAYS + MONTHS}, **_MONTH_ABBREVIATIONS}
_RELATIVE_DATE = re.compile(
    r"\b(?:yesterday|today|tonight|tomorrow|overnight"
    r"|(?:this|last|next)\s+(?:morning|afternoon|evening|night|week|weekend|month|year|"
    + "|".join(WEEKDAYS + MONTHS)
    + r")"
    r"|(?:earlier|later)\s+this\s+(?:week|month|year))\b",
    re.IGNORECASE,
)
"""Dates relative to publication ("yesterday", "last week"): a rewrite that says "yesterday"
where the sources say "on Friday" states a date they do not. Single words like "week" or
"last" are ordinary and never flagged on their own."""

_UNITS = {
    w: i
    for i, w in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
        ]
    )
}
_TENS = {
    w: 10 * (i + 2)
    for i, w in enumerate(
        ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
    )
}
_SCALES = {"thousand": 1000, "million": 10**6, "billion": 10**9, "trillion": 10**12}
_NUMBER_WORDS = {*_UNITS, *_TENS, *_SCALES, "hundred", "dozen"}

_ALIASES = (
    ("united states of america", "US"),
    ("united states", "US"),
    ("u.s.a.", "US"),
    ("usa", "US"),
    ("united kingdom", "UK"),
    ("u.k.", "UK"),
    ("united nations", "UN"),
    ("u.n.", "UN"),
    ("european union", "EU"),
    ("e.u.", "EU"),
)
"""Spellings of one name that must match each other; the acronym is the canonical form."""

_HONORIFICS = frozenset(["mr", "mrs", "ms", "dr"])
_TITLES = frozenset(
    [
        *_HONORIFICS,
        "president",
        "vice",
        "prime",
        "minister",
        "secretary",
        "general",
        "gen",
        "lt",
        "col",
        "colonel",
        "maj",
        "major",
        "sgt",
        "capt",
        "captain",
        "adm",
        "admiral",
        "cmdr",
        "sen",
        "senator",
        "rep",
        "representative",
        "gov",
        "governor",
        "mayor",
        "judge",
        "justice",
        "chief",
        "king",
        "queen",
        "prince",
        "princess",
        "pope",
        "sheikh",
        "ayatollah",
        "chancellor",
        "speaker",
        "ambassador",
        "commander",
        "director",
        "deputy",
        "foreign",
        "defense",
        "defence",
        "supreme",
        "leader",
        "prof",
        "professor",
        "sir",
        "lord",
        "lady",
        "st",
        "saint",
    ]
)
"""Words before a name that the guard does not hold to the sources' exact wording: "General
Soleimani" is supported by "Gen. Soleimani" or "Qassem Soleimani". They also split a span, so
"US President Donald Trump" needs "US" and "Donald Trump" in the sources, not the whole run."""
_CONNECTORS = frozenset(
    ["of", "de", "del", "da", "di", "du", "la", "le", "al", "bin", "van", "von", "der"]
)
_COMMON_STARTS = frozenset(
    [
        "a",
        "an",
        "the",
        "this",
        "that",
        "these",
        "those",
        "it",
        "its",
        "in",
        "on",
        "at",
        "as",
        "by",
        "for",
        "from",
        "to",
        "with",
        "after",
        "before",
        "but",
        "and",
        "or",
        "so",
        "yet",
        "if",
        "when",
        "while",
        "since",
        "during",
        "about",
        "over",
        "under",
        "some",
        "many",
        "most",
        "more",
        "several",
        "all",
        "both",
        "each",
        "every",
        "no",
        "not",
        "there",
        "here",
        "they",
        "he",
        "she",
        "we",
        "i",
        "you",
        "his",
        "her",
        "their",
        "our",
        "one",
        "officials",
        "however",
        "meanwhile",
        "also",
        "still",
        "then",
        "now",
        "later",
        "earlier",
        "instead",
        "although",
        "though",
        "because",
        "despite",
        "according",
        "following",
        "amid",
        "until",
        "what",
        "which",
        "who",
        "where",
        "why",
        "how",
        "such",
        "other",
        "another",
        "only",
        "even",
        "just",
        "nearly",
        "almost",
        "separately",
        "additionally",
        "further",
        "furthermore",
        "moreover",
        "overall",
        "thus",
        "therefore",
        "finally",
        "first",
        "second",
        "third",
        "last",
        "next",
    ]
)
"""Capitalised only because they open the sentence; never the start of a name."""

_TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|[A-Za-z0-9]+(?:['\-.][A-Za-z0-9]+)*")
_DIGITS = re.compile(
    r"(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?:st|nd|rd|th)?"
    r"(?:\s*(hundred|thousand|million|billion|trillion|dozen)\b)?"
)
_SENTENCE_BREAK = re.compile(r"[.!?:;\"()\[\]]")


def fold(text: str, possessive: str = "") -> str:
    """Diacritics folded, typographic quotes made plain, possessives replaced (stripped)."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.translate(
        str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": " - "})
    )
    return re.sub(r"(?<=\w)'(?:s\b|(?!\w))", possessive, text)  # not O'Grady's apostrophe


def _canonical(text: str) -> str:
    """Aliases replaced by their acronym and dotted acronyms collapsed ("U.S." -> "US")."""
    for phrase, acronym in _ALIASES:
        text = re.sub(rf"(?<![\w.]){re.escape(phrase)}(?!\w)", acronym, text, flags=re.I)
    return re.sub(r"\b((?:[A-Za-z]\.){2,})", lambda m: m.group(1).replace(".", "").upper(), text)


def _is_acronym(word: str) -> bool:
    letters = word.replace(".", "")
    return len(letters) >= 2 and letters.isalpha() and letters.isupper()


def _is_capitalised(word: str) -> bool:
    return word[:1].isupper() and not word.isdigit()


def _names(text: str) -> list[tuple[str, str, bool]]:
    """(as written, canonical, lone sentence-initial word) for capitalised spans.

    A possessive ends a span ("Iran's Qassem Soleimani" is two names), so callers pass text
    where possessives are marked, not stripped.
    """
    found: list[tuple[str, str, bool]] = []
    span: list[re.Match[str]] = []
    span_at_start = False

    def close() -> None:
        nonlocal span
        while span and span[-1].group().lower() in _CONNECTORS:
            span.pop()
        words = [m.group() for m in span]
        initial = False
        if span_at_start and words and words[0].lower() in _COMMON_STARTS:
            words = words[1:]
        elif span_at_start and len(words) == 1 and not _is_acronym(words[0]):
            initial = True
        words = [w for w in words if w != "I"]
        if words:
            written = text[span[len(span) - len(words)].start() : span[-1].end()]
            found.append((written, " ".join(words), initial))
        span = []

    previous_end = 0
    for match in _TOKEN.finditer(text):
        word = match.group()
        at_start = previous_end == 0 or bool(
            _SENTENCE_BREAK.search(text[previous_end : match.start()])
        )
        if at_start and span:
            close()
        is_date = word.lower().rstrip(".") in _DATES and _is_capitalised(word)
        if _is_capitalised(word) and not is_date:
            if span and text[previous_end : match.start()].strip() not in ("", "-"):
                close()
            if not span:
                span_at_start = at_start
            span.append(match)
        elif span and word.lower() in _CONNECTORS and text[previous_end : match.start()] == " ":
            span.append(match)
        elif span:
            close()
        previous_end = match.end()
    if span:
        close()
    return found


def _decimal_key(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _numbers(text: str, *, lone_one: bool = False) -> list[tuple[str, Decimal]]:
    """(as written, value) for digit numbers and spelled-out numbers."""
    found: list[tuple[str, Decimal]] = []
    for match in _DIGITS.finditer(text):
        try:
            value = Decimal(match.group(1).replace(",", "") + (match.group(2) or ""))
        except InvalidOperation:
            continue
        scale = match.group(3)
        if scale:
            value *= {"hundred": 100, "dozen": 12}.get(scale, _SCALES.get(scale, 1))
        found.append((match.group().strip(), value))
    words = list(re.finditer(r"[A-Za-z]+", text))
    i = 0
    while i < len(words):
        run: list[re.Match[str]] = []
        j = i
        while j < len(words):
            w = words[j].group().lower()
            if w in _NUMBER_WORDS:
                run.append(words[j])
            elif (
                w == "and"
                and run
                and j + 1 < len(words)
                and words[j + 1].group().lower() in _NUMBER_WORDS
            ):
                pass
            else:
                break
            j += 1
        if run:
            total, current = 0, 0
            for m in run:
                w = m.group().lower()
                if w in _UNITS:
                    current += _UNITS[w]
                elif w in _TENS:
                    current += _TENS[w]
                elif w == "hundred":
                    current = max(current, 1) * 100
                elif w == "dozen":
                    current = max(current, 1) * 12
                else:
                    total += max(current, 1) * _SCALES[w]
                    current = 0
            written = text[run[0].start() : run[-1].end()]
            if re.search(r"\d\s*$", text[: run[0].start()]) and not (
                run[0].group().lower() in _UNITS or run[0].group().lower() in _TENS
            ):
                i = j + 1
                continue  # "1.5 million": the digits already carried the scale
            if lone_one or written.lower() not in ("one", "zero"):
                found.append((written, Decimal(total + current)))
            i = j + 1
        else:
            i += 1
    return found


def _dates(text: str) -> list[tuple[str, str]]:
    found = [
        (m.group(), " ".join(m.group().lower().split())) for m in _RELATIVE_DATE.finditer(text)
    ]
    for match in re.finditer(r"\b[A-Z][a-z]+\b\.?", text):
        word = match.group().rstrip(".")
        key = _DATES.get(word.lower())
        if key and (len(word) > 3 or match.group().endswith(".") or word.lower() == "may"):
            found.append((match.group().rstrip("."), key))
    return found


def facts(text: str) -> set[Fact]:
    """The checkable facts of one sentence: names, numbers, weekdays, months, relative dates."""
    folded = fold(text)
    result: set[Fact] = set()
    for written, canonical, initial in _names(_canonical_keep_spans(fold(text, possessive=","))):
        result.add(Fact("name", written, canonical, initial))
    for written, value in _numbers(folded):
        result.add(Fact("number", written, _decimal_key(value)))
    for written, key in _dates(folded):
        result.add(Fact("date", written, key))
    return result


def _canonical_keep_spans(text: str) -> str:
    """Dotted acronyms collapsed so "U.S." is one token; aliases stay as written for display."""
    return re.sub(r"\b((?:[A-Za-z]\.){2,})", lambda m: m.group(1).replace(".", "").upper(), text)


@dataclass(frozen=True)
class _Index:
    words: frozenset[str]
    ordinary: frozenset[str]
    """Words the sources write in lower case somewhere."""
    phrase: str
    """Lower-case tokens joined by one space, "|" where punctuation separates them."""
    acronyms: frozenset[str]
    capitalised: frozenset[str]
    numbers: frozenset[str]
    dates: frozenset[str]


@lru_cache(maxsize=256)
def _index(sources: str) -> _Index:
    folded = fold(sources)
    canonical = _canonical(folded)
    tokens = _TOKEN.findall(canonical)
    words: set[str] = set()
    for token in tokens:
        for part in (token, *re.split(r"[-.']", token)):
            if part:
                words.add(part.lower())
    acronyms = {t for t in tokens if _is_acronym(t)}
    # Initials of capitalised runs, so "IRGC" is supported by "Iranian Revolutionary Guard Corps".
    for _, span, _ in _names(canonical):
        initials = "".join(w[0] for w in span.split() if w.lower() not in _CONNECTORS)
        if len(initials) >= 2:
            acronyms.add(initials.upper())
    numbers: set[str] = set()
    for written, value in _numbers(folded, lone_one=True):
        numbers.add(_decimal_key(value))
        bare = re.match(r"[\d,]+(?:\.\d+)?", written)
        if bare:  # "1.2 million" also supports a rewrite that says "1.2m"
            numbers.add(_decimal_key(Decimal(bare.group().replace(",", ""))))
    dates = {key for _, key in _dates(folded)}
    capitalised = frozenset(t.lower() for t in tokens if t[:1].isupper())
    ordinary = frozenset(t for t in tokens if t[:1].islower())
    pieces: list[str] = []
    previous_end = 0
    for match in _TOKEN.finditer(canonical):
        gap = canonical[previous_end : match.start()]
        if pieces and gap.strip() not in ("", "-"):  # as _names joins spans
            pieces.append("|")
        pieces.append(match.group().lower())
        previous_end = match.end()
    return _Index(
        frozenset(words),
        ordinary,
        " " + " ".join(pieces) + " ",
        frozenset(acronyms),
        capitalised,
        frozenset(numbers),
        frozenset(dates),
    )


def _name_supported(name: str, index: _Index) -> bool:
    """Every word stated, and each multi-word run between titles stated as one contiguous run.

    "President Donald Biden" fails against "President Donald Trump met Joe Biden"; a title
    (_TITLES) is neither required nor checked, so "Gen. Soleimani" supports "General Soleimani",
    and a surname alone is supported by the full name.
    """
    words = _canonical(name).split()
    if len(words) > 1 and f" {' '.join(words).lower()} " in index.phrase:
        return True  # stated verbatim ("Jimmy Choo CHOO.L")
    runs: list[list[str]] = [[]]
    for word in words:
        if word.lower() in _TITLES:
            runs.append([])
        else:
            runs[-1].append(word.lower())
    for run in runs:
        while run and run[0] in _CONNECTORS:
            run.pop(0)
        if len(run) > 1 and f" {' '.join(run)} " not in index.phrase:
            return False
    for word in words:
        if ("-" in word or "." in word) and word.lower() in index.words:
            continue  # the whole token is stated: "R-SC", "KORS.N", "UK-based"
        parts = word.split("-")
        for part in parts:
            if not part or part.lower() in _TITLES or part.lower() in _CONNECTORS:
                continue
            if len(parts) > 1 and part[:1].islower():
                continue  # "Iran-backed": only the capitalised part is a name
            if _is_acronym(part):
                letters = part.replace(".", "")
                if letters not in index.acronyms and letters.lower() not in index.capitalised:
                    return False
            elif part.lower() not in index.words:
                return False
    return True


def supported(fact: Fact, sources: str) -> bool:
    index = _index(sources)
    if fact.kind == "number":
        return fact.key in index.numbers
    if fact.kind == "date":
        return fact.key in index.dates
    if fact.initial and fact.key.lower() in index.ordinary:
        return True
    return _name_supported(fact.key, index)


def _join(sources: str | Iterable[str]) -> str:
    return sources if isinstance(sources, str) else "\n".join(sources)


def unsupported(sentence: str, sources_text: str | Iterable[str]) -> list[str]:
    """Names, numbers and dates in `sentence` that the sources do not state, in text order."""
    sources = _join(sources_text)
    missing = [f for f in facts(sentence) if not supported(f, sources)]
    folded = fold(sentence)
    missing.sort(key=lambda f: (folded.find(f.text), f.text))
    return list(dict.fromkeys(f.text for f in missing))


_CLAUSE = re.compile(r"\s*(?:[,;](?!\d)|\s-\s|\(|\))\s*|\s+(?=(?:and|but|while|after|as)\s)")


def repair(sentence: str, sources_text: str | Iterable[str], *, min_words: int = 5) -> str | None:
    """The sentence without the clauses that carry unsupported facts, if what remains passes.

    Returns None when nothing sensible is left; the caller then uses the extractive sentence.
    """
    sources = _join(sources_text)
    clauses = [c for c in _CLAUSE.split(sentence.strip().rstrip(".!?")) if c and c.strip()]
    kept = [c.strip() for c in clauses if not unsupported(c, sources)]
    if len(kept) == len(clauses):
        return sentence if not unsupported(sentence, sources) else None
    while kept and kept[0].split()[0].lower() in ("and", "but", "while", "after", "as"):
        kept[0] = " ".join(kept[0].split()[1:])
    text = ", ".join(k for k in kept if k)
    if len(text.split()) < min_words:
        return None
    text = text[0].upper() + text[1:] + "."
    return text if not unsupported(text, sources) else None
