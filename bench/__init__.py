"""Benchmark scripts: each measures one thing, prints a Markdown table and stores its figures in
``docs/bench/<name>.json``; ``python -m bench.report`` writes ``docs/BENCHMARKS.md`` from them."""
