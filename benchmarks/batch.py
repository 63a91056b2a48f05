"""`python -m benchmarks batch`: throughput of `summarize batch` on the Multi-News dev set.

Every figure is a whole `summarize batch` process, as a user runs it: interpreter start, imports,
reading INPUT, the pool or the cluster, writing OUTPUT. Peak memory is each process's VmHWM
(kernel peak RSS), read from /proc while it runs. The Dask runs start `dask scheduler` and two
`dask worker` processes on 127.0.0.1, as a user would; one run kills a worker (its whole process
group: nanny and worker) a third of the way through and checks that every story comes back.

The dev set is read in place and copied (repeated, ids suffixed) only into a temporary folder.
"""

from __future__ import annotations

import contextlib
import json
import os
import resource
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from .data import MULTINEWS, ROOT
from .report import header, table, write_json

WHOLE_TARGET_S = 5.0
"""Issue 11: 248 stories of this size in at most 5 s as one whole process."""
SCALING_TARGET = 0.65
"""Issue 11: 2 workers take at most 0.65x the time of 1."""


def _env() -> dict[str, str]:
    """The checkout first on the path (its `summarize`, also in `dask worker` processes), and
    one thread per process for the numeric libraries: the processes are the parallelism."""
    path = os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p)
    return {**os.environ, "PYTHONPATH": path, "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}


def _hwm_kb(pid: int) -> int | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except (OSError, ValueError):
        return None
    return None


def _children(pid: int) -> list[int]:
    found: list[int] = []
    try:
        for task in Path(f"/proc/{pid}/task").iterdir():
            text = (task / "children").read_text().split()
            found += [int(c) for c in text]
    except OSError:
        pass
    return found


def _tree(pid: int) -> list[int]:
    todo, seen = [pid], []
    while todo:
        current = todo.pop()
        seen.append(current)
        todo += _children(current)
    return seen


class _Peaks:
    """Peak RSS of a process and, separately, the largest of its descendants."""

    def __init__(self) -> None:
        self.client_kb = 0
        self.worker_kb = 0

    def poll(self, root: int, others: list[int] = ()) -> None:  # type: ignore[assignment]
        self.client_kb = max(self.client_kb, _hwm_kb(root) or 0)
        for pid in [*_tree(root)[1:], *(p for o in others for p in _tree(o))]:
            self.worker_kb = max(self.worker_kb, _hwm_kb(pid) or 0)


def _popen(cmd: list[str], **kwargs: Any) -> subprocess.Popen[bytes]:
    return subprocess.Popen(cmd, cwd=ROOT, env=_env(), start_new_session=True, **kwargs)


def _end(process: subprocess.Popen[bytes]) -> None:
    """Stop a process we started and everything it started (its own session)."""
    if process.poll() is None:
        try:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(10)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            pass
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()


def _count(path: Path) -> tuple[int, int, set[str]]:
    """(lines, error lines, ids) of an OUTPUT file."""
    ids: set[str] = set()
    lines = errors = 0
    if not path.exists():
        return 0, 0, ids
    with path.open("rb") as handle:
        for line in handle:
            if not line.endswith(b"\n"):
                break
            record = json.loads(line)
            lines += 1
            errors += "error" in record
            ids.add(record["id"])
    return lines, errors, ids


def batch_run(
    args: list[str],
    stories: int,
    out: Path,
    *,
    cluster: list[int] = (),  # type: ignore[assignment]
    kill_at: int | None = None,
    kill: Any = None,
    timeout: float = 900,
) -> dict[str, Any]:
    """One whole `summarize batch ARGS -o out -q` process: wall time, peaks, what came back."""
    out.unlink(missing_ok=True)
    peaks = _Peaks()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    process = _popen(
        [sys.executable, "-m", "summarize", "batch", *args, "-o", str(out), "-q"],
        stderr=subprocess.PIPE,
    )
    killed_after = None
    try:
        while process.poll() is None:
            peaks.poll(process.pid, list(cluster))
            if kill_at is not None and killed_after is None and _count(out)[0] >= kill_at:
                killed_after = _count(out)[0]
                kill()
            if time.perf_counter() - start > timeout:
                raise TimeoutError(f"summarize batch {' '.join(args)} ran over {timeout} s")
            time.sleep(0.2)
        wall = time.perf_counter() - start
    finally:
        _end(process)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    err = process.stderr.read().decode("utf-8", "replace") if process.stderr else ""
    lines, errors, ids = _count(out)
    return {
        "args": args,
        "stories": stories,
        "exit": process.returncode,
        "stderr": err.strip()[-500:],
        "wall_s": round(wall, 2),
        "stories_per_s": round(stories / wall, 2),
        "cpu_s": round(cpu, 1),
        "load_average": round(os.getloadavg()[0], 1),
        "lines": lines,
        "error_lines": errors,
        "distinct_ids": len(ids),
        "client_peak_mb": round(peaks.client_kb / 1024),
        "worker_peak_mb": round(peaks.worker_kb / 1024),
        "killed_after": killed_after,
    }


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _dask_cli(name: str) -> list[str]:
    """`dask scheduler` / `dask worker` run as `python -m` of the same interpreter."""
    return [sys.executable, "-m", "distributed.cli.dask_" + name]


class _Cluster:
    """`dask scheduler` and two single-threaded `dask worker`s on 127.0.0.1, each its own
    process group, as a user would start them by hand."""

    def __init__(self, workers: int = 2) -> None:
        self.address = f"tcp://127.0.0.1:{_free_port()}"
        port = self.address.rsplit(":", 1)[1]
        quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
        self.scheduler = _popen(
            [*_dask_cli("scheduler"), "--host", "127.0.0.1", "--port", port, "--no-dashboard"],
            **quiet,
        )
        self.workers = [
            _popen(
                [
                    *_dask_cli("worker"),
                    self.address,
                    "--nthreads",
                    "1",
                    "--host",
                    "127.0.0.1",
                    "--no-dashboard",
                ],
                **quiet,
            )
            for _ in range(workers)
        ]
        self._wait(workers)

    def _wait(self, workers: int, timeout: float = 90) -> None:
        from distributed import Client

        with Client(self.address, timeout="60s") as client:
            client.wait_for_workers(workers, timeout=timeout)

    def kill_worker(self) -> None:
        os.killpg(self.workers[0].pid, signal.SIGKILL)

    @property
    def pids(self) -> list[int]:
        return [w.pid for w in self.workers if w.poll() is None]

    def task_overhead_ms(self, tasks: int = 400) -> float:
        """Round trip of one no-op task through the scheduler, amortised over `tasks`."""
        from distributed import Client

        with Client(self.address) as client:
            client.gather(client.map(abs, range(20)))
            start = time.perf_counter()
            client.gather(client.map(abs, range(-tasks, 0), pure=False))
            return (time.perf_counter() - start) / tasks * 1000

    def close(self) -> None:
        for process in [*self.workers, self.scheduler]:
            _end(process)


def _write_input(folder: Path, repeat: int) -> tuple[Path, int, float]:
    """The dev set `repeat` times (ids suffixed ~2, ~3, ...); (path, stories, MB)."""
    path = folder / f"dev-x{repeat}.jsonl"
    count = 0
    with MULTINEWS.open(encoding="utf-8") as source, path.open("w", encoding="utf-8") as out:
        rows = [json.loads(line) for line in source if line.strip()]
        for copy in range(repeat):
            for row in rows:
                story_id = str(row["id"]) + (f"~{copy + 1}" if copy else "")
                story = {"id": story_id, "documents": row["documents"]}
                out.write(json.dumps(story, ensure_ascii=False) + "\n")
                count += 1
    return path, count, path.stat().st_size / 2**20


def _input_scan_us(path: Path, stories: int) -> float:
    """Client-side cost of reading INPUT (the id pass and the story pass), per story."""
    from summarize.batch_io import open_input

    start = time.perf_counter()
    source = open_input(path)
    for _ in source.stories():
        pass
    source.close()
    return (time.perf_counter() - start) / stories * 1e6


def run(out: Path, env: dict[str, Any], repeat: int = 2, progress: bool = True) -> dict[str, Path]:
    if not MULTINEWS.is_file():
        from summarize.errors import InputError

        raise InputError(f"the Multi-News dev set is not at {MULTINEWS}", "put it there")
    out.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()

    def say(text: str) -> None:
        if progress:
            print(f"bench batch: {text}", file=sys.stderr, flush=True)

    runs: dict[str, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory(prefix="bench-batch-") as tmp:
        folder = Path(tmp)
        dev, dev_n, _ = _write_input(folder, 1)
        big, big_n, big_mb = _write_input(folder, repeat)
        scan_us = _input_scan_us(big, big_n)
        result = folder / "out.jsonl"
        plan = [
            ("local-1", [str(big), "--workers", "1"], big_n),
            ("local-2", [str(big), "--workers", "2"], big_n),
            ("whole-246", [str(dev)], dev_n),
            ("whole-246-consensus", [str(dev), "--method", "consensus"], dev_n),
        ]
        for name, args, n in plan:
            say(f"{name}: {n} stories")
            runs[name] = batch_run(args, n, result)
            say(f"{name}: {runs[name]['wall_s']} s")
        output_bytes = result.stat().st_size if result.exists() else 0
        cluster = _Cluster(2)
        try:
            overhead_ms = cluster.task_overhead_ms()
            say("dask-2: two dask workers on 127.0.0.1")
            runs["dask-2"] = batch_run(
                [str(dev), "--scheduler", cluster.address], dev_n, result, cluster=cluster.pids
            )
            say(f"dask-2: {runs['dask-2']['wall_s']} s; now killing a worker mid-way")
            runs["dask-2-kill"] = batch_run(
                [str(dev), "--scheduler", cluster.address],
                dev_n,
                result,
                cluster=cluster.pids,
                kill_at=dev_n // 3,
                kill=cluster.kill_worker,
            )
            _, _, ids = _count(result)
            expected = {json.loads(line)["id"] for line in dev.open(encoding="utf-8")}
            runs["dask-2-kill"]["every_story_back"] = ids == expected
        finally:
            cluster.close()
    elapsed = time.perf_counter() - start
    data = {
        "environment": env,
        "elapsed_seconds": round(elapsed, 1),
        "repeat": repeat,
        "input_mb": round(big_mb, 1),
        "input_scan_us_per_story": round(scan_us, 1),
        "output_kb_per_story": round(output_bytes / 1024 / max(dev_n, 1), 1),
        "dask_task_overhead_ms": round(overhead_ms, 2),
        "runs": runs,
    }
    md = out / "batch.md"
    md.write_text(_report(data, env), encoding="utf-8")
    js = out / "batch.json"
    write_json(js, data)
    return {"markdown": md, "json": js}


def _report(data: dict[str, Any], env: dict[str, Any]) -> str:
    runs = data["runs"]
    one, two, whole = runs["local-1"], runs["local-2"], runs["whole-246"]
    ratio = two["wall_s"] / one["wall_s"]
    # CPU time per story where measured: other work on a shared machine inflates wall time
    per_story = (one.get("cpu_s") or one["wall_s"]) / one["stories"]
    whole_248 = whole["wall_s"] / whole["stories"] * 248
    lines = header("Batch: `summarize batch` throughput", env)
    lines += [f"- **Whole run:** {data['elapsed_seconds']} s", "", "## Runs", ""]
    rows = []
    labels = {
        "local-1": "local, 1 worker",
        "local-2": "local, 2 workers",
        "whole-246": "local, default (2 workers): the 246 dev stories",
        "whole-246-consensus": "same, `--method consensus`",
        "dask-2": "Dask: `dask scheduler` + 2 `dask worker` (1 thread each)",
        "dask-2-kill": "same, one worker killed after a third",
    }
    for name, label in labels.items():
        r = runs[name]
        rows.append(
            [
                label,
                r["stories"],
                f"{r['wall_s']:.1f}",
                f"{r['stories_per_s']:.2f}",
                f"{r.get('cpu_s', '')}",
                f"{r.get('load_average', '')}",
                f"{r['client_peak_mb']}",
                f"{r['worker_peak_mb']}",
                f"{r['lines']} ({r['error_lines']} errors)",
            ]
        )
    lines += table(
        [
            "run",
            "stories",
            "wall s",
            "stories/s",
            "CPU s",
            "load avg",
            "client peak MB",
            "worker peak MB",
            "lines",
        ],
        rows,
    )
    kill = runs["dask-2-kill"]
    lines += [
        "",
        f"Stories: the {runs['whole-246']['stories']} Multi-News dev clusters, "
        f"`documents` form, default options (`coverage`, 150 words); the 1- and 2-worker runs "
        f"read them {data['repeat']} time{'s' if data['repeat'] != 1 else ''} "
        f"({one['stories']} stories, {data['input_mb']} MB) — "
        "fewer repeats than the issue's ~5,000 stories, to keep the benchmark under 10 minutes "
        "on this shared 2-core machine. Wall time is the whole process. Peak MB: VmHWM of the "
        "`summarize batch` process (client) and the largest of its pool workers or of the "
        "`dask worker` processes. *CPU s*: user + system time of the `summarize batch` process "
        "and its pool workers (for Dask, the client only). *load avg*: the machine's 1-minute "
        "load average when the run ended; above 2 on these 2 cores, other work was competing "
        "for them and the wall times (and the 1-vs-2-worker ratio) are inflated.",
        "",
        "## Targets",
        "",
        f"- 2 workers / 1 worker: **{ratio:.2f}x** the time "
        f"({'meets' if ratio <= SCALING_TARGET else 'misses'} ≤ {SCALING_TARGET}x).",
        *_cpu_lines(one, two),
        f"- 246 dev stories as one whole process: **{whole['wall_s']:.1f} s** "
        f"(≈ {whole_248:.1f} s for 248; {'meets' if whole_248 <= WHOLE_TARGET_S else 'misses'} "
        f"≤ {WHOLE_TARGET_S:g} s); with `--method consensus` "
        f"{runs['whole-246-consensus']['wall_s']:.1f} s. The time goes to summarising, not to "
        f"the batch machinery: {per_story * 1000:.0f} ms of CPU a story, where 5 s for 248 "
        f"stories on 2 cores allows ≈ {2 * WHOLE_TARGET_S / 248 * 1000:.0f} ms (less start-up).",
        f"- Worker killed: after {kill['killed_after']} of {kill['stories']} stories; "
        f"{kill['distinct_ids']} distinct ids came back in {kill['lines']} lines, "
        f"{kill['error_lines']} errors; every story back: **{kill.get('every_story_back')}**.",
        "",
        "## Costs behind the projection",
        "",
        f"- Work per story, 1 worker: {per_story * 1000:.0f} ms "
        f"({'CPU time' if one.get('cpu_s') else 'wall time'} of the whole process / stories).",
        "- Dask cost per task (400 no-op tasks through this scheduler, client to worker and "
        f"back, divided by 400): "
        f"{data['dask_task_overhead_ms']:.2f} ms.",
        f"- Client reading INPUT (id pass + story pass): {data['input_scan_us_per_story']:.0f} µs "
        "per story.",
        f"- OUTPUT: {data['output_kb_per_story']:.1f} KB per story (one JSONL line).",
        "",
        *_projection(data, per_story),
        "",
    ]
    return "\n".join(lines)


def _cpu_lines(one: dict[str, Any], two: dict[str, Any]) -> list[str]:
    """The scaling that CPU time shows, which other work on the machine does not inflate."""
    if not one.get("cpu_s") or not two.get("cpu_s"):
        return []
    a, b = one["cpu_s"] / one["stories"], two["cpu_s"] / two["stories"]
    return [
        f"  CPU time per story (client + workers): {a * 1000:.0f} ms with 1 worker, "
        f"{b * 1000:.0f} ms with 2 ({b / a - 1:+.0%}). On two otherwise idle cores, 2 workers "
        f"would take ≈ {b / a / 2:.2f}x the time of 1 (an estimate from CPU time, not a "
        "measurement; the load average column shows how busy the machine was)."
    ]


def _duration(seconds: float) -> str:
    hours = seconds / 3600
    return f"{hours:.1f} h" if hours >= 1 else f"{seconds / 60:.0f} min"


def _projection(data: dict[str, Any], per_story: float) -> list[str]:
    """1 M stories on N workers, from the measured costs above (arithmetic, not a run)."""
    stories = 1_000_000
    input_kb = data["input_mb"] * 1024 / data["runs"]["local-1"]["stories"]
    overhead_s = data["dask_task_overhead_ms"] / 1000
    chunk_s = 2.0  # the Dask engine's target work per task (TARGET_S["dask"])
    chunk = max(1, round(chunk_s / per_story))
    tasks = stories / chunk
    client_tasks_per_s = 1 / overhead_s
    scan_rate = 1e6 / data["input_scan_us_per_story"]
    per_worker = 1 / per_story
    rows = []
    for workers in (2, 16, 100, 1000):
        rate = workers * per_worker
        rows.append(
            [
                workers,
                _duration(stories / rate),
                f"{rate:,.0f}",
                f"{rate / chunk:,.0f}",
                f"{rate * input_kb / 1024:,.1f}",
                f"{rate * data['output_kb_per_story'] / 1024:,.1f}",
                f"{2 * workers * chunk * input_kb / 1024:,.0f}",
            ]
        )
    limit_tasks = client_tasks_per_s * chunk / per_worker
    limit_scan = scan_rate / per_worker
    return [
        "## Projection to 1 M stories",
        "",
        f"At {per_story * 1000:.0f} ms a story (1 worker, default options), 1 M stories are "
        f"{stories * per_story / 3600:,.0f} CPU-hours. The Dask engine aims at {chunk_s:g} s "
        f"of work a task, here ≈ {chunk} stories, so {tasks:,.0f} tasks whose "
        f"{data['dask_task_overhead_ms']:.1f} ms cost per task is "
        f"{overhead_s / chunk_s:.1%} of their work.",
        "",
        *table(
            [
                "workers",
                "1 M stories",
                "stories/s",
                "tasks/s",
                "INPUT MB/s",
                "OUTPUT MB/s",
                "client MB in flight",
            ],
            rows,
        ),
        "",
        "Where the bottleneck moves, as workers are added:",
        "",
        "- Up to a few hundred workers the summariser is the bottleneck: the time is "
        "CPU-hours / workers, and a faster ranker (`--method consensus` is about "
        f"{data['runs']['whole-246']['wall_s'] / data['runs']['whole-246-consensus']['wall_s']:.1f}"
        "x faster here) buys as much as more machines.",
        f"- The scheduler: at the measured per-task cost, one client and scheduler handle about "
        f"{client_tasks_per_s:,.0f} tasks a second, enough for ≈ {limit_tasks:,.0f} workers "
        f"with {chunk}-story chunks; past that (the 1,000-worker row), larger chunks (`--chunk`, "
        "up to 256) keep it below 10% busy, at the price of more work redone when a worker "
        "dies.",
        f"- INPUT: the client reads and parses ≈ {scan_rate:,.0f} stories/s (two passes), so "
        f"≈ {limit_scan:,.0f} workers before reading one JSONL file is the limit; and every "
        f"story ({input_kb:.1f} KB) passes through the client's network link: a 1 Gb/s link "
        f"carries ≈ {125 * 1024 / input_kb:,.0f} stories/s. Beyond that, split INPUT into "
        "shards with one client (and one OUTPUT) each, or let workers read the stories "
        "from shared storage by path instead of by value.",
        "- OUTPUT is appended by the one client at a few MB/s even at 1,000 workers: not a "
        "bottleneck. The client's memory is the chunks in flight (table) plus the id of every "
        "story (the duplicate check and resume): ≈ 100-150 MB for 1 M ids.",
    ]
