"""The word lists the fact layer reads, as data files in `summarize/data/` (the sumy way).

Every list is keyed by `key(word)`: the lemma for the irregular forms in `lemmas.txt`, then the
Porter stem, so "bought", "buys" and "buying" all meet "buy", and "injuries" meets "injured".
Loaded once, on first use.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from .sentences import stem


def _lines(name: str) -> Iterator[str]:
    text = resources.files("summarize").joinpath("data", name).read_text(encoding="utf-8")
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            yield line


def data_lines(name: str) -> Iterator[str]:
    """The non-comment lines of a word list in `summarize/data/`."""
    return _lines(name)


@cache
def data_sections(name: str) -> dict[str, frozenset[str]]:
    """A word list in `[section]`s: section name -> its lines (lines before any header
    under "")."""
    sections: dict[str, set[str]] = {}
    current = sections.setdefault("", set())
    for line in _lines(name):
        if line.startswith("["):
            current = sections.setdefault(line.strip("[]"), set())
        else:
            current.add(line)
    return {section: frozenset(lines) for section, lines in sections.items()}


@cache
def _irregular() -> dict[str, str]:
    return dict(line.split() for line in _lines("lemmas.txt"))


def irregular_forms() -> frozenset[str]:
    """Inflected forms listed in lemmas.txt ("bought", "fled", "children")."""
    return frozenset(_irregular())


def lemma(word: str) -> str:
    """The dictionary form of a lower-case word where it is irregular, else the word itself."""
    return _irregular().get(word, word)


@lru_cache(maxsize=100_000)
def key(word: str) -> str:
    """The matching key of a word: lemma of irregular forms, then Porter stem, lower case."""
    lower = word.lower().replace("’", "'")
    if lower.endswith("'s"):
        lower = lower[:-2]
    return stem(lemma(lower))


def phrase_key(phrase: str) -> tuple[str, ...]:
    return tuple(key(w) for w in re.findall(r"[\w$£€¥%°./'-]+", phrase.lower()) if w)


@cache
def _synonym_groups() -> dict[str, frozenset[int]]:
    groups: dict[str, set[int]] = {}
    for number, line in enumerate(_lines("synonyms.txt")):
        for word in line.split(","):
            words = word.split()
            if len(words) == 1:
                groups.setdefault(key(words[0]), set()).add(number)
    return {k: frozenset(v) for k, v in groups.items()}


def synonym_groups_of(word_key: str) -> frozenset[int]:
    return _synonym_groups().get(word_key, frozenset())


@cache
def _group_members() -> dict[int, frozenset[str]]:
    members: dict[int, set[str]] = {}
    for word_key, groups in _synonym_groups().items():
        for group in groups:
            members.setdefault(group, set()).add(word_key)
    return {group: frozenset(keys) for group, keys in members.items()}


def synonyms_of(word_key: str) -> frozenset[str]:
    """Keys of the one-word synonyms listed with this key (itself left out)."""
    members = _group_members()
    found = {k for group in synonym_groups_of(word_key) for k in members[group]}
    return frozenset(found - {word_key})


def synonymous(a: str, b: str) -> bool:
    """Whether two keys can stand for each other (same key, or a shared synonym group)."""
    if a == b:
        return True
    groups = _synonym_groups()
    return bool(groups.get(a, frozenset()) & groups.get(b, frozenset()))


@cache
def _antonyms() -> dict[str, frozenset[str]]:
    pairs: dict[str, set[str]] = {}
    for line in _lines("antonyms.txt"):
        left, right = (side.split(",") for side in line.split("|"))
        lefts = {key(w.strip()) for w in left if w.strip()}
        rights = {key(w.strip()) for w in right if w.strip()}
        for a in lefts:
            pairs.setdefault(a, set()).update(rights - lefts)
        for b in rights:
            pairs.setdefault(b, set()).update(lefts - rights)
    return {k: frozenset(v) for k, v in pairs.items()}


def opposite(a: str, b: str) -> bool:
    """Whether two keys state opposite things (rose/fell, acquitted/convicted)."""
    return b in opposites(a)


def opposites(a: str) -> frozenset[str]:
    """The keys that state the opposite of `a`: a set to meet a sentence's keys at once."""
    return _antonyms().get(a, frozenset())


