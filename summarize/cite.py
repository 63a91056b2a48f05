"""Which sources state a point: fact by fact, not word overlap.

Another source supports a point only if one of its sentences states the point's facts: most of
its content, every figure it gives (for the same thing, in a compatible amount), and no date,
figure or negation that contradicts it. A close sentence that contradicts the point is not
support but a disagreement, and both sides are kept for the briefing's "Where the sources
differ" section.
"""

from __future__ import annotations

import datetime as _dt
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from . import lexicon, tuning
from .checker import negated_in, negation_scopes
from .corpus import Corpus
from .evidence import (
    Entry,
    attached_names,
    covered,
    holds_quotes,
    is_place,
    local_keys,
    opening_word,
    related,
    units_agree,
)
from .facts import (
    MONTHS,
    SUPPOSING,
    WEEKDAYS,
    Facts,
    Quantity,
    Token,
    analyse,
    difference,
    month_number,
    said_on_day,
    same_name,
    told_as_past,
)
from .schema import Disagreement, Sentence, Side, Support
from .sentences import stem
from .similarity import cosines, doc_bounds


@dataclass(frozen=True)
class Conflict:
    kind: str
    """"number", "date" or "negation"."""
    topic: str
    ours: str
    theirs: str


@dataclass(frozen=True)
class Comparison:
    stated: bool
    """The other sentence states the point's facts, with nothing contradicting them."""
    conflicts: tuple[Conflict, ...] = ()


def _factor(q: Quantity) -> float:
    return q.unit.factor if q.unit is not None and q.unit.factor else 1.0


def _base(q: Quantity) -> tuple[float, float]:
    return q.low * _factor(q), q.high * _factor(q)


def _comparable(a: Quantity, b: Quantity) -> bool:
    """Whether two amounts that do not fit each other contradict each other, rather than
    being two figures a story holds: never two ages (the boy is 4, his brother 20), nor a
    figure with a unit against one without ("around 3:30" / "a few blocks")."""
    if (a.unit is None) != (b.unit is None) or _clock(a) != _clock(b):
        return False
    if {a.text.strip(), b.text.strip()} & _EMERGENCY_NUMBERS:
        return False
    return not (a.unit is not None and a.unit.kind == "age")


_EMERGENCY_NUMBERS = frozenset(["911", "999", "112", "000"])
"""Numbers a story names a phone line by ("they called 911"), not an amount of anything."""


def _clock(q: Quantity) -> bool:
    return bool(re.search(r"\d:\d\d", q.text))


def _age_and_count(a: Quantity, b: Quantity) -> bool:
    """An age against a count of the noun it describes: "a 19-year-old man" and "two men"
    (found on a dev cluster, listed as a disagreement)."""
    for age, other in ((a, b), (b, a)):
        if (
            age.unit is not None
            and age.unit.kind == "age"
            and other.unit is None
            and age.counted
            and other.counted
            and related(age.counted[0], other.counted[0])
        ):
            return True
    return False


def _same_thing(a: Facts, qa: Quantity, b: Facts, qb: Quantity, reach: int = 4) -> bool:
    """Do the two amounts count the same thing? The same specific noun ("troops", "homes");
    or, for a generic one ("people"), the same noun and a word of what happened to them: 12,000
    people who left their homes are not three people who were killed. Amounts of different
    nouns ("people", "towns") never count the same thing."""
    owner_a, owner_b = _aged(a, qa), _aged(b, qb)
    if owner_a and owner_b:
        return same_name(owner_a, owner_b)  # "Luis Amador, 34," in both: his age
    period_a, period_b = _period(a, qa), _period(b, qb)
    if period_a and period_b and period_a != period_b:
        return False
    if _offset(a, qa) != _offset(b, qb):
        return False  # "a day after the bank cut rates" is no "first cut in two years"
    light = lexicon.light_words()
    counted_a = [k for k in qa.counted if k not in light]
    counted_b = [k for k in qb.counted if k not in light]
    if counted_a and counted_b:
        # two words for one thing, told alike ("location data from about 1.2 million
        # phones", "location data from roughly 1.3 million devices"); a word before the noun
        # is no other thing ("71 percent of voting members", "78% of members")
        return any(related(x, y) for x in counted_a for y in counted_b) or _told_alike(
            a, qa, b, qb, {counted_a[0], counted_b[0]}
        )
    if period_a and period_a == period_b and not (qa.counted or qb.counted):
        # one span, and a word of what happened: "inflation slowed to 2.8% in February" and
        # "inflation fell to 2.6% in February" (sixth new-user audit)
        own_a = _own_words(a, qa, reach)
        if any(covered(k, _own_words(b, qb, reach)) for k in own_a):
            return True
    near_a = local_keys(a, qa.start, qa.end, opening=True)
    near_b = local_keys(b, qb.start, qb.end, opening=True)
    if qa.counted and qb.counted:
        if not related(qa.counted[0], qb.counted[0]):
            return False
        counted = {qa.counted[0], qb.counted[0]}
        action_a = _own_words(a, qa, reach) - counted
        return any(covered(k, _own_words(b, qb, reach) - counted) for k in action_a)
    if not near_a or not near_b:
        return False
    own_a, own_b = _own_words(a, qa, reach), _own_words(b, qb, reach)
    if own_a and own_b and not any(covered(k, own_b) for k in own_a):
        return False  # "injuring 30" is not "twelve people were killed", though both are near
    shared = sum(1 for k in near_a if covered(k, near_b))
    return shared >= 2 or shared / min(len(near_a), len(near_b)) >= 0.5


