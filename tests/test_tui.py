"""The TUI driven through Textual's Pilot on the real seed articles (no mocked ranker).

Tests are sync and run their Pilot session with `asyncio.run`, so no async pytest plugin is
needed. Snapshot tests (pytest-textual-snapshot) hide the elapsed milliseconds, which vary.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from textual.command import CommandList, CommandPalette
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Input, TextArea
from textual.worker import WorkerCancelled

from summarize.api import BriefingOptions
from summarize.cli import main
from summarize.ingest import load
from summarize.render import to_markdown
from summarize.schema import Article
from tui.app import ALL_OFF, SummarizeApp
from tui.screens.article import WINDOW, ArticleScreen
from tui.screens.export import ConfirmScreen, ExportScreen
from tui.screens.help import HelpScreen
from tui.screens.search import SearchScreen
from tui.widgets.status import StatusBar

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
Scenario = Callable[[Pilot[None]], Awaitable[None]]


def seeds_app(options: BriefingOptions | None = None, **settings: object) -> SummarizeApp:
    return SummarizeApp(load([SEEDS]), options, **settings)  # type: ignore[arg-type]


async def settle(pilot: Pilot[None]) -> None:
    """Wait until no briefing is being computed (a result may trigger a follow-up run)."""
    app = pilot.app
    assert isinstance(app, SummarizeApp)
    for _ in range(200):
        with contextlib.suppress(WorkerCancelled):  # superseded by a newer request
            await app.workers.wait_for_complete()
        await pilot.pause()
        if not app.busy and not app.workers:
            break
    await pilot.pause()


def drive(app: SummarizeApp, scenario: Scenario, size: tuple[int, int] = (120, 40)) -> None:
    async def main() -> None:
        async with app.run_test(size=size) as pilot:
            await settle(pilot)
            await scenario(pilot)

    asyncio.run(main())


def rendered(widget: Widget) -> str:
    """The text a widget (and, for a container, its children) draws: what the user sees."""
    children = [child for child in widget.children if child.display]
    if children:
        return "\n".join(rendered(child) for child in children)
    lines = (
        "".join(segment.text for segment in widget.render_line(y))
        for y in range(widget.size.height)
    )
    return "\n".join(line.rstrip() for line in lines)


def status_text(app: SummarizeApp) -> str:
    return rendered(app.query_one(StatusBar))


def all_text(app: SummarizeApp) -> str:
    return " ".join(p.text for p in app.briefing.points) if app.briefing else ""


def test_toggle_changes_briefing_and_citations() -> None:
    app = seeds_app()

    async def scenario(pilot: Pilot[None]) -> None:
        before = app.briefing
        assert before is not None and before.included == (1, 2, 3, 4, 5)
        assert any(1 in p.citations for p in before.points)
        assert "5/5" in status_text(app)

        await pilot.press("1")
        await settle(pilot)
        after = app.briefing
        assert after is not None and after.included == (2, 3, 4, 5)
        assert all(1 not in p.citations for p in after.points)
        assert after.points != before.points
        assert "4/5" in status_text(app)

        # Off and on again: the same briefing comes back (latency lives in benchmarks/).
        await pilot.press("2")
        await settle(pilot)
        assert app.briefing is not None and app.briefing.included == (3, 4, 5)
        await pilot.press("2")
        await settle(pilot)
        assert app.briefing is not None and app.briefing.points == after.points

    drive(app, scenario)


def test_sentence_cursor_marks_sources_and_evidence() -> None:
    app = seeds_app()

    async def scenario(pilot: Pilot[None]) -> None:
        assert app.briefing is not None
        for step in range(min(3, len(app.briefing.points))):
            point = app.briefing.points[step]
            assert app.view.cursor == step
            assert app.sources.cited == frozenset(point.citations)
            shown = [(e.doc_id, e.index) for e in app.evidence.items]
            expected = [(s.doc_id, s.index) for s in point.sentences]
            expected += [(s.sentence.doc_id, s.sentence.index) for s in point.support]
            assert shown[: len(expected)] == expected
            sides = [
                (s.doc_id, s.index)
                for n in point.disputes
                for side in app.briefing.disagreements[n].sides
                for s in side.sentences[:3]
            ]
            assert [x for x in shown[len(expected) :] if x in sides] == sides  # then the sides
            assert point.origin.text.split()[0] in rendered(app.evidence)
            await pilot.press("j")
        count = len(app.briefing.points)
        assert app.view.cursor == min(3, count - 1)
        await pilot.press("k")
        assert app.view.cursor == max(0, min(3, count - 1) - 1)

        await pilot.press("g", "o")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        origin = app.briefing.points[0].origin
        assert screen.article.id == origin.doc_id
        assert screen.selected_text == origin.text
        await pilot.press("escape")
        assert not isinstance(app.screen, ArticleScreen)

        # Evidence panel: enter on a supporting sentence opens its own article.
        point = next((p for p in app.briefing.points if p.support), None)
        if point is not None:
            app.view.cursor = app.briefing.points.index(point)
            await pilot.pause()
            app.evidence.focus()
            app.evidence.highlighted = len(point.sentences)  # past the point's own sentences
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, ArticleScreen)
            assert app.screen.selected_text == point.support[0].sentence.text

    drive(app, scenario)


def test_length_up_and_down_change_word_count() -> None:
    app = seeds_app(BriefingOptions(words=100))

    async def scenario(pilot: Pilot[None]) -> None:
        assert app.briefing is not None
        short = app.briefing.word_count
        await pilot.press("plus", "plus")
        await settle(pilot)
        assert app.options.words == 150 and app.briefing.words == 150
        assert app.briefing.word_count > short
        assert f"{app.briefing.word_count}/150" in status_text(app)
        for _ in range(10):
            await pilot.press("minus")
        await settle(pilot)
        assert app.options.words == SummarizeApp.MIN_WORDS
        assert app.briefing is None or app.briefing.words == SummarizeApp.MIN_WORDS
        # Only the newest of several quick requests is shown.
        assert app.shown_generation == app.generation

    drive(app, scenario)


def test_method_from_palette_and_cycle() -> None:
    app = seeds_app()

    async def scenario(pilot: Pilot[None]) -> None:
        assert app.briefing is not None
        consensus = app.briefing.points
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"method: lexrank")
        commands = app.screen.query_one(CommandList)
        for _ in range(100):
            await pilot.pause(0.02)
            if commands.option_count:
                break
        await pilot.press("enter")
        await settle(pilot)
        assert app.options.method == "lexrank" and app.briefing.method == "lexrank"
        assert app.briefing.points != consensus
        assert "lexrank" in status_text(app)

        await pilot.press("m")  # lexrank -> lead in registry order
        await settle(pilot)
        assert app.briefing.method == "lead"
        assert "lead" in status_text(app)

    drive(app, scenario)


def test_export_writes_and_never_overwrites_without_confirm(tmp_path: Path) -> None:
    app = seeds_app()
    target = tmp_path / "out.md"

    async def export(pilot: Pilot[None]) -> None:
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        field = app.screen.query_one(Input)
        assert field.value == "briefing.md"
        field.value = str(target)
        await pilot.press("enter")
        await pilot.pause()

    async def scenario(pilot: Pilot[None]) -> None:
        assert app.briefing is not None
        await export(pilot)
        assert target.read_text(encoding="utf-8") == to_markdown(app.briefing)

        target.write_text("keep me", encoding="utf-8")
        await export(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        assert target.read_text(encoding="utf-8") == "keep me"

        await export(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
        assert target.read_text(encoding="utf-8") == to_markdown(app.briefing)
        assert not list(tmp_path.glob(".out.md.*"))  # no temporary left behind

        await pilot.press("c")
        assert app.clipboard == to_markdown(app.briefing)

    drive(app, scenario)


def test_all_sources_off_shows_empty_state() -> None:
    app = seeds_app()

    async def scenario(pilot: Pilot[None]) -> None:
        await pilot.press("1", "2", "3", "4", "5")
        await settle(pilot)
        assert app.briefing is None
        shown = rendered(app.view)
        assert ALL_OFF in shown and "press space" in shown
        assert "0/5" in status_text(app)
        await pilot.press("e")  # nothing to export: no dialog
        assert not isinstance(app.screen, ExportScreen)

        app.sources.focus()
        await pilot.press("space")
        await settle(pilot)
        assert app.briefing is not None and app.briefing.included == (1,)
        assert "1/5" in status_text(app)

    drive(app, scenario)


def test_an_outlet_name_is_shown_whole_before_its_word_count() -> None:
    """The new-user audit: "The G…rdian" and "yorks…epost" in a panel with room to spare. A
    row too narrow for the label and the word count drops the count; the name is cut only
    when even that is not enough."""
    from tui.widgets.sources import source_prompt

    guardian = Article(2, "The Guardian", "Harlow was convicted on Friday.", date=None)
    roomy = source_prompt(guardian, False, width=40, longest=13).plain
    assert "The Guardian" in roomy and roomy.rstrip().endswith("w")
    tight = source_prompt(guardian, False, width=33, longest=13).plain
    assert "The Guardian" in tight and not tight.rstrip().endswith("w")
    off = source_prompt(guardian, False, width=33, longest=13, on=False).plain
    assert "The Guardian" in off and "off" in off
    assert "…" in source_prompt(guardian, False, width=20, longest=13).plain


def test_markup_in_articles_is_shown_literally(tmp_path: Path) -> None:
    markup = "Officials said [bold]not bold[/bold] and **stars** appear in the statement."
    (tmp_path / "a.txt").write_text(
        f"{markup} The river flooded the town on Monday after heavy rain.\n\n"
        "Rescue teams reached the town by boat on Tuesday morning.\n",
        encoding="utf-8",
    )
    (tmp_path / "b.txt").write_text(
        f"The river flooded the town on Monday after heavy rain. {markup}\n\n"
        "Residents were moved to a school on the hill.\n",
        encoding="utf-8",
    )
    app = SummarizeApp(load([tmp_path]))

    async def scenario(pilot: Pilot[None]) -> None:
        assert app.briefing is not None
        point = next(p for p in app.briefing.points if "[bold]" in p.text)
        app.view.cursor = app.briefing.points.index(point)
        await pilot.pause()
        for shown in (rendered(app.view), rendered(app.evidence)):
            assert "[bold]not bold[/bold]" in shown
            assert "**stars**" in shown
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, ArticleScreen)
        assert app.screen.selected_text == point.origin.text
        shown = rendered(app.screen.query_one(TextArea))
        assert "[bold]not bold[/bold]" in shown and "**stars**" in shown

    drive(app, scenario)


def test_abstractive_without_model_says_how_and_stays_extractive(tmp_path: Path) -> None:
    empty = tmp_path / "no-model"
    empty.mkdir()
    app = seeds_app(BriefingOptions(model=str(empty)))

    async def scenario(pilot: Pilot[None]) -> None:
        await pilot.press("a")
        await settle(pilot)
        assert app.options.mode == "extractive"
        assert app.briefing is not None and app.briefing.mode == "extractive"
        assert app.notice is not None and "Abstractive mode unavailable" in app.notice
        assert "To get one:" in app.notice
        assert "Abstractive mode unavailable" in rendered(app.view)
        assert "extractive" in status_text(app)

    drive(app, scenario)


@pytest.mark.skipif(
    os.environ.get("SUMMARIZE_TUI_MODEL_TESTS") != "1",
    reason="loads the real abstractive model (~20 s to the first token on 2 "
    "CPUs); set SUMMARIZE_TUI_MODEL_TESTS=1",
)
def test_abstractive_streams_and_escape_cancels() -> None:
    from models.catalogue import DEFAULT_ABSTRACTIVE
    from models.locate import availability

    if not availability(DEFAULT_ABSTRACTIVE).usable:
        pytest.skip("the default abstractive model is not installed")
    app = seeds_app()

    async def scenario(pilot: Pilot[None]) -> None:
        await pilot.press("a")
        start = time.perf_counter()
        while not app.view.streamed and time.perf_counter() - start < 120:
            await pilot.pause(0.05)
        assert app.view.streamed, "no token streamed into the briefing panel"
        assert "escape cancels" in status_text(app)
        await pilot.press("escape")
        await settle(pilot)
        assert app.options.mode == "extractive"
        assert app.briefing is not None and app.briefing.mode == "extractive"
        assert app.notice is not None and "cancelled" in app.notice

    drive(app, scenario)


def test_search_opens_article_at_match() -> None:
    app = seeds_app()

    async def scenario(pilot: Pilot[None]) -> None:
        await pilot.press("slash")
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen)
        await pilot.press(*"soleimani")
        await pilot.pause()
        assert app.screen.matches
        first = app.screen.matches[0]
        await pilot.press("enter", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ArticleScreen)
        assert app.screen.article.id == first.doc_id
        assert app.screen.selected_text.lower() == "soleimani"
        await pilot.press("plus")  # briefing keys are off while an article is shown
        assert app.options.words == 150

    drive(app, scenario)


def test_help_theme_and_resize() -> None:
    app = seeds_app()

    async def scenario(pilot: Pilot[None]) -> None:
        assert app.screen.has_class("-narrow")
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert "Export" in app.screen.text and "Search" in app.screen.text
        assert "(● marks the citing sources)" in app.screen.text  # the mark, a space, words
        assert "Export — save the briefing as Markdown" in app.screen.text
        await pilot.press("escape")
        dark = app.current_theme.dark
        await pilot.press("t")
        assert app.current_theme.dark is not dark
        await pilot.resize_terminal(130, 40)
        await pilot.pause()
        assert app.screen.has_class("-wide")
        assert app.view.size.width > 60 and app.sources.size.height > 20

    drive(app, scenario, size=(80, 24))


def test_huge_article_opens_windowed() -> None:
    paragraph = "The quick brown fox jumps over the lazy dog by the river today. " * 8
    text = "\n\n".join([paragraph] * 2000) + "\n\nThe needle sentence sits at the very end."
    article = Article(1, "huge", text)
    app = seeds_app()

    async def scenario(pilot: Pilot[None]) -> None:
        await app.push_screen(ArticleScreen(article, (len(text) - 41, len(text))))
        await pilot.pause()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ArticleScreen) and screen.windowed
        assert len(screen.query_one(TextArea).text) <= WINDOW
        assert screen.selected_text == "The needle sentence sits at the very end."
        await pilot.press("left_square_bracket")
        assert screen.window[1] < len(text)

    drive(app, scenario)


def test_space_toggles_the_highlighted_source_from_any_panel() -> None:
    app = seeds_app()

    async def scenario(pilot: Pilot[None]) -> None:
        assert app.focused is app.view
        app.sources.highlighted = 2
        await pilot.press("space")
        await settle(pilot)
        assert app.briefing is not None and app.briefing.included == (1, 2, 4, 5)
        app.evidence.focus()
        await pilot.press("space")
        await settle(pilot)
        assert app.briefing is not None and app.briefing.included == (1, 2, 3, 4, 5)

    drive(app, scenario)


def test_a_number_past_the_last_source_says_so() -> None:
    app = seeds_app()

    async def scenario(pilot: Pilot[None]) -> None:
        await pilot.press("9")
        await settle(pilot)
        assert app.briefing is not None and app.briefing.included == (1, 2, 3, 4, 5)
        assert [n.message for n in app._notifications] == ["No source 9: there are 5 (keys 1-5)."]

    drive(app, scenario)


def test_an_off_source_is_dimmed_as_a_whole_row() -> None:
    from tui.widgets.sources import OFF_STYLE

    app = seeds_app()

    async def scenario(pilot: Pilot[None]) -> None:
        await pilot.press("2")
        await settle(pilot)
        prompts = [app.sources.get_option_at_index(i).prompt for i in range(5)]
        off_spans = [{str(span.style) for span in p.spans} for p in prompts]
        assert off_spans[1] == {OFF_STYLE}
        assert all(OFF_STYLE not in spans for i, spans in enumerate(off_spans) if i != 1)

    drive(app, scenario)


def test_at_80_by_24_the_briefing_keeps_half_the_height() -> None:
    app = seeds_app()

    async def scenario(pilot: Pilot[None]) -> None:
        assert app.view.outer_size.height >= 12
        assert "sources 5/5" in status_text(app)

    drive(app, scenario, size=(80, 24))


def test_initial_toggles_and_the_source_count_subtitle() -> None:
    from tui.app import describe_sources

    assert describe_sources(1, "a.txt") == "1 source · a.txt"
    assert describe_sources(5, "seeds") == "5 sources · seeds"
    app = SummarizeApp(load([SEEDS]), included=(2, 3))

    async def scenario(pilot: Pilot[None]) -> None:
        assert app.briefing is not None and app.briefing.included == (2, 3)
        assert set(app.sources.selected) == {2, 3}

    drive(app, scenario)


def test_the_command_lines_options_make_the_briefing_and_keys_change_only_theirs() -> None:
    from summarize.cli import build_parser

    args = build_parser().parse_args(
        ["tui", str(SEEDS), "--words", "80", "--method", "lead", "--timeline"]
    )
    app = SummarizeApp(load([SEEDS]), BriefingOptions.from_args(args))

    async def scenario(pilot: Pilot[None]) -> None:
        assert app.briefing is not None
        assert (app.briefing.words, app.briefing.method) == (80, "lead")
        assert app.briefing.timeline  # --timeline reaches the briefing (and its export)
        await pilot.press("plus")
        await settle(pilot)
        assert app.options == BriefingOptions(words=105, method="lead", timeline=True)
        assert app.briefing.words == 105 and app.briefing.timeline

    drive(app, scenario)


def test_run_rejects_bad_input_in_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    for argv in (
        ["/no/such/folder"],
        ["--words", "0"],
        ["--method", "nope"],
        ["--bogus"],
        ["--words", "many"],
    ):
        assert main(["tui", *argv]) == 2
        err = capsys.readouterr().err
        assert err.startswith("summarize: error:") and err.count("\n") == 1, err


def test_snapshot_wide(snap_compare: Callable[..., bool]) -> None:
    assert snap_compare(seeds_app(show_timing=False), terminal_size=(120, 40), run_before=settle)


def test_snapshot_narrow(snap_compare: Callable[..., bool]) -> None:
    assert snap_compare(seeds_app(show_timing=False), terminal_size=(80, 24), run_before=settle)


def test_q_closes_the_timeline_as_it_closes_help_and_an_article() -> None:
    """Tried in a terminal: with the timeline open the footer still says "q Quit", and q did
    nothing (only escape closed it); help and an article close on q."""
    from tui.screens.timeline import TimelineScreen

    app = seeds_app()

    async def scenario(pilot: Pilot) -> None:
        await pilot.press("l")
        await pilot.pause()
        assert isinstance(app.screen, TimelineScreen)
        await pilot.press("q")
        await pilot.pause()
        assert not isinstance(app.screen, TimelineScreen)
        assert app.is_running

    drive(app, scenario)


def test_an_off_source_has_an_empty_checkbox() -> None:
    """New-user audit: a source toggled off kept its "X", told apart only by colour."""
    from tui.widgets.sources import SourcesList

    app = seeds_app()

    async def scenario(pilot: Pilot[None]) -> None:
        sources = app.query_one(SourcesList)
        assert all(sources.render_line(y).text.lstrip().startswith("▐X▌") for y in range(5))
        await pilot.press("4")
        await settle(pilot)
        rows = [sources.render_line(y).text.strip() for y in range(5)]
        assert rows[3].startswith("▐ ▌") and "off" in rows[3]
        assert all(row.startswith("▐X▌") for k, row in enumerate(rows) if k != 3)

    drive(app, scenario)


def test_every_key_of_help_fits_a_40_row_terminal() -> None:
    """New-user audit: help drew a rule under every key and ran past a 120x40 terminal, its
    "escape closes" under a cut-off list."""
    from textual.containers import VerticalScroll

    app = seeds_app()

    async def scenario(pilot: Pilot[None]) -> None:
        await pilot.resize_terminal(120, 40)
        await pilot.press("question_mark")
        await pilot.pause()
        scroll = app.screen.query_one(VerticalScroll)
        assert scroll.max_scroll_y == 0, scroll.max_scroll_y

    drive(app, scenario)
