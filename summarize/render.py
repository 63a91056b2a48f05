"""Briefing -> Markdown, JSON or plain text.

Article text is escaped in Markdown so that markup inside an article (`**`, `[link](x)`, `<b>`)
is shown literally, never rendered. Plain text is one sentence per line with no citations:
exactly what ROUGE scores.
"""

from __future__ import annotations

import json
import re
from typing import Any

from .schema import Briefing, Point

FORMATS = ("markdown", "json", "text")
JSON_SCHEMA = "summarize.briefing/1"

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>~|]|!(?=\[))")


def escape_markdown(text: str) -> str:
    """Backslash-escape every character Markdown could read as markup."""
    escaped = _MD_SPECIAL.sub(r"\\\1", text)
    escaped = re.sub(r"^(\s*)(\d+)([.)])", r"\1\2\\\3", escaped)
    return re.sub(r"^(\s*)([-+=#>])", r"\1\\\2", escaped)


def cite(point: Point) -> str:
    return "".join(f"[{n}]" for n in point.citations)


def to_markdown(briefing: Briefing) -> str:
    lines = [f"# {escape_markdown(briefing.title)}", ""]
    if briefing.points:
        lede, *rest = briefing.points
        lines += [f"**{escape_markdown(lede.text)}** {cite(lede)}", ""]
        if rest:
            lines += ["## Key points", ""]
            lines += [f"- {escape_markdown(p.text)} {cite(p)}" for p in rest]
            lines.append("")
    included = set(briefing.included)
    lines += ["## Sources", "", "| # | Source | Date | Words |", "|---:|---|---|---:|"]
    for article in briefing.sources:
        if article.id not in included:
            continue
        label = escape_markdown(article.label)
        if article.url:
            label = f"[{label}]({article.url.replace(')', '%29').replace(' ', '%20')})"
        date = article.date.isoformat() if article.date else "–"
        lines.append(f"| {article.id} | {label} | {date} | {article.words} |")
    lines.append("")
    off = [str(a.id) for a in briefing.sources if a.id not in included]
    footer = (
        f"{briefing.mode} · method `{briefing.method}` · {briefing.word_count} of "
        f"{briefing.words} words · {len(included)} of {len(briefing.sources)} sources"
    )
    if off:
        footer += f" (off: {', '.join(off)})"
    if briefing.mode == "abstractive":
        footer += f" · {briefing.replaced} sentence(s) replaced by the faithfulness guard"
    lines += ["---", f"*{footer}*", ""]
    return "\n".join(lines)


def to_text(briefing: Briefing) -> str:
    return "".join(f"{p.text}\n" for p in briefing.points)


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
                "score": p.score,
                "rewritten": p.rewritten,
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
            }
            for a in briefing.sources
        ],
        "replaced": briefing.replaced,
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
