"""Help screen: every key, generated from the bindings so it never drifts from them."""

from __future__ import annotations

from collections.abc import Iterable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Markdown, Static

from summarize.render import escape_markdown

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


def help_markdown(bindings: Iterable[Binding]) -> str:
    rows = ["| Key | Does |", "|---|---|"]
    for binding in bindings:
        if binding.description and not binding.action.startswith("toggle_source"):
            rows.append(f"| `{key_label(binding.key)}` | {escape_markdown(binding.description)} |")
    rows += [f"| `{key}` | {escape_markdown(what)} |" for key, what in PANEL_KEYS]
    intro = (
        "Toggle sources on the left; the briefing recomputes at once. Move through the "
        "briefing's sentences to see, below it, the sentence each source reports it with "
        "(● marks the citing sources)."
    )
    return "\n".join(["# summarize", "", escape_markdown(intro), "", *rows, ""])


class HelpScreen(ModalScreen[None]):
    """Keys and what they do; any of escape, q, ? or f1 closes it."""

    BINDINGS = [Binding("escape,q,question_mark,f1", "app.pop_screen", "Close")]  # noqa: RUF012

    def __init__(self, bindings: Iterable[Binding]) -> None:
        super().__init__()
        self.text = help_markdown(bindings)

    def compose(self) -> ComposeResult:
        with Vertical(id="help-dialog", classes="dialog"):
            with VerticalScroll():
                yield Markdown(self.text)
            yield Static("escape closes", classes="dialog-hint")
