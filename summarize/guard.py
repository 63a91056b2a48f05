"""What a rewrite may say: a vocabulary the model cannot leave, and screens for what it wrote.

A 135M-parameter model invents fluently ("killed in a suicide bombing"), and no check after the
fact catches every invention, so the abstractive stage makes inventing impossible instead of
hoping to catch it. For each point the model may write only words its input sentences contain,
plus a closed list of grammar words (`data/fusion.txt`) and punctuation:

- `Vocabulary` holds the allowed words; `Constraint` turns it into an automaton over characters
  (a trie of the allowed words) run against the strings of the tokenizer's tokens. A token is
  allowed only when the word in progress plus the token's text is still a prefix of an allowed
  word, or completes one and goes on with punctuation or a space. A word can therefore only end
  where an allowed word ends: "3" then "000" can never make a 3000 that the input lacks, and
  "Sole" + "iman" cannot become a name the input does not spell.
- `logits_processor` is the `transformers.LogitsProcessor` that applies the constraint at every
  step of generation (end-of-text is always allowed, so the model can always stop).
- `screen` rejects what the constraint cannot rule out: an echo of an input sentence, the
  instruction printed back, a loop, a sentence cut off, a fragment, a rewrite no shorter than
  the point. The fact check itself (numbers for the same thing, names in the right roles,
  negation) is `summarize.checker`'s, run by `summarize.rewrite` against the input sentences.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from itertools import pairwise
from typing import Any, Literal, get_args

from .lexicon import data_lines

BETWEEN = -1
"""Automaton state: after a space or a mark, where a word may start."""
END = -2
"""Automaton state: right after a complete allowed word, where a space or a mark must follow
(so "action" + "s" cannot make "actions")."""

PUNCTUATION = frozenset(",.;:!?()\"'“”‘’—–-")
"""Marks allowed between words whatever the input; other symbols ($, %, /) only if it has them."""

SPACES = frozenset(" \n")

CLOSING = frozenset("'’")
"""An apostrophe may close a quotation but never start a word: "Friday" + "’" + "s" would
otherwise spell a possessive, or glue on a word, that the input does not have."""

_WORD = re.compile(r"[^\W_]+(?:[’'.,\-/&][^\W_]+)*")
_SYMBOL = re.compile(r"[^\w\s]")


@cache
def fusion_words() -> frozenset[str]:
    """The closed list of grammar words a rewrite may add (data/fusion.txt)."""
    return frozenset(data_lines("fusion.txt"))


def _variants(word: str) -> set[str]:
    """The word as written, in lower case, and capitalised (it may open the rewrite)."""
    return {word, word.lower(), word[:1].upper() + word[1:]}


def input_words(text: str) -> set[str]:
    """Every word of `text` as the constraint spells it: whole tokens ("3,000", "U.S",
    "al-Muhandis", "Iran’s"), the alphabetic parts of hyphenated words ("al", "Muhandis") and
    the word before a possessive ("Iran"). Digit runs are never split: "2019-20" gives no "20"."""
    found: set[str] = set()
    for match in _WORD.finditer(text):
        word = match.group()
        found.add(word)
        if "-" in word:
            found.update(p for p in word.split("-") if p.isalpha())
        possessive = re.match(r"^(.+?)[’']s$", word)
        if possessive:
            found.add(possessive.group(1))
    return found


@dataclass(frozen=True)
class Vocabulary:
    """The words and marks one point's rewrite may use."""

    words: frozenset[str]
    symbols: frozenset[str]

    def allows(self, word: str) -> bool:
        return word in self.words


def vocabulary(inputs: Iterable[str]) -> Vocabulary:
    """Allowed words: those of the input sentences and the closed fusion list, with variants."""
    words: set[str] = set()
    symbols: set[str] = set(PUNCTUATION)
    for text in inputs:
        for word in input_words(text):
            words |= _variants(word)
        symbols.update(_SYMBOL.findall(text))
    for word in fusion_words():
        words |= _variants(word)
    return Vocabulary(frozenset(words), frozenset(symbols))


