"""summarize: several news articles about one story in, one cited briefing out.

>>> from summarize import summarize, render
>>> briefing = summarize(["seeds/"], words=150)
>>> print(render(briefing, "markdown"))
"""

from .api import DEFAULT_WORDS, resolve_toggle, summarize
from .errors import InputError, ModelUnavailable, NoSourcesOn, SummarizeError
from .ingest import load
from .registry import AVAILABLE_METHODS, DEFAULT_METHOD
from .render import render
from .schema import Article, Briefing, Point, Sentence, Support

__version__ = "0.1.0"

__all__ = [
    "AVAILABLE_METHODS",
    "DEFAULT_METHOD",
    "DEFAULT_WORDS",
    "Article",
    "Briefing",
    "InputError",
    "ModelUnavailable",
    "NoSourcesOn",
    "Point",
    "Sentence",
    "SummarizeError",
    "Support",
    "load",
    "render",
    "resolve_toggle",
    "summarize",
]
