"""Benchmarks: ROUGE against human references and speed/scale, every peer side by side.

`python -m benchmarks rouge` and `python -m benchmarks speed` (or `summarize bench ...`) write
Markdown, JSON and PNG reports into `benchmarks/results/`. Kept out of the `summarize` package so
the product never imports rouge-score, sumy or matplotlib.
"""
