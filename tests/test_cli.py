"""End to end through the real CLI entry point, including every bad input the user can give."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from summarize.cli import main
from summarize.registry import DEFAULT_METHOD
from summarize.sentences import split_sentences

STORY = (
    "Floods hit the northern city of Mosul on Monday, officials said. "
    "Rescue teams reached 300 families by the evening. The rain is expected to ease."
)


def run(args, capsys):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def assert_one_line_error(code, err, *fragments):
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("summarize: error: ")
    assert "Traceback" not in err
    for fragment in fragments:
        assert fragment in lines[0]


def test_markdown_briefing_of_the_seeds(seeds, capsys):
    code, out, err = run([seeds], capsys)
    assert code == 0
    assert out.startswith("# ")
    assert "## Key points" in out and "## Sources" in out
    assert "| 5 | 004 | 2020-01-01 | 560 |" in out
    assert "| 3 | AFP via LatestLY |" in out
    assert f"method `{DEFAULT_METHOD}`" in out.splitlines()[-1]
    assert "skipped seeds/README.md" in err.replace(str(seeds.parent) + "/", "")


def test_text_format_is_one_sentence_per_line_within_budget(seeds, capsys):
    code, out, _ = run([seeds, "-f", "text", "--words", "80", "-q"], capsys)
    assert code == 0
    assert len(out.split()) <= 80
    assert "[" not in out
    # at 150 words a point is the Defense Department's statement and its quoted continuation
    code, out, _ = run([seeds, "-f", "text", "-q"], capsys)
    lines = out.splitlines()
    assert all(len(split_sentences(line)) == 1 for line in lines), lines
    assert any(line.startswith("The statement continued") for line in lines)


def test_json_format_follows_the_schema(seeds, capsys):
    _, out, _ = run([seeds, "-f", "json", "-q"], capsys)
    data = json.loads(out)
    assert data["schema"] == "summarize.briefing/1"
    assert data["word_count"] <= data["words_budget"] == 150
    for point in data["points"]:
        assert point["source"]["id"] in point["citations"]
        assert {s["id"] for s in point["support"]} <= set(point["citations"])
    assert [s["id"] for s in data["sources"]] == [1, 2, 3, 4, 5]


def test_exclude_and_only_toggle_sources(seeds, capsys):
    _, out, _ = run([seeds, "-f", "json", "-q", "--exclude", "1,The Washington Post"], capsys)
    data = json.loads(out)
    cited = {c for p in data["points"] for c in p["citations"]}
    assert cited <= {2, 3, 5}
    assert [s["included"] for s in data["sources"]] == [False, True, True, False, True]
    _, out, _ = run([seeds, "-f", "json", "-q", "--only", "3"], capsys)
    assert {c for p in json.loads(out)["points"] for c in p["citations"]} == {3}


def test_every_source_excluded(seeds, capsys):
    code, _, err = run([seeds, "--exclude", "1,2,3,4,5"], capsys)
    assert_one_line_error(code, err, "every source is toggled off")


def test_unknown_source_toggle_lists_the_choices(seeds, capsys):
    code, _, err = run([seeds, "--exclude", "9"], capsys)
    assert_one_line_error(code, err, "no source '9'", "1=000, 2=001")


def test_output_file_is_written_atomically_and_kept_on_failure(seeds, tmp_path, capsys):
    target = tmp_path / "brief.md"
    target.write_text("my notes\n", encoding="utf-8")
    code, _, err = run([tmp_path / "missing.txt", "-o", target], capsys)
    assert_one_line_error(code, err, "no such file")
    assert target.read_text(encoding="utf-8") == "my notes\n"
    code, out, _ = run([seeds, "-o", target, "-q"], capsys)
    assert code == 0 and out == ""
    assert target.read_text(encoding="utf-8").startswith("# ")
    assert [p.name for p in tmp_path.iterdir()] == ["brief.md"]


def test_single_article_works_and_says_so(seed_files, capsys):
    code, out, err = run([seed_files[0]], capsys)
    assert code == 0
    assert "only one article" in err
    assert "[1]" in out


def test_identical_duplicates_are_read_once_and_shown_as_copies(seed_files, tmp_path, capsys):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(seed_files[1].read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "c.txt").write_text(seed_files[3].read_text(encoding="utf-8"), encoding="utf-8")
    code, out, err = run([tmp_path, "-f", "json"], capsys)
    assert code == 0
    assert "identical" in err
    data = json.loads(out)
    assert all(2 not in point["citations"] for point in data["points"])
    assert data["sources"][1]["copy_of"] == 1


def _file(path, content: bytes):
    path.write_bytes(content)
    return path


@pytest.mark.parametrize(
    ("setup", "fragment"),
    [
        (lambda d: d / "missing.txt", "no such file"),
        (lambda d: _file(d / "e.txt", b""), "is empty"),
        (lambda d: _file(d / "b.txt", b"\x00\x9f\x92\x96" * 300), "binary"),
        (lambda d: _file(d / "s.jpg", b"\xff\xd8\xff\xe0") and d, "holds no article files"),
    ],
)
def test_bad_inputs_exit_2_with_one_line(tmp_path, capsys, setup, fragment):
    code, out, err = run([setup(tmp_path)], capsys)
    assert out == ""
    assert_one_line_error(code, err, fragment)


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["--words", "0"], "--words"),
        (["--words", "many"], "--words"),
        (["--method", "nope"], "--method"),
        (["--format", "pdf"], "--format"),
        (["--exclude", "1", "--only", "2"], "not allowed with"),
        (["--only", ","], "names no source"),  # it kept every source on
        (["--exclude", " "], "names no source"),
    ],
)
def test_bad_usage_exits_2_with_one_line(seeds, capsys, args, fragment):
    code, _, err = run([seeds, *args], capsys)
    assert_one_line_error(code, err, fragment)


def test_latin1_and_utf16_articles_summarise(tmp_path, capsys):
    (tmp_path / "a.txt").write_bytes(STORY.replace("Mosul", "Mosul café").encode("latin-1"))
    (tmp_path / "b.txt").write_bytes(STORY.replace("300", "three hundred").encode("utf-16"))
    code, out, err = run([tmp_path, "-f", "text"], capsys)
    assert code == 0
    assert "read as" in err
    assert "Floods hit" in out


def test_markup_inside_articles_comes_out_literally(tmp_path, capsys):
    text = (
        "The minister said **nothing** about [the plan](http://x.y) on Monday, aides said. "
        "Critics called the [bold]budget[/bold] a <b>disaster</b> for the 12 regions."
    )
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "b.txt").write_text(text.replace("Monday", "Tuesday"), encoding="utf-8")
    code, out, _ = run([tmp_path, "-f", "text", "-q"], capsys)
    assert code == 0
    assert "**nothing**" in out and "[bold]budget[/bold]" in out and "<b>disaster</b>" in out
    _, out, _ = run([tmp_path, "-q"], capsys)
    assert r"\*\*nothing\*\*" in out and r"\[bold\]budget\[/bold\]" in out
    assert r"\<b\>disaster\</b\>" in out


def test_huge_unpunctuated_sentence_and_non_english_text(tmp_path, capsys):
    (tmp_path / "wall.txt").write_text(" ".join(["lorem"] * 200_000), encoding="utf-8")
    (tmp_path / "de.txt").write_text(
        "Die Regierung hat am Montag neue Hilfen angekündigt. Rund 300 Familien sind betroffen. "
        "Der Regen soll am Dienstag nachlassen, sagte ein Sprecher.",
        encoding="utf-8",
    )
    code, out, _ = run([tmp_path, "-f", "text", "-q", "--words", "60"], capsys)
    assert code == 0
    assert 0 < len(out.split()) <= 60


def test_budget_smaller_than_every_sentence_names_the_fix(seed_files, capsys):
    code, _, err = run([seed_files[0], "--words", "2"], capsys)
    assert_one_line_error(code, err, "raise --words")


def test_python_dash_m_and_stdin(seed_files):
    result = subprocess.run(
        [sys.executable, "-m", "summarize", "-", "-f", "text", "--words", "60"],
        input=seed_files[0].read_bytes(),
        capture_output=True,
        check=True,
    )
    assert 0 < len(result.stdout.split()) <= 60


def test_the_briefing_options_are_one_record_with_one_set_of_defaults(seeds):
    """The CLI's options read into `BriefingOptions`, whose defaults are the CLI's and the
    keyword APIs'; the keywords and the record make the same briefing."""
    import dataclasses
    import inspect

    import summarize
    from summarize import BriefingOptions
    from summarize.cli import build_parser

    parser = build_parser()
    for verb in ("brief", "tui", "batch"):
        assert BriefingOptions.from_args(parser.parse_args([verb, str(seeds)])) == (
            BriefingOptions()
        )
    given = ["--words", "90", "-m", "random", "--mode", "abstractive", "--model", "x"]
    args = parser.parse_args(["brief", str(seeds), *given, "--seed", "5", "--timeline"])
    assert BriefingOptions.from_args(args) == BriefingOptions(
        90, "random", "abstractive", "x", 5, True
    )
    for function in (summarize.summarize, summarize.batch):
        keywords = inspect.signature(function).parameters
        for name, default in BriefingOptions().to_dict().items():
            assert keywords[name].default == default, (function.__name__, name)

    options = BriefingOptions(words=90, method="random", seed=5, timeline=True)
    briefing = summarize.summarize_with([seeds], options)
    assert briefing == summarize.summarize([seeds], **options.to_dict())
    assert briefing.words == 90 and briefing.method == "random" and briefing.timeline is not None
    reseeded = summarize.summarize_with([seeds], dataclasses.replace(options, seed=6))
    assert reseeded.points != briefing.points  # the seed reaches the ranker


