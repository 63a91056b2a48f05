"""How torch and transformers run here: thread count, wait policy, and quiet logging.

Imported only by code that is about to run a model; importing this module itself is cheap
(torch is imported inside the functions).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager

THREADS_ENV = "SUMMARIZE_THREADS"


SPINNING_THREADS = 1
"""Threads when OpenMP may busy-wait (torch was imported before we could ask for a passive wait
policy): beside another busy process on 2 cores, two spinning threads made generation fall from
~20 to 0.4 tokens/s."""
PASSIVE_THREADS = 2
"""Threads when OpenMP waits passively: measured on this 2-core machine (benchmarks/results/
model.md), 2 threads gave 11.8 tokens/s idle and 8.7 beside a CPU hog, against 8.8 and 7.4 for
one thread. More than 2 gains little for a 135M model and takes cores from other work."""

_passive: bool | None = None
"""Whether the OpenMP runtime of this process waits passively (decided once, on first use)."""


def thread_count(passive: bool = True) -> int:
    """Threads for torch: $SUMMARIZE_THREADS if set to a positive number, else 2 (at most the
    cores) when OpenMP waits passively, else 1."""
    value = os.environ.get(THREADS_ENV, "")
    if value.isdigit() and int(value) > 0:
        return int(value)
    if not passive:
        return SPINNING_THREADS
    return max(1, min(PASSIVE_THREADS, os.cpu_count() or 1))


def prepare_torch() -> None:
    """Set the thread count before any model runs; call before or right after importing torch.

    OpenMP threads that spin while waiting stall when another busy process shares the cores; a
    passive wait policy avoids that. It must be in the environment before the OpenMP runtime
    starts, hence setdefault here; if torch was imported earlier without it, one thread.
    """
    global _passive
    if _passive is None:
        already = os.environ.get("OMP_WAIT_POLICY", "").upper()
        _passive = "torch" not in sys.modules or already == "PASSIVE"
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    import torch

    threads = thread_count(_passive)
    if torch.get_num_threads() != threads:
        torch.set_num_threads(threads)


@contextmanager
def quiet_transformers() -> Iterator[None]:
    """Silence transformers' own progress bars and warnings for the duration."""
    from transformers.utils import logging as hf_logging

    verbosity = hf_logging.get_verbosity()
    hf_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()
    try:
        yield
    finally:
        hf_logging.enable_progress_bar()
        hf_logging.set_verbosity(verbosity)