_NEGATING = (("non-", 4), ("non", 4), ("un", 4), ("il", 5), ("ir", 5), ("in", 5), ("im", 5))
"""Prefixes that deny the word they open, with the shortest rest they take: "unarmed" /
"armed", "non-violent" / "violent", "illegal" / "legal", "impossible" / "possible"."""

_ADJECTIVE_ENDS = (
    "able", "ably", "ible", "ibly", "ate", "ately", "ent", "ently", "ant", "ive", "ively", "ic",
    "al", "ally", "ect", "ectly", "ete", "etely", "ary", "ile", "ity", "ance", "ence", "ite",
)  # fmt: skip
"""In- and im- open many words that deny nothing ("inform", "impose", "income"): they count
only before an adjective ending ("incorrect", "inaccurate", "immobile", "inability")."""


@cache
def _not_negating() -> frozenset[str]:
    return frozenset(key(line) for line in _lines("not_negating.txt"))


@lru_cache(maxsize=100_000)
def negates(a: str, b: str) -> bool:
    """Whether one lower-case word is the other denied by a prefix ("unarmed" / "armed"): the
    opposites no list can hold all of. In the 246 dev clusters' sources the un-, non-, il- and
    ir- pairs are nearly all opposites; in- and im- are kept to adjectives (above), dis- is left
    to antonyms.txt (it opens "disease", "discover", "dismiss")."""
    for word, other in ((a, b), (b, a)):
        for prefix, shortest in _NEGATING:
            rest = word[len(prefix) :]
            if not word.startswith(prefix) or len(rest) < shortest or not rest[0].isalpha():
                continue
            if prefix in ("in", "im") and not rest.endswith(_ADJECTIVE_ENDS):
                continue
            if key(word) not in _not_negating() and key(rest) == key(other):
                return True
    return False


@cache
def _exclusive() -> dict[str, int]:
    groups: dict[str, int] = {}
    for number, line in enumerate(_lines("exclusive.txt")):
        for word in line.split(","):
            if word.strip():
                groups[key(word.strip())] = number
    return groups


def exclusive(a: str, b: str) -> bool:
    """Whether two keys are different members of one closed set (colours): "blue" against
    "red", not a paraphrase of it (spellings of one colour, grey/gray, are synonyms)."""
    groups = _exclusive()
    if a == b or synonymous(a, b):
        return False
    return a in groups and groups.get(b) == groups[a]


def same_side(a: str, b: str) -> bool:
    """Whether two keys stand on the same side of a listed opposition (jumped/rose, both
    against fell): for aligning a paraphrase with its source word."""
    table = _antonyms()
    mine, theirs = table.get(a), table.get(b)
    return bool(mine and theirs and mine & theirs) and b not in mine


def exclusive_member(a: str) -> bool:
    return a in _exclusive()


def has_opposite(a: str) -> bool:
    return a in _antonyms() or a in _exclusive()


@dataclass(frozen=True)
class Unit:
    kind: str
    """The class ("money", "distance", "rate", ...): units of one class exclude each other."""
    name: str
    factor: float | None = None
    """Size in the class's base unit (metres, kilograms, seconds, litres), where one exists."""


@cache
def units() -> dict[tuple[str, ...], Unit]:
    """Spelling (lower-case words) -> unit. Symbols ($, %, £) are their own one-word spelling."""
    found: dict[tuple[str, ...], Unit] = {}
    for line in _lines("units.txt"):
        kind, rest = line.split(":", 1)
        name, spellings = rest.split("=", 1)
        name, _, factor = name.partition("*")
        unit = Unit(kind.strip(), name.strip(), float(factor) if factor.strip() else None)
        for spelling in spellings.split(","):
            words = tuple(spelling.strip().lower().split())
            if words:
                found.setdefault(words, unit)
    return found


@cache
def longest_unit() -> int:
    return max(len(words) for words in units())


