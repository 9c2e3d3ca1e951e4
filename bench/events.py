"""Benchmark of the event stage against the entity stage, in the same run.

    .venv/bin/python bench/events.py [--articles 40] [--rounds 3]

Both stages run over the same parsed articles (the news pages and seed that
``bench/pipeline.py`` uses, cleaned once, parsed once with ``parse_many``),
so the figures say what extraction costs on top of the shared parse:
seconds per article of entities+times, statements and events, CPU time of
this process (steadier than wall time on a shared machine), best of
``--rounds``. Statements are timed too because events take them as input.
"""
from __future__ import annotations

import argparse
import importlib.util
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from pipeline.nlp.parsing import parse_many  # noqa: E402
from pipeline.process import raw_from_document  # noqa: E402
from pipeline.text.clean import clean_article  # noqa: E402


def _pipeline_bench():
    """bench/pipeline.py (its corpus), loaded by path: the name ``pipeline``
    is the package."""
    spec = importlib.util.spec_from_file_location("bench_pipeline", REPO / "bench/pipeline.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def one_round(bench, parsed) -> dict[str, float]:
    """CPU seconds per extraction step over every parsed article."""
    spent = dict.fromkeys(("entities+times", "statements", "events"), 0.0)
    for doc, clean in parsed:
        for step, seconds in bench.timed_extract(doc, clean, clock=time.process_time).items():
            spent[step] += seconds
    return spent


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=40)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    bench = _pipeline_bench()
    cleans = [clean_article(raw_from_document(d, name=n, published=bench.PUBLISHED))
              for n, d in bench.documents(args.articles)]
    began = time.process_time()
    parsed = list(zip(parse_many(cleans), cleans, strict=True))
    parse_s = time.process_time() - began
    one_round(bench, parsed[:2])  # warm-up: lexicons, registry, caches
    rounds = [one_round(bench, parsed) for _ in range(args.rounds)]
    best = {k: min(r[k] for r in rounds) for k in rounds[0]}
    n = len(parsed)
    print(f"articles: {n}; CPU ms per article, best of {args.rounds} rounds")
    print(f"  parse (once)     {1000 * parse_s / n:8.1f}")
    for key, value in best.items():
        print(f"  {key:16s} {1000 * value / n:8.1f}")
    print(f"events / entities: {best['events'] / best['entities+times']:.2f}")


if __name__ == "__main__":
    main()
