"""The one error type of `models/`: a model cannot be found, fetched or loaded.

`models` never imports `summarize`; the CLI's error presenter reads `message` and `fix` from this
type the same way it reads them from `summarize.errors.SummarizeError`.
"""

from __future__ import annotations


class ModelError(Exception):
    """`message` says what is wrong, `fix` says what the user can do about it."""

    def __init__(self, message: str, fix: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.fix = fix

    def __str__(self) -> str:
        return f"{self.message} ({self.fix})" if self.fix else self.message
