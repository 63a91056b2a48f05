from __future__ import annotations

import subprocess
import sys

from summarize.sentences import MAX_SENTENCE_WORDS, split_sentences, stop_words, terms


def test_punkt_keeps_abbreviations_and_titles_inside_sentences():
    text = (
        "The U.S. Defense Department said Gen. Soleimani was killed. "
        "“Gen. Soleimani was actively developing plans,” Esper said. Dr. Smith agreed."
    )
    assert split_sentences(text) == [
        "The U.S. Defense Department said Gen. Soleimani was killed.",
        "“Gen. Soleimani was actively developing plans,” Esper said.",
        "Dr. Smith agreed.",
    ]


def test_blank_lines_end_sentences_and_whitespace_is_collapsed():
    text = "A headline without a stop\n\nThe   story\nstarts here. It goes on."
    assert split_sentences(text) == [
        "A headline without a stop",
        "The story starts here.",
        "It goes on.",
    ]


def test_seed_article_splits_into_real_sentences(seed_files):
    sentences = split_sentences(seed_files[3].read_text(encoding="utf-8"))
    assert len(sentences) > 40
    assert not any(s.endswith(("Gen.", "U.S.")) and len(s.split()) < 3 for s in sentences)


def test_unpunctuated_wall_of_text_is_cut_into_bounded_pieces():
    wall = " ".join(["word"] * 250_000)  # about 1.2 MB, no punctuation
    pieces = split_sentences(wall)
    assert len(pieces) == -(-250_000 // MAX_SENTENCE_WORDS)
    assert max(len(p.split()) for p in pieces) == MAX_SENTENCE_WORDS


def test_terms_are_stemmed_lowercase_content_words():
    assert terms("The militias were attacking the embassies in Baghdad") == [
        "militia",
        "attack",
        "embassi",
        "baghdad",
    ]
    assert {"the", "were", "in"} <= stop_words()


def test_extractive_path_imports_neither_torch_nor_full_nltk(seeds):
    code = (
        "import sys; from summarize import summarize; summarize([sys.argv[1]]);"
        "heavy = [m for m in ('torch', 'transformers', 'sklearn', 'scipy.stats', 'nltk.corpus',"
        " 'nltk.collocations') if m in sys.modules]; print(heavy)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(seeds)], capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "[]"


def test_full_nltk_still_imports_after_the_lean_path():
    code = (
        "from summarize.sentences import split_sentences; split_sentences('A b c. D e f.');"
        "import nltk; from nltk.tokenize import sent_tokenize; print(nltk.__version__)"
    )
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)
