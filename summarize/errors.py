"""One exception type for every problem the user can fix; the CLI turns it into one line."""

from __future__ import annotations


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


class ModelUnavailable(SummarizeError):
    """An abstractive or embedding model is not installed or cannot be loaded offline."""
