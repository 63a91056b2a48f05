"""Dated events across sources: the timeline, and the days the sources do not agree on.

Every sentence that dates something (a weekday, a calendar date, "yesterday") is a mention of an
event: the date, resolved against its article's date where that is known, and the words around
it ("a Dec. 27 rocket attack that killed a U.S. contractor"). Mentions from any source that
describe the same happening — they share its key words — are one event, cited by every source
that mentions it. A date that cannot be resolved is kept as written, never invented; two
sources that put the same event on different days (Thursday in one, Friday in the other) are a
disagreement, unless they are days apart, which makes them different events.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from . import lexicon
from .evidence import QUOTE_MARKS, covered, related
from .facts import WEEKDAYS, Facts, When, analyse, said_on_day, same_name
from .schema import Article, Dated, Disagreement, Sentence, Side
from .sentences import split_sentences

SAME_EVENT = 0.4
"""Share of one mention's event words the other must state (either way) to be the same event."""
MAX_DISPUTE_DAYS = 1
"""Days this close for one event are a disagreement (a night strike is Thursday in Washington
and Friday in Baghdad); further apart, or two different calendar dates, are two events."""


@dataclass(frozen=True)
class Mention:
    sentence: Sentence
    when: When
    date: _dt.date | None
    """Resolved against the article's date; None when that cannot be known."""
    words: frozenset[str]
    """Keys of the content words around the date: what happened."""
    heads: frozenset[str]
    """Words naming what happened on that day ("strike", "storming")."""
    names: tuple[tuple[str, ...], ...]
    anchor: _dt.date | None
    ended: bool = False
    """What happened is the end of the named event ("lifted the evacuation order"), not the
    event itself ("ordered residents to evacuate")."""


@dataclass(frozen=True)
class Event:
    """One happening, as every source that dates it reports it."""

    date: _dt.date | None
    """The date most sources give (the earliest of them on a tie); None if none resolves."""
    mentions: tuple[Mention, ...]

    @property
    def citations(self) -> tuple[int, ...]:
        return tuple(sorted({m.sentence.doc_id for m in self.mentions}))

    @property
    def agreeing(self) -> tuple[Mention, ...]:
        """The mentions that put it on its date: a source that gives another day does not
        support the timeline's entry ("hit on Sunday night" is not cited to a source saying
        Monday); the day it gives is listed among the disagreements instead."""
        weekday = self.date.weekday() if self.date is not None else None
        return (
            tuple(
                m
                for m in self.told
                if m.date == self.date or (m.date is None and m.when.weekday in (None, weekday))
            )
            or self.mentions
        )

    @property
    def told(self) -> tuple[Mention, ...]:
        """Each source's mentions of the day it gives first: a source whose lede says
        "killed on Thursday" and a later paragraph "Friday's airstrike" gives Thursday (the
        Washington Post in the seeds, telling US time, then Baghdad's)."""
        first: dict[int, Mention] = {}
        for m in sorted(self.mentions, key=lambda m: (m.sentence.doc_id, m.sentence.index)):
            first.setdefault(m.sentence.doc_id, m)
        return tuple(m for m in self.mentions if _weekday(m) == _weekday(first[m.sentence.doc_id]))

    @property
    def dates(self) -> tuple[_dt.date, ...]:
        return tuple(sorted({m.date for m in self.mentions if m.date is not None}))

    @property
    def text(self) -> str:
        return self.texts[0]

    @property
    def texts(self) -> tuple[str, ...]:
        """Its sentences, best first: the most compact that reads on its own (a timeline entry
        has no sentence before it for "That triggered ..." or "The siege ..." to point to)."""
        from .readable import definite_reference, opener

        dated = [m for m in self.mentions if m.date == self.date] or list(self.mentions)
        ranked = sorted(
            dated,
            key=lambda m: (
                bool(opener(m.sentence.text)),
                _other_days(m) >= 2,  # "will return on Saturday after ... approved on
                # Thursday, ending a strike that began on Oct. 5" tells three days' news, a
                # worse entry for Oct. 5 than "The walkout began on Monday, Oct. 5" (fifth
                # new-user audit)
                definite_reference(m.sentence.text),
                _other_days(m),
                len(m.sentence.text),
                m.sentence.doc_id,
            ),
        )
        return tuple(dict.fromkeys(m.sentence.text for m in ranked))


