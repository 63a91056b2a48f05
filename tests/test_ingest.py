from __future__ import annotations

import datetime as dt
import io
import json

import pytest

from summarize.errors import InputError
from summarize.ingest import deduplicate, load

STORY = (
    "Floods hit the northern city of Mosul on Monday, officials said. "
    "Rescue teams reached 300 families by the evening. The rain is expected to ease."
)


def test_seed_folder_numbers_articles_in_name_order_and_skips_non_articles(seeds):
    result = load([seeds])
    assert [a.id for a in result.articles] == [1, 2, 3, 4, 5]
    assert [a.path for a in result.articles] == sorted(a.path for a in result.articles)
    assert any("README.md" in n for n in result.notices)
    assert result.articles[0].date == dt.date(2020, 1, 3)
    assert result.articles[2].dateline == "Washington, Jan 3 (AFP)"


def test_html_drops_scripts_styles_and_furniture(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Site | Floods</title><style>p{color:red}</style>"
        '<meta property="og:site_name" content="Daily Bugle">'
        '<meta property="article:published_time" content="2024-05-06T10:00:00Z"></head>'
        "<body><nav>Home News Sport</nav><h1>Floods hit Mosul</h1>"
        f"<script>var x = 'Floods in the script';</script><p>{STORY}</p>"
        "<footer>Copyright Daily Bugle</footer></body></html>",
        encoding="utf-8",
    )
    (article,) = load([page]).articles
    assert article.title == "Floods hit Mosul"
    assert article.source == "Daily Bugle"
    assert article.label == "Daily Bugle"
    assert article.date == dt.date(2024, 5, 6)
    assert article.text == STORY


def test_json_and_jsonl_records(tmp_path):
    data = tmp_path / "cluster.json"
    data.write_text(
        json.dumps(
            [
                {
                    "title": "Floods",
                    "text": STORY,
                    "date": "2024-05-06",
                    "source": "Bugle",
                    "url": "https://example.org/a",
                },
                {"text": STORY.replace("300", "310"), "source": "Sentinel"},
            ]
        ),
        encoding="utf-8",
    )
    lines = tmp_path / "more.jsonl"
    lines.write_text(
        json.dumps({"text": STORY.replace("Monday", "Sunday")}) + "\n", encoding="utf-8"
    )
    articles = load([data, lines]).articles
    assert [a.label for a in articles] == ["Bugle", "Sentinel", "more#1"]
    assert articles[0].url == "https://example.org/a"
    assert articles[0].date == dt.date(2024, 5, 6)


def test_json_record_without_text_is_a_clear_error(tmp_path):
    data = tmp_path / "bad.jsonl"
    data.write_text('{"title": "x"}\n', encoding="utf-8")
    with pytest.raises(InputError, match="no 'text' field"):
        load([data])


def test_stdin_is_read_with_dash():
    (article,) = load(["-"], stdin=io.BytesIO(STORY.encode())).articles
    assert article.label == "stdin"
    assert article.text == STORY


