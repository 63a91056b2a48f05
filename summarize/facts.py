"""The facts a sentence asserts: who, what number, which day, who said it, and whether it is denied.

Pure Python and regular expressions over one sentence at a time, fast enough for every sentence
of every briefing (citations, disagreements, the timeline) and every claim `summarize check`
reads. What comes out is positional (token spans), so a consumer can ask not only "does the
sentence mention 40?" but "what does the 40 count, and what is said around it?".

- `Quantity`: a number or a vague amount as an interval of values, with its unit (money,
  percent, distance, a rate such as "a week", an age) and the words it counts. "3,000", "three
  thousand" and "3k" are one value; "two dozen" is about 24; "hundreds" is 200-1,999; "more than
  100" is 100 and up.
- `When`: a weekday, a calendar date, a month or year, or a relative day, resolvable against the
  article's date ("Tuesday" in an article of Wednesday 1 January 2020 is 31 December 2019).
- `Name`: a capitalised span with the title or role the sentence gives it ("Mayor Ana Ruiz",
  "Ruiz, the governor"), spelling-tolerant in comparison (Qasem = Qassem).
- `Attribution`: who says what ("X said", "said X", "according to X").
- negation cues and content words, keyed by lemma (`lexicon.key`).
"""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from . import lexicon
from .lexicon import key
from .sentences import HONORIFICS, stem

_YEAR = re.compile(r"(1[89]|20)\d\d")
"""A year as the sources write one: 1800 to 2099."""

# -- tokens ---------------------------------------------------------------------------------------

_TOKEN = re.compile(
    r"(?P<acronym>(?:[A-Za-z]\.){2,})"
    r"|(?P<mixed>\d+[- ]\d/\d{1,2}(?![\d/]))"
    r"|(?P<code>\d+(?:/\d+)+|\d+-\d+(?![\w-])|\d+-[A-Z][a-z]+\b)"
    r"|(?P<ordinal>\d+(?:st|nd|rd|th)(?![A-Za-z]))"
    r"|(?P<numberword>\d+(?:[,.]\d+)*(?=[A-Za-z]))"
    r"|(?P<number>\d+(?:[,.:]\d+)*)"
    r"|(?P<ampersand>[A-Z]{1,3}&[A-Z]{1,3}(?![\w&]))"  # one name: "AT&T", "S&P", "H&M"
    r"|(?P<sign>(?i:minus|negative)(?=-\d))"  # "negative-4 degrees": a sign, then a number
    r"|(?P<word>[^\W\d_]+(?:['’][^\W\d_]+)*(?:-[^\W_]+)*)"
    r"|(?P<symbol>[$£€¥%°])"
    r"|(?P<punct>[^\s\w])"
)


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int
    kind: str
    """"word", "number", "acronym", "symbol" or "punct"."""
    lower: str
    key: str

    @property
    def capital(self) -> bool:
        return self.text[:1].isupper()


