"""Where batch stories are summarised: a local process pool, or a Dask cluster.

Both engines send stories in chunks (one task = many stories), so a task's fixed cost — a
pickle, a pipe or network round trip, a scheduler decision — is paid once per chunk. The chunk
size adapts: it starts small, then grows until a task lasts about `TARGET_S` seconds of measured
work, and never beyond a quarter of a worker's fair share of what is left, so the last tasks
end together. Only the chunks in flight are held in memory (two per worker).

A worker that dies loses nothing: its chunks run again. The local pool is rebuilt and the
chunks that were in flight are re-run one at a time, halved on each crash, so a story that
kills its worker every time is found and reported as an error line while the others finish;
Dask reschedules a dead worker's tasks itself, and a task it gives up on (`KilledWorker`) is
halved the same way.
"""

from __future__ import annotations

import contextlib
import logging
import math
import multiprocessing
import os
import signal
import sys
import tempfile
import threading
import time
import uuid
from collections import deque
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from .api import BriefingOptions
from .batch_io import Failure, Outcome, Story, dumps, failure_outcome, story_file_name
from .errors import InputError, SummarizeError
from .ingest import DEFAULT_MAX_MB, Ingested

TARGET_S = {"local": 0.5, "dask": 2.0}
"""Seconds of work per task: local tasks cost ~1 ms each, a Dask task a few ms + the scheduler."""
FIRST_CHUNK = 2
"""Stories per task before any has been timed."""
MAX_CHUNK = 256
TASKS_PER_WORKER = 4
"""At least this many tasks per worker of what is left: the tail is at most a quarter share."""
THREAD_ENV = ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS")


@dataclass(frozen=True)
class StoryOptions:
    """How every story of a batch is summarised: the briefing options of `summarize [brief]`,
    and the limit its articles are read under."""

    briefing: BriefingOptions
    max_mb: float = DEFAULT_MAX_MB

    def checked(self) -> StoryOptions:
        """The same options, or the error `summarize()` would give on every story, given once
        before any work starts."""
        self.briefing.checked()
        if not self.max_mb > 0:
            raise InputError(f"--max-mb must be above 0, not {self.max_mb:g}", "pass e.g. 10")
        return self


# -- chunking -----------------------------------------------------------------------------------


def chunk_size(
    remaining: int,
    workers: int,
    story_s: float | None,
    *,
    target_s: float = TARGET_S["local"],
    cap: int = MAX_CHUNK,
) -> int:
    """Stories in the next task.

    `story_s` (measured seconds per story, None before any) sets the size that makes a task
    last `target_s`; a quarter of each worker's share of the `remaining` stories bounds it, so
    the last tasks are short and end together; `FIRST_CHUNK` stands in before any story is
    timed. Always at least 1 while stories remain."""
    if remaining <= 0:
        return 0
    fair = math.ceil(remaining / (max(1, workers) * TASKS_PER_WORKER))
    wanted = FIRST_CHUNK if story_s is None else max(1, int(target_s / max(story_s, 1e-6)))
    return max(1, min(wanted, fair, cap, remaining))


class _Sizer:
    """Cuts the story stream into chunks, sized by `chunk_size` from the work measured so far.

    Stories that are already errors (a line that is not a story) never go to a worker: they
    come back through `ready` as they are met."""

    def __init__(
        self, stories: Iterator[Story], total: int, engine: str, fixed: int | None
    ) -> None:
        self._stories = stories
        self.remaining = total
        self._target = TARGET_S[engine]
        self._fixed = fixed
        self._work = 0.0
        self._timed = 0
        self.ready: deque[Outcome] = deque()

    def observe(self, stories: int, seconds: float) -> None:
        self._work += seconds
        self._timed += stories

    @property
    def story_s(self) -> float | None:
        return self._work / self._timed if self._timed else None

    def next(self, workers: int) -> list[Story] | None:
        size = self._fixed or chunk_size(
            self.remaining, workers, self.story_s, target_s=self._target
        )
        chunk: list[Story] = []
        for story in self._stories:
            self.remaining -= 1
            if story.error is not None:
                self.ready.append(failure_outcome(story.id, story.error))
                continue
            chunk.append(story)
            if len(chunk) >= max(1, size):
                break
        return chunk or None


def _lost(story: Story, tries: int) -> Outcome:
    return failure_outcome(
        story.id,
        Failure(
            f"the worker process died each time it summarised this story ({tries} tries)",
            "it ran out of memory or crashed: give it fewer or smaller articles",
        ),
    )


def _halves(chunk: list[Story]) -> list[list[Story]]:
    middle = len(chunk) // 2
    return [chunk[:middle], chunk[middle:]]


