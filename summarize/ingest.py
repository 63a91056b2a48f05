"""Read articles from files, directories, JSON/JSONL, HTML or stdin into `Article` records.

Every input gets a stable number in the order given (directories sorted by name), so citations,
`--exclude 2` and the TUI's checkboxes all mean the same source.
"""

from __future__ import annotations

import codecs
import datetime as _dt
import json
import os
import stat
import sys
import urllib.parse
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, BinaryIO

from .clean import clean, dateline_date, normalise
from .errors import InputError
from .html_text import extract
from .schema import Article

TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSON_SUFFIXES = {".json", ".jsonl", ".ndjson"}
ARTICLE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES
NOT_ARTICLES = {"readme", "license", "licence", "changelog", "notice", "copying", "authors"}
DEFAULT_MAX_MB = 10.0
STRAY_NUL_SHARE = 0.01
"""More NUL bytes than this share of the first 4 KB means binary; fewer are stray and dropped."""

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
    """Text of `data` and a notice when it was not clean UTF-8. Raises InputError for binary."""
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
    notice: str | None = None
    head = data[:4096]
    if b"\x00" in head:
        even, odd = head[0::2], head[1::2]
        if odd.count(0) > 0.9 * len(odd) and even.count(0) < 0.1 * len(even):
            return _decode_as(data, "utf-16-le", name)
        if even.count(0) > 0.9 * len(even) and odd.count(0) < 0.1 * len(odd):
            return _decode_as(data, "utf-16-be", name)
        if head.count(0) > STRAY_NUL_SHARE * len(head):
            raise InputError(
                f"{name} is a binary file, not text", "give .txt, .html or .json articles"
            )
        nuls = data.count(0)
        data = data.replace(b"\x00", b"")
        notice = f"{name}: removed {nuls} stray NUL byte(s)"
    try:
        return data.decode("utf-8"), notice
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = sum(1 for c in text if ord(c) > 0x7F) - bad
    if good >= bad or (good and bad <= 3):
        # UTF-8 with a few broken bytes: keep the rest as written rather than as mojibake.
        return text, _join_notices(notice, f"{name}: {bad} invalid UTF-8 byte(s) replaced with �")
    try:
        text = data.decode("cp1252")
        encoding = "Windows-1252"
    except UnicodeDecodeError:
        text = data.decode("latin-1")
        encoding = "Latin-1"
    if _control_ratio(text) > 0.02:
        raise InputError(f"{name} is a binary file, not text", "give .txt, .html or .json articles")
    return text, _join_notices(notice, f"{name}: not UTF-8, read as {encoding}")


def _join_notices(*notices: str | None) -> str | None:
    return "; ".join(n for n in notices if n) or None


def _decode_as(data: bytes, encoding: str, name: str) -> tuple[str, str]:
    try:
        return data.decode(encoding), f"{name}: read as {encoding.upper()}"
    except UnicodeDecodeError as exc:
        raise InputError(f"{name} is a binary file, not text", "re-save it as UTF-8") from exc


def _control_ratio(text: str) -> float:
    sample = text[:20000]
    bad = sum(1 for c in sample if (ord(c) < 32 and c not in "\n\r\t\f") or 0x7F <= ord(c) < 0xA0)
    return bad / max(1, len(sample))


def _limit(max_mb: float) -> int:
    if not max_mb > 0:
        raise InputError(f"--max-mb must be above 0, not {max_mb:g}", "pass e.g. --max-mb 10")
    return int(max_mb * 1024 * 1024)


def _too_big(what: str, max_mb: float, size: int | None = None) -> InputError:
    needed = f"--max-mb {int(size / 1024 / 1024) + 1}" if size else "a higher --max-mb"
    shown = f"{size / 1024 / 1024:.1f} MB, " if size else ""
    return InputError(
        f"{what} is {shown}over the {max_mb:g} MB limit for one article",
        f"split it, or pass {needed} to read it anyway",
    )


def _read_bytes(path: Path, max_mb: float) -> bytes:
    """The bytes of a regular file, never more than the size cap.

    FIFOs, devices and sockets are refused before they are opened (a FIFO blocks, /dev/zero
    never ends), and the cap is enforced on what is read, not on what stat claims.
    """
    limit = _limit(max_mb)
    try:
        info = path.stat()
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror}", "check the path") from exc
    if not stat.S_ISREG(info.st_mode):
        kind = "a FIFO" if stat.S_ISFIFO(info.st_mode) else "a device or socket"
        raise InputError(
            f"{path} is {kind}, not a regular file",
            "save the articles to files, or pipe one article through '-'",
        )
    if info.st_size > limit:
        raise _too_big(str(path), max_mb, info.st_size)
    try:
        with path.open("rb") as handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror}", "check its permissions") from exc
    if len(data) > limit:
        raise _too_big(str(path), max_mb)
    return data


def _read_stream(stream: BinaryIO, max_mb: float) -> bytes:
    limit = _limit(max_mb)
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise _too_big("standard input", max_mb)
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


def _json_value(text: str, name: str) -> Any:
    try:
        return json.loads(text)
    except RecursionError:
        raise InputError(
            f"{name}: JSON nested too deeply to be an article",
            "give flat objects {title, text, date, source, url}",
        ) from None


def _json_records(text: str, name: str) -> list[Any]:
    stripped = text.strip()
    try:
        value = _json_value(stripped, name)
    except json.JSONDecodeError:
        records = []
        for number, line in enumerate(stripped.splitlines(), 1):
            if not line.strip():
                continue
            try:
                records.append(_json_value(line, name))
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


