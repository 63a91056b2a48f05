"""Newswire documents in the SGML of the TREC, DUC and TAC collections.

A DUC or TAC story set is a folder of files such as `APW19981016.0240`, each one or more
`<DOC>` records: the document number names the agency and the day (`APW19981016` is Associated
Press, 16 October 1998; TAC writes `AFP_ENG_20050101.0001` in an `id` attribute), a `HEADLINE`
may hold the title, and `TEXT` holds the story, hard-wrapped, in `<P>` paragraphs or in none.
Read as plain text, the tags became a title ("<DOC>") and every wrapped line a paragraph of its
own; here the record is taken apart into what `summarize.clean` expects.
"""

from __future__ import annotations

import datetime as _dt
import html
import re
import string
from dataclasses import dataclass

_DOC = re.compile(r"<DOC(?:\s[^>]*)?>(.*?)(?:</DOC>|\Z)", re.DOTALL | re.IGNORECASE)
_DOC_ID = re.compile(r"<DOC\s[^>]*\bid\s*=\s*\"?([^\"\s>]+)", re.IGNORECASE)
_PARAGRAPH = re.compile(r"</?P(?:\s[^>]*)?>", re.IGNORECASE)
_TAG = re.compile(r"<[^<>\n]{1,40}>")
_NYT_CODE = re.compile(r"&(?:UR|LR|QC|QL|QR|HT|MD|TL|IL|EM|XR);")
"""The New York Times wire's typesetting codes (upper and lower rail, centring, ...): no text."""
_WIRE_LINE = re.compile(
    r"^[ \t]*(?:\(?c\)?\.? ?\d{4} [^\n]*(?:News Service|Press|Agence)[^\n]*|=+|-30-"
    r"|\((?:STORY CAN END HERE|OPTIONAL|ATTN|EDS?:|END ADV)[^\n]*)[ \t]*$",
    re.MULTILINE | re.IGNORECASE,
)
"""A wire's service lines: "c.1998 N.Y. Times News Service=", "-30-", "(STORY CAN END HERE.
OPTIONAL 2ND TAKE FOLLOWS.)", "(ATTN: ...)" — for editors, not readers."""
_DIGITS = re.compile(r"(?<!\d)((?:19|20)\d{6})(?!\d)")
_SIX_DIGITS = re.compile(r"^([A-Za-z]+)(\d{6})-")
"""TREC's older numbers: `AP880212-0001` and `WSJ870324-0001` (year, month, day),
`LA010189-0001` (month, day, year)."""
_SIX_DIGIT_ORDER = {"AP": "ymd", "WSJ": "ymd", "LA": "mdy"}
_WIRE_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})|(\d{4})-(\d{2})-(\d{2})")

AGENCIES = {
    "AFE": "AFP",
    "AFP": "AFP",
    "AP": "AP",
    "APW": "AP",
    "CNA": "CNA",
    "FBIS": "FBIS",
    "FT": "Financial Times",
    "LA": "Los Angeles Times",
    "LTW": "Los Angeles Times-Washington Post",
    "NYT": "The New York Times",
    "SJMN": "San Jose Mercury News",
    "WPB": "Washington Post-Bloomberg",
    "WSJ": "The Wall Street Journal",
    "XIE": "Xinhua",
    "XIN": "Xinhua",
}
"""Agency codes that open a document number, and the outlet each stands for."""


@dataclass(frozen=True)
class Wire:
    """One newswire record: its story text (paragraphs apart by blank lines) and metadata."""

    text: str
    docno: str | None = None
    title: str | None = None
    date: _dt.date | None = None
    outlet: str | None = None
    dateline: str | None = None
    """TAC's `DATELINE` field ("PORTO, Jan 3")."""


def is_wire(text: str) -> bool:
    """Does `text` hold `<DOC>` records (TREC, DUC and TAC newswire)? The first must open a
    line near the top: a header or stray bytes may come before it."""
    return bool(re.search(r"(?:^|\n)[ \t]*<DOC[\s>]", text[:2000], re.IGNORECASE))


def records(text: str) -> list[str]:
    """Every `<DOC>` record of a file, each with its opening tag; a collection file holds many."""
    return [m.group(0) for m in _DOC.finditer(text)]


