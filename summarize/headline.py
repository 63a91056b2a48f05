"""A headline for the briefing: a short, complete clause about the main event, in the sources'
own words.

When the articles carry headlines of their own (HTML, JSON), the one whose words the other
articles share most is the briefing's. Otherwise an article's lead sentence (the sentence that
states the main event) is shortened to its main clause: attributions ("…, the Pentagon said"),
scene-setting openers ("In a shocking development, …"), appositions, relative clauses and
parentheses go; what is left must still be a clause (a subject and a verb), or the next lead is
tried. Words are only ever removed, never added or changed, so a headline says nothing its
source does not.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from functools import partial

from .clean import SAID_HEADLINE
from .facts import WEEKDAYS, analyse
from .lexicon import function_words
from .readable import definite_reference, opener, standalone
from .schema import Article
from .sentences import count_words, stop_words, terms, words

MAX_WORDS = 16
"""Longer than this, a headline is a sentence: it is cut at a clause boundary or not used."""
MIN_WORDS = 5
ON_TOPIC = 0.5
"""A headline from anywhere but the lede needs this share of its index terms in the briefing
(a metadata title: in the other articles). Below it, the dev set's headlines were background:
"Nearly all ethanol fuel is made from corn or sugarcane" over a new catalyst."""

_ATTRIBUTION = re.compile(
    r",?\s+(?:according to [^,]{2,80}|(?:the |a |an )?[^,\"“”]{2,60}?\s+"
    r"(?:said|says|reported|reports|announced|announces|added|adds|confirmed|told [\w ]{2,30}?)"
    r"(?:\s+(?:on|late|early)\s+\w+)?(?:\s+in a statement)?)\s*[.!]?[\"”’]?$",
    re.IGNORECASE,
)
_ATTRIBUTION_INSIDE = re.compile(
    r",\s+(?:the |a |an )?[^,\"“”]{2,40}?\s+(?:said|says|reported|reports|announced),",
    re.IGNORECASE,
)
_SCENE = re.compile(
    r"^(?:In|On|At|After|Following|Amid|During|Despite|As|With|Earlier|Later|Late|Early|Days|"
    r"Hours|Weeks|Months|Years|Just|Since|Before|When|While|Last|This|Over|By|Throughout|"
    r"Across|Today|Yesterday|Tonight|Now|Overnight|Meanwhile)\b[^,\"“”]{0,70},\s+"
)
_SUBORDINATE = re.compile(
    r"^(?:(?:So|And|But) (?:when|while|if|as|after|because) |"
    r"When|While|As|If|Although|Though|Because|Since|After|Before|Until|Unless|Ever since|"
    r"Hours after|Days after|Once|Whether|How|Why|What|Where|Who|According to|Here (?:is|are)|"
    r"Here's|Except|Unlike)\b"
)
"""Openings that are not a headline's: a subordinate clause, an attribution ("According to
the report, published in ..."), a teaser ("Here are some things ...")."""
_ADDRESSED = re.compile(r"\b(?:I|[Mm]e|[Mm]y|[Ww]e|us|[Oo]ur|[Yy]ou|[Yy]our)\b")
"""First and second person; "us" only in lower case ("a US attack" is the United States)."""
_QUOTED = re.compile(r"[\"“][^\"”]*[\"”]|(?<!\w)[‘'][^‘’'\"“”]+?[’'](?!\w)")
_PARENTHESES = re.compile(r"\s*\([^()]{0,80}\)")
_NAME_APPOSITION = re.compile(
    r"(\b[a-z][\w’'-]*),\s+(?:[A-ZÀ-Þ][\w’'.-]*\s){0,3}[A-ZÀ-Þ][\w’'.-]*,\s"
)
_WEEKDAY = re.compile(
    rf"(?:\s+(?:late|early))?\s+(?:on|late|early|last)\s+"
    rf"(?:{'|'.join(d.capitalize() for d in WEEKDAYS)})\b"
)
_SAID_THAT = re.compile(r"\b(said|says|announced|warned|added|told \w+)\s+that\s")
_RELATIVE = re.compile(r",\s+(?:who|which|whose|where)\b[^,]*(?:,|$)")
_APPOSITION = re.compile(r",\s+(?:the|a|an|its|his|her|their)\s[^,\"“”]{3,80},\s")
_BOUNDARY = re.compile(
    r",\s|\s(?:after|as|amid|while|when|following|despite|because|since|but|and then|"
    r"in what|in a bid|in an effort|just|days after|hours after|weeks after)\s"
)
_AUXILIARIES = frozenset(
    [
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "has",
        "have",
        "had",
        "will",
        "would",
        "can",
        "could",
        "may",
        "might",
        "must",
        "shall",
        "should",
        "did",
        "does",
        "do",
    ]
)