_PERIOD_OPENERS = frozenset(["over", "in", "during", "for", "across", "within"])
_OFFSET_WORDS = frozenset(["after", "before", "later", "earlier", "ago", "since"])


def _offset(facts: Facts, q: Quantity) -> bool:
    """A span between two happenings ("a day after the bank reduced its rate", "two years
    ago"), not one something lasted or is counted over ("its first cut in two years"; sixth
    new-user audit: a false "Reduction: two years [1] · a day [3]" on the lede)."""
    tokens = facts.tokens
    return (
        q.unit is not None
        and q.unit.kind == "duration"
        and q.end < len(tokens)
        and tokens[q.end].lower in _OFFSET_WORDS
    )


def _period(facts: Facts, q: Quantity) -> tuple[str, ...] | None:
    """The span of time a figure is for, as written right after it: "14% over four years" is
    for ("4", "year"), "5 percent in the first year" for ("first", "year"). Figures for two
    spans are of two things (fifth new-user audit: a false "14% [1] · 5 percent [2]")."""
    tokens = facts.tokens
    if q.end >= len(tokens) or tokens[q.end].lower not in _PERIOD_OPENERS:
        return None
    month = tokens[q.end + 1] if q.end + 1 < len(tokens) else None
    number = month_number(month.text) if month is not None and month.text[:1].isupper() else None
    if number is not None:
        # "3.1% in January" and "2.8% in February": two months' figures (sixth audit)
        return (MONTHS[number - 1],)
    stops = lexicon.function_words()
    words: list[str] = []
    for j in range(q.end + 1, min(len(tokens), q.end + 8)):
        token = tokens[j]
        unit = lexicon.units().get((token.lower,))
        if unit is not None and unit.kind == "duration":
            return (*words, unit.name)
        if token.kind == "punct":
            return None
        inner = next((o for o in facts.quantities if o.start <= j < o.end), None)
        if inner is not None and inner.value is not None:
            written = f"{inner.value:g}th" if inner.ordinal else f"{inner.value:g}"
            if not words or words[-1] != written:
                words.append(written)
        elif token.lower not in stops:
            words.append(token.key)
    return None


def _aged(facts: Facts, q: Quantity) -> tuple[str, ...] | None:
    """The person whose age `q` is, set off right after the name ("Luis Amador, 34,")."""
    if q.unit is None or q.unit.kind != "age" or q.start < 2:
        return None
    if facts.tokens[q.start - 1].text != ",":
        return None
    return next((n.words for n in facts.names if n.end == q.start - 1 and len(n.words) >= 2), None)


def _told_alike(a: Facts, qa: Quantity, b: Facts, qb: Quantity, counted: set[str]) -> bool:
    """Two of the words around the amounts besides what they count are the same."""
    mine = local_keys(a, qa.start, qa.end) - counted
    theirs = local_keys(b, qb.start, qb.end) - counted
    return sum(1 for k in mine if covered(k, theirs)) >= TOLD_ALIKE


TOLD_ALIKE = 2
"""Words two amounts of differently named things must share around them to be one thing."""


CONFLICT_REACH = 2
"""Content words after a figure that say what it counts, when two figures are to contradict
each other (4 when one is to state the other): in "Four people have been arrested in
connection with the fatal shooting", "fatal" describes the shooting, and the four are not the
"three men suspected of killing" of another source (a false "Arrested: Four · three")."""

_BOUNDARIES = frozenset([",", ";", ":", "(", ")", "and", "but", "while", "whereas", "as", "after"])


