"""What `summarize batch` offers, importable without the batch machinery: the CLI builds its
parser, `batch` included, on every start-up, and `batch_api` with its engines (multiprocessing,
`batch_io`) takes ~45 ms to import that a briefing never uses."""

from __future__ import annotations

ENGINES = ("local", "dask")
DEFAULT_RETRIES = 2