@pytest.mark.parametrize("encoding", ["latin-1", "utf-16", "utf-16-le", "cp1252"])
def test_non_utf8_encodings_are_decoded_with_a_notice(tmp_path, encoding):
    text = "Le président a visité Málaga lundi. Il a rencontré 300 familles déplacées."
    path = tmp_path / "fr.txt"
    path.write_bytes(text.encode(encoding))
    result = load([path])
    assert result.articles[0].text == text
    assert result.notices and "read as" in result.notices[0]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is empty"),
        (b"   \n\n  ", "is empty"),
        (b"\x00\x01\x02\x03binary\x00\xff\xfe\x00" * 50, "binary"),
        (b"%PDF-1.7 rest of a pdf", "PDF"),
    ],
)
def test_unusable_named_files_are_errors(tmp_path, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(InputError, match=message):
        load([path])


def test_unusable_files_in_a_folder_are_skipped_with_notices(tmp_path):
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    result = load([tmp_path])
    assert len(result.articles) == 1
    assert any("empty.txt" in n for n in result.notices)
    assert any("photo.jpg" in n for n in result.notices)
    # a sentence a reader can parse: "skipped: .../empty.txt is empty (...)"
    assert any(n.startswith("skipped: ") and "empty.txt is empty" in n for n in result.notices)


def test_folder_without_articles_and_missing_path(tmp_path):
    (tmp_path / "notes.csv").write_text("a,b\n", encoding="utf-8")
    with pytest.raises(InputError, match="holds no article files"):
        load([tmp_path])
    with pytest.raises(InputError, match="no such file"):
        load([tmp_path / "missing.txt"])


def test_huge_file_is_refused_with_the_flag_that_allows_it(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.write((STORY + "\n\n").encode() * (50 * 1024 * 1024 // (len(STORY) + 2) + 1))
    with pytest.raises(InputError) as info:
        load([path])
    assert "over the 10 MB limit" in info.value.message
    assert "--max-mb 51" in (info.value.fix or "")
    small = tmp_path / "small.txt"
    small.write_text(STORY * 3, encoding="utf-8")
    with pytest.raises(InputError) as info:
        load([small], max_mb=0.0001)
    assert " KB, over the 0.0001 MB limit" in info.value.message  # not "0.0 MB, over ..."


def test_identical_articles_are_merged_and_remember_each_other(tmp_path):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(STORY, encoding="utf-8")
    (tmp_path / "c.txt").write_text(STORY.replace("300", "310"), encoding="utf-8")
    articles = load([tmp_path]).articles
    unique = deduplicate(articles)
    assert [a.id for a in unique] == [1, 3]
    assert unique[0].duplicates == (2,)
    assert unique[0].cited_ids == (1, 2)


def test_reading_a_large_input_is_announced_and_a_small_one_is_not(tmp_path):
    """The new-user audit: a 10 MB file ran for half a minute with nothing on stderr. Reading
    one megabyte or more says so before the long cleaning starts; a folder of short articles,
    the usual case, stays quiet (the briefing is the answer)."""
    lines = [
        f"Rescue team {n} reached {n * 3} families in the district by evening."
        for n in range(1, 20_000)
    ]
    big = tmp_path / "big.txt"
    big.write_text("Floods\n\n" + "\n\n".join(lines), encoding="utf-8")
    heard: list[str] = []
    result = load([big], progress=heard.append)
    assert len(result.articles) == 1
    assert heard == [f"reading {big.stat().st_size / 1e6:,.1f} MB …"]
    small = tmp_path / "small"
    small.mkdir()
    (small / "a.txt").write_text(STORY, encoding="utf-8")
    quiet: list[str] = []
    load([small], progress=quiet.append)
    assert quiet == []


@pytest.mark.parametrize(
    "header",
    [
        "Source: The Daily Star\nAshulia blaze: owner arrested\nDate: 2024-03-14",
        "Title: Ashulia blaze: owner arrested\nOutlet: The Daily Star\nPublished: 2024-03-14",
        "Ashulia blaze: owner arrested\nPublisher: The Daily Star\nDate: 14 March 2024\n"
        "By: Tom Barnes\nURL: https://example.org/ashulia",
        # the README's `date` line inside a header, under the title or above the outlet
        # (new-user audit: the outlet became "ledger" and the header led the briefing)
        "Source: The Daily Star\nAshulia blaze: owner arrested\ndate 2024-03-14",
        "Ashulia blaze: owner arrested\ndate 2024-03-14\nSource: The Daily Star",
    ],
)
def test_a_text_files_header_names_its_outlet_title_and_date(tmp_path, header):
    """The new-user audit: a .txt opening "Source: The Daily Star" / its title / "Date: ..."
    was labelled with its file name, undated, and its header glued into the first sentence."""
    path = tmp_path / "dailystar.txt"
    path.write_text(f"{header}\n\n{STORY}\n", encoding="utf-8")
    (article,) = load([path]).articles
    assert (article.label, article.source) == ("The Daily Star", "The Daily Star")
    assert article.title == "Ashulia blaze: owner arrested"
    assert article.date == dt.date(2024, 3, 14)
    assert article.text.startswith("Floods hit the northern city of Mosul")


@pytest.mark.parametrize(
    ("opening", "title"),
    [
        ("WASHINGTON: The president spoke on Monday about the floods and the rescue.", None),
        ("Floods: a long season", "Floods: a long season"),  # a title, and no field
        ("Note: this story was updated on Tuesday with new figures from the rescue teams, "
         "who reached more families than first reported.", None),
    ],
)  # fmt: skip
def test_a_story_that_opens_with_a_colon_keeps_its_text(tmp_path, opening, title):
    path = tmp_path / "story.txt"
    path.write_text(f"{opening}\n\n{STORY}\n", encoding="utf-8")
    (article,) = load([path]).articles
    assert (article.label, article.source, article.title) == ("story", None, title)
    assert article.text.startswith(STORY if title else opening)


def test_no_article_left_says_which_file_and_why(tmp_path):
    """Third new-user audit: a JSON file whose one record had a three-word "body" gave "no
    article text found", naming neither the file nor the reason."""
    path = tmp_path / "wrong.json"
    path.write_text('[{"title": "x", "body": "no text key"}]', encoding="utf-8")
    with pytest.raises(InputError, match=r"no article text found: skipped wrong#1 \(no article"):
        load([str(path)])


def test_a_date_that_is_no_calendar_date_is_dropped_with_a_notice(tmp_path):
    """Sixth new-user audit: "Date: 2025-13-45" was dropped silently (the date column "–")."""
    (tmp_path / "a.txt").write_text(
        "Title: Bridge to close\nSource: Test Wire\nDate: 2025-13-45\n\n"
        "The harbour bridge will close for six weeks from Monday, the council said.\n",
        encoding="utf-8",
    )
    (tmp_path / "b.json").write_text(
        json.dumps({"title": "Bridge", "date": "2025-06-13", "text": "The bridge will close."}),
        encoding="utf-8",
    )
    result = load([tmp_path])
    assert [a.date for a in result.articles] == [None, dt.date(2025, 6, 13)]
    assert [n for n in result.notices if "date" in n] == [
        f"{tmp_path / 'a.txt'}: ignored date '2025-13-45' (not a calendar date; write YYYY-MM-DD)"
    ]
