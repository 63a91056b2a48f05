"""Read articles from files, directories, JSON/JSONL, HTML or stdin into `Article` records.

Every input gets a stable number in the order given (directories sorted by name), so citations,
`--exclude 2` and the TUI's checkboxes all mean the same source.
"""

from __future__ import annotations

import codecs
import datetime as _dt
import json
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, BinaryIO

from .clean import clean, normalise
from .errors import InputError
from .html_text import extract
from .schema import Article

TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSON_SUFFIXES = {".json", ".jsonl", ".ndjson"}
ARTICLE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES
NOT_ARTICLES = {"readme", "license", "licence", "changelog", "notice", "copying", "authors"}
DEFAULT_MAX_MB = 10.0

_MAGIC = {
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a zip archive (docx/xlsx/epub?)",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\x1f\x8b": "a gzip archive",
    b"\x7fELF": "an executable",
    b"{\\rtf": "an RTF document",
}


@dataclass(frozen=True)
class Ingested:
    articles: tuple[Article, ...]
    notices: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Raw:
    text: str
    label: str
    path: str
    title: str | None = None
    date: str | None = None
    source: str | None = None
    url: str | None = None


def decode(data: bytes, name: str) -> tuple[str, str | None]:
    """Text of `data` and a notice when it was not UTF-8. Raises InputError for binary data."""
    for bom, encoding in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise InputError(f"{name}: not valid {encoding}", "re-save it as UTF-8") from exc
            return text, None if encoding == "utf-8-sig" else f"{name}: read as {encoding.upper()}"
    for magic, kind in _MAGIC.items():
        if data.startswith(magic):
            raise InputError(f"{name} is {kind}, not text", "convert it to .txt, .html or .json")
    head = data[:4096]
    if b"\x00" in head:
        even, odd = head[0::2], head[1::2]
        if odd.count(0) > 0.9 * len(odd) and even.count(0) < 0.1 * len(even):
            return _decode_as(data, "utf-16-le", name)
        if even.count(0) > 0.9 * len(even) and odd.count(0) < 0.1 * len(odd):
            return _decode_as(data, "utf-16-be", name)
        raise InputError(f"{name} is a binary file, not text", "give .txt, .html or .json articles")
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
        encoding = "Windows-1252"
    except UnicodeDecodeError:
        text = data.decode("latin-1")
        encoding = "Latin-1"
    if _control_ratio(text) > 0.02:
        raise InputError(f"{name} is a binary file, not text", "give .txt, .html or .json articles")
    return text, f"{name}: not UTF-8, read as {encoding}"


def _decode_as(data: bytes, encoding: str, name: str) -> tuple[str, str]:
    try:
        return data.decode(encoding), f"{name}: read as {encoding.upper()}"
    except UnicodeDecodeError as exc:
        raise InputError(f"{name} is a binary file, not text", "re-save it as UTF-8") from exc


def _control_ratio(text: str) -> float:
    sample = text[:20000]
    bad = sum(1 for c in sample if (ord(c) < 32 and c not in "\n\r\t\f") or 0x7F <= ord(c) < 0xA0)
    return bad / max(1, len(sample))


def _read_bytes(path: Path, max_mb: float) -> bytes:
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror}", "check the path") from exc
    if size > max_mb * 1024 * 1024:
        raise InputError(
            f"{path} is {size / 1024 / 1024:.1f} MB, over the {max_mb:g} MB limit for one article",
            f"split it, or pass --max-mb {int(size / 1024 / 1024) + 1} to read it anyway",
        )
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror}", "check its permissions") from exc


def _read_stream(stream: BinaryIO, max_mb: float) -> bytes:
    limit = int(max_mb * 1024 * 1024)
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise InputError(
            f"standard input is over the {max_mb:g} MB limit for one article",
            "split it, or raise --max-mb",
        )
    return data


def _kind(name: str, text: str) -> str:
    suffix = Path(name).suffix.lower()
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in JSON_SUFFIXES:
        return "json"
    if suffix in TEXT_SUFFIXES:
        return "text"
    head = text.lstrip()[:200].lower()
    if head.startswith(("{", "[")):
        return "json"
    if head.startswith(("<!doctype html", "<html")) or "<body" in text[:5000].lower():
        return "html"
    return "text"


def _json_records(text: str, name: str) -> list[Any]:
    stripped = text.strip()
    try:
        value = json.loads(stripped)
    except json.JSONDecodeError:
        records = []
        for number, line in enumerate(stripped.splitlines(), 1):
            if not line.strip():
                continue
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise InputError(
                    f"{name}, line {number}: not valid JSON ({exc.msg})",
                    "give one JSON object per line with a 'text' field",
                ) from None
        return records
    if isinstance(value, dict):
        for key in ("articles", "documents"):
            if isinstance(value.get(key), list):
                return list(value[key])
        return [value]
    if isinstance(value, list):
        return value
    raise InputError(f"{name}: JSON holds no article", "give objects with a 'text' field")


