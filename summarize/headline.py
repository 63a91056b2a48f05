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

from .facts import WEEKDAYS
from .readable import definite_reference, opener, standalone
from .schema import Article
from .sentences import count_words, stop_words, terms, words

MAX_WORDS = 16
"""Longer than this, a headline is a sentence: it is cut at a clause boundary or not used."""
MIN_WORDS = 5

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
    r"^(?:When|While|As|If|Although|Though|Because|Since|After|Before|Until|Unless|Ever since|"
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
        return len(verbs) >= 2  # "A woman whose son was killed sued the city"
    return bool(verbs)


_RELATIVES = frozenset(["who", "whose", "which", "whom"])


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
        if token in stops or len(token) <= 3:
            continue
        after_determiner = tokens[k - 1] in _NOT_BEFORE_VERB
        if (token.endswith("ed") or token in irregular) and not after_determiner:
            found.append(k)  # "two renowned climbers": an adjective, not a verb
        elif token.endswith("s") and not token.endswith("ss"):
            follows = tokens[k + 1] if k + 1 < len(tokens) else ""
            if not after_determiner and follows not in ("", "of", "and", "or"):
                found.append(k)  # a final "-s" word is a plural noun: "two renowned climbers"
    return found


def _whole(kept: str) -> bool:
    """Can a headline end here? Long enough, short enough, not on a function word, and not
    inside a "that"/"who" clause still waiting for its verb ("officials confirmed that at")."""
    n = count_words(kept)
    if not 6 <= n <= MAX_WORDS or kept.split()[-1].lower().strip(",;:") in stop_words():
        return False
    inner = re.split(r"\b(?:that|who|which)\b", kept)
    return len(inner) == 1 or _clause("x " + inner[-1])


def shorten(sentence: str, cut: bool = True, *, opening: bool = False) -> str | None:
    """The sentence's main clause as a headline, or None if none can be had by cutting.

    Deletions that keep a clause whole (attribution, scene-setting, appositions, relative
    clauses, parentheses) come first; `cut` also allows ending it early at a clause boundary.
    An article's `opening` sentence may say "The country's president": nothing came before it.
    """
    text = standalone(sentence.strip())
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
    text = _RELATIVE.sub(" ", text)
    text = _APPOSITION.sub(" ", text)
    text = _NAME_APPOSITION.sub(r"\1 ", text)  # "president, José Álvarez, said": a common noun
    text = _SAID_THAT.sub(r"\1 ", _WEEKDAY.sub("", text))
    text = " ".join(text.split()).rstrip(" ,;:.!-–—")
    if count_words(text) > MAX_WORDS:
        if not cut:
            return None
        cuts = [m.start() for m in _BOUNDARY.finditer(text) if _whole(text[: m.start()])]
        if not cuts:
            return None
        text = text[: cuts[0]].rstrip(" ,;:")
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
    return _shared(title, others) >= 0.5


def headline(
    articles: Sequence[Article], leads: Sequence[str], openings: frozenset[str] = frozenset()
) -> str:
    """The articles' most shared headline, else the first of `leads` (best first) that
    shortens to a clause, else the first words of the first lead. `openings` are the leads
    that open their article."""
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
        if _usable_title(title, others):
            titles.append((_shared(title, others), title))
    if titles:
        return max(titles)[1]
    for cut in (False, True):  # a whole clause from any lead before a cut one
        for lead in leads:
            short = shorten(lead, cut, opening=lead in openings)
            if short:
                return short
    if leads:
        return _first_words(next((lead for lead in leads if _fit_to_cut(lead)), leads[0]))
    return "Briefing"


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
    ]
    if ends:
        kept = text[: ends[-1]].rstrip(" ,;:")
        # "... Qasem Soleimani, who died", "... Soleimani, the commander": a relative clause or
        # an apposition cut before it says anything goes whole
        return _STUB_RELATIVE.sub("", kept) if count_words(kept) > MIN_WORDS + 2 else kept
    return " ".join(text.split()[:MAX_WORDS]) + " …"


def _of_cut(kept: str) -> bool:
    return _clause(kept) and "," not in _STUB_RELATIVE.sub("", kept.rstrip(" ,;:"))


_OPEN_PREPOSITION = re.compile(
    r"\b(?:in (?:connection|front|addition|response|relation|search|honou?r|light|favou?r|"
    r"terms|spite|place|charge|line)|on behalf|as part|by way|ahead|instead|because|due|"
    r"prior|next|close|regardless)$",
    re.IGNORECASE,
)
"""The first words of a preposition that goes on ("arrested in connection | with ..."): no
headline ends there."""


_STUB_RELATIVE = re.compile(r",\s+(?:who|which|whose|where|the|a|an)(?:\s+\S+){0,2}$")
