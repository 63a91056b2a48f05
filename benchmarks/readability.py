"""What a reader sees in a briefing: sentences that need an antecedent, web/scrape junk, broken
quotations, first person outside quotes, and near-repeated sentences.

Every detector reads only the output text (one sentence per line), with fixed word lists and
regular expressions, so the numbers are reproducible and independent of how a system chose its
sentences: nothing here imports summarize's selection code. They are heuristics; the rules are
spelled out below and summarised in every ROUGE report (`RULES`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields
from itertools import combinations, pairwise
from typing import Any

# --- sentences that need an antecedent ---------------------------------------------------------


def _set(text: str) -> frozenset[str]:
    return frozenset(text.split())


PRONOUNS = _set("he she it they him her his hers its their theirs them this that these those such")
"""Openers that point back at something: personal/possessive pronouns and demonstratives."""
CONNECTIVES = _set(
    """but however also meanwhile and or nor yet still instead moreover furthermore additionally
    nevertheless nonetheless likewise similarly besides then thus therefore hence consequently
    otherwise accordingly regardless anyway indeed afterwards afterward again plus another
    others"""
)
"""Openers that continue a previous sentence: connectives, `another`, `others`."""
PHRASES = (
    "in addition",
    "as a result",
    "on the other hand",
    "at the same time",
    "even so",
    "in turn",
    "by contrast",
    "in contrast",
    "for example",
    "for instance",
    "in response",
    "in the meantime",
    "after that",
    "before that",
    "on top of that",
    "to that end",
    "in that case",
    "despite this",
    "despite that",
    "because of this",
    "because of that",
    "even then",
    "as such",
)
"""Multi-word openers with the same role (matched on the first words, lower-cased)."""
TIME_WORDS = _set(
    """year week month morning afternoon evening night weekend summer spring fall autumn
    winter season"""
)
"""`This week`, `That night`...: a demonstrative before these refers to the calendar, not back."""
PREMODIFIERS = _set("new recent main current average total overall annual")
"""Skipped (up to two) when looking for the head noun after `The`: `The average cost of...`."""
SELF_IDENTIFYING = _set(
    """most least best worst only first second third last latest newest next top biggest
    largest greatest highest lowest longest shortest oldest youngest fastest slowest strongest
    weakest smallest richest poorest tallest closest nearest farthest furthest hottest coldest
    warmest weirdest strangest"""
)
"""Superlatives and ordinals make `The` + noun identify itself (`The first woman to ...`); so do
words ending in -most or -iest (`northernmost`, `deadliest`)."""
ANCHORS = _set("of who whose that called named for from in at on with against")
"""A head noun followed by one of these says itself what it is: `The head of the agency`,
`The lawyer for the family`; `of`, `who` and `whose` also one word later (`The young woman
who`)."""

_OPENING_JUNK = "\"“”„‘’'«»([{—–-•*…·|/ \t"
_WORD = re.compile(r"[A-Za-z]+")
_TOKEN = re.compile(r"[a-z0-9]+(?:['-][a-z0-9]+)*")


def _stem(word: str) -> str:
    """A crude plural/possessive fold, enough to see `attacks` and `attack` as one mention."""
    word = word.removesuffix("'s")
    if len(word) > 3 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def words(text: str) -> list[str]:
    """Lower-cased word tokens (letters, digits, inner hyphens/apostrophes)."""
    return _TOKEN.findall(text.lower().replace("’", "'"))


def _opening(sentence: str) -> str:
    return sentence.lstrip(_OPENING_JUNK)


def _definite_reference(rest: list[str], earlier: set[str]) -> str | None:
    """`The <noun>` that neither says what it is nor was mentioned before; `rest` follows `The`."""
    i = 0
    while i < min(2, len(rest)) and rest[i].strip(",;:.").lower() in PREMODIFIERS:
        i += 1
    word = rest[i].strip(",;:.").lower().split("-")[0] if i < len(rest) else ""
    if word in SELF_IDENTIFYING or word.endswith(("most", "iest")):
        return None
    if i < len(rest) and rest[i].strip(",;:.").isdigit():  # `The 2016 election`
        i += 1
    if i >= len(rest):
        return None
    token = rest[i]
    head = token.strip(",;:.!?\"“”'’()")
    if not head or not (head[0].islower() or head[0].isdigit()):
        return None  # a name (`The White House`), a title in quotes
    after = rest[i + 1] if i + 1 < len(rest) else ""
    if token[-1:] not in ",;:" and after.strip(",;:.").lower() in ANCHORS:
        return None
    later = rest[i + 2].strip(",;:.").lower() if i + 2 < len(rest) else ""
    if token[-1:] not in ",;:" and after[-1:] not in ",;:" and later in ("of", "who", "whose"):
        return None
    if token.endswith(",") and after[:1].isupper():
        return None  # appositive: `The suspect, John Smith, ...`
    stems = {_stem(w) for w in words(head)}
    if stems and stems <= earlier:
        return None
    return f"the {head.lower()}"


def dangling_opener(sentence: str, earlier: Sequence[str] = ()) -> str | None:
    """The opener that needs an antecedent (`he`, `however`, `in addition`, `the attack`), or
    None.

    Leading quotes, brackets, dashes and bullets are skipped. A pronoun, demonstrative or
    connective always counts (in an extract the previous sentence is usually from another
    article), except a demonstrative before a time word (`This week`). `The <noun>` counts when
    the noun (after skipping up to two of `PREMODIFIERS`) is lower-case, is not one of
    `SELF_IDENTIFYING`, is not followed by one of `ANCHORS` or by an appositive name, and no
    earlier sentence of the briefing (`earlier`) contains it.
    """
    text = _opening(sentence)
    tokens = text.split()
    if not tokens:
        return None
    match = _WORD.match(tokens[0])
    if not match:
        return None
    first = match.group(0).lower()
    whole = match.end() == len(tokens[0].rstrip(",;:"))  # `This`, not `This-` or `It's`
    lowered = " ".join(t.strip(",;:.!?").lower() for t in tokens[:4])
    for phrase in PHRASES:
        if lowered == phrase or lowered.startswith(phrase + " "):
            return phrase
    if first in PRONOUNS:
        nxt = tokens[1].strip(",;:.").lower() if len(tokens) > 1 else ""
        demonstrative = first in ("this", "that", "these", "those") and whole
        if demonstrative and (nxt in TIME_WORDS or _stem(nxt) in TIME_WORDS):
            return None
        return first
    if first in CONNECTIVES:
        return first
    if first == "the" and whole:
        seen = {_stem(w) for s in earlier for w in words(s)}
        return _definite_reference(tokens[1:], seen)
    return None


# --- web and scrape junk --------------------------------------------------------------------------

_DAYS = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
_MONTHS = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
JUNK: dict[str, tuple[str, ...]] = {
    "social": (
        r"pic\.twitter\.com",
        r"\btwitter\.com/",
        r"\binstagram\.com/",
        r"\bt\.co/",
        r"\(@\w+\)",
        r"(?<![\w.@])@\w{2,}",
        r"\ba post shared by\b",
        r"\bfollow (?:us|him|her|me|them) (?:on|at)\b",
        r"\bjoin the conversation\b",
    ),
    "privacy and legal": (
        r"\b(?:we|this site|this website) uses? cookies\b",
        r"\bcookie (?:policy|settings|preferences|consent)\b",
        r"\baccept(?:ing)? (?:all )?cookies\b",
        r"\bprivacy (?:policy|statement|notice|settings)\b",
        r"\bterms (?:of (?:use|service)|and conditions)\b",
        r"\ball rights reserved\b",
        r"\bcopyright \d{4}\b",
        r"©",
        r"\bmay not be (?:published|broadcast|rewritten|redistributed)\b",
    ),
    "prompts": (
        r"\bsign up (?:for|to|now|here)\b",
        r"\bsubscribe (?:to|now|for|today|here)\b",
        r"\bunsubscribe\b",
        r"\bnewsletters?\b",
        r"\bclick (?:here|the link|this link)\b",
        r"\bdownload (?:our|the) app\b",
        r"\b(?:in|to) your inbox\b",
        r"\bcontinue reading\b",
        r"^(?:read more|related|more|recommended|see also|also read|editor's note|"
        r"editor’s note|watch|listen|video)\s*:",
        r"^(?:watch|click|subscribe|download|sign up|listen to)\b",
        r"^email this\b",
        r"\bshare (?:this|on|via) (?:article|story|page|facebook|twitter|email)\b",
        r"\b(?:embed|share|tweet|email|print|comment|skip)(?:\s+(?:x|in))?"
        r"(?:\s+(?:embed|share|tweet|email|print|comment|skip)(?:\s+(?:x|in))?){2,}",
        r"\bweb exclusives?\b",
        r"\b(?:like|join) us on\b",
        r"\bsign up\s*[.!]?$",
        r"\bconfirmation e-?mail\b",
    ),
    "photo and caption": (
        r"\bphoto(?:graph)?s?\s*(?:by\b|:|credit)",
        r"\(photo\b",
        r"\b(?:ap|afp|reuters|epa|getty) photo\b",
        r"\bgetty images\b",
        r"/\s*(?:ap|afp|reuters|epa|getty)\b",
        r"\bcredit:",
        r"\bimage (?:copyright|caption|source)\b",
        r"\bmedia caption\b",
        r"\bhide caption\b",
        r"\bfile photo\b",
        r"^file\s*[-–—]",
        r"\bin this (?:undated |handout |file |\w+ \d{1,2}, \d{4},? )?(?:photo|image|picture)\b",
        r"\bundated (?:photo|image|picture|handout)\b",
        r"\b(?:photo|image|picture)s? (?:provided|released|taken|distributed) by\b",
        r"\b(?:photo|image|picture) illustration\b",
        r"\bevidence photo\b",
        r"\.\.\.\s*\(associated press\)",
        r"\(associated press\)\s*$",
        rf",\s+{_DAYS},\s+{_MONTHS}\s+\d{{1,2}},\s+\d{{4}}\b",
    ),
    "player and page": (
        r"\bmedia playback\b",
        r"\byour browser (?:does not|doesn't|doesn’t) support\b",
        r"\b(?:enable|requires|require) javascript\b",
        r"\bthis video (?:is|has been) (?:no longer|not) available\b",
        r"\brating is available when\b",
        r"\b(?:video|clip) (?:above|below)\b",
        r"\bautoplay\b",
        r"^advertisement\b",
        r"\badvertisement\s*$",
        r"\bskip (?:ad|in)\b",
        r"\bloading\.\.\.",
        r"^(?:last )?updated(?:\s*:|\s+(?:at|on)\b|\s+\d)",
        r"^(?:posted|published)\s*(?::|on\b|at\b|by\b)",
    ),
    "byline": (
        r"\breporting by\b",
        r"\bediting by\b",
        r"\bcontributed (?:to )?(?:this )?report",
        r"\bthis (?:story|article) (?:has been|was) (?:updated|corrected)\b",
    ),
    "web archive": (
        r"\bwayback machine\b",
        r"\binternet archive\b",
        r"\balexa internet\b",
        r"\bno more 404\b",
        r"\barchive dot org\b",
        r"\bcrawl (?:data|start)\b",
        r"\b(?:this|the|wide|web wide) crawls?\b",
        r"\bcrawls of\b",
        r"\bseed ?list\b",
    ),
    "link": (
        r"https?://",
        r"\bwww\.",
        r"\b[\w.+-]+@[\w-]+\.[a-z]{2,}\b",
        r"\{\*|\*\}|\{\{|\}\}",
    ),
}
"""Patterns (case-insensitive) by kind; a sentence matching any of them is junk."""
CASED_JUNK: dict[str, tuple[str, ...]] = {
    "player and page": (r"\bCLOSE\b",),
}
"""Case-sensitive patterns: USA Today's `CLOSE` video-embed label."""
_JUNK = [(kind, re.compile(p, re.IGNORECASE)) for kind, ps in JUNK.items() for p in ps]
_JUNK += [(kind, re.compile(p)) for kind, ps in CASED_JUNK.items() for p in ps]


