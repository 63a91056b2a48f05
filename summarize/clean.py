"""Turn raw article text into news prose plus the metadata it carries.

Strips what is not news and lifts metadata out of the text (a `date YYYY-MM-DD` line above or
under the title, datelines such as "Washington, Jan 3 (AFP) –" or "BAGHDAD –", a title line,
the outlet). What is not news comes in two kinds:

- hand patterns: syndication notices, contributor lines, agency tags, embedded tweets,
  share/subscribe prompts, sub-headings, photo captions and credits, video-player leftovers,
  "Read more"/"Related" links, newsletter, cookie and social prompts, bare links;
- page furniture learned from data: `data/boilerplate.txt`, lines that recur word for word
  across many unrelated Multi-News clusters (rebuilt by `benchmarks/boilerplate.py`).

Scraped pages glue furniture to prose, so both are applied to whole paragraphs and to the
sentences inside them. The outlet is read from the text (dateline agency, credit lines,
syndication footers, copyright lines) before those lines are dropped.
"""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

from . import newswire
from .sentences import count_words

_DASH = r"[-–—]"
_MONTHS = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_AGENCY = r"(?:AFP|AP|Reuters|IANS|PTI|ANI|UPI|dpa|Xinhua|TASS|Bloomberg|CNN)"
_NAMED_AGENCY = r"[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,3}"
"""A wire's name in its dateline's brackets: "Meridian News", "Finwire"."""
_CAPS_PLACE = (
    r"[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]*){0,3}"
    r"(?:,\s*[A-Z][A-Za-z.'’-]*(?: [A-Z][A-Za-z.'’-]*)?)?"
)
"""A capitalised dateline's place, with the state or country a wire adds: "PORT CALDER",
"HARLOW BAY, Texas", "SAN JUAN, Puerto Rico"."""
_STATION = r"(?:[KW][A-Z]{2,3}(?:-TV)?|(?:CBS|NBC|ABC|FOX)[A-Z][A-Za-z]+|NBC\d+)"
"""A broadcaster's call sign or brand in a local dateline: "PITTSBURGH (KDKA) —", "FT
LAUDERDALE (CBSMiami) –"."""

DATE_LINE = re.compile(r"^\s*date[:\s]+(\d{4}-\d{2}-\d{2})(?:[T ][\d:.+Z-]*)?\s*", re.IGNORECASE)
_DATE_UNDER_TITLE = re.compile(
    r"(?:\n[ \t]*)+(?P<line>date[ \t]*[: \t][ \t]*(?P<date>\d{4}-\d{2}-\d{2})(?:[T ][\d:.+Z-]*)?)"
    r"[ \t]*(?=\n|$)",
    re.IGNORECASE,
)
"""A line that is only `date YYYY-MM-DD` (or `Date: ...`), matched from the first line's end."""
_DATED_DATELINES = (
    # Washington, Jan 3 (AFP) –   /   NEW DELHI, Jan 3 (PTI):
    re.compile(
        rf"^(?P<place>[A-Z][\w .'’-]{{1,40}}?),\s+{_MONTHS}\s+\d{{1,2}}(?:,\s*\d{{4}})?\s*"
        rf"\((?P<agency>{_AGENCY})\)\s*(?:{_DASH}{{1,2}}|:)?\s*"
    ),
    # VALDORIA, March 4 (Meridian News) -   /   CHICAGO, June 11 -   /   BRENNICK, Valdoria,
    # June 15 (Northline News Service) -   (sixth new-user audit)   a wire's dateline with an
    # agency of its own, or none; the dash is required, as "(…)" may open the prose. A weekday
    # is no place: "MONDAY, July 2 (HealthDay News) --" is a date the prose keeps
    re.compile(
        rf"^(?!(?i:(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b)"
        rf"(?P<place>[A-Z][\w .'’-]{{1,40}}?(?:,\s*[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*)?)?),\s+"
        rf"{_MONTHS}\s+\d{{1,2}}(?:,\s*\d{{4}})?\s*"
        rf"(?:\((?P<agency>{_NAMED_AGENCY})\)\s*)?{_DASH}{{1,2}}\s+(?=[A-Z“\"‘])"
    ),
)
"""Datelines with a day: distinctive enough to be lifted wherever a sentence opens with one."""
_DATELINES = (
    *_DATED_DATELINES,
    # BEIRUT (Reuters) -   /   Beirut, Lebanon (AP) —
    re.compile(
        rf"^(?P<place>[A-Z][\w .,'’-]{{1,40}}?)\s*\((?P<agency>{_AGENCY})\)\s*"
        rf"(?:{_DASH}{{1,2}}|:)\s*"
    ),
    # (CNN) The Department ...   /   Tokyo (CNN) Seven US sailors ... (no dash after the tag)
    re.compile(
        rf"^(?:(?!The\s)(?P<place>[A-Z][\w .,'’-]{{1,40}}?)\s*)?\((?P<agency>{_AGENCY})\)\s*"
        rf"(?:{_DASH}{{1,2}}|:)?\s*(?=[A-Z“\"‘])"
    ),
    # PITTSBURGH (KDKA) —   /   PORTLAND, Ore. (KOIN) – a local station's dateline
    re.compile(
        rf"^(?P<place>[A-Z][A-Z.'’-]+(?:[ ,]+[A-Z][A-Za-z.'’-]*){{0,3}})\s*"
        rf"\((?P<agency>{_STATION})\)\s*(?:{_DASH}{{1,2}}|:)?\s*(?=[A-Z“\"‘])"
    ),
    # PORT CALDER (Metro Daily Wire) -   a wire of its own in a capitalised place's dateline
    # (new-user audit); the dash is required, as "(…)" may open the prose
    re.compile(
        rf"^(?P<place>{_CAPS_PLACE})\s*"
        rf"\((?P<agency>{_NAMED_AGENCY})\)\s*{_DASH}{{1,2}}\s+(?=[A-Z“\"‘])"
    ),
    # BAGHDAD –   /   WASHINGTON, D.C. —   /   WASHINGTON—An attorney (no spaces: WSJ)  /
    # ROTTERDAM, the Netherlands — (the New York Times wire)
    re.compile(
        rf"^(?P<place>[A-Z][A-Z.'’-]+(?:[ ,]+(?:the )?[A-Z][A-Za-z.'’-]*){{0,3}})"
        rf"(?:\s+{_DASH}{{1,2}}\s+|\s*[—–]\s*)(?=[A-Z“\"])"
    ),
)

_NOTICE_PARAGRAPHS = [
    re.compile(p, re.IGNORECASE)
    for p in (
        r"^\(?this (?:is an unedited and auto-generated story|story has not been edited)\b.*$",
        r"^\(?with (?:[\w-]+ )?inputs?(?: from [^)]*)?\)?\.?$",
        r"^\(?(?:additional )?reporting by\b.*$",
        r"^\(?editing by\b.*$",
        # "Related:" / "Read more: ..." lead into links; "Related to this, ..." is prose.
        r"^(?:advertisement|story continues below advertisement|related|read more)$",
        r"^(?:related|read more)(?: (?:stories|articles|coverage|content|links))?\s*:.*$",
        r"^(?:click here|sign up|subscribe|follow us|share this|download the)\b.*$",
        r"^(?:copyright|©)\s.*$|^.*\ball rights reserved\.?$",
        r"^(?:photo|image|video|file photo)(?: credit)?:.*$",
    )
]
_TWEET_SIGNATURE = re.compile(r"[-–—]\s*[^()\n]{1,80}\(@\w{1,30}\)\s+\w+\s+\d{1,2},\s+\d{4}")
_PIC_LINK = re.compile(r"\s*(?:pic\.twitter\.com|https?://t\.co)/\S+")
_URL = re.compile(r"\s*https?://\S+")
_FOOTNOTE = re.compile(r"(?<=\S)\[\d{1,3}\]")
"""A reference mark copied from an encyclopaedia page ("... Brain Injury.[12] The Committee"):
left in, it opens the next sentence of a key point."""
_TRAILING_AGENCY = re.compile(rf"\s*\((?:{_AGENCY})\)\s*$")
_SEPARATOR = re.compile(r"^[\s\-–—*•_=~#]+$")
_SENTENCE_END = re.compile(r"[.!?…。！？][\"'”’)\]」』]*$|[\"”’]$")


# -- page furniture learned from data (data/boilerplate.txt) ----------------------------------

_DIGITS = re.compile(r"\d+")
_OUTER_PUNCT = re.compile(r"^[\W_]+|[\W_]+$")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})


def _word_set(words: str) -> frozenset[str]:
    """A set of words written as one string, which keeps long word lists readable."""
    return frozenset(words.split())


# A new sentence opens with a capital, a digit or a quote; or with the "|" or "•" that
# Politico's and others' link tiles put before a picture credit ("... said. | Jane Doe/AP ..."),
# a dash before a blog's signature ("... - posted by Jane Doe"), or a copyright sign.
_PIECE_BREAK = re.compile(r"[.!?…][\"'”’)\]]*\s+(?=[\"“‘'(\[]?[A-Z0-9]|[|•–—©-]\s)")
_NO_BREAK_AFTER = _word_set(
    "mr mrs ms dr gen lt col maj sgt capt cmdr adm gov sen rep rev prof st jr sr no vs etc inc "
    "corp co ltd bros dept univ ave blvd rd mt ft jan feb mar apr jun jul aug sep sept oct nov "
    "dec a.m p.m u.s u.n u.k e.u d.c u.s.a"
)  # fmt: skip


def furniture_key(text: str) -> str:
    """The form in which a line is compared with the furniture list: lower case, straight quotes,
    every run of digits as 0, whitespace collapsed, punctuation at either end dropped.

    Digits are collapsed so "Starting in 1996, ..." and "Starting in 2011, ..." are one line;
    end punctuation so "Read more", "Read more »" and "Read more:" are too.
    """
    text = unicodedata.normalize("NFKC", text).lower().translate(_QUOTES)
    return _OUTER_PUNCT.sub("", " ".join(_DIGITS.sub("0", text).split()))


def sentence_pieces(paragraph: str) -> list[str]:
    """The paragraph cut where a sentence may end: after ., ! or ? and a space, before a capital,
    a digit or a quote, but not after an honorific, an initial or "U.S.".

    Cruder than `sentences.split_sentences` (Punkt), and cheaper: pieces are only compared with
    furniture and joined back with a space, so a needless cut matters only if it leaves a piece
    that looks like furniture, which is what the abbreviation guard prevents.
    """
    pieces: list[str] = []
    start = 0
    for match in _PIECE_BREAK.finditer(paragraph):
        before = paragraph[start : match.start()].rsplit(" ", 1)[-1].lower().lstrip("\"“‘'(")
        if before in _NO_BREAK_AFTER or re.fullmatch(r"(?:[^\W\d_]\.)*[^\W\d_]", before):
            continue
        pieces.append(paragraph[start : match.end()].strip())
        start = match.end()
    pieces.append(paragraph[start:].strip())
    return [p for p in pieces if p]


