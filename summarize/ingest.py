"""Read articles from files, directories, JSON/JSONL, HTML, http(s) URLs or stdin into
`Article` records.

Every input gets a stable number in the order given (directories sorted by name), so citations,
`--exclude 2` and the TUI's checkboxes all mean the same source. A URL is the only thing ever
fetched from the network, and only when the user names it; the HTTP modules are imported then,
so reading files never pays for them.
"""

from __future__ import annotations

import codecs
import datetime as _dt
import json
import math
import os
import re
import stat
import sys
import time
import urllib.parse
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from . import newswire
from .clean import Cleaned, clean, dateline_date, normalise
from .errors import InputError, cannot_read
from .html_text import extract
from .schema import Article
from .text_header import split_header

if TYPE_CHECKING:
    from http.client import HTTPResponse
    from urllib.request import OpenerDirector

TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSON_SUFFIXES = {".json", ".jsonl", ".ndjson"}
WIRE_SUFFIXES = {".sgml", ".sgm"}
ARTICLE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | WIRE_SUFFIXES
NOT_ARTICLES = {"readme", "license", "licence", "changelog", "notice", "copying", "authors"}
DEFAULT_MAX_MB = 10.0
FETCH_TIMEOUT_S = 20.0
"""Seconds a URL gets to connect, answer and arrive in full; a slower site is an error."""
FETCH_TIMEOUT_ENV = "SUMMARIZE_FETCH_TIMEOUT"
"""Overrides FETCH_TIMEOUT_S (seconds) for slow sites or slow connections."""
USER_AGENT = "Mozilla/5.0 (compatible; summarize/0.1; one page per source)"
"""Sent with every fetch: names the tool; "Mozilla/5.0 (compatible; ...)" keeps sites that turn
away unnamed clients from refusing a plain page request."""
WEB_SCHEMES = ("http", "https")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]+)://")
"""A source that starts like this is an address, not a path (two letters at least, so that a
Windows drive `C://` stays a path)."""
_WEB_HTML = {"text/html", "application/xhtml+xml"}
_WEB_TEXT = {"text/plain", "text/markdown", "text/x-markdown"}
_WEB_JSON = {
    "application/json",
    "text/json",
    "application/x-ndjson",
    "application/jsonl",
    "application/x-jsonlines",
}
_WEB_MAJORS = {"image": "an image", "video": "a video", "audio": "an audio file", "font": "a font"}
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
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
    from_file_name: bool = False
    """`label` is only the file name: an outlet the text names for itself is a better one."""


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
    _refuse_magic(data, name)
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


def _refuse_magic(data: bytes, name: str) -> None:
    """PDFs, images and archives are refused by their first bytes, whatever they are called."""
    for magic, kind in _MAGIC.items():
        if data.startswith(magic):
            raise InputError(f"{name} is {kind}, not text", "convert it to .txt, .html or .json")


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


def _too_big(
    what: str, max_mb: float, size: int | None = None, *, fix: str = "split it, or "
) -> InputError:
    needed = f"--max-mb {int(size / 1024 / 1024) + 1}" if size else "a higher --max-mb"
    return InputError(
        f"{what} is {_size(size)}over the {max_mb:g} MB limit for one article",
        f"{fix}pass {needed} to read it anyway",
    )


def _size(size: int | None) -> str:
    """ "2.4 MB, " — or "3 KB, " under a megabyte ("0.0 MB, over the 0.001 MB limit")."""
    if not size:
        return ""
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KB, "
    return f"{size / 1024 / 1024:.1f} MB, "


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
        raise cannot_read(path, exc) from exc
    if len(data) > limit:
        raise _too_big(str(path), max_mb)
    return data


def _read_stream(stream: BinaryIO, max_mb: float) -> bytes:
    limit = _limit(max_mb)
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise _too_big("standard input", max_mb)
    return data


# -- URLs ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Fetched:
    url: str
    """The final address, after redirects."""
    data: bytes
    kind: str | None
    """"html", "text" or "json" from the Content-Type; None when the server sent none."""
    charset: str | None


def url_scheme(source: str) -> str | None:
    """The lower-case scheme of `source` when it is an address (`https://...`), else None."""
    match = _SCHEME.match(source)
    return match.group(1).lower() if match else None


