"""Benchmarks: ``make bench`` (``python -m tests.bench [--quick] [NAME ...]``).

Each ``bench_*.py`` module here has ``run(quick: bool) -> list[Result]``.  The harness
runs them, prints one table and writes ``bench-results/bench.json``.  Figures are
medians of several runs, and comparisons are made side by side in the same run,
because the machines are shared and noisy.
"""