_NOT_BEFORE_VERB = frozenset(
    [
        "the",
        "a",
        "an",
        "of",
        "in",
        "on",
        "at",
        "for",
        "with",
        "by",
        "to",
        "from",
        "its",
        "his",
        "her",
        "their",
        "our",
        "my",
        "your",
        "this",
        "that",
        "these",
        "those",
        "two",
        "three",
        "four",
        "five",
        "several",
        "many",
        "some",
        "all",
        "more",
        "most",
        "other",
        "such",
    ]
)


def _clause(text: str) -> bool:
    """A subject and a finite verb, roughly: an auxiliary, or a past or -s form that no
    determiner or number precedes, the -s form with words after it and no "of" ("Prodigy dies
    at 42", not "The bodies of two renowned climbers"). A verb of a relative clause is not the
    main one: "The mother of a 2-year-old whose body was found" has none."""
    tokens = words(text)
    verbs = _verb_positions(tokens)
    relative = next((k for k, t in enumerate(tokens) if t in _RELATIVES), None)
    if relative is not None and verbs and verbs[0] > relative:
        # "A woman whose son was killed sued the city": a verb group after the relative one
        # ("was killed" is one group; "whose body was found in the woods" has no other)
        groups = [k for k in verbs if not (k - 1 in verbs and tokens[k - 1] in _AUXILIARIES)]
        return len(groups) >= 2
    return bool(verbs)


_RELATIVES = frozenset(["who", "whose", "which", "whom"])


_PAST_STOPS = frozenset(
    ["became", "began", "came", "felt", "found", "gave", "given", "gone", "gotten", "kept",
     "knew", "known", "made", "said", "seen", "sent", "shown", "taken", "thought", "took",
     "went"]
)  # fmt: skip
"""Past forms the stop list holds: still verbs ("Sinema took a narrow lead")."""

_PRESENT_STOPS = frozenset(
    ["allows", "asks", "backs", "becomes", "begins", "comes", "ends", "faces", "finds",
     "follows", "gets", "gives", "goes", "keeps", "looks", "makes", "needs", "opens",
     "sees", "shows", "thinks", "tries", "turns", "wants"]
)  # fmt: skip
"""Present forms the stop list holds: still verbs in a headline ("Korvell Rail strike ends
with tentative deal", whose title a one-article briefing had passed over: fifth new-user
audit)."""


_HEADLINE_VERBS = frozenset(
    ["beat", "win", "kill", "seek", "urge", "join", "lose", "sign", "reach", "agree", "sell",
     "buy", "quit", "hire", "sue", "rescue", "approve", "reject", "deny", "warn", "vow"]
)  # fmt: skip
"""Verbs a headline writes in the plain present after a plural or a name, and that are
seldom the nouns of a label ("Herons beat Lynx 78-71 to win first national title")."""


def _verb_positions(tokens: Sequence[str]) -> list[int]:
    from .lexicon import irregular_forms

    stops = stop_words() - _AUXILIARIES
    irregular = irregular_forms()
    found = []
    for k in range(1, len(tokens)):
        token = tokens[k]
        if token in _AUXILIARIES:
            found.append(k)
            continue
        after_determiner = tokens[k - 1] in _NOT_BEFORE_VERB
        if token in _HEADLINE_VERBS and not after_determiner:
            found.append(k)  # a headline's present: "Herons beat Lynx 78-71 to win ..."
            continue
        if (token in stops and token not in _PAST_STOPS | _PRESENT_STOPS) or len(token) <= 3:
            continue
        if (token.endswith("ed") or token in irregular) and not after_determiner:
            found.append(k)  # "two renowned climbers": an adjective, not a verb
        elif token.endswith("s") and not token.endswith(("ss", "'s", "’s")):
            follows = tokens[k + 1] if k + 1 < len(tokens) else ""
            if not after_determiner and follows not in ("", "of", "and", "or"):
                found.append(k)  # a final "-s" word is a plural noun: "two renowned climbers"
    return found