def invented(text: str, allowed: Vocabulary) -> list[str]:
    """Words of `text` the vocabulary does not hold (empty for anything the constraint let
    through): the independent re-check of what the model wrote."""
    missing = []
    for match in _WORD.finditer(text):
        word = match.group()
        if allowed.allows(word):
            continue
        # "U.S" and "3,000" are single words; "Baghdad,Iraq" or "arrived.The" are two.
        parts = re.split(r"[.,/&]", word)
        if len(parts) > 1 and all(allowed.allows(p) for p in parts if p):
            continue
        missing.append(word)
    return missing


# ---------------------------------------------------------------------------------------------
# Tokens as text, and the automaton


@dataclass(frozen=True)
class TokenTable:
    """The text each token adds when it follows a word, and a character trie over those texts.

    Worked out once per tokenizer by decoding [anchor, token] and removing the anchor, which
    gives the leading space of "Ġthe" or "▁the" the same way for byte-level BPE, SentencePiece
    and word-level vocabularies. Tokens that decode to a broken character (one byte of a
    multi-byte letter) or that are special get no text and are never allowed.
    """

    strings: tuple[str, ...]
    children: tuple[dict[str, int], ...]
    ends: tuple[tuple[int, ...], ...]
    """Token ids whose text ends at each trie node."""
    special: frozenset[int]


_TABLES: dict[int, tuple[Any, TokenTable]] = {}
_TABLES_LOCK = threading.Lock()


def token_table(tokenizer: Any) -> TokenTable:
    """The table of `tokenizer`, computed once per tokenizer object (about 0.5 s for 49k)."""
    with _TABLES_LOCK:
        found = _TABLES.get(id(tokenizer))
        if found is not None and found[0] is tokenizer:
            return found[1]
        table = _build_table(tokenizer)
        _TABLES[id(tokenizer)] = (tokenizer, table)
        return table


def _build_table(tokenizer: Any) -> TokenTable:
    size = len(tokenizer)
    anchor = tokenizer.encode("a", add_special_tokens=False)[-1:]
    base = tokenizer.decode(anchor, skip_special_tokens=False, clean_up_tokenization_spaces=False)
    decoded = tokenizer.batch_decode(
        [[*anchor, i] for i in range(size)],
        skip_special_tokens=False,
        clean_up_tokenization_spaces=False,
    )
    special = frozenset(int(i) for i in tokenizer.all_special_ids)
    strings = []
    for i, text in enumerate(decoded):
        piece = text[len(base) :] if text.startswith(base) else ""
        if i in special or "\ufffd" in piece or not piece:
            piece = ""
        strings.append(piece)
    children: list[dict[str, int]] = [{}]
    ends: list[list[int]] = [[]]
    for i, piece in enumerate(strings):
        node = 0
        for char in piece:
            nxt = children[node].get(char)
            if nxt is None:
                nxt = len(children)
                children[node][char] = nxt
                children.append({})
                ends.append([])
            node = nxt
        if piece:
            ends[node].append(i)
    return TokenTable(tuple(strings), tuple(children), tuple(tuple(e) for e in ends), special)


States = frozenset[int]