def fold(text: str) -> str:
    """Diacritics off, typographic quotes and dashes plain: "José’s" -> "Jose's"."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return text.translate(
        str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\u00a0": " "})
    )


def tokenize(text: str) -> tuple[Token, ...]:
    tokens = []
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup or "punct"
        if kind in ("numberword", "ordinal", "mixed"):
            kind = "number"
        elif kind in ("ampersand", "sign"):
            kind = "word"
        word = match.group()
        lower = word.lower()
        if kind != "word":
            token_key = lower
        elif word[:1].isupper():
            token_key = stem(lower)  # "Tori" is a name, not the plural of "torus"
        else:
            token_key = key(lower)
        tokens.append(Token(word, match.start(), match.end(), kind, lower, token_key))
    return tuple(tokens)


# -- numbers --------------------------------------------------------------------------------------

_SMALL = {
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
_SCALE_WORDS = {
    "hundred": 100,
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "dozen": 12,
}
_SUFFIXES = {"k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12, "tr": 1e12}
_ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20,
}  # fmt: skip
_POSITIONS = frozenset(
    ["floor", "storey", "story", "round", "term", "quarter", "inning", "lap", "grade", "level"]
)
"""Nouns an ordinal word numbers ("the third floor", "a second term"): there even "first"
and "second" are figures ("the fifth floor" for "the third floor" is a changed number)."""
_RANK_WORDS = frozenset(w for w, n in _ORDINAL_WORDS.items() if n >= 4)
"""Ordinals read as ranks where a place in a ranking ends ("Canada in seventh" is "Canada
(7th)"); not "the fourth of May" nor "the seventh morning"; "first", "second" and "third" are
too often no rank ("at first", "a second term", "a third of")."""
_NUMBER_WORDS = frozenset([*_SMALL, *_TENS, *_SCALE_WORDS, "half"])
_HEDGES: dict[tuple[str, ...], str] = {
    **{tuple(h.split()): "about" for h in (
        "about", "around", "roughly", "approximately", "some", "an estimated", "estimated",
        "close to", "circa", "approx", "almost exactly",
    )},
    **{tuple(h.split()): "below" for h in ("nearly", "almost", "just under", "just shy of")},
    **{tuple(h.split()): "over" for h in (
        "more than", "over", "at least", "upwards of", "in excess of", "no fewer than",
        "no less than", "just over", "above", "exceeding", "a minimum of", "as many as",
        "exceeded", "surpassed", "surpassing", "topped", "topping", "passed", "passing",
    )},
    **{tuple(h.split()): "under" for h in (
        "less than", "fewer than", "under", "up to", "no more than", "at most", "below",
        "a maximum of",
    )},
}  # fmt: skip
_HEDGE_LONGEST = max(len(h) for h in _HEDGES)
_HEDGE_WORDS = frozenset(h[0] for h in _HEDGES)
_CLOCK = re.compile(r"^(\d{1,2}):(\d{2})$")


@dataclass(frozen=True)
class Quantity:
    """An amount stated in a sentence, as the interval of values it allows."""

    text: str
    start: int
    """Token index of its first token (hedge included)."""
    end: int
    """Token index after its last token (unit included)."""
    low: float
    high: float
    value: float | None
    """The number as written (scaled); None for a vague amount ("hundreds")."""
    unit: lexicon.Unit | None
    scale: float = 1.0
    """The scale written with it (1e6 for "million"/"m"): "$3bn" and "$3 million" differ in it."""
    ordinal: bool = False
    year: bool = False
    """A bare four-digit year ("in 2016"): a date, compared as such."""
    counted: tuple[str, ...] = ()
    """Keys of the words right after it: what it counts ("people", "text messages")."""
    hedge: str | None = None
    """"about", "over", "under" or "below" when the figure is hedged ("more than 50")."""
    clock: bool = False
    """A time of day ("10:45", "5 a.m.", "five p.m."), in minutes: never a count."""

    @property
    def exact(self) -> bool:
        return self.value is not None and self.low == self.high

    def compatible(self, other: Quantity) -> bool:
        """Could both describe the same amount? (ranges overlap, units agree)."""
        if (
            self.unit
            and other.unit
            and self.unit.kind == other.unit.kind
            and self.unit.name != other.unit.name
        ):
            return False
        return self.low <= other.high * 1.0000001 and other.low <= self.high * 1.0000001


_VULGAR = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3}


def _parse_digits(text: str) -> tuple[float, bool] | None:
    mixed = re.fullmatch(r"(\d+)[- ](\d)/(\d{1,2})", text)
    if mixed:  # "2-1/2", "2 1/2"
        whole, top, bottom = (int(g) for g in mixed.groups())
        return (whole + top / bottom, False) if 0 < top < bottom else None
    clock = _CLOCK.match(text)
    if clock:
        return float(clock.group(1)) * 60 + float(clock.group(2)), False
    ordinal = bool(re.search(r"(st|nd|rd|th)$", text))
    digits = re.sub(r"(st|nd|rd|th)$", "", text)
    if re.fullmatch(r"\d{1,3}(,\d{3})+(\.\d+)?", digits):
        digits = digits.replace(",", "")
    digits = digits.replace(",", ".") if re.fullmatch(r"\d+,\d{1,2}", digits) else digits
    try:
        return float(digits), ordinal
    except ValueError:
        return None


def _spelled(tokens: tuple[Token, ...], i: int) -> tuple[float, int, float] | None:
    """A spelled-out number starting at token i: (value, tokens used, scale word value)."""
    total, current, j, used_scale, seen = 0.0, 0.0, i, 1.0, False
    while j < len(tokens):
        word = tokens[j].lower
        parts = word.split("-")
        if all(p in _SMALL or p in _TENS for p in parts) and len(parts) <= 2:
            current += sum(_SMALL.get(p, 0) + _TENS.get(p, 0) for p in parts)
            seen = True
        elif word in ("hundred", "dozen") and (
            seen
            or (j > i and tokens[j - 1].lower == "a")
            or (
                word == "dozen"
                and j == i
                and i > 0
                and tokens[i - 1].lower in ("the", "other", "another", "some")
            )
        ):
            current = max(current, 1) * _SCALE_WORDS[word]
            used_scale = max(used_scale, _SCALE_WORDS[word])
            seen = True
        elif (
            word == "and"
            and seen
            and j + 2 < len(tokens)
            and tokens[j + 1].lower == "a"
            and tokens[j + 2].lower == "half"
        ):
            after = tokens[j + 3].lower if j + 3 < len(tokens) else ""
            if after in ("thousand", "million", "billion", "dozen", "hundred"):
                # "fourteen and a half thousand"
                scale_value = _SCALE_WORDS[after]
                total += (current + 0.5) * scale_value
                used_scale = max(used_scale, scale_value)
                current = 0
                j += 4
                continue
            if total:
                break
            current += 0.5  # "two and a half years"
            j += 3
            continue
        elif word in ("thousand", "million", "billion", "trillion") and seen:
            total += max(current, 1) * _SCALE_WORDS[word]
            used_scale = max(used_scale, _SCALE_WORDS[word])
            current = 0
        elif (
            word == "a"
            and not seen
            and j + 1 < len(tokens)
            and tokens[j + 1].lower in ("dozen", "hundred", "thousand", "million", "billion")
        ):
            current, seen = 1, True
            j += 1
            word = tokens[j].lower
            current *= _SCALE_WORDS[word]
            used_scale = _SCALE_WORDS[word]
        elif (
            word == "and"
            and seen
            and tokens[j - 1].lower in ("hundred", "thousand", "million")
            and j + 1 < len(tokens)
            and (
                tokens[j + 1].lower.split("-")[0] in _SMALL
                or tokens[j + 1].lower.split("-")[0] in _TENS
            )
        ):
            pass
        elif word == "half" and not seen and j + 2 < len(tokens) and tokens[j + 1].lower == "a":
            scale_word = tokens[j + 2].lower
            if scale_word in _SCALE_WORDS:
                return 0.5 * _SCALE_WORDS[scale_word], j + 3 - i, _SCALE_WORDS[scale_word]
            break
        elif not seen and word in ("half-dozen", "half-a-dozen"):
            return 6.0, j + 1 - i, 12.0  # "a half-dozen people"
        elif (
            not seen
            and word == "half"
            and j + 1 < len(tokens)
            and tokens[j + 1].lower == "dozen"
            and j > 0
            and tokens[j - 1].lower == "a"
        ):
            return 6.0, j + 2 - i, 12.0  # "a half dozen others"
        else:
            break
        j += 1
    if not seen:
        return None
    return total + current, j - i, used_scale


_STARTS: dict[int, frozenset[str]] = {}


def _starts(table: dict) -> frozenset[str]:
    """First words of a phrase table (the tables are loaded once, so keyed by identity)."""
    found = _STARTS.get(id(table))
    if found is None:
        found = _STARTS[id(table)] = frozenset(k[0] for k in table)
    return found


def _match_phrase(
    tokens: tuple[Token, ...], i: int, table: dict, longest: int
) -> tuple[object, int]:
    if i >= len(tokens) or tokens[i].lower not in _starts(table):
        return None, 0
    for length in range(min(longest, len(tokens) - i), 0, -1):
        words = tuple(t.lower for t in tokens[i : i + length])
        if words in table:
            return table[words], length
    return None, 0


_AGE_UNITS = {
    "year-old": "year-old", "years-old": "year-old", "month-old": "month-old",
    "months-old": "month-old", "week-old": "week-old", "weeks-old": "week-old",
    "day-old": "day-old", "days-old": "day-old",
}  # fmt: skip
"""An age counts years, months, weeks or days: a six-week-old is no six-month-old."""


def _unit_after(tokens: tuple[Token, ...], i: int) -> tuple[lexicon.Unit | None, int]:
    """The unit written at token i (after a number): "percent", "a week", "-year-old"."""
    table = lexicon.units()
    j = i
    if j < len(tokens) and tokens[j].text == "-" and j + 1 < len(tokens):
        j += 1  # "81-year-old", "240-kilometre"
    if j < len(tokens) and tokens[j].lower in _AGE_UNITS:
        return table[(_AGE_UNITS[tokens[j].lower],)], j + 1 - i
    if j < len(tokens) and "-" in tokens[j].lower:
        hyphenated = table.get(tuple(tokens[j].lower.split("-")))
        if hyphenated is not None:
            return hyphenated, j + 1 - i  # "a $5-a-month fee"
    if (
        j < len(tokens)
        and j > 0
        and tokens[j].text in ("C", "F")
        and tokens[j - 1].kind == "number"
        and (
            tokens[j].start == tokens[j - 1].end
            or j + 1 == len(tokens)
            or not tokens[j + 1].text[:1].isupper()  # not "Route 28 C Street"
        )
    ):
        return table[("°" + tokens[j].lower,)], j + 1 - i  # "40C", "104F", "-28 C temperatures"
    unit, length = _match_phrase(tokens, j, table, lexicon.longest_unit())
    if unit is None and [t.lower for t in tokens[j : j + 2]] == ["of", "a"]:
        # "0.14 of a percentage point" is 0.14 points
        of_a, length = _match_phrase(tokens, j + 2, table, lexicon.longest_unit())
        if of_a is not None and of_a.name == "point":
            return of_a, j + 2 + length - i
    if (
        unit is not None
        and unit.kind == "rate"
        and j + length < len(tokens)
        and _time_after(tokens, j + length)
    ):
        return None, 0  # "$110.8 million a year earlier" is no yearly sum
    if unit is not None and tokens[j].kind in ("word", "symbol"):
        return unit, j + length - i  # type: ignore[return-value]
    return None, 0


_RELATIVE_TIME = frozenset(["before", "after", "ago", "later", "earlier", "from", "prior"])
_FROM_WHEN = frozenset(["now", "today", "then", "tomorrow"])


def _time_after(tokens: tuple[Token, ...], k: int) -> bool:
    """Token k makes the span before it a time ("a year earlier", "a year from now"), not a
    rate: "save $350 million a year from the combination" is a yearly sum."""
    if tokens[k].lower == "from":
        return k + 1 < len(tokens) and tokens[k + 1].lower in _FROM_WHEN
    return tokens[k].lower in _RELATIVE_TIME


# Words that end the phrase an amount counts: "she was twenty-two when her online exchanges
# began" counts no exchanges.
_CLAUSE_WORDS = frozenset(
    ["when", "while", "because", "if", "after", "before", "since", "until", "than", "as",
     "that", "which", "who", "whom", "whose", "is", "was", "were", "are", "be", "been", "to"]
)  # fmt: skip


def _counted(tokens: tuple[Token, ...], i: int) -> tuple[str, ...]:
    stops = lexicon.function_words()
    found: list[str] = []
    for token in tokens[i : i + 4]:
        if token.kind == "punct" and token.text not in "-'":
            break
        if token.lower in _CLAUSE_WORDS:
            break
        if token.kind == "number" or token.lower.split("-")[0] in _NUMBER_WORDS:
            break
        if token.kind == "word" and token.lower not in stops and not token.text[:1].isupper():
            found.append(token.key)
            if len(found) == 2:
                break
        elif found:
            break
    return tuple(found)


def _hedge_before(tokens: tuple[Token, ...], i: int) -> tuple[str | None, int]:
    for length in range(min(_HEDGE_LONGEST, i), 0, -1):
        words = tuple(t.lower for t in tokens[i - length : i])
        if words in _HEDGES:
            return _HEDGES[words], length
    return None, 0


def precision(value: float) -> float:
    """The rounding step a number is written to: 3,000 -> 1,000; 750 -> 50; 2,600 -> 100."""
    if value <= 0 or value != int(value):
        return 0.0
    step = 1
    number = int(value)
    while number % (step * 10) == 0:
        step *= 10
    if number % (step * 5) == 0 and number != step * 5:
        step *= 5
    return float(step)


def _interval(value: float, hedge: str | None, approximate: bool) -> tuple[float, float]:
    if approximate and hedge in (None, "about"):  # "two dozen", "about three dozen": about 24
        return value * 0.9, value * 1.1
    if hedge == "about":  # as precise as it is written: "about 3,000" is 2,500 to 3,500
        spread = precision(value) / 2 * 0.999 if value == int(value) else abs(value) * 0.05
        return value - spread, value + spread
    if hedge == "below":
        return value * 0.85, value
    if hedge == "over":  # "more than 100" is not 5,000: nobody writes it so
        return value, value * 2
    if hedge == "under":
        return value / 2, value
    return value, value


def quantities(tokens: tuple[Token, ...], text: str) -> tuple[Quantity, ...]:
    found: list[Quantity] = []
    vague = lexicon.vague_quantities()
    longest_vague = lexicon.longest(vague)
    i = 0
    while i < len(tokens):
        token = tokens[i]
        start, value, used, ordinal, scale, approximate = i, None, 0, False, 1.0, False
        currency: lexicon.Unit | None = None
        compound: str | None = None  # the noun of "three-judge": what the amount counts
        if token.kind == "symbol" and token.text in "$£€¥" and i + 1 < len(tokens):
            currency = lexicon.units().get((token.text,))
            i += 1
            token = tokens[i]
        elif (
            (
                token.kind == "acronym"
                or (
                    token.text in ("US", "A", "C", "HK", "NZ")
                    and i + 1 < len(tokens)
                    and tokens[i + 1].text == "$"
                )
            )
            and i + 2 < len(tokens)
            and tokens[i + 1].text == "$"
            and tokens[i + 2].kind == "number"
        ):
            currency = lexicon.units()[("$",)]
            i += 2
            token = tokens[i]
        metres: lexicon.Unit | None = None
        if token.kind == "number":
            parsed = _parse_digits(token.text)
            if parsed is None:
                i += 1
                continue
            value, ordinal = parsed
            used = 1
            metres: lexicon.Unit | None = None
            nxt = tokens[i + 1] if i + 1 < len(tokens) else None
            if nxt is not None and nxt.start - token.end <= 1 and nxt.text in _VULGAR:
                value += _VULGAR[nxt.text]  # "28½ years", "5 ½ days"
                used += 1
                nxt = tokens[i + 2] if i + 2 < len(tokens) else None
            elif [t.lower for t in tokens[i + 1 : i + 4]] == ["and", "a", "half"]:
                value += 0.5  # "28 and a half years"
                used += 3
                nxt = tokens[i + 4] if i + 4 < len(tokens) else None
            if i + used + 1 < len(tokens) and tokens[i + used + 1].text == "/":
                nxt = None  # "6.25m/s": a unit over another, read after the number
            if (
                nxt is not None
                and nxt.start == token.end
                and nxt.lower in _SUFFIXES
                and not (
                    nxt.lower == "m"
                    and currency is None
                    and value >= 100
                    and not _millions_by_m(tokens)
                )
            ):  # "$3m", "12m people" are millions; "5,500m" is metres, but not among millions
                scale = _SUFFIXES[nxt.lower]
                value *= scale
                used += 1
            elif nxt is not None and nxt.start == token.end and nxt.lower == "m":
                metres = lexicon.units()[("metre",)]
                used += 1
            elif nxt is not None and nxt.lower in _SCALE_WORDS and nxt.lower != "dozen":
                scale = _SCALE_WORDS[nxt.lower]
                value *= scale
                used += 1
        elif token.kind == "word":
            spelled = _spelled(tokens, i)
            if spelled is not None:
                value, used, scale = spelled
                approximate = tokens[i + used - 1].lower.endswith("dozen") or tokens[
                    i
                ].lower.startswith("half")
                if used == 1 and tokens[i].lower in ("one", "zero") and not currency:
                    value = None  # "one of the", "no one": not an amount
            elif "-" in token.lower and token.lower.split("-")[0] in (_SMALL.keys() | _TENS.keys()):
                # "six-week-old", "two-mile": the number, and its unit from the rest
                first, _, rest = token.lower.partition("-")
                value, used = float(_SMALL.get(first, _TENS.get(first, 0))), 1
                if rest.startswith("and-a-half"):
                    value, rest = value + 0.5, rest.removeprefix("and-a-half").lstrip("-")
                second, _, after = rest.partition("-")
                if first in _TENS and second in _SMALL and _SMALL[second] < 10 and after:
                    value, rest = value + _SMALL[second], after  # "fifty-five-image"
                if rest.endswith("-old"):
                    age = _AGE_UNITS.get(rest)
                    metres = lexicon.units()[(age,)] if age else None
                    if metres is None:
                        value, used = None, 1
                else:
                    metres = lexicon.units().get((rest,))
                    if metres is None and rest.isalpha():
                        compound = lexicon.key(rest)
            elif "-" in token.lower and token.lower.split("-")[0] in _ORDINAL_WORDS:
                # "third-biggest"; a bare "second" or "first" is too often not a rank
                value, used, ordinal = float(_ORDINAL_WORDS[token.lower.split("-")[0]]), 1, True
            elif token.lower in _RANK_WORDS and (
                i + 1 == len(tokens)
                or tokens[i + 1].kind == "punct"
                or tokens[i + 1].lower in ("place", "position", "spot", "overall", "and")
            ):  # "Canada in seventh.", "finished fourth, behind": a place in a ranking
                value, used, ordinal = float(_ORDINAL_WORDS[token.lower]), 1, True
            elif (
                token.lower in _ORDINAL_WORDS
                and i + 1 < len(tokens)
                and tokens[i + 1].lower in _POSITIONS
            ):  # "on the third floor", "in the second round"
                value, used, ordinal = float(_ORDINAL_WORDS[token.lower]), 1, True
            else:
                phrase, length = _match_phrase(tokens, i, vague, longest_vague)
                if phrase is not None:
                    low, high = phrase  # type: ignore[misc]
                    end = i + length
                    unit, unit_length = _unit_after(tokens, end)
                    found.append(
                        Quantity(
                            text[tokens[start].start : tokens[end - 1 + unit_length].end],
                            start,
                            end + unit_length,
                            low,
                            high,
                            None,
                            unit,
                            counted=_counted(
                                tokens,
                                end
                                + unit_length
                                + (
                                    1
                                    if end < len(tokens)
                                    and tokens[min(end + unit_length, len(tokens) - 1)].lower
                                    == "of"
                                    else 0
                                ),
                            ),
                        )
                    )
                    i = end + unit_length
                    continue
        if (
            value is None
            and token.lower in ("a", "an")
            and i + 2 < len(tokens)
            and tokens[i + 1].lower
            in ("second", "minute", "hour", "day", "week", "month", "year", "decade")
            and tokens[i + 2].lower in _RELATIVE_TIME
        ):  # "a week before sequestration"
            value, used = 1.0, 1
        if value is None:
            i = max(i, start) + 1
            continue
        end = i + used
        unit, unit_length = _unit_after(tokens, end)
        if token.kind in ("number", "word") and metres is not None and unit is None:
            unit = metres
        if currency is not None:
            if unit is not None and unit.kind == "rate":  # "$700 a week"
                unit = lexicon.Unit("money", f"{currency.name} {unit.name}")
            else:
                unit, unit_length = currency, 0
        end += unit_length
        rate, rate_length = _unit_after(tokens, end)
        if rate is not None and rate.kind == "rate":
            end += rate_length
            unit = rate if unit is None else lexicon.Unit(unit.kind, f"{unit.name} {rate.name}")
        elif (
            end + 2 < len(tokens)
            and tokens[end].lower in ("in", "of")
            and tokens[end + 1].kind == "word"
            and (rate := _unit_after(tokens, end + 2)[0]) is not None
            and rate.kind == "rate"
        ):  # "$1 billion in sales annually": the rate after what the sum is of
            unit = rate if unit is None else lexicon.Unit(unit.kind, f"{unit.name} {rate.name}")
        hedge, hedge_length = _hedge_before(tokens, start)
        if (
            hedge is None
            and end + 1 < len(tokens)
            and tokens[end].text == "-"
            and tokens[end + 1].lower in ("plus", "odd")
        ):
            hedge = "over"  # "300-plus"
            end += 2
        low, high = _interval(value, hedge, approximate)
        is_year = (
            unit is None
            and currency is None
            and not ordinal
            and scale == 1.0
            and token.kind == "number"
            and _YEAR.fullmatch(token.text) is not None
        )
        if token.kind == "number" and not is_year and _identifier(tokens, start, unit, currency):
            i = end
            continue  # "Boeing 777", "Interstate 35", "Flight 370": a name, not an amount
        if unit is None and _apposed_age(tokens, start, end):
            unit = lexicon.units()[("year-old",)]  # "Harmon, 58, ..."
        of = end < len(tokens) and tokens[end].lower == "of"
        counted = (compound,) if compound else _counted(tokens, end + (1 if of else 0))
        first = start - hedge_length
        if (
            unit is not None
            and unit.name == "percent"
            and not of
            and not (first > 0 and tokens[first - 1].lower in ("a", "an", "the"))
        ):
            counted = ()  # "36 percent live at home": a predicate; "a 36 percent stake" counts
        found.append(
            Quantity(
                text[tokens[start - hedge_length].start : tokens[end - 1].end],
                start - hedge_length,
                end,
                low,
                high,
                value,
                unit,
                scale,
                ordinal,
                is_year,
                counted,
                hedge,
            )
        )
        i = end
    found += _year_spans(tokens)
    parts = _unit_fractions(tokens, text)
    in_part = {k for q in parts for k in range(q.start, q.end)}
    found = [q for q in found if not any(k in in_part for k in range(q.start, q.end))] + parts
    # "Two-thirds of the members" is a share, not the number two: a fraction's words are left
    # to `_fractions` (a unit's fraction, "three-quarters of a mile", stays a part)
    taken = {
        k
        for q in found
        if q in parts or not any(_fraction_words(tokens, k) for k in range(q.start, q.end))
        for k in range(q.start, q.end)
    }
    fractions = _fractions(tokens, text, taken)
    in_fraction = {k for q in fractions for k in range(q.start, q.end)}
    found = [q for q in found if not any(k in in_fraction for k in range(q.start, q.end))]
    found += fractions
    found.sort(key=lambda q: q.start)
    found = _compound(_ranges(list(_shared_units(tuple(found), tokens)), tokens), tokens)
    found = _elided_counts(found, tokens)
    return tuple(_clocked(_signed(q, tokens, text), tokens, text) for q in found)


_COMPARATIVES = frozenset(
    ["more", "fewer", "less", "higher", "lower", "greater", "larger", "bigger", "older", "younger"]
)


def difference(facts: Facts, q: Quantity) -> bool:
    """ "some 90 more than its licensed capacity": a difference between two amounts, not an
    amount of the thing; it contradicts no figure for that thing."""
    after = [t.lower for t in facts.tokens[q.end : q.end + 3]]
    return len(after) >= 2 and after[0] in _COMPARATIVES and "than" in after[1:]


SUPPOSING = frozenset(["would", "could", "might", "should"])
"""Words of what would be, not what is ("which would command 48 seats", "would have had to
resign")."""

_MORE_OR_FEWER = frozenset(["more", "fewer", "less"])
ELIDED_REACH = 8
"""Tokens back a difference may look for the figure whose noun it leaves out."""


def _elided_counts(found: list[Quantity], tokens: tuple[Token, ...]) -> list[Quantity]:
    """A difference that leaves out its noun counts that of the figure just before it: "31
    of the 90 seats, seven fewer than in 2021" is seven seats (fourth new-user audit)."""
    out = list(found)
    for n, q in enumerate(out):
        after = [t.lower for t in tokens[q.end : q.end + 2]]
        if q.unit is not None or len(after) < 2 or after[0] not in _MORE_OR_FEWER:
            continue
        if after[1] != "than":
            continue
        before = next(
            (
                o
                for o in reversed(out[:n])
                if o.counted and o.unit is None and q.start - o.end <= ELIDED_REACH
            ),
            None,
        )
        if before is not None:
            out[n] = replace(q, counted=before.counted)
    return out


_MERIDIEM = frozenset(["a.m.", "p.m.", "am", "pm", "a.m", "p.m"])


def _clocked(q: Quantity, tokens: tuple[Token, ...], text: str) -> Quantity:
    """A time of day keeps its "a.m." ("at about 4 a.m."), so it is read as a clock time and
    never as a count (third new-user audit: "about 5,200 residents" against "about 4")."""
    if q.end >= len(tokens) or tokens[q.end].lower not in _MERIDIEM or q.unit is not None:
        timed = any(_CLOCK.match(tokens[k].text) for k in range(q.start, q.end))
        return replace(q, clock=True) if timed else q
    clocked = replace(
        q, text=text[tokens[q.start].start : tokens[q.end].end], end=q.end + 1, clock=True
    )
    if ":" in tokens[q.end - 1].text or q.value is None or not 0 < q.value <= 12:
        return clocked
    dotted = re.fullmatch(r"(\d{1,2})\.(\d\d)", tokens[q.end - 1].text)
    if dotted:  # "9.30pm", as British papers write 9:30 p.m.
        shift = int(dotted.group(1)) * 60 + int(dotted.group(2)) - q.value * 60
        return replace(
            clocked, value=q.value * 60 + shift, low=q.low * 60 + shift, high=q.high * 60 + shift
        )
    # a whole hour in minutes, as "11:00 p.m." reads: "11 p.m." is the same time
    return replace(clocked, value=q.value * 60, low=q.low * 60, high=q.high * 60)


_MINUS = frozenset(["minus", "negative"])


def _signed(q: Quantity, tokens: tuple[Token, ...], text: str) -> Quantity:
    """A figure below zero: "minus four degrees", "negative-4 degrees", "-28 C"."""
    k = q.start
    if q.value is None or q.year or k == 0:
        return q
    before = tokens[k - 1]
    if before.lower in _MINUS:
        if [t.lower for t in tokens[max(0, k - 3) : k - 1]] == ["plus", "or"]:
            return q  # "plus or minus 3.5 percentage points": a margin, not below zero
        start = k - 1
    elif (
        before.text == "-"
        and before.end == tokens[k].start
        and (k == 1 or tokens[k - 2].end < before.start or tokens[k - 2].lower in _MINUS)
        and tokens[k].kind == "number"
    ):
        start = k - 2 if k >= 2 and tokens[k - 2].lower in _MINUS else k - 1
    else:
        return q
    return replace(
        q,
        text=text[tokens[start].start : tokens[q.end - 1].end],
        start=start,
        low=-q.high,
        high=-q.low,
        value=-q.value,
    )


_YEAR_SPAN = re.compile(r"((?:1[89]|20)\d\d)[-–]((?:1[89]|20)?\d\d)")


def _year_spans(tokens: tuple[Token, ...]) -> list[Quantity]:
    """ "2007-09", "1998–2001": two years written as one token, each a year of its own."""
    found = []
    for k, token in enumerate(tokens):
        if token.kind != "code" or not (span := _YEAR_SPAN.fullmatch(token.text)):
            continue
        first = int(span.group(1))
        second = (
            int(span.group(2))
            if len(span.group(2)) == 4
            else first // 100 * 100 + int(span.group(2))
        )
        if second <= first:
            continue  # "2007-05" may be a month of 2007
        for year in (first, second):
            value = float(year)
            found.append(Quantity(str(year), k, k + 1, value, value, value, None, year=True))
    return found


_STREETS = frozenset(
    ["street", "st", "avenue", "ave", "road", "rd", "boulevard", "blvd", "lane", "drive", "way",
     "place", "square", "court", "terrace", "highway", "route"]
)  # fmt: skip


def _identifier(
    tokens: tuple[Token, ...], start: int, unit: lexicon.Unit | None, currency: object
) -> bool:
    if unit is not None or currency is not None:
        return False
    after = [t for t in tokens[start + 1 : start + 5] if t.text[:1].isupper()]
    if after and any(t.lower.rstrip(".") in _STREETS for t in tokens[start + 1 : start + 5]):
        return True  # "3415 Neptune Avenue"
    if start == 0:
        return False
    before = tokens[start - 1]
    return (
        before.kind == "word"
        and before.text[:1].isupper()
        and not before.text.endswith(("'s", "’s"))
        and start - 1 > 0
        and before.lower.rstrip(".") not in _MONTH_INDEX
        and before.lower not in ("the", "a", "an")
    )


def _apposed_age(tokens: tuple[Token, ...], start: int, end: int) -> bool:
    """A bare number between commas right after a name: "Harmon, 58, said"; or all a short
    sentence says of someone: "He was 89." """
    if (
        start >= 2
        and end == start + 1
        and tokens[start - 2].lower in ("he", "she")
        and tokens[start - 1].lower == "was"
        and (end == len(tokens) or tokens[end].text in ".,;")
        and tokens[start].kind == "number"
    ):
        return True
    return (
        start >= 2
        and end < len(tokens)
        and tokens[start - 1].text == ","
        and tokens[end].text in (",", ")")
        and tokens[start - 2].text[:1].isupper()
        and tokens[start].kind == "number"
        and end - start == 1
    )


_FRACTIONS = {
    ("half",): 50.0, ("a", "half"): 50.0, ("one", "half"): 50.0,
    ("a", "third"): 100 / 3, ("one", "third"): 100 / 3, ("one-third",): 100 / 3,
    ("two", "thirds"): 200 / 3, ("two-thirds",): 200 / 3,
    ("a", "quarter"): 25.0, ("one", "quarter"): 25.0, ("one-quarter",): 25.0,
    ("three", "quarters"): 75.0, ("three-quarters",): 75.0,
    ("a", "fifth"): 20.0, ("one", "fifth"): 20.0, ("a", "tenth"): 10.0,
    ("one-tenth",): 10.0, ("a", "hundredth"): 1.0,
    **{(f"{word}-tenths",): 10.0 * n for word, n in _SMALL.items() if 2 <= n <= 9},
    **{(word, "tenths"): 10.0 * n for word, n in _SMALL.items() if 2 <= n <= 9},
    ("one-fifth",): 20.0,
    **{(f"{word}-fifths",): 20.0 * n for word, n in _SMALL.items() if 2 <= n <= 4},
    **{(word, "fifths"): 20.0 * n for word, n in _SMALL.items() if 2 <= n <= 4},
}  # fmt: skip
"""Fractions of a whole, as percentages: "half of voters" agrees with "50 percent"."""
_FRACTION_LONGEST = max(len(k) for k in _FRACTIONS)
_FRACTION_STARTS = frozenset(k[0] for k in _FRACTIONS)

_MAJORITY = (50.01, 100.0)
_LARGE_MAJORITY = (60.0, 100.0)
_VAGUE_SHARES = {
    ("a", "majority"): _MAJORITY, ("the", "majority"): _MAJORITY, ("majority",): _MAJORITY,
    ("a", "large", "majority"): _LARGE_MAJORITY, ("a", "vast", "majority"): _LARGE_MAJORITY,
    ("the", "vast", "majority"): _LARGE_MAJORITY,
    ("an", "overwhelming", "majority"): _LARGE_MAJORITY,
    ("a", "minority"): (0.0, 49.99), ("a", "small", "minority"): (0.0, 30.0),
}  # fmt: skip
"""Shares written as words with no figure, as ranges of percent: "a majority of voters" is
more than half, so "nearly half" of them is not a majority."""
_VAGUE_SHARE_LONGEST = max(len(k) for k in _VAGUE_SHARES)
_VAGUE_SHARE_STARTS = frozenset(k[0] for k in _VAGUE_SHARES)


_MEASURED = frozenset(["duration", "distance", "mass", "volume", "area"])


def _unit_fractions(tokens: tuple[Token, ...], text: str) -> list[Quantity]:
    """A fraction of one unit: "a quarter of an hour" is 15 minutes, "three-quarters of a
    mile", "half an hour". Read as shares, "a quarter" was 25 percent and "45 mins" found no
    match."""
    found = []
    i = 0
    while i < len(tokens):
        match = None
        if tokens[i].lower in _FRACTION_STARTS:  # (most tokens start no fraction)
            match = next(
                (
                    (key, share)
                    for key, share in _FRACTIONS.items()
                    if tuple(t.lower for t in tokens[i : i + len(key)]) == key
                ),
                None,
            )
        if match is None:
            i += 1
            continue
        key, share = match
        j = i + len(key)
        if j < len(tokens) and tokens[j].lower == "of":
            j += 1
        unit, length = (None, 0)
        if j < len(tokens) and tokens[j].lower in ("a", "an"):
            unit, length = _unit_after(tokens, j + 1)
            scale = _SCALE_WORDS.get(tokens[j + 1].lower) if j + 1 < len(tokens) else None
            if unit is None and scale is not None and scale >= 1e3:
                # "a quarter of a million people": 250,000 of what follows
                end = j + 2
                hedge, hedge_length = _hedge_before(tokens, i)
                value = share / 100 * scale
                low, high = _interval(value, hedge, False)
                found.append(
                    Quantity(text[tokens[i - hedge_length].start : tokens[end - 1].end],
                             i - hedge_length, end, low, high, value, None, scale,
                             hedge=hedge, counted=_counted(tokens, end))
                )  # fmt: skip
                i = end
                continue
        if unit is None or not (unit.kind in _MEASURED or unit.name == "point"):
            i += 1
            continue  # a measure, or a point of a share: "half a percentage point"
        end = j + 1 + length
        hedge, hedge_length = _hedge_before(tokens, i)
        low, high = _interval(share / 100, hedge, False)
        found.append(
            Quantity(text[tokens[i - hedge_length].start : tokens[end - 1].end],
                     i - hedge_length, end, low, high, share / 100, unit, hedge=hedge)
        )  # fmt: skip
        i = end
    return found


def _small_count(token: Token) -> int | None:
    if token.lower in _SMALL:
        return _SMALL[token.lower]
    if token.lower in _TENS:
        return _TENS[token.lower]
    return int(token.text) if token.kind == "number" and token.text.isdigit() else None


def _ratio(tokens: tuple[Token, ...], i: int) -> tuple[float, int] | None:
    """ "three in five", "17 out of every 20": (the share in percent, the token after it)."""
    part = _small_count(tokens[i])
    if part is None:
        return None
    j = i + 1
    for words in (("out", "of", "every"), ("out", "of"), ("in", "every"), ("in",)):
        if tuple(t.lower for t in tokens[j : j + len(words)]) == words:
            j += len(words)
            break
    else:
        return None
    whole = _small_count(tokens[j]) if j < len(tokens) else None
    if whole is None or not 0 < part < whole <= 100:
        return None
    if words[0] == "in" and tokens[i].kind == "number" and part != 1:
        return None  # "won 3 in 2019", "2 in 5 minutes"; "1 in 10" and "three in five" are shares
    if _unit_after(tokens, j + 1)[0] is not None:
        return None
    if j + 1 < len(tokens) and (
        tokens[j + 1].lower in _SCALE_WORDS or tokens[j + 1].kind in ("number", "symbol")
    ):
        return None  # "one in 5 million", "three in 10,000" are not small shares written so
    return 100.0 * part / whole, j + 1


def _fraction_words(tokens: tuple[Token, ...], i: int) -> bool:
    """Token i opens a fraction written in words ("two-thirds", "two thirds", "one half")."""
    return tokens[i].lower in _FRACTION_STARTS and any(
        tuple(t.lower for t in tokens[i : i + len(key)]) == key for key in _FRACTIONS
    )


def _fractions(tokens: tuple[Token, ...], text: str, taken: set[int]) -> list[Quantity]:
    """ "a third of", "half the", "one in five": shares written as words."""
    percent = lexicon.units()[("percent",)]
    found = []
    i = 0
    while i < len(tokens):
        ratio = _ratio(tokens, i)
        if ratio is not None:  # "one in five", "seventeen out of every twenty"
            share, end = ratio
            hedge, hedge_length = _hedge_before(tokens, i)
            low, high = (
                (share * 0.95, share * 1.05) if hedge is None else _interval(share, hedge, False)
            )
            found.append(
                Quantity(text[tokens[i - hedge_length].start : tokens[end - 1].end],
                         i - hedge_length, end, low, high, share, percent, hedge=hedge)
            )  # fmt: skip
            i = end
            continue
        if i in taken:
            i += 1
            continue
        words = None
        for length in range(min(_FRACTION_LONGEST, len(tokens) - i), 0, -1):
            key = tuple(t.lower for t in tokens[i : i + length])
            if (
                key in _FRACTIONS
                and i + length < len(tokens)
                and (
                    tokens[i + length].lower in ("of", "the", "their", "its", "his", "her", "all")
                    # "slowed the decline by about two-fifths": a share in one word, alone
                    or (len(key) == 1 and "-" in key[0])
                )
            ):
                words = (key, length)
                break
        vague = None
        if words is None and tokens[i].lower in _VAGUE_SHARE_STARTS:
            vague = next(
                (
                    (key, length)
                    for length in range(min(_VAGUE_SHARE_LONGEST, len(tokens) - i - 1), 0, -1)
                    if (key := tuple(t.lower for t in tokens[i : i + length])) in _VAGUE_SHARES
                    and tokens[i + length].lower == "of"
                ),
                None,
            )
        if vague is not None:
            key, length = vague
            low, high = _VAGUE_SHARES[key]
            found.append(
                Quantity(text[tokens[i].start : tokens[i + length - 1].end],
                         i, i + length, low, high, None, percent)
            )  # fmt: skip
            i += length
            continue
        if words is not None:
            key, length = words
            share = _FRACTIONS[key]
            hedge, hedge_length = _hedge_before(tokens, i)
            low, high = _interval(share, hedge, True)
            found.append(
                Quantity(text[tokens[i - hedge_length].start : tokens[i + length - 1].end],
                         i - hedge_length, i + length, low, high, share, percent)
            )  # fmt: skip
            i += length
            continue
        i += 1
    return found


def _ranges(found: list[Quantity], tokens: tuple[Token, ...]) -> list[Quantity]:
    """ "between 300 and 400" is one amount, anywhere from 300 to 400."""
    out: list[Quantity] = []
    n = 0
    while n < len(found):
        first = found[n]
        joined = (
            [t.lower for t in tokens[first.end : found[n + 1].start]] if n + 1 < len(found) else []
        )
        before = tokens[first.start - 1].lower if first.start > 0 else ""
        came_from = "from" in (t.lower for t in tokens[max(0, first.start - 2) : first.start])
        if (
            n + 1 < len(found)
            and first.value is not None
            and found[n + 1].value is not None
            and not (first.year or found[n + 1].year)  # "between 2013 and 2014": two years
            and (
                (before == "between" and joined == ["and"])
                # "buried 1,500 to 3,000 years ago"; "from (number) 20 to 30" is a change or a
                # scale's two ends, each a figure of its own
                or (joined == ["to"] and not came_from and _spans(first, found[n + 1]))
            )
        ):
            second = found[n + 1]
            word = "and" if joined == ["and"] else "to"
            out.append(
                Quantity(
                    f"{first.text} {word} {second.text}", first.start - (word == "and"), second.end,
                    min(first.low, second.low), max(first.high, second.high), None,
                    second.unit or first.unit, second.scale, counted=second.counted,
                )
            )  # fmt: skip
            n += 2
            continue
        out.append(first)
        n += 1
    return out


def _spans(first: Quantity, second: Quantity) -> bool:
    """Two amounts of one kind, the second larger: the ends of a range."""
    assert first.value is not None and second.value is not None
    same = first.unit is None or second.unit is None or first.unit == second.unit
    return same and first.scale == second.scale and first.value < second.value


def _compound(found: list[Quantity], tokens: tuple[Token, ...]) -> list[Quantity]:
    """ "four minutes and 24 seconds" is one duration (264 seconds), as is "2 hours, 10
    minutes" or "6 feet 2 inches": amounts of one physical kind, the larger unit first."""
    out: list[Quantity] = []
    for q in found:
        last = out[-1] if out else None
        between = [t.lower for t in tokens[last.end : q.start]] if last else []
        if (
            last is not None
            and between in ([], ["and"], [","])
            and last.unit is not None
            and q.unit is not None
            and last.unit.kind == q.unit.kind
            and last.unit.factor
            and q.unit.factor
            and last.unit.factor > q.unit.factor
            and last.value is not None
            and q.value is not None
        ):
            total = (last.value * last.unit.factor + q.value * q.unit.factor) / q.unit.factor
            total = round(total, 9)
            written = " ".join(t.text for t in tokens[last.start : q.end]).replace(" ,", ",")
            out[-1] = Quantity(
                written, last.start, q.end,
                total, total, total, q.unit, q.scale, counted=q.counted,
            )  # fmt: skip
            continue
        out.append(q)
    return out


def _shared_units(found: tuple[Quantity, ...], tokens: tuple[Token, ...]) -> tuple[Quantity, ...]:
    """ "From 20 to 13 percent", "two to three miles": the first number takes the second's unit."""
    out = list(found)
    for n in range(len(out) - 1):
        first, second = out[n], out[n + 1]
        gap = [t.lower for t in tokens[first.end : second.start]]
        if (
            first.unit is None
            and second.unit is not None
            and gap in (["to"], ["-"], ["and"], ["or"])
        ):
            out[n] = Quantity(
                first.text, first.start, first.end, first.low, first.high, first.value,
                second.unit, first.scale, first.ordinal, first.year, second.counted,
            )  # fmt: skip
    return tuple(out)


# -- dates ----------------------------------------------------------------------------------------

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)  # fmt: skip
_MONTH_INDEX = {m: i + 1 for i, m in enumerate(MONTHS)}
_MONTH_INDEX.update({m[:3]: i + 1 for i, m in enumerate(MONTHS)} | {"sept": 9})


def month_number(word: str) -> int | None:
    """1-12 for a month's name or its abbreviation, any case ("Sept.", "february")."""
    return _MONTH_INDEX.get(word.lower().rstrip("."))


_RELATIVE = {
    "today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1,
}  # fmt: skip
_FUTURE = re.compile(
    r"\b(?:will|would|'ll|is to|are to|plans? to|planned for|slated|expected to|scheduled"
    r"|set to|due|starts|begins|opens|reopens|resumes)\b"
)


@dataclass(frozen=True)
class When:
    """A time reference in a sentence."""

    text: str
    start: int
    end: int
    weekday: int | None = None
    """0 = Monday."""
    month: int | None = None
    day: int | None = None
    year: int | None = None
    shift: int | None = None
    """Days from the article's date for "yesterday" (-1), "today" (0), "tomorrow" (1)."""
    future: bool = False
    """The sentence looks ahead ("will reopen on Monday"): a weekday means the next one."""
    period: str | None = None
    """"year" or "month" for "last year", "this month", "next year": a span, not a day."""
    periods: int = 0
    """How many of `period` from the article's date (-1 for "last", 0 "this", 1 "next")."""
    week: int = 0
    """-1 for "last Sunday", 1 for "next Sunday": a week away when the article is of that day."""
    year_before: bool = False
    """A day and month of a year an earlier sentence gives ("on July 11 of that year"): not the
    article's year, so the date cannot be resolved."""
    nearest: bool = False
    """A weekday of a plan called off ("postponed a match planned for Thursday"): the nearer
    such day, before or after the article's."""

    @property
    def _weekday_only(self) -> bool:
        return self.weekday is not None and self.month is None and self.shift is None

    def resolve(
        self, anchor: _dt.date | None, year_hint: _dt.date | None = None
    ) -> _dt.date | None:
        """The calendar date meant, given the article's date; None when it cannot be known.

        `year_hint` (the story's other articles' dates) completes a day and month of an undated
        article with its year; weekdays and "yesterday" need the article's own date.
        """
        if self.period is not None or self.year_before:
            return None
        if self.year and self.month and self.day:
            return _safe_date(self.year, self.month, self.day)
        if anchor is None and year_hint is not None and self.month and self.day:
            anchor = year_hint
        if anchor is None:
            return None
        if self.shift is not None:
            return anchor + _dt.timedelta(days=self.shift)
        if self.month and self.day:
            candidate = _safe_date(anchor.year, self.month, self.day)
            if candidate is None:
                return None
            if candidate - anchor > _dt.timedelta(days=60) and not self.future:
                candidate = _safe_date(anchor.year - 1, self.month, self.day)
            elif anchor - candidate > _dt.timedelta(days=300):
                candidate = _safe_date(anchor.year + 1, self.month, self.day)
            return candidate
        if self.weekday is not None and self.nearest:
            ahead = (self.weekday - anchor.weekday()) % 7
            return anchor + _dt.timedelta(days=ahead if ahead <= 3 else ahead - 7)
        if self.weekday is not None:
            # the article's own weekday is its own day, as the wires write "on Sunday" for
            # today, unless "last" or "next" says a week away ("The fire ignited last Sunday"
            # in Sunday's article; new-user audit)
            if self.week > 0 or (self.future and self.week == 0):
                ahead = (self.weekday - anchor.weekday()) % 7
                return anchor + _dt.timedelta(days=ahead or (7 if self.week > 0 else 0))
            delta = (anchor.weekday() - self.weekday) % 7
            return anchor - _dt.timedelta(days=delta or (7 if self.week < 0 else 0))
        return None

    def agrees(
        self, other: When, anchor: _dt.date | None, other_anchor: _dt.date | None
    ) -> bool | None:
        """True if both can be the same day, False if they cannot, None if unknowable."""
        if self.period is not None and (self.period, self.periods) == (other.period, other.periods):
            return True  # "this year" and "this year"
        if self.period is not None or other.period is not None:
            return _same_span(self.span(anchor), other.span(other_anchor))
        if self._weekday_only and other._weekday_only:
            return self.weekday == other.weekday
        if (self._weekday_only and other.weekday is not None) or (
            other._weekday_only and self.weekday is not None
        ):
            return self.weekday == other.weekday  # "on Monday" of "on Monday, Oct. 5"
        mine, theirs = self.resolve(anchor), other.resolve(other_anchor)
        if mine and theirs:
            # "Tuesday, Oct. 5" is not Monday, Oct. 5: the weekday written beside a date is
            # a claim of its own
            return (
                mine == theirs
                and self.weekday in (None, theirs.weekday())
                and other.weekday in (None, mine.weekday())
            )
        for part in ("weekday", "month", "day", "year"):
            a, b = getattr(self, part), getattr(other, part)
            if a is not None and b is not None and a != b:
                return False
        if mine and other.weekday is not None:
            return mine.weekday() == other.weekday
        if theirs and self.weekday is not None:
            return theirs.weekday() == self.weekday
        if mine and other.month is not None:
            return mine.month == other.month and (other.day is None or mine.day == other.day)
        if theirs and self.month is not None:
            return theirs.month == self.month and (self.day is None or theirs.day == self.day)
        shared = [
            p for p in ("weekday", "month", "day", "year")
            if getattr(self, p) is not None and getattr(other, p) is not None
        ]  # fmt: skip
        return True if shared else None

    def span(self, anchor: _dt.date | None) -> tuple[int | None, int | None] | None:
        """(year, month) this reference falls in, either None where it does not say; None
        when nothing of it is known. "Last year" in an article of March 2024 is (2023, None),
        "next month" (2024, 4), "in January" (None, 1)."""
        if self.period == "year":
            return (anchor.year + self.periods, None) if anchor else None
        if self.period == "month":
            if anchor is None:
                return None
            index = anchor.year * 12 + anchor.month - 1 + self.periods
            return index // 12, index % 12 + 1
        day = self.resolve(anchor)
        if day is not None:
            return day.year, day.month
        if self.month is None and self.year is None:
            return None
        return self.year, self.month


def _same_span(
    a: tuple[int | None, int | None] | None, b: tuple[int | None, int | None] | None
) -> bool | None:
    if a is None or b is None:
        return None
    shared = [(x, y) for x, y in zip(a, b, strict=True) if x is not None and y is not None]
    return all(x == y for x, y in shared) if shared else None


_PERIOD_SHIFT = {"last": -1, "this": 0, "next": 1}
_NUMERIC_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})")


