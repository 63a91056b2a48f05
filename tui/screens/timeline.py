"""The timeline: dated events from every source on, in order; enter opens the article there."""

from __future__ import annotations

from collections.abc import Sequence

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from summarize.render import citation_marks, other_days
from summarize.schema import Dated, Sentence


def dated_prompt(dated: Dated) -> Content:
    """`2019-12-27  [3][4] (Thursday [5])` then the sentence, all literal."""
    return Content.assemble(
        (dated.date.isoformat(), "bold $text-accent"),
        ("  " + citation_marks(dated.citations), "$text-accent"),
        ((" " + other_days(dated)) if dated.differs else "", "$text-warning"),
        ("\n" + dated.text, ""),
    )


class TimelineScreen(ModalScreen[Sentence | None]):
    """Lists the timeline; dismisses with the sentence of the chosen event (or None)."""

    BINDINGS = [Binding("escape,q", "dismiss_none", "Close")]  # noqa: RUF012 - as help, article

    def __init__(self, timeline: Sequence[Dated]) -> None:
        super().__init__()
        self.timeline = tuple(timeline)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="timeline-dialog"):
            yield Static("Timeline", classes="dialog-title")
            if not self.timeline:
                yield Static(
                    "No source dates an event in a way that resolves to a day "
                    "(undated articles' weekdays are never guessed).",
                    classes="dialog-hint",
                )
            options: list[Option | None] = []
            for dated in self.timeline:
                options += [Option(dated_prompt(dated)), None]
            yield OptionList(*options[:-1], id="timeline-list")
            yield Static(
                "enter: open the article at that sentence · escape or q: close",
                classes="dialog-hint",
            )

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    @on(OptionList.OptionSelected, "#timeline-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        index = event.option_index
        if 0 <= index < len(self.timeline):
            self.dismiss(self.timeline[index].sentences[0])

    def action_dismiss_none(self) -> None:
        self.dismiss(None)
