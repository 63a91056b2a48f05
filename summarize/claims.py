"""The sentences a summary claims, whatever wrote it: our Markdown or JSON briefing, another
tool's Markdown, a model's or a person's plain text.

Markdown furniture (headings, the sources table, the footer, bullets, emphasis, our citation
marks and escapes) is not a claim and is dropped; what is left is split into sentences, one
verdict each.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence

from .render import JSON_SCHEMA
from .sentences import split_sentences

_CITATIONS = re.compile(r"\s*(?:\[\d+(?:\s*[,;–-]\s*\d+)*\])+")
_DISPUTED = re.compile(r"\s*\*\(sources differ[^)]*\)\*")
_ESCAPE = re.compile(r"\\([\\`*_\[\]<>~|!#+\-.()=])")
_EMPHASIS = re.compile(r"(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_BULLET = re.compile(r"^\s*(?:[-*+•]|\d+[.)])\s+")


def _from_json(text: str) -> list[str] | None:
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        return None
    if isinstance(data, dict) and data.get("schema") == JSON_SCHEMA:
        return [str(p.get("text", "")) for p in data.get("points", []) if p.get("text")]
    return None


def _prose(line: str) -> str:
    line = _BULLET.sub("", line)
    line = _DISPUTED.sub("", line)
    line = _LINK.sub(r"\1", line)
    line = _EMPHASIS.sub(r"\2", line)
    line = _CITATIONS.sub("", line)
    return _ESCAPE.sub(r"\1", line).strip()


def claims(text: str) -> list[str]:
    """The sentences to check, in order."""
    from_json = _from_json(text.strip()) if text.lstrip().startswith("{") else None
    if from_json is not None:
        return from_json
    paragraphs: list[list[str]] = []
    current: list[str] = []
    skip_section = False
    for raw in text.splitlines():
        line = raw.strip()
        heading = re.match(r"^#{1,6}\s+(.*)$", line)
        if heading:
            title = heading.group(1).strip().lower()
            skip_section = title in ("sources", "where the sources differ", "timeline")
            if current:
                paragraphs.append(current)
                current = []
            continue  # a title is not a claim
        if skip_section or line.startswith("|") or re.fullmatch(r"[-*_=]{3,}", line):
            continue
        if re.fullmatch(r"\*[^*].*\*", line) and "·" in line:
            continue  # our footer: *extractive · method ...*
        if (not line or _BULLET.match(line)) and current:
            paragraphs.append(current)
            current = []
        if line:
            current.append(_prose(line))
    if current:
        paragraphs.append(current)
    found: list[str] = []
    for lines in paragraphs:
        sentences = [s for piece in _pieces(lines) for s in split_sentences(piece) if s.strip()]
        found += whole_quotations(sentences)
    return found


_LINE_ENDS_SENTENCE = re.compile(r"[.!?][\"'”’)]*$")
_LINE_OPENS_SENTENCE = re.compile(r"^[\"'“‘(]*[A-Z0-9]")


def _pieces(lines: Sequence[str]) -> list[str]:
    """A paragraph's lines joined where a sentence runs on: a line that ends a sentence
    before one that opens another is a break, whatever the last word ("... said Tobias Grant
    of Merriweather & Co." over "Corvane won approval.", one claim a line; fourth new-user
    audit)."""
    pieces: list[str] = []
    for line in lines:
        if pieces and not (
            _LINE_ENDS_SENTENCE.search(pieces[-1]) and _LINE_OPENS_SENTENCE.match(line)
        ):
            pieces[-1] += " " + line
        else:
            pieces.append(line)
    return pieces


QUOTATION_REACH = 4
"""Most sentences one quotation may span before the split is kept as it is."""


def whole_quotations(sentences: Sequence[str]) -> list[str]:
    """Sentences with a quotation left open joined to those that close it: the words of
    "Beatty told the audience: "There's a mistake. Moonlight, you guys won."" are checked as
    his, not as two sentences, one with no speaker. A quotation that never closes within
    `QUOTATION_REACH` sentences is left split."""
    out: list[str] = []
    i = 0
    while i < len(sentences):
        for j in range(i + 1, min(len(sentences), i + QUOTATION_REACH) + 1):
            joined = " ".join(sentences[i:j])
            if not _open_quotation(joined):
                break
        else:
            joined, j = sentences[i], i + 1
        out.append(joined)
        i = j
    return out


def _open_quotation(text: str) -> bool:
    return text.count('"') % 2 == 1 or text.count("“") > text.count("”")