def _own_words(facts: Facts, q: Quantity, reach: int = 4) -> set[str]:
    """Content words of an amount's own clause: up to `reach` after it and two before it, not
    crossing "and", a comma or another amount. In "12,000 people left their homes and three
    people were killed", "killed" is the three's and "homes" the 12,000's."""
    light = lexicon.light_words()
    content = set(facts.content)
    taken = {i for o in facts.quantities if o is not q for i in range(o.start, o.end)}
    words: set[str] = set()
    for step, limit in ((1, reach), (-1, 2)):
        j, found = (q.end, 0) if step > 0 else (q.start - 1, 0)
        while 0 <= j < len(facts.tokens) and found < limit:
            token = facts.tokens[j]
            if j in taken or token.lower in _BOUNDARIES:
                break
            if j in content:
                found += 1
                if token.key not in light and not token.capital:
                    words.add(token.key)
            j += step
    return words


def _topic(facts: Facts, q: Quantity) -> str:
    """What a figure is of, in a word a reader can take as a label: the noun it counts
    ("troops"), else the word before it ("toll" in "the toll rose to 14", "injuring" in
    "injuring 30"), else the word after it; never a day or a name ("Wednesday", "Regional")."""
    light = lexicon.light_words()
    if any(k not in light for k in q.counted):
        # the counted phrase as written: "young children", "text messages", "flood stage"
        phrase = [t.lower for t in facts.tokens[q.end : q.end + 4] if t.key in q.counted]
        if phrase:
            return " ".join(phrase)
    after_of = [t.lower for t in facts.tokens[q.end : q.end + 2]]
    if after_of[:1] == ["of"]:  # "at least 13 of the 20 young children": what the 20 count
        whole = next((o for o in facts.quantities if o.start in (q.end + 1, q.end + 2)), None)
        if whole is not None and after_of[1:] in ([], ["the"], [whole.text.split()[0].lower()]):
            return _topic(facts, whole)
        noun = facts.tokens[q.end + 2] if q.end + 2 < len(facts.tokens) else None
        if (
            whole is None
            and after_of[1:] == ["the"]
            and noun is not None
            and noun.kind == "word"
            and not noun.capital
            and noun.key not in light
        ):
            return noun.lower  # "eight of the children killed"

    def usable(i: int) -> bool:
        token = facts.tokens[i]
        return (
            i in facts.content
            and token.key not in light
            and (not token.capital or opening_word(facts, i))
            and token.lower not in WEEKDAYS
            and not any(d.start <= i < d.end for d in facts.dates)
        )

    if q.start >= 2 and facts.tokens[q.start - 1].lower in ("to", "at"):
        subject = _clause_subject(facts, q.start, usable)  # "the death toll ... rose to 14"
        if subject:
            return subject
    if q.start >= 2 and _moved(facts.tokens[q.start - 1]):
        subject = _clause_subject(facts, q.start - 1, usable)  # "Shares fell 10 percent"
        if subject:
            return subject
    before = [i for i in range(max(0, q.start - 4), q.start) if usable(i)]
    if before:
        return facts.tokens[before[-1]].lower
    after = [i for i in range(q.end, min(len(facts.tokens), q.end + 4)) if usable(i)]
    return facts.tokens[after[0]].lower if after else "the figure"


def _moved(token: Token) -> bool:
    """A verb of a figure's movement ("fell", "rose"): a word the lexicon opposes to "steady"
    (data/antonyms.txt). The label is what moved, not the verb ("Shares", not "Fell")."""
    return lexicon.opposite(token.key, lexicon.key("steady"))


def _told_moving(token: Token) -> bool:
    """A verb telling how a figure moved: "fell", "rose", or any in the past ("slowed")."""
    return _moved(token) or token.lower.endswith("ed")


def _clause_subject(facts: Facts, end: int, usable: Callable[[int], bool]) -> str | None:
    """The first words of the clause before token `end` that name something ("death toll" in
    "The death toll from the collapse rose to 14"): its first run of usable words."""
    start = 0
    for i in range(end - 1, -1, -1):
        if facts.tokens[i].lower in (",", ";", "and", "but", "while", "after"):
            start = i + 1
            break
    run: list[int] = []
    for i in range(start, end):
        if usable(i):
            run.append(i)
        elif run:
            break
    while len(run) > 1 and _told_moving(facts.tokens[run[-1]]):
        run.pop()  # "inflation slowed to 2.8%": what moved, not how
    if len(run) > 2:
        run = run[-2:]  # the head of a long name: "price inflation", not "annual consumer"
    return " ".join(facts.tokens[i].lower for i in run[:2]) or None