@cache
def furniture_lines() -> frozenset[str]:
    """The shipped furniture list, as `furniture_key`s (see data/boilerplate.txt)."""
    text = resources.files("summarize").joinpath("data", "boilerplate.txt").read_text("utf-8")
    lines = (furniture_key(line) for line in text.splitlines() if not line.startswith("#"))
    return frozenset(line for line in lines if line)


def _word_key(word: str) -> str:
    """`furniture_key` of one word, without the Unicode normalisation (a cheap first test)."""
    return _OUTER_PUNCT.sub("", _DIGITS.sub("0", word.lower().translate(_QUOTES)))


@cache
def _furniture_starts() -> tuple[dict[str, tuple[int, ...]], int]:
    """First words of the list's lines, each with the lengths (in words, longest first) of the
    lines it starts, and the longest line: a piece whose first word starts no line is passed
    over without building its key (most prose is), and a run is only tried at lengths a line
    has ("The", "You" start lines too)."""
    lengths: dict[str, set[int]] = {}
    for line in furniture_lines():
        words = line.split()
        lengths.setdefault(_word_key(words[0]), set()).add(len(words))
    starts = {word: tuple(sorted(ns, reverse=True)) for word, ns in lengths.items()}
    return starts, max((max(ns) for ns in starts.values()), default=0)


def _is_listed(text: str, words: Sequence[str]) -> bool:
    """Is `text` (split into `words`) one of the listed lines?"""
    starts, longest = _furniture_starts()
    return (
        bool(words)
        and len(words) <= longest
        and _word_key(words[0]) in starts
        and furniture_key(text) in furniture_lines()
    )


def _leading_furniture(words: Sequence[str]) -> int:
    """How many leading words form a run of listed lines ("Advertisement Continue reading the
    main story ..."), longest line first.

    A line of n words matches n words of text, and any bare punctuation after them ("Read
    more »"), which its key drops."""
    lines = furniture_lines()
    starts, _ = _furniture_starts()
    i = 0
    while i < len(words):
        for n in starts.get(_word_key(words[i]), ()):
            end = i + n
            if end > len(words):
                continue
            while end < len(words) and not _word_key(words[end]):
                end += 1
            if furniture_key(" ".join(words[i:end])) in lines:
                i = end
                break
        else:
            break
    return i


# -- captions, credits, links, prompts (hand patterns) ----------------------------------------

_PHOTO_AGENCIES = r"(?:AP|AFP|Reuters|REUTERS|Getty Images|Getty|EPA|Shutterstock|iStock|Alamy)"
_CAPS = r"[A-Z][\w.'’&-]*"
_CREDIT_AT_END = re.compile(
    "(?:"
    + "|".join(
        (
            # (AP Photo/Jane Doe)  (Photo: Ana Ruiz, The Daily Record via AP)
            r"\((?:(?:AP|AFP|Reuters|File|Handout)\s+)?(?i:photo|image|picture|photograph|video)s?"
            r"(?:\s+illustration)?\s*(?:/|:|\bby\b|\bcourtesy\b|\bvia\b)[^()]{0,100}\)",
            # (Dana Holt/Reuters)  (Dana Holt/The Daily Ledger)
            rf"\((?:{_CAPS}\s+){{0,4}}{_CAPS}\s*/\s*(?:The\s+)?(?:{_CAPS}\s*){{1,5}}\)",
            rf"\((?:[^()]{{0,60}}\s)?(?:via|courtesy of)\s+{_PHOTO_AGENCIES}\)",
            r"\((?:Getty Images|Getty|EPA|Shutterstock|iStock|Alamy|(?:AP|AFP|Reuters) Photo)"
            r"(?:\s*/\s*File)?\)",
            # Yahoo's truncated AP captions: "... is suing President... (Associated Press)"
            r"(?:\.\.\.|…)\s*\(Associated Press\)",
            # Reuters pictures: "REUTERS/Jane Doe/File Photo"
            r"\bREUTERS/\s*[A-Z][\w .'’-]{1,40}(?:/File Photo)?",
            # "... Credit: Image courtesy J. Doe"  "... Photo: Getty Images"
            r"(?:^|[.!?\"”]\s+)(?:Photo|Image|Picture)?\s*(?:Credit|Copyright|Courtesy|Photo|Image)"
            r"\s*:\s*[^.!?]{1,80}",
            # the New York Times: "... Credit Doug Mills/The New York Times"
            rf"(?:^|[.!?\"”]\s+)Credit\s+(?:{_CAPS}\s+){{0,4}}{_CAPS}\s*/\s*[^.!?/]{{1,60}}",
        )
    )
    # Yahoo repeats the agency after AP's credit: "(AP Photo/Jane Doe) (Associated Press)";
    # USA Today follows it with its "Buy Photo" button.
    + r")(?:\s*\((?:The )?Associated Press\))?(?:\s*Buy Photo)?\s*\.?$"
)
_CAPTION_OPENER = re.compile(
    r"^(?:FILE\s*(?:PHOTO)?\s*[-–—:]+\s*)"  # AP's "FILE - In this ...", Reuters' "FILE PHOTO: ..."
    rf"|^In this (?:\w+, )?{_MONTHS} \d{{1,2}}(?:, \d{{4}})?,? (?:file )?"
    r"(?:photo|image|picture|photograph|frame grab|video)"
    r"|^In this (?:undated |handout |file |\d{4} )?(?:photo|image|picture|photograph|frame grab"
    r"|video image|screenshot|screen grab)s?(?: \w+)? (?:provided|released|taken|made available"
    r"|obtained|posted|shared|from|courtesy)\b"
)
# "This undated photo provided by ... shows ...": a caption when a credit closes it.
_THIS_PHOTO = re.compile(
    r"^(?:In )?This (?:[\w,.'’-]+ ){0,6}?(?:photo|photograph|picture|image|video image"
    r"|frame grab|screenshot|booking photo|mugshot|still)s?\b"
)
_BBC_CAPTION = re.compile(
    r"^(?:Image copyright|Image caption|Image source|Media caption|Media playback is unsupported)"
    # the New York Times labels a caption "Image" and closes it with "Credit ..."
    r"|^Image (?=[A-Z“\"].*\bCredit\s+[A-Z][^.!?]{0,60}$)"
)
_VIDEO_PLAYER = re.compile(
    r"^CLOSE\s+[A-Z\"“'‘0-9]|Skip in Skip x Embed x Share|\bCopy this code to your (?:website|blog)"
    r"|^\d+ of \d+ Full Screen Autoplay Close\b"
)

# "A photo of the teen who went missing on April 14, Kristian Perez.": a picture described,
# no statement made. "A photo of the suspect was released on Friday." states something.
_CAPTION_NOUN = re.compile(
    r"^(?:(?:An?|File|Undated)\s+)?(?:(?:undated|file|handout|recent|family|\d{4})\s+)?"
    r"(?:[Pp]hoto(?:graph)?|[Pp]icture|[Ii]mage|[Ss]elfie|[Ss]creenshot|[Mm]ugshot)s?\s+"
    r"(?:of|taken|provided|released|courtesy)\b"
)
_RELATIVE_CLAUSE = re.compile(
    r"\b(?:who|which|that|when|where|while|as)\s+(?:(?:he|she|it|they|we|i|you)\s+)?"
    r"(?:\w+ly\s+)?(?:is|are|was|were|has|have|had|went|did|does|do|will|would|could|can|may"
    r"|might|\w+ed)\b",
    re.IGNORECASE,
)
_PARTICIPLE = re.compile(r"\b(?:showing|depicting|featuring)\b")
# Lower case only: "May 2" is a month, "may" a verb.
_FINITE_VERB = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|could|can|may|might|must|should|did|does|do"
    r"|says|said|shows|showed|appears|appeared|depicts|depicted|captures|captured|features"
    r"|featured|circulated|circulates|surfaced|emerged|went|goes|spread|sparked|prompted|drew"
    r"|became|got|made|caused|led|triggered|attracted|garnered|received|gained|earned|won"
    r"|angered|outraged|fueled|fuelled|helped|remains|remained|seems|seemed)\b",
)
_PICTURED = re.compile(
    r"^\(?(?:Pictured|PICTURED)(?:\s+(?:above|below|left|right|here|at (?:top|left|right)))?"
    r"(?:\s*[:,]\s|\s+(?:is|are)\s)"
    r"|^\(?(?:Above|Below|Inset|Main (?:picture|photo|image)|Top (?:picture|photo|image)"
    r"|Featured image|Lead image|Header image)(?:\s*\((?:left|right|centre|center)\))?\s*:\s"
)
# "Photos: The flood in pictures <caption>": a gallery, whatever its length; "Raw: Extreme cold
# in northern Minnesota": the title of an agency's raw video (11 in the dev set, one a point).
_GALLERY = re.compile(
    r"^\[?(?:[A-Z][\w'’-]* )?(?:Photos|Photo gallery|Gallery|Pictures|In pictures|Images|Video"
    r"|Raw)\s*:"
)
_CREDIT_ONLY = re.compile(
    r"^[|•]?\s*(?:(?:AP|AFP|Reuters|File|Getty)\s+)?(?:photo|photograph|photos|image|images"
    r"|picture|pictures|video|illustration|graphic|credit|photo credit|image credit|photographer"
    r"|image copyright|image source|photo illustration|source)s?\s*"
    r"(?::|/|\bcourtesy\b|\bcopyright\b)",
    re.IGNORECASE,
)
_CREDIT_BY = re.compile(
    r"^(?:Photo|Photos|Photograph|Image|Picture|Video)s?(?:\s+illustration)?\s+(?:by|via)\s*:?\s"
)
_SLASH_CREDIT = re.compile(
    rf"^[|•]?\s*(?:{_CAPS}\s+){{0,4}}{_CAPS}\s*/\s*(?:{_CAPS}[\s/]*){{1,6}}\.?$"
)
_PIPE_CREDIT = re.compile(r"^\|\s*\S+(?:\s+\S+){0,3}$")  # "| Getty Images"
_AGENCY_ONLY = re.compile(
    r"^\(?(?:Getty Images|AFP(?:/Getty Images)?|AP(?: Photo)?|Reuters|EPA|Shutterstock"
    r"|iStock(?:photo)?|Associated Press)\)?\.?$"
)
_PAREN_CREDIT = re.compile(
    r"^\((?:(?:photo|image|picture|credit|via|courtesy|file|handout)\b[^()]*|[^()]*/[^()]*)\)\.?$",
    re.IGNORECASE,
)
_LINK_LEAD = re.compile(
    r"^[\[(►▶»•>*]?\s*(?:Read more|READ MORE|Read More|Related|RELATED|See also|SEE ALSO|See Also"
    r"|Also read|ALSO READ|Also Read|Also see|ALSO|MORE|Watch|WATCH|Recommended"
    r"|Further reading|Most read|Most popular|Top stories|Trending|More from [^:]{1,40}"
    r"|More on [^:]{1,40}|Also on [^:]{1,40})"
    r"(?:\s+(?:stories|story|articles|article|coverage|content|links|news|reading|videos?))?"
    r"\s*[:|»›]"
    r"|^Read or Share this story\b|^Read more (?:from|of|by)\s+[A-Z]"
    # Magazines' link boxes: "Related Jane Doe: 10 Essential Songs ..." (no full stop)
    r"|^Related\s+[\"'‘“A-Z].*[^.!?\"”’]$"
)
# "More: <headline>" is a link, "Also: the band toured with Train in 2010." an aside.
_WEAK_LINK_LEAD = re.compile(r"^(?:Also|More)\s*:.*[^.]$")
_READ_MORE_END = re.compile(r"\bRead more\s*[»›]?$")
_NEWSLETTER = re.compile(
    r"\b(?:newsletters?|inbox|unsubscribe|e-?mail alerts|news alerts|breaking news e-?mails)\b",
    re.IGNORECASE,
)
_PROMPT = re.compile(
    r"^(?:sign up|subscribe|get (?:our|the)|enter your|want (?:more|stories|the)|never miss"
    r"|don['’]t miss|stay (?:up to date|informed|in the know)|keep up|receive|join|click"
    r"|thanks? (?:you )?for (?:signing|subscribing)|by signing up|be the first|like what you"
    r"|interested in|please verify)\b"
    r"|\b(?:you agree|your inbox|you can unsubscribe|delivered (?:straight )?to your"
    r"|sign(?:ing)? up (?:for|to|now|here))\b",
    re.IGNORECASE,
)
_TRUNCATED_CAPTION = re.compile(r"(?:\.\.\.|…)\s*\(Associated Press\)$")


