"""Fuzz: whatever bytes, encodings, sizes or JSON shapes arrive, ingest either reads articles or
raises `SummarizeError` (one line for the CLI), never anything else."""

from __future__ import annotations

import contextlib
import io
import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from summarize import summarize
from summarize.errors import SummarizeError
from summarize.ingest import load

SUFFIXES = [".txt", ".md", ".html", ".json", ".jsonl", ".xml"]
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-32", "cp1252", "latin-1"]
PROSE = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)), min_size=0, max_size=400
) | st.sampled_from(
    [
        "Floods hit Mosul on Monday, officials said. Rescue teams reached 300 families.",
        "<html><body><p>Floods hit Mosul on Monday.</p><p>Teams reached 300 families.</p>",
        '{"text": "Floods hit Mosul on Monday. Teams reached 300 families."}',
    ]
)
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=60),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.sampled_from(["text", "title", "date", "source", "url", "articles", "x"]),
            children,
            max_size=5,
        )
    ),
    max_leaves=20,
)


def _read(data: bytes, suffix: str, max_mb: float = 1.0) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"a{suffix}"
        path.write_bytes(data)
        try:
            ingested = load([path], max_mb=max_mb)
        except SummarizeError as exc:
            assert str(exc).strip() and "\n" not in exc.message
            return
        assert ingested.articles
        with contextlib.suppress(SummarizeError):
            summarize(ingested, words=60)


FUZZ = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@FUZZ
@given(data=st.binary(max_size=3000), suffix=st.sampled_from(SUFFIXES))
def test_random_bytes(data: bytes, suffix: str) -> None:
    _read(data, suffix)


@FUZZ
@given(text=PROSE, encoding=st.sampled_from(ENCODINGS), suffix=st.sampled_from(SUFFIXES))
def test_text_in_any_encoding(text: str, encoding: str, suffix: str) -> None:
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        data = text.encode("utf-8")
    _read(data, suffix)


@FUZZ
@given(value=JSON_VALUES, lines=st.booleans())
def test_json_shapes(value: object, lines: bool) -> None:
    if lines and isinstance(value, list):
        data = "\n".join(json.dumps(v) for v in value).encode()
    else:
        data = json.dumps(value).encode()
    _read(data, ".jsonl" if lines else ".json")


@FUZZ
@given(size=st.integers(min_value=0, max_value=40_000), limit_kb=st.integers(1, 64))
def test_sizes_and_the_cap(size: int, limit_kb: int) -> None:
    data = (b"Floods hit Mosul on Monday, officials said. " * (size // 44 + 1))[:size]
    _read(data, ".txt", max_mb=limit_kb / 1024)


@FUZZ
@given(data=st.binary(max_size=2000))
def test_standard_input(data: bytes) -> None:
    with contextlib.suppress(SummarizeError):
        load(["-"], stdin=io.BytesIO(data))
