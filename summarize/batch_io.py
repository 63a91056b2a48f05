"""What `summarize batch` reads and writes: story records, INPUT, OUTPUT and the progress line.

INPUT is read twice and never held whole: a first pass checks every id (duplicates are refused
before any work starts) and counts the stories; the second pass streams them to the workers.
Standard input is spooled to a temporary file so it can be read twice too.

OUTPUT is JSONL, one line per story, appended and flushed as each story finishes, so a run that
is killed leaves a valid file; a re-run with the same OUTPUT reads the ids already there and
skips them. An incomplete last line (the write the kill interrupted) is cut off first.
"""

from __future__ import annotations

import itertools
import json
import os
import re
import sys
import tempfile
import time
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, BinaryIO, NamedTuple, TextIO

from .errors import InputError, cannot_read

STORY_SHAPE = '{"id": ..., "documents": [text, ...]} or {"id": ..., "articles": [{"text": ...}]}'
_JSON_ERRORS = (ValueError, UnicodeDecodeError, RecursionError)
_UNSAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


# -- records ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Failure:
    """Why one story has no briefing: `message` says what is wrong, `fix` what to do."""

    message: str
    fix: str | None = None

    def to_dict(self) -> dict[str, str | None]:
        return {"message": self.message, "fix": self.fix}


@dataclass(frozen=True)
class Story:
    """One story on its way to a worker: small and picklable, read there, not here.

    Exactly one of `data` (the JSONL line, read as the file `story_file_name(id)` would be),
    `folder` (read as `summarize FOLDER` reads it) and `error` (a line that is not a story) is
    set. `line` is the 1-based line of INPUT (0 for a folder or an item given to the API)."""

    id: str
    line: int = 0
    data: bytes | None = None
    folder: str | None = None
    error: Failure | None = None


class Outcome(NamedTuple):
    """One finished story as it comes back from a worker: its OUTPUT line, already JSON."""

    id: str
    line: str
    failed: bool


def dumps(record: dict[str, Any]) -> str:
    """One compact JSONL line, `id` first (resume reads the id without parsing the rest)."""
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


def failure_outcome(story_id: str, failure: Failure) -> Outcome:
    return Outcome(story_id, dumps({"id": story_id, "error": failure.to_dict()}), True)


def story_file_name(story_id: str) -> str:
    """The file a JSONL story is read as: `ID.json`, with characters that cannot be in a file
    name made `_`. `summarize ID.json -f json` on the line saved under that name gives the same
    briefing (labels `ID#1`, `ID#2` for unnamed documents; `path` `ID.json`)."""
    stem = _UNSAFE_NAME.sub("_", story_id).strip("._")[:100]
    return f"{stem or 'story'}.json"


# -- INPUT ----------------------------------------------------------------------------------------


def _record_error(record: Any, number: int) -> tuple[str | None, Failure | None]:
    """The story id of one parsed line, and why it cannot be a story (None when it can)."""
    if not isinstance(record, dict):
        return None, Failure(f"line {number}: not a JSON object", f"give {STORY_SHAPE}")
    raw_id = record.get("id")
    if isinstance(raw_id, bool) or not isinstance(raw_id, (str, int)) or not str(raw_id).strip():
        return None, Failure(f"line {number}: no 'id' (a string)", f"give {STORY_SHAPE}")
    story_id = str(raw_id)
    shape = [key for key in ("documents", "articles") if isinstance(record.get(key), list)]
    if not shape:
        return story_id, Failure(
            f"story {story_id!r} (line {number}) has no 'documents' or 'articles' list",
            f"give {STORY_SHAPE}",
        )
    if not record[shape[0]]:
        return story_id, Failure(
            f"story {story_id!r} (line {number}) has an empty '{shape[0]}' list",
            "give it at least one article",
        )
    return story_id, None


def anonymous_id(number: int) -> str:
    """The id of a line that has none (not JSON, or no 'id'): resume skips it like any other."""
    return f"<line {number}>"


