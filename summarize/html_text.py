"""The article of an HTML page: main text and metadata, through trafilatura.

News pages are mostly furniture (navigation, cookie banners, share bars, related links,
comments, footers); a hand-written tag filter cannot tell a share bar in a `<div>` from a
paragraph, trafilatura's content heuristics can. trafilatura (and lxml, htmldate, courlan under
it) costs about 0.3 s to import, so it is imported inside `extract`: plain-text and JSON inputs
never pay for it.
"""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from lxml.etree import _Element

DATE_PARAMS: dict[str, Any] = {"extensive_search": False, "original_date": True}
"""htmldate settings: metadata, `<time>` and URL dates only. Its extensive search reads dates out
of the page's text and takes a footer's "© 2021" for 2021-01-01: a wrong date is worse than none,
and an undated article can still be dated from its dateline."""

_INLINE = {"hi", "ref", "lb", "del", "span", "abbr", "graphic"}
"""trafilatura's output elements that sit inside a paragraph; every other element is a block."""

_SKIP = {
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "head",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "button",
    "select",
    "iframe",
}
_VOID = {"br", "img", "meta", "link", "hr", "input", "source", "wbr", "area", "base", "col"}
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
    "td",
    "pre",
    "main",
    "dd",
    "dt",
    "body",
}


@dataclass(frozen=True)
class Page:
    """What ingest needs from a page: paragraphs separated by blank lines, and metadata."""

    text: str = ""
    title: str | None = None
    date: str | None = None
    """ISO `YYYY-MM-DD`, or None when the page states no date."""
    source: str | None = None
    """The site's name (`og:site_name`, else the domain of its URL)."""
    url: str | None = None
    """The canonical URL the page gives (`link rel=canonical`, `og:url`), else `url` as given."""
    author: str | None = None


def extract(html: str, url: str | None = None) -> Page:
    """The main text of `html` (navigation, headers, footers, comments, share bars, related links
    and tables dropped) with its title, date, site name, canonical URL and author.

    `url`, when the page was fetched, resolves relative canonical links and names the site when
    the page does not. When trafilatura finds no main text (a page too short or too plain for
    its heuristics), the visible text of the body is used instead, so a short page still
    yields its few lines; an empty result is left to the caller's "no article text" errors.
    """
    import trafilatura

    document: Any = None
    try:
        document = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
            include_links=False,
            date_extraction_params=dict(DATE_PARAMS),
        )
    except Exception:  # a parser bug on one odd page must not end the run:
        document = None  # the plain-text pass below still reads it.
    text = _paragraphs(document.body) if document is not None and document.body is not None else ""
    if document is None:
        document = _metadata(html, url)
    if not text:
        text = plain_text(html)
    return Page(
        text=text,
        title=_clean(getattr(document, "title", None)),
        date=_clean(getattr(document, "date", None)),
        source=_clean(getattr(document, "sitename", None)),
        url=_clean(getattr(document, "url", None)) or url,
        author=_clean(getattr(document, "author", None)),
    )


def _metadata(html: str, url: str | None) -> Any:
    """Metadata alone, for a page whose text trafilatura discarded (its title still names it)."""
    from trafilatura import extract_metadata

    try:
        return extract_metadata(html, default_url=url, date_config=dict(DATE_PARAMS))
    except Exception:  # metadata is optional; the text matters more.
        return None


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    return " ".join(value.split()) or None


def _paragraphs(body: _Element) -> str:
    """trafilatura's XML body as paragraphs separated by blank lines.

    Its own `.text` joins blocks with single newlines, the same as line breaks inside a
    paragraph; the rest of the pipeline needs blank lines between paragraphs, so the tree is
    walked here: every block element (`p`, `head`, `item`, `quote`, ...) is one paragraph.
    """
    from lxml import etree

    parts: list[str] = []
    for event, element in etree.iterwalk(body, events=("start", "end")):
        tag = element.tag if isinstance(element.tag, str) else None
        block = tag is not None and tag not in _INLINE
        if event == "start":
            if block:
                parts.append("\n\n")
            elif tag == "lb":
                parts.append("\n")
            if tag is not None and element.text:
                parts.append(element.text)
        else:
            if block:
                parts.append("\n\n")
            if element is not body and element.tail:
                parts.append(element.tail)
    return _join(parts)


def _join(parts: list[str]) -> str:
    paragraphs = (" ".join(p.split()) for p in "".join(parts).split("\n\n"))
    return "\n\n".join(p for p in paragraphs if p)


class _PlainText(HTMLParser):
    """The visible text of a page, block by block: the fallback when trafilatura finds no main
    text. Scripts, styles, the head and obvious furniture (nav, header, footer, aside, forms)
    are still left out."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "body":  # an unclosed <head> must not hide the whole page
            self.skip_depth = 0
        if tag in _SKIP and tag not in _VOID:
            self.skip_depth += 1
        if tag in _BLOCK:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP and self.skip_depth:
            self.skip_depth -= 1
        if tag in _BLOCK:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.skip_depth:
            self.parts.append(data)


def plain_text(html: str) -> str:
    """Visible body text in paragraphs, with no main-content heuristics."""
    parser = _PlainText()
    parser.feed(html)
    parser.close()
    return _join(parser.parts)
