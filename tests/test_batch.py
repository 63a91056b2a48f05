"""`summarize batch` and `summarize.batch()`: end to end through the real CLI in subprocesses
(each bounded by a timeout, its whole process group killed if it overruns), equality with the
single-story CLI, a Dask LocalCluster run, a worker killed mid-run, and the chunking math.

No timed assertions: throughput lives in `python -m benchmarks batch`."""

from __future__ import annotations

import contextlib
import importlib.util
import json
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from summarize.api import BriefingOptions
from summarize.batch_engines import FIRST_CHUNK, MAX_CHUNK, TASKS_PER_WORKER, chunk_size

ROOT = Path(__file__).resolve().parents[1]
SEED_TEXTS = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]

FLOODS = [
    "Floods hit the northern city of Mosul on Monday, officials said. Rescue teams reached 300 "
    "families by the evening. The rain is expected to ease on Wednesday.",
    "Heavy rain flooded Mosul on Monday and rescue teams reached 300 families, the governor "
    "said. Schools in the city will stay closed until the rain eases.",
]
FIRE = [
    "A fire destroyed a warehouse in the port of Odesa on Tuesday, the fire service said. "
    "Nobody was hurt. Firefighters fought the blaze for six hours.",
    "Firefighters in Odesa spent six hours on Tuesday putting out a fire that destroyed a port "
    "warehouse. The fire service said nobody was hurt.",
]


