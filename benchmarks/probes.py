"""Probes: the checker on mechanical edits of dev sentences nobody wrote for it.

The labelled sets (`bench check`) are sentences people wrote; a checker tuned on some of them
can learn their habits. A probe takes sentences of the Multi-News dev articles that the checker
finds supported word for word, edits each in one way, and asks the checker again. An *error*
probe plants one wrong fact (another person of the same story, two people's places traded, a
word turned to its opposite, a happening turned into another, "not" put in, an office turned
into another); a *faithful* probe keeps every fact (two sentences joined, an aside dropped, a
full name cut to its surname). The probes' own word lists are deliberately not the checker's
lexicon, so an error probe measures the lexicon's reach too.

Only counts are reported: the dev set is read in place and its sentences never enter the
repository. Each probe edits at most `PER_CLUSTER` sentences of a cluster, deterministically.
"""

from __future__ import annotations

import random
import re
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from summarize.checker import Checker
from summarize.schema import Article
from summarize.sentences import split_sentences

from .data import HALVES, Subset, load_dataset
from .report import header, table, write_json

PER_CLUSTER = 3
"""Edited sentences per probe and cluster: enough to spread the probe over many stories."""

LONGEST = 250
"""Characters of the longest sentence edited (a long one hides any edit in its other words)."""

_OPPOSITES = (
    "rose fell|higher lower|increased decreased|more fewer|won lost|approved rejected|"
    "accepted declined|allowed banned|supported opposed|confirmed denied|agreed refused|"
    "hired fired|arrived left|guilty innocent|legal illegal|success failure|succeeded failed|"
    "before after|first last|early late|earlier later|alive dead|survived died|open closed|"
    "opened closed|began ended|started ended|above below|ahead behind|up down|top bottom|"
    "best worst|most least|majority minority|maximum minimum|surplus deficit|profit loss|"
    "gain loss|buy sell|bought sold|import export|north south|east west|northern southern|"
    "eastern western|inside outside|public private|domestic foreign|permanent temporary|"
    "male female|man woman|men women|boys girls|husband wife|mother father|son daughter|"
    "brother sister|morning evening|day night|fast slow|faster slower|quickly slowly|"
    "improved worsened|strict lenient|thick thin|deep shallow|rural urban|voluntary mandatory|"
    "armed unarmed|accidental deliberate|popular unpopular|optimistic pessimistic|"
    "praised criticized|welcomed condemned|supporters opponents|allies rivals|victory defeat|"
    "positive negative|true false|safe dangerous|possible impossible|common rare|cheap expensive|"
    "rich poor|easy difficult|hot cold|wet dry|full empty|long short|old young|young old|"
    "conservative liberal|critical stable|imposed lifted|near far|love hate|peace war"
)
"""Pairs of opposites written for the probe, both ways: not the checker's antonyms.txt."""

_HAPPENINGS = (
    "attack", "bombing", "explosion", "shooting", "stabbing", "crash", "fire", "flood",
    "earthquake", "riot", "protest", "strike", "robbery", "kidnapping", "murder", "arrest",
    "election", "wedding", "funeral", "concert", "trial", "hearing", "merger", "lawsuit",
    "scandal", "storm", "hurricane", "outbreak", "raid", "collapse",
)  # fmt: skip

_TITLES = (
    "President", "Gov.", "Sen.", "Rep.", "Mayor", "Judge", "Gen.", "Dr.", "Prof.", "Secretary",
    "Coach", "Bishop", "Prime Minister", "Ambassador", "Officer", "Sgt.", "Detective",
)  # fmt: skip

_AUXILIARY = re.compile(
    r"\b(was|were|is|are|has|have|had|will|would|could|can|should|did|does)\b(?! not\b)(?!n't)"
)
_NEGATED = re.compile(r"\b(not|no|never|n't|nothing|nobody|none)\b|n't\b", re.IGNORECASE)
_ASIDE = re.compile(r", (?:who|which|whose|a|an|the) [^,;:\"“”]{3,80}?, ")
_ENTITY_LABELS = frozenset(["PERSON", "ORG", "GPE", "NORP"])


def _pairs() -> dict[str, str]:
    opposite: dict[str, str] = {}
    for pair in _OPPOSITES.split("|"):
        a, b = pair.split()
        opposite.setdefault(a, b)
        opposite.setdefault(b, a)
    return opposite


OPPOSITE = _pairs()


@dataclass(frozen=True)
class Story:
    """One dev cluster as the probes see it: its articles and the entities it names."""

    id: str
    articles: tuple[Article, ...]

    @cached_property
    def entities(self) -> dict[str, tuple[str, ...]]:
        """Entity texts of the story by spaCy label ("PERSON", "GPE", ...), sorted."""
        from summarize.parse import parsed

        found: dict[str, set[str]] = {}
        text = " ".join(a.text for a in self.articles)[:60_000]
        for entity in parsed(text).ents:
            found.setdefault(entity.label_, set()).add(entity.text)
        return {label: tuple(sorted(texts)) for label, texts in found.items()}