def junk(sentence: str) -> str | None:
    """The kind of web/scrape junk the sentence is (`JUNK`), or None.

    Also junk: a sentence with letters but no lower-case letter (`RELATED CONTENT`, `CLOSE`).
    """
    text = _opening(sentence).strip()
    for kind, pattern in _JUNK:
        if pattern.search(text):
            return kind
    if any(c.isalpha() for c in text) and not any(c.islower() for c in text):
        return "all capitals"
    return None


# --- quotations -----------------------------------------------------------------------------------

OPEN_QUOTES = "“„«"
CLOSE_QUOTES = "”»"
STRAIGHT_QUOTES = '"″'
"""Straight marks open after the start, a space or an opening bracket/dash; else they close."""


def _quote_marks(sentence: str) -> list[tuple[int, bool]]:
    """(position, opens) of every double quotation mark."""
    marks = []
    for i, c in enumerate(sentence):
        if c in OPEN_QUOTES:
            marks.append((i, True))
        elif c in CLOSE_QUOTES:
            marks.append((i, False))
        elif c in STRAIGHT_QUOTES:
            before = sentence[i - 1] if i else " "
            marks.append((i, before.isspace() or before in "([{—–-" + OPEN_QUOTES))
    return marks


def quote_spans(sentence: str) -> tuple[list[tuple[int, int]], bool]:
    """Quoted character spans [start, end) and whether the quotation is broken.

    Double quotation marks are paired by depth. A mark that closes with nothing open quotes
    everything before it; a mark left open quotes everything after it; both make the sentence
    a broken quotation. Single quotes are ignored here (they double as apostrophes).
    """
    spans: list[tuple[int, int]] = []
    broken = False
    stack: list[int] = []
    for position, opens in _quote_marks(sentence):
        if opens:
            stack.append(position)
        elif stack:
            start = stack.pop()
            if not stack:
                spans.append((start, position + 1))
        else:
            broken = True
            spans.append((0, position + 1))
    if stack:
        broken = True
        spans.append((stack[0], len(sentence)))
    return spans, broken


