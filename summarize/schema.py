"""Frozen records that flow through the pipeline: ingest -> rank -> select -> (rewrite) -> compose.

Everything downstream of ingest is built from these, so the CLI, the TUI, the benchmarks and
the abstractive stage all speak the same types.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field

from .sentences import count_words


@dataclass(frozen=True)
class Article:
    """One source article after cleaning. `id` is its stable citation number [1]..[n]."""

    id: int
    label: str
    text: str
    title: str | None = None
    date: _dt.date | None = None
    source: str | None = None
    url: str | None = None
    path: str | None = None
    dateline: str | None = None
    duplicates: tuple[int, ...] = ()
    """Ids of other inputs whose text was identical; they are merged here and cited with it."""

    @property
    def words(self) -> int:
        return count_words(self.text)

    @property
    def cited_ids(self) -> tuple[int, ...]:
        return tuple(sorted((self.id, *self.duplicates)))


@dataclass(frozen=True)
class Sentence:
    """A sentence of one article; `index` is its 0-based position in that article.

    The one record for "this sentence of that source": briefing origins, support, evidence in
    the TUI and the checker's verdicts all point at sources with it.
    """

    doc_id: int
    index: int
    text: str

    @property
    def words(self) -> int:
        return count_words(self.text)


@dataclass(frozen=True)
class Support:
    """A sentence of another source that states the point, and how close its wording is."""

    sentence: Sentence
    similarity: float


@dataclass(frozen=True)
class Side:
    """One value sources give for a disputed fact, and who gives it where."""

    value: str
    sources: tuple[int, ...]
    sentences: tuple[Sentence, ...]


@dataclass(frozen=True)
class Disagreement:
    """Sources giving different values for one fact of one event ("Day of the strike")."""

    kind: str
    """"date" or "number"."""
    topic: str
    sides: tuple[Side, ...]


@dataclass(frozen=True)
class Dated:
    """One happening on the timeline: its date, a sentence describing it, who reports it."""

    date: _dt.date
    text: str
    citations: tuple[int, ...]
    """The sources that put it on this date."""
    sentences: tuple[Sentence, ...]
    differs: tuple[Side, ...] = ()
    """Sources reporting it on another day, one side per day ("Thursday" [4]): not cited for
    this date, and listed here rather than dropped."""


@dataclass(frozen=True)
class Point:
    """One sentence of a briefing and everything needed to cite it.

    `origin` is the source sentence it was extracted from (or, for a rewritten sentence, the
    source sentence it aligns to best); `support` lists the other sources reporting it, and a
    source is cited only if it reports every sentence of the point.
    """

    text: str
    origin: Sentence
    score: float
    support: tuple[Support, ...] = ()
    citations: tuple[int, ...] = ()
    rewritten: bool = False
    disputes: tuple[int, ...] = ()
    """Indices into `Briefing.disagreements` of the disagreements about this point."""
    more: tuple[Sentence, ...] = ()
    """Sentences of the same article that follow `origin` in the text: a sentence that cannot
    be read without the one before it ("He said ...", the end of a quotation) joins it."""

    @property
    def words(self) -> int:
        return count_words(self.text)

    @property
    def sentences(self) -> tuple[Sentence, ...]:
        """The source sentences the point's text is made of, in order."""
        return (self.origin, *self.more)


@dataclass(frozen=True)
class RewriteCounts:
    """What the abstractive stage did with the briefing's points: the reader is told how much
    of the text is the model's and how much the sources' own words."""

    rewritten: int
    """Points whose text the model wrote (it differs from every source sentence)."""
    extracted: int
    """Points kept as extracted: not rewritten, or their rewrite rejected."""
    rejected: int
    """Rewrites rejected by the screens or the fact check (part of `extracted`)."""
    reasons: tuple[tuple[str, int], ...] = ()
    """Rejections by reason ("echo", "instruction", "loop", "check", ...)."""


@dataclass(frozen=True)
class Briefing:
    """The consolidated, cited result. `sources` lists every input; `included` those toggled on."""

    title: str
    points: tuple[Point, ...]
    sources: tuple[Article, ...]
    included: tuple[int, ...]
    method: str
    words: int
    mode: str = "extractive"
    notices: tuple[str, ...] = ()
    replaced: int = 0
    """Abstractive rewrites rejected and replaced by the extracted sentence."""
    rewrite: RewriteCounts | None = None
    """What the abstractive stage did (None in extractive mode)."""
    disagreements: tuple[Disagreement, ...] = ()
    timeline: tuple[Dated, ...] | None = None
    """Dated happenings in date order, when asked for (None otherwise)."""
    timings: dict[str, float] = field(default_factory=dict, compare=False, hash=False)

    @property
    def word_count(self) -> int:
        return sum(p.words for p in self.points)

    @property
    def lede(self) -> Point | None:
        return self.points[0] if self.points else None

    def source(self, doc_id: int) -> Article:
        for article in self.sources:
            if article.id == doc_id:
                return article
        raise KeyError(doc_id)


@dataclass(frozen=True)
class Problem:
    kind: str
    span: str
    """The words of the claim the problem is about."""
    detail: str


@dataclass(frozen=True)
class Verdict:
    text: str
    supported: bool
    problems: tuple[Problem, ...] = ()
    evidence: tuple[Sentence, ...] = ()


@dataclass(frozen=True)
class Check:
    """One verdict per sentence of the text checked, in order."""

    sentences: tuple[Verdict, ...]
    sources: tuple[Article, ...] = field(default=(), compare=False)
    included: tuple[int, ...] = ()

    @property
    def supported(self) -> int:
        return sum(v.supported for v in self.sentences)

    @property
    def unsupported(self) -> int:
        return len(self.sentences) - self.supported
