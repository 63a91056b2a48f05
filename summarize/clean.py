"""Turn raw article text into news prose plus the metadata it carries.

Strips what is not news and lifts metadata out of the text (the seeds' leading
`date YYYY-MM-DD`, datelines such as "Washington, Jan 3 (AFP) –" or "BAGHDAD –", a title line,
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

from .sentences import count_words

_DASH = r"[-–—]"
_MONTHS = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_AGENCY = r"(?:AFP|AP|Reuters|IANS|PTI|ANI|UPI|dpa|Xinhua|TASS|Bloomberg|CNN)"

_DATE_LINE = re.compile(r"^\s*date[:\s]+(\d{4}-\d{2}-\d{2})(?:[T ][\d:.+Z-]*)?\s*", re.IGNORECASE)
_DATELINES = (
    # Washington, Jan 3 (AFP) –   /   NEW DELHI, Jan 3 (PTI):
    re.compile(
        rf"^(?P<place>[A-Z][\w .'’-]{{1,40}}?),\s+{_MONTHS}\s+\d{{1,2}}(?:,\s*\d{{4}})?\s*"
        rf"\((?P<agency>{_AGENCY})\)\s*(?:{_DASH}{{1,2}}|:)?\s*"
    ),
    # BEIRUT (Reuters) -   /   Beirut, Lebanon (AP) —
    re.compile(
        rf"^(?P<place>[A-Z][\w .,'’-]{{1,40}}?)\s*\((?P<agency>{_AGENCY})\)\s*"
        rf"(?:{_DASH}{{1,2}}|:)\s*"
    ),
    # BAGHDAD –   /   WASHINGTON, D.C. —
    re.compile(
        rf"^(?P<place>[A-Z][A-Z.'’-]+(?:[ ,]+[A-Z][A-Za-z.'’-]*){{0,3}})\s+{_DASH}{{1,2}}"
        r"\s+(?=[A-Z“\"])"
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


_PIECE_BREAK = re.compile(r"[.!?…][\"'”’)\]]*\s+(?=[\"“‘'(\[]?[A-Z0-9])")
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
def _furniture_starts() -> tuple[frozenset[str], int]:
    """First words of the list's lines, and the longest line in words: a piece whose first word
    starts no line is passed over without building its key (most prose is)."""
    lines = furniture_lines()
    starts = frozenset(_word_key(line.split()[0]) for line in lines)
    return starts, max((len(line.split()) for line in lines), default=0)


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
    main story ..."), longest line first."""
    lines = furniture_lines()
    starts, longest = _furniture_starts()
    i = 0
    while i < len(words) and _word_key(words[i]) in starts:
        for n in range(min(longest, len(words) - i), 0, -1):
            if furniture_key(" ".join(words[i : i + n])) in lines:
                i += n
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
        )
    )
    + r")\s*\.?$"
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
)
_VIDEO_PLAYER = re.compile(r"^CLOSE\s+[A-Z\"“'‘0-9]|Skip in Skip x Embed x Share")

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
# "Photos: The flood in pictures <caption>": a gallery, whatever its length.
_GALLERY = re.compile(r"^(?:Photos|Photo gallery|Gallery|Pictures|In pictures|Images)\s*:")
_CREDIT_ONLY = re.compile(
    r"^[|•]?\s*(?:(?:AP|AFP|Reuters|File|Getty)\s+)?(?:photo|photograph|photos|image|images"
    r"|picture|pictures|video|illustration|graphic|credit|photo credit|image credit"
    r"|image copyright|image source|photo illustration)s?\s*(?::|/|\bcourtesy\b|\bcopyright\b)",
    re.IGNORECASE,
)
_CREDIT_BY = re.compile(r"^(?:Photo|Photos|Photograph|Image|Picture|Video)s?\s+(?:by|via)\s")
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
    r"^[►▶»•>*]?\s*(?:Read more|READ MORE|Read More|Related|RELATED|See also|SEE ALSO|See Also"
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
_NEWSLETTER_HINTS = ("newsletter", "inbox", "subscribe", "alerts", "e-mails", "emails")
_COOKIE_HINTS = ("cookie", "privacy", "terms of")
_BROWSER_HINTS = ("javascript", "browser", "playback", "available")
_COOKIE = re.compile(
    r"\bcookies?\b|\b(?:privacy policy|privacy notice|cookie policy|terms of (?:use|service))\b",
    re.IGNORECASE,
)
_SITE_VOICE = re.compile(r"\b(?:we|our|us|you|your)\b", re.IGNORECASE)
_BROWSER = re.compile(
    r"^(?:please )?(?:enable|turn on) javascript|\bjavascript is (?:disabled|required)"
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
    rf"^(?:Follow|Like|Join|Find|Connect with|Friend)\s+(?:us|me|him|her|them|{_CAPS}"
    rf"(?:\s+{_CAPS}){{0,3}})\s+(?:on|at|via)\s+{_PLATFORMS}\b"
    r"|^Follow\s[^.]{0,60}@\w+"
)
# "Twitter user @jane posted ..." is news; "Twitter: @jane" and "Contact Jane at ..." are not.
_CONTACT_LEAD = re.compile(
    r"^(?:Contact|E-?mail|Reach|Write to|Follow|Twitter:|Send (?:tips|news)|Tips?:|Got a tip"
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


def _is_picture_description(piece: str) -> bool:
    """'A photo of X (who went missing...)' with no verb of its own: a caption, not a report."""
    if not _CAPTION_NOUN.match(piece):
        return False
    return not _FINITE_VERB.search(_RELATIVE_CLAUSE.sub(" ", piece))


def _ends_with_credit(text: str) -> bool:
    """Does a photo credit close `text`? Only the tail is searched: credits are short, and the
    pattern is costly to try at every position of a long paragraph."""
    return bool(_CREDIT_AT_END.search(text[-240:]))


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
    return _words(paragraph) <= 90 or _opens_as_caption(paragraph)


def _is_furniture_paragraph(paragraph: str) -> bool:
    """Whole paragraphs that are not news: captions, video-player blurbs, listed furniture."""
    if _VIDEO_PLAYER.search(paragraph) or _is_caption_paragraph(paragraph):
        return True
    words = paragraph.split()
    return _is_listed(paragraph, words) or _leading_furniture(words) == len(words)


def _has_any(low: str, needles: tuple[str, ...]) -> bool:
    return any(n in low for n in needles)


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
        or (_CREDIT_BY.match(piece) and not piece.rstrip().endswith("."))
        or _SLASH_CREDIT.match(piece)
        or _PIPE_CREDIT.match(piece)
        or _BARE_LINK.match(piece)
        or _AD.match(piece)
    ):
        return True
    if _PICTURED.match(piece) or _GALLERY.match(piece) or _is_picture_description(piece):
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
    if (
        words <= 20
        and "@" in piece
        and _HANDLE_OR_MAIL.search(piece)
        and (_CONTACT_LEAD.match(piece) or (_MAIL_FIRST.match(piece) and words <= 8))
    ):
        return True
    return bool(_NAME_PHONE.match(piece))


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
_DATELINE_AGENCY = re.compile(rf"\(({_AGENCY})\)")
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
        agencies += _DATELINE_AGENCY.findall(dateline)
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
        found += _credit_outlets(paragraph)
        for name in found:
            outlet = _outlet_name(name)
            if outlet:
                (agencies if _is_agency(outlet) else publishers).append(outlet)
    agency = _outlet_name(agencies[0]) if agencies else None
    publisher = publishers[0] if publishers else None
    if agency and publisher:
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