def test_methods_command_lists_the_registry(capsys):
    code, out, _ = run(["methods"], capsys)
    assert code == 0
    for name in ("consensus", "lexrank", "lead", "random"):
        assert name in out


def test_a_large_folder_shows_each_stage_on_stderr_and_q_silences_it(tmp_path, capsys):
    """From 50 articles a briefing takes seconds: the user hears each stage, unless -q."""
    for n in range(55):
        (tmp_path / f"a{n:02d}.txt").write_text(
            f"Floods hit the northern city of Mosul on Monday, officials said. Rescue teams "
            f"reached {300 + n} families by the evening, the agency said in report {n}. The "
            f"rain is expected to ease by Wednesday, forecasters said.\n",
            encoding="utf-8",
        )
    code, out, err = run([tmp_path], capsys)
    assert code == 0 and out.startswith("# ")
    stages = [line for line in err.splitlines() if line.endswith("…")]
    assert stages[0] == "summarize: splitting 55 articles into sentences …", err
    assert len(stages) == 3
    code, _, err = run([tmp_path, "-q"], capsys)
    assert code == 0 and err == ""
    code, _, err = run([tmp_path, "--only", "1,2,3"], capsys)
    assert code == 0 and "reading" not in err  # a small briefing is the answer at once


def test_the_parser_does_not_import_the_batch_machinery():
    """`batch` is one verb of the parser every start-up builds; its engines (multiprocessing,
    batch_io) load only when it runs."""
    code = (
        "import sys; from summarize.cli import build_parser; build_parser();"
        "print(sorted(m for m in ('summarize.batch_api', 'summarize.batch_engines',"
        " 'multiprocessing') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_only_the_command_line_freezes_the_garbage_collector(seeds, capsys):
    """`main()` ends its process and skips the last collection (`_before_exit`); a caller that
    passes `argv` goes on living, with its collector as it was."""
    import gc

    before = gc.get_freeze_count()
    code, out, _ = run([seeds, "-f", "text"], capsys)
    assert code == 0 and out
    assert gc.get_freeze_count() == before
    done = subprocess.run(
        [sys.executable, "-m", "summarize", str(seeds), "-q", "-f", "text"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout == out
