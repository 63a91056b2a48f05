"""Output: atomic files (a failed write never leaves half a file or loses the old one), and a
standard output that only the briefing writes to."""

from __future__ import annotations

import errno
import os
import sys
import tempfile
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from .errors import InputError
from .schema import Article

_REDIRECT = threading.Lock()


@contextmanager
def stdout_to_stderr() -> Iterator[None]:
    """Send what C code prints to standard output to standard error meanwhile.

    HiGHS (1.x; `concepts.solve`) sometimes `printf`s a debugging line from its MIP solver even
    with its output off ("HighsMipSolverData::transformNewIntegerFeasibleSolution
    tmpSolver.run();"), seen on a loaded machine only. On standard output it would corrupt
    `-f json` and piped Markdown; on standard error it is noise at worst.

    The redirect is process-wide, so only a caller that alone writes standard output, and not
    while this runs, may use it: the CLI around a briefing whose text it prints afterwards. The
    library never does (an API user's other threads may be printing), and batch workers send
    their standard output to /dev/null instead.
    """
    with _REDIRECT:
        saved: int | None = None
        try:
            if sys.stdout is not None:
                sys.stdout.flush()
            saved = os.dup(1)
            os.dup2(2, 1)
        except (OSError, ValueError):  # no usable fd 1 or 2 (closed, embedded): leave them
            if saved is not None:
                os.close(saved)
            saved = None
        try:
            yield
        finally:
            if saved is not None:
                os.dup2(saved, 1)
                os.close(saved)


def check_target(path: str | os.PathLike[str]) -> Path:
    """Refuse an output path that cannot be written, before any work is done for it."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise InputError(
            f"cannot write {target}: folder {folder} does not exist",
            "create the folder or choose another path",
        )
    if target.is_dir():
        raise InputError(f"cannot write {target}: it is a folder", "give a file name")
    if target.exists() and not target.is_file():
        # the rename would replace a FIFO or a device with a plain file, silently
        raise InputError(
            f"cannot write {target}: it is not a regular file (a pipe or a device)",
            "give a file name, or leave out -o to print to standard output",
        )
    return target


def write_atomic(path: str | os.PathLike[str], text: str) -> Path:
    """Write to a temporary file beside `path`, fsync, then rename over it in one step."""
    target = check_target(path)
    folder = target.parent if str(target.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise cannot_write(target, exc) from exc
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        if target.exists():
            os.chmod(tmp, target.stat().st_mode & 0o777)
        else:
            os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise cannot_write(target, exc) from exc
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


def cannot_write(target: Path, exc: OSError) -> InputError:
    """Why `target` could not be written, in words that fit the fix: the bare errno text can
    contradict it (/proc exists, yet creating a file there says "No such file or directory")."""
    folder = target.parent if str(target.parent) else Path(".")
    if exc.errno in (errno.EACCES, errno.EPERM):
        reason = f"no permission to create files in {folder}"
    elif exc.errno == errno.EROFS:
        reason = f"{folder} is on a read-only file system"
    elif exc.errno in (errno.ENOSPC, errno.EDQUOT):
        reason = f"no space left in {folder}"
    elif exc.errno == errno.ENOENT:  # the folder exists (checked first): a virtual one
        reason = f"{folder} does not take new files"
    else:
        reason = exc.strerror or str(exc)
    return InputError(
        f"cannot write {target}: {reason}", "choose an output path in a folder you can write"
    )


def refuse_inputs(
    path: str | os.PathLike[str], articles: Iterable[Article], sources: Iterable[str]
) -> None:
    """Never write over an article that is being read: the user would lose it."""
    target = Path(path).resolve()
    read = {Path(a.path).resolve() for a in articles if a.path and a.path != "-"}
    read |= {Path(s).resolve() for s in sources if s != "-" and Path(s).is_file()}
    if target in read:
        raise InputError(
            f"refusing to write {path}: it is one of the files being read",
            "choose another -o path",
        )