_RELATIVE_START = re.compile(r"\s(?:that|which|who)\s")
_NOT_ANTECEDENT = frozenset(
    ["so", "such", "now", "and", "but", "or", "is", "was", "are", "were", "be", "been", "all",
     "those", "one", "held", "ruled", "found", "believe", "believes", "suggests", "suggest",
     "show", "shows", "claims", "claimed", "means", "hope", "hopes", "fear", "fears", "clear",
     "today", "yesterday", "night", "morning", "afternoon", "evening", "week", "month", "year",
     "ago"]
)  # fmt: skip
"""Words before "that" that take a clause, not a relative one ("held that", "so that",
"Wednesday that"): a headline cut there says nothing."""


_THAT_VERBS = (
    "say", "reveal", "show", "indicate", "prove", "mean", "think", "know", "learn", "believe",
    "hope", "fear", "feel", "find", "discover", "realize", "realise", "argue", "claim",
    "report", "warn", "announce", "confirm", "suggest", "insist", "conclude", "decide",
    "determine", "ensure", "estimate", "predict", "note", "add", "admit", "acknowledge",
)  # fmt: skip


def _takes_that(word: str) -> bool:
    """A verb whose "that" opens what it says ("cemetery reveal | that ..."), in any form."""
    return any(word == v or word in (v + "s", v + "d", v + "ed") for v in _THAT_VERBS)


def _before_relative(kept: str) -> bool:
    """Can a headline end before a relative clause ("... have created an oxide-derived copper
    catalyst | that converts ...")? Only after its noun, and not inside an apposition ("make
    Juneteenth, a holiday | that honors ...")."""
    from .lexicon import speech_forms

    last = kept.split()[-1].lower().strip(",;:\"”’'") if kept.split() else ""
    if last in _NOT_ANTECEDENT or last in speech_forms() or last in WEEKDAYS or _takes_that(last):
        return False
    if last.endswith("ing") or last in function_words() or _OPEN_APPOSITION.search(kept):
        return False
    # the noun may be in the (long) stop list `_whole` ends on: "policy changes"
    return 6 <= count_words(kept) <= MAX_WORDS and _closed(kept)


_OPEN_APPOSITION = re.compile(r",[\"”’']?\s+(?:a|an|the)\s[^,]*$")


def _dangling(kept: str) -> bool:
    """A cut that left the subject waiting for its verb: an apposition still open ("The storm,
    part of a system that began in the Rockies", "Marty Balin, who co-founded the band") or a
    phrase that introduces it ("For the 10 million Britons suffering from arthritis")."""
    parts = kept.split(", ")
    if len(parts) % 2 == 0 and parts[-1][:1].islower() and not _verb_positions(words(parts[0])):
        return True  # ("LeBron James, Miami Heat win ..." is two subjects)
    opens = len(parts) == 1 and _PREPOSITION_START.match(kept) is not None
    return opens and not any(words(kept)[k].endswith("ed") for k in _verb_positions(words(kept)))


_PREPOSITION_START = re.compile(r"^(?:For|With|In|On|At|From|Of|By|To|Among|Under|About)\s")


def _apposition(match: re.Match[str]) -> str:
    """An apposition goes; a clause between commas stays (", the researchers found that
    bullied children, ..." holds the sentence's subject and verb)."""
    return match.group() if " that " in match.group() else " "


def _whole(kept: str) -> bool:
    """Can a headline end here? Long enough, short enough, not on a function word, and not
    inside a "that"/"who" clause still waiting for its verb ("officials confirmed that at")."""
    n = count_words(kept)
    if not 6 <= n <= MAX_WORDS or kept.split()[-1].lower().strip(",;:") in stop_words():
        return False
    return _closed(kept)


