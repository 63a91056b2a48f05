"""Rebuild `summarize/data/boilerplate.txt`: page furniture learned from the Multi-News dev set.

A line or sentence that recurs word for word (after `summarize.clean.furniture_key`: lower case,
digits and whitespace collapsed) in several *unrelated* clusters is page furniture — a player
error, a newsletter prompt, a Twitter embed, an archive notice — not news: two different stories
do not share a sentence. Counting clusters, not documents, keeps a story quoted by five outlets
of one cluster out of the list.

Kept: lines found in at least `--min-clusters` clusters (`--min-clusters-long` for lines of
`LONG_WORDS` words or more), of 1 to `--max-words` words, with a letter in them, and not in
`REVIEWED_OUT` (lines looked at by eye and judged prose, or too
generic to call furniture). Run it, read the list, extend `REVIEWED_OUT` where needed, and only
then `--write`:

    python -m benchmarks.boilerplate            # print the list with cluster counts
    python -m benchmarks.boilerplate --write    # write summarize/data/boilerplate.txt

Multi-News is research-only: it is read in place, and only these short generic lines (no
article text) are written into the repository.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path

from summarize.clean import furniture_key, sentence_pieces

from .data import MULTINEWS, ROOT

TARGET = ROOT / "summarize" / "data" / "boilerplate.txt"
MIN_CLUSTERS = 3
MAX_WORDS = 25
"""Long enough for the Twitter-embed and web-archive notices (15-23 words), which are the most
frequent furniture of all; a story sentence never recurs in three unrelated clusters anyway."""
MIN_CLUSTERS_LONG = 2
LONG_WORDS = 5
"""A line of five words or more found in two unrelated clusters is furniture too: YouTube's
"Rating is available when the video has been rented", a magazine's app prompt. Two stories do
not share a sentence that long, except two clusters on one story (see `REVIEWED_OUT`); short
lines ("wow", "update") recur by chance, so they still need three."""

REVIEWED_OUT = {
    "he was 0": "prose (an age), common to obituaries",
    "yes": "prose: a one-word answer in quoted dialogue",
    "no": "prose: a one-word answer in quoted dialogue",
    "why": "prose: a rhetorical question",
    "the web": "a fragment of an archive notice, and prose on its own",
    "abstract": "a section heading of papers, not furniture (the heading rule drops it)",
    "she said": "prose",
    "he said": "prose",
    "rip": "prose: a condolence, quoted from posts",
    "associated press": "an agency credit: read for the outlet label, and as a two-word run it"
    " would be cut from the front of 'Associated Press Television News reported ...'",
    "ap": "an agency tag: read for the outlet label, stripped by the agency-tag rule",
    "satellite 'pings' indicate plane was still flying seven hours after satellite contact was"
    " lost": "a headline shared by two clusters on the same story (MH370), not furniture",
    "here's what you need to know": "prose: an explainer's lead-in",
    "do you have what it takes": "prose: a question a story may quote",
}
"""Lines that pass the counts but are not furniture, with the reason (by eye, on the dev set)."""

REVIEWED_IN = {
    "the interactive transcript could not be loaded": "video-player text, found with two lines "
    "of the same player already on the list; once headlined a briefing (new-user audit)",
    "npr transcripts are created on a rush deadline by verb0tm, inc., an npr contractor, and "
    "produced using a proprietary transcription process developed with npr": "NPR's transcript "
    "footer, in one dev cluster, chosen as a key point (third new-user audit)",
    "this text may not be in its final form and may be updated or revised in the future": "the "
    "same footer",
    "what to know": "NBC stations' label over a story's summary, left at the front of its first "
    "sentence and chosen as a key point (fifth new-user audit)",
}
"""Lines below the counts that are furniture all the same, with the reason."""

_LETTER = re.compile(r"[^\W\d_]")


def lines_of(document: str) -> set[str]:
    """Keys of a document's lines, and of the sentences of its lines that hold several."""
    keys: set[str] = set()
    for line in document.splitlines():
        line = " ".join(line.split())
        if not line:
            continue
        keys.add(furniture_key(line))
        pieces = sentence_pieces(line)
        if len(pieces) > 1:
            keys.update(furniture_key(p) for p in pieces)
    keys.discard("")
    return keys


