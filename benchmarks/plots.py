"""PNG charts for the reports (matplotlib, Agg backend: no display needed)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path


def _pyplot():  # type: ignore[no-untyped-def]
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def rouge_bars(
    path: Path,
    names: Sequence[str],
    means: Sequence[float],
    cis: Sequence[tuple[float, float] | None],
    title: str,
    families: Sequence[str],
) -> None:
    """ROUGE-2 F1 per system with its 95% CI as error bars."""
    plt = _pyplot()
    colours = {"ours": "#1f77b4", "baseline": "#7f7f7f", "sumy": "#ff7f0e", "oracle": "#2ca02c"}
    lows = [m - c[0] if c else 0.0 for m, c in zip(means, cis, strict=True)]
    highs = [c[1] - m if c else 0.0 for m, c in zip(means, cis, strict=True)]
    fig, ax = plt.subplots(figsize=(max(6.0, 0.7 * len(names) + 2), 4.2))
    ax.bar(
        range(len(names)),
        [100 * m for m in means],
        yerr=[[100 * v for v in lows], [100 * v for v in highs]],
        capsize=4,
        color=[colours.get(f, "#9467bd") for f in families],
    )
    ax.set_xticks(range(len(names)), names, rotation=35, ha="right")
    ax.set_ylabel("ROUGE-2 F1 (x100), 95% CI")
    ax.set_title(title)
    ax.grid(axis="y", alpha=0.3)
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)


def loglog(
    path: Path, x: Sequence[float], series: dict[str, Sequence[float]], ylabel: str, title: str
) -> None:
    """One or more series against article count, both axes logarithmic."""
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(6, 4.2))
    for label, ys in series.items():
        ax.plot(x, ys, marker="o", label=label)
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("articles")
    ax.set_ylabel(ylabel)
    ax.set_title(title)
    ax.grid(which="both", alpha=0.3)
    ax.legend()
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)
