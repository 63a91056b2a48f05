"""Turn raw article text into news prose plus the metadata it carries.

Strips what is not news (syndication notices, contributor lines, agency tags, embedded tweets,
share/subscribe prompts, sub-headings) and lifts metadata out of the text (the seeds' leading
`date YYYY-MM-DD`, datelines such as "Washington, Jan 3 (AFP) –" or "BAGHDAD –", a title line).
"""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from dataclasses import dataclass

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
        r"^\(?with (?:agency )?inputs?(?: from [^)]*)?\)?\.?$",
        r"^\(?(?:additional )?reporting by\b.*$",
        r"^\(?editing by\b.*$",
        r"^(?:advertisement|story continues below advertisement|related:?.*|read more:?.*)$",
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


@dataclass(frozen=True)
class Cleaned:
    text: str
    title: str | None = None
    date: _dt.date | None = None
    dateline: str | None = None
    removed: tuple[str, ...] = ()


def normalise(text: str) -> str:
    """NFC, unified newlines, no control characters, no non-breaking or zero-width spaces."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u00a0", " ").replace("\u200b", "").replace("\ufeff", "")
    return "".join(c for c in text if c in "\n\t" or unicodedata.category(c) != "Cc")


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


def _is_credit(paragraph: str) -> bool:
    """'Sly reported from Beirut. X and Y contributed to this report.' (not 'TV reported from').

    A credit names people: every word before the verb is capitalised, or 'and'.
    """
    if len(paragraph.split()) > 60:
        return False
    found = False
    for sentence in re.split(r"(?<=\.)\s+", paragraph):
        match = _CREDIT.search(sentence)
        if not match:
            continue
        names = sentence[: match.start()].replace(",", " ").split()
        if not names or not all(w[0].isupper() or w == "and" for w in names):
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
    """Split `raw` into paragraphs, lift metadata from the top, drop what is not news."""
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

    dateline: str | None = None
    if paragraphs:
        for pattern in _DATELINES:
            found = pattern.match(paragraphs[0])
            if found and len(paragraphs[0]) > found.end() + 20:
                dateline = paragraphs[0][: found.end()].strip(" –—-:")
                paragraphs[0] = paragraphs[0][found.end() :]
                break

    kept: list[str] = []
    removed: list[str] = []
    for paragraph in paragraphs:
        if _is_boilerplate(paragraph):
            removed.append(paragraph)
            continue
        stripped = _TRAILING_AGENCY.sub("", _URL.sub("", _PIC_LINK.sub("", paragraph))).strip()
        if not stripped or _is_heading(stripped):
            removed.append(paragraph)
        else:
            kept.append(stripped)
    return Cleaned("\n\n".join(kept), title, date, dateline, tuple(removed))