def fetch_timeout() -> float:
    """FETCH_TIMEOUT_S, or the seconds set in SUMMARIZE_FETCH_TIMEOUT."""
    raw = os.environ.get(FETCH_TIMEOUT_ENV, "").strip()
    if not raw:
        return FETCH_TIMEOUT_S
    try:
        value = float(raw)
    except ValueError:
        value = math.nan
    if not (value > 0 and math.isfinite(value)):
        raise InputError(
            f"{FETCH_TIMEOUT_ENV}={raw!r} is not a number of seconds above 0",
            f"set e.g. {FETCH_TIMEOUT_ENV}=30, or unset it for {FETCH_TIMEOUT_S:g} s",
        )
    return value


def _site(url: str) -> str:
    """The domain of `url` without `www.`: the label of a page that does not name its site."""
    host = urllib.parse.urlsplit(url).hostname or url
    return host.removeprefix("www.")


def _quote_url(url: str) -> str:
    """Spaces and non-ASCII characters percent-encoded, as a browser sends them; what is
    already encoded, and the characters that give the URL its structure, are left alone.
    Raises ValueError for an address with no usable host."""
    parts = urllib.parse.urlsplit(url)
    if not parts.hostname:
        raise ValueError("no host name")
    _ = parts.port  # raises ValueError for a port outside 0-65535
    if any(c.isspace() or ord(c) < 32 for c in parts.netloc):
        raise ValueError("a space in the host name")
    safe = "/%:@!$&'()*+,;=-._~?"
    return urllib.parse.urlunsplit(
        (
            parts.scheme,
            parts.netloc,
            urllib.parse.quote(parts.path, safe=safe),
            urllib.parse.quote(parts.query, safe=safe),
            "",
        )
    )


def _opener() -> OpenerDirector:
    """urllib's opener with redirects limited to http(s) (urllib alone would follow one to
    ftp://) and a redirect's own body never read (it could be endless)."""
    import urllib.request

    class _WebRedirects(urllib.request.HTTPRedirectHandler):
        def redirect_request(
            self, req: Any, fp: Any, code: int, msg: str, headers: Any, newurl: str
        ) -> Any:
            fp.close()
            if urllib.parse.urlsplit(newurl).scheme.lower() not in WEB_SCHEMES:
                raise InputError(
                    f"{req.full_url} redirects to {newurl[:80]}, which is not an http(s) address",
                    "give the address of the article page itself",
                )
            return super().redirect_request(req, fp, code, msg, headers, newurl)

    return urllib.request.build_opener(_WebRedirects)


def _web_kind(content_type: str | None, url: str) -> str | None:
    """ "html", "text" or "json" for what an article can be; anything else is refused before
    its body is read."""
    if not content_type:
        return None
    media = content_type.split(";")[0].strip().lower()
    if media in _WEB_HTML:
        return "html"
    if media in _WEB_TEXT:
        return "text"
    if media in _WEB_JSON or media.endswith("+json"):
        return "json"
    major = media.split("/")[0]
    if media == "application/pdf":
        what = "a PDF document"
    elif major in _WEB_MAJORS:
        what = _WEB_MAJORS[major]
    elif any(word in media for word in ("zip", "compressed", "tar", "rar")):
        what = "an archive"
    else:
        what = "a file"
    raise InputError(
        f"{url} is {what} ({media}), not an article page",
        "give the address of an HTML, plain-text or JSON article, or save it and convert it "
        "to .txt, .html or .json",
    )


def _url_too_big(url: str, max_mb: float, size: int | None = None) -> InputError:
    return _too_big(url, max_mb, size, fix="")


def _read_response(
    response: HTTPResponse, url: str, limit: int, max_mb: float, deadline: float
) -> bytes:
    """The body, never more than `limit` bytes whatever Content-Length claims, and never past
    `deadline`: the socket timeout alone would let a server that sends a byte a second run on."""
    declared = response.headers.get("Content-Length", "").strip()
    if declared.isdigit() and int(declared) > limit:
        raise _url_too_big(url, max_mb, int(declared))
    chunks: list[bytes] = []
    size = 0
    while True:
        if time.monotonic() > deadline:
            raise TimeoutError
        chunk = response.read1(65536)
        if not chunk:
            break
        size += len(chunk)
        if size > limit:
            raise _url_too_big(url, max_mb)
        chunks.append(chunk)
    data = b"".join(chunks)
    encoding = response.headers.get("Content-Encoding", "").strip().lower()
    if encoding in ("", "identity"):
        return data
    if encoding not in ("gzip", "x-gzip", "deflate"):
        raise InputError(
            f"{url} was sent {encoding}-compressed, which is not read",
            "save the page from a browser and give the file",
        )
    # We ask for identity; a server that compresses anyway is unpacked, within the same cap.
    wbits = 47 if "gzip" in encoding else (15 if data[:1] == b"\x78" else -15)
    try:
        unpacked = zlib.decompressobj(wbits).decompress(data, limit + 1)
    except zlib.error as exc:
        raise InputError(
            f"cannot read {url}: its {encoding} data is corrupt",
            "try again, or save the page and give the file",
        ) from exc
    if len(unpacked) > limit:
        raise _url_too_big(url, max_mb)
    return unpacked


