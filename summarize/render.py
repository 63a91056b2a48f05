"""Briefing -> Markdown, JSON or plain text.

Article text is escaped in Markdown so that markup inside an article (`**`, `[link](x)`, `<b>`)
is shown literally, never rendered. Plain text is one sentence per line with no citations:
exactly what ROUGE scores.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from typing import Any
from urllib.parse import quote

from .lexicon import function_words
from .schema import Briefing, Check, Dated, Disagreement, Point, Sentence, Side, Verdict
from .sentences import split_sentences

FORMATS = ("markdown", "json", "text")
CHECK_FORMATS = ("text", "json")
JSON_SCHEMA = "summarize.briefing/1"
CHECK_SCHEMA = "summarize.check/1"

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>~|]|!(?=\[))")


def escape_markdown(text: str) -> str:
    """Backslash-escape every character Markdown could read as markup."""
    escaped = _MD_SPECIAL.sub(r"\\\1", text)
    # only what would start a list, heading, quote or underline: "6.1" and "-28C" stay as
    # they are (a disagreement's "Earthquake struck: 6\.1 [1]" in the new-user audit)
    escaped = re.sub(r"^(\s*)(\d+)([.)])(?=\s|$)", r"\1\2\\\3", escaped)
    escaped = re.sub(r"^(\s*)([-+#])(?=\s|$)", r"\1\\\2", escaped)
    return re.sub(r"^(\s*)(>|=+\s*$)", r"\1\\\2", escaped)


def cite(point: Point) -> str:
    return citation_marks(point.citations)


def citation_marks(ids: Sequence[int]) -> str:
    return "".join(f"[{n}]" for n in ids)


def disagreement_line(disagreement: Disagreement) -> str:
    """ "Day of the strike: Friday (2020-01-03) [2][3] · Thursday [4]"."""
    sides = " · ".join(
        f"{escape_markdown(side.value)} {citation_marks(side.sources)}"
        for side in disagreement.sides
    )
    return f"{escape_markdown(disagreement.topic)}: {sides}"


def other_days(dated: Dated) -> str:
    """ "(Thursday [4])": the sources that date a timeline entry otherwise ("" if none)."""
    if not dated.differs:
        return ""
    return "(" + " · ".join(f"{s.value} {citation_marks(s.sources)}" for s in dated.differs) + ")"


def to_markdown(briefing: Briefing) -> str:
    lines = [f"# {escape_markdown(briefing.title)}", ""]
    if briefing.points:
        lede, *rest = briefing.points
        lines += [f"**{escape_markdown(lede.text)}** {cite(lede)}{_marks(lede)}", ""]
        if rest:
            lines += ["## Key points", ""]
            lines += [f"- {escape_markdown(p.text)} {cite(p)}{_marks(p)}" for p in rest]
            lines.append("")
    if briefing.disagreements:
        lines += ["## Where the sources differ", ""]
        lines += [f"- {disagreement_line(d)}" for d in briefing.disagreements]
        lines.append("")
    if briefing.timeline is not None:
        lines += ["## Timeline", ""]
        if not briefing.timeline:
            lines += ["No source dates an event in a way that can be resolved to a day.", ""]
        for dated in briefing.timeline:
            lines.append(
                f"- **{dated.date.isoformat()}** — {escape_markdown(dated.text)} "
                f"{citation_marks(dated.citations)}"
                + (f" *{other_days(dated)}*" if dated.differs else "")
            )
        if briefing.timeline:
            lines.append("")
    included = set(briefing.included)
    lines += ["## Sources", "", "| # | Source | Date | Words |", "|---:|---|---|---:|"]
    copies = _copies(briefing)
    for article in briefing.sources:
        if article.id not in included:
            continue
        label = escape_markdown(article.label)
        if article.url:
            label = f"[{label}]({_link(article.url)})"
        if article.id in copies:
            label += f" (identical copy of [{copies[article.id]}], not cited again)"
        date = article.date.isoformat() if article.date else "–"
        lines.append(f"| {article.id} | {label} | {date} | {article.words} |")
    lines.append("")
    off = [str(a.id) for a in briefing.sources if a.id not in included]
    footer = (
        f"{briefing.mode} · method `{briefing.method}` · {briefing.word_count} of "
        f"{briefing.words} words · {_source_count(len(included), len(briefing.sources))}"
    )
    if off:
        footer += f" (off: {', '.join(off)})"
    if briefing.mode == "abstractive":
        counts = briefing.rewrite
        if counts is not None:
            footer += (
                f" · {counts.rewritten} rewritten, {counts.extracted} kept as extracted"
                f" ({counts.rejected} rejected by the screens or the fact check)"
            )
    lines += ["---", f"*{footer}*", ""]
    return "\n".join(lines)


def _marks(point: Point) -> str:
    """What a reader must know of a point beyond its citations: the sources differ on it, or
    its words are the model's (checked against the cited sentences, but not theirs)."""
    rewritten = " *(rewritten)*" if point.rewritten else ""
    return rewritten + (" *(sources differ, see below)*" if point.disputes else "")


