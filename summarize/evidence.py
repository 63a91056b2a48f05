"""Where a claim's evidence is: the sources indexed once, the claim read into facts, and the
one to three source sentences that state the most of it.

The checker compares facts only once it knows which sentences to compare them with; a sentence
fusing two reports is supported by two sentences, but a name or number borrowed from an
unrelated sentence is not laundered in (`evidence_for`).
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property

from . import lexicon
from .facts import Facts, Name, Quantity, Token, analyse, fold, precision, same_name
from .schema import Article, Sentence
from .sentences import split_sentences


def plain_words(text: str) -> list[str]:
    """Words as someone said them: folded, lower case, punctuation and quotation marks
    dropped, apostrophes kept ("let's")."""
    return re.findall(r"[a-z0-9]+(?:'[a-z]+)?", fold(text).lower().replace("’", "'"))


def triples(words: Sequence[str]) -> frozenset[tuple[str, str, str]]:
    """Runs of three words: how much of a quotation a text holds, in the order said."""
    return frozenset(zip(words, words[1:], words[2:], strict=False))


QUOTE_MARKS = frozenset('"“”')
QUOTED_SPAN = re.compile(r"[\"“]([^\"“”]+)[\"”]")
"""A quotation in a sentence, its words as group 1."""


def holds_quotes(text: str, other: str) -> bool:
    """Every quotation of `text` is in `other`, all but a word or two of it (outlets transcribe
    "It'd be" and "It would be"): quoted words are someone's, and a sentence without them does
    not state them ("said the ruling was 'deeply flawed'" is not stated by "said the company
    would appeal")."""
    theirs = set(plain_words(other))
    for match in QUOTED_SPAN.finditer(text):
        words = plain_words(match.group(1))
        if words and sum(w in theirs for w in words) / len(words) < QUOTE_HELD:
            return False
    return True


QUOTE_HELD = 0.8
"""Share of a quotation's words a sentence must hold to state it."""


# -- the sources, indexed once --------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class Entry:
    """One source sentence with its facts and its article's date."""

    sentence: Sentence
    facts: Facts
    anchor: _dt.date | None
    position: int

    @cached_property
    def keys(self) -> frozenset[str]:
        return self.facts.keys


_TALLY = re.compile(r"\b(\d{1,3}(?:,\d{3})*) to (\d{1,3}(?:,\d{3})*)\b")


class Sources:
    """Every sentence of the articles, analysed once, with document frequencies for weighting."""

    def __init__(self, articles: Sequence[Article]) -> None:
        self.articles = tuple(articles)
        self.entries: list[Entry] = []
        self.by_doc: dict[int, list[Entry]] = {}
        for article in self.articles:
            for index, text in enumerate(split_sentences(article.text)):
                entry = Entry(
                    Sentence(article.id, index, text),
                    analyse(text),
                    article.date,
                    len(self.entries),
                )
                self.entries.append(entry)
                self.by_doc.setdefault(article.id, []).append(entry)
        self.df: Counter[str] = Counter()
        for entry in self.entries:
            self.df.update(entry.keys)
        self.n = max(1, len(self.entries))

    def idf(self, key: str) -> float:
        return math.log((1 + self.n) / (1 + self.df.get(key, 0))) + 1.0

    @cached_property
    def word_triples(self) -> tuple[frozenset[tuple[str, str, str]], ...]:
        """Each article's runs of three words, lower case, punctuation dropped: where the
        checker looks for a claim's quoted words."""
        return tuple(triples(plain_words(article.text)) for article in self.articles)

    @cached_property
    def outlets(self) -> dict[int, tuple[str, ...]]:
        """The outlet each article comes from, as name words, by article id: a claim may credit
        one ("..., reports Reuters") though the dateline naming it was cleaned from the text."""
        return {
            article.id: tuple(fold(w).lower() for w in article.source.split())
            for article in self.articles
            if article.source
        }

    @cached_property
    def quoted_triples(self) -> tuple[tuple[Entry, frozenset[tuple[str, str, str]]], ...]:
        """Each sentence holding a quotation mark, with its runs of three words: where a
        quotation was said (read once, not once per claim)."""
        return tuple(
            (entry, triples(plain_words(entry.sentence.text)))
            for entry in self.entries
            if QUOTE_MARKS & set(entry.sentence.text)
        )

    @cached_property
    def folded_texts(self) -> tuple[str, ...]:
        """Every source sentence folded and lower-cased, once (searched for place pairs)."""
        return tuple(fold(e.sentence.text).lower() for e in self.entries)

    @cached_property
    def vocabulary(self) -> frozenset[str]:
        return frozenset(self.df)

    @cached_property
    def _by_prefix(self) -> dict[str, list[str]]:
        table: dict[str, list[str]] = {}
        for key in self.df:
            table.setdefault(key[:5], []).append(key)
        return table

    @cached_property
    def _synonym_groups(self) -> frozenset[int]:
        return frozenset(g for key in self.df for g in lexicon.synonym_groups_of(key))

    def mentions(self, key: str, loose: frozenset[str] | None = None) -> bool:
        """Whether any source uses this word, a listed synonym or the same root; `loose`:
        synonyms that do not count ("hold" for "arrest": "held the Lynx to 31 points")."""
        if key in self.df:
            return True
        if loose is not None:
            if any(w in self.df for w in lexicon.synonyms_of(key) - loose):
                return True
            return any(
                related(key, other) and not lexicon.synonymous(key, other)
                for other in self._by_prefix.get(key[:5], ())
            )
        if lexicon.synonym_groups_of(key) & self._synonym_groups:
            return True
        return any(related(key, other) for other in self._by_prefix.get(key[:5], ()))

    @cached_property
    def lower_words(self) -> frozenset[str]:
        """Keys of words the sources write in lower case somewhere (so not names)."""
        return frozenset(
            t.key for e in self.entries for t in e.facts.tokens if t.text[:1].islower()
        )

    @cached_property
    def name_words(self) -> frozenset[str]:
        """Folded words of the names the sources write where a capital means a name (not
        only at the start of a sentence)."""
        return frozenset(
            w for e in self.entries for n in e.facts.names if not n.initial for w in n.words
        )

    @cached_property
    def codes(self) -> frozenset[str]:
        """Tokens with figures inside them, lower case ("3-2", "9/11", "tu-154")."""
        written = {
            t.lower
            for e in self.entries
            for t in e.facts.tokens
            if t.kind in ("code", "word") and any(c.isdigit() for c in t.text)
        }
        # a tally written out: "passed 219 to 212" is the "219-212" a summary writes
        tallies = {
            f"{a.replace(',', '')}-{b.replace(',', '')}"
            for article in self.articles
            for a, b in _TALLY.findall(article.text)
        }
        return frozenset(written | tallies)

    @cached_property
    def surnames(self) -> frozenset[str]:
        """Last words of the names the sources write in two words or more."""
        return frozenset(n.words[-1] for _, n in self.names if len(n.words) >= 2)

    @cached_property
    def names(self) -> list[tuple[Entry, Name]]:
        return [(e, n) for e in self.entries for n in e.facts.names]

    def neighbours(self, entry: Entry, before: int = 2, after: int = 1) -> list[Entry]:
        doc = self.by_doc[entry.sentence.doc_id]
        i = entry.sentence.index
        return doc[max(0, i - before) : i] + doc[i + 1 : i + 1 + after]

    def previous(self, entry: Entry, count: int = 2) -> list[Entry]:
        return self.neighbours(entry, before=count, after=0)


# -- matching helpers -----------------------------------------------------------------------------


def related(a: str, b: str) -> bool:
    """Same word, a listed synonym, or the same root the stemmer left apart ("employ" and
    "employe", "injur" and "injuri")."""
    if lexicon.synonymous(a, b):
        return True
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    return len(short) >= 5 and long.startswith(short) and len(long) - len(short) <= 2


def covered(key: str, keys: Iterable[str]) -> bool:
    return any(related(key, other) for other in keys)


def _window(facts: Facts, start: int, end: int, reach: int) -> list[int]:
    """Up to `reach` content words on each side of [start, end), inside its clause."""
    tokens = facts.tokens
    content = set(facts.content)
    picked: list[int] = []
    for step in (-1, 1):
        j, taken = (start - 1, 0) if step < 0 else (end, 0)
        while 0 <= j < len(tokens) and taken < reach:
            if tokens[j].text in ';:()"“”,':
                break
            if j in content:
                picked.append(j)
                taken += 1
            j += step
    return sorted(picked)


def local_keys(
    facts: Facts, start: int, end: int, reach: int = 3, opening: bool = False
) -> set[str]:
    """What is said right around a fact: the nearest content words, light words and names
    left out; with `opening`, a common word that opens the sentence is kept ("Turnout was
    63.8 percent")."""
    light = lexicon.light_words()
    return {
        facts.tokens[i].key
        for i in _window(facts, start, end, reach)
        if facts.tokens[i].key not in light
        and (not facts.tokens[i].capital or (opening and opening_word(facts, i)))
    }


def opening_word(facts: Facts, i: int) -> bool:
    """Token i is a common word capitalised only because it opens the sentence ("Shares fell
    ..."), not a name: the fact layer reads it as a possible name, initial and alone."""
    return i == 0 and not any(n.start == 0 and (n.end > 1 or not n.initial) for n in facts.names)


def overlap(wanted: set[str], have: Iterable[str]) -> float:
    if not wanted:
        return 1.0
    have = set(have)
    return sum(1 for k in wanted if covered(k, have)) / len(wanted)


def attached_names(facts: Facts, start: int, end: int, names: Sequence[Name]) -> list[Name]:
    """Names right next to an amount: "Hackett, 58," or "the 24-year-old Longacre". A name
    that qualifies the noun between ("Detroit Tigers star, 33") is not the amount's."""
    return [
        n
        for n in names
        if (0 <= start - n.end <= 2 and not _qualifies(facts, n.end, start))
        or 0 <= n.start - end <= 1
    ]


def _qualifies(facts: Facts, end: int, start: int) -> bool:
    """A common noun set off before the amount ("Tigers star, 33"): the name is that noun's
    team, company or country, not its owner (but "McSally had 932,870" is hers)."""
    between = facts.tokens[end:start]
    return (
        len(between) == 2
        and between[0].text.isalpha()
        and between[0].text.islower()
        and between[1].text == ","
    )


def is_place(name: Name) -> bool:
    """A country or a state, by the places the demonyms and the states name."""
    words = " ".join(name.words)
    return words in lexicon.place_names() or name.words in lexicon.us_states()


def find_name(name: Name | tuple[str, ...], facts: Facts) -> Name | None:
    words = name if isinstance(name, tuple) else name.words
    for other in facts.names:
        if same_name(words, other.words):
            return other
    demonyms = lexicon.demonyms()
    if len(words) == 1:
        for other in facts.names:
            if any(
                words[0] in demonyms.get(w, ())
                or w in demonyms.get(words[0], ())
                or demonyms.get(w, frozenset()) & demonyms.get(words[0], frozenset())
                for w in other.words
            ):
                return other  # "Ireland" and "the Irish Court of Appeal"; "a Dane", "Danish"
    if len(words) == 1:
        word = words[0]
        tokens = facts.tokens
        for i, token in enumerate(tokens):
            if token.kind in ("word", "acronym") and token.lower.replace(".", "") == word:
                return Name(token.text, i, i + 1, words)
        if 3 <= len(word) <= 6:  # "GDP" for "gross domestic product"
            initials = [t.lower[0] for t in tokens if t.kind == "word"]
            text = "".join(initials)
            # "OSHA" for "the Occupational Safety and Health Administration"
            named = "".join(t.lower[0] for t in tokens if t.kind == "word" and t.capital)
            if word in text or (word.isalpha() and word in named):
                return Name(word.upper(), 0, 0, words)
    elif words and len(words[-1]) >= 3 and facts.tokens:
        # a surname opening the sentence is read as a word there ("Barling said Price was
        # not ..."), yet it still names "Detective Chris Barling"
        first = facts.tokens[0]
        if first.capital and first.lower == words[-1]:
            return Name(first.text, 0, 1, (words[-1],))
    return None


_PHYSICAL = frozenset(["duration", "distance", "mass", "area", "volume", "speed", "temperature"])
_LOOSE_UNITS = frozenset(["money", "share", "age", "rate"])
"""Units a source often leaves implicit ("Twelve million is a start", "Harmon, 58,")."""


def _base(q: Quantity) -> tuple[float, float, float | None]:
    """(low, high, stated value) in the unit's base unit (metres, seconds, ...) when it has one."""
    factor = q.unit.factor if q.unit is not None and q.unit.factor else 1.0
    value = None if q.value is None else q.value * factor
    return q.low * factor, q.high * factor, value


def units_agree(claim: Quantity, evidence: Quantity) -> bool:
    if claim.unit is None or evidence.unit is None:
        if claim.unit is not None:
            # "40 percent" may drop its unit in a source, but "a majority" has no figure
            return claim.unit.kind in _LOOSE_UNITS and claim.value is not None
        if evidence.unit is not None:
            # a figure below zero left bare is a temperature: "had reached minus 28" ("-28 C")
            below_zero = evidence.unit.kind == "temperature" and (claim.value or 0.0) < 0
            return evidence.unit.kind not in _PHYSICAL or below_zero
        return True
    if not other_unit(claim.unit, evidence.unit):
        return True
    if claim.unit.kind != evidence.unit.kind:
        return False
    return bool(claim.unit.factor and evidence.unit.factor)  # compared in base units


def other_unit(a: lexicon.Unit, b: lexicon.Unit) -> bool:
    """Whether two units named differently are different units: "pounds" may be sterling or
    weight (the source's £ decides), and "degrees" leaves the scale unsaid ("40C")."""
    names = {a.name, b.name}
    if len(names) == 1 or names == {"gbp", "lb"}:
        return False
    return not (a.kind == b.kind == "temperature" and "degree" in names)


def supports_amount(evidence: Quantity, claim: Quantity) -> bool:
    """Does the evidence's amount establish the claim's? The claim's range must hold the
    source's stated value (or, for a vague source, its whole range), in the same unit (or a
    convertible one: 5.5 km is 5,500 m): a claim's "five days" is not a source's "five men"."""
    if not units_agree(claim, evidence):
        return False
    if claim.clock != evidence.clock:
        return False  # "between 1:00 and 5:00 p.m." states no count ("dozens of people")
    if claim.unit and evidence.unit and {claim.unit.name, evidence.unit.name} == {"gbp", "lb"}:
        claim = dataclasses.replace(claim, unit=evidence.unit)  # the source says which pounds
    low, high, _ = _base(claim)
    e_low, e_high, e_value = _base(evidence)
    converted = bool(
        claim.unit and evidence.unit and claim.unit.factor and claim.unit.name != evidence.unit.name
    )
    slack = 0.02 if converted else 1e-6
    if (
        e_value is None
        and claim.value is None
        and " and " in claim.text
        and (" and " in evidence.text)
    ):  # "between 25 and 54": a range is stated by its ends
        return math.isclose(low, e_low, rel_tol=slack) and math.isclose(high, e_high, rel_tol=slack)
    if {claim.hedge, evidence.hedge} in ({"over", "under"}, {"over", "below"}):
        return False  # "fewer than 23,800" is not "more than 23,800", though both reach it
    if claim.hedge is not None and claim.hedge == evidence.hedge:
        # Hedged alike, stated alike: "more than 30" does not restate "more than 50" (though it
        # follows from it), "just under 61" not "just under 60"; "about 3,000" may round
        # "about 3,200" to its one significant figure (but "about 140" is not "about 145").
        if claim.value is None or e_value is None:
            return False
        factor = claim.unit.factor if claim.unit and claim.unit.factor else 1.0
        step = 10.0 ** math.floor(math.log10(abs(claim.value))) if claim.value else 0.0
        round_figure = claim.hedge == "about" and step and claim.value % step == 0
        step = step * factor if round_figure else 0.0
        rounded = math.floor(e_value / step + 0.5) * step if step else e_value
        return math.isclose(claim.value * factor, rounded, rel_tol=slack)
    low -= abs(low) * slack + 1e-9
    high += (abs(high) * slack + 1e-9) if math.isfinite(high) else 0.0
    if claim.hedge == "about" and claim.value is not None and e_value is not None:
        # a stated figure half a rounding step away is "about" it both ways, as people round
        # ("about $140,000" for $135,000); two rounded figures do not meet there ("about 1.2
        # million" is no "roughly 1.3 million", `_interval`)
        _, _, value = _base(claim)
        half = precision(claim.value) / 2 * (value / claim.value if claim.value else 1.0)
        low, high = min(low, value - half), max(high, value + half)
    if e_value is not None:
        return low <= e_value <= high
    return low <= e_low and e_high <= high


# -- the claim ------------------------------------------------------------------------------------


_DATE_WORDS = frozenset(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
     "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
     "oct", "nov", "dec",
     # clock and part-of-day words: "half past one on Sunday morning" is a time, not an event
     "half", "past", "quarter", "noon", "midnight", "morning", "afternoon", "evening",
     "night", "overnight", "o'clock"]
)  # fmt: skip


