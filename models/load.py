"""Load a model for inference. torch/transformers are imported inside functions only."""

from __future__ import annotations

import json
import os
import threading
import time
import warnings
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from .catalogue import DEFAULT_ABSTRACTIVE, Kind, ModelEntry, entry_for
from .errors import ModelError
from .fetch import materialise
from .locate import network_allowed, resolve
from .progress import Progress, say
from .runtime import prepare_torch, quiet_transformers


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
        for attribute in (
            "max_position_embeddings",
            "max_encoder_position_embeddings",
            "n_positions",
        ):
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


def _read_config(folder: Path) -> dict[str, Any]:
    try:
        data = json.loads((folder / "config.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def load(name_or_path: str | None = None, progress: Progress | None = None) -> LoadedModel:
    """Load once per process; later calls with the same model return the same object.

    Raises ModelError (with a fix) when the model is not on this machine and downloads are not
    allowed, or when its files cannot be read.
    """
    entry = entry_for(name_or_path or DEFAULT_ABSTRACTIVE)
    with _LOCK:
        located = resolve(entry)
        remote = located.state == "hub-only" and network_allowed()
        where = (
            located.hub_id
            if remote and located.hub_id
            else str(materialise(located, progress=progress))
        )
        key = (entry.name, where)
        if key not in _CACHE:
            _CACHE[key] = _load(entry, where, remote, progress)
        return _CACHE[key]


def clear_cache() -> None:
    with _LOCK:
        _CACHE.clear()


def _load(entry: ModelEntry, where: str, remote: bool, progress: Progress | None) -> LoadedModel:
    started = time.perf_counter()
    say(progress, f"loading {entry.name}…")
    try:
        prepare_torch()
        import torch
        import transformers
    except ImportError as error:
        raise ModelError(
            "the abstractive stage needs torch and transformers",
            "pip install torch==2.13.0 transformers",
        ) from error
    kind: Kind = entry.kind
    try:
        with quiet_transformers():
            if remote:
                config = transformers.AutoConfig.from_pretrained(where)
                kind = "seq2seq" if getattr(config, "is_encoder_decoder", False) else "causal"
            elif kind != "embedding":
                kind = "seq2seq" if _read_config(Path(where)).get("is_encoder_decoder") else kind
            fast = None if remote or kind != "causal" else _load_direct(Path(where))
            if fast is not None:
                model, tokenizer = fast
            else:
                tokenizer = transformers.AutoTokenizer.from_pretrained(where)
                auto = {
                    "seq2seq": transformers.AutoModelForSeq2SeqLM,
                    "causal": transformers.AutoModelForCausalLM,
                    "embedding": transformers.AutoModel,
                }[kind]
                model = auto.from_pretrained(where, dtype="auto")
    except (OSError, ValueError, KeyError) as error:
        if remote:
            raise ModelError(
                f"could not download {entry.name}: {error}", "check the model id and the network"
            ) from error
        raise ModelError(
            f"could not load {entry.name} from {where}: {error}",
            f"summarize models fetch {entry.name}",
        ) from error
    dtype = os.environ.get("SUMMARIZE_DTYPE")  # e.g. float32 on CPUs without AVX512-BF16
    if dtype == "int8":
        model = _quantize_int8(model)
    elif dtype and isinstance(getattr(torch, dtype, None), torch.dtype):
        model = model.to(getattr(torch, dtype))
    model.eval()
    if kind != "embedding" and tokenizer.pad_token_id is None:
        tokenizer.pad_token = tokenizer.eos_token
    seconds = time.perf_counter() - started
    say(progress, f"loaded {entry.name} in {seconds:.1f} s")
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
    if result.unexpected_keys or any(
        k != "lm_head.weight" or not tied for k in result.missing_keys
    ):
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
    tokenizer_config = (
        json.loads((folder / "tokenizer_config.json").read_text(encoding="utf-8"))
        if (folder / "tokenizer_config.json").is_file()
        else {}
    )
    special = {
        k: v
        for k, v in tokenizer_config.items()
        if k in ("bos_token", "eos_token", "unk_token", "pad_token") and isinstance(v, str)
    }
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
