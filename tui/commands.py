"""Command palette entries (ctrl+p) for every TUI action, method and source."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider

if TYPE_CHECKING:
    from tui.app import SummarizeApp

Command = tuple[str, str, Callable[[], object]]


def briefing_commands(app: SummarizeApp) -> list[Command]:
    """(name, help, callback) for each palette entry, built from the app's live state."""
    commands: list[Command] = [
        ("Longer briefing", f"raise the word budget by {app.WORD_STEP}", app.action_longer),
        ("Shorter briefing", f"lower the word budget by {app.WORD_STEP}", app.action_shorter),
        ("Next method", "cycle through the ranking methods", app.action_cycle_method),
        (
            "Toggle abstractive / extractive",
            "rewrite the briefing with a local model, or not",
            app.action_toggle_mode,
        ),
        ("Search sources", "find words in every article and open a match", app.action_search),
        ("Timeline", "dated events from the sources, in order", app.action_timeline),
        ("Export briefing to Markdown", "write the briefing to a .md file", app.action_export),
        ("Copy briefing", "copy the briefing as Markdown to the clipboard", app.action_copy),
        ("Open article", "the current sentence in its source article", app.action_open_article),
        (
            "Toggle dark / light theme",
            "switch between textual-dark and textual-light",
            app.action_toggle_theme,
        ),
        ("Help", "keys and what they do", app.action_help),
        ("All sources on", "turn every source back on", app.action_all_sources_on),
    ]
    for name, method in app.methods.items():
        commands.append((f"Method: {name}", method.summary, partial(app.set_method, name)))
    for article in app.articles:
        toggle = partial(app.action_toggle_source, article.id)
        commands.append(
            (f"Toggle source {article.id}: {article.label}", "turn this source on or off", toggle)
        )
    return commands


class BriefingCommands(Provider):
    """Fuzzy-matched palette hits; with no query, the full list for discovery."""

    def _commands(self) -> list[Command]:
        from tui.app import SummarizeApp

        return briefing_commands(self.app) if isinstance(self.app, SummarizeApp) else []

    async def discover(self) -> Hits:
        for name, help_text, callback in self._commands():
            yield DiscoveryHit(name, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, callback in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, text=name, help=help_text)