def _safe_date(year: int, month: int, day: int) -> _dt.date | None:
    try:
        return _dt.date(year, month, day)
    except ValueError:
        return None


LOOK_AHEAD_REACH = 10
"""Tokens before a day within which a future marker makes it the next such day ("will be
sworn in as prime minister on Friday" has eight between)."""


_CALLED_OFF = re.compile(r"\b(?:postponed|cancell?ed|delayed|rescheduled|called off|scrapped)\b")
"""A plan already called off: "postponed about 70 surgeries scheduled for Monday and Tuesday"
in a Tuesday article tells of this Monday (third new-user audit: dated a week on), "postponed
a match planned for Thursday" in a Wednesday one of the next day (the first audit's quake)."""


def _looks_ahead(tokens: tuple[Token, ...], i: int) -> bool:
    """A future marker shortly before position i, in the same clause ("will reopen on Monday")."""
    return _future_marker(tokens, i) is not None


def _future_marker(tokens: tuple[Token, ...], i: int) -> tuple[str, re.Match[str]] | None:
    before = " ".join(t.lower for t in tokens[max(0, i - LOOK_AHEAD_REACH) : i])
    clause = before.split(",")[-1]
    marker = _FUTURE.search(clause)
    return (clause, marker) if marker else None


def _called_off(tokens: tuple[Token, ...], i: int) -> bool:
    """The day is a plan's the clause tells was called off: it may lie either side of the
    article's day, whichever is nearer."""
    found = _future_marker(tokens, i)
    return found is not None and bool(_CALLED_OFF.search(found[0][: found[1].start()]))


