"""One exception family for every problem the user can fix, and one presenter for all of them.

Every entry point (`summarize` and its verbs, `python -m tui`, `python -m benchmarks`) ends in
`report`, so a problem looks the same wherever it happens: one line, `summarize: error: what is
wrong (what to do)`, exit status 2 for anything the user can correct, 1 only for our own bugs.
"""

from __future__ import annotations

import errno
import os
import sys
import traceback
from typing import TextIO

from models.errors import ModelError

USAGE = 2
"""Bad input, bad usage, a missing model: the user can correct it."""
INTERNAL = 1
"""A bug of ours."""
INTERRUPTED = 130

DEBUG_ENV = "SUMMARIZE_DEBUG"


class SummarizeError(Exception):
    """A user-facing error: `message` says what is wrong, `fix` says what to do about it."""

    def __init__(self, message: str, fix: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.fix = fix

    def __str__(self) -> str:
        return f"{self.message} ({self.fix})" if self.fix else self.message


class InputError(SummarizeError):
    """The articles given cannot be read or summarised."""


class NoSourcesOn(InputError):
    """Every source is toggled off: an empty state for the TUI, an error for the CLI."""


def cannot_read(path: object, exc: OSError) -> InputError:
    """Why a file could not be read, with the fix that fits the cause (a bare errno text
    followed by "check its permissions" is wrong whenever permissions are not the cause)."""
    if exc.errno in (errno.EACCES, errno.EPERM):
        return InputError(f"cannot read {path}: no permission", "check its permissions")
    if exc.errno == errno.EIO:
        return InputError(
            f"cannot read {path}: the device reported an input/output error",
            "copy the file from a backup or another disk",
        )
    return InputError(
        f"cannot read {path}: {exc.strerror or exc}", "give a regular file you can open"
    )


class ModelUnavailable(SummarizeError):
    """An abstractive or embedding model is not installed, cannot write, or cannot load."""

    @classmethod
    def from_model_error(cls, error: ModelError) -> ModelUnavailable:
        return cls(error.message, error.fix)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def report(exc: BaseException, *, stream: TextIO | None = None, prog: str = "summarize") -> int:
    """Print one line about `exc` and return the exit status it deserves."""
    out = stream or sys.stderr
    if isinstance(exc, (SummarizeError, ModelError)):
        print(f"{prog}: error: {_one_line(str(exc))}", file=out)
        return USAGE
    if isinstance(exc, KeyboardInterrupt):
        print(f"{prog}: interrupted", file=out)
        return INTERRUPTED
    if isinstance(exc, BrokenPipeError):
        # The reader went away (`summarize seeds | head -1`): nothing left to say to it.
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except (OSError, ValueError):
            pass
        return INTERNAL
    if isinstance(exc, MemoryError):
        print(f"{prog}: error: out of memory (give fewer or smaller articles)", file=out)
        return USAGE
    if os.environ.get(DEBUG_ENV):
        traceback.print_exception(exc, file=out)
    else:
        print(
            f"{prog}: internal error: {type(exc).__name__}: {_one_line(str(exc))} "
            f"(rerun with {DEBUG_ENV}=1 for details and report it)",
            file=out,
        )
    return INTERNAL