def _clause(facts: Facts, when: When) -> tuple[int, int]:
    """Token span of the clause around a date, not reaching into another date's clause."""
    tokens = facts.tokens
    others = [d for d in facts.dates if d is not when]
    lo, hi = when.start, when.end
    while lo > 0 and tokens[lo - 1].text not in ";:()" and when.start - lo < 12:
        if any(d.end == lo for d in others) or tokens[lo - 1].lower in _ANOTHER_TIME:
            break
        lo -= 1
    while hi < len(tokens) and tokens[hi].text not in ";:()" and hi - when.end < 12:
        if any(d.start == hi for d in others) or tokens[hi].lower in _ANOTHER_TIME:
            break
        hi += 1
    return lo, hi


_ANOTHER_TIME = frozenset(["after", "before", "since", "until", "following", "ahead"])
"""Words that open a clause about another happening: in "blasted his father on Twitter
Monday, one day after announcing his support", Monday dates the blast, not the announcement
(a dev cluster listed "Day of the announcement: Sunday · Monday"); in "arrested after he
returned home Sunday", Sunday dates the return."""


_CONCESSIVE = frozenset(["despite", "although", "though"])


def _conceded(facts: Facts, when: When) -> bool:
    """The date belongs to a concession ("ordered an inquiry into why the ferry sailed despite
    a storm warning issued Thursday evening"): background, and the sentence shown under that
    day would put its main event there (the newswire audit's timeline had the minister's
    order on Thursday)."""
    for i in range(when.start - 1, max(-1, when.start - 9), -1):
        token = facts.tokens[i]
        if token.text in ";:" or any(d.end == i + 1 for d in facts.dates if d is not when):
            return False
        if token.lower in _CONCESSIVE:
            return True
    return False


def _said_on(facts: Facts, when: When) -> bool:
    """The day the sources spoke, where the sentence dates its happening too: in "Vella will
    be sworn in on Friday, the president's office announced on Tuesday", Tuesday is the
    announcement's, and the sentence under it would tell of the swearing-in (the new-user
    audit's timeline listed it under both days)."""
    return len(facts.dates) >= 2 and said_on_day(facts, when)


def _dates_a_report(facts: Facts, when: When) -> bool:
    """The date is the day something was made known, the happening told in a that-clause:
    "On Thursday the automaker confirmed that a fire burned up one of its cars" gives the
    fire no day (a dev cluster had "Day of the fire: Wednesday · Thursday"). The mention stays
    in the timeline, as the confirmation, but names no kind of event to be joined by."""
    speech = lexicon.speech_forms()
    tokens = facts.tokens
    after = [t.lower for t in tokens[when.end : when.end + 6]]
    for n, word in enumerate(after[:-1]):
        if word in speech:
            return after[n + 1] == "that"
        if word in (";", "that") or (word == "," and n > 0):
            break
    # "confirmed on Thursday that ..."
    return when.end < len(tokens) and tokens[when.end].lower == "that" and said_on_day(facts, when)


def _event_words(facts: Facts, lo: int, hi: int) -> frozenset[str]:
    """Content words of a clause, names included, light and time words left out."""
    light = lexicon.light_words()
    tokens = facts.tokens
    return frozenset(
        tokens[i].key
        for i in facts.content
        if lo <= i < hi and tokens[i].key not in light and tokens[i].lower not in _DAY_WORDS
    )


def _heads(facts: Facts, lo: int, hi: int) -> frozenset[str]:
    heads = lexicon.event_words()
    return frozenset(
        facts.tokens[i].key
        for i in facts.content
        if lo <= i < hi and facts.tokens[i].key in heads and not _names_a_body(facts, i)
    )