def compare(
    a: Facts,
    b: Facts,
    a_date: _dt.date | None = None,
    b_date: _dt.date | None = None,
    b_before: Facts | None = None,
) -> Comparison:
    """Does sentence `b` state what sentence `a` states? And where do they contradict it?
    `b_before` is the sentence before `b` in its article: who "it added" or "he said" is."""
    conflicts: list[Conflict] = []
    matched = 0
    numbers = [q for q in a.numbers() if not q.ordinal]
    theirs_numbers = b.numbers()
    for qa in numbers:
        rivals = [
            qb
            for qb in theirs_numbers
            if not qb.ordinal
            and units_agree(qa, qb)
            and not _age_and_count(qa, qb)
            and _same_thing(a, qa, b, qb)
        ]
        if not rivals:
            continue
        fits = [qb for qb in rivals if _fits(qa, qb)]
        if any(_states(qa, qb) for qb in fits):
            matched += 1
            continue
        if fits:
            continue  # "at least 27" allows the point's 31 but does not state it
        rivals = [
            qb
            for qb in rivals
            if _comparable(qa, qb)
            and _same_thing(a, qa, b, qb, reach=CONFLICT_REACH)
            and not difference(b, qb)
            and _attributive(a, qa) == _attributive(b, qb)
            and not _supposed(a, qa)
            and not _supposed(b, qb)
            and not _other_owners(a, qa, b, qb)
            and not any(_fits(other, qb) for other in numbers if other is not qa)
            and not any(_same_figure(qa, other) for other in theirs_numbers if other is not qb)
        ]  # a sentence giving the rival's figure itself ("far more than its capacity of 150")
        # has it for another thing; so does one giving the point's figure too ("closed at
        # $36.40, just below the $38 offer price" against "will pay $38 a share")
        if rivals and not difference(a, qa):
            conflicts.append(Conflict("number", _topic(a, qa), qa.text, rivals[0].text))
    for da in a.dates:
        if said_on_day(a, da):
            continue  # the day someone said it ("fire officials said Friday"), not a fact of
            # the point: another outlet reporting it a day later states it all the same
        context = local_keys(a, da.start, da.end, reach=4)
        for db in b.dates:
            if said_on_day(b, db):
                continue
            if context and sum(1 for k in context if covered(k, b.keys)) < 1:
                continue
            verdict = da.agrees(db, a_date, b_date)
            if verdict is False:
                conflicts.append(Conflict("date", "day", da.text, db.text))
                break
    # a sentence that dates what it says, but not on one of the point's days, states only
    # part of the point ("Crossings were cancelled on Saturday, and a replacement ferry would
    # start on Tuesday" is not stated by "NorthSound cancelled all crossings on Saturday")
    told = [db for db in b.dates if not said_on_day(b, db)]
    other_days = bool(told) and any(
        all(da.agrees(db, a_date, b_date) is False for db in told)
        for da in a.dates
        if not said_on_day(a, da)
    )
    # "arrived on Wednesday" is not stated by "were expected to arrive on Wednesday"
    only_expected = any(
        told_as_past(a, da)
        and any(db.future and da.agrees(db, a_date, b_date) for db in told)
        and not any(not db.future and da.agrees(db, a_date, b_date) for db in told)
        for da in a.dates
    )
    mine_years = [q for q in a.quantities if q.year]
    their_years = [q for q in b.quantities if q.year]
    for qa in mine_years:
        # "the investigation began in 2020" against "... in 2021": a year is a date too
        years = [qb for qb in their_years if _same_thing(a, qa, b, qb)]
        if years and not any(qb.value == qa.value for qb in years):
            conflicts.append(Conflict("date", "year", qa.text, years[0].text))
    # one year each, and another: "The case began after a whistleblower ... contacted West
    # Yorkshire police in 2021" does not state "the investigation began in 2020" (new-user
    # audit), however many of its words it shares
    other_year = (
        len(mine_years) == 1
        and len(their_years) == 1
        and mine_years[0].value != their_years[0].value
    )
    entry = Entry(Sentence(0, 0, b.text), b, b_date, 0)
    unnegated = False  # what the point denies, the sentence does not: no denial stated
    for scope in negation_scopes(a):
        denied = negated_in(scope, entry)
        if denied is False:
            conflicts.append(Conflict("negation", scope[0], "not", ""))
            break
        unnegated = unnegated or denied is None
    share = _shared(a, b)
    names = [n for n in a.names if not n.initial]
    theirs = [m.words for m in b.names] + _speakers(b, b_before)  # "it added": who "it" is
    named = sum(1 for n in names if any(same_name(n.words, m) for m in theirs))
    stated = (
        not conflicts
        and share >= STATED_SHARE
        and _shared(a, b, beyond_names=True) >= tuning.CITATION.beyond_names_share
        and matched == len(numbers)
        and not other_year
        and not other_days
        and not only_expected
        and not unnegated
        and (not names or named >= len(names) / 2)
        and not _other_speaker(a, b, b_before)
        and holds_quotes(a.text, b.text)
    )
    return Comparison(stated, tuple(conflicts))