def _fetch(url: str, max_mb: float) -> _Fetched:
    """GET `url` (redirects followed, size cap and timeout enforced); every failure is one
    InputError that says what went wrong and what to do."""
    import http.client
    import urllib.error
    import urllib.request

    limit = _limit(max_mb)
    timeout = fetch_timeout()
    retry = f"try again later, or set {FETCH_TIMEOUT_ENV} to wait longer than {timeout:g} s"
    try:
        request = urllib.request.Request(
            _quote_url(url),
            headers={
                "User-Agent": USER_AGENT,
                "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,"
                "application/json;q=0.9,*/*;q=0.1",
            },
        )
        deadline = time.monotonic() + timeout
        with _opener().open(request, timeout=timeout) as response:
            final = response.geturl()
            kind = _web_kind(response.headers.get("Content-Type"), url)
            data = _read_response(response, url, limit, max_mb, deadline)
            charset = response.headers.get_content_charset()
    except urllib.error.HTTPError as exc:
        exc.close()
        code = exc.code
        if 300 <= code < 400:
            raise InputError(
                f"cannot fetch {url}: it redirects too many times, or to an address that is "
                "not http(s)",
                "open it in a browser and give the address it ends on",
            ) from None
        if code in (401, 402, 403, 407, 451):
            fix = "the site refuses scripts or needs a login: save the page from a browser"
        elif code in (404, 410):
            fix = "check the address"
        elif code == 429:
            fix = "the site is rate-limiting: wait and try again"
        elif code >= 500:
            fix = "the site is failing: try again later, or save the page from a browser"
        else:
            fix = "check the address, or save the page from a browser and give the file"
        reason = " ".join(str(exc.reason or "").split())
        raise InputError(
            f"cannot fetch {url}: the server answered HTTP {code}{' ' + reason if reason else ''}",
            fix,
        ) from None
    except TimeoutError as exc:
        raise _network_error(url, exc, timeout, retry) from None
    except urllib.error.URLError as exc:
        raise _network_error(url, exc.reason, timeout, retry) from None
    except http.client.InvalidURL as exc:
        raise InputError(
            f"{url} is not a valid web address ({' '.join(str(exc).split())})",
            "check the address",
        ) from None
    except http.client.HTTPException as exc:
        raise InputError(
            f"cannot fetch {url}: the server sent a broken response ({type(exc).__name__})",
            "try again later, or save the page from a browser and give the file",
        ) from None
    except OSError as exc:  # connection reset, TLS failures, ...
        raise _network_error(url, exc, timeout, retry) from None
    except ValueError as exc:
        raise InputError(
            f"{url} is not a valid web address ({' '.join(str(exc).split())})",
            "check the address",
        ) from None
    return _Fetched(final, data, kind, charset)


def _network_error(url: str, reason: object, timeout: float, retry: str) -> InputError:
    """One line for what urllib reports as a URLError's reason or a bare OSError."""
    import socket
    import ssl

    host = urllib.parse.urlsplit(url).netloc
    network = "check the address and your network connection"
    if isinstance(reason, TimeoutError):
        return InputError(f"cannot fetch {url}: no full answer within {timeout:g} s", retry)
    if isinstance(reason, socket.gaierror):
        return InputError(f"cannot fetch {url}: host {host} not found", network)
    if isinstance(reason, ConnectionRefusedError):
        return InputError(f"cannot fetch {url}: connection refused by {host}", network)
    if isinstance(reason, ssl.SSLCertVerificationError):
        return InputError(
            f"cannot fetch {url}: its TLS certificate is not valid ({reason.verify_message})",
            "check the address; if you trust the site, save the page from a browser",
        )
    if isinstance(reason, OSError) and reason.strerror:
        detail = reason.strerror
    else:
        detail = " ".join(str(reason).split()) or type(reason).__name__
    return InputError(f"cannot fetch {url}: {detail}", network)