# -- the worker side ----------------------------------------------------------------------------

_prepared: int | None = None


def prepare_process(own: bool) -> None:
    """Once per worker process: one thread for the numeric libraries (the workers are the
    parallelism; torch and BLAS would otherwise each start a thread per core), Ctrl-C left to
    the client, and, in processes we started, standard output sent to /dev/null: a C solver
    prints there, and our stdout may be the OUTPUT stream."""
    global _prepared
    if _prepared == os.getpid():
        return
    _prepared = os.getpid()
    for name in THREAD_ENV:
        os.environ[name] = "1"
    torch = sys.modules.get("torch")
    if torch is not None:
        with contextlib.suppress(Exception):
            torch.set_num_threads(1)
    if own:
        with contextlib.suppress(OSError, ValueError):
            signal.signal(signal.SIGINT, signal.SIG_IGN)
        with contextlib.suppress(OSError, ValueError):
            sys.stdout.flush()
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, 1)
            os.close(devnull)


def _scrub(text: str | None, prefix: str) -> str | None:
    return text.replace(prefix, "") if text else text


def _read_story(story: Story, max_mb: float, scratch: Path) -> tuple[Ingested, str]:
    """The story's articles, read by `load` exactly as the CLI reads the same file or folder;
    and the scratch prefix to remove from messages."""
    from .ingest import load

    if story.folder is not None:
        return load([story.folder], max_mb=max_mb), ""
    assert story.data is not None
    name = story_file_name(story.id)
    file = scratch / name
    file.write_bytes(story.data)
    prefix = f"{scratch}{os.sep}"
    try:
        ingested = load([str(file)], max_mb=max_mb)
    finally:
        file.unlink(missing_ok=True)
    articles = tuple(replace(a, path=name) for a in ingested.articles)
    notices = tuple(n.replace(prefix, "") for n in ingested.notices)
    return Ingested(articles, notices), prefix


def _summarise(story: Story, options: StoryOptions, scratch: Path) -> Outcome:
    """The story's OUTPUT line: its briefing and the options it was made with (what a resumed
    run compares its own with), or its error."""
    from models.errors import ModelError

    from .api import summarize_with
    from .render import to_dict

    prefix = ""
    try:
        if story.error is not None:
            return failure_outcome(story.id, story.error)
        ingested, prefix = _read_story(story, options.max_mb, scratch)
        briefing = summarize_with(ingested, options.briefing, max_mb=options.max_mb)
        line = {
            "id": story.id,
            "briefing": to_dict(briefing),
            "options": options.briefing.to_dict(),
        }
        return Outcome(story.id, dumps(line), False)
    except (SummarizeError, ModelError) as exc:
        failure = Failure(_scrub(exc.message, prefix) or "", _scrub(exc.fix, prefix))
    except MemoryError:
        failure = Failure("out of memory", "give it fewer or smaller articles, or fewer workers")
    except RecursionError:
        failure = Failure("the story is nested too deeply to read", "give flat article records")
    except Exception as exc:  # our bug: one story's error line, never the batch's end
        failure = Failure(
            f"internal error: {type(exc).__name__}: {_scrub(str(exc), prefix)}",
            "report it with this story (summarize the story alone with SUMMARIZE_DEBUG=1 "
            "for the traceback)",
        )
    return failure_outcome(story.id, failure)


def run_chunk(
    stories: Sequence[Story], options: StoryOptions, own: bool = False
) -> tuple[list[Outcome], float]:
    """Summarise a chunk in this worker; returns its outcomes and the seconds they took."""
    prepare_process(own)
    start = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="summarize-batch-") as scratch:
        outcomes = [_summarise(story, options, Path(scratch)) for story in stories]
    return outcomes, time.perf_counter() - start


# -- the local engine -----------------------------------------------------------------------------


