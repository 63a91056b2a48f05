"""Progress messages: every long model step reports through one optional callback."""

from __future__ import annotations

from collections.abc import Callable

Progress = Callable[[str], None]


def say(progress: Progress | None, message: str) -> None:
    if progress is not None:
        progress(message)