@cache
def roles() -> dict[tuple[str, ...], int]:
    """Title or occupation (lower-case words, dots kept) -> role number; one line, one role."""
    found: dict[tuple[str, ...], int] = {}
    lines = [*_lines("titles.txt"), *_lines("kinship.txt")]
    roles_of_lines = [line.split(",") for line in lines if ">" not in line]
    for line in lines:  # "player > striker, guard": each a role of its own unless listed
        if ">" in line:
            general, _, specific = line.partition(">")
            roles_of_lines += [[general], *([s] for s in specific.split(","))]
    for number, spellings in enumerate(roles_of_lines):
        for spelling in spellings:
            words = tuple(spelling.strip().lower().split())
            if words:
                found.setdefault(words, number)
    return found


@cache
def _general_roles() -> dict[tuple[str, ...], frozenset[tuple[str, ...]]]:
    """ "player > striker, defender": a word for any of the roles after it (titles.txt)."""
    found = {}
    for line in _lines("titles.txt"):
        if ">" in line:
            general, _, specific = line.partition(">")
            found[tuple(general.strip().lower().split())] = frozenset(
                tuple(w.strip().lower().split()) for w in specific.split(",") if w.strip()
            )
    return found


@cache
def not_personal() -> frozenset[str]:
    """Words of a body's, a place's or a building's name (not_personal.txt): no person's."""
    return frozenset(line.lower() for line in _lines("not_personal.txt"))


@cache
def kinship() -> frozenset[tuple[str, ...]]:
    """Relations within a family (kinship.txt): roles, but never rivals of an office."""
    return frozenset(tuple(line.lower().split()) for line in _lines("kinship.txt"))


@cache
def person_kinds() -> frozenset[str]:
    """Words that give a person's sex or place in a family (sexes.txt, one-word kinship.txt
    lines), as keys."""
    kin = {words[0] for words in kinship() if len(words) == 1}
    return frozenset(key(w) for w in {*_lines("sexes.txt"), *kin})


@cache
def role_words() -> frozenset[str]:
    return frozenset(w.rstrip(".") for words in roles() for w in words)


RANKS = frozenset(["deputy", "assistant", "associate", "acting", "interim", "vice", "under"])
"""Words that make a role another, lower one: a deputy press secretary is not the press
secretary, an associate professor not a professor in the sense a claim may drop it."""