def _fits(qa: Quantity, qb: Quantity) -> bool:
    """The two amounts' intervals overlap, in base units."""
    low, high = _base(qa)
    return low <= _base(qb)[1] * 1.00001 and _base(qb)[0] <= high * 1.00001


def _attributive(facts: Facts, q: Quantity) -> bool:
    """A count hyphenated to its noun describes what follows: "the 90-seat Regional Assembly"
    is the chamber's size, no count of the seats a party won (new-user audit)."""
    return (
        q.unit is None
        and q.end < len(facts.tokens)
        and facts.tokens[q.end].text == "-"
        and q.end - q.start == 1
    )


def _supposed(facts: Facts, q: Quantity) -> bool:
    """A figure of what would be, not of what is: "a coalition ..., which would command 48
    seats" contradicts no party's count."""
    before = facts.tokens[max(0, q.start - 3) : q.start]
    return any(t.lower in SUPPOSING for t in before)


def _owners(facts: Facts, q: Quantity) -> list[tuple[str, ...]]:
    """The names a figure may belong to: those after the figure before it in its sentence
    ("The Labour Federation of Ines Valcourt took 18 seats, the People's Front won 11 seats
    and the Liberal Union six"), places left out ("killed eight in Baghdad")."""
    light = lexicon.light_words()
    counted = next((k for k in q.counted if k not in light), None)
    start = max(
        (
            o.end
            for o in facts.quantities
            if o.end <= q.start and (counted is None or any(related(counted, k) for k in o.counted))
        ),
        default=0,
    )  # after the figure before it of the same thing ("a phase 3 trial that enrolled 1,214")
    for i in range(q.start - 1, start - 1, -1):
        if facts.tokens[i].text == ";":
            start = i + 1
            break
    return [
        n.words
        for n in facts.names
        if start <= n.start
        and n.end <= q.start
        and not is_place(n)
        and not (n.initial and len(n.words) == 1)  # "Approval rested on ..."
        and not _placed(facts, n.start)
    ]


_PLACING = frozenset(["of", "in", "at", "near", "around", "from", "outside", "across", "through"])


def _placed(facts: Facts, start: int) -> bool:
    """A name after a preposition says where or whose, not who has the figure: "the outskirts
    of Pine Hollow ... has destroyed 210 homes" (a place no list knows), "Shares of Corvane"."""
    k = start - 1
    if k >= 0 and facts.tokens[k].lower == "the":
        k -= 1
    return k >= 0 and facts.tokens[k].lower in _PLACING


def _other_owners(a: Facts, qa: Quantity, b: Facts, qb: Quantity) -> bool:
    """Both figures have owners, and none in common: Labour's 18 seats are no rival of
    "Green Progress, which won two dozen seats"."""
    mine, theirs = _owners(a, qa), _owners(b, qb)
    return bool(mine and theirs) and not any(same_name(m, t) for m in mine for t in theirs)


def _one_persons_figure(a: Facts, b: Facts, conflict: Conflict) -> bool:
    """Both figures of a number conflict belong to the same person (the name right before
    them, of two words or with a title, not a place) and count the same thing."""
    qa, qb = _amounts_of(a, b, conflict)
    if qa is None or qb is None:
        return False
    if qa.unit is not None and qb.unit is not None:
        alike = qa.unit.name == qb.unit.name  # "27 points", "29 points"
    else:
        alike = bool(qa.counted and qb.counted) and lexicon.synonymous(qa.counted[0], qb.counted[0])
    if not alike:
        return False
    owner_a, owner_b = _person_before(a, qa), _person_before(b, qb)
    return owner_a is not None and owner_b is not None and same_name(owner_a, owner_b)


def _one_owners_count(a: Facts, b: Facts, conflict: Conflict) -> bool:
    """Both figures of a number conflict count the same thing of the same named owner, as
    they are now: "BREATHE-2, a phase 3 trial that enrolled 1,214 patients" against "the
    BREATHE-2 study of 1,412 patients" (new-user audit); not a figure from before ("down
    from 38 seats in 2021")."""
    qa, qb = _amounts_of(a, b, conflict)
    if qa is None or qb is None or qa.unit is not None or qb.unit is not None:
        return False
    light = lexicon.light_words()
    mine = next((k for k in qa.counted if k not in light), None)
    theirs = next((k for k in qb.counted if k not in light), None)
    if mine is None or theirs is None or not lexicon.synonymous(mine, theirs):
        return False
    if _earlier(a, qa) or _earlier(b, qb):
        return False
    owners = _owners(b, qb)
    return any(same_name(m, t) for m in _owners(a, qa) for t in owners)