def _anniversary(tokens: tuple[Token, ...], i: int) -> bool:
    """ "killed two years ago on Sunday", "Sunday's anniversary", "Sunday service on the
    anniversary": the weekday is the anniversary's, and the event fell years before it; no day
    of the event to resolve."""
    before = [t.lower for t in tokens[max(0, i - 3) : i]]
    after = [t.lower for t in tokens[i + 1 : i + 6]]
    ago = len(before) == 3 and before[1:] == ["ago", "on"] and before[0] in ("year", "years")
    return ago or "anniversary" in after


def _in_a_title(tokens: tuple[Token, ...], i: int) -> bool:
    """ "Today" closing a capitalised name is no day: "USA Today reports", "Psychology
    Today"."""
    return (
        i > 0
        and tokens[i].text[:1].isupper()
        and tokens[i - 1].text[:1].isupper()
        and tokens[i - 1].kind == "word"
        and tokens[i - 1].lower not in _RELATIVE_OPENERS
    )


_SAID_ON_GAP = frozenset(["on", "late", "early", "this", "last", "reporters", "journalists"])


_PAST_FORMS = frozenset(
    ["began", "came", "went", "met", "left", "took", "made", "held", "struck", "found", "got",
     "gave", "sent", "won", "lost", "told", "broke", "ran", "hit", "saw", "flew"]
)  # fmt: skip


