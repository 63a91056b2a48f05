"""Newswire as the DUC and TAC story sets ship it: SGML records, hard-wrapped text, `` '' quotes.

Each story here is written for these tests; the seeds are re-wrapped the way a wire does it.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from summarize.clean import clean
from summarize.ingest import load

DUC_AP = """<DOC>
<DOCNO> APW19981016.0240 </DOCNO>
<DOCTYPE> NEWS </DOCTYPE>
<TXTTYPE> NEWSWIRE </TXTTYPE>
<TEXT>
The harbour authority on Friday rejected the ferry operators' demands
for talks outside the port, accusing them of trying to ``politicise''
the dispute. Both sides have asked the regional governor to host a
meeting after a series of negotiations failed. ``All meetings must
be held in the port itself,'' the authority's chairman, Lena Ortiz,
told reporters after a board meeting on Friday. The operators said
they would keep their ships in dock until Monday.
</TEXT>
</DOC>
"""

DUC_NYT = """<DOC>
<DOCNO> NYT19981018.0123 </DOCNO>
<DOCTYPE> NEWS </DOCTYPE>
<TXTTYPE> NEWSWIRE </TXTTYPE>
<TEXT>
   The ferry operators' spokesman, Tomas Berg, said Sunday that the
ships would stay in dock until the authority agreed to talks in the
capital.
   ``We cannot negotiate in a room they own,'' Berg said. About 4,000
