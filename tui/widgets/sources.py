"""Sources panel: one checkbox row per article; rows citing the current sentence are marked,
rows of sources turned off are dimmed as a whole (not only their checkbox)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from rich.segment import Segment
from textual.content import Content
from textual.strip import Strip
from textual.widgets import Checkbox, SelectionList
from textual.widgets.option_list import OptionDoesNotExist
from textual.widgets.selection_list import Selection

from summarize.schema import Article

GUTTER = 5
"""Cells the checkbox gutter and a scrollbar take from each row."""


def shorten(label: str, room: int) -> str:
    """Cut the middle out of a long label: file names differ at both ends."""
    if len(label) <= room:
        return label
    if room < 8:
        return label[: room - 1] + "…"
    head = (room - 1) // 2
    return label[:head] + "…" + label[len(label) - (room - 1 - head) :]


OFF_STYLE = "$text-disabled strike"


def source_prompt(
    article: Article, cited: bool, width: int = 60, longest: int | None = None, on: bool = True
) -> Content:
    """One line as plain `Content` (markup in a label is never interpreted).

    `SelectionList` draws one checkbox per line, so a row must fit one line: number, date and
    length always show, and the label is shortened to what is left of `width`.
    """
    date = article.date.isoformat() if article.date else "–"
    head = f"{article.id:>2} "
    tail = f" {date:<10} {article.words:>4}w"
    longest = longest or len(article.label)
    counted = width - 2 - len(head) - len(tail) >= longest
    if not counted:
        tail = f" {date:<10}"  # the outlet's name before its word count: "The G…rdian" read ill
    room = min(max(4, width - 2 - len(head) - len(tail)), longest)
    label = shorten(article.label, room).ljust(room)
    if not on:  # "off" in words too: the checkbox differs only by colour on a mono screen
        tail = f" {date:<10} {'off':>5}" if counted else f" {'off':<10}"
        return Content.assemble(
            ("  ", ""), (head, OFF_STYLE), (label, OFF_STYLE), (tail, OFF_STYLE)
        )
    marker = ("● ", "$accent bold") if cited else ("  ", "")
    weight = "bold" if cited else ""
    return Content.assemble(marker, (head, weight), (label, weight), (tail, "$text-muted"))


class SourcesList(SelectionList[int]):
    """A `SelectionList` of article ids; `mark_cited` highlights the sources of a sentence."""

    DEFAULT_CSS = """
    SourcesList { height: 1fr; }
    """

    def __init__(
        self,
        articles: Sequence[Article],
        *,
        on: Iterable[int] | None = None,
        id: str | None = None,
    ) -> None:
        self.articles = tuple(articles)
        self._cited: frozenset[int] = frozenset()
        self._width = 60
        self._longest = max((len(a.label) for a in self.articles), default=0)
        initially = frozenset(a.id for a in self.articles) if on is None else frozenset(on)
        self._on = initially
        super().__init__(
            *(
                Selection(source_prompt(a, False, on=a.id in initially), a.id, a.id in initially)
                for a in self.articles
            ),
            id=id,
        )
        self.border_title = "Sources"

    def show_on_state(self) -> None:
        """Re-draw the rows whose on/off state changed (dimmed when off)."""
        on = frozenset(self.selected)
        changed = on ^ self._on
        self._on = on
        self._redraw(changed)

    def mark_cited(self, cited: Iterable[int]) -> None:
        """Re-draw only the rows whose cited state changed."""
        cited = frozenset(cited)
        changed = cited ^ self._cited
        self._cited = cited
        self._redraw(changed)

    def on_resize(self) -> None:
        width = max(20, self.scrollable_content_region.width - GUTTER)
        if width != self._width:
            self._width = width
            self._redraw({a.id for a in self.articles})

    def _redraw(self, ids: Iterable[int]) -> None:
        ids = set(ids)
        for index, article in enumerate(self.articles):
            if article.id in ids:
                prompt = source_prompt(
                    article,
                    article.id in self._cited,
                    self._width,
                    self._longest,
                    on=article.id in self._on,
                )
                self.replace_option_prompt_at_index(index, prompt)

    @property
    def cited(self) -> frozenset[int]:
        return self._cited

    def render_line(self, y: int) -> Strip:
        """The row with its checkbox empty when the source is off: Textual draws the same "X"
        either way, told apart only by colour (new-user audit: an off source kept its X)."""
        strip = super().render_line(y)
        try:
            selection = self.get_option_at_index(self.scroll_offset.y + y)
        except OptionDoesNotExist:
            return strip
        if selection.value in self._on:
            return strip
        segments = list(strip)
        if len(segments) > 1 and segments[1].text == Checkbox.BUTTON_INNER:
            segments[1] = Segment(" ", segments[1].style)
            return Strip(segments, strip.cell_length)
        return strip