_PLANNING = frozenset(["scheduled", "expected", "planned", "slated", "set", "due", "intended"])


def told_as_past(facts: Facts, when: When) -> bool:
    """The sentence tells its dated event as done: a verb in the past just before the day
    ("arrived on Wednesday"), not one looked ahead to ("to arrive", "will arrive"). A source
    that only expects it that day does not state it (new-user audit)."""
    tokens = facts.tokens
    for k in range(when.start - 1, max(-1, when.start - 5), -1):
        word = tokens[k].lower
        if tokens[k].kind == "punct":
            return False
        if word in _PLANNING:
            return False  # "is scheduled for Oct. 18"
        if word in _PAST_FORMS or (len(word) > 4 and word.endswith("ed")):
            before = tokens[k - 1].lower if k > 0 else ""
            return before not in ("to", "be", "been", "will", "would", "'ll")
    return False


def said_on_day(facts: Facts, when: When) -> bool:
    """The day is when something was said, not when what was said happened: a speech verb
    stands right before it ("said Friday", "announced late on Tuesday", "told reporters on
    Monday"). The checker, the citations and the timeline all read the day said this way."""
    i = when.start - 1
    while i >= 0 and when.start - i <= 3 and facts.tokens[i].lower in _SAID_ON_GAP:
        i -= 1
    return i >= 0 and facts.tokens[i].lower in lexicon.speech_forms()


def _that_year(tokens: tuple[Token, ...], j: int) -> bool:
    """The words after a day and month give its year as one said before: "July 11 of that
    year", "that same year", "the same year"."""
    after = [t.lower for t in tokens[j : j + 4]]
    for phrase in (["of", "that", "year"], ["that", "year"], ["that", "same", "year"],
                   ["the", "same", "year"], ["of", "the", "same", "year"]):  # fmt: skip
        if after[: len(phrase)] == phrase:
            return True
    return False


def _year_before(tokens: tuple[Token, ...], start: int) -> int | None:
    """The last year written before token `start` in the sentence, if any."""
    for token in reversed(tokens[:start]):
        if _YEAR.fullmatch(token.text):
            return int(token.text)
    return None


def _named_march(tokens: tuple[Token, ...], i: int) -> bool:
    """ "March for Education", "March on Washington", "March of Dimes": a march's name, not
    the month."""
    return (
        tokens[i].lower == "march"
        and i + 2 < len(tokens)
        and tokens[i + 1].lower in ("for", "on", "of", "against", "to", "through")
        and tokens[i + 2].text[:1].isupper()
        and tokens[i + 2].lower.rstrip(".") not in _MONTH_INDEX  # "March to April"
    )


_DAY_SPAN = re.compile(r"([1-9]|[12]\d|3[01])[-–]([1-9]|[12]\d|3[01])")
"""Two days of a month written as one token ("7-23")."""
_DAY_RANGE = frozenset(["to", "through", "-", "–", "and", "or"])
"""Words joining two days of one month ("November 14 to 17", "7-23 February")."""

_RELATIVE_OPENERS = frozenset(["on", "by", "until", "from", "since", "and", "but", "so", "as"])
"""Capitalised words that may stand before a day in a headline ("Talks Resume Today")."""


def dates(tokens: tuple[Token, ...], text: str) -> tuple[When, ...]:
    found: list[When] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        future = False
        if tokens[i].text[:1].isupper() or tokens[i].lower in _RELATIVE:
            future = _looks_ahead(tokens, i) or (i > 0 and tokens[i - 1].lower == "next")
        lower = token.lower.rstrip(".")
        if lower.startswith("mid-") and lower[4:] in MONTHS:
            found.append(When(token.text, i, i + 1, month=_MONTH_INDEX[lower[4:]]))
        elif (
            lower in _PERIOD_SHIFT
            and i + 1 < len(tokens)
            and tokens[i + 1].lower in ("year", "month")
            and not (i and tokens[i - 1].kind == "number")  # "5 this year" is no date
        ):
            found.append(
                When(
                    text[token.start : tokens[i + 1].end],
                    i,
                    i + 2,
                    period=tokens[i + 1].lower,
                    periods=_PERIOD_SHIFT[lower],
                )
            )
            i += 2
            continue
        elif token.kind == "code" and (numeric := _NUMERIC_DATE.fullmatch(token.text)):
            # "9/12/2001" in the American order the English-language wires use
            month, day, year = (int(g) for g in numeric.groups())
            year += 2000 if year < 100 else 0
            if _safe_date(year, month, day):
                found.append(When(token.text, i, i + 1, None, month, day, year))
        elif (day := lower.removesuffix("'s").removesuffix("’s")) in WEEKDAYS and token.capital:
            # "Sunday's election" is dated as "the election on Sunday" is
            if not _anniversary(tokens, i):
                weekday = WEEKDAYS.index(day)
                before = tokens[i - 1].lower if i else ""
                week = -1 if before == "last" else 1 if before in ("next", "coming") else 0
                nearest = week == 0 and _called_off(tokens, i)
                found.append(
                    When(
                        token.text[: len(day)],
                        i,
                        i + 1,
                        weekday=weekday,
                        future=future and not nearest,
                        week=week,
                        nearest=nearest,
                    )
                )
        elif (
            lower in _MONTH_INDEX
            and token.capital
            and (len(lower) > 3 or lower == "may" or _dotted(tokens, i) or _number_after(tokens, i))
        ):
            if (lower == "may" and not _date_context(tokens, i)) or _named_march(tokens, i):
                i += 1
                continue
            month = _MONTH_INDEX[lower]
            j = i + 1 + (1 if _dotted(tokens, i) else 0)
            day = year = None
            if (
                j < len(tokens)
                and tokens[j].kind == "number"
                and tokens[j].text.rstrip("stndrh").isdigit()
            ):
                number = int(re.sub(r"\D", "", tokens[j].text))
                if 1 <= number <= 31:
                    day, j = number, j + 1
                elif 1800 <= number <= 2100:
                    year, j = number, j + 1
            elif j < len(tokens) and (span := _DAY_SPAN.fullmatch(tokens[j].text)):
                day, j = int(span.group(1)), j + 1  # "Feb. 7-23": its first day
            if (
                day
                and j + 1 < len(tokens)
                and tokens[j].lower in _DAY_RANGE
                and tokens[j + 1].text.isdigit()
                and int(tokens[j + 1].text) <= 31
            ):
                j += 2  # "November 14 to 17": the range is dated by its first day
            if (
                day
                and j + 1 < len(tokens)
                and tokens[j].text == ","
                and _YEAR.fullmatch(tokens[j + 1].text)
            ):
                year, j = int(tokens[j + 1].text), j + 2
            elif day and j < len(tokens) and _YEAR.fullmatch(tokens[j].text):
                year, j = int(tokens[j].text), j + 1
            start = i
            if (
                i >= 1
                and tokens[i - 1].kind == "number"
                and tokens[i - 1].text.rstrip("stndrh").isdigit()
            ):
                number = int(re.sub(r"\D", "", tokens[i - 1].text))
                if 1 <= number <= 31 and day is None:
                    day, start = number, i - 1  # "27 December"
            elif i >= 1 and day is None and (span := _DAY_SPAN.fullmatch(tokens[i - 1].text)):
                day, start = int(span.group(1)), i - 1  # "7-23 February": its first day
            elif (
                i >= 2
                and day is None
                and tokens[i - 1].lower == "of"
                and tokens[i - 2].kind == "number"
                and re.fullmatch(r"\d{1,2}(st|nd|rd|th)", tokens[i - 2].lower)
            ):
                day, start = int(re.sub(r"\D", "", tokens[i - 2].text)), i - 2  # "27th of July"
            if day is not None and start >= 2 and tokens[start - 1].lower in _DAY_RANGE:
                first = tokens[start - 2]
                number = re.sub(r"\D", "", first.text) if first.kind == "number" else ""
                if re.fullmatch(r"\d{1,2}(st|nd|rd|th)?", first.lower) and 1 <= int(number) <= 31:
                    # "7 to 23 February", "the 30th and 31st of December": dated by the first day
                    day, start = int(number), start - 2
            found.append(
                When(
                    text[tokens[start].start : tokens[j - 1].end],
                    start,
                    j,
                    None,
                    month,
                    day,
                    year,
                    future=future,
                    year_before=year is None and _that_year(tokens, j),
                )
            )
            if found[-1].year_before and (earlier := _year_before(tokens, start)):
                # "collapsed in the summer of 2023, and ... arrested on July 11 of that year"
                found[-1] = replace(found[-1], year=earlier, year_before=False)
            i = j
            continue
        elif lower in _RELATIVE and not _in_a_title(tokens, i):
            found.append(When(token.text, i, i + 1, shift=_RELATIVE[lower], future=future))
        elif (
            re.fullmatch(r"\d{4}-\d{2}-\d{2}", text[token.start : token.start + 10])
            and token.kind == "number"
        ):
            iso = text[token.start : token.start + 10]
            date = _dt.date.fromisoformat(iso) if _valid_iso(iso) else None
            if date:
                j = i
                while j < len(tokens) and tokens[j].end <= token.start + 10:
                    j += 1
                found.append(When(iso, i, j, None, date.month, date.day, date.year))
                i = j
                continue
        i += 1
    return _weekday_dated(found, tokens, text)