def _hints(*needles: str) -> tuple[str, ...]:
    """Words that a costly pattern cannot match without, looked for first (see `_has_any`)."""
    return needles


_NEWSLETTER_HINTS = _hints("newsletter", "inbox", "subscribe", "alerts", "e-mails", "emails")
_COOKIE_HINTS = _hints("cookie", "privacy", "terms of")
_BROWSER_HINTS = _hints("javascript", "browser", "playback", "available")
_COOKIE = re.compile(
    r"\bcookies?\b|\b(?:privacy policy|privacy notice|cookie policy|terms of (?:use|service))\b",
    re.IGNORECASE,
)
_SITE_VOICE = re.compile(r"\b(?:we|our|us|you|your)\b", re.IGNORECASE)
_BROWSER = re.compile(
    r"^(?:please )?(?:enable|turn on) javascript|\bjavascript is (?:disabled|required)"
    r"|\brequires javascript\b"
    r"|\byour browser (?:does not|doesn['’]t) support|^(?:please )?upgrade your browser"
    r"|\bmedia playback is unsupported|^this video is (?:unavailable|no longer available)"
    r"|^(?:this|the) (?:content|video|feature) is not available",
    re.IGNORECASE,
)
_PLATFORMS = (
    r"(?:Twitter|Facebook|Instagram|Google\+?|LinkedIn|YouTube|TikTok|Snapchat|Pinterest"
    r"|Flipboard|Threads|Bluesky|Mastodon|X)"
)
_SOCIAL = re.compile(
    rf"^(?:(?i:follow|like|join|find|connect with|friend)\s+(?i:us|me|him|her|them)"
    rf"|(?:Follow|Like|Join|Find|Connect with|Friend)\s+{_CAPS}(?:\s+{_CAPS}){{0,3}})"
    rf"\s+(?i:on|at|via)\s+(?i:{_PLATFORMS})\b"
    r"|^Follow\s[^.]{0,60}@\w+|^(?i:join the conversation)\b"
)
# Anywhere in the sentence: "... and don't forget to follow us at @jane", "follow @jane."
_FOLLOW_PROMPT = re.compile(
    rf"\bfollow (?:us|me) (?:on|at)\s+(?:(?-i:{_PLATFORMS})\b|@\w)|\bfollow\s+@\w", re.IGNORECASE
)
# "Twitter user @jane posted ..." is news; "Twitter: @jane" and "Contact Jane at ..." are not.
_CONTACT_LEAD = re.compile(
    r"^(?:Contact|To contact|Call|E-?mail|Reach|Write to|Follow|Twitter:|Send (?:tips|news)|Tips?:"
    r"|Got a tip"
    r"|Have a tip)\b",
    re.IGNORECASE,
)
_HANDLE_OR_MAIL = re.compile(r"(?<![\w.])@\w{2,}|\b[\w.+-]+@[\w-]+\.[\w.]+\b")
_MAIL_FIRST = re.compile(r"^[\w.+-]+@[\w-]+\.[\w.]+\b")
_NAME_PHONE = re.compile(r"^[A-Z][\w.'’ -]{2,40}\s*[•|·]\s*\(?\d{3}\)?[\d .-]{7,}$")
_BARE_LINK = re.compile(
    r"^\(?(?:https?://|www\.)\S+\)?\.?$"
    r"|^[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|gov|edu|co\.uk|io|ly|me|tv|info|news)(?:/\S*)?\.?$",
    re.IGNORECASE,
)
_AD = re.compile(
    r"^(?:advertisement|advertising|sponsored(?: content)?|story continues below(?: advertisement)?"
    r"|article continues below(?: advertisement)?|continue reading below)\.?$",
    re.IGNORECASE,
)
_SHARE_WORDS = _word_set(
    "share shares sharing this on via to tweet email e-mail print facebook twitter whatsapp "
    "linkedin reddit pinterest messenger sms copy link comment comments save embed x google+ "
    "flipboard pocket tumblr more article story it close skip in play reset text size + - | "
    "article's opens new window"
)
_SHARE_ACTIONS = _word_set(
    "share tweet email e-mail print facebook twitter whatsapp linkedin reddit pinterest embed "
    "messenger flipboard tumblr"
)

# Reader prompts. "Click here" is a link's label whatever leads into it ("For the full list,
# click here."); a quoted one ("the e-mail said 'click here'") is reported, not a prompt.
_CALL_TO_ACTION = re.compile(
    r"^\W{0,2}(?:please\s+)?(?:click|tap)\s+(?:here|below|above|through|on (?:the|this) link"
    r"|the link|this link|to)\b"
    r"|(?<![\"“‘'])\bclick here\b"
    r"|^\W{0,2}(?:please\s+)?(?:sign up|subscribe)\b|\bsubscribe (?:today|now|here)\b"
    r"|^\W{0,2}(?:please\s+)?download (?:the|our)\b.*\bapps?\b",
    re.IGNORECASE,
)
_CLICK_ASIDE = re.compile(r"\s*\((?:please\s+)?(?:click|tap) here\b[^()]{0,80}\)", re.IGNORECASE)
_LINK_ASIDE = re.compile(r"\s*\((?:[^()]{0,40}?\s)?(?:https?://|www\.)[^()\s]+\)")
# "Watch the full interview above." / "Watch The Late Show weeknights at 11:35 PM ET." /
# "You can listen to that clip below:": they point at a player the briefing does not carry.
_VIDEO_TEASER = re.compile(
    r"(?:[A-Z][\w.’'-]*\s+){1,4}(?:has|brings us|brings)\s+(?:the latest|more|the story|"
    r"details)(?:\s+(?:on|from|in|about)\b[^.!?]{0,40})?[.!]?$"
)
"""A video's standfirst naming its reporter: "NBC10's George Spencer has the latest on the
investigation." """
_PUBLISHED_STAMP = re.compile(r"\((?:Published|Updated|Posted)\b[^()]{4,60}\)$")
"""A video player's date stamp left as a sentence: "(Published Thursday, July 24, 2014)"."""
_SITE_THANKS = re.compile(
    r"(?:Thank you for (?:supporting|signing|reading|visiting|subscribing|your support)\b|"
    r"You must confirm your (?:signature|email|subscription)\b)"
)
"""A petition or sign-up page speaking to its reader."""
_MEDIA_LEAD = re.compile(
    r"\W{0,2}(?:watch|listen(?: to)?|see|view|check out)\b[^.!?]{0,120}?"
    r"\b(?:above|below|here|for yourself|weeknights|weekdays|weekends|nightly|on demand)\b",
    re.IGNORECASE,
)
_MEDIA_POINTER = re.compile(
    r"\b(?:video|videos|clip|slideshow|gallery|audio|footage|player|photos|posts)\s+(?:above|below)\b",
    re.IGNORECASE,
)
_SIGN_UP_BUTTON = re.compile(r"\bSign Up$")  # "... never miss our top stories Free Sign Up"
# A sentence that hands the reader an address: "The book is available from www.example.com.",
# "For licensing requests please contact rights@example.com". An address alone in news prose
# ("posted the files on its website, www.example.gov, on Friday") stays.
_ADDRESS = re.compile(
    r"(?:https?://|\bwww\.)\S+|\b[\w.+-]+@[\w-]+\.[a-z]{2,}\b"
    r"|\b[\w-]+\.(?:com|org|net|gov|edu|co\.uk)/\S*",
    re.IGNORECASE,
)
_ADDRESS_HINTS = _hints("www.", "http", "@", ".com/", ".org/", ".net/", ".gov/", ".edu/", ".co.uk/")
_ADDRESS_VERB = re.compile(
    r"\b(?:visit|contact|e-?mail (?:him|her|them|us|me)|write (?:to|us)|send|sending|call"
    r"|follow (?:us|him|her|me|them)|available (?:from|at|on|via|through)|go to|log on"
    r"|more information|(?:can|may) be (?:found|reached|ordered|bought|downloaded|viewed))\b",
    re.IGNORECASE,
)
# Instagram's embed signature; the post's own words precede it in the same block.
_INSTAGRAM_SIGNATURE = re.compile(
    rf"\bA post shared by\b[^()\n]{{0,80}}\(@[\w.]{{1,30}}\)"
    rf"\s+on\s+{_MONTHS}\s+\d{{1,2}},\s+\d{{4}}"
    r"(?:\s+at\s+\d{1,2}:\d\d\s*[ap]m(?:\s+[A-Z]{2,4})?)?\s*$"
)
# Notes about the page, not the news: "Updated at 9:23 a.m.", "- posted by Jane Doe",
# "This story has been corrected to show ...".
_PAGE_NOTE = re.compile(
    # "Updated: 9:23 a.m.", "Updated: March 3", not the label before a lead ("UPDATED: When
    # the first humans left Africa ...", which `_UPDATED_PREFIX` cuts off)
    r"^\W{0,3}(?:last )?(?:updated|posted|published)\s*"
    rf"(?::\s*(?:$|\d|{_MONTHS}|\w+day\b|by\b)|\bat\s+\d|\bon\s+(?:{_MONTHS}|\d))"
    r"|^\W{0,3}posted by\b",
    re.IGNORECASE,
)
_CORRECTION = re.compile(
    # "The report was revised" is news about a report; only a labelled note may say "the"
    r"^(?:(?:editor['’]s note|update|updated|correction)\s*:\s*(?:this|the|an earlier version "
    r"of this)|this|an earlier version of this) (?:story|article|post|report|piece)\b[^.]{0,40}?"
    r"\b(?:has been|was|have been|had been) (?:updated|corrected|revised|amended|changed)\b",
    re.IGNORECASE,
)
_PROMPT_HINTS = _hints("click", "tap ", "sign up", "subscribe", "download")
# Every hint of `_is_page_furniture`'s rules, shortened where one covers another ("/" covers
# "http" and "example.com/", "@" an Instagram signature).
_PAGE_HINTS = _hints(
    "/",
    "@",
    "{",
    "<",
    "[",
    "—",
    "www.",
    "day,",
    "follow",
    "click",
    "tap ",
    "sign up",
    "subscribe",
    "download",
    "above",
    "below",
    "graphic",
    " inches",
    "function",
    "getty",
    "newsletter",
    "photo",
    "image",
    "picture",
    "frame grab",
    "screenshot",
    "handout",
)
_CODE_HINTS = _hints("function", "});", "<")
_DESK_HINTS = _hints("getty", "/", "—")
_PHOTO_TAIL_HINTS = _hints("photo", "image", "picture", "frame grab", "screenshot", "handout")
_TEMPLATE = re.compile(r"\{\*.*?\*\}|\{\{.*?\}\}")  # an unfilled page template: "{* email *}"
# AP's graphics: "Graphic shows ...; 3c x 5 inches; 146 mm x 127 mm; (Associated Press)".
_GRAPHIC = re.compile(
    r"^(?:AP )?Graphics? (?:shows|details|illustrates|explains|compares|locates|charts|looks at)\b"
    r"|\b\d+c x \d+(?:\.\d+)? inches\b"
)
_STORY_HIGHLIGHTS = re.compile(r"^Story Highlights\b")  # USA Today's bullet box, run together