@dataclass
class ClaimFacts:
    text: str
    facts: Facts
    names: list[Name]
    content: list[int]
    """Content token indices that must be supported (not names, not light words)."""
    ranked: list[tuple[float, Entry]] | None = None
    """Source sentences scored against the claim, best first (`ranked_candidates`, computed
    once)."""


def read_claim(text: str, sources: Sources) -> ClaimFacts:
    facts = analyse(text)
    light = lexicon.light_words()
    names = []
    for name in facts.names:
        if (
            name.initial
            and name.words
            and (
                lexicon.key(name.words[0]) in sources.lower_words
                or name.words[0] not in sources.name_words
            )
        ):
            # "Residents said ...", "Soon after ...": capitalised only because it opens the
            # sentence; a word the sources never write as a name mid-sentence is read as a word
            continue
        names.append(name)
    in_name = {i for n in names for i in range(n.start, n.end)}
    speech = lexicon.speech_forms()
    content = [
        i
        for i in facts.content
        if i not in in_name
        and facts.tokens[i].key not in light
        and facts.tokens[i].lower not in speech
        and facts.tokens[i].lower not in _DATE_WORDS
        and not (facts.tokens[i].capital and facts.tokens[i].lower in lexicon.role_words())
    ]
    return ClaimFacts(text, facts, names, content)