def _weekday_dated(found: list[When], tokens: tuple[Token, ...], text: str) -> tuple[When, ...]:
    """ "Monday, Oct. 5" is one day, the calendar's: not Oct. 5 and the Monday before the
    article (fifth new-user audit: a strike begun on Oct. 5 was put on Oct. 12)."""
    out: list[When] = []
    for when in found:
        named = out[-1] if out else None
        if (
            named is not None
            and named.weekday is not None
            and named.month is None
            and when.weekday is None
            and when.month is not None
            and when.day is not None
            and all(tokens[k].text == "," for k in range(named.end, when.start))
            and when.start - named.end <= 1
        ):
            out[-1] = replace(
                when,
                text=text[tokens[named.start].start : tokens[when.end - 1].end],
                start=named.start,
                weekday=named.weekday,
                future=named.future or when.future,
            )
        else:
            out.append(when)
    return tuple(out)


def _valid_iso(text: str) -> bool:
    try:
        _dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _number_after(tokens: tuple[Token, ...], i: int) -> bool:
    return i + 1 < len(tokens) and tokens[i + 1].kind == "number"


def _dotted(tokens: tuple[Token, ...], i: int) -> bool:
    return (
        i + 1 < len(tokens) and tokens[i + 1].text == "." and tokens[i + 1].start == tokens[i].end
    )


def _date_context(tokens: tuple[Token, ...], i: int) -> bool:
    """ "May" the month (in May, May 3, 3 May), not the verb."""
    before = tokens[i - 1].lower if i else ""
    after = tokens[i + 1] if i + 1 < len(tokens) else None
    return (
        before in ("in", "since", "until", "of", "early", "late", "mid", "last", "next", "this")
        or (after is not None and after.kind == "number")
        or (i > 0 and tokens[i - 1].kind == "number")
    )


# -- names ----------------------------------------------------------------------------------------

_LINKING_OPENERS = frozenset(
    ["but", "and", "so", "yet", "or", "also", "then", "meanwhile", "however", "plus"]
)
_DAY_WORDS = frozenset(["yesterday", "today", "tomorrow", "tonight"])

_NOT_NAMES = frozenset(
    [
        "am",
        "pm",
        "hundreds",
        "thousands",
        "dozens",
        "millions",
        "billions",
        "scores",
        "several",
        "many",
        "some",
        "most",
        "officials",
        "police",
        "residents",
        "people",
        "authorities",
    ]
)
"""Capitalised only where they open a sentence, or abbreviations that are not names."""
_CONNECTORS = frozenset(
    [
        "of",
        "de",
        "del",
        "da",
        "di",
        "du",
        "la",
        "le",
        "al",
        "bin",
        "van",
        "von",
        "der",
        "el",
        "abu",
        "ibn",
        "y",
        "and",
    ]
)
_ALIASES = {
    ("united", "states"): ("us",),
    ("united", "states", "of", "america"): ("us",),
    ("usa",): ("us",),
    ("america",): ("us",),
    ("united", "kingdom"): ("uk",),
    ("britain",): ("uk",),
    ("great", "britain"): ("uk",),
    ("united", "nations"): ("un",),
    ("european", "union"): ("eu",),
}


@dataclass(frozen=True)
class Name:
    text: str
    start: int
    end: int
    words: tuple[str, ...]
    """Folded lower-case words of the name (titles excluded)."""
    title: tuple[str, ...] = ()
    """Role words the sentence gives it, lower case ("fire chief", "governor")."""
    initial: bool = False
    """A single word opening the sentence: perhaps a name, perhaps just capitalised."""

    @property
    def surname(self) -> str:
        return self.words[-1] if self.words else ""


_ABBREVIATIONS = {
    "avenue": "ave", "street": "st", "road": "rd", "boulevard": "blvd", "mount": "mt",
    "saint": "st", "fort": "ft", "drive": "dr", "lane": "ln", "square": "sq",
}  # fmt: skip


_STATES = {
    "ala": "alabama", "ariz": "arizona", "calif": "california", "colo": "colorado",
    "conn": "connecticut", "fla": "florida", "ga": "georgia", "ill": "illinois",
    "kan": "kansas", "ky": "kentucky", "mass": "massachusetts", "mich": "michigan",
    "minn": "minnesota", "mont": "montana", "neb": "nebraska", "nev": "nevada",
    "okla": "oklahoma", "tenn": "tennessee", "vt": "vermont", "wis": "wisconsin",
    "wyo": "wyoming",
}  # fmt: skip
"""The states as the AP abbreviates them after a town ("Largo, Fla."), written out: an
abbreviation kept short would pass for an acronym ("ala" for any "A... L... A..."). Not those
that are also names, words or agencies ("La", "Miss", "Mo", "Del", "Ind", "Wash", "Pa",
"Ark", "Md", "Va")."""


_POSTAL = {
    "AK": "alaska", "AZ": "arizona", "CA": "california", "CT": "connecticut", "FL": "florida",
    "IA": "iowa", "IL": "illinois", "KS": "kansas", "KY": "kentucky", "MA": "massachusetts",
    "MI": "michigan",
    "MN": "minnesota", "MT": "montana", "NV": "nevada", "TN": "tennessee", "TX": "texas",
    "UT": "utah", "VT": "vermont", "WA": "washington", "WI": "wisconsin", "WY": "wyoming",
}  # fmt: skip
"""Postal codes of one-word states ("Irvine, CA"), in capitals only; not those that are words
or other things ("IN", "OR", "ME", "OK", "LA", "MD", "VA", "PA", "CO", "AL", "MS", "GA"),
nor two-word states."""


def fold_name_word(word: str) -> str:
    """A word of a name as names are compared: folded, lower case, without dots, with the
    usual abbreviations written one way ("Avenue"/"Ave.", "Fla."/"Florida", "CA")."""
    if word in _POSTAL:
        return _POSTAL[word]
    folded = fold(word).lower().replace(".", "").rstrip("'")
    folded = _ABBREVIATIONS.get(folded, folded)
    return _STATES.get(folded, folded) if word[:1].isupper() else folded


def _canonical_words(words: tuple[str, ...]) -> tuple[str, ...]:
    """Aliases replaced, also inside longer names ("United States National Archives")."""
    if words in _ALIASES:
        return _ALIASES[words]
    out = list(words)
    for alias, short in sorted(_ALIASES.items(), key=lambda kv: -len(kv[0])):
        n = len(alias)
        if n < 2:
            continue
        for i in range(len(out) - n + 1):
            if tuple(out[i : i + n]) == alias:
                out[i : i + n] = list(short)
                break
    return tuple(out)


_NAME_HEADS = frozenset(
    ["university", "college", "institute", "hospital", "school", "academy", "foundation",
     "center", "centre", "museum", "library", "county", "avenue", "island", "islands",
     "company", "corporation", "society", "stadium", "airport", "river", "prize", "award",
     "medal", "committee", "party", "convention", "caucus", "association", "council"]
)  # fmt: skip
"""Words that end an institution's or a place's name: a title before one is part of the name
("James Cook University", "Cook County", "Marshall Islands"), not a role. Not words that are
also surnames ("Judge Park", "Officer Hall")."""


def names(tokens: tuple[Token, ...], text: str) -> tuple[Name, ...]:
    """Capitalised spans, split at possessives and titles, with the titles kept as roles."""
    role_table = lexicon.roles()
    longest_role = lexicon.longest(role_table)
    found: list[Name] = []
    i = 0
    sentence_start = True
    pending_title: tuple[str, ...] = ()
    portfolio: tuple[str, ...] = ()
    while i < len(tokens):
        token = tokens[i]
        if token.kind == "punct":
            # after a colon a capital may open a new sentence ("In other coverage: Sources
            # tell NBC News ..."), as at the start
            sentence_start = sentence_start or (token.text in '.!?:;"“(' and i == 0)
            sentence_start = sentence_start or token.text in ":;"
            if token.text in ".!?;:":
                pending_title = ()
            i += 1
            continue
        if token.lower in _COURTESY and i + 1 < len(tokens):
            after = i + 2 if tokens[i + 1].text == "." else i + 1
            if after < len(tokens) and _name_like(tokens[after]):
                i, sentence_start = after, False  # "Mr Rawlins" is Rawlins, as "Jarrod Rawlins"
                continue
        role, length = _match_role(tokens, i, role_table, longest_role)
        if role and _name_follows(tokens, i + length) and not _institution(tokens, i + length):
            pending_title = (*portfolio, *role) if role in _PORTFOLIO_ROLES else role
            portfolio = ()
            i += length
            continue
        portfolio = ()
        if not _name_like(token) or _figure_suffix(tokens, i) or _dated_month(tokens, i):
            if token.kind == "word" and token.lower not in ("'s", "’s"):
                pending_title = pending_title if token.lower in ("the", "of") else ()
            i += 1
            sentence_start = False
            continue
        j = i
        while j < len(tokens) and (
            (_name_like(tokens[j]) and not _dated_month(tokens, j))
            or (
                tokens[j].text == "."  # "Michael V. Walter", "Mari St. Martin"
                and j > i
                and (
                    (len(tokens[j - 1].text) == 1 and tokens[j - 1].text.isupper())
                    or tokens[j - 1].text == "St"
                )
                and tokens[j].start == tokens[j - 1].end
                and j + 1 < len(tokens)
                and _name_like(tokens[j + 1])
            )
            or (
                tokens[j].lower in _CONNECTORS
                and j + 1 < len(tokens)
                and _name_like(tokens[j + 1])
                and tokens[j].lower != "and"
            )
            or (
                tokens[j].text == "-"
                and j + 1 < len(tokens)
                and _name_like(tokens[j + 1])
                and tokens[j].start == tokens[j - 1].end
            )
        ):
            if j > i and _possessive(tokens[j - 1]):
                break
            role, length = _match_role(tokens, j, role_table, longest_role)
            if (
                j > i
                and role
                and _name_follows(tokens, j + length)
                and not _institution(tokens, j + length)
            ):
                break  # "Fire Chief Reyes"; not "James Cook University", "Cook County"
            j += 1
        if j > i + 1 and tokens[i].lower in _DAY_WORDS and tokens[i + 1].lower != "show":
            i += 1  # "Yesterday Josh checked himself in": the day opens the sentence, not the name
        elif j > i + 1 and sentence_start and tokens[i].lower in _LINKING_OPENERS:
            i += 1  # "But DOB said ...": the sentence's link, not the name's first word
        elif (
            j > i + 1
            and sentence_start
            and tokens[i].lower in lexicon.function_words()
            and tokens[i].lower != "the"
        ):
            # "In Thursday's manifesto", "On CBS's show": a preposition, capitalised; what
            # follows it is capitalised for its own sake
            i, sentence_start = i + 1, False
        elif (
            j > i + 1
            and "-" in tokens[i].text
            and tokens[i].lower.split("-")[0] in _SMALL.keys() | _TENS.keys()
        ):
            i += 1  # "Six-week-old Areej Ali": an age opening the sentence, not a name
        span = tokens[i:j]
        words = _name_words(span)
        initial = sentence_start and len(span) == 1 and span[0].kind == "word"
        if words and (
            (
                initial
                and (
                    words[0] in _NOT_NAMES
                    or words[0] in _SMALL
                    or words[0] in _TENS
                    or words[0] in _HEDGE_WORDS
                    or span[0].lower.endswith(("ing", "ed", "ly"))
                    or "-" in span[0].text
                )
            )
            or words[0] in ("celsius", "fahrenheit")
            or (
                all(w in lexicon.function_words() for w in words)
                and not any(
                    t.kind == "acronym" or (len(t.text) > 1 and t.text.isupper()) for t in span
                )
            )
        ):
            words = ()
        if (
            j < len(tokens)
            and len(span) == 1
            and _match_role(tokens, j, role_table, longest_role)[0] in _PORTFOLIO_ROLES
            and words
            and words[0] not in lexicon.demonyms()
            and words[0] not in lexicon.function_words()
            and words[0] not in _APPOSITION_OPENERS
            and words[0] not in _RELATIVE  # "Today Secretary Geithner will be in Manhattan"
            and not span[0].text.isupper()  # "NYPD Commissioner": whose, not which office
        ):
            portfolio = words  # "Labour Minister Grace Adeyemi": the office, not a name
            sentence_start = False
            i = j
            continue
        if words and not all(w in _MONTH_INDEX or w in WEEKDAYS for w in words):
            found.append(
                Name(
                    text[span[0].start : span[-1].end].removesuffix("'s").removesuffix("’s"),
                    i,
                    j,
                    _canonical_words(words),
                    pending_title,
                    initial,
                )
            )
        pending_title = ()
        sentence_start = False
        i = j
    return tuple(_appositive_titles(found, tokens))