def _meta_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in a `<meta>` near its top."""
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii") if match else None


def _decode_fetched(fetched: _Fetched, name: str) -> tuple[str, str | None]:
    """Text of a response: its declared charset (the header's, else an HTML page's `<meta>`)
    when that decodes it, else the same guesses as a file (`decode`)."""
    data = fetched.data
    charset = fetched.charset
    if charset is None and fetched.kind in ("html", None):
        charset = _meta_charset(data)
    boms = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
    if charset is None or data.startswith(boms):
        return decode(data, name)
    _refuse_magic(data, name)
    try:
        codec = codecs.lookup(charset).name
    except LookupError:
        text, notice = decode(data, name)
        return text, _join_notices(f"{name}: unknown charset {charset[:30]!r}", notice)
    if codec in ("latin-1", "iso8859-1", "ascii"):
        codec = "cp1252"  # what browsers read for these labels (WHATWG Encoding)
    try:
        return data.decode(codec), None
    except UnicodeDecodeError:
        text, notice = decode(data, name)
        return text, _join_notices(f"{name}: not valid {charset[:30]}", notice)


def _from_url(url: str, max_mb: float) -> tuple[list[_Raw], list[str]]:
    """The article(s) at an http(s) address: HTML through `extract`, plain text as text, JSON as
    the JSON article formats. Labelled by the site's name, else its domain."""
    scheme = url_scheme(url)
    if scheme not in WEB_SCHEMES:
        fix = (
            "give the path itself, e.g. summarize /path/to/article.txt"
            if scheme == "file"
            else "download it and give the file"
        )
        raise InputError(f"cannot read {url}: only http:// and https:// addresses are fetched", fix)
    fetched = _fetch(url, max_mb)
    notices: list[str] = []
    text, notice = _decode_fetched(fetched, url)
    if notice:
        notices.append(notice)
    if not text.strip():
        raise InputError(f"{url} is an empty page", "check the address")
    kind = fetched.kind or _kind(urllib.parse.urlsplit(fetched.url).path, text)
    site = _site(fetched.url)
    if kind == "json":
        return _from_json(text, url, url, notices, base=site), notices
    if kind == "text":
        return [_Raw(text, site, url, url=fetched.url)], notices
    page = extract(text, url=fetched.url)
    if not page.text.strip():
        raise InputError(
            f"{url}: no article text found on the page",
            "if it needs JavaScript to show its text, save it from a browser and give the file",
        )
    source = page.source or site
    return [_Raw(page.text, source, url, page.title, page.date, source, fetched.url)], notices


def _kind(name: str, text: str) -> str:
    suffix = Path(name).suffix.lower()
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in JSON_SUFFIXES:
        return "json"
    if newswire.is_wire(text):  # before HTML: a record's <BODY> is no web page
        return "wire"
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


def _from_json(
    text: str, name: str, path: str, notices: list[str], base: str | None = None
) -> list[_Raw]:
    """One raw article per record; `base` names unlabelled records (the file name by default,
    a fetched document's site)."""
    raws = []
    for number, record in enumerate(_json_records(text, name), 1):
        label = f"{base or _file_label(name)}#{number}"
        if isinstance(record, str):
            raws.append(_Raw(record, label, path, from_file_name=base is None))
            continue
        if not isinstance(record, dict):
            raise InputError(f"{name}, record {number}: not an object", 'use {"text": ...}')
        key = next((k for k in ("text", "body", "content") if record.get(k) is not None), None)
        body = record.get(key) if key else None
        if not isinstance(body, str):
            if key is None and any(k in record for k in ("text", "body", "content")):
                raise InputError(
                    f"{name}, record {number}: 'text' is null",
                    'put the article text in quotes: "text": "..."',
                )
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
                _stated_date(_str_or_none(record.get("date")), f"{name}, record {number}", notices),
                _str_or_none(record.get("source")),
                url,
                from_file_name=base is None and not (record.get("source") or record.get("label")),
            )
        )
    return raws