def _earlier(facts: Facts, q: Quantity) -> bool:
    """A figure set against the one now: "down from 38", "compared with 40", or a year's."""
    before = [t.lower for t in facts.tokens[max(0, q.start - 2) : q.start]]
    return "from" in before or "with" in before or any(o.year for o in facts.quantities)


def _dated(facts: Facts) -> bool:
    """The sentence gives a day of the calendar ("on August 8") for what it says, not only a
    weekday or the day someone said it."""
    return any(d.month and d.day and not said_on_day(facts, d) for d in facts.dates)


def _amounts_of(a: Facts, b: Facts, conflict: Conflict) -> tuple[Quantity | None, Quantity | None]:
    """The two amounts a number conflict is between, as the two sentences write them."""
    return (
        next((q for q in a.quantities if q.text == conflict.ours), None),
        next((q for q in b.quantities if q.text == conflict.theirs), None),
    )


def _one_act(a: Facts, b: Facts, conflict: Conflict) -> bool:
    """A number conflict between two counts of one named thing, each right after the same
    verb: "destroyed 140 homes" and "has destroyed 210 homes" (second new-user audit)."""
    if conflict.kind != "number":
        return False
    qa, qb = _amounts_of(a, b, conflict)
    if qa is None or qb is None or qa.start == 0 or qb.start == 0:
        return False
    light = lexicon.light_words()
    mine = next((k for k in qa.counted if k not in light), None)
    theirs = next((k for k in qb.counted if k not in light), None)
    if mine is None or theirs is None or not related(mine, theirs):
        return False
    before_a, before_b = a.tokens[qa.start - 1], b.tokens[qb.start - 1]
    return (
        before_a.kind == "word"
        and before_a.key not in light
        and before_a.key not in lexicon.function_words()
        and related(before_a.key, before_b.key)
    )


def _person_before(facts: Facts, q: Quantity) -> tuple[str, ...] | None:
    """The person whose figure `q` is: a name of two words or with a title ending at most two
    words before it, in its clause ("Maya Okafor scored 27 points")."""
    for name in attached_names(facts, q.start, q.end, facts.names):
        if (
            name.end <= q.start
            and not any(t.kind == "punct" for t in facts.tokens[name.end : q.start])
            and (len(name.words) >= 2 or name.title)
            and not is_place(name)
        ):
            return name.words
    return None


def _same_figure(qa: Quantity, qb: Quantity) -> bool:
    """The same number in the same unit ("$38" and "the $38 offer price")."""
    return qa.value is not None and qb.value is not None and _base(qa) == _base(qb)


def _states(qa: Quantity, qb: Quantity) -> bool:
    """`qb` gives the point's figure, not only a range that allows it: "31 people were
    killed" is not stated by "at least 27" (the audit's quake toll), nor by "dozens"."""
    if qa.value is None or qb.low == qb.high:
        return True
    if qb.value is None:
        return False
    return math.isclose(qa.value * _factor(qa), qb.value * _factor(qb), rel_tol=1e-4)


def _shared(a: Facts, b: Facts, beyond_names: bool = False) -> float:
    """The share of `a`'s content words that `b` states; `beyond_names`: of those outside its
    names, what it says about them ("Lynx coach Ray Dunmore said his team had run out of
    energy" is not stated by "Lynx coach Ray Dunmore praised the winners")."""
    light = lexicon.light_words()
    named = {i for n in a.names for i in range(n.start, n.end)} if beyond_names else set()
    # a title is part of the name ("Mayor Renata Alvarez did not attend" is not stated by
    # "Mayor Renata Alvarez praised the result"; new-user audit)
    titles = {w for n in a.names for w in n.title} if beyond_names else set()
    wanted = {
        a.tokens[i].key
        for i in a.content
        if a.tokens[i].key not in light and i not in named and a.tokens[i].lower not in titles
    }
    return sum(1 for k in wanted if covered(k, b.keys)) / max(1, len(wanted))


def _speakers(facts: Facts, before: Facts | None = None) -> list[tuple[str, ...]]:
    """The named speakers of a sentence; for "it added" or "he said", those of the sentence
    before it."""
    named = [n for a in facts.attributions if not a.pronoun for n in a.names]
    if not named and before is not None and any(a.pronoun for a in facts.attributions):
        return _speakers(before)
    return named


def _other_speaker(a: Facts, b: Facts, b_before: Facts | None = None) -> bool:
    """Both sentences name who said it, and no one in common: "…," Esper said is not stated
    by a sentence that gives the words to the Defense Department (or to "it", the White
    House of the sentence before)."""
    mine, theirs = _speakers(a), _speakers(b, b_before)
    return bool(mine and theirs) and not any(same_name(m, t) for m in mine for t in theirs)