def _names_a_body(facts: Facts, i: int) -> bool:
    """Word i names an office or a body, not a happening: "Fire Chief Dale Ramirez", "the
    Fire Department" (second new-user audit: "Day of the fire: Friday · Saturday" from two
    sentences quoting the fire chief)."""
    tokens = facts.tokens
    following = tokens[i + 1].lower if i + 1 < len(tokens) else ""
    if not tokens[i].capital or following in lexicon.function_words():
        return False  # "the Battle of the Sibuyan Sea" is a happening
    return following in lexicon.role_words() or following in lexicon.not_personal()


_DAY_WORDS = frozenset(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "morning",
     "afternoon", "evening", "night", "early", "late", "day", "week", "month", "year"]
)  # fmt: skip


_DATE_HINT = re.compile(
    r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b"
    r"|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d"
    r"|\d\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
    r"|\b(?:[Yy]esterday|[Tt]oday|[Tt]onight|[Tt]omorrow)\b|\d{4}-\d{2}-\d{2}"
)
"""A cheap first look: a sentence without one of these cannot date anything."""


def _sentences(articles: Sequence[Article]) -> list[Sentence]:
    return [
        Sentence(article.id, index, text)
        for article in articles
        for index, text in enumerate(split_sentences(article.text))
    ]


def mentions(
    articles: Sequence[Article], sentences: Sequence[Sentence] | None = None
) -> list[Mention]:
    """Every dated mention in the articles (`sentences`: their sentences, if already split)."""
    found = []
    dated = [a.date for a in articles if a.date is not None]
    hint = max(dated) if dated else None
    by_id = {a.id: a for a in articles}
    for sentence in _sentences(articles) if sentences is None else sentences:
        if not _DATE_HINT.search(sentence.text):
            continue  # most sentences date nothing: skip the analysis
        article = by_id[sentence.doc_id]
        facts = analyse(sentence.text)
        for when in facts.dates:
            if _conceded(facts, when) or _said_on(facts, when):
                continue
            lo, hi = _clause(facts, when)
            if any(t.lower in ("if", "unless") for t in facts.tokens[lo : when.start]):
                continue  # "If data was leaving the network on Friday night, ...": a
                # supposition, no event (third new-user audit's timeline)
            words = _event_words(facts, lo, hi)
            if len(words) < 2:
                continue
            names = tuple(n.words for n in facts.names if lo <= n.start < hi) or tuple(
                n.words for n in facts.names
            )  # "Families in Valdoria spent a second night ... after an earthquake on Sunday
            # night": the clause names no one, the sentence does
            found.append(
                Mention(
                    sentence,
                    when,
                    None if _quoted_shift(facts, when) else when.resolve(article.date, hint),
                    words,
                    frozenset() if _dates_a_report(facts, when) else _heads(facts, lo, hi),
                    names,
                    article.date,
                    _ended(facts, lo, hi),
                )
            )
    return found


def _quoted_shift(facts: Facts, when: When) -> bool:
    """ "Tonight" or "yesterday" inside a quotation counts from the day it was said, which the
    article need not be (fifth new-user audit: a Friday report's quoted "Tonight our members
    decided" was dated Friday; the count was on Thursday night)."""
    before = facts.text[: facts.tokens[when.start].start]
    return when.shift is not None and sum(before.count(q) for q in QUOTE_MARKS) % 2 == 1


_ENDING = frozenset(
    ["lift", "lifted", "lifting", "end", "ended", "ending", "cancel", "cancelled", "canceled",
     "rescind", "rescinded", "revoke", "revoked", "withdraw", "withdrew", "reopen",
     "reopened", "suspend", "suspended"]
)  # fmt: skip
"""Verbs that end what the word after them names: "lifted the evacuation order" is the
evacuation's end (third new-user audit: "Day of the evacuation: Wednesday [2] · Tuesday [3]"
paired the order and its lifting)."""