def _millions_by_m(tokens: tuple[Token, ...]) -> bool:
    """Whether the sentence writes a count of millions with an "m" ("52m subscribers"): a
    larger figure with an "m" beside it is millions too, not metres."""
    for k in range(len(tokens) - 1):
        token, nxt = tokens[k], tokens[k + 1]
        if token.kind != "number" or nxt.lower != "m" or nxt.start != token.end:
            continue
        parsed = _parse_digits(token.text)
        if parsed is not None and parsed[0] < 100 and not (k > 0 and tokens[k - 1].text in "$£€"):
            return True
    return False


def _figure_suffix(tokens: tuple[Token, ...], i: int) -> bool:
    """ "K" in "$256K", "M" in "$3M": the scale of the figure before, not a name."""
    return (
        i > 0
        and tokens[i].lower in _SUFFIXES
        and tokens[i - 1].kind == "number"
        and tokens[i - 1].end == tokens[i].start
    )


def _dated_month(tokens: tuple[Token, ...], i: int) -> bool:
    """ "Apr." or "Apr 5": a month however short, not a name."""
    return tokens[i].lower in _MONTH_INDEX and (_dotted(tokens, i) or _number_after(tokens, i))


_COURTESY = frozenset(["mr", "mrs", "ms", "mx"])
"""Courtesy titles, part of no name: "Mr Rawlins" and "Mr. Rawlins" are the Rawlins the
sources call "curator Jarrod Rawlins" ("Miss" is left: "Miss America")."""


def _name_words(span: tuple[Token, ...]) -> tuple[str, ...]:
    """Folded words of a name: "the" and hyphen pieces such as "al-" or "-to-" dropped, so
    "al-Assad" is "assad" and "Kuala Lumpur-to-Beijing" is kuala, lumpur, beijing."""
    words: list[str] = []
    for token in span:
        if token.text in ("-", "."):
            continue
        text = token.text.removesuffix("'s").removesuffix("’s")
        pieces = text.split("-")
        folded = fold_name_word(text).split("-")
        for k, part in enumerate(folded):
            if k and k < len(pieces) and _describing(pieces[k]):
                continue  # "Duke-led", "Florida-based": the name is Duke, Florida
            if (
                part
                and part not in ("al", "el", "to", "ul", "ad", "as", "an")
                and (words or part != "the")
            ):
                words.append(part)
    return tuple(words)


_DESCRIBING = frozenset(["based", "born", "area", "made", "led", "run", "style", "era", "like"])


def _describing(piece: str) -> bool:
    """A lower-case word hyphened to a name that describes by it ("-led", "-based",
    "-backed"), unlike a name's own lower-case piece ("Jong-un")."""
    return piece.islower() and (piece in _DESCRIBING or (len(piece) > 4 and piece.endswith("ed")))


def _possessive(token: Token) -> bool:
    return token.text.endswith(("'s", "’s"))


_NAME_PREFIX = re.compile(r"^(?:al|el|bin|ibn|abu|de|van|von)-[A-Z]")


def _name_like(token: Token) -> bool:
    if token.kind == "acronym":
        return True
    if token.kind != "word" or not (token.text[:1].isupper() or _NAME_PREFIX.match(token.text)):
        return False
    lower = token.lower.rstrip(".")
    return (
        lower not in WEEKDAYS
        and not (lower in _MONTH_INDEX and len(lower) > 3)
        and token.text != "I"
        and not _FIRST_PERSON.match(token.text)  # "Hi, I'm Tiger": "I'm" names nobody
    )


_FIRST_PERSON = re.compile(r"I['’](?:m|ll|d|ve)$")


def _institution(tokens: tuple[Token, ...], i: int) -> bool:
    """The capitalised words from i end in an institution's head within three words: "Cook
    County", "Republican National Committee" (a party's committee, not a Republican named
    National Committee)."""
    for token in tokens[i : i + 3]:
        if token.lower in _NAME_HEADS:
            return True
        if not token.text[:1].isupper():
            return False
    return False


def _name_follows(tokens: tuple[Token, ...], i: int) -> bool:
    return i < len(tokens) and _name_like(tokens[i]) and tokens[i].lower not in lexicon.role_words()


_PORTFOLIO_ROLES = frozenset([("minister",), ("secretary",), ("commissioner",)])
"""Offices a capitalised word before them narrows to a portfolio: a Labour Minister is not the
Health Minister, a Fire Commissioner not the Police Commissioner."""

RANKS = lexicon.RANKS


def _match_role(
    tokens: tuple[Token, ...], i: int, table: dict[tuple[str, ...], int], longest: int
) -> tuple[tuple[str, ...], int]:
    if tokens[i].lower in RANKS and i + 1 < len(tokens):
        # the role at once ("Deputy Attorney General") or after up to two capitalised words
        # naming whose it is ("deputy White House press secretary")
        for skip in range(3):
            if i + 1 + skip >= len(tokens) or (skip and not tokens[i + skip].capital):
                break
            role, length = _match_role(tokens, i + 1 + skip, table, longest)
            if role and (tokens[i].lower, *role) not in table:
                return (tokens[i].lower, *role), length + 1 + skip  # "deputy press secretary"
    first = tokens[i].lower
    for prefix in _TIME_PREFIXES:  # "Then-Secretary of State Jack Lew": the office he held
        if first.startswith(prefix) and len(first) > len(prefix):
            first = first[len(prefix) :]
    starts = _starts(table)
    if first not in starts:
        if i + 1 < len(tokens) and tokens[i + 1].text == "." and (first + ".",) in table:
            return (first + ".",), 2  # "Gen." tokenised as "Gen" "."
        return (), 0
    for length in range(min(longest, len(tokens) - i), 0, -1):
        words = (first, *(t.lower for t in tokens[i + 1 : i + length]))
        if words in table:
            return words, length
    return (), 0


_TIME_PREFIXES = ("then-", "ex-", "former-")


_APPOSITION_OPENERS = frozenset(
    ["the", "a", "an", "former", "then", "now", "his", "her", "their", "its", "our", "acting",
     "interim", "deputy", "chief", "senior", "longtime", "veteran", "professional", "retired"]
)  # fmt: skip


_COPULAS = frozenset(["is", "was", "became", "becomes", "remains", "remained"])
_CLAUSE_FILLERS = frozenset(["also", "currently", "once", "still", "later", "at", "time", "of"])
"""Words that may stand between "who was" and the role it gives: "who was at the time the ..."."""


_PARTY_TAG = re.compile(r"[RDI]-[A-Z]")
"""A lawmaker's party and state ("R-Texas", "D-Calif."): no one a role is given to."""


def _appositive_titles(found: list[Name], tokens: tuple[Token, ...]) -> list[Name]:
    """ "Ana Ruiz, the governor of X," and "Ruiz, 52, a lawyer": the role after the comma."""
    role_table = lexicon.roles()
    longest = lexicon.longest(role_table)
    out = []
    for name in found:
        title = name.title
        j = name.end
        if (
            not title
            and not _PARTY_TAG.match(name.text)  # "Rep. Mike McCaul, R-Texas, the chairman"
            and j + 1 < len(tokens)
            and tokens[j].text == ","
            and (
                tokens[j + 1].lower in _APPOSITION_OPENERS
                or tokens[j + 1].lower in lexicon.role_words()
                or tokens[j + 1].capital  # "William Scott, LAPD deputy chief"
            )
        ):
            k = j + 1
            # after a capitalised word the role must come at once: "Ruiz, Texas, said" has none
            limit = min(len(tokens), k + (3 if tokens[k].capital else 8))
            while (
                k < limit
                and tokens[k].text not in ",;.()"
                and tokens[k].lower not in ("and", "who", "which", "but")
            ):
                role, length = _match_role(tokens, k, role_table, longest)
                if role:
                    after = k + length
                    speaks = after < len(tokens) and tokens[after].lower in lexicon.speech_forms()
                    # "Ford, Pleasant Hill Mayor Tim Flaherty": Flaherty's; "In an interview
                    # with the BBC, the Facebook founder said": the founder is the speaker
                    if not _name_follows(tokens, after) and not speaks:
                        title = role
                    break
                k += 1
        if not title:
            title = _predicated_role(tokens, j, role_table, longest)
        if (
            not title
            and name.start >= 2
            and tokens[name.start - 1].text == ","
            and (name.end >= len(tokens) or tokens[name.end].text in ",.")
        ):  # "A Sandoval spokesman, Mari St. Martin, said": the role before the comma
            first = name.start - 1
            while first > max(0, name.start - 7) and tokens[first - 1].text not in ',;.()"“”':
                first -= 1
            for k in range(first, name.start - 1):
                role, length = _match_role(tokens, k, role_table, longest)
                if role and k + length == name.start - 1:
                    title = role
                    break
        out.append(
            Name(name.text, name.start, name.end, name.words, title, name.initial)
            if title != name.title
            else name
        )
    return out


def _predicated_role(
    tokens: tuple[Token, ...], j: int, table: dict[tuple[str, ...], int], longest: int
) -> tuple[str, ...]:
    """The role a clause right after a name gives it: "Whitaker, who was then Sessions's chief
    of staff", "Ruiz has been governor since 2019"; not "who was appointed by the governor"."""
    k = j
    if k + 1 < len(tokens) and tokens[k].text == "," and tokens[k + 1].lower == "who":
        k += 2
    elif k >= len(tokens) or tokens[k].kind != "word":
        return ()
    if k + 1 < len(tokens) and tokens[k].lower in ("has", "had") and tokens[k + 1].lower == "been":
        k += 2
    elif k < len(tokens) and tokens[k].lower in _COPULAS:
        k += 1
    else:
        return ()
    limit = min(len(tokens), k + 6)
    while k < limit and tokens[k].text not in ',;.()"“”' and tokens[k].lower != "and":
        role, length = _match_role(tokens, k, table, longest)
        if role:
            return () if _name_follows(tokens, k + length) else role
        if tokens[k].kind == "word" and not (
            tokens[k].lower in _APPOSITION_OPENERS
            or tokens[k].lower in _CLAUSE_FILLERS
            or tokens[k].capital
            or _possessive(tokens[k])
        ):
            return ()  # "who was appointed by the governor": the role is someone else's
        k += 1
    return ()


