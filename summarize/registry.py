"""Method names -> ranker classes: the one list the CLI, the TUI and the benchmarks all offer.

Like sumy's AVAILABLE_METHODS. Heavy methods import what they need only when run.
"""

from __future__ import annotations

from .errors import InputError
from .rank import Consensus, ConsensusMiniLM, Coverage, Lead, LexRank, Random, Ranker

AVAILABLE_METHODS: dict[str, type[Ranker]] = {
    cls.name: cls for cls in (Consensus, Coverage, ConsensusMiniLM, LexRank, Lead, Random)
}
DEFAULT_METHOD = "coverage"


def get(name: str) -> type[Ranker]:
    try:
        return AVAILABLE_METHODS[name]
    except KeyError:
        choices = ", ".join(AVAILABLE_METHODS)
        raise InputError(f"unknown method {name!r}", f"choose one of: {choices}") from None