# A caption read in a sentence's tail: "... in this file photo.", "..., this photo released by
# the coast guard shows." News about a photo says what it shows first ("The photo, taken in
# 1962, shows ..."), not "in this photo" last.
_PHOTO_TAIL = re.compile(
    r"\bin (?:this|a|an) (?:[\w,.'’-]+ ){0,5}?(?:photo(?:graph)?|image|picture|frame grab"
    r"|screenshot|handout)s?(?: (?:provided|released|taken|distributed|made available|obtained"
    rf"|posted) by [^.!?]{{1,80}}?)?(?:,\s*{_MONTHS}\s+\d{{1,2}},\s+\d{{4}}|,\s*\w+day)?\s*\.?$"
    r"|,\s*(?:this|the|a|an) (?:[\w'’-]+ ){0,2}(?:photo(?:graph)?|image|picture) (?:provided"
    r"|released|taken|distributed|made available|obtained) by [^.!?]{1,80}\s+shows\.?$"
)
# AP's caption ends on the weekday and the full date, then the place: "Senators listen to the
# debate, Tuesday, Feb. 6, 2018, at the Capitol in Washington." News says "on Tuesday".
_WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_FULL_DATE = rf"{_MONTHS}\s+\d{{1,2}},\s+\d{{4}}"
_PLACE_TAIL = r"(?:,?\s+(?:in|at|near|outside|inside|on|off|from)\s+[^!?;:()]{1,80}?)?"
_DATE_AT_END = re.compile(
    rf"(?:(?P<comma>,)|\bon)\s+(?P<weekday>{_WEEKDAY},\s+)?{_FULL_DATE}{_PLACE_TAIL}\s*\.?$"
)
_REPORTED = re.compile(r"\b(?:said|says|told|according to|announced)\b")
_PAST = re.compile(
    r"\b(?:was|were|had|did|said|told|went|came|took|made|gave|won|lost|died|left|\w{3,}ed)\b"
)

# Picture credits glued to the front of a sentence: "Jane Doe/Getty Images Rep. X will ...",
# "Eric Roe / AP Senator Y listens ...", "| John Poe/AFP/Getty Images <link tile>",
# "Enlarge Image Close Getty Images <caption>", "CREDIT: AP Photo/Ann Lee <caption>".
_DESK = (
    r"(?:Getty Images|AP Photo|AP Images|Associated Press|AFP|AP|Reuters|REUTERS|EPA-EFE|EPA"
    r"|Bloomberg News|Bloomberg|Corbis|Redux|Invision|Sipa USA|Sipa|ZUMA Press|ZUMA Wire|Zuma Press"
    r"|Polaris|NurPhoto|Pool|Shutterstock|iStock|Alamy|UIG|WireImage|FilmMagic|Getty)(?![\w’'-])"
)
_CREDIT_NAME = rf"{_CAPS}(?:\s+{_CAPS}){{0,4}}"
_PHOTOGRAPHER = r"(?:[A-Z]\.\s*)?[A-Z][\w'’-]+(?:\s+[A-Z]\.)?\s+[A-Z][\w'’-]+"  # two words
_CREDIT_PREFIX = re.compile(
    r"^(?P<marker>(?P<bar>[|•]\s*)?"
    r"(?:Enlarge (?:this )?(?:[Ii]mage|[Pp]hoto)\s+(?:Close\s+|toggle caption\s+)?)?"
    r"(?:(?:Photo|Image|Picture|Photographer|Photo credit|Image credit|Credit|CREDIT)\s*:\s*)?)"
    r"(?P<credit>"
    rf"(?:{_CREDIT_NAME}(?:\s*/\s*|—)){{1,2}}{_DESK}"  # Jane Doe/AP  Ann Lee—The Archive/Getty
    rf"|{_DESK}\s*/\s*(?:{_DESK}|{_PHOTOGRAPHER})"  # AFP/Getty Images  AP Photo/Ann Lee
    rf"|{_DESK}"  # Getty Images (only after a marker)
    rf")(?:\s*/\s*(?:{_DESK}|File(?: Photo)?))*(?:\s+via\s+{_DESK})?(?:\s+Buy Photo)?"
    r"(?:\s+(?=[\"“‘'(]?[A-Z0-9])|\s*$)"
)
# ... and so may one in parentheses: "(Photo: Ann Lee, AP) Story Highlights ..."
_PAREN_CREDIT_PREFIX = re.compile(
    r"^\((?:(?:AP|AFP|Reuters|File|Handout)\s+)?(?:Photo|Image|Picture|Photograph)s?\s*"
    r"(?::|/|\bby\b)[^()]{1,100}\)(?:\s*\((?:The )?Associated Press\))?(?:\s*Buy Photo)?"
    r"(?:\s+(?=[\"“‘'(]?[A-Z0-9])|\s*$)"
)
# A gallery's credits run together: "Ann Lee—The Archive/Getty Images Bo Poe/Redux ...".
_DESK_CREDIT = re.compile(rf"(?:/|—)\s*{_DESK}|\bGetty Images\b")
_COPYRIGHT_LINE = re.compile(r"^(?:©|\((?i:c)\)\s|(?i:copyright)\s*(?:©|\((?i:c)\)|\d{4}))")
# Page scripts and markup left in the text: "OO.ready(function() { ... });", "<div>".
_CODE = re.compile(r"\bfunction\s*\(|\}\s*\);|</?(?:div|span|script|iframe|p|a)\b[^<>]*>")
# A link in square brackets: "[Photos: The oldest trees]", "[READ THE LETTER.]".
_BRACKET_LINK = re.compile(
    r"^\[[^\[\]]*\b(?i:photos?|videos?|related|read|sign up|watch|see|more|listen|gallery)\b"
    r"[^\[\]]*\]\.?$"
)
# NPR shows the credit twice after its "toggle caption" button.
_TOGGLE_CAPTION = re.compile(
    r"^(?:Enlarge this image\s+)?i?toggle caption"
    r"\s+(?:(?P<credit>\S.{0,80}?)\s+(?P=credit)(?:\s+|$))?"
)
_CREDIT_LABEL_INSIDE = re.compile(r"\s(?=(?:CREDIT|Credit|Photo credit|Image credit)\s*:\s)")
# Share buttons glued to the front: "Email This Even at 88, she ..."
_READ_ON_PREFIX = re.compile(
    r"^(?:Continue reading the main story|Continue reading below|Story continues below"
    r"(?: advertisement)?)\s+(?=[\"“‘'(]?[A-Z0-9])"
)
_SHARE_PREFIX = re.compile(r"^(?:(?:Email|E-mail|Share|Print|Tweet) This\s+)+(?=[\"“‘'(]?[A-Z0-9])")
# A page's label glued to the front: "Updated | When the first humans left Africa ..."
_UPDATED_PREFIX = re.compile(r"^(?:Updated|UPDATED|Update|UPDATE)\s*[|:–—]\s*(?=[\"“‘'(]?[A-Z0-9])")
# Web-archive pages: Multi-News keeps the Internet Archive's description of a crawl or a
# collection where the article was lost. Their vocabulary, in their own voice.
_ARCHIVE_HINTS = _hints(
    "crawl",
    "seed",
    "wayback",
    "archive",
    "warc",
    "heritrix",
    "captures",
    "collection",
    "publicly accessible",
)
_ARCHIVE_TERMS = re.compile(
    r"\b(?:crawl(?:s|ed|er|ers|ing)?|seed ?list|wayback machine|archive-it|internet archive|warc"
    r"|heritrix|web captures?|this collection|publicly accessible)\b",
    re.IGNORECASE,
)


def _words(text: str) -> int:
    return len(text.split())


