"""The table `summarize models` prints: every catalogue model and whether it is usable here."""

from __future__ import annotations

from typing import TextIO

from .catalogue import CATALOGUE, DEFAULT_ABSTRACTIVE
from .locate import availability, cache_root


def _size(mb: float | None, params: str | None) -> str:
    parts = [f"{mb:.0f} MB" if mb else "", params or ""]
    return " / ".join(p for p in parts if p) or "?"


def table(out: TextIO) -> None:
    rows = [("name", "kind", "size", "licence", "context", "on this machine")]
    for entry in CATALOGUE.values():
        name = entry.name + (" *" if entry.name == DEFAULT_ABSTRACTIVE else "")
        rows.append(
            (
                name,
                entry.kind,
                _size(entry.size_mb, entry.params),
                entry.licence,
                str(entry.context_length or "?"),
                availability(entry.name).label,
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]) - 1)]
    for row in rows:
        cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=False)]
        print("  ".join([*cells, row[-1]]).rstrip(), file=out)
    print(f"\n* default abstractive model. Cache: {cache_root()}", file=out)
    print("Any other NAME is taken as a Hugging Face model id or a local model folder.", file=out)