class StoryInput:
    """INPUT, scanned once (ids, duplicates, count), then streamed again by `stories()`.

    `lines` opens a fresh iterator of (line number, bytes or None when the line is over the
    size cap) for each pass; `folders` is the other kind of INPUT, a folder of story folders."""

    def __init__(
        self,
        name: str,
        *,
        lines: Callable[[], Iterator[tuple[int, bytes | None]]] | None = None,
        folders: list[Path] | None = None,
        path: Path | None = None,
        max_mb: float = 10.0,
        notices: tuple[str, ...] = (),
        cleanup: Callable[[], None] | None = None,
    ) -> None:
        self.name = name
        self.path = path
        """The INPUT file or folder (None for stdin and for API items): OUTPUT must differ."""
        self.max_mb = max_mb
        self.notices = notices
        self._lines = lines
        self._folders = folders
        self._cleanup = cleanup
        self.ids: dict[str, int] = {}
        """Every story id -> its line (or position), in INPUT order."""
        self._problems: dict[int, Failure] = {}
        """Line -> why it is not a story (its id, when it has one, is in `ids`)."""
        self._anonymous: set[int] = set()
        try:
            self._scan()
        except BaseException:
            self.close()
            raise

    def _scan(self) -> None:
        if self._folders is not None:
            for number, folder in enumerate(self._folders, 1):
                self.ids[folder.name] = number
            return
        assert self._lines is not None
        parsed = 0
        first_error: Failure | None = None
        for number, data in self._lines():
            if data is None:
                failure = Failure(
                    f"line {number}: the story is over the {self.max_mb:g} MB limit",
                    "split it, or pass a higher --max-mb",
                )
                story_id = None
            else:
                try:
                    record = json.loads(data)
                except _JSON_ERRORS as exc:
                    reason = (
                        "not UTF-8 text: a binary file?"
                        if isinstance(exc, UnicodeDecodeError)
                        else getattr(exc, "msg", None) or type(exc).__name__
                    )
                    failure = Failure(f"line {number}: not valid JSON ({reason})", STORY_SHAPE)
                    story_id = None
                    first_error = first_error or failure
                else:
                    parsed += 1
                    story_id, failure = _record_error(record, number)
                    del record
            if story_id is None:
                self._anonymous.add(number)
                story_id = anonymous_id(number)
            if story_id in self.ids:
                raise InputError(
                    f"duplicate story id {story_id!r} on lines {self.ids[story_id]} and {number} "
                    f"of {self.name}",
                    "give every story its own id",
                )
            self.ids[story_id] = number
            if failure is not None:
                self._problems[number] = failure
        if not self.ids:
            raise InputError(f"{self.name} holds no stories", f"give one {STORY_SHAPE} per line")
        if not parsed and first_error is not None:
            raise InputError(
                f"{self.name} is not JSONL: {first_error.message}",
                f"give one {STORY_SHAPE} per line, or a folder of story folders",
            )

    def __len__(self) -> int:
        return len(self.ids)

    def count(self, skip: Collection[str] = ()) -> int:
        """Stories left to do when `skip` (ids already in OUTPUT) are left out."""
        if not skip:
            return len(self.ids)
        return sum(1 for story_id in self.ids if story_id not in skip)

    def stories(self, skip: Collection[str] = ()) -> Iterator[Story]:
        """The stories in INPUT order, read again from INPUT, without those in `skip`."""
        if self._folders is not None:
            for folder in self._folders:
                if folder.name not in skip:
                    yield Story(folder.name, folder=str(folder))
            return
        assert self._lines is not None
        order = iter(self.ids.items())
        for number, data in self._lines():
            story_id, expected = next(order, (None, None))
            if expected != number:
                raise InputError(f"{self.name} changed while it was being read", "run again")
            assert story_id is not None
            if story_id in skip:
                continue
            problem = self._problems.get(number)
            if problem is not None:
                yield Story(story_id, number, error=problem)
            else:
                yield Story(story_id, number, data=data)

    def close(self) -> None:
        if self._cleanup is not None:
            self._cleanup()
            self._cleanup = None