def weighted_share(a: Facts, b: Facts, idf: dict[str, float], top: float) -> float:
    """The share of `a`'s content words that `b` states, each weighed by its idf: sharing
    "scrutiny" says more than sharing "said" or "investigation". A word the corpus never
    indexed weighs `top`, the highest idf: as rare as any."""
    light = lexicon.light_words()
    wanted: dict[str, float] = {}
    for i in a.content:
        token = a.tokens[i]
        if token.key not in light:
            wanted[token.key] = max(wanted.get(token.key, 0.0), idf.get(stem(token.lower), top))
    total = sum(wanted.values())
    return sum(w for k, w in wanted.items() if covered(k, b.keys)) / total if total else 0.0


def _says_enough(
    point: Facts, other: Facts, similarity: float, idf: dict[str, float], top: float
) -> bool:
    """Beyond sharing half the point's words: sharing its telling ones, in a sentence about the
    point (the point states much of it) or close to it as a whole. "Security is looking for
    Beatty, who had both envelopes" is not stated by "Beatty ... looking in the envelope"."""
    settings = tuning.CITATION
    return weighted_share(point, other, idf, top) >= settings.weighted_share and (
        weighted_share(other, point, idf, top) >= settings.about_share
        or similarity >= settings.close_similarity
    )


STATED_SHARE = 0.5
"""Share of a point's content words a sentence must state to count as stating the point."""


@dataclass(frozen=True)
class Cited:
    """What the citation pass found for one point."""

    support: tuple[Support, ...]
    conflicts: tuple[tuple[Conflict, Sentence], ...]


def cite(corpus: Corpus, rows: Sequence[int], vectors: Any | None = None) -> list[Cited]:
    """For each chosen sentence, the sentence of every other article that states it."""
    if not rows:
        return []
    settings = tuning.CITATION
    vectors = corpus.matrix if vectors is None else vectors
    sims = cosines(vectors, rows)
    bounds = doc_bounds(corpus.doc)
    dates = {a.id: a.date for a in corpus.articles}
    rarest = max(corpus.idf.values(), default=1.0)  # once: a folder's vocabulary is large
    result = []
    for r, i in enumerate(rows):
        origin = corpus.sentences[i]
        mine = analyse(origin.text)
        found: list[Support] = []
        against: list[tuple[Conflict, Sentence]] = []
        for start, end in bounds:
            if corpus.doc[start] == corpus.doc[i]:
                continue
            order = start + np.argsort(-sims[r, start:end], kind="stable")[: settings.candidates]
            for j in order:
                similarity = float(sims[r, j])
                if similarity < settings.candidate_similarity:
                    break
                sentence = corpus.sentences[int(j)]
                before = corpus.sentences[int(j) - 1] if j > start else None
                after = corpus.sentences[int(j) + 1] if j + 1 < end else None
                theirs = analyse(sentence.text)
                before_facts = analyse(before.text) if before is not None else None
                when = (dates.get(origin.doc_id), dates.get(sentence.doc_id))
                verdict = compare(mine, theirs, *when, before_facts)
                stating = theirs
                silent_on_day = verdict.stated and bool(mine.dates) and not theirs.dates
                if (
                    not verdict.conflicts
                    and after is not None
                    and (not verdict.stated or silent_on_day)
                ):
                    # "Twelve people were killed ... Police said 30 were injured": the point's
                    # facts stated across a sentence and the next
                    joined = analyse(f"{sentence.text} {after.text}")
                    across = compare(mine, joined, *when, before_facts)
                    if (
                        not verdict.stated
                        and across.stated
                        and _shared(mine, theirs, beyond_names=True) > 0
                    ):  # the sentence itself says something of what the point says of its
                        # names: "Mayor Tobias Reinholt said the city would hold a 'thank-you'
                        # event" before "The agreement runs until October 2030" does not state
                        # "Eastmoor Mayor Tobias Reinholt welcomed the agreement" (fifth
                        # new-user audit)
                        verdict, stating = Comparison(True), joined
                    elif silent_on_day and any(c.kind == "date" for c in across.conflicts):
                        # "Judge Whitcombe will sentence both men on June 14" is not stated by
                        # "Judge Sarah Whitcombe said: '...'" before "She adjourned sentencing
                        # until 21 June" (new-user audit); merely silent on the day, it is
                        verdict = Comparison(False)
                    elif silent_on_day and _dated(mine) and not (across.stated and joined.dates):
                        # a day of the calendar is a fact of its own: "A jury convicted
                        # Whitfield on August 8" is not stated by "a jury convicted him" (second
                        # new-user audit)
                        verdict = Comparison(False)
                if verdict.stated and not _says_enough(
                    mine, stating, similarity, corpus.idf, rarest
                ):
                    verdict = Comparison(False)
                if verdict.stated:
                    found.append(Support(sentence, round(similarity, 4)))
                    break
                if (
                    verdict.conflicts
                    and _shared(mine, theirs) >= settings.same_report_share
                    and _shared(theirs, mine) >= settings.same_report_share
                    and (
                        similarity >= settings.same_report
                        or any(_one_act(mine, theirs, c) for c in verdict.conflicts)
                    )
                ):
                    against += [(c, sentence) for c in verdict.conflicts if c.kind != "negation"]
                elif verdict.conflicts:
                    # one person's figure for one thing, however the rest is told: "Maya
                    # Okafor scored 27 points" against "Maya Okafor scored 29 points as the
                    # Herons beat ..." (new-user audit)
                    against += [
                        (c, sentence)
                        for c in verdict.conflicts
                        if c.kind == "number"
                        and (
                            _one_persons_figure(mine, theirs, c)
                            or _one_owners_count(mine, theirs, c)
                        )
                    ]
        result.append(Cited(tuple(sorted(found, key=lambda s: -s.similarity)), tuple(against)))
    return result


