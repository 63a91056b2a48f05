"""Readable text and metadata from an HTML page, with the standard library's parser."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

_SKIP = {
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "button",
    "iframe",
    "figure",
    "select",
    "head",
}
_BLOCK = {
    "p",
    "div",
    "br",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "section",
    "article",
    "blockquote",
    "tr",
    "pre",
    "main",
    "dd",
    "dt",
}
_VOID = {"br", "img", "meta", "link", "hr", "input", "source", "wbr", "area", "base", "col"}


@dataclass
class Page:
    text: str = ""
    title: str | None = None
    date: str | None = None
    source: str | None = None
    url: str | None = None
    meta: dict[str, str] = field(default_factory=dict)


class _Extractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip_depth = 0
        self.in_title = False
        self.title_parts: list[str] = []
        self.h1_parts: list[str] = []
        self.in_h1 = False
        self.meta: dict[str, str] = {}
        self.time: str | None = None
        self.canonical: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: (v or "") for k, v in attrs}
        if tag == "meta":
            key = values.get("property") or values.get("name") or values.get("itemprop")
            if key and values.get("content"):
                self.meta[key.lower()] = values["content"]
            return
        if tag == "link" and values.get("rel") == "canonical":
            self.canonical = values.get("href")
        if tag == "time" and self.time is None and values.get("datetime"):
            self.time = values["datetime"]
        if tag == "title":
            self.in_title = True
        if tag == "h1":
            self.in_h1 = True
        if tag in _SKIP and tag not in _VOID:
            self.skip_depth += 1
        if tag in _BLOCK:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if tag == "h1":
            self.in_h1 = False
        if tag in _SKIP and self.skip_depth:
            self.skip_depth -= 1
        if tag in _BLOCK:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title_parts.append(data)
            return
        if self.in_h1:
            self.h1_parts.append(data)
            return
        if not self.skip_depth:
            self.parts.append(data)


def extract(html: str) -> Page:
    """Body text (scripts, styles and page furniture dropped) plus title, date, site and URL."""
    parser = _Extractor()
    parser.feed(html)
    parser.close()
    meta = parser.meta
    title = (
        meta.get("og:title")
        or " ".join("".join(parser.h1_parts).split())
        or " ".join("".join(parser.title_parts).split())
        or None
    )
    date = meta.get("article:published_time") or meta.get("datepublished") or meta.get("date")
    text = "".join(parser.parts)
    paragraphs = [" ".join(p.split()) for p in text.split("\n\n")]
    return Page(
        text="\n\n".join(p for p in paragraphs if p),
        title=title,
        date=date or parser.time,
        source=meta.get("og:site_name"),
        url=meta.get("og:url") or parser.canonical,
        meta=meta,
    )
