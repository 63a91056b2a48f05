"""Atomic file output: a failed write never leaves half a file or loses the old one."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from .errors import InputError
from .schema import Article


def check_target(path: str | os.PathLike[str]) -> Path:
    """Refuse an output path that cannot be written, before any work is done for it."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise InputError(
            f"cannot write {target}: folder {folder} does not exist",
            "create the folder or choose another path",
        )
    if target.is_dir():
        raise InputError(f"cannot write {target}: it is a folder", "give a file name")
    return target


def write_atomic(path: str | os.PathLike[str], text: str) -> Path:
    """Write to a temporary file beside `path`, fsync, then rename over it in one step."""
    target = check_target(path)
    folder = target.parent if str(target.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise InputError(
            f"cannot write in {folder}: {exc.strerror}", "check its permissions"
        ) from exc
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        if target.exists():
            os.chmod(tmp, target.stat().st_mode & 0o777)
        else:
            os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


def refuse_inputs(
    path: str | os.PathLike[str], articles: Iterable[Article], sources: Iterable[str]
) -> None:
    """Never write over an article that is being read: the user would lose it."""
    target = Path(path).resolve()
    read = {Path(a.path).resolve() for a in articles if a.path and a.path != "-"}
    read |= {Path(s).resolve() for s in sources if s != "-" and Path(s).is_file()}
    if target in read:
        raise InputError(
            f"refusing to write {path}: it is one of the articles being summarised",
            "choose another -o path",
        )