Edit = Callable[[str, Story, random.Random], "str | None"]


@dataclass(frozen=True)
class Probe:
    name: str
    faithful: bool
    """Whether the edit keeps every fact (the checker should pass it) or plants an error."""
    description: str
    edit: Edit


# -- error edits --------------------------------------------------------------------------------


def _other_entity(label: str) -> Edit:
    """The sentence's first entity of `label` put for another of the story's, one sharing none
    of its words and not in the sentence."""

    def edit(sentence: str, story: Story, rng: random.Random) -> str | None:
        from summarize.parse import parsed

        mine = [e for e in parsed(sentence).ents if e.label_ == label]
        if not mine:
            return None
        entity = mine[0]
        words = set(entity.text.split())
        others = [
            e
            for e in story.entities.get(label, ())
            if len(e) > 3
            and e not in sentence
            and not set(e.split()) & words
            and e.split()[-1] not in sentence
        ]
        if not others:
            return None
        return sentence[: entity.start_char] + rng.choice(others) + sentence[entity.end_char :]

    return edit


def _traded(sentence: str, story: Story, rng: random.Random) -> str | None:
    """The subject and the object of one verb, two named entities of one kind, trade places."""
    from summarize.parse import parsed

    doc = parsed(sentence)

    def entity_at(token: Any) -> Any:
        return next(
            (e for e in doc.ents if e.start <= token.i < e.end and e.label_ in _ENTITY_LABELS),
            None,
        )

    for verb in doc:
        if verb.pos_ != "VERB":
            continue
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        if not subjects or not objects:
            continue
        a, b = entity_at(subjects[0]), entity_at(objects[0])
        if a is None or b is None or a.label_ != b.label_:
            continue
        if a.text in b.text or b.text in a.text:
            continue
        x, y = sorted((a, b), key=lambda e: e.start)
        return (
            sentence[: x.start_char]
            + y.text
            + sentence[x.end_char : y.start_char]
            + x.text
            + sentence[y.end_char :]
        )
    return None


def _opposite(sentence: str, story: Story, rng: random.Random) -> str | None:
    """The first word with an opposite in the probe's list turned to it."""
    match = next((m for m in re.finditer(r"\b[a-z]+\b", sentence) if m.group(0) in OPPOSITE), None)
    if match is None:
        return None
    return sentence[: match.start()] + OPPOSITE[match.group(0)] + sentence[match.end() :]


def _negated(sentence: str, story: Story, rng: random.Random) -> str | None:
    """ "not" after the first auxiliary of a sentence that denies nothing."""
    if _NEGATED.search(sentence):
        return None
    match = _AUXILIARY.search(sentence)
    if match is None or match.start() < 8:
        return None
    return sentence[: match.end()] + " not" + sentence[match.end() :]


def _happening(sentence: str, story: Story, rng: random.Random) -> str | None:
    """A happening turned into another the sentence does not name."""
    match = re.search(r"\b(" + "|".join(_HAPPENINGS) + r")\b", sentence)
    if match is None:
        return None
    lowered = sentence.lower()
    others = [h for h in _HAPPENINGS if h != match.group(1) and h not in lowered]
    return sentence[: match.start()] + rng.choice(others) + sentence[match.end() :]


_TITLED = re.compile(r"\b(" + "|".join(re.escape(t) for t in _TITLES) + r") (?=[A-Z][a-z]+ [A-Z])")


def _retitled(sentence: str, story: Story, rng: random.Random) -> str | None:
    """The office before a person's name turned into another."""
    match = _TITLED.search(sentence)
    if match is None:
        return None
    lowered = sentence.lower()
    others = [t for t in _TITLES if t != match.group(1) and t.lower() not in lowered]
    return sentence[: match.start(1)] + rng.choice(others) + sentence[match.end(1) :]


# -- faithful edits -----------------------------------------------------------------------------


def _aside_dropped(sentence: str, story: Story, rng: random.Random) -> str | None:
    """An aside between commas dropped (", who ...,", ", the ...,")."""
    match = _ASIDE.search(sentence)
    if match is None:
        return None
    return sentence[: match.start()] + " " + sentence[match.end() :]


def _surname(sentence: str, story: Story, rng: random.Random) -> str | None:
    """A person's two-word name cut to the surname."""
    from summarize.parse import parsed

    people = [e for e in parsed(sentence).ents if e.label_ == "PERSON" and len(e.text.split()) == 2]
    if not people:
        return None
    person = people[0]
    return sentence[: person.start_char] + person.text.split()[1] + sentence[person.end_char :]