def normalise(text: str) -> str:
    """NFC, unified newlines, no control characters, no non-breaking or zero-width spaces."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u00a0", " ").replace("\u200b", "").replace("\ufeff", "")
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


def dateline_date(dateline: str, hint: _dt.date | None) -> _dt.date | None:
    """The date in a dateline ("Washington, Jan 3 (AFP)"); without a year, the year that puts it
    nearest `hint` (the other articles' latest date), or None when there is no hint."""
    match = _DATELINE_DAY.search(dateline)
    if not match:
        return None
    month = _MONTH_NUMBER.get(match.group(1)[:3].lower())
    day = int(match.group(2))
    if month is None:
        return None
    years = (
        [int(match.group(3))]
        if match.group(3)
        else ([hint.year - 1, hint.year, hint.year + 1] if hint else [])
    )
    candidates = []
    for year in years:
        try:
            candidates.append(_dt.date(year, month, day))
        except ValueError:
            continue
    if not candidates:
        return None
    if hint is None:
        return candidates[0]
    return min(candidates, key=lambda d: abs((d - hint).days))


_CREDIT = re.compile(r"\b(?:reported from|contributed to this report|contributed reporting)\b")


_CREDIT_ROLES = _word_set(
    "and in of from the at also writer writers reporter reporters correspondent correspondents "
    "staff researcher researchers photographer photographers editor editors producer producers "
    "intern interns"
)  # fmt: skip


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
        allowed = _CREDIT_ROLES if match.group(0).startswith("contributed") else {"and"}
        if not names or not all(w[0].isupper() or w in allowed for w in names):
            return False
        found = True
    return found


def _is_boilerplate(paragraph: str) -> bool:
    if _SEPARATOR.match(paragraph):
        return True
    if _TWEET_SIGNATURE.search(paragraph) or _is_credit(paragraph):
        return True
    return any(p.match(paragraph) for p in _NOTICE_PARAGRAPHS)


def _is_heading(paragraph: str) -> bool:
    return (
        count_words(paragraph) <= 12
        and not _SENTENCE_END.search(paragraph)
        and not re.search(r"[.!?][\"”’]?\s+[A-Z]", paragraph)
    )


def clean(raw: str, *, title: str | None = None) -> Cleaned:
    """Split `raw` into paragraphs, lift metadata from the top, drop what is not news, and name
    the outlet from the text (read before the credit lines and footers that say it are gone)."""
    text = normalise(raw)
    date: _dt.date | None = None
    match = _DATE_LINE.match(text)
    if match:
        date = _parse_date(match.group(1))
        text = text[match.end() :]
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n|\n(?=\s*[-–—]\s*[-–—])", text)]
    paragraphs = [p for p in paragraphs if p]
    if len(paragraphs) == 1 and "\n" in text:  # single newlines between paragraphs
        paragraphs = [" ".join(p.split()) for p in text.split("\n") if p.strip()]

    if title is None and len(paragraphs) > 1 and _is_heading(paragraphs[0]):
        title = paragraphs.pop(0).lstrip("# ").strip()

    # The dateline opens the story, which may come after a caption ("DENVER (AP) —" below
    # Yahoo's picture of the day).
    dateline: str | None = None
    lead = next(
        (i for i, p in enumerate(paragraphs) if not _is_boilerplate(p)
         and not _is_furniture_paragraph(p)),
        None,
    )  # fmt: skip
    if lead is not None:
        for pattern in _DATELINES:
            found = pattern.match(paragraphs[lead])
            if found and len(paragraphs[lead]) > found.end() + 20:
                dateline = paragraphs[lead][: found.end()].strip(" –—-:")
                paragraphs[lead] = paragraphs[lead][found.end() :]
                break

    kept: list[str] = []
    removed: list[str] = []
    for paragraph in paragraphs:
        if _is_boilerplate(paragraph) or _is_furniture_paragraph(paragraph):
            removed.append(paragraph)
            continue
        prose, dropped = _drop_furniture(paragraph)
        removed += dropped
        stripped = _TRAILING_AGENCY.sub("", _URL.sub("", _PIC_LINK.sub("", prose))).strip()
        if not stripped or _is_heading(stripped):
            if prose:
                removed.append(prose)
        else:
            kept.append(stripped)
    outlet = find_outlet(dateline, paragraphs)
    return Cleaned("\n\n".join(kept), title, date, dateline, tuple(removed), outlet)