# -- evidence -------------------------------------------------------------------------------------


def _score(claim: ClaimFacts, entry: Entry, sources: Sources) -> float:
    keys = entry.keys
    score = 0.0
    for i in claim.content:
        k = claim.facts.tokens[i].key
        if k in keys:
            score += sources.idf(k)
        elif covered(k, keys):
            score += 0.7 * sources.idf(k)
    for name in claim.names:
        if find_name(name, entry.facts):
            score += max(sources.idf(lexicon.key(w)) for w in name.words)
    for q in claim.facts.numbers():
        if any(supports_amount(other, q) for other in entry.facts.numbers()):
            score += 3.0
    return score


def ranked_candidates(
    claim: ClaimFacts, sources: Sources, limit: int = 12
) -> list[tuple[float, Entry]]:
    if claim.ranked is None:
        scored = [(_score(claim, e, sources), e) for e in sources.entries]
        scored = [pair for pair in scored if pair[0] > 0]
        words = [t.lower for t in claim.facts.tokens]
        # a tie on the facts goes to a sentence worded exactly as the claim: one copied from a
        # source must find itself, not an earlier sentence with the same words ("There was
        # already shooting" beside "they wouldn't ... start shooting"); a closeness tie-break
        # for every claim was tried (+1, -2 on the tuning sets)
        scored.sort(
            key=lambda pair: (
                -pair[0],
                [t.lower for t in pair[1].facts.tokens] != words,
                pair[1].position,
            )
        )
        claim.ranked = scored
    return claim.ranked[:limit]