PROBES = (
    Probe("person", False, "a person put for another of the story", _other_entity("PERSON")),
    Probe("place", False, "a place put for another of the story", _other_entity("GPE")),
    Probe("roles", False, "subject and object of one verb trade places", _traded),
    Probe("opposite", False, "a word turned to its opposite (the probe's list)", _opposite),
    Probe("negation", False, '"not" after the first auxiliary', _negated),
    Probe("happening", False, "a happening turned into another", _happening),
    Probe("title", False, "the office before a name turned into another", _retitled),
    Probe("aside", True, "an aside between commas dropped", _aside_dropped),
    Probe("surname", True, "a two-word name cut to the surname", _surname),
)
PROBE_NAMES = tuple(p.name for p in PROBES)


# -- running ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Tally:
    probe: str
    half: str
    edited: int
    flagged: int


def _candidates(story: Story) -> Iterator[str]:
    """Sentences a probe may edit: short enough, no quotation (its words are a speaker's)."""
    for article in story.articles:
        for sentence in split_sentences(article.text):
            if len(sentence) <= LONGEST and not any(q in sentence for q in '"“”'):
                yield sentence


def probe_story(story: Story, probes: Sequence[Probe], checker: Checker) -> dict[str, list[int]]:
    """Per probe: [edited, flagged] on one story."""
    supported: dict[str, bool] = {}
    counts = {p.name: [0, 0] for p in probes}
    for probe in probes:
        rng = random.Random(f"{probe.name}-{story.id}")
        for sentence in _candidates(story):
            if counts[probe.name][0] >= PER_CLUSTER:
                break
            edited = probe.edit(sentence, story, rng)
            if edited is None or edited == sentence:
                continue
            if sentence not in supported:
                supported[sentence] = checker.verify(sentence).supported
            if not supported[sentence]:
                continue  # the probe measures the edit, not a sentence the checker already doubts
            counts[probe.name][0] += 1
            counts[probe.name][1] += not checker.verify(edited).supported
    return counts


def run(
    out: Path,
    env: dict[str, Any],
    probes: Sequence[str] = PROBE_NAMES,
    halves: Sequence[str] = HALVES,
    limit: int | None = None,
    progress: bool = True,
) -> dict[str, Path]:
    chosen = [p for p in PROBES if p.name in probes]
    started = time.perf_counter()
    tallies = []
    for half in halves:
        dataset = load_dataset("multinews", subset=Subset(limit=limit, half=half))
        totals = {p.name: [0, 0] for p in chosen}
        for n, cluster in enumerate(dataset.clusters, 1):
            story = Story(cluster.id, cluster.articles)
            for name, (edited, flagged) in probe_story(
                story, chosen, Checker(cluster.articles)
            ).items():
                totals[name][0] += edited
                totals[name][1] += flagged
            if progress:
                print(f"\r{half}: {n}/{len(dataset.clusters)} stories", end="", file=sys.stderr)
        if progress:
            print(file=sys.stderr)
        tallies += [Tally(name, half, e, f) for name, (e, f) in totals.items()]
    seconds = time.perf_counter() - started
    out.mkdir(parents=True, exist_ok=True)
    md = out / "probes.md"
    md.write_text(_report(chosen, tallies, env, seconds, limit), encoding="utf-8")
    data = out / "probes.json"
    write_json(data, {"environment": env, "tallies": [vars(t) for t in tallies]})
    return {"markdown": md, "json": data}


def _report(
    probes: Sequence[Probe],
    tallies: Sequence[Tally],
    env: dict[str, Any],
    seconds: float,
    limit: int | None,
) -> str:
    lines = header("Checker probes on edited dev sentences", env)
    lines += [
        "Sentences of the Multi-News dev articles that `summarize check` finds supported as "
        f"they stand (at most {LONGEST} characters, no quotation), each edited in one way, "
        f"at most {PER_CLUSTER} per probe and story"
        + (f", first {limit} stories of each half" if limit else "")
        + ". An *error* probe should be flagged, a *faithful* one passed. Only counts: the dev "
        "set's sentences stay out of the repository.",
        "",
    ]
    rows = []
    for probe in probes:
        cells = []
        for half in HALVES:
            tally = next((t for t in tallies if t.probe == probe.name and t.half == half), None)
            if tally is None or not tally.edited:
                cells.append("–")
                continue
            share = 100 * tally.flagged / tally.edited
            cells.append(f"{tally.flagged} of {tally.edited} ({share:.0f} %)")
        rows.append(
            [probe.name, "faithful" if probe.faithful else "error", probe.description, *cells]
        )
    lines += table(["probe", "kind", "edit", "flagged (even)", "flagged (odd)"], rows, "lllrr")
    lines += ["", f"Probed in {seconds:.0f} s.", ""]
    return "\n".join(lines)