def _closed(kept: str) -> bool:
    """Not inside a "that"/"who" clause still waiting for its verb."""
    inner = re.split(r"\b(?:that|who|which)\b", kept)
    return len(inner) == 1 or _clause("x " + inner[-1])


def shorten(sentence: str, cut: bool = True, *, opening: bool = False) -> str | None:
    """The sentence's main clause as a headline, or None if none can be had by cutting.

    Deletions that keep a clause whole (attribution, scene-setting, appositions, relative
    clauses, parentheses) come first; `cut` also allows ending it early at a clause boundary.
    An article's `opening` sentence may say "The country's president": nothing came before it.
    """
    text = standalone(_DATELINE.sub("", _CAPITAL_DATELINE.sub("", sentence.strip())))
    if not text[:1].isupper() or text.endswith("?") or opener(text):
        return None
    if not opening and definite_reference(text):
        return None
    text = _PARENTHESES.sub("", text)
    text = _ATTRIBUTION.sub("", text).rstrip(" ,;:.!")
    text = _ATTRIBUTION_INSIDE.sub(",", text)
    scene = _SCENE.match(text)
    if scene and count_words(text[scene.end() :]) >= MIN_WORDS:
        rest = text[scene.end() :]
        text = rest[0].upper() + rest[1:]
        if opener(text):
            return None  # "While LeBron James' shoe size is big, | it's nowhere near ..."
    text = _RELATIVE.sub(" ", text)
    text = _APPOSITION.sub(_apposition, text)
    text = _NAME_APPOSITION.sub(r"\1 ", text)  # "president, José Álvarez, said": a common noun
    text = _SAID_THAT.sub(r"\1 ", _WEEKDAY.sub("", text))
    text = " ".join(text.split()).rstrip(" ,;:.!-–—")
    if count_words(text) > MAX_WORDS:
        if not cut:
            return None
        cuts = [m.start() for m in _BOUNDARY.finditer(text) if _whole(text[: m.start()])]
        cuts = cuts or [
            m.start() for m in _RELATIVE_START.finditer(text) if _before_relative(text[: m.start()])
        ]
        if not cuts:
            return None
        text = text[: cuts[0]].rstrip(" ,;:")
        if _dangling(text):
            return None
    if text.count('"') % 2 or text.count("“") != text.count("”"):
        return None
    if count_words(text) < MIN_WORDS or not _clause(text) or _SUBORDINATE.match(text):
        return None
    if _ADDRESSED.search(_QUOTED.sub("", text)):
        return None  # "I did not believe ...", "... you shouldn't leave in your car"
    return text


def _shared(title: str, others: Callable[[str], bool]) -> float:
    """Share of a title's index terms that the other articles use (`others(term)`)."""
    mine = set(terms(title))
    if not mine:
        return 0.0
    return sum(1 for t in mine if others(t)) / len(mine)


def _used_elsewhere(usage: Counter[str], own: frozenset[str], term: str) -> bool:
    return usage[term] > (term in own)


_DATELINE = re.compile(r"^[A-Z][A-Z .,'-]{2,30}\s*(?:--|—|–|-)\s+")
_CAPITAL_DATELINE = re.compile(r"^[A-Z]{3,}(?:[ ,]+[A-Z]{2,})*\s+(?=(?:The|A|An)\s)")
"""A dateline the cleaner left without its dash: "WASHINGTON The Senate passed ..."."""


def _tidy(title: str) -> str:
    """A metadata headline without a dateline, parenthesised credits or a final stop."""
    title = _PARENTHESES.sub("", _DATELINE.sub("", title.strip()))
    return " ".join(title.split()).rstrip(" .")