def number_disagreements(
    points: Sequence[tuple[Sequence[Sentence], Cited]],
    related: Sequence[Sentence] = (),
) -> list[Disagreement]:
    """Figures a point gives that another source's same report gives differently, labelled by
    what they count. `points` pairs the sentences a point is made of with its citations; the
    side shown is the sentence that gives the figure, and the `related` sentences of other
    outlets that give it for the same thing (`_widened`)."""
    found = []
    seen: set[frozenset[tuple[str, int]]] = set()
    shown: set[frozenset[tuple[str, tuple[int, ...]]]] = set()
    for sentences, cited in points:
        for conflict, sentence in cited.conflicts:
            if conflict.kind != "number":
                continue
            origin = next((s for s in sentences if conflict.ours in s.text), sentences[0])
            # one pair of figures and outlets is one disagreement, whichever point found it
            # and whatever it is called there ("Earthquake struck: 6.1 [1] · 6.3 [2]" and
            # "Quake struck: 6.3 [2] · 6.1 [1]" in the new-user audit)
            key = frozenset([(conflict.ours, origin.doc_id), (conflict.theirs, sentence.doc_id)])
            if key in seen:
                continue
            seen.add(key)
            sides = (
                Side(conflict.ours, (origin.doc_id,), (origin,)),
                Side(conflict.theirs, (sentence.doc_id,), (sentence,)),
            )
            widened = _widened(sides, related)
            told = frozenset((side.value, side.sources) for side in widened)
            if told in shown:
                continue  # two pairs of outlets that widen into one ("Flights: seven [2] · 11
                # [1][3]" twice, found from [1] and from [3]; sixth new-user audit)
            shown.add(told)
            found.append(Disagreement("number", conflict.topic.capitalize(), widened))
    return found


def _widened(sides: tuple[Side, ...], related: Sequence[Sentence]) -> tuple[Side, ...]:
    """Each side with the other outlets that give its figure for the same thing: "about 46
    kilometres [3] · 52 kilometres [2]" left out [1]'s "at an altitude of about 46
    kilometres" (fifth new-user audit). An outlet giving both figures joins neither."""
    figures = []
    for side in sides:
        facts = analyse(side.sentences[0].text)
        figures.append((facts, next((q for q in facts.quantities if q.text == side.value), None)))
    taken = {doc for side in sides for doc in side.sources}
    hits: dict[int, dict[int, Sentence]] = {}
    for sentence in related:
        if sentence.doc_id in taken:
            continue
        theirs = analyse(sentence.text)
        for n, (facts, q) in enumerate(figures):
            if q is not None and any(
                _gives(q, other) and _same_thing(facts, q, theirs, other, reach=CONFLICT_REACH)
                for other in theirs.numbers()
            ):
                hits.setdefault(sentence.doc_id, {}).setdefault(n, sentence)
    added: dict[int, list[Sentence]] = {}
    for by_side in hits.values():
        if len(by_side) == 1:
            ((n, sentence),) = by_side.items()
            added.setdefault(n, []).append(sentence)
    return tuple(
        Side(
            side.value,
            tuple(sorted({*side.sources, *(s.doc_id for s in added.get(n, []))})),
            side.sentences + tuple(added.get(n, [])),
        )
        for n, side in enumerate(sides)
    )


def _gives(q: Quantity, other: Quantity) -> bool:
    """`other` is the figure `q` is, however written ("142 seconds", "two minutes and 22
    seconds")."""
    return (
        q.value is not None
        and other.value is not None
        and not other.ordinal
        and units_agree(q, other)
        and math.isclose(q.value * _factor(q), other.value * _factor(other), rel_tol=1e-4)
    )