def _is_share_bar(piece: str) -> bool:
    """'Share this: Facebook Twitter Email Print': only share vocabulary, two actions or more."""
    if piece.split(None, 1)[0].strip(":,.;|·•()").lower() not in _SHARE_WORDS:
        return False
    tokens = [t.strip(":,.;|·•()").lower() for t in piece.split()]
    tokens = [t for t in tokens if t]
    return (
        bool(tokens)
        and all(t in _SHARE_WORDS for t in tokens)
        and len(_SHARE_ACTIONS.intersection(tokens)) >= 2
    )


_PLACE_IN_PICTURE = re.compile(
    r"(?<!\bOh)(?<!\bAll)(?<!\bthat's)(?<!\bThat's),\s*(?:left|right|center|centre|"
    r"(?:second |third )?from (?:left|right)|far (?:left|right))\s*,(?!\s*or\b)"
    r"|\((?:left|right|center|centre|L)\)"
)
"""Where a person stands in a picture, "Sen. Bill Nelson, left, and Gov. Rick Scott.",
"Zainab al-Khawaja (L) is greeted by ...": a caption. "(R)" and "(C)" are left alone, being
parties too ("Gov. Rick Perry (R)")."""


def _is_picture_description(piece: str) -> bool:
    """'A photo of X (who went missing...)' with no verb of its own: a caption, not a report."""
    if not _CAPTION_NOUN.match(piece):
        return False
    described = _PARTICIPLE.split(piece, 1)[0]  # "Image taken by X showing what ... is"
    return not _FINITE_VERB.search(_RELATIVE_CLAUSE.sub(" ", described))


def _ends_with_credit(text: str) -> bool:
    """Does a photo credit close `text`? Only the tail is searched: credits are short, and the
    pattern is costly to try at every position of a long paragraph."""
    tail = _REPEATED_CREDIT.sub(r"\1", text[-240:])  # the LA Times prints its credit twice
    return bool(_CREDIT_AT_END.search(tail))


_REPEATED_CREDIT = re.compile(r"(\([^()]{3,80}\))\s*\1\s*$")


_TICKER = re.compile(
    r"\s?\((?:[A-Z0-9]{1,6}\.[A-Z]{1,3}|(?:NYSE|NASDAQ|Nasdaq|LSE|TSX|ASX|AMEX|OTC)\s?:\s?"
    r"[A-Z.]{1,6})\)"
    r"|(?<=[a-z]) [A-Z0-9]{2,6}\.(?:N|L|O|OQ|PA|DE|TO|HK|T|AX|SS|SZ|KS|MI|AS|BR|MC|SW|ST|CO"
    r"|HE|OL|F)\b(?=[ ,;])"
)
"""A stock code beside a company's name, Reuters' "Michael Kors (KORS.N)" and "Jimmy Choo
CHOO.L", or "(NYSE: XOXO)": it had stood in a headline."""

_AGENCY_CREDIT_AT_END = re.compile(r"\((?:(?:The )?Associated Press|AP|AFP|Reuters)\)\s*$")


def _opens_as_caption(paragraph: str) -> bool:
    """Does the paragraph open by describing a picture ("This undated photo ... shows", "A
    photo of X who ...")?"""
    pieces = sentence_pieces(paragraph[:400])
    return bool(pieces) and (
        bool(_THIS_PHOTO.match(pieces[0])) or _is_picture_description(pieces[0])
    )


def _is_caption_paragraph(paragraph: str) -> bool:
    """A paragraph that is a picture's caption: AP's "FILE - In this ... photo, ...", BBC's
    "Image copyright ... Image caption ...", a picture described and credited to an agency
    ("This undated photo ... shows X. (Associated Press)"), or a short paragraph that a photo
    credit closes (captions run to three sentences of context; a news paragraph rarely ends in
    a credit)."""
    if _BBC_CAPTION.match(paragraph) or _CAPTION_OPENER.match(paragraph):
        return True
    if _AGENCY_CREDIT_AT_END.search(paragraph[-30:]) and _opens_as_caption(paragraph):
        return _words(paragraph) <= 90
    if not _ends_with_credit(paragraph):
        return False
    credit = re.search(r"\(([^()]{3,80})\)\s*$", paragraph)
    if credit and paragraph.startswith(credit.group(1)):
        return True  # the LA Times: "Jane Doe / For The Times <caption> (Jane Doe / For ...)"
    return _words(paragraph) <= 90 or _opens_as_caption(paragraph)


def _is_furniture_paragraph(paragraph: str) -> bool:
    """Whole paragraphs that are not news: captions, video-player blurbs, listed furniture."""
    if _VIDEO_PLAYER.search(paragraph) or _is_caption_paragraph(paragraph):
        return True
    words = paragraph.split()
    return _is_listed(paragraph, words) or _leading_furniture(words) == len(words)


def _has_any(low: str, hints: tuple[str, ...]) -> bool:
    """Does `low` hold one of `hints`? (`map` over `str.__contains__` runs in C: several times
    faster than a regular expression of alternatives or a generator.)"""
    return any(map(low.__contains__, hints))


def _is_furniture_sentence(piece: str) -> bool:
    """One sentence (piece) of a paragraph that is not news, by the hand patterns.

    The costlier searches run only on pieces holding a telling word ("cookie", "@", ...).
    """
    words = _words(piece)
    low = piece.lower()
    if words <= 15 and (
        _CREDIT_ONLY.match(piece)
        or _AGENCY_ONLY.match(piece)
        or _PAREN_CREDIT.match(piece)
        or (
            _CREDIT_BY.match(piece)
            and (
                not piece.rstrip().endswith(".") or (words <= 8 and not _FINITE_VERB.search(piece))
            )
        )
        or _SLASH_CREDIT.match(piece)
        or _PIPE_CREDIT.match(piece)
        or _BARE_LINK.match(piece)
        or _AD.match(piece)
    ):
        return True
    if _PICTURED.match(piece) or _GALLERY.match(piece) or _is_picture_description(piece):
        return True
    if words <= 45 and _PLACE_IN_PICTURE.search(piece):
        return True
    if (_THIS_PHOTO.match(piece) or _CAPTION_NOUN.match(piece)) and _ends_with_credit(piece):
        return True
    if piece.endswith("(Associated Press)") and _TRUNCATED_CAPTION.search(piece[-40:]):
        return True
    if _LINK_LEAD.match(piece) or _WEAK_LINK_LEAD.match(piece):
        return True
    if words <= 25 and _READ_MORE_END.search(piece):
        return True
    if (
        words <= 40
        and _has_any(low, _NEWSLETTER_HINTS)
        and _NEWSLETTER.search(piece)
        and _PROMPT.search(piece)
    ):
        return True
    if (
        words <= 50
        and _has_any(low, _COOKIE_HINTS)
        and _COOKIE.search(piece)
        and _SITE_VOICE.search(piece)
    ):
        return True
    if _has_any(low, _BROWSER_HINTS) and _BROWSER.search(piece):
        return True
    if _SOCIAL.match(piece) or _is_share_bar(piece):
        return True
    if words >= 4 and piece == piece.upper() and piece != piece.lower():
        return True  # a shouted headline, a TV transcript in capitals, a box label
    if (words <= 15 and _PAGE_NOTE.match(piece)) or (words <= 40 and _CORRECTION.match(piece)):
        return True
    if _COPYRIGHT_LINE.match(piece) or _STORY_HIGHLIGHTS.match(piece):
        return True
    if words <= 30 and _MEDIA_LEAD.match(piece):
        return True
    if words <= 15 and (_VIDEO_TEASER.match(piece) or _PUBLISHED_STAMP.match(piece)):
        return True
    if words <= 30 and _SITE_THANKS.match(piece):
        return True
    if _has_any(low, _PAGE_HINTS) and _is_page_furniture(piece, low, words):
        return True
    if (
        words <= 20
        and "@" in piece
        and _HANDLE_OR_MAIL.search(piece)
        and (_CONTACT_LEAD.match(piece) or (_MAIL_FIRST.match(piece) and words <= 8))
    ):
        return True
    return bool(_NAME_PHONE.match(piece))


def _is_page_furniture(piece: str, low: str, words: int) -> bool:
    """The hand patterns that need a telling word (`_PAGE_HINTS`), which most prose lacks:
    prompts, addresses, embeds, templates, graphics, dated captions, scripts, credits."""
    if "follow" in low and _FOLLOW_PROMPT.search(piece):
        return True
    if words <= 30 and _has_any(low, _PROMPT_HINTS) and _CALL_TO_ACTION.search(piece):
        return True
    if words <= 30 and ("above" in low or "below" in low) and _MEDIA_POINTER.search(piece):
        return True
    if piece.endswith("Sign Up") and _SIGN_UP_BUTTON.search(piece):
        return True
    if (
        words <= 40
        and _has_any(low, _ADDRESS_HINTS)
        and _ADDRESS.search(piece)
        and (words <= 8 or _ADDRESS_VERB.search(piece))
    ):
        return True
    if "A post shared by" in piece and _INSTAGRAM_SIGNATURE.search(piece):
        return True
    if "{" in piece and _TEMPLATE.search(piece):
        return True
    if ("Graphic" in piece or " inches" in piece) and _GRAPHIC.search(piece):
        return True
    if "day," in piece[-200:] and _is_dated_caption(piece):
        return True
    if _has_any(low, _CODE_HINTS) and _CODE.search(piece):
        return True
    if piece.startswith("[") and _BRACKET_LINK.match(piece):
        return True
    if _has_any(low, _DESK_HINTS) and len(_DESK_CREDIT.findall(piece)) >= 2:
        return True
    if (
        words <= 8
        and "newsletter" in low
        and not _FINITE_VERB.search(piece)
        and not _PAST.search(piece)
    ):
        return True  # a newsletter's tagline: "The most reliable politics newsletter."
    return (
        _has_any(low[-200:], _PHOTO_TAIL_HINTS)
        and bool(_PHOTO_TAIL.search(piece[-300:]))
        and not _REPORTED.search(piece)  # "Police said he is seen in a photo released by ..."
    )


def _is_dated_caption(piece: str, *, after_credit: bool = False) -> bool:
    """Does the sentence end the way a picture's caption does: the weekday and full date, then
    at most the place ("..., Tuesday, Feb. 6, 2018, in Washington.")?

    A comma before the weekday is AP's caption style and enough. "on Tuesday, Feb. 6, 2018"
    counts when nothing in the sentence is in the past tense (a caption describes a picture, in
    the present: "Icicles form on the fountain on Tuesday, Jan. 2, 2018."); after a picture
    credit ("Jane Doe/AP Senator X listens ..., on July 12, 2013, in Austin.") so does a date
    without a weekday. Reported speech ("said", "told") is never a caption.
    """
    tail = piece[-220:]
    match = _DATE_AT_END.search(tail)
    if not match or _REPORTED.search(piece):
        return False
    if match.group("comma") and match.group("weekday"):
        return True
    if not (match.group("weekday") or after_credit):
        return False
    body = piece[: len(piece) - len(tail) + match.start()]
    return not _PAST.search(_RELATIVE_CLAUSE.sub(" ", body))