def _stated_date(date: str | None, where: str, notices: list[str]) -> str | None:
    """A date the article states for itself, if it is one: "2025-13-45" is dropped with a
    notice rather than silently (sixth new-user audit), and the article's date is then read
    from its text, if it gives one."""
    if date is None or _parse_date(date) is not None:
        return date
    notices.append(f"{where}: ignored date {date[:40]!r} (not a calendar date; write YYYY-MM-DD)")
    return None


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
    label = _file_label(name)
    if kind == "json":
        return _from_json(text, name, path, notices), notices
    if kind == "html":
        page = extract(text)
        url = _web_url(page.url, name, notices)
        return [
            _Raw(
                page.text,
                page.source or label,
                path,
                page.title,
                page.date,
                page.source,
                url,
                from_file_name=not page.source,
            )
        ], notices
    if kind == "wire":  # a collection file holds many records, each its own article
        records = newswire.records(text)
        if records and newswire.cut_short(records[-1]):
            notices.append(f"{name}: its last record has no </DOC> (the file may be cut short)")
        return [
            _Raw(record, newswire.docno(record) or label, path, from_file_name=True)
            for record in records
        ], notices
    header, body = split_header(text)
    return [
        _Raw(
            body,
            header.source or label,
            path,
            header.title,
            _stated_date(header.date, name, notices),
            header.source,
            _web_url(header.url, name, notices),
            from_file_name=not header.source,
        )
    ], notices


def _wire_file(path: Path) -> bool:
    """A newswire file, whatever its name: DUC and TAC name theirs by document number
    (`APW19981016.0240`), which has no article suffix."""
    try:
        if not stat.S_ISREG(path.stat().st_mode):
            return False
        with path.open("rb") as handle:
            head = handle.read(200)
    except OSError:
        return False
    return newswire.is_wire(head.decode("latin-1"))


_OUR_FOOTER = re.compile(rb"\n\*(extractive|abstractive)[^\n]* \xc2\xb7 method `[^`\n]+` \xc2\xb7 ")
_OUR_SCHEMA = re.compile(rb'^\s*\{\s*"schema"\s*:\s*"summarize\.briefing/')


def _our_briefing(data: bytes) -> bool:
    """A Markdown or JSON briefing this tool wrote: saved into the story's folder (`-o
    story/brief.md`), it was read back on the next run as one more source, and the briefing
    cited itself."""
    return bool(_OUR_SCHEMA.match(data[:200]) or _OUR_FOOTER.search(data[-600:]))


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
        elif entry.suffix.lower() not in ARTICLE_SUFFIXES and not _wire_file(entry):
            others += 1
            notices.append(f"skipped {entry} (not .txt, .md, .html or .json)")
        elif entry.stem.lower() in NOT_ARTICLES:
            others += 1
            notices.append(f"skipped {entry} (not an article)")
        else:
            try:
                data = _read_bytes(entry, max_mb)
                if _our_briefing(data):
                    others += 1
                    notices.append(f"skipped {entry} (a briefing summarize wrote, not an article)")
                    continue
                found, more = _parse(data, str(entry), str(entry))
            except InputError as exc:
                failures.append(exc)
                notices.append(f"skipped: {exc}")  # "skipped: e.txt is empty (...)"
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
        pass
    from .facts import analyse  # a date written out: "14 March 2024", "March 14, 2024"

    return next((d for when in analyse(value[:80]).dates if (d := when.resolve(None))), None)


LARGE_INPUT = 1_000_000
"""From this much input (bytes of the named files, characters of text) a briefing takes
seconds however few the articles (one 6 MB file about 20 s, most of it cleaning and
splitting), so progress is shown."""


def input_bytes(sources: Iterable[str | os.PathLike[str]]) -> int:
    """Bytes of the named files and of the files directly in named folders; URLs and standard
    input count nothing (their size is known once read)."""
    total = 0
    for source in sources:
        if str(source) == "-" or (isinstance(source, str) and url_scheme(source) is not None):
            continue
        try:
            if os.path.isdir(source):
                with os.scandir(source) as entries:
                    total += sum(e.stat().st_size for e in entries if e.is_file())
            elif os.path.isfile(source):
                total += os.path.getsize(source)
        except OSError:
            continue  # reading names the problem
    return total