def broken_quote(sentence: str) -> bool:
    """A double quotation mark opened and never closed, or closed and never opened."""
    return quote_spans(sentence)[1]


_SINGLE_QUOTED = re.compile(r"(?<!\w)[‘'][^‘’'\"“”]+?[’'](?!\w)")
FIRST_PERSON = re.compile(
    r"(?<![\w’'-])(I|me|Me|my|My|myself|Myself|we|We|us|our|Our|ours|Ours|ourselves|Ourselves)"
    r"(?![\w-])"
)
"""Case-sensitive, so `US` (the country) and `Us Weekly` never count; `mine` is left out."""


def unquoted(sentence: str) -> str:
    """The sentence with every quoted span (double, and paired single quotes) blanked out."""
    chars = list(sentence)
    spans, _ = quote_spans(sentence)
    spans += [m.span() for m in _SINGLE_QUOTED.finditer(sentence)]
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def first_person(sentence: str) -> str | None:
    """The first-person word used outside quotation marks, or None.

    `I` right after a capitalised word that does not open the sentence is a numeral
    (`World War I`, `Louis I`) and does not count.
    """
    text = unquoted(sentence)
    for match in FIRST_PERSON.finditer(text):
        before = text[: match.start()].split()
        numeral = len(before) >= 2 and before[-1][:1].isupper() and before[-1][-1:].isalpha()
        if match.group(1) == "I" and numeral:
            continue
        return match.group(1)
    return None


