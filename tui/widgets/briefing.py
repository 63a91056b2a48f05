"""Briefing panel: title, lede and key points with citations; a cursor walks the sentences."""

from __future__ import annotations

from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Static

from summarize.render import cite
from summarize.schema import Briefing, Point


def point_content(point: Point, lede: bool) -> Content:
    """Sentence text as plain `Content` (never parsed as markup) followed by its citations."""
    return Content.assemble(
        ("" if lede else "• ", ""),
        (point.text, "bold" if lede else ""),
        (f" {cite(point)}", "$text-accent"),
        (" (rewritten)" if point.rewritten else "", "italic $text-muted"),
        (" ⚠ sources differ" if point.disputes else "", "bold $text-warning"),
    )


class BriefingView(VerticalScroll, can_focus=True):
    """Shows one briefing, an empty/error state, or text streaming in from the model."""

    BINDINGS = [  # noqa: RUF012 - Textual reads class-level lists
        Binding("down,j", "move(1)", "Next sentence", show=False),
        Binding("up,k", "move(-1)", "Previous sentence", show=False),
        Binding("home,g", "first", "First sentence", show=False),
        Binding("end,G", "last", "Last sentence", show=False),
        Binding("enter", "app.open_article", "Open article", show=False),
    ]

    cursor: reactive[int] = reactive(0, init=False)

    class PointHighlighted(Message):
        """The current sentence changed (`point` is None when nothing is shown)."""

        def __init__(self, point: Point | None) -> None:
            super().__init__()
            self.point = point

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.briefing: Briefing | None = None
        self._rows: list[Static] = []
        self._stream: Static | None = None
        self._stream_text = ""
        self.border_title = "Briefing"

    @property
    def point(self) -> Point | None:
        if self.briefing is None or not self.briefing.points:
            return None
        return self.briefing.points[min(self.cursor, len(self.briefing.points) - 1)]

    async def show_briefing(self, briefing: Briefing, notice: str | None = None) -> None:
        """Replace the panel with `briefing`, keeping the cursor on the same line number."""
        self.briefing = briefing
        self._stream = None
        widgets: list[Static] = []
        if notice:
            widgets.append(Static(Content(notice), classes="notice"))
        widgets.append(Static(Content(briefing.title), classes="title"))
        self._rows = []
        for index, point in enumerate(briefing.points):
            if index == 1:
                widgets.append(Static("Key points", classes="heading"))
            row = Static(point_content(point, index == 0), classes="point")
            if index == 0:
                row.add_class("lede")
            self._rows.append(row)
            widgets.append(row)
        if briefing.notices:
            text = "\n".join(f"· {n}" for n in briefing.notices)
            widgets.append(Static(Content(text), classes="notices"))
        await self.remove_children()
        await self.mount_all(widgets)
        self.set_reactive(BriefingView.cursor, min(self.cursor, max(0, len(self._rows) - 1)))
        self._apply_cursor()

    async def show_message(self, title: str, text: str, notice: str | None = None) -> None:
        """An empty or error state: says what happened and what to do."""
        self.briefing = None
        self._rows = []
        self._stream = None
        widgets = [Static(Content(notice), classes="notice")] if notice else []
        widgets += [Static(Content(title), classes="title"), Static(Content(text), classes="empty")]
        await self.remove_children()
        await self.mount_all(widgets)
        self.post_message(self.PointHighlighted(None))

    async def start_stream(self, title: str) -> None:
        """Clear the panel for text generated token by token."""
        self.briefing = None
        self._rows = []
        self._stream_text = ""
        self._stream = Static("", classes="stream")
        await self.remove_children()
        await self.mount_all([Static(Content(title), classes="title"), self._stream])
        self.post_message(self.PointHighlighted(None))

    @property
    def streamed(self) -> str:
        """Text received from the model so far (empty unless a rewrite is streaming)."""
        return self._stream_text if self._stream is not None else ""

    def append_token(self, token: str) -> None:
        if self._stream is None:
            return
        self._stream_text += token
        self._stream.update(Content(self._stream_text))
        self.scroll_end(animate=False)

    def watch_cursor(self, old: int, new: int) -> None:
        if 0 <= old < len(self._rows):
            self._rows[old].remove_class("-current")
        self._apply_cursor()

    def _apply_cursor(self) -> None:
        for index, row in enumerate(self._rows):
            row.set_class(index == self.cursor, "-current")
        if self._rows:
            self.scroll_to_widget(self._rows[self.cursor], animate=False)
        self.post_message(self.PointHighlighted(self.point))

    def action_move(self, step: int) -> None:
        if self._rows:
            self.cursor = max(0, min(len(self._rows) - 1, self.cursor + step))

    def action_first(self) -> None:
        self.cursor = 0

    def action_last(self) -> None:
        self.cursor = max(0, len(self._rows) - 1)