def _is_archive_notice(paragraphs: Sequence[str]) -> bool:
    """Is the whole document a web archive's description of a crawl or collection?

    Multi-News holds such pages where the article could not be fetched. They are short, talk
    about crawls, seed lists, captures and collections in sentence after sentence, and report
    nobody's words; a news story about the Internet Archive quotes someone.
    """
    text = " ".join(paragraphs)
    if not _has_any(text.lower(), _ARCHIVE_HINTS) or _words(text) > 600:
        return False
    if not _ARCHIVE_TERMS.search(text) or _REPORTED.search(text):
        return False
    pieces = [p for paragraph in paragraphs for p in sentence_pieces(paragraph) if _words(p) >= 3]
    hits = sum(1 for p in pieces if _ARCHIVE_TERMS.search(p))
    return hits >= min(2, len(pieces)) and 3 * hits >= len(pieces)


def _cut_glued_furniture(piece: str) -> tuple[str, str]:
    """(what to cut, what is left) of a sentence that furniture is glued to the front of.

    Cut: share buttons ("Email This Even at 88, ..."), NPR's "toggle caption" and its doubled
    credit, picture credits ("Jane Doe/Getty Images Rep. X will ...", "Enlarge Image Close Getty
    Images ...", "CREDIT: AP Photo/Ann Lee ..."), a link tile's headline before a "CREDIT:"
    label, and "(click here ...)" asides. After a credit the rest is kept only when it is a
    sentence of its own: a link tile ("| Jane Doe/AP <headline>"), a headline with no full stop,
    or a caption is cut whole.
    """
    rest = piece
    cut: list[str] = []
    inside = _CREDIT_LABEL_INSIDE.search(rest)
    if inside and not _SENTENCE_END.search(rest[: inside.start()]):
        cut.append(rest[: inside.start()])
        rest = rest[inside.end() :]
    credited = tile = False
    while rest:
        share = (
            _SHARE_PREFIX.match(rest) or _READ_ON_PREFIX.match(rest) or _UPDATED_PREFIX.match(rest)
        )
        if share:
            cut.append(share.group(0).strip())
            rest = rest[share.end() :]
            continue
        toggle = _TOGGLE_CAPTION.match(rest)
        if toggle and (toggle.group("credit") or _words(rest) <= 12):
            cut.append(toggle.group(0).strip() if toggle.group("credit") else rest)
            rest = rest[toggle.end() :] if toggle.group("credit") else ""
            credited = True
            continue
        credit = _CREDIT_PREFIX.match(rest)
        if credit and (
            credit.group("marker").strip()
            or "/" in credit.group("credit")
            or "—" in credit.group("credit")
        ):
            cut.append(credit.group(0).strip())
            tile = tile or bool(credit.group("bar"))
            credited = True
            rest = rest[credit.end() :]
            continue
        break
    if credited and (
        tile
        or not rest
        or not _SENTENCE_END.search(rest)
        or _is_dated_caption(rest, after_credit=True)
        or _is_furniture_sentence(rest)
    ):
        return piece, ""
    return " ".join(cut), rest


def _strip_asides(piece: str) -> tuple[str, list[str]]:
    """The sentence without its link asides, and the asides: "(click here)", "(available at
    http://...)". The sentence around them is prose and stays."""
    if "(" not in piece:
        return piece, []
    asides: list[str] = []
    for pattern in (_CLICK_ASIDE, _LINK_ASIDE):
        found = pattern.findall(piece)
        if found:
            asides += [a.strip() for a in found]
            piece = pattern.sub("", piece).strip()
    return piece, asides


def _drop_furniture(paragraph: str) -> tuple[str, list[str]]:
    """The paragraph without its furniture sentences, and what was taken out.

    A sentence goes when it is a listed line, a hand-pattern sentence, or nothing but a run of
    listed lines; a run of listed lines of two words or more that opens a sentence is cut off
    ("Advertisement Continue reading the main story Mr. Obama said ..."). One listed word alone
    is never cut from the front: "Twitter" opens "Twitter Inc. said ..." too.
    """
    kept: list[str] = []
    dropped: list[str] = []
    for piece in sentence_pieces(paragraph):
        piece, asides = _strip_asides(piece)
        dropped += asides
        # a dated dateline inside the text opens another story pasted after this one ("cat
        # *.txt | summarize -"): its place, day and wire are no prose
        further = next((m for p in _DATED_DATELINES if (m := p.match(piece))), None)
        if further and len(piece) > further.end() + 20:
            dropped.append(piece[: further.end()].strip())
            piece = piece[further.end() :]
        words = piece.split()
        if not words:
            continue
        if _is_listed(piece, words) or _is_furniture_sentence(piece):
            dropped.append(piece)
            continue
        credit = _PAREN_CREDIT_PREFIX.match(piece) if piece.startswith("(") else None
        if credit:  # it closes the caption that opened the paragraph
            if kept and _words(" ".join(kept)) <= 90:
                dropped += kept
                kept = []
            dropped.append(credit.group(0).strip())
            piece = piece[credit.end() :]
            words = piece.split()
            if not words:
                continue
            if _is_listed(piece, words) or _is_furniture_sentence(piece):
                dropped.append(piece)
                continue
        cut, piece = _cut_glued_furniture(piece)
        if cut:
            dropped.append(cut)
            if not piece:
                continue
            words = piece.split()
            if _is_listed(piece, words) or _is_furniture_sentence(piece):
                dropped.append(piece)
                continue
        lead = _leading_furniture(words)
        if lead == len(words):
            dropped.append(piece)
        elif lead >= 2 and re.match(r"[\"“‘'(]?[A-Z0-9]", words[lead]):
            rest = " ".join(words[lead:])
            if _is_furniture_sentence(rest):  # "Hide Caption 3 of 9 Photos: <caption>"
                dropped.append(piece)
            else:
                dropped.append(" ".join(words[:lead]))
                kept.append(rest)
        else:
            kept.append(piece)
    return " ".join(kept), dropped


# -- the outlet, from the text ------------------------------------------------------------------

_AGENCY_NAMES = {
    "ap": "AP",
    "associated press": "AP",
    "the associated press": "AP",
    "afp": "AFP",
    "agence france-presse": "AFP",
    "agence france presse": "AFP",
    "reuters": "Reuters",
    "thomson reuters": "Reuters",
    "ians": "IANS",
    "pti": "PTI",
    "press trust of india": "PTI",
    "ani": "ANI",
    "upi": "UPI",
    "united press international": "UPI",
    "dpa": "dpa",
    "xinhua": "Xinhua",
    "tass": "TASS",
    "bloomberg": "Bloomberg",
    "cnn": "CNN",
}
_AGENCY_WORDS = (
    r"(?:The Associated Press|Associated Press|AP|AFP|Agence France-Presse|Reuters|IANS|PTI"
    r"|Press Trust of India|ANI|UPI|dpa|Xinhua|TASS|Bloomberg)"
)
_DATELINE_AGENCY = re.compile(rf"\(({_AGENCY}|{_STATION})\)")
_DATELINE_WIRE = re.compile(
    rf"(?:{_MONTHS}\s+\d{{1,2}}(?:,\s*\d{{4}})?|^{_CAPS_PLACE})"
    rf"\s*\(({_NAMED_AGENCY})\)$"
)
"""Any name in the brackets of a dated or capitalised dateline ("VALDORIA, March 4 (Meridian
News)", "PORT CALDER (Metro Daily Wire)"): the wire that filed it, which a Reuters-style
signature below does not override."""
_OUTLET_NAME = r"(?:The\s+)?[A-Z][\w&.'’-]*(?:\s+(?:[A-Z][\w&.'’-]*|of|&)){0,4}"
_SYNDICATED = re.compile(r"syndicat|auto-generated|agency feed|wire feed", re.IGNORECASE)
_STAFF = re.compile(rf"(?P<name>{_OUTLET_NAME})\s+[Ss]taff\b")
_CREDIT_VERB = re.compile(r"\bcontributed\b|\breported\b")
_POSSESSIVE = re.compile(rf"(?P<name>{_OUTLET_NAME})['’]s?\s+(?=[A-Z])")
_MEDIA_WORD = re.compile(
    r"(?:News|Post|Times|Press|Journal|Herald|Tribune|Telegraph|Guardian|Magazine|Daily|Radio"
    r"|TV|Network|Chronicle|Gazette|Star|Sun|Mail|Express|Independent|Globe|Review|Wire|Today"
    r"|Reuters|Bloomberg|Insider|Standard|Observer|Courier|Register|Dispatch|Bulletin)$"
)
_AGENCY_STAFF = re.compile(
    rf"\b(?P<name>{_AGENCY_WORDS})\s+(?:[A-Z][a-z]+\s+)?(?i:writers?|reporters?|correspondents?"
    r"|photographers?|staff)\b"
)
_REUTERS_SIGNATURE = re.compile(
    r"^\(?(?:Additional )?(?:Reporting|Writing) by [^;)]{2,200};.*\b(?:Editing|Edited) by\b",
    re.IGNORECASE,
)
_BYLINE_AGENCY = re.compile(rf"^By\s+[A-Z][^,|–—]{{1,60}}?\s*[,|–—-]\s*(?P<name>{_AGENCY_WORDS})\b")
_SIGNED_OFF = re.compile(
    rf"^(?:[—–-]\s*(?P<agency>{_AGENCY_WORDS})\.?"
    rf"|(?:[a-z]{{2,4}}/)+[a-z]{{2,4}}\s*\((?:[A-Z][A-Za-z]+,\s*)*(?P<last>{_AGENCY_WORDS})\))$"
)
"""A story's last line signing it off to its agency: "— Reuters", Deutsche Welle's editors'
initials and sources "jh/asz (SID, dpa)"."""
_WITH_INPUTS = re.compile(r"^\(?with\b[^)]{0,40}\binputs?\b", re.IGNORECASE)
_COPYRIGHT = re.compile(
    r"^(?i:copyright\b|©)\s*(?:©|\((?i:c)\))?\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*,?\s*"
    rf"(?:by\s+)?(?P<name>{_OUTLET_NAME})"
)
_NOT_OUTLETS = frozenset(
    {"getty", "getty images", "shutterstock", "istock", "alamy", "epa", "all", "the", "this"}
)
_COMPANY_SUFFIX = re.compile(r"[\s,]+(?:Inc|LLC|Ltd|Corp|Corporation|Co|PLC|All|Rights)\.?$")