def _covered_units(claim: ClaimFacts, entries: Sequence[Entry]) -> set[str]:
    keys: set[str] = set()
    for entry in entries:
        keys |= entry.keys
    units = {f"w{i}" for i in claim.content if covered(claim.facts.tokens[i].key, keys)}
    for n, name in enumerate(claim.names):
        if any(find_name(name, e.facts) for e in entries):
            units.add(f"n{n}")
    for n, q in enumerate(claim.facts.numbers()):
        if any(supports_amount(o, q) for e in entries for o in e.facts.numbers()):
            units.add(f"q{n}")
    return units


def _spoken(tokens: Sequence[Token]) -> list[str]:
    """The words of a sentence, lower case, without its punctuation and quotation marks."""
    return [t.lower.replace("’", "'") for t in tokens if any(c.isalnum() for c in t.text)]


def evidence_for(claim: ClaimFacts, sources: Sources) -> list[Entry]:
    """The best sentence, then up to two more that each state a further part of the claim.

    A further sentence must add at least two units, one of them a content word: a sentence
    fusing two reports is supported, but one borrowed name or number (the wrong doer, a figure
    about something else) cannot be laundered in from an unrelated sentence.
    """
    candidates = ranked_candidates(claim, sources)
    if not candidates:
        # nothing to score ("I get it.", "Why were you there?"): a source that says it word
        # for word still says it, alone or inside a longer sentence ("“Let's do this!”" from
        # a tweet quoted whole)
        words = _spoken(claim.facts.tokens)
        n = len(words)
        return [
            e
            for e in sources.entries
            if n
            and any(
                theirs[k : k + n] == words
                for theirs in [_spoken(e.facts.tokens)]
                for k in range(len(theirs) - n + 1)
            )
        ][:1]
    chosen = [candidates[0][1]]
    wanted = {f"w{i}" for i in claim.content}
    wanted |= {f"n{n}" for n in range(len(claim.names))}
    wanted |= {f"q{n}" for n in range(len(claim.facts.numbers()))}
    have = _covered_units(claim, chosen)
    for _ in range(2):
        missing = wanted - have
        if not missing:
            break
        best, best_gain = None, set()
        for _, entry in candidates[1:]:
            if entry in chosen:
                continue
            gain = (_covered_units(claim, [*chosen, entry]) - have) & missing
            if len(gain) > len(best_gain):
                best, best_gain = entry, gain
        if best is None or len(best_gain) < 2 or not any(u.startswith("w") for u in best_gain):
            break
        chosen.append(best)
        have = _covered_units(claim, chosen)
    return chosen