def _copies(briefing: Briefing) -> dict[int, int]:
    """Id of each duplicate input -> the id of the article it copies."""
    return {d: a.id for a in briefing.sources for d in a.duplicates}


def _side(side: Side) -> dict[str, Any]:
    return {
        "value": side.value,
        "sources": list(side.sources),
        "sentences": [_sentence(s) for s in side.sentences],
    }


def _sentence(sentence: Sentence) -> dict[str, Any]:
    return {"id": sentence.doc_id, "sentence": sentence.index, "text": sentence.text}


def to_text(briefing: Briefing) -> str:
    """One sentence per line, as README promises and ROUGE's summary-level LCS reads: a point
    of several sentences (a quotation with its speaker) takes several lines."""
    return "".join(f"{s}\n" for p in briefing.points for s in _sentences_of(p))


def _sentences_of(point: Point) -> list[str]:
    if not point.rewritten and " ".join(s.text for s in point.sentences) == point.text:
        return [s.text for s in point.sentences]
    return split_sentences(point.text) or [point.text]


def to_dict(briefing: Briefing) -> dict[str, Any]:
    """The documented JSON schema (README, "JSON output")."""
    included = set(briefing.included)
    return {
        "schema": JSON_SCHEMA,
        "title": briefing.title,
        "mode": briefing.mode,
        "method": briefing.method,
        "words_budget": briefing.words,
        "word_count": briefing.word_count,
        "points": [
            {
                "text": p.text,
                "citations": list(p.citations),
                "source": {"id": p.origin.doc_id, "sentence": p.origin.index},
                "sentences": [{"id": s.doc_id, "sentence": s.index} for s in p.sentences],
                "score": p.score,
                "rewritten": p.rewritten,
                "disputes": list(p.disputes),
                "support": [
                    {
                        "id": s.sentence.doc_id,
                        "sentence": s.sentence.index,
                        "text": s.sentence.text,
                        "similarity": s.similarity,
                    }
                    for s in p.support
                ],
            }
            for p in briefing.points
        ],
        "sources": [
            {
                "id": a.id,
                "label": a.label,
                "title": a.title,
                "date": a.date.isoformat() if a.date else None,
                "source": a.source,
                "url": a.url,
                "path": a.path,
                "dateline": a.dateline,
                "words": a.words,
                "included": a.id in included,
                "copy_of": _copies(briefing).get(a.id),
            }
            for a in briefing.sources
        ],
        "disagreements": [
            {
                "kind": d.kind,
                "topic": d.topic,
                "sides": [_side(side) for side in d.sides],
            }
            for d in briefing.disagreements
        ],
        "timeline": None
        if briefing.timeline is None
        else [
            {
                "date": dated.date.isoformat(),
                "text": dated.text,
                "citations": list(dated.citations),
                "sentences": [_sentence(s) for s in dated.sentences],
                "differs": [_side(side) for side in dated.differs],
            }
            for dated in briefing.timeline
        ],
        "replaced": briefing.replaced,
        "rewrite": None
        if briefing.rewrite is None
        else {
            "rewritten": briefing.rewrite.rewritten,
            "extracted": briefing.rewrite.extracted,
            "rejected": briefing.rewrite.rejected,
            "reasons": dict(briefing.rewrite.reasons),
        },
        "notices": list(briefing.notices),
        "timings_s": {k: round(v, 4) for k, v in briefing.timings.items()},
    }