def _usable_title(title: str, others: Callable[[str], bool]) -> bool:
    """A headline, not page furniture: 4 to 20 words, a clause, and mostly about the story
    (at least half its index terms occur in the other articles, or in its own text)."""
    n = count_words(title)
    if not MIN_WORDS - 1 <= n <= 20 or not _clause(title):
        return False
    if title.rstrip()[-1:] in ",:;|>…-" or title.rstrip().endswith("...") or "|" in title:
        return False  # a teaser cut short, a section label, "Updated | ..."
    if _ADDRESSED.search(_QUOTED.sub("", title)):
        return False  # a memo's "Today Marks a Significant Milestone in Our History"
    if SAID_HEADLINE.match(title):
        return False  # one person's remark, not the story's event
    return _shared(title, others) >= 0.5


def headline(
    articles: Sequence[Article],
    leads: Sequence[str],
    openings: frozenset[str] = frozenset(),
    *,
    headings: Sequence[str] = (),
    points: Sequence[str] | None = None,
) -> str:
    """The articles' most shared headline; else a heading line of an article about the story;
    else the lede (`leads[0]`) shortened to a clause; else another of `leads` (best first)
    that shortens to one about the lede's event; else the lede's first words with "…" when
    they hold a clause; else another lead about the story; else the first words of the first
    lead that can be cut.

    The lede comes before the other leads because the briefing opens with it: an article's
    second sentence shortened whole was, on the dev set, as often background ("Officers
    returned fire, killing the man") as news. `openings` are the leads that open their
    article; `headings` are opening lines without a final stop (a title the text kept);
    `points` are the briefing's, what "about the story" is measured against: most of a
    headline's terms are in them, and two of them in the lede or the next point ("Reshoots for
    'Unstoppable' were filmed at the site" is background to a death)."""
    titled = [a for a in articles if a.title]
    if titled:
        # Each article's terms once and how many articles use each term: a title's term is
        # "used by the others" when more articles than its own use it. Linear in the
        # articles, which matters for folders of thousands.
        bags = {a.id: frozenset(terms(a.text)) for a in articles}
        usage = Counter(t for bag in bags.values() for t in bag)
    titles = []
    for a in titled:
        title = _tidy(a.title)
        own = bags[a.id]
        others = partial(_used_elsewhere, usage, own) if len(articles) > 1 else own.__contains__
        if _usable_title(title, others) and not _contradicts(title, leads[:1]):
            titles.append((_shared(title, others), title))
    if titles:
        return max(titles)[1]
    told = frozenset(terms(" ".join(points))) if points is not None else None
    main = frozenset(terms(" ".join([*leads[:1], *(points or ())[1:2]])))

    def on_topic(short: str) -> bool:
        return told is None or _shared(short, told.__contains__) >= ON_TOPIC

    def on_lede(short: str) -> bool:  # the lede's event, not the background's
        return on_topic(short) and (points is None or len(main.intersection(terms(short))) >= 2)

    for heading in headings:
        short = shorten(heading, opening=True)
        if short and on_topic(short):
            return short
    if not leads:
        return "Briefing"
    lede = leads[0]
    short = shorten(lede, opening=lede in openings) or _lede_words(lede)
    if short:
        return short
    for cut in (False, True):  # a whole clause from any lead before a cut one
        for lead in leads[1:]:
            short = shorten(lead, cut, opening=lead in openings)
            if short and on_lede(short):
                return short
    cut_short = _first_words(lede)
    if _fit_to_cut(lede) and _clause(cut_short):
        return cut_short  # "... don't know why …": the lede's news, cut short
    for lead in leads[1:]:  # the lede is no clause ("Starring Matt Damon and ...")
        short = shorten(lead, False, opening=lead in openings)
        if short and on_topic(short):
            return short
    return _first_words(next((lead for lead in leads if _fit_to_cut(lead)), lede))


def _contradicts(title: str, lede: Sequence[str]) -> bool:
    """The title gives a figure or a day the lede gives otherwise: "Fire at Dhaka garment
    factory kills 12" over "... a fire at the Ashulia factory killed 15 workers" (an early
    report's title over a later lede; the new-user audit)."""
    if not lede:
        return False
    from .cite import compare

    found = compare(analyse(title), analyse(lede[0])).conflicts
    return any(c.kind in ("number", "date") for c in found)