# --- near-repeats ---------------------------------------------------------------------------------


def bigrams(sentence: str) -> set[tuple[str, str]]:
    tokens = words(sentence)
    return set(pairwise(tokens))


def bigram_overlap(a: str, b: str) -> float:
    """|shared word bigrams| / |bigrams of the sentence with fewer|; 0 when either has none.

    Words are lower-cased letter/digit tokens; bigrams are counted once per sentence.
    """
    first, second = bigrams(a), bigrams(b)
    if not first or not second:
        return 0.0
    return len(first & second) / min(len(first), len(second))


def max_bigram_overlap(sentences: Sequence[str]) -> float:
    """The largest `bigram_overlap` between two sentences of one briefing (0 with fewer than 2)."""
    grams = [g for g in map(bigrams, sentences) if g]
    best = 0.0
    for first, second in combinations(grams, 2):
        best = max(best, len(first & second) / min(len(first), len(second)))
    return best


# --- one briefing, and a system's briefings -------------------------------------------------------

NEAR_REPEAT = 0.5
"""A briefing whose `max_bigram_overlap` reaches this holds a near-repeat."""


@dataclass(frozen=True)
class Readability:
    """Counts for one briefing."""

    sentences: int
    dangling: int
    definite: int
    """Of `dangling`, those opening `The <noun>`."""
    junk: int
    broken_quotes: int
    first_person: int
    dangling_lede: bool
    max_overlap: float

    def as_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {f.name: getattr(self, f.name) for f in fields(self)}
        out["dangling_lede"] = int(self.dangling_lede)
        out["max_overlap"] = round(self.max_overlap, 4)
        return out