def _ended(facts: Facts, lo: int, hi: int) -> bool:
    heads = lexicon.event_words()
    tokens = facts.tokens
    return any(
        tokens[i].lower in _ENDING
        and any(tokens[k].key in heads for k in range(i + 1, min(hi, i + 4)))
        for i in range(lo, hi)
    )


def same_event(a: Mention, b: Mention) -> bool:
    """Two dated mentions describe one happening: the same kind of event (a word naming it in
    common) with a participant in common (a name), at most two days apart."""
    apart = _days_apart(a, b)
    if apart is None or apart > MAX_DISPUTE_DAYS:
        return False  # days apart, or no way to tell
    if not any(related(x, y) for x in a.heads for y in b.heads) or a.ended != b.ended:
        return False
    return any(same_name(x, y) for x in a.names for y in b.names)


def _related(a: frozenset[str], b: frozenset[str]) -> float:
    """Share of the smaller word set the other states (synonyms and shared roots count)."""
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    if not small:
        return 0.0
    return sum(1 for k in small if covered(k, large)) / len(small)


def _bucket(head: str) -> str:
    """One key for a word and its synonyms, so related heads share a bucket."""
    groups = lexicon.synonym_groups_of(head)
    return f"g{min(groups)}" if groups else head


def _days_apart(a: Mention, b: Mention) -> int | None:
    explicit = bool(a.when.month and a.when.day and b.when.month and b.when.day)
    if explicit and (a.when.month, a.when.day) != (b.when.month, b.when.day):
        return 99  # two calendar dates written out: two events, not a slip of a day
    if a.date and b.date:
        return abs((a.date - b.date).days)
    if a.when.month and a.when.day and b.when.month and b.when.day:
        return abs((a.when.month - b.when.month) * 30 + a.when.day - b.when.day)
    wa = a.date.weekday() if a.date else a.when.weekday
    wb = b.date.weekday() if b.date else b.when.weekday
    if wa is None or wb is None:
        return None
    return min((wa - wb) % 7, (wb - wa) % 7)


def _other_days(mention: Mention) -> int:
    """Days besides its own that the sentence dates: "emerged as kingmaker on Tuesday ...
    after Sunday's election" tells Tuesday's news, a poor entry for Sunday (fourth new-user
    audit)."""
    facts = analyse(mention.sentence.text)
    return sum(1 for d in facts.dates if d.text != mention.when.text and not said_on_day(facts, d))


