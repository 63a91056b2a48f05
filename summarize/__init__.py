"""summarize: several news articles about one story in, one cited briefing out.

>>> from summarize import summarize, render
>>> briefing = summarize(["seeds/"], words=150)
>>> print(render(briefing, "markdown"))
"""

from .api import DEFAULT_WORDS, check, resolve_toggle, summarize
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

__all__ = [
    "AVAILABLE_METHODS",
    "DEFAULT_METHOD",
    "DEFAULT_WORDS",
    "Article",
    "Briefing",
    "Check",
    "Dated",
    "Disagreement",
    "InputError",
    "ModelUnavailable",
    "NoSourcesOn",
    "Point",
    "Problem",
    "Sentence",
    "Side",
    "SummarizeError",
    "Support",
    "Verdict",
    "check",
    "load",
    "render",
    "resolve_toggle",
    "summarize",
]