def load(
    sources: Iterable[str | os.PathLike[str]],
    *,
    max_mb: float = DEFAULT_MAX_MB,
    stdin: BinaryIO | None = None,
    progress: Callable[[str], None] | None = None,
) -> Ingested:
    """Read every source (file, directory, http(s) URL or "-") into numbered articles.

    Named files and URLs that cannot be used are errors; unusable files inside a directory are
    skipped with a notice, so one stray file never blocks a folder of articles. `progress`
    hears that reading starts when the named files hold `LARGE_INPUT` bytes or more.
    """
    raws: list[_Raw] = []
    notices: list[str] = []
    sources = list(sources)
    _limit(max_mb)
    if progress is not None:
        size = input_bytes(sources)
        if size >= LARGE_INPUT:
            progress(f"reading {size / 1e6:,.1f} MB …")
    if not sources:
        raise InputError("no articles given", "name files or a folder, e.g. summarize seeds/")
    if sum(1 for source in sources if str(source) == "-") > 1:
        # the second read found the stream spent: "<stdin> is empty" blamed the input
        raise InputError("- (standard input) is named more than once", "name it once")
    for source in sources:
        if str(source) == "-":
            data = _read_stream(stdin or sys.stdin.buffer, max_mb)
            found, more = _parse(data, "<stdin>", "-")
            raws += found
            notices += more
            continue
        if isinstance(source, str) and url_scheme(source) is not None:
            found, more = _from_url(source, max_mb)
            raws += found
            notices += more
            continue
        if not str(source).strip():
            # Path("") is the current folder: an unset shell variable ("$STORY") would
            # summarise whatever lies there
            raise InputError("an empty path was given", "name files or a folder")
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
    labels: set[str] = set()
    next_number: dict[str, int] = {}
    for raw in raws:
        cleaned = clean(raw.text, title=raw.title)
        if not cleaned.text.strip():
            notices.append(f"skipped {raw.label} (no article text left after cleaning)")
            continue
        articles.append(
            Article(
                id=len(articles) + 1,
                label=_unique_label(_label(raw, cleaned), labels, next_number),
                text=cleaned.text,
                title=cleaned.title,
                date=_parse_date(raw.date) or cleaned.date,
                source=raw.source or cleaned.outlet,
                url=raw.url,
                path=raw.path,
                dateline=cleaned.dateline,
            )
        )
    if not articles:
        skipped = [n for n in notices if n.startswith("skipped ")]
        why = f": {skipped[0]}" if len(skipped) == 1 else ""  # which file, and why
        raise InputError(f"no article text found{why}", "give files with news text in them")
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
    try:
        text, _ = decode(data, name)
    except InputError as exc:  # the articles' fix ("give .txt, .html or .json articles")
        raise InputError(exc.message, "give the summary as a plain-text file") from None
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


_UUID = re.compile(r"[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}", re.IGNORECASE)
_HASH = re.compile(r"(?=[0-9a-f]*[0-9])(?=[0-9a-f]*[a-f])[0-9a-f]{8,}", re.IGNORECASE)
"""8 or more hex digits, letters and digits mixed: a hash. A date ("20200103") is all digits."""
_NAME_PART = re.compile(r"[^_\-.\s]+|[_\-.\s]+")


def _file_label(name: str) -> str:
    """A file name as a label, without the hash noise of scraped or generated names:
    "000_2fec9d02fdc00d31.txt" -> "000", "story-3a9f1c2e.txt" -> "story". A name that is
    nothing but a hash stays whole: it is still the only handle on the file."""
    if name == "<stdin>":
        return "stdin"  # "<stdin>" is markup to Markdown, and shown escaped
    stem = Path(name).stem
    parts = [p for p in _NAME_PART.findall(_UUID.sub("", stem)) if not _HASH.fullmatch(p)]
    kept = re.sub(r"([_\-.\s])[_\-.\s]*", r"\1", "".join(parts)).strip("_-. ")
    kept = _ORDER_PREFIX.sub("", kept)  # "3_metro.txt" -> "metro": the number only orders
    return kept or stem


_ORDER_PREFIX = re.compile(r"^\d{1,3}[_\-.\s]+(?=[^\W\d])")
"""A short number a folder's files are ordered by, before a name ("01-reuters", "3_metro")."""


def _label(raw: _Raw, cleaned: Cleaned) -> str:
    """The source's label: the outlet its metadata gives (`source`, site name) or another label
    the input chose; else the outlet the text names ("AFP via LatestLY", "The Washington
    Post"); only then the file name."""
    if raw.from_file_name and cleaned.outlet:
        return cleaned.outlet
    return raw.label


def _unique_label(label: str, taken: set[str], next_number: dict[str, int]) -> str:
    """`label`, or "label (2)", "(3)" ... when taken; `taken` and `next_number` are updated,
    so a collection file of 20,000 AP records is numbered in linear time."""
    label = " ".join(normalise(label).split())[:60] or "article"
    if label in taken:
        n = next_number.get(label, 2)
        while f"{label} ({n})" in taken:
            n += 1
        next_number[label] = n + 1
        label = f"{label} ({n})"
    taken.add(label)
    return label


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