def same_role(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    table = roles()
    if a == b:
        return True
    general = _general_roles()
    if b in general.get(a, ()) or a in general.get(b, ()):
        return True  # "player" for "defender"; "defender" for "player"
    # a word for any of the roles covers them at every rank: a deputy district attorney is a
    # prosecutor (second new-user audit), though not the district attorney
    a_bare, b_bare = _unranked(a), _unranked(b)
    if b_bare in general.get(a, ()) or a_bare in general.get(b, ()):
        return True
    return a in table and b in table and table[a] == table[b]


def _unranked(role: tuple[str, ...]) -> tuple[str, ...]:
    """The role without its leading ranks ("district attorney" of "deputy district attorney")."""
    k = 0
    while k < len(role) - 1 and role[k] in RANKS:
        k += 1
    return role[k:]


@cache
def speech_verbs() -> frozenset[str]:
    return frozenset(" ".join(phrase_key(line)) for line in _lines("speech.txt"))


_IRREGULAR_SPEECH = {
    "say": ("said",),
    "tell": ("told",),
    "write": ("wrote", "written"),
    "think": ("thought",),
    "quote": ("quoted",),
}


@cache
def speech_forms() -> frozenset[str]:
    """Inflected forms that attribute a statement ("said", "tells", "added"), not bare lemmas:
    "state" and "claim" are nouns as often as verbs."""
    forms: set[str] = {"say", "tell"}
    for line in _lines("speech.txt"):
        if " " in line:
            continue
        forms.update(_IRREGULAR_SPEECH.get(line, ()))
        forms.add(line + ("es" if line.endswith(("s", "sh", "ch")) else "s"))
        if line.endswith("e"):
            forms.add(line + "d")
        elif line.endswith("y") and line not in ("say",):
            forms.update((line[:-1] + "ied", line[:-1] + "ies"))
        elif line in _DOUBLED:
            forms.add(line + line[-1] + "ed")  # "quipped", "admitted"
        else:
            forms.add(line + "ed")
    return frozenset(forms)


_DOUBLED = frozenset(["quip", "admit", "regret", "rebut", "submit", "commit"])


@cache
def speech_participles() -> frozenset[str]:
    """The "-ing" forms of the speech verbs: "..., saying the plan was dead" gives the words to
    the subject before the comma."""
    forms: set[str] = set()
    for line in _lines("speech.txt"):
        if " " in line or line == "tell":  # after "telling" comes who was told
            continue
        if line in _DOUBLED:
            forms.add(line + line[-1] + "ing")
        elif line.endswith("e") and not line.endswith("ee"):
            forms.add(line[:-1] + "ing")
        else:
            forms.add(line + "ing")
    return frozenset(forms)


@cache
def function_words() -> frozenset[str]:
    """Grammar words (data/function.txt): what the fact layer never counts as content."""
    return frozenset(_lines("function.txt"))


@cache
def event_words() -> frozenset[str]:
    """Keys of words that name a happening (data/events.txt)."""
    return frozenset(key(line) for line in _lines("events.txt"))


@cache
def incident_lemmas() -> frozenset[str]:
    """The words of data/incidents.txt as written (lemmas, not keys)."""
    return data_sections("incidents.txt")[""]


@cache
def incident_words() -> frozenset[str]:
    """Keys of concrete happenings a report would mention if they occurred (data/incidents.txt)."""
    return frozenset(key(line) for line in incident_lemmas())


@cache
def loose_synonyms() -> frozenset[str]:
    """Keys of words listed with a happening that mostly mean something else ("hold", "leave"):
    they do not state it (data/incidents.txt, [loose])."""
    return frozenset(key(line) for line in data_sections("incidents.txt").get("loose", ()))


@cache
def place_names() -> frozenset[str]:
    """The places the demonyms stand for ("united states", "iran"), lower case."""
    return frozenset(place for places in demonyms().values() for place in places)


@cache
def us_states() -> frozenset[tuple[str, ...]]:
    """The fifty states, each as its lower-case words (data/us_states.txt)."""
    return frozenset(tuple(line.split()) for line in _lines("us_states.txt"))


@cache
def demonyms() -> dict[str, frozenset[str]]:
    """Nationality adjective -> the place names it stands for (lower case)."""
    found = {}
    for line in _lines("demonyms.txt"):
        adjective, names = line.split("=")
        found[adjective.strip()] = frozenset(n.strip() for n in names.split(","))
    return found


@cache
def buildings() -> frozenset[str]:
    """Words ending a building's name (buildings.txt): "... Hospital", "... High School"."""
    return frozenset(line.lower() for line in _lines("buildings.txt"))


@cache
def bodies() -> frozenset[str]:
    """Bodies a person may be "of" without their name (bodies.txt): "of the coastguard"."""
    return frozenset(line.lower() for line in _lines("bodies.txt"))


@cache
def speaker_keys() -> frozenset[str]:
    """Keys of nouns that can say something: speakers.txt and every word of titles.txt."""
    found = {key(line) for line in _lines("speakers.txt")}
    found |= {key(w) for w in role_words()}
    return frozenset(found)


@cache
def negations() -> frozenset[str]:
    return frozenset(line.lower() for line in _lines("negation.txt"))


@cache
def vague_quantities() -> dict[tuple[str, ...], tuple[float, float]]:
    found = {}
    for line in _lines("quantities.txt"):
        words, bounds = line.split("=")
        low, high = (float("inf") if b.strip() == "inf" else float(b) for b in bounds.split(","))
        found[tuple(words.split())] = (low, high)
    return found


@cache
def light_words() -> frozenset[str]:
    """Keys of words a faithful sentence may add without support (see data/light.txt)."""
    return frozenset(key(line) for line in _lines("light.txt"))


INF = math.inf

_LONGEST: dict[int, int] = {}


def longest(table: dict[tuple[str, ...], object]) -> int:
    """Words in the longest phrase of a loaded table (tables load once: keyed by identity)."""
    found = _LONGEST.get(id(table))
    if found is None:
        found = _LONGEST[id(table)] = max(len(k) for k in table)
    return found