def docno(record: str) -> str | None:
    """A record's document number: its DOCNO field, or TAC's `id` attribute."""
    field = _field(record, "DOCNO")
    if field and field.strip():
        return field.strip()
    id_attribute = _DOC_ID.search(record)
    return id_attribute.group(1) if id_attribute else None


def cut_short(record: str) -> bool:
    """The record ends before its `</DOC>`: the file it closes was cut off."""
    return re.search(r"</DOC>\s*$", record, re.IGNORECASE) is None


def _field(record: str, tag: str) -> str | None:
    match = re.search(rf"<{tag}(?:\s[^>]*)?>(.*?)</{tag}>", record, re.DOTALL | re.IGNORECASE)
    return match.group(1) if match else None


def _plain(text: str) -> str:
    return _WIRE_LINE.sub("", html.unescape(_NYT_CODE.sub("", _TAG.sub(" ", text))))


def _date(docno: str | None, stamp: str | None) -> _dt.date | None:
    """The day the record was filed: its `DATE_TIME` (or `DATE`) field, else the digits of its
    number (`APW19981016`, `AFP_ENG_20050101`; TREC's `AP880212-0001`, `LA010189-0001`)."""
    candidates = []
    if stamp:
        found = _WIRE_DATE.search(stamp)
        if found and found.group(3):
            candidates.append((int(found.group(3)), int(found.group(1)), int(found.group(2))))
        elif found:
            candidates.append((int(found.group(4)), int(found.group(5)), int(found.group(6))))
    if docno and (digits := _DIGITS.search(docno)):
        day = digits.group(1)
        candidates.append((int(day[:4]), int(day[4:6]), int(day[6:])))
    elif docno and (six := _SIX_DIGITS.match(docno)):
        order, d = _SIX_DIGIT_ORDER.get(six.group(1).upper()), six.group(2)
        if order == "ymd":
            candidates.append((1900 + int(d[:2]), int(d[2:4]), int(d[4:])))
        elif order == "mdy":
            candidates.append((1900 + int(d[4:]), int(d[:2]), int(d[2:4])))
    for year, month, day_ in candidates:
        try:
            return _dt.date(year, month, day_)
        except ValueError:
            continue
    return None


def outlet(docno: str | None) -> str | None:
    """The agency a document number names ("APW19981016.0240" -> "AP"), if it is a known one."""
    if not docno:
        return None
    code = re.match(r"[A-Za-z]+", docno)
    return AGENCIES.get(code.group(0).upper()) if code else None


def read(record: str) -> Wire:
    """One record's story and metadata. Paragraphs are the record's `<P>` elements, else its
    text as written (hard-wrapped lines are joined later, by `summarize.clean`)."""
    number = docno(record)
    body = _field(record, "TEXT")
    if body is None:  # no TEXT element: whatever the record holds past its header fields
        body = re.sub(
            r"<(DOCNO|DOCTYPE|TXTTYPE|DATE_TIME|DATE|HEADLINE|HEAD|HL|SLUG|HEADER|TRAILER|FILEID"
            r"|FIRST|SECOND|BYLINE|DATELINE|NOTE)>.*?</\1>",
            "",
            record,
            flags=re.DOTALL | re.IGNORECASE,
        )
    if _PARAGRAPH.search(body):
        parts = [_plain(p) for p in _PARAGRAPH.split(body)]
        text = "\n\n".join(" ".join(p.split()) for p in parts if p.strip())
    else:
        text = _plain(body).strip("\n")
    # HEADLINE (DUC, TAC, the LA Times), HEAD (TREC's AP), HL (the Wall Street Journal, with
    # its byline after "----")
    headline = _field(record, "HEADLINE") or _field(record, "HEAD") or _field(record, "HL")
    title = " ".join(_plain(headline).split("----")[0].split()) if headline else None
    if title and title.isupper():  # the wire's capitals ("FERRY TOLL RISES TO 53")
        title = string.capwords(title.lower())
    stamp = _field(record, "DATE_TIME") or _field(record, "DATE")
    dateline = " ".join(_plain(_field(record, "DATELINE") or "").split()) or None
    return Wire(text, number, title or None, _date(number, stamp), outlet(number), dateline)