def _outlet_name(name: str) -> str | None:
    """A found name tidied ("The Associated Press" -> "AP", "NPR." -> "NPR"), or None when it
    is a picture agency or no name at all."""
    name = re.split(r"\.\s", " ".join(name.replace("’", "'").split()))[0].strip(" .,;:-")
    while True:
        shorter = _COMPANY_SUFFIX.sub("", name).strip(" .,;:-")
        if shorter == name:
            break
        name = shorter
    if not name or name.lower() in _NOT_OUTLETS:
        return None
    return _AGENCY_NAMES.get(name.lower(), name)


def _is_agency(name: str) -> bool:
    return name in _AGENCY_NAMES.values()


def _credit_outlets(paragraph: str) -> Iterable[str]:
    """Outlets a credit line names as its own: "The Washington Post's X and Y contributed",
    "Associated Press writer X contributed". "The Associated Press contributed to this report"
    names a contributor, not the publisher, and is not taken."""
    if "contributed" not in paragraph and "reported" not in paragraph:
        return
    for sentence in sentence_pieces(paragraph):
        if not _CREDIT_VERB.search(sentence):
            continue
        for match in _AGENCY_STAFF.finditer(sentence):
            yield match.group("name")
        for match in _POSSESSIVE.finditer(sentence):
            name = match.group("name")
            last = name.split()[-1].rstrip("'’")
            if (
                name.startswith("The ")
                or _MEDIA_WORD.search(last)
                or (last.isupper() and len(last) > 1)
            ):
                yield name


def find_outlet(dateline: str | None, paragraphs: Iterable[str]) -> str | None:
    """The outlet the text names for itself, or None.

    Evidence, all of it lines a reader would credit: the dateline's agency ("Washington, Jan 3
    (AFP)"), an agency tag closing the story "(AFP)", "(With inputs from PTI)", a wire credit
    ("Associated Press writer X contributed", Reuters' "(Reporting by X; Editing by Y)", "By X,
    Reuters"), a
    syndication footer ("... LatestLY Staff may not have modified ..."), a staff credit ("The
    Washington Post's X contributed"), a copyright line ("Copyright 2017 NPR"). A wire story a
    site republished is "AFP via LatestLY". `paragraphs` should include the removed ones: the
    evidence is mostly in lines that cleaning drops.
    """
    agencies: list[str] = []
    publishers: list[str] = []
    if dateline:
        agencies += _DATELINE_AGENCY.findall(dateline) or _DATELINE_WIRE.findall(dateline)
    paragraphs = list(paragraphs)
    closing = len(paragraphs) - 2  # a closing tag may sit above a syndication footer
    for number, paragraph in enumerate(paragraphs):
        found: list[str] = []
        low = paragraph.lower()
        if ("synd" in low or "feed" in low or "auto-gen" in low) and _SYNDICATED.search(paragraph):
            found += [m.group("name") for m in _STAFF.finditer(paragraph)]
        if _WITH_INPUTS.match(paragraph):
            found += re.findall(rf"\b{_AGENCY_WORDS}\b", paragraph)
        if _REUTERS_SIGNATURE.match(paragraph):
            found.append("Reuters")
        for pattern in (_BYLINE_AGENCY, _COPYRIGHT):
            match = pattern.match(paragraph)
            if match:
                found.append(match.group("name"))
        # Only a closing tag: "(AP)" after a video caption mid-page credits the video.
        tag = _TRAILING_AGENCY.search(paragraph[-20:]) if number >= closing else None
        if tag:
            found.append(tag.group(0).strip(" ()"))
        signed = _SIGNED_OFF.match(paragraph) if number >= closing else None
        if signed:
            found.append(signed.group("agency") or signed.group("last"))
        found += _credit_outlets(paragraph)
        for name in found:
            outlet = _outlet_name(name)
            if outlet:
                (agencies if _is_agency(outlet) else publishers).append(outlet)
    agency = _outlet_name(agencies[0]) if agencies else None
    publisher = publishers[0] if publishers else None
    if agency and publisher:
        if agency.lower().startswith(publisher.lower()):
            return agency  # "HealthDay News" in the dateline, "HealthDay" in the footer
        return f"{agency} via {publisher}"
    return agency or publisher


@dataclass(frozen=True)
class Cleaned:
    text: str
    title: str | None = None
    date: _dt.date | None = None
    dateline: str | None = None
    removed: tuple[str, ...] = ()
    """Paragraphs and sentences taken out, in the order met."""
    outlet: str | None = None
    """The outlet the text names for itself (see `find_outlet`), e.g. "AFP via LatestLY"."""


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
"""Unicode's control characters (category Cc) but tab and newline."""


_LOST_MARK = re.compile(r"(?:(?<=\s)|^)\ufffd+|\ufffd+(?=\s|$)", re.MULTILINE)


_SPACE_BEFORE_COMMA = re.compile(r"(?<=[^\W\d_]) +([,;])(?= )")

_GLUED_SENTENCE = re.compile(
    r"(?:(?<=[a-z0-9]{2}[.!?])|(?<=\s\d[.!?]))(?=[A-Z][a-z]+\b)(?![\w.]*@)"
)
"""Where a paragraph break was lost ("continued to July 6.Jarrett faces"), not an address."""

_AP_DASH = re.compile(r"(?<=[\w,.)]) _ (?=\w)")
"""The AP wire's dash, typed as an underscore between spaces."""


def normalise(text: str) -> str:
    """NFC, unified newlines, no control characters, no non-breaking or zero-width spaces.

    A replacement character (an undecodable byte) next to a space or at an edge stood for a
    lost quotation mark or dash: it goes; inside a word ("country�s") it stays, as a visible
    mark that a letter is missing.
    """
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u00a0", " ").replace("\u200b", "").replace("\ufeff", "")
    text = _LOST_MARK.sub("", text)
    text = _SPACE_BEFORE_COMMA.sub(r"\1", text)  # "In a statement , the" (a link was cut out)
    text = _GLUED_SENTENCE.sub(" ", text)
    text = _AP_DASH.sub(" — ", text)  # "forced to resign _ about 1 1/2 years before"
    if "``" in text:  # the wire's (and TeX's) quotation marks: ``internationalize''
        text = text.replace("``", "“").replace("''", "”")
    return _CONTROL.sub("", text)


def _parse_date(value: str) -> _dt.date | None:
    try:
        return _dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


_DATELINE_DAY = re.compile(rf"\b({_MONTHS})\s+(\d{{1,2}})(?:,\s*(\d{{4}}))?")
_MONTH_NUMBER = {m: i + 1 for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
)}  # fmt: skip


_STAMP = re.compile(
    rf"(?:\(|^|\.\s+)(?:Published|Posted|Updated)?:?\s*(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
    rf"({_MONTHS})\s+(\d{{1,2}}),\s*(\d{{4}})\)?\s*$"
)
"""A page's own date line or stamp: "(Published Saturday, Sept. 29, 2018)" at a paragraph's
end, "Thursday, Apr 22, 2010" alone on a line."""
STAMP_PARAGRAPHS = 3
"""Only the top of an article: a date further down is the story's, not the page's."""


def _stamped_date(paragraphs: Sequence[str]) -> _dt.date | None:
    """The date a page stamps itself with near its top, when it has no `date` line: it is what
    "on Saturday" in the story is resolved against."""
    for paragraph in paragraphs:
        match = _STAMP.search(paragraph)
        if match is not None:
            return _calendar_date(match.group(1), int(match.group(2)), int(match.group(3)))
    return None


def _calendar_date(month: str, day: int, year: int) -> _dt.date | None:
    """ "Sept.", 29, 2018 as a date; None for a day the month does not have."""
    number = _MONTH_NUMBER.get(month[:3].lower())
    try:
        return _dt.date(year, number, day) if number else None
    except ValueError:
        return None


def dateline_date(dateline: str, hint: _dt.date | None) -> _dt.date | None:
    """The date in a dateline ("Washington, Jan 3 (AFP)"); without a year, the year that puts it
    nearest `hint` (the other articles' latest date), or None when there is no hint."""
    match = _DATELINE_DAY.search(dateline)
    if not match:
        return None
    years = (
        [int(match.group(3))]
        if match.group(3)
        else ([hint.year - 1, hint.year, hint.year + 1] if hint else [])
    )
    found = (_calendar_date(match.group(1), int(match.group(2)), year) for year in years)
    candidates = [date for date in found if date is not None]
    if not candidates:
        return None
    if hint is None:
        return candidates[0]
    return min(candidates, key=lambda d: abs((d - hint).days))


_CREDIT = re.compile(
    r"\b(?:reported from|contributed to this report|contributed reporting"
    r"|covered (?:the|this) (?:trial|story|case|hearing|election|match|game|race|event)"
    r"(?=\.?$))\b"  # "X reporter Y covered the trial." and nothing more
)


_CREDIT_ROLES = _word_set(
    "and in of from the at also writer writers reporter reporters correspondent correspondents "
    "staff researcher researchers photographer photographers editor editors producer producers "
    "intern interns journalist journalists contributor contributors"
)  # fmt: skip
_CREDIT_LINKS = _word_set("and in of from the at also")


def _is_credit_word(names: Sequence[str], i: int) -> bool:
    """May `names[i]` stand before "contributed to this report"? A name ("Ann", "CNN's"), a
    number ("News 9"), a role, place word or "and", or a word qualifying a role two words on at
    most ("technology writer", "legal affairs correspondent")."""
    word = names[i]
    if word[0].isupper() or word[0].isdigit() or word in _CREDIT_ROLES:
        return True
    return any(w in _CREDIT_ROLES and w not in _CREDIT_LINKS for w in names[i + 1 : i + 3])


def _is_credit(paragraph: str) -> bool:
    """'Sly reported from Beirut. X and Y contributed to this report.' (not 'TV reported from').

    A credit names people: every word before the verb is capitalised, or 'and'; before
    "contributed to this report" also their roles and places ("Associated Press writer Ann
    Cole in Baghdad contributed ...").
    """
    if len(paragraph.split()) > 60:
        return False
    found = False
    for sentence in re.split(r"(?<=\.)\s+", paragraph):
        match = _CREDIT.search(sentence)
        if not match:
            continue
        names = sentence[: match.start()].replace(",", " ").split()
        if match.group(0).startswith(("contributed", "covered")):
            fits = all(_is_credit_word(names, i) for i in range(len(names)))
        else:
            fits = all(w[0].isupper() or w == "and" for w in names)
        if not names or not fits:
            return False
        found = True
    return found