def _run(
    args: list[str], *, stdin: str | None = None, cwd: Path = ROOT, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """`python -m summarize ARGS` in its own session: on timeout the whole process group (the
    pool's workers too) is killed, so no test leaves a process behind."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen(
        [sys.executable, "-m", "summarize", *args],
        cwd=cwd,
        env=env,
        stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        out, err = process.communicate(stdin, timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        pytest.fail(f"summarize {' '.join(args)} ran over {timeout} s")
    return subprocess.CompletedProcess(process.args, process.returncode, out, err)


def _script(code: str, timeout: float = 150) -> subprocess.CompletedProcess[str]:
    """Run Python `code` in its own session, killed with everything it started on timeout."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(code)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        out, err = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        pytest.fail(f"the script ran over {timeout} s")
    finally:
        # Dask's worker processes outlive a client that crashed: end the whole group.
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
    return subprocess.CompletedProcess(process.args, process.returncode, out, err)


def _lines(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def _write_jsonl(path: Path, records: list[Any]) -> Path:
    path.write_text(
        "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records),
        encoding="utf-8",
    )
    return path


def _one_error_line(result: subprocess.CompletedProcess[str], *fragments: str) -> None:
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("summarize: error: ")
    assert "Traceback" not in result.stderr
    for fragment in fragments:
        assert fragment in lines[0]


def _without_timings(briefing: dict[str, Any]) -> str:
    """The briefing as JSON text minus `timings_s`, the one field that is a measurement."""
    return json.dumps({k: v for k, v in briefing.items() if k != "timings_s"}, ensure_ascii=False)


# -- chunking math -------------------------------------------------------------------------------


def test_first_chunks_are_small_until_a_story_is_timed() -> None:
    assert chunk_size(1000, 2, None) == FIRST_CHUNK


def test_chunk_lasts_about_the_target_time() -> None:
    # 10 ms a story, 0.5 s a task: 50 stories, well under a quarter share of 10,000 / 2
    assert chunk_size(10_000, 2, 0.01, target_s=0.5) == 50


def test_the_tail_is_cut_into_quarter_shares_so_workers_end_together() -> None:
    # 40 stories left, 2 workers: at most ceil(40 / (2 * 4)) = 5 a task, however fast
    assert chunk_size(40, 2, 0.0001, target_s=0.5) == 40 // (2 * TASKS_PER_WORKER)
    assert chunk_size(3, 8, 0.0001) == 1


def test_chunks_are_capped_and_never_empty_while_stories_remain() -> None:
    assert chunk_size(10**9, 1, 1e-9) == MAX_CHUNK
    assert chunk_size(1, 4, 100.0) == 1
    assert chunk_size(5, 1, 100.0) == 1  # a slow story still goes alone, never 0
    assert chunk_size(0, 2, 0.01) == 0


# -- the local engine, end to end ----------------------------------------------------------------


@pytest.fixture
def stories(tmp_path: Path) -> Path:
    return _write_jsonl(
        tmp_path / "stories.jsonl",
        [
            {"id": "floods", "documents": FLOODS},
            {"id": "fire", "articles": [{"title": "Port fire", "text": t} for t in FIRE]},
            "this line is not JSON",
            {"id": "empty", "documents": []},
            {"id": "blank", "documents": ["   "]},
        ],
    )


def test_every_story_is_one_line_and_bad_stories_are_error_lines(
    stories: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out.jsonl"
    result = _run(["batch", str(stories), "-o", str(out), "--workers", "2", "--words", "40"])
    assert result.returncode == 1, result.stderr  # some stories failed: not a clean run
    assert "Traceback" not in result.stderr
    records = {r["id"]: r for r in _lines(out.read_text(encoding="utf-8"))}
    assert set(records) == {"floods", "fire", "<line 3>", "empty", "blank"}
    for ok in ("floods", "fire"):
        assert records[ok]["briefing"]["schema"] == "summarize.briefing/1"
        assert records[ok]["briefing"]["word_count"] <= 40
        assert records[ok]["options"] == BriefingOptions(words=40).to_dict()
    for bad in ("<line 3>", "empty", "blank"):
        assert set(records[bad]) == {"id", "error"}
        assert records[bad]["error"]["message"] and "fix" in records[bad]["error"]
    assert "5 stories" in result.stderr and "3 errors" in result.stderr
    assert result.stderr.splitlines()[-1] == (
        f"summarize: 3 of 5 stories failed; see the error lines in {out} (rerun with "
        "--retry-errors)"
    )


def test_failed_stories_exit_1_with_one_line_even_when_quiet(tmp_path: Path) -> None:
    good = json.dumps({"id": "floods", "documents": FLOODS})
    args = ["batch", "-", "-q", "--workers", "1"]
    result = _run(args, stdin=f"{good}\n{{not json\n")
    assert result.returncode == 1
    assert result.stderr == (
        "summarize: 1 of 2 stories failed; see the error line in standard output\n"
    )
    assert [r["id"] for r in _lines(result.stdout)] in (
        ["floods", "<line 2>"],
        ["<line 2>", "floods"],
    )
    out = tmp_path / "out.jsonl"
    result = _run([*args, "-o", str(out)], stdin=f"{good}\n{{not json\n")
    assert result.returncode == 1
    assert result.stderr.endswith(f"see the error line in {out} (rerun with --retry-errors)\n")
    # the next run has nothing left to do, but the output still holds an error line: 1, so
    # that `summarize batch ... && publish` does not go on as if every story had come out
    rerun = _run([*args, "-o", str(out)], stdin=f"{good}\n{{not json\n")
    assert rerun.returncode == 1 and "(rerun with --retry-errors)" in rerun.stderr


def test_resume_after_a_truncated_output_runs_only_what_is_missing(
    stories: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out.jsonl"
    args = ["batch", str(stories), "-o", str(out), "--workers", "1", "--words", "40"]
    assert _run(args).returncode == 1  # 3 of the 5 stories are error lines
    full = out.read_bytes()
    first_lines = full.splitlines(keepends=True)
    kept = b"".join(first_lines[:2])
    out.write_bytes(kept + first_lines[2][:25])  # a run killed in the middle of a line
    result = _run(args)
    assert result.returncode == 1, result.stderr  # 3 rerun, and 3 of the 5 are bad
    assert "incomplete last line" in result.stderr
    assert "resuming" in result.stderr
    again = out.read_bytes()
    assert again.startswith(kept)
    ids = [r["id"] for r in _lines(again.decode("utf-8"))]
    assert sorted(ids) == sorted({"floods", "fire", "<line 3>", "empty", "blank"})
    # all done: a third run does nothing and says so (1: three of them are error lines)
    third = _run(args)
    assert third.returncode == 1 and "nothing to do" in third.stderr
    assert out.read_bytes() == again


def test_standard_input_in_standard_output_out_and_quiet_is_silent(tmp_path: Path) -> None:
    text = json.dumps({"id": "floods", "documents": FLOODS}) + "\n"
    result = _run(["batch", "-", "-q", "--workers", "1", "--words", "30"], stdin=text)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    [record] = _lines(result.stdout)
    assert record["id"] == "floods" and record["briefing"]["word_count"] <= 30


def test_a_folder_of_story_folders_is_read_like_summarize_reads_each(tmp_path: Path) -> None:
    for name, texts in (("floods", FLOODS), ("fire", FIRE)):
        folder = tmp_path / "stories" / name
        folder.mkdir(parents=True)
        for number, text in enumerate(texts):
            (folder / f"{number}.txt").write_text(text, encoding="utf-8")
    result = _run(["batch", "stories", "-q", "--workers", "1"], cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    got = {r["id"]: r["briefing"] for r in _lines(result.stdout)}
    assert set(got) == {"floods", "fire"}
    single = _run(["stories/fire", "-f", "json", "-q"], cwd=tmp_path)
    assert _without_timings(got["fire"]) == _without_timings(json.loads(single.stdout))


def test_duplicate_ids_are_refused_before_any_work(tmp_path: Path) -> None:
    path = _write_jsonl(
        tmp_path / "dup.jsonl",
        [
            {"id": "a", "documents": FLOODS},
            {"id": "b", "documents": FIRE},
            {"id": "a", "documents": FIRE},
        ],
    )
    out = tmp_path / "out.jsonl"
    result = _run(["batch", str(path), "-o", str(out)])
    _one_error_line(result, "duplicate story id 'a'", "lines 1 and 3")
    assert not out.exists()


@pytest.mark.parametrize(
    ("make", "fragment"),
    [
        (lambda d: d / "missing.jsonl", "no such file"),
        (lambda d: _write_bytes(d / "photo.jsonl", b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe"), "binary"),
        (lambda d: _write_bytes(d / "empty.jsonl", b"\n\n"), "holds no stories"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(tmp_path: Path, make: Any, fragment: str) -> None:
    _one_error_line(_run(["batch", str(make(tmp_path))]), fragment)


def _write_bytes(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_output_equal_to_input_is_refused(stories: Path) -> None:
    before = stories.read_bytes()
    _one_error_line(_run(["batch", str(stories), "-o", str(stories)]), "it is the INPUT")
    assert stories.read_bytes() == before


@pytest.fixture
def done(stories: Path, tmp_path: Path) -> Path:
    """OUTPUT of a finished run of `stories` with the default options."""
    out = tmp_path / "out.jsonl"
    assert _run(["batch", str(stories), "-o", str(out), "-q", "--workers", "1"]).returncode == 1
    return out


@pytest.mark.parametrize(
    ("options", "made", "asked"),
    [
        (["--words", "60"], "--words 150", "--words 60"),
        (["--seed", "3"], "--seed 0", "--seed 3"),
        (["--model", "smollm2"], "no --model", "--model smollm2"),
        (["--method", "lead", "--timeline"], "--method coverage, no --timeline", "--method lead"),
    ],
)
def test_resume_with_other_options_is_refused(
    stories: Path, done: Path, options: list[str], made: str, asked: str
) -> None:
    before = done.read_bytes()
    result = _run(["batch", str(stories), "-o", str(done), *options])
    _one_error_line(result, f"holds briefings made with {made}; this run asks for {asked}")
    assert done.read_bytes() == before


def test_output_of_an_earlier_version_resumes_on_what_its_briefings_show(
    stories: Path, done: Path
) -> None:
    """Lines written before they recorded their options: the options their briefings show are
    compared, and the run says which it cannot check."""
    records = [r for r in _lines(done.read_text(encoding="utf-8")) if r["id"] != "fire"]
    for record in records:
        record.pop("options", None)
    _write_jsonl(done, records)
    _one_error_line(_run(["batch", str(stories), "-o", str(done), "--words", "60"]), "--words")
    result = _run(["batch", str(stories), "-o", str(done), "--seed", "3", "--workers", "1"])
    assert result.returncode == 1, result.stderr  # the error lines the first run left
    assert "3 of 5 stories failed" in result.stderr
    assert "did not record --model or --seed" in result.stderr
    assert sorted(r["id"] for r in _lines(done.read_text(encoding="utf-8"))) == sorted(
        ["floods", "fire", "<line 3>", "empty", "blank"]
    )


def test_a_killed_local_worker_loses_no_story(tmp_path: Path) -> None:
    records = [{"id": f"s{i}", "documents": FLOODS if i % 2 else FIRE} for i in range(10)]
    path = _write_jsonl(tmp_path / "s.jsonl", records)
    result = _script(
        f"""
        import json, multiprocessing, os, signal, summarize
        killed = None
        for r in summarize.batch({str(path)!r}, words=40, workers=2, chunk=1):
            print(json.dumps([r.id, r.ok, r.error and r.error.message]), flush=True)
            if killed is None:
                killed = multiprocessing.active_children()[0].pid
                os.kill(killed, signal.SIGKILL)
        print(json.dumps(["killed", bool(killed), None]))
        """
    )
    assert result.returncode == 0, result.stderr[-3000:]
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows[-1][:2] == ["killed", True]
    assert sorted(row[0] for row in rows[:-1]) == sorted(r["id"] for r in records)
    assert all(ok for _, ok, _ in rows[:-1]), rows


def test_retry_errors_runs_the_error_lines_again_without_duplicates(
    stories: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out.jsonl"
    args = ["batch", str(stories), "-o", str(out), "--workers", "1", "--words", "40"]
    assert _run(args).returncode == 1
    again = _run(args)  # nothing left to run, but the error lines are still there
    assert again.returncode == 1 and "nothing to do" in again.stderr
    assert "3 of 5 stories failed" in again.stderr and "--retry-errors" in again.stderr
    result = _run([*args, "--retry-errors"])
    assert result.returncode == 1, result.stderr  # they fail again
    assert "dropped 3 error line(s)" in result.stderr
    assert "summarize: 3 of 5 stories failed" in result.stderr
    records = _lines(out.read_text(encoding="utf-8"))
    assert sorted(r["id"] for r in records) == sorted(
        ["floods", "fire", "<line 3>", "empty", "blank"]
    )
    assert [r["id"] for r in records[:2]] in (["floods", "fire"], ["fire", "floods"])


def test_python_api_yields_results_and_refuses_duplicates_up_front() -> None:
    result = _script(
        f"""
        import json, summarize
        stories = [{{"id": "floods", "documents": {FLOODS!r}}}, {{"id": 7, "documents": []}}]
        results = list(summarize.batch(stories, words=40, workers=1))
        got = {{r.id: (r.ok, r.error and r.error.message) for r in results}}
        print(json.dumps(got))
        print([r.options == summarize.BriefingOptions(words=40) for r in results if r.ok])
        try:
            summarize.batch([{{"id": "a", "documents": ["x"]}}] * 2)
        except summarize.SummarizeError as exc:
            print(exc.message)
        """
    )
    assert result.returncode == 0, result.stderr[-3000:]
    first, options, second = result.stdout.splitlines()
    got = json.loads(first)
    assert options == "[True]"  # each result knows the options that made it
    assert got["floods"] == [True, None]
    assert got["7"][0] is False and "empty 'documents'" in got["7"][1]
    assert "duplicate story id 'a'" in second


def test_progress_line_counts_rate_errors_and_eta() -> None:
    import io

    from summarize.batch_io import Progress

    stream = io.StringIO()
    progress = Progress(10, stream=stream)
    for failed in (False, True, False, False):
        progress.step(failed)
    line = progress.line(progress.start + 2.0)
    assert line == "summarize: 4/10 stories, 2.0/s, 1 error, ETA 0:03"
    progress.close()
    assert stream.getvalue() == ""  # not a terminal: a line only every 10 s
    assert Progress(3, enabled=False).line().startswith("summarize: 0/3 stories")


# -- the same briefing as `summarize -f json` ----------------------------------------------------


def test_briefing_equals_the_single_story_cli_on_the_seeds(tmp_path: Path) -> None:
    record = {"id": "seeds", "documents": SEED_TEXTS}
    articles = {
        "id": "seeds-articles",
        "articles": [
            {"title": f"Report {i}", "text": t, "source": f"Outlet {i}", "date": "2020-01-03"}
            for i, t in enumerate(SEED_TEXTS[:3])
        ],
    }
    path = _write_jsonl(tmp_path / "seeds.jsonl", [record, articles])
    options = ["--words", "120", "--timeline"]
    result = _run(["batch", str(path), "-q", "--workers", "2", *options])
    assert result.returncode == 0, result.stderr
    got = {r["id"]: r["briefing"] for r in _lines(result.stdout)}
    for item in (record, articles):
        # the story's line saved as ID.json is what `summarize` reads the same articles from
        (tmp_path / f"{item['id']}.json").write_text(json.dumps(item), encoding="utf-8")
        single = _run([f"{item['id']}.json", "-f", "json", "-q", *options], cwd=tmp_path)
        assert single.returncode == 0, single.stderr
        assert _without_timings(got[item["id"]]) == _without_timings(json.loads(single.stdout))


# -- Dask ----------------------------------------------------------------------------------------

needs_dask = pytest.mark.skipif(
    importlib.util.find_spec("distributed") is None,
    reason="the dask extra is not installed",
)


@needs_dask
def test_dask_local_cluster_on_loopback(tmp_path: Path) -> None:
    path = _write_jsonl(
        tmp_path / "s.jsonl",
        [{"id": "floods", "documents": FLOODS}, {"id": "fire", "documents": FIRE}, "{oops"],
    )
    result = _script(
        f"""
        import json, summarize
        from distributed import Client, LocalCluster
        with LocalCluster(n_workers=1, threads_per_worker=2, processes=False, protocol="tcp://",
                          host="127.0.0.1", dashboard_address=None) as cluster, \\
                Client(cluster) as client:
            for r in summarize.batch({str(path)!r}, words=40, scheduler=client):
                words = r.briefing and r.briefing["word_count"]
                print(json.dumps([r.id, r.ok, words, r.error and r.error.message]))
        """
    )
    assert result.returncode == 0, result.stderr[-3000:]
    got = {row[0]: row[1:3] for row in map(json.loads, result.stdout.splitlines())}
    assert set(got) == {"floods", "fire", "<line 3>"}
    assert got["floods"][0] and got["fire"][0] and not got["<line 3>"][0]
    assert all(0 < words <= 40 for ok, words in got.values() if ok)


@needs_dask
def test_a_killed_dask_worker_loses_no_story(tmp_path: Path) -> None:
    records = [{"id": f"s{i}", "documents": SEED_TEXTS[i % 5 : i % 5 + 3]} for i in range(12)]
    path = _write_jsonl(tmp_path / "s.jsonl", records)
    result = _script(
        f"""
        import json, os, signal, summarize
        from distributed import Client, LocalCluster
        with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                          host="127.0.0.1", dashboard_address=None) as cluster, \\
                Client(cluster) as client:
            pids = sorted(client.run(os.getpid).values())
            killed = None
            for r in summarize.batch({str(path)!r}, words=60, scheduler=client, chunk=1):
                print(json.dumps([r.id, r.ok, r.error and r.error.message]), flush=True)
                if killed is None:
                    killed = pids[0]
                    os.kill(killed, signal.SIGKILL)
            print(json.dumps(["killed", killed in pids, None]))
        """,
        timeout=240,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows[-1][:2] == ["killed", True]
    ids = [row[0] for row in rows[:-1]]
    assert sorted(ids) == sorted(r["id"] for r in records)  # each exactly once
    assert all(ok for _, ok, _ in rows[:-1]), rows


def test_a_pool_that_broke_between_submissions_answers_with_a_failed_future() -> None:
    """The race behind a once-red run: a worker dies, the pool notices before the next
    submission, and `submit` itself raised instead of handing back a failed future."""
    from concurrent.futures.process import BrokenProcessPool

    from summarize.batch_engines import StoryOptions, _Pool

    pool = _Pool(1)
    try:
        dying = pool._executor.submit(os._exit, 1)  # a worker killed mid-task
        assert isinstance(dying.exception(timeout=60), BrokenProcessPool)
        future = pool.submit([], StoryOptions(BriefingOptions(words=40)))
        assert isinstance(future.exception(timeout=5), BrokenProcessPool)
    finally:
        pool.close(kill=True)