def sentences(text: str) -> list[str]:
    """The briefing's sentences: its non-empty lines."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def assess(lines: Sequence[str] | str) -> Readability:
    """Every detector over one briefing (a text, one sentence per line, or its lines)."""
    lines = sentences(lines) if isinstance(lines, str) else [s for s in lines if s.strip()]
    openers = [dangling_opener(s, lines[:i]) for i, s in enumerate(lines)]
    return Readability(
        sentences=len(lines),
        dangling=sum(o is not None for o in openers),
        definite=sum(o is not None and o.startswith("the ") for o in openers),
        junk=sum(junk(s) is not None for s in lines),
        broken_quotes=sum(broken_quote(s) for s in lines),
        first_person=sum(first_person(s) is not None for s in lines),
        dangling_lede=bool(openers and openers[0] is not None),
        max_overlap=max_bigram_overlap(lines),
    )


def summarise(briefings: Iterable[Readability]) -> dict[str, Any]:
    """Shares over a system's briefings: sentence shares pooled over all sentences, the lede
    share over briefings with a sentence, the overlap averaged over briefings."""
    items = list(briefings)
    n = sum(r.sentences for r in items)
    with_lede = [r for r in items if r.sentences]

    def share(count: int, total: int) -> float | None:
        return round(count / total, 6) if total else None

    return {
        "briefings": len(items),
        "sentences": n,
        "dangling_openers": share(sum(r.dangling for r in items), n),
        "dangling_definite": share(sum(r.definite for r in items), n),
        "junk": share(sum(r.junk for r in items), n),
        "broken_quotes": share(sum(r.broken_quotes for r in items), n),
        "first_person": share(sum(r.first_person for r in items), n),
        "dangling_ledes": share(sum(r.dangling_lede for r in with_lede), len(with_lede)),
        "mean_max_bigram_overlap": (
            round(sum(r.max_overlap for r in items) / len(items), 6) if items else None
        ),
        "near_repeat_briefings": share(
            sum(r.max_overlap >= NEAR_REPEAT for r in items), len(items)
        ),
    }


RULES = (
    "Readability is measured on each system's briefing as a reader sees it: its items that "
    "fit whole in the word budget, one sentence each, except our briefings' points, read as "
    'the Markdown shows them (a quotation with its speaker, "He said ..." with the sentence '
    "it leans on, as one item). Shares are pooled over all items of all briefings. "
    "*Dangling opener*: after leading quotes/brackets/dashes the sentence opens "
    "with a pronoun or demonstrative (he, she, it, they, his, her, its, their, them, this, that, "
    "these, those, such; not this/that/these/those before a time word such as *week*), a "
    "connective (but, however, also, meanwhile, and, yet, still, instead, then, thus, another, "
    "in addition, as a result, for example, ...), or `The <noun>` where the noun (after up to "
    "two words such as *new*, *average*) is lower-case, is not a superlative or ordinal "
    "(*first*, *biggest*, *-most*), is not followed by of/who/whose/that/called/named/for/from/"
    "in/at/on/with/against or an appositive name, and appears in no earlier sentence of the "
    "briefing (plural and possessive folded). *Dangling lede*: share of briefings whose "
    "first sentence has a dangling opener. *Junk*: matches a fixed list of patterns for tweets "
    "and handles, cookie/privacy/copyright notices, newsletter and share prompts, photo credits "
    "and captions, video-player and page furniture (`CLOSE`, `Advertisement`), agency bylines, "
    "web-archive crawl notices and bare links/e-mail addresses, or has no lower-case letter "
    "(`benchmarks/readability.py` lists them). *Broken quote*: a double quotation mark opened "
    "and never closed, or closed and never opened, in the sentence (straight marks open after "
    "a space or bracket). *First person*: I/me/my/myself/we/us/our/ours/ourselves "
    "(case-sensitive, so *US* is not counted) outside double quotes and paired single quotes. "
    f"*Overlap*: per briefing, the max over sentence pairs of |shared word bigrams| / |bigrams "
    f"of the shorter| (lower-cased word tokens, each bigram once per sentence), averaged over "
    f"briefings; *near-repeat* = share of briefings where it reaches {NEAR_REPEAT}."
)