def default_workers() -> int:
    """The cores this process may use (a container's CPU set, not the host's core count)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def _context() -> Any:
    """fork when this process has one thread (the CLI: children start instantly with every
    module already imported); forkserver (Linux) or spawn otherwise, since forking a process
    that runs other threads (a notebook, a Dask client) can deadlock its children."""
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and sys.platform.startswith("linux"):
        if threading.active_count() == 1:
            return multiprocessing.get_context("fork")
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["summarize.batch_engines", "summarize.api"])
        return context
    return multiprocessing.get_context("spawn")


class _Pool:
    """A process pool that can be rebuilt after a worker dies (which breaks the whole pool)."""

    def __init__(self, workers: int) -> None:
        from . import api, render  # noqa: F401 (imported once here, inherited by fork)

        self.workers = workers
        self._context = _context()
        self._executor = self._start()

    def _start(self) -> Any:
        from concurrent.futures import ProcessPoolExecutor

        return ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=self._context,
            initializer=prepare_process,
            initargs=(True,),
        )

    def submit(self, chunk: list[Story], options: StoryOptions) -> Any:
        """A future of the chunk's outcomes. A pool that broke (a worker died) between two
        submissions refuses at once; that refusal comes back as a failed future, so a broken
        pool is handled in one place, where results are read."""
        from concurrent.futures import Future
        from concurrent.futures.process import BrokenProcessPool

        try:
            return self._executor.submit(run_chunk, chunk, options, True)
        except BrokenProcessPool as exc:
            failed: Future[Any] = Future()
            failed.set_exception(exc)
            return failed

    def restart(self) -> None:
        self.close(kill=True)
        self._executor = self._start()

    def close(self, kill: bool = False) -> None:
        if kill:
            terminate = getattr(self._executor, "terminate_workers", None)
            if terminate is not None:
                with contextlib.suppress(Exception):
                    terminate()
            else:
                for process in list(getattr(self._executor, "_processes", {}).values()):
                    with contextlib.suppress(Exception):
                        process.terminate()
        self._executor.shutdown(wait=True, cancel_futures=True)


def run_local(
    stories: Iterator[Story],
    total: int,
    options: StoryOptions,
    *,
    workers: int | None = None,
    retries: int = 2,
    chunk: int | None = None,
) -> Iterator[Outcome]:
    """Summarise `stories` on a pool of `workers` processes; outcomes in completion order."""
    from concurrent.futures import FIRST_COMPLETED, wait
    from concurrent.futures.process import BrokenProcessPool

    workers = workers or default_workers()
    sizer = _Sizer(stories, total, "local", chunk)
    pool = _Pool(workers)
    in_flight: dict[Any, list[Story]] = {}
    finished = False
    try:
        while True:
            while len(in_flight) < 2 * workers:
                next_chunk = sizer.next(workers)
                if next_chunk is None:
                    break
                in_flight[pool.submit(next_chunk, options)] = next_chunk
            while sizer.ready:
                yield sizer.ready.popleft()
            if not in_flight:
                break
            done, _ = wait(list(in_flight), return_when=FIRST_COMPLETED)
            suspects: list[list[Story]] = []
            for future in done:
                stories_of = in_flight.pop(future)
                try:
                    outcomes, seconds = future.result()
                except BrokenProcessPool:
                    suspects.append(stories_of)
                    continue
                sizer.observe(len(stories_of), seconds)
                yield from outcomes
            if suspects:
                # The pool is broken: every chunk still in flight failed or will. Keep what
                # finished, then re-run the rest alone to find the one that kills workers.
                wait(list(in_flight))
                for future, stories_of in in_flight.items():
                    if future.exception() is None:
                        yield from future.result()[0]
                    else:
                        suspects.append(stories_of)
                in_flight.clear()
                pool.restart()
                yield from _isolate(pool, suspects, options, retries)
        finished = True
    finally:
        pool.close(kill=not finished)


def _isolate(
    pool: _Pool, suspects: list[list[Story]], options: StoryOptions, retries: int
) -> Iterator[Outcome]:
    """Run chunks one at a time after a worker died: a chunk that kills its worker alone is
    halved until the story that does it is found; that story is tried `retries` more times
    (the death may have been another process's memory) before it becomes an error line."""
    from concurrent.futures.process import BrokenProcessPool

    queue: deque[tuple[list[Story], int]] = deque((chunk, 0) for chunk in suspects)
    while queue:
        chunk, tries = queue.popleft()
        try:
            outcomes, _ = pool.submit(chunk, options).result()
        except BrokenProcessPool:
            pool.restart()
            if len(chunk) > 1:
                queue.extendleft((half, 0) for half in reversed(_halves(chunk)))
            elif tries < retries:
                queue.appendleft((chunk, tries + 1))
            else:
                yield _lost(chunk[0], tries + 1)
            continue
        yield from outcomes


# -- the Dask engine ------------------------------------------------------------------------------


def _distributed() -> Any:
    try:
        import distributed
    except ImportError:
        raise InputError(
            "--engine dask needs dask.distributed, which is not installed",
            "pip install 'summarize[dask]', or use --engine local",
        ) from None
    return distributed


@contextlib.contextmanager
def _quiet_logs() -> Iterator[None]:
    """Dask logs every lost worker and restart at WARNING; the batch reports what matters."""
    logger = logging.getLogger("distributed")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


@contextlib.contextmanager
def dask_client(scheduler: Any, workers: int | None) -> Iterator[tuple[Any, bool]]:
    """(client, whether we started the cluster): a `distributed.Client` given is used as is; an
    address connects to that scheduler; None starts a LocalCluster on 127.0.0.1 with `workers`
    single-threaded worker processes, and closes it afterwards."""
    distributed = _distributed()
    if isinstance(scheduler, distributed.Client):
        yield scheduler, False
        return
    cluster = None
    try:
        if scheduler is None:
            cluster = distributed.LocalCluster(
                n_workers=workers or default_workers(),
                threads_per_worker=1,
                processes=True,
                host="127.0.0.1",
                dashboard_address=None,
                silence_logs=logging.ERROR,
            )
            client = distributed.Client(cluster, set_as_default=False)
        else:
            try:
                client = distributed.Client(str(scheduler), timeout="20s", set_as_default=False)
            except (OSError, TimeoutError) as exc:
                raise InputError(
                    f"cannot reach the Dask scheduler at {scheduler} ({exc})",
                    "start one with `dask scheduler` and workers with `dask worker ADDRESS`, "
                    "or check the address",
                ) from None
    except BaseException:
        if cluster is not None:
            cluster.close()
        raise
    try:
        yield client, cluster is not None
    finally:
        with contextlib.suppress(Exception):
            client.close()
        if cluster is not None:
            with contextlib.suppress(Exception):
                cluster.close()


def _threads(client: Any) -> int:
    try:
        return max(1, sum(client.nthreads().values()))
    except Exception:
        return 1


def run_dask(
    stories: Iterator[Story],
    total: int,
    options: StoryOptions,
    *,
    scheduler: Any = None,
    workers: int | None = None,
    retries: int = 2,
    chunk: int | None = None,
) -> Iterator[Outcome]:
    """Summarise `stories` as chunked Dask tasks (`retries` each); outcomes as they complete.

    A worker that dies has its tasks rescheduled by Dask; a task Dask gives up on
    (`KilledWorker`: its workers kept dying) is halved and resubmitted until the story that
    kills workers is found, which after `retries` more tries becomes an error line."""
    from concurrent.futures import CancelledError

    distributed = _distributed()
    from distributed.scheduler import KilledWorker

    sizer = _Sizer(stories, total, "dask", chunk)
    batch_id = uuid.uuid4().hex[:12]
    count = 0
    with _quiet_logs(), dask_client(scheduler, workers) as (client, own):
        ac = distributed.as_completed(loop=client.loop)
        pending: dict[Any, tuple[list[Story], int]] = {}
        threads, checked = _threads(client), time.monotonic()

        def submit(stories_of: list[Story], tries: int) -> None:
            nonlocal count
            count += 1
            future = client.submit(
                run_chunk,
                stories_of,
                options,
                own,
                key=f"summarize-batch-{batch_id}-{count}",
                retries=retries,
                pure=False,
            )
            pending[future] = (stories_of, tries)
            ac.add(future)

        def fill() -> None:
            nonlocal threads, checked
            if time.monotonic() - checked > 2.0:
                threads, checked = _threads(client), time.monotonic()
            while len(pending) < 2 * threads:
                next_chunk = sizer.next(threads)
                if next_chunk is None:
                    return
                submit(next_chunk, 0)

        try:
            fill()
            while sizer.ready:
                yield sizer.ready.popleft()
            for future in ac:
                stories_of, tries = pending.pop(future)
                try:
                    outcomes, seconds = future.result()
                except KilledWorker:
                    if len(stories_of) > 1:
                        for half in _halves(stories_of):
                            submit(half, 0)
                    elif tries < retries:
                        submit(stories_of, tries + 1)
                    else:
                        yield _lost(stories_of[0], tries + 1)
                except CancelledError as exc:
                    raise InputError(
                        f"the Dask cluster dropped the batch ({exc})",
                        "check the scheduler, then run again with the same -o: finished "
                        "stories are kept",
                    ) from None
                except ImportError as exc:
                    raise InputError(
                        f"a Dask worker cannot import summarize ({exc})",
                        "install summarize (the same version) on every worker",
                    ) from None
                except Exception as exc:
                    failure = Failure(
                        f"a Dask task failed {retries + 1} times: {type(exc).__name__}: {exc}",
                        "run again with the same -o to retry these stories",
                    )
                    for story in stories_of:
                        yield failure_outcome(story.id, failure)
                else:
                    sizer.observe(len(stories_of), seconds)
                    yield from outcomes
                finally:
                    future.release()
                fill()
                while sizer.ready:
                    yield sizer.ready.popleft()
        finally:
            if pending:
                with contextlib.suppress(Exception):
                    client.cancel(list(pending))
