"""`python -m benchmarks KIND ...`: the same command as `summarize bench KIND ...`."""

from __future__ import annotations

import sys

from summarize.cli import main

if __name__ == "__main__":
    raise SystemExit(main(["bench", *sys.argv[1:]]))
