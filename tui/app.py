"""The `summarize tui` application: sources, briefing, evidence, recomputed live.

Every briefing comes from `summarize.api.summarize`, run in a thread worker over articles read
once at start-up. A generation counter makes sure a slow, stale run never overwrites a newer
result; the UI thread only renders.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from textual import on, work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Footer, Header, OptionList, SelectionList
from textual.worker import get_current_worker

from summarize import registry
from summarize.api import BriefingOptions, summarize_with
from summarize.errors import ModelUnavailable, NoSourcesOn, SummarizeError
from summarize.ingest import Ingested
from summarize.output import write_atomic
from summarize.render import to_markdown
from summarize.schema import Briefing, Sentence
from tui.commands import BriefingCommands
from tui.screens.article import ArticleScreen, sentence_span
from tui.screens.export import ConfirmScreen, ExportScreen
from tui.screens.help import HelpScreen
from tui.screens.search import Match, SearchScreen
from tui.screens.timeline import TimelineScreen
from tui.widgets.briefing import BriefingView
from tui.widgets.evidence import EvidenceList
from tui.widgets.sources import SourcesList
from tui.widgets.status import StatusBar, StatusInfo

ALL_OFF = "All sources are off"
ALL_OFF_HINT = (
    "All sources are off — press space on a source to turn it back on "
    "(or a number key 1-9, or ctrl+p → All sources on)."
)
ABSTRACTIVE_FIX = "install one with `summarize models fetch NAME` (see `summarize models`)"


class SummarizeApp(App[None]):
    """Three panels (sources, briefing, evidence) over one in-memory set of articles."""

    CSS_PATH = "app.tcss"
    TITLE = "summarize"
    COMMANDS = App.COMMANDS | {BriefingCommands}
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]  # noqa: RUF012
    VERTICAL_BREAKPOINTS = [(0, "-short"), (30, "-tall")]  # noqa: RUF012
    WORD_STEP = 25
    MIN_WORDS = 25
    MAX_WORDS = 1000

    # The footer shows what fits: Help and Quit first, then toggling a source, length and
    # method; Copy and Theme live in the help and the palette.
    BINDINGS = [  # noqa: RUF012 - Textual reads class-level lists
        Binding("question_mark,f1", "help", "Help", tooltip="this list of keys"),
        Binding("q", "quit", "Quit"),
        Binding(
            "space",
            "toggle_highlighted",
            "Toggle",
            key_display="␣/1-9",
            tooltip="turn the highlighted source on or off",
        ),
        Binding(
            "plus,equals_sign",
            "longer",
            "Length",
            key_display="+/-",
            tooltip="a longer briefing (25 more words; - shorter)",
        ),
        Binding(
            "minus", "shorter", "Shorter", show=False, tooltip="a shorter briefing (25 fewer words)"
        ),
        Binding("m", "cycle_method", "Method", tooltip="the next ranking method"),
        Binding("a", "toggle_mode", "Abstractive", tooltip="rewrite with the local model, or back"),
        Binding("escape", "cancel", "Cancel rewrite", show=False, tooltip="stop a rewrite"),
        Binding("slash", "search", "Search", tooltip="find words in the articles"),
        Binding("o", "open_article", "Open", tooltip="open the article of the sentence"),
        Binding("l", "timeline", "Timeline", tooltip="the dated events, in order"),
        Binding("e", "export", "Export", tooltip="save the briefing as Markdown"),
        Binding("c", "copy", "Copy", show=False, tooltip="copy the briefing as Markdown"),
        Binding("t", "toggle_theme", "Theme", show=False, tooltip="light or dark"),
        *(
            Binding(str(n), f"toggle_source({n})", f"Toggle source {n}", show=False)
            for n in range(1, 10)
        ),
    ]

    GLOBAL_ACTIONS = frozenset({"quit", "help", "toggle_theme", "command_palette"})
    """App actions that make sense over any screen; the rest act on the main view only."""

    def __init__(
        self,
        sources: Ingested,
        options: BriefingOptions | None = None,
        *,
        included: Sequence[int] | None = None,
        show_timing: bool = True,
        sub_title: str = "",
    ) -> None:
        super().__init__()
        self.ingested = sources
        self.articles = sources.articles
        self.methods = registry.AVAILABLE_METHODS
        self.options = options or BriefingOptions()
        """How the briefing is made now: the keys change it, each change a new record."""
        self.initially_on = (
            frozenset(a.id for a in self.articles) if included is None else (frozenset(included))
        )
        self.show_timing = show_timing
        """False in snapshot tests: the elapsed milliseconds vary from run to run."""
        self.sub_title = sub_title
        self.briefing: Briefing | None = None
        self.notice: str | None = None
        """Why the app is not doing what was asked (no model, method unavailable, cancelled)."""
        self.generation = 0
        self.shown_generation = 0
        self.elapsed_ms: float | None = None
        self._busy = False
        self._streaming = False
        self._started = 0.0
        self._cancel: threading.Event | None = None
        self._failed_methods: set[str] = set()
        self._export_text = ""

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Hide and disable briefing actions while an article or dialog is on top."""
        if action in self.GLOBAL_ACTIONS or len(self.screen_stack) <= 1:
            return True
        return action not in {b.action.split("(")[0] for b in self._main_bindings()}

    def _main_bindings(self) -> list[Binding]:
        return [b for b in self.BINDINGS if isinstance(b, Binding)]

    # -- layout -------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="main"):
            yield SourcesList(self.articles, on=self.initially_on, id="sources")
            with Vertical(id="right"):
                yield BriefingView(id="briefing")
                yield EvidenceList(id="evidence")
        yield StatusBar(id="status")
        yield Footer()

    @property
    def busy(self) -> bool:
        """True while a briefing is being computed (or rewritten) for the current settings."""
        return self._busy

    @property
    def sources(self) -> SourcesList:
        return self.query_one(SourcesList)

    @property
    def view(self) -> BriefingView:
        return self.query_one(BriefingView)

    @property
    def evidence(self) -> EvidenceList:
        return self.query_one(EvidenceList)

    def on_mount(self) -> None:
        self.view.focus()
        self.recompute()

    def update_status(self) -> None:
        self.query_one(StatusBar).show(
            StatusInfo(
                method=self.options.method,
                mode=self.options.mode,
                budget=self.options.words,
                words=self.briefing.word_count if self.briefing else None,
                on=len(self.sources.selected),
                total=len(self.articles),
                elapsed_ms=self.elapsed_ms,
                busy=self._busy,
                show_timing=self.show_timing,
            )
        )

    # -- recomputing --------------------------------------------------------------------------

    def recompute(self) -> None:
        """Start a fresh briefing for the current settings; any older run is abandoned."""
        self.generation += 1
        generation = self.generation
        if self._cancel is not None:
            self._cancel.set()
        self._started = time.perf_counter()
        self._streaming = False
        on_ids = set(self.sources.selected)
        if not on_ids:
            self.workers.cancel_group(self, "briefing")
            self._busy = False
            self.call_later(
                self._deliver, generation, self.options, NoSourcesOn("every source is toggled off")
            )
            return
        exclude = tuple(a.id for a in self.articles if a.id not in on_ids)
        cancel = threading.Event()
        self._cancel = cancel
        self._busy = True
        self.update_status()
        self._summarise(generation, exclude, self.options, cancel)

    @work(exclusive=True, thread=True, group="briefing", exit_on_error=False)
    def _summarise(
        self,
        generation: int,
        exclude: tuple[int, ...],
        options: BriefingOptions,
        cancel: threading.Event,
    ) -> None:
        worker = get_current_worker()

        def on_token(token: str) -> None:
            if not (worker.is_cancelled or cancel.is_set()):
                self._from_thread(self._stream_token, generation, token)

        outcome: Briefing | SummarizeError
        try:
            outcome = summarize_with(
                self.ingested,
                options,
                exclude=exclude,
                on_token=on_token if options.mode == "abstractive" else None,
                cancel=cancel,
            )
        except SummarizeError as exc:
            outcome = exc
        except ImportError as exc:  # summarize.rewrite or torch not installed
            outcome = ModelUnavailable(
                f"{options.mode} {options.method} needs a missing module ({exc.name})",
                ABSTRACTIVE_FIX,
            )
        except Exception as exc:  # a bug must not take the whole UI down
            outcome = SummarizeError(
                f"internal error: {type(exc).__name__}: {exc}",
                "please report it with the sources used",
            )
        if worker.is_cancelled or cancel.is_set():
            return
        self._from_thread(self._deliver, generation, options, outcome)

    def _from_thread(self, callback: Callable[..., Any], *args: Any) -> None:
        with contextlib.suppress(RuntimeError):  # the app closed while the worker ran
            self.call_from_thread(callback, *args)

    async def _stream_token(self, generation: int, token: str) -> None:
        if generation != self.generation:
            return
        if not self._streaming:
            self._streaming = True
            await self.view.start_stream("Rewriting with the local model… (escape cancels)")
        self.view.append_token(token)

    async def _deliver(
        self, generation: int, options: BriefingOptions, outcome: Briefing | SummarizeError
    ) -> None:
        """Show a worker's result, unless a newer request has been made since."""
        if generation != self.generation:
            return
        self._busy = False
        self._streaming = False
        if isinstance(outcome, Briefing):
            self.briefing = outcome
            await self.view.show_briefing(outcome, self.notice)
        elif isinstance(outcome, ModelUnavailable):
            self._unavailable(options, outcome)
            return
        elif isinstance(outcome, NoSourcesOn):
            self.briefing = None
            await self.view.show_message(ALL_OFF, ALL_OFF_HINT, self.notice)
        else:
            self.briefing = None
            text = outcome.message + (f"\nTo fix: {outcome.fix}." if outcome.fix else "")
            await self.view.show_message("No briefing", text, self.notice)
        self.elapsed_ms = (time.perf_counter() - self._started) * 1000
        self.shown_generation = generation
        self.update_status()

    def _unavailable(self, asked: BriefingOptions, exc: ModelUnavailable) -> None:
        """A model is missing: say how to get it, fall back, and recompute."""
        fix = f" To get one: {exc.fix}." if exc.fix else ""
        method = asked.method
        if asked.mode == "abstractive":
            self.options = replace(self.options, mode="extractive")
            self.notice = f"Abstractive mode unavailable: {exc.message}.{fix} Staying extractive."
        else:
            self._failed_methods.add(method)
            fallback = self.briefing.method if self.briefing else registry.DEFAULT_METHOD
            fallback = fallback if fallback != method else registry.DEFAULT_METHOD
            self.options = replace(self.options, method=fallback)
            self.notice = f"Method {method} unavailable: {exc.message}.{fix} Using {fallback}."
        self.notify(self.notice, title="Model unavailable", severity="warning", timeout=8)
        self.recompute()

    # -- panel events -------------------------------------------------------------------------

    @on(SelectionList.SelectedChanged, "#sources")
    def _sources_changed(self) -> None:
        self.sources.show_on_state()
        self.recompute()

    @on(BriefingView.PointHighlighted)
    def _point_highlighted(self, event: BriefingView.PointHighlighted) -> None:
        point = event.point
        self.sources.mark_cited(point.citations if point else ())
        self.evidence.show(self.view.briefing, point)

    @on(OptionList.OptionSelected, "#evidence")
    def _evidence_chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.open_evidence(self.evidence.current)

    # -- actions ------------------------------------------------------------------------------

    def set_method(self, name: str) -> None:
        self.options = replace(self.options, method=registry.get(name).name)
        self._failed_methods.discard(name)
        self.notice = None
        self.recompute()

    def action_cycle_method(self) -> None:
        method = self.options.method
        names = [n for n in self.methods if n not in self._failed_methods or n == method]
        index = names.index(method) if method in names else -1
        self.set_method(names[(index + 1) % len(names)])

    def action_longer(self) -> None:
        self._set_words(min(self.MAX_WORDS, self.options.words + self.WORD_STEP))

    def action_shorter(self) -> None:
        self._set_words(max(self.MIN_WORDS, self.options.words - self.WORD_STEP))

    def _set_words(self, words: int) -> None:
        if words != self.options.words:
            self.options = replace(self.options, words=words)
            self.recompute()

    def action_toggle_mode(self) -> None:
        mode = "extractive" if self.options.mode == "abstractive" else "abstractive"
        self.options = replace(self.options, mode=mode)
        self.notice = None
        self.recompute()

    def action_cancel(self) -> None:
        """Stop an abstractive rewrite in flight and go back to the extractive briefing."""
        if self.options.mode != "abstractive" or not self._busy:
            return
        if self._cancel is not None:
            self._cancel.set()
        self.workers.cancel_group(self, "briefing")
        self.options = replace(self.options, mode="extractive")
        self.notice = "Rewrite cancelled: showing the extractive briefing."
        self.recompute()

    def action_toggle_source(self, doc_id: int) -> None:
        if any(a.id == doc_id for a in self.articles):
            self.sources.toggle(doc_id)
        else:  # a key past the last source did nothing, silently (a new user's audit)
            count = len(self.articles)
            self.notify(f"No source {doc_id}: there are {count} (keys 1-{min(count, 9)}).")

    def action_toggle_highlighted(self) -> None:
        """Space toggles the source highlighted in the Sources panel, whatever has focus."""
        highlighted = self.sources.highlighted
        if highlighted is not None and 0 <= highlighted < len(self.articles):
            self.sources.toggle(self.articles[highlighted].id)

    def action_all_sources_on(self) -> None:
        self.sources.select_all()

    def action_open_article(self) -> None:
        """The highlighted evidence sentence if that panel has focus, else the origin sentence."""
        if self.focused is self.evidence and self.evidence.current is not None:
            self.open_evidence(self.evidence.current)
            return
        point = self.view.point
        if point is not None:
            self.open_evidence(point.origin)

    def open_evidence(self, evidence: Sentence | None) -> None:
        if evidence is None:
            return
        article = next(a for a in self.articles if a.id == evidence.doc_id)
        self.push_screen(
            ArticleScreen(article, sentence_span(article, evidence.index, evidence.text))
        )

    def action_timeline(self) -> None:
        """Dated events from the sources turned on, in order (computed here: fast, pure)."""
        from summarize.events import timeline

        on = set(self.sources.selected)
        events = timeline([a for a in self.articles if a.id in on])
        self.push_screen(TimelineScreen(events), self.open_evidence)

    def action_search(self) -> None:
        self.push_screen(SearchScreen(self.articles), self._open_match)

    def _open_match(self, match: Match | None) -> None:
        if match is not None:
            article = next(a for a in self.articles if a.id == match.doc_id)
            self.push_screen(ArticleScreen(article, (match.start, match.end)))

    def action_export(self) -> None:
        if self.briefing is None:
            self.notify("Nothing to export: no briefing is shown.", severity="warning")
            return
        self._export_text = to_markdown(self.briefing)
        self.push_screen(ExportScreen(), self._export_to)

    def _export_to(self, path: str | None) -> None:
        if path is None:
            return
        target = Path(path).expanduser()
        if target.exists() and not target.is_dir():

            def answered(yes: bool | None) -> None:
                if yes:
                    self._write(target)
                else:
                    self.notify(f"Not written: {target} already exists.")

            self.push_screen(ConfirmScreen(f"{target} already exists. Overwrite it?"), answered)
        else:
            self._write(target)

    def _write(self, target: Path) -> None:
        try:
            write_atomic(target, self._export_text)
        except SummarizeError as exc:
            self.notify(str(exc), title="Export failed", severity="error")
        except OSError as exc:
            self.notify(
                f"cannot write {target}: {exc.strerror}", title="Export failed", severity="error"
            )
        else:
            self.notify(f"Wrote {target}", title="Exported")

    def action_copy(self) -> None:
        if self.briefing is None:
            self.notify("Nothing to copy: no briefing is shown.", severity="warning")
            return
        self.copy_to_clipboard(to_markdown(self.briefing))
        self.notify("Copied the briefing as Markdown.")

    def action_toggle_theme(self) -> None:
        self.theme = "textual-light" if self.current_theme.dark else "textual-dark"

    def action_help(self) -> None:
        self.push_screen(HelpScreen(self._main_bindings()))


def run(
    ingested: Ingested,
    options: BriefingOptions | None = None,
    *,
    included: Sequence[int] | None = None,
    label: str = "",
) -> None:
    """Run the app over articles already read; `summarize tui` parses and reads them."""
    app = SummarizeApp(
        ingested,
        options,
        included=included,
        sub_title=describe_sources(len(ingested.articles), label),
    )
    app.run()


def describe_sources(count: int, label: str = "") -> str:
    """The header's subtitle: "1 source · a.txt", "5 sources · seeds"."""
    return f"{count} source{'' if count == 1 else 's'}" + (f" · {label}" if label else "")