def _jsonl_lines(handle: BinaryIO, limit: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, bytes) of every non-blank line from the start of `handle`; a line longer
    than `limit` bytes is None and is never held whole in memory."""
    handle.seek(0)
    number = 0
    while True:
        data = handle.readline(limit + 1)
        if not data:
            return
        number += 1
        if len(data) > limit and not data.endswith(b"\n"):
            while data and not data.endswith(b"\n"):  # skip the rest of the oversized line
                data = handle.readline(1 << 20)
            yield number, None
            continue
        if number == 1 and data.startswith(b"\xef\xbb\xbf"):
            data = data[3:]
        if data.strip():
            yield number, data.rstrip(b"\r\n")


def _limit_bytes(max_mb: float) -> int:
    if not max_mb > 0:
        raise InputError(f"--max-mb must be above 0, not {max_mb:g}", "pass e.g. --max-mb 10")
    return int(max_mb * 1024 * 1024)


def open_input(source: str | os.PathLike[str], *, max_mb: float = 10.0) -> StoryInput:
    """INPUT as the verb names it: a JSONL file, a folder of story folders, or "-" (stdin)."""
    limit = _limit_bytes(max_mb)
    if str(source) == "-" and sys.stdin is None:
        raise InputError("standard input is closed", "pipe the stories in, or name a file")
    if str(source) == "-":
        # Closed by StoryInput.close (its cleanup), not here: both passes read it.
        spool = tempfile.TemporaryFile(prefix="summarize-batch-stdin-")  # noqa: SIM115
        stream = sys.stdin.buffer
        while block := stream.read(1 << 20):
            spool.write(block)
        return StoryInput(
            "standard input",
            lines=lambda: _jsonl_lines(spool, limit),
            max_mb=max_mb,
            cleanup=spool.close,
        )
    if not str(source).strip():  # Path("") is the current folder
        raise InputError("an empty path was given", "name a JSONL file or a folder of stories")
    path = Path(source)
    if not path.exists():
        raise InputError(f"no such file or folder: {path}", "check the path")
    if path.is_dir():
        return _folder_input(path, max_mb)
    if not path.is_file():  # before opening: opening a FIFO waits for a writer forever
        raise InputError(f"{path} is not a regular file", "save the stories to a JSONL file")
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise cannot_read(path, exc) from exc
    return StoryInput(
        str(path),
        lines=lambda: _jsonl_lines(handle, limit),
        path=path,
        max_mb=max_mb,
        cleanup=handle.close,
    )


def _folder_input(path: Path, max_mb: float) -> StoryInput:
    """A folder of story folders: one story per subfolder, its name the id, in name order."""
    folders, notices = [], []
    for entry in sorted(path.iterdir(), key=lambda p: p.name):
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            folders.append(entry)
        else:
            notices.append(f"skipped {entry} (a story is a folder of articles)")
    if not folders:
        raise InputError(
            f"{path} holds no story folders",
            f"put each story's articles in a folder of their own, or run summarize {path} "
            "for one story",
        )
    return StoryInput(str(path), folders=folders, path=path, max_mb=max_mb, notices=tuple(notices))


def items_input(items: Any, *, max_mb: float = 10.0) -> StoryInput:
    """Stories given to the Python API as mappings ({"id", "documents"|"articles"}): each is
    read exactly as the same object on a line of a JSONL INPUT."""
    limit = _limit_bytes(max_mb)
    lines: list[bytes | None] = []
    for item in items:
        try:
            data = json.dumps(item, ensure_ascii=False).encode("utf-8")
        except (TypeError, ValueError) as exc:
            raise InputError(
                f"story {len(lines) + 1} cannot be written as JSON ({exc})",
                f"give mappings such as {STORY_SHAPE}",
            ) from None
        lines.append(data if len(data) <= limit else None)
    return StoryInput(
        "the stories given",
        lines=lambda: ((n, data) for n, data in enumerate(lines, 1)),
        max_mb=max_mb,
    )


# -- OUTPUT ---------------------------------------------------------------------------------------


def _parse_result(line: bytes) -> tuple[str, bool] | None:
    """(id, is an error) of one of our OUTPUT lines, None for anything else. Our lines put the
    id first, so it is read without parsing the (long) briefing after it."""
    text = line.decode("utf-8")
    if text.startswith('{"id":'):
        try:
            value, end = json.JSONDecoder().raw_decode(text, 6)
        except ValueError:
            value, end = None, 0
        if isinstance(value, str):
            rest = text[end:]
            if rest.startswith((',"briefing":', ',"error":')):
                return value, rest.startswith(',"error":')
    try:
        record = json.loads(text)
    except ValueError:
        return None
    if (
        isinstance(record, dict)
        and isinstance(record.get("id"), str)
        and ("briefing" in record or "error" in record)
    ):
        return str(record["id"]), "briefing" not in record
    return None


def _made_with(record: dict[str, Any]) -> dict[str, Any]:
    """The options a result line's briefing was made with (`BriefingOptions.to_dict`). A line
    written before lines carried them gives what its briefing shows, which is not the model
    or the seed."""
    options = record.get("options")
    if isinstance(options, dict):
        return options
    briefing = record.get("briefing") or {}
    return {
        "words": briefing.get("words_budget"),
        "method": briefing.get("method"),
        "mode": briefing.get("mode"),
        "timeline": briefing.get("timeline") is not None,
    }


def _flags(options: dict[str, Any]) -> str:
    """Options as the command line asks for them (each is named after its option):
    `--seed 3, no --model, --timeline`."""
    flags = []
    for name, value in options.items():
        if value is True:
            flags.append(f"--{name}")
        elif value is False or value is None:
            flags.append(f"no --{name}")
        else:
            flags.append(f"--{name} {value}")
    return ", ".join(flags)


class ResultsFile:
    """OUTPUT: JSONL results appended and flushed one line at a time, or standard output.

    Opening an existing file resumes it: its ids are read (`done`), an incomplete last line is
    cut off, and it is locked so two runs can never interleave their lines. A file that holds
    something other than our results, or briefings made with other `options` (any of them:
    `BriefingOptions.to_dict()`), is refused rather than appended to. `retry_errors` drops the
    error lines first, so those stories run again."""

    def __init__(
        self,
        target: str | None,
        *,
        options: dict[str, Any],
        retry_errors: bool = False,
    ) -> None:
        self.done: set[str] = set()
        self.failed: set[str] = set()
        """Of `done`, the stories whose line is an error (kept unless --retry-errors)."""
        self.notices: list[str] = []
        self.name = target if target not in (None, "-") else "standard output"
        self._handle: IO[bytes] | None = None
        self._stdout: TextIO | None = None
        self.written = 0
        if target is None or target == "-":
            self._stdout = sys.stdout
            return
        from .output import cannot_write, check_target

        path = check_target(target)
        self._path = path
        self._created = not path.exists()
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise cannot_write(path, exc) from exc
        handle = os.fdopen(fd, "r+b")
        try:
            _lock(handle, target)
            self._resume(handle, target, options, retry_errors)
        except BaseException:
            handle.close()
            raise
        self._handle = handle

    def _resume(
        self, handle: IO[bytes], target: str, options: dict[str, Any], retry_errors: bool
    ) -> None:
        keep_until = 0
        errors: list[tuple[int, int]] = []  # byte ranges of error lines, for retry_errors
        checked = False
        for number, line in enumerate(handle, 1):
            if not line.endswith(b"\n"):
                self.notices.append(
                    f"{target}: cut off an incomplete last line (an interrupted run); its "
                    "story runs again"
                )
                break
            start, keep_until = keep_until, keep_until + len(line)
            if not line.strip():
                continue
            try:
                found = _parse_result(line)
            except UnicodeDecodeError:
                found = None
            if found is None:
                raise InputError(
                    f"{target} line {number} is not a summarize batch result",
                    "give another -o file (results are appended to it)",
                )
            story_id, failed = found
            if not checked and not failed:
                checked = True
                self._compare(target, _made_with(json.loads(line)), options)
            if failed and retry_errors:
                errors.append((start, keep_until))
                continue
            self.done.add(story_id)
            if failed:
                self.failed.add(story_id)
        if errors:
            keep_until = _drop_ranges(handle, errors, keep_until)
            self.notices.append(f"{target}: dropped {len(errors)} error line(s) to retry them")
        handle.seek(0, os.SEEK_END)
        if handle.tell() != keep_until:
            handle.truncate(keep_until)
            handle.seek(keep_until)
        if self.done:
            self.notices.append(f"resuming {target}: {len(self.done)} stories already there")

    def _compare(self, target: str, made: dict[str, Any], asked: dict[str, Any]) -> None:
        """Refuse to add briefings made with other options to `target`'s, naming the ones
        that differ."""
        unknown = [name for name in asked if name not in made]
        differ = [n for n in {**asked, **made} if n not in unknown and made.get(n) != asked.get(n)]
        if differ:
            raise InputError(
                f"{target} holds briefings made with {_flags({n: made.get(n) for n in differ})}; "
                f"this run asks for {_flags({n: asked.get(n) for n in differ})}",
                "resume with the same options, or give another -o file",
            )
        if unknown:
            self.notices.append(
                f"{target} was written by an earlier summarize that did not record "
                f"{' or '.join(f'--{n}' for n in unknown)}: resuming takes them to be the same"
            )

    def write(self, line: str) -> None:
        """Append one result and flush it: a kill after this leaves it whole in the file."""
        if self._handle is not None:
            self._handle.write(line.encode("utf-8") + b"\n")
            self._handle.flush()
        else:
            assert self._stdout is not None
            buffer = getattr(self._stdout, "buffer", None)
            if buffer is not None:  # JSON is UTF-8 whatever the terminal's encoding
                self._stdout.flush()
                buffer.write(line.encode("utf-8") + b"\n")
                buffer.flush()
            else:
                self._stdout.write(line + "\n")
                self._stdout.flush()
        self.written += 1

    def close(self) -> None:
        if self._handle is not None:
            if self._created and not self.written:  # a run that wrote nothing leaves nothing
                self._path.unlink(missing_ok=True)
            try:
                self._handle.flush()
                os.fsync(self._handle.fileno())
            except OSError:
                pass
            self._handle.close()  # releases the lock
            self._handle = None


def _lock(handle: IO[bytes], target: str) -> None:
    try:
        import fcntl
    except ImportError:  # not POSIX: no lock
        return
    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        raise InputError(
            f"{target} is being written by another summarize batch",
            "wait for it to finish, or give another -o file",
        ) from None
    except OSError:  # a file system without locks
        pass


def _drop_ranges(handle: IO[bytes], ranges: list[tuple[int, int]], end: int) -> int:
    """Remove byte ranges (whole lines, in order) from the locked file in place, moving what
    follows each one down; returns the new end."""
    handle.flush()
    fd = handle.fileno()
    write_at = ranges[0][0]
    bounds = [*ranges, (end, end)]
    for (_, kept_from), (kept_to, _) in itertools.pairwise(bounds):
        read_at = kept_from
        while read_at < kept_to:
            block = os.pread(fd, min(1 << 20, kept_to - read_at), read_at)
            os.pwrite(fd, block, write_at)
            read_at += len(block)
            write_at += len(block)
    os.ftruncate(fd, write_at)
    return write_at


# -- progress -------------------------------------------------------------------------------------


def _clock(seconds: float) -> str:
    seconds = int(seconds + 0.5)
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"


class Progress:
    """`summarize: 120/5000 stories, 8.5/s, 2 errors, ETA 9:34` on stderr.

    On a terminal one carriage-return line, redrawn at most 5 times a second, ended with a
    newline; into a file or pipe a plain line every 10 seconds, so a log stays readable."""

    def __init__(self, total: int, *, stream: TextIO | None = None, enabled: bool = True) -> None:
        self.total = total
        self.done = 0
        self.errors = 0
        self.stream = stream or sys.stderr
        self.enabled = enabled
        self.tty = enabled and bool(getattr(self.stream, "isatty", lambda: False)())
        self.every = 0.2 if self.tty else 10.0
        self.start = time.monotonic()
        self._shown = self.start
        self._width = 0

    def step(self, failed: bool) -> None:
        self.done += 1
        self.errors += failed
        now = time.monotonic()
        if self.enabled and now - self._shown >= self.every:
            self._shown = now
            self._show(now)

    def line(self, now: float | None = None) -> str:
        elapsed = (now or time.monotonic()) - self.start
        rate = self.done / elapsed if elapsed > 0 else 0.0
        left = self.total - self.done
        eta = _clock(left / rate) if rate > 0 and left > 0 else "--"
        return (
            f"summarize: {self.done}/{self.total} stories, {rate:.1f}/s, "
            f"{self.errors} error{'s' if self.errors != 1 else ''}, ETA {eta}"
        )

    def _show(self, now: float) -> None:
        text = self.line(now)
        if self.tty:
            self.stream.write("\r" + text.ljust(self._width))
            self._width = len(text)
        else:
            self.stream.write(text + "\n")
        self.stream.flush()

    def close(self) -> float:
        """End the line; returns the seconds since the start."""
        elapsed = time.monotonic() - self.start
        if self.tty and self._width:
            self.stream.write("\r" + " " * self._width + "\r")
            self.stream.flush()
        return elapsed