@dataclass
class Constraint:
    """One point's vocabulary as an automaton over the tokenizer's tokens.

    A state is a set: BETWEEN, END, or nodes of the word trie (inside a word); a node that ends
    an allowed word also counts as END, so the word may stop there. Transitions and masks are
    memoised per state set, so a step costs a dictionary look-up once a state has been seen.
    """

    allowed_words: Vocabulary
    table: TokenTable
    stop_ids: frozenset[int]
    children: list[dict[str, int]] = field(default_factory=lambda: [{}])
    terminal: list[bool] = field(default_factory=lambda: [False])
    _steps: dict[tuple[States, str], States] = field(default_factory=dict)
    _tokens: dict[tuple[States, int], States] = field(default_factory=dict)
    _allowed: dict[States, tuple[int, ...]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for word in sorted(self.allowed_words.words):
            node = 0
            for char in word:
                nxt = self.children[node].get(char)
                if nxt is None:
                    nxt = len(self.children)
                    self.children[node][char] = nxt
                    self.children.append({})
                    self.terminal.append(False)
                node = nxt
            self.terminal[node] = True

    @property
    def start(self) -> States:
        return frozenset([BETWEEN])

    def step(self, states: States, char: str) -> States:
        key = (states, char)
        found = self._steps.get(key)
        if found is not None:
            return found
        out: set[int] = set()
        for state in states:
            separator = char in SPACES or char in self.allowed_words.symbols
            after = END if char in CLOSING else BETWEEN
            if state == END:
                if separator:
                    out.add(after)
                continue
            if state == BETWEEN:
                if separator:
                    out.add(after)
                nxt = self.children[0].get(char)
            else:
                nxt = self.children[state].get(char)
            if nxt is not None:
                out.add(nxt)
                if self.terminal[nxt]:
                    out.add(END)
        result = frozenset(out)
        self._steps[key] = result
        return result

    def advance(self, states: States, token: int) -> States:
        """The states after `token`; special tokens (a forced BOS) change nothing."""
        key = (states, token)
        found = self._tokens.get(key)
        if found is not None:
            return found
        if token in self.table.special:
            result = states
        elif 0 <= token < len(self.table.strings) and self.table.strings[token]:
            result = states
            for char in self.table.strings[token]:
                result = self.step(result, char)
                if not result:
                    break
        else:
            result = frozenset()
        self._tokens[key] = result
        return result

    def _chars(self, states: States) -> set[str]:
        chars: set[str] = set()
        for state in states:
            if state == BETWEEN:
                chars |= SPACES | self.allowed_words.symbols | set(self.children[0])
            elif state == END:
                chars |= SPACES | self.allowed_words.symbols
            else:
                chars |= set(self.children[state])
        return chars

    def allowed(self, states: States) -> tuple[int, ...]:
        """Token ids that may come next: every token whose whole text the automaton accepts
        from `states` (a walk of the token trie and the word trie together), and the stops."""
        found = self._allowed.get(states)
        if found is not None:
            return found
        # Stopping only between words: a text may not end on a word cut short ("Sole").
        ids: set[int] = set(self.stop_ids) if states & {BETWEEN, END} else set()
        if states:
            children, ends = self.table.children, self.table.ends
            stack: list[tuple[int, States]] = [(0, states)]
            while stack:
                node, current = stack.pop()
                branches = children[node]
                for char in self._chars(current):
                    nxt = branches.get(char)
                    if nxt is None:
                        continue
                    after = self.step(current, char)
                    if not after:
                        continue
                    if ends[nxt] and self.viable(after):
                        ids.update(ends[nxt])
                    if children[nxt]:
                        stack.append((nxt, after))
        result = tuple(sorted(ids))
        self._allowed[states] = result
        return result

    def viable(self, states: States) -> bool:
        """Some token sequence from `states` completes the word in progress: a token that
        stops inside a word ("3" of "3,000") is allowed only if the vocabulary can finish
        that word, so generation never reaches a state with nothing allowed."""
        if states & {BETWEEN, END}:
            return True
        return bool(states) and bool(self.allowed(states))

    def state_of(self, tokens: Sequence[int]) -> States:
        states = self.start
        for token in tokens:
            states = self.advance(states, int(token))
            if not states:
                break
        return states

    def accepts(self, tokens: Sequence[int]) -> bool:
        """Could the constraint have produced `tokens` (stop tokens aside)?"""
        states = self.start
        for token in tokens:
            if int(token) in self.stop_ids:
                continue
            if int(token) not in self.allowed(states):
                return False
            states = self.advance(states, int(token))
        return True


def stop_ids(loaded: Any) -> frozenset[int]:
    """End-of-text ids of a loaded model: its generation config's and its tokenizer's."""
    ids: set[int] = set()
    for value in (
        getattr(getattr(loaded.model, "generation_config", None), "eos_token_id", None),
        getattr(loaded.tokenizer, "eos_token_id", None),
    ):
        if isinstance(value, int):
            ids.add(value)
        elif isinstance(value, (list, tuple)):
            ids.update(int(v) for v in value)
    return frozenset(ids)


def constraint(loaded: Any, inputs: Iterable[str]) -> Constraint:
    """The constraint for one point whose input sentences are `inputs`."""
    return Constraint(vocabulary(inputs), token_table(loaded.tokenizer), stop_ids(loaded))


@cache
def _processor_class() -> type:
    """`transformers.LogitsProcessor` subclass, defined on first use (transformers is heavy)."""
    import torch
    from transformers import LogitsProcessor

    class VocabularyProcessor(LogitsProcessor):
        """Sets the score of every token the constraint does not allow to -inf.

        `start` is where generated tokens begin in `input_ids` (the prompt length for a causal
        model, 0 for a decoder's own ids). If another processor has already ruled out every
        allowed token (a forced BOS), that forced special token is kept; failing that, the
        stop token, so a row never ends up with no finite score.
        """

        supports_continuous_batching = False

        def __init__(self, rule: Constraint, start: int) -> None:
            self.rule = rule
            self.start = start
            self._masks: dict[tuple[States, int], Any] = {}

        def _mask(self, states: States, size: int, device: Any) -> Any:
            key = (states, size)
            mask = self._masks.get(key)
            if mask is None:
                ids = [i for i in self.rule.allowed(states) if i < size]
                mask = torch.full((size,), float("-inf"), device=device)
                mask[ids] = 0.0
                self._masks[key] = mask
            return mask

        def __call__(self, input_ids: Any, scores: Any) -> Any:
            size = scores.shape[-1]
            out = scores.clone()
            for row in range(scores.shape[0]):
                states = self.rule.state_of(input_ids[row, self.start :].tolist())
                out[row] = scores[row] + self._mask(states, size, scores.device)
                if torch.isinf(out[row]).all():
                    special = [i for i in self.rule.table.special if i < size]
                    forced = torch.full_like(scores[row], float("-inf"))
                    forced[special] = scores[row, special]
                    if torch.isinf(forced).all():
                        forced[[i for i in self.rule.stop_ids if i < size]] = 0.0
                    out[row] = forced
            return out

    return VocabularyProcessor


def logits_processor(rule: Constraint, start: int) -> Any:
    """A `transformers.LogitsProcessor` that keeps generation inside `rule`."""
    return _processor_class()(rule, start)


# ---------------------------------------------------------------------------------------------
# Screens: what the constraint cannot rule out

Rejection = Literal[
    "echo",
    "instruction",
    "loop",
    "incomplete",
    "fragment",
    "unquoted",
    "not shorter",
    "invented",
    "check",
    "repeat",
]
"""Why a rewrite was rejected (the extracted sentence is kept instead)."""

REJECTIONS: tuple[Rejection, ...] = get_args(Rejection)

MIN_WORDS = 6
"""A rewrite shorter than this is a fragment, not a sentence of a briefing."""

_PRONOUN_OPENERS = frozenset(["he", "she", "they", "it", "his", "her", "their", "its", "this"])
_GLUE_OPENERS = frozenset(
    ["and", "or", "but", "of", "to", "for", "from", "by", "with", "as", "into", "who", "whose",
     "which", "where", "is", "are", "was", "were", "be", "been", "being", "has", "have", "had",
     "also", "that"]
)  # fmt: skip


def fold(text: str) -> str:
    """Lower case, plain quotes, no accents, words separated by one space: for comparing."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return " ".join(re.findall(r"[^\W_]+", text))


def words(text: str) -> list[str]:
    return fold(text).split()


def echoes(text: str, inputs: Iterable[str]) -> bool:
    """The rewrite is one of its input sentences (or the whole point) again, up to case,
    punctuation and spacing: not a rewrite at all."""
    mine = fold(text)
    return any(mine == fold(source) for source in inputs)


def leaks(text: str, instruction: str, inputs: Iterable[str], n: int = 3) -> bool:
    """The rewrite repeats `n` consecutive words of the instruction that no input has."""
    said = words(instruction)
    grams = {tuple(said[i : i + n]) for i in range(len(said) - n + 1)}
    given = set()
    for source in inputs:
        seen = words(source)
        given |= {tuple(seen[i : i + n]) for i in range(len(seen) - n + 1)}
    mine = words(text)
    return any(tuple(mine[i : i + n]) in grams - given for i in range(len(mine) - n + 1))


def loops(text: str, n: int = 4) -> bool:
    """Some run of `n` words comes twice (the same sentence again, a clause repeated)."""
    mine = words(text)
    seen: set[tuple[str, ...]] = set()
    for i in range(len(mine) - n + 1):
        gram = tuple(mine[i : i + n])
        if gram in seen:
            return True
        seen.add(gram)
    return False


def stutters(text: str, inputs: Sequence[str]) -> bool:
    """A word written twice in a row that the inputs never double ("The the region, troops
    will be sent ..."); "had had" or "that that" copied from an input stands."""
    mine = [w.lower() for w in words(text)]
    doubled = {a for a, b in pairwise(mine) if a == b and a.isalpha()}
    if not doubled:
        return False
    theirs = {a for t in inputs for a, b in pairwise(w.lower() for w in words(t)) if a == b}
    return bool(doubled - theirs)


def complete(sentence: str) -> bool:
    """Opens with a capital (or a quotation mark and a capital) and ends a sentence."""
    stripped = sentence.strip()
    opening = stripped.lstrip("\"“‘'(")
    return bool(opening[:1].isupper() and re.search(r"[.!?][\"'”’)]*$", stripped))


def fragment(sentence: str, point: str, inputs: Sequence[str]) -> bool:
    """Too short, or opening with a word that continues something unsaid: glue ("and",
    "which"), a participle the inputs write in lower case ("setting fires"), a pronoun the point
    does not open with; or a quotation or bracket left open."""
    found = words(sentence)
    if len(found) < MIN_WORDS:
        return True
    first = found[0]
    if first in _GLUE_OPENERS:
        return True
    if first.endswith(("ing", "ed")) and any(
        re.search(rf"(?<![\w]){re.escape(first)}\b", source) for source in inputs
    ):
        return True  # an ordinary word ("setting"), not a name ("Beijing")
    if first in _PRONOUN_OPENERS and words(point)[:1] != [first]:
        return True
    straight = sentence.count('"') % 2
    curly = sentence.count("“") != sentence.count("”")
    brackets = sentence.count("(") != sentence.count(")")
    return bool(straight or curly or brackets)


_QUOTED = re.compile(r"\"[^\"]*\"|“[^”]*”|‘[^’]*’")
_FIRST_PERSON = re.compile(r"\b(?:I|[Ww]e|[Oo]urs?|us|[Mm]y|me|[Mm]ine)\b")


def unquoted(text: str) -> bool:
    """Someone's words given as the briefing's own: "we", "our", "I" outside quotation marks
    (a quotation whose marks and speaker the rewrite dropped). "US" the country is not "us"."""
    return bool(_FIRST_PERSON.search(_QUOTED.sub(" ", text)))


def screen(
    text: str,
    sentences: Sequence[str],
    inputs: Sequence[str],
    point: str,
    instruction: str,
    allowed: Vocabulary,
    limit: int,
) -> Rejection | None:
    """Why the model's output for one point cannot stand in for it, or None if it may (the fact
    check comes after). `sentences` is the output split into sentences, `limit` the most words
    the rewrite may have (fewer than the point's)."""
    if not sentences:
        return "incomplete"
    if leaks(text, instruction, inputs):
        return "instruction"
    if loops(text) or stutters(text, inputs) or len({fold(s) for s in sentences}) < len(sentences):
        return "loop"
    if echoes(" ".join(sentences), [*inputs, point]) or any(echoes(s, inputs) for s in sentences):
        return "echo"
    if not all(complete(s) for s in sentences):
        return "incomplete"
    if any(fragment(s, point, inputs) for s in sentences):
        return "fragment"
    if any(unquoted(s) for s in sentences):
        return "unquoted"
    if sum(len(words(s)) for s in sentences) > limit:
        return "not shorter"
    if invented(" ".join(sentences), allowed):
        return "invented"
    return None