def same_name(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Whether two names can refer to one entity: every word of the shorter in the longer
    (a surname alone matches the full name), allowing spelling variants (Qasem/Qassem) and
    nationality adjectives for their country (American = US, Syrian = Syria)."""
    if not a or not b:
        return False
    demonyms = lexicon.demonyms()
    for x, y in ((a, b), (b, a)):
        places = demonyms.get(" ".join(x))
        if places and (" ".join(y) in places or " ".join(_canonical_words(y)) in places):
            return True

    if "".join(a) == "".join(b):
        return True  # one name written as one word or two ("Hyannisport", "Hyannis Port")
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    if (
        len(short) == 1
        and len(long) > 1
        and short[0] == "".join(w[0] for w in long if w not in _CONNECTORS)
    ):
        return True  # an acronym of the full name
    return all(any(_spelling_variant(w, v) for v in long) for w in short if w not in _CONNECTORS)


def _spelling_variant(a: str, b: str) -> bool:
    if a == b:
        return True
    if min(len(a), len(b)) < 5 or abs(len(a) - len(b)) > 2:
        return False
    distance = _edit_distance(a, b)
    # two changes only in a long name, and not at its head: "Zelenskiy" for "Zelensky", but
    # not "Cernovich" for "Peinovich"
    return distance <= 1 or (distance == 2 and min(len(a), len(b)) >= 8 and a[0] == b[0])


@lru_cache(maxsize=50_000)
def _edit_distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


# -- attribution ----------------------------------------------------------------------------------

_PRONOUNS = frozenset(["he", "she", "they", "it", "we", "i", "you"])
_CLAUSE_WORDS = frozenset(
    ["that", "and", "but", "who", "which", "because", "as", "when", "while", "if", "what", "how",
     # "Two days after Trump told reporters ...": the speaker is Trump
     "after", "before", "since", "until", "unless", "although", "though", "whether", "where"]
)  # fmt: skip
_SPEAKER_STOPS = frozenset([",", ";", ":", ".", "(", ")", '"', "“", "”", "'"])


@dataclass(frozen=True)
class Attribution:
    """Who a sentence says said something: token span of the speaker and of the verb."""

    speaker: str
    speaker_start: int
    speaker_end: int
    verb: int
    names: tuple[tuple[str, ...], ...]
    """Folded words of the names in the speaker span."""
    roles: tuple[str, ...]
    """Keys of the other content words of the speaker ("official", "hospital")."""
    pronoun: bool = False
    guessed: bool = False
    """A pronoun's speaker taken to be the last person named before it: a guess, which the
    sources' own naming of another speaker outweighs."""


def attributions(
    tokens: tuple[Token, ...], text: str, found_names: tuple[Name, ...]
) -> tuple[Attribution, ...]:
    verbs = lexicon.speech_forms()
    participles = lexicon.speech_participles()
    stops = lexicon.function_words()
    out: list[Attribution] = []
    for i, token in enumerate(tokens):
        if token.kind != "word" or not token.text[:1].islower():
            continue
        if token.lower == "according" and i + 1 < len(tokens) and tokens[i + 1].lower == "to":
            start, end = i + 2, i + 2
            while end < len(tokens) and tokens[end].text not in _SPEAKER_STOPS and end - start < 8:
                end += 1
        elif _names_something(tokens, i):
            continue  # "a group called Crimson Vessel": a name given, not words said
        elif token.lower in verbs or (
            token.lower in participles and i > 0 and tokens[i - 1].text == ","
        ):
            participle = token.lower in participles
            end = i
            start = i
            while (
                start > 0
                and tokens[start - 1].text not in _SPEAKER_STOPS
                and i - start < 7
                and tokens[start - 1].lower not in _CLAUSE_WORDS
                and tokens[start - 1].lower not in verbs
            ):
                start -= 1
            straddled = [n for n in found_names if n.start < start < n.end]
            if straddled:  # "Kassie Siegel of the Center for Biological Diversity said"
                start = straddled[0].start
            if start < i - 1 and tokens[i - 1].lower in _PRONOUNS:
                start = i - 1  # "threw a drink on a guest she called ...": the speaker is she
            opening = [
                n
                for n in found_names
                if n.start == 0 and n.end == start - 1 and len(n.words) >= 2 and start < i
            ]
            named_last = any(n.end == i and len(n.words) >= 2 for n in found_names)
            if opening and tokens[start - 1].text == "," and not named_last:
                # "Todd Harper, Cancer Council Victoria's CEO said"; not "Paraphrasing Gerald
                # Ford, Councilman Jack Weir said", whose speaker is named before the verb
                start = 0
            if i > 0 and tokens[i - 1].lower in _BE_WORDS:
                continue  # "was announced", "were told": not someone speaking
            if (
                token.lower.startswith("add")
                and i + 1 < len(tokens)
                and tokens[i + 1].kind == "number"
            ):
                continue  # "Bosh added 24": a score, not words
            if start < i and not _speaker_end(tokens[i - 1], found_names, i - 1):
                start = i
            if (
                start == i
                and i > 0
                and tokens[i - 1].text == ","
                and not _speaker_follows(tokens, i, found_names)
            ):
                # "X, the lawyer who ..., said": the subject opens the clause before the comma,
                # in this sentence (cite reads a sentence joined to the next)
                opens = max((k + 1 for k in range(i) if _sentence_end(tokens, k)), default=0)
                before = [n for n in found_names if opens <= n.start and n.end < i]
                people = [n for n in before if len(n.words) >= 2 or n.title]
                before = people or before
                if before and not _quote_between(tokens, before[0].end, i):
                    subject = before[0]
                    for name in before[1:]:  # "Ball State's Alex Montoye": the owner's man
                        if subject.end <= name.start <= subject.end + 1 and any(
                            _possessive(t) for t in tokens[subject.end - 1 : name.start]
                        ):
                            subject = name
                        elif _qualifier(subject, [name], tokens):
                            subject = name  # "Santa Clara County Public Defender Molly O'Neal"
                    start, end = subject.start, subject.end
                    while not participle and end < i and tokens[end].text != ",":
                        end += 1  # "Hobart Lord Mayor Ron Christie, the only ..., said"
            if start == i and token.lower in ("told", "tell", "tells"):
                continue  # after "told" comes who was told, not who spoke
            if start == i and participle:
                continue  # ", saying ..." with no name before: nobody we can point to
            if start == i and (i == 0 or tokens[i - 1].kind != "punct"):
                continue  # "would get him branded heartless": no speaker after the verb
            if start == i:  # inverted: '..., said the spokesman.' / '"...," said Reyes'
                start = end = i + 1
                while (
                    end < len(tokens)
                    and (tokens[end].text not in _SPEAKER_STOPS or _title_dot(tokens, end))
                    and end - start < 6
                    and tokens[end].lower not in _CLAUSE_WORDS
                    and tokens[end].lower not in ("on", "in", "at", "to", "after", "before", "of")
                ):
                    end += 1
                across = [n for n in found_names if start <= n.start < end < n.end]
                if across:
                    end = across[0].end  # '"...," said Tobias Grant of Merriweather & Co.'
                closes = (
                    end >= len(tokens)
                    or tokens[end].text in _SPEAKER_STOPS
                    # "says writer Jason Aaron in Marvel's press release": a person named
                    # in full, then where they said it
                    or any(
                        n.end == end and n.start >= start and len(n.words) >= 2 for n in found_names
                    )
                )
                if not closes or end == start:
                    continue
                named = [n for n in found_names if n.start == end + 1]
                if (
                    end < len(tokens)
                    and tokens[end].text == ","
                    and named
                    and len(named[0].words) >= 2
                    and (named[0].end >= len(tokens) or tokens[named[0].end].text in ".,;")
                ):
                    end = named[0].end  # "said Carmat's CEO, Marcello Conviti."
        else:
            continue
        span = tokens[start:end]
        words = [t for t in span if t.kind in ("word", "acronym")]
        if not words:
            continue
        in_span = [n for n in found_names if n.start >= start and n.end <= end]
        speaker_names = tuple(n.words for n in in_span if not _qualifier(n, in_span, tokens))
        roles = tuple(t.key for t in words if t.lower not in stops and not _name_like(t))
        pronoun = len(words) == 1 and words[0].lower in _PRONOUNS
        out.append(
            Attribution(
                text[span[0].start : span[-1].end], start, end, i, speaker_names, roles, pronoun
            )
        )
    return tuple(out)


def _names_something(tokens: tuple[Token, ...], i: int) -> bool:
    """ "called" between a common noun and a name: what something is called."""
    return (
        tokens[i].lower in ("called", "named", "dubbed")
        and 0 < i < len(tokens) - 1
        and tokens[i - 1].kind == "word"
        and tokens[i - 1].text[:1].islower()
        and tokens[i - 1].lower not in _PRONOUNS
        and tokens[i + 1].text[:1].isupper()
    )


_BE_WORDS = frozenset(["was", "were", "is", "are", "be", "been", "being"])
_SENTENCE_ENDS = frozenset([".", "!", "?"])


def _sentence_end(tokens: tuple[Token, ...], k: int) -> bool:
    """Token k ends a sentence: a full stop before a capital, not that of "Sen." or "J."."""
    return (
        tokens[k].text in _SENTENCE_ENDS
        and k > 0
        and len(tokens[k - 1].text) > 1
        and not _title_dot(tokens, k)
        and k + 1 < len(tokens)
        and tokens[k + 1].capital
    )


def _qualifier(name: Name, names: Sequence[Name], tokens: tuple[Token, ...]) -> bool:
    """A place or body that only says whose the next person's title is: "Pleasant Hill" in
    "Pleasant Hill Councilman Jack Weir said" is not a second speaker."""
    for other in names:
        gap = tokens[name.end : other.start]
        if (
            other.title
            and 0 < len(gap) <= len(other.title) + 1
            and all(t.kind == "word" and t.lower not in ("and", "or") for t in gap)
        ):
            return True
    return False


def _speaker_follows(tokens: tuple[Token, ...], verb: int, found_names: tuple[Name, ...]) -> bool:
    """ "..., said Dr. Claude Doumet-Serhal": the speaker comes after the verb."""
    after = verb + 1
    if after >= len(tokens):
        return False
    return tokens[after].lower in HONORIFICS or any(
        n.start in (after, after + 1) for n in found_names
    )


def _title_dot(tokens: tuple[Token, ...], i: int) -> bool:
    """The full stop of "Dr." or "Sen.": part of a speaker's name, not its end."""
    return tokens[i].text == "." and i > 0 and tokens[i - 1].lower in HONORIFICS


def _speaker_end(token: Token, found_names: tuple[Name, ...], index: int) -> bool:
    """Can this word end a speaker ("Reyes", "officials", "she", "the company")?"""
    if any(n.start <= index < n.end for n in found_names) or token.kind == "acronym":
        return True
    return token.lower in _PRONOUNS or token.key in lexicon.speaker_keys()


def _quote_between(tokens: tuple[Token, ...], start: int, end: int) -> bool:
    return any(t.text in ('"', "“", "”") for t in tokens[start:end])


# -- the whole sentence ---------------------------------------------------------------------------


_NEGATING_VERBS = frozenset(
    [
        "yet",
        "refuse",
        "refused",
        "refuses",
        "refusing",
        "decline",
        "declined",
        "declines",
        "fail",
        "failed",
        "fails",
        "failing",
        "failure",
        "failures",
        "unable",
        "inability",
    ]
)
"""Words that negate the verb after "to": "declined to comment", "has yet to approve", "her
failure to produce minutes"."""


@dataclass(frozen=True)
class Facts:
    """Everything the fact layer reads off one sentence."""

    text: str
    tokens: tuple[Token, ...]
    quantities: tuple[Quantity, ...]
    dates: tuple[When, ...]
    names: tuple[Name, ...]
    attributions: tuple[Attribution, ...]
    negations: tuple[int, ...]
    """Token indices of negation cues ("not", "n't", "never", "no", "without")."""
    content: tuple[int, ...]
    """Token indices of content words (not stop words, not numbers or punctuation)."""

    @property
    def keys(self) -> frozenset[str]:
        return frozenset(self.tokens[i].key for i in self.content)

    def numbers(self) -> tuple[Quantity, ...]:
        """Amounts, not years or ordinals."""
        return tuple(q for q in self.quantities if not q.year and not q.ordinal)


_NOTHING_TO_DO = ["nothing", "to", "do"]


def _not_negating(tokens: tuple[Token, ...], i: int) -> bool:
    """ "no other" (only), "vote no", "a 'no'": the word "no" that negates nothing; "not
    only" and "not just", which add to what they say ("Not only did Dunaway read off La La
    Land ...")."""
    if tokens[i].lower == "not":
        return i + 1 < len(tokens) and tokens[i + 1].lower in ("only", "just", "merely")
    if tokens[i].lower != "no":
        return False
    after = tokens[i + 1].lower if i + 1 < len(tokens) else ""
    before = tokens[i - 1].lower if i else ""
    return after == "other" or before in ("vote", "votes", "voted", "voting", "a")


@lru_cache(maxsize=20_000)
def analyse(text: str) -> Facts:
    tokens = tokenize(text)
    stops = lexicon.function_words()
    found_names = names(tokens, text)
    negation_words = lexicon.negations()
    negations = tuple(
        i
        for i, t in enumerate(tokens)
        if (t.lower in negation_words and not _not_negating(tokens, i))
        or t.lower.endswith(("n't", "n’t"))
        or (
            t.lower in _NEGATING_VERBS
            and i + 1 < len(tokens)
            and tokens[i + 1].lower == "to"
            and (
                t.lower != "yet"
                or (i > 0 and tokens[i - 1].lower in ("has", "have", "is", "are", "was", "were"))
            )
        )
        or (t.lower == "longer" and i > 0 and tokens[i - 1].lower == "no")
        # "have ruled out governing with the People's Front" (fourth new-user audit)
        or (
            t.lower == "out"
            and i > 0
            and tokens[i - 1].lower in ("rule", "rules", "ruled", "ruling")
        )
        or (t.lower == "than" and i > 0 and tokens[i - 1].lower == "rather")
        or (t.lower == "of" and i > 0 and tokens[i - 1].lower == "instead")
        # "had nothing to do with gangs": no part in them
        or (t.lower == "with" and [x.lower for x in tokens[max(0, i - 3) : i]] == _NOTHING_TO_DO)
    )
    found_dates = dates(tokens, text)
    in_date = {i for d in found_dates for i in range(d.start, d.end)}
    found_quantities = tuple(
        q for q in quantities(tokens, text) if not any(i in in_date for i in range(q.start, q.end))
    )
    in_quantity = {i for q in found_quantities for i in range(q.start, q.end)}
    content = tuple(
        i
        for i, t in enumerate(tokens)
        if t.kind == "word"
        and t.lower not in stops
        and i not in in_quantity
        and t.lower not in negation_words
        and len(t.lower) > 1
    )
    return Facts(
        text,
        tokens,
        found_quantities,
        found_dates,
        found_names,
        attributions(tokens, text, found_names),
        negations,
        content,
    )