def to_json(briefing: Briefing) -> str:
    return json.dumps(to_dict(briefing), ensure_ascii=False, indent=2) + "\n"


def render(briefing: Briefing, fmt: str = "markdown") -> str:
    if fmt == "markdown":
        return to_markdown(briefing)
    if fmt == "json":
        return to_json(briefing)
    if fmt == "text":
        return to_text(briefing)
    from .errors import InputError

    raise InputError(f"unknown format {fmt!r}", f"choose one of: {', '.join(FORMATS)}")


def check_to_dict(check: Check) -> dict[str, Any]:
    """The documented JSON of `summarize check` (README, "Checking a summary")."""
    return {
        "schema": CHECK_SCHEMA,
        "sentences": [
            {
                "text": v.text,
                "supported": v.supported,
                "problems": [
                    {"kind": p.kind, "span": p.span, "detail": p.detail} for p in v.problems
                ],
                "evidence": [_sentence(e) for e in v.evidence],
            }
            for v in check.sentences
        ],
        "supported": check.supported,
        "unsupported": check.unsupported,
        "sources": [
            {"id": a.id, "label": a.label, "included": a.id in check.included}
            for a in check.sources
        ],
    }


def _clip(text: str, width: int = 110) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def check_to_text(check: Check) -> str:
    """Each sentence with ✓ or ✗, then why (problems) or where (evidence)."""
    lines = []
    for verdict in check.sentences:
        lines.append(f"{'✓' if verdict.supported else '✗'} {verdict.text}")
        for problem in verdict.problems:
            lines.append(f"    {problem.kind} “{_clip(problem.span, 60)}”: {problem.detail}")
        shown = verdict.evidence[:2] if verdict.supported else _explaining(verdict)
        for sentence in shown:
            lines.append(f"    [{sentence.doc_id}] {_clip(sentence.text)}")
    total = len(check.sentences)
    lines.append("")
    lines.append(f"{check.supported} of {total} sentence(s) supported by the sources.")
    return "\n".join(lines) + "\n"


def _explaining(verdict: Verdict) -> list[Sentence]:
    """The evidence a reader needs for a rejected sentence: the one holding what a problem
    says the sources say ("the sources say 20 million", "attribute this to Maes": the words of
    its detail the sentence checked does not have), then the sentence it was read against."""
    if not verdict.evidence:
        return []
    claimed = _words(verdict.text)
    wanted = {w for p in verdict.problems for w in _words(p.detail)} - claimed - function_words()

    def held(sentence: Sentence) -> int:
        return len(wanted & _words(sentence.text))

    best = max(verdict.evidence, key=held)
    if held(best) == 0 or best is verdict.evidence[0]:
        return list(verdict.evidence[:1])
    return [best, verdict.evidence[0]]


def _words(text: str) -> set[str]:
    """Lower-case words and figures ("$20", "4:10", "2023"), trailing punctuation off."""
    return {w.strip(".,") for w in re.findall(r"[\w$%.,:-]+", text.lower())} - {""}


def render_check(check: Check, fmt: str = "text") -> str:
    if fmt == "json":
        return json.dumps(check_to_dict(check), ensure_ascii=False, indent=2) + "\n"
    if fmt == "text":
        return check_to_text(check)
    from .errors import InputError

    raise InputError(f"unknown format {fmt!r}", f"choose one of: {', '.join(CHECK_FORMATS)}")


def _link(url: str) -> str:
    """A URL safe inside a Markdown link: spaces and brackets percent-encoded, the rest kept
    (an existing %xx escape included)."""
    return quote(url, safe=":/?#@!$&'*+,;=%~[]")


def _source_count(included: int, total: int) -> str:
    if included == total:
        return f"{total} source" + ("" if total == 1 else "s")
    return f"{included} of {total} sources"
