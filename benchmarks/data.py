"""Evaluation clusters: the seed cluster, any JSONL of clusters, Multi-News dev, HF multi_news.

Raw documents go through the product's own cleaning (`summarize.clean.clean`), exactly as real
inputs do, so the benchmark measures what a user gets. Multi-News is research-only: it is read in
place and nothing from it (no text) is ever written into the repository.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from summarize.clean import clean
from summarize.errors import SummarizeError
from summarize.schema import Article

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
MULTINEWS = ROOT.parent / "shared" / "data" / "multinews-dev.jsonl"
SEED_WORDS = 150
"""The briefing default; the seed references are 146-149 words."""
MULTINEWS_WORDS = 250
"""The issue's budget for the Multi-News dev set (references average ~230 words)."""


@dataclass(frozen=True)
class Cluster:
    id: str
    articles: tuple[Article, ...]
    references: tuple[str, ...]

    @property
    def source_text(self) -> str:
        return "\n\n".join(a.text for a in self.articles)


@dataclass(frozen=True)
class Dataset:
    name: str
    """Short name used in result file names: rouge-<name>.md."""
    description: str
    clusters: tuple[Cluster, ...]
    words: int
    """Default word budget for this dataset."""
    licence: str = ""


def articles_from_raw(documents: Iterable[str]) -> tuple[Article, ...]:
    """Clean raw documents into numbered articles; documents left empty are dropped."""
    articles: list[Article] = []
    for raw in documents:
        cleaned = clean(raw)
        if not cleaned.text.strip():
            continue
        n = len(articles) + 1
        articles.append(
            Article(
                id=n,
                label=f"doc{n}",
                text=cleaned.text,
                title=cleaned.title,
                date=cleaned.date,
                dateline=cleaned.dateline,
            )
        )
    return tuple(articles)


def load_seeds(root: Path = SEEDS) -> Dataset:
    """The five seed articles (ingested like `summarize seeds/`) and their three references."""
    from summarize.ingest import load

    articles = load([str(root)]).articles
    references = tuple(
        p.read_text(encoding="utf-8").strip() for p in sorted((root / "references").glob("*.txt"))
    )
    if not references:
        raise SummarizeError(f"no references in {root / 'references'}", "add reference_*.txt")
    return Dataset(
        "seeds",
        f"{root.name}/ (1 cluster, {len(articles)} articles, {len(references)} references)",
        (Cluster("seeds", articles, references),),
        SEED_WORDS,
    )


def _records(path: Path) -> Iterator[dict]:
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if line.strip():
                try:
                    yield json.loads(line)
                except json.JSONDecodeError as exc:
                    raise SummarizeError(
                        f"{path}:{number}: not JSON ({exc.msg})",
                        "one {id, documents, references} object per line",
                    ) from exc


def clusters_from_records(records: Iterable[dict], limit: int | None = None) -> tuple[Cluster, ...]:
    """Clusters sorted by id (reproducible subsets); those with no text or reference dropped."""
    clusters = []
    for record in records:
        articles = articles_from_raw(record.get("documents") or [])
        references = tuple(r.strip() for r in record.get("references") or [] if r.strip())
        if articles and references:
            clusters.append(Cluster(str(record["id"]), articles, references))
    clusters.sort(key=lambda c: c.id)
    return tuple(clusters[:limit] if limit else clusters)


def load_jsonl(
    path: Path, name: str | None = None, limit: int | None = None, words: int = MULTINEWS_WORDS
) -> Dataset:
    if not path.is_file():
        raise SummarizeError(f"no such file: {path}", "give a JSONL of {id, documents, references}")
    records = list(_records(path))
    licence = next((str(r["licence"]) for r in records if r.get("licence")), "")
    clusters = clusters_from_records(records, limit)
    if not clusters:
        raise SummarizeError(
            f"{path} holds no usable clusters", "each needs documents and references"
        )
    return Dataset(
        name or path.stem,
        f"{path.name} ({len(clusters)} of {len(records)} clusters)",
        clusters,
        words,
        licence,
    )


def load_hf(name: str, limit: int | None = None) -> Dataset:
    """Hugging Face `multi_news` (validation split), when `datasets` and a hub are reachable."""
    try:
        import datasets
    except ImportError as exc:
        raise SummarizeError(
            "--data hf:... needs the `datasets` package",
            "pip install datasets, or use --data multinews (the local dev set)",
        ) from exc
    try:
        rows = datasets.load_dataset(name, split="validation")
    except Exception as exc:  # the hub raises many types when offline
        raise SummarizeError(
            f"cannot load {name} from the Hugging Face hub: {exc}",
            "go online, or use --data multinews",
        ) from exc
    records = (
        {
            "id": f"{name}-{i:05d}",
            "documents": row["document"].split("|||||"),
            "references": [row["summary"].lstrip("–- ")],
        }
        for i, row in enumerate(rows)
    )
    clusters = clusters_from_records(records, limit)
    return Dataset(
        f"hf-{name}",
        f"Hugging Face {name} validation ({len(clusters)} clusters)",
        clusters,
        MULTINEWS_WORDS,
    )


def load_dataset(spec: str, limit: int | None = None) -> Dataset:
    """`seeds`, `multinews`, `hf:NAME`, a JSONL path, or a folder laid out like seeds/."""
    if spec == "seeds":
        return load_seeds()
    if spec == "multinews":
        if not MULTINEWS.is_file():
            raise SummarizeError(
                f"the Multi-News dev set is not at {MULTINEWS}",
                "use --data PATH to a JSONL of clusters",
            )
        return load_jsonl(MULTINEWS, "multi-news", limit)
    if spec.startswith("hf:"):
        return load_hf(spec[3:], limit)
    path = Path(spec)
    if path.is_dir():
        return load_seeds(path)
    return load_jsonl(path, limit=limit)