def cluster_counts(clusters: Iterable[Sequence[str]]) -> dict[str, int]:
    """For each line key, the number of clusters with a document that holds it."""
    counts: dict[str, int] = defaultdict(int)
    for documents in clusters:
        seen: set[str] = set()
        for document in documents:
            seen |= lines_of(document)
        for key in seen:
            counts[key] += 1
    return counts


def furniture(
    counts: dict[str, int],
    *,
    min_clusters: int = MIN_CLUSTERS,
    max_words: int = MAX_WORDS,
    min_clusters_long: int = MIN_CLUSTERS_LONG,
) -> list[tuple[str, int]]:
    """The kept lines and their cluster counts, most frequent first."""
    kept = [
        (key, n)
        for key, n in counts.items()
        if (n >= min_clusters or (n >= min_clusters_long and len(key.split()) >= LONG_WORDS))
        and 1 <= len(key.split()) <= max_words
        and _LETTER.search(key)
        and key not in REVIEWED_OUT
    ]
    kept += [(key, counts.get(key, 0)) for key in REVIEWED_IN if key not in dict(kept)]
    return sorted(kept, key=lambda item: (-item[1], item[0]))


def read_clusters(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line)["documents"] for line in handle if line.strip()]


def render(
    lines: list[tuple[str, int]],
    *,
    clusters: int,
    min_clusters: int,
    max_words: int,
    min_clusters_long: int = MIN_CLUSTERS_LONG,
) -> str:
    header = [
        "# Page furniture: lines that recur word for word in unrelated news clusters.",
        "# Built by `python -m benchmarks.boilerplate --write` from the Multi-News dev set",
        f"# ({clusters} clusters, read in place): every line or sentence found in at least",
        f"# {min_clusters} different clusters ({min_clusters_long} for lines of {LONG_WORDS} words"
        f" or more), of at most {max_words} words, reviewed by eye",
        "# (benchmarks/boilerplate.py REVIEWED_OUT lists what was left out, REVIEWED_IN what",
        "# was let in below the counts, and why).",
        "# One `summarize.clean.furniture_key` per line: lower case, straight quotes, digits as 0,",
        "# whitespace collapsed, end punctuation dropped. summarize/clean.py drops a paragraph or",
        "# sentence equal to a line, or made of a run of lines, and cuts a run of two words or",
        "# more from the front of a sentence.",
    ]
    return "\n".join([*header, *(key for key, _ in lines)]) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.boilerplate", description=__doc__)
    parser.add_argument("--data", type=Path, default=MULTINEWS, help="JSONL of clusters")
    parser.add_argument("--min-clusters", type=int, default=MIN_CLUSTERS)
    parser.add_argument("--max-words", type=int, default=MAX_WORDS)
    parser.add_argument(
        "--min-clusters-long",
        type=int,
        default=MIN_CLUSTERS_LONG,
        help=f"clusters needed by a line of {LONG_WORDS} words or more",
    )
    parser.add_argument("--write", action="store_true", help=f"write {TARGET.relative_to(ROOT)}")
    args = parser.parse_args(argv)
    if not args.data.exists():
        print(f"no data at {args.data}", file=sys.stderr)
        return 2
    clusters = read_clusters(args.data)
    lines = furniture(
        cluster_counts(clusters),
        min_clusters=args.min_clusters,
        max_words=args.max_words,
        min_clusters_long=args.min_clusters_long,
    )
    if args.write:
        TARGET.write_text(
            render(
                lines,
                clusters=len(clusters),
                min_clusters=args.min_clusters,
                max_words=args.max_words,
                min_clusters_long=args.min_clusters_long,
            ),
            encoding="utf-8",
        )
        print(f"wrote {len(lines)} lines to {TARGET}")
    else:
        for key, n in lines:
            print(f"{n:3d}  {key}")
        print(f"{len(lines)} lines", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