_JSON_TYPES = {
    bool: "true/false",
    int: "a number",
    float: "a number",
    list: "a list",
    dict: "an object",
}


def _from_json(text: str, name: str, path: str, notices: list[str]) -> list[_Raw]:
    raws = []
    for number, record in enumerate(_json_records(text, name), 1):
        label = f"{Path(name).stem}#{number}"
        if isinstance(record, str):
            raws.append(_Raw(record, label, path))
            continue
        if not isinstance(record, dict):
            raise InputError(f"{name}, record {number}: not an object", 'use {"text": ...}')
        key = next((k for k in ("text", "body", "content") if record.get(k) is not None), None)
        body = record.get(key) if key else None
        if not isinstance(body, str):
            if key is None:
                raise InputError(
                    f"{name}, record {number}: no 'text' field",
                    "each record needs {title, text, date, source, url} with at least 'text'",
                )
            kind = _JSON_TYPES.get(type(body), type(body).__name__)
            raise InputError(
                f"{name}, record {number}: '{key}' is {kind}, not a string",
                f'put the article text in quotes: "{key}": "..."',
            )
        url = _web_url(_str_or_none(record.get("url")), f"{name}, record {number}", notices)
        raws.append(
            _Raw(
                body,
                str(record.get("source") or record.get("label") or label),
                path,
                _str_or_none(record.get("title")),
                _str_or_none(record.get("date")),
                _str_or_none(record.get("source")),
                url,
            )
        )
    return raws


def _web_url(url: str | None, where: str, notices: list[str]) -> str | None:
    """Only http(s) addresses are kept: anything else (javascript:, file:) must never become
    a link in a briefing."""
    if url is None:
        return None
    scheme = urllib.parse.urlsplit(url).scheme.lower()
    if scheme in ("http", "https"):
        return url
    notices.append(f"{where}: ignored url {url[:40]!r} (only http and https links are kept)")
    return None


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
        return _from_json(text, name, path, notices), notices
    if kind == "html":
        page = extract(text)
        url = _web_url(page.url, name, notices)
        return [
            _Raw(page.text, page.source or label, path, page.title, page.date, page.source, url)
        ], notices
    return [_Raw(text, label, path)], notices


def _folder(path: Path, max_mb: float, notices: list[str]) -> list[_Raw]:
    """Every article file directly in `path`; what cannot be used is skipped with a notice, and
    a folder that yields nothing is an error that says why."""
    raws: list[_Raw] = []
    subfolders: list[Path] = []
    failures: list[InputError] = []
    others = 0
    for entry in sorted(path.iterdir(), key=lambda p: p.name):
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            subfolders.append(entry)
            notices.append(f"skipped folder {entry} (folders are not read recursively)")
        elif entry.suffix.lower() not in ARTICLE_SUFFIXES:
            others += 1
            notices.append(f"skipped {entry} (not .txt, .md, .html or .json)")
        elif entry.stem.lower() in NOT_ARTICLES:
            others += 1
            notices.append(f"skipped {entry} (not an article)")
        else:
            try:
                found, more = _parse(_read_bytes(entry, max_mb), str(entry), str(entry))
            except InputError as exc:
                failures.append(exc)
                notices.append(f"skipped {exc}")
                continue
            raws += found
            notices += more
    if raws:
        return raws
    if failures:
        first = failures[0]
        more = f" (and {len(failures) - 1} more)" if len(failures) > 1 else ""
        raise InputError(f"{path} holds no readable article: {first.message}{more}", first.fix)
    if subfolders and not others:
        names = " ".join(str(f) for f in subfolders[:3])
        raise InputError(
            f"{path} holds only {len(subfolders)} subfolder(s), and folders are not read "
            "recursively",
            f"name them instead: summarize {names}",
        )
    if others:
        raise InputError(
            f"{path} holds no article files", "put .txt, .md, .html or .json files in it"
        )
    raise InputError(f"{path} is empty", "put .txt, .md, .html or .json files in it")


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
    _limit(max_mb)
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
            raws += _folder(path, max_mb, notices)
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
    articles = _date_from_datelines(articles, notices)
    return Ingested(tuple(articles), tuple(notices))


def read_text(source: str, *, max_mb: float = DEFAULT_MAX_MB, stdin: BinaryIO | None = None) -> str:
    """The text of one file (or "-"), read with the same care as an article: size cap, regular
    files only, encodings, binary refused."""
    if source == "-":
        data, name = _read_stream(stdin or sys.stdin.buffer, max_mb), "<stdin>"
    else:
        path = Path(source)
        if not path.exists():
            raise InputError(f"no such file: {path}", "check the path")
        if path.is_dir():
            raise InputError(f"{path} is a folder", "give the summary as one file")
        data, name = _read_bytes(path, max_mb), str(path)
    text, _ = decode(data, name)
    if not text.strip():
        raise InputError(f"{name} is empty", "give it the summary text")
    return normalise(text)


def _date_from_datelines(articles: list[Article], notices: list[str]) -> list[Article]:
    """ "Washington, Jan 3 (AFP)" dates an article; its year comes from the dateline or, when
    the dateline has none, from the other articles' dates (the nearest year that fits)."""
    known = [a.date for a in articles if a.date is not None]
    out = []
    for article in articles:
        if article.date is None and article.dateline:
            found = dateline_date(article.dateline, max(known) if known else None)
            if found is not None:
                article = replace(article, date=found)
                notices.append(f"[{article.id}] dated {found.isoformat()} from its dateline")
        out.append(article)
    return out


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
