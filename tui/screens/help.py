"""Help screen: every key, generated from the bindings so it never drifts from them."""

from __future__ import annotations

from collections.abc import Iterable

from rich.markup import escape
from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

PANEL_KEYS = (
    ("tab / shift+tab", "move between the sources, briefing and evidence panels"),
    ("space / enter (sources)", "turn the highlighted source on or off"),
    ("1-9", "turn source n on or off from anywhere"),
    ("up/down, j/k (briefing)", "move through the briefing's sentences"),
    ("enter (evidence)", "open the article at that sentence"),
    ("escape (article)", "back to the briefing"),
    ("ctrl+p", "command palette: every action, each method, each source"),
)


def key_label(key: str) -> str:
    names = {
        "question_mark": "?",
        "slash": "/",
        "plus": "+",
        "minus": "-",
        "equals_sign": "=",
        "full_stop": ".",
    }
    return " / ".join(names.get(k.strip(), k.strip()) for k in key.split(","))


INTRO = (
    "Toggle sources on the left; the briefing recomputes at once. Move through the briefing's "
    "sentences to see, below it, the sentence each source reports it with (● marks the citing "
    "sources)."
)


def help_rows(bindings: Iterable[Binding]) -> list[tuple[str, str]]:
    """(key, what it does) for every described binding, its footer label first, then the
    panels' own keys."""
    rows = [
        (key_label(b.key), f"{b.description} — {b.tooltip}" if b.tooltip else b.description)
        for b in bindings
        if b.description and not b.action.startswith("toggle_source")
    ]
    return rows + list(PANEL_KEYS)


def help_table(rows: Iterable[tuple[str, str]]) -> Table:
    """One line per key, no rules between rows: the whole list fits a 40-row terminal (a
    Markdown table drew a rule under every row and ran past it; new-user audit)."""
    table = Table(box=None, show_header=True, header_style="bold", pad_edge=False)
    table.add_column("Key", style="bold", no_wrap=True)
    table.add_column("Does")
    for key, what in rows:
        table.add_row(key, what)
    return table


class HelpScreen(ModalScreen[None]):
    """Keys and what they do; any of escape, q, ? or f1 closes it."""

    BINDINGS = [Binding("escape,q,question_mark,f1", "app.pop_screen", "Close")]  # noqa: RUF012

    def __init__(self, bindings: Iterable[Binding]) -> None:
        super().__init__()
        self.rows = help_rows(bindings)
        self.text = "\n".join([INTRO, *(f"{key}  {what}" for key, what in self.rows)])

    def compose(self) -> ComposeResult:
        with Vertical(id="help-dialog", classes="dialog"):
            with VerticalScroll():
                yield Static("[b]summarize[/b]\n\n" + escape(INTRO) + "\n")
                yield Static(help_table(self.rows))
            yield Static("up / down scroll · escape closes", classes="dialog-hint")
