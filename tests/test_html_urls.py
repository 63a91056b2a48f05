"""HTML pages through trafilatura, and http(s) URLs as sources.

Every fetch goes to an HTTP server on 127.0.0.1 that this module starts in a thread (port 0,
so any free port); nothing here touches the internet. A DNS failure is simulated by patching
`socket.getaddrinfo`, never by asking a real resolver. Every fetch runs under a short timeout,
and the server wakes its sleeping handlers and shuts down when the module is done.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from summarize import ingest, summarize
from summarize.cli import main
from summarize.errors import InputError
from summarize.html_text import extract, plain_text
from summarize.ingest import load

ROOT = Path(__file__).resolve().parent.parent
HTML = Path(__file__).resolve().parent / "data" / "html"
BUGLE = HTML / "bugle-floods.html"
SENTINEL = HTML / "sentinel-floods.html"
SHORT = HTML / "short-notice.html"

STORY = (
    "Floods hit the northern city of Mosul on Monday, officials said. "
    "Rescue teams reached 300 families by the evening. The rain is expected to ease."
)
TEST_TIMEOUT_S = 5.0
"""No fetch in this module may wait longer than this (the slow handlers get less)."""
SHORT_TIMEOUT_S = 0.5
"""The timeout set for the tests of slow servers: they must give up after about this."""


# -- trafilatura on saved pages -----------------------------------------------------------------

BUGLE_FURNITURE = [
    "cookies",  # cookie banner
    "Accept all",
    "Subscribe",  # header
    "Politics",  # navigation
    "Search the Bugle",
    "Middle East",  # breadcrumbs
    "Share on Facebook",  # share bars
    "WhatsApp",
    "42 comments",
    "Photograph",  # figure caption
    "Morning Briefing",  # newsletter box
    "Related stories",  # related links
    "third dry winter",
    "riverwatcher",  # comments
    "Somebody should answer",
    "All rights reserved",  # footer
    "Privacy policy",
    "dataLayer",  # scripts
]

SENTINEL_FURNITURE = [
    "This site uses cookies",
    "OK, got it",
    "Sign in",
    "Copy link",
    "Share:",
    "More on this story",
    "why it matters",
    "Most read",
    "Celebrity chef",
    "Advertisement",
    "not responsible for the content",
    "Tom Okafor, World correspondent",
]


def test_a_news_page_keeps_its_story_and_drops_the_furniture() -> None:
    page = extract(BUGLE.read_text(encoding="utf-8"))
    for kept in (
        "Floods cut off the old city of Mosul on Monday",
        "Rescue teams using boats and army trucks reached 300 families",
        '"The water rose faster than anyone expected," said Ahmed Younis',
        "opened the spillways of the Mosul Dam",
        "about 1,200 people displaced by the floods",
    ):
        assert kept in page.text
    for furniture in BUGLE_FURNITURE:
        assert furniture not in page.text, furniture
    assert page.title == "Floods cut off Mosul's old city as river bursts its banks"
    assert page.date == "2024-05-06"
    assert page.source == "The Daily Bugle"
    assert page.url == "https://bugle.example.com/world/2024/05/06/mosul-floods"
    assert page.author == "Leila Haddad"


def test_paragraphs_are_separated_by_blank_lines() -> None:
    paragraphs = extract(BUGLE.read_text(encoding="utf-8")).text.split("\n\n")
    assert len(paragraphs) == 7  # six paragraphs and the sub-heading
    assert all(p.strip() == p and "\n" not in p for p in paragraphs)
    assert paragraphs[0].startswith("Floods cut off the old city")
    assert paragraphs[-1].startswith("The United Nations said")


def test_a_div_soup_page_with_json_ld() -> None:
    page = extract(SENTINEL.read_text(encoding="utf-8"))
    assert page.text.startswith("Hundreds of families were rescued from flooded homes in Mosul")
    assert "one man drowned in a village upstream" in page.text
    assert page.text.endswith("about 1,200 displaced people.")
    for furniture in SENTINEL_FURNITURE:
        assert furniture not in page.text, furniture
    assert page.title == "Mosul floods: hundreds of families rescued as Tigris rises"
    assert page.date == "2024-05-06"
    assert page.source == "Sentinel News"
    assert page.author == "Tom Okafor"


def test_a_saved_page_is_one_article_with_its_metadata() -> None:
    (article,) = load([BUGLE]).articles
    assert article.label == article.source == "The Daily Bugle"
    assert article.title == "Floods cut off Mosul's old city as river bursts its banks"
    assert article.date == dt.date(2024, 5, 6)
    assert article.url == "https://bugle.example.com/world/2024/05/06/mosul-floods"
    assert "Share on" not in article.text and "cookies" not in article.text


def test_a_short_page_still_yields_its_text() -> None:
    page = extract(SHORT.read_text(encoding="utf-8"))
    assert page.text == "Mosul schools closed Tuesday because of the floods."
    assert page.title == "Flood notice"
    assert page.date is None


def test_plain_text_fallback_when_trafilatura_finds_no_main_text(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import trafilatura

    monkeypatch.setattr(trafilatura, "bare_extraction", lambda *a, **k: None)
    html = (
        "<html><head><title>Notice</title><script>var x = 'code';</script></head><body>"
        "<nav>Home | World</nav><p>Mosul schools closed Tuesday.</p><div>Teams reached 300 "
        "families.</div><footer>Copyright</footer></body></html>"
    )
    page = extract(html)
    assert page.text == "Mosul schools closed Tuesday.\n\nTeams reached 300 families."
    assert page.title == "Notice"
    assert plain_text("no markup at all") == "no markup at all"


def test_a_copyright_year_is_not_taken_for_the_date() -> None:
    paragraph = f"<p>{STORY}</p>" * 3
    html = f"<html><body><article>{paragraph}</article><footer>© 2021 Bugle</footer></body></html>"
    assert extract(html).date is None


def test_plain_text_sources_never_import_trafilatura() -> None:
    code = (
        "import sys\n"
        "from summarize.cli import main\n"
        "assert main(['-q', '-f', 'text', 'seeds/']) == 0\n"
        "assert 'trafilatura' not in sys.modules, 'trafilatura imported'\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr


# -- a local web server -------------------------------------------------------------------------

_release = threading.Event()
"""Set at teardown: wakes every handler that is sleeping or streaming, so the server stops."""


def _send(
    handler: BaseHTTPRequestHandler,
    body: bytes,
    content_type: str | None,
    status: int = 200,
    headers: dict[str, str] | None = None,
) -> None:
    handler.send_response(status)
    if content_type:
        handler.send_header("Content-Type", content_type)
    handler.send_header("Content-Length", str(len(body)))
    for key, value in (headers or {}).items():
        handler.send_header(key, value)
    handler.end_headers()
    handler.wfile.write(body)


def _redirect(location: str) -> Callable[[BaseHTTPRequestHandler], None]:
    def answer(handler: BaseHTTPRequestHandler) -> None:
        _send(handler, b"", "text/html", 301 if location == "/bugle.html" else 302,
              {"Location": location})  # fmt: skip

    return answer


def _slow(handler: BaseHTTPRequestHandler) -> None:
    """Answers nothing until the test is over: a client must time out."""
    _release.wait(30)


def _trickle(handler: BaseHTTPRequestHandler) -> None:
    """Headers at once, then a byte every 50 ms for ever: only a deadline stops the client."""
    handler.send_response(200)
    handler.send_header("Content-Type", "text/plain")
    handler.end_headers()
    while not _release.wait(0.05):
        handler.wfile.write(b"a")
        handler.wfile.flush()


def _big_declared(handler: BaseHTTPRequestHandler) -> None:
    """Declares 5 MB; the client should refuse on the header, before reading the body."""
    handler.send_response(200)
    handler.send_header("Content-Type", "text/plain")
    handler.send_header("Content-Length", str(5 * 1024 * 1024))
    handler.end_headers()
    chunk = b"Floods hit Mosul. " * 4000
    for _ in range(70):
        handler.wfile.write(chunk)


def _big_stream(handler: BaseHTTPRequestHandler) -> None:
    """No Content-Length: an endless body that only the size cap, counted while reading, stops."""
    handler.send_response(200)
    handler.send_header("Content-Type", "text/plain")
    handler.end_headers()
    chunk = b"Floods hit Mosul. " * 4000
    while not _release.is_set():
        handler.wfile.write(chunk)


def _error(status: int) -> Callable[[BaseHTTPRequestHandler], None]:
    def answer(handler: BaseHTTPRequestHandler) -> None:
        handler.send_error(status)

    return answer


RECORDS = {
    "articles": [
        {"title": "Floods in Mosul", "text": STORY, "date": "2024-05-06", "source": "Wire"},
        {"text": STORY.replace("300", "310")},
    ]
}

ROUTES: dict[str, Callable[[BaseHTTPRequestHandler], None]] = {
    "/bugle.html": lambda h: _send(h, BUGLE.read_bytes(), "text/html; charset=utf-8"),
    "/sentinel.html": lambda h: _send(h, SENTINEL.read_bytes(), "text/html"),
    "/story.txt": lambda h: _send(h, STORY.encode(), "text/plain; charset=utf-8"),
    "/story.json": lambda h: _send(h, json.dumps(RECORDS).encode(), "application/json"),
    "/latin.txt": lambda h: _send(
        h, (STORY + " The café reopened.").encode("latin-1"), "text/plain; charset=iso-8859-1"
    ),
    "/caf%C3%A9%20story.txt": lambda h: _send(h, STORY.encode(), "text/plain"),
    "/untyped": lambda h: _send(h, STORY.encode(), None),
    "/gzip.txt": lambda h: _send(
        h, gzip.compress(STORY.encode()), "text/plain", headers={"Content-Encoding": "gzip"}
    ),
    "/old": _redirect("/bugle.html"),
    "/loop": _redirect("/loop"),
    "/to-ftp": _redirect("ftp://127.0.0.1/story.txt"),
    "/missing": _error(404),
    "/broken": _error(500),
    "/slow": _slow,
    "/trickle": _trickle,
    "/big-declared": _big_declared,
    "/big-stream": _big_stream,
    "/report.pdf": lambda h: _send(h, b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "application/pdf"),
    "/pdf-as-html": lambda h: _send(h, b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "text/html"),
    "/photo.png": lambda h: _send(h, b"\x89PNG\r\n\x1a\n", "image/png"),
    "/empty": lambda h: _send(h, b"", "text/html"),
    "/js-only": lambda h: _send(
        h,
        b"<!doctype html><html><head><title>App</title><script src='/app.js'></script></head>"
        b"<body><div id='root'></div><script>render()</script></body></html>",
        "text/html",
    ),
}


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        route = ROUTES.get(self.path)
        try:
            if route is None:
                self.send_error(404)
            else:
                route(self)
        except OSError:  # the client gave up (too big, timed out): that is the point
            pass

    def log_message(self, format: str, *args: object) -> None:
        """Silent: the tests count the lines the CLI writes to stderr."""


@pytest.fixture(scope="module")
def base() -> Iterator[str]:
    """The address of a server on 127.0.0.1 serving ROUTES; shut down after the module."""
    _release.clear()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        _release.set()
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture(autouse=True)
def _bounded_and_local(monkeypatch: pytest.MonkeyPatch) -> None:
    """Short timeouts, and no proxy between the client and 127.0.0.1."""
    monkeypatch.setattr(ingest, "FETCH_TIMEOUT_S", TEST_TIMEOUT_S)
    monkeypatch.delenv(ingest.FETCH_TIMEOUT_ENV, raising=False)
    for name in ("http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.upper(), raising=False)
    monkeypatch.setenv("no_proxy", "*")


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def assert_one_line_error(code: int, err: str, *fragments: str) -> None:
    assert code == 2, err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("summarize: error: ")
    for fragment in fragments:
        assert fragment in lines[0], lines[0]


# -- URLs that work -----------------------------------------------------------------------------


def test_two_pages_give_a_cited_briefing_end_to_end(
    base: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    urls = [f"{base}/bugle.html", f"{base}/sentinel.html"]
    code, out, err = run([*urls, "-f", "json", "-q"], capsys)
    assert code == 0, err
    data = json.loads(out)
    assert [s["label"] for s in data["sources"]] == ["The Daily Bugle", "Sentinel News"]
    assert [s["url"] for s in data["sources"]] == urls
    assert [s["date"] for s in data["sources"]] == ["2024-05-06", "2024-05-06"]
    assert data["points"] and any(len(p["citations"]) == 2 for p in data["points"])
    assert "cookie" not in out.lower() and "Share on" not in out

    target = tmp_path / "brief.md"
    code, _, err = run([*urls, "-o", target, "-q"], capsys)
    assert code == 0, err
    assert "The Daily Bugle" in target.read_text(encoding="utf-8")


def test_the_python_api_reads_urls(base: str) -> None:
    briefing = summarize([f"{base}/bugle.html", f"{base}/story.txt"], words=80)
    assert [a.label for a in briefing.sources] == ["The Daily Bugle", "127.0.0.1"]
    assert briefing.points


def test_a_text_url_is_read_as_text_and_labelled_by_its_domain(base: str) -> None:
    (article,) = load([f"{base}/story.txt"]).articles
    assert article.text == STORY
    assert article.label == "127.0.0.1"
    assert article.url == article.path == f"{base}/story.txt"


def test_a_json_url_is_read_as_article_records(base: str) -> None:
    articles = load([f"{base}/story.json"]).articles
    assert [a.label for a in articles] == ["Wire", "127.0.0.1#2"]
    assert articles[0].date == dt.date(2024, 5, 6)


def test_a_redirect_is_followed_and_the_final_url_kept(base: str) -> None:
    (article,) = load([f"{base}/old"]).articles
    assert article.url == f"{base}/bugle.html"
    assert article.path == f"{base}/old"
    assert article.label == "The Daily Bugle"


def test_the_declared_charset_decodes_the_page(base: str) -> None:
    (article,) = load([f"{base}/latin.txt"]).articles
    assert article.text.endswith("The café reopened.")


def test_an_untyped_or_gzipped_answer_is_still_read(base: str) -> None:
    assert load([f"{base}/untyped"]).articles[0].text == STORY
    assert load([f"{base}/gzip.txt"]).articles[0].text == STORY


def test_spaces_and_accents_in_an_address_are_encoded_as_a_browser_would(base: str) -> None:
    (article,) = load([f"{base}/café story.txt"]).articles
    assert article.text == STORY


# -- URLs that fail: one line, exit 2 -------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "args", "fragments"),
    [
        ("/missing", [], ["HTTP 404", "check the address"]),
        ("/broken", [], ["HTTP 500", "try again later"]),
        ("/report.pdf", [], ["a PDF document (application/pdf)", "not an article page"]),
        ("/photo.png", [], ["an image (image/png)"]),
        ("/pdf-as-html", [], ["is a PDF document, not text"]),
        ("/big-declared", ["--max-mb", "0.01"], ["5.0 MB, over the 0.01 MB limit"]),
        ("/big-stream", ["--max-mb", "0.01"], ["over the 0.01 MB limit", "--max-mb"]),
        ("/empty", [], ["is an empty page"]),
        ("/js-only", [], ["no article text found", "JavaScript"]),
        ("/loop", [], ["redirects too many times"]),
        ("/to-ftp", [], ["redirects to ftp://", "not an http(s) address"]),
    ],
)
def test_a_bad_url_is_one_line(
    base: str, capsys: pytest.CaptureFixture[str], path: str, args: list[str], fragments: list[str]
) -> None:
    code, out, err = run([f"{base}{path}", *args], capsys)
    assert_one_line_error(code, err, f"{base}{path}", *fragments)
    assert out == ""


@pytest.mark.parametrize("path", ["/slow", "/trickle"])
def test_a_slow_server_times_out(
    base: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, path: str
) -> None:
    monkeypatch.setattr(ingest, "FETCH_TIMEOUT_S", SHORT_TIMEOUT_S)
    start = time.monotonic()
    code, _, err = run([f"{base}{path}"], capsys)
    assert time.monotonic() - start < 4 * SHORT_TIMEOUT_S
    assert_one_line_error(code, err, "no full answer within 0.5 s", ingest.FETCH_TIMEOUT_ENV)


def test_the_timeout_can_be_set_in_the_environment(
    base: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ingest.FETCH_TIMEOUT_ENV, "0.3")
    code, _, err = run([f"{base}/slow"], capsys)
    assert_one_line_error(code, err, "no full answer within 0.3 s")
    monkeypatch.setenv(ingest.FETCH_TIMEOUT_ENV, "soon")
    code, _, err = run([f"{base}/story.txt"], capsys)
    assert_one_line_error(code, err, "SUMMARIZE_FETCH_TIMEOUT='soon'")


def test_a_closed_port_is_connection_refused(capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    code, _, err = run([f"http://127.0.0.1:{port}/story.html"], capsys)
    assert_one_line_error(code, err, "connection refused by 127.0.0.1:")


def test_an_unknown_host_says_so(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_such_host(*args: object, **kwargs: object) -> list[object]:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_such_host)
    code, _, err = run(["https://news.invalid/story"], capsys)
    assert_one_line_error(code, err, "host news.invalid not found", "network connection")


@pytest.mark.parametrize(
    ("source", "fragment"),
    [
        ("ftp://127.0.0.1/story.txt", "only http:// and https:// addresses are fetched"),
        ("file:///etc/hostname", "give the path itself"),
        ("http://[::1/story", "not a valid web address"),
        ("http://exa mple.com/story", "a space in the host name"),
        ("http://127.0.0.1:99999/story", "not a valid web address"),
        ("https:///story", "no host name"),
    ],
)
def test_only_http_addresses_are_fetched(
    capsys: pytest.CaptureFixture[str], source: str, fragment: str
) -> None:
    code, _, err = run([source], capsys)
    assert_one_line_error(code, err, fragment)


def test_a_bad_url_is_an_input_error_for_the_api(base: str) -> None:
    with pytest.raises(InputError, match="HTTP 404") as caught:
        load([f"{base}/missing"])
    assert caught.value.fix
