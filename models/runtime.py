"""How torch and transformers run here: thread count, wait policy, and quiet logging.

Imported only by code that is about to run a model; importing this module itself is cheap
(torch is imported inside the functions).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

THREADS_ENV = "SUMMARIZE_THREADS"


DEFAULT_THREADS = 1
"""One thread: greedy decoding of a 135M model is bound by per-token overhead, and a second
OpenMP thread only helps on an idle machine; beside another busy process on 2 cores it made
generation fall from ~20 to 0.4 tokens/s (benchmarks/results/model.md measures both)."""


def thread_count() -> int:
    """Threads for torch: $SUMMARIZE_THREADS if set to a positive number, else one."""
    value = os.environ.get(THREADS_ENV, "")
    if value.isdigit() and int(value) > 0:
        return int(value)
    return DEFAULT_THREADS


def prepare_torch() -> None:
    """Set the thread count before any model runs; call before or right after importing torch.

    OpenMP threads that spin while waiting stall when another busy process shares the cores
    (generation fell from ~20 to 0.4 tokens/s on 2 cores); a passive wait policy avoids that.
    It must be in the environment before the OpenMP runtime starts, hence setdefault here.
    """
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    import torch

    threads = thread_count()
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
