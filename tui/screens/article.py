"""Article screen: a whole source article with one sentence (or search match) selected.

The text goes into a read-only `TextArea`, which renders only the visible lines and shows
markup literally. Soft-wrapping still walks the whole text, so an article longer than `WINDOW`
characters is shown a window at a time (`[` / `]` move it): a multi-megabyte file opens at once.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Static, TextArea
from textual.widgets.text_area import Selection

from summarize.schema import Article
from summarize.sentences import split_sentences

Span = tuple[int, int]
WINDOW = 80_000
"""Most characters given to the TextArea at once (about 0.2 s to wrap on a slow machine)."""


def sentence_span(article: Article, index: int, text: str) -> Span | None:
    """Character span of sentence `index` in the article, found in order so repeats resolve.

    Falls back to the first occurrence of `text`; None if the sentence cannot be located.
    """
    position = 0
    for number, sentence in enumerate(split_sentences(article.text)):
        found = article.text.find(sentence, position)
        if found < 0:
            break
        if number == index and sentence == text:
            return found, found + len(sentence)
        position = found + len(sentence)
    found = article.text.find(text)
    return (found, found + len(text)) if found >= 0 else None


def window_around(text: str, centre: int, size: int = WINDOW) -> Span:
    """A slice of about `size` characters around `centre`, cut at line or word boundaries."""
    if len(text) <= size:
        return 0, len(text)
    start = max(0, min(centre - size // 2, len(text) - size))
    end = min(len(text), start + size)
    if start:  # snap forward, so the window never grows past `size`
        newline, space = text.find("\n", start, start + 2000), text.find(" ", start, start + 200)
        cut = newline if newline >= 0 else space
        start = cut + 1 if cut >= 0 else start
    if end < len(text):
        cut = max(text.rfind("\n", end - 2000, end), text.rfind(" ", end - 200, end))
        end = cut if cut > start else end
    return start, end


def location(text: str, offset: int) -> tuple[int, int]:
    """(row, column) of a character offset, as `TextArea` counts them."""
    row = text.count("\n", 0, offset)
    return row, offset - (text.rfind("\n", 0, offset) + 1)


class ArticleScreen(Screen[None]):
    """Full text of one source; `escape` goes back to the briefing."""

    BINDINGS = [  # noqa: RUF012 - Textual reads class-level lists
        Binding("escape,q", "app.pop_screen", "Back"),
        Binding("left_square_bracket", "shift(-1)", "Earlier part"),
        Binding("right_square_bracket", "shift(1)", "Later part"),
    ]

    def __init__(self, article: Article, span: Span | None = None) -> None:
        super().__init__()
        self.article = article
        self.span = span
        centre = span[0] if span else 0
        self.window = window_around(article.text, centre)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "shift":
            return len(self.article.text) > WINDOW
        return True

    @property
    def windowed(self) -> bool:
        return self.window != (0, len(self.article.text))

    def compose(self) -> ComposeResult:
        article = self.article
        date = article.date.isoformat() if article.date else "no date"
        head = Content.assemble(
            (f"[{article.id}] ", "$text-accent bold"),
            (article.title or article.label, "bold"),
            (f"  {article.label} ·" if article.title else "  ", "$text-muted"),
            (f" {date} · {article.words} words", "$text-muted"),
        )
        yield Static(head, id="article-head")
        yield Static("", id="article-window")
        yield TextArea(
            self._window_text(),
            read_only=True,
            soft_wrap=True,
            show_line_numbers=False,
            id="article-text",
        )
        yield Footer()

    def _window_text(self) -> str:
        start, end = self.window
        return self.article.text[start:end]

    def _describe_window(self) -> None:
        note = self.query_one("#article-window", Static)
        note.display = self.windowed
        start, end = self.window
        note.update(
            f"Long article: characters {start:,}–{end:,} of {len(self.article.text):,}"
            " shown · [ and ] move through it"
        )

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        area.focus()
        self._describe_window()
        if self.span is not None:
            self.call_after_refresh(self._select_span)

    def _select_span(self) -> None:
        if self.span is None:
            return
        first, last = self.window
        start, end = self.span
        if start < first or end > last:
            return
        area = self.query_one(TextArea)
        text = self._window_text()
        area.selection = Selection(location(text, start - first), location(text, end - first))
        area.scroll_cursor_visible(center=True)

    def action_shift(self, step: int) -> None:
        """Show the previous or next window of a long article."""
        start, end = self.window
        centre = end + WINDOW // 2 if step > 0 else start - WINDOW // 2
        centre = max(0, min(len(self.article.text), centre))
        window = window_around(self.article.text, centre)
        if window == self.window:
            return
        self.window = window
        area = self.query_one(TextArea)
        area.load_text(self._window_text())
        area.move_cursor((0, 0) if step > 0 else area.document.end)
        self._describe_window()
        self._select_span()

    @property
    def selected_text(self) -> str:
        return self.query_one(TextArea).selected_text