def _lede_words(lede: str) -> str | None:
    """The lede's first words up to a place or time phrase, when they are a clause ("Alex Lowe
    and David Bridges were swept away in 1999 | by an avalanche during ..."), else None."""
    if not _fit_to_cut(lede):
        return None
    short = _first_words(lede)
    if short.endswith("…") or not _clause(short) or short.count(", ") % 2:
        return None  # "The storm, part of a system that began ...": the apposition is open
    return short


def _fit_to_cut(lead: str) -> bool:
    """A lead whose first words can stand as a headline: it opens with a capital, points back
    at nothing ("He experienced visions ...") and addresses no one ("our crack video team")."""
    return (
        lead[:1].isupper()
        and opener(lead) is None
        and not _ADDRESSED.search(_QUOTED.sub("", lead))
        and not _DATELINE_LEAD.match(lead)
        and not _SUBORDINATE.match(lead)
        and "|" not in lead  # "Updated | When the first humans ..."
    )


_DATELINE_LEAD = re.compile(r"^[A-Z]{3,}[\w ,.]*\([^()]*\)\s*(?:--|—|–)")
"""'MONDAY, July 2 (HealthDay News) --': a wire dateline the cleaner left in the text."""


_PHRASE = re.compile(r"\s(?:in|at|on|near|outside|during|over|from|with|for|by|of)\s")


def _first_words(lead: str) -> str:
    """The last resort: the lead up to the last place or time phrase that ends it within
    `MAX_WORDS` ("... killed a high-level Iranian general | in an attack at ..."); failing
    that, its first words with an ellipsis saying they were cut."""
    text = lead.strip().rstrip(" .!;:,")
    if count_words(text) <= MAX_WORDS:
        return text
    ends = [
        m.start()
        for m in _PHRASE.finditer(text)
        if MIN_WORDS <= count_words(text[: m.start()]) <= MAX_WORDS
        and not _OPEN_PREPOSITION.search(text[: m.start()])
        # "of" ends "The lawyer for the family | of ..." as often as a clause: it needs a verb,
        # and no apposition left open ("make Juneteenth, a holiday that honors the freedom")
        and (m.group().strip() != "of" or _of_cut(text[: m.start()]))
        and not _left_open(text[: m.start()], text[m.start() :])
        and not _dangling(text[: m.start()].rstrip(" ,;:"))
    ]
    if ends:
        kept = text[: ends[-1]].rstrip(" ,;:")
        # "... Qasem Soleimani, who died", "... Soleimani, the commander": a relative clause or
        # an apposition cut before it says anything goes whole
        return _STUB_RELATIVE.sub("", kept) if count_words(kept) > MIN_WORDS + 2 else kept
    return " ".join(text.split()[:MAX_WORDS]) + " …"


def _left_open(kept: str, rest: str) -> bool:
    """A cut that leaves a word waiting ("Sandy Hook, Connecticut, will | on Monday"), or the
    subject without its verb ("says dozens of people found guilty | of drugs offences could
    now have ...": an auxiliary before the next comma is the clause's own)."""
    last = kept.split()[-1].lower().strip(",;:") if kept.split() else ""
    clause = re.split(r"[,;:—–]|\s-\s|\b(?:who|which|that|whose)\b", rest, maxsplit=1)[0]
    return last in function_words() or any(w in _AUXILIARIES for w in words(clause))


def _of_cut(kept: str) -> bool:
    return _clause(kept) and "," not in _STUB_RELATIVE.sub("", kept.rstrip(" ,;:"))


_OPEN_PREPOSITION = re.compile(
    r"\b(?:in (?:connection|front|addition|response|relation|search|honou?r|light|favou?r|"
    r"terms|spite|place|charge|line)|on behalf|as part|by way|ahead|instead|because|due|"
    r"prior|next|close|regardless|himself|herself|themselves|itself)$",
    re.IGNORECASE,
)
"""The first words of a preposition that goes on ("arrested in connection | with ...", "turned
himself | in to ..."): no
headline ends there."""


_STUB_RELATIVE = re.compile(r",\s+(?:who|which|whose|where|the|a|an)(?:\s+\S+){0,2}$")
