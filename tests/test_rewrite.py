"""The abstractive stage end to end with tiny real models built and taught inside the tests.

The models are random-init Llama/BART with tiny dimensions, taught by a few hundred gradient
steps to answer the exact prompts `rewrite` builds with known drafts (including hallucinated
names and numbers), so the assertions are about what the pipeline does with real generation:
streaming, chunking, cancellation, alignment citations, the word budget and the guard.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from pathlib import Path

import pytest

os.environ["HF_HUB_OFFLINE"] = "1"

torch = pytest.importorskip("torch")
transformers = pytest.importorskip("transformers")

from models.load import LoadedModel, load  # noqa: E402
from summarize import guard  # noqa: E402
from summarize.rewrite import INSTRUCTION, fill, finalise, plan_chunks, rewrite  # noqa: E402
from summarize.schema import Article, Point, Sentence, Support  # noqa: E402
from summarize.sentences import split_sentences  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]

A1 = (
    "A U.S. drone strike killed General Qassem Soleimani at Baghdad International Airport "
    "on Friday. The Pentagon said the strike was ordered by President Donald Trump."
)
A2 = (
    "Iran vowed severe revenge for the killing of Soleimani. About 3,000 more U.S. troops "
    "will be sent to the region, officials said."
)
A3 = (
    "Oil prices jumped four percent after the strike in Baghdad. Markets in Asia fell "
    "sharply on Friday as traders feared a wider war."
)
ARTICLES = (Article(1, "a1", A1), Article(2, "a2", A2), Article(3, "a3", A3))


def _point(doc: int, index: int, support: Sequence[Support] = ()) -> Point:
    text = split_sentences(ARTICLES[doc - 1].text)[index]
    cites = tuple(sorted({doc, *(s.sentence.doc_id for s in support)}))
    return Point(text, Sentence(doc, index, text), 1.0 - index / 10, tuple(support), cites)


REVENGE = split_sentences(A2)[0]
POINTS = (
    _point(1, 0, (Support(Sentence(2, 0, REVENGE), 0.4),)),
    _point(1, 1),
    _point(2, 1),
)
GOOD = (
    "A U.S. drone strike killed Soleimani at Baghdad airport on Friday on orders from "
    "President Donald Trump."
)
HALLUCINATED = (
    "Iran vowed severe revenge and the U.S. will send 5,000 more troops, said General Mark Milley."
)
DRAFT = f"{GOOD} {HALLUCINATED}"
CHUNK_DRAFTS = (
    "The U.S. killed Soleimani in a drone strike at Baghdad airport on Friday.",
    "About 3,000 more U.S. troops will be sent to the region.",
    "Oil prices jumped four percent after the strike in Baghdad.",
)


def _corpus() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    texts += [A1, A2, A3, DRAFT, *CHUNK_DRAFTS, INSTRUCTION, "Briefing: [1] [2] [3] [1][2]"]
    return texts


@pytest.fixture(scope="module")
def tokenizer_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A whitespace WordLevel tokenizer trained in memory, so decoding restores text exactly."""
    from tokenizers import Tokenizer, models, pre_tokenizers, trainers

    tok = Tokenizer(models.WordLevel(unk_token="<unk>"))
    tok.pre_tokenizer = pre_tokenizers.WhitespaceSplit()
    trainer = trainers.WordLevelTrainer(special_tokens=["<pad>", "<unk>", "<s>", "</s>"])
    tok.train_from_iterator(_corpus(), trainer=trainer)
    fast = transformers.PreTrainedTokenizerFast(
        tokenizer_object=tok,
        pad_token="<pad>",
        unk_token="<unk>",
        bos_token="<s>",
        eos_token="</s>",
    )
    fast.chat_template = (
        "{% for m in messages %}{{ m['content'] }}{% endfor %}"
        "{% if add_generation_prompt %} Briefing:{% endif %}"
    )
    folder = tmp_path_factory.mktemp("tokenizer")
    fast.save_pretrained(folder)
    return folder


