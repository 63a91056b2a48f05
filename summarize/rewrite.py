"""Abstractive stage: each point fused with its other outlets' sentences into one shorter one.

A 135M-parameter model cannot be trusted to summarise a story, but it can compress one sentence
and merge in what a second outlet adds. So the model gets that job only, point by point, and
cannot leave it:

1. its input is the point and the sentences of other outlets that state it (`cite.py` decided
   which), the point first so its facts lead;
2. decoding is constrained (`guard.Constraint`): only words those sentences contain, a closed
   list of grammar words and punctuation, so no name, number or content word can be invented;
3. the output's first sentence is screened (echo, instruction leak, loop, fragment, not
   shorter) and then checked fact by fact by `summarize.checker` against the input sentences
   only; if anything fails, the extracted point is kept unchanged. Nothing is ever repaired.

A rewritten point cites the union of what its evidence sentences are cited for, as the fact
layer decided: the point's own citations if its sentence is evidence, and the outlet of each
other input sentence that is. Word budget left over by compression is spent on further points
(`spare`), rewritten the same way.
"""

from __future__ import annotations

import math
import re
import threading
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from . import guard, tuning
from .schema import Article, Point, RewriteCounts, Sentence
from .sentences import split_sentences

TOKENS_PER_WORD = tuning.REWRITE.tokens_per_word
TOKEN_MARGIN = tuning.REWRITE.token_margin

MAX_SPARE = 4
"""Further points tried at most: each costs a generation (~2-4 s on 2 cores)."""

INSTRUCTION = (
    "Combine these news sentences into one shorter sentence of at most {words} words. "
    "Start with the facts of the first sentence. Use only words from the sentences."
)


@dataclass(frozen=True)
class Attempt:
    """What happened to one point: the point that stands in the briefing, and why."""

    point: Point
    draft: str
    outcome: str
    """"rewritten", or "extracted" when no rewrite was tried, or a `guard.Rejection`."""


@dataclass(frozen=True)
class RewriteResult:
    points: tuple[Point, ...]
    counts: RewriteCounts
    notices: tuple[str, ...]
    drafts: tuple[str, ...] = ()
    """The raw model output for each point tried, in order."""
    attempts: tuple[Attempt, ...] = field(default=(), compare=False)

    @property
    def replaced(self) -> int:
        """Rewrites rejected and replaced by the extracted sentence (the JSON `replaced`)."""
        return self.counts.rejected


def max_new_tokens(words: int) -> int:
    return math.ceil(words * TOKENS_PER_WORD) + TOKEN_MARGIN


def _fallback(points: Sequence[Point], words: int, notice: str) -> RewriteResult:
    kept: list[Point] = []
    total = 0
    for point in points:
        if total + point.words > words and kept:
            break
        kept.append(point)
        total += point.words
    return RewriteResult(tuple(kept), RewriteCounts(0, len(kept), 0), (notice,))


# ---------------------------------------------------------------------------------------------
# One point's job


def inputs_of(point: Point) -> list[Sentence]:
    """The point's own sentence(s) as one input, then one sentence per other outlet."""
    own = Sentence(point.origin.doc_id, point.origin.index, point.text)
    seen = {guard.fold(point.text)}
    out = [own]
    for support in point.support:
        key = guard.fold(support.sentence.text)
        if key not in seen:
            seen.add(key)
            out.append(support.sentence)
    return out


def limit_of(point: Point) -> int:
    """At most this many words: shorter than the point, so compression buys budget."""
    return max(guard.MIN_WORDS, point.words - 1)


def build_prompt(loaded: Any, lines: Sequence[str], words: int) -> str:
    """The model input for one point: chat template for chat models, plain text otherwise."""
    text = "\n".join(lines)
    template = loaded.entry.prompt_template
    if loaded.kind == "seq2seq":
        return text if template in ("plain", "chat") else template.format(text=text, words=words)
    instruction = INSTRUCTION.format(words=words)
    if getattr(loaded.tokenizer, "chat_template", None):
        messages = [{"role": "user", "content": f"{instruction}\n\n{text}"}]
        return str(
            loaded.tokenizer.apply_chat_template(
                messages, tokenize=False, add_generation_prompt=True
            )
        )
    return f"{instruction}\n\n{text}\n\nSentence:"


def fits(loaded: Any, prompt: str, new_tokens: int) -> bool:
    """Prompt and output together within the model's window (never truncated silently)."""
    special = loaded.kind == "seq2seq"
    used = len(loaded.tokenizer(prompt, add_special_tokens=special)["input_ids"])
    return used + (new_tokens if loaded.kind == "causal" else 0) <= loaded.context_length


