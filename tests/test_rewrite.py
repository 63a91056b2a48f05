"""The abstractive stage end to end with tiny real models built (and some taught) in the tests.

The models are random-init Llama/BART with tiny dimensions. Untaught, their weights are noise,
which is the point for the constraint: whatever they prefer, only allowed tokens come out. Taught
by a few hundred gradient steps to answer `rewrite`'s exact prompts with known drafts, they show
what the pipeline does with a good compression, an echo, and a model bent on inventing.
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
from summarize.rewrite import INSTRUCTION, build_prompt, inputs_of, limit_of, rewrite  # noqa: E402
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
COMPRESSED = "A U.S. drone strike killed General Qassem Soleimani at Baghdad International Airport."
"""POINTS[0] without "on Friday": shorter, every word from its input, every fact stated."""
LOOP = "Troops will be sent to the region, troops will be sent to the region."


def _corpus() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    texts += [
        A1,
        A2,
        A3,
        DRAFT,
        COMPRESSED,
        LOOP,  # its "Troops" is in no other text: out of the vocabulary, the taught loop opened
        # with <unk>, which the constraint made "The the region, ..." (passed as a rewrite)
        INSTRUCTION,
        "Zanzibar",
        "Briefing: [1] [2] [3] [1][2]",
    ]
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


def _prompt(loaded: LoadedModel, point: Point) -> str:
    return build_prompt(loaded, [s.text for s in inputs_of(point)], limit_of(point))


def _untaught(tokenizer_dir: Path, folder: Path, seed: int) -> LoadedModel:
    torch.manual_seed(seed)
    loaded = _build(tokenizer_dir, folder, "causal", 512)
    with torch.no_grad():
        for parameter in loaded.model.parameters():
            parameter.normal_(0.0, 1.0, generator=torch.Generator().manual_seed(seed))
    return loaded


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_whatever_the_weights_no_token_leaves_the_allowed_set(
    tokenizer_dir: Path, tmp_path: Path, seed: int
) -> None:
    loaded = _untaught(tokenizer_dir, tmp_path / f"noise{seed}", seed)
    for point in POINTS:
        inputs = [s.text for s in inputs_of(point)]
        rule = guard.constraint(loaded, inputs)
        prompt = _prompt(loaded, point)
        ids = loaded.tokenizer(prompt, return_tensors="pt", add_special_tokens=False)
        start = ids["input_ids"].shape[1]
        out = loaded.model.generate(
            **ids,
            max_new_tokens=40,
            do_sample=False,
            logits_processor=transformers.LogitsProcessorList(
                [guard.logits_processor(rule, start)]
            ),
            pad_token_id=loaded.tokenizer.pad_token_id,
        )
        new = out[0, start:].tolist()
        assert rule.accepts(new)
        states = rule.start
        for token in new:  # every generated token was allowed where it was generated
            assert token in rule.allowed(states)
            states = rule.advance(states, token)
        text = loaded.tokenizer.decode(new, skip_special_tokens=True)
        assert guard.invented(text, rule.allowed_words) == []


def test_constraint_never_recomposes_a_number_or_a_name() -> None:
    allowed = guard.vocabulary(["About 3,000 troops and 20 ships went to Baghdad."])
    assert guard.invented("About 3,000 troops went to Baghdad.", allowed) == []
    assert guard.invented("About 3,020 troops went to Baghdadi.", allowed) == ["3,020", "Baghdadi"]
    assert "Zanzibar" in guard.invented("Zanzibar troops went.", allowed)


class _Inventor:
    """Wraps a model so that its next-token scores always prefer one invented word."""

    def __init__(self, loaded: LoadedModel, token: int) -> None:
        self.loaded, self.token = loaded, token

    def __call__(self, *args: object, **kwargs: object) -> object:
        out = self.loaded.model.__class__.forward(self.loaded.model, *args, **kwargs)
        logits = torch.zeros_like(out.logits)
        logits[..., self.token] = 100.0
        out.logits = logits
        return out


def test_a_model_that_only_invents_gives_the_extracted_briefing(
    tokenizer_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    loaded = _build(tokenizer_dir, tmp_path / "inventor", "causal", 512)
    token = loaded.tokenizer.convert_tokens_to_ids("Zanzibar")
    monkeypatch.setattr(loaded.model, "forward", _Inventor(loaded, token))
    pieces: list[str] = []
    result = rewrite(POINTS, ARTICLES, words=60, model=str(loaded.path), on_token=pieces.append)
    assert "Zanzibar" not in "".join(pieces)
    assert result.points == POINTS  # the extracted sentences, unchanged
    counts = result.counts
    assert (counts.rewritten, counts.extracted) == (0, 3)
    assert counts.rejected == 3 and result.replaced == 3
    assert not any(p.rewritten for p in result.points)


@pytest.fixture(scope="module")
def llama(tokenizer_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> LoadedModel:
    """Taught: POINTS[0] -> COMPRESSED, POINTS[1] -> itself (an echo), POINTS[2] -> a loop."""
    loaded = _build(tokenizer_dir, tmp_path_factory.mktemp("llama"), "causal", 512)
    drafts = (COMPRESSED, POINTS[1].text, LOOP)
    _teach(loaded, [(_prompt(loaded, p), d) for p, d in zip(POINTS, drafts, strict=True)])
    return loaded


def test_compression_is_kept_echo_and_loop_are_rejected(llama: LoadedModel) -> None:
    pieces: list[str] = []
    result = rewrite(POINTS, ARTICLES, words=60, model=str(llama.path), on_token=pieces.append)
    assert len(pieces) > 5  # streamed
    outcomes = [a.outcome for a in result.attempts]
    assert outcomes == ["rewritten", "echo", "loop"]
    first = result.points[0]
    assert first.text == COMPRESSED and first.rewritten
    assert first.citations == (1, 2) and first.origin == POINTS[0].origin
    assert result.points[1:] == POINTS[1:]  # kept as extracted, unchanged
    assert (result.counts.rewritten, result.counts.extracted, result.counts.rejected) == (1, 2, 2)
    assert dict(result.counts.reasons) == {"echo": 1, "loop": 1}
    assert sum(p.words for p in result.points) <= 60


def test_markdown_marks_the_rewritten_point(llama: LoadedModel) -> None:
    """The new-user audit: Markdown did not say which sentences the model wrote."""
    from summarize.render import to_markdown
    from summarize.schema import Briefing

    result = rewrite(POINTS, ARTICLES, words=60, model=str(llama.path))
    briefing = Briefing("Title", result.points, ARTICLES, (1, 2, 3), "coverage", 60, "abstractive")
    lines = [line for line in to_markdown(briefing).splitlines() if "(rewritten)" in line]
    assert len(lines) == 1 and COMPRESSED in lines[0]


def test_deterministic(llama: LoadedModel) -> None:
    first = rewrite(POINTS, ARTICLES, words=60, model=str(llama.path))
    second = rewrite(POINTS, ARTICLES, words=60, model=str(llama.path))
    assert first == second


def test_cancel_mid_stream_falls_back_to_extractive(llama: LoadedModel) -> None:
    cancel = threading.Event()

    def on_token(piece: str) -> None:
        cancel.set()

    result = rewrite(
        POINTS, ARTICLES, words=60, model=str(llama.path), on_token=on_token, cancel=cancel
    )
    assert result.points == POINTS
    assert any("cancelled" in n for n in result.notices)


def test_cancel_before_start_generates_nothing(llama: LoadedModel) -> None:
    cancel = threading.Event()
    cancel.set()
    pieces: list[str] = []
    result = rewrite(
        POINTS, ARTICLES, words=30, model=str(llama.path), on_token=pieces.append, cancel=cancel
    )
    assert pieces == []
    assert result.points == POINTS[:2]  # extractive, trimmed to the 30-word budget


def test_point_longer_than_window_is_kept_as_extracted(tokenizer_dir: Path, tmp_path: Path) -> None:
    long_text = " ".join([A1, A2, A3])
    long_point = Point(long_text, Sentence(1, 0, long_text), 1.0, (), (1, 2, 3))
    _build(tokenizer_dir, tmp_path / "m", "causal", 48)
    result = rewrite([long_point], ARTICLES, words=200, model=str(tmp_path / "m"))
    assert result.points == (long_point,)
    assert [a.outcome for a in result.attempts] == ["extracted"]


def test_seq2seq_model(tokenizer_dir: Path, tmp_path: Path) -> None:
    loaded = _build(tokenizer_dir, tmp_path / "bart", "seq2seq", 256)
    prompt = _prompt(loaded, POINTS[0])
    assert "Combine" not in prompt  # seq2seq models get the plain sentences
    _teach(loaded, [(prompt, COMPRESSED)])
    result = rewrite(POINTS[:1], ARTICLES, words=40, model=str(tmp_path / "bart"))
    assert [(p.text, p.citations, p.rewritten) for p in result.points] == [
        (COMPRESSED, (1, 2), True)
    ]


def test_missing_model_raises_model_unavailable(tmp_path: Path) -> None:
    from summarize.errors import ModelUnavailable

    with pytest.raises(ModelUnavailable) as caught:
        rewrite(POINTS, ARTICLES, words=60, model=str(tmp_path / "nothing-here"))
    assert caught.value.fix


def test_instruction_is_not_the_job_of_the_extractive_sentences() -> None:
    assert "{words}" in INSTRUCTION