def _build(tokenizer_dir: Path, folder: Path, kind: str, window: int) -> LoadedModel:
    tok = transformers.AutoTokenizer.from_pretrained(tokenizer_dir)
    torch.manual_seed(0)
    ids = {
        "vocab_size": len(tok),
        "pad_token_id": tok.pad_token_id,
        "bos_token_id": tok.bos_token_id,
        "eos_token_id": tok.eos_token_id,
    }
    if kind == "causal":
        config = transformers.LlamaConfig(
            hidden_size=64,
            intermediate_size=128,
            num_hidden_layers=2,
            num_attention_heads=4,
            num_key_value_heads=2,
            max_position_embeddings=window,
            **ids,
        )
        model = transformers.LlamaForCausalLM(config)
    else:
        config = transformers.BartConfig(
            d_model=64,
            encoder_layers=1,
            decoder_layers=1,
            encoder_attention_heads=4,
            decoder_attention_heads=4,
            encoder_ffn_dim=128,
            decoder_ffn_dim=128,
            max_position_embeddings=window,
            dropout=0.0,
            attention_dropout=0.0,
            decoder_start_token_id=tok.bos_token_id,
            forced_eos_token_id=None,
            **ids,
        )
        model = transformers.BartForConditionalGeneration(config)
    model.save_pretrained(folder)
    tok.save_pretrained(folder)
    loaded = load(str(folder))
    assert loaded.kind == kind and loaded.context_length == window
    return loaded


def _teach(loaded: LoadedModel, pairs: Sequence[tuple[str, str]], steps: int = 300) -> None:
    """Teach the model to answer each prompt with its draft (teacher forcing, Adam)."""
    tok, model = loaded.tokenizer, loaded.model
    torch.manual_seed(0)
    model.train()
    optimiser = torch.optim.Adam(model.parameters(), lr=1e-2)
    batches = []
    for prompt, target in pairs:
        target_ids = tok(target, add_special_tokens=False)["input_ids"] + [tok.eos_token_id]
        if loaded.kind == "causal":
            prompt_ids = tok(prompt, add_special_tokens=False)["input_ids"]
            batches.append(
                {
                    "input_ids": torch.tensor([prompt_ids + target_ids]),
                    "labels": torch.tensor([[-100] * len(prompt_ids) + target_ids]),
                }
            )
        else:
            batches.append(
                {
                    "input_ids": torch.tensor([tok(prompt)["input_ids"]]),
                    "labels": torch.tensor([target_ids]),
                }
            )
    for _ in range(steps):
        optimiser.zero_grad()
        loss = sum(model(**batch).loss for batch in batches)
        loss.backward()
        optimiser.step()
        if float(loss.detach()) < 1e-3 * len(batches):
            break
    model.eval()


def _prompts(loaded: LoadedModel, points: Sequence[Point], words: int) -> list[str]:
    return [c.prompt for c in plan_chunks(loaded, points, words) if not c.verbatim]


