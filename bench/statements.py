"""Benchmark: the statement stage's added time against the entity stage.

Both stages run on the same parsed Doc of each text, in the same process
and run, alternating, so machine load affects them alike. The parse itself
is shared by every extractor and counted for neither. The goal (issue 6):
statements add at most 25% of the entity stage's time.

Texts: PolNeAR dev articles (read from ../shared/data at run time) when
present, else the golden statement texts. Run time is bounded by
``--limit`` articles and ``--max-seconds``.

``.venv/bin/python -m bench.statements [--limit 40] [--max-seconds 60]``
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
GOAL = 0.25
if not __package__:  # run as a script: bench/pipeline.py would shadow the package
    sys.path[0:1] = [str(REPO)]


def texts(limit: int) -> list:
    """CleanArticles to time, PolNeAR dev first."""
    sys.path.insert(0, str(REPO))
    from tests.eval import polnear
    from tests.golden.regenerate import cases
    from tests.golden.suites import clean_article_from_blocks

    if (polnear.POLNEAR / "dev" / "text").is_dir():
        return [polnear.to_clean(d) for d in polnear.load_split("dev", limit)]
    return [clean_article_from_blocks(p, "2024-01-15T00:00:00Z", titled=True)
            for p in cases("statements")][:limit]


def run(limit: int, max_seconds: float) -> dict[str, float]:
    from pipeline.nlp.entities import extract_entities
    from pipeline.nlp.parsing import get_nlp, parse
    from pipeline.nlp.statements import extract_statements

    get_nlp()
    entity_s = statement_s = 0.0
    done, started = 0, time.perf_counter()
    for clean in texts(limit):
        doc = parse(clean)
        t0 = time.perf_counter()
        found = extract_entities(doc, clean)
        t1 = time.perf_counter()
        extract_statements(doc, clean, found)
        t2 = time.perf_counter()
        entity_s, statement_s, done = entity_s + t1 - t0, statement_s + t2 - t1, done + 1
        if time.perf_counter() - started > max_seconds:
            break
    return {"articles": done, "entity_s": entity_s, "statement_s": statement_s,
            "ratio": statement_s / entity_s if entity_s else 0.0}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=40)
    parser.add_argument("--max-seconds", type=float, default=60.0)
    args = parser.parse_args(argv)
    r = run(args.limit, args.max_seconds)
    print(f"articles {r['articles']}  entity stage {r['entity_s']:.2f}s  "
          f"statement stage {r['statement_s']:.2f}s  added {r['ratio']:.0%} (goal <= {GOAL:.0%})")
    return 0 if r["ratio"] <= GOAL else 1


if __name__ == "__main__":
    sys.exit(main())
