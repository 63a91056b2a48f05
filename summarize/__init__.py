"""summarize: several news articles about one story in, one cited briefing out.

>>> from summarize import summarize, render
>>> briefing = summarize(["seeds/"], words=150)
>>> print(render(briefing, "markdown"))
"""

from typing import Any

from .api import DEFAULT_WORDS, BriefingOptions, check, resolve_toggle, summarize, summarize_with
from .errors import InputError, ModelUnavailable, NoSourcesOn, SummarizeError
from .ingest import load
from .registry import AVAILABLE_METHODS, DEFAULT_METHOD
from .render import render
from .schema import (
    Article,
    Briefing,
    Check,
    Dated,
    Disagreement,
    Point,
    Problem,
    Sentence,
    Side,
    Support,
    Verdict,
)

__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    """`batch` and `Result` are imported on first use: the batch machinery (multiprocessing,
    the engines) would add ~50 ms to every `summarize` start-up that never runs a batch."""
    if name in ("batch", "Result"):
        from . import batch_api

        return getattr(batch_api, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "AVAILABLE_METHODS",
    "DEFAULT_METHOD",
    "DEFAULT_WORDS",
    "Article",
    "Briefing",
    "BriefingOptions",
    "Check",
    "Dated",
    "Disagreement",
    "InputError",
    "ModelUnavailable",
    "NoSourcesOn",
    "Point",
    "Problem",
    "Result",
    "Sentence",
    "Side",
    "SummarizeError",
    "Support",
    "Verdict",
    "batch",
    "check",
    "load",
    "render",
    "resolve_toggle",
    "summarize",
    "summarize_with",
]
