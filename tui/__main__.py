"""`python -m tui [SOURCES...]`: the same entry point as `summarize tui`."""

from __future__ import annotations

import sys

from tui.app import run

if __name__ == "__main__":
    raise SystemExit(run(sys.argv[1:]))
