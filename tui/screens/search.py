"""Search inside the sources: type, pick a match, and the article opens with it selected."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from summarize.schema import Article

MAX_MATCHES = 200
CONTEXT = 40


@dataclass(frozen=True)
class Match:
    doc_id: int
    start: int
    end: int


def find_matches(articles: Sequence[Article], query: str, limit: int = MAX_MATCHES) -> list[Match]:
    """Case-insensitive literal matches across every article, in article order.

    A regex on the original text keeps offsets exact even where case folding changes lengths.
    """
    if not query.strip():
        return []
    pattern = re.compile(re.escape(query), re.IGNORECASE)
    found: list[Match] = []
    for article in articles:
        for hit in pattern.finditer(article.text):
            found.append(Match(article.id, hit.start(), hit.end()))
            if len(found) >= limit:
                return found
    return found


def match_prompt(article: Article, match: Match) -> Content:
    """`[n] label: …context…` with the match itself highlighted; all text literal."""
    text = article.text
    left = max(0, match.start - CONTEXT)
    right = min(len(text), match.end + CONTEXT)
    before = " ".join(text[left : match.start].split())
    hit = " ".join(text[match.start : match.end].split())
    after = " ".join(text[match.end : right].split())
    return Content.assemble(
        (f"[{article.id}] ", "$text-accent bold"),
        (article.label, "bold"),
        (": ", ""),
        ("…" if left else "", "$text-muted"),
        (before + (" " if text[left : match.start][-1:].isspace() else ""), ""),
        (hit, "reverse bold"),
        ((" " if text[match.end : right][:1].isspace() else "") + after, ""),
        ("…" if right < len(text) else "", "$text-muted"),
    )


class SearchScreen(ModalScreen[Match | None]):
    """A prompt and the matches it finds; dismisses with the chosen `Match`."""

    BINDINGS = [Binding("escape", "dismiss_none", "Close")]  # noqa: RUF012

    def __init__(self, articles: Sequence[Article], query: str = "") -> None:
        super().__init__()
        self.articles = tuple(articles)
        self.by_id = {a.id: a for a in self.articles}
        self.query_text = query
        self.matches: list[Match] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="search-dialog", classes="dialog"):
            yield Static("Search the sources", classes="dialog-title")
            yield Input(value=self.query_text, placeholder="words to find…", id="search-input")
            yield Static("", id="search-count", classes="dialog-hint")
            yield OptionList(id="search-results")

    def on_mount(self) -> None:
        self.query_one(Input).focus()
        if self.query_text:
            self._search(self.query_text)

    @on(Input.Changed, "#search-input")
    def _changed(self, event: Input.Changed) -> None:
        self._search(event.value)

    @on(Input.Submitted, "#search-input")
    def _submitted(self) -> None:
        if self.matches:
            results = self.query_one(OptionList)
            results.focus()
            results.highlighted = 0

    @on(OptionList.OptionSelected, "#search-results")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.matches[event.option_index])

    def _search(self, query: str) -> None:
        self.matches = find_matches(self.articles, query)
        results = self.query_one(OptionList)
        results.clear_options()
        results.add_options(Option(match_prompt(self.by_id[m.doc_id], m)) for m in self.matches)
        count = len(self.matches)
        if not query.strip():
            hint = "Type to search every article; enter, then pick a match to open it."
        elif count >= MAX_MATCHES:
            hint = f"First {MAX_MATCHES} matches; type more to narrow."
        else:
            hint = f"{count} match{'es' if count != 1 else ''}"
        self.query_one("#search-count", Static).update(hint)

    def action_dismiss_none(self) -> None:
        self.dismiss(None)