passengers a day use the ferries in summer.
</TEXT>
</DOC>
"""

TAC_AFP = """<DOC id="AFP_ENG_20050103.0042" type="story" >
<HEADLINE>
FERRY STRIKE ENTERS ITS FOURTH DAY
</HEADLINE>
<DATELINE>
PORTO, Jan 3
</DATELINE>
<TEXT>
<P>
The ferry strike entered its fourth day on Monday with no talks
scheduled, stranding thousands of passengers.
</P>
<P>
Operators &AMP; unions blamed the harbour authority.
</P>
</TEXT>
</DOC>
"""


def _duc_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "d30001t"
    folder.mkdir()
    (folder / "APW19981016.0240").write_text(DUC_AP, encoding="utf-8")
    (folder / "NYT19981018.0123").write_text(DUC_NYT, encoding="utf-8")
    return folder


def test_a_duc_folder_is_read_record_by_record(tmp_path: Path) -> None:
    # Before: "holds no article files" (no suffix); named one by one, every wrapped line was a
    # paragraph and the lines without a full stop were dropped as headings.
    articles = load([_duc_folder(tmp_path)]).articles
    assert [(a.label, a.source, a.date) for a in articles] == [
        ("AP", "AP", dt.date(1998, 10, 16)),
        ("The New York Times", "The New York Times", dt.date(1998, 10, 18)),
    ]
    ap, nyt = articles
    assert "accusing them of trying to “politicise” the dispute." in ap.text
    assert "“All meetings must be held in the port itself,” the authority's chairman" in ap.text
    assert ap.text.endswith("they would keep their ships in dock until Monday.")
    assert ap.title is None  # no HEADLINE: no tag or first line stands in for one
    # the wire's indented lines open paragraphs
    assert nyt.text.split("\n\n") == [
        "The ferry operators' spokesman, Tomas Berg, said Sunday that the ships would stay in "
        "dock until the authority agreed to talks in the capital.",
        "“We cannot negotiate in a room they own,” Berg said. About 4,000 passengers a day use "
        "the ferries in summer.",
    ]


def test_a_tac_record_gives_its_headline_paragraphs_agency_and_day(tmp_path: Path) -> None:
    path = tmp_path / "AFP_ENG_20050103.0042.sgml"
    path.write_text(TAC_AFP, encoding="utf-8")
    (article,) = load([path]).articles
    assert article.title == "Ferry Strike Enters Its Fourth Day"  # not in the wire's capitals
    assert (article.source, article.date) == ("AFP", dt.date(2005, 1, 3))
    assert article.text.split("\n\n") == [
        "The ferry strike entered its fourth day on Monday with no talks scheduled, stranding "
        "thousands of passengers.",
        "Operators & unions blamed the harbour authority.",
    ]


def test_a_collection_file_of_many_records_is_many_articles(tmp_path: Path) -> None:
    path = tmp_path / "collection.txt"
    path.write_text(DUC_AP + DUC_NYT + TAC_AFP, encoding="utf-8")
    labels = [a.label for a in load([path]).articles]
    assert labels == ["AP", "The New York Times", "AFP"]


def test_the_cli_briefs_a_duc_folder(tmp_path: Path) -> None:
    folder = _duc_folder(tmp_path)
    done = subprocess.run(
        [sys.executable, "-m", "summarize", str(folder), "-w", "60", "-f", "json", "-q"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    briefing = json.loads(done.stdout)
    assert [s["label"] for s in briefing["sources"]] == ["AP", "The New York Times"]
    for point in briefing["points"]:
        assert point["text"][-1] in ".”", point["text"]  # whole sentences, no wrapped line


def _paragraphs(seed: Path) -> list[str]:
    return clean(seed.read_text(encoding="utf-8")).text.split("\n\n")


@pytest.mark.parametrize("width", [60, 72, 79])
def test_hard_wrapped_seeds_clean_to_the_same_text(seed_files: list[Path], width: int) -> None:
    """A seed wrapped as the New York Times wire does (indented paragraphs) cleans to the same
    paragraphs; wrapped as DUC 2004 does (no paragraphs), to the same sentences."""
    for seed in seed_files:
        paragraphs = _paragraphs(seed)
        wire = "\n".join(
            "\n".join(textwrap.wrap(p, width, initial_indent="   ")) for p in paragraphs
        )
        assert clean(wire).text.split("\n\n") == paragraphs, seed.name
        duc = "\n".join(textwrap.wrap(" ".join(paragraphs), width))
        assert clean(duc).text == " ".join(paragraphs), seed.name


def test_one_paragraph_a_line_is_not_joined() -> None:
    # web copy with single newlines: short lines that end sentences stay paragraphs
    text = (
        "Police closed the bridge on Monday.\n"
        "Traffic was diverted through the town centre for six hours.\n"
        "The bridge reopened in the evening.\n"
        "No one was hurt."
    )
    assert clean(text).text.split("\n\n") == text.split("\n")


def test_wire_datelines_service_lines_and_stray_headers(tmp_path: Path) -> None:
    """The newswire audit: "MAKASSAR, Indonesia (AP) _ A crowded ferry ..." kept its dateline
    (the wire's underscore dash after a bracket), "c.1998 N.Y. Times News Service=" was a key
    point, a header line before <DOC> made the file plain text with its tags, "AFE" (Gigaword's
    AFP English) was no agency, and TAC's DATELINE field was ignored."""
    (tmp_path / "APW19981017.0001").write_text(
        "<DOC>\n<DOCNO> APW19981017.0001 </DOCNO>\n<TEXT>\n"
        "   MAKASSAR, Indonesia (AP) _ A crowded passenger ferry capsized off Sulawesi\n"
        "island early Friday, killing at least 31 people, police said.\n"
        "</TEXT>\n</DOC>\n",
        encoding="utf-8",
    )
    (tmp_path / "NYT19981017.0002").write_text(
        "%% archive copy, do not edit\n<DOC>\n<DOCNO> NYT19981017.0002 </DOCNO>\n<TEXT>\n"
        "   Rescuers pulled more bodies from the sea on Saturday as the toll from the\n"
        "ferry disaster rose, officials said.\n"
        "   c.1998 N.Y. Times News Service=\n"
        "</TEXT>\n</DOC>\n",
        encoding="utf-8",
    )
    (tmp_path / "AFE19981018.0003").write_text(
        '<DOC id="AFE19981018.0003" type="story">\n<DATELINE>\nJAKARTA, Oct 18\n</DATELINE>\n'
        "<TEXT>\n<P>\nThe ferry's owner was detained by police on Sunday, officials said.\n</P>\n"
        "</TEXT>\n</DOC>\n",
        encoding="latin-1",
    )
    afp, ap, nyt = load([tmp_path]).articles  # in name order
    assert (ap.dateline, ap.text[:30]) == (
        "MAKASSAR, Indonesia (AP)",
        "A crowded passenger ferry caps",
    )
    assert "News Service" not in nyt.text and "<" not in nyt.text
    assert nyt.source == "The New York Times"
    assert (afp.source, afp.dateline) == ("AFP", "JAKARTA, Oct 18")


def test_many_records_of_one_agency_are_numbered(tmp_path: Path) -> None:
    record = (
        "<DOC>\n<DOCNO> APW19990101.{n:04d} </DOCNO>\n<TEXT>\nItem {n} of the day.\n"
        "</TEXT>\n</DOC>\n"
    )
    path = tmp_path / "APW19990101"
    path.write_text("".join(record.format(n=n) for n in range(1, 301)), encoding="utf-8")
    labels = [a.label for a in load([path]).articles]
    assert labels[:3] == ["AP", "AP (2)", "AP (3)"] and labels[-1] == "AP (300)"
    assert len(set(labels)) == 300


def test_the_new_york_times_wire_dateline_with_its_article() -> None:
    """The newswire audit: "ROTTERDAM, the Netherlands _ The cranes ..." kept its dateline,
    and the headline was cut from it ("ROTTERDAM the vast man-made peninsula ...")."""
    cleaned = clean(
        "   ROTTERDAM, the Netherlands _ The cranes stood still on Monday as about 6,000 dock\n"
        "workers began a two-day strike against automation.\n"
        "   The union says 800 jobs would disappear by 2008.\n"
    )
    assert cleaned.dateline == "ROTTERDAM, the Netherlands"
    assert cleaned.text.startswith("The cranes stood still on Monday")


@pytest.mark.parametrize(
    ("docno", "date"),
    [
        ("AP880212-0001", dt.date(1988, 2, 12)),
        ("WSJ870324-0001", dt.date(1987, 3, 24)),
        ("LA010189-0001", dt.date(1989, 1, 1)),
        ("APW19981016.0240", dt.date(1998, 10, 16)),
        ("FBIS3-1", None),
    ],
)
def test_the_day_of_a_document_number(docno: str, date: dt.date | None) -> None:
    """The newswire audit: TREC's older numbers (DUC 2001 and 2002 use them) gave no date."""
    record = (
        f"<DOC>\n<DOCNO> {docno} </DOCNO>\n<TEXT>\nThe story was filed that day.\n</TEXT>\n</DOC>\n"
    )
    assert clean(record).date == date


def test_a_trec_ap_record_gives_its_head_dateline_and_day(tmp_path: Path) -> None:
    """DUC 2001 and 2002 ship TREC's AP, WSJ and LA Times records: the title is in HEAD (AP)
    or HL (WSJ, byline after "----"), and FILEID, FIRST, SECOND and BYLINE are no text."""
    path = tmp_path / "AP880212-0001"
    path.write_text(
        "<DOC>\n<DOCNO> AP880212-0001 </DOCNO>\n<FILEID>AP-NR-02-12-88 2344EST</FILEID>\n"
        "<FIRST>r a PM-Refugees 02-12 0379</FIRST>\n<HEAD>Boat People Reach Thailand</HEAD>\n"
        "<BYLINE>By JOHN DOE</BYLINE>\n<DATELINE>BANGKOK, Thailand (AP) </DATELINE>\n<TEXT>\n"
        "   More than 150 Vietnamese boat people arrived in southern Thailand on\n"
        "Friday after a rough five-day crossing, officials said.\n</TEXT>\n</DOC>\n",
        encoding="utf-8",
    )
    (article,) = load([path]).articles
    assert (article.title, article.date, article.source) == (
        "Boat People Reach Thailand",
        dt.date(1988, 2, 12),
        "AP",
    )
    assert article.dateline == "BANGKOK, Thailand (AP)"
    assert article.text.startswith("More than 150 Vietnamese boat people arrived")
    wsj = "<DOC>\n<DOCNO> WSJ870324-0001 </DOCNO>\n<HL> Markets Rally ---- By Jane Roe </HL>\n"
    assert clean(wsj + "<TEXT>\nStocks rose sharply on Monday.\n</TEXT>\n</DOC>").title == (
        "Markets Rally"
    )


def test_a_record_cut_short_is_read_with_a_notice(tmp_path: Path) -> None:
    """The newswire audit: a file cut off inside its last record was read without a word."""
    path = tmp_path / "APW19990101.0009"
    path.write_text(DUC_AP.split("</TEXT>")[0], encoding="utf-8")
    ingested = load([path])
    assert len(ingested.articles) == 1
    assert any("no </DOC>" in notice for notice in ingested.notices)
    assert not any("no </DOC>" in n for n in load([_duc_folder(tmp_path)]).notices)


def test_a_wrapped_line_that_opens_with_an_editors_word_is_prose() -> None:
    """Service lines go only in their own form ("(ATTN: ...)", "c.1999 ... News Service"); a
    wrapped line of prose that happens to open with "optional" stays."""
    record = (
        "<DOC>\n<DOCNO> APW19990101.0001 </DOCNO>\n<TEXT>\n   The ministry said attendance was\n"
        "optional for most officials on Monday.\n   (ATTN: editors, a photo follows)\n"
        "   c.1999 N.Y. Times News Service\n</TEXT>\n</DOC>\n"
    )
    assert clean(record).text == (
        "The ministry said attendance was optional for most officials on Monday."
    )