def _is_boilerplate(paragraph: str) -> bool:
    if _SEPARATOR.match(paragraph):
        return True
    if _TWEET_SIGNATURE.search(paragraph) or _is_credit(paragraph):
        return True
    if "A post shared by" in paragraph and _INSTAGRAM_SIGNATURE.search(paragraph):
        return True  # an Instagram embed: the post, then its signature
    return any(p.match(paragraph) for p in _NOTICE_PARAGRAPHS)


HEADING_WORDS = 12
"""A paragraph this short with no sentence end is a title or sub-heading, not prose..."""
LONG_HEADING_WORDS = 20
"""...and up to this long when a colon or a bar splits it ("Anatomy of an Oscars fiasco: how La
La Land was mistakenly announced as best picture", 14 words) and has no figure ("8 March:
Malaysia Airlines Kuala Lumpur-Beijing flight carrying 239 people disappears" is a dated list's
entry). Longer open lines, or those without a colon, are mostly prose that lost its full stop."""


def _is_heading(paragraph: str) -> bool:
    words = count_words(paragraph)
    return (
        (
            words <= HEADING_WORDS
            or (
                words <= LONG_HEADING_WORDS
                and bool(re.search(r"[:|]\s", paragraph))
                and not re.search(r"\d", paragraph)
            )
        )
        and (not _SENTENCE_END.search(paragraph) or bool(_QUOTE_HEADLINE.match(paragraph)))
        and not re.search(r"[.!?][\"”’]?\s+[A-Z]", paragraph)
    )


SAID_HEADLINE = re.compile(r"^[^!?:\n]{2,40}:\s*[\"“‘']")
"""A headline giving someone's words after a colon: "Emma Stone: ‘I was holding my best
actress card the whole time’". One person's remark, not the story's event."""
_QUOTE_HEADLINE = re.compile(SAID_HEADLINE.pattern + r"[^\n]*[^.!?\s][\"”’']$")
"""`SAID_HEADLINE` as a whole line with no full stop closing the quotation: a title, whose
closing quotation mark is no sentence end."""


def _lift_date(text: str) -> tuple[_dt.date | None, str]:
    """The `date YYYY-MM-DD` at the top of `text`, and the text without it.

    Writers put it before the title line or under it (blank lines between or not); left in
    place under the title it would join the title's paragraph ("Bridge collapse kills 12 date
    2024-03-12") and the date would be lost. Only the first two lines are looked at, so a date
    line inside the story stays prose.
    """
    match = DATE_LINE.match(text)
    if match:
        return _parse_date(match.group(1)), text[match.end() :]
    start = len(text) - len(text.lstrip())
    first_end = text.find("\n", start)
    under = _DATE_UNDER_TITLE.match(text, first_end) if first_end >= 0 else None
    if under is None:
        return None, text
    # The line goes but its newline stays: the title remains a paragraph of its own.
    return _parse_date(under.group("date")), text[: under.start("line")] + text[under.end() :]


WRAP_WIDTH = 100
"""Lines at most this long (nine in ten of them) may be a hard-wrapped text's lines..."""
WRAP_LONG = 0.7
"""...when most lines but the last reach this share of that width (a paragraph's last line
is shorter), and at least `WRAP_OPEN` of them stop mid-sentence."""
WRAP_OPEN = 0.4
_LINE_ENDS = (".", "!", "?", ":", '"', "”", "'", "’", ")")
_HYPHEN_BREAK = re.compile(r"(?<=[^\W\d_])-[ \t]*\n[ \t]*(?=[^\W\d_])")
"""A word broken at its hyphen across a wrapped line ("high-" / "level")."""


def _hard_wrapped(lines: Sequence[str]) -> int | None:
    """The wrap width of `lines` if they are one text wrapped at a fixed width (newswire,
    e-mail, a terminal's copy), else None: then each line is a paragraph of its own."""
    if len(lines) < 3:
        return None
    lengths = sorted(len(line.strip()) for line in lines)
    width = lengths[int(0.9 * (len(lengths) - 1))]
    inner = lines[:-1]
    long = sum(len(line.strip()) >= WRAP_LONG * width for line in inner)
    open_ = sum(not line.rstrip().endswith(_LINE_ENDS) for line in inner)
    if width > WRAP_WIDTH or long < 0.5 * len(inner) or open_ < WRAP_OPEN * len(inner):
        return None
    return width


_BULLET = re.compile(r"^\s*[-*•·]\s+(?=\S)")
"""A list item's bullet (not a dash: a hard-wrapped line may open with "— the most ...")."""


def _listed(lines: Sequence[str], k: int) -> bool:
    """Line k is an item of a list: it and a line next to it open with a bullet."""
    return bool(_BULLET.match(lines[k])) and any(
        0 <= j < len(lines) and _BULLET.match(lines[j]) for j in (k - 1, k + 1)
    )


def _unlisted(lines: Sequence[str], *, join: bool = True) -> list[str]:
    """Lines as paragraphs, a list's items each its own: a run of two or more lines that open
    with a bullet is a list, whose items that are sentences stay (without the bullet) and
    whose fragments go, a fact box's ("$3,000 signing bonus"), not news. Glued into one line,
    a box of four was a key point (fifth new-user audit). Other lines are joined into one
    paragraph (`join`) or are a paragraph each."""
    out: list[str] = []
    run: list[str] = []
    plain: list[str] = []

    def flush() -> None:
        if plain:
            out.extend([" ".join(plain)] if join else plain)
            plain.clear()

    def close_run() -> None:
        if len(run) >= 2:
            items = [_BULLET.sub("", line).strip() for line in run]
            flush()
            out.extend(item for item in items if _SENTENCE_END.search(item))
        else:
            plain.extend(run)
        run.clear()

    for line in lines:
        if _BULLET.match(line):
            run.append(line)
            continue
        close_run()
        plain.append(line)
    close_run()
    flush()
    return out


def _line_paragraphs(text: str) -> list[str]:
    """Paragraphs of a text with single newlines only. Hard-wrapped lines join up again; a new
    paragraph starts at an indented line (the wire's paragraph mark) or after a short line that
    ends a sentence. Otherwise every line is a paragraph (web copy, one paragraph a line)."""
    lines = [line.rstrip() for line in text.split("\n") if line.strip()]
    indented = [line[:1].isspace() for line in lines]
    marks_paragraphs = any(indented) and not all(indented)
    width = _hard_wrapped(lines)
    if width is None and marks_paragraphs and not indented[-1]:
        # too few lines to measure, but the wire's indent opens a paragraph that the next,
        # unindented line continues
        width = max(len(line.strip()) for line in lines)
    if width is None:
        return [" ".join(line.split()) for line in lines]
    paragraphs: list[list[str]] = [[]]
    for k, line in enumerate(lines):
        if k and (
            (marks_paragraphs and indented[k])
            or (lines[k - 1].endswith(_LINE_ENDS) and len(lines[k - 1].strip()) < WRAP_LONG * width)
            or _listed(lines, k)
            or _listed(lines, k - 1)
            or (line.endswith(":") and k + 1 < len(lines) and _listed(lines, k + 1))
        ):  # a list's lines and the line announcing it are no wrapped text
            paragraphs.append([])
        paragraphs[-1].append(line)
    # a word broken at its hyphen ("high-" / "level") joins without a space
    return [" ".join(_HYPHEN_BREAK.sub("-", "\n".join(p)).split()) for p in paragraphs]


def clean(raw: str, *, title: str | None = None) -> Cleaned:
    """Split `raw` into paragraphs, lift metadata from the top, drop what is not news, and name
    the outlet from the text (read before the credit lines and footers that say it are gone).

    A newswire record (`<DOC>`, see `summarize.newswire`) gives its story, headline, day and
    agency from its fields.
    """
    wire = newswire.read(raw) if newswire.is_wire(raw) else None
    if wire is not None:
        raw, title = wire.text, title or wire.title
    date, text = _lift_date(normalise(raw))
    blocks = [b for b in re.split(r"\n\s*\n|\n(?=\s*[-–—]\s*[-–—])", text) if b.split()]
    if len(blocks) == 1 and "\n" in text:  # single newlines between paragraphs
        paragraphs = _unlisted(_line_paragraphs(text), join=False)
    else:
        paragraphs = [" ".join(p.split()) for b in blocks for p in _unlisted(b.split("\n"))]
    paragraphs = [p for p in paragraphs if p]

    top = paragraphs[:STAMP_PARAGRAPHS]  # (read before a heading line is lifted as the title)
    if _is_archive_notice(paragraphs):  # no article in it: nothing to keep, no outlet to name
        return Cleaned("", title, date, None, tuple(paragraphs), None)

    if title is None and len(paragraphs) > 1 and _is_heading(paragraphs[0]):
        title = paragraphs.pop(0).lstrip("# ").strip()

    # The dateline opens the story, which may come after a caption ("DENVER (AP) —" below
    # Yahoo's picture of the day).
    dateline: str | None = None
    lead = next(
        (i for i, p in enumerate(paragraphs) if not _is_boilerplate(p)
         and not _is_furniture_paragraph(p) and not _is_heading(p)),
        None,
    )  # fmt: skip
    # It may also open the paragraph after a standfirst ("The actress was accosted ..." then
    # "CANNES -- American Ferrera's first appearance ...").
    for at in [] if lead is None else range(lead, min(lead + 2, len(paragraphs))):
        text = paragraphs[at].lstrip()
        found = next(
            (m for p in _DATELINES if (m := p.match(text)) and len(text) > m.end() + 20), None
        )
        if found:
            dateline = text[: found.end()].strip(" –—-:")
            paragraphs[at] = text[found.end() :]
            break

    kept: list[str] = []
    removed: list[str] = []
    for paragraph in paragraphs:
        if _is_boilerplate(paragraph) or _is_furniture_paragraph(paragraph):
            removed.append(paragraph)
            continue
        prose, dropped = _drop_furniture(paragraph)
        removed += dropped
        stripped = _TRAILING_AGENCY.sub("", _URL.sub("", _PIC_LINK.sub("", prose)))
        stripped = _TICKER.sub("", stripped)
        stripped = _FOOTNOTE.sub("", stripped).strip()
        if not stripped or _is_heading(stripped):
            if prose:
                removed.append(prose)
        else:
            kept.append(stripped)
    if wire is not None:  # the record's own fields come before what the text suggests
        dateline, date = dateline or wire.dateline, date or wire.date
    outlet = (wire.outlet if wire else None) or find_outlet(dateline, paragraphs)
    date = date or _stamped_date(top)
    return Cleaned("\n\n".join(kept), title, date, dateline, tuple(removed), outlet)