@pytest.fixture(scope="module")
def llama(tokenizer_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> LoadedModel:
    loaded = _build(tokenizer_dir, tmp_path_factory.mktemp("llama"), "causal", 512)
    pairs = [(p, DRAFT) for w in (60, 20) for p in _prompts(loaded, POINTS, w)]
    assert len(pairs) == 2  # one chunk each: everything fits the 512-token window
    _teach(loaded, pairs)
    return loaded


def _unsupported_by_citations(point: Point) -> list[str]:
    sources = "\n".join(ARTICLES[c - 1].text for c in point.citations)
    return guard.unsupported(point.text, sources)


def test_rewrite_streams_cites_and_guards(llama: LoadedModel) -> None:
    pieces: list[str] = []
    result = rewrite(POINTS, ARTICLES, words=60, model=str(llama.path), on_token=pieces.append)
    assert result.drafts == (DRAFT,)
    assert "".join(pieces).strip() == DRAFT
    assert len(pieces) > 5  # streamed, not delivered in one piece
    first = result.points[0]
    assert first.rewritten and first.text == GOOD
    assert first.citations == (1, 2) and first.origin == POINTS[0].origin
    # The hallucinated sentence (5,000 troops, General Mark Milley) cannot be repaired and its
    # extracted sentence is already in the briefing, so nothing is counted as replaced; the
    # budget is topped up with the uncovered extracted point instead.
    assert result.replaced == 0
    assert all("Milley" not in p.text and "5,000" not in p.text for p in result.points)
    assert result.points[1:] == (POINTS[2],)
    assert any("Added 1 extracted" in n for n in result.notices)
    for point in result.points:
        assert point.citations
        assert _unsupported_by_citations(point) == []
    assert sum(p.words for p in result.points) <= 60


def test_word_budget_drops_trailing_sentences(llama: LoadedModel) -> None:
    result = rewrite(POINTS, ARTICLES, words=20, model=str(llama.path))
    assert result.drafts == (DRAFT,)
    assert [p.text for p in result.points] == [GOOD]
    assert sum(p.words for p in result.points) <= 20


def test_deterministic(llama: LoadedModel) -> None:
    first = rewrite(POINTS, ARTICLES, words=60, model=str(llama.path))
    second = rewrite(POINTS, ARTICLES, words=60, model=str(llama.path))
    assert first == second


def test_cancel_mid_stream_falls_back_to_extractive(llama: LoadedModel) -> None:
    cancel = threading.Event()
    pieces: list[str] = []

    def on_token(piece: str) -> None:
        pieces.append(piece)
        cancel.set()

    result = rewrite(
        POINTS, ARTICLES, words=60, model=str(llama.path), on_token=on_token, cancel=cancel
    )
    assert result.points == POINTS
    assert not any(p.rewritten for p in result.points)
    assert any("cancelled" in n for n in result.notices)
    assert "".join(pieces).strip() != DRAFT  # generation stopped early


def test_cancel_before_start_generates_nothing(llama: LoadedModel) -> None:
    cancel = threading.Event()
    cancel.set()
    pieces: list[str] = []
    result = rewrite(
        POINTS, ARTICLES, words=30, model=str(llama.path), on_token=pieces.append, cancel=cancel
    )
    assert pieces == []
    assert result.points == POINTS[:2]  # extractive, trimmed to the 30-word budget
    assert sum(p.words for p in result.points) <= 30


def test_long_input_is_chunked_and_every_chunk_contributes(
    tokenizer_dir: Path, tmp_path: Path
) -> None:
    points = (POINTS[0], POINTS[2], _point(3, 0))
    loaded = _build(tokenizer_dir, tmp_path / "small", "causal", 88)
    prompts = _prompts(loaded, points, 60)
    assert len(prompts) == 3  # the window holds one sentence (and its output) at a time
    _teach(loaded, list(zip(prompts, CHUNK_DRAFTS, strict=True)))
    pieces: list[str] = []
    result = rewrite(
        points, ARTICLES, words=60, model=str(tmp_path / "small"), on_token=pieces.append
    )
    assert result.drafts == CHUNK_DRAFTS
    assert [p.text for p in result.points] == list(CHUNK_DRAFTS)
    assert [p.citations for p in result.points] == [(1, 2), (2,), (3,)]
    assert all(p.rewritten for p in result.points)
    assert any("3 parts" in n for n in result.notices)
    assert result.replaced == 0


def test_sentence_longer_than_window_is_kept_verbatim(tokenizer_dir: Path, tmp_path: Path) -> None:
    long_text = " ".join([A1, A2, A3])
    long_point = Point(long_text, Sentence(1, 0, long_text), 1.0, (), (1, 2, 3))
    _build(tokenizer_dir, tmp_path / "m", "causal", 48)
    result = rewrite([long_point], ARTICLES, words=200, model=str(tmp_path / "m"))
    assert any("Kept 1 sentence" in n for n in result.notices)
    assert result.drafts == (long_text,)
    assert sum(p.words for p in result.points) <= 200
    assert all(p.citations for p in result.points)


def test_seq2seq_model(tokenizer_dir: Path, tmp_path: Path) -> None:
    loaded = _build(tokenizer_dir, tmp_path / "bart", "seq2seq", 256)
    (prompt,) = _prompts(loaded, POINTS[:2], 40)
    assert "Rewrite" not in prompt  # seq2seq models get the plain sentences
    _teach(loaded, [(prompt, GOOD)])
    pieces: list[str] = []
    result = rewrite(
        POINTS[:2], ARTICLES, words=40, model=str(tmp_path / "bart"), on_token=pieces.append
    )
    assert "".join(pieces).strip() == GOOD
    assert [(p.text, p.citations, p.rewritten) for p in result.points] == [(GOOD, (1, 2), True)]


def test_finalise_drops_unattributable_and_repeated_sentences() -> None:
    drafts = [
        "Here is the briefing: " + GOOD + " The weather in Paris was lovely and mild. " + GOOD
    ]
    points, replaced, dropped = finalise(drafts, POINTS, ARTICLES, 100)
    assert [p.text for p in points] == [GOOD]
    assert (replaced, dropped) == (0, 1)


def test_finalise_repairs_a_clause_with_a_wrong_number() -> None:
    draft = (
        "Iran vowed severe revenge for the killing of Soleimani, and about 4,000 troops "
        "will be sent."
    )
    points, replaced, _ = finalise([draft], POINTS, ARTICLES, 100)
    assert replaced == 1
    assert [p.text for p in points] == ["Iran vowed severe revenge for the killing of Soleimani."]
    assert points[0].citations == (1, 2) and points[0].rewritten


def test_missing_model_raises_model_unavailable(tmp_path: Path) -> None:
    from summarize.errors import ModelUnavailable

    with pytest.raises(ModelUnavailable) as caught:
        rewrite(POINTS, ARTICLES, words=60, model=str(tmp_path / "nothing-here"))
    assert caught.value.fix


def test_repaired_sentence_cites_every_article_behind_its_facts() -> None:
    points = (*POINTS, _point(3, 0))
    draft = (
        "Oil prices jumped four percent after the strike ordered by President Donald Trump, "
        "and 9,000 troops will be sent."
    )
    out, replaced, _ = finalise([draft], points, ARTICLES, 100)
    assert [p.text for p in out] == [
        "Oil prices jumped four percent, after the strike ordered by President Donald Trump."
    ]
    assert replaced == 1
    assert 1 in out[0].citations and 3 in out[0].citations  # Trump is only in article 1
    assert _unsupported_by_citations(out[0]) == []


def test_replaced_counts_only_what_reaches_the_briefing() -> None:
    # Over the budget: the repaired sentence never reaches the briefing.
    assert finalise([HALLUCINATED], POINTS, ARTICLES, 5)[:2] == ([], 0)
    # Its fallback (the extracted sentence) is already in the briefing.
    out, replaced, _ = finalise([DRAFT], POINTS, ARTICLES, 100)
    assert [p.text for p in out] == [GOOD] and replaced == 0


def test_fill_tops_up_the_budget_with_uncovered_points_in_order() -> None:
    points = (*POINTS, _point(3, 0))
    rewritten = Point(
        "Oil prices rose four percent after the Baghdad strike.",
        points[3].origin,
        1.0,
        (),
        (3,),
        rewritten=True,
    )
    out, added = fill([rewritten], points, 40)
    assert added == 2 and sum(p.words for p in out) <= 40
    assert out == [points[0], points[1], rewritten]  # story order; points[2] does not fit
    assert not any(p.rewritten for p in out[:2]) and all(p.citations for p in out)
    assert fill([rewritten], points, 9) == ([rewritten], 0)