def first_sentence(text: str) -> tuple[str, list[str]]:
    """The output's first sentence (the job is one sentence; the rest is discarded unread),
    with tokenizer spacing normalised; also every sentence, for the screens."""
    text = re.sub(r"\s+([,.;:!?%)])", r"\1", text)
    text = re.split(r"\n\s*\n|\n(?=\S)", text.strip(), maxsplit=1)[0]
    text = re.sub(r"\s+", " ", text).strip()
    sentences = [s.strip() for s in split_sentences(text) if s.strip()]
    return (sentences[0] if sentences else ""), sentences


def _generate(
    loaded: Any,
    prompt: str,
    rule: guard.Constraint,
    new_tokens: int,
    on_token: Callable[[str], None] | None,
    cancel: threading.Event | None,
) -> str:
    """Greedy constrained generation in a worker thread, streamed, stopped after one sentence."""
    import torch
    from transformers import (
        LogitsProcessorList,
        StoppingCriteria,
        StoppingCriteriaList,
        TextIteratorStreamer,
    )

    from models.runtime import quiet_transformers

    tokenizer = loaded.tokenizer
    inputs = tokenizer(prompt, return_tensors="pt", add_special_tokens=loaded.kind == "seq2seq")
    start = int(inputs["input_ids"].shape[1]) if loaded.kind == "causal" else 0

    class Stop(StoppingCriteria):
        """Cancelled, or a first sentence is complete (a second one has begun)."""

        def __call__(self, input_ids: Any, scores: Any, **kwargs: Any) -> Any:
            done = cancel is not None and cancel.is_set()
            if not done:
                text = tokenizer.decode(input_ids[0, start:], skip_special_tokens=True).strip()
                done = "\n" in text or bool(
                    re.search(r"[.!?][\"'”’)]*\s+\S", text) and len(split_sentences(text)) > 1
                )
            return torch.full((input_ids.shape[0],), done, dtype=torch.bool)

    streamer = TextIteratorStreamer(tokenizer, skip_prompt=True, skip_special_tokens=True)
    failure: list[BaseException] = []

    def work() -> None:
        try:
            with torch.inference_mode(), quiet_transformers():
                loaded.model.generate(
                    **inputs,
                    max_new_tokens=new_tokens,
                    do_sample=False,
                    num_beams=1,
                    streamer=streamer,
                    logits_processor=LogitsProcessorList([guard.logits_processor(rule, start)]),
                    stopping_criteria=StoppingCriteriaList([Stop()]),
                    pad_token_id=tokenizer.pad_token_id,
                )
        except BaseException as error:  # re-raised in the caller's thread
            failure.append(error)
            streamer.end()

    thread = threading.Thread(target=work, name="summarize-rewrite", daemon=True)
    thread.start()
    pieces: list[str] = []
    for piece in streamer:
        pieces.append(piece)
        if on_token is not None and piece:
            on_token(piece)
    thread.join()
    if failure:
        raise failure[0]
    return "".join(pieces)


def pseudo_articles(inputs: Sequence[Sentence], articles: dict[int, Article]) -> list[Article]:
    """The input sentences as the only sources the check may use: per outlet, in text order,
    with that article's date (so "Friday" still resolves)."""
    by_doc: dict[int, list[Sentence]] = {}
    for sentence in inputs:
        by_doc.setdefault(sentence.doc_id, []).append(sentence)
    out = []
    for doc, sentences in sorted(by_doc.items()):
        source = articles.get(doc)
        text = " ".join(s.text for s in sorted(sentences, key=lambda s: s.index))
        out.append(Article(doc, f"input {doc}", text, date=source.date if source else None))
    return out


def citations_of(
    evidence: Sequence[Sentence],
    point: Point,
    inputs: Sequence[Sentence],
    articles: dict[int, Article],
) -> tuple[int, ...]:
    """Union of what each evidence sentence is cited for: the point's own citations (already
    decided by `cite.py`) when its sentence is evidence, the outlet (and its identical copies)
    of each other input sentence that is."""
    cited: set[int] = set()
    docs = {s.doc_id for s in evidence}
    own = inputs[0].doc_id
    if own in docs:
        cited.update(point.citations or (own,))
    for sentence in inputs[1:]:
        if sentence.doc_id in docs and sentence.doc_id != own:
            article = articles.get(sentence.doc_id)
            cited.update(article.cited_ids if article else (sentence.doc_id,))
    return tuple(sorted(cited))


def judge(
    draft: str,
    point: Point,
    inputs: Sequence[Sentence],
    articles: dict[int, Article],
    allowed: guard.Vocabulary,
    instruction: str,
) -> tuple[Point | None, str]:
    """The rewritten point, or None and why not: the screens, then the fact check against the
    input sentences only."""
    from .checker import Checker

    text, sentences = first_sentence(draft)
    texts = [s.text for s in inputs]
    reason = guard.screen(
        text, [text] if text else [], texts, point.text, instruction, allowed, limit_of(point)
    )
    if reason is None and len(sentences) > 1 and guard.echoes(text, sentences[1:]):
        reason = "loop"
    if reason is not None:
        return None, reason
    verdict = Checker(pseudo_articles(inputs, articles)).verify(text)
    if not verdict.supported or not verdict.evidence:
        return None, "check"
    cited = citations_of(verdict.evidence, point, inputs, articles)
    if not cited:
        return None, "check"
    return replace(point, text=text, citations=cited, rewritten=True, more=()), "rewritten"


