"""Status line: method, mode, words (actual of budget), sources on, and the last update time."""

from __future__ import annotations

from dataclasses import dataclass

from textual.content import Content
from textual.widgets import Static


@dataclass(frozen=True)
class StatusInfo:
    method: str
    mode: str
    budget: int
    words: int | None
    on: int
    total: int
    elapsed_ms: float | None
    busy: bool = False
    show_timing: bool = True


def status_content(info: StatusInfo) -> Content:
    """Plain text with a few styled fields; timing hidden for deterministic snapshots."""
    words = "–" if info.words is None else str(info.words)
    if info.busy:
        timing = "rewriting… (escape cancels)" if info.mode == "abstractive" else "updating…"
    elif not info.show_timing:
        timing = "— ms"
    elif info.elapsed_ms is None:
        timing = "– ms"
    else:
        timing = f"{info.elapsed_ms:.0f} ms"
    return Content.assemble(
        ("method ", "$text-muted"),
        (info.method, "bold"),
        (" · ", "$text-muted"),
        (info.mode, "bold"),
        (" · words ", "$text-muted"),
        (f"{words}/{info.budget}", "bold"),
        (" · sources ", "$text-muted"),
        (f"{info.on}/{info.total}", "bold"),
        (" · ", "$text-muted"),
        (timing, "bold"),
    )


class StatusBar(Static):
    """A one-line summary of the settings the shown briefing was made with."""

    def show(self, info: StatusInfo) -> None:
        self.info = info
        self.update(status_content(info))