def events(articles: Sequence[Article], sentences: Sequence[Sentence] | None = None) -> list[Event]:
    """Mentions grouped into events (connected by `same_event`); each mention is in one event."""
    found = mentions(articles, sentences)
    parent = list(range(len(found)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    # the resolved days of each group, by its root: a weekday no article date resolves fits
    # two events a week apart ("Thursday" beside "Dec. 27" and "Friday, Jan. 3") and must not
    # chain them into one
    days = {i: {m.date} if m.date else set() for i, m in enumerate(found)}

    def join(i: int, j: int) -> None:
        a, b = root(i), root(j)
        if all(abs((x - y).days) <= MAX_DISPUTE_DAYS for x in days[a] for y in days[b]):
            parent[b] = a
            days[a] |= days.pop(b)

    buckets: dict[str, list[int]] = {}
    for i, mention in enumerate(found):
        for head in mention.heads:
            buckets.setdefault(_bucket(head), []).append(i)
    for members in buckets.values():  # only mentions naming the same kind of event meet
        # ... and only from different articles: pairs are formed across articles, never
        # within one, so one long article costs nothing here (it was quadratic in its mentions)
        by_doc: dict[int, list[int]] = {}
        for i in members:
            by_doc.setdefault(found[i].sentence.doc_id, []).append(i)
        docs = list(by_doc.values())
        for n, mine in enumerate(docs):
            for others in docs[n + 1 :]:
                for i in mine:
                    for j in others:
                        if root(i) != root(j) and same_event(found[i], found[j]):
                            join(i, j)
    groups: dict[int, list[Mention]] = {}
    for i, mention in enumerate(found):
        groups.setdefault(root(i), []).append(mention)
    result = []
    for group in groups.values():
        dated = [m.date for m in group if m.date is not None]
        date = max(set(dated), key=lambda d: (dated.count(d), -d.toordinal())) if dated else None
        result.append(Event(date, tuple(group)))
    return result


def timeline(
    articles: Sequence[Article], sentences: Sequence[Sentence] | None = None
) -> list[Dated]:
    """The dated happenings of the sources, as the briefing shows them. A sentence that dates
    two days ("air strikes on Sunday ... stormed on Tuesday") is shown once: another day's
    event takes its next sentence, or, with none left, joins that day's other entry."""
    shown: list[Dated] = []
    for event in dated_events(articles, sentences):
        if event.date is None:
            continue
        used = {d.text for d in shown}
        agreeing = event.agreeing
        support = tuple(m.sentence for m in agreeing)
        cited = tuple(sorted({m.sentence.doc_id for m in agreeing}))
        # the days the event's other sources give, none of them a source already cited
        differs = _sides_by_day(
            [m for m in event.told if m not in agreeing and m.sentence.doc_id not in cited]
        )
        text = next((t for t in event.texts if t not in used), None)
        same_day = next((k for k, d in enumerate(shown) if d.date == event.date), None)
        if text is None and same_day is not None:
            old = shown[same_day]
            shown[same_day] = Dated(
                old.date,
                old.text,
                tuple(sorted({*old.citations, *cited})),
                old.sentences + support,
                old.differs + differs,
            )
            continue
        shown.append(Dated(event.date, text or event.text, cited, support, differs))
    return shown


def dated_events(
    articles: Sequence[Article], sentences: Sequence[Sentence] | None = None
) -> list[Event]:
    """Dated happenings in date order: events with a resolved date and a word naming what
    happened, those of one day that name the same kind of thing merged."""
    merged: list[Event] = []
    for event in sorted(
        (e for e in events(articles, sentences) if e.date is not None),
        key=lambda e: (e.date, e.citations),
    ):
        heads = {h for m in event.mentions for h in m.heads}
        if not heads:
            continue
        same_day = next(
            (
                e
                for e in merged
                if e.date == event.date
                and (
                    any(related(a, b) for a in heads for m in e.mentions for b in m.heads)
                    or _told_alike(e, event)
                )
            ),
            None,
        )
        if same_day is not None:
            merged[merged.index(same_day)] = Event(
                same_day.date, same_day.mentions + event.mentions
            )
        else:
            merged.append(event)
    return merged


SAME_DAY_EVENT = 1 / 3
"""Share of the shorter sentence's event words the other states for two entries of one day to
be one happening told twice ("Horowitz interrupts the Oscars telecast Sunday night to announce
that Moonlight ... was the real winner for best picture" and "Moonlight walked away with best
picture honors at the end of Sunday night's Oscars ceremony"), though no word naming the event
is shared. Two happenings of one day share few words (the seeds' embassy siege and Green Zone
march: 0.06)."""


def _told_alike(a: Event, b: Event) -> bool:
    return any(
        _related(_sentence_words(x), _sentence_words(y)) >= SAME_DAY_EVENT
        for x in a.mentions
        for y in b.mentions
    )


def _sentence_words(mention: Mention) -> frozenset[str]:
    facts = analyse(mention.sentence.text)
    return _event_words(facts, 0, len(facts.tokens))


def _day(mentions: Sequence[Mention]) -> str:
    """The weekday, with the calendar date where an article's date gives it: Friday (2020-01-03)."""
    resolved = [m.date for m in mentions if m.date is not None]
    name = WEEKDAYS[
        resolved[0].weekday() if resolved else mentions[0].when.weekday  # type: ignore[index]
    ].capitalize()
    return f"{name} ({resolved[0].isoformat()})" if resolved else name


def date_disagreements(
    articles: Sequence[Article], sentences: Sequence[Sentence] | None = None
) -> list[Disagreement]:
    """Events that different sources put on different days."""
    found = []
    for event in events(articles, sentences):
        sides = _sides_by_day(event.mentions)
        if len(sides) < 2:
            continue
        docs_per_side = [set(side.sources) for side in sides]
        if len(set().union(*docs_per_side)) < 2:
            continue  # one source contradicting itself is not a disagreement between sources
        if any(a & b for i, a in enumerate(docs_per_side) for b in docs_per_side[i + 1 :]):
            continue  # a source giving both days reports two days, not a different one
        if _plan_against_fact(event.mentions):
            continue  # a plan ("scheduled a vote for Thursday") against what happened
        found.append(Disagreement("date", f"Day of {_topic(event)}", sides))
    return found


def _weekday(mention: Mention) -> int | None:
    return mention.date.weekday() if mention.date else mention.when.weekday


def _plan_against_fact(mentions: Sequence[Mention]) -> bool:
    """One day only looked ahead to ("will announce on Monday"), another told as past."""
    ahead: dict[int, bool] = {}
    for m in mentions:
        if (weekday := _weekday(m)) is not None:
            ahead[weekday] = ahead.get(weekday, True) and m.when.future
    return len(set(ahead.values())) > 1


def _sides_by_day(mentions: Sequence[Mention]) -> tuple[Side, ...]:
    """The mentions grouped by the weekday they give, one side per day, in source order."""
    by_day: dict[int, list[Mention]] = {}
    for mention in mentions:
        weekday = _weekday(mention)
        if weekday is not None:
            by_day.setdefault(weekday, []).append(mention)
    return tuple(
        Side(
            _day(ms), tuple(sorted({m.sentence.doc_id for m in ms})), tuple(m.sentence for m in ms)
        )
        for ms in sorted(by_day.values(), key=lambda ms: min(m.sentence.doc_id for m in ms))
    )


_NOUNS = {
    "kill": "killing", "die": "death", "storm": "storming", "announc": "announcement",
    "launch": "launch", "vote": "vote", "approv": "approval", "arrest": "arrest",
    "attack": "attack", "guilti": "verdict", "convict": "conviction", "acquit": "acquittal",
}  # fmt: skip


def _topic(event: Event) -> str:
    """What happened, in the sources' word for it ("the strike"; "the end of the evacuation"
    where every source tells of its lifting)."""
    named = _named(event.mentions)
    return f"the end of {named}" if all(m.ended for m in event.mentions) else named


def _named(mentions: Sequence[Mention]) -> str:
    heads = [h for m in mentions for h in m.heads]
    if not heads:
        return "the event"
    # the kind most mentions name, synonyms counted together: "won approval on Friday" and
    # "cleared on Thursday" are an approval, not a win (fourth new-user audit)
    kinds = [_bucket(h) for h in heads]
    kind = max(set(kinds), key=lambda k: (kinds.count(k), k))
    heads = [h for h in heads if _bucket(h) == kind]
    # of synonyms, one with a noun of its own names it best ("approval", not "clearing")
    head = max(set(heads), key=lambda h: (heads.count(h), h in _NOUNS, h))
    written = [
        token.lower
        for mention in mentions
        for token in analyse(mention.sentence.text).tokens
        if token.key == head
    ]
    if head in _NOUNS and not (written and all(w == head for w in written)):
        # "stormed the embassy": the storming; but "a storm hit Springfield" is the storm
        return f"the {_NOUNS[head]}"
    if not written:
        return f"the {head}"

    # the word itself breaks a tie: a set's order changes with the hash seed ("lawsuit" and
    # "lawsuits" once alternated between runs)
    # a verb's past ("struck", "stormed") does not name the event: "Day of the struck"
    def noun_like(word: str) -> bool:
        return lexicon.lemma(word) == word and not word.endswith("ed")

    best = max(set(written), key=lambda w: (noun_like(w), written.count(w), w.startswith(head), w))
    if lexicon.lemma(best) != best:
        best = lexicon.lemma(best)  # "struck": the strike
    elif best.endswith("ed") and len(best) >= 6:
        best = best[:-2] + "ing"  # "stormed", "raided": the storming, the raiding
    return f"the {best}"