def attempt(
    loaded: Any,
    point: Point,
    articles: dict[int, Article],
    on_token: Callable[[str], None] | None,
    cancel: threading.Event | None,
) -> Attempt:
    """Rewrite one point, or keep it as extracted when the job cannot be done safely."""
    inputs = inputs_of(point)
    limit = limit_of(point)
    if point.words <= guard.MIN_WORDS:
        return Attempt(point, "", "extracted")  # nothing to compress
    texts = [s.text for s in inputs]
    prompt = build_prompt(loaded, texts, limit)
    new_tokens = min(max_new_tokens(limit), loaded.context_length // 2)
    if not fits(loaded, prompt, new_tokens):
        return Attempt(point, "", "extracted")
    rule = guard.constraint(loaded, texts)
    draft = _generate(loaded, prompt, rule, new_tokens, on_token, cancel)
    if cancel is not None and cancel.is_set():
        return Attempt(point, draft, "extracted")
    instruction = INSTRUCTION.format(words=limit)
    made, outcome = judge(draft, point, inputs, articles, rule.allowed_words, instruction)
    return Attempt(made or point, draft, outcome)


# ---------------------------------------------------------------------------------------------
# Entry point


def repeats(text: str, earlier: Sequence[Point]) -> bool:
    """Says again what an earlier sentence of the briefing says (four in five of its words)."""
    mine = set(guard.words(text))
    for point in earlier:
        theirs = set(guard.words(point.text))
        if len(mine & theirs) >= 0.8 * max(1, min(len(mine), len(theirs))):
            return True
    return False


def _tally(attempts: Sequence[Attempt]) -> RewriteCounts:
    reasons = Counter(a.outcome for a in attempts if a.outcome not in ("rewritten", "extracted"))
    rewritten = sum(a.outcome == "rewritten" for a in attempts)
    return RewriteCounts(
        rewritten,
        len(attempts) - rewritten,
        sum(reasons.values()),
        tuple(sorted(reasons.items())),
    )


def rewrite(
    points: Sequence[Point],
    articles: Sequence[Article],
    *,
    words: int,
    model: str | None = None,
    on_token: Callable[[str], None] | None = None,
    cancel: threading.Event | None = None,
    progress: Callable[[str], None] | None = None,
    spare: Sequence[Point] = (),
) -> RewriteResult:
    """Rewrite the extractive points, one by one, into at most `words` words.

    `spare` are further points, best first, tried when compression leaves room in the budget.
    Raises ModelUnavailable when the model is missing (the caller decides whether to fall back);
    cancellation returns the extractive points with a notice.
    """
    if not points or words <= 0:
        return RewriteResult(tuple(points), RewriteCounts(0, len(points), 0), ())
    from .modeling import load_writer

    loaded = load_writer(model, progress=progress)
    cancelled = "Rewrite cancelled; showing the extractive briefing."
    if cancel is not None and cancel.is_set():
        return _fallback(points, words, cancelled)
    by_id = {a.id: a for a in articles}
    attempts: list[Attempt] = []
    total = 0
    seen: set[tuple[int, int]] = set()
    for n, point in enumerate([*points, *spare]):
        key = (point.origin.doc_id, point.origin.index)
        if key in seen:
            continue
        if n >= len(points):
            room = words - total
            if room < guard.MIN_WORDS or n >= len(points) + MAX_SPARE:
                break
            if point.words > room and limit_of(point) > 2 * room:
                continue  # would need more than halving to fit
        if n and on_token is not None:
            on_token("\n")
        done = attempt(loaded, point, by_id, on_token, cancel)
        if cancel is not None and cancel.is_set():
            return _fallback(points, words, cancelled)
        if done.outcome == "rewritten" and repeats(done.point.text, [a.point for a in attempts]):
            done = Attempt(point, done.draft, "repeat")
        if total + done.point.words > words:
            if n < len(points) and not attempts:
                attempts.append(done)  # the lede always stands, as in extractive mode
                total += done.point.words
            continue
        seen.add(key)
        attempts.append(done)
        total += done.point.words
    counts = _tally(attempts)
    notices = [
        f"Rewrote {counts.rewritten} of {len(attempts)} sentence(s); {counts.extracted} kept "
        f"as extracted ({counts.rejected} rejected by the screens or the fact check)."
    ]
    added = sum(1 for a in attempts if a.point not in points)
    if added:
        notices.append(f"Compression left room for {added} more sentence(s).")
    return RewriteResult(
        tuple(a.point for a in attempts),
        counts,
        tuple(notices),
        tuple(a.draft for a in attempts if a.draft),
        tuple(attempts),
    )