def _from_json(text: str, name: str, path: str) -> list[_Raw]:
    raws = []
    for number, record in enumerate(_json_records(text, name), 1):
        label = f"{Path(name).stem}#{number}"
        if isinstance(record, str):
            raws.append(_Raw(record, label, path))
            continue
        if not isinstance(record, dict):
            raise InputError(f"{name}, record {number}: not an object", 'use {"text": ...}')
        body = record.get("text") or record.get("body") or record.get("content")
        if not isinstance(body, str):
            raise InputError(
                f"{name}, record {number}: no 'text' field",
                "each record needs {title, text, date, source, url} with at least 'text'",
            )
        raws.append(
            _Raw(
                body,
                str(record.get("source") or record.get("label") or label),
                path,
                _str_or_none(record.get("title")),
                _str_or_none(record.get("date")),
                _str_or_none(record.get("source")),
                _str_or_none(record.get("url")),
            )
        )
    return raws


def _str_or_none(value: Any) -> str | None:
    return str(value).strip() or None if value is not None else None


def _parse(data: bytes, name: str, path: str) -> tuple[list[_Raw], list[str]]:
    notices: list[str] = []
    text, notice = decode(data, name)
    if notice:
        notices.append(notice)
    if not text.strip():
        raise InputError(f"{name} is empty", "give it some article text, or leave it out")
    kind = _kind(name, text)
    label = Path(name).stem
    if kind == "json":
        return _from_json(text, name, path), notices
    if kind == "html":
        page = extract(text)
        return [
            _Raw(
                page.text, page.source or label, path, page.title, page.date, page.source, page.url
            )
        ], notices
    return [_Raw(text, label, path)], notices


def _files(path: Path, notices: list[str]) -> Iterator[Path]:
    entries = sorted(path.iterdir(), key=lambda p: p.name)
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            notices.append(f"skipped folder {entry} (folders are not read recursively)")
        elif entry.suffix.lower() not in ARTICLE_SUFFIXES:
            notices.append(f"skipped {entry} (not .txt, .md, .html or .json)")
        elif entry.stem.lower() in NOT_ARTICLES:
            notices.append(f"skipped {entry} (not an article)")
        else:
            yield entry


def _parse_date(value: str | None) -> _dt.date | None:
    if not value:
        return None
    try:
        return _dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def load(
    sources: Iterable[str | os.PathLike[str]],
    *,
    max_mb: float = DEFAULT_MAX_MB,
    stdin: BinaryIO | None = None,
) -> Ingested:
    """Read every source (file, directory or "-") into numbered articles.

    Named files that cannot be used are errors; unusable files inside a directory are skipped
    with a notice, so one stray file never blocks a folder of articles.
    """
    raws: list[_Raw] = []
    notices: list[str] = []
    sources = list(sources)
    if not sources:
        raise InputError("no articles given", "name files or a folder, e.g. summarize seeds/")
    for source in sources:
        if str(source) == "-":
            data = _read_stream(stdin or sys.stdin.buffer, max_mb)
            found, more = _parse(data, "<stdin>", "-")
            raws += found
            notices += more
            continue
        path = Path(source)
        if not path.exists():
            raise InputError(f"no such file or folder: {path}", "check the path")
        if path.is_dir():
            before = len(raws)
            for file in _files(path, notices):
                try:
                    found, more = _parse(_read_bytes(file, max_mb), str(file), str(file))
                except InputError as exc:
                    notices.append(f"skipped {exc}")
                    continue
                raws += found
                notices += more
            if len(raws) == before:
                raise InputError(
                    f"{path} holds no articles", "put .txt, .md, .html or .json files in it"
                )
            continue
        found, more = _parse(_read_bytes(path, max_mb), str(path), str(path))
        raws += found
        notices += more

    articles = []
    for raw in raws:
        cleaned = clean(raw.text, title=raw.title)
        if not cleaned.text.strip():
            notices.append(f"skipped {raw.label} (no article text left after cleaning)")
            continue
        articles.append(
            Article(
                id=len(articles) + 1,
                label=_unique_label(raw.label, [a.label for a in articles]),
                text=cleaned.text,
                title=cleaned.title,
                date=_parse_date(raw.date) or cleaned.date,
                source=raw.source,
                url=raw.url,
                path=raw.path,
                dateline=cleaned.dateline,
            )
        )
    if not articles:
        raise InputError("no article text found", "give files with news text in them")
    return Ingested(tuple(articles), tuple(notices))


def _unique_label(label: str, taken: list[str]) -> str:
    label = " ".join(normalise(label).split())[:60] or "article"
    if label not in taken:
        return label
    n = 2
    while f"{label} ({n})" in taken:
        n += 1
    return f"{label} ({n})"


def deduplicate(articles: Iterable[Article]) -> list[Article]:
    """Merge articles whose text is identical (ignoring case and spacing); the first keeps them."""
    kept: dict[str, Article] = {}
    for article in articles:
        key = " ".join(article.text.lower().split())
        first = kept.get(key)
        if first is None:
            kept[key] = article
        else:
            kept[key] = replace(first, duplicates=(*first.duplicates, article.id))
    return list(kept.values())
