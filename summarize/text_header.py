"""The header a plain-text article may open with: the outlet, title and date a person writes
above the story when saving it by hand.

    Source: The Daily Star
    Ashulia blaze: owner arrested as death toll rises to 15
    Date: 2024-03-14

    Police arrested the owner ...

Only the lines before the first blank line are read, and only when one of them is a known
"Key: value" line, so a story that opens "WASHINGTON: The president ..." or with its own
first paragraph is left whole. A bare short line in the header is the title.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .clean import DATE_LINE

_KEYS = {
    "source": "source",
    "outlet": "source",
    "publisher": "source",
    "publication": "source",
    "title": "title",
    "headline": "title",
    "date": "date",
    "published": "date",
    "url": "url",
    "link": "url",
    "by": "byline",
    "byline": "byline",
    "author": "byline",
}
_FIELD = re.compile(r"^\s*([A-Za-z]+)\s*:\s*(\S.*?)\s*$")
MAX_HEADER_LINES = 8
TITLE_WORDS = 25
"""A bare header line longer than this is the story's first paragraph, not its title."""


@dataclass(frozen=True)
class TextHeader:
    source: str | None = None
    title: str | None = None
    date: str | None = None
    url: str | None = None


def split_header(text: str) -> tuple[TextHeader, str]:
    """The header's fields and the text after it; no header, the text unchanged."""
    stripped = text.lstrip("\ufeff\n\r ")
    block, sep, rest = stripped.partition("\n\n")
    lines = [line.strip() for line in block.splitlines() if line.strip()]
    if not sep or not lines or len(lines) > MAX_HEADER_LINES:
        return TextHeader(), text
    fields: dict[str, str] = {}
    bare: list[str] = []
    for line in lines:
        match = _FIELD.match(line)
        key = _KEYS.get(match.group(1).lower()) if match else None
        dated = DATE_LINE.fullmatch(line)  # the `date YYYY-MM-DD` line, inside a header
        if dated:
            fields.setdefault("date", dated.group(1))
        elif match and key:
            fields.setdefault(key, match.group(2))
        elif len(line.split()) <= TITLE_WORDS and not bare:
            bare.append(line)
        else:
            return TextHeader(), text  # prose: this is the story, not a header
    if not {"source", "title", "date", "url"} & fields.keys():
        return TextHeader(), text
    title = fields.get("title") or (bare[0] if bare else None)
    return TextHeader(fields.get("source"), title, fields.get("date"), fields.get("url")), rest
